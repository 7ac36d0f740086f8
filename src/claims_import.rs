//! `copydesk claims import`: ClaimReview JSON-LD and Fact Check Tools API
//! responses to claims TOML.
//!
//! Input shapes:
//!
//! - schema.org `ClaimReview` JSON-LD: one object, an array of them, or an
//!   object with an `@graph` array (nodes of other types are ignored);
//! - a Fact Check Tools API `claims:search` response: `{"claims": [...]}`.
//!
//! Only claims rated false-like are written (the rating tables are the
//! `claim-ratings-*` lexicons of `rules/claims.toml`); what is skipped is
//! said on standard error. Each entry's `all` regexes come from the claim's
//! own words: every name and number, and a few content words matched by
//! their stem. Malformed input names the file and the JSON path, and makes
//! the exit status 2.

use crate::claim_words::{pattern, slug, stem, strip_possessive, toml_quote, words};
use crate::cli::ImportArgs;
use crate::date::Date;
use crate::rules::Pack;
use serde_json::Value;
use std::collections::HashSet;
use std::io::Write;

/// One claim ready to be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub id: String,
    pub claim: String,
    pub rating: String,
    pub reviewed_by: Option<String>,
    pub url: Option<String>,
    pub date: Option<Date>,
    pub claimant: Option<String>,
    pub all: Vec<String>,
}

/// What the import needs to know: rating tables and stop words.
pub struct Importer {
    false_like: Vec<String>,
    not_false: Vec<String>,
    stop: HashSet<String>,
}

/// The result of reading one file.
#[derive(Debug, Default)]
pub struct FileResult {
    pub claims: Vec<Imported>,
    /// `(JSON path, why)` for entries left out.
    pub skipped: Vec<(String, String)>,
}

pub fn command(args: &ImportArgs) -> std::io::Result<u8> {
    let pack = crate::run::find_config(None, false)
        .ok()
        .and_then(|c| c.load_pack().ok())
        .or_else(|| Pack::builtin().ok())
        .unwrap_or_default();
    let importer = Importer::new(&pack);
    let mut all = Vec::new();
    let mut failed = false;
    for file in &args.files {
        let text = match crate::rules::read_text(std::path::Path::new(file)) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {file}: {e}");
                failed = true;
                continue;
            }
        };
        match importer.import(&text) {
            Ok(r) => {
                for (path, why) in &r.skipped {
                    eprintln!("skipped {file}: {path}: {why}");
                }
                all.extend(r.claims);
            }
            Err(e) => {
                eprintln!("error: {file}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        return Ok(2);
    }
    unique_ids(&mut all);
    let out = to_toml(&all, &args.files);
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    match lock.write_all(out.as_bytes()).and_then(|_| lock.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r?,
    }
    eprintln!(
        "imported {} claim{}",
        all.len(),
        if all.len() == 1 { "" } else { "s" }
    );
    Ok(0)
}

pub fn unique_ids(claims: &mut [Imported]) {
    let mut seen = HashSet::new();
    for c in claims.iter_mut() {
        let base = c.id.clone();
        let mut n = 2;
        while !seen.insert(c.id.clone()) {
            c.id = format!("{base}-{n}");
            n += 1;
        }
    }
}

type Res<T> = Result<T, String>;

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// An optional string field (`null` counts as absent).
fn opt_str(v: &Value, key: &str, path: &str) -> Res<Option<String>> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty())),
        Some(other) => Err(format!(
            "{path}.{key}: expected a string, found {}",
            kind_of(other)
        )),
    }
}

fn req_str(v: &Value, key: &str, path: &str) -> Res<String> {
    opt_str(v, key, path)?.ok_or_else(|| format!("{path}.{key}: expected a string, found nothing"))
}

