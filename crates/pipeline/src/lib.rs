//! The whole job, one document at a time: `RawDocument` → `Article` (extract) → analysed
//! sentences (nlp + depparse) → coded events (coder) → event time (timex) → event place
//! (geo) → provenance
//! (modality, historical, attribution, quotes).
//!
//! [`Engine`] holds what is loaded once (models, dictionaries) and is shared by all worker
//! threads; [`Engine::code_article`] is pure and deterministic, so documents can be coded in
//! any order and on any number of threads with the same result. Per-stage timings are kept so
//! the bench can print where the time goes.

mod acronyms;
mod actor_text;
mod blame;
pub mod eval;
pub mod ordered;
pub mod repair;
mod roles;
#[cfg(test)]
mod test_support;
pub mod voices;

use model::{AnalyzedSentence, Article, Denial, Event, Quote, RawDocument};
use std::time::{Duration, Instant};

/// What went wrong with one document. The rest of a batch goes on.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("extraction: {0}")]
    Extract(#[from] extract::ExtractError),
    #[error("analysis: {0}")]
    Nlp(#[from] nlp::NlpError),
}

/// Time spent in each stage (summed over documents).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StageTimes {
    pub extract: Duration,
    pub analyze: Duration,
    pub code: Duration,
    pub time: Duration,
    pub place: Duration,
    pub provenance: Duration,
}

impl StageTimes {
    pub fn add(&mut self, o: &StageTimes) {
        self.extract += o.extract;
        self.analyze += o.analyze;
        self.code += o.code;
        self.time += o.time;
        self.place += o.place;
        self.provenance += o.provenance;
    }
}

/// One coded document.
#[derive(Debug, Clone)]
pub struct Coded {
    pub article: Article,
    pub sentences: Vec<AnalyzedSentence>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    /// Denials and counter-claims, with the trigger spans of the events they contest.
    pub denials: Vec<Denial>,
    /// Non-fatal problems (extraction diagnostics, discarded sentences, bad dates).
    pub diagnostics: Vec<String>,
    pub times: StageTimes,
}

/// What is loaded once and shared.
#[derive(Debug)]
pub struct Engine {
    pub models: depparse::Models,
    pub dictionaries: coder::Dictionaries,
    /// Nominal triggers ("suicide attack", "massacre") in verb-dictionary form.
    pub nouns: coder::Dictionaries,
    pub coder_options: coder::Options,
    pub extract_options: extract::Options,
    pub nlp_limits: nlp::Limits,
}

impl Engine {
    pub fn new(models: depparse::Models, loaded: lexicon::Loaded) -> Engine {
        Engine {
            models,
            dictionaries: loaded.dictionaries,
            nouns: loaded.nouns,
            coder_options: coder::Options { require_dyad: false, ..coder::Options::default() },
            extract_options: extract::Options::default(),
            nlp_limits: nlp::Limits::default(),
        }
    }

    /// Extracts and codes one raw document.
    pub fn code_raw(&self, raw: &RawDocument) -> Result<Coded, PipelineError> {
        let t0 = Instant::now();
        let extracted = extract::extract(raw, &self.extract_options)?;
        let extract_time = t0.elapsed();
        let mut coded = self.code_article(extracted.article)?;
        coded.times.extract = extract_time;
        coded
            .diagnostics
            .splice(0..0, extracted.diagnostics.iter().map(|d| format!("{:?}: {d}", d.kind)));
        Ok(coded)
    }

    /// Codes an extracted article.
    pub fn code_article(&self, article: Article) -> Result<Coded, PipelineError> {
        let mut times = StageTimes::default();
        let mut diagnostics = Vec::new();

        let t = Instant::now();
        let pipeline = nlp::Pipeline::new(&self.models, &self.models).with_limits(self.nlp_limits);
        let mut sentences = pipeline.analyze(&article.text, &article.paragraphs)?;
        for s in &mut sentences {
            repair::repair(s);
        }
        times.analyze = t.elapsed();

        let t = Instant::now();
        let date = article
            .published
            .as_ref()
            .and_then(|p| coder::date::parse_date(&date_key(&p.value)).ok());
        let mut found_all: Vec<(usize, coder::CodedEvent)> = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            match coder::code_sentence(s, date, &self.dictionaries, &self.coder_options) {
                Ok(mut found) => {
                    let mut nominal =
                        coder::nominal::code(s, date, &self.dictionaries, &self.nouns, &mut found);
                    drop_passages(s, &mut found, &nominal);
                    coder::nominal::fold_weapon_subjects(
                        s,
                        date,
                        &self.dictionaries,
                        &mut found,
                        &mut nominal,
                    );
                    drop_ended_states(s, &mut nominal);
                    drop_bare_plans(s, &mut found, &nominal);
                    drop_bare_announcements(s, &mut found, &nominal);
                    drop_calls_of_events(s, &mut found, &nominal);
                    drop_bare_attributions(s, &mut found, &mut nominal);
                    found.extend(nominal);
                    found_all.extend(found.into_iter().map(|ce| (si, ce)));
                }
                Err(coder::code::Skipped::Discard { story: true, phrase }) => {
                    diagnostics.push(format!("story discarded by `{phrase}`"));
                    found_all.clear();
                    break;
                }
                Err(coder::code::Skipped::Discard { phrase, .. }) => {
                    diagnostics.push(format!("sentence {} discarded by `{phrase}`", s.index));
                }
            }
        }
        inherit_nominal_arguments(&sentences, &mut found_all);
        blame::accusations(&article.text, &sentences, &mut found_all, &|span| {
            voices::code_span(&article.text, &sentences, span, date, &self.dictionaries)
        });
        let mut events: Vec<Event> = found_all
            .into_iter()
            .filter_map(|(si, ce)| to_event(&article, &sentences[si], ce))
            .collect();
        times.code = t.elapsed();

        let t = Instant::now();
        let anchor = article.published.as_ref().and_then(|p| timex::Anchor::from_published(p).ok());
        let mut timexes = Vec::new();
        // Time expressions only date events: without events, only the input checks run (for
        // the same diagnostics).
        let found = if events.is_empty() {
            timex::check(&timex::Config::default(), &article.text, anchor.as_ref())
                .map(|()| timex::Found::default())
        } else {
            timex::find(&article.text, anchor.as_ref(), None)
        };
        match found {
            Ok(found) => {
                timexes.clone_from(&found.timexes);
                // The dateline's date dates the report, not the events of its first sentence.
                let report_day = dateline_timex(&article.text, &found.timexes).map(|t| t.span);
                let candidates: Vec<timex::Timex> =
                    found.timexes.iter().filter(|t| Some(t.span) != report_day).cloned().collect();
                for ev in &mut events {
                    let own = own_timexes(&article.text, &sentences, ev, &candidates);
                    let mut time =
                        timex::resolve_event_time(&article.text, ev.trigger, &own, anchor.as_ref());
                    past_weekday(
                        &article.text,
                        &sentences,
                        ev,
                        article
                            .published
                            .as_ref()
                            .filter(|p| {
                                matches!(
                                    p.precision,
                                    model::DatePrecision::Day
                                        | model::DatePrecision::Minute
                                        | model::DatePrecision::Second
                                )
                            })
                            .and_then(|p| p.value.get(..10)),
                        &mut time,
                    );
                    coordinated_days(&article.text, &own, &mut time);
                    ev.time = Some(time);
                }
            }
            Err(e) => diagnostics.push(format!("time expressions: {e}")),
        }
        times.time = t.elapsed();

        let t = Instant::now();
        let gazetteer = geo::Gazetteer::shared();
        let places = match gazetteer {
            // Places are only for events.
            Ok(_) if events.is_empty() => None,
            Ok(gaz) => {
                let names = actor_names(&self.dictionaries.actors, &article.text, &sentences);
                let mut places = geo::ArticlePlaces::analyze_named(gaz, &article.text, &[], &names);
                places.drop_strays(gaz, &article.text);
                Some((gaz, places))
            }
            Err(e) => {
                diagnostics.push(format!("gazetteer: {e}"));
                None
            }
        };
        times.place = t.elapsed();

        let t = Instant::now();
        // Event arguments written as a bare acronym take their spelled-out name's code before
        // provenance reads them ("The RSF denied targeting civilians" is the Rapid Support
        // Forces, not Reporters Without Borders, when it weighs whose deeds a denier contests);
        // the links provenance makes are resolved after it.
        acronyms::resolve(&article.text, &sentences, &mut events, &|span| {
            voices::code_span(&article.text, &sentences, span, date, &self.dictionaries)
        });
        let provenance::Annotations { quotes, denials } =
            provenance::annotate_with(&article, &sentences, &mut events, &|span| {
                voices::code_span(&article.text, &sentences, span, date, &self.dictionaries)
            });
        if let Some(agency) = &article.agency {
            voices::cite_agency(&mut events, agency);
        }
        voices::code_outlets(&mut events, date, &self.dictionaries);
        // "The RSF" after "the Rapid Support Forces": the name the article spells out.
        acronyms::resolve(&article.text, &sentences, &mut events, &|span| {
            voices::code_span(&article.text, &sentences, span, date, &self.dictionaries)
        });
        // "the army" after "Sudan's army": the one country the article gave that role.
        roles::resolve(&mut events);
        times.provenance = t.elapsed();

        // Dates that depend on the modality: irrealis events keep only their own expression;
        // statements of the day take the dateline's date.
        let t = Instant::now();
        let dateline_date = dateline_timex(&article.text, &timexes);
        for ev in &mut events {
            refine_event_time(
                &article.text,
                &sentences,
                &quotes,
                dateline_date,
                anchor.as_ref(),
                ev,
            );
        }
        let report_day = dateline_date.map(|d| d.span);
        let day_timexes: Vec<(model::Span, i64)> = timexes
            .iter()
            .filter(|x| Some(x.span) != report_day && x.granularity == timex::Granularity::Day)
            .filter_map(|x| {
                let i = x.interval.as_ref().filter(|i| i.start == i.end)?;
                Some((x.span, model::days::iso_days(&i.start.to_string())?))
            })
            .collect();
        offset_dates(&article.text, &sentences, &day_timexes, &mut events);
        eve_dates(&article.text, &sentences, &day_timexes, &mut events);
        participle_times(&sentences, &mut events);
        times.time += t.elapsed();

        // Places are assigned once the modality is known (it decides the fallbacks).
        let t = Instant::now();
        if let Some((gaz, places)) = &places {
            // The story's place: the first place (finer than a country) an event of the news
            // was placed at by its own phrases or its sentence.
            let mut story: Option<model::Location> = None;
            // The lead's own place when no event of it was coded: the first place a locative
            // governs in the sentence the dateline opens, else the dateline's.
            let lead_story: Option<model::Location> = {
                let dl = places.dateline_place(gaz);
                let d = dl.location.span.filter(|_| dl.basis == geo::PlaceBasis::Dateline);
                d.and_then(|d| {
                    let s = sentences
                        .iter()
                        .find(|s| opens(&article.text, d, s.span) && !s.span.contains(d))?;
                    let start = model::Span::new(s.span.start as usize, s.span.start as usize);
                    let aimed = geo::aimed_clauses(s, start);
                    let own =
                        places.sentence_place_outside(gaz, &article.text, s.span, start, &aimed);
                    let fine = matches!(
                        own.location.precision,
                        model::GeoPrecision::Place
                            | model::GeoPrecision::City
                            | model::GeoPrecision::Province
                    );
                    Some(if own.basis == geo::PlaceBasis::Sentence && fine {
                        own.location
                    } else {
                        dl.location.clone()
                    })
                })
            };
            let mut own_placed = Vec::with_capacity(events.len());
            // The last assault placed by its own phrases or its sentence, for a later "the
            // strikes", "in the fighting".
            let mut last_assault: Option<model::Location> = None;
            // The parties of that assault: a later one between the same parties ("peacekeepers
            // returned fire") is the same fight.
            let mut last_parties: Vec<String> = Vec::new();
            let mut last_time: Option<model::EventTime> = None;
            // The last meeting placed by its own phrases: (sentence, time, place), for "the two
            // leaders agreed" in the next sentence.
            let mut last_meeting: Option<(u32, Option<model::EventTime>, model::Location)> = None;
            // The events placed by their own phrases so far: (sentence, trigger, location).
            let mut placed_before: Vec<(u32, model::Span, model::Location)> = Vec::new();
            // The events placed so far, by any basis, for "at the same rally".
            let mut located_before: Vec<(u32, model::Span, model::Location)> = Vec::new();
            for ev in &mut events {
                let quoted = quotes.iter().any(|q| q.span.contains(ev.trigger));
                let own = attached_place(gaz, places, &article.text, &sentences, ev)
                    .map(|o| {
                        finer_than_doers_country(gaz, places, &article.text, &sentences, ev, o)
                    })
                    .map(|o| {
                        // "Troops deployed *in the province* pursued the attackers into the
                        // bush west of *the village*": a division before the trigger that only
                        // says where the doers are gives way to the finer place the event's
                        // own phrases refer back to.
                        let doers = o.span.is_some_and(|sp| sp.end <= ev.trigger.start)
                            && matches!(
                                o.precision,
                                model::GeoPrecision::Province | model::GeoPrecision::Country
                            );
                        doers
                            .then(|| {
                                mentioned_again(&article.text, &sentences, ev, &located_before)
                            })
                            .flatten()
                            .filter(|m| finer(m, &o) && m.country == o.country)
                            .unwrap_or(o)
                    })
                    .or_else(|| named_again(&article.text, &sentences, ev, &placed_before))
                    .or_else(|| same_again(&article.text, &sentences, ev, &located_before))
                    .or_else(|| mentioned_again(&article.text, &sentences, ev, &located_before));
                own_placed.push(own.is_some());
                if let Some(l) = &own {
                    placed_before.push((ev.sentence, ev.trigger, l.clone()));
                }
                // The event names its own place but the gazetteer does not know it ("near the
                // village of Piagapo"): unknown, not a place borrowed from elsewhere.
                let unknown_own = own.is_none() && names_unknown_place(places, &sentences, ev);
                let physical = !ev.historical && PLACED_ROOTS.contains(&ev.root.as_str());
                let mut firm = own.is_some();
                // An assault noun inside a phrase of a deed placed before it in the sentence
                // ("seized the town of Kanyabayonga after days *of fighting*") happened there.
                let governed = own
                    .is_none()
                    .then(|| {
                        let s = sentences.get(ev.sentence as usize)?;
                        placed_before
                            .iter()
                            .rev()
                            .find(|(n, g, _)| {
                                *n == ev.sentence
                                    && ASSAULT_ROOTS.contains(&ev.root.as_str())
                                    && geo::nominal_dependent(s, *g, ev.trigger)
                            })
                            .map(|x| x.2.clone())
                    })
                    .flatten();
                // "the fighting" after a gunfight the coder did not code: the place of the
                // assault noun told before.
                let told_before = || {
                    (own.is_none() && !unknown_own && takes_up_assault(&sentences, ev))
                        .then(|| earlier_assault_place(gaz, places, &article.text, &sentences, ev))
                        .flatten()
                };
                let continued = || {
                    last_assault
                        .as_ref()
                        .filter(|_| {
                            own.is_none()
                                && !unknown_own
                                && (takes_up_assault(&sentences, ev)
                                    || (!quoted
                                        && same_fight(
                                            &sentences,
                                            &last_parties,
                                            last_time.as_ref(),
                                            ev,
                                        )))
                        })
                        .cloned()
                };
                // "evacuated aid workers *from the area*": the area of the last fight told, else
                // of the story.
                let area = || {
                    (own.is_none() && !unknown_own && in_the_area(&article.text, &sentences, ev))
                        .then(|| last_assault.clone().or_else(|| story.clone()))
                        .flatten()
                };
                // "Ruto met Abiy in Addis Ababa on Monday … The two leaders agreed to set up a
                // joint commission": what the meeting's parties agreed or did together in the
                // next sentence, with no place of its own, was done at that meeting.
                let at_meeting = || {
                    last_meeting
                        .as_ref()
                        .filter(|(n, time, _)| {
                            own.is_none()
                                && !unknown_own
                                && !quoted
                                && !ev.historical
                                && ev.modality == model::Modality::Asserted
                                && MEETING_ROOTS.contains(&ev.root.as_str())
                                && ev.sentence == n + 1
                                && !dated_apart(ev, time.as_ref())
                                && sentences
                                    .get(ev.sentence as usize)
                                    .is_some_and(|s| meeting_parties_subject(s, ev))
                        })
                        .map(|x| x.2.clone())
                };
                // "Dodik threatened on Thursday to withdraw … *Speaking at a rally in Banja
                // Luka*, Dodik said …": a statement with no place of its own was made at the
                // occasion its speaker's next sentence opens with.
                let spoken_at = || {
                    (own.is_none() && !unknown_own && !quoted && !ev.historical)
                        .then(|| {
                            occasion_next(gaz, places, &article.text, &sentences, &timexes, ev)
                        })
                        .flatten()
                };
                let taken_up = governed
                    .or_else(|| continued().or_else(told_before))
                    .or_else(area)
                    .or_else(at_meeting)
                    .or_else(spoken_at);
                ev.location = own.or(taken_up).or_else(|| {
                    (!quoted && !unknown_own)
                        .then(|| {
                            fallback_place(
                                gaz,
                                places,
                                &article.text,
                                &sentences,
                                story.as_ref().or(lead_story.as_ref()),
                                ev,
                            )
                        })
                        .flatten()
                        .map(|(l, basis)| {
                            firm = basis == geo::PlaceBasis::Sentence;
                            if firm {
                                unlisted_on_the_way(gaz, places, &article.text, &sentences, ev, &l)
                                    .unwrap_or(l)
                            } else {
                                l
                            }
                        })
                });
                if let Some(l) = &ev.location {
                    located_before.push((ev.sentence, ev.trigger, l.clone()));
                }
                if firm
                    && ev.root == "04"
                    && !ev.historical
                    && ev.modality == model::Modality::Asserted
                {
                    if let Some(l) = &ev.location {
                        last_meeting = Some((ev.sentence, ev.time.clone(), l.clone()));
                    }
                }
                if firm && ASSAULT_ROOTS.contains(&ev.root.as_str()) {
                    last_assault.clone_from(&ev.location);
                    last_parties = parties(ev);
                    last_time.clone_from(&ev.time);
                }
                // The story's place comes from what the text says, not from the dateline.
                if let Some(l) = ev.location.as_ref().filter(|l| {
                    physical
                        && firm
                        && matches!(
                            l.precision,
                            model::GeoPrecision::Place
                                | model::GeoPrecision::City
                                | model::GeoPrecision::Province
                        )
                }) {
                    story.get_or_insert_with(|| l.clone());
                }
                // A lead the dateline alone placed ("DHAKA (AP) - Protesters set fire to a police
                // station …"): the story is about the dateline's place, and a town a later
                // paragraph names does not become it.
                let dateline = places.dateline.map(|i| places.resolved[i].toponym.span);
                if story.is_none() && physical && !firm {
                    if let Some(l) = ev.location.as_ref().filter(|l| {
                        l.span.is_some()
                            && l.span == dateline
                            && sentences.get(ev.sentence as usize).is_some_and(|s| {
                                l.span.is_some_and(|d| opens(&article.text, d, s.span))
                            })
                    }) {
                        story = Some(l.clone());
                    }
                }
            }
            // Conjoined clauses share a place; "the attack near …" refines a country.
            geo::share_places(gaz, places, &article.text, &sentences, &own_placed, &mut events);
        }
        times.place += t.elapsed();

