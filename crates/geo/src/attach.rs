//! Which phrases of a parsed sentence the syntax attaches to an event trigger as its place:
//! the trigger's oblique and nominal-modifier dependents introduced by a locative preposition
//! ("exploded *at Camp Ashraf*", "an attack *in Diyala province*", "clashes *near the border*").
//! The spans feed [`crate::EventSite::attached`].

use model::{AnalyzedSentence, Span};

/// Prepositions that introduce the place where something happens. Directional and relational
/// ones ("from", "into", "on", "between") are left out: "sanctions on Iran", "flights from
/// Baghdad" do not say where the event happened.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "around",
    "across",
    "throughout",
    "through",
    "within",
    "along",
    "beside",
    "off",
    "amid",
    "behind",
    "beyond",
    "under",
];

/// Heads of time adverbials that a parser may label `obl` ("in March", "at night").
pub(crate) const TEMPORAL: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "morning",
    "afternoon",
    "evening",
    "night",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "weekend",
    "time",
    "times",
    "hour",
    "hours",
    "minute",
    "minutes",
    "dawn",
    "noon",
    "midnight",
    "decade",
    "century",
    "past",
    "future",
    "wake",
    "end",
    "beginning",
    "start",
    "aftermath",
    "meantime",
    "meanwhile",
    "moment",
    "run-up",
];

/// Spans of the locative phrases attached to the trigger (its `obl`/`nmod` dependents with a
/// locative `case` word, time adverbials excluded), each from its preposition to the end of
/// its subtree. Empty when the trigger is not a word of the sentence.
pub fn attached_spans(sentence: &AnalyzedSentence, trigger: Span) -> Vec<Span> {
    let Some(t) = head_of(sentence, trigger) else { return Vec::new() };
    locatives(sentence, t, LOCATIVE)
}

/// Verbs of taking or entering ground: a named place as their object is where it was done
/// ("seized Bara", "recaptured Kupiansk", "stormed Tripoli").
const TAKING: &[&str] = &[
    "seize",
    "capture",
    "recapture",
    "retake",
    "occupy",
    "overrun",
    "storm",
    "besiege",
    "raid",
    "enter",
    "liberate",
    "invade",
];

/// Verbs of travel, whose destination is the event's place.
const MOTION: &[&str] = &[
    "fly", "travel", "arrive", "go", "come", "return", "head", "visit", "journey", "sail", "flee",
];

/// Verbs of a crowd's or a force's movement on a goal, whose "on" (and "to") phrase names where
/// it happens ("marched on the capital", "advanced on Goma", "converged on the square").
const CONVERGING: &[&str] = &["march", "advance", "converge"];

/// Verbs of sending people, whose destination is the event's place ("sent peacekeepers *to
/// Bentiu*", "deployed troops *to the border*"). Goods and messages sent somewhere ("send air
/// defence systems to Kyiv", "sent a letter to Washington") do not place the sending.
const SENDING: &[&str] = &["send", "deploy", "redeploy", "dispatch", "rush", "airlift", "move"];

/// People whom a verb of sending puts where the event then is.
const SENT_PEOPLE: &[&str] = &[
    "troops",
    "soldiers",
    "forces",
    "peacekeepers",
    "police",
    "officers",
    "reinforcements",
    "personnel",
    "units",
    "battalion",
    "battalions",
    "delegation",
    "envoy",
    "team",
    "teams",
    "monitors",
    "observers",
    "inspectors",
    "mission",
    "marines",
    "commandos",
    "fighters",
    "warships",
    "ships",
    "jets",
    "gendarmes",
    "gendarmerie",
    "policemen",
    "paratroopers",
    "guards",
];

/// Verbs of appeal, whose "to"/"for" phrases name an addressee or a matter, not where the
/// appeal was made.
const ADDRESSING: &[&str] = &["appeal", "urge", "call", "ask", "demand", "plead"];

/// Verbs of charging someone with a deed ("accused the government *of killing civilians in
/// air strikes on Mekelle*"): their "of" phrase is the charge, not the statement's place.
const CHARGING: &[&str] = &["accuse", "blame", "charge", "suspect", "convict", "condemn"];

/// Participles that place a speaker at an occasion ("leaders *meeting in Abuja* threatened
/// …", "*Speaking to reporters in Bamako*, the minister said …"): their phrases place the
/// statement.
const OCCASIONS: &[&str] = &["meet", "speak", "address", "visit", "attend", "gather", "talk"];

/// Verbs of saying, judging and reacting: their subject's place and their own phrases place a
/// statement, never the event they speak of.
const COMMUNICATION: &[&str] = &[
    "say",
    "tell",
    "add",
    "state",
    "report",
    "announce",
    "claim",
    "confirm",
    "deny",
    "reject",
    "accuse",
    "blame",
    "condemn",
    "denounce",
    "criticise",
    "criticize",
    "welcome",
    "praise",
    "warn",
    "urge",
    "call",
    "demand",
    "describe",
    "discuss",
    "mourn",
    "comment",
    "threaten",
    "vow",
    "pledge",
    "promise",
    "declare",
    "insist",
];

/// Whether `lemma` is a verb of saying, judging or reacting ([`COMMUNICATION`]).
fn communicates(lemma: &str) -> bool {
    COMMUNICATION.contains(&lemma.to_lowercase().as_str())
}

/// Occasions of speech: "at a news conference in Washington" places what was said there, not
/// a strike the speaker spoke of.
const SPEECH_VENUES: &[&str] =
    &["conference", "briefing", "interview", "speech", "statement", "press", "hearing"];

/// Whether the phrase `sp` (from its preposition) is headed by an occasion of speech.
fn speech_venue(sentence: &AnalyzedSentence, sp: Span) -> bool {
    let toks = &sentence.tokens;
    let Some(k) = toks.iter().position(|x| x.span.start == sp.start) else { return false };
    let h = toks[k].head as usize;
    toks[k].deprel == "case"
        && h > 0
        && SPEECH_VENUES.contains(&toks[h - 1].form.to_lowercase().as_str())
}

/// Head nouns of an object that is itself a place where the event happens.
const SITE_NOUNS: &[&str] = &[
    "crossing",
    "field",
    "base",
    "airbase",
    "camp",
    "airport",
    "airfield",
    "checkpoint",
    "outpost",
    "prison",
    "jail",
    "port",
    "harbour",
    "harbor",
    "village",
    "town",
    "city",
    "suburb",
    "district",
    "neighbourhood",
    "neighborhood",
    "province",
    "region",
    "island",
];

/// The noun phrase of word `d` without its modifying phrases and clauses: the head with its
/// determiners, adjectives, compounds and name parts ("the Ain al-Asad air base").
fn core_phrase(sentence: &AnalyzedSentence, d: usize) -> Span {
    let toks = &sentence.tokens;
    let mut span = toks[d].span;
    for c in sentence.children(d as u32 + 1) {
        let rel = toks[c].deprel.as_str();
        if matches!(rel.split(':').next(), Some("det" | "amod" | "compound" | "flat" | "nummod")) {
            span = span.cover(subtree(sentence, c));
        }
    }
    span
}

/// Heads of "in"/"at" phrases that say why or how, not where ("*in retaliation for* the
/// killing … in Baghdad", "in response to", "at the request of").
const IDIOMS: &[&str] = &[
    "retaliation",
    "response",
    "revenge",
    "reprisal",
    "protest",
    "solidarity",
    "support",
    "memory",
    "honour",
    "honor",
    "violation",
    "accordance",
    "addition",
    "exchange",
    "return",
    "bid",
    "attempt",
    "effort",
    "order",
    "defiance",
    "connection",
    "relation",
    "light",
    "view",
    "spite",
    "request",
    "invitation",
    "behest",
    "urging",
];

/// Words for a stretch of ground that "on" places something in ("on the outskirts of Kyiv",
/// "on the front line", "on the coast").
const ON_GROUND: &[&str] = &[
    "outskirts",
    "edge",
    "edges",
    "fringes",
    "border",
    "frontline",
    "front",
    "coast",
    "shore",
    "shores",
    "banks",
    "bank",
    "island",
    "road",
    "highway",
    "streets",
    "street",
    "ground",
    "periphery",
    "slopes",
];

/// Words for ground or a town that "over" places something above ("intercepted missiles *over
/// the outskirts of the capital*", "shot down a drone *over the city*"); "over" is otherwise a
/// topic ("a dispute over the border").
const OVER_GROUND: &[&str] =
    &["outskirts", "city", "capital", "town", "village", "skies", "sky", "airspace"];

/// Gatherings whose "at" phrase places what was done there ("agreed to an aid package *at a
/// summit in Brussels*"), even when the parser hangs it on an oblique of the trigger.
const GATHERINGS: &[&str] =
    &["summit", "meeting", "talks", "ceremony", "session", "forum", "gathering", "rally"];

/// Words for part of a place whose "of" phrase names it ("shelled residential *areas of*
/// Sievierodonetsk", "the eastern *districts of* Aleppo").
const AREA_NOUNS: &[&str] = &[
    "areas",
    "area",
    "parts",
    "part",
    "districts",
    "neighbourhoods",
    "neighborhoods",
    "outskirts",
    "suburbs",
    "centre",
    "center",
    "streets",
];

/// The "of" dependent of a place-type noun that names it ("the town *of Shire*"), if any.
fn of_name(sentence: &AnalyzedSentence, d: usize) -> Option<usize> {
    let toks = &sentence.tokens;
    sentence.children(d as u32 + 1).find(|&c| {
        toks[c].deprel.starts_with("nmod")
            && toks[c].upos == "PROPN"
            && sentence
                .children(c as u32 + 1)
                .any(|k| toks[k].deprel == "case" && toks[k].form.eq_ignore_ascii_case("of"))
    })
}

/// Prepositions that place an assault where its target is ("an air strike *on Beirut's
/// suburbs*", "an attack *against a base in Diyala*", "fired rockets *into northern Israel*").
const TARGET: &[&str] = &["on", "against", "into"];

/// The locative phrases of an event, widest first-hand reading: those attached to the trigger;
/// those attached to its core arguments ("met Abiy Ahmed *in Cairo*", "arrested a man *outside
/// a cathedral in Makassar*"); and, for a nominal trigger that is the subject or object of a
/// verb ("an air strike … hit a market *in Saada*"), that verb's and its object's. For an
/// assault (`assault`), "on" and "against" also introduce the place.
/// Whether the verb at `t` is a withdrawal of the subject itself ("rebels *withdrew from* the
/// town of Kitshanga", "troops *retreated from* Bakhmut", "forces *pulled out of* Jabalia"):
/// it happens where they left, so its "from" phrase places it. A withdrawal of something else
/// ("withdrew its ambassador from Paris", "withdrew the bill") is not one: it has an object.
fn withdrawal(sentence: &AnalyzedSentence, t: usize) -> bool {
    let toks = &sentence.tokens;
    let lemma = toks[t].lemma.to_lowercase();
    let form = toks[t].form.to_lowercase();
    let out = || {
        sentence
            .children(t as u32 + 1)
            .any(|c| toks[c].deprel == "compound:prt" && toks[c].form.eq_ignore_ascii_case("out"))
    };
    let leaving = matches!(lemma.as_str(), "withdraw" | "retreat")
        || matches!(form.as_str(), "withdrew" | "withdrawn")
        || (matches!(lemma.as_str(), "pull" | "move") && out());
    leaving
        && toks[t].upos == "VERB"
        && !sentence.children(t as u32 + 1).any(|c| toks[c].deprel == "obj")
}

