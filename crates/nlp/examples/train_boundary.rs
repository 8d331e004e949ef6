//! Trains the learned sentence-boundary scorer (`nlp::boundary`) and writes
//! `crates/nlp/data/boundary.bin`.
//!
//! `cargo run --release -p nlp --example train_boundary -- [DATA_DIR] [OUT]`
//! (defaults: `../shared/data`, `crates/nlp/data/boundary.bin`).
//!
//! Examples are the token gaps inside paragraphs of UD EWT train and GUM-permissive train
//! where the punctuation rules put no boundary; the label is whether a gold sentence starts
//! there. Averaged perceptron, 6 epochs in file order (deterministic: same data, same bytes).
//! The threshold maximises sentence-boundary F1 (rules plus model) on EWT dev + GUM dev,
//! among thresholds whose added boundaries are at least 85% precise.

use nlp::boundary::{BoundaryModel, Trainer};
use nlp::{conllu, rawtext, split, tokenize};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

struct Gap<'a> {
    text: &'a str,
    tokens: &'a [tokenize::Surface],
    i: usize,
    gold: bool,
}

struct Doc {
    text: String,
    tokens: Vec<tokenize::Surface>,
    gold_starts: HashSet<u32>,
    rule_correct: usize,
    rule_boundaries: usize,
    gold_boundaries: usize,
}

fn docs(data: &Path, files: &[&str]) -> Vec<Doc> {
    let mut out = Vec::new();
    for f in files {
        let path = data.join(f);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let parsed = conllu::parse(&text);
        for d in rawtext::documents(&parsed.sentences, &[]) {
            let toks = tokenize::tokenize(&d.text).tokens;
            let gold_starts: HashSet<u32> = d.sentences.iter().skip(1).map(|s| s.start).collect();
            let rules = split::split_with(&d.text, &toks, &d.paragraphs, usize::MAX, None);
            let rule_starts: Vec<u32> =
                rules.iter().skip(1).map(|r| toks[r.start].span.start).collect();
            let rule_correct = rule_starts.iter().filter(|s| gold_starts.contains(s)).count();
            out.push(Doc {
                rule_correct,
                rule_boundaries: rule_starts.len(),
                gold_boundaries: gold_starts.len(),
                text: d.text,
                tokens: toks,
                gold_starts,
            });
        }
    }
    out
}

/// Gaps where the rules put no boundary and no paragraph break falls.
fn gaps(d: &Doc) -> Vec<Gap<'_>> {
    let rules = split::split_with(&d.text, &d.tokens, &[], usize::MAX, None);
    let rule_starts: HashSet<usize> = rules.iter().map(|r| r.start).collect();
    (1..d.tokens.len())
        .filter(|&i| !rule_starts.contains(&i))
        .filter(|&i| {
            let gap = &d.text[d.tokens[i - 1].span.end as usize..d.tokens[i].span.start as usize];
            let next = &d.text[d.tokens[i].span.range()];
            // As in `split`: the model only starts sentences at words, numbers, opening
            // quotes and brackets.
            gap.matches('\n').count() < 2
                && next.chars().next().is_some_and(|c| {
                    c.is_alphanumeric() || matches!(c, '"' | '“' | '(' | '[' | '\'')
                })
        })
        .map(|i| Gap {
            text: &d.text,
            tokens: &d.tokens,
            i,
            gold: d.gold_starts.contains(&d.tokens[i].span.start),
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = PathBuf::from(args.first().map_or("../shared/data", String::as_str));
    let out = PathBuf::from(args.get(1).map_or("crates/nlp/data/boundary.bin", String::as_str));
    let train = docs(
        &data,
        &[
            "ud-english-ewt/en_ewt-ud-train.conllu",
            "ud-english-gum-permissive/en_gum-permissive-train.conllu",
        ],
    );
    let dev = docs(
        &data,
        &[
            "ud-english-ewt/en_ewt-ud-dev.conllu",
            "ud-english-gum-permissive/en_gum-permissive-dev.conllu",
        ],
    );
    let train_gaps: Vec<Gap> = train.iter().flat_map(gaps).collect();
    let positives = train_gaps.iter().filter(|g| g.gold).count();
    eprintln!("training gaps: {} ({} boundaries)", train_gaps.len(), positives);
    let mut t = Trainer::default();
    for epoch in 0..6 {
        let right = train_gaps.iter().filter(|g| t.learn(g.text, g.tokens, g.i, g.gold)).count();
        eprintln!("epoch {epoch}: {:.3}% right", 100.0 * right as f64 / train_gaps.len() as f64);
    }
    let weights = t.averaged();

    // Threshold on dev.
    let probe = BoundaryModel::new(weights.clone(), 0.0);
    let mut scored: Vec<(f32, bool)> =
        dev.iter().flat_map(gaps).map(|g| (probe.score(g.text, g.tokens, g.i), g.gold)).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let rule_correct: usize = dev.iter().map(|d| d.rule_correct).sum();
    let rule_sys: usize = dev.iter().map(|d| d.rule_boundaries).sum();
    let gold: usize = dev.iter().map(|d| d.gold_boundaries).sum();
    let f1 = |c: usize, s: usize| 2.0 * c as f64 / (gold + s) as f64;
    let mut best = (f1(rule_correct, rule_sys), f32::INFINITY, 0usize, 0usize);
    let (mut added, mut added_right) = (0usize, 0usize);
    for (k, &(score, is_gold)) in scored.iter().enumerate() {
        added += 1;
        added_right += usize::from(is_gold);
        // Only cut between distinct scores.
        if scored.get(k + 1).is_some_and(|n| n.0 == score) || score <= 0.0 {
            continue;
        }
        let precise = added_right as f64 >= 0.85 * added as f64;
        let f = f1(rule_correct + added_right, rule_sys + added);
        if precise && f > best.0 {
            best = (
                f,
                scored.get(k + 1).map_or(score - 1.0, |n| (score + n.0) / 2.0),
                added,
                added_right,
            );
        }
    }
    eprintln!(
        "dev boundary F1: rules {:.2} -> with model {:.2} (threshold {:.3}, {} added, {} right)",
        100.0 * f1(rule_correct, rule_sys),
        100.0 * best.0,
        best.1,
        best.2,
        best.3
    );
    let model = BoundaryModel::new(weights, best.1);
    std::fs::write(&out, model.to_bytes()).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    eprintln!("wrote {}", out.display());
}
