//! CoNLL-U reading and writing (<https://universaldependencies.org/format.html>).
//!
//! The reader is tolerant: a malformed sentence is skipped with a [`Diagnostic`] naming the
//! line, and reading goes on. Empty nodes (`8.1`) are skipped; multiword-token range lines
//! (`1-2`) are kept so the surface text can be restored.

use model::AnalyzedSentence;
use std::fmt::{self, Write as _};

/// One word line of a CoNLL-U file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 for the root; `None` when the column was `_` (unparsed input).
    pub head: Option<u32>,
    pub deprel: String,
    pub misc: String,
}

impl Word {
    /// `SpaceAfter=No` is absent from MISC.
    pub fn space_after(&self) -> bool {
        !self.misc.split('|').any(|m| m == "SpaceAfter=No")
    }
}

/// A multiword token: words `first..=last` (1-based) are written `form` in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultiwordToken {
    pub first: u32,
    pub last: u32,
    pub form: String,
    pub misc: String,
}

/// One sentence of a CoNLL-U file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    /// `# sent_id = …`
    pub id: Option<String>,
    /// `# text = …`
    pub text: Option<String>,
    /// `# newdoc` seen before this sentence.
    pub newdoc: bool,
    /// `# newpar` seen before this sentence.
    pub newpar: bool,
    pub words: Vec<Word>,
    pub multiword: Vec<MultiwordToken>,
    /// 1-based line number of the sentence's first line.
    pub line: usize,
}

impl Sentence {
    /// The surface tokens (multiword tokens as one) in order, with their `SpaceAfter`.
    pub fn surface_tokens(&self) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        let mut i = 0u32;
        let mut mwt = self.multiword.iter().peekable();
        while (i as usize) < self.words.len() {
            let id = i + 1;
            if let Some(m) = mwt.peek().filter(|m| m.first == id) {
                out.push((m.form.clone(), !m.misc.split('|').any(|x| x == "SpaceAfter=No")));
                i = m.last;
                mwt.next();
            } else {
                let w = &self.words[i as usize];
                out.push((w.form.clone(), w.space_after()));
                i += 1;
            }
        }
        out
    }

    /// The sentence text: `# text` when present, else rebuilt from tokens and `SpaceAfter`.
    pub fn surface_text(&self) -> String {
        if let Some(t) = &self.text {
            return t.clone();
        }
        let mut s = String::new();
        for (form, space) in self.surface_tokens() {
            s.push_str(&form);
            if space {
                s.push(' ');
            }
        }
        s.truncate(s.trim_end().len());
        s
    }
}

/// A problem found while reading, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// The sentences read, and the problems met (each malformed sentence is skipped whole).
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub sentences: Vec<Sentence>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads CoNLL-U text. Never panics; malformed sentences are reported and skipped.
pub fn parse(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut cur = Sentence::default();
    let mut bad: Option<Diagnostic> = None;
    let mut started = false;

    let finish = |cur: &mut Sentence, bad: &mut Option<Diagnostic>, out: &mut Parsed| {
        let s = std::mem::take(cur);
        if let Some(d) = bad.take() {
            out.diagnostics.push(d);
        } else if !s.words.is_empty() {
            match check_tree(&s) {
                Ok(()) => out.sentences.push(s),
                Err(message) => out.diagnostics.push(Diagnostic { line: s.line, message }),
            }
        }
    };

    for (i, raw) in text.split('\n').enumerate() {
        let lineno = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            if started {
                finish(&mut cur, &mut bad, &mut out);
                started = false;
            }
            continue;
        }
        if !started {
            started = true;
            cur.line = lineno;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let c = comment.trim();
            if let Some(v) = c.strip_prefix("sent_id") {
                cur.id = Some(v.trim_start_matches([' ', '=']).trim().to_string());
            } else if let Some(v) = c.strip_prefix("text =") {
                cur.text = Some(v.trim().to_string());
            } else if c.starts_with("newdoc") {
                cur.newdoc = true;
            } else if c.starts_with("newpar") {
                cur.newpar = true;
            }
            continue;
        }
        if bad.is_some() {
            continue;
        }
        if let Err(message) = parse_word_line(line, &mut cur) {
            bad = Some(Diagnostic { line: lineno, message });
        }
    }
    if started {
        finish(&mut cur, &mut bad, &mut out);
    }
    out
}

