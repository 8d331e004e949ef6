//! `RawDocument` → `Article`: charset, boilerplate removal, metadata, plain-text news items.
//!
//! The one entry point is [`extract`]. It never panics on hostile input: limits in [`Options`]
//! bound memory and time, problems that still leave an article are reported as
//! [`Diagnostic`]s beside it, and only documents that yield nothing usable are an
//! [`ExtractError`].

#![forbid(unsafe_code)]

use model::{Article, RawDocument};
use std::fmt;

/// Limits and switches for one extraction. `Default` is what the CLI uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Documents larger than this are refused with [`ExtractError::TooLarge`].
    pub max_input_bytes: usize,
    /// Deepest element nesting handed to the DOM-based extractor. Deeper pages fall back to the
    /// streaming text extractor (with a [`DiagnosticKind::DepthLimit`] diagnostic).
    pub max_depth: usize,
    /// Most elements handed to the DOM-based extractor; above it the streaming fallback runs.
    pub max_elements: usize,
    /// Detect the body's language.
    pub detect_language: bool,
    /// When to ask the engine for its second opinions (see [`Fallback`]).
    pub fallback: Fallback,
    /// With [`Fallback::Doubtful`]: a first pass keeping less than this share of the page's
    /// visible text, or more than `doubt_above`, is redone with the fallbacks.
    pub doubt_below: f64,
    pub doubt_above: f64,
    /// With [`Fallback::Doubtful`]: a first pass of at most this many paragraphs is redone
    /// with the fallbacks too. When the engine's main extraction fails it dumps the whole
    /// page's text as one block, which is then mostly menus and link lists.
    pub doubt_max_paragraphs: usize,
}

/// When the boilerplate engine's slower second opinions run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    Never,
    /// Only when the first pass looks doubtful: too small a share of the page, or one block
    /// (the default; see [`Options::doubt_below`]).
    Doubtful,
    Always,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_input_bytes: 64 << 20,
            max_depth: 512,
            max_elements: 200_000,
            detect_language: true,
            fallback: Fallback::Doubtful,
            // Measured on both benchmarks (second opinions on every page, compared page by page
            // with none): they pay where the first pass kept under a tenth of the page's text or
            // came back as one block; the share alone (35 % before) paid less and cost five
            // times as many second passes. A high share bound did not pay for its cost.
            doubt_below: 0.10,
            doubt_above: 1.0,
            doubt_max_paragraphs: 1,
        }
    }
}

/// An article and what went wrong on the way (nothing fatal).
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub article: Article,
    pub diagnostics: Vec<Diagnostic>,
    /// The encoding the bytes were decoded with and why (`"windows-1252 (meta)"`,
    /// `"UTF-8 (utf8-valid)"`): provenance for the text.
    pub encoding: String,
    /// Share of the page's visible text the boilerplate engine's first pass kept (`None` when
    /// no first pass ran: plain text, the streaming fallback, or [`Fallback::Always`]).
    pub kept_share: Option<f64>,
    /// Whether the engine's slower second opinions ran (see [`Fallback`]).
    pub second_opinion: bool,
}

/// What a diagnostic is about, so callers can count and filter them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiagnosticKind {
    /// The declared charset disagreed with the bytes; another one was used.
    CharsetConflict,
    /// Some bytes were not valid in the chosen encoding and became U+FFFD.
    MalformedBytes,
    /// Nesting deeper than [`Options::max_depth`]: the streaming fallback was used.
    DepthLimit,
    /// More elements than [`Options::max_elements`]: the streaming fallback was used.
    ElementLimit,
    /// The boilerplate extractor found nothing and a simpler one was used.
    ExtractorFallback,
    /// No body text was found.
    EmptyBody,
}