        Ok(Coded { article, sentences, events, quotes, denials, diagnostics, times })
    }
}

/// CAMEO roots of events that happen at a physical place (meet, cooperate, yield, protest,
/// coerce, assault, fight, mass violence); statements, appeals, accusations, threats, aid and
/// sanctions are not placed by where the report was filed.
const PLACED_ROOTS: &[&str] = &["04", "05", "08", "14", "17", "18", "19", "20"];
/// Verbs of saying and ordering whose events the coder may file under a physical root
/// ("ordered the ambassador to leave"): not placed by a fallback.
const SAYING: &[&str] = &[
    "order", "demand", "call", "urge", "announce", "declare", "warn", "threaten", "vow", "pledge",
    "promise", "accuse", "condemn", "deny", "reject", "say", "tell", "ask",
];
/// Verbs of communication beyond [`SAYING`] and provenance's speech verbs
/// ([`provenance::attribution::SPEECH`]): reacting, judging and intending.
const COMMUNICATING: &[&str] = &[
    "decline",
    "comment",
    "criticise",
    "criticize",
    "praise",
    "welcome",
    "review",
    "appeal",
    "express",
    "voice",
    "propose",
    "recommend",
    "consider",
    "plan",
    "hope",
    "expect",
    "want",
    "seek",
    "respond",
    "reply",
    "refuse",
    "discuss",
    "emphasise",
    "emphasize",
];

/// Whether `lemma` (lower case) is a verb of communication: a statement coded under "make a
/// public statement" (01) with such a trigger is placed by nothing but its own phrases.
fn communicating(lemma: &str) -> bool {
    [SAYING, provenance::attribution::SPEECH, COMMUNICATING].iter().any(|l| l.contains(&lemma))
}

/// An event the coder filed as a statement (root 01) whose trigger is a verb of doing, not of
/// saying ("was sworn in as a senator", "laid a wreath"): placed like a physical event.
fn done_not_said(s: &AnalyzedSentence, ev: &Event) -> bool {
    ev.root == "01"
        && s.tokens.iter().any(|t| {
            t.span.overlaps(ev.trigger)
                && t.upos == "VERB"
                && !communicating(&t.lemma.to_lowercase())
        })
}

/// Roots whose target's place is the event's ("an attack on Beirut").
const ASSAULT_ROOTS: &[&str] = &["18", "19", "20"];

/// An event's place from its own phrases: a place inside a locative phrase the syntax attaches
/// to the trigger or its core arguments ("met Abiy Ahmed in Cairo"; for assaults also "on" and
/// "against"). `None` when they name none.
fn attached_place(
    gaz: &geo::Gazetteer,
    places: &geo::ArticlePlaces,
    text: &str,
    sentences: &[AnalyzedSentence],
    ev: &Event,
) -> Option<model::Location> {
    let s = sentences.get(ev.sentence as usize)?;
    // An assault's target places it only when the text says it happened (or was tried, or is
    // alleged): "a planned drone attack *on Israel*", "threatened to strike *Kyiv*" name a
    // target, not a place where anything happened; a locative still does ("would discuss the
    // mission *in New York*").
    // A noun is irrealis by its own words ("a *planned* drone attack", "*preparing* an attack"),
    // not by a verb that only speaks of it ("vowed to respond to an Israeli drone attack").
    use model::Modality::{Hypothetical, Planned, Threatened};
    let toks = &s.tokens;
    let irrealis = matches!(ev.modality, Planned | Threatened | Hypothetical)
        && trigger_head(s, ev.trigger).is_some_and(|t| {
            let own_word = s.children(t as u32 + 1).any(|c| {
                matches!(
                    toks[c].form.to_lowercase().as_str(),
                    "planned" | "possible" | "potential" | "future" | "imminent" | "threatened"
                )
            });
            let governor = (toks[t].head as usize).checked_sub(1).map(|h| &toks[h]);
            let planning = governor.is_some_and(|g| {
                matches!(
                    g.lemma.to_lowercase().as_str(),
                    "plan"
                        | "prepare"
                        | "plot"
                        | "threaten"
                        | "vow"
                        | "prevent"
                        | "foil"
                        | "thwart"
                )
            });
            toks[t].upos != "NOUN" || own_word || planning
        });
    let assault = ASSAULT_ROOTS.contains(&ev.root.as_str()) && !irrealis;
    let attached = geo::event_spans(s, ev.trigger, assault);
    let site = geo::EventSite { trigger: ev.trigger, attached: &attached, dateline: None, text };
    let found = places.locate(gaz, &site);
    let own = (found.basis == geo::PlaceBasis::Attached).then_some(found.location);
    // A place of the phrase that the gazetteer lacks, with where it lies ("near the village
    // of Ovchi-Kalacha in Kyrgyzstan's Batken region"): it, not its container.
    let unlisted = geo::unlisted_place(gaz, places, text, s, &attached, ev.trigger).map(|u| u.0);
    let own = own.or_else(|| {
        unlisted.is_none().then(|| the_country(gaz, places, text, s, ev, &attached)).flatten()
    });
    match (own, unlisted) {
        // "in the *Barmal* district of Afghanistan's Paktika province": a division the
        // gazetteer lacks inside the province the phrase names is finer than that province.
        // "in *Huwara*, a Palestinian town about 8 km south of Nablus": an unlisted name
        // before the known place of its phrase, as fine as it, is the place; the known one
        // only says where it lies.
        (Some(o), Some(u))
            if (finer(&u, &o)
                || (o.precision == model::GeoPrecision::Province
                    && u.admin1.as_deref() == Some(o.name.as_str())
                    && u.span != o.span)
                || (!finer(&o, &u)
                    && u.span.zip(o.span).is_some_and(|(us, os)| us.end <= os.start))
                || owned_by(text, &o, &u)
                || part_of(text, &u, &o))
                && o.country == u.country =>
        {
            Some(u)
        }
        (None, Some(u)) => Some(u),
        (own, _) => own,
    }
}

/// Words for the country a story is about when the text does not name it again ("sent
/// gendarmes *to the Pacific territory*", "deployed *to the islands*", "protested *across
/// the island*").
const COUNTRY_WORDS: &[&str] =
    &["country", "nation", "territory", "islands", "island", "archipelago", "kingdom", "republic"];

/// Nouns for a part of a country by its bearing ("in the country's *north*").
const BEARINGS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "centre",
    "center",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "interior",
];

/// Whether lower-cased `words` of a phrase name a part of "the country" by its bearing and
/// nothing finer: "in the country's north", "in the country's occupied south", "across the
/// nation's east". A deed there is placed in the country, not at the dateline's city; "in the
/// country's northern Cabo Delgado province" names its province and is not this.
fn part_of_the_country(words: &[String]) -> bool {
    words.windows(4).enumerate().any(|(i, w)| {
        let owner = w[0] == "the" && COUNTRY_WORDS.contains(&w[1].as_str()) && w[2] == "s";
        let part = |k: usize| words.get(k).is_some_and(|x| BEARINGS.contains(&x.as_str()));
        // One modifier may stand before the bearing ("occupied", "restive", "far").
        let bearing = if part(i + 3) {
            Some(i + 3)
        } else if part(i + 4) && !BEARINGS.contains(&w[3].as_str()) {
            Some(i + 4)
        } else {
            None
        };
        // The bearing ends the noun phrase: no name or type noun after it.
        owner
            && bearing.is_some_and(|b| {
                words.get(b + 1).is_none_or(|n| {
                    !COUNTRY_WORDS.contains(&n.as_str())
                        && !matches!(
                            n.as_str(),
                            "province" | "region" | "state" | "district" | "county"
                        )
                })
            })
    })
}

/// The dateline's country for an event whose own phrase names it only by a definite
/// description ("to the Pacific territory", "voters *in the territory* rejected", "across
/// the country") or that was done "nationwide" ("imposed a *nationwide* curfew"); `None`
/// without a dateline place.
fn the_country(
    gaz: &geo::Gazetteer,
    places: &geo::ArticlePlaces,
    text: &str,
    s: &AnalyzedSentence,
    ev: &Event,
    attached: &[model::Span],
) -> Option<model::Location> {
    let described = attached.iter().find(|sp| {
        let words: Vec<String> = sp
            .slice(text)
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        // A preposition, "the", up to one modifier, the word: "to the Pacific territory".
        matches!(words.as_slice(),
            [_, the, w] | [_, the, _, w]
                if the == "the" && COUNTRY_WORDS.contains(&w.as_str()))
            || part_of_the_country(&words)
    });
    // A curfew only planned ("said it would impose a nationwide curfew") is placed nowhere yet.
    let nationwide = || {
        if ev.modality != model::Modality::Asserted {
            return None;
        }
        let t = trigger_head(s, ev.trigger)?;
        let toks = &s.tokens;
        let on = |h: usize| {
            s.children(h as u32 + 1).find(|&c| toks[c].form.eq_ignore_ascii_case("nationwide"))
        };
        on(t)
            .or_else(|| {
                s.children(t as u32 + 1).filter(|&c| toks[c].deprel.starts_with("obj")).find_map(on)
            })
            .map(|k| toks[k].span)
    };
    let span = described.copied().or_else(nationwide)?;
    let dateline = places.dateline_place(gaz);
    if dateline.basis != geo::PlaceBasis::Dateline {
        return None;
    }
    let cc = dateline.location.country.as_deref()?;
    geo::location_of(gaz, gaz.country(cc)?, Some(span))
}

/// For an event its sentence places at a known place after the trigger (the parser having
/// hung the phrase too deep for the event's own phrases: "set fire to 12 trucks on a highway
/// *near the town of Ercilla in Chile's Araucania region*"), a place the gazetteer lacks that
/// the words between name, inside that known place: it, being finer.
fn unlisted_on_the_way(
    gaz: &geo::Gazetteer,
    places: &geo::ArticlePlaces,
    text: &str,
    sentences: &[AnalyzedSentence],
    ev: &Event,
    known: &model::Location,
) -> Option<model::Location> {
    let s = sentences.get(ev.sentence as usize)?;
    let end = known.span?.end;
    if end <= ev.trigger.end {
        return written_inside(gaz, places, text, s, ev, known);
    }
    let between = model::Span { start: ev.trigger.end, end };
    let (u, _) = geo::unlisted_place(gaz, places, text, s, &[between], ev.trigger)?;
    // "the road between the villages of Kirants and Voskepar": a stretch between two places
    // is in their container, not at either.
    let lead = text.get(between.start as usize..u.span?.start as usize).unwrap_or("");
    let stretch = lead.split_whitespace().rev().take(5).any(|w| w.eq_ignore_ascii_case("between"));
    (!stretch && finer(&u, known) && u.country == known.country).then_some(u)
}

/// For an event its sentence places at a known place named before the trigger: a place the
/// gazetteer lacks written right before it as lying in it ("had bombed a school *in the
/// village of Let Yet Kone in Sagaing region*, after residents said an air strike … killed 11
/// children"): the sentence's place is that finer one.
fn written_inside(
    gaz: &geo::Gazetteer,
    places: &geo::ArticlePlaces,
    text: &str,
    s: &AnalyzedSentence,
    ev: &Event,
    known: &model::Location,
) -> Option<model::Location> {
    let at = known.span?;
    let before = model::Span { start: s.span.start, end: at.end };
    let (u, _) = geo::unlisted_place(gaz, places, text, s, &[before], ev.trigger)?;
    let gap = text.get(u.span?.end as usize..at.start as usize)?.trim().to_lowercase();
    let inside = gap == "in"
        || gap == "in the"
        || gap.strip_prefix("in ").is_some_and(|d| {
            d.split_whitespace().count() == 1
                && ["north", "south", "east", "west", "central"].iter().any(|b| d.contains(b))
        });
    (inside && finer(&u, known) && u.country == known.country).then_some(u)
}

/// A place the gazetteer lacks that an earlier event of the article was placed at ("executed
/// 40 civilians in the village of Zaongo in the Centre-Nord region"), named again bare in
/// this event's own phrases ("killed 'terrorists' in fighting near Zaongo"): the same place.
fn named_again(
    text: &str,
    sentences: &[AnalyzedSentence],
    ev: &Event,
    placed_before: &[(u32, model::Span, model::Location)],
) -> Option<model::Location> {
    let s = sentences.get(ev.sentence as usize)?;
    let spans = geo::event_spans(s, ev.trigger, ASSAULT_ROOTS.contains(&ev.root.as_str()));
    placed_before.iter().rev().map(|x| &x.2).find_map(|l| {
        if l.gazetteer_id.is_some() || l.name.is_empty() {
            return None;
        }
        let words = |p: &str| -> Vec<String> {
            p.split(|c: char| !c.is_alphanumeric() && c != '-').map(str::to_string).collect()
        };
        let name = words(&l.name);
        let found = spans.iter().find_map(|sp| {
            let phrase = sp.slice(text)?;
            if !words(phrase).windows(name.len()).any(|w| w == name.as_slice()) {
                return None;
            }
            let start = sp.start as usize + phrase.find(&l.name)?;
            Some(model::Span::new(start, start + l.name.len()))
        })?;
        let mut again = l.clone();
        again.span = Some(found);
        Some(again)
    })
}

/// Nouns that follow "the same" for a time or a manner, not a thing at a place ("on the same
/// day", "for the same reason").
const SAME_NOT_PLACE: &[&str] = &[
    "day",
    "days",
    "time",
    "times",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "period",
    "hour",
    "date",
    "way",
    "reason",
    "reasons",
    "charge",
    "charges",
    "fate",
    "number",
    "amount",
    "level",
    "rate",
    "conditions",
    "demands",
    "law",
    "decree",
];

