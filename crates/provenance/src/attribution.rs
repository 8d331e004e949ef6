//! Attribution chains: who says an event happened, from the outlet down to the innermost
//! source. Links come from verbs of saying, denying, accusing and threatening that govern the
//! trigger ("X said …", "… , X reported"), from "according to X", and from "quoting X" /
//! "citing X". The trigger's own subject is never a link: "A denied B" is A's act, not a claim
//! attributed to A.

use crate::tree::Tree;
use model::{AttributionLink, AttributionRole, Span};

/// Verbs whose subject vouches for their complement.
pub const SPEECH: &[&str] = &[
    "say",
    "tell",
    "report",
    "announce",
    "state",
    "add",
    "claim",
    "confirm",
    "disclose",
    "reveal",
    "insist",
    "write",
    "note",
    "explain",
    "declare",
    "assert",
    "allege",
    "testify",
    "acknowledge",
    "admit",
    "argue",
    "believe",
    "suggest",
    "indicate",
    "estimate",
    "quote",
    "cite",
    "stress",
    "tweet",
    "post",
    "publish",
    "broadcast",
    "show",
    "conclude",
    "find",
    "warn",
    "threaten",
    "vow",
    "deny",
    "accuse",
    "blame",
    "charge",
    "reject",
    "dismiss",
    "signal",
    "predict",
    "affirm",
    "maintain",
    "contend",
    "specify",
    "describe",
    "call",
    "brief",
    "recount",
    "recall",
    "inform",
    "understand",
    "learn",
    "think",
    "know",
];

/// Verbs of saying proper: "as X said" attributes, "as X believes" explains.
const CORE_SPEECH: &[&str] =
    &["say", "report", "tell", "state", "announce", "note", "confirm", "write", "put", "add"];

const OUTLET_WORDS: &[&str] = &[
    "agency",
    "news",
    "television",
    "tv",
    "radio",
    "newspaper",
    "daily",
    "channel",
    "broadcaster",
    "times",
    "post",
    "press",
    "journal",
    "gazette",
    "herald",
    "tribune",
    "website",
    "outlet",
    "reuters",
    "afp",
    "ap",
    "xinhua",
    "kcna",
    "irna",
    "anadolu",
    "tass",
    "interfax",
    "ria",
    "yonhap",
    "kyodo",
    "bbc",
    "cnn",
    "al-jazeera",
    "jazeera",
    "al-arabiya",
    "arabiya",
    "wafa",
    "sana",
    "isna",
    "fars",
    "mehr",
    "tasnim",
    "bernama",
    "antara",
    "ani",
    "pti",
    "efe",
    "dpa",
    "ansa",
    "upi",
    "aljazeera",
    "al-hadath",
    "hadath",
    "media",
    "magazine",
    "wire",
];
const DOCUMENT_WORDS: &[&str] = &[
    "statement",
    "report",
    "communique",
    "communiqué",
    "document",
    "letter",
    "memo",
    "filing",
    "indictment",
    "release",
    "bulletin",
    "video",
    "message",
    "post",
    "tweet",
    "study",
    "survey",
];

