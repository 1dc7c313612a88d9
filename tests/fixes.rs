//! Fixes: one input per case under `tests/fix/`, a nearly right plan with one kind of
//! fixable mistake, named after its code. Each case's fixes are applied (the unsafe ones too)
//! and the plan is checked again: it must be clean. The snapshot records every fix offered
//! (applicability and title) and the diff of the result; the test also checks that a fix
//! marked `sicura` is all `--fix` needs, and that a fix changes only the lines it edits and
//! nothing of the resolved plan outside them.

mod common;

use piano::diagnostics::{Applicability, Code, Diagnostic, Lang};
use piano::repair::{self, Options};
use piano::source::Source;
use piano::span::Span;

const SAFE: Options = Options {
    unsafe_fixes: false,
};
const ALL: Options = Options { unsafe_fixes: true };

#[test]
fn fixes_repair_each_case() {
    insta::glob!("fix/*.piano", |path| {
        let source = common::report::source(path, "fix");
        let stem = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let code = stem
            .split('_')
            .next()
            .and_then(Code::parse)
            .unwrap_or_else(|| panic!("{stem}: name must start with a code"));
        let text = source.text.as_str();
        let before = piano::check_source(&source);
        let fixes: Vec<(Code, Applicability)> = before
            .iter()
            .filter(|d| d.code() == code)
            .flat_map(|d| {
                d.texts(Lang::It)
                    .fixes
                    .into_iter()
                    .map(move |f| (d.code(), f.applicability))
            })
            .collect();
        assert!(!fixes.is_empty(), "{stem}: no fix offered for {code}");

        let all = repair::repair(text, ALL, Lang::It);
        let after = open(piano::check_source(&Source::new(
            "fixed",
            all.text.as_str(),
        )));
        assert!(
            after.is_empty(),
            "{stem}: not clean after --fix --unsafe-fixes: {:?}\n{}",
            codes(&after),
            all.text
        );

        // Safe fixes alone repair the plan exactly when the code's fixes are safe.
        let safe = repair::repair(text, SAFE, Lang::It);
        let left = open(piano::check_source(&Source::new(
            "fixed",
            safe.text.as_str(),
        )));
        let all_safe = fixes.iter().all(|(_, a)| *a == Applicability::Safe);
        assert_eq!(
            !codes(&left).contains(&code),
            all_safe,
            "{stem}: --fix alone and the fixes' applicability disagree"
        );

        changes_stay_on_the_edited_lines(&stem, text, &before, &all.text);
        model_unchanged_outside_the_edits(&stem, text, &before, &all.text);

        insta::assert_snapshot!(record(&source, &before, &all.text));
    });
}

/// The diagnostics not accepted by a `consenti` comment.
fn open(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .filter(|d| d.accepted.is_none())
        .collect()
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<Code> {
    diagnostics.iter().map(Diagnostic::code).collect()
}

/// The fixes offered, then the diff of the repaired plan.
fn record(source: &Source, diagnostics: &[Diagnostic], fixed: &str) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let (line, col) = source.line_col(d.span.start);
        for lang in [Lang::It, Lang::En] {
            for f in d.texts(lang).fixes {
                out.push_str(&format!(
                    "{line}:{col} {} [{}] {}\n",
                    d.code(),
                    f.applicability.as_str(),
                    f.title
                ));
            }
        }
    }
    out.push('\n');
    out.push_str(&piano::fmt::diff::unified(
        &source.text,
        fixed,
        &source.name,
    ));
    out
}

/// Every edit the first round would make, in the original's offsets.
fn first_round_edits(diagnostics: &[Diagnostic]) -> Vec<Span> {
    diagnostics
        .iter()
        .flat_map(|d| d.texts(Lang::It).fixes)
        .flat_map(|f| f.edits)
        .map(|e| e.span)
        .collect()
}

/// The diff between the plan and its repair changes only lines that some fix edits.
fn changes_stay_on_the_edited_lines(stem: &str, text: &str, before: &[Diagnostic], fixed: &str) {
    let edits = first_round_edits(before);
    let line_of = |at: usize| text[..at.min(text.len())].matches('\n').count();
    let touched: Vec<usize> = edits
        .iter()
        .flat_map(|s| line_of(s.start)..=line_of(s.end))
        .collect();
    let diff = piano::fmt::diff::unified(text, fixed, "x");
    // Removed lines of the original, by their text: each must be a touched line.
    let lines: Vec<&str> = text.lines().collect();
    for removed in diff
        .lines()
        .filter(|l| l.starts_with('-') && !l.starts_with("---"))
    {
        let removed = &removed[1..];
        let ok = touched.iter().any(|&i| lines.get(i) == Some(&removed));
        assert!(ok, "{stem}: the fix changed an unrelated line: {removed:?}");
    }
}

