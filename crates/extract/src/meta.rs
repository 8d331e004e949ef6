//! Page metadata we decide ourselves: publication date (in a fixed order of sources), title
//! without the site-name suffix, outlet, byline and canonical URL.

use crate::dates::{self, DayOrder, PartialDate};
use crate::scan::{collapse, Scan};
use model::{DateSource, Published};
use serde_json::Value;

/// What the page's JSON-LD says about the article.
#[derive(Debug, Default)]
pub struct JsonLd {
    pub headline: Option<String>,
    pub date_published: Option<String>,
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "blogposting",
    "reportagenews",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "scholarlyarticle",
    "liveblogposting",
    "techarticle",
    "socialmediaposting",
    "posting",
    "report",
];

pub fn json_ld(scripts: &[String]) -> JsonLd {
    let mut out = JsonLd::default();
    let mut fallback = JsonLd::default();
    for s in scripts {
        let s = s.trim();
        let s = s.trim_start_matches("<![CDATA[").trim_end_matches("]]>");
        let s = s.trim_start_matches("//").trim();
        let Ok(v) = serde_json::from_str::<Value>(s) else { continue };
        walk(&v, &mut out, &mut fallback, 0);
    }
    // Article-typed objects first; other objects (WebPage, …) fill the gaps.
    out.headline = out.headline.or(fallback.headline);
    out.date_published = out.date_published.or(fallback.date_published);
    if out.authors.is_empty() {
        out.authors = fallback.authors;
    }
    out.publisher = out.publisher.or(fallback.publisher);
    out.url = out.url.or(fallback.url);
    out
}

fn types(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => {
            a.iter().filter_map(|t| t.as_str()).map(str::to_ascii_lowercase).collect()
        }
        _ => vec![],
    }
}

fn walk(v: &Value, out: &mut JsonLd, fallback: &mut JsonLd, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| walk(x, out, fallback, depth + 1)),
        Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                walk(g, out, fallback, depth + 1);
            }
            let ty = types(v);
            let is_article = ty.iter().any(|t| ARTICLE_TYPES.contains(&t.as_str()));
            let target = if is_article { &mut *out } else { &mut *fallback };
            if target.headline.is_none() && (is_article || ty.iter().any(|t| t == "webpage")) {
                target.headline = o.get("headline").and_then(Value::as_str).map(clean);
            }
            if target.date_published.is_none() && (is_article || ty.iter().any(|t| t == "webpage"))
            {
                target.date_published = o
                    .get("datePublished")
                    .or_else(|| o.get("dateCreated"))
                    .and_then(Value::as_str)
                    .map(str::to_string);
            }
            if target.authors.is_empty() && is_article {
                if let Some(a) = o.get("author").or_else(|| o.get("creator")) {
                    target.authors = names(a);
                }
            }
            if target.publisher.is_none()
                && (is_article || ty.iter().any(|t| t == "webpage" || t == "website"))
            {
                let p = if is_article {
                    o.get("publisher").or_else(|| o.get("sourceOrganization"))
                } else {
                    o.get("publisher")
                };
                target.publisher = p.and_then(|p| names(p).into_iter().next());
                if target.publisher.is_none() && ty.iter().any(|t| t == "website") {
                    target.publisher = o.get("name").and_then(Value::as_str).map(clean);
                }
            }
            if target.url.is_none() && is_article {
                target.url = o
                    .get("mainEntityOfPage")
                    .and_then(|m| m.as_str().or_else(|| m.get("@id").and_then(Value::as_str)))
                    .or_else(|| o.get("url").and_then(Value::as_str))
                    .map(str::to_string);
            }
            if is_article {
                for key in ["mainEntity", "itemListElement"] {
                    if let Some(x) = o.get(key) {
                        walk(x, out, fallback, depth + 1);
                    }
                }
            }
        }
        _ => {}
    }
}

fn names(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![clean(s)],
        Value::Array(a) => a.iter().flat_map(names).collect(),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(clean).into_iter().collect(),
        _ => vec![],
    }
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect()
}

fn clean(s: &str) -> String {
    collapse(&crate::scan::decode_entities(s))
}

/// The first meta tag among `keys` (in that order) with a non-empty value.
pub fn meta<'a>(scan: &'a Scan, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .find_map(|k| scan.metas.iter().find(|m| m.key == *k && !m.content.is_empty()))
        .map(|m| m.content.as_str())
}

