//! News-specific clean-up of the paragraphs the boilerplate engine keeps, where measurement
//! showed it is weak: the headline repeated as the first paragraph, inline promotions
//! ("READ MORE: …", "DON'T MISS …", "Lea también: …"), picture credits, all-capitals link
//! lines between paragraphs, the blocks
//! that follow an article ("You may also like", "About the author"), and what trails its last
//! sentence: copyright lines, follow-us/subscribe calls, and short unpunctuated lines (related
//! headlines, tags, labels).

use regex::Regex;
use std::sync::LazyLock;

/// A heading after which nothing belongs to the article.
pub static TRAILER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:related\s+(?:posts?|articles?|stories|content|coverage|links|topics)|more\s+(?:from|stories|like\s+this)(?:\s.{0,40})?|you\s+(?:may|might)\s+also\s+(?:like|enjoy)|recommended(?:\s+(?:for\s+you|stories|articles))?|popular\s+(?:posts|stories|articles)|most\s+(?:read|popular|viewed|shared)|share\s+this(?:\s+(?:article|story|post))?|tags?|comments?|\d+\s+comments?|leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|about\s+the\s+author|filed\s+under|categories|weitere\s+artikel|das\s+könnte\s+sie\s+auch\s+interessieren|sur\s+le\s+même\s+sujet|artículos\s+relacionados|te\s+puede\s+interesar|articoli\s+correlati)\s*[:.…]*$").expect("valid regex")
});

/// A paragraph that is a promotion or a widget label, not article text.
static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:READ\s+MORE|Read\s+more|SEE\s+MORE|DON'?’?T\s+MISS|RELATED|Related|ALSO\s+READ|Also\s+read|Read\s+also|READ\s+ALSO|Also\s+on\s+\S+|MORE:|More:|WATCH:|LISTEN:|Continue\s+Reading\s+Below|CLICK\s+HERE|Like\s+this\s+story|Sign\s+up\s+for|Subscribe\s+to|SUBSCRIBE|Advertisement|ADVERTISEMENT|Anzeige|Publicité|Leggi\s+anche|Lesen\s+Sie\s+auch|Lire\s+aussi|À\s+lire\s+aussi|Mehr\s+zum\s+Thema|Weiterlesen|Zum\s+Thema)\b").expect("valid regex")
});

/// "See also" and "you may be interested in" lead-ins to a link, in several languages (any
/// case): inline promotions like [`PROMO`]'s.
static SEE_ALSO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:lea\s+tambi[eé]n|lee\s+tambi[eé]n|te\s+puede\s+interesar|le\s+puede\s+interesar|puede\s+interesarte|mira\s+tambi[eé]n|mira:|ver\s+tambi[eé]n|leia\s+tamb[eé]m|veja\s+tamb[eé]m|siehe\s+auch|auch\s+interessant|das\s+k[oö]nnte\s+(?:sie|dich)\s+auch\s+interessieren|das\s+thema\s+k[oö]nnte\s+(?:sie|dich)\s+auch\s+interessieren|voir\s+aussi|[àa]\s+voir\s+aussi|lisez\s+aussi|schon\s+gelesen|mehr\s+themen|weitere\s+(?:artikel|themen|aktuelle)|related:|see\s+also|also\s+see|recommended:|trending:)")
        .expect("valid regex")
});

/// A picture credit line ("Foto: …", "© Agency").
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:©|\(c\)|fotos?:|photos?:|bild(?:er)?:|titelbild:|beitragsbild:|images?:|bildquelle:|imagen:|crédito:|credits?:|fotograf[ií]a:)")
        .expect("valid regex")
});

/// A copyright or rights line.
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:©|\(c\)|copyright\b|all\s+rights\s+reserved|todos\s+los\s+derechos|alle\s+rechte)")
        .expect("valid regex")
});

/// Social networks and newsletters, and the verbs that invite to them (several languages).
static SOCIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:twitter|facebook|instagram|telegram|whatsapp|youtube|linkedin|tiktok|newsletter|rss)\b")
        .expect("valid regex")
});
static INVITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:follow|folg|s[ií]guenos|suscr[ií]b|subscri|abonn|sign\s*up|anmelden|regist|[uú]nete|join|download|descarga|mira|schau)")
        .expect("valid regex")
});

