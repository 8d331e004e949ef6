//! The field's XML validation records (PETRARCH-1/2, UniversalPetrarch):
//!
//! ```text
//! <Environment><Verbfile>…</Verbfile><Actorfile>a,b</Actorfile>…</Environment>
//! <Config option="require_dyad" value="false"/>          (applies to the records after it)
//! <Sentence date="19950101" id="DEMO-00" category="DEMO">
//!   <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"/>  | noevents="True" | error="…"
//!   <Text>…</Text>  <Parse>Treebank or CoNLL-U rows</Parse>
//! </Sentence>
//! ```
//! The reader is a tolerant tag scanner, not a general XML parser: it survives the broken
//! files in the wild (a self-closing `<Sentence …/>` whose content follows it, unclosed
//! elements) and reports each problem with its line and record id.

use crate::diag::Diagnostic;

/// Longest record file we read (bounded memory).
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

/// An expected (source, target, code) triple.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Triple {
    pub source: String,
    pub target: String,
    pub code: String,
}

/// What a record expects.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Expectation {
    Events(Vec<Triple>),
    NoEvents,
    /// The coder must refuse the input (`dateline`, `bad_input_parse`, `sentencediscard`…).
    Error(String),
}

/// A `<Config option value>` setting, in force from where it appears.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigSetting {
    pub option: String,
    pub value: String,
}

/// One validation record.
#[derive(Debug, Clone)]
pub struct Record {
    pub id: String,
    pub category: String,
    pub date: String,
    /// 1-based line of the `<Sentence` tag.
    pub line: usize,
    pub expect: Expectation,
    pub text: String,
    pub parse: String,
    /// Config settings seen before this record, in file order.
    pub config: Vec<ConfigSetting>,
    /// The record could not be read completely (e.g. an unclosed element).
    pub damaged: bool,
}

/// The `<Environment>` block.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    pub verbfile: Option<String>,
    pub actorfiles: Vec<String>,
    pub agentfile: Option<String>,
    pub discardfile: Option<String>,
    pub include: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct RecordFile {
    pub environment: Environment,
    pub records: Vec<Record>,
}

pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Attributes of a start tag's inside (`name="v" other='w'`).
fn attributes(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let st = i;
        while i < b.len() && b[i] != b'=' && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        // Byte positions may fall inside a multi-byte character of junk input: slice safely.
        let name = s.get(st..i).unwrap_or("").to_string();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() || b[i] != b'=' {
            i += 1;
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let q = b[i];
        if q == b'"' || q == b'\'' {
            let vs = i + 1;
            let ve = s.get(vs..).and_then(|r| r.find(q as char)).map(|k| vs + k).unwrap_or(s.len());
            out.push((name, decode_entities(s.get(vs..ve).unwrap_or(""))));
            i = ve + 1;
        } else {
            let vs = i;
            while i < b.len() && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            out.push((name, decode_entities(s.get(vs..i).unwrap_or(""))));
        }
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// Reads a record file. `name` labels diagnostics.
pub fn read_records(text: &str, name: &str) -> (RecordFile, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut file = RecordFile::default();
    let text = if text.len() > MAX_FILE_BYTES {
        diags.push(Diagnostic::at(
            name,
            0,
            format!("file longer than {MAX_FILE_BYTES} bytes; the rest is ignored"),
        ));
        let mut end = MAX_FILE_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        &text[..end]
    } else {
        text
    };
    // Line starts for byte → line conversion.
    let starts: Vec<usize> =
        std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let line_of = |off: usize| starts.partition_point(|&s| s <= off);
    let mut config: Vec<ConfigSetting> = Vec::new();
    let mut cur: Option<Record> = None;
    let mut codings: Vec<Expectation> = Vec::new();
    let mut in_env = false;
    let mut pos = 0;
    let finish = |rec: Option<Record>,
                  codings: &mut Vec<Expectation>,
                  out: &mut Vec<Record>,
                  diags: &mut Vec<Diagnostic>| {
        if let Some(mut r) = rec {
            let mut triples = Vec::new();
            let mut other = None;
            for c in codings.drain(..) {
                match c {
                    Expectation::Events(t) => triples.extend(t),
                    e => other = Some(e),
                }
            }
            r.expect = match other {
                Some(Expectation::Error(e)) => Expectation::Error(e),
                _ if !triples.is_empty() => Expectation::Events(triples),
                _ => Expectation::NoEvents,
            };
            if r.text.trim().is_empty() {
                diags.push(Diagnostic::record(name, r.line, &r.id, "record without <Text>"));
                r.damaged = true;
            }
            out.push(r);
        }
    };
    while let Some(k) = text[pos..].find('<') {
        let at = pos + k;
        let rest = &text[at..];
        if rest.starts_with("<!--") {
            match rest.find("-->") {
                Some(e) => pos = at + e + 3,
                None => {
                    diags.push(Diagnostic::at(name, line_of(at), "unclosed comment `<!--`"));
                    break;
                }
            }
            continue;
        }
        let Some(close) = rest.find('>') else {
            diags.push(Diagnostic::at(name, line_of(at), "unclosed tag `<`"));
            break;
        };
        let inner = &rest[1..close];
        pos = at + close + 1;
        let closing = inner.starts_with('/');
        let tag_name: String = inner
            .chars()
            .skip(usize::from(closing))
            .take_while(|c| !c.is_whitespace() && *c != '/' && *c != '>')
            .collect();
        let tag_name = if closing { format!("/{tag_name}") } else { tag_name };
        let body_of = |tag: &str, from: usize| -> Option<(String, usize)> {
            let end_tag = format!("</{tag}>");
            let stop = text[from..].find("<Sentence").map(|s| from + s).unwrap_or(text.len());
            text[from..stop]
                .find(&end_tag)
                .map(|e| (text[from..from + e].to_string(), from + e + end_tag.len()))
        };
        match tag_name.as_str() {
            "Environment" => in_env = true,
            "/Environment" => in_env = false,
            "Verbfile" | "Actorfile" | "Agentfile" | "Discardfile" | "Include" if in_env => {
                if let Some((body, np)) = body_of(&tag_name, pos) {
                    pos = np;
                    let v = body.trim().to_string();
                    let env = &mut file.environment;
                    match tag_name.as_str() {
                        "Verbfile" => env.verbfile = Some(v),
                        "Actorfile" => {
                            env.actorfiles = v
                                .split(',')
                                .map(|s| s.trim().to_string())
                                .filter(|s| !s.is_empty())
                                .collect()
                        }
                        "Agentfile" => env.agentfile = Some(v),
                        "Discardfile" => env.discardfile = Some(v),
                        _ => env.include = v.split_whitespace().map(str::to_string).collect(),
                    }
                }
            }
            "Config" if !in_env => {
                let a = attributes(&inner[6..]);
                match (attr(&a, "option"), attr(&a, "value")) {
                    (Some(o), Some(v)) => {
                        config.push(ConfigSetting { option: o.to_string(), value: v.to_string() })
                    }
                    _ => diags.push(Diagnostic::at(
                        name,
                        line_of(at),
                        "<Config> without option and value",
                    )),
                }
            }
            "Sentence" => {
                finish(cur.take(), &mut codings, &mut file.records, &mut diags);
                let a = attributes(&inner[8..]);
                let id = attr(&a, "id").unwrap_or("").to_string();
                if id.is_empty() {
                    diags.push(Diagnostic::at(name, line_of(at), "<Sentence> without id"));
                }
                cur = Some(Record {
                    id,
                    category: attr(&a, "category").or(attr(&a, "source")).unwrap_or("").to_string(),
                    date: attr(&a, "date").unwrap_or("").to_string(),
                    line: line_of(at),
                    expect: Expectation::NoEvents,
                    text: String::new(),
                    parse: String::new(),
                    config: config.clone(),
                    damaged: false,
                });
            }
            "/Sentence" => finish(cur.take(), &mut codings, &mut file.records, &mut diags),
            "EventCoding" => {
                let a = attributes(&inner[11..]);
                let Some(r) = &mut cur else {
                    diags.push(Diagnostic::at(
                        name,
                        line_of(at),
                        "<EventCoding> outside a <Sentence>",
                    ));
                    continue;
                };
                if let Some(e) = attr(&a, "error") {
                    codings.push(Expectation::Error(e.to_string()));
                } else if attr(&a, "noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
                    codings.push(Expectation::NoEvents);
                } else {
                    match (attr(&a, "sourcecode"), attr(&a, "targetcode"), attr(&a, "eventcode")) {
                        (Some(s), Some(t), Some(c)) => {
                            codings.push(Expectation::Events(vec![Triple {
                                source: s.to_string(),
                                target: t.to_string(),
                                code: c.to_string(),
                            }]))
                        }
                        _ => {
                            diags.push(Diagnostic::record(
                                name,
                                line_of(at),
                                &r.id,
                                "<EventCoding> lacks sourcecode/targetcode/eventcode",
                            ));
                            r.damaged = true;
                        }
                    }
                }
            }
            "Text" | "Parse" => {
                let Some(r) = &mut cur else {
                    diags.push(Diagnostic::at(
                        name,
                        line_of(at),
                        format!("<{tag_name}> outside a <Sentence>"),
                    ));
                    continue;
                };
                if inner.ends_with('/') {
                    continue;
                }
                match body_of(&tag_name, pos) {
                    Some((body, np)) => {
                        pos = np;
                        let body = decode_entities(&body);
                        if tag_name == "Text" {
                            r.text = body;
                        } else {
                            r.parse = body;
                        }
                    }
                    None => {
                        diags.push(Diagnostic::record(
                            name,
                            line_of(at),
                            &r.id,
                            format!("unclosed <{tag_name}>"),
                        ));
                        r.damaged = true;
                    }
                }
            }
            _ => {}
        }
    }
    finish(cur.take(), &mut codings, &mut file.records, &mut diags);
    (file, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"<Validation><Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt, b.txt</Actorfile></Environment>
<Sentences>
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950101" id="A-1" category="A">
<!-- a comment with <Text> inside -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="GON" eventcode="223"/>
<Text>Arnor &amp; Gondor</Text>
<Parse>(ROOT (S))</Parse>
</Sentence>
<Sentence id="B-1" evaluate="true"/>
<EventCoding noevents="True"/>
<Text>x
<Sentence id="C-1" date="20000101">
<EventCoding error="dateline"/>
<Text>y</Text>
</Sentence>
"#;

    #[test]
    fn attributes_on_junk_bytes() {
        // Found by fuzzing: byte offsets inside a multi-byte character.
        let junk = "<Config\n\r\n77\u{FFFD}5<% x=\u{FFFD}\u{FFFD} y='\u{FFFD}>\n<Sentence id=\u{FFFD}\u{FFFD}/>";
        let (f, _) = read_records(junk, "junk");
        assert!(f.records.len() <= 1);
        let _ = attributes("a\u{FFFD}=b \u{FFFD}\u{FFFD}='c");
    }

    #[test]
    fn tolerant_reading() {
        let (f, diags) = read_records(FILE, "r.xml");
        assert_eq!(f.environment.actorfiles, vec!["a.txt", "b.txt"]);
        assert_eq!(f.records.len(), 3);
        let a = &f.records[0];
        assert_eq!(a.text, "Arnor & Gondor");
        assert_eq!(a.config.len(), 1, "{diags:?} {:?}", f.records);
        match &a.expect {
            Expectation::Events(t) => assert_eq!(t[1].source, "\"INJURY TOLL\""),
            e => panic!("{e:?}"),
        }
        assert!(f.records[1].damaged);
        assert_eq!(f.records[2].expect, Expectation::Error("dateline".into()));
        assert!(
            diags.iter().any(|d| d.record == "B-1" && d.message.contains("unclosed <Text>")),
            "{diags:?}"
        );
    }
}
