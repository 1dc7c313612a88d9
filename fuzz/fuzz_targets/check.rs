//! Parse and check any bytes as a plan: no panic, spans inside the file, the human, JSON and
//! short renderings identical on a second run.
#![no_main]

use libfuzzer_sys::fuzz_target;
use piano_fuzz::{properties, run};

fuzz_target!(|data: &[u8]| {
    run(|| {
        properties::check(&properties::source("fuzz.piano", data));
    });
});
