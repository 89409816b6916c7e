//! Stable, collision-resistant identifiers for articles and claims.
//!
//! Two analysts working on copies of one project must never mint the same id, so ids are random
//! (60 bits from the OS generator), never counters.

use serde::{Deserialize, Serialize};
use std::fmt;

const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
const RANDOM_CHARS: usize = 12;

fn random_suffix() -> String {
    let mut bytes = [0u8; RANDOM_CHARS];
    if getrandom::fill(&mut bytes).is_err() {
        // No OS randomness: std's per-process hash keys and the clock still make collisions unlikely.
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0),
        );
        let mix = h.finish();
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (mix >> ((i * 5) % 60)) as u8;
        }
    }
    bytes
        .iter()
        .map(|b| ALPHABET[(*b & 31) as usize] as char)
        .collect()
}

macro_rules! id_type {
    ($name:ident, $prefix:literal, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// A fresh random id.
            pub fn generate() -> Self {
                $name(format!("{}{}", $prefix, random_suffix()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_string())
            }
        }
    };
}

id_type!(
    ArticleId,
    "a-",
    "The id of an article within a project, e.g. `a-4k2m9x0q7tbz`."
);
id_type!(ClaimId, "c-", "The id of a claim, e.g. `c-8wq1n3v5r0hd`.");

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_prefixed_and_distinct() {
        let ids: HashSet<_> = (0..10_000).map(|_| ClaimId::generate()).collect();
        assert_eq!(ids.len(), 10_000);
        for id in ids.iter().take(5) {
            assert!(id.as_str().starts_with("c-"));
            assert_eq!(id.as_str().len(), 2 + RANDOM_CHARS);
        }
        assert!(ArticleId::generate().as_str().starts_with("a-"));
    }
}
