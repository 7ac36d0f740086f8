use super::*;
use crate::draft::Language;
use crate::rules::Kind;
use std::sync::Arc;

const REGISTRY: &str = r#"
[[person]]
name = "Olaf Scholz"
[[person.office]]
title = "Chancellor"
from = 2021-12-08
to = 2025-05-06

[[person]]
name = "Recep Tayyip Erdoğan"
aliases = ["Recep Tayyip Erdogan"]
[[person.office]]
title = "President"
from = 2014-08-28

[[person]]
name = "Tom Ashby"
[[person.office]]
title = "Foreign Secretary"
from = 2020-01-01

[[person]]
name = "Tom R. Hale"
aliases = ["Tom Hale"]
[[person.office]]
title = "Governor"
from = 2001-01-20
to = 2009-01-20

[[person]]
name = "Sheikh Amin Sheikh Musa"
[[person.office]]
title = "President"
from = 2020-03-01

[[person]]
name = "Ravi Sethi"
[[person.office]]
title = "Home Minister"
from = 2014-05-26

[[person]]
name = "Ida Berg"
[[person.office]]
title = "High Commissioner for Human Rights"
from = 2022-10-17

[[person]]
name = "Sheikh Nadia"
[[person.office]]
title = "Prime Minister"
from = 2009-01-06
to = 2024-08-05

[[person]]
name = "Oleh Marko"
[[person.office]]
title = "Prosecutor General"
from = 2022-07-27
"#;

fn engine(registry: &str) -> (TitleCheck, Language) {
    let pack = Pack::builtin().unwrap();
    let rule = pack
        .rules
        .iter()
        .find(|r| r.kind == Kind::TitleConsistency)
        .unwrap()
        .clone();
    let people = people::parse("people.toml", Arc::from(registry)).unwrap();
    (
        TitleCheck::new(rule, Lexicon::new(&pack), people),
        pack.language(),
    )
}

fn mentions(text: &str) -> Vec<(String, String, String)> {
    let (c, lang) = engine(REGISTRY);
    let d = Draft::parse("a.md", text, &lang);
    c.mentions(&d)
        .into_iter()
        .map(|m| (text[m.span.clone()].to_string(), m.name.clone(), m.title()))
        .collect()
}

/// The findings of one draft checked alone on `date`.
fn findings(text: &str, date: Date) -> Vec<Finding> {
    let (mut c, lang) = engine(REGISTRY);
    let d = Draft::parse("a.md", text, &lang);
    let cx = Context {
        file: 0,
        date,
        checked: true,
    };
    let l = c.learn(&d, &cx).unwrap();
    c.prepare(vec![(0, l)]);
    let mut out = Vec::new();
    c.check(&d, &cx, &mut out);
    out
}

fn flagged(text: &str, date: Date) -> Vec<String> {
    findings(text, date)
        .iter()
        .map(|f| text[f.span.clone()].to_string())
        .collect()
}

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn finds_titles_with_qualifiers_and_names() {
    let m = mentions(
        "Former U.S. President Ann Lee met Iran's Supreme Leader, Ayatollah Ali Rahimi, and ex-Mayor Tom Vance's aides.",
    );
    assert_eq!(
        m,
        vec![
            (
                "Former U.S. President Ann Lee".into(),
                "Ann Lee".into(),
                "former President".into()
            ),
            (
                "Iran's Supreme Leader, Ayatollah Ali Rahimi".into(),
                "Ali Rahimi".into(),
                "Supreme Leader".into()
            ),
            (
                "ex-Mayor Tom Vance".into(),
                "Tom Vance".into(),
                "former Mayor".into()
            ),
        ]
    );
}

#[test]
fn appositives_elect_then_and_surnames() {
    let m = mentions(
        "Ann Lee, the former mayor, spoke. Mayor Lee said more. President-elect Bo Ray and then-Governor Al Kim met. Governor Smith left.",
    );
    let titles: Vec<&str> = m.iter().map(|x| x.2.as_str()).collect();
    assert_eq!(
        titles,
        vec!["former Mayor", "Mayor", "President-elect", "then-Governor"]
    );
    assert_eq!(m[1].1, "Ann Lee");
}

