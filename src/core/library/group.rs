//! Near-duplicate groups: each new record joins the group of an earlier record that shares a
//! MinHash band with it and is the same claim, so a claim repeated across articles reads as one.

use super::{Fields, Record, Signature, hit, minhash};
use std::collections::HashMap;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, TantivyDocument, Term};

/// Documents sharing at least one MinHash band with `sig`, most shared bands first.
pub(super) fn band_candidates(
    searcher: &Searcher,
    f: &Fields,
    sig: &Signature,
    limit: usize,
) -> tantivy::Result<Vec<(f32, tantivy::DocAddress)>> {
    let q = BooleanQuery::new(
        sig.bands()
            .iter()
            .map(|b| {
                let t = TermQuery::new(Term::from_field_u64(f.band, *b), IndexRecordOption::Basic);
                (Occur::Should, Box::new(t) as Box<dyn Query>)
            })
            .collect(),
    );
    searcher.search(&q, &TopDocs::with_limit(limit).order_by_score())
}

/// Gives each new record its near-duplicate group: the group of an earlier record of this run
/// that shares a band and is the same claim, else of such a record already in the index, else a
/// new group named after the record.
pub(super) struct Grouper<'a> {
    searcher: Option<&'a Searcher>,
    fields: Fields,
    bands: HashMap<u64, usize>,
    groups: Vec<(Signature, String)>,
}

impl<'a> Grouper<'a> {
    pub(super) fn new(searcher: &'a Searcher, fields: Fields) -> Self {
        Grouper {
            searcher: (searcher.num_docs() > 0).then_some(searcher),
            fields,
            bands: HashMap::new(),
            groups: Vec::new(),
        }
    }

    pub(super) fn assign(&mut self, r: &Record) -> String {
        let own = || format!("g-{:016x}", minhash::fnv1a(r.key.as_bytes()));
        let Some(sig) = Signature::of(&r.quote) else {
            return own();
        };
        let bands = sig.bands();
        for b in &bands {
            if let Some(&i) = self.bands.get(b)
                && self.groups[i].0.same_claim(&sig)
            {
                return self.groups[i].1.clone();
            }
        }
        let found = self.searcher.and_then(|s| {
            let top = band_candidates(s, &self.fields, &sig, 5).ok()?;
            top.into_iter().find_map(|(_, addr)| {
                let d: TantivyDocument = s.doc(addr).ok()?;
                let h = hit(&self.fields, &d, 0.0);
                let other = Signature::of(&h.quote)?;
                other.same_claim(&sig).then_some(h.group)
            })
        });
        let group = found.unwrap_or_else(own);
        let i = self.groups.len();
        self.groups.push((sig, group.clone()));
        for b in bands {
            self.bands.entry(b).or_insert(i);
        }
        group
    }
}
