//! Denials and counter-claims, linked to the claims they contest.
//!
//! Three shapes are found, all read off the dependency tree:
//! - a verb of denial with a subject: "the group **denied** the report", "**rejected** the
//!   claims", "**denied** hitting civilians", "**dismissed** accusations that …";
//! - a verdict of falsehood on a claim: "called it **a sheer fabrication**", "said the report
//!   was **baseless**";
//! - a counter-claim: a negated or denied event that restates an earlier claim of the article
//!   by someone else ("diplomats said Sudan blocks monitors" … "the ministry said the government
//!   had **never** obstructed the monitors").
//!
//! The contested claims are, first, the events stated inside the denial ("denied government
//! accusations that they had **attacked** army positions") together with earlier events of the
//! same CAMEO root whose actors agree with them; when the denial only points back ("denied the
//! report", "rejected the claim"), the non-background events of the few sentences before it,
//! narrowed to the acts of the denier when the denier is an actor of some of them, never the
//! statements and accusations themselves (a denial contests what was alleged, not that it was
//! said).

use crate::quotes::Antecedent;
use crate::tree::Tree;
use model::{AnalyzedSentence, AttributionLink, AttributionRole, Denial, Event, Modality, Span};

/// Verbs whose subject denies their object or complement.
const DENY_VERBS: &[&str] = &[
    "deny",
    "reject",
    "dismiss",
    "refute",
    "rebut",
    "dispute",
    "contest",
    "disavow",
    "repudiate",
    "disown",
];
/// Verbs that pass a verdict on their object ("called it a lie", "described the report as false").
const VERDICT_VERBS: &[&str] = &["call", "describe", "brand", "term", "label", "dub"];
/// Words that say a claim is false.
const FALSEHOOD: &[&str] = &[
    "lie",
    "fabrication",
    "falsehood",
    "fiction",
    "fabricated",
    "baseless",
    "false",
    "untrue",
    "groundless",
    "unfounded",
    "nonsense",
    "propaganda",
    "slander",
    "fake",
    "absurd",
    "ridiculous",
    "lies",
    "smear",
];
/// Nouns that name a claim ("the report", "the allegations").
const CLAIM_NOUNS: &[&str] = &[
    "report",
    "claim",
    "allegation",
    "accusation",
    "charge",
    "account",
    "story",
    "assertion",
    "suggestion",
    "statement",
    "rumor",
    "rumour",
    "it",
    "this",
    "that",
];
/// Verbs of accusation: what they allege is the claim a denial after them answers.
const ACCUSE_VERBS: &[&str] = &["accuse", "blame", "charge", "allege"];
/// Claim nouns that name an accusation.
const ACCUSATION_NOUNS: &[&str] = &["charge", "accusation", "allegation"];
/// Objects of "reject" / "dismiss" that are proposals or people, not claims.
const NOT_CLAIMS: &[&str] = &[
    "independence",
    "proposal",
    "plan",
    "offer",
    "deal",
    "agreement",
    "bill",
    "law",
    "budget",
    "demand",
    "request",
    "appeal",
    "resolution",
    "ultimatum",
    "candidacy",
    "nomination",
    "application",
    "bid",
    "motion",
    "minister",
    "commander",
    "chief",
    "governor",
    "official",
    "general",
    "ambassador",
    "head",
];
/// Nouns for a part in something ("denied any involvement", "any link to the man"): what is
/// denied is the denier's own part in the events before, and nothing else.
const INVOLVEMENT: &[&str] = &[
    "involvement",
    "role",
    "link",
    "tie",
    "connection",
    "part",
    "responsibility",
    "participation",
    "complicity",
    "knowledge",
    "hand",
];
/// How many sentences back a pointing denial ("denied the report") may reach.
const WINDOW: usize = 3;

/// Finds the article's denials and counter-claims. `events` must already carry their modality,
/// historical flag and attribution (see [`crate::annotate`]); `named` resolves pronoun deniers.
pub fn find(
    text: &str,
    sentences: &[AnalyzedSentence],
    events: &[Event],
    named: &[(usize, Antecedent)],
) -> Vec<Denial> {
    let mut out: Vec<Denial> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let tree = Tree::new(s, text);
        // One denial per denier in a sentence: "denied the report and called it a lie" is one.
        let mut seen_subjects: Vec<Option<usize>> = Vec::new();
        // A verb of denial, which states what is denied, before a verdict of falsehood by the
        // same speaker ("said the accusation was baseless and denied that its troops had fired").
        let mut cues: Vec<Cue> = (0..tree.len()).filter_map(|v| cue_at(&tree, v)).collect();
        cues.sort_by_key(|c| (c.content != c.speaker_verb, c.span.start));
        for cue in cues {
            let subj = denier_subject(&tree, cue.speaker_verb);
            if seen_subjects.contains(&subj) {
                continue;
            }
            seen_subjects.push(subj);
            let denier = subj.and_then(|n| denier_link(&tree, n, si, events, named));
            // The deed a denier names as a gerund ("denied targeting civilians") is the denier's
            // own wording, coded beside the denial: it is denied, and the claims it answers are
            // found as for a stated act that was not coded.
            let (own, content): (Vec<usize>, Vec<usize>) =
                content_events(&tree, si, &cue, subj, events).into_iter().partition(|&i| {
                    cue.content == cue.speaker_verb
                        && tree.head_token_in(events[i].trigger).is_some_and(|t| {
                            tree.rel(t) == "xcomp"
                                && tree.head(t) == Some(cue.content)
                                && tree.tok(t).xpos == "VBG"
                        })
                });
            let mut claims: Vec<Span> =
                own.iter().chain(&content).map(|&i| events[i].trigger).collect();
            // A denial that states what it denies in a clause ("denied setting the blaze") is
            // about that act: when the act was not coded, it points back to nothing else.
            let states_act = cue.content == cue.speaker_verb
                && tree.children(cue.content).any(|c| matches!(tree.rel(c), "xcomp" | "ccomp"));
            // "…, a charge the group denied", "…, which Islamabad denies": a relative clause
            // on the accusation the sentence makes contests what that accusation alleges, and
            // nothing before it.
            let relative = tree.full_rel(cue.speaker_verb) == "acl:relcl"
                || misread_relative_subject(&tree, cue.speaker_verb).is_some()
                || tree.children(cue.speaker_verb).any(|c| {
                    matches!(tree.rel(c), "obj" | "nsubj") && tree.form_lower(c) == "which"
                });
            if content.is_empty() && relative {
                claims.extend(
                    events
                        .iter()
                        .filter(|e| {
                            e.sentence as usize == si
                                && contestable(e)
                                && !matches!(e.root.as_str(), "01" | "02" | "11")
                                && !e.trigger.overlaps(cue.span)
                                && tree.head_token_in(e.trigger).is_some_and(|t| {
                                    !crate::attribution::SPEECH.contains(&tree.lemma(t).as_str())
                                })
                        })
                        .map(|e| e.trigger),
                );
            } else if content.is_empty() && !states_act {
                let involvement = tree.children(cue.content).any(|c| {
                    tree.rel(c) == "obj"
                        && INVOLVEMENT.contains(&tree.lemma(c).to_lowercase().as_str())
                });
                let mut pointed = pointed_candidates(si, denier.as_ref(), involvement, events);
                // "denied the charge", "the accusations were fabricated": an accusation names
                // what was alleged (or said to be plotted) when the story alleges something,
                // and never the arrests made on it.
                let named = if tree.is_verbal(cue.content) {
                    tree.children(cue.content).find(|&c| tree.rel(c) == "obj")
                } else {
                    Some(cue.content)
                };
                let accusation = named.is_some_and(|n| {
                    ACCUSATION_NOUNS.contains(&tree.lemma(n).to_lowercase().as_str())
                });
                let alleged = |e: &&Event| {
                    matches!(
                        e.modality,
                        Modality::Alleged | Modality::Planned | Modality::Attempted
                    )
                };
                // "The military accused the Taliban of sheltering the fighters. A Taliban
                // spokesman said the claims were baseless": a denial right after an accusation
                // answers that accusation — what it alleges, and not the deeds told before it.
                let accusation_before = if involvement || si == 0 {
                    None
                } else {
                    events.iter().find(|e| {
                        e.sentence as usize == si - 1
                            && e.root == "11"
                            && sentences.get(si - 1).is_some_and(|s| {
                                let t = Tree::new(s, text);
                                t.head_token_in(e.trigger)
                                    .is_some_and(|h| ACCUSE_VERBS.contains(&t.lemma(h).as_str()))
                            })
                    })
                };
                if let Some(acc) = accusation_before {
                    // Its own sentence, and the earlier deeds of the one it accuses.
                    let accused = first_code(&acc.targets);
                    pointed.retain(|e| {
                        e.sentence as usize == si - 1
                            || (!accused.is_empty()
                                && !first_code(&e.sources).is_empty()
                                && same_party(first_code(&e.sources), accused))
                    });
                } else if accusation {
                    // "Rights groups said he had been tortured. The judiciary denied the
                    // charge": one charge (a singular noun) told by someone in the sentence
                    // just before is the one answered; "the charges" are all of them.
                    let singular = named.is_some_and(|n| tree.tok(n).feats.contains("Number=Sing"));
                    let near: Vec<&Event> = pointed
                        .iter()
                        .copied()
                        .filter(|e| e.sentence as usize + 1 == si && voiced(e))
                        .collect();
                    if singular && !near.is_empty() {
                        pointed = near;
                    }
                    if pointed.iter().any(alleged) {
                        pointed.retain(alleged);
                    } else {
                        // The charges are the reason for an arrest, never that it happened.
                        pointed.retain(|e| e.root != "17");
                    }
                } else {
                    // "The agency said it arrested three suspects … The group rejected the
                    // claim": what the accused contests is the deed or plot laid at its door,
                    // not that others were detained over it.
                    pointed.retain(|e| !e.code.starts_with("173"));
                }
                claims.extend(pointed.iter().map(|e| e.trigger));
            } else if content.is_empty() {
                claims.extend(stated_act_claims(
                    text,
                    sentences,
                    &tree,
                    &cue,
                    si,
                    denier.as_ref(),
                    events,
                ));
            } else {
                for &i in &content {
                    let given = presupposed(&tree, events[i].trigger);
                    claims.extend(restated_claims(&events[i], si, events).filter(|sp| {
                        let Some(e) = events.iter().find(|e| e.trigger == *sp) else {
                            return true;
                        };
                        let lemma = sentences.get(e.sentence as usize).and_then(|s| {
                            let t = Tree::new(s, text);
                            t.head_token_in(e.trigger).map(|h| t.lemma(h))
                        });
                        !lemma.is_some_and(|l| {
                            l.len() >= 4 && given.iter().any(|g| g.starts_with(l.as_str()))
                        })
                    }));
                }
                let told_with = casualties_of(&claims, si, events);
                claims.extend(told_with);
            }
            claims.extend(answered_in_sentence(&tree, &cue, si, events));
            claims.extend(own_negated_account(&tree, &cue, si, events));
            dedup(&mut claims);
            out.push(Denial {
                cue: cue.span,
                text: tree.slice(cue.span).to_string(),
                sentence: si as u32,
                denier,
                claims,
            });
        }
    }
    counter_claims(text, sentences, events, &mut out);
    out.sort_by_key(|d| (d.sentence, d.cue.start));
    out
}

