//! TABARI's linear reading of a sentence, for TABARI-format verb dictionaries (verbs kept
//! as stems, [`crate::dict::verbs::VerbDict::stems`] non-empty).
//!
//! TABARI finds verbs by dictionary, not by part of speech, and matches their patterns over
//! the words before and after the verb in sentence order. When the tree coder finds no
//! event (the tagger took a dictionary verb for a noun, or the tree hides the verb's
//! phrase), the sentence is read that way:
//!
//! - a word is a verb candidate when the verb dictionary knows it (a form or a stem) and
//!   TABARI's noun tests do not turn it into a noun: a capital letter inside the sentence
//!   ("is about To Restore"), a determiner right before it ("the restore"), a possessive
//!   ending ("donate's"), or the actor dictionary naming it;
//! - the words before the verb (back to a comma or the sentence start) and after it (to
//!   the end of the sentence) are matched against the verb's patterns, longest first, with
//!   the tree's coded noun phrases as actors (the verb's own word taken out of them);
//! - the source is the pattern's `$`, else the nearest coded phrase before the verb; the
//!   target the pattern's `+`, else the first coded phrase after it; a `---` code or a
//!   verb without actors hands over to the next candidate, as TABARI does; a code written
//!   with `?` (`SAID [023?]`) stands only when no later verb codes;
//! - TABARI's `SET: CODE ALL` codes every verb that codes, `SET: CODE BY SENTENCE` only the
//!   sentence's first event ([`by_sentence`], [`code_all`]).

use super::{Analysis, CodeBy, CodedActor, CodedEvent, Options, Skipped};
use crate::dict::Dictionaries;

/// Whether text word `t` extends pattern word `w`: TABARI matches a pattern's words as
/// the beginnings of the text's words (`PROGRAM` codes "programs", `YEN` "yener", `IN`
/// "into").
pub(super) fn extends(t: &str, w: &str) -> bool {
    t.len() > w.len() && t.starts_with(w) && w.bytes().all(|b| b.is_ascii_alphabetic())
}

/// TABARI's special codes: `[###]` on a verb, pattern or actor discards the sentence;
/// `[+++]` marks a complex sentence, which TABARI does not code.
pub(super) fn special_codes(events: Vec<CodedEvent>) -> Result<Vec<CodedEvent>, Skipped> {
    if let Some(e) = events
        .iter()
        .find(|e| [&e.code, &e.source.code, &e.target.code].iter().any(|c| c.as_str() == "###"))
    {
        let phrase = if e.code == "###" { &e.code } else { &e.source.text };
        return Err(Skipped::Discard { story: false, phrase: phrase.clone() });
    }
    Ok(events.into_iter().filter(|e| e.code != "+++").collect())
}

/// `SET: CODE BY SENTENCE`: only the events of the sentence's first coded verb.
pub(super) fn by_sentence(mut events: Vec<CodedEvent>) -> Vec<CodedEvent> {
    if let Some(first) = events.iter().map(|e| e.trigger).min_by_key(|t| (t.start, t.end)) {
        events.retain(|e| e.trigger == first);
    }
    events
}

/// `SET: CODE ALL`: the tree's events with every verb's events from the linear reading
/// that the tree did not code (a verb the tree coded by its default code alone takes the
/// linear reading's pattern code).
///
/// A dominant verb (its code marked `!`, `ATTEND [031!]`) that codes leaves only its own
/// events.
pub(super) fn code_all(tree: Vec<CodedEvent>, mut linear: Vec<CodedEvent>) -> Vec<CodedEvent> {
    let dominant: Vec<model::Span> =
        linear.iter().filter(|e| e.code.ends_with('!')).map(|e| e.trigger).collect();
    let keep = |e: &CodedEvent| dominant.is_empty() || dominant.contains(&e.trigger);
    let tree: Vec<CodedEvent> = tree.into_iter().filter(keep).collect();
    linear.retain(keep);
    for e in &mut linear {
        if let Some(c) = e.code.strip_suffix('!') {
            e.code = c.to_string();
        }
    }
    let mut out: Vec<CodedEvent> = Vec::new();
    for e in &tree {
        let better = e.pattern.is_none()
            && linear.iter().any(|l| l.trigger == e.trigger && l.pattern.is_some());
        if !better {
            out.push(e.clone());
        }
    }
    for l in linear {
        let same = |e: &CodedEvent| {
            e.code == l.code && e.source.code == l.source.code && e.target.code == l.target.code
        };
        if !out.iter().any(|e| e.trigger == l.trigger || same(e)) {
            out.push(l);
        }
    }
    out
}

