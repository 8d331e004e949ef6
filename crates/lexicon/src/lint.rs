//! The lexicon lint: reads the files line by line in the formats `lexicon/README.md`
//! documents, counts entries per category, and reports every problem as `file:line: message`
//! while going on with the rest (a broken line never hides the lines after it).
//!
//! Checked: malformed lines (unknown line shapes, unbalanced brackets, code syntax, phrases
//! without the closing `_`), impossible dates and periods that end before they start, actors
//! without codes, the same key defined twice with different codes (across all files of one
//! kind), repeated patterns, event codes that are not CAMEO 1.1b3 codes.

use crate::{cameo_codes, Kind};
use std::collections::{BTreeSet, HashMap};
use std::fmt;

/// Common lower-case English words that must not be one-word actor names: coders match words
/// case-insensitively, so `WHO_` would code the pronoun "who" as the World Health Organization.
/// (`US` is kept on purpose and documented; a coder should match it only in capitals.)
pub const COMMON_WORDS: &[&str] = &[
    "ALL", "AM", "AMNESTY", "AN", "AND", "ANY", "ARE", "AS", "AT", "BAN", "BE", "BEEN", "BUT",
    "BY", "CAN", "CARE", "DID", "DO", "DOES", "FACT", "FOR", "FROM", "FRY", "GO", "HAD", "HAS",
    "HAVE", "HE", "HER", "HERE", "HIM", "HIS", "HOW", "HUNT", "ICE", "IF", "IN", "IS", "IT", "ITS",
    "JUST", "LABOUR", "LIKE", "MAKE", "MALE", "MANY", "MAY", "ME", "MILLS", "MORE", "MOST", "MUCH",
    "MUST", "MY", "NEW", "NO", "NOT", "NOW", "OF", "OLD", "ON", "ONE", "ONLY", "OR", "OUR", "OUT",
    "OVER", "PAD", "PART", "PLAN", "SAID", "SAME", "SHAPE", "SHE", "SHELL", "SO", "SOME", "STORE",
    "STRAW", "STRUCK", "SUCH", "TAKE", "THAN", "THAT", "THE", "THEM", "THEN", "THEY", "THIS",
    "TIP", "TO", "TOTAL", "TWO", "UP", "VERY", "WAS", "WAY", "WE", "WELL", "WERE", "WHAT", "WHEN",
    "WHO", "WHY", "WILL", "WITH", "WOULD", "YES", "YET", "YOU", "YOUR",
];

/// Lines longer than this are reported and skipped (bounded work on hostile input).
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// One problem found, located by file and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Entry counts per category (the minimums of issue 5 are asserted on these).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Distinct bare 3-letter country codes given as an actor's undated code outside the group
    /// and leader files: the countries and territories the lexicon names.
    pub countries: BTreeSet<String>,
    /// Actor entries coded IGO… or NGO… (international organisations and NGOs).
    pub international: usize,
    /// Actor entries of non-state groups, parties and movements (from `groups` files).
    pub groups: usize,
    /// Actor entries with at least one date-restricted code (office holders, from `leaders` files).
    pub office_holders: usize,
    /// Every actor entry (primary phrases).
    pub actor_entries: usize,
    /// Every actor name (primary phrases and synonyms).
    pub actor_names: usize,
    /// Agent lines.
    pub agents: usize,
    /// Verb lines (verbs and their synonyms) in verb files.
    pub verbs: usize,
    /// Pattern lines in verb files.
    pub verb_patterns: usize,
    /// Trigger lines and patterns in noun files.
    pub nouns: usize,
    /// Discard phrases.
    pub discards: usize,
    /// Distinct CAMEO event codes used by verbs and nouns (defaults and patterns).
    pub event_codes: BTreeSet<String>,
}

impl Stats {
    /// Verb entries as issue 5 counts them: verb lines, patterns and nominal triggers.
    pub fn verb_entries(&self) -> usize {
        self.verbs + self.verb_patterns + self.nouns
    }

