//! `title-consistency` (spec section 1): a person's formal title must be
//! consistent within a draft, across the drafts of a run, and true for the
//! draft's date according to the people registry.
//!
//! A draft is read into *titled mentions* ([`mention`]): a formal title with
//! its qualifiers before a name, or a title in apposition after one. Each
//! mention is tied to a person (full name, registry alias, or a surname the
//! draft introduced with a full name). Then:
//!
//! 1. the registry judges every mention it can (status and office on the
//!    draft's date); its verdict always wins;
//! 2. within a draft, a later mention whose title conflicts with an earlier
//!    one is flagged;
//! 3. across drafts (first pass: [`Check::learn`]), the minority title among
//!    drafts less than 30 days apart is flagged; a tie flags the later draft.
//!
//! Every word the check knows (offices, qualifiers, honorifics) comes from
//! the lexicons of `rules/titles.toml`.

pub mod mention;

use super::{Check, Context, Data, Learned, finding};
use crate::date::Date;
#[cfg(test)]
use crate::draft::line_of;
use crate::draft::{Draft, lines_of};
use crate::finding::{FileId, Finding, Label};
use crate::rules::people::{self, Person};
use crate::rules::{LoadError, Pack, Rule};
use mention::{Class, Lexicon, Mention, Status};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Mutex;

/// Drafts further apart than this are not compared.
const WINDOW_DAYS: i64 = 30;

pub fn build(
    pack: &Pack,
    rule: Option<&Rule>,
    data: &Data,
    loaded: Option<Result<Vec<Person>, Vec<LoadError>>>,
) -> Result<Option<Box<dyn Check>>, Vec<LoadError>> {
    let Some(rule) = rule else { return Ok(None) };
    let people = loaded.unwrap_or_else(|| people::load_all(&data.people))?;
    Ok(Some(Box::new(TitleCheck::new(
        rule.clone(),
        Lexicon::new(pack),
        people,
    ))))
}

pub struct TitleCheck {
    rule: Rule,
    lex: Lexicon,
    people: Vec<Person>,
    /// The canonical office of each registry office, by person.
    canon: Vec<Vec<String>>,
    /// The canonical offices that end each registry office after words
    /// naming its body, by person (`Electricity Minister` for `Water and
    /// Power Minister`, `Power Minister` being one of its forms).
    canon_ends: Vec<Vec<Vec<String>>>,
    /// Registry people by name key (names and aliases), each with the
    /// initials their names give under it (`w` for `George W. Bush`).
    by_key: HashMap<String, Vec<(usize, String)>>,
    /// Cross-draft findings decided in `prepare`, by file.
    cross: HashMap<FileId, Vec<CrossFlag>>,
    /// The findings `learn` decided for each checked draft from its own
    /// mentions, kept by `prepare` so that `check` does not find them again.
    learned: HashMap<FileId, Learnt>,
    /// The people, offices and names of the mentions the first pass keeps,
    /// each stored once: a run keeps every draft's titled mentions until
    /// it compares them, and most name the same few people.
    strings: Mutex<Interner>,
}

/// What `check` gives for a draft `learn` saw.
struct Learnt {
    path: String,
    len: usize,
    /// The findings its own mentions decide.
    findings: Vec<Finding>,
}

/// Strings stored once, by number.
#[derive(Default)]
struct Interner {
    ids: HashMap<Box<str>, u32>,
    strings: Vec<Box<str>>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.strings.len()).expect("fewer than 2^32 strings");
        self.strings.push(s.into());
        self.ids.insert(s.into(), id);
        id
    }

    fn get(&self, id: u32) -> &str {
        &self.strings[id as usize]
    }
}

/// A draft's mentions, with what findings quote from it.
struct Found<'a> {
    mentions: Vec<Mention>,
    /// Per mention: its 1-based line and its words as written.
    lines: Vec<usize>,
    words: Vec<&'a str>,
    /// Per mention: the text right before it on its line, at most
    /// [`BEFORE_BYTES`], which may open a registry title that the
    /// mention's office ends (`First` of `First Vice President Amrullah
    /// Saleh`, `Bank of` of `Bank of Japan Governor Masaaki Shirakawa`).
    befores: Vec<&'a str>,
}

/// What the registry says of one mention.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Verdict {
    Right,
    Wrong(String),
    /// Not in the registry, or a title the registry cannot judge.
    Unknown,
}

