//! Rule tokenizer following UD English (EWT/GUM) conventions, with byte spans.
//!
//! Text is cut at whitespace into chunks; each chunk loses opening punctuation from the front
//! and closing punctuation from the back (a final period stays on abbreviations such as
//! "U.S." or "Mr."), the rest is split at infixes (dashes, most hyphens, slashes, commas
//! between letters), and clitics become multiword tokens ("don't" → "do" + "n't", "I'm" →
//! "I" + "'m", "Bush's" → "Bush" + "'s", "cannot" → "can" + "not", "gonna" → "gon" + "na").
//! English multiword tokens are always the concatenation of their words, so every word's
//! span is a substring of its token's span: slicing the text with a word span gives its form.
//!
//! The conventions were checked against EWT and GUM train: hyphenated compounds are split
//! ("well - known") unless the first part is a bound prefix ("non-profit", "e-mail",
//! "re-elected"); number ranges are split ("1969 - 1970") but phone numbers are not; "/" is
//! split except between digits ("9/11", "11/28/2000"); runs of terminal punctuation ("?!",
//! "...") are one token.
//!
//! Work is linear in the input: every byte is looked at a bounded number of times, and chunks
//! longer than [`MAX_TOKEN_BYTES`] are cut into pieces of that size.

use model::Span;

/// A chunk of non-space text longer than this is not language; it is cut into pieces of at
/// most this many bytes (at character boundaries) so later stages stay bounded.
pub const MAX_TOKEN_BYTES: usize = 512;

/// One surface token: a span of text and the syntactic words it holds.
///
/// `words` indexes [`Tokenized::words`]; more than one word makes a multiword token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Surface {
    pub span: Span,
    /// Index of the first word in [`Tokenized::words`].
    pub first_word: u32,
    /// Number of words (1 for an ordinary token).
    pub word_count: u32,
}

impl Surface {
    pub fn words(&self) -> std::ops::Range<usize> {
        self.first_word as usize..(self.first_word + self.word_count) as usize
    }
}

/// The tokens of a text and their words, both in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokenized {
    pub tokens: Vec<Surface>,
    /// Word spans; a word of a multiword token spans its part of the token.
    pub words: Vec<Span>,
}

/// Tokenizes the whole text.
///
/// Spans are `u32`; text beyond 4 GiB is not addressed (callers cap input size well below).
pub fn tokenize(text: &str) -> Tokenized {
    // About one token per five bytes of English prose: room for most texts without regrowing.
    let mut out = Tokenized {
        tokens: Vec::with_capacity(text.len() / 5 + 4),
        words: Vec::with_capacity(text.len() / 5 + 4),
    };
    tokenize_into(text, 0, text.len(), &mut out);
    out
}

/// Tokenizes `text[start..end]` (which must lie on char boundaries), appending to `out`.
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Tokenized) {
    let end = end.min(text.len()).min(u32::MAX as usize);
    let bytes = text.as_bytes();
    let mut i = start;
    let mut w = Writer { text, out, single_open: false, line_start: true, suffixes: Vec::new() };
    while i < end {
        // Skip whitespace (ASCII fast path, then Unicode).
        let c = match text[i..end].chars().next() {
            Some(c) => c,
            None => break,
        };
        if is_space(c) {
            i += c.len_utf8();
            continue;
        }
        let mut j = i;
        while j < end {
            if bytes[j] < 0x80 {
                if (bytes[j] as char).is_ascii_whitespace() {
                    break;
                }
                j += 1;
            } else {
                let c = text[j..].chars().next().unwrap_or(' ');
                if is_space(c) {
                    break;
                }
                j += c.len_utf8();
            }
        }
        let next = text[j..end].trim_start_matches(is_space).chars().next();
        w.line_start = i == start || text[start..i].trim_end_matches([' ', '\t']).ends_with('\n');
        w.chunk(i, j, next);
        i = j;
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}' || (c.is_control() && c != '\u{200d}')
}

struct Writer<'t, 'o> {
    text: &'t str,
    out: &'o mut Tokenized,
    /// An opening single quote (`'` or `‘`) was split off and not yet closed: a later
    /// word-final `'`/`’` closes it rather than marking a possessive.
    single_open: bool,
    /// Whether the current chunk starts a line (list markers such as "2.1." stay whole).
    line_start: bool,
    /// Reused by [`Writer::suffix_only`] from chunk to chunk.
    suffixes: Vec<(usize, usize)>,
}

impl Writer<'_, '_> {
    fn token(&mut self, a: usize, b: usize) {
        if a < b {
            let first = self.out.words.len() as u32;
            self.out.words.push(Span::new(a, b));
            self.out.tokens.push(Surface {
                span: Span::new(a, b),
                first_word: first,
                word_count: 1,
            });
        }
    }