/// A denial cue found at a token.
struct Cue {
    span: Span,
    /// The verb whose subject is the denier.
    speaker_verb: usize,
    /// The word whose dependents state what is denied.
    content: usize,
}

/// The denial cue starting at token `v`, if any.
fn cue_at(tree: &Tree, v: usize) -> Option<Cue> {
    let lemma = tree.lemma(v);
    let negated = |n: usize| crate::modality::negation(tree, n).is_some();
    if tree.is_verbal(v) && DENY_VERBS.contains(&lemma.as_str()) && !negated(v) {
        // "rejected" as a bare adjective ("the rejected plan") has no subject: not a denial.
        // A finite verb whose subject the parser took from "on Wednesday" still denies, with
        // its denier unknown.
        let day_subject = tree
            .children(v)
            .any(|c| tree.rel(c) == "nsubj" && crate::attribution::is_time_word(&tree.lemma(c)));
        if denier_subject(tree, v).is_none() && !day_subject {
            return None;
        }
        // "voters rejected independence", "dismissed the army chief": a proposal turned down
        // or a person removed, not a claim contested.
        let object = tree.children(v).find(|&c| tree.rel(c) == "obj");
        if object.is_some_and(|o| NOT_CLAIMS.contains(&tree.lemma(o).to_lowercase().as_str())) {
            return None;
        }
        return Some(Cue { span: tree.tok(v).span, speaker_verb: v, content: v });
    }
    if !FALSEHOOD.contains(&tree.form_lower(v).as_str()) || negated(v) {
        return None;
    }
    // Its own modifiers ("a sheer fabrication", "completely baseless") belong to the cue.
    let first = tree
        .children(v)
        .filter(|&c| matches!(tree.rel(c), "det" | "amod" | "advmod") && c < v)
        .min()
        .unwrap_or(v);
    let span = tree.tok(first).span.cover(tree.tok(v).span);
    let h = tree.head(v)?;
    // "called it a lie", "described the report as false": what is judged is the verb's object.
    if VERDICT_VERBS.contains(&tree.lemma(h).as_str())
        && matches!(tree.rel(v), "xcomp" | "obj" | "obl" | "advcl" | "ccomp")
    {
        let object = tree.children(h).find(|&c| c != v && tree.rel(c) == "obj").unwrap_or(v);
        return Some(Cue { span, speaker_verb: h, content: object });
    }
    // "the report was baseless, he said": a copular verdict whose subject names a claim, said
    // by the subject of the verb of saying above it.
    // "the charges were fabricated": a passive participle of falsehood judges its subject too.
    let has_cop = tree
        .children(v)
        .any(|c| tree.rel(c) == "cop" || (tree.full_rel(c) == "aux:pass" && tree.lemma(c) == "be"));
    let claim = tree.children(v).find(|&c| {
        tree.rel(c) == "nsubj" && CLAIM_NOUNS.contains(&tree.lemma(c).to_lowercase().as_str())
    });
    if let (true, Some(claim)) = (has_cop, claim) {
        let say = if matches!(tree.rel(v), "ccomp" | "parataxis") { tree.head(v) } else { None };
        if let Some(say) = say {
            if crate::attribution::SPEECH.contains(&tree.lemma(say).as_str()) {
                return Some(Cue { span, speaker_verb: say, content: claim });
            }
        }
    }
    None
}

/// The subject of the verb of denial. A finite verb coordinated under a clause that cannot be
/// its own ("… a depot used by the rebels and **denied** hitting civilians", where the parser
/// joins "denied" to "used") takes the subject of the sentence's main verb.
fn denier_subject(tree: &Tree, v: usize) -> Option<usize> {
    if let Some(s) = misread_relative_subject(tree, v) {
        return Some(s);
    }
    if let Some(s) = reporter_of_joined_denial(tree, v) {
        return Some(s);
    }
    if let Some(s) = crate::attribution::subject(tree, v) {
        return Some(s);
    }
    let finite = tree.tok(v).feats.contains("VerbForm=Fin");
    if !finite || tree.rel(v) != "conj" {
        return None;
    }
    let root = (0..tree.len()).find(|&i| tree.head(i).is_none())?;
    if root == v || !tree.is_verbal(root) {
        return None;
    }
    crate::attribution::subject(tree, root)
}

/// "…, an accusation *the judiciary* **rejected**": a relative clause without "that" on a noun
/// naming a claim, which the parser read as a participle on its subject ("the judiciary
/// rejected" as "the judiciary that was rejected"). The noun right before the verb of denial,
/// itself hung on the claim noun, is who denies.
fn misread_relative_subject(tree: &Tree, v: usize) -> Option<usize> {
    if tree.full_rel(v) != "acl" || tree.tok(v).xpos != "VBD" || v == 0 {
        return None;
    }
    let n = tree.head(v).filter(|&n| n + 1 == v)?;
    let claim = tree.head(n)?;
    let nominal = matches!(tree.tok(n).upos.as_str(), "NOUN" | "PROPN");
    let no_object = !tree.children(v).any(|c| tree.rel(c) == "obj");
    (nominal
        && no_object
        && claim < n
        && CLAIM_NOUNS.contains(&tree.lemma(claim).as_str())
        && tree.tok(claim).upos == "NOUN")
        .then_some(n)
}

/// "A coalition spokesman said its aircraft *had targeted* a depot and **denied** hitting
/// civilians", "said that the accusation *was* baseless and **denied** …": a plain past denial
/// joined to a reported clause in the perfect or with a copula is not that clause's (its
/// tense does not match) but a second verb of the reporter, parallel to "said": the denier is
/// the subject of the verb of saying.
fn reporter_of_joined_denial(tree: &Tree, v: usize) -> Option<usize> {
    if tree.rel(v) != "conj" || tree.children(v).any(|c| matches!(tree.rel(c), "aux" | "cop")) {
        return None;
    }
    let mut cur = tree.head(v)?;
    let first = cur;
    for _ in 0..5 {
        let h = tree.head(cur)?;
        if tree.rel(cur) == "ccomp" && crate::attribution::SPEECH.contains(&tree.lemma(h).as_str())
        {
            // The reported clause is in the perfect or copular: "had targeted", "was baseless".
            let marked = |n: usize| {
                tree.children(n).any(|c| {
                    tree.rel(c) == "cop"
                        || (tree.rel(c) == "aux"
                            && matches!(tree.form_lower(c).as_str(), "had" | "has" | "have"))
                })
            };
            if !(marked(cur) || marked(first)) {
                return None;
            }
            return crate::attribution::subject(tree, h);
        }
        cur = h;
    }
    None
}

/// The denier as an attribution link, with the actor code of an event argument at the same words.
fn denier_link(
    tree: &Tree,
    n: usize,
    si: usize,
    events: &[Event],
    named: &[(usize, Antecedent)],
) -> Option<AttributionLink> {
    let (text, span) = if tree.tok(n).upos == "PRON" {
        let pron = tree.tok(n).span;
        let a = named
            .iter()
            .rev()
            .find(|(s, a)| *s < si || (*s == si && a.span.end <= pron.start))
            .map(|(_, a)| a)?;
        (a.text.clone(), a.span)
    } else {
        let span = tree.name_span(n);
        (tree.slice(span).to_string(), span)
    };
    if text.is_empty() {
        return None;
    }
    let actor = events
        .iter()
        .flat_map(|e| e.sources.iter().chain(&e.targets))
        .find(|a| !a.code.is_empty() && a.span.overlaps(span))
        .map(|a| a.code.clone());
    let role = crate::attribution::classify(&text, tree.lemma(n).as_str());
    Some(AttributionLink { role, text, span: Some(span), actor })
}