#[test]
fn a_country_in_the_appositive_or_after_the_office() {
    let m = mentions(
        "Tom Ashby, Britain's foreign secretary, spoke. The president of Turkey, Recep Tayyip Erdogan, listened. The deal, Turkey's president said, holds.",
    );
    let got: Vec<(&str, &str)> = m.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
    assert_eq!(
        got,
        vec![
            ("Tom Ashby, Britain's foreign secretary", "Foreign Minister"),
            ("president of Turkey, Recep Tayyip Erdogan", "President"),
        ]
    );
}

#[test]
fn an_appositive_with_no_article_before_a_country_nationality_or_status() {
    let m = mentions(
        "Tom Ashby, South Korea's foreign secretary, spoke. Olaf Scholz, German chancellor, listened. Ravi Sethi, former home minister, left. Tom Hale, governor, waved.",
    );
    let got: Vec<(&str, &str)> = m.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (
                "Tom Ashby, South Korea's foreign secretary",
                "Foreign Minister"
            ),
            ("Olaf Scholz, German chancellor", "Chancellor"),
            (
                "Ravi Sethi, former home minister",
                "former Interior Minister"
            ),
        ]
    );
    let m = mentions(
        "Said the former Secretary-General of the UN, Ida Berg. The President of the United States Recep Tayyip Erdogan spoke.",
    );
    let got: Vec<(&str, &str)> = m.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (
                "former Secretary-General of the UN, Ida Berg",
                "former Secretary-General"
            ),
            (
                "President of the United States Recep Tayyip Erdogan",
                "President"
            ),
        ]
    );
    // `Former U-S President`: the hyphenated abbreviation is a country, and
    // the status before it counts.
    assert_eq!(
        flagged(
            "Former U-S President Recep Tayyip Erdogan spoke.",
            day("2012-05-19")
        ),
        ["Former U-S President Recep Tayyip Erdogan"]
    );
    assert!(flagged("Former U-S Governor Tom Hale spoke.", day("2012-05-19")).is_empty());
}

#[test]
fn accents_aliases_and_possessives_find_the_registry_person() {
    let m = mentions(
        "Turkish President Recep Tayyip Erdogan spoke. President Erdoğan's aides listened.",
    );
    assert_eq!(m.len(), 2);
    assert!(m.iter().all(|x| x.1 == "Recep Tayyip Erdoğan"));
    assert_eq!(m[1].0, "President Erdoğan");
}

#[test]
fn an_honorific_inside_a_name_is_part_of_it() {
    let m = mentions("Lakeland's President Sheikh Amin Sheikh Musa spoke.");
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].1, "Sheikh Amin Sheikh Musa");
    assert_eq!(
        flagged(
            "President Sheikh Amin Sheikh Musa spoke.",
            day("2019-06-20")
        ),
        vec!["President Sheikh Amin Sheikh Musa"]
    );
    assert!(
        flagged(
            "President Sheikh Amin Sheikh Musa spoke.",
            day("2021-06-20")
        )
        .is_empty()
    );
    // An honorific after a whole name, with no name after it, is not.
    let m = mentions("Crowds cheered President Amin Musa Sheikh.");
    assert_eq!(m[0].0, "President Amin Musa");
    assert_eq!(m[0].1, "Amin Musa");
}

#[test]
fn registry_judges_the_date() {
    assert_eq!(
        flagged("German Chancellor Olaf Scholz spoke.", day("2025-06-20")),
        vec!["German Chancellor Olaf Scholz"]
    );
    assert!(flagged("German Chancellor Olaf Scholz spoke.", day("2024-06-20")).is_empty());
    // The day a term ends, the old title still reads true; the day after,
    // it does not.
    assert!(flagged("German Chancellor Olaf Scholz spoke.", day("2025-05-06")).is_empty());
    assert_eq!(
        flagged("German Chancellor Olaf Scholz spoke.", day("2025-05-07")),
        vec!["German Chancellor Olaf Scholz"]
    );
    assert_eq!(
        flagged("Former Chancellor Olaf Scholz spoke.", day("2024-06-20")),
        vec!["Former Chancellor Olaf Scholz"]
    );
    assert_eq!(
        flagged("President Olaf Scholz spoke.", day("2024-06-20")),
        vec!["President Olaf Scholz"]
    );
    assert!(
        flagged(
            "Then-Chancellor Olaf Scholz spoke in 2022.",
            day("2025-06-20")
        )
        .is_empty()
    );
    // A foreign secretary is a foreign minister.
    assert!(
        flagged(
            "British Foreign Minister Tom Ashby spoke.",
            day("2024-06-20")
        )
        .is_empty()
    );
    assert_eq!(
        flagged("Interior Minister Tom Ashby spoke.", day("2024-06-20")),
        vec!["Interior Minister Tom Ashby"]
    );
}

