//! Rule files: the built-in pack and a newsroom's own packs, read into raw
//! spanned structs and validated by hand so every error points into the TOML.
//!
//! A rule file holds `[[rule]]` entries and `[lexicon.NAME]` word lists. The
//! built-in pack defines every lexicon; later packs may replace a list
//! (`words`), extend it (`add`) or take words out (`remove`).

mod builtin;
pub mod claims;
mod error;
pub mod people;

pub use error::LoadError;

use crate::finding::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;
use toml::Spanned;

/// What a rule's check does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Existence,
    Substitution,
    TitleConsistency,
    UnattributedFigure,
    UnverifiedFigure,
    DebunkedClaim,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Existence,
        Kind::Substitution,
        Kind::TitleConsistency,
        Kind::UnattributedFigure,
        Kind::UnverifiedFigure,
        Kind::DebunkedClaim,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Existence => "existence",
            Kind::Substitution => "substitution",
            Kind::TitleConsistency => "title-consistency",
            Kind::UnattributedFigure => "unattributed-figure",
            Kind::UnverifiedFigure => "unverified-figure",
            Kind::DebunkedClaim => "debunked-claim",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }

    /// The `kind` written in findings: generic style rules are `pattern`.
    pub fn finding_kind(self) -> &'static str {
        match self {
            Kind::Existence | Kind::Substitution => "pattern",
            other => other.name(),
        }
    }
}

/// Where a rule or lexicon was defined.
#[derive(Clone, Debug)]
pub struct Origin {
    pub path: String,
    pub text: Arc<str>,
    pub span: Range<usize>,
}

impl Origin {
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> LoadError {
        LoadError::at(&self.path, &self.text, span, message)
    }

    pub fn line(&self) -> usize {
        self.text[..self.span.start.min(self.text.len())]
            .matches('\n')
            .count()
            + 1
    }
}

/// A string from a rule file with its place.
#[derive(Clone, Debug)]
pub struct Located {
    pub value: String,
    pub span: Range<usize>,
}

#[derive(Clone, Debug)]
pub struct Rule {
    pub id: crate::finding::RuleId,
    pub kind: Kind,
    pub severity: Severity,
    /// A message template; `{match}` and `{replacement}` are filled in.
    pub message: Option<String>,
    pub description: String,
    pub bad: Vec<String>,
    pub good: Vec<String>,
    /// Existence: literal words or phrases.
    pub tokens: Vec<Located>,
    /// Existence: regular expressions.
    pub patterns: Vec<Located>,
    /// Substitution: wrong form → right form.
    pub swap: Vec<(Located, Located)>,
    /// Substitution: the keys of `swap` are regular expressions.
    pub regex: bool,
    pub ignore_case: bool,
    pub origin: Origin,
}

#[derive(Clone, Debug)]
pub struct Lexicon {
    pub name: String,
    pub description: String,
    pub words: Vec<String>,
    pub origin: Origin,
}

/// Every rule and lexicon loaded for a run.
#[derive(Clone, Debug, Default)]
pub struct Pack {
    pub rules: Vec<Rule>,
    pub lexicons: BTreeMap<String, Lexicon>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    rule: Vec<Spanned<RawRule>>,
    #[serde(default)]
    lexicon: BTreeMap<Spanned<String>, Spanned<RawLexicon>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    kind: Spanned<String>,
    severity: Option<Spanned<String>>,
    message: Option<Spanned<String>>,
    description: Option<String>,
    tokens: Option<Vec<Spanned<String>>>,
    patterns: Option<Vec<Spanned<String>>>,
    swap: Option<Spanned<BTreeMap<Spanned<String>, Spanned<String>>>>,
    regex: Option<Spanned<bool>>,
    ignore_case: Option<bool>,
    bad: Option<Vec<String>>,
    good: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    description: Option<String>,
    words: Option<Vec<String>>,
    add: Option<Vec<String>>,
    remove: Option<Vec<String>>,
}

impl Pack {
    /// The built-in pack alone.
    pub fn builtin() -> Result<Pack, Vec<LoadError>> {
        let mut pack = Pack::default();
        let mut errors = Vec::new();
        for (name, text) in builtin::FILES {
            pack.add_file(
                &format!("<built-in>/rules/{name}"),
                Arc::from(*text),
                &mut errors,
            );
        }
        if errors.is_empty() {
            Ok(pack)
        } else {
            Err(errors)
        }
    }

