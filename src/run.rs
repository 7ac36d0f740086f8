//! The pipeline: settings → rules and checks → drafts → findings.

use crate::check::{self, Check, Context, Learned};
use crate::date::Date;
use crate::draft::{Draft, Language};
use crate::finding::{FileId, Finding, Severity};
use crate::report::{Sink, Tally};
use crate::rules::{LoadError, Pack};
use crate::settings::Config;
use crate::source::SourceFile;
use crate::walk::{self, Target};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::atomic::Ordering;

/// What to check and how, from the command line.
#[derive(Debug, Default)]
pub struct Options {
    pub paths: Vec<String>,
    /// The path list was the default `.`.
    pub implicit_paths: bool,
    /// A draft read from standard input, with the name to show for it.
    pub stdin: Option<(String, String)>,
    /// The date for drafts without one in their front matter.
    pub date: Option<Date>,
    /// `--changed-since`: the canonical paths of changed files. Only drafts
    /// among them are reported on; the others are still read and taught
    /// from, so checks that compare drafts see them all.
    pub changed: Option<std::collections::HashSet<PathBuf>>,
    /// `--fix` or `--diff`: apply the machine-applicable fixes to the drafts
    /// in memory ([`Report::fixed`] says what changed; nothing is written).
    pub fix: bool,
    /// Show a progress bar on standard error for long runs (it draws only
    /// when standard error is a terminal).
    pub progress: bool,
    /// How much memory the first pass's findings may take; `None` for
    /// [`HELD_BYTES`] (tests set a smaller one).
    pub held_bytes: Option<usize>,
}

/// Runs with fewer drafts than this finish too soon to need a progress bar.
const PROGRESS_MIN_FILES: usize = 200;

fn progress_bar(options: &Options, files: usize) -> Option<indicatif::ProgressBar> {
    if !options.progress
        || files < PROGRESS_MIN_FILES
        || !std::io::IsTerminal::is_terminal(&std::io::stderr())
    {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(files as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{prefix:>9} [{bar:30}] {pos}/{len} drafts {msg}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix("reading");
    Some(bar)
}

/// A file that could not be checked.
#[derive(Clone, Debug)]
pub struct FileError {
    pub path: String,
    pub message: String,
}

/// Everything a reporter needs.
#[derive(Debug, Default)]
pub struct Report {
    /// The file table: checked drafts first, then drafts that only taught
    /// (archive). [`Finding::file`] and labels index into it.
    pub files: Vec<SourceFile>,
    pub findings: Vec<Finding>,
    pub errors: Vec<FileError>,
    pub files_checked: usize,
    /// The findings a streaming run wrote out instead of keeping in
    /// [`Report::findings`].
    pub streamed: Tally,
}

impl Report {
    /// Every finding of the run, counted: kept and streamed.
    pub fn tally(&self) -> Tally {
        let mut tally = self.streamed;
        for f in &self.findings {
            tally.by_severity[f.severity as usize] += 1;
        }
        let mut files: Vec<FileId> = self.findings.iter().map(|f| f.file).collect();
        files.sort_unstable();
        files.dedup();
        tally.drafts += files.len();
        tally
    }

    /// The highest severity of any finding.
    pub fn max_severity(&self) -> Option<Severity> {
        self.tally().max_severity()
    }
}

/// The loaded rules and built checks of a run.
pub struct Engine {
    pub pack: Pack,
    pub language: Language,
    pub checks: Vec<Box<dyn Check>>,
}

impl Engine {
    pub fn new(config: &Config) -> Result<Engine, Vec<LoadError>> {
        // Big registries and claims databases read while the packs load.
        let (pack, preloaded) = rayon::join(
            || config.load_pack(),
            || check::Preloaded::read(&config.data),
        );
        let pack = pack?;
        let checks = check::build_with(&pack, &config.data, preloaded)?;
        Ok(Engine {
            language: pack.language(),
            pack,
            checks,
        })
    }
}

/// The largest draft read; a bigger file is most likely not a draft.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads a draft's bytes, saying clearly why a file cannot be checked.
pub fn read_draft(path: &std::path::Path) -> Result<String, String> {
    use std::io::Read as _;
    let io = |e: std::io::Error| crate::rules::io_message(&e);
    // One open, one size look-up, one read into a buffer of that size.
    let file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    if len > MAX_FILE_BYTES {
        return Err(format!(
            "file is too large to be a draft ({} MB; the limit is 256 MB)",
            len / 1_000_000
        ));
    }
    // The size is a hint: a file that grows meanwhile is still read whole
    // (up to the limit).
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0) + 1);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(
            "file is too large to be a draft (it grew past 256 MB while it was read)".to_string(),
        );
    }
    decode(bytes)
}

