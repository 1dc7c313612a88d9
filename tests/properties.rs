//! The fuzzing properties on the stable toolchain, in every `cargo test`: the shipped plans and
//! measurement files are mutated with a deterministic mutator (`common/mutate.rs`: byte flips,
//! dictionary tokens, splices, duplicated, deleted and swapped lines, huge numbers, deep
//! nesting, cuts, line ends), and every mutant goes through `check` (with the human, JSON and
//! short renderers), `fmt`, `template` and `eval` (with every report format; measurement files
//! as bytes, so that workbooks, also mutated inside their zip, reach the workbook reader) under the
//! properties of `common/properties.rs`: no panic, every span inside its file and on character
//! boundaries, the same bytes on a second run.
//!
//! `PIANO_PROPERTY_CASES=N` runs N cases instead of the default; a failing mutant is written to
//! `target/property-failures/` to be looked at (and kept under `tests/regressions/`).
//!
//! `common/known.rs` lists bug classes being fixed on another branch (none now): a case that
//! fails in one of them is counted, not failed.

mod common;
#[allow(dead_code)]
mod fmt_gen;

use common::files::files_under;
use common::known::{KNOWN, catch, known};
use common::{mutate, properties, workbooks};
use piano::diagnostics::Lang;
use piano::source::Source;
use std::path::{Path, PathBuf};

const CASES: usize = 3000;

/// Generated plans added to the shipped ones.
const GENERATED_PLANS: u64 = 40;

enum Kind {
    Plan,
    /// A measurement file, with the plan it belongs to.
    Measurements(Source),
}