    /// Adds the rule files of a pack: a `.toml` file, or a folder whose
    /// `.toml` files are read in name order.
    pub fn add_pack(&mut self, path: &Path, shown: &str, errors: &mut Vec<LoadError>) {
        let mut files = Vec::new();
        if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    for entry in entries.flatten() {
                        let p = entry.path();
                        if p.extension().is_some_and(|e| e == "toml") && p.is_file() {
                            files.push(p);
                        }
                    }
                }
                Err(e) => {
                    errors.push(LoadError::new(
                        shown,
                        format!("cannot read rule folder: {e}"),
                    ));
                    return;
                }
            }
            files.sort();
            if files.is_empty() {
                errors.push(LoadError::new(shown, "rule folder holds no .toml files"));
            }
        } else {
            files.push(path.to_path_buf());
        }
        for file in files {
            let shown_file = if file == path {
                shown.to_string()
            } else {
                format!(
                    "{}/{}",
                    shown.trim_end_matches('/'),
                    file.file_name().unwrap_or_default().to_string_lossy()
                )
            };
            match read_text(&file) {
                Ok(text) => self.add_file(&shown_file, Arc::from(text), errors),
                Err(e) => errors.push(LoadError::new(shown_file, e)),
            }
        }
    }

    /// Parses and validates one rule file, adding its rules and lexicons.
    pub fn add_file(&mut self, path: &str, text: Arc<str>, errors: &mut Vec<LoadError>) {
        let raw: RawFile = match toml::from_str(&text) {
            Ok(raw) => raw,
            Err(e) => {
                errors.push(LoadError::from_toml(path, &text, &e));
                return;
            }
        };
        let origin = |span: Range<usize>| Origin {
            path: path.to_string(),
            text: text.clone(),
            span,
        };
        let is_builtin = path.starts_with("<built-in>");
        for (name, lex) in raw.lexicon {
            let o = origin(name.span());
            let name = name.into_inner();
            let lex = lex.into_inner();
            match self.lexicons.get_mut(&name) {
                None if is_builtin => {
                    let mut words = lex.words.unwrap_or_default();
                    words.extend(lex.add.unwrap_or_default());
                    self.lexicons.insert(
                        name.clone(),
                        Lexicon {
                            name,
                            description: lex.description.unwrap_or_default(),
                            words,
                            origin: o,
                        },
                    );
                }
                None => {
                    let known: Vec<&str> = self.lexicons.keys().map(String::as_str).collect();
                    errors.push(
                        o.error(o.span.clone(), format!("unknown lexicon `{name}`"))
                            .with_help(format!(
                                "a pack can change the lexicons the checks use: {}",
                                known.join(", ")
                            )),
                    );
                }
                Some(existing) => {
                    if let Some(words) = lex.words {
                        existing.words = words;
                    }
                    existing.words.extend(lex.add.unwrap_or_default());
                    if let Some(remove) = lex.remove {
                        existing.words.retain(|w| !remove.contains(w));
                    }
                    if let Some(d) = lex.description {
                        existing.description = d;
                    }
                }
            }
        }
        let mut ids: std::collections::HashMap<crate::finding::RuleId, usize> = self
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        for raw_rule in raw.rule {
            let span = raw_rule.span();
            match validate_rule(raw_rule.into_inner(), origin(span)) {
                Ok(rule) => {
                    if let Some(prev) = ids.get(&rule.id).map(|&i| &self.rules[i]) {
                        errors.push(
                            rule.origin
                                .error(rule.origin.span.clone(), format!("rule `{}` is already defined", rule.id))
                                .with_help(format!(
                                    "it is defined in {} line {}; give this rule another id, or disable the other one in copydesk.toml",
                                    prev.origin.path,
                                    prev.origin.line()
                                )),
                        );
                    } else {
                        ids.insert(rule.id.clone(), self.rules.len());
                        self.rules.push(rule);
                    }
                }
                Err(mut e) => errors.append(&mut e),
            }
        }
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| &*r.id == id)
    }

    /// A lexicon's words; the built-in pack defines every name a check asks
    /// for, so a missing one is a bug in the pack.
    pub fn words(&self, name: &str) -> &[String] {
        self.lexicons.get(name).map_or(&[], |l| &l.words)
    }

    /// The sentence splitter's language data.
    pub fn language(&self) -> crate::draft::Language {
        let set = |name: &str| self.words(name).iter().cloned().collect();
        crate::draft::Language {
            prefix_abbreviations: set("abbreviations-before-names"),
            abbreviations: set("abbreviations"),
            sentence_starters: set("sentence-starters"),
        }
    }
}

