//! Rebuilding every model from treebank files: reading (strict: any malformed sentence is an
//! error naming file and line), jack-knifed tagging of the parser's training data, and writing
//! each model file atomically so an interrupted run leaves the previous models intact and can
//! be restarted per model.

use crate::lemma::{LemmaConfig, Lemmatizer};
use crate::parser::{ParserConfig, ParserModel};
use crate::tagger::{TaggerConfig, TaggerModel};
use crate::{LEMMATIZER_FILE, PARSER_FILE, TAGGER_FILE};
use nlp::conllu::{Diagnostic, Sentence};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Why training could not run.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error("{path}: cannot read treebank: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: malformed CoNLL-U ({} problem(s)): {}", diagnostics.len(), first_lines(path, diagnostics))]
    Malformed { path: PathBuf, diagnostics: Vec<Diagnostic> },
    #[error("{path}: no sentences")]
    Empty { path: PathBuf },
    #[error("no training files given")]
    NoData,
    #[error("{path}: cannot write model: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

fn first_lines(path: &Path, d: &[Diagnostic]) -> String {
    let mut s: Vec<String> =
        d.iter().take(5).map(|d| format!("{}:{}: {}", path.display(), d.line, d.message)).collect();
    if d.len() > 5 {
        s.push(format!("… and {} more", d.len() - 5));
    }
    s.join("; ")
}

/// Reads a training treebank; any malformed sentence fails the whole file.
pub fn read_treebank(path: &Path) -> Result<Vec<Sentence>, TrainError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| TrainError::Read { path: path.to_path_buf(), source })?;
    let parsed = nlp::conllu::parse(&text);
    if !parsed.diagnostics.is_empty() {
        return Err(TrainError::Malformed {
            path: path.to_path_buf(),
            diagnostics: parsed.diagnostics,
        });
    }
    if parsed.sentences.is_empty() {
        return Err(TrainError::Empty { path: path.to_path_buf() });
    }
    Ok(parsed.sentences)
}

/// Which models to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Which {
    pub tagger: bool,
    pub lemmatizer: bool,
    pub parser: bool,
}

impl Default for Which {
    fn default() -> Self {
        Which { tagger: true, lemmatizer: true, parser: true }
    }
}

/// Everything a training run needs.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub train_files: Vec<PathBuf>,
    pub out: PathBuf,
    pub seed: u64,
    pub which: Which,
    /// Folds for jack-knifed parser training tags (≤ 1: gold tags).
    pub folds: usize,
    pub threads: usize,
    pub tagger: TaggerConfig,
    pub lemma: LemmaConfig,
    pub parser: ParserConfig,
}

impl TrainOptions {
    /// Defaults for `files`, writing to `out`.
    pub fn new(train_files: Vec<PathBuf>, out: PathBuf, seed: u64) -> TrainOptions {
        TrainOptions {
            train_files,
            out,
            seed,
            which: Which::default(),
            folds: 5,
            threads: 2,
            tagger: TaggerConfig::default(),
            lemma: LemmaConfig::default(),
            parser: ParserConfig::default(),
        }
    }
}

/// The standard training files under a shared `data` folder: EWT train and GUM (permissive)
/// train.
pub fn default_train_files(data: &Path) -> Vec<PathBuf> {
    vec![
        data.join("ud-english-ewt").join("en_ewt-ud-train.conllu"),
        data.join("ud-english-gum-permissive").join("en_gum-permissive-train.conllu"),
    ]
}

/// What a run built.
#[derive(Debug, Clone, Default)]
pub struct TrainReport {
    pub sentences: usize,
    pub words: usize,
    /// (file name, bytes, seconds).
    pub models: Vec<(String, usize, f64)>,
}

fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), TrainError> {
    let tmp = path.with_extension("bin.tmp");
    let err = |source| TrainError::Write { path: path.to_path_buf(), source };
    std::fs::write(&tmp, bytes).map_err(err)?;
    std::fs::rename(&tmp, path).map_err(err)
}

/// One fold's output: sentence index and its predicted (UPOS, XPOS) per word.
type FoldTags = Vec<(usize, Vec<(String, String)>)>;

