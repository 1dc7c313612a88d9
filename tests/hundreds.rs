//! Ratios scaled by 100, recognised by the unit algebra whatever the shape of the formula,
//! and evaluated as the ratio they mean: the published card's `pratiche_5gg * 100 /
//! pratiche_evase` with `udm %` shows 86,83%, not 8.683%.

use piano::check::model::Correction;
use piano::diagnostics::Code;
use piano::eval::value::Val;
use piano::source::Source;
use rust_decimal::Decimal;
use std::str::FromStr;

/// A plan with one objective whose indicator `q` has `formula` and `udm`; the measures `a`
/// (a count), `b` (a count) and `p` (a percentage). Measures a formula does not use are
/// reported unused (N0204), which the tests leave aside.
fn plan(formula: &str, udm: &str) -> String {
    format!(
        r#"piano "Prova" {{
  ente "Camera di Commercio di Prova"
  comparto camera
  anno 2024
  triennio 2024-2026
}}

ambito 1 "Competitività"

strategico 01_01 "Digitalizzazione" {{
  ambito 1
}}

obiettivo 01_01_OS01 "Prova" {{
  strategico 01_01
  missione 011 programma 005
  risorse interne
  misura a "Pratiche evase entro 5 giorni" n.
  misura b "Pratiche evase" n.
  misura p "Quota" %
  indicatore q "Quota" {{
    formula {formula}
    tipologia efficacia
    udm {udm}
    target 2024 n.d.
    target 2025 n.d.
    target 2026 n.d.
    peso 100%
  }}
}}
"#
    )
}

const VALUES: &str =
    "codice;valore\n01_01_OS01.a;356\n01_01_OS01.b;410\n01_01_OS01.p;25%\nrilevazione;30/06/2024\n";

/// The codes of the checker's diagnostics, and the value `piano eval` computes.
fn check_and_eval(formula: &str, udm: &str) -> (Vec<Code>, Option<Correction>, Val) {
    let text = plan(formula, udm);
    let checked = piano::check_plan(&Source::new("p.piano", text.as_str()));
    let codes: Vec<Code> = checked
        .diagnostics
        .iter()
        .map(|d| d.code())
        .filter(|c| *c != Code::N0204)
        .collect();
    let model = &checked.model;
    let corrected = model.objectives[0].indicators[0]
        .formula
        .as_ref()
        .and_then(|f| f.corrected);
    let loaded = piano::eval::load(model, &Source::new("m.csv", VALUES));
    assert!(!loaded.has_errors(), "{formula}: {:?}", loaded.diagnostics);
    let (evaluation, _) = piano::eval::evaluate(
        model,
        &text,
        &loaded.measurements,
        piano::eval::Options::default(),
    );
    let value = evaluation.expect("evaluated").objectives[0].indicators[0]
        .value
        .clone();
    (codes, corrected, value)
}

fn number(v: &Val) -> Decimal {
    match v {
        Val::Number(n) => *n,
        other => panic!("not a number: {other:?}"),
    }
}

fn ratio() -> Decimal {
    Decimal::from(356) / Decimal::from(410)
}

#[test]
fn every_shape_of_a_ratio_times_100_is_caught_and_computed_as_the_ratio() {
    for formula in [
        "a / b * 100",
        "100 * a / b",
        "(a * 100) / b",
        "a * 100 / b",
        "a / (b / 100)",
        "100 * (a / b)",
        "-(a / b * 100) * -1",
        "abs(a / b * 100)",
    ] {
        let (codes, corrected, value) = check_and_eval(formula, "%");
        assert!(codes.contains(&Code::U0305), "{formula}: {codes:?}");
        assert!(
            !codes
                .iter()
                .any(|c| c.severity() == piano::diagnostics::Severity::Error)
        );
        assert_eq!(corrected, Some(Correction::TimesHundred), "{formula}");
        assert_eq!(number(&value), ratio(), "{formula}");
    }
}

