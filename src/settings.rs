//! `copydesk.toml`: found by walking up from the current directory, or given
//! with `--config`. Read into raw spanned structs, then validated, so every
//! error points at its place in the file.

use crate::check::Data;
use crate::finding::Severity;
use crate::rules::{self, LoadError, Pack};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

pub const CONFIG_NAME: &str = "copydesk.toml";

/// A validated `copydesk.toml` (or the defaults, when there is none).
#[derive(Debug, Default)]
pub struct Config {
    /// The file as the user would name it, if one was read.
    pub path: Option<String>,
    /// The folder paths in the file are relative to.
    pub dir: PathBuf,
    pub packs: Vec<(PathBuf, String)>,
    pub disable: Vec<(String, std::ops::Range<usize>)>,
    pub severity: Vec<(String, Severity, std::ops::Range<usize>)>,
    pub data: Data,
    pub archive: Vec<(PathBuf, String)>,
    pub include: Option<GlobSet>,
    pub exclude: Option<GlobSet>,
    text: Option<Arc<str>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    rules: Option<RawRules>,
    data: Option<RawData>,
    files: Option<RawFiles>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    packs: Option<Vec<Spanned<String>>>,
    disable: Option<Vec<Spanned<String>>>,
    severity: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawData {
    people: Option<Vec<Spanned<String>>>,
    claims: Option<Vec<Spanned<String>>>,
    archive: Option<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFiles {
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
}

/// Finds `copydesk.toml` in `start` or the nearest folder above it. Returns
/// the path to open and the path to show (relative to `start`).
pub fn discover(start: &Path) -> Option<(PathBuf, String)> {
    let mut dir = start.to_path_buf();
    let mut up = String::new();
    loop {
        let candidate = dir.join(CONFIG_NAME);
        if candidate.is_file() {
            return Some((candidate, format!("{up}{CONFIG_NAME}")));
        }
        if !dir.pop() {
            return None;
        }
        up.push_str("../");
    }
}

impl Config {
    /// Reads and validates a config file.
    pub fn load(path: &Path, shown: &str) -> Result<Config, Vec<LoadError>> {
        let text: Arc<str> = match rules::read_text(path) {
            Ok(t) => Arc::from(t),
            Err(e) => {
                return Err(vec![LoadError::new(
                    shown,
                    format!("cannot read config: {e}"),
                )]);
            }
        };
        let raw: RawConfig =
            toml::from_str(&text).map_err(|e| vec![LoadError::from_toml(shown, &text, &e)])?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let shown_dir = Path::new(shown)
            .parent()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        let mut errors = Vec::new();
        let resolve = |p: &Spanned<String>| -> (PathBuf, String) {
            let rel = p.get_ref();
            let shown = if shown_dir.is_empty() || Path::new(rel).is_absolute() {
                rel.clone()
            } else {
                format!("{shown_dir}/{rel}")
            };
            (dir.join(rel), shown)
        };
        let mut config = Config {
            path: Some(shown.to_string()),
            dir: dir.clone(),
            text: Some(text.clone()),
            ..Config::default()
        };
        let existing =
            |list: Option<Vec<Spanned<String>>>, what: &str, errors: &mut Vec<LoadError>| {
                let mut out = Vec::new();
                for p in list.unwrap_or_default() {
                    let (open, show) = resolve(&p);
                    if open.exists() {
                        out.push((open, show));
                    } else {
                        errors.push(
                            LoadError::at(
                                shown,
                                &text,
                                p.span(),
                                format!("{what} `{show}` does not exist"),
                            )
                            .with_help(format!(
                                "paths in {CONFIG_NAME} are relative to the folder it is in"
                            )),
                        );
                    }
                }
                out
            };
        if let Some(r) = raw.rules {
            config.packs = existing(r.packs, "rule pack", &mut errors);
            config.disable = r
                .disable
                .unwrap_or_default()
                .into_iter()
                .map(|s| (s.get_ref().clone(), s.span()))
                .collect();
            for (id, sev) in r.severity.unwrap_or_default() {
                match Severity::parse(sev.get_ref()) {
                    Some(s) => config.severity.push((id.get_ref().clone(), s, id.span())),
                    None => errors.push(
                        LoadError::at(
                            shown,
                            &text,
                            sev.span(),
                            format!("unknown severity `{}`", sev.get_ref()),
                        )
                        .with_help("use \"error\", \"warning\" or \"info\""),
                    ),
                }
            }
        }
        if let Some(d) = raw.data {
            config.data.people = existing(d.people, "people registry", &mut errors);
            config.data.claims = existing(d.claims, "claims database", &mut errors);
            config.archive = existing(d.archive, "archive folder", &mut errors);
        }
        if let Some(f) = raw.files {
            config.include = globs(f.include, shown, &text, &mut errors);
            config.exclude = globs(f.exclude, shown, &text, &mut errors);
        }
        if errors.is_empty() {
            Ok(config)
        } else {
            Err(errors)
        }
    }

    /// Loads the built-in pack and the config's packs, then applies
    /// `disable` and severity overrides. Unknown rule ids are errors.
    pub fn load_pack(&self) -> Result<Pack, Vec<LoadError>> {
        let mut pack = Pack::builtin()?;
        let mut errors = Vec::new();
        for (path, shown) in &self.packs {
            pack.add_pack(path, shown, &mut errors);
        }
        let unknown = |id: &str, span: &std::ops::Range<usize>, pack: &Pack| {
            let shown = self.path.as_deref().unwrap_or(CONFIG_NAME);
            let text = self.text.clone().unwrap_or_else(|| Arc::from(""));
            let ids: Vec<&str> = pack.rules.iter().map(|r| &*r.id).collect();
            LoadError::at(
                shown,
                &text,
                span.clone(),
                format!("unknown rule id `{id}`"),
            )
            .with_help(format!("the loaded rules are: {}", ids.join(", ")))
        };
        for (id, span) in &self.disable {
            if pack.rule(id).is_none() && crate::rules::Kind::parse(id).is_none() {
                errors.push(unknown(id, span, &pack));
            }
        }
        for (id, sev, span) in &self.severity {
            match pack.rules.iter_mut().find(|r| *r.id == **id) {
                Some(rule) => rule.severity = *sev,
                None => errors.push(unknown(id, span, &pack)),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        // `disable` takes rule ids, or a kind to switch off every rule of it.
        pack.rules.retain(|r| {
            !self
                .disable
                .iter()
                .any(|(id, _)| **id == *r.id || id == r.kind.name())
        });
        Ok(pack)
    }

    /// Whether a file found by walking a folder is to be checked.
    pub fn wants(&self, path: &Path) -> bool {
        let rel = path.strip_prefix(&self.dir).unwrap_or(path);
        let rel = rel.strip_prefix("./").unwrap_or(rel);
        if self.exclude.as_ref().is_some_and(|ex| ex.is_match(rel)) {
            return false;
        }
        self.include.as_ref().is_none_or(|inc| inc.is_match(rel))
    }
}

fn globs(
    list: Option<Vec<Spanned<String>>>,
    shown: &str,
    text: &Arc<str>,
    errors: &mut Vec<LoadError>,
) -> Option<GlobSet> {
    let list = list?;
    let mut b = GlobSetBuilder::new();
    for g in &list {
        match Glob::new(g.get_ref()) {
            Ok(glob) => {
                b.add(glob);
            }
            Err(e) => errors.push(LoadError::at(
                shown,
                text,
                g.span(),
                format!("invalid glob: {}", e.kind()),
            )),
        }
    }
    b.build().ok()
}
