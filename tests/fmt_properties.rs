//! Properties of `piano fmt` over every plan in the repository that parses without errors and
//! over generated messy plans: formatting is idempotent, keeps the meaning (the AST without
//! spans), keeps every comment, and lays lines out cleanly. Since `fmt::format` checks its
//! own meaning and comments before it returns, those assertions repeat it; what guards the
//! formatter independently is `check_agreement`: the checker's diagnostics (code, message and
//! places, by the plan's structure) and the evaluation's scores are the same before and after.

#[path = "common/files.rs"]
mod files;
mod fmt_gen;
mod fmt_places;

use files::files_under;
use piano::diagnostics::Lang;
use piano::fmt::{comment_texts, format, meaning::meaning};
use piano::source::Source;
use std::path::Path;

/// Checks every property on one plan; `label` names it in failures. Returns whether the plan
/// checked clean and was scored before and after.
fn check_properties(label: &str, text: &str) -> bool {
    let original = piano::syntax::parse(text);
    let formatted = format(text).unwrap_or_else(|e| panic!("{label}: not formatted: {e:?}"));
    let again = format(&formatted)
        .unwrap_or_else(|e| panic!("{label}: formatted text not formatted: {e:?}\n{formatted}"));
    assert_eq!(
        again, formatted,
        "{label}: formatting is not idempotent; first pass:\n{formatted}"
    );

    let reparsed = piano::syntax::parse(&formatted);
    assert!(
        reparsed.diagnostics.is_empty(),
        "{label}: the formatted plan has diagnostics {:?}\n{formatted}",
        reparsed.diagnostics
    );
    assert_eq!(
        meaning(&reparsed.plan),
        meaning(&original.plan),
        "{label}: the formatted plan means something else:\n{formatted}"
    );
    assert_eq!(
        comment_texts(&formatted, &reparsed.comments),
        comment_texts(text, &original.comments),
        "{label}: comments differ:\n{formatted}"
    );
    check_layout(label, &formatted);
    check_agreement(label, text, &formatted)
}

/// One diagnostic of the checker, with its places said by the plan's structure.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Finding {
    code: String,
    place: String,
    message: String,
    related: Vec<String>,
}

fn findings(text: &str) -> (Vec<Finding>, piano::check::Checked) {
    let source = Source::new("p.piano", text);
    let checked = piano::check_plan(&source);
    let places = fmt_places::Places::of(&piano::syntax::parse(&source.text).plan);
    let mut out: Vec<Finding> = checked
        .diagnostics
        .iter()
        .map(|d| {
            let texts = d.texts(Lang::It);
            Finding {
                code: d.code().to_string(),
                place: places.place(d.span),
                message: texts.message,
                related: texts
                    .related
                    .iter()
                    .map(|(s, _)| places.place(*s))
                    .collect(),
            }
        })
        .collect();
    out.sort();
    (out, checked)
}

/// Guards the formatter against changes its own self-check cannot see (a blind spot of
/// `meaning()` is shared by the formatter and a test that calls it): the checker, run on the
/// plan before and after formatting, must find the same problems at the same places of the
/// plan's structure, and the resolved plan must score the same on the same measurements (the
/// JSON report, every performance and roll-up included). Plans with errors are scored too:
/// `piano eval` refuses them, but what the checker resolved must not depend on the layout
/// either. Returns whether the plan was scored.
fn check_agreement(label: &str, text: &str, formatted: &str) -> bool {
    let (mut before, checked) = findings(text);
    let (after, checked_after) = findings(formatted);
    // Typographic quotes (P0140) are the one warning formatting repairs: `fmt` writes `"`.
    before.retain(|f| f.code != "P0140");
    assert_eq!(
        after, before,
        "{label}: the checker says something else after formatting:\n{formatted}"
    );
    let measurements = Source::new("misure.csv", measurements_for(&checked.model));
    let score = |checked: &piano::check::Checked, text: &str| {
        let loaded = piano::eval::load(&checked.model, &measurements);
        let (evaluation, _) = piano::eval::evaluate(
            &checked.model,
            text,
            &loaded.measurements,
            piano::eval::Options::default(),
        );
        evaluation.map(|eval| {
            let report = piano::report::Report::new(&checked.model, &eval);
            piano::report::json::render(report)
        })
    };
    let report = score(&checked, text);
    assert_eq!(
        score(&checked_after, formatted),
        report,
        "{label}: the formatted plan scores differently:\n{formatted}"
    );
    report.is_some()
}

