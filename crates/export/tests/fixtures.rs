//! Frozen output formats: a fixed event written in every format, compared with committed
//! fixtures under `tests/data/` (`UPDATE_EXPECT=1` rewrites them; review the diff).

use export::{CodedEvent, Counts, Format, Writer, FLAT_COLUMNS_COUNT};
use model::*;

fn event() -> (Article, Event) {
    let text = "Iraqi police arrested two men in Baqubah on Monday, officials said.".to_string();
    let article = Article {
        id: ContentHash("abc123".into()),
        origin: Origin { input: "x.txt".into(), offset: None, line: None },
        url: Some("https://news.example/a".into()),
        canonical_url: None,
        outlet: Some("Example News".into()),
        agency: None,
        title: Some("Arrests".into()),
        byline: None,
        published: Some(Published {
            value: "2009-01-20".into(),
            precision: DatePrecision::Day,
            source: DateSource::MetaTag,
        }),
        language: Some("en".into()),
        paragraphs: vec![Span::new(0, text.len())],
        html_map: vec![],
        text_hash: ContentHash("def".into()),
        extractor: "test/0".into(),
        text,
    };
    let ev = Event {
        article: article.id.clone(),
        sentence: 0,
        trigger: Span::new(13, 21),
        sources: vec![ActorRef {
            code: "IRQCOP".into(),
            text: "Iraqi police".into(),
            span: Span::new(0, 12),
        }],
        targets: vec![ActorRef {
            code: "IRQ".into(),
            text: "two men".into(),
            span: Span::new(22, 29),
        }],
        code: "173".into(),
        root: "17".into(),
        base: "173".into(),
        goldstein: -5.0,
        quad_class: 4,
        plover_type: Some("ARREST".into()),
        plover_mode: None,
        modality: Modality::Asserted,
        negated: false,
        historical: false,
        attribution: Attribution {
            chain: vec![
                AttributionLink {
                    role: AttributionRole::Outlet,
                    text: "Example News".into(),
                    span: None,
                    actor: None,
                },
                AttributionLink {
                    role: AttributionRole::Source,
                    text: "officials".into(),
                    span: Some(Span::new(52, 61)),
                    actor: None,
                },
            ],
        },
        disputed_by: vec![Denial {
            cue: Span::new(120, 126),
            text: "denied".into(),
            sentence: 2,
            denier: Some(AttributionLink {
                role: AttributionRole::Source,
                text: "the group".into(),
                span: Some(Span::new(106, 115)),
                actor: None,
            }),
            claims: Vec::new(),
        }],
        time: Some(EventTime {
            start: Some("2009-01-19".into()),
            end: Some("2009-01-19".into()),
            precision: DatePrecision::Day,
            basis: TimeBasis::Text,
            span: Some(Span::new(42, 51)),
        }),
        location: Some(Location {
            name: "Baqubah".into(),
            gazetteer_id: Some("98463".into()),
            admin1: Some("10".into()),
            country: Some("IQ".into()),
            lat: Some(33.7466),
            lon: Some(44.6437),
            precision: GeoPrecision::City,
            span: Some(Span::new(33, 40)),
        }),
        confidence: 0.9,
        evidence: vec![Span::new(13, 21)],
    };
    (article, ev)
}

fn render(format: Format, all: bool, ev: &Event, article: &Article) -> String {
    let row = CodedEvent {
        url: article.url.as_deref(),
        outlet: article.outlet.as_deref(),
        title: article.title.as_deref(),
        published: article.published.as_ref(),
        sentence_text: &article.text,
        trigger_text: ev.trigger.slice(&article.text).unwrap(),
        lead: true,
        event: ev,
    };
    let mut w = Writer::new(Vec::new(), format, all, "20090120000000".into());
    w.write(&row).unwrap();
    String::from_utf8(w.finish().unwrap()).unwrap()
}

fn check(name: &str, got: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing fixture {}; run with UPDATE_EXPECT=1", path.display()));
    assert_eq!(got, want, "{name} changed; review and rerun with UPDATE_EXPECT=1 if intended");
}

#[test]
fn formats_are_frozen() {
    let (article, ev) = event();
    for (format, file) in [
        (Format::Jsonl, "event.jsonl"),
        (Format::Csv, "event.csv"),
        (Format::Tsv, "event.tsv"),
        (Format::Gdelt, "event.gdelt.tsv"),
        (Format::Table, "event.table.txt"),
    ] {
        check(file, &render(format, false, &ev, &article));
    }
}

#[test]
fn gdelt_has_61_columns_and_fips_codes() {
    let (article, ev) = event();
    let line = render(Format::Gdelt, false, &ev, &article);
    let cols: Vec<&str> = line.trim_end_matches('\n').split('\t').collect();
    assert_eq!(cols.len(), 61);
    assert_eq!(cols[1], "20090119", "the event's own date, not publication");
    assert_eq!(cols[53], "IZ", "FIPS code for Iraq");
    assert_eq!(cols[60], "https://news.example/a");
    let csv = render(Format::Csv, false, &ev, &article);
    assert_eq!(csv.lines().next().unwrap().split(',').count(), FLAT_COLUMNS_COUNT);
}

