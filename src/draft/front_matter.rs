//! Front matter: a `---` YAML or `+++` TOML block at the top of a draft. It is
//! metadata, not prose; copydesk reads its `date` and `title`.

use crate::date::Date;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FrontMatter {
    /// Byte range of the whole block, fences included.
    pub span: std::ops::Range<usize>,
    pub date: Option<Date>,
    pub title: Option<String>,
    /// Set when the block has a `date` that is not a `YYYY-MM-DD` date.
    pub bad_date: Option<String>,
}

/// Finds front matter starting at byte `at` (after any BOM). Returns `None`
/// when the draft has none, or when the opening fence is never closed (then
/// the fence is ordinary text: a thematic break or a stray line).
pub fn parse(text: &str, at: usize) -> Option<FrontMatter> {
    let rest = &text[at..];
    let fence = if rest.starts_with("---") {
        "---"
    } else if rest.starts_with("+++") {
        "+++"
    } else {
        return None;
    };
    let first_line_end = rest.find('\n')?;
    if rest[..first_line_end].trim_end() != fence {
        return None;
    }
    let body_start = first_line_end + 1;
    let mut pos = body_start;
    let mut body_end = None;
    while pos <= rest.len() {
        let line_end = rest[pos..].find('\n').map_or(rest.len(), |i| pos + i);
        let line = rest[pos..line_end].trim_end();
        if line == fence || (fence == "---" && line == "...") {
            body_end = Some((
                pos,
                if line_end < rest.len() {
                    line_end + 1
                } else {
                    line_end
                },
            ));
            break;
        }
        if line_end >= rest.len() {
            break;
        }
        pos = line_end + 1;
    }
    let (body_end, block_end) = body_end?;
    let body = &rest[body_start..body_end];
    let mut fm = FrontMatter {
        span: at..at + block_end,
        ..FrontMatter::default()
    };
    let (date, title) = if fence == "+++" {
        toml_fields(body)
    } else {
        yaml_fields(body)
    };
    if let Some(d) = date {
        match Date::parse(&d) {
            Some(parsed) => fm.date = Some(parsed),
            None => fm.bad_date = Some(d),
        }
    }
    fm.title = title;
    Some(fm)
}

/// Reads top-level `key: value` pairs. A full YAML parser would be overkill
/// for two scalar keys.
fn yaml_fields(body: &str) -> (Option<String>, Option<String>) {
    let mut date = None;
    let mut title = None;
    for line in body.lines() {
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        let value = value.split(" #").next().unwrap_or(value).trim();
        let unquoted = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(value);
        match key.trim() {
            "date" => date = Some(unquoted.to_string()),
            "title" => title = Some(unquoted.to_string()),
            _ => {}
        }
    }
    (date, title)
}

fn toml_fields(body: &str) -> (Option<String>, Option<String>) {
    let Ok(table) = body.parse::<toml::Table>() else {
        return (None, None);
    };
    let date = table.get("date").map(|v| match v {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    let title = table
        .get("title")
        .and_then(|v| v.as_str())
        .map(str::to_string);
    (date, title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter() {
        let text = "---\ntitle: \"Budget: a vote\"\ndate: 2025-07-01\n---\n\nBody.\n";
        let fm = parse(text, 0).unwrap();
        assert_eq!(fm.date, Date::new(2025, 7, 1));
        assert_eq!(fm.title.as_deref(), Some("Budget: a vote"));
        assert_eq!(
            &text[fm.span.clone()],
            "---\ntitle: \"Budget: a vote\"\ndate: 2025-07-01\n---\n"
        );
    }

    #[test]
    fn toml_front_matter_with_datetime() {
        let text = "+++\ntitle = \"Strike\"\ndate = 2025-11-03T08:00:00Z\n+++\nBody.";
        let fm = parse(text, 0).unwrap();
        assert_eq!(fm.date, Date::new(2025, 11, 3));
        assert_eq!(fm.title.as_deref(), Some("Strike"));
    }

    #[test]
    fn unterminated_front_matter_is_not_front_matter() {
        assert_eq!(parse("---\ntitle: x\nno end\n", 0), None);
        assert_eq!(parse("---", 0), None);
        assert_eq!(parse("Text first\n---\n", 0), None);
    }

    #[test]
    fn bad_date_is_reported_not_guessed() {
        let fm = parse("---\ndate: June 3\n---\n", 0).unwrap();
        assert_eq!(fm.date, None);
        assert_eq!(fm.bad_date.as_deref(), Some("June 3"));
    }

    #[test]
    fn crlf_front_matter() {
        let fm = parse("---\r\ndate: 2025-01-02\r\n---\r\nBody", 0).unwrap();
        assert_eq!(fm.date, Date::new(2025, 1, 2));
    }
}
