//! A bounded pool of read-only store connections used from blocking threads, with a deadline
//! per read.
//!
//! A read waits for a permit (at most `size` reads run at once), takes an idle
//! [`store::Reader`] or opens one (so a store that was missing at start is picked up when it
//! appears), runs on tokio's blocking pool, and is interrupted through SQLite when it outlives
//! the deadline. The connection goes back to the pool afterwards.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use store::{Reader, StoreError};
use tokio::sync::Semaphore;

/// Why a pooled read failed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the read took longer than {0:?} and was stopped")]
    Timeout(Duration),
    #[error("the server is shutting down")]
    Closed,
}

/// The pool.
#[derive(Debug)]
pub struct Pool {
    path: PathBuf,
    idle: Arc<Mutex<Vec<Reader>>>,
    permits: Semaphore,
    timeout: Duration,
}

impl Pool {
    pub fn new(path: PathBuf, size: usize, timeout: Duration) -> Pool {
        Pool {
            path,
            idle: Arc::new(Mutex::new(Vec::new())),
            permits: Semaphore::new(size),
            timeout,
        }
    }

    /// Runs `f` with a reader on a blocking thread, within the deadline.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ReadError>
    where
        T: Send + 'static,
        F: FnOnce(&Reader) -> Result<T, StoreError> + Send + 'static,
    {
        let _permit = self.permits.acquire().await.map_err(|_| ReadError::Closed)?;
        let pooled = self.idle.lock().map_err(|_| ReadError::Closed)?.pop();
        // Opening (which may wait on a locked file) runs inside the deadline too; until the
        // connection exists there is nothing to interrupt, so the request just stops waiting.
        let handle: Arc<Mutex<Option<store::Interrupt>>> =
            Arc::new(Mutex::new(pooled.as_ref().map(Reader::interrupt_handle)));
        let idle = self.idle.clone();
        let path = self.path.clone();
        let slot = handle.clone();
        let task = tokio::task::spawn_blocking(move || {
            let reader = match pooled {
                Some(r) => r,
                None => {
                    let r = Reader::open(&path)?;
                    if let Ok(mut h) = slot.lock() {
                        *h = Some(r.interrupt_handle());
                    }
                    r
                }
            };
            let out = f(&reader);
            // A connection whose file went away or broke is dropped rather than reused.
            let keep = !matches!(
                out,
                Err(StoreError::Open { .. }
                    | StoreError::NotADatabase { .. }
                    | StoreError::Corrupt { .. })
            );
            if keep {
                if let Ok(mut v) = idle.lock() {
                    v.push(reader);
                }
            }
            out
        });
        tokio::pin!(task);
        match tokio::time::timeout(self.timeout, &mut task).await {
            Ok(joined) => Ok(joined.map_err(|_| ReadError::Closed)??),
            Err(_) => {
                let interrupted = match handle.lock() {
                    Ok(h) => h.as_ref().map(store::Interrupt::interrupt).is_some(),
                    Err(_) => false,
                };
                if interrupted {
                    // The interrupted statement returns promptly; wait so the permit covers it.
                    let _ = task.await;
                }
                Err(ReadError::Timeout(self.timeout))
            }
        }
    }
}