/// A non-fatal problem met while extracting one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    /// Byte offset into the raw document the problem concerns, when there is one.
    pub offset: Option<u64>,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.offset {
            Some(o) => write!(f, "byte {o}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Why a document yielded no article.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("document is {size} bytes, above the limit of {limit}")]
    TooLarge { size: usize, limit: usize },
    #[error("document is empty")]
    Empty,
    #[error("document looks binary (NUL or control bytes at byte {offset}), not text or HTML")]
    Binary { offset: usize },
    /// A bug in this crate or a dependency (a caught panic); the batch can go on.
    #[error("internal error in the extractor: {0}")]
    Internal(String),
}

mod align;
pub mod boilerplate;
mod charset;
mod dates;
pub mod eval;
mod lang;
mod meta;
mod newsfix;
mod plain;
mod scan;

use boilerplate::Boilerplate;
use model::{DateSource, Published, Span};
use sha2::{Digest, Sha256};

/// This crate's name and version, the first half of `Article.extractor`.
pub const EXTRACTOR: &str = concat!("annalist-extract/", env!("CARGO_PKG_VERSION"));

/// Extracts one article from a raw document (HTML, or plain text when `doc.hints.plain_text`).
pub fn extract(doc: &RawDocument, opts: &Options) -> Result<Extracted, ExtractError> {
    if doc.bytes.len() > opts.max_input_bytes {
        return Err(ExtractError::TooLarge { size: doc.bytes.len(), limit: opts.max_input_bytes });
    }
    if doc.bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ExtractError::Empty);
    }
    if let Some(offset) = binary_offset(&doc.bytes) {
        return Err(ExtractError::Binary { offset });
    }
    let run = || {
        if doc.hints.plain_text {
            extract_plain(doc, opts)
        } else {
            extract_html(doc, opts, &boilerplate::Trafilatura)
        }
    };
    // A panic in a dependency must cost one document, not the batch.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).unwrap_or_else(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        Err(ExtractError::Internal(msg))
    })
}

/// Offset of the first NUL in the first 4 KiB (text and HTML never have one; UTF-16 pages
/// with a BOM are decoded before this matters).
fn binary_offset(bytes: &[u8]) -> Option<usize> {
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return None;
    }
    bytes[..bytes.len().min(4096)].iter().position(|&b| b == 0)
}

fn sha256_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let d = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in d {
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
    }
    out
}

fn join_paragraphs(paras: &[String]) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(paras.len());
    for p in paras {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(p);
        spans.push(Span::new(start, text.len()));
    }
    (text, spans)
}

/// Cuts a paragraph that is, apart from whitespace, two or more consecutive visible blocks of
/// the page (headline, byline, date line, paragraphs run together by the engine) back into
/// those blocks; any other paragraph is kept as it is.
fn resplit_run_together(paras: Vec<String>, blocks: &[String]) -> Vec<String> {
    fn squeeze(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }
    let squeezed: Vec<String> = blocks.iter().map(|b| squeeze(b)).collect();
    let mut out = Vec::with_capacity(paras.len());
    for p in paras {
        match blocks_covering(&squeeze(&p), &squeezed) {
            Some((i, j)) if j - i >= 2 => out.extend(blocks[i..j].iter().cloned()),
            _ => out.push(p),
        }
    }
    out
}

/// The first run of consecutive non-empty `blocks` whose concatenation is exactly `p`.
fn blocks_covering(p: &str, blocks: &[String]) -> Option<(usize, usize)> {
    if p.is_empty() {
        return None;
    }
    for i in 0..blocks.len() {
        if blocks[i].is_empty() || !p.starts_with(blocks[i].as_str()) {
            continue;
        }
        let (mut at, mut j) = (0, i);
        while j < blocks.len() && p[at..].starts_with(blocks[j].as_str()) {
            at += blocks[j].len();
            j += 1;
            if at == p.len() {
                return Some((i, j));
            }
        }
    }
    None
}

/// The date the container gives: the record's own date (JSONL `date`), else the day it was
/// captured (WARC-Date), which the page cannot postdate. A capture time is no publication
/// time, so the capture gives the day only.
fn container_date(doc: &RawDocument) -> Option<Published> {
    if let Some(d) = doc.hints.date.as_deref().and_then(dates::parse_machine) {
        return Some(d.published(DateSource::Container));
    }
    let d = doc.fetched.as_deref().and_then(dates::parse_machine)?;
    Some(dates::PartialDate { time: None, ..d }.published(DateSource::Container))
}

