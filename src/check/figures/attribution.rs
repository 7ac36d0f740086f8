//! Attribution (spec section 2) and the sources and caveats of section 3:
//! who a sentence says gave its figures, whether that source needs a
//! caveat, and where the caveats are.

use super::lexicon::{Lex, Lexicons, SourceClass};
use super::tokens::{TokKind, Tokens};
use std::ops::Range;

/// The most tokens a source phrase runs to.
const MAX_SOURCE: usize = 10;

/// An attribution in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The token of the cue (`said`, `according`, `per`, the colon).
    pub cue: usize,
    /// The tokens naming the source (`The army`, `Human Rights Activists`).
    pub source: Range<usize>,
    /// The attribution closes the sentence after a comma (`..., the
    /// ministry said.`, `..., according to exchange data.`): it covers
    /// everything before it.
    pub closing: bool,
    /// The cue is a participle after a comma that shares its clause's
    /// subject (`Thousands of protesters stormed the parliament,
    /// accusing ...`): that subject is no count of sources.
    pub participle: bool,
}

/// A source found for a figure, in draft bytes, with the class that needs a
/// caveat (if any) and the words that put it in that class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub span: Range<usize>,
    pub class: Option<(SourceClass, Range<usize>)>,
}

/// Whether token `i` ends a clause for the purpose of finding a source:
/// punctuation other than money and percent signs.
fn boundary(lex: &Lexicons, t: &Tokens, i: usize) -> bool {
    t.kind(i) == Some(TokKind::Punct)
        && !lex.currency_symbols.word(t, i)
        && !t.is_punct(i, "%")
        && !t.is_punct(i, "&")
        // Inside a sentence a full stop ends an abbreviation (`Col. Ann Reyes`).
        && (!t.is_punct(i, ".") || i + 1 == t.len())
        && !possessive_mark(t, i)
}

/// The apostrophe of a possessive after `s` (`Hamas' armed wing`), which
/// the tokenizer leaves apart from its word.
fn possessive_mark(t: &Tokens, i: usize) -> bool {
    i > 0
        && t.is_punct(i, "'")
        && t.adjacent(i - 1)
        && t.is_word(i - 1)
        && t.low(i - 1).ends_with('s')
        && t.is_word(i + 1)
}

/// The source phrase that ends before token `end`, back to the clause start.
fn back(lex: &Lexicons, t: &Tokens, end: usize) -> Range<usize> {
    let mut s = end;
    while s > 0 && end - s < MAX_SOURCE && !lex.clause_openers.word(t, s - 1) {
        if !boundary(lex, t, s - 1) {
            s -= 1;
            continue;
        }
        // `The "Islamic State" group said`: words in scare quotes.
        match scare_quote_start(t, s - 1) {
            Some(open) => s = open,
            None => break,
        }
    }
    noun_phrase_start(lex, t, s, end)..end
}

/// Where the noun phrase of a source that starts at token `s` and ends
/// before `end` begins: after the prepositions and other function words
/// before it (`with a rights monitor reporting`, `On Monday police ...`),
/// keeping determiners and pronouns.
fn noun_phrase_start(lex: &Lexicons, t: &Tokens, mut s: usize, end: usize) -> usize {
    while s + 1 < end
        && lex.function_words.word(t, s)
        && !lex.determiners.word(t, s)
        && !lex.one_words.word(t, s)
        && !lex.pointer_openers.word(t, s)
    {
        s += 1;
    }
    s
}

/// The source phrase that starts at token `start`, up to the clause end.
/// The appositive after a source that ends at token `end` (`, the
/// inspector general of police for Kashmir`), if a comma opens one.
pub fn appositive_after(lex: &Lexicons, t: &Tokens, end: usize) -> Option<Range<usize>> {
    if !t.is_punct(end, ",") {
        return None;
    }
    let r = forward(lex, t, end + 1);
    (!r.is_empty()).then_some(r)
}

fn forward(lex: &Lexicons, t: &Tokens, start: usize) -> Range<usize> {
    let mut e = start;
    // `according to diplomats and regional security sources`: a noun
    // phrase joined on, not a clause (`and rose again`).
    let joins_a_noun = |e: usize| {
        e > start
            && lex.noun_coordinators.word(t, e)
            && t.is_word(e + 1)
            && (lex.determiners.word(t, e + 1) || !lex.function_words.word(t, e + 1))
            && !reads_as_verb(lex, t, e + 1)
            && !t.low(e + 1).ends_with("ed")
    };
    // `a military source quoted by SANA said eight soldiers ...`: the
    // source ends at the verb of the report that follows it.
    let reports = |e: usize| {
        e > start
            && lex.pointer_speech_verbs.word(t, e)
            && matches!(t.kind(e + 1), Some(TokKind::Word | TokKind::Number))
            && !t.low_is(e + 1, "by")
    };
    while e < t.len()
        && e - start < MAX_SOURCE
        && !boundary(lex, t, e)
        && (!lex.clause_openers.word(t, e) || joins_a_noun(e))
        && !reports(e)
    {
        e += 1;
    }
    start..e
}

/// The subject of the speech verb at token `v`, if it has one. `No group
/// claimed the attack` has none.
pub fn subject(lex: &Lexicons, t: &Tokens, v: usize) -> Option<Range<usize>> {
    subject_phrase(lex, t, v).filter(|s| {
        !(lex.negative_subjects.word(t, s.start) && (s.len() == 1 || t.is_word(s.start + 1)))
    })
}

fn subject_phrase(lex: &Lexicons, t: &Tokens, v: usize) -> Option<Range<usize>> {
    // `damage estimated at $30 billion`: a participle after a noun, which
    // reports nothing; `officials estimated at least 40` still does.
    // `said at a news conference`, `announced at the time`: a place or a
    // time after `at` (a function word that opens no qualifier), not an
    // amount.
    // `announced at Manchester Town Hall`: a place's name too.
    let at_place_or_time = (lex.function_words.word(t, v + 2)
        && lex.qualifiers.at(t, v + 2).is_none())
        || (t.is_word(v + 2) && t.toks[v + 2].cap);
    // `which police estimated at about 140,000`: a source right before
    // the verb is its subject.
    let agent = v > 0
        && (lex.source_nouns.word(t, v - 1)
            || lex.people.word(t, v - 1)
            || is_pronoun(lex, t, &(v - 1..v)));
    // `said in a statement posted on an Islamist website that ...`: a
    // message in a phrase is no subject; its verb is a participle.
    if v >= 2
        && lex.message_nouns.word(t, v - 1)
        && (v.saturating_sub(4)..v - 1)
            .rev()
            .take_while(|&k| t.is_word(k))
            .any(|k| lex.media_prepositions.word(t, k))
    {
        return None;
    }
    // `Karzai ordered an investigation after saying that ...`: the
    // sentence's opening subject speaks.
    if v >= 2 && t.low(v).ends_with("ing") && lex.participle_openers.word(t, v - 1) {
        return opening_subject(lex, t).filter(|r| r.end < v - 1);
    }
    if lex.participle_links.word(t, v + 1)
        && lex.qualifiers.at(t, v + 1).is_none()
        && !at_place_or_time
        && !agent
    {
        return None;
    }
    // `two later confirmed dead`, `were reported missing`: a state, not a
    // report (but `Police said dead bodies ...` reports).
    if lex
        .casualty_links
        .at(t, v)
        .is_some_and(|e| lex.casualty_states.word(t, e))
    {
        return None;
    }
    // `declared a state of emergency`: a declaration, not a report; `the
    // United States that sent troops`: a name.
    if lex.that_verbs.word(t, v) && (!t.low_is(v + 1, "that") || (v > 0 && t.toks[v].cap)) {
        return None;
    }
    // `which put extra patrols on I-70`: no amount put at in its clause.
    if lex.at_verbs.word(t, v)
        && !(v + 1..t.len())
            .take_while(|&i| !t.is_punct(i, ","))
            .any(|i| t.low_is(i, "at"))
    {
        return None;
    }
    // `The center admitted 1,140 children`: patients taken in, not a
    // report (`admitted 40 soldiers had died` still reports).
    if lex.admission_verbs.word(t, v)
        && (t.kind(v + 1) == Some(TokKind::Number)
            || lex.number_words.word(t, v + 1)
            || lex.qualifiers.at(t, v + 1).is_some())
    {
        // A verb after the count's noun makes the count a clause's subject.
        let number_end = (v + 2..t.len().min(v + 5))
            .find(|&k| t.kind(k) != Some(TokKind::Number) && !lex.number_words.word(t, k))
            .unwrap_or(v + 2);
        let reports = (number_end..t.len().min(v + 9))
            .take_while(|&k| {
                !t.is_punct(k, ",")
                    && (!lex.function_words.word(t, k) || lex.auxiliaries.word(t, k))
            })
            .any(|k| {
                lex.auxiliaries.word(t, k) || (k > number_end && lex.casualty_states.word(t, k))
            });
        if !reports {
            return None;
        }
    }
    let mut b = v;
    // Back over adverbs and auxiliaries to the subject. A capital inside
    // the sentence is a name (`published in May estimated`: the month, not
    // the modal), and a capital ending in `-ly`, even the sentence's first,
    // is no adverb (`Italy said`, `Kelly reported`). Before a present
    // participle a form of `be` makes no passive (`The agency is
    // confirming`).
    let progressive = t.low(v).ends_with("ing");
    while b > 0
        && t.is_word(b - 1)
        && (progressive && lex.be_forms.word(t, b - 1)
            || !lex.not_subject.word(t, b - 1)
                && (lex.transparent.word(t, b - 1)
                    || (t.low(b - 1).ends_with("ly")
                        && !ly_noun(lex, t, b - 1)
                        && !t.toks[b - 1].cap)))
        && !(b > 1 && t.toks[b - 1].cap)
    {
        b -= 1;
    }
    // `the National Disaster Coordinating Council (NDCC) said`: a short
    // abbreviation in brackets ends the subject; so does a name in VOA's
    // double brackets (`A government spokesman ((Mussa Ibrahim)) says`).
    if b >= 3
        && t.is_punct(b - 1, ")")
        && let Some(open) = (b.saturating_sub(6)..b - 1)
            .rev()
            .find(|&i| t.is_punct(i, "("))
    {
        let open = if open > 0 && t.is_punct(open - 1, "(") {
            open - 1
        } else {
            open
        };
        let src = back(lex, t, open);
        if !src.is_empty() {
            return Some(src.start..b);
        }
    }
    // `..., the International Organization for Migration, which said
    // Tuesday that ...`: a relative pronoun speaks for the noun phrase
    // before its comma.
    if b >= 3 && lex.relative_pronouns.word(t, b - 1) && t.is_punct(b - 2, ",") {
        let src = back(lex, t, b - 2);
        if !src.is_empty() {
            return Some(src);
        }
    }
    // `a doctor who told AFP that ...`: a relative pronoun right after a
    // noun speaks for that noun; `an official who asked not to be named,
    // and who told AFP ...`: a second relative clause speaks for the noun
    // of the first, which describes it.
    if b >= 2 && lex.relative_pronouns.word(t, b - 1) {
        let rel = b - 1;
        let (first, end) = if rel >= 2 && lex.coordinators.word(t, rel - 1) {
            let comma = rel - 1 - usize::from(t.is_punct(rel - 2, ","));
            let first = (comma.saturating_sub(2 * MAX_SOURCE)..comma)
                .rev()
                .take_while(|&k| !boundary(lex, t, k) || t.is_punct(k, ","))
                .find(|&k| lex.relative_pronouns.word(t, k) && k >= 1 && t.is_word(k - 1));
            match first {
                Some(first) => (first, comma),
                None => (rel, rel),
            }
        } else {
            (rel, rel)
        };
        let mut start = first;
        while start > 0
            && first - start < MAX_SOURCE
            && t.is_word(start - 1)
            && !lex.function_words.word(t, start - 1)
        {
            start -= 1;
        }
        if start > 0 && (lex.determiners.word(t, start - 1) || lex.one_words.word(t, start - 1)) {
            start -= 1;
        }
        if start < first && t.is_word(first - 1) {
            return Some(start..end);
        }
    }
    let after = v + 1;
    // `Thousands of protesters stormed the parliament in Chisinau,
    // Moldova, on Tuesday, accusing ...`: a participle after
    // commas that part no appositive from the sentence's opening
    // subject shares that subject.
    if b >= 2 && t.is_punct(b - 1, ",") && t.low(v).ends_with("ing") {
        if let Some(subject) = opening_subject(lex, t).filter(|r| r.end < b - 1)
            && !t.is_punct(subject.end, ",")
        {
            return Some(subject);
        }
        if let Some(subject) = described_opening_subject(lex, t, b - 1) {
            return Some(subject);
        }
    }
    // `A spokesman for Kyiv's "anti-terrorist operation" claimed`: words
    // in scare quotes end the subject; no quotation ends before the verb.
    if b >= 3 && scare_quote_start(t, b - 1).is_some() {
        let src = back(lex, t, b);
        if !src.is_empty() {
            return Some(src);
        }
    }
    if b == 0 || boundary(lex, t, b - 1) {
        // Inverted: `..., said Mira Osk` / `," said the official.`: a
        // short name or noun phrase that ends the clause, not the start of
        // a report (`, said the count of injured was 33`).
        // `..., told VOA`: a verb with an object is never inverted.
        // `The monitor, which relies on sources inside Syria, said the
        // vehicle ...`: after a relative clause on a noun the verb is that
        // noun's, and what follows it is what was said.
        // `, said Sunday that`: a day is no speaker (`said Sunday
        // Adebayo` names one).
        let day = lex.function_words.word(t, after)
            && !(t.is_word(after + 1)
                && t.toks[after + 1].cap
                && !lex.function_words.word(t, after + 1));
        if t.is_word(after)
            && !lex.object_verbs.word(t, v)
            && ((t.toks[after].cap && !day)
                || ((lex.determiners.word(t, after) || lex.one_words.word(t, after))
                    && !after_relative_clause(lex, t, b)))
        {
            let src = forward(lex, t, after);
            let short = src.len() <= 6
                && src
                    .clone()
                    .all(|i| t.kind(i) != Some(TokKind::Number) && !lex.auxiliaries.word(t, i));
            let closing_quote = b > 0 && !t.is_punct(b - 1, ",");
            if !src.is_empty() && (short || closing_quote) {
                return Some(src);
            }
        }
        // An appositive: `The observatory, a monitoring group, said`.
        // `The rebels, who hold the north, said`: back over the appositive
        // (relative clause or not) to the comma that opens it.
        if b >= 2 && t.is_punct(b - 1, ",") {
            let mut start = b - 1;
            while start > 0 && b - 1 - start < 2 * MAX_SOURCE && !t.is_punct(start - 1, ",") {
                if boundary(lex, t, start - 1) {
                    // `chairman of the Independent Electoral and Boundaries
                    // Commission (IEBC), told`: its initials in brackets;
                    // `a spokesman for its "anti-terrorist operation",
                    // said`: words in scare quotes.
                    match bracketed_initials_start(t, start - 1)
                        .or_else(|| scare_quote_start(t, start - 1))
                        .or_else(|| bracketed_measure_start(t, start - 1))
                    {
                        Some(open) => start = open,
                        None => break,
                    }
                } else {
                    start -= 1;
                }
            }
            // No comma before the words before the verb's comma.
            let unparted = start == 0;
            if start >= 2 && t.is_punct(start - 1, ",") {
                // `The Joint Operations Command (JOC), which ..., said`:
                // over its initials in brackets.
                let comma = start - 1;
                let end = bracketed_initials_start(t, comma - 1).unwrap_or(comma);
                start = with_conjunct(lex, t, back(lex, t, end).start);
                // `Olena Marchuk, 47, who lives opposite, said`: on back
                // over an age between commas to the name.
                if start + 1 == end
                    && t.kind(start) == Some(TokKind::Number)
                    && start >= 2
                    && t.is_punct(start - 1, ",")
                {
                    let name = back(lex, t, start - 1);
                    if !name.is_empty() && is_name(lex, t, &name) {
                        start = name.start;
                    }
                }
                // `A Fano commander, who gave only his first name, Asres,
                // said`: on back over a relative clause between commas.
                let rel = [start, start.wrapping_sub(1)]
                    .into_iter()
                    .find(|&r| r < t.len() && lex.relative_pronouns.word(t, r));
                // `a resident who gave only his first name, Ali, said`:
                // a clause with no comma before it too.
                let before = rel.and_then(|r| match r {
                    r if r >= 2 && t.is_punct(r - 1, ",") => Some(r - 1),
                    r if r >= 1 && t.is_word(r - 1) => Some(r),
                    _ => None,
                });
                if let Some(before) = before {
                    let noun = back(lex, t, before);
                    if !noun.is_empty() {
                        start = noun.start;
                    }
                } else if let Some(r) = (start.saturating_sub(MAX_SOURCE)..start)
                    .rev()
                    .take_while(|&k| !lex.speech_verbs.word(t, k))
                    .find(|&k| k >= 2 && lex.relative_pronouns.word(t, k) && t.is_punct(k - 1, ","))
                {
                    // `The Houthis, who seized Yemen's capital, Sanaa, in
                    // 2014, say`: a relative clause with commas of its own.
                    let noun = back(lex, t, r - 1);
                    if !noun.is_empty() {
                        start = noun.start;
                    }
                }
            }
            // `The Taliban claimed responsibility, saying ...`: a participle
            // shares the subject of the clause before it.
            // `Pakistan says missiles killed 28 civilians, claims it
            // downed jets`: so does a verb after a clause with a verb of
            // its own, which is no appositive.
            let mut end = b - 1;
            let clause = unparted && (start..end).any(|k| reads_as_verb(lex, t, k));
            if (t.low(v).ends_with("ing") || clause) && start == 0 {
                let stop = subject_end(lex, t, noun_phrase_start(lex, t, start, end), end);
                if stop > start && stop < end {
                    end = stop;
                } else if clause {
                    return None;
                }
            }
            return (start < end).then_some(start..end);
        }
        return None;
    }
    if lex.coordinators.word(t, b - 1) {
        return lex
            .coordinated_verbs
            .word(t, v)
            .then(|| coordinated_subject(lex, t, b - 1))
            .flatten();
    }
    if lex.not_subject.word(t, b - 1) {
        // Passive with an agent: `was reported by state media`, not a
        // time (`had been reported by the end of October`).
        if t.low_is(after, "by") && !time_after(lex, t, after + 1) {
            let src = forward(lex, t, after + 1);
            return (!src.is_empty()).then_some(src);
        }
        return None;
    }
    let mut src = back(lex, t, b);
    // `Residents of the neighborhood where a mosque was struck said`: the
    // noun that a clause on a place or a time describes.
    if src.start >= 2
        && lex.relative_adverbs.word(t, src.start - 1)
        && t.is_word(src.start - 2)
        && src.clone().any(|k| reads_as_verb(lex, t, k))
    {
        let noun = back(lex, t, src.start - 1);
        if !noun.is_empty() {
            src.start = noun.start;
        }
    }
    // `said his members had counted`: the subject of a reported clause
    // starts after the verb that reports it (not `quoted by state media`).
    if let Some(k) = (src.start..src.end.saturating_sub(1))
        .rev()
        .find(|&k| lex.speech_verbs.word(t, k) && !t.low_is(k + 1, "by"))
    {
        src.start = k + 1;
    }
    src.start = with_conjunct(lex, t, src.start);
    // `short of what economists had forecast`: a comparison, not a report;
    // but `what they said were the bodies of 30 soldiers` is one.
    let claims_what = t.is_word(v + 1) && lex.auxiliaries.word(t, v + 1);
    if !claims_what
        && (src.start.saturating_sub(1)..src.end).any(|k| lex.comparison_openers.word(t, k))
    {
        return None;
    }
    if claims_what
        && let Some(k) = (src.start..src.end.saturating_sub(1))
            .rev()
            .find(|&k| lex.comparison_openers.word(t, k))
    {
        src.start = k + 1;
    }
    // `told VOA he had counted`: a pronoun right before the verb is its
    // whole subject.
    if src.len() > 1 && is_pronoun(lex, t, &(src.end - 1..src.end)) {
        return Some(src.end - 1..src.end);
    }
    // `A resident who gave his name as Abu Adnan said`: the subject runs
    // back over its relative clause to the noun it describes.
    // `A volunteer with the foundation that runs the rescue service said`:
    // so does a `that` after a noun (not after a verb that reports).
    let who = (src.start.saturating_sub(MAX_SOURCE)..src.start)
        .rev()
        .take_while(|&k| !boundary(lex, t, k))
        .find(|&k| {
            t.low_is(k, "who")
                || (t.low_is(k, "that")
                    && k >= 1
                    && !lex.speech_verbs.word(t, k - 1)
                    && !lex.function_words.word(t, k - 1)
                    // The relative's subject, not its object (`a system
                    // that the government says`).
                    && t.is_word(k + 1)
                    && !t.toks[k + 1].cap
                    && !lex.function_words.word(t, k + 1)
                    && !lex.one_words.word(t, k + 1)
                    && !is_pronoun(lex, t, &(k + 1..k + 2))
                    // `assaults on Homs that activists say`: nor a source.
                    && !names_a_source(lex, t, &(k + 1..k + 2)))
        });
    if let Some(k) = who.filter(|&k| k >= 1 && t.is_word(k - 1)) {
        let noun = back(lex, t, k);
        if !noun.is_empty() {
            src.start = noun.start;
        }
    }
    // `The army issued a statement saying ...`: the participle's subject
    // is the clause's.
    if t.low(v).ends_with("ing") {
        let stop = subject_end(lex, t, src.start, src.end);
        if stop > src.start {
            src.end = stop;
        }
    }
    (!src.is_empty()).then_some(src)
}

