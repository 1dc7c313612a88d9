//! The properties every input must keep, whatever its bytes: shared by the stable property
//! test (`tests/properties.rs`), the regression cases (`tests/regressions.rs`) and the fuzz
//! targets (`fuzz/`, which include this file by path). Each function runs one stage the way a
//! command runs it and panics, with a message naming the property, when one does not hold:
//!
//! - nothing panics;
//! - every span of every diagnostic (primary, related labels, fix edits) is inside the file it
//!   belongs to and on character boundaries;
//! - rendering is deterministic: the whole run done twice gives identical bytes;
//! - `piano fmt`'s output formats to itself, checks with the same diagnostics and keeps every
//!   comment;
//! - `piano template`'s output loads back: empty, it only lacks values; filled in, it loads
//!   without a diagnostic; the workbook template (`.xlsx`) loads back empty too.
//!
//! Measurement files are given as bytes where they can be ([`load_bytes`], [`eval_bytes`]),
//! so that workbooks go through the same reader as in `piano eval`.
#![allow(dead_code)]

use piano::check::Checked;
use piano::diagnostics::render::{self, Format, Options};
use piano::diagnostics::{Diagnostic, Lang};
use piano::eval::{self, Place};
use piano::report;
use piano::source::Source;
use piano::span::Span;

/// The marker between a plan and a measurement file in one fuzz input.
pub const SEPARATOR: &[u8] = b"\n%%%%\n";

/// Splits a fuzz input into a plan and a measurement file; without the marker, it is all
/// measurement file and the plan is `default_plan`.
pub fn split<'a>(data: &'a [u8], default_plan: &'a [u8]) -> (&'a [u8], &'a [u8]) {
    match data.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
        Some(i) => (&data[..i], &data[i + SEPARATOR.len()..]),
        None => (default_plan, data),
    }
}

/// Asserts that `span` lies inside `source` and on character boundaries.
pub fn assert_span(source: &Source, span: Span, what: &str) {
    let text = &source.text;
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "span outside the file: {what}: {}..{} in {} bytes of {}",
        span.start,
        span.end,
        text.len(),
        source.name
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "span not on a character boundary: {what}: {}..{} in {}",
        span.start,
        span.end,
        source.name
    );
}

/// Every span of every diagnostic, in both languages (labels are built with the texts).
pub fn assert_spans(source: &Source, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let code = d.code();
        assert_span(source, d.span, &format!("{code}"));
        for lang in [Lang::It, Lang::En] {
            let texts = d.texts(lang);
            for (span, _) in &texts.related {
                assert_span(source, *span, &format!("related label of {code}"));
            }
            for fix in &texts.fixes {
                for edit in &fix.edits {
                    assert_span(source, edit.span, &format!("fix edit of {code}"));
                }
            }
        }
    }
}

/// The diagnostics in the three formats, as `check` prints them (and `eval`, human only).
pub fn rendered(source: &Source, diagnostics: &[Diagnostic]) -> String {
    let options = |lang, format| Options {
        lang,
        format,
        color: false,
    };
    let mut out = render::render(source, diagnostics, options(Lang::It, Format::Human));
    out.push_str(&render::render(
        source,
        diagnostics,
        options(Lang::En, Format::Json),
    ));
    out.push_str(&render::render(
        source,
        diagnostics,
        options(Lang::En, Format::Short),
    ));
    out
}

/// Runs `run` twice and asserts the same bytes.
pub fn assert_deterministic(what: &str, run: impl Fn() -> String) -> String {
    let first = run();
    let second = run();
    assert!(
        first == second,
        "output differs between two runs: {what}\n--- first\n{first}\n--- second\n{second}"
    );
    first
}

pub fn source(name: &str, bytes: &[u8]) -> Source {
    Source::from_bytes(name, bytes).0
}

/// `piano check`: spans and rendering. Returns the check, for later stages.
pub fn check(plan: &Source) -> Checked {
    let checked = piano::check_plan(plan);
    assert_spans(plan, &checked.diagnostics);
    let first = rendered(plan, &checked.diagnostics);
    let again = piano::check_plan(plan);
    let second = rendered(plan, &again.diagnostics);
    assert!(
        first == second,
        "output differs between two runs: check\n--- first\n{first}\n--- second\n{second}"
    );
    checked
}

/// The measurement file alone, read for a checked plan: spans and rendering.
pub fn load(checked: &Checked, measurements: &Source) {
    assert_deterministic("load", || {
        let loaded = eval::load(&checked.model, measurements);
        assert_spans(measurements, &loaded.diagnostics);
        rendered(measurements, &loaded.diagnostics)
    });
}