struct CrossFlag {
    span: Range<usize>,
    message: String,
    note: String,
    label: Label,
}

/// One person's titles: (office, class) -> how many mentions carry it in
/// the run, and the drafts carrying it (with their first such mention).
type Titles<'a> = BTreeMap<(Lower<'a>, Class), (usize, Vec<(usize, &'a Kept)>)>;

/// A string ordered and compared as its lower case (`str::to_lowercase`),
/// without making that lower case.
#[derive(Clone, Copy, Debug)]
struct Lower<'a>(&'a str);

impl Lower<'_> {
    fn chars(&self) -> impl Iterator<Item = char> + '_ {
        self.0.chars().flat_map(char::to_lowercase)
    }
}

impl Ord for Lower<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if self.0.is_ascii() && other.0.is_ascii() {
            let a = self.0.bytes().map(|b| b.to_ascii_lowercase());
            return a.cmp(other.0.bytes().map(|b| b.to_ascii_lowercase()));
        }
        self.chars().cmp(other.chars())
    }
}

impl PartialOrd for Lower<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Lower<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Lower<'_> {}

/// One titled mention as the first pass keeps it for comparing drafts:
/// its strings are numbers of [`TitleCheck::strings`].
#[derive(Clone, Debug)]
struct Kept {
    span: Range<usize>,
    line: usize,
    person: u32,
    office: u32,
    name: u32,
    status: Status,
    class: Class,
    /// The registry judged it: never flagged across drafts.
    judged: bool,
    /// The registry judged it wrong: the registry settles its conflicts,
    /// so no mention loses to it.
    wrong: bool,
    /// Its own draft flags it (or the registry says it is right): never
    /// flagged across drafts either.
    settled: bool,
}

struct DraftTitles {
    path: String,
    date: Date,
    dated: bool,
    checked: bool,
    len: usize,
    /// The titled mentions, in order.
    kept: Vec<Kept>,
    /// The findings the draft's own mentions decide.
    findings: Vec<Finding>,
}

