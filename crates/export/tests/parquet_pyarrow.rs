//! Parquet export read back by pandas/pyarrow: column names, types and values survive.
//! Skips with a message when python3 with pyarrow and pandas is absent locally; under CI
//! (`CI=true`) that is an error (`.ci/run` installs them: `pip install pyarrow pandas`).
#![cfg(feature = "parquet")]

use export::parquet_out::ParquetWriter;
use export::{CodedEvent, Counts};
use model::*;
use std::process::Command;

fn event(code: &str, start: u32) -> Event {
    Event {
        article: ContentHash("abc".into()),
        sentence: 0,
        trigger: Span::new(start as usize, start as usize + 8),
        sources: vec![ActorRef {
            code: "IRQCOP".into(),
            text: "Iraqi police".into(),
            span: Span::new(0, 12),
        }],
        targets: vec![],
        code: code.into(),
        root: code[..2].into(),
        base: code[..3].into(),
        goldstein: -5.0,
        quad_class: 4,
        plover_type: Some("ARREST".into()),
        plover_mode: None,
        modality: Modality::Denied,
        negated: false,
        historical: false,
        attribution: Attribution::default(),
        disputed_by: Vec::new(),
        time: None,
        location: None,
        confidence: 0.75,
        evidence: vec![],
    }
}

#[test]
fn pandas_reads_what_we_write() {
    let python = Command::new("python3")
        .args(["-c", "import pyarrow, pandas"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !python {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI needs python3 with pyarrow and pandas (pip install pyarrow pandas)"
        );
        eprintln!("SKIP parquet_pyarrow: python3 with pyarrow and pandas not found (pip install pyarrow pandas)");
        return;
    }
    let dir = std::env::temp_dir().join(format!("annalist-parquet-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("events.parquet");
    let (a, b) = (event("1711", 13), event("173", 40));
    let row = |e| CodedEvent {
        url: Some("https://news.example/a"),
        outlet: Some("Example, \"News\""),
        title: None,
        published: None,
        sentence_text: "Iraqi police arrested two men.",
        trigger_text: "arrested",
        lead: true,
        event: e,
    };
    let mut w = ParquetWriter::new(std::fs::File::create(&path).unwrap()).unwrap();
    w.write_batch(&[(row(&a), Some(7), Counts { mentions: 3, sources: 2, articles: 3 })]).unwrap();
    w.write_batch(&[(row(&b), None, Counts::default())]).unwrap();
    w.finish().unwrap();
    let script = r#"
import sys, pandas as pd
df = pd.read_parquet(sys.argv[1])
print(len(df), list(df.columns)[:3], df['cameo'].tolist(), df['trigger_start'].tolist(), df['goldstein'].tolist(),
      df['modality'].tolist(), df['outlet'][0], df['cluster'].tolist(), df['num_sources'].tolist(), str(df['quad_class'].dtype),
      str(df['negated'].dtype), df['historical'].tolist())
"#;
    // pyarrow has been seen to abort at interpreter exit ("terminate called without an active
    // exception", SIGABRT) on a file it then reads fine: a run killed by a signal is tried again,
    // twice at most; a Python error (an exit code) fails at once.
    let mut out = Command::new("python3").args(["-c", script]).arg(&path).output().unwrap();
    for _ in 0..2 {
        if out.status.code().is_some() {
            break;
        }
        eprintln!("python3 was killed ({}); trying again", String::from_utf8_lossy(&out.stderr));
        out = Command::new("python3").args(["-c", script]).arg(&path).output().unwrap();
    }
    let got = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        got.trim(),
        "2 ['article_id', 'url', 'outlet'] ['1711', '173'] [13, 40] [-5.0, -5.0] ['denied', 'denied'] Example, \"News\" [7.0, nan] [2, 1] int64 bool [False, False]"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
