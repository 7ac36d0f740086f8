//! `unattributed-figure` and `unverified-figure` (spec sections 2 and 3).
//!
//! One check handles both kinds in one pass over a draft's sentences:
//!
//! 1. [`finder`] finds the figures of a sentence (a cheap prefilter skips
//!    sentences with no digit and no number word);
//! 2. [`attribution`] says who the sentence (or, pointing back, the next
//!    one) names as the source;
//! 3. a figure with no source is `unattributed-figure`; a casualty figure
//!    whose source needs a caveat, with no caveat after it in its paragraph
//!    or in the next paragraph, is `unverified-figure`.
//!
//! Every word list is a lexicon of `rules/figures.toml` ([`lexicon`]).

mod attribution;
mod finder;
mod lexicon;
mod tokens;

use super::{Check, Context};
use crate::draft::{BlockKind, Draft};
use crate::finding::{Finding, Label, Notes, Text};
use crate::rules::{LoadError, Pack, Rule};
use attribution::{Attribution, Source};
use finder::{Class, Figure};
use lexicon::Lexicons;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use tokens::Tokens;

pub fn build(
    pack: &Pack,
    unattributed: Option<&Rule>,
    unverified: Option<&Rule>,
) -> Result<Option<Box<dyn Check>>, Vec<LoadError>> {
    if unattributed.is_none() && unverified.is_none() {
        return Ok(None);
    }
    Ok(Some(Box::new(FigureCheck {
        lex: Lexicons::new(pack),
        unattributed: unattributed.cloned(),
        unverified: unverified.cloned(),
    })))
}

pub struct FigureCheck {
    lex: Lexicons,
    unattributed: Option<Rule>,
    unverified: Option<Rule>,
}

/// Buffers reused across the sentences of one draft.
#[derive(Default)]
struct Scratch {
    toks: Tokens,
    other: Tokens,
    figures: Vec<Figure>,
    /// The figures of a sentence as read with displacement words no
    /// casualty words (see [`Lexicons::displacement_blind`]).
    blind_figures: Vec<Figure>,
    attributions: Vec<Attribution>,
    /// Caveat offsets by paragraph, filled on first need.
    caveats: Vec<Option<Vec<usize>>>,
    /// The sentence whose tokens `other` holds (the next one, read for a
    /// pointer back), so that its turn swaps them in instead of reading
    /// it again.
    other_holds: Option<usize>,
    /// The stretches of a paragraph that may hold a caveat.
    windows: Vec<std::ops::Range<usize>>,
    /// The index of a sentence's attributions.
    governors: attribution::Governors,
    /// The mentions of each surname a source was named by, read so far.
    surnames: HashMap<String, Mentions>,
    /// For each acronym a source held: the sentence its search has read
    /// up to, and the class of the last name it spelled out there.
    acronyms: HashMap<String, AcronymSearch>,
    /// Whether each section's own paragraphs (by its first paragraph)
    /// hold a conflict word, worked out on first need.
    conflict: HashMap<usize, bool>,
    /// Whether each paragraph tells of fighting and of no lone attacker,
    /// worked out on first need.
    fighting: HashMap<usize, bool>,
    /// What the sentence being checked tells, worked out once for all its
    /// figures (a long sentence is not read again for each).
    told_facts: Option<ToldFacts>,
    /// For the words of each source `the` + words: how far the draft has
    /// been read for an earlier mention named by an authority, and whether
    /// one was found (see [`FigureCheck::named_by_authority`]).
    authorities: HashMap<String, (usize, bool)>,
    /// The heading each heading is under, by paragraph index.
    parents: Option<HashMap<usize, Option<usize>>>,
    /// The speaker last found for a quotation outside its figure's own
    /// sentence, by the quotation's start: each figure of a long quotation
    /// does not read that sentence again.
    quote_speaker: Option<(usize, Option<Source>)>,
    /// The source last found for a referring source, by its sentence and
    /// span: each figure of a sentence does not read back again.
    reference: Option<(ReferenceKey, Option<Source>)>,
    /// Whether the sentence that named a source a pronoun stands for tells
    /// of armed fighting, by that sentence (see
    /// [`FigureCheck::armed_where_named`]).
    armed_named: Option<(usize, bool)>,
    /// The class the next sentence gave a source with none (`She asked
    /// not to be named`), by the source's sentence and span.
    anonymous_next: Option<(ReferenceKey, Classed)>,
    /// The witness a quotation's words made of its speaker, by the
    /// sentence, the quotation's start and the speaker's span.
    quote_witness: QuoteWitness,
}

/// How far the search for an acronym's name has read, and what it found.
type AcronymSearch = (
    usize,
    Option<(lexicon::SourceClass, std::ops::Range<usize>)>,
);

/// A referring source: its sentence and its span in the draft.
type ReferenceKey = (usize, std::ops::Range<usize>);

/// How far into a sentence a phrase that opens it (`At the district
/// hospital in Mokolo,`) is looked for, in bytes.
const OPENER_BYTES: usize = 200;

/// A class a source was found to have, and the words that gave it.
type Classed = Option<(lexicon::SourceClass, std::ops::Range<usize>)>;

/// See [`Scratch::quote_witness`].
type QuoteWitness = Option<((usize, usize, std::ops::Range<usize>), Classed)>;

/// The mentions of a surname in a draft, in order, read as far as some
/// figure's sentence needed: each is read once however many figures cite
/// the name, so a long draft is not read again for every figure.
#[derive(Default)]
struct Mentions {
    found: Vec<Mention>,
    /// Where the search for the next one goes on: no mention starts
    /// between the last one read and here.
    from: usize,
    /// The first mention that counts, and the first that describes the
    /// person (indices into `found`), when the name is a whole word there.
    first: Option<usize>,
    first_described: Option<usize>,
}

/// A mention of a surname (see [`FigureCheck::named_earlier`]).
struct Mention {
    end: usize,
    /// No letter or digit touches its start.
    free_start: bool,
    /// A letter or digit touches its end.
    joined_end: bool,
    /// The sentence holding it, when its first name word opens it; `None`
    /// inside the outer option when it does not open it; `None` when the
    /// mention is not a token of its sentence.
    opens: Option<Option<usize>>,
    described: Option<(lexicon::SourceClass, std::ops::Range<usize>)>,
}

impl Mention {
    fn counts(&self) -> bool {
        self.free_start && !self.joined_end && self.opens.is_some()
    }
}

/// What one sentence (`si`, its tokens in [`Scratch::toks`]) tells, each
/// worked out on first need.
struct Told<'a> {
    check: &'a FigureCheck,
    s: &'a mut Scratch,
}

#[derive(Default)]
struct ToldFacts {
    si: usize,
    fighting: Option<bool>,
    /// A word of lexicon `figure-armed-fighting-words`.
    armed: Option<bool>,
    lone: Option<bool>,
    disaster: Option<bool>,
    /// The last token where a word of lexicon `figure-both-sides` starts.
    both_sides_last: Option<Option<usize>>,
}

impl Told<'_> {
    fn facts(&mut self) -> &mut ToldFacts {
        self.s
            .told_facts
            .as_mut()
            .expect("facts made by FigureCheck::told")
    }
    /// The answer in `slot`, worked out by `work` on first need.
    fn memo<T: Copy>(
        &mut self,
        slot: fn(&mut ToldFacts) -> &mut Option<T>,
        work: impl FnOnce(&FigureCheck, &Tokens) -> T,
    ) -> T {
        if let Some(known) = *slot(self.facts()) {
            return known;
        }
        let v = work(self.check, &self.s.toks);
        *slot(self.facts()) = Some(v);
        v
    }
    fn fighting(&mut self) -> bool {
        self.memo(|f| &mut f.fighting, |c, t| c.tells_of_fighting(t))
    }
    fn armed(&mut self) -> bool {
        self.memo(|f| &mut f.armed, |c, t| c.tells_of_armed_fighting(t))
    }
    fn lone(&mut self) -> bool {
        self.memo(|f| &mut f.lone, |c, t| c.lone_attacker(t))
    }
    fn disaster(&mut self) -> bool {
        self.memo(|f| &mut f.disaster, |c, t| c.tells_of_disaster(t))
    }
    fn both_sides_last(&mut self) -> Option<usize> {
        self.memo(
            |f| &mut f.both_sides_last,
            |c, t| {
                (0..t.len())
                    .rev()
                    .find(|&i| c.lex.both_sides.at(t, i).is_some())
            },
        )
    }
}

