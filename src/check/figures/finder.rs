//! The figure finder: numbers that count or measure something a reader
//! needs a source for (spec section 2), with their qualifier and head noun.

use super::lexicon::{Lex, Lexicons};
use super::tokens::{TokKind, Tokens};
use std::ops::Range;

/// What a figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    People,
    Casualties,
    Weapons,
    Money,
    Percent,
    /// A bare number that a casualty word or a toll counts (`kills 30`,
    /// `the toll rose to 65`, `nineteen injured`).
    Toll,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// Byte range in the draft: qualifier, number and head noun.
    pub span: Range<usize>,
    /// Token range.
    pub toks: Range<usize>,
    pub class: Class,
    /// A casualty figure (spec section 3): it needs a caveat when its
    /// source cannot be taken on trust.
    pub casualty: bool,
    /// A bare count that shares the noun of the figure before it (see
    /// [`compared_count`]): a casualty figure when that one is.
    pub compared: bool,
}

/// A number phrase: `1,234`, `2.5 million`, `ninety-nine`, `tens of thousands`.
struct Number {
    end: usize,
    vague: bool,
}

/// Finds the figures among the tokens of one sentence.
pub fn find(lex: &Lexicons, t: &Tokens, out: &mut Vec<Figure>) {
    let first = out.len();
    let mut i = 0;
    while i < t.len() {
        if !lex.may_start_figure(t, i) {
            i += 1;
            continue;
        }
        let found = figure_at(lex, t, i).or_else(|| {
            out[first..].last().and_then(|prev| {
                elided_count(lex, t, i, prev)
                    .or_else(|| coordinated_object(lex, t, i, prev))
                    .or_else(|| compared_count(lex, t, i, prev))
            })
        });
        match found {
            Some(f) => {
                i = f.toks.end;
                out.push(f);
            }
            None => i += 1,
        }
    }
    if out.len() > first {
        let casualty_sentence = (0..t.len()).any(|i| lex.casualty_words.word(t, i));
        // A list of counts (`at least 49 civilians and dozens of army
        // defectors`, `four crew and ten passengers,`): a casualty word by
        // the list is each one's.
        let joined = |end: usize, next: &Range<usize>| {
            next.start == end + 1 && (t.low_is(end, "and") || t.is_punct(end, ","))
        };
        // Where the list of the figure read last starts, and that figure's
        // end.
        let mut list: Option<(usize, usize)> = None;
        // `the council's 15 members`: some nouns count people only beside a
        // word of the dead and hurt (`12 members of one family died`, not
        // `mourners filled the stadium for the leader killed in a strike`).
        let mut keep = first;
        for k in first..out.len() {
            let f = &out[k];
            // Figures after `k` are still in the order they were read.
            let list_start = match list {
                Some((start, end)) if joined(end, &f.toks) => start,
                _ => f.toks.start,
            };
            list = Some((list_start, f.toks.end));
            let head = f.toks.clone().rev().find(|&i| t.is_word(i));
            // `24 service members` is a people noun of its own.
            let people_noun = |h: usize| {
                (h.saturating_sub(2)..=h).any(|s| {
                    lex.people.at(t, s) == Some(h + 1) || lex.group_nouns.at(t, s) == Some(h + 1)
                })
            };
            let only_in_casualties = f.class == Class::People
                && head.is_some_and(|h| lex.casualty_people.word(t, h) && !people_noun(h));
            // `at least 21 people have been killed aboard downed aircraft,
            // including two contractors`, `killed 83 militants, including 12
            // suicide bombers`: a share of a count of the dead and hurt
            // before it is one too.
            let share = casualty_sentence
                && matches!(f.class, Class::People | Class::Toll)
                && f.toks.start >= 2
                && lex
                    .share_links
                    .ending_at(t, f.toks.start, 2)
                    .is_some_and(|l| l > 0 && t.is_punct(l - 1, ","))
                && out[first..keep].iter().any(|p| {
                    p.casualty
                        || p.class == Class::People
                            && !subject_of_other_verb(lex, t, p)
                            && !object_of_other_verb(lex, t, p)
                });
            let among_casualties = || {
                let mut list_end = f.toks.end;
                for next in &out[k + 1..] {
                    if !joined(list_end, &next.toks) {
                        break;
                    }
                    list_end = next.toks.end;
                }
                // `40 members of the security forces have been killed`:
                // the casualty word may stand after an `of` phrase.
                let of_phrase = if t.low_is(f.toks.end, "of") {
                    OF_PHRASE_REACH
                } else {
                    0
                };
                let mut end = (list_end + CASUALTY_PEOPLE_REACH + of_phrase).min(t.len());
                // `Five members of a family, including three children,
                // were killed`: on over a share between commas.
                if let Some(c) = (f.toks.end..end)
                    .find(|&k| t.is_punct(k, ",") && lex.share_links.at(t, k + 1).is_some())
                    && let Some(close) = (c + 2..(c + 2 + CASUALTY_PEOPLE_REACH * 2).min(t.len()))
                        .find(|&k| t.is_punct(k, ","))
                {
                    end = (close + 1 + CASUALTY_PEOPLE_REACH).min(t.len());
                }
                let near = list_start.saturating_sub(CASUALTY_PEOPLE_REACH)..end;
                casualty_sentence
                    && (f.casualty
                        || share
                        || near.into_iter().any(|i| lex.casualty_words.word(t, i))
                        || predicate_after_relative(lex, t, f))
            };
            // `killing 28 people from three families`: a count of where
            // the people counted before come from is part of that figure.
            // So is `16 of the dead belonged to two families`.
            let origin = keep > first
                && f.class == Class::People
                && matches!(out[keep - 1].class, Class::People | Class::Toll)
                && lex
                    .origin_words
                    .ending_at(t, f.toks.start, 3)
                    .is_some_and(|l| l == out[keep - 1].toks.end);
            if (!only_in_casualties || among_casualties()) && !origin {
                out[k].casualty |= share;
                out.swap(keep, k);
                keep += 1;
            }
        }
        out.truncate(keep);
        for f in &mut out[first..] {
            // `We have 2,500 of our soldiers in Marjah`: a count of
            // soldiers, children or civilians is a casualty figure only in
            // a sentence that tells of the dead and hurt.
            if f.class == Class::People
                && !casualty_sentence
                && !lex.casualty_states.word(t, f.toks.end)
                && !takes_lives(lex, t, f.toks.start, f.toks.end)
            {
                f.casualty = false;
            }
            // `overrun by "hundreds of men on motorbikes"`: those who do
            // what a passive tells of are not its dead and hurt.
            if f.class == Class::People && agent_of_passive(lex, t, f) {
                f.casualty = false;
                continue;
            }
            // `The enemy lost 220 soldiers`: losses are the dead and hurt,
            // quoted or not (`had lost "more than 30 servicemen"`).
            let before = match f.toks.start.checked_sub(1) {
                Some(q) if q > 0 && t.is_quote(q) => Some(q - 1),
                other => other,
            };
            if f.class == Class::People && before.is_some_and(|b| lex.loss_verbs.word(t, b)) {
                f.casualty = true;
                continue;
            }
            if f.class == Class::People
                && casualty_sentence
                && !bystanding_perpetrators(lex, t, f)
                && !subject_of_other_verb(lex, t, f)
                && !object_of_other_verb(lex, t, f)
            {
                f.casualty = true;
            }
        }
        for k in first + 1..out.len() {
            if out[k].compared {
                out[k].casualty = out[k - 1].casualty;
            }
        }
    }
}

/// How many tokens from a count of lexicon `figure-casualty-people` a
/// casualty word makes it a count of people (`Two crew members were later
/// found dead`).
const CASUALTY_PEOPLE_REACH: usize = 5;

/// How many more tokens that reach runs over when an `of` phrase follows
/// the count (`members of the security forces`).
const OF_PHRASE_REACH: usize = 4;

/// How many words after its verb a casualty word still makes a count of
/// people a casualty figure (`were treated for gunshot wounds`).
const VERB_OBJECT_REACH: usize = 6;

/// A count of people that is the subject of a verb phrase of its own with
/// no casualty word (`more than 120,000 residents had been moved out`,
/// `40 people were rescued`): the dead and hurt of its sentence are
/// others.
fn subject_of_other_verb(lex: &Lexicons, t: &Tokens, f: &Figure) -> bool {
    let casualty_at = |i: usize| casualty_at(lex, t, i);
    let mut j = f.toks.end;
    // `as thousands of Afghans who had broken through ... tried`: the verb
    // of a relative clause on the count, when nothing after the count nor
    // right before it tells of the dead and hurt (`killed 45 rioters who
    // attacked`, `17 patients who had been waiting were missing`).
    if lex.relative_pronouns.word(t, j)
        && !f.toks.start.checked_sub(1).is_some_and(casualty_at)
        && !(j..t.len()).any(casualty_at)
    {
        j += 1;
    }
    let verb_from = j;
    while j < t.len() && j < verb_from + 3 && lex.auxiliaries.word(t, j) {
        j += 1;
    }
    // `the bodies of 64 men were found`: the noun phrase says it.
    let of_casualties =
        f.toks.start >= 2 && t.low_is(f.toks.start - 1, "of") && casualty_at(f.toks.start - 2);
    // `as 2,000 people marched in the capital`: a past tense right after
    // a count that opens its clause is a verb of its own too (not after
    // `killed 12 men accused of spying`, where it describes the object).
    let opens_clause = f.toks.start.checked_sub(1).is_none_or(|b| {
        !t.is_word(b) || lex.function_words.word(t, b) || lex.speech_verbs.word(t, b)
    });
    // `hundreds of people preparing to flee ... had queued`: so is a
    // present participle right after the count, when nothing before the
    // count nor in its clause tells of the dead and hurt (not `killed two
    // fighters trying to cross`, `two policemen guarding the gate were
    // among the dead`).
    let participle = || {
        t.low(j).ends_with("ing")
            && !f.toks.start.checked_sub(1).is_some_and(casualty_at)
            && !(j..t.len())
                .take_while(|&i| !t.is_punct(i, ",") && !t.is_punct(i, ";"))
                .any(casualty_at)
    };
    let past = j == f.toks.end
        && t.is_word(j)
        && (opens_clause && t.low(j).ends_with("ed") || participle())
        && !lex.function_words.word(t, j)
        && !casualty_at(j);
    if (j == f.toks.end && !past) || !t.is_word(j) || of_casualties {
        return false;
    }
    if lex.function_words.word(t, j) {
        // `about 130 people had been on board, meaning that up to 100 could
        // be missing`: a place or state with no casualty word in its clause.
        let clause_end = (j..t.len())
            .find(|&i| t.is_punct(i, ",") || t.is_punct(i, ";"))
            .unwrap_or(t.len());
        return !(j..clause_end).any(casualty_at);
    }
    !(j..(j + 1 + VERB_OBJECT_REACH).min(t.len())).any(casualty_at)
}

/// Whether token `i` tells of the dead and hurt.
fn casualty_at(lex: &Lexicons, t: &Tokens, i: usize) -> bool {
    lex.casualty_words.word(t, i)
        || lex.casualty_states.word(t, i)
        || lex.casualty_nouns.at(t, i).is_some()
}

