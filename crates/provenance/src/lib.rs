//! Provenance for coded events: modality (did it happen, or was it planned, threatened,
//! denied…), the historical flag, attribution chains (outlet → cited outlet → source →
//! speaker), quotes with speakers, and a confidence.
//!
//! Input is what earlier stages made — the `Article`, its `AnalyzedSentence`s, and the coder's
//! `Event`s (each with its sentence index and trigger span, and its time when the time stage
//! ran first); output is the same events with their provenance fields filled in, plus the
//! article's quotes. Everything is read off the dependency tree; nothing here knows about HTML
//! or dictionaries.
//!
//! **Confidence** is a heuristic in [0, 1], not a calibrated probability: it starts at 1 and is
//! lowered for each part of the event the text left unresolved (no source code, no target code,
//! a nominal trigger, a modality decided by a cue far from the trigger, a pronoun argument). It
//! orders events for review; it is not a chance of being right.

pub mod attribution;
pub mod denial;
pub mod gold;
pub mod historical;
pub mod modality;
pub mod quotes;
pub mod score;
mod tree;

pub use tree::Tree;

use model::{
    AnalyzedSentence, Article, Attribution, AttributionLink, AttributionRole, Denial, Event,
    Modality, Quote, Span,
};
use quotes::Antecedent;

/// What provenance finds at the article level, beside the fields it fills in on events.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Annotations {
    /// Every direct quote, with its speaker.
    pub quotes: Vec<Quote>,
    /// Denials and counter-claims, each with the trigger spans of the events it contests.
    pub denials: Vec<Denial>,
}

/// Fills in `modality`, `negated`, `historical`, `attribution`, `disputed_by`, `confidence` and
/// `evidence` of each event, and returns the article's direct quotes with their speakers and its
/// denials with the claims they contest.
///
/// Events whose sentence index or trigger does not fit the sentences are left as they are.
pub fn annotate(
    article: &Article,
    sentences: &[AnalyzedSentence],
    events: &mut [Event],
) -> Annotations {
    annotate_with(article, sentences, events, &|_| None)
}

