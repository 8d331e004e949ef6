//! Issue (theme) dictionaries: `<ISSUE CATEGORY="…">` blocks of `phrase [CODE]` lines, where
//! `n:`/`v:` mark words to inflect as nouns/verbs, `+` inside a word allows a hyphen, space
//! or nothing (`pre+k` = PREK, PRE-K, PRE K), and a `~` line is a phrase that suppresses all
//! issue coding of the sentence.

use super::{noun_plurals, strip_comment};
use crate::diag::Diagnostic;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IssueDict {
    /// (upper-cased phrase variants as space-joined words, code, category)
    pub phrases: Vec<(String, String, String)>,
    pub ignore: Vec<String>,
}

fn variants(word: &str) -> Vec<String> {
    let (kind, w) = match word.split_once(':') {
        Some((k, w)) if k.len() == 1 => (k, w),
        _ => ("", word),
    };
    let w = w.to_uppercase();
    let mut base: Vec<String> = if w.contains('+') {
        vec![w.replace('+', ""), w.replace('+', "-"), w.replace('+', " ")]
    } else {
        vec![w]
    };
    match kind {
        "n" => {
            let pl: Vec<String> = base.iter().flat_map(|b| noun_plurals(b)).collect();
            base.extend(pl);
        }
        "v" => {
            let forms: Vec<String> =
                base.iter().flat_map(|b| super::verbs::regular_forms(b)).collect();
            base.extend(forms);
        }
        _ => {}
    }
    base.sort();
    base.dedup();
    base
}

impl IssueDict {
    pub fn add_text(&mut self, text: &str, name: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        let mut category = String::new();
        for (i, raw) in text.lines().enumerate() {
            let no = i + 1;
            let t = strip_comment(raw).trim();
            if t.is_empty() {
                continue;
            }
            if t.starts_with("<ISSUE") {
                match t.split_once("CATEGORY=\"").and_then(|(_, r)| r.split_once('"')) {
                    Some((c, _)) => category = c.to_string(),
                    None => diags.push(Diagnostic::at(name, no, "ISSUE tag without CATEGORY")),
                }
                continue;
            }
            if t.starts_with('<') {
                continue;
            }
            if let Some(ig) = t.strip_prefix('~') {
                self.ignore.push(ig.trim().to_uppercase());
                continue;
            }
            let (phrase, code) = match (t.find('['), t.find(']')) {
                (Some(a), Some(b)) if b > a => (t[..a].trim(), t[a + 1..b].trim()),
                _ => {
                    diags.push(Diagnostic::at(
                        name,
                        no,
                        format!("issue line without [CODE]: `{t}`"),
                    ));
                    continue;
                }
            };
            if phrase.is_empty() || code.is_empty() {
                diags.push(Diagnostic::at(name, no, "issue line with empty phrase or code"));
                continue;
            }
            // Cartesian product of word variants, capped to stay bounded.
            let mut forms = vec![String::new()];
            for w in phrase.split_whitespace() {
                let vs = variants(w);
                let mut next = Vec::new();
                for f in &forms {
                    for v in &vs {
                        next.push(if f.is_empty() { v.clone() } else { format!("{f} {v}") });
                    }
                }
                next.truncate(64);
                forms = next;
            }
            for f in forms {
                self.phrases.push((f, code.to_string(), category.clone()));
            }
        }
        diags
    }

    /// Issue codes found in a sentence with their counts; none when an ignore phrase occurs.
    pub fn issues(&self, text: &str) -> Vec<(String, u32)> {
        let padded = format!(" {} ", super::discards::text_words(text).join(" "));
        if self.ignore.iter().any(|ig| padded.contains(&format!(" {ig} "))) {
            return Vec::new();
        }
        let mut out: Vec<(String, u32)> = Vec::new();
        for (p, code, _) in &self.phrases {
            if padded.contains(&format!(" {p} ")) {
                match out.iter_mut().find(|(c, _)| c == code) {
                    Some((_, n)) => *n += 1,
                    None => out.push((code.clone(), 1)),
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_and_ignores() {
        let mut d = IssueDict::default();
        let diags = d.add_text("<ISSUE CATEGORY=\"EDU\">\nn:teacher [TEACHERS]\npre+k [EARLY]\n~a head start\nbroken\n", "i.txt");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, 5);
        assert_eq!(
            d.issues("Teachers went on strike over pre-k."),
            vec![("TEACHERS".into(), 1), ("EARLY".into(), 1)]
        );
        assert!(d.issues("teachers got a head start").is_empty());
    }
}