/// A count of people that is the object of a participle with no casualty
/// word (`holding 182 hostages`, `capturing eight others`, not `killing
/// 12 people` nor `leaving 12 dead`): the dead and hurt of its sentence
/// are others.
fn object_of_other_verb(lex: &Lexicons, t: &Tokens, f: &Figure) -> bool {
    let Some(v) = f.toks.start.checked_sub(1) else {
        return false;
    };
    // `had locked dozens of people in the hold`: a past participle after
    // `had`, `has` or `have` is a verb as surely as an `-ing` form, and so
    // is one joined to a verb before (`killed the gunmen and freed 71
    // hostages`).
    // `had also freed four hostages`: an adverb may stand between.
    let perfect = || {
        t.low(v).ends_with("ed")
            && v > 0
            && (lex.verb_leads.word(t, v - 1)
                || (v > 1
                    && lex.verb_leads.word(t, v - 2)
                    && (t.low(v - 1).ends_with("ly") || lex.auxiliaries.word(t, v - 1))))
    };
    // `cleared to call up as many as 75,000 reservists`: so is an
    // infinitive, with its particle.
    let infinitive = |k: usize| {
        k >= 1
            && t.low_is(k - 1, "to")
            && t.is_word(k)
            && !lex.function_words.word(t, k)
            && !lex.casualty_verbs.word(t, k)
            && !casualty_at(lex, t, k)
    };
    let verb = if lex.verb_particles.word(t, v) && v > 0 && infinitive(v - 1) {
        v - 1
    } else {
        v
    };
    // `the contingent, which numbers more than 6,000 troops`: so is the
    // verb of a relative clause.
    let relative = || verb >= 1 && lex.relative_pronouns.word(t, verb - 1);
    // `forcing the evacuation of 86 patients`: a noun of moving or freeing
    // people takes them as its object too.
    let moved = v >= 1 && t.low_is(v, "of") && lex.movement_nouns.word(t, v - 1);
    let other_verb = || {
        t.is_word(verb)
            && (t.low(verb).ends_with("ing") || perfect() || infinitive(verb) || relative())
            && !lex.function_words.word(t, verb)
            && !lex.casualty_verbs.word(t, verb)
            && !casualty_at(lex, t, verb)
    };
    // `carrying three men each, and shot dead a watchman`: a casualty
    // word after a comma is another clause's.
    (moved || other_verb())
        && !(f.toks.start..(f.toks.end + VERB_OBJECT_REACH).min(t.len()))
            .take_while(|&i| !t.is_punct(i, ",") && !t.is_punct(i, ";"))
            .any(|i| casualty_at(lex, t, i))
}

/// How many tokens around a count of attackers a casualty word may stand
/// to make it a casualty figure (`three gunmen were also killed`).
const PERPETRATOR_REACH: usize = 3;

/// A count of attackers with no casualty word beside it (`Three suicide
/// bombers then blew themselves up ..., wounding 30 others`): the
/// casualties of its sentence are others.
fn bystanding_perpetrators(lex: &Lexicons, t: &Tokens, f: &Figure) -> bool {
    let Some(head) = f.toks.clone().rev().find(|&i| t.is_word(i)) else {
        return false;
    };
    if !lex.perpetrator_nouns.word(t, head) {
        return false;
    }
    let near = f.toks.start.saturating_sub(PERPETRATOR_REACH)
        ..(f.toks.end + PERPETRATOR_REACH).min(t.len());
    // `all six attackers had also been killed`: over auxiliaries too.
    !near.into_iter().any(|i| lex.casualty_words.word(t, i))
        && !lex.casualty_words.word(t, past_links(lex, t, f.toks.end))
}

/// How many tokens after a count's relative pronoun the verb of the
/// count's own clause is looked for.
const RELATIVE_CLAUSE_REACH: usize = 20;

/// Whether a count that a relative clause follows is the subject of a
/// casualty word after it, in the same clause, with an auxiliary up to
/// three words before (`30 miners who had entered old workings above the
/// shaft were also missing`, `10 firefighters who had been sent ... were
/// among the missing`), not one of another clause (`supporters who
/// gathered where he died`).
fn predicate_after_relative(lex: &Lexicons, t: &Tokens, f: &Figure) -> bool {
    let from = f.toks.end;
    if !lex.relative_pronouns.word(t, from) {
        return false;
    }
    (from + 1..(from + 1 + RELATIVE_CLAUSE_REACH).min(t.len()))
        .take_while(|&i| !t.is_punct(i, ",") && !t.is_punct(i, ";"))
        .any(|i| {
            lex.casualty_words.word(t, i)
                && (i.saturating_sub(3)..i).any(|a| lex.auxiliaries.word(t, a))
        })
}

/// A count of people after the `by` of a passive, a quotation mark
/// between them or none (`was overrun by "hundreds of men"`), and not
/// after a verb of change (`rose by 40 people`).
fn agent_of_passive(lex: &Lexicons, t: &Tokens, f: &Figure) -> bool {
    let Some(mut by) = f.toks.start.checked_sub(1) else {
        return false;
    };
    if t.is_quote(by) && by > 0 {
        by -= 1;
    }
    t.low_is(by, "by")
        && !by
            .checked_sub(1)
            .is_some_and(|v| lex.trend_verbs.word(t, v) || lex.toll_movers.word(t, v))
}

/// How many words of a range may stand between an age cue and a number
/// (`aged between 11 and 14`).
const AGE_RANGE_REACH: usize = 3;

fn figure_at(lex: &Lexicons, t: &Tokens, start: usize) -> Option<Figure> {
    // `12 per 100,000 people`, `two in every 10,000`: a rate's base;
    // `a magnitude 6.6 earthquake`, `category two patients`: a reading on
    // a scale.
    if start > 0 && (lex.rate_bases.word(t, start - 1) || lex.reading_scales.word(t, start - 1)) {
        return None;
    }
    let mut j = start;
    // `between 200 and 300`: the range word opens the figure.
    if lex.range_words.word(t, j)
        && number_at(lex, t, j + 1).is_some_and(|n| range_end(lex, t, j + 1, &n).is_some())
    {
        j += 1;
    }
    let qualified = match lex.qualifiers.at(t, j) {
        Some(e) => {
            // `over 2008 Ahmedabad bombings`: a preposition and a year.
            if lex.year_qualifiers.at(t, j) == Some(e) && e < t.len() && is_year(t.low(e)) {
                return None;
            }
            j = e;
            true
        }
        None => false,
    };
    let mut money = false;
    if let Some(e) = currency_prefix(lex, t, j) {
        money = true;
        j = e;
    }
    let mut num_start = j;
    let mut num = number_at(lex, t, j)?;
    // `50 to 60 people`, `between 200 and 300 people`: the range is one
    // number; its last part is read for exclusions and the head.
    if let Some(second) = range_end(lex, t, j, &num) {
        num_start = num.end + 1;
        num = second;
    }
    if !qualified
        && !money
        && t.kind(num_start) == Some(TokKind::Number)
        && !stands_alone(lex, t, start, num_start, num.end)
    {
        return None;
    }
    // `aged between 11 and 14`: an age cue before the words of a range
    // counts for each of its numbers.
    let mut from = start;
    while from > 0
        && start - from < AGE_RANGE_REACH
        && (lex.range_words.word(t, from - 1)
            || lex.range_links.word(t, from - 1)
            || t.kind(from - 1) == Some(TokKind::Number))
    {
        from -= 1;
    }
    if (from..=start).any(|s| lex.age_cues.ending_at(t, s, 2).is_some())
        || lex.age_after.at(t, num.end).is_some()
    {
        return None;
    }
    let k = num.end;
    let fig = |end: usize, class: Class, casualty: bool| {
        Some(Figure {
            span: t.span(start, end),
            toks: start..end,
            class,
            casualty,
            compared: false,
        })
    };
    if let Some(e) = lex.percent.at(t, k) {
        return fig(e, Class::Percent, false);
    }
    if let Some(e) = lex
        .currency_words
        .at(t, k)
        .or_else(|| currency_code_at(lex, t, k))
        .or_else(|| named_currency(lex, t, k))
        .or_else(|| {
            // `20.4 billion won`
            (k > 0 && scale_at(lex, t, k - 1) && lex.scaled_currency_words.word(t, k))
                .then_some(k + 1)
        })
    {
        // `300 pounds of explosives` is a weight.
        if !(e < t.len() && t.low(e) == "of") {
            return fig(e, Class::Money, false);
        }
    }
    // `hundreds of millions of dollars`: a vague count of a currency.
    if num.vague
        && t.low_is(k, "of")
        && let Some(e) = lex.currency_words.at(t, k + 1)
        && !(e < t.len() && t.low(e) == "of")
    {
        return fig(e, Class::Money, false);
    }
    if money {
        return fig(k, Class::Money, false);
    }
    // `"dozens" of police officers`, `"more than 20" soldiers`: a count in
    // quotation marks of its own, its head noun after them. The figure is
    // what the quotation holds.
    if start > 0
        && t.is_quote(start - 1)
        && t.is_quote(k)
        && let Some((end, class)) = head(lex, t, k + 1, num.vague)
    {
        let casualty = class == Class::Casualties
            || (k + 1..end).any(|i| lex.casualty_heads.word(t, i))
            || (class == Class::People && lex.casualty_states.word(t, end));
        return fig(k, class, casualty);
    }
    if let Some((end, class)) = head(lex, t, k, num.vague) {
        // `two people familiar with the talks`, `Three residents, reached
        // separately, ...`: a count of sources.
        let cue_at = |i: usize| lex.source_count_cues.at(t, i).is_some();
        // `Two women who were waiting at a bus stop gave a different
        // account`: a cue after a relative clause on the count too.
        let after_clause = || {
            lex.relative_pronouns.word(t, end)
                && (end + 1..t.len().min(end + 1 + 2 * SOURCE_COUNT_REACH))
                    .take_while(|&i| t.is_word(i))
                    .any(cue_at)
        };
        if cue_at(end) || (t.is_punct(end, ",") && cue_at(end + 1)) || after_clause() {
            return None;
        }
        // `interviews with 41 survivors`; `had interviewed relatives of
        // the dead and two survivors`.
        let interviewed = |k: usize| lex.source_count_openers.ending_at(t, k, 2).is_some();
        if class == Class::People
            && (interviewed(start)
                || (start >= 2
                    && lex.coordinators.word(t, start - 1)
                    && (start.saturating_sub(SOURCE_COUNT_REACH)..start - 1)
                        .rev()
                        .take_while(|&k| t.is_word(k))
                        .any(interviewed)))
        {
            return None;
        }
        // `in the two attacks`: incidents the draft has told of already;
        // `the two nurses were later jailed`: people it has.
        if start > 0
            && t.kind(start) == Some(TokKind::Word)
            && match class {
                Class::Weapons => lex.determiners.word(t, start - 1),
                Class::People => lex.known_determiners.word(t, start - 1),
                _ => false,
            }
        {
            return None;
        }
        let casualty = class == Class::Casualties
            || (start..end).any(|i| lex.casualty_heads.word(t, i))
            || (class == Class::People && lex.casualty_states.word(t, end))
            || takes_lives(lex, t, start, end);
        return fig(end, class, casualty);
    }
    if let Some(e) = of_casualty(lex, t, k) {
        return fig(e, Class::Toll, true);
    }
    if is_bare_casualty(lex, t, start, k) || share_of_casualties(lex, t, start) {
        return fig(k, Class::Toll, true);
    }
    if let Some(e) =
        casualty_object(lex, t, start, k).or_else(|| casualty_subject(lex, t, start, k))
    {
        return fig(e, Class::People, true);
    }
    None
}

/// A count of lives that a verb before it takes (`has claimed at least
/// nine lives`): the dead, with no casualty word in the sentence.
fn takes_lives(lex: &Lexicons, t: &Tokens, start: usize, end: usize) -> bool {
    end > start
        && lex.life_nouns.word(t, end - 1)
        && start
            .checked_sub(1)
            .is_some_and(|v| lex.life_takers.word(t, v))
}