impl Check for FigureCheck {
    fn check(&self, draft: &Draft, cx: &Context, out: &mut Vec<Finding>) {
        let lex = &self.lex;
        let mut s = Scratch::default();
        // The prefilters' automatons search lowercase prose.
        let folded = draft.prose_lower();
        for (si, sentence) in draft.sentences.iter().enumerate() {
            if !lex.may_hold_figure(&folded[sentence.span.clone()]) {
                continue;
            }
            let text = &draft.prose[sentence.span.clone()];
            if s.other_holds == Some(si) {
                std::mem::swap(&mut s.toks, &mut s.other);
            } else {
                s.toks.tokenize(text, sentence.span.start, Some(&lex.vocab));
            }
            s.other_holds = None;
            s.figures.clear();
            finder::find(lex, &s.toks, &mut s.figures);
            if s.figures.is_empty() {
                continue;
            }
            // `more than 7,000 people had fled to the base`: a count of the
            // displaced is a figure, but no casualty figure unless the
            // sentence reads as one without its displacement words.
            if let Some(blind) = &lex.displacement_blind
                && s.figures.iter().any(|f| f.casualty)
                && (0..s.toks.len()).any(|i| lex.displacement.word(&s.toks, i))
            {
                s.blind_figures.clear();
                finder::find(blind, &s.toks, &mut s.blind_figures);
                for f in &mut s.figures {
                    f.casualty &= s
                        .blind_figures
                        .iter()
                        .any(|b| b.toks == f.toks && b.casualty);
                }
            }
            let heading = draft.paragraphs[sentence.paragraph].kind == BlockKind::Heading;
            // Taken out of the scratch while its figures are judged, and
            // put back for the next sentence.
            let mut attributions = std::mem::take(&mut s.attributions);
            attributions.clear();
            attribution::find(lex, &s.toks, &mut attributions);
            s.governors.index(&attributions);
            let governors = std::mem::take(&mut s.governors);
            // The next sentence's pointer back, worked out at most once.
            let mut pointer: Option<Option<Source>> = None;
            // The source the sentence's attributions relay, likewise.
            let mut relayed: Option<Option<Source>> = None;
            for fi in 0..s.figures.len() {
                let figure = s.figures[fi].clone();
                // A quotation's figures are attributed to its speaker; a
                // casualty figure among them needs the caveat the
                // speaker's class asks for.
                if let Some(quote) = draft.quote_around(&figure.span) {
                    if !figure.casualty || self.unverified.is_none() {
                        continue;
                    }
                    let quote = quote.span.clone();
                    let Some(source) = self.quote_speaker(draft, &mut s, si, &quote, &attributions)
                    else {
                        continue;
                    };
                    if let Some(f) = self.unverified_finding(cx, draft, &mut s, si, &figure, source)
                    {
                        out.push(f);
                    }
                    continue;
                }
                // `Two residents said ...`: a count of sources.
                if governors.in_source(&figure.toks) {
                    continue;
                }
                let found = governors
                    .of(&attributions, &figure.toks)
                    .filter(|a| attribution::reaches(lex, &s.toks, a, &figure.toks))
                    .cloned()
                    .or_else(|| {
                        let t = &s.toks;
                        heading
                            .then(|| {
                                attribution::heading_colon(lex, t, &figure.toks).or_else(|| {
                                    attribution::heading_word_before_colon(lex, t, &figure.toks)
                                        .filter(|a| {
                                            let word =
                                                &draft.prose[t.span(a.source.start, a.source.end)];
                                            self.names_someone(&draft.prose, word)
                                                || self.speaks_in(
                                                    draft.prose_lower(),
                                                    &word.to_ascii_lowercase(),
                                                )
                                        })
                                })
                            })
                            .flatten()
                    })
                    .map(|a| {
                        // Only a casualty figure's source needs a class.
                        if !figure.casualty {
                            return attribution::source(lex, &s.toks, &a.source);
                        }
                        let found = attribution::speaker(lex, &s.toks, &a);
                        // `A resident, Ali, told VOA he had counted 12
                        // bodies`: a pronoun after an earlier attribution of
                        // its sentence stands for that one's source.
                        // `Kachalla, a vigilante leader, said his members
                        // had counted 40 bodies`: so does a possessive.
                        let refers = attribution::is_pronoun(lex, &s.toks, &a.source)
                            || (a.source.len() >= 2
                                && lex.role_possessives.word(&s.toks, a.source.start));
                        if found.class.is_some() || !refers {
                            return found;
                        }
                        // That one's source stands for it even with no
                        // class (`A U.N. team said it had documented 52
                        // deaths`): the pronoun is not read further back.
                        match attributions
                            .iter()
                            .rev()
                            .find(|e| e.cue < a.source.start && e.source.end <= a.source.start)
                        {
                            Some(e) => {
                                let earlier = attribution::speaker(lex, &s.toks, e);
                                if earlier.class.is_some()
                                    || !attribution::is_pronoun(lex, &s.toks, &e.source)
                                {
                                    earlier
                                } else {
                                    found
                                }
                            }
                            // `The ministry responded by publishing the
                            // names of 7,000 people it said had been
                            // killed`: the opening subject.
                            None => attribution::opening_subject(lex, &s.toks)
                                .filter(|r| {
                                    a.source.len() == 1
                                        && r.start == attribution::dateline_end(&s.toks)
                                        && r.end <= a.source.start
                                        // `Two soldiers were wounded, it
                                        // said`: not the figure itself.
                                        && r.end <= figure.toks.start
                                        // `Five soldiers were killed and 12
                                        // wounded, he said`: nor another.
                                        && !s.figures.iter().any(|f| {
                                            f.toks.start < r.end && r.start < f.toks.end
                                        })
                                        && (!lex.function_words.word(&s.toks, 0)
                                            || lex.determiners.word(&s.toks, 0))
                                        && !attribution::is_pronoun(lex, &s.toks, r)
                                })
                                .map_or(found, |r| attribution::source(lex, &s.toks, &r)),
                        }
                    })
                    .map(|found| {
                        if found.class.is_some() {
                            return found;
                        }
                        relayed
                            .get_or_insert_with(|| {
                                attribution::relayed_speaker(lex, &s.toks, &attributions)
                            })
                            .clone()
                            .unwrap_or(found)
                    });
                let found = found.or_else(|| {
                    pointer
                        .get_or_insert_with(|| {
                            let next = draft.next_in_paragraph(si)?;
                            s.other.tokenize(
                                &draft.prose[next.span.clone()],
                                next.span.start,
                                Some(&lex.vocab),
                            );
                            s.other_holds = Some(si + 1);
                            attribution::pointer_back(lex, &s.other)
                                .map(|a| attribution::pointed_source(lex, &s.other, &a))
                        })
                        .clone()
                });
                match found {
                    None => {
                        if let Some(rule) = &self.unattributed {
                            out.push(unattributed(rule, cx, draft, &figure));
                        }
                    }
                    Some(source) => {
                        if !figure.casualty {
                            continue;
                        }
                        if let Some(f) =
                            self.unverified_finding(cx, draft, &mut s, si, &figure, source)
                        {
                            out.push(f);
                        }
                    }
                }
            }
            s.governors = governors;
            s.attributions = attributions;
        }
    }
}

/// The longest acronym read as the initials of a name (`KIA`, `ELN`).
const MAX_ACRONYM: usize = 6;

/// How many acronyms a draft's sources may hold before the rest are not
/// looked for (each is looked for once over the draft).
const MAX_ACRONYMS: usize = 64;

/// How many bytes after a source its appositive is looked for in (`,
/// the inspector general of police for the Bastar region`).
const APPOSITIVE_BYTES: usize = 200;

/// How many sentences back a referring source is looked for.
const REFERENCE_REACH: usize = 4;

/// How many sentences back, over any paragraphs, a source that `the` and a
/// noun refer to is looked for.
const NOUN_REFERENCE_REACH: usize = 12;

impl FigureCheck {
    /// What sentence `si`, whose tokens [`Scratch::toks`] holds, tells.
    fn told<'a>(&'a self, s: &'a mut Scratch, si: usize) -> Told<'a> {
        if s.told_facts.as_ref().is_none_or(|f| f.si != si) {
            s.told_facts = Some(ToldFacts {
                si,
                ..ToldFacts::default()
            });
        }
        Told { check: self, s }
    }

