//! One streaming pass over decoded HTML: the visible text (with a map back to decoded
//! offsets), the head metadata we read ourselves, and nesting/element counts for the limits.
//!
//! This is not a tree builder. It never recurses and keeps only a stack of tag-name hashes, so
//! it runs in time linear in the input and memory bounded by it, whatever the nesting.

/// A `<meta>` element's interesting attributes (lowercased keys, raw values).
#[derive(Debug, Clone, Default)]
pub struct MetaTag {
    /// `name`, `property`, `itemprop` or `http-equiv`, lowercased.
    pub key: String,
    pub content: String,
}

/// A `<time>` element or an element marked `itemprop=datePublished`.
#[derive(Debug, Clone, Default)]
pub struct TimeTag {
    pub datetime: Option<String>,
    pub text: String,
    /// `pubdate` attribute, `itemprop=datePublished`, or a class/id naming publication.
    pub marked_published: bool,
    /// Class/id suggest a modification date ("updated", "modified").
    pub marked_modified: bool,
}

/// What one pass over the page found.
#[derive(Debug, Default)]
pub struct Scan {
    /// Visible text: text nodes with entities decoded and whitespace collapsed; block
    /// boundaries become `\n`.
    pub vis: String,
    /// `(vis offset, decoded offset, linear)` at the start of each run of `vis`.
    pub vis_map: Vec<(u32, u32, bool)>,
    pub title: Option<String>,
    pub metas: Vec<MetaTag>,
    pub canonical: Option<String>,
    pub html_lang: Option<String>,
    pub json_ld: Vec<String>,
    /// The first publication-date key/value found in each other script (bounded).
    pub script_dates: Vec<String>,
    pub times: Vec<TimeTag>,
    /// Text of elements whose class/id say they hold a date (`date`, `time`, `publish`, …).
    pub date_texts: Vec<String>,
    /// Text of elements whose class/id/rel say they hold the author.
    pub byline_texts: Vec<String>,
    pub h1: Vec<String>,
    pub max_depth: usize,
    pub elements: usize,
    /// Byte ranges of the decoded page that carry no text or structure for the boilerplate
    /// engine (comments, scripts other than JSON-LD, styles, SVG, templates): see [`Scan::lean`].
    pub strip: Vec<(u32, u32)>,
    /// Offset just after the first `<head>` start tag, where [`Scan::lean`] puts its stub.
    pub head_open: Option<u32>,
}

/// Metadata handed to the boilerplate engine in place of the page's own (which it would
/// otherwise search the whole tree for, and which we read ourselves): with a title, author,
/// tags, section and site name present its metadata pass skips its DOM searches. The engine's metadata
/// is never used; only its text is.
const ENGINE_HEAD_STUB: &str = "<meta property=\"og:title\" content=\"Article\"><meta property=\"og:author\" content=\"Anna Lyst\"><meta property=\"article:tag\" content=\"news\"><meta property=\"og:site_name\" content=\"Annalist\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleSection\":\"News\"}</script>";

impl Scan {
    /// `html` without the [`Scan::strip`] ranges. Most of a news page's bytes are scripts and
    /// styles; the DOM engine's cost grows with bytes and nodes, and it discards them anyway.
    /// The engine's metadata comes from a stub (see `ENGINE_HEAD_STUB`) after `<head>`, or
    /// at the top when the page has no head tag.
    pub fn lean(&self, html: &str) -> String {
        let mut out = String::with_capacity(html.len() + ENGINE_HEAD_STUB.len());
        let mut stub = self.head_open.map(|h| h as usize);
        if stub.is_none() {
            out.push_str(ENGINE_HEAD_STUB);
        }
        let mut at = 0;
        let mut copy = |out: &mut String, from: usize, to: usize| {
            if let Some(h) = stub.filter(|&h| h >= from && h <= to) {
                out.push_str(&html[from..h]);
                out.push_str(ENGINE_HEAD_STUB);
                out.push_str(&html[h..to]);
                stub = None;
            } else {
                out.push_str(&html[from..to]);
            }
        };
        for &(a, b) in &self.strip {
            // Ranges can nest (a script inside a dropped <nav>); skip what is already cut.
            if (a as usize) >= at {
                copy(&mut out, at, a as usize);
            }
            at = at.max(b as usize);
        }
        copy(&mut out, at, html.len());
        if stub.is_some() {
            // The head tag sat inside a stripped range: the stub still goes in.
            out.insert_str(0, ENGINE_HEAD_STUB);
        }
        out
    }