struct Input {
    name: String,
    bytes: Vec<u8>,
    kind: Kind,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_source(path: &Path) -> Source {
    let bytes = std::fs::read(path).expect("readable");
    properties::source(&path.display().to_string(), &bytes)
}

/// Every plan of the repository, and every measurement file with its plan.
fn corpus() -> Vec<Input> {
    let plans = ["plans", "tests", "editors"]
        .iter()
        .flat_map(|dir| files_under(&root().join(dir), &["piano"]));
    let mut inputs: Vec<Input> = plans
        .filter(|p| !p.components().any(|c| c.as_os_str() == "pending"))
        .map(|p| Input {
            name: p.strip_prefix(root()).unwrap_or(&p).display().to_string(),
            bytes: std::fs::read(&p).expect("readable"),
            kind: Kind::Plan,
        })
        .collect();
    for (dir, plan) in [
        ("tests/measurements", "tests/measurements/plan.piano"),
        ("tests/reports", "tests/reports/plan.piano"),
        ("plans", "plans/pistoia-prato-2024.piano"),
        ("tests/workbooks", "tests/measurements/plan.piano"),
    ] {
        for path in files_under(&root().join(dir), &["csv", "json", "xlsx", "ods"]) {
            inputs.push(Input {
                name: path
                    .strip_prefix(root())
                    .unwrap_or(&path)
                    .display()
                    .to_string(),
                bytes: std::fs::read(&path).expect("readable"),
                kind: Kind::Measurements(read_source(&root().join(plan))),
            });
        }
    }
    // Valid inputs that reach the later stages: generated plans (messy, but they parse) and
    // filled-in templates of the plans without errors.
    for seed in 0..GENERATED_PLANS {
        inputs.push(Input {
            name: format!("generated-{seed}.piano"),
            bytes: fmt_gen::plan(seed).into_bytes(),
            kind: Kind::Plan,
        });
    }
    for plan in [
        "tests/measurements/plan.piano",
        "tests/reports/plan.piano",
        "plans/pistoia-prato-2024.piano",
        "plans/esempio.piano",
    ] {
        let plan = read_source(&root().join(plan));
        let checked = piano::check_plan(&plan);
        assert!(!checked.has_errors(), "{}", plan.name);
        let template = piano::commands::template::template(&checked.model, Lang::It);
        inputs.push(Input {
            name: format!("{}.filled.csv", plan.name),
            bytes: properties::fill(&template).into_bytes(),
            kind: Kind::Measurements(plan.clone()),
        });
        // Workbooks: the template as piano writes it, and one filled in with typed cells.
        let empty = piano::commands::template_xlsx::workbook(&checked.model, Lang::It)
            .expect("the workbook template");
        inputs.push(Input {
            name: format!("{}.template.xlsx", plan.name),
            bytes: empty,
            kind: Kind::Measurements(plan.clone()),
        });
        inputs.push(Input {
            name: format!("{}.filled.xlsx", plan.name),
            bytes: workbooks::filled(&checked.model).expect("a filled workbook"),
            kind: Kind::Measurements(plan),
        });
    }
    assert!(inputs.len() > 100, "only {} inputs", inputs.len());
    inputs
}

/// How many cases went how far: a mutator that broke everything would test little.
#[derive(Default)]
struct Depth {
    plans: usize,
    formatted: usize,
    templated: usize,
    measurements: usize,
    evaluated: usize,
    workbooks: usize,
    workbooks_evaluated: usize,
}

/// Every property on one input.
fn run_case(name: &str, bytes: &[u8], kind: &Kind, depth: &mut Depth) {
    let source = properties::source(name, bytes);
    match kind {
        Kind::Plan => {
            let reached = properties::plan_case(&source);
            depth.plans += 1;
            depth.formatted += usize::from(reached.formatted);
            depth.templated += usize::from(reached.templated);
        }
        Kind::Measurements(plan) => {
            depth.measurements += 1;
            // As bytes, as `piano eval` reads them: workbooks go to the workbook reader.
            let evaluated = properties::eval_bytes(plan, name, bytes);
            depth.evaluated += usize::from(evaluated);
            if bytes.starts_with(b"PK") {
                depth.workbooks += 1;
                depth.workbooks_evaluated += usize::from(evaluated);
            }
        }
    }
}

/// A failure without its numbers: the panic's place, or the property and the code.
fn panic_place(message: &str) -> String {
    match message.rsplit_once("[at ") {
        Some((_, place)) if !place.contains("tests/common/") => place.to_string(),
        _ => message
            .split(|c: char| c.is_ascii_digit())
            .next()
            .unwrap_or("")
            .to_string(),
    }
}

fn save(name: &str, seed: usize, bytes: &[u8]) -> PathBuf {
    let dir = root().join("target/property-failures");
    let _ = std::fs::create_dir_all(&dir);
    let file = Path::new(name)
        .file_name()
        .map_or_else(|| "input".into(), |n| n.to_string_lossy().into_owned());
    let path = dir.join(format!("{seed}-{file}"));
    let _ = std::fs::write(&path, bytes);
    path
}

#[test]
fn mutated_inputs_keep_every_property() {
    let cases = std::env::var("PIANO_PROPERTY_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(CASES);
    let inputs = corpus();
    let dictionary = mutate::dictionary(
        &std::fs::read_to_string(root().join("fuzz/piano.dict")).expect("fuzz/piano.dict"),
    );
    assert!(dictionary.len() > 100);
    let mut counts = vec![0usize; KNOWN.len()];
    let mut depth = Depth::default();
    let mut distinct = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    // The slowest cases, to keep the whole run within seconds.
    let mut slowest: Vec<(std::time::Duration, usize, String)> = Vec::new();
    let started = std::time::Instant::now();
    for seed in 0..cases {
        let input = &inputs[seed % inputs.len()];
        let mut rng = mutate::Rng::new(seed as u64);
        // A workbook is mutated inside its zip half of the time (the XML its readers parse),
        // and as bytes the other half (the zip reader).
        let inside = input.bytes.starts_with(b"PK") && rng.below(2) == 0;
        let (mutant, mutations) = if inside {
            workbooks::mutate_inside(&input.bytes, &mut rng, &dictionary)
        } else {
            mutate::mutate(&input.bytes, &mut rng, &dictionary)
        };
        let case_started = std::time::Instant::now();
        let caught = catch(|| run_case(&input.name, &mutant, &input.kind, &mut depth));
        slowest.push((case_started.elapsed(), seed, input.name.clone()));
        slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
        slowest.truncate(5);
        let Some(message) = caught else {
            continue;
        };
        if let Some(k) = known(&message) {
            counts[k] += 1;
            // One example of each distinct failure (its first line, numbers and all), kept to
            // be minimised into tests/regressions/pending/.
            let first_line = message.lines().next().unwrap_or("").to_string();
            if distinct.insert((k, panic_place(&first_line))) {
                let saved = save(&input.name, seed, &mutant);
                eprintln!("known: {first_line} ({})", saved.display());
            }
            continue;
        }
        let saved = save(&input.name, seed, &mutant);
        let first_line = message.lines().next().unwrap_or("").to_string();
        failures.push(format!(
            "seed {seed}, {} ({}), saved as {}: {first_line}",
            input.name,
            mutations.join(", "),
            saved.display()
        ));
    }
    for (k, n) in KNOWN.iter().zip(&counts) {
        if *n > 0 {
            eprintln!("known, left to another branch: {n} case(s) of {}", k.class);
        }
    }
    let Depth {
        plans,
        formatted,
        templated,
        measurements,
        evaluated,
        workbooks,
        workbooks_evaluated,
    } = depth;
    eprintln!("{cases} cases in {:.1?}; the slowest:", started.elapsed());
    for (took, seed, name) in &slowest {
        eprintln!("  {took:.1?}: seed {seed}, {name}");
    }
    eprintln!(
        "{plans} plans ({formatted} formatted, {templated} without errors), \
         {measurements} measurement files ({evaluated} evaluated), \
         of which {workbooks} workbooks ({workbooks_evaluated} evaluated)"
    );
    // The mutants must reach the later stages too (the counts of the default run are about
    // 15% formatted and 6% evaluated).
    assert!(
        formatted * 20 > plans && templated > 0,
        "too few mutants parse"
    );
    assert!(
        evaluated * 50 > measurements,
        "too few mutants are evaluated"
    );
    assert!(
        workbooks_evaluated > 0 || cases < 1000,
        "no workbook mutant is evaluated"
    );
    assert!(
        failures.is_empty(),
        "{} of {cases} mutants break a property:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
