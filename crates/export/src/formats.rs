//! The writers. Columns are documented on [`Format`]; fixtures in `tests/` freeze them.

use model::{
    AnalyzedSentence, Article, AttributionRole, DatePrecision, Event, GeoPrecision, Published,
    TimeBasis,
};
use serde::Serialize;
use std::io::{self, Write};
use std::str::FromStr;

/// An event with the metadata of its article: one output row.
#[derive(Debug, Clone, Serialize)]
pub struct CodedEvent<'a> {
    pub url: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub title: Option<&'a str>,
    pub published: Option<&'a Published>,
    /// The sentence the event was coded from.
    pub sentence_text: &'a str,
    /// The trigger's words (the article text sliced with the trigger span).
    pub trigger_text: &'a str,
    /// The first paragraph holds the event (GDELT's IsRootEvent).
    pub lead: bool,
    #[serde(flatten)]
    pub event: &'a Event,
}

impl<'a> CodedEvent<'a> {
    /// The row of `event`, coded from `article` whose analysed sentences are `sentences`.
    pub fn of(article: &'a Article, sentences: &'a [AnalyzedSentence], event: &'a Event) -> Self {
        let lead_end = article.paragraphs.first().map_or(u32::MAX, |p| p.end);
        CodedEvent {
            url: article.url.as_deref(),
            outlet: article.outlet.as_deref(),
            title: article.title.as_deref(),
            published: article.published.as_ref(),
            sentence_text: sentences
                .get(event.sentence as usize)
                .and_then(|s| s.span.slice(&article.text))
                .unwrap_or(""),
            trigger_text: event.trigger.slice(&article.text).unwrap_or(""),
            lead: event.trigger.start < lead_end,
            event,
        }
    }
}

/// How often a clustered event was reported: GDELT's NumMentions, NumSources, NumArticles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub mentions: u32,
    pub sources: u32,
    pub articles: u32,
}

impl Default for Counts {
    /// An event seen once, in one article of one source.
    fn default() -> Self {
        Counts { mentions: 1, sources: 1, articles: 1 }
    }
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A compact, human-readable table (default on a terminal).
    Table,
    /// One JSON object per event with every field (default when piped).
    Jsonl,
    /// Flat columns, comma-separated, RFC 4180 quoting. Columns: see [`FLAT_COLUMNS`].
    Csv,
    /// The same flat columns, tab-separated; tabs and newlines in values become spaces.
    Tsv,
    /// GDELT 2.0 event table columns (see the crate docs for where we differ).
    Gdelt,
}

/// The names accepted by `--format`.
pub const FORMAT_NAMES: &[&str] = &["table", "jsonl", "csv", "tsv", "gdelt"];

/// An unknown format name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format `{0}`; expected one of: table, jsonl, csv, tsv, gdelt")]
pub struct FormatError(pub String);

impl FromStr for Format {
    type Err = FormatError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "table" => Format::Table,
            "jsonl" | "json" => Format::Jsonl,
            "csv" => Format::Csv,
            "tsv" => Format::Tsv,
            "gdelt" => Format::Gdelt,
            _ => return Err(FormatError(s.to_string())),
        })
    }
}

/// Columns of the CSV and TSV formats.
pub const FLAT_COLUMNS: &[&str] = &[
    "article_id",
    "url",
    "outlet",
    "published",
    "sentence",
    "trigger",
    "trigger_start",
    "trigger_end",
    "source_code",
    "source_text",
    "target_code",
    "target_text",
    "cameo",
    "root",
    "base",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    "modality",
    "negated",
    "historical",
    "attributed_to",
    "disputed_by",
    "event_date_start",
    "event_date_end",
    "date_precision",
    "date_basis",
    "place",
    "place_country",
    "place_admin1",
    "lat",
    "lon",
    "place_precision",
    "confidence",
];

/// Columns a store export adds after [`FLAT_COLUMNS`] (CSV and Parquet): the event's cluster
/// and GDELT-style counts ([`Writer::with_cluster_columns`]).
pub const CLUSTER_COLUMNS: &[&str] = &["cluster", "num_mentions", "num_sources", "num_articles"];