    /// Decoded offset of `vis` offset `v`.
    pub fn decoded_offset(&self, v: usize) -> usize {
        let i = self.vis_map.partition_point(|p| p.0 as usize <= v);
        match i.checked_sub(1) {
            None => 0,
            Some(i) => {
                let (vp, dp, lin) = self.vis_map[i];
                if lin {
                    dp as usize + (v - vp as usize)
                } else {
                    dp as usize
                }
            }
        }
    }
}

use regex::Regex;
use std::sync::LazyLock;

#[cfg(test)]
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];
#[cfg(test)]
const RAW_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "textarea", "xmp", "iframe", "noembed", "noframes",
    "title", "svg", "math",
];
#[cfg(test)]
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "article",
    "section",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "figure",
    "figcaption",
    "main",
    "aside",
    "nav",
    "form",
    "address",
    "caption",
    "body",
    "html",
    "head",
    "center",
    "details",
    "summary",
    "fieldset",
    "legend",
    "option",
    "button",
];
/// Elements whose end tag may be omitted: opening another of the same kind closes the first.
#[cfg(test)]
const SELF_CLOSING_SIBLINGS: &[&str] = &["p", "li", "dt", "dd", "tr", "td", "th", "option"];

/// Elements the boilerplate engine removes with their content before it scores anything;
/// dropping them before parsing saves the engine the work and keeps them out of its fallbacks.
/// (`form` is not here: some sites wrap the whole page in one.)
#[cfg(test)]
const ENGINE_DROPS: &[&str] = &[
    "nav", "aside", "footer", "menu", "iframe", "noscript", "select", "button", "textarea",
    "canvas", "video", "audio", "object", "embed", "map", "dialog",
];

/// Attributes the boilerplate engine reads (class/id heuristics, links, microdata, hidden
/// markers); the rest (`srcset`, `data-*` payloads, event handlers…) is a fifth of a lean page's
/// bytes and only costs the engine parsing and copying.
#[cfg(test)]
const ENGINE_ATTRS: &[&str] = &[
    "id",
    "class",
    "href",
    "title",
    "type",
    "style",
    "name",
    "role",
    "itemprop",
    "itemtype",
    "itemscope",
    "hidden",
    "rel",
    "lang",
    "property",
    "content",
    "http-equiv",
    "datetime",
    "pubdate",
    "charset",
    "data-preloaded",
    "data-component",
    "data-testid",
    "aria-hidden",
    "data-lp-replacement-content",
    "data-utime",
    "data-src",
    "alt",
    "src",
    "target",
    "colspan",
    "rowspan",
    "xml:lang",
];

const F_BLOCK: u8 = 1;
const F_VOID: u8 = 2;
const F_RAW: u8 = 4;
const F_SIBLING: u8 = 8;
const F_DROP: u8 = 16;

/// The tag lists above (the specification, kept for the unit test that holds the two in step)
/// as bit flags for one lowercase tag name: one `match` instead of five list searches a tag.
fn tag_flags(name: &str) -> u8 {
    match name {
        "p" | "li" | "dt" | "dd" | "tr" | "td" | "th" | "option" => F_BLOCK | F_SIBLING,
        "br" | "hr" => F_BLOCK | F_VOID,
        "div" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "article"
        | "section" | "header" | "blockquote" | "pre" | "dl" | "figure" | "figcaption" | "main"
        | "form" | "address" | "caption" | "body" | "html" | "head" | "center" | "details"
        | "summary" | "fieldset" | "legend" => F_BLOCK,
        "footer" | "aside" | "nav" => F_BLOCK | F_DROP,
        "button" => F_BLOCK | F_DROP,
        "area" | "base" | "col" | "img" | "input" | "link" | "meta" | "param" | "source"
        | "track" | "wbr" | "keygen" => F_VOID,
        "embed" => F_VOID | F_DROP,
        "script" | "style" | "template" | "xmp" | "noembed" | "noframes" | "title" | "svg"
        | "math" => F_RAW,
        "noscript" | "textarea" | "iframe" => F_RAW | F_DROP,
        "menu" | "select" | "canvas" | "video" | "audio" | "object" | "map" | "dialog" => F_DROP,
        _ => 0,
    }
}

/// Text budget for the side channels (date/byline texts), so a hostile page cannot grow them.
const SIDE_TEXT_MAX: usize = 300;
const SIDE_ITEMS_MAX: usize = 64;

fn hash(name: &str) -> u64 {
    name.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}