/// Turns bytes into text, refusing binary files and invalid UTF-8.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err("binary file (it contains NUL bytes); not checked".to_string());
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!("not valid UTF-8 (line {line}, byte {at}); save the draft as UTF-8")
    })
}

/// The drafts of the config's archive folders. Archive drafts only teach; a
/// broken one is skipped quietly, as it is not what the user asked to check.
pub fn read_archive(config: &Config, lang: &Language) -> Vec<Draft> {
    walk::archive(&config.archive)
        .par_iter()
        .filter_map(|t: &Target| {
            read_draft(&t.path)
                .ok()
                .map(|text| Draft::parse(t.shown.clone(), text, lang))
        })
        .collect()
}

/// Checks the drafts named by `options` with `engine`.
pub fn run(engine: &mut Engine, config: &Config, options: &Options) -> Report {
    run_fixing(engine, config, options).0
}

/// [`run`], and with [`Options::fix`] the drafts whose text the fixes
/// changed; the report's file table and findings are then those of the
/// fixed texts.
pub fn run_fixing(
    engine: &mut Engine,
    config: &Config,
    options: &Options,
) -> (Report, Vec<crate::fix::Fixed>) {
    if options.fix {
        run_in_memory(engine, config, options)
    } else {
        (run_streaming(engine, config, options), Vec::new())
    }
}

/// The drafts `options` name (none with standard input); what cannot be
/// walked goes to the report's errors.
fn walk_targets(config: &Config, options: &Options, report: &mut Report) -> Vec<Target> {
    if options.stdin.is_some() {
        return Vec::new();
    }
    let (targets, errors) = walk::targets(&options.paths, options.implicit_paths, config);
    report.errors.extend(errors.into_iter().map(|e| FileError {
        path: e.shown,
        message: e.message,
    }));
    targets
}

/// Whether a target's findings are reported (`--changed-since`).
fn is_reported(options: &Options, t: &Target) -> bool {
    match &options.changed {
        None => true,
        Some(changed) => std::fs::canonicalize(&t.path).is_ok_and(|p| changed.contains(&p)),
    }
}

/// What the first pass keeps of one draft: never the draft itself.
struct Read {
    source: SourceFile,
    findings: Vec<Finding>,
    /// What each check learned, in check order.
    learned: Vec<Option<Learned>>,
    suppressions: Vec<crate::draft::Suppression>,
    date: Date,
    /// The findings were left to the second pass ([`HELD_BYTES`]).
    deferred: bool,
}

/// How much memory the first pass's findings may take (roughly): the drafts
/// read once this much is held are checked in the second pass instead,
/// read and parsed again. The findings held then stay bounded however many
/// drafts a run has, and a run that fits (tens of thousands of findings)
/// reads each draft once. (16 MB took a run over 80 MB of drafts past 100
/// MB of memory.)
const HELD_BYTES: usize = 12 << 20;

/// About what `findings` take in memory.
fn held_bytes(findings: &[Finding]) -> usize {
    findings
        .iter()
        .map(|f| {
            std::mem::size_of::<Finding>()
                + f.message.len()
                + f.labels.len() * std::mem::size_of::<crate::finding::Label>()
        })
        .sum()
}

/// A draft whose findings the second pass reports.
struct Pending {
    date: Date,
    suppressions: Vec<crate::draft::Suppression>,
    /// The first pass's checks are left to the second pass too.
    deferred: bool,
}

/// [`run_to`], keeping every finding in the report.
fn run_streaming(engine: &mut Engine, config: &Config, options: &Options) -> Report {
    run_to(engine, config, options, &mut Collect, &mut std::io::sink()).expect("nothing is written")
}

/// Drafts one worker checks and renders into one buffer in the second pass.
const RENDER_BATCH: usize = 16;

/// A sink that keeps every finding in the report and writes nothing.
struct Collect;

impl Sink for Collect {
    fn render(&self, _: &Report, _: &[Finding], _: &mut Vec<u8>) {}

    fn keeps_findings(&self) -> bool {
        true
    }
}

