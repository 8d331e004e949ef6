//! Coding one analyzed sentence.
//!
//! 1. **Noun phrases** come from the dependency tree: a nominal word and its phrase-internal
//!    dependents (determiners, modifiers, compounds, possessors, a simple prepositional
//!    attachment). Coordinated nominals form a compound whose conjuncts are coded one by one;
//!    relative clauses inside a noun phrase are part of it (their verbs are not coded).
//!    Each phrase gets the first actor found in it (code valid on the sentence date) joined
//!    with the agents found around it (`Iraqi police` → `IRQ` + `~COP`).
//! 2. **Comma clauses** of configurable length are set aside as PETRARCH does, but as whole
//!    dependency subtrees lying between two commas, so the main clause is never cut.
//! 3. **Verbs** are looked up by form or lemma (multi-word verbs checked around the verb);
//!    the verb's patterns are matched over the words before it (back to the clause start)
//!    and after it (to the end of its phrase in the tree), longest pattern first. Source and
//!    target come from the pattern's `$`/`+` slots, else the nearest coded phrase before the
//!    verb and the first after it; a passive (`by` agent) swaps them. Once a verb codes, the
//!    verbs inside its phrase are not coded again, which is how "A said B attacked C" and
//!    "A will help B" come out as the field's dictionaries define them.
//! 4. **Negation** (`not`, `n't`, `never`, a `Polarity=Neg` dependent) is recorded on every
//!    event ([`CodedEvent::negated`]) whatever code the dictionary chose for it.
//! 5. **Annalist's modality rules** (`Options::clauses`/`intent`, off in the field's suites):
//!    an act announced for the future, or the complement of a verb of intent, is an intent
//!    ([`intent_code`], 03) when cooperative and a threat ([`threat_code`], 13) when hostile,
//!    the complement of a verb of threat a threat; a negated (or "failed to") cooperative act
//!    is its refusal ([`refusal_code`], 12), still marked negated; a personal pronoun subject
//!    stands for the coded subject of the verb whose reported clause holds it, an uncoded
//!    subject for its coded apposition; a target with a role and no country takes the
//!    country of a police source, an opposition target that of any state source.

pub(crate) mod ontology;
mod petr2;
mod repair;
mod scratch;
mod tabari;

use crate::date::DateKey;
use crate::dict::discards::DiscardKind;
use crate::dict::verbs::{ColonCode, PatElem, Pattern, VerbForm};
use crate::dict::Dictionaries;
use model::{AnalyzedSentence, Span};

/// Coding options (the field's configuration settings).
#[derive(Debug, Clone)]
pub struct Options {
    /// Drop events whose source or target is unknown (`---`).
    pub require_dyad: bool,
    /// Emit unknown noun phrases of fewer than this many words as `"TEXT"` actors (0 = off).
    pub new_actor_length: usize,
    /// Internal comma clauses of `comma_min..=comma_max` words are set aside (0 max = off).
    pub comma_min: usize,
    pub comma_max: usize,
    /// Initial clause (before the first comma).
    pub comma_bmin: usize,
    pub comma_bmax: usize,
    /// Final clause (after the last comma).
    pub comma_emin: usize,
    pub comma_emax: usize,
    /// Annalist's coding beyond the field's coders (on by default; the field's validation
    /// suites turn it off): a cooperative act announced for the future is an intent (03,
    /// "will visit" → 036).
    pub intent: bool,
    /// Likewise: "A said B must …" is a demand (10); with `statement_clauses` a statement
    /// also gives way to an event coded in its own clause ("A said it will support B").
    pub clauses: bool,
    pub statement_clauses: bool,
    /// TABARI's `DEFAULT:` settings: the code given to a missing source (target), and
    /// whether it is used as soon as no actor stands before (after) the verb (`PRIOR`,
    /// `AFTER`) rather than after the other side's spare actors.
    pub default_source: Option<(String, bool)>,
    pub default_target: Option<(String, bool)>,
    /// TABARI's `CONVERT AGENT`: an agent without an actor is an actor of its own (`~REB`).
    pub convert_agent: bool,
    /// TABARI's `SET: CODE BY …` (TABARI-format dictionaries only): which of a sentence's
    /// events are coded.
    pub code_by: CodeBy,
    /// TABARI's `FORWARD:` (set per record by the validation runner): the actor a pronoun
    /// before the verb stands for when no actor precedes it, the first actor of the
    /// story's previous sentence.
    pub forward_source: Option<String>,
}

/// TABARI's `SET: CODE BY CLAUSE` (the default), `SET: CODE BY SENTENCE` (only the first
/// event of the sentence) and `SET: CODE ALL` (an event for every verb that codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CodeBy {
    #[default]
    Clause,
    Sentence,
    All,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            require_dyad: true,
            new_actor_length: 0,
            comma_min: 2,
            comma_max: 8,
            comma_bmin: 0,
            comma_bmax: 0,
            comma_emin: 2,
            comma_emax: 8,
            intent: true,
            clauses: true,
            statement_clauses: true,
            default_source: None,
            default_target: None,
            convert_agent: false,
            code_by: CodeBy::Clause,
            forward_source: None,
        }
    }
}

impl Options {
    /// Applies one `option = value` setting as the field's config files write them.
    /// Returns false for an unknown option or a bad value.
    pub fn set(&mut self, option: &str, value: &str) -> bool {
        let b = !value.trim().eq_ignore_ascii_case("false");
        let n = value.trim().parse::<usize>();
        match (option.trim(), n) {
            ("require_dyad", _) => self.require_dyad = b,
            ("new_actor_length", Ok(v)) => self.new_actor_length = v,
            ("comma_min", Ok(v)) => self.comma_min = v,
            ("comma_max", Ok(v)) => self.comma_max = v,
            ("comma_bmin", Ok(v)) => self.comma_bmin = v,
            ("comma_bmax", Ok(v)) => self.comma_bmax = v,
            ("comma_emin", Ok(v)) => self.comma_emin = v,
            ("comma_emax", Ok(v)) => self.comma_emax = v,
            ("intent", _) => self.intent = b,
            ("clauses", _) => self.clauses = b,
            ("statement_clauses", _) => self.statement_clauses = b,
            ("convert_agent", _) => self.convert_agent = b,
            ("code_by", _) => {
                self.code_by = match value.trim().to_ascii_lowercase().as_str() {
                    "clause" => CodeBy::Clause,
                    "sentence" => CodeBy::Sentence,
                    "all" => CodeBy::All,
                    _ => return false,
                }
            }
            // `CODE [PRIOR|AFTER]`, or `OFF`.
            ("default_source" | "default_target", _) => {
                let mut it = value.split_whitespace();
                let d = match it.next() {
                    Some(c) if !c.eq_ignore_ascii_case("off") => {
                        Some((c.to_string(), it.next().is_some()))
                    }
                    _ => None,
                };
                if option.trim() == "default_source" {
                    self.default_source = d;
                } else {
                    self.default_target = d;
                }
            }
            ("stop_on_error", _) => {}
            _ => return false,
        }
        true
    }
}

/// One coded actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodedActor {
    pub code: String,
    pub text: String,
    pub span: Span,
}

/// One coded event, before it is dressed as a [`model::Event`].
#[derive(Debug, Clone, PartialEq)]
pub struct CodedEvent {
    pub source: CodedActor,
    pub target: CodedActor,
    pub code: String,
    pub trigger: Span,
    /// The trigger is negated in the text.
    pub negated: bool,
    /// The verb was passive (the `by` agent is the source).
    pub passive: bool,
    /// A pattern (not only the verb's default code) matched; its origin `file:line`.
    pub pattern: Option<String>,
    /// Spans of cue words (negation, auxiliaries such as "will") for the provenance work.
    pub cues: Vec<Span>,
}

/// The intent counterpart (CAMEO 03) of a cooperative act (roots 04–08) announced for the
/// future: "will visit" is an intent to meet (036), "will give aid" an intent to provide aid
/// (033), "will withdraw" an intent to de-escalate (0356).
pub fn intent_code(code: &str) -> Option<&'static str> {
    let d: String = code.chars().take_while(char::is_ascii_digit).collect();
    let base = d.get(..3)?;
    Some(match base {
        "045" => "039",
        "046" => "036",
        _ if base.starts_with("04") => "036",
        "050" | "051" | "052" | "053" | "054" => "032",
        _ if base.starts_with("05") => "030",
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        _ if base.starts_with("06") => "031",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        "070" => "033",
        _ if base.starts_with("07") => "030",
        "081" => "0351",
        "082" => "0352",
        "083" => match d.get(..4) {
            Some("0831") => "0341",
            Some("0832") => "0342",
            Some("0833") => "0343",
            Some("0834") => "0344",
            _ => "034",
        },
        "084" => "0353",
        "085" => "0354",
        "086" => "0355",
        "087" => "0356",
        _ if base.starts_with("08") => "035",
        _ => return None,
    })
}

/// The threat counterpart (CAMEO 13) of a hostile act (roots 14, 16–20) announced for the
/// future: "said they would boycott" threatens a boycott (1312), "will extend the curfew" a
/// curfew (1323), "would blockade" a blockade (1381), "will attack" force (1384). Posture
/// (15) and verbal conflict (09–12) have no threat counterpart.
pub fn threat_code(code: &str) -> Option<&'static str> {
    let d: String = code.chars().take_while(char::is_ascii_digit).collect();
    let base = d.get(..3)?;
    Some(match base {
        "143" => "1312",
        _ if base.starts_with("14") => "133",
        "160" => "131",
        "161" => "1313",
        "162" => "1311",
        "163" => "1312",
        "164" => "134",
        "165" => "135",
        "166" => "136",
        "172" => match d.get(..4) {
            Some("1721") => "1321",
            Some("1722") => "1322",
            Some("1723") => "1323",
            Some("1724") => "1324",
            _ => "132",
        },
        "175" => "137",
        _ if base.starts_with("17") => "130",
        _ if base.starts_with("18") => "1383",
        "191" => "1381",
        "192" => "1382",
        _ if base.starts_with("19") => "1384",
        "204" => "1385",
        _ if base.starts_with("20") => "1383",
        _ => return None,
    })
}

/// The rejection (CAMEO 12) a negated cooperative act stands for: "will not accept
/// refugees", "failed to reach agreement" (127), "would not release" (1243) — the act
/// refused, as PETRARCH2's ontology reads a negation. Statements, consultations and most
/// diplomatic cooperation (01, 04, 050–056) have none: not meeting is no event.
pub fn refusal_code(code: &str) -> Option<&'static str> {
    let d: String = code.chars().take_while(char::is_ascii_digit).collect();
    let base = d.get(..3)?;
    Some(match base {
        "057" => "127",
        "061" => "1211",
        "062" => "1212",
        _ if base.starts_with("06") => "121",
        "071" => "1221",
        "072" => "1222",
        "073" => "1223",
        "074" => "1224",
        "070" => "122",
        _ if base.starts_with("07") => "120",
        "081" => "1241",
        "082" => "1242",
        "083" => match d.get(..4) {
            Some("0831") => "1231",
            Some("0832") => "1232",
            Some("0833") => "1233",
            Some("0834") => "1234",
            _ => "123",
        },
        "084" => "1243",
        "085" => "1244",
        "086" => "1245",
        "087" => "1246",
        _ if base.starts_with("08") => "124",
        _ => return None,
    })
}

/// Why a sentence was not coded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skipped {
    Discard { story: bool, phrase: String },
}

/// Words that patterns never see after the verb (the field's skip list).
fn is_skip_word(w: &str) -> bool {
    matches!(
        w,
        "THE"
            | "A"
            | "AN"
            | "IT"
            | "HE"
            | "THEY"
            | "HER"
            | "HAS"
            | "HAD"
            | "HAVE"
            | "SOME"
            | "FEW"
            | "THAT"
            | "HUNDRED"
            | "THOUSAND"
            | "MILLION"
            | "BILLION"
            | "TRILLION"
            | "DOZEN"
            | "ONE"
            | "TWO"
            | "THREE"
            | "FOUR"
            | "FIVE"
            | "SIX"
            | "SEVEN"
            | "EIGHT"
            | "NINE"
            | "DOLLAR"
            | "DUCAT"
    ) || (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
}

fn is_nominal(t: &model::Token) -> bool {
    // A bare temporal or measure phrase ("said today", "late Sunday", "next week") is a
    // modifier of time, never an actor.
    if is_time_modifier(&t.deprel) {
        return false;
    }
    matches!(t.upos.as_str(), "NOUN" | "PROPN" | "PRON" | "NUM")
        || (t.upos.is_empty() && t.xpos.starts_with("NN"))
        // A mis-tagged name in an argument position ("Fornost/ADJ and Gondor welcomed").
        || (matches!(t.upos.as_str(), "ADJ" | "X" | "SYM")
            && matches!(base_rel(&t.deprel), "nsubj" | "obj" | "iobj" | "obl" | "nmod" | "appos")
            && t.form.chars().next().is_some_and(char::is_uppercase))
        // A word the tagger read as a verb with a fine tag that is no verb's, in an argument
        // position ("President obama/VERB/AFX expressed …", a lower-case name).
        || (t.upos == "VERB"
            && !t.xpos.is_empty()
            && !t.xpos.starts_with("VB")
            && matches!(base_rel(&t.deprel), "nsubj" | "obj" | "iobj" | "obl" | "nmod" | "appos"))
}

/// Relations of bare temporal/measure noun phrases: UD v2 `obl:tmod`/`nmod:tmod`, the
/// newer `obl:unmarked`/`nmod:unmarked`, UD v1 `nmod:tmod`.
fn is_time_modifier(r: &str) -> bool {
    r.ends_with(":tmod") || r.ends_with(":unmarked")
}

/// A prepositional attachment to a noun (`nmod`), not a possessor or a title.
fn is_attachment(r: &str) -> bool {
    base_rel(r) == "nmod" && !matches!(r, "nmod:poss" | "nmod:desc")
}

/// Verbs whose compound subject acts together for third parties: co-hosts, co-mediators,
/// co-sponsors do not meet or cooperate with each other by the act.
const THIRD_PARTY_VERBS: &[&str] =
    &["host", "mediate", "broker", "sponsor", "co-sponsor", "facilitate", "organise", "organize"];

/// Whether `t` is one of [`THIRD_PARTY_VERBS`], by its lemma or (for parses without lemmas)
/// its form less a regular ending.
fn third_party_verb(t: &model::Token) -> bool {
    let form = t.form.to_lowercase();
    let bases = [
        Some(t.lemma.to_lowercase()),
        Some(form.clone()),
        form.strip_suffix("ing").map(str::to_string),
        form.strip_suffix("ed").map(str::to_string),
        form.strip_suffix('d').map(str::to_string),
        form.strip_suffix('s').map(str::to_string),
    ];
    bases.iter().flatten().any(|b| THIRD_PARTY_VERBS.contains(&b.as_str()))
}

/// CAMEO's role, sector and religion codes (a closed class of the codebook): a code block
/// after `---` that is none of these names an ethnic group (`ALB`, `TAM`, `KUR`).
const ROLE_BLOCKS: [&str; 54] = [
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "INS", "SEP", "UAF", "SPY", "ELI",
    "CRM", "RAD", "SET", "MED", "EDU", "BUS", "LAB", "AGR", "CVL", "REF", "HLH", "HRI", "ENV",
    "DEV", "MNC", "NGO", "IGO", "IMG", "UNO", "PKO", "AMN", "IRC", "MOD", "PPL", "MUS", "SHI",
    "SUN", "CHR", "CTH", "JEW", "HIN", "BUD", "SIK", "CPT", "DRZ", "ALE", "ORT", "PRO", "BAH",
    "JAN", "ATH",
];

/// Whether a code block after `---` is an ethnic group's rather than a role's.
fn ethnic_block(b: &str) -> bool {
    b.len() == 3 && b.bytes().all(|c| c.is_ascii_uppercase()) && !ROLE_BLOCKS.contains(&b)
}

/// Whether a token is a quotation mark.
fn is_quote(form: &str) -> bool {
    matches!(form, "\"" | "``" | "''" | "\u{201c}" | "\u{201d}" | "'" | "\u{2019}" | "\u{2018}")
}

/// A preposition that names where something happened ("in Beirut", "off Luzon", "along the
/// border"): a place after it is the scene, not a party.
fn locative_preposition(w: &str) -> bool {
    matches!(
        w,
        "IN" | "AT"
            | "OVER"
            | "NEAR"
            | "OFF"
            | "ALONG"
            | "AROUND"
            | "ACROSS"
            | "INSIDE"
            | "OUTSIDE"
            | "THROUGH"
            | "THROUGHOUT"
    )
}

/// Roles of people one state posts in another's capital. (Not its missions: "opened an
/// embassy in Tehran" is an embassy to Iran.)
const POSTED_ROLES: &[&str] =
    &["DIPLOMAT", "DIPLOMATS", "AMBASSADOR", "AMBASSADORS", "ENVOY", "ENVOYS", "CONSUL", "CONSULS"];

fn base_rel(r: &str) -> &str {
    match r.bytes().position(|b| b == b':') {
        Some(i) => &r[..i],
        None => r,
    }
}

/// Relations that keep a dependent inside its head's noun phrase.
fn np_internal(rel: &str, dep: &model::Token) -> bool {
    match rel {
        "det" | "amod" | "compound" | "flat" | "nummod" | "det:poss" | "nmod:poss" | "fixed"
        | "goeswith" => true,
        "case" => dep.xpos == "POS" || dep.form == "'s" || dep.form == "'",
        // `nmod:desc`: a title before a name ("President | Obama") in recent UD models.
        "nmod" | "nmod:npmod" | "nmod:desc" | "acl:relcl" | "advmod" | "punct" | "dep" | "cc" => {
            true
        }
        _ => rel.starts_with("compound") || rel.starts_with("flat"),
    }
}

/// A noun phrase: its words (indices, in order) and, for a compound, its members.
#[derive(Debug, Clone)]
/// Events coded for a statement (`events`, indices into the sentence's events) that give way
/// to an event coded inside its clause, words `lo..=hi`: any event, or with `root` only one of
/// that root from the same source or its side.
struct Provisional {
    events: std::ops::Range<usize>,
    lo: usize,
    hi: usize,
    root: Option<String>,
}

struct Phrase {
    /// Codes of the phrase (one per conjunct for a compound; `---` unknown).
    codes: Vec<String>,
    /// Text of each code's phrase.
    /// Words and span of each code's phrase.
    texts: Vec<(Vec<usize>, Span)>,
    compound: bool,
    /// Per code: an actor without a country ("ethnic Albanians", ---ALB).
    countryless: Vec<bool>,
    /// True when every code is `---`.
    null: bool,
    /// (Product rules.) Per code: the actor a phrase of opponents is against ("opponents of
    /// the Senate": the Senate's code), see [`Analysis::opponents_of`].
    opposed: Vec<Option<String>>,
}

struct Analysis<'a> {
    s: &'a AnalyzedSentence,
    words: Vec<String>,
    /// Phrase id for each word (None outside noun phrases).
    phrase_of: Vec<Option<usize>>,
    phrases: Vec<Phrase>,
    /// Words set aside by comma-clause deletion or inside relative clauses.
    deleted: Vec<bool>,
    inert: Vec<bool>,
    children: Vec<Vec<usize>>,
    /// Subtree bounds per word.
    bounds: Vec<(usize, usize)>,
    /// Words heading or inside noun phrases: nominal tags, plus a capitalised word inside
    /// the sentence that the actor dictionary knows and the verb dictionary does not (a
    /// parser that tags "to Gondor" as a verb is overruled by the dictionaries).
    nominal: Vec<bool>,
    /// Words on the field's skip list (invisible to patterns after the verb).
    skip: Vec<bool>,
    /// The sentence's words, for the pattern pre-filter.
    present: rustc_hash::FxHashSet<u64>,
    /// Per word, 1 + the first word of the actor name of three or more words it is in
    /// ("National Council of Resistance of Iran"), 0 outside one; empty when there is none.
    name_of: Vec<usize>,
    /// (Product rules.) A phrase of no words coding as no actor: the doer of an act told in
    /// the passive without one ("the ambassador was summoned"). Set by `build_phrases`.
    nobody: usize,
}

/// Codes one sentence. `date` picks date-restricted actor codes.
pub fn code_sentence(
    s: &AnalyzedSentence,
    date: Option<DateKey>,
    dicts: &Dictionaries,
    opts: &Options,
) -> Result<Vec<CodedEvent>, Skipped> {
    if needs_ud2(s) {
        // The renamed copy goes into a per-thread buffer whose strings are reused from
        // sentence to sentence (no allocation per token once warm).
        thread_local! {
            static UD2: std::cell::RefCell<AnalyzedSentence> = Default::default();
        }
        return UD2.with(|cell| match cell.try_borrow_mut() {
            Ok(mut v2) => {
                to_ud2_into(s, &mut v2);
                if repair::needed(&v2, dicts) {
                    repair::apply(&mut v2, dicts);
                }
                if opts.clauses && repair::needed_product(&v2, dicts) {
                    repair::apply_product(&mut v2, dicts);
                }
                repair_subject_list(&mut v2);
                code_sentence_v2(&v2, date, dicts, opts)
            }
            Err(_) => {
                let mut v2 = AnalyzedSentence::default();
                to_ud2_into(s, &mut v2);
                if repair::needed(&v2, dicts) {
                    repair::apply(&mut v2, dicts);
                }
                if opts.clauses && repair::needed_product(&v2, dicts) {
                    repair::apply_product(&mut v2, dicts);
                }
                repair_subject_list(&mut v2);
                code_sentence_v2(&v2, date, dicts, opts)
            }
        });
    }
    let repairs = repair::needed(s, dicts);
    let product = opts.clauses && repair::needed_product(s, dicts);
    if repairs || product || needs_subject_list_repair(s) {
        let mut r = s.clone();
        if repairs {
            repair::apply(&mut r, dicts);
        }
        if opts.clauses && repair::needed_product(&r, dicts) {
            repair::apply_product(&mut r, dicts);
        }
        repair_subject_list(&mut r);
        return code_sentence_v2(&r, date, dicts, opts);
    }
    code_sentence_v2(s, date, dicts, opts)
}

/// The verb a parser made a conjunct of the first noun of a subject list ("Evil Mordor, the
/// awful Fornost, and good Gondor welcomed …" read as "Mordor …, and [Gondor welcomed …]"):
/// a `conj` verb with a subject of its own before it, under a nominal that no verb governs.
fn misattached_verb(s: &AnalyzedSentence, v: usize) -> Option<(usize, usize)> {
    let n = s.tokens.len();
    let t = &s.tokens[v];
    if t.deprel != "conj" || t.upos != "VERB" {
        return None;
    }
    let h = (t.head as usize).checked_sub(1).filter(|&h| h < v)?;
    let ht = &s.tokens[h];
    if !matches!(ht.upos.as_str(), "NOUN" | "PROPN") || ht.deprel != "root" || ht.head != 0 {
        return None;
    }
    let subj = (h + 1..v).find(|&c| {
        s.tokens[c].head as usize == v + 1 && base_rel(&s.tokens[c].deprel) == "nsubj"
    })?;
    // The words between the noun and the verb's subject are conjuncts and punctuation only.
    let listy = (h + 1..subj).all(|k| {
        let tk = &s.tokens[k];
        tk.upos == "PUNCT"
            || matches!(
                base_rel(&tk.deprel),
                "conj" | "cc" | "det" | "amod" | "compound" | "flat" | "appos"
            )
    });
    (listy && n > v).then_some((h, subj))
}

/// The last member of a subject list that a parser made a second subject of the verb ("The
/// US, Russia, and Switzerland met" with both "US" and "Switzerland" as `nsubj`): two
/// nominal subjects of one verb before it, with only commas and a coordinator between the
/// first one's words and the second. Returns (first subject, second subject).
fn split_subject_list(s: &AnalyzedSentence, v: usize) -> Option<(usize, usize)> {
    let vid = v as u32 + 1;
    let mut subj = (0..v).filter(|&c| {
        s.tokens[c].head == vid
            && base_rel(&s.tokens[c].deprel) == "nsubj"
            && matches!(s.tokens[c].upos.as_str(), "NOUN" | "PROPN")
    });
    let (a, b) = (subj.next()?, subj.next()?);
    // The last word under the first subject.
    let under = |k: usize, h: usize| {
        let mut cur = k;
        for _ in 0..s.tokens.len() {
            if cur == h {
                return true;
            }
            match (s.tokens[cur].head as usize).checked_sub(1) {
                Some(p) if p < s.tokens.len() => cur = p,
                _ => return false,
            }
        }
        false
    };
    let end = (a..b).rev().find(|&k| under(k, a))?;
    let between = end + 1..b;
    let listy = !between.is_empty()
        && between.clone().all(|k| {
            let t = &s.tokens[k];
            t.upos == "PUNCT" || (t.upos == "CCONJ" && base_rel(&t.deprel) == "cc")
        })
        && between.clone().any(|k| s.tokens[k].upos == "CCONJ");
    listy.then_some((a, b))
}

fn needs_subject_list_repair(s: &AnalyzedSentence) -> bool {
    (0..s.tokens.len())
        .any(|v| misattached_verb(s, v).is_some() || split_subject_list(s, v).is_some())
}

/// Re-roots such a verb: it takes the noun's place in the tree, the noun becomes its
/// subject and the verb's own subject another conjunct of the noun.
fn repair_subject_list(s: &mut AnalyzedSentence) {
    let n = s.tokens.len();
    // A second subject closing a list becomes the first one's conjunct, with the
    // coordinator and commas before it.
    for v in 0..n {
        if let Some((a, b)) = split_subject_list(s, v) {
            s.tokens[b].head = a as u32 + 1;
            s.tokens[b].deprel = "conj".into();
            for k in a + 1..b {
                if s.tokens[k].head == v as u32 + 1 {
                    s.tokens[k].head = b as u32 + 1;
                }
            }
        }
    }
    for v in 0..n {
        let Some((h, subj)) = misattached_verb(s, v) else { continue };
        let (hid, vid, sid) = (h as u32 + 1, v as u32 + 1, subj as u32 + 1);
        s.tokens[v].head = s.tokens[h].head;
        s.tokens[v].deprel = std::mem::take(&mut s.tokens[h].deprel);
        s.tokens[h].head = vid;
        s.tokens[h].deprel = "nsubj".into();
        s.tokens[subj].head = hid;
        s.tokens[subj].deprel = "conj".into();
        for k in 0..n {
            if k == v || k == h || k == subj {
                continue;
            }
            let t = &mut s.tokens[k];
            if t.head == hid && k > v {
                // The noun's dependents after the verb (final punctuation) go with the verb.
                t.head = vid;
            } else if t.head == vid && k > h && k < subj {
                // The coordinator and commas before the last conjunct go with it.
                t.head = sid;
            }
        }
        return;
    }
}

/// A form that is no English inflection of the lemma a lemmatizer gave it: `-es` after a
/// stem that takes only `-s` ("departes" for "depart").
fn misspelt_inflection(form: &str, lemma: &str) -> bool {
    let (f, l) = (form.to_ascii_lowercase(), lemma.to_ascii_lowercase());
    f.len() == l.len() + 2
        && f.starts_with(&l)
        && f.ends_with("es")
        && !["s", "x", "z", "ch", "sh", "o"].iter().any(|e| l.ends_with(e))
}

/// Relation names of UD version 1 (older UDPipe models) that version 2 renamed.
fn is_ud1_label(r: &str) -> bool {
    matches!(
        r,
        "dobj" | "nsubjpass" | "csubjpass" | "auxpass" | "name" | "neg" | "mwe" | "nmod:agent"
    ) || (r == "nmod")
}

/// Whether [`to_ud2_into`] would change anything in `s` (a UD v1 relation, an `nmod` under a
/// verb, a `by` oblique of a passive not yet its agent); when not, the copy is skipped.
fn needs_ud2(s: &AnalyzedSentence) -> bool {
    let n = s.tokens.len();
    let head =
        |t: &model::Token| Some(t.head as usize).filter(|&h| h >= 1 && h <= n).map(|h| h - 1);
    let verb = |h: usize| matches!(s.tokens[h].upos.as_str(), "VERB" | "AUX");
    s.tokens
        .iter()
        .any(|t| is_ud1_label(&t.deprel) && (t.deprel != "nmod" || head(t).is_some_and(verb)))
        || (s.tokens.iter().any(|t| t.deprel == "aux:pass")
            && s.tokens.iter().any(|t| t.deprel == "case" && t.form.eq_ignore_ascii_case("by"))
            && s.tokens.iter().enumerate().any(|(i, t)| {
                t.deprel == "obl"
                    && head(t).is_some_and(|h| {
                        s.tokens.iter().any(|c| head(c) == Some(h) && c.deprel == "aux:pass")
                    })
                    && s.tokens.iter().any(|c| {
                        head(c) == Some(i)
                            && c.deprel == "case"
                            && c.form.eq_ignore_ascii_case("by")
                    })
            }))
}