/// [`annotate`], with an actor coder for phrases of the text (`actor_of(span)`: the CAMEO actor
/// code the words of `span` name, if any). With it, attribution links, quote speakers and
/// deniers carry actor codes, and an event the text negates in the words of its own doer ("Sudan's foreign ministry said the government had never obstructed the
/// monitors") is a denial by the accused, not a plain negation.
pub fn annotate_with(
    article: &Article,
    sentences: &[AnalyzedSentence],
    events: &mut [Event],
    actor_of: &dyn Fn(Span) -> Option<String>,
) -> Annotations {
    let text = article.text.as_str();
    let published = article.published.as_ref().map(|p| p.value.as_str());
    // Named speakers by sentence, for pronoun resolution in chains and quotes.
    let named = named_sources(text, sentences);
    let quotes = quotes::attribute(text, sentences, &named);

    for ev in events.iter_mut() {
        let Some(s) = sentences.get(ev.sentence as usize) else { continue };
        let tree = Tree::new(s, text);
        let Some(t) = tree.head_token_in(ev.trigger) else { continue };

        let (mut modality, cue, negated) = modality::of(&tree, t);
        if modality == Modality::Asserted {
            if let Some(m) = anaphoric_modality(text, sentences, ev.sentence as usize, &tree, t) {
                modality = m;
            }
        }
        ev.modality = modality;
        ev.negated = ev.negated || negated;
        if let Some(c) = cue {
            push_evidence(&mut ev.evidence, c);
        }

        let (historical, hcue) = historical::of(&tree, t, ev.time.as_ref(), published);
        ev.historical = historical;
        if let Some(c) = hcue {
            push_evidence(&mut ev.evidence, c);
        }

        let sentence_index = ev.sentence as usize;
        let resolve = |n: usize| -> Option<(String, Span)> {
            let pron = tree.tok(n).span;
            named
                .iter()
                .rev()
                .find(|(si, a)| {
                    (*si < sentence_index || (*si == sentence_index && a.span.end <= pron.start))
                        && quotes::fits_pronoun(&tree.tok(n).form, &a.text)
                })
                .map(|(_, a)| (a.text.clone(), a.span))
        };
        let mut chain = Vec::new();
        if let Some(outlet) = &article.outlet {
            chain.push(AttributionLink {
                role: AttributionRole::Outlet,
                text: outlet.clone(),
                span: None,
                actor: None,
            });
        }
        let mut links = attribution::chain(&tree, t, &resolve);
        // "… told Reuters" in a Reuters story: the article's own outlet is no cited one.
        if let Some(outlet) = &article.outlet {
            links.retain(|l| {
                l.role != AttributionRole::CitedOutlet
                    || !attribution::names_outlet(&l.text, outlet)
            });
        }
        // A deed told inside a direct quote ("\"They hit us in the middle of Qamishli,\" SDF
        // commander Mazloum Abdi told reporters") is the quoted speaker's account, however the
        // parser hung the verb of saying.
        if links.is_empty() {
            let speaker =
                quotes.iter().find(|q| q.span.contains(ev.trigger)).and_then(|q| q.speaker.clone());
            links.extend(speaker);
        }
        for l in &links {
            if let Some(sp) = l.span {
                push_evidence(&mut ev.evidence, sp);
            }
        }
        chain.extend(links);
        ev.attribution = Attribution { chain };
        // "X will/would [hostile act] if Y …" said by X or X's own side ("The Kremlin said
        // Moscow would retaliate if …", "Opposition leaders said they would march on parliament
        // if …") is a conditional threat; said by a third party it stays hypothetical.
        if ev.modality == Modality::Hypothetical
            && hostile_root(&ev.root)
            && modality::conditional_undertaking(&tree, t)
                .is_some_and(|v| own_side_undertaking(ev, &tree, v, actor_of))
        {
            ev.modality = Modality::Threatened;
        }
        // A doer saying it did not do something denies it; saying it will not ("would not
        // withdraw its troops") is a refusal, which stays negated.
        let future = modality::to_come(&tree, t);
        if ev.modality == Modality::Negated
            && !ev.historical
            && !future
            && denied_by_its_doer(ev, actor_of)
        {
            ev.modality = Modality::Denied;
        }
        push_evidence(&mut ev.evidence, ev.trigger);
        ev.confidence = confidence(ev, &tree, t, cue);
    }
    inherit_cited_outlets(events);
    let denials = denial::find(text, sentences, events, &named);
    // What a denial's own sentence says did not happen ("rejected the claim, saying its troops
    // had not opened fire") is denied, not merely negated: the denier's own account. The
    // claims of earlier sentences it contests keep their modality.
    for d in &denials {
        // A counter-claim found by its negator alone ("had never obstructed") is not a denial by
        // a verb: who says it, and whether it is a denial, is decided above.
        let by_negator = d.claims.first() == Some(&d.cue)
            || matches!(d.text.to_lowercase().as_str(), "not" | "never" | "no" | "n't");
        if by_negator {
            continue;
        }
        for ev in events.iter_mut().filter(|e| {
            e.sentence == d.sentence
                && e.modality == Modality::Negated
                && d.claims.contains(&e.trigger)
        }) {
            ev.modality = Modality::Denied;
        }
    }
    for d in &denials {
        for claim in &d.claims {
            for ev in events.iter_mut().filter(|e| e.trigger == *claim) {
                ev.disputed_by.push(Denial { claims: Vec::new(), ..d.clone() });
            }
        }
    }
    let mut quotes = quotes;
    let mut denials = denials;
    code_voices(events, &mut quotes, &mut denials, actor_of);
    Annotations { quotes, denials }
}

