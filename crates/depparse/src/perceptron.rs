//! Averaged perceptron over hashed features: a sparse trainer and a compact frozen model.
//!
//! Training keeps, per feature, a short list of (class, weight, running total, timestamp)
//! entries, so only classes a feature was ever updated for cost memory. Freezing averages the
//! weights, drops entries that quantise to below `min_q`, and stores the rest as `i16` with one
//! scale, in CSR form (sorted keys, per-key entry counts, classes, weights). Scoring at run time
//! is an open-addressing probe per feature and a few integer additions.

use crate::format::{ModelError, Reader, Writer};
use crate::hash::U64Map;

#[derive(Debug, Clone, Copy)]
struct Entry {
    class: u16,
    w: f32,
    total: f64,
    stamp: u64,
}

/// The training-time model.
#[derive(Debug)]
pub struct Trainer {
    nclasses: usize,
    index: U64Map<u32>,
    rows: Vec<Vec<Entry>>,
    /// Number of instances seen (the averaging clock).
    time: u64,
}

impl Trainer {
    pub fn new(nclasses: usize) -> Trainer {
        Trainer { nclasses, index: U64Map::default(), rows: Vec::new(), time: 0 }
    }

    pub fn nclasses(&self) -> usize {
        self.nclasses
    }

    /// Adds the current weights of `feats` into `scores` (length `nclasses`, not cleared).
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        // Look every feature up first so the cache misses of independent probes overlap.
        for chunk in feats.chunks(BATCH) {
            let mut rows: [&[Entry]; BATCH] = [&[]; BATCH];
            for (f, r) in chunk.iter().zip(rows.iter_mut()) {
                if let Some(&i) = self.index.get(f) {
                    *r = &self.rows[i as usize];
                }
            }
            for row in &rows[..chunk.len()] {
                for e in *row {
                    if let Some(s) = scores.get_mut(e.class as usize) {
                        *s += e.w;
                    }
                }
            }
        }
    }

    /// Advances the averaging clock by one instance.
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// Standard perceptron update: +1 for `good`, -1 for `bad` on every feature.
    pub fn update(&mut self, feats: &[u64], good: usize, bad: usize) {
        if good == bad {
            return;
        }
        for &f in feats {
            self.add(f, good as u16, 1.0);
            self.add(f, bad as u16, -1.0);
        }
    }

    /// Adds `delta` to the weight of `class` on every feature (global, sequence-level updates).
    pub fn adjust(&mut self, feats: &[u64], class: usize, delta: f32) {
        for &f in feats {
            self.add(f, class as u16, delta);
        }
    }

    fn add(&mut self, f: u64, class: u16, delta: f32) {
        let next = self.rows.len() as u32;
        let r = *self.index.entry(f).or_insert(next);
        if r == next {
            self.rows.push(Vec::with_capacity(2));
        }
        let now = self.time;
        let row = &mut self.rows[r as usize];
        if let Some(e) = row.iter_mut().find(|e| e.class == class) {
            e.total += e.w as f64 * (now - e.stamp) as f64;
            e.stamp = now;
            e.w += delta;
        } else {
            row.push(Entry { class, w: delta, total: 0.0, stamp: now });
        }
    }

    /// Number of (feature, class) weights held.
    pub fn entries(&self) -> usize {
        self.rows.iter().map(Vec::len).sum()
    }

    /// Averages, quantises to `i16` and prunes entries whose quantised magnitude is below
    /// `min_q`. Deterministic: output is sorted by key.
    pub fn freeze(&self, min_q: i16) -> Weights {
        let now = self.time.max(1);
        let mut avg: Vec<(u64, Vec<(u16, f32)>)> = Vec::with_capacity(self.index.len());
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        for (k, r) in keys {
            let mut row: Vec<(u16, f32)> = self.rows[r as usize]
                .iter()
                .map(|e| {
                    let total = e.total + e.w as f64 * (now - e.stamp) as f64;
                    (e.class, (total / now as f64) as f32)
                })
                .filter(|(_, w)| *w != 0.0)
                .collect();
            row.sort_unstable_by_key(|e| e.0);
            avg.push((k, row));
        }
        Weights::quantise(self.nclasses, avg, min_q)
    }
}