/// A person or organisation: a string, `{"name": ...}`, or an array of them.
fn agent(v: &Value, key: &str, path: &str) -> Res<Option<String>> {
    let p = format!("{path}.{key}");
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
        Some(o @ Value::Object(_)) => opt_str(o, "name", &p),
        Some(Value::Array(a)) => {
            let mut names = Vec::new();
            for (i, x) in a.iter().enumerate() {
                let w = serde_json::json!({ "x": x });
                if let Some(n) = agent(&w, "x", &format!("{p}[{i}]"))? {
                    names.push(n);
                }
            }
            Ok(Some(names.join(", ")).filter(|s| !s.is_empty()))
        }
        Some(other) => Err(format!(
            "{p}: expected a string or an object with a name, found {}",
            kind_of(other)
        )),
    }
}

fn number(v: &Value, key: &str, path: &str) -> Res<Option<f64>> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => Ok(n.as_f64()),
        Some(Value::String(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| format!("{path}.{key}: expected a number, found `{s}`")),
        Some(other) => Err(format!(
            "{path}.{key}: expected a number, found {}",
            kind_of(other)
        )),
    }
}

fn date_of(s: Option<&str>) -> Option<Date> {
    s.and_then(|s| Date::parse(s.get(..10).unwrap_or(s)))
}

impl Importer {
    pub fn new(pack: &Pack) -> Importer {
        let lower = |name: &str| -> Vec<String> {
            pack.words(name).iter().map(|w| w.to_lowercase()).collect()
        };
        Importer {
            false_like: lower("claim-ratings-false"),
            not_false: lower("claim-ratings-not-false"),
            stop: lower("claim-stop-words").into_iter().collect(),
        }
    }

