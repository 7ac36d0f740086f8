//! The figure checks' lexicons, compiled once. Every word of every lexicon
//! gets an id in one [`Vocab`]; a draft's tokens are looked up there once,
//! and each lexicon is then a bit set of ids plus a table of phrases, so
//! matching a token is a bit test. Every word comes from the rule pack
//! (`rules/figures.toml`); none is written in the code.

use super::tokens::{TokKind, Tokens, UNKNOWN, is_ascii_alnum};
use crate::rules::Pack;
use std::collections::HashMap;

/// Every lowercase word of every lexicon, with an id.
///
/// An open-addressing table whose slots hold the word's bytes inline (up
/// to [`INLINE`] bytes), so that a look-up, which happens once per token of
/// every sentence that may hold a figure, is one hash and a compare of two
/// 16-byte keys, with no pointer to follow (a `HashMap<String, _>` look-up
/// dominated the profile). Longer words go to a small side map.
#[derive(Clone, Debug)]
pub struct Vocab {
    slots: Vec<Slot>,
    /// `slots.len() - 1` (a power of two minus one).
    mask: usize,
    long: HashMap<String, u32>,
    count: u32,
    /// The longest word, in bytes: a longer token is in no lexicon.
    max_len: usize,
}

/// The bytes a slot keeps inline.
const INLINE: usize = 16;

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// The word as [`inline_key`] reads it; `len == 0` marks an empty slot.
    key: (u64, u64),
    len: u32,
    id: u32,
}

impl Default for Vocab {
    fn default() -> Vocab {
        Vocab {
            slots: vec![Slot::default(); 64],
            mask: 63,
            long: HashMap::new(),
            count: 0,
            max_len: 0,
        }
    }
}

/// A word of 1 to [`INLINE`] bytes as two numbers, read without a copy:
/// two eight-byte (or four-byte) words that may overlap, or the first,
/// middle and last byte. Among words of one length, the key covers every
/// byte, so equal keys mean equal words.
#[inline]
fn inline_key(w: &[u8]) -> (u64, u64) {
    let n = w.len();
    let u64_at = |i: usize| u64::from_le_bytes(w[i..i + 8].try_into().expect("eight bytes"));
    let u32_at = |i: usize| {
        u64::from(u32::from_le_bytes(
            w[i..i + 4].try_into().expect("four bytes"),
        ))
    };
    if n >= 8 {
        (u64_at(0), u64_at(n - 8))
    } else if n >= 4 {
        (u32_at(0), u32_at(n - 4))
    } else {
        (
            u64::from(w[0]) | u64::from(w[n / 2]) << 8 | u64::from(w[n - 1]) << 16,
            0,
        )
    }
}

/// A multiplicative hash of a key and its length.
#[inline]
fn slot_hash((lo, hi): (u64, u64), len: usize) -> usize {
    let h = (lo ^ (len as u64) << 56).wrapping_mul(0xf135_7aea_2e62_a9c5)
        ^ hi.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h ^ (h >> 32)) as usize
}