    /// A token that may hold clitics.
    fn word_token(&mut self, a: usize, b: usize) {
        if a >= b {
            return;
        }
        let s = &self.text[a..b];
        if let Some(cut) = number_unit_cut(s) {
            self.token(a, a + cut);
            self.token(a + cut, b);
            return;
        }
        let mut cuts: [usize; 3] = [0; 3];
        let n = clitic_cuts(s, &mut cuts);
        if n == 0 {
            self.token(a, b);
            return;
        }
        let first = self.out.words.len() as u32;
        let mut prev = a;
        for &c in &cuts[..n] {
            self.out.words.push(Span::new(prev, a + c));
            prev = a + c;
        }
        self.out.words.push(Span::new(prev, b));
        self.out.tokens.push(Surface {
            span: Span::new(a, b),
            first_word: first,
            word_count: n as u32 + 1,
        });
    }

    /// One whitespace-delimited chunk `text[a..b]`; `next` is the first character of the
    /// following chunk (for "No. 5" vs "said no.").
    fn chunk(&mut self, a: usize, b: usize, next: Option<char>) {
        if b - a > MAX_TOKEN_BYTES {
            self.oversized(a, b);
            return;
        }
        let text = self.text;
        let s = &text[a..b];
        if is_letter_item(s)
            || is_emoticon(s)
            || is_whole_special(s)
            || (self.line_start && is_list_number(s))
        {
            self.token(a, b);
            return;
        }
        // Prefixes.
        let mut a = a;
        loop {
            let rest = &text[a..b];
            let Some(c) = rest.chars().next() else { return };
            let after = rest[c.len_utf8()..].chars().next();
            if let Some(n) = special_prefix_len(rest) {
                // URL or e-mail: the special token runs to the end minus trailing punctuation.
                let core_end = a + trim_special_tail(&rest[..n]);
                self.token(a, core_end);
                self.suffix_only(core_end, b, next);
                return;
            }
            if let Some(q) =
                ["``", "''", "‘’", "’’", "‘‘", "“”"].iter().find(|q| rest.starts_with(**q))
            {
                if rest.len() > q.len() {
                    self.token(a, a + q.len());
                    a += q.len();
                    continue;
                }
                break;
            }
            if let Some(n) = currency_prefix_len(rest) {
                self.token(a, a + n);
                a += n;
                continue;
            }
            let split = match c {
                '(' | '[' | '{' | '"' | '“' | '„' | '«' | '‹' | '¿' | '¡' | '<' | '`' => {
                    true
                }
                '‘' => {
                    self.single_open = true;
                    true
                }
                '\'' | '’' => {
                    let open = !leading_apostrophe_word(&rest[c.len_utf8()..]);
                    self.single_open |= open;
                    open
                }
                '$' | '£' | '€' | '¥' | '₹' | '#' => {
                    after.is_some_and(|d| d.is_ascii_digit())
                }
                '*' | '-' | '–' | '—' | '~' | '=' | '_' | '|' | '+' | '>' | '^' | '•' | '·' =>
                {
                    // A leading run of the same character (a dash, bullets); "+1" stays
                    // whole, while a minus sign is its own token as in EWT ("- 0.39").
                    !(c == '+' && after.is_some_and(|d| d.is_ascii_digit()))
                        && after.is_some_and(|d| d != c || rest.len() > 1)
                }
                _ => is_emoji(c),
            };
            if !split || rest.len() == c.len_utf8() {
                break;
            }
            let run =
                if matches!(c, '*' | '-' | '–' | '—' | '~' | '=' | '_' | '|' | '>' | '<' | '•')
                {
                    same_run(rest, c)
                } else {
                    emoji_cluster_len(rest, c)
                };
            if run >= rest.len() {
                break;
            }
            self.token(a, a + run);
            a += run;
        }
        self.suffix_only(a, b, next);
    }