/// Copies `s` into `out` (reusing `out`'s strings) with UD v1 relations renamed to their v2
/// names; `nmod` under a verb is `obl`.
fn to_ud2_into(s: &AnalyzedSentence, out: &mut AnalyzedSentence) {
    out.index = s.index;
    out.span = s.span;
    out.tokens.truncate(s.tokens.len());
    for (i, src) in s.tokens.iter().enumerate() {
        if i == out.tokens.len() {
            out.tokens.push(src.clone());
            continue;
        }
        // Destructured so that a field added to `Token` is not silently left out.
        let model::Token { span, form, lemma, upos, xpos, feats, head, deprel, mwt } = src;
        let t = &mut out.tokens[i];
        t.span = *span;
        t.form.clone_from(form);
        t.lemma.clone_from(lemma);
        t.upos.clone_from(upos);
        t.xpos.clone_from(xpos);
        t.feats.clone_from(feats);
        t.head = *head;
        t.deprel.clone_from(deprel);
        t.mwt = *mwt;
    }
    let n = s.tokens.len();
    for i in 0..n {
        let head_is_verb = {
            let h = s.tokens[i].head as usize;
            h >= 1 && h <= n && matches!(s.tokens[h - 1].upos.as_str(), "VERB" | "AUX")
        };
        let t = &mut out.tokens[i];
        let new = match t.deprel.as_str() {
            "dobj" => "obj",
            "nsubjpass" => "nsubj:pass",
            "csubjpass" => "csubj:pass",
            "auxpass" => "aux:pass",
            "name" => "flat",
            "mwe" => "fixed",
            "nmod:agent" => "obl:agent",
            "neg" => {
                if !t.feats.contains("Polarity=Neg") {
                    if t.feats.is_empty() {
                        t.feats.push_str("Polarity=Neg");
                    } else {
                        t.feats.push_str("|Polarity=Neg");
                    }
                }
                "advmod"
            }
            "nmod" if head_is_verb => "obl",
            _ => continue,
        };
        t.deprel.clear();
        t.deprel.push_str(new);
    }
    // A `by` oblique of a passive participle is its agent: words with an `aux:pass`
    // dependent, and words with a `case` dependent "by", found in one pass.
    let mut passive = vec![false; n];
    let mut by_case = vec![false; n];
    for t in &out.tokens {
        let h = t.head as usize;
        if h >= 1 && h <= n {
            if t.deprel == "aux:pass" {
                passive[h - 1] = true;
            }
            if t.deprel == "case" && t.form.eq_ignore_ascii_case("by") {
                by_case[h - 1] = true;
            }
        }
    }
    for (t, &by) in out.tokens.iter_mut().zip(&by_case) {
        let h = t.head as usize;
        if by && h >= 1 && h <= n && passive[h - 1] && t.deprel == "obl" {
            t.deprel.clear();
            t.deprel.push_str("obl:agent");
        }
    }
}

fn code_sentence_v2(
    s: &AnalyzedSentence,
    date: Option<DateKey>,
    dicts: &Dictionaries,
    opts: &Options,
) -> Result<Vec<CodedEvent>, Skipped> {
    let n = s.tokens.len();
    if n == 0 {
        return Ok(Vec::new());
    }
    let mut buf = scratch::take();
    scratch::fill_words(&mut buf.words, &s.tokens);
    let words = std::mem::take(&mut buf.words);
    if !dicts.discards.is_empty() {
        // Discard phrases match whitespace-separated words of the text as written (the
        // field's coders compare "AGO." with "AGO" and find no match): tokens whose spans
        // touch are glued back together.
        let mut plain: Vec<std::borrow::Cow<str>> = Vec::with_capacity(n);
        for (i, w) in words.iter().enumerate() {
            let touches = i > 0 && {
                let (a, b) = (s.tokens[i - 1].span, s.tokens[i].span);
                !a.is_empty() && a.end == b.start
            };
            match plain.last_mut() {
                Some(last) if touches => last.to_mut().push_str(w),
                _ => plain.push(std::borrow::Cow::Borrowed(w)),
            }
        }
        if let Some((kind, phrase)) = dicts.discards.check_words(&plain) {
            return Err(Skipped::Discard { story: kind == DiscardKind::Story, phrase });
        }
    }
    let mut children = std::mem::take(&mut buf.children);
    scratch::reset_children(&mut children, n);
    for (i, t) in s.tokens.iter().enumerate() {
        if t.head as usize >= 1 && (t.head as usize) <= n && t.head as usize != i + 1 {
            children[t.head as usize - 1].push(i);
        }
    }
    let mut a = Analysis {
        s,
        words,
        phrase_of: scratch::reset(buf.phrase_of, n, None),
        phrases: buf.phrases,
        deleted: scratch::reset(buf.deleted, n, false),
        inert: scratch::reset(buf.inert, n, false),
        children,
        bounds: buf.bounds,
        skip: buf.skip,
        nominal: buf.nominal,
        present: rustc_hash::FxHashSet::default(),
        name_of: Vec::new(),
        nobody: 0,
    };
    a.compute_bounds();
    a.skip.clear();
    a.skip.extend(a.words.iter().map(|w| is_skip_word(w)));
    // The last word of a capitalised multi-word actor name ("European Community") heads a
    // noun phrase even where the parser took it for a bare time modifier.
    let mut name_end = scratch::flags(n, false);
    {
        let ws: Vec<&str> = a.words.iter().map(String::as_str).collect();
        for k in 0..n {
            // (The name's first word must be capitalised too: no lookup otherwise.)
            if !s.tokens[k].form.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if let Some((_, len)) = dicts.actors.index.match_at(&ws, k) {
                // (Product rule.) A name with prepositions inside ("National Council of
                // Resistance of Iran") is one phrase however deep the parser nested its
                // attachments.
                let last_capital = s
                    .tokens
                    .get(k + len - 1)
                    .is_some_and(|t| t.form.chars().next().is_some_and(char::is_uppercase));
                if opts.clauses && len >= 3 && k + len <= n && last_capital {
                    if a.name_of.is_empty() {
                        a.name_of.resize(n, 0);
                    }
                    for m in &mut a.name_of[k..k + len] {
                        if *m == 0 {
                            *m = k + 1;
                        }
                    }
                }
                if len >= 2
                    && k + len <= n
                    && s.tokens[k..k + len]
                        .iter()
                        .all(|t| t.form.chars().next().is_some_and(char::is_uppercase))
                    && matches!(s.tokens[k + len - 1].upos.as_str(), "NOUN" | "PROPN")
                {
                    name_end[k + len - 1] = true;
                }
            }
        }
    }
    let mut nominal = std::mem::take(&mut a.nominal);
    nominal.clear();
    // A country name written right before a currency sign names the currency ("up to US $50
    // million", "HK$"): no actor.
    // (The name hangs on the sign, or is a capitals abbreviation without a determiner: "US
    // $5 billion" read as "US" the object; "gave Indonesia $5 billion" keeps its recipient.)
    let currency = |i: usize| {
        let t = &s.tokens[i];
        let abbreviation = t.form.len() <= 3
            && t.form.bytes().all(|b| b.is_ascii_uppercase())
            && (i == 0 || s.tokens[i - 1].upos != "DET");
        s.tokens.get(i + 1).is_some_and(|x| matches!(x.form.as_str(), "$" | "€" | "£" | "¥"))
            && (t.head as usize == i + 2 || abbreviation)
    };
    nominal.extend((0..n).map(|i| {
        let t = &s.tokens[i];
        if currency(i) {
            return false;
        }
        is_nominal(t)
            || name_end[i]
            || ((i > 0 || !matches!(t.upos.as_str(), "VERB" | "AUX" | "DET" | "PRON"))
                && t.upos != "PUNCT"
                && t.form.chars().next().is_some_and(char::is_uppercase)
                && !dicts.verbs.forms.contains_key(&a.words[i])
                && dicts.actors.index.match_at(&[a.words[i].as_str()], 0).is_some())
    }));
    a.nominal = nominal;
    scratch::give_flags(name_end);
    a.mark_inert();
    a.build_phrases(date, dicts, opts);
    if let Some(c2) = dicts.verbs.cameo2.as_deref() {
        // A CAMEO.2.0 dictionary is read with PETRARCH2's semantics (`code/petr2.rs`).
        return Ok(petr2::Petr2::new(&a, dicts, c2, date, opts).code());
    }
    a.present = a.words.iter().map(|w| crate::dict::verbs::word_key(w)).collect();
    // A hyphenated word the tokenizer split ("cease - fire") is present as written too, so
    // the patterns that write it (CEASE-FIRE) are tried.
    for k in 1..n.saturating_sub(1) {
        if a.hyphen_joins(k) {
            let glued = format!("{}-{}", a.words[k - 1], a.words[k + 1]);
            a.present.insert(crate::dict::verbs::word_key(&glued));
        }
    }
    a.delete_comma_clauses(opts);
    let events = a.code_verbs(dicts, opts);
    if !dicts.verbs.stems.is_empty() {
        // TABARI's dictionaries: its linear reading where the tree found nothing, or only
        // verbs' default codes where the linear reading matches a pattern.
        match opts.code_by {
            CodeBy::All => {
                let linear = a.code_linear(dicts, opts);
                return tabari::special_codes(tabari::code_all(events, linear));
            }
            CodeBy::Sentence => {
                let linear = a.code_linear(dicts, opts);
                let pick = if events.is_empty() { linear } else { events };
                return tabari::special_codes(pick).map(tabari::by_sentence);
            }
            CodeBy::Clause => {}
        }
        if events.iter().all(|e| e.pattern.is_none()) {
            let linear = a.code_linear(dicts, opts);
            if events.is_empty() || linear.iter().any(|e| e.pattern.is_some()) {
                return tabari::special_codes(linear);
            }
        }
        return tabari::special_codes(events);
    }
    Ok(events)
}

