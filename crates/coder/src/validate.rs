//! Running the field's validation records and scoring them.
//!
//! A record passes when the set of (source, target, code) triples we produce equals the set
//! it expects; a no-event record passes on no events; an error record (`dateline`,
//! `bad_input_parse`, discards) passes when we refuse the input or produce nothing.
//! Triple precision and recall are summed over all records.

use crate::code::{code_sentence, CodedEvent, Options, Skipped};
use crate::date::{parse_date, DateKey};
use crate::diag::Diagnostic;
use crate::dict::{Dictionaries, DictionaryFiles};
use crate::input::records::{read_records, ConfigSetting, Expectation, Record, RecordFile, Triple};
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
    // TABARI's option records switch settings for the records after them: each record
    // carries the settings in force, TABARI's defaults first.
    let mut settings = tabari_defaults();
    let mut records = Vec::with_capacity(recs.len());
    for r in recs {
        for o in &r.options {
            settings.extend(tabari_settings(o));
        }
        if r.complex {
            continue;
        }
        records.push(Record {
            id: r.id,
            category: "TABARI".into(),
            date: r.date,
            line: r.line,
            expect: r.expect,
            text: r.text,
            parse: String::new(),
            config: settings.clone(),
            damaged: false,
        });
    }
    file.records = records;
    Ok((file, diags))
}

fn setting(option: &str, value: &str) -> ConfigSetting {
    ConfigSetting { option: option.to_string(), value: value.to_string() }
}

/// TABARI's settings before any option record: comma-delimited clauses of 2–10 words
/// inside and of 2–8 at the end are set aside, none at the start (the suite's records
/// pin these: a 10-word internal clause goes, a 9-word final one stays); sentences under
/// 8 words are not coded.
fn tabari_defaults() -> Vec<ConfigSetting> {
    [
        ("comma_min", "2"),
        ("comma_max", "10"),
        ("comma_emin", "2"),
        ("comma_emax", "8"),
        ("comma_bmin", "255"),
        ("comma_bmax", "0"),
        ("min_words", "8"),
    ]
    .iter()
    .map(|(o, v)| setting(o, v))
    .collect()
}

/// The settings one TABARI option line (`COMMA: MIN = 4 MAX = 6`, `DEFAULT: SOURCE [X]
/// PRIOR`, `SET: MINIMUM WORDS = 4`, `SET: CONVERT AGENT = TRUE`, `SET: CODE BY SENTENCE`)
/// stands for. Options that do not change coding here (`OUTPUT:`, `LABEL:`, `COMPLEX:`,
/// `SET: YYYY`) and those not implemented (`SET: TIME SHIFT`) give none. `FORWARD:` gives
/// the number of sentence digits at the end of a record id (or `off`).
fn tabari_settings(line: &str) -> Vec<ConfigSetting> {
    let up = line.to_ascii_uppercase();
    let (cmd, rest) = up.split_once(':').unwrap_or((up.as_str(), ""));
    let rest = rest.trim();
    let mut out = Vec::new();
    match cmd.trim() {
        "COMMA" if rest == "OFF" => {
            for o in ["comma_max", "comma_emax", "comma_bmax"] {
                out.push(setting(o, "0"));
            }
        }
        "COMMA" => {
            let toks: Vec<&str> = rest
                .split(|c: char| c == '=' || c.is_whitespace())
                .filter(|t| !t.is_empty())
                .collect();
            for w in toks.windows(2) {
                if w[1].parse::<usize>().is_err() {
                    continue;
                }
                let o = match w[0] {
                    "MIN" => "comma_min",
                    "MAX" => "comma_max",
                    "EMIN" => "comma_emin",
                    "EMAX" => "comma_emax",
                    "BMIN" => "comma_bmin",
                    "BMAX" => "comma_bmax",
                    _ => continue,
                };
                out.push(setting(o, w[1]));
            }
        }
        // `FORWARD: ^^*****NNN*SSS`: the record id's last `S` characters number the
        // sentences of a story.
        "FORWARD" if rest.ends_with("OFF") => out.push(setting("forward", "off")),
        "FORWARD" => {
            let format = rest.split_whitespace().next().unwrap_or("");
            let digits = format.chars().rev().take_while(|&c| c == 'S').count();
            out.push(setting("forward", &digits.to_string()));
        }
        "DEFAULT" if rest == "OFF" => {
            out.push(setting("default_source", "off"));
            out.push(setting("default_target", "off"));
        }
        "DEFAULT" => {
            // SOURCE [CODE] [PRIOR] TARGET [CODE] [AFTER], either part optional.
            for (key, opt, flag) in
                [("SOURCE", "default_source", "PRIOR"), ("TARGET", "default_target", "AFTER")]
            {
                let Some(k) = rest.find(key) else { continue };
                let after = &rest[k + key.len()..];
                let (Some(a), Some(b)) = (after.find('['), after.find(']')) else { continue };
                if b < a {
                    continue;
                }
                let code = after[a + 1..b].trim();
                let tail = after[b + 1..].split_whitespace().next();
                let v =
                    if tail == Some(flag) { format!("{code} {flag}") } else { code.to_string() };
                out.push(setting(opt, &v));
            }
        }
        "SET" => {
            let (k, v) = rest.split_once('=').unwrap_or((rest, ""));
            let (k, v) = (k.trim(), v.trim());
            match k {
                "MINIMUM WORDS" if v.parse::<usize>().is_ok() => out.push(setting("min_words", v)),
                "CONVERT AGENT" => out.push(setting("convert_agent", &v.to_ascii_lowercase())),
                "CODE BY CLAUSE" => out.push(setting("code_by", "clause")),
                "CODE BY SENTENCE" => out.push(setting("code_by", "sentence")),
                "CODE ALL" => out.push(setting("code_by", "all")),
                _ => {}
            }
        }
        _ => {}
    }
    out
}

