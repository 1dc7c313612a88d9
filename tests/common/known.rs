//! Bugs known and being fixed elsewhere, and the machinery to tell them from new ones: a case
//! runs under [`catch`], which turns its panic into a message (file and line of the panic
//! included), and [`known`] says whether that message belongs to a class in [`KNOWN`].
//!
//! KNOWN lists bug classes being fixed on another branch (empty when none is). The stable
//! property test counts their cases instead of failing, and the fuzz targets skip them when
//! `PIANO_FUZZ_SKIP_KNOWN=1` (so that a campaign finds the other bugs). Once the fix lands,
//! delete the entry: whatever still fails then fails the tests.
#![allow(dead_code)]

use std::cell::RefCell;

/// A bug class fixed on another branch: the panic messages that belong to it.
pub struct Known {
    pub class: &'static str,
    pub matches: fn(&str) -> bool,
}

pub const KNOWN: &[Known] = &[];

/// The class of a known failure, if `message` is one.
pub fn known(message: &str) -> Option<usize> {
    KNOWN.iter().position(|k| (k.matches)(message))
}

thread_local! {
    /// While a case runs: the message and place of its panic, instead of printing it.
    static CAPTURED: RefCell<Option<Option<String>>> = const { RefCell::new(None) };
}

fn install_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let capturing = CAPTURED.with(|c| c.borrow().is_some());
            if !capturing {
                return default(info);
            }
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let place = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            CAPTURED.with(|c| *c.borrow_mut() = Some(Some(format!("{message} [at {place}]"))));
        }));
    });
}

/// Runs `case`; its panic message (with the place of the panic) if it panics. The panic is not
/// printed.
pub fn catch(case: impl FnOnce()) -> Option<String> {
    install_hook();
    CAPTURED.with(|c| *c.borrow_mut() = Some(None));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(case));
    let message = CAPTURED.with(|c| c.borrow_mut().take()).flatten();
    result
        .err()
        .map(|_| message.unwrap_or_else(|| "panic".into()))
}