pub fn event_spans(sentence: &AnalyzedSentence, trigger: Span, assault: bool) -> Vec<Span> {
    let Some(t) = head_of(sentence, trigger) else { return Vec::new() };
    let toks = &sentence.tokens;
    // A journey happens where it ends: "flew *to Saudi Arabia*"; so does a sending of people
    // or goods ("sent peacekeepers *to Bentiu*").
    // The learnt lemmatizer misses some irregular pasts of the motion verbs ("fled" →
    // "flead"): those forms say the verb themselves.
    let lemma = match toks[t].form.to_lowercase().as_str() {
        "fled" => "flee".to_string(),
        "flew" | "flown" => "fly".to_string(),
        "went" | "gone" => "go".to_string(),
        "came" => "come".to_string(),
        _ => toks[t].lemma.to_lowercase(),
    };
    // "deployed *hundreds of extra troops* to the region": people counted by a quantity noun.
    let people = |d: usize| SENT_PEOPLE.contains(&toks[d].form.to_lowercase().as_str());
    // "peacekeepers *were deployed* to the islands": the people as the passive's subject.
    // "sent *reinforcements* to the town": a plural noun of people the parser took for an
    // adverb is still the object.
    let sends = SENDING.contains(&lemma.as_str())
        && sentence.children(t as u32 + 1).any(|d| {
            (matches!(toks[d].deprel.as_str(), "obj" | "nsubj:pass")
                || (toks[d].deprel == "advmod" && people(d)))
                && (people(d)
                    || sentence.children(d as u32 + 1).any(|c| {
                        toks[c].deprel == "nmod"
                            && people(c)
                            && sentence.children(c as u32 + 1).any(|k| {
                                toks[k].deprel == "case" && toks[k].form.eq_ignore_ascii_case("of")
                            })
                    }))
        });
    let motion = MOTION.contains(&lemma.as_str()) || sends;
    // A launch with no target phrase happens where it was launched from ("fired a ballistic
    // missile *from an area near its capital*").
    // A rescue happens where it takes people from ("evacuated aid workers *from the area*",
    // "rescued six students *from a forest*"); a withdrawal "from Somalia" is a policy.
    let leaving = withdrawal(sentence, t);
    // So does a freeing ("freed 500 inmates *from the prison in Mirebalais*").
    let removal = matches!(lemma.as_str(), "evacuate" | "rescue" | "free") || leaving;
    let launch = matches!(lemma.as_str(), "fire" | "launch" | "test-fire")
        && !sentence.children(t as u32 + 1).any(|d| {
            !TEMPORAL.contains(&toks[d].form.to_lowercase().as_str())
                && sentence.children(d as u32 + 1).any(|c| {
                    toks[c].deprel == "case"
                        && matches!(
                            toks[c].form.to_lowercase().as_str(),
                            "at" | "on" | "into" | "toward" | "towards" | "against" | "over"
                        )
                })
        });
    // A march or advance happens where it heads: "protesters *marched on* parliament",
    // "rebels *advanced on* Goma", "supporters *converged on* the capital", "marched *to*
    // the palace".
    let converging = CONVERGING.contains(&lemma.as_str());
    let preps: Vec<&str> = LOCATIVE
        .iter()
        .chain(if assault { TARGET } else { &[] })
        .chain(if motion || converging { &["to"][..] } else { &[] })
        .chain(if converging { &["on", "upon"][..] } else { &[] })
        .chain(if launch || removal { &["from"][..] } else { &[] })
        .chain(if leaving { &["of"][..] } else { &[] })
        .copied()
        .collect();
    // An unmarked oblique is a bare noun phrase the parser did not take for the object
    // ("killed *at least 30 people* near the town of Nasir").
    let core = |rel: &str| {
        matches!(rel.split(':').next(), Some("obj" | "nsubj" | "iobj"))
            || rel == "nsubj:pass"
            || rel == "obl:unmarked"
    };
    let mut heads = vec![t];
    // A statement's subject may carry where the speaker sits ("the Taliban administration *in
    // Kabul* blamed …"): that places the speaker, not the statement.
    let says = communicates(&toks[t].lemma);
    let args: Vec<usize> = sentence
        .children(t as u32 + 1)
        .filter(|&d| core(&toks[d].deprel))
        .filter(|&d| {
            // "a summit in Abuja threatened", "leaders' meeting in Abuja warned": a gathering
            // as the speaker is an occasion, and its place is the statement's.
            !(says
                && toks[d].deprel.starts_with("nsubj")
                && !GATHERINGS.contains(&toks[d].form.to_lowercase().as_str()))
        })
        .collect();
    heads.extend(args.iter().copied());
    // "clashed *with police near the town of Parotani*", "fought with rebels in Zvecan": a
    // party joined by "with" is where the deed was, and the parser often hangs the deed's
    // place on it.
    if !says {
        heads.extend(sentence.children(t as u32 + 1).filter(|&d| {
            toks[d].deprel.starts_with("obl")
                && sentence
                    .children(d as u32 + 1)
                    .any(|k| toks[k].deprel == "case" && toks[k].form.eq_ignore_ascii_case("with"))
        }));
    }
    // "leaders *meeting in Abuja* threatened", "*Speaking to reporters in Bamako*, the minister
    // said": a participle of an occasion on the trigger or its subject places the speaker's
    // act there.
    for h in std::iter::once(t)
        .chain(sentence.children(t as u32 + 1).filter(|&d| toks[d].deprel.starts_with("nsubj")))
    {
        heads.extend(sentence.children(h as u32 + 1).filter(|&c| {
            matches!(toks[c].deprel.split(':').next(), Some("acl" | "advcl"))
                && toks[c].upos == "VERB"
                && toks[c].form.ends_with("ing")
                && OCCASIONS.contains(&toks[c].lemma.to_lowercase().as_str())
        }));
    }
    // "opened fire *on striking oil workers in Zhanaozen*" parsed as a clause "on striking …"
    // with the place on the participle: a clause marked by one of the event's own prepositions
    // right before it is that prepositional phrase, and its phrases are the event's.
    heads.extend(sentence.children(t as u32 + 1).filter(|&c| {
        toks[c].deprel.starts_with("advcl")
            && toks[c].upos == "VERB"
            && c > 0
            && toks[c - 1].deprel == "mark"
            && toks[c - 1].head as usize == c + 1
            && preps.contains(&toks[c - 1].form.to_lowercase().as_str())
    }));
    // "killed *hundreds of people* in Zamfara", "attacked *a convoy of peacekeepers* outside
    // Gao": the phrase may hang on the "of" noun of a quantity or group. Not for a charge:
    // "accused the government *of killing civilians in air strikes on Mekelle*" is what was
    // said.
    let charges = CHARGING.contains(&lemma.as_str());
    for &d in args.iter().filter(|_| !charges) {
        heads.extend(sentence.children(d as u32 + 1).filter(|&c| {
            toks[c].deprel == "nmod"
                && sentence
                    .children(c as u32 + 1)
                    .any(|k| toks[k].deprel == "case" && toks[k].form.eq_ignore_ascii_case("of"))
        }));
    }
    // "attacked a synagogue and two churches *in Derbent*", "arrested a man and a woman *in
    // Makassar*", "burned houses and shops *in Kidal*": a phrase on the last of coordinated
    // objects is all of theirs (however the parser joined them). Not what is only spoken of
    // ("condemned the arrests and the killings in Kidal").
    if !says && !charges {
        for &d in args.iter().filter(|&&d| toks[d].deprel == "obj") {
            heads.extend(sentence.children(d as u32 + 1).filter(|&c| {
                matches!(toks[c].deprel.as_str(), "conj" | "appos")
                    && matches!(toks[c].upos.as_str(), "NOUN" | "PROPN")
            }));
        }
    }
    // "struck a cargo ship *moored in the port of Pivdennyi*": where an assault's target lay,
    // said by a participle on it.
    if assault {
        for &d in args.iter().filter(|&&d| toks[d].deprel == "obj") {
            heads.extend(sentence.children(d as u32 + 1).filter(|&c| {
                toks[c].deprel == "acl"
                    && toks[c].upos == "VERB"
                    && matches!(toks[c].xpos.as_str(), "VBN" | "VBG" | "")
                    && !communicates(&toks[c].lemma)
            }));
        }
    }
    // A nominal trigger as a verb's subject or object: the verb's phrases are the event's —
    // unless the verb only speaks of it ("condemned *the strikes* at a news conference in
    // Washington": the strikes were not in Washington).
    let upos = toks[t].upos.as_str();
    // "the strikes *hit* open areas near Tyre" parsed with the verb as a clause on the noun,
    // "an attack *targeting* a base in Diyala": the noun's own verb and its object.
    if matches!(upos, "NOUN" | "PROPN") {
        for v in sentence.children(t as u32 + 1) {
            if toks[v].deprel == "acl" && toks[v].upos == "VERB" && !communicates(&toks[v].lemma) {
                heads.push(v);
                heads.extend(sentence.children(v as u32 + 1).filter(|&d| toks[d].deprel == "obj"));
            }
        }
    }
    if matches!(upos, "NOUN" | "PROPN") && core(&toks[t].deprel) && toks[t].head > 0 {
        let v = toks[t].head as usize - 1;
        if toks[v].upos == "VERB" && !communicates(&toks[v].lemma) {
            heads.push(v);
            heads.extend(
                sentence.children(v as u32 + 1).filter(|&d| d != t && toks[d].deprel == "obj"),
            );
        }
    }
    let mut out: Vec<Span> = Vec::new();
    // An object that is itself a site ("reopened *the Kerem Shalom crossing*", "stormed *the
    // camp*"), or, for an assault, a named place ("shelled *Kharkiv*"): the event is there.
    if !says {
        for &d in args.iter().filter(|&&d| toks[d].deprel == "obj") {
            let head = toks[d].form.to_lowercase();
            let site = toks[d].upos == "NOUN" && SITE_NOUNS.contains(&head.as_str());
            // An assault on part of a named place is there ("shelled residential areas of
            // Sievierodonetsk"), and so is any deed done on it ("will patrol the streets of the
            // city of Esmeraldas").
            if AREA_NOUNS.contains(&head.as_str()) {
                // "shelled the outskirts *of the border village of Kfar Kila*": through a type
                // noun to its name.
                let typed = || {
                    sentence.children(d as u32 + 1).find_map(|c| {
                        let of = sentence.children(c as u32 + 1).any(|k| {
                            toks[k].deprel == "case" && toks[k].form.eq_ignore_ascii_case("of")
                        });
                        let noun = toks[c].form.to_lowercase();
                        (toks[c].deprel.starts_with("nmod")
                            && of
                            && SITE_NOUNS.contains(&noun.as_str()))
                        .then(|| of_name(sentence, c).map(|_| c))
                        .flatten()
                    })
                };
                if let Some(o) = of_name(sentence, d).or_else(typed) {
                    out.push(phrase(sentence, o));
                }
            }
            // "visited *Kabul*", "toured *Kharkiv*": a visit is at the named place it takes.
            let visited = matches!(lemma.as_str(), "visit" | "tour") && toks[d].upos == "PROPN";
            // "The RSF *seized Bara* in 2023", "troops *captured Avdiivka*", "had 'liberated'
            // Robotyne": taking a named place is done there, however the deed is coded.
            let taken = TAKING.contains(&lemma.as_str()) && toks[d].upos == "PROPN";
            if site || ((assault || visited || taken) && toks[d].upos == "PROPN") {
                let mut span = core_phrase(sentence, d);
                // "captured *the town of Shire*", "shelled the nearby town *of Chasiv Yar*":
                // the type noun's own name.
                if site {
                    if let Some(o) = of_name(sentence, d) {
                        span = span.cover(phrase(sentence, o));
                    }
                }
                out.push(span);
            }
        }
    }
    // "the 2017 *siege of Marawi*", "the bombing of Dresden": an assault noun's "of" names
    // its place when that is a place name (the gazetteer decides which).
    if assault && matches!(toks[t].upos.as_str(), "NOUN") {
        out.extend(locatives(sentence, t, &["of"]));
    }
    // "agreed on Thursday to an aid package for Ukraine *at a summit in Brussels*": a
    // gathering's "at" phrase hung on an oblique of the trigger is the trigger's.
    for d in sentence.children(t as u32 + 1).filter(|&d| toks[d].deprel.starts_with("obl")) {
        for c in sentence.children(d as u32 + 1) {
            let gathering = toks[c].deprel == "nmod"
                && GATHERINGS.contains(&toks[c].form.to_lowercase().as_str())
                && sentence
                    .children(c as u32 + 1)
                    .any(|k| toks[k].deprel == "case" && toks[k].form.eq_ignore_ascii_case("at"));
            if gathering && !out.iter().any(|o| o.contains(toks[c].span)) {
                out.push(phrase(sentence, c).cover(toks[c].span));
            }
        }
    }
    // "killed two Palestinians *during a raid on Jenin camp*", "detained 15 suspects during a
    // sweep of al-Hol camp", "were wounded in an assault on Bakhmut": a deed done in the course
    // of an operation happened where the operation was aimed.
    if !says && !charges {
        for d in sentence.children(t as u32 + 1).filter(|&d| toks[d].deprel.starts_with("obl")) {
            let amid = sentence.children(d as u32 + 1).any(|c| {
                toks[c].deprel == "case"
                    && matches!(toks[c].form.to_lowercase().as_str(), "during" | "in" | "amid")
            });
            if !amid || !operation_noun(&toks[d].form) {
                continue;
            }
            for sp in locatives(sentence, d, &["on", "against", "of", "into"]) {
                if !out.iter().any(|o| o.contains(sp)) {
                    out.push(sp);
                }
            }
        }
    }
    let adjacent = misattached_after(sentence, t, &preps);
    // The subject's own phrase says where the doers are ("Militants *in Gaza* fired rockets at
    // southern Israel"): it places the deed only when the deed's own phrases name nothing.
    let subject =
        |h: usize| h != t && toks[h].head as usize == t + 1 && toks[h].deprel.starts_with("nsubj");
    let (subjects, others): (Vec<usize>, Vec<usize>) = heads.into_iter().partition(|&h| subject(h));
    // "blamed Iran-backed militias *in Iraq*": the object of a charge is placed by its own
    // phrase, the charge is not — unless the parser hung the charge's occasion there
    // ("condemned the move *at a news conference in Tehran*").
    let charged = |h: usize| charges && h != t && toks[h].deprel.starts_with("obj");
    // "accused the RSF of looting homes *in the city*", "appealed to peacekeepers *in the
    // region* to intervene", "called for a ceasefire *in Gaza*": after a charge or an appeal
    // a locative says where its matter or addressee is, however the parser hung it; only an
    // occasion of speech or a gathering places the act itself.
    let addressing = charges || ADDRESSING.contains(&lemma.as_str());
    let occasion = |sp: Span| {
        speech_venue(sentence, sp)
            || toks.iter().position(|x| x.span.start == sp.start).is_some_and(|k| {
                let h = toks[k].head as usize;
                h > 0 && GATHERINGS.contains(&toks[h - 1].form.to_lowercase().as_str())
            })
    };
    let matter = |sp: Span| addressing && sp.start >= toks[t].span.end && !occasion(sp);
    let add = |h: usize, out: &mut Vec<Span>| {
        let spans = locatives(sentence, h, &preps).into_iter().chain(adjacent);
        let spans = spans.filter(|&sp| !charged(h) || speech_venue(sentence, sp));
        let spans = spans.filter(|&sp| !matter(sp));
        for sp in spans.filter(|&sp| says || !speech_venue(sentence, sp)) {
            if !out.iter().any(|o| o.contains(sp)) {
                out.retain(|o| !sp.contains(*o));
                out.push(sp);
            }
        }
    };
    for h in others {
        add(h, &mut out);
    }
    for sp in fronted_report_places(sentence, t, &preps) {
        if !out.iter().any(|o| o.contains(sp)) {
            out.retain(|o| !sp.contains(*o));
            out.push(sp);
        }
    }
    // "A court *in Bishkek* sentenced two journalists to five years in prison": the deed's
    // own phrases name nothing ("in prison" has no name), so the subject's place stands.
    let named = |sp: &Span| toks.iter().any(|x| sp.contains(x.span) && x.upos == "PROPN");
    // "used water cannon *to disperse protesters outside parliament in Tbilisi*": a deed done
    // to do another happened where that other was to be done. With the deed's own phrases
    // naming nothing, its purpose clause places it, however the parser hung the clause (on
    // the trigger, or on its object or complement) — before the subject's place, which says
    // where the doers are ("Police in Somaliland fired live rounds to disperse supporters
    // protesting … in the city of Burao"). The purpose's object's own participle counts.
    // Not for a verb of commitment: "agreed *to build a pipeline linking the refinery at
    // Szazhalombatta*" is what was agreed, and its places are the agreed act's, not where the
    // agreement was made.
    let committing = COMMITTING.contains(&lemma.as_str());
    if !says && !committing && !out.iter().any(named) {
        for p in purpose_clauses(sentence, t) {
            add(p, &mut out);
            for d in sentence.children(p as u32 + 1).filter(|&d| toks[d].deprel == "obj") {
                add(d, &mut out);
                for v in sentence.children(d as u32 + 1).filter(|&v| {
                    toks[v].deprel == "acl"
                        && toks[v].upos == "VERB"
                        && toks[v].form.ends_with("ing")
                        && !communicates(&toks[v].lemma)
                }) {
                    add(v, &mut out);
                }
                // "to disperse (hundreds of) protesters *who had blocked the highway outside
                // Juliaca*", "to clear students who were occupying the campus in Dhaka": a
                // crowd is where its relative clause says it stood.
                let crowd =
                    std::iter::once(d).chain(sentence.children(d as u32 + 1).filter(|&c| {
                        toks[c].deprel == "nmod"
                            && sentence.children(c as u32 + 1).any(|k| {
                                toks[k].deprel == "case" && toks[k].form.eq_ignore_ascii_case("of")
                            })
                    }));
                for n in crowd.collect::<Vec<_>>() {
                    for v in sentence.children(n as u32 + 1).filter(|&v| {
                        toks[v].deprel == "acl:relcl"
                            && CROWD_STANDING.contains(&toks[v].lemma.to_lowercase().as_str())
                    }) {
                        add(v, &mut out);
                        for o in
                            sentence.children(v as u32 + 1).filter(|&o| toks[o].deprel == "obj")
                        {
                            add(o, &mut out);
                        }
                    }
                }
            }
        }
    }
    if !out.iter().any(named) {
        for h in subjects {
            add(h, &mut out);
        }
    }
    // "…, killing at least nine soldiers, security sources *in Maiduguri* said": a place
    // inside the speaker phrase that closes a report says where the speaker is, however the
    // parser hung it.
    if !says {
        if let Some((comma, verb)) = closing_speaker(sentence) {
            if comma > t {
                let (from, to) = (toks[comma].span.end, toks[verb].span.start);
                out.retain(|sp| !(sp.start >= from && sp.end <= to));
            }
        }
    }
    out
}