/// The publisher and the cited agency of a plain item. A dateline's agency ("GAZA (Reuters)
/// -") is the publisher only when nothing else names one; the outlet the record gives (a
/// JSONL `outlet`/`source`) or the item's source line publishes, and the agency is then the
/// source it cites.
fn plain_outlet(
    item: &mut plain::PlainItem,
    hint: Option<&str>,
) -> (Option<String>, Option<String>) {
    let from_dateline = item.agency.is_some() && item.outlet == item.agency;
    let outlet = if from_dateline {
        hint.map(str::to_string).or_else(|| item.outlet.take())
    } else {
        item.outlet.take().or_else(|| hint.map(str::to_string))
    };
    let agency =
        item.agency.take().filter(|a| outlet.as_deref().is_some_and(|o| !plain::same_outlet(o, a)));
    (outlet, agency)
}

fn empty_body(diags: &mut Vec<Diagnostic>) {
    diags.push(Diagnostic {
        kind: DiagnosticKind::EmptyBody,
        offset: None,
        message: "no body text found".into(),
    });
}

fn extract_plain(doc: &RawDocument, opts: &Options) -> Result<Extracted, ExtractError> {
    let mut diags = Vec::new();
    let decoded =
        charset::decode(&doc.bytes, doc.content_type.as_deref(), doc.uri.as_deref(), &mut diags);
    let hint = doc.hints.date.as_deref().or(doc.fetched.as_deref()).and_then(dates::parse_machine);
    let mut item = plain::parse(&decoded.text, hint.map(|d| d.year));
    let (outlet, agency) = plain_outlet(&mut item, doc.hints.outlet.as_deref());
    if item.text.is_empty() {
        empty_body(&mut diags);
    }
    let language = if opts.detect_language { lang::detect(&item.text, None) } else { None };
    let url = doc.uri.clone().or(item.url.clone());
    let article = Article {
        id: doc.hash.clone(),
        origin: doc.origin.clone(),
        url,
        canonical_url: item.url.clone(),
        outlet,
        agency,
        title: item.title.or_else(|| doc.hints.title.clone()),
        byline: item.byline,
        published: item.published.or_else(|| container_date(doc)),
        language,
        text_hash: model::ContentHash(sha256_hex(item.text.as_bytes())),
        text: item.text,
        paragraphs: item.paragraphs,
        html_map: Vec::new(),
        extractor: format!("{EXTRACTOR}+plain"),
    };
    Ok(Extracted {
        article,
        diagnostics: diags,
        encoding: format!("{} ({})", decoded.encoding.name(), decoded.basis),
        kept_share: None,
        second_opinion: false,
    })
}

fn day_order(html_lang: Option<&str>, language: Option<&str>) -> dates::DayOrder {
    let tag = html_lang.unwrap_or("").to_ascii_lowercase();
    match language.or_else(|| tag.split('-').next()) {
        Some("en") if tag == "en-us" || tag == "en" || tag.is_empty() => {
            dates::DayOrder::MonthFirst
        }
        Some("en") => dates::DayOrder::DayFirst,
        Some(l) if !l.is_empty() => dates::DayOrder::DayFirst,
        _ => dates::DayOrder::Unknown,
    }
}