    /// The `unverified-figure` finding for a casualty figure of sentence
    /// `si` from `source`, if its source needs a caveat and has none. A
    /// source with no class of its own may take one from an earlier
    /// sentence it refers to (`He said ...`, `the ministry said ...`) or
    /// from how the draft first described the person named, or from what
    /// the figure's quotation says of its speaker.
    fn unverified_finding(
        &self,
        cx: &Context,
        draft: &Draft,
        s: &mut Scratch,
        si: usize,
        figure: &Figure,
        mut source: Source,
    ) -> Option<Finding> {
        let rule = self.unverified.as_ref()?;
        // `The health ministry later said` after `the Houthi-run health
        // ministry said`: a reference takes the authority its first
        // mention named.
        if let Some((lexicon::SourceClass::Government, _)) = source.class
            && self.named_by_authority(draft, s, si, &source.span)
        {
            let bare = Source {
                span: source.span.clone(),
                class: None,
            };
            if let Some(earlier) = self
                .pronoun_earlier(draft, s, si, &bare)
                .filter(|e| matches!(e.class, Some((lexicon::SourceClass::Authority, _))))
            {
                source = earlier;
            }
        }
        if source.class.is_none() {
            let named = source.span.clone();
            let key = (si, source.span.clone());
            let earlier = match &s.reference {
                Some((known, earlier)) if *known == key => earlier.clone(),
                _ => {
                    let earlier = self.pronoun_earlier(draft, s, si, &source);
                    s.reference = Some((key, earlier.clone()));
                    earlier
                }
            };
            // `He said ...` after `Savchuk told reporters ...`: the name
            // the pronoun stands for may have been described earlier still
            // (`military spokesman Lt. Col. Petro Savchuk`).
            if let Some(earlier) = earlier {
                source = earlier;
            }
            if source.class.is_none() {
                source.class = self.named_earlier(draft, s, si, &source);
            }
            if source.class.is_none() {
                source.class = self.acronym_earlier(draft, s, si, &source);
            }
            // `A doctor said ... 160 injured people. She asked not to be
            // named ...`: read once for all the figures this source gives
            // in its sentence.
            if source.class.is_none()
                && let Some(next) = draft.next_in_paragraph(si)
            {
                let key = (si, named.clone());
                source.class = match &s.anonymous_next {
                    Some((known, class)) if *known == key => class.clone(),
                    _ => {
                        s.other.tokenize(
                            &draft.prose[next.span.clone()],
                            next.span.start,
                            Some(&self.lex.vocab),
                        );
                        s.other_holds = Some(si + 1);
                        let class =
                            attribution::anonymous_pronoun(&self.lex, &s.other).or_else(|| {
                                let named = &draft.prose[named.clone()];
                                let noun = named
                                    .rsplit(|c: char| !c.is_alphanumeric())
                                    .next()
                                    .unwrap_or("")
                                    .to_lowercase();
                                attribution::anonymous_reference(&self.lex, &s.other, &noun)
                            });
                        s.anonymous_next = Some((key, class.clone()));
                        class
                    }
                };
            }
            if source.class.is_none() {
                source.class = self.quote_witness(draft, s, si, figure, &named);
            }
            if source.class.is_none() {
                source.class = self.police_kills(draft, s, figure, &source);
            }
            if source.class.is_none() {
                source.class = self.police_losses(draft, s, si, figure, &source);
            }
            // `The Democratic Party of Iranian Kurdistan said two of its
            // fighters were killed`: a source that counts its own fighters
            // is an armed party.
            if source.class.is_none()
                && let Some(party) = self.lex.class_words(lexicon::SourceClass::Party)
            {
                let t = &s.toks;
                let own = (figure.toks.start..figure.toks.end).any(|k| {
                    self.lex.role_possessives.word(t, k)
                        && party.at(t, k + 1).is_some_and(|e| e <= figure.toks.end)
                });
                if own {
                    source.class = Some((lexicon::SourceClass::Party, source.span.clone()));
                }
            }
        }
        let (class, words) = source.class.clone()?;
        // State media, governments and armies need a caveat as a party's
        // voice: not for a mine blast, an earthquake or a heatwave. A
        // party's figure of fighting is its own sign of a conflict.
        // A government's figure needs one only when it tells of fighting:
        // not a famine's or an epidemic's dead, nor a lone gunman's
        // victims.
        // The fighting may be told of in another sentence of the figure's
        // paragraph (`Israeli officials say 55 Israelis have died` after
        // the rockets and the raids).
        if class == lexicon::SourceClass::Government
            && (self.told(s, si).lone()
                || !(self.told(s, si).fighting() || self.paragraph_tells_of_fighting(draft, s, si)))
        {
            return None;
        }
        // `... soldiers have been killed or wounded on both sides`: a count
        // of every side's dead is no party's claim; nor is `A cyclone tore
        // across the coast, killing at least 14 people, the government
        // said`, a party's count of a disaster's dead.
        let party_voice = matches!(
            class,
            lexicon::SourceClass::Government
                | lexicon::SourceClass::StateMedia
                | lexicon::SourceClass::Party
        );
        if party_voice
            && (self
                .told(s, si)
                .both_sides_last()
                .is_some_and(|last| last >= figure.toks.end)
                || self.told(s, si).disaster())
        {
            return None;
        }
        let gated = match class {
            lexicon::SourceClass::StateMedia | lexicon::SourceClass::Government => true,
            lexicon::SourceClass::Party => !self.told(s, si).fighting(),
            _ => false,
        };
        if gated && !self.in_conflict(draft, s, draft.sentences[si].paragraph) {
            return None;
        }
        if self.caveated(draft, s, si, figure) {
            return None;
        }
        Some(unverified(
            &self.lex,
            rule,
            cx,
            draft,
            figure,
            &source,
            (class, words),
        ))
    }

    /// Whether a source `the` + words (`the health ministry`) at bytes
    /// `span` of sentence `si` follows, earlier in the draft, a name of an
    /// authority run by a party that ends with or runs into its words
    /// (`the Houthi-run health ministry`, `the Gaza health ministry`).
    fn named_by_authority(
        &self,
        draft: &Draft,
        s: &mut Scratch,
        si: usize,
        span: &std::ops::Range<usize>,
    ) -> bool {
        // The few words before an earlier mention of the same words are
        // read, not the whole draft.
        const LOOK_BACK: usize = 40;
        let lower = draft.prose_lower();
        let Some(words) = lower[span.clone()].strip_prefix("the ") else {
            return false;
        };
        let Some(ac) = &self.lex.authority_filter else {
            return true;
        };
        let before = draft.sentences[si].span.start;
        // Once named, always named: the search goes on from where the last
        // one for the same words stopped, so a draft is read once for them.
        let (read, named) = s.authorities.get(words).copied().unwrap_or((0, false));
        if named || before <= read {
            return named;
        }
        // A mention that ends past `read` may start before it.
        let start = read.saturating_sub(words.len().saturating_sub(1));
        let named = memchr::memmem::find_iter(&lower.as_bytes()[start..before], words.as_bytes())
            .map(|at| start + at)
            .any(|at| {
                let end = at + words.len();
                let Some(from) =
                    (at.saturating_sub(LOOK_BACK)..=at).find(|&k| lower.is_char_boundary(k))
                else {
                    return false;
                };
                ac.find_iter(&lower[from..end]).any(|m| {
                    from + m.end() == end
                        || lower
                            .get(from + m.end()..at)
                            .is_some_and(|gap| gap.trim().is_empty())
                })
            });
        s.authorities.insert(words.to_string(), (before, named));
        named
    }

    /// `"I counted 15 bodies myself," he said`: the speaker of a figure's
    /// quotation who says they saw is a witness, unless the draft calls
    /// them a responder or an official (`said Tomas Brell, a rescue
    /// worker`).
    /// `named` is the speaker as the attribution names them; the figure's
    /// sentence is in `s.toks`.
    fn quote_witness(
        &self,
        draft: &Draft,
        s: &mut Scratch,
        si: usize,
        figure: &Figure,
        named: &std::ops::Range<usize>,
    ) -> Option<(lexicon::SourceClass, std::ops::Range<usize>)> {
        let lex = &self.lex;
        let quote = &draft.quote_around(&figure.span)?.span;
        // Read once for all the figures of a long quotation in a sentence.
        let key = (si, quote.start, named.clone());
        if let Some((known, class)) = &s.quote_witness
            && *known == key
        {
            return class.clone();
        }
        let class = if self.responder_after(draft, named) {
            None
        } else {
            let t = &s.toks;
            let from = t.toks.partition_point(|k| k.span.start < quote.start);
            let to = t.toks.partition_point(|k| k.span.end <= quote.end);
            lex.quote_witness_cues
                .find_in(&lex.vocab, t, from, to.max(from))
                .map(|(b, e)| (lexicon::SourceClass::Witnesses, t.span(b, e)))
        };
        s.quote_witness = Some((key, class.clone()));
        class
    }

