//! Claims databases (`spec/interfaces.md`): claims fact-checkers rated
//! false, each with regexes that must all match inside one sentence.
//!
//! Read into raw spanned structs, then validated by hand so that every error
//! (a bad regex included) points at its line and column in the file.

use super::{LoadError, read_text};
use crate::date::Date;
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use toml::Spanned;
use toml::value::Datetime;

/// One claim of a database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub id: String,
    /// The claim as the fact-checkers worded it.
    pub claim: String,
    pub rating: String,
    pub reviewed_by: Option<String>,
    pub url: Option<String>,
    pub date: Option<Date>,
    /// Regexes, matched case-insensitively, that must all match in one
    /// sentence. Each compiles (checked when loading).
    pub all: Vec<String>,
    /// The file it came from, as shown to the user.
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    claim: Vec<Spanned<RawClaim>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    id: Spanned<String>,
    claim: Spanned<String>,
    rating: Spanned<String>,
    reviewed_by: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    date: Option<Spanned<Datetime>>,
    all: Spanned<Vec<Spanned<String>>>,
}

/// Compiles a claim regex the way the check does.
pub fn compile(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(1 << 22)
        .build()
}

/// Reads every database, rejecting an id defined twice.
pub fn load_all(files: &[(std::path::PathBuf, String)]) -> Result<Vec<Claim>, Vec<LoadError>> {
    let mut errors = Vec::new();
    let mut claims = Vec::new();
    for (path, shown) in files {
        match load_file(path, shown) {
            Ok(mut c) => claims.append(&mut c),
            Err(mut e) => errors.append(&mut e),
        }
    }
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for c in &claims {
        if let Some(prev) = seen.insert(&c.id, &c.source)
            && prev != c.source
        {
            errors.push(LoadError::new(
                &c.source,
                format!("claim id `{}` is also defined in {prev}", c.id),
            ));
        }
    }
    if errors.is_empty() {
        Ok(claims)
    } else {
        Err(errors)
    }
}

pub fn load_file(path: &Path, shown: &str) -> Result<Vec<Claim>, Vec<LoadError>> {
    match read_text(path) {
        Ok(text) => parse(shown, Arc::from(text)),
        Err(e) => Err(vec![LoadError::new(
            shown,
            format!("cannot read claims database: {e}"),
        )]),
    }
}