impl Weights {
    /// Quantises rows of real weights (sorted by key) to `i16` with one scale for the model
    /// and drops entries whose quantised magnitude is below `min_q`.
    fn quantise(nclasses: usize, avg: Vec<(u64, Vec<(u16, f32)>)>, min_q: i16) -> Weights {
        let mut mags: Vec<f32> =
            avg.iter().flat_map(|(_, r)| r.iter().map(|e| e.1.abs())).collect();
        // One scale for the model: the 99.99th percentile magnitude maps to 30000; the rare
        // larger weights saturate.
        let scale = if mags.is_empty() {
            1.0
        } else {
            let k = ((mags.len() - 1) as f64 * 0.9999) as usize;
            let (_, p, _) = mags.select_nth_unstable_by(k, |a, b| a.total_cmp(b));
            (*p / 30000.0).max(f32::MIN_POSITIVE)
        };
        let mut w = Weights { nclasses: nclasses as u16, scale, ..Weights::default() };
        for (k, row) in avg {
            let mut n = 0u16;
            for (c, x) in row {
                let q = (x / scale).round().clamp(-32767.0, 32767.0) as i16;
                if q.unsigned_abs() >= min_q.max(1) as u16 {
                    w.classes.push(c);
                    w.weights.push(q);
                    n += 1;
                }
            }
            if n > 0 {
                w.keys.push(k);
                w.counts.push(n);
            }
        }
        w.build_index();
        w
    }

    /// The sum of several models over the same classes (a linear ensemble in one model),
    /// requantised and pruned at `min_q`. `None` when the class counts differ.
    pub fn sum(parts: &[&Weights], min_q: i16) -> Option<Weights> {
        let nclasses = parts.first()?.nclasses;
        if parts.iter().any(|p| p.nclasses != nclasses) {
            return None;
        }
        let mut rows: std::collections::BTreeMap<u64, Vec<(u16, f32)>> = Default::default();
        for p in parts {
            let mut at = 0usize;
            for (&k, &c) in p.keys.iter().zip(&p.counts) {
                let row = rows.entry(k).or_default();
                for i in at..at + c as usize {
                    let x = p.weights[i] as f32 * p.scale;
                    match row.iter_mut().find(|e| e.0 == p.classes[i]) {
                        Some(e) => e.1 += x,
                        None => row.push((p.classes[i], x)),
                    }
                }
                at += c as usize;
            }
        }
        let avg = rows
            .into_iter()
            .map(|(k, mut r)| {
                r.retain(|e| e.1 != 0.0);
                r.sort_unstable_by_key(|e| e.0);
                (k, r)
            })
            .collect();
        Some(Weights::quantise(nclasses as usize, avg, min_q))
    }
}

/// A frozen, quantised model.
#[derive(Debug, Default, Clone)]
pub struct Weights {
    nclasses: u16,
    scale: f32,
    keys: Vec<u64>,
    counts: Vec<u16>,
    classes: Vec<u16>,
    weights: Vec<i16>,
    // Derived at load time: an open-addressing table whose slots hold a fingerprint of the key
    // and either a short row itself or its range among the entries packed as (class, weight)
    // (or dense rows), so one feature costs one or two cache lines.
    slots: Vec<Slot>,
    packed: Vec<(u16, i16)>,
    dense: Vec<i16>,
    /// Models of exactly 4 classes keep the weights inside the slot: one cache line per
    /// feature. An all-zero row marks an empty slot (such rows are never stored).
    inline: Vec<(u64, [i16; 4])>,
    /// Models of at most 3 classes (the parser's transitions) pack a slot into 8 bytes: a
    /// 16-bit fingerprint of the key (its top bits; the slot comes from the low bits) and the
    /// weights, so the table is a quarter of a keyed one and mostly stays in cache. A probe
    /// for an absent feature matches a stored one with probability about 2^-16 per slot
    /// looked at (the same kind of noise as a hash collision). All-zero weights mark an
    /// empty slot.
    compact: Vec<u64>,
    mask: usize,
}

