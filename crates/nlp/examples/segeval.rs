//! Developer tool: tokenization and sentence-splitting scores of the rule stages on a
//! treebank's raw text, with the differences listed (`--diff`), for tuning on train/dev.
//!
//! `cargo run --release -p nlp --example segeval -- GOLD.conllu [--prefix GUM_news_] [--diff]`

use nlp::{conllu, eval, rawtext, Pipeline};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().expect("usage: segeval GOLD.conllu [--prefix P] [--diff]");
    let prefix = args.iter().position(|a| a == "--prefix").and_then(|i| args.get(i + 1));
    let diff = args.iter().any(|a| a == "--diff");
    let text = std::fs::read_to_string(path).expect("read gold");
    let gold = conllu::parse(&text);
    let mut docs = rawtext::documents(&gold.sentences, &[]);
    let mut kept = Vec::new();
    if let Some(p) = prefix {
        docs.retain(|d| d.id.as_deref().is_some_and(|i| i.starts_with(p.as_str())));
    }
    for d in &docs {
        kept.extend_from_slice(
            &gold.sentences[d.first_sentence..d.first_sentence + d.sentences.len()],
        );
    }
    let run = rawtext::run(&Pipeline::segmenter(), &docs).expect("analyse");
    let sys = conllu::parse(&run.conllu);
    assert!(sys.diagnostics.is_empty(), "{:?}", &sys.diagnostics[..3.min(sys.diagnostics.len())]);
    let report = eval::evaluate(&kept, &sys.sentences).expect("same text");
    print!("{report}");
    let s = run.split;
    println!(
        "docs {}  sentences F1 {:.2}  boundaries P {:.2} R {:.2} F1 {:.2} (gold {}, system {})",
        docs.len(),
        100.0 * s.sentence_f1(),
        100.0 * s.boundary_precision(),
        100.0 * s.boundary_recall(),
        100.0 * s.boundary_f1(),
        s.boundaries_gold,
        s.boundaries_system
    );
    if !diff {
        return;
    }
    // Token differences per gold sentence, and sentence boundary differences.
    for (d, sents) in docs.iter().zip(&run.sentences) {
        let sys_tokens: Vec<(u32, u32, String)> = sents
            .iter()
            .flat_map(|s| s.tokens.iter())
            .map(|t| (t.span.start, t.span.end, t.form.clone()))
            .collect();
        for (k, g) in d.sentences.iter().enumerate() {
            let gs = &gold.sentences[d.first_sentence + k];
            let gold_words: Vec<String> = gs.words.iter().map(|w| w.form.clone()).collect();
            let sys_words: Vec<String> = sys_tokens
                .iter()
                .filter(|t| t.0 >= g.start && t.1 <= g.end)
                .map(|t| t.2.clone())
                .collect();
            if gold_words != sys_words {
                println!("TOK gold: {}", gold_words.join(" "));
                println!("    sys:  {}", sys_words.join(" "));
            }
        }
        let gold_starts: std::collections::HashSet<u32> =
            d.sentences.iter().map(|s| s.start).collect();
        let sys_starts: std::collections::HashSet<u32> =
            sents.iter().map(|s| s.span.start).collect();
        for s in sents.iter().filter(|s| !gold_starts.contains(&s.span.start)) {
            let a = s.span.start as usize;
            let lo = a.saturating_sub(40);
            let lo = (0..=lo).rev().find(|&i| d.text.is_char_boundary(i)).unwrap_or(0);
            let hi = (a + 40).min(d.text.len());
            let hi =
                (hi..=d.text.len()).find(|&i| d.text.is_char_boundary(i)).unwrap_or(d.text.len());
            println!(
                "SPLIT+ {:?}",
                format!("{}|{}", &d.text[lo..a], &d.text[a..hi]).replace('\n', "¶")
            );
        }
        for g in d.sentences.iter().filter(|g| !sys_starts.contains(&g.start)) {
            let a = g.start as usize;
            let lo = a.saturating_sub(40);
            let lo = (0..=lo).rev().find(|&i| d.text.is_char_boundary(i)).unwrap_or(0);
            let hi = (a + 40).min(d.text.len());
            let hi =
                (hi..=d.text.len()).find(|&i| d.text.is_char_boundary(i)).unwrap_or(d.text.len());
            println!(
                "SPLIT- {:?}",
                format!("{}|{}", &d.text[lo..a], &d.text[a..hi]).replace('\n', "¶")
            );
        }
    }
}
