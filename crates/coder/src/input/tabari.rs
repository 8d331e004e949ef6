//! TABARI's `Validate.text` records: a `YYMMDD  ID` line, raw sentence text, then a
//! `/* … */` comment holding the expectations `{ SRC / TGT / CODE }` (optionally followed by
//! a date), `{---}` (no event), `{###}` (discard), `{+++}` (complex) or option switches
//! `{ OPTION: … }`. Reading stops at the `FINAL-01` record, the end of the standard suite.

use super::records::{Expectation, Triple};
use crate::diag::Diagnostic;

/// One TABARI validation record.
#[derive(Debug, Clone)]
pub struct TabariRecord {
    pub id: String,
    /// `YYMMDD` as written.
    pub date: String,
    pub line: usize,
    pub text: String,
    pub expect: Expectation,
    /// Option switches (`SET: CONVERT AGENT = TRUE`), kept verbatim.
    pub options: Vec<String>,
    /// `{+++}`: a record TABARI marks as complex (not scored).
    pub complex: bool,
}

fn is_header(l: &str) -> Option<(String, String)> {
    let mut it = l.split_whitespace();
    let d = it.next()?;
    let id = it.next()?;
    if it.next().is_some() || d.len() != 6 || !d.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((d.to_string(), id.to_string()))
}

/// Reads the standard records (up to `FINAL-01`).
pub fn read_validate_text(text: &str, name: &str) -> (Vec<TabariRecord>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut out = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let Some((date, id)) = is_header(lines[i]) else {
            i += 1;
            continue;
        };
        if id.starts_with("FINAL") {
            break;
        }
        let line = i + 1;
        i += 1;
        let mut body = String::new();
        let mut comment = String::new();
        while i < lines.len() && is_header(lines[i]).is_none() {
            // The comment may open at the end of the text ("officials said./*").
            if let Some(k) = lines[i].find("/*") {
                body.push_str(lines[i][..k].trim());
                comment.push_str(&lines[i][k..]);
                comment.push('\n');
                i += 1;
                break;
            }
            body.push_str(lines[i].trim());
            body.push(' ');
            i += 1;
        }
        if comment.is_empty() {
            diags.push(Diagnostic::record(
                name,
                line,
                &id,
                "record without a /* … */ expectation comment",
            ));
        }
        while !comment.is_empty() && !comment.contains("*/") {
            if i >= lines.len() {
                diags.push(Diagnostic::record(name, line, &id, "unclosed /* comment"));
                break;
            }
            comment.push_str(lines[i]);
            comment.push('\n');
            i += 1;
        }
        let mut triples = Vec::new();
        let mut options = Vec::new();
        let mut none = false;
        let mut discard = false;
        let mut complex = false;
        let mut rest = comment.as_str();
        while let Some(a) = rest.find('{') {
            let Some(b) = rest[a..].find('}') else {
                // An option switch left unclosed runs to the end of the comment
                // (`{ OPTION: SET: MINIMUM WORDS = 4  */`), as TABARI reads it.
                let inner = rest[a + 1..].split("*/").next().unwrap_or("").trim();
                match inner.strip_prefix("OPTION:") {
                    Some(o) => options.push(o.trim().to_string()),
                    None => diags.push(Diagnostic::record(
                        name,
                        line,
                        &id,
                        "unclosed `{` in expectations",
                    )),
                }
                break;
            };
            let inner = rest[a + 1..a + b].trim();
            // `-{…}` marks an expectation TABARI itself does not meet; keep it out.
            let disabled = a > 0 && rest.as_bytes()[a - 1] == b'-';
            rest = &rest[a + b + 1..];
            if disabled {
                continue;
            }
            if let Some(o) = inner.strip_prefix("OPTION:") {
                options.push(o.trim().to_string());
            } else if inner == "---" || inner.is_empty() {
                none = true;
            } else if inner == "###" {
                discard = true;
            } else if inner == "+++" {
                complex = true;
            } else {
                let parts: Vec<&str> = inner.split('/').map(str::trim).collect();
                if parts.len() == 3 && parts.iter().all(|p| !p.is_empty()) {
                    triples.push(Triple {
                        source: parts[0].into(),
                        target: parts[1].into(),
                        code: parts[2].into(),
                    });
                } else {
                    diags.push(Diagnostic::record(
                        name,
                        line,
                        &id,
                        format!("unreadable expectation `{{{inner}}}`"),
                    ));
                }
            }
        }
        let expect = if !triples.is_empty() {
            Expectation::Events(triples)
        } else if discard {
            Expectation::Error("discard".into())
        } else {
            let _ = none;
            Expectation::NoEvents
        };
        out.push(TabariRecord {
            id,
            date,
            line,
            text: body.trim().to_string(),
            expect,
            options,
            complex,
        });
    }
    (out, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_expectations() {
        let t = "950103  DEMO-04\nDagolath left for Minas Tirith.\n/*\\n---\n\\n{ DAG / GON / 032 } 950103\n\\n{ GON / DAG / 033 } */\n\n950101  DEMO-05\nArnor restores.\n/* -{ARN / GON / 064 } {---} */\n950101  BAD-1\nText\n/* { A / B } */\n000101 FINAL-01\n";
        let (r, d) = read_validate_text(t, "v.text");
        assert_eq!(r.len(), 3);
        let (o, d2) = read_validate_text(
            "970102 MIN-A\nText.\n/* { OPTION: SET: MINIMUM WORDS = 4  */\n",
            "v",
        );
        assert!(d2.is_empty());
        assert_eq!(o[0].options, vec!["SET: MINIMUM WORDS = 4".to_string()]);
        match &r[0].expect {
            Expectation::Events(v) => assert_eq!(v.len(), 2),
            e => panic!("{e:?}"),
        }
        assert_eq!(r[1].expect, Expectation::NoEvents);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].record, "BAD-1");
    }
}
