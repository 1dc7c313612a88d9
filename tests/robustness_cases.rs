//! Regression cases of issue 9: each input under `tests/robustness/` once made `piano` panic,
//! overflow its stack or print something wrong. Each test says what happens now.

mod common;

use piano::commands::Outcome;
use piano::diagnostics::{Code, Diagnostic};
use piano::source::Source;
use std::path::{Path, PathBuf};

fn path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/robustness")
        .join(name)
}

fn plan(name: &str) -> Source {
    let bytes = std::fs::read(path(name)).expect("test input");
    Source::from_bytes(name, &bytes).0
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<Code> {
    diagnostics.iter().map(Diagnostic::code).collect()
}

fn eval(plan: &str, measurements: &str, extra: &[&str]) -> Outcome {
    let mut args = vec![
        "eval".to_string(),
        path(plan).display().to_string(),
        path(measurements).display().to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_piano"))
        .args(&args)
        .env("PIANO_LANG", "it")
        .output()
        .expect("piano runs");
    Outcome {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        status: out.status.code().unwrap_or(-1),
    }
}

// ---------------------------------------------------------------------------------------------
// Numbers: the range is decided at the lexer, so later sums cannot overflow.

#[test]
fn weights_beyond_the_decimal_range_are_refused_where_written() {
    let d = piano::check_source(&plan("weights_sum_overflow.piano"));
    assert_eq!(codes(&d), vec![Code::P0109; 4], "{d:#?}");
}

#[test]
fn equal_weights_with_26_decimals_are_refused_where_written() {
    let d = piano::check_source(&plan("rounded_split_many_decimals.piano"));
    assert_eq!(codes(&d), vec![Code::P0126; 2], "{d:#?}");
}

#[test]
fn resources_at_the_top_of_the_range_add_up_exactly() {
    let out = eval(
        "resources_at_the_limit.piano",
        "resources_at_the_limit.csv",
        &["--format", "json"],
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    // Three objectives of 2 × 999.999.999.999.999,99 € each.
    assert!(out.stdout.contains("5999999999999999.94"), "{}", out.stdout);
}