impl Vocab {
    #[inline]
    pub fn id(&self, lower: &str) -> u32 {
        let len = lower.len();
        if len > self.max_len || len == 0 {
            return UNKNOWN;
        }
        if len > INLINE {
            return self.long.get(lower).copied().unwrap_or(UNKNOWN);
        }
        let key = inline_key(lower.as_bytes());
        let mut i = slot_hash(key, len) & self.mask;
        loop {
            let slot = &self.slots[i];
            if slot.len == 0 {
                return UNKNOWN;
            }
            if slot.len as usize == len && slot.key == key {
                return slot.id;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The id of a draft's word: a word in capitals of two or more
    /// characters (`WHO` the agency, given as `capitals`) as written if the
    /// vocabulary has it, else its lower case.
    #[inline]
    pub fn id_as_written(&self, lower: &str, capitals: Option<&str>) -> u32 {
        match capitals.map(|w| self.id(w)) {
            Some(id) if id != UNKNOWN => id,
            _ => self.id(lower),
        }
    }

    /// The id of the word in capitals whose lowercase is `lower`
    /// (`who` → `WHO`), if it is one.
    pub fn id_in_capitals(&self, lower: &str) -> u32 {
        let mut buf = [0u8; 32];
        let Some(b) = buf.get_mut(..lower.len()) else {
            return UNKNOWN;
        };
        b.copy_from_slice(lower.as_bytes());
        b.make_ascii_uppercase();
        std::str::from_utf8(b).map_or(UNKNOWN, |w| self.id(w))
    }

    fn add(&mut self, lower: &str) -> u32 {
        let id = self.id(lower);
        if id != UNKNOWN {
            return id;
        }
        let id = self.count;
        self.count += 1;
        self.max_len = self.max_len.max(lower.len());
        if lower.len() > INLINE {
            self.long.insert(lower.to_string(), id);
        } else if !lower.is_empty() {
            // At most a quarter full: probes stay short.
            if 4 * (self.count as usize) > self.slots.len() {
                self.grow();
            }
            self.place(lower.as_bytes(), id);
        }
        id
    }

    fn place(&mut self, word: &[u8], id: u32) {
        let key = inline_key(word);
        let mut i = slot_hash(key, word.len()) & self.mask;
        while self.slots[i].len != 0 {
            i = (i + 1) & self.mask;
        }
        self.slots[i] = Slot {
            key,
            len: word.len() as u32,
            id,
        };
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        self.mask = self.slots.len() - 1;
        for slot in old.iter().filter(|s| s.len != 0) {
            let mut i = slot_hash(slot.key, slot.len as usize) & self.mask;
            while self.slots[i].len != 0 {
                i = (i + 1) & self.mask;
            }
            self.slots[i] = *slot;
        }
    }
}

/// The entries of pack lexicon `name`, each as its words (see
/// [`entry_words`]).
fn pack_entries(pack: &Pack, name: &str, scratch: &mut Tokens) -> Vec<Vec<String>> {
    pack.words(name)
        .iter()
        .map(|w| entry_words(w, scratch))
        .collect()
}

/// Splits a lexicon entry the way drafts are split, so `per cent`, `a.m.`
/// and `al-Shabab` match their tokens.
///
/// A word in capitals (`WHO`, `IDF`) keeps them: it is its own word, which
/// only a token in capitals matches, so the agency is not the pronoun.
fn entry_words(entry: &str, scratch: &mut Tokens) -> Vec<String> {
    scratch.tokenize(entry, 0, None);
    (0..scratch.len())
        .map(|i| {
            if scratch.in_capitals(i) {
                entry[scratch.toks[i].span.clone()].to_string()
            } else {
                scratch.low(i).to_string()
            }
        })
        .collect()
}

#[derive(Clone, Debug, Default)]
struct Bits(Vec<u64>);

impl Bits {
    fn set(&mut self, id: u32) {
        let (w, b) = (id as usize / 64, id % 64);
        if self.0.len() <= w {
            self.0.resize(w + 1, 0);
        }
        self.0[w] |= 1 << b;
    }

    #[inline]
    fn get(&self, id: u32) -> bool {
        self.0
            .get(id as usize / 64)
            .is_some_and(|w| w & (1 << (id % 64)) != 0)
    }

    fn union(&mut self, other: &Bits) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (w, o) in self.0.iter_mut().zip(&other.0) {
            *w |= o;
        }
    }
}

/// A lexicon of words and phrases, matched case-insensitively on tokens.
#[derive(Clone, Debug, Default)]
pub struct Lex {
    /// Ids of the one-word entries.
    single: Bits,
    /// Ids that start an entry of several words.
    starts: Bits,
    /// Entries of several words, grouped by their first id, longest first.
    phrases: Vec<Vec<Vec<u32>>>,
    /// The group in `phrases` of a first id (indexed by id; a plain array,
    /// as the vocabulary is small and look-ups are hot).
    group: Vec<u32>,
    /// Let one adverb in `-ly` stand between the words of a phrase.
    adverbs: bool,
}

impl Lex {
    fn new(entries: &[Vec<String>], vocab: &mut Vocab, adverbs: bool) -> Lex {
        let mut lex = Lex {
            adverbs,
            ..Lex::default()
        };
        let mut phrases: std::collections::BTreeMap<u32, Vec<Vec<u32>>> = Default::default();
        for words in entries {
            let ids: Vec<u32> = words.iter().map(|w| vocab.add(w)).collect();
            match ids.len() {
                0 => {}
                1 => lex.single.set(ids[0]),
                _ => {
                    lex.starts.set(ids[0]);
                    phrases.entry(ids[0]).or_default().push(ids);
                }
            }
        }
        for (first, mut v) in phrases {
            v.sort_by_key(|p| std::cmp::Reverse(p.len()));
            v.dedup();
            if lex.group.len() <= first as usize {
                lex.group.resize(first as usize + 1, 0);
            }
            lex.group[first as usize] = lex.phrases.len() as u32;
            lex.phrases.push(v);
        }
        lex
    }

    /// Adds the ids that start an entry (of one word or more) to `bits`.
    fn starting_ids(&self, bits: &mut Bits) {
        bits.union(&self.single);
        bits.union(&self.starts);
    }

    /// Whether token `i` alone is an entry.
    #[inline]
    pub fn word(&self, t: &Tokens, i: usize) -> bool {
        let id = t.id(i);
        id != UNKNOWN && self.single.get(id)
    }

    /// Whether `lower` (one word) is an entry, in lower case or (`isis`
    /// for `ISIS`) in capitals.
    pub fn has(&self, vocab: &Vocab, lower: &str) -> bool {
        [vocab.id(lower), vocab.id_in_capitals(lower)]
            .into_iter()
            .any(|id| id != UNKNOWN && self.single.get(id))
    }

    /// The end (exclusive token index) of the longest entry starting at
    /// token `i`.
    ///
    /// Inlined for its first test, which turns away most tokens; the
    /// phrases are read out of line.
    #[inline]
    pub fn at(&self, t: &Tokens, i: usize) -> Option<usize> {
        let id = t.id(i);
        if id == UNKNOWN {
            return None;
        }
        if self.starts.get(id) {
            return self.phrase_at(t, i, id);
        }
        self.single.get(id).then_some(i + 1)
    }

    /// [`Lex::at`] for a token that starts a phrase.
    #[inline(never)]
    fn phrase_at(&self, t: &Tokens, i: usize, id: u32) -> Option<usize> {
        'entry: for p in &self.phrases[self.group[id as usize] as usize] {
            let mut j = i + 1;
            for &w in &p[1..] {
                if t.id(j) == w {
                    j += 1;
                } else if self.adverbs && t.id(j + 1) == w && t.low(j).ends_with("ly") {
                    j += 2;
                } else {
                    continue 'entry;
                }
            }
            return Some(j);
        }
        self.single.get(id).then_some(i + 1)
    }

    /// The longest entry ending at token `end` (exclusive), as its start.
    pub fn ending_at(&self, t: &Tokens, end: usize, max_words: usize) -> Option<usize> {
        (end.saturating_sub(max_words)..end).find(|&s| self.at(t, s) == Some(end))
    }

    /// The first entry inside tokens `from..to`, as a token range; hyphenated
    /// words are also tried part by part (`Hamas-run` holds `Hamas`).
    pub fn find_in(
        &self,
        vocab: &Vocab,
        t: &Tokens,
        from: usize,
        to: usize,
    ) -> Option<(usize, usize)> {
        for i in from..to.min(t.len()) {
            if let Some(e) = self.at(t, i).filter(|&e| e <= to) {
                return Some((i, e));
            }
            if t.kind(i) == Some(TokKind::Word)
                && t.toks[i].hyphen
                && t.low(i).split('-').any(|p| self.has(vocab, p))
            {
                return Some((i, i + 1));
            }
        }
        None
    }
}

/// Every lexicon the figure checks use.
#[derive(Clone, Debug)]
pub struct Lexicons {
    pub vocab: Vocab,
    /// Source words the pack writes in lowercase (`army`, `residents`): a
    /// message lowercases them after a capital that only opens a sentence.
    pub common_nouns: std::collections::HashSet<String>,
    pub number_words: Lex,
    pub range_words: Lex,
    pub range_links: Lex,
    pub range_links_alone: Lex,
    pub one_words: Lex,
    pub fractions: Lex,
    pub scale_words: Lex,
    pub vague: Lex,
    pub qualifiers: Lex,
    /// Qualifiers that are also prepositions before a year (`over 2008`).
    pub year_qualifiers: Lex,
    pub percent: Lex,
    pub currency_symbols: Lex,
    pub dollar_prefixes: Lex,
    pub currency_codes: Lex,
    pub currency_words: Lex,
    pub people: Lex,
    pub group_nouns: Lex,
    pub continuations: Lex,
    pub casualty_nouns: Lex,
    pub casualty_heads: Lex,
    pub weapons: Lex,
    pub modifiers: Lex,
    pub casualty_words: Lex,
    pub casualty_verbs: Lex,
    pub casualty_states: Lex,
    /// Verbs whose object is people whatever noun names them (`kills three
    /// Somali ministers`).
    pub killing_verbs: Lex,
    pub auxiliaries: Lex,
    /// `of`/`among` opening a share of the casualties (`Of the dead, seven
    /// were children`).
    pub share_openers: Lex,
    pub toll_nouns: Lex,
    pub toll_plurals: Lex,
    pub scaled_currency_words: Lex,
    pub share_links: Lex,
    /// Words before a bare count that compare it with the figure before
    /// (`down from`).
    pub comparison_links: Lex,
    /// Police who tell of those they killed (`officers killed nine gang
    /// members`), and the verbs they tell it with.
    pub police_forces: Lex,
    pub police_kill_verbs: Lex,
    /// Military ranks: one in a source with no class speaks for a party
    /// (`Lt. Col. Mario Sison said`), unless the source is police.
    pub military_ranks: Lex,
    /// A force's commanders and units: with the police named, they speak
    /// for the police (`the district police commander`), not a party.
    pub force_units: Lex,
    /// Peacekeepers, and the names of the U.N. whose peacekeepers are no
    /// party (`UNIFIL said two of its peacekeepers were wounded`).
    pub peacekeeping_words: Lex,
    pub un_names: Lex,
    /// Media that `official` and a nationality make state media (`the
    /// official Palestinian news agency`), and the words like `official`.
    pub official_media: Lex,
    pub official_words: Lex,
    /// Quantifiers that make a plural speech noun after them the noun
    /// (`many reports`, `several estimates`).
    pub noun_quantifiers: Lex,
    /// The nouns of a force's own dead that make police counting them a
    /// party in a conflict (`10 policemen`, `two soldiers`).
    pub force_nouns: Lex,
    pub armed_fighting: Lex,
    /// Pronouns for one person, which stand for no plural source (`she
    /// said` after `monitors said`).
    pub singular_pronouns: Lex,
    /// People who, after `a` and an age, are private persons (`A
    /// 47-year-old woman said`): witnesses.
    pub private_persons: Lex,
    /// Words that open a phrase before a sentence's subject (`In a
    /// statement ..., the spokesman called`).
    pub opening_prepositions: Lex,
    /// Words that open a clause telling of an occasion (`the first time
    /// an official has acknowledged ...`).
    pub occasion_openers: Lex,
    /// `where` and `when` opening a clause inside a subject.
    pub relative_adverbs: Lex,
    pub source_count_openers: Lex,
    pub partitive_pronouns: Lex,
    pub count_nouns: Lex,
    pub toll_verbs: Lex,
    pub months: Lex,
    pub time_words: Lex,
    pub age_cues: Lex,
    pub age_after: Lex,
    pub name_prefixes: Lex,
    /// Words before a number that make it a reading on a scale
    /// (`magnitude 6.6`).
    pub reading_scales: Lex,
    /// Lowercase particles of personal names (`al-Mutairi`, `bin Salman`).
    pub name_particles: Lex,
    pub source_count_cues: Lex,
    pub function_words: Lex,
    pub determiners: Lex,
    pub speech_verbs: Lex,
    /// `which`/`who` after a comma, speaking for the phrase before it.
    pub relative_pronouns: Lex,
    /// Speech verbs in phrases that report nothing (`12 men accused of
    /// spying`).
    pub non_reports: Lex,
    /// `with` opening an absolute phrase (`With 90 percent of the votes
    /// counted,`).
    pub absolute_openers: Lex,
    pub attribution_phrases: Lex,
    pub per_word: Lex,
    pub not_subject: Lex,
    pub transparent: Lex,
    pub clause_openers: Lex,
    pub coordinators: Lex,
    pub coordinated_verbs: Lex,
    pub participle_links: Lex,
    pub heading_separators: Lex,
    pub heading_clause_marks: Lex,
    pub source_nouns: Lex,
    pub pointer_nouns: Lex,
    pub role_nouns: Lex,
    /// Words between `the` and a noun that refers back (`the same
    /// officials`).
    pub reference_links: Lex,
    /// Nouns that `the` makes a reference to an earlier state outlet
    /// whose name does not hold them (`the newspaper` after `the
    /// state-run Global New Light of Myanmar`).
    pub media_references: Lex,
    /// Lowercase words inside a name an acronym spells (`Movement for
    /// Democratic Change`).
    pub acronym_links: Lex,
    /// Verbs that do not end in `-ed` and may end a sentence's opening
    /// subject (`The Defense Ministry gave ...`).
    pub common_verbs: Lex,
    pub pointer_openers: Lex,
    pub pointer_links: Lex,
    pub pointer_verbs: Lex,
    /// Words that make a section of a draft a conflict's: state media
    /// need a caveat only there.
    pub conflict_words: Lex,
    /// Words before a conflict word that put the conflict elsewhere
    /// (`fleeing war`).
    pub flight_words: Lex,
    /// Words of fighting in a figure's sentence: a party's figure with one
    /// needs a caveat wherever it stands.
    pub fighting_words: Lex,
    /// A lone attacker: a government's figure of its victims is a crime's
    /// toll, not a party's.
    pub lone_attackers: Lex,
    /// Nouns of moving or freeing people: a count after one and `of` is
    /// not of the dead and hurt (`the evacuation of 86 patients`).
    pub movement_nouns: Lex,
    /// Words after a casualty figure that count both sides' losses (`killed
    /// or wounded on both sides`).
    pub both_sides: Lex,
    /// Words of a disaster or an accident: a party's figure of its dead,
    /// with no conflict word beside them, is no claim of fighting.
    pub disaster_words: Lex,
    /// Words of a reported count between a bare count and its casualty
    /// word (`nine were reported killed`, `18,000 were listed as missing`).
    pub casualty_links: Lex,
    /// What only people suffer: after a count and a noun no lexicon names,
    /// they make the count one of people (`20 traders were killed`).
    pub people_states: Lex,
    /// Verbs right before a count of people that make it one of the dead
    /// and hurt (`lost 220 soldiers`).
    pub loss_verbs: Lex,
    /// Words before a past participle that make it a verb with an object
    /// (`had locked`, `and freed`).
    pub verb_leads: Lex,
    /// Words after `by` that make it a time, not an agent (`by the end
    /// of October`).
    pub agent_times: Lex,
    /// Cues of a source that another relays (`citing`, `quoting`).
    pub relay_cues: Lex,
    /// Pronouns that stand for the person a sentence before quoted.
    pub person_pronouns: Lex,
    /// Passive reports whose subject speaks (`was quoted as saying`).
    pub passive_speech: Lex,
    /// What ends a passive report with an agent (`was quoted by Reuters
    /// as saying`).
    pub passive_agent_tails: Lex,
    /// Participles that take `by` and a source after a time (`released
    /// Monday by`).
    pub pointer_passives: Lex,
    /// Words that make a subject nobody (`No group claimed ...`).
    pub negative_subjects: Lex,
    /// Words before a speech verb's subject that make its clause a
    /// comparison (`short of what economists had forecast`).
    pub comparison_openers: Lex,
    /// Speech verbs that, with a count right after them, take in rather
    /// than report (`the center admitted 1,140 children`).
    pub admission_verbs: Lex,
    pub non_report_leads: Lex,
    pub trend_verbs: Lex,
    pub org_members: Lex,
    pub life_nouns: Lex,
    /// Verbs that take the lives a count of lexicon `figure-life-nouns`
    /// counts (`claimed 19 lives`, `cost 40 lives`).
    pub life_takers: Lex,
    pub participle_openers: Lex,
    pub membership_verbs: Lex,
    pub member_links: Lex,
    /// Words before the names of sources (`news sources including CNN`).
    pub naming_links: Lex,
    /// Forms of `be` before a speech verb's present participle (`is
    /// confirming`).
    pub be_forms: Lex,
    /// Words of a time at the end of a source phrase (`the army Thursday`).
    pub source_times: Lex,
    pub own_work_nouns: Lex,
    /// Speech verbs that report only with `that` after them (`declared
    /// that`, not `declared a state of emergency`).
    pub that_verbs: Lex,
    pub at_verbs: Lex,
    /// The forms of `have`: a speech noun after one is the noun (`have
    /// claims outstanding`).
    pub have_forms: Lex,
    /// Verbs that carry a toll to a number after a bare `at` or `to`.
    pub toll_movers: Lex,
    /// Words before a rate's base, which is no figure.
    pub rate_bases: Lex,
    /// Nationalities (the titles check's lexicon `title-nationalities`):
    /// `Ukrainian officials` speak for a government.
    pub nationalities: Lex,
    /// Nationalities of no single state (`U.N.`, `European`).
    pub not_states: Lex,
    /// Officials that a nationality before them makes a government's.
    pub state_officials: Lex,
    /// Words before an office that say its holder has left it (`former`).
    pub past_holders: Lex,
    /// Words after a speech verb that make its speaker anonymous (`said
    /// on condition of anonymity`).
    pub anonymity_cues: Lex,
    /// Words after a speech verb that make its speaker a witness (`said
    /// he had seen`).
    pub witness_cues: Lex,
    /// Words that join two nouns of one subject (`Residents and the
    /// village head said`).
    pub noun_coordinators: Lex,
    /// Pronouns before a witness cue that make the speaker the witness.
    pub witness_subjects: Lex,
    /// Words in a quotation that make its speaker a witness (`"I counted
    /// 15 bodies myself," he said`).
    pub quote_witness_cues: Lex,
    /// Words that describe a quotation's speaker as a responder or an
    /// official, not a witness (`a rescue worker`).
    pub responder_roles: Lex,
    pub own_possessives: Lex,
    /// Speech verbs that open a pointer back whatever follows them
    /// (`The ministry said most were children.`).
    pub pointer_speech_verbs: Lex,
    /// Nouns that count people only in a sentence of casualties
    /// (`12 members of one family died`).
    pub casualty_people: Lex,
    /// Nouns for attackers, casualties only with a casualty word beside
    /// them (`40 gunmen were killed`).
    pub perpetrator_nouns: Lex,
    /// Speech verbs that are also nouns (`the original estimate`).
    pub speech_nouns: Lex,
    /// Endings of adjectives before a plural speech noun (`original
    /// estimates`), lowercase.
    pub adjective_endings: Vec<String>,
    pub age_suffixes: Vec<String>,
    /// Words that open a clause of contrast (`, while`).
    pub contrast_openers: Lex,
    /// Possessives that with a role stand for an earlier source (`Its
    /// spokesman`).
    pub role_possessives: Lex,
    /// Possessives after `the` that, before a role, stand for the source
    /// of the sentence before (`the group's spokesman`).
    pub reference_possessives: Lex,
    /// Words between a figure and a count of where its people come from
    /// (`28 people from three families`).
    pub origin_words: Lex,
    /// Words of a time between a pointer's participle and `by`
    /// (`published two years later by`).
    pub time_adverbs: Lex,
    /// Units of time and measure (`six years`).
    pub unit_nouns: Lex,
    /// Prepositions that say where a speaker posted (`wrote on Facebook`).
    pub media_prepositions: Lex,
    /// Countries, which alone as a source speak as their government.
    pub countries: Lex,
    pub capitals: Lex,
    /// Determiners of people told of already (`the two nurses`).
    pub known_determiners: Lex,
    /// Speech verbs that take the hearer as object (`told VOA`).
    pub object_verbs: Lex,
    /// Verbs that report only with a document as subject (`The survey
    /// found`), and the documents.
    pub finding_verbs: Lex,
    /// Bodies that a state runs and that are no media (`a state-run
    /// hospital`).
    pub state_run_bodies: Lex,
    /// Verbs that report only with a source as subject (`The observatory
    /// recorded`, not `Colorado recorded`).
    pub tally_verbs: Lex,
    pub document_nouns: Lex,
    /// Messages a speaker issues (`in a statement posted online`): a
    /// speech verb right after one, inside a phrase, is a participle.
    pub message_nouns: Lex,
    /// Particles of phrasal verbs (`call up`, `pull out`).
    pub verb_particles: Lex,
    /// Public bodies that speak as themselves on their own social-media
    /// accounts (`The ombudsman's office said on Twitter`).
    pub official_accounts: Lex,
    /// Words of a `which` clause that tie a body to a party (`which is run
    /// by the Houthis`).
    pub affiliations: Lex,
    /// The source classes that need a caveat, in the order they are tried.
    pub sources: Vec<(SourceClass, Lex)>,
    pub caveats: Lex,
    pub negated_caveats: Lex,
    pub negations: Lex,
    /// The prefilter: a sentence with none of its words and marks and no
    /// digit cannot hold a figure.
    pub prefilter: FigureFilter,
    /// The first word of every conflict word: a paragraph without one holds
    /// none, and is not tokenized to look.
    pub conflict_filter: FigureFilter,
    /// The first word of every fighting and conflict word, and of every
    /// lone attacker: a sentence without one of them tells of neither and
    /// is not tokenized to look. `None` when an entry is not ASCII (then
    /// every sentence is read).
    pub fighting_filter: Option<FigureFilter>,
    pub lone_filter: Option<FigureFilter>,
    /// Every entry of lexicon `figure-source-authority`, ASCII lowercased,
    /// to find where a draft names one. `None` if the automaton cannot be
    /// built (then every place is read).
    pub authority_filter: Option<aho_corasick::AhoCorasick>,
    /// The last word of every caveat and negated caveat: a stretch of prose
    /// without one of them holds no caveat. `None` when a word is not ASCII
    /// (then every stretch is read). See [`caveat_filter`].
    pub caveat_filter: Option<aho_corasick::AhoCorasick>,
    /// The most tokens a caveat or negated caveat spans, adverbs included.
    pub caveat_reach: usize,
    /// The ids of every word that can open a figure (see
    /// [`Lexicons::may_start_figure`]).
    figure_starts: Bits,
    /// The entries of lexicon `figure-source-monitors` the pack writes
    /// with a capital: monitors by name (`HRANA`, `ACLED`).
    pub named_monitors: Lex,
    /// Words of people driven from their homes (`displaced`, `fled`).
    pub displacement: Lex,
    /// These lexicons again with the casualty words that are displacement
    /// words left out: the finder reads a sentence with them to tell a
    /// casualty figure of spec section 3 (the killed, hurt and missing)
    /// from a count of the displaced, which section 2 counts as a figure
    /// but section 3 does not ask to caveat. `None` in that copy itself.
    pub displacement_blind: Option<Box<Lexicons>>,
}

/// A kind of source whose casualty figures need a caveat.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceClass {
    Party,
    StateMedia,
    Authority,
    Monitors,
    Anonymous,
    Witnesses,
    SocialMedia,
    /// A government or a military alliance: a party only where the draft
    /// tells of a conflict.
    Government,
}