fn extract_html(
    doc: &RawDocument,
    opts: &Options,
    engine: &dyn Boilerplate,
) -> Result<Extracted, ExtractError> {
    let mut diags = Vec::new();
    let decoded =
        charset::decode(&doc.bytes, doc.content_type.as_deref(), doc.uri.as_deref(), &mut diags);
    let scan = scan::scan(&decoded.text);
    let ld = meta::json_ld(&scan.json_ld);
    let canonical = meta::canonical(&scan, &ld, doc.uri.as_deref());
    let url = doc.uri.clone().or_else(|| canonical.clone());

    let within_limits = if scan.max_depth > opts.max_depth {
        diags.push(Diagnostic {
            kind: DiagnosticKind::DepthLimit,
            offset: None,
            message: format!(
                "elements nest {} deep, above the limit of {}; used the streaming text fallback",
                scan.max_depth, opts.max_depth
            ),
        });
        false
    } else if scan.elements > opts.max_elements {
        diags.push(Diagnostic {
            kind: DiagnosticKind::ElementLimit,
            offset: None,
            message: format!(
                "{} elements, above the limit of {}; used the streaming text fallback",
                scan.elements, opts.max_elements
            ),
        });
        false
    } else {
        true
    };
    let kept_share = std::cell::Cell::new(None);
    let second_opinion = std::cell::Cell::new(false);
    let (paras, engine_name) = if within_limits {
        let lean = scan.lean(&decoded.text);
        let vis_len = scan.vis.len().max(1) as f64;
        let share_of =
            |first: &[String]| first.iter().map(String::len).sum::<usize>() as f64 / vis_len;
        let paras = match opts.fallback {
            Fallback::Never => {
                let first = engine.paragraphs(&lean, url.as_deref());
                kept_share.set(Some(share_of(&first)));
                first
            }
            Fallback::Always => {
                second_opinion.set(true);
                engine.paragraphs_with_fallback(&lean, url.as_deref())
            }
            Fallback::Doubtful => {
                let doubtful = |first: &[String]| {
                    let share = share_of(first);
                    kept_share.set(Some(share));
                    let doubt = share < opts.doubt_below
                        || share > opts.doubt_above
                        || first.len() <= opts.doubt_max_paragraphs;
                    second_opinion.set(doubt);
                    doubt
                };
                engine.paragraphs_unless_doubtful(&lean, url.as_deref(), &doubtful)
            }
        };
        // A short page goes through the engine's baseline pass, which runs its container's
        // blocks together with no break ("…kills fiveBy Jane Reporter2024-03-05Israeli…").
        let paras = if second_opinion.get() || paras.len() <= opts.doubt_max_paragraphs {
            resplit_run_together(paras, &boilerplate::streaming(&scan))
        } else {
            paras
        };
        (paras, engine.name())
    } else {
        (boilerplate::streaming(&scan), "streaming")
    };
    let titles: Vec<&str> = [
        scan.title.as_deref(),
        meta::meta(&scan, &["og:title", "twitter:title"]),
        ld.headline.as_deref(),
    ]
    .into_iter()
    .flatten()
    .chain(scan.h1.iter().map(String::as_str))
    .collect();
    let paras = newsfix::clean(paras, &titles);
    let (text, paragraphs) = join_paragraphs(&paras);
    if text.is_empty() {
        empty_body(&mut diags);
    }
    let html_map = align::html_map(&text, &paragraphs, &scan, &decoded.offsets);

    let language =
        if opts.detect_language { lang::detect(&text, scan.html_lang.as_deref()) } else { None };
    let host = url.as_deref().and_then(meta::host_outlet);
    let outlet = meta::outlet(&scan, &ld, url.as_deref());
    let site_for_title = meta::meta(&scan, &["og:site_name", "application-name"])
        .map(str::to_string)
        .or_else(|| ld.publisher.clone());
    let title = meta::title(&scan, &ld, site_for_title.as_deref(), host.as_deref());
    let body_start = paragraphs.first().and_then(|p| {
        let first = &text[p.start as usize
            ..meta::floor_char(&text, p.start as usize + 40).max(p.start as usize)];
        (!first.is_empty()).then(|| scan.vis.find(first)).flatten()
    });
    let order = day_order(scan.html_lang.as_deref(), language.as_deref());
    let max = meta::max_date(doc.fetched.as_deref());
    let published = meta::published(&scan, &ld, url.as_deref(), body_start, order, max)
        .or_else(|| container_date(doc));

    let article = Article {
        id: doc.hash.clone(),
        origin: doc.origin.clone(),
        url,
        canonical_url: canonical,
        outlet: outlet.or_else(|| doc.hints.outlet.clone()),
        agency: None,
        title: title.or_else(|| doc.hints.title.clone()),
        byline: meta::byline(&scan, &ld),
        published,
        language,
        text_hash: model::ContentHash(sha256_hex(text.as_bytes())),
        text,
        paragraphs,
        html_map,
        extractor: format!("{EXTRACTOR}+{engine_name}"),
    };
    Ok(Extracted {
        article,
        diagnostics: diags,
        encoding: format!("{} ({})", decoded.encoding.name(), decoded.basis),
        kept_share: kept_share.get(),
        second_opinion: second_opinion.get(),
    })
}
