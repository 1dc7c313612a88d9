//! Snapshot tests of the checker: one input file per case under `tests/check/`. A file named
//! after a code (`W0501_rounded_equal_split.piano`) must produce that code; a file named `ok_*`
//! is nearly right and must produce nothing at all.

mod common;

use piano::diagnostics::Code;

#[test]
fn check_diagnostics() {
    insta::glob!("check/*.piano", |path| {
        let source = common::report::source(path, "check");
        let diagnostics = piano::check_source(&source);
        let stem = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let codes: Vec<Code> = diagnostics.iter().map(|d| d.code()).collect();
        if stem.starts_with("ok_") {
            assert!(codes.is_empty(), "{stem} must pass cleanly, got {codes:?}");
        } else {
            let expected = stem.split('_').next().and_then(Code::parse);
            let expected =
                expected.unwrap_or_else(|| panic!("{stem}: name must start with a code"));
            assert!(
                codes.contains(&expected),
                "{stem} must report {expected}, got {codes:?}"
            );
        }
        insta::assert_snapshot!(common::report::report(&source, &diagnostics));
    });
}

/// Every code the checker can emit has a test input here.
#[test]
fn every_check_code_has_a_case() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check");
    let names: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/check exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    for code in Code::ALL {
        let s = code.as_str();
        if ["N", "U", "T", "W", "C"].iter().any(|p| s.starts_with(p)) {
            assert!(
                names.iter().any(|n| n.starts_with(s)),
                "no test input in tests/check for {s}"
            );
        }
    }
}