/// Parses and validates one claims database.
pub fn parse(path: &str, text: Arc<str>) -> Result<Vec<Claim>, Vec<LoadError>> {
    let raw: RawFile =
        toml::from_str(&text).map_err(|e| vec![LoadError::from_toml(path, &text, &e)])?;
    let mut errors = Vec::new();
    let mut claims = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut patterns = Vec::new();
    for c in raw.claim {
        let c = c.into_inner();
        let id = c.id.get_ref().trim().to_string();
        if id.is_empty() {
            errors.push(LoadError::at(path, &text, c.id.span(), "empty claim id"));
        } else if let Some(&at) = ids.get(&id) {
            let line = text[..at].matches('\n').count() + 1;
            errors.push(
                LoadError::at(
                    path,
                    &text,
                    c.id.span(),
                    format!("claim id `{id}` is already used"),
                )
                .with_help(format!(
                    "it is defined on line {line}; give each claim its own id"
                )),
            );
        } else {
            // The offset, not the line: counting lines for every claim would
            // be quadratic in the file's size.
            ids.insert(id.clone(), c.id.span().start);
        }
        for (s, what) in [(&c.claim, "claim"), (&c.rating, "rating")] {
            if s.get_ref().trim().is_empty() {
                errors.push(LoadError::at(
                    path,
                    &text,
                    s.span(),
                    format!("empty `{what}`"),
                ));
            }
        }
        let date = c
            .date
            .as_ref()
            .and_then(|d| super::people::date(path, &text, d, &mut errors));
        if c.all.get_ref().is_empty() {
            errors.push(
                LoadError::at(
                    path,
                    &text,
                    c.all.span(),
                    format!("claim `{id}` has no regexes in `all`"),
                )
                .with_help("`all` lists regexes that must all match inside one sentence"),
            );
        }
        let mut all = Vec::new();
        for p in c.all.into_inner() {
            patterns.push((p.get_ref().clone(), p.span()));
            all.push(p.into_inner());
        }
        claims.push(Claim {
            id,
            claim: c.claim.into_inner().trim().to_string(),
            rating: c.rating.into_inner().trim().to_string(),
            reviewed_by: c
                .reviewed_by
                .map(|s| s.into_inner().trim().to_string())
                .filter(|s| !s.is_empty()),
            url: c
                .url
                .map(|s| s.into_inner().trim().to_string())
                .filter(|s| !s.is_empty()),
            date,
            all,
            source: path.to_string(),
        });
    }
    // Parsed here so that a bad regex is reported at load time with its
    // place. Parsing, not compiling: a database may hold thousands of
    // regexes and most never get to run (the check compiles on first use).
    // Claims share most patterns (`\b(Marek|he|she)\b`): each distinct one
    // is parsed once.
    let mut distinct: Vec<&str> = patterns.iter().map(|(p, _)| p.as_str()).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let invalid: HashMap<&str, String> = distinct
        .par_iter()
        .filter_map(|p| {
            let parsed = regex_syntax::ParserBuilder::new()
                .case_insensitive(true)
                .build()
                .parse(p);
            parsed
                .err()
                .map(|e| (*p, super::regex_message(&e.to_string())))
        })
        .collect();
    for (p, span) in &patterns {
        if let Some(message) = invalid.get(p.as_str()) {
            errors.push(
                LoadError::at(path, &text, span.clone(), format!("invalid regular expression: {message}"))
                    .with_help("copydesk uses Rust regex syntax (https://docs.rs/regex); look-around and back-references are not supported"),
            );
        }
    }
    if errors.is_empty() {
        Ok(claims)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Vec<Claim>, Vec<LoadError>> {
        parse("claims.toml", Arc::from(text))
    }

    #[test]
    fn reads_a_database() {
        let c = load("[[claim]]\nid = \"x\"\nclaim = \"The moon is cheese\"\nrating = \"False\"\nreviewed_by = \"Desk\"\nurl = \"https://e.example\"\ndate = 2025-01-02\nall = ['moon', 'cheese']\n").unwrap();
        assert_eq!(c[0].all.len(), 2);
        assert_eq!(c[0].date, Date::new(2025, 1, 2));
    }

    #[test]
    fn bad_regex_unknown_key_and_duplicate_id_point_into_the_file() {
        let e = load("[[claim]]\nid = \"x\"\nclaim = \"c\"\nrating = \"False\"\nall = ['moon(']\n")
            .unwrap_err();
        assert!(
            e[0].to_string()
                .starts_with("claims.toml:5:8: invalid regular expression"),
            "{}",
            e[0]
        );
        let e = load(
            "[[claim]]\nid = \"x\"\nclaim = \"c\"\nrating = \"False\"\nall = ['a']\nsource = 'y'\n",
        )
        .unwrap_err();
        assert!(e[0].to_string().starts_with("claims.toml:6:"), "{}", e[0]);
        let e = load("[[claim]]\nid = \"x\"\nclaim = \"c\"\nrating = \"False\"\nall = ['a']\n[[claim]]\nid = \"x\"\nclaim = \"c\"\nrating = \"False\"\nall = ['a']\n").unwrap_err();
        assert!(e[0].to_string().starts_with("claims.toml:7:"), "{}", e[0]);
        let e = load("[[claim]]\nid = \"x\"\nclaim = \"c\"\nrating = \"False\"\nall = ['a']\ndate = 2025-13-01\n").unwrap_err();
        assert!(e[0].to_string().starts_with("claims.toml:6:"), "{}", e[0]);
    }
}
