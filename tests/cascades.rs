//! One problem, one diagnostic. Over every plan of the test corpus (and the shipped plans),
//! no diagnostic may be the consequence of another one at the same place: the known
//! cause → effect pairs below are looked for, and any found is a cascade the checker should
//! have suppressed. Inputs named `CAUSE_..._not_EFFECT.piano` (in `tests/check/`) are the
//! suppressions' own cases: they must report the cause and not the effect.

use piano::check::error::CheckError;
use piano::diagnostics::{Code, Diagnostic, Kind};
use piano::source::Source;
use piano::span::Span;
use piano::syntax::ast::Item;
use std::path::{Path, PathBuf};

/// Where two diagnostics must be for one to be the other's consequence.
#[derive(Clone, Copy, Debug)]
enum Place {
    /// In the same top-level item (an objective, a template).
    SameItem,
    /// Anywhere in the plan (sums over all objectives, the triennio).
    Anywhere,
    /// The effect is about the very name the cause suggests or misspells.
    SameName,
}

/// A cause: a code, a syntax error that loses its line (the line is missing from the plan),
/// or an unknown template.
#[derive(Clone, Copy, Debug)]
enum Cause {
    Code(Code),
    LostLine,
    UnknownTemplate,
}

/// Syntax errors after which the line they are on is not in the plan (the others keep it:
/// a word outside its vocabulary, capitals in a name, `udm entro`, a block closed by guess).
const LOSE_THE_LINE: &[Code] = &[
    Code::P0101,
    Code::P0103,
    Code::P0104,
    Code::P0106,
    Code::P0107,
    Code::P0108,
    Code::P0109,
    Code::P0110,
    Code::P0111,
    Code::P0113,
    Code::P0115,
    Code::P0116,
    Code::P0117,
    Code::P0119,
    Code::P0120,
    Code::P0124,
];

/// Known cause → effect pairs, each suppressed by the checker.
const CASCADES: &[(Cause, Code, Place)] = &[
    // A definition given twice: the sums would count it wrong.
    (Cause::Code(Code::N0201), Code::W0501, Place::SameItem),
    (Cause::Code(Code::N0201), Code::W0505, Place::Anywhere),
    // A line lost to a syntax error: what it said is missing, not wrong.
    (Cause::LostLine, Code::W0501, Place::SameItem),
    (Cause::LostLine, Code::W0504, Place::SameItem),
    (Cause::LostLine, Code::W0505, Place::Anywhere),
    (Cause::LostLine, Code::T0403, Place::SameItem),
    (Cause::LostLine, Code::N0208, Place::SameItem),
    (Cause::LostLine, Code::N0204, Place::SameItem),
    // An unknown unit: nothing can be checked against it.
    (Cause::Code(Code::P0122), Code::T0401, Place::SameItem),
    (Cause::Code(Code::P0122), Code::T0402, Place::SameItem),
    (Cause::Code(Code::P0122), Code::U0301, Place::SameItem),
    (Cause::Code(Code::P0122), Code::U0307, Place::SameItem),
    (Cause::Code(Code::P0122), Code::U0308, Place::SameItem),
    (Cause::Code(Code::P0122), Code::U0309, Place::SameItem),
    (Cause::Code(Code::P0122), Code::U0310, Place::SameItem),
    // An unknown template: its fields are not missing.
    (Cause::UnknownTemplate, Code::N0208, Place::SameItem),
    (Cause::UnknownTemplate, Code::T0403, Place::SameItem),
    // A misspelt measure: the measure meant is not unused.
    (Cause::Code(Code::N0202), Code::N0204, Place::SameName),
    // Capitals in a name: the name is not unknown as well.
    (Cause::Code(Code::P0118), Code::N0202, Place::SameName),
    // A target year miswritten: the year meant is not missing as well.
    (Cause::Code(Code::T0405), Code::T0403, Place::SameItem),
    // A weight that cannot be read: the sum is not wrong as well.
    (Cause::Code(Code::U0309), Code::W0501, Place::SameItem),
    (Cause::Code(Code::U0309), Code::W0505, Place::Anywhere),
    (Cause::Code(Code::P0117), Code::W0504, Place::SameItem),
    // A triennio that cannot be used: targets are not outside it.
    (Cause::Code(Code::T0406), Code::T0405, Place::Anywhere),
    (Cause::Code(Code::N0206), Code::T0405, Place::Anywhere),
    // A `consenti` that accepts nothing: its reason does not matter.
    (Cause::Code(Code::N0210), Code::N0211, Place::SameItem),
    (Cause::Code(Code::N0212), Code::N0211, Place::SameItem),
    (Cause::Code(Code::N0213), Code::N0211, Place::SameItem),
    // An unclosed text: the `}` it swallowed is not extra.
    (Cause::Code(Code::P0103), Code::P0121, Place::Anywhere),
];

fn corpus() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        "tests/check",
        "tests/syntax",
        "tests/fix",
        "tests/fmt",
        "tests/seed",
        "plans",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_some_and(|x| x == "piano") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() > 100, "the corpus is there");
    files
}

/// The top-level item holding each offset, by its span (items that did not parse included).
fn item_spans(text: &str) -> Vec<Span> {
    let parsed = piano::syntax::parse(text);
    let mut spans: Vec<Span> = parsed.plan.items.iter().map(Item::span).collect();
    spans.extend(parsed.broken.iter().map(|b| b.span));
    spans
}

