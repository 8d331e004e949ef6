//! Bare state and armed roles an article has already placed. After "Sudan's army said …", a
//! later "the army" is Sudan's army; after "Myanmar's military government", "troops" are
//! Myanmar's. The coder reads one sentence and codes such a role without a country (`---MIL`);
//! this pass gives it the country when the article, before that point, coded the same role for
//! exactly one country. Two countries with that role (a border war's two armies) leave it
//! unknown, as do words that point abroad ("foreign troops", "coalition forces").

use model::{ActorRef, AttributionLink, Event};

/// Roles a story's country holds: government, military, police, judiciary, legislature,
/// intelligence, rebels, insurgents, armed groups, opposition.
const ROLES: &[&str] = &["GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "INS", "UAF", "OPP"];

/// The roles of a state's own bodies: a state speaks for these.
const STATE: &[&str] = &["GOV", "MIL", "COP", "JUD", "LEG", "SPY"];

/// Words that make a role someone else's than the story's country.
const ELSEWHERE: &[&str] = &[
    "foreign",
    "international",
    "western",
    "coalition",
    "allied",
    "multinational",
    "peacekeeping",
    "peacekeepers",
    "nato",
    "un",
    "u.n.",
    "overseas",
    "neighbouring",
    "neighboring",
    "enemy",
    "its",
    "their",
    "his",
    "her",
    "our",
    "other",
    "rival",
];

/// The role of a bare role code (`---MIL` → `MIL`).
fn bare_role(code: &str) -> Option<&str> {
    let role = code.strip_prefix("---")?;
    ROLES.contains(&role).then_some(role)
}

/// Whether the words are a bare description of a role: a few lower-case words (after an
/// opening capital), none pointing abroad.
fn plain_description(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words.iter().enumerate().all(|(i, w)| {
            let lower = w.to_lowercase();
            (i == 0 || !w.starts_with(char::is_uppercase)) && !ELSEWHERE.contains(&lower.as_str())
        })
}

/// The country and role of a coded actor (`SDNMIL` → (`SDN`, `MIL`), `MMRMILGOV` → (`MMR`,
/// `MIL`) and (`MMR`, `GOV`)).
fn placed_roles(code: &str) -> Vec<(&str, &str)> {
    let Some(country) = code.get(..3) else { return Vec::new() };
    if country.starts_with('-') || matches!(country, "IGO" | "NGO" | "IMG" | "MNC") {
        return Vec::new();
    }
    (3..code.len())
        .step_by(3)
        .filter_map(|i| code.get(i..i + 3))
        .filter(|r| ROLES.contains(r))
        .map(|r| (country, r))
        .collect()
}

/// Gives bare roles the one country the article gave that role before them.
pub fn resolve(events: &mut [Event]) {
    // Every coded actor with its position: (start byte, code).
    let mut seen: Vec<(u32, String)> = Vec::new();
    for ev in events.iter() {
        for a in ev.sources.iter().chain(&ev.targets) {
            seen.push((a.span.start, a.code.clone()));
        }
        for l in ev
            .attribution
            .chain
            .iter()
            .chain(ev.disputed_by.iter().filter_map(|d| d.denier.as_ref()))
        {
            if let (Some(span), Some(code)) = (l.span, &l.actor) {
                seen.push((span.start, code.clone()));
            }
        }
    }
    let country_for = |role: &str, before: u32| -> Option<String> {
        let mut found: Option<&str> = None;
        for (at, code) in &seen {
            if *at >= before {
                continue;
            }
            for (c, r) in placed_roles(code) {
                if r == role {
                    match found {
                        None => found = Some(c),
                        Some(f) if f != c => return None,
                        Some(_) => {}
                    }
                }
            }
        }
        found.map(str::to_string)
    };
    // "The bloc" (`---IGO`, no body of its own) is the international body the article named
    // last before it: "The European Union agreed new sanctions on Iran. The bloc also …".
    let body_before = |before: u32| -> Option<String> {
        seen.iter()
            .filter(|(at, c)| *at < before && c.starts_with("IGO"))
            .max_by_key(|(at, _)| *at)
            .map(|(_, c)| c.clone())
    };
    let fix_actor = |a: &mut ActorRef| {
        if a.code == "---IGO" && plain_description(&a.text) {
            if let Some(c) = body_before(a.span.start) {
                a.code = c;
            }
            return;
        }
        if let Some(role) = bare_role(&a.code) {
            if plain_description(&a.text) {
                if let Some(c) = country_for(role, a.span.start) {
                    a.code = format!("{c}{role}");
                }
            }
        }
    };
    let fix_link = |l: &mut AttributionLink| {
        let (Some(span), Some(code)) = (l.span, l.actor.as_deref()) else { return };
        if let Some(role) = bare_role(code) {
            if plain_description(&l.text) {
                if let Some(c) = country_for(role, span.start) {
                    l.actor = Some(format!("{c}{role}"));
                }
            }
        }
    };
    // A bare state role inside what a state body of one country says ("Kenya's interior
    // ministry said police had detained …", "Russia's defence ministry said troops repelled …")
    // is that country's, when the article gave that role to no other country before it.
    let speakers_own = |a: &mut ActorRef, speaker: Option<&str>| {
        let Some(role) = bare_role(&a.code).filter(|r| STATE.contains(r)) else { return };
        let Some(country) = speaker.and_then(|code| {
            placed_roles(code).into_iter().find(|(_, r)| STATE.contains(r)).map(|(c, _)| c)
        }) else {
            return;
        };
        let other = seen
            .iter()
            .filter(|(at, _)| *at < a.span.start)
            .any(|(_, code)| placed_roles(code).iter().any(|&(c, r)| r == role && c != country));
        if !other && plain_description(&a.text) {
            a.code = format!("{country}{role}");
        }
    };
    for ev in events.iter_mut() {
        ev.sources.iter_mut().chain(ev.targets.iter_mut()).for_each(fix_actor);
        let speaker = ev.attribution.chain.last().and_then(|l| l.span.and(l.actor.clone()));
        ev.sources
            .iter_mut()
            .chain(ev.targets.iter_mut())
            .for_each(|a| speakers_own(a, speaker.as_deref()));
        ev.attribution.chain.iter_mut().for_each(fix_link);
        ev.disputed_by.iter_mut().filter_map(|d| d.denier.as_mut()).for_each(fix_link);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_descriptions() {
        assert_eq!(bare_role("---MIL"), Some("MIL"));
        assert_eq!(bare_role("---CVL"), None, "civilians are anyone's");
        assert_eq!(bare_role("SDNMIL"), None);
        assert_eq!(placed_roles("MMRMILGOV"), vec![("MMR", "MIL"), ("MMR", "GOV")]);
        assert!(placed_roles("IGOUNOPKO").is_empty());
        for t in ["the army", "The army", "troops", "security forces", "the police"] {
            assert!(plain_description(t), "{t}");
        }
        for t in ["foreign troops", "the coalition forces", "its army", "the UN peacekeepers"] {
            assert!(!plain_description(t), "{t}");
        }
    }
}