const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "date_published",
    "published_time",
    "publication_date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "date",
    "citation_publication_date",
    "citation_date",
    "og:published_time",
    "article_date_original",
    "cxenseparse:recs:publishtime",
    "originalpublicationdate",
    "article.created",
    "created",
    "datecreated",
    "last-modified-date-dont-use",
];

/// The latest date a publication can have: the fetch time, else today.
pub fn max_date(fetched: Option<&str>) -> (i32, u32, u32) {
    if let Some(d) = fetched.and_then(dates::parse_machine) {
        if let (Some(m), Some(day)) = (d.month, d.day) {
            return (d.year, m, day);
        }
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    use chrono::Datelike;
    let today =
        chrono::DateTime::from_timestamp(secs, 0).map(|d| d.date_naive()).unwrap_or_default();
    (today.year(), today.month(), today.day())
}

/// The publication date, from the most trusted source that gives a plausible one:
/// JSON-LD → meta tags → `<time>` → URL → page text.
pub fn published(
    scan: &Scan,
    ld: &JsonLd,
    url: Option<&str>,
    body_start: Option<usize>,
    order: DayOrder,
    max: (i32, u32, u32),
) -> Option<Published> {
    let ok = |d: &PartialDate| d.plausible(max);
    // A day in the URL is fixed when the story is first published; structured dates that
    // disagree with it are usually modification times or UTC-shifted, so the URL wins then.
    let url_day = url.and_then(dates::from_url).filter(ok).filter(|d| d.day.is_some());
    let check = |d: PartialDate, source: DateSource| -> Published {
        match &url_day {
            Some(u) if (u.year, u.month, u.day) != (d.year, d.month, d.day) => {
                u.published(DateSource::Url)
            }
            _ => d.published(source),
        }
    };
    if let Some(d) = ld.date_published.as_deref().and_then(dates::parse_machine).filter(ok) {
        return Some(check(d, DateSource::JsonLd));
    }
    if let Some(d) = PUBLISHED_META
        .iter()
        .filter_map(|k| scan.metas.iter().find(|m| m.key == *k))
        .find_map(|m| dates::parse_machine(&m.content).filter(ok))
    {
        return Some(check(d, DateSource::MetaTag));
    }
    // <time>: a marked publication time first, then the first unmarked one that is not a
    // modification time.
    let time_date = |t: &crate::scan::TimeTag| {
        t.datetime
            .as_deref()
            .and_then(dates::parse_machine)
            .or_else(|| dates::find_in_text(&t.text, order).map(|x| x.0))
            .filter(ok)
    };
    let marked = scan.times.iter().filter(|t| t.marked_published).find_map(time_date);
    let any = || scan.times.iter().filter(|t| !t.marked_modified).find_map(time_date);
    if let Some(d) = marked.or_else(any) {
        return Some(check(d, DateSource::TimeElement));
    }
    // Structured data outside JSON-LD: publication keys in the page's other scripts (app state,
    // embedded CMS records), read with a pattern rather than a JSON parser.
    if let Some(d) = script_date(&scan.script_dates).filter(ok) {
        return Some(check(d, DateSource::JsonLd));
    }
    let url_date = url.and_then(dates::from_url).filter(ok);
    if let Some(d) = url_date.as_ref().filter(|d| d.day.is_some()) {
        return Some(d.published(DateSource::Url));
    }
    // Text: elements whose class names a date, then the text around the start of the body.
    let text_date = scan
        .date_texts
        .iter()
        .find_map(|t| dates::find_in_text(t, order).map(|x| x.0).filter(ok))
        .or_else(|| {
            let start = body_start.unwrap_or(0);
            let from = floor_char(&scan.vis, start.saturating_sub(1500));
            let to = floor_char(&scan.vis, (start + 3000).min(scan.vis.len()));
            dates::find_in_text(&scan.vis[from..to], order).map(|x| x.0).filter(ok)
        })
        // Last resort: the first full date anywhere in the page's text (often a footer's
        // "© 19.12.2019" or a sidebar's post date) — a date the page shows, never a made-up one.
        .or_else(|| dates::find_in_text(&scan.vis, order).map(|x| x.0).filter(ok));
    // A month from the URL beats nothing, but a full day from the text agreeing with it wins.
    match (url_date, text_date) {
        (Some(u), Some(t)) if t.year == u.year && t.month == u.month => {
            Some(t.published(DateSource::Text))
        }
        (Some(u), _) => Some(u.published(DateSource::Url)),
        (None, Some(t)) => Some(t.published(DateSource::Text)),
        (None, None) => None,
    }
}

static SCRIPT_DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r#"(?:"|&quot;)(?:datePublished|published_at|publishedAt|publishDate|publish_date|datePosted|firstPublishedAt|first_published_at|date_published|pubDate)(?:"|&quot;)\s*:\s*(?:"|&quot;)([0-9][0-9T:.+\-Z ]{7,30})"#).expect("valid regex")
});