/// Events of sentence `si` stated inside the denial: under its content word, outside the
/// denier's phrase, not the cue itself, and not in clauses merely joined to it ("denied X and
/// said Y", "denied X, saying Y").
fn content_events(
    tree: &Tree,
    si: usize,
    cue: &Cue,
    subj: Option<usize>,
    events: &[Event],
) -> Vec<usize> {
    let mut under = vec![cue.content];
    let mut stack = vec![cue.content];
    while let Some(n) = stack.pop() {
        for c in tree.children(n) {
            let joined = n == cue.content
                && matches!(tree.rel(c), "conj" | "cc" | "advcl" | "parataxis" | "punct");
            // "denied that Belgrade *had organised* the attack and **declared** a day of
            // mourning": a plain past verb joined to a perfect is the denier's next deed or
            // statement, parallel to the denial, not part of what is denied.
            let parallel = tree.rel(c) == "conj"
                && !tree.children(c).any(|k| matches!(tree.rel(k), "aux" | "cop" | "nsubj"))
                && tree.tok(c).feats.contains("Tense=Past")
                && (perfect_have(tree, n)
                    || tree.children(n).any(|k| {
                        tree.rel(k) == "aux"
                            && matches!(tree.form_lower(k).as_str(), "had" | "has" | "have")
                    }));
            if parallel {
                continue;
            }
            if joined || Some(c) == subj || under.contains(&c) {
                continue;
            }
            under.push(c);
            stack.push(c);
        }
    }
    let cue_tokens: Vec<usize> =
        (0..tree.len()).filter(|&i| cue.span.overlaps(tree.tok(i).span)).collect();
    events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.sentence as usize == si && !e.trigger.overlaps(cue.span))
        .filter(|(_, e)| {
            tree.head_token_in(e.trigger).is_some_and(|t| {
                t != cue.speaker_verb && under.contains(&t) && !cue_tokens.contains(&t)
            })
        })
        .map(|(i, _)| i)
        .collect()
}

/// "had organised" read by the parser as a main verb "had" with the participle as its xcomp:
/// the perfect all the same.
fn perfect_have(tree: &Tree, n: usize) -> bool {
    matches!(tree.form_lower(n).as_str(), "had" | "has" | "have")
        && tree.children(n).any(|k| tree.rel(k) == "xcomp" && tree.tok(k).xpos == "VBN")
}

/// Deeds a denied act takes as given: the nouns of its "in"/"during" phrases ("denied that
/// civilians had been killed *in the shelling*" grants the shelling and contests the deaths).
fn presupposed(tree: &Tree, trigger: Span) -> Vec<String> {
    let Some(t) = tree.head_token_in(trigger) else { return Vec::new() };
    tree.children(t)
        .filter(|&c| {
            tree.rel(c) == "obl"
                && tree.children(c).any(|k| {
                    tree.rel(k) == "case" && matches!(tree.form_lower(k).as_str(), "in" | "during")
                })
        })
        .map(|c| tree.lemma(c).to_lowercase())
        .collect()
}

/// Two non-empty actor codes can name the same party, an unknown country ("---MIL", "the
/// army" unresolved) standing for any: "BFAMIL" and "---MIL" can, "AFGINS" and "AFGGOV" cannot.
fn same_party(a: &str, b: &str) -> bool {
    let unknown = |c: &str| c.starts_with("---");
    if (unknown(a) || unknown(b)) && a.len() > 3 && b.len() > 3 {
        return compatible(a.get(3..).unwrap_or(""), b.get(3..).unwrap_or(""));
    }
    compatible(a, b)
}

/// Two actor codes of one party: compatible, or agreeing on country and first role while their
/// sub-roles differ ("IRNOPPREB", the armed wing, and "IRNOPPGOV", the political council of
/// one opposition movement; "IRNOPP" can answer for both). "AFGINS" and "AFGGOV" are not.
fn one_party(a: &str, b: &str) -> bool {
    compatible(a, b) || (a.len() > 6 && b.len() > 6 && a.get(..6) == b.get(..6))
}

/// Two actor codes of one kind of actor, whatever their country: the same role after the
/// country ("IRNUAF" and "IRQUAF", armed groups; not "IRNUAF" and "USAMIL").
fn same_role(a: &str, b: &str) -> bool {
    a.len() >= 6 && b.len() >= 6 && a.get(3..6) == b.get(3..6)
}

/// Two actor codes can name the same participant: equal, one unknown, or one refining the other.
fn compatible(a: &str, b: &str) -> bool {
    a.is_empty() || b.is_empty() || a.starts_with(b) || b.starts_with(a)
}

fn first_code(actors: &[model::ActorRef]) -> &str {
    actors.iter().find(|a| !a.code.is_empty()).map_or("", |a| a.code.as_str())
}

/// Whether an event is a claim that can be contested: said to have happened (or alleged), of
/// the story's present, not itself a denial.
fn contestable(e: &Event) -> bool {
    !e.historical
        && !matches!(e.modality, Modality::Denied | Modality::Negated | Modality::Hypothetical)
}

/// The force a claimed deed's doer (or its unnamed doer) is told to have used with it, after
/// it in the claim's sentence: "An air strike by the coalition hit a market, *killing* 12 civilians" — a denial
/// of the strike contests the deaths too. Before the deed are its setting ("in the shelling"),
/// which a denial may grant.
fn casualties_of(claims: &[Span], si: usize, events: &[Event]) -> Vec<Span> {
    let force = |e: &Event| matches!(e.root.as_str(), "18" | "19" | "20");
    events
        .iter()
        .filter(|e| {
            (e.sentence as usize) < si
                && force(e)
                && contestable(e)
                && !claims.contains(&e.trigger)
                && events.iter().any(|c| {
                    // The same doer: both named and compatible, or both left unnamed ("An air
                    // strike hit a market, killing 30").
                    let (a, b) = (first_code(&c.sources), first_code(&e.sources));
                    claims.contains(&c.trigger)
                        && c.sentence == e.sentence
                        && c.trigger.end <= e.trigger.start
                        && (a.is_empty() == b.is_empty())
                        && compatible(a, b)
                })
        })
        .map(|e| e.trigger)
        .collect()
}

/// Violent repression (CAMEO 175, "security forces had used excessive force against the
/// protesters") and an act of force on the same people ("denied that troops fired on unarmed
/// demonstrators") tell one deed under two codes: a denial of the one restates the other.
fn repression_restated(a: &Event, b: &Event) -> bool {
    let violent = |e: &Event| matches!(e.root.as_str(), "18" | "19" | "20");
    let repression = |e: &Event| e.code.starts_with("175");
    (repression(a) && (violent(b) || repression(b))) || (repression(b) && violent(a))
}

/// Earlier events of the same root (or both violent) whose actors agree with `content`: the
/// claim a denial restates.
fn restated_claims<'e>(
    content: &'e Event,
    si: usize,
    events: &'e [Event],
) -> impl Iterator<Item = Span> + 'e {
    events
        .iter()
        .filter(move |e| {
            (e.sentence as usize) < si
                && (e.root == content.root || repression_restated(e, content))
                && contestable(e)
                && compatible(first_code(&e.sources), first_code(&content.sources))
                && compatible(first_code(&e.targets), first_code(&content.targets))
        })
        .map(|e| e.trigger)
}

/// Acts of force a denial may name ("denied *targeting* civilians", "denied that officers had
/// *entered* the house"): such a denial answers the claim of force made just before it.
const FORCE_ACTS: &[&str] = &[
    "attack", "target", "hit", "strike", "shell", "bomb", "fire", "shoot", "kill", "raid", "storm",
    "enter", "invade", "torture", "loot", "burn", "massacre", "execute", "detain", "arrest",
    "abduct", "kidnap", "abuse",
];

/// Verbs that say an act (their subject noun) happened: "no such attack took place".
const OCCURRENCE: &[&str] = &["take", "occur", "happen"];

/// The lemmas of the nouns a denied act is done to or at: its object, and the nouns of its
/// obliques ("gone near the school", "fired on protesters"), lower-cased; not pronouns.
fn object_words(tree: &Tree, act: usize) -> Vec<String> {
    tree.children(act)
        .filter(|&c| {
            matches!(tree.rel(c), "obj" | "obl") && matches!(tree.tok(c).upos.as_str(), "NOUN")
        })
        .map(|c| tree.lemma(c).to_lowercase())
        .filter(|l| l.len() >= 4)
        .collect()
}

/// Verbs that name an act by their object ("set fire", "carry out an attack").
const LIGHT_VERBS: &[&str] = &["set", "carry", "launch", "stage", "conduct", "mount", "start"];
/// Nouns of acts of force, objects of a light verb.
const FORCE_NOUNS: &[&str] = &[
    "fire",
    "blaze",
    "attack",
    "strike",
    "raid",
    "assault",
    "offensive",
    "bombing",
    "shelling",
    "ambush",
];

