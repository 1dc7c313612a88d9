//! `piano eval` lets a large plan's text go once it is checked and reads the file again for
//! the diagnostics that show places in it (`commands::plan_text`). Every measurement case,
//! evaluated with the plan let go at once, prints exactly what it prints with the plan held.

#[path = "common/files.rs"]
mod files;

use piano::commands::eval::{EvalArgs, run};
use piano::report::Format;
use std::path::{Path, PathBuf};

const PLAN: &str = "tests/measurements/plan.piano";

fn eval(measurements: &Path, release_plan_from: usize) -> (i32, String, String) {
    let out = run(&EvalArgs {
        release_plan_from,
        ..EvalArgs::new(PLAN, &[measurements.to_path_buf()], Format::Text)
    });
    (out.status, out.stdout, out.stderr)
}

fn cases() -> Vec<PathBuf> {
    let cases = files::files_under(Path::new("tests/measurements"), &["csv", "json"]);
    assert!(cases.len() > 40, "the measurement cases are found");
    cases
}

#[test]
fn a_released_plan_shows_the_same_diagnostics_as_a_held_one() {
    let mut quoting_the_plan = 0;
    for case in cases() {
        let held = eval(&case, usize::MAX);
        let released = eval(&case, 0);
        assert_eq!(held, released, "{}", case.display());
        if held.2.contains(&format!("[{PLAN}:")) {
            quoting_the_plan += 1;
        }
    }
    // The cases whose diagnostics show the plan's lines are the ones that read it again.
    assert!(
        quoting_the_plan >= 3,
        "only {quoting_the_plan} cases show the plan"
    );
}

#[test]
fn a_division_by_zero_quotes_its_divisor_from_the_plan_read_again() {
    let (status, _, stderr) = eval(Path::new("tests/measurements/division_by_zero.csv"), 0);
    assert_eq!(status, 0, "{stderr}");
    assert!(stderr.contains("`imprese_registrate` vale 0"), "{stderr}");
    assert!(
        stderr.contains("48 │     formula aderenti / imprese_registrate"),
        "{stderr}"
    );
}