/// A byline ("By Jane Doe", "BY JANE DOE and JOHN ROE") or a bare date line ("2024-03-05",
/// "Updated March 5, 2024 10:02 GMT"): page furniture when it comes before the story.
static HEAD_FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:By|BY)\s+\p{Lu}[^.!?:;]{1,60}|(?:(?i:published|updated|posted|last\s+updated)\s*:?\s*)?(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s+)?(?:\d{1,2}\s+\p{L}{3,9}\.?,?\s+\d{4}|\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4})?(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?)$")
        .expect("valid regex")
});

/// Ends as a sentence (or a quotation, a parenthesis, a list lead-in) does.
fn ends_as_prose(p: &str) -> bool {
    p.trim_end().ends_with(['.', '!', '?', '…', ':', ';', '"', '”', '»', '“', ')', ']'])
}

fn words(p: &str) -> usize {
    p.split_whitespace().count()
}

/// Drops what trails the article's last sentence: copyright lines and follow-us/subscribe
/// calls at the very end, then a short run (at most five) of short lines that do not end as
/// prose after the last paragraph that does (related headlines, tags, labels, credits).
fn trim_trailer(paras: &mut Vec<String>) {
    while paras.len() > 2 {
        let last = paras[paras.len() - 1].trim();
        let n = words(last);
        let furniture = (COPYRIGHT.is_match(last) && n <= 60)
            || (n <= 40 && SOCIAL.is_match(last) && INVITE.is_match(last));
        if !furniture {
            break;
        }
        paras.pop();
    }
    if paras.len() < 3 {
        return;
    }
    let Some(k) = paras.iter().rposition(|p| ends_as_prose(p) && words(p) >= 8) else {
        return;
    };
    let tail = &paras[k + 1..];
    if k >= 1
        && (1..=5).contains(&tail.len())
        && tail.iter().all(|p| words(p) <= 12 && !ends_as_prose(p))
    {
        paras.truncate(k + 1);
    }
}

fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Mostly capital letters: a link line or a label, not prose.
fn shouting(p: &str) -> bool {
    let letters: Vec<char> = p.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    letters.len() >= 12 && upper * 10 >= letters.len() * 9 && p.split_whitespace().count() >= 8
}

