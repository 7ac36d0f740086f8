//! People registries (`spec/interfaces.md`): who held which office when.
//!
//! Read into raw spanned structs, then validated by hand so that every error
//! points at its line and column in the registry file.

use super::{LoadError, read_text};
use crate::date::Date;
use serde::Deserialize;
use std::path::Path;
use std::sync::Arc;
use toml::Spanned;
use toml::value::Datetime;

/// One person of a registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    pub offices: Vec<Office>,
}

/// One term in one office: `from` inclusive, `to` exclusive (the day the
/// successor takes over); no `to` means still in office.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Office {
    pub title: String,
    pub country: Option<String>,
    pub from: Date,
    pub to: Option<Date>,
}

impl Office {
    pub fn holds_on(&self, date: Date) -> bool {
        self.from <= date && self.to.is_none_or(|to| date < to)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    person: Vec<Spanned<RawPerson>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    office: Vec<Spanned<RawOffice>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffice {
    title: Spanned<String>,
    country: Option<Spanned<String>>,
    from: Spanned<Datetime>,
    to: Option<Spanned<Datetime>>,
}

/// Every people registry of `files`, or every error in them.
pub fn load_all(files: &[(std::path::PathBuf, String)]) -> Result<Vec<Person>, Vec<LoadError>> {
    let mut people = Vec::new();
    let mut errors = Vec::new();
    for (path, shown) in files {
        match load_file(path, shown) {
            Ok(mut p) => people.append(&mut p),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(people)
    } else {
        Err(errors)
    }
}

/// Reads one registry file; `shown` is the path as the user wrote it.
pub fn load_file(path: &Path, shown: &str) -> Result<Vec<Person>, Vec<LoadError>> {
    match read_text(path) {
        Ok(text) => parse(shown, Arc::from(text)),
        Err(e) => Err(vec![LoadError::new(
            shown,
            format!("cannot read people registry: {e}"),
        )]),
    }
}

/// Parses and validates a registry.
pub fn parse(path: &str, text: Arc<str>) -> Result<Vec<Person>, Vec<LoadError>> {
    let raw: RawFile =
        toml::from_str(&text).map_err(|e| vec![LoadError::from_toml(path, &text, &e)])?;
    let mut errors = Vec::new();
    let mut people = Vec::new();
    for p in raw.person {
        let p_span = p.span();
        let p = p.into_inner();
        let name = nonempty(path, &text, &p.name, "name", &mut errors);
        let aliases = p
            .aliases
            .iter()
            .map(|a| nonempty(path, &text, a, "alias", &mut errors))
            .collect();
        let mut offices = Vec::new();
        for o in p.office {
            let o = o.into_inner();
            let title = nonempty(path, &text, &o.title, "title", &mut errors);
            let from = date(path, &text, &o.from, &mut errors);
            let to =
                o.to.as_ref()
                    .map(|t| (date(path, &text, t, &mut errors), t.span()));
            if let (Some(from), Some((Some(to), span))) = (from, &to)
                && *to < from
            {
                errors.push(
                    LoadError::at(
                        path,
                        &text,
                        span.clone(),
                        format!("office ends ({to}) before it starts ({from})"),
                    )
                    .with_help("`to` is the day the term ended; it must not be before `from`"),
                );
            }
            if let Some(from) = from {
                offices.push(Office {
                    title,
                    country: o.country.map(Spanned::into_inner),
                    from,
                    to: to.and_then(|(t, _)| t),
                });
            }
        }
        if offices.is_empty() && errors.is_empty() {
            errors.push(
                LoadError::at(path, &text, p_span, format!("person `{name}` has no office"))
                    .with_help("add `[[person.office]]` with `title` and `from` (and `to` when the term ended)"),
            );
        }
        people.push(Person {
            name,
            aliases,
            offices,
        });
    }
    if errors.is_empty() {
        Ok(people)
    } else {
        Err(errors)
    }
}

fn nonempty(
    path: &str,
    text: &Arc<str>,
    s: &Spanned<String>,
    what: &str,
    errors: &mut Vec<LoadError>,
) -> String {
    if s.get_ref().trim().is_empty() {
        errors.push(LoadError::at(path, text, s.span(), format!("empty {what}")));
    }
    s.get_ref().trim().to_string()
}

/// A TOML date (`2025-01-20`) as a [`Date`]; shared with the claims loader.
pub(crate) fn date(
    path: &str,
    text: &Arc<str>,
    d: &Spanned<Datetime>,
    errors: &mut Vec<LoadError>,
) -> Option<Date> {
    let dt = d.get_ref();
    let parsed = match (dt.date, dt.time, dt.offset) {
        (Some(day), None, None) => Date::new(i32::from(day.year), day.month, day.day),
        _ => None,
    };
    if parsed.is_none() {
        errors.push(
            LoadError::at(path, text, d.span(), format!("invalid date `{dt}`"))
                .with_help("write a calendar date without quotes or time: 2025-01-20"),
        );
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Vec<Person>, Vec<LoadError>> {
        parse("people.toml", Arc::from(text))
    }

    #[test]
    fn reads_a_registry() {
        let people = load(
            "[[person]]\nname = \"Ada Example\"\naliases = [\"A. Example\"]\n[[person.office]]\ntitle = \"Mayor\"\nfrom = 2020-01-01\nto = 2024-01-01\n",
        )
        .unwrap();
        assert_eq!(people[0].offices[0].title, "Mayor");
        assert!(people[0].offices[0].holds_on(Date::new(2023, 12, 31).unwrap()));
        assert!(!people[0].offices[0].holds_on(Date::new(2024, 1, 1).unwrap()));
    }

    #[test]
    fn errors_point_into_the_file() {
        let e = load(
            "[[person]]\nname = \"A B\"\n[[person.office]]\ntitle = \"Mayor\"\nfrom = \"2020\"\n",
        )
        .unwrap_err();
        assert!(e[0].to_string().starts_with("people.toml:5:"), "{}", e[0]);
        let e = load("[[person]]\nname = \"A B\"\nnick = \"x\"\n").unwrap_err();
        assert!(e[0].to_string().starts_with("people.toml:3:"), "{}", e[0]);
        let e = load("[[person]]\nname = \"A B\"\n[[person.office]]\ntitle = \"Mayor\"\nfrom = 2020-01-01T10:00:00\n")
            .unwrap_err();
        assert!(e[0].to_string().contains("invalid date"), "{}", e[0]);
        let e = load("[[person]]\nname = \"A B\"\n[[person.office]]\ntitle = \"Mayor\"\nfrom = 2020-01-01\nto = 2019-01-01\n")
            .unwrap_err();
        assert!(e[0].to_string().starts_with("people.toml:6:6"), "{}", e[0]);
    }
}