    /// Splits closing punctuation off the end of `text[a..b]`, then the infixes of the core.
    fn suffix_only(&mut self, a: usize, b: usize, next: Option<char>) {
        if a >= b {
            return;
        }
        let text = self.text;
        let mut suffixes = std::mem::take(&mut self.suffixes);
        suffixes.clear();
        let mut e = b;
        while e > a {
            let core = &text[a..e];
            if let Some(q) = ["''", "’’", "‘’"].iter().find(|q| core.ends_with(**q)) {
                if e - a > q.len() {
                    suffixes.push((e - q.len(), e));
                    e -= q.len();
                    continue;
                }
                break;
            }
            if core.ends_with("**") || (core.ends_with('*') && e - a > 1) {
                let run = core.len() - core.trim_end_matches('*').len();
                if run < e - a {
                    suffixes.push((e - run, e));
                    e -= run;
                    continue;
                }
                break;
            }
            let Some(c) = core.chars().next_back() else { break };
            let cl = c.len_utf8();
            if e - a == cl {
                break;
            }
            let before = core[..core.len() - cl].chars().next_back();
            let cut = match c {
                ')' | ']' | '}' | '"' | '”' | '»' | '›' | ',' | ';' | '%' | '‰' | '>' | '“' =>
                {
                    // Keep ")" of "(s)"-like endings? UD splits them; keep emoticons whole.
                    !(c == ')' && core.ends_with(":)"))
                }
                ':' => true,
                '\'' | '’' => match before {
                    // After an opening single quote it closes the quotation; otherwise
                    // "parents'" is a possessive (a clitic) and "goin'" keeps its apostrophe.
                    Some(p) if p.is_alphanumeric() && !self.single_open => false,
                    _ => {
                        self.single_open = false;
                        true
                    }
                },
                '.' | '!' | '?' | '…' => {
                    let run = terminal_run_start(core);
                    let run_len = core.len() - run;
                    if c == '.' && run_len == 1 && keeps_period(&core[..run], next) {
                        break;
                    }
                    if &core[run..] == ".." && keeps_period(&core[..run], next) {
                        // "Jr.." = "Jr." + "."
                        suffixes.push((e - 1, e));
                        e -= 1;
                        break;
                    }
                    if run == 0 {
                        break;
                    }
                    suffixes.push((a + run, e));
                    e = a + run;
                    continue;
                }
                _ => is_emoji(c) || c == '\u{fe0f}',
            };
            if !cut {
                break;
            }
            let len = if is_emoji(c) || c == '\u{fe0f}' { trailing_emoji_len(core) } else { cl };
            if len >= e - a {
                break;
            }
            suffixes.push((e - len, e));
            e -= len;
        }
        self.infixes(a, e);
        for &(x, y) in suffixes.iter().rev() {
            self.token(x, y);
        }
        self.suffixes = suffixes;
    }

    /// Splits the core of a chunk at infixes and emits its tokens.
    fn infixes(&mut self, a: usize, b: usize) {
        if a >= b {
            return;
        }
        let text = self.text;
        let s = &text[a..b];
        if is_whole_special(s) || is_emoticon(s) {
            self.token(a, b);
            return;
        }
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let n = chars.len();
        let mut piece_start = 0usize; // byte offset within s
        let mut k = 0usize;
        while k < n {
            let (off, c) = chars[k];
            let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
            let nxt = chars.get(k + 1).map(|x| x.1);
            // Length in chars of an infix token starting here (0 = no split here).
            let infix: usize = match c {
                '-' => {
                    if nxt == Some('-') || prev.is_none() || nxt.is_none() {
                        same_run_chars(&chars[k..], '-')
                    } else if keep_hyphen(&s[piece_start..off], &s[off + 1..]) {
                        0
                    } else {
                        1
                    }
                }
                '–' if prev.is_some_and(char::is_alphabetic)
                    && nxt.is_some_and(char::is_alphabetic) =>
                {
                    0 // "three–day", "Post–Revolutionary"
                }
                '–' | '—' | '―' | '…' => same_run_chars(&chars[k..], c),
                ',' => {
                    // A thousands separator: digit, comma, exactly three digits.
                    let thousands = prev.is_some_and(|p| p.is_ascii_digit())
                        && chars[k + 1..].iter().take(3).filter(|x| x.1.is_ascii_digit()).count()
                            == 3
                        && !chars.get(k + 4).is_some_and(|x| x.1.is_ascii_digit());
                    if thousands || prev.is_none() || nxt.is_none() {
                        0
                    } else {
                        1
                    }
                }
                '/' | ':' => {
                    let digits = prev.is_some_and(|p| p.is_ascii_digit())
                        && nxt.is_some_and(|x| x.is_ascii_digit());
                    // "b/c", "w/o", "L/C": single letters around a slash.
                    let letters = c == '/'
                        && k == 1
                        && prev.is_some_and(char::is_alphabetic)
                        && chars.get(k + 2).is_none_or(|x| !x.1.is_alphanumeric())
                        && nxt.is_none_or(char::is_alphabetic);
                    if digits || letters || prev.is_none() || nxt.is_none() {
                        0
                    } else {
                        1
                    }
                }
                '.' if nxt == Some('.') => same_run_chars(&chars[k..], '.'),
                '.' => 0,
                '!' | '?' => chars[k..].iter().take_while(|x| matches!(x.1, '!' | '?')).count(),
                '(' if prev.is_some_and(char::is_alphabetic) && short_parenthesis(&chars[k..]) => {
                    0 // "friend(s)", "Re(a)d"
                }
                ')' if closes_short_parenthesis(&chars[..k]) => 0,
                '(' | ')' | '[' | ']' | '{' | '}' | '"' | '“' | '”' | ';' => {
                    if c == ')' && prev == Some(':') {
                        0
                    } else {
                        1
                    }
                }
                _ if is_emoji(c) => emoji_cluster_chars(&chars[k..]),
                _ => 0,
            };
            if infix == 0 || (k == 0 && infix >= n) {
                k += infix.max(1);
                continue;
            }
            self.word_token(a + piece_start, a + off);
            let end_off = chars.get(k + infix).map_or(s.len(), |x| x.0);
            self.token(a + off, a + end_off);
            piece_start = end_off;
            k += infix;
        }
        self.word_token(a + piece_start, b);
    }

