//! What panels and dialogs ask the app to do (`Intent`), and the small values intents carry.
//! It sits low in the module tree: panels import it, never the dispatcher that carries it out.

use crate::core::action::Action;
use crate::core::export::ExportOptions;
use crate::core::library::Hit;
use crate::core::model::{ArticleId, ClaimId, ConflictField, Take};
use crate::ui::command::UiCommand;
use crate::ui::project::file_dialogs::Answer;
use crate::ui::settings::ThemeChoice;
use std::ops::Range;
use std::path::PathBuf;

/// Something a panel or dialog asks the app to do.
#[derive(Debug, Clone)]
pub enum Intent {
    Run(UiCommand),
    /// Open a collapsed side panel from its edge strip.
    ShowPanel(crate::ui::layout::Forced),
    /// One undoable edit.
    Edit(Action),
    /// An edit from typing in a field: consecutive ones merge into one undo step.
    Typing(Action),
    SelectArticle(ArticleId),
    /// Show the suggestions this filter lets through (a setting).
    SuggestFilter(crate::ui::review::suggestions::SuggestFilter),
    /// Accepted suggestions take their suggested status (else they start unreviewed; a setting).
    AcceptSuggestedStatus(bool),
    /// Sort the claim list this way (a setting, kept between runs).
    SortClaims(crate::ui::claims::claim_sort::ClaimSort),
    /// Give the claim list's columns these widths (a setting, kept between runs).
    ClaimColumns(crate::ui::claims::claim_columns::ColumnWidths),
    SelectClaim {
        id: ClaimId,
        scroll: bool,
    },
    /// Text selected in the article (empty range: just the cursor moved there).
    TextSelected(TextSelection),
    /// A click in the article at a char position, not a drag.
    ClickedAt {
        article: ArticleId,
        pos: usize,
    },
    OpenPath(PathBuf),
    /// Open a recent project (asks about unsaved changes first).
    OpenRecent(PathBuf),
    /// Drop a project from the recent list (its file is gone).
    ForgetRecent(PathBuf),
    SaveTo(PathBuf),
    AddArticlePaths(Vec<PathBuf>),
    /// Ask for a file holding a new version of the current article.
    AskArticleUpdate,
    /// Read this file as the next version of the current article.
    UpdateArticleFrom(PathBuf),
    DialogAnswer(Answer),
    /// The answer to "save changes?": Some(true) save, Some(false) discard, None cancel.
    UnsavedDecision(Option<bool>),
    SetTheme(ThemeChoice),
    /// Write an export to this file (reads the project; not an edit).
    ExportTo(PathBuf, ExportOptions),
    /// A claim row clicked, with Ctrl (toggle) or Shift (range) held or not.
    ClickClaimRow {
        id: ClaimId,
        kind: ClickKind,
    },
    /// Team review: analyst, conflicts, comparison.
    Team(TeamIntent),
    /// Text pasted outside any text field (or after "New article from clipboard").
    PasteArticle(String),
    /// Opens the built-in sample (asks about unsaved changes first).
    OpenSample,
    /// A suggestion clicked in the suggestions list (index into the visible list).
    SelectSuggestion(usize),
    /// The claim library: seen before, speakers, indexing.
    Library(LibraryIntent),
    /// Evidence: articles from a URL, captures of sources, the offline viewer.
    Evidence(EvidenceIntent),
    /// Write a dossier (zip of reports and captures) of these claims to this file (not an edit).
    ExportDossierTo(PathBuf, crate::core::export::ClaimFilter),
    /// New versions of an article: from a URL, or a file dropped on its row.
    Versions(VersionsIntent),
}

/// What the evidence parts of the window ask the app to do.
#[derive(Debug, Clone)]
pub enum EvidenceIntent {
    /// Fetches this source of this claim and keeps the page (one undo step when recorded).
    Capture { claim: ClaimId, url: String },
    /// Captures every not yet captured source of the current article's claims.
    CaptureAll,
    /// Captures every not yet captured source of every claim in the project.
    CaptureAllInProject,
    /// Stops the running capture; nothing of it is recorded.
    CancelCapture,
    /// Opens the newest capture of this source of this claim in the offline viewer.
    View { claim: ClaimId, url: String },
}

/// What the article-versions parts ask the app to do.
#[derive(Debug, Clone)]
pub enum VersionsIntent {
    /// Fetch this address (on a worker thread) as the next version of the article.
    FetchUpdate { article: ArticleId, url: String },
    /// Stop the fetch in flight; whatever it brings back is dropped.
    CancelFetch,
    /// The fetch in flight finished: apply its text, or show its error.
    FetchDone,
    /// One file dropped on an article's row: ask whether it is the article's next version.
    DroppedOnArticle { article: ArticleId, path: PathBuf },
    /// The answer to that question.
    DropAnswer(DropChoice),
}

/// The answers to "Make FILE the next version of ARTICLE?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropChoice {
    NextVersion,
    NewArticle,
    Cancel,
}

/// What the claim library's parts ask the app to do.
#[derive(Debug, Clone)]
pub enum LibraryIntent {
    /// Copies a prior check's status, verdict and sources onto this claim (one undo step).
    Adopt { claim: ClaimId, from: Box<Hit> },
    /// Shows a prior check read-only (its project is read, never written).
    Open(Box<Hit>),
    /// Opens the speakers window, with this speaker chosen.
    Speakers(Option<String>),
    /// Adds this folder to the library and indexes it (on a worker thread).
    Index(PathBuf),
}

/// What the team parts of the window ask the app to do.
#[derive(Debug, Clone)]
pub enum TeamIntent {
    /// Opens the settings window, where the analyst name is set.
    EditAnalyst,
    /// Settles a merge conflict with one side's value (one undoable step).
    Resolve {
        id: String,
        field: ConflictField,
        take: Take,
    },
    /// Starts editing a conflicted field by hand; `None` stops.
    EditConflict(Option<(String, ConflictField)>),
    /// Loads another annotator's project (read-only) and compares it with this one.
    Compare(PathBuf),
    CloseComparison,
    /// Shows a claim of the compared project: its article, its text selected here.
    ShowTheirs(ClaimId),
}

/// How a claim row was clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClickKind {
    /// Ctrl/Cmd held: add or remove this claim.
    pub toggle: bool,
    /// Shift held: select the rows from the anchor to this one.
    pub range: bool,
}

impl ClickKind {
    pub fn from_modifiers(m: egui::Modifiers) -> Self {
        ClickKind {
            toggle: m.command || m.ctrl,
            range: m.shift,
        }
    }
}

/// Text selected in an article, in char offsets of its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSelection {
    pub article: ArticleId,
    pub range: Range<usize>,
}