/// Attribution links for the event whose trigger is token `t`, outermost first.
///
/// `resolve` maps a pronoun token to an antecedent link (text and span) from earlier sentences.
pub fn chain(
    tree: &Tree,
    t: usize,
    resolve: &dyn Fn(usize) -> Option<(String, Span)>,
) -> Vec<AttributionLink> {
    let mut inner_first: Vec<AttributionLink> = Vec::new();
    let mut path = vec![t];
    path.extend(tree.ancestors(t));
    let speaker_act = conjoined_with_the_saying(tree, t);
    let mut prev: Option<usize> = None;
    for (depth, &a) in path.iter().enumerate() {
        // The speaker's own second act ("said it was monitoring the situation and *called
        // on* Iran to …"): no verb of saying above vouches for it.
        if speaker_act == Some(a) {
            break;
        }
        // A statement in an adverbial clause ("denied shelling the town *after* a militia
        // *said* artillery fire had killed two fighters"): the deed is that speaker's claim,
        // not vouched for by the voice of the clause it modifies.
        // ", a day after officers seized a building" closing a sentence dates the news the
        // sentence reports against an earlier deed, told in the report's own voice, wherever
        // the parser hung it.
        if prev.is_some_and(|p| lagged_clause_of_time(tree, p)) {
            break;
        }
        // A deed told in a relative clause on a thing is the report's own fact, not vouched
        // for by a voice above the thing ([`presupposed_relative`]).
        if prev.is_some_and(|p| presupposed_relative(tree, p)) {
            break;
        }
        if let Some(p) = prev {
            if tree.rel(p) == "advcl"
                && CORE_SPEECH.contains(&tree.lemma(p).as_str())
                && subject(tree, p).is_some_and(|s| tree.head(s) == Some(p))
                && !tree.children(p).any(|m| tree.form_lower(m) == "as")
            {
                break;
            }
        }
        // "according to X" on the clause of the event or any clause above it.
        for c in tree.children(a) {
            if tree.rel(c) == "obl"
                && tree
                    .children(c)
                    .any(|m| tree.rel(m) == "case" && tree.form_lower(m) == "according")
            {
                push(&mut inner_first, tree, c, resolve);
            }
        }
        // "…, X said": a speech verb in parataxis (or reported-speech ccomp/advcl) hanging off
        // this clause.
        for c in tree.children(a) {
            if Some(c) == prev {
                continue;
            }
            let rel = tree.rel(c);
            // Parsers often attach a trailing "…, X said" as `conj`: without a coordinator it is
            // reported speech, not a second event.
            let asyndetic_conj =
                rel == "conj" && c > a && !tree.children(c).any(|m| tree.rel(m) == "cc");
            if (matches!(rel, "parataxis" | "advcl" | "ccomp") || asyndetic_conj)
                && is_attribution_verb(tree, c)
                && c != t
            {
                // An advcl attribution is only "as X said"; a plain advcl is an ordinary clause.
                if rel == "advcl"
                    && !(tree.children(c).any(|m| tree.form_lower(m) == "as")
                        && CORE_SPEECH.contains(&tree.lemma(c).as_str()))
                {
                    continue;
                }
                add_verb_links(&mut inner_first, tree, c, resolve);
            }
        }
        // The event sits inside the complement of a speech verb: "X said [that …]".
        if depth > 0 {
            let via = prev.map(|p| tree.rel(p)).unwrap_or("");
            if is_attribution_verb(tree, a)
                && matches!(
                    via,
                    "ccomp"
                        | "xcomp"
                        | "obj"
                        | "advcl"
                        | "obl"
                        | "nmod"
                        | "csubj"
                        | "dep"
                        | "parataxis"
                )
                && !(via == "parataxis" && tree.lemma(a) != "say")
            {
                add_verb_links(&mut inner_first, tree, a, resolve);
            }
        }
        prev = Some(a);
    }
    // "…, Mehr news agency reported." is the outermost voice even when the parser hung it
    // somewhere the walk above does not pass.
    if let Some((v, np)) = trailing_speech(tree, t) {
        match np {
            Some(span) => {
                // The words before "said" are its speaker: a subject the parser gave the verb
                // further back ("killed *seven militants* …, Turkey's defence ministry said",
                // with "militants" read as the subject of "said") is an argument of the report.
                if let Some(wrong) =
                    subject(tree, v).filter(|&s| tree.name_span(s).end <= span.start)
                {
                    let wrong = tree.name_span(wrong);
                    inner_first.retain(|l| !l.span.is_some_and(|sp| sp.overlaps(wrong)));
                }
                // "…, state news agency TASS said, citing the regional governor": the cited
                // source under the verb is the inner link.
                add_cited_links(&mut inner_first, tree, v, resolve);
                let text = tree.slice(span).to_string();
                let role = classify(&text, tree.lemma(v).as_str());
                let role =
                    if role == AttributionRole::Document { AttributionRole::Source } else { role };
                inner_first.push(AttributionLink { role, text, span: Some(span), actor: None });
                if let Some(o) = told_outlet(tree, v) {
                    push(&mut inner_first, tree, o, resolve);
                }
            }
            None => add_verb_links(&mut inner_first, tree, v, resolve),
        }
    }
    // "…, the ministry said, according to the Anadolu agency." wherever the parser hung it:
    // a sentence-final "according to X" after the trigger is the outermost voice.
    for k in t + 1..tree.len() {
        if tree.form_lower(k) != "according"
            || k + 1 >= tree.len()
            || tree.form_lower(k + 1) != "to"
        {
            continue;
        }
        let Some(np) = tree.head(k).filter(|&h| h > k + 1) else { continue };
        let span = tree.name_span(np);
        if inner_first.iter().any(|l| l.span.is_some_and(|s| s.overlaps(span))) {
            continue;
        }
        push(&mut inner_first, tree, np, resolve);
    }
    inner_first.reverse();
    dedup(&mut inner_first);
    inner_first
}

/// Whether `v` heads a relative clause on a thing, with `that`/`which` for its subject ("a
/// drone attack *that killed* three soldiers", "the bombing, *which wounded* 30 people"): what
/// such a clause tells of its noun is taken for granted by whoever speaks of the noun, so a
/// voice or a denial above the noun is not the deed's ("Tehran denied any role in a drone
/// attack that killed three U.S. soldiers": the killing is the report's fact).
pub fn presupposed_relative(tree: &Tree, v: usize) -> bool {
    tree.full_rel(v) == "acl:relcl"
        && !SPEECH.contains(&tree.lemma(v).as_str())
        && tree.children(v).any(|c| {
            tree.rel(c) == "nsubj" && matches!(tree.form_lower(c).as_str(), "that" | "which")
        })
}

/// Whether `v` is a clause of time measured from its event and set off by a comma: ", a day
/// after …", ", hours before …", ", two weeks after …".
fn lagged_clause_of_time(tree: &Tree, v: usize) -> bool {
    if tree.rel(v) != "advcl" {
        return false;
    }
    let Some(mark) = tree.children(v).find(|&m| {
        tree.rel(m) == "mark" && matches!(tree.form_lower(m).as_str(), "after" | "before")
    }) else {
        return false;
    };
    // Read from the words: the parser hangs the measure on the clause or on the verb above.
    if mark == 0
        || !matches!(
            tree.lemma(mark - 1).as_str(),
            "minute" | "hour" | "day" | "week" | "month" | "year"
        )
    {
        return false;
    }
    let mut first = mark - 1;
    while first > 0 && matches!(tree.tok(first - 1).upos.as_str(), "DET" | "NUM" | "ADJ") {
        first -= 1;
    }
    first > 0 && matches!(tree.tok(first - 1).form.as_str(), "," | "—" | "–")
}

/// For a trigger `t` conjoined to the verb of a speech complement but in another form — a
/// bare simple past beside a progressive or a modal ("said it *was monitoring* the situation
/// and *called* on Iran to …", "said the motion *would fail* and *accused* the opposition") —
/// the verb of saying: the parser joined the speaker's second act to what was said.
fn conjoined_with_the_saying(tree: &Tree, t: usize) -> Option<usize> {
    if tree.rel(t) != "conj" || tree.tok(t).xpos != "VBD" {
        return None;
    }
    let own = |v: usize, rels: &[&str]| tree.children(v).any(|c| rels.contains(&tree.rel(c)));
    if own(t, &["nsubj", "aux"]) {
        return None;
    }
    let first = tree.head(t)?;
    // A perfect's "had" may be shared ("said they had foiled a plot and arrested three
    // suspects"); a progressive's or a modal's is not ("was monitoring …", "would fail").
    let other_form = tree
        .children(first)
        .any(|c| tree.rel(c) == "aux" && !matches!(tree.lemma(c).as_str(), "have" | "to"));
    if !tree.is_verbal(first) || !other_form || !matches!(tree.rel(first), "ccomp") {
        return None;
    }
    let v = tree.head(first)?;
    (is_attribution_verb(tree, v) && v < first).then_some(v)
}