/// What a denial that states an act the coder did not code contests: the earlier claim of
/// the same verb when there is one ("denied *firing* the rockets" after "rockets were
/// *fired*"); else, for an act of force, the acts of force claimed in the nearest sentence
/// before that claims any, of the denier when it is named as doing some of them — unless the
/// denier in the same sentence gives its own account of its force ("said its forces had hit
/// military targets and denied attacking civilian infrastructure"): then it concedes the deed
/// and contests only the act it names. Any other stated act ("denied that his government had
/// lost control") answers no claim of the story.
fn stated_act_claims(
    text: &str,
    sentences: &[AnalyzedSentence],
    tree: &Tree,
    cue: &Cue,
    si: usize,
    denier: Option<&AttributionLink>,
    events: &[Event],
) -> Vec<Span> {
    let Some(act) = tree.children(cue.content).find(|&c| matches!(tree.rel(c), "xcomp" | "ccomp"))
    else {
        return Vec::new();
    };
    let verb = tree.lemma(act);
    let lemma_of = |e: &Event| {
        let s = sentences.get(e.sentence as usize)?;
        let t = Tree::new(s, text);
        t.head_token_in(e.trigger).map(|h| t.lemma(h))
    };
    let same_verb: Vec<Span> = pointed_candidates(si, None, false, events)
        .into_iter()
        .filter(|e| lemma_of(e).is_some_and(|l| l == verb))
        .map(|e| e.trigger)
        .collect();
    // "denied *setting* the blaze", "denied *carrying out* the attacks": a light verb names
    // an act of force by its object.
    let light_force = LIGHT_VERBS.contains(&verb.as_str())
        && tree.children(act).any(|c| {
            tree.rel(c) == "obj" && FORCE_NOUNS.contains(&tree.lemma(c).to_lowercase().as_str())
        });
    let force = |e: &Event| matches!(e.root.as_str(), "17" | "18" | "19" | "20");
    // "denied that any meeting had taken place": the act is the noun an occurrence verb says
    // did (not) happen; it contests the claims of that act ("met"), and the acts of the same
    // kind told with them ("flew to Saudi Arabia and met …").
    if OCCURRENCE.contains(&verb.as_str()) {
        let noun = tree
            .children(act)
            .find(|&c| tree.rel(c) == "nsubj")
            .map(|n| tree.lemma(n).to_lowercase())
            .unwrap_or_default();
        let cands = pointed_candidates(si, denier, false, events);
        let named: Vec<&Event> = cands
            .iter()
            .copied()
            .filter(|e| {
                // The verb's stem opens the noun: "meet" "meeting", "negotiate" "negotiation".
                lemma_of(e).is_some_and(|l| {
                    let stem = l.strip_suffix('e').unwrap_or(&l);
                    stem.len() >= 4 && noun.starts_with(stem)
                })
            })
            .collect();
        return cands
            .iter()
            .filter(|e| named.iter().any(|n| n.sentence == e.sentence && n.root == e.root))
            .map(|e| e.trigger)
            .collect();
    }
    // "denied that his fighters had gone near *the school*", "denied targeting *civilians*":
    // the people or place the denied act names are those a claim's deed was done to.
    let named_targets = object_words(tree, act);
    if same_verb.is_empty() && !named_targets.is_empty() {
        let aimed: Vec<Span> = pointed_candidates(si, denier, false, events)
            .into_iter()
            .filter(|e| {
                e.targets.iter().any(|a| {
                    let words = a.span.slice(text).unwrap_or(a.text.as_str()).to_lowercase();
                    words.split(|c: char| !c.is_alphanumeric()).any(|w| {
                        named_targets.iter().any(|n| w.len() >= 4 && w.starts_with(n.as_str()))
                    })
                })
            })
            .map(|e| e.trigger)
            .collect();
        if !aimed.is_empty() {
            return aimed;
        }
    }
    if !same_verb.is_empty() {
        // "An air strike by the coalition hit a market, killing 12 civilians … denied hitting
        // civilians": the deaths the claimed deed caused, told with it by the same doer, are
        // contested with it.
        let mut claims = same_verb.clone();
        claims.extend(casualties_of(&same_verb, si, events));
        return claims;
    }
    if !(FORCE_ACTS.contains(&verb.as_str()) || light_force) {
        return same_verb;
    }
    // Who speaks the denial: the denier, and the voice of the event coded at the cue when
    // someone inside the story speaks it.
    let mut voices: Vec<String> = denier.map(|d| d.text.to_lowercase()).into_iter().collect();
    voices.extend(
        events
            .iter()
            .filter(|e| e.trigger.overlaps(cue.span) && e.attribution.chain.len() > 1)
            .map(innermost),
    );
    let code = denier.and_then(|d| d.actor.as_deref()).unwrap_or("");
    let concedes = events.iter().any(|e| {
        e.sentence as usize == si
            && force(e)
            && e.modality == Modality::Asserted
            && voices.contains(&innermost(e))
            && compatible(first_code(&e.sources), code)
    });
    if concedes {
        return Vec::new();
    }
    let cands: Vec<&Event> =
        pointed_candidates(si, denier, false, events).into_iter().filter(|e| force(e)).collect();
    let nearest = cands.iter().map(|e| e.sentence).max();
    cands.iter().filter(|e| Some(e.sentence) == nearest).map(|e| e.trigger).collect()
}

/// The claims a denial answers in its own sentence: what another speaker said in an
/// adverbial clause of the denying verb ("denied shelling the town, *after* a militia *said*
/// artillery fire had **killed** two fighters").
fn answered_in_sentence(tree: &Tree, cue: &Cue, si: usize, events: &[Event]) -> Vec<Span> {
    let says: Vec<usize> = tree
        .children(cue.speaker_verb)
        .filter(|&c| {
            // Its own subject: a participle "…, saying its jets had hit only military
            // targets" is the denier's own account, not a claim it answers.
            tree.rel(c) == "advcl"
                && crate::attribution::SPEECH.contains(&tree.lemma(c).as_str())
                && tree.children(c).any(|k| matches!(tree.full_rel(k), "nsubj" | "nsubj:outer"))
        })
        .collect();
    if says.is_empty() {
        return Vec::new();
    }
    let under = |mut n: usize, top: usize| {
        for _ in 0..8 {
            if n == top {
                return true;
            }
            match tree.head(n) {
                Some(h) => n = h,
                None => return false,
            }
        }
        false
    };
    events
        .iter()
        .filter(|e| e.sentence as usize == si && contestable(e))
        .filter(|e| !matches!(e.root.as_str(), "01" | "02" | "11"))
        .filter(|e| {
            tree.head_token_in(e.trigger)
                .is_some_and(|t| says.iter().any(|&s| t != s && under(t, s)))
        })
        .map(|e| e.trigger)
        .collect()
}

/// What the denier says did not happen in a participle of saying on the verb of denial:
/// "rejected the claim as false, *saying* its troops had **not opened fire**", "dismissed the
/// report, *saying* no civilians were hit": that negated act is the denial's own content.
fn own_negated_account(tree: &Tree, cue: &Cue, si: usize, events: &[Event]) -> Vec<Span> {
    let says: Vec<usize> = tree
        .children(cue.speaker_verb)
        .filter(|&c| {
            matches!(tree.rel(c), "advcl" | "xcomp")
                && tree.tok(c).xpos == "VBG"
                && crate::attribution::SPEECH.contains(&tree.lemma(c).as_str())
                && !tree.children(c).any(|k| tree.rel(k) == "nsubj")
        })
        .collect();
    if says.is_empty() {
        return Vec::new();
    }
    events
        .iter()
        .filter(|e| {
            e.sentence as usize == si
                && matches!(e.modality, Modality::Negated | Modality::Denied)
                && tree.head_token_in(e.trigger).is_some_and(|t| {
                    let mut n = t;
                    for _ in 0..6 {
                        match tree.head(n) {
                            Some(h) if says.contains(&h) => return true,
                            Some(h) => n = h,
                            None => return false,
                        }
                    }
                    false
                })
        })
        .map(|e| e.trigger)
        .collect()
}

/// What "denied the report" points back to: the contestable events of the sentences before.
/// With `involvement` ("denied any role"), only those the denier is said to have done.
fn pointed_candidates<'e>(
    si: usize,
    denier: Option<&AttributionLink>,
    involvement: bool,
    events: &'e [Event],
) -> Vec<&'e Event> {
    let lo = si.saturating_sub(WINDOW);
    let mut cands: Vec<&Event> = events
        .iter()
        .filter(|e| (lo..si).contains(&(e.sentence as usize)) && contestable(e))
        .collect();
    // A denial contests what was alleged, not that it was said or alleged.
    cands.retain(|e| !matches!(e.root.as_str(), "01" | "02" | "11"));
    // Nor what the denier itself said ("Troops killed 30 fighters, the defence ministry said.
    // … The ministry rejected the claim"): a voice answers the other side's account.
    if let Some(d) = denier {
        cands.retain(|e| !voiced_by(e, d));
    }
    // The accused denies their own alleged acts (and those whose doer the text leaves open).
    let code = denier.and_then(|d| d.actor.as_deref());
    if let Some(code) = code {
        let named_own =
            |e: &Event| e.sources.iter().any(|a| !a.code.is_empty() && one_party(&a.code, code));
        let own: Vec<&Event> = cands
            .iter()
            .copied()
            .filter(|e| {
                if involvement {
                    named_own(e)
                } else {
                    named_own(e) || e.sources.iter().all(|a| a.code.is_empty())
                }
            })
            .collect();
        if involvement && own.is_empty() {
            // "Iran-backed militias fired rockets … Kataib Hezbollah denied any role in the
            // attack": a deed laid on armed groups of the denier's kind (the same role) is
            // one the denier may be said to have had a part in.
            cands.retain(|e| e.sources.iter().any(|a| same_role(&a.code, code)));
        } else if involvement || (!own.is_empty() && cands.iter().any(|e| named_own(e))) {
            cands = own;
        }
    } else if involvement {
        cands.clear();
    }
    cands
}

