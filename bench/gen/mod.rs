//! The benchmark corpus generator, shared by `bench/gen_corpus.rs` (which
//! writes a corpus to disk) and `benches/stages.rs` (which builds drafts in
//! memory).
//!
//! Everything is invented and deterministic for a seed: a world of fictional
//! countries, places and people holding offices (plus a few real public
//! figures), a 500-rule house style pack, a claims database, and news drafts
//! that mention all of them.

// Each user of this module needs a different part of it.
#![allow(dead_code)]

use std::collections::HashSet;
use std::fmt::Write as _;

/// SplitMix64: tiny, fast and plenty for generating text.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// Uniform in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An independent stream, so one part of the output does not shift
    /// when another changes.
    pub fn fork(&mut self) -> Rng {
        Rng::new(self.next_u64())
    }
}

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub y: i64,
    pub m: u32,
    pub d: u32,
}

impl Day {
    pub fn new(y: i64, m: u32, d: u32) -> Day {
        Day { y, m, d }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    pub fn ordinal(self) -> i64 {
        let y = if self.m <= 2 { self.y - 1 } else { self.y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.m);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_ordinal(z: i64) -> Day {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i64::from(m <= 2);
        Day { y, m, d }
    }

    pub fn plus_days(self, n: i64) -> Day {
        Day::from_ordinal(self.ordinal() + n)
    }

    /// A uniformly random day in `from..=to`.
    pub fn random(rng: &mut Rng, from: Day, to: Day) -> Day {
        let (a, b) = (from.ordinal(), to.ordinal());
        Day::from_ordinal(a + rng.below((b - a + 1) as usize) as i64)
    }

    /// The weekday name (1970-01-01 was a Thursday).
    pub fn weekday(self) -> &'static str {
        const NAMES: [&str; 7] = [
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
            "Monday",
            "Tuesday",
            "Wednesday",
        ];
        NAMES[self.ordinal().rem_euclid(7) as usize]
    }

    /// AP style month: `Jan.`, `March`, `Sept.`.
    pub fn ap_month(self) -> &'static str {
        const AP: [&str; 12] = [
            "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
            "Nov.", "Dec.",
        ];
        AP[self.m as usize - 1]
    }

    pub fn month_name(self) -> &'static str {
        const NAMES: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        NAMES[self.m as usize - 1]
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// Fictional countries and their adjectives.
pub const COUNTRIES: &[(&str, &str)] = &[
    ("Varnia", "Varnian"),
    ("Ostrel", "Ostrelian"),
    ("Kaldera", "Kalderan"),
    ("Muran", "Muranese"),
    ("Teskia", "Teskian"),
    ("Belorin", "Belorini"),
    ("Sarvad", "Sarvadi"),
    ("Quenmark", "Quenmarker"),
    ("Aldovia", "Aldovian"),
    ("Pelagon", "Pelagonian"),
    ("Norvath", "Norvathi"),
    ("Zembria", "Zembrian"),
    ("Istara", "Istaran"),
    ("Dravonia", "Dravonian"),
    ("Cortesa", "Cortesan"),
    ("Lunmark", "Lunmarker"),
];

const TITLES: &[&str] = &[
    "President",
    "Prime Minister",
    "Vice President",
    "Foreign Minister",
    "Defense Minister",
    "Finance Minister",
    "Interior Minister",
    "Health Minister",
    "Justice Minister",
    "Energy Minister",
    "Governor",
    "Speaker",
];

const FIRST_NAMES: &[&str] = &[
    "Ana", "Tom", "Lena", "Omar", "Mira", "Jon", "Sara", "Ivo", "Nadia", "Karim", "Elin", "Paulo",
    "Rosa", "Dario", "Yara", "Tomas", "Ilse", "Amir", "Lucia", "Milan", "Zofia", "Hana", "Felix",
    "Noor", "Ruben", "Ines", "Viktor", "Leila", "Aron", "Dina", "Sami", "Greta", "Idris", "Marta",
    "Pavel", "Selin", "Hugo", "Aisha", "Bruno", "Kaja", "Matteo", "Olga", "Rafael", "Sofia",
    "Tariq", "Vera", "Emil", "Farah", "Goran", "Lina",
];

const SURNAMES: &[&str] = &[
    "Vel", "Ruiz", "Marek", "Hadid", "Solberg", "Okafor", "Brandt", "Castell", "Demir", "Falk",
    "Gorran", "Haskel", "Ivers", "Jovic", "Kader", "Lind", "Moreau", "Nassar", "Orlov", "Pardo",
    "Quill", "Rask", "Sayed", "Toma", "Ulven", "Varga", "Wendt", "Yilmaz", "Zorn", "Aberra",
    "Bekov", "Corvin", "Dahl", "Esper", "Fenn", "Gaspar", "Holm", "Ibsar", "Janek", "Kovar",
    "Larsen", "Mendel", "Novak", "Ortis", "Petran", "Rahimi", "Stoll", "Tavor", "Ustin", "Vasko",
    "Weller", "Amadi", "Brisk", "Calder", "Drago", "Evren", "Farrow", "Grant", "Havel", "Ilyin",
    "Kessler", "Lorca", "Maro", "Nyberg", "Osei", "Prax", "Renner", "Salo", "Tenko", "Ursu",
];

const PLACE_HEADS: &[&str] = &[
    "Kar", "Vel", "Mor", "Tash", "Ben", "Dra", "Lun", "Os", "Zen", "Ir", "Pol", "Ved", "An", "Rik",
    "Sul", "Tor", "Gal", "Mir", "Het", "Bal", "Cor", "Dun", "Em", "Fal", "Gor", "Hal", "Jas",
    "Kel", "Lor", "Nar", "Or", "Pes", "Ros", "Sar", "Tul", "Ul", "Var", "Yel", "Zar",
];

const PLACE_TAILS: &[&str] = &[
    "sk", "mor", "ovo", "ana", "ith", "en", "abad", "grad", "ora", "ets", "ik", "ul", "as", "ova",
    "ar", "im", "ez", "und", "ia", "ek",
];

/// How many places the world has.
const PLACE_COUNT: usize = 420;

#[derive(Clone, Debug)]
pub struct Office {
    pub title: &'static str,
    pub country: &'static str,
    /// The adjective written before the title (`Varnian`, `U.S.`).
    pub adj: &'static str,
    pub from: Day,
    pub to: Option<Day>,
}

#[derive(Clone, Debug)]
pub struct Person {
    pub name: String,
    pub surname: String,
    pub aliases: Vec<String>,
    pub offices: Vec<Office>,
    pub real: bool,
}

impl Person {
    /// What the person is on `day`: the office held, or the last one left
    /// (`true`: former).
    pub fn status(&self, day: Day) -> Option<(&Office, bool)> {
        if let Some(o) = self
            .offices
            .iter()
            .find(|o| o.from <= day && o.to.is_none_or(|t| day < t))
        {
            return Some((o, false));
        }
        self.offices
            .iter()
            .rev()
            .find(|o| o.to.is_some_and(|t| t <= day))
            .map(|o| (o, true))
    }
}

#[derive(Clone, Debug)]
pub struct Place {
    pub name: String,
    pub country: usize,
}

#[derive(Clone, Debug)]
pub struct Claim {
    pub id: String,
    pub text: String,
    pub rating: &'static str,
    pub reviewed_by: &'static str,
    pub date: Day,
    pub all: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StyleKind {
    Substitution,
    Existence,
}

/// One rule of the house style pack, with a sentence that shows it.
#[derive(Clone, Debug)]
pub struct StyleRule {
    pub id: String,
    pub kind: StyleKind,
    pub severity: &'static str,
    pub message: String,
    pub description: String,
    /// Substitution: wrong → right pairs. Existence: `(token, "")`.
    pub swap: Vec<(String, String)>,
    /// The keys of `swap` (or the existence entries) are regexes.
    pub regex: bool,
    pub ignore_case: bool,
    /// A concrete wrong form and the right one, for the examples and drafts.
    pub wrong: String,
    pub right: String,
    /// A sentence with `{}` where the wrong or right form goes.
    pub template: String,
}

impl StyleRule {
    pub fn bad(&self) -> String {
        self.template.replace("{}", &self.wrong)
    }

