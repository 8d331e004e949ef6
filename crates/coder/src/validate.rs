//! Running the field's validation records and scoring them.
//!
//! A record passes when the set of (source, target, code) triples we produce equals the set
//! it expects; a no-event record passes on no events; an error record (`dateline`,
//! `bad_input_parse`, discards) passes when we refuse the input or produce nothing.
//! Triple precision and recall are summed over all records.

use crate::code::{code_sentence, CodedEvent, Options, Skipped};
use crate::date::parse_date;
use crate::diag::Diagnostic;
use crate::dict::{Dictionaries, DictionaryFiles};
use crate::input::records::{read_records, Expectation, Record, RecordFile, Triple};
use crate::input::{conllu, treebank};
use model::AnalyzedSentence;
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A parser the validator can use on raw text (`--parse ours`). The coder does not depend
/// on any parser implementation; the binary plugs one in.
pub trait SentenceParser {
    /// Analyzes `text` (one record's text) into sentences whose spans index `text`.
    fn parse(&self, text: &str) -> Vec<AnalyzedSentence>;
}

/// Where the analysis of each record comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseMode {
    /// The record's own `<Parse>` (Treebank or CoNLL-U, recognised by content).
    Given,
    /// Our parser on the record's text.
    Ours,
}

/// The outcome of one record.
#[derive(Debug, Clone, Serialize)]
pub struct RecordResult {
    pub id: String,
    pub category: String,
    pub line: usize,
    pub expected: Expectation,
    pub produced: Vec<Triple>,
    pub pass: bool,
    /// Why nothing was coded, when the coder refused the input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refused: Option<String>,
    #[serde(skip)]
    pub events: Vec<CodedEvent>,
}

/// Totals over a record file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub records: usize,
    pub passed: usize,
    pub expected_triples: usize,
    pub produced_triples: usize,
    pub matched_triples: usize,
}

impl Summary {
    pub fn pass_rate(&self) -> f64 {
        if self.records == 0 {
            0.0
        } else {
            self.passed as f64 / self.records as f64
        }
    }
    pub fn precision(&self) -> f64 {
        if self.produced_triples == 0 {
            0.0
        } else {
            self.matched_triples as f64 / self.produced_triples as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.expected_triples == 0 {
            0.0
        } else {
            self.matched_triples as f64 / self.expected_triples as f64
        }
    }
}

/// A validation run: per-record results, totals and every diagnostic met.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub results: Vec<RecordResult>,
    pub summary: Summary,
    pub diagnostics: Vec<Diagnostic>,
}

/// Folders searched, in order, for the dictionary files a record file's `<Environment>`
/// names: the extra folders given, the record file's folder, its `../dictionaries`, and the
/// sibling suites' `dictionaries` folders (`../../petrarch2/dictionaries`,
/// `../../universal-petrarch/dictionaries`).
pub fn dictionary_search_path(records: &Path, extra: &[PathBuf]) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = extra.to_vec();
    if let Some(dir) = records.parent() {
        v.push(dir.to_path_buf());
        v.push(dir.join("../dictionaries"));
        v.push(dir.join("../../petrarch2/dictionaries"));
        v.push(dir.join("../../universal-petrarch/dictionaries"));
    }
    v
}

fn find_file(name: &str, dirs: &[PathBuf]) -> Option<PathBuf> {
    let p = Path::new(name);
    if p.is_absolute() && p.exists() {
        return Some(p.to_path_buf());
    }
    dirs.iter().map(|d| d.join(name)).find(|c| c.exists())
}