    /// CAMEO 3-digit base codes no verb or noun entry produces.
    pub fn missing_base_codes(&self) -> Vec<&'static str> {
        cameo_codes::base_codes().filter(|c| !self.event_codes.contains(*c)).collect()
    }
}

/// The lint's result: the counts and every diagnostic.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub stats: Stats,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty()
    }
}

/// Lints `files` given as (name, kind, text); duplicate keys are checked across all files of
/// one kind (and verbs with nouns).
pub fn lint(files: &[(&str, Kind, &str)]) -> Report {
    let mut l = Linter::default();
    for (name, kind, text) in files {
        match kind {
            Kind::Actors => l.actors(name, text),
            Kind::Agents => l.agents(name, text),
            Kind::Verbs | Kind::Nouns => l.verbs(name, text, *kind),
            Kind::Discards => l.discards(name, text),
        }
    }
    Report { stats: l.stats, diagnostics: l.diags }
}

/// Where a key was first defined and what it meant there.
struct Seen {
    file: String,
    line: usize,
    value: String,
}

#[derive(Default)]
struct Linter {
    stats: Stats,
    diags: Vec<Diagnostic>,
    actor_keys: HashMap<String, Seen>,
    agent_keys: HashMap<String, Seen>,
    verb_forms: HashMap<String, Seen>,
}

impl Linter {
    fn diag(&mut self, file: &str, line: usize, message: impl Into<String>) {
        self.diags.push(Diagnostic { file: file.to_string(), line, message: message.into() });
    }