/// Checks the drafts named by `options` and writes the findings through
/// `sink` to `out` as they are found; the report returned holds the file
/// table, the errors and the tally (and the findings, if the sink keeps
/// them). Not for [`Options::fix`], which needs every draft in memory.
///
/// No draft is held longer than it takes to check it, nor are all the
/// findings, so memory does not grow with the archive:
///
/// 1. each draft is read, parsed, taught to every check, and checked by the
///    checks that need nothing but the draft; then only its position index
///    and findings are kept (reporters read the text back to show words),
///    and once the findings kept reach [`HELD_BYTES`] the rest of the
///    drafts are only taught, their checks left to the second pass;
/// 2. the checks that compare drafts [`Check::prepare`] with what all of
///    them taught; then, a chunk of drafts at a time in file order, they add
///    their findings, from what they learned ([`Check::check_learned`]) or
///    from the draft read and parsed again, and each draft's findings are
///    sorted, rendered by the sink on any thread, written in order and
///    dropped.
pub fn run_to(
    engine: &mut Engine,
    config: &Config,
    options: &Options,
    sink: &mut dyn Sink,
    out: &mut dyn std::io::Write,
) -> std::io::Result<Report> {
    let mut report = Report::default();
    let targets = walk_targets(config, options, &mut report);
    let archive = walk::archive(&config.archive);
    let default_date = options.date.unwrap_or_else(Date::today);
    let lang = &engine.language;

    // File ids: standard input, the targets, then the archive.
    enum Input<'a> {
        Stdin(&'a str, &'a str),
        File(&'a Target, bool),
        Archive(&'a Target),
    }
    let mut inputs: Vec<Input> = Vec::new();
    if let Some((name, text)) = &options.stdin {
        inputs.push(Input::Stdin(name, text));
    }
    inputs.extend(
        targets
            .iter()
            .map(|t| Input::File(t, is_reported(options, t))),
    );
    let drafts = inputs.len();
    inputs.extend(archive.iter().map(Input::Archive));

    let bar = progress_bar(options, inputs.len());
    let checks = &engine.checks;
    let held = std::sync::atomic::AtomicUsize::new(0);
    let first = |i: usize, input: &Input| -> Result<Read, FileError> {
        let (draft, origin, reported) = match input {
            Input::Stdin(name, text) => (Draft::parse(*name, *text, lang), None, true),
            Input::File(t, reported) => match read_draft(&t.path) {
                Ok(text) => (
                    Draft::parse(t.shown.clone(), text, lang),
                    Some(&t.path),
                    *reported,
                ),
                Err(message) => {
                    return Err(FileError {
                        path: t.shown.clone(),
                        message,
                    });
                }
            },
            Input::Archive(t) => match read_draft(&t.path) {
                Ok(text) => (
                    Draft::parse(t.shown.clone(), text, lang),
                    Some(&t.path),
                    false,
                ),
                // A broken archive draft is skipped quietly: it is not what
                // the user asked to check.
                Err(message) => {
                    return Err(FileError {
                        path: String::new(),
                        message,
                    });
                }
            },
        };
        let cx = Context {
            file: i,
            date: draft.date().unwrap_or(default_date),
            checked: i < drafts,
        };
        let learned = checks.iter().map(|c| c.learn(&draft, &cx)).collect();
        let mut findings = Vec::new();
        let mut deferred = false;
        if cx.checked && reported {
            if held.load(Ordering::Relaxed) >= options.held_bytes.unwrap_or(HELD_BYTES) {
                deferred = true;
            } else {
                for c in checks.iter().filter(|c| !c.needs_run()) {
                    c.check(&draft, &cx, &mut findings);
                }
                let suppressed = draft.suppression_lookup();
                findings.retain(|f| !suppressed.covers(&f.rule, f.kind, f.span.start));
                // Held until the end of the run: without the room to grow.
                findings.shrink_to_fit();
                held.fetch_add(held_bytes(&findings), Ordering::Relaxed);
            }
        }
        let Draft {
            path,
            text,
            suppressions,
            ..
        } = draft;
        let mut source = SourceFile::new(path, text);
        if let Some(origin) = origin {
            source.drop_text(origin.clone());
        }
        Ok(Read {
            source,
            findings,
            learned,
            suppressions,
            date: cx.date,
            deferred,
        })
    };
    let read: Vec<Result<Read, FileError>> = inputs
        .par_iter()
        .enumerate()
        .inspect(|_| {
            if let Some(b) = &bar {
                b.inc(1);
            }
        })
        .map(|(i, input)| first(i, input))
        .collect();
    if let Some(b) = &bar {
        b.set_prefix("comparing");
        b.set_message("");
    }

    // Between the passes: every check learns what every draft taught.
    let mut learned: Vec<Vec<(FileId, Learned)>> =
        (0..engine.checks.len()).map(|_| Vec::new()).collect();
    let mut files = Vec::with_capacity(read.len());
    // Each draft's findings of the first pass.
    let mut held: Vec<Vec<Finding>> = Vec::with_capacity(read.len());
    // Per file: (date, suppressions) of drafts whose findings are reported.
    let mut second: Vec<Option<Pending>> = Vec::new();
    for (i, (r, input)) in read.into_iter().zip(&inputs).enumerate() {
        let reported = match input {
            Input::Stdin(..) => true,
            Input::File(_, reported) => *reported,
            Input::Archive(_) => false,
        };
        match r {
            Ok(r) => {
                for (c, l) in r.learned.into_iter().enumerate() {
                    if let Some(l) = l {
                        learned[c].push((i, l));
                    }
                }
                held.push(r.findings);
                files.push(r.source);
                second.push((i < drafts && reported).then_some(Pending {
                    date: r.date,
                    suppressions: r.suppressions,
                    deferred: r.deferred,
                }));
                if i < drafts && reported {
                    report.files_checked += 1;
                }
            }
            Err(e) => {
                if reported && i < drafts {
                    report.errors.push(e);
                }
                // Keeps file ids aligned; nothing points into it.
                let path = match input {
                    Input::File(t, _) | Input::Archive(t) => t.shown.clone(),
                    Input::Stdin(name, _) => name.to_string(),
                };
                held.push(Vec::new());
                files.push(SourceFile::new(path, ""));
                second.push(None);
            }
        }
    }
    for (check, l) in engine.checks.iter_mut().zip(learned) {
        check.prepare(l);
    }
    report.files = files;
    report.errors.sort_by(|a, b| a.path.cmp(&b.path));
    // Output goes out while the bar is drawn: it is hidden meanwhile, and
    // what was written is flushed before it comes back.
    let with_bar_hidden = |write: &mut dyn FnMut() -> std::io::Result<()>| match &bar {
        Some(b) => b.suspend(write),
        None => write(),
    };
    with_bar_hidden(&mut || {
        sink.head(&report, out)?;
        out.flush()
    })?;

    // The second pass, a chunk of drafts at a time in file order: the
    // checks that compare drafts add their findings, and each draft's
    // findings are sorted and rendered, then written and dropped.
    let (run_checks, first_checks): (Vec<&dyn Check>, Vec<&dyn Check>) = engine
        .checks
        .iter()
        .map(|c| c.as_ref())
        .partition(|c| c.needs_run());
    let reported: Vec<FileId> = (0..second.len())
        .filter(|&i| second[i].is_some() || !held[i].is_empty())
        .collect();
    if let Some(b) = &bar {
        b.set_prefix("checking");
        b.set_length(reported.len() as u64);
        b.set_position(0);
    }
    let checks = Checks {
        first: &first_checks,
        run: &run_checks,
    };
    let keep = sink.keeps_findings();
    let mut tally = Tally::default();
    // Output buffers, reused from chunk to chunk: fresh ones for every
    // chunk would be freed by the writing thread and faulted in again.
    let mut pool: Vec<Vec<u8>> = Vec::new();
    for chunk in reported.chunks(crate::report::WRITE_CHUNK) {
        // (drafts, their first-pass findings, an output buffer)
        type Batch<'a> = (&'a [FileId], Vec<Vec<Finding>>, Vec<u8>);
        let batches: Vec<Batch> = chunk
            .chunks(RENDER_BATCH)
            .map(|ids| {
                let taken = ids.iter().map(|&i| std::mem::take(&mut held[i])).collect();
                (ids, taken, pool.pop().unwrap_or_default())
            })
            .collect();
        let (shared, renderer) = (&report, &*sink);
        let done: Vec<(Vec<Finding>, Vec<u8>, Tally)> = batches
            .into_par_iter()
            .map(|(ids, taken, mut rendered)| {
                let mut kept = Vec::new();
                let mut tally = Tally::default();
                for (&i, mut found) in ids.iter().zip(taken) {
                    if let Some(pending) = &second[i] {
                        found.extend(second_pass(checks, shared, lang, i, pending));
                    }
                    // Stable: first-pass findings before second-pass ones.
                    found.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
                    found.dedup();
                    if keep {
                        kept.append(&mut found);
                    } else {
                        tally.add_draft(&found);
                        renderer.render(shared, &found, &mut rendered);
                    }
                }
                (kept, rendered, tally)
            })
            .collect();
        let mut done = done.into_iter();
        with_bar_hidden(&mut || {
            for (mut kept, mut rendered, t) in done.by_ref() {
                if keep {
                    report.findings.append(&mut kept);
                } else {
                    sink.write(&rendered, out)?;
                    tally.add(t);
                    rendered.clear();
                    pool.push(rendered);
                }
            }
            out.flush()
        })?;
        if let Some(b) = &bar {
            b.inc(chunk.len() as u64);
        }
    }
    report.streamed = tally;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    sink.tail(&report, out)?;
    Ok(report)
}