impl Analysis<'_> {
    fn head(&self, i: usize) -> Option<usize> {
        let h = self.s.tokens[i].head as usize;
        if h == 0 || h > self.s.tokens.len() || h == i + 1 {
            None
        } else {
            Some(h - 1)
        }
    }

    fn subtree_bounds(&self, i: usize) -> (usize, usize) {
        self.bounds[i]
    }

    /// Subtree bounds of every word, computed once: a word's bounds fold into its head's
    /// once all of its own children have (linear); a tree with a cycle walks up from each
    /// word instead (bounded).
    fn compute_bounds(&mut self) {
        let n = self.s.tokens.len();
        let mut b = std::mem::take(&mut self.bounds);
        b.clear();
        b.extend((0..n).map(|i| (i, i)));
        let folded = scratch::with_u32s(|pending, stack| {
            pending.clear();
            pending.extend(self.children[..n].iter().map(|c| c.len() as u32));
            stack.clear();
            stack.extend((0..n as u32).filter(|&i| pending[i as usize] == 0));
            let mut done = 0;
            while let Some(c) = stack.pop() {
                done += 1;
                let c = c as usize;
                if let Some(h) = self.head(c) {
                    b[h].0 = b[h].0.min(b[c].0);
                    b[h].1 = b[h].1.max(b[c].1);
                    pending[h] -= 1;
                    if pending[h] == 0 {
                        stack.push(h as u32);
                    }
                }
            }
            done == n
        });
        if folded {
            self.bounds = b;
            return;
        }
        for (i, x) in b.iter_mut().enumerate() {
            *x = (i, i);
        }
        for i in 0..n {
            let mut cur = i;
            for _ in 0..n {
                let Some(h) = self.head(cur) else { break };
                b[h].0 = b[h].0.min(i);
                b[h].1 = b[h].1.max(i);
                cur = h;
            }
        }
        self.bounds = b;
    }

    #[allow(dead_code)]
    fn subtree_bounds_slow(&self, i: usize) -> (usize, usize) {
        let (mut lo, mut hi) = (i, i);
        let mut stack = vec![i];
        let mut steps = 0;
        while let Some(x) = stack.pop() {
            steps += 1;
            if steps > self.s.tokens.len() * 2 {
                break; // defensive: malformed trees
            }
            lo = lo.min(x);
            hi = hi.max(x);
            stack.extend(self.children[x].iter().copied());
        }
        (lo, hi)
    }

    /// Words inside relative clauses and other clausal modifiers of nouns are part of the
    /// noun phrase: not coded as verbs.
    fn mark_inert(&mut self) {
        for i in 0..self.s.tokens.len() {
            let r = self.s.tokens[i].deprel.as_str();
            // A relative clause is never a main clause, also when the parser hung it on a
            // verb ("support from Moscow and Beijing -- which have resisted …"), or took it
            // for a parenthetical clause (`parataxis` with a relative pronoun as its subject).
            let rel_subject = || {
                self.children[i].iter().any(|&c| {
                    base_rel(&self.s.tokens[c].deprel) == "nsubj"
                        && matches!(self.s.tokens[c].xpos.as_str(), "WDT" | "WP")
                })
            };
            let relative = (r == "acl:relcl"
                && self.head(i).is_some_and(|h| self.nominal[h] || rel_subject()))
                || (base_rel(r) == "parataxis" && rel_subject());
            if relative {
                let (lo, hi) = self.subtree_bounds(i);
                for k in lo..=hi {
                    self.inert[k] = true;
                }
            }
        }
    }

    /// The top of the noun phrase word `i` belongs to, if any.
    fn np_top(&self, i: usize) -> Option<usize> {
        let t = &self.s.tokens[i];
        if t.upos == "PUNCT" || t.xpos == "POS" {
            return None;
        }
        let mut cur = i;
        let mut guard = 0;
        loop {
            guard += 1;
            if guard > 64 {
                return None;
            }
            let ct = &self.s.tokens[cur];
            let Some(h) = self.head(cur) else {
                return if self.nominal[cur] { Some(cur) } else { None };
            };
            let ht = &self.s.tokens[h];
            // A preposition inside a prepositional attachment stays with it ("Prince of Dol
            // Amroth").
            let internal = np_internal(&ct.deprel, ct)
                || (ct.deprel == "case"
                    && base_rel(&ht.deprel) == "nmod"
                    && ht.deprel != "nmod:poss")
                // A name set right after a role word, without a comma, is its holder
                // ("opposition leader Maulana Fazl-ur-Rehman").
                || (ct.deprel == "appos"
                    && ht.upos == "NOUN"
                    && ct.upos == "PROPN"
                    && self.subtree_bounds(cur).0 == h + 1);
            if self.nominal[h] && internal && !self.inert_boundary(cur) {
                // A nested prepositional attachment is kept only one level deep (inside a
                // known name, its words are one level).
                if is_attachment(&ct.deprel)
                    && self.children[cur].iter().any(|&c| {
                        is_attachment(&self.s.tokens[c].deprel) && !self.same_name(c, cur)
                    })
                {
                    return if self.nominal[cur] { Some(cur) } else { None };
                }
                cur = h;
                continue;
            }
            if self.nominal[cur] {
                return Some(cur);
            }
            // Relative-clause words belong to the noun they modify.
            if self.inert[cur] {
                cur = h;
                continue;
            }
            return None;
        }
    }

    /// Bounds of `i`'s subtree, leaving out dependents (with their subtrees) that lie
    /// wholly before `from`.
    fn span_within(&self, i: usize, from: usize) -> (usize, usize) {
        let (mut lo, mut hi) = (i, i);
        for &c in &self.children[i] {
            let (a, b) = self.subtree_bounds(c);
            if b < from || self.s.tokens[c].upos == "PUNCT" {
                continue;
            }
            lo = lo.min(a);
            hi = hi.max(b);
        }
        (lo, hi)
    }

    /// The nearest verb above word `k`.
    fn governing_verb(&self, k: usize) -> Option<usize> {
        let mut cur = self.head(k)?;
        for _ in 0..self.s.tokens.len() {
            if self.is_verb(cur) {
                return Some(cur);
            }
            cur = self.head(cur)?;
        }
        None
    }

    /// Whether word `k` is `h` or below it.
    fn descends(&self, k: usize, h: usize) -> bool {
        let mut cur = k;
        for _ in 0..=self.s.tokens.len() {
            if cur == h {
                return true;
            }
            match self.head(cur) {
                Some(p) => cur = p,
                None => return false,
            }
        }
        false
    }

    /// An apposition that is really a member of a list ending in a conjunct ("Mordor, the
    /// awful Fornost, and good Gondor", parsed with Fornost as Mordor's apposition).
    fn listed_appos(&self, i: usize) -> bool {
        if self.s.tokens[i].deprel != "appos" {
            return false;
        }
        let Some(h) = self.head(i) else { return false };
        self.children[h].iter().any(|&c| {
            c > i
                && self.s.tokens[c].deprel == "conj"
                && (self.children[c]
                    .iter()
                    .chain(&self.children[h])
                    .any(|&k| k > i && k < c && base_rel(&self.s.tokens[k].deprel) == "cc"))
        })
    }

    /// Whether words `a` and `b` are in the same known actor name of three or more words.
    fn same_name(&self, a: usize, b: usize) -> bool {
        match (self.name_of.get(a), self.name_of.get(b)) {
            (Some(&x), Some(&y)) => x != 0 && x == y,
            _ => false,
        }
    }

    fn inert_boundary(&self, _i: usize) -> bool {
        false
    }

    fn build_phrases(&mut self, date: Option<DateKey>, dicts: &Dictionaries, opts: &Options) {
        let n = self.s.tokens.len();
        let mut tops = scratch::slots(0, None);
        tops.extend((0..n).map(|i| self.np_top(i)));
        // Group conjuncts: a nominal top attached by `conj` to another nominal top, or to a
        // word inside another phrase ("ambassadors of Arnor, Osgiliath and Gondor"): then
        // the conjunct stands in for that word, sharing the rest of the phrase.
        let mut group_of = scratch::indices(0, 0);
        group_of.extend(0..n);
        let mut stands_for = scratch::slots(n, None);
        for i in 0..n {
            if tops[i] == Some(i) && (self.s.tokens[i].deprel == "conj" || self.listed_appos(i)) {
                if let Some(h) = self.head(i) {
                    match tops[h] {
                        Some(t) if t == h => group_of[i] = group_of[h],
                        Some(t) => {
                            group_of[i] = group_of[t];
                            stands_for[i] = Some(h);
                        }
                        _ => {}
                    }
                }
            }
        }
        let mut done = scratch::flags(n, false);
        // Words of each phrase top, and the tops of each group, in sentence order.
        let mut by_top: Vec<Vec<usize>> = scratch::lists(n);
        let mut by_group: Vec<Vec<usize>> = scratch::lists(n);
        for k in 0..n {
            if let Some(t) = tops[k] {
                by_top[t].push(k);
                if t == k {
                    by_group[group_of[k]].push(k);
                }
            }
        }
        for root in 0..n {
            if tops[root] != Some(root) || group_of[root] != root || done[root] {
                continue;
            }
            // (Given back below: the pooled list keeps its room.)
            let members: Vec<usize> = std::mem::take(&mut by_group[root]);
            let mut codes = Vec::with_capacity(members.len());
            let mut texts = Vec::with_capacity(members.len());
            let mut first_countryless_of = Vec::with_capacity(members.len());
            let mut opposed = Vec::with_capacity(members.len());
            let (mut start, mut end) = (usize::MAX, 0);
            let mut extra: Vec<Vec<usize>> = Vec::new();
            for &m in &members {
                done[m] = true;
                let own: Vec<usize> = by_top[m].clone();
                let ws: Vec<usize> = match stands_for[m] {
                    // Later conjuncts share the first one's pre-modifiers ("Danish media and
                    // government").
                    None if m != root
                        && self.children[m].iter().all(|&c| {
                            self.s.tokens[c].upos == "PUNCT"
                                || base_rel(&self.s.tokens[c].deprel) == "cc"
                        }) =>
                    {
                        // … and the first one's attachments written after them all ("lawmakers
                        // and officials in Fornost"), with the conjuncts standing in there
                        // ("… in Fornost and Gondor": officials in Gondor too).
                        let shared: Vec<usize> = by_top[root]
                            .iter()
                            .copied()
                            .filter(|&k| (k < root && self.s.tokens[k].deprel == "amod") || k > m)
                            .collect();
                        for &o in &members {
                            let Some(h) = stands_for[o] else { continue };
                            if h <= m || !shared.contains(&h) {
                                continue;
                            }
                            let mut v: Vec<usize> = shared
                                .iter()
                                .copied()
                                .filter(|&k| !self.descends(k, h))
                                .chain(by_top[o].iter().copied())
                                .chain(own.iter().copied())
                                .collect();
                            v.sort_unstable();
                            extra.push(v);
                        }
                        let mut v: Vec<usize> = shared.into_iter().chain(own).collect();
                        v.sort_unstable();
                        v
                    }
                    None => own,
                    Some(h) => {
                        let base = tops[h].unwrap_or(h);
                        let mut v: Vec<usize> = by_top[base]
                            .iter()
                            .copied()
                            .filter(|&k| !self.descends(k, h))
                            .chain(own)
                            .collect();
                        v.sort_unstable();
                        v
                    }
                };
                for &k in &ws {
                    start = start.min(k);
                    end = end.max(k);
                }
                let (code, span, first_countryless, against) =
                    self.code_conjunct(&ws, date, dicts, opts);
                codes.push(code);
                texts.push((ws, span));
                first_countryless_of.push(first_countryless);
                opposed.push(against);
            }
            for ws in extra {
                let (code, span, first_countryless, against) =
                    self.code_conjunct(&ws, date, dicts, opts);
                codes.push(code);
                texts.push((ws, span));
                first_countryless_of.push(first_countryless);
                opposed.push(against);
            }
            let compound = members.len() > 1;
            by_group[root] = members;
            if start == usize::MAX {
                continue;
            }
            // The phrase's own words, then words between conjuncts (`and`, commas) that
            // belong to no phrase; a phrase nested in this one's span ("a resumption of ties
            // between A and B after a rift") keeps its words.
            let id = self.phrases.len();
            for (ws, _) in &texts {
                for &k in ws {
                    if self.phrase_of[k].is_none() {
                        self.phrase_of[k] = Some(id);
                    }
                }
            }
            for (k, top) in tops.iter().enumerate().take(end + 1).skip(start) {
                if self.phrase_of[k].is_none() && top.is_none() {
                    self.phrase_of[k] = Some(id);
                }
            }
            let null = codes.iter().all(|c| c == "---");
            let countryless = codes
                .iter()
                .zip(&texts)
                .zip(&first_countryless_of)
                .map(|((c, (ws, _)), known)| {
                    c.len() > 3
                        && c.starts_with("---")
                        && known.unwrap_or_else(|| self.countryless(ws, date, dicts))
                })
                .collect();
            self.phrases.push(Phrase { codes, texts, compound, countryless, null, opposed });
        }
        self.nobody = self.phrases.len();
        self.phrases.push(Phrase {
            codes: vec!["---".into()],
            texts: vec![(Vec::new(), Span::default())],
            compound: false,
            countryless: vec![false],
            null: true,
            opposed: vec![None],
        });
        scratch::give_lists(by_top);
        scratch::give_lists(by_group);
        scratch::give_slots(tops);
        scratch::give_slots(stands_for);
        scratch::give_indices(group_of);
        scratch::give_flags(done);
    }

    /// [`Self::code_phrase`] for one conjunct of a phrase, with (product rules) whom it stands
    /// against: "opponents of X" are X's country's opposition, not X ([`Self::opponents_of`]).
    fn code_conjunct(
        &self,
        ws: &[usize],
        date: Option<DateKey>,
        dicts: &Dictionaries,
        opts: &Options,
    ) -> (String, Span, Option<bool>, Option<String>) {
        if opts.clauses {
            if let Some((code, against)) = self.opponents_of(ws, date, dicts) {
                let span = match (ws.first(), ws.last()) {
                    (Some(&a), Some(&b)) => self.s.tokens[a].span.cover(self.s.tokens[b].span),
                    _ => Span::default(),
                };
                return (code, span, None, Some(against));
            }
        }
        let (code, span, known) = self.code_phrase(ws, date, dicts, opts);
        (code, span, known, None)
    }

    /// The code of one noun phrase (first actor + agents, or `---`) and its span, with what
    /// [`Self::countryless`] would say of the phrase when the lookup that gave the code
    /// already tells (`None`: ask it).
    fn code_phrase(
        &self,
        ws: &[usize],
        date: Option<DateKey>,
        dicts: &Dictionaries,
        opts: &Options,
    ) -> (String, Span, Option<bool>) {
        // (On the stack for a phrase of up to 24 words.)
        let mut idx = scratch::SmallList::<usize, 24>::new(0);
        for &k in ws {
            if self.s.tokens[k].xpos != "POS" && self.s.tokens[k].upos != "PUNCT" {
                idx.push(k);
            }
        }
        let idx = idx.as_slice();
        // Words joined by `_` in the text (the field's convention, "Dol_Amroth") are
        // matched as the words they join.
        let mut words = scratch::SmallList::<&str, 24>::new("");
        // Whether `words` are the phrase's words as [`Self::countryless`] reads them.
        let mut as_written = true;
        for &k in idx {
            let w = self.words[k].as_str();
            if !w.as_bytes().contains(&b'_') {
                if !w.is_empty() {
                    words.push(w);
                } else {
                    as_written = false;
                }
            } else {
                as_written = false;
                for part in w.split('_').filter(|w| !w.is_empty()) {
                    words.push(part);
                }
            }
        }
        let words = words.as_slice();
        let span = match (ws.first(), ws.last()) {
            (Some(&a), Some(&b)) => self.s.tokens[a].span.cover(self.s.tokens[b].span),
            _ => Span::default(),
        };
        // (Product rules.) "X-led Y": X leads Y, and Y is X's ("the US-led war against
        // Iraq" is the United States', "Vietnamese-led forces" VNMMIL).
        if opts.clauses {
            if let Some(code) = self.led_by(ws, date, dicts) {
                return (code, span, None);
            }
            if let Some(code) = self.member_named(ws, date, dicts) {
                return (code, span, None);
            }
        }
        // "X's Y" where Y is itself an actor of X's country: Y ("Egypt's Muslim
        // Brotherhood" is the Brotherhood's code, not Egypt's with a religion).
        let possessor = ws.iter().rev().find(|&&k| {
            let t = &self.s.tokens[k];
            t.deprel == "nmod:poss"
                && t.upos != "PRON"
                && self.head(k).is_some_and(|h| ws.contains(&h))
        });
        if let Some((&q, h)) = possessor.and_then(|q| Some((q, self.head(*q)?))) {
            // Y: the words from after the possessor to the noun it owns, with an actor
            // ending on that noun.
            let hi = self.subtree_bounds(q).1;
            let after: Vec<&str> = ws
                .iter()
                .filter(|&&k| k > hi && k <= h && self.s.tokens[k].upos != "PUNCT")
                .map(|&k| self.words[k].as_str())
                .collect();
            let ends_on_head = (0..after.len()).any(|j| {
                dicts.actors.index.match_at(&after, j).is_some_and(|(p, len)| {
                    j + len == after.len()
                        && dicts.actors.entries[p.entry as usize]
                            .code_on(date)
                            .is_some_and(|c| !c.starts_with("---"))
                })
            });
            // … of the possessor's own country ("Egypt's Muslim Brotherhood", EGY and
            // EGYOPPMUS), or of an uncoded possessor.
            let lo = self.subtree_bounds(q).0;
            let own: Vec<&str> = ws
                .iter()
                .filter(|&&k| k >= lo && k <= hi && self.s.tokens[k].upos != "PUNCT")
                .filter(|&&k| self.s.tokens[k].xpos != "POS")
                .map(|&k| self.words[k].as_str())
                .collect();
            let owner = crate::nominal::code_words(&own, date, dicts);
            if ends_on_head {
                if let Some(code) = crate::nominal::code_words(&after, date, dicts) {
                    if owner.as_deref().is_none_or(|o| o.get(..3) == code.get(..3)) {
                        return (code, span, None);
                    }
                }
            }
        }
        let (plain, first) = crate::nominal::code_words_first(words, date, dicts);
        let known = as_written.then(|| first.is_some_and(|f| f.2.starts_with("---")));
        // A hyphenated name the tokenizer split ("Barad - dur") is also tried as written: first
        // when the words alone give no actor.
        if plain.as_deref().is_some_and(|c| c.starts_with("---")) {
            if let Some(glued) = self.glue_hyphens(ws) {
                let g: Vec<&str> = glued.iter().map(String::as_str).collect();
                if let Some(code) =
                    crate::nominal::code_words(&g, date, dicts).filter(|c| !c.starts_with("---"))
                {
                    return (code, span, known);
                }
            }
        }
        if let Some(mut code) = plain {
            if self.agent_only_modifies(idx, words, first, dicts) {
                return ("---".into(), span, known);
            }
            // An agent word modifying a head that is no agent, the actor in an attachment
            // after the head ("military exercises in Alaska"): the phrase is coded from its
            // head on (the place's country, not its military).
            if let Some(pos) = self.agent_modifies_before_actor(idx, words, first, dicts) {
                if let Some(c) = crate::nominal::code_words(&words[pos..], date, dicts) {
                    code = c;
                }
            }
            if opts.clauses && idx.len() == words.len() {
                if let Some(country) = self.people_of_place(idx, &code, first, date, dicts) {
                    return (country, span, known);
                }
            }
            if let Some(country) = self.place_named(idx, words, &code, first, dicts, opts.clauses) {
                return (country, span, known);
            }
            if opts.clauses {
                if let Some(c) = self.people_in_capital(idx, words, &code, first, date, dicts) {
                    // (Envoys posted in a capital take no country from it, nor from another
                    // place: they are no country-less group of the place.)
                    let known = if c.starts_with("---") { Some(false) } else { known };
                    return (c, span, known);
                }
            }
            return (code, span, known);
        }
        // A hyphenated name the tokenizer split ("Barad - dur") is also tried as written.
        if let Some(glued) = self.glue_hyphens(ws) {
            let g: Vec<&str> = glued.iter().map(String::as_str).collect();
            if let Some(code) = crate::nominal::code_words(&g, date, dicts) {
                return (code, span, known);
            }
        }
        // A later conjunct's coordinator ("death and injury toll") is not part of its name.
        let lead = idx.iter().take_while(|&&k| base_rel(&self.s.tokens[k].deprel) == "cc").count();
        let words = &words[lead..];
        if opts.new_actor_length > 0 && !words.is_empty() {
            let content: Vec<&str> =
                words.iter().copied().filter(|w| !matches!(*w, "THE" | "A" | "AN")).collect();
            let t = words.join(" ");
            if t.matches(' ').count() < opts.new_actor_length && !content.is_empty() {
                return (format!("\"{t}\""), span, known);
            }
        }
        ("---".into(), span, known)
    }

    /// (Product rules.) A phrase headed by a word for those who stand against someone
    /// ("opponents", "critics", "foes", "enemies", "detractors", "adversaries") with an
    /// "of" attachment naming an actor: the phrase is that actor's country with the head's
    /// own role ("opponents of Rwanda's Senate" RWAOPP, "critics of the Turkish government"
    /// TUROPP), and the actor is whom they stand against (RWALEG, TURGOV). Without the rule
    /// the words combine into the actor itself (RWAOPPLEG, the Senate's own opposition).
    fn opponents_of(
        &self,
        ws: &[usize],
        date: Option<DateKey>,
        dicts: &Dictionaries,
    ) -> Option<(String, String)> {
        let &head = ws.iter().find(|&&k| self.head(k).is_none_or(|h| !ws.contains(&h)))?;
        let lemma = self.s.tokens[head].lemma.as_str();
        if !["opponent", "critic", "foe", "enemy", "detractor", "adversary"]
            .iter()
            .any(|w| lemma.eq_ignore_ascii_case(w))
        {
            return None;
        }
        let of = self.children[head].iter().copied().find(|&c| {
            base_rel(&self.s.tokens[c].deprel) == "nmod"
                && ws.contains(&c)
                && self.children[c]
                    .iter()
                    .any(|&d| self.s.tokens[d].deprel == "case" && self.words[d].as_str() == "OF")
        })?;
        let (lo, hi) = self.subtree_bounds(of);
        let words = |keep: &dyn Fn(usize) -> bool| -> Vec<&str> {
            ws.iter()
                .copied()
                .filter(|&k| keep(k))
                .filter(|&k| self.s.tokens[k].xpos != "POS" && self.s.tokens[k].upos != "PUNCT")
                .filter(|&k| self.words[k] != "OF")
                .map(|k| self.words[k].as_str())
                .collect()
        };
        let against = crate::nominal::code_words(&words(&|k| k >= lo && k <= hi), date, dicts)
            .filter(|c| c != "---")?;
        let own = crate::nominal::code_words(&words(&|k| k < lo || k > hi), date, dicts)?;
        let role = own.strip_prefix("---")?;
        let code = match against.get(..3) {
            Some(c) if c != "---" && !role.is_empty() => format!("{c}{role}"),
            _ => own.clone(),
        };
        Some((code, against))
    }

    /// The code of a phrase whose head is modified by "X-led" (a hyphen-joined participle of
    /// *lead*, the leader X its dependent): X's words, then the phrase's words up to its
    /// head ("the US-led war against Iraq" is coded from "US the war"). None unless X codes
    /// as a country or an international body.
    fn led_by(&self, ws: &[usize], date: Option<DateKey>, dicts: &Dictionaries) -> Option<String> {
        let &head = ws.iter().find(|&&k| self.head(k).is_none_or(|h| !ws.contains(&h)))?;
        let touch = |a: usize, b: usize| {
            let (x, y) = (self.s.tokens[a].span, self.s.tokens[b].span);
            !x.is_empty() && x.end == y.start
        };
        let &led = ws.iter().find(|&&k| {
            k >= 2
                && self.words[k] == "LED"
                && self.head(k) == Some(head)
                && self.words[k - 1] == "-"
                && touch(k - 1, k)
                && touch(k - 2, k - 1)
        })?;
        let x = (0..led - 1).rev().find(|&c| self.head(c) == Some(led))?;
        // (The hyphen may hang on X.)
        let (lo, hi) = self.subtree_bounds(x);
        if hi != led - 2 && hi != led - 1 {
            return None;
        }
        let mut words: Vec<&str> = (lo..=led - 2)
            .filter(|&k| self.s.tokens[k].upos != "PUNCT" && self.s.tokens[k].xpos != "POS")
            .map(|k| self.words[k].as_str())
            .collect();
        let leader = crate::nominal::code_words(&words, date, dicts)?;
        if leader.starts_with("---") {
            return None;
        }
        words.extend(
            ws.iter()
                .filter(|&&k| k <= head && k != led && self.s.tokens[k].upos != "PUNCT")
                .map(|&k| self.words[k].as_str()),
        );
        crate::nominal::code_words(&words, date, dicts)
    }

    /// (Product rule.) A country named with the body it belongs to ("NATO-member Norway",
    /// "EU member Poland"): the country's code, from the words after "member" up to the
    /// phrase's head, a name. None unless they code a bare country.
    fn member_named(
        &self,
        ws: &[usize],
        date: Option<DateKey>,
        dicts: &Dictionaries,
    ) -> Option<String> {
        let &head = ws.iter().find(|&&k| self.head(k).is_none_or(|h| !ws.contains(&h)))?;
        if self.s.tokens[head].upos != "PROPN" {
            return None;
        }
        let &m = ws
            .iter()
            .find(|&&k| k < head && self.words[k] == "MEMBER" && self.head(k) == Some(head))?;
        let words: Vec<&str> = ws
            .iter()
            .filter(|&&k| k > m && k <= head && self.s.tokens[k].upos != "PUNCT")
            .map(|&k| self.words[k].as_str())
            .collect();
        crate::nominal::code_words(&words, date, dicts).filter(|c| bare_country(c))
    }

    /// A phrase without a country actor whose agent or group words only modify its head, a
    /// common noun that is no agent ("military exercises", "ethnic Albanian unrest"): the
    /// phrase names a thing, not an actor. `idx` are the phrase's words (without punctuation and possessive
    /// marks), `words` their upper-case forms, `first` their first actor as
    /// [`crate::nominal::code_words`] found it.
    fn agent_only_modifies(
        &self,
        idx: &[usize],
        words: &[&str],
        first: Option<crate::nominal::FirstActor<'_>>,
        dicts: &Dictionaries,
    ) -> bool {
        if idx.len() != words.len() {
            return false;
        }
        // The head: the first word whose head lies outside the phrase.
        let Some(pos) = idx.iter().position(|&k| self.head(k).is_none_or(|h| !idx.contains(&h)))
        else {
            return false;
        };
        if self.s.tokens[idx[pos]].upos != "NOUN" {
            return false;
        }
        // The phrase's first actor: none, or one without a country ("ethnic Albanian
        // unrest") that does not reach the head.
        let actor = first.map(|(k, len, c)| (c.starts_with("---"), k, k + len.max(1)));
        match actor {
            Some((false, _, _)) => return false,
            Some((true, a, b)) if (a..b).contains(&pos) => return false,
            _ => {}
        }
        // Agent matches as `code_words` finds them (greedy, left to right).
        let mut k = 0;
        while k < words.len() {
            match dicts.agents.index.match_at(words, k) {
                Some((_, len)) => {
                    let len = len.max(1);
                    // An agent after the head sits in an attachment of its own ("pressure
                    // from Congress"): a participant, not a modifier.
                    if (k..k + len).contains(&pos) || k > pos {
                        return false;
                    }
                    k += len;
                }
                None => k += 1,
            }
        }
        true
    }

    /// A phrase whose role words (no religion) all modify its head, a common noun that is no agent, and
    /// whose first actor, one with a country, sits in an attachment after the head ("military
    /// exercises in Alaska", "police reforms in Gondor"): the head's position in `idx`.
    fn agent_modifies_before_actor(
        &self,
        idx: &[usize],
        words: &[&str],
        first: Option<crate::nominal::FirstActor<'_>>,
        dicts: &Dictionaries,
    ) -> Option<usize> {
        if idx.len() != words.len() {
            return None;
        }
        let pos = idx.iter().position(|&k| self.head(k).is_none_or(|h| !idx.contains(&h)))?;
        if self.s.tokens[idx[pos]].upos != "NOUN" {
            return None;
        }
        let (a, _, c) = first?;
        if c.starts_with("---") || a <= pos {
            return None;
        }
        let mut k = 0;
        let mut modifier = false;
        while k < words.len() {
            match dicts.agents.index.match_at(words, k) {
                Some((p, len)) => {
                    let len = len.max(1);
                    // (A religion stays: "an Islamic state in Nigeria" is a Muslim one.)
                    let code = dicts.agents.entries[p.entry as usize].code.as_str();
                    let role = ROLE_BLOCKS.iter().take_while(|&&b| b != "MUS").any(|&b| b == code);
                    if (k..k + len).contains(&pos) || k > pos || !role {
                        return None;
                    }
                    modifier = true;
                    k += len;
                }
                None => k += 1,
            }
        }
        modifier.then_some(pos)
    }

    /// A name coded as a government (`XXXGOV`: a capital or seat of government as metonym)
    /// written before a named thing that is no actor ("the Beijing Olympics", "the Moscow
    /// Metro") names a place: its country. `None` keeps the code. A name with an agent beside
    /// it ("Beijing officials") stays the government, and so does a capital in a locative
    /// phrase ("a licence issued in Michel Delving"), as the PETRARCH-1 records code it —
    /// unless `locative` (the product's rule, as the PETR-2 gold codes it): then a capital
    /// after "in"/"at" is the place ("staged a protest in Beijing": CHN); so it is with any
    /// options when the dictionaries code capitals as metonyms
    /// ([`Dictionaries::metonym_capitals`], the built-in lexicon).
    fn place_named(
        &self,
        idx: &[usize],
        words: &[&str],
        code: &str,
        first: Option<crate::nominal::FirstActor<'_>>,
        dicts: &Dictionaries,
        locative: bool,
    ) -> Option<String> {
        if idx.len() != words.len() {
            return None;
        }
        let country = code
            .strip_suffix("GOV")
            .filter(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))?;
        // The phrase's first actor, as `code_words` finds it, giving the code alone.
        let (a, b) = first.filter(|x| x.2 == code).map(|(k, len, _)| (k, k + len.max(1)))?;
        let mut k = 0;
        while k < words.len() {
            if !(a..b).contains(&k) && dicts.agents.index.match_at(words, k).is_some() {
                return None;
            }
            k += 1;
        }
        let name = &idx[a..b.min(idx.len())];
        let &head = name.iter().find(|&&k| self.head(k).is_none_or(|h| !name.contains(&h)))?;
        let names_a_thing = self.s.tokens[head].deprel == "compound"
            && self.head(head).is_some_and(|h| {
                idx.contains(&h) && !name.contains(&h) && self.s.tokens[h].upos == "PROPN"
            });
        let place_case = |n: usize, of: bool| {
            self.children[n].iter().any(|&c| {
                base_rel(&self.s.tokens[c].deprel) == "case"
                    && match self.words[c].as_str() {
                        "IN" | "AT" | "THROUGH" | "THROUGHOUT" | "ACROSS" | "AROUND" | "NEAR"
                        | "OUTSIDE" => true,
                        "OF" => of,
                        _ => false,
                    }
            })
        };
        // ("in Paris", "around Paris", and the part of a capital a phrase of place names:
        // "through the centre of Tbilisi", "on the outskirts of Kyiv".)
        let in_place = (locative || dicts.metonym_capitals)
            && (place_case(head, false)
                || place_case(head, true)
                    && self.head(head).is_some_and(|h| {
                        idx.contains(&h)
                            && self.s.tokens[h].upos == "NOUN"
                            && (place_case(h, false)
                                || self.children[h].iter().any(|&c| {
                                    base_rel(&self.s.tokens[c].deprel) == "case"
                                        && self.words[c] == "ON"
                                }))
                    }));
        (names_a_thing || in_place).then(|| country.to_string())
    }

    /// (Product rule.) People named by their role in or of a capital ("protesters in
    /// Nairobi", "students in Tehran", "residents of Kabul") are of the capital's country, not
    /// of its government: a capital stands for the government only as the actor itself
    /// ("Tehran said"). `code` is the phrase's code with the capital's (`KENGOVOPP`); the
    /// answer drops the government (`KENOPP`).
    fn people_in_capital(
        &self,
        idx: &[usize],
        words: &[&str],
        code: &str,
        first: Option<crate::nominal::FirstActor<'_>>,
        date: Option<DateKey>,
        dicts: &Dictionaries,
    ) -> Option<String> {
        if idx.len() != words.len() || code.get(3..6) != Some("GOV") {
            return None;
        }
        let (a, len, c) = first?;
        if c.len() != 6 || c.get(..3) != code.get(..3) || !c.ends_with("GOV") {
            return None;
        }
        let name = idx.get(a..a + len.max(1))?;
        // The name is an attachment of the phrase's head, introduced by a preposition of
        // place or "of", and written as a proper name.
        let &head = idx.iter().find(|&&k| self.head(k).is_none_or(|h| !idx.contains(&h)))?;
        let &top = name.iter().find(|&&k| self.head(k).is_none_or(|h| !name.contains(&h)))?;
        if name.contains(&head) || self.s.tokens[top].upos != "PROPN" {
            return None;
        }
        let attached = self.children[top].iter().any(|&d| {
            base_rel(&self.s.tokens[d].deprel) == "case"
                && matches!(
                    self.words[d].as_str(),
                    "IN" | "OF" | "FROM" | "AT" | "ACROSS" | "THROUGHOUT" | "AROUND"
                )
        });
        if !attached {
            return None;
        }
        // The people's own role, from the phrase's other words ("officials" GOV: "officials
        // in Moscow" stay RUSGOV).
        let rest: Vec<&str> = (0..idx.len())
            .filter(|&j| !(a..a + len.max(1)).contains(&j))
            .filter(|&j| base_rel(&self.s.tokens[idx[j]].deprel) != "case")
            .map(|j| words[j])
            .collect();
        let role = crate::nominal::code_words(&rest, date, dicts)?;
        let role = role.strip_prefix("---")?;
        // Envoys in a capital are posted there by another state ("Western diplomats in
        // Beijing", "ambassadors in Moscow"): the
        // capital names neither their government nor their country.
        let posted_in = self.children[top].iter().any(|&d| {
            base_rel(&self.s.tokens[d].deprel) == "case"
                && matches!(self.words[d].as_str(), "IN" | "AT")
        });
        if posted_in && rest.iter().any(|w| POSTED_ROLES.contains(w)) {
            return (!role.is_empty()).then(|| format!("---{role}"));
        }
        (!role.is_empty()).then(|| format!("{}{role}", &code[..3]))
    }

    /// (Product rule.) Whether the phrase names envoys by where they are posted
    /// ("Western diplomats in Beijing", "ambassadors in Moscow"): the place names neither
    /// their country nor an owner ([`Self::people_in_capital`]).
    fn posted_in(&self, ws: &[usize]) -> bool {
        ws.iter().any(|&k| POSTED_ROLES.contains(&self.words[k].as_str()))
            && ws.iter().any(|&k| {
                base_rel(&self.s.tokens[k].deprel) == "case"
                    && matches!(self.words[k].as_str(), "IN" | "AT")
            })
    }

    /// Whether the first actor of the phrase's words has no country ("ethnic Albanians").
    fn countryless(&self, ws: &[usize], date: Option<DateKey>, dicts: &Dictionaries) -> bool {
        let words: Vec<&str> = ws
            .iter()
            .filter(|&&k| self.s.tokens[k].xpos != "POS" && self.s.tokens[k].upos != "PUNCT")
            .map(|&k| self.words[k].as_str())
            .collect();
        (0..words.len())
            .find_map(|k| {
                let (p, _) = dicts.actors.index.match_at(&words, k)?;
                dicts.actors.entries[p.entry as usize].code_on(date)
            })
            .is_some_and(|c| c.starts_with("---"))
    }

    /// The country of the place the verb's event happened in: an `in` phrase coded as a
    /// bare country, attached to the verb or to one of its other attachments ("demonstrated
    /// on Tuesday in Serbia", "killed … in a gunbattle in southern Serbia").
    fn verb_place(&self, v: usize, clauses: bool, acts: Option<&Dictionaries>) -> Option<String> {
        // (Product rule.) An "in" phrase the parser hung on the verb's object counts too
        // ("protesting election results in Monrovia"); the object itself is no place.
        let mut stack: Vec<(usize, u8)> = self.children[v]
            .iter()
            .filter(|&&c| match base_rel(&self.s.tokens[c].deprel) {
                "obl" => true,
                "obj" => clauses,
                _ => false,
            })
            .map(|&c| (c, 0))
            .collect();
        stack.reverse();
        let mut act_phrases: Vec<usize> = Vec::new();
        while let Some((c, depth)) = stack.pop() {
            // (Product rule: "marched through central Belgrade", "across the country".)
            let place_word = |w: &str| {
                w == "IN"
                    || (clauses && matches!(w, "THROUGH" | "THROUGHOUT" | "ACROSS" | "AROUND"))
            };
            // (Product rule.) An act of force named by a noun with its doer's adjective ("were
            // killed in Israeli shelling", "in a Russian strike") is how, not where.
            let act = || {
                acts.is_some_and(|d| {
                    self.s.tokens[c].upos == "NOUN"
                        // (named with a doer's word before it: "Israeli", "a Saudi air strike")
                        && self.children[c].iter().any(|&k| {
                            k < c
                                && matches!(base_rel(&self.s.tokens[k].deprel), "amod" | "compound")
                                && matches!(self.s.tokens[k].upos.as_str(), "ADJ" | "PROPN")
                        })
                        && self.verb_forms(c, d).is_some_and(|fs| {
                            fs.iter().any(|f| matches!(f.code.get(..2), Some("18" | "19" | "20")))
                        })
                })
            };
            // (Its phrase stays how, also where the place after it was drawn into it: "in
            // Turkish shelling in northern Syria" is one phrase coded by "Turkish".)
            if act() {
                act_phrases.extend(self.phrase_of[c]);
            }
            let in_act = self.phrase_of[c].is_some_and(|q| act_phrases.contains(&q));
            if self.children[c].iter().any(|&k| place_word(&self.words[k])) && !in_act {
                if let Some(ph) = self.phrase_of[c].map(|q| &self.phrases[q]) {
                    if let [code] = ph.codes.as_slice() {
                        if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
                            return Some(code.clone());
                        }
                    }
                }
            }
            if depth < 2 {
                for &k in self.children[c].iter().rev() {
                    if base_rel(&self.s.tokens[k].deprel) == "nmod" {
                        stack.push((k, depth + 1));
                    }
                }
            }
        }
        // (Product rule.) A "when" clause tells the same deed: its place is the verb's ("killed
        // 23 people when they blew themselves up in Tel Aviv").
        if clauses {
            for &c in &self.children[v] {
                let when = base_rel(&self.s.tokens[c].deprel) == "advcl"
                    && c > v
                    && self.children[c].iter().any(|&k| k < c && self.words[k] == "WHEN");
                if when {
                    if let Some(place) = self.verb_place(c, false, None) {
                        return Some(place);
                    }
                }
            }
        }
        None
    }

    /// The phrase's words with each `-` written without spaces glued to its neighbours
    /// (`BARAD-DUR`); None when there is no such hyphen.
    fn glue_hyphens(&self, ws: &[usize]) -> Option<Vec<String>> {
        let n = self.s.tokens.len();
        let touch = |a: usize, b: usize| {
            let (x, y) = (self.s.tokens[a].span, self.s.tokens[b].span);
            !x.is_empty() && x.end == y.start
        };
        // `-` tokens (outside the phrase's words: punctuation) between two of its words.
        let hyphen_after = |k: usize| {
            k + 2 < n && self.words[k + 1] == "-" && touch(k, k + 1) && touch(k + 1, k + 2)
        };
        if !ws.iter().any(|&k| hyphen_after(k) && ws.contains(&(k + 2))) {
            return None;
        }
        let mut out: Vec<String> = Vec::with_capacity(ws.len());
        let mut glue_next = false;
        for &k in ws {
            let t = &self.s.tokens[k];
            if t.xpos == "POS" || t.upos == "PUNCT" {
                continue;
            }
            match out.last_mut() {
                Some(last) if glue_next => {
                    last.push('-');
                    last.push_str(&self.words[k]);
                }
                _ => out.push(self.words[k].clone()),
            }
            glue_next = hyphen_after(k) && ws.contains(&(k + 2));
        }
        Some(out)
    }

    /// Sets aside comma-delimited clauses of configured length: every maximal subtree lying
    /// wholly between the two commas (so words of the main clause are kept).
    fn delete_comma_clauses(&mut self, opts: &Options) {
        let n = self.s.tokens.len();
        let commas: Vec<usize> = (0..n)
            .filter(|&i| {
                self.s.tokens[i].form == "," && self.phrase_of[i].is_none() && !self.inert[i]
            })
            .collect();
        if commas.is_empty() {
            return;
        }
        let count = |a: &Self, lo: usize, hi: usize| -> usize {
            (lo..hi)
                .filter(|&k| a.s.tokens[k].form.chars().next().is_some_and(char::is_alphabetic))
                .count()
        };
        let mut ranges = Vec::new();
        if opts.comma_bmax > 0 {
            let c = count(self, 0, commas[0]);
            if c >= opts.comma_bmin && c <= opts.comma_bmax {
                ranges.push((0, commas[0]));
            }
        }
        if opts.comma_emax > 0 {
            let last = *commas.last().expect("non-empty");
            let end = if self.s.tokens[n - 1].upos == "PUNCT" { n - 1 } else { n };
            let c = count(self, last + 1, end);
            if c >= opts.comma_emin && c <= opts.comma_emax {
                ranges.push((last + 1, end));
            }
        }
        if opts.comma_max > 0 {
            for w in commas.windows(2) {
                let c = count(self, w[0] + 1, w[1]);
                if c >= opts.comma_min && c <= opts.comma_max {
                    ranges.push((w[0] + 1, w[1]));
                }
            }
        }
        let root = (0..n).find(|&k| self.head(k).is_none());
        for (lo, hi) in ranges {
            if lo >= hi {
                continue;
            }
            // The product's reading: words after a comma that hold the sentence's root verb
            // are its main clause, not an aside ("In 1999, fighters from Chechnya invaded the
            // region, triggering a war"; "An opposition lawmaker, speaking in parliament,
            // called the detentions unlawful"). A verb of saying there is the attribution of
            // a fronted report (", the U.S. Central Command said on Monday, adding …"), an
            // aside as before.
            if opts.clauses
                && lo > 0
                && root.is_some_and(|r| (lo..hi).contains(&r) && self.is_verb(r) && !self.says(r))
            {
                continue;
            }
            // The product's reading: a clause set off by commas is an aside only when the
            // rest of the sentence has a verb of its own ("On Monday, police arrested five
            // men" keeps its main clause; "…, police said" is still set aside). A verb of a
            // relative clause is no verb of the sentence's own ("Kenya, which hosts the talks,
            // condemned the strike": the words after the comma are the main clause).
            if opts.clauses
                && !(0..n).any(|k| (k < lo || k >= hi) && self.is_verb(k) && !self.inert[k])
            {
                continue;
            }
            // … and only when it is no argument of a verb outside it: "forced the agency,
            // UNHCR, out of the country following the operation, although …" keeps "out of
            // the country" with "forced".
            if opts.clauses && self.argument_between_commas(lo, hi) {
                continue;
            }
            // … nor when it is a participial adjunct of a verb outside it, a second act of that
            // verb's subject ("expelled three diplomats, accusing them of spying", "fired tear
            // gas, killing two demonstrators", "…, two days after cutting ties with Taiwan").
            if opts.clauses && (lo..hi).any(|k| self.participial_adjunct(k, lo, hi)) {
                continue;
            }
            // … nor when it is the reported clause of a verb of saying after it ("In Mombasa,
            // protesters blocked the main highway, a police commander said"): the report
            // itself, between a fronted phrase and its speaker, is no aside.
            if opts.clauses
                && (lo..hi).any(|k| {
                    self.is_verb(k)
                        && base_rel(&self.s.tokens[k].deprel) == "ccomp"
                        && self.head(k).is_some_and(|h| h >= hi && self.says(h))
                })
            {
                continue;
            }
            // … nor when it holds an adverbial clause of time of a verb outside it, with a
            // subject and a finite verb of its own (", a day after gunmen killed 26
            // tourists", ", hours before the army shelled the town"): a deed told, no aside.
            if opts.clauses
                && (lo..hi).any(|k| {
                    self.is_verb(k)
                        && base_rel(&self.s.tokens[k].deprel) == "advcl"
                        && self.head(k).is_some_and(|h| h < lo || h >= hi)
                        && self.finite_or_aux(k)
                        && self.children[k].iter().any(|&c| {
                            base_rel(&self.s.tokens[c].deprel) == "nsubj"
                                && self.s.tokens[c].upos != "PRON"
                        })
                        && self.children[k].iter().any(|&c| {
                            base_rel(&self.s.tokens[c].deprel) == "mark"
                                && matches!(
                                    self.words[c].as_str(),
                                    "AFTER" | "BEFORE" | "SINCE" | "UNTIL" | "WHEN"
                                )
                        })
                })
            {
                continue;
            }
            // … nor when it opens with a coordinator before a coordinated verb (", but was
            // still refusing admittance to …"): a clause of its own, not an aside.
            if opts.clauses
                && self.s.tokens[lo].upos == "CCONJ"
                && (lo + 1..hi).any(|k| {
                    self.is_verb(k)
                        && base_rel(&self.s.tokens[k].deprel) == "conj"
                        && self.finite_or_aux(k)
                })
            {
                continue;
            }
            // … nor when it holds a second predicate of a verb outside it (", on Sunday and
            // killed at least 10 people, police said"): the verb's coordinated act, no aside.
            if opts.clauses
                && (lo..hi).any(|k| {
                    self.head(k).is_some_and(|h| (h < lo || h >= hi) && self.second_predicate(h, k))
                })
            {
                continue;
            }
            // A word goes with its phrase when the phrase lies within the clause; dependents
            // before the clause (a quote fronted before "…, an official said") do not hold
            // it back.
            for k in lo..hi {
                let (a, b) = self.span_within(k, lo);
                if a >= lo && b < hi {
                    self.deleted[k] = true;
                }
            }
        }
    }

    /// Whether the words `lo..hi` hang on the rest of the sentence only as objects or
    /// obliques of a verb outside them (not a time modifier, apposition or clause).
    fn argument_between_commas(&self, lo: usize, hi: usize) -> bool {
        let mut tops = (lo..hi).filter(|&k| {
            self.s.tokens[k].upos != "PUNCT" && self.head(k).is_none_or(|h| h < lo || h >= hi)
        });
        let mut any = false;
        let all = tops.all(|k| {
            any = true;
            let t = &self.s.tokens[k];
            self.nominal[k]
                && matches!(t.deprel.as_str(), "obj" | "iobj" | "obl")
                && self.head(k).is_some_and(|h| self.is_verb(h))
        });
        any && all
    }

    /// Whether word `k` is an -ing participle without a subject of its own, the adverbial
    /// clause (`advcl`, bare or after "after"/"before"/"while"/"by"/"since"/"upon") of a verb
    /// outside `lo..hi`: its doer is that verb's subject.
    fn participial_adjunct(&self, k: usize, lo: usize, hi: usize) -> bool {
        let t = &self.s.tokens[k];
        t.xpos == "VBG"
            && base_rel(&t.deprel) == "advcl"
            && self.head(k).is_some_and(|h| (h < lo || h >= hi) && self.is_verb(h))
            && self.gerund_controlled(k)
    }

    /// Whether -ing verb `k` has no subject of its own and no subordinator other than the
    /// temporal and manner prepositions that leave the doer the main clause's subject.
    fn gerund_controlled(&self, k: usize) -> bool {
        // A free adjunct is set off by a comma or opened by its subordinator ("…, accusing",
        // "after cutting"); an -ing word hung on the verb without either is mostly a noun's
        // modifier the parser misplaced ("vetoed a draft on Friday calling for …").
        let mark =
            self.children[k].iter().any(|&c| c < k && base_rel(&self.s.tokens[c].deprel) == "mark");
        let comma = (0..k)
            .rev()
            .find(|&j| !matches!(self.s.tokens[j].upos.as_str(), "ADV"))
            .is_some_and(|j| self.s.tokens[j].form == ",");
        if !(mark || comma) {
            return false;
        }
        self.children[k].iter().all(|&c| match base_rel(&self.s.tokens[c].deprel) {
            "nsubj" | "csubj" | "expl" => false,
            "mark" => matches!(
                self.words[c].as_str(),
                "AFTER" | "BEFORE" | "WHILE" | "BY" | "SINCE" | "UPON" | "WHEN"
            ),
            _ => true,
        })
    }

    /// Whether token `k` is a hyphen written between two words without spaces ("peace-keeping"
    /// split by the tokenizer into "peace", "-", "keeping").
    fn hyphen_joins(&self, k: usize) -> bool {
        let t = &self.s.tokens;
        k > 0
            && k + 1 < t.len()
            && t[k].form == "-"
            && t[k - 1].span.end == t[k].span.start
            && t[k].span.end == t[k + 1].span.start
            && !t[k].span.is_empty()
    }

    /// How many items of `seq` from `p` spell the hyphenated pattern word `w` as the
    /// tokenizer split it (CEASE-FIRE as "CEASE", "FIRE" with a hyphen token between them in
    /// the text). `seq` runs forwards after the verb and backwards before it (`lower`).
    fn hyphen_split_len(&self, w: &str, seq: &[usize], p: usize, lower: bool) -> Option<usize> {
        if !w.contains('-') {
            return None;
        }
        let parts: Vec<&str> = w.split('-').collect();
        if parts.len() < 2 || parts.iter().any(|x| x.is_empty()) || p + parts.len() > seq.len() {
            return None;
        }
        for j in 0..parts.len() {
            let part = if lower { parts[j] } else { parts[parts.len() - 1 - j] };
            let t = seq[p + j];
            if self.words[t] != part {
                return None;
            }
            if j > 0 {
                let prev = seq[p + j - 1];
                let hyphen = if lower { prev + 1 } else { t + 1 };
                let follows = if lower { t == prev + 2 } else { prev == t + 2 };
                if !follows || !self.hyphen_joins(hyphen) {
                    return None;
                }
            }
        }
        Some(parts.len())
    }

    fn is_verb(&self, i: usize) -> bool {
        let t = &self.s.tokens[i];
        if t.xpos.is_empty() {
            matches!(t.upos.as_str(), "VERB" | "AUX")
        } else {
            t.xpos.starts_with("VB")
        }
    }

    fn live(&self, i: usize) -> bool {
        !self.deleted[i]
    }

    /// The right end of the verb phrase headed by `v` (its dependents after it, without
    /// coordinated verbs).
    fn vp_end(&self, v: usize) -> usize {
        let mut hi = v;
        for &c in &self.children[v] {
            if c < v {
                continue;
            }
            let r = base_rel(&self.s.tokens[c].deprel);
            if matches!(r, "conj" | "cc" | "parataxis") {
                continue;
            }
            if r == "punct" {
                continue;
            }
            hi = hi.max(self.bounds_without_parataxis(c));
        }
        hi
    }

    /// The right end of the subtree of `c` without the parenthetical and run-on clauses
    /// (`parataxis`) hung anywhere inside it: "Arnor said the step had support from Gondor --
    /// which has resisted …, but Rohan said …" ends at "Gondor" for the first "said".
    fn bounds_without_parataxis(&self, c: usize) -> usize {
        let (lo, hi) = self.subtree_bounds(c);
        if !(lo..=hi).any(|k| k != c && base_rel(&self.s.tokens[k].deprel) == "parataxis") {
            return hi;
        }
        let mut stack = vec![c];
        let mut best = c;
        let mut steps = 0;
        while let Some(x) = stack.pop() {
            steps += 1;
            if steps > self.s.tokens.len() {
                return hi; // defensive: malformed trees
            }
            best = best.max(x);
            stack.extend(
                self.children[x]
                    .iter()
                    .copied()
                    .filter(|&k| base_rel(&self.s.tokens[k].deprel) != "parataxis"),
            );
        }
        best
    }

    fn code_verbs(&self, dicts: &Dictionaries, opts: &Options) -> Vec<CodedEvent> {
        let n = self.s.tokens.len();
        let mut events: Vec<CodedEvent> = Vec::new();
        // Statements coded before their clause, which may give way to it.
        let mut provisional: Vec<Provisional> = Vec::new();
        let mut i = 0;
        while i < n {
            // The main word of a multi-word verb the tagger took for a noun ("wire/VERB
            // tap/NOUN"): the verb-tagged word of the match heads the verb phrase.
            let multiword = if self.is_verb(i) { None } else { self.multiword_verb(i, dicts) };
            if !(self.is_verb(i) || multiword.is_some())
                || !self.live(i)
                || self.inert[i]
                || (self.phrase_of[i].is_some() && multiword.is_none())
            {
                i += 1;
                continue;
            }
            let t = &self.s.tokens[i];
            // A passive auxiliary hands over to its participle.
            if t.deprel == "aux:pass" {
                i += 1;
                continue;
            }
            let (forms, form_key) = match dicts.verbs.lookup(&self.words[i]) {
                Some(f) => (f, self.words[i].clone()),
                None => match dicts.verbs.forms.get(&t.lemma.to_uppercase()) {
                    Some(f) if !t.lemma.is_empty() && !misspelt_inflection(&t.form, &t.lemma) => {
                        (f, t.lemma.to_uppercase())
                    }
                    _ => {
                        i += 1;
                        continue;
                    }
                },
            };
            let _ = form_key;
            // The phrase the verb heads: an auxiliary's is its main verb's.
            let is_aux = matches!(base_rel(&t.deprel), "aux" | "cop");
            let vp_head = match multiword {
                Some(v) => v,
                None if is_aux => self.head(i).unwrap_or(i),
                None => i,
            };
            // Several blocks may list the same verb: the first that yields a code wins.
            let mut chosen = None;
            for (form, vstart, vend) in self.pick_forms(i, forms) {
                let vp_end = self.vp_end(vp_head).max(vend);
                // A coordinated verb without its own subject shares its first conjunct's.
                let upper_from = if base_rel(&t.deprel) == "conj"
                    && !self.children[i]
                        .iter()
                        .any(|&c| base_rel(&self.s.tokens[c].deprel) == "nsubj")
                {
                    match self.head(i) {
                        Some(h) if self.is_verb(h) && h < i => self.clause_start(h),
                        _ => vstart,
                    }
                } else {
                    self.subject_across_comma(vp_head, vstart)
                        .or_else(|| {
                            // (Product rule.) A complement without a subject of its own reads
                            // its controller's subject across a comma ("Greece, like other
                            // members, plans to impose …").
                            let h = self.head(vp_head).filter(|&h| {
                                opts.clauses
                                    && base_rel(&self.s.tokens[vp_head].deprel) == "xcomp"
                                    && self.is_verb(h)
                                    && h < vp_head
                            })?;
                            self.subject_across_comma(h, self.clause_start(h))
                        })
                        .unwrap_or(vstart)
                };
                let mut upper = self.upper_seq(upper_from);
                // (Product rule.) A casualty adjunct set off by a comma ("A car bomb exploded
                // near a market, killing nine people"; "an air strike hit a school, wounding
                // 12") has no words of its own before it: its doer is the subject of the verb
                // it hangs on, actor or weapon, and that subject's words are its source side.
                if opts.clauses && upper.is_empty() && self.casualty_adjunct(vp_head) {
                    upper = self.controller_subject_words(vp_head);
                }
                // (Product rule.) A subordinate clause with a subject of its own ("… came to
                // light after the would-be bomber surrendered himself") takes its source from
                // its own words, not from the main clause before its subordinator.
                if opts.clauses {
                    if let Some(m) = self.own_subject_after_mark(vp_head) {
                        upper.retain(|&k| k > m);
                    }
                }
                let lower = self.lower_seq(vend + 1, self.lower_end(vend, vp_end));
                // The verb's patterns read only its own words (the target is still sought
                // in all of them: parsers hang arguments inside clauses that are not theirs).
                let mut own = lower.clone();
                let acts = opts.clauses.then_some(dicts);
                own.retain(|&k| !self.in_foreign_clause(vp_head, k, acts));
                let block = &dicts.verbs.blocks[form.block as usize];
                let (mut code, mut src_slot, mut tgt_slot, mut pattern) =
                    self.form_code(form, &upper, &own, dicts, opts.clauses);
                // A passive verb's object is its subject ("the prisoners were released"): a
                // pattern of words after the verb (no actor slot) is also tried on it — in the
                // product's reading also when the words after the verb matched one alone
                // ("guerrillas … have been demobilized since the accord between the
                // parties" is no ban on parties).
                let subject_too = opts.clauses && src_slot.is_none() && tgt_slot.is_none();
                if pattern.is_none() || subject_too {
                    if let Some((c, p, slots)) =
                        self.passive_subject_pattern(i, form, &upper, &own, dicts)
                    {
                        (code, pattern) = (c, Some(p));
                        // "Evidence against Russia was presented by the US": the pattern's
                        // target is in the subject, its source the `by` phrase (a passive's
                        // sides are swapped when its events are made).
                        if let Some((a, tg)) = slots {
                            (src_slot, tgt_slot) = (Some(tg), Some(a));
                        }
                    }
                }
                if code != "---" && !code.is_empty() {
                    chosen = Some((
                        block, vstart, vend, vp_end, upper, lower, code, src_slot, tgt_slot,
                        pattern,
                    ));
                    break;
                }
            }
            let Some((
                block,
                vstart,
                vend,
                vp_end,
                upper,
                lower,
                code,
                src_slot,
                tgt_slot,
                pattern,
            )) = chosen
            else {
                i += 1;
                continue;
            };
            // A past participle modifying a noun that is no actor ("a regional trip aimed at
            // pushing for a ceasefire", "a report released in the capital") says what that
            // thing is for or what was done to it: with no `by` phrase it has no source, and
            // the nearest actor before it (often only a place: "remarks in Doha at the start
            // of a trip aimed at …") did not act.
            if self.thing_participle(i, multiword.is_some()) {
                i += 1;
                continue;
            }
            // (Product rule.) A bare past participle modifying an actor is a passive without
            // its auxiliary or its doer ("two officials accused of corruption", "a minister
            // invited to the summit", "rebels expelled from the talks"): the actor is what was
            // done to, and with no `by` phrase no one is named as doing it. Only acts of force
            // and coercion are coded so (with the actor as target, below); others are not
            // coded, rather than with the actor as their doer.
            // (Only acts done to someone are read so: appeals, praise, investigations,
            // demands, criticism, rejections, threats and sanctions. A meeting or a flight
            // hung on a noun is more often a main verb the parser misread: "negotiators and
            // the rebel group met in Kuala Lumpur".)
            if opts.clauses
                && matches!(
                    code.get(..2),
                    Some("02" | "05" | "09" | "10" | "11" | "12" | "13" | "16")
                )
                && !code.starts_with("166")
                && self.bare_participle_of(i, multiword.is_some()).is_some()
            {
                i += 1;
                continue;
            }
            // (Product rule.) Calling something a name labels it ("called the measures
            // \"economic war\"", "called the report a lie"): only a call without a second
            // predicate is a telephone call (041).
            // (Product rule.) An act forecast by someone else ("Congress is expected to debate
            // the law", "relations are unlikely to improve", "the talks are likely to resume")
            // is no act, and no one's intent.
            if opts.clauses && self.forecast(vp_head) {
                i += 1;
                continue;
            }
            // (Product rule.) … and a label that is an ill judgement is a denunciation (111:
            // "called Milei a fascist", "called the vote a farce", "called the attack a crime",
            // "called the sanctions unacceptable"), one that is praise is praise (051: "called
            // Tokyo a reliable partner") — whatever the bare verb would code ("called elections").
            let label = if opts.clauses && matches!(code.as_str(), "041" | "010") {
                self.label_code(vp_head)
            } else {
                None
            };
            if opts.clauses && code == "041" && label.is_none() && self.names_its_object(vp_head) {
                i += 1;
                continue;
            }
            let code = match label {
                Some(l) => l.to_string(),
                None => code,
            };
            // A statement with a clause of its own ("Russia said Sudan must return the
            // helicopter", "Hungary said it will support the resolution").
            // A verb of saying whose pattern coded what was said ("said that X attacked" → 112)
            // still has its clause read: the act told there is an event of its own.
            let statement_verb = code.starts_with("01") || block.code.starts_with("01");
            let clause =
                if opts.clauses && statement_verb { self.embedded_clause(vp_head) } else { None };
            // (Product rule.) A denial of one's own deed told as a gerund ("Moscow denied
            // targeting civilians", "the army denied killing protesters") has that deed as its
            // clause, as "denied that its troops had fired" does: the deed is coded beside the
            // denial, its doer the denier.
            let clause = clause.or_else(|| {
                (opts.clauses && code.starts_with("016"))
                    .then(|| {
                        self.children[vp_head].iter().copied().find(|&c| {
                            base_rel(&self.s.tokens[c].deprel) == "xcomp"
                                && c > vp_head
                                && self.s.tokens[c].xpos == "VBG"
                                && self.live(c)
                                && !self.children[c]
                                    .iter()
                                    .any(|&k| base_rel(&self.s.tokens[k].deprel) == "nsubj")
                        })
                    })
                    .flatten()
            });
            if let Some(c) = clause {
                if let Some(ev) = self.demand_in_clause(c, &upper, i, vp_head, vstart, vend) {
                    events.push(ev);
                    i = vp_end.max(i) + 1;
                    continue;
                }
            }
            let mut code = code;
            // (Read only by the product's modality rules below.)
            let negated =
                (opts.clauses || opts.intent) && self.negation(i, vp_head, &mut Vec::new());
            // A cooperative act announced for the future is an intent to cooperate (03), a
            // hostile one a threat (13).
            // The complement of a verb of intent or threat ("agreed to lift", "threatened to
            // cut off") takes that verb's mode.
            if opts.clauses && !is_aux && !negated {
                let modal = match self.governing_root(vp_head, dicts) {
                    Some("13") if opts.intent => threat_code(&code),
                    Some("03") => intent_code(&code)
                        .or_else(|| opts.intent.then(|| threat_code(&code)).flatten()),
                    _ if self.future(vp_head) => intent_code(&code)
                        .or_else(|| opts.intent.then(|| threat_code(&code)).flatten()),
                    _ => None,
                };
                if let Some(c) = modal {
                    code = c.to_string();
                }
            }
            // A cooperative act negated ("will not accept", "failed to reach") is refused (12).
            if opts.intent && (negated || self.failed(vp_head)) {
                if let Some(c) = refusal_code(&code) {
                    code = c.to_string();
                }
            }
            // Passive: a passive auxiliary and a `by` phrase governed by this verb.
            let passive = !is_aux
                && self.children[i].iter().any(|&c| self.s.tokens[c].deprel == "aux:pass")
                && (self.children[i].iter().any(|&c| self.s.tokens[c].deprel == "obl:agent")
                    || (i + 1..=vp_end.min(n - 1))
                        .any(|k| self.words[k] == "BY" && self.governing_verb(k) == Some(i)));
            // A passive act of force without its agent ("four children were killed in Israeli
            // shelling", "two soldiers were wounded in a rebel attack") was done to its
            // subject: the phrase after the verb, when coded, is the source, as a `by` phrase
            // would be. So is an investigation ("was put under investigation in Italy").
            let passive = passive
                || (!is_aux
                    && src_slot.is_none()
                    && tgt_slot.is_none()
                    && matches!(code.get(..2), Some("09" | "17" | "18" | "19" | "20"))
                    && self.children[i].iter().any(|&c| {
                        self.s.tokens[c].deprel == "nsubj:pass"
                            && self.phrase_of[c].is_some_and(|p| !self.phrases[p].null)
                    })
                    && self.children[i].iter().any(|&c| self.s.tokens[c].deprel == "aux:pass"));
            // A past participle modifying a noun ("soldiers killed in Ukraine", "civilians
            // imprisoned for …", "a trip aimed at …") is a passive without its auxiliary: the
            // noun is what the act was done to, and only a `by` phrase can be its source.
            let reduced_passive = !is_aux
                && multiword.is_none()
                && t.deprel == "acl"
                // (A finite past form as a bare `acl` is the tagger's misreading of the
                // participle: "soldiers killed/VBD in …"; a finite clause is `acl:relcl`.)
                && matches!(t.xpos.as_str(), "VBN" | "VBD")
                && !self.children[i].iter().any(|&c| {
                    // (A participle with a direct object is active: "In a surprise move,
                    // police confiscated weapons …" with the verb hung on "move".)
                    let r = base_rel(&self.s.tokens[c].deprel);
                    r.starts_with("nsubj") || r == "obj"
                });
            // Only acts of force and coercion (17–20) are read so: the field's records code
            // "a woman believed linked to Al-Qaeda" with the woman as the source.
            // (Product rule.) Any act so written with a `by` phrase naming an actor is read
            // so too ("200 Palestinian prisoners freed by Israel": Israel freed them).
            let by_actor = || {
                self.children[i].iter().any(|&c| {
                    self.s.tokens[c].deprel == "obl:agent"
                        && self.phrase_of[c].is_some_and(|a| !self.phrases[a].null)
                })
            };
            let reduced_passive = reduced_passive
                && (matches!(code.get(..2), Some("17" | "18" | "19" | "20"))
                    || (opts.clauses && by_actor()));
            // (Product rule.) A munition fired in the passive ("a mortar bomb was fired at
            // Israel from the Gaza Strip", "rockets were launched from Lebanon into northern
            // Israel") came from where its `from` phrase says, the only doer named, and went
            // where its `at`/`into`/`on`/`toward` phrase says.
            let launched_from = (opts.clauses
                && !is_aux
                && !passive
                && matches!(code.get(..2), Some("18" | "19"))
                && self.children[i].iter().any(|&c| self.s.tokens[c].deprel == "aux:pass")
                && self.children[i].iter().any(|&c| {
                    self.s.tokens[c].deprel == "nsubj:pass"
                        && self.phrase_of[c].is_none_or(|p| self.phrases[p].null)
                }))
            .then(|| {
                let has_case = |c: usize, cases: &[&str]| {
                    self.children[c].iter().any(|&k| {
                        self.s.tokens[k].deprel == "case" && cases.contains(&self.words[k].as_str())
                    })
                };
                let coded = |c: usize| self.phrase_of[c].filter(|&p| !self.phrases[p].null);
                let from = self.children[i].iter().copied().find(|&c| {
                    c > i
                        && base_rel(&self.s.tokens[c].deprel) == "obl"
                        && has_case(c, &["FROM"])
                        && coded(c).is_some()
                })?;
                // Where it went: an oblique of the verb, or the parser's attachment of "into
                // northern Israel" to the place it came from; a pronoun there stands for the
                // speaker who reports it ("Israel said a mortar bomb was fired at it").
                let aims = ["AT", "INTO", "ON", "TOWARD", "TOWARDS", "AGAINST"];
                let at = self.children[i]
                    .iter()
                    .copied()
                    .filter(|&c| c > i && base_rel(&self.s.tokens[c].deprel) == "obl")
                    .chain(
                        self.children[from]
                            .iter()
                            .copied()
                            .filter(|&c| base_rel(&self.s.tokens[c].deprel) == "nmod"),
                    )
                    .filter(|&c| has_case(c, &aims))
                    .find_map(|c| {
                        if self.personal_pronoun(c) {
                            self.antecedent(i)
                        } else {
                            coded(c)
                        }
                    })?;
                // (One phrase for both, "from Lebanon into northern Israel", names no pair.)
                let from = coded(from)?;
                (from != at).then_some((from, at))
            })
            .flatten();
            // (Product rule.) Any other act told in the passive without a `by` phrase ("the
            // Russian ambassador was summoned", "three officials were accused of corruption",
            // "the president was invited to the summit") was done to its subject by someone
            // unnamed: the subject is the target and the source is no one, never the subject.
            let agentless = (opts.clauses
                && !is_aux
                && !passive
                && src_slot.is_none()
                && tgt_slot.is_none()
                && !matches!(code.get(..2), Some("17" | "18" | "19" | "20"))
                // (A retreat told in the passive is the subject's own side's: "guerrillas have
                // been demobilized", "peacekeepers were shipped out of the enclave".)
                && !code.starts_with("087")
                && !code.starts_with("166")
                && self.children[i].iter().any(|&c| self.s.tokens[c].deprel == "aux:pass")
                // (A participle that says how the subject stands is no passive: "Israel is
                // opposed to French mediation", "is committed to", "is prepared to".)
                && !STANCE_PARTICIPLES.iter().any(|w| self.s.tokens[i].lemma.eq_ignore_ascii_case(w))
                // (A `by` anywhere in the verb's clause may be its doer the parser hung on a
                // later word: "has been accused of misusing funds, much of it believed to have
                // been embezzled, by government officials".)
                && !(i + 1..=self.subtree_bounds(i).1).any(|k| self.words[k] == "BY"))
            .then(|| {
                self.children[i]
                    .iter()
                    .find(|&&c| self.s.tokens[c].deprel == "nsubj:pass")
                    .and_then(|&c| self.phrase_of[c])
                    .filter(|&p| !self.phrases[p].null)
            })
            .flatten();
            let (target, agent) = if let Some((from, at)) = launched_from {
                (Some(at), Some(from))
            } else if let Some(subject) = agentless {
                (Some(subject), Some(self.nobody))
            } else if reduced_passive {
                let agent = self.children[i]
                    .iter()
                    .copied()
                    .find(|&c| self.s.tokens[c].deprel == "obl:agent")
                    .and_then(|c| self.phrase_of[c])
                    .filter(|&a| !self.phrases[a].null);
                let patient = self.head(i).and_then(|h| self.phrase_of[h]);
                // Without a `by` phrase, a coded oblique of the participle is the source, as
                // for a passive with its auxiliary ("Russian soldiers killed in Ukraine").
                let agent = agent.or_else(|| {
                    self.children[i]
                        .iter()
                        .filter(|&&c| c > i && base_rel(&self.s.tokens[c].deprel) == "obl")
                        .filter_map(|&c| self.phrase_of[c])
                        .find(|&a| !self.phrases[a].null && Some(a) != patient)
                });
                (patient.filter(|&p| agent.is_some_and(|a| a != p)), agent)
            } else {
                // (Product rule.) A pattern's target slot on a phrase that is no actor gives
                // way to the verb's coded object ("will visit Arnor and Rohan to mediate in a
                // dispute": `* TO +` reached "a dispute" through the infinitive's "to").
                let tgt_slot = match tgt_slot {
                    Some(tg) if opts.clauses && self.phrases[tg].null => {
                        self.coded_object(vp_head).or(Some(tg))
                    }
                    t => t,
                };
                // The phrase after a passive verb stands for its doer: a place there ("was
                // blown up over Eastern Ukraine by a missile believed fired by rebels") gives
                // way to an actor written from the verb's `by` phrase on.
                let by: Vec<usize> = self.children[i]
                    .iter()
                    .copied()
                    .filter(|&c| self.s.tokens[c].deprel == "obl:agent")
                    .collect();
                // (Product rule.) The `by` phrase of a passive names its doer wherever it
                // stands: "migrants were rescued off the coast of Libya by the Italian coast
                // guard" is Italy's act, not Libya's.
                let by_doer = (opts.clauses && passive)
                    .then(|| {
                        by.iter()
                            .filter_map(|&b| self.phrase_of[b])
                            .find(|&q| !self.phrases[q].null && !self.locative_place(q))
                    })
                    .flatten();
                let found = match self.find_target(&lower) {
                    Some(p) if by_doer.is_some_and(|q| q != p) => by_doer,
                    Some(p) if passive && !by.is_empty() && self.locative_place(p) => lower
                        .iter()
                        .filter(|&&k| by.iter().any(|&b| k >= self.subtree_bounds(b).0))
                        .filter_map(|&k| self.phrase_of[k])
                        .find(|&q| !self.phrases[q].null && !self.locative_place(q))
                        .or(Some(p)),
                    t => t,
                };
                // (Product rule.) A passive act of force with nothing after the verb to name
                // its doer ("two soldiers were wounded", "the officer said nine soldiers had
                // been killed", "two protesters had been shot dead") was done to its subject
                // by someone unnamed: the subject is the target, the source no one (the
                // passive swap below makes the subject the target). (Being injured or hurt
                // says no one did it — "15 people were injured" in a clash, a crush, an
                // accident —; being killed, wounded or shot is told of violence.)
                let found = found.or_else(|| {
                    (opts.clauses
                        && passive
                        && tgt_slot.is_none()
                        && matches!(code.get(..2), Some("18" | "19" | "20"))
                        && !matches!(self.s.tokens[i].lemma.as_str(), "injure" | "hurt"))
                    .then_some(self.nobody)
                });
                (tgt_slot.or(found), None)
            };
            // A bare statement (a verb of saying coded by its default, no pattern) is made to
            // or about an actor among its own dependents; one named only inside what was said
            // ("Washington said such a step enjoyed support from Moscow") is no target of it,
            // and the field's coders leave such a statement uncoded.
            // (Product rule.) A denial is of what its clause says, whoever is named there
            // ("The Kremlin denied that Russian troops had crossed into Kazakhstan"): it is
            // kept, and aimed at no one when that actor is the denier's own (below).
            let denial = opts.clauses && code.starts_with("016");
            // With no one named after the verb, the denial is about its clause's subject.
            let target = match target {
                None if denial => self.embedded_clause(vp_head).and_then(|c| {
                    self.children[c]
                        .iter()
                        .copied()
                        .find(|&k| base_rel(&self.s.tokens[k].deprel) == "nsubj")
                        .and_then(|k| self.phrase_of[k])
                        .filter(|&q| !self.phrases[q].null)
                }),
                t => t,
            };
            let denied_in_clause = target
                .is_some_and(|tg| denial && self.inside_said_clause(vp_head, &self.phrases[tg]));
            let target = target.filter(|&tg| {
                denial
                    || !(pattern.is_none()
                        && code.starts_with("01")
                        && self.inside_said_clause(vp_head, &self.phrases[tg]))
            });
            // (Product rules.) An object that is the source's own ("its troops", "their
            // ambassador") gives way to the verb's `to` phrase: "Syria offered its troops to
            // Lebanon's president" is Syria's offer to Lebanon.
            // And one's own envoys or troops withdrawn "from" a country ("recalled its
            // ambassador from Mexico City", "pulled their troops from Mali") are withdrawn from
            // it: the act (161, 087) is aimed at that country.
            let withdrawal = code.starts_with("161") || code.starts_with("087");
            let target = match target {
                Some(tg) if opts.clauses && !passive && withdrawal && self.own_possession(tg) => {
                    self.withdrawn_from(vp_head, tg)
                        .or_else(|| self.to_phrase(vp_head))
                        .or(Some(tg))
                }
                Some(tg) if opts.clauses && !passive && self.owned_by_subject(tg) => {
                    self.to_phrase(vp_head).or(Some(tg))
                }
                // (Product rule.) Forces deployed, massed or put on alert (15) that are the
                // doer's own, named by their role ("deployed additional troops", "massed
                // tanks"), are aimed at the country across the border they are sent to ("along
                // its border with China", "to the frontier with Venezuela") or, with no border
                // named, at the one they are sent to ("will deploy 5,000 troops to Lithuania").
                Some(tg)
                    if opts.clauses && !passive && code.starts_with("15") && self.role_only(tg) =>
                {
                    self.border_with(vp_head).or_else(|| self.to_phrase(vp_head)).or(Some(tg))
                }
                // (Product rule.) People sent or given as aid (07, or its promise 033) named by
                // their role alone ("will send 200 troops to Estonia", "sent a team of doctors
                // to Turkey") are not the one helped: the `to` phrase is.
                Some(tg)
                    if opts.clauses
                        && !passive
                        && (code.starts_with("07") || code.starts_with("033"))
                        && self.role_only(tg) =>
                {
                    self.to_phrase(vp_head).or(Some(tg))
                }
                t => t,
            };
            // (Product rule.) A demand or appeal that names no one after the verb is made to
            // the subject of its clause ("demanded on Friday that M23 rebels withdraw").
            let target = match target {
                Some(tg) if !self.phrases[tg].null => Some(tg),
                t if opts.clauses && matches!(code.get(..2), Some("02" | "10")) => {
                    self.clause_subject(vp_head).or(t)
                }
                t => t,
            };
            // (Product rule.) "The country" named after the verb is the country last named
            // before it in the sentence ("condemned the coup in Niger and suspended the
            // country from all its activities": Niger).
            let target = match target {
                Some(tg) if opts.clauses && self.the_country(tg) => {
                    self.country_named_before(tg).or(Some(tg))
                }
                t => t,
            };
            // (Product rule.) A pronoun object of a participial adjunct stands for the object of
            // the verb it hangs on ("expelled three French diplomats, accusing them of spying";
            // "arrested two reporters, charging them with treason").
            let target = match target {
                Some(tg) if opts.clauses && self.phrases[tg].null => {
                    let adjunct_object = || {
                        let t = &self.s.tokens[vp_head];
                        if t.xpos != "VBG"
                            || base_rel(&t.deprel) != "advcl"
                            || !self.gerund_controlled(vp_head)
                        {
                            return None;
                        }
                        let pron = self.children[vp_head].iter().copied().find(|&c| {
                            base_rel(&self.s.tokens[c].deprel) == "obj"
                                && self.phrase_of[c] == Some(tg)
                                && matches!(self.words[c].as_str(), "THEM" | "HIM" | "HER" | "IT")
                        })?;
                        let _ = pron;
                        self.coded_object(self.head(vp_head)?)
                    };
                    adjunct_object().or(Some(tg))
                }
                t => t,
            };
            let mut coded = false;
            let before = events.len();
            // A cooperative act whose only phrase after the verb is no actor ("Brazil and the
            // United States are seeking to deepen a partnership") has no target: the members
            // of a compound subject act with each other (below).
            // Hosts, mediators and sponsors of a compound subject act together for others
            // ("Venezuela and Cuba hosted talks between the two sides"), not with each other.
            let for_others = third_party_verb(&self.s.tokens[vp_head]);
            // (Product rules.) A place named after "in"/"at" is where the members met, not a
            // partner ("Ethiopia and Eritrea signed an agreement in Riyadh"); and a fight that
            // is an exchange ("Thai and Cambodian troops exchanged fire", "clashed") is
            // between the members too.
            let reciprocal = opts.clauses
                && code.starts_with("19")
                && matches!(
                    self.s.tokens[vp_head].lemma.as_str(),
                    "exchange" | "clash" | "skirmish"
                );
            // (Product rules.) Members of a compound subject who act on "each other" or "one
            // another" act on each other, whatever the act ("Thailand and Cambodia accused
            // each other"); and what they exchange or swap that belongs to no country
            // ("Russia and Ukraine exchanged 95 prisoners of war") passes between them.
            let each_other = opts.clauses
                && (target.is_some_and(|t| self.reciprocal_pronoun(t))
                    || self.children[vp_head].iter().any(|&c| {
                        base_rel(&self.s.tokens[c].deprel) == "obj"
                            && matches!(self.words[c].as_str(), "OTHER" | "ANOTHER")
                            && c > 0
                            && matches!(self.words[c - 1].as_str(), "EACH" | "ONE")
                    }));
            let swapped = opts.clauses
                && matches!(self.s.tokens[vp_head].lemma.as_str(), "exchange" | "swap" | "trade")
                && target
                    .is_some_and(|t| self.phrases[t].codes.iter().all(|c| c.starts_with("---")));
            // (Product rule: a truce two sides declare is each one's with the other: "Kyrgyzstan
            // and Tajikistan agreed to a ceasefire", "the army and the rebels declared a truce".)
            let together = matches!(code.get(..2), Some("03" | "04" | "05" | "06"))
                || (opts.clauses && code.starts_with("087"))
                || reciprocal
                || each_other
                || swapped;
            let mutual = !reduced_passive
                && !for_others
                && together
                && target.is_some_and(|t| {
                    self.phrases[t].null
                        || (each_other
                            && (self.phrases[t].codes.is_empty() || self.reciprocal_pronoun(t)))
                        || swapped
                        || (opts.clauses && self.place_only(t))
                        || (reciprocal && self.located_at(t))
                })
                && self.sides_of(vp_head, opts.clauses, reciprocal).is_some();
            let target = target.filter(|_| !mutual);
            if let Some(tg) = target {
                let source = agent
                    .or(src_slot)
                    .or_else(|| self.subject_source(vp_head, &upper, tg, opts.clauses))
                    .or_else(|| self.purpose_controller(vp_head).filter(|&c| c != tg))
                    .or_else(|| self.find_source(&upper, tg));
                if let Some(sr) = source {
                    let mut cues = Vec::new();
                    let negated = self.negation(i, vp_head, &mut cues);
                    let trigger = self.s.tokens[vstart].span.cover(self.s.tokens[vend].span);
                    let code = self.body_expelled(&code, tg, opts);
                    let code = self.platform(&code, sr, opts);
                    let code = self.law_enforcement(&code, sr, vp_head, opts);
                    self.make_events(
                        &mut events,
                        sr,
                        tg,
                        passive,
                        &code,
                        block.colon,
                        trigger,
                        negated,
                        &pattern,
                        &cues,
                        self.event_place(vp_head, dicts, opts).as_deref(),
                        self.speaker_country(vp_head, opts.clauses).as_deref(),
                        opts,
                    );
                    // (Product rule.) A passive act of force whose only phrase after the verb is
                    // a place ("a lawyer was shot dead in Nairobi") names no doer: the place did
                    // not fire. (An arrest or an investigation there is the state's: "was put
                    // under investigation in Italy".)
                    if opts.clauses
                        && passive
                        && matches!(code.get(..2), Some("18" | "19" | "20"))
                        && self.place_only(tg)
                        // ("were engaged in ethnic cleansing": the subject did it; no passive act
                        // was done to it.)
                        && !matches!(
                            self.s.tokens[vp_head].lemma.as_str(),
                            "engage" | "involve" | "implicate"
                        )
                    {
                        for e in &mut events[before..] {
                            e.source = CodedActor {
                                code: "---".into(),
                                text: String::new(),
                                span: Span::default(),
                            };
                        }
                    }
                    // (Product rule.) A denial that its own side did something ("denied that
                    // Russia had any role") is aimed at no one: the denier's country is not
                    // the target of its own denial.
                    if denied_in_clause {
                        for e in &mut events[before..] {
                            let home = country_prefix(&e.source.code);
                            if home.is_some() && home == country_prefix(&e.target.code) {
                                e.target = CodedActor {
                                    code: "---".into(),
                                    text: String::new(),
                                    span: Span::default(),
                                };
                            }
                        }
                    }
                    // (Product rule.) A protest is made in a place, not at it ("students
                    // protested in Nairobi"): with no one else named, it is aimed at home, at
                    // the source's own government, as below.
                    // (A place in another country is what the protest is aimed at: "Palestinian
                    // prisoners rioted at a jail in northern Israel".)
                    if opts.clauses && code.starts_with("14") && self.place_only(tg) {
                        for e in &mut events[before..] {
                            let home = country_prefix(&e.source.code);
                            let there = country_prefix(&e.target.code);
                            if home.is_some() && home != there {
                                continue;
                            }
                            e.target = match home {
                                Some(c) => CodedActor {
                                    code: format!("{c}GOV"),
                                    text: String::new(),
                                    span: Span::default(),
                                },
                                None => CodedActor {
                                    code: "---".into(),
                                    text: String::new(),
                                    span: Span::default(),
                                },
                            };
                        }
                    }
                    // (Product rule.) A meeting "in" a place of one side's country is no meeting
                    // at a third location (044): the host's guest visited (042), the host
                    // received a visit (043).
                    if opts.clauses && code == "044" && !self.place_only(tg) {
                        if let Some(at) = self.in_place_country(vp_head, dicts) {
                            for e in &mut events[before..] {
                                if country_prefix(&e.target.code) == Some(at.as_str()) {
                                    e.code = "042".into();
                                } else if country_prefix(&e.source.code) == Some(at.as_str()) {
                                    e.code = "043".into();
                                }
                            }
                        }
                    }
                    // (Product rule.) A state or an international body that protests complains
                    // officially (114); crowds demonstrate (141).
                    if opts.clauses && self.s.tokens[i].lemma == "protest" {
                        for e in &mut events[before..] {
                            if e.code == "141" && official(&e.source.code) {
                                e.code = "114".into();
                            }
                        }
                    }
                    // (Product rule.) A bare statement in a participial adjunct ("…, saying the
                    // men had attacked a checkpoint") is the subject's gloss on its act, no event;
                    // so is a "calling" there that labels nothing coded ("…, calling the reports
                    // a provocation"): no telephone call is told that way.
                    if opts.clauses
                        && ((pattern.is_none() && code.starts_with("01")) || code == "041")
                        && self.s.tokens[vp_head].xpos == "VBG"
                        && base_rel(&self.s.tokens[vp_head].deprel) == "advcl"
                        && self.gerund_controlled(vp_head)
                    {
                        events.truncate(before);
                    }
                    // (Product rule.) Coming back to one's own country is no visit: "President
                    // Ruto returned to Nairobi", "the minister returned to Kabul" (042 by
                    // "return" aimed at the doer's own country) give no event.
                    if opts.clauses && self.s.tokens[vp_head].lemma == "return" {
                        let mut k = before;
                        while k < events.len() {
                            let e = &events[k];
                            let home = country_prefix(&e.source.code);
                            if e.code == "042"
                                && home.is_some()
                                && home == country_prefix(&e.target.code)
                            {
                                events.remove(k);
                            } else {
                                k += 1;
                            }
                        }
                    }
                    // A purpose infinitive of the same kind as an act its controller already
                    // did ("met with Assad to discuss …", "visited Cairo to hold talks") is
                    // that act told again, not a second event.
                    // (Product rule.) A participial adjunct of casualties ("struck an apartment
                    // block, killing three people"; "shelled the town, wounding 12") is not the
                    // attack told again but its result, an event of its own.
                    if self.purpose_controller(vp_head).is_some()
                        && !(opts.clauses && self.casualty_adjunct(vp_head))
                    {
                        let root = code.get(..2);
                        let (done, new) = events.split_at(before);
                        let again = new.iter().all(|e| {
                            done.iter()
                                .any(|d| d.source.code == e.source.code && d.code.get(..2) == root)
                        });
                        if again {
                            events.truncate(before);
                        }
                    }
                    coded = true;
                }
            } else if !reduced_passive && !for_others && together {
                // "Russia and China met", "A and B agreed to cooperate": with no target, the
                // members of a compound subject cooperate with each other.
                if let Some(sr) = self.sides_of(vp_head, opts.clauses, reciprocal) {
                    let mut cues = Vec::new();
                    let negated = self.negation(i, vp_head, &mut cues);
                    let trigger = self.s.tokens[vstart].span.cover(self.s.tokens[vend].span);
                    self.make_events(
                        &mut events,
                        sr,
                        sr,
                        false,
                        &code,
                        block.colon,
                        trigger,
                        negated,
                        &pattern,
                        &cues,
                        self.event_place(vp_head, dicts, opts).as_deref(),
                        self.speaker_country(vp_head, opts.clauses).as_deref(),
                        opts,
                    );
                    coded = true;
                }
            }
            // An intent (03) coded by the verb's default alone whose complement is a
            // dictionary verb ("prepared to attend", "plans to visit") gives way to the
            // complement's own event (the field's intend + act), as a bare statement gives
            // way to its clause.
            let complement = if pattern.is_none() && code.starts_with("03") {
                self.children[vp_head].iter().copied().find(|&c| {
                    base_rel(&self.s.tokens[c].deprel) == "xcomp"
                        && self.is_verb(c)
                        && self.verb_forms(c, dicts).is_some()
                })
            } else {
                None
            };
            if coded && clause.is_some() && opts.statement_clauses {
                // The clause's own verbs are coded too; a bare statement gives way to them, a
                // coded saying (an accusation, a refusal) stands beside them, and so (product
                // rule) does a denial.
                if code.starts_with("01") && !denial {
                    let (lo, hi) = self.subtree_bounds(clause.unwrap_or(i));
                    provisional.push(Provisional {
                        events: before..events.len(),
                        lo,
                        hi,
                        root: None,
                    });
                } else if matches!(code.get(..2), Some("12" | "13")) && !denial {
                    // (Product rule.) A saying coded as the speaker's own refusal or threat
                    // ("said they will attack Iraq", "said it would not provide support")
                    // is the same event as its clause's verb coded as that refusal or threat
                    // by the same actor: the clause's event, with the deed's own trigger,
                    // stands alone. An accusation of another stays beside the deed.
                    let (lo, hi) = self.subtree_bounds(clause.unwrap_or(i));
                    let root = code.get(..2).map(String::from);
                    provisional.push(Provisional { events: before..events.len(), lo, hi, root });
                }
                i += 1;
            } else if let (true, Some(c)) = (coded, complement) {
                let (lo, hi) = self.subtree_bounds(c);
                provisional.push(Provisional { events: before..events.len(), lo, hi, root: None });
                i += 1;
            } else if coded {
                // Verbs inside the coded phrase are not coded again — up to a clause of its
                // own set off by a comma that the parser hung inside it (", a senior
                // official said on Saturday").
                // (Product rules, each the first such verb after the coded one; coding resumes
                // at the earliest.)
                let later_acts = if opts.clauses {
                    [
                        // A dictionary verb in -ing modifying a coded phrase ("police dispersed
                        // demonstrators protesting the results") is that phrase's own act.
                        self.participle_clause(i, vp_end, dicts),
                        // So is a clause of the sequel with a subject of its own ("a man stabbed
                        // a soldier before troops shot him"): its act is an event too.
                        self.sequel_clause(i, vp_end),
                        // So is a verb coordinated after ", but"/", and" that the parser hung
                        // on a verb inside the phrase ("Benin opened its borders to Africans
                        // ordered out of Nigeria, but was still refusing admittance to
                        // Ghanaians").
                        self.coordinated_clause(i, vp_end),
                        // So is a participial adjunct of the verb, its subject's second act
                        // ("expelled three diplomats, accusing them of spying").
                        self.adjunct_participle(vp_head, i, dicts),
                    ]
                } else {
                    [None; 4]
                };
                i = later_acts
                    .into_iter()
                    .chain([self.next_clause(i, vp_end)])
                    .flatten()
                    .min()
                    .unwrap_or(vp_end.max(i) + 1);
            } else {
                i += 1;
            }
        }
        // A statement whose clause yielded an event of its own is dropped.
        let mut drop = vec![false; events.len()];
        for Provisional { events: range, lo, hi, root } in &provisional {
            let (from, to) = (self.s.tokens[*lo].span.start, self.s.tokens[*hi].span.end);
            let inner: Vec<usize> = (0..events.len())
                .filter(|&k| {
                    let e = &events[k];
                    !range.contains(&k)
                        && e.trigger.start >= from
                        && e.trigger.end <= to
                        && root.as_ref().is_none_or(|r| {
                            // The same actor, or its own side: a minister saying "the police
                            // would not allow anarchy" speaks for his state's police (actors of
                            // one country, or both without one).
                            e.code.get(..2) == Some(r.as_str())
                                && events[range.clone()].iter().any(|s| {
                                    s.source.code == e.source.code
                                        || (s.source.code.get(..3) == e.source.code.get(..3)
                                            && s.source.code.len() >= 3)
                                })
                        })
                })
                .collect();
            if inner.is_empty() {
                continue;
            }
            // The saying's own pattern names the act more exactly than the clause's verb
            // alone when the deed's code does not refine it ("would not give permission" is
            // a refusal to yield, 124, where "give" alone reads as refused aid): then the
            // deed gives way instead.
            let refines = |k: &usize| {
                events[range.clone()].iter().all(|s| events[*k].code.starts_with(s.code.as_str()))
            };
            if root.is_none() || inner.iter().all(refines) {
                for k in range.clone() {
                    drop[k] = true;
                }
            } else {
                for k in inner {
                    drop[k] = true;
                }
            }
        }
        let events = events.into_iter().zip(drop).filter(|(_, d)| !d).map(|(e, _)| e);
        // Remove duplicates (same actors and code). (Product rule.) Casualties told in a
        // participial adjunct ("stormed an army base, killing 10 soldiers") are a second event
        // even when coded like the attack.
        // So is a second predicate with an object of its own ("stormed a village and killed
        // 10 people").
        let casualties = |e: &CodedEvent| {
            opts.clauses
                && self.s.tokens.iter().position(|t| t.span == e.trigger).is_some_and(|k| {
                    (self.casualty_adjunct(k) && self.head(k).is_some_and(|h| self.is_verb(h)))
                        || self.head(k).is_some_and(|h| self.second_predicate(h, k))
                })
        };
        let mut out: Vec<CodedEvent> = Vec::new();
        for e in events {
            if !out.iter().any(|o| {
                o.source.code == e.source.code
                    && o.target.code == e.target.code
                    && o.code == e.code
                    && !(o.trigger != e.trigger && casualties(&e))
            }) {
                out.push(e);
            }
        }
        out
    }

    /// For a word outside the verb tags that the verb dictionary lists as the main word of a
    /// multi-word verb: the verb-tagged word of a matching multi-word form, when the word's
    /// own noun phrase (if any) is uncoded.
    fn multiword_verb(&self, i: usize, dicts: &Dictionaries) -> Option<usize> {
        // Cheap tests first: a verb-tagged neighbour, an uncoded phrase.
        let n = self.s.tokens.len();
        if !((i > 0 && self.is_verb(i - 1)) || (i + 1 < n && self.is_verb(i + 1)))
            || self.phrase_of[i].is_some_and(|p| !self.phrases[p].null)
        {
            return None;
        }
        let forms = dicts.verbs.lookup(&self.words[i])?;
        if forms.iter().all(|f| f.pre.is_empty() && f.post.is_empty()) {
            return None;
        }
        self.pick_forms(i, forms)
            .into_iter()
            .filter(|(f, _, _)| !(f.pre.is_empty() && f.post.is_empty()))
            .find_map(|(_, a, b)| (a..=b).find(|&k| k != i && self.is_verb(k)))
    }

    /// The first verb after `v` and up to `end` that heads a loosely attached clause
    /// (`parataxis`, `appos`, an `advcl` without a subordinator) with a subject of its own
    /// and a comma before it.
    fn next_clause(&self, v: usize, end: usize) -> Option<usize> {
        (v + 1..=end.min(self.s.tokens.len().saturating_sub(1))).find(|&k| {
            self.is_verb(k)
                && (matches!(self.s.tokens[k].deprel.as_str(), "parataxis" | "appos")
                    // An adverbial clause with a subject but no subordinator is a clause
                    // of its own the parser hung there.
                    || (base_rel(&self.s.tokens[k].deprel) == "advcl"
                        && !self.children[k]
                            .iter()
                            .any(|&c| base_rel(&self.s.tokens[c].deprel) == "mark")))
                && self.children[k].iter().any(|&c| {
                    c < k && base_rel(&self.s.tokens[c].deprel) == "nsubj" && {
                        // (A closing quotation mark may stand between: `…," SDF commander X
                        // told reporters`.)
                        let lo = self.subtree_bounds(c).0;
                        (v + 1..lo)
                            .rev()
                            .find(|&j| !is_quote(&self.s.tokens[j].form))
                            .is_some_and(|j| self.s.tokens[j].form == ",")
                    }
                })
        })
    }

    /// Whether verb `k` is a second predicate of verb `v`: its conjunct after a coordinator,
    /// finite or with an auxiliary of its own, with an object of its own (no
    /// pronoun: "arrested 12 protesters and charged them" tells what befell the same people)
    /// after `v`'s own object, and no subject of its own ("stormed a village and killed 10
    /// people"; not "attacked and killed five villagers", one act told with two verbs).
    fn second_predicate(&self, v: usize, k: usize) -> bool {
        let kids = &self.children[k];
        let rel = |c: usize| base_rel(&self.s.tokens[c].deprel);
        k > v
            && self.is_verb(v)
            && self.is_verb(k)
            && rel(k) == "conj"
            && self.head(k) == Some(v)
            && kids.iter().any(|&c| c > v && c < k && rel(c) == "cc")
            && kids.iter().any(|&c| c > k && rel(c) == "obj" && self.s.tokens[c].upos != "PRON")
            && self.children[v].iter().any(|&c| c > v && c < k && rel(c) == "obj")
            && !kids.iter().any(|&c| matches!(rel(c), "nsubj" | "csubj" | "expl"))
            // (A past participle with an object of its own is active: the tagger often reads
            // a bare past tense so.)
            && (self.finite_or_aux(k) || matches!(self.s.tokens[k].xpos.as_str(), "VBN" | "VBD"))
    }

    /// The first verb after `v` and up to `end` coordinated, after a comma and a coordinator,
    /// with another verb inside `v`'s phrase, with an auxiliary or a finite form of its own
    /// (", but was still refusing …").
    fn coordinated_clause(&self, v: usize, end: usize) -> Option<usize> {
        (v + 1..=end.min(self.s.tokens.len().saturating_sub(1))).find(|&k| {
            let kids = &self.children[k];
            self.is_verb(k)
                && base_rel(&self.s.tokens[k].deprel) == "conj"
                && self.head(k).is_some_and(|h| h != v && h > v && self.is_verb(h))
                && kids.iter().any(|&c| {
                    c > 0
                        && c < k
                        && base_rel(&self.s.tokens[c].deprel) == "cc"
                        && self.s.tokens[c - 1].form == ","
                })
                && self.finite_or_aux(k)
        })
    }

    /// Whether verb `k` is finite or has an auxiliary of its own ("was still refusing"; not a
    /// bare participle, "with strings attached").
    fn finite_or_aux(&self, k: usize) -> bool {
        self.children[k].iter().any(|&c| c < k && base_rel(&self.s.tokens[c].deprel) == "aux")
            || matches!(self.s.tokens[k].xpos.as_str(), "VBD" | "VBZ" | "VBP")
    }

    /// The first verb after `v` and up to `end` that heads an adverbial clause opened by
    /// "before" or "until" with a non-pronoun subject of its own.
    fn sequel_clause(&self, v: usize, end: usize) -> Option<usize> {
        (v + 1..=end.min(self.s.tokens.len().saturating_sub(1))).find(|&k| {
            let kids = &self.children[k];
            self.is_verb(k)
                && base_rel(&self.s.tokens[k].deprel) == "advcl"
                && kids.iter().any(|&c| {
                    base_rel(&self.s.tokens[c].deprel) == "mark"
                        && matches!(
                            self.words[c].as_str(),
                            "BEFORE" | "UNTIL" | "TILL" | "AFTER" | "WHEN"
                        )
                })
                && kids.iter().any(|&c| {
                    c > v
                        && c < k
                        && base_rel(&self.s.tokens[c].deprel) == "nsubj"
                        && self.s.tokens[c].upos != "PRON"
                })
        })
    }

    /// The first dictionary verb in -ing after `v` up to `end` that modifies a coded noun
    /// phrase (`acl`: "demonstrators protesting the results").
    fn participle_clause(&self, v: usize, end: usize, dicts: &Dictionaries) -> Option<usize> {
        (v + 1..=end.min(self.s.tokens.len().saturating_sub(1))).find(|&k| {
            let t = &self.s.tokens[k];
            t.xpos == "VBG"
                && t.deprel == "acl"
                && self.live(k)
                && !self.inert[k]
                && self
                    .head(k)
                    .and_then(|h| self.phrase_of[h])
                    .is_some_and(|p| !self.phrases[p].null)
                && self.verb_forms(k, dicts).is_some()
        })
    }

    /// The first dictionary verb in -ing after `i` that is a participial adjunct of `v`
    /// without a subject of its own ("…, accusing them of spying"; "after cutting ties").
    fn adjunct_participle(&self, v: usize, i: usize, dicts: &Dictionaries) -> Option<usize> {
        if self.says(v) {
            return None;
        }
        self.children[v].iter().copied().find(|&k| {
            k > i
                && self.s.tokens[k].xpos == "VBG"
                && base_rel(&self.s.tokens[k].deprel) == "advcl"
                && self.live(k)
                && !self.inert[k]
                && self.gerund_controlled(k)
                && self.verb_forms(k, dicts).is_some()
        })
    }

    /// Whether verb `v` is an -ing adjunct (`advcl`, no subject of its own) that counts
    /// casualties: "killing three people", "wounding 12", "injuring dozens".
    fn casualty_adjunct(&self, v: usize) -> bool {
        let t = &self.s.tokens[v];
        t.xpos == "VBG"
            && base_rel(&t.deprel) == "advcl"
            && ["kill", "wound", "injure", "maim"].iter().any(|w| t.lemma.eq_ignore_ascii_case(w))
            && self.gerund_controlled(v)
    }

    /// The words of the subject of the verb that adjunct `v` hangs on, read as
    /// [`Self::upper_seq`] gives words before a verb; empty when that verb has no subject
    /// before it.
    fn controller_subject_words(&self, v: usize) -> Vec<usize> {
        let Some(h) = self.head(v).filter(|&h| h < v) else { return Vec::new() };
        let subj = self.children[h]
            .iter()
            .copied()
            .find(|&c| c < h && matches!(base_rel(&self.s.tokens[c].deprel), "nsubj"))
            // A main verb the parser hung as a modifier on the noun before it ("Twin blasts
            // ripped/acl through a market, killing …"): that noun is its subject.
            .or_else(|| {
                (self.s.tokens[h].deprel == "acl")
                    .then(|| self.head(h))
                    .flatten()
                    .filter(|&n| n < h)
            });
        let Some(subj) = subj else { return Vec::new() };
        let (lo, hi) = self.subtree_bounds(subj);
        // The head noun and the words before it first, nearest first, then what follows it
        // ("An air strike | by the Saudi-led coalition"): the weapon the head names is read
        // next to the verb, as if its modifiers after it were not there.
        let word = |k: &usize| self.pattern_word(*k);
        let end = hi.min(h.saturating_sub(1));
        let mut out: Vec<usize> = (lo..=subj.min(end)).rev().filter(word).collect();
        out.extend((subj + 1..=end).filter(word));
        out
    }

    /// Whether verb `v` is a verb of saying. An adjunct the parser hung on a trailing one
    /// ("…, the Central Command said, expanding its campaign against …") belongs to the
    /// reported clause, not to the speaker.
    fn says(&self, v: usize) -> bool {
        matches!(
            self.s.tokens[v].lemma.to_ascii_lowercase().as_str(),
            "say" | "tell" | "state" | "add" | "report" | "announce" | "claim" | "confirm"
        )
    }

    /// Whether a phrase of the sentence is coded with a country other than `code`'s.
    fn names_another_country(&self, code: &str) -> bool {
        let own = code.get(..3);
        self.phrases
            .iter()
            .flat_map(|p| &p.codes)
            .any(|c| country_prefix(c).is_some() && c.get(..3) != own && !c.starts_with("---"))
    }

    /// The phrase of verb `v`'s subject before it when that is a compound of two or more
    /// coded members.
    /// (Product rule, `clauses`.) A main verb the parser hung as `acl` on the root noun that
    /// is its subject ("The Iranian and Saudi foreign ministers met/acl in Beijing") has that
    /// noun as its subject.
    /// The subject whose members act on each other: a compound subject, or (product rule) for
    /// an exchange of fire, a subject phrase naming two countries' forces ("Pakistani and
    /// Afghan border forces exchanged fire").
    fn sides_of(&self, v: usize, clauses: bool, reciprocal: bool) -> Option<usize> {
        self.compound_subject(v, clauses).or_else(|| {
            if !reciprocal {
                return None;
            }
            let p = self.children[v]
                .iter()
                .copied()
                .find(|&c| base_rel(&self.s.tokens[c].deprel) == "nsubj" && c < v)
                .and_then(|c| self.phrase_of[c])?;
            let countries: Vec<&str> = self.phrases[p]
                .codes
                .iter()
                .filter_map(|c| c.get(..3))
                .filter(|c| !c.starts_with('-'))
                .collect();
            countries.iter().any(|c| *c != countries[0]).then_some(p)
        })
    }

    fn compound_subject(&self, v: usize, clauses: bool) -> Option<usize> {
        let hung = || {
            let h = self.head(v)?;
            (clauses
                && self.s.tokens[v].deprel == "acl"
                && self.s.tokens[h].deprel == "root"
                && h < v
                && !self.children[v].iter().any(|&c| base_rel(&self.s.tokens[c].deprel) == "nsubj"))
            .then_some(h)
        };
        self.children[v]
            .iter()
            .copied()
            .find(|&c| base_rel(&self.s.tokens[c].deprel) == "nsubj" && c < v)
            .or_else(hung)
            .and_then(|c| self.phrase_of[c])
            .filter(|&p| {
                let ph = &self.phrases[p];
                ph.compound && ph.codes.iter().filter(|c| c.as_str() != "---").count() > 1
            })
    }

    /// Whether phrase `p` is no actor and reads "the country" alone.
    fn the_country(&self, p: usize) -> bool {
        let ph = &self.phrases[p];
        ph.null
            && !ph.compound
            && ph.texts.first().is_some_and(|(ws, _)| {
                ws.len() == 2 && self.words[ws[0]] == "THE" && self.words[ws[1]] == "COUNTRY"
            })
    }

    /// The last phrase before phrase `p` that is one bare country ("Niger", `NER`).
    fn country_named_before(&self, p: usize) -> Option<usize> {
        let start = self.phrases[p].texts.first()?.1.start;
        (0..self.phrases.len()).rev().find(|&q| {
            let ph = &self.phrases[q];
            q != p
                && ph.codes.len() == 1
                && bare_country(&ph.codes[0])
                && ph.texts.first().is_some_and(|(_, sp)| sp.end <= start)
        })
    }

    /// Whether phrase `p` is the reciprocal pronoun "each other" / "one another".
    fn reciprocal_pronoun(&self, p: usize) -> bool {
        let ph = &self.phrases[p];
        ph.texts.iter().any(|(ws, _)| {
            ws.iter().any(|&k| {
                matches!(self.words[k].as_str(), "OTHER" | "ANOTHER")
                    && k > 0
                    && matches!(self.words[k - 1].as_str(), "EACH" | "ONE")
            })
        })
    }

    /// Whether phrase `p` is a role owned by "its"/"their" alone (`---MIL` for "its
    /// troops"): the subject's own people or things.
    fn owned_by_subject(&self, p: usize) -> bool {
        let ph = &self.phrases[p];
        !ph.compound
            && ph.codes.iter().all(|c| c.len() > 3 && c.starts_with("---"))
            && ph.texts.iter().all(|(ws, _)| {
                ws.iter().any(|&k| {
                    matches!(self.words[k].as_str(), "ITS" | "THEIR" | "HIS" | "HER")
                        && matches!(self.s.tokens[k].deprel.as_str(), "nmod:poss" | "det:poss")
                })
            })
    }

    /// Whether phrase `p` is a thing owned through "its"/"their" alone ("its ambassador",
    /// "their troops"): one phrase, with no proper name or nationality word of its own.
    fn own_possession(&self, p: usize) -> bool {
        let ph = &self.phrases[p];
        !ph.compound
            && ph.texts.iter().all(|(ws, _)| {
                ws.iter().any(|&k| {
                    matches!(self.words[k].as_str(), "ITS" | "THEIR")
                        && matches!(self.s.tokens[k].deprel.as_str(), "nmod:poss" | "det:poss")
                }) && ws.iter().all(|&k| !matches!(self.s.tokens[k].upos.as_str(), "PROPN" | "ADJ"))
            })
    }

    /// The coded phrase of a "from" attachment of verb `v` or of the head of its object
    /// phrase `obj` ("recalled its ambassador | from Mexico City"), not the source's own.
    fn withdrawn_from(&self, v: usize, obj: usize) -> Option<usize> {
        let heads = self.phrases[obj].texts.iter().filter_map(|(ws, _)| {
            ws.iter().copied().find(|&k| {
                let h = self.s.tokens[k].head as usize;
                h == 0 || !ws.contains(&(h - 1))
            })
        });
        std::iter::once(v).chain(heads).find_map(|g| {
            self.children[g].iter().find_map(|&c| {
                if !matches!(base_rel(&self.s.tokens[c].deprel), "obl" | "nmod")
                    || !self.children[c].iter().any(|&d| self.words[d] == "FROM")
                {
                    return None;
                }
                self.phrase_of[c].filter(|&q| q != obj && !self.phrases[q].null)
            })
        })
    }

    /// Whether phrase `p` names people by their role alone ("additional troops", "its
    /// soldiers"): one phrase, every code with no country.
    fn role_only(&self, p: usize) -> bool {
        let ph = &self.phrases[p];
        !ph.null
            && !ph.compound
            && !ph.codes.is_empty()
            && ph.codes.iter().all(|c| c.len() > 3 && c.starts_with("---"))
    }

    /// The coded country across the border named in a phrase on verb `v` ("deployed troops |
    /// along its border with China", "to the frontier with Venezuela"): the `with` phrase of
    /// a border noun.
    fn border_with(&self, v: usize) -> Option<usize> {
        self.children[v].iter().find_map(|&c| {
            if base_rel(&self.s.tokens[c].deprel) != "obl"
                || !matches!(self.words[c].as_str(), "BORDER" | "BORDERS" | "FRONTIER" | "BOUNDARY")
            {
                return None;
            }
            self.children[c].iter().find_map(|&n| {
                (base_rel(&self.s.tokens[n].deprel) == "nmod"
                    && self.children[n].iter().any(|&d| self.words[d] == "WITH"))
                .then(|| self.phrase_of[n])
                .flatten()
                .filter(|&q| !self.phrases[q].null)
            })
        })
    }

    /// The coded phrase of verb `v`'s `to` attachment ("offered its troops | to Lebanon").
    fn to_phrase(&self, v: usize) -> Option<usize> {
        self.children[v].iter().find_map(|&c| {
            if !matches!(base_rel(&self.s.tokens[c].deprel), "obl" | "iobj")
                || !self.children[c].iter().any(|&d| self.words[d] == "TO")
            {
                return None;
            }
            self.phrase_of[c].filter(|&q| !self.phrases[q].null)
        })
    }

    /// Whether every word of phrase `p` lies in a clausal complement (`ccomp`) of verb `v`:
    /// inside what was said rather than an addressee or object of the saying.
    fn inside_said_clause(&self, v: usize, p: &Phrase) -> bool {
        let mut words = p.texts.iter().flat_map(|(ws, _)| ws.iter().copied()).peekable();
        if words.peek().is_none() {
            return false;
        }
        let Some(c) = self.children[v]
            .iter()
            .copied()
            .find(|&c| base_rel(&self.s.tokens[c].deprel) == "ccomp" && c > v)
        else {
            return false;
        };
        let (lo, hi) = self.subtree_bounds(c);
        words.all(|w| (lo..=hi).contains(&w))
    }

    /// The clause a statement verb governs (`ccomp`), when it has a verb of its own; for a
    /// statement reported "as saying" ("was quoted as saying he would …"), the clause of
    /// that saying.
    fn embedded_clause(&self, v: usize) -> Option<usize> {
        let clause = |h: usize| {
            self.children[h].iter().copied().find(|&c| {
                base_rel(&self.s.tokens[c].deprel) == "ccomp"
                    && c > h
                    && self.live(c)
                    && (self.is_verb(c)
                        || self.children[c]
                            .iter()
                            .any(|&k| matches!(base_rel(&self.s.tokens[k].deprel), "aux" | "cop")))
            })
        };
        clause(v).or_else(|| {
            let saying = self.children[v].iter().copied().find(|&c| {
                base_rel(&self.s.tokens[c].deprel) == "advcl"
                    && c > v
                    && self.is_verb(c)
                    && self.children[c].iter().any(|&k| {
                        base_rel(&self.s.tokens[k].deprel) == "mark" && self.words[k] == "AS"
                    })
            })?;
            clause(saying)
        })
    }

    /// "A said B must do X" is a demand of A on B (CAMEO 10): the clause has an auxiliary
    /// of obligation and a coded subject, and the statement has a source before it.
    fn demand_in_clause(
        &self,
        c: usize,
        upper: &[usize],
        v: usize,
        vp_head: usize,
        vstart: usize,
        vend: usize,
    ) -> Option<CodedEvent> {
        let obliged = self.children[c].iter().any(|&k| {
            base_rel(&self.s.tokens[k].deprel) == "aux"
                && matches!(self.words[k].as_str(), "MUST" | "SHOULD")
        });
        if !obliged {
            return None;
        }
        let subj = self.children[c]
            .iter()
            .copied()
            .find(|&k| base_rel(&self.s.tokens[k].deprel) == "nsubj")?;
        let tgt = self.phrase_of[subj].filter(|&p| !self.phrases[p].null)?;
        // The statement's own coded subject, else the nearest actor before it ("the Red Cross
        // operating in Iraq said …": the Red Cross, not Iraq).
        let own = self.children[vp_head]
            .iter()
            .copied()
            .find(|&k| k < vp_head && base_rel(&self.s.tokens[k].deprel) == "nsubj")
            .and_then(|k| self.phrase_of[k])
            .filter(|&p| !self.phrases[p].null && p != tgt);
        let src =
            own.or_else(|| self.find_source(upper, tgt).filter(|&p| !self.phrases[p].null))?;
        let first = |p: usize| {
            let ph = &self.phrases[p];
            let k = ph.codes.iter().position(|c| c != "---").unwrap_or(0);
            let ws = &ph.texts[k].0;
            let text =
                ws.iter().map(|&w| self.s.tokens[w].form.as_str()).collect::<Vec<_>>().join(" ");
            CodedActor { code: ph.codes[k].clone(), text, span: ph.texts[k].1 }
        };
        let (source, target) = (first(src), first(tgt));
        if source.code == target.code {
            return None;
        }
        let mut cues = Vec::new();
        let negated = self.negation(v, vp_head, &mut cues);
        Some(CodedEvent {
            source,
            target,
            code: "100".into(),
            trigger: self.s.tokens[vstart].span.cover(self.s.tokens[vend].span),
            negated,
            passive: false,
            pattern: None,
            cues,
        })
    }

    /// The country (or international body) written right before an agent phrase the parser
    /// split off ("Taiwan's | Vice Foreign Minister", "EU | foreign ministers"): the code of
    /// the phrase ending on the word before (a possessive `'s` skipped), when it is a bare
    /// country or an international (IGO/NGO/IMG) code.
    fn adjacent_owner(&self, p: usize, ws: &[usize]) -> Option<String> {
        let mut k = *ws.first()?;
        loop {
            k = k.checked_sub(1)?;
            let t = &self.s.tokens[k];
            if !(t.xpos == "POS" || t.form == "'s" || t.form == "'") {
                break;
            }
        }
        let q = self.phrase_of[k].filter(|&q| q != p)?;
        let ph = &self.phrases[q];
        if ph.compound || ph.codes.len() != 1 || ph.texts[0].0.last() != Some(&k) {
            return None;
        }
        let c = &ph.codes[0];
        // An international code may name its body in several segments ("European
        // Community" IGOEUREEC).
        let bare = (c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
            || (c.len() >= 6
                && c.len().is_multiple_of(3)
                && (c.starts_with("IGO") || c.starts_with("NGO") || c.starts_with("IMG"))
                && c.bytes().all(|b| b.is_ascii_uppercase()));
        bare.then(|| c.clone())
    }

    /// The country of the place an agent phrase's head is "of", when the parser made that
    /// place a phrase of its own ("the mayor | of the West Bank city of Nablus", "the
    /// governor | of Kirkuk"): the code of that phrase when it is a bare country — or, with
    /// `any_country` (the product's rule), the country of any actor code it has ("workers |
    /// of the United Bus Company of Tehran": IRN).
    fn of_place_owner(&self, p: usize, ws: &[usize], any_country: bool) -> Option<String> {
        let &head = ws.iter().find(|&&k| self.head(k).is_none_or(|h| !ws.contains(&h)))?;
        self.children[head].iter().find_map(|&c| {
            if base_rel(&self.s.tokens[c].deprel) != "nmod"
                || !self.children[c]
                    .iter()
                    .any(|&d| base_rel(&self.s.tokens[d].deprel) == "case" && self.words[d] == "OF")
            {
                return None;
            }
            if any_country {
                return self.sole_country_of(c, p);
            }
            let q = self.phrase_of[c].filter(|&q| q != p)?;
            let ph = &self.phrases[q];
            if ph.compound || ph.codes.len() != 1 {
                return None;
            }
            let c = &ph.codes[0];
            (c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())).then(|| c.clone())
        })
    }

    /// (Product rule.) A people named by its country's demonym and placed in another country
    /// ("the Albanians of southern Serbia"): the country of the place. `idx` are the phrase's
    /// words (without punctuation and possessive marks), `code` its code, `first` its first
    /// actor as [`crate::nominal::code_words`] found it (in `idx` positions).
    fn people_of_place(
        &self,
        idx: &[usize],
        code: &str,
        first: Option<crate::nominal::FirstActor<'_>>,
        date: Option<DateKey>,
        dicts: &Dictionaries,
    ) -> Option<String> {
        if !bare_country(code) {
            return None;
        }
        let (a, len, _) = first.filter(|x| x.2 == code)?;
        let &head = idx.iter().find(|&&k| self.head(k).is_none_or(|h| !idx.contains(&h)))?;
        // The demonym is the phrase's head ("Albanians"), not a modifier ("Albanian refugees").
        let name = idx.get(a..a + len.max(1))?;
        if !name.contains(&head) {
            return None;
        }
        self.children[head].iter().find_map(|&c| {
            // (Not a word of the demonym's own name: "the Democratic People's Republic | of
            // Korea".)
            if !idx.contains(&c)
                || name.contains(&c)
                || base_rel(&self.s.tokens[c].deprel) != "nmod"
                || !self.children[c]
                    .iter()
                    .any(|&d| base_rel(&self.s.tokens[d].deprel) == "case" && self.words[d] == "OF")
            {
                return None;
            }
            // The place's own name: the attachment's head with its compound and flat words.
            let name: Vec<&str> = (self.subtree_bounds(c).0..=c)
                .filter(|&k| {
                    k == c
                        || (self.head(k) == Some(c)
                            && matches!(base_rel(&self.s.tokens[k].deprel), "compound" | "flat"))
                })
                .map(|k| self.words[k].as_str())
                .collect();
            crate::nominal::code_words(&name, date, dicts).filter(|p| bare_country(p) && p != code)
        })
    }

    /// The country prefix of the one code of the phrase word `c` belongs to, unless that phrase
    /// is `p` itself or a compound ("loyal to *Iraq's* …", "based in *east Beirut*").
    fn sole_country_of(&self, c: usize, p: usize) -> Option<String> {
        let q = self.phrase_of[c].filter(|&q| q != p)?;
        let ph = &self.phrases[q];
        if ph.compound || ph.codes.len() != 1 {
            return None;
        }
        country_prefix(&ph.codes[0]).map(str::to_string)
    }

    /// The country of the leader or state an agent phrase is "loyal to" ("militants loyal to
    /// Iraq's al-Qaeda frontman", "forces loyal to the president of X"), or of the body it is
    /// "affiliated with" ("workers affiliated with the Serbian Workers' Union"), "linked/tied
    /// to" or "allied with" ("hackers linked to Russian military intelligence", "militias
    /// allied with the government of X").
    fn loyal_owner(&self, p: usize, ws: &[usize]) -> Option<String> {
        let bond = |k: usize| {
            matches!(self.words[k].as_str(), "LOYAL" | "AFFILIATED" | "LINKED" | "TIED" | "ALLIED")
        };
        // (The word is in the phrase, or a participle after its head the phrase leaves out.)
        let head = || ws.iter().copied().find(|&k| self.head(k).is_none_or(|h| !ws.contains(&h)));
        let loyal = ws.iter().copied().find(|&k| bond(k)).or_else(|| {
            self.children[head()?].iter().copied().find(|&c| {
                self.s.tokens[c].deprel == "acl" && bond(c) && ws.first().is_some_and(|&f| c > f)
            })
        })?;
        self.children[loyal].iter().find_map(|&c| {
            if !matches!(base_rel(&self.s.tokens[c].deprel), "obl" | "nmod")
                || !self.children[c]
                    .iter()
                    .any(|&d| matches!(self.words[d].as_str(), "TO" | "WITH"))
            {
                return None;
            }
            self.sole_country_of(c, p)
        })
    }

    /// The country of the place a participle after an agent phrase's head puts it in ("a
    /// newspaper | based in east Beirut", "a group | operating in Trinidad"): the country
    /// of a phrase after "in"/"at" under that participle.
    fn acl_place(&self, p: usize, ws: &[usize]) -> Option<String> {
        let &head = ws.iter().find(|&&k| self.head(k).is_none_or(|h| !ws.contains(&h)))?;
        let acl = self.children[head].iter().copied().find(|&c| {
            self.s.tokens[c].deprel == "acl" && self.s.tokens[c].upos == "VERB" && c > head
        })?;
        self.children[acl].iter().find_map(|&c| {
            if base_rel(&self.s.tokens[c].deprel) != "obl"
                || !self.children[c].iter().any(|&d| {
                    base_rel(&self.s.tokens[d].deprel) == "case"
                        && matches!(self.words[d].as_str(), "IN" | "AT")
                })
            {
                return None;
            }
            self.sole_country_of(c, p)
        })
    }

    /// Whether word `k` is a personal pronoun (tagged so by the tagger: `PRP`, or
    /// `PronType=Prs`), not a demonstrative, relative or indefinite one.
    fn personal_pronoun(&self, k: usize) -> bool {
        let t = &self.s.tokens[k];
        t.upos == "PRON" && (t.xpos == "PRP" || t.feats.contains("PronType=Prs"))
    }

    /// The coded subject of the nearest verb above `v` whose complement or reported clause
    /// holds it (`ccomp`/`xcomp`, through coordination), for a pronoun subject of `v`.
    fn antecedent(&self, v: usize) -> Option<usize> {
        let mut cur = v;
        for _ in 0..4 {
            if !matches!(base_rel(&self.s.tokens[cur].deprel), "ccomp" | "xcomp" | "conj") {
                return None;
            }
            let h = self.head(cur)?;
            let subj = self.children[h]
                .iter()
                .copied()
                .find(|&c| base_rel(&self.s.tokens[c].deprel) == "nsubj" && c < h);
            if let Some(p) = subj.and_then(|c| self.phrase_of[c]) {
                if !self.phrases[p].null {
                    return Some(p);
                }
                if !subj.is_some_and(|c| self.personal_pronoun(c)) {
                    return None;
                }
            }
            cur = h;
        }
        None
    }

    /// The CAMEO root of the own code of the dictionary verb whose complement `v` is
    /// ("agreed to lift": 03, "threatened to cut off": 13; none for a verb coded `---`).
    fn governing_root<'d>(&self, v: usize, dicts: &'d Dictionaries) -> Option<&'d str> {
        if base_rel(&self.s.tokens[v].deprel) != "xcomp" {
            return None;
        }
        let g = self.head(v).filter(|&g| self.is_verb(g))?;
        let code = &self.verb_forms(g, dicts)?.first()?.code;
        code.get(..2).filter(|r| r.bytes().all(|b| b.is_ascii_digit()))
    }

    /// The verb dictionary's forms for word `k`: by its form, else by its lemma.
    fn verb_forms<'d>(&self, k: usize, dicts: &'d Dictionaries) -> Option<&'d Vec<VerbForm>> {
        dicts
            .verbs
            .lookup(&self.words[k])
            .or_else(|| dicts.verbs.forms.get(&self.s.tokens[k].lemma.to_uppercase()))
    }

    /// (Product rule.) Only people are deported (174): an international body forced out of a
    /// country ("forced the UN refugee agency out") is expelled (166); and a diplomat forced
    /// out, by whatever verb ("expelled three diplomats", "ordered the ambassador to leave",
    /// "ordered the expulsion of the envoy", "drove the consul out"), is a cut in diplomatic
    /// relations (161), as the CAMEO codebook codes expelled envoys.
    fn body_expelled(&self, code: &str, target: usize, opts: &Options) -> String {
        if !opts.clauses || !(code.starts_with("174") || code.starts_with("166")) {
            return code.to_string();
        }
        let ph = &self.phrases[target];
        if !ph.null && ph.texts.iter().all(|(ws, _)| self.envoy_head(ws)) {
            return "161".to_string();
        }
        let body =
            !ph.null && ph.codes.iter().all(|c| c.starts_with("IGO") || c.starts_with("NGO"));
        if code.starts_with("174") && body {
            "166".to_string()
        } else {
            code.to_string()
        }
    }

    /// Whether the head of the phrase of words `ws` (the word whose head lies outside them), or
    /// the noun its act is "of" ("the expulsion of the ambassador"), names a diplomat: an
    /// ambassador, envoy, diplomat, consul, attaché or chargé d'affaires.
    fn envoy_head(&self, ws: &[usize]) -> bool {
        let envoy = |k: usize| {
            let w = self.words[k].rsplit('_').next().unwrap_or("");
            matches!(
                w.strip_suffix('S').unwrap_or(w),
                "AMBASSADOR"
                    | "ENVOY"
                    | "DIPLOMAT"
                    | "CONSUL"
                    | "ATTACHE"
                    | "ATTACHÉ"
                    | "CHARGE"
                    | "CHARGÉ"
            )
        };
        let head = ws.iter().copied().find(|&k| {
            let h = self.s.tokens[k].head as usize;
            h == 0 || !ws.contains(&(h - 1))
        });
        head.is_some_and(|k| {
            envoy(k)
                || self.children[k].iter().any(|&c| {
                    ws.contains(&c)
                        && base_rel(&self.s.tokens[c].deprel) == "nmod"
                        && self.children[c].iter().any(|&p| self.words[p] == "OF")
                        && envoy(c)
                })
        })
    }

    /// (Product rule.) An act of force coded by its verb or weapon (190 unspecified, 194
    /// artillery, rockets and missiles) is aerial (195) when the doers named are aircraft
    /// ("Israeli warplanes fired missiles at …", "helicopter gunships struck …") and drone
    /// warfare (1952) when they are drones: CAMEO's 195 is set by the platform, not the
    /// munition.
    fn platform(&self, code: &str, source: usize, opts: &Options) -> String {
        // (A bombing by aircraft is aerial too: "the air force bombed a market".)
        if !opts.clauses || !matches!(code, "190" | "194" | "183" | "1834") {
            return code.to_string();
        }
        let ph = &self.phrases[source];
        // (An air force is its aircraft: "AIR FORCE" or "AIR_FORCE" as its head reads PLANE.)
        let heads = ph.texts.iter().filter_map(|(ws, _)| {
            let &k = ws.last()?;
            let w = self.words[k].as_str();
            let air = w.ends_with("AIR_FORCE")
                || (w == "FORCE" && ws.len() > 1 && self.words[ws[ws.len() - 2]] == "AIR");
            Some(if air { "PLANE" } else { w })
        });
        let mut aerial = false;
        let mut drone = false;
        // (Bare "fighters" are combatants — "Islamic State fighters stormed …" — the aircraft
        // are "fighter jets"; a "suicide bomber" is a man on foot.)
        let suicide = ph.texts.iter().flat_map(|(ws, _)| ws).any(|&k| self.words[k] == "SUICIDE");
        // (Hackers' means is the network: "hackers attacked the computer systems of a water
        // utility", "hackers targeted the ministry" is a cyber attack, 176. The head of the
        // doer's phrase is read, not its last word: "hackers linked to the Revolutionary
        // Guards".)
        let hackers = ph.texts.iter().all(|(ws, _)| {
            ws.iter().any(|&k| {
                let h = self.s.tokens[k].head as usize;
                (h == 0 || !ws.contains(&(h - 1)))
                    && matches!(self.words[k].as_str(), "HACKER" | "HACKERS")
            })
        });
        if hackers && !ph.texts.is_empty() {
            return "176".to_string();
        }
        for w in heads {
            let w = w.rsplit('_').next().unwrap_or(w);
            match w.trim_end_matches('S') {
                "DRONE" | "UAV" => drone = true,
                "BOMBER" if !suicide => aerial = true,
                "WARPLANE" | "JET" | "AIRCRAFT" | "HELICOPTER" | "GUNSHIP" | "CHOPPER"
                | "PLANE" => aerial = true,
                _ => return code.to_string(),
            }
        }
        if drone && !aerial {
            "1952".to_string()
        } else if aerial {
            "195".to_string()
        } else {
            code.to_string()
        }
    }

    /// (Product rule.) An arrest of soldiers is an arrest, not a capture (see the body).
    /// A raid or search by police, prosecutors or investigators ("prosecutors
    /// raided the offices of the opposition party", "police raided a newspaper's headquarters",
    /// "anti-graft agents searched the minister's home") is law enforcement: a seizure of
    /// premises (171), not an act of military force. Troops or militants raiding a village
    /// stay 190. Only the generic 190 the verb alone gives is changed.
    fn law_enforcement(&self, code: &str, source: usize, v: usize, opts: &Options) -> String {
        // (The word, not the lemma: the lemmatizer gives "raided" as "raide".)
        let w = self.words[v].as_str();
        // Arresting and detaining are acts of law whoever is held: "the government arrested 14
        // soldiers over a coup attempt" is an arrest (173); soldiers captured or seized by the
        // other side are taken captive (181).
        if opts.clauses
            && code == "181"
            && ["ARREST", "DETAIN", "JAIL", "IMPRISON", "REMAND", "APPREHEND", "INDICT"]
                .iter()
                .any(|p| w.starts_with(p))
        {
            return "173".to_string();
        }
        if !opts.clauses || code != "190" || !(w.starts_with("RAID") || w.starts_with("SEARCH")) {
            return code.to_string();
        }
        let ph = &self.phrases[source];
        // (A coded doer carries a justice role after its country or elite blocks: `UKRJUD`,
        // `---COP`, `TURELICOP`; none of them one of armed force.)
        let role = |c: &str, roles: &[&str]| {
            (3..c.len()).step_by(3).any(|at| c.get(at..at + 3).is_some_and(|r| roles.contains(&r)))
        };
        let justice = ph.codes.iter().any(|c| role(c, &["COP", "JUD"]))
            && !ph.codes.iter().any(|c| role(c, &["MIL", "REB", "INS", "SEP", "UAF"]));
        if !ph.null && justice {
            "171".to_string()
        } else {
            code.to_string()
        }
    }

    /// "Failed to X": the verb is the complement of a verb of not doing.
    fn failed(&self, v: usize) -> bool {
        base_rel(&self.s.tokens[v].deprel) == "xcomp"
            && self.head(v).is_some_and(|h| self.s.tokens[h].lemma.eq_ignore_ascii_case("fail"))
    }

    /// The verb is announced for the future: "will"/"would"/"shall" with it, "may"/"might"/
    /// "could" with an "if"/"unless" after it, or it is the complement of "willing", "ready",
    /// "prepared", "plans", "intends".
    fn future(&self, v: usize) -> bool {
        let aux = self.children[v].iter().any(|&k| {
            base_rel(&self.s.tokens[k].deprel) == "aux"
                && matches!(self.words[k].as_str(), "WILL" | "WOULD" | "SHALL" | "'LL")
        });
        // "may/might/could halt … if (unless) …": an act made conditional on the other side
        // is announced for the future too (the clause up to its next comma holds the "if").
        let conditional = || {
            self.children[v].iter().any(|&k| {
                base_rel(&self.s.tokens[k].deprel) == "aux"
                    && matches!(self.words[k].as_str(), "MAY" | "MIGHT" | "COULD")
            }) && (v + 1..self.s.tokens.len())
                .take_while(|&k| !matches!(self.s.tokens[k].form.as_str(), "," | ";" | ":"))
                .any(|k| {
                    matches!(self.words[k].as_str(), "IF" | "UNLESS")
                        && matches!(self.s.tokens[k].upos.as_str(), "SCONJ" | "ADP")
                })
        };
        // (Product rule.) The purpose infinitive of an act announced for the future is
        // announced with it ("will send a team to help identify victims").
        let purpose_of_future = || {
            matches!(base_rel(&self.s.tokens[v].deprel), "advcl" | "xcomp")
                && self.children[v]
                    .iter()
                    .any(|&k| self.words[k] == "TO" && base_rel(&self.s.tokens[k].deprel) == "mark")
                && self.head(v).is_some_and(|h| h < v && self.is_verb(h) && self.future(h))
        };
        // "ready/willing/prepared to hold talks" read off the words themselves, also when the
        // parser hung the infinitive elsewhere ("Russia is ready to hold talks with Ukraine,
        // the Kremlin said": `advcl` of "said").
        let ready_to = || {
            self.children[v].iter().any(|&k| {
                k > 0
                    && k < v
                    && self.words[k] == "TO"
                    && base_rel(&self.s.tokens[k].deprel) == "mark"
                    && matches!(self.words[k - 1].as_str(), "READY" | "WILLING" | "PREPARED")
            })
        };
        // "is scheduled/due/set to meet": an act timetabled for the future. ("is expected to"
        // is somebody else's forecast, no announcement.)
        let timetabled = || {
            matches!(base_rel(&self.s.tokens[v].deprel), "xcomp")
                && self.head(v).is_some_and(|h| {
                    matches!(self.words[h].as_str(), "SCHEDULED" | "DUE" | "SET" | "SLATED")
                        && self.children[h].iter().any(|&k| {
                            matches!(base_rel(&self.s.tokens[k].deprel), "aux:pass" | "cop" | "aux")
                                && matches!(
                                    self.words[k].as_str(),
                                    "IS" | "ARE" | "WAS" | "WERE" | "BE" | "BEEN" | "'S" | "'RE"
                                )
                        })
                })
        };
        // ("plans to impose" also when the tagger read "plans" as a noun: `acl`)
        aux || conditional()
            || timetabled()
            || purpose_of_future()
            || ready_to()
            || (matches!(base_rel(&self.s.tokens[v].deprel), "xcomp" | "acl")
                && self.head(v).is_some_and(|h| {
                    matches!(
                        self.s.tokens[h].lemma.to_ascii_lowercase().as_str(),
                        "willing" | "ready" | "prepared" | "plan" | "intend"
                    )
                }))
    }

    /// Chooses the dictionary form matching around word `i` (multi-word verbs first).
    /// Returns the form and the first and last word of the verb.
    fn pick_forms<'d>(&self, i: usize, forms: &'d [VerbForm]) -> Vec<(&'d VerbForm, usize, usize)> {
        let n = self.s.tokens.len();
        let mut best: Vec<(&VerbForm, usize, usize, usize)> = Vec::new();
        for f in forms {
            let mut ok = true;
            let mut end = i;
            let mut k = i + 1;
            for w in &f.post {
                while k < n
                    && self.words[k] != *w
                    && (is_skip_word(&self.words[k]) || self.s.tokens[k].upos == "PUNCT")
                {
                    k += 1;
                }
                if k < n && self.words[k] == *w {
                    end = k;
                    k += 1;
                } else {
                    ok = false;
                    break;
                }
            }
            let mut start = i;
            if ok {
                let mut k = i;
                for w in &f.pre {
                    let mut found = false;
                    while k > 0 {
                        k -= 1;
                        if self.words[k] == *w {
                            found = true;
                            start = k;
                            break;
                        }
                        if !is_skip_word(&self.words[k]) {
                            break;
                        }
                    }
                    if !found {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                let len = f.pre.len() + f.post.len();
                best.push((f, start, end, len));
            }
        }
        best.sort_by_key(|b| std::cmp::Reverse(b.3));
        best.into_iter().map(|(f, s, e, _)| (f, s, e)).collect()
    }

    /// Where to read the words before a verb from when its subject is set off by a comma
    /// ("A member of the group, who was to carry out the attack, turned himself in"): right
    /// after the subject's own words, so the comma clause between them does not hide it.
    fn subject_across_comma(&self, v: usize, vstart: usize) -> Option<usize> {
        let subj = self.children[v].iter().copied().find(|&c| {
            c < vstart
                && base_rel(&self.s.tokens[c].deprel) == "nsubj"
                && self.s.tokens[c].upos != "PRON"
        })?;
        let comma_between = (subj + 1..vstart)
            .any(|k| self.live(k) && self.s.tokens[k].form == "," && self.phrase_of[k].is_none());
        if !comma_between {
            return None;
        }
        // The subject's words up to the first comma after it.
        let stop = (subj + 1..vstart).find(|&k| self.s.tokens[k].form == ",").unwrap_or(vstart);
        let (_, hi) = self.subtree_bounds(subj);
        Some(hi.min(stop.saturating_sub(1)).max(subj) + 1)
    }

    /// The coded phrase of verb `v`'s direct object, if any.
    fn coded_object(&self, v: usize) -> Option<usize> {
        self.children[v]
            .iter()
            .filter(|&&c| base_rel(&self.s.tokens[c].deprel) == "obj")
            .filter_map(|&c| self.phrase_of[c])
            .find(|&p| !self.phrases[p].null)
    }

    /// For an adverbial clause's verb with a subordinator and an explicit (non-pronoun) subject
    /// between it and the verb: the subordinator's index. (A reported "that" clause still
    /// reads the words before it: "Syrian state media reported that air defences intercepted".)
    fn own_subject_after_mark(&self, v: usize) -> Option<usize> {
        let rel = |c: usize| base_rel(&self.s.tokens[c].deprel);
        if rel(v) != "advcl" {
            return None;
        }
        let m = self.children[v].iter().copied().find(|&c| c < v && rel(c) == "mark")?;
        self.children[v]
            .iter()
            .any(|&c| m < c && c < v && rel(c) == "nsubj" && self.s.tokens[c].upos != "PRON")
            .then_some(m)
    }

    /// (Product rule.) The country of the coded subject of the statement whose reported
    /// clause holds verb `v` (through [`Self::antecedent`]'s chain), for an "its"/"their" in
    /// `v`'s source.
    fn speaker_country(&self, v: usize, clauses: bool) -> Option<String> {
        if !clauses {
            return None;
        }
        let p = self.antecedent(v)?;
        let ph = &self.phrases[p];
        let mut countries = ph.codes.iter().filter_map(|c| country_prefix(c));
        let first = countries.next()?;
        countries.all(|c| c == first).then(|| first.to_string())
    }

    /// The first word of verb `v` itself or of the auxiliaries and negation before it.
    fn clause_start(&self, v: usize) -> usize {
        self.children[v]
            .iter()
            .copied()
            .filter(|&c| {
                c < v
                    && matches!(
                        base_rel(&self.s.tokens[c].deprel),
                        "aux" | "advmod" | "neg" | "mark"
                    )
            })
            .min()
            .unwrap_or(v)
    }

    /// Words before the verb, nearest first, back to a comma or the sentence start.
    fn upper_seq(&self, v: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut k = v;
        while k > 0 {
            k -= 1;
            if !self.live(k) {
                continue;
            }
            let t = &self.s.tokens[k];
            if t.form == "," && self.phrase_of[k].is_none() {
                break;
            }
            if !self.pattern_word(k) {
                continue;
            }
            out.push(k);
        }
        out
    }

    /// Whether word `k` is read by a pattern's side: a live word, no punctuation or
    /// possessive ending.
    fn pattern_word(&self, k: usize) -> bool {
        let t = &self.s.tokens[k];
        self.live(k) && !(t.upos == "PUNCT" || t.xpos == "POS")
    }

    /// Where the words after a verb end: the end of its phrase in the tree, or — when the
    /// parser left no coded noun phrase there but the words up to the clause's next comma
    /// hold one ("Arnor will abandon | ties with Gondor …" with the object hung under a
    /// later verb) — that comma, as the field's linear coders read a clause.
    fn lower_end(&self, vend: usize, vp_end: usize) -> usize {
        let coded = |lo: usize, hi: usize| {
            (lo..=hi)
                .any(|k| self.live(k) && self.phrase_of[k].is_some_and(|p| !self.phrases[p].null))
        };
        let n = self.s.tokens.len();
        if vend + 1 >= n || (vp_end > vend && coded(vend + 1, vp_end)) {
            return vp_end;
        }
        let mut end = vp_end;
        for k in vend + 1..n {
            let t = &self.s.tokens[k];
            if self.live(k)
                && self.phrase_of[k].is_none()
                && matches!(t.form.as_str(), "," | ";" | ":" | "--")
            {
                break;
            }
            end = k;
        }
        if end > vp_end && coded(vp_end + 1, end) {
            end
        } else {
            vp_end
        }
    }

    /// Whether phrase `p` is a place named after a preposition of place ("over Eastern
    /// Ukraine", "in Beirut"): a name coded as a bare country heading a phrase with such a
    /// preposition. ("In Israeli shelling" is no place: its head is the act.)
    fn locative_place(&self, p: usize) -> bool {
        self.bare_country_after_preposition(p, true)
    }

    /// Whether phrase `p` is a bare country's place after a locative preposition, whatever its
    /// head word ("at the Chaman crossing", "near the border town of Rafah").
    fn located_at(&self, p: usize) -> bool {
        !self.phrases[p].codes.is_empty() && self.bare_country_after_preposition(p, false)
    }

    /// Whether phrase `p` is coded only as bare countries and its head word (a name, when
    /// `name_head`) has a preposition of place.
    fn bare_country_after_preposition(&self, p: usize, name_head: bool) -> bool {
        let ph = &self.phrases[p];
        let bare = |c: &String| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase());
        if ph.compound || !ph.codes.iter().all(bare) {
            return false;
        }
        let Some((ws, _)) = ph.texts.first() else { return false };
        ws.iter().any(|&k| {
            self.head(k).is_none_or(|h| !ws.contains(&h))
                && (!name_head || self.s.tokens[k].upos == "PROPN")
                && self.children[k].iter().any(|&c| {
                    base_rel(&self.s.tokens[c].deprel) == "case"
                        && locative_preposition(&self.words[c])
                })
        })
    }

    /// The country of a place named after "in"/"at" in verb `v`'s own clause ("met his
    /// Qatari counterpart in Cairo": EGY), looked up by its own words (the phrase holding it
    /// may be coded by another actor).
    fn in_place_country(&self, v: usize, dicts: &Dictionaries) -> Option<String> {
        let (lo, hi) = self.subtree_bounds(v);
        (lo..=hi).find_map(|k| {
            let t = &self.s.tokens[k];
            if t.upos != "PROPN"
                || !matches!(base_rel(&t.deprel), "obl" | "nmod")
                || self.governing_verb(k) != Some(v)
                || !self.children[k].iter().any(|&c| {
                    base_rel(&self.s.tokens[c].deprel) == "case"
                        && matches!(self.words[c].as_str(), "IN" | "AT")
                })
            {
                return None;
            }
            let rel = |c: usize| base_rel(&self.s.tokens[c].deprel);
            let first = self.children[k]
                .iter()
                .copied()
                .filter(|&c| c < k && matches!(rel(c), "compound" | "flat"))
                .min()
                .unwrap_or(k);
            let last =
                self.children[k].iter().copied().filter(|&c| c > k && rel(c) == "flat").max();
            let words: Vec<&str> =
                (first..=last.unwrap_or(k)).map(|j| self.words[j].as_str()).collect();
            let code = crate::nominal::code_words(&words, None, dicts)?;
            country_prefix(&code).map(str::to_string)
        })
    }

    /// The country where verb `v`'s act happened, for actors named without one:
    /// [`Self::verb_place`], else (product rule) a place after "in"/"at" read by its own
    /// words where the phrase holding it is coded otherwise ("stormed the parliament
    /// building in Nairobi").
    /// (Product rule.) A clause without a subject of its own that adds to another verb's
    /// deed — a participle ("blew himself up at a mosque in Peshawar, killing 30 worshippers",
    /// "stormed a hotel in Mogadishu, taking guests hostage") or a conjunct ("attacked a police
    /// station in Quetta and killed five officers") — happened where that deed did.
    fn event_place(&self, v: usize, dicts: &Dictionaries, opts: &Options) -> Option<String> {
        let own = |v: usize| {
            self.verb_place(v, opts.clauses, opts.clauses.then_some(dicts))
                .or_else(|| opts.clauses.then(|| self.in_place_country(v, dicts)).flatten())
        };
        own(v).or_else(|| {
            let subjectless = !self.children[v]
                .iter()
                .any(|&c| base_rel(&self.s.tokens[c].deprel).starts_with("nsubj"));
            let adds = matches!(base_rel(&self.s.tokens[v].deprel), "advcl" | "conj")
                && !self.children[v].iter().any(|&c| base_rel(&self.s.tokens[c].deprel) == "mark");
            (opts.clauses && subjectless && adds).then(|| self.head(v).and_then(own)).flatten()
        })
    }

    /// The coded subject of verb `v`'s complement clause ("demanded that *M23 rebels*
    /// withdraw").
    fn clause_subject(&self, v: usize) -> Option<usize> {
        let c = self.children[v]
            .iter()
            .copied()
            .find(|&c| base_rel(&self.s.tokens[c].deprel) == "ccomp" && self.is_verb(c))?;
        self.children[c]
            .iter()
            .copied()
            .find(|&k| base_rel(&self.s.tokens[k].deprel) == "nsubj")
            .and_then(|k| self.phrase_of[k])
            .filter(|&p| !self.phrases[p].null)
    }

    /// Whether phrase `p` codes only a place: [`Self::locative_place`], or a phrase whose
    /// bare-country codes come from a name after "in"/"at" inside it ("a border agreement
    /// in Riyadh", "talks in Washington").
    fn place_only(&self, p: usize) -> bool {
        if self.locative_place(p) {
            return true;
        }
        let ph = &self.phrases[p];
        let bare = |c: &String| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase());
        if ph.compound || ph.codes.is_empty() || !ph.codes.iter().all(bare) {
            return false;
        }
        let Some((ws, _)) = ph.texts.first() else { return false };
        // A name outside the place's own words may be what was coded ("his Qatari
        // counterpart in Cairo" is Qatar's).
        let named = |j: usize| {
            let t = &self.s.tokens[j];
            t.upos == "PROPN"
                || (t.upos == "ADJ" && t.form.chars().next().is_some_and(char::is_uppercase))
        };
        ws.iter().any(|&k| {
            self.s.tokens[k].upos == "PROPN"
                && self.head(k).is_some_and(|h| ws.contains(&h) && self.s.tokens[h].upos != "PROPN")
                && self.children[k].iter().any(|&c| {
                    base_rel(&self.s.tokens[c].deprel) == "case"
                        && locative_preposition(&self.words[c])
                })
                && {
                    let (lo, hi) = self.subtree_bounds(k);
                    ws.iter().all(|&j| (lo..=hi).contains(&j) || !named(j))
                }
        })
    }

    /// Whether verb `v` gives its object a second predicate: an adjective or noun complement
    /// ("called the report a lie") or a quoted apposition ("called the measures \"economic
    /// war\"").
    fn names_its_object(&self, v: usize) -> bool {
        let toks = &self.s.tokens;
        let nominal = |k: usize| matches!(toks[k].upos.as_str(), "ADJ" | "NOUN" | "PROPN");
        let quote = |k: usize| matches!(toks[k].form.as_str(), "\"" | "“" | "”" | "``" | "'" | "‘");
        self.children[v].iter().any(|&c| {
            let r = base_rel(&toks[c].deprel);
            (r == "xcomp" && nominal(c))
                || (r == "obj"
                    && self.children[c].iter().any(|&a| {
                        toks[a].deprel == "appos"
                            && (toks[a].upos == "ADJ" || (c + 1..a).any(quote))
                    }))
        })
    }

    /// Whether verb `v` is the infinitive of a forecast: the complement of "is expected",
    /// "is predicted", "is likely", "is unlikely" ("is expected to debate", "are unlikely to
    /// improve"). An actor's own expectation ("Iran expects to sign") is not read here.
    fn forecast(&self, v: usize) -> bool {
        let has_to = self.children[v].iter().any(|&k| {
            k < v && self.words[k] == "TO" && base_rel(&self.s.tokens[k].deprel) == "mark"
        });
        if !has_to || base_rel(&self.s.tokens[v].deprel) != "xcomp" {
            return false;
        }
        let Some(h) = self.head(v) else { return false };
        let lemma = self.s.tokens[h].lemma.to_ascii_lowercase();
        let kids = &self.children[h];
        let passive = kids.iter().any(|&k| self.s.tokens[k].deprel == "aux:pass");
        let copula = kids.iter().any(|&k| base_rel(&self.s.tokens[k].deprel) == "cop");
        (passive && matches!(lemma.as_str(), "expect" | "predict" | "forecast" | "project"))
            || (copula && matches!(lemma.as_str(), "likely" | "unlikely"))
    }

    /// The code the label of naming verb `v` ("called X a …") gives it: 111 for an ill
    /// judgement ("a fascist", "a crime", "an act of terrorism", "unacceptable"), 051 for praise,
    /// none for any other label or none at all (see [`crate::label`]).
    fn label_code(&self, v: usize) -> Option<&'static str> {
        if !crate::label::NAMING_VERBS.contains(&self.s.tokens[v].lemma.to_lowercase().as_str()) {
            return None;
        }
        let (_, l) = crate::label::label_of(self.s, &self.children, v)?;
        crate::label::judgement(self.s, &self.children, l)
    }

    /// Whether verb `v` is a bare past participle (`acl`, no subject or object of its own, no
    /// `by` phrase) modifying a noun, not the root, whose phrase is no actor. `skip`: not this reading (a
    /// multi-word verb's main word).
    /// So is a clause without a subject of its own under such a participle ("a trip aimed at
    /// pushing for a ceasefire": the pushing is the trip's).
    fn thing_participle(&self, v: usize, skip: bool) -> bool {
        self.bare_participle_of(v, skip)
            .is_some_and(|h| self.phrase_of[h].is_none_or(|p| self.phrases[p].null))
    }

    /// The noun a bare past participle modifies (see [`Self::thing_participle`]), whatever
    /// that noun's phrase codes as.
    fn bare_participle_of(&self, v: usize, skip: bool) -> Option<usize> {
        let t = &self.s.tokens[v];
        if skip {
            return None;
        }
        let mut v = v;
        let mut t = t;
        for _ in 0..4 {
            let bare = matches!(base_rel(&t.deprel), "advcl" | "xcomp")
                && !self.children[v].iter().any(|&c| base_rel(&self.s.tokens[c].deprel) == "nsubj");
            match self.head(v) {
                Some(h) if bare && self.is_verb(h) => {
                    v = h;
                    t = &self.s.tokens[h];
                }
                _ => break,
            }
        }
        if t.deprel != "acl" || !matches!(t.xpos.as_str(), "VBN" | "VBD") {
            return None;
        }
        // (A noun at the root with the participle as the only verb is the subject of a main
        // verb the parser hung on it: "Tens of thousands of people rallied in Yerevan".)
        let h = self
            .head(v)
            .filter(|&h| h < v && is_nominal(&self.s.tokens[h]) && self.head(h).is_some())?;
        let own = self.children[v].iter().any(|&c| {
            let r = self.s.tokens[c].deprel.as_str();
            base_rel(r) == "nsubj" || r == "obj" || r == "obl:agent"
        });
        (!own).then_some(h)
    }

    /// For a "to" infinitive of purpose with no subject of its own (`advcl`, or `acl` of a
    /// coded noun): the coded phrase that does it — the noun it modifies ("Iraq's adviser …
    /// to discuss"), or the subject of the verb it serves ("Iraq sent envoys to Cairo to
    /// negotiate"). An object-control complement (`xcomp`: "urged the EU to support …") is
    /// not read here: its doer is the object.
    fn purpose_controller(&self, v: usize) -> Option<usize> {
        let rel = base_rel(&self.s.tokens[v].deprel);
        if !matches!(rel, "advcl" | "acl") || self.s.tokens[v].deprel == "acl:relcl" {
            return None;
        }
        let kids = &self.children[v];
        let to = kids.iter().any(|&c| {
            c < v && base_rel(&self.s.tokens[c].deprel) == "mark" && self.words[c] == "TO"
        });
        // (Product rule.) A participial adjunct ("…, accusing them of spying", "after cutting
        // ties with Taiwan") is done by the subject of the verb it hangs on, like a purpose.
        let ing = rel == "advcl"
            && self.s.tokens[v].xpos == "VBG"
            && self.gerund_controlled(v)
            && !self.head(v).is_some_and(|h| self.says(h));
        if !(to || ing) || kids.iter().any(|&c| base_rel(&self.s.tokens[c].deprel) == "nsubj") {
            return None;
        }
        let h = self.head(v).filter(|&h| h < v)?;
        let p = if rel == "acl" {
            self.phrase_of[h]?
        } else {
            let subj = self.children[h]
                .iter()
                .copied()
                .find(|&c| self.s.tokens[c].deprel == "nsubj" && c < h)?;
            self.phrase_of[subj]?
        };
        (!self.phrases[p].null).then_some(p)
    }

    /// Whether word `k`, inside the phrase of verb `v`, sits in a clause with a subject of its
    /// own that is not `v`'s own reported clause: "condemned the allegations, as Kigali said
    /// it hoped … for war crimes" or "accused Rwanda of … by alleging Paris played a role in
    /// the genocide" — what another speaker says or did there is no word of `v`'s pattern.
    /// `v`'s own `ccomp` ("said that Iraq attacked Iran") and a noun's content or relative
    /// clause (`acl`: "demands that Israel ease …") stay in.
    ///
    /// (Product rule, `acts` given.) So is a participle clause after a comma whose verb is a
    /// dictionary act of another kind ([`Self::other_act`]): "expelled two officials, accusing
    /// them of interfering … amid a war with the Rapid Support Forces" — the accusing is coded
    /// as its own event, and its words are no pattern words of "expelled"; and so is a casualty
    /// adjunct ("…, killing 12 civilians").
    fn in_foreign_clause(&self, v: usize, k: usize, acts: Option<&Dictionaries>) -> bool {
        if k == v || !self.descends(k, v) {
            return false;
        }
        let mut cur = k;
        for _ in 0..self.s.tokens.len() {
            if cur == v {
                return false;
            }
            let Some(h) = self.head(cur) else { return false };
            let rel = base_rel(&self.s.tokens[cur].deprel);
            // (A noun's content clause, "demands that Israel ease …", is the noun's: `acl`
            // is not one of these.)
            let clausal = matches!(rel, "advcl" | "ccomp" | "parataxis" | "conj" | "csubj");
            let own_subject = clausal
                && self.children[cur].iter().any(|&c| {
                    let t = &self.s.tokens[c];
                    base_rel(&t.deprel) == "nsubj"
                        && c < cur
                        && !matches!(t.xpos.as_str(), "WDT" | "WP")
                });
            if own_subject && !(h == v && rel == "ccomp") {
                return true;
            }
            if let Some(dicts) = acts {
                let participle = rel == "advcl"
                    && self.s.tokens[cur].xpos == "VBG"
                    && self.children[cur].iter().any(|&c| c < cur && self.s.tokens[c].form == ",")
                    && self.other_act(v, cur, dicts);
                // (Product rule.) So is a casualty adjunct: who was killed or wounded is the
                // act's result, coded as an event of its own, not a word of the act's pattern
                // ("attacked army positions, killing soldiers and civilians" is no attack on
                // civilians).
                if participle || self.casualty_adjunct(cur) {
                    return true;
                }
            }
            cur = h;
        }
        false
    }

    /// Whether dictionary verb `c` names an act of another kind than verb `v`'s (CAMEO roots;
    /// the acts of force, 18–20, are one kind): "expelled …, accusing them" tells two acts,
    /// "attacked the city, shelling markets" one.
    fn other_act(&self, v: usize, c: usize, dicts: &Dictionaries) -> bool {
        let root = |k: usize| {
            let code = &self.verb_forms(k, dicts)?.first()?.code;
            let r = code.get(..2).filter(|r| r.bytes().all(|b| b.is_ascii_digit()))?;
            Some(if matches!(r, "18" | "19" | "20") { "18" } else { r })
        };
        matches!((root(v), root(c)), (Some(a), Some(b)) if a != b)
    }

    /// Words after the verb up to the end of its phrase.
    fn lower_seq(&self, from: usize, to: usize) -> Vec<usize> {
        (from..=to.min(self.s.tokens.len().saturating_sub(1)))
            .filter(|&k| {
                from <= to
                    && self.live(k)
                    && self.s.tokens[k].upos != "PUNCT"
                    && self.s.tokens[k].xpos != "POS"
            })
            .collect()
    }

    /// For a passive verb `v` with a subject: the code and origin of the first pattern that
    /// matches with the subject's words put before the words after the verb, when that
    /// pattern binds no actor slot — or, when the verb has a coded `by` phrase, binds only a
    /// target inside the subject ("evidence against Russia was presented by the US", as
    /// "the US presented evidence against Russia"): then also (the `by` phrase, the target).
    #[allow(clippy::type_complexity)]
    fn passive_subject_pattern(
        &self,
        v: usize,
        form: &VerbForm,
        upper: &[usize],
        lower: &[usize],
        dicts: &Dictionaries,
    ) -> Option<(String, String, Option<(usize, usize)>)> {
        if !self.children[v].iter().any(|&c| self.s.tokens[c].deprel == "aux:pass") {
            return None;
        }
        let subj = self.children[v]
            .iter()
            .copied()
            .find(|&c| self.s.tokens[c].deprel == "nsubj:pass" && c < v)?;
        let (lo, hi) = self.subtree_bounds(subj);
        let mut seq = self.lower_seq(lo, hi);
        seq.extend_from_slice(lower);
        match self.form_code(form, upper, &seq, dicts, false) {
            (c, None, None, Some(p)) => Some((c, p, None)),
            (c, None, Some(tg), Some(p)) => {
                let agent = self.children[v]
                    .iter()
                    .filter(|&&c| self.s.tokens[c].deprel == "obl:agent")
                    .find_map(|&c| self.phrase_of[c])
                    .filter(|&a| a != tg && !self.phrases[a].null)?;
                let inside = (lo..=hi).any(|k| self.phrase_of[k] == Some(tg));
                inside.then_some((c, p, Some((agent, tg))))
            }
            _ => None,
        }
    }

    fn find_target(&self, lower: &[usize]) -> Option<usize> {
        // A phrase a parser hung on a verb as its apposition is no argument of it: mostly the
        // speaker of a reporting clause after a comma ("… by promoting biofuels, US Deputy
        // Secretary X said").
        let verb_appos = |k: usize| {
            let mut cur = k;
            while let Some(h) = self.head(cur) {
                if base_rel(&self.s.tokens[cur].deprel) == "appos" && self.is_verb(h) {
                    return true;
                }
                if self.phrase_of[h] != self.phrase_of[k] {
                    return false;
                }
                cur = h;
            }
            false
        };
        let phrases: Vec<usize> = lower
            .iter()
            .filter(|&&k| !verb_appos(k) && !self.in_speech_vehicle(k))
            .filter_map(|&k| self.phrase_of[k])
            .collect();
        phrases
            .iter()
            .copied()
            .find(|&p| !self.phrases[p].null)
            .or_else(|| phrases.first().copied())
    }

    /// (Product rule.) Whether word `k` lies inside the vehicle of a statement, set as an
    /// adjunct ("in a statement from Ramallah", "during a speech in Cairo", "in a letter to the
    /// Security Council", "at a news conference in Kabul"): where and to whom the speaker spoke,
    /// never the one the act is aimed at. A parser often hangs such an adjunct on the object
    /// ("condemned the killing in a statement from Cairo"), so the walk goes up through nouns
    /// only, stopping at the first verb.
    fn in_speech_vehicle(&self, k: usize) -> bool {
        let mut cur = k;
        for _ in 0..self.s.tokens.len() {
            let t = &self.s.tokens[cur];
            if self.is_verb(cur) {
                return false;
            }
            // "at" only for a gathering ("at a news conference"): "at a border post" is a
            // place of the act.
            let vehicle = match t.lemma.as_str() {
                "statement" | "speech" | "interview" | "address" | "message" | "letter"
                | "communique" | "communiqué" | "broadcast" | "remarks" | "tweet" => Some(false),
                "conference" | "briefing" => Some(true),
                _ => None,
            }
            .is_some_and(|at| {
                self.children[cur].iter().any(|&c| {
                    let w = &self.s.tokens[c];
                    w.deprel == "case"
                        && (["in", "during", "through", "via"]
                            .iter()
                            .any(|p| w.form.eq_ignore_ascii_case(p))
                            || (at && w.form.eq_ignore_ascii_case("at")))
                })
            });
            if vehicle {
                return true;
            }
            match self.head(cur) {
                Some(h) => cur = h,
                None => return false,
            }
        }
        false
    }

    /// The coded phrase of the verb's own subject, when it lies among the words before the
    /// verb: "Gollum, centre of a row between Radagast and …, called on Gondor" is Gollum's
    /// call, not the nearest actor's.
    /// `pronouns`: a personal pronoun subject stands for the coded subject of the verb whose
    /// reported or complement clause holds it ("Iraq said it is prepared to …"), and an
    /// uncoded subject for its coded apposition.
    fn subject_source(
        &self,
        v: usize,
        upper: &[usize],
        target: usize,
        pronouns: bool,
    ) -> Option<usize> {
        let subj = self.children[v]
            .iter()
            .copied()
            .find(|&c| base_rel(&self.s.tokens[c].deprel) == "nsubj" && c < v)?;
        let mut p = self.phrase_of[subj]?;
        let mut within = upper.iter().any(|&k| self.phrase_of[k] == Some(p));
        if pronouns && self.phrases[p].null && self.personal_pronoun(subj) {
            if let Some(q) = self.antecedent(v) {
                (p, within) = (q, true);
            }
        }
        // An unknown name is what its apposition says it is ("Salaheddine Sidhoum, Algeria's
        // leading human rights activist, staged …"), even when that was set aside as a comma
        // clause.
        if pronouns && self.phrases[p].null {
            let appos = self.children[subj]
                .iter()
                .filter(|&&c| base_rel(&self.s.tokens[c].deprel) == "appos")
                .filter_map(|&c| self.phrase_of[c])
                .find(|&q| !self.phrases[q].null);
            if let Some(q) = appos {
                (p, within) = (q, true);
            }
        }
        let ph = &self.phrases[p];
        if ph.null || p == target || !within {
            return None;
        }
        let tcode = self.phrases[target].codes.last();
        (ph.compound || ph.codes.last() != tcode).then_some(p)
    }

    fn find_source(&self, upper: &[usize], target: usize) -> Option<usize> {
        let tcode = self.phrases[target].codes.last().cloned().unwrap_or_default();
        let mut cands: Vec<usize> = Vec::new();
        for &k in upper {
            if let Some(p) = self.phrase_of[k] {
                if !cands.contains(&p) {
                    cands.push(p);
                }
            }
        }
        let differs = |p: usize| {
            p != target
                && (self.phrases[p].compound
                    || self.phrases[p].codes.last() != Some(&tcode)
                    || tcode == "---")
        };
        cands
            .iter()
            .copied()
            .find(|&p| !self.phrases[p].null && differs(p))
            .or_else(|| cands.iter().copied().find(|&p| differs(p)))
    }

    /// Matches a pattern; returns the `$` and `+` phrases it bound.
    /// The code a verb form takes over these words: the first pattern of its block that
    /// matches, with the source and target slots it binds and its origin, else the form's own
    /// code.
    /// (Product rule, `null_patterns`.) A matched pattern coded `[---]` in a block with a code
    /// of its own ("closed higher" under CLOSE [172]) means no event, as in a `[---]` block;
    /// the field's coders fall back to the form's code, and their suites keep that reading.
    pub(crate) fn form_code(
        &self,
        form: &VerbForm,
        upper: &[usize],
        lower: &[usize],
        dicts: &Dictionaries,
        null_patterns: bool,
    ) -> (String, Option<usize>, Option<usize>, Option<String>) {
        let block = &dicts.verbs.blocks[form.block as usize];
        let matched = block
            .patterns
            .iter()
            .filter(|p| p.needs.iter().all(|w| self.present.contains(w)))
            .find_map(|p| self.match_pattern(p, upper, lower, dicts).map(|(s, t)| (p, s, t)));
        match matched {
            Some((p, s, tg)) if p.code != "---" => (p.code.clone(), s, tg, Some(p.origin.clone())),
            Some(_) if null_patterns => ("---".into(), None, None, None),
            _ => (form.code.clone(), None, None, None),
        }
    }

    fn match_pattern(
        &self,
        p: &Pattern,
        upper: &[usize],
        lower: &[usize],
        dicts: &Dictionaries,
    ) -> Option<(Option<usize>, Option<usize>)> {
        let mut b = (None, None);
        if !self.match_side(&p.lower, &p.lower_adj, lower, 0, true, dicts, &mut b, 0) {
            return None;
        }
        let lower_bind = b;
        let mut b2 = lower_bind;
        if !self.match_side(&p.upper, &p.upper_adj, upper, 0, false, dicts, &mut b2, 0) {
            return None;
        }
        Some(b2)
    }

    /// Matches `elems` against `seq` from `pos`; `adj[i]` asks element `i` to follow the
    /// previous match directly (after the verb, skip-list words in between are invisible).
    #[allow(clippy::too_many_arguments)]
    fn match_side(
        &self,
        elems: &[PatElem],
        adj: &[bool],
        seq: &[usize],
        pos: usize,
        lower: bool,
        dicts: &Dictionaries,
        bind: &mut (Option<usize>, Option<usize>),
        depth: usize,
    ) -> bool {
        let Some(e) = elems.first() else { return true };
        if depth > 32 {
            return false;
        }
        let (rest, rest_adj) = (&elems[1..], adj.get(1..).unwrap_or(&[]));
        let joined = adj.first().copied().unwrap_or(false);
        // The last position this element may start at.
        let limit = if joined {
            let mut p = pos;
            while lower && p < seq.len() && self.skip[seq[p]] {
                p += 1;
            }
            (p + 1).min(seq.len())
        } else {
            seq.len()
        };
        match e {
            PatElem::Word(w) => {
                // TABARI's pattern nouns take their plural ("* PROGRAM" codes "programs").
                let tabari = !dicts.verbs.stems.is_empty();
                for p in pos..limit {
                    let word = &self.words[seq[p]];
                    let same = word == w || (tabari && tabari::extends(word, w));
                    // A skip-list word is invisible after the verb unless the pattern
                    // itself writes it ("* THE_NEATEST_PLACE").
                    if lower && self.skip[seq[p]] && !same {
                        continue;
                    }
                    // A pattern's "TO +" is the preposition ("protested to Britain"), never the
                    // infinitive marker: "marched … to demand the resignation of the government"
                    // made no complaint to the government.
                    if same
                        && lower
                        && w == "TO"
                        && matches!(rest.first(), Some(PatElem::Target))
                        && self.s.tokens[seq[p]].upos == "PART"
                    {
                        continue;
                    }
                    if same
                        && self.match_side(
                            rest,
                            rest_adj,
                            seq,
                            p + 1,
                            lower,
                            dicts,
                            bind,
                            depth + 1,
                        )
                    {
                        return true;
                    }
                    if let Some(len) = self.hyphen_split_len(w, seq, p, lower) {
                        if self.match_side(
                            rest,
                            rest_adj,
                            seq,
                            p + len,
                            lower,
                            dicts,
                            bind,
                            depth + 1,
                        ) {
                            return true;
                        }
                    }
                }
                false
            }
            PatElem::Synset(id) => {
                let Some(set) = dicts.verbs.synsets.get(*id as usize) else { return false };
                let tabari = !dicts.verbs.stems.is_empty();
                for p in pos..limit {
                    for m in &set.members {
                        // Before the verb the sequence runs backwards, so members do too.
                        let hit = |j: usize, w: &String| {
                            let t = &self.words[seq[p + j]];
                            t == w || (tabari && tabari::extends(t, w))
                        };
                        let fits = p + m.len() <= seq.len()
                            && if lower {
                                m.iter().enumerate().all(|(j, w)| hit(j, w))
                            } else {
                                m.iter().rev().enumerate().all(|(j, w)| hit(j, w))
                            };
                        if fits
                            && self.match_side(
                                rest,
                                rest_adj,
                                seq,
                                p + m.len(),
                                lower,
                                dicts,
                                bind,
                                depth + 1,
                            )
                        {
                            return true;
                        }
                    }
                }
                false
            }
            PatElem::Source | PatElem::Target | PatElem::Skip | PatElem::Compound => {
                let mut p = pos;
                while p < limit {
                    let Some(ph) = self.phrase_of[seq[p]] else {
                        p += 1;
                        continue;
                    };
                    if matches!(e, PatElem::Compound) && !self.phrases[ph].compound {
                        p += 1;
                        continue;
                    }
                    // Position after this phrase in the sequence.
                    let mut after = p;
                    while after < seq.len() && self.phrase_of[seq[after]] == Some(ph) {
                        after += 1;
                    }
                    let next = match e {
                        PatElem::Skip | PatElem::Compound => after,
                        _ if lower => p,
                        _ => after,
                    };
                    let saved = *bind;
                    match e {
                        PatElem::Source => bind.0 = Some(ph),
                        PatElem::Target => bind.1 = Some(ph),
                        // Before the verb a compound codes its members with each other
                        // ("A and B met"); after it, it is the target ("A met with B and
                        // C"), the source found as usual.
                        PatElem::Compound if lower => bind.1 = Some(ph),
                        PatElem::Compound => *bind = (Some(ph), Some(ph)),
                        _ => {}
                    }
                    if self.match_side(rest, rest_adj, seq, next, lower, dicts, bind, depth + 1) {
                        return true;
                    }
                    *bind = saved;
                    p = after;
                }
                false
            }
        }
    }

    /// Whether the verb (or its phrase head) is negated; pushes the cue spans.
    fn negation(&self, v: usize, vp_head: usize, cues: &mut Vec<Span>) -> bool {
        let mut neg = false;
        // (One pass when the verb heads its own phrase: a second would add only copies.)
        let heads = [v, vp_head];
        let heads = if vp_head == v { &heads[..1] } else { &heads[..] };
        for &h in heads {
            for &c in &self.children[h] {
                let t = &self.s.tokens[c];
                let w = self.words[c].as_str();
                if t.deprel == "neg"
                    || t.feats.contains("Polarity=Neg")
                    || matches!(w, "NOT" | "N'T" | "NEVER")
                {
                    neg = true;
                    cues.push(t.span);
                }
                if matches!(base_rel(&t.deprel), "aux") {
                    cues.push(t.span);
                }
            }
        }
        cues.sort();
        cues.dedup();
        neg
    }

    #[allow(clippy::too_many_arguments)]
    fn make_events(
        &self,
        out: &mut Vec<CodedEvent>,
        src: usize,
        tgt: usize,
        passive: bool,
        code: &str,
        colon: ColonCode,
        trigger: Span,
        negated: bool,
        pattern: &Option<String>,
        cues: &[Span],
        place: Option<&str>,
        speaker: Option<&str>,
        opts: &Options,
    ) {
        // `place`: the country an actor without one ("ethnic Albanians") takes from where
        // the event happened ("… demonstrated in Serbia").
        // `speaker`: (product rules) the country of the coded subject of the statement whose
        // clause holds the verb, which a source owned by "its"/"their" takes ("Bosnian Serbs
        // said their forces had completed their withdrawal").
        // `poss`: the country an agent phrase owned by "its"/"their" takes ("Syria offered
        // its troops": the source's).
        // `home`: the country of a state source, which a target without one takes when
        // the source is police or a court ("Egyptian police dispersed demonstrators",
        // "Pakistan's Supreme Court sentenced a former prime minister": they act at home) or
        // the target the opposition, labour or a former office holder ("the government
        // banned the opposition newspaper", "will hold talks with garment unions", "will not
        // release the ousted president": its own state's); it is given as the source's code
        // (`EGYCOP`).
        // `across`: the country of the other side (product rules only), which an ethnic
        // group named without a state takes ("ethnic Albanians vowed to fight Macedonia",
        // "the Sri Lankan army held Tamil civilians": minorities act within their state),
        // and a target named by a state role alone when `state_role` ("rebels in the
        // Ivory Coast dismissed an appeal from the president": their own state's).
        let expand = |p: usize,
                      poss: Option<&str>,
                      home: Option<&str>,
                      across: Option<&str>,
                      state_role: bool|
         -> Vec<CodedActor> {
            let ph = &self.phrases[p];
            let mut v = Vec::new();
            for (ci, (c, (ws, s))) in ph.codes.iter().zip(&ph.texts).enumerate() {
                let t = ws
                    .iter()
                    .map(|&k| self.s.tokens[k].form.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let owner = if c.starts_with("---") && !(opts.clauses && self.posted_in(ws)) {
                    self.adjacent_owner(p, ws)
                        .or_else(|| {
                            (c.len() > 3)
                                .then(|| self.of_place_owner(p, ws, opts.clauses))
                                .flatten()
                        })
                        .or_else(|| {
                            (opts.clauses && c.len() > 3).then(|| self.acl_place(p, ws)).flatten()
                        })
                        .or_else(|| {
                            (opts.clauses && c.len() > 3).then(|| self.loyal_owner(p, ws)).flatten()
                        })
                        .or_else(|| {
                            let own = ws.iter().any(|&k| {
                                matches!(self.words[k].as_str(), "ITS" | "THEIR" | "HIS" | "HER")
                                    && matches!(
                                        self.s.tokens[k].deprel.as_str(),
                                        "nmod:poss" | "det:poss"
                                    )
                            });
                            poss.filter(|_| own && c.len() > 3).map(str::to_string)
                        })
                        .or_else(|| {
                            // (Product rules: an agent named by its role alone, too — "prisoners
                            // rioted at a jail in East Timor": those of the place.)
                            place
                                .filter(|_| ph.countryless[ci] || (opts.clauses && c.len() > 3))
                                .map(str::to_string)
                        })
                        .or_else(|| {
                            home.filter(|h| {
                                c.len() > 3
                                    && (matches!(h.get(3..6), Some("COP" | "JUD"))
                                        // (Any of the target's roles: prisoners and
                                        // activists pardoned, `---CVLOPP`.)
                                        || (3..c.len()).step_by(3).any(|at| {
                                            matches!(c.get(at..at + 3), Some("OPP" | "LAB" | "ELI"))
                                        })
                                        // (Product rule: rebels named without a country
                                        // whom a government or army deals with, and no
                                        // place says otherwise, are its own: "the junta
                                        // rejected an offer of talks from the rebel
                                        // alliance".)
                                        // (Not when the sentence names another
                                        // country: a state fighting abroad, "the US
                                        // launched an air strike … southwest of Baghdad
                                        // … against the militant group", fights no rebels
                                        // of its own.)
                                        || (opts.clauses
                                            && matches!(c.get(3..6), Some("REB" | "INS"))
                                            && matches!(h.get(3..6), Some("GOV" | "MIL"))
                                            && !self.names_another_country(h)))
                            })
                            .and_then(|h| h.get(..3))
                            .map(str::to_string)
                        })
                        .or_else(|| {
                            let block = c.get(3..6)?;
                            let takes = ethnic_block(block)
                                || (state_role
                                    && matches!(block, "GOV" | "MIL" | "COP" | "LEG" | "JUD"));
                            across.filter(|_| takes).map(str::to_string)
                        })
                } else {
                    None
                };
                for part in c.split('/') {
                    let code = match (&owner, part.strip_prefix("---")) {
                        (Some(o), Some(role)) => format!("{o}{role}"),
                        (None, Some(role)) if opts.convert_agent && !role.is_empty() => {
                            format!("~{role}")
                        }
                        _ => part.to_string(),
                    };
                    v.push(CodedActor { code, text: t.clone(), span: *s });
                }
            }
            // A compound keeps its coded members only (all unknown: one `---`).
            if v.len() > 1 && v.iter().any(|a| a.code != "---") {
                v.retain(|a| a.code != "---");
            }
            if v.is_empty() {
                v.push(CodedActor {
                    code: "---".into(),
                    text: String::new(),
                    span: Span::default(),
                });
            }
            v
        };
        // A court or police named by its role alone acts at home: on a target of one country
        // ("a judge opened investigations against Chilean officials") it is that country's.
        let justice = !passive
            && opts.clauses
            && self.phrases[src].codes.iter().all(|c| matches!(c.as_str(), "---COP" | "---JUD"));
        let tgt_home =
            self.phrases[tgt].codes.iter().find_map(|c| Some(format!("{}COP", country_prefix(c)?)));
        // The bare country of each side, for `across` (product rules only).
        let country_of = |codes: &[&str]| {
            codes
                .iter()
                .find_map(|c| country_prefix(c).filter(|_| opts.clauses).map(str::to_string))
        };
        let tgt_country =
            country_of(&self.phrases[tgt].codes.iter().map(String::as_str).collect::<Vec<_>>());
        let mut srcs = expand(
            src,
            speaker,
            tgt_home.as_deref().filter(|_| justice),
            tgt_country.as_deref(),
            false,
        );
        // The source's country (or international body), for the target's "its"/"their".
        let src_owner = srcs.iter().find_map(|a| {
            let c = a.code.get(..3)?;
            let len = if matches!(c, "IGO" | "NGO" | "IMG") { 6 } else { 3 };
            let c = a.code.get(..len)?;
            (!c.starts_with("---") && c.bytes().all(|b| b.is_ascii_uppercase()))
                .then(|| c.to_string())
        });
        let state = srcs.iter().find_map(|a| {
            let c = a.code.get(..3)?;
            // (The state role may follow the elite block: a minister coded `PAKELIGOV`.)
            let mut at = 3;
            while a.code.get(at..at + 3) == Some("ELI") {
                at += 3;
            }
            let role = a.code.get(at..at + 3)?;
            (opts.clauses
                && matches!(role, "COP" | "GOV" | "MIL" | "JUD")
                && !matches!(c, "IGO" | "NGO" | "IMG")
                && c.bytes().all(|b| b.is_ascii_uppercase()))
            .then(|| format!("{c}{role}"))
        });
        let src_country = country_of(&srcs.iter().map(|a| a.code.as_str()).collect::<Vec<_>>());
        let mut tgts =
            expand(tgt, src_owner.as_deref(), state.as_deref(), src_country.as_deref(), !passive);
        // (Product rule.) A protest (14) that names no one it is aimed at is made at home, to
        // the source's own government ("thousands of Nigerians rallied in Lagos to protest the
        // violations" NGA -> NGAGOV).
        if opts.clauses && code.starts_with("14") && tgts.iter().all(|a| a.code == "---") {
            // … or, for opponents of someone, at whom they oppose ("opponents of the Senate
            // protested": the Senate).
            if let Some(o) = self.phrases[src].opposed.iter().flatten().next() {
                tgts = vec![CodedActor {
                    code: o.clone(),
                    text: String::new(),
                    span: Span::default(),
                }];
            } else if let Some(c) = src_country.as_deref() {
                tgts = vec![CodedActor {
                    code: format!("{c}GOV"),
                    text: String::new(),
                    span: Span::default(),
                }];
            }
        } else if opts.clauses
            && code.starts_with("14")
            && !passive
            && !self.phrases[src].codes.iter().any(|c| official(c))
        {
            // (Product rule.) A crowd's protest or strike aimed at people named by their role
            // alone ("went on strike to demand more staff", "protested against police",
            // "rallied against employers") is aimed at that role in the crowd's own country.
            if let Some(c) = src_country.as_deref() {
                for t in &mut tgts {
                    if let Some(role) = t.code.strip_prefix("---").filter(|r| {
                        matches!(
                            *r,
                            "GOV"
                                | "MIL"
                                | "COP"
                                | "JUD"
                                | "LEG"
                                | "SPY"
                                | "LAB"
                                | "BUS"
                                | "EDU"
                                | "HLH"
                                | "MED"
                                | "CVL"
                        )
                    }) {
                        t.code = format!("{c}{role}");
                    }
                }
            }
        }
        let push =
            |a: &[CodedActor], b: &[CodedActor], c: &str, swap: bool, out: &mut Vec<CodedEvent>| {
                for x in a {
                    for y in b {
                        if x.code == y.code {
                            continue;
                        }
                        let (s, t) = if swap { (y, x) } else { (x, y) };
                        if opts.require_dyad && (s.code == "---" || t.code == "---") {
                            continue;
                        }
                        out.push(CodedEvent {
                            source: s.clone(),
                            target: t.clone(),
                            code: c.to_string(),
                            trigger,
                            negated,
                            passive,
                            pattern: pattern.clone(),
                            cues: cues.to_vec(),
                        });
                    }
                }
            };
        match code.split_once(':') {
            Some((a, b)) if colon == ColonCode::Paired => {
                if srcs.iter().all(|s| s.code == "---") {
                    srcs = tgts.clone();
                } else if tgts.iter().all(|t| t.code == "---") {
                    tgts = srcs.clone();
                }
                if !a.is_empty() {
                    push(&srcs, &tgts, a, passive, out);
                }
                if !b.is_empty() {
                    push(&tgts, &srcs, b, passive, out);
                }
            }
            Some((a, b)) => {
                let c = if passive { b } else { a };
                if !c.is_empty() {
                    push(&srcs, &tgts, c, passive, out);
                }
            }
            None => push(&srcs, &tgts, code, passive, out),
        }
    }
}

