//! Bench: clusters 1 million synthetic events (250,000 documents of 4 events, reports of
//! 100,000 underlying events over a year, 10 % wire copies) on one core and prints the time.
//! `cargo run --release -p cluster --example bench_cluster [EVENTS]`. Issue 8 bar: ≤ 60 s.

use std::time::Instant;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn main() {
    let n_events: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
    let per_doc = 4;
    let n_docs = n_events / per_doc;
    let n_world = (n_events / 10).max(1) as u64;
    let countries = [
        "USA", "RUS", "UKR", "ISR", "PSE", "IRN", "IRQ", "SYR", "CHN", "IND", "PAK", "AFG", "SDN",
        "NGA", "KEN", "BRA", "COL", "MEX", "TUR", "EGY",
    ];
    let roots = [
        "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15",
        "16", "17", "18", "19", "20",
    ];
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let t0 = Instant::now();
    let mut prev_story = 0;
    let mut docs = Vec::with_capacity(n_docs);
    let mut events = Vec::with_capacity(n_events);
    for d in 0..n_docs {
        let copy = rng.below(10) == 0 && d > 0;
        // A wire copy repeats the previous document's story on the same day.
        let story = if copy { prev_story } else { rng.below(n_world) };
        prev_story = story;
        let day = (story % 365) as i32 + 19_000;
        let minhash: Vec<u32> = if copy {
            docs.last().map_or_else(Vec::new, |p: &cluster::Doc| p.sketch.minhash.clone())
        } else {
            (0..cluster::sketch::K).map(|_| rng.next() as u32).collect()
        };
        let mut terms: Vec<u64> = (0..12).map(|_| rng.below(2_000_000)).collect();
        terms.push(story.wrapping_mul(0x9e37_79b9));
        terms.sort_unstable();
        terms.dedup();
        docs.push(cluster::Doc {
            outlet: Some(format!("outlet{}", rng.below(500))),
            day: Some(day),
            sketch: cluster::Sketch { minhash, terms },
        });
        for k in 0..per_doc as u64 {
            let w = if k == 0 { story } else { rng.below(n_world) };
            let day = (w % 365) as i32 + 19_000;
            let root = roots[(w % 20) as usize];
            events.push(cluster::Ev {
                doc: d,
                code: format!("{root}0"),
                root: root.to_string(),
                base: format!("{root}0"),
                quad_class: (w % 4) as u8 + 1,
                sources: vec![countries[(w / 7 % 20) as usize].to_string()],
                targets: vec![countries[(w / 11 % 20) as usize].to_string()],
                start: Some(day),
                end: Some(day),
                country: None,
                place: None,
            });
        }
    }
    let gen = t0.elapsed().as_secs_f64();
    let t = Instant::now();
    let c = cluster::cluster(&docs, &events, &cluster::Options::default());
    let secs = t.elapsed().as_secs_f64();
    let clusters = c.event_cluster.iter().max().map_or(0, |m| m + 1);
    let stories = c.doc_group.iter().max().map_or(0, |m| m + 1);
    let reprints = c.reprint_of.iter().filter(|r| r.is_some()).count();
    println!(
        "bench-cluster: {} events in {} documents (generated in {gen:.1}s)",
        events.len(),
        docs.len()
    );
    println!("bench-cluster: clustered in {secs:.2}s on one thread (bar: <= 60 s): {reprints} reprints, {stories} story groups, {clusters} event clusters");
}
