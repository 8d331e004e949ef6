//! The in-memory store for tests: the same semantics as SQLite, nothing durable.

use crate::{
    compute_clusters, Batch, ClusterStats, Committed, DocIn, DocRecord, EventRow, Filter, Result,
    Store,
};
use model::EventCluster;
use std::collections::HashMap;

/// Everything in vectors; "durable" means "until dropped".
#[derive(Debug, Default)]
pub struct MemStore {
    docs: Vec<(DocRecord, Option<usize>, bool)>,
    by_hash: HashMap<String, usize>,
    checkpoints: HashMap<String, u64>,
    reprint_of: HashMap<usize, usize>,
    /// Per (document, event index): cluster index.
    event_cluster: HashMap<(usize, usize), usize>,
    clusters: Vec<EventCluster>,
}

impl MemStore {
    pub fn new() -> Self {
        Self::default()
    }
}

impl Store for MemStore {
    fn has_document(&self, key: &str) -> Result<bool> {
        Ok(self.by_hash.contains_key(key))
    }

    fn checkpoint(&self, input: &str) -> Result<u64> {
        Ok(self.checkpoints.get(input).copied().unwrap_or(0))
    }

    fn commit(&mut self, batch: &Batch) -> Result<Committed> {
        let mut out = Committed::default();
        for d in &batch.docs {
            if self.by_hash.contains_key(&d.key) {
                out.known += 1;
                continue;
            }
            let previous = d.url.as_ref().and_then(|u| {
                self.docs.iter().rposition(|(x, _, latest)| *latest && x.url.as_ref() == Some(u))
            });
            if let Some(p) = previous {
                self.docs[p].2 = false;
                out.new_versions += 1;
            }
            self.by_hash.insert(d.key.clone(), self.docs.len());
            self.docs.push((d.clone(), previous, true));
            out.added += 1;
            out.events += d.events.len() as u64;
        }
        for (input, pos) in &batch.checkpoints {
            let e = self.checkpoints.entry(input.clone()).or_default();
            *e = (*e).max(*pos);
        }
        Ok(out)
    }

    fn recluster(&mut self, opts: &cluster::Options) -> Result<ClusterStats> {
        let live: Vec<usize> = (0..self.docs.len()).filter(|&i| self.docs[i].2).collect();
        let docs: Vec<DocIn> = live
            .iter()
            .map(|&i| {
                let d = &self.docs[i].0;
                DocIn {
                    hash: d.hash.clone(),
                    outlet: d.article.outlet.clone(),
                    published: d.article.published.as_ref().map(|p| p.value.clone()),
                    sketch: d.sketch.clone(),
                }
            })
            .collect();
        let mut keys = Vec::new();
        let mut events = Vec::new();
        for (k, &i) in live.iter().enumerate() {
            let d = &self.docs[i].0;
            for (j, e) in d.events.iter().enumerate() {
                keys.push((i, j));
                events.push((k, e.clone(), d.figures.get(j).cloned().unwrap_or_default()));
            }
        }
        let out = compute_clusters(&docs, &events, opts);
        self.reprint_of = out
            .reprint_of
            .iter()
            .enumerate()
            .filter_map(|(k, r)| Some((live[k], live[(*r)?])))
            .collect();
        self.event_cluster =
            keys.iter().zip(&out.event_cluster).map(|(k, c)| (*k, *c as usize)).collect();
        self.clusters = out.clusters;
        Ok(ClusterStats {
            documents: docs.len() as u64,
            reprints: self.reprint_of.len() as u64,
            stories: out.story.iter().map(|&s| s as u64 + 1).max().unwrap_or(0),
            events: events.len() as u64,
            clusters: self.clusters.len() as u64,
        })
    }

    fn events(&self, filter: &Filter) -> Result<Vec<EventRow>> {
        let mut out = Vec::new();
        for (i, (d, _, latest)) in self.docs.iter().enumerate() {
            let a = &d.article;
            for (j, e) in d.events.iter().enumerate() {
                let cluster = self.event_cluster.get(&(i, j)).copied();
                let c = cluster.and_then(|k| self.clusters.get(k));
                let articles = c.map_or(1, |c| {
                    c.versions
                        .iter()
                        .map(|v| (&v.article, &v.outlet))
                        .collect::<std::collections::BTreeSet<_>>()
                        .len()
                });
                let row = EventRow {
                    document: i as i64 + 1,
                    url: d.url.clone(),
                    outlet: a.outlet.clone(),
                    title: a.title.clone(),
                    published: a.published.clone(),
                    latest: *latest,
                    reprint_of_url: self
                        .reprint_of
                        .get(&i)
                        .and_then(|&o| self.docs[o].0.url.clone()),
                    sentence_text: a
                        .paragraphs
                        .iter()
                        .find(|p| p.start <= e.trigger.start && e.trigger.end <= p.end)
                        .and_then(|p| p.slice(&a.text))
                        .unwrap_or("")
                        .to_string(),
                    trigger_text: e.trigger.slice(&a.text).unwrap_or("").to_string(),
                    lead: a.paragraphs.first().is_none_or(|p| e.trigger.start < p.end),
                    cluster: cluster.map(|k| k as i64 + 1),
                    num_mentions: c.map_or(1, |c| c.versions.len() as u32),
                    num_sources: c.map_or(1, |c| c.independent_sources),
                    num_articles: articles as u32,
                    figures: d.figures.get(j).cloned().unwrap_or_default(),
                    event: e.clone(),
                };
                if filter.limit == Some(0) {
                    return Ok(out);
                }
                if filter.matches(&row) {
                    out.push(row);
                    if filter.limit.is_some_and(|l| out.len() >= l) {
                        return Ok(out);
                    }
                }
            }
        }
        Ok(out)
    }

    fn cluster(&self, id: i64) -> Result<Option<EventCluster>> {
        Ok(usize::try_from(id - 1).ok().and_then(|k| self.clusters.get(k)).cloned())
    }

    fn counts(&self) -> Result<(u64, u64, u64)> {
        let events = self.docs.iter().map(|d| d.0.events.len() as u64).sum();
        Ok((self.docs.len() as u64, events, self.clusters.len() as u64))
    }
}
