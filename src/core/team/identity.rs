//! Who the analyst is when nobody said: `FACTDESK_ANALYST`, then git's `user.name`, then the
//! operating-system user. The first non-empty answer wins.

use std::process::Command;

/// The environment variable naming the analyst.
pub const ENV_VAR: &str = "FACTDESK_ANALYST";

/// The analyst name to record: `explicit` (e.g. `--analyst`) when given and non-empty, else the
/// fallbacks above; empty only when every source is empty.
pub fn resolve(explicit: Option<&str>) -> String {
    let env = |k: &str| std::env::var(k).ok();
    let candidates = [
        explicit.map(str::to_string),
        env(ENV_VAR),
        git_user_name(),
        env("USER"),
        env("USERNAME"),
    ];
    candidates
        .into_iter()
        .flatten()
        .map(|s| s.trim().to_string())
        .find(|s| !s.is_empty())
        .unwrap_or_default()
}

/// `git config user.name`, when git is installed and the name is set.
pub fn git_user_name() -> Option<String> {
    let out = Command::new("git")
        .args(["config", "user.name"])
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let name = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_name_wins_and_is_trimmed() {
        assert_eq!(resolve(Some("  Ana Lyst ")), "Ana Lyst");
        // Blank explicit names fall through to the other sources rather than recording nobody.
        let fallback = resolve(Some("  "));
        assert_eq!(fallback, resolve(None));
    }
}