/// The object of a verb that kills or hurts people (lexicon
/// `figure-killing-verbs`), a count and a noun phrase of up to three
/// words besides modifiers that no people lexicon names (`kills three
/// Somali ministers at`): the count's end of phrase.
fn casualty_object(lex: &Lexicons, t: &Tokens, start: usize, k: usize) -> Option<usize> {
    // `had killed and wounded "more than 60 crusaders"`: a quotation may
    // open between the verb and its object.
    let verb_end = match start.checked_sub(1) {
        Some(q) if t.is_quote(q) => q,
        _ => start,
    };
    lex.killing_verbs.ending_at(t, verb_end, 2)?;
    // `had killed "more than 20" security personnel`: the quotation holds
    // the count alone.
    if verb_end < start && t.is_quote(k) {
        return Some(k);
    }
    // `killed hundreds of what it called "mercenaries"`: the source's own
    // name for them follows; the count is the figure.
    if t.low_is(k, "of") && t.low_is(k + 1, "what") {
        return Some(k);
    }
    // Up to three words, and the modifiers of lexicon
    // `figure-head-modifiers` besides (`30 Ukrainian naval special
    // forces`).
    let mut e = k;
    let mut words = 0;
    while words < 3 && e < k + 5 && t.is_word(e) && !lex.function_words.word(t, e) {
        if !lex.modifiers.word(t, e) {
            words += 1;
        }
        e += 1;
    }
    let ends = e >= t.len() || !t.is_word(e) || lex.function_words.word(t, e);
    // `executed 23 days after his arrest`: a time, not whom.
    let unit = (k..e).any(|i| lex.unit_nouns.word(t, i));
    (e > k && ends && !unit).then_some(e)
}

/// How many tokens may stand between a casualty figure's end and the
/// `and` of a count that shares its noun.
const ELIDED_REACH: usize = 6;

/// A bare count whose noun is a casualty figure's before it, the two
/// phrases built alike: `70 people in Haiti and seven in Cuba`, `12 dead
/// in Luzon and four in Samar`. The same function word follows both.
fn elided_count(lex: &Lexicons, t: &Tokens, start: usize, prev: &Figure) -> Option<Figure> {
    let after_prev = prev.toks.end;
    if start < after_prev + 2 {
        return None;
    }
    let e = bare_count_end(lex, t, start)?;
    let shared = if lex.share_links.word(t, start - 1) && t.is_punct(start - 2, ",") {
        // `18 soldiers had been killed since Thursday, including 13 in
        // Shijaiyah`: a share of the figure, however far its noun stands.
        !t.is_word(e) || lex.function_words.word(t, e)
    } else {
        let link = if t.is_punct(start - 2, ",") {
            start - 2
        } else {
            start - 1
        };
        start <= after_prev + ELIDED_REACH + 1
            && (t.low_is(start - 1, "and") || t.is_punct(start - 1, ","))
            && (after_prev..link).all(|i| t.is_word(i))
            && lex.function_words.word(t, after_prev)
            && e < t.len()
            && t.low(e) == t.low(after_prev)
            && t.is_word(e + 1)
    };
    (shared && is_casualty(lex, t, prev)).then(|| Figure {
        span: t.span(start, e),
        toks: start..e,
        class: Class::Toll,
        casualty: true,
        compared: false,
    })
}

/// A count joined by `and` to a casualty verb's object of people, with a
/// plural noun the lexicons do not hold (`killed 20 children and six
/// educators`): the verb's casualties too.
fn coordinated_object(lex: &Lexicons, t: &Tokens, start: usize, prev: &Figure) -> Option<Figure> {
    if prev.class != Class::People
        || start != prev.toks.end + 1
        || !t.low_is(start - 1, "and")
        || prev.toks.start == 0
        || !lex.casualty_verbs.word(t, prev.toks.start - 1)
    {
        return None;
    }
    let e = bare_count_end(lex, t, start)?;
    let noun = t.is_word(e)
        && !t.toks[e].cap
        && t.low(e).ends_with('s')
        && !lex.function_words.word(t, e)
        && !lex.auxiliaries.word(t, e)
        && !lex.unit_nouns.word(t, e);
    let ends = !t.is_word(e + 1) || lex.function_words.word(t, e + 1);
    (noun && ends).then(|| Figure {
        span: t.span(start, e + 1),
        toks: start..e + 1,
        class: Class::People,
        casualty: true,
        compared: false,
    })
}

/// A bare count that shares the noun of the figure before it, and so its
/// class: one it is compared with (`96,000 people, down from more than
/// 880,000`), or the subject of a clause joined to that figure's own
/// (`Seven people were treated at the scene and four were taken to
/// hospital`).
fn compared_count(lex: &Lexicons, t: &Tokens, start: usize, prev: &Figure) -> Option<Figure> {
    if start < prev.toks.end + 2 || prev.class == Class::Toll {
        return None;
    }
    let e = bare_count_end(lex, t, start)?;
    let ends = !t.is_word(e) || lex.function_words.word(t, e);
    let compared = lex
        .comparison_links
        .ending_at(t, start, 3)
        .is_some_and(|l| l >= prev.toks.end)
        && ends;
    // `from the 15 billion dollars already spent to 30 billion`: the
    // other end of a span the figure before opens.
    let span_end = || {
        let from = prev.toks.start;
        t.low_is(start - 1, "to")
            && (from >= 1 && t.low_is(from - 1, "from")
                || from >= 2 && t.low_is(from - 2, "from") && lex.determiners.word(t, from - 1))
            && start - 1 - prev.toks.end <= FROM_TO_REACH
            && (prev.toks.end..start - 1).all(|i| t.is_word(i))
            && ends
    };
    let subject = || {
        prev.class == Class::People
            && t.low_is(start - 1, "and")
            && lex.auxiliaries.word(t, prev.toks.end)
            && e < t.len()
            && lex.auxiliaries.word(t, e)
            && !t.low_is(e + 1, "of")
    };
    (compared || span_end() || subject()).then(|| Figure {
        span: t.span(start, e),
        toks: start..e,
        class: prev.class,
        casualty: false,
        compared: true,
    })
}

/// How many words may stand between the figure that opens a span with
/// `from` and the `to` that closes it (`from 15 billion dollars already
/// spent to 30 billion`).
const FROM_TO_REACH: usize = 3;

/// The end of a count with no noun of its own that starts at `start`,
/// qualifier and all (`at least four`), when the count is no year, date or
/// name.
fn bare_count_end(lex: &Lexicons, t: &Tokens, start: usize) -> Option<usize> {
    let j = lex.qualifiers.at(t, start).unwrap_or(start);
    let num = number_at(lex, t, j)?;
    let excluded = t.kind(j) == Some(TokKind::Number) && !stands_alone(lex, t, start, j, num.end);
    (!excluded).then_some(num.end)
}

/// Whether a figure found so far in its sentence is a casualty one: a
/// people figure is in a sentence of the dead and hurt (see [`find`],
/// which marks it only once the sentence is read).
fn is_casualty(lex: &Lexicons, t: &Tokens, f: &Figure) -> bool {
    f.casualty || (f.class == Class::People && (0..t.len()).any(|i| lex.casualty_words.word(t, i)))
}

/// A bare count after an opening `Of the dead,` or `Among the 40
/// injured,`: a share of the casualties.
fn share_of_casualties(lex: &Lexicons, t: &Tokens, start: usize) -> bool {
    if start < 4 || !t.is_punct(start - 1, ",") {
        return false;
    }
    let c = start - 2;
    if !(lex.casualty_states.word(t, c) || lex.casualty_nouns.at(t, c) == Some(c + 1)) {
        return false;
    }
    // `Of the dead`, `Of the 40 dead`, `Among those killed`: the opener
    // starts the sentence, and only words come between.
    lex.share_openers.word(t, 0)
        && c <= 4
        && (1..c).all(|i| t.is_word(i) || t.kind(i) == Some(TokKind::Number))
}

/// A currency word after one or two capitalized words (`800 billion CFA
/// francs`, `5 Hong Kong dollars`, `300 Egyptian pounds`): its end.
fn named_currency(lex: &Lexicons, t: &Tokens, k: usize) -> Option<usize> {
    let capital = |i: usize| t.is_word(i) && t.toks[i].cap;
    if !capital(k) {
        return None;
    }
    lex.currency_words.at(t, k + 1).or_else(|| {
        capital(k + 1)
            .then(|| lex.currency_words.at(t, k + 2))
            .flatten()
    })
}

/// `$`, `€`, `US$`, `NZ$`, `USD` before a number: the end of the prefix.
fn currency_prefix(lex: &Lexicons, t: &Tokens, j: usize) -> Option<usize> {
    let number_follows = |e: usize| t.kind(e) == Some(TokKind::Number);
    if t.is_word(j)
        && t.toks[j].upper
        && lex.dollar_prefixes.word(t, j)
        && t.adjacent(j)
        && t.is_punct(j + 1, "$")
        && number_follows(j + 2)
    {
        return Some(j + 2);
    }
    if t.kind(j) == Some(TokKind::Punct) && lex.currency_symbols.word(t, j) && number_follows(j + 1)
    {
        return Some(j + 1);
    }
    currency_code_at(lex, t, j).filter(|&e| number_follows(e))
}

fn currency_code_at(lex: &Lexicons, t: &Tokens, j: usize) -> Option<usize> {
    (t.is_word(j) && t.toks[j].upper && lex.currency_codes.word(t, j)).then_some(j + 1)
}

/// A scale word as a token of its own: `million`, `bn` (not `m` or `b`,
/// which are units when they stand alone).
/// The end of a fraction of a scale word that starts at token `j`: `half
/// million`, `half a million`, `quarter of a million`, `half-million`.
fn fraction_end(lex: &Lexicons, t: &Tokens, j: usize) -> Option<usize> {
    if !t.is_word(j) {
        return None;
    }
    if let Some((fraction, scale)) = t.low(j).split_once('-') {
        return (lex.fractions.has(&lex.vocab, fraction) && lex.scale_words.has(&lex.vocab, scale))
            .then_some(j + 1);
    }
    if !lex.fractions.word(t, j) {
        return None;
    }
    if scale_at(lex, t, j + 1) {
        return Some(j + 2);
    }
    let a = j + 1 + usize::from(t.low_is(j + 1, "of"));
    (lex.one_words.word(t, a) && scale_at(lex, t, a + 1)).then_some(a + 2)
}

fn scale_at(lex: &Lexicons, t: &Tokens, j: usize) -> bool {
    t.is_word(j) && t.low(j).len() >= 2 && lex.scale_words.word(t, j)
}

fn number_at(lex: &Lexicons, t: &Tokens, j: usize) -> Option<Number> {
    if j >= t.len() {
        return None;
    }
    let mut end;
    let mut vague = false;
    match t.kind(j)? {
        TokKind::Number => {
            if !digits_count(lex, t.low(j)) {
                return None;
            }
            end = j + 1;
        }
        TokKind::Word => {
            if let Some(e) = lex.vague.at(t, j) {
                end = e;
                vague = true;
            } else if is_number_word(lex, t, j) {
                end = j + 1;
            } else if lex.one_words.word(t, j)
                && lex.number_words.word(t, j + 1)
                && scale_at(lex, t, j + 1)
            {
                // `a hundred`, `one million`, `a dozen`
                end = j + 2;
            } else if let Some(e) = fraction_end(lex, t, j).or_else(|| {
                lex.one_words
                    .word(t, j)
                    .then(|| fraction_end(lex, t, j + 1))
                    .flatten()
            }) {
                end = e;
            } else {
                return None;
            }
        }
        TokKind::Punct => return None,
    }
    // `three hundred`, `2.5 million`, `four hundred and fifty`
    loop {
        if scale_at(lex, t, end)
            || (!vague
                && t.is_word(end)
                && is_number_word(lex, t, end)
                && t.kind(j) == Some(TokKind::Word))
        {
            end += 1;
        } else if t.low_is(end, "and")
            && t.is_word(end + 1)
            && is_number_word(lex, t, end + 1)
            && t.kind(j) == Some(TokKind::Word)
        {
            end += 2;
        } else {
            break;
        }
    }
    Some(Number { end, vague })
}

/// The second number of a range (`50 to 60`, `200 and 300` after
/// `between`), when `first` (at token `j`) opens one.
fn range_end(lex: &Lexicons, t: &Tokens, j: usize, first: &Number) -> Option<Number> {
    let link = first.end;
    if !lex.range_links.word(t, link) || first.vague {
        return None;
    }
    let opened = j > 0 && lex.range_words.word(t, j - 1);
    if !opened && !lex.range_links_alone.word(t, link) {
        return None;
    }
    let second = number_at(lex, t, link + 1)?;
    (t.kind(j) == t.kind(link + 1)).then_some(second)
}