/// The GDELT 2.0 event columns, in order.
pub const GDELT_COLUMNS: &[&str] = &[
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// A streaming writer for one format.
#[derive(Debug)]
pub struct Writer<W: Write> {
    out: W,
    format: Format,
    include_all: bool,
    header_done: bool,
    /// `YYYYMMDDHHMMSS` stamped into GDELT's DATEADDED.
    date_added: String,
    /// CSV/TSV rows end with [`CLUSTER_COLUMNS`].
    cluster_columns: bool,
    pub written: u64,
    pub filtered: u64,
}

impl<W: Write> Writer<W> {
    /// `include_all` only matters for GDELT, which otherwise keeps asserted, non-historical events.
    pub fn new(out: W, format: Format, include_all: bool, date_added: String) -> Self {
        Writer {
            out,
            format,
            include_all,
            header_done: false,
            date_added,
            cluster_columns: false,
            written: 0,
            filtered: 0,
        }
    }

    /// CSV and TSV rows (and the header) end with [`CLUSTER_COLUMNS`], filled by
    /// [`Writer::write_clustered`]: what `annalist export` writes from the store.
    pub fn with_cluster_columns(mut self) -> Self {
        self.cluster_columns = true;
        self
    }

    /// Writes a row with its cluster id and counts: GDELT's NumMentions/NumSources/NumArticles,
    /// and with [`Writer::with_cluster_columns`] the CSV/TSV cluster columns.
    pub fn write_clustered(
        &mut self,
        row: &CodedEvent,
        cluster: Option<i64>,
        counts: Counts,
    ) -> io::Result<()> {
        self.write_row(row, cluster, counts)
    }

    pub fn write(&mut self, row: &CodedEvent) -> io::Result<()> {
        self.write_counted(row, Counts::default())
    }

    /// Writes a row with its cluster's counts (GDELT's NumMentions/NumSources/NumArticles;
    /// other formats ignore them).
    pub fn write_counted(&mut self, row: &CodedEvent, counts: Counts) -> io::Result<()> {
        self.write_row(row, None, counts)
    }

    fn write_row(
        &mut self,
        row: &CodedEvent,
        cluster: Option<i64>,
        counts: Counts,
    ) -> io::Result<()> {
        let extra = self.cluster_columns.then_some((cluster, counts));
        if !self.header_done {
            self.header()?;
            self.header_done = true;
        }
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, row).map_err(io::Error::other)?;
                self.out.write_all(b"\n")?;
            }
            Format::Csv => write_flat(&mut self.out, row, b',', extra)?,
            Format::Tsv => write_flat(&mut self.out, row, b'\t', extra)?,
            Format::Gdelt => {
                let e = row.event;
                if !self.include_all && (e.modality != model::Modality::Asserted || e.historical) {
                    self.filtered += 1;
                    return Ok(());
                }
                write_gdelt(&mut self.out, row, &self.date_added, counts)?;
            }
            Format::Table => write_table(&mut self.out, row)?,
        }
        self.written += 1;
        Ok(())
    }

    /// Writes the header if nothing was written yet (so an empty CSV still has its columns),
    /// and under a table with rows the key to its marks.
    pub fn finish(mut self) -> io::Result<W> {
        if !self.header_done {
            self.header()?;
        }
        if self.format == Format::Table && self.written > 0 {
            writeln!(self.out, "{TABLE_KEY}")?;
        }
        self.out.flush()?;
        Ok(self.out)
    }

    /// Writes a line as it is (for callers that serialise whole documents themselves).
    pub fn write_raw_line(&mut self, line: &str) -> io::Result<()> {
        self.out.write_all(line.as_bytes())?;
        self.out.write_all(b"\n")?;
        self.written += 1;
        Ok(())
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn header(&mut self) -> io::Result<()> {
        match self.format {
            Format::Csv | Format::Tsv => {
                let sep = if self.format == Format::Csv { "," } else { "\t" };
                let mut names = FLAT_COLUMNS.to_vec();
                if self.cluster_columns {
                    names.extend_from_slice(CLUSTER_COLUMNS);
                }
                writeln!(self.out, "{}", names.join(sep))
            }
            Format::Table => writeln!(
                self.out,
                "{:<11} {:<12} {:<5} {:<12} {:<12} {:<4} {:<30} trigger",
                "date", "source", "cameo", "target", "modality", "hist", "according to"
            ),
            // GDELT files have no header line.
            Format::Gdelt | Format::Jsonl => Ok(()),
        }
    }
}