/// Removes the boilerplate described above. `titles` are the page's headline candidates.
pub fn clean(mut paras: Vec<String>, titles: &[&str]) -> Vec<String> {
    let titles: Vec<String> = titles.iter().map(|t| norm(t)).filter(|t| t.len() >= 8).collect();
    // The headline (possibly with the site name, or cut short) as one of the first paragraphs.
    let mut k = 0;
    while k < paras.len().min(3) {
        let p = norm(&paras[k]);
        let is_title = !p.is_empty()
            && titles.iter().any(|t| {
                *t == p
                    || (p.len() >= 20 && t.starts_with(&p))
                    || (t.len() >= 20 && p.starts_with(t.as_str()) && p.len() <= t.len() + 30)
            });
        let furniture = words(&paras[k]) <= 10 && HEAD_FURNITURE.is_match(paras[k].trim());
        if (is_title || furniture) && paras.len() > 1 {
            paras.remove(k);
        } else {
            k += 1;
        }
    }
    // A trailer heading in the second half cuts the rest.
    let n = paras.len();
    if let Some(cut) = paras
        .iter()
        .enumerate()
        .skip(1)
        .find(|(i, p)| *i * 2 >= n && TRAILER.is_match(p.trim()))
        .map(|(i, _)| i)
    {
        paras.truncate(cut);
    }
    let total = paras.len();
    let mut out = Vec::with_capacity(total);
    for (i, p) in paras.into_iter().enumerate() {
        let inner = i > 0 && i + 1 < total;
        if (PROMO.is_match(&p) || SEE_ALSO.is_match(p.trim_start())) && p.len() < 300 {
            continue;
        }
        if CREDIT.is_match(p.trim_start()) && words(&p) <= 15 {
            continue;
        }
        if inner && shouting(&p) && p.len() < 200 {
            continue;
        }
        out.push(p);
    }
    trim_trailer(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn headline_promos_and_trailers_go() {
        let paras = v(&[
            "Home Depot sales miss, shares plunge",
            "The home improvement retailer reported weaker sales on Tuesday.",
            "READ MORE: Retail earnings season heats up",
            "Shares fell 5 percent in early trading.",
            "CO-FOUNDER PROUD OF HOME DEPOT EMPLOYEES LIVING OUT THEIR DREAM",
            "Analysts had expected more.",
            "You may also like",
            "Another story entirely",
        ]);
        let out = clean(paras, &["Home Depot sales miss, shares plunge | Fox Business"]);
        assert_eq!(
            out,
            v(&[
                "The home improvement retailer reported weaker sales on Tuesday.",
                "Shares fell 5 percent in early trading.",
                "Analysts had expected more.",
            ])
        );
    }

    #[test]
    fn trailing_credits_calls_and_headlines_go() {
        let body = v(&[
            "The council approved the budget on Monday after a long debate in the chamber.",
            "The mayor said the new plan would take effect next spring, pending a final vote.",
            "Opposition members said they would challenge the decision in court.",
        ]);
        let mut paras = body.clone();
        paras.extend(v(&[
            "Council sets new parking fees for the old town",
            "Tags",
            "© 2022 Example Times. All rights reserved.",
            "Follow us on Twitter and Facebook for the latest updates",
        ]));
        assert_eq!(clean(paras, &[]), body);
        // A two-paragraph item stays whole; so does a trailing list after a lead-in.
        let mut short = body[..1].to_vec();
        short.push("Opinion".into());
        assert_eq!(clean(short.clone(), &[]), short);
        let mut list = body.clone();
        list.extend(v(&["Six lines", "make", "too long", "a tail", "to be", "furniture"]));
        assert_eq!(clean(list.clone(), &[]), list);
    }

    #[test]
    fn see_also_lines_and_picture_credits_go() {
        let body = v(&[
            "The council approved the budget on Monday after a long debate in the chamber.",
            "Lea también: El alcalde presenta su plan de movilidad",
            "Foto: Max Muster / Agentur",
            "The mayor said the new plan would take effect next spring, pending a final vote.",
            "Das könnte Sie auch interessieren: Neue Parkgebühren",
            "Opposition members said they would challenge the decision in court.",
        ]);
        assert_eq!(
            clean(body.clone(), &[]),
            vec![body[0].clone(), body[3].clone(), body[5].clone()]
        );
    }

    #[test]
    fn a_byline_and_a_date_line_before_the_story_go() {
        let body = v(&[
            "Israeli soldiers attacked the camp on Monday, witnesses said.",
            "Hamas condemned the raid.",
        ]);
        for head in [
            &["By Jane Reporter", "2024-03-05"][..],
            &["BY JANE DOE and JOHN ROE", "Updated March 5, 2024 10:02 GMT"][..],
            &["By Ahmed Ali, Reuters", "Published: 5 March 2024"][..],
            &["Tuesday, March 5, 2024", "By Sam Lee"][..],
        ] {
            let mut paras = v(head);
            paras.extend(body.iter().cloned());
            assert_eq!(clean(paras, &[]), body, "{head:?}");
        }
        // Sentences that begin the same way stay; so does furniture after the story's start.
        let keep = v(&[
            "By Monday, the troops had withdrawn from the town.",
            "By late evening the protest had ended.",
            "2024 was a year of elections.",
            "By Jane Reporter",
        ]);
        assert_eq!(clean(keep.clone(), &[]), keep);
    }

    #[test]
    fn ordinary_text_stays() {
        let paras = v(&[
            "CHINA has sent troops to Hong Kong, officials said.",
            "NATO said it was watching.",
            "Read the statement in full on the website, the ministry said.",
        ]);
        assert_eq!(clean(paras.clone(), &["Something else entirely here"]), paras);
    }
}