/// Where a subject that starts at token `start` starts with the noun
/// phrase that `and` joins to it at the opening of its clause: `Residents
/// and the village head said` (not `The army shelled the town and
/// officials said`).
fn with_conjunct(lex: &Lexicons, t: &Tokens, start: usize) -> usize {
    if start < 2 || !lex.noun_coordinators.word(t, start - 1) {
        return start;
    }
    let before = back(lex, t, start - 1);
    let opens_clause = before.start == 0 || boundary(lex, t, before.start - 1);
    let nouns = before.len() <= 4
        && before
            .clone()
            .all(|i| t.is_word(i) && !reads_as_verb(lex, t, i) && !t.low(i).ends_with("ed"));
    if !before.is_empty() && opens_clause && nouns {
        before.start
    } else {
        start
    }
}

/// Whether the words from token `i` name a time (`the end of October`,
/// `Monday`, `midday`) rather than an agent.
fn time_after(lex: &Lexicons, t: &Tokens, i: usize) -> bool {
    let k = if lex.determiners.word(t, i) { i + 1 } else { i };
    lex.months.word(t, k) || lex.agent_times.at(t, k).is_some()
}

/// Whether the comma before token `b` closes a relative clause on a noun
/// (`The monitor, which relies on sources, said`).
fn after_relative_clause(lex: &Lexicons, t: &Tokens, b: usize) -> bool {
    if b < 4 || !t.is_punct(b - 1, ",") {
        return false;
    }
    (b.saturating_sub(2 * MAX_SOURCE)..b - 1)
        .rev()
        .find(|&i| t.is_punct(i, ",") || boundary(lex, t, i))
        .is_some_and(|c| {
            // `The district magistrate, Sanjay Verma, said`: or a name
            // after a noun in lower case.
            let named = || {
                (2..=5).contains(&(b - 1 - c))
                    && !t.toks[c - 1].cap
                    && (c + 1..b - 1).all(|i| t.is_word(i) && t.toks[i].cap)
            };
            c >= 1
                && t.is_punct(c, ",")
                && t.is_word(c - 1)
                && (lex.relative_pronouns.word(t, c + 1) || named())
        })
}

/// Whether the `-ly` word at `i` is a noun after a determiner (`his
/// family`, `the assembly`), not an adverb (`police quickly said`).
fn ly_noun(lex: &Lexicons, t: &Tokens, i: usize) -> bool {
    i > 0 && (lex.determiners.word(t, i - 1) || lex.not_subject.word(t, i - 1))
}

/// The subject of a reporting verb joined by the coordinator at token `c`
/// to the verb of its clause, which it shares (`Police arrived at the
/// scene and said ...`): the words that open the clause, up to what reads
/// as that first verb. `None` when the clause runs back further than a
/// source phrase could.
fn coordinated_subject(lex: &Lexicons, t: &Tokens, c: usize) -> Option<Range<usize>> {
    let mut reporting = None;
    let found = clause_subject(lex, t, c, &mut reporting);
    // `Syria's interior ministry, in a statement carried by SANA, put the
    // toll at 30 and said ...`: when the clause's first verb reports after
    // a comma, its own subject (before the words between commas) is the
    // second verb's too; unless the two open alike (`The army stormed the
    // village, said ... and said`: `The army`).
    match (found, reporting.and_then(|v| subject_phrase(lex, t, v))) {
        (Some(f), Some(r)) if f.start == r.start => Some(f),
        (f, r) => r.or(f),
    }
}

/// The subject of the clause that the coordinator at token `c` closes (see
/// [`coordinated_subject`]); `reporting` gets the clause's first verb when
/// it reports and a comma stands before it.
fn clause_subject(
    lex: &Lexicons,
    t: &Tokens,
    c: usize,
    reporting: &mut Option<usize>,
) -> Option<Range<usize>> {
    // `..., and said`
    let end = if c > 0 && t.is_punct(c - 1, ",") {
        c - 1
    } else {
        c
    };
    let mut start = end;
    loop {
        loop {
            if start == 0 {
                break;
            }
            // `dismissed the claim as propaganda and said`: a preposition
            // and a noun, with no verb of their own, open no clause.
            if lex.clause_openers.word(t, start - 1) {
                let verb =
                    (start..end).any(|i| t.low(i).ends_with("ed") || reads_as_verb(lex, t, i));
                if verb || start - 1 == 0 || start == end {
                    break;
                }
                start -= 1;
                continue;
            }
            if boundary(lex, t, start - 1) {
                // `dismissed the claim as "fantasy" and said`: a quoted
                // word or two inside the clause does not end it.
                // The word before it (`as`) is the clause's too.
                match scare_quote_start(t, start - 1) {
                    Some(open) => start = open - 1,
                    None => break,
                }
            } else {
                start -= 1;
            }
            if end - start > 2 * MAX_SOURCE {
                return None;
            }
        }
        if reporting.is_none() && start >= 2 && t.is_punct(start - 1, ",") {
            *reporting = Some(start).filter(|&v| lex.speech_verbs.word(t, v));
        }
        // `The army stormed the village, searched homes and said ...`: a
        // series of verbs shares the subject before the first one.
        let series = start >= 2
            && t.is_punct(start - 1, ",")
            && !t.toks[start].cap
            && (t.low(start).ends_with("ed")
                || lex.speech_verbs.word(t, start)
                || lex.casualty_verbs.word(t, start));
        if !series {
            break;
        }
        start -= 1;
    }
    let opens = noun_phrase_start(lex, t, start, end);
    let stop = subject_end(lex, t, opens, end);
    if stop <= opens {
        return None;
    }
    // `A military spokesman, Maj. Ivo Marek, dismissed ...`: a name in
    // apposition to the sentence's opening source is one source with it.
    if opens >= 2 && t.is_punct(opens - 1, ",") {
        let before = back(lex, t, opens - 1);
        if before.start == 0
            && before
                .clone()
                .any(|i| lex.role_nouns.word(t, i) || lex.source_nouns.word(t, i))
        {
            return Some(0..stop);
        }
    }
    Some(opens..stop)
}

/// The opening bracket of initials in brackets that close at token
/// `close` (`(IEBC)`), right after a word.
fn bracketed_initials_start(t: &Tokens, close: usize) -> Option<usize> {
    (close >= 3
        && t.is_punct(close, ")")
        && t.is_punct(close - 2, "(")
        && t.is_word(close - 1)
        && t.toks[close - 1].upper
        && t.is_word(close - 3))
    .then(|| close - 2)
}

/// The opening bracket of a measure converted in brackets that closes at
/// token `close` (`about 8 km (5 miles) from the site`): part of its
/// phrase, as in an appositive.
fn bracketed_measure_start(t: &Tokens, close: usize) -> Option<usize> {
    (close >= 4
        && t.is_punct(close, ")")
        && t.is_punct(close - 3, "(")
        && t.kind(close - 2) == Some(TokKind::Number)
        && t.is_word(close - 1)
        && t.is_word(close - 4))
    .then(|| close - 3)
}

/// The opening quote mark of a short quotation of words that closes at
/// token `close` (`as "fantasy"`), when the words before it run on into
/// it: such a quotation is part of its clause.
fn scare_quote_start(t: &Tokens, close: usize) -> Option<usize> {
    const MAX_WORDS: usize = 8;
    if !t.is_quote(close) {
        return None;
    }
    let mut open = close;
    while open > 0 && close - open <= MAX_WORDS && t.is_word(open - 1) {
        open -= 1;
    }
    let open = open.checked_sub(1)?;
    (open < close - 1 && t.is_quote(open) && open > 0 && t.is_word(open - 1)).then_some(open)
}

/// The subject that opens a sentence, up to its first verb: `The army` of
/// `The army issued a statement on Monday.`
pub fn opening_subject(lex: &Lexicons, t: &Tokens) -> Option<Range<usize>> {
    let opens = noun_phrase_start(lex, t, dateline_end(t), t.len());
    let mut stop = subject_end(lex, t, opens, t.len());
    // `The Syrian Observatory for Human Rights tracks ...`: a present
    // tense right after a name.
    if let Some(k) = (opens + 1..stop).find(|&k| {
        t.is_word(k)
            && !t.toks[k].cap
            && t.toks[k - 1].cap
            && t.low(k).ends_with('s')
            && !lex.function_words.word(t, k)
    }) {
        stop = k;
    }
    // A subject cut off at the longest a source may be is no subject.
    (stop > opens && t.is_word(stop) && stop - opens < MAX_SOURCE).then_some(opens..stop)
}

/// The sentence's opening subject with the appositive after it: `The
/// General Coordination for Displaced Persons, a local body that speaks for
/// camp residents,` of `The General Coordination ..., a local body ..., put
/// the toll higher.`
pub fn opening_subject_with_appositive(lex: &Lexicons, t: &Tokens) -> Option<Range<usize>> {
    let opens = noun_phrase_start(lex, t, dateline_end(t), t.len());
    let stop = subject_end(lex, t, opens, t.len());
    if stop == opens
        || !t.is_punct(stop, ",")
        || !(lex.determiners.word(t, stop + 1) || lex.one_words.word(t, stop + 1))
    {
        return None;
    }
    let close = (stop + 2..t.len().min(stop + 2 + 2 * MAX_SOURCE)).find(|&k| t.is_punct(k, ","))?;
    t.is_word(close + 1).then_some(opens..close)
}

/// How many tokens an opening phrase before a sentence's subject may run.
const OPENER_REACH: usize = 20;

/// The subject after an opening phrase that ends with a comma: `government
/// spokesman Adama Sawadogo` of `In a statement read on state television on
/// Thursday, government spokesman Adama Sawadogo called the report
/// baseless.`
pub fn subject_after_opener(lex: &Lexicons, t: &Tokens) -> Option<Range<usize>> {
    let from = dateline_end(t);
    if !lex.opening_prepositions.word(t, from) {
        return None;
    }
    let comma = (from + 1..t.len().min(from + OPENER_REACH)).find(|&k| t.is_punct(k, ","))?;
    if !(from..comma)
        .all(|k| t.is_word(k) || t.kind(k) == Some(TokKind::Number) || t.is_punct(k, "."))
    {
        return None;
    }
    let opens = noun_phrase_start(lex, t, comma + 1, t.len());
    let stop = subject_end(lex, t, opens, t.len());
    (stop > opens && t.is_word(stop) && stop - opens < MAX_SOURCE).then_some(opens..stop)
}

/// Where a dateline that opens the sentence ends (`MAIDUGURI, Nigeria —`,
/// `BEIRUT (AP) —`, `KARSK, Sept. 3 —`): after a dash that only
/// capitalized words, numbers, commas, full stops and brackets precede,
/// the first a word in capitals; 0 when there is none.
pub fn dateline_end(t: &Tokens) -> usize {
    const REACH: usize = 12;
    if t.len() == 0 || !t.in_capitals(0) {
        return 0;
    }
    for k in 1..t.len().min(REACH) {
        match t.kind(k) {
            Some(TokKind::Word) if t.toks[k].cap => {}
            Some(TokKind::Number) => {}
            Some(TokKind::Punct) => {
                if ["\u{2014}", "\u{2013}", "-"]
                    .iter()
                    .any(|d| t.is_punct(k, d))
                {
                    return if k + 1 < t.len() { k + 1 } else { 0 };
                }
                if ![",", ".", "(", ")"].iter().any(|p| t.is_punct(k, p)) {
                    return 0;
                }
            }
            _ => return 0,
        }
    }
    0
}