/// A measurement file's bytes as `piano eval` reads them: a workbook (`.xlsx`, `.ods`, told
/// by its first bytes) or a text; spans inside the source its diagnostics are rendered with
/// (a workbook's text view), and rendering.
pub fn load_bytes(checked: &Checked, name: &str, bytes: &[u8]) {
    assert_deterministic("load", || {
        let (source, loaded) = eval::load_bytes(&checked.model, name, bytes);
        assert_spans(&source, &loaded.diagnostics);
        rendered(&source, &loaded.diagnostics)
    });
}

/// `piano eval` with a measurement file: the load, the evaluation, and every report in both
/// languages. The plan's own diagnostics are `check`'s business.
/// True when the evaluation went as far as the reports.
pub fn eval(plan: &Source, measurements: &Source) -> bool {
    let checked = piano::check_plan(plan);
    if checked.has_errors() {
        return false;
    }
    eval_checked(plan, &checked, measurements)
}

/// [`eval`] with the measurement file's bytes, read as `piano eval` reads them (workbooks
/// too: see [`load_bytes`]).
pub fn eval_bytes(plan: &Source, name: &str, bytes: &[u8]) -> bool {
    let checked = piano::check_plan(plan);
    if checked.has_errors() {
        return false;
    }
    eval_loaded(plan, &checked, &|| {
        eval::load_bytes(&checked.model, name, bytes)
    })
}

/// [`eval`] for a plan already checked (and without errors).
pub fn eval_checked(plan: &Source, checked: &Checked, measurements: &Source) -> bool {
    eval_loaded(plan, checked, &|| {
        (
            measurements.clone(),
            eval::load(&checked.model, measurements),
        )
    })
}

/// The evaluation after `load` (run on each of the two runs, so that loading is compared too).
fn eval_loaded(
    plan: &Source,
    checked: &Checked,
    load: &dyn Fn() -> (Source, eval::Loaded),
) -> bool {
    let reported = std::cell::Cell::new(false);
    assert_deterministic("eval", || {
        let (measurements, loaded) = load();
        let (out, r) = eval_once(plan, checked, &measurements, loaded);
        reported.set(r);
        out
    });
    reported.get()
}

fn eval_once(
    plan: &Source,
    checked: &Checked,
    measurements: &Source,
    loaded: eval::Loaded,
) -> (String, bool) {
    let model = &checked.model;
    assert_spans(measurements, &loaded.diagnostics);
    let mut out = rendered(measurements, &loaded.diagnostics);
    if loaded.has_errors() {
        return (out, false);
    }
    let (evaluation, located) = eval::evaluate(
        model,
        &plan.text,
        &loaded.measurements,
        eval::Options::default(),
    );
    for l in &located {
        let one = std::slice::from_ref(&l.diagnostic);
        let cli;
        let source = match &l.place {
            Place::Plan => plan,
            Place::Measurements => measurements,
            place @ Place::CommandLine { .. } => {
                cli = place.source().unwrap_or_else(|| Source::new("", ""));
                &cli
            }
        };
        assert_spans(source, one);
        out.push_str(&rendered(source, one));
    }
    let Some(evaluation) = evaluation else {
        return (out, false);
    };
    let formats = [
        report::Format::Text,
        report::Format::Json,
        report::Format::Csv,
        report::Format::Markdown,
        report::Format::Html,
        report::Format::Xlsx,
    ];
    for format in formats {
        for (lang, fancy) in [(Lang::It, false), (Lang::En, true)] {
            // A workbook takes milliseconds to zip: one language is enough for its properties.
            if format == report::Format::Xlsx && lang == Lang::En {
                continue;
            }
            let r = report::Report::new(model, &evaluation);
            let options = report::Options {
                lang,
                fancy,
                layout: Default::default(),
            };
            match report::render(format, r, options) {
                report::Rendered::Text(text) => out.push_str(&text),
                // The bytes are compared by the determinism check like the texts.
                report::Rendered::Workbook(Ok(bytes)) => {
                    out.push_str(&format!("{} bytes of workbook\n", bytes.len()));
                }
                report::Rendered::Workbook(Err(e)) => panic!("the workbook report failed: {e}"),
            }
        }
    }
    (out, true)
}