impl CodedEvent {
    /// The event as the pipeline's [`model::Event`]: CAMEO details from our table, PLOVER
    /// type and mode through the crosswalk, modality `Negated` when the trigger is negated
    /// (the code stays the dictionary's), evidence = trigger, actors and cue words.
    /// Provenance fields (historical, attribution, time, place) are left for later stages.
    pub fn to_model(&self, article: &model::ContentHash, sentence: u32) -> model::Event {
        let info = crate::cameo::lookup(&self.code);
        let both_known = |c: &str| c != "---" && !c.starts_with("---") && !c.starts_with('"');
        let confidence =
            match (&self.pattern, both_known(&self.source.code) && both_known(&self.target.code)) {
                (Some(_), true) => 0.9,
                (None, true) => 0.7,
                _ => 0.5,
            };
        let actor = |a: &CodedActor| model::ActorRef {
            code: a.code.clone(),
            text: a.text.clone(),
            span: a.span,
        };
        let mut evidence = vec![self.trigger, self.source.span, self.target.span];
        evidence.extend(self.cues.iter().copied());
        evidence.retain(|s| !s.is_empty());
        evidence.sort();
        evidence.dedup();
        let digits: String = self.code.chars().take_while(char::is_ascii_digit).collect();
        model::Event {
            article: article.clone(),
            sentence,
            trigger: self.trigger,
            sources: vec![actor(&self.source)],
            targets: vec![actor(&self.target)],
            code: self.code.clone(),
            root: info
                .as_ref()
                .map(|i| i.root.clone())
                .unwrap_or_else(|| digits.chars().take(2).collect()),
            base: info
                .as_ref()
                .map(|i| i.base.clone())
                .unwrap_or_else(|| digits.chars().take(3).collect()),
            goldstein: info.as_ref().map(|i| i.goldstein).unwrap_or(0.0),
            quad_class: info.as_ref().map(|i| i.quad_class).unwrap_or(0),
            plover_type: info.as_ref().and_then(|i| i.plover_type.clone()),
            plover_mode: info.as_ref().and_then(|i| i.plover_mode.clone()),
            modality: if self.negated {
                model::Modality::Negated
            } else {
                model::Modality::Asserted
            },
            negated: self.negated,
            historical: false,
            attribution: model::Attribution::default(),
            disputed_by: Vec::new(),
            time: None,
            location: None,
            confidence,
            evidence,
        }
    }
}