    pub fn good(&self) -> String {
        self.template.replace("{}", &self.right)
    }
}

/// Everything the drafts talk about.
pub struct World {
    pub people: Vec<Person>,
    pub places: Vec<Place>,
    pub claims: Vec<Claim>,
    pub style: Vec<StyleRule>,
}

pub const PEOPLE: usize = 1000;
pub const CLAIMS: usize = 5000;
pub const STYLE_RULES: usize = 500;

/// The first and last day a draft can carry.
pub fn corpus_span() -> (Day, Day) {
    (Day::new(2024, 1, 1), Day::new(2025, 12, 31))
}

impl World {
    pub fn new(seed: u64) -> World {
        let mut rng = Rng::new(seed);
        let places = make_places(&mut rng.fork());
        let people = make_people(&mut rng.fork());
        let claims = make_claims(&mut rng.fork(), &people, &places);
        let style = make_style(&mut rng.fork(), &places);
        World {
            people,
            places,
            claims,
            style,
        }
    }
}

fn make_places(rng: &mut Rng) -> Vec<Place> {
    let mut names: Vec<String> = PLACE_HEADS
        .iter()
        .flat_map(|h| PLACE_TAILS.iter().map(move |t| format!("{h}{t}")))
        .collect();
    // Fisher-Yates, then keep the first PLACE_COUNT.
    for i in (1..names.len()).rev() {
        let j = rng.below(i + 1);
        names.swap(i, j);
    }
    names.truncate(PLACE_COUNT);
    names
        .into_iter()
        .map(|name| Place {
            name,
            country: rng.below(COUNTRIES.len()),
        })
        .collect()
}

fn real_people() -> Vec<Person> {
    let office = |title, country, adj, from: Day, to: Option<Day>| Office {
        title,
        country,
        adj,
        from,
        to,
    };
    let person = |name: &str, surname: &str, aliases: &[&str], offices: Vec<Office>| Person {
        name: name.to_string(),
        surname: surname.to_string(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        offices,
        real: true,
    };
    let us = ("United States", "U.S.");
    vec![
        person(
            "Donald Trump",
            "Trump",
            &["Donald J. Trump"],
            vec![
                office(
                    "President",
                    us.0,
                    us.1,
                    Day::new(2017, 1, 20),
                    Some(Day::new(2021, 1, 20)),
                ),
                office("President", us.0, us.1, Day::new(2025, 1, 20), None),
            ],
        ),
        person(
            "Joe Biden",
            "Biden",
            &["Joseph R. Biden"],
            vec![
                office(
                    "Vice President",
                    us.0,
                    us.1,
                    Day::new(2009, 1, 20),
                    Some(Day::new(2017, 1, 20)),
                ),
                office(
                    "President",
                    us.0,
                    us.1,
                    Day::new(2021, 1, 20),
                    Some(Day::new(2025, 1, 20)),
                ),
            ],
        ),
        person(
            "Emmanuel Macron",
            "Macron",
            &[],
            vec![office(
                "President",
                "France",
                "French",
                Day::new(2017, 5, 14),
                None,
            )],
        ),
        person(
            "Keir Starmer",
            "Starmer",
            &[],
            vec![office(
                "Prime Minister",
                "United Kingdom",
                "British",
                Day::new(2024, 7, 5),
                None,
            )],
        ),
        person(
            "Rishi Sunak",
            "Sunak",
            &[],
            vec![office(
                "Prime Minister",
                "United Kingdom",
                "British",
                Day::new(2022, 10, 25),
                Some(Day::new(2024, 7, 5)),
            )],
        ),
        person(
            "António Guterres",
            "Guterres",
            &["Antonio Guterres"],
            vec![office(
                "Secretary-General",
                "United Nations",
                "U.N.",
                Day::new(2017, 1, 1),
                None,
            )],
        ),
    ]
}

fn make_people(rng: &mut Rng) -> Vec<Person> {
    let mut people = real_people();
    let mut seen: HashSet<String> = people.iter().map(|p| p.name.clone()).collect();
    let start = Day::new(2008, 1, 1);
    let last_start = Day::new(2025, 10, 31);
    let cutoff = Day::new(2026, 1, 1);
    while people.len() < PEOPLE {
        let first = *rng.pick(FIRST_NAMES);
        let surname = *rng.pick(SURNAMES);
        let name = format!("{first} {surname}");
        if !seen.insert(name.clone()) {
            continue;
        }
        let mut aliases = Vec::new();
        if rng.chance(0.2) {
            let initial = (b'A' + rng.below(26) as u8) as char;
            aliases.push(format!("{first} {initial}. {surname}"));
        }
        let (country, adj) = *rng.pick(COUNTRIES);
        let mut offices: Vec<Office> = Vec::new();
        let mut from = Day::random(rng, start, last_start);
        for _ in 0..rng.range(1, 3) {
            let title = match offices.last() {
                Some(prev) if rng.chance(0.3) => prev.title,
                _ => *rng.pick(TITLES),
            };
            let end = from.plus_days(rng.range(300, 6 * 365) as i64);
            let to = (end < cutoff).then_some(end);
            offices.push(Office {
                title,
                country,
                adj,
                from,
                to,
            });
            let Some(to) = to else { break };
            from = to.plus_days(rng.range(0, 2 * 365) as i64);
            if from > last_start {
                break;
            }
        }
        people.push(Person {
            name,
            surname: surname.to_string(),
            aliases,
            offices,
            real: false,
        });
    }
    people
}

/// Claim templates: the text (with `{name}` and `{place}`) and the regexes
/// for its content words besides the person and the place.
const CLAIM_TEMPLATES: &[(&str, &[&str])] = &[
    (
        "{name} ordered the closure of every school in {place}",
        &[r"\b(ordered|closed|shut)\b", r"\bschools?\b"],
    ),
    (
        "{name} sold the {place} dam to a foreign company",
        &[r"\b(sold|sells|sell)\b", r"\bdam\b"],
    ),
    (
        "{name} secretly met rebel commanders in {place}",
        &[r"\b(met|meeting)\b", r"\brebels?\b"],
    ),
    (
        "{name} cancelled the local elections in {place}",
        &[r"\b(cancell?ed|postponed|scrapped)\b", r"\belections?\b"],
    ),
    (
        "{name} banned the sale of bread in {place}",
        &[r"\bbann?ed\b", r"\bbread\b"],
    ),
    (
        "{name} moved the national gold reserves to {place}",
        &[r"\b(moved|shipped|transferred)\b", r"\bgold\b"],
    ),
    (
        "{name} admitted that the {place} floods were caused on purpose",
        &[r"\bfloods?\b", r"\bpurpose\b"],
    ),
    (
        "{name} was arrested at the airport in {place}",
        &[r"\barrested\b", r"\bairport\b"],
    ),
    (
        "{name} signed a deal handing the {place} port to a foreign navy",
        &[r"\bport\b", r"\bnavy\b"],
    ),
    (
        "{name} poisoned the water supply of {place}",
        &[r"\bpoison(ed|ing)?\b", r"\bwater\b"],
    ),
    (
        "{name} paid protesters in {place} to riot",
        &[r"\bpaid\b", r"\bprotesters?\b"],
    ),
    ("{name} declared martial law in {place}", &[r"\bmartial\b"]),
    (
        "{name} flew to {place} on a stolen military jet",
        &[r"\bjet\b", r"\bstolen\b"],
    ),
    (
        "{name} hid millions in a bank in {place}",
        &[r"\bmillions?\b", r"\bbank\b"],
    ),
    ("{name} was born in {place}", &[r"\bborn\b"]),
    (
        "{name} owns a luxury hotel in {place}",
        &[r"\bowns?\b", r"\bhotel\b"],
    ),
    (
        "{name} ordered soldiers to fire on crowds in {place}",
        &[r"\bfire\b", r"\bcrowds?\b"],
    ),
    (
        "{name} privatized every hospital in {place}",
        &[r"\bprivati[sz]ed\b", r"\bhospitals?\b"],
    ),
    (
        "{name} took a bribe from a mining company in {place}",
        &[r"\bbribes?\b", r"\bmining\b"],
    ),
    (
        "{name} tested an unapproved vaccine on children in {place}",
        &[r"\bvaccines?\b", r"\bchildren\b"],
    ),
    (
        "{name} cut off electricity to {place} as punishment",
        &[r"\belectricity\b", r"\bpunish(ment|ed)?\b"],
    ),
    ("{name} threatened to invade {place}", &[r"\binvade\b"]),
    (
        "{name} demolished a historic mosque in {place}",
        &[r"\bmosque\b", r"\b(demolished|razed|tore)\b"],
    ),
    (
        "{name} fled {place} with the city's pension fund",
        &[r"\bfled\b", r"\bpensions?\b"],
    ),
    (
        "{name} faked the census results in {place}",
        &[r"\bfake[ds]?\b", r"\bcensus\b"],
    ),
];

const RATINGS: &[&str] = &[
    "False",
    "False",
    "Misleading",
    "Mostly False",
    "Pants on Fire",
    "Unproven",
];
const FACT_CHECKERS: &[&str] = &[
    "Varnia Fact Desk",
    "CheckPoint Ostrel",
    "Example Fact Check",
    "The Verify Room",
    "Lunmark Truth Lab",
];

fn make_claims(rng: &mut Rng, people: &[Person], places: &[Place]) -> Vec<Claim> {
    let mut seen = HashSet::new();
    let mut claims = Vec::with_capacity(CLAIMS);
    let fictional: Vec<&Person> = people.iter().filter(|p| !p.real).collect();
    while claims.len() < CLAIMS {
        let t = rng.below(CLAIM_TEMPLATES.len());
        let p = rng.below(fictional.len());
        let pl = rng.below(places.len());
        if !seen.insert((t, p, pl)) {
            continue;
        }
        let (template, words) = CLAIM_TEMPLATES[t];
        let person = fictional[p];
        let place = &places[pl].name;
        let text = template
            .replace("{name}", &person.name)
            .replace("{place}", place);
        let mut all = vec![
            format!(r"\b({}|he|she)\b", person.surname),
            format!(r"\b{place}\b"),
        ];
        all.extend(words.iter().map(|w| w.to_string()));
        let slug = text
            .split_whitespace()
            .filter(|w| w.len() > 3)
            .take(4)
            .map(|w| {
                w.to_lowercase()
                    .replace(|c: char| !c.is_ascii_alphanumeric(), "")
            })
            .collect::<Vec<_>>()
            .join("-");
        claims.push(Claim {
            id: format!("c{:05}-{slug}", claims.len() + 1),
            text,
            rating: RATINGS[rng.below(RATINGS.len())],
            reviewed_by: FACT_CHECKERS[rng.below(FACT_CHECKERS.len())],
            date: Day::random(rng, Day::new(2023, 1, 1), Day::new(2025, 12, 31)),
            all,
        });
    }
    claims
}

/// House spellings: wrong → right, with a sentence showing the word.
const HOUSE_SWAPS: &[(&[(&str, &str)], &str)] = &[
    (
        &[("cease-fire", "ceasefire")],
        "The {} held through the night along the northern front.",
    ),
    (
        &[("Kiev", "Kyiv")],
        "Officials in {} confirmed that the talks would resume.",
    ),
    (
        &[("per cent", "percent")],
        "Inflation eased to 4 {} in the third quarter, the central bank said.",
    ),
    (
        &[("judgement", "judgment")],
        "The court will deliver its {} next month.",
    ),
    (
        &[("amongst", "among")],
        "The proposal caused alarm {} opposition lawmakers.",
    ),
    (
        &[("whilst", "while")],
        "The minister spoke to reporters {} touring the site.",
    ),
    (
        &[("learnt", "learned")],
        "Investigators {} of the breach only last week.",
    ),
    (
        &[("towards", "toward")],
        "The convoy moved {} the border before dawn.",
    ),
    (
        &[("afterwards", "afterward")],
        "The two leaders held a news conference {}.",
    ),
    (
        &[
            ("spokesman", "spokesperson"),
            ("spokeswoman", "spokesperson"),
        ],
        "A {} for the ministry declined to comment.",
    ),
    (
        &[("Koran", "Quran")],
        "Copies of the {} were handed out at the mosque.",
    ),
    (
        &[("Moslem", "Muslim")],
        "Leaders of the {} community met the mayor.",
    ),
    (
        &[("Bombay", "Mumbai")],
        "Trains in {} were suspended for the day.",
    ),
    (
        &[("Peking", "Beijing")],
        "The delegation flew on to {} on Thursday.",
    ),
    (
        &[("Calcutta", "Kolkata")],
        "Flights to {} were delayed by the storm.",
    ),
    (
        &[("healthcare", "health care")],
        "The bill expands {} for rural families.",
    ),
    (
        &[("alright", "all right")],
        "The pilot radioed that everything was {}.",
    ),
    (
        &[("in order to", "to")],
        "The council met {} approve the budget.",
    ),
    (
        &[("at this point in time", "now")],
        "Officials said that {} no decision had been made.",
    ),
    (
        &[("prior to", "before")],
        "The road was closed {} the visit.",
    ),
    (
        &[("in spite of", "despite")],
        "The march went ahead {} the ban.",
    ),
    (
        &[("due to the fact that", "because")],
        "Flights were delayed {} the runway was flooded.",
    ),
    (
        &[("utilize", "use"), ("utilise", "use")],
        "Engineers plan to {} the old rail bridge.",
    ),
    (&[("commence", "begin")], "Repairs will {} after the rains."),
    (
        &[("terminate", "end")],
        "The company said it would {} the contract.",
    ),
    (
        &[("facilitate", "help")],
        "The new crossing will {} aid deliveries.",
    ),
    (
        &[("cell phone", "cellphone")],
        "Video filmed on a {} showed the collapse.",
    ),
    (&[("smart phone", "smartphone")], "The app runs on any {}."),
    (
        &[("log-in", "login")],
        "Staff were told to change their {} details.",
    ),
    (
        &[("co-operation", "cooperation")],
        "The two ministries pledged closer {}.",
    ),
    (
        &[("co-ordinate", "coordinate")],
        "Aid groups struggled to {} deliveries.",
    ),
    (
        &[("pre-empt", "preempt")],
        "The move was meant to {} a strike.",
    ),
    (
        &[("re-elected", "reelected")],
        "The mayor was {} in a landslide.",
    ),
    (&[("mid-day", "midday")], "The shelling stopped around {}."),
    (
        &[("world-wide", "worldwide")],
        "The appeal drew {} attention.",
    ),
    (
        &[("nation-wide", "nationwide")],
        "Unions called a {} strike.",
    ),
    (
        &[("long-time", "longtime")],
        "A {} ally of the president resigned.",
    ),
    (
        &[("pro-active", "proactive")],
        "The agency promised a more {} approach.",
    ),
    (
        &[("under way", "underway")],
        "An investigation is {}, police said.",
    ),
    (
        &[("fund-raiser", "fundraiser")],
        "The party held a {} in the capital.",
    ),
    (
        &[("play-off", "playoff")],
        "The club reached the {} for the first time.",
    ),
    (
        &[("hand-over", "handover")],
        "The {} of the base took place on Monday.",
    ),
    (
        &[("round-up", "roundup")],
        "A {} of the week's events follows.",
    ),
    (
        &[("break-through", "breakthrough")],
        "Negotiators reported no {} in the talks.",
    ),
    (
        &[("stand-off", "standoff")],
        "The {} at the border entered its third week.",
    ),
    (
        &[("lay-offs", "layoffs")],
        "The factory announced {} on Friday.",
    ),
    (
        &[("set-back", "setback")],
        "The ruling was a {} for the government.",
    ),
    (
        &[
            ("Qaddafi", "Gadhafi"),
            ("Kadhafi", "Gadhafi"),
            ("Gaddafi", "Gadhafi"),
        ],
        "Supporters of the late {} rallied.",
    ),
    (
        &[("Hizbollah", "Hezbollah"), ("Hizballah", "Hezbollah")],
        "Officials said {} had not commented.",
    ),
    (
        &[("Secretary General", "Secretary-General")],
        "The U.N. {} urged restraint.",
    ),
    (
        &[("defence", "defense")],
        "The {} budget rose sharply this year.",
    ),
    (
        &[("programme", "program"), ("programmes", "programs")],
        "The vaccination {} reached remote villages.",
    ),
    (
        &[("centre", "center"), ("centres", "centers")],
        "The aid {} was hit overnight.",
    ),
    (
        &[
            ("organisation", "organization"),
            ("organisations", "organizations"),
        ],
        "The {} said its staff were safe.",
    ),
    (
        &[("labour", "labor")],
        "The {} ministry said the talks had stalled.",
    ),
    (
        &[("favour", "favor")],
        "Most lawmakers voted in {} of the bill.",
    ),
    (
        &[("honour", "honor")],
        "A ceremony was held in {} of the victims.",
    ),
    (
        &[("neighbouring", "neighboring")],
        "Thousands fled to {} towns, the U.N. said.",
    ),
    (
        &[("travelled", "traveled")],
        "The envoy {} to the capital on Monday.",
    ),
    (
        &[("cancelled", "canceled")],
        "The summit was {} at short notice.",
    ),
    (&[("analyse", "analyze")], "Experts will {} the wreckage."),
    (
        &[("criticised", "criticized"), ("criticise", "criticize")],
        "Rights groups {} the new law.",
    ),
    (
        &[("jewellery", "jewelry")],
        "Thieves took {} worth thousands.",
    ),
    (
        &[("grey", "gray")],
        "Smoke turned the sky {} over the port.",
    ),
    (
        &[("tonnes", "metric tons")],
        "The ship carried 30,000 {} of grain, the port authority said.",
    ),
    (
        &[("kilometres", "kilometers")],
        "The queue of trucks stretched for 3 {}.",
    ),
    (&[("metres", "meters")], "The new wall is 6 {} high."),
    (&[("storey", "story")], "The five-{} building collapsed."),
    (
        &[("lorry", "truck"), ("lorries", "trucks")],
        "A {} carrying flour overturned on the highway.",
    ),
    (
        &[("petrol", "gasoline")],
        "Queues formed outside {} stations.",
    ),
    (
        &[("Ramadhan", "Ramadan")],
        "Markets stayed open late during {}.",
    ),
    (
        &[("Eid-ul-Fitr", "Eid al-Fitr")],
        "Families gathered for {} despite the curfew.",
    ),
    (
        &[("Xmas", "Christmas")],
        "Shops reported slow sales before {}.",
    ),
    (
        &[("fire-fighters", "firefighters")],
        "Dozens of {} battled the blaze, the fire service said.",
    ),
    (
        &[("hard-line", "hardline")],
        "A {} faction walked out of the talks.",
    ),
    (
        &[("air strike", "airstrike"), ("air strikes", "airstrikes")],
        "The {} hit a warehouse near the port.",
    ),
    (
        &[("check-point", "checkpoint")],
        "Soldiers at the {} turned the convoy back.",
    ),
    (
        &[("time-frame", "time frame")],
        "No {} was given for the withdrawal.",
    ),
    (
        &[("head-quarters", "headquarters")],
        "Protesters gathered outside the party {}.",
    ),
    (
        &[("by-election", "special election")],
        "The {} was set for the spring.",
    ),
];

/// Words the house style avoids: the tokens, a neutral alternative, a
/// sentence, and why.
const HOUSE_AVOID: &[(&[&str], &str, &str, &str)] = &[
    (
        &["slammed"],
        "criticized",
        "Opposition leaders {} the budget on Tuesday.",
        "headline jargon; say what they did",
    ),
    (
        &["blasted"],
        "criticized",
        "Union leaders {} the plan as reckless.",
        "headline jargon; say what they did",
    ),
    (
        &["war-torn"],
        "northern",
        "Aid reached the {} province on Friday.",
        "a cliché that tells the reader nothing new",
    ),
    (
        &["in the wake of"],
        "after",
        "Schools closed {} the floods.",
        "wordy; `after` says it",
    ),
    (
        &["amid"],
        "during",
        "Prices rose {} the crisis.",
        "vague about cause; say how the events are linked",
    ),
    (
        &["sparked"],
        "led to",
        "The arrests {} protests in the capital.",
        "a cliché of causation",
    ),
    (
        &["embattled"],
        "finance",
        "The {} minister refused to resign.",
        "editorializes; show the trouble instead",
    ),
    (
        &["hotly contested"],
        "disputed",
        "The {} result went to the courts.",
        "a cliché",
    ),
    (
        &["mass exodus"],
        "exodus",
        "The {} began at dawn.",
        "redundant",
    ),
    (
        &["in droves"],
        "quickly",
        "Residents left {} as the water rose.",
        "a cliché",
    ),
    (
        &["brutal crackdown"],
        "crackdown",
        "The {} drew condemnation abroad.",
        "editorializes; describe what happened",
    ),
    (
        &["shock resignation"],
        "resignation",
        "The {} stunned the party.",
        "tabloid phrasing",
    ),
    (
        &["bombshell"],
        "new",
        "The {} report named three officials.",
        "tabloid phrasing",
    ),
    (
        &["game changer", "game-changer"],
        "major change",
        "Officials called the deal a {}.",
        "a cliché",
    ),
    (
        &["iconic"],
        "famous",
        "The {} bridge was damaged in the quake.",
        "overused",
    ),
    (
        &["unprecedented"],
        "rare",
        "The court took the {} step of sitting at night.",
        "rarely true; say what is new",
    ),
    (
        &["end result"],
        "result",
        "The {} was a hung parliament.",
        "redundant",
    ),
    (
        &["future plans"],
        "plans",
        "The mayor outlined her {} for the harbor.",
        "redundant",
    ),
    (
        &["past history"],
        "history",
        "The town's {} of floods was well known.",
        "redundant",
    ),
    (
        &["in close proximity to"],
        "near",
        "Homes {} the plant were evacuated.",
        "wordy; say `near`",
    ),
    (
        &["sources said", "sources say"],
        "two officials said",
        "The deal is close, {}.",
        "say which sources",
    ),
    (
        &["it is believed"],
        "police believe",
        "The gunmen, {}, escaped by car.",
        "who believes it?",
    ),
    (
        &["war of words"],
        "dispute",
        "The {} between the two capitals escalated.",
        "a cliché",
    ),
    (
        &["tit-for-tat"],
        "retaliatory",
        "The two sides traded {} expulsions.",
        "a cliché",
    ),
    (
        &["powder keg"],
        "flashpoint",
        "Analysts called the valley a {}.",
        "a cliché",
    ),
    (
        &["fragile truce"],
        "truce",
        "The {} held for a second day.",
        "a cliché",
    ),
    (
        &["uneasy calm"],
        "calm",
        "An {} settled over the city.",
        "a cliché",
    ),
    (
        &["eerie silence"],
        "silence",
        "An {} fell over the square.",
        "a cliché",
    ),
    (
        &["ravaged"],
        "damaged",
        "The storm {} the coast.",
        "say how much damage",
    ),
    (
        &["decimated"],
        "destroyed",
        "The fire {} the old quarter.",
        "means one in ten; say what happened",
    ),
    (
        &["plummeted"],
        "fell",
        "The currency {} against the dollar.",
        "say by how much",
    ),
    (
        &["skyrocketed"],
        "rose",
        "Bread prices {} after the drought.",
        "say by how much",
    ),
    (
        &["whopping"],
        "large",
        "The project had a {} budget.",
        "editorializes",
    ),
    (
        &["staggering"],
        "large",
        "The repairs will have a {} cost.",
        "editorializes",
    ),
    (
        &["horrific"],
        "deadly",
        "The {} crash happened at dawn.",
        "let the facts speak",
    ),
    (
        &["tragic"],
        "fatal",
        "Police investigated the {} fall.",
        "let the facts speak",
    ),
    (
        &["slain"],
        "killed",
        "The {} journalist was buried on Sunday.",
        "archaic; say killed",
    ),
    (
        &["regime"],
        "government",
        "The {} announced new curfews.",
        "loaded; name the government",
    ),
    (
        &["so-called"],
        "new",
        "The {} peace plan was unveiled on Monday.",
        "sneering; drop it or quote the name",
    ),
    (
        &["firestorm"],
        "dispute",
        "The remarks set off a {} in parliament.",
        "a cliché",
    ),
    (
        &["grilled"],
        "questioned",
        "Lawmakers {} the minister for three hours.",
        "headline jargon",
    ),
    (
        &["quizzed"],
        "questioned",
        "Detectives {} the driver overnight.",
        "headline jargon",
    ),
    (
        &["probe"],
        "investigation",
        "The {} into the collapse continues.",
        "headline jargon",
    ),
    (
        &["mulls", "mulled", "mulling"],
        "considers",
        "The cabinet {} new sanctions.",
        "headline jargon",
    ),
    (
        &["axed"],
        "cut",
        "The broadcaster {} its evening news.",
        "headline jargon",
    ),
    (
        &["at the end of the day"],
        "in the end",
        "Voters decided, {}, to stay home.",
        "a cliché",
    ),
    (
        &["going forward"],
        "from now on",
        "The ministry will publish weekly figures {}.",
        "jargon",
    ),
    (
        &["first-ever"],
        "first",
        "The city held its {} book fair.",
        "redundant",
    ),
    (
        &["absolutely essential"],
        "essential",
        "Clean water is {} for the camps.",
        "redundant",
    ),
    (
        &["each and every"],
        "every",
        "The inspectors checked {} room.",
        "redundant",
    ),
    (
        &["hard-hitting"],
        "critical",
        "The {} report blamed the regulator.",
        "a cliché",
    ),
    (
        &["top-level"],
        "senior",
        "A {} delegation arrived on Sunday.",
        "jargon",
    ),
    (
        &["rogue state"],
        "country",
        "The speech described the neighbor as a {}.",
        "loaded",
    ),
    (
        &["hail of bullets"],
        "gunfire",
        "The car was hit by a {}.",
        "a cliché",
    ),
    (
        &["hotbed"],
        "center",
        "The district became a {} of protest.",
        "a cliché",
    ),
    (
        &["nerve centre", "nerve center"],
        "headquarters",
        "The building served as the army's {}.",
        "a cliché",
    ),
    (
        &["lashed out"],
        "responded",
        "The minister {} at critics on Monday.",
        "headline jargon",
    ),
    (
        &["vowed revenge"],
        "promised to respond",
        "The group {} after the raid.",
        "a cliché",
    ),
    (
        &["hammered out"],
        "agreed",
        "Negotiators {} a deal before dawn.",
        "a cliché",
    ),
    (
        &["paved the way"],
        "allowed",
        "The vote {} for new elections.",
        "a cliché",
    ),
    (
        &["sweeping reforms"],
        "reforms",
        "The president promised {} to the police.",
        "say what changes",
    ),
];

/// Existence rules whose entries are regexes: pattern, a match, a clean
/// alternative, a sentence, why.
const HOUSE_AVOID_PATTERNS: &[(&str, &str, &str, &str, &str)] = &[
    (
        r"\b(very|really|quite) unique\b",
        "very unique",
        "unique",
        "The museum holds a {} collection.",
        "unique is absolute",
    ),
    (
        r"\b(more|most) unique\b",
        "most unique",
        "unusual",
        "It was the {} design on show.",
        "unique is absolute",
    ),
    (
        r"\b\d{1,2}(:\d\d)? (a\.m\.|p\.m\.) (this|tomorrow) (morning|evening|afternoon|night)\b",
        "10 a.m. this morning",
        "10 a.m.",
        "The talks resumed at {} in the capital.",
        "redundant: a.m. and p.m. already say it",
    ),
    (
        r"\b(12|twelve) (noon|midnight)\b",
        "12 noon",
        "noon",
        "The deadline passed at {} on Friday.",
        "redundant",
    ),
    (
        r"\b(in|for) the (near|not too distant) future\b",
        "in the near future",
        "soon",
        "Talks will resume {}.",
        "wordy",
    ),
    (
        r"\b(totally|completely|utterly) (destroyed|demolished|wiped out)\b",
        "completely destroyed",
        "destroyed",
        "The bridge was {} in the strike.",
        "redundant",
    ),
    (
        r"\bcurrently (is|are) (now|presently)\b",
        "currently is now",
        "is",
        "The road {} open again.",
        "redundant",
    ),
    (
        r"\b(close|near) (to )?(a|the) (total|sum) of\b",
        "close to a total of",
        "nearly",
        "The appeal raised {} one million euros, organizers said.",
        "wordy",
    ),
];

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A transliteration variant of a place name (`Karsk` → `Qarsk`).
fn variant(name: &str) -> String {
    let rest = &name[1..];
    match name.as_bytes()[0] {
        b'K' => format!("Q{rest}"),
        b'V' => format!("W{rest}"),
        b'C' => format!("K{rest}"),
        b'J' => format!("Dj{rest}"),
        b'A' | b'E' | b'I' | b'O' | b'U' => format!("H{}", name.to_lowercase()),
        _ if name.contains("sh") => name.replacen("sh", "ch", 1),
        _ => format!("{}h{rest}", &name[..1]),
    }
}

const PLACE_TEMPLATES: &[&str] = &[
    "Officials in {} said the main road had reopened.",
    "Residents of {} queued for water on Saturday.",
    "The governor of the province visited {} on Monday.",
    "Trains to {} were running again by the evening.",
    "Schools in {} stayed closed for a second day.",
];

fn make_style(rng: &mut Rng, places: &[Place]) -> Vec<StyleRule> {
    let mut rules = Vec::with_capacity(STYLE_RULES);
    let mut ids = HashSet::new();
    let mut push = |mut rule: StyleRule, rules: &mut Vec<StyleRule>| {
        let base = rule.id.clone();
        let mut n = 2;
        while !ids.insert(rule.id.clone()) {
            rule.id = format!("{base}-{n}");
            n += 1;
        }
        rules.push(rule);
    };
    for (swaps, template) in HOUSE_SWAPS {
        let (wrong, right) = swaps[0];
        // A capitalized wrong form is a proper noun or a spelling that
        // should keep its case.
        let ignore_case = wrong != "Secretary General";
        push(
            StyleRule {
                id: format!("house-{}", slug(wrong)),
                kind: StyleKind::Substitution,
                severity: if rng.chance(0.7) { "info" } else { "warning" },
                message: "house style is `{replacement}`, not `{match}`".to_string(),
                description: format!("The house style guide spells it `{right}`."),
                swap: swaps
                    .iter()
                    .map(|(w, r)| (w.to_string(), r.to_string()))
                    .collect(),
                regex: false,
                ignore_case,
                wrong: wrong.to_string(),
                right: right.to_string(),
                template: template.to_string(),
            },
            &mut rules,
        );
    }
    for (tokens, right, template, why) in HOUSE_AVOID {
        push(
            StyleRule {
                id: format!("avoid-{}", slug(tokens[0])),
                kind: StyleKind::Existence,
                severity: "info",
                message: format!("avoid `{{match}}`: {why}"),
                description: format!("The house style avoids `{}`: {why}.", tokens.join("`, `")),
                swap: tokens
                    .iter()
                    .map(|t| (t.to_string(), String::new()))
                    .collect(),
                regex: false,
                ignore_case: true,
                wrong: tokens[0].to_string(),
                right: right.to_string(),
                template: template.to_string(),
            },
            &mut rules,
        );
    }
    for (pattern, wrong, right, template, why) in HOUSE_AVOID_PATTERNS {
        push(
            StyleRule {
                id: format!("avoid-{}", slug(wrong)),
                kind: StyleKind::Existence,
                severity: "info",
                message: format!("`{{match}}`: {why}"),
                description: format!("Flags phrasing like `{wrong}`: {why}."),
                swap: vec![(pattern.to_string(), String::new())],
                regex: true,
                ignore_case: true,
                wrong: wrong.to_string(),
                right: right.to_string(),
                template: template.to_string(),
            },
            &mut rules,
        );
    }
    // Place names: some as regexes over two spellings, most as literals.
    let names: HashSet<String> = places.iter().map(|p| p.name.to_lowercase()).collect();
    let mut used = names.clone();
    for (i, place) in places.iter().enumerate() {
        if rules.len() >= STYLE_RULES {
            break;
        }
        let name = &place.name;
        let template = PLACE_TEMPLATES[i % PLACE_TEMPLATES.len()].to_string();
        let description = format!("The house transliteration of the town is `{name}`.");
        if i % 16 == 0 {
            let rest = &name[1..];
            let alts: Vec<&str> = ["Q", "Kh", "Gh", "X"]
                .into_iter()
                .filter(|a| !a.eq_ignore_ascii_case(&name[..1]))
                .take(2)
                .collect();
            push(
                StyleRule {
                    id: format!("place-{}", slug(name)),
                    kind: StyleKind::Substitution,
                    severity: "warning",
                    message: "the house spelling is `{replacement}`, not `{match}`".to_string(),
                    description,
                    swap: vec![(format!(r"\b(?:{}){rest}\b", alts.join("|")), name.clone())],
                    regex: true,
                    ignore_case: true,
                    wrong: format!("{}{rest}", alts[0]),
                    right: name.clone(),
                    template,
                },
                &mut rules,
            );
            continue;
        }
        let wrong = variant(name);
        if !used.insert(wrong.to_lowercase()) {
            continue;
        }
        push(
            StyleRule {
                id: format!("place-{}", slug(name)),
                kind: StyleKind::Substitution,
                severity: "warning",
                message: "the house spelling is `{replacement}`, not `{match}`".to_string(),
                description,
                swap: vec![(wrong.clone(), name.clone())],
                regex: false,
                ignore_case: true,
                wrong,
                right: name.clone(),
                template,
            },
            &mut rules,
        );
    }
    assert_eq!(
        rules.len(),
        STYLE_RULES,
        "not enough places for the style pack"
    );
    rules
}

// ---------------------------------------------------------------- TOML ----

/// A TOML basic string.
pub fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML literal string, for regexes (which never hold `'` here).
fn toml_lit(s: &str) -> String {
    assert!(!s.contains('\''));
    format!("'{s}'")
}

pub fn style_toml(world: &World) -> String {
    let mut out = String::from(
        "# House style pack for the copydesk benchmark: generated by bench/gen_corpus.rs.\n\
         # Every rule's `bad` example triggers it and its `good` example does not.\n",
    );
    for r in &world.style {
        let key = |k: &str| if r.regex { toml_lit(k) } else { toml_str(k) };
        out.push_str("\n[[rule]]\n");
        let _ = writeln!(out, "id = {}", toml_str(&r.id));
        let kind = match r.kind {
            StyleKind::Substitution => "substitution",
            StyleKind::Existence => "existence",
        };
        let _ = writeln!(out, "kind = \"{kind}\"");
        let _ = writeln!(out, "severity = \"{}\"", r.severity);
        let _ = writeln!(out, "message = {}", toml_str(&r.message));
        let _ = writeln!(out, "description = {}", toml_str(&r.description));
        match r.kind {
            StyleKind::Substitution => {
                let pairs: Vec<String> = r
                    .swap
                    .iter()
                    .map(|(w, s)| format!("{} = {}", key(w), toml_str(s)))
                    .collect();
                let _ = writeln!(out, "swap = {{ {} }}", pairs.join(", "));
                if r.regex {
                    out.push_str("regex = true\n");
                }
            }
            StyleKind::Existence => {
                let list: Vec<String> = r.swap.iter().map(|(w, _)| key(w)).collect();
                let field = if r.regex { "patterns" } else { "tokens" };
                let _ = writeln!(out, "{field} = [{}]", list.join(", "));
            }
        }
        if !r.ignore_case {
            out.push_str("ignore_case = false\n");
        }
        let _ = writeln!(out, "bad = [{}]", toml_str(&r.bad()));
        let _ = writeln!(out, "good = [{}]", toml_str(&r.good()));
    }
    out
}

pub fn people_toml(world: &World) -> String {
    let mut out = String::from(
        "# People registry for the copydesk benchmark: generated by bench/gen_corpus.rs.\n",
    );
    for p in &world.people {
        out.push_str("\n[[person]]\n");
        let _ = writeln!(out, "name = {}", toml_str(&p.name));
        if !p.aliases.is_empty() {
            let list: Vec<String> = p.aliases.iter().map(|a| toml_str(a)).collect();
            let _ = writeln!(out, "aliases = [{}]", list.join(", "));
        }
        for o in &p.offices {
            out.push_str("\n[[person.office]]\n");
            let _ = writeln!(out, "title = {}", toml_str(o.title));
            let _ = writeln!(out, "country = {}", toml_str(o.country));
            let _ = writeln!(out, "from = {}", o.from);
            if let Some(to) = o.to {
                let _ = writeln!(out, "to = {to}");
            }
        }
    }
    out
}

pub fn claims_toml(world: &World) -> String {
    let mut out = String::from(
        "# Claims database for the copydesk benchmark: generated by bench/gen_corpus.rs.\n",
    );
    for c in &world.claims {
        out.push_str("\n[[claim]]\n");
        let _ = writeln!(out, "id = {}", toml_str(&c.id));
        let _ = writeln!(out, "claim = {}", toml_str(&c.text));
        let _ = writeln!(out, "rating = {}", toml_str(c.rating));
        let _ = writeln!(out, "reviewed_by = {}", toml_str(c.reviewed_by));
        let _ = writeln!(out, "url = \"https://factcheck.example/{}\"", c.id);
        let _ = writeln!(out, "date = {}", c.date);
        let all: Vec<String> = c.all.iter().map(|r| toml_lit(r)).collect();
        let _ = writeln!(out, "all = [{}]", all.join(", "));
    }
    out
}

// -------------------------------------------------------------- drafts ----

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// `n` (2..=99) in words.
fn words(n: u64) -> String {
    match n {
        0..=19 => ONES[n as usize].to_string(),
        _ if n.is_multiple_of(10) => TENS[(n / 10) as usize].to_string(),
        _ => format!("{}-{}", TENS[(n / 10) as usize], ONES[(n % 10) as usize]),
    }
}

/// `1234567` → `1,234,567`.
fn commas(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count, as a newsroom writes one.
fn count(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 | 1 => words(rng.range(2, 99)),
        2..=6 => rng.range(2, 99).to_string(),
        7 | 8 => rng.range(100, 999).to_string(),
        _ => commas(rng.range(1000, 25_000)),
    }
}

const QUALIFIERS: &[&str] = &[
    "at least ",
    "more than ",
    "nearly ",
    "about ",
    "up to ",
    "around ",
    "",
    "",
    "",
    "",
];
const PEOPLE_NOUNS: &[&str] = &[
    "civilians",
    "people",
    "children",
    "soldiers",
    "fighters",
    "protesters",
    "migrants",
    "residents",
    "workers",
    "police officers",
    "students",
    "passengers",
    "women",
];
const CASUALTY: &[&str] = &[
    "killed",
    "wounded",
    "injured",
    "displaced",
    "detained",
    "arrested",
    "reported missing",
];
const EVENTS: &[&str] = &[
    "an airstrike",
    "a car bomb",
    "heavy shelling",
    "a drone strike",
    "flash flooding",
    "a landslide",
    "clashes with security forces",
    "a fire at a crowded market",
    "a bus crash",
    "a suicide bombing",
    "an earthquake",
    "a stampede at a stadium",
];
const ENEMIES: &[&str] = &["fighters", "militants", "insurgents", "rebels", "gunmen"];
const QUOTES: &[&str] = &[
    "We will not leave our homes",
    "There is no water, no power and no help",
    "The government has abandoned us",
    "We are doing everything we can to reach the wounded",
    "This agreement is a first step, not the last one",
    "Nobody told us the dam was at risk",
    "I heard three explosions and then the roof came down",
    "We need the crossings open today, not next week",
    "The talks were frank and we’ll meet again",
    "Our hospitals are running out of fuel",
    "It's too early to say who is responsible",
    "My brother went to the market and never came back",
    "We have asked for an independent inquiry",
    "The ceasefire must hold",
    "They promised us compensation a year ago",
    "Every family here has lost someone",
    "We don't have enough tents for the winter",
    "The election was free and fair",
];
const ACTIONS: &[&str] = &[
    "rebuild the damaged bridges before winter",
    "open an inquiry into the collapse",
    "send more troops to the border",
    "cut fuel subsidies next year",
    "hold early elections",
    "release the detained journalists",
    "reopen the airport to civilian flights",
    "raise public sector wages",
    "seek talks with the opposition",
    "expand the curfew to three more districts",
];
const TOPICS: &[&str] = &[
    "the budget",
    "the border dispute",
    "the stalled peace talks",
    "water rationing",
    "the upcoming vote",
    "the refugee camps",
    "a new trade deal",
    "the collapse of the currency",
    "reconstruction",
    "the port expansion",
];
const CLAUSES: &[&str] = &[
    "the government would not negotiate under fire",
    "aid deliveries would resume within days",
    "the investigation was continuing",
    "the border would stay closed for now",
    "no one had yet claimed responsibility",
    "the talks had made real progress",
    "the army had been ordered to hold its positions",
];
const CAVEATS: &[&str] = &[
    "The figures could not be independently verified.",
    "The claim could not be independently verified.",
    "Neither account could be independently confirmed.",
    "The toll could not be independently verified.",
    "Journalists were unable to verify the figures independently.",
];

struct Mention {
    person: usize,
    introduced: bool,
}

/// The state of one draft while it is written.
struct Ctx<'w> {
    world: &'w World,
    day: Day,
    place: usize,
    people: Vec<Mention>,
    /// Whether this draft may still repeat a claim: about one draft in ten
    /// repeats one, once.
    claim_left: bool,
}

impl Ctx<'_> {
    fn place(&self) -> &str {
        &self.world.places[self.place].name
    }