fn parse_word_line(line: &str, cur: &mut Sentence) -> Result<(), String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 10 {
        return Err(format!("expected 10 tab-separated columns, found {}", cols.len()));
    }
    let id = cols[0];
    if id.contains('.') {
        return Ok(()); // empty node of the enhanced graph
    }
    if let Some((a, b)) = id.split_once('-') {
        let first: u32 = a.parse().map_err(|_| format!("bad multiword id `{id}`"))?;
        let last: u32 = b.parse().map_err(|_| format!("bad multiword id `{id}`"))?;
        if first == 0 || last < first || first as usize != cur.words.len() + 1 {
            return Err(format!("multiword range `{id}` out of order"));
        }
        cur.multiword.push(MultiwordToken {
            first,
            last,
            form: cols[1].to_string(),
            misc: cols[9].to_string(),
        });
        return Ok(());
    }
    let n: usize = id.parse().map_err(|_| format!("bad word id `{id}`"))?;
    if n != cur.words.len() + 1 {
        return Err(format!("word id {n} out of sequence (expected {})", cur.words.len() + 1));
    }
    let head = match cols[6] {
        "_" => None,
        h => Some(h.parse::<u32>().map_err(|_| format!("bad head `{h}`"))?),
    };
    let field = |s: &str| if s == "_" { String::new() } else { s.to_string() };
    cur.words.push(Word {
        form: cols[1].to_string(),
        // A lemma of `_` is legitimate for the word "_" itself.
        lemma: if cols[2] == "_" && cols[1] != "_" { String::new() } else { cols[2].to_string() },
        upos: field(cols[3]),
        xpos: field(cols[4]),
        feats: field(cols[5]),
        head,
        deprel: field(cols[7]),
        misc: field(cols[9]),
    });
    Ok(())
}

/// Checks heads are in range and form a tree (no cycles). Unparsed sentences (all heads `_`)
/// pass.
pub fn check_tree(s: &Sentence) -> Result<(), String> {
    let n = s.words.len() as u32;
    if s.multiword.iter().any(|m| m.last > n) {
        return Err("multiword range beyond the last word".into());
    }
    if s.words.iter().all(|w| w.head.is_none()) {
        return Ok(());
    }
    for (i, w) in s.words.iter().enumerate() {
        match w.head {
            None => return Err(format!("word {} has no head", i + 1)),
            Some(h) if h > n => return Err(format!("word {} has head {h} beyond {n}", i + 1)),
            Some(h) if h as usize == i + 1 => {
                return Err(format!("word {} is its own head", i + 1))
            }
            _ => {}
        }
    }
    for start in 0..s.words.len() {
        let mut cur = start;
        for _ in 0..=s.words.len() {
            match s.words[cur].head {
                Some(0) | None => break,
                Some(h) => cur = h as usize - 1,
            }
            if cur == start {
                return Err(format!("cycle through word {}", start + 1));
            }
        }
    }
    Ok(())
}