/// An event whose own phrase names a thing told before by "the same" ("was beaten *at the
/// same rally*", "*the same post* was attacked last week", "in *the same area*"): the place of
/// the last event placed before it.
fn same_again(
    text: &str,
    sentences: &[AnalyzedSentence],
    ev: &Event,
    located_before: &[(u32, model::Span, model::Location)],
) -> Option<model::Location> {
    let s = sentences.get(ev.sentence as usize)?;
    let spans = geo::event_spans(s, ev.trigger, ASSAULT_ROOTS.contains(&ev.root.as_str()));
    let same = spans.iter().any(|sp| {
        let Some(phrase) = sp.slice(text) else { return false };
        let words: Vec<String> = phrase
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let opening = match words.first().map(String::as_str) {
            Some("the") => 0,
            Some("at" | "in" | "on" | "near" | "outside" | "inside" | "around" | "from") => 1,
            _ => return false,
        };
        words.get(opening).is_some_and(|w| w == "the")
            && words.get(opening + 1).is_some_and(|w| w == "same")
            && words.get(opening + 2).is_some_and(|n| !SAME_NOT_PLACE.contains(&n.as_str()))
    });
    if !same {
        return None;
    }
    located_before
        .iter()
        .rev()
        .find(|(n, t, l)| {
            (*n < ev.sentence || (*n == ev.sentence && t.end <= ev.trigger.start))
                && l.precision != model::GeoPrecision::Unknown
        })
        .map(|x| x.2.clone())
}

/// Nouns of places and buildings that, after "the" and with no name of their own, refer back
/// to the last one the text named ("the village of Mucojo … west of *the village*", "the
/// Nasser hospital in Khan Younis … the surroundings of *the hospital*").
const REFERRING_NOUNS: &[&str] = &[
    "town",
    "village",
    "city",
    "camp",
    "base",
    "hospital",
    "school",
    "university",
    "market",
    "mosque",
    "church",
    "prison",
    "compound",
    "crossing",
    "bridge",
    "station",
    "building",
    "port",
    "airport",
];

/// Whether two referring nouns name the same kind of place (a town, city or village is one).
fn same_kind(a: &str, b: &str) -> bool {
    let town = |w: &str| matches!(w, "town" | "city" | "village");
    a == b || (town(a) && town(b))
}

/// An event whose own phrases (or, for an assault, its object) refer back with "the <noun>"
/// to a place or building named earlier ("troops had retaken *the town*", "pursued the
/// attackers into the bush west of *the village*", "tanks shelled the surroundings of *the
/// hospital*"): the place an event of that earlier sentence was given right at or after the
/// earlier mention ("withdrew from the town of *Kitshanga*", "raided the area around the
/// Nasser hospital in *Khan Younis*"). The gazetteer need not know the place: what counts is
/// where the story put the thing referred to.
fn mentioned_again(
    text: &str,
    sentences: &[AnalyzedSentence],
    ev: &Event,
    located_before: &[(u32, model::Span, model::Location)],
) -> Option<model::Location> {
    let s = sentences.get(ev.sentence as usize)?;
    let toks = &s.tokens;
    let assault = ASSAULT_ROOTS.contains(&ev.root.as_str());
    let mut phrases: Vec<model::Span> = geo::event_spans(s, ev.trigger, assault);
    if assault {
        if let Some(t) = trigger_head(s, ev.trigger) {
            phrases.extend(
                s.children(t as u32 + 1)
                    .filter(|&c| toks[c].deprel == "obj")
                    .map(|c| subtree_span(s, c)),
            );
        }
    }
    let noun = phrases.iter().find_map(|sp| {
        let words: Vec<&str> = sp
            .slice(text)?
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        (0..words.len().saturating_sub(1)).find_map(|i| {
            let n = words[i + 1];
            (words[i].eq_ignore_ascii_case("the")
                && REFERRING_NOUNS.contains(&n)
                && words.get(i + 2).is_none_or(|w| *w != "of"))
            .then_some(n)
        })
    })?;
    // The last earlier mention of a place of that kind, before this sentence.
    let before = text.get(..s.span.start as usize)?;
    let mention = before
        .match_indices(|c: char| c.is_alphabetic())
        .map(|(i, _)| i)
        .filter(|&i| i == 0 || !before[..i].ends_with(|c: char| c.is_alphanumeric()))
        .filter_map(|i| {
            let word: String = before[i..].chars().take_while(|c| c.is_alphabetic()).collect();
            same_kind(&word, noun).then_some((i, i + word.len()))
        })
        .next_back()?;
    let n =
        sentences.iter().position(|x| x.span.contains(model::Span::new(mention.0, mention.1)))?;
    located_before
        .iter()
        .filter(|(k, _, l)| *k as usize == n && l.precision != model::GeoPrecision::Unknown)
        .filter_map(|(_, _, l)| {
            let at = l.span?.start as usize;
            let gap = text.get(mention.1..at)?;
            (at >= mention.1 && gap.len() <= 40 && !gap.contains(['.', ';', ',']))
                .then_some((at, l))
        })
        .min_by_key(|(at, _)| *at)
        .map(|(_, l)| l.clone())
}

/// The span of the subtree of token `d`.
fn subtree_span(s: &AnalyzedSentence, d: usize) -> model::Span {
    let mut span = s.tokens[d].span;
    let mut stack = vec![d];
    while let Some(k) = stack.pop() {
        for c in s.children(k as u32 + 1) {
            span = span.cover(s.tokens[c].span);
            stack.push(c);
        }
    }
    span
}

/// A country or region that only says where the doers are ("Police *in Senegal* detained 47
/// people after clashes in the southern city of Ziguinchor", "Police in the breakaway region
/// *of Somaliland* fired … in the city of Burao"), named before the trigger, gives way to a
/// finer place of the same country that a locative governs after the trigger.
fn finer_than_doers_country(
    gaz: &geo::Gazetteer,
    places: &geo::ArticlePlaces,
    text: &str,
    sentences: &[AnalyzedSentence],
    ev: &Event,
    own: model::Location,
) -> model::Location {
    let before = own.span.is_some_and(|sp| sp.end <= ev.trigger.start);
    let Some(s) = sentences.get(ev.sentence as usize) else { return own };
    let coarse = !matches!(own.precision, model::GeoPrecision::Place | model::GeoPrecision::City);
    if !coarse || !before || ev.historical {
        return own;
    }
    let mut skip = geo::aimed_clauses(s, ev.trigger);
    skip.extend(own.span);
    let found = places.sentence_place_outside(gaz, text, s.span, ev.trigger, &skip);
    if found.basis == geo::PlaceBasis::Sentence
        && finer(&found.location, &own)
        && found.location.country == own.country
        && found.location.span.is_some_and(|sp| sp.start >= ev.trigger.end)
    {
        found.location
    } else {
        own
    }
}

/// Whether the known place `o` owns the unlisted place `u` named right after it ("in
/// *Port-au-Prince's* Delmas district"): the owner holds it.
fn owned_by(text: &str, o: &model::Location, u: &model::Location) -> bool {
    let (Some(os), Some(us)) = (o.span, u.span) else { return false };
    text.get(os.end as usize..us.start as usize).is_some_and(|gap| {
        gap.strip_prefix("'s").or_else(|| gap.strip_prefix("’s")).is_some_and(|rest| {
            rest.split_whitespace().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
        })
    })
}

/// Whether the unlisted place `u` is named as a part of the known place `o` right after it
/// ("in the *Ratoma* district of Conakry", "the Shujaiya neighbourhood of Gaza City"): a part
/// is finer than the whole, whatever precision its type noun gives it.
fn part_of(text: &str, u: &model::Location, o: &model::Location) -> bool {
    let (Some(us), Some(os)) = (u.span, o.span) else { return false };
    // "in the Bab al-Tabbaneh *district of the city*": the city taken up by its type noun.
    let after = text.get(us.end as usize..).unwrap_or("").to_lowercase();
    let next: Vec<&str> = after
        .split_whitespace()
        .take(4)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let part = |w: &str| {
        matches!(
            w,
            "district" | "neighbourhood" | "neighborhood" | "suburb" | "quarter" | "township"
        )
    };
    if o.precision == model::GeoPrecision::City
        && matches!(next.as_slice(), [p, "of", "the", "city" | "town" | "capital"] if part(p))
    {
        return true;
    }
    if us.end > os.start {
        return false;
    }
    let gap = text.get(us.end as usize..os.start as usize).unwrap_or("").to_lowercase();
    let words: Vec<&str> = gap.split_whitespace().filter(|w| *w != "the").collect();
    matches!(
        words.as_slice(),
        ["district" | "neighbourhood" | "neighborhood" | "suburb" | "quarter" | "township", "of"]
    )
}

/// Whether location `a` is finer than `b` (a place before a city before a province before a
/// country).
fn finer(a: &model::Location, b: &model::Location) -> bool {
    let rank = |l: &model::Location| match l.precision {
        model::GeoPrecision::Place => 0,
        model::GeoPrecision::City => 1,
        model::GeoPrecision::Province => 2,
        model::GeoPrecision::Country => 3,
        _ => 4,
    };
    rank(a) < rank(b)
}

/// For an event that happened according to the text (asserted, attempted or negated, not
/// historical background) that happens at a physical place and whose own phrases name none:
/// the place a locative preposition governs elsewhere in its sentence; else, when an earlier
/// event of the story named its own place in the dateline's country, that place; else, in the
/// lead sentence the dateline opens, the dateline's place.
/// Otherwise unknown (`None`): never a capital by default.
fn fallback_place(
    gaz: &geo::Gazetteer,
    places: &geo::ArticlePlaces,
    text: &str,
    sentences: &[AnalyzedSentence],
    story: Option<&model::Location>,
    ev: &Event,
) -> Option<(model::Location, geo::PlaceBasis)> {
    use model::Modality::{Asserted, Attempted, Negated};
    // Background told with a place in its own sentence ("Bandits kidnapped 200 villagers in
    // neighbouring Zamfara state late last year") happened there; no other fallback (the
    // dateline, the story's place) speaks for a deed of another time.
    if ev.historical {
        let s = sentences.get(ev.sentence as usize)?;
        if ev.modality != Asserted || !ASSAULT_ROOTS.contains(&ev.root.as_str()) || spoken_of(s, ev)
        {
            return None;
        }
        let mut aimed = geo::aimed_clauses(s, ev.trigger);
        aimed.extend(speakers_places(s, ev.trigger));
        let found = places.sentence_place_outside(gaz, text, s.span, ev.trigger, &aimed);
        return (found.basis == geo::PlaceBasis::Sentence).then_some((found.location, found.basis));
    }
    if !matches!(ev.modality, Asserted | Attempted | Negated) {
        return None;
    }
    // "the army said it *would not negotiate*": a refusal of something to come happens
    // nowhere; only a deed said not to have happened ("did not attack") keeps the fallbacks.
    if ev.modality == Negated && refused(sentences, ev) {
        return None;
    }
    let s = sentences.get(ev.sentence as usize)?;
    // "Bangladesh *summoned* India's high commissioner to protest against the killing … in the
    // Lalmonirhat district": an envoy is summoned to the summoner's own foreign ministry, so the
    // summons happens in the summoner's country (where a dateline of that country was filed),
    // never at the place of the matter it protests.
    if summons_envoy(s, ev) {
        let found = places.dateline_place(gaz);
        let doers = countries_of(gaz, text, &ev.sources);
        let ours = found.location.country.as_deref().is_some_and(|c| doers.iter().any(|d| d == c));
        return (found.basis == geo::PlaceBasis::Dateline && ours)
            .then_some((found.location, found.basis));
    }
    // "failed to reach agreement *at EU-mediated talks*": what was done at a gathering whose
    // place the text does not name happened where the lead was filed from.
    if at_gathering(text, s, ev) {
        let found = places.dateline_place(gaz);
        return (found.basis == geo::PlaceBasis::Dateline
            && found.location.span.is_some_and(|d| opens(text, d, s.span)))
        .then_some((found.location, found.basis));
    }
    if !PLACED_ROOTS.contains(&ev.root.as_str()) && !done_not_said(s, ev) {
        return None;
    }
    // An order or a call is a statement wherever the report was filed.
    let said = s
        .tokens
        .iter()
        .any(|t| t.span.overlaps(ev.trigger) && SAYING.contains(&t.lemma.to_lowercase().as_str()));
    // Praise, welcome or support voiced (cooperation in words, root 05) is a statement too:
    // "the minister *praised* the police" happened where the minister spoke, which the
    // story's place does not say.
    let voiced = ev.root == "05"
        && s.tokens.iter().any(|t| {
            t.span.overlaps(ev.trigger) && t.upos == "VERB" && {
                let lemma = t.lemma.to_lowercase();
                lemma != "discuss" && communicating(&lemma)
            }
        });
    if said || voiced {
        return None;
    }
    // A strike that a statement speaks of ("condemned the strikes at a news conference in
    // Washington") is not placed by the statement's sentence.
    if spoken_of(s, ev) {
        return None;
    }
    // Talks held "in a phone call" or "by video link" happened nowhere the story says.
    let remote = geo::event_spans(s, ev.trigger, false).iter().any(|sp| {
        sp.slice(text).is_some_and(|p| {
            let p = p.to_lowercase();
            ["phone", "telephone", "video", "videoconference"]
                .iter()
                .any(|w| p.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w))
        })
    });
    if remote {
        return None;
    }
    // "foiled a plot *to bomb a base near Khujand*": a place inside a clause of what was
    // aimed at is not where the foiling happened.
    let mut aimed = geo::aimed_clauses(s, ev.trigger);
    aimed.extend(speakers_places(s, ev.trigger));
    let found = places.sentence_place_outside(gaz, text, s.span, ev.trigger, &aimed);
    if found.basis == geo::PlaceBasis::Sentence {
        return Some((found.location, found.basis));
    }
    // The dateline places a reported action ("arrested", "was sworn in"), not a noun inside
    // another event's phrase ("sanctions over a crackdown"), nor the deeds of foreign actors
    // ("WASHINGTON — Iran test-fired a missile").
    let verbal = s.tokens.iter().any(|t| t.span.overlaps(ev.trigger) && t.upos == "VERB");
    let found = places.dateline_place(gaz);
    let here = found.location.country.as_deref();
    let mut actors = actor_countries(gaz, text, ev);
    if actors.is_empty() {
        // No coded actor: the countries the sentence names before the trigger ("Iran
        // test-fired a missile") stand in for them.
        actors = places
            .resolved
            .iter()
            .filter(|r| s.span.contains(r.toponym.span) && r.toponym.span.end <= ev.trigger.start)
            .filter_map(|r| r.place.and_then(|p| gaz.place(p)))
            .filter(|p| !p.country.is_empty())
            .map(|p| p.country.to_string())
            .collect();
    }
    // Talks and agreements (consult, cooperate) are filed from where the parties met, whoever
    // they are ("BRUSSELS — The leaders of Serbia and Kosovo failed to reach agreement").
    let meeting = matches!(ev.root.as_str(), "04" | "05");
    // A story with no dateline: a later deed of the story's country, told with no place of its
    // own, happened at the story's place ("Tens of thousands rallied in central Yerevan …
    // Police detained 98 people who tried to block streets").
    if found.basis != geo::PlaceBasis::Dateline {
        let country = story.and_then(|l| l.country.as_deref());
        let ours = actors.is_empty() || country.is_some_and(|c| actors.iter().all(|a| a == c));
        // A later conjunct takes its first conjunct's place ("raided a house in the nearby
        // Wadajir district and detained five suspects"), which share_places gives it.
        let conjunct = trigger_head(s, ev.trigger).is_some_and(|t| s.tokens[t].deprel == "conj");
        return story
            .filter(|_| verbal && ours && !conjunct && !ongoing(sentences, ev))
            .map(|l| (l.clone(), geo::PlaceBasis::Dateline));
    }
    let local = meeting || actors.is_empty() || here.is_some_and(|c| actors.iter().any(|a| a == c));
    // A story filed from abroad about another country ("CANBERRA — … rioters burned shops in
    // the capital Honiara … Protesters from the island of Malaita had marched on parliament"):
    // a later deed of the story's country at a site named with no place name ("on parliament",
    // "the presidential palace") happened at the story's place, as in a story with no dateline.
    // With no actor of any country named ("Demonstrators had earlier stormed the headquarters
    // of the national electoral commission"), a story about another country than the
    // dateline's is about that country's sites too.
    let elsewhere = story.is_some_and(|l| l.country.is_some() && l.country.as_deref() != here);
    let unclaimed = actors.is_empty() && !meeting && elsewhere;
    if (!local || unclaimed) && verbal && at_unnamed_site(text, s, ev) {
        let conjunct = trigger_head(s, ev.trigger).is_some_and(|t| s.tokens[t].deprel == "conj");
        return story
            .filter(|l| {
                l.country.as_deref().is_some_and(|c| actors.iter().all(|a| a == c))
                    && !conjunct
                    && !ongoing(sentences, ev)
            })
            .map(|l| (l.clone(), geo::PlaceBasis::Dateline));
    }
    if !(verbal && local && found.basis == geo::PlaceBasis::Dateline) {
        return None;
    }
    // A story filed from the capital about a place in the same country: the story's place
    // ("LAGOS — … kidnapped from a facility in Delta state … The engineers were seized when
    // armed men stormed the facility").
    // Otherwise the dateline places the lead it opens, not the later paragraphs, which often
    // move elsewhere.
    match story {
        Some(l)
            if l.country.is_some() && l.country.as_deref() == here && !ongoing(sentences, ev) =>
        {
            Some((l.clone(), geo::PlaceBasis::Dateline))
        }
        _ if found.location.span.is_some_and(|d| opens(text, d, s.span)) => {
            Some((found.location, geo::PlaceBasis::Dateline))
        }
        _ => None,
    }
}