    /// A chunk too long to be a word: fixed-size pieces at char boundaries.
    fn oversized(&mut self, a: usize, b: usize) {
        let mut i = a;
        while i < b {
            let mut j = (i + MAX_TOKEN_BYTES).min(b);
            while !self.text.is_char_boundary(j) {
                j -= 1;
            }
            if j == i {
                j = i + self.text[i..].chars().next().map_or(1, char::len_utf8);
            }
            self.token(i, j);
            i = j;
        }
    }
}

/// "5kg" → "5" + "kg", "10pm" → "10" + "pm": a number glued to a unit.
fn number_unit_cut(s: &str) -> Option<usize> {
    let digits = s.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',').count();
    if digits == 0 || digits == s.len() || !s.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let unit = s[digits..].to_ascii_lowercase();
    UNITS.contains(&unit.as_str()).then_some(digits)
}

const UNITS: &[&str] = &[
    "kg", "g", "mg", "lb", "lbs", "oz", "km", "m", "cm", "mm", "mi", "ft", "in", "yd", "mph",
    "kph", "kmh", "l", "ml", "gal", "am", "pm", "a.m.", "p.m.", "hrs", "hr", "h", "min", "mins",
    "sec", "secs", "gb", "mb", "kb", "tb", "ghz", "mhz", "khz", "hz", "kw", "mw", "gw", "kwh", "v",
    "w", "k", "bn", "mn", "yrs", "yr",
];

/// Whether `chars` (starting at "(") is a short parenthesis inside a word: "(s)", "(a)".
fn short_parenthesis(chars: &[(usize, char)]) -> bool {
    let inner = chars[1..].iter().take_while(|x| x.1.is_alphanumeric()).count();
    (1..=2).contains(&inner) && chars.get(inner + 1).is_some_and(|x| x.1 == ')')
}

/// Whether a ")" after `before` closes a short in-word parenthesis such as "friend(s".
fn closes_short_parenthesis(before: &[(usize, char)]) -> bool {
    let inner = before.iter().rev().take_while(|x| x.1.is_alphanumeric()).count();
    let open = before.len().wrapping_sub(inner + 1);
    (1..=2).contains(&inner)
        && open < before.len()
        && before[open].1 == '('
        && open > 0
        && before[open - 1].1.is_alphabetic()
}

/// A list item marker written as "(a)", "(iv)", "(1)".
fn is_letter_item(s: &str) -> bool {
    let Some(inner) = s.strip_prefix('(').and_then(|x| x.strip_suffix(')')) else { return false };
    (inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_lowercase()))
        || matches!(inner, "i" | "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii" | "ix" | "x")
}

/// A section or list number at the start of a line: "1.", "2.1.", "10.".
fn is_list_number(s: &str) -> bool {
    s.len() >= 2
        && s.ends_with('.')
        && s[..s.len() - 1]
            .split('.')
            .all(|g| (1..=2).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()))
}

/// "US$", "A$", "HK$" or a currency sign before a number.
fn currency_prefix_len(s: &str) -> Option<usize> {
    let letters = s.bytes().take_while(u8::is_ascii_uppercase).count();
    if (1..=3).contains(&letters)
        && s[letters..].starts_with('$')
        && s[letters + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return Some(letters + 1);
    }
    None
}

/// Start (byte offset in `core`) of the run of `.`, `!`, `?`, `…` at its end.
fn terminal_run_start(core: &str) -> usize {
    let mut start = core.len();
    for (i, c) in core.char_indices().rev() {
        if matches!(c, '.' | '!' | '?' | '…') {
            start = i;
        } else {
            break;
        }
    }
    start
}

fn same_run(s: &str, c: char) -> usize {
    s.char_indices().find(|&(_, x)| x != c).map_or(s.len(), |(i, _)| i)
}

fn same_run_chars(chars: &[(usize, char)], c: char) -> usize {
    chars.iter().take_while(|x| x.1 == c).count()
}

/// Whether `word.` keeps its period: abbreviations, initials, acronyms with inner periods.
fn keeps_period(word: &str, next: Option<char>) -> bool {
    if word.is_empty() {
        return false;
    }
    // "U.S", "e.g", "a.m", "Ph.D": letters separated by periods.
    if word.contains('.')
        && word
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(char::is_alphabetic))
    {
        return true;
    }
    let mut cs = word.chars();
    let first = cs.next().unwrap_or(' ');
    // A single capital letter is an initial ("J. Smith"), except the pronoun "I".
    if cs.next().is_none() {
        return first.is_uppercase() && first != 'I';
    }
    if word.len() > 8 || !word.is_ascii() {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    let capitalised = first.is_uppercase();
    if NUMBER_ABBREVS.contains(&lower.as_str()) {
        // "No. 5", "Nos. 3 and 4", "Vol. 2", but "said no." ends a sentence.
        return capitalised && next.is_some_and(|c| c.is_ascii_digit());
    }
    if CAPITALISED_ABBREVS.contains(&lower.as_str()) {
        return capitalised;
    }
    ANY_CASE_ABBREVS.contains(&lower.as_str())
}