    /// Non-blank, non-comment lines with their number; over-long lines are reported.
    fn lines<'t>(&mut self, file: &str, text: &'t str) -> Vec<(usize, &'t str)> {
        let mut out = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            if raw.len() > MAX_LINE_BYTES {
                self.diag(file, i + 1, format!("line longer than {MAX_LINE_BYTES} bytes skipped"));
                continue;
            }
            let body = strip_comment(raw).trim_end();
            if !body.trim().is_empty() {
                out.push((i + 1, body));
            }
        }
        out
    }

    /// Records `key` → `value`; reports a conflicting earlier definition.
    fn define(
        &mut self,
        table: Table,
        key: &str,
        value: &str,
        file: &str,
        line: usize,
        what: &str,
    ) {
        let map = match table {
            Table::Actors => &mut self.actor_keys,
            Table::Agents => &mut self.agent_keys,
            Table::VerbForms => &mut self.verb_forms,
        };
        match map.get(key) {
            Some(prev) if prev.value != value => {
                let msg = format!(
                    "{what} `{key}` already defined at {}:{} with {} (here: {value})",
                    prev.file, prev.line, prev.value
                );
                self.diag(file, line, msg);
            }
            Some(_) => {}
            None => {
                map.insert(
                    key.to_string(),
                    Seen { file: file.to_string(), line, value: value.to_string() },
                );
            }
        }
    }

    fn actors(&mut self, file: &str, text: &str) {
        let is_groups = file.contains("groups");
        let is_leaders = file.contains("leaders");
        // The entry being read: its names (with lines) and its codes.
        let mut names: Vec<(String, usize)> = Vec::new();
        let mut codes: Vec<Code> = Vec::new();
        let mut start = 0usize;
        let lines = self.lines(file, text);
        for (no, line) in lines {
            let t = line.trim();
            if line.starts_with([' ', '\t']) {
                if !t.starts_with('[') {
                    self.diag(file, no, format!("indented line is not a code block: `{t}`"));
                    continue;
                }
                if names.is_empty() {
                    self.diag(file, no, "code line before any actor");
                    continue;
                }
                if let Some(c) = self.code_block(file, no, t) {
                    codes.push(c);
                }
                continue;
            }
            if let Some(syn) = t.strip_prefix('+') {
                if names.is_empty() {
                    self.diag(file, no, "synonym before any actor");
                    continue;
                }
                if let Some(p) = self.phrase(file, no, syn) {
                    names.push((p, no));
                }
                continue;
            }
            self.finish_actor(file, start, &mut names, &mut codes, is_groups, is_leaders);
            start = no;
            if t.contains('[') {
                // A phrase with its code on the same line (allowed by the format).
                let (phrase, rest) = t.split_at(t.find('[').unwrap_or(t.len()));
                if let Some(p) = self.phrase(file, no, phrase.trim()) {
                    names.push((p, no));
                    if let Some(c) = self.code_block(file, no, rest.trim()) {
                        codes.push(c);
                    }
                }
                continue;
            }
            if let Some(p) = self.phrase(file, no, t) {
                names.push((p, no));
            }
        }
        self.finish_actor(file, start, &mut names, &mut codes, is_groups, is_leaders);
    }

    fn finish_actor(
        &mut self,
        file: &str,
        start: usize,
        names: &mut Vec<(String, usize)>,
        codes: &mut Vec<Code>,
        is_groups: bool,
        is_leaders: bool,
    ) {
        if names.is_empty() {
            codes.clear();
            return;
        }
        if codes.is_empty() {
            let msg = format!("actor `{}` has no code", names[0].0);
            self.diag(file, start, msg);
        } else {
            let value = codes.iter().map(Code::to_string).collect::<Vec<_>>().join(" ");
            for (n, line) in names.iter() {
                self.define(Table::Actors, n, &value, file, *line, "actor phrase");
            }
            let s = &mut self.stats;
            s.actor_entries += 1;
            s.actor_names += names.len();
            let undated: Vec<&Code> = codes.iter().filter(|c| c.period.is_none()).collect();
            if !is_groups && !is_leaders {
                for c in undated.iter().filter(|c| c.code.len() == 3) {
                    s.countries.insert(c.code.clone());
                }
            }
            if codes.iter().any(|c| c.code.starts_with("IGO") || c.code.starts_with("NGO"))
                && !is_leaders
                && !is_groups
            {
                s.international += 1;
            }
            if is_groups {
                s.groups += 1;
            }
            if is_leaders && codes.iter().any(|c| c.period.is_some()) {
                s.office_holders += 1;
            }
        }
        names.clear();
        codes.clear();
    }

    /// Checks a phrase (`WORD_WORD_`) and returns it normalised for duplicate checks.
    fn phrase(&mut self, file: &str, no: usize, p: &str) -> Option<String> {
        let p = p.trim();
        if p.is_empty() {
            self.diag(file, no, "empty phrase");
            return None;
        }
        if p.contains(char::is_whitespace) {
            self.diag(file, no, format!("phrase `{p}` contains a space (join words with `_`)"));
            return None;
        }
        if !p.ends_with('_') {
            self.diag(file, no, format!("phrase `{p}` does not end with `_`"));
        }
        let bare = p.trim_end_matches('_');
        if COMMON_WORDS.contains(&bare) {
            self.diag(
                file,
                no,
                format!("`{p}` is a common English word; coders match case-insensitively"),
            );
        }
        if p.chars().any(|c| c.is_lowercase()) {
            self.diag(file, no, format!("phrase `{p}` is not upper case"));
        }
        if p.contains(['[', ']', '{', '}']) {
            self.diag(file, no, format!("phrase `{p}` contains a bracket"));
            return None;
        }
        Some(p.trim_end_matches('_').to_string())
    }

    /// Parses `[CODE]`, `[CODE D1-D2]`, `[CODE >D]`, `[CODE <D]`.
    fn code_block(&mut self, file: &str, no: usize, t: &str) -> Option<Code> {
        let Some(inner) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) else {
            self.diag(file, no, format!("malformed code block `{t}`"));
            return None;
        };
        let mut parts = inner.split_whitespace();
        let code = parts.next().unwrap_or("");
        let restr: String = parts.collect::<Vec<_>>().join("");
        if !is_actor_code(code) {
            self.diag(file, no, format!("`{code}` is not an actor code (3-letter blocks, A-Z)"));
            return None;
        }
        if restr.is_empty() {
            return Some(Code { code: code.to_string(), period: None });
        }
        let period = if let Some(d) = restr.strip_prefix('<') {
            parse_date(d).map(|d| (None, Some(d)))
        } else if let Some(d) = restr.strip_prefix('>') {
            parse_date(d).map(|d| (Some(d), None))
        } else if let Some((a, b)) = restr.split_once('-') {
            match (parse_date(a), parse_date(b)) {
                (Ok(a), Ok(b)) if a > b => Err(format!("period {a}-{b} ends before it starts")),
                (Ok(a), Ok(b)) => Ok((Some(a), Some(b))),
                (Err(e), _) | (_, Err(e)) => Err(e),
            }
        } else {
            Err(format!("unreadable date restriction `{restr}`"))
        };
        match period {
            Ok(p) => Some(Code { code: code.to_string(), period: Some(p) }),
            Err(e) => {
                self.diag(file, no, format!("code block `{t}`: {e}"));
                None
            }
        }
    }

    fn agents(&mut self, file: &str, text: &str) {
        let lines = self.lines(file, text);
        for (no, line) in lines {
            let t = line.trim();
            if t.starts_with('!') {
                continue; // macro set definitions `!NAME! = A, B`
            }
            let Some(open) = t.find('[') else {
                self.diag(file, no, format!("agent line without [CODE]: `{t}`"));
                continue;
            };
            let Some(close) = t[open..].find(']').map(|c| c + open) else {
                self.diag(file, no, "unclosed `[` in agent line");
                continue;
            };
            let code = t[open + 1..close].trim();
            let bare = code.trim_matches('~');
            if code.matches('~').count() != 1 || !is_actor_code(bare) {
                self.diag(file, no, format!("agent code `[{code}]` is not `[~XXX]` or `[XXX~]`"));
                continue;
            }
            let head = t[..open].trim();
            let (phrase, plurals) = match (head.find('{'), head.find('}')) {
                (Some(a), Some(z)) if z > a => (head[..a].trim(), &head[a + 1..z]),
                (None, None) => (head, ""),
                _ => {
                    self.diag(file, no, "unbalanced `{}` in agent line");
                    continue;
                }
            };
            if phrase.is_empty() || phrase.contains(char::is_whitespace) {
                self.diag(file, no, format!("agent phrase `{phrase}` is empty or has a space"));
                continue;
            }
            self.define(Table::Agents, phrase, code, file, no, "agent");
            for p in plurals.split_whitespace() {
                self.define(Table::Agents, p, code, file, no, "agent plural");
            }
            self.stats.agents += 1;
        }
    }

    fn verbs(&mut self, file: &str, text: &str, kind: Kind) {
        let mut block: Option<(String, String)> = None; // (name, default code)
        let mut patterns: HashMap<String, usize> = HashMap::new();
        let lines = self.lines(file, text);
        for (no, line) in lines {
            let t = line.trim();
            if t.starts_with("---") {
                patterns.clear();
                let inner = t.trim_matches('-').trim();
                let parsed = split_code(inner);
                block = match parsed {
                    Some((name, code)) if !name.is_empty() => {
                        self.event_code(file, no, &code);
                        Some((name.to_string(), code))
                    }
                    _ => {
                        self.diag(file, no, format!("block header without name or [CODE]: `{t}`"));
                        None
                    }
                };
                continue;
            }
            if t.starts_with('&') {
                block = None; // a synset definition: its `+` members follow
                continue;
            }
            let Some((bname, _)) = block.clone() else {
                if !t.starts_with('+') {
                    self.diag(file, no, format!("text outside any block: `{t}`"));
                }
                continue;
            };
            if let Some(p) = t.strip_prefix('-') {
                let Some((body, code)) = split_code(p.trim()) else {
                    self.diag(file, no, format!("pattern without [CODE]: `{t}`"));
                    continue;
                };
                if !body.split_whitespace().any(|w| w == "*") {
                    self.diag(file, no, format!("pattern without the verb marker `*`: `{t}`"));
                    continue;
                }
                if !self.event_code(file, no, &code) {
                    continue;
                }
                if let Some(prev) = patterns.insert(body.to_string(), no) {
                    self.diag(file, no, format!("pattern `{body}` repeats line {prev}"));
                    continue;
                }
                match kind {
                    Kind::Nouns => self.stats.nouns += 1,
                    _ => self.stats.verb_patterns += 1,
                }
                continue;
            }
            // A verb line: `VERB {FORMS}` optionally with its own `[CODE]`.
            let (head, own) = match split_code(t) {
                Some((h, c)) => {
                    self.event_code(file, no, &c);
                    (h.to_string(), Some(c))
                }
                None => (t.to_string(), None),
            };
            let (verb, forms) = match (head.find('{'), head.find('}')) {
                (Some(a), Some(z)) if z > a => {
                    (head[..a].trim().to_string(), head[a + 1..z].to_string())
                }
                (None, None) => (head.trim().to_string(), String::new()),
                _ => {
                    self.diag(file, no, "unbalanced `{}` in verb line");
                    continue;
                }
            };
            let verb = verb.trim_start_matches('+');
            if verb.is_empty() || verb.contains(char::is_whitespace) {
                self.diag(file, no, format!("verb `{verb}` is empty or has a space"));
                continue;
            }
            let meaning =
                format!("block {bname}{}", own.map(|c| format!(" [{c}]")).unwrap_or_default());
            let table_what = if kind == Kind::Nouns { "trigger" } else { "verb form" };
            let key_kind = if kind == Kind::Nouns { "N:" } else { "V:" };
            self.define(
                Table::VerbForms,
                &format!("{key_kind}{verb}"),
                &meaning,
                file,
                no,
                table_what,
            );
            for f in forms.split_whitespace() {
                let f = f.trim_start_matches('+');
                self.define(
                    Table::VerbForms,
                    &format!("{key_kind}{f}"),
                    &meaning,
                    file,
                    no,
                    table_what,
                );
            }
            match kind {
                Kind::Nouns => self.stats.nouns += 1,
                _ => self.stats.verbs += 1,
            }
        }
    }

    /// Checks an event code (`---`, `###`, `+++`, a CAMEO code or an `A:B` pair); false when bad.
    fn event_code(&mut self, file: &str, no: usize, code: &str) -> bool {
        if code == "---" || code == "###" || code == "+++" {
            return true;
        }
        let mut ok = true;
        // `A:B` codes two events (source→target and back, or active:passive).
        for c in code.split(':').filter(|c| !c.is_empty()) {
            if cameo_codes::is_valid(c) {
                self.stats.event_codes.insert(c.to_string());
            } else {
                self.diag(file, no, format!("`{c}` is not a CAMEO 1.1b3 event code"));
                ok = false;
            }
        }
        ok
    }

    fn discards(&mut self, file: &str, text: &str) {
        let lines = self.lines(file, text);
        for (no, line) in lines {
            let t = line.trim().trim_start_matches('+');
            if t.is_empty() || t.contains(char::is_whitespace) || t.contains(['[', ']']) {
                self.diag(
                    file,
                    no,
                    format!("discard line `{}` is not one `_`-joined phrase", line.trim()),
                );
                continue;
            }
            self.stats.discards += 1;
        }
    }
}

