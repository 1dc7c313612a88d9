//! A plan and a measurement file in one input, separated by a line `%%%%` (without it, the
//! whole input is the measurement file of the shipped test plan): the load, the evaluation and
//! every report format in both languages, with no panic, spans inside their files and the same
//! bytes twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use piano_fuzz::{properties, run};

const PLAN: &[u8] = include_bytes!("../../tests/reports/plan.piano");

fuzz_target!(|data: &[u8]| {
    run(|| {
        let (plan, measurements) = properties::split(data, PLAN);
        properties::eval_bytes(
            &properties::source("fuzz.piano", plan),
            "fuzz.csv",
            measurements,
        );
    });
});
