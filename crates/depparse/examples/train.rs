//! Development driver for training runs without the `annalist` binary:
//! `cargo run --release -p depparse --example train -- OUT SEED TAGGER_EPOCHS PARSER_EPOCHS [which] [files...]`
//! (environment: `FOLDS` jack-knife folds, `BEAM` parser beam width, `GROUPING`
//! unlabelled|coarse|full, `ENSEMBLE` parsers summed,
//! `DECODE_BEAM` beam width stored in the model, `CHECKPOINT` a path the
//! parser is written to after every epoch, `CLUSTERS` the data folder of the
//! `spacy-lookups-data` package for Brown-cluster features).

use std::path::PathBuf;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let out = PathBuf::from(a.get(1).map_or("models", |s| s.as_str()));
    let seed = a.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let files: Vec<PathBuf> = if a.len() > 6 {
        a[6..].iter().map(PathBuf::from).collect()
    } else {
        depparse::train::default_train_files(&PathBuf::from("/work/shared/data"))
    };
    let mut o = depparse::train::TrainOptions::new(files, out, seed);
    if let Some(e) = a.get(3).and_then(|s| s.parse().ok()) {
        o.tagger.epochs = e;
    }
    if let Some(e) = a.get(4).and_then(|s| s.parse().ok()) {
        o.parser.epochs = e;
    }
    if let Some(w) = a.get(5) {
        o.which = depparse::train::Which {
            tagger: w.contains('t'),
            lemmatizer: w.contains('l'),
            parser: w.contains('p'),
        };
    }
    if let Some(k) = std::env::var("FOLDS").ok().and_then(|v| v.parse().ok()) {
        o.folds = k;
    }
    if let Some(k) = std::env::var("BEAM").ok().and_then(|v| v.parse().ok()) {
        o.parser.beam = k;
    }
    match std::env::var("GROUPING").as_deref() {
        Ok("unlabelled") => o.parser.grouping = depparse::parser::Grouping::Unlabelled,
        Ok("coarse") => o.parser.grouping = depparse::parser::Grouping::Coarse,
        Ok("full") => o.parser.grouping = depparse::parser::Grouping::Full,
        _ => {}
    }
    if let Some(k) = std::env::var("DECODE_BEAM").ok().and_then(|v| v.parse().ok()) {
        o.parser.decode_beam = k;
    }
    if let Some(k) = std::env::var("ENSEMBLE").ok().and_then(|v| v.parse().ok()) {
        o.parser.ensemble = k;
    }
    if let Ok(dir) = std::env::var("CLUSTERS") {
        let c = depparse::cluster::Clusters::from_spacy_lookups(std::path::Path::new(&dir))
            .unwrap_or_else(|e| {
                eprintln!("train: {e}");
                std::process::exit(2);
            });
        eprintln!("{} clustered words", c.len());
        let c = std::sync::Arc::new(c);
        if std::env::var("CLUSTER_TAGGER").is_ok() {
            o.tagger.clusters = Some(c.clone());
        }
        o.parser.clusters = Some(c);
    }
    if let Ok(p) = std::env::var("CHECKPOINT") {
        o.parser.checkpoint = Some(PathBuf::from(p));
    }
    let start = std::time::Instant::now();
    if let Ok(cache) = std::env::var("TAGGED_CACHE") {
        // Parser only: jack-knifed training tags from the cache file (CoNLL-U, written on the
        // first run), then the parser with the settings above, written to OUT/parser.bin.
        let log = |m: &str| eprintln!("[{:>6.1}s] {m}", start.elapsed().as_secs_f64());
        let tagged = match std::fs::read_to_string(&cache) {
            Ok(text) => nlp::conllu::parse(&text).sentences,
            Err(_) => {
                let mut sents = Vec::new();
                for f in &o.train_files {
                    sents.extend(depparse::train::read_treebank(f).expect("treebank"));
                }
                let tcfg = depparse::tagger::TaggerConfig { seed, ..o.tagger.clone() };
                let tagged = depparse::train::jackknife(&sents, o.folds, &tcfg, 2, &log);
                let mut out = String::new();
                for s in &tagged {
                    out.push('\n');
                    for (i, w) in s.words.iter().enumerate() {
                        let head = w.head.map_or("_".to_string(), |h| h.to_string());
                        out.push_str(&format!(
                            "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_\n",
                            i + 1,
                            w.form,
                            w.lemma,
                            w.upos,
                            w.xpos,
                            head,
                            w.deprel
                        ));
                    }
                }
                std::fs::write(&cache, out.trim_start()).expect("write cache");
                tagged
            }
        };
        log(&format!("{} tagged sentences", tagged.len()));
        let pcfg = depparse::parser::ParserConfig { seed, ..o.parser.clone() };
        let m = depparse::ParserModel::train_ensemble(&tagged, &pcfg, 2, &log);
        std::fs::create_dir_all(&o.out).expect("mkdir");
        std::fs::write(o.out.join("parser.bin"), m.to_bytes()).expect("write");
        log(&format!("parser {:?}", m.size()));
        return;
    }
    if let Ok(variants) = std::env::var("VARIANTS") {
        // Parser variants "epochs:explore_p" on one set of jack-knifed tags, scored on EWT
        // dev with the committed tagger and lemmatizer.
        let log = |m: &str| eprintln!("[{:>6.1}s] {m}", start.elapsed().as_secs_f64());
        let mut sents = Vec::new();
        for f in &o.train_files {
            sents.extend(depparse::train::read_treebank(f).expect("treebank"));
        }
        let tcfg = depparse::tagger::TaggerConfig { seed, ..o.tagger.clone() };
        let tagged = depparse::train::jackknife(&sents, o.folds, &tcfg, 2, &log);
        let base = depparse::Models::load_default().expect("committed models");
        let dev_text =
            std::fs::read_to_string("/work/shared/data/ud-english-ewt/en_ewt-ud-dev.conllu")
                .expect("dev");
        let dev = nlp::conllu::parse(&dev_text).sentences;
        let tagged_dev: Vec<_> = dev
            .iter()
            .map(|g| {
                let mut s = depparse::eval::blank(g);
                nlp::Tagger::tag(&base, &mut s);
                s
            })
            .collect();
        for v in variants.split(',') {
            let mut it = v.split(':');
            let epochs = it.next().and_then(|x| x.parse().ok()).unwrap_or(12);
            let p = it.next().and_then(|x| x.parse().ok()).unwrap_or(0.9);
            let pcfg =
                depparse::parser::ParserConfig { seed, epochs, explore_p: p, ..o.parser.clone() };
            let quiet = |_: &str| {};
            let m = depparse::ParserModel::train(&tagged, &pcfg, &quiet);
            let mut c = depparse::eval::Counts::default();
            for (g, s) in dev.iter().zip(&tagged_dev) {
                let mut s = s.clone();
                m.parse(&mut s);
                depparse::eval::add(g, &s, &mut c);
            }
            log(&format!(
                "variant {v}: EWT dev UAS {:.2} LAS {:.2}, {:?}",
                c.uas_pct(),
                c.las_pct(),
                m.size()
            ));
            let dir = o.out.join(v.replace(':', "_"));
            std::fs::create_dir_all(&dir).expect("mkdir");
            std::fs::write(dir.join("parser.bin"), m.to_bytes()).expect("write");
        }
        return;
    }
    if let Ok(sweep) = std::env::var("MINQ_SWEEP") {
        // Parser only, from jack-knifed tags, one model file per threshold.
        let log = |m: &str| eprintln!("[{:>6.1}s] {m}", start.elapsed().as_secs_f64());
        let mut sents = Vec::new();
        for f in &o.train_files {
            sents.extend(depparse::train::read_treebank(f).expect("treebank"));
        }
        let tcfg = depparse::tagger::TaggerConfig { seed, ..o.tagger.clone() };
        let tagged = depparse::train::jackknife(&sents, o.folds, &tcfg, 2, &log);
        let qs: Vec<i16> = sweep.split(',').filter_map(|q| q.parse().ok()).collect();
        let pcfg = depparse::parser::ParserConfig { seed, ..o.parser.clone() };
        let models = depparse::ParserModel::train_variants(&tagged, &pcfg, &log, &qs);
        for (q, m) in qs.iter().zip(models) {
            let dir = o.out.join(format!("q{q}"));
            std::fs::create_dir_all(&dir).expect("mkdir");
            std::fs::write(dir.join("parser.bin"), m.to_bytes()).expect("write");
            log(&format!("q{q}: {:?}", m.size()));
        }
        return;
    }
    let log = |m: &str| eprintln!("[{:>6.1}s] {m}", start.elapsed().as_secs_f64());
    match depparse::train::run(&o, &log) {
        Ok(r) => eprintln!("{r:?}"),
        Err(e) => {
            eprintln!("train: {e}");
            std::process::exit(2);
        }
    }
}