#[test]
fn a_title_the_sentence_dates_to_a_past_year_is_not_judged_on_the_drafts_date() {
    let dated = |body: &str| format!("---\ndate: 2025-06-20\n---\n\n{body}\n");
    for text in [
        "A panel includes Olaf Scholz, Germany's chancellor from 2021 to 2025, and others.",
        "A panel includes Olaf Scholz, the chancellor of Germany until 2025, and others.",
        "In 2023, German Chancellor Olaf Scholz visited Kyiv.",
        "In March 2023, German Chancellor Olaf Scholz visited Kyiv.",
    ] {
        assert!(
            flagged(&dated(text), day("2025-06-20")).is_empty(),
            "{text}"
        );
    }
    // A year later than the draft's, a year that does not follow a dating
    // word, and a year after the name do not date the title.
    for (text, want) in [
        (
            "In 2026, German Chancellor Olaf Scholz will visit Kyiv.",
            "German Chancellor Olaf Scholz",
        ),
        (
            "A panel includes Olaf Scholz, Germany's chancellor, since 2021 a member.",
            "Olaf Scholz, Germany's chancellor",
        ),
        (
            "Chancellor Olaf Scholz, who took office in 2021, spoke.",
            "Chancellor Olaf Scholz",
        ),
    ] {
        assert_eq!(
            flagged(&dated(text), day("2025-06-20")),
            vec![want],
            "{text}"
        );
    }
}

#[test]
fn a_governor_general_is_no_governor() {
    assert_eq!(
        mentions("Governor General Mary Simon spoke.")
            .into_iter()
            .map(|m| m.2)
            .collect::<Vec<_>>(),
        ["Governor General"]
    );
}

#[test]
fn registry_titles_written_with_a_union_prefix_or_without_their_portfolio() {
    let d = day("2024-06-20");
    for text in [
        "Union Home Minister Ravi Sethi spoke.",
        "Ida Berg, the UN High Commissioner for Human Rights, spoke.",
        "High Commissioner Ida Berg spoke.",
        "Ukraine's Prosecutor General Oleh Marko spoke.",
    ] {
        assert!(flagged(text, d).is_empty(), "{text}");
    }
    assert_eq!(
        flagged("Prosecutor Oleh Marko spoke.", d),
        vec!["Prosecutor Oleh Marko"]
    );
}

#[test]
fn an_honorific_and_one_name_may_be_a_registry_name() {
    assert_eq!(
        flagged("Prime Minister Sheikh Nadia spoke.", day("2024-08-11")),
        vec!["Prime Minister Sheikh Nadia"]
    );
    assert!(flagged("Prime Minister Sheikh Nadia spoke.", day("2024-06-20")).is_empty());
}

#[test]
fn registry_messages_name_the_office_as_the_registry_words_it() {
    let out = findings(
        "Former Foreign Minister Tom Ashby spoke.",
        day("2024-06-20"),
    );
    assert_eq!(out.len(), 1);
    assert!(
        out[0].message.contains(
            "is Foreign Secretary (in office since 2020-01-01), not a former Foreign Secretary"
        ),
        "{}",
        out[0].message
    );
}

#[test]
fn initials_tell_apart_two_people_of_one_name() {
    let d = day("2007-06-20");
    // The registry's Tom R. Hale is Governor in 2007; Tom J. Hale is
    // someone else, and so are his titles.
    assert!(flagged("Former Governor Tom J. Hale spoke.", d).is_empty());
    assert_eq!(
        flagged("Former Governor Tom Hale spoke.", d),
        vec!["Former Governor Tom Hale"]
    );
    assert_eq!(
        flagged("Former Governor Tom R. Hale spoke.", d),
        vec!["Former Governor Tom R. Hale"]
    );
    // Not in the registry: two people, no conflict; a bare surname after
    // both is either, so it is left alone.
    assert!(
        flagged(
            "Mayor Ann B. Lee spoke. Former Mayor Ann C. Lee left. Mayor Lee stayed.",
            d
        )
        .is_empty()
    );
    assert_eq!(
        flagged("Mayor Ann B. Lee spoke. Former Mayor Ann B. Lee left.", d),
        vec!["Former Mayor Ann B. Lee"]
    );
    // One set of initials in the draft: with or without them, one person.
    assert_eq!(
        flagged("Mayor Ann B. Lee spoke. Former Mayor Ann Lee left.", d),
        vec!["Former Mayor Ann Lee"]
    );
}

