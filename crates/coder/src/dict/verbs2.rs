//! Verb dictionaries in PETRARCH2's CAMEO.2.0 synset form, compiled into the same
//! [`VerbDict`] as the linear patterns.
//!
//! ```text
//! &SYNSET_ / +MEMBER_           word sets
//! --- NAME [CODE] ---           a verb group; member verbs follow, irregular forms in {…}
//! - pre * post (PREP {adj noun}) [CODE] # verb
//! ~ a (a b ATTACK) SAY = a b 015   transformations (read, not applied: reported once)
//! ```
//! Parentheses (prepositional phrases) and braces (noun phrases with adjectives) are read
//! as plain word sequences after the verb, which is how our linear matcher treats them.
//! `A:B` codes mean active:passive here ([`ColonCode::ActivePassive`]).

use super::verbs::{ColonCode, VerbDict};
use super::{lines, Line};
use crate::diag::Diagnostic;

/// True when the text looks like a CAMEO.2.0 file (patterns with `(…)`/`{…}` groups, or
/// `---  NAME   [CODE]  ---` headers with synsets ending in `_`).
pub fn looks_like_cameo2(text: &str) -> bool {
    let mut groups = 0;
    let mut patterns = 0;
    for l in text.lines().take(20_000) {
        let t = l.trim_start();
        if t.starts_with('-') && !t.starts_with("---") {
            patterns += 1;
            if t.contains('(') || t.contains('{') {
                groups += 1;
            }
        }
    }
    patterns > 0 && groups * 10 >= patterns
}

/// Reads one CAMEO.2.0 verb file into `dict`; returns its diagnostics.
pub fn add_text(dict: &mut VerbDict, text: &str, name: &str) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let ls: Vec<Line> = lines(text, name, &mut diags);
    let mut block: Option<u32> = None;
    let mut synset: Option<u32> = None;
    let mut transformations = 0usize;
    for l in &ls {
        let t = l.text.trim();
        if t.starts_with("---") {
            synset = None;
            let inner = t.trim_start_matches('-').trim_end_matches('-').trim();
            match (inner.find('['), inner.find(']')) {
                (Some(a), Some(b)) if b > a && !inner[..a].trim().is_empty() => {
                    let id = dict.new_block(inner[..a].trim(), inner[a + 1..b].trim());
                    dict.blocks[id as usize].colon = ColonCode::ActivePassive;
                    block = Some(id);
                }
                _ => {
                    diags.push(Diagnostic::at(
                        name,
                        l.no,
                        format!("verb group header without name or [CODE]: `{t}`"),
                    ));
                    block = None;
                }
            }
            continue;
        }
        if let Some(s) = t.strip_prefix('&') {
            let sname = s.split_whitespace().next().unwrap_or("");
            if sname.is_empty() {
                diags.push(Diagnostic::at(name, l.no, "synset without a name"));
            } else {
                synset = Some(dict.synset_id(sname));
                block = None;
            }
            continue;
        }
        if t.starts_with('~') {
            transformations += 1;
            continue;
        }
        if let Some(m) = t.strip_prefix('+') {
            match synset {
                Some(s) => dict.add_synset_member(s, m),
                None => diags.push(Diagnostic::at(name, l.no, "`+` member outside a synset")),
            }
            continue;
        }
        if let Some(p) = t.strip_prefix('-') {
            let Some(b) = block else {
                diags.push(Diagnostic::at(name, l.no, "pattern outside a verb group"));
                continue;
            };
            // The code is the last `[…]` (braces may not contain brackets).
            let (Some(a), Some(z)) = (p.rfind('['), p.rfind(']')) else {
                diags.push(Diagnostic::at(name, l.no, format!("pattern without [CODE]: `{t}`")));
                continue;
            };
            if z < a {
                diags.push(Diagnostic::at(name, l.no, "malformed [CODE]"));
                continue;
            }
            let code = p[a + 1..z].trim();
            let body: String = p[..a]
                .chars()
                .map(|c| if matches!(c, '(' | ')' | '{' | '}') { ' ' } else { c })
                .collect();
            let body = body.replace('*', " * ");
            let Some((pre, post)) = body.split_once(" * ") else {
                diags.push(Diagnostic::at(
                    name,
                    l.no,
                    format!("pattern without the verb marker `*`: `{t}`"),
                ));
                continue;
            };
            if p[..a].matches('(').count() != p[..a].matches(')').count()
                || p[..a].matches('{').count() != p[..a].matches('}').count()
            {
                diags.push(Diagnostic::at(
                    name,
                    l.no,
                    "unbalanced brackets in pattern (read anyway)",
                ));
            }
            dict.add_pattern_sides(b, pre, post, code, format!("{name}:{}", l.no));
            continue;
        }
        let Some(b) = block else {
            diags.push(Diagnostic::at(name, l.no, format!("text outside any block: `{t}`")));
            continue;
        };
        let (phrase, forms) = match (t.find('{'), t.find('}')) {
            (Some(a), Some(z)) if z > a => {
                (t[..a].trim(), t[a + 1..z].split_whitespace().map(str::to_string).collect())
            }
            (None, None) => (t, Vec::new()),
            _ => {
                diags.push(Diagnostic::at(name, l.no, "unbalanced `{}` in verb line"));
                continue;
            }
        };
        let phrase = phrase.split('[').next().unwrap_or("").trim();
        if phrase.is_empty() {
            continue;
        }
        let code = dict.blocks[b as usize].code.clone();
        dict.add_verb(phrase, &forms, b, &code);
    }
    if transformations > 0 {
        diags.push(Diagnostic::at(
            name,
            0,
            format!("{transformations} transformation rules (`~`) read but not applied; verb combination is built in"),
        ));
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::verbs::PatElem;

    #[test]
    fn groups_and_brackets() {
        let text = "&MILITARY\n+ARMED_FORCES\n+TROOPS\n---  RUSH   [---]  ---\nRUSH\nSPEED {SPED}\n- * (TO)   [042:043]  # RUSH\n- &MILITARY * (TO BORDER) [154]\n- * {ARMS [072]\n~ a (a b ATTACK) SAY = a b 015\n";
        assert!(looks_like_cameo2(text));
        let mut d = VerbDict::default();
        let diags = add_text(&mut d, text, "c.txt");
        assert_eq!(diags.len(), 2, "{diags:?}");
        d.finish();
        assert!(d.forms.contains_key("SPED"));
        let b = &d.blocks[0];
        assert_eq!(b.colon, ColonCode::ActivePassive);
        let p = b.patterns.iter().find(|p| p.code == "154").expect("pattern");
        assert_eq!(p.lower, vec![PatElem::Word("TO".into()), PatElem::Word("BORDER".into())]);
        assert!(matches!(p.upper[0], PatElem::Synset(_)));
    }
}