/// Words that make the next word a noun in TABARI's reading.
fn is_determiner(w: &str) -> bool {
    matches!(w, "THE" | "A" | "AN")
}

impl Analysis<'_> {
    /// Whether word `i` reads as a verb in TABARI's linear sense.
    fn linear_verb(&self, i: usize, dicts: &Dictionaries) -> bool {
        let t = &self.s.tokens[i];
        if t.upos == "PUNCT" || !t.form.chars().next().is_some_and(char::is_alphabetic) {
            return false;
        }
        // A capitalised word inside the sentence is a noun (a name or a title).
        if i > 0 && t.form.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        if i > 0 && is_determiner(&self.words[i - 1]) {
            return false;
        }
        // A possessive ending ("donate's") makes a noun.
        if self
            .s
            .tokens
            .get(i + 1)
            .is_some_and(|n| (n.form == "'s" || n.xpos == "POS") && n.span.start == t.span.end)
        {
            return false;
        }
        // Words the actor dictionary names are actors.
        let ws = [self.words[i].as_str()];
        if dicts.actors.index.match_at(&ws, 0).is_some() {
            return false;
        }
        if let Some(p) = self.phrase_of[i] {
            if !self.phrases[p].null
                && self.phrases[p].texts.iter().any(|(ws, _)| ws.first() == Some(&i))
            {
                return false;
            }
        }
        dicts.verbs.lookup(&self.words[i]).is_some()
    }

    /// Words inside comma-delimited clauses as TABARI deletes them: every word between two
    /// commas (or before the first, after the last) when the clause's length is within the
    /// configured bounds, whatever the tree says.
    fn linear_deleted(&self, opts: &Options) -> Vec<bool> {
        let n = self.s.tokens.len();
        let mut gone: Vec<bool> = (0..n).map(|k| !self.live(k)).collect();
        let commas: Vec<usize> = (0..n).filter(|&i| self.s.tokens[i].form == ",").collect();
        let Some(&last) = commas.last() else { return gone };
        let words = |lo: usize, hi: usize| {
            (lo..hi)
                .filter(|&k| self.s.tokens[k].form.chars().next().is_some_and(char::is_alphabetic))
                .count()
        };
        let mut ranges = Vec::new();
        if opts.comma_bmax > 0 {
            ranges.push((0, commas[0], opts.comma_bmin, opts.comma_bmax));
        }
        if opts.comma_emax > 0 {
            let end = if self.s.tokens[n - 1].upos == "PUNCT" { n - 1 } else { n };
            ranges.push((last + 1, end, opts.comma_emin, opts.comma_emax));
        }
        if opts.comma_max > 0 {
            for w in commas.windows(2) {
                ranges.push((w[0] + 1, w[1], opts.comma_min, opts.comma_max));
            }
        }
        for (lo, hi, min, max) in ranges {
            let c = words(lo, hi);
            if lo < hi && c >= min && c <= max {
                for g in &mut gone[lo..hi] {
                    *g = true;
                }
            }
        }
        gone
    }

    /// Whether phrase `p` is an uncoded pronoun ("he", "them"), which TABARI dereferences.
    fn is_pronoun(&self, p: usize) -> bool {
        self.phrases[p].null
            && self.phrases[p]
                .texts
                .iter()
                .all(|(ws, _)| ws.len() == 1 && self.s.tokens[ws[0]].upos == "PRON")
    }

    /// The first coded (not `---`) phrase among `seq`'s words.
    fn first_coded(&self, seq: &[usize]) -> Option<usize> {
        seq.iter().filter_map(|&k| self.phrase_of[k]).find(|&p| !self.phrases[p].null)
    }

    /// The coded actors of phrase `p` (a compound's members in order).
    fn actors_of(&self, p: usize) -> Vec<CodedActor> {
        let ph = &self.phrases[p];
        ph.codes
            .iter()
            .zip(&ph.texts)
            .filter(|(c, _)| !c.starts_with("---"))
            .map(|(c, (ws, span))| CodedActor {
                code: c.clone(),
                text: ws
                    .iter()
                    .map(|&k| self.s.tokens[k].form.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                span: *span,
            })
            .collect()
    }

    /// Source–target pairs when one side has no actor, as TABARI fills it: with `DEFAULT:
    /// SOURCE [X] PRIOR` a verb without an actor before it takes X; otherwise the actors
    /// after it supply the source (the first) and the target (the next, else the default
    /// target). A verb without an actor after it takes the default target at once with
    /// `AFTER`, else the other members of a compound source, else the default target.
    fn default_pairs(
        &self,
        src: Option<usize>,
        tgt: Option<usize>,
        lower: &[usize],
        opts: &Options,
    ) -> Vec<(CodedActor, CodedActor)> {
        let fixed = |c: &str| CodedActor {
            code: c.to_string(),
            text: String::new(),
            span: Default::default(),
        };
        let cross = |a: Vec<CodedActor>, b: Vec<CodedActor>| {
            let mut v = Vec::new();
            for x in &a {
                for y in &b {
                    v.push((x.clone(), y.clone()));
                }
            }
            v
        };
        match (src, tgt) {
            (None, Some(t)) => {
                if let Some((c, true)) = &opts.default_source {
                    return cross(vec![fixed(c)], self.actors_of(t));
                }
                let mut after: Vec<CodedActor> = Vec::new();
                let mut seen = Vec::new();
                for p in lower.iter().filter_map(|&k| self.phrase_of[k]) {
                    if !seen.contains(&p) && !self.phrases[p].null {
                        seen.push(p);
                        after.extend(self.actors_of(p));
                    }
                }
                if after.is_empty() {
                    return Vec::new();
                }
                let first = after.remove(0);
                if !after.is_empty() {
                    cross(vec![first], after)
                } else if let Some((c, _)) = &opts.default_target {
                    vec![(first, fixed(c))]
                } else {
                    Vec::new()
                }
            }
            (Some(s), None) => {
                let mut srcs = self.actors_of(s);
                match &opts.default_target {
                    Some((c, true)) => cross(srcs, vec![fixed(c)]),
                    _ if srcs.len() > 1 => {
                        let first = srcs.remove(0);
                        cross(vec![first], srcs)
                    }
                    Some((c, false)) => cross(srcs, vec![fixed(c)]),
                    None => Vec::new(),
                }
            }
            (None, None) => match (&opts.default_source, &opts.default_target) {
                (Some((s, _)), Some((t, _))) => vec![(fixed(s), fixed(t))],
                _ => Vec::new(),
            },
            (Some(_), Some(_)) => Vec::new(),
        }
    }

    /// Codes the sentence by TABARI's linear reading (see the module header).
    pub(super) fn code_linear(&self, dicts: &Dictionaries, opts: &Options) -> Vec<CodedEvent> {
        let n = self.s.tokens.len();
        let mut events: Vec<CodedEvent> = Vec::new();
        let gone = self.linear_deleted(opts);
        let visible = |k: usize| {
            !gone[k] && self.s.tokens[k].upos != "PUNCT" && self.s.tokens[k].xpos != "POS"
        };
        let mut provisional: Vec<CodedEvent> = Vec::new();
        // `SET: CODE ALL`: every verb that codes gives its events, not only the first.
        let all = opts.code_by == CodeBy::All;
        for (i, &g) in gone.iter().enumerate() {
            if g || !self.linear_verb(i, dicts) {
                continue;
            }
            let Some(forms) = dicts.verbs.lookup(&self.words[i]) else { continue };
            for (form, vstart, vend) in self.pick_forms(i, forms) {
                let upper: Vec<usize> = (0..vstart).rev().filter(|&k| visible(k)).collect();
                let lower: Vec<usize> = (vend + 1..n).filter(|&k| visible(k)).collect();
                let block = &dicts.verbs.blocks[form.block as usize];
                let (code, src_slot, tgt_slot, pattern) =
                    self.form_code(form, &upper, &lower, dicts, false);
                if code == "---" || code.is_empty() {
                    continue;
                }
                let mut cues = Vec::new();
                let negated = self.negation(i, i, &mut cues);
                let trigger = self.s.tokens[vstart].span.cover(self.s.tokens[vend].span);
                let coded = |p: &usize| !self.phrases[*p].null;
                // A pronoun in the `$` slot ("SAID $ *" on "said he regretted") stands for
                // the nearest coded actor before it, as TABARI dereferences it.
                let src_slot = src_slot.map(|p| {
                    let pronoun = self.is_pronoun(p);
                    let at = upper.iter().position(|&k| self.phrase_of[k] == Some(p));
                    match at {
                        Some(at) if pronoun => self.first_coded(&upper[at + 1..]).unwrap_or(p),
                        _ => p,
                    }
                });
                let (sr, tg) = if all {
                    // Every verb of the sentence is coded: its source is the sentence's
                    // first actor before it, its target the first actor after it; a pronoun
                    // right after the verb ("assist them", "its embassy") stands for the
                    // nearest actor before the verb.
                    let tg = tgt_slot.or_else(|| match lower.first() {
                        Some(&k) if self.s.tokens[k].upos == "PRON" => self.first_coded(&upper),
                        _ => self.first_coded(&lower),
                    });
                    let earliest: Vec<usize> = upper.iter().rev().copied().collect();
                    let sr = src_slot
                        .or_else(|| self.first_coded(&earliest))
                        .filter(|&p| tg != Some(p) && coded(&p));
                    (sr, tg)
                } else {
                    let tg = tgt_slot.or_else(|| self.first_coded(&lower));
                    let sr = match tg {
                        Some(tg) => src_slot.or_else(|| self.find_source(&upper, tg)).filter(coded),
                        None => src_slot.or_else(|| self.first_coded(&upper)),
                    };
                    (sr, tg)
                };
                let (Some(sr), Some(tg)) = (sr, tg) else {
                    let pronoun = upper.iter().any(|&k| self.s.tokens[k].upos == "PRON");
                    let pairs = match (&opts.forward_source, sr, tg) {
                        // `FORWARD:`: "He asked Gondor" takes the story's forwarded actor.
                        (Some(f), None, Some(t)) if pronoun => {
                            let f = CodedActor {
                                code: f.clone(),
                                text: String::new(),
                                span: Default::default(),
                            };
                            self.actors_of(t).into_iter().map(|a| (f.clone(), a)).collect()
                        }
                        _ => self.default_pairs(sr, tg, &lower, opts),
                    };
                    let before = events.len();
                    for (s, t) in pairs {
                        for (k, c) in code.split(':').enumerate().take(2) {
                            let (s, t) = if k == 0 { (&s, &t) } else { (&t, &s) };
                            if c.is_empty() || s.code == t.code {
                                continue;
                            }
                            events.push(CodedEvent {
                                source: s.clone(),
                                target: t.clone(),
                                code: c.to_string(),
                                trigger,
                                negated,
                                passive: false,
                                pattern: pattern.clone(),
                                cues: cues.clone(),
                            });
                        }
                    }
                    if events.len() > before {
                        if all {
                            break;
                        }
                        return events;
                    }
                    continue;
                };
                let before = events.len();
                self.make_events(
                    &mut events,
                    sr,
                    tg,
                    false,
                    &code,
                    block.colon,
                    trigger,
                    negated,
                    &pattern,
                    &cues,
                    None,
                    None,
                    opts,
                );
                if events.len() > before {
                    // A `?` code (`SAID [023?]`) holds only when no later verb codes.
                    if code.ends_with('?') {
                        if provisional.is_empty() {
                            provisional = events.split_off(before);
                        } else {
                            events.truncate(before);
                        }
                        break;
                    }
                    if all {
                        break;
                    }
                    return events;
                }
            }
        }
        if events.is_empty() {
            provisional
        } else {
            events
        }
    }
}
