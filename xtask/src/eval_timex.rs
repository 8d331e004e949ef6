//! `cargo xtask eval-timex`: the temporal-expression engine's full figures on TE3-platinum
//! (TempEval-3 relaxed/strict/type/value P/R/F1, every error listed) and on the news probe
//! (each item), plus Python dateparser on the probe when it is installed.
//!
//! Data comes from `../shared/data` (or `$ANNALIST_SHARED/data`); nothing here is shipped.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use timex::eval::{probe, render, te3};

fn shared() -> PathBuf {
    match std::env::var_os("ANNALIST_SHARED") {
        Some(p) => PathBuf::from(p),
        None => crate::tidy::workspace_root().join("..").join("shared"),
    }
}

pub fn run() -> Result<()> {
    let data = shared().join("data");
    te3_report(&data.join("te3-platinum"))?;
    let probe_dir = data.join("news-timex-probe");
    let exprs = probe::run(&probe_dir.join("expressions.tsv")).context("probe expressions")?;
    let sents = probe::run(&probe_dir.join("sentences.tsv")).context("probe sentences")?;
    print_probe("probe expressions", &exprs);
    print_probe("probe sentences", &sents);
    dateparser(&exprs);
    Ok(())
}

fn te3_report(dir: &Path) -> Result<()> {
    let rep = te3::evaluate(dir).with_context(|| dir.display().to_string())?;
    print!("{}", render::te3_report(&rep));
    Ok(())
}

fn print_probe(title: &str, items: &[probe::ProbeItem]) {
    print!("{}", render::probe_report(title, items));
}

/// Python dateparser on the same expressions (`PREFER_DATES_FROM=past`, reference 2009-03-18
/// 12:00), scored leniently (its date inside the expected interval) since it has no granularity.
fn dateparser(items: &[probe::ProbeItem]) {
    const SCRIPT: &str = r#"
import sys, datetime
try:
    import dateparser
except ImportError:
    print("MISSING"); sys.exit(0)
base = datetime.datetime(2009, 3, 18, 12, 0)
for line in sys.stdin.read().splitlines():
    d = dateparser.parse(line, settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    print(d.date().isoformat() if d else "NONE")
"#;
    use std::io::Write;
    let child = std::process::Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn();
    let Ok(mut child) = child else {
        println!("== dateparser: skipped (python3 not found) ==");
        return;
    };
    let input: String = items.iter().map(|i| format!("{}\n", i.text)).collect();
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(input.as_bytes());
    }
    let Ok(out) = child.wait_with_output() else {
        println!("== dateparser: skipped (python3 failed) ==");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    if text.trim() == "MISSING" || text.lines().count() != items.len() {
        println!("== dateparser: skipped (python module `dateparser` not installed: pip install dateparser) ==");
        return;
    }
    let mut ok = 0;
    let mut rows = Vec::new();
    for (i, got) in items.iter().zip(text.lines()) {
        let pass = if i.expected.is_empty() {
            got == "NONE"
        } else {
            timex::NaiveDate::parse_from_str(got, "%Y-%m-%d").is_ok_and(|d| {
                i.expected
                    .iter()
                    .filter_map(|e| timex::value_interval(e))
                    .any(|iv| iv.start <= d && d <= iv.end)
            })
        };
        ok += usize::from(pass);
        rows.push(format!(
            "  {} {:<4} {:<28} dateparser {}",
            if pass { "ok  " } else { "FAIL" },
            i.id,
            i.text,
            got
        ));
    }
    let ours = items.iter().filter(|i| i.lenient).count();
    println!(
        "== dateparser (lenient): {ok}/{} vs ours lenient {ours}/{} ==",
        items.len(),
        items.len()
    );
    for r in rows {
        println!("{r}");
    }
}