/// The 16-bit fingerprint of a (well-mixed) feature key in a compact table.
#[inline]
fn fingerprint(k: u64) -> u64 {
    k >> 48
}

/// Flips the sign bit of each 16-bit lane: a signed weight `v` becomes `v + 2^15`.
const FLIP: u64 = 0x8000_8000_8000_8000;
/// Lanes 0 and 2 (of four 16-bit lanes), each widened to 32 bits.
const LANES: u64 = 0x0000_ffff_0000_ffff;

/// `Slot::count` of a dense row (`a` is then the row number in `dense`).
const DENSE: u32 = u32::MAX;

/// Rows of at most this many entries live inside their slot: one cache line per feature.
const INLINE: u32 = 2;

/// A slot of the multi-class table: the key's 32-bit fingerprint (its top bits; the slot
/// comes from the low bits, so a false match needs both to clash: about 2^-32 per probe),
/// the entry count (0: empty), and either up to [`INLINE`] (class, weight) entries packed as
/// `class | weight << 16` in `a` and `b`, or in `a` the start of the row in `packed` (or its
/// number in `dense`).
#[derive(Debug, Default, Clone, Copy)]
struct Slot {
    fp: u32,
    count: u32,
    a: u32,
    b: u32,
}

#[inline]
fn add_entry(scores: &mut [i32], e: u32) {
    if let Some(s) = scores.get_mut((e & 0xffff) as usize) {
        *s += (e >> 16) as u16 as i16 as i32;
    }
}

/// Features probed per batch; the loads of one batch are independent so their cache misses
/// overlap.
const BATCH: usize = 32;

impl Weights {
    fn build_index(&mut self) {
        if self.nclasses <= 3 {
            let cap = (self.keys.len() * 2 + 1).next_power_of_two().max(16);
            self.mask = cap - 1;
            self.compact = vec![0; cap];
            let mut at = 0usize;
            for (&k, &c) in self.keys.iter().zip(&self.counts) {
                let mut w = [0i16; 3];
                for i in at..at + c as usize {
                    w[(self.classes[i] as usize).min(2)] = self.weights[i];
                }
                at += c as usize;
                if w == [0; 3] {
                    continue;
                }
                let row = fingerprint(k)
                    | (w[0] as u16 as u64) << 16
                    | (w[1] as u16 as u64) << 32
                    | (w[2] as u16 as u64) << 48;
                let mut slot = k as usize & self.mask;
                while self.compact[slot] >> 16 != 0 {
                    slot = (slot + 1) & self.mask;
                }
                self.compact[slot] = row;
            }
            return;
        }
        if self.nclasses == 4 {
            let cap = ((self.keys.len() * 3) / 2 + 1).next_power_of_two().max(16);
            self.mask = cap - 1;
            self.inline = vec![(0, [0; 4]); cap];
            let mut at = 0usize;
            for (&k, &c) in self.keys.iter().zip(&self.counts) {
                let mut row = [0i16; 4];
                for i in at..at + c as usize {
                    row[self.classes[i] as usize & 3] = self.weights[i];
                }
                at += c as usize;
                if row == [0; 4] {
                    continue;
                }
                let mut slot = k as usize & self.mask;
                while self.inline[slot].1 != [0; 4] {
                    slot = (slot + 1) & self.mask;
                }
                self.inline[slot] = (k, row);
            }
            return;
        }
        // Rows holding weights for at least a third of the classes are stored dense so the
        // inner loop vectorises; the rest stay sparse (class, weight) pairs.
        let nc = self.nclasses as usize;
        let mut packed = Vec::new();
        let mut dense = Vec::new();
        let cap = ((self.keys.len() * 3) / 2 + 1).next_power_of_two().max(16);
        self.mask = cap - 1;
        self.slots = vec![Slot::default(); cap];
        let mut at = 0usize;
        for (&k, &c) in self.keys.iter().zip(&self.counts) {
            let c = c as usize;
            let (cl, wt) = (&self.classes[at..at + c], &self.weights[at..at + c]);
            at += c;
            let slot_val = if c * 3 >= nc && nc >= 8 {
                let start = dense.len();
                dense.resize(start + nc, 0i16);
                for (&class, &w) in cl.iter().zip(wt) {
                    dense[start + class as usize] = w;
                }
                Slot { fp: (k >> 32) as u32, count: DENSE, a: (start / nc) as u32, b: 0 }
            } else if c as u32 <= INLINE {
                let e = |i: usize| cl.get(i).map_or(0, |&c| c as u32 | (wt[i] as u16 as u32) << 16);
                Slot { fp: (k >> 32) as u32, count: c as u32, a: e(0), b: e(1) }
            } else {
                let start = packed.len();
                packed.extend(cl.iter().copied().zip(wt.iter().copied()));
                Slot { fp: (k >> 32) as u32, count: c as u32, a: start as u32, b: 0 }
            };
            let mut slot = k as usize & self.mask;
            while self.slots[slot].count != 0 {
                slot = (slot + 1) & self.mask;
            }
            self.slots[slot] = slot_val;
        }
        self.packed = packed;
        self.dense = dense;
    }