/// The speaker phrase that closes a report, "…, security sources in Maiduguri said (on
/// Tuesday).": the comma before it and the verb of saying, when that verb is the sentence's
/// last verb and only a noun phrase (with its own prepositional phrases) stands between them.
fn closing_speaker(sentence: &AnalyzedSentence) -> Option<(usize, usize)> {
    let toks = &sentence.tokens;
    let verb = toks.iter().rposition(|x| x.upos == "VERB")?;
    let lemma = toks[verb].lemma.to_lowercase();
    if !matches!(lemma.as_str(), "say" | "tell" | "report" | "add") {
        return None;
    }
    let comma = (0..verb).rev().find(|&k| toks[k].form == ",")?;
    let noun_phrase = toks[comma + 1..verb].iter().all(|x| {
        matches!(x.upos.as_str(), "NOUN" | "PROPN" | "ADP" | "DET" | "ADJ" | "NUM" | "PRON")
    });
    let subject = toks[comma + 1..verb].iter().any(|x| matches!(x.upos.as_str(), "NOUN" | "PROPN"));
    (noun_phrase && subject).then_some((comma, verb))
}

/// Nouns whose "to" clause is their content, not the purpose of the deed done to them
/// ("foiled *a plot to bomb* a base near Khujand": the foiling was not at the base).
const INTENT_NOUNS: &[&str] = &[
    "plot",
    "plan",
    "plans",
    "attempt",
    "bid",
    "scheme",
    "conspiracy",
    "effort",
    "efforts",
    "order",
    "orders",
    "call",
    "calls",
    "demand",
    "demands",
    "deal",
    "agreement",
    "decision",
    "permission",
    "right",
    "proposal",
    "offer",
    "request",
    "threat",
    "promise",
    "campaign",
];

/// Verbs of a crowd's standing somewhere, whose relative clause on the crowd says where it
/// was ("protesters who had blocked the highway outside Juliaca").
const CROWD_STANDING: &[&str] =
    &["gather", "block", "blockade", "occupy", "rally", "assemble", "camp", "march", "protest"];

/// Verbs of commitment and decision: their infinitive ("agreed *to build* …", "decided *to
/// close* …", "offered *to host* …") is the content committed to, not a purpose served there.
const COMMITTING: &[&str] =
    &["agree", "decide", "plan", "offer", "refuse", "consent", "intend", "resolve", "opt"];

/// Verbs of protest and complaint: as a purpose ("summoned the envoy *to protest* the killing
/// of a villager in Lalmonirhat", "recalled its ambassador to protest the arms sale") they
/// react to what they speak of, as "to condemn" does; its places are not the deed's.
const REACTING: &[&str] = &["protest", "complain", "object"];

/// The purpose clauses ("to disperse …") of the trigger at `t`: an infinitive verb marked by
/// "to", hung on the trigger or on its complement or its object (unless that object is a
/// noun of intent whose "to" clause is its content), that does not speak nor protest.
fn purpose_clauses(sentence: &AnalyzedSentence, t: usize) -> Vec<usize> {
    let toks = &sentence.tokens;
    let mut hosts = vec![t];
    hosts.extend(sentence.children(t as u32 + 1).filter(|&d| {
        toks[d].deprel == "xcomp"
            || (toks[d].deprel == "obj"
                && !INTENT_NOUNS.contains(&toks[d].form.to_lowercase().as_str()))
    }));
    let mut out = Vec::new();
    for h in hosts {
        out.extend(sentence.children(h as u32 + 1).filter(|&c| {
            matches!(toks[c].deprel.split(':').next(), Some("acl" | "advcl" | "xcomp"))
                && toks[c].upos == "VERB"
                && !communicates(&toks[c].lemma)
                && !REACTING.contains(&toks[c].lemma.to_lowercase().as_str())
                && sentence
                    .children(c as u32 + 1)
                    .any(|k| toks[k].deprel == "mark" && toks[k].form.eq_ignore_ascii_case("to"))
        }));
    }
    out
}

/// A locative phrase that follows the trigger's own phrase directly but that the parser hung
/// on a word further right ("planned an attack on Iraqi forces *at Camp Ashraf*, an official
/// said", parsed as "said at Camp Ashraf"), or, after a nominal trigger, on the trigger's own
/// governor ("respond to an attack *on Beirut's suburbs*"). A place adjunct in English
/// attaches to its left; one right after the trigger's phrase is read as the trigger's.
fn misattached_after(sentence: &AnalyzedSentence, t: usize, preps: &[&str]) -> Option<Span> {
    let toks = &sentence.tokens;
    let end = subtree(sentence, t).end;
    let k = toks.iter().position(|x| x.span.start >= end)?;
    let prep = toks[k].form.to_lowercase();
    if toks[k].deprel != "case" || !preps.contains(&prep.as_str()) || toks[k].head == 0 {
        return None;
    }
    let d = toks[k].head as usize - 1;
    let rel = toks[d].deprel.as_str();
    let nominal = rel == "obl" || rel.starts_with("obl:") || rel == "nmod";
    let rightward = toks[d].head as usize > d + 1;
    // "respond to an attack *on Beirut's suburbs*" parsed as "respond on …": the phrase right
    // after a nominal trigger is the noun's.
    // Not when that governor only speaks of the noun ("condemned the strikes *at a news
    // conference*").
    let governor = (toks[t].head as usize).checked_sub(1).map(|g| &toks[g]);
    let sibling = toks[d].head == toks[t].head
        && matches!(toks[t].upos.as_str(), "NOUN")
        && !governor.is_some_and(|g| communicates(&g.lemma));
    let head = toks[d].form.to_lowercase();
    (nominal && (rightward || sibling) && d > k && !TEMPORAL.contains(&head.as_str()))
        .then(|| subtree(sentence, d))
}

/// Locative phrases of a report fronted before its speaker that the parser hung on the verb
/// of saying ("executed 40 civilians *in the village of Zaongo* earlier this month, Human
/// Rights Watch said", with "in the village" under "said"): those between the trigger and
/// the comma before the speaker are the trigger's. The verb of saying is the trigger's
/// governor or a dependent after it; phrases after the speaker ("said in Geneva") stay its.
fn fronted_report_places(sentence: &AnalyzedSentence, t: usize, preps: &[&str]) -> Vec<Span> {
    let toks = &sentence.tokens;
    let governor = (toks[t].head as usize).checked_sub(1);
    let verbs = sentence.children(t as u32 + 1).chain(governor).filter(|&v| {
        v > t
            && toks[v].upos == "VERB"
            && !communicates(&toks[t].lemma)
            && matches!(toks[v].lemma.to_lowercase().as_str(), "say" | "tell" | "report" | "add")
    });
    let mut out = Vec::new();
    for v in verbs.collect::<Vec<_>>() {
        let Some(subj) =
            sentence.children(v as u32 + 1).find(|&c| toks[c].deprel.starts_with("nsubj"))
        else {
            continue;
        };
        // The last comma before the verb, with the subject after it (the parser may split the
        // speaker's name: "Human/amod Rights/ccomp Watch/nsubj said").
        let Some(comma) = (t + 1..v).rev().find(|&k| toks[k].form == ",") else { continue };
        if subj < comma {
            continue;
        }
        out.extend(
            locatives(sentence, v, preps)
                .into_iter()
                .filter(|sp| sp.start >= toks[t].span.end && sp.end <= toks[comma].span.end),
        );
    }
    out
}

/// Whether the triggers `a` and `b` head conjoined verbs or clauses of the sentence ("met
/// Abiy Ahmed in Cairo … and the two *pledged*"): one is the other's `conj` dependent.
pub fn conjoined(sentence: &AnalyzedSentence, a: Span, b: Span) -> bool {
    let (Some(x), Some(y)) = (head_of(sentence, a), head_of(sentence, b)) else { return false };
    let toks = &sentence.tokens;
    let conj = |d: usize, h: usize| toks[d].deprel == "conj" && toks[d].head as usize == h + 1;
    x != y && (conj(x, y) || conj(y, x))
}

/// Whether the trigger `dependent` heads a clause that hangs on the trigger `governor` as an
/// adverbial, complement or participle ("arrested a bomber outside a cathedral in Makassar
/// *before he could detonate* his explosives", "*tried to storm* …", "attacked a convoy,
/// *killing* two soldiers"): the clause's deed happens where its governor's does.
pub fn clausal_dependent(sentence: &AnalyzedSentence, governor: Span, dependent: Span) -> bool {
    let (Some(g), Some(d)) = (head_of(sentence, governor), head_of(sentence, dependent)) else {
        return false;
    };
    let toks = &sentence.tokens;
    let adverbial = |d: usize| matches!(toks[d].deprel.split(':').next(), Some("advcl" | "xcomp"));
    // "gunmen attacked crowds …, *killing* at least 60, officials said": a participle the
    // parser hung on the verb of saying after the reported clause belongs to that clause.
    // A nominal deed that is the object of the reported verb ("the military *carried out
    // an air strike* on a village …, *killing* 50, a rights group said") counts as that verb.
    let clause = if toks[g].deprel == "obj" && toks[g].upos == "NOUN" {
        (toks[g].head as usize).checked_sub(1).unwrap_or(g)
    } else {
        g
    };
    let reported = || {
        let v = toks[clause].head as usize;
        v > 0
            && toks[d].head as usize == v
            && toks[clause].deprel == "ccomp"
            && communicates(&toks[v - 1].lemma)
            && g < d
            && d < v - 1
            && toks[d].upos == "VERB"
            && toks[d].form.to_lowercase().ends_with("ing")
    };
    g != d
        && adverbial(d)
        && ((toks[d].head as usize == g + 1 && !communicates(&toks[g].lemma)) || reported())
}

/// Prepositions of a phrase that sets one deed amid another ("seized the town *after* days of
/// fighting", "killed *during* clashes", "*in* a gunfight").
const AMID: &[&str] = &["after", "during", "amid", "following", "in", "before"];

