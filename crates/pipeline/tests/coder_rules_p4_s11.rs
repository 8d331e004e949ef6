//! Session-11 coder rules written by engineer P4, each checked on invented sentences, not on the
//! records that showed the gap: raw text through [`pipeline::Engine`] with the built-in lexicon,
//! as `annalist code` reads it.

/// The coded events as (trigger text, sources, targets, code).
fn coded(text: &str, date: &str) -> Vec<(String, String, String, String)> {
    pipeline::eval::coded_events("rules_p4_s11", text, date)
}

/// A label that judges what it names is a denunciation (111) or praise (051), however the parser
/// hangs the label (on the verb, or on the object as subject, apposition or bare modifier), and
/// the act named as the object is what was judged, not the judge's act.
#[test]
fn a_judging_label_denounces_and_the_judged_act_is_not_the_judges() {
    for (text, source, code) in [
        ("The Russian foreign minister called the attack a crime.", "RUSGOV", "111"),
        ("The Iranian president called the strike an act of terrorism.", "IRNGOV", "111"),
        ("Turkey's foreign ministry called the raid a provocation.", "TURGOV", "111"),
        ("The Chinese government called the sanctions unacceptable.", "CHNGOV", "111"),
        ("Egypt called the elections a farce.", "EGY", "111"),
        ("Japan's prime minister called the agreement a positive step.", "JPNGOV", "051"),
    ] {
        let got = coded(text, "20240311");
        assert!(
            got.iter().any(|(w, s, _, c)| w == "called" && s == source && c == code),
            "{text}: want {source} {code} on 'called', got {got:?}"
        );
        assert!(
            !got.iter().any(|(w, _, _, c)| w == "called" && c == "041"),
            "{text}: a label is no telephone call, got {got:?}"
        );
        assert!(
            !got.iter().any(|(w, s, ..)| w != "called" && s == source),
            "{text}: the judge did not do the judged act, got {got:?}"
        );
    }
    // A neutral label codes nothing, and a call without a label is still a call.
    let got =
        coded("The Brazilian president called his Argentine counterpart on Monday.", "20240311");
    assert!(
        got.iter()
            .any(|(w, s, t, c)| w == "called" && s == "BRAGOV" && t == "ARGGOV" && c == "041"),
        "{got:?}"
    );
    let got = coded("The Portuguese president called Spain a neighbour.", "20240311");
    assert!(!got.iter().any(|(w, ..)| w == "called"), "{got:?}");
}

/// An act named as what a verb of asking asks for ("called for", "appealed for", "pressed for",
/// "demanded", "urged") is wanted, not done: its modality is planned.
#[test]
fn an_act_asked_for_is_planned_not_done() {
    let engine = pipeline::eval::builtin_engine().expect("engine");
    for (text, trigger) in [
        ("Hamas called for attacks on Israeli troops.", "attacks"),
        ("The Somali president appealed for air strikes against al Shabaab.", "air strikes"),
        ("The Syrian army pressed for a new offensive against Islamic State.", "offensive"),
    ] {
        let doc = pipeline::eval::plain_text("rules_p4_s11", text, "20240311", None);
        let out = engine.code_raw(&doc).expect("coded");
        let got: Vec<_> = out
            .events
            .iter()
            .map(|e| (&text[e.trigger.start as usize..e.trigger.end as usize], e.modality))
            .collect();
        assert!(
            got.iter().any(|(w, m)| *w == trigger && *m == model::Modality::Planned),
            "{text}: want '{trigger}' planned, got {got:?}"
        );
    }
    // A deed done stays asserted.
    let text = "Hamas carried out attacks on Israeli troops.";
    let doc = pipeline::eval::plain_text("rules_p4_s11", text, "20240311", None);
    let out = engine.code_raw(&doc).expect("coded");
    assert!(out.events.iter().all(|e| e.modality == model::Modality::Asserted), "{:?}", out.events);
}

/// A clause without a subject of its own that adds to another verb's deed (a participle, a
/// conjunct) happened where that deed did: its countryless actors take that place's country.
#[test]
fn a_participle_of_a_deed_takes_the_deeds_place() {
    for (text, trigger, source, target) in [
        (
            "A suicide bomber blew himself up at a mosque in Peshawar, killing 30 worshippers.",
            "killing",
            "PAKREB",
            "PAKCVL",
        ),
        (
            "Militants attacked a police station in Quetta, killing five officers.",
            "killing",
            "PAKREB",
            "PAKMIL",
        ),
        (
            "Gunmen stormed a hotel in Mogadishu on Sunday, killing 12 guests.",
            "killing",
            "SOMREB",
            "",
        ),
    ] {
        let got = coded(text, "20240311");
        assert!(
            got.iter().any(|(w, s, t, _)| w == trigger && s == source && t == target),
            "{text}: want {source} -> {target} on '{trigger}', got {got:?}"
        );
    }
}

/// A blast that "tore/ripped through" a place struck it: a verb of assault, whose weapon subject
/// gives the code.
#[test]
fn a_blast_tearing_through_a_place_is_an_assault() {
    for (text, code) in [
        ("An explosion tore through a market in Kabul, killing 12 people.", "18"),
        ("A car bomb ripped through a busy street in Baghdad on Monday.", "1832"),
    ] {
        let got = coded(text, "20240311");
        assert!(
            got.iter().any(|(w, _, _, c)| w.contains("through") && c.starts_with(code)),
            "{text}: want {code}, got {got:?}"
        );
    }
}