    /// Whether a source at bytes `span` is described after it as a
    /// responder or an official (`Tomas Brell, a rescue worker`), by words
    /// of lexicon `figure-responder-roles` before the clause ends.
    fn responder_after(&self, draft: &Draft, span: &std::ops::Range<usize>) -> bool {
        const REACH: usize = 12;
        let lex = &self.lex;
        let Some(rest) = draft.prose[span.end..].strip_prefix(',') else {
            return false;
        };
        let end = rest
            .find(['.', ';', '"', '\u{201c}', '\u{201d}'])
            .unwrap_or(rest.len());
        rest[..end].split_whitespace().take(REACH).any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            lex.responder_roles.has(&lex.vocab, &w.to_lowercase())
        })
    }

    /// Whether `word` follows a capitalized word somewhere in `prose`, as a
    /// surname follows a given name (`Michelle Bachelet`); `In Chile`
    /// and `The Chile` name no one.
    fn names_someone(&self, prose: &str, word: &str) -> bool {
        prose.match_indices(word).any(|(at, _)| {
            let end = at + word.len();
            let ends_word = !prose[end..].starts_with(|c: char| c.is_alphanumeric());
            let Some(before) = prose[..at].strip_suffix(' ') else {
                return false;
            };
            let given = before
                .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
                .next()
                .unwrap_or("");
            ends_word
                && given.starts_with(|c: char| c.is_uppercase())
                && !self
                    .lex
                    .function_words
                    .has(&self.lex.vocab, &given.to_lowercase())
        })
    }

    /// Whether `word` speaks somewhere in `prose`: a speech verb right
    /// after it (`Rosstat said`), so that `Rosstat:` before a headline's
    /// colon is a source, not a topic (`Hajj: ...`). Both are in ASCII
    /// lower case: `Prefecture:` speaks as `The prefecture said`.
    fn speaks_in(&self, prose: &str, word: &str) -> bool {
        prose.match_indices(word).any(|(at, _)| {
            let rest = &prose[at + word.len()..];
            let Some(rest) = rest.strip_prefix(' ') else {
                return false;
            };
            let next = rest
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            (at == 0 || !prose[..at].ends_with(|c: char| c.is_alphanumeric()))
                && !next.is_empty()
                && self
                    .lex
                    .speech_verbs
                    .has(&self.lex.vocab, &next.to_lowercase())
        })
    }

    /// Whether a sentence tells of fighting: a word of lexicon
    /// `figure-fighting-words` or a conflict word, possessives included
    /// (`The militia's spokesman put the toll at 40`).
    fn tells_of_fighting(&self, t: &Tokens) -> bool {
        let lex = &self.lex;
        (0..t.len()).any(|i| {
            lex.fighting_words.at(t, i).is_some()
                || names_as_possessive(lex, &lex.conflict_words, t, i)
        })
    }

    /// Whether a sentence holds a word of lexicon
    /// `figure-armed-fighting-words`.
    fn tells_of_armed_fighting(&self, t: &Tokens) -> bool {
        (0..t.len()).any(|i| self.lex.armed_fighting.at(t, i).is_some())
    }

    /// Whether a sentence names a lone attacker (lexicon
    /// `figure-lone-attackers`): a government counting a gunman's victims
    /// is no party to fighting.
    fn lone_attacker(&self, t: &Tokens) -> bool {
        (0..t.len()).any(|i| self.lex.lone_attackers.word(t, i))
    }

    /// Whether a sentence of sentence `si`'s paragraph tells of fighting,
    /// and none of them of a lone attacker; worked out once per paragraph,
    /// tokenizing only the sentences whose words may say so.
    fn paragraph_tells_of_fighting(&self, draft: &Draft, s: &mut Scratch, si: usize) -> bool {
        let para = draft.sentences[si].paragraph;
        if let Some(&known) = s.fighting.get(&para) {
            return known;
        }
        let lex = &self.lex;
        let folded = draft.prose_lower();
        let may = |filter: &Option<lexicon::FigureFilter>, span: &std::ops::Range<usize>| {
            filter
                .as_ref()
                .is_none_or(|f| f.holds_any(&folded[span.clone()]))
        };
        let paragraph = draft.paragraphs[para].span.clone();
        let lone_possible = may(&lex.lone_filter, &paragraph);
        let sentences = &draft.sentences;
        let first = sentences.partition_point(|x| x.paragraph < para);
        s.other_holds = None;
        let mut fighting = false;
        for sentence in sentences[first..]
            .iter()
            .take_while(|x| x.paragraph == para)
        {
            let span = sentence.span.clone();
            let lone = lone_possible && may(&lex.lone_filter, &span);
            if !lone && (fighting || !may(&lex.fighting_filter, &span)) {
                continue;
            }
            s.other
                .tokenize(&draft.prose[span.clone()], span.start, Some(&lex.vocab));
            if lone && self.lone_attacker(&s.other) {
                fighting = false;
                break;
            }
            fighting = fighting || self.tells_of_fighting(&s.other);
            if fighting && !lone_possible {
                break;
            }
        }
        s.fighting.insert(para, fighting);
        fighting
    }

    /// Whether a sentence tells of a disaster or an accident (lexicon
    /// `figure-disaster-words`, possessives included: `the storm's`) and
    /// of no conflict.
    fn tells_of_disaster(&self, t: &Tokens) -> bool {
        let lex = &self.lex;
        (0..t.len()).any(|i| names_as_possessive(lex, &lex.disaster_words, t, i))
            && !(0..t.len()).any(|i| names_as_possessive(lex, &lex.conflict_words, t, i))
    }

    /// Who speaks the quotation `quote` that holds a figure of sentence
    /// `si` (whose tokens are in `s.toks`, its attributions `attrs`): an
    /// attribution outside the quotation in that sentence (`"...," said
    /// Ali, a resident.`), else in the sentence where a longer quotation
    /// ends (`"... We pulled 17 bodies out," a medic said.`) or, when it
    /// opened in a sentence before, where it starts (`He said: "... 17
    /// bodies."`).
    fn quote_speaker(
        &self,
        draft: &Draft,
        s: &mut Scratch,
        si: usize,
        quote: &std::ops::Range<usize>,
        attrs: &[Attribution],
    ) -> Option<Source> {
        let lex = &self.lex;
        if let Some(found) = attribution::speaker_outside(lex, &s.toks, attrs, quote) {
            return Some(found);
        }
        let sentences = &draft.sentences;
        let here = &sentences[si];
        // The sentence of this paragraph that holds byte `at`: sentences
        // are sorted, so a binary search finds it.
        let holding = |at: usize| {
            let j = sentences
                .partition_point(|x| x.span.start <= at)
                .checked_sub(1)?;
            let other = &sentences[j];
            (other.paragraph == here.paragraph && at < other.span.end).then_some(j)
        };
        let j = if quote.end > here.span.end {
            holding(quote.end - 1)
        } else if quote.start < here.span.start {
            holding(quote.start)
        } else {
            None
        };
        if let Some((start, found)) = &s.quote_speaker
            && *start == quote.start
        {
            return found.clone();
        }
        let found = self.speaker_elsewhere(draft, s, si, quote, j);
        s.quote_speaker = Some((quote.start, found.clone()));
        found
    }

    /// The speaker of a quotation found in another sentence: `j`, where a
    /// longer quotation ends or starts, or for a quotation that is a
    /// sentence of its own, the sentence before.
    fn speaker_elsewhere(
        &self,
        draft: &Draft,
        s: &mut Scratch,
        si: usize,
        quote: &std::ops::Range<usize>,
        j: Option<usize>,
    ) -> Option<Source> {
        let lex = &self.lex;
        let sentences = &draft.sentences;
        let here = &sentences[si];
        let mut others = Vec::new();
        // `... said in a statement:` and a block quote: the quotation goes
        // on from the speaker of the sentence before it.
        // A block quote of several paragraphs goes back to the first.
        let opening = sentences.partition_point(|x| x.span.end <= quote.start);
        let quoted_block = |k: usize| {
            draft.paragraphs[sentences[k].paragraph].kind == BlockKind::BlockQuote
                && draft.quote_around(&sentences[k].span).is_some()
        };
        let mut introduced = None;
        if opening < sentences.len() && quoted_block(opening) {
            let mut k = opening;
            while k > 0 && quoted_block(k - 1) {
                k -= 1;
            }
            introduced = k.checked_sub(1);
        }
        // `"...," said an activist. "We pulled 17 bodies out."`: a
        // quotation of whole sentences goes on from the speaker of the
        // sentence before, the last one outside its quotations.
        const SLACK: usize = 3;
        let whole_sentences = |first: usize, last: usize| {
            quote.start <= sentences[first].span.start + SLACK
                && quote.end + SLACK >= sentences[last].span.end
        };
        if let Some(j) = j.filter(|_| introduced.is_none()) {
            let span = sentences[j].span.clone();
            s.other
                .tokenize(&draft.prose[span.clone()], span.start, Some(&lex.vocab));
            s.other_holds = (j == si + 1).then_some(j);
            attribution::find(lex, &s.other, &mut others);
            let found = attribution::speaker_outside(lex, &s.other, &others, quote);
            // `..., said a farmer. "They killed 14 people. Two were my
            // brothers."`: with no speaker where it ends, the sentence
            // before it speaks.
            if found.is_some() || !whole_sentences(si.min(j), si.max(j)) {
                return found;
            }
            others.clear();
        }
        let prev = match introduced {
            Some(k) => k,
            None => {
                if !whole_sentences(opening, si.max(opening)) {
                    return None;
                }
                opening
                    .checked_sub(1)
                    .filter(|&j| sentences[j].paragraph == here.paragraph)?
            }
        };
        let span = sentences[prev].span.clone();
        s.other
            .tokenize(&draft.prose[span.clone()], span.start, Some(&lex.vocab));
        s.other_holds = None;
        attribution::find(lex, &s.other, &mut others);
        let a = others.iter().rev().find(|a| {
            !a.source.is_empty()
                && draft.quote_around(&s.other.toks[a.cue].span).is_none()
                && draft
                    .quote_around(&s.other.toks[a.source.start].span)
                    .is_none()
        })?;
        Some(attribution::speaker(lex, &s.other, a))
    }

    /// Whether a caveat covers a figure: one later in its paragraph (or
    /// anywhere in its own sentence), or one anywhere in the next paragraph.
    fn caveated(&self, draft: &Draft, s: &mut Scratch, sentence: usize, figure: &Figure) -> bool {
        let para = draft.sentences[sentence].paragraph;
        let sentence_start = draft.sentences[sentence].span.start;
        // The caveats are sorted: if any is late enough, the last is.
        let here = self.paragraph_caveats(draft, s, para);
        if here
            .last()
            .is_some_and(|&c| c >= sentence_start || c > figure.span.start)
        {
            return true;
        }
        para + 1 < draft.paragraphs.len() && !self.paragraph_caveats(draft, s, para + 1).is_empty()
    }

    /// Police who count those they killed or wounded speak as a party to
    /// the fighting (`A police spokesman said officers killed nine gang
    /// members`): the source holds a word of lexicon
    /// `figure-police-forces`, and one is the subject of the verb of
    /// lexicon `figure-police-kill-verbs` right before the figure.
    fn police_kills(
        &self,
        draft: &Draft,
        s: &mut Scratch,
        figure: &Figure,
        source: &Source,
    ) -> Option<(lexicon::SourceClass, std::ops::Range<usize>)> {
        let lex = &self.lex;
        let t = &s.toks;
        let verb = lex.police_kill_verbs.ending_at(t, figure.toks.start, 3)?;
        let verb = match verb.checked_sub(1) {
            Some(a) if lex.auxiliaries.word(t, a) => a,
            _ => verb,
        };
        // `Police said they shot dead four suspects`.
        if lex.police_forces.ending_at(t, verb, 2).is_none()
            && !verb.checked_sub(1).is_some_and(|p| t.low_is(p, "they"))
        {
            return None;
        }
        self.read_source(draft, s, source);
        lex.police_forces
            .find_in(&lex.vocab, &s.other, 0, s.other.len())
            .map(|_| (lexicon::SourceClass::Party, source.span.clone()))
    }

    /// Whether the sentence before `si` that holds a source (one a pronoun
    /// stands for) tells of armed fighting; worked out once per sentence.
    fn armed_where_named(
        &self,
        draft: &Draft,
        s: &mut Scratch,
        si: usize,
        source: &Source,
    ) -> bool {
        let Some(k) = draft.sentence_at(source.span.start).filter(|&k| k < si) else {
            return false;
        };
        if let Some((known, armed)) = s.armed_named
            && known == k
        {
            return armed;
        }
        let span = draft.sentences[k].span.clone();
        s.other_holds = None;
        s.other.tokenize(
            &draft.prose[span.clone()],
            span.start,
            Some(&self.lex.vocab),
        );
        let armed = self.tells_of_armed_fighting(&s.other);
        s.armed_named = Some((k, armed));
        armed
    }

    /// Police counting their own dead in a sentence that tells of armed
    /// fighting (`Maoist insurgents set off a bomb ..., killing 10
    /// policemen, police said`) speak as a party to it, as an army does;
    /// not police counting a riot's injured or a car bomb's victims.
    fn police_losses(
        &self,
        draft: &Draft,
        s: &mut Scratch,
        si: usize,
        figure: &Figure,
        source: &Source,
    ) -> Option<(lexicon::SourceClass, std::ops::Range<usize>)> {
        let lex = &self.lex;
        let head = figure.toks.end.checked_sub(1)?;
        if !lex.force_nouns.word(&s.toks, head) {
            return None;
        }
        // `He said two police officers were wounded`: the sentence that
        // named the speaker may tell of the fighting instead.
        if !self.told(s, si).armed() && !self.armed_where_named(draft, s, si, source) {
            return None;
        }
        self.read_source(draft, s, source);
        let mut police = lex
            .police_forces
            .find_in(&lex.vocab, &s.other, 0, s.other.len())
            .is_some();
        // `said Vidhi Sethi, the inspector general of police`: the
        // appositive after the name says what the source is.
        // Only the words right after it are read, so that a long sentence
        // is not read again for each of its figures.
        if !police && let Some(k) = draft.sentence_at(source.span.start) {
            let mut end = draft.sentences[k]
                .span
                .end
                .min(source.span.end + APPOSITIVE_BYTES);
            while !draft.prose.is_char_boundary(end) {
                end -= 1;
            }
            let after = source.span.end..end.max(source.span.end);
            s.other
                .tokenize(&draft.prose[after.clone()], after.start, Some(&lex.vocab));
            let o = &s.other;
            police = attribution::appositive_after(lex, o, 0).is_some_and(|r| {
                lex.police_forces
                    .find_in(&lex.vocab, o, r.start, r.end)
                    .is_some()
            });
        }
        (police && self.in_conflict(draft, s, draft.sentences[si].paragraph))
            .then(|| (lexicon::SourceClass::Party, source.span.clone()))
    }

    /// Tokenizes a source's words into `s.other`: they went with its
    /// sentence's buffer.
    fn read_source(&self, draft: &Draft, s: &mut Scratch, source: &Source) {
        s.other_holds = None;
        s.other.tokenize(
            &draft.prose[source.span.clone()],
            source.span.start,
            Some(&self.lex.vocab),
        );
    }

    /// A source that holds an acronym (`A KIA spokesman`) takes the class
    /// of the name it stands for, when the draft spelled that name out
    /// before (`the Kachin Independence Army`): the last spelling out
    /// before the source's sentence.
    fn acronym_earlier(
        &self,
        draft: &Draft,
        s: &mut Scratch,
        sentence: usize,
        source: &Source,
    ) -> Option<(lexicon::SourceClass, std::ops::Range<usize>)> {
        let lex = &self.lex;
        self.read_source(draft, s, source);
        let acronym = (0..s.other.len())
            .map(|i| &draft.prose[s.other.toks[i].span.clone()])
            .find(|w| {
                (2..=MAX_ACRONYM).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
            })?
            .to_string();
        if !s.acronyms.contains_key(&acronym) && s.acronyms.len() >= MAX_ACRONYMS {
            return None;
        }
        // Read on from where the last search for this acronym stopped, so
        // that a draft is read once per acronym however many figures cite it.
        let (from, mut found) = s.acronyms.get(&acronym).cloned().unwrap_or((0, None));
        let letters = acronym.as_bytes();
        for j in from..sentence {
            let span = draft.sentences[j].span.clone();
            if !draft.prose[span.clone()].contains(char::from(letters[0])) {
                continue;
            }
            s.other
                .tokenize(&draft.prose[span.clone()], span.start, Some(&lex.vocab));
            let t = &s.other;
            let initial = |i: usize, letter: u8| {
                t.is_word(i)
                    && t.toks[i].cap
                    && !t.toks[i].upper
                    && draft.prose.as_bytes()[t.toks[i].span.start] == letter
            };
            for k in (0..t.len()).rev() {
                let (mut i, mut n) = (k, 0);
                while i < t.len() && n < letters.len() {
                    if initial(i, letters[n]) {
                        n += 1;
                    } else if !(n > 0 && lex.acronym_links.word(t, i)) {
                        break;
                    }
                    i += 1;
                }
                if n == letters.len() {
                    found = attribution::source(lex, t, &(k..i)).class;
                    break;
                }
            }
        }
        s.acronyms
            .insert(acronym, (sentence.max(from), found.clone()));
        found
    }

    /// A source named only by a person's name takes the class the draft
    /// gave that person earlier (`army spokesman Ann Reyes said ...`, then
    /// `Reyes said ...`). Returns the class and the describing words.
    fn named_earlier(
        &self,
        draft: &Draft,
        s: &mut Scratch,
        sentence: usize,
        source: &Source,
    ) -> Option<(lexicon::SourceClass, std::ops::Range<usize>)> {
        let lex = &self.lex;
        let start = draft.sentences[sentence].span.start;
        self.read_source(draft, s, source);
        // `The IOM says`: a body with an article is no person's name.
        if !attribution::is_name(lex, &s.other, &(0..s.other.len()))
            || lex.determiners.word(&s.other, 0)
        {
            return None;
        }
        let surname = s
            .other
            .toks
            .last()
            .map(|t| draft.prose[t.span.clone()].to_string())?;
        let (first, described) = self.earlier_mentions(draft, s, &surname, start);
        if described.is_some() {
            return described;
        }
        // `A spokesman for the militia said ...` and then, with no other
        // introduction, `Ann Reyes said ...`: the name is the spokesman.
        let si = first.flatten()?.checked_sub(1)?;
        let span = draft.sentences[si].span.clone();
        s.other
            .tokenize(&draft.prose[span.clone()], span.start, Some(&lex.vocab));
        let mut attrs = Vec::new();
        attribution::find(lex, &s.other, &mut attrs);
        attrs
            .iter()
            .find_map(|a| attribution::unnamed_role(lex, &s.other, &a.source))
    }

    /// The source a referring source stands for: a pronoun or a noun that
    /// refers back (`He`, `They`, `The group`), or `the` and a noun (`the
    /// ministry`, `the agency`) that an earlier source holds (`Afghanistan's
    /// Defense Ministry`, `Syria's official news agency, SANA`). Read back
    /// through up to [`REFERENCE_REACH`] sentences, into the paragraph
    /// before at most: a pronoun goes to the last source with a class, over
    /// sentences with none and over sources that are pronouns themselves
    /// (`She said ... She added that ...`); in a sentence with no
    /// attribution, its subject (`The army issued a statement. It said
    /// ...`). A source with no class on the way ends the search, and is
    /// what the pronoun stands for (a name may take a class from how the
    /// draft introduced it).
    fn pronoun_earlier(
        &self,
        draft: &Draft,
        s: &mut Scratch,
        sentence: usize,
        source: &Source,
    ) -> Option<Source> {
        let lex = &self.lex;
        let here = &draft.sentences[sentence];
        self.read_source(draft, s, source);
        // `Its spokesman, who gave his name as ...,`, `the group's
        // political spokesman`: a role of the source before, as a pronoun
        // is.
        let o = &s.other;
        // `Its media office head, Dilovan Hesen,`: a role up to three words
        // on.
        let pronoun = attribution::is_pronoun(lex, o, &(0..o.len()))
            || (o.len() >= 2
                && lex.role_possessives.word(o, 0)
                && (1..o.len().min(4))
                    .take_while(|&k| o.is_word(k))
                    .any(|k| lex.role_nouns.word(o, k)))
            || (o.len() >= 3
                && o.low_is(0, "the")
                && lex.reference_possessives.word(o, 1)
                && (2..o.len()).any(|k| lex.role_nouns.word(o, k)));
        // `the ministry`, `the two officials`, `the same officials`,
        // `Ministry spokesman Abdul Ahmadzai`: the noun an earlier source
        // must hold.
        let o = &s.other;
        let mut noun = if pronoun {
            None
        } else if let Some(noun) = the_noun(o, 0..o.len()) {
            Some(noun.to_string())
        } else if o.len() == 3
            && o.low_is(0, "the")
            && (lex.number_words.word(o, 1) || lex.reference_links.word(o, 1))
            && o.is_word(2)
            && !o.toks[2].cap
        {
            Some(o.low(2).to_string())
        } else if o.len() >= 2
            && o.is_word(0)
            && o.toks[0].cap
            && !o.toks[0].upper
            && !lex.function_words.word(o, 0)
            && lex.role_nouns.word(o, 1)
            && lex.sources.iter().all(|(_, l)| l.at(o, 0).is_none())
        {
            Some(o.low(0).to_string())
        } else if let Some(k) = (0..o.len().saturating_sub(3)).find(|&k| {
            lex.role_nouns.word(o, k)
                && (o.low_is(k + 1, "for") || o.low_is(k + 1, "of"))
                && the_noun(o, k + 2..o.len()).is_some()
        }) {
            // `a spokesman for the ministry`: the ministry named before.
            the_noun(o, k + 2..o.len()).map(str::to_string)
        } else {
            None
        };
        if !pronoun && noun.is_none() {
            return None;
        }
        let singular = pronoun && o.len() == 1 && lex.singular_pronouns.word(o, 0);
        // `At the district hospital in Mokolo, its director said`, `At the
        // hospital in Bunia, staff were treating 17 people, its director
        // said`: the place the sentence opens with. Only the sentence's
        // first words are read, so that a long sentence is not read again
        // for each of its figures.
        let o = &s.other;
        if o.len() >= 2
            && lex.role_possessives.word(o, 0)
            && lex.role_nouns.word(o, 1)
            && here.span.contains(&source.span.start)
        {
            let mut end = source.span.start.min(here.span.start + OPENER_BYTES);
            while !draft.prose.is_char_boundary(end) {
                end -= 1;
            }
            let before = here.span.start..end;
            s.other
                .tokenize(&draft.prose[before.clone()], before.start, Some(&lex.vocab));
            let o = &s.other;
            if o.len() >= 3
                && lex.opening_prepositions.word(o, 0)
                && let Some(comma) = (2..o.len()).find(|&k| o.is_punct(k, ","))
                && (1..comma).all(|k| o.is_word(k))
            {
                return Some(attribution::source(lex, o, &(1..comma)));
            }
        }
        let mut attrs = Vec::new();
        // A noun names what it refers to and may reach further back than a
        // pronoun, over paragraphs (`the observatory`, `the two officials`).
        for back in 1..=NOUN_REFERENCE_REACH {
            if noun.is_none() && back > REFERENCE_REACH {
                break;
            }
            let Some(j) = sentence.checked_sub(back) else {
                break;
            };
            let prev = &draft.sentences[j];
            if noun.is_none() && prev.paragraph + 1 < here.paragraph {
                break;
            }
            s.other.tokenize(
                &draft.prose[prev.span.clone()],
                prev.span.start,
                Some(&lex.vocab),
            );
            attrs.clear();
            attribution::find(lex, &s.other, &mut attrs);
            if let Some(noun) = &noun {
                // The last source of the sentence that holds the noun, with
                // what its attribution says of it, or the sentence's subject.
                let holds = |r: &std::ops::Range<usize>| r.clone().any(|i| s.other.low(i) == noun);
                let earlier = match attrs.iter().rev().find(|a| holds(&a.source)) {
                    Some(a) => Some((a.source.clone(), attribution::speaker(lex, &s.other, a))),
                    None => attribution::opening_subject(lex, &s.other)
                        .filter(|r| holds(r))
                        .map(|r| (r.clone(), attribution::source(lex, &s.other, &r))),
                };
                if let Some((words, earlier)) = earlier {
                    // `The ministry said ...` before `the ministry added`:
                    // a reference too; on back to what it refers to.
                    if earlier.class.is_none() && the_noun(&s.other, words).is_some() {
                        continue;
                    }
                    return earlier.class.is_some().then_some(earlier);
                }
                // `the newspaper` after `the state-run Global New Light of
                // Myanmar reported`: an outlet named without the noun.
                if lex.media_references.has(&lex.vocab, noun) {
                    let outlet = attrs.iter().rev().find_map(|a| {
                        let earlier = attribution::speaker(lex, &s.other, a);
                        matches!(earlier.class, Some((lexicon::SourceClass::StateMedia, _)))
                            .then_some(earlier)
                    });
                    if outlet.is_some() {
                        return outlet;
                    }
                }
                continue;
            }
            // The words after an attribution's verb may give its source a
            // class (`said, speaking on condition of anonymity`).
            // `she said` after `..., as monitors said`: not the monitors.
            let last = if singular {
                let o = &s.other;
                attrs.iter().rev().find(|a| {
                    // The head noun: the last word of the source's first
                    // words (`monitors`, `the mission's head`, `a Catholic
                    // missionary in ...`).
                    let end = a.source.end.min(o.len());
                    let first = (a.source.start..end)
                        .find(|&k| !lex.function_words.word(o, k))
                        .unwrap_or(end);
                    let Some(w) = (first..end)
                        .find(|&k| !o.is_word(k) || lex.function_words.word(o, k))
                        .unwrap_or(end)
                        .checked_sub(1)
                        .filter(|&w| w >= first)
                    else {
                        return true;
                    };
                    let low = o.low(w);
                    !(o.is_word(w)
                        && !o.toks[w].cap
                        && low.ends_with('s')
                        && !low.ends_with("ss")
                        && !low.ends_with("'s"))
                })
            } else {
                attrs.last()
            };
            let (before, earlier) = match last {
                Some(last) => (
                    last.source.clone(),
                    attribution::speaker(lex, &s.other, last),
                ),
                None => {
                    // `In a statement on state television, government
                    // spokesman Adama Sawadogo called ...`: the subject
                    // after an opening phrase.
                    let classed = |r: std::ops::Range<usize>| {
                        let earlier = attribution::source(lex, &s.other, &r);
                        earlier.class.is_some().then_some((r, earlier))
                    };
                    // `The General Coordination ..., a local body ...,
                    // put the toll higher`: with its appositive.
                    let after_opener = || {
                        attribution::subject_after_opener(lex, &s.other)
                            .and_then(classed)
                            .or_else(|| {
                                attribution::opening_subject_with_appositive(lex, &s.other)
                                    .and_then(classed)
                            })
                    };
                    match attribution::opening_subject(lex, &s.other) {
                        Some(subject) => {
                            let earlier = attribution::source(lex, &s.other, &subject);
                            match earlier.class {
                                Some(_) => (subject, earlier),
                                None => after_opener().unwrap_or((subject, earlier)),
                            }
                        }
                        None => match after_opener() {
                            Some(found) => found,
                            None => continue,
                        },
                    }
                }
            };
            if earlier.class.is_some() {
                return Some(earlier);
            }
            if attrs.is_empty() {
                continue;
            }
            // `The group said ...` before `the statement said ...`: on back
            // to the group named.
            if attribution::is_pronoun(lex, &s.other, &before) {
                if let Some(n) = the_noun(&s.other, before.clone()) {
                    noun = Some(n.to_string());
                }
                continue;
            }
            // `It said ...` after `the ministry said ...`: on back to what
            // that reference refers to.
            if let Some(n) = the_noun(&s.other, before.clone()) {
                noun = Some(n.to_string());
                continue;
            }
            // The pronoun stands for a source with no class of its own: a
            // name may still take one from how it was introduced.
            return Some(earlier);
        }
        None
    }

    /// For the mentions of `surname` before byte `start` (a sentence's
    /// start) that are whole words of their sentence: the first one's
    /// sentence if the name opens it (`None` inside when it does not;
    /// `None` when there is no such mention), and how the first mention
    /// that describes the person describes them.
    #[allow(clippy::type_complexity)]
    fn earlier_mentions(
        &self,
        draft: &Draft,
        s: &mut Scratch,
        surname: &str,
        start: usize,
    ) -> (
        Option<Option<usize>>,
        Option<(lexicon::SourceClass, std::ops::Range<usize>)>,
    ) {
        let Scratch {
            surnames, other, ..
        } = s;
        let mentions = surnames.entry(surname.to_string()).or_default();
        // The mentions before the figure's sentence (the one that ends
        // where it starts has no next character there), read on from the
        // last one read.
        while self.read_mention(draft, other, surname, start, mentions) {}
        let k = mentions.found.partition_point(|m| m.end <= start);
        let last = k.checked_sub(1).filter(|&j| {
            let m = &mentions.found[j];
            m.end == start && m.free_start && m.opens.is_some()
        });
        let earliest = |a: Option<usize>, b: Option<usize>| match (a.filter(|&j| j < k), b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let first = earliest(mentions.first, last);
        let described = earliest(
            mentions.first_described,
            last.filter(|&j| mentions.found[j].described.is_some()),
        );
        (
            first.and_then(|j| mentions.found[j].opens),
            described.and_then(|j| mentions.found[j].described.clone()),
        )
    }

    /// Reads the next mention of `surname` that ends by byte `limit`
    /// (tokenizing its sentence into `other`); false when there is none.
    fn read_mention(
        &self,
        draft: &Draft,
        other: &mut Tokens,
        surname: &str,
        limit: usize,
        m: &mut Mentions,
    ) -> bool {
        let prose = &draft.prose;
        if m.from >= limit {
            return false;
        }
        let Some(pos) = prose[m.from..limit].find(surname) else {
            // None ends by `limit`: the next starts after the last place
            // one could start and still end by it.
            let mut next = limit.saturating_sub(surname.len() - 1).max(m.from);
            while !prose.is_char_boundary(next) {
                next -= 1;
            }
            m.from = next.max(m.from);
            return false;
        };
        let at = m.from + pos;
        let end = at + surname.len();
        m.from = end;
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
        let free_start = !word(prose[..at].chars().next_back());
        let joined_end = word(prose[end..].chars().next());
        // A mention joined to the next word counts only for a figure whose
        // sentence starts right after it.
        let may_count = !joined_end
            || draft
                .sentence_at(end)
                .is_some_and(|k| draft.sentences[k].span.start == end);
        let (mut opens, mut described) = (None, None);
        if free_start
            && may_count
            && let Some(si) = draft.sentence_at(at)
        {
            let span = draft.sentences[si].span.clone();
            other.tokenize(&prose[span.clone()], span.start, Some(&self.lex.vocab));
            // From the first word of the name as written there.
            if let Some(mut i) = other.toks.iter().position(|t| t.span.start == at) {
                // `the UN Security Council`, `the Reyes Foundation`: a
                // longer name, not a mention of this one (a heading may
                // capitalize every word).
                let last = other.toks[i..].iter().position(|t| t.span.end >= end);
                let longer = last.is_some_and(|k| {
                    let next = i + k + 1;
                    other.is_word(next)
                        && other.toks[next].cap
                        && draft.paragraphs[draft.sentences[si].paragraph].kind
                            != BlockKind::Heading
                });
                if !longer {
                    while i > 0 && other.is_word(i - 1) && other.toks[i - 1].cap {
                        i -= 1;
                    }
                    opens = Some((i == 0).then_some(si));
                    described = attribution::describe(&self.lex, other, i);
                }
            }
        }
        let mention = Mention {
            end,
            free_start,
            joined_end,
            opens,
            described,
        };
        if mention.counts() {
            let j = m.found.len();
            m.first.get_or_insert(j);
            if mention.described.is_some() {
                m.first_described.get_or_insert(j);
            }
        }
        m.found.push(mention);
        true
    }

    /// Whether the section holding paragraph `para` tells of a conflict:
    /// one of the conflict words in it (from the heading before it to the
    /// next heading) or in a section above it (a heading of higher rank and
    /// the paragraphs before its first subheading). A draft of several
    /// briefs is judged brief by brief.
    fn in_conflict(&self, draft: &Draft, s: &mut Scratch, para: usize) -> bool {
        let paras = &draft.paragraphs;
        let mut section = (0..=para)
            .rev()
            .find(|&p| paras[p].kind == BlockKind::Heading);
        let own = self.section_in_conflict(draft, s, section.unwrap_or(0));
        if own {
            return true;
        }
        let parents = s.parents.get_or_insert_with(|| heading_parents(draft));
        let mut above = Vec::new();
        while let Some(p) = section.and_then(|p| parents.get(&p).copied().flatten()) {
            above.push(p);
            section = Some(p);
        }
        above
            .into_iter()
            .any(|p| self.section_in_conflict(draft, s, p))
    }

    /// Whether the paragraphs from `first` to the next heading hold a
    /// conflict word; worked out once per section.
    fn section_in_conflict(&self, draft: &Draft, s: &mut Scratch, first: usize) -> bool {
        if let Some(&known) = s.conflict.get(&first) {
            return known;
        }
        let paras = &draft.paragraphs;
        let end = (first + 1..paras.len())
            .find(|&p| paras[p].kind == BlockKind::Heading)
            .unwrap_or(paras.len());
        let lex = &self.lex;
        s.other_holds = None;
        let folded = draft.prose_lower();
        let found = (first..end).any(|p| {
            let span = paras[p].span.clone();
            if !lex.conflict_filter.holds_any(&folded[span.clone()]) {
                return false;
            }
            s.other
                .tokenize(&draft.prose[span.clone()], span.start, Some(&lex.vocab));
            let t = &s.other;
            // `migrants fleeing war`: a conflict somewhere else.
            let elsewhere = |a: usize| {
                let before = match a.checked_sub(1) {
                    Some(b) if b > 0 && t.low_is(b, "the") => b - 1,
                    Some(b) => b,
                    None => return false,
                };
                lex.flight_words.word(t, before)
            };
            let mut from = 0;
            while let Some((a, b)) = lex.conflict_words.find_in(&lex.vocab, t, from, t.len()) {
                if !elsewhere(a) {
                    return true;
                }
                from = b;
            }
            false
        });
        s.conflict.insert(first, found);
        found
    }

    fn paragraph_caveats<'a>(&self, draft: &Draft, s: &'a mut Scratch, para: usize) -> &'a [usize] {
        if s.caveats.len() < draft.paragraphs.len() {
            s.caveats.resize(draft.paragraphs.len(), None);
        }
        let Scratch {
            caveats,
            other,
            windows,
            other_holds,
            ..
        } = s;
        let folded = draft.prose_lower();
        caveats[para].get_or_insert_with(|| {
            let span = draft.paragraphs[para].span.clone();
            let text = &draft.prose[span.clone()];
            // No caveat ends but at a possible last word of one, so none
            // starts more than its reach before it, and a negation stands
            // at most `NEGATION_REACH` tokens before that: the tokens of a
            // few more words before each such word are enough. Windows that
            // touch are merged, so a caveat never spans two of them, and
            // the greedy scan reads the same matches as over the whole
            // paragraph.
            let words = self.lex.caveat_reach + attribution::NEGATION_REACH + 2;
            caveat_windows(&self.lex, &folded[span.clone()], words, windows);
            let mut found = Vec::new();
            *other_holds = None;
            for w in windows.iter() {
                other.tokenize(
                    &text[w.clone()],
                    span.start + w.start,
                    Some(&self.lex.vocab),
                );
                attribution::caveats(&self.lex, other, &mut found);
            }
            found.sort_unstable();
            found
        })
    }
}