/// The code of the first actor the actor dictionary finds in `sents` (its own code, no
/// agent), as TABARI's `FORWARD:` carries it to the story's next sentence.
fn first_actor(
    sents: &[AnalyzedSentence],
    dicts: &Dictionaries,
    date: Option<DateKey>,
) -> Option<String> {
    for s in sents {
        let words: Vec<String> = s.tokens.iter().map(|t| t.form.to_uppercase()).collect();
        let ws: Vec<&str> = words.iter().map(String::as_str).collect();
        for k in 0..ws.len() {
            let Some((ph, _)) = dicts.actors.index.match_at(&ws, k) else { continue };
            let entry = dicts.actors.entries.get(ph.entry as usize);
            match entry.and_then(|e| e.code_on(date)) {
                Some(c) if !c.starts_with("---") => return Some(c.to_string()),
                _ => {}
            }
        }
    }
    None
}

/// Words of a record's text as TABARI counts them for `MINIMUM WORDS`.
fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
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
    // `FORWARD:`: the previous record's story and first actor.
    let mut story: Option<(String, Option<String>)> = None;
    for r in &file.records {
        let mut opts = base.clone();
        let mut min_words = 0;
        let mut forward = 0;
        for c in &r.config {
            if c.option == "min_words" {
                min_words = c.value.trim().parse().unwrap_or(0);
                continue;
            }
            if c.option == "forward" {
                forward = c.value.trim().parse().unwrap_or(0);
                continue;
            }
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
            // Too short for TABARI's `MINIMUM WORDS`: not coded.
            _ if word_count(&r.text) < min_words => Ok(Vec::new()),
            ParseMode::Given => given_analysis(r),
            ParseMode::Ours => match parser {
                Some(p) => Ok(p.parse(&r.text)),
                None => Err("no parser available".into()),
            },
        };
        // The story a record belongs to: its id without the sentence number.
        let this_story = (forward > 0)
            .then(|| r.id.char_indices().rev().nth(forward - 1).map(|(i, _)| &r.id[..i]))
            .flatten();
        if let (Some(st), Some((prev, actor))) = (this_story, &story) {
            if st == prev {
                opts.forward_source = actor.clone();
            }
        }
        story = this_story.map(|st| {
            let actor = analysis.as_ref().ok().and_then(|s| first_actor(s, dicts, date));
            (st.to_string(), actor)
        });
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(line: &str) -> Vec<(String, String)> {
        tabari_settings(line).into_iter().map(|s| (s.option, s.value)).collect()
    }

    #[test]
    fn tabari_option_lines() {
        let p = |o: &str, v: &str| (o.to_string(), v.to_string());
        assert_eq!(
            pairs("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER"),
            vec![p("default_source", "DEFSRC PRIOR"), p("default_target", "DEFTAR AFTER")]
        );
        assert_eq!(
            pairs("DEFAULT: SOURCE [DEFSRC]  TARGET [DEFTAR] AFTER"),
            vec![p("default_source", "DEFSRC"), p("default_target", "DEFTAR AFTER")]
        );
        assert_eq!(pairs("COMMA: MIN = 4 MAX = 6")[1], p("comma_max", "6"));
        assert_eq!(pairs("COMMA: OFF").len(), 3);
        assert_eq!(pairs("SET: MINIMUM WORDS = 4"), vec![p("min_words", "4")]);
        assert_eq!(pairs("SET: CONVERT AGENT = TRUE"), vec![p("convert_agent", "true")]);
        assert_eq!(pairs("SET: CODE BY SENTENCE"), vec![p("code_by", "sentence")]);
        assert_eq!(pairs("SET: CODE ALL"), vec![p("code_by", "all")]);
        assert_eq!(pairs("FORWARD: ^^*****NNN*SSS"), vec![p("forward", "3")]);
        assert_eq!(pairs("FORWARD: ^^*****NNN*SSS OFF"), vec![p("forward", "off")]);
        // Every setting is one the coder options or the runner know.
        let mut o = Options::default();
        for line in ["DEFAULT: SOURCE [X] PRIOR", "COMMA: MIN = 4 MAX = 6 EMIN = 3", "DEFAULT: OFF"]
        {
            for s in tabari_settings(line) {
                assert!(o.set(&s.option, &s.value), "{}", s.option);
            }
        }
        assert_eq!(o.default_source, None);
        assert_eq!(word_count("Gondor's planes attacked Osgiliath ."), 4);
    }
}