impl SourceClass {
    /// How a message describes the class.
    pub fn describe(self) -> &'static str {
        match self {
            SourceClass::Party => "a party to the conflict",
            SourceClass::StateMedia => "state media",
            SourceClass::Authority => "an authority run by a party to the conflict",
            SourceClass::Monitors => "activists or monitors",
            SourceClass::Anonymous => "a local or anonymous source",
            SourceClass::Witnesses => "witnesses or residents",
            SourceClass::SocialMedia => "social media",
            SourceClass::Government => "a government or alliance that is a party to the conflict",
        }
    }
}

impl Lexicons {
    pub fn new(pack: &Pack) -> Lexicons {
        let mut vocab = Vocab::default();
        let mut scratch = Tokens::default();
        let mut lex = |name: &str, adverbs: bool| {
            // A name with a `:` is another check's lexicon, used whole
            // (`title:nationalities`).
            let full = match name.split_once(':') {
                Some((kind, rest)) => format!("{kind}-{rest}"),
                None => format!("figure-{name}"),
            };
            Lex::new(
                &pack_entries(pack, &full, &mut scratch),
                &mut vocab,
                adverbs,
            )
        };
        let mut common_nouns = std::collections::HashSet::new();
        for name in [
            "source-party",
            "source-state-media",
            "source-monitors",
            "source-anonymous",
            "source-witnesses",
            "source-nouns",
            "role-nouns",
        ] {
            for w in pack.words(&format!("figure-{name}")) {
                for part in w
                    .split_whitespace()
                    .filter(|p| !p.chars().any(char::is_uppercase))
                {
                    common_nouns.insert(part.to_string());
                }
            }
        }
        let mut pre: Vec<&str> = Vec::new();
        for name in [
            "number-words",
            "vague-counts",
            "currency-symbols",
            "currency-codes",
            "currency-words",
        ] {
            pre.extend(
                pack.words(&format!("figure-{name}"))
                    .iter()
                    .map(String::as_str),
            );
        }
        // One word of a phrase is enough to say "maybe": the last, which
        // counts (`a few dozen`, `tens of thousands`).
        let prefilter =
            FigureFilter::new(pre.iter().filter_map(|w| w.split_whitespace().next_back()));
        let (caveat_filter, caveat_reach) = caveat_filter(pack, &mut Tokens::default());
        let conflict_filter = FigureFilter::new(
            pack.words("figure-conflict-words")
                .iter()
                .map(String::as_str),
        );
        // The filters read text lowercased in ASCII only.
        let ascii_filter = |names: &[&str]| {
            let words: Vec<String> = names
                .iter()
                .flat_map(|name| pack.words(&format!("figure-{name}")).iter())
                .map(|w| w.to_ascii_lowercase())
                .collect();
            words
                .iter()
                .all(|w| w.is_ascii())
                .then(|| FigureFilter::new(words.iter().map(String::as_str)))
        };
        let fighting_filter = ascii_filter(&["fighting-words", "conflict-words"]);
        let lone_filter = ascii_filter(&["lone-attackers"]);
        let authority_filter = aho_corasick::AhoCorasick::new(
            pack.words("figure-source-authority")
                .iter()
                .map(|w| w.to_ascii_lowercase()),
        )
        .ok();
        let mut lex = Lexicons {
            number_words: lex("number-words", false),
            range_words: lex("range-words", false),
            range_links: lex("range-links", false),
            range_links_alone: lex("range-links-alone", false),
            one_words: lex("one-words", false),
            fractions: lex("fraction-words", false),
            scale_words: lex("scale-words", false),
            vague: lex("vague-counts", false),
            qualifiers: lex("qualifiers", false),
            year_qualifiers: lex("year-qualifiers", false),
            percent: lex("percent-words", false),
            currency_symbols: lex("currency-symbols", false),
            dollar_prefixes: lex("dollar-prefixes", false),
            currency_codes: lex("currency-codes", false),
            currency_words: lex("currency-words", false),
            people: lex("people", false),
            group_nouns: lex("group-nouns", false),
            continuations: lex("count-continuations", false),
            casualty_nouns: lex("casualty-nouns", false),
            casualty_heads: lex("casualty-heads", false),
            weapons: lex("weapons", false),
            modifiers: lex("head-modifiers", false),
            casualty_words: lex("casualty-words", false),
            casualty_verbs: lex("casualty-verbs", false),
            casualty_states: lex("casualty-states", false),
            killing_verbs: lex("killing-verbs", false),
            auxiliaries: lex("auxiliaries", false),
            share_openers: lex("share-openers", false),
            toll_nouns: lex("toll-nouns", false),
            toll_plurals: lex("toll-plurals", false),
            scaled_currency_words: lex("scaled-currency-words", false),
            share_links: lex("share-links", false),
            comparison_links: lex("comparison-links", false),
            police_forces: lex("police-forces", false),
            police_kill_verbs: lex("police-kill-verbs", false),
            military_ranks: lex("military-ranks", false),
            force_units: lex("force-units", false),
            peacekeeping_words: lex("peacekeeping-words", false),
            un_names: lex("un-names", false),
            official_media: lex("official-media", false),
            official_words: lex("official-words", false),
            noun_quantifiers: lex("noun-quantifiers", false),
            force_nouns: lex("force-nouns", false),
            armed_fighting: lex("armed-fighting-words", false),
            singular_pronouns: lex("singular-pronouns", false),
            private_persons: lex("private-persons", false),
            opening_prepositions: lex("opening-prepositions", false),
            occasion_openers: lex("occasion-openers", false),
            relative_adverbs: lex("relative-adverbs", false),
            source_count_openers: lex("source-count-openers", false),
            partitive_pronouns: lex("partitive-pronouns", false),
            count_nouns: lex("count-nouns", false),
            toll_verbs: lex("toll-verbs", false),
            months: lex("months", false),
            time_words: lex("time-words", false),
            age_cues: lex("age-cues", false),
            age_after: lex("age-after", false),
            name_prefixes: lex("name-prefixes", false),
            reading_scales: lex("reading-scales", false),
            name_particles: lex("name-particles", false),
            source_count_cues: lex("source-count-cues", false),
            function_words: lex("function-words", false),
            determiners: lex("determiners", false),
            speech_verbs: lex("speech-verbs", false),
            relative_pronouns: lex("relative-pronouns", false),
            non_reports: lex("non-reports", false),
            absolute_openers: lex("absolute-openers", false),
            attribution_phrases: lex("attribution-phrases", false),
            per_word: lex("per-word", false),
            not_subject: lex("not-subject", false),
            transparent: lex("transparent", false),
            clause_openers: lex("clause-openers", false),
            coordinators: lex("coordinators", false),
            coordinated_verbs: lex("coordinated-verbs", false),
            participle_links: lex("participle-links", false),
            heading_separators: lex("heading-separators", false),
            heading_clause_marks: lex("heading-clause-marks", false),
            source_nouns: lex("source-nouns", false),
            pointer_nouns: lex("pointer-nouns", false),
            role_nouns: lex("role-nouns", false),
            reference_links: lex("reference-links", false),
            media_references: lex("media-references", false),
            acronym_links: lex("acronym-links", false),
            common_verbs: lex("common-verbs", false),
            pointer_openers: lex("pointer-openers", false),
            pointer_links: lex("pointer-links", false),
            pointer_verbs: lex("pointer-verbs", false),
            pointer_passives: lex("pointer-passives", false),
            conflict_words: lex("conflict-words", false),
            flight_words: lex("flight-words", false),
            fighting_words: lex("fighting-words", false),
            lone_attackers: lex("lone-attackers", false),
            movement_nouns: lex("movement-nouns", false),
            both_sides: lex("both-sides", false),
            disaster_words: lex("disaster-words", false),
            casualty_links: lex("casualty-links", false),
            people_states: lex("people-states", false),
            loss_verbs: lex("loss-verbs", false),
            verb_leads: lex("verb-leads", false),
            agent_times: lex("agent-times", false),
            relay_cues: lex("relay-cues", false),
            person_pronouns: lex("person-pronouns", false),
            passive_speech: lex("passive-speech", true),
            passive_agent_tails: lex("passive-agent-tails", false),
            negative_subjects: lex("negative-subjects", false),
            comparison_openers: lex("comparison-openers", false),
            admission_verbs: lex("admission-verbs", false),
            non_report_leads: lex("non-report-leads", false),
            trend_verbs: lex("trend-verbs", false),
            org_members: lex("org-members", false),
            life_nouns: lex("life-nouns", false),
            life_takers: lex("life-takers", false),
            participle_openers: lex("participle-openers", false),
            membership_verbs: lex("membership-verbs", false),
            member_links: lex("member-links", false),
            naming_links: lex("naming-links", false),
            be_forms: lex("be-forms", false),
            source_times: lex("source-times", false),
            own_work_nouns: lex("own-work-nouns", false),
            that_verbs: lex("that-verbs", false),
            at_verbs: lex("at-verbs", false),
            have_forms: lex("have-forms", false),
            toll_movers: lex("toll-movers", false),
            rate_bases: lex("rate-bases", false),
            nationalities: lex("title:nationalities", false),
            past_holders: lex("title:status-former", false),
            not_states: lex("not-states", false),
            state_officials: lex("state-officials", false),
            anonymity_cues: lex("anonymity-cues", false),
            witness_cues: lex("witness-cues", false),
            witness_subjects: lex("witness-subjects", false),
            quote_witness_cues: lex("quote-witness-cues", false),
            responder_roles: lex("responder-roles", false),
            noun_coordinators: lex("noun-coordinators", false),
            own_possessives: lex("own-possessives", false),
            pointer_speech_verbs: lex("pointer-speech-verbs", false),
            casualty_people: lex("casualty-people", false),
            perpetrator_nouns: lex("perpetrator-nouns", false),
            speech_nouns: lex("speech-nouns", false),
            adjective_endings: pack
                .words("figure-adjective-endings")
                .iter()
                .map(|e| e.to_lowercase())
                .collect(),
            age_suffixes: pack
                .words("figure-age-suffixes")
                .iter()
                .map(|e| e.to_lowercase())
                .collect(),
            contrast_openers: lex("contrast-openers", false),
            role_possessives: lex("role-possessives", false),
            reference_possessives: lex("reference-possessives", false),
            origin_words: lex("origin-words", false),
            time_adverbs: lex("time-adverbs", false),
            unit_nouns: lex("unit-nouns", false),
            media_prepositions: lex("media-prepositions", false),
            countries: lex("countries", false),
            capitals: lex("capitals", false),
            known_determiners: lex("known-determiners", false),
            object_verbs: lex("object-verbs", false),
            finding_verbs: lex("finding-verbs", false),
            state_run_bodies: lex("state-run-bodies", false),
            tally_verbs: lex("tally-verbs", false),
            document_nouns: lex("document-nouns", false),
            message_nouns: lex("message-nouns", false),
            verb_particles: lex("verb-particles", false),
            official_accounts: lex("official-accounts", false),
            affiliations: lex("affiliations", false),
            sources: vec![
                (SourceClass::StateMedia, lex("source-state-media", false)),
                (SourceClass::Authority, lex("source-authority", false)),
                (SourceClass::Party, lex("source-party", false)),
                (SourceClass::Monitors, lex("source-monitors", false)),
                (SourceClass::Anonymous, lex("source-anonymous", false)),
                (SourceClass::Witnesses, lex("source-witnesses", false)),
                (SourceClass::SocialMedia, lex("source-social-media", false)),
                // Last: a more particular class in the same source wins
                // (`activists opposed to the government`).
                (SourceClass::Government, lex("source-government", false)),
            ],
            caveats: lex("caveats", true),
            negated_caveats: lex("negated-caveats", true),
            negations: lex("negations", false),
            prefilter,
            caveat_filter,
            conflict_filter,
            fighting_filter,
            lone_filter,
            authority_filter,
            caveat_reach,
            vocab,
            common_nouns,
            figure_starts: Bits::default(),
            displacement: Lex::default(),
            displacement_blind: None,
            named_monitors: Lex::default(),
        };
        // What `finder::figure_at` reads first at a figure's first token:
        // a range word, a qualifier, a currency prefix, or a number (a
        // number word, a vague count, `a`/`one` before a scale word).
        let mut starts = Bits::default();
        for l in [
            &lex.range_words,
            &lex.qualifiers,
            &lex.dollar_prefixes,
            &lex.currency_symbols,
            &lex.currency_codes,
            &lex.vague,
            &lex.number_words,
            &lex.one_words,
            &lex.fractions,
        ] {
            l.starting_ids(&mut starts);
        }
        lex.figure_starts = starts;
        // Read from the pack's own spelling: `entry_words` lowercases
        // every word not in capitals.
        let named: Vec<Vec<String>> = pack
            .words("figure-source-monitors")
            .iter()
            .filter(|w| w.chars().any(char::is_uppercase))
            .map(|w| entry_words(w, &mut scratch))
            .collect();
        lex.named_monitors = Lex::new(&named, &mut lex.vocab, false);
        let displacement = pack_entries(pack, "figure-displacement-words", &mut scratch);
        if !displacement.is_empty() {
            let mut without = |name: &str| {
                let mut entries = pack_entries(pack, &format!("figure-{name}"), &mut scratch);
                entries.retain(|e| !displacement.contains(e));
                Lex::new(&entries, &mut lex.vocab, false)
            };
            let casualty_words = without("casualty-words");
            let casualty_verbs = without("casualty-verbs");
            let casualty_states = without("casualty-states");
            lex.displacement = Lex::new(&displacement, &mut lex.vocab, false);
            lex.displacement_blind = Some(Box::new(Lexicons {
                casualty_words,
                casualty_verbs,
                casualty_states,
                displacement_blind: None,
                ..lex.clone()
            }));
        }
        lex
    }