/// Whether an entry of `l` starts at token `i`, or token `i` is one of its
/// words with a possessive ending (`the militia's`, `Hamas'`).
fn names_as_possessive(lex: &Lexicons, l: &lexicon::Lex, t: &Tokens, i: usize) -> bool {
    l.at(t, i).is_some()
        || t.low(i)
            .strip_suffix("'s")
            .or_else(|| t.low(i).strip_suffix('\''))
            .is_some_and(|w| l.has(&lex.vocab, w))
}

/// The noun of tokens `r` that are `the` and one to three lowercase words
/// (`the ministry`, `the health ministry`): a source that refers to one
/// named before.
fn the_noun(t: &Tokens, r: std::ops::Range<usize>) -> Option<&str> {
    ((2..=4).contains(&r.len())
        && t.low_is(r.start, "the")
        && (r.start + 1..r.end).all(|i| t.is_word(i) && !t.toks[i].cap))
    .then(|| t.low(r.end - 1))
}

/// The heading of higher rank (fewer `#`) that each heading of a draft is
/// under, by paragraph index: one pass with a stack of open headings.
fn heading_parents(draft: &Draft) -> HashMap<usize, Option<usize>> {
    let mut parents = HashMap::default();
    let mut open: Vec<(usize, usize)> = Vec::new();
    for (p, para) in draft.paragraphs.iter().enumerate() {
        if para.kind != BlockKind::Heading {
            continue;
        }
        let rank = heading_rank(draft, p);
        while open.last().is_some_and(|&(_, r)| r >= rank) {
            open.pop();
        }
        parents.insert(p, open.last().map(|&(q, _)| q));
        open.push((p, rank));
    }
    parents
}