fn is_attribution_verb(tree: &Tree, v: usize) -> bool {
    let l = tree.lemma(v);
    tree.is_verbal(v) && SPEECH.contains(&l.as_str())
}

/// The subject of speech verb `v` (through conjunction and passive agents), then any
/// "quoting X" / "citing X" inside it, innermost first.
fn add_verb_links(
    out: &mut Vec<AttributionLink>,
    tree: &Tree,
    v: usize,
    resolve: &dyn Fn(usize) -> Option<(String, Span)>,
) {
    add_cited_links(out, tree, v, resolve);
    if let Some(subj) = subject(tree, v) {
        push(out, tree, subj, resolve);
    }
    if let Some(o) = told_outlet(tree, v) {
        push(out, tree, o, resolve);
    }
    // "X said, according to Y": Y is outside X.
    for c in tree.children(v) {
        if tree.rel(c) == "obl" && is_according(tree, c) {
            push(out, tree, c, resolve);
        }
    }
    // "… said in a statement": the document as an extra outer link is noise; the subject suffices.
}

/// The object of "X quoted Y as saying/telling": Y, whose words X passes on.
fn quoted_as_saying(tree: &Tree, v: usize) -> Option<usize> {
    if tree.lemma(v) != "quote" || !tree.is_verbal(v) {
        return None;
    }
    let as_saying = tree.children(v).any(|c| {
        matches!(tree.rel(c), "advcl" | "xcomp" | "obl")
            && matches!(tree.lemma(c).as_str(), "say" | "tell")
            && tree.children(c).any(|m| tree.form_lower(m) == "as")
    });
    as_saying.then(|| tree.child_with(v, &["obj"])).flatten()
}

/// The outlet a speaker told what is reported ("a commander told *a local radio station*",
/// "witnesses told *the private television channel Somoy TV*"): an outer voice, between the
/// article's outlet and the speaker. ("told Reuters" names the article's own outlet, which the
/// caller drops.)
fn told_outlet(tree: &Tree, v: usize) -> Option<usize> {
    if tree.lemma(v) != "tell" {
        return None;
    }
    tree.children(v).filter(|&c| matches!(tree.full_rel(c), "obj" | "iobj")).find(|&c| {
        let span = tree.name_span(c);
        classify(tree.slice(span), tree.lemma(c).as_str()) == AttributionRole::CitedOutlet
    })
}

/// "quoting X", "citing X" under speech verb `v`: the inner source.
fn add_cited_links(
    out: &mut Vec<AttributionLink>,
    tree: &Tree,
    v: usize,
    resolve: &dyn Fn(usize) -> Option<(String, Span)>,
) {
    let before = out.len();
    // "state media quoted the judiciary as saying": the one quoted is the inner voice.
    if let Some(o) = quoted_as_saying(tree, v) {
        push(out, tree, o, resolve);
        return;
    }
    for c in tree.children(v) {
        let l = tree.lemma(c);
        if matches!(tree.rel(c), "advcl" | "xcomp" | "conj")
            && matches!(l.as_str(), "quote" | "cite")
        {
            if let Some(o) = tree.child_with(c, &["obj", "obl"]) {
                // "citing the Iraqi News Agency, which quoted a security official": the one
                // the cited outlet quoted is the innermost voice.
                let relayed = tree.children(o).find(|&r| {
                    tree.full_rel(r) == "acl:relcl"
                        && matches!(tree.lemma(r).as_str(), "quote" | "cite")
                });
                if let Some(inner) = relayed.and_then(|r| tree.child_with(r, &["obj"])) {
                    push(out, tree, inner, resolve);
                }
                push(out, tree, o, resolve);
            }
        }
    }
    if out.len() > before {
        return;
    }
    // The parser made ", citing" a preposition of a noun under the verb ("said on Thursday,
    // citing/case witnesses/nmod"): read it from the words, inside the verb's phrase, when
    // what is cited names people or a body ("citing security concerns" gives a reason).
    let phrase = tree.subtree(v);
    for k in phrase.iter().copied().filter(|&k| k > v && k > 0) {
        if !matches!(tree.form_lower(k).as_str(), "citing" | "quoting")
            || tree.form_lower(k - 1) != ","
        {
            continue;
        }
        let o = match tree.rel(k) {
            "case" | "mark" => tree.head(k).filter(|&h| h > k),
            _ => tree.child_with(k, &["obj", "obl"]),
        };
        if let Some(o) = o.filter(|&o| {
            tree.tok(o).upos == "PROPN" || CITED_PEOPLE.contains(&tree.lemma(o).as_str())
        }) {
            push(out, tree, o, resolve);
            return;
        }
    }
}

fn is_according(tree: &Tree, n: usize) -> bool {
    tree.children(n).any(|m| tree.rel(m) == "case" && tree.form_lower(m) == "according")
}