/// Abbreviations written capitalised (titles, months, days, company forms, US states).
const CAPITALISED_ABBREVS: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "drs", "prof", "gen", "lt", "col", "maj",
    "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "cdr", "brig", "gov", "sen", "sens", "rep",
    "reps", "rev", "hon", "pres", "supt", "insp", "det", "atty", "amb", "gens", "st", "ste", "sr",
    "jr", "fr", "sra", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "inc",
    "corp", "co", "ltd", "llc", "plc", "bros", "dept", "univ", "assn", "assoc", "intl", "mt", "ft",
    "ave", "blvd", "rd", "hwy", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga",
    "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont",
    "neb", "nev", "okla", "ore", "pa", "penn", "tenn", "tex", "va", "vt", "wash", "wis", "wisc",
    "wyo", "dak", "ore", "fig", "figs", "eq", "ch", "sec", "art", "op", "ed", "eds", "est",
    "gov't", "govt", "mssrs", "hosp", "natl", "ref", "tel", "mgr", "dir",
];

/// Abbreviations in any case.
const ANY_CASE_ABBREVS: &[&str] = &[
    "etc", "vs", "v", "al", "approx", "appt", "apt", "dept", "esp", "ie", "eg", "cf", "viz", "ca",
    "pp", "min", "max", "hrs", "hr", "mins", "secs", "sq", "lb", "lbs", "ft", "yr", "yrs", "mo",
    "mos", "wk", "wks", "misc", "inc", "corp", "ltd", "co", "jr", "sr", "st", "ext", "abbr", "avg",
    "dist", "div", "est", "gal", "pt", "pts", "tbsp", "tsp", "vol", "vols", "ps", "mt", "mtn",
    "pl",
];

/// Abbreviations that precede a number ("No. 5").
const NUMBER_ABBREVS: &[&str] = &["no", "nos", "nr", "vol", "pg", "p", "art", "op"];

/// Whether a hyphen between `left` (the word so far) and `right` (the rest of the chunk) is
/// kept inside one token.
fn keep_hyphen(left: &str, right: &str) -> bool {
    let l = left.rsplit(['-', '/']).next().unwrap_or(left);
    if l.is_empty() || right.is_empty() {
        return false;
    }
    let r_first = right.chars().next().unwrap_or(' ');
    // Phone numbers and codes: "713-853-3989", "345-9945"; ranges "1969-1970" are split.
    if l.bytes().all(|b| b.is_ascii_digit()) && r_first.is_ascii_digit() {
        let r: String = right.chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect();
        let groups: Vec<&str> = std::iter::once(l).chain(r.split('-')).collect();
        return groups.len() >= 3 || (l.len() == 3 && groups.get(1).is_some_and(|g| g.len() == 4));
    }
    // Codes mixing letters and digits on the left ("ld2d-#69366", "x3-9890") stay whole;
    // "F-16", "26-year-old" and "4-for-5" are split, as in EWT.
    if l.chars().any(|c| c.is_ascii_digit()) && l.chars().any(char::is_alphabetic) {
        return true;
    }
    if l.eq_ignore_ascii_case("e") && !r_first.is_lowercase() {
        return false; // "e-mail", but "Hizb-e-Islami"
    }
    let lower = l.to_lowercase();
    BOUND_PREFIXES.contains(&lower.as_str())
}

/// Prefixes that UD English keeps attached to the word after the hyphen.
const BOUND_PREFIXES: &[&str] = &[
    "e", "non", "re", "anti", "co", "pre", "pro", "mid", "cross", "post", "semi", "counter", "sub",
    "multi", "ex", "mini", "vice", "socio", "psycho", "neo", "inter", "un", "micro", "macro", "bi",
    "tri", "pseudo", "quasi", "ultra", "intra", "extra", "trans", "meta", "de", "mis", "infra",
    "uni", "geo", "bio", "eco",
];

/// Length of a URL or e-mail address at the start of `s`, if it starts with one.
fn special_prefix_len(s: &str) -> Option<usize> {
    let lower_starts =
        |p: &str| s.len() >= p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if lower_starts("http://") || lower_starts("https://") || lower_starts("ftp://") {
        return Some(s.len());
    }
    if lower_starts("www.") && s.len() > 6 {
        return Some(s.len());
    }
    if is_email(s.trim_end_matches(|c: char| !c.is_alphanumeric())) {
        return Some(s.len());
    }
    None
}

/// A bare domain name or file name such as "Get-A-Free-House.com" or "cra.org/resources".
fn is_domain(s: &str) -> bool {
    let host = s.split('/').next().unwrap_or(s);
    let Some((name, tld)) = host.rsplit_once('.') else { return false };
    !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        && name.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && TLDS.contains(&tld.to_ascii_lowercase().as_str())
        && s[host.len()..]
            .chars()
            .all(|c| !c.is_whitespace() && !matches!(c, '"' | '”' | ')' | ','))
        && !s.ends_with(['.', '/'])
}

