//! Every diagnostic code of every layer has a snapshot test with an input file: some snapshot
//! under `tests/` records the code and names, in its `input_file:` header, an input file that
//! still exists (the syntax, checker and measurement cases, and any later group of cases
//! written the same way). The snapshot tests keep those snapshots equal to what the inputs
//! produce, so a code seen here is produced by its input today. The few codes no input file
//! can produce by itself are listed, with the test that shows them; the list is checked both
//! ways.

use piano::diagnostics::Code;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Codes that need more than an input file: each with the test file and the test that
/// produces it and asserts it.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    // A file that cannot be read has no content to keep as an input.
    ("F0001", "tests/cli.rs", "missing_files_exit_2"),
    // A FIFO, a device or a directory cannot be a committed input file: made when the test runs.
    ("F0005", "tests/files.rs", "f0005_not_a_regular_file"),
    // Neither can a file over the 64 MiB limit (a sparse one is made when the test runs).
    ("F0006", "tests/files.rs", "f0006_file_too_large"),
    // Two measurement files that cannot make one report: each file alone is right.
    ("E0810", "tests/eval_dates.rs", "dates_that_make_no_report"),
    ("E0811", "tests/eval_dates.rs", "dates_that_make_no_report"),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.snap` file under `dir`.
fn snapshots(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.is_dir() {
            snapshots(&path, found);
        } else if path.extension().is_some_and(|e| e == "snap") {
            found.push(path);
        }
    }
}

/// The codes recorded by snapshots of input files, and the snapshots whose input is gone.
fn recorded() -> (BTreeSet<Code>, Vec<String>) {
    let mut files = Vec::new();
    snapshots(&root().join("tests"), &mut files);
    let mut seen = BTreeSet::new();
    let mut orphans = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("readable snapshot");
        let Some((header, body)) = text
            .strip_prefix("---\n")
            .and_then(|t| t.split_once("\n---\n"))
        else {
            continue;
        };
        let Some(input) = header.lines().find_map(|l| l.strip_prefix("input_file: ")) else {
            continue;
        };
        if !root().join(input.trim()).is_file() {
            orphans.push(path.display().to_string());
            continue;
        }
        let words = body.split(|c: char| !c.is_ascii_alphanumeric());
        seen.extend(words.filter(|w| w.len() == 5).filter_map(Code::parse));
    }
    (seen, orphans)
}

/// Guards the rule that every diagnostic has a case: a new code without an input file, a
/// case whose input was deleted, or a code that stopped being produced by its only input
/// makes this fail.
#[test]
fn every_code_has_a_snapshot_input() {
    let (seen, orphans) = recorded();
    assert!(
        orphans.is_empty(),
        "snapshots whose input file is gone: {orphans:?}"
    );
    let excepted = |code: Code| EXCEPTIONS.iter().any(|(c, _, _)| *c == code.as_str());
    let missing: Vec<&str> = Code::ALL
        .iter()
        .filter(|c| !seen.contains(c) && !excepted(**c))
        .map(|c| c.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "no snapshot of an input file shows {missing:?}"
    );
    // The exceptions are real codes, still need to be exceptions, and are covered where
    // they say: the named test exists and names the code.
    for (code, file, test) in EXCEPTIONS {
        let code = Code::parse(code).unwrap_or_else(|| panic!("{code} is not a code"));
        assert!(
            !seen.contains(&code),
            "{code} has a snapshot input now: take it off the exceptions"
        );
        let text = std::fs::read_to_string(root().join(file)).expect("test file");
        let body = text
            .split_once(&format!("fn {test}()"))
            .map(|(_, rest)| rest.split("\n}\n").next().unwrap_or(rest))
            .unwrap_or_else(|| panic!("{file} has no test {test}"));
        assert!(
            body.contains(code.as_str()),
            "{file}::{test} does not check {code}"
        );
    }
}