/// A captured element: we collect its text until its end tag.
#[derive(Debug)]
struct Capture {
    depth: usize,
    kind: CaptureKind,
    text: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum CaptureKind {
    Time(usize),
    Date,
    Byline,
    H1,
}

/// Scans `html` (already decoded).
pub fn scan(html: &str) -> Scan {
    let mut s = Scan::default();
    let b = html.as_bytes();
    let n = b.len();
    let mut stack: Vec<u64> = Vec::new();
    let mut captures: Vec<Capture> = Vec::new();
    // Open elements from ENGINE_DROPS: (stack length before the element, its `<` offset).
    let mut drops: Vec<(usize, usize)> = Vec::new();
    // One attribute buffer for the whole page (the slices borrow from `html`).
    let mut attrs: Vec<(&str, &str)> = Vec::with_capacity(32);
    let mut i = 0;
    let mut pending_space = false;
    while i < n {
        if b[i] == b'<' {
            // Comment, doctype, processing instruction.
            if b[i..].starts_with(b"<!--") {
                let end = find(b, i + 4, b"-->").map_or(n, |e| e + 3);
                s.strip.push((i as u32, end as u32));
                i = end;
                continue;
            }
            if i + 1 < n && (b[i + 1] == b'!' || b[i + 1] == b'?') {
                i = memchr(b, i + 1, b'>').map_or(n, |e| e + 1);
                continue;
            }
            let closing = i + 1 < n && b[i + 1] == b'/';
            let name_start = if closing { i + 2 } else { i + 1 };
            let mut j = name_start;
            while j < n && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':') {
                j += 1;
            }
            if j == name_start || !b[name_start].is_ascii_alphabetic() {
                // A lone '<' is text.
                push_text(&mut s, html, i, i + 1, &mut pending_space, &mut captures);
                i += 1;
                continue;
            }
            let raw_name = &html[name_start..j];
            let name: std::borrow::Cow<str> = if raw_name.bytes().any(|c| c.is_ascii_uppercase()) {
                raw_name.to_ascii_lowercase().into()
            } else {
                raw_name.into()
            };
            let flags = tag_flags(&name);
            let tag_start = i;
            let (tag_end, self_closing) = parse_attrs(html, j, &mut attrs, &mut s.strip);
            i = tag_end;
            if closing {
                let h = hash(&name);
                if let Some(pos) = stack.iter().rposition(|&x| x == h) {
                    stack.truncate(pos);
                    finish_captures(&mut s, &mut captures, stack.len());
                    while drops.last().is_some_and(|d| d.0 >= stack.len()) {
                        let (_, start) = drops.pop().expect("checked above");
                        if drops.is_empty() {
                            s.strip.push((start as u32, i as u32));
                        }
                    }
                }
                if flags & F_BLOCK != 0 {
                    block_break(&mut s, &mut pending_space, &mut captures);
                }
                continue;
            }
            s.elements += 1;
            if flags & F_BLOCK != 0 {
                block_break(&mut s, &mut pending_space, &mut captures);
            }
            on_start_tag(&mut s, &name, &attrs, &mut captures);
            if &*name == "head" && s.head_open.is_none() {
                s.head_open = Some(i as u32);
            }
            if matches!(&*name, "meta" | "link") {
                // Read here (and by nothing else): the engine would only parse them again for
                // metadata we do not take from it.
                s.strip.push((tag_start as u32, i as u32));
            }
            if flags & F_RAW != 0 {
                let end = find_end_tag(b, i, &name);
                let content = &html[i..end.min(n)];
                let after = memchr(b, end, b'>').map_or(n, |e| e + 1);
                match &*name {
                    "title" if s.title.is_none() => {
                        s.title = Some(collapse(&decode_entities(content)));
                    }
                    "script" => {
                        let ty = attr(&attrs, "type").unwrap_or("").to_ascii_lowercase();
                        if ty.contains("ld+json") {
                            if s.json_ld.len() < SIDE_ITEMS_MAX {
                                s.json_ld.push(content.to_string());
                            }
                            // The engine reads JSON-LD for its metadata (we read it ourselves)
                            // and for what changes the text: a forum page's posts, and bodies
                            // (article, review, recipe, answer, product, video, how-to) to fall
                            // back on. Only blocks that may carry those go to it.
                            if !ENGINE_JSON_LD.is_match(content) {
                                s.strip.push((tag_start as u32, after as u32));
                            }
                        } else {
                            s.strip.push((tag_start as u32, after as u32));
                            if s.script_dates.len() < 4 {
                                if let Some(at) = find_date_key(content) {
                                    let end = floor_boundary(content, at + 120);
                                    s.script_dates.push(content[at..end].to_string());
                                }
                            }
                        }
                    }
                    "style" | "svg" | "math" | "template" | "noscript" | "iframe" | "textarea"
                    | "noembed" | "noframes" => s.strip.push((tag_start as u32, after as u32)),
                    _ => {}
                }
                i = after;
                continue;
            }
            if flags & F_VOID != 0 || self_closing {
                continue;
            }
            if flags & F_SIBLING != 0 && stack.last() == Some(&hash(&name)) {
                stack.pop();
                finish_captures(&mut s, &mut captures, stack.len());
            }
            if flags & F_DROP != 0 {
                drops.push((stack.len(), tag_start));
            }
            stack.push(hash(&name));
            s.max_depth = s.max_depth.max(stack.len());
            if let Some(c) = captures.last_mut() {
                if c.depth == usize::MAX {
                    c.depth = stack.len() - 1;
                }
            }
        } else {
            let end = memchr(b, i, b'<').unwrap_or(n);
            push_text(&mut s, html, i, end, &mut pending_space, &mut captures);
            i = end;
        }
    }
    finish_captures(&mut s, &mut captures, 0);
    if let Some(&(_, start)) = drops.first() {
        s.strip.push((start as u32, n as u32));
    }
    s.strip.sort_unstable();
    s
}

