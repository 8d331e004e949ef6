//! The map from body-text offsets back to the page's raw bytes: each body word is found in the
//! page's visible text (in order, with a bounded look-ahead), and a map point is written
//! wherever the body stops running byte for byte with the page.

use crate::charset::OffsetMap;
use crate::scan::Scan;
use model::{HtmlOffset, Span};

/// How far ahead (in page words) a body word is looked for before it is given up as changed.
const LOOKAHEAD: usize = 12;
/// Words of a paragraph tried as its anchor before the paragraph is left unmapped.
const ANCHOR_TRIES: usize = 4;

fn words(s: &str) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st as u32, i as u32));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st as u32, s.len() as u32));
    }
    out
}

/// Builds `Article.html_map` for `text` (split into `paragraphs`).
pub fn html_map(
    text: &str,
    paragraphs: &[Span],
    scan: &Scan,
    offsets: &OffsetMap,
) -> Vec<HtmlOffset> {
    let vis = &scan.vis;
    let vw = words(vis);
    let vword = |k: usize| &vis[vw[k].0 as usize..vw[k].1 as usize];
    let mut map: Vec<HtmlOffset> = Vec::new();
    let mut cursor = 0usize;
    for p in paragraphs {
        let ptext = &text[p.range()];
        let pw = words(ptext);
        if pw.is_empty() {
            continue;
        }
        let pword = |k: usize| &ptext[pw[k].0 as usize..pw[k].1 as usize];
        // Anchor: the first place (from the cursor, else from the top) where a run of up to
        // three paragraph words appears in the page.
        let run_matches = |at: usize, k: usize| {
            (0..3.min(pw.len() - k)).all(|x| at + x < vw.len() && vword(at + x) == pword(k + x))
        };
        let mut anchor = None;
        'tries: for k in 0..pw.len().min(ANCHOR_TRIES) {
            for range in [cursor..vw.len(), 0..cursor] {
                if let Some(at) =
                    range.clone().find(|&at| vword(at) == pword(k) && run_matches(at, k))
                {
                    anchor = Some((k, at));
                    break 'tries;
                }
            }
        }
        let Some((mut k, mut j)) = anchor else { continue };
        while k < pw.len() {
            let w = pword(k);
            let found = (j..(j + LOOKAHEAD).min(vw.len())).find(|&x| vword(x) == w);
            if let Some(x) = found {
                let t = p.start + pw[k].0;
                let html = offsets.raw(scan.decoded_offset(vw[x].0 as usize)) as u32;
                let predicted =
                    map.last().map(|l: &HtmlOffset| l.html as i64 + (t as i64 - l.text as i64));
                if predicted != Some(html as i64) {
                    map.push(HtmlOffset { text: t, html });
                }
                j = x + 1;
            }
            k += 1;
        }
        cursor = j;
    }
    map
}
