//! `piano fmt` on any bytes: never a panic nor an internal error; the output formats to
//! itself, checks with the same diagnostics and keeps every comment.
#![no_main]

use libfuzzer_sys::fuzz_target;
use piano_fuzz::{properties, run};

fuzz_target!(|data: &[u8]| {
    run(|| {
        properties::fmt(&properties::source("fuzz.piano", data));
    });
});
