//! Mapping a function over a slice on a few threads, results in the slice's order.
//!
//! Workers take batches of consecutive elements from a shared counter, so a few large items
//! do not leave the other threads idle; each batch's results are put back where it came from.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

/// Stack of each worker: what the main thread has, so that nesting the scanner accepts
/// parses as deep on a worker as on the main thread.
const STACK: usize = 8 * 1024 * 1024;

/// Objectives from which a plan's evaluation and its JSON report are made on several threads:
/// below, a thread costs more than it gives.
const OBJECTIVES_IN_PARALLEL_FROM: usize = 256;

/// The threads worth scoring or reporting `objectives` objectives on (1: this one).
pub fn workers_for_objectives(objectives: usize) -> usize {
    if objectives >= OBJECTIVES_IN_PARALLEL_FROM {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
    } else {
        1
    }
}

pub fn map<T: Sync, R: Send>(items: &[T], workers: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    // Several batches per worker balance the load; not so many that the counter dominates.
    let batch = items.len().div_ceil(workers * 16).max(1);
    let batches = items.len().div_ceil(batch);
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Vec<R>)> = std::thread::scope(|scope| {
        let work = || {
            let mut mine = Vec::new();
            loop {
                let b = next.fetch_add(1, Ordering::Relaxed);
                if b >= batches {
                    return mine;
                }
                let slice = &items[b * batch..((b + 1) * batch).min(items.len())];
                mine.push((b, slice.iter().map(&f).collect::<Vec<R>>()));
            }
        };
        let handles: Vec<_> = (1..workers)
            .filter_map(|_| {
                std::thread::Builder::new()
                    .stack_size(STACK)
                    .spawn_scoped(scope, work)
                    .ok()
            })
            .collect();
        // This thread works too; a worker that could not be started leaves its share to it.
        let mut all = work();
        for h in handles {
            match h.join() {
                Ok(theirs) => all.extend(theirs),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        all
    });
    done.sort_by_key(|(b, _)| *b);
    done.into_iter().flat_map(|(_, r)| r).collect()
}

/// Batches [`ahead`] keeps parsed, or being parsed, beyond the one its reader is on: enough
/// that the workers never wait for the reader, few enough that the results held stay small.
const WINDOW_PER_WORKER: usize = 4;

/// `f` over `items` on `workers` threads of `scope`, ahead of the caller, who takes the results
/// in the items' order from the returned iterator while the workers go on: the caller's work
/// on one result overlaps the making of the next. At most `workers × 4` batches of `batch`
/// results are held at a time.
pub fn ahead<'scope, T, R, F>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    items: Vec<T>,
    batch: usize,
    workers: usize,
    f: F,
) -> Ahead<'scope, R>
where
    T: Send + Sync + 'scope,
    R: Send + 'scope,
    F: Fn(&T) -> R + Send + Sync + 'scope,
{
    let batch = batch.max(1);
    let batches = items.len().div_ceil(batch);
    let shared = Arc::new(Shared {
        state: Mutex::new(State {
            claimed: 0,
            taken: 0,
            stop: false,
            done: BTreeMap::new(),
        }),
        work: Condvar::new(),
        ready: Condvar::new(),
    });
    let window = workers.max(1) * WINDOW_PER_WORKER;
    let items = Arc::new(items);
    let f = Arc::new(f);
    let mut started = 0;
    for _ in 0..workers.max(1) {
        let (shared, items, f) = (Arc::clone(&shared), Arc::clone(&items), Arc::clone(&f));
        let work = move || {
            while let Some(b) = shared.claim(batches, window) {
                // A panic is handed to the reader, who would otherwise wait for this batch.
                let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    one_batch(&items, b, batch, &*f)
                }));
                shared.deliver(b, out);
            }
        };
        let spawned = std::thread::Builder::new()
            .stack_size(STACK)
            .spawn_scoped(scope, work);
        started += usize::from(spawned.is_ok());
    }
    Ahead {
        shared,
        batches,
        next: 0,
        current: Vec::new().into_iter(),
        // No thread could be started: the reader does the work itself.
        fallback: (started == 0).then(|| {
            let f = Arc::clone(&f);
            let items = Arc::clone(&items);
            Box::new(move |b: usize| one_batch(&items, b, batch, &*f))
                as Box<dyn Fn(usize) -> Vec<R> + 'scope>
        }),
    }
}