fn block_break(s: &mut Scan, pending_space: &mut bool, captures: &mut [Capture]) {
    *pending_space = false;
    if !s.vis.is_empty() && !s.vis.ends_with('\n') {
        s.vis.push('\n');
    }
    for c in captures.iter_mut() {
        if !c.text.is_empty() && !c.text.ends_with(' ') {
            c.text.push(' ');
        }
    }
}

fn on_start_tag(s: &mut Scan, name: &str, attrs: &[(&str, &str)], captures: &mut Vec<Capture>) {
    match name {
        "meta" => {
            let key = ["property", "name", "itemprop", "http-equiv"]
                .iter()
                .find_map(|k| attr(attrs, k))
                .map(|k| k.trim().to_ascii_lowercase());
            let content = attr(attrs, "content").or_else(|| attr(attrs, "datetime"));
            if let (Some(key), Some(content)) = (key, content) {
                if s.metas.len() < 4 * SIDE_ITEMS_MAX {
                    s.metas.push(MetaTag {
                        key,
                        content: decode_entities(content).trim().to_string(),
                    });
                }
            }
            return;
        }
        "link" => {
            let rel = attr(attrs, "rel").unwrap_or("").to_ascii_lowercase();
            if rel.split_whitespace().any(|r| r == "canonical") && s.canonical.is_none() {
                s.canonical = attr(attrs, "href").map(|h| decode_entities(h).trim().to_string());
            }
            return;
        }
        "html" => {
            if s.html_lang.is_none() {
                s.html_lang =
                    attr(attrs, "lang").or_else(|| attr(attrs, "xml:lang")).map(str::to_string);
            }
            return;
        }
        _ => {}
    }
    let class = [attr(attrs, "class"), attr(attrs, "id")]
        .iter()
        .flatten()
        .map(|v| v.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    let itemprop = attr(attrs, "itemprop").unwrap_or("").to_ascii_lowercase();
    let rel = attr(attrs, "rel").unwrap_or("").to_ascii_lowercase();
    let time_like = name == "time" || itemprop == "datepublished";
    if time_like && s.times.len() < SIDE_ITEMS_MAX {
        let published = attrs.iter().any(|(k, _)| k.eq_ignore_ascii_case("pubdate"))
            || itemprop == "datepublished"
            || class.contains("publish")
            || class.contains("posted");
        let modified =
            class.contains("modif") || class.contains("updat") || itemprop == "datemodified";
        s.times.push(TimeTag {
            datetime: attr(attrs, "datetime")
                .or_else(|| attr(attrs, "content"))
                .map(str::to_string),
            text: String::new(),
            marked_published: published,
            marked_modified: modified,
        });
        captures.push(Capture {
            depth: usize::MAX,
            kind: CaptureKind::Time(s.times.len() - 1),
            text: String::new(),
        });
        return;
    }
    if name == "h1" && s.h1.len() < 4 {
        captures.push(Capture { depth: usize::MAX, kind: CaptureKind::H1, text: String::new() });
        return;
    }
    let author_like = rel.split_whitespace().any(|r| r == "author")
        || itemprop == "author"
        || class.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
            w == "byline" || w == "author" || w == "autor" || w == "author-name" || w == "auteur"
        });
    if author_like && s.byline_texts.len() < SIDE_ITEMS_MAX {
        captures.push(Capture {
            depth: usize::MAX,
            kind: CaptureKind::Byline,
            text: String::new(),
        });
        return;
    }
    let date_like = !class.is_empty()
        && class.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
            matches!(
                w,
                "date"
                    | "datum"
                    | "time"
                    | "published"
                    | "pubdate"
                    | "posted"
                    | "dateline"
                    | "timestamp"
                    | "meta"
                    | "byline"
                    | "info"
                    | "entry"
                    | "article"
            ) || w.starts_with("date")
                || w.ends_with("date")
                || w.contains("publish")
        });
    if date_like && s.date_texts.len() < SIDE_ITEMS_MAX && captures.len() < 8 {
        captures.push(Capture { depth: usize::MAX, kind: CaptureKind::Date, text: String::new() });
    }
}