/// Negated or denied events that restate an earlier claim by another source, where no denial
/// cue already covers their sentence.
fn counter_claims(
    text: &str,
    sentences: &[AnalyzedSentence],
    events: &[Event],
    out: &mut Vec<Denial>,
) {
    for e in events {
        if !matches!(e.modality, Modality::Negated | Modality::Denied) || e.historical {
            continue;
        }
        let si = e.sentence as usize;
        if out.iter().any(|d| d.sentence as usize == si) {
            continue;
        }
        let voice = innermost(e);
        let claims: Vec<Span> = restated_claims(e, si, events)
            .filter(|sp| {
                events.iter().find(|o| o.trigger == *sp).is_some_and(|o| innermost(o) != voice)
            })
            .collect();
        if claims.is_empty() {
            continue;
        }
        let Some(s) = sentences.get(si) else { continue };
        let tree = Tree::new(s, text);
        // The cue is the negator when there is one, else the trigger.
        let cue = tree
            .head_token_in(e.trigger)
            .and_then(|t| crate::modality::negation(&tree, t))
            .unwrap_or(e.trigger);
        let denier = e.attribution.chain.last().filter(|l| l.span.is_some()).cloned();
        let mut all = vec![e.trigger];
        let told_with = casualties_of(&claims, si, events);
        all.extend(claims);
        all.extend(told_with);
        dedup(&mut all);
        out.push(Denial {
            cue,
            text: tree.slice(cue).to_string(),
            sentence: si as u32,
            denier,
            claims: all,
        });
    }
}

/// Who speaks for an event: the innermost link of its chain, lower-cased.
/// Whether the innermost voice of event `e` is the denier: the same actor code, or the same
/// head noun ("the defence ministry" … "The ministry").
fn voiced_by(e: &Event, denier: &AttributionLink) -> bool {
    let Some(voice) = e.attribution.chain.last().filter(|l| l.role != AttributionRole::Outlet)
    else {
        return false;
    };
    let known = |c: Option<&'_ str>| {
        c.filter(|c| c.len() >= 3 && !c.starts_with("---")).map(str::to_string)
    };
    if let (Some(a), Some(b)) = (known(voice.actor.as_deref()), known(denier.actor.as_deref())) {
        return a == b;
    }
    // The words of one name all among the other's ("The ministry" in "the defence ministry",
    // not "the Afghan government" in "Pakistan's government").
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .filter(|w| !w.is_empty() && !matches!(w.as_str(), "the" | "a" | "an" | "its" | "s"))
            .collect()
    };
    let (v, d) = (words(&voice.text), words(&denier.text));
    let within = |a: &[String], b: &[String]| !a.is_empty() && a.iter().all(|w| b.contains(w));
    within(&v, &d) || within(&d, &v)
}

/// Whether someone in the story (not the outlet alone) tells event `e`.
fn voiced(e: &Event) -> bool {
    e.attribution.chain.last().is_some_and(|l| l.role != AttributionRole::Outlet)
}

fn innermost(e: &Event) -> String {
    e.attribution.chain.last().map(|l| l.text.to_lowercase()).unwrap_or_default()
}