/// The place phrases of a verb of saying whose complement holds the trigger ("the spokesman
/// said *in Addis Ababa* that the troops had not crossed the border", "told reporters in
/// Kigali that …", "announced in Geneva that …"): they say where the statement was made,
/// never where the deed it reports was done.
fn speakers_places(s: &AnalyzedSentence, trigger: model::Span) -> Vec<model::Span> {
    let toks = &s.tokens;
    let Some(mut k) = trigger_head(s, trigger) else { return Vec::new() };
    let mut out = Vec::new();
    let mut steps = 0;
    while let Some(g) = (toks[k].head as usize).checked_sub(1) {
        steps += 1;
        if steps > toks.len() {
            break;
        }
        let saying = toks[g].upos == "VERB"
            && toks[k].deprel == "ccomp"
            && communicating(&toks[g].lemma.to_lowercase());
        if saying {
            for c in s.children(g as u32 + 1) {
                let locative = toks[c].deprel.starts_with("obl")
                    && s.children(c as u32 + 1).any(|x| {
                        toks[x].deprel == "case"
                            && matches!(toks[x].form.to_lowercase().as_str(), "in" | "at" | "from")
                    });
                if c != k && locative && toks[c].span.end <= trigger.start {
                    out.push(subtree_span(s, c));
                }
            }
        }
        k = g;
    }
    out
}

/// Whether one of the event's own phrases is about "the area" ("from the area by helicopter",
/// "in the area"); a place it names is found before this is asked.
/// The byte spans of the multi-word proper names the actor dictionary knows ("Boko Haram",
/// "Hayat Tahrir al-Sham", "Lashkar-e-Taiba"), written with capitals: the places recogniser reads
/// no place inside them. Each sentence's words are matched longest first, left to right.
fn actor_names(
    actors: &coder::dict::actors::ActorDict,
    text: &str,
    sentences: &[AnalyzedSentence],
) -> Vec<model::Span> {
    let mut out = Vec::new();
    for s in sentences {
        let words: Vec<String> = s.tokens.iter().map(|t| coder::dict::norm_word(&t.form)).collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut i = 0;
        while i < refs.len() {
            let Some((p, n)) = actors.index.match_at(&refs, i) else {
                i += 1;
                continue;
            };
            let span =
                model::Span { start: s.tokens[i].span.start, end: s.tokens[i + n - 1].span.end };
            let surface = span.slice(text).unwrap_or("");
            let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
            let proper = capital(&s.tokens[i].form) && capital(&s.tokens[i + n - 1].form);
            let several = n == p.words.len() && surface.contains([' ', '-']);
            if proper && several {
                out.push(span);
            }
            i += n;
        }
    }
    out
}

fn in_the_area(text: &str, sentences: &[AnalyzedSentence], ev: &Event) -> bool {
    let Some(s) = sentences.get(ev.sentence as usize) else { return false };
    let assault = ASSAULT_ROOTS.contains(&ev.root.as_str());
    geo::event_spans(s, ev.trigger, assault).iter().any(|sp| {
        let words: Vec<String> = sp
            .slice(text)
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        words.len() >= 3 && words[1] == "the" && words[2] == "area"
    })
}

/// Gatherings at which things are agreed, rejected or said.
const GATHERINGS: &[&str] =
    &["talks", "summit", "meeting", "conference", "negotiations", "session", "forum"];

/// Nouns of a site a story's town holds, named without a place name ("marched on
/// *parliament*", "stormed *the presidential palace*", "outside *the police headquarters*").
const UNNAMED_SITES: &[&str] = &[
    "parliament",
    "palace",
    "headquarters",
    "ministry",
    "embassy",
    "consulate",
    "courthouse",
    "legislature",
    "congress",
    "senate",
    "residence",
    "compound",
    "square",
    "station",
];

/// Whether one of the event's own phrases (or its object) names a site of [`UNNAMED_SITES`].
fn at_unnamed_site(text: &str, s: &AnalyzedSentence, ev: &Event) -> bool {
    let site = |w: &str| UNNAMED_SITES.contains(&w.to_lowercase().as_str());
    let argument = trigger_head(s, ev.trigger).is_some_and(|t| {
        s.children(t as u32 + 1).any(|c| {
            matches!(s.tokens[c].deprel.split(':').next(), Some("obj" | "obl"))
                && site(&s.tokens[c].lemma)
        })
    });
    argument
        || geo::event_spans(s, ev.trigger, true).iter().any(|sp| {
            sp.slice(text)
                .is_some_and(|p| p.split(|c: char| !c.is_alphanumeric()).take(6).any(site))
        })
}

/// Participles of a speaking occasion that open a sentence ("*Speaking* at a rally in X, he
/// said", "*Addressing* parliament in X", "*Talking* to reporters in X").
const SPEAKING: &[&str] = &["speak", "address", "talk"];

/// Words that date a phrase apart from the statement before it that are no time expression of
/// their own ("Speaking *earlier* at a rally …").
const APART_WORDS: &[&str] = &["earlier", "later", "previously"];

/// For a statement (its trigger a verb of saying, threatening or judging) with no place of its
/// own: the place of the speaking occasion that opens the next sentence, when that sentence's
/// speaker is the same ("he", "she", or a name of the first speaker's) and the occasion is not
/// dated apart ("Dodik threatened on Thursday … *Speaking at a rally in Banja Luka*, Dodik
/// said …"). Remarks reported across two sentences of a lead were made at one occasion.
fn occasion_next(
    gaz: &geo::Gazetteer,
    places: &geo::ArticlePlaces,
    text: &str,
    sentences: &[AnalyzedSentence],
    timexes: &[timex::Timex],
    ev: &Event,
) -> Option<model::Location> {
    let s = sentences.get(ev.sentence as usize)?;
    let next = sentences.get(ev.sentence as usize + 1)?;
    let t = trigger_head(s, ev.trigger)?;
    if s.tokens[t].upos != "VERB" || !communicating(&s.tokens[t].lemma.to_lowercase()) {
        return None;
    }
    let toks = &next.tokens;
    let r = toks.iter().position(|x| x.head == 0)?;
    if !communicating(&toks[r].lemma.to_lowercase()) {
        return None;
    }
    // The occasion: an -ing participle of speaking on the main verb, before it.
    let c = next.children(r as u32 + 1).find(|&c| {
        c < r
            && toks[c].deprel.starts_with("advcl")
            && toks[c].form.ends_with("ing")
            && SPEAKING.contains(&toks[c].lemma.to_lowercase().as_str())
    })?;
    let clause = model::Span::new(toks[c].span.start as usize, toks[r].span.start as usize);
    // Dated apart: a time expression inside the occasion's clause, or a bare "earlier".
    let dated = timexes.iter().any(|x| clause.contains(x.span))
        || toks.iter().any(|x| {
            clause.contains(x.span) && APART_WORDS.contains(&x.form.to_lowercase().as_str())
        });
    if dated {
        return None;
    }
    // The same speaker: a pronoun, or a proper name the first statement's subject holds.
    let subject = next.children(r as u32 + 1).find(|&k| toks[k].deprel.starts_with("nsubj"))?;
    let subjects: Vec<usize> =
        s.children(t as u32 + 1).filter(|&k| s.tokens[k].deprel.starts_with("nsubj")).collect();
    // The words of the first subject's phrase ("Bosnian Serb leader Milorad Dodik").
    let under = |mut i: usize| {
        for _ in 0..s.tokens.len() {
            if subjects.contains(&i) {
                return true;
            }
            match s.tokens[i].head {
                0 => return false,
                h => i = h as usize - 1,
            }
        }
        false
    };
    let first_subject: Vec<String> = (0..s.tokens.len())
        .filter(|&i| under(i))
        .map(|i| s.tokens[i].form.to_lowercase())
        .collect();
    let form = toks[subject].form.to_lowercase();
    let same = matches!(form.as_str(), "he" | "she")
        || (toks[subject].upos == "PROPN" && first_subject.contains(&form));
    if !same {
        return None;
    }
    let spans: Vec<model::Span> = geo::event_spans(next, toks[r].span, false)
        .into_iter()
        .filter(|sp| clause.contains(*sp))
        .collect();
    let site = geo::EventSite { trigger: toks[r].span, attached: &spans, dateline: None, text };
    let found = places.locate(gaz, &site);
    (found.basis == geo::PlaceBasis::Attached).then_some(found.location)
}

/// Roots of what parties do together at a meeting: intend to cooperate, consult, cooperate,
/// cooperate materially.
const MEETING_ROOTS: &[&str] = &["03", "04", "05", "06"];

/// Nouns that name the parties of a meeting ("the two *leaders*", "both *sides*", "the
/// *ministers*").
const PARTY_NOUNS: &[&str] = &[
    "leader",
    "side",
    "party",
    "minister",
    "president",
    "delegation",
    "official",
    "negotiator",
    "country",
    "nation",
    "government",
    "envoy",
    "counterpart",
    "head",
    "man",
];

/// Whether the event's subject refers back to the parties of a meeting told before: "they",
/// "both", "the two", or a definite plural party noun ("the two leaders", "both sides", "the
/// ministers"). A conjunct takes its first conjunct's subject.
fn meeting_parties_subject(s: &AnalyzedSentence, ev: &Event) -> bool {
    let Some(mut t) = trigger_head(s, ev.trigger) else { return false };
    let toks = &s.tokens;
    let subject = loop {
        if let Some(c) = s.children(t as u32 + 1).find(|&c| toks[c].deprel.starts_with("nsubj")) {
            break c;
        }
        match toks[t].deprel.as_str() {
            "conj" | "xcomp" if toks[t].head > 0 => t = toks[t].head as usize - 1,
            _ => return false,
        }
    };
    let head = &toks[subject];
    let form = head.form.to_lowercase();
    if matches!(form.as_str(), "they" | "both") {
        return true;
    }
    let words: Vec<String> =
        s.children(subject as u32 + 1).map(|c| toks[c].form.to_lowercase()).collect();
    let definite = words.iter().any(|w| matches!(w.as_str(), "the" | "both"));
    if head.upos == "NUM" {
        return definite;
    }
    let plural = head.xpos == "NNS" || head.feats.contains("Number=Plur");
    definite && plural && PARTY_NOUNS.contains(&head.lemma.to_lowercase().as_str())
}

/// Heads of the phrases that name a diplomat posted abroad.
const ENVOYS: &[&str] = &[
    "ambassador",
    "envoy",
    "commissioner",
    "chargé",
    "charge",
    "diplomat",
    "consul",
    "attaché",
    "attache",
];

/// Whether the event is the summoning of a diplomat ("summoned India's high commissioner",
/// "summoned the Russian ambassador", "summoned the charge d'affaires"): the verb "summon" (or
/// "call in") with an envoy as its object.
fn summons_envoy(s: &AnalyzedSentence, ev: &Event) -> bool {
    let Some(t) = trigger_head(s, ev.trigger) else { return false };
    let verb = &s.tokens[t];
    let lemma = verb.lemma.to_lowercase();
    let summon = lemma == "summon"
        || (lemma == "call"
            && s.children(t as u32 + 1).any(|c| s.tokens[c].form.eq_ignore_ascii_case("in")));
    summon
        && verb.upos == "VERB"
        && s.children(t as u32 + 1).any(|c| {
            s.tokens[c].deprel == "obj"
                && ENVOYS.contains(&s.tokens[c].lemma.to_lowercase().as_str())
        })
}

/// Whether one of the event's own phrases puts it at a gathering ("*at* EU-mediated *talks*",
/// "*during* a *summit*").
fn at_gathering(text: &str, s: &AnalyzedSentence, ev: &Event) -> bool {
    geo::event_spans(s, ev.trigger, false).iter().any(|sp| {
        let words: Vec<String> = sp
            .slice(text)
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        matches!(words.first().map(String::as_str), Some("at" | "during"))
            && words.iter().take(5).any(|w| GATHERINGS.contains(&w.as_str()))
    })
}

/// Nouns that name an assault; after "the" they take up one told before.
const ASSAULT_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "raid",
    "ambush",
    "bombing",
    "blast",
    "explosion",
    "assault",
    "clash",
    "clashes",
    "fighting",
    "shooting",
    "shelling",
    "gunfight",
    "battle",
];

/// Whether an asserted assault takes up an earlier one: its trigger is a definite assault noun
/// ("condemned *the strikes*"), it happened "in the fighting" ("a soldier was wounded *in
/// the fighting*"), or it is done by or to "the attackers".
fn takes_up_assault(sentences: &[AnalyzedSentence], ev: &Event) -> bool {
    let Some(s) = sentences.get(ev.sentence as usize) else { return false };
    // A deed denied or alleged "in the shelling" is told of the shelling told before, at its
    // place ("denied that civilians had been killed *in the shelling*"); only the explicit
    // reference counts for it, not the participants or the object.
    let claimed = matches!(ev.modality, model::Modality::Denied | model::Modality::Alleged);
    if ev.historical
        || !(ev.modality == model::Modality::Asserted || claimed)
        || !ASSAULT_ROOTS.contains(&ev.root.as_str())
    {
        return false;
    }
    let toks = &s.tokens;
    let definite = |i: usize| {
        ASSAULT_NOUNS.contains(&toks[i].form.to_lowercase().as_str())
            && s.children(i as u32 + 1).any(|c| {
                toks[c].deprel == "det"
                    && matches!(toks[c].form.to_lowercase().as_str(), "the" | "this" | "that")
            })
    };
    let Some(t) = toks.iter().position(|t| t.span.overlaps(ev.trigger)) else { return false };
    // "pursued *the attackers* into nearby forests": the assault's own participants, unless
    // they get away from its place ("the attackers fled into Pakistan").
    let lemma = toks[t].lemma.to_lowercase();
    let away = matches!(lemma.as_str(), "flee" | "escape" | "retreat" | "withdraw" | "cross");
    let participants = !away
        && s.children(t as u32 + 1).any(|d| {
            let rel = toks[d].deprel.as_str();
            (rel == "obj" || rel.starts_with("nsubj"))
                && matches!(
                    toks[d].form.to_lowercase().as_str(),
                    "attackers" | "assailants" | "gunmen" | "raiders" | "kidnappers"
                )
                && s.children(d as u32 + 1).any(|c| {
                    // "the attackers", "all five attackers"
                    toks[c].deprel.starts_with("det")
                        && matches!(toks[c].form.to_lowercase().as_str(), "the" | "all" | "both")
                })
        });
    // "repelled *the assault*", "carried out *the attack*": the deed's object takes it up.
    let object = s.children(t as u32 + 1).any(|d| toks[d].deprel == "obj" && definite(d));
    (!claimed && (participants || object || definite(t)))
        || s.children(t as u32 + 1).any(|d| {
            toks[d].deprel.starts_with("obl")
                && definite(d)
                && s.children(d as u32 + 1).any(|c| {
                    toks[c].deprel == "case"
                        && matches!(toks[c].form.to_lowercase().as_str(), "in" | "during")
                })
        })
}

