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
//!   verb without actors hands over to the next candidate, as TABARI does.

use super::{Analysis, CodedEvent, Options};
use crate::dict::Dictionaries;

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

    /// Codes the sentence by TABARI's linear reading (see the module header).
    pub(super) fn code_linear(&self, dicts: &Dictionaries, opts: &Options) -> Vec<CodedEvent> {
        let n = self.s.tokens.len();
        let mut events: Vec<CodedEvent> = Vec::new();
        let gone = self.linear_deleted(opts);
        let visible = |k: usize| {
            !gone[k] && self.s.tokens[k].upos != "PUNCT" && self.s.tokens[k].xpos != "POS"
        };
        for i in 0..n {
            if gone[i] || !self.linear_verb(i, dicts) {
                continue;
            }
            let Some(forms) = dicts.verbs.lookup(&self.words[i]) else { continue };
            for (form, vstart, vend) in self.pick_forms(i, forms) {
                let upper: Vec<usize> = (0..vstart).rev().filter(|&k| visible(k)).collect();
                let lower: Vec<usize> = (vend + 1..n).filter(|&k| visible(k)).collect();
                let block = &dicts.verbs.blocks[form.block as usize];
                let matched = block
                    .patterns
                    .iter()
                    .filter(|p| p.needs.iter().all(|w| self.present.contains(w)))
                    .find_map(|p| {
                        self.match_pattern(p, &upper, &lower, dicts).map(|(s, t)| (p, s, t))
                    });
                let (code, src_slot, tgt_slot, pattern) = match matched {
                    Some((p, s, tg)) if p.code != "---" => {
                        (p.code.clone(), s, tg, Some(p.origin.clone()))
                    }
                    _ => (form.code.clone(), None, None, None),
                };
                if code == "---" || code.is_empty() {
                    continue;
                }
                let Some(tg) = tgt_slot.or_else(|| self.find_target(&lower)) else { continue };
                let Some(sr) = src_slot.or_else(|| self.find_source(&upper, tg)) else {
                    continue;
                };
                let mut cues = Vec::new();
                let negated = self.negation(i, i, &mut cues);
                let trigger = self.s.tokens[vstart].span.cover(self.s.tokens[vend].span);
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
                    opts,
                );
                if events.len() > before {
                    return events;
                }
            }
        }
        events
    }
}
