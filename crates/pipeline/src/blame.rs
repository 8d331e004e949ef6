//! "…, the regional governor said, *blaming* Russian forces": a participle of accusation on a
//! verb of saying is the speaker's own accusation (CAMEO 112) against the party it names, and
//! that party is the alleged doer of the deeds of force the speaker reports without naming one
//! ("A missile hit an apartment building …").

use coder::code::{CodedActor, CodedEvent};
use model::AnalyzedSentence;

/// Adds the accusations such participles make and fills the missing doers of the deeds of force
/// of their sentences. Only sentences holding "blaming"/"accusing" are read.
pub(crate) fn accusations(
    text: &str,
    sentences: &[AnalyzedSentence],
    found: &mut Vec<(usize, CodedEvent)>,
    code_span: &dyn Fn(model::Span) -> Option<String>,
) {
    for (si, s) in sentences.iter().enumerate() {
        let Some(p) = s
            .tokens
            .iter()
            .position(|t| (t.lemma == "blame" || t.lemma == "accuse") && t.form.ends_with("ing"))
        else {
            continue;
        };
        let tree = provenance::Tree::new(s, text);
        let Some(h) = tree.head(p) else { continue };
        // (However the parser hung the participle after the verb: advcl, ccomp, conj, …)
        let speaking = p > h
            && matches!(tree.rel(p), "advcl" | "ccomp" | "xcomp" | "conj" | "parataxis" | "dep")
            && !tree.children(p).any(|c| tree.rel(c) == "nsubj")
            && tree.is_verbal(h)
            && provenance::attribution::SPEECH.contains(&tree.lemma(h).as_str());
        let ptrig = tree.tok(p).span;
        if !speaking || found.iter().any(|(i, e)| *i == si && e.trigger.overlaps(ptrig)) {
            continue;
        }
        let Some(o) = tree.child_with(p, &["obj"]) else { continue };
        let ospan = tree.name_span(o);
        let Some(blamed) = code_span(ospan).filter(|c| c.len() >= 3) else { continue };
        let blamed = CodedActor { code: blamed, text: tree.slice(ospan).to_string(), span: ospan };
        let speaker = provenance::attribution::subject(&tree, h).map(|n| {
            let span = tree.name_span(n);
            CodedActor {
                code: code_span(span).unwrap_or_default(),
                text: tree.slice(span).to_string(),
                span,
            }
        });
        // The deeds of force the speaker reports with no doer of their own.
        for (_, e) in found.iter_mut().filter(|(i, _)| *i == si) {
            let force = matches!(e.code.get(..2), Some("18" | "19" | "20"));
            if force && e.source.code.trim_matches('-').is_empty() && e.trigger.end <= ptrig.start {
                e.source = blamed.clone();
            }
        }
        // In text order: after the events of its sentence.
        let at = found.iter().rposition(|(i, _)| *i <= si).map_or(0, |k| k + 1);
        found.insert(
            at,
            (
                si,
                CodedEvent {
                    source: speaker.unwrap_or(CodedActor {
                        code: String::new(),
                        text: String::new(),
                        span: ptrig,
                    }),
                    target: blamed,
                    code: "112".into(),
                    trigger: ptrig,
                    negated: false,
                    passive: false,
                    pattern: None,
                    cues: Vec::new(),
                },
            ),
        );
    }
}