/// `The health ministry in Sanaa, which is run by the Houthi rebels, gave a
/// higher toll, saying ...`: the sentence's opening subject with the
/// relative clause that describes it (and may tell its class), when a
/// clause of its own follows before the comma at `before`.
fn described_opening_subject(lex: &Lexicons, t: &Tokens, before: usize) -> Option<Range<usize>> {
    let opens = noun_phrase_start(lex, t, 0, t.len());
    let stop = subject_end(lex, t, opens, t.len());
    if stop == opens || !t.is_punct(stop, ",") || !lex.relative_pronouns.word(t, stop + 1) {
        return None;
    }
    let close = (stop + 2..before).find(|&k| t.is_punct(k, ","))?;
    (close + 1 < before && close - opens <= 2 * MAX_SOURCE).then_some(opens..close)
}

/// Where the subject of a clause that opens at token `opens` ends: at what
/// reads as the clause's first verb, before `end`.
fn subject_end(lex: &Lexicons, t: &Tokens, opens: usize, end: usize) -> usize {
    let mut stop = opens;
    // `Maj. Emmanuel Ssekandi`: a full stop inside a sentence ends an
    // abbreviation, and the name runs on.
    let abbreviation = |i: usize| {
        i > opens && i + 1 < t.len() && t.is_punct(i, ".") && t.toks[i - 1].cap && t.is_word(i + 1)
    };
    while stop < end && (t.is_word(stop) || abbreviation(stop)) && stop - opens < MAX_SOURCE {
        // The clause's first verb: a speech, casualty or auxiliary verb
        // (`Al-Shabab claimed responsibility and said`, `The army has`), or
        // a past form (`arrived at`, `updated its`, `killed 30`) before a
        // function word, a number or a mark, which an adjective (`armed
        // forces`) is not.
        let verb = reads_as_verb(lex, t, stop) || lex.transparent.word(t, stop);
        if stop > opens && !t.toks[stop].cap && verb {
            break;
        }
        let w = t.low(stop);
        let next_is_not_a_noun = match t.kind(stop + 1) {
            Some(TokKind::Word) => {
                lex.function_words.word(t, stop + 1) || lex.determiners.word(t, stop + 1)
            }
            _ => true,
        };
        // `troops searched homes`: after a noun that names people or a
        // source, an `-ed` form is the verb whatever follows it.
        let after_a_source =
            stop > opens && (lex.people.word(t, stop - 1) || lex.source_nouns.word(t, stop - 1));
        if stop > opens
            && !t.toks[stop].cap
            && w.ends_with("ed")
            && (next_is_not_a_noun || after_a_source)
        {
            break;
        }
        stop += 1;
    }
    stop
}

/// Whether token `i` is a speech, casualty, auxiliary or common verb.
fn reads_as_verb(lex: &Lexicons, t: &Tokens, i: usize) -> bool {
    lex.speech_verbs.word(t, i)
        || lex.casualty_verbs.word(t, i)
        || lex.auxiliaries.word(t, i)
        || lex.common_verbs.word(t, i)
}

/// Every attribution of a sentence, in order.
pub fn find(lex: &Lexicons, t: &Tokens, out: &mut Vec<Attribution>) {
    let first = out.len();
    find_cues(lex, t, out);
    if out.len() == first {
        return;
    }
    // The last clause boundary before the sentence's last token: an
    // attribution after it runs to the end.
    let last_boundary = (0..t.len().saturating_sub(1))
        .rev()
        .find(|&i| boundary(lex, t, i));
    for a in &mut out[first..] {
        let after_comma = closes_after_comma(lex, t, a);
        let to_end = last_boundary.is_none_or(|b| b <= a.cue);
        // `..., the first time an official has acknowledged a toll`: an
        // occasion, not the source of the figures before it.
        let occasion = lex.occasion_openers.at(t, a.source.start).is_some();
        a.closing = after_comma && to_end && !occasion;
        a.participle = a.source.end < a.cue
            && t.low(a.cue).ends_with("ing")
            && (a.source.end..a.cue).any(|i| t.is_punct(i, ","));
    }
}

/// Whether an attribution follows a comma as a whole: its source then its
/// verb (`..., the ministry said`), or a phrase then its source (`...,
/// according to exchange data`).
fn closes_after_comma(lex: &Lexicons, t: &Tokens, a: &Attribution) -> bool {
    (a.source.start > 0 && t.is_punct(a.source.start - 1, ",") && a.source.end <= a.cue)
        || (a.cue > 0
            && a.cue < a.source.start
            && t.is_punct(a.cue - 1, ",")
            && lex.attribution_phrases.at(t, a.cue).is_some())
}

impl Attribution {
    /// An attribution at cue token `cue`, not yet known to close its
    /// sentence.
    fn open(cue: usize, source: Range<usize>) -> Attribution {
        Attribution {
            cue,
            source,
            closing: false,
            participle: false,
        }
    }
}

fn find_cues(lex: &Lexicons, t: &Tokens, out: &mut Vec<Attribution>) {
    let mut i = 0;
    while i < t.len() {
        // `had been reported by the end of October`: a time, no agent.
        if let Some(e) = lex
            .attribution_phrases
            .at(t, i)
            .filter(|&e| !(t.low_is(e - 1, "by") && time_after(lex, t, e)))
        {
            let mut e = e;
            // `according to a tally kept by the coalition, a rights
            // group`: the tally's keeper is the source.
            let inner = if lex.determiners.word(t, e) || lex.one_words.word(t, e) {
                e + 1
            } else {
                e
            };
            if let Some(e2) = lex
                .attribution_phrases
                .at(t, inner)
                .filter(|&e2| e2 < t.len())
            {
                e = e2;
            }
            let mut source = forward(lex, t, e);
            // `according to that state's emergency agency`: a
            // demonstrative, not a clause.
            if source.is_empty()
                && lex.pointer_openers.word(t, e)
                && t.is_word(e + 1)
                && !lex.function_words.word(t, e + 1)
            {
                source = e..forward(lex, t, e + 1).end;
            }
            // `A spokesman was quoted by Reuters as saying ...`: the
            // subject speaks, the agent only relays.
            if i > 0
                && lex.auxiliaries.word(t, i - 1)
                && (e..=source.end).any(|k| lex.passive_agent_tails.at(t, k).is_some())
            {
                let speaker = back(lex, t, i - 1);
                if !speaker.is_empty() {
                    source = speaker;
                }
            }
            if !source.is_empty() {
                out.push(Attribution::open(i, source));
                i = e;
                continue;
            }
        }
        if lex.per_word.word(t, i)
            && lex.percent.at(t, i).is_none()
            && t.is_word(i + 1)
            && (t.toks[i + 1].cap
                || lex.determiners.word(t, i + 1)
                || lex.one_words.word(t, i + 1)
                // `, per finance ministry data`: a source noun a few
                // words on, after a comma (not `per household`).
                || (i > 0
                    && t.is_punct(i - 1, ",")
                    && (i + 1..(i + 4).min(t.len()))
                        .take_while(|&k| t.is_word(k))
                        .any(|k| lex.source_nouns.word(t, k))))
        {
            out.push(Attribution::open(i, forward(lex, t, i + 1)));
        } else if let Some(e) = lex.passive_speech.at(t, i) {
            // `The governor was quoted as saying ...`: the subject before
            // the passive speaks.
            let source = back(lex, t, i);
            if !source.is_empty() {
                out.push(Attribution::open(i, source));
            }
            i = e;
            continue;
        } else if (lex.speech_verbs.word(t, i)
            && lex.non_reports.at(t, i).is_none()
            && !claims_lives(lex, t, i)
            && !counted_state(lex, t, i)
            && lex.non_report_leads.ending_at(t, i + 1, 3).is_none()
            && !in_absolute_phrase(lex, t, i)
            && !noun_use(lex, t, i)
            || lex.finding_verbs.word(t, i)
                && subject(lex, t, i).is_some_and(|s| {
                    lex.document_nouns
                        .find_in(&lex.vocab, t, s.start, s.end)
                        .is_some()
                }))
            && let Some(source) = subject(lex, t, i)
            // `Colorado recorded 648 traffic deaths`: a place, no source.
            && (!lex.tally_verbs.word(t, i) || names_a_source(lex, t, &source))
            // `a video that it said showed 12 bodies`: the verb inside a
            // report is what its speaker said, not a report of its own.
            && !(source.len() >= 2
                && source.end == i
                && lex.pointer_speech_verbs.word(t, i - 1)
                && !t.toks[i - 1].cap)
        {
            out.push(Attribution::open(i, source));
        }
        i += 1;
    }
}

/// Whether the past participle at token `i` tells what a count or the
/// dead before it are, not who reported them: a passive with no `were`
/// (`Hundreds of Casualties Reported in Sri Lanka`, `Hundreds Reported
/// Killed`, `from 125 to 149 confirmed and rising`). The dead are no
/// source.
fn counted_state(lex: &Lexicons, t: &Tokens, i: usize) -> bool {
    i > 0
        && t.low(i).ends_with("ed")
        && (t.kind(i - 1) == Some(TokKind::Number)
            || lex.number_words.word(t, i - 1)
            || lex.vague.word(t, i - 1)
            || lex.casualty_nouns.word(t, i - 1))
        && (!t.is_word(i + 1)
            || (lex.function_words.word(t, i + 1) && !t.low_is(i + 1, "that"))
            || lex.casualty_states.word(t, i + 1))
}

/// Whether tokens `s` name a source: a source noun, a word of a source
/// class or of people, a pronoun or `the` and a noun that may refer to one
/// (`the mission`), or initials (`UNAMA`) that are no country's.
fn names_a_source(lex: &Lexicons, t: &Tokens, s: &Range<usize>) -> bool {
    let found = |l: &Lex| l.find_in(&lex.vocab, t, s.start, s.end).is_some();
    found(&lex.source_nouns)
        || found(&lex.people)
        || lex.sources.iter().any(|(_, l)| found(l))
        || is_pronoun(lex, t, s)
        || (s.len() == 2 && t.low_is(s.start, "the"))
        || s.clone()
            .any(|k| t.in_capitals(k) && lex.countries.at(t, k).is_none())
}

/// How many tokens after a verb that claims lives the lives may stand
/// (`has claimed more than 19 lives`).
const LIVES_REACH: usize = 6;

/// Whether the speech verb at token `i` is also a casualty verb whose
/// object is lives (`The feud has claimed 19 lives`): it reports nothing.
fn claims_lives(lex: &Lexicons, t: &Tokens, i: usize) -> bool {
    lex.casualty_verbs.word(t, i)
        && (i + 1..(i + 1 + LIVES_REACH).min(t.len()))
            .take_while(|&k| !t.is_punct(k, ","))
            .any(|k| lex.life_nouns.word(t, k))
}

/// Whether the speech verb at token `i` is the noun of the same form:
/// after a possessive (`the ministry's claim`, `Hamas' count`), or after a
/// determiner or possessive and one word that is no plural and no people
/// noun and no source (`the government's discredited claim`, `the
/// original estimate`; not `the rebels claim`, `the ministry's spokesman
/// claims`), or as the object of a verb after `to` (`to settle claims`).
fn noun_use(lex: &Lexicons, t: &Tokens, i: usize) -> bool {
    if i == 0 || !lex.speech_nouns.word(t, i) {
        return false;
    }
    // `The assessment estimates`: a plural form after a singular noun is
    // the verb; only an adjective's ending (lexicon
    // `figure-adjective-endings`) marks it a noun (`original estimates`,
    // `for similar projects`).
    let plural = t.low(i).ends_with('s');
    let adjective = |k: usize| {
        lex.adjective_endings
            .iter()
            .any(|e| t.low(k).ends_with(e.as_str()))
    };
    let possessive = |k: usize| (t.is_word(k) && t.low(k).ends_with("'s")) || possessive_mark(t, k);
    let k = i - 1;
    if possessive(k) {
        return true;
    }
    // `have claims outstanding`: after `have` a verb would be a
    // participle (`have claimed`), unless its participle is the noun's
    // own form and a report follows (`had forecast a smaller move`).
    if lex.have_forms.word(t, k) {
        let reports = t.low_is(i + 1, "that")
            || lex.determiners.word(t, i + 1)
            || lex.one_words.word(t, i + 1)
            || lex.qualifiers.at(t, i + 1).is_some()
            || t.kind(i + 1) == Some(TokKind::Number);
        return plural || !reports;
    }
    // `Extortion reports rose 29 percent`: a verb of rise or fall with
    // its amount after the noun.
    if plural
        && lex.trend_verbs.word(t, i + 1)
        && (t.kind(i + 2) == Some(TokKind::Number)
            || lex.number_words.word(t, i + 2)
            || lex.qualifiers.at(t, i + 2).is_some()
            || t.low_is(i + 2, "by"))
    {
        return true;
    }
    // `since the world body began keeping records`: the object of a
    // verb in `-ing`.
    if plural
        && t.is_word(k)
        && !t.toks[k].cap
        && t.low(k).ends_with("ing")
        && !lex.function_words.word(t, k)
        && lex.source_nouns.at(t, k).is_none()
        && lex.people.at(t, k).is_none()
    {
        return true;
    }
    // `on each of the other six counts`: a counted noun; `many reports`:
    // a quantified one.
    if t.kind(k) == Some(TokKind::Number)
        || lex.number_words.word(t, k)
        || (plural && lex.noun_quantifiers.word(t, k))
    {
        return true;
    }
    // `to settle claims over`: the object of a verb after `to` (not `to
    // formally report`).
    if k > 0
        && t.low_is(k - 1, "to")
        && t.is_word(k)
        && !t.toks[k].cap
        && !t.low(k).ends_with("ly")
        && !lex.function_words.word(t, k)
        && !lex.auxiliaries.word(t, k)
    {
        return true;
    }
    k > 0
        && t.is_word(k)
        && !t.toks[k].cap
        && !t.low(k).ends_with('s')
        // `for development projects`: a preposition before the two words
        // makes them a noun phrase as an adjective's ending does (not the
        // `of` of an opening subject: `The chamber of commerce estimates`).
        && (!plural
            || adjective(k)
            || (lex.function_words.word(t, k - 1)
                && !lex.determiners.word(t, k - 1)
                && !opening_of_phrase(lex, t, k - 1)))
        && !lex.function_words.word(t, k)
        && lex.people.at(t, k).is_none()
        && lex.source_nouns.at(t, k).is_none()
        && lex.role_nouns.at(t, k).is_none()
        && (lex.determiners.word(t, k - 1)
            || lex.one_words.word(t, k - 1)
            || possessive(k - 1)
            || (plural && lex.function_words.word(t, k - 1))
            // `had received credible reports that`: an object.
            || (plural && t.is_word(k - 1) && t.low(k - 1).ends_with("ed")))
}

/// How many words may stand between a sentence's opening determiner and
/// the `of` of its subject (`The state's chamber of commerce`).
const OPENING_SUBJECT_WORDS: usize = 3;

/// Whether token `of`, an `of`, joins the noun phrase that opens the
/// sentence to one more noun (`The chamber of commerce estimates`).
fn opening_of_phrase(lex: &Lexicons, t: &Tokens, of: usize) -> bool {
    t.low_is(of, "of")
        && (2..=OPENING_SUBJECT_WORDS + 1).contains(&of)
        && lex.determiners.word(t, 0)
        && (1..of).all(|i| t.is_word(i) && !lex.function_words.word(t, i))
}

/// Whether token `i`, a past form, stands in a phrase that opens the
/// sentence (`With 90 percent of the votes counted, ...`): it tells what
/// was done, not who reports it.
fn in_absolute_phrase(lex: &Lexicons, t: &Tokens, i: usize) -> bool {
    // `..., with 98.9 percent of polling stations counted.`: the same
    // phrase closing the sentence after a comma.
    let closing = || {
        let comma = (0..i).rev().find(|&k| t.is_punct(k, ","));
        comma.is_some_and(|c| lex.absolute_openers.word(t, c + 1))
            && t.low(i).ends_with("ed")
            && (i + 1 >= t.len() || (t.kind(i + 1) == Some(TokKind::Punct) && i + 2 >= t.len()))
    };
    if closing() {
        return true;
    }
    if !lex.absolute_openers.word(t, 0)
        || t.low(i).ends_with("ing")
        || (1..i).any(|k| t.is_punct(k, ","))
    {
        return false;
    }
    // `With 90 percent of the votes counted,`; `In a statement posted on
    // its website, the group said`: a participle that a phrase of its own
    // follows, in an opening phrase that a comma closes.
    t.is_punct(i + 1, ",")
        || (t.low(i).ends_with("ed")
            && lex.function_words.word(t, i + 1)
            && (i + 2..t.len()).any(|k| t.is_punct(k, ",")))
}