fn validate_rule(raw: RawRule, origin: Origin) -> Result<Rule, Vec<LoadError>> {
    let mut errors = Vec::new();
    let id_span = raw.id.span();
    let id = raw.id.into_inner();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
    {
        errors.push(origin.error(id_span.clone(), format!("invalid rule id `{id}`")).with_help(
            "rule ids are letters, digits, `-`, `_` and `.`, so they can be written in suppression comments",
        ));
    }
    let kind_span = raw.kind.span();
    let kind = match Kind::parse(raw.kind.get_ref()) {
        Some(k) => Some(k),
        None => {
            let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
            errors.push(
                origin
                    .error(
                        kind_span,
                        format!("unknown rule kind `{}`", raw.kind.get_ref()),
                    )
                    .with_help(format!("the kinds are: {}", names.join(", "))),
            );
            None
        }
    };
    let severity = match &raw.severity {
        None => Severity::Warning,
        Some(s) => Severity::parse(s.get_ref()).unwrap_or_else(|| {
            errors.push(
                origin
                    .error(s.span(), format!("unknown severity `{}`", s.get_ref()))
                    .with_help("use \"error\", \"warning\" or \"info\""),
            );
            Severity::Warning
        }),
    };
    let located = |v: Option<Vec<Spanned<String>>>| -> Vec<Located> {
        v.unwrap_or_default()
            .into_iter()
            .map(|s| Located {
                span: s.span(),
                value: s.into_inner(),
            })
            .collect()
    };
    let tokens = located(raw.tokens);
    let patterns = located(raw.patterns);
    let swap: Vec<(Located, Located)> = raw
        .swap
        .map(|s| {
            s.into_inner()
                .into_iter()
                .map(|(k, v)| {
                    (
                        Located {
                            span: k.span(),
                            value: k.into_inner(),
                        },
                        Located {
                            span: v.span(),
                            value: v.into_inner(),
                        },
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let regex = raw.regex.as_ref().is_some_and(|r| *r.get_ref());
    let ignore_case = raw.ignore_case.unwrap_or(true);
    if let Some(kind) = kind {
        let mut not_for = |present: bool, key: &str| {
            if present {
                errors.push(
                    origin
                        .error(
                            origin.span.clone(),
                            format!("`{key}` does not apply to a `{}` rule", kind.name()),
                        )
                        .with_help(format!("remove `{key}` from rule `{id}`")),
                );
            }
        };
        match kind {
            Kind::Existence => {
                not_for(!swap.is_empty(), "swap");
                if tokens.is_empty() && patterns.is_empty() {
                    errors.push(
                        origin
                            .error(id_span.clone(), format!("existence rule `{id}` has nothing to look for"))
                            .with_help("give it `tokens = [\"...\"]` (words or phrases) or `patterns = ['...']` (regexes)"),
                    );
                }
            }
            Kind::Substitution => {
                not_for(!tokens.is_empty(), "tokens");
                not_for(!patterns.is_empty(), "patterns");
                if swap.is_empty() {
                    errors.push(
                        origin
                            .error(
                                id_span.clone(),
                                format!("substitution rule `{id}` has no `swap` table"),
                            )
                            .with_help("add `swap = { \"wrong form\" = \"right form\" }`"),
                    );
                }
            }
            _ => {
                not_for(!tokens.is_empty(), "tokens");
                not_for(!patterns.is_empty(), "patterns");
                not_for(!swap.is_empty(), "swap");
            }
        }
        if matches!(kind, Kind::Existence | Kind::Substitution) && raw.message.is_none() {
            errors.push(
                origin
                    .error(id_span.clone(), format!("rule `{id}` has no `message`"))
                    .with_help(
                        "add `message = \"...\"`; `{match}` and `{replacement}` are filled in",
                    ),
            );
        }
        // Regexes are compiled here so that a bad one is reported at load
        // time with its place, never at check time.
        let regexes = patterns
            .iter()
            .chain(swap.iter().filter(|_| regex).map(|(k, _)| k));
        for p in regexes {
            if let Err(e) = regex::RegexBuilder::new(&p.value)
                .size_limit(1 << 22)
                .build()
            {
                errors.push(origin.error(p.span.clone(), format!("invalid regular expression: {}", regex_message(&e.to_string()))).with_help(
                    "copydesk uses Rust regex syntax (https://docs.rs/regex); look-around and back-references are not supported",
                ));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Rule {
        id: id.into(),
        kind: kind.expect("checked above"),
        severity,
        message: raw.message.map(Spanned::into_inner),
        description: raw.description.unwrap_or_default(),
        bad: raw.bad.unwrap_or_default(),
        good: raw.good.unwrap_or_default(),
        tokens,
        patterns,
        swap,
        regex,
        ignore_case,
        origin,
    })
}

/// The message of a regex error without the pattern and caret the regex
/// crate repeats: our own output points into the TOML file instead.
pub(crate) fn regex_message(s: &str) -> String {
    s.lines()
        .rev()
        .find(|l| l.starts_with("error:"))
        .unwrap_or(s.lines().next().unwrap_or(s))
        .trim_start_matches("error: ")
        .to_string()
}

/// Rewrites `\b` and `\B` in a regex as ASCII word boundaries. A Unicode
/// `\b` forces the regex engine off its fast path on any non-ASCII text (an
/// em dash, a curly quote), which made a 500-rule style pack 6x slower. The
/// cost: letters such as `é` count as non-word characters at a boundary.
pub fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str("(?-u:\\b)"),
            Some('B') => out.push_str("(?-u:\\B)"),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Reads a text file, with an error that says what is wrong with it.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| io_message(&e))?;
    String::from_utf8(bytes)
        .map_err(|e| format!("not valid UTF-8 (at byte {})", e.utf8_error().valid_up_to()))
}

pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_boundaries_rewrites_only_boundaries() {
        assert_eq!(
            ascii_boundaries(r"\bAl\b \\b \d \B"),
            r"(?-u:\b)Al(?-u:\b) \\b \d (?-u:\B)"
        );
        let re = regex::Regex::new(&ascii_boundaries(r"(?i)\bqaeda\b")).unwrap();
        assert!(re.is_match("— Al Qaeda’s leader"));
        assert!(!re.is_match("alqaedas"));
    }
}