#[derive(Clone, Copy)]
enum Table {
    Actors,
    Agents,
    VerbForms,
}

/// A parsed actor code with its optional inclusive period.
#[derive(Debug, Clone)]
struct Code {
    code: String,
    period: Option<(Option<u32>, Option<u32>)>,
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.period {
            None => write!(f, "[{}]", self.code),
            Some((a, b)) => write!(
                f,
                "[{} {}-{}]",
                self.code,
                a.map(|d| d.to_string()).unwrap_or_default(),
                b.map(|d| d.to_string()).unwrap_or_default()
            ),
        }
    }
}

/// `XXX`, `XXXYYY`, … up to 5 blocks (TABARI's 15-character cap); `---` is the null actor.
fn is_actor_code(code: &str) -> bool {
    code == "---"
        || (!code.is_empty()
            && code.len().is_multiple_of(3)
            && code.len() <= 15
            && code.bytes().all(|b| b.is_ascii_uppercase() || b == b'-'))
}

/// Splits `TEXT [CODE]` into (`TEXT`, `CODE`); `None` without a well-formed final block.
fn split_code(s: &str) -> Option<(&str, String)> {
    let s = s.trim();
    let open = s.rfind('[')?;
    let close = s[open..].find(']')? + open;
    if !s[close + 1..].trim().is_empty() {
        return None;
    }
    Some((s[..open].trim(), s[open + 1..close].trim().to_string()))
}

