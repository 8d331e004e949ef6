//! The records that flow between Annalist's stages, one type per hop:
//! [`RawDocument`] → [`Article`] → [`AnalyzedSentence`] → [`Mention`] → [`Event`] → [`EventCluster`].
//!
//! This crate is deliberately dependency-light (serde only) and holds no logic beyond
//! constructors and small invariant-preserving helpers. Every stage crate depends on it; it
//! depends on no stage.
//!
//! All offsets are **byte offsets** into the text the record names ([`Span`]); slicing that
//! text with a span yields the surface form. That is a contract tested by every stage.

mod article;
pub mod days;
mod event;
mod raw;
mod sentence;
mod span;

pub use article::{Article, DatePrecision, DateSource, HtmlOffset, Published};
pub use event::{
    ActorRef, Attribution, AttributionLink, AttributionRole, Denial, Event, EventCluster,
    EventTime, FieldAgreement, GeoPrecision, Location, Mention, MentionKind, Modality,
    OutletVersion, Quote, TimeBasis,
};
pub use raw::{ContentHash, Hints, Origin, RawDocument};
pub use sentence::{AnalyzedSentence, Token};
pub use span::Span;