/// The sentence-final "…, X said." that the parser attached somewhere unhelpful: a verb of
/// saying after the trigger, right after a comma-bounded noun phrase that follows the trigger.
/// Returns the verb, and the noun phrase's span when the tree does not give the verb that
/// whole phrase as its subject ("…, residents and medical officials said" with the parser
/// joining "residents" to the object before the comma).
fn trailing_speech(tree: &Tree, t: usize) -> Option<(usize, Option<Span>)> {
    (t + 1..tree.len()).find_map(|v| {
        if !(tree.is_verbal(v) && CORE_SPEECH.contains(&tree.lemma(v).as_str()))
            && quoted_as_saying(tree, v).is_none()
        {
            return None;
        }
        // The comma-bounded noun phrase right before the verb: the voice as written.
        if let Some((a, b)) = linear_subject(tree, v).filter(|&(a, _)| a > t + 1) {
            let whole = tree.tok(a).span.cover(tree.tok(b).span);
            // Where the tree's subject covers the phrase, let the tree's reading give the links
            // (it also finds "quoting X" and "according to X" under the verb).
            // A phrase with a preposition of its own is no subject, whatever the parser made of
            // it ("…, *on Sunday*, one of the militia leaders said").
            let tree_subject = subject(tree, v)
                .filter(|&s| tree.child_with(s, &["case"]).is_none())
                .map(|s| tree.name_span(s));
            return Some(match tree_subject {
                Some(sp) if sp.start <= whole.start && sp.end >= whole.end => (v, None),
                _ => (v, Some(whole)),
            });
        }
        let subj = subject(tree, v).filter(|&s| s > t)?;
        // The subject phrase's first word (a comma the parser hung under it does not count).
        let first_word = tree.subtree(subj).into_iter().find(|&k| tree.tok(k).upos != "PUNCT");
        let start = first_word.unwrap_or(subj).min(v);
        let comma_before =
            start > 0 && matches!(tree.tok(start - 1).form.as_str(), "," | "—" | "–");
        (comma_before && start > t + 1).then_some((v, None))
    })
}

/// The words right before verb `v` back to a comma, when they are a plain noun phrase (determiners,
/// adjectives, nouns, names, numbers, coordination) holding a noun or name: first and last token.
fn linear_subject(tree: &Tree, v: usize) -> Option<(usize, usize)> {
    // A relative clause closing the phrase: "…, residents who fled the town told Reuters",
    // "…, the charity that employs them said" — the noun phrase before the relative word,
    // with the clause, is the voice as written.
    let comma = (0..v).rev().find(|&k| matches!(tree.tok(k).form.as_str(), "," | "—" | "–"))?;
    let relative = (comma + 2..v).rev().find(|&j| {
        matches!(tree.form_lower(j).as_str(), "who" | "that" | "which")
            && matches!(tree.tok(j - 1).upos.as_str(), "NOUN" | "PROPN")
    });
    if let Some((a, _)) = relative.and_then(|j| plain_subject(tree, j)) {
        return Some((a, v - 1));
    }
    plain_subject(tree, v)
}

/// The plain noun phrase right before token `v` back to a comma (see [`linear_subject`]).
fn plain_subject(tree: &Tree, v: usize) -> Option<(usize, usize)> {
    let mut a = v;
    while a > 0 {
        let k = a - 1;
        let tok = tree.tok(k);
        if matches!(tok.form.as_str(), "," | "—" | "–") {
            break;
        }
        // "the State Committee *for* National Security", "the army*'s* chief *of* staff".
        let inside = |k: usize| k > 0 && k + 1 < v;
        let nominal = matches!(tok.upos.as_str(), "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM" | "CCONJ")
                || (tok.upos == "PUNCT" && tok.form == "-")
                // "the Tuareg-led alliance", "Iran-backed militias"
                || (k > 0 && tok.upos == "VERB" && tree.tok(k - 1).form == "-")
                || (tok.upos == "PRON" && tok.feats.contains("Poss=Yes"))
                || (inside(k) && tok.upos == "ADP" && matches!(tok.form.as_str(), "of" | "for"))
                || (inside(k) && matches!(tok.form.as_str(), "'s" | "’s" | "'" | "’"));
        if !nominal {
            return None;
        }
        a = k;
    }
    if a == 0 || a == v || !matches!(tree.tok(a - 1).form.as_str(), "," | "—" | "–") {
        return None;
    }
    let last = v - 1;
    let has_noun = (a..=last).any(|k| matches!(tree.tok(k).upos.as_str(), "NOUN" | "PROPN"));
    let ends_well = matches!(tree.tok(last).upos.as_str(), "NOUN" | "PROPN");
    (has_noun && ends_well && tree.tok(a).upos != "CCONJ").then_some((a, last))
}

/// The subject of a verb, following `conj` to the first conjunct and passive `by` agents.
pub fn subject(tree: &Tree, v: usize) -> Option<usize> {
    // "the official was quoted as saying", "a source was cited as saying": the one quoted is
    // the passive subject of "quoted", who speaks.
    if matches!(tree.lemma(v).as_str(), "quote" | "cite") {
        if let Some(s) = tree.children(v).find(|&c| tree.full_rel(c) == "nsubj:pass") {
            return Some(s);
        }
    }
    let mut cur = v;
    for _ in 0..4 {
        if let Some(s) = tree
            .children(cur)
            .find(|&c| matches!(tree.full_rel(c), "nsubj" | "nsubj:outer" | "csubj"))
        {
            // "…, on Wednesday denied …" read with the day as the subject: a day or month
            // names when, never who.
            if is_time_word(&tree.lemma(s)) {
                return None;
            }
            return Some(s);
        }
        if let Some(agent) = tree.children(cur).find(|&c| {
            tree.full_rel(c) == "obl:agent"
                || (tree.rel(c) == "obl"
                    && tree
                        .children(c)
                        .any(|m| tree.rel(m) == "case" && tree.form_lower(m) == "by"))
        }) {
            if tree
                .children(cur)
                .any(|c| tree.full_rel(c) == "nsubj:pass" || tree.full_rel(c) == "aux:pass")
            {
                return Some(agent);
            }
        }
        match (tree.rel(cur), tree.head(cur)) {
            ("conj" | "advcl" | "xcomp", Some(h)) => cur = h,
            _ => return None,
        }
    }
    None
}