fn finish_captures(s: &mut Scan, captures: &mut Vec<Capture>, depth: usize) {
    while let Some(c) = captures.last() {
        if c.depth != usize::MAX && c.depth < depth {
            break;
        }
        let c = captures.pop().expect("checked above");
        let text = c.text.trim().to_string();
        match c.kind {
            CaptureKind::Time(k) => s.times[k].text = text,
            CaptureKind::Date if !text.is_empty() => s.date_texts.push(text),
            CaptureKind::Byline if !text.is_empty() => s.byline_texts.push(text),
            CaptureKind::H1 if !text.is_empty() => s.h1.push(text),
            _ => {}
        }
    }
}

fn push_text(
    s: &mut Scan,
    html: &str,
    start: usize,
    end: usize,
    pending_space: &mut bool,
    captures: &mut [Capture],
) {
    let raw = &html[start..end];
    for c in captures.iter_mut() {
        if c.text.len() < SIDE_TEXT_MAX {
            let room = SIDE_TEXT_MAX - c.text.len();
            let piece = collapse(&decode_entities(truncate(raw, room)));
            if !piece.is_empty() {
                if !c.text.is_empty() && (raw.starts_with(char::is_whitespace)) {
                    c.text.push(' ');
                }
                c.text.push_str(&piece);
                if raw.ends_with(char::is_whitespace) {
                    c.text.push(' ');
                }
            }
        }
    }
    // Walk the run: copy characters, collapse whitespace, decode entities, and add a map
    // point whenever the copy stops being byte-for-byte.
    let mut run_open = false;
    let mut k = start;
    let bytes = html.as_bytes();
    while k < end {
        let byte = bytes[k];
        if byte.is_ascii() && byte != b'&' && !is_ascii_space(byte) {
            // A run of plain ASCII is copied in one go.
            let mut e = k + 1;
            while e < end && bytes[e].is_ascii() && bytes[e] != b'&' && !is_ascii_space(bytes[e]) {
                e += 1;
            }
            if *pending_space {
                if !s.vis.is_empty() && !s.vis.ends_with('\n') {
                    s.vis.push(' ');
                }
                *pending_space = false;
            }
            if !run_open {
                s.vis_map.push((s.vis.len() as u32, k as u32, true));
                run_open = true;
            }
            s.vis.push_str(&html[k..e]);
            k = e;
            continue;
        }
        let ch = html[k..].chars().next().expect("k is on a char boundary");
        let clen = ch.len_utf8();
        if ch.is_whitespace() {
            *pending_space = true;
            run_open = false;
            k += clen;
            continue;
        }
        if *pending_space {
            if !s.vis.is_empty() && !s.vis.ends_with('\n') {
                s.vis.push(' ');
            }
            *pending_space = false;
        }
        if ch == '&' {
            if let Some((decoded, used)) = entity_at(&bytes[k..end]) {
                if decoded.chars().all(char::is_whitespace) {
                    *pending_space = true;
                    run_open = false;
                } else {
                    s.vis_map.push((s.vis.len() as u32, k as u32, false));
                    s.vis.push_str(&decoded);
                    run_open = false;
                }
                k += used;
                continue;
            }
        }
        if !run_open {
            s.vis_map.push((s.vis.len() as u32, k as u32, true));
            run_open = true;
        }
        s.vis.push(ch);
        k += clen;
    }
}

/// The ASCII characters `char::is_whitespace` accepts (it includes vertical tab, unlike
/// `u8::is_ascii_whitespace`).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut e = max;
    while !s.is_char_boundary(e) {
        e -= 1;
    }
    &s[..e]
}

