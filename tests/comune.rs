//! The plan of a comune (`plans/comune-2024.piano`, `comparto ente_locale`): it checks clean
//! with two-digit D.Lgs. 118/2011 codes, no tipologia and no strategic line on some
//! objectives, and a prerequisite; it gets its template and its report, in every format, with
//! the prerequisite conditioning the plan; the same codes under `comparto camera` are refused
//! with a help that names `ente_locale`.

use piano::commands::eval::{EvalArgs, run};
use piano::commands::template::{TemplateArgs, run as template};
use piano::diagnostics::{Code, Lang};
use piano::report::Format;
use piano::source::Source;

const PLAN: &str = "plans/comune-2024.piano";
const MEASUREMENTS: &str = "plans/comune-2024-12-31.csv";

fn text() -> String {
    std::fs::read_to_string(PLAN).expect("the comune plan")
}

fn eval(format: Format, responsabile: Option<&str>) -> piano::commands::Outcome {
    run(&EvalArgs {
        responsabile: responsabile.map(str::to_string),
        ..EvalArgs::new(PLAN, &[MEASUREMENTS.into()], format)
    })
}

#[test]
fn checks_clean() {
    let source = Source::new(PLAN, text());
    let diagnostics = piano::check_source(&source);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let model = piano::check_plan(&source).model;
    assert!(model.objectives.len() >= 6);
    assert_eq!(
        model.objectives.iter().filter(|o| o.prerequisite).count(),
        1
    );
    assert!(model.objectives.iter().any(|o| o.strategico.is_none()));
    assert!(
        model
            .objectives
            .iter()
            .flat_map(|o| &o.indicators)
            .any(|i| i.tipologia.is_none())
    );
    assert!(model.objectives.iter().all(|o| o.responsabile.is_some()));
    assert_eq!(
        model.objectives[0].missione,
        Some(("01".into(), "07".into()))
    );
}

#[test]
fn formatting_keeps_two_digit_codes() {
    let formatted = piano::fmt::format(&text()).expect("formats");
    assert_eq!(formatted, text(), "the shipped plan is formatted");
    assert!(formatted.contains("missione 01 programma 07"));
    assert!(!formatted.contains("missione 001"));
}

#[test]
fn gets_its_template() {
    let out = template(&TemplateArgs {
        plan: PLAN.into(),
        output: None,
        format: None,
        lang: Lang::It,
        color: false,
        stdout_is_terminal: false,
    });
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.contains("\n01.certificati_online;;;n.;"));
    assert!(out.stdout.contains("\n10.relazione;;;data;"));
}

#[test]
fn text_report() {
    let out = eval(Format::Text, None);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn every_format_shows_the_prerequisite_conditioning_the_plan() {
    let text = eval(Format::Text, None).stdout;
    assert!(text.contains("condizionata dal prerequisito 10 (92%), non raggiunto"));
    let md = eval(Format::Markdown, None).stdout;
    assert!(md.contains("condizionata dal prerequisito 10 (92%), non raggiunto"));
    assert!(md.contains("baseline 2023: 38%"));
    let html = eval(Format::Html, None).stdout;
    assert!(html.contains("condizionata dal prerequisito 10 (92%), non raggiunto"));
    assert!(html.contains("Ufficiale di anagrafe"));
    let csv = eval(Format::Csv, None).stdout;
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .contains(";responsabile;prerequisito;baseline_anno;baseline;")
    );
    assert!(csv.contains(";Segretario comunale;non raggiunto;2023;91%"));
    let json: serde_json::Value =
        serde_json::from_str(&eval(Format::Json, None).stdout).expect("JSON");
    assert_eq!(json["comparto"], "ente_locale");
    assert_eq!(json["condizionata_da"], serde_json::json!(["10"]));
    let objectives = json["obiettivi"].as_array().unwrap();
    let prerequisite = objectives.iter().find(|o| o["codice"] == "10").unwrap();
    assert_eq!(prerequisite["prerequisito"], true);
    assert_eq!(prerequisite["prerequisito_raggiunto"], false);
    assert_eq!(prerequisite["peso"], serde_json::Value::Null);
    let first = &objectives[0];
    assert_eq!(first["responsabile"], "Ufficiale di anagrafe");
    assert_eq!(first["indicatori"][0]["baseline"]["anno"], 2023);
    assert_eq!(
        first["indicatori"][0]["baseline"]["valore"].to_string(),
        "38"
    );
    // 20% × 100% + 10% × (100 + 20/22 + 100 + 100 + 100 + 100 + 80 + 0)%: the prerequisite
    // carries no weight.
    assert!(
        json["performance"].to_string().starts_with("87.0909"),
        "{}",
        json["performance"]
    );
    let lines = json["linee_strategiche"].as_array().unwrap();
    let unassigned = lines.last().unwrap();
    assert_eq!(unassigned["codice"], serde_json::Value::Null);
    assert_eq!(
        unassigned["obiettivi"],
        serde_json::json!(["06", "07", "08", "09"])
    );
}

