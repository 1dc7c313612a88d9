//! `piano template` on any plan that checks: the template loads back (empty: only values
//! missing; filled in: no diagnostic) and the filled-in file is evaluated.
#![no_main]

use libfuzzer_sys::fuzz_target;
use piano_fuzz::{properties, run};

fuzz_target!(|data: &[u8]| {
    run(|| {
        properties::template(&properties::source("fuzz.piano", data));
    });
});