/// A word that counts: `seven`, `ninety-nine`, `twenty-one`.
fn is_number_word(lex: &Lexicons, t: &Tokens, j: usize) -> bool {
    if lex.number_words.word(t, j) {
        return true;
    }
    t.is_word(j) && t.toks[j].hyphen && {
        let mut parts = t.low(j).split('-');
        let first = parts.next().unwrap_or("");
        lex.number_words.has(&lex.vocab, first)
            && parts
                .all(|p| lex.number_words.has(&lex.vocab, p) || lex.one_words.has(&lex.vocab, p))
    }
}

/// Whether a token of digits counts: `1,234`, `2.5`, `50-60`, `4.4b`; not a
/// time (`4:30`), an ordinal (`20th`), a decade (`1990s`), a unit (`6km`)
/// nor a compound adjective (`60-year-old`, `16-hour`).
fn digits_count(lex: &Lexicons, w: &str) -> bool {
    if w.contains(':') {
        return false;
    }
    let core = w.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
    if core.is_empty() {
        return true;
    }
    if let Some(rest) = core.strip_prefix('-') {
        // A range: `50-60`; a scale joined on: `$1.1-billion`.
        return !rest.is_empty()
            && (rest
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
                || lex.scale_words.has(&lex.vocab, rest));
    }
    lex.scale_words.has(&lex.vocab, core)
}

/// Whether a token's text is a year: four digits from 1800 to 2100.
fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (1800..=2100).contains(&w.parse::<u32>().unwrap_or(0))
}

/// Exclusions that only a number of digits needs: years, dates, times,
/// ages written `Name, 47,`, and numbers inside names and codes.
fn stands_alone(lex: &Lexicons, t: &Tokens, start: usize, num: usize, end: usize) -> bool {
    let w = t.low(num);
    // `9/11`, `3/4`: dates and fractions.
    if (num > 0 && t.adjacent(num - 1) && t.is_punct(num - 1, "/"))
        || (t.adjacent(num) && t.is_punct(num + 1, "/"))
    {
        return false;
    }
    if is_year(w) {
        return false;
    }
    let month = |i: usize| i < t.len() && t.toks[i].cap && lex.months.word(t, i);
    if start > 0
        && (month(start - 1) || (start > 1 && t.is_punct(start - 1, ".") && month(start - 2)))
    {
        return false;
    }
    if month(end) || (t.low_is(end, "of") && month(end + 1)) {
        return false;
    }
    if lex.time_words.at(t, end).is_some() {
        return false;
    }
    // `Macron, 47, said`
    if start >= 2
        && t.is_punct(start - 1, ",")
        && t.is_word(start - 2)
        && t.toks[start - 2].cap
        && t.is_punct(end, ",")
        && w.len() <= 3
        && w.parse::<u32>().is_ok_and(|n| n < 120)
    {
        return false;
    }
    // `Resolution 2231`, `Group of 20`, `No. 10`
    let before = if start > 0 && t.is_punct(start - 1, ".") {
        start - 1
    } else {
        start
    };
    if lex
        .name_prefixes
        .ending_at(t, before, 3)
        .is_some_and(|p| t.toks[p].cap)
    {
        return false;
    }
    true
}

/// The head noun after a number (from token `k`): its end and class.
fn head(lex: &Lexicons, t: &Tokens, k: usize, vague: bool) -> Option<(usize, Class)> {
    let mut j = k;
    if t.low_is(j, "of")
        && (vague || lex.determiners.word(t, j + 1) || head_word(lex, t, j + 1, false).is_some())
    {
        j += 1;
        if lex.determiners.word(t, j) {
            j += 1;
            // `2,000 of the group's fighters`: a possessive between.
            if t.is_word(j) && t.low(j).ends_with("'s") && head_word(lex, t, j + 1, false).is_some()
            {
                j += 1;
            }
        }
    }
    // `reach 183 million of them`: a share of people named before.
    if t.low_is(k, "of")
        && lex.partitive_pronouns.word(t, k + 1)
        // `dozens of them seriously`: an adverb may follow, and so may
        // their verb (`eight of them had died`) or a preposition (`419 of
        // them from gunshot wounds`).
        && (!t.is_word(k + 2)
            || t.low(k + 2).ends_with("ly")
            || lex.function_words.word(t, k + 2)
            || lex.auxiliaries.word(t, k + 2)
            || lex.casualty_states.word(t, k + 2))
        && about_people(lex, t, k)
    {
        return Some((k + 2, Class::People));
    }
    // `12 "terrorists"`: a head noun in scare quotes.
    let quoted = j == k && t.is_quote(j) && t.is_word(j + 1);
    if quoted {
        j += 1;
    }
    let first = j;
    let mut found: Option<(usize, Class)> = None;
    let mut modifiers = 0;
    let mut unknown = 0;
    while j < t.len() {
        if let Some((e, class)) = head_word(lex, t, j, j == first).filter(|&(e, _)| {
            // `two police cars`, `30 dead children`: a head noun that is
            // also a modifier modifies when a noun follows it; so does a
            // nationality with no plural ending (`200 Chinese mobile apps`).
            // (`more` has said already whether a noun follows it.)
            let modifies = lex.modifiers.word(t, j)
                && !lex.continuations.word(t, j)
                && noun_follows(lex, t, e)
                || t.toks[j].cap && !t.low(j).ends_with('s') && plural_noun_follows(lex, t, e);
            !(found.is_none() && e == j + 1 && modifies)
        }) {
            match found {
                // `20 Lebanese soldiers`: a second people noun extends the
                // head; `45 rebels killed` stops at the people.
                Some((_, Class::People))
                    if class == Class::People && lex.group_nouns.word(t, j - 1) => {}
                Some(_) => break,
                None => {}
            }
            found = Some((e, class));
            j = e;
            continue;
        }
        if found.is_some() || modifiers >= 3 || !t.is_word(j) {
            break;
        }
        let w = t.low(j);
        let modifier = lex.modifiers.word(t, j);
        // `13,000 sick and wounded people`: modifiers joined by `and`; not
        // a verb with an object (`two aircraft and killed 400 soldiers`).
        let verb_after = || {
            lex.casualty_words.word(t, j + 1)
                && (t.kind(j + 2) == Some(TokKind::Number)
                    || lex.number_words.word(t, j + 2)
                    || lex.qualifiers.at(t, j + 2).is_some()
                    || lex.determiners.word(t, j + 2))
        };
        if j > first && lex.coordinators.word(t, j) && t.is_word(j + 1) && !verb_after() {
            j += 1;
            continue;
        }
        // `10,000 suspected IS fighters`: initials in capitals are a
        // name, not the function word they spell.
        if lex.function_words.word(t, j) && !modifier && !t.in_capitals(j) {
            break;
        }
        // `Command Region 4 said troops had ...`: a verb of speech ends the
        // phrase (not a participle: `20 confirmed cases`, nor a name's word:
        // `14 United States troops`).
        if lex.speech_verbs.word(t, j)
            && !w.ends_with("ed")
            && !(j > first && t.toks[j].cap && t.toks[j - 1].cap)
        {
            break;
        }
        if modifier || t.toks[j].cap || t.toks[j].hyphen {
            modifiers += 1;
        } else if unknown < 2
            && (!w.ends_with('s')
                // `three women victims`, not `four prisons killed`.
                || (head_word(lex, t, j + 1, false).is_some_and(|(_, c)| c == Class::Casualties)
                    && !lex.casualty_states.word(t, j + 1)))
            && !lex.casualty_states.has(&lex.vocab, w)
        {
            // One adjective the lexicon does not know (`29 young children`);
            // a plural noun here is what is counted (`two bridges`).
            unknown += 1;
            modifiers += 1;
        } else {
            break;
        }
        j += 1;
    }
    if quoted {
        // Only a head noun the quotes hold alone: the closing mark is part
        // of the figure.
        return found
            .filter(|&(e, _)| t.is_quote(e))
            .map(|(e, class)| (e + 1, class));
    }
    found
}

/// Whether the word at `i` reads as a noun that a preceding modifier would
/// modify: a word that is no function word, auxiliary, casualty or speech
/// word.
fn noun_follows(lex: &Lexicons, t: &Tokens, i: usize) -> bool {
    t.is_word(i)
        && !lex.function_words.word(t, i)
        && !lex.auxiliaries.word(t, i)
        && !lex.casualty_words.word(t, i)
        && !lex.speech_verbs.word(t, i)
        && !lex.clause_openers.word(t, i)
}

/// Whether a plural noun follows at `i`, or after one adjective (`mobile
/// apps`, not `fled rebels`).
fn plural_noun_follows(lex: &Lexicons, t: &Tokens, i: usize) -> bool {
    let lower_noun = |k: usize| noun_follows(lex, t, k) && !t.toks[k].cap;
    let plural = |k: usize| lower_noun(k) && t.low(k).ends_with('s');
    plural(i)
        || (lower_noun(i)
            && !["ed", "ing", "ly"].iter().any(|s| t.low(i).ends_with(s))
            && plural(i + 1))
}

/// A head noun at token `j`.
fn head_word(
    lex: &Lexicons,
    t: &Tokens,
    j: usize,
    right_after_number: bool,
) -> Option<(usize, Class)> {
    if !t.is_word(j) {
        return None;
    }
    if let Some(e) = lex.casualty_nouns.at(t, j) {
        return Some((e, Class::Casualties));
    }
    if let Some(e) = lex
        .people
        .at(t, j)
        .or_else(|| lex.group_nouns.at(t, j))
        .or_else(|| lex.casualty_people.at(t, j))
    {
        return Some((e, Class::People));
    }
    if let Some(e) = lex.weapons.at(t, j) {
        return Some((e, Class::Weapons));
    }
    if lex.continuations.word(t, j) {
        // `23 others`; `260 more` but not `two more years`.
        // `Tens of thousands more spent the night in cars`: a verb.
        let verb = lex.common_verbs.word(t, j + 1)
            || (lex.determiners.word(t, j + 2) && !lex.function_words.word(t, j + 1))
            || (t.is_word(j + 1)
                && t.low(j + 1).ends_with("ed")
                && (!t.is_word(j + 2) || lex.function_words.word(t, j + 2)));
        let next_is_noun = t.is_word(j + 1)
            && !lex.function_words.word(t, j + 1)
            && !lex.casualty_words.word(t, j + 1)
            && !lex.auxiliaries.word(t, j + 1)
            && !verb;
        // `more` and `others` stand for people only when the sentence is
        // about people: `and two more are expected` after `three convoys`
        // counts convoys. Not before a head noun: `two more bodies`.
        if right_after_number
            && !next_is_noun
            && head_word(lex, t, j + 1, false).is_none()
            && about_people(lex, t, j)
        {
            return Some((j + 1, Class::People));
        }
    }
    None
}

/// Whether `more`/`others` at `j` can stand for people: not when the last
/// count before it in the sentence counts things (`three aid convoys …, and
/// two more`). With no count before it, the referent is in an earlier
/// sentence and is taken to be people, as the spec's `260 more` reads.
fn about_people(lex: &Lexicons, t: &Tokens, j: usize) -> bool {
    let Some(n) = (0..j.saturating_sub(1))
        .rev()
        .find_map(|i| number_at(lex, t, i).map(|n| (i, n)))
    else {
        // `drones had struck a bridge, and troops had shot down four of
        // them`: with no count before, the last noun of people or weapons
        // says which.
        let last = (0..j.saturating_sub(1)).rev().find(|&i| {
            lex.people.word(t, i) || lex.group_nouns.word(t, i) || lex.weapons.word(t, i)
        });
        return last.is_none_or(|i| !lex.weapons.word(t, i));
    };
    let (_, number) = n;
    let mut k = number.end;
    // Skip modifiers (`aid`, `armed`) up to the noun the count counts.
    while k < j && t.is_word(k) && !lex.function_words.word(t, k) {
        if lex.people.at(t, k).is_some()
            || lex.group_nouns.at(t, k).is_some()
            || lex.casualty_nouns.at(t, k).is_some()
            || lex.casualty_words.word(t, k)
        {
            return true;
        }
        k += 1;
    }
    // A count of nothing (`killed five and wounded 23 others`) is of people.
    k == number.end
}

