//! `annalist query`: events from the store by actor, code, PLOVER type, dates, place,
//! modality, historical flag, outlet and free text, as a table, JSONL or CSV.

use super::Outcome;
use export::{CodedEvent, Counts, Format, Writer};
use std::io::{self, IsTerminal};
use std::path::PathBuf;
use store::{Filter, OpenOptions, SqliteStore, Store};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The store (default: the user's data directory, annalist/annalist.db).
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Actor code prefix (IRN, IRNGOV) or a word of the actor's name, source or target.
    #[arg(long)]
    pub actor: Option<String>,
    /// CAMEO code prefix: root (19), base (190) or full code (1951).
    #[arg(long, value_parser = cameo_prefix)]
    pub code: Option<String>,
    /// PLOVER event type (ASSAULT, PROTEST, …).
    #[arg(long)]
    pub plover: Option<String>,
    /// First event date (ISO: YYYY, YYYY-MM or YYYY-MM-DD, inclusive).
    #[arg(long, value_parser = date_bound)]
    pub from: Option<String>,
    /// Last event date (ISO: YYYY, YYYY-MM or YYYY-MM-DD, inclusive).
    #[arg(long, value_parser = date_bound)]
    pub to: Option<String>,
    /// Country (ISO code) or a word of the place name.
    #[arg(long)]
    pub place: Option<String>,
    /// asserted, negated, attempted, planned, threatened, hypothetical, denied or alleged.
    #[arg(long, value_parser = modality)]
    pub modality: Option<String>,
    /// Only historical (true) or only current (false) events.
    #[arg(long)]
    pub historical: Option<bool>,
    /// Outlet name (substring).
    #[arg(long)]
    pub outlet: Option<String>,
    /// Words that must all occur in the trigger, actors, title or sentence.
    #[arg(long)]
    pub text: Option<String>,
    /// Only the newest version of each URL.
    #[arg(long)]
    pub latest: bool,
    /// At most this many events.
    #[arg(long, value_parser = at_least_one)]
    pub limit: Option<usize>,
    /// table (default on a terminal), jsonl (default when piped), csv or tsv.
    #[arg(long, short = 'f')]
    pub format: Option<String>,
}

/// A `--from`/`--to` value: an ISO date that exists (a malformed bound matched nothing, silently).
fn date_bound(s: &str) -> Result<String, String> {
    store::check_date_bound(s).map(|()| s.to_string())
}

/// A `--code` value: 1 to 4 digits, as the API takes (`1x` or `19x` matched nothing, silently).
fn cameo_prefix(s: &str) -> Result<String, String> {
    if (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(s.to_string())
    } else {
        Err(format!("`{s}` is not a CAMEO code prefix (1–4 digits: 19, 190, 1951)"))
    }
}

fn modality(s: &str) -> Result<String, String> {
    model::Modality::parse(s).map(|_| s.to_string()).ok_or_else(|| {
        format!("unknown modality `{s}`; expected asserted, negated, attempted, planned, threatened, hypothetical, denied or alleged")
    })
}

/// A `--limit` value: 0 printed nothing and said nothing.
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("`{s}` is not a number")),
    }
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let path = args.db.clone().unwrap_or_else(store::default_path);
    let db = SqliteStore::open(&path, &OpenOptions { read_only: true, max_pages: None })?;
    let modality = match &args.modality {
        Some(m) => Some(
            model::Modality::parse(m).ok_or_else(|| anyhow::anyhow!("unknown modality `{m}`"))?,
        ),
        None => None,
    };
    let filter = Filter {
        actor: args.actor,
        code: args.code,
        plover: args.plover,
        from: args.from,
        to: args.to,
        place: args.place,
        modality,
        historical: args.historical,
        outlet: args.outlet,
        text: args.text,
        latest_only: args.latest,
        limit: args.limit,
    };
    let format = match args.format.as_deref() {
        Some("table") => Format::Table,
        Some("jsonl" | "json") => Format::Jsonl,
        Some("csv") => Format::Csv,
        Some("tsv") => Format::Tsv,
        Some(other) => anyhow::bail!("unknown format `{other}`; expected table, jsonl, csv or tsv"),
        None if io::stdout().is_terminal() => Format::Table,
        None => Format::Jsonl,
    };
    let rows = db.events(&filter)?;
    let stdout = io::stdout();
    let out = io::BufWriter::new(stdout.lock());
    if format == Format::Jsonl {
        // Every field of the stored row: the event, its article and its cluster's counts.
        use std::io::Write as _;
        let mut out = out;
        for r in &rows {
            serde_json::to_writer(&mut out, r)?;
            if writeln!(out).is_err() {
                return Ok(Outcome::Clean);
            }
        }
        // A write error surfaces here, not lost when the buffer is dropped; the count is said
        // as for the other formats, so an empty answer is told from a silent failure.
        out.flush()?;
        eprintln!("annalist: {} event(s)", rows.len());
        return Ok(Outcome::Clean);
    }
    let mut w = Writer::new(out, format, true, String::new());
    for r in &rows {
        let row = coded(r);
        if let Err(e) = w.write_counted(&row, counts(r)) {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return Ok(Outcome::Clean);
            }
            return Err(e.into());
        }
    }
    w.finish()?;
    eprintln!("annalist: {} event(s)", rows.len());
    Ok(Outcome::Clean)
}

/// A stored row as the export writers take it.
pub fn coded(r: &store::EventRow) -> CodedEvent<'_> {
    CodedEvent {
        url: r.url.as_deref(),
        outlet: r.outlet.as_deref(),
        title: r.title.as_deref(),
        published: r.published.as_ref(),
        sentence_text: &r.sentence_text,
        trigger_text: &r.trigger_text,
        lead: r.lead,
        event: &r.event,
    }
}

pub fn counts(r: &store::EventRow) -> Counts {
    Counts { mentions: r.num_mentions, sources: r.num_sources, articles: r.num_articles }
}