    pub fn nclasses(&self) -> usize {
        self.nclasses as usize
    }

    /// Number of features and of (feature, class) weights kept.
    pub fn size(&self) -> (usize, usize) {
        (self.keys.len(), self.weights.len())
    }

    /// Reads the home slot of every feature of `feats` and returns a value folded from them,
    /// which the caller passes to [`std::hint::black_box`]. The loads are independent, so
    /// their cache misses overlap: touching the features of several [`Weights::score`] calls
    /// at once, before making them, lets those calls find their slots in cache instead of
    /// waiting for memory one call after another. Changes nothing but timing.
    #[inline]
    pub fn touch(&self, feats: &[u64]) -> u64 {
        let mut acc = 0u64;
        if !self.compact.is_empty() {
            let table = &self.compact[..=self.mask];
            let mask = table.len() - 1;
            for &f in feats {
                acc ^= table[f as usize & mask];
            }
        } else if !self.inline.is_empty() {
            let table = &self.inline[..=self.mask];
            let mask = table.len() - 1;
            for &f in feats {
                acc ^= table[f as usize & mask].0;
            }
        } else if !self.slots.is_empty() {
            let table = &self.slots[..=self.mask];
            let mask = table.len() - 1;
            for &f in feats {
                acc ^= table[f as usize & mask].fp as u64;
            }
        }
        acc
    }