    /// Whether a figure may start at token `i`: a number of digits, a
    /// hyphenated word (`ninety-nine`), or a word of a lexicon that opens
    /// a figure. A bit test that spares the finder its look-ups at most
    /// tokens.
    #[inline]
    pub fn may_start_figure(&self, t: &Tokens, i: usize) -> bool {
        let tok = &t.toks[i];
        tok.kind == TokKind::Number
            || tok.hyphen
            || (tok.id != UNKNOWN && self.figure_starts.get(tok.id))
    }

    /// The words of one source class.
    pub fn class_words(&self, class: SourceClass) -> Option<&Lex> {
        self.sources
            .iter()
            .find(|(c, _)| *c == class)
            .map(|(_, l)| l)
    }

    /// Whether a sentence may hold a figure: a digit, or a number, count or
    /// currency word or mark somewhere in it, in any ASCII case.
    ///
    /// `text` is the sentence with its ASCII lowercased.
    pub fn may_hold_figure(&self, text: &str) -> bool {
        has_ascii_digit(text.as_bytes()) || self.prefilter.holds_any(text)
    }
}

/// The words and marks of the figure prefilter, looked for a word at a
/// time: one pass over a sentence's bytes, a table look-up per word, and a
/// hash look-up only for a word whose [`shape`] (first and last byte,
/// length) some entry has. (An automaton of the same words reads every
/// byte through its states and stops inside `often` and `someone`.)
#[derive(Clone, Debug)]
pub struct FigureFilter {
    /// The first word of every entry that starts with a letter or digit,
    /// in ASCII lower case: a whole word of the text (a run of letters and
    /// digits) must be one of them.
    words: Vocab,
    /// Whether some word has the [`shape`] at an index: most words of a
    /// text have none of theirs, and are passed over without hashing.
    shapes: Box<[bool; SHAPES]>,
    /// The first character of every entry that starts with neither (`$`,
    /// `€`): anywhere in the text.
    marks: Vec<char>,
    ascii_marks: [bool; 128],
}

