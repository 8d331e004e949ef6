//! The seam to the boilerplate-removal heuristics: our [`Boilerplate`] trait, implemented by
//! the `trafilatura` crate (a port of go-trafilatura) and by a streaming all-text fallback
//! used when a page is beyond the DOM limits.

use crate::scan::Scan;

/// Finds the main text of a decoded HTML page.
pub trait Boilerplate: Send + Sync + std::fmt::Debug {
    /// `name/version`, recorded in every article as provenance.
    fn name(&self) -> &'static str;
    /// The main text's paragraphs, in page order; empty when the page has no main text.
    /// Must not be called on pages beyond [`crate::Options`]' DOM limits.
    fn paragraphs(&self, html: &str, url: Option<&str>) -> Vec<String>;
    /// The same with the engine's own second opinions (readability, jusText) enabled: better
    /// on pages where the first pass kept too little or too much, and slower.
    fn paragraphs_with_fallback(&self, html: &str, url: Option<&str>) -> Vec<String> {
        self.paragraphs(html, url)
    }
    /// The first pass, redone with the second opinions when `doubtful` says so of its result.
    /// Engines that parse the page can override this to parse it once for both passes.
    fn paragraphs_unless_doubtful(
        &self,
        html: &str,
        url: Option<&str>,
        doubtful: &dyn Fn(&[String]) -> bool,
    ) -> Vec<String> {
        let first = self.paragraphs(html, url);
        if doubtful(&first) {
            self.paragraphs_with_fallback(html, url)
        } else {
            first
        }
    }
}

/// `trafilatura` 0.6 with comments excluded, tables included, fallback off (its defaults
/// measured best on ScrapingHub; see the research note).
#[derive(Debug, Default)]
pub struct Trafilatura;

impl Boilerplate for Trafilatura {
    fn name(&self) -> &'static str {
        "trafilatura-rs/0.6.0"
    }

    fn paragraphs(&self, html: &str, url: Option<&str>) -> Vec<String> {
        run(html, url, false)
    }

    fn paragraphs_with_fallback(&self, html: &str, url: Option<&str>) -> Vec<String> {
        run(html, url, true)
    }

    fn paragraphs_unless_doubtful(
        &self,
        html: &str,
        url: Option<&str>,
        doubtful: &dyn Fn(&[String]) -> bool,
    ) -> Vec<String> {
        // Parsing is a good part of a pass: the second pass starts from a copy of the tree.
        let doc = trafilatura::dom::Document::parse(html);
        let spare = doc.clone_document();
        let first = run_document(doc, url, false);
        if doubtful(&first) {
            run_document(spare, url, true)
        } else {
            first
        }
    }
}

fn run(html: &str, url: Option<&str>, fallback: bool) -> Vec<String> {
    run_document(trafilatura::dom::Document::parse(html), url, fallback)
}

fn run_document(doc: trafilatura::dom::Document, url: Option<&str>, fallback: bool) -> Vec<String> {
    let mut opts = trafilatura::Options::default();
    opts.exclude_comments = true;
    opts.html_date_mode = trafilatura::HtmlDateMode::Disabled;
    opts.enable_fallback = fallback;
    opts.original_url = url.and_then(|u| url::Url::parse(u).ok());
    // `content_text` runs paragraphs together; the cleaned `content_html` keeps the block
    // structure, so paragraphs come from there.
    match trafilatura::extract_document(doc, &opts) {
        Ok(r) => streaming(&crate::scan::scan(&r.content_html)),
        Err(_) => Vec::new(),
    }
}

fn split_lines(text: &str) -> Vec<String> {
    text.lines().map(crate::scan::collapse).filter(|l| !l.is_empty()).collect()
}

/// All visible text, block by block: the answer for pages too deep or too large for a DOM.
pub fn streaming(scan: &Scan) -> Vec<String> {
    split_lines(&scan.vis)
}
