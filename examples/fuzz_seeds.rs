//! Writes the seed corpora of the fuzz targets (see docs/fuzzing.md) into `DIR/<target>/`:
//! every plan and measurement file of the repository (workbooks too), and generated plans (the messy but valid
//! plans of `tests/fmt_gen`). Usage: `cargo run --example fuzz_seeds -- fuzz/corpus`.

#[path = "../tests/fmt_gen/mod.rs"]
#[allow(dead_code)]
mod fmt_gen;

#[path = "../tests/common/files.rs"]
mod files;

use files::files_under;

use std::path::{Path, PathBuf};

/// How many generated plans each plan target gets.
const GENERATED: u64 = 300;

/// The marker between plan and measurements in an `eval` input (as in tests/common/properties.rs).
const SEPARATOR: &[u8] = b"\n%%%%\n";

/// Measurement files and the plan they belong to, by the `measurements` target's selector
/// byte (the order of fuzz/src/lib.rs's PLANS).
const MEASUREMENT_DIRS: &[(&str, &str, u8)] = &[
    ("tests/measurements", "tests/measurements/plan.piano", 0),
    ("tests/reports", "tests/reports/plan.piano", 1),
    ("plans", "plans/pistoia-prato-2024.piano", 2),
    ("tests/workbooks", "tests/measurements/plan.piano", 0),
];

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join(name.replace(['/', '\\'], "-")), bytes)
}

fn main() -> std::io::Result<()> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "fuzz/corpus".into()),
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rel = |p: &Path| p.strip_prefix(root).unwrap_or(p).display().to_string();

    let mut plans: Vec<PathBuf> = ["plans", "tests", "editors"]
        .iter()
        .flat_map(|dir| files_under(&root.join(dir), &["piano"]))
        .collect();
    // Inputs that still crash would stop the fuzzer on its first pass.
    plans.retain(|p| !p.components().any(|c| c.as_os_str() == "pending"));
    for target in ["check", "fmt", "template"] {
        let dir = out.join(target);
        for plan in &plans {
            write(&dir, &rel(plan), &std::fs::read(plan)?)?;
        }
        for seed in 0..GENERATED {
            write(
                &dir,
                &format!("generated-{seed}.piano"),
                fmt_gen::plan(seed).as_bytes(),
            )?;
        }
    }

    for (dir, plan, selector) in MEASUREMENT_DIRS {
        let plan_bytes = std::fs::read(root.join(plan))?;
        // Workbooks are larger than campaign.sh's -max_len: give the measurements target
        // `-max_len=32768` to keep them whole (docs/fuzzing.md).
        let mut found = files_under(&root.join(dir), &["csv", "json", "xlsx", "ods"]);
        found.retain(|p| !p.components().any(|c| c.as_os_str() == "pending"));
        for file in found {
            let bytes = std::fs::read(&file)?;
            let mut selected = vec![*selector];
            selected.extend_from_slice(&bytes);
            write(&out.join("measurements"), &rel(&file), &selected)?;
            let mut pair = plan_bytes.clone();
            pair.extend_from_slice(SEPARATOR);
            pair.extend_from_slice(&bytes);
            write(&out.join("eval"), &rel(&file), &pair)?;
        }
    }
    println!("seed corpora written to {}", out.display());
    Ok(())
}