/// Whether the nominal trigger `dependent` lies inside a phrase of the verb trigger `governor`
/// that sets it amid the governor's deed ("*seized* the town after days of *fighting*",
/// "*killed* 20 in a *gunfight*"): through nouns only, no clause between, with one of
/// [`AMID`] on the phrase the verb governs. Not for verbs of saying ("condemned the attack
/// after the *fighting*" is no deed at a place).
pub fn nominal_dependent(sentence: &AnalyzedSentence, governor: Span, dependent: Span) -> bool {
    let (Some(g), Some(d)) = (head_of(sentence, governor), head_of(sentence, dependent)) else {
        return false;
    };
    let toks = &sentence.tokens;
    if g == d || toks[g].upos != "VERB" || communicates(&toks[g].lemma) {
        return false;
    }
    let mut k = d;
    for _ in 0..toks.len() {
        if !matches!(toks[k].upos.as_str(), "NOUN" | "PROPN") {
            return false;
        }
        let rel = toks[k].deprel.as_str();
        if !(rel == "obl" || rel.starts_with("obl:") || rel == "nmod") {
            return false;
        }
        let h = toks[k].head as usize;
        if h == 0 {
            return false;
        }
        if h - 1 == g {
            return rel.starts_with("obl")
                && sentence.children(k as u32 + 1).any(|c| {
                    toks[c].deprel == "case" && AMID.contains(&toks[c].form.to_lowercase().as_str())
                });
        }
        k = h - 1;
    }
    false
}

/// The locative phrases of the first conjunct when the trigger heads a later one ("met Abiy
/// Ahmed in Cairo … and the two *pledged*" gives "in Cairo"); empty otherwise.
pub fn first_conjunct_spans(
    sentence: &AnalyzedSentence,
    trigger: Span,
    assault: bool,
) -> Vec<Span> {
    let Some(t) = head_of(sentence, trigger) else { return Vec::new() };
    let toks = &sentence.tokens;
    if toks[t].deprel != "conj" || toks[t].head == 0 {
        return Vec::new();
    }
    let h = toks[t].head as usize - 1;
    if h >= t || toks[h].upos != "VERB" {
        return Vec::new();
    }
    event_spans(sentence, toks[h].span, assault)
        .into_iter()
        .filter(|sp| sp.end <= trigger.start)
        .collect()
}

/// Definite nouns that take up an earlier event ("the attack near the town of Djibo").
const EVENT_NOUNS: &[&str] = &[
    "attack",
    "ambush",
    "raid",
    "strike",
    "airstrike",
    "bombing",
    "blast",
    "explosion",
    "assault",
    "clash",
    "clashes",
    "fighting",
    "shooting",
    "massacre",
    "killings",
    "attacks",
    "ambushes",
    "raids",
    "strikes",
    "airstrikes",
    "bombings",
    "blasts",
    "explosions",
    "assaults",
    "shelling",
];

/// Whether `word` names an armed operation, whose "on/against/of" phrase says where it was
/// aimed: the event nouns of [`EVENT_NOUNS`] and words for a sweep or offensive.
fn operation_noun(word: &str) -> bool {
    let w = word.to_lowercase();
    EVENT_NOUNS.contains(&w.as_str())
        || matches!(
            w.as_str(),
            "operation"
                | "operations"
                | "sweep"
                | "sweeps"
                | "offensive"
                | "incursion"
                | "incursions"
                | "crackdown"
                | "siege"
                | "bombardment"
                | "onslaught"
        )
}

/// The locative phrases of the definite event nouns ("*the attack* near the town of Djibo")
/// in the sentences, in text order, with the sentence's position in `sentences`: where a later
/// mention of an assault says it happened.
pub fn definite_event_phrases(sentences: &[AnalyzedSentence]) -> Vec<(usize, Vec<Span>)> {
    let mut out = Vec::new();
    for (n, s) in sentences.iter().enumerate() {
        for (i, t) in s.tokens.iter().enumerate() {
            let lemma = t.form.to_lowercase();
            if !EVENT_NOUNS.contains(&lemma.as_str()) {
                continue;
            }
            let definite = s.children(i as u32 + 1).any(|c| {
                s.tokens[c].deprel == "det" && s.tokens[c].form.eq_ignore_ascii_case("the")
            });
            if definite {
                // Its own phrases, or those of the verb it is the subject or object of ("*the
                // strikes* hit open areas near the city of Tyre").
                let spans = event_spans(s, t.span, true);
                if !spans.is_empty() {
                    out.push((n, spans));
                }
            }
        }
    }
    out
}

/// The trigger's syntactic head word: the overlapping word whose head lies outside it.
fn head_of(sentence: &AnalyzedSentence, trigger: Span) -> Option<usize> {
    let toks = &sentence.tokens;
    let inside: Vec<usize> = (0..toks.len()).filter(|&i| toks[i].span.overlaps(trigger)).collect();
    inside
        .iter()
        .find(|&&i| !inside.iter().any(|&j| toks[i].head as usize == j + 1))
        .or(inside.first())
        .copied()
}

/// The locative phrases (by `preps`) among the `obl`/`nmod` dependents of word `t`.
fn locatives(sentence: &AnalyzedSentence, t: usize, preps: &[&str]) -> Vec<Span> {
    let toks = &sentence.tokens;
    let mut out = Vec::new();
    for d in sentence.children(t as u32 + 1) {
        let rel = toks[d].deprel.as_str();
        let nominal =
            rel == "obl" || rel.starts_with("obl:") || rel == "nmod" || rel.starts_with("nmod:");
        if !nominal || rel.ends_with(":tmod") || rel.ends_with(":npmod") {
            continue;
        }
        let head = toks[d].form.to_lowercase();
        if TEMPORAL.contains(&head.as_str())
            || IDIOMS.contains(&head.as_str())
            || head.chars().all(|c| c.is_ascii_digit())
        {
            continue;
        }
        let case = sentence.children(d as u32 + 1).find(|&c| toks[c].deprel == "case");
        let Some(c) = case else { continue };
        let prep = toks[c].form.to_lowercase();
        // "on the outskirts of Kyiv", "on the border": "on" with a word for a stretch of ground;
        // "over the outskirts of the capital", "over the city": "over" with ground or a town.
        // For an assault also "over" a named region ("destroyed 117 drones *over the Kursk,
        // Belgorod and Voronezh regions*").
        let assault = preps.contains(&"against");
        let over_region = assault
            && matches!(head.as_str(), "region" | "regions" | "province" | "provinces" | "oblast")
            && sentence.children(d as u32 + 1).any(|c| toks[c].upos == "PROPN");
        let on_ground = preps.contains(&"in")
            && ((prep == "on" && ON_GROUND.contains(&head.as_str()))
                || (prep == "over" && (OVER_GROUND.contains(&head.as_str()) || over_region)));
        if !preps.contains(&prep.as_str()) && !on_ground {
            continue;
        }
        let mut span = phrase(sentence, d);
        // "in the middle *of Qamishli*" with the "of" phrase hung on the verb, "off the coast
        // *of the port of Fujairah*" with it hung on the verb above the object: it belongs to
        // the phrase it directly follows.
        let next = toks.iter().position(|x| x.span.start >= span.end);
        if let Some(k) = next.filter(|&k| toks[k].deprel == "case" && toks[k].form == "of") {
            let o = toks[k].head as usize;
            let g = if o > 0 { toks[o - 1].head as usize } else { 0 };
            if g > 0 && governs(sentence, g, t) {
                span = span.cover(phrase(sentence, o - 1));
            }
        }
        out.push(span);
    }
    out
}

/// Whether word `c` heads a reduced relative in the present participle ("a convoy of vehicles
/// *carrying pilgrims in the Kurram district*"): it tells where its noun was when the event
/// happened, unlike a full relative clause with a subject of its own ("a bakery, *who* told
/// reporters in Hasakah") or a past participle ("a man *trained in Iran*").
fn present_participle(sentence: &AnalyzedSentence, c: usize) -> bool {
    let toks = &sentence.tokens;
    toks[c].deprel == "acl"
        && toks[c].upos == "VERB"
        && toks[c].form.ends_with("ing")
        && !communicates(&toks[c].lemma)
        && !sentence.children(c as u32 + 1).any(|k| {
            let rel = toks[k].deprel.as_str();
            rel.starts_with("nsubj") || rel == "mark" || rel == "aux"
        })
}

/// Whether the 1-based word `g` is word `t` or one of its ancestors.
fn governs(sentence: &AnalyzedSentence, g: usize, t: usize) -> bool {
    let toks = &sentence.tokens;
    let mut k = t + 1;
    for _ in 0..toks.len() {
        if k == g {
            return true;
        }
        if k == 0 {
            return false;
        }
        k = toks[k - 1].head as usize;
    }
    false
}

/// Clausal dependents that leave a locative phrase: what a relative clause or a parenthetical
/// says ("in front of a bakery, *SDF commander … told reporters in Hasakah*") is not the
/// phrase's place.
const CLAUSAL: &[&str] = &["acl", "advcl", "ccomp", "parataxis", "csubj", "dislocated", "list"];

/// The subtree of `root` without clausal dependents.
fn phrase(sentence: &AnalyzedSentence, root: usize) -> Span {
    let toks = &sentence.tokens;
    let mut span = toks[root].span;
    let mut stack = vec![root];
    let mut seen = vec![false; toks.len()];
    seen[root] = true;
    while let Some(n) = stack.pop() {
        for c in sentence.children(n as u32 + 1) {
            let rel = toks[c].deprel.split(':').next().unwrap_or("");
            if !seen[c] && (!CLAUSAL.contains(&rel) || present_participle(sentence, c)) {
                seen[c] = true;
                span = span.cover(toks[c].span);
                stack.push(c);
            }
        }
    }
    span
}

/// The infinitive clauses of the sentence that do not hold the trigger ("foiled a plot *to
/// bomb a base near Khujand*"): what they say is aimed at, not done, so a place inside them is
/// no place of the sentence's other deeds.
pub fn aimed_clauses(sentence: &AnalyzedSentence, trigger: Span) -> Vec<Span> {
    let toks = &sentence.tokens;
    // "tried to storm a centre in Kitwe", "failed to reach the town": an attempt is made
    // where it is aimed, so its clause keeps its places.
    let tried = |v: usize| {
        (toks[v].head as usize).checked_sub(1).is_some_and(|g| {
            matches!(
                toks[g].lemma.to_lowercase().as_str(),
                "try" | "attempt" | "manage" | "fail" | "begin" | "start" | "continue" | "resume"
            )
        })
    };
    (0..toks.len())
        .filter(|&v| {
            toks[v].upos == "VERB"
                && !tried(v)
                && sentence
                    .children(v as u32 + 1)
                    .any(|c| toks[c].deprel == "mark" && toks[c].form.eq_ignore_ascii_case("to"))
        })
        .map(|v| subtree(sentence, v))
        .filter(|sp| !sp.overlaps(trigger))
        .collect()
}

