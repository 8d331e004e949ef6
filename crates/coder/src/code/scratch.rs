//! Per-thread analysis buffers: the vectors an [`super::Analysis`] and a PETRARCH2 reading
//! ([`super::petr2::Petr2`]) fill for every sentence are taken from a thread-local pool and
//! given back when they are dropped, so a warm coder allocates no word strings, child
//! lists, per-word flags or word-key sets per sentence (coding speed; the output does not
//! depend on it).
//!
//! A buffer taken while another analysis of the same thread holds the pool's (a nested
//! coding call) is simply a new one; the pool keeps at most one set.

use super::Analysis;
use std::cell::RefCell;

/// Buffers of one [`Analysis`].
#[derive(Default)]
pub(super) struct Buffers {
    pub words: Vec<String>,
    pub children: Vec<Vec<usize>>,
    pub phrase_of: Vec<Option<usize>>,
    pub deleted: Vec<bool>,
    pub inert: Vec<bool>,
    pub bounds: Vec<(usize, usize)>,
    pub skip: Vec<bool>,
    pub nominal: Vec<bool>,
    pub phrases: Vec<super::Phrase>,
}

/// Buffers of one PETRARCH2 reading.
#[derive(Default)]
pub(super) struct Petr2Buffers {
    pub colored: Vec<bool>,
    pub keys: Vec<u64>,
    pub present: Vec<u64>,
    pub lemma: String,
}

thread_local! {
    static POOL: RefCell<Option<Buffers>> = const { RefCell::new(None) };
    static PETR2_POOL: RefCell<Option<Petr2Buffers>> = const { RefCell::new(None) };
    /// Word strings and child lists beyond the last sentence's length, kept for a longer one.
    static SPARE: RefCell<(Vec<String>, Vec<Vec<usize>>)> = const { RefCell::new((Vec::new(), Vec::new())) };
}

/// `v` with length `n`, extra items moved to `spare` and missing ones taken from it.
fn fit<T: Default>(v: &mut Vec<T>, spare: &mut Vec<T>, n: usize) {
    if v.len() > n {
        spare.extend(v.drain(n..));
    }
    let from_spare = (n - v.len()).min(spare.len());
    v.extend(spare.drain(spare.len() - from_spare..));
    v.resize_with(n, T::default);
}

fn with_spare(f: impl FnOnce(&mut (Vec<String>, Vec<Vec<usize>>))) {
    SPARE.with(|s| match s.try_borrow_mut() {
        Ok(mut s) => f(&mut s),
        Err(_) => f(&mut Default::default()),
    });
}

/// The pooled analysis buffers (or new ones).
pub(super) fn take() -> Buffers {
    POOL.with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.take())).unwrap_or_default()
}

/// The pooled PETRARCH2 buffers (or new ones).
pub(super) fn take_petr2() -> Petr2Buffers {
    PETR2_POOL.with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.take())).unwrap_or_default()
}

/// Gives PETRARCH2 buffers back to the pool.
pub(super) fn give_petr2(b: Petr2Buffers) {
    PETR2_POOL.with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            *p = Some(b);
        }
    });
}

/// `words` holding the upper-cased forms of `tokens`, reusing the strings it has.
pub(super) fn fill_words(words: &mut Vec<String>, tokens: &[model::Token]) {
    with_spare(|(spare, _)| fit(words, spare, tokens.len()));
    for (w, t) in words.iter_mut().zip(tokens) {
        w.clear();
        if t.form.is_ascii() {
            w.push_str(&t.form);
            w.make_ascii_uppercase();
        } else {
            w.push_str(&t.form.to_uppercase());
        }
    }
}

/// `children` as `n` empty lists, reusing the lists it has.
pub(super) fn reset_children(children: &mut Vec<Vec<usize>>, n: usize) {
    with_spare(|(_, spare)| fit(children, spare, n));
    for c in children.iter_mut() {
        c.clear();
    }
}

thread_local! {
    /// Two lists of numbers (per-word counts, a work stack), reused.
    static U32S: RefCell<(Vec<u32>, Vec<u32>)> = const { RefCell::new((Vec::new(), Vec::new())) };
}