/// Whether an actor code names a state or an international body acting as such: a
/// government or its elite (`NGAGOV`, `CHNELIGOV`), or an IGO. (A bare country is no sure
/// sign: "thousands of Nigerians" is `NGA` too.)
/// Past participles that after "be" say how the subject stands rather than what was done to
/// it ("opposed to", "committed to", "prepared to", "determined to").
const STANCE_PARTICIPLES: &[&str] = &[
    "oppose",
    "commit",
    "prepare",
    "determine",
    "dedicate",
    "devote",
    "resolve",
    "concern",
    "worry",
    "interest",
    "involve",
    "engage",
    "satisfy",
    "disappoint",
    "convince",
    "divide",
    "incline",
    "dispose",
    "poise",
    "set",
    "ally",
    "swear",
];

fn official(code: &str) -> bool {
    if code.starts_with("IGO") {
        return true;
    }
    let Some(c) = country_prefix(code) else { return false };
    let mut rest = &code[c.len()..];
    while let Some(r) = rest.strip_prefix("ELI") {
        rest = r;
    }
    rest.starts_with("GOV")
}

/// A code's country part: its first three letters when they name a state (upper-case letters,
/// not the `IGO`/`NGO`/`IMG` prefixes of bodies without a country).
fn country_prefix(code: &str) -> Option<&str> {
    let k = code.get(..3)?;
    (k.bytes().all(|b| b.is_ascii_uppercase()) && !matches!(k, "IGO" | "NGO" | "IMG")).then_some(k)
}