impl TitleCheck {
    fn new(rule: Rule, lex: Lexicon, people: Vec<Person>) -> TitleCheck {
        let mut by_key: HashMap<String, Vec<(usize, String)>> = HashMap::default();
        for (i, p) in people.iter().enumerate() {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                let key = lex.key_of(n);
                if key.is_empty() {
                    continue;
                }
                let initials = lex.initials_of(n);
                let entries = by_key.entry(key).or_default();
                // An alias without initials (`George Bush`) is the same
                // person written loosely: the initials of the full name
                // still tell them from another of that name.
                match entries.iter_mut().find(|(j, _)| *j == i) {
                    Some((_, known)) if known.is_empty() => *known = initials,
                    Some(_) => {}
                    None => entries.push((i, initials)),
                }
            }
        }
        let canon = people
            .iter()
            .map(|p| p.offices.iter().map(|o| lex.canonical(&o.title)).collect())
            .collect();
        let canon_ends = people
            .iter()
            .map(|p| {
                p.offices
                    .iter()
                    .map(|o| {
                        let title = o.title.trim();
                        title
                            .match_indices(' ')
                            .map(|(k, _)| lex.canonical(&title[k + 1..]))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        TitleCheck {
            rule,
            canon,
            canon_ends,
            lex,
            people,
            by_key,
            cross: HashMap::default(),
            learned: HashMap::default(),
            strings: Mutex::default(),
        }
    }

    fn mentions(&self, draft: &Draft) -> Vec<Mention> {
        let mut found = self.lex.mentions(draft, &|key: &str, initials: &str| {
            self.registry_person(key, initials)
        });
        for m in &mut found {
            if let Some(p) = m.registry {
                m.name = self.people[p].name.clone();
            }
        }
        found
    }

    /// The registry person a name with `key` and `initials` is: the one
    /// person of that key whose initials agree (either side may have none).
    /// Two people with one name, whom the initials do not part, are
    /// neither.
    fn registry_person(&self, key: &str, initials: &str) -> Option<usize> {
        let mut found = self
            .by_key
            .get(key)?
            .iter()
            .filter(|(_, known)| known.is_empty() || initials.is_empty() || known == initials);
        let (first, _) = found.next()?;
        found.next().is_none().then_some(*first)
    }

    /// `written` is the mention as the draft writes it, `before` the text
    /// right before it on its line.
    fn judge(&self, m: &Mention, written: &str, before: &str, date: Date) -> Verdict {
        let Some(pi) = m.registry else {
            return Verdict::Unknown;
        };
        let lead = lead_words(before);
        // The registry title may start before the mention and end in its
        // office: `Bank of Japan Governor` where the mention starts at
        // `Japan`, read as a country.
        let joined = format!("{before}{written}");
        let person = &self.people[pi];
        let name = &person.name;
        let office = &m.office;
        let same: Vec<&people::Office> = person
            .offices
            .iter()
            .zip(&self.canon[pi])
            .zip(&self.canon_ends[pi])
            .filter(|((o, c), ends)| {
                c.eq_ignore_ascii_case(office)
                    || short_for(office, &o.title)
                    || named_with_body(office, &o.title, &joined, before.len())
                    // `Water and Power Minister Raja Ashraf`, read as
                    // `Power Minister`, another form of the office.
                    || (ends.iter().any(|e| e.eq_ignore_ascii_case(office))
                        && holds_title(o.title.trim(), &joined, before.len()))
                    || lead.is_some_and(|w| opened_by(office, &o.title, w))
                    // `European Council President` for the registry's
                    // `President` of country `European Council`.
                    || o.country.as_deref().is_some_and(|country| {
                        let full = format!("{} {}", country.trim(), o.title.trim());
                        named_with_body(office, &full, &joined, before.len())
                    })
            })
            .map(|((o, _), _)| o)
            .collect();
        let class = m.status.class();
        // An acting title is right when the registry has the person in
        // that office on the date (`Acting President` listed, or the term
        // itself); the registry says nothing of other acting spells.
        if class == Some(Class::Acting) && same.iter().any(|o| o.holds_on(date)) {
            return Verdict::Right;
        }
        if matches!(class, None | Some(Class::Acting)) {
            return Verdict::Unknown;
        }
        if same.is_empty() {
            if m.of_body {
                return Verdict::Unknown;
            }
            return Verdict::Wrong(format!(
                "{name} never held the office of {office} (people registry); on {date} {name} is {}",
                self.describe(person, date)
            ));
        }
        // Messages name the office as the registry words it (`Foreign
        // Secretary`), not by its canonical form (`Foreign Minister`).
        let office = same[0].title.trim();
        let holding = same.iter().find(|o| o.holds_on(date));
        let ended = same
            .iter()
            .filter(|o| o.to.is_some_and(|t| t <= date))
            .map(|o| o.to.unwrap())
            .max();
        let next = same.iter().filter(|o| o.from > date).map(|o| o.from).min();
        match class {
            Some(Class::Current) => match (holding, ended, next) {
                (Some(_), _, _) => Verdict::Right,
                // The day a term ends (`Syrian rebels said President Bashar
                // al-Assad had left the capital`) the old title still reads
                // true: the draft may have been written that morning.
                (None, Some(to), _) if to == date => Verdict::Unknown,
                (None, Some(to), _) => Verdict::Wrong(format!(
                    "on {date} {name} is a former {office}; the term ended {to}"
                )),
                (None, None, Some(from)) => Verdict::Wrong(format!(
                    "on {date} {name} is not yet {office}; the term starts {from}"
                )),
                _ => Verdict::Unknown,
            },
            Some(Class::Former) => match (holding, ended) {
                (Some(o), _) => Verdict::Wrong(format!(
                    "on {date} {name} is {office} (in office since {}), not a former {office}",
                    o.from
                )),
                (None, Some(_)) => Verdict::Right,
                (None, None) => Verdict::Wrong(format!(
                    "on {date} {name} has not yet held the office of {office}{}",
                    next.map(|f| format!("; the term starts {f}"))
                        .unwrap_or_default()
                )),
            },
            Some(Class::Elect) => match (holding, next) {
                (_, Some(from)) if from.days() - date.days() <= 400 => Verdict::Right,
                (Some(o), _) => Verdict::Wrong(format!(
                    "on {date} {name} is already {office} (since {})",
                    o.from
                )),
                _ => Verdict::Unknown,
            },
            _ => Verdict::Unknown,
        }
    }

    /// What the registry holds for a person on a date, for messages.
    fn describe(&self, person: &Person, date: Date) -> String {
        let now: Vec<String> = person
            .offices
            .iter()
            .filter(|o| o.holds_on(date))
            .map(|o| o.title.trim().to_string())
            .collect();
        if !now.is_empty() {
            return now.join(" and ");
        }
        let past: Vec<String> = person
            .offices
            .iter()
            .filter(|o| o.to.is_some_and(|t| t <= date))
            .map(|o| format!("a former {}", o.title.trim()))
            .collect();
        if past.is_empty() {
            "in no listed office".to_string()
        } else {
            dedup(past).join(" and ")
        }
    }
    /// Decides the cross-draft findings: the minority title of a person
    /// among drafts less than [`WINDOW_DAYS`] apart.
    fn flag_across(&mut self, drafts: &[(FileId, DraftTitles)]) {
        let strings = self.strings.get_mut().unwrap_or_else(|e| e.into_inner());
        let strings = &*strings;
        // person -> their titled mentions, in draft order.
        let mut by_person: HashMap<u32, Vec<(usize, &Kept)>> = HashMap::default();
        for (di, (_, d)) in drafts.iter().enumerate() {
            for kept in &d.kept {
                by_person.entry(kept.person).or_default().push((di, kept));
            }
        }
        let mut people: Vec<(&str, Vec<(usize, &Kept)>)> = by_person
            .into_iter()
            .map(|(p, mentions)| (strings.get(p), mentions))
            .collect();
        people.sort_unstable_by_key(|(person, _)| *person);
        // What the comparisons read of each draft, close together.
        let when: Vec<(bool, i64, Date, FileId)> = drafts
            .iter()
            .map(|(f, d)| (d.dated, d.date.days(), d.date, *f))
            .collect();
        let near = |a: usize, b: usize| {
            let (a, b) = (&when[a], &when[b]);
            (!a.0 && !b.0) || (a.1 - b.1).abs() < WINDOW_DAYS
        };
        let later = |a: usize, b: usize| (when[a].2, when[a].3) > (when[b].2, when[b].3);
        // A person's drafts are compared among themselves only: people on
        // every core, their flags then filed in person order.
        let flags: Vec<Vec<(FileId, CrossFlag)>> = people
            .par_iter()
            .map(|(_, mentions)| {
                let mut titles: Titles = BTreeMap::new();
                for &(di, c) in mentions {
                    let (count, list) = titles
                        .entry((Lower(strings.get(c.office)), c.class))
                        .or_default();
                    *count += 1;
                    // Drafts come in order: only the last can be this one.
                    if list.last().is_none_or(|(x, _)| *x != di) {
                        list.push((di, c));
                    }
                }
                let mut flags = Vec::new();
                Self::flag_person(drafts, strings, &titles, near, later, &mut flags);
                flags
            })
            .collect();
        for (file, flag) in flags.into_iter().flatten() {
            self.cross.entry(file).or_default().push(flag);
        }
    }

    /// [`TitleCheck::flag_across`] for one person's titles.
    fn flag_person<'a>(
        drafts: &[(FileId, DraftTitles)],
        strings: &Interner,
        titles: &Titles<'a>,
        near: impl Fn(usize, usize) -> bool,
        later: impl Fn(usize, usize) -> bool,
        out: &mut Vec<(FileId, CrossFlag)>,
    ) {
        for ((office, class), (mine, carriers)) in titles {
            for &(di, c) in carriers {
                if c.judged || c.settled {
                    continue;
                }
                let mut loses_to = Vec::new();
                for ((o2, k2), (theirs, others)) in titles {
                    let (mine, theirs) = (*mine, *theirs);
                    // The majority title never loses.
                    if mine > theirs || !conflicts_as(office == o2, *class, *k2) {
                        continue;
                    }
                    for &(dj, c2) in others {
                        if dj == di || !near(di, dj) || c2.wrong {
                            continue;
                        }
                        if mine < theirs || later(di, dj) {
                            loses_to.push((dj, c2, theirs));
                        }
                    }
                }
                let Some(&(dj, c2, theirs)) = loses_to.first() else {
                    continue;
                };
                let other = &drafts[dj].1;
                let (m, m2) = (c, c2);
                let title2 = mention::title(strings.get(m2.office), m2.status);
                let more = loses_to.len() - 1;
                let why = if theirs > *mine {
                    format!("most mentions in this run ({theirs} to {mine}) write `{title2}`")
                } else {
                    format!("{} is the later draft of the two", drafts[di].1.path)
                };
                out.push((
                    drafts[di].0,
                    CrossFlag {
                        span: m.span.clone(),
                        message: format!(
                            "{} is `{}` here but `{title2}` in {} line {}{}",
                            strings.get(m.name),
                            mention::title(strings.get(m.office), m.status),
                            other.path,
                            c2.line,
                            if more > 0 {
                                format!(" (and {more} more)")
                            } else {
                                String::new()
                            }
                        ),
                        note: format!(
                            "{why}; without a registry entry the minority title is flagged"
                        ),
                        label: Label {
                            file: drafts[dj].0,
                            span: m2.span.clone(),
                            message: format!("titled `{title2}` here").into(),
                        },
                    },
                ));
            }
        }
    }
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    v.retain(|s| seen.insert(s.clone()));
    v
}

/// Two titles of one person that cannot both be right.
fn conflicts(a_office: &str, a: Class, b_office: &str, b: Class) -> bool {
    conflicts_as(a_office.eq_ignore_ascii_case(b_office), a, b)
}

/// [`conflicts`], told whether the offices are the same.
fn conflicts_as(same_office: bool, a: Class, b: Class) -> bool {
    if same_office {
        a != b
            && !matches!(
                (a, b),
                (Class::Current, Class::Elect) | (Class::Elect, Class::Current)
            )
    } else {
        a == Class::Current && b == Class::Current
    }
}

impl Check for TitleCheck {
    /// Titles are compared across the drafts of the run.
    fn needs_run(&self) -> bool {
        true
    }

    fn learn(&self, draft: &Draft, cx: &Context) -> Option<Learned> {
        let found = self.found(draft);
        let mut findings = Vec::new();
        let own = self.own_findings(&found, cx, &mut findings);
        // The strings of a draft's mentions, numbered under one lock.
        let mut strings = self.strings.lock().unwrap_or_else(|e| e.into_inner());
        let kept = found
            .mentions
            .iter()
            .zip(&found.lines)
            .zip(own)
            .filter_map(|((m, &line), own)| {
                Some(Kept {
                    span: m.span.clone(),
                    line,
                    person: strings.id(&m.person),
                    office: strings.id(&m.office),
                    name: strings.id(&m.name),
                    status: m.status,
                    class: m.status.class()?,
                    judged: own.judged,
                    wrong: own.wrong,
                    settled: !own.open,
                })
            })
            .collect();
        drop(strings);
        Some(Box::new(DraftTitles {
            path: draft.path.clone(),
            date: cx.date,
            dated: draft.date().is_some(),
            checked: cx.checked,
            len: draft.text.len(),
            kept,
            findings,
        }))
    }

    fn prepare(&mut self, learned: Vec<(FileId, Learned)>) {
        self.cross.clear();
        self.learned.clear();
        let drafts: Vec<(FileId, DraftTitles)> = learned
            .into_iter()
            .filter_map(|(f, l)| l.downcast::<DraftTitles>().ok().map(|d| (f, *d)))
            .filter(|(_, d)| d.checked)
            .collect();
        self.flag_across(&drafts);
        // The flags hold their words: the numbers are done with, and the
        // next run (the language server's next change) numbers afresh.
        *self.strings.get_mut().unwrap_or_else(|e| e.into_inner()) = Interner::default();
        for (f, d) in drafts {
            self.learned.insert(
                f,
                Learnt {
                    path: d.path,
                    len: d.len,
                    findings: d.findings,
                },
            );
        }
    }

    fn check(&self, draft: &Draft, cx: &Context, out: &mut Vec<Finding>) {
        // The findings `learn` decided, unless it did not see this draft.
        match self.learned.get(&cx.file) {
            Some(l) if l.path == draft.path && l.len == draft.text.len() => {
                self.check_learnt(l, cx, out)
            }
            _ => {
                let found = self.found(draft);
                let own = self.own_findings(&found, cx, out);
                let cross = self.cross.get(&cx.file);
                for (m, own) in found.mentions.iter().zip(own) {
                    if let Some(c) = cross
                        .filter(|_| own.open)
                        .and_then(|c| c.iter().find(|c| c.span == m.span))
                    {
                        out.push(c.finding(&self.rule, cx));
                    }
                }
            }
        }
    }

    fn check_learned(&self, cx: &Context, out: &mut Vec<Finding>) -> bool {
        match self.learned.get(&cx.file) {
            Some(l) => {
                self.check_learnt(l, cx, out);
                true
            }
            None => false,
        }
    }
}

/// What a draft's own mentions decide of one mention.
#[derive(Clone, Copy, Default)]
struct Own {
    /// The registry judged it, right or wrong.
    judged: bool,
    /// The registry judged it wrong.
    wrong: bool,
    /// Neither the registry nor an earlier mention settled it: a
    /// comparison across drafts may flag it.
    open: bool,
}

impl CrossFlag {
    fn finding(&self, rule: &Rule, cx: &Context) -> Finding {
        let mut f = finding(rule, cx, self.span.clone(), self.message.clone());
        f.labels.push(self.label.clone());
        f.notes.push(self.note.clone());
        f
    }
}

impl TitleCheck {
    /// A draft's mentions, with their lines and words.
    fn found<'a>(&self, draft: &'a Draft) -> Found<'a> {
        let mentions = self.mentions(draft);
        let starts: Vec<usize> = mentions.iter().map(|m| m.span.start).collect();
        Found {
            lines: lines_of(&draft.text, &starts),
            words: mentions.iter().map(|m| m.title_text(draft)).collect(),
            befores: mentions
                .iter()
                .map(|m| line_tail(&draft.text[..m.span.start], BEFORE_BYTES))
                .collect(),
            mentions,
        }
    }