/// The dictionary files a record file asks for, found on `dirs`. Missing files are
/// diagnostics.
pub fn environment_files(
    file: &RecordFile,
    dirs: &[PathBuf],
    label: &str,
) -> (DictionaryFiles, Vec<Diagnostic>) {
    let env = &file.environment;
    let mut diags = Vec::new();
    let mut files = DictionaryFiles::default();
    let want = |n: &Option<String>, into: &mut Vec<PathBuf>, diags: &mut Vec<Diagnostic>| {
        if let Some(n) = n {
            match find_file(n, dirs) {
                Some(p) => into.push(p),
                None => diags.push(Diagnostic::at(
                    label,
                    0,
                    format!("dictionary `{n}` not found on the search path"),
                )),
            }
        }
    };
    want(&env.verbfile, &mut files.verbs, &mut diags);
    for a in &env.actorfiles {
        want(&Some(a.clone()), &mut files.actors, &mut diags);
    }
    want(&env.agentfile, &mut files.agents, &mut diags);
    want(&env.discardfile, &mut files.discards, &mut diags);
    (files, diags)
}

/// Reads a record file from disk: the field's XML, or TABARI's `Validate.text` (records
/// without parses, so only `--parse ours` codes them; its dictionaries are named by a
/// `*.project` file in the same folder).
pub fn read_record_file(path: &Path) -> Result<(RecordFile, Vec<Diagnostic>), crate::Error> {
    let io = |e| crate::Error::Io { path: path.display().to_string(), source: e };
    let bytes = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8_lossy(&bytes);
    let label = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if text.contains("<Sentence") || text.trim_start().starts_with('<') {
        return Ok(read_records(&text, &label));
    }
    let (recs, diags) = crate::input::tabari::read_validate_text(&text, &label);
    let mut file = RecordFile::default();
    if let Some(dir) = path.parent() {
        file.environment = tabari_environment(dir);
    }
    file.records = recs
        .into_iter()
        .filter(|r| !r.complex)
        .map(|r| Record {
            id: r.id,
            category: "TABARI".into(),
            date: r.date,
            line: r.line,
            expect: r.expect,
            text: r.text,
            parse: String::new(),
            config: Vec::new(),
            damaged: false,
        })
        .collect();
    Ok((file, diags))
}

/// The dictionaries a TABARI project file (`<actorsfile>`, `<verbsfile>`, `<agentsfile>`)
/// names; the first `*.project` file of `dir` in name order.
fn tabari_environment(dir: &Path) -> crate::input::records::Environment {
    let mut env = crate::input::records::Environment::default();
    let Ok(rd) = std::fs::read_dir(dir) else { return env };
    let mut projects: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "project"))
        .collect();
    projects.sort();
    let Some(text) = projects.first().and_then(|p| std::fs::read_to_string(p).ok()) else {
        return env;
    };
    for line in text.lines() {
        let mut it = line.split_whitespace();
        let (Some(tag), Some(v)) = (it.next(), it.next()) else { continue };
        match tag {
            "<actorsfile>" => env.actorfiles.push(v.to_string()),
            "<verbsfile>" => env.verbfile = Some(v.to_string()),
            "<agentsfile>" => env.agentfile = Some(v.to_string()),
            _ => {}
        }
    }
    env
}

/// The analysis of a record from its given parse.
pub fn given_analysis(r: &Record) -> Result<Vec<AnalyzedSentence>, String> {
    let parse = r.parse.trim();
    if parse.is_empty() {
        return Err("record has no <Parse>".into());
    }
    if parse.starts_with('(') {
        let tree = treebank::parse_tree(parse).map_err(|e| format!("bad_input_parse: {e}"))?;
        Ok(vec![treebank::to_sentence(&tree, &r.text, 0).0])
    } else {
        let (s, _) =
            conllu::parse_rows(parse, &r.text, 0).map_err(|e| format!("bad_input_parse: {e}"))?;
        Ok(vec![s])
    }
}