/// Sentences with their UPOS/XPOS replaced by a tagger trained without them (k folds).
pub fn jackknife(
    sents: &[Sentence],
    folds: usize,
    cfg: &TaggerConfig,
    threads: usize,
    log: &(dyn Fn(&str) + Sync),
) -> Vec<Sentence> {
    let mut out = sents.to_vec();
    if folds <= 1 {
        return out;
    }
    let run_fold = |k: usize| -> FoldTags {
        let train: Vec<Sentence> = sents
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|(_, s)| s.clone())
            .collect();
        let fold_cfg = TaggerConfig { seed: cfg.seed.wrapping_add(1000 + k as u64), ..cfg.clone() };
        let quiet = |_: &str| {};
        let t = TaggerModel::train(&train, &fold_cfg, &quiet);
        let tagged = sents
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds == k)
            .map(|(i, s)| {
                let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                let tags = t
                    .tag_forms(&forms)
                    .into_iter()
                    .map(|c| (t.upos(c).to_string(), t.xpos(c).to_string()))
                    .collect();
                (i, tags)
            })
            .collect();
        log(&format!("jackknife fold {}/{} tagged", k + 1, folds));
        tagged
    };
    let threads = threads.clamp(1, folds);
    let results: Vec<FoldTags> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let run_fold = &run_fold;
                scope.spawn(move || (t..folds).step_by(threads).map(run_fold).collect::<Vec<_>>())
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    });
    let (mut right, mut total) = (0usize, 0usize);
    for fold in results {
        for (i, tags) in fold {
            for (w, (u, x)) in out[i].words.iter_mut().zip(tags) {
                right += (w.upos == u) as usize;
                total += 1;
                w.upos = u;
                w.xpos = x;
            }
        }
    }
    log(&format!(
        "jackknife UPOS accuracy {:.2}% over {total} words",
        100.0 * right as f64 / total.max(1) as f64
    ));
    out
}

/// Trains the selected models and writes them under `opts.out`.
pub fn run(opts: &TrainOptions, log: &(dyn Fn(&str) + Sync)) -> Result<TrainReport, TrainError> {
    if opts.train_files.is_empty() {
        return Err(TrainError::NoData);
    }
    let mut sents = Vec::new();
    for f in &opts.train_files {
        let s = read_treebank(f)?;
        log(&format!("{}: {} sentences", f.display(), s.len()));
        sents.extend(s);
    }
    std::fs::create_dir_all(&opts.out)
        .map_err(|source| TrainError::Write { path: opts.out.clone(), source })?;
    let mut report = TrainReport {
        sentences: sents.len(),
        words: sents.iter().map(|s| s.words.len()).sum(),
        ..TrainReport::default()
    };
    let seeded_tagger = TaggerConfig { seed: opts.seed, ..opts.tagger.clone() };
    let seeded_lemma = LemmaConfig { seed: opts.seed, ..opts.lemma.clone() };
    let seeded_parser = ParserConfig { seed: opts.seed, ..opts.parser.clone() };

    // Tagger + lemmatizer on one thread, jack-knifed tags on the others.
    let which = opts.which;
    let sents_ref = &sents;
    let jk_tagger = seeded_tagger.clone();
    let (tl, jk) = std::thread::scope(|scope| {
        let tl = scope.spawn(move || {
            let mut built = Vec::new();
            if which.tagger {
                let t0 = Instant::now();
                let t = TaggerModel::train(sents_ref, &seeded_tagger, log);
                built.push((TAGGER_FILE, t.to_bytes(), t0.elapsed().as_secs_f64()));
            }
            if which.lemmatizer {
                let t0 = Instant::now();
                let l = Lemmatizer::train(sents_ref, &seeded_lemma, log);
                built.push((LEMMATIZER_FILE, l.to_bytes(), t0.elapsed().as_secs_f64()));
            }
            built
        });
        let jk = if which.parser {
            let t0 = Instant::now();
            let threads = opts.threads.saturating_sub(1).max(1);
            Some((
                jackknife(sents_ref, opts.folds, &jk_tagger, threads, log),
                t0.elapsed().as_secs_f64(),
            ))
        } else {
            None
        };
        (tl.join().unwrap_or_default(), jk)
    });
    for (name, bytes, secs) in tl {
        write_atomic(&opts.out.join(name), &bytes)?;
        log(&format!("wrote {name}: {} bytes in {secs:.1}s", bytes.len()));
        report.models.push((name.to_string(), bytes.len(), secs));
    }
    if let Some((tagged, jk_secs)) = jk {
        let t0 = Instant::now();
        let p = ParserModel::train_ensemble(&tagged, &seeded_parser, opts.threads, log);
        let bytes = p.to_bytes();
        let secs = jk_secs + t0.elapsed().as_secs_f64();
        write_atomic(&opts.out.join(PARSER_FILE), &bytes)?;
        log(&format!("wrote {PARSER_FILE}: {} bytes in {secs:.1}s", bytes.len()));
        report.models.push((PARSER_FILE.to_string(), bytes.len(), secs));
    }
    Ok(report)
}