/// Whitespace runs → one space, trimmed.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The value of attribute `key` (lowercase), whatever the case it was written in.
fn attr<'a>(attrs: &[(&str, &'a str)], key: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|&(_, v)| v)
}

/// Is `key` (any case) one of `ENGINE_ATTRS` (a `match`, kept in step with the list by a test)?
fn engine_attr(key: &str) -> bool {
    if key.len() > 28 {
        return false;
    }
    let mut buf = [0u8; 28];
    let low = &mut buf[..key.len()];
    low.copy_from_slice(key.as_bytes());
    low.make_ascii_lowercase();
    matches!(
        &*low,
        b"id"
            | b"class"
            | b"href"
            | b"title"
            | b"type"
            | b"style"
            | b"name"
            | b"role"
            | b"itemprop"
            | b"itemtype"
            | b"itemscope"
            | b"hidden"
            | b"rel"
            | b"lang"
            | b"property"
            | b"content"
            | b"http-equiv"
            | b"datetime"
            | b"pubdate"
            | b"charset"
            | b"data-preloaded"
            | b"data-component"
            | b"data-testid"
            | b"aria-hidden"
            | b"data-lp-replacement-content"
            | b"data-utime"
            | b"data-src"
            | b"alt"
            | b"src"
            | b"target"
            | b"colspan"
            | b"rowspan"
            | b"xml:lang"
    )
}

/// Parses attributes from just after the tag name; returns them, the offset after `>`, and
/// whether the tag ended with `/>`.
/// Byte ranges of attributes not in [`ENGINE_ATTRS`] are added to `drop`.
fn parse_attrs<'a>(
    html: &'a str,
    mut i: usize,
    attrs: &mut Vec<(&'a str, &'a str)>,
    drop: &mut Vec<(u32, u32)>,
) -> (usize, bool) {
    let b = html.as_bytes();
    let n = b.len();
    attrs.clear();
    let mut self_closing = false;
    loop {
        while i < n && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            self_closing = b[i] == b'/';
            i += 1;
        }
        if i >= n {
            return (n, self_closing);
        }
        if b[i] == b'>' {
            return (i + 1, self_closing);
        }
        self_closing = false;
        let ws = i;
        let ks = i;
        while i < n
            && !b[i].is_ascii_whitespace()
            && b[i] != b'='
            && b[i] != b'>'
            && !(b[i] == b'/' && i > ks)
        {
            i += 1;
        }
        let key = &html[ks..i];
        while i < n && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if i < n && b[i] == b'=' {
            i += 1;
            while i < n && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < n && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = memchr(b, vs, q).unwrap_or(n);
                value = &html[vs..ve];
                i = (ve + 1).min(n);
            } else {
                let vs = i;
                while i < n && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = &html[vs..i];
            }
        }
        if !key.is_empty() && !engine_attr(key) && ws > 0 && b[ws - 1].is_ascii_whitespace() {
            drop.push(((ws - 1) as u32, i as u32));
        }
        if attrs.len() < 32 && !key.is_empty() {
            attrs.push((key, value));
        }
    }
}

/// JSON-LD the boilerplate engine takes text from (or that marks a forum thread).
static ENGINE_JSON_LD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"articleBody|reviewBody|recipeInstructions|acceptedAnswer|"(?:Product|VideoObject|HowTo)"|DiscussionForumPosting"#,
    )
    .expect("valid regex")
});

/// The publication-date keys scripts carry (a literal alternation: one SIMD pass per script).
static DATE_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "datePublished|published_at|publishedAt|publishDate|publish_date|firstPublishedAt|datePosted|date_published|pubDate",
    )
    .expect("valid regex")
});