    /// A learned draft's findings: its own, then those across drafts.
    fn check_learnt(&self, l: &Learnt, cx: &Context, out: &mut Vec<Finding>) {
        out.extend(l.findings.iter().cloned());
        if let Some(cross) = self.cross.get(&cx.file) {
            out.extend(cross.iter().map(|c| c.finding(&self.rule, cx)));
        }
    }

    /// The findings of one draft that its own mentions decide: a title the
    /// registry says is wrong for the draft's date, and a title that
    /// conflicts with an earlier one. Says per mention what was decided.
    fn own_findings(&self, found: &Found, cx: &Context, out: &mut Vec<Finding>) -> Vec<Own> {
        let mentions = &found.mentions;
        let mut own = vec![Own::default(); mentions.len()];
        // Per person, the first mention of each title so far: a draft that
        // names someone a thousand times gives them only a few titles.
        let mut titles: HashMap<&str, Vec<(&str, Class, usize)>> = HashMap::default();
        for (j, m) in mentions.iter().enumerate() {
            let Some(class) = m.status.class() else {
                continue;
            };
            let seen = titles.entry(m.person.as_str()).or_default();
            let earlier = seen
                .iter()
                .filter(|&&(office, ec, _)| conflicts(office, ec, &m.office, class))
                .map(|&(_, _, k)| k)
                .min()
                .map(|k| (k, &mentions[k]));
            if !seen
                .iter()
                .any(|&(office, ec, _)| ec == class && office.eq_ignore_ascii_case(&m.office))
            {
                seen.push((&m.office, class, j));
            }
            let earlier_label = |e: &Mention| Label {
                file: cx.file,
                span: e.span.clone(),
                message: format!("titled `{}` here", e.title()).into(),
            };
            match self.judge(m, found.words[j], found.befores[j], cx.date) {
                Verdict::Right => {
                    own[j].judged = true;
                    continue;
                }
                Verdict::Wrong(msg) => {
                    own[j].judged = true;
                    own[j].wrong = true;
                    let mut f = finding(
                        &self.rule,
                        cx,
                        m.span.clone(),
                        format!("`{}`: {msg}", found.words[j]),
                    );
                    f.notes.push(format!(
                        "help: write the title {} holds on {}",
                        m.name, cx.date
                    ));
                    if let Some((_, e)) = earlier {
                        f.labels.push(earlier_label(e));
                    }
                    out.push(f);
                    continue;
                }
                Verdict::Unknown => {}
            }
            if let Some((k, e)) = earlier {
                let mut f = finding(
                    &self.rule,
                    cx,
                    m.span.clone(),
                    format!(
                        "{} is `{}` here but `{}` earlier in this draft (line {})",
                        m.name,
                        m.title(),
                        e.title(),
                        found.lines[k]
                    ),
                );
                f.labels.push(earlier_label(e));
                f.notes
                    .push("help: give the person one title throughout the draft");
                out.push(f);
                continue;
            }
            own[j].open = true;
        }
        own
    }
}