#[test]
fn gdelt_keeps_only_asserted_current_events_unless_all() {
    let (article, mut ev) = event();
    ev.modality = Modality::Planned;
    assert_eq!(render(Format::Gdelt, false, &ev, &article), "");
    assert!(!render(Format::Gdelt, true, &ev, &article).is_empty());
    ev.modality = Modality::Asserted;
    ev.historical = true;
    assert_eq!(render(Format::Gdelt, false, &ev, &article), "");
}

#[test]
fn table_shows_a_publication_date_whole() {
    // A date that stands in from the publication ("2009-01-20~") lost its day: "2009-01-2…".
    let (article, mut ev) = event();
    ev.time.as_mut().unwrap().basis = model::TimeBasis::PublicationFallback;
    let table = render(Format::Table, false, &ev, &article);
    let row = table.lines().nth(1).unwrap();
    let date = &article.published.as_ref().unwrap().value[..10];
    assert!(row.starts_with(&format!("{date}~ ")), "{table}");
    // The marks are explained under the table.
    assert!(table.lines().last().unwrap().starts_with("(date~: the publication date"), "{table}");
    assert_eq!(table.lines().next().unwrap().find("source"), row.find(ev.sources[0].code.as_str()));
}

#[test]
fn unknown_format_lists_the_formats() {
    let err = "parquet-ish".parse::<Format>().unwrap_err().to_string();
    assert!(err.contains("table, jsonl, csv, tsv, gdelt"), "{err}");
}

/// An event with no date at all: GDELT's date columns stay empty, never "00000000"/year 0.
#[test]
fn gdelt_leaves_dates_empty_when_there_is_none() {
    let (mut article, mut ev) = event();
    ev.time = None;
    article.published = None;
    let line = render(Format::Gdelt, false, &ev, &article);
    let cols: Vec<&str> = line.trim_end_matches('\n').split('\t').collect();
    assert_eq!(cols.len(), 61);
    assert_eq!(&cols[1..5], ["", "", "", ""], "{line}");
}

/// `ActionGeo_ADM1Code` is a code (FIPS country + division code) or nothing: a division's
/// name from the gazetteer does not go into it.
#[test]
fn gdelt_adm1_code_is_a_code_or_empty() {
    let (article, mut ev) = event();
    let adm1 = |ev: &Event| {
        let line = render(Format::Gdelt, false, ev, &article);
        line.trim_end_matches('\n').split('\t').nth(54).unwrap().to_string()
    };
    assert_eq!(adm1(&ev), "IZ10");
    ev.location.as_mut().unwrap().admin1 = Some("Diyālá".into());
    assert_eq!(adm1(&ev), "");
    ev.location.as_mut().unwrap().admin1 = Some("Madrid, Comunidad de".into());
    assert_eq!(adm1(&ev), "");
    // The name stays available in the flat formats.
    let csv = render(Format::Csv, false, &ev, &article);
    assert!(csv.contains("\"Madrid, Comunidad de\""), "{csv}");
}

/// A store export's CSV/TSV rows end with the cluster id and counts, under their names.
#[test]
fn cluster_columns_close_store_rows() {
    let (article, ev) = event();
    let row = CodedEvent {
        url: article.url.as_deref(),
        outlet: article.outlet.as_deref(),
        title: article.title.as_deref(),
        published: article.published.as_ref(),
        sentence_text: &article.text,
        trigger_text: ev.trigger.slice(&article.text).unwrap(),
        lead: true,
        event: &ev,
    };
    for (format, sep) in [(Format::Csv, ','), (Format::Tsv, '\t')] {
        let mut w = Writer::new(Vec::new(), format, false, String::new()).with_cluster_columns();
        w.write_clustered(&row, Some(7), Counts { mentions: 3, sources: 2, articles: 3 }).unwrap();
        w.write_clustered(&row, None, Counts::default()).unwrap();
        let text = String::from_utf8(w.finish().unwrap()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let cols = |l: &str| l.split(sep).map(str::to_string).collect::<Vec<_>>();
        let head = cols(lines[0]);
        assert_eq!(head.len(), FLAT_COLUMNS_COUNT + 4);
        assert_eq!(
            head[FLAT_COLUMNS_COUNT..],
            ["cluster", "num_mentions", "num_sources", "num_articles"]
        );
        let tail = |l: &str| cols(l)[cols(l).len() - 4..].join(" ");
        assert_eq!(tail(lines[lines.len() - 2]), "7 3 2 3");
        assert_eq!(tail(lines[lines.len() - 1]), " 1 1 1");
    }
}