#[test]
fn agency_prosecutor_and_police_offices_are_compared() {
    let d = day("2025-06-20");
    for (a, b) in [
        (
            "CIA Director Ann Lee spoke.",
            "Former CIA Director Ann Lee left.",
        ),
        (
            "NASA Administrator Ann Lee spoke.",
            "Former NASA Administrator Ann Lee left.",
        ),
        (
            "ICC Prosecutor Ann Lee spoke.",
            "Former ICC Prosecutor Ann Lee left.",
        ),
        (
            "Superintendent Ann Lee spoke.",
            "Chief Superintendent Ann Lee left.",
        ),
        (
            "Chief Secretary for Administration Ann Lee spoke.",
            "Financial Secretary Ann Lee left.",
        ),
    ] {
        let text = format!("{a} {b}");
        assert_eq!(flagged(&text, d).len(), 1, "{text}");
    }
    // One office, written the same way twice.
    assert!(flagged("Police Chief Ann Lee spoke. Police Chief Ann Lee left.", d).is_empty());
}

#[test]
fn in_draft_conflicts_flag_the_later_mention() {
    let d = day("2025-06-20");
    assert_eq!(
        flagged("Mayor Ann Lee spoke. Later, former Mayor Ann Lee left.", d),
        vec!["former Mayor Ann Lee"]
    );
    assert_eq!(
        flagged("Mayor Ann Lee spoke. Governor Lee left.", d),
        vec!["Governor Lee"]
    );
    assert!(
        flagged(
            "U.S. Mayor Ann Lee spoke. Mayor Ann Lee left. Lee said so. Dr. Ann Lee agreed.",
            d
        )
        .is_empty()
    );
    assert!(flagged("The former mayor spoke. Mayor Ann Lee left.", d).is_empty());
    // One office in two styles, through a chain of synonyms.
    for (a, b) in [
        ("Chancellor of the Exchequer", "Finance Minister"),
        ("Secretary of State for Justice", "Justice Minister"),
        ("Defense Secretary", "Defence Minister"),
        ("Home Secretary", "Interior Minister"),
        ("Lord Chancellor", "Justice Secretary"),
    ] {
        let text = format!("{a} Ann Lee spoke. {b} Ann Lee left.");
        assert!(flagged(&text, d).is_empty(), "{text}");
    }
    assert_eq!(
        flagged(
            "Home Secretary Ann Lee spoke. Foreign Secretary Ann Lee left.",
            d
        ),
        vec!["Foreign Secretary Ann Lee"]
    );
}

#[test]
fn a_conflict_names_the_first_earlier_mention_it_conflicts_with() {
    let text = "Former Mayor Ann Lee spoke.\n\nActing Governor Ann Lee spoke.\n\n\
        Mayor Ann Lee left.\n\nGovernor Ann Lee left.\n\nGovernor Ann Lee returned.\n";
    let (mut c, lang) = engine(REGISTRY);
    let d = Draft::parse("a.md", text, &lang);
    let cx = Context {
        file: 0,
        date: day("2025-06-20"),
        checked: true,
    };
    let l = c.learn(&d, &cx).unwrap();
    c.prepare(vec![(0, l)]);
    let mut out = Vec::new();
    c.check(&d, &cx, &mut out);
    let got: Vec<(&str, &str)> = out
        .iter()
        .map(|f| (&text[f.span.clone()], f.message.as_ref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Mayor Ann Lee",
                "Ann Lee is `Mayor` here but `former Mayor` earlier in this draft (line 1)"
            ),
            (
                "Governor Ann Lee",
                "Ann Lee is `Governor` here but `acting Governor` earlier in this draft (line 3)"
            ),
            (
                "Governor Ann Lee",
                "Ann Lee is `Governor` here but `acting Governor` earlier in this draft (line 3)"
            ),
        ]
    );
}

