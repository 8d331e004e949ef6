//! Mentions, events with provenance, and clusters of reports of one real-world event.

use crate::{ContentHash, DatePrecision, Span};
use serde::{Deserialize, Serialize};

/// What a mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    Actor,
    Agent,
    Place,
    Time,
    Quote,
    Speaker,
}

/// A span of article text with what it was resolved to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
    pub text: String,
    /// CAMEO actor code valid on the article's date, gazetteer id, or TIMEX value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
}

/// An event participant: a CAMEO actor code (possibly empty when unresolved) and where it was said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    pub code: String,
    pub text: String,
    pub span: Span,
}

/// Whether, according to the text, the event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    #[default]
    Asserted,
    Negated,
    Attempted,
    Planned,
    Threatened,
    Hypothetical,
    Denied,
    Alleged,
}

impl Modality {
    /// Every modality, in declaration order.
    pub const ALL: [Modality; 8] = [
        Modality::Asserted,
        Modality::Negated,
        Modality::Attempted,
        Modality::Planned,
        Modality::Threatened,
        Modality::Hypothetical,
        Modality::Denied,
        Modality::Alleged,
    ];

    /// The name used in JSON, flat exports, the store and query parameters.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Attempted => "attempted",
            Modality::Planned => "planned",
            Modality::Threatened => "threatened",
            Modality::Hypothetical => "hypothetical",
            Modality::Denied => "denied",
            Modality::Alleged => "alleged",
        }
    }

    /// The modality of a name, case-insensitive.
    pub fn parse(name: &str) -> Option<Modality> {
        Modality::ALL.into_iter().find(|m| m.as_str().eq_ignore_ascii_case(name))
    }
}

/// A role in an attribution chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionRole {
    /// The outlet that published the article.
    Outlet,
    /// Another outlet or agency the article cites ("Mehr news agency reported").
    CitedOutlet,
    /// A named or anonymous source ("a security official", "witnesses").
    Source,
    /// The speaker of a quote.
    Speaker,
    /// A document ("a statement", "a report").
    Document,
}

/// One link of an attribution chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributionLink {
    pub role: AttributionRole,
    pub text: String,
    /// Absent for the outlet, which comes from metadata rather than the body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
}

/// Who says so: outlet first, the innermost speaker last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Attribution {
    pub chain: Vec<AttributionLink>,
}

/// Whether an event date came from the text or fell back to publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeBasis {
    Text,
    PublicationFallback,
}

/// When the event happened, as an interval of ISO dates with a precision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventTime {
    pub start: Option<String>,
    pub end: Option<String>,
    pub precision: DatePrecision,
    pub basis: TimeBasis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// How precisely a location is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GeoPrecision {
    Place,
    City,
    Province,
    Country,
    Unknown,
}

/// Where the event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gazetteer_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    pub precision: GeoPrecision,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// A direct quote with its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub span: Span,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<AttributionLink>,
}

/// A denial or counter-claim in an article ("the group denied the report", "called the allegation
/// a sheer lie"), linked to the claims it contests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Denial {
    /// The denying word or phrase ("denied", "rejected", "a sheer fabrication").
    pub cue: Span,
    pub text: String,
    /// Index of the sentence holding the cue.
    pub sentence: u32,
    /// Who denies, as the text names them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denier: Option<AttributionLink>,
    /// Trigger spans of the article's events it contests; empty when the contested claim was not
    /// coded as an event, and on the copy an event carries in `disputed_by` (the event is the claim).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Span>,
}

/// One coded event as one article reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub article: ContentHash,
    /// Index of the sentence in the article.
    pub sentence: u32,
    pub trigger: Span,
    /// Source actors (each conjunct of a compound is its own entry).
    pub sources: Vec<ActorRef>,
    pub targets: Vec<ActorRef>,
    /// CAMEO code as a string, e.g. `"0874"`.
    pub code: String,
    /// Two-digit CAMEO root, e.g. `"08"`.
    pub root: String,
    /// Three-digit base code, e.g. `"087"`.
    pub base: String,
    pub goldstein: f32,
    pub quad_class: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover_mode: Option<String>,
    pub modality: Modality,
    /// The trigger was negated in the text ("did not attack"); kept visible even where the code
    /// was mapped to a counterpart as PETRARCH does.
    #[serde(default)]
    pub negated: bool,
    pub historical: bool,
    pub attribution: Attribution,
    /// Denials and counter-claims in the same article that contest this event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disputed_by: Vec<Denial>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<EventTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// In [0, 1]; see the coder crate's docs for its meaning.
    pub confidence: f32,
    /// Spans of text the event rests on (trigger, arguments, cue words).
    pub evidence: Vec<Span>,
}

/// Whether the reports of a cluster agree on one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldAgreement {
    pub field: String,
    pub agree: bool,
    /// Distinct values reported, most frequent first.
    pub values: Vec<String>,
}

/// One outlet's version of a clustered event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletVersion {
    pub outlet: Option<String>,
    pub article: ContentHash,
    /// The article this one reprints, when it is a copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reprint_of: Option<ContentHash>,
    pub event: Event,
}

/// The reports of one real-world event across articles and outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventCluster {
    pub id: String,
    pub versions: Vec<OutletVersion>,
    /// Outlets counted once per original story (wire copies count once).
    pub independent_sources: u32,
    pub agreement: Vec<FieldAgreement>,
}