impl FigureFilter {
    pub fn new<'a>(entries: impl Iterator<Item = &'a str>) -> FigureFilter {
        let mut f = FigureFilter {
            words: Vocab::default(),
            shapes: Box::new([false; SHAPES]),
            marks: Vec::new(),
            ascii_marks: [false; 128],
        };
        for entry in entries {
            let Some(first) = entry.chars().next() else {
                continue;
            };
            if first.is_alphanumeric() {
                let end = entry
                    .find(|c: char| !c.is_alphanumeric())
                    .unwrap_or(entry.len());
                let word = entry[..end].to_ascii_lowercase();
                let w = word.as_bytes();
                f.shapes[shape(w[0], w[w.len() - 1], w.len())] = true;
                f.words.add(&word);
            } else if first.is_ascii() {
                f.ascii_marks[first as usize] = true;
            } else if !f.marks.contains(&first) {
                f.marks.push(first);
            }
        }
        f
    }

    /// Whether `text` (ASCII lowercased) holds one of the words as a whole
    /// word, or one of the marks.
    pub fn holds_any(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut i = 0;
        while i < n {
            let b = bytes[i];
            let start = i;
            if !is_ascii_alnum(b) {
                if b < 0x80 {
                    if self.ascii_marks[usize::from(b)] {
                        return true;
                    }
                    i += 1;
                    continue;
                }
                let c = text[i..].chars().next().expect("a character boundary");
                i += c.len_utf8();
                if !c.is_alphanumeric() {
                    if self.marks.contains(&c) {
                        return true;
                    }
                    continue;
                }
            } else {
                i += 1;
            }
            // The rest of a word: ASCII letters and digits a byte at a
            // time, any other letter or digit a character at a time.
            loop {
                while i < n && is_ascii_alnum(bytes[i]) {
                    i += 1;
                }
                if i < n && bytes[i] >= 0x80 {
                    let c = text[i..].chars().next().expect("a character boundary");
                    if c.is_alphanumeric() {
                        i += c.len_utf8();
                        continue;
                    }
                }
                break;
            }
            let len = i - start;
            let last = bytes[i - 1];
            if self.shapes[shape(b, last, len)] && self.words.id(&text[start..i]) != UNKNOWN {
                return true;
            }
        }
        false
    }
}

