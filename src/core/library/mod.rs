//! The claim library: every claim of a folder of projects and of ClaimReview feeds, searchable.
//!
//! Files are the source of truth. The index (a tantivy index plus `manifest.json`) lives in its
//! own folder, is updated per changed file (size and mtime, then SHA-256, decide) and is rebuilt
//! whenever its schema version is not this build's. Near-duplicate quotes (MinHash, LSH bands
//! indexed as terms) share a `group`, so the same claim repeated across articles reads as one.
//! See docs/LIBRARY.md.

mod claimreview;
mod group;
mod manifest;
mod minhash;
mod record;
/// Speaker names resolved within an article (shared with the suggestions).
pub use crate::core::nlp::names as speakers;

pub use claimreview::FeedProblem;
use claimreview::parse_feed;
pub use manifest::{Counts, Kind, SCHEMA_VERSION};
pub use minhash::Signature;
pub use record::Record;
use record::project_records;

use crate::core::store;
use group::{Grouper, band_candidates};
use manifest::{FileEntry, Manifest};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{
    Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
    Value,
};
use tantivy::tokenizer::TokenStream;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// The environment variable naming the index folder (instead of the user's data folder).
pub const LIBRARY_ENV: &str = "FACTDESK_LIBRARY";
/// A ClaimReview feed larger than this is refused (feeds of a few hundred thousand reviews fit).
pub const MAX_FEED_BYTES: u64 = 512 * 1024 * 1024;
/// Results asked of `search` when no limit is given.
pub const DEFAULT_LIMIT: usize = 20;
const TANTIVY_DIR: &str = "tantivy";
/// The indexing writer's memory budget, split across its threads.
const WRITER_BYTES: usize = 128 * 1024 * 1024;

/// Why the library could not do something. Names the file or folder concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryError {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for LibraryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for LibraryError {}

fn err(path: &Path, message: impl std::fmt::Display) -> LibraryError {
    LibraryError {
        path: path.to_path_buf(),
        message: message.to_string(),
    }
}

/// One search result. Serialised as is by `factdesk library search --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub score: f32,
    pub quote: String,
    /// The project claim's status; `None` for a published ClaimReview.
    pub status: Option<String>,
    pub verdict: Option<String>,
    pub speaker: Option<String>,
    /// The project file or ClaimReview feed it came from.
    pub project: String,
    pub article: Option<String>,
    /// The claim id in its project; `None` for a ClaimReview.
    pub claim: Option<String>,
    pub date: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// Near-duplicate group: hits with the same group are the same claim.
    pub group: String,
}

/// What `search` keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchFilters {
    /// Only claims whose (resolved) speaker contains these words ("Obama" finds "Barack Obama").
    pub speaker: Option<String>,
    /// At most this many hits ([`DEFAULT_LIMIT`] when `None`).
    pub limit: Option<usize>,
}

/// A "seen before" answer: a hit, how alike it is, and whether it is the same claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Similar {
    pub hit: Hit,
    /// 0..=1: word overlap (Jaccard or containment, estimated) blended with the text score.
    pub similarity: f32,
    /// A near-duplicate of the asked quote, or in the same group as one.
    pub same_claim: bool,
}

/// A speaker across the library, with their claims per status and per verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerStats {
    pub speaker: String,
    pub claims: usize,
    pub by_status: BTreeMap<String, usize>,
    pub by_verdict: BTreeMap<String, usize>,
}

/// A file that was skipped (or a review in it), and why. The message names the file and, where
/// there is one, the line:col or position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub message: String,
}

/// What an indexing run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexReport {
    /// Files (re)read into the index.
    pub indexed: usize,
    /// Files unchanged since the last run (not read again).
    pub unchanged: usize,
    /// Files gone from the sources, dropped from the index.
    pub removed: usize,
    /// Records in the index after the run.
    pub records: u64,
    pub problems: Vec<Problem>,
    /// Set when the index was rebuilt from the files, and why.
    pub rebuilt: Option<String>,
}

/// The index folder used when neither `--index` nor [`LIBRARY_ENV`] says: `library` in the
/// user's data folder (`$XDG_DATA_HOME/factdesk`, `~/Library/Application Support/factdesk`,
/// `%LOCALAPPDATA%\factdesk`).
pub fn default_index_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(LIBRARY_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(windows) {
        env("LOCALAPPDATA")?
    } else if cfg!(target_os = "macos") {
        env("HOME")?.join("Library/Application Support")
    } else {
        env("XDG_DATA_HOME").or_else(|| env("HOME").map(|h| h.join(".local/share")))?
    };
    Some(base.join("factdesk").join("library"))
}

