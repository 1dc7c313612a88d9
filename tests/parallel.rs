//! Items parsed on several threads give exactly what one thread gives: the same tree, the
//! same diagnostics in the same order, the same printed output.

#[path = "common/files.rs"]
mod files;

use files::files_under;
use piano::diagnostics::Lang;
use piano::diagnostics::render::{self, Format, Options};
use piano::source::Source;
use std::path::{Path, PathBuf};

/// Everything a `piano check` run shows, in both formats, and the tree behind it.
fn output(text: &str, workers: usize) -> String {
    let parsed = piano::syntax::parse_with(text, workers);
    let tree = format!("{parsed:?}");
    let checked = piano::check::check(&parsed, text);
    let source = Source::new("plan.piano", text);
    let mut out = tree;
    for format in [Format::Human, Format::Json] {
        let options = Options {
            lang: Lang::It,
            format,
            color: false,
        };
        out.push_str(&render::render(&source, &checked.diagnostics, options));
    }
    out.push_str(&format!("{:?}", checked.model));
    out
}

fn files() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = files_under(&root.join("plans"), &["piano"]);
    paths.extend(files_under(&root.join("tests"), &["piano"]));
    assert!(paths.len() > 50, "the corpus is found");
    paths
        .into_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            Some((p, Source::from_bytes("", &bytes).0.text))
        })
        .collect()
}

#[test]
fn every_corpus_file_parses_alike_on_one_and_on_several_threads() {
    for (path, text) in files() {
        let serial = output(&text, 1);
        for workers in [2, 3] {
            assert!(
                serial == output(&text, workers),
                "{}: {workers} threads differ from one",
                path.display()
            );
        }
    }
}

#[test]
fn the_whole_corpus_in_one_file_parses_alike_on_one_and_on_several_threads() {
    // Large enough for `parse` to choose threads by itself.
    let mut text = String::new();
    while text.len() < 1024 * 1024 {
        for (_, t) in files() {
            if t.contains('\0') {
                continue;
            }
            text.push_str(&t);
            text.push('\n');
        }
    }
    let serial = output(&text, 1);
    assert!(serial == output(&text, 4), "4 threads differ from one");
    let auto = piano::syntax::parse(&text);
    assert!(
        format!("{auto:?}") == format!("{:?}", piano::syntax::parse_with(&text, 1)),
        "`parse` differs from one thread"
    );
}

/// The command line checks with `check_staged`, which parses the objectives in batches and
/// drops each one's tree once it is resolved (on several threads, ahead of the thread that
/// resolves them), and `check_owned`, its fallback, which drops them from a whole tree; the
/// language server keeps the tree and uses `check`. All say the same, on one thread and on
/// several, and so does `piano check`'s way, which keeps only the diagnostics.
#[test]
fn checking_that_frees_the_tree_as_it_goes_says_what_checking_the_whole_tree_says() {
    let same = |path: &Path, text: &str| {
        let parsed = piano::syntax::parse_with(text, 1);
        let whole = piano::check::check(&parsed, text);
        let expected = (format!("{:?}", whole.diagnostics), whole.model);
        let owned = piano::check::check_owned(parsed, text);
        assert!(
            expected == (format!("{:?}", owned.diagnostics), owned.model),
            "{}: check_owned differs",
            path.display()
        );
        for workers in [1, 2] {
            let staged = piano::check::check_staged(text, workers);
            assert!(
                expected == (format!("{:?}", staged.diagnostics), staged.model),
                "{}: check_staged on {workers} threads differs",
                path.display()
            );
            // What `piano check` runs: the same diagnostics, without the model's texts.
            let lean =
                piano::check::check_staged_keeping(text, workers, piano::check::Keep::Diagnostics);
            assert!(
                expected.0 == format!("{:?}", lean.diagnostics),
                "{}: check_staged keeping only the diagnostics, on {workers} threads, differs",
                path.display()
            );
        }
    };
    let mut all = String::new();
    for (path, text) in files() {
        same(&path, &text);
        if !text.contains('\0') {
            all.push_str(&text);
            all.push('\n');
        }
    }
    // More objectives than a batch, in one file.
    same(Path::new("the whole corpus"), &all.repeat(3));
}