/// The attributions of a sentence (as [`find`] gives them, in cue order),
/// indexed to say which governs each of its figures: a sentence with
/// thousands of each is not read through for every figure. Kept between
/// sentences so that its buffers are reused.
#[derive(Default)]
pub struct Governors {
    /// The indices of the closing attributions.
    closing: Vec<usize>,
    /// (start, furthest end so far) of the sources, by start.
    sources: Vec<(usize, usize)>,
}

impl Governors {
    /// Indexes the attributions of a new sentence.
    pub fn index(&mut self, attrs: &[Attribution]) {
        debug_assert!(attrs.windows(2).all(|w| w[0].cue < w[1].cue));
        self.closing.clear();
        self.closing
            .extend((0..attrs.len()).filter(|&i| attrs[i].closing));
        self.sources.clear();
        self.sources.extend(
            attrs
                .iter()
                .filter(|a| !a.participle)
                .map(|a| (a.source.start, a.source.end)),
        );
        self.sources.sort_unstable();
        let mut far = 0;
        for s in &mut self.sources {
            far = far.max(s.1);
            s.1 = far;
        }
    }

    /// The attribution of `attrs` (those last indexed) that governs a
    /// figure at tokens `fig`: the nearest one before it in the sentence
    /// (`Witnesses said at least 6 ...`), else the nearest after it (`...,
    /// the director said`).
    pub fn of<'a>(&self, attrs: &'a [Attribution], fig: &Range<usize>) -> Option<&'a Attribution> {
        let after = attrs.partition_point(|a| a.cue < fig.end);
        // `The attack, claimed by the group, killed seven, the ministry said.`
        let c = self.closing.partition_point(|&i| i < after);
        if let Some(&i) = self.closing.get(c) {
            return Some(&attrs[i]);
        }
        let before = attrs.partition_point(|a| a.cue < fig.start);
        // `Thousands of protesters stormed ..., accusing ...`: a figure in
        // an attribution's own subject is not what it reports.
        let reports = |a: &&Attribution| !(a.source.start <= fig.start && fig.end <= a.source.end);
        before
            .checked_sub(1)
            .map(|i| &attrs[i])
            .or_else(|| attrs.get(after))
            .filter(reports)
    }

    /// Whether the figure is inside the source of an attribution: `Two
    /// residents said ...` counts sources.
    pub fn in_source(&self, fig: &Range<usize>) -> bool {
        let k = self
            .sources
            .partition_point(|&(start, _)| start <= fig.start);
        k > 0 && self.sources[k - 1].1 >= fig.end
    }
}

/// Whether an attribution reaches the figure at tokens `fig`: not from a
/// clause of contrast after it (`Around 244,000 people have reached
/// Greece, while Italy has recorded 116,000 arrivals`), unless it closes
/// the sentence.
pub fn reaches(lex: &Lexicons, t: &Tokens, a: &Attribution, fig: &Range<usize>) -> bool {
    if a.cue < fig.start {
        // `A broader measure, which also counts people who gave up,
        // climbed to 16.5 percent`: a relative clause's verb reports
        // nothing past the comma that closes it.
        return relative_clause_end(lex, t, a.cue).is_none_or(|end| end >= fig.start);
    }
    a.closing
        || !(fig.end..a.source.start.max(fig.end))
            .any(|k| t.is_punct(k, ",") && lex.contrast_openers.word(t, k + 1))
}

/// The comma that closes the relative clause between commas whose verb is
/// at token `v` (`, which also counts ...,`), if `v` is in one.
fn relative_clause_end(lex: &Lexicons, t: &Tokens, v: usize) -> Option<usize> {
    let r = (v.saturating_sub(3)..v)
        .rev()
        .take_while(|&i| t.is_word(i))
        .find(|&i| lex.relative_pronouns.word(t, i))?;
    if r == 0 || !t.is_punct(r - 1, ",") {
        return None;
    }
    // `, which also said 19 people, including five children, had died`:
    // a comma before a share of its report closes nothing.
    (v + 1..t.len()).find(|&i| t.is_punct(i, ",") && !lex.share_links.word(t, i + 1))
}

/// A headline source across a colon or a dash: `Minister: Over 150,000
/// dead`, `Air strike kills 11: monitor`, `Toll tops 50,000 - ministry`.
pub fn heading_colon(lex: &Lexicons, t: &Tokens, fig: &Range<usize>) -> Option<Attribution> {
    // The source is a few words at one end of the headline: only the
    // separators near the ends can part it off, and a long heading is not
    // read through for each of its figures.
    const REACH: usize = 16;
    let n = t.len();
    let near_ends = (0..n.min(REACH)).chain(n.saturating_sub(REACH).max(REACH)..n);
    // A separator stands apart from the words beside it (`50,000 - ministry`,
    // not `11:30`; a joining hyphen is inside its token anyway).
    let separators = near_ends.filter(|&i| {
        t.kind(i) == Some(TokKind::Punct)
            && lex.heading_separators.word(t, i)
            && (t.is_punct(i, ":") || (!t.adjacent(i) && (i == 0 || !t.adjacent(i - 1))))
    });
    for sep in separators {
        let side = if fig.start > sep {
            // `Ruto fires cabinet; rights body: 39 dead`: from the last
            // clause mark before the colon.
            let from = (0..sep)
                .rev()
                .find(|&i| t.kind(i) == Some(TokKind::Punct) && lex.heading_clause_marks.word(t, i))
                .map_or(0, |i| i + 1);
            from..sep
        } else if fig.end <= sep {
            sep + 1..n
        } else {
            continue;
        };
        if side.len() > REACH {
            continue;
        }
        let words = side.clone().filter(|&i| t.is_word(i)).count();
        let named = lex
            .source_nouns
            .find_in(&lex.vocab, t, side.start, side.end)
            .is_some()
            || lex
                .sources
                .iter()
                .any(|(_, l)| l.find_in(&lex.vocab, t, side.start, side.end).is_some());
        // `Kelbo raid killed 130 soldiers: JNIM`, `INEC: Buhari wins with
        // 54 percent`: a body's initials name it; a country's (`USA:`)
        // only say where.
        let initials = words == 1
            && lex.countries.at(t, side.start) != Some(side.end)
            && side.clone().all(|i| {
                t.is_word(i) && t.toks[i].upper && (2..=8).contains(&t.toks[i].span.len())
            });
        // `Heatwave kills scores: Edhi`: a name of one word closing the
        // headline after its figure is who says so.
        let closing_name = words == 1
            && side.len() == 1
            && fig.end <= sep
            && t.is_word(side.start)
            && t.toks[side.start].cap
            && !lex.function_words.word(t, side.start)
            && lex.countries.at(t, side.start).is_none();
        if words > 0 && words <= 5 && (named || initials || closing_name) {
            return Some(Attribution {
                cue: sep,
                source: side,
                closing: false,
                participle: false,
            });
        }
    }
    None
}

/// `Bachelet: Two million Chileans affected`: one capitalized word
/// before a headline's colon, which may be a person's surname (the caller
/// asks the draft) but not a country's name.
pub fn heading_word_before_colon(
    lex: &Lexicons,
    t: &Tokens,
    fig: &Range<usize>,
) -> Option<Attribution> {
    // `20:40 — Zelensky: ...`: a live page's time stamp and its dash
    // come first.
    let w = if t.kind(0) == Some(TokKind::Number)
        && t.low(0).contains(':')
        && t.kind(1) == Some(TokKind::Punct)
        && lex.heading_separators.word(t, 1)
    {
        2
    } else {
        0
    };
    let one_word = t.len() > w + 2
        && t.is_punct(w + 1, ":")
        && fig.start > w + 1
        && t.is_word(w)
        && t.toks[w].cap
        && !t.toks[w].upper
        && lex.countries.at(t, w).is_none();
    one_word.then(|| Attribution::open(w + 1, w..w + 1))
}

/// Whether a toll verb and a number follow in `src`: `The death toll from
/// the floods climbed to 230` gives a toll of its own, and its `from`
/// names no source.
fn states_a_toll(lex: &Lexicons, t: &Tokens, src: &Range<usize>) -> bool {
    src.clone()
        .any(|i| !t.low_is(i, "at") && toll_verb_to_number(lex, t, i))
}

/// Whether a toll verb at token `i` leads to a number (`rose to 230`,
/// `at nearly 10,000`).
fn toll_verb_to_number(lex: &Lexicons, t: &Tokens, i: usize) -> bool {
    lex.toll_verbs.at(t, i).is_some_and(|e| {
        let n = lex.qualifiers.at(t, e).unwrap_or(e);
        t.kind(n) == Some(TokKind::Number) || lex.number_words.word(t, n)
    })
}

/// Whether the words from `k` put a toll at a number of their own (`puts
/// the death toll at 10,000`): a competing figure, not a pointer back.
fn gives_own_toll(lex: &Lexicons, t: &Tokens, mut k: usize) -> bool {
    if lex.pointer_openers.word(t, k) || lex.determiners.word(t, k) {
        k += 1;
    }
    let Some(e) = lex
        .toll_nouns
        .at(t, k)
        .or_else(|| lex.pointer_nouns.at(t, k))
    else {
        return false;
    };
    toll_verb_to_number(lex, t, e)
}

/// The sentence after a figure's sentence, when it begins by pointing back
/// to a source: `The figures come from the relief agency.`, `The ministry
/// said ...`. Returns the source phrase.
pub fn pointer_back(lex: &Lexicons, t: &Tokens) -> Option<Range<usize>> {
    if t.len() == 0 {
        return None;
    }
    if let Some((_, e)) = lex.pointer_nouns.find_in(&lex.vocab, t, 0, 4.min(t.len()))
        && let Some(le) = lex
            .pointer_links
            .find_in(&lex.vocab, t, e, (e + POINTER_LINK_REACH).min(t.len()))
            // `The figures, from the ministry, ...`, not `The grant is the
            // largest ever from the fund`: a `from` alone follows its noun.
            .filter(|&(a, le)| {
                !(le == a + 1 && t.low_is(a, "from"))
                    || a == e
                    || (a == e + 1 && t.is_punct(e, ","))
            })
            .map(|(_, le)| le)
            .or_else(|| passive_by_after_time(lex, t, e))
        // `The figures were released in a statement`, not `in March`.
        && !(t.low_is(le - 1, "in") && (time_after(lex, t, le) || t.kind(le) == Some(TokKind::Number)))
    {
        let src = forward(lex, t, le);
        if !src.is_empty() && !states_a_toll(lex, t, &src) {
            return Some(src);
        }
    }
    // `The deaths were reported by Saba`: a plural casualty noun points
    // back before a participle and `by` only (`The deaths from cholera`
    // name no source).
    if let Some((_, e)) = lex.toll_plurals.find_in(&lex.vocab, t, 0, 3.min(t.len()))
        && let Some(le) = passive_by_after_time(lex, t, e)
        && (e..le).all(|i| t.is_word(i))
    {
        let src = forward(lex, t, le);
        if !src.is_empty() {
            return Some(src);
        }
    }
    // `Police gave the toll.`: a subject of a few words, a verb that gives
    // figures, and a pointer noun as its object.
    for v in 1..5.min(t.len()) {
        if !t.is_word(v) {
            break;
        }
        if lex.pointer_verbs.word(t, v)
            && lex.pointer_openers.word(t, v + 1)
            && lex.pointer_nouns.at(t, v + 2).is_some()
        {
            return Some(0..v);
        }
    }
    // `That's according to the health ministry.`: a pronoun, a linking
    // verb and an attribution phrase.
    let opener = lex.pointer_openers.word(t, 0)
        || t.low(0)
            .strip_suffix("'s")
            .is_some_and(|w| lex.pointer_openers.has(&lex.vocab, w));
    if opener {
        let mut a = 1;
        while a < 3 && lex.auxiliaries.word(t, a) {
            a += 1;
        }
        if let Some(e) = lex.attribution_phrases.at(t, a) {
            let src = forward(lex, t, e);
            if !src.is_empty() {
                return Some(src);
            }
        }
    }
    if lex.pointer_openers.word(t, 0) {
        let mut v = 1;
        while v < 6.min(t.len()) {
            // `The ministry, which publishes the tally each evening, said`,
            // `The district magistrate, Sanjay Verma, said`: over a relative
            // clause or an appositive between commas.
            if t.is_punct(v, ",") {
                match (v + 2..t.len().min(v + 2 + 2 * MAX_SOURCE)).find(|&i| t.is_punct(i, ",")) {
                    Some(close) if lex.speech_verbs.word(t, close + 1) => {
                        v = close + 1;
                    }
                    _ => break,
                }
            }
            if !t.is_word(v) {
                break;
            }
            if lex.speech_verbs.word(t, v) && !gives_own_toll(lex, t, v + 1) {
                // `The regime announced new curfews.` reports nothing: a
                // verb other than `said` and its kind points back only
                // before a report (`that`, a number, a function word).
                let next = v + 1;
                let reports = lex.pointer_speech_verbs.word(t, v)
                    || t.kind(next) != Some(TokKind::Word)
                    || lex.function_words.word(t, next)
                    || lex.determiners.word(t, next);
                // `The Home Ministry said the figure included 1,039
                // deaths`: a report about the figures before, which a
                // new source with a figure of its own is not.
                let about_them = lex.pointer_openers.word(t, next)
                    && lex.pointer_nouns.at(t, next + 1).is_some();
                if !reports || (names_new_source_with_own_figure(lex, t, v) && !about_them) {
                    return None;
                }
                return subject(lex, t, v).filter(|s| s.start == 0);
            }
            v += 1;
        }
    }
    // `Crisis committee spokesman Ali Reyes said that estimate was ...`: a
    // subject of a few words, a pointer verb and the figures before as
    // what it speaks of.
    let named = t.is_word(0) && t.toks[0].cap && !lex.number_words.word(t, 0);
    for v in 1..8.min(t.len()) {
        if !named || !t.is_word(v) {
            break;
        }
        if lex.pointer_speech_verbs.word(t, v)
            && (0..v).any(|k| lex.role_nouns.word(t, k) || lex.source_nouns.word(t, k))
            && lex.pointer_openers.word(t, v + 1)
            && lex.pointer_nouns.at(t, v + 2).is_some()
        {
            return subject(lex, t, v).filter(|s| s.start == 0);
        }
    }
    None
}

/// `The International Monetary Fund forecasts that the economy will shrink
/// 7.4%`, `The Nigerian army said its troops killed 17 insurgents`: a
/// subject with a capital after its first word (not `The ministry`) whose
/// report, after the verb at `v`, holds a figure of its own is a new
/// source with a new figure, not a pointer back. A share of the figures before (`The
/// Ministry of Health said 19 of them were in critical condition`) is no
/// figure of its own.
fn names_new_source_with_own_figure(lex: &Lexicons, t: &Tokens, v: usize) -> bool {
    // `The national Chamber of Commerce`: a capital before the subject's
    // first preposition (not `The ministry in Kabul`).
    let named = v >= 2
        && (1..v)
            .take_while(|&i| t.is_word(i) && (t.toks[i].cap || !lex.function_words.word(t, i)))
            .any(|i| t.toks[i].cap);
    named && {
        let mut figures = Vec::new();
        super::finder::find(lex, t, &mut figures);
        let share = |f: &super::finder::Figure| {
            f.toks.len() >= 3
                && t.low_is(f.toks.end - 2, "of")
                && lex.partitive_pronouns.word(t, f.toks.end - 1)
        };
        figures.iter().any(|f| f.toks.start > v && !share(f))
    }
}

/// How many words of time may stand between a pointer's participle and
/// its `by` (`released late on Monday by`).
const POINTER_GAP: usize = 4;

/// How many tokens after a pointer noun its link to the source may end
/// (`The figures, released on Monday, were compiled by`): a `from` far on
/// in the sentence ties nothing back (`Its death toll ... rose to 198 with
/// the death of a rifleman from the 2nd Battalion`).
const POINTER_LINK_REACH: usize = 9;

/// `Those figures were released Monday by the U.N.`: after token `from`, a
/// participle of lexicon `figure-pointer-passives`, a few words of time
/// (function words, day and month names and their full stops, numbers,
/// adverbs in `-ly`) and `by`. Returns the
/// token after `by`.
fn passive_by_after_time(lex: &Lexicons, t: &Tokens, from: usize) -> Option<usize> {
    let p = (from..t.len()).find(|&i| lex.pointer_passives.word(t, i))?;
    let gap = |i: usize| {
        t.kind(i) == Some(TokKind::Number)
            || lex.months.word(t, i)
            || (t.is_punct(i, ".") && lex.months.word(t, i - 1))
            || (lex.function_words.word(t, i) && !t.low_is(i, "by"))
            // `published two years later by`
            || lex.number_words.word(t, i)
            || lex.unit_nouns.word(t, i)
            || lex.time_adverbs.word(t, i)
            // `published daily by`, `compiled jointly by`: an adverb.
            || (t.is_word(i) && t.low(i).ends_with("ly"))
    };
    let by = (p + 1..t.len())
        .take(POINTER_GAP + 1)
        .find(|&i| !gap(i))
        .filter(|&i| t.low_is(i, "by"))?;
    Some(by + 1)
}