impl Status {
    /// How the title's status compares: `None` for titles never compared
    /// (`then-`, `late`).
    pub fn class(self) -> Option<Class> {
        match self {
            Status::Current | Status::Outgoing => Some(Class::Current),
            Status::Former => Some(Class::Former),
            Status::Acting => Some(Class::Acting),
            Status::Elect => Some(Class::Elect),
            Status::Then | Status::Late => None,
        }
    }
}

/// Whether `written` holds the whole registry `title`, which names a body
/// before `office` (`National Assembly President Julio Borges` for the
/// registry's `National Assembly President`), ending after byte `from`
/// (where the mention starts in `written`).
fn named_with_body(office: &str, title: &str, written: &str, from: usize) -> bool {
    let title = title.trim();
    let (tl, ol) = (title.len(), office.len());
    tl > ol + 1
        && title.is_char_boundary(tl - ol)
        && title[tl - ol..].eq_ignore_ascii_case(office)
        && title.as_bytes()[tl - ol - 1] == b' '
        && holds_title(title, written, from)
}

/// Whether `written` holds `title` (ASCII case aside), ending after byte
/// `from`.
fn holds_title(title: &str, written: &str, from: usize) -> bool {
    let tl = title.len();
    tl > 0
        && written
            .as_bytes()
            .windows(tl)
            .enumerate()
            .any(|(i, w)| i + tl > from && w.eq_ignore_ascii_case(title.as_bytes()))
}