/// The checks of a run: those of the first pass, and those that compare
/// drafts ([`Check::needs_run`]).
#[derive(Clone, Copy)]
struct Checks<'a> {
    first: &'a [&'a dyn Check],
    run: &'a [&'a dyn Check],
}

/// The second pass's findings for draft `i`: those of the checks that
/// compare drafts, from what they learned or from the draft read and parsed
/// again; and, for a draft whose first-pass checks were deferred, theirs.
fn second_pass(
    checks: Checks,
    report: &Report,
    lang: &Language,
    i: FileId,
    pending: &Pending,
) -> Vec<Finding> {
    let cx = Context {
        file: i,
        date: pending.date,
        checked: true,
    };
    let mut out = Vec::new();
    // In the order of a draft checked in both passes: the first pass's
    // checks, then the learned findings, then the checks that need the draft.
    let mut with_draft: Vec<&dyn Check> = Vec::new();
    let mut learned = Vec::new();
    if pending.deferred {
        with_draft.extend(checks.first);
    }
    for &c in checks.run {
        if !c.check_learned(&cx, &mut learned) {
            with_draft.push(c);
        }
    }
    if !with_draft.is_empty() {
        // Read again: the draft must be the one the first pass read, or the
        // findings would not fit it.
        let file = &report.files[i];
        if let Ok(text) = file.load() {
            let draft = Draft::parse(file.path.clone(), text.into_owned(), lang);
            let (first, run) = with_draft.split_at(if pending.deferred {
                checks.first.len()
            } else {
                0
            });
            for c in first {
                c.check(&draft, &cx, &mut out);
            }
            out.append(&mut learned);
            for c in run {
                c.check(&draft, &cx, &mut out);
            }
        }
    }
    out.append(&mut learned);
    let suppressed = crate::draft::SuppressionLookup::new(&pending.suppressions);
    out.retain(|f| !suppressed.covers(&f.rule, f.kind, f.span.start));
    out
}