#[derive(Clone, Copy)]
struct Fields {
    key: Field,
    source: Field,
    quote: Field,
    extra: Field,
    speaker: Field,
    status: Field,
    verdict: Field,
    project: Field,
    article: Field,
    claim: Field,
    date: Field,
    publisher: Field,
    url: Field,
    group: Field,
    band: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    // English stemming with positions: "denies" finds "denied", and "…" in a query is a phrase.
    let stemmed = TextFieldIndexing::default()
        .set_tokenizer("en_stem")
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let plain = TextFieldIndexing::default()
        .set_tokenizer("default")
        .set_index_option(IndexRecordOption::Basic);
    let fields = Fields {
        key: b.add_text_field("key", STRING | STORED),
        source: b.add_text_field("source", STRING),
        quote: b.add_text_field(
            "quote",
            TextOptions::default()
                .set_indexing_options(stemmed.clone())
                .set_stored(),
        ),
        extra: b.add_text_field(
            "extra",
            TextOptions::default().set_indexing_options(stemmed),
        ),
        speaker: b.add_text_field(
            "speaker",
            TextOptions::default()
                .set_indexing_options(plain)
                .set_stored(),
        ),
        status: b.add_text_field("status", STRING | STORED),
        verdict: b.add_text_field("verdict", STORED),
        project: b.add_text_field("project", STORED),
        article: b.add_text_field("article", STORED),
        claim: b.add_text_field("claim", STORED),
        date: b.add_text_field("date", STORED),
        publisher: b.add_text_field("publisher", STORED),
        url: b.add_text_field("url", STORED),
        group: b.add_text_field("group", STRING | STORED),
        band: b.add_u64_field("band", INDEXED),
    };
    (b.build(), fields)
}