fn first_code(actors: &[model::ActorRef]) -> (&str, &str) {
    actors.first().map_or(("", ""), |a| (a.code.as_str(), a.text.as_str()))
}

fn chain_text(e: &Event) -> String {
    e.attribution.chain.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" > ")
}

/// Who contests the event in the same article: each denial's denier (or its cue when nobody
/// is named), joined with " | ".
fn disputed_text(e: &Event) -> String {
    e.disputed_by
        .iter()
        .map(|d| d.denier.as_ref().map_or(d.text.as_str(), |l| l.text.as_str()))
        .collect::<Vec<_>>()
        .join(" | ")
}

fn precision_name(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Second => "second",
        DatePrecision::Minute => "minute",
        DatePrecision::Day => "day",
        DatePrecision::Week => "week",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
        DatePrecision::Decade => "decade",
        DatePrecision::Century => "century",
        DatePrecision::Unknown => "unknown",
    }
}

fn geo_precision_name(p: GeoPrecision) -> &'static str {
    match p {
        GeoPrecision::Place => "place",
        GeoPrecision::City => "city",
        GeoPrecision::Province => "province",
        GeoPrecision::Country => "country",
        GeoPrecision::Unknown => "unknown",
    }
}

/// The values of [`FLAT_COLUMNS`] for one row.
pub(crate) fn flat_fields(row: &CodedEvent) -> Vec<String> {
    let e = row.event;
    let (sc, st) = first_code(&e.sources);
    let (tc, tt) = first_code(&e.targets);
    let time = e.time.as_ref();
    let loc = e.location.as_ref();
    let f32s = |v: f32| format!("{v}");
    let fields: Vec<String> = vec![
        e.article.0.clone(),
        row.url.unwrap_or("").into(),
        row.outlet.unwrap_or("").into(),
        row.published.map_or(String::new(), |p| p.value.clone()),
        row.sentence_text.into(),
        row.trigger_text.into(),
        e.trigger.start.to_string(),
        e.trigger.end.to_string(),
        sc.into(),
        st.into(),
        tc.into(),
        tt.into(),
        e.code.clone(),
        e.root.clone(),
        e.base.clone(),
        f32s(e.goldstein),
        e.quad_class.to_string(),
        e.plover_type.clone().unwrap_or_default(),
        e.plover_mode.clone().unwrap_or_default(),
        e.modality.as_str().into(),
        e.negated.to_string(),
        e.historical.to_string(),
        chain_text(e),
        disputed_text(e),
        time.and_then(|t| t.start.clone()).unwrap_or_default(),
        time.and_then(|t| t.end.clone()).unwrap_or_default(),
        time.map_or("unknown", |t| precision_name(t.precision)).into(),
        time.map_or("", |t| if t.basis == TimeBasis::Text { "text" } else { "publication" }).into(),
        loc.map_or(String::new(), |l| l.name.clone()),
        loc.and_then(|l| l.country.clone()).unwrap_or_default(),
        loc.and_then(|l| l.admin1.clone()).unwrap_or_default(),
        loc.and_then(|l| l.lat).map_or(String::new(), |v| format!("{v:.4}")),
        loc.and_then(|l| l.lon).map_or(String::new(), |v| format!("{v:.4}")),
        loc.map_or("", |l| geo_precision_name(l.precision)).into(),
        format!("{:.2}", e.confidence),
    ];
    fields
}

