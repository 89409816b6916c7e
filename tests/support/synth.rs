//! Synthetic projects of any size, for benchmarks, scale tests and the frame benchmark.
// Included by path by the tests, benchmarks and examples that need it: each uses a part.
#![allow(dead_code)]

use factdesk::core::model::{
    Anchor, Article, ArticleMeta, Claim, ClaimId, Project, Source, Status,
};
use factdesk::core::time::Timestamp;

const SENTENCES: &[&str] = &[
    "North Korea on Sunday denied providing arms to Moscow, the agency said.",
    "“We also know that Pyongyang is providing military support,” he added.",
    "Officials in Seoul estimated that 31 tanks and 1,200 rockets were involved.",
    "Le ministère a démenti ces « informations » vendredi soir.",
    "北朝鮮は関与を否定した。 The statement was carried by state media 🚀.",
    "According to spokesman John Kirby, rail cars crossed the border twice.",
];

/// A deterministic project with one article of at least `chars` chars and `claims` claims spread
/// evenly over it, cycling through every status. Paragraphs are a few sentences long.
pub fn project(chars: usize, claims: usize) -> Project {
    let mut body = String::new();
    let mut n = 0usize;
    let mut len = 0usize;
    while len < chars.max(1) {
        let s = SENTENCES[n % SENTENCES.len()];
        body.push_str(s);
        len += s.chars().count();
        n += 1;
        let sep = if n.is_multiple_of(4) { "\n\n" } else { " " };
        body.push_str(sep);
        len += sep.chars().count();
    }
    let body = body.trim_end().to_string();
    let meta = ArticleMeta {
        title: format!("Synthetic article ({chars} chars, {claims} claims)"),
        source: "factdesk".into(),
        ..ArticleMeta::default()
    };
    let mut project = Project::new("Synthetic project");
    let article = Article::new(meta, &body);
    let total = article.char_len();
    let id = article.id.clone();
    project.articles.push(article);
    let at = Timestamp("2023-01-30T08:00:00Z".into());
    let stride = (total / claims.max(1)).max(1);
    let mut out = Vec::with_capacity(claims);
    for i in 0..claims {
        let start = (i * stride) % total.saturating_sub(40).max(1);
        // Every fifth claim overlaps the next one, as analysts' nested claims do.
        let len = if i.is_multiple_of(5) { stride + 20 } else { 24 };
        let end = (start + len.max(1)).min(total);
        let Some(anchor) = Anchor::in_article(&project.articles[0], start..end) else {
            continue;
        };
        let mut claim = Claim::new(id.clone(), anchor, at.clone());
        claim.id = ClaimId(format!("c-synth{i:07}"));
        claim.status = Status::ALL[i % 4];
        claim.speaker = ["John Kirby", "KCNA", "Jens Stoltenberg", ""][i % 4].into();
        if i.is_multiple_of(3) {
            claim
                .sources
                .push(Source::from_url("https://example.org/source"));
        }
        out.push(claim);
    }
    project.claims = out;
    project.sort_claims();
    project
}

#[rustfmt::skip]
const SUBJECTS: &[&str] = &[
    "The ministry", "North Korea", "The central bank", "Officials in Seoul", "The army",
    "The government", "Russia", "The agency", "The opposition", "Health officials",
    "The company", "Police", "The mayor", "Farmers", "The union", "Researchers",
];
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "denied sending", "confirmed delivering", "estimated", "reported", "promised", "spent",
    "lost", "built", "imported", "exported", "destroyed", "counted", "sold", "bought",
];
#[rustfmt::skip]
const OBJECTS: &[&str] = &[
    "tanks", "rockets", "jobs", "vaccines", "homes", "schools", "tonnes of grain", "rail cars",
    "barrels of oil", "hospital beds", "soldiers", "drones", "cases", "arrests", "votes", "trees",
];
#[rustfmt::skip]
const PLACES: &[&str] = &[
    "to Moscow", "in the capital", "across the border", "last year", "since January",
    "in the north", "over six years", "this month", "in rural areas", "before the election",
];
#[rustfmt::skip]
const SPEAKERS: &[&str] = &[
    "John Kirby", "Kirby", "KCNA", "Jens Stoltenberg", "Barack Obama", "Obama", "Mr Mugabe",
    "Robert Mugabe", "the ministry", "Ursula von der Leyen", "", "Amina Mohammed",
];

/// A project for the claim library's benchmarks: one article of `claims` distinct sentences
/// (subject, verb, figure, object, place drawn from word lists by a seeded generator), each a
/// claim with a speaker and a status, so quotes vary the way a real library's do.
pub fn library_project(seed: u64, claims: usize) -> Project {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = |n: usize| {
        // xorshift64: deterministic, no dependency.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut sentences = Vec::with_capacity(claims);
    for _ in 0..claims {
        sentences.push(format!(
            "{} {} {} {} {}.",
            SUBJECTS[next(SUBJECTS.len())],
            VERBS[next(VERBS.len())],
            1 + next(99_999),
            OBJECTS[next(OBJECTS.len())],
            PLACES[next(PLACES.len())],
        ));
    }
    let body = sentences.join(" ");
    let meta = ArticleMeta {
        title: format!("Library article {seed}"),
        source: ["AFP", "Reuters", "AP", "Yonhap"][(seed % 4) as usize].into(),
        published: "2024-03-01".into(),
        ..ArticleMeta::default()
    };
    let article = Article::new(meta, &body);
    let id = article.id.clone();
    let at = Timestamp("2024-03-02T08:00:00Z".into());
    let mut out = Vec::with_capacity(claims);
    let mut start = 0usize;
    for (i, s) in sentences.iter().enumerate() {
        let len = s.chars().count();
        if let Some(anchor) = Anchor::in_article(&article, start..start + len) {
            let mut claim = Claim::new(id.clone(), anchor, at.clone());
            claim.id = ClaimId(format!("c-lib{seed:05}{i:07}"));
            claim.status = Status::ALL[(i + seed as usize) % Status::COUNT];
            claim.speaker = SPEAKERS[next(SPEAKERS.len())].into();
            out.push(claim);
        }
        start += len + 1;
    }
    let mut project = Project::new(&format!("Library project {seed}"));
    project.articles.push(article);
    project.claims = out;
    project.sort_claims();
    project
}

#[cfg(test)]
mod tests {
    #[test]
    fn synthetic_projects_are_valid() {
        use super::{library_project, project};
        let p = project(20_000, 300);
        assert!(p.articles[0].char_len() >= 20_000);
        assert_eq!(p.claims.len(), 300);
        assert!(factdesk::core::store::check(&p).is_empty());
        assert_eq!(p.counts().denied, 75);
        assert_eq!(project(10, 0).claims.len(), 0);
        let lib = library_project(7, 50);
        assert_eq!(lib.claims.len(), 50);
        assert!(factdesk::core::store::check(&lib).is_empty());
    }
}