fn push(
    out: &mut Vec<AttributionLink>,
    tree: &Tree,
    n: usize,
    resolve: &dyn Fn(usize) -> Option<(String, Span)>,
) {
    // "a member …, who was to carry out the attack": a relative pronoun stands for the noun
    // its clause modifies.
    let n = if matches!(tree.form_lower(n).as_str(), "who" | "which" | "that")
        && tree.head(n).is_some_and(|h| tree.full_rel(h) == "acl:relcl")
    {
        tree.head(n).and_then(|h| tree.head(h)).unwrap_or(n)
    } else {
        n
    };
    let (text, span) = match (tree.tok(n).upos.as_str(), resolve(n)) {
        ("PRON", Some((text, span))) => (text, span),
        _ => {
            let span = without_time(tree, n, tree.name_span(n));
            (tree.slice(span).to_string(), span)
        }
    };
    if text.is_empty() || dateline_like(&text) {
        return;
    }
    let role = classify(&text, tree.lemma(n).as_str());
    out.push(AttributionLink { role, text, span: Some(span), actor: None });
}

/// Whether a phrase is a wire dateline the sentence splitter left on the lead
/// ("PORT-AU-PRINCE, March 30 (Reuters"): a place in capitals, a comma, then a date.
fn dateline_like(text: &str) -> bool {
    let Some((place, rest)) = text.split_once(',') else { return false };
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && place.chars().all(|c| c.is_uppercase() || matches!(c, '-' | ' ' | '\'' | '.'))
        && rest.chars().any(|c| c.is_ascii_digit())
}

/// Whether a word names a day or month, not a speaker: a subject the parser gives a verb from
/// "on Wednesday". The days of [`DAY_WORDS`] but "tonight", "tomorrow", and the months written
/// in full but "may" (the modal's lemma).
pub fn is_time_word(lemma: &str) -> bool {
    let l = lemma.to_ascii_lowercase();
    l == "tomorrow"
        || (l != "tonight" && DAY_WORDS.contains(&l.as_str()))
        || (l != "may" && model::days::month(&l).is_some_and(|(_, abbreviated)| !abbreviated))
}

/// Nouns of people or bodies that a ", citing X" read from the words may name.
const CITED_PEOPLE: &[&str] = &[
    "witness",
    "resident",
    "official",
    "source",
    "relative",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "officer",
    "governor",
    "minister",
    "ministry",
    "police",
    "activist",
    "survivor",
    "doctor",
    "medic",
    "diplomat",
    "commander",
    "lawmaker",
];

/// Days a time phrase the parser hung on a speaker may name ("Fiji's military commander on
/// Thursday denied …").
const DAY_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
];

/// `span`, the phrase of noun `n`, without a time phrase after the noun that the parser made
/// its modifier ("the commander on Thursday" → "the commander").
fn without_time(tree: &Tree, n: usize, span: Span) -> Span {
    let time =
        tree.children(n).filter(|&c| c > n && matches!(tree.rel(c), "nmod" | "obl")).find(|&c| {
            DAY_WORDS.contains(&tree.form_lower(c).as_str())
                && tree.children(c).any(|m| tree.rel(m) == "case" && tree.form_lower(m) == "on")
        });
    let Some(c) = time else { return span };
    let first = tree.subtree(c).into_iter().min().unwrap_or(c);
    // The words before the time phrase, without trailing punctuation.
    let mut end = first;
    while end > n + 1 && tree.tok(end - 1).upos == "PUNCT" {
        end -= 1;
    }
    let last = tree.tok(end - 1).span;
    if last.end <= span.start || last.end >= span.end {
        return span;
    }
    Span { start: span.start, end: last.end }
}

/// Cited outlet, document, or source, from the words of the phrase.
pub fn classify(text: &str, head_lemma: &str) -> AttributionRole {
    let lower = text.to_lowercase();
    let words: Vec<&str> =
        lower.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    if DOCUMENT_WORDS.contains(&head_lemma) {
        return AttributionRole::Document;
    }
    if words.iter().any(|w| OUTLET_WORDS.contains(w))
        && !words.iter().any(|w| {
            matches!(
                *w,
                "spokesman" | "spokeswoman" | "spokesperson" | "official" | "minister" | "officer"
            )
        })
    {
        return AttributionRole::CitedOutlet;
    }
    AttributionRole::Source
}

/// Whether a cited outlet's phrase names the article's own outlet ("Reuters", "The Associated
/// Press" for AP, "Agence France-Presse" for AFP).
pub fn names_outlet(text: &str, outlet: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (link, own) = (words(text), words(outlet));
    if own.is_empty() {
        return false;
    }
    let has = |ws: &[&str]| ws.iter().all(|w| link.iter().any(|l| l == w));
    let spelled = match own.join(" ").as_str() {
        "ap" => has(&["associated", "press"]),
        "afp" => has(&["agence", "france", "presse"]),
        _ => false,
    };
    spelled || link.windows(own.len()).any(|w| w == own.as_slice())
}