    fn other_place(&self, rng: &mut Rng) -> &str {
        &rng.pick(&self.world.places).name
    }

    fn country(&self) -> (&'static str, &'static str) {
        COUNTRIES[self.world.places[self.place].country]
    }

    /// A person who holds or held an office on the draft's day, as an
    /// index into `self.people`.
    fn pick_person(&mut self, rng: &mut Rng) -> Option<usize> {
        if !self.people.is_empty() && rng.chance(0.7) {
            return Some(rng.below(self.people.len()));
        }
        for _ in 0..40 {
            // Prominent people (the real ones and the first fictional ones)
            // turn up across many drafts.
            let p = if rng.chance(0.3) {
                rng.below(60)
            } else {
                rng.below(self.world.people.len())
            };
            if self.world.people[p].status(self.day).is_some()
                && !self.people.iter().any(|m| m.person == p)
            {
                self.people.push(Mention {
                    person: p,
                    introduced: false,
                });
                return Some(self.people.len() - 1);
            }
        }
        (!self.people.is_empty()).then(|| rng.below(self.people.len()))
    }

    /// A person's mention: titled on first reference, mostly the surname
    /// after. An appositive title ends with its comma.
    fn person(&mut self, rng: &mut Rng) -> String {
        let Some(m) = self.pick_person(rng) else {
            return "A government spokesperson".to_string();
        };
        let person = &self.world.people[self.people[m].person];
        let Some((office, mut former)) = person.status(self.day) else {
            return person.name.clone();
        };
        if self.people[m].introduced && rng.chance(0.85) {
            return person.surname.clone();
        }
        self.people[m].introduced = true;
        let mut title = office.title;
        // Now and then a draft gets a title wrong.
        if rng.chance(0.04) {
            if rng.chance(0.5) {
                former = !former;
            } else {
                title = *rng.pick(TITLES);
            }
        }
        let name = if !person.aliases.is_empty() && rng.chance(0.15) {
            &person.aliases[0]
        } else {
            &person.name
        };
        match (former, rng.below(3)) {
            (false, 0) => format!("{} {title} {name}", office.adj),
            (false, 1) => format!("{name}, the {} {},", office.adj, title.to_lowercase()),
            (false, _) => format!("{title} {name}"),
            (true, 0) => format!("{name}, a former {},", title.to_lowercase()),
            (true, _) => format!("former {title} {name}"),
        }
    }