#[test]
fn lines_of_counts_in_any_order() {
    let text = "a\nb\n\nc";
    assert_eq!(lines_of(text, &[6, 0, 2, 99, 4]), [4, 1, 2, 4, 3]);
    for at in 0..=text.len() {
        assert_eq!(lines_of(text, &[at]), [line_of(text, at)]);
    }
}

#[test]
fn lower_orders_as_the_lower_case() {
    let words = [
        "Mayor", "mayor", "MAYOR", "Éclair", "éclair", "Zeta", "abc", "ÄBC",
    ];
    for a in words {
        for b in words {
            assert_eq!(
                Lower(a).cmp(&Lower(b)),
                a.to_lowercase().cmp(&b.to_lowercase()),
                "{a} {b}"
            );
        }
    }
}

#[test]
fn names_introduced_without_a_title_resolve_later_surnames() {
    // The introducing sentence holds no office; a surname after it does.
    let m = mentions("Olaf Scholz spoke on Monday.\n\nLater, Chancellor Scholz left.");
    assert_eq!(
        m,
        [(
            "Chancellor Scholz".to_string(),
            "Olaf Scholz".to_string(),
            "Chancellor".to_string()
        )]
    );
    // A surname before the introduction stays unresolved.
    assert!(mentions("Chancellor Scholz left.\n\nOlaf Scholz spoke on Monday.").is_empty());
    // A heading name needs an introduction in the body, wherever it is.
    let m = mentions("# Mayor Ana Lopez opens pool\n\nThe pool opened. Ana Lopez swam first.");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(mentions("# Mayor Ana Lopez opens pool\n\nThe pool opened.").is_empty());
    // Two people introduced with the surname before it leave it open; one
    // introduced only after it does not count.
    let text = "Ana Lopez and Luis Lopez spoke.\n\nMayor Lopez left. Rita Diaz came. \
        Mayor Diaz stayed. Tom Diaz came later. Mayor Ana Lopez returned.";
    let m = mentions(text);
    let names: Vec<(&str, &str)> = m.iter().map(|(s, n, _)| (s.as_str(), n.as_str())).collect();
    assert_eq!(
        names,
        [
            ("Mayor Diaz", "Rita Diaz"),
            ("Mayor Ana Lopez", "Ana Lopez")
        ]
    );
}

/// Three drafts naming one person: what `check` gives from what `learn`
/// kept equals what it finds reading the draft again, and the person's
/// strings are stored once for all the drafts.
#[test]
fn learned_findings_equal_those_of_a_draft_read_again() {
    let texts = [
        "Finance Minister Ada Brel spoke on Monday. Later, former Finance Minister Ada Brel left.",
        "Finance Minister Ada Brel opened the budget talks.",
        "Deputy Mayor Ada Brel cut the ribbon. Chancellor Olaf Scholz came too.",
    ];
    let (mut c, lang) = engine(REGISTRY);
    let drafts: Vec<Draft> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Draft::parse(format!("{i}.md"), *t, &lang))
        .collect();
    let cx = |file| Context {
        file,
        date: day("2023-05-01"),
        checked: true,
    };
    let learned = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| (i, c.learn(d, &cx(i)).unwrap()))
        .collect();
    {
        let strings = c.strings.lock().unwrap();
        let brel = strings
            .strings
            .iter()
            .filter(|s| s.contains("Brel"))
            .count();
        let brel_key = strings
            .strings
            .iter()
            .filter(|s| s.contains("brel"))
            .count();
        assert_eq!((brel, brel_key), (1, 1), "{:?}", strings.strings);
    }
    c.prepare(learned);
    assert!(c.strings.lock().unwrap().strings.is_empty());
    let mut kinds = (0, 0);
    for (i, d) in drafts.iter().enumerate() {
        let mut from_learned = Vec::new();
        assert!(c.check_learned(&cx(i), &mut from_learned));
        let mut again = Vec::new();
        let other = Draft::parse("elsewhere.md", texts[i], &lang);
        c.check(&other, &cx(i), &mut again);
        from_learned.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        again.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        assert_eq!(from_learned, again, "{}", d.path);
        for f in &from_learned {
            if f.message.contains("earlier in this draft") {
                kinds.0 += 1;
            } else if f.message.contains(" in ") && f.message.contains(" line ") {
                kinds.1 += 1;
            }
        }
    }
    // One conflict inside a draft and one across drafts at least.
    assert!(kinds.0 >= 1 && kinds.1 >= 1, "{kinds:?}");
}