/// The rank of the heading at paragraph `p`: its number of `#`, or 1 for
/// an underlined heading.
fn heading_rank(draft: &Draft, p: usize) -> usize {
    let start = draft.paragraphs[p].span.start;
    let line = draft.text[..start].rfind('\n').map_or(0, |i| i + 1);
    let hashes = draft.text[line..start]
        .trim_start()
        .bytes()
        .take_while(|&b| b == b'#')
        .count();
    hashes.max(1)
}

/// The stretches of `text` that may hold a caveat, in order and apart: from
/// `words` whitespace-separated words before each possible last word of a
/// caveat to the whitespace after it. Whitespace is never inside a token,
/// so the tokens of a stretch are those of the whole text there. `text`
/// has its ASCII lowercased (see [`Lexicons::caveat_filter`]).
fn caveat_windows(lex: &Lexicons, text: &str, words: usize, out: &mut Vec<std::ops::Range<usize>>) {
    out.clear();
    let Some(ac) = &lex.caveat_filter else {
        out.push(0..text.len());
        return;
    };
    for m in ac.find_iter(text) {
        let start = words_back(text, m.start(), words);
        let end = text[m.end()..]
            .find(char::is_whitespace)
            .map_or(text.len(), |e| m.end() + e);
        match out.last_mut() {
            Some(last) if start <= last.end => last.end = last.end.max(end),
            _ => out.push(start..end),
        }
    }
}

