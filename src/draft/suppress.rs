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

/// The suppressions of a draft, ordered by where they start, for many
/// look-ups: a draft with thousands of `disable-next-line` comments is not
/// read through for each of its findings.
pub struct Lookup<'a> {
    sorted: Vec<&'a Suppression>,
    /// The furthest end among `sorted[..=i]`.
    reach: Vec<usize>,
}

impl<'a> Lookup<'a> {
    pub fn new(suppressions: &'a [Suppression]) -> Lookup<'a> {
        let mut sorted: Vec<&Suppression> = suppressions.iter().collect();
        sorted.sort_by_key(|s| s.region.start);
        let reach = sorted
            .iter()
            .scan(0, |far, s| {
                *far = s.region.end.max(*far);
                Some(*far)
            })
            .collect();
        Lookup { sorted, reach }
    }

    /// Whether a finding of `rule` (or `kind`) at byte `at` is silenced.
    pub fn covers(&self, rule: &str, kind: &str, at: usize) -> bool {
        // Back from the last suppression that starts at or before `at`,
        // while some suppression that far back still reaches past it.
        let mut j = self.sorted.partition_point(|s| s.region.start <= at);
        while j > 0 {
            j -= 1;
            if self.reach[j] <= at {
                return false;
            }
            if self.sorted[j].covers(rule, kind, at) {
                return true;
            }
        }
        false
    }
}

/// Reads the suppression comments found in the given HTML ranges.
pub fn parse(text: &str, html: &[Range<usize>]) -> Vec<Suppression> {
    let mut out = Vec::new();
    // Open regions grouped by their rules (`disable` comments repeat a
    // few rule lists), so that an `enable` looks at each list once.
    let mut open: Vec<(Vec<String>, Vec<usize>)> = Vec::new();
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
                "copydesk-disable" => match open.iter_mut().find(|(ids, _)| *ids == rules) {
                    Some((_, starts)) => starts.push(end),
                    None => open.push((rules, vec![end])),
                },
                "copydesk-enable" => {
                    let comment_start = range.start + start - 4;
                    open.retain(|(ids, starts)| {
                        let ends = rules.is_empty() || ids.iter().all(|id| rules.contains(id));
                        if ends {
                            out.extend(starts.iter().map(|&at| Suppression {
                                region: at..comment_start,
                                rules: ids.clone(),
                            }));
                        }
                        !ends
                    });
                }
                _ => {}
            }
        }
    }
    for (rules, starts) in open {
        out.extend(starts.into_iter().map(|at| Suppression {
            region: at..text.len(),
            rules: rules.clone(),
        }));
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
        parse(text, std::slice::from_ref(&(0..text.len())))
    }

    #[test]
    fn lookup_says_what_every_suppression_asked_in_turn_says() {
        let t = "<!-- copydesk-disable e-mail -->a\n\
            <!-- copydesk-disable-next-line -->\nb e-mail\n\
            <!-- copydesk-disable -->c\n<!-- copydesk-enable -->\n\
            <!-- copydesk-disable-next-line al-qaida -->\nd\n\
            <!-- copydesk-disable-next-line e-mail, al-qaida -->\ne\n\
            <!-- copydesk-enable e-mail -->f\n<!-- copydesk-disable pattern -->g\n";
        let s = all(t);
        assert!(s.len() >= 5, "{s:?}");
        let lookup = Lookup::new(&s);
        for at in 0..=t.len() {
            for (rule, kind) in [("e-mail", "pattern"), ("al-qaida", "pattern"), ("x", "y")] {
                assert_eq!(
                    lookup.covers(rule, kind, at),
                    s.iter().any(|x| x.covers(rule, kind, at)),
                    "{rule} at {at}"
                );
            }
        }
        assert!(!Lookup::new(&[]).covers("e-mail", "pattern", 0));
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