#[test]
fn a_month_may_end_a_name_but_not_before_a_day() {
    let m = mentions(
        "Prime Minister Theresa May spoke. President Ann Reyes May 5 said more. Governor Lee March spoke.",
    );
    let got: Vec<(&str, &str)> = m.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
    assert_eq!(
        got,
        vec![
            ("Prime Minister Theresa May", "Theresa May"),
            ("President Ann Reyes", "Ann Reyes"),
            ("Governor Lee March", "Lee March"),
        ]
    );
}

#[test]
fn a_title_named_with_its_body_is_the_registry_title() {
    assert!(named_with_body(
        "President",
        "National Assembly President",
        "National Assembly President Julio Borges",
        0
    ));
    assert!(!named_with_body(
        "President",
        "National Assembly President",
        "President Julio Borges",
        0
    ));
    assert!(!named_with_body(
        "President",
        "President",
        "President Ann Reyes",
        0
    ));
    // The registry title must reach into the mention, which starts at
    // byte `from`: here the words before it name someone else's office.
    let joined = "National Assembly President Ana Ruiz met President Julio Borges";
    let from = joined.find("President Julio").unwrap();
    assert!(!named_with_body(
        "President",
        "National Assembly President",
        joined,
        from
    ));
    let joined = "Bank of Japan Governor Masa Shira";
    assert!(named_with_body(
        "Governor",
        "Bank of Japan Governor",
        joined,
        "Bank of ".len()
    ));
}

#[test]
fn a_capitalized_word_before_a_mention_may_open_the_registry_title() {
    assert_eq!(lead_words("He said. First "), Some("First"));
    assert_eq!(lead_words("under Central Bank "), Some("Central Bank"));
    assert_eq!(lead_words("said that "), None);
    assert_eq!(lead_words("First, "), None);
    assert_eq!(lead_words(""), None);
    assert!(opened_by("Vice President", "First Vice President", "First"));
    assert!(opened_by(
        "Vice President",
        "First Vice President",
        "Afghan First"
    ));
    assert!(opened_by(
        "Governor",
        "Central Bank Governor",
        "Central Bank"
    ));
    assert!(!opened_by("Governor", "Central Bank Governor", "Bank"));
    assert!(!opened_by(
        "Vice President",
        "First Vice President",
        "Afghan Firs"
    ));
    assert!(!opened_by("Vice President", "Vice President", "First"));
    assert!(!opened_by("President", "First Vice President", "First"));
}

#[test]
fn a_short_title_stands_for_one_with_a_portfolio() {
    assert!(short_for("Chancellor", "Chancellor of the Exchequer"));
    assert!(short_for("chancellor", " Chancellor of the Exchequer "));
    assert!(!short_for("Chancellor", "Chancellor"));
    assert!(!short_for("Chancellor", "Vice Chancellor of the Exchequer"));
    assert!(!short_for("Minister", "Ministerial Adviser of Trade"));
}

#[test]
fn a_place_word_may_open_a_name_before_a_name_word() {
    let m = mentions(
        "President Park Geun-hye spoke. Mayor Ann Reyes Park opened it. Governor Park said more.",
    );
    let got: Vec<(&str, &str)> = m.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
    assert_eq!(
        got,
        vec![
            ("President Park Geun-hye", "Park Geun-hye"),
            ("Mayor Ann Reyes", "Ann Reyes"),
        ]
    );
}

#[test]
fn a_particle_joined_by_a_hyphen_ends_a_full_name() {
    let m = mentions("Defense Minister Abdel-Fattah el-Sisi vowed.");
    let got: Vec<(&str, &str)> = m.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
    assert_eq!(
        got,
        vec![(
            "Defense Minister Abdel-Fattah el-Sisi",
            "Abdel-Fattah el-Sisi"
        )]
    );
}

