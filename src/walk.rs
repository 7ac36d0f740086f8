//! Which files to check: named files whatever their extension, and in
//! folders every `*.md`, `*.markdown` and `*.txt`, in a stable order.

use crate::settings::Config;
use std::path::{Path, PathBuf};

/// A file to check.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Target {
    /// The path shown in output: as given, with `/` separators.
    pub shown: String,
    pub path: PathBuf,
}

/// A path that could not be walked.
#[derive(Clone, Debug)]
pub struct WalkError {
    pub shown: String,
    pub message: String,
}

pub const EXTENSIONS: [&str; 3] = ["md", "markdown", "txt"];

fn has_draft_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

fn shown(p: &Path, strip_dot: bool) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    if strip_dot {
        s.strip_prefix("./").map(str::to_string).unwrap_or(s)
    } else {
        s
    }
}

/// Expands the command-line paths into sorted, de-duplicated targets.
/// `implicit` says the path list was the default `.`, whose `./` prefix is
/// left out of output.
pub fn targets(paths: &[String], implicit: bool, config: &Config) -> (Vec<Target>, Vec<WalkError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for given in paths {
        let root = Path::new(given);
        match std::fs::metadata(root) {
            Err(e) => errors.push(WalkError {
                shown: shown(root, false),
                message: crate::rules::io_message(&e),
            }),
            Ok(meta) if meta.is_file() => out.push(Target {
                shown: shown(root, false),
                path: root.to_path_buf(),
            }),
            Ok(_) => walk_dir(root, implicit, config, &mut out, &mut errors),
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.shown == b.shown);
    (out, errors)
}

fn walk_dir(
    root: &Path,
    implicit: bool,
    config: &Config,
    out: &mut Vec<Target>,
    errors: &mut Vec<WalkError>,
) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            // Hidden folders (.git, .github) hold no drafts.
            e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
        });
    for entry in walker {
        match entry {
            Ok(e) => {
                let p = e.path();
                // Symlinks to files are checked; links to folders are not
                // followed (no loops).
                let is_file =
                    e.file_type().is_file() || (e.file_type().is_symlink() && p.is_file());
                if is_file && has_draft_extension(p) && config.wants(&absolute_like(p, config)) {
                    out.push(Target {
                        shown: shown(p, implicit),
                        path: p.to_path_buf(),
                    });
                }
            }
            Err(err) => {
                let p = err
                    .path()
                    .map(|p| shown(p, implicit))
                    .unwrap_or_else(|| shown(root, implicit));
                let message = err
                    .io_error()
                    .map(crate::rules::io_message)
                    .unwrap_or_else(|| err.to_string());
                errors.push(WalkError { shown: p, message });
            }
        }
    }
}

/// Paths are matched against globs relative to the config's folder.
fn absolute_like(p: &Path, config: &Config) -> PathBuf {
    if config.dir.as_os_str().is_empty() || p.is_absolute() {
        return p.to_path_buf();
    }
    match (std::path::absolute(p), std::path::absolute(&config.dir)) {
        (Ok(abs), Ok(dir)) => abs.strip_prefix(&dir).map(Path::to_path_buf).unwrap_or(abs),
        _ => p.to_path_buf(),
    }
}

/// Lists the drafts of archive folders (all draft extensions, no globs).
pub fn archive(folders: &[(PathBuf, String)]) -> Vec<Target> {
    let config = Config::default();
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (path, shown_root) in folders {
        let mut found = Vec::new();
        walk_dir(path, false, &config, &mut found, &mut errors);
        for t in found {
            let rel = t.path.strip_prefix(path).unwrap_or(&t.path);
            out.push(Target {
                shown: format!("{}/{}", shown_root.trim_end_matches('/'), shown(rel, true)),
                path: t.path,
            });
        }
    }
    out.sort();
    out
}
