//! Development aid: sum parser files trained alike (e.g. with different seeds) into one
//! model: `cargo run --release -p depparse --example ensemble -- OUT MIN_Q IN...`.

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 4 {
        eprintln!("usage: ensemble OUT MIN_Q IN...");
        std::process::exit(2);
    }
    let q: i16 = a[2].parse().expect("MIN_Q");
    let parts: Vec<depparse::ParserModel> = a[3..]
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("read parser");
            depparse::ParserModel::from_bytes(&bytes, p).expect("parser")
        })
        .collect();
    let m = depparse::ParserModel::ensemble(&parts, q).expect("parsers trained alike");
    println!("ensemble of {}: {:?}", parts.len(), m.size());
    std::fs::write(&a[1], m.to_bytes()).expect("write");
}
