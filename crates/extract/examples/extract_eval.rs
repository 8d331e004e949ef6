//! Scores the extractor on the two public benchmarks and prints the figures (and, with
//! `--worst N`, the N worst ScrapingHub pages, `--dates` the date misses; `--dump DIR` writes
//! every article as JSON to DIR/sh.jsonl and DIR/te.jsonl, to diff two builds), for tuning.
//!
//! `cargo run --release -p extract --example extract_eval -- [--worst N] [--dates] [--dump DIR]
//! [--fallback never|always] [--doubt-below SHARE] [--doubt-above SHARE]`

use extract::eval::{self, DateVerdict, Gold, SnippetCounts};
use model::{ContentHash, Hints, Origin, RawDocument};
use std::time::Instant;

fn raw(p: &eval::Page) -> RawDocument {
    RawDocument {
        origin: Origin { input: p.id.clone(), ..Default::default() },
        uri: Some(p.url.clone()),
        fetched: None,
        content_type: None,
        hash: ContentHash(p.id.clone()),
        bytes: p.html.clone(),
        hints: Hints::default(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let worst: usize = args
        .iter()
        .position(|a| a == "--worst")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(0);
    let show_dates = args.iter().any(|a| a == "--dates");
    let dump = args.iter().position(|a| a == "--dump").and_then(|i| args.get(i + 1).cloned());
    let mut opts = extract::Options::default();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
    match arg("--fallback").map(String::as_str) {
        Some("never") => opts.fallback = extract::Fallback::Never,
        Some("always") => opts.fallback = extract::Fallback::Always,
        _ => {}
    }
    if let Some(x) = arg("--doubt-below").and_then(|v| v.parse().ok()) {
        opts.doubt_below = x;
    }
    if let Some(x) = arg("--doubt-above").and_then(|v| v.parse().ok()) {
        opts.doubt_above = x;
    }
    let Some(sh) = testdata::shared("data/scrapinghub-article-extraction-benchmark") else {
        return;
    };
    let pages = eval::load_scrapinghub(&sh).expect("load scrapinghub");
    let t = Instant::now();
    let exs: Vec<Option<extract::Extracted>> =
        pages.iter().map(|p| extract::extract(&raw(p), &opts).ok()).collect();
    let second = exs.iter().flatten().filter(|e| e.second_opinion).count();
    let arts: Vec<Option<model::Article>> =
        exs.iter().map(|e| e.as_ref().map(|e| e.article.clone())).collect();
    let secs = t.elapsed().as_secs_f64();
    let outs: Vec<String> =
        arts.iter().map(|a| a.as_ref().map(|a| a.text.clone()).unwrap_or_default()).collect();
    let golds: Vec<&str> = pages
        .iter()
        .map(|p| match &p.gold {
            Gold::Body(b) => b.as_str(),
            _ => "",
        })
        .collect();
    let s = eval::score_scrapinghub(outs.iter().map(String::as_str).zip(golds.iter().copied()));
    println!(
        "scrapinghub: P {:.4} R {:.4} F1 {:.4}  ({} pages, {:.1} pages/s, second opinions on {second})",
        s.precision,
        s.recall,
        s.f1,
        pages.len(),
        pages.len() as f64 / secs
    );
    if worst > 0 {
        let mut per: Vec<(f64, f64, usize)> = outs
            .iter()
            .zip(&golds)
            .enumerate()
            .map(|(i, (o, g))| {
                let (p, r) = eval::shingle_pr(o, g);
                (p.unwrap_or(0.0), r.unwrap_or(0.0), i)
            })
            .collect();
        per.sort_by(|a, b| (a.0 + a.1).partial_cmp(&(b.0 + b.1)).unwrap());
        for (p, r, i) in per.iter().take(worst) {
            println!("  P {p:.3} R {r:.3} {} {}", pages[*i].id, pages[*i].url);
        }
    }
    if let Some(d) = &dump {
        std::fs::create_dir_all(d).unwrap();
        let _ = std::fs::remove_file(format!("{d}/te.jsonl"));
        // One whole article per line (text, spans, map, metadata): to diff two builds.
        let lines: Vec<String> = pages
            .iter()
            .zip(&arts)
            .zip(&exs)
            .map(|((p, a), e)| {
                let share = e.as_ref().and_then(|e| e.kept_share);
                serde_json::json!({"file": p.id, "article": a, "share": share}).to_string()
            })
            .collect();
        std::fs::write(format!("{d}/sh.jsonl"), lines.join("\n") + "\n").unwrap();
    }

    let Some(te) = testdata::shared("data/trafilatura-eval") else { return };
    let pages = eval::load_trafilatura_eval(&te).expect("load trafilatura-eval");
    let mut counts = SnippetCounts::default();
    // Language: agreement with the page's own `<html lang>` where it declares one (a proxy
    // gold: declarations are sometimes wrong or a site-wide default).
    let html_lang = regex::Regex::new(r#"(?i)<html[^>]*\slang\s*=\s*["']?([a-z]{2})\b"#).unwrap();
    let (mut lang_pages, mut lang_agree, mut lang_none) = (0, 0, 0);
    let (mut right, mut dated, mut unsupported, mut coarser, mut missing, mut wrong) =
        (0, 0, 0, 0, 0, 0);
    let t = Instant::now();
    let mut second = 0;
    for p in &pages {
        let ex = extract::extract(&raw(p), &opts);
        second += usize::from(ex.as_ref().is_ok_and(|e| e.second_opinion));
        let Gold::Snippets { with, without, date } = &p.gold else { continue };
        let art = ex.as_ref().ok().map(|e| &e.article);
        counts.add(art.map_or("", |a| a.text.as_str()), with, without);
        let head = String::from_utf8_lossy(&p.html[..p.html.len().min(4096)]).into_owned();
        if let Some(c) = html_lang.captures(&head) {
            lang_pages += 1;
            match art.and_then(|a| a.language.as_deref()) {
                Some(l) if l.eq_ignore_ascii_case(&c[1]) => lang_agree += 1,
                Some(_) => {}
                None => lang_none += 1,
            }
        }
        if let Some(d) = &dump {
            let share = ex.as_ref().ok().and_then(|e| e.kept_share);
            let rec = serde_json::json!({"url": p.url, "file": p.id, "article": art, "share": share, "with": with, "without": without});
            use std::io::Write;
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(format!("{d}/te.jsonl"))
                .unwrap();
            writeln!(f, "{rec}").unwrap();
        }
        if let Some(pb) = art.and_then(|a| a.published.as_ref()) {
            if matches!(
                pb.precision,
                model::DatePrecision::Day
                    | model::DatePrecision::Minute
                    | model::DatePrecision::Second
            ) {
                let html = eval::decoded_page(&p.html, Some(&p.url));
                if !eval::day_is_supported(pb, &p.url, &html) {
                    unsupported += 1;
                    if show_dates {
                        println!("  UNSUPPORTED {} {:?} {}", pb.value, pb.source, p.url);
                    }
                }
            }
        }
        if let Some(g) = date
            .as_deref()
            .filter(|g| g.len() == 10 && g.as_bytes()[4] == b'-' && g.as_bytes()[7] == b'-')
        {
            dated += 1;
            let v = eval::date_verdict(art.and_then(|a| a.published.as_ref()), g);
            match v {
                DateVerdict::Right => right += 1,
                DateVerdict::Coarser => coarser += 1,
                DateVerdict::Missing => missing += 1,
                DateVerdict::Wrong => wrong += 1,
            }
            if show_dates && v != DateVerdict::Right {
                println!(
                    "  {v:?} gold {g} got {:?} {} {}",
                    art.and_then(|a| a.published.as_ref()).map(|p| (&p.value, p.source)),
                    p.id,
                    p.url
                );
            }
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let s = counts.prf();
    println!(
        "trafilatura-eval: P {:.4} R {:.4} F1 {:.4}  ({} pages, {:.1} pages/s, second opinions on {second})",
        s.precision,
        s.recall,
        s.f1,
        pages.len(),
        pages.len() as f64 / secs
    );
    println!("language: agrees with <html lang> on {lang_agree}/{lang_pages} pages that declare one ({lang_none} undetected)");
    println!(
        "dates: right {right}/{dated} = {:.4}; wrong {wrong}, coarser {coarser}, missing {missing}; day-precision dates the page does not show: {unsupported}",
        right as f64 / dated.max(1) as f64
    );
}