/// A large plan's JSON report is made objective by objective on several threads: the same
/// bytes as on one, for every shipped plan with each of its measurement files (the seed plan
/// has more objectives than a worker's batch of 16).
#[test]
fn the_json_report_written_on_several_threads_is_the_one_written_on_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |name: &str| std::fs::read_to_string(root.join("plans").join(name)).unwrap();
    let cases = [
        ("pistoia-prato-2024.piano", "pistoia-prato-2024-06-30.csv"),
        ("pistoia-prato-2024.piano", "pistoia-prato-2024-12-31.csv"),
        ("comune-2024.piano", "comune-2024-12-31.csv"),
    ];
    let mut written = 0;
    for (plan, measurements) in cases {
        let text = read(plan);
        let checked = piano::check_plan(&Source::new(plan, text.as_str()));
        let source = Source::new(measurements, read(measurements).as_str());
        let loaded = piano::eval::load(&checked.model, &source);
        let (evaluation, _) = piano::eval::evaluate(
            &checked.model,
            &text,
            &loaded.measurements,
            piano::eval::Options::default(),
        );
        let evaluation = evaluation.expect("the shipped measurements evaluate");
        let report = piano::report::Report::new(&checked.model, &evaluation);
        let mut one = Vec::new();
        piano::report::json::write_with(report, &mut one, 1).unwrap();
        for workers in [2, 3] {
            let mut many = Vec::new();
            piano::report::json::write_with(report, &mut many, workers).unwrap();
            assert!(
                one == many,
                "{plan} with {measurements}: {workers} threads differ"
            );
        }
        assert!(one.len() > 10_000);
        written += 1;
    }
    assert_eq!(written, 3);
}

/// A large plan's objectives are scored on several threads: the same evaluation and the same
/// diagnostics, in the same order, as on one. Every shipped plan with each of its measurement
/// files, and the measurement cases' plan with each case that evaluates (division by zero,
/// missing values, late deadlines: diagnostics in the plan and in the file).
#[test]
fn an_evaluation_on_several_threads_is_the_one_on_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases: Vec<(PathBuf, PathBuf)> = [
        ("pistoia-prato-2024.piano", "pistoia-prato-2024-06-30.csv"),
        ("pistoia-prato-2024.piano", "pistoia-prato-2024-12-31.csv"),
        ("comune-2024.piano", "comune-2024-12-31.csv"),
    ]
    .iter()
    .map(|(p, m)| (root.join("plans").join(p), root.join("plans").join(m)))
    .collect();
    let dir = root.join("tests/measurements");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv" || x == "json"))
        .collect();
    files.sort();
    cases.extend(files.into_iter().map(|f| (dir.join("plan.piano"), f)));
    let (mut compared, mut with_diagnostics) = (0, 0);
    for (plan, measurements) in &cases {
        let text = std::fs::read_to_string(plan).unwrap();
        let checked = piano::check_plan(&Source::new(plan.display().to_string(), text.as_str()));
        let bytes = std::fs::read(measurements).unwrap();
        let name = measurements.display().to_string();
        let (_, loaded) = piano::eval::load_bytes(&checked.model, &name, &bytes);
        if loaded.has_errors() {
            continue;
        }
        let options = piano::eval::Options::default();
        let evaluate = |workers| {
            piano::eval::evaluate_with(
                &checked.model,
                &text,
                &loaded.measurements,
                options,
                workers,
            )
        };
        let one = evaluate(1);
        for workers in [2, 3] {
            assert!(
                one == evaluate(workers),
                "{} with {}: {workers} threads differ",
                plan.display(),
                measurements.display()
            );
        }
        compared += 1;
        with_diagnostics += usize::from(!one.1.is_empty());
    }
    assert!(compared >= 10, "{compared} cases evaluated");
    assert!(
        with_diagnostics >= 3,
        "{with_diagnostics} cases with diagnostics"
    );
}
