//! Mapping a function over a slice on a few threads, results in the slice's order.
//!
//! Workers take batches of consecutive elements from a shared counter, so a few large items
//! do not leave the other threads idle; each batch's results are put back where it came from.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Stack of each worker: what the main thread has, so that nesting the scanner accepts
/// parses as deep on a worker as on the main thread.
const STACK: usize = 8 * 1024 * 1024;

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
}