/// The class of a source phrase that needs a caveat, with the words that
/// put it there.
pub fn classify(
    lex: &Lexicons,
    t: &Tokens,
    source: &Range<usize>,
) -> Option<(SourceClass, Range<usize>)> {
    // `Hamas's health ministry`, `the army's spokesman`: a possessive of a
    // one-word entry.
    let possessive = |l: &Lex| {
        source.clone().find(|&i| {
            t.is_word(i)
                && t.low(i)
                    .strip_suffix("'s")
                    .is_some_and(|stem| l.has(&lex.vocab, stem))
        })
    };
    // `surveys of refugee families`: a study's subjects are not its voice.
    let opens = if lex.determiners.word(t, source.start) || lex.one_words.word(t, source.start) {
        source.start + 1
    } else {
        source.start
    };
    if lex.own_work_nouns.word(t, opens) && t.low_is(opens + 1, "of") {
        return None;
    }
    let any_possessive = source
        .clone()
        .any(|i| t.is_word(i) && t.low(i).ends_with("'s"));
    // `a group of lawyers that documents abuses by both sides`, `a rights
    // group that has accused the army`: a party named inside a clause that
    // describes a monitor is what the monitor watches.
    let watched = |a: usize| {
        (source.start..a).any(|k| lex.relative_pronouns.word(t, k) || t.low_is(k, "that"))
            && lex
                .class_words(SourceClass::Monitors)
                .and_then(|l| l.find_in(&lex.vocab, t, source.start, a))
                .is_some()
    };
    // `The Myanmar Red Cross Society, which has volunteers on both sides`:
    // a source word in a `which` clause after a named body describes the
    // body's work, not its voice; unless the clause ties the body to it
    // (`Al-Masirah, which is run by the Houthis`).
    let described = |a: usize| {
        (source.start + 2..a).any(|k| {
            t.low_is(k, "which")
                && t.is_punct(k - 1, ",")
                && t.is_word(k - 2)
                && t.toks[k - 2].cap
                && !(k + 1..a).any(|i| lex.affiliations.word(t, i))
        })
    };
    lex.sources
        .iter()
        .find_map(|(class, l)| {
            l.find_in(&lex.vocab, t, source.start, source.end)
                .filter(|&(a, _)| !described(a))
                .filter(|&(a, _)| *class != SourceClass::Party || !watched(a))
                // `officials at a state-run hospital`: no medium;
                // `doctors at the government hospital`: no government.
                .filter(|&(_, b)| {
                    !matches!(class, SourceClass::StateMedia | SourceClass::Government)
                        || !lex.state_run_bodies.word(t, b)
                })
                // `UNIFIL said two of its peacekeepers`: the U.N.'s
                // peacekeepers are no party.
                .filter(|&(a, b)| {
                    *class != SourceClass::Government
                        || lex.peacekeeping_words.at(t, a) != Some(b)
                        || lex
                            .un_names
                            .find_in(&lex.vocab, t, source.start, source.end)
                            .is_none()
                })
                // `the former Nigerian president` speaks for no government.
                .filter(|&(a, _)| {
                    *class != SourceClass::Government
                        || !(a.saturating_sub(2).max(source.start)..a)
                            .any(|k| lex.past_holders.word(t, k))
                })
                // `the volunteer-run Hiil Ambulance Service`: who runs a
                // body does not make it a local or anonymous source (a
                // party that runs one does make it a party's).
                .filter(|&(a, b)| {
                    *class != SourceClass::Anonymous
                        || !(b == a + 1 && t.toks[a].hyphen && l.at(t, a) != Some(b))
                })
                // `many news sources including CNN`: sources named are
                // no anonymous ones.
                .filter(|&(_, b)| {
                    *class != SourceClass::Anonymous
                        || !lex.naming_links.at(t, b).is_some_and(|e| {
                            let e = if lex.determiners.word(t, e) { e + 1 } else { e };
                            e < source.end && t.is_word(e) && t.toks[e].cap
                        })
                })
                // `Volunteers from the Libyan Red Crescent`: a named
                // body's volunteers speak for it, not as locals.
                .filter(|&(a, b)| {
                    *class != SourceClass::Anonymous
                        || !(b == a + 1
                            && lex.org_members.word(t, a)
                            && lex.member_links.word(t, b)
                            && (b + 1..(b + 3).min(source.end))
                                .any(|k| t.is_word(k) && t.toks[k].cap))
                })
                // `the district police commander`, `commander of the 8th
                // Armed Police Battalion`: a police force's commander or
                // unit speaks for the police, not for a party.
                .filter(|&(a, b)| {
                    *class != SourceClass::Party
                        || lex.force_units.at(t, a) != Some(b)
                        || !names_police(lex, l, t, source)
                })
                // `The Ombudsman's Office, which monitors social conflicts`,
                // `Police watchdog`: a public body that monitors is no
                // activist group.
                // `HRANA, a news agency run by activists`: a monitor by
                // name is one whatever the words around it. `Activists
                // ..., who had visited police stations`: a public body
                // after the monitor is not what speaks.
                .filter(|&(a, b)| {
                    *class != SourceClass::Monitors
                        || lex.named_monitors.at(t, a) == Some(b)
                        || lex
                            .official_accounts
                            .find_in(&lex.vocab, t, source.start, a)
                            .is_none()
                })
                .map(|(a, b)| (*class, t.span(a, b)))
                .or_else(|| {
                    any_possessive
                        .then(|| possessive(l))
                        .flatten()
                        .map(|i| (*class, t.span(i, i + 1)))
                })
        })
        .or_else(|| {
            // `the official Palestinian news agency Wafa`: a state's
            // medium, named with its nationality between.
            source.clone().find_map(|k| {
                if !lex.official_words.word(t, k) {
                    return None;
                }
                (k + 1..(k + 5).min(source.end)).find_map(|j| {
                    let e = lex.official_media.at(t, j)?;
                    ((k + 1..j).all(|i| t.is_word(i) && t.toks[i].cap) && e <= source.end)
                        .then(|| (SourceClass::StateMedia, t.span(k, e)))
                })
            })
        })
        .or_else(|| {
            // `Ukrainian officials said`: a state's officials speak for its
            // government (`U.N. officials` do not).
            // `Palestinian health officials`: one word of their field
            // between (not `Iraqi hospital officials`).
            source.clone().skip(1).find_map(|i| {
                if !lex.state_officials.word(t, i) {
                    return None;
                }
                let field = i >= 2
                    && t.is_word(i - 1)
                    && !t.toks[i - 1].cap
                    && !lex.function_words.word(t, i - 1)
                    && !lex.state_run_bodies.word(t, i - 1);
                let n = lex.nationalities.ending_at(t, i, 3).or_else(|| {
                    field
                        .then(|| lex.nationalities.ending_at(t, i - 1, 3))
                        .flatten()
                        .filter(|&n| n >= source.start)
                })?;
                lex.not_states
                    .at(t, n)
                    .is_none()
                    .then(|| (SourceClass::Government, t.span(n, i + 1)))
            })
        })
        .or_else(|| {
            // `Rania Haddad, 52,`: a private person, named with an age and
            // no office, speaks as a resident or witness.
            let n = source.end.checked_sub(1)?;
            let age = t.kind(n) == Some(TokKind::Number)
                && t.low(n)
                    .parse::<u32>()
                    .is_ok_and(|a| (1..=110).contains(&a));
            (n >= 2 && age && t.is_punct(n - 1, ",") && is_name(lex, t, &(source.start..n - 1)))
                .then(|| (SourceClass::Witnesses, t.span(source.start, source.end)))
        })
        .or_else(|| {
            // `Olena Marchuk, 47, who lives opposite,`: so is one with an
            // age and a relative clause that is no membership.
            let comma = (source.start + 1..source.end).find(|&i| t.is_punct(i, ","))?;
            let n = comma + 1;
            let age = t.kind(n) == Some(TokKind::Number)
                && t.low(n)
                    .parse::<u32>()
                    .is_ok_and(|a| (1..=110).contains(&a));
            (age && t.is_punct(n + 1, ",")
                && lex.relative_pronouns.word(t, n + 2)
                && !lex.membership_verbs.word(t, n + 3)
                && is_name(lex, t, &(source.start..comma)))
            .then(|| (SourceClass::Witnesses, t.span(source.start, n + 1)))
        })
        .or_else(|| {
            // `A 47-year-old woman said`: so is a person described by an
            // age and no more.
            let k = source.start;
            (lex.one_words.word(t, k)
                && t.kind(k + 1) == Some(TokKind::Number)
                && lex
                    .age_suffixes
                    .iter()
                    .any(|e| t.low(k + 1).ends_with(e.as_str()))
                && lex
                    .private_persons
                    .at(t, k + 2)
                    .is_some_and(|e| e <= source.end))
            .then(|| (SourceClass::Witnesses, t.span(source.start, source.end)))
        })
        .or_else(|| {
            // `Ibrahim, a 17-year-old from Guinea`: so is one described by
            // an age.
            let comma = (source.start + 1..source.end).find(|&i| t.is_punct(i, ","))?;
            (aged(lex, t, comma + 1) && is_name(lex, t, &(source.start..comma)))
                .then(|| (SourceClass::Witnesses, t.span(source.start, comma)))
        })
        .or_else(|| {
            // `Nigeria says Boko Haram killed 150`: a country alone speaks as
            // its government, and so does its capital (`Kyiv says`).
            (lex.countries.at(t, source.start) == Some(source.end)
                || lex.capitals.at(t, source.start) == Some(source.end))
            .then(|| (SourceClass::Government, t.span(source.start, source.end)))
        })
        .or_else(|| {
            // `Lt. Col. Mario Sison said`: an officer speaks for a party;
            // not `Police Colonel ...`, nor `a former colonel`.
            let (a, b) = lex
                .military_ranks
                .find_in(&lex.vocab, t, source.start, source.end)?;
            let police = lex
                .police_forces
                .find_in(&lex.vocab, t, source.start, source.end)
                .is_some();
            let former =
                (a.saturating_sub(2).max(source.start)..a).any(|k| lex.past_holders.word(t, k));
            (!police && !former).then(|| (SourceClass::Party, t.span(a, b)))
        })
}

/// Whether a source names the police with a word that names no party
/// (`police`, not `security forces`).
fn names_police(lex: &Lexicons, party: &Lex, t: &Tokens, source: &Range<usize>) -> bool {
    lex.police_forces
        .find_in(&lex.vocab, t, source.start, source.end)
        .is_some_and(|(a, b)| party.at(t, a) != Some(b))
}

/// Whether tokens from `i` describe someone by an age alone (`a
/// 17-year-old from Guinea`, not `a 31-year-old team supervisor`).
fn aged(lex: &Lexicons, t: &Tokens, i: usize) -> bool {
    lex.one_words.word(t, i)
        && t.kind(i + 1) == Some(TokKind::Number)
        && lex
            .age_suffixes
            .iter()
            .any(|e| t.low(i + 1).ends_with(e.as_str()))
        && (!t.is_word(i + 2) || lex.function_words.word(t, i + 2))
}

/// Whether a source phrase is a personal name (`Ann Reyes`, `Col. Ann
/// Reyes`): every word capitalized.
pub fn is_name(lex: &Lexicons, t: &Tokens, source: &Range<usize>) -> bool {
    let words = source.clone().filter(|&i| t.is_word(i)).count();
    // `al-Mutairi`, `bin Salman`: a particle of a name in lower case.
    let particle = |i: usize| {
        let w = t.low(i);
        lex.name_particles.has(&lex.vocab, w)
            || w.split_once('-')
                .is_some_and(|(p, rest)| !rest.is_empty() && lex.name_particles.has(&lex.vocab, p))
    };
    (1..=5).contains(&words)
        && source.clone().any(|i| t.is_word(i) && t.toks[i].cap)
        && source
            .clone()
            .all(|i| (t.is_word(i) && (t.toks[i].cap || particle(i))) || t.is_punct(i, "."))
}

/// How the draft describes the person named at token `i` of an earlier
/// sentence: the phrase before the name (`army spokesman Ann Reyes`), a
/// role in apposition before it (`a military spokesman, Col. Ivo Marek`)
/// and an appositive after it (`Reyes, a militia commander,`), classified.
pub fn describe(lex: &Lexicons, t: &Tokens, i: usize) -> Option<(SourceClass, Range<usize>)> {
    let mut end = i + 1;
    while end < t.len() && t.is_word(end) && t.toks[end].cap {
        end += 1;
    }
    let mut start = back(lex, t, i).start;
    if start > 0 && t.is_punct(start - 1, ",") {
        let before = back(lex, t, start - 1);
        let role = before
            .clone()
            .find(|&k| lex.determiners.word(t, k) || lex.one_words.word(t, k))
            .filter(|&k| {
                lex.role_nouns
                    .find_in(&lex.vocab, t, k, before.end)
                    .is_some()
            });
        if let Some(k) = role {
            start = k;
        } else if start == i
            && !before.is_empty()
            && before.end == start - 1
            && classify(lex, t, &before).is_some()
        {
            // `Chhattisgarh's deputy chief minister, Mohan Netam,`: a
            // phrase that classes its source by itself.
            start = before.start;
        }
    }
    // `The Justice and Equality Movement (JEM), the strongest of the
    // rebel groups,`: an appositive after a bracketed short name.
    if t.is_punct(end, ")") {
        end += 1;
    }
    if t.is_punct(end, ",") {
        // `Mario Sison, who commands the army's 87th Battalion,`: the body
        // the person leads or belongs to, when nothing else classes them.
        let rel = end + 1;
        if lex.relative_pronouns.word(t, rel) && lex.membership_verbs.word(t, rel + 1) {
            return classify(lex, t, &(start..end))
                .or_else(|| classify(lex, t, &forward(lex, t, rel + 2)));
        }
        end = forward(lex, t, end + 1).end;
    }
    classify(lex, t, &(start..end))
}

/// A source that is an unnamed role (`A spokesman for the militia`), with
/// its class.
pub fn unnamed_role(
    lex: &Lexicons,
    t: &Tokens,
    source: &Range<usize>,
) -> Option<(SourceClass, Range<usize>)> {
    let indefinite = lex.one_words.word(t, source.start);
    let role = lex
        .role_nouns
        .find_in(&lex.vocab, t, source.start, source.end)
        .is_some();
    if indefinite && role {
        classify(lex, t, source)
    } else {
        None
    }
}

/// Resolves an attribution into draft bytes and a class.
pub fn source(lex: &Lexicons, t: &Tokens, a: &Range<usize>) -> Source {
    Source {
        span: t.span(a.start, a.end),
        class: classify(lex, t, a),
    }
}