/// A word's first and last byte and length, folded into an index of
/// [`FigureFilter::shapes`].
fn shape(first: u8, last: u8, len: usize) -> usize {
    (usize::from(first) * 31 + usize::from(last) * 7 + len.min(63)) & (SHAPES - 1)
}

const SHAPES: usize = 4096;

/// Whether `text` holds an ASCII digit, read eight bytes at a time.
fn has_ascii_digit(text: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = text.chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Per byte, with the high bit cleared no byte borrows from or
        // carries into the next: at least `0`, and not past `9`.
        let v = x & !HIGH;
        let from_0 = (v | HIGH) - u64::from(b'0') * ONES;
        let past_9 = v + (0x7f - u64::from(b'9')) * ONES;
        if from_0 & !past_9 & !x & HIGH != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// The automaton of [`Lexicons::caveat_filter`]: the last word of every
/// caveat, in lowercase, to run over text with its ASCII lowercased (a
/// token whose lowercase is that word is written that way in any ASCII
/// case, or with `’` for `'`, or with the Kelvin sign for `k`, which the
/// automaton also looks for).
/// Also returns the most tokens an entry spans, with one adverb between
/// every two words.
fn caveat_filter(pack: &Pack, scratch: &mut Tokens) -> (Option<aho_corasick::AhoCorasick>, usize) {
    let mut words: Vec<String> = Vec::new();
    let mut reach = 1;
    let mut ascii = true;
    for name in ["figure-caveats", "figure-negated-caveats"] {
        for entry in pack.words(name) {
            let mut entry = entry_words(entry, scratch);
            reach = reach.max((2 * entry.len()).saturating_sub(1));
            let Some(last) = entry.pop() else {
                continue;
            };
            ascii &= last.is_ascii();
            // Every way of writing its apostrophes.
            let mut forms = vec![String::new()];
            for c in last.chars() {
                if c == '\'' {
                    forms = forms
                        .into_iter()
                        .flat_map(|f| [format!("{f}'"), format!("{f}’")])
                        .collect();
                } else {
                    forms.iter_mut().for_each(|f| f.push(c));
                }
            }
            words.extend(forms);
        }
    }
    // The Kelvin sign lowercases to `k`.
    words.push("\u{212A}".to_string());
    // Many caveats end in one word: fewer patterns keep the automaton's
    // prefilter on its fast path.
    words.sort_unstable();
    words.dedup();
    let ac = ascii.then(|| {
        aho_corasick::AhoCorasickBuilder::new()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&words)
            .expect("plain literals")
    });
    (ac, reach)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(words: &[&str], adverbs: bool) -> (Lex, Vocab) {
        let mut vocab = Vocab::default();
        let mut scratch = Tokens::default();
        let entries: Vec<Vec<String>> =
            words.iter().map(|w| entry_words(w, &mut scratch)).collect();
        (Lex::new(&entries, &mut vocab, adverbs), vocab)
    }

    #[test]
    fn phrases_match_longest_and_with_adverbs() {
        let (l, v) = lex(&["at least", "at", "could not be verified"], true);
        let mut t = Tokens::default();
        t.tokenize(
            "At least the claim could not be independently verified",
            0,
            Some(&v),
        );
        assert_eq!(l.at(&t, 0), Some(2));
        assert_eq!(l.find_in(&v, &t, 1, t.len()), Some((4, 9)));
        assert!(!l.word(&t, 1));
    }

    /// The prefilter says "maybe" wherever an automaton of its words that
    /// folds case finds one as a whole word (or a mark) in the text as
    /// written, and "no" where none is.
    #[test]
    fn figure_filter_finds_what_a_case_folding_automaton_finds() {
        let lex = super::super::finder::tests::lexicons();
        let pack = Pack::builtin().expect("built-in pack");
        let folding = aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(
                [
                    "number-words",
                    "vague-counts",
                    "currency-symbols",
                    "currency-codes",
                    "currency-words",
                ]
                .iter()
                .flat_map(|n| pack.words(&format!("figure-{n}")))
                .filter_map(|w| w.split_whitespace().next_back()),
            )
            .expect("plain literals");
        let oracle = |text: &str| {
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            folding.find_iter(text).any(|m| {
                let alpha = text[m.start()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                !alpha
                    || (!word(text[..m.start()].chars().next_back())
                        && !word(text[m.end()..].chars().next()))
            })
        };
        for (text, want) in [
            ("FIFTEEN died", true),
            ("Often TEN", true),
            ("often, someone, tenth, Onerous", false),
            ("USD and Usd", true),
            ("Twenty-One", true),
            ("Erdoğan’s ÉTÉ, TWO", true),
            ("Erdoğan’s ÉTÉ", false),
            ("ÉTÉtwo twoÉTÉ", false),
            ("a few Dozen", true),
            ("it cost \u{20ac}", true),
            ("it cost $", true),
            ("Hundreds", true),
            ("", false),
            ("no figure at all here.", false),
        ] {
            assert_eq!(oracle(text), want, "oracle: {text:?}");
            assert_eq!(
                lex.prefilter.holds_any(&text.to_ascii_lowercase()),
                want,
                "{text:?}"
            );
        }
    }

    /// Over lowercased text, the caveat automaton finds what an automaton
    /// that folds case finds over the text as written.
    #[test]
    fn caveat_automaton_over_lowercased_text_folds_case() {
        let lex = super::super::finder::tests::lexicons();
        let caveats = lex.caveat_filter.as_ref().expect("ASCII caveats");
        let spans = |it: &mut dyn Iterator<Item = aho_corasick::Match>| {
            it.map(|m| m.span()).collect::<Vec<_>>()
        };
        let text = "NONE COULD BE VERIFIED; it was UnConfirmed";
        assert_eq!(
            spans(&mut caveats.find_iter(&text.to_ascii_lowercase())),
            [
                text.find("VERIFIED").unwrap()..text.find(";").unwrap(),
                text.find("UnCon").unwrap()..text.len()
            ]
        );
        assert!(caveats.find("not verified").is_some());
        assert!(
            caveats.find("NOT VERIFIED").is_none(),
            "matches bytes as they are"
        );
    }

    #[test]
    fn has_ascii_digit_reads_every_byte() {
        for len in 0..20 {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut text = vec![b'x'; len];
                    text[at] = b;
                    assert_eq!(
                        has_ascii_digit(&text),
                        b.is_ascii_digit(),
                        "{b:#x} at {at} of {len}"
                    );
                }
            }
            assert!(!has_ascii_digit(&vec![b'/'; len]));
        }
    }

    #[test]
    fn caveat_prefilter_keeps_every_caveat() {
        let lex = super::super::finder::tests::lexicons();
        let first = |text: &str| {
            lex.caveat_filter
                .as_ref()
                .expect("ASCII caveats")
                .find(&text.to_ascii_lowercase())
                .map(|m| m.start())
        };
        for text in [
            "The toll could not be independently verified.",
            "None of the claims could be CONFIRMED.",
            "The figures are unverified.",
        ] {
            assert!(first(text).is_some(), "{text}");
        }
        assert_eq!(first("The army said 40 fighters were killed."), None);
        assert_eq!(first("Unconfirmed: 40 died."), Some(0));
    }

    #[test]
    fn vocab_tells_words_of_every_length_apart() {
        let mut v = Vocab::default();
        let words: Vec<String> = (1..=20)
            .flat_map(|n| {
                ["a", "b", "é"]
                    .iter()
                    .map(move |c| "x".repeat(n - 1) + c)
                    .chain(std::iter::once(c_mid(n)))
            })
            .collect();
        let ids: Vec<u32> = words.iter().map(|w| v.add(w)).collect();
        for (w, id) in words.iter().zip(&ids) {
            assert_eq!(v.id(w), *id, "{w}");
        }
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "one id per word");
        for w in ["", "x", "xxxxxxxxxc", "ab", "xxxxxxxxxxxxxxxxxxxxxxxxa"] {
            assert_eq!(v.id(w), UNKNOWN, "{w:?}");
        }
        assert_eq!(v.add("xa"), ids[4], "adding again keeps the id");
    }

    /// A word of `n` letters that differs from `x…xa` in its middle only.
    fn c_mid(n: usize) -> String {
        let mut w: Vec<u8> = "x".repeat(n - 1).into_bytes();
        w.push(b'a');
        w[n / 2] = b'm';
        String::from_utf8(w).expect("ASCII")
    }

    #[test]
    fn hyphenated_parts_are_found() {
        let (l, v) = lex(&["Hamas"], false);
        let mut t = Tokens::default();
        t.tokenize("the Hamas-run ministry", 0, Some(&v));
        assert_eq!(l.find_in(&v, &t, 0, 3), Some((1, 2)));
    }

    #[test]
    fn entries_with_dots_match_tokens() {
        let (l, v) = lex(&["a.m.", "U.N."], false);
        let mut t = Tokens::default();
        t.tokenize("4:30 a.m. the U.N. said", 0, Some(&v));
        assert_eq!(l.at(&t, 1), Some(2));
        assert_eq!(l.at(&t, 3), Some(4));
    }

    /// A sentence that a fighting, conflict or lone-attacker word makes
    /// what it is passes the filter that spares the others a tokenizing:
    /// each entry in a sentence, as written and as a possessive.
    #[test]
    fn fighting_and_lone_filters_pass_every_entry() {
        let pack = crate::rules::Pack::builtin().expect("built-in pack");
        let lexicons = Lexicons::new(&pack);
        let fighting = lexicons.fighting_filter.as_ref().expect("ASCII entries");
        let lone = lexicons.lone_filter.as_ref().expect("ASCII entries");
        let mut t = Tokens::default();
        for (name, filter, lexicon) in [
            ("figure-fighting-words", fighting, &lexicons.fighting_words),
            ("figure-conflict-words", fighting, &lexicons.conflict_words),
            ("figure-lone-attackers", lone, &lexicons.lone_attackers),
        ] {
            for entry in pack.words(name) {
                for text in [
                    format!("Then the {entry} came."),
                    format!("The {entry}'s toll rose."),
                ] {
                    t.tokenize(&text, 0, Some(&lexicons.vocab));
                    if lexicon.find_in(&lexicons.vocab, &t, 0, t.len()).is_some() {
                        assert!(
                            filter.holds_any(&text.to_ascii_lowercase()),
                            "{name}: {text:?}"
                        );
                    }
                }
            }
        }
        assert!(!fighting.holds_any("the council met on tuesday."));
    }
}