#[test]
fn the_report_of_one_office() {
    let out = eval(Format::Json, Some("segretario"));
    assert_eq!(out.status, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let codes: Vec<&str> = json["obiettivi"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["codice"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["04", "10"]);
    // The office's own performance: objective 04 alone, conditioned by its prerequisite.
    assert_eq!(json["performance"].to_string(), "100");
    assert_eq!(json["condizionata_da"], serde_json::json!(["10"]));
    let out = eval(Format::Text, Some("ufficio che non c'è"));
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("\"Segretario comunale\""),
        "{}",
        out.stderr
    );
    assert_eq!(out.stdout, "");
}

#[test]
fn the_same_codes_under_comparto_camera_are_refused_naming_ente_locale() {
    let camera = text().replace("comparto ente_locale", "comparto camera");
    let source = Source::new("camera.piano", camera);
    let diagnostics = piano::check_source(&source);
    let unknown: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.code() == Code::C0601)
        .collect();
    let objectives = text().matches("\nobiettivo ").count();
    assert_eq!(unknown.len(), objectives, "one per objective");
    for d in unknown {
        let help = d.texts(Lang::It).help.unwrap_or_default();
        assert!(help.contains("`comparto ente_locale`"), "{help}");
    }
    // A PIRA also wants strategic lines and tipologie.
    assert!(diagnostics.iter().any(|d| d.code() == Code::N0208));
}

/// `text` with a diagnostic's first fix applied.
fn apply(text: &str, d: &piano::diagnostics::Diagnostic, pick: &str) -> String {
    let fixes = d.texts(Lang::It).fixes;
    let fix = fixes
        .iter()
        .find(|f| f.edits.iter().any(|e| e.replacement.contains(pick)))
        .unwrap_or_else(|| panic!("no fix with {pick}: {fixes:?}"));
    let mut out = text.to_string();
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    for e in edits {
        out.replace_range(e.span.range(), &e.replacement);
    }
    out
}

#[test]
fn the_fix_for_a_missing_comparto_declares_the_one_the_codes_fit() {
    let without = text().replace("  comparto ente_locale\n", "");
    let diagnostics = piano::check_source(&Source::new("x.piano", without.clone()));
    let d = diagnostics
        .iter()
        .find(|d| d.code() == Code::C0608)
        .expect("C0608");
    let fixed = apply(&without, d, "comparto ente_locale");
    assert!(piano::check_source(&Source::new("x.piano", fixed.clone())).is_empty());
    // The fix inserts a line of the block; `piano fmt` puts it in its place.
    assert_eq!(piano::fmt::format(&fixed).expect("formats"), text());
}

#[test]
fn the_weight_fix_of_w0505_completes_the_sum() {
    // Objective 09 without its weight: the others leave 10% to 100%.
    let without = text().replacen(
        "  peso 10%\n\n  indicatore approvazione",
        "\n  indicatore approvazione",
        1,
    );
    assert_ne!(without, text());
    let diagnostics = piano::check_source(&Source::new("x.piano", without.clone()));
    let d = diagnostics
        .iter()
        .find(|d| d.code() == Code::W0505)
        .expect("W0505");
    assert_eq!(d.texts(Lang::It).fixes.len(), 2, "peso and prerequisito");
    let fixed = apply(&without, d, "peso 10%");
    assert!(piano::check_source(&Source::new("x.piano", fixed)).is_empty());
}