/// [`run_fixing`] with every draft held in memory, as fixing needs.
fn run_in_memory(
    engine: &mut Engine,
    config: &Config,
    options: &Options,
) -> (Report, Vec<crate::fix::Fixed>) {
    let mut report = Report::default();
    let mut fixed = Vec::new();
    let targets = walk_targets(config, options, &mut report);

    let lang = &engine.language;
    let mut drafts: Vec<Draft> = Vec::new();
    // Where each draft was read from (none: standard input).
    let mut paths: Vec<Option<PathBuf>> = Vec::new();
    if let Some((name, text)) = &options.stdin {
        drafts.push(Draft::parse(name.clone(), text.clone(), lang));
        paths.push(None);
    }
    let reported = |t: &Target| is_reported(options, t);
    let bar = progress_bar(options, targets.len());
    let read: Vec<(Result<Draft, FileError>, bool)> = targets
        .par_iter()
        .inspect(|_| {
            if let Some(b) = &bar {
                b.inc(1);
            }
        })
        .map(|t| match read_draft(&t.path) {
            Ok(text) => (Ok(Draft::parse(t.shown.clone(), text, lang)), reported(t)),
            Err(message) => (
                Err(FileError {
                    path: t.shown.clone(),
                    message,
                }),
                reported(t),
            ),
        })
        .collect();
    // Whether each draft's findings are reported (`--changed-since`).
    let mut is_reported = vec![true; drafts.len()];
    for ((r, shown), t) in read.into_iter().zip(&targets) {
        match r {
            Ok(d) => {
                drafts.push(d);
                paths.push(Some(t.path.clone()));
                is_reported.push(shown);
            }
            Err(e) if shown => report.errors.push(e),
            Err(_) => {}
        }
    }
    report.files_checked = is_reported.iter().filter(|&&r| r).count();
    let archive = read_archive(config, lang);

    let default_date = options.date.unwrap_or_else(Date::today);
    if let Some(b) = &bar {
        b.set_prefix("checking");
        b.set_message("(comparing drafts, then checking each)");
    }
    let mut findings = analyze(engine, &drafts, &archive, default_date);
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if options.fix {
        let fixable = |i: usize| is_reported[i] && paths[i].is_some();
        (findings, fixed) = crate::fix::fix_drafts(
            engine,
            &mut drafts,
            &archive,
            default_date,
            findings,
            fixable,
        );
        for f in &mut fixed {
            f.path = paths[f.file].clone().unwrap_or_default();
        }
    }
    findings.retain(|f| is_reported[f.file]);
    report.findings = findings;
    report.files = drafts
        .into_iter()
        .chain(archive)
        .map(|d| SourceFile::new(d.path, d.text))
        .collect();
    report.errors.sort_by(|a, b| a.path.cmp(&b.path));
    (report, fixed)
}