/// The place of the last assault noun told before the event's trigger with a place phrase of
/// its own ("killed 11 militants in a *gunfight near the town of Marawi*" for a later "wounded
/// in the fighting"), in its sentence or the two before.
fn earlier_assault_place(
    gaz: &geo::Gazetteer,
    places: &geo::ArticlePlaces,
    text: &str,
    sentences: &[AnalyzedSentence],
    ev: &Event,
) -> Option<model::Location> {
    let last = (ev.sentence as usize).min(sentences.len().checked_sub(1)?);
    for s in sentences[last.saturating_sub(2)..=last].iter().rev() {
        for t in s.tokens.iter().rev() {
            if t.span.start >= ev.trigger.start
                || t.upos != "NOUN"
                || !ASSAULT_NOUNS.contains(&t.form.to_lowercase().as_str())
            {
                continue;
            }
            let spans = geo::event_spans(s, t.span, true);
            if spans.is_empty() {
                continue;
            }
            let site = geo::EventSite { trigger: t.span, attached: &spans, dateline: None, text };
            let found = places.locate(gaz, &site);
            if found.basis == geo::PlaceBasis::Attached {
                return Some(found.location);
            }
        }
    }
    None
}

/// The trigger's head word: the word of the trigger whose head lies outside it ("attack" in
/// "drone attack").
fn trigger_head(s: &AnalyzedSentence, trigger: model::Span) -> Option<usize> {
    let inside: Vec<usize> =
        (0..s.tokens.len()).filter(|&i| s.tokens[i].span.overlaps(trigger)).collect();
    inside
        .iter()
        .find(|&&i| !inside.iter().any(|&j| s.tokens[i].head as usize == j + 1))
        .or(inside.first())
        .copied()
}

/// Type nouns whose "of" phrase names a place ("the village *of Piagapo*").
const PLACE_TYPE_NOUNS: &[&str] = &[
    "village",
    "town",
    "city",
    "district",
    "province",
    "region",
    "camp",
    "area",
    "suburb",
    "county",
    "municipality",
    "neighbourhood",
    "neighborhood",
    "island",
    "port",
];

/// Whether the event's own place phrases name a place the gazetteer did not resolve: a proper
/// noun right after a place preposition ("in Pazigyi village") or after "<type noun> of" ("near
/// the village of Piagapo", "the nearby town of Anefis") that no resolved toponym covers.
fn names_unknown_place(
    places: &geo::ArticlePlaces,
    sentences: &[AnalyzedSentence],
    ev: &Event,
) -> bool {
    let Some(s) = sentences.get(ev.sentence as usize) else { return false };
    let assault = ASSAULT_ROOTS.contains(&ev.root.as_str());
    let spans = geo::event_spans(s, ev.trigger, assault);
    let toks = &s.tokens;
    let known = |sp: model::Span| {
        places.resolved.iter().any(|r| r.place.is_some() && r.toponym.span.overlaps(sp))
    };
    (1..toks.len()).any(|i| {
        let t = &toks[i];
        if t.upos != "PROPN" || !spans.iter().any(|p| p.contains(t.span)) || known(t.span) {
            return false;
        }
        let prev = toks[i - 1].form.to_lowercase();
        let after_type = prev == "of"
            && i >= 2
            && PLACE_TYPE_NOUNS.contains(&toks[i - 2].form.to_lowercase().as_str());
        let after_prep = matches!(prev.as_str(), "in" | "at" | "near" | "outside");
        // The name heads the phrase, or names its type noun ("Pazigyi village"); not a
        // modifier of something else ("at *EU*-mediated talks", "on *Hamas* positions").
        let head = (t.head as usize).checked_sub(1).and_then(|h| toks.get(h));
        let rel = t.deprel.split(':').next().unwrap_or("");
        let heads_phrase = matches!(rel, "obl" | "nmod" | "obj" | "appos")
            || (rel == "compound"
                && head
                    .is_some_and(|h| PLACE_TYPE_NOUNS.contains(&h.form.to_lowercase().as_str())));
        let acronym = t.form.len() <= 4 && !t.form.chars().any(char::is_lowercase);
        (after_type || after_prep) && heads_phrase && !acronym
    })
}

/// The actor codes of an event's doers and targets ("MLIINS", "IGOUNO", "---MIL", "ISR").
fn parties(ev: &Event) -> Vec<String> {
    ev.sources.iter().chain(&ev.targets).map(|a| a.code.clone()).filter(|c| c.len() >= 3).collect()
}

/// Whether two actor codes may name the same party: the same code; the same role where the
/// coder did not know one's country ("---MIL" for "its forces", "MLIMIL"); or a country and a
/// party of it ("ISR", "ISRMIL"). Two bare countries do not: they name no party.
fn same_party(a: &str, b: &str) -> bool {
    let party = |c: &str| c.len() >= 6;
    if !party(a) && !party(b) {
        return false;
    }
    if a == b {
        return true;
    }
    let (ca, ra) = a.split_at(3.min(a.len()));
    let (cb, rb) = b.split_at(3.min(b.len()));
    let unknown = ca == "---" || cb == "---";
    (party(a) && party(b) && unknown && ra.get(..3) == rb.get(..3))
        || (!unknown && ca == cb && (ra.is_empty() || rb.is_empty()))
}

/// Whether an asserted assault of the news is fought by a party of the last placed assault
/// (`parties_before`, dated `time_before`): the same fight goes on there ("Gunmen attacked a
/// convoy of peacekeepers outside Gao … The mission said peacekeepers *returned fire*"). Not a
/// deed with a date of its own that differs ("seized the nearby town … *last month*"), nor an
/// ongoing one ("Niger *has been fighting* insurgents for years").
fn same_fight(
    sentences: &[AnalyzedSentence],
    parties_before: &[String],
    time_before: Option<&model::EventTime>,
    ev: &Event,
) -> bool {
    ev.modality == model::Modality::Asserted
        && !ev.historical
        && !dated_apart(ev, time_before)
        && !ongoing(sentences, ev)
        && ASSAULT_ROOTS.contains(&ev.root.as_str())
        && parties(ev).iter().any(|c| parties_before.iter().any(|b| same_party(c, b)))
}

/// Whether the event has a date of its own in the text that differs from `other`'s ("seized
/// the nearby town *last month*" after a strike on Monday).
fn dated_apart(ev: &Event, other: Option<&model::EventTime>) -> bool {
    ev.time.as_ref().is_some_and(|t| {
        t.basis == model::TimeBasis::Text
            && other.is_none_or(|b| b.start != t.start || b.precision != t.precision)
    })
}

/// Whether the event's verb is in the present perfect ("Niger *has been fighting* insurgents
/// for years"): a state of affairs, not a deed of the story.
fn ongoing(sentences: &[AnalyzedSentence], ev: &Event) -> bool {
    sentences.get(ev.sentence as usize).is_some_and(|s| {
        let toks = &s.tokens;
        toks.iter().position(|t| t.span.overlaps(ev.trigger)).is_some_and(|t| {
            s.children(t as u32 + 1).any(|c| {
                toks[c].deprel == "aux"
                    && matches!(toks[c].form.to_lowercase().as_str(), "has" | "have" | "'ve")
            })
        })
    })
}

/// Whether a negated event is refused for the future: its trigger carries "will", "would",
/// "shall" or "won't" ("it would not negotiate with kidnappers").
fn refused(sentences: &[AnalyzedSentence], ev: &Event) -> bool {
    let Some(s) = sentences.get(ev.sentence as usize) else { return false };
    let toks = &s.tokens;
    trigger_head(s, ev.trigger).is_some_and(|t| {
        s.children(t as u32 + 1).any(|c| {
            toks[c].deprel == "aux"
                && matches!(
                    toks[c].form.to_lowercase().as_str(),
                    "will" | "would" | "shall" | "wo" | "'ll"
                )
        })
    })
}

/// Whether the event's trigger is a noun that a verb of communication governs ("condemned the
/// strikes", "denied the attack"): the sentence places the statement, not the event.
fn spoken_of(s: &AnalyzedSentence, ev: &Event) -> bool {
    let toks = &s.tokens;
    let Some(t) = toks.iter().position(|t| t.span.overlaps(ev.trigger)) else { return false };
    if !matches!(toks[t].upos.as_str(), "NOUN" | "PROPN") || toks[t].head == 0 {
        return false;
    }
    let v = toks[t].head as usize - 1;
    toks[v].upos == "VERB" && communicating(&toks[v].lemma.to_lowercase())
}

/// Whether the dateline at `d` opens the sentence `s`: inside it, or a sentence of its own
/// right before it ("BRUSSELS, Aug. 18 (Reuters) -" split off by the sentence splitter).
fn opens(text: &str, d: model::Span, s: model::Span) -> bool {
    if s.contains(d) {
        return true;
    }
    let gap = text.get(d.end as usize..s.start as usize).unwrap_or("").trim_end();
    d.end <= s.start && gap.len() <= 60 && ["-", "—", "–", ":"].iter().any(|x| gap.ends_with(x))
}

/// Countries the event's actors name ("Iranian border guards" → IR, "Iran" → IR), from the
/// gazetteer's countries and their demonyms.
fn actor_countries(gaz: &geo::Gazetteer, text: &str, ev: &Event) -> Vec<String> {
    // The doers' countries decide ("Iran test-fired a missile, two U.S. officials told
    // Reuters" is no American event); the targets' only when the sources name none.
    let doers = countries_of(gaz, text, &ev.sources);
    if doers.is_empty() {
        countries_of(gaz, text, &ev.targets)
    } else {
        doers
    }
}

fn countries_of(gaz: &geo::Gazetteer, text: &str, actors: &[model::ActorRef]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in actors {
        let words = a.span.slice(text).unwrap_or(&a.text);
        for w in words.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-')) {
            let w = w.trim_end_matches('.');
            if !w.starts_with(char::is_uppercase) {
                continue;
            }
            for c in gaz.lookup(w) {
                let Some(p) = gaz.place(c.place) else { continue };
                if p.kind == geo::PlaceKind::Country && !out.iter().any(|o| o == p.country) {
                    out.push(p.country.to_string());
                }
            }
        }
    }
    out
}

/// Roots of statements: make a statement, appeal, demand, disapprove, reject.
const STATEMENT_ROOTS: &[&str] = &["01", "02", "10", "11", "12"];

/// The date of a wire dateline ("CAIRO, June 10 (Reuters) -"): a dated expression on the
/// text's first line before its dash.
fn dateline_timex<'a>(text: &str, timexes: &'a [timex::Timex]) -> Option<&'a timex::Timex> {
    let line_end = text.find('\n').unwrap_or(text.len());
    let first = &text[..line_end];
    let dash = [" - ", " — ", " – ", " -- "].iter().filter_map(|d| first.find(d)).min()?;
    if dash > 80 || !first.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    timexes.iter().find(|t| {
        (t.span.end as usize) <= dash
            && t.interval.is_some()
            && matches!(t.granularity, timex::Granularity::Day)
    })
}

/// Dates that depend on the modality (known only after the provenance stage):
/// - a planned, threatened or hypothetical event is dated only by an expression inside its own
///   clause ("will resume talks on Nov. 29"); one borrowed from a neighbouring clause ("surrendered
///   on Monday and confessed that the group had planned an attack") is dropped;
/// - a statement (appeal, demand, accusation, rejection) asserted in the reporter's voice with
///   no expression of its own, not in a quote, is dated by the wire dateline's date, which the
///   text gives ("CARACAS, April 19 (AFP) - … the minister accused …").
fn refine_event_time(
    text: &str,
    sentences: &[AnalyzedSentence],
    quotes: &[model::Quote],
    dateline: Option<&timex::Timex>,
    anchor: Option<&timex::Anchor>,
    ev: &mut Event,
) {
    use model::Modality::{Asserted, Hypothetical, Planned, Threatened};
    let Some(time) = &ev.time else { return };
    let Some(s) = sentences.get(ev.sentence as usize) else { return };
    if matches!(ev.modality, Planned | Threatened | Hypothetical) {
        let Some(span) = time.span.filter(|_| time.basis == model::TimeBasis::Text) else { return };
        let tree = provenance::Tree::new(s, text);
        let (Some(trig), Some(k)) = (tree.head_token_in(ev.trigger), tree.token_at(span)) else {
            return;
        };
        let own = std::iter::once(k)
            .chain(tree.ancestors(k))
            .take_while(|&v| v != trig)
            .all(|v| !tree.is_verbal(v) || v == k)
            && (k == trig || tree.ancestors(k).contains(&trig));
        if !own {
            ev.time = Some(timex::event_time(None, anchor));
            // A date that is not the irrealis event's own made it background no more than it
            // dates it ("would ask Congress to extend a deployment first ordered in May 2022").
            if ev.historical && ev.evidence.contains(&span) {
                ev.historical = false;
                ev.evidence.retain(|e| *e != span);
            }
        }
        return;
    }
    let quoted = quotes.iter().any(|q| q.span.contains(ev.trigger));
    if time.basis == model::TimeBasis::PublicationFallback
        && ev.modality == Asserted
        && !ev.historical
        && !quoted
        && STATEMENT_ROOTS.contains(&ev.root.as_str())
        && (0..s.tokens.len()).any(|i| s.tokens[i].span.overlaps(ev.trigger) && past_finite(s, i))
    {
        if let Some(d) = dateline.filter(|d| opens(text, d.span, s.span)) {
            ev.time = Some(timex::event_time(Some(d), anchor));
        }
    }
}

/// Dates counted from another event's day, for events with no date of their own:
/// - an event inside the clause or phrase of "a day after" / "two days before" is that many
///   days before (after) what the phrase hangs on: a day-dated event earlier in the sentence,
///   else a day the sentence names before the phrase ("denied on Thursday …, *a day after* he
///   warned ministers" → Wednesday), else ("The raids came four days after rebels killed …")
///   the last day-dated event told before;
/// - an event with "two days earlier" / "a week later" of its own is counted from the last
///   day-dated event told before it ("… had attacked a checkpoint two days earlier").
fn offset_dates(
    text: &str,
    sentences: &[AnalyzedSentence],
    day_timexes: &[(model::Span, i64)],
    events: &mut [Event],
) {
    let day_of = |e: &Event| -> Option<i64> {
        let t = e.time.as_ref()?;
        (t.basis == model::TimeBasis::Text && t.precision == model::DatePrecision::Day)
            .then(|| t.start.as_deref().and_then(model::days::iso_days))
            .flatten()
    };
    // "the next day" with no day on its own line to count from is an expression without a
    // value: undetermined, and counted here like an offset.
    let undetermined = |e: &Event| {
        !e.historical
            && e.time.as_ref().is_some_and(|t| {
                t.basis == model::TimeBasis::Text && t.start.is_none() && t.end.is_none()
            })
    };
    for i in 0..events.len() {
        if !awaits_a_date(&events[i]) && !undetermined(&events[i]) {
            continue;
        }
        let Some(s) = sentences.get(events[i].sentence as usize) else { continue };
        let tree = provenance::Tree::new(s, text);
        let Some(t) = tree.head_token_in(events[i].trigger) else { continue };
        let Some((first, word, days)) = counted_offset(&tree, t) else { continue };
        let phrase_start = tree.tok(first).span.start;
        // The reference: a day-dated event of the sentence before the phrase, else the last
        // one told before this event.
        let before_in_sentence = (0..events.len()).rev().find(|&j| {
            j != i
                && events[j].sentence == events[i].sentence
                && events[j].trigger.end <= phrase_start
                && day_of(&events[j]).is_some()
        });
        let earlier = || {
            (0..i).rev().find(|&j| {
                events[j].sentence < events[i].sentence
                    && day_of(&events[j]).is_some()
                    && !events[j].historical
            })
        };
        // A day named before the phrase in the sentence when no event there has one ("the
        // commander on Thursday denied …, a day after he warned").
        let named_day = || {
            day_timexes
                .iter()
                .rev()
                .find(|(sp, _)| s.span.contains(*sp) && sp.end <= phrase_start)
                .map(|x| x.1)
        };
        let base = match word {
            "after" | "before" => before_in_sentence
                .and_then(|j| day_of(&events[j]))
                .or_else(named_day)
                .or_else(|| earlier().and_then(|j| day_of(&events[j]))),
            _ => earlier().and_then(|j| day_of(&events[j])),
        };
        let Some(base) = base else { continue };
        let day = match word {
            "after" | "earlier" => base - days,
            _ => base + days,
        };
        let (y, m, d) = model::days::civil_from_days(day);
        let iso = format!("{y:04}-{m:02}-{d:02}");
        let span = tree.tok(first).span;
        events[i].time = Some(model::EventTime {
            start: Some(iso.clone()),
            end: Some(iso),
            precision: model::DatePrecision::Day,
            basis: model::TimeBasis::Text,
            span: Some(span),
        });
    }
}