/// Writes analysed sentences as CoNLL-U; `text` is the article text the spans point into.
///
/// Multiword tokens get their range line; `SpaceAfter=No` is derived from the spans. A word
/// without a relation (unparsed) is written with head `_`.
pub fn write(sentences: &[AnalyzedSentence], text: &str, out: &mut String) {
    for s in sentences {
        let _ = writeln!(out, "# sent_id = {}", s.index + 1);
        let stext = s.span.slice(text).unwrap_or("");
        let _ = writeln!(out, "# text = {}", stext.replace(['\n', '\r'], " "));
        let toks = &s.tokens;
        for (i, t) in toks.iter().enumerate() {
            let id = i + 1;
            let space_no = |end: u32| {
                let next = text.as_bytes().get(end as usize);
                next.is_some_and(|b| !b.is_ascii_whitespace()) && end < s.span.end
            };
            if let Some((first, count)) = t.mwt {
                if first as usize == id {
                    let last = first + count - 1;
                    let span_end = toks[(last as usize - 1).min(toks.len() - 1)].span.end;
                    let surface = model::Span { start: t.span.start, end: span_end }
                        .slice(text)
                        .unwrap_or(&t.form);
                    let misc = if space_no(span_end) { "SpaceAfter=No" } else { "_" };
                    let _ = writeln!(out, "{first}-{last}\t{surface}\t_\t_\t_\t_\t_\t_\t_\t{misc}");
                }
            }
            let misc = if t.mwt.is_none() && space_no(t.span.end) { "SpaceAfter=No" } else { "_" };
            let f =
                |s: &str| if s.is_empty() { "_".to_string() } else { s.replace(['\t', '\n'], " ") };
            // An unparsed word (no relation) gets `_` for its head, not a root attachment.
            let head = if t.deprel.is_empty() { "_".to_string() } else { t.head.to_string() };
            let _ = writeln!(
                out,
                "{id}\t{}\t{}\t{}\t{}\t{}\t{head}\t{}\t_\t{misc}",
                f(&t.form),
                f(&t.lemma),
                f(&t.upos),
                f(&t.xpos),
                f(&t.feats),
                f(&t.deprel),
            );
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = x\n# sent_id = s1\n# text = I don't know.\n\
1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_multiword_and_comments() {
        let p = parse(SAMPLE);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let s = &p.sentences[0];
        assert!(s.newdoc);
        assert_eq!(s.id.as_deref(), Some("s1"));
        assert_eq!(s.words.len(), 5);
        assert_eq!(s.words[2].lemma, "not");
        assert_eq!(s.words[3].head, Some(0));
        assert_eq!(s.multiword[0].form, "don't");
        let surface: Vec<_> = s.surface_tokens().into_iter().map(|t| t.0).collect();
        assert_eq!(surface, ["I", "don't", "know", "."]);
        let rebuilt = Sentence { text: None, ..s.clone() }.surface_text();
        assert_eq!(rebuilt, "I don't know.");
    }

    #[test]
    fn malformed_sentences_are_reported_with_lines_and_skipped() {
        let text = "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n2\tcat\tcat\tNOUN\tNN\t_\t0\troot\t_\t_\n\n\
1\tbad\tline\n\n\
1\tx\tx\tX\tX\t_\t2\tdep\t_\t_\n2\ty\ty\tX\tX\t_\t1\tdep\t_\t_\n\n\
1\tz\tz\tX\tX\t_\t9\tdep\t_\t_\n\n\
1\tok\tok\tX\tX\t_\t0\troot\t_\t_\n";
        let p = parse(text);
        assert_eq!(p.sentences.len(), 2);
        let lines: Vec<_> = p.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, [4, 6, 9]);
        assert!(p.diagnostics[1].message.contains("cycle"));
        assert!(p.diagnostics[2].message.contains("beyond"));
    }

    #[test]
    fn never_panics_on_junk() {
        for junk in [
            "\t\t\t",
            "1-\t\t\t\t\t\t\t\t\t",
            "0\ta\ta\tX\tX\t_\t0\troot\t_\t_",
            "\u{0}\n\n#",
            "2-1\ta\t_\t_\t_\t_\t_\t_\t_\t_",
        ] {
            let _ = parse(junk);
        }
    }

    #[test]
    fn writes_back_multiword_tokens() {
        let text = "I don't know.";
        let p = parse(SAMPLE);
        let w = &p.sentences[0].words;
        let spans = [(0, 2), (2, 4), (4, 7), (8, 12), (12, 13)];
        let tokens = w
            .iter()
            .zip(spans)
            .enumerate()
            .map(|(i, (w, (a, b)))| {
                let span = if i == 0 { model::Span::new(0, 1) } else { model::Span::new(a, b) };
                model::Token {
                    span,
                    form: w.form.clone(),
                    lemma: w.lemma.clone(),
                    upos: w.upos.clone(),
                    xpos: w.xpos.clone(),
                    feats: w.feats.clone(),
                    head: w.head.unwrap(),
                    deprel: w.deprel.clone(),
                    mwt: if (1..=2).contains(&i) { Some((2, 2)) } else { None },
                }
            })
            .collect();
        let s = AnalyzedSentence { index: 0, span: model::Span::new(0, 13), tokens };
        let mut out = String::new();
        write(&[s], text, &mut out);
        let back = parse(&out);
        assert!(back.diagnostics.is_empty(), "{out}");
        assert_eq!(back.sentences[0].multiword[0].form, "don't");
        assert_eq!(back.sentences[0].surface_text(), "I don't know.");
    }
}