fn triples(events: &[CodedEvent]) -> Vec<Triple> {
    let mut v: Vec<Triple> = events
        .iter()
        .map(|e| Triple {
            source: e.source.code.clone(),
            target: e.target.code.clone(),
            code: e.code.clone(),
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Codes every record with `dicts` and scores it, with the field's coding (Annalist's
/// [`Options::clauses`] off, since the records hold the field's expectations).
pub fn run(
    file: &RecordFile,
    label: &str,
    dicts: &Dictionaries,
    mode: ParseMode,
    parser: Option<&dyn SentenceParser>,
) -> Report {
    run_with(
        file,
        label,
        dicts,
        mode,
        parser,
        &Options { intent: false, clauses: false, statement_clauses: false, ..Options::default() },
    )
}

/// As [`run`], starting every record from `base` options (a record's `<Config>` applies on
/// top).
pub fn run_with(
    file: &RecordFile,
    label: &str,
    dicts: &Dictionaries,
    mode: ParseMode,
    parser: Option<&dyn SentenceParser>,
    base: &Options,
) -> Report {
    let mut report = Report::default();
    for r in &file.records {
        let mut opts = base.clone();
        for c in &r.config {
            if !opts.set(&c.option, &c.value) {
                report.diagnostics.push(Diagnostic::record(
                    label,
                    r.line,
                    &r.id,
                    format!("unknown <Config> option {}={}", c.option, c.value),
                ));
            }
        }
        let date = match parse_date(&r.date) {
            Ok(d) => Some(d),
            Err(e) => {
                if !r.date.is_empty() {
                    report.diagnostics.push(Diagnostic::record(
                        label,
                        r.line,
                        &r.id,
                        format!("bad date: {e}"),
                    ));
                }
                None
            }
        };
        let analysis = match mode {
            ParseMode::Given => given_analysis(r),
            ParseMode::Ours => match parser {
                Some(p) => Ok(p.parse(&r.text)),
                None => Err("no parser available".into()),
            },
        };
        let mut events = Vec::new();
        let mut refused = None;
        match analysis {
            Err(e) => {
                report.diagnostics.push(Diagnostic::record(label, r.line, &r.id, e.clone()));
                refused = Some(e);
            }
            Ok(sents) => {
                for s in &sents {
                    match code_sentence(s, date, dicts, &opts) {
                        Ok(ev) => events.extend(ev),
                        Err(Skipped::Discard { story, phrase }) => {
                            refused = Some(format!(
                                "{} discard: {phrase}",
                                if story { "story" } else { "sentence" }
                            ));
                            events.clear();
                            break;
                        }
                    }
                }
            }
        }
        let produced = triples(&events);
        let got: BTreeSet<&Triple> = produced.iter().collect();
        let pass = match &r.expect {
            Expectation::Events(exp) => {
                let want: BTreeSet<&Triple> = exp.iter().collect();
                report.summary.expected_triples += want.len();
                report.summary.matched_triples += want.intersection(&got).count();
                want == got
            }
            Expectation::NoEvents => produced.is_empty(),
            Expectation::Error(_) => refused.is_some() || produced.is_empty(),
        };
        report.summary.produced_triples += produced.len();
        report.summary.records += 1;
        if pass {
            report.summary.passed += 1;
        }
        report.results.push(RecordResult {
            id: r.id.clone(),
            category: r.category.clone(),
            line: r.line,
            expected: r.expect.clone(),
            produced,
            pass,
            refused,
            events,
        });
    }
    report
}

/// Loads the dictionaries a record file names (or `override_files` when given) and runs it.
pub fn validate_file(
    path: &Path,
    dict_dirs: &[PathBuf],
    override_files: Option<&DictionaryFiles>,
    mode: ParseMode,
    parser: Option<&dyn SentenceParser>,
) -> Result<Report, crate::Error> {
    let (file, mut diags) = read_record_file(path)?;
    let label = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let files = match override_files {
        Some(f) => f.clone(),
        None => {
            let dirs = dictionary_search_path(path, dict_dirs);
            let (f, d) = environment_files(&file, &dirs, &label);
            diags.extend(d);
            f
        }
    };
    if files.verbs.is_empty() || files.actors.is_empty() {
        return Err(crate::Error::NoDictionaries(format!(
            "{label}: no verb or actor dictionary found (use --dict or --dict-dir)"
        )));
    }
    let loaded = files.load();
    diags.extend(loaded.diagnostics);
    let mut report = run(&file, &label, &loaded.value, mode, parser);
    diags.append(&mut report.diagnostics);
    report.diagnostics = diags;
    Ok(report)
}