/// Fills `actor` on every attribution link, quote speaker and denier named by words of the text
/// (`actor_of`, once per span); links already coded are left as they are.
fn code_voices(
    events: &mut [Event],
    quotes: &mut [Quote],
    denials: &mut [Denial],
    actor_of: &dyn Fn(Span) -> Option<String>,
) {
    let mut cache: std::collections::HashMap<Span, Option<String>> = Default::default();
    let mut code = |link: &mut AttributionLink| {
        if let (None, Some(span)) = (&link.actor, link.span) {
            link.actor = cache.entry(span).or_insert_with(|| actor_of(span)).clone();
        }
    };
    for ev in events.iter_mut() {
        ev.attribution.chain.iter_mut().for_each(&mut code);
        ev.disputed_by.iter_mut().filter_map(|d| d.denier.as_mut()).for_each(&mut code);
    }
    quotes.iter_mut().filter_map(|q| q.speaker.as_mut()).for_each(&mut code);
    denials.iter_mut().filter_map(|d| d.denier.as_mut()).for_each(&mut code);
}

/// A source named again by a definite description ("The ministry said …" after "the defence
/// ministry said, according to the Anadolu agency") speaks through the same outer links: the
/// cited outlet of its first mention is carried over.
fn inherit_cited_outlets(events: &mut [Event]) {
    let head_word = |t: &str| head_noun(t).to_lowercase();
    for i in 1..events.len() {
        let (before, rest) = events.split_at_mut(i);
        let ev = &mut rest[0];
        let outlet = usize::from(
            ev.attribution.chain.first().is_some_and(|l| l.role == AttributionRole::Outlet),
        );
        let Some(first) = ev.attribution.chain.get(outlet) else { continue };
        let lower = first.text.to_lowercase();
        if !(lower.starts_with("the ") || lower.starts_with("this ")) {
            continue;
        }
        let head = head_word(&first.text);
        let earlier = before.iter().rev().find_map(|e| {
            let links = &e.attribution.chain;
            links.iter().enumerate().skip(1).find_map(|(k, l)| {
                (l.role != AttributionRole::Outlet
                    && head_word(&l.text) == head
                    && l.span != first.span
                    && links[..k].iter().any(|o| o.role == AttributionRole::CitedOutlet))
                .then(|| links[..k].to_vec())
            })
        });
        if let Some(outer) = earlier {
            let inherited: Vec<AttributionLink> = outer
                .into_iter()
                .filter(|l| l.role != AttributionRole::Outlet)
                .filter(|l| !ev.attribution.chain.iter().any(|m| m.span == l.span))
                .collect();
            let at = outlet;
            for (k, l) in inherited.into_iter().enumerate() {
                ev.attribution.chain.insert(at + k, l);
            }
        }
    }
}

/// The head word of a source's phrase: its last word before a modifier phrase ("a security
/// official *in Nineveh province*" is an official, "a spokesman *for the ministry*" a
/// spokesman).
fn head_noun(phrase: &str) -> &str {
    let cut = [" in ", " of ", " for ", " at ", " from ", " with ", ", "]
        .iter()
        .filter_map(|m| phrase.find(m))
        .min()
        .unwrap_or(phrase.len());
    phrase[..cut].rsplit(' ').next().unwrap_or("")
}

/// Whether the innermost voice of a negated event names the same party as its doer.
/// A CAMEO root of conflict: threaten, protest, posture, reduce relations, coerce, assault,
/// fight, mass violence (13–20).
fn hostile_root(root: &str) -> bool {
    root.parse::<u8>().is_ok_and(|r| (13..=20).contains(&r))
}

