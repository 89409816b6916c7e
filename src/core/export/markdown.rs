//! The Markdown report: summary with a text bar chart, then each article's claims by status.

use super::escape::markdown_inline as esc;
use super::report::{Report, meta_rows, review_rows};
use std::fmt::Write;

const BAR_WIDTH: usize = 20;

pub fn write(r: &Report) -> String {
    let mut s = String::with_capacity(1024 + r.total * 200);
    // Writing into a String cannot fail: the results are ignored.
    let _ = writeln!(s, "# {}\n", esc(r.title()));
    let _ = writeln!(s, "{} claims exported ({}).\n", r.total, esc(&r.selection));
    let _ = writeln!(s, "{}.\n", esc(&r.provenance.line()));
    s.push_str("## Summary\n\n| Status | Claims | Chart |\n|:--|--:|:--|\n");
    let max = r.max_count().max(1);
    for (status, n) in &r.counts {
        let bar = "█".repeat((n * BAR_WIDTH).div_ceil(max));
        let _ = writeln!(s, "| {} | {n} | {bar} |", status.label());
    }
    let _ = writeln!(s, "| **Total** | **{}** | |", r.total);
    let changed = super::report::changed_by_outlet(r);
    if !changed.is_empty() {
        s.push_str("\n## Changed by the outlet\n\n");
        for c in changed {
            let _ = writeln!(
                s,
                "- “{}” (`{}`) {}",
                esc(&c.anchor.quote),
                c.id,
                esc(&super::report::now_reads(c))
            );
        }
    }
    for sec in &r.articles {
        let a = sec.article;
        let _ = writeln!(s, "\n## {}\n", esc(a.display_title()));
        for (label, value) in meta_rows(a) {
            let _ = writeln!(s, "- {label}: {}", esc(value));
        }
        if sec.claims.is_empty() {
            s.push_str("\nNo claims selected in this article.\n");
        }
        for (status, claims) in sec.groups() {
            let _ = writeln!(s, "\n### {} ({})\n", status.label(), claims.len());
            for c in claims {
                let speaker = if c.speaker.trim().is_empty() {
                    String::new()
                } else {
                    format!(" — **{}**", esc(&c.speaker))
                };
                let _ = writeln!(s, "- “{}”{speaker}", esc(&c.anchor.quote));
                let version = c
                    .changed
                    .as_ref()
                    .map(|ch| format!(" of version {}", ch.version))
                    .unwrap_or_default();
                let _ = writeln!(
                    s,
                    "  - Position: chars {}–{}{version} (`{}`)",
                    c.anchor.start, c.anchor.end, c.id
                );
                for (label, value) in review_rows(c) {
                    let _ = writeln!(s, "  - {label}: {}", esc(&value));
                }
                for src in &c.sources {
                    let text = if src.title.is_empty() {
                        &src.url
                    } else {
                        &src.title
                    };
                    let mut line = if src.url.is_empty() || text == &src.url {
                        format!("  - Source: {}", esc(text))
                    } else {
                        format!("  - Source: {} ({})", esc(text), esc(&src.url))
                    };
                    if !src.note.trim().is_empty() {
                        line.push_str(&format!(" — {}", esc(&src.note)));
                    }
                    let _ = writeln!(s, "{line}");
                }
                if !c.note.trim().is_empty() {
                    let _ = writeln!(s, "  - Note: {}", esc(&c.note));
                }
            }
        }
    }
    s
}