/// An event of the story's own time (not background history) that no expression of its own
/// has dated yet: only the publication date stands for it, and later rules may date it.
fn awaits_a_date(e: &Event) -> bool {
    !e.historical
        && e.time.as_ref().is_none_or(|t| t.basis == model::TimeBasis::PublicationFallback)
}

/// "set off a bomb outside the office on Thursday night, *wounding* a guard", "ambushed a
/// patrol two days earlier, *killing* three": a present participle that hangs on a deed's
/// clause and has no time of its own happened when that deed did.
fn participle_times(sentences: &[AnalyzedSentence], events: &mut [Event]) {
    // "struck a market the next day, *killing* five": an undetermined expression the
    // participle only borrowed from its deed, which a later rule dated, is the deed's.
    let borrowed = |e: &Event| {
        e.time
            .as_ref()
            .filter(|t| t.basis == model::TimeBasis::Text && t.start.is_none() && t.span.is_some())
            .and_then(|t| t.span)
    };
    for i in 0..events.len() {
        let undetermined = borrowed(&events[i]);
        if !awaits_a_date(&events[i]) && undetermined.is_none() {
            continue;
        }
        let Some(s) = sentences.get(events[i].sentence as usize) else { continue };
        // A bare participle: none introduced by a preposition or a subordinator ("seized the
        // town after days *of fighting*" is not dated by the seizure).
        let participle = trigger_head(s, events[i].trigger).is_some_and(|h| {
            let t = &s.tokens[h];
            t.upos == "VERB"
                && t.form.to_lowercase().ends_with("ing")
                && matches!(t.deprel.as_str(), "advcl" | "xcomp" | "conj")
                && !s
                    .children(h as u32 + 1)
                    .any(|c| matches!(s.tokens[c].deprel.as_str(), "mark" | "case"))
        });
        if !participle {
            continue;
        }
        let governor = (0..events.len()).find(|&j| {
            j != i
                && events[j].sentence == events[i].sentence
                && events[j].trigger.end <= events[i].trigger.start
                && !events[j].historical
                && events[j]
                    .time
                    .as_ref()
                    .is_some_and(|t| t.basis != model::TimeBasis::PublicationFallback)
                && geo::clausal_dependent(s, events[j].trigger, events[i].trigger)
                && undetermined.is_none_or(|sp| {
                    events[j]
                        .time
                        .as_ref()
                        .and_then(|t| t.span)
                        .is_some_and(|g| g.start == sp.start)
                })
        });
        if let Some(j) = governor {
            events[i].time = events[j].time.clone();
        }
    }
}

/// "shelled the city *on Monday and Tuesday*": a deed dated by one of two days joined by "and"
/// took both; within one ISO week it is dated by that week.
fn coordinated_days(text: &str, timexes: &[timex::Timex], time: &mut model::EventTime) {
    if time.basis != model::TimeBasis::Text || time.precision != model::DatePrecision::Day {
        return;
    }
    let Some(sp) = time.span else { return };
    let day = |x: &timex::Timex| {
        let i = x.interval.as_ref().filter(|i| i.start == i.end)?;
        (x.granularity == timex::Granularity::Day)
            .then(|| model::days::iso_days(&i.start.to_string()))
            .flatten()
    };
    let Some(own) = timexes.iter().find(|x| x.span == sp).and_then(day) else { return };
    let joined = |a: model::Span, b: model::Span| {
        a.end <= b.start
            && text.get(a.end as usize..b.start as usize).is_some_and(|g| g.trim() == "and")
    };
    let Some(other) = timexes
        .iter()
        .filter(|x| x.span != sp && (joined(sp, x.span) || joined(x.span, sp)))
        .find_map(day)
    else {
        return;
    };
    let monday = |d: i64| d - (d + 3).rem_euclid(7);
    if monday(own) != monday(other) || own == other {
        return;
    }
    let iso = |d: i64| {
        let (y, m, dd) = model::days::civil_from_days(d);
        format!("{y:04}-{m:02}-{dd:02}")
    };
    time.start = Some(iso(own.min(other)));
    time.end = Some(iso(own.max(other)));
    time.precision = model::DatePrecision::Week;
}

/// "On the eve of Sunday's election", "on the eve of the May 3 summit": an undated event of a
/// sentence that says it happened on the eve of a day the text names is dated the day before.
fn eve_dates(
    text: &str,
    sentences: &[AnalyzedSentence],
    day_timexes: &[(model::Span, i64)],
    events: &mut [Event],
) {
    for ev in events.iter_mut() {
        if !awaits_a_date(ev) {
            continue;
        }
        let Some(s) = sentences.get(ev.sentence as usize) else { continue };
        let Some(body) = s.span.slice(text) else { continue };
        let lower = body.to_lowercase();
        let Some(at) = lower.find("the eve of ") else { continue };
        let eve = s.span.start as usize + at;
        let after = eve + "the eve of ".len();
        // The day named right after "of" (at most an article and a number between).
        let day = day_timexes.iter().find(|(sp, _)| {
            sp.start as usize >= after
                && text
                    .get(after..sp.start as usize)
                    .is_some_and(|g| g.split_whitespace().count() <= 1 && g.len() <= 4)
        });
        let Some((_, d)) = day else { continue };
        let (y, m, dd) = model::days::civil_from_days(d - 1);
        let iso = format!("{y:04}-{m:02}-{dd:02}");
        ev.time = Some(model::EventTime {
            start: Some(iso.clone()),
            end: Some(iso),
            precision: model::DatePrecision::Day,
            basis: model::TimeBasis::Text,
            span: Some(model::Span::new(eve, after)),
        });
    }
}

/// A counted offset that dates the event at token `t`: "two days after" / "a day before"
/// whose phrase holds `t`, or "two days earlier" / "a week later" on `t` itself. Returns the
/// offset's first token, its word ("after", "before", "earlier", "later") and its length in
/// days.
fn counted_offset<'a>(tree: &provenance::Tree<'a>, t: usize) -> Option<(usize, &'static str, i64)> {
    let number = |w: &str| -> Option<i64> {
        Some(match w {
            // "the day after", "the week before"
            "a" | "one" | "the" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            _ => w.parse::<i64>().ok().filter(|n| (1..=60).contains(n))?,
        })
    };
    let ancestors = tree.ancestors(t);
    (2..tree.len()).find_map(|k| {
        // "struck a market in Bahir Dar *the next day*", "*The following day*, rebels
        // attacked …", "had fled *the previous day*": a day counted from the deed told before,
        // when the expression found no day on its own line to count from. On the trigger only.
        if tree.form_lower(k) == "day" && tree.form_lower(k - 2) == "the" && tree.head(k) == Some(t)
        {
            let word = match tree.form_lower(k - 1).as_str() {
                "next" | "following" => "later",
                "previous" | "preceding" => "earlier",
                _ => return None,
            };
            return Some((k - 2, word, 1));
        }
        let word: &'static str = match tree.form_lower(k).as_str() {
            "after" => "after",
            "before" => "before",
            "earlier" => "earlier",
            "later" => "later",
            _ => return None,
        };
        // "had rallied in Jamshoro *earlier in the day*", "dispersed the crowd *later that
        // day*": the same day as the deed told before.
        let rest: Vec<String> =
            (k + 1..(k + 4).min(tree.len())).map(|x| tree.form_lower(x)).collect();
        let same_day = matches!(word, "earlier" | "later")
            && (rest.starts_with(&["in".into(), "the".into(), "day".into()])
                || rest.starts_with(&["that".into(), "day".into()]));
        if same_day {
            let day = if rest[0] == "in" { k + 3 } else { k + 2 };
            // Hung on the trigger or on a noun of its clause ("rallied in the town of Jamshoro
            // earlier in the day" with "earlier" under "town"), no other verb between.
            let ancestors = tree.ancestors(k);
            let within = ancestors.contains(&t)
                && ancestors.iter().take_while(|&&v| v != t).all(|&v| !tree.is_verbal(v));
            let own = k > t && (within || tree.head(day) == Some(t));
            return own.then_some((k, word, 0));
        }
        let unit = match tree.form_lower(k - 1).as_str() {
            "day" | "days" => 1,
            "week" | "weeks" => 7,
            _ => return None,
        };
        let n = number(&tree.form_lower(k - 2))?;
        let holds = match word {
            // The phrase "after …" holds the trigger: its head is the trigger or above it.
            // (Not across a verb of saying: "came a day after the military *said* the North
            // had fired missiles" dates the saying, not what was said.)
            "after" | "before" => {
                k < t
                    && tree.head(k).is_some_and(|h| h == t || ancestors.contains(&h))
                    && tree.head(k).is_some_and(|h| h > k)
                    && !tree.head(k).is_some_and(|h| {
                        let upto = ancestors.iter().position(|&a| a == h).map_or(0, |p| p + 1);
                        ancestors[..upto].iter().any(|&a| {
                            provenance::attribution::SPEECH.contains(&tree.lemma(a).as_str())
                        })
                    })
            }
            // "two days earlier" modifies the trigger's own clause.
            _ => k > t && tree.head(k).is_some_and(|h| h == t),
        };
        holds.then_some((k - 2, word, n * unit))
    })
}

/// A weekday that dates a deed told in the simple past is the one before the report, never the
/// next ("police fired live rounds … protesting against a delayed election … on Tuesday",
/// where the expression's own guess of tense pointed ahead).
fn past_weekday(
    text: &str,
    sentences: &[AnalyzedSentence],
    ev: &Event,
    published: Option<&str>,
    time: &mut model::EventTime,
) {
    let (Some(span), Some(start)) = (time.span, time.start.as_deref()) else { return };
    if time.basis != model::TimeBasis::Text {
        return;
    }
    if time.precision == model::DatePrecision::Month {
        past_month(text, sentences, ev, published, time);
        return;
    }
    if time.precision != model::DatePrecision::Day {
        return;
    }
    let (Some(day), Some(publ)) =
        (model::days::iso_days(start), published.and_then(model::days::iso_days))
    else {
        return;
    };
    let weekday = span
        .slice(text)
        .unwrap_or("")
        .split(|c: char| !c.is_alphabetic())
        .any(timex::names_a_weekday);
    let Some(s) = sentences.get(ev.sentence as usize) else { return };
    let past =
        (0..s.tokens.len()).any(|i| s.tokens[i].span.overlaps(ev.trigger) && past_finite(s, i));
    if !(weekday && past && day > publ) {
        return;
    }
    let back = day - 7 * ((day - publ + 6) / 7);
    let (y, m, d) = model::days::civil_from_days(back);
    let iso = format!("{y:04}-{m:02}-{d:02}");
    time.start = Some(iso.clone());
    time.end = Some(iso);
}

/// A bare month ("in May", no year) dating a deed told in the simple past is the last such
/// month before the report, never one to come.
fn past_month(
    text: &str,
    sentences: &[AnalyzedSentence],
    ev: &Event,
    published: Option<&str>,
    time: &mut model::EventTime,
) {
    let (Some(span), Some(start)) = (time.span, time.start.as_deref()) else { return };
    let (Some(day), Some(publ)) =
        (model::days::iso_days(start), published.and_then(model::days::iso_days))
    else {
        return;
    };
    // ("next month", "this month", "last month" are counted from the report, whatever the
    // tense: not a bare month.)
    let bare = span.slice(text).is_some_and(|w| {
        !w.chars().any(|c| c.is_ascii_digit())
            && !w.split_whitespace().any(|x| {
                ["year", "month", "next", "this", "last", "coming", "past", "previous"]
                    .iter()
                    .any(|d| x.eq_ignore_ascii_case(d))
            })
    });
    let Some(s) = sentences.get(ev.sentence as usize) else { return };
    let past =
        (0..s.tokens.len()).any(|i| s.tokens[i].span.overlaps(ev.trigger) && past_finite(s, i));
    if !(bare && past && day > publ) {
        return;
    }
    let shift = |iso: &str| -> Option<String> {
        let y: i64 = iso.get(..4)?.parse().ok()?;
        let shifted = format!("{:04}{}", y - 1, iso.get(4..)?);
        // The last day of a leap February, a year before.
        let leap = |y: i64| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        Some(if leap(y - 1) { shifted } else { shifted.replacen("-02-29", "-02-28", 1) })
    };
    time.start = time.start.as_deref().and_then(shift);
    time.end = time.end.as_deref().and_then(shift);
}

/// Whether token `i` is a verb in the simple past: tagged so, or a past participle the tagger
/// chose for a conjunct of a simple past verb with no auxiliary of its own ("laid a wreath and
/// called/VBN on Baghdad to …").
fn past_finite(s: &AnalyzedSentence, i: usize) -> bool {
    let t = &s.tokens[i];
    if t.xpos == "VBD" {
        return true;
    }
    let head = (t.head as usize).checked_sub(1);
    t.xpos == "VBN"
        && t.deprel == "conj"
        && head.is_some_and(|h| s.tokens[h].xpos == "VBD")
        && !s
            .tokens
            .iter()
            .any(|c| c.head as usize == i + 1 && c.deprel.split(':').next() == Some("aux"))
}

/// The time expressions that may date an event: those of its sentence's other clauses are
/// dropped when a different verb of saying governs them ("killed on Friday …, officials said on
/// Saturday": Saturday dates the saying, not the killing).
fn own_timexes(
    text: &str,
    sentences: &[AnalyzedSentence],
    ev: &Event,
    timexes: &[timex::Timex],
) -> Vec<timex::Timex> {
    let Some(s) = sentences.get(ev.sentence as usize) else { return timexes.to_vec() };
    let tree = provenance::Tree::new(s, text);
    let Some(t) = tree.head_token_in(ev.trigger) else { return timexes.to_vec() };
    // An event in a phrase or clause of an earlier time ("seized the town on Wednesday after
    // days of fighting", "gathered on Monday after police killed a student"): only an
    // expression inside that phrase or clause dates it.
    let other_time = other_time_phrase(&tree, t);
    timexes
        .iter()
        .filter(|x| {
            if !s.span.contains(x.span) {
                return true;
            }
            let Some(k) = tree.token_at(x.span) else { return true };
            if not_a_point(text, s.span, x, timexes) {
                return false;
            }
            // "ambushed a boat … on Sunday *and abducted* 23 people": an expression right
            // before "and" and the event ends the first of two coordinated deeds and dates
            // both, however the parser hung the first one.
            let joined = text
                .get(x.span.end as usize..ev.trigger.start as usize)
                .is_some_and(|g| matches!(g.trim(), "and" | ", and"));
            if joined && x.granularity == timex::Granularity::Day {
                return true;
            }
            if let Some((prep, p)) = other_time {
                if k <= prep || (k != p && k > t && !tree.ancestors(k).contains(&p)) {
                    return false;
                }
            }
            if dates_a_thing(&tree, x.span, t, x.granularity == timex::Granularity::Day) {
                return false;
            }
            // "summoned the envoy *on Tuesday* to protest against the shelling of Sake *on
            // Sunday*": one deed has one day, so of two days the parser hung on the same verb,
            // the one after a nominal event below that verb is the event's, and the one before
            // it is the verb's.
            let verb_of =
                |k: usize| std::iter::once(k).chain(tree.ancestors(k)).find(|&v| tree.is_verbal(v));
            if tree.tok(t).upos == "NOUN" && k < t && x.granularity == timex::Granularity::Day {
                let above = verb_of(k);
                let later_day = timexes.iter().any(|y| {
                    y.granularity == timex::Granularity::Day
                        && s.span.contains(y.span)
                        && y.interval != x.interval
                        && tree.token_at(y.span).is_some_and(|k2| {
                            k2 > t
                                && verb_of(k2) == above
                                && above.is_some_and(|v| tree.ancestors(t).contains(&v))
                        })
                });
                if later_day {
                    return false;
                }
            }
            // The first verb above the expression.
            let verb = std::iter::once(k).chain(tree.ancestors(k)).find(|&v| tree.is_verbal(v));
            match verb {
                Some(v) if v != t => {
                    let lemma = tree.lemma(v);
                    if provenance::attribution::SPEECH.contains(&lemma.as_str()) {
                        return in_fronted_report(&tree, v, k, t);
                    }
                    // A clause below the event ("the civil war, which ended in 2002, killed
                    // …"): its own time.
                    // Only a clause before the event: one after it often holds an expression
                    // the parser hung on its nearest verb ("fired on students marching to the
                    // palace on Tuesday").
                    // A clause of another time below the event ("has accused Moscow of
                    // trying to choke its exports *since Russia quit a deal last July*").
                    let other_time_clause = tree.rel(v) == "advcl"
                        && tree.ancestors(v).contains(&t)
                        && tree.children(v).any(|m| {
                            tree.rel(m) == "mark"
                                && matches!(
                                    tree.form_lower(m).as_str(),
                                    "since" | "after" | "before" | "until"
                                )
                        });
                    let clause_before = k < t
                        && tree.ancestors(v).contains(&t)
                        && matches!(tree.rel(v), "acl" | "ccomp" | "csubj");
                    // "accused militants *of assassinating* a commander *on Sunday*": the
                    // charge's "of"/"for" clause holds the charged deed's time, not the
                    // charge's.
                    let charged = v > t
                        && matches!(
                            tree.lemma(t).as_str(),
                            "accuse" | "blame" | "charge" | "suspect" | "convict"
                        )
                        && tree.ancestors(v).contains(&t)
                        && tree.children(v).any(|m| {
                            matches!(tree.rel(m), "mark" | "case")
                                && matches!(tree.form_lower(m).as_str(), "of" | "for")
                        });
                    // "agreed to set up a commission *and will sign* a deal next month": a
                    // verb below the event with a future or modal auxiliary the event lacks
                    // has its own time frame; its expression dates it alone.
                    let other_frame = tree.ancestors(v).contains(&t)
                        && modal_aux(&tree, v)
                        && !modal_aux(&tree, t);
                    // "freed 31 students *who had been abducted* … earlier this month": a
                    // past perfect relative clause on an argument tells an earlier deed, and
                    // its week, month or year dates that deed alone. (A day closing the clause
                    // is the news's own, as wire leads put it: "detained 12 students who had
                    // blocked the bridge … on Wednesday".)
                    let anterior = x.granularity != timex::Granularity::Day
                        && tree.full_rel(v) == "acl:relcl"
                        && tree.ancestors(v).contains(&t)
                        && past_perfect(&tree, v)
                        && !past_perfect(&tree, t);
                    !(other_time_clause
                        || anterior
                        || clause_before
                        || charged
                        || other_frame
                        || reported_elsewhere(&tree, v, t))
                }
                _ => true,
            }
        })
        .cloned()
        .collect()
}