const TLDS: &[&str] = &[
    "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "uk", "de", "fr", "ca",
    "au", "us", "ru", "cn", "jp", "in", "ly", "tv", "eu", "nl", "it", "es", "ch", "se", "no", "be",
    "at", "nz", "za", "ir", "iq", "il", "pk", "af", "doc", "docx", "xls", "xlsx", "pdf", "txt",
    "htm", "html", "php", "jpg", "png", "gif", "zip", "exe", "ppt",
];

fn is_email(s: &str) -> bool {
    let Some((user, host)) = s.split_once('@') else { return false };
    !user.is_empty()
        && user.chars().all(|c| c.is_alphanumeric() || "._%+-'".contains(c))
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}

/// A URL or e-mail address without its trailing sentence punctuation.
fn trim_special_tail(s: &str) -> usize {
    let mut end = s.len();
    let mut depth_paren: i32 = s.matches('(').count() as i32 - s.matches(')').count() as i32;
    for (i, c) in s.char_indices().rev() {
        let strip = match c {
            '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '”' | '’' | '>' | ']' => true,
            ')' if depth_paren < 0 => {
                depth_paren += 1;
                true
            }
            ')' => false,
            _ => false,
        };
        if !strip {
            break;
        }
        end = i;
    }
    end.max(1)
}

/// Whole chunks kept as one token: e-mail addresses, URLs, file names, numbers with
/// separators, words with inner periods.
fn is_whole_special(s: &str) -> bool {
    if s.len() < 3 {
        return false;
    }
    if is_domain(s) {
        return true;
    }
    special_prefix_len(s).is_some_and(|n| n == s.len() && trim_special_tail(s) == s.len())
}

pub(crate) fn is_emoticon(s: &str) -> bool {
    matches!(
        s,
        ":)" | ":-)"
            | ":("
            | ":-("
            | ";)"
            | ";-)"
            | ":D"
            | ":-D"
            | ":P"
            | ":-P"
            | ":p"
            | ":o"
            | ":O"
            | ":/"
            | ":-/"
            | ":|"
            | ":'("
            | "<3"
            | "^_^"
            | "^^"
            | "XD"
            | "xD"
            | "=)"
            | ":))"
            | ":-))"
            | ";-))"
    )
}

/// A word that starts with an apostrophe in UD English ("'90s", "'em", "'cause", "'til").
fn leading_apostrophe_word(rest: &str) -> bool {
    let lower: String = rest.chars().take(6).flat_map(char::to_lowercase).collect();
    let word: String = lower.chars().take_while(|c| c.is_alphanumeric()).collect();
    if word.len() == 2 && word.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    if word.starts_with(|c: char| c.is_ascii_digit()) && word.ends_with('s') && word.len() == 3 {
        return true;
    }
    matches!(word.as_str(), "em" | "cause" | "til" | "tis" | "twas" | "n")
}

/// Positions (byte offsets in `s`) where the clitics of a word start; returns how many.
fn clitic_cuts(s: &str, cuts: &mut [usize; 3]) -> usize {
    let n = s.len();
    if n < 2 || !s.is_char_boundary(n.saturating_sub(1)) {
        return clitic_curly(s, cuts);
    }
    let b = s.as_bytes();
    let lower_end = |k: usize| -> String { s[n - k..].to_ascii_lowercase() };
    // n't
    if n > 3 && s.is_char_boundary(n - 3) && lower_end(3) == "n't" {
        let base = &s[..n - 3];
        if base.chars().all(char::is_alphabetic) && !base.is_empty() {
            cuts[0] = n - 3;
            return 1;
        }
    }
    // 's 'm 'd ; 're 've 'll
    for k in [2usize, 3] {
        if n > k && s.is_char_boundary(n - k) && b[n - k] == b'\'' {
            let tail = lower_end(k - 1);
            let ok = match k {
                2 => matches!(tail.as_str(), "s" | "m" | "d"),
                _ => matches!(tail.as_str(), "re" | "ve" | "ll"),
            };
            let base = &s[..n - k];
            if ok && base.chars().next_back().is_some_and(char::is_alphabetic) && base_is_word(base)
            {
                let inner = clitic_cuts_inner(base);
                return push_cut(cuts, inner, n - k);
            }
        }
    }
    // Plural possessive "parents'".
    if b[n - 1] == b'\'' && n > 2 && matches!(b[n - 2], b's' | b'S') && base_is_word(&s[..n - 1]) {
        cuts[0] = n - 1;
        return 1;
    }
    if let Some(cut) = exception_cut(s) {
        cuts[0] = cut;
        return 1;
    }
    clitic_curly(s, cuts)
}

fn push_cut(cuts: &mut [usize; 3], inner: Option<usize>, at: usize) -> usize {
    match inner {
        Some(i) if i < at => {
            cuts[0] = i;
            cuts[1] = at;
            2
        }
        _ => {
            cuts[0] = at;
            1
        }
    }
}