    /// Adds the weights of `feats` into `scores` (length `nclasses`, not cleared).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        if self.slots.is_empty() && self.inline.is_empty() && self.compact.is_empty() {
            return; // an empty model that was never indexed
        }
        if !self.compact.is_empty() {
            // The table and its mask as one slice whose length the compiler can see, so
            // indexing by a masked hash needs no bounds check.
            let table = &self.compact[..=self.mask];
            let mask = table.len() - 1;
            // Lane 0 sums the fingerprints (unused); lanes 1..=3 the class weights.
            let mut total = [0i32; 4];
            for chunk in feats.chunks(BATCH) {
                let mut first = [0u64; BATCH];
                for (f, s) in chunk.iter().zip(first.iter_mut()) {
                    *s = table[*f as usize & mask];
                }
                let (mut even, mut odd) = (0u64, 0u64);
                for (&f, &s) in chunk.iter().zip(&first) {
                    let fp = fingerprint(f);
                    let mut s = s;
                    if s & 0xffff != fp && s >> 16 != 0 {
                        // The home slot holds another feature: walk on to this one or a gap.
                        let mut slot = f as usize & mask;
                        loop {
                            slot = (slot + 1) & mask;
                            s = table[slot];
                            if s & 0xffff == fp || s >> 16 == 0 {
                                break;
                            }
                        }
                    }
                    // Without a branch: an absent feature adds a zero row.
                    let row = s & u64::from(s & 0xffff == fp).wrapping_neg();
                    // The four 16-bit lanes in offset binary (v + 2^15), summed two by two
                    // in 32-bit lanes: no lane can carry into the next within a batch.
                    let x = row ^ FLIP;
                    even += x & LANES;
                    odd += (x >> 16) & LANES;
                }
                // Back to signed sums: each feature added 2^15 to every lane.
                let bias = chunk.len() as i64 * 0x8000;
                let lane = |v: u64| (v & 0xffff_ffff) as i64 - bias;
                total[1] += lane(odd) as i32;
                total[2] += lane(even >> 32) as i32;
                total[3] += lane(odd >> 32) as i32;
            }
            for (s, t) in scores.iter_mut().zip(&total[1..]) {
                *s += t;
            }
            return;
        }
        if !self.inline.is_empty() {
            let mut total = [0i32; 4];
            for chunk in feats.chunks(BATCH) {
                let mut first = [(0u64, [0i16; 4]); BATCH];
                for (f, s) in chunk.iter().zip(first.iter_mut()) {
                    *s = self.inline[*f as usize & self.mask];
                }
                for (i, &f) in chunk.iter().enumerate() {
                    let mut s = first[i];
                    let mut slot = f as usize & self.mask;
                    while s.1 != [0; 4] && s.0 != f {
                        slot = (slot + 1) & self.mask;
                        s = self.inline[slot];
                    }
                    if s.0 == f {
                        for (t, w) in total.iter_mut().zip(s.1) {
                            *t += w as i32;
                        }
                    }
                }
            }
            for (s, t) in scores.iter_mut().zip(total) {
                *s += t;
            }
            return;
        }
        // As above: a slice the masked index provably falls in.
        let table = &self.slots[..=self.mask];
        let mask = table.len() - 1;
        let mut found = [(0u32, 0u32); BATCH];
        for chunk in feats.chunks(BATCH) {
            // Pass 1: first probe of every feature (independent loads).
            let mut first = [Slot::default(); BATCH];
            for (f, s) in chunk.iter().zip(first.iter_mut()) {
                *s = table[*f as usize & mask];
            }
            // Pass 2: finish the probes; add the rows kept inside their slot.
            let mut n = 0;
            for (i, &f) in chunk.iter().enumerate() {
                let mut s = first[i];
                let mut slot = f as usize & mask;
                let fp = (f >> 32) as u32;
                while s.count != 0 && s.fp != fp {
                    slot = (slot + 1) & mask;
                    s = table[slot];
                }
                if s.count == 0 {
                    continue;
                }
                if s.count <= INLINE {
                    add_entry(scores, s.a);
                    if s.count == 2 {
                        add_entry(scores, s.b);
                    }
                } else {
                    found[n] = (s.a, s.count);
                    n += 1;
                }
            }
            // Pass 3: add the entries.
            let nc = self.nclasses as usize;
            for &(start, count) in &found[..n] {
                if count == DENSE {
                    let a = start as usize * nc;
                    let row = self.dense.get(a..a + nc).unwrap_or(&[]);
                    for (s, &w) in scores.iter_mut().zip(row) {
                        *s += w as i32;
                    }
                    continue;
                }
                let (a, b) = (start as usize, start as usize + count as usize);
                for &(c, w) in self.packed.get(a..b).unwrap_or(&[]) {
                    if let Some(s) = scores.get_mut(c as usize) {
                        *s += w as i32;
                    }
                }
            }
        }
    }

    /// A copy without the entries whose quantised magnitude is below `min_q` (and without
    /// features left empty).
    pub fn pruned(&self, min_q: i16) -> Weights {
        let mut w = Weights { nclasses: self.nclasses, scale: self.scale, ..Weights::default() };
        let mut at = 0usize;
        for (&k, &c) in self.keys.iter().zip(&self.counts) {
            let c = c as usize;
            let mut n = 0u16;
            for i in at..at + c {
                if self.weights[i].unsigned_abs() >= min_q.max(1) as u16 {
                    w.classes.push(self.classes[i]);
                    w.weights.push(self.weights[i]);
                    n += 1;
                }
            }
            at += c;
            if n > 0 {
                w.keys.push(k);
                w.counts.push(n);
            }
        }
        w.build_index();
        w
    }

    /// Magnitudes of the weights at the given quantiles (for choosing a pruning threshold).
    pub fn quantiles(&self, qs: &[f64]) -> Vec<u16> {
        let mut m: Vec<u16> = self.weights.iter().map(|w| w.unsigned_abs()).collect();
        m.sort_unstable();
        qs.iter()
            .map(|q| m.get(((m.len().max(1) - 1) as f64 * q) as usize).copied().unwrap_or(0))
            .collect()
    }

    pub fn write(&self, w: &mut Writer) {
        w.u16(self.nclasses);
        w.f32(self.scale);
        w.u64s(&self.keys);
        w.u16s(&self.counts);
        w.u16s(&self.classes);
        w.i16s(&self.weights);
    }

    pub fn read(r: &mut Reader<'_>) -> Result<Weights, ModelError> {
        let nclasses = r.u16()?;
        let scale = r.f32()?;
        let keys = r.u64s()?;
        let counts = r.u16s()?;
        let classes = r.u16s()?;
        let weights = r.i16s()?;
        if counts.len() != keys.len() {
            return Err(r.corrupt("feature count table does not match the keys"));
        }
        let total: usize = counts.iter().map(|&c| c as usize).sum();
        if total != classes.len() || total != weights.len() {
            return Err(r.corrupt("weight table length does not match the counts"));
        }
        if classes.iter().any(|&c| c >= nclasses) {
            return Err(r.corrupt("weight for a class beyond the class count"));
        }
        if keys.windows(2).any(|p| p[0] >= p[1]) {
            return Err(r.corrupt("feature keys are not strictly sorted"));
        }
        let mut w =
            Weights { nclasses, scale, keys, counts, classes, weights, ..Weights::default() };
        w.build_index();
        Ok(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_survives_freezing() {
        let mut t = Trainer::new(3);
        let data = [(vec![1u64, 10], 0usize), (vec![2, 10], 1), (vec![3, 10], 2)];
        for _ in 0..5 {
            for (f, y) in &data {
                t.tick();
                let mut s = vec![0f32; 3];
                t.score(f, &mut s);
                let p = (0..3).max_by(|&a, &b| s[a].total_cmp(&s[b]).then(b.cmp(&a))).unwrap();
                t.update(f, *y, p);
            }
        }
        let w = t.freeze(1);
        for (f, y) in &data {
            let mut s = vec![0i32; 3];
            w.score(f, &mut s);
            let p = (0..3).max_by_key(|&c| (s[c], std::cmp::Reverse(c))).unwrap();
            assert_eq!(p, *y);
        }
        let mut wr = Writer::new();
        w.write(&mut wr);
        let bytes = wr.finish(crate::format::Kind::Tagger);
        let mut r = Reader::open(&bytes, crate::format::Kind::Tagger, "t").unwrap();
        let back = Weights::read(&mut r).unwrap();
        assert_eq!(back.keys, w.keys);
        assert_eq!(back.weights, w.weights);
        assert_eq!(back.classes, w.classes);
    }
}