/// The start of the whitespace character before the `n`th run of
/// non-whitespace that ends before byte `at` (the run holding `at` counts),
/// or 0.
fn words_back(text: &str, at: usize, n: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text[..at].char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == n {
                    return i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    0
}

/// The text of a span on one line, for a message.
fn quoted(draft: &Draft, span: &std::ops::Range<usize>) -> String {
    let text = &draft.text[span.clone()];
    // Most spans are ASCII words with one space between them: as they are.
    let b = text.as_bytes();
    if text.is_ascii()
        && b.first().is_some_and(|&c| c != b' ')
        && b.last().is_some_and(|&c| c != b' ')
        && !b.windows(2).any(|w| w == b"  ")
        && !b.iter().any(|&c| c != b' ' && c.is_ascii_whitespace())
    {
        return text.to_string();
    }
    // The words joined by one space, with no list of them in between.
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn unattributed(rule: &Rule, cx: &Context, draft: &Draft, figure: &Figure) -> Finding {
    let text = quoted(draft, &figure.span);
    let mut f = super::finding(
        rule,
        cx,
        figure.span.clone(),
        format!("figure `{text}` has no attribution in its sentence"),
    );
    // Constant notes, shared by every finding rather than copied into each.
    const fn notes(example: &'static str) -> [Text; 2] {
        [
            Cow::Borrowed(example),
            Cow::Borrowed(
                "help: or let the next sentence point back to it, e.g. `The figures come from the county emergency office.`",
            ),
        ]
    }
    static MONEY: [Text; 2] =
        notes("help: add the source, e.g. `..., according to the finance ministry`");
    static PERCENT: [Text; 2] =
        notes("help: add the source, e.g. `..., according to the national statistics office`");
    static OTHER: [Text; 2] = notes("help: add the source, e.g. `..., the health ministry said`");
    f.notes = Notes::fixed(match figure.class {
        Class::Money => &MONEY,
        Class::Percent => &PERCENT,
        _ => &OTHER,
    });
    f
}

fn unverified(
    lex: &Lexicons,
    rule: &Rule,
    cx: &Context,
    draft: &Draft,
    figure: &Figure,
    source: &Source,
    (class, words): (lexicon::SourceClass, std::ops::Range<usize>),
) -> Finding {
    let text = quoted(draft, &figure.span);
    let mut who = quoted(draft, &source.span);
    if who.split_whitespace().count() > 8
        && words.start >= source.span.start
        && words.end <= source.span.end
    {
        // `An aide to the minister, speaking on condition of anonymity`:
        // the phrase before its first comma names the source, when short.
        // `A protester who gave his name only as Tunde`: or the phrase
        // before its relative clause.
        let relative = || {
            let cut = who
                .split_whitespace()
                .position(|w| lex.relative_pronouns.has(&lex.vocab, &w.to_lowercase()))?;
            (1..=8).contains(&cut).then(|| {
                who.split_whitespace()
                    .take(cut)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        };
        who = match who.split_once(',') {
            Some((head, _)) if (1..=8).contains(&head.split_whitespace().count()) => {
                head.to_string()
            }
            _ => relative().unwrap_or_else(|| quoted(draft, &words)),
        };
    }
    // `the army Thursday said`, `rebels on Thursday said`: the source
    // without the time it spoke.
    let mut words_of: Vec<&str> = who.split_whitespace().collect();
    while words_of.len() > 1
        && lex
            .source_times
            .has(&lex.vocab, &words_of[words_of.len() - 1].to_lowercase())
    {
        words_of.pop();
    }
    let who = lower_first(lex, &words_of.join(" "));
    let describe = class.describe();
    // `witnesses` is its own class's description: said once.
    let message = if lex.person_pronouns.has(&lex.vocab, &who) {
        // `he` names no one: the words that gave the class say who.
        let words = quoted(draft, &words);
        format!(
            "casualty figure `{text}` comes from {describe} (`{words}`) and is not marked as unverified"
        )
    } else if describe.split(" or ").any(|d| d.eq_ignore_ascii_case(&who)) {
        format!("casualty figure `{text}` comes from {who} and is not marked as unverified")
    } else {
        format!(
            "casualty figure `{text}` comes from {who}, {describe}, and is not marked as unverified"
        )
    };
    let mut f = super::finding(rule, cx, figure.span.clone(), message);
    f.labels.push(Label {
        file: cx.file,
        span: source.span.clone(),
        message: format!("source: {}", class.describe()).into(),
    });
    if words.start < source.span.start || words.end > source.span.end {
        f.labels.push(Label {
            file: cx.file,
            span: words.clone(),
            message: "the draft describes the source here".into(),
        });
    }
    f.notes.push("help: add `The figure could not be independently verified.` after it, in this paragraph or the next");
    f
}

/// `The army` → `the army`, `Residents` → `residents` inside a message: a
/// first word that is capitalized only because it opens the sentence.
fn lower_first(lex: &Lexicons, s: &str) -> String {
    let mut words = s.split_whitespace();
    let first = words.next().unwrap_or("");
    let lower = first.to_lowercase();
    let common = lex.one_words.has(&lex.vocab, &lower)
        || lex.determiners.has(&lex.vocab, &lower)
        || lex.common_nouns.contains(&lower);
    // `Central Command`: a common word that opens a name stays as written.
    let opens_name = words
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !lex.one_words.has(&lex.vocab, &lower)
        && !lex.determiners.has(&lex.vocab, &lower)
        && !lex.number_words.has(&lex.vocab, &lower);
    if common && !opens_name && first != lower && first.chars().skip(1).all(|c| !c.is_uppercase()) {
        format!("{lower}{}", &s[first.len()..])
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The caveats of a paragraph read window by window, and over all of it.
    fn caveats_both_ways(text: &str) -> (Vec<usize>, Vec<usize>) {
        let lex = finder::tests::lexicons();
        let mut t = Tokens::default();
        t.tokenize(text, 100, Some(&lex.vocab));
        let mut whole = Vec::new();
        attribution::caveats(lex, &t, &mut whole);
        let mut windows = Vec::new();
        let words = lex.caveat_reach + attribution::NEGATION_REACH + 2;
        caveat_windows(lex, &text.to_ascii_lowercase(), words, &mut windows);
        for pair in windows.windows(2) {
            assert!(pair[0].end < pair[1].start, "{windows:?}");
        }
        let mut windowed = Vec::new();
        for w in &windows {
            t.tokenize(&text[w.clone()], 100 + w.start, Some(&lex.vocab));
            attribution::caveats(lex, &t, &mut windowed);
        }
        (whole, windowed)
    }

    #[test]
    fn caveat_windows_find_what_the_whole_paragraph_holds() {
        let filler = "The road was cut for most of the week and crews worked on it. ".repeat(6);
        for text in [
            format!(
                "{filler}The toll could not be independently verified. {filler}None of the claims could be confirmed."
            ),
            format!(
                "Unconfirmed reports. {filler}Officials confirmed it; nothing was verified, {filler}"
            ),
            format!(
                "{filler}Neither figure could be verified — there was no way of verifying them."
            ),
            "Residents said 40 died. The toll has not been verified.".to_string(),
            format!("{filler}THE TOLL COULD NOT BE VERIFIED. {filler}"),
            format!("{filler}{filler}"),
        ] {
            let (whole, windowed) = caveats_both_ways(&text);
            assert_eq!(whole, windowed, "{text}");
        }
        let (whole, _) = caveats_both_ways(&format!(
            "{filler}It could not be verified. {filler}Unverified."
        ));
        assert_eq!(whole.len(), 2);
    }

    /// `earlier_mentions` as first written: every mention before `start`
    /// read again, in order.
    #[allow(clippy::type_complexity)]
    fn earlier_mentions_read_again(
        check: &FigureCheck,
        draft: &Draft,
        surname: &str,
        start: usize,
    ) -> (
        Option<Option<usize>>,
        Option<(lexicon::SourceClass, std::ops::Range<usize>)>,
    ) {
        let before = &draft.prose[..start];
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
        let mut t = Tokens::default();
        let mut first = None;
        for (at, _) in before.match_indices(surname) {
            let end = at + surname.len();
            if word(before[..at].chars().next_back()) || word(before[end..].chars().next()) {
                continue;
            }
            let Some(si) = draft.sentence_at(at) else {
                continue;
            };
            let span = draft.sentences[si].span.clone();
            t.tokenize(
                &draft.prose[span.clone()],
                span.start,
                Some(&check.lex.vocab),
            );
            let Some(mut i) = t.toks.iter().position(|t| t.span.start == at) else {
                continue;
            };
            // A longer name (`the Okafor Foundation`) outside a heading.
            if t.is_word(i + 1)
                && t.toks[i + 1].cap
                && draft.paragraphs[draft.sentences[si].paragraph].kind != BlockKind::Heading
            {
                continue;
            }
            while i > 0 && t.is_word(i - 1) && t.toks[i - 1].cap {
                i -= 1;
            }
            first.get_or_insert((i == 0).then_some(si));
            if let Some(found) = attribution::describe(&check.lex, &t, i) {
                return (first, Some(found));
            }
        }
        (first, None)
    }

    #[test]
    fn mentions_read_once_say_what_mentions_read_again_say() {
        let check = FigureCheck {
            lex: Lexicons::new(&crate::rules::Pack::builtin().unwrap()),
            unattributed: None,
            unverified: None,
        };
        let text = "Reyes said 40 died. Residents saw Lee in Leeds and Reyesville. \
            Okafor said 3 died.\n\nA rebel commander told the Okafor Foundation board. \
            Army spokesman Tom Okafor spoke. Lee, a local \
            resident, was there. Reyes and Okafor said 9 died.\n\nA spokesman for the \
            militia spoke.\n\nAnn Mensah said 12 died. Mensah said 4 died.LeeSaid so. \
            Okafor, a colonel in the army, left. Lee said 2 died.";
        let draft = Draft::parse("a.md", text, &crate::draft::Language::default());
        let (mut opening, mut described) = (0, 0);
        for surname in ["Reyes", "Lee", "Okafor", "Mensah", "Said", "Nobody"] {
            // Asked in order, out of order and again, as figures ask.
            let mut s = Scratch::default();
            let n = draft.sentences.len();
            for si in (0..n).chain((0..n).rev()).chain(0..n) {
                let start = draft.sentences[si].span.start;
                let got = check.earlier_mentions(&draft, &mut s, surname, start);
                assert_eq!(
                    got,
                    earlier_mentions_read_again(&check, &draft, surname, start),
                    "{surname} before sentence {si}"
                );
                opening += usize::from(matches!(got.0, Some(Some(_))));
                described += usize::from(got.1.is_some());
            }
        }
        // The draft has both kinds of earlier mention.
        assert!(opening > 0 && described > 0, "{opening} {described}");
    }

    #[test]
    fn caveat_windows_stop_at_whitespace_and_merge() {
        let lex = finder::tests::lexicons();
        let mut w = Vec::new();
        caveat_windows(lex, "it was verified, then confirmed. later", 3, &mut w);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0], 0.."it was verified, then confirmed.".len());
        caveat_windows(lex, "nothing here at all.", 3, &mut w);
        assert!(w.is_empty());
    }

    #[test]
    fn quoted_joins_words_with_one_space() {
        let draft = Draft::parse(
            "a.md",
            "Some  2.5\n million\tpeople  voted.",
            &crate::draft::Language::default(),
        );
        let all = 0..draft.text.len();
        assert_eq!(quoted(&draft, &all), "Some 2.5 million people voted.");
        assert_eq!(quoted(&draft, &(4..6)), "");
        assert_eq!(quoted(&draft, &(0..4)), "Some");
        assert_eq!(quoted(&draft, &(3..9)), "e 2.5");
        // A no-break space is whitespace too.
        let draft = Draft::parse("a.md", "Some 5\u{a0}000 people.", &Default::default());
        assert_eq!(quoted(&draft, &(5..13)), "5 000 p");
    }

    #[test]
    fn words_back_stops_at_whitespace() {
        let text = "One two  three four";
        let at = text.find("four").unwrap();
        assert_eq!(words_back(text, at, 1), text.find("  three").unwrap() + 1);
        assert_eq!(words_back(text, at, 2), text.find(" two").unwrap());
        assert_eq!(words_back(text, at, 3), 0);
        // Inside a word, its start counts as a word.
        assert_eq!(words_back(text, at + 2, 1), text.find(" four").unwrap());
    }
}