/// How many words before `and` a count of sources may start
/// (`interviewed relatives of the dead and two survivors`).
const SOURCE_COUNT_REACH: usize = 8;

/// How many tokens before its verb a toll's noun may stand.
const TOLL_SUBJECT_REACH: usize = 24;

/// A bare number counted by a casualty word: `36 killed`, `nineteen
/// injured`, `kills 30 in`, `killing nine and`, `the toll rose to 65`.
fn is_bare_casualty(lex: &Lexicons, t: &Tokens, start: usize, end: usize) -> bool {
    if state_after(lex, t, end, &lex.casualty_states) {
        return true;
    }
    // `leaving dozens of villages cut off`: the count has a noun of its own.
    let own_noun = t.low_is(end, "of")
        && t.is_word(end + 1)
        && !lex.function_words.word(t, end + 1)
        && !lex.determiners.word(t, end + 1)
        && !lex.partitive_pronouns.word(t, end + 1);
    let ends_clause =
        end >= t.len() || !t.is_word(end) || (lex.function_words.word(t, end) && !own_noun);
    // `killing all 22 on board`: `all` may stand before the count.
    let verb_end = match start.checked_sub(1) {
        Some(a) if t.low_is(a, "all") => a,
        _ => start,
    };
    if lex.casualty_verbs.ending_at(t, verb_end, 2).is_some() && ends_clause {
        return true;
    }
    // `bringing to 15 the number of people killed`: a toll carried to its
    // count before its noun is named.
    if start >= 2
        && t.low_is(start - 1, "to")
        && lex.toll_movers.word(t, start - 2)
        && lex.determiners.word(t, end)
    {
        let noun_end = (end + 4).min(t.len());
        if lex
            .toll_nouns
            .find_in(&lex.vocab, t, end + 1, noun_end)
            .is_some()
        {
            return true;
        }
        if lex
            .count_nouns
            .find_in(&lex.vocab, t, end + 1, noun_end)
            .is_some()
            && (end + 1..(end + 8).min(t.len())).any(|i| lex.casualty_words.word(t, i))
        {
            return true;
        }
    }
    if let Some(v) = lex.toll_verbs.ending_at(t, start, 4)
        // `in the past three days`: an adjective after its determiner.
        && !(v + 1 == start && v > 0 && t.low_is(v, "past") && lex.determiners.word(t, v - 1))
    {
        // The count noun heads the subject, which may run on: `The number
        // of people killed in the conflict has risen to nearly 12,000`.
        let from = v.saturating_sub(TOLL_SUBJECT_REACH);
        // `The toll, which stood at 125 on Sunday,`: a relative clause
        // after the noun is still its clause. So is a place named with its
        // country (`in Musayyib, Iraq has risen to 98`).
        let no_comma = |a: usize| (a..v).all(|i| !t.is_punct(i, ",") || between_names(t, i));
        // A bare `at` or `to` belongs to its toll noun (`the death toll at
        // 183`) or to a verb that carries the toll (`put the toll at`,
        // `rose Monday to`, `bringing the toll ... to`), not to a word
        // further on (`tally sheets showed 6.27 million votes to 2.75
        // million`).
        let bare = v + 1 == start && lex.function_words.word(t, v);
        // Each toll noun in reach in turn: `The General Staff, which
        // publishes a tally every morning, said the toll had reached`.
        let mut seen = None;
        let mut at = from;
        while let Some((n, ne)) = lex.toll_nouns.find_in(&lex.vocab, t, at, v) {
            at = n + 1;
            if bare && ne != v && !(n.saturating_sub(4)..v).any(|i| lex.toll_movers.word(t, i)) {
                continue;
            }
            seen = Some(ne);
            if no_comma(n)
                || (t.is_punct(ne, ",")
                    && lex.relative_pronouns.word(t, ne + 1)
                    && no_comma(ne + 1))
            {
                return true;
            }
        }
        // Otherwise a noun after the last toll noun in reach, which a
        // comma parts from the verb.
        let from = seen.unwrap_or(from);
        // `Ebola deaths top 1,350`: a verb of movement, not `at` or `is`.
        if seen.is_none()
            && !lex.function_words.word(t, v)
            && let Some((n, _)) = lex.toll_plurals.find_in(&lex.vocab, t, from, v)
            && no_comma(n)
        {
            return true;
        }
        let mut at = from;
        while let Some((n, _)) = lex.count_nouns.find_in(&lex.vocab, t, at, v) {
            at = n + 1;
            // The casualty word belongs to the count noun (`the number of
            // people killed`), not to a clause further on.
            let near = n.saturating_sub(2)..(n + 5).min(v);
            if no_comma(n) {
                return near.into_iter().any(|i| lex.casualty_words.word(t, i));
            }
        }
    }
    false
}

/// Whether token `i` stands between two capitalised words, as the comma
/// of `Musayyib, Iraq` does.
fn between_names(t: &Tokens, i: usize) -> bool {
    let name = |k: usize| t.is_word(k) && t.toks[k].cap;
    i > 0 && name(i - 1) && name(i + 1)
}

/// `15 of its members were killed`: a count of a group's share that a
/// casualty word follows. Returns the end of the group noun.
fn of_casualty(lex: &Lexicons, t: &Tokens, end: usize) -> Option<usize> {
    if !t.low_is(end, "of") {
        return None;
    }
    let mut j = end + 1;
    if lex.determiners.word(t, j) || lex.one_words.word(t, j) {
        j += 1;
    }
    let noun_start = j;
    while j < noun_start + 2
        && t.is_word(j)
        && !lex.function_words.word(t, j)
        && !lex.auxiliaries.word(t, j)
    {
        j += 1;
    }
    if j == noun_start {
        return None;
    }
    let noun_end = j;
    if state_after(lex, t, noun_end, &lex.casualty_states) {
        return Some(noun_end);
    }
    // `16 of the dead belonged to two families`: the noun is a casualty
    // word itself, and a verb follows it.
    lex.casualty_states
        .word(t, noun_start)
        .then_some(noun_start + 1)
}

/// How many auxiliaries and words of a reported count (lexicon
/// `figure-casualty-links`) may stand between a count and its casualty
/// word (`had been reported killed`).
const STATE_REACH: usize = 6;

/// Whether a word of `states` follows token `j`, past auxiliaries and
/// words of a reported count (`were killed`, `were listed as missing`).
fn state_after(lex: &Lexicons, t: &Tokens, j: usize, states: &Lex) -> bool {
    states.word(t, past_links(lex, t, j))
}