/// Whether the undertaking at verb `v` is told by its own doer's side: the voice that tells it
/// is the doer's party ([`denied_by_its_doer`]'s test) or another arm of the doer's state (a
/// minister for the army), the voice is a member "of the group"/"of the movement" the story is
/// about, or the undertaking's subject is a personal pronoun taking up the voice ("Opposition
/// leaders said *they* would march").
fn own_side_undertaking(
    ev: &Event,
    tree: &Tree,
    v: usize,
    actor_of: &dyn Fn(Span) -> Option<String>,
) -> bool {
    let Some(voice) = ev.attribution.chain.last().filter(|l| l.role != AttributionRole::Outlet)
    else {
        return false;
    };
    let pronoun = modality::subject(tree, v).is_some_and(|c| {
        matches!(tree.form_lower(c).as_str(), "they" | "we" | "it" | "he" | "she")
    });
    if pronoun || denied_by_its_doer(ev, actor_of) {
        return true;
    }
    // "a commander of the group", "a spokesman for the movement": a definite generic noun
    // takes up the doer the sentence names.
    let lower = voice.text.to_lowercase();
    let member = ["of the ", "for the "].iter().any(|p| {
        lower.rsplit_once(p).is_some_and(|(_, n)| {
            matches!(
                n,
                "group"
                    | "movement"
                    | "rebels"
                    | "militia"
                    | "organisation"
                    | "organization"
                    | "insurgents"
                    | "army"
                    | "party"
                    | "junta"
                    | "government"
                    | "military"
                    | "regime"
            )
        })
    });
    if member {
        return true;
    }
    // Two arms of one state: "Defence Minister Benny Gantz" (ISRGOV) for the army (ISRMIL).
    const STATE: &[&str] = &["GOV", "MIL", "COP", "SPY", "LEG", "JUD"];
    let (Some(doer), Some(sp)) = (
        ev.sources.iter().map(|a| a.code.as_str()).find(|c| c.len() >= 3),
        voice.span.and_then(actor_of),
    ) else {
        return false;
    };
    let role = |c: &str| c.get(3..6).unwrap_or("GOV").to_string();
    !doer.starts_with("---")
        && sp.len() >= 3
        && doer[..3] == sp[..3]
        && STATE.contains(&role(doer).as_str())
        && STATE.contains(&role(&sp).as_str())
}

fn denied_by_its_doer(ev: &Event, actor_of: &dyn Fn(Span) -> Option<String>) -> bool {
    let Some(speaker) = ev
        .attribution
        .chain
        .last()
        .filter(|l| l.role != AttributionRole::Outlet)
        .and_then(|l| l.span)
    else {
        return false;
    };
    let Some(doer) = ev.sources.iter().map(|a| a.code.as_str()).find(|c| c.len() >= 3) else {
        return false;
    };
    let Some(voice) = actor_of(speaker).filter(|c| c.len() >= 3) else {
        return false;
    };
    if doer.starts_with("---") {
        // "the army said *its* aircraft did not attack", "rebels said *their* fighters had
        // not…": a doer the voice owns by a possessive, or the voice's own words taken as the
        // doer, is the voice's own side.
        let owned = ev.sources.iter().any(|a| {
            let t = a.text.to_lowercase();
            a.span.overlaps(speaker) || ["its ", "their ", "our "].iter().any(|p| t.starts_with(p))
        });
        return owned;
    }
    if voice.starts_with("---") {
        return false;
    }
    // The same party: equal codes, one role refining the other ("IRQGOV" / "IRQGOVMIN"), or a
    // country speaking for its government.
    let v = voice.as_str();
    doer == v
        || (doer.len() >= 6 && v.len() >= 6 && (doer.starts_with(v) || v.starts_with(doer)))
        || (v.len() == 3 && doer.strip_prefix(v) == Some("GOV"))
        || (doer.len() == 3 && v.strip_prefix(doer) == Some("GOV"))
}

fn push_evidence(evidence: &mut Vec<Span>, span: Span) {
    if !evidence.contains(&span) {
        evidence.push(span);
    }
}