fn dedup(links: &mut Vec<AttributionLink>) {
    let mut seen: Vec<Span> = Vec::new();
    links.retain(|l| match l.span {
        Some(s) if seen.iter().any(|x| x.overlaps(s)) => false,
        Some(s) => {
            seen.push(s);
            true
        }
        None => true,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::test_util::sentence;

    fn chain_of(spec: &str, trigger: &str) -> Vec<String> {
        let (text, s) = sentence(spec);
        let tree = Tree::new(&s, &text);
        let t = s.tokens.iter().position(|t| t.form == trigger).unwrap();
        chain(&tree, t, &|_| None).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn an_outlet_cited_as_quoting_someone_passes_on_their_words() {
        // Police arrested five , Al Jazeera reported , citing the SANA agency , which quoted a
        // regional commander .
        let spec = "Police/police/NOUN/2/nsubj arrested/arrest/VERB/0/root five/five/NUM/2/obj                     ,/,/PUNCT/7/punct Al/Al/PROPN/6/compound Jazeera/Jazeera/PROPN/7/nsubj                     reported/report/VERB/2/parataxis ,/,/PUNCT/9/punct citing/cite/VERB/7/advcl                     the/the/DET/12/det SANA/SANA/PROPN/12/compound agency/agency/NOUN/9/obj                     ,/,/PUNCT/15/punct which/which/PRON/15/nsubj quoted/quote/VERB/12/acl:relcl                     a/a/DET/18/det regional/regional/ADJ/18/amod commander/commander/NOUN/15/obj                     ././PUNCT/2/punct";
        assert_eq!(
            chain_of(spec, "arrested"),
            ["Al Jazeera", "the SANA agency", "a regional commander"]
        );
        // A relative clause that quotes nobody adds no voice.
        let spec = spec.replace("quoted/quote/", "reported/report/");
        assert_eq!(chain_of(&spec, "arrested"), ["Al Jazeera", "the SANA agency"]);
    }

    #[test]
    fn the_one_quoted_in_the_passive_speaks() {
        // Rebels shelled the town , the commander was quoted as saying .
        let spec = "Rebels/rebel/NOUN/2/nsubj shelled/shell/VERB/0/root the/the/DET/4/det \
                    town/town/NOUN/2/obj ,/,/PUNCT/9/punct the/the/DET/7/det \
                    commander/commander/NOUN/9/nsubj:pass was/be/AUX/9/aux:pass \
                    quoted/quote/VERB/2/conj as/as/SCONJ/11/mark saying/say/VERB/9/advcl \
                    ././PUNCT/2/punct";
        let (text, s) = sentence(spec);
        let tree = Tree::new(&s, &text);
        assert_eq!(subject(&tree, 8), Some(6));
        // A day the parser made a subject ("…, on Wednesday denied") is nobody.
        let spec = "Leaders/leader/NOUN/4/obl on/on/ADP/4/mark Wednesday/Wednesday/PROPN/4/nsubj                     denied/deny/VERB/0/root it/it/PRON/4/obj";
        let (text, s) = sentence(spec);
        let tree = Tree::new(&s, &text);
        assert_eq!(subject(&tree, 3), None);
    }

    #[test]
    fn a_statement_in_an_adverbial_clause_is_its_speakers_alone() {
        let spec = "Rebels/rebel/NOUN/2/nsubj denied/deny/VERB/0/root shelling/shell/VERB/2/xcomp \
                    the/the/DET/5/det town/town/NOUN/3/obj after/after/SCONJ/9/mark \
                    a/a/DET/8/det militia/militia/NOUN/9/nsubj said/say/VERB/2/advcl \
                    shells/shell/NOUN/11/nsubj killed/kill/VERB/9/ccomp two/two/NUM/13/nummod \
                    fighters/fighter/NOUN/11/obj";
        assert_eq!(chain_of(spec, "killed"), vec!["a militia".to_string()]);
        // "as X said" still vouches for the clause it modifies.
        let spec = "Troops/troop/NOUN/2/nsubj attacked/attack/VERB/0/root the/the/DET/4/det \
                    town/town/NOUN/2/obj ,/,/PUNCT/8/punct as/as/SCONJ/8/mark \
                    officials/official/NOUN/8/nsubj said/say/VERB/2/advcl";
        assert_eq!(chain_of(spec, "attacked"), vec!["officials".to_string()]);
    }

    #[test]
    fn citing_read_from_the_words_when_the_parser_made_it_a_preposition() {
        // Soldiers killed 40 , HRW said on Thursday , citing witnesses .
        let spec = "Soldiers/soldier/NOUN/2/nsubj killed/kill/VERB/0/root 40/40/NUM/2/obj ,/,/PUNCT/5/punct HRW/HRW/PROPN/5/nsubj said/say/VERB/2/parataxis on/on/ADP/8/case Thursday/Thursday/PROPN/6/obl ,/,/PUNCT/11/punct citing/cite/VERB/11/case witnesses/witness/NOUN/8/nmod ././PUNCT/2/punct";
        assert_eq!(chain_of(spec, "killed"), ["HRW", "witnesses"]);
        // "…, citing security concerns" gives a reason, not a source.
        let spec = spec.replace("witnesses/witness", "concerns/concern");
        assert_eq!(chain_of(&spec, "killed"), ["HRW"]);
    }

    #[test]
    fn the_speakers_second_act_joined_to_what_was_said_is_not_vouched_for() {
        let spec = "The/the/DET/2/det fleet/fleet/NOUN/3/nsubj said/say/VERB/0/root it/it/PRON/6/nsubj was/be/AUX/6/aux monitoring/monitor/VERB/3/ccomp it/it/PRON/6/obj and/and/CCONJ/9/cc called/call/VERB/6/conj on/on/ADP/11/case Iran/Iran/PROPN/9/obl ././PUNCT/3/punct";
        let (text, mut s) = sentence(spec);
        s.tokens[8].xpos = "VBD".into();
        let tree = Tree::new(&s, &text);
        let links = |t: usize| -> Vec<String> {
            chain(&tree, t, &|_| None).into_iter().map(|l| l.text).collect()
        };
        assert!(links(8).is_empty(), "{:?}", links(8));
        assert_eq!(links(5), ["The fleet"]);
        // A perfect's "had" may be shared: "said they had foiled a plot and arrested three".
        let spec = spec.replace("was/be/AUX", "had/have/AUX");
        let (text, mut s) = sentence(&spec);
        s.tokens[8].xpos = "VBD".into();
        let tree = Tree::new(&s, &text);
        let got: Vec<String> = chain(&tree, 8, &|_| None).into_iter().map(|l| l.text).collect();
        assert_eq!(got, ["The fleet"]);
    }

    #[test]
    fn a_time_phrase_parsed_as_the_speaker_is_no_part_of_the_voice() {
        // Rebels killed two , on Sunday , one of the leaders said . (parser: "Sunday" with its
        // preposition as the subject of "said")
        let spec = "Rebels/rebel/NOUN/2/nsubj killed/kill/VERB/12/ccomp two/two/NUM/2/obj ,/,/PUNCT/6/punct on/on/ADP/6/case Sunday/Sunday/PROPN/12/nsubj ,/,/PUNCT/8/punct one/one/NUM/6/nmod of/of/ADP/11/case the/the/DET/11/det leaders/leader/NOUN/8/nmod said/say/VERB/0/root ././PUNCT/12/punct";
        assert_eq!(chain_of(spec, "killed"), ["one of the leaders"]);
    }

    #[test]
    fn a_long_trailing_speaker_with_of_for_and_possessive_is_read_from_the_words() {
        // Troops detained seven , the Committee for Security said . (parser: "detained" a
        // participle on "Troops", the subject of "said")
        let spec = "Troops/troop/NOUN/9/nsubj detained/detain/VERB/1/acl seven/seven/NUM/2/obj ,/,/PUNCT/1/punct the/the/DET/6/det Committee/Committee/PROPN/9/nsubj for/for/ADP/8/case Security/Security/PROPN/6/nmod said/say/VERB/0/root ././PUNCT/9/punct";
        assert_eq!(chain_of(spec, "detained"), ["the Committee for Security"]);
    }

    #[test]
    fn a_dateline_left_on_the_lead_is_no_link() {
        assert!(dateline_like("PORT-AU-PRINCE, March 30 (Reuters"));
        assert!(!dateline_like("NATO, the EU and the US"));
        assert!(!dateline_like("the national police"));
    }

    #[test]
    fn a_day_the_parser_hung_on_the_speaker_is_not_part_of_the_link() {
        // The commander on Thursday said troops attacked .
        let c = chain_of("The/the/DET/2/det commander/commander/NOUN/5/nsubj on/on/ADP/4/case Thursday/Thursday/PROPN/2/nmod said/say/VERB/0/root troops/troop/NOUN/7/nsubj attacked/attack/VERB/5/ccomp ././PUNCT/5/punct", "attacked");
        assert_eq!(c, ["The commander"]);
    }

    #[test]
    fn reported_speech_after_the_clause() {
        // Police fired gas, witnesses said.
        let c = chain_of("Police/police/NOUN/2/nsubj fired/fire/VERB/0/root gas/gas/NOUN/2/obj ,/,/PUNCT/6/punct witnesses/witness/NOUN/6/nsubj said/say/VERB/2/parataxis ././PUNCT/2/punct", "fired");
        assert_eq!(c, ["witnesses"]);
    }

    #[test]
    fn nested_agency_and_official() {
        // Fars reported that the commander said rebels attacked.
        let c = chain_of(
            "Fars/Fars/PROPN/2/nsubj reported/report/VERB/0/root that/that/SCONJ/6/mark the/the/DET/5/det commander/commander/NOUN/6/nsubj said/say/VERB/2/ccomp rebels/rebel/NOUN/8/nsubj attacked/attack/VERB/6/ccomp",
            "attacked",
        );
        assert_eq!(c, ["Fars", "the commander"]);
    }

    #[test]
    fn according_to_and_own_subject() {
        let c = chain_of(
            "Rebels/rebel/NOUN/2/nsubj attacked/attack/VERB/0/root ,/,/PUNCT/6/punct according/accord/VERB/6/case to/to/ADP/4/fixed police/police/NOUN/2/obl",
            "attacked",
        );
        assert_eq!(c, ["police"]);
        let own = chain_of(
            "Rebels/rebel/NOUN/2/nsubj denied/deny/VERB/0/root it/it/PRON/2/obj",
            "denied",
        );
        assert!(own.is_empty(), "{own:?}");
    }

    #[test]
    fn the_one_quoted_as_saying_is_the_inner_voice() {
        // Police arrested two , the agency quoted the governor as saying .
        let spec = "Police/police/NOUN/2/nsubj arrested/arrest/VERB/0/root two/two/NUM/2/obj ,/,/PUNCT/6/punct the/the/DET/6/det agency/agency/NOUN/7/nsubj quoted/quote/VERB/2/parataxis the/the/DET/9/det governor/governor/NOUN/7/obj as/as/SCONJ/11/mark saying/say/VERB/7/advcl ././PUNCT/2/punct";
        assert_eq!(chain_of(spec, "arrested"), ["the agency", "the governor"]);
        // The subject mis-hung as an apposition: the words before "quoted" still give the voice.
        // Rebels attacked the base , state television quoted an officer as saying .
        let spec = "Rebels/rebel/NOUN/2/nsubj attacked/attack/VERB/8/ccomp the/the/DET/4/det base/base/NOUN/2/obj ,/,/PUNCT/7/punct state/state/NOUN/7/compound television/television/NOUN/4/appos quoted/quote/VERB/0/root an/a/DET/10/det officer/officer/NOUN/8/obj as/as/SCONJ/12/mark saying/say/VERB/8/advcl ././PUNCT/8/punct";
        assert_eq!(chain_of(spec, "attacked"), ["state television", "an officer"]);
        // "quoted" without "as saying" cites nobody: "the paper quoted the report".
        let spec = "The/the/DET/2/det paper/paper/NOUN/3/nsubj quoted/quote/VERB/0/root the/the/DET/5/det report/report/NOUN/3/obj";
        assert!(quoted_as_saying(&Tree::new(&sentence(spec).1, &sentence(spec).0), 2).is_none());
    }

    #[test]
    fn the_outlet_a_speaker_told_is_an_outer_voice() {
        // Troops fired , a commander told a local radio station .
        let spec = "Troops/troop/NOUN/2/nsubj fired/fire/VERB/0/root ,/,/PUNCT/6/punct a/a/DET/5/det commander/commander/NOUN/6/nsubj told/tell/VERB/2/parataxis a/a/DET/10/det local/local/ADJ/10/amod radio/radio/NOUN/10/compound station/station/NOUN/6/obj ././PUNCT/2/punct";
        assert_eq!(chain_of(spec, "fired"), ["a local radio station", "a commander"]);
        // Told people, not an outlet: no link. "…, a commander told reporters."
        let spec = "Troops/troop/NOUN/2/nsubj fired/fire/VERB/0/root ,/,/PUNCT/6/punct a/a/DET/5/det commander/commander/NOUN/6/nsubj told/tell/VERB/2/parataxis reporters/reporter/NOUN/6/obj ././PUNCT/2/punct";
        assert_eq!(chain_of(spec, "fired"), ["a commander"]);
        assert!(names_outlet("Reuters", "Reuters"));
        assert!(names_outlet("The Associated Press", "AP"));
        assert!(!names_outlet("a local radio station", "Reuters"));
    }

    #[test]
    fn a_lagged_clause_of_time_closing_the_sentence_is_the_reports_own() {
        // He warned that troops would respond , a day after police seized a building .
        let spec = "He/he/PRON/2/nsubj warned/warn/VERB/0/root that/that/SCONJ/6/mark troops/troop/NOUN/6/nsubj would/would/AUX/6/aux respond/respond/VERB/2/ccomp ,/,/PUNCT/9/punct a/a/DET/9/det day/day/NOUN/12/obl:unmarked after/after/SCONJ/12/mark police/police/NOUN/12/nsubj seized/seize/VERB/6/advcl a/a/DET/14/det building/building/NOUN/12/obj ././PUNCT/2/punct";
        assert!(chain_of(spec, "seized").is_empty(), "{:?}", chain_of(spec, "seized"));
        assert_eq!(chain_of(spec, "respond"), ["He"]);
        // The parser may hang the measure on the verb above: the same reading.
        let spec = spec.replace("day/day/NOUN/12/obl:unmarked", "day/day/NOUN/6/obl:unmarked");
        assert!(chain_of(&spec, "seized").is_empty());
        // Without the comma and measure, the clause is part of what was said: "said troops
        // withdrew after rebels attacked".
        let spec = "He/he/PRON/2/nsubj said/say/VERB/0/root troops/troop/NOUN/4/nsubj withdrew/withdraw/VERB/2/ccomp after/after/SCONJ/7/mark rebels/rebel/NOUN/7/nsubj attacked/attack/VERB/4/advcl";
        assert_eq!(chain_of(spec, "attacked"), ["He"]);
    }

    #[test]
    fn an_argument_the_parser_made_the_subject_of_a_trailing_said_is_no_voice() {
        // Troops killed seven militants , the ministry said . (parser: "militants" the subject
        // of "said", "killed" its complement)
        let spec = "Troops/troop/NOUN/2/nsubj killed/kill/VERB/8/ccomp seven/seven/NUM/4/nummod \
                    militants/militant/NOUN/8/nsubj ,/,/PUNCT/7/punct the/the/DET/7/det \
                    ministry/ministry/NOUN/4/appos said/say/VERB/0/root ././PUNCT/8/punct";
        assert_eq!(chain_of(spec, "killed"), ["the ministry"]);
    }

    #[test]
    fn a_trailing_voice_with_a_relative_clause_or_a_hyphenated_participle() {
        // Rebels burned a clinic , residents who fled told Reuters . (parser: "residents" a
        // conjunct of "clinic", "told" under the relative clause)
        let spec = "Rebels/rebel/NOUN/2/nsubj burned/burn/VERB/0/root a/a/DET/4/det clinic/clinic/NOUN/2/obj ,/,/PUNCT/6/punct residents/resident/NOUN/4/conj who/who/PRON/8/nsubj fled/flee/VERB/6/acl:relcl told/tell/VERB/8/xcomp Reuters/Reuters/PROPN/9/iobj ././PUNCT/2/punct";
        assert_eq!(chain_of(spec, "burned"), ["Reuters", "residents who fled"]);
        // Troops killed eight , a spokesman for the Tuareg - led alliance said .
        let spec = "Troops/troop/NOUN/2/nsubj killed/kill/VERB/0/root eight/eight/NUM/2/obj ,/,/PUNCT/6/punct a/a/DET/6/det spokesman/spokesman/NOUN/3/appos for/for/ADP/12/case the/the/DET/12/det Tuareg/Tuareg/PROPN/11/compound -/-/PUNCT/9/punct led/lead/VERB/12/amod alliance/alliance/NOUN/6/nmod said/say/VERB/2/parataxis ././PUNCT/2/punct";
        assert_eq!(chain_of(spec, "killed"), ["a spokesman for the Tuareg - led alliance"]);
    }

    #[test]
    fn classification() {
        assert_eq!(classify("Mehr news agency", "agency"), AttributionRole::CitedOutlet);
        assert_eq!(classify("a police spokesman", "spokesman"), AttributionRole::Source);
        assert_eq!(classify("a statement", "statement"), AttributionRole::Document);
    }
}
