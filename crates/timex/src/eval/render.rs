//! Plain-text reports of the evaluations (used by `cargo xtask eval-timex` and the
//! `eval` example): the figures first, then every disagreement with gold.

use super::{probe, te3};
use std::fmt::Write;

/// The TE3-platinum figures and error list.
pub fn te3_report(rep: &te3::Report) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "== TE3-platinum ({} docs, {} gold TIMEX3, {} ours) ==",
        rep.docs, rep.gold, rep.system
    );
    let _ = writeln!(
        o,
        "scoring: TempEval-3 Task A; relaxed = any overlap (one-to-one), strict = exact span;"
    );
    let _ = writeln!(
        o,
        "value/type F1 = relaxed matches with the right attribute over system (P) and gold (R)"
    );
    for (name, p) in
        [("relaxed", rep.relaxed), ("strict", rep.strict), ("type", rep.kind), ("value", rep.value)]
    {
        let _ = writeln!(o, "  {name:<8} P {:.3}  R {:.3}  F1 {:.3}", p.p, p.r, p.f1);
    }
    let _ = writeln!(o, "  peers (published, same scoring): HeidelTime value F1 0.776, SUTime 0.674; dateparser measured 0.326");
    let _ =
        writeln!(o, "  gold text mismatches (reader sanity check): {}", rep.gold_text_mismatches);
    let _ = writeln!(
        o,
        "  speed: {} bytes in {:.3} s ({:.1} MB/s, this build's profile)",
        rep.bytes,
        rep.seconds,
        rep.bytes as f64 / rep.seconds.max(1e-9) / 1e6
    );
    let mut errors = rep.errors.clone();
    errors.sort_by_key(|e| e.kind);
    let _ = writeln!(o, "-- errors ({}) --", errors.len());
    for e in &errors {
        let g = e
            .gold
            .as_ref()
            .map(|g| format!("{:?} {} {}", g.text, g.kind, g.value))
            .unwrap_or_else(|| "-".into());
        let s = e
            .sys
            .as_ref()
            .map(|s| {
                format!(
                    "{:?} {} {} [{}]",
                    s.text,
                    s.kind,
                    s.value.as_deref().unwrap_or("(none)"),
                    s.rule
                )
            })
            .unwrap_or_else(|| "-".into());
        let _ = writeln!(
            o,
            "  {:<11} {:<30} gold {:<40} ours {}",
            format!("{:?}", e.kind),
            e.doc,
            g,
            s
        );
    }
    o
}

/// A probe table: one line per item.
pub fn probe_report(title: &str, items: &[probe::ProbeItem]) -> String {
    let mut o = String::new();
    let pass = items.iter().filter(|i| i.pass).count();
    let lenient = items.iter().filter(|i| i.lenient).count();
    let _ = writeln!(
        o,
        "== {title}: {pass}/{} (lenient {lenient}/{}), anchor 2009-03-18 ==",
        items.len(),
        items.len()
    );
    for i in items {
        let exp = if i.expected.is_empty() { "NONE".to_string() } else { i.expected.join("|") };
        let _ = writeln!(
            o,
            "  {} {:<4} {:<70} expected {:<22} ours {:<12} span {:?}",
            if i.pass { "ok  " } else { "FAIL" },
            i.id,
            i.text,
            exp,
            i.got.as_deref().unwrap_or("(none)"),
            i.got_span.as_deref().unwrap_or("")
        );
    }
    o
}