/// Offset of the first publication-date key in a script, found by its distinctive substrings
/// (a few bytes before it, to keep the quote or key prefix).
fn find_date_key(script: &str) -> Option<usize> {
    DATE_KEY.find(script).map(|m| floor_boundary(script, m.start().saturating_sub(6)))
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn memchr(b: &[u8], from: usize, c: u8) -> Option<usize> {
    memchr::memchr(c, b.get(from..)?).map(|p| p + from)
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(b.get(from..)?, needle).map(|p| p + from)
}

/// Offset of `</name` (case-insensitive) at or after `from`, or the end.
fn find_end_tag(b: &[u8], from: usize, name: &str) -> usize {
    let mut k = from;
    while let Some(p) = find(b, k, b"</") {
        let s = p + 2;
        if b.len() >= s + name.len() && b[s..s + name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return p;
        }
        k = p + 2;
    }
    b.len()
}

/// The entity at the start of `b` (which begins with `&`): its text and byte length.
fn entity_at(b: &[u8]) -> Option<(String, usize)> {
    if b.len() < 3 {
        return None;
    }
    if b[1] == b'#' {
        let (hex, digits_from) =
            if b.len() > 2 && (b[2] == b'x' || b[2] == b'X') { (true, 3) } else { (false, 2) };
        let mut k = digits_from;
        while k < b.len()
            && k < digits_from + 8
            && (if hex { b[k].is_ascii_hexdigit() } else { b[k].is_ascii_digit() })
        {
            k += 1;
        }
        if k == digits_from {
            return None;
        }
        let num = std::str::from_utf8(&b[digits_from..k]).ok()?;
        let v = u32::from_str_radix(num, if hex { 16 } else { 10 }).ok()?;
        let v = match v {
            // Windows-1252 remaps browsers apply to C1 numeric references.
            0x80..=0x9f => windows_1252_c1(v),
            _ => v,
        };
        let c = char::from_u32(v).filter(|&c| c != '\0').unwrap_or('\u{FFFD}');
        let used = if k < b.len() && b[k] == b';' { k + 1 } else { k };
        return Some((c.to_string(), used));
    }
    let mut k = 1;
    while k < b.len() && k < 12 && b[k].is_ascii_alphanumeric() {
        k += 1;
    }
    let name = std::str::from_utf8(&b[1..k]).ok()?;
    let c = named_entity(name)?;
    let used = if k < b.len() && b[k] == b';' { k + 1 } else { k };
    Some((c.to_string(), used))
}

fn windows_1252_c1(v: u32) -> u32 {
    let mut buf = String::new();
    let byte = [v as u8];
    let (cow, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
    buf.push_str(&cow);
    buf.chars().next().map_or(0xFFFD, |c| c as u32)
}

/// The common named entities (those seen in news pages); others stay as written.
fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" | "AMP" => "&",
        "lt" | "LT" => "<",
        "gt" | "GT" => ">",
        "quot" | "QUOT" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "shy" => "\u{ad}",
        "ndash" => "–",
        "mdash" => "—",
        "hellip" => "…",
        "lsquo" => "‘",
        "rsquo" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" => "”",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "lsaquo" => "‹",
        "rsaquo" => "›",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "deg" => "°",
        "middot" => "·",
        "bull" => "•",
        "euro" => "€",
        "pound" => "£",
        "yen" => "¥",
        "cent" => "¢",
        "sect" => "§",
        "para" => "¶",
        "times" => "×",
        "divide" => "÷",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "auml" => "ä",
        "ouml" => "ö",
        "uuml" => "ü",
        "Auml" => "Ä",
        "Ouml" => "Ö",
        "Uuml" => "Ü",
        "szlig" => "ß",
        "eacute" => "é",
        "Eacute" => "É",
        "egrave" => "è",
        "Egrave" => "È",
        "ecirc" => "ê",
        "euml" => "ë",
        "aacute" => "á",
        "agrave" => "à",
        "acirc" => "â",
        "atilde" => "ã",
        "aring" => "å",
        "aelig" => "æ",
        "ccedil" => "ç",
        "Ccedil" => "Ç",
        "iacute" => "í",
        "igrave" => "ì",
        "icirc" => "î",
        "iuml" => "ï",
        "ntilde" => "ñ",
        "Ntilde" => "Ñ",
        "oacute" => "ó",
        "ograve" => "ò",
        "ocirc" => "ô",
        "otilde" => "õ",
        "oslash" => "ø",
        "Oslash" => "Ø",
        "uacute" => "ú",
        "ugrave" => "ù",
        "ucirc" => "û",
        "yacute" => "ý",
        "thinsp" => "\u{2009}",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "zwnj" => "\u{200c}",
        "zwj" => "\u{200d}",
        "iexcl" => "¡",
        "iquest" => "¿",
        "ordm" => "º",
        "ordf" => "ª",
        "acute" => "´",
        "uml" => "¨",
        "micro" => "µ",
        "plusmn" => "±",
        _ => return None,
    })
}