/// The line of `at`, for comments (a `consenti` problem and its reason).
fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count()
}

fn same_item(items: &[Span], text: &str, a: &Diagnostic, b: &Diagnostic) -> bool {
    let holder = |d: &Diagnostic| {
        items
            .iter()
            .position(|s| s.start <= d.span.start && d.span.start <= s.end)
    };
    match (holder(a), holder(b)) {
        (Some(x), Some(y)) => x == y,
        // Comments outside items: the same line.
        _ => line_of(text, a.span.start) == line_of(text, b.span.start),
    }
}

/// The name a diagnostic is about, for `Place::SameName`.
fn name(text: &str, d: &Diagnostic) -> Option<String> {
    match &d.kind {
        Kind::Check(CheckError::Undefined {
            suggestion: Some(s),
            ..
        }) => Some(s.to_lowercase()),
        Kind::Check(CheckError::Undefined { name, .. }) => Some(name.to_lowercase()),
        Kind::Check(CheckError::UnusedMeasure { name }) => Some(name.to_lowercase()),
        _ => text.get(d.span.range()).map(str::to_lowercase),
    }
}

fn is_cause(cause: Cause, d: &Diagnostic) -> bool {
    match cause {
        Cause::Code(c) => d.code() == c,
        Cause::LostLine => LOSE_THE_LINE.contains(&d.code()),
        Cause::UnknownTemplate => matches!(
            d.kind,
            Kind::Check(CheckError::Undefined {
                thing: piano::check::error::Thing::Modello,
                ..
            })
        ),
    }
}

/// The cascades found in one plan: (cause, effect) code pairs.
fn cascades(text: &str, diagnostics: &[Diagnostic]) -> Vec<(Code, Code)> {
    let items = item_spans(text);
    let mut found = Vec::new();
    for (cause, effect, place) in CASCADES {
        for c in diagnostics.iter().filter(|d| is_cause(*cause, d)) {
            for e in diagnostics.iter().filter(|d| d.code() == *effect) {
                let related = match place {
                    Place::SameItem => same_item(&items, text, c, e),
                    Place::Anywhere => true,
                    Place::SameName => name(text, c).is_some() && name(text, c) == name(text, e),
                };
                if related {
                    found.push((c.code(), e.code()));
                }
            }
        }
    }
    found
}

#[test]
fn no_diagnostic_of_the_corpus_is_caused_by_another() {
    let mut problems = Vec::new();
    for path in corpus() {
        let bytes = std::fs::read(&path).expect("readable");
        let source = Source::from_bytes(path.display().to_string(), &bytes).0;
        let diagnostics = piano::check_source(&source);
        for (cause, effect) in cascades(&source.text, &diagnostics) {
            problems.push(format!("{}: {effect} caused by {cause}", path.display()));
        }
    }
    assert!(problems.is_empty(), "cascades:\n{}", problems.join("\n"));
}

#[test]
fn each_suppression_has_a_case() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check");
    let mut cases = 0;
    for e in std::fs::read_dir(dir).expect("tests/check").flatten() {
        let path = e.path();
        let stem = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let Some((_, effect)) = stem.rsplit_once("_not_") else {
            continue;
        };
        let effect = Code::parse(effect).unwrap_or_else(|| panic!("{stem}: no code after _not_"));
        let cause = stem
            .split('_')
            .next()
            .and_then(Code::parse)
            .expect("a code first");
        let text = std::fs::read_to_string(&path).expect("readable");
        let codes: Vec<Code> = piano::check_source(&Source::new("x", text.as_str()))
            .iter()
            .map(Diagnostic::code)
            .collect();
        assert!(
            codes.contains(&cause),
            "{stem}: {cause} not reported: {codes:?}"
        );
        assert!(
            !codes.contains(&effect),
            "{stem}: {effect} reported: {codes:?}"
        );
        cases += 1;
    }
    assert!(cases >= 10, "suppression cases are there ({cases})");
}

/// The detector itself finds a cascade when there is one (a test that cannot fail would
/// prove nothing): a plan with a duplicate indicator and a weight error in that objective.
#[test]
fn the_detector_sees_a_cascade() {
    let text = "obiettivo 01 \"x\" {\n  indicatore a {\n  }\n}\n";
    let at = |s: &str| {
        let i = text.find(s).expect("in text");
        Span::new(i, i + s.len())
    };
    let duplicate = Diagnostic::new(
        at("a {"),
        CheckError::Duplicate {
            thing: piano::check::error::Thing::Indicatore,
            name: "a".into(),
            first: at("01"),
        },
    );
    let sum = Diagnostic::new(
        at("indicatore"),
        CheckError::MissingWeight {
            indicator: "a".into(),
        },
    );
    assert!(cascades(text, &[duplicate.clone(), sum]).is_empty());
    let w = Diagnostic::new(
        at("indicatore"),
        CheckError::WeightSum {
            sum: rust_decimal::Decimal::ONE,
            weights: Vec::new(),
            rounded_equal_split: false,
            equal_split: Vec::new(),
        },
    );
    assert_eq!(
        cascades(text, &[duplicate, w]),
        [(Code::N0201, Code::W0501)]
    );
}