/// Both passes over the drafts: every check learns from `drafts` and
/// `archive`, then checks `drafts`. File ids are positions in `drafts`
/// followed by `archive`. Findings come back sorted, suppressions applied.
pub fn analyze(
    engine: &mut Engine,
    drafts: &[Draft],
    archive: &[Draft],
    default_date: Date,
) -> Vec<Finding> {
    analyze_only(engine, drafts, archive, default_date, |_| true)
}

/// [`analyze`], checking only the drafts `wanted` picks (an editor's open
/// documents); every draft still teaches, so checks that compare drafts see
/// them all.
pub fn analyze_only(
    engine: &mut Engine,
    drafts: &[Draft],
    archive: &[Draft],
    default_date: Date,
    wanted: impl Fn(FileId) -> bool + Sync,
) -> Vec<Finding> {
    let context = |file: FileId, d: &Draft| Context {
        file,
        date: d.date().unwrap_or(default_date),
        checked: file < drafts.len(),
    };
    let all: Vec<&Draft> = drafts.iter().chain(archive.iter()).collect();
    for check in engine.checks.iter_mut() {
        let learned: Vec<(FileId, Learned)> = all
            .par_iter()
            .enumerate()
            .filter_map(|(i, d)| check.learn(d, &context(i, d)).map(|l| (i, l)))
            .collect();
        check.prepare(learned);
    }
    let checks = &engine.checks;
    let pieces: Vec<(FileId, Vec<Finding>)> = drafts
        .par_iter()
        .enumerate()
        .filter(|(i, _)| wanted(*i))
        .map(|(i, d)| {
            let cx = context(i, d);
            let mut out = Vec::new();
            for c in checks {
                // What a check comparing drafts learned is enough, as in a
                // streaming run: `debunked-claim` found the database's
                // findings while learning, and would find them again.
                if !(c.needs_run() && c.check_learned(&cx, &mut out)) {
                    c.check(d, &cx, &mut out);
                }
            }
            let suppressed = d.suppression_lookup();
            out.retain(|f| !suppressed.covers(&f.rule, f.kind, f.span.start));
            (i, out)
        })
        .collect();
    sort_findings(pieces)
}

/// The findings of `pieces` (lists of one file's findings, in the order
/// they were found) in one list, sorted by [`Finding::sort_key`] (stably)
/// and without repeats.
///
/// When every finding is in its own file's list, as checks make them, the
/// lists are put in file order and sorted one file at a time: the same
/// order as sorting them all, without a scratch buffer for all of them, and
/// in one allocation of the exact size.
fn sort_findings(mut pieces: Vec<(FileId, Vec<Finding>)>) -> Vec<Finding> {
    let total = pieces.iter().map(|(_, p)| p.len()).sum();
    let mut findings = Vec::with_capacity(total);
    if pieces.iter().all(|(i, p)| p.iter().all(|f| f.file == *i)) {
        // Stable: a file's lists keep the order they were found in.
        pieces.sort_by_key(|(i, _)| *i);
        let mut start = 0;
        let mut pieces = pieces.into_iter().peekable();
        while let Some((i, p)) = pieces.next() {
            findings.extend(p);
            if pieces.peek().is_none_or(|(next, _)| *next != i) {
                findings[start..].sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
                start = findings.len();
            }
        }
    } else {
        for (_, p) in pieces {
            findings.extend(p);
        }
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }
    findings.dedup();
    findings
}

