//! An order-preserving parallel map for streams: items are read on the calling thread, coded
//! by `jobs` workers, and handed to the sink in input order as soon as each is ready — so a
//! pipe consumer gets every document's output without waiting for a batch to fill, and the
//! output is the same for any number of workers.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

/// Runs `work` over `items` on `jobs` threads; `sink` sees results in input order and may stop
/// the run by returning `false` (e.g. on a closed pipe). Returns how many results the sink saw.
pub fn run<I, T, R, W, S>(items: I, jobs: usize, work: W, mut sink: S) -> u64
where
    I: Iterator<Item = T>,
    T: Send,
    R: Send,
    W: Fn(T) -> R + Sync,
    S: FnMut(R) -> bool + Send,
{
    let jobs = jobs.max(1);
    let (task_tx, task_rx) = mpsc::sync_channel::<(u64, T)>(jobs * 2);
    let task_rx = Arc::new(Mutex::new(task_rx));
    let (done_tx, done_rx) = mpsc::sync_channel::<(u64, R)>(jobs * 4);
    let stop = std::sync::atomic::AtomicBool::new(false);
    let mut seen = 0;
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let rx = Arc::clone(&task_rx);
            let tx = done_tx.clone();
            let work = &work;
            scope.spawn(move || loop {
                let next = rx.lock().map(|r| r.recv());
                let Ok(Ok((seq, item))) = next else { break };
                if tx.send((seq, work(item))).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        let stop = &stop;
        let writer = scope.spawn(move || {
            let mut pending = BTreeMap::new();
            let mut next = 0u64;
            let mut count = 0u64;
            for (seq, r) in done_rx {
                pending.insert(seq, r);
                while let Some(r) = pending.remove(&next) {
                    next += 1;
                    if stop.load(std::sync::atomic::Ordering::Relaxed) {
                        continue;
                    }
                    count += 1;
                    if !sink(r) {
                        stop.store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                }
            }
            count
        });
        for (seq, item) in (0u64..).zip(items) {
            if stop.load(std::sync::atomic::Ordering::Relaxed) || task_tx.send((seq, item)).is_err()
            {
                break;
            }
        }
        drop(task_tx);
        seen = writer.join().unwrap_or(0);
    });
    seen
}

#[cfg(test)]
mod tests {
    #[test]
    fn order_is_kept_for_any_worker_count() {
        for jobs in [1, 2, 4, 7] {
            let mut out = Vec::new();
            super::run(
                0..200u64,
                jobs,
                |x| {
                    // Uneven work so results finish out of order.
                    std::thread::sleep(std::time::Duration::from_micros((x * 7919) % 300));
                    x * 2
                },
                |r| {
                    out.push(r);
                    true
                },
            );
            assert_eq!(out, (0..200).map(|x| x * 2).collect::<Vec<_>>(), "jobs={jobs}");
        }
    }

    #[test]
    fn the_sink_can_stop_the_run() {
        let mut n = 0;
        let seen = super::run(
            0..10_000u64,
            3,
            |x| x,
            |_| {
                n += 1;
                n < 5
            },
        );
        assert_eq!(seen, 5);
    }
}
