//! Inputs that once broke a property (found by fuzzing or by `tests/properties.rs`), kept so
//! that the bug stays fixed. Every file under `tests/regressions/` goes through the properties
//! of `common/properties.rs`:
//!
//! - `NAME.piano` alone: check, fmt, template;
//! - `NAME.piano` with `NAME.csv` or `NAME.json`: the measurement file evaluated against it;
//! - `NAME.csv` or `NAME.json` alone: evaluated against `tests/measurements/plan.piano`.
//!
//! `tests/regressions/pending/` holds the inputs of bug classes that another branch
//! is fixing, each with a line in its `NOTES`. They are run in a child process (a stack
//! overflow aborts) and must still fail: once one passes, the test says to move it up to
//! `tests/regressions/` and to delete its line.

mod common;

use common::properties;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CASE_VARIABLE: &str = "PIANO_REGRESSION_CASE";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// One case: its main file (a plan, or a measurement file), and a plan for a measurement file.
#[derive(Debug)]
struct Case {
    file: PathBuf,
    plan: Option<PathBuf>,
}

/// The cases of a directory (not of its subdirectories), sorted.
fn cases(dir: &Path) -> Vec<Case> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let has = |path: &Path, ext: &str| files.iter().any(|f| *f == path.with_extension(ext));
    let mut out = Vec::new();
    for file in &files {
        match file.extension().and_then(|e| e.to_str()) {
            Some("piano") if !has(file, "csv") && !has(file, "json") => out.push(Case {
                file: file.clone(),
                plan: None,
            }),
            Some("csv" | "json") => {
                let own = file.with_extension("piano");
                let plan = if has(file, "piano") {
                    own
                } else {
                    root().join("tests/measurements/plan.piano")
                };
                out.push(Case {
                    file: file.clone(),
                    plan: Some(plan),
                });
            }
            _ => {}
        }
    }
    out
}

fn name(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

fn run(case: &Case) {
    let read = |path: &Path| {
        let bytes = std::fs::read(path).expect("readable case");
        properties::source(&name(path), &bytes)
    };
    let file = read(&case.file);
    match &case.plan {
        None => {
            properties::plan_case(&file);
        }
        Some(plan) => {
            let plan = read(plan);
            properties::check(&plan);
            properties::eval(&plan, &file);
        }
    }
}

#[test]
fn fixed_regressions_keep_every_property() {
    let cases = cases(&root().join("tests/regressions"));
    assert!(!cases.is_empty(), "no regression case");
    for case in &cases {
        run(case);
    }
}

/// The entry point of the child process that runs one pending case.
#[test]
#[ignore = "run by pending_cases_still_fail, one case per child process"]
fn one_case_from_the_environment() {
    let file = PathBuf::from(std::env::var(CASE_VARIABLE).expect(CASE_VARIABLE));
    let dir = file.parent().expect("a directory");
    let case = cases(dir)
        .into_iter()
        .find(|c| c.file == file)
        .expect("a case");
    run(&case);
}

/// Whether the case fails in a child process (a panic, an abort, or over a minute).
fn fails_in_a_child(case: &Case) -> bool {
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "one_case_from_the_environment",
            "--ignored",
            "--test-threads=1",
        ])
        .env(CASE_VARIABLE, &case.file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("test binary runs");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return !status.success();
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn pending_cases_still_fail_and_are_noted() {
    let dir = root().join("tests/regressions/pending");
    let notes = std::fs::read_to_string(dir.join("NOTES")).unwrap_or_default();
    let mut now_passing = Vec::new();
    for case in cases(&dir) {
        let file_name = case
            .file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        assert!(
            notes
                .lines()
                .any(|l| l.starts_with(&format!("{file_name}:"))),
            "tests/regressions/pending/NOTES has no line `{file_name}: class — what fails`"
        );
        if !fails_in_a_child(&case) {
            now_passing.push(file_name);
        }
    }
    assert!(
        now_passing.is_empty(),
        "these pending cases pass now: move them (with their plan, if any) to tests/regressions/ \
         and delete their lines in tests/regressions/pending/NOTES: {now_passing:?}"
    );
}

#[test]
fn the_child_process_tells_passing_from_failing() {
    let fixed = cases(&root().join("tests/regressions"));
    assert!(!fails_in_a_child(&fixed[0]), "{:?}", fixed[0]);
    // A case the child cannot find panics there.
    let missing = Case {
        file: root().join("tests/regressions/missing.piano"),
        plan: None,
    };
    assert!(fails_in_a_child(&missing));
}
