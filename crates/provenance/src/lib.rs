//! Provenance for coded events: modality (did it happen, or was it planned, threatened, denied…),
//! the historical flag, attribution chains (outlet → cited outlet → source → speaker), quotes
//! with speakers, and a confidence.
//!
//! Also the gold format and scorer for the provenance development set in
//! `tests/data/provenance`.

pub mod gold;