#[test]
fn the_chamber_card_shows_the_percentage_it_means() {
    let (codes, _, value) = check_and_eval("a * 100 / b", "%");
    assert_eq!(codes, [Code::U0305]);
    // 86,83%, scored against `>= 80%`, not 8.682,93%.
    let shown = piano::report::percent(number(&value)).round_dp(2);
    assert_eq!(shown, Decimal::from_str("86.83").unwrap());
}

#[test]
fn a_percentage_divided_by_100_is_caught_and_computed_without_the_division() {
    let (codes, corrected, value) = check_and_eval("b * p / 100", "n.");
    assert_eq!(codes, [Code::U0312]);
    assert_eq!(corrected, Some(Correction::OverHundred));
    // 25% of 410 pratiche.
    assert_eq!(number(&value), Decimal::from_str("102.5").unwrap());
    let (codes, _, value) = check_and_eval("p / 100", "%");
    assert_eq!(codes, [Code::U0312]);
    assert_eq!(number(&value), Decimal::from_str("0.25").unwrap());
}

#[test]
fn a_count_times_100_is_no_ratio_and_no_warning() {
    for (formula, expected) in [
        ("a * 100", "35600"),
        ("100 * a", "35600"),
        ("a / 100", "3.56"),
    ] {
        let (codes, corrected, value) = check_and_eval(formula, "n.");
        assert!(codes.is_empty(), "{formula}: {codes:?}");
        assert_eq!(corrected, None);
        assert_eq!(
            number(&value),
            Decimal::from_str(expected).unwrap(),
            "{formula}"
        );
    }
    // Hundreds that cancel out, and a ratio of two counts each scaled.
    let (codes, _, value) = check_and_eval("a * 100 / (b * 100)", "%");
    assert!(codes.is_empty(), "{codes:?}");
    assert_eq!(number(&value), ratio());
}

#[test]
fn a_ratio_in_points_minus_a_constant_in_points_is_read_whole() {
    // `a / b * 100 - 5` means (a / b - 5%) in points: read as a ratio, the 5 is 5%.
    let (codes, corrected, value) = check_and_eval("a / b * 100 - 5", "%");
    assert_eq!(codes, [Code::U0305]);
    assert_eq!(corrected, Some(Correction::TimesHundred));
    assert_eq!(number(&value), ratio() - Decimal::from_str("0.05").unwrap());
}

#[test]
fn one_side_of_a_sum_in_points_is_corrected_alone() {
    let (codes, _, value) = check_and_eval("a / b * 100 - a / b", "%");
    assert_eq!(codes, [Code::U0305]);
    assert_eq!(number(&value), Decimal::ZERO);
}

#[test]
fn the_report_repeats_the_warning_beside_the_indicator() {
    let text = plan("a * 100 / b", "%");
    let checked = piano::check_plan(&Source::new("p.piano", text.as_str()));
    let model = &checked.model;
    let loaded = piano::eval::load(model, &Source::new("m.csv", VALUES));
    let (evaluation, _) = piano::eval::evaluate(
        model,
        &text,
        &loaded.measurements,
        piano::eval::Options::default(),
    );
    let evaluation = evaluation.expect("evaluated");
    let report = piano::report::Report::new(model, &evaluation);
    let options = piano::report::Options {
        lang: piano::diagnostics::Lang::It,
        ..Default::default()
    };
    let piano::report::Rendered::Text(text_report) =
        piano::report::render(piano::report::Format::Text, report, options)
    else {
        panic!("a text report is text");
    };
    assert!(text_report.contains("86,83%"), "{text_report}");
    assert!(text_report.contains("avviso U0305"), "{text_report}");
    let piano::report::Rendered::Text(json) =
        piano::report::render(piano::report::Format::Json, report, options)
    else {
        panic!("a JSON report is text");
    };
    assert!(json.contains("\"formula_corretta\": \"U0305\""), "{json}");
}