/// `f` over the `b`-th batch of `batch` items.
fn one_batch<T, R>(items: &[T], b: usize, batch: usize, f: &impl Fn(&T) -> R) -> Vec<R> {
    let end = b.saturating_add(1).saturating_mul(batch).min(items.len());
    let start = b.saturating_mul(batch).min(end);
    items[start..end].iter().map(f).collect()
}

type Outcome<R> = std::thread::Result<Vec<R>>;

struct Shared<R> {
    state: Mutex<State<R>>,
    /// A batch may be claimed: the reader took one, or everyone must stop.
    work: Condvar,
    /// A batch was delivered.
    ready: Condvar,
}

struct State<R> {
    /// Batches claimed by a worker so far (the next to claim).
    claimed: usize,
    /// Batches the reader has taken so far (the next it wants).
    taken: usize,
    /// The reader is gone: claim nothing more.
    stop: bool,
    done: BTreeMap<usize, Outcome<R>>,
}

impl<R> Shared<R> {
    fn lock(&self) -> MutexGuard<'_, State<R>> {
        // A worker's panic is caught before it could poison the lock; a poisoned lock still
        // holds consistent counters.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The next batch for a worker, once it is within the window; `None` when all are claimed.
    fn claim(&self, batches: usize, window: usize) -> Option<usize> {
        let mut state = self.lock();
        loop {
            if state.stop || state.claimed >= batches {
                return None;
            }
            if state.claimed < state.taken + window {
                state.claimed += 1;
                return Some(state.claimed - 1);
            }
            state = self.work.wait(state).unwrap_or_else(|p| p.into_inner());
        }
    }

    fn deliver(&self, b: usize, out: Outcome<R>) {
        self.lock().done.insert(b, out);
        self.ready.notify_all();
    }
}

/// The results of [`ahead`], in the items' order.
pub struct Ahead<'scope, R> {
    shared: Arc<Shared<R>>,
    batches: usize,
    next: usize,
    current: std::vec::IntoIter<R>,
    fallback: Option<Box<dyn Fn(usize) -> Vec<R> + 'scope>>,
}

impl<R> Iterator for Ahead<'_, R> {
    type Item = R;

    fn next(&mut self) -> Option<R> {
        loop {
            if let Some(r) = self.current.next() {
                return Some(r);
            }
            if self.next >= self.batches {
                return None;
            }
            let b = self.next;
            self.next += 1;
            if let Some(fallback) = &self.fallback {
                self.current = fallback(b).into_iter();
                continue;
            }
            let mut state = self.shared.lock();
            let out = loop {
                if let Some(out) = state.done.remove(&b) {
                    break out;
                }
                state = self
                    .shared
                    .ready
                    .wait(state)
                    .unwrap_or_else(|p| p.into_inner());
            };
            state.taken = b + 1;
            drop(state);
            self.shared.work.notify_all();
            match out {
                Ok(results) => self.current = results.into_iter(),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    }
}

impl<R> Drop for Ahead<'_, R> {
    /// A reader that stops early lets the workers end instead of waiting for it.
    fn drop(&mut self) {
        self.shared.lock().stop = true;
        self.shared.work.notify_all();
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_order_of_the_input() {
        let items: Vec<usize> = (0..1000).collect();
        for workers in [1, 2, 3, 8] {
            let out = super::map(&items, workers, |x| x * 2);
            assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn results_ahead_keep_the_order_of_the_input() {
        for workers in [1, 2, 3, 8] {
            for batch in [1, 7, 64, 2000] {
                let items: Vec<usize> = (0..1000).collect();
                let out: Vec<usize> = std::thread::scope(|scope| {
                    super::ahead(scope, items, batch, workers, |x| {
                        // Uneven work, so that batches finish out of order.
                        if x % 97 == 0 {
                            std::thread::sleep(std::time::Duration::from_millis(1));
                        }
                        x * 2
                    })
                    .collect()
                });
                assert_eq!(out, (0..1000).map(|x| x * 2).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn a_reader_that_stops_early_does_not_hang_the_workers() {
        let items: Vec<usize> = (0..10_000).collect();
        let first: Vec<usize> =
            std::thread::scope(|scope| super::ahead(scope, items, 3, 2, |x| *x).take(5).collect());
        assert_eq!(first, vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_worker_panic_reaches_the_reader() {
        let items: Vec<usize> = (0..100).collect();
        let caught = std::panic::catch_unwind(|| {
            std::thread::scope(|scope| {
                super::ahead(scope, items, 4, 2, |x| {
                    assert!(*x != 50, "fifty");
                    *x
                })
                .count()
            })
        });
        assert!(caught.is_err());
    }
}