/// An open library index.
pub struct Library {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    manifest: Manifest,
    /// Why the index on disk was not used (it starts empty and is rebuilt from the files).
    stale: Option<String>,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl Library {
    /// Whether `dir` holds a library index (of any version).
    pub fn exists(dir: &Path) -> bool {
        dir.join(manifest::MANIFEST_FILE).is_file()
    }

    /// Opens the index in `dir`, creating the folder and an empty index when there is none. An
    /// index of another schema version, or one that cannot be opened, is set aside (emptied, its
    /// sources kept): [`Library::rebuild_reason`] says why, and [`Library::refresh`] rebuilds it.
    /// A folder holding anything else is refused rather than written into.
    pub fn open(dir: &Path) -> Result<Library, LibraryError> {
        std::fs::create_dir_all(dir).map_err(|e| err(dir, format!("cannot create: {e}")))?;
        let tantivy_dir = dir.join(TANTIVY_DIR);
        let ours = Library::exists(dir) || tantivy_dir.is_dir();
        let empty = std::fs::read_dir(dir)
            .map_err(|e| err(dir, format!("cannot list: {e}")))?
            .next()
            .is_none();
        if !ours && !empty {
            return Err(err(
                dir,
                "is not empty and holds no library index; name an empty or new folder",
            ));
        }
        let (schema, fields) = schema();
        let (mut manifest, mut stale) = match manifest::load(dir) {
            manifest::Loaded::Absent => (Manifest::default(), None),
            manifest::Loaded::Current(m) => (m, None),
            manifest::Loaded::Stale(reason, old) => {
                let mut m = Manifest::default();
                if let Some(old) = old {
                    m.roots = old.roots;
                    m.feeds = old.feeds;
                }
                (m, Some(reason))
            }
        };
        let opened = if stale.is_none() && tantivy_dir.join("meta.json").is_file() {
            match Index::open_in_dir(&tantivy_dir) {
                Ok(index) if index.schema() == schema => Some(index),
                Ok(_) => {
                    stale = Some("the index's fields are not this version's".into());
                    None
                }
                Err(e) => {
                    stale = Some(format!("the index files cannot be opened: {e}"));
                    None
                }
            }
        } else {
            None
        };
        let index = match opened {
            Some(index) => index,
            None => {
                // Set aside: the files are the truth, the index is rebuilt from them.
                if stale.is_some() || !manifest.files.is_empty() {
                    manifest.files.clear();
                    stale.get_or_insert_with(|| "the index files are missing".into());
                }
                if tantivy_dir.exists() {
                    std::fs::remove_dir_all(&tantivy_dir)
                        .map_err(|e| err(&tantivy_dir, format!("cannot clear: {e}")))?;
                }
                std::fs::create_dir_all(&tantivy_dir)
                    .map_err(|e| err(&tantivy_dir, format!("cannot create: {e}")))?;
                Index::create_in_dir(&tantivy_dir, schema)
                    .map_err(|e| err(&tantivy_dir, format!("cannot create the index: {e}")))?
            }
        };
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| err(&tantivy_dir, format!("cannot read the index: {e}")))?;
        Ok(Library {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
            manifest,
            stale,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Why the index on disk was set aside at open (another schema version, unreadable files).
    pub fn rebuild_reason(&self) -> Option<&str> {
        self.stale.as_deref()
    }

    /// The project folders the index covers.
    pub fn roots(&self) -> &[PathBuf] {
        &self.manifest.roots
    }

    /// The ClaimReview feeds the index covers.
    pub fn feeds(&self) -> &[PathBuf] {
        &self.manifest.feeds
    }

    /// Records in the index.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Makes the index cover exactly these project folders and feeds: new and changed files are
    /// read, unchanged ones skipped, files no longer under them dropped. Bad files are reported
    /// in the report and skipped; only a failure of the index itself is an `Err`.
    pub fn index(
        &mut self,
        roots: &[PathBuf],
        feeds: &[PathBuf],
    ) -> Result<IndexReport, LibraryError> {
        self.set_sources(roots, feeds);
        self.refresh()
    }

    /// Records the folders and feeds the index covers, for the next [`Library::refresh`] or
    /// [`Library::rebuild`] (nothing is read yet).
    pub fn set_sources(&mut self, roots: &[PathBuf], feeds: &[PathBuf]) {
        self.manifest.roots = roots.iter().map(|p| absolute(p)).collect();
        self.manifest.feeds = feeds.iter().map(|p| absolute(p)).collect();
    }

    /// Brings the index up to date with its recorded folders and feeds.
    pub fn refresh(&mut self) -> Result<IndexReport, LibraryError> {
        let mut report = IndexReport::default();
        let mut found = Vec::new();
        for root in self.manifest.roots.clone() {
            let mut walk_problems = Vec::new();
            for f in manifest::project_files(&root, &mut walk_problems) {
                found.push((f, Kind::Project));
            }
            report
                .problems
                .extend(walk_problems.into_iter().map(|(path, reason)| Problem {
                    message: format!("{}: {reason}", path.display()),
                    path,
                }));
        }
        for feed in self.manifest.feeds.clone() {
            found.push((feed, Kind::ClaimReview));
        }
        self.sync(found, true, report)
    }

    /// Throws the index away and reads every file again.
    pub fn rebuild(&mut self) -> Result<IndexReport, LibraryError> {
        let mut writer = self.writer()?;
        writer
            .delete_all_documents()
            .map_err(|e| err(&self.dir, format!("cannot clear the index: {e}")))?;
        writer
            .commit()
            .map_err(|e| err(&self.dir, format!("cannot clear the index: {e}")))?;
        drop(writer);
        self.manifest.files.clear();
        let _ = self.reader.reload();
        let mut report = self.refresh()?;
        report.rebuilt = Some("asked for".into());
        Ok(report)
    }

    /// Re-reads one project after a save (or drops it when the file is gone). Always hashes the
    /// file, so a change within the filesystem's time resolution is not missed.
    pub fn update_project(&mut self, path: &Path) -> Result<IndexReport, LibraryError> {
        self.sync(
            vec![(absolute(path), Kind::Project)],
            false,
            IndexReport::default(),
        )
    }

    fn writer(&self) -> Result<IndexWriter, LibraryError> {
        self.index.writer(WRITER_BYTES).map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => err(
                &self.dir,
                "another factdesk is updating this library index; try again when it is done",
            ),
            e => err(&self.dir, format!("cannot write the index: {e}")),
        })
    }

    /// Indexes `files`; with `full_scope`, files known to the manifest but not listed are
    /// dropped. Each changed file's old records are deleted by its path before its new ones
    /// are added, so a run interrupted before the manifest was saved is simply redone.
    fn sync(
        &mut self,
        files: Vec<(PathBuf, Kind)>,
        full_scope: bool,
        mut report: IndexReport,
    ) -> Result<IndexReport, LibraryError> {
        let mut writer = self.writer()?;
        if let Some(reason) = self.stale.take() {
            report.rebuilt = Some(reason);
        }
        let f = self.fields;
        let searcher = self.reader.searcher();
        let mut grouper = Grouper::new(&searcher, f);
        let listed: std::collections::HashSet<String> =
            files.iter().map(|(p, _)| p.display().to_string()).collect();
        if full_scope {
            let gone: Vec<String> = self
                .manifest
                .files
                .keys()
                .filter(|k| !listed.contains(*k))
                .cloned()
                .collect();
            for key in gone {
                writer.delete_term(Term::from_field_text(f.source, &key));
                self.manifest.files.remove(&key);
                report.removed += 1;
            }
        }
        let single = files.len() == 1 && !full_scope;
        for (path, kind) in files {
            let key = path.display().to_string();
            let Some((size, mtime_ns)) = manifest::stat(&path) else {
                if self.manifest.files.remove(&key).is_some() {
                    writer.delete_term(Term::from_field_text(f.source, &key));
                    report.removed += 1;
                } else if !single {
                    report.problems.push(Problem {
                        message: format!("{key}: cannot read: no such file"),
                        path,
                    });
                }
                continue;
            };
            let known = self.manifest.files.get(&key);
            // One named file (a save) is always hashed: a change within the filesystem's time
            // resolution keeps size and mtime.
            if !single && known.is_some_and(|e| e.size == size && e.mtime_ns == mtime_ns) {
                report.unchanged += 1;
                if let Some(problem) = known.and_then(|e| e.problem.clone()) {
                    report.problems.push(Problem {
                        path,
                        message: problem,
                    });
                }
                continue;
            }
            let limit = match kind {
                Kind::Project => store::MAX_PROJECT_BYTES,
                Kind::ClaimReview => MAX_FEED_BYTES,
            };
            let bytes = store::read_limited(&path, limit);
            let sha256 = bytes
                .as_ref()
                .map(|b| crate::core::evidence::warc::sha256_hex(b))
                .unwrap_or_default();
            if let Some(entry) = self.manifest.files.get_mut(&key)
                && bytes.is_ok()
                && entry.sha256 == sha256
            {
                // Touched, not changed: remember the new time, read nothing more.
                entry.size = size;
                entry.mtime_ns = mtime_ns;
                report.unchanged += 1;
                if let Some(problem) = entry.problem.clone() {
                    report.problems.push(Problem {
                        path,
                        message: problem,
                    });
                }
                continue;
            }
            writer.delete_term(Term::from_field_text(f.source, &key));
            let mut entry = FileEntry {
                kind,
                size,
                mtime_ns,
                sha256,
                records: 0,
                speakers: BTreeMap::new(),
                problem: None,
            };
            let records = match bytes {
                Err(e) => Err(e.to_string()),
                Ok(bytes) => read_records(&bytes, &path, &key, kind, &mut report.problems),
            };
            match records {
                Ok(records) => {
                    for r in &records {
                        let group = grouper.assign(r);
                        writer
                            .add_document(document(&f, r, &group))
                            .map_err(|e| err(&self.dir, format!("cannot index {key}: {e}")))?;
                        if let Some(s) = &r.speaker {
                            let c = entry.speakers.entry(s.clone()).or_default();
                            c.claims += 1;
                            if let Some(st) = &r.status {
                                *c.by_status.entry(st.clone()).or_default() += 1;
                            }
                            if let Some(v) = &r.verdict {
                                *c.by_verdict.entry(v.clone()).or_default() += 1;
                            }
                        }
                    }
                    entry.records = records.len();
                }
                Err(message) => {
                    report.problems.push(Problem {
                        path: path.clone(),
                        message: message.clone(),
                    });
                    entry.problem = Some(message);
                }
            }
            report.indexed += 1;
            self.manifest.files.insert(key, entry);
        }
        // Nothing read or dropped: no commit (it costs a segment write and a reload).
        if report.indexed + report.removed > 0 || report.rebuilt.is_some() {
            writer
                .commit()
                .map_err(|e| err(&self.dir, format!("cannot save the index: {e}")))?;
        }
        drop(writer);
        // The manifest after the index: a crash in between only makes the next run redo files.
        manifest::save(&self.dir, &self.manifest).map_err(|e| err(&self.dir, e))?;
        self.reader
            .reload()
            .map_err(|e| err(&self.dir, format!("cannot read the index: {e}")))?;
        report.records = self.len();
        Ok(report)
    }

    /// BM25 search over quotes (and summaries, notes, review bodies, weighted lower), stemmed;
    /// `"…"` is a phrase, `a AND b`, `-word` as in tantivy's query language. An empty query
    /// with a speaker lists that speaker's claims.
    pub fn search(&self, text: &str, filters: &SearchFilters) -> Result<Vec<Hit>, LibraryError> {
        let f = self.fields;
        let limit = filters.limit.unwrap_or(DEFAULT_LIMIT).max(1);
        let mut parser = QueryParser::for_index(&self.index, vec![f.quote, f.extra]);
        parser.set_field_boost(f.extra, 0.5);
        let text_query: Box<dyn Query> = if text.trim().is_empty() {
            Box::new(AllQuery)
        } else {
            // Lenient: a stray quote mark or colon in what a person typed is not an error.
            parser.parse_query_lenient(text).0
        };
        let mut clauses = vec![(Occur::Must, text_query)];
        if let Some(name) = filters.speaker.as_deref().filter(|s| !s.trim().is_empty()) {
            let terms = self.tokens(f.speaker, name)?;
            for t in terms {
                let q = TermQuery::new(
                    Term::from_field_text(f.speaker, &t),
                    IndexRecordOption::Basic,
                );
                // A filter, not a ranking signal.
                clauses.push((Occur::Must, Box::new(BoostQuery::new(Box::new(q), 0.0))));
            }
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let top = searcher
            .search(&query, &TopDocs::with_limit(limit).order_by_score())
            .map_err(|e| err(&self.dir, format!("search failed: {e}")))?;
        top.into_iter()
            .map(|(score, addr)| {
                let doc: TantivyDocument = searcher
                    .doc(addr)
                    .map_err(|e| err(&self.dir, format!("cannot read a result: {e}")))?;
                Ok(hit(&f, &doc, score))
            })
            .collect()
    }

    /// "Seen before?": the claims most like `quote`, best first. Candidates come from the text
    /// score and from shared MinHash bands; each is ranked by word overlap blended with the
    /// text score, and marked `same_claim` when it is a near-duplicate (or grouped with one).
    pub fn similar_to(&self, quote: &str, limit: usize) -> Result<Vec<Similar>, LibraryError> {
        let f = self.fields;
        let limit = limit.max(1);
        let searcher = self.reader.searcher();
        let words = self.tokens(f.quote, quote)?;
        let mut candidates: HashMap<tantivy::DocAddress, f32> = HashMap::new();
        if !words.is_empty() {
            let q = BooleanQuery::new(
                words
                    .iter()
                    .map(|w| {
                        let t = TermQuery::new(
                            Term::from_field_text(f.quote, w),
                            IndexRecordOption::WithFreqs,
                        );
                        (Occur::Should, Box::new(t) as Box<dyn Query>)
                    })
                    .collect(),
            );
            let top = searcher
                .search(
                    &q,
                    &TopDocs::with_limit((limit * 4).max(40)).order_by_score(),
                )
                .map_err(|e| err(&self.dir, format!("search failed: {e}")))?;
            candidates.extend(top.into_iter().map(|(s, a)| (a, s)));
        }
        let sig = Signature::of(quote);
        if let Some(sig) = &sig {
            for (_, addr) in band_candidates(&searcher, &f, sig, 20)
                .map_err(|e| err(&self.dir, format!("search failed: {e}")))?
            {
                candidates.entry(addr).or_insert(0.0);
            }
        }
        let best = candidates
            .values()
            .copied()
            .fold(0.0f32, f32::max)
            .max(f32::EPSILON);
        let mut out = Vec::with_capacity(candidates.len());
        for (addr, score) in candidates {
            let doc: TantivyDocument = searcher
                .doc(addr)
                .map_err(|e| err(&self.dir, format!("cannot read a result: {e}")))?;
            let h = hit(&f, &doc, score);
            let (overlap, same) = match (&sig, Signature::of(&h.quote)) {
                (Some(a), Some(b)) => {
                    (a.jaccard(&b).max(0.9 * a.containment(&b)), a.same_claim(&b))
                }
                _ => (0.0, false),
            };
            out.push(Similar {
                similarity: 0.5 * overlap + 0.5 * (score / best),
                same_claim: same,
                hit: h,
            });
        }
        // A hit grouped with a near-duplicate is the same claim too.
        let same_groups: std::collections::HashSet<String> = out
            .iter()
            .filter(|s| s.same_claim)
            .map(|s| s.hit.group.clone())
            .collect();
        for s in &mut out {
            s.same_claim |= same_groups.contains(&s.hit.group);
        }
        out.sort_by(|a, b| {
            b.similarity
                .total_cmp(&a.similarity)
                .then_with(|| a.hit.project.cmp(&b.hit.project))
                .then_with(|| a.hit.claim.cmp(&b.hit.claim))
        });
        out.truncate(limit);
        Ok(out)
    }

    /// Every speaker in the library, most claims first, with counts per status and verdict.
    pub fn speakers(&self) -> Vec<SpeakerStats> {
        let mut all: BTreeMap<&str, Counts> = BTreeMap::new();
        for entry in self.manifest.files.values() {
            for (name, c) in &entry.speakers {
                all.entry(name.as_str()).or_default().add(c);
            }
        }
        let mut out: Vec<SpeakerStats> = all
            .into_iter()
            .map(|(speaker, c)| SpeakerStats {
                speaker: speaker.to_string(),
                claims: c.claims,
                by_status: c.by_status,
                by_verdict: c.by_verdict,
            })
            .collect();
        out.sort_by(|a, b| {
            b.claims
                .cmp(&a.claims)
                .then_with(|| a.speaker.cmp(&b.speaker))
        });
        out
    }

    /// The terms the index keeps for `text` in `field` (its tokenizer: stemmed for quotes).
    fn tokens(&self, field: Field, text: &str) -> Result<Vec<String>, LibraryError> {
        let mut analyzer = self
            .index
            .tokenizer_for_field(field)
            .map_err(|e| err(&self.dir, format!("no tokenizer: {e}")))?;
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out.sort();
        out.dedup();
        Ok(out)
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Parses one file's bytes into records; a file-level error is the message to report.
fn read_records(
    bytes: &[u8],
    path: &Path,
    key: &str,
    kind: Kind,
    problems: &mut Vec<Problem>,
) -> Result<Vec<Record>, String> {
    match kind {
        Kind::Project => {
            let parsed = store::parse_bytes(bytes, path).map_err(|e| e.to_string())?;
            Ok(project_records(key, &parsed.project))
        }
        Kind::ClaimReview => {
            let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
                .map_err(|e| {
                    format!(
                        "{key}: not UTF-8 text (first bad byte at offset {})",
                        e.valid_up_to()
                    )
                })?;
            let (records, skipped) = parse_feed(text, Path::new(key))
                .map_err(|p| format!("{key}:{}: {}", p.position, p.message))?;
            problems.extend(skipped.into_iter().map(|p| Problem {
                path: path.to_path_buf(),
                message: format!("{key}: {}: {}", p.position, p.message),
            }));
            Ok(records)
        }
    }
}

fn document(f: &Fields, r: &Record, group: &str) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(f.key, &r.key);
    d.add_text(f.source, &r.source);
    d.add_text(f.quote, &r.quote);
    if !r.extra.is_empty() {
        d.add_text(f.extra, &r.extra);
    }
    d.add_text(f.project, &r.project);
    d.add_text(f.group, group);
    for (field, value) in [
        (f.speaker, &r.speaker),
        (f.status, &r.status),
        (f.verdict, &r.verdict),
        (f.article, &r.article),
        (f.claim, &r.claim),
        (f.date, &r.date),
        (f.publisher, &r.publisher),
        (f.url, &r.url),
    ] {
        if let Some(v) = value {
            d.add_text(field, v);
        }
    }
    if let Some(sig) = Signature::of(&r.quote) {
        for b in sig.bands() {
            d.add_u64(f.band, b);
        }
    }
    d
}

fn hit(f: &Fields, d: &TantivyDocument, score: f32) -> Hit {
    let get = |field: Field| {
        d.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    Hit {
        score,
        quote: get(f.quote).unwrap_or_default(),
        status: get(f.status),
        verdict: get(f.verdict),
        speaker: get(f.speaker),
        project: get(f.project).unwrap_or_default(),
        article: get(f.article),
        claim: get(f.claim),
        date: get(f.date),
        publisher: get(f.publisher),
        url: get(f.url),
        group: get(f.group).unwrap_or_default(),
    }
}