/// Whether verb `v` is in the past perfect ("had been abducted", "had fled").
fn past_perfect(tree: &provenance::Tree<'_>, v: usize) -> bool {
    tree.children(v).any(|m| tree.rel(m) == "aux" && tree.form_lower(m) == "had")
}

/// Whether verb `v` carries a future or modal auxiliary ("will sign", "would march", "could
/// fall"), which moves it out of the time frame of a past or present verb above it.
fn modal_aux(tree: &provenance::Tree<'_>, v: usize) -> bool {
    tree.children(v).any(|m| {
        tree.rel(m) == "aux"
            && matches!(
                tree.form_lower(m).as_str(),
                "will" | "'ll" | "would" | "shall" | "could" | "may" | "might" | "must" | "can"
            )
    })
}

/// Whether verb `v` lies in what someone said and the event `t` does not: "The group said no
/// member had left the camp *this month* and urged the United Nations to protect the
/// residents" — the month dates the leaving, not the saying nor the urging beside it.
fn reported_elsewhere(tree: &provenance::Tree<'_>, v: usize, t: usize) -> bool {
    let mut child = v;
    for a in tree.ancestors(v) {
        // (A complement after its verb: a report fronted before "…, the governor said" is
        // one report, whatever the parser hung on the verb of saying.)
        if tree.rel(child) == "ccomp"
            && child > a
            && provenance::attribution::SPEECH.contains(&tree.lemma(a).as_str())
        {
            return child != t && !tree.ancestors(t).contains(&child);
        }
        child = a;
    }
    false
}

/// Whether an expression is one end of a range, which names no point the event happened at
/// ("deployed from 2003 to 2017", "in referendums held between 2018 and 2021"). (A start
/// alone, "has fought since 1984", and a list, "in the 1990s and 2000s", keep their first
/// date, as the gold set reads them.)
fn not_a_point(
    text: &str,
    sentence: model::Span,
    x: &timex::Timex,
    timexes: &[timex::Timex],
) -> bool {
    let opens_range = |a: &timex::Timex| {
        let before = text.get(sentence.start as usize..a.span.start as usize).unwrap_or("");
        let lead = before.trim_end();
        let lead = ["the", "The"].iter().find_map(|d| lead.strip_suffix(d)).unwrap_or(lead);
        let word = lead.split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty());
        word.is_some_and(|w| w.eq_ignore_ascii_case("from") || w.eq_ignore_ascii_case("between"))
    };
    let joined = |a: &timex::Timex, b: &timex::Timex| {
        let gap = text.get(a.span.end as usize..b.span.start as usize).unwrap_or("x");
        let gap = gap.trim().trim_end_matches("the").trim();
        a.span.end <= b.span.start
            && matches!(gap, "and" | "to" | "until" | "through" | "-" | "–")
            && opens_range(a)
    };
    timexes
        .iter()
        .any(|o| o.span != x.span && sentence.contains(o.span) && (joined(o, x) || joined(x, o)))
}

/// Whether the expression at `span` dates a thing named by a noun other than the event's
/// trigger `t`, and not the event: "a 2015 nuclear deal", "last Sunday's attack" as the object
/// of "withdrew from" or "suspected of taking part in". A noun that is the event's subject
/// keeps it ("last Sunday's attack killed 20 people").
fn dates_a_thing(tree: &provenance::Tree<'_>, span: model::Span, t: usize, day: bool) -> bool {
    let Some(k) = tree.head_token_in(span) else { return false };
    if !matches!(tree.full_rel(k), "nmod:poss" | "compound" | "amod" | "nummod") {
        return false;
    }
    let Some(h) = tree.head(k) else { return false };
    if h == t || tree.is_verbal(h) || !matches!(tree.tok(h).upos.as_str(), "NOUN" | "PROPN") {
        return false;
    }
    // A noun right under the event as its subject, or as the occasion it happened in or next
    // to ("were killed in Tuesday's attack"), keeps the date; as what was acted on or left ("withdrew
    // from a 2015 deal") or further down ("suspected of taking part in last Sunday's attack"),
    // not.
    let case = tree.child_with(h, &["case"]).map(|c| tree.form_lower(c));
    // A day's occasion the deed followed, however deep the parser hung it ("opened fire on
    // protesters *after Friday prayers*"); not a longer one ("before the January election").
    if day && matches!(case.as_deref(), Some("after" | "following")) {
        return false;
    }
    if tree.head(h) != Some(t) {
        return true;
    }
    match tree.rel(h) {
        "nsubj" => false,
        "obl" | "nmod" => !matches!(case.as_deref(), Some("in" | "during" | "at" | "since")),
        _ => true,
    }
}

/// Whether an expression the parser hung on a verb of saying `v` lies in the report fronted
/// before the speaker ("killed seven soldiers … late on Tuesday, the agency reported"): left
/// of the speaker's subject, past a comma, with the event `t` there too.
fn in_fronted_report(tree: &provenance::Tree<'_>, v: usize, k: usize, t: usize) -> bool {
    let Some(subj) = tree.child_with(v, &["nsubj"]) else { return false };
    // "…, on Sunday, one of the militia leaders said": a time phrase the parser took for the
    // speaker (it keeps its preposition) lies in the report before the speaker.
    if k == subj && t < k && tree.child_with(subj, &["case"]).is_some() {
        return true;
    }
    let first = tree.subtree(subj).into_iter().min().unwrap_or(subj);
    t < k && k < first && (k..first).any(|i| tree.form_lower(i) == ",")
}

/// Words that put a phrase or clause at an earlier time than the clause it modifies. ("Before"
/// is not one: "… stabbed a soldier on Wednesday before troops shot him" tells the sequel of
/// the same day.)
const OTHER_TIME: &[&str] = &["after", "following"];

/// For trigger token `t`: the word "after" or "following" that opens a phrase or clause
/// holding it, and the head of that phrase or clause. Read from the tree (the trigger or a
/// noun above it with such a `case` or `mark` word), or, when the parser did not join them
/// ("after days of/mark fighting/VERB"), from the words: the word before the trigger with only
/// nouns, adjectives, determiners, numbers and "of" between.
fn other_time_phrase(tree: &provenance::Tree<'_>, t: usize) -> Option<(usize, usize)> {
    let marked = |p: usize| {
        tree.children(p).find(|&c| {
            c < p
                && matches!(tree.rel(c), "case" | "mark")
                && OTHER_TIME.contains(&tree.form_lower(c).as_str())
        })
    };
    let mut cur = t;
    for _ in 0..tree.len() {
        if let Some(m) = marked(cur) {
            return Some((m, cur));
        }
        match tree.head(cur) {
            Some(h) if !tree.is_verbal(h) => cur = h,
            _ => break,
        }
    }
    let mut j = t;
    while j > 0 {
        j -= 1;
        let tok = tree.tok(j);
        let w = tree.form_lower(j);
        if OTHER_TIME.contains(&w.as_str()) {
            return matches!(tok.upos.as_str(), "ADP" | "SCONJ").then_some((j, t));
        }
        if !(matches!(tok.upos.as_str(), "NOUN" | "ADJ" | "DET" | "NUM") || w == "of") {
            return None;
        }
    }
    None
}

/// "Called a general strike", "called a ceasefire", "called an emergency meeting": *call* with
/// an act coded as a nominal event as its direct object declares or convenes that act. It is
/// neither an appeal (02) nor a telephone call (041); the nominal event, with the caller as its
/// source, stays alone. ("Called on X to", "called for" and "called X a …" have no such
/// object.)
fn drop_calls_of_events(
    s: &AnalyzedSentence,
    verbal: &mut Vec<coder::CodedEvent>,
    nominal: &[coder::CodedEvent],
) {
    verbal.retain(|v| {
        let Some(vi) = s.tokens.iter().position(|t| t.span == v.trigger) else { return true };
        if s.tokens[vi].lemma != "call" || !matches!(v.code.get(..2), Some("02" | "04" | "01")) {
            return true;
        }
        !nominal.iter().any(|n| verb_of_object(s, n.trigger) == Some(vi))
    });
}

/// Verbs of saying whose clause is what was said.
const SAYING_VERBS: &[&str] = &["say", "tell", "add", "state", "report", "write", "quote"];

/// A statement coded only by its verb's default (010, no pattern) that is aimed at no one, or
/// only at the press that carried it ("Police said …", "… a police officer said on Tuesday",
/// "told Reuters"), is the attribution of what it says when what it says is coded as an event
/// in the same sentence: the provenance stage keeps the speaker in that event's chain, and a
/// statement event beside it would count the one report twice. A statement whose content codes
/// nothing stays ("Erdogan said Turkey would not allow …"). The noun of the channel ("said in a
/// statement", "a police statement said") is no statement event either.
fn drop_bare_attributions(
    s: &AnalyzedSentence,
    verbal: &mut Vec<coder::CodedEvent>,
    nominal: &mut Vec<coder::CodedEvent>,
) {
    // (Most sentences have no statement at all: nothing to look at.)
    if !verbal.iter().chain(nominal.iter()).any(|e| e.code == "010") {
        return;
    }
    let index = |span: model::Span| s.tokens.iter().position(|t| t.span == span);
    let head = |k: usize| (s.tokens[k].head as usize).checked_sub(1);
    let saying = |k: usize| SAYING_VERBS.contains(&s.tokens[k].lemma.as_str());
    // Is the token at `t` inside what the verb at `v` says? Either `t` sits below a clausal
    // dependent of `v`, or `v` is a speaker's clause hung on `t`'s clause ("…, police said").
    let reports = |v: usize, t: usize| {
        let mut k = t;
        let mut below = None;
        for _ in 0..s.tokens.len() {
            if k == v {
                return below.is_some_and(|c: usize| {
                    matches!(
                        s.tokens[c].deprel.split(':').next(),
                        Some("ccomp" | "parataxis" | "xcomp")
                    )
                });
            }
            below = Some(k);
            match head(k) {
                Some(h) => k = h,
                None => break,
            }
        }
        if !matches!(s.tokens[v].deprel.split(':').next(), Some("parataxis" | "ccomp")) {
            return false;
        }
        let Some(host) = head(v) else { return false };
        // The host clause's verb is `t` or one of its ancestors.
        let mut k = t;
        for _ in 0..s.tokens.len() {
            if k == host {
                return true;
            }
            match head(k) {
                Some(h) => k = h,
                None => return false,
            }
        }
        false
    };
    let unaimed = |e: &coder::CodedEvent| {
        let c = e.target.code.trim_matches('-');
        c.is_empty() || c.ends_with("MED")
    };
    let triggers: Vec<(usize, model::Span)> = verbal
        .iter()
        .chain(nominal.iter())
        .filter(|e| e.code != "010")
        // (A nominal event with no actor yet may still be dropped: no content of its own.)
        .filter(|e| {
            !e.source.code.trim_matches('-').is_empty()
                || !e.target.code.trim_matches('-').is_empty()
        })
        .filter_map(|e| Some((index_in(s, e.trigger)?, e.trigger)))
        .collect();
    verbal.retain(|v| {
        if v.pattern.is_some() || v.code != "010" || !unaimed(v) {
            return true;
        }
        let Some(vi) = index(v.trigger) else { return true };
        !(saying(vi) && triggers.iter().any(|&(t, _)| t != vi && reports(vi, t)))
    });
    nominal.retain(|n| {
        if n.code != "010" {
            return true;
        }
        let Some(k) = index_in(s, n.trigger) else { return true };
        // (Its verb, or the word right after it when the parser hung the noun elsewhere:
        // "…, a police statement said"; or any verb it is the channel of: "claimed
        // responsibility in a statement", "said during a briefing".)
        let channel = s.tokens.iter().enumerate().any(|(c, t)| {
            head(c) == Some(k)
                && t.deprel == "case"
                && matches!(t.lemma.as_str(), "in" | "on" | "during" | "through" | "via")
        });
        !(channel || head(k).is_some_and(saying) || (k + 1 < s.tokens.len() && saying(k + 1)))
    });
}

/// The token that heads a trigger span (the last token it covers whose head lies outside it).
fn index_in(s: &AnalyzedSentence, trigger: model::Span) -> Option<usize> {
    let inside: Vec<usize> =
        (0..s.tokens.len()).filter(|&k| trigger.contains(s.tokens[k].span)).collect();
    inside
        .iter()
        .copied()
        .find(|&k| {
            let h = (s.tokens[k].head as usize).checked_sub(1);
            h.is_none_or(|h| !inside.contains(&h))
        })
        .or_else(|| inside.last().copied())
}

/// "Tear/rip through" is a verb of force only with the force itself as its subject ("An
/// explosion tore through a market": the blast's nominal event, which
/// `coder::nominal::fold_weapon_subjects` then folds into it); with people as its subject it
/// tells how they moved ("Protesters tore through the barricades", "the convoy ripped through
/// the town"), and what they did there is coded by its own verb.
fn drop_passages(
    s: &AnalyzedSentence,
    verbal: &mut Vec<coder::CodedEvent>,
    nominal: &[coder::CodedEvent],
) {
    verbal.retain(|v| {
        let Some(k) = s.tokens.iter().position(|t| {
            v.trigger.contains(t.span)
                && t.upos == "VERB"
                && (matches!(t.lemma.as_str(), "tear" | "rip")
                    || matches!(
                        t.form.to_ascii_lowercase().as_str(),
                        "tore" | "torn" | "tears" | "ripped" | "rips"
                    ))
        }) else {
            return true;
        };
        let through = v.trigger.end > s.tokens[k].span.end;
        let force = s.tokens.iter().any(|t| {
            t.deprel == "nsubj"
                && t.head as usize == k + 1
                && nominal.iter().any(|n| {
                    n.trigger.contains(t.span)
                        && matches!(n.code.get(..2), Some("18" | "19" | "20"))
                })
        });
        // (A doer the coder does not know as an actor, "Bombs tore through three churches",
        // is a force too.)
        !through || force || matches!(v.source.code.as_str(), "" | "---")
    });
}