/// A definite nominal trigger ("the attack") inherits the modality of an earlier mention of the
/// same noun whose modality was marked ("an attempted attack").
fn anaphoric_modality(
    text: &str,
    sentences: &[AnalyzedSentence],
    si: usize,
    tree: &Tree,
    t: usize,
) -> Option<Modality> {
    if tree.tok(t).upos != "NOUN"
        || !tree.children(t).any(|c| {
            tree.rel(c) == "det" && matches!(tree.form_lower(c).as_str(), "the" | "this" | "that")
        })
    {
        return None;
    }
    let lemma = tree.lemma(t);
    for s in sentences[..=si.min(sentences.len() - 1)].iter().rev() {
        let other = Tree::new(s, text);
        for i in 0..other.len() {
            if other.tok(i).span.start >= tree.tok(t).span.start
                || other.tok(i).upos != "NOUN"
                || other.lemma(i) != lemma
            {
                continue;
            }
            let (m, _, _) = modality::of(&other, i);
            if matches!(
                m,
                Modality::Attempted | Modality::Planned | Modality::Alleged | Modality::Denied
            ) {
                return Some(m);
            }
        }
    }
    None
}

/// Non-pronoun subjects of verbs of saying, by sentence, in text order.
fn named_sources(text: &str, sentences: &[AnalyzedSentence]) -> Vec<(usize, Antecedent)> {
    let mut out = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let tree = Tree::new(s, text);
        for v in 0..tree.len() {
            if !tree.is_verbal(v) || !attribution::SPEECH.contains(&tree.lemma(v).as_str()) {
                continue;
            }
            if let Some(sub) = attribution::subject(&tree, v) {
                if tree.tok(sub).upos != "PRON" {
                    let span = tree.name_span(sub);
                    out.push((si, Antecedent { text: tree.slice(span).to_string(), span }));
                }
            }
        }
    }
    out.sort_by_key(|(si, a)| (*si, a.span.start));
    out
}