    fn source(&mut self, rng: &mut Rng) -> String {
        let (country, adj) = self.country();
        match rng.below(15) {
            0 => format!("the {adj} health ministry said"),
            1 => "the interior ministry said".to_string(),
            2 => "police said".to_string(),
            3 => "the civil defence agency said".to_string(),
            4 => "local officials said".to_string(),
            5 => format!("according to the {country} Red Crescent"),
            6 => "the U.N. humanitarian office said".to_string(),
            7 => "hospital officials told reporters".to_string(),
            8 => "the army said".to_string(),
            9 => "state media reported".to_string(),
            10 => "residents said".to_string(),
            11 => format!("the {} Observatory for Human Rights said", self.place()),
            12 => "a spokesperson for the governor said".to_string(),
            13 => "witnesses told reporters".to_string(),
            _ => {
                let p = self.person(rng);
                format!("{p} said")
            }
        }
    }

    fn figure(&self, rng: &mut Rng, noun: &str) -> String {
        if rng.chance(0.12) {
            let vague = *rng.pick(&["dozens of", "hundreds of", "scores of", "several hundred"]);
            return format!("{vague} {noun}");
        }
        format!("{}{} {noun}", rng.pick(QUALIFIERS), count(rng))
    }

    fn sentence(&mut self, rng: &mut Rng) -> String {
        let place = self.place().to_string();
        match rng.below(52) {
            0..=2 => {
                let noun = *rng.pick(PEOPLE_NOUNS);
                let fig = cap(&self.figure(rng, noun));
                let src = self.source(rng);
                format!(
                    "{fig} were {} in {} in {place}, {src}.",
                    rng.pick(CASUALTY),
                    rng.pick(EVENTS)
                )
            }
            3 | 4 => {
                let noun = *rng.pick(PEOPLE_NOUNS);
                let fig = cap(&self.figure(rng, noun));
                format!(
                    "{fig} were {} when {} hit {place}.",
                    rng.pick(CASUALTY),
                    rng.pick(EVENTS)
                )
            }
            5 => {
                let who = *rng.pick(&[
                    "The army said it",
                    "The military said it",
                    "Rebel commanders said they",
                ]);
                format!(
                    "{who} killed {} {} near {}.",
                    count(rng),
                    rng.pick(ENEMIES),
                    self.other_place(rng)
                )
            }
            6 => format!(
                "The death toll rose to {}, {}.",
                count(rng),
                self.source(rng)
            ),
            7 => format!(
                "{} tore through a market in {place}, killing {} and wounding {}.",
                rng.pick(&[
                    "A car bomb",
                    "A suicide bomber",
                    "An airstrike",
                    "A drone strike",
                    "An artillery shell"
                ]),
                words(rng.range(2, 19)),
                words(rng.range(2, 40))
            ),
            8 => {
                let amount = format!("${}.{} million", rng.range(1, 90), rng.range(1, 9));
                let tail = if rng.chance(0.5) {
                    ", the finance ministry said"
                } else {
                    ""
                };
                format!("The government pledged about {amount} to rebuild {place}{tail}.")
            }
            9 => {
                let (country, _) = self.country();
                match rng.below(3) {
                    0 => format!(
                        "Turnout reached {} percent, according to the {country} election commission.",
                        rng.range(20, 80)
                    ),
                    1 => format!(
                        "Food prices have risen {}% since {}.",
                        rng.range(3, 60),
                        self.day.month_name()
                    ),
                    _ => format!(
                        "Unemployment stands at {}.{} percent.",
                        rng.range(3, 30),
                        rng.range(0, 9)
                    ),
                }
            }
            10 | 11 => rng.pick(CAVEATS).to_string(),
            12 => format!(
                "The {}-member council will meet again in {} weeks to discuss {}.",
                rng.range(9, 40),
                words(rng.range(2, 6)),
                rng.pick(TOPICS)
            ),
            13 => format!(
                "The first blast was heard at {}:{:02} a.m., and a {}-year-old teacher was among those pulled from the rubble.",
                rng.range(1, 11),
                rng.range(0, 59),
                rng.range(20, 70)
            ),
            14..=16 => {
                let a = self.person(rng);
                let first = self.people.len();
                let b = self.person(rng);
                if a == b || self.people.len() == first {
                    format!("{a} said the government would {}.", rng.pick(ACTIONS))
                } else {
                    format!(
                        "{a} met {b} in {place} on {} to discuss {}.",
                        self.day.weekday(),
                        rng.pick(TOPICS)
                    )
                }
            }
            17 | 18 => {
                let a = self.person(rng);
                format!("{a} said the government would {}.", rng.pick(ACTIONS))
            }
            19 | 20 => {
                let q = *rng.pick(QUOTES);
                let who = self.person(rng);
                if rng.chance(0.6) {
                    format!("“{q},” {who} said.")
                } else {
                    format!("\"{q},\" said {}.", who.trim_end_matches(','))
                }
            }
            21 => {
                let q = *rng.pick(QUOTES);
                let noun = *rng.pick(&[
                    "a resident",
                    "a nurse",
                    "a shopkeeper",
                    "a farmer",
                    "an aid worker",
                ]);
                format!("“{q}. {},” {noun} told reporters.", rng.pick(QUOTES))
            }
            22..=24 => {
                let other = self.other_place(rng).to_string();
                match rng.below(6) {
                    0 => format!(
                        "{place} has been under a curfew since {}.",
                        self.day.month_name()
                    ),
                    1 => format!(
                        "The road between {place} and {other} was cut for most of the week."
                    ),
                    2 => format!(
                        "Aid convoys reached {other} on {}, the first in a month.",
                        self.day.weekday()
                    ),
                    3 => format!(
                        "Talks on {} are expected to resume in {other}.",
                        rng.pick(TOPICS)
                    ),
                    4 => {
                        format!("Many families in {place} have moved in with relatives in {other}.")
                    }
                    _ => "The province's governor called for calm and urged residents to stay indoors.".to_string(),
                }
            }
            25 | 26 => {
                let rule = rng.pick(&self.world.style);
                let word = if rng.chance(0.35) {
                    &rule.wrong
                } else {
                    &rule.right
                };
                rule.template.replace("{}", word)
            }
            27 => match rng.below(4) {
                0 => "Residents were asked to send an e-mail to the council with their losses."
                    .to_string(),
                1 => "The agency's web site went offline for several hours.".to_string(),
                2 => "A group linked to Al Qaeda said it carried out the attack.".to_string(),
                _ => "Forms for compensation are available on-line, officials said.".to_string(),
            },
            28 if self.claim_left => {
                self.claim_left = false;
                let claim = rng.pick(&self.world.claims);
                if rng.chance(0.5) {
                    format!("{}.", claim.text)
                } else {
                    format!("{}, posts shared online claimed.", claim.text)
                }
            }
            29 => format!(
                "The ministry published [its full statement](https://example.org/{}/statements/{}) on {}.",
                slug(self.country().0),
                rng.range(100, 9999),
                self.day.weekday()
            ),
            30 => format!("Posts tagged `#{place}Floods` spread quickly on social media."),
            31 => format!("Security forces said they had reopened the checkpoint outside {place}."),
            32 => {
                let who = self.person(rng);
                format!(
                    "{who} told reporters in {place} that {}.",
                    rng.pick(CLAUSES)
                )
            }
            33 => format!(
                "The U.N. Security Council is due to discuss the crisis on {}.",
                self.day.weekday()
            ),
            34 => format!(
                "Electricity was restored to parts of {place} late on {}, the utility company said.",
                self.day.weekday()
            ),
            35 => {
                let fig = self.figure(rng, "wounded");
                format!("Hospitals in {place} said they were treating {fig}.")
            }
            36 => format!(
                "Officials estimated the damage at more than ${} million.",
                rng.range(2, 400)
            ),
            37 => format!(
                "The currency has lost {} percent of its value this year.",
                rng.range(5, 70)
            ),
            38 => {
                let seats = rng.range(100, 400);
                format!(
                    "The opposition, which holds {} of the {seats} seats in parliament, called for a vote of no confidence.",
                    rng.range(20, seats / 2)
                )
            }
            39 => format!(
                "Some {} families were sheltering in schools and mosques, according to the local council.",
                commas(rng.range(50, 9000))
            ),
            40 => format!(
                "It was the deadliest attack in {place} since {}.",
                rng.range(1995, 2022)
            ),
            41 => {
                "Rescuers worked through the night, some digging with their bare hands.".to_string()
            }
            42 => format!(
                "More than half of the city's {} bakeries have closed.",
                rng.range(20, 300)
            ),
            43 => {
                let who = self.person(rng);
                format!(
                    "{who} is expected to visit {} later this month.",
                    self.other_place(rng)
                )
            }
            44 => "The government has denied the allegation and called it propaganda.".to_string(),
            45 => format!(
                "Prices for bread and fuel have doubled since {}, traders said.",
                self.day.month_name()
            ),
            46 => format!(
                "The United Nations says more than {}.{} million people need aid in the region.",
                rng.range(1, 9),
                rng.range(1, 9)
            ),
            47 => format!(
                "Thousands of people marched through {place} on {}, calling for {}.",
                self.day.weekday(),
                rng.pick(&[
                    "the release of detainees",
                    "early elections",
                    "an end to the siege",
                    "higher wages"
                ])
            ),
            48 => format!(
                "Schools in {place} will reopen on {}, the education ministry said.",
                self.day.weekday()
            ),
            _ => format!(
                "The situation in {place} remained tense on {}, with shops shuttered and few cars on the streets.",
                self.day.weekday()
            ),
        }
    }