/// Token `j`, or the first token after the auxiliaries and words of a
/// reported count that start there.
fn past_links(lex: &Lexicons, t: &Tokens, mut j: usize) -> usize {
    let from = j;
    while j < from + STATE_REACH {
        // Links first: `believed` is an auxiliary, `believed to have` a
        // link.
        if let Some(e) = lex.casualty_links.at(t, j) {
            j = e;
        } else if lex.auxiliaries.word(t, j) {
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// A count and a noun phrase of up to three words that no people lexicon
/// names, with a casualty word only people suffer after it (lexicon
/// `figure-people-states`: `at least 20 traders were killed`, `five
/// vendors died`): the end of the noun phrase.
fn casualty_subject(lex: &Lexicons, t: &Tokens, start: usize, k: usize) -> Option<usize> {
    // `the two brothers were killed`: people the draft has told of.
    if start > 0 && lex.known_determiners.word(t, start - 1) {
        return None;
    }
    let mut e = k;
    while e < k + 3
        && t.is_word(e)
        && !lex.function_words.word(t, e)
        && !lex.auxiliaries.word(t, e)
        && !lex.casualty_words.word(t, e)
        && !lex.speech_verbs.word(t, e)
    {
        e += 1;
    }
    // `five years later, 40 died`: a time, not who.
    if e == k || (k..e).any(|i| lex.unit_nouns.word(t, i)) {
        return None;
    }
    let s = past_links(lex, t, e);
    if !lex.people_states.word(t, s) {
        return None;
    }
    // `Riots in four prisons killed 79 inmates`: a verb right after the
    // noun with an object after it is what the subject did.
    let object = |i: usize| {
        t.kind(i) == Some(TokKind::Number)
            || (t.is_word(i) && !lex.function_words.word(t, i))
            || lex.determiners.word(t, i)
    };
    (s > e || !object(s + 1)).then_some(e)
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::rules::Pack;
    use std::sync::OnceLock;

    pub fn lexicons() -> &'static Lexicons {
        static LEX: OnceLock<Lexicons> = OnceLock::new();
        LEX.get_or_init(|| Lexicons::new(&Pack::builtin().expect("built-in pack")))
    }

    fn figures(text: &str) -> Vec<(String, Class, bool)> {
        let mut t = Tokens::default();
        t.tokenize(text, 0, Some(&lexicons().vocab));
        let mut out = Vec::new();
        find(lexicons(), &t, &mut out);
        out.into_iter()
            .map(|f| (text[f.span].to_string(), f.class, f.casualty))
            .collect()
    }

    /// `figure_at` finds nothing at a token that `may_start_figure` turns
    /// away, on every sentence of these tests and their endings.
    #[test]
    fn figures_start_only_where_the_prefilter_allows() {
        let src = include_str!("finder.rs");
        let mut t = Tokens::default();
        let mut turned_away = 0;
        let more = "\"One million people fled; it cost USD 5 million.\"";
        for line in src.lines().chain([more]) {
            for text in line.split('"').skip(1).step_by(2) {
                t.tokenize(text, 0, Some(&lexicons().vocab));
                for i in 0..t.len() {
                    if !lexicons().may_start_figure(&t, i) {
                        turned_away += 1;
                        assert_eq!(figure_at(lexicons(), &t, i), None, "{text:?} at {i}");
                    }
                }
            }
        }
        assert!(turned_away > 100);
    }

    #[track_caller]
    fn assert_figures(text: &str, expected: &[&str]) {
        let got: Vec<String> = figures(text).into_iter().map(|f| f.0).collect();
        assert_eq!(got, expected, "figures in {text:?}");
    }

    #[track_caller]
    fn assert_class(text: &str, class: Class, casualty: bool) {
        let got = figures(text);
        assert_eq!(got.len(), 1, "one figure in {text:?}: {got:?}");
        assert_eq!((got[0].1, got[0].2), (class, casualty), "class of {text:?}");
    }

    /// A bare count takes the noun, class and casualty of the figure it is
    /// compared with or whose clause it mirrors; not a count that merely
    /// follows one.
    #[test]
    fn bare_counts_that_share_the_noun_before() {
        let got = figures(
            "About 96,000 people were still displaced, down from more than 880,000 in March.",
        );
        assert_eq!(
            got,
            [
                ("About 96,000 people".to_string(), Class::People, true),
                ("more than 880,000".to_string(), Class::People, true),
            ]
        );
        let got = figures(
            "About 1,600 residents remained in the town, down from 32,000 before the war, and shelling killed two people.",
        );
        assert_eq!(
            got[..2],
            [
                ("About 1,600 residents".to_string(), Class::People, false),
                ("32,000".to_string(), Class::People, false),
            ]
        );
        assert_figures(
            "Seven other people were treated at the scene and four were taken to hospital.",
            &["Seven other people", "four"],
        );
        assert_figures(
            "The fund lost $4 million last year, down from $9 million.",
            &["$4 million", "$9 million"],
        );
        assert_figures(
            "Seven people were treated at the scene and four of the ambulances left.",
            &["Seven people"],
        );
        assert_figures(
            "Some 300 people marched and four were arrested.",
            &["Some 300 people", "four"],
        );
        assert_figures("Prices rose 5 percent and 4 were cut.", &["5 percent"]);
    }

    /// A share of the dead with a verb after it, and where they came
    /// from; a share with a preposition after `of them`; a count after
    /// `all`; crore and lakh.
    #[test]
    fn shares_origins_all_and_indian_scales() {
        assert_figures(
            "Activists said 16 of the dead belonged to two families.",
            &["16 of the dead"],
        );
        assert_figures(
            "Officials say 461 residents died, 419 of them from gunshot wounds.",
            &["461 residents", "419 of them"],
        );
        assert_figures("A plane crashed, killing all 22 on board.", &["22"]);
        assert_figures(
            "The state spent 3,000 crore rupees and 40 lakh rupees on roads.",
            &["3,000 crore rupees", "40 lakh rupees"],
        );
    }

    /// A people count is the object of another verb when the casualty
    /// word after it is across a comma, in another clause.
    #[test]
    fn a_casualty_word_across_a_comma_is_another_clauses() {
        assert_class(
            "Some trucks were carrying three men each, and shot dead a watchman.",
            Class::People,
            false,
        );
        assert_class(
            "The gunmen were holding 12 hostages and killed them.",
            Class::People,
            true,
        );
    }

    #[test]
    fn digits_with_separators_decimals_and_ranges() {
        assert_figures("Officials counted 1,234 refugees.", &["1,234 refugees"]);
        assert_figures(
            "Some 2.5 million people voted.",
            &["Some 2.5 million people"],
        );
        assert_figures("The blast killed 40-50 workers.", &["40-50 workers"]);
        assert_figures(
            "Between 200 and 300 people fled, and 50 to 60 workers.",
            &["Between 200 and 300 people", "50 to 60 workers"],
        );
        assert_figures(
            "It killed 5 and wounded 7 civilians.",
            &["5", "7 civilians"],
        );
    }

    #[test]
    fn members_count_people_only_among_casualties() {
        assert_figures(
            "Twelve members of one family died when a shell hit their home.",
            &["Twelve members"],
        );
        assert_figures(
            "Three relatives of the victims were wounded.",
            &["Three relatives"],
        );
        assert_figures(
            "The council's 15 members voted, and 40 people marched.",
            &["40 people"],
        );
        assert_figures("Three relatives of the mayor spoke.", &[]);
        // People the spec does not list count only among casualties too.
        assert_figures("The ship had 24 crew members.", &[]);
        assert_figures("Two crew members were killed.", &["Two crew members"]);
        assert_figures("Dozens of supporters gathered outside.", &[]);
        // Beside the casualty word, not anywhere in the sentence.
        assert_figures(
            "Thousands of mourners filled the stadium for the funeral of the leader killed in a strike.",
            &[],
        );
        assert_figures(
            "Two crew members were later found dead.",
            &["Two crew members"],
        );
        assert_figures("The school is home to 38 families.", &[]);
        assert_figures("Rescuers pulled 14 survivors from the rubble.", &[]);
        assert_figures(
            "The floods displaced 300 families and killed 12 survivors of the first wave.",
            &["300 families", "12 survivors"],
        );
        // The casualty word after a list of counts is each one's.
        assert_figures(
            "At least 14 troops, four crew and ten passengers, were killed.",
            &["At least 14 troops", "four crew", "ten passengers"],
        );
        assert_figures("Four crew and ten passengers boarded.", &["ten passengers"]);
        // And the casualty word before it.
        assert_figures(
            "Troops killed at least 49 civilians and dozens of army defectors on Tuesday.",
            &["at least 49 civilians", "dozens of army defectors"],
        );
    }

    #[test]
    fn spelled_out_numbers() {
        assert_figures(
            "Seven people died and ninety-nine others fled.",
            &["Seven people", "ninety-nine others"],
        );
        assert_figures("Twenty-one prisoners escaped.", &["Twenty-one prisoners"]);
        // Fractions of a scale word.
        assert_figures(
            "The war forced half a million people and at least a half-million others to flee.",
            &["half a million people", "at least a half-million others"],
        );
        assert_figures(
            "A quarter of a million refugees crossed; half a dozen bridges fell.",
            &["A quarter of a million refugees"],
        );
        assert_figures(
            "over three hundred protesters",
            &["over three hundred protesters"],
        );
        assert_figures("a hundred hostages", &["a hundred hostages"]);
    }

    #[test]
    fn vague_counts() {
        assert_figures(
            "Troops killed scores of civilians.",
            &["scores of civilians"],
        );
        assert_figures(
            "tens of thousands of refugees crossed",
            &["tens of thousands of refugees"],
        );
        assert_figures(
            "Several hundred students marched.",
            &["Several hundred students"],
        );
        assert_figures("Dozens wounded in the blast.", &["Dozens wounded"]);
        assert_figures("The raid killed dozens.", &["dozens"]);
        assert_figures("Dozens of homes burned and scores of cars.", &[]);
        assert_figures(
            "The RSF said it killed hundreds of what it called \"mercenaries\".",
            &["hundreds"],
        );
        assert_figures("Officials counted hundreds of what remained.", &[]);
    }

    #[test]
    fn money() {
        assert_figures("The plan costs $45 million.", &["$45 million"]);
        assert_figures("Donors gave US$4.4B and NZ$300.", &["US$4.4B", "NZ$300"]);
        assert_figures(
            "It lost €6 million and £2.3 billion.",
            &["€6 million", "£2.3 billion"],
        );
        assert_figures("a fine of 300 euros", &["300 euros"]);
        assert_figures(
            "Gangs draw hundreds of millions of dollars from extortion.",
            &["hundreds of millions of dollars"],
        );
        assert_figures("They seized thousands of pounds of explosives.", &[]);
        assert_figures(
            "State TV said 12 \"terrorists\" and 9 \u{201c}armed men\u{201d} died, and 4 \"in all\".",
            &["12 \"terrorists\"", "9 \u{201c}armed men\u{201d}"],
        );
        // A count in quotation marks of its own: the figure is what they
        // hold, its head noun after them.
        assert_figures(
            "He said \"dozens\" of police officers and \u{201c}more than 20\u{201d} soldiers died.",
            &["dozens", "more than 20"],
        );
        assert_figures("He said \"20\" was the answer.", &[]);
        assert_figures("more than $7 billion", &["more than $7 billion"]);
        assert_figures(
            "an estimated €7 million a week",
            &["an estimated €7 million"],
        );
        assert_figures("a bomb of 300 pounds of explosives", &[]);
        assert_class("They paid $310 per household.", Class::Money, false);
        // A conversion in brackets is a figure of its own.
        assert_figures(
            "The dam will cost $5 million (€3.7 million) and €2 million (40 workers).",
            &["$5 million", "€3.7 million", "€2 million", "40 workers"],
        );
        assert_figures("It cost $5 million (in 2019).", &["$5 million"]);
        // A currency named with a country or a code before its word.
        assert_figures(
            "It spent about 800 billion CFA francs and 5 Hong Kong dollars.",
            &["about 800 billion CFA francs", "5 Hong Kong dollars"],
        );
        assert_figures("He gave 30 Red Cross parcels.", &[]);
    }

    #[test]
    fn currency_names_that_are_common_words_need_a_scale_word() {
        assert_figures(
            "Samsung gave 20.4 billion won to them.",
            &["20.4 billion won"],
        );
        assert_figures("Debt rose to 1,290 trillion won.", &["1,290 trillion won"]);
        assert_figures("Of the 30 seats, the party won 12.", &[]);
    }

    #[test]
    fn percentages() {
        assert_figures(
            "Prices rose 30 percent and rents 6 per cent.",
            &["30 percent", "6 per cent"],
        );
        assert_figures("He won 2.6% more votes.", &["2.6%"]);
    }

    #[test]
    fn qualifiers_are_in_the_span() {
        for q in [
            "at least",
            "more than",
            "nearly",
            "up to",
            "over",
            "around",
            "about",
            "almost",
            "upwards of",
            "a total of",
        ] {
            let text = format!("The strike killed {q} 60 civilians.");
            assert_figures(&text, &[&format!("{q} 60 civilians")]);
        }
    }

    #[test]
    fn people_heads_with_modifiers() {
        // `States` is a verb of speech, but not inside a name.
        assert_figures(
            "At least 14 United States troops were killed.",
            &["At least 14 United States troops"],
        );
        assert_figures(
            "At least 14 Chadian army soldiers were killed.",
            &["At least 14 Chadian army soldiers"],
        );
        assert_figures(
            "Police caught two would-be suicide bombers.",
            &["two would-be suicide bombers"],
        );
        assert_figures("Nine other people were hurt.", &["Nine other people"]);
        assert_figures(
            "More than 2 million Haitians need aid.",
            &["More than 2 million Haitians"],
        );
        assert_figures(
            "The boat carried 200 Palestinians and 15 Christians.",
            &["200 Palestinians", "15 Christians"],
        );
        assert_figures("It killed 29 young children.", &["29 young children"]);
        // Two words the lexicon does not know, but not a plural noun.
        assert_figures(
            "Gunmen shot dead nine polio vaccination workers.",
            &["nine polio vaccination workers"],
        );
        assert_figures("It took two full days to reach 40 people.", &["40 people"]);
        assert_figures("It freed 20 Lebanese soldiers.", &["20 Lebanese soldiers"]);
        assert_figures("Two police cars burned and 30 police died.", &["30 police"]);
        assert_figures(
            "It hit 30 dead children and 12 wounded.",
            &["30 dead children", "12 wounded"],
        );
        assert_figures("The army said 45 rebels killed.", &["45 rebels"]);
        assert_figures(
            "Police detained hundreds of her supporters.",
            &["hundreds of her supporters"],
        );
        assert_figures("Police arrested 20 activists.", &["20 activists"]);
        assert_figures(
            "Gunmen seized more than 200 schoolgirls from a school.",
            &["more than 200 schoolgirls"],
        );
        assert_figures(
            "Nearly two million have fled the country.",
            &["Nearly two million"],
        );
    }

    #[test]
    fn a_share_of_people_named_before() {
        assert_figures(
            "Agencies plan to reach 183 million of them, the most vulnerable.",
            &["183 million of them"],
        );
        assert_figures("Of the 30 trucks, rebels burned 12 of them.", &[]);
    }

    #[test]
    fn incidents_told_of_already_are_not_counted_again() {
        assert_figures("Dozens were hurt in the two attacks.", &["Dozens"]);
        assert_figures("There were two attacks on Monday.", &["two attacks"]);
        assert_figures("The two nurses were later jailed.", &[]);
        assert_figures("Gunmen killed two nurses.", &["two nurses"]);
        assert_figures(
            "Relatives of the 298 people who died gathered.",
            &["298 people"],
        );
    }

    #[test]
    fn a_plural_word_may_modify_a_casualty_noun() {
        assert_figures("140,000 measles deaths", &["140,000 measles deaths"]);
        assert_figures("They built two bridges last year.", &[]);
        // A casualty verb after a plural noun is no head noun of it.
        assert_figures("Riots in four prisons killed 79 inmates.", &["79 inmates"]);
    }

    #[test]
    fn a_count_of_anyone_who_was_killed_is_a_casualty_figure() {
        assert_class("At least 20 traders were killed.", Class::People, true);
        assert_class("Five market vendors died in the fire.", Class::People, true);
        assert_class("Five vendors killed in market attack.", Class::People, true);
        // What the subject did, not what it suffered.
        assert_figures("Riots in four prisons killed 79 inmates.", &["79 inmates"]);
        assert_figures("Three explosions killed the guards.", &[]);
        // Boats go missing; a time is no one.
        assert_figures("Three fishing boats were missing.", &[]);
        assert_figures("Two years later, the rebels were killed.", &[]);
    }

    #[test]
    fn a_reported_count_reaches_its_casualty_word() {
        assert_class("Nine were reported killed in the blast.", Class::Toll, true);
        assert_class("Nearly 18,000 were listed as missing.", Class::Toll, true);
        assert_class("Two were found dead in the river.", Class::Toll, true);
        assert_figures("Two were found alive in the river.", &[]);
        assert_class(
            "Up to 1,500 are thought to still be missing.",
            Class::Toll,
            true,
        );
    }

    #[test]
    fn people_counted_for_something_else_are_no_casualties() {
        // A place with no casualty word in its clause.
        let text = "About 130 people had been on board, and 40 people were missing.";
        let got = figures(text);
        assert_eq!(
            got.iter().map(|f| (f.0.as_str(), f.2)).collect::<Vec<_>>(),
            [("About 130 people", false), ("40 people", true)],
        );
        // The object of a verb in the perfect.
        let text = "Smugglers had locked dozens of people in the hold, and 14 people died.";
        let got = figures(text);
        assert_eq!(
            got.iter().map(|f| (f.0.as_str(), f.2)).collect::<Vec<_>>(),
            [("dozens of people", false), ("14 people", true)],
        );
        // A verb joined to one before.
        let text = "Troops killed the gunmen and freed 71 hostages.";
        assert_eq!(
            figures(text)
                .iter()
                .map(|f| (f.0.as_str(), f.2))
                .collect::<Vec<_>>(),
            [("71 hostages", false)],
        );
        // Soldiers, children and civilians only where the sentence tells
        // of the dead and hurt.
        assert_class(
            "We have 2,500 of our soldiers in the town now.",
            Class::People,
            false,
        );
        assert_class("Rebels killed 25 soldiers.", Class::People, true);
    }

    #[test]
    fn losses_burials_and_troops() {
        assert_class(
            "The army had lost up to 245 servicemen.",
            Class::People,
            true,
        );
        assert_class(
            "He had helped bury seven people in a courtyard.",
            Class::People,
            true,
        );
        assert_class("It has called up 360,000 reservists.", Class::People, false);
        assert_figures(
            "The force had about 400 special forces troops there.",
            &["about 400 special forces troops"],
        );
        // The count has a noun of its own after `of`.
        assert_figures(
            "The flood swept away 17 bridges, leaving dozens of villages cut off.",
            &[],
        );
        assert_figures("The blast killed 12 of them.", &["12 of them"]);
    }

    #[test]
    fn origins_scales_and_verbs_after_and() {
        // Where the people counted come from is part of their figure.
        assert_figures(
            "Air strikes killed 28 people from three families.",
            &["28 people"],
        );
        assert_figures(
            "Inflation rose to 5 percent from 3 percent.",
            &["5 percent", "3 percent"],
        );
        // A reading on a scale.
        assert_figures("Magnitude 6.6 earthquake strikes the coast.", &[]);
        assert_figures("A category 4 storm killed 12 people.", &["12 people"]);
        assert_figures("Category two patients waited longer than that.", &[]);
        // A casualty verb with an object after `and` is no modifier.
        assert_figures(
            "Rebels said they had shot down two army aircraft and killed more than 400 soldiers.",
            &["more than 400 soldiers"],
        );
    }

    #[test]
    fn modifiers_joined_by_and() {
        assert_figures(
            "More than 13,000 sick and wounded people were evacuated.",
            &["More than 13,000 sick and wounded people"],
        );
        assert_figures("Rebels took two trucks and three cars.", &[]);
    }

    #[test]
    fn more_after_a_count_of_things_is_not_people() {
        assert_figures(
            "Three aid convoys reached the town, and two more are expected.",
            &[],
        );
        assert_figures(
            "Three people were rescued, and two more are expected to be found.",
            &["Three people", "two more"],
        );
    }

    #[test]
    fn others_and_more_after_a_count() {
        assert_figures(
            "It killed five and wounded 23 others.",
            &["five", "23 others"],
        );
        assert_figures(
            "killing 40 pupils and injuring 90 more.",
            &["40 pupils", "90 more"],
        );
        assert_figures("The talks need two more years.", &[]);
        assert_figures("260 more people arrived.", &["260 more people"]);
        // A verb after `more`: people.
        assert_figures(
            "Tens of thousands more spent the night in cars.",
            &["Tens of thousands more"],
        );
        assert_figures("Thousands more fled.", &["Thousands more"]);
        // `more` ending the text (a fuzzed draft once ended so).
        assert_figures("Later, 40 more", &["40 more"]);
        assert_figures("They wanted two more armed guards.", &[]);
    }

    #[test]
    fn casualties() {
        assert_figures(
            "The attack left 30 dead and 26 injured.",
            &["30 dead", "26 injured"],
        );
        assert_figures(
            "Gunmen opened fire, killing nine and wounding eight.",
            &["nine", "eight"],
        );
        assert_figures(
            "Four people were killed and eighteen injured.",
            &["Four people", "eighteen injured"],
        );
        assert_figures("The ministry recorded 36 fatalities.", &["36 fatalities"]);
        assert_class("36 Killed as Forces Target City", Class::Casualties, true);
        assert_class("Eleven were killed in the blast.", Class::Toll, true);
        // A bare count that a casualty word describes after a linking verb.
        assert_figures("Two are still missing.", &["Two"]);
        assert_figures("Five remain missing after the storm.", &["Five"]);
        assert_figures("Three were presumed dead.", &["Three"]);
        assert_figures("Two remain in custody.", &[]);
        // Displacing and abducting take a bare count as object.
        assert_figures(
            "Floods displace hundreds of thousands in the south",
            &["hundreds of thousands"],
        );
        assert_figures("Gunmen abducted 12 near the border.", &["12"]);
        assert_figures("The storm displaced two bridges.", &[]);
    }

    #[test]
    fn a_count_may_share_a_casualty_figures_noun() {
        assert_figures(
            "The storm killed 70 people in Haiti and seven in the Dominican Republic.",
            &["70 people", "seven"],
        );
        assert_figures(
            "Floods left 12 dead in Luzon and at least four in Samar.",
            &["12 dead", "at least four"],
        );
        // Not when the phrases differ, the first is no casualty, or the
        // count is a year.
        assert_figures(
            "It killed 70 people in Haiti and seven days later it hit Cuba.",
            &["70 people"],
        );
        assert_figures(
            "The ship carried 70 passengers in cabins and seven in steerage.",
            &["70 passengers"],
        );
        assert_figures(
            "It killed 70 people in 2009 and 2010 in the city.",
            &["70 people"],
        );
        assert_figures(
            "The army said 18 soldiers had been killed since Thursday night, including 13 in Shijaiyah.",
            &["18 soldiers", "13"],
        );
        assert_figures(
            "The army said 18 soldiers had died since May, including 13 officers.",
            &["18 soldiers", "13 officers"],
        );
        assert_figures("Police seized 18 trucks, including 13 in the port.", &[]);
        // A casualty verb's second object, whatever its noun.
        assert_figures(
            "A gunman killed 20 children and six educators at the school.",
            &["20 children", "six educators"],
        );
        assert_figures(
            "A gunman killed 20 children and six years later the school reopened.",
            &["20 children"],
        );
        assert_figures("Crews rescued 20 children and six dogs.", &["20 children"]);
        // Lives a verb takes are the dead, with no casualty word.
        assert_figures(
            "The storm has claimed at least nine lives in Nicaragua and at least eight in Mexico.",
            &["at least nine lives", "at least eight"],
        );
        assert_figures(
            "The vaccine saved nine lives in Nicaragua and eight in Mexico.",
            &["nine lives"],
        );
    }

    #[test]
    fn plural_casualty_nouns_count_like_a_toll() {
        assert_figures(
            "# Ebola Deaths Top 1,350 as Liberia Quarantines Slum",
            &["1,350"],
        );
        assert_figures(
            "Swine flu deaths in Mexico rose to 149 on Sunday.",
            &["149"],
        );
        // Not after a bare `to` or `at`.
        assert_figures("Inspectors traced the deaths to 12 wells.", &[]);
    }

    #[test]
    fn weapons_and_incidents() {
        assert_figures(
            "The navy fired more than 40 cruise missiles and drones.",
            &["more than 40 cruise missiles"],
        );
        assert_figures(
            "There were 14 airstrikes and 3 bombings.",
            &["14 airstrikes", "3 bombings"],
        );
        assert_class("It launched 40 rockets.", Class::Weapons, false);
    }

    #[test]
    fn joined_scales_of_phrases_and_partitives() {
        assert_figures(
            "Six children aged between 11 and 14 died.",
            &["Six children"],
        );
        assert_figures("Council approved a $1.1-billion budget.", &["$1.1-billion"]);
        assert_figures(
            "Officials said 40 members of the security forces have been killed.",
            &["40 members"],
        );
        assert_figures("The council's 40 members of the party voted.", &[]);
        assert_figures(
            "Drones struck the bridge, and the army shot down four of them.",
            &[],
        );
        assert_figures(
            "Gunmen stormed the school and killed dozens of them.",
            &["dozens of them"],
        );
    }

    #[test]
    fn shares_nationalities_and_objects_of_infinitives() {
        assert_figures(
            "At least 21 people have been killed aboard downed aircraft, including two contractors flying for a security firm.",
            &["At least 21 people", "two contractors"],
        );
        assert_figures(
            "Troops killed the gunmen and freed 71 hostages, among them two members of parliament.",
            &["71 hostages"],
        );
        assert_figures("India has banned more than 200 Chinese mobile apps.", &[]);
        assert_figures(
            "More than 1,200 Congolese crossed into Uganda.",
            &["More than 1,200 Congolese"],
        );
        assert_figures(
            "The Command Region 4 said troops had arrested four suspects.",
            &["four suspects"],
        );
        let reservists = figures(
            "After militants killed civilians in three towns, the army was cleared to call up as many as 75,000 reservists.",
        );
        assert_eq!(reservists.len(), 1);
        assert!(!reservists[0].2, "not a casualty figure: {reservists:?}");
        assert_class(
            "State media said the enemy had lost \"more than 30 servicemen\".",
            Class::People,
            true,
        );
        assert_figures("Crews located two more bodies.", &["two more bodies"]);
        assert_figures("Two died, and 260 more were wounded.", &["Two", "260 more"]);
        let marched =
            figures("Police shot dead three protesters as 2,000 people marched, medics said.");
        assert_eq!(marched.len(), 2);
        assert!(!marched[1].2, "marchers are no casualties: {marched:?}");
        let bombers =
            figures("Troops killed 83 militants, including 12 suicide bombers, in two days.");
        assert_eq!(bombers.len(), 2);
        assert!(bombers[1].2, "a share of the dead: {bombers:?}");
        assert_class("About 17,800 remain detained.", Class::Toll, true);
        assert_figures(
            "He treated 37 wounded people, and at least five of them had died.",
            &["37 wounded people", "at least five of them"],
        );
        assert_figures("The rebels said they had detained 14.", &["14"]);
    }

    #[test]
    fn quotes_agents_relative_clauses_and_inverted_tolls() {
        assert_class(
            "The group said it had killed and wounded \"more than 60 crusaders\".",
            Class::People,
            true,
        );
        assert_figures(
            "A spokesman said its guerrillas had killed \"more than 20\" security personnel.",
            &["more than 20"],
        );
        assert_figures(
            "Troops killed up to 30 Ukrainian naval special forces.",
            &["up to 30 Ukrainian naval special forces"],
        );
        let agents =
            figures("Two soldiers died after the post was overrun by \"hundreds of men\".");
        assert_eq!(agents.len(), 2);
        assert!(
            agents[0].2 && !agents[1].2,
            "attackers are no casualties: {agents:?}"
        );
        assert_class(
            "He said 30 miners who had entered the old workings were also missing.",
            Class::People,
            true,
        );
        let mourners =
            figures("Dozens of supporters who gathered at the hospital where he died wept.");
        assert!(mourners.is_empty(), "no count of the dead: {mourners:?}");
        assert_figures(
            "Three more were killed, bringing to 15 the number of people killed this month.",
            &["Three more", "15"],
        );
        assert_figures("The move brought to 15 the number of schools closed.", &[]);
        assert_figures(
            "Some 10,000 suspected IS fighters are held there.",
            &["Some 10,000 suspected IS fighters"],
        );
        assert_class(
            "The army said all six attackers had also been killed.",
            Class::People,
            true,
        );
        assert_class(
            "Troops had arrested nine suspected collaborators.",
            Class::People,
            true,
        );
        assert_class(
            "At least 10 firefighters who had been sent to the warehouse shortly before the blast were among the missing.",
            Class::People,
            true,
        );
    }

    /// Read as the check reads a sentence with a displacement word: with
    /// A count of people with a verb of its own is not the dead and hurt
    /// of its sentence; a possessive may stand between `of the` and the
    /// head noun.
    #[test]
    fn participles_relatives_and_possessives() {
        let cases = [
            (
                "The toll from the blast, where hundreds of people preparing to flee had queued for fuel, rose to 68.",
                "hundreds of people",
                false,
            ),
            (
                "Troops killed two fighters trying to cross the fence.",
                "two fighters",
                true,
            ),
            (
                "Two policemen guarding the gate were among the dead.",
                "Two policemen",
                true,
            ),
            (
                "The contingent, which numbers more than 6,000 troops, remained fully operational and would not comment on casualties.",
                "more than 6,000 troops",
                false,
            ),
            (
                "He said 2,000 of the group's fighters had been neutralised.",
                "2,000 of the group's fighters",
                true,
            ),
        ];
        for (text, figure, casualty) in cases {
            let found: Vec<(String, bool)> =
                figures(text).into_iter().map(|f| (f.0, f.2)).collect();
            assert_eq!(found, [(figure.to_string(), casualty)], "{text}");
        }
    }

    /// the lexicons that count the displaced as no casualties.
    #[test]
    fn the_displaced_are_counted_but_are_no_casualties() {
        let blind = lexicons()
            .displacement_blind
            .as_deref()
            .expect("built-in pack");
        let read = |text: &str| {
            let mut t = Tokens::default();
            t.tokenize(text, 0, Some(&lexicons().vocab));
            let mut out = Vec::new();
            find(blind, &t, &mut out);
            out.into_iter()
                .map(|f| (text[f.span].to_string(), f.casualty))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            figures("Residents said 20 people died and 7,000 people had fled.")
                .iter()
                .map(|f| f.2)
                .collect::<Vec<_>>(),
            [true, true]
        );
        assert_eq!(
            read("Residents said 20 people died and 7,000 people had fled."),
            [
                ("20 people".to_string(), true),
                ("7,000 people".to_string(), false)
            ]
        );
        assert_eq!(read("The floods have displaced 5,000."), []);
        assert_eq!(
            read("Gunmen killed 12 villagers and displaced hundreds."),
            [("12 villagers".to_string(), true)]
        );
    }

    #[test]
    fn tolls_and_headlines() {
        assert_figures("The toll rose to 65 on Friday.", &["65"]);
        assert_figures("The toll, which stood at 125 on Sunday, climbed.", &["125"]);
        assert_figures("Flood toll rises to 41", &["41"]);
        // A place and its country between the toll and its verb.
        assert_figures("The toll in Musayyib, Iraq has risen to 98.", &["98"]);
        assert_figures("The toll in Kabul, officials said, rose to 98.", &[]);
        // Estimates, and vague counts a toll is in or runs into.
        assert_figures("The death toll has been estimated at 300.", &["300"]);
        assert_figures("The death toll is estimated to be 300.", &["300"]);
        assert_figures(
            "The death toll is in the hundreds and could run into the thousands.",
            &["hundreds", "thousands"],
        );
        assert_figures("The death toll in the 12 provinces rose to 40.", &["40"]);
        assert_figures("Car bomb kills 22 in market", &["22"]);
        assert_figures("Mine blast kills seven", &["seven"]);
        assert_figures("The bombing raised the day's toll to 58.", &["58"]);
        assert_figures(
            "Suicide bomber kills three Somali ministers at graduation",
            &["three Somali ministers"],
        );
        // Two-word killing verbs.
        assert_figures("Gunmen shot dead nine in Kano.", &["nine"]);
        assert_figures(
            "Gunmen shot dead at least nine polio vaccinators in Kano.",
            &["at least nine polio vaccinators"],
        );
        assert_figures("Troops gunned down 12 at the checkpoint.", &["12"]);
        assert_figures("He was executed 23 days after his arrest.", &[]);
        assert_figures("Two people in every 10,000 die each day.", &["Two people"]);
        assert_figures("# Missiles hit hospital as dozens die", &["dozens"]);
        assert_figures(
            "More than 320 people were injured, dozens of them seriously.",
            &["More than 320 people", "dozens of them"],
        );
        assert_figures(
            "The rate was 30 deaths per 100,000 residents.",
            &["30 deaths"],
        );
        assert_figures("The shot dead center of 12 targets.", &[]);
        assert_figures(
            "The number of injured stood at more than 45.",
            &["more than 45"],
        );
        assert_figures("The number of schools was 60.", &[]);
        // A toll noun in a relative clause before the toll's own.
        assert_figures(
            "The staff, which publishes a tally every morning, said the toll had reached 296,000.",
            &["296,000"],
        );
        assert_figures(
            "The staff, which keeps a tally, said the number of troops killed had reached 296,000.",
            &["296,000"],
        );
        // The subject runs on between the count noun and its verb.
        assert_figures(
            "The number of people killed in the conflict has risen to nearly 12,000.",
            &["nearly 12,000"],
        );
        assert_figures(
            "The death toll from the weekend's floods in the north has risen to 230.",
            &["230"],
        );
        assert_figures(
            "The number of schools in the districts where people were killed rose to 60.",
            &[],
        );
        // A long subject, with no comma between the toll and its verb.
        assert_figures(
            "The death toll from a suicide bombing at a mosque inside a heavily guarded police compound in the city of Peshwar rose to 100 on Tuesday.",
            &["100"],
        );
        assert_figures(
            "The death toll from the bombing, which hit a heavily guarded police compound in the city of Peshwar, rose to 100.",
            &[],
        );
        // A casualty word used as a noun ends the figure before a preposition.
        assert_figures(
            "Hospitals treated hundreds of wounded through the night.",
            &["hundreds of wounded"],
        );
        // A share of the casualties.
        assert_figures("Of the dead, seven were children.", &["seven"]);
        assert_figures(
            "Among the 40 injured, 12 were in critical condition.",
            &["40 injured", "12"],
        );
        assert_figures("Of the books, seven were novels.", &[]);
        assert_figures("Some of the dead, seven in all, were children.", &[]);
        assert_figures(
            "The party said 15 of its members had been killed.",
            &["15 of its members"],
        );
        assert_figures("3,100 of its members have resigned.", &[]);
        assert_figures("The union put the count at roughly 1,700.", &[]);
        assert_figures("Officials put the overall death toll at 183.", &["183"]);
        // A bare `to` far from the toll noun needs a verb that carries it.
        assert_figures(
            "The death toll from the quake rose Monday to more than 20,000.",
            &["more than 20,000"],
        );
        assert_figures(
            "Tally sheets showed her winning 6.27 million votes to 2.75 million.",
            &[],
        );
    }

    #[test]
    fn people_with_a_verb_of_their_own_are_not_casualties() {
        let got = figures(
            "He said 12 civilians had been killed and that more than 120,000 residents had been moved out.",
        );
        let casualty: Vec<bool> = got.iter().map(|f| f.2).collect();
        assert_eq!(casualty, vec![true, false], "{got:?}");
        // A casualty word in the noun phrase or after the verb still counts.
        for text in [
            "He said the bodies of 64 men were found after the shelling killed many.",
            "He said 40 people were treated for gunshot wounds after the attack killed two.",
            "He said thousands of people have fled since the strikes killed 3.",
        ] {
            assert!(figures(text)[0].2, "{text}");
        }
        // The verb of a relative clause on the count, and a participle
        // that takes the count as object.
        for text in [
            "Five people died as thousands of people who had broken through the fence tried to board.",
            "The group said it killed 20 soldiers and was holding 182 hostages.",
        ] {
            let got = figures(text);
            let casualty: Vec<bool> = got.iter().map(|f| f.2).collect();
            assert_eq!(casualty, vec![true, false], "{text}: {got:?}");
        }
        // Unless the dead and hurt are the count's own.
        for text in [
            "Police said they had killed 45 men who attacked the station.",
            "Seventeen patients who had been waiting for tests were missing.",
            "The blast hit the bus, leaving 12 people dead.",
        ] {
            assert!(figures(text).iter().all(|f| f.2), "{text}");
        }
    }

    #[test]
    fn casualty_class() {
        assert_class(
            "The army said it killed 80 insurgents.",
            Class::People,
            true,
        );
        assert_class(
            "Officials said 31 soldiers were captured.",
            Class::People,
            true,
        );
        assert_class(
            "The rebels said the clashes had cost 40 lives.",
            Class::People,
            true,
        );
        assert_class("The vaccine saved 40 lives.", Class::People, false);
        assert_class(
            "Residents said they found 12 corpses in the street.",
            Class::People,
            true,
        );
        assert_class(
            "Aid agencies say 40,000 people have fled.",
            Class::People,
            false,
        );
        assert_class(
            "Two bridges cost $45 million, killing nobody.",
            Class::Money,
            false,
        );
    }

    #[test]
    fn years_dates_and_times_are_not_figures() {
        assert_figures("In 2025 people voted on June 13 at 4:30 a.m.", &[]);
        assert_figures("It began on Jan. 5 and 12 June, at 18:00 GMT.", &[]);
        assert_figures("Since 2019 protesters have marched.", &[]);
        assert_figures("the 9th of March 2011 at 1800 GMT", &[]);
        // `over` and `around` before a year are prepositions; `at least`
        // is no preposition.
        assert_figures("Court jails 38 over 2008 Ahmedabad bombings", &[]);
        assert_figures("Abdeslam jailed for life over 2015 attacks", &[]);
        assert_figures("Around 2010 refugees began to arrive.", &[]);
        assert_figures(
            "At least 2000 refugees arrived.",
            &["At least 2000 refugees"],
        );
    }

    #[test]
    fn ordinals_are_not_figures() {
        assert_figures("It was the third consecutive day and the 20th attack.", &[]);
    }

    #[test]
    fn ages_are_not_figures() {
        assert_figures("A 60-year-old farmer and a 15-year old boy died.", &[]);
        assert_figures("Biggs, aged 80, and people aged 60 left.", &[]);
        assert_figures("Macron, 47, said 12 people died.", &["12 people"]);
        assert_figures("He is 60 years old.", &[]);
    }

    #[test]
    fn counts_of_sources_after_a_comma_are_not_figures() {
        assert_figures(
            "Three other residents, reached separately, gave similar accounts.",
            &[],
        );
        assert_figures(
            "Three residents, all of them farmers, died.",
            &["Three residents"],
        );
    }

    #[test]
    fn counts_of_sources_are_not_figures() {
        assert_figures("two U.S. officials said, as did multiple sources.", &[]);
        assert_figures("Two people familiar with the talks said so.", &[]);
        assert_figures(
            "Her account, like those of a dozen other refugees interviewed in the camp, was consistent.",
            &[],
        );
    }

    #[test]
    fn numbers_in_names_and_codes_are_not_figures() {
        assert_figures("F-35 jets, S-400 systems, COVID-19 patients died.", &[]);
        assert_figures("The Group of 20 and Resolution 2231 on Route 66.", &[]);
        assert_figures("Class 10 students and Grade 5 pupils sat exams.", &[]);
        assert_figures("Flight 17 killed 298 people.", &["298 people"]);
        assert_figures("Detachment 88 stormed the house.", &[]);
    }

    #[test]
    fn one_and_a_are_not_figures() {
        assert_figures(
            "One person died and a single soldier and an officer were hurt.",
            &[],
        );
    }

    #[test]
    fn counts_of_other_things_are_not_figures() {
        assert_figures(
            "The council's 15 members, a stadium's 40,000 seats, six weeks, two bridges.",
            &[],
        );
        assert_figures("Troops shot down two army helicopters.", &[]);
        assert_figures("a 16-hour siege, a 6km radius, one-fourth of them", &[]);
        assert_figures("3,100 of its members went on strike.", &[]);
        assert_figures("The 9/11 attacks and 3/4 of voters.", &[]);
        assert_figures("One in five children lives in poverty.", &["five children"]);
    }
}
