//! Any bytes as a measurement file (CSV, JSON when it starts with `{` or `[`, a workbook when
//! it starts as a zip or an OLE file) against one of the shipped plans, chosen by the first
//! byte: no panic, spans inside the file, the same rendering twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use piano_fuzz::{plan, properties, run};

fuzz_target!(|data: &[u8]| {
    run(|| {
        let Some((&selector, rest)) = data.split_first() else {
            return;
        };
        let (_, checked) = plan(selector);
        // As bytes, as `piano eval` reads them: a workbook (zip) goes to the workbook reader.
        properties::load_bytes(checked, "fuzz.csv", rest);
    });
});