/// `piano fmt`: a plan that parses is formatted; the output formats to itself, checks with the
/// same diagnostics (codes and severities: positions move) and keeps every comment.
/// True when the plan was formatted (it had no syntax error).
pub fn fmt(plan: &Source) -> bool {
    let formatted = match piano::fmt::format(&plan.text) {
        Ok(text) => text,
        Err(piano::fmt::FormatError::Syntax(diagnostics)) => {
            assert!(
                diagnostics.iter().any(Diagnostic::is_error),
                "fmt refused a plan without syntax errors"
            );
            return false;
        }
        Err(piano::fmt::FormatError::Internal(why)) => panic!("fmt internal error: {why}"),
    };
    let again = piano::fmt::format(&formatted);
    assert!(
        again.as_ref().is_ok_and(|t| *t == formatted),
        "fmt is not idempotent: {:?}\n--- formatted once\n{formatted}",
        again.err()
    );
    let codes = |text: &str| {
        // Typographic quotes (P0140) are the one warning formatting repairs: `fmt` writes `"`.
        let mut codes: Vec<String> = piano::check_source(&Source::new("x.piano", text))
            .iter()
            .map(|d| d.code().to_string())
            .filter(|c| c != "P0140")
            .collect();
        codes.sort();
        codes
    };
    assert_eq!(
        codes(&formatted),
        codes(&plan.text),
        "the formatted plan checks with other diagnostics\n--- formatted\n{formatted}"
    );
    let comments = |text: &str| {
        let parsed = piano::syntax::parse(text);
        piano::fmt::comment_texts(text, &parsed.comments)
    };
    assert_eq!(
        comments(&formatted),
        comments(&plan.text),
        "fmt lost or changed a comment"
    );
    true
}

/// `piano template`: for a plan without errors, the template loads back with every value
/// missing (one warning), and filled in with a value of the right kind loads without a
/// diagnostic; the filled-in file is then evaluated.
/// True when the plan had no error, so that its template was made.
pub fn template(plan: &Source) -> bool {
    let checked = piano::check_plan(plan);
    if checked.has_errors() {
        return false;
    }
    let text = assert_deterministic("template", || {
        piano::commands::template::template(&checked.model, Lang::It)
    });
    let empty = eval::load(&checked.model, &Source::new("modello.csv", text.as_str()));
    let codes: Vec<String> = empty
        .diagnostics
        .iter()
        .map(|d| d.code().to_string())
        .collect();
    assert!(
        codes == ["M0716"] || (codes.is_empty() && eval::needs::needed(&checked.model).is_empty()),
        "the empty template loads with {codes:?}\n{text}"
    );
    let filled = fill(&text);
    let loaded = eval::load(
        &checked.model,
        &Source::new("riempito.csv", filled.as_str()),
    );
    let codes: Vec<String> = loaded
        .diagnostics
        .iter()
        .map(|d| d.code().to_string())
        .collect();
    assert!(
        codes.is_empty(),
        "the filled-in template loads with {codes:?}\n{filled}"
    );
    eval_checked(plan, &checked, &Source::new("riempito.csv", filled));
    // The workbook template: the same bytes twice, and it loads back with every value missing.
    let workbook = || {
        piano::commands::template_xlsx::workbook(&checked.model, Lang::It)
            .unwrap_or_else(|e| panic!("the workbook template failed: {e}"))
    };
    let bytes = workbook();
    assert!(
        bytes == workbook(),
        "the workbook template differs between two runs"
    );
    let (view, empty) = eval::load_bytes(&checked.model, "modello.xlsx", &bytes);
    assert_spans(&view, &empty.diagnostics);
    let codes: Vec<String> = empty
        .diagnostics
        .iter()
        .map(|d| d.code().to_string())
        .collect();
    assert!(
        codes == ["M0716"] || (codes.is_empty() && eval::needs::needed(&checked.model).is_empty()),
        "the empty workbook template loads with {codes:?}"
    );
    true
}

/// Fills every value of a template with one of the right kind for its UdM, and a note.
pub fn fill(template: &str) -> String {
    let mut out = String::new();
    for (k, line) in template.lines().enumerate() {
        let Some((code, rest)) = line.split_once(";;;").filter(|_| k > 0) else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        let udm = rest.split(';').next().unwrap_or("");
        let value = match udm {
            "data" if code == "rilevazione" => "30/06/2024",
            "data" => "15/03/2024",
            "sì/no" => "sì",
            "%" => "12,5%",
            "€" => "1.234,56 €",
            _ => "7",
        };
        out.push_str(&format!("{code};{value};nota;{rest}\n"));
    }
    out
}

/// How far a plan went: formatted (no syntax error), templated (no error at all).
#[derive(Clone, Copy, Debug, Default)]
pub struct Reached {
    pub formatted: bool,
    pub templated: bool,
}

/// Every property of a plan: check, fmt, template (and eval of the filled-in template).
pub fn plan_case(plan: &Source) -> Reached {
    check(plan);
    Reached {
        formatted: fmt(plan),
        templated: template(plan),
    }
}
