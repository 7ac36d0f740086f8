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

/// The smallest database worth parsing in pieces.
const CHUNKED_BYTES: usize = 256 * 1024;

/// A big database parsed on every core: cut before `[[claim]]` lines into
/// pieces that each parse alone, their spans moved back into the file.
/// `None` (parse it whole) unless the file is nothing but `[[claim]]` tables
/// after comments, and every piece parses: an error is then reported by the
/// whole file's parse, with its real place. A cut inside a multi-line string
/// leaves that string open, so its piece fails and the file is parsed whole.
fn parse_in_chunks(text: &str) -> Option<Vec<Spanned<RawClaim>>> {
    if text.len() < CHUNKED_BYTES {
        return None;
    }
    let mut starts = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end() == "[[claim]]" {
            starts.push(at);
        }
        at += line.len();
    }
    let first = *starts.first()?;
    let preamble_is_comments = text[..first]
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    if !preamble_is_comments {
        return None;
    }
    // About 64 KB a piece: enough pieces to share out, few enough that each
    // parse is worth its start.
    let mut cuts = vec![first];
    for &s in &starts {
        if s - cuts.last().copied().unwrap_or(0) >= 64 * 1024 {
            cuts.push(s);
        }
    }
    cuts.push(text.len());
    let pieces: Vec<Option<Vec<Spanned<RawClaim>>>> = cuts
        .windows(2)
        .collect::<Vec<_>>()
        .par_iter()
        .map(|w| {
            let raw: RawFile = toml::from_str(&text[w[0]..w[1]]).ok()?;
            Some(
                raw.claim
                    .into_iter()
                    .map(|c| shift_claim(c, w[0]))
                    .collect(),
            )
        })
        .collect();
    let mut claims = Vec::new();
    for p in pieces {
        claims.extend(p?);
    }
    Some(claims)
}

fn shift<T>(s: Spanned<T>, by: usize) -> Spanned<T> {
    let span = s.span();
    Spanned::new(span.start + by..span.end + by, s.into_inner())
}

fn shift_claim(c: Spanned<RawClaim>, by: usize) -> Spanned<RawClaim> {
    let span = c.span();
    let c = c.into_inner();
    let all = shift(c.all, by);
    let all_span = all.span();
    let all = Spanned::new(
        all_span,
        all.into_inner().into_iter().map(|p| shift(p, by)).collect(),
    );
    Spanned::new(
        span.start + by..span.end + by,
        RawClaim {
            id: shift(c.id, by),
            claim: shift(c.claim, by),
            rating: shift(c.rating, by),
            reviewed_by: c.reviewed_by.map(|x| shift(x, by)),
            url: c.url.map(|x| shift(x, by)),
            date: c.date.map(|x| shift(x, by)),
            all,
        },
    )
}

/// Parses and validates one claims database.
pub fn parse(path: &str, text: Arc<str>) -> Result<Vec<Claim>, Vec<LoadError>> {
    let raw = match parse_in_chunks(&text) {
        Some(claims) => RawFile { claim: claims },
        None => toml::from_str(&text).map_err(|e| vec![LoadError::from_toml(path, &text, &e)])?,
    };
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

    /// A database big enough to be parsed in pieces.
    fn big_database() -> String {
        let mut text = String::from("# generated\n\n");
        for i in 0..4000 {
            text.push_str(&format!(
                "[[claim]]\nid = \"c{i}\"\nclaim = \"Claim number {i} about the dam\"\n\
                 rating = \"False\"\nurl = \"https://example.org/{i}\"\ndate = 2025-01-02\n\
                 all = ['\\bdam\\b', '\\b{i}\\b']\n\n"
            ));
        }
        assert!(text.len() > CHUNKED_BYTES);
        text
    }

    fn spans(
        claims: &[Spanned<RawClaim>],
    ) -> Vec<(std::ops::Range<usize>, String, Vec<std::ops::Range<usize>>)> {
        claims
            .iter()
            .map(|c| {
                let r = c.get_ref();
                let mut inner = vec![r.id.span(), r.claim.span(), r.rating.span(), r.all.span()];
                inner.extend(r.url.as_ref().map(|u| u.span()));
                inner.extend(r.date.as_ref().map(|d| d.span()));
                inner.extend(r.all.get_ref().iter().map(|p| p.span()));
                (c.span(), r.id.get_ref().clone(), inner)
            })
            .collect()
    }

    #[test]
    fn pieces_parse_as_the_whole_file_does() {
        let text = big_database();
        let whole: RawFile = toml::from_str(&text).unwrap();
        let pieces = parse_in_chunks(&text).expect("parsed in pieces");
        assert_eq!(spans(&pieces), spans(&whole.claim));
        assert_eq!(pieces.len(), 4000);
        // Anything but claims before them: parsed whole.
        assert!(parse_in_chunks(&format!("x = 1\n{text}")).is_none());
        // A small file: parsed whole.
        assert!(parse_in_chunks("[[claim]]\nid = \"a\"\n").is_none());
    }

    #[test]
    fn an_error_in_a_piece_is_reported_at_its_place_in_the_file() {
        let mut text = big_database();
        let at = text.find("id = \"c3500\"").unwrap();
        text.insert_str(at, "colour = \"red\"\n");
        assert!(parse_in_chunks(&text).is_none());
        let errors = load(&text).unwrap_err();
        let line = text[..at].matches('\n').count() + 1;
        assert!(
            errors[0].to_string().contains(&format!(":{line}:")),
            "{}",
            errors[0]
        );
        // `[[claim]]` lines inside multi-line strings: a cut there leaves a
        // string open, that piece fails, and the file is parsed whole.
        let text = big_database()
            .replace(
                "claim = \"Claim number ",
                "claim = \"\"\"Claim\n[[claim]]\nnumber ",
            )
            .replace(" about the dam\"", " about the dam\"\"\"");
        let whole: RawFile = toml::from_str(&text).unwrap();
        let loaded = load(&text).unwrap();
        assert_eq!(loaded.len(), 4000);
        for (c, w) in loaded.iter().zip(&whole.claim) {
            assert_eq!(c.claim, w.get_ref().claim.get_ref().trim());
        }
        assert!(loaded[7].claim.contains("[[claim]]"));
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
