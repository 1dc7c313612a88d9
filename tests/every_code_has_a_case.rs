//! Every diagnostic code of every layer is produced by at least one snapshot input file: the
//! syntax cases (`tests/syntax/`), the checker's (`tests/check/`), the measurement files'
//! (`tests/measurements/`, read against its `plan.piano`) and the seed as published. The few
//! codes no input file can produce by itself are listed, with the test that shows them; the
//! list is checked both ways.

use piano::diagnostics::{Code, Diagnostic};
use piano::source::Source;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Codes that need more than an input file: each with the test file and the test that
/// produces it and asserts it.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    // A file that cannot be read has no content to keep as an input.
    ("F0001", "tests/cli.rs", "missing_files_exit_2"),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &str, extensions: &[&str]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .expect("test folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|x| extensions.iter().any(|e| x == *e))
        })
        .collect();
    out.sort();
    out
}

fn source(path: &Path) -> Source {
    let bytes = std::fs::read(path).expect("readable");
    Source::from_bytes(path.display().to_string(), &bytes).0
}

/// The codes each snapshot input produces, by file.
fn produced() -> Vec<(PathBuf, Vec<Code>)> {
    let codes = |d: &[Diagnostic]| d.iter().map(Diagnostic::code).collect::<Vec<_>>();
    let mut out = Vec::new();
    for path in files("tests/syntax", &["piano"]) {
        let parsed = piano::syntax::parse(&source(&path).text);
        out.push((path, codes(&parsed.diagnostics)));
    }
    let mut plans = files("tests/check", &["piano"]);
    plans.push(root().join("tests/seed/pistoia-prato-2024-as-published.piano"));
    for path in plans {
        out.push((path.clone(), codes(&piano::check_source(&source(&path)))));
    }
    let plan = source(&root().join("tests/measurements/plan.piano"));
    let checked = piano::check_plan(&plan);
    for path in files("tests/measurements", &["csv", "json"]) {
        let loaded = piano::eval::load(&checked.model, &source(&path));
        let mut found = codes(&loaded.diagnostics);
        if !loaded.has_errors() {
            let (_, located) = piano::eval::evaluate(
                &checked.model,
                &plan.text,
                &loaded.measurements,
                piano::eval::Options::default(),
            );
            found.extend(located.iter().map(|l| l.diagnostic.code()));
        }
        out.push((path, found));
    }
    out
}

#[test]
fn every_code_has_a_snapshot_input() {
    let seen: BTreeSet<Code> = produced().into_iter().flat_map(|(_, c)| c).collect();
    let excepted = |code: Code| EXCEPTIONS.iter().any(|(c, _, _)| *c == code.as_str());
    let missing: Vec<&str> = Code::ALL
        .iter()
        .filter(|c| !seen.contains(c) && !excepted(**c))
        .map(|c| c.as_str())
        .collect();
    assert!(missing.is_empty(), "no snapshot input produces {missing:?}");
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