/// The class of a source with none of its own, from the words after its
/// attribution: an appositive after a subject that follows its verb
/// (`..., said Ahmed, a resident.`); a speaker who talks on condition of
/// anonymity after the verb (`an official said on condition of anonymity
/// that ...`, `said a doctor who asked not to be named`), a local or
/// anonymous source; or one who says they saw (`said he had seen at least
/// 15 bodies`), a witness.
pub fn class_after(lex: &Lexicons, t: &Tokens, a: &Attribution, mut found: Source) -> Source {
    if let Some((class, _)) = &found.class {
        // `A border guard commander, who spoke on condition of anonymity,
        // said`: an anonymous source needs its caveat in any story, a
        // party's only in a conflict.
        if matches!(
            class,
            SourceClass::Party | SourceClass::Government | SourceClass::StateMedia
        ) && let Some(anonymous) = anonymity(lex, t, a)
        {
            found.class = Some(anonymous);
        }
        return found;
    }
    let inverted = a.source.start > a.cue;
    // `according to the Armed Conflict Location and Event Data Project
    // (ACLED), a group ...`: over the initials in brackets.
    let source_end = (t.is_punct(a.source.end, "("))
        .then(|| (a.source.end + 1..(a.source.end + 4).min(t.len())).find(|&k| t.is_punct(k, ")")))
        .flatten()
        .map_or(a.source.end, |close| close + 1);
    if inverted
        && t.is_punct(source_end, ",")
        && (lex.determiners.word(t, source_end + 1) || lex.one_words.word(t, source_end + 1))
    {
        let mut appositive = forward(lex, t, source_end + 1);
        // `according to ACLED, a U.S.-based group that monitors political
        // violence`: the verb of a relative clause on the appositive
        // describes it too.
        let relative = (appositive.start..(appositive.start + MAX_SOURCE).min(t.len()))
            .take_while(|&k| !t.is_punct(k, ","))
            .find(|&k| t.low_is(k, "that") || lex.relative_pronouns.word(t, k));
        // `According to the firm, the Houthis carried out 100 attacks`: a
        // verb before any relative clause makes the words the sentence's
        // own subject and verb, no appositive.
        let clause = (appositive.start + 1..relative.unwrap_or(appositive.end)).any(|k| {
            t.is_word(k)
                && (reads_as_verb(lex, t, k) || (t.low(k).ends_with("ed") && !t.toks[k].hyphen))
        });
        if let Some(k) = relative {
            appositive.end = appositive.end.max((k + 2).min(t.len()));
        }
        if !clause && let Some(class) = classify(lex, t, &appositive) {
            found.class = Some(class);
            return found;
        }
        if !clause && aged(lex, t, appositive.start) && is_name(lex, t, &a.source) {
            found.class = Some((SourceClass::Witnesses, t.span(a.source.start, a.source.end)));
            return found;
        }
    }
    // `said Valentyna Hryshko, 67, who ...`: a name with an age after it,
    // as in a subject (see [`classify`]).
    if inverted
        && t.is_punct(source_end, ",")
        && t.kind(source_end + 1) == Some(TokKind::Number)
        && t.low(source_end + 1)
            .parse::<u32>()
            .is_ok_and(|a| (1..=110).contains(&a))
        && (source_end + 2 >= t.len() || t.kind(source_end + 2) == Some(TokKind::Punct))
        // Not `said Ihor Melnyk, 41, a police officer`: an appositive
        // after the age says who the person is.
        && !(t.is_punct(source_end + 2, ",")
            && (lex.determiners.word(t, source_end + 3) || lex.one_words.word(t, source_end + 3)))
        && is_name(lex, t, &a.source)
    {
        found.class = Some((
            SourceClass::Witnesses,
            t.span(a.source.start, source_end + 2),
        ));
        return found;
    }
    // `..., said the committee, which keeps a running tally of protest
    // deaths`: a monitor's work in a relative clause right after it.
    if inverted && t.is_punct(source_end, ",") && lex.relative_pronouns.word(t, source_end + 1) {
        let rel = source_end + 1;
        if let Some(monitors) = lex.class_words(SourceClass::Monitors)
            && (monitors.at(t, rel).is_some() || monitors.at(t, rel + 1).is_some())
        {
            found.class = Some((SourceClass::Monitors, t.span(a.source.start, a.source.end)));
            return found;
        }
        // `said Eugene Sebi, who heads a civil-society group in Bwito`:
        // the body the speaker leads or belongs to.
        if lex.membership_verbs.word(t, rel + 1)
            && let Some((class, _)) = classify(lex, t, &forward(lex, t, rel + 2))
        {
            found.class = Some((class, t.span(a.source.start, a.source.end)));
            return found;
        }
    }
    let (from, end) = tail_after(t, a, WITNESS_REACH);
    found.class = anonymity(lex, t, a)
        .or_else(|| {
            // `said he had seen`: the speaker saw; `said her teams had
            // seen`: others did.
            lex.witness_cues
                .find_in(&lex.vocab, t, from, end)
                .filter(|&(b, _)| b > 0 && lex.witness_subjects.word(t, b - 1))
                .map(|(b, e)| (SourceClass::Witnesses, t.span(b, e)))
        })
        // `The ombudsman's office said on Twitter`: a public body on its
        // own account is still itself, not social media.
        .or_else(|| {
            lex.official_accounts
                .find_in(&lex.vocab, t, a.source.start, a.source.end)
                .is_none()
                .then(|| posted_on(lex, t, a.cue).or_else(|| posted_in_opening(lex, t, a)))
                .flatten()
        })
        .or_else(|| own_forces(lex, t, a.cue));
    found
}

/// An anonymity cue of an attribution's speaker: in a clause of its
/// subject or between the subject and its verb (`The officials, who spoke
/// on condition of anonymity ..., said`), or right after the attribution
/// (`said on condition of anonymity`).
fn anonymity(lex: &Lexicons, t: &Tokens, a: &Attribution) -> Option<(SourceClass, Range<usize>)> {
    let subject_end = if a.source.end < a.cue && t.is_punct(a.source.end, ",") {
        a.cue
    } else {
        a.source.end
    };
    let (from, end) = tail_after(t, a, ANONYMITY_REACH);
    lex.anonymity_cues
        .find_in(&lex.vocab, t, a.source.start, subject_end)
        .or_else(|| lex.anonymity_cues.find_in(&lex.vocab, t, from, end))
        .map(|(b, e)| (SourceClass::Anonymous, t.span(b, e)))
}

/// A speaker that says `its forces` or `their fighters` right after its
/// verb speaks for a party to the conflict.
fn own_forces(lex: &Lexicons, t: &Tokens, cue: usize) -> Option<(SourceClass, Range<usize>)> {
    let mut k = cue + 1;
    if lex.function_words.word(t, k) && !lex.own_possessives.word(t, k) {
        k += 1;
    }
    if !lex.own_possessives.word(t, k) {
        return None;
    }
    lex.class_words(SourceClass::Party)?
        .at(t, k + 1)
        .map(|e| (SourceClass::Party, t.span(k, e)))
}

/// Where a speaker says it when that is social media, right after the
/// verb (`wrote on Facebook that ...`, `said in a post on Telegram`,
/// `said in a live broadcast on Facebook`).
fn posted_on(lex: &Lexicons, t: &Tokens, cue: usize) -> Option<(SourceClass, Range<usize>)> {
    const REACH: usize = 6;
    if !lex.media_prepositions.word(t, cue + 1) {
        return None;
    }
    lex.class_words(SourceClass::SocialMedia)?
        .find_in(&lex.vocab, t, cue + 2, (cue + 2 + REACH).min(t.len()))
        .map(|(b, e)| (SourceClass::SocialMedia, t.span(b, e)))
}

/// `In a video posted on social media, a hooded man said ...`: social
/// media in a phrase that opens the sentence, up to the comma before the
/// attribution's subject.
fn posted_in_opening(
    lex: &Lexicons,
    t: &Tokens,
    a: &Attribution,
) -> Option<(SourceClass, Range<usize>)> {
    const REACH: usize = 10;
    let opens = dateline_end(t);
    let comma = a.source.start.checked_sub(1)?;
    if a.source.start > a.cue
        || comma <= opens
        || comma - opens > REACH
        || !t.is_punct(comma, ",")
        || !lex.media_prepositions.word(t, opens)
    {
        return None;
    }
    lex.class_words(SourceClass::SocialMedia)?
        .find_in(&lex.vocab, t, opens + 1, comma)
        .map(|(b, e)| (SourceClass::SocialMedia, t.span(b, e)))
}

/// The source of an attribution with the class the words after it may
/// give (see [`class_after`]).
pub fn speaker(lex: &Lexicons, t: &Tokens, a: &Attribution) -> Source {
    class_after(lex, t, a, source(lex, t, &a.source))
}

/// The source that a pointer back names at tokens `r`, with the class the
/// words after it may give (`The figure was confirmed by a police officer,
/// who asked not to be named`).
pub fn pointed_source(lex: &Lexicons, t: &Tokens, r: &Range<usize>) -> Source {
    let a = Attribution::open(r.start.saturating_sub(1), r.clone());
    class_after(lex, t, &a, source(lex, t, r))
}

/// `She asked not to be named because ...`: a sentence that opens with a
/// pronoun and says, close after it, that its speaker is anonymous.
pub fn anonymous_pronoun(lex: &Lexicons, t: &Tokens) -> Option<(SourceClass, Range<usize>)> {
    let pronoun = (1..=2).find(|&e| is_pronoun(lex, t, &(0..e)))?;
    lex.anonymity_cues
        .find_in(
            &lex.vocab,
            t,
            pronoun,
            (pronoun + ANONYMITY_REACH).min(t.len()),
        )
        .map(|(b, e)| (SourceClass::Anonymous, t.span(b, e)))
}

/// `At least 83 people were wounded, the officials said, speaking on
/// condition of anonymity`: an attribution in the next sentence whose
/// source refers back (a pronoun, or `the` and the same last word as the
/// figure's source, `noun`) and that says its speaker is anonymous.
pub fn anonymous_reference(
    lex: &Lexicons,
    t: &Tokens,
    noun: &str,
) -> Option<(SourceClass, Range<usize>)> {
    let mut attrs = Vec::new();
    find(lex, t, &mut attrs);
    attrs
        .iter()
        .filter(|a| {
            let r = &a.source;
            is_pronoun(lex, t, r)
                || (r.len() >= 2 && t.low_is(r.start, "the") && t.low_is(r.end - 1, noun))
        })
        .find_map(|a| anonymity(lex, t, a))
}

/// Whether tokens `r` are one whole pronoun or noun that refers back
/// (`He`, `they`, `the group`).
pub fn is_pronoun(lex: &Lexicons, t: &Tokens, r: &Range<usize>) -> bool {
    lex.person_pronouns.at(t, r.start) == Some(r.end)
}

/// How many tokens after a speech verb (or an inverted subject) an
/// anonymity cue may stand.
const ANONYMITY_REACH: usize = 12;

/// How many a witness cue with its pronoun may stand (`said soldiers had
/// opened fire on his street before dawn and that he had seen ...`).
const WITNESS_REACH: usize = 30;

/// The words right after an attribution, as a token range: after its
/// verb, or after its subject when that follows the verb, up to a
/// quotation mark or the end of the sentence or clause, and at most
/// `reach` tokens.
fn tail_after(t: &Tokens, a: &Attribution, reach: usize) -> (usize, usize) {
    let from = if a.source.start > a.cue {
        a.source.end
    } else {
        a.cue + 1
    };
    let mut end = from;
    while end < t.len() && end - from < reach {
        let stop = t.kind(end) == Some(TokKind::Punct)
            && matches!(t.low(end), "." | "\"" | "“" | "”" | "?" | "!" | ";");
        if stop {
            break;
        }
        end += 1;
    }
    (from, end)
}

/// The speaker of the quotation `quote` (draft bytes) among a sentence's
/// attributions: the first whose verb and subject are outside it after it,
/// else the last before it.
pub fn speaker_outside(
    lex: &Lexicons,
    t: &Tokens,
    attrs: &[Attribution],
    quote: &Range<usize>,
) -> Option<Source> {
    let inside = |i: usize| {
        t.toks
            .get(i)
            .is_some_and(|tok| quote.start <= tok.span.start && tok.span.end <= quote.end)
    };
    let usable = |a: &&Attribution| !a.source.is_empty() && !inside(a.source.start);
    // `One man said he had seen "at least 10 bodies"; another said ...`:
    // not a speaker past a semicolon after the quotation.
    let after = attrs
        .iter()
        .filter(usable)
        .find(|a| t.toks[a.cue].span.start >= quote.end)
        .filter(|a| {
            !(0..a.cue)
                .rev()
                .take_while(|&i| t.toks[i].span.start >= quote.end)
                .any(|i| t.is_punct(i, ";"))
        });
    let before = || {
        attrs
            .iter()
            .filter(usable)
            .rev()
            .find(|a| t.toks[a.cue].span.end <= quote.start)
    };
    Some(speaker(lex, t, after.or_else(before)?))
}

/// `Citing hospital sources, the radio station said ...`: a source with no
/// class that relays one the sentence cites is that one's voice. The first
/// source with a class that an attribution of the sentence relays: the
/// same for each of the sentence's figures.
pub fn relayed_speaker(lex: &Lexicons, t: &Tokens, attributions: &[Attribution]) -> Option<Source> {
    // `The LTTE said, according to TamilNet, that ...`, `Two diplomats
    // said that according to a U.N. document ...`: the speaker is the one
    // a report relays, as with `citing`.
    let relays = |a: &&Attribution| {
        lex.relay_cues.word(t, a.cue)
            || ((t.is_punct(a.cue + 1, ",") || t.low_is(a.cue + 1, "that"))
                && lex.attribution_phrases.at(t, a.cue + 2).is_some())
    };
    attributions.iter().filter(relays).find_map(|a| {
        let cited = speaker(lex, t, a);
        cited.class.is_some().then_some(cited)
    })
}

/// How many tokens before a verification a negation may stand.
pub const NEGATION_REACH: usize = 8;

