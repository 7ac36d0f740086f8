//! Suppression comments: `<!-- copydesk-disable-next-line [ids] -->`, and
//! `<!-- copydesk-disable [ids] -->` … `<!-- copydesk-enable [ids] -->`.

use std::ops::Range;

/// A region of the draft where some rules (or all) are silenced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    pub region: Range<usize>,
    /// Rule ids or kinds; empty means every rule.
    pub rules: Vec<String>,
}

impl Suppression {
    pub fn covers(&self, rule: &str, kind: &str, at: usize) -> bool {
        self.region.contains(&at)
            && (self.rules.is_empty() || self.rules.iter().any(|r| r == rule || r == kind))
    }
}

/// Reads the suppression comments found in the given HTML ranges.
pub fn parse(text: &str, html: &[Range<usize>]) -> Vec<Suppression> {
    let mut out = Vec::new();
    let mut open: Vec<(usize, Vec<String>)> = Vec::new();
    for range in html {
        let chunk = &text[range.clone()];
        let mut from = 0;
        while let Some(p) = chunk[from..].find("<!--") {
            let start = from + p + 4;
            let Some(len) = chunk[start..].find("-->") else {
                break;
            };
            let body = chunk[start..start + len].trim();
            let end = range.start + start + len + 3;
            from = start + len + 3;
            let mut words = body.split_whitespace();
            let directive = words.next().unwrap_or("");
            let rules: Vec<String> = words
                .map(|w| w.trim_matches(',').to_string())
                .filter(|w| !w.is_empty())
                .collect();
            match directive {
                "copydesk-disable-next-line" => {
                    let line = next_content_line(text, end);
                    out.push(Suppression {
                        region: line,
                        rules,
                    });
                }
                "copydesk-disable" => open.push((end, rules)),
                "copydesk-enable" => {
                    let comment_start = range.start + start - 4;
                    open.retain(|(at, ids)| {
                        let ends = rules.is_empty() || ids.iter().all(|id| rules.contains(id));
                        if ends {
                            out.push(Suppression {
                                region: *at..comment_start,
                                rules: ids.clone(),
                            });
                        }
                        !ends
                    });
                }
                _ => {}
            }
        }
    }
    for (at, rules) in open {
        out.push(Suppression {
            region: at..text.len(),
            rules,
        });
    }
    out
}

/// The byte range of the first non-blank line after `at`'s line.
fn next_content_line(text: &str, at: usize) -> Range<usize> {
    let mut pos = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if !text[pos..end].trim().is_empty() {
            return pos..end;
        }
        pos = end + 1;
    }
    text.len()..text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<Suppression> {
        parse(text, &[0..text.len()])
    }

    #[test]
    fn next_line_skips_blank_lines() {
        let t = "<!-- copydesk-disable-next-line unattributed-figure -->\n\nThe stadium seats 40,000 people.\nNext.";
        let s = all(t);
        assert_eq!(s.len(), 1);
        assert_eq!(&t[s[0].region.clone()], "The stadium seats 40,000 people.");
        assert!(s[0].covers("x", "unattributed-figure", t.find("40,000").unwrap()));
        assert!(!s[0].covers("x", "debunked-claim", t.find("40,000").unwrap()));
        assert!(!s[0].covers("x", "unattributed-figure", t.find("Next").unwrap()));
    }

    #[test]
    fn regions_with_and_without_ids() {
        let t = "a <!-- copydesk-disable --> b <!-- copydesk-enable --> c <!-- copydesk-disable e-mail --> d";
        let s = all(t);
        assert!(
            s.iter()
                .any(|x| x.covers("any", "pattern", t.find(" b").unwrap()))
        );
        assert!(
            !s.iter()
                .any(|x| x.covers("any", "pattern", t.find(" c").unwrap()))
        );
        assert!(
            s.iter()
                .any(|x| x.covers("e-mail", "pattern", t.find(" d").unwrap()))
        );
        assert!(
            !s.iter()
                .any(|x| x.covers("other", "pattern", t.find(" d").unwrap()))
        );
    }

    #[test]
    fn ordinary_comments_are_ignored() {
        assert!(all("<!-- a note for editors -->\ntext").is_empty());
    }
}
