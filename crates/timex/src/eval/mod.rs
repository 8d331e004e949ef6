//! Evaluation against third-party and project test sets: the TempEval-3 scorer over
//! TE3-platinum (`te3`) and the news probe (`probe`). Used by the quality tests and by
//! `cargo xtask eval-timex`; the data itself is never shipped.

pub mod probe;
pub mod render;
pub mod te3;