/// Decodes entities in an attribute value or short text.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut k = 0;
    while k < b.len() {
        if b[k] == b'&' {
            if let Some((d, used)) = entity_at(&b[k..]) {
                out.push_str(&d);
                k += used;
                continue;
            }
        }
        let ch = s[k..].chars().next().expect("char boundary");
        out.push(ch);
        k += ch.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_and_map_back() {
        let html = "<html lang=en><head><title>A &amp; B | Site</title>\
            <meta property=\"og:site_name\" content=\"Site\"><script>var x='<p>no</p>';</script></head>\
            <body><p>Hello   <b>big</b>\n world &amp; more</p><!-- <p>gone</p> --><p>Next</p></body></html>";
        let s = scan(html);
        assert_eq!(s.vis.trim(), "Hello big world & more\nNext");
        assert_eq!(s.title.as_deref(), Some("A & B | Site"));
        assert_eq!(s.html_lang.as_deref(), Some("en"));
        assert_eq!(s.metas[0].key, "og:site_name");
        for word in ["Hello", "big", "world", "more", "Next"] {
            let v = s.vis.find(word).unwrap();
            let d = s.decoded_offset(v);
            assert_eq!(&html[d..d + word.len()], word);
        }
        let amp = s.vis.find('&').unwrap();
        assert!(html[s.decoded_offset(amp)..].starts_with("&amp;"));
    }

    #[test]
    fn times_and_json_ld() {
        let html = r#"<article><time class="published" datetime="2009-01-20T10:00:00Z">Jan 20</time>
            <script type="application/ld+json">{"datePublished":"2009-01-20"}</script>
            <span class="byline">By Jane Doe</span><div class="date">20.01.2009</div></article>"#;
        let s = scan(html);
        assert_eq!(s.times.len(), 1);
        assert!(s.times[0].marked_published);
        assert_eq!(s.times[0].text, "Jan 20");
        assert_eq!(s.json_ld.len(), 1);
        assert_eq!(s.byline_texts, vec!["By Jane Doe"]);
        assert!(s.date_texts.iter().any(|t| t == "20.01.2009"), "{:?}", s.date_texts);
    }

    #[test]
    fn deep_nesting_is_counted_not_recursed() {
        let html = "<div>".repeat(100_000) + "x" + &"</div>".repeat(100_000);
        let s = scan(&html);
        assert_eq!(s.max_depth, 100_000);
        assert_eq!(s.vis.trim(), "x");
        let ps = "<p>a".repeat(1000);
        assert!(scan(&ps).max_depth <= 2, "unclosed <p> siblings do not nest");
    }

    #[test]
    fn tag_flags_and_engine_attrs_match_the_lists() {
        let names: Vec<&str> = [VOID, RAW_TEXT, BLOCK, SELF_CLOSING_SIBLINGS, ENGINE_DROPS]
            .concat()
            .into_iter()
            .chain(["span", "a", "custom-tag", "x"])
            .collect();
        for name in names {
            let want = [
                (BLOCK, F_BLOCK),
                (VOID, F_VOID),
                (RAW_TEXT, F_RAW),
                (SELF_CLOSING_SIBLINGS, F_SIBLING),
                (ENGINE_DROPS, F_DROP),
            ]
            .iter()
            .filter(|(list, _)| list.contains(&name))
            .fold(0, |f, (_, bit)| f | bit);
            assert_eq!(tag_flags(name), want, "{name}");
        }
        for key in ENGINE_ATTRS {
            assert!(engine_attr(key) && engine_attr(&key.to_ascii_uppercase()), "{key}");
        }
        for key in
            ["data-x", "srcset", "onclick", "", "a-very-long-attribute-name-beyond-the-buffer"]
        {
            assert!(!engine_attr(key), "{key}");
        }
    }

    #[test]
    fn lean_page_drops_scripts_and_metas_and_carries_the_stub_after_head() {
        let html = "<html><head><meta name=a content=b><script>x()</script><title>T</title></head><body><p>Hi</p></body></html>";
        let lean = scan(html).lean(html);
        assert_eq!(
            lean,
            format!("<html><head>{ENGINE_HEAD_STUB}<title>T</title></head><body><p>Hi</p></body></html>")
        );
        let bare = "<p>No head here</p>";
        assert_eq!(scan(bare).lean(bare), format!("{ENGINE_HEAD_STUB}{bare}"));
    }

    #[test]
    fn hostile_fragments_do_not_panic() {
        for s in [
            "<",
            "<a",
            "<a href='",
            "&#",
            "&#x110000;",
            "&#0;",
            "<!--",
            "<script>",
            "</",
            "<1>",
            "&amp",
            "é<é>é",
        ] {
            let _ = scan(s);
            let _ = decode_entities(s);
        }
    }
}