fn dedup(spans: &mut Vec<Span>) {
    let mut seen = Vec::new();
    spans.retain(|s| {
        if seen.contains(s) {
            false
        } else {
            seen.push(*s);
            true
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::test_util::sentence;
    use model::{ActorRef, Attribution, ContentHash};

    fn event(text: &str, word: &str, si: u32, root: &str, src: &str, m: Modality) -> Event {
        let start = text.find(word).unwrap();
        Event {
            article: ContentHash("t".into()),
            sentence: si,
            trigger: Span::new(start, start + word.len()),
            sources: vec![ActorRef {
                code: src.into(),
                text: String::new(),
                span: Span::new(0, 0),
            }],
            targets: vec![],
            code: format!("{root}0"),
            root: root.into(),
            base: format!("{root}0"),
            goldstein: 0.0,
            quad_class: 4,
            plover_type: None,
            plover_mode: None,
            modality: m,
            negated: false,
            historical: false,
            attribution: Attribution::default(),
            disputed_by: Vec::new(),
            time: None,
            location: None,
            confidence: 1.0,
            evidence: vec![],
        }
    }

    #[test]
    fn a_verb_of_denial_contests_what_it_embeds() {
        let (text, s) = sentence(
            "Rebels/rebel/NOUN/2/nsubj denied/deny/VERB/0/root attacking/attack/VERB/2/xcomp \
             the/the/DET/5/det base/base/NOUN/3/obj ././PUNCT/2/punct",
        );
        let evs = vec![event(&text, "attacking", 0, "19", "REB", Modality::Denied)];
        let d = find(&text, &[s], &evs, &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].text, "denied");
        assert_eq!(d[0].denier.as_ref().unwrap().text, "Rebels");
        assert_eq!(d[0].claims, vec![evs[0].trigger]);
    }

    #[test]
    fn turning_down_a_proposal_is_no_denial() {
        let (text, s) = sentence(
            "Voters/voter/NOUN/2/nsubj rejected/reject/VERB/0/root independence/independence/NOUN/2/obj \
             ././PUNCT/2/punct",
        );
        assert!(find(&text, &[s], &[], &[]).is_empty());
        let (text, s) = sentence(
            "Rebels/rebel/NOUN/2/nsubj rejected/reject/VERB/0/root the/the/DET/4/det \
             allegations/allegation/NOUN/2/obj ././PUNCT/2/punct",
        );
        assert_eq!(find(&text, &[s], &[], &[]).len(), 1);
    }

    #[test]
    fn a_pointing_denial_reaches_back_past_the_accusation() {
        let (t1, s1) = sentence(
            "Police/police/NOUN/2/nsubj accused/accuse/VERB/0/root rebels/rebel/NOUN/2/obj \
             of/of/ADP/5/mark bombing/bomb/VERB/2/advcl ././PUNCT/2/punct",
        );
        let (t2, mut s2) = sentence(
            "Rebels/rebel/NOUN/2/nsubj rejected/reject/VERB/0/root the/the/DET/4/det \
             claim/claim/NOUN/2/obj ././PUNCT/2/punct",
        );
        let text = format!("{t1} {t2}");
        let shift = t1.len() + 1;
        for tok in &mut s2.tokens {
            tok.span = Span::new(tok.span.start as usize + shift, tok.span.end as usize + shift);
        }
        s2.span = Span::new(s2.span.start as usize + shift, s2.span.end as usize + shift);
        s2.index = 1;
        let evs = vec![
            event(&text, "accused", 0, "11", "COP", Modality::Asserted),
            event(&text, "bombing", 0, "18", "REB", Modality::Alleged),
        ];
        let d = find(&text, &[s1, s2], &evs, &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].text, "rejected");
        assert_eq!(d[0].claims, vec![evs[1].trigger]);
    }

    #[test]
    fn a_relative_without_that_read_as_a_participle_still_denies() {
        // He said police beat him , a charge the ministry denied . (parser: "denied" a
        // participle on "ministry", itself hung on "charge")
        let (text, mut s) = sentence(
            "He/he/PRON/2/nsubj said/say/VERB/0/root police/police/NOUN/4/nsubj              beat/beat/VERB/2/ccomp him/he/PRON/4/obj ,/,/PUNCT/8/punct a/a/DET/8/det              charge/charge/NOUN/5/appos the/the/DET/10/det ministry/ministry/NOUN/8/obj              denied/deny/VERB/10/acl ././PUNCT/2/punct",
        );
        s.tokens[10].xpos = "VBD".into();
        let evs = vec![event(&text, "beat", 0, "18", "COP", Modality::Asserted)];
        let d = find(&text, &[s.clone()], &evs, &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].denier.as_ref().unwrap().text, "the ministry");
        assert_eq!(d[0].claims, vec![evs[0].trigger]);
        // "the rejected plan" has no denier: a participle before its noun.
        let (text, s) = sentence(
            "They/they/PRON/2/nsubj revived/revive/VERB/0/root the/the/DET/5/det              rejected/reject/VERB/5/amod plan/plan/NOUN/2/obj",
        );
        assert!(find(&text, &[s], &[], &[]).is_empty());
    }

    #[test]
    fn a_voice_never_contests_its_own_account() {
        // Troops killed 30 fighters , the defence ministry said . Militants said they overran
        // the base . The ministry rejected the claim .
        let (text, ss) = join(&[
            "Troops/troop/NOUN/2/nsubj killed/kill/VERB/0/root fighters/fighter/NOUN/2/obj              ,/,/PUNCT/7/punct the/the/DET/7/det defence/defence/NOUN/7/compound              ministry/ministry/NOUN/8/nsubj said/say/VERB/2/parataxis ././PUNCT/2/punct",
            "The/the/DET/2/det ministry/ministry/NOUN/3/nsubj rejected/reject/VERB/0/root              the/the/DET/5/det claim/claim/NOUN/3/obj ././PUNCT/3/punct",
        ]);
        let mut killed = event(&text, "killed", 0, "19", "MIL", Modality::Asserted);
        let voice = |t: &str| model::AttributionLink {
            role: AttributionRole::Source,
            text: t.into(),
            span: None,
            actor: None,
        };
        killed.attribution.chain = vec![voice("the defence ministry")];
        let d = find(&text, &ss, &[killed.clone()], &[]);
        assert_eq!(d.len(), 1);
        assert!(d[0].claims.is_empty(), "{:?}", d[0].claims);
        // Another voice's account is what it answers.
        killed.attribution.chain = vec![voice("witnesses")];
        let d = find(&text, &ss, &[killed.clone()], &[]);
        assert_eq!(d[0].claims, vec![killed.trigger]);
        // Names of two parties are not one voice.
        let d = voice("the Afghan government");
        let mut e = killed.clone();
        e.attribution.chain = vec![voice("Pakistan's government")];
        assert!(!voiced_by(&e, &d));
    }

    /// Sentences of one text, each shifted after the ones before.
    fn join(specs: &[&str]) -> (String, Vec<AnalyzedSentence>) {
        let mut text = String::new();
        let mut out = Vec::new();
        for (i, spec) in specs.iter().enumerate() {
            let (t, mut s) = sentence(spec);
            let shift = if text.is_empty() { 0 } else { text.len() + 1 };
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&t);
            for tok in &mut s.tokens {
                tok.span =
                    Span::new(tok.span.start as usize + shift, tok.span.end as usize + shift);
            }
            s.span = Span::new(s.span.start as usize + shift, s.span.end as usize + shift);
            s.index = i as u32;
            out.push(s);
        }
        (text, out)
    }

    fn two(a: &str, b: &str) -> (String, Vec<AnalyzedSentence>) {
        join(&[a, b])
    }

    #[test]
    fn a_denial_after_an_accusation_answers_it_not_the_story_before() {
        // "Militants attacked a post. The army accused the government of sheltering them.
        // A spokesman rejected the claims."
        let (text, ss) = join(&[
            "Militants/militant/NOUN/2/nsubj attacked/attack/VERB/0/root a/a/DET/4/det \
             post/post/NOUN/2/obj ././PUNCT/2/punct",
            "The/the/DET/2/det army/army/NOUN/3/nsubj accused/accuse/VERB/0/root \
             the/the/DET/5/det government/government/NOUN/3/obj of/of/SCONJ/7/mark \
             sheltering/shelter/VERB/3/advcl them/they/PRON/7/obj ././PUNCT/3/punct",
            "A/a/DET/2/det spokesman/spokesman/NOUN/3/nsubj rejected/reject/VERB/0/root \
             the/the/DET/5/det claims/claim/NOUN/3/obj ././PUNCT/3/punct",
        ]);
        let mut acc = event(&text, "accused", 1, "11", "MIL", Modality::Asserted);
        acc.targets =
            vec![ActorRef { code: "AFGGOV".into(), text: String::new(), span: Span::new(0, 0) }];
        let evs = vec![event(&text, "attacked", 0, "19", "AFGINS", Modality::Asserted), acc];
        let d = find(&text, &ss, &evs, &[]);
        assert_eq!(d.len(), 1);
        assert!(d[0].claims.is_empty(), "{:?}", d[0].claims);
        // When the accused is the one the story says did the deed, the deed is answered too.
        let mut evs = evs;
        evs[0].sources[0].code = "AFGGOV".into();
        let d = find(&text, &ss, &evs, &[]);
        assert_eq!(d[0].claims, vec![evs[0].trigger]);
    }

    #[test]
    fn a_stated_act_not_coded_answers_the_claim_of_the_same_verb() {
        // "Rockets were fired at the town. The group denied firing the rockets."
        let (text, ss) = two(
            "Rockets/rocket/NOUN/3/nsubj:pass were/be/AUX/3/aux:pass fired/fire/VERB/0/root \
             at/at/ADP/6/case the/the/DET/6/det town/town/NOUN/3/obl ././PUNCT/3/punct",
            "The/the/DET/2/det group/group/NOUN/3/nsubj denied/deny/VERB/0/root \
             firing/fire/VERB/3/xcomp the/the/DET/6/det rockets/rocket/NOUN/4/obj ././PUNCT/3/punct",
        );
        let evs = vec![event(&text, "fired", 0, "19", "", Modality::Asserted)];
        let d = find(&text, &ss, &evs, &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].claims, vec![evs[0].trigger]);
    }

    #[test]
    fn a_stated_act_of_force_answers_the_nearest_claim_of_force() {
        // "Police raided the house. The ministry denied that officers had entered the house."
        let (text, ss) = two(
            "Police/police/NOUN/2/nsubj raided/raid/VERB/0/root the/the/DET/4/det \
             house/house/NOUN/2/obj ././PUNCT/2/punct",
            "The/the/DET/2/det ministry/ministry/NOUN/3/nsubj denied/deny/VERB/0/root \
             that/that/SCONJ/7/mark officers/officer/NOUN/7/nsubj had/have/AUX/7/aux \
             entered/enter/VERB/3/ccomp the/the/DET/9/det house/house/NOUN/7/obj ././PUNCT/3/punct",
        );
        let evs = vec![event(&text, "raided", 0, "17", "COP", Modality::Asserted)];
        let d = find(&text, &ss, &evs, &[]);
        assert_eq!(d[0].claims, vec![evs[0].trigger]);
        // "… The governor denied that his government had lost control": no claim answered.
        let (text, ss) = two(
            "Police/police/NOUN/2/nsubj raided/raid/VERB/0/root the/the/DET/4/det \
             house/house/NOUN/2/obj ././PUNCT/2/punct",
            "The/the/DET/2/det governor/governor/NOUN/3/nsubj denied/deny/VERB/0/root \
             that/that/SCONJ/7/mark his/his/PRON/6/nmod:poss government/government/NOUN/7/nsubj \
             lost/lose/VERB/3/ccomp control/control/NOUN/7/obj ././PUNCT/3/punct",
        );
        let evs = vec![event(&text, "raided", 0, "17", "COP", Modality::Asserted)];
        assert!(find(&text, &ss, &evs, &[])[0].claims.is_empty());
    }

    #[test]
    fn a_light_verb_with_an_object_of_force_is_an_act_of_force() {
        // "Gunmen attacked a market. The group denied carrying out the attack."
        let (text, ss) = two(
            "Gunmen/gunman/NOUN/2/nsubj attacked/attack/VERB/0/root a/a/DET/4/det \
             market/market/NOUN/2/obj ././PUNCT/2/punct",
            "The/the/DET/2/det group/group/NOUN/3/nsubj denied/deny/VERB/0/root \
             carrying/carry/VERB/3/xcomp out/out/ADP/4/compound:prt the/the/DET/7/det \
             attack/attack/NOUN/4/obj ././PUNCT/3/punct",
        );
        let evs = vec![event(&text, "attacked", 0, "18", "", Modality::Asserted)];
        let d = find(&text, &ss, &evs, &[]);
        assert_eq!(d[0].claims, vec![evs[0].trigger]);
    }

    #[test]
    fn a_charge_someone_denies_contests_what_the_sentence_alleges() {
        // "Police said rebels burned a village. Officials accused the army of looting shops,
        // a charge the army denied."
        let (text, ss) = two(
            "Police/police/NOUN/2/nsubj said/say/VERB/0/root rebels/rebel/NOUN/4/nsubj \
             burned/burn/VERB/2/ccomp a/a/DET/6/det village/village/NOUN/4/obj ././PUNCT/2/punct",
            "Officials/official/NOUN/2/nsubj accused/accuse/VERB/0/root the/the/DET/4/det \
             army/army/NOUN/2/obj of/of/SCONJ/6/mark looting/loot/VERB/2/advcl shops/shop/NOUN/6/obj \
             ,/,/PUNCT/10/punct a/a/DET/10/det charge/charge/NOUN/2/appos the/the/DET/12/det \
             army/army/NOUN/13/nsubj denied/deny/VERB/10/acl:relcl ././PUNCT/2/punct",
        );
        let evs = vec![
            event(&text, "burned", 0, "19", "REB", Modality::Asserted),
            event(&text, "accused", 1, "11", "GOV", Modality::Asserted),
            event(&text, "looting", 1, "19", "MIL", Modality::Alleged),
        ];
        let d = find(&text, &ss, &evs, &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].claims, vec![evs[2].trigger]);
    }

    #[test]
    fn a_deed_the_denied_act_happened_in_is_granted() {
        // "Troops shelled the town. A spokesman denied that civilians were killed in the shelling."
        let (text, ss) = two(
            "Troops/troop/NOUN/2/nsubj shelled/shell/VERB/0/root the/the/DET/4/det \
             town/town/NOUN/2/obj ././PUNCT/2/punct",
            "A/a/DET/2/det spokesman/spokesman/NOUN/3/nsubj denied/deny/VERB/0/root \
             that/that/SCONJ/7/mark civilians/civilian/NOUN/7/nsubj:pass were/be/AUX/7/aux:pass \
             killed/kill/VERB/3/ccomp in/in/ADP/10/case the/the/DET/10/det \
             shelling/shelling/NOUN/7/obl ././PUNCT/3/punct",
        );
        let evs = vec![
            event(&text, "shelled", 0, "19", "MIL", Modality::Asserted),
            event(&text, "killed", 1, "19", "MIL", Modality::Denied),
        ];
        let d = find(&text, &ss, &evs, &[]);
        assert_eq!(d[0].claims, vec![evs[1].trigger]);
    }

    #[test]
    fn a_verdict_of_falsehood_is_a_denial() {
        let (text, s) = sentence(
            "He/he/PRON/2/nsubj called/call/VERB/0/root it/it/PRON/2/obj a/a/DET/6/det \
             sheer/sheer/ADJ/6/amod lie/lie/NOUN/2/xcomp ././PUNCT/2/punct",
        );
        let d = find(&text, &[s], &[], &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].text, "a sheer lie");
        // A pronoun denier with no named antecedent stays unnamed rather than "He".
        assert!(d[0].denier.is_none());
    }

    #[test]
    fn a_plain_past_denial_joined_to_a_perfect_report_is_the_reporters() {
        let (text, s) = sentence(
            "A/a/DET/2/det spokesman/spokesman/NOUN/3/nsubj said/say/VERB/0/root \
             its/its/PRON/5/nmod:poss aircraft/aircraft/NOUN/7/nsubj had/have/AUX/7/aux \
             targeted/target/VERB/3/ccomp a/a/DET/9/det depot/depot/NOUN/7/obj and/and/CCONJ/11/cc \
             denied/deny/VERB/7/conj hitting/hit/VERB/11/xcomp civilians/civilian/NOUN/12/obj",
        );
        let d = find(&text, &[s], &[], &[]);
        assert_eq!(d[0].denier.as_ref().unwrap().text, "A spokesman");
        // "Officials said rebels attacked the town and denied it": no perfect, the rebels deny.
        let (text, s) = sentence(
            "Officials/official/NOUN/2/nsubj said/say/VERB/0/root rebels/rebel/NOUN/4/nsubj \
             attacked/attack/VERB/2/ccomp the/the/DET/6/det town/town/NOUN/4/obj and/and/CCONJ/8/cc \
             denied/deny/VERB/4/conj it/it/PRON/8/obj",
        );
        let d = find(&text, &[s], &[], &[]);
        assert_eq!(d[0].denier.as_ref().unwrap().text, "rebels");
    }

    #[test]
    fn a_plain_past_verb_joined_to_a_denied_perfect_is_not_denied() {
        // "Serbia denied that Belgrade had organised the attack and declared a day of mourning."
        let (text, s) = sentence(
            "Serbia/Serbia/PROPN/2/nsubj denied/deny/VERB/0/root that/that/SCONJ/6/mark \
             Belgrade/Belgrade/PROPN/6/nsubj had/have/AUX/6/aux organised/organise/VERB/2/ccomp \
             the/the/DET/8/det attack/attack/NOUN/6/obj and/and/CCONJ/10/cc \
             declared/declare/VERB/6/conj mourning/mourning/NOUN/10/obj",
        );
        let mut s = s;
        s.tokens[9].feats = "Mood=Ind|Tense=Past|VerbForm=Fin".into();
        let evs = vec![
            event(&text, "organised", 0, "18", "SRB", Modality::Denied),
            event(&text, "declared", 0, "01", "SRB", Modality::Asserted),
        ];
        let d = find(&text, &[s], &evs, &[]);
        assert_eq!(d[0].claims, vec![evs[0].trigger]);
    }

    #[test]
    fn charges_are_the_reason_for_an_arrest_not_its_denial() {
        // "Police arrested three men. Their lawyers rejected the charges."
        let (text, ss) = two(
            "Police/police/NOUN/2/nsubj arrested/arrest/VERB/0/root three/three/NUM/4/nummod \
             men/man/NOUN/2/obj ././PUNCT/2/punct",
            "Their/their/PRON/2/nmod:poss lawyers/lawyer/NOUN/3/nsubj rejected/reject/VERB/0/root \
             the/the/DET/5/det charges/charge/NOUN/3/obj ././PUNCT/3/punct",
        );
        let evs = vec![event(&text, "arrested", 0, "17", "COP", Modality::Asserted)];
        let d = find(&text, &ss, &evs, &[]);
        assert_eq!(d.len(), 1);
        assert!(d[0].claims.is_empty());
    }

    #[test]
    fn a_negated_denial_is_not_one() {
        let (text, s) = sentence(
            "He/he/PRON/3/nsubj did/do/AUX/3/aux not/not/PART/3/advmod deny/deny/VERB/0/root \
             it/it/PRON/3/obj ././PUNCT/3/punct",
        );
        assert!(find(&text, &[s], &[], &[]).is_empty());
    }

    fn voice(t: &str) -> model::AttributionLink {
        model::AttributionLink {
            role: AttributionRole::Source,
            text: t.into(),
            span: None,
            actor: None,
        }
    }

    #[test]
    fn a_verb_joined_to_a_perfect_read_as_main_have_is_the_deniers_own() {
        // The militia denied that its fighters had looted the village and announced a
        // ceasefire . (parser: "had" a main verb, "looted" its xcomp, "announced" joined to it)
        let (text, mut s) = sentence(
            "The/the/DET/2/det militia/militia/NOUN/3/nsubj denied/deny/VERB/0/root \
             that/that/SCONJ/7/mark its/its/PRON/6/nmod:poss fighters/fighter/NOUN/7/nsubj \
             had/have/VERB/3/ccomp looted/loot/VERB/7/xcomp the/the/DET/10/det \
             village/village/NOUN/8/obj and/and/CCONJ/12/cc announced/announce/VERB/7/conj \
             a/a/DET/14/det ceasefire/ceasefire/NOUN/12/obj ././PUNCT/3/punct",
        );
        s.tokens[7].xpos = "VBN".into();
        s.tokens[11].feats = "Mood=Ind|Tense=Past|VerbForm=Fin".into();
        let evs = vec![
            event(&text, "looted", 0, "18", "REB", Modality::Denied),
            event(&text, "announced", 0, "03", "REB", Modality::Asserted),
        ];
        let d = find(&text, &[s], &evs, &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].claims, vec![evs[0].trigger]);
    }

    #[test]
    fn a_denied_deed_takes_the_casualties_told_with_its_claim() {
        // Police fired on a crowd , wounding marchers . The interior minister denied firing
        // on marchers .
        let (text, ss) = two(
            "Police/police/NOUN/2/nsubj fired/fire/VERB/0/root on/on/ADP/5/case a/a/DET/5/det \
             crowd/crowd/NOUN/2/obl ,/,/PUNCT/7/punct wounding/wound/VERB/2/advcl \
             marchers/marcher/NOUN/7/obj ././PUNCT/2/punct",
            "The/the/DET/3/det interior/interior/NOUN/3/compound minister/minister/NOUN/4/nsubj \
             denied/deny/VERB/0/root firing/fire/VERB/4/xcomp on/on/ADP/7/case \
             marchers/marcher/NOUN/5/obl ././PUNCT/4/punct",
        );
        let evs = vec![
            event(&text, "fired", 0, "19", "COP", Modality::Asserted),
            event(&text, "wounding", 0, "18", "COP", Modality::Asserted),
        ];
        let d = find(&text, &ss, &evs, &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].claims, vec![evs[0].trigger, evs[1].trigger]);
        // The other side's force in that sentence is not the denied deed's.
        let mut evs = evs;
        evs[1].sources[0].code = "REB".into();
        let d = find(&text, &ss, &evs, &[]);
        assert_eq!(d[0].claims, vec![evs[0].trigger]);
    }

    #[test]
    fn a_denied_beating_restates_violent_repression() {
        // Rights groups said police had used excessive force . The government denied that
        // officers beat the students .
        let (text, ss) = two(
            "Rights/right/NOUN/2/compound groups/group/NOUN/3/nsubj said/say/VERB/0/root \
             police/police/NOUN/6/nsubj had/have/AUX/6/aux used/use/VERB/3/ccomp \
             excessive/excessive/ADJ/8/amod force/force/NOUN/6/obj ././PUNCT/3/punct",
            "The/the/DET/2/det government/government/NOUN/3/nsubj denied/deny/VERB/0/root \
             that/that/SCONJ/6/mark officers/officer/NOUN/6/nsubj beat/beat/VERB/3/ccomp \
             the/the/DET/8/det students/student/NOUN/6/obj ././PUNCT/3/punct",
        );
        let mut used = event(&text, "used", 0, "17", "COP", Modality::Asserted);
        used.code = "175".into();
        let beat = event(&text, "beat", 1, "18", "COP", Modality::Denied);
        let d = find(&text, &ss, &[used.clone(), beat.clone()], &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].claims, vec![beat.trigger, used.trigger]);
        // Arrests (173) are no repression restated by a beating.
        used.code = "173".into();
        let d = find(&text, &ss, &[used, beat.clone()], &[]);
        assert_eq!(d[0].claims, vec![beat.trigger]);
    }

    #[test]
    fn a_participle_of_saying_on_the_denial_states_what_did_not_happen() {
        let (text, mut s) = sentence(
            "The/the/DET/2/det ministry/ministry/NOUN/3/nsubj dismissed/dismiss/VERB/0/root \
             the/the/DET/5/det report/report/NOUN/3/obj ,/,/PUNCT/7/punct \
             saying/say/VERB/3/advcl its/its/PRON/9/nmod:poss jets/jet/NOUN/12/nsubj \
             had/have/AUX/12/aux not/not/PART/12/advmod struck/strike/VERB/7/ccomp \
             the/the/DET/14/det hospital/hospital/NOUN/12/obj ././PUNCT/3/punct",
        );
        s.tokens[6].xpos = "VBG".into();
        let evs = vec![event(&text, "struck", 0, "19", "MIL", Modality::Negated)];
        let d = find(&text, &[s.clone()], &evs, &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].claims, vec![evs[0].trigger]);
        // Not negated: the reporter's account beside the denial, not its content.
        let evs = vec![event(&text, "struck", 0, "19", "MIL", Modality::Asserted)];
        let d = find(&text, &[s], &evs, &[]);
        assert!(d[0].claims.is_empty());
    }

    #[test]
    fn one_charge_is_the_one_told_just_before() {
        // Soldiers shelled the village , the army said . Lawyers said the detainees had been
        // beaten . The prison service denied the charge .
        let spec3 = |noun: &str, lemma: &str| {
            format!(
                "The/the/DET/3/det prison/prison/NOUN/3/compound service/service/NOUN/4/nsubj \
                 denied/deny/VERB/0/root the/the/DET/6/det {noun}/{lemma}/NOUN/4/obj \
                 ././PUNCT/4/punct"
            )
        };
        let s1 = "Soldiers/soldier/NOUN/2/nsubj shelled/shell/VERB/0/root the/the/DET/4/det \
                  village/village/NOUN/2/obj ././PUNCT/2/punct";
        let s2 = "Lawyers/lawyer/NOUN/2/nsubj said/say/VERB/0/root the/the/DET/4/det \
                  detainees/detainee/NOUN/7/nsubj:pass had/have/AUX/7/aux been/be/AUX/7/aux:pass \
                  beaten/beat/VERB/2/ccomp ././PUNCT/2/punct";
        let one = spec3("charge", "charge");
        let (text, mut ss) = join(&[s1, s2, &one]);
        ss[2].tokens[5].feats = "Number=Sing".into();
        let mut shelled = event(&text, "shelled", 0, "19", "MIL", Modality::Asserted);
        shelled.attribution.chain = vec![voice("the army")];
        let mut beaten = event(&text, "beaten", 1, "18", "", Modality::Asserted);
        beaten.attribution.chain = vec![voice("Lawyers")];
        let evs = vec![shelled, beaten];
        let d = find(&text, &ss, &evs, &[]);
        assert_eq!(d[0].claims, vec![evs[1].trigger]);
        // "the charges": all of them.
        let many = spec3("charges", "charge");
        let (text, mut ss) = join(&[s1, s2, &many]);
        ss[2].tokens[5].feats = "Number=Plur".into();
        let d = find(&text, &ss, &evs, &[]);
        assert_eq!(d[0].claims, vec![evs[0].trigger, evs[1].trigger]);
    }

    #[test]
    fn sub_roles_of_one_movement_are_one_party() {
        assert!(one_party("IRNOPPREB", "IRNOPPGOV"));
        assert!(one_party("SYRREBISL", "SYRREB"));
        assert!(!one_party("AFGINS", "AFGGOV"));
        assert!(!one_party("IRNGOVMIL", "IRNOPPREB"));
    }

    #[test]
    fn a_pointing_denial_leaves_the_arrests_made_over_the_plot() {
        // Police said they arrested four men over a plot to bomb a stadium . The group
        // rejected the claim .
        let (text, ss) = two(
            "Police/police/NOUN/2/nsubj said/say/VERB/0/root they/they/PRON/4/nsubj \
             arrested/arrest/VERB/2/ccomp men/man/NOUN/4/obj over/over/ADP/7/case \
             plot/plot/NOUN/4/obl to/to/PART/9/mark bomb/bomb/VERB/7/acl \
             stadium/stadium/NOUN/9/obj ././PUNCT/2/punct",
            "The/the/DET/2/det group/group/NOUN/3/nsubj rejected/reject/VERB/0/root \
             the/the/DET/5/det claim/claim/NOUN/3/obj ././PUNCT/3/punct",
        );
        let mut arrested = event(&text, "arrested", 0, "17", "COP", Modality::Asserted);
        arrested.code = "173".into();
        let bomb = event(&text, "bomb", 0, "18", "REB", Modality::Planned);
        let d = find(&text, &ss, &[arrested, bomb.clone()], &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].claims, vec![bomb.trigger]);
    }

    #[test]
    fn a_denied_act_names_the_claims_target() {
        // Gunmen set fire to a clinic , police said . The group denied that its members had
        // gone near the clinic .
        let (text, mut ss) = two(
            "Gunmen/gunman/NOUN/2/nsubj set/set/VERB/0/root fire/fire/NOUN/2/obj to/to/ADP/6/case \
             a/a/DET/6/det clinic/clinic/NOUN/2/obl ././PUNCT/2/punct",
            "The/the/DET/2/det group/group/NOUN/3/nsubj denied/deny/VERB/0/root \
             that/that/SCONJ/8/mark its/its/PRON/6/nmod:poss members/member/NOUN/8/nsubj \
             had/have/AUX/8/aux gone/go/VERB/3/ccomp near/near/ADP/11/case the/the/DET/11/det \
             clinic/clinic/NOUN/8/obl ././PUNCT/3/punct",
        );
        ss[1].tokens[7].xpos = "VBN".into();
        let mut fire = event(&text, "set fire", 0, "18", "REB", Modality::Asserted);
        let at = text.find("a clinic").unwrap();
        fire.targets = vec![ActorRef {
            code: "---MED".into(),
            text: "a clinic".into(),
            span: Span::new(at, at + 8),
        }];
        let d = find(&text, &ss, &[fire.clone()], &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].claims, vec![fire.trigger]);
        // Another place named: no claim of the story.
        fire.targets[0].text = "a school".into();
        fire.targets[0].span = Span::new(0, 0);
        let d = find(&text, &ss, &[fire], &[]);
        assert!(d[0].claims.is_empty());
    }

    #[test]
    fn no_such_talks_took_place_denies_the_talks_told() {
        // Envoys travelled to Oman and negotiated with rebels . The ministry denied that any
        // negotiations had taken place .
        let (text, ss) = two(
            "Envoys/envoy/NOUN/2/nsubj travelled/travel/VERB/0/root to/to/ADP/4/case \
             Oman/Oman/PROPN/2/obl and/and/CCONJ/6/cc negotiated/negotiate/VERB/2/conj \
             with/with/ADP/8/case rebels/rebel/NOUN/6/obl ././PUNCT/2/punct",
            "The/the/DET/2/det ministry/ministry/NOUN/3/nsubj denied/deny/VERB/0/root \
             that/that/SCONJ/8/mark any/any/DET/6/det negotiations/negotiation/NOUN/8/nsubj \
             had/have/AUX/8/aux taken/take/VERB/3/ccomp place/place/NOUN/8/obj ././PUNCT/3/punct",
        );
        let evs = vec![
            event(&text, "travelled", 0, "04", "GOV", Modality::Asserted),
            event(&text, "negotiated", 0, "04", "GOV", Modality::Asserted),
        ];
        let d = find(&text, &ss, &evs, &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].claims, vec![evs[0].trigger, evs[1].trigger]);
    }

    #[test]
    fn a_role_in_a_deed_laid_on_groups_of_the_deniers_kind() {
        // Militias fired rockets at a base . Kataib Hezbollah denied any role in the attack .
        let (text, ss) = two(
            "Militias/militia/NOUN/2/nsubj fired/fire/VERB/0/root rockets/rocket/NOUN/2/obj \
             at/at/ADP/6/case a/a/DET/6/det base/base/NOUN/2/obl ././PUNCT/2/punct",
            "Kataib/Kataib/PROPN/3/nsubj Hezbollah/Hezbollah/PROPN/1/flat denied/deny/VERB/0/root \
             any/any/DET/5/det role/role/NOUN/3/obj in/in/ADP/8/case the/the/DET/8/det \
             attack/attack/NOUN/5/nmod ././PUNCT/3/punct",
        );
        let fired = event(&text, "fired", 0, "19", "IRNUAF", Modality::Asserted);
        let mut denied = event(&text, "denied", 1, "01", "IRQUAF", Modality::Asserted);
        denied.sources[0].span =
            Span::new(text.find("Kataib").unwrap(), text.find(" denied").unwrap());
        let d = find(&text, &ss, &[fired.clone(), denied.clone()], &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].claims, vec![fired.trigger]);
        // An army's strike is no armed group's deed.
        let mut fired = fired;
        fired.sources[0].code = "USAMIL".into();
        let d = find(&text, &ss, &[fired, denied], &[]);
        assert!(d[0].claims.is_empty());
    }

    #[test]
    fn a_counter_claim_takes_the_deaths_told_with_the_deed() {
        // A drone hit a wedding , killing guests , villagers said . The army said it did not
        // attack the village .
        let (text, ss) = two(
            "A/a/DET/2/det drone/drone/NOUN/3/nsubj hit/hit/VERB/0/root a/a/DET/5/det \
             wedding/wedding/NOUN/3/obj ,/,/PUNCT/7/punct killing/kill/VERB/3/advcl \
             guests/guest/NOUN/7/obj ,/,/PUNCT/10/punct villagers/villager/NOUN/11/nsubj \
             said/say/VERB/3/parataxis ././PUNCT/3/punct",
            "The/the/DET/2/det army/army/NOUN/3/nsubj said/say/VERB/0/root it/it/PRON/7/nsubj \
             did/do/AUX/7/aux not/not/PART/7/advmod attack/attack/VERB/3/ccomp \
             the/the/DET/9/det village/village/NOUN/7/obj ././PUNCT/3/punct",
        );
        let voice_of = |mut e: Event, v: &str| {
            e.attribution.chain = vec![voice(v)];
            e
        };
        let hit = voice_of(event(&text, "hit", 0, "19", "", Modality::Asserted), "villagers");
        let killing =
            voice_of(event(&text, "killing", 0, "18", "", Modality::Asserted), "villagers");
        let attack =
            voice_of(event(&text, "attack", 1, "19", "MIL", Modality::Negated), "The army");
        let d = find(&text, &ss, &[hit.clone(), killing.clone(), attack.clone()], &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].claims, vec![attack.trigger, hit.trigger, killing.trigger]);
    }
}
