//! What `annalist dict show|lookup` prints: a summary of the compiled lexicon, and every
//! entry a name reaches — actor (with all its dated codes and the one valid on a date),
//! agent, verb form, nominal trigger, discard — found through the same compiled indexes the
//! coder uses, so a lookup shows what coding will see.

use crate::{Builtin, Stats};
use coder::dict::actors::PhraseIndex;
use coder::dict::norm_word;
use std::fmt::Write as _;

/// One thing a looked-up name is in the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hit {
    Actor {
        primary: String,
        /// `CODE` or `CODE from-to` per line, in file order.
        codes: Vec<String>,
        /// The code valid on the asked date (or the undated one).
        on_date: Option<String>,
    },
    Agent {
        primary: String,
        code: String,
    },
    Verb {
        form: String,
        block: String,
        code: String,
        patterns: usize,
    },
    Noun {
        form: String,
        block: String,
        code: String,
        patterns: usize,
    },
    Discard {
        phrase: String,
    },
}

/// Splits a name as the dictionaries write words: upper case, words separated by spaces or `_`.
fn words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '_')
        .filter(|w| !w.is_empty())
        .map(norm_word)
        .collect()
}

/// The entry an index maps the whole name to, if the phrase covers every word.
fn whole(index: &PhraseIndex, ws: &[String]) -> Option<u32> {
    if ws.is_empty() {
        return None;
    }
    let refs: Vec<&str> = ws.iter().map(String::as_str).collect();
    match index.match_at(&refs, 0) {
        Some((p, n)) if n == refs.len() => Some(p.entry),
        _ => None,
    }
}

/// Everything `name` is in the lexicon; `date` is `YYYYMMDD` for choosing dated codes.
pub fn lookup(b: &Builtin, name: &str, date: Option<u32>) -> Vec<Hit> {
    let ws = words(name);
    let mut hits = Vec::new();
    let d = &b.dictionaries;
    if let Some(e) = whole(&d.actors.index, &ws) {
        let entry = &d.actors.entries[e as usize];
        let codes = entry
            .codes
            .iter()
            .map(|c| match (c.from, c.to) {
                (None, None) => c.code.clone(),
                (f, t) => format!(
                    "{} {}-{}",
                    c.code,
                    f.map(|x| x.to_string()).unwrap_or_default(),
                    t.map(|x| x.to_string()).unwrap_or_default()
                ),
            })
            .collect();
        hits.push(Hit::Actor {
            primary: entry.primary.clone(),
            codes,
            on_date: entry.code_on(date).map(str::to_string),
        });
    }
    if let Some(e) = whole(&d.agents.index, &ws) {
        let a = &d.agents.entries[e as usize];
        let code = match a.place {
            coder::dict::actors::AgentPlace::After => format!("~{}", a.code),
            coder::dict::actors::AgentPlace::Before => format!("{}~", a.code),
        };
        hits.push(Hit::Agent { primary: a.primary.clone(), code });
    }
    if ws.len() == 1 {
        for (dict, noun) in [(&d.verbs, false), (&b.nouns.verbs, true)] {
            for f in dict.forms.get(&ws[0]).into_iter().flatten() {
                let block = &dict.blocks[f.block as usize];
                let mut form = ws[0].clone();
                for p in f.pre.iter() {
                    form = format!("{p} {form}");
                }
                for p in &f.post {
                    form = format!("{form} {p}");
                }
                let (block, code, patterns) =
                    (block.name.clone(), f.code.clone(), block.patterns.len());
                hits.push(if noun {
                    Hit::Noun { form, block, code, patterns }
                } else {
                    Hit::Verb { form, block, code, patterns }
                });
            }
        }
    }
    let text = ws.join(" ");
    if let Some((_, phrase)) = d.discards.check(&text) {
        hits.push(Hit::Discard { phrase });
    }
    hits
}

