//! The checks: one module per kind behind the [`Check`] trait.
//!
//! A run has two passes. In the first, every check [`Check::learn`]s from
//! every draft what it needs to compare drafts (titles across drafts, claims
//! harvested from other drafts); a check that needs nothing but the draft
//! ([`Check::needs_run`] false) also checks it then. Between the passes,
//! every check [`Check::prepare`]s with what all drafts taught. In the
//! second, the checks that compare drafts give their findings, from what
//! they learned ([`Check::check_learned`]) or from the draft read again. A
//! run over files holds no draft past its first pass; a run over drafts in
//! memory (the language server, `--fix`) learns from all, then checks each.

pub mod claims;
pub mod examples;
pub mod figures;
pub mod harvest;
pub mod literal_index;
pub mod pattern;
pub mod titles;

use crate::date::Date;
use crate::draft::Draft;
use crate::finding::{FileId, Finding};
use crate::rules::{Kind, LoadError, Pack, Rule};
use std::any::Any;
use std::path::PathBuf;

/// What a check learned from one draft in the first pass.
pub type Learned = Box<dyn Any + Send>;

/// Per-draft facts a check needs besides the draft itself.
pub struct Context {
    pub file: FileId,
    /// The draft's date: front matter, else `--date`, else today.
    pub date: Date,
    /// False for archive drafts, which teach (claims marked false) but are
    /// neither checked nor compared with the drafts of the run.
    pub checked: bool,
}

pub trait Check: Send + Sync {
    /// First pass: what this check needs to know about one draft before any
    /// draft is checked. Most checks need nothing.
    fn learn(&self, _draft: &Draft, _cx: &Context) -> Option<Learned> {
        None
    }

    /// Between the passes: everything learned, from every draft of the run
    /// (archive drafts included), in file order. It replaces whatever an
    /// earlier run taught, and is called even when nothing was learned.
    fn prepare(&mut self, _learned: Vec<(FileId, Learned)>) {}

    /// The findings for one draft. Only a check that [`Check::needs_run`]
    /// may use what `prepare` gathered: the others are called in the first
    /// pass of a run over files, before `prepare`.
    fn check(&self, draft: &Draft, cx: &Context, out: &mut Vec<Finding>);

    /// Whether [`Check::check`] needs what [`Check::prepare`] gathered from
    /// every draft. A run over files checks a draft with the other checks as
    /// soon as it is read, and with these only once every draft was read.
    fn needs_run(&self) -> bool {
        false
    }

    /// For a check that [`Check::needs_run`]: the findings for the draft
    /// `cx.file` from what `learn` kept of it, without the draft. False: the
    /// check needs the draft, which is then read and parsed again.
    fn check_learned(&self, _cx: &Context, _out: &mut Vec<Finding>) -> bool {
        false
    }
}

/// Data files named in `copydesk.toml`.
#[derive(Clone, Debug, Default)]
pub struct Data {
    /// `(path to open, path to show)` pairs.
    pub people: Vec<(PathBuf, String)>,
    pub claims: Vec<(PathBuf, String)>,
}

/// Builds the checks for the enabled rules of a pack.
///
/// The checks compile their automata independently, so they are built on
/// all cores: a big style pack or claims database is most of a short run's
/// start-up.
pub fn build(pack: &Pack, data: &Data) -> Result<Vec<Box<dyn Check>>, Vec<LoadError>> {
    build_with(pack, data, Preloaded::default())
}

/// The data files of [`Data`], read and validated ahead of [`build_with`]
/// (while the packs load): `None` for those to read when a check needs them.
#[derive(Default)]
pub struct Preloaded {
    pub people: Option<Result<Vec<crate::rules::people::Person>, Vec<LoadError>>>,
    pub claims: Option<Result<Vec<crate::rules::claims::Claim>, Vec<LoadError>>>,
}

impl Preloaded {
    /// Reads every people registry and claims database of `data`, on all
    /// cores.
    pub fn read(data: &Data) -> Preloaded {
        let (people, claims) = rayon::join(
            || (!data.people.is_empty()).then(|| crate::rules::people::load_all(&data.people)),
            || (!data.claims.is_empty()).then(|| crate::rules::claims::load_all(&data.claims)),
        );
        Preloaded { people, claims }
    }
}

/// [`build`], with the data files that were read already.
pub fn build_with(
    pack: &Pack,
    data: &Data,
    preloaded: Preloaded,
) -> Result<Vec<Box<dyn Check>>, Vec<LoadError>> {
    let Preloaded { people, claims } = preloaded;
    type Built = Result<Option<Box<dyn Check>>, Vec<LoadError>>;
    let of_kind = |kinds: &[Kind]| -> Vec<&Rule> {
        pack.rules
            .iter()
            .filter(|r| kinds.contains(&r.kind))
            .collect()
    };
    let style = || -> Built {
        let style = of_kind(&[Kind::Existence, Kind::Substitution]);
        if style.is_empty() {
            return Ok(None);
        }
        Ok(Some(Box::new(pattern::PatternCheck::new(&style))))
    };
    // The two figure kinds share one figure finder and one pass: a figure
    // is either unattributed or (attributed to a source that needs a
    // caveat) unverified, never both.
    let figures = || -> Built {
        let unattributed = of_kind(&[Kind::UnattributedFigure]).first().copied();
        let unverified = of_kind(&[Kind::UnverifiedFigure]).first().copied();
        figures::build(pack, unattributed, unverified)
    };
    let titles = move || -> Built {
        titles::build(
            pack,
            of_kind(&[Kind::TitleConsistency]).first().copied(),
            data,
            people,
        )
    };
    let claims = move || -> Built {
        claims::build(
            pack,
            of_kind(&[Kind::DebunkedClaim]).first().copied(),
            data,
            claims,
        )
    };
    let ((style, figures), (titles, claims)) = rayon::join(
        || rayon::join(style, figures),
        || rayon::join(titles, claims),
    );
    let mut checks: Vec<Box<dyn Check>> = Vec::new();
    let mut errors = Vec::new();
    // In a fixed order, whichever finished first.
    for built in [style, figures, titles, claims] {
        match built {
            Ok(Some(c)) => checks.push(c),
            Ok(None) => {}
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(checks)
    } else {
        Err(errors)
    }
}

/// A finding of `rule` at `span`, with the rule's id, kind and severity.
pub fn finding(
    rule: &Rule,
    cx: &Context,
    span: std::ops::Range<usize>,
    mut message: String,
) -> Finding {
    // Held until the end of the run: without the room `format!` leaves.
    message.shrink_to_fit();
    Finding {
        file: cx.file,
        rule: rule.id.clone(),
        kind: rule.kind.finding_kind(),
        severity: rule.severity,
        message,
        span,
        labels: Vec::new(),
        notes: Default::default(),
        fix: None,
    }
}

/// Fills a message template: `{match}` and `{replacement}`.
pub fn fill(template: &str, matched: &str, replacement: &str) -> String {
    template
        .replace("{match}", matched)
        .replace("{replacement}", replacement)
}

/// The findings of one check on one draft of `text`, checked today: for
/// the checks' unit tests.
#[cfg(test)]
pub(crate) fn check_text(check: &dyn Check, text: &str) -> Vec<Finding> {
    let d = Draft::parse("a.md", text, &crate::draft::Language::default());
    let cx = Context {
        file: 0,
        date: crate::date::Date::today(),
        checked: true,
    };
    let mut out = Vec::new();
    check.check(&d, &cx, &mut out);
    out
}