fn write_flat<W: Write>(
    out: &mut W,
    row: &CodedEvent,
    sep: u8,
    cluster: Option<(Option<i64>, Counts)>,
) -> io::Result<()> {
    let mut fields = flat_fields(row);
    if let Some((id, n)) = cluster {
        fields.push(id.map_or(String::new(), |i| i.to_string()));
        fields.extend([n.mentions, n.sources, n.articles].map(|v| v.to_string()));
    }
    let mut line = Vec::with_capacity(256);
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            line.push(sep);
        }
        if sep == b',' {
            if f.contains([',', '"', '\n', '\r']) {
                line.push(b'"');
                line.extend_from_slice(f.replace('"', "\"\"").as_bytes());
                line.push(b'"');
            } else {
                line.extend_from_slice(f.as_bytes());
            }
        } else {
            line.extend_from_slice(f.replace(['\t', '\n', '\r'], " ").as_bytes());
        }
    }
    line.push(b'\n');
    out.write_all(&line)
}

/// GDELT's GLOBALEVENTID for an event: a stable 63-bit hash of its identifying fields.
pub fn gdelt_id(e: &Event) -> u64 {
    // FNV-1a over the identifying fields: stable across runs and machines.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [
        e.article.0.as_bytes(),
        &e.sentence.to_le_bytes(),
        &e.trigger.start.to_le_bytes(),
        e.code.as_bytes(),
    ] {
        for b in part {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h & 0x7fff_ffff_ffff_ffff
}

fn event_ymd(row: &CodedEvent) -> Option<(i32, u32, u32)> {
    let from_iso = |s: &str| -> Option<(i32, u32, u32)> {
        let y = s.get(..4)?.parse().ok()?;
        let m = s.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
        let d = s.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(1);
        Some((y, m, d))
    };
    row.event
        .time
        .as_ref()
        .filter(|t| t.basis == TimeBasis::Text)
        .and_then(|t| t.start.as_deref())
        .filter(|s| !s.contains('X') && !s.contains('W'))
        .and_then(from_iso)
        .or_else(|| row.published.and_then(|p| from_iso(&p.value)))
}

fn split_code(code: &str) -> (String, String, String) {
    // CAMEO actor code: 3-letter country (or IGO/NGO/etc.) then 3-letter role blocks.
    let blocks: Vec<&str> = (0..code.len()).step_by(3).filter_map(|i| code.get(i..i + 3)).collect();
    let country = blocks
        .first()
        .filter(|b| b.chars().all(|c| c.is_ascii_uppercase()))
        .map(|s| s.to_string())
        .unwrap_or_default();
    let t1 = blocks.get(1).map(|s| s.to_string()).unwrap_or_default();
    let t2 = blocks.get(2).map(|s| s.to_string()).unwrap_or_default();
    (country, t1, t2)
}

/// Whether a location's `admin1` is a division code ("10", "TX", "08") that GDELT's
/// `ADM1Code` (country code + division code) can carry, rather than a division's name
/// ("Madrid, Comunidad de"), which would make the column unjoinable.
fn is_admin1_code(a: &str) -> bool {
    (1..=3).contains(&a.len()) && a.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
}

fn write_gdelt<W: Write>(
    out: &mut W,
    row: &CodedEvent,
    date_added: &str,
    counts: Counts,
) -> io::Result<()> {
    let e = row.event;
    // No date at all (none in the text, no publication date): the date columns stay empty
    // rather than claim the year 0.
    let dates = event_ymd(row).map_or_else(
        || [String::new(), String::new(), String::new(), String::new()],
        |(y, m, d)| {
            let fraction = f64::from(y)
                + (f64::from(m.max(1)) - 1.0) / 12.0
                + (f64::from(d.max(1)) - 1.0) / 365.0;
            [
                format!("{y:04}{m:02}{d:02}"),
                format!("{y:04}{m:02}"),
                format!("{y:04}"),
                format!("{fraction:.4}"),
            ]
        },
    );
    let [sqldate, month_year, year, fraction] = dates;
    let (a1, a1n) = first_code(&e.sources);
    let (a2, a2n) = first_code(&e.targets);
    let (a1c, a1t1, a1t2) = split_code(a1);
    let (a2c, a2t1, a2t2) = split_code(a2);
    let loc = e.location.as_ref().filter(|l| l.precision != GeoPrecision::Unknown);
    let geo_type = loc.map_or(String::new(), |l| {
        let us = l.country.as_deref() == Some("US");
        match (l.precision, us) {
            (GeoPrecision::Country, _) => "1",
            (GeoPrecision::Province, true) => "2",
            (GeoPrecision::City | GeoPrecision::Place, true) => "3",
            (GeoPrecision::City | GeoPrecision::Place, false) => "4",
            (GeoPrecision::Province, false) => "5",
            (GeoPrecision::Unknown, _) => "",
        }
        .to_string()
    });
    let cc = loc.and_then(|l| l.country.as_deref()).and_then(crate::fips::fips).unwrap_or("");
    let s = |v: &str| v.replace(['\t', '\n', '\r'], " ");
    let cols: Vec<String> = vec![
        gdelt_id(e).to_string(),
        sqldate,
        month_year,
        year,
        fraction,
        s(a1),
        s(a1n),
        a1c,
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        a1t1,
        a1t2,
        String::new(),
        s(a2),
        s(a2n),
        a2c,
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        a2t1,
        a2t2,
        String::new(),
        if row.lead { "1" } else { "0" }.into(),
        e.code.clone(),
        e.base.clone(),
        e.root.clone(),
        e.quad_class.to_string(),
        format!("{:.1}", e.goldstein),
        counts.mentions.to_string(),
        counts.sources.to_string(),
        counts.articles.to_string(),
        "0".into(),
        // Actor1Geo_* and Actor2Geo_* (8 each): not guessed.
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        geo_type,
        loc.map_or(String::new(), |l| s(&l.name)),
        cc.to_string(),
        loc.and_then(|l| l.admin1.as_deref())
            .filter(|a| is_admin1_code(a))
            .map_or(String::new(), |a| format!("{cc}{}", a.trim_start_matches(cc))),
        String::new(),
        loc.and_then(|l| l.lat).map_or(String::new(), |v| format!("{v:.4}")),
        loc.and_then(|l| l.lon).map_or(String::new(), |v| format!("{v:.4}")),
        loc.and_then(|l| l.gazetteer_id.as_deref()).map_or(String::new(), s),
        date_added.to_string(),
        s(row.url.unwrap_or("")),
    ];
    debug_assert_eq!(cols.len(), GDELT_COLUMNS.len());
    writeln!(out, "{}", cols.join("\t"))
}

/// The last line of a table: what its marks mean.
const TABLE_KEY: &str = "(date~: the publication date, the text gives the event none; \
                         ?: an actor named but not coded; blank: none named)";

fn write_table<W: Write>(out: &mut W, row: &CodedEvent) -> io::Result<()> {
    let e = row.event;
    let date = e
        .time
        .as_ref()
        .filter(|t| t.basis == TimeBasis::Text)
        .and_then(|t| t.start.clone())
        .or_else(|| row.published.map(|p| format!("{}~", p.value.get(..10).unwrap_or(&p.value))))
        .unwrap_or_default();
    let codes = |a: &[model::ActorRef]| {
        a.iter()
            .map(|x| if x.code.is_empty() { "?" } else { x.code.as_str() })
            .collect::<Vec<_>>()
            .join("+")
    };
    let according: String = e
        .attribution
        .chain
        .iter()
        .filter(|l| l.role != AttributionRole::Outlet)
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" > ");
    let trig = clip(row.trigger_text, 24);
    writeln!(
        out,
        "{:<11} {:<12} {:<5} {:<12} {:<12} {:<4} {:<30} {}",
        // 11: a publication date stands in with a `~` after its day.
        clip(&date, 11),
        clip(&codes(&e.sources), 12),
        e.code,
        clip(&codes(&e.targets), 12),
        e.modality.as_str(),
        if e.historical { "yes" } else { "" },
        clip(&according, 30),
        trig.replace('\n', " ")
    )
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}