    /// Whether a textual rating is false-like: `Some(true)` false-like,
    /// `Some(false)` not, `None` unknown.
    pub fn rating_is_false(&self, rating: &str) -> Option<bool> {
        let r = rating.trim().trim_end_matches(['.', '!']).to_lowercase();
        if self.not_false.contains(&r) {
            return Some(false);
        }
        if self.false_like.contains(&r) {
            return Some(true);
        }
        // "False. The photo is from 2015": the longest table entry that
        // starts the rating decides.
        let mut best: Option<(usize, bool)> = None;
        for (list, verdict) in [(&self.false_like, true), (&self.not_false, false)] {
            for w in list.iter() {
                let starts = r.starts_with(w.as_str())
                    && !r[w.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if starts && best.is_none_or(|(l, _)| w.len() > l) {
                    best = Some((w.len(), verdict));
                }
            }
        }
        best.map(|(_, v)| v)
    }

    /// Reads one file's JSON.
    pub fn import(&self, text: &str) -> Res<FileResult> {
        let v: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
        let mut out = FileResult::default();
        match &v {
            Value::Object(o) if o.contains_key("claims") => match &o["claims"] {
                Value::Array(claims) => {
                    for (i, c) in claims.iter().enumerate() {
                        self.api_claim(c, &format!("$.claims[{i}]"), &mut out)?;
                    }
                }
                other => {
                    return Err(format!(
                        "$.claims: expected an array, found {}",
                        kind_of(other)
                    ));
                }
            },
            Value::Object(o) if o.contains_key("@graph") => match &o["@graph"] {
                Value::Array(nodes) => {
                    for (i, n) in nodes.iter().enumerate() {
                        self.claim_review(n, &format!("$['@graph'][{i}]"), &mut out)?;
                    }
                }
                other => {
                    return Err(format!(
                        "$['@graph']: expected an array, found {}",
                        kind_of(other)
                    ));
                }
            },
            Value::Object(_) => self.claim_review(&v, "$", &mut out)?,
            Value::Array(nodes) => {
                for (i, n) in nodes.iter().enumerate() {
                    self.claim_review(n, &format!("$[{i}]"), &mut out)?;
                }
            }
            other => {
                return Err(format!(
                    "$: expected a ClaimReview object, an array of them or a claims:search response, found {}",
                    kind_of(other)
                ));
            }
        }
        Ok(out)
    }

    fn claim_review(&self, n: &Value, path: &str, out: &mut FileResult) -> Res<()> {
        if !n.is_object() {
            return Err(format!("{path}: expected an object, found {}", kind_of(n)));
        }
        let ty = match n.get("@type") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(vec![s.as_str()]),
            Some(Value::Array(a)) => Some(a.iter().filter_map(Value::as_str).collect()),
            Some(other) => {
                return Err(format!(
                    "{path}['@type']: expected a string, found {}",
                    kind_of(other)
                ));
            }
        };
        let is_review = ty.as_ref().map_or(n.get("claimReviewed").is_some(), |t| {
            t.contains(&"ClaimReview")
        });
        if !is_review {
            // Other nodes of a graph (organisations, web pages).
            return Ok(());
        }
        let claim = req_str(n, "claimReviewed", path)?;
        let rp = format!("{path}.reviewRating");
        let rating = match n.get("reviewRating") {
            None | Some(Value::Null) => {
                return Err(format!("{rp}: expected an object, found nothing"));
            }
            Some(r @ Value::Object(_)) => r,
            Some(other) => {
                return Err(format!(
                    "{rp}: expected an object, found {}",
                    kind_of(other)
                ));
            }
        };
        let name = opt_str(rating, "alternateName", &rp)?.or(opt_str(rating, "name", &rp)?);
        let value = number(rating, "ratingValue", &rp)?;
        let (label, verdict) = match (&name, value) {
            (Some(name), _) if self.rating_is_false(name).is_some() => {
                (name.clone(), self.rating_is_false(name))
            }
            (_, Some(v)) => {
                let best = number(rating, "bestRating", &rp)?.unwrap_or(5.0);
                let worst = number(rating, "worstRating", &rp)?.unwrap_or(1.0);
                let scaled = if best > worst {
                    1.0 + (v - worst) * 4.0 / (best - worst)
                } else {
                    v
                };
                let label = name.clone().unwrap_or_else(|| format!("{v} of {best}"));
                (label, Some(scaled <= 2.0))
            }
            (Some(name), None) => (name.clone(), None),
            (None, None) => {
                return Err(format!(
                    "{rp}: expected `alternateName` or `ratingValue`, found neither"
                ));
            }
        };
        let item = match n.get("itemReviewed") {
            None | Some(Value::Null) => Value::Null,
            Some(i @ Value::Object(_)) => i.clone(),
            Some(other) => {
                return Err(format!(
                    "{path}.itemReviewed: expected an object, found {}",
                    kind_of(other)
                ));
            }
        };
        let ip = format!("{path}.itemReviewed");
        let claimant = if item.is_null() {
            None
        } else {
            agent(&item, "author", &ip)?
        };
        let claim_date = if item.is_null() {
            None
        } else {
            opt_str(&item, "datePublished", &ip)?
        };
        let reviewer = agent(n, "author", path)?;
        let url = opt_str(n, "url", path)?;
        let review_date = opt_str(n, "datePublished", path)?;
        match verdict {
            Some(true) => out.claims.push(self.entry(
                &claim,
                label,
                reviewer,
                url,
                date_of(review_date.as_deref()).or(date_of(claim_date.as_deref())),
                claimant,
            )),
            Some(false) => out.skipped.push((
                path.to_string(),
                format!("rating `{label}` is not false-like"),
            )),
            None => out.skipped.push((
                path.to_string(),
                format!("rating `{label}` is not in the rating table"),
            )),
        }
        Ok(())
    }