/// Whether a code is a bare state code ("IRQ"), without a role.
fn bare_country(code: &str) -> bool {
    code.len() == 3 && country_prefix(code).is_some()
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::treebank::{parse_tree, to_sentence};

    fn dicts() -> Dictionaries {
        let mut d = Dictionaries::default();
        d.actors.add_text("ARNOR [ARN]\nGONDOR [GON]\nIRAQ_ [IRQ]\n+IRAQI_\n", "a.txt");
        d.agents.add_text("POLICE {} [~COP]\n", "g.txt");
        d.verbs.add_text("--- ATTACK [190] ---\nATTACK\n--- RESTORE [064] ---\nRESTORE\n", "v.txt");
        d.actors.finish();
        d.agents.finish();
        d.verbs.finish();
        d
    }

    #[test]
    fn future_hostility_is_a_threat_and_negated_cooperation_a_refusal() {
        assert_eq!(threat_code("163"), Some("1312"));
        assert_eq!(threat_code("1723"), Some("1323"));
        assert_eq!(threat_code("191"), Some("1381"));
        assert_eq!(threat_code("1831"), Some("1383"));
        assert_eq!(threat_code("143"), Some("1312"));
        assert_eq!(threat_code("154"), None);
        assert_eq!(threat_code("042"), None);
        assert_eq!(refusal_code("057"), Some("127"));
        assert_eq!(refusal_code("075"), Some("120"));
        assert_eq!(refusal_code("0832"), Some("1232"));
        assert_eq!(refusal_code("087"), Some("1246"));
        assert_eq!(refusal_code("040"), None);
        assert_eq!(refusal_code("190"), None);
    }

    #[test]
    fn aircraft_and_drones_as_doers_make_an_attack_aerial() {
        let mut d = Dictionaries::default();
        d.actors.add_text("ARNOR [ARN]\n+ARNORIAN_\nGONDOR [GON]\n", "a.txt");
        d.agents.add_text(
            "WARPLANE {WARPLANES} [~MIL]\nDRONE {DRONES} [~MIL]\nTROOPS {} [~MIL]\n",
            "g.txt",
        );
        d.verbs.add_text("--- ATTACK [190] ---\nATTACK\n--- SHELL [194] ---\nSHELL\n", "v.txt");
        d.actors.finish();
        d.agents.finish();
        d.verbs.finish();
        let code = |subject: &str, verb: &str| -> Vec<String> {
            let text = format!("Arnorian {subject} {verb} Gondor.");
            let tree = format!(
                "(ROOT (S (NP (JJ Arnorian) (NNS {subject})) (VP (VBD {verb}) (NP (NNP Gondor))) (. .)))"
            );
            let (s, _) = to_sentence(&parse_tree(&tree).unwrap(), &text, 0);
            code_sentence(&s, None, &d, &Options::default())
                .unwrap()
                .iter()
                .map(|e| e.code.clone())
                .collect()
        };
        assert_eq!(code("warplanes", "attacked"), vec!["195"]);
        assert_eq!(code("warplanes", "shelled"), vec!["195"]);
        assert_eq!(code("drones", "attacked"), vec!["1952"]);
        // Ground forces keep the verb's or the weapon's code.
        assert_eq!(code("troops", "attacked"), vec!["190"]);
        assert_eq!(code("troops", "shelled"), vec!["194"]);
    }

    #[test]
    fn a_saying_coded_as_the_speakers_threat_gives_way_to_the_threatened_deed() {
        let mut d = Dictionaries::default();
        d.actors.add_text("ARNOR [ARN]\n+ARNORIAN_\nGONDOR [GON]\nROHAN [ROH]\n", "a.txt");
        d.agents.add_text("TROOPS {} [~MIL]\n", "g.txt");
        d.verbs.add_text(
            "--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n- * WILL_ATTACK + [138]\n\
             - * THAT + ATTACKED [112]\n--- ATTACK [190] ---\nATTACK {ATTACKED}\n",
            "v.txt",
        );
        d.actors.finish();
        d.agents.finish();
        d.verbs.finish();
        let code = |text: &str, tree: &str| -> Vec<(String, String, String)> {
            let (s, _) = to_sentence(&parse_tree(tree).unwrap(), text, 0);
            code_sentence(&s, None, &d, &Options::default())
                .unwrap()
                .iter()
                .map(|e| (e.source.code.clone(), e.target.code.clone(), e.code.clone()))
                .collect()
        };
        let t = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
        // The speaker's own threat: one event, at the threatened deed.
        let threat = code(
            "Arnor said it will attack Gondor.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (PRP it)) (VP (MD will) (VP (VB attack) (NP (NNP Gondor))))))) (. .)))",
        );
        assert_eq!(threat, vec![t("ARN", "GON", "1384")]);
        // So is a threat by the speaker's own side.
        let own_side = code(
            "Arnor said Arnorian troops will attack Gondor.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (JJ Arnorian) (NNS troops)) (VP (MD will) (VP (VB attack) (NP (NNP Gondor))))))) (. .)))",
        );
        assert_eq!(own_side, vec![t("ARNMIL", "GON", "1384")]);
        // An accusation of another actor stays beside the deed it reports.
        let accusation = code(
            "Arnor said that Gondor attacked Rohan.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (IN that) (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Rohan)))))) (. .)))",
        );
        assert!(accusation.contains(&t("GON", "ROH", "190")), "{accusation:?}");
        assert!(accusation.iter().any(|e| e.0 == "ARN" && e.2 == "112"), "{accusation:?}");
    }

    #[test]
    fn an_act_scheduled_or_due_is_announced_for_the_future() {
        let d = {
            let mut d = dicts();
            d.verbs.add_text("--- MEET [040] ---\nMEET {MEETS MET}\n", "w.txt");
            d.verbs.finish();
            d
        };
        let code = |text: &str, tree: &str| -> Vec<String> {
            let (s, _) = to_sentence(&parse_tree(tree).unwrap(), text, 0);
            code_sentence(&s, None, &d, &Options::default())
                .unwrap()
                .iter()
                .map(|e| e.code.clone())
                .collect()
        };
        for (verb, tag) in [("scheduled", "VBN"), ("slated", "VBN"), ("set", "VBN")] {
            let text = format!("Arnor is {verb} to meet Gondor.");
            let tree = format!(
                "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (VP ({tag} {verb}) (S (VP (TO to) (VP (VB meet) (NP (NNP Gondor))))))) (. .)))"
            );
            assert_eq!(code(&text, &tree), vec!["036"], "{text}");
        }
        // Done, not timetabled.
        let text = "Arnor met Gondor.";
        let tree = "(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor))) (. .)))";
        assert_eq!(code(text, tree), vec!["040"]);
    }

    #[test]
    fn future_cooperation_maps_to_intent() {
        assert_eq!(intent_code("042"), Some("036"));
        assert_eq!(intent_code("071"), Some("0331"));
        assert_eq!(intent_code("0832"), Some("0342"));
        assert_eq!(intent_code("087"), Some("0356"));
        assert_eq!(intent_code("190"), None);
        assert_eq!(intent_code("010"), None);
    }

    #[test]
    fn a_pronoun_in_a_reported_clause_is_the_speaker_and_a_future_attack_a_threat() {
        let text = "Arnor said it will attack Gondor.";
        let tree = parse_tree("(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (PRP it)) (VP (MD will) (VP (VB attack) (NP (NNP Gondor))))))) (. .)))").unwrap();
        let (s, _) = to_sentence(&tree, text, 0);
        let got = |opts: &Options| -> Vec<(String, String, String)> {
            code_sentence(&s, None, &dicts(), opts)
                .unwrap()
                .iter()
                .map(|e| (e.source.code.clone(), e.target.code.clone(), e.code.clone()))
                .collect()
        };
        let t = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
        assert_eq!(got(&Options::default()), vec![t("ARN", "GON", "1384")]);
        // The field's coding (our options off) keeps the act and codes no pronoun.
        let field = Options {
            intent: false,
            clauses: false,
            statement_clauses: false,
            ..Options::default()
        };
        assert!(!got(&field).contains(&t("ARN", "GON", "1384")));
    }

    #[test]
    fn negation_stays_visible_and_spans_slice() {
        let text = "Iraqi police did not attack Gondor.";
        let tree = parse_tree("(ROOT (S (NP (JJ Iraqi) (NNS police)) (VP (VBD did) (RB not) (VP (VB attack) (NP (NNP Gondor)))) (. .)))").unwrap();
        let (s, _) = to_sentence(&tree, text, 0);
        let ev = code_sentence(&s, None, &dicts(), &Options::default()).unwrap();
        assert_eq!(ev.len(), 1);
        let e = &ev[0];
        assert_eq!(
            (e.source.code.as_str(), e.target.code.as_str(), e.code.as_str()),
            ("IRQCOP", "GON", "190")
        );
        assert!(e.negated);
        assert_eq!(e.trigger.slice(text), Some("attack"));
        assert_eq!(e.source.span.slice(text), Some("Iraqi police"));
        let m = e.to_model(&model::ContentHash("x".into()), 0);
        assert_eq!(m.root, "19");
        assert_eq!(m.quad_class, 4);
        assert_eq!(m.plover_type.as_deref(), Some("ASSAULT"));
        assert_eq!(m.modality, model::Modality::Negated);
        for sp in &m.evidence {
            assert!(sp.slice(text).is_some());
        }
    }

    #[test]
    fn compiled_dictionaries_round_trip() {
        let d = dicts();
        let bytes = d.to_bytes().unwrap();
        let back = Dictionaries::from_bytes(&bytes).unwrap();
        assert_eq!(back.verbs.blocks.len(), d.verbs.blocks.len());
        assert!(back.actors.index.match_at(&["IRAQI"], 0).is_some());
        assert!(Dictionaries::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    }
}