/// "I'd've" → "I" + "'d" + "'ve": a second clitic inside the base.
fn clitic_cuts_inner(base: &str) -> Option<usize> {
    let n = base.len();
    if n > 2 && base.is_char_boundary(n - 2) {
        let t = base[n - 2..].to_ascii_lowercase();
        if matches!(t.as_str(), "'d") && base_is_word(&base[..n - 2]) && n - 2 > 0 {
            return Some(n - 2);
        }
    }
    None
}

/// A word that can carry a clitic: letters (digits allowed inside, as in "my6sense"), and
/// the dots, ampersands and hyphens of names such as "AT&T" or "U.S.".
fn base_is_word(base: &str) -> bool {
    base.chars().next_back().is_some_and(char::is_alphabetic)
        && base.chars().any(char::is_alphabetic)
        && base.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '&' || c == '-')
}

/// The same clitics with the curly apostrophe (U+2019).
fn clitic_curly(s: &str, cuts: &mut [usize; 3]) -> usize {
    let Some(pos) = s.rfind('’') else { return 0 };
    let base = &s[..pos];
    let tail = s[pos + '’'.len_utf8()..].to_lowercase();
    if tail.is_empty() {
        if (base.ends_with('s') || base.ends_with('S')) && base.len() > 1 && base_is_word(base) {
            cuts[0] = pos;
            return 1;
        }
        return 0;
    }
    if tail == "t" && (base.ends_with('n') || base.ends_with('N')) && base.len() > 1 {
        let b = &base[..base.len() - 1];
        if base_is_word(b) {
            cuts[0] = base.len() - 1;
            return 1;
        }
    }
    if matches!(tail.as_str(), "s" | "m" | "d" | "re" | "ve" | "ll") && base_is_word(base) {
        cuts[0] = pos;
        return 1;
    }
    0
}

/// Apostrophe-less contractions that UD English splits ("gonna" → "gon" + "na").
fn exception_cut(s: &str) -> Option<usize> {
    if s.len() > 8 || s.len() < 2 || !s.is_ascii() {
        return None;
    }
    // Mixed-case words such as "IM" (instant message) are left alone; all-lower, capitalised
    // and all-caps forms are split.
    let lower = s.to_ascii_lowercase();
    let cut = match lower.as_str() {
        "cannot" => 3,
        "gonna" | "wanna" => 3,
        "gotta" | "outta" => 3,
        "dont" | "wont" | "cant" => 2,
        "didnt" | "isnt" | "aint" => s.len() - 2,
        "doesnt" | "wasnt" | "hasnt" | "hadnt" | "arent" => s.len() - 2,
        "couldnt" | "wouldnt" | "werent" | "havent" => s.len() - 2,
        "shouldnt" => s.len() - 2,
        "im" | "ive"
            if s.starts_with(['i', 'I']) && s[1..].bytes().all(|b| b.is_ascii_lowercase()) =>
        {
            1
        }
        "youre" | "youll" | "youve" => 3,
        "thats" | "whats" | "theres" => s.len() - 1,
        _ => return None,
    };
    Some(cut)
}

/// Emoji and pictographs (approximate Extended_Pictographic ranges).
pub(crate) fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2190..=0x21FF
        | 0x2300..=0x23FF | 0x25A0..=0x25FF | 0x3030 | 0x303D | 0x3297 | 0x3299)
}

/// Joiners and modifiers that belong to the emoji before them.
fn is_emoji_modifier(c: char) -> bool {
    matches!(c as u32, 0x200D | 0xFE0E | 0xFE0F | 0x1F3FB..=0x1F3FF | 0x20E3 | 0xE0020..=0xE007F)
}

/// Byte length of an emoji cluster (emoji + modifiers, ZWJ sequences) at the start of `s`.
fn emoji_cluster_len(s: &str, first: char) -> usize {
    if !is_emoji(first) {
        return first.len_utf8();
    }
    let mut len = first.len_utf8();
    let mut joined = false;
    for c in s[len..].chars() {
        if is_emoji_modifier(c) || (joined && is_emoji(c)) {
            joined = c == '\u{200d}';
            len += c.len_utf8();
        } else {
            break;
        }
    }
    len
}

fn emoji_cluster_chars(chars: &[(usize, char)]) -> usize {
    let mut k = 1;
    let mut joined = false;
    while k < chars.len() {
        let c = chars[k].1;
        if is_emoji_modifier(c) || (joined && is_emoji(c)) {
            joined = c == '\u{200d}';
            k += 1;
        } else {
            break;
        }
    }
    k
}