/// Verbs that end or ease a state of affairs their object names.
const ENDING: &[&str] = &["end", "lift", "ease", "suspend", "cancel", "scrap", "revoke", "rescind"];

/// An event noun that is the object of a verb ending or easing it ("ended the siege of the
/// hospital", "lifted the sanctions on Iran", "suspended military aid") names a state that held
/// before: the verb's own event says what was done, and the noun is no new event.
fn drop_ended_states(s: &AnalyzedSentence, nominal: &mut Vec<coder::CodedEvent>) {
    let head_of = |t: &model::Token| (t.head as usize).checked_sub(1);
    nominal.retain(|n| {
        // ("called off the strike": *call* with its particle *off*.)
        let called_off = |v: usize| {
            s.tokens[v].lemma == "call"
                && s.tokens.iter().any(|t| {
                    t.deprel == "compound:prt"
                        && head_of(t) == Some(v)
                        && t.form.eq_ignore_ascii_case("off")
                })
        };
        let ended = verb_of_object(s, n.trigger).is_some_and(|v| {
            s.tokens[v].upos == "VERB"
                && (ENDING.contains(&s.tokens[v].lemma.as_str()) || called_off(v))
        });
        !ended
    });
}

/// The verb whose direct object a nominal event's trigger is: the trigger's head word is the
/// verb's `obj`, or a conjunct of it ("announced asset freezes and *bans*").
fn verb_of_object(s: &AnalyzedSentence, trigger: model::Span) -> Option<usize> {
    let head = |k: usize| (s.tokens[k].head as usize).checked_sub(1);
    s.tokens.iter().enumerate().filter(|(_, t)| trigger.contains(t.span)).find_map(|(k, t)| {
        let k = if t.deprel == "conj" { head(k)? } else { k };
        if s.tokens[k].deprel == "obj" {
            head(k)
        } else {
            None
        }
    })
}

/// A verb of planning coded only by its own default (03, no pattern) whose object is an
/// event noun coded in the same sentence ("said the group had planned a suicide attack on
/// Iraqi forces", "were preparing an offensive") names no deed of its own: the noun's event
/// carries it and the provenance stage marks it planned. Agreeing or promising is public and
/// stays an event ("agreed to postpone the demonstration"), as does a plan with a pattern.
fn drop_bare_plans(
    s: &AnalyzedSentence,
    verbal: &mut Vec<coder::CodedEvent>,
    nominal: &[coder::CodedEvent],
) {
    verbal.retain(|v| {
        let planning = || {
            s.tokens
                .iter()
                .find(|t| t.span == v.trigger)
                .is_some_and(|t| matches!(t.lemma.as_str(), "plan" | "plot" | "prepare"))
        };
        let deed_in_object = || {
            nominal
                .iter()
                .any(|n| n.code.get(..2) != Some("03") && v.target.span.contains(n.trigger))
        };
        !(v.pattern.is_none() && v.code == "030" && planning() && deed_in_object())
    });
}

/// A verb of announcing coded only as a statement (010, no pattern) whose object is an act
/// coded as a nominal event ("announced new sanctions against Iran", "declared a curfew",
/// "unveiled an aid package for flood victims") is that act, done by announcing it: the
/// statement is dropped and the nominal event (with the announcer as its source) stays.
fn drop_bare_announcements(
    s: &AnalyzedSentence,
    verbal: &mut Vec<coder::CodedEvent>,
    nominal: &[coder::CodedEvent],
) {
    let index = |span: model::Span| s.tokens.iter().position(|t| t.span == span);
    verbal.retain(|v| {
        if v.pattern.is_some() || v.code != "010" {
            return true;
        }
        let Some(vi) = index(v.trigger) else { return true };
        if !matches!(s.tokens[vi].lemma.as_str(), "announce" | "declare" | "unveil" | "proclaim") {
            return true;
        }
        let announced = nominal
            .iter()
            .filter(|n| !n.source.code.is_empty())
            .any(|n| verb_of_object(s, n.trigger) == Some(vi));
        !announced
    });
}

/// A nominal event without source or target ("the details of the suicide attack") takes the
/// missing arguments from the nearest earlier event whose trigger has the same head noun
/// ("who was to carry out the attack", "an attempted attack on the Iraqi security center");
/// one still without either argument is dropped.
fn inherit_nominal_arguments(
    sentences: &[AnalyzedSentence],
    found: &mut Vec<(usize, coder::CodedEvent)>,
) {
    let head_lemma = |si: usize, span: model::Span| -> String {
        sentences[si]
            .tokens
            .iter()
            .rev()
            .find(|t| t.span.overlaps(span))
            .map_or_else(String::new, |t| t.lemma.to_lowercase())
    };
    let lemmas: Vec<String> = found.iter().map(|(si, ce)| head_lemma(*si, ce.trigger)).collect();
    for i in 0..found.len() {
        if found[i].1.pattern.as_deref() != Some("nominal") {
            continue;
        }
        for j in (0..i).rev() {
            if lemmas[j] != lemmas[i] || lemmas[i].is_empty() {
                continue;
            }
            let (earlier_source, earlier_target) =
                (found[j].1.source.clone(), found[j].1.target.clone());
            let ev = &mut found[i].1;
            if ev.source.code.is_empty() && !earlier_source.code.is_empty() {
                ev.source = earlier_source;
            }
            if ev.target.code.is_empty() && !earlier_target.code.is_empty() {
                ev.target = earlier_target;
            }
        }
    }
    found.retain(|(_, ce)| {
        ce.pattern.as_deref() != Some("nominal")
            || !ce.source.code.is_empty()
            || !ce.target.code.is_empty()
    });
}

/// `2009-01-20T…` → `20090120`; a month or year alone counts from its first day.
fn date_key(iso: &str) -> String {
    let mut digits: String = iso.chars().take(10).filter(char::is_ascii_digit).collect();
    while digits.len() < 8 && digits.len() >= 4 {
        digits.push_str(if digits.len() == 7 { "1" } else { "01" });
    }
    digits
}

/// A coder event as a `model::Event`, with the CAMEO table's facts. Events whose code is not
/// in the table are dropped (the dictionaries are checked against it when they load).
fn to_event(article: &Article, s: &AnalyzedSentence, ce: coder::CodedEvent) -> Option<Event> {
    let info = coder::cameo::lookup(&ce.code)?;
    // The surface text from the article (the coder works on upper-cased words); a bare `---`
    // (no code found) becomes an empty code.
    // The words shown are the actor's own (`actor_text::tidy`); an uncoded "actor" that is only
    // a time phrase ("agreed on Thursday") is none.
    let actor = |a: &coder::code::CodedActor| {
        let code = if a.code.trim_matches('-').is_empty() { String::new() } else { a.code.clone() };
        let span = match actor_text::tidy(&article.text, s, a.span) {
            Some(span) => span,
            None if code.is_empty() => return None,
            None => a.span,
        };
        Some(model::ActorRef {
            code,
            text: span.slice(&article.text).map_or_else(|| a.text.clone(), str::to_string),
            span,
        })
    };
    let sources = if ce.source.code.is_empty() && ce.source.text.is_empty() {
        Vec::new()
    } else {
        actor(&ce.source).into_iter().collect()
    };
    let targets = if ce.target.code.is_empty() && ce.target.text.is_empty() {
        Vec::new()
    } else {
        actor(&ce.target).into_iter().collect()
    };
    let mut evidence = vec![ce.trigger];
    evidence.extend(ce.cues.iter().copied());
    Some(Event {
        article: article.id.clone(),
        sentence: s.index,
        trigger: ce.trigger,
        sources,
        targets,
        code: ce.code.clone(),
        root: info.root,
        base: info.base,
        goldstein: info.goldstein,
        quad_class: info.quad_class,
        plover_type: info.plover_type,
        plover_mode: info.plover_mode,
        modality: model::Modality::Asserted,
        negated: ce.negated,
        historical: false,
        attribution: model::Attribution::default(),
        disputed_by: Vec::new(),
        time: None,
        location: None,
        confidence: 1.0,
        evidence,
    })
}

#[cfg(test)]
mod tests {
    /// A city-precision location of country `cc` at the first occurrence of `w` in `text`.
    fn city_in(text: &str, w: &str, cc: &str) -> model::Location {
        let i = text.find(w).expect("word in text");
        model::Location {
            name: w.to_string(),
            gazetteer_id: None,
            admin1: None,
            country: Some(cc.to_string()),
            lat: None,
            lon: None,
            precision: model::GeoPrecision::City,
            span: Some(model::Span::new(i, i + w.len())),
        }
    }

    #[test]
    fn parties_that_may_be_the_same() {
        use super::same_party;
        assert!(same_party("MLIMIL", "MLIMIL"));
        assert!(same_party("---MIL", "MLIMIL"));
        assert!(same_party("ISR", "ISRMIL"));
        assert!(!same_party("ISR", "ISR"));
        assert!(!same_party("---MIL", "MLIREB"));
        assert!(!same_party("SYRMIL", "TURMIL"));
    }

    #[test]
    fn date_keys_for_the_coder() {
        assert_eq!(super::date_key("2009-01-20"), "20090120");
        assert_eq!(super::date_key("2009-01-20T10:00:00Z"), "20090120");
        assert_eq!(super::date_key("2009-01"), "20090101");
        assert_eq!(super::date_key("2009"), "20090101");
    }

    #[test]
    fn a_part_of_the_country_by_its_bearing_is_the_country() {
        use super::part_of_the_country;
        let words = |t: &str| -> Vec<String> {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        assert!(part_of_the_country(&words("in the country's north")));
        assert!(part_of_the_country(&words("in the nation's restive south-east on Monday")));
        assert!(part_of_the_country(&words("in an ambush in the country's interior")));
        assert!(part_of_the_country(&words("across the island's west")));
        // A province named after the bearing is finer; an adjective is no bearing.
        assert!(!part_of_the_country(&words("in the country's northern Cabo Delgado province")));
        assert!(!part_of_the_country(&words("in the country's north region")));
        // Told with "of" the bearing heads its phrase: gold 204 keeps "in two provinces in the
        // south of the country" unknown, and this rule does not read it.
        assert!(!part_of_the_country(&words("in two provinces in the south of the country")));
    }

    #[test]
    fn an_owner_before_an_unlisted_place_holds_it() {
        use super::owned_by;
        let text = "stormed a hospital in Port-au-Prince's Delmas district";
        let loc = |w: &str| city_in(text, w, "HT");
        assert!(owned_by(text, &loc("Port-au-Prince"), &loc("Delmas")));
        assert!(!owned_by(text, &loc("Delmas"), &loc("Port-au-Prince")));
        assert!(!owned_by(text, &loc("hospital"), &loc("Delmas")));
    }

    #[test]
    fn counted_offsets_hold_the_trigger_of_their_phrase_or_clause() {
        use super::counted_offset;
        // denied on Thursday , a day after he warned ministers
        let text = "denied on Thursday , a day after he warned ministers";
        let mut s = crate::test_support::sentence(text, &[]);
        let heads = [0, 3, 1, 1, 6, 9, 9, 9, 1, 9];
        for (t, h) in s.tokens.iter_mut().zip(heads) {
            t.head = h;
        }
        let tree = provenance::Tree::new(&s, text);
        assert_eq!(counted_offset(&tree, 8), Some((4, "after", 1)));
        assert_eq!(counted_offset(&tree, 0), None);
        // had attacked a checkpoint two days earlier
        let text = "had attacked a checkpoint two days earlier";
        let mut s = crate::test_support::sentence(text, &[]);
        let heads = [2, 0, 4, 2, 6, 7, 2];
        for (t, h) in s.tokens.iter_mut().zip(heads) {
            t.head = h;
        }
        let tree = provenance::Tree::new(&s, text);
        assert_eq!(counted_offset(&tree, 1), Some((4, "earlier", 2)));
        assert_eq!(counted_offset(&tree, 3), None);
        // struck a market the next day ; fled the previous day ; the next day nobody knew
        let text = "struck a market the next day";
        let mut s = crate::test_support::sentence(text, &[]);
        let heads = [0, 3, 1, 6, 6, 1];
        for (t, h) in s.tokens.iter_mut().zip(heads) {
            t.head = h;
        }
        let tree = provenance::Tree::new(&s, text);
        assert_eq!(counted_offset(&tree, 0), Some((3, "later", 1)));
        let text = "had fled the previous day";
        let mut s = crate::test_support::sentence(text, &[]);
        let heads = [2, 0, 5, 5, 2];
        for (t, h) in s.tokens.iter_mut().zip(heads) {
            t.head = h;
        }
        let tree = provenance::Tree::new(&s, text);
        assert_eq!(counted_offset(&tree, 1), Some((2, "earlier", 1)));
        // On another word than the trigger it dates nothing of the trigger's.
        let text = "said the attack the next day";
        let mut s = crate::test_support::sentence(text, &[]);
        let heads = [0, 3, 1, 6, 6, 3];
        for (t, h) in s.tokens.iter_mut().zip(heads) {
            t.head = h;
        }
        let tree = provenance::Tree::new(&s, text);
        assert_eq!(counted_offset(&tree, 0), None);
        // came a day after military said North fired missiles: the offset dates the saying
        let text = "came a day after military said North fired missiles";
        let mut s = crate::test_support::sentence(text, &[]);
        let heads = [0, 3, 1, 6, 6, 1, 8, 6, 8];
        for (t, h) in s.tokens.iter_mut().zip(heads) {
            t.head = h;
        }
        s.tokens[5].lemma = "say".into();
        let tree = provenance::Tree::new(&s, text);
        assert_eq!(counted_offset(&tree, 5), Some((1, "after", 1)));
        assert_eq!(counted_offset(&tree, 7), None);
        // came the day after militants set fire
        let text = "came the day after militants set fire";
        let mut s = crate::test_support::sentence(text, &[]);
        let heads = [0, 3, 1, 6, 6, 1, 6];
        for (t, h) in s.tokens.iter_mut().zip(heads) {
            t.head = h;
        }
        let tree = provenance::Tree::new(&s, text);
        assert_eq!(counted_offset(&tree, 5), Some((1, "after", 1)));
    }

    #[test]
    fn a_time_phrase_parsed_as_the_trailing_speaker_lies_in_the_report() {
        use super::in_fronted_report;
        // killed women , on Sunday , one of leaders said
        let text = "killed women , on Sunday , one of leaders said";
        let mut s = crate::test_support::sentence(text, &[]);
        let heads = [10, 1, 5, 5, 10, 7, 5, 9, 7, 0];
        let rels =
            ["ccomp", "obj", "punct", "case", "nsubj", "punct", "nmod", "case", "nmod", "root"];
        for ((t, h), r) in s.tokens.iter_mut().zip(heads).zip(rels) {
            t.head = h;
            t.deprel = r.to_string();
        }
        let tree = provenance::Tree::new(&s, text);
        // "Sunday" (4) under "said" (9) dates "killed" (0).
        assert!(in_fronted_report(&tree, 9, 4, 0));
        // Without its preposition it would be the speaker itself.
        s.tokens[3].deprel = "det".to_string();
        let tree = provenance::Tree::new(&s, text);
        assert!(!in_fronted_report(&tree, 9, 4, 0));
    }

    #[test]
    fn a_district_named_as_part_of_a_known_city_is_finer() {
        use super::part_of;
        let text = "fired tear gas in the Ratoma district of Conakry and near Kaloum in Conakry";
        let loc = |w: &str| city_in(text, w, "GN");
        assert!(part_of(text, &loc("Ratoma"), &loc("Conakry")));
        assert!(!part_of(text, &loc("Conakry"), &loc("Ratoma")));
        // "near Kaloum in Conakry": no word of a part.
        let kaloum = loc("Kaloum");
        let mut conakry = loc("Conakry");
        let i = text.rfind("Conakry").unwrap();
        conakry.span = Some(model::Span::new(i, i + 7));
        assert!(!part_of(text, &kaloum, &conakry));
    }

    #[test]
    fn a_district_of_the_city_is_part_of_the_city_taken_up() {
        use super::part_of;
        let text = "Gunmen struck Tripoli. Troops raided the Bab Zeid quarter of the city and \
            the Hamra district of the capital, then Ras Beirut in the city.";
        let loc = |w: &str| city_in(text, w, "LB");
        assert!(part_of(text, &loc("Bab Zeid"), &loc("Tripoli")));
        assert!(part_of(text, &loc("Hamra"), &loc("Tripoli")));
        // "in the city" says where it lies but names no part.
        assert!(!part_of(text, &loc("Ras Beirut"), &loc("Tripoli")));
    }
}