/// How much of the text before a mention [`TitleCheck::judge`] reads.
const BEFORE_BYTES: usize = 64;

/// The last `max` bytes of `text` (fewer, to a character boundary) after
/// its last line break.
fn line_tail(text: &str, max: usize) -> &str {
    let mut start = text.len().saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let tail = &text[start..];
    tail.rfind('\n').map_or(tail, |i| &tail[i + 1..])
}

/// How many capitalized words right before a mention [`lead_words`]
/// reads.
const MAX_LEAD_WORDS: usize = 3;

/// The capitalized words, one space apart, that end `before` after one
/// space (`First` of `... First `, `Central Bank` of `under Central Bank
/// `), with no mark between them and what follows.
fn lead_words(before: &str) -> Option<&str> {
    let mut rest = before.strip_suffix(' ')?;
    let end = rest.len();
    let mut start = None;
    for _ in 0..MAX_LEAD_WORDS {
        let from = rest.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &rest[from..];
        if !word.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        start = Some(from);
        match rest[..from].strip_suffix(' ') {
            Some(r) => rest = r,
            None => break,
        }
    }
    start.map(|s| &before[s..end])
}

/// Whether the registry `title` is the last words of `lead` and then
/// `office` (`First Vice President` for `Vice President` after `First`,
/// `Central Bank Governor` for `Governor` after `Central Bank`).
fn opened_by(office: &str, title: &str, lead: &str) -> bool {
    let title = title.trim();
    let Some(opening) = title
        .len()
        .checked_sub(office.len() + 1)
        .filter(|&n| title.is_char_boundary(n) && title.is_char_boundary(n + 1))
    else {
        return false;
    };
    let (head, tail) = (&title[..opening], &title[opening + 1..]);
    title.as_bytes()[opening] == b' '
        && tail.eq_ignore_ascii_case(office)
        && lead.len() >= head.len()
        && lead.is_char_boundary(lead.len() - head.len())
        && lead[lead.len() - head.len()..].eq_ignore_ascii_case(head)
        && (lead.len() == head.len() || lead.as_bytes()[lead.len() - head.len() - 1] == b' ')
}

/// Whether `office` is the short form of a registry title that adds `of`
/// or `for` and a portfolio to it (`Chancellor` for `Chancellor of the
/// Exchequer`, `High Commissioner` for `High Commissioner for Human
/// Rights`).
fn short_for(office: &str, title: &str) -> bool {
    let title = title.trim();
    title.len() > office.len() + 4
        && title.is_char_boundary(office.len())
        && title[..office.len()].eq_ignore_ascii_case(office)
        && [" of ", " for "]
            .iter()
            .any(|link| title[office.len()..].starts_with(link))
}

#[cfg(test)]
mod tests;