    fn api_claim(&self, c: &Value, path: &str, out: &mut FileResult) -> Res<()> {
        if !c.is_object() {
            return Err(format!("{path}: expected an object, found {}", kind_of(c)));
        }
        let text = req_str(c, "text", path)?;
        let claimant = opt_str(c, "claimant", path)?;
        let claim_date = opt_str(c, "claimDate", path)?;
        let reviews = match c.get("claimReview") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(a)) => a.iter().collect(),
            Some(other) => {
                return Err(format!(
                    "{path}.claimReview: expected an array, found {}",
                    kind_of(other)
                ));
            }
        };
        let mut chosen = None;
        let mut ratings = Vec::new();
        for (i, r) in reviews.iter().enumerate() {
            let rp = format!("{path}.claimReview[{i}]");
            if !r.is_object() {
                return Err(format!("{rp}: expected an object, found {}", kind_of(r)));
            }
            let publisher = match r.get("publisher") {
                None | Some(Value::Null) => None,
                Some(p @ Value::Object(_)) => opt_str(p, "name", &format!("{rp}.publisher"))?
                    .or(opt_str(p, "site", &format!("{rp}.publisher"))?),
                Some(other) => {
                    return Err(format!(
                        "{rp}.publisher: expected an object, found {}",
                        kind_of(other)
                    ));
                }
            };
            let url = opt_str(r, "url", &rp)?;
            let _title = opt_str(r, "title", &rp)?;
            let review_date = opt_str(r, "reviewDate", &rp)?;
            let rating = req_str(r, "textualRating", &rp)?;
            let _lang = opt_str(r, "languageCode", &rp)?;
            if chosen.is_none() && self.rating_is_false(&rating) == Some(true) {
                chosen = Some((rating.clone(), publisher, url, review_date));
            }
            ratings.push(rating);
        }
        match chosen {
            Some((rating, publisher, url, review_date)) => out.claims.push(self.entry(
                &text,
                rating,
                publisher,
                url,
                date_of(review_date.as_deref()).or(date_of(claim_date.as_deref())),
                claimant,
            )),
            None if ratings.is_empty() => out
                .skipped
                .push((path.to_string(), "no claimReview".to_string())),
            None => out.skipped.push((
                path.to_string(),
                format!(
                    "no false-like rating ({})",
                    ratings
                        .iter()
                        .map(|r| format!("`{r}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
        Ok(())
    }

    fn entry(
        &self,
        claim: &str,
        rating: String,
        reviewed_by: Option<String>,
        url: Option<String>,
        date: Option<Date>,
        claimant: Option<String>,
    ) -> Imported {
        Imported {
            id: self.slug(claim),
            claim: claim.split_whitespace().collect::<Vec<_>>().join(" "),
            rating,
            reviewed_by,
            url,
            date,
            claimant,
            all: self.matcher(claim),
        }
    }

    fn slug(&self, claim: &str) -> String {
        slug(claim, &self.stop)
    }

    /// The claim's matcher: every name (its last word) and number, and up to
    /// three content words by stem.
    pub fn matcher(&self, claim: &str) -> Vec<String> {
        let ws = words(claim);
        let mut required = Vec::new();
        let mut content = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            let w = strip_possessive(&ws[i]);
            let lower = w.to_lowercase();
            if w.chars().any(|c| c.is_ascii_digit()) {
                required.push(format!(r"\b{}\b", pattern(&lower)));
                i += 1;
                continue;
            }
            let cap = w.chars().next().is_some_and(char::is_uppercase);
            if cap && !self.stop.contains(&lower) {
                // A run of capitalized words is one name; its last word stands for it.
                let mut j = i;
                while j + 1 < ws.len()
                    && ws[j + 1].chars().next().is_some_and(char::is_uppercase)
                    && !self.stop.contains(&ws[j + 1].to_lowercase())
                {
                    j += 1;
                }
                let last = strip_possessive(&ws[j]).to_lowercase();
                required.push(format!(r"\b{}\b", pattern(&last)));
                i = j + 1;
                continue;
            }
            if !self.stop.contains(&lower) && lower.chars().count() >= 3 {
                content.push(lower);
            }
            i += 1;
        }
        let mut all: Vec<String> = Vec::new();
        for r in required {
            if !all.contains(&r) {
                all.push(r);
            }
        }
        let want = if all.len() >= 3 { 2 } else { 3 };
        let mut picked = 0;
        for w in content {
            if picked >= want {
                break;
            }
            let r = format!(r"\b{}\w*", pattern(stem(&w)));
            if !all.contains(&r) {
                all.push(r);
                picked += 1;
            }
        }
        all
    }
}

/// The claims TOML for `claims`.
pub fn to_toml(claims: &[Imported], sources: &[String]) -> String {
    let mut out = format!(
        "# Imported by `copydesk claims import` from {}.\n",
        sources.join(", ")
    );
    for c in claims {
        out.push('\n');
        push_entry(&mut out, c);
    }
    out
}

/// Appends one `[[claim]]` entry (shared with `claims harvest`).
pub fn push_entry(out: &mut String, c: &Imported) {
    out.push_str("[[claim]]\n");
    if let Some(who) = &c.claimant {
        out.push_str(&format!("# claimant: {}\n", who.replace('\n', " ")));
    }
    out.push_str(&format!("id = {}\n", toml_quote(&c.id)));
    out.push_str(&format!("claim = {}\n", toml_quote(&c.claim)));
    out.push_str(&format!("rating = {}\n", toml_quote(&c.rating)));
    if let Some(r) = &c.reviewed_by {
        out.push_str(&format!("reviewed_by = {}\n", toml_quote(r)));
    }
    if let Some(u) = &c.url {
        out.push_str(&format!("url = {}\n", toml_quote(u)));
    }
    if let Some(d) = c.date {
        out.push_str(&format!("date = {d}\n"));
    }
    // Regexes hold no single quotes (apostrophes are a class), so TOML
    // literal strings keep their backslashes as they are.
    let all: Vec<String> = c.all.iter().map(|r| format!("'{r}'")).collect();
    out.push_str(&format!("all = [{}]\n", all.join(", ")));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn importer() -> Importer {
        Importer::new(&Pack::builtin().unwrap())
    }

    #[test]
    fn ratings_are_normalised() {
        let i = importer();
        assert_eq!(i.rating_is_false("Pants on Fire!"), Some(true));
        assert_eq!(i.rating_is_false("Mostly False"), Some(true));
        assert_eq!(
            i.rating_is_false("False. The photo is from 2015."),
            Some(true)
        );
        assert_eq!(i.rating_is_false("Mostly True"), Some(false));
        assert_eq!(i.rating_is_false("Half True"), Some(false));
        assert_eq!(i.rating_is_false("Spicy"), None);
    }

    #[test]
    fn matcher_keeps_names_numbers_and_stems() {
        let all = importer().matcher("Mayor Ana Lopez secretly sold the Harbor Bridge in 2019");
        assert_eq!(
            all,
            vec![
                r"\blopez\b",
                r"\bbridge\b",
                r"\b2019\b",
                r"\bsecret\w*",
                r"\bsold\w*"
            ]
        );
        for r in &all {
            assert!(
                regex::RegexBuilder::new(r)
                    .case_insensitive(true)
                    .build()
                    .is_ok()
            );
        }
    }

    #[test]
    fn malformed_input_names_the_json_path() {
        let e = importer()
            .import(r#"{"claims": [{"text": "x", "claimReview": [{"textualRating": "False", "url": 3}]}]}"#)
            .unwrap_err();
        assert_eq!(
            e,
            "$.claims[0].claimReview[0].url: expected a string, found a number"
        );
    }

    #[test]
    fn numeric_ratings_and_graphs() {
        let r = importer()
            .import(
                r#"{"@graph": [{"@type": "Organization", "name": "X"},
                {"@type": "ClaimReview", "claimReviewed": "The dam burst in 2020", "reviewRating": {"ratingValue": 1, "bestRating": 5, "worstRating": 1}, "author": {"name": "Desk"}},
                {"@type": "ClaimReview", "claimReviewed": "The dam held", "reviewRating": {"ratingValue": "4"}}]}"#,
            )
            .unwrap();
        assert_eq!(r.claims.len(), 1);
        assert_eq!(r.claims[0].reviewed_by.as_deref(), Some("Desk"));
        assert_eq!(r.skipped.len(), 1);
        assert!(r.skipped[0].0.contains("@graph"));
    }
}