/// The byte offsets of the caveats in a stretch of prose.
pub fn caveats(lex: &Lexicons, t: &Tokens, out: &mut Vec<usize>) {
    let mut i = 0;
    while i < t.len() {
        // `None of the claims could be verified`: a verification that a
        // negation a few words before denies.
        let negated = || {
            lex.negated_caveats.at(t, i).filter(|_| {
                let from = i.saturating_sub(NEGATION_REACH);
                (from..i)
                    .rev()
                    .take_while(|&j| !boundary(lex, t, j))
                    .any(|j| lex.negations.word(t, j))
            })
        };
        match lex.caveats.at(t, i).or_else(negated) {
            Some(e) => {
                out.push(t.toks[i].span.start);
                i = e;
            }
            None => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::finder::tests::lexicons;
    use super::*;

    /// The governing attribution as first written: the list read through.
    fn governing_read_through<'a>(
        attrs: &'a [Attribution],
        fig: &Range<usize>,
    ) -> Option<&'a Attribution> {
        if let Some(closing) = attrs.iter().find(|a| a.closing && a.cue >= fig.end) {
            return Some(closing);
        }
        attrs
            .iter()
            .rev()
            .find(|a| a.cue < fig.start)
            .or_else(|| attrs.iter().find(|a| a.cue >= fig.end))
            .filter(|a| !(a.source.start <= fig.start && fig.end <= a.source.end))
    }

    /// `find` as first written marks closing attributions token by token.
    fn closing_read_through(t: &Tokens, a: &Attribution) -> bool {
        closes_after_comma(lexicons(), t, a)
            && (a.cue + 1..t.len()).all(|i| !boundary(lexicons(), t, i) || i + 1 == t.len())
    }

    proptest::proptest! {
        #[test]
        fn governors_say_what_reading_the_list_through_says(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "officials said", "40 people died", ",", "the army said", "residents told AP",
                "according to the ministry", "two residents said", ";", "12 soldiers",
                "the ministry said", "per the UN", "Reyes, a spokesman,", "—", "were killed",
                "citing police", ":", "and",
            ]), 0..24),
        ) {
            let text = parts.join(" ") + ".";
            let mut t = Tokens::default();
            t.tokenize(&text, 0, Some(&lexicons().vocab));
            let mut attrs = Vec::new();
            find(lexicons(), &t, &mut attrs);
            for a in &attrs {
                proptest::prop_assert_eq!(a.closing, closing_read_through(&t, a));
            }
            let mut governors = Governors::default();
            // A first sentence's index is replaced, not added to.
            governors.index(&attrs[..attrs.len() / 2]);
            governors.index(&attrs);
            for start in 0..t.len() {
                for end in start + 1..(start + 4).min(t.len()) + 1 {
                    let fig = start..end;
                    proptest::prop_assert_eq!(
                        governors.of(&attrs, &fig).map(|a| a.cue),
                        governing_read_through(&attrs, &fig).map(|a| a.cue)
                    );
                    proptest::prop_assert_eq!(
                        governors.in_source(&fig),
                        attrs
                            .iter()
                            .any(|a| a.source.start <= fig.start && fig.end <= a.source.end)
                    );
                }
            }
        }
    }

    /// A sentence's tokens and attributions.
    fn attributions(text: &str) -> (Tokens, Vec<Attribution>) {
        let mut t = Tokens::default();
        t.tokenize(text, 0, Some(&lexicons().vocab));
        let mut out = Vec::new();
        find(lexicons(), &t, &mut out);
        (t, out)
    }

    fn sources(text: &str) -> Vec<String> {
        let (t, out) = attributions(text);
        out.iter()
            .map(|a| text[t.span(a.source.start, a.source.end)].to_string())
            .collect()
    }

    /// The class of the first attribution's speaker, words after it and all.
    fn speaker_class(text: &str) -> Option<SourceClass> {
        let (t, out) = attributions(text);
        out.first()
            .and_then(|a| speaker(lexicons(), &t, a).class)
            .map(|c| c.0)
    }

    fn class(text: &str) -> Option<SourceClass> {
        let (t, out) = attributions(text);
        out.first()
            .and_then(|a| classify(lexicons(), &t, &a.source))
            .map(|c| c.0)
    }

    #[test]
    fn a_clause_of_contrast_keeps_its_attribution() {
        let text =
            "Around 244,000 people reached Greece, while UNHCR has recorded 116,000 arrivals.";
        let (t, out) = attributions(text);
        assert_eq!(out.len(), 1);
        assert!(!reaches(lexicons(), &t, &out[0], &(0..3)));
        assert!(reaches(lexicons(), &t, &out[0], &(11..13)));
        let text = "Around 244,000 people reached Greece, and UNHCR has recorded 116,000 arrivals.";
        let (t, out) = attributions(text);
        assert!(reaches(lexicons(), &t, &out[0], &(0..3)));
    }

    #[test]
    fn times_contrasts_and_relative_clauses_limit_attributions() {
        // `by` and a time names no agent.
        assert_eq!(
            sources("More than 140 bombings had been reported by the end of October."),
            Vec::<String>::new()
        );
        assert_eq!(
            sources("More than 140 bombings had been reported by state media on Monday."),
            ["state media on Monday"]
        );
        // A clause of contrast after `though` does not reach back.
        let text = "The force has 21,000 troops, though officials have warned it is not ready.";
        let (t, out) = attributions(text);
        assert_eq!(out.len(), 1);
        assert!(!reaches(lexicons(), &t, &out[0], &(3..5)));
        // A relative clause's verb reports nothing past its closing comma.
        let text = "The measure, which also counts people who gave up, climbed to 16.5 percent.";
        let (t, out) = attributions(text);
        assert_eq!(out.len(), 1);
        let fig = t.len() - 3..t.len() - 1;
        assert_eq!(t.low(fig.start), "16.5");
        assert!(!reaches(lexicons(), &t, &out[0], &fig));
        // A source right before `estimated at` is its subject.
        assert_eq!(
            sources("The crowd, which police estimated at about 140,000 people, marched."),
            ["police"]
        );
    }

    #[test]
    fn subjects_past_clauses_abbreviations_and_reporting_verbs() {
        // After a relative clause on a noun, the verb is the noun's.
        assert_eq!(
            sources("The monitor, which relies on sources, said the car, a truck, was parked."),
            ["The monitor, which relies on sources"]
        );
        assert_eq!(
            sources("Twelve people died, said the official, who asked not to be named."),
            ["the official"]
        );
        // `as propaganda` opens no clause; `Maj.` ends no name.
        assert_eq!(
            sources(
                "A military spokesman, Maj. Ivo Marek, dismissed the claim as propaganda and said 30 died."
            ),
            ["A military spokesman, Maj. Ivo Marek"]
        );
        assert_eq!(
            sources("Maj. Ivo Marek dismissed the claim as propaganda and said 30 died."),
            ["Maj. Ivo Marek"]
        );
        assert_eq!(
            sources("On Monday, police searched homes and said 30 died."),
            ["police"]
        );
        // A reported clause's subject starts after the verb that reports it.
        assert_eq!(
            sources("Kara Velt, a vigilante leader, said his members had counted 40 bodies."),
            ["Kara Velt, a vigilante leader", "his members"]
        );
    }

    #[test]
    fn speech_verbs_with_a_subject() {
        // The noun of a speech verb reports nothing.
        assert_eq!(
            sources("It recalled the government's discredited claim that 43 students died."),
            Vec::<String>::new()
        );
        assert_eq!(
            sources("It raised £2 billion, twice the original estimate."),
            Vec::<String>::new()
        );
        assert_eq!(
            sources("The rebels claim 40 soldiers died."),
            ["The rebels"]
        );
        assert_eq!(
            sources("The assessment estimates losses at $3 billion."),
            ["The assessment"]
        );
        assert_eq!(
            sources("The ministry's spokesman claims 40 died."),
            ["The ministry's spokesman"]
        );
        assert_eq!(
            sources("A study published in May estimated the toll at 4,645."),
            ["A study published in May"]
        );
        assert_eq!(
            sources("The army said on Friday it killed 35."),
            ["The army"]
        );
        assert_eq!(
            sources("It killed 9 people, the district clinic director said."),
            ["the district clinic director"]
        );
        assert_eq!(
            sources("Exiled activists say troops killed scores."),
            ["Exiled activists"]
        );
        assert_eq!(
            sources("Relief groups estimate that 9,000 fled."),
            ["Relief groups"]
        );
        assert_eq!(sources("Police have also confirmed 12 deaths."), ["Police"]);
        assert_eq!(sources("Fedorov first reported three dead."), ["Fedorov"]);
        // `family` is no adverb in `-ly`.
        assert_eq!(
            sources("One man who fled with his family said five died."),
            ["One man who fled with his family"]
        );
        assert_eq!(
            sources("\"We found 12 bodies,\" said Mira Osk, a nurse."),
            ["Mira Osk"]
        );
        assert_eq!(
            sources("It rose, with a rights monitor reporting 28 fatalities."),
            ["a rights monitor"]
        );
        assert_eq!(sources("Prices rose, said the minister."), ["the minister"]);
        assert_eq!(
            sources("Two died, army spokesman Col. Ann Reyes told reporters."),
            ["army spokesman Col. Ann Reyes"]
        );
        assert_eq!(
            sources("Officials, speaking anonymously, said the count of injured was 33."),
            ["Officials, speaking anonymously"]
        );
    }

    #[test]
    fn appositive_subjects() {
        assert_eq!(
            sources("The Lakeside Observatory, a monitoring group, said 21 died."),
            ["The Lakeside Observatory, a monitoring group"]
        );
        assert_eq!(
            sources("Port officials, who asked not to be named, said 60 were hurt."),
            ["Port officials, who asked not to be named"]
        );
        assert_eq!(
            sources("The rebels, who hold the north, said they killed 40."),
            ["The rebels, who hold the north"]
        );
    }

    #[test]
    fn verbs_without_a_subject_do_not_attribute() {
        assert!(sources("Roughly 25 villagers were reported killed.").is_empty());
        assert!(sources("It costs an estimated €18 million.").is_empty());
        assert!(sources("The claims are false and officials declined to say more.").is_empty());
        assert!(sources("Twelve people have reportedly died.").is_empty());
    }

    #[test]
    fn a_relative_pronoun_speaks_for_the_phrase_before_it() {
        assert_eq!(
            sources("They come from the aid agency, which said Tuesday that 1,000 workers left."),
            ["They come from the aid agency"]
        );
        assert!(sources("The town, which 1,000 workers left, is quiet.").is_empty());
    }

    #[test]
    fn coordinated_verbs_share_the_clause_subject() {
        assert_eq!(
            sources("Police arrived at the scene and said three people were hurt."),
            ["Police"]
        );
        assert_eq!(
            sources("The army issued a statement on Sunday and said 12 militants died."),
            ["The army"]
        );
        assert_eq!(
            sources("The armed forces gave no details but later said 12 died."),
            ["The armed forces"]
        );
        assert_eq!(
            sources("The ministry updated its toll, and said 45 people died."),
            ["The ministry"]
        );
        assert_eq!(
            sources("On Monday police arrived at the scene and said two died."),
            ["police"]
        );
        assert_eq!(
            sources("Rebels claimed the attack and said they killed 20 soldiers."),
            ["Rebels", "Rebels"]
        );
        assert_eq!(
            sources("The army has withdrawn and says 20 soldiers died."),
            ["The army"]
        );
        assert_eq!(
            sources("The army stormed the village, searched homes and said 14 died."),
            ["The army"]
        );
        // A quoted word inside the clause does not end it.
        assert_eq!(
            sources(
                "The spokeswoman, Ann Vel, dismissed the claim as \"fantasy\" and said 14 drones were downed."
            ),
            ["The spokeswoman, Ann Vel"]
        );
        assert_eq!(
            sources("After the raid, troops searched homes and said 14 died."),
            ["troops"]
        );
        // The first verb's subject stands before words between commas.
        assert_eq!(
            sources("The army, in a statement, put the toll at 30 and said 12 people were hurt."),
            ["The army, in a statement", "The army, in a statement"]
        );
        assert_eq!(
            sources("Residents, who fled, said the market was hit and said 12 people died."),
            ["Residents, who fled", "Residents, who fled"]
        );
        assert_eq!(
            sources("The army stormed the village, said it was cleared and said 14 died."),
            ["The army stormed the village", "The army"]
        );
        assert_eq!(
            class("The army killed 30 fighters and said it lost none."),
            Some(SourceClass::Party)
        );
        // Not every source verb reports after `and`.
        assert!(sources("Prices rose 5% and show no sign of slowing.").is_empty());
        // A clause too long to be a subject.
        assert!(
            sources(
                "Rain fell on the town for three long days in a row without any break at all \
                 through the whole of the week and said nothing."
            )
            .is_empty()
        );
    }

    #[test]
    fn subjects_over_brackets_and_relative_clauses() {
        assert_eq!(
            sources("It killed 46, the National Disaster Coordinating Council (NDCC) said."),
            ["the National Disaster Coordinating Council (NDCC)"]
        );
        assert_eq!(
            sources("A resident who gave his name as Abu Adnan said 30 died."),
            ["A resident who gave his name as Abu Adnan"]
        );
        assert_eq!(
            sources("A rebel commander, who gave only his first name, Asres, said 60 died."),
            ["A rebel commander, who gave only his first name, Asres"]
        );
        // A participle of speech after `after` speaks for the opening
        // subject; a past participle after a bare count reports nothing.
        assert_eq!(
            sources("The governor condemned the strikes after saying eight children were killed."),
            ["The governor"]
        );
        assert!(sources("The toll went from 125 to 149 confirmed and rising.").is_empty());
        assert!(sources("Nearly 70 people are still reported as missing.").is_empty());
        // A name in VOA's double brackets.
        assert_eq!(
            sources("A government spokesman ((Ali Mansur)) says the strike killed three people."),
            ["A government spokesman ((Ali Mansur))"]
        );
        // Words in scare quotes inside the subject.
        assert_eq!(
            sources("The \"Islamic State\" group said it killed 40 soldiers."),
            ["The \"Islamic State\" group"]
        );
        assert_eq!(
            sources("A spokesman for the army's \"northern operation\" claimed troops killed 60."),
            ["A spokesman for the army's \"northern operation\""]
        );
    }

    #[test]
    fn classes_from_the_words_after_the_verb() {
        let class_after_verb = |text: &str| {
            let (t, attrs) = attributions(text);
            let a = attrs.last().expect("an attribution");
            speaker(lexicons(), &t, a).class.map(|c| c.0)
        };
        assert_eq!(
            class_after_verb("12 civilians were killed, said Ahmed, a resident."),
            Some(SourceClass::Witnesses)
        );
        assert_eq!(
            class_after_verb("An official said on condition of anonymity that 18 died."),
            Some(SourceClass::Anonymous)
        );
        assert_eq!(
            class_after_verb("A cousin, Ann Vel, wrote on Facebook that four children died."),
            Some(SourceClass::SocialMedia)
        );
        assert_eq!(
            class_after_verb("Ann Vel said on Monday that four children died."),
            None
        );
        assert_eq!(
            class_after_verb("Eight died, said a doctor who asked not to be named."),
            Some(SourceClass::Anonymous)
        );
        assert_eq!(
            class_after_verb("Gul Khan said he had seen at least 15 bodies."),
            Some(SourceClass::Witnesses)
        );
        assert_eq!(class_after_verb("Gul Khan said 15 people died."), None);
        assert_eq!(
            class_after_verb("Ann Vel said her teams had seen at least 1,000 bodies."),
            None
        );
        assert_eq!(
            class_after_verb("Police said 30 died and the road was shut."),
            None
        );
    }

    #[test]
    fn a_pronoun_before_the_verb_is_its_subject() {
        assert_eq!(
            sources("A resident, Ali Omar, told VOA he had counted 12 bodies."),
            ["A resident, Ali Omar", "he"]
        );
    }

    #[test]
    fn participles_after_commas_share_the_opening_subject() {
        assert_eq!(
            sources(
                "Thousands of protesters stormed the offices in Chisinau, Moldova, on Tuesday, \
                 accusing the party of fraud."
            ),
            ["Thousands of protesters"]
        );
        assert_eq!(
            sources("The army stormed the town, saying 30 rebels died."),
            ["The army"]
        );
    }

    #[test]
    fn participles_do_not_attribute() {
        assert!(sources("Floods caused damage estimated at $30 billion.").is_empty());
        assert!(sources("The damage, estimated at $3 million, was repaired.").is_empty());
        assert!(sources("Damage was estimated at about $30 million.").is_empty());
        assert_eq!(
            sources("Officials estimated at least 40 people died."),
            ["Officials"]
        );
        // `at` a place or a time is no amount.
        assert_eq!(
            sources("Police said at a news conference that 30 people died."),
            ["Police"]
        );
        assert_eq!(
            sources("It cost £4.5 million, the club announced at the time."),
            ["the club"]
        );
        assert_eq!(
            sources("The Red Cross said at midday that 100 people had died."),
            ["The Red Cross"]
        );
        // A speech noun as an object or counted reports nothing.
        assert!(
            sources("Thousands of women have claims outstanding worth $760 million.").is_empty()
        );
        assert!(
            sources("He got 10 years on each of the other six counts and a fine of $5 million.")
                .is_empty()
        );
        assert!(
            sources("The bank agreed to pay $3.9 billion to settle claims over its role.")
                .is_empty()
        );
        assert!(
            sources("A jury ordered him to pay $965 million over years of false claims.")
                .is_empty()
        );
    }

    #[test]
    fn opening_subjects() {
        let mut t = Tokens::default();
        let cases: [(&str, Option<&str>); 7] = [
            ("The army issued a statement on Monday.", Some("The army")),
            (
                "KARSK, Varnia — The army issued a statement on Monday.",
                Some("The army"),
            ),
            ("TASHABAD (AP) - Rebels posted a video.", Some("Rebels")),
            (
                "The Varna Observatory for Human Rights tracks the fighting.",
                Some("The Varna Observatory for Human Rights"),
            ),
            ("Rebels posted a video online.", Some("Rebels")),
            ("Heavy rain.", None),
            (
                "The long and winding road through the hills of the north was shut.",
                None,
            ),
        ];
        for (text, expected) in cases {
            t.tokenize(text, 0, Some(&lexicons().vocab));
            let got = opening_subject(lexicons(), &t).map(|r| &text[t.span(r.start, r.end)]);
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn subjects_after_an_opening_phrase() {
        let mut t = Tokens::default();
        let cases: [(&str, Option<&str>); 5] = [
            (
                "In a statement read on state television on Thursday, government spokesman Adama Sawadogo called the report baseless.",
                Some("government spokesman Adama Sawadogo"),
            ),
            (
                "KARSK — Late on Monday, the army issued a statement.",
                Some("the army"),
            ),
            // No opening phrase, or none that ends in a comma.
            ("The army issued a statement on Monday.", None),
            ("In the north the army issued a statement.", None),
            // A clause of its own is no opening phrase.
            ("After \"we lost\", the army issued a statement.", None),
        ];
        for (text, expected) in cases {
            t.tokenize(text, 0, Some(&lexicons().vocab));
            let got = subject_after_opener(lexicons(), &t).map(|r| &text[t.span(r.start, r.end)]);
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn datelines_end_at_their_dash() {
        let mut t = Tokens::default();
        let cases = [
            ("KARSK, Varnia — Rebels shelled the port.", "Rebels"),
            ("KARSK, Sept. 3 (AP) — Rebels shelled the port.", "Rebels"),
            ("TASHABAD - Rebels shelled the port.", "Rebels"),
            // No dateline: a first word not in capitals, or a lowercase
            // word before the dash.
            ("Karsk, Varnia — Rebels shelled the port.", "Karsk"),
            ("KARSK is quiet — rebels left.", "KARSK"),
            ("UN officials said 20 people died.", "UN"),
        ];
        t.tokenize("", 0, Some(&lexicons().vocab));
        assert_eq!(dateline_end(&t), 0);
        for (text, first) in cases {
            t.tokenize(text, 0, Some(&lexicons().vocab));
            let end = dateline_end(&t);
            assert_eq!(&text[t.toks[end].span.clone()], first, "{text}");
        }
    }

    #[test]
    fn relative_pronouns_speak_for_their_noun() {
        assert_eq!(
            sources("He spoke to a doctor who told reporters that two civilians died."),
            ["a doctor"]
        );
        assert_eq!(
            sources(
                "The figures came from an official who asked not to be named, and who told AFP that two civilians died."
            ),
            ["an official who asked not to be named"]
        );
    }

    #[test]
    fn a_verb_inside_a_report_is_no_report() {
        assert_eq!(
            sources("The channel posted a video that it said showed 12 bodies."),
            ["The channel", "it"]
        );
    }

    #[test]
    fn passive_with_an_agent() {
        assert_eq!(
            sources("The deaths were reported by state media."),
            ["state media"]
        );
        assert_eq!(
            sources("An army spokesman was quoted by Reuters as saying 30 rebels died."),
            ["An army spokesman"]
        );
    }

    #[test]
    fn attribution_phrases() {
        assert_eq!(
            sources("At least 406 died, according to Human Rights Monitors, a group."),
            ["Human Rights Monitors"]
        );
        assert_eq!(
            sources("Freight fell 12 percent, according to rail data from Penn Metrics."),
            ["rail data from Penn Metrics", "Penn Metrics"]
        );
        assert_eq!(sources("Four died, citing witnesses."), ["witnesses"]);
        assert_eq!(
            sources("The governor was quoted as saying 300 people were homeless."),
            ["The governor"]
        );
        // The agency in capitals is not the pronoun `who`.
        assert_eq!(
            sources("Nearly 1,000 people have died, the WHO says."),
            ["the WHO"]
        );
        assert_eq!(
            sources("A rebel spokesman, Ali Gedi, told VOA that 15 soldiers died."),
            ["A rebel spokesman, Ali Gedi"]
        );
        assert_eq!(
            sources("The Taliban issued a statement, saying 10 soldiers died."),
            ["The Taliban"]
        );
        assert_eq!(
            sources("The army issued a statement saying 12 militants died."),
            ["The army"]
        );
        assert_eq!(
            sources("The survey of 1,000 adults found 62 percent backed it."),
            ["The survey of 1,000 adults"]
        );
        // A person who finds something is not its source.
        assert_eq!(
            sources("Police found 30 bodies in the river."),
            Vec::<String>::new()
        );
        assert_eq!(
            sources("Three diplomats quoted by the agency."),
            ["the agency"]
        );
        assert_eq!(
            sources("Thirty died, per the health ministry."),
            ["the health ministry"]
        );
        assert!(sources("Taxes rise $310 per household, 6 per cent.").is_empty());
    }

    /// The class of the source that governs a sentence's last figure,
    /// through a relayed source.
    fn relayed_class(text: &str) -> Option<(SourceClass, String)> {
        let mut t = Tokens::default();
        t.tokenize(text, 0, Some(&lexicons().vocab));
        let mut attrs = Vec::new();
        find(lexicons(), &t, &mut attrs);
        let said = attrs.iter().find(|a| t.low(a.cue) == "said")?;
        let found = source(lexicons(), &t, &said.source);
        let found = match found.class {
            Some(_) => found,
            None => relayed_speaker(lexicons(), &t, &attrs).unwrap_or(found),
        };
        found.class.map(|(c, _)| (c, text[found.span].to_string()))
    }

    #[test]
    fn a_reporter_relays_the_source_it_cites() {
        assert_eq!(
            relayed_class("Citing hospital sources, the radio station said 40 were hurt."),
            Some((SourceClass::Anonymous, "hospital sources".to_string()))
        );
        // Inside the subject, the cited source already classes it.
        assert_eq!(
            relayed_class("The broadcaster, quoting witnesses, said 40 were hurt."),
            Some((
                SourceClass::Witnesses,
                "The broadcaster, quoting witnesses".to_string()
            ))
        );
        // A source with a class of its own keeps it.
        assert_eq!(
            relayed_class("Citing witnesses, the army said 40 were hurt."),
            Some((SourceClass::Party, "the army".to_string()))
        );
        // A cited source with no class leaves the reporter's.
        assert_eq!(
            relayed_class("Citing the coroner, the radio station said 40 were hurt."),
            None
        );
    }

    #[test]
    fn source_classes() {
        assert_eq!(
            class("The northern army said 80 were killed."),
            Some(SourceClass::Party)
        );
        // A possessive of an entry is the entry.
        assert_eq!(
            class("The militia's spokesman said 80 were killed."),
            Some(SourceClass::Party)
        );
        assert_eq!(
            class("Hamas’s health ministry said 80 were killed."),
            Some(SourceClass::Party)
        );
        assert_eq!(class("The council's spokesman said 80 were killed."), None);
        assert_eq!(
            class("Rebel commanders said 31 soldiers died."),
            Some(SourceClass::Party)
        );
        assert_eq!(
            class("State television reported 12 deaths."),
            Some(SourceClass::StateMedia)
        );
        assert_eq!(
            class("The pro-government Al-Watan newspaper said 20 died."),
            Some(SourceClass::StateMedia)
        );
        assert_eq!(
            class("The Hamas-run health ministry said 40 died."),
            Some(SourceClass::Authority)
        );
        assert_eq!(
            class("Activists said 30 died."),
            Some(SourceClass::Monitors)
        );
        assert_eq!(
            class("The Doctors Committee, a union that tracks civilian casualties, said 30 died."),
            Some(SourceClass::Monitors)
        );
        assert_eq!(
            class("A government spokesman said 14 soldiers died."),
            Some(SourceClass::Government)
        );
        assert_eq!(
            class("The country's health ministry said 550 people were killed."),
            Some(SourceClass::Government)
        );
        assert_eq!(
            class("Mayor Ann Vel said 5 people were killed."),
            Some(SourceClass::Government)
        );
        assert_eq!(
            class("The group's Amaq news agency said 30 soldiers were killed."),
            Some(SourceClass::Party)
        );
        // A more particular class in the same source wins.
        assert_eq!(
            class("Activists opposed to the government said 30 died."),
            Some(SourceClass::Monitors)
        );
        assert_eq!(
            class("Opposition groups say 900 people have died."),
            Some(SourceClass::Monitors)
        );
        assert_eq!(
            class("A local human rights group says the fighting killed 381 people."),
            Some(SourceClass::Monitors)
        );
        assert_eq!(
            class("Security sources told the agency 20 died."),
            Some(SourceClass::Anonymous)
        );
        assert_eq!(
            class("Witnesses said 6 farmers died."),
            Some(SourceClass::Witnesses)
        );
        assert_eq!(
            class("Residents said 9 people died."),
            Some(SourceClass::Witnesses)
        );
        assert_eq!(
            class("Nine died, according to posts on social media."),
            Some(SourceClass::SocialMedia)
        );
        assert_eq!(class("The hospital director said 14 died."), None);
        assert_eq!(class("Officials say 14 died."), None);
        assert_eq!(
            speaker_class("The Resistance Front said its forces had killed 300 soldiers."),
            Some(SourceClass::Party)
        );
        assert_eq!(
            speaker_class("The Resistance Front said the forces had killed 300 soldiers."),
            None
        );
        assert_eq!(
            class("One group of families said in a post that dozens were missing."),
            Some(SourceClass::Witnesses)
        );
        assert_eq!(
            class("Rania Haddad, 52, said six people in her building were hurt."),
            Some(SourceClass::Witnesses)
        );
        assert_eq!(
            class("Protest medics said 30 people were hurt."),
            Some(SourceClass::Anonymous)
        );
        assert_eq!(
            class("The commission, a state-funded watchdog, said 39 people were killed."),
            Some(SourceClass::Monitors)
        );
        assert_eq!(
            class("The civil defence agency said the strike killed 20 people."),
            Some(SourceClass::Government)
        );
        assert_eq!(
            class("Defence Secretary Ana Tul said 40 soldiers were killed."),
            Some(SourceClass::Government)
        );
        // A former office holder speaks for no government.
        assert_eq!(
            class("Former Health Minister Ana Tul said 40 were killed."),
            None
        );
        assert_eq!(
            class("Ana Tul, the former Nigerian president, said 40 were killed."),
            None
        );
    }

    #[test]
    fn a_states_officials_are_labelled_from_the_nationality() {
        let label = |text: &str| {
            let (t, out) = attributions(text);
            let (class, span) = classify(lexicons(), &t, &out[0].source).expect("a class");
            (class, text[span].to_string())
        };
        assert_eq!(
            label("Ukrainian officials said 40 soldiers died."),
            (SourceClass::Government, "Ukrainian officials".to_string())
        );
        assert_eq!(
            label("Senior South Korean officials said 40 soldiers died."),
            (
                SourceClass::Government,
                "South Korean officials".to_string()
            )
        );
    }

    #[test]
    fn unnamed_roles() {
        let role = |text: &str| {
            let (t, out) = attributions(text);
            out.first()
                .and_then(|a| unnamed_role(lexicons(), &t, &a.source))
                .map(|c| c.0)
        };
        assert_eq!(
            role("A spokesman for the river militia said the road was cut."),
            Some(SourceClass::Party)
        );
        assert_eq!(role("The militia said the road was cut."), None);
        assert_eq!(
            role("A spokesman for the mayor said the road was cut."),
            Some(SourceClass::Government)
        );
        assert_eq!(
            role("A spokesman for the club said the road was cut."),
            None
        );
    }

    #[test]
    fn headline_colons() {
        let mut t = Tokens::default();
        t.tokenize(
            "Island minister: Over 150,000 dead",
            0,
            Some(&lexicons().vocab),
        );
        assert!(heading_colon(lexicons(), &t, &(3..6)).is_some());
        t.tokenize("Air strike kills 11: monitor", 0, Some(&lexicons().vocab));
        assert!(heading_colon(lexicons(), &t, &(3..4)).is_some());
        t.tokenize("Valley: 11 killed in strike", 0, Some(&lexicons().vocab));
        assert!(heading_colon(lexicons(), &t, &(2..3)).is_none());
        // The source runs back to a clause mark, not to the start.
        t.tokenize(
            "President fires his whole cabinet after weeks of protests; rights body: 39 dead",
            0,
            Some(&lexicons().vocab),
        );
        let n = t.len();
        let a = heading_colon(lexicons(), &t, &(n - 2..n - 1)).expect("the rights body");
        assert_eq!(a.source, n - 5..n - 3);
        // Dashes standing alone part a headline from its source too.
        for text in [
            "Toll tops 50,000 - ministry",
            "Toll tops 50,000 – ministry",
            "Toll tops 50,000 — ministry",
        ] {
            t.tokenize(text, 0, Some(&lexicons().vocab));
            assert!(heading_colon(lexicons(), &t, &(2..3)).is_some(), "{text}");
        }
        t.tokenize("Toll tops 50,000 -ministry", 0, Some(&lexicons().vocab));
        assert!(heading_colon(lexicons(), &t, &(2..3)).is_none());
        // The first separator that parts a source from the figure counts.
        t.tokenize(
            "Valley — Air strike kills 11: monitor",
            0,
            Some(&lexicons().vocab),
        );
        assert!(heading_colon(lexicons(), &t, &(5..6)).is_some());
        t.tokenize(
            "Floods — 40 dead as rivers rise",
            0,
            Some(&lexicons().vocab),
        );
        assert!(heading_colon(lexicons(), &t, &(2..3)).is_none());
        // A body's initials on either side; not a country's.
        t.tokenize("Raid killed 130 soldiers: JNIM", 0, Some(&lexicons().vocab));
        assert!(heading_colon(lexicons(), &t, &(2..4)).is_some());
        t.tokenize("USA: Raid killed 130 soldiers", 0, Some(&lexicons().vocab));
        assert!(heading_colon(lexicons(), &t, &(4..6)).is_none());
        t.tokenize(
            "INEC: Buhari wins with 54 percent",
            0,
            Some(&lexicons().vocab),
        );
        assert!(heading_colon(lexicons(), &t, &(5..7)).is_some());
        // A one-word name closing the headline after its figure; not a
        // country, and not before the figure.
        t.tokenize("Heatwave kills scores: Edhi", 0, Some(&lexicons().vocab));
        assert!(heading_colon(lexicons(), &t, &(2..3)).is_some());
        t.tokenize("Floods kill 30: Pakistan", 0, Some(&lexicons().vocab));
        assert!(heading_colon(lexicons(), &t, &(2..3)).is_none());
        t.tokenize("Karsk: floods kill 30", 0, Some(&lexicons().vocab));
        assert!(heading_colon(lexicons(), &t, &(4..5)).is_none());
    }

    /// `estimates` after an opening subject with an `of` phrase is its
    /// verb; a long quoted object stays in the clause before `and said`;
    /// a name with an age after an inverted verb is a private person's.
    #[test]
    fn opening_of_phrases_quoted_objects_and_ages() {
        assert_eq!(
            sources("The chamber of commerce estimates that it costs $5 million."),
            ["The chamber of commerce"]
        );
        assert!(sources("Funds for development projects rose to $5 million.").is_empty());
        assert_eq!(
            sources(
                "The governor called the killings \"a cowardly attack on working men\" and said 30 died."
            ),
            ["The governor"]
        );
        assert_eq!(
            speaker_class("Shelling hit the station, said Ivo Marek, 41, who lives nearby."),
            Some(SourceClass::Witnesses)
        );
        assert_eq!(
            speaker_class("Shelling hit the station, said Ivo Marek, 41, a police officer."),
            None
        );
    }

    #[test]
    fn pointers_back() {
        let mut t = Tokens::default();
        let cases: [(&str, Option<&str>); 31] = [
            (
                "The deaths were reported by Saba, the news agency.",
                Some("Saba"),
            ),
            (
                "The Nigerian army said its troops killed 17 insurgents.",
                None,
            ),
            (
                "The army said its troops killed 17 insurgents.",
                Some("The army"),
            ),
            ("The deaths from cholera were mostly among children.", None),
            (
                "The International Monetary Fund forecasts that the economy will shrink 7.4%.",
                None,
            ),
            (
                "The Ministry of Health said 19 of them were in critical condition.",
                Some("The Ministry of Health"),
            ),
            (
                "The figures come from the county shelter office, which counts beds.",
                Some("the county shelter office"),
            ),
            (
                "Those numbers were released by the interior ministry.",
                Some("the interior ministry"),
            ),
            (
                "The ministry said most were children.",
                Some("The ministry"),
            ),
            ("Police gave the toll.", Some("Police")),
            (
                "The health ministry released those figures on Monday.",
                Some("The health ministry"),
            ),
            ("Police gave the road a check.", None),
            ("Crews cleared the road on Monday.", None),
            ("Officials said the road would reopen.", None),
            (
                "That's according to the World Health Organization.",
                Some("the World Health Organization"),
            ),
            (
                "This is according to local officials.",
                Some("local officials"),
            ),
            (
                "The numbers were confirmed by the governor.",
                Some("the governor"),
            ),
            ("The information came from police.", Some("police")),
            (
                "The death toll from the floods climbed to 230 on Sunday.",
                None,
            ),
            ("The toll from the quake was at least 40.", None),
            ("The government puts the death toll at 10,000.", None),
            (
                "The figures from the ministry were published at 5 p.m.",
                Some("the ministry were published at 5 p.m."),
            ),
            ("That is a village according to maps.", None),
            ("The regime announced new curfews.", None),
            (
                "The ministry confirmed 30 of the deaths.",
                Some("The ministry"),
            ),
            (
                "Those figures were released Monday by the U.N. aid office.",
                Some("the U.N. aid office"),
            ),
            (
                "The figures were published on Oct. 3 by the World Bank.",
                Some("the World Bank"),
            ),
            (
                "The rate is published daily by DolarNow, a website.",
                Some("DolarNow"),
            ),
            (
                "The ministry, which publishes the tally each evening, said supplies were short.",
                Some("The ministry, which publishes the tally each evening"),
            ),
            (
                "The ministry, which publishes the tally, runs 12 clinics.",
                None,
            ),
            (
                "The figures were published on Monday, and officials by then had left.",
                None,
            ),
        ];
        for (text, expected) in cases {
            t.tokenize(text, 0, Some(&lexicons().vocab));
            let got = pointer_back(lexicons(), &t).map(|r| &text[t.span(r.start, r.end)]);
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn caveat_phrases() {
        let mut t = Tokens::default();
        let mut count = |text: &str| {
            t.tokenize(text, 0, Some(&lexicons().vocab));
            let mut out = Vec::new();
            caveats(lexicons(), &t, &mut out);
            out.len()
        };
        assert_eq!(count("The figure could not be independently verified."), 1);
        assert_eq!(count("Those totals have not been verified by anyone."), 1);
        assert_eq!(count("Reuters could not immediately confirm the toll."), 1);
        assert_eq!(count("The toll cannot be verified."), 1);
        assert_eq!(count("Unconfirmed reports, unverified video."), 2);
        assert_eq!(count("The claim has not been confirmed."), 1);
        assert_eq!(count("Officials verified the count."), 0);
        assert_eq!(count("Independent verification was not possible."), 1);
        assert_eq!(count("Such claims are difficult to verify."), 1);
        assert_eq!(
            count("None of the battle reports could be independently verified."),
            1
        );
        assert_eq!(count("Neither toll could be confirmed."), 1);
        assert_eq!(
            count("The toll could be verified from satellite images."),
            0
        );
    }
}