fn subtree(sentence: &AnalyzedSentence, root: usize) -> Span {
    let toks = &sentence.tokens;
    let mut span = toks[root].span;
    let mut stack = vec![root];
    let mut seen = vec![false; toks.len()];
    seen[root] = true;
    while let Some(n) = stack.pop() {
        for c in sentence.children(n as u32 + 1) {
            if !seen[c] {
                seen[c] = true;
                span = span.cover(toks[c].span);
                stack.push(c);
            }
        }
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::Token;

    fn sentence(text: &str, words: &[(&str, u32, &str)]) -> AnalyzedSentence {
        let mut at = 0;
        let tokens = words
            .iter()
            .map(|(form, head, rel)| {
                let s = text[at..].find(form).unwrap() + at;
                at = s + form.len();
                Token {
                    span: Span::new(s, s + form.len()),
                    form: form.to_string(),
                    head: *head,
                    deprel: rel.to_string(),
                    ..Token::default()
                }
            })
            .collect();
        AnalyzedSentence { index: 0, span: Span::new(0, text.len()), tokens }
    }

    #[test]
    fn locative_obliques_of_the_trigger() {
        let text = "A bomb exploded at Camp Ashraf in Diyala on Monday .";
        // "on Monday" is a plain `obl` in UD; it is a time, not a place.
        let s = sentence(
            text,
            &[
                ("A", 2, "det"),
                ("bomb", 3, "nsubj"),
                ("exploded", 0, "root"),
                ("at", 6, "case"),
                ("Camp", 6, "compound"),
                ("Ashraf", 3, "obl"),
                ("in", 8, "case"),
                ("Diyala", 6, "nmod"),
                ("on", 10, "case"),
                ("Monday", 3, "obl"),
                (".", 3, "punct"),
            ],
        );
        let trig = s.tokens[2].span;
        let got: Vec<&str> =
            attached_spans(&s, trig).iter().map(|sp| sp.slice(text).unwrap()).collect();
        assert_eq!(got, vec!["at Camp Ashraf in Diyala"]);
        assert!(attached_spans(&s, Span::new(200, 210)).is_empty());
    }

    #[test]
    fn event_phrases_reach_arguments_serving_verbs_targets_and_destinations() {
        let text = "An air strike hit a market in Saada and Sisi met Ahmed in Cairo .";
        let mut s = sentence(
            text,
            &[
                ("An", 3, "det"),
                ("air", 3, "compound"),
                ("strike", 4, "nsubj"),
                ("hit", 0, "root"),
                ("a", 6, "det"),
                ("market", 4, "obj"),
                ("in", 8, "case"),
                ("Saada", 6, "nmod"),
                ("and", 11, "cc"),
                ("Sisi", 11, "nsubj"),
                ("met", 4, "conj"),
                ("Ahmed", 11, "obj"),
                ("in", 14, "case"),
                ("Cairo", 12, "nmod"),
                (".", 4, "punct"),
            ],
        );
        for (i, upos) in [(2, "NOUN"), (3, "VERB"), (10, "VERB")] {
            s.tokens[i].upos = upos.to_string();
        }
        let spans = |s: &AnalyzedSentence, trig: &str, assault: bool| -> Vec<String> {
            let at = text.find(trig).unwrap();
            event_spans(s, Span::new(at, at + trig.len()), assault)
                .iter()
                .map(|sp| sp.slice(text).unwrap().to_string())
                .collect()
        };
        // The strike's place is where the verb it is the subject of happened.
        assert_eq!(spans(&s, "strike", true), vec!["in Saada"]);
        // The meeting's place hangs under its object.
        assert_eq!(spans(&s, "met", false), vec!["in Cairo"]);
        assert!(attached_spans(&s, s.tokens[10].span).is_empty());

        let text = "Jets struck on Beirut and Netanyahu flew to Riyadh .";
        let mut s = sentence(
            text,
            &[
                ("Jets", 2, "nsubj"),
                ("struck", 0, "root"),
                ("on", 4, "case"),
                ("Beirut", 2, "obl"),
                ("and", 7, "cc"),
                ("Netanyahu", 7, "nsubj"),
                ("flew", 2, "conj"),
                ("to", 9, "case"),
                ("Riyadh", 7, "obl"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[6].lemma = "fly".to_string();
        let at = text.find("struck").unwrap();
        let struck = Span::new(at, at + 6);
        assert_eq!(event_spans(&s, struck, true).len(), 1);
        assert!(event_spans(&s, struck, false).is_empty());
        let at = text.find("flew").unwrap();
        let got = event_spans(&s, Span::new(at, at + 4), false);
        assert_eq!(
            got.iter().map(|sp| sp.slice(text).unwrap()).collect::<Vec<_>>(),
            vec!["to Riyadh"]
        );
    }

    #[test]
    fn a_phrase_hung_rightwards_after_the_trigger_is_the_triggers() {
        // The parser hung "at Camp Ashraf" on "said".
        let text = "They planned an attack on forces at Camp Ashraf , an official said .";
        let mut s = sentence(
            text,
            &[
                ("They", 2, "nsubj"),
                ("planned", 0, "root"),
                ("an", 4, "det"),
                ("attack", 2, "obj"),
                ("on", 6, "case"),
                ("forces", 4, "nmod"),
                ("at", 9, "case"),
                ("Camp", 9, "compound"),
                ("Ashraf", 13, "obl"),
                (",", 9, "punct"),
                ("an", 12, "det"),
                ("official", 13, "nsubj"),
                ("said", 2, "parataxis"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[3].upos = "NOUN".to_string();
        s.tokens[1].upos = "VERB".to_string();
        let at = text.find("attack").unwrap();
        let got: Vec<&str> = event_spans(&s, Span::new(at, at + 6), true)
            .iter()
            .map(|sp| sp.slice(text).unwrap())
            .collect();
        assert!(got.iter().any(|g| g.starts_with("at Camp Ashraf")), "{got:?}");
    }

    #[test]
    fn a_place_of_a_fronted_report_hung_on_the_verb_of_saying_is_the_events() {
        // The parser hung "in the village of Zaongo" on "said"; "in Geneva" after the speaker
        // stays the saying's.
        let text = "Soldiers executed 40 civilians in the village of Zaongo , Human Rights Watch said in Geneva .";
        let mut s = sentence(
            text,
            &[
                ("Soldiers", 2, "nsubj"),
                ("executed", 0, "root"),
                ("40", 4, "nummod"),
                ("civilians", 2, "obj"),
                ("in", 7, "case"),
                ("the", 7, "det"),
                ("village", 14, "obl"),
                ("of", 9, "case"),
                ("Zaongo", 7, "nmod"),
                (",", 7, "punct"),
                ("Human", 12, "amod"),
                ("Rights", 14, "ccomp"),
                ("Watch", 14, "nsubj"),
                ("said", 2, "advcl"),
                ("in", 16, "case"),
                ("Geneva", 14, "obl"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        s.tokens[13].upos = "VERB".to_string();
        s.tokens[13].lemma = "say".to_string();
        s.tokens[1].lemma = "execute".to_string();
        let at = text.find("executed").unwrap();
        let got: Vec<&str> = event_spans(&s, Span::new(at, at + 8), true)
            .iter()
            .map(|sp| sp.slice(text).unwrap())
            .collect();
        assert!(got.iter().any(|g| g.starts_with("in the village of Zaongo")), "{got:?}");
        assert!(!got.iter().any(|g| g.contains("Geneva")), "{got:?}");
    }

    #[test]
    fn people_sent_as_the_passives_subject_put_the_sending_where_they_go() {
        let text = "Peacekeepers were deployed to the islands .";
        let mut s = sentence(
            text,
            &[
                ("Peacekeepers", 3, "nsubj:pass"),
                ("were", 3, "aux:pass"),
                ("deployed", 0, "root"),
                ("to", 6, "case"),
                ("the", 6, "det"),
                ("islands", 3, "obl"),
                (".", 3, "punct"),
            ],
        );
        s.tokens[2].upos = "VERB".to_string();
        s.tokens[2].lemma = "deploy".to_string();
        let at = text.find("deployed").unwrap();
        let got: Vec<&str> = event_spans(&s, Span::new(at, at + 8), false)
            .iter()
            .map(|sp| sp.slice(text).unwrap())
            .collect();
        assert_eq!(got, ["to the islands"]);
    }

    #[test]
    fn an_assaults_target_lies_where_its_participle_says() {
        let text = "Drones struck a ship moored in the port of Pivdennyi .";
        let mut s = sentence(
            text,
            &[
                ("Drones", 2, "nsubj"),
                ("struck", 0, "root"),
                ("a", 4, "det"),
                ("ship", 2, "obj"),
                ("moored", 4, "acl"),
                ("in", 8, "case"),
                ("the", 8, "det"),
                ("port", 5, "obl"),
                ("of", 10, "case"),
                ("Pivdennyi", 8, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        s.tokens[1].lemma = "strike".to_string();
        s.tokens[4].upos = "VERB".to_string();
        s.tokens[4].xpos = "VBN".to_string();
        s.tokens[4].lemma = "moor".to_string();
        let at = text.find("struck").unwrap();
        let got: Vec<&str> = event_spans(&s, Span::new(at, at + 6), true)
            .iter()
            .map(|sp| sp.slice(text).unwrap())
            .collect();
        assert!(got.iter().any(|g| g.starts_with("in the port of Pivdennyi")), "{got:?}");
        // Not for a deed that is no assault: "sold a ship moored in …" says nothing of where.
        let got = event_spans(&s, Span::new(at, at + 6), false);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_later_conjunct_reads_the_first_conjuncts_phrases() {
        let text = "Sisi met Ahmed in Cairo and the two pledged to talk .";
        let mut s = sentence(
            text,
            &[
                ("Sisi", 2, "nsubj"),
                ("met", 0, "root"),
                ("Ahmed", 2, "obj"),
                ("in", 5, "case"),
                ("Cairo", 2, "obl"),
                ("and", 8, "cc"),
                ("the", 7, "det"),
                ("two", 8, "nsubj"),
                ("pledged", 2, "conj"),
                ("to", 10, "mark"),
                ("talk", 8, "xcomp"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        s.tokens[8].upos = "VERB".to_string();
        let at = text.find("pledged").unwrap();
        let got = first_conjunct_spans(&s, Span::new(at, at + 7), false);
        assert_eq!(got.iter().map(|sp| sp.slice(text).unwrap()).collect::<Vec<_>>(), ["in Cairo"]);
        let met = text.find("met").unwrap();
        assert!(conjoined(&s, Span::new(met, met + 3), Span::new(at, at + 7)));
        assert!(first_conjunct_spans(&s, Span::new(met, met + 3), false).is_empty());
    }

    fn words<'a>(text: &'a str, s: &AnalyzedSentence, trig: &str, assault: bool) -> Vec<&'a str> {
        let at = text.find(trig).unwrap();
        event_spans(s, Span::new(at, at + trig.len()), assault)
            .iter()
            .map(|sp| sp.slice(text).unwrap())
            .collect()
    }

    #[test]
    fn a_freeing_happens_where_the_people_were_held() {
        let text = "Gangs freed 500 inmates from a prison in Mirebalais .";
        let mut s = sentence(
            text,
            &[
                ("Gangs", 2, "nsubj"),
                ("freed", 0, "root"),
                ("500", 4, "nummod"),
                ("inmates", 2, "obj"),
                ("from", 7, "case"),
                ("a", 7, "det"),
                ("prison", 2, "obl"),
                ("in", 9, "case"),
                ("Mirebalais", 7, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        s.tokens[1].lemma = "free".to_string();
        s.tokens[8].upos = "PROPN".to_string();
        assert_eq!(words(text, &s, "freed", false), ["from a prison in Mirebalais"]);
    }

    #[test]
    fn people_sent_are_sent_whatever_tag_the_parser_gave_them() {
        // "sent reinforcements to Koro" with "reinforcements" parsed as an adverb.
        let text = "The army sent reinforcements to Koro .";
        let mut s = sentence(
            text,
            &[
                ("The", 2, "det"),
                ("army", 3, "nsubj"),
                ("sent", 0, "root"),
                ("reinforcements", 3, "advmod"),
                ("to", 6, "case"),
                ("Koro", 3, "obl"),
                (".", 3, "punct"),
            ],
        );
        s.tokens[2].upos = "VERB".to_string();
        s.tokens[2].lemma = "send".to_string();
        s.tokens[3].upos = "ADV".to_string();
        s.tokens[5].upos = "PROPN".to_string();
        assert_eq!(words(text, &s, "sent", false), ["to Koro"]);
        // An adverb that names no people does not make the sending a journey.
        s.tokens[3].form = "quickly".to_string();
        assert!(words(text, &s, "sent", false).is_empty());
    }

    #[test]
    fn a_committed_infinitive_does_not_place_the_commitment() {
        // "agreed to build a bridge at Vidin": what was agreed, not where; "deployed troops to
        // guard a bridge at Vidin": a purpose, served there.
        let text = "The ministers agreed to build a bridge at Vidin .";
        let mut s = sentence(
            text,
            &[
                ("The", 2, "det"),
                ("ministers", 3, "nsubj"),
                ("agreed", 0, "root"),
                ("to", 5, "mark"),
                ("build", 3, "xcomp"),
                ("a", 7, "det"),
                ("bridge", 5, "obj"),
                ("at", 9, "case"),
                ("Vidin", 5, "obl"),
                (".", 3, "punct"),
            ],
        );
        for (i, (upos, lemma)) in
            [(2, ("VERB", "agree")), (4, ("VERB", "build")), (8, ("PROPN", "Vidin"))]
        {
            s.tokens[i].upos = upos.to_string();
            s.tokens[i].lemma = lemma.to_string();
        }
        assert!(words(text, &s, "agreed", false).is_empty());
        s.tokens[2].form = "deployed".to_string();
        s.tokens[2].lemma = "deploy".to_string();
        assert!(!words(text, &s, "agreed", false).is_empty());
    }

    #[test]
    fn a_phrase_on_the_last_of_coordinated_objects_places_the_deed() {
        let text = "Militants attacked a synagogue and two churches in Derbent .";
        let mut s = sentence(
            text,
            &[
                ("Militants", 2, "nsubj"),
                ("attacked", 0, "root"),
                ("a", 4, "det"),
                ("synagogue", 2, "obj"),
                ("and", 7, "cc"),
                ("two", 7, "nummod"),
                ("churches", 4, "conj"),
                ("in", 9, "case"),
                ("Derbent", 7, "nmod"),
                (".", 2, "punct"),
            ],
        );
        for (i, u) in [(1, "VERB"), (3, "NOUN"), (6, "NOUN"), (8, "PROPN")] {
            s.tokens[i].upos = u.to_string();
        }
        s.tokens[1].lemma = "attack".to_string();
        assert_eq!(words(text, &s, "attacked", true), ["in Derbent"]);
        // The same with the parser's apposition.
        s.tokens[6].deprel = "appos".to_string();
        assert_eq!(words(text, &s, "attacked", true), ["in Derbent"]);
        // Only spoken of: the statement is not there.
        s.tokens[1].lemma = "condemn".to_string();
        assert!(words(text, &s, "attacked", false).is_empty());
    }

    #[test]
    fn an_irregular_past_of_a_motion_verb_is_motion_whatever_its_lemma() {
        let text = "Families fled to Sittwe .";
        let mut s = sentence(
            text,
            &[
                ("Families", 2, "nsubj"),
                ("fled", 0, "root"),
                ("to", 4, "case"),
                ("Sittwe", 2, "obl"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        // What the learnt lemmatizer gave on news.
        s.tokens[1].lemma = "flead".to_string();
        s.tokens[3].upos = "PROPN".to_string();
        assert_eq!(words(text, &s, "fled", false), ["to Sittwe"]);
    }

    #[test]
    fn a_phrase_misparsed_as_a_marked_clause_is_the_events() {
        let text = "Police opened fire on striking workers in Zhanaozen .";
        let mut s = sentence(
            text,
            &[
                ("Police", 2, "nsubj"),
                ("opened", 0, "root"),
                ("fire", 2, "obj"),
                ("on", 5, "mark"),
                ("striking", 2, "advcl"),
                ("workers", 5, "obj"),
                ("in", 8, "case"),
                ("Zhanaozen", 5, "obl"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        s.tokens[1].lemma = "open".to_string();
        s.tokens[4].upos = "VERB".to_string();
        s.tokens[4].lemma = "strike".to_string();
        s.tokens[7].upos = "PROPN".to_string();
        assert_eq!(words(text, &s, "opened", true), ["in Zhanaozen"]);
    }

    #[test]
    fn a_crowd_to_be_dispersed_is_where_its_relative_clause_put_it() {
        let text =
            "Police fired tear gas to disperse protesters who had blocked a road outside Juliaca .";
        let mut s = sentence(
            text,
            &[
                ("Police", 2, "nsubj"),
                ("fired", 0, "root"),
                ("tear", 4, "compound"),
                ("gas", 2, "obj"),
                ("to", 6, "mark"),
                ("disperse", 2, "advcl"),
                ("protesters", 6, "obj"),
                ("who", 10, "nsubj"),
                ("had", 10, "aux"),
                ("blocked", 7, "acl:relcl"),
                ("a", 12, "det"),
                ("road", 10, "obj"),
                ("outside", 14, "case"),
                ("Juliaca", 12, "nmod"),
                (".", 2, "punct"),
            ],
        );
        for (i, u, l) in [(1, "VERB", "fire"), (5, "VERB", "disperse"), (9, "VERB", "block")] {
            s.tokens[i].upos = u.to_string();
            s.tokens[i].lemma = l.to_string();
        }
        s.tokens[13].upos = "PROPN".to_string();
        assert_eq!(words(text, &s, "fired", false), ["outside Juliaca"]);
        // A relative clause of another deed is not where the crowd stands ("to arrest men who
        // had attacked a post outside Juliaca").
        s.tokens[9].lemma = "attack".to_string();
        assert!(words(text, &s, "fired", false).is_empty());
    }

    #[test]
    fn a_purpose_of_protest_does_not_place_the_deed() {
        // "summoned the envoy to protest the killing of a villager in Lalmonirhat": the
        // protest speaks of the killing; the summons is not where it was.
        let text = "Pakistan summoned the envoy to protest the shelling of villages in Bajaur .";
        let mut s = sentence(
            text,
            &[
                ("Pakistan", 2, "nsubj"),
                ("summoned", 0, "root"),
                ("the", 4, "det"),
                ("envoy", 2, "obj"),
                ("to", 6, "mark"),
                ("protest", 2, "advcl"),
                ("the", 8, "det"),
                ("shelling", 6, "obj"),
                ("of", 10, "case"),
                ("villages", 8, "nmod"),
                ("in", 12, "case"),
                ("Bajaur", 6, "obl"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        s.tokens[1].lemma = "summon".to_string();
        s.tokens[5].upos = "VERB".to_string();
        s.tokens[5].lemma = "protest".to_string();
        s.tokens[11].upos = "PROPN".to_string();
        assert!(words(text, &s, "summoned", false).is_empty());
        // A purpose that acts still places it ("sent troops to secure villages in Bajaur").
        s.tokens[5].lemma = "secure".to_string();
        assert_eq!(words(text, &s, "summoned", false), ["in Bajaur"]);
    }

    #[test]
    fn a_purpose_clause_places_a_deed_whose_phrases_name_nothing() {
        // The parse seen on "used water cannon and pepper spray to disperse …": the clause
        // hung on the complement, not on the trigger.
        let text =
            "Police used water cannon to disperse protesters outside parliament in Tbilisi .";
        let mut s = sentence(
            text,
            &[
                ("Police", 2, "nsubj"),
                ("used", 0, "root"),
                ("water", 2, "obj"),
                ("cannon", 2, "xcomp"),
                ("to", 6, "mark"),
                ("disperse", 4, "acl"),
                ("protesters", 6, "obj"),
                ("outside", 9, "case"),
                ("parliament", 7, "nmod"),
                ("in", 11, "case"),
                ("Tbilisi", 9, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        s.tokens[1].lemma = "use".to_string();
        s.tokens[5].upos = "VERB".to_string();
        s.tokens[5].lemma = "disperse".to_string();
        s.tokens[10].upos = "PROPN".to_string();
        assert_eq!(words(text, &s, "used", false), ["outside parliament in Tbilisi"]);
        // "foiled a plot to bomb a base near Khujand": a plan's "to" clause is its content.
        let text = "Police foiled a plot to bomb a base near Khujand .";
        let mut s = sentence(
            text,
            &[
                ("Police", 2, "nsubj"),
                ("foiled", 0, "root"),
                ("a", 4, "det"),
                ("plot", 2, "obj"),
                ("to", 6, "mark"),
                ("bomb", 4, "acl"),
                ("a", 8, "det"),
                ("base", 6, "obj"),
                ("near", 10, "case"),
                ("Khujand", 8, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        s.tokens[1].lemma = "foil".to_string();
        s.tokens[5].upos = "VERB".to_string();
        s.tokens[5].lemma = "bomb".to_string();
        s.tokens[9].upos = "PROPN".to_string();
        assert!(words(text, &s, "foiled", false).is_empty());
        // The purpose before the subject's place, through the purpose's object's participle.
        let text = "Police in Somaliland fired rounds to disperse supporters protesting in Burao .";
        let mut s = sentence(
            text,
            &[
                ("Police", 4, "nsubj"),
                ("in", 3, "case"),
                ("Somaliland", 1, "nmod"),
                ("fired", 0, "root"),
                ("rounds", 4, "obj"),
                ("to", 7, "mark"),
                ("disperse", 4, "advcl"),
                ("supporters", 7, "obj"),
                ("protesting", 8, "acl"),
                ("in", 11, "case"),
                ("Burao", 9, "obl"),
                (".", 4, "punct"),
            ],
        );
        for (i, lemma) in [(3, "fire"), (6, "disperse"), (8, "protest")] {
            s.tokens[i].upos = "VERB".to_string();
            s.tokens[i].lemma = lemma.to_string();
        }
        s.tokens[2].upos = "PROPN".to_string();
        s.tokens[10].upos = "PROPN".to_string();
        assert_eq!(words(text, &s, "fired", true), ["in Burao"]);
    }

    #[test]
    fn over_a_town_and_a_gathering_hung_on_an_oblique() {
        let text = "Defences intercepted missiles over the outskirts of the capital .";
        let s = sentence(
            text,
            &[
                ("Defences", 2, "nsubj"),
                ("intercepted", 0, "root"),
                ("missiles", 2, "obj"),
                ("over", 6, "case"),
                ("the", 6, "det"),
                ("outskirts", 2, "obl"),
                ("of", 9, "case"),
                ("the", 9, "det"),
                ("capital", 6, "nmod"),
                (".", 2, "punct"),
            ],
        );
        assert_eq!(words(text, &s, "intercepted", false), ["over the outskirts of the capital"]);
        // "over" a topic is no place.
        let text = "They quarrelled over the border .";
        let s = sentence(
            text,
            &[
                ("They", 2, "nsubj"),
                ("quarrelled", 0, "root"),
                ("over", 5, "case"),
                ("the", 5, "det"),
                ("border", 2, "obl"),
                (".", 2, "punct"),
            ],
        );
        assert!(words(text, &s, "quarrelled", false).is_empty());

        let text = "Leaders agreed to a package at a summit in Brussels .";
        let s = sentence(
            text,
            &[
                ("Leaders", 2, "nsubj"),
                ("agreed", 0, "root"),
                ("to", 5, "case"),
                ("a", 5, "det"),
                ("package", 2, "obl"),
                ("at", 8, "case"),
                ("a", 8, "det"),
                ("summit", 5, "nmod"),
                ("in", 10, "case"),
                ("Brussels", 8, "nmod"),
                (".", 2, "punct"),
            ],
        );
        assert_eq!(words(text, &s, "agreed", false), ["at a summit in Brussels"]);

        // A launch with no target happens where it was launched from.
        let text = "Pyongyang fired a missile from Sunan on Tuesday .";
        let mut s = sentence(
            text,
            &[
                ("Pyongyang", 2, "nsubj"),
                ("fired", 0, "root"),
                ("a", 4, "det"),
                ("missile", 2, "obj"),
                ("from", 6, "case"),
                ("Sunan", 4, "nmod"),
                ("on", 8, "case"),
                ("Tuesday", 2, "obl"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].lemma = "fire".to_string();
        assert_eq!(words(text, &s, "fired", false), ["from Sunan"]);
        // With a target, "from" is only where it came from.
        let text = "Pyongyang fired a missile from Sunan at Seoul .";
        let mut s = sentence(
            text,
            &[
                ("Pyongyang", 2, "nsubj"),
                ("fired", 0, "root"),
                ("a", 4, "det"),
                ("missile", 2, "obj"),
                ("from", 6, "case"),
                ("Sunan", 4, "nmod"),
                ("at", 8, "case"),
                ("Seoul", 2, "obl"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].lemma = "fire".to_string();
        assert_eq!(words(text, &s, "fired", false), ["at Seoul"]);
    }

    #[test]
    fn a_statements_subject_place_and_a_site_object() {
        // "in Kabul" places the speaker, not the blame.
        let text = "The administration in Kabul blamed Pakistani forces .";
        let mut s = sentence(
            text,
            &[
                ("The", 2, "det"),
                ("administration", 5, "nsubj"),
                ("in", 4, "case"),
                ("Kabul", 2, "nmod"),
                ("blamed", 0, "root"),
                ("Pakistani", 7, "amod"),
                ("forces", 5, "obj"),
                (".", 5, "punct"),
            ],
        );
        s.tokens[4].lemma = "blame".to_string();
        s.tokens[4].upos = "VERB".to_string();
        assert!(words(text, &s, "blamed", false).is_empty());
        s.tokens[4].lemma = "attack".to_string();
        assert_eq!(words(text, &s, "blamed", false), ["in Kabul"]);

        // The object is a site: the event is there.
        let text = "Israel reopened the Kerem Shalom crossing into Gaza .";
        let mut s = sentence(
            text,
            &[
                ("Israel", 2, "nsubj"),
                ("reopened", 0, "root"),
                ("the", 6, "det"),
                ("Kerem", 5, "compound"),
                ("Shalom", 6, "flat"),
                ("crossing", 2, "obj"),
                ("into", 8, "case"),
                ("Gaza", 6, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        s.tokens[1].lemma = "reopen".to_string();
        s.tokens[5].upos = "NOUN".to_string();
        assert_eq!(words(text, &s, "reopened", false), ["the Kerem Shalom crossing"]);
    }

    #[test]
    fn quantities_clauses_and_speech_venues() {
        // "hundreds of people in Zamfara": the phrase hangs on the "of" noun.
        let text = "Gangs killed hundreds of people in Zamfara .";
        let mut s = sentence(
            text,
            &[
                ("Gangs", 2, "nsubj"),
                ("killed", 0, "root"),
                ("hundreds", 2, "obj"),
                ("of", 5, "case"),
                ("people", 3, "nmod"),
                ("in", 7, "case"),
                ("Zamfara", 5, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        assert_eq!(words(text, &s, "killed", true), ["in Zamfara"]);

        // A relative clause inside the phrase is not its place; a stray "of" phrase joins it.
        let text = "They hit us in the middle of Qamishli , near a bakery , who told reporters in Hasakah .";
        let mut s = sentence(
            text,
            &[
                ("They", 2, "nsubj"),
                ("hit", 0, "root"),
                ("us", 2, "obj"),
                ("in", 6, "case"),
                ("the", 6, "det"),
                ("middle", 2, "obl"),
                ("of", 8, "case"),
                ("Qamishli", 2, "obl"),
                (",", 2, "punct"),
                ("near", 12, "case"),
                ("a", 12, "det"),
                ("bakery", 2, "obl"),
                (",", 15, "punct"),
                ("who", 15, "nsubj"),
                ("told", 12, "acl:relcl"),
                ("reporters", 15, "obj"),
                ("in", 18, "case"),
                ("Hasakah", 16, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        assert_eq!(words(text, &s, "hit", true), ["in the middle of Qamishli", "near a bakery"]);

        // A strike a statement speaks of is not placed at the news conference.
        let text = "Blinken condemned the strikes at a conference in Washington .";
        let mut s = sentence(
            text,
            &[
                ("Blinken", 2, "nsubj"),
                ("condemned", 0, "root"),
                ("the", 4, "det"),
                ("strikes", 2, "obj"),
                ("at", 7, "case"),
                ("a", 7, "det"),
                ("conference", 4, "nmod"),
                ("in", 9, "case"),
                ("Washington", 7, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        s.tokens[1].lemma = "condemn".to_string();
        s.tokens[3].upos = "NOUN".to_string();
        assert!(words(text, &s, "strikes", true).is_empty());
        assert_eq!(words(text, &s, "condemned", false), ["at a conference in Washington"]);
    }

    #[test]
    fn a_site_objects_name_sendings_occasions_sieges_and_charges() {
        // "captured the town of Shire in Tigray": the town's own name is the site.
        let text = "Troops captured the town of Shire in Tigray .";
        let mut s = sentence(
            text,
            &[
                ("Troops", 2, "nsubj"),
                ("captured", 0, "root"),
                ("the", 4, "det"),
                ("town", 2, "obj"),
                ("of", 6, "case"),
                ("Shire", 4, "nmod"),
                ("in", 8, "case"),
                ("Tigray", 4, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        s.tokens[3].upos = "NOUN".to_string();
        s.tokens[5].upos = "PROPN".to_string();
        assert_eq!(words(text, &s, "captured", true), ["the town of Shire", "in Tigray"]);

        // People sent somewhere act there; goods sent somewhere do not place the sending.
        let text = "The UN sent peacekeepers to Bentiu .";
        let mut s = sentence(
            text,
            &[
                ("The", 2, "det"),
                ("UN", 3, "nsubj"),
                ("sent", 0, "root"),
                ("peacekeepers", 3, "obj"),
                ("to", 6, "case"),
                ("Bentiu", 3, "obl"),
                (".", 3, "punct"),
            ],
        );
        s.tokens[2].upos = "VERB".to_string();
        s.tokens[2].lemma = "send".to_string();
        assert_eq!(words(text, &s, "sent", false), ["to Bentiu"]);
        s.tokens[3].form = "missiles".to_string();
        assert!(words(text, &s, "sent", false).is_empty());

        // "leaders meeting in Abuja threatened": the occasion places the statement.
        let text = "Leaders meeting in Abuja threatened force .";
        let mut s = sentence(
            text,
            &[
                ("Leaders", 5, "nsubj"),
                ("meeting", 1, "acl"),
                ("in", 4, "case"),
                ("Abuja", 2, "obl"),
                ("threatened", 0, "root"),
                ("force", 5, "obj"),
                (".", 5, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        s.tokens[1].lemma = "meet".to_string();
        s.tokens[4].upos = "VERB".to_string();
        s.tokens[4].lemma = "threaten".to_string();
        assert_eq!(words(text, &s, "threatened", false), ["in Abuja"]);

        // "the siege of Marawi": an assault noun's "of" phrase.
        let text = "They led the siege of Marawi .";
        let mut s = sentence(
            text,
            &[
                ("They", 2, "nsubj"),
                ("led", 0, "root"),
                ("the", 4, "det"),
                ("siege", 2, "obj"),
                ("of", 6, "case"),
                ("Marawi", 4, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[3].upos = "NOUN".to_string();
        assert_eq!(words(text, &s, "siege", true), ["of Marawi"]);
        assert!(words(text, &s, "siege", false).is_empty());

        // A charge's "of" phrase is what was said, not where.
        let text = "Rebels accused the army of killing civilians in Mekelle .";
        let mut s = sentence(
            text,
            &[
                ("Rebels", 2, "nsubj"),
                ("accused", 0, "root"),
                ("the", 4, "det"),
                ("army", 2, "obj"),
                ("of", 7, "case"),
                ("killing", 7, "amod"),
                ("civilians", 4, "nmod"),
                ("in", 9, "case"),
                ("Mekelle", 7, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        s.tokens[1].lemma = "accuse".to_string();
        assert!(words(text, &s, "accused", false).is_empty());
    }

    #[test]
    fn an_adverbial_clause_hangs_on_its_deed_not_on_a_statement() {
        let text = "Police arrested a man before he could detonate bombs .";
        let mut s = sentence(
            text,
            &[
                ("Police", 2, "nsubj"),
                ("arrested", 0, "root"),
                ("a", 4, "det"),
                ("man", 2, "obj"),
                ("before", 8, "mark"),
                ("he", 8, "nsubj"),
                ("could", 8, "aux"),
                ("detonate", 2, "advcl"),
                ("bombs", 8, "obj"),
                (".", 2, "punct"),
            ],
        );
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            Span::new(i, i + w.len())
        };
        s.tokens[1].lemma = "arrest".to_string();
        assert!(clausal_dependent(&s, at("arrested"), at("detonate")));
        assert!(!clausal_dependent(&s, at("detonate"), at("arrested")));
        s.tokens[1].lemma = "say".to_string();
        assert!(!clausal_dependent(&s, at("arrested"), at("detonate")));
    }

    #[test]
    fn a_participle_hung_on_the_verb_of_saying_belongs_to_the_reported_deed() {
        let text = "Gunmen attacked a bus , killing six , police said .";
        let mut s = sentence(
            text,
            &[
                ("Gunmen", 2, "nsubj"),
                ("attacked", 10, "ccomp"),
                ("a", 4, "det"),
                ("bus", 2, "obj"),
                (",", 6, "punct"),
                ("killing", 10, "advcl"),
                ("six", 6, "obj"),
                (",", 10, "punct"),
                ("police", 10, "nsubj"),
                ("said", 0, "root"),
                (".", 10, "punct"),
            ],
        );
        for (i, lemma) in [(1, "attack"), (5, "kill"), (9, "say")] {
            s.tokens[i].lemma = lemma.to_string();
            s.tokens[i].upos = "VERB".to_string();
        }
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            Span::new(i, i + w.len())
        };
        assert!(clausal_dependent(&s, at("attacked"), at("killing")));
        assert!(!clausal_dependent(&s, at("killing"), at("attacked")));
        // A finite clause on the same verb of saying is no participle of the deed.
        s.tokens[5].form = "killed".to_string();
        assert!(!clausal_dependent(&s, at("attacked"), at("killing")));
    }

    #[test]
    fn a_place_in_the_closing_speaker_phrase_places_no_reported_deed() {
        // The parser hung the speaker's "in Goma" on the participle.
        let text = "Rebels shelled a market , killing four , officials in Goma said on Monday .";
        let mut s = sentence(
            text,
            &[
                ("Rebels", 2, "nsubj"),
                ("shelled", 12, "ccomp"),
                ("a", 4, "det"),
                ("market", 2, "obj"),
                (",", 6, "punct"),
                ("killing", 2, "advcl"),
                ("four", 6, "obj"),
                (",", 9, "punct"),
                ("officials", 7, "conj"),
                ("in", 11, "case"),
                ("Goma", 6, "obl"),
                ("said", 0, "root"),
                ("on", 14, "case"),
                ("Monday", 12, "obl"),
                (".", 12, "punct"),
            ],
        );
        let upos = [
            "PROPN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "NUM", "PUNCT", "NOUN", "ADP",
            "PROPN", "VERB", "ADP", "PROPN", "PUNCT",
        ];
        for (t, u) in s.tokens.iter_mut().zip(upos) {
            t.upos = u.to_string();
        }
        for (i, lemma) in [(1, "shell"), (5, "kill"), (11, "say")] {
            s.tokens[i].lemma = lemma.to_string();
        }
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            Span::new(i, i + w.len())
        };
        assert_eq!(closing_speaker(&s), Some((7, 11)));
        assert!(event_spans(&s, at("killing"), true)
            .iter()
            .all(|sp| sp.slice(text) != Some("in Goma")));
        // A deed after the comma is no report the phrase closes: "…, and troops in Goma
        // fired" has a verb in it, so no speaker phrase closes the sentence.
        s.tokens[11].lemma = "fire".to_string();
        assert_eq!(closing_speaker(&s), None);
    }

    #[test]
    fn a_participle_on_the_verb_of_saying_belongs_to_a_nominal_deed_of_the_report() {
        let text = "Troops carried out a raid , killing ten , a group said .";
        let mut s = sentence(
            text,
            &[
                ("Troops", 2, "nsubj"),
                ("carried", 12, "ccomp"),
                ("out", 2, "compound:prt"),
                ("a", 5, "det"),
                ("raid", 2, "obj"),
                (",", 7, "punct"),
                ("killing", 12, "advcl"),
                ("ten", 7, "obj"),
                (",", 12, "punct"),
                ("a", 11, "det"),
                ("group", 12, "nsubj"),
                ("said", 0, "root"),
                (".", 12, "punct"),
            ],
        );
        for (i, lemma, upos) in
            [(1, "carry", "VERB"), (4, "raid", "NOUN"), (6, "kill", "VERB"), (11, "say", "VERB")]
        {
            s.tokens[i].lemma = lemma.to_string();
            s.tokens[i].upos = upos.to_string();
        }
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            Span::new(i, i + w.len())
        };
        assert!(clausal_dependent(&s, at("raid"), at("killing")));
        assert!(clausal_dependent(&s, at("carried"), at("killing")));
    }

    #[test]
    fn phrases_the_parser_hung_elsewhere() {
        // "off the coast of the port of Fujairah" with the "of" phrase hung on the verb above
        // the object that carries "off the coast".
        let text = "Guards seized a tanker off the coast of the port of Fujairah .";
        let mut s = sentence(
            text,
            &[
                ("Guards", 2, "nsubj"),
                ("seized", 0, "root"),
                ("a", 4, "det"),
                ("tanker", 2, "obj"),
                ("off", 7, "case"),
                ("the", 7, "det"),
                ("coast", 4, "nmod"),
                ("of", 10, "case"),
                ("the", 10, "det"),
                ("port", 2, "obl"),
                ("of", 12, "case"),
                ("Fujairah", 10, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        let got = words(text, &s, "seized", false);
        assert_eq!(got, ["off the coast of the port of Fujairah"]);

        // "the strikes hit open areas near Tyre" parsed with "hit" as a clause on the noun.
        let text = "Media said the strikes hit areas near Tyre .";
        let mut s = sentence(
            text,
            &[
                ("Media", 2, "nsubj"),
                ("said", 0, "root"),
                ("the", 4, "det"),
                ("strikes", 2, "obj"),
                ("hit", 4, "acl"),
                ("areas", 5, "obj"),
                ("near", 8, "case"),
                ("Tyre", 6, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].lemma = "say".to_string();
        s.tokens[3].upos = "NOUN".to_string();
        s.tokens[4].upos = "VERB".to_string();
        s.tokens[4].lemma = "hit".to_string();
        assert_eq!(words(text, &s, "strikes", true), ["near Tyre"]);

        // A gathering as the speaker: "a meeting in Abuja threatened".
        let text = "Leaders meeting in Abuja threatened force .";
        let mut s = sentence(
            text,
            &[
                ("Leaders", 2, "compound"),
                ("meeting", 5, "nsubj"),
                ("in", 4, "case"),
                ("Abuja", 2, "nmod"),
                ("threatened", 0, "root"),
                ("force", 5, "obj"),
                (".", 5, "punct"),
            ],
        );
        s.tokens[1].upos = "NOUN".to_string();
        s.tokens[4].upos = "VERB".to_string();
        s.tokens[4].lemma = "threaten".to_string();
        assert_eq!(words(text, &s, "threatened", false), ["in Abuja"]);
        // Any other speaker's place is not the statement's.
        s.tokens[1].form = "envoys".to_string();
        assert!(words(text, &s, "threatened", false).is_empty());
    }

    #[test]
    fn a_present_participle_on_the_target_places_it() {
        let text =
            "Gunmen fired on a convoy carrying pilgrims in Kurram , who had travelled in Iran .";
        let mut s = sentence(
            text,
            &[
                ("Gunmen", 2, "nsubj"),
                ("fired", 0, "root"),
                ("on", 5, "case"),
                ("a", 5, "det"),
                ("convoy", 2, "obl"),
                ("carrying", 5, "acl"),
                ("pilgrims", 6, "obj"),
                ("in", 9, "case"),
                ("Kurram", 6, "obl"),
                (",", 13, "punct"),
                ("who", 13, "nsubj"),
                ("had", 13, "aux"),
                ("travelled", 7, "acl:relcl"),
                ("in", 15, "case"),
                ("Iran", 13, "obl"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        s.tokens[5].upos = "VERB".to_string();
        s.tokens[5].lemma = "carry".to_string();
        s.tokens[12].upos = "VERB".to_string();
        assert_eq!(words(text, &s, "fired", true), ["on a convoy carrying pilgrims in Kurram"]);
    }

    #[test]
    fn an_assault_noun_amid_a_deed() {
        let text = "Rebels seized the town after days of fighting .";
        let mut s = sentence(
            text,
            &[
                ("Rebels", 2, "nsubj"),
                ("seized", 0, "root"),
                ("the", 4, "det"),
                ("town", 2, "obj"),
                ("after", 6, "case"),
                ("days", 2, "obl"),
                ("of", 8, "case"),
                ("fighting", 6, "nmod"),
                (".", 2, "punct"),
            ],
        );
        for (i, u) in [(1, "VERB"), (3, "NOUN"), (5, "NOUN"), (7, "NOUN")] {
            s.tokens[i].upos = u.to_string();
        }
        s.tokens[1].lemma = "seize".to_string();
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            Span::new(i, i + w.len())
        };
        assert!(nominal_dependent(&s, at("seized"), at("fighting")));
        assert!(!nominal_dependent(&s, at("fighting"), at("seized")));
        // A verb of saying sets no deed.
        s.tokens[1].lemma = "condemn".to_string();
        assert!(!nominal_dependent(&s, at("seized"), at("fighting")));
        // "of" on the verb's own phrase is no setting ("accused of fighting").
        s.tokens[1].lemma = "seize".to_string();
        s.tokens[4].form = "of".to_string();
        assert!(!nominal_dependent(&s, at("seized"), at("fighting")));
    }

    #[test]
    fn the_subjects_place_only_when_the_deed_names_none() {
        let text = "Militants in Gaza fired rockets at Israel .";
        let mut s = sentence(
            text,
            &[
                ("Militants", 4, "nsubj"),
                ("in", 3, "case"),
                ("Gaza", 1, "nmod"),
                ("fired", 0, "root"),
                ("rockets", 4, "obj"),
                ("at", 7, "case"),
                ("Israel", 4, "obl"),
                (".", 4, "punct"),
            ],
        );
        s.tokens[3].upos = "VERB".to_string();
        s.tokens[3].lemma = "fire".to_string();
        s.tokens[6].upos = "PROPN".to_string();
        assert_eq!(words(text, &s, "fired", true), ["at Israel"]);
        // Without a phrase of its own, the subject's place stands.
        let text = "Militants in Gaza fired rockets .";
        let mut s = sentence(
            text,
            &[
                ("Militants", 4, "nsubj"),
                ("in", 3, "case"),
                ("Gaza", 1, "nmod"),
                ("fired", 0, "root"),
                ("rockets", 4, "obj"),
                (".", 4, "punct"),
            ],
        );
        s.tokens[3].upos = "VERB".to_string();
        s.tokens[3].lemma = "fire".to_string();
        assert_eq!(words(text, &s, "fired", true), ["in Gaza"]);
    }

    #[test]
    fn a_removal_happens_where_it_removes_from() {
        let text = "Peacekeepers evacuated workers from Nasir .";
        let mut s = sentence(
            text,
            &[
                ("Peacekeepers", 2, "nsubj"),
                ("evacuated", 0, "root"),
                ("workers", 2, "obj"),
                ("from", 5, "case"),
                ("Nasir", 2, "obl"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        s.tokens[1].lemma = "evacuate".to_string();
        assert_eq!(words(text, &s, "evacuated", false), ["from Nasir"]);
        // "from" is no place of other deeds ("flights from Baghdad").
        s.tokens[1].lemma = "praise".to_string();
        assert!(words(text, &s, "evacuated", false).is_empty());
    }

    #[test]
    fn aimed_clauses_with_parties_into_and_outskirts_of_a_village() {
        // "foiled a plot to bomb a base near Khujand": the infinitive clause is aimed at.
        let text = "Forces foiled a plot to bomb a base near Khujand .";
        let mut s = sentence(
            text,
            &[
                ("Forces", 2, "nsubj"),
                ("foiled", 0, "root"),
                ("a", 4, "det"),
                ("plot", 2, "obj"),
                ("to", 6, "mark"),
                ("bomb", 4, "acl"),
                ("a", 8, "det"),
                ("base", 6, "obj"),
                ("near", 10, "case"),
                ("Khujand", 6, "obl"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[5].upos = "VERB".to_string();
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            Span::new(i, i + w.len())
        };
        let aimed: Vec<&str> =
            aimed_clauses(&s, at("foiled")).iter().map(|sp| sp.slice(text).unwrap()).collect();
        assert_eq!(aimed, ["to bomb a base near Khujand"]);
        assert!(aimed_clauses(&s, at("bomb")).is_empty());

        // "clashed with police near the town of X": the party's locative is the deed's.
        let text = "Protesters clashed with police near the town .";
        let mut s = sentence(
            text,
            &[
                ("Protesters", 2, "nsubj"),
                ("clashed", 0, "root"),
                ("with", 4, "case"),
                ("police", 2, "obl"),
                ("near", 7, "case"),
                ("the", 7, "det"),
                ("town", 4, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].lemma = "clash".to_string();
        s.tokens[1].upos = "VERB".to_string();
        assert_eq!(words(text, &s, "clashed", true), ["near the town"]);
        // Not for a statement: "spoke with reporters in X" places the speaker's words only
        // through its own venue rules.
        s.tokens[1].lemma = "say".to_string();
        assert!(words(text, &s, "clashed", true).is_empty());

        // "fired rockets into Israel" places an assault, "shelled the outskirts of the village
        // of Kila" reaches the village's name.
        let text = "Fighters fired rockets into Israel .";
        let s = sentence(
            text,
            &[
                ("Fighters", 2, "nsubj"),
                ("fired", 0, "root"),
                ("rockets", 2, "obj"),
                ("into", 5, "case"),
                ("Israel", 2, "obl"),
                (".", 2, "punct"),
            ],
        );
        assert_eq!(words(text, &s, "fired", true), ["into Israel"]);
        assert!(words(text, &s, "fired", false).is_empty());
        let text = "Artillery shelled the outskirts of the village of Kila .";
        let mut s = sentence(
            text,
            &[
                ("Artillery", 2, "nsubj"),
                ("shelled", 0, "root"),
                ("the", 4, "det"),
                ("outskirts", 2, "obj"),
                ("of", 7, "case"),
                ("the", 7, "det"),
                ("village", 4, "nmod"),
                ("of", 9, "case"),
                ("Kila", 7, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[3].upos = "NOUN".to_string();
        s.tokens[6].upos = "NOUN".to_string();
        s.tokens[8].upos = "PROPN".to_string();
        let found = words(text, &s, "shelled", true);
        assert!(found.iter().any(|w| w.ends_with("village of Kila")), "{found:?}");
    }

    #[test]
    fn through_the_streets_and_a_visited_place() {
        let text = "Supporters marched through the streets of Lahore .";
        let mut s = sentence(
            text,
            &[
                ("Supporters", 2, "nsubj"),
                ("marched", 0, "root"),
                ("through", 5, "case"),
                ("the", 5, "det"),
                ("streets", 2, "obl"),
                ("of", 7, "case"),
                ("Lahore", 5, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].lemma = "march".to_string();
        assert_eq!(words(text, &s, "marched", false), ["through the streets of Lahore"]);

        let text = "The minister visited Kabul .";
        let mut s = sentence(
            text,
            &[
                ("The", 2, "det"),
                ("minister", 3, "nsubj"),
                ("visited", 0, "root"),
                ("Kabul", 3, "obj"),
                (".", 3, "punct"),
            ],
        );
        s.tokens[2].lemma = "visit".to_string();
        s.tokens[2].upos = "VERB".to_string();
        s.tokens[3].upos = "PROPN".to_string();
        assert_eq!(words(text, &s, "visited", false), ["Kabul"]);
        // Praising Kabul is no visit there.
        s.tokens[2].lemma = "praise".to_string();
        assert!(words(text, &s, "visited", false).is_empty());
    }

    #[test]
    fn the_object_of_a_charge_places_it_only_by_an_occasion() {
        let text = "Washington blamed militias in Iraq .";
        let mut s = sentence(
            text,
            &[
                ("Washington", 2, "nsubj"),
                ("blamed", 0, "root"),
                ("militias", 2, "obj"),
                ("in", 5, "case"),
                ("Iraq", 3, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].lemma = "blame".to_string();
        s.tokens[1].upos = "VERB".to_string();
        assert!(words(text, &s, "blamed", false).is_empty());
        let text = "Iran condemned the move at a conference in Tehran .";
        let mut s = sentence(
            text,
            &[
                ("Iran", 2, "nsubj"),
                ("condemned", 0, "root"),
                ("the", 4, "det"),
                ("move", 2, "obj"),
                ("at", 7, "case"),
                ("a", 7, "det"),
                ("conference", 4, "nmod"),
                ("in", 9, "case"),
                ("Tehran", 7, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].lemma = "condemn".to_string();
        s.tokens[1].upos = "VERB".to_string();
        assert_eq!(words(text, &s, "condemned", false), ["at a conference in Tehran"]);
    }

    #[test]
    fn an_attempts_clause_is_not_aimed_and_a_nameless_phrase_leaves_the_subjects_place() {
        let text = "Activists tried to storm a centre in Kitwe .";
        let mut s = sentence(
            text,
            &[
                ("Activists", 2, "nsubj"),
                ("tried", 0, "root"),
                ("to", 4, "mark"),
                ("storm", 2, "xcomp"),
                ("a", 6, "det"),
                ("centre", 4, "obj"),
                ("in", 8, "case"),
                ("Kitwe", 6, "nmod"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].lemma = "try".to_string();
        s.tokens[3].upos = "VERB".to_string();
        let i = text.find("Activists").unwrap();
        assert!(aimed_clauses(&s, Span::new(i, i + 9)).is_empty());
        s.tokens[1].lemma = "plan".to_string();
        assert_eq!(aimed_clauses(&s, Span::new(i, i + 9)).len(), 1);

        let text = "A court in Bishkek sentenced them to years in prison .";
        let mut s = sentence(
            text,
            &[
                ("A", 2, "det"),
                ("court", 5, "nsubj"),
                ("in", 4, "case"),
                ("Bishkek", 2, "nmod"),
                ("sentenced", 0, "root"),
                ("them", 5, "obj"),
                ("to", 8, "case"),
                ("years", 5, "obl"),
                ("in", 10, "case"),
                ("prison", 5, "obl"),
                (".", 5, "punct"),
            ],
        );
        s.tokens[3].upos = "PROPN".to_string();
        s.tokens[4].lemma = "sentence".to_string();
        assert_eq!(words(text, &s, "sentenced", false), ["in prison", "in Bishkek"]);
        // A named place of the deed's own keeps the subject's out.
        s.tokens[9].upos = "PROPN".to_string();
        assert_eq!(words(text, &s, "sentenced", false), ["in prison"]);
    }

    #[test]
    fn after_a_charge_or_an_appeal_a_locative_is_its_matter_unless_an_occasion() {
        let text = "The minister appealed to peacekeepers in the region at a summit in Abuja .";
        let mut s = sentence(
            text,
            &[
                ("The", 2, "det"),
                ("minister", 3, "nsubj"),
                ("appealed", 0, "root"),
                ("to", 5, "case"),
                ("peacekeepers", 3, "obl"),
                ("in", 8, "case"),
                ("the", 8, "det"),
                ("region", 3, "obl"),
                ("at", 11, "case"),
                ("a", 11, "det"),
                ("summit", 3, "obl"),
                ("in", 13, "case"),
                ("Abuja", 11, "nmod"),
                (".", 3, "punct"),
            ],
        );
        s.tokens[2].lemma = "appeal".to_string();
        s.tokens[2].upos = "VERB".to_string();
        assert_eq!(words(text, &s, "appealed", false), ["at a summit in Abuja"]);
        // Not for a deed: troops deployed in the region are there.
        s.tokens[2].lemma = "deploy".to_string();
        assert!(words(text, &s, "appealed", false).contains(&"in the region"));
    }

    #[test]
    fn people_sent_by_a_quantity_noun_act_where_they_are_sent() {
        let text = "Indonesia deployed hundreds of troops to the region .";
        let mut s = sentence(
            text,
            &[
                ("Indonesia", 2, "nsubj"),
                ("deployed", 0, "root"),
                ("hundreds", 2, "obj"),
                ("of", 5, "case"),
                ("troops", 3, "nmod"),
                ("to", 8, "case"),
                ("the", 8, "det"),
                ("region", 2, "obl"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].lemma = "deploy".to_string();
        assert_eq!(words(text, &s, "deployed", false), ["to the region"]);
        // Goods counted the same way are not placed by where they go.
        s.tokens[4].form = "tonnes".to_string();
        assert!(words(text, &s, "deployed", false).is_empty());
    }

    #[test]
    fn a_withdrawal_of_the_subject_is_where_it_left() {
        let spans = |text: &str, words: &[(&str, u32, &str)], verb: usize, lemma: &str| {
            let mut s = sentence(text, words);
            s.tokens[verb].upos = "VERB".to_string();
            s.tokens[verb].lemma = lemma.to_string();
            let t = s.tokens[verb].span;
            event_spans(&s, t, false)
                .iter()
                .map(|sp| sp.slice(text).unwrap().to_string())
                .collect::<Vec<_>>()
        };
        let text = "Rebels withdrew from the town of Kitshanga .";
        let got = spans(
            text,
            &[
                ("Rebels", 2, "nsubj"),
                ("withdrew", 0, "root"),
                ("from", 5, "case"),
                ("the", 5, "det"),
                ("town", 2, "obl"),
                ("of", 7, "case"),
                ("Kitshanga", 5, "nmod"),
                (".", 2, "punct"),
            ],
            1,
            "withdraw",
        );
        assert!(got.iter().any(|g| g.starts_with("from the town of Kitshanga")), "{got:?}");
        let text = "Troops pulled out of Jabalia .";
        let got = spans(
            text,
            &[
                ("Troops", 2, "nsubj"),
                ("pulled", 0, "root"),
                ("out", 2, "compound:prt"),
                ("of", 5, "case"),
                ("Jabalia", 2, "obl"),
                (".", 2, "punct"),
            ],
            1,
            "pull",
        );
        assert_eq!(got, vec!["of Jabalia".to_string()]);
        let text = "Forces retreated from Bakhmut .";
        let got = spans(
            text,
            &[
                ("Forces", 2, "nsubj"),
                ("retreated", 0, "root"),
                ("from", 4, "case"),
                ("Bakhmut", 2, "obl"),
                (".", 2, "punct"),
            ],
            1,
            "retreat",
        );
        assert_eq!(got, vec!["from Bakhmut".to_string()]);
        // A withdrawal of something else: its "from" says whence it came, not where it was done.
        let text = "Kenya withdrew its ambassador from Paris .";
        let got = spans(
            text,
            &[
                ("Kenya", 2, "nsubj"),
                ("withdrew", 0, "root"),
                ("its", 4, "nmod:poss"),
                ("ambassador", 2, "obj"),
                ("from", 6, "case"),
                ("Paris", 2, "obl"),
                (".", 2, "punct"),
            ],
            1,
            "withdraw",
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