/// Byte length of the emoji cluster at the end of `s`.
fn trailing_emoji_len(s: &str) -> usize {
    let mut len = 0;
    for c in s.chars().rev() {
        if is_emoji_modifier(c) {
            len += c.len_utf8();
            continue;
        }
        if is_emoji(c) {
            len += c.len_utf8();
            // Continue through a ZWJ sequence.
            if s[..s.len() - len].ends_with('\u{200d}') {
                continue;
            }
        }
        break;
    }
    len.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of each token, `|` between the words of a multiword token.
    fn toks(text: &str) -> Vec<String> {
        let t = tokenize(text);
        t.tokens
            .iter()
            .map(|s| {
                t.words[s.words()].iter().map(|w| &text[w.range()]).collect::<Vec<_>>().join("|")
            })
            .collect()
    }

    #[test]
    fn contractions_are_multiword_tokens() {
        assert_eq!(toks("I don't know."), ["I", "do|n't", "know", "."]);
        assert_eq!(toks("I'm sure we'll go"), ["I|'m", "sure", "we|'ll", "go"]);
        assert_eq!(toks("You cannot, he's gonna"), ["You", "can|not", ",", "he|'s", "gon|na"]);
        assert_eq!(
            toks("Bush's plan, the parents' cars"),
            ["Bush|'s", "plan", ",", "the", "parents|'", "cars"]
        );
        assert_eq!(toks("It’s Bush’s, won’t"), ["It|’s", "Bush|’s", ",", "wo|n’t"]);
        assert_eq!(toks("can't WON'T dont"), ["ca|n't", "WO|N'T", "do|nt"]);
        assert_eq!(toks("o'clock O'Reilly"), ["o'clock", "O'Reilly"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(toks("the U.S. and Mr. Smith."), ["the", "U.S.", "and", "Mr.", "Smith", "."]);
        assert_eq!(toks("at 5 p.m. on Jan. 21"), ["at", "5", "p.m.", "on", "Jan.", "21"]);
        assert_eq!(toks("No. 5 but said no."), ["No.", "5", "but", "said", "no", "."]);
        assert_eq!(toks("J. R. R. Tolkien"), ["J.", "R.", "R.", "Tolkien"]);
        assert_eq!(toks("in 1990."), ["in", "1990", "."]);
    }

    #[test]
    fn punctuation_currency_and_percent() {
        assert_eq!(toks("\"Yes,\" he said."), ["\"", "Yes", ",", "\"", "he", "said", "."]);
        assert_eq!(toks("“Go!” (now)"), ["“", "Go", "!", "”", "(", "now", ")"]);
        assert_eq!(toks("$5 and 5% of 1,000.50"), ["$", "5", "and", "5", "%", "of", "1,000.50"]);
        assert_eq!(toks("Wait...what?!"), ["Wait", "...", "what", "?!"]);
        assert_eq!(toks("yes -- no—maybe"), ["yes", "--", "no", "—", "maybe"]);
    }

    #[test]
    fn hyphens_follow_ewt() {
        assert_eq!(toks("well-known e-mail"), ["well", "-", "known", "e-mail"]);
        assert_eq!(toks("non-profit re-elected"), ["non-profit", "re-elected"]);
        assert_eq!(toks("1969-1970 713-853-3989"), ["1969", "-", "1970", "713-853-3989"]);
        assert_eq!(
            toks("and/or 9/11 -5 +1 b/c w/"),
            ["and", "/", "or", "9/11", "-", "5", "+1", "b/c", "w/"]
        );
    }

    #[test]
    fn urls_emails_emoji() {
        assert_eq!(toks("see http://x.org/a?b=1."), ["see", "http://x.org/a?b=1", "."]);
        assert_eq!(toks("(www.example.com)"), ["(", "www.example.com", ")"]);
        assert_eq!(toks("mail joe.x@enron.com,"), ["mail", "joe.x@enron.com", ","]);
        assert_eq!(toks("great😀! :)"), ["great", "😀", "!", ":)"]);
    }

    #[test]
    fn spans_slice_to_forms_on_odd_input() {
        for text in [
            "",
            "   ",
            "\u{0}\u{1}x\u{7f}",
            "日本語のテキスト。中文",
            "'''''",
            "..........",
            "a-b-c-d-e-f",
            "’’’s’",
            "n't",
            "'s",
            "👩‍👩‍👧‍👦👍🏽",
            "-",
            "$",
            "x\u{200d}",
        ] {
            let t = tokenize(text);
            let mut last = 0;
            for tok in &t.tokens {
                assert!(tok.span.start as usize >= last, "{text:?}");
                assert!(tok.span.slice(text).is_some_and(|s| !s.is_empty()), "{text:?}");
                let words = &t.words[tok.words()];
                assert_eq!(words[0].start, tok.span.start);
                assert_eq!(words[words.len() - 1].end, tok.span.end);
                for w in words {
                    assert!(w.slice(text).is_some_and(|s| !s.is_empty()), "{text:?} {w:?}");
                }
                last = tok.span.end as usize;
            }
        }
    }

    #[test]
    fn oversized_chunks_are_cut() {
        let text = "x".repeat(MAX_TOKEN_BYTES * 3 + 7);
        let t = tokenize(&text);
        assert_eq!(t.tokens.len(), 4);
    }
}