/// The resolved plan outside the edited places is the same before and after the fix:
/// every indicator and measure that no edit touches, compared without their spans.
fn model_unchanged_outside_the_edits(stem: &str, text: &str, before: &[Diagnostic], fixed: &str) {
    let edits = first_round_edits(before);
    let original = piano::check_plan(&Source::new("x", text)).model;
    let repaired = piano::check_plan(&Source::new("x", fixed)).model;
    let touched = |span: Span| {
        edits
            .iter()
            .any(|e| e.start <= span.end && span.start <= e.end)
    };
    // Measures declared on an edited line (an unknown `udm` fixed, say): the indicators
    // computed from them change with them.
    let edited_measures: Vec<String> = repaired
        .measures
        .iter()
        .map(|m| m.name.clone())
        .filter(|name| {
            original
                .measures
                .iter()
                .find(|m| &m.name == name)
                .is_none_or(|m| touched(m.span))
        })
        .collect();
    let uses_edited = |i: &piano::check::model::Indicator| {
        let mut ids = Vec::new();
        if let Some(f) = &i.formula {
            measures_of(&f.expr, &mut ids);
        }
        ids.iter().any(|id| {
            repaired
                .measures
                .get(*id)
                .is_some_and(|m| edited_measures.contains(&m.name))
        })
    };
    let repaired_indicators: Vec<String> = repaired
        .objectives
        .iter()
        .flat_map(|o| &o.indicators)
        .filter(|i| !uses_edited(i))
        .map(common::unspanned)
        .collect();
    for i in original.objectives.iter().flat_map(|o| &o.indicators) {
        if touched(i.span) || i.formula.is_none() && repaired_formula(&repaired, &i.code) {
            continue;
        }
        let i = common::unspanned(i);
        assert!(
            repaired_indicators.contains(&i),
            "{stem}: an indicator no fix touches changed:\n{i}"
        );
    }
    let repaired_measures: Vec<String> = repaired.measures.iter().map(common::unspanned).collect();
    for m in &original.measures {
        if !touched(m.span) {
            let m = common::unspanned(m);
            assert!(
                repaired_measures.contains(&m),
                "{stem}: a measure no fix touches changed:\n{m}"
            );
        }
    }
}

fn measures_of(e: &piano::check::model::RExpr, out: &mut Vec<usize>) {
    use piano::check::model::RExprKind as K;
    match &e.kind {
        K::Measure(id) => out.push(*id),
        K::Neg(x) => measures_of(x, out),
        K::Binary { lhs, rhs, .. } => {
            measures_of(lhs, out);
            measures_of(rhs, out);
        }
        K::Call { args, .. } => args.iter().for_each(|a| measures_of(a, out)),
        K::Number(_) | K::Indicator(_) => {}
    }
}

/// Whether the repaired plan computes the indicator `code` (it had no formula before: one of
/// its names was broken).
fn repaired_formula(model: &piano::check::Model, code: &str) -> bool {
    model
        .objectives
        .iter()
        .flat_map(|o| &o.indicators)
        .any(|i| i.code == code && i.formula.is_some())
}

/// Every code that comes with a fix somewhere in the test corpus has a case here.
#[test]
fn every_fixable_code_has_a_case() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let cases: Vec<String> = std::fs::read_dir(root.join("tests/fix"))
        .expect("tests/fix")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let mut fixable = std::collections::BTreeSet::new();
    for dir in ["tests/check", "tests/syntax", "tests/seed", "plans"] {
        for e in std::fs::read_dir(root.join(dir))
            .expect("a folder")
            .flatten()
        {
            let path = e.path();
            if path.extension().is_none_or(|x| x != "piano") {
                continue;
            }
            let bytes = std::fs::read(&path).expect("readable");
            let source = Source::from_bytes("x", &bytes).0;
            for d in piano::check_source(&source) {
                if !d.texts(Lang::It).fixes.is_empty() {
                    fixable.insert(d.code());
                }
            }
        }
    }
    assert!(fixable.len() > 10, "{fixable:?}");
    let without: Vec<_> = fixable
        .iter()
        .filter(|code| !cases.iter().any(|c| c.starts_with(code.as_str())))
        .collect();
    assert!(
        without.is_empty(),
        "fixes without a case in tests/fix: {without:?}"
    );
}
