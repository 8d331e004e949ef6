//! Writers for coded events: JSONL (every field), CSV and TSV (flat columns), GDELT 2.0 event
//! TSV (GDELT's 61 columns, in GDELT's order), and a compact table for terminals.
//!
//! Every writer takes [`CodedEvent`]s — an event with the metadata of the article it came from —
//! and streams them; nothing is buffered beyond one row.
//!
//! ## Where the GDELT export differs from GDELT
//! - `GLOBALEVENTID` is a stable 63-bit hash of (article id, sentence, trigger span, code), not
//!   a sequence number.
//! - `SQLDATE` is the event's own date when the text gives one (GDELT always uses publication);
//!   `FractionDate` follows it. Events with a year or coarser precision use 1 January/the 1st.
//!   An event with no date at all (none in the text, no publication date) leaves `SQLDATE`,
//!   `MonthYear`, `Year` and `FractionDate` empty.
//! - `NumMentions`/`NumSources`/`NumArticles` are 1 for `annalist code`; `annalist export`
//!   fills them from the store's event clusters ([`Writer::write_counted`]): mentions = reports
//!   in the cluster, sources = independent sources (wire copies count once), articles =
//!   distinct articles. GDELT freezes them at first sight; ours are as of the last clustering.
//! - The Mentions table ([`mentions`]) has one row per report of a clustered event, keyed by
//!   the cluster's GLOBALEVENTID; offsets are UTF-8 byte offsets, not characters.
//! - `AvgTone` is 0 (we do not score tone). `IsRootEvent` is 1 for events in the first
//!   paragraph, as GDELT defines it.
//! - Actor geo fields are empty (GDELT guesses them from actor country centroids; we do not).
//!   `ActionGeo_*` comes from the event's location with FIPS 10-4 country codes as GDELT uses;
//!   `ActionGeo_Type`: 1 country, 2 US state, 3 US city, 4 world city/place, 5 world province.
//!   `ActionGeo_ADM1Code` is the FIPS country code plus the division's code when the
//!   gazetteer gives a code; it is empty when it gives only the division's name (that name is
//!   in the CSV/JSONL `place_admin1`). `ActionGeo_FeatureID` is the gazetteer's id as stored
//!   (`geonames:ID`, or `annalist:NAME` for places the bundled gazetteer adds).
//! - By default only asserted, non-historical events are written (GDELT's consumers assume
//!   every row happened on its date); `include_all` writes every event.

mod fips;
mod formats;
pub mod mentions;
#[cfg(feature = "parquet")]
pub mod parquet_out;

pub use formats::{
    gdelt_id, CodedEvent, Counts, Format, FormatError, Writer, CLUSTER_COLUMNS, FLAT_COLUMNS,
    FORMAT_NAMES, GDELT_COLUMNS,
};

/// How many flat (CSV/TSV) columns there are.
pub const FLAT_COLUMNS_COUNT: usize = FLAT_COLUMNS.len();
