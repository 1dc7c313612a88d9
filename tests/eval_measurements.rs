//! Snapshot tests of measurement files: one input file per case under `tests/measurements/`,
//! each read against `tests/measurements/plan.piano`. A snapshot holds the Italian report of
//! the diagnostics (as a user sees it), the English short form and, when the file loads, the
//! value and score of every indicator, so that no row can be dropped silently.

mod common;

use piano::diagnostics::render::{Format, Options, render, render_with_plan};
use piano::diagnostics::{Diagnostic, Lang};
use piano::eval::{self, Place};
use piano::source::Source;
use std::path::Path;

fn read(path: &Path) -> Source {
    let bytes = std::fs::read(path).expect("test input is readable");
    let name = format!(
        "tests/measurements/{}",
        path.file_name().unwrap_or_default().to_string_lossy()
    );
    Source::from_bytes(name, &bytes).0
}

/// Renders diagnostics of `source`; `plan` is given for a measurement file, whose diagnostics
/// may point into the plan too.
fn both(
    out: &mut String,
    en: &mut String,
    source: &Source,
    plan: Option<&Source>,
    diagnostics: &[Diagnostic],
) {
    let options = |lang, format| Options {
        lang,
        format,
        color: false,
    };
    out.push_str(&render_with_plan(
        source,
        plan,
        diagnostics,
        options(Lang::It, Format::Human),
    ));
    en.push_str(&render_with_plan(
        source,
        plan,
        diagnostics,
        options(Lang::En, Format::Short),
    ));
}

fn case(path: &Path) -> String {
    let plan = read(Path::new("tests/measurements/plan.piano"));
    let checked = piano::check_plan(&plan);
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.diagnostics);
    let model = &checked.model;
    let source = read(path);
    let loaded = eval::load(model, &source);
    let (mut out, mut en) = (String::new(), String::new());
    both(&mut out, &mut en, &source, Some(&plan), &loaded.diagnostics);
    let mut scores = String::new();
    if !loaded.has_errors() {
        let (evaluation, located) = eval::evaluate(
            model,
            &plan.text,
            &loaded.measurements,
            eval::Options::default(),
        );
        for l in &located {
            let one = std::slice::from_ref(&l.diagnostic);
            match &l.place {
                Place::Plan => both(&mut out, &mut en, &plan, None, one),
                Place::Measurements => both(&mut out, &mut en, &source, Some(&plan), one),
                p @ Place::CommandLine { .. } => {
                    both(&mut out, &mut en, &p.source().unwrap(), None, one)
                }
            }
        }
        if let Some(evaluation) = evaluation {
            scores.push_str(&common::report::scores(model, &evaluation, false));
        }
    }
    if out.is_empty() {
        out.push_str("(nessuna diagnostica)\n");
    }
    format!("{out}\n--- en, short ---\n{en}\n--- valori ---\n{scores}")
}

#[test]
fn measurement_files() {
    insta::glob!("measurements/*.{csv,json}", |path| {
        let out = case(path);
        let name = path.file_name().unwrap().to_string_lossy();
        // Files named ok* load without errors; every other case must produce a diagnostic.
        if name.starts_with("ok") {
            assert!(!out.contains("error["), "{name} must load: {out}");
        } else {
            assert!(
                out.contains("error[") || out.contains("warning["),
                "{name} must produce a diagnostic"
            );
        }
        insta::assert_snapshot!(out);
    });
}

/// Every measurement and evaluation code has a case here (the evaluation's command-line
/// ones are in tests/eval_cli.rs; those of several files together, E0810 and E0811, in
/// tests/eval_dates.rs; the workbooks' own, M0731 on, in tests/workbooks.rs).
#[test]
fn every_measurement_code_has_a_case() {
    let mut seen = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir("tests/measurements").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "csv" || e == "json") {
            let out = case(&path);
            for code in piano::diagnostics::Code::ALL {
                if out.contains(&format!("[{code}]")) {
                    seen.insert(code.as_str());
                }
            }
        }
    }
    for code in piano::diagnostics::Code::ALL {
        let s = code.as_str();
        let workbook = ("M0731".."M0750").contains(&s);
        let dates = matches!(s, "E0810" | "E0811");
        if (s.starts_with('M') || s.starts_with('E')) && !workbook && !dates {
            assert!(
                seen.contains(s),
                "no case under tests/measurements shows {s}"
            );
        }
    }
}

/// No input makes the loader or the evaluation panic: every prefix of the valid files (cut
/// anywhere, also inside a character), and pseudo-random bytes.
#[test]
fn no_input_panics() {
    let plan = read(Path::new("tests/measurements/plan.piano"));
    let checked = piano::check_plan(&plan);
    let model = &checked.model;
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    for name in [
        "ok.csv",
        "ok.json",
        "ok_quoted_nbsp.csv",
        "ok_windows1252.csv",
    ] {
        let bytes = std::fs::read(Path::new("tests/measurements").join(name)).unwrap();
        for cut in 0..=bytes.len() {
            inputs.push(bytes[..cut].to_vec());
        }
    }
    let mut seed: u64 = 0x5eed;
    for len in 0..200 {
        let mut bytes = Vec::with_capacity(len);
        for _ in 0..len {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            // Mostly the characters that matter to the readers.
            let pick = ";\"\n\r,.{}[]:0123456789%€ n.dsìo/-e".as_bytes();
            let b = (seed >> 33) as usize;
            bytes.push(if b.is_multiple_of(4) {
                (b >> 8) as u8
            } else {
                pick[b % pick.len()]
            });
        }
        inputs.push(bytes);
    }
    inputs.push(
        format!(
            "{{\"valori\": {}1{}}}",
            "[".repeat(10_000),
            "]".repeat(10_000)
        )
        .into_bytes(),
    );
    inputs.push(format!("codice;valore\n01_01_OS01.eventi;{}\n", "9".repeat(100_000)).into_bytes());
    for bytes in inputs {
        let source = Source::from_bytes("x.csv", &bytes).0;
        let loaded = eval::load(model, &source);
        let _ = render(
            &source,
            &loaded.diagnostics,
            Options {
                lang: Lang::It,
                format: Format::Human,
                color: false,
            },
        );
        if !loaded.has_errors() {
            let _ = eval::evaluate(
                model,
                &plan.text,
                &loaded.measurements,
                eval::Options::default(),
            );
        }
    }
}