#[test]
fn a_surname_with_a_hyphened_particle_alone_is_read() {
    let m = mentions("President Omar al-Bashir spoke. Later President al-Bashir left.");
    let got: Vec<(&str, &str)> = m.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
    assert_eq!(
        got,
        vec![
            ("President Omar al-Bashir", "Omar al-Bashir"),
            ("President al-Bashir", "Omar al-Bashir"),
        ]
    );
}

/// The flagged mentions of drafts checked together, as (draft, text).
fn flagged_across(registry: &str, drafts: &[(&str, &str)]) -> Vec<(usize, String)> {
    let (mut c, lang) = engine(registry);
    let parsed: Vec<Draft> = drafts
        .iter()
        .enumerate()
        .map(|(i, (_, t))| Draft::parse(format!("{i}.md"), *t, &lang))
        .collect();
    let cx = |i: usize| Context {
        file: i,
        date: day(drafts[i].0),
        checked: true,
    };
    let learned = parsed
        .iter()
        .enumerate()
        .map(|(i, d)| (i, c.learn(d, &cx(i)).unwrap()))
        .collect();
    c.prepare(learned);
    let mut out = Vec::new();
    for (i, d) in parsed.iter().enumerate() {
        let mut found = Vec::new();
        c.check(d, &cx(i), &mut found);
        out.extend(
            found
                .iter()
                .map(|f| (i, drafts[i].1[f.span.clone()].to_string())),
        );
    }
    out
}

#[test]
fn across_drafts_the_minority_is_counted_in_mentions() {
    // One draft calls her former minister once; a later one calls her
    // minister twice: the lone `former` is the minority, though each title
    // has one draft.
    let drafts = [
        (
            "2023-05-01",
            "In Rome, former Finance Minister Ada Brel spoke.",
        ),
        (
            "2023-05-10",
            "Finance Minister Ada Brel spoke. Brel, the finance minister, left.",
        ),
    ];
    assert_eq!(
        flagged_across("", &drafts),
        vec![(0, "former Finance Minister Ada Brel".to_string())]
    );
    // One mention each: a tie, and the later draft is flagged.
    let drafts = [
        drafts[0],
        ("2023-05-10", "Finance Minister Ada Brel spoke."),
    ];
    assert_eq!(
        flagged_across("", &drafts),
        vec![(1, "Finance Minister Ada Brel".to_string())]
    );
}

#[test]
fn a_body_named_as_the_registry_country_is_part_of_the_title() {
    let registry = r#"
[[person]]
name = "Ana Costa"
[[person.office]]
title = "Prime Minister"
country = "Portugal"
from = 2015-11-26
to = 2024-04-02
[[person.office]]
title = "President"
country = "European Council"
from = 2024-12-01
"#;
    let drafts = [(
        "2025-01-10",
        "European Council President Ana Costa arrived. Council President Ana Costa left.",
    )];
    let flagged = flagged_across(registry, &drafts);
    assert_eq!(
        flagged,
        vec![(0, "Council President Ana Costa".to_string())]
    );
}

#[test]
fn portfolios_in_their_other_forms_are_one_office() {
    let same = [(
        "2023-05-01",
        "Transport Minister Ada Brel spoke. Later, Transportation Minister Ada Brel and \
         Minister for Transport Ada Brel left.",
    )];
    assert!(flagged_across("", &same).is_empty());
    let other = [(
        "2023-05-01",
        "Transportation Minister Ada Brel spoke. Later, Defense Minister Ada Brel left.",
    )];
    assert_eq!(
        flagged_across("", &other),
        vec![(0, "Defense Minister Ada Brel".to_string())]
    );
}

#[test]
fn a_registry_title_may_start_before_the_mention() {
    // `Japan` reads as a country, so the mention starts there; the
    // registry's `Bank of Japan Governor` starts two words before it.
    let registry = r#"
[[person]]
name = "Masa Shira"
[[person.office]]
title = "Bank of Japan Governor"
country = "Japan"
from = 2008-04-09
to = 2013-03-19
"#;
    let right = [("2009-01-10", "Bank of Japan Governor Masa Shira spoke.")];
    assert!(flagged_across(registry, &right).is_empty());
    let wrong = [("2009-01-10", "Bank of Korea Governor Masa Shira spoke.")];
    assert_eq!(flagged_across(registry, &wrong).len(), 1);
}