/// The config to use: `--config FILE`, else the nearest `copydesk.toml`
/// upward from the current folder, else none (`none`: `--no-config`).
pub fn find_config(explicit: Option<&str>, none: bool) -> Result<Config, Vec<LoadError>> {
    if none {
        return Ok(Config::default());
    }
    match explicit {
        Some(p) => Config::load(&PathBuf::from(p), p),
        None => {
            let cwd = std::env::current_dir().unwrap_or_default();
            match crate::settings::discover(&cwd) {
                Some((path, shown)) => Config::load(&path, &shown),
                None => Ok(Config::default()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn examples(held_bytes: Option<usize>) -> (Engine, Config, Options) {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
        let config = find_config(Some(&format!("{dir}/copydesk.toml")), false).expect("config");
        let engine = Engine::new(&config).expect("engine");
        let options = Options {
            paths: vec![format!("{dir}/drafts")],
            date: Date::parse("2026-06-01"),
            held_bytes,
            ..Options::default()
        };
        (engine, config, options)
    }

    /// Drafts whose first-pass checks wait for the second pass (memory for
    /// findings ran out) get the findings they would have got.
    #[test]
    fn deferred_drafts_get_the_same_findings() {
        let (mut engine, config, options) = examples(None);
        let whole = run(&mut engine, &config, &options);
        assert!(whole.findings.len() > 5, "{:?}", whole.findings);
        for budget in [0, 1, 200] {
            let (mut engine, config, options) = examples(Some(budget));
            let report = run(&mut engine, &config, &options);
            assert_eq!(report.findings, whole.findings, "budget {budget}");
            assert_eq!(report.tally(), whole.tally());
        }
    }

    /// Written as found, a draft at a time, the output is what the reporter
    /// writes from the finished report; the report keeps only the tally.
    #[test]
    fn streamed_output_is_the_finished_reports() {
        let (mut engine, config, options) = examples(None);
        let whole = run(&mut engine, &config, &options);
        let (mut engine, config, options) = examples(Some(0));
        let mut out = Vec::new();
        let mut sink = crate::report::json::JsonSink::default();
        let streamed = run_to(&mut engine, &config, &options, &mut sink, &mut out).unwrap();
        assert!(streamed.findings.is_empty());
        assert_eq!(streamed.tally(), whole.tally());
        assert_eq!(
            String::from_utf8(out).unwrap(),
            crate::report::json::render(&whole)
        );
    }

    fn f(file: FileId, start: usize, rule: &str, message: &str) -> Finding {
        Finding {
            file,
            rule: rule.into(),
            kind: "pattern",
            severity: Severity::Warning,
            message: message.to_string(),
            span: start..start + 1,
            labels: Vec::new(),
            notes: Default::default(),
            fix: None,
        }
    }

    /// Sorting file by file gives what one stable sort of every finding,
    /// in the order found, gives; so does the fallback for a finding in
    /// another file's list.
    #[test]
    fn sorting_by_file_is_sorting_all() {
        let whole = |pieces: &[(FileId, Vec<Finding>)]| {
            let mut all: Vec<Finding> = pieces.iter().flat_map(|(_, p)| p.clone()).collect();
            all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            all.dedup();
            all
        };
        let own = vec![
            (
                2,
                vec![f(2, 5, "b", "1"), f(2, 1, "a", "2"), f(2, 5, "b", "3")],
            ),
            (0, vec![f(0, 3, "a", "4")]),
            (2, vec![f(2, 5, "b", "5"), f(2, 1, "a", "2")]),
            (0, vec![f(0, 3, "a", "6"), f(0, 0, "z", "7")]),
        ];
        assert_eq!(sort_findings(own.clone()), whole(&own));
        let mut foreign = own;
        foreign[1].1.push(f(2, 5, "b", "8"));
        assert_eq!(sort_findings(foreign.clone()), whole(&foreign));
    }
}