/// Removes a `#` comment outside `[…]` (codes such as `[###]` contain `#`).
fn strip_comment(s: &str) -> &str {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '#' if depth <= 0 => return &s[..i],
            _ => {}
        }
    }
    s
}

/// `YYYYMMDD` or `YYMMDD` (two-digit years below 30 are 20xx) to `YYYYMMDD`, checking the
/// calendar.
pub fn parse_date(s: &str) -> Result<u32, String> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("date `{s}` is not all digits"));
    }
    let n: u32 = s.parse().map_err(|_| format!("date `{s}` is too long"))?;
    let (year, month, day) = match s.len() {
        8 => (n / 10_000, n / 100 % 100, n % 100),
        6 => {
            let yy = n / 10_000;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, n / 100 % 100, n % 100)
        }
        k => return Err(format!("date `{s}` has {k} digits; expected YYYYMMDD or YYMMDD")),
    };
    if !(1..=12).contains(&month) {
        return Err(format!("date `{s}` has month {month}"));
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 31,
    };
    if !(1..=days).contains(&day) {
        return Err(format!("date `{s}` has day {day} in month {month}"));
    }
    Ok(year * 10_000 + month * 100 + day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(kind: Kind, text: &str) -> Report {
        lint(&[("t.txt", kind, text)])
    }

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert_eq!(parse_date("20090120"), Ok(20090120));
        assert_eq!(parse_date("090120"), Ok(20090120));
        assert_eq!(parse_date("780101"), Ok(19780101));
        assert!(parse_date("20050931").is_err());
        assert!(parse_date("20090229").is_err());
        assert_eq!(parse_date("20080229"), Ok(20080229));
        assert!(parse_date("2009012").is_err());
        assert!(parse_date("2009O120").is_err());
    }

    #[test]
    fn a_bad_actor_entry_is_reported_and_the_rest_loads() {
        let text = "A_\n\t[USAGOV 20090120-20080101]\n\t[USAELI]\nB_\n\t[IRQGOV 20051331-20060101]\nC_\n+C2_\n\t[IRQ]\nD_\n";
        let r = run(Kind::Actors, text);
        let msgs: Vec<String> = r.diagnostics.iter().map(|d| d.to_string()).collect();
        assert!(
            msgs[0].starts_with("t.txt:2: ") && msgs[0].contains("ends before it starts"),
            "{msgs:?}"
        );
        assert!(msgs[1].starts_with("t.txt:5: ") && msgs[1].contains("month 13"), "{msgs:?}");
        // B's only code was bad, so B has none; D never had one.
        assert!(
            msgs[2].starts_with("t.txt:4: ") && msgs[2].contains("actor `B` has no code"),
            "{msgs:?}"
        );
        assert!(
            msgs[3].starts_with("t.txt:9: ") && msgs[3].contains("actor `D` has no code"),
            "{msgs:?}"
        );
        assert_eq!(msgs.len(), 4);
        assert_eq!(r.stats.actor_entries, 2);
        assert_eq!(r.stats.actor_names, 3);
        assert_eq!(r.stats.countries.len(), 1);
    }

    #[test]
    fn conflicting_duplicates_name_both_places() {
        let files = [
            ("a.actors.txt", Kind::Actors, "HAMAS_\n\t[PSEREBHMS]\n"),
            ("b.actors.txt", Kind::Actors, "X_\n+HAMAS_\n\t[PSEGOV]\nY_\n+HAMAS_\n\t[PSEREBHMS]\n"),
        ];
        let r = lint(&files);
        assert_eq!(r.diagnostics.len(), 1, "{:?}", r.diagnostics);
        let d = r.diagnostics[0].to_string();
        assert!(
            d.starts_with("b.actors.txt:2: actor phrase `HAMAS` already defined at a.actors.txt:1"),
            "{d}"
        );
    }

    #[test]
    fn malformed_lines_of_every_kind() {
        let r = run(
            Kind::Actors,
            "lower_\n\t[IRQ]\nNO_UNDERSCORE\n\t[IRQ]\n\tjunk\n\t[irq]\nWHO_\n\t[IGOUNO]\n",
        );
        let m: Vec<String> = r.diagnostics.iter().map(|d| d.to_string()).collect();
        assert!(
            m.iter().any(|d| d.starts_with("t.txt:1:") && d.contains("not upper case")),
            "{m:?}"
        );
        assert!(
            m.iter().any(|d| d.starts_with("t.txt:3:") && d.contains("does not end with")),
            "{m:?}"
        );
        assert!(
            m.iter().any(|d| d.starts_with("t.txt:5:") && d.contains("not a code block")),
            "{m:?}"
        );
        assert!(
            m.iter().any(|d| d.starts_with("t.txt:6:") && d.contains("not an actor code")),
            "{m:?}"
        );

        let r = run(Kind::Agents, "POLICE [~COP]\nTROOP {TROOPS [~MIL]\nSPY {SPIES} [COP]\n");
        let m: Vec<String> = r.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(r.stats.agents, 1);
        assert!(m[0].starts_with("t.txt:2:") && m[1].starts_with("t.txt:3:"), "{m:?}");

        let text = "--- ATTACK [190] ---\nATTACK {ATTACKS ATTACKED}\n- * WITH DRONES [1952]\n- * WITH DRONES [195]\n- WITH TANKS [194]\n- * FOO [999]\nstray {\n--- BROKEN ---\n";
        let r = run(Kind::Verbs, text);
        let m: Vec<String> = r.diagnostics.iter().map(|d| d.to_string()).collect();
        assert!(
            m.iter().any(|d| d.starts_with("t.txt:4:") && d.contains("repeats line 3")),
            "{m:?}"
        );
        assert!(m.iter().any(|d| d.starts_with("t.txt:5:") && d.contains("verb marker")), "{m:?}");
        assert!(
            m.iter().any(|d| d.starts_with("t.txt:6:") && d.contains("`999` is not a CAMEO")),
            "{m:?}"
        );
        assert!(m.iter().any(|d| d.starts_with("t.txt:7:") && d.contains("unbalanced")), "{m:?}");
        assert!(m.iter().any(|d| d.starts_with("t.txt:8:") && d.contains("header")), "{m:?}");
        assert_eq!(r.stats.verbs, 1);
        assert_eq!(r.stats.verb_patterns, 1);
    }

    #[test]
    fn a_verb_form_in_two_blocks_is_a_conflict() {
        let text = "--- A [010] ---\nSAY {SAID}\n--- B [111] ---\n+SAID\n";
        let r = run(Kind::Verbs, text);
        assert_eq!(r.diagnostics.len(), 1, "{:?}", r.diagnostics);
        assert!(r.diagnostics[0]
            .to_string()
            .starts_with("t.txt:4: verb form `V:SAID` already defined at t.txt:2"));
    }

    #[test]
    fn over_long_lines_are_skipped_with_a_diagnostic() {
        let text = format!("A_\n\t[IRQ]\n{}\nB_\n\t[IRN]\n", "X".repeat(MAX_LINE_BYTES + 1));
        let r = run(Kind::Actors, &text);
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!(r.diagnostics[0].line, 3);
        assert_eq!(r.stats.actor_entries, 2);
    }
}