#[test]
fn a_mention_the_registry_finds_wrong_wins_no_conflict_across_drafts() {
    let registry = r#"
[[person]]
name = "Arsen Yats"
[[person.office]]
title = "Prime Minister"
from = 2014-02-27
"#;
    let drafts = [
        ("2014-02-23", "Prime Minister Arsen Yats spoke."),
        (
            "2014-03-18",
            "In Kyiv, interim Prime Minister Arsen Yats spoke.",
        ),
    ];
    assert_eq!(
        flagged_across(registry, &drafts),
        vec![(0, "Prime Minister Arsen Yats".to_string())]
    );
}

#[test]
fn an_appositive_may_name_the_body_of_its_office() {
    let m = mentions(
        "Ehud Barak, the Israeli parliament speaker, spoke. Dan Meir, the Knesset speaker, \
         agreed. Ana Ruiz, the former state governor, left.",
    );
    let texts: Vec<(&str, &str)> = m.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
    assert_eq!(
        texts,
        vec![
            ("Ehud Barak, the Israeli parliament speaker", "Speaker"),
            ("Dan Meir, the Knesset speaker", "Speaker"),
            ("Ana Ruiz, the former state governor", "former Governor"),
        ]
    );
    // A body word with no article before it is no appositive.
    assert!(mentions("Ehud Barak, parliament speaker since May, spoke.").is_empty());
}

#[test]
fn a_name_suffix_ends_the_name() {
    let m = mentions("He was named as Sen. Jesse Jackson Jr. Prosecutors said so.");
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].0, "Sen. Jesse Jackson Jr.");
    assert_eq!(m[0].1, "Jesse Jackson");
}

#[test]
fn a_registry_title_may_end_in_another_form_of_the_office() {
    // `Power Minister` is a form of `Electricity Minister`; the registry
    // writes the whole portfolio.
    let registry = r#"
[[person]]
name = "Raja Ash"
[[person.office]]
title = "Water and Power Minister"
from = 2008-03-31
to = 2011-02-09
"#;
    let right = [("2008-08-19", "Water and Power Minister Raja Ash said so.")];
    assert!(flagged_across(registry, &right).is_empty());
    let wrong = [("2008-08-19", "Finance Minister Raja Ash said so.")];
    assert_eq!(flagged_across(registry, &wrong).len(), 1);
}

#[test]
fn then_and_ex_before_a_country_abbreviation_are_statuses() {
    let m = mentions(
        "It fell after then-U.S. President Ana Ruiz left. Ex-U.S. President Tom Vale spoke. \
         In June, then-President-elect Ida Moor spoke.",
    );
    let titles: Vec<(&str, &str)> = m.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
    assert_eq!(
        titles,
        vec![
            ("then-U.S. President Ana Ruiz", "then-President"),
            ("Ex-U.S. President Tom Vale", "former President"),
            ("then-President-elect Ida Moor", "then-President"),
        ]
    );
}

#[test]
fn run_together_initials_before_an_appositive_leave_the_person_unknown() {
    let m = mentions(
        "Home Minister Raj Singh spoke. R.K. Singh, a former home secretary, takes over power.",
    );
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].0, "Home Minister Raj Singh");
}

#[test]
fn an_office_of_a_named_body_is_not_judged_never_held() {
    let registry = r#"
[[person]]
name = "Javad Owji"
[[person.office]]
title = "Oil Minister"
from = 2021-08-25
"#;
    let drafts = [(
        "2021-08-26",
        "Oil Minister Javad Owji, a former managing director of the National Gas Company, spoke.",
    )];
    assert!(flagged_across(registry, &drafts).is_empty());
    let drafts = [(
        "2021-08-26",
        "Javad Owji, a former managing director, spoke.",
    )];
    assert_eq!(flagged_across(registry, &drafts).len(), 1);
}

#[test]
fn an_acting_title_the_registry_lists_is_right() {
    let registry = r#"
[[person]]
name = "Good Jona"
[[person.office]]
title = "Acting President"
from = 2010-02-09
to = 2010-05-06
[[person.office]]
title = "President"
from = 2010-05-06
"#;
    let drafts = [
        (
            "2010-04-08",
            "Acting President Good Jona swore in the cabinet.",
        ),
        (
            "2010-05-07",
            "President Good Jona was sworn in. President Good Jona spoke.",
        ),
    ];
    assert!(flagged_across(registry, &drafts).is_empty());
}