fn confidence(ev: &Event, tree: &Tree, t: usize, cue: Option<Span>) -> f32 {
    let mut c: f32 = 1.0;
    if ev.sources.iter().all(|a| a.code.is_empty()) {
        c -= 0.25;
    }
    if ev.targets.iter().all(|a| a.code.is_empty()) {
        c -= 0.15;
    }
    if tree.tok(t).upos == "NOUN" {
        c -= 0.1;
    }
    if let Some(cue) = cue {
        let far = tree.tok(t).span.start.abs_diff(cue.start) > 60;
        if far {
            c -= 0.1;
        }
    }
    if ev
        .sources
        .iter()
        .chain(&ev.targets)
        .any(|a| matches!(a.text.to_lowercase().as_str(), "he" | "she" | "they" | "it"))
    {
        c -= 0.1;
    }
    c.clamp(0.05, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{ActorRef, ContentHash};

    #[test]
    fn a_source_is_named_by_its_head_noun() {
        assert_eq!(head_noun("a security official in Nineveh province"), "official");
        assert_eq!(head_noun("a spokesman for the interior ministry"), "spokesman");
        assert_eq!(head_noun("the provincial police chief"), "chief");
        assert_eq!(head_noun("Captain Nur, a commander at the base"), "Nur");
    }

    fn negated(doer: &str, voice_span: Option<Span>) -> Event {
        let mut chain = vec![AttributionLink {
            role: AttributionRole::Outlet,
            text: "Reuters".into(),
            span: None,
            actor: None,
        }];
        if let Some(span) = voice_span {
            chain.push(AttributionLink {
                role: AttributionRole::Source,
                text: "the ministry".into(),
                span: Some(span),
                actor: None,
            });
        }
        Event {
            article: ContentHash("t".into()),
            sentence: 0,
            trigger: Span::new(40, 50),
            sources: vec![ActorRef {
                code: doer.into(),
                text: String::new(),
                span: Span::new(30, 38),
            }],
            targets: vec![],
            code: "120".into(),
            root: "12".into(),
            base: "120".into(),
            goldstein: 0.0,
            quad_class: 3,
            plover_type: None,
            plover_mode: None,
            modality: Modality::Negated,
            negated: true,
            historical: false,
            attribution: Attribution { chain },
            disputed_by: Vec::new(),
            time: None,
            location: None,
            confidence: 1.0,
            evidence: Vec::new(),
        }
    }

    #[test]
    fn a_conditional_hostile_act_told_by_its_own_side_is_a_threat() {
        // "… said they/the army would shell the port if the talks collapsed."
        let spec = |subj: &str| {
            format!("{subj}/x/{}/4/nsubj would/would/AUX/4/aux shell/shell/VERB/0/root the/the/DET/6/det port/port/NOUN/4/obj if/if/SCONJ/9/mark talks/talk/NOUN/9/nsubj collapsed/collapse/VERB/4/advcl", if subj == "they" { "PRON" } else { "NOUN" })
        };
        let judge = |subj: &str, doer: &str, voice: Option<&str>, code: Option<&'static str>| {
            let (text, s) = crate::tree::test_util::sentence(&spec(subj));
            let tree = Tree::new(&s, &text);
            let mut ev = negated(doer, voice.map(|_| Span::new(0, 20)));
            if let (Some(v), Some(link)) = (voice, ev.attribution.chain.get_mut(1)) {
                link.text = v.into();
            }
            own_side_undertaking(&ev, &tree, 3, &|_: Span| code.map(str::to_string))
        };
        // "Opposition leaders said they would march …": the pronoun takes up the voice.
        assert!(judge("they", "KENOPP", Some("Opposition leaders"), None));
        // "The Kremlin said Moscow would …"; a minister for the army; a commander of the group.
        assert!(judge("army", "RUS", Some("The Kremlin"), Some("RUSGOV")));
        assert!(judge("army", "ISRMIL", Some("Defence Minister Avi Cohen"), Some("ISRGOV")));
        assert!(judge("army", "COLREB", Some("a commander of the group"), None));
        // "Niger's military government will expel … if …, a spokesman for the junta said";
        // "… a spokesman for the government said".
        assert!(judge("army", "NERGOV", Some("a spokesman for the junta"), None));
        assert!(judge("army", "MMRMIL", Some("a spokesman for the military"), None));
        assert!(!judge("army", "MMRMIL", Some("a spokesman for the embassy"), None));
        // A third party's forecast, or the outlet's own voice, stays hypothetical.
        assert!(!judge("army", "ISRMIL", Some("analysts"), None));
        assert!(!judge("army", "ISRMIL", Some("a U.S. official"), Some("USAGOV")));
        assert!(!judge("army", "SDNREB", Some("the interior minister"), Some("SDNGOV")));
        assert!(!judge("they", "ISRMIL", None, None));
        assert!(hostile_root("19") && hostile_root("13") && !hostile_root("04"));
    }

    #[test]
    fn a_negation_in_the_doers_own_words_is_a_denial() {
        let voice = Some(Span::new(0, 20));
        let says = |code: &'static str| move |_: Span| Some(code.to_string());
        assert!(denied_by_its_doer(&negated("SDNGOV", voice), &says("SDNGOV")));
        assert!(denied_by_its_doer(&negated("SDNGOV", voice), &says("SDN")));
        assert!(denied_by_its_doer(&negated("IRQGOV", voice), &says("IRQGOVMIN")));
        // Another party's word, an unknown voice, or no voice at all: a plain negation.
        assert!(!denied_by_its_doer(&negated("SDNREB", voice), &says("SDN")));
        assert!(!denied_by_its_doer(&negated("SDNGOV", voice), &says("USAGOV")));
        assert!(!denied_by_its_doer(&negated("SDNGOV", voice), &|_| None));
        assert!(!denied_by_its_doer(&negated("SDNGOV", None), &says("SDNGOV")));
        assert!(!denied_by_its_doer(&negated("---GOV", voice), &says("---GOV")));
        // "the army said its aircraft did not attack": owned by a possessive, the voice's own.
        let mut own = negated("---MIL", voice);
        own.sources[0].text = "its aircraft".into();
        assert!(denied_by_its_doer(&own, &says("---MIL")));
        own.sources[0].text = "the aircraft".into();
        assert!(!denied_by_its_doer(&own, &says("---MIL")));
        // The voice's own words read as the doer.
        own.sources[0].span = Span::new(4, 12);
        assert!(denied_by_its_doer(&own, &says("---MIL")));
    }
}