    fn headline(&mut self, rng: &mut Rng) -> String {
        let place = self.place().to_string();
        match rng.below(5) {
            0 => format!(
                "At least {} killed in {} in {place}",
                rng.range(3, 90),
                rng.pick(EVENTS)
            ),
            1 => {
                let (_, adj) = self.country();
                format!("{adj} government vows to {}", rng.pick(ACTIONS))
            }
            2 => format!("{place} residents count the cost of {}", rng.pick(EVENTS)),
            3 => format!("Talks on {} stall in {place}", rng.pick(TOPICS)),
            _ => format!(
                "Aid reaches {place} after weeks of {}",
                rng.pick(&["fighting", "flooding", "shelling"])
            ),
        }
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// One news draft of about `target` bytes.
pub fn draft(world: &World, rng: &mut Rng, target: usize) -> String {
    let (first, last) = corpus_span();
    let day = Day::random(rng, first, last);
    let mut cx = Ctx {
        world,
        day,
        place: rng.below(world.places.len()),
        people: Vec::new(),
        claim_left: rng.chance(0.1),
    };
    let headline = cx.headline(rng);
    let mut out = String::with_capacity(target + 1024);
    let _ = write!(
        out,
        "---\ntitle: {}\ndate: {day}\n---\n\n# {headline}\n\n",
        toml_str(&headline)
    );
    let paragraphs = rng.range(6, 15) as usize;
    let per_paragraph = target.saturating_sub(out.len()) / paragraphs;
    let list_at = if rng.chance(0.3) {
        rng.range(2, paragraphs as u64 - 1) as usize
    } else {
        usize::MAX
    };
    let quote_at = if rng.chance(0.2) {
        rng.range(2, paragraphs as u64 - 1) as usize
    } else {
        usize::MAX
    };
    for i in 0..paragraphs {
        let start = out.len();
        if i == list_at {
            out.push_str("Key developments so far:\n\n");
            for _ in 0..rng.range(3, 6) {
                let _ = writeln!(out, "- {}", cap(&cx.sentence(rng)));
            }
            out.push('\n');
            continue;
        }
        if i == quote_at {
            let _ = writeln!(
                out,
                "> “{}.” — statement from the {} government\n",
                rng.pick(QUOTES),
                cx.country().1
            );
        }
        if i == 0 {
            let _ = write!(
                out,
                "{}, {} {} — ",
                cx.place().to_uppercase(),
                day.ap_month(),
                day.d
            );
        }
        for n in 0..40 {
            if n > 0 {
                out.push(' ');
            }
            out.push_str(&cap(&cx.sentence(rng)));
            if out.len() - start >= per_paragraph {
                break;
            }
        }
        out.push_str("\n\n");
    }
    out.pop();
    out
}