/// Human-readable lines for `hits`.
pub fn render(name: &str, date: Option<u32>, hits: &[Hit]) -> String {
    let mut out = String::new();
    if hits.is_empty() {
        let _ = writeln!(out, "{name}: not in the built-in lexicon");
        return out;
    }
    for h in hits {
        let _ = match h {
            Hit::Actor { primary, codes, on_date } => {
                let when = date.map(|d| format!(" on {d}")).unwrap_or_default();
                writeln!(
                    out,
                    "actor  {primary}: {}{when} -> {}",
                    codes.iter().map(|c| format!("[{c}]")).collect::<Vec<_>>().join(" "),
                    on_date.as_deref().unwrap_or("(no code)")
                )
            }
            Hit::Agent { primary, code } => writeln!(out, "agent  {primary} [{code}]"),
            Hit::Verb { form, block, code, patterns } => {
                writeln!(out, "verb   {form}: block {block} [{code}], {patterns} patterns")
            }
            Hit::Noun { form, block, code, patterns } => {
                writeln!(out, "noun   {form}: block {block} [{code}], {patterns} patterns")
            }
            Hit::Discard { phrase } => writeln!(out, "discard {phrase}"),
        };
    }
    out
}

/// The summary `annalist dict show` prints: per-category counts and sizes.
pub fn summary(b: &Builtin, stats: &Stats) -> String {
    let d = &b.dictionaries;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "built-in lexicon (lexicon/*.txt, compiled {} bytes)",
        crate::compiled_size()
    );
    let _ = writeln!(out, "  countries and territories  {:>6}", stats.countries.len());
    let _ = writeln!(out, "  IGOs and NGOs              {:>6}", stats.international);
    let _ = writeln!(out, "  groups, parties, movements {:>6}", stats.groups);
    let _ = writeln!(out, "  office holders (dated)     {:>6}", stats.office_holders);
    let _ = writeln!(
        out,
        "  actor entries / names      {:>6} / {} (compiled phrases {})",
        stats.actor_entries,
        stats.actor_names,
        d.actors.index.len()
    );
    let _ = writeln!(out, "  agents                     {:>6}", stats.agents);
    let _ = writeln!(
        out,
        "  verbs / patterns           {:>6} / {} (compiled forms {}, blocks {})",
        stats.verbs,
        stats.verb_patterns,
        d.verbs.forms.len(),
        d.verbs.blocks.len()
    );
    let _ = writeln!(out, "  nominal trigger entries    {:>6}", stats.nouns);
    let _ = writeln!(out, "  discards                   {:>6}", stats.discards);
    let _ = writeln!(
        out,
        "  CAMEO codes used           {:>6} (3-digit codes missing: {})",
        stats.event_codes.len(),
        stats.missing_base_codes().len()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_finds_actor_agent_verb_and_noun() {
        let b = crate::builtin().unwrap();
        let hits = lookup(b, "Nouri al-Maliki", Some(20090120));
        assert!(
            matches!(&hits[0], Hit::Actor { on_date: Some(c), .. } if c == "IRQGOV"),
            "{hits:?}"
        );
        let hits = lookup(b, "nouri al-maliki", Some(20160101));
        assert!(matches!(&hits[0], Hit::Actor { on_date: Some(c), .. } if c == "IRQELI"));
        let hits = lookup(b, "police", None);
        assert!(hits.iter().any(|h| matches!(h, Hit::Agent { code, .. } if code == "~COP")));
        let hits = lookup(b, "surrendered", None);
        assert!(hits.iter().any(|h| matches!(h, Hit::Verb { block, .. } if block == "SURRENDER")));
        let hits = lookup(b, "massacres", None);
        assert!(hits.iter().any(|h| matches!(h, Hit::Noun { code, .. } if code == "202")));
        assert!(lookup(b, "Xyzzy Plugh", None).is_empty());
        let text = render("Xyzzy", None, &[]);
        assert_eq!(text, "Xyzzy: not in the built-in lexicon\n");
    }
}
