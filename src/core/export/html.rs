//! The self-contained HTML report: summary chart, claims per article by status, and the article
//! text with claims highlighted. Inline CSS only: no scripts, no external resources.

use super::escape::html as esc;
use super::report::{ArticleSection, Report, meta_rows};
use crate::core::model::{Claim, Status};
use std::collections::BTreeSet;
use std::fmt::Write;

const STYLE: &str = "
body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2.5rem}
table.summary{border-collapse:collapse}table.summary td,table.summary th{padding:.2rem .6rem;text-align:left}
td.n{text-align:right}.bar{display:inline-block;height:.9rem;vertical-align:middle;min-width:1px}
dl.meta{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem}dl.meta dt{font-weight:600}dl.meta dd{margin:0;overflow-wrap:anywhere}
ul.claims{padding-left:1.2rem}ul.claims li{margin:.4rem 0}.quote{font-style:italic}.who{font-weight:600}.small{color:#555;font-size:.85rem}
.text{white-space:pre-wrap;border:1px solid #ddd;padding:1rem;background:#fcfcfc;overflow-wrap:anywhere}
mark{padding:0 .1rem;border-radius:2px;color:inherit}
.st-sourced{background:#c8ecc9}.st-disputed{background:#ffe3a3}.st-denied{background:#f7c0c0}.st-unreviewed{background:#e2e2e2}
mark.overlap{box-shadow:inset 0 -2px 0 #555}
.legend span{margin-right:.8rem;padding:0 .3rem}
@media print{body{margin:0;max-width:none}section.article{break-before:page}.bar,mark,.legend span{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit;text-decoration:none}}
";

fn class(s: Status) -> &'static str {
    match s {
        Status::Unreviewed => "st-unreviewed",
        Status::Sourced => "st-sourced",
        Status::Disputed => "st-disputed",
        Status::Denied => "st-denied",
    }
}

pub fn write(r: &Report) -> String {
    let mut s = String::with_capacity(4096 + r.total * 600);
    let title = esc(r.title());
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    let _ = writeln!(
        s,
        "<p>{} claims exported ({}).</p>\n<p class=\"small provenance\">{}.</p>",
        r.total,
        esc(&r.selection),
        esc(&r.provenance.line())
    );
    summary(&mut s, r);
    let changed = super::report::changed_by_outlet(r);
    if !changed.is_empty() {
        s.push_str("<h2>Changed by the outlet</h2>\n<ul class=\"changed\">\n");
        for c in changed {
            let _ = writeln!(
                s,
                "<li>“{}” ({}) {}</li>",
                esc(&c.anchor.quote),
                esc(c.id.as_str()),
                esc(&super::report::now_reads(c))
            );
        }
        s.push_str("</ul>\n");
    }
    for sec in &r.articles {
        article(&mut s, sec, r.evidence_folder);
    }
    s.push_str("</body>\n</html>\n");
    s
}

fn summary(s: &mut String, r: &Report) {
    s.push_str("<h2>Summary</h2>\n<table class=\"summary\">\n<tr><th>Status</th><th>Claims</th><th></th></tr>\n");
    let max = r.max_count().max(1);
    for (status, n) in &r.counts {
        // Bar width in rem, proportional to the count (at most 15rem).
        let width = (*n as f64) * 15.0 / (max as f64);
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td class=\"n\">{n}</td><td><span class=\"bar {}\" style=\"width:{width:.2}rem\"></span></td></tr>",
            status.label(),
            class(*status)
        );
    }
    let _ = writeln!(
        s,
        "<tr><th>Total</th><th class=\"n\">{}</th><td></td></tr>\n</table>",
        r.total
    );
}

fn article(s: &mut String, sec: &ArticleSection, evidence: Option<&str>) {
    let a = sec.article;
    let _ = writeln!(
        s,
        "<section class=\"article\" id=\"{}\">\n<h2>{}</h2>\n<dl class=\"meta\">",
        esc(a.id.as_str()),
        esc(a.display_title())
    );
    for (label, value) in meta_rows(a) {
        if label == "URL" && is_web_link(value) {
            let v = esc(value);
            let _ = writeln!(s, "<dt>{label}</dt><dd><a href=\"{v}\">{v}</a></dd>");
        } else {
            let _ = writeln!(s, "<dt>{label}</dt><dd>{}</dd>", esc(value));
        }
    }
    s.push_str("</dl>\n");
    if let Some(folder) = evidence {
        copies(s, folder, &a.captures, "Page as imported");
    }
    if sec.claims.is_empty() {
        s.push_str("<p>No claims selected in this article.</p>\n");
    }
    for (status, claims) in sec.groups() {
        let _ = writeln!(
            s,
            "<h3><span class=\"{}\">{}</span> ({})</h3>\n<ul class=\"claims\">",
            class(status),
            status.label(),
            claims.len()
        );
        for c in claims {
            claim_item(s, c, evidence);
        }
        s.push_str("</ul>\n");
    }
    s.push_str("<h3>Article text</h3>\n<p class=\"legend small\">");
    for st in [
        Status::Sourced,
        Status::Disputed,
        Status::Denied,
        Status::Unreviewed,
    ] {
        let _ = write!(s, "<span class=\"{}\">{}</span>", class(st), st.label());
    }
    s.push_str("</p>\n<div class=\"text\">");
    highlighted_text(s, sec);
    s.push_str("</div>\n</section>\n");
}

fn claim_item(s: &mut String, c: &Claim, evidence: Option<&str>) {
    if c.changed.is_some() {
        // Its offsets index an older version: it has no place in the text shown.
        let _ = write!(
            s,
            "<li><span class=\"quote\">“{}”</span>",
            esc(&c.anchor.quote)
        );
    } else {
        let _ = write!(
            s,
            "<li><a class=\"quote\" href=\"#claim-{}\">“{}”</a>",
            esc(c.id.as_str()),
            esc(&c.anchor.quote)
        );
    }
    if !c.speaker.trim().is_empty() {
        let _ = write!(s, " — <span class=\"who\">{}</span>", esc(&c.speaker));
    }
    let version = c
        .changed
        .as_ref()
        .map(|ch| format!(" of version {}", ch.version))
        .unwrap_or_default();
    let _ = write!(
        s,
        "<br><span class=\"small\">chars {}–{}{version} · {}</span>",
        c.anchor.start,
        c.anchor.end,
        esc(c.id.as_str())
    );
    for (label, value) in super::report::review_rows(c) {
        if label == "Review" && is_web_link(&value) {
            let v = esc(&value);
            let _ = write!(s, "<br>{label}: <a href=\"{v}\">{v}</a>");
        } else {
            let _ = write!(s, "<br>{label}: {}", esc(&value));
        }
    }
    if !c.sources.is_empty() {
        s.push_str("<br>Sources:<ul class=\"sources\">");
        for src in &c.sources {
            let text = if src.title.is_empty() {
                &src.url
            } else {
                &src.title
            };
            s.push_str("<li>");
            if is_web_link(&src.url) {
                let _ = write!(s, "<a href=\"{}\">{}</a>", esc(&src.url), esc(text));
            } else {
                s.push_str(&esc(text));
            }
            if !src.title.is_empty() && !src.url.is_empty() {
                let _ = write!(s, " <span class=\"small\">{}</span>", esc(&src.url));
            }
            if !src.note.trim().is_empty() {
                let _ = write!(s, " — {}", esc(&src.note));
            }
            if let Some(folder) = evidence {
                copies(s, folder, &src.captures, "captured copy");
            }
            s.push_str("</li>");
        }
        s.push_str("</ul>");
    }
    if !c.note.trim().is_empty() {
        let _ = write!(s, "<br>Note: {}", esc(&c.note));
    }
    s.push_str("</li>\n");
}

/// Links to the captured copies inside a dossier (relative, so the zip works unpacked anywhere).
fn copies(s: &mut String, folder: &str, captures: &[crate::core::model::Capture], label: &str) {
    for c in captures.iter().filter(|c| c.is_captured()) {
        let _ = write!(
            s,
            " <span class=\"small evidence\">[<a href=\"{}/{}\">{label}, {}</a>]</span>",
            esc(folder),
            esc(&c.file),
            esc(&c.time.readable())
        );
    }
}

/// Only http(s) URLs become links: `javascript:` and the like stay plain text.
fn is_web_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The body with each run of text covered by claims wrapped in a `<mark>` coloured by the
/// innermost (shortest) covering claim. A sweep over claim boundaries keeps this O(n log n).
fn highlighted_text(s: &mut String, sec: &ArticleSection) {
    let a = sec.article;
    let len = a.char_len();
    let claims: Vec<&Claim> = sec
        .claims
        .iter()
        .copied()
        // A claim flagged by a new version indexes the older text: never highlighted on this one.
        .filter(|c| c.changed.is_none())
        .filter(|c| c.anchor.start < c.anchor.end && c.anchor.end <= len)
        .collect();
    let mut bounds: Vec<usize> = Vec::with_capacity(claims.len() * 2 + 2);
    bounds.push(0);
    bounds.push(len);
    for c in &claims {
        bounds.push(c.anchor.start);
        bounds.push(c.anchor.end);
    }
    bounds.sort_unstable();
    bounds.dedup();
    let mut by_start: Vec<usize> = (0..claims.len()).collect();
    by_start.sort_by_key(|&i| claims[i].anchor.start);
    let mut by_end = by_start.clone();
    by_end.sort_by_key(|&i| claims[i].anchor.end);
    let (mut si, mut ei) = (0, 0);
    let mut active: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut opened = vec![false; claims.len()];
    for w in bounds.windows(2) {
        let (from, to) = (w[0], w[1]);
        while ei < by_end.len() && claims[by_end[ei]].anchor.end <= from {
            let i = by_end[ei];
            active.remove(&(claims[i].anchor.end - claims[i].anchor.start, i));
            ei += 1;
        }
        while si < by_start.len() && claims[by_start[si]].anchor.start <= from {
            let i = by_start[si];
            if claims[i].anchor.end > from {
                active.insert((claims[i].anchor.end - claims[i].anchor.start, i));
            }
            si += 1;
        }
        let text = a.slice(from..to).unwrap_or("");
        let Some(&(_, inner)) = active.iter().next() else {
            s.push_str(&esc(text));
            continue;
        };
        let c = claims[inner];
        let overlap = if active.len() > 1 { " overlap" } else { "" };
        // Link targets for the claim list, where each claim's first run begins.
        for &(_, i) in &active {
            if !opened[i] {
                opened[i] = true;
                let _ = write!(
                    s,
                    "<span id=\"claim-{}\"></span>",
                    esc(claims[i].id.as_str())
                );
            }
        }
        s.push_str("<mark");
        let mut tip = c.status.label().to_string();
        if !c.speaker.trim().is_empty() {
            tip.push_str(" — ");
            tip.push_str(&c.speaker);
        }
        let _ = write!(
            s,
            " class=\"{}{overlap}\" title=\"{}\">{}</mark>",
            class(c.status),
            esc(&tip),
            esc(text)
        );
    }
}