fn script_date(scripts: &[String]) -> Option<PartialDate> {
    scripts.iter().find_map(|s| SCRIPT_DATE.captures(s).and_then(|c| dates::parse_machine(&c[1])))
}

pub fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Site name: `og:site_name`, JSON-LD publisher, other meta names, else the host.
pub fn outlet(scan: &Scan, ld: &JsonLd, url: Option<&str>) -> Option<String> {
    meta(
        scan,
        &[
            "og:site_name",
            "application-name",
            "twitter:site",
            "al:android:app_name",
            "publisher",
            "dc.publisher",
        ],
    )
    .map(|s| s.trim_start_matches('@').to_string())
    .filter(|s| !s.is_empty() && !s.starts_with("http"))
    .or_else(|| ld.publisher.clone())
    .or_else(|| url.and_then(host_outlet))
}

/// `https://www.presstv.ir/x` → `presstv.ir`.
pub fn host_outlet(url: &str) -> Option<String> {
    let u = url::Url::parse(url).ok()?;
    let host = u.host_str()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

const SEPARATORS: &[&str] =
    &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / ", " : ", " ‹ ", " › "];

fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Whether `part` of a title names the site (`site` or the host's main label).
fn names_site(part: &str, site: Option<&str>, host: Option<&str>) -> bool {
    let p = norm(part);
    if p.is_empty() {
        return false;
    }
    if let Some(s) = site.map(norm).filter(|s| !s.is_empty()) {
        if p == s
            || (p.len() >= 4 && s.contains(&p))
            || (s.len() >= 4 && p.contains(&s) && p.len() <= s.len() + 12)
        {
            return true;
        }
    }
    if let Some(h) = host {
        let labels: Vec<&str> = h.split('.').collect();
        let main = if labels.len() >= 2 { labels[labels.len() - 2] } else { labels[0] };
        let hm = norm(main);
        let hfull = norm(&labels[..labels.len().saturating_sub(1)].join(""));
        if hm.len() >= 3
            && (p == hm
                || p == hfull
                || p == norm(h)
                || (p.starts_with(&hm) && p.len() <= hm.len() + 8))
        {
            return true;
        }
    }
    false
}

/// Strips a leading or trailing site-name segment (" | Site", "Site - ") from a title.
pub fn clean_title(title: &str, site: Option<&str>, host: Option<&str>) -> String {
    let mut t = collapse(title);
    for _ in 0..2 {
        let mut changed = false;
        for sep in SEPARATORS {
            if let Some(pos) = t.rfind(sep) {
                let (head, tail) = (&t[..pos], &t[pos + sep.len()..]);
                if !head.trim().is_empty() && names_site(tail, site, host) {
                    t = head.trim().to_string();
                    changed = true;
                    break;
                }
            }
            if let Some(pos) = t.find(sep) {
                let (head, tail) = (&t[..pos], &t[pos + sep.len()..]);
                if !tail.trim().is_empty() && names_site(head, site, host) {
                    t = tail.trim().to_string();
                    changed = true;
                    break;
                }
            }
        }
        if !changed {
            break;
        }
    }
    t
}

/// The title: the page's headline (og:title, JSON-LD, `<h1>` when it agrees) with the site
/// name removed.
pub fn title(scan: &Scan, ld: &JsonLd, site: Option<&str>, host: Option<&str>) -> Option<String> {
    let og = meta(scan, &["og:title", "twitter:title", "dc.title", "headline"]).map(collapse);
    let doc_title = scan.title.as_deref().map(collapse).filter(|t| !t.is_empty());
    let h1 = scan.h1.first().map(|h| collapse(h));
    let raw = ld
        .headline
        .clone()
        .or(og)
        .or_else(|| {
            // An <h1> that the <title> contains is the headline without decoration.
            match (&doc_title, &h1) {
                (Some(t), Some(h)) if h.len() >= 10 && t.contains(h.as_str()) => Some(h.clone()),
                _ => None,
            }
        })
        .or(doc_title)
        .or(h1)?;
    let t = clean_title(&raw, site, host);
    (!t.is_empty()).then_some(t)
}

/// The author(s): JSON-LD, meta `author`, then byline elements, with "By " removed.
pub fn byline(scan: &Scan, ld: &JsonLd) -> Option<String> {
    let from_ld = (!ld.authors.is_empty()).then(|| {
        let mut a = ld.authors.clone();
        a.dedup();
        a.join(", ")
    });
    let from_meta = meta(
        scan,
        &[
            "author",
            "article:author",
            "dc.creator",
            "parsely-author",
            "sailthru.author",
            "byl",
            "dcterms.creator",
        ],
    )
    .filter(|a| !a.starts_with("http"))
    .map(str::to_string);
    let from_el =
        scan.byline_texts.iter().map(|t| collapse(t)).find(|t| !t.is_empty() && t.len() < 120);
    let raw = from_ld.or(from_meta).or(from_el)?;
    let t = strip_by(&raw);
    (!t.is_empty() && t.len() < 200).then_some(t)
}

fn strip_by(s: &str) -> String {
    let t = s.trim();
    for p in ["By ", "by ", "BY ", "Von ", "von ", "Par ", "par ", "Por ", "por ", "Di ", "Door "] {
        if let Some(r) = t.strip_prefix(p) {
            return r.trim().to_string();
        }
    }
    t.to_string()
}

/// Canonical URL: `<link rel=canonical>`, `og:url`, JSON-LD, resolved against the page URL.
pub fn canonical(scan: &Scan, ld: &JsonLd, base: Option<&str>) -> Option<String> {
    let raw = scan
        .canonical
        .clone()
        .or_else(|| meta(scan, &["og:url"]).map(str::to_string))
        .or_else(|| ld.url.clone())?;
    let resolved = match base.and_then(|b| url::Url::parse(b).ok()) {
        Some(b) => b.join(raw.trim()).ok()?,
        None => url::Url::parse(raw.trim()).ok()?,
    };
    matches!(resolved.scheme(), "http" | "https").then(|| resolved.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffixes_and_prefixes_are_stripped() {
        let c = |t: &str, s: Option<&str>, h: Option<&str>| clean_title(t, s, h);
        assert_eq!(c("MKO plot fails | PressTV", Some("PressTV"), None), "MKO plot fails");
        assert_eq!(c("MKO plot fails - Press TV", Some("PressTV"), None), "MKO plot fails");
        assert_eq!(c("BBC News - Iraq vote delayed", Some("BBC News"), None), "Iraq vote delayed");
        assert_eq!(
            c("Iraq vote delayed | World news | The Guardian", Some("the Guardian"), None),
            "Iraq vote delayed | World news"
        );
        assert_eq!(c("Troops leave - nytimes.com", None, Some("www.nytimes.com")), "Troops leave");
        assert_eq!(c("Troops leave - Reuters", None, Some("reuters.com")), "Troops leave");
        assert_eq!(
            c("Left - Right: a debate", None, Some("example.org")),
            "Left - Right: a debate",
            "no site named, nothing removed"
        );
    }

    #[test]
    fn json_ld_graph_and_types() {
        let s = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Example News"},
            {"@type":["NewsArticle"],"headline":"Big &amp; bold","datePublished":"2020-03-04T05:06:07+01:00",
             "author":[{"@type":"Person","name":"Jane Doe"},{"name":"John Roe"}],
             "publisher":{"@type":"Organization","name":"Example News"}}]}"#;
        let ld = json_ld(&[s.to_string()]);
        assert_eq!(ld.headline.as_deref(), Some("Big & bold"));
        assert_eq!(ld.date_published.as_deref(), Some("2020-03-04T05:06:07+01:00"));
        assert_eq!(ld.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(ld.publisher.as_deref(), Some("Example News"));
        assert!(json_ld(&["{not json".to_string()]).headline.is_none());
    }
}