/// A measurement file for every code the plan needs, with values of the right kind that
/// differ from row to row (and some n.d.), so that scores differ between indicators.
fn measurements_for(model: &piano::check::model::Model) -> String {
    use piano::syntax::ast::Udm;
    let mut csv = String::from("codice;valore\nrilevazione;30/06/2024\n");
    for (k, need) in piano::eval::needs::needed(model).iter().enumerate() {
        let value = match (need.udm, k % 6) {
            (_, 5) => "n.d.".to_string(),
            (Udm::Date, 4) => "no".to_string(),
            (Udm::Date, _) => format!("{:02}/{:02}/2024", 1 + k % 28, 1 + k % 12),
            (Udm::YesNo, _) => if k % 2 == 0 { "sì" } else { "no" }.to_string(),
            (Udm::Percent, _) => format!("{},5%", 10 * k % 130),
            (Udm::Euro, _) => format!("{}.500,25 €", 1 + k % 9),
            _ => format!("{}", 3 * k % 41),
        };
        csv.push_str(&format!("{};{value}\n", need.code));
    }
    csv
}

/// Layout rules that hold whatever the input: no trailing blanks, no tabs, no two blank lines
/// in a row, no blank line after `{` or before `}`, one final newline.
fn check_layout(label: &str, formatted: &str) {
    if formatted.is_empty() {
        return;
    }
    assert!(
        formatted.ends_with('\n') && !formatted.ends_with("\n\n"),
        "{label}: bad end of file"
    );
    let lines: Vec<&str> = formatted.lines().collect();
    let mut in_long_text = false;
    for (i, line) in lines.iter().enumerate() {
        let n = i + 1;
        // Lines of a long text are the user's, blank ones included.
        let was_in_long_text = in_long_text;
        in_long_text ^= line.matches("\"\"\"").count() % 2 == 1;
        if was_in_long_text && in_long_text {
            continue;
        }
        assert_eq!(
            line.trim_end(),
            *line,
            "{label}: trailing blanks on line {n}"
        );
        assert!(!line.starts_with('\t'), "{label}: tab on line {n}");
        let next = lines.get(i + 1).copied().unwrap_or("x");
        if line.is_empty() && !was_in_long_text {
            assert!(!next.is_empty(), "{label}: two blank lines at {n}");
            assert!(next.trim() != "}", "{label}: blank line before `}}` at {n}");
        }
        // A line that opens a block (not inside a long text, where lines are free).
        if line.ends_with('{') && !in_long_text && !line.trim_start().starts_with('#') {
            assert!(!next.is_empty(), "{label}: blank line after `{{` at {n}");
        }
    }
}

#[test]
fn repository_plans_keep_their_meaning_and_comments() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files: Vec<_> = ["plans", "editors/samples", "tests"]
        .iter()
        .flat_map(|dir| files_under(&root.join(dir), &["piano"]))
        .collect();
    let (mut checked, mut scored) = (0, 0);
    for path in &files {
        let bytes = std::fs::read(path).expect("readable plan");
        let source = piano::source::Source::from_bytes(path.display().to_string(), &bytes).0;
        let parsed = piano::syntax::parse(&source.text);
        if parsed.diagnostics.iter().any(|d| d.is_error()) {
            continue; // a plan kept broken on purpose, for the checker's tests
        }
        scored += usize::from(check_properties(&path.display().to_string(), &source.text));
        checked += 1;
    }
    // The editor sample and the snapshot inputs at least.
    assert!(checked >= 5, "only {checked} plans found");
    assert!(
        scored >= checked / 2,
        "only {scored} of {checked} plans scored"
    );
}

#[test]
fn generated_plans_keep_their_meaning_and_comments() {
    let mut scored = 0;
    for seed in 1..=500u64 {
        let text = fmt_gen::plan(seed);
        let parsed = piano::syntax::parse(&text);
        assert!(
            parsed.diagnostics.is_empty(),
            "generator bug, seed {seed}: {:?}\n{text}",
            parsed.diagnostics
        );
        scored += usize::from(check_properties(&format!("generated plan {seed}"), &text));
    }
    assert!(scored > 400, "only {scored} generated plans scored");
}

#[test]
fn broken_plans_are_refused_without_panicking() {
    let mut refused = 0;
    for seed in 1..=300u64 {
        let text = fmt_gen::mutate(&fmt_gen::plan(seed), seed);
        match format(&text) {
            // Still valid after the edits: the properties hold as for any plan.
            Ok(_) => {
                check_properties(&format!("mutated plan {seed}"), &text);
            }
            Err(piano::fmt::FormatError::Syntax(diagnostics)) => {
                assert!(!diagnostics.is_empty());
                refused += 1;
            }
            Err(e) => panic!("mutated plan {seed}: {e:?}\n{text}"),
        }
    }
    assert!(refused > 100, "only {refused} mutated plans were broken");
}

#[test]
fn generated_plans_vary() {
    // The generator must produce what the formatter has to normalise, or the property test
    // above proves little.
    let all: String = (1..=50).map(fmt_gen::plan).collect();
    for needle in [
        "\r\n", "\t", "# ", "} #", "{ #", "si/no", "= si", " --", ".2024", "€ ", "\"\"\"", "\\\"",
        "1.000", "min(", "-(", "{ ambito", "\n\n\n",
    ] {
        assert!(
            all.contains(needle),
            "no generated plan contains {needle:?}"
        );
    }
}