/// Runs `f` with two reused lists of numbers (new ones inside a nested call).
pub(super) fn with_u32s<R>(f: impl FnOnce(&mut Vec<u32>, &mut Vec<u32>) -> R) -> R {
    U32S.with(|u| match u.try_borrow_mut() {
        Ok(mut u) => {
            let (a, b) = &mut *u;
            f(a, b)
        }
        Err(_) => f(&mut Vec::new(), &mut Vec::new()),
    })
}

thread_local! {
    /// Lists of word indices (per-word groupings), reused.
    static LISTS: RefCell<Vec<Vec<Vec<usize>>>> = const { RefCell::new(Vec::new()) };
}

/// `n` empty lists of word indices, reusing pooled ones.
pub(super) fn lists(n: usize) -> Vec<Vec<usize>> {
    let mut v =
        LISTS.with(|l| l.try_borrow_mut().ok().and_then(|mut l| l.pop())).unwrap_or_default();
    with_spare(|(_, spare)| fit(&mut v, spare, n));
    for l in v.iter_mut() {
        l.clear();
    }
    v
}

/// Gives lists from [`lists`] back.
pub(super) fn give_lists(v: Vec<Vec<usize>>) {
    LISTS.with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            if l.len() < 4 {
                l.push(v);
            }
        }
    });
}

/// A per-thread stack of spare vectors of one item type (at most 8 kept).
macro_rules! vec_pool {
    ($pool:ident, $take:ident, $give:ident, $t:ty) => {
        thread_local! {
            static $pool: RefCell<Vec<Vec<$t>>> = const { RefCell::new(Vec::new()) };
        }

        /// `n` copies of `x` in a pooled vector (give it back with the paired function).
        pub(super) fn $take(n: usize, x: $t) -> Vec<$t> {
            let v = $pool
                .with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.pop()))
                .unwrap_or_default();
            reset(v, n, x)
        }

        /// Gives a vector back to the pool.
        pub(super) fn $give(v: Vec<$t>) {
            $pool.with(|p| {
                if let Ok(mut p) = p.try_borrow_mut() {
                    if p.len() < 8 {
                        p.push(v);
                    }
                }
            });
        }
    };
}

vec_pool!(FLAGS, flags, give_flags, bool);
vec_pool!(INDICES, indices, give_indices, usize);
vec_pool!(SLOTS, slots, give_slots, Option<usize>);

/// A list kept in an array of `N` items while it fits, in a vector beyond.
pub(super) struct SmallList<T: Copy, const N: usize> {
    arr: [T; N],
    len: usize,
    more: Vec<T>,
}

impl<T: Copy, const N: usize> SmallList<T, N> {
    /// An empty list (`fill` stands in the unused array slots).
    pub(super) fn new(fill: T) -> Self {
        SmallList { arr: [fill; N], len: 0, more: Vec::new() }
    }

    pub(super) fn push(&mut self, x: T) {
        if self.more.is_empty() && self.len < N {
            self.arr[self.len] = x;
            self.len += 1;
        } else {
            if self.more.is_empty() {
                self.more.extend_from_slice(&self.arr[..self.len]);
            }
            self.more.push(x);
        }
    }

    pub(super) fn as_slice(&self) -> &[T] {
        if self.more.is_empty() {
            &self.arr[..self.len]
        } else {
            &self.more
        }
    }
}

/// `v` as `n` copies of `x`, reusing its allocation.
pub(super) fn reset<T: Clone>(mut v: Vec<T>, n: usize, x: T) -> Vec<T> {
    v.clear();
    v.resize(n, x);
    v
}

impl Drop for Analysis<'_> {
    fn drop(&mut self) {
        let b = Buffers {
            words: std::mem::take(&mut self.words),
            children: std::mem::take(&mut self.children),
            phrase_of: std::mem::take(&mut self.phrase_of),
            deleted: std::mem::take(&mut self.deleted),
            inert: std::mem::take(&mut self.inert),
            bounds: std::mem::take(&mut self.bounds),
            skip: std::mem::take(&mut self.skip),
            nominal: std::mem::take(&mut self.nominal),
            phrases: {
                let mut p = std::mem::take(&mut self.phrases);
                p.clear();
                p
            },
        };
        POOL.with(|p| {
            if let Ok(mut p) = p.try_borrow_mut() {
                *p = Some(b);
            }
        });
    }
}
