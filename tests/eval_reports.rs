//! The reports on a small plan (tests/reports/plan.piano, whose titles hold `<script>`, `=`,
//! `|` and `*`), one snapshot per format; the `piano eval` and `piano template` commands
//! (exit statuses, where diagnostics go, `-o`); and the template's round trip.

use piano::commands::eval::{EvalArgs, run};
use piano::commands::template::{TemplateArgs, run as template};
use piano::diagnostics::Lang;
use piano::eval;
use piano::report::Format;
use piano::source::Source;
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::str::FromStr;

fn args(format: Format) -> EvalArgs {
    EvalArgs::new(
        "tests/reports/plan.piano",
        &["tests/reports/misure.csv".into()],
        format,
    )
}

fn report(format: Format, lang: Lang) -> String {
    let out = run(&EvalArgs {
        lang,
        ..args(format)
    });
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "", "no diagnostics on the small plan");
    out.stdout
}

#[test]
fn text_report() {
    insta::assert_snapshot!(report(Format::Text, Lang::It));
}

#[test]
fn text_report_in_english() {
    insta::assert_snapshot!(report(Format::Text, Lang::En));
}

#[test]
fn text_report_on_a_terminal_has_colours_and_bars() {
    let out = run(&EvalArgs {
        fancy: true,
        ..args(Format::Text)
    });
    assert!(out.stdout.contains("\x1b[32m"), "green for 90% and above");
    assert!(out.stdout.contains('█'), "bars");
    let plain = report(Format::Text, Lang::It);
    assert!(!plain.contains('\x1b') && !plain.contains('█'));
}

#[test]
fn json_report() {
    let text = report(Format::Json, Lang::It);
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(v["anno"], 2024);
    assert_eq!(v["al"], "2024-06-30");
    let o = &v["obiettivi"][0];
    for key in ["codice", "titolo", "performance", "indicatori"] {
        assert!(o.get(key).is_some(), "objective key {key}");
    }
    let i = &o["indicatori"][0];
    for key in [
        "nome",
        "titolo",
        "udm",
        "valore",
        "target",
        "peso",
        "performance",
        "stato",
    ] {
        assert!(i.get(key).is_some(), "indicator key {key}");
    }
    assert_eq!(i["target"]["confronto"], ">=");
    // Exact numbers: 3/4 = 75 (percent), the weight 40 (percent).
    assert_eq!(i["performance"].to_string(), "75");
    assert_eq!(i["peso"].to_string(), "40");
    // 8 dates ISO, sì/no as booleans, n.d. as null, stato never localised.
    assert_eq!(o["indicatori"][2]["valore"], "2024-04-10");
    assert_eq!(o["indicatori"][3]["valore"], true);
    let costs = &v["obiettivi"][1]["indicatori"];
    assert_eq!(costs[1]["valore"], serde_json::Value::Null);
    assert_eq!(costs[1]["stato"], "n.d.");
    // A third of a weight, exactly (no binary rounding).
    assert_eq!(
        costs[0]["peso"].to_string(),
        "33.33333333333333333333333333"
    );
    let en = report(Format::Json, Lang::En);
    assert_eq!(en, text, "JSON is never localised");
    insta::assert_snapshot!(text);
}

/// A CSV for spreadsheets: a UTF-8 byte order mark (so that Excel reads `€` right) and CRLF
/// line ends; returns the text without the mark, with LF.
fn excel_csv(text: &str) -> String {
    let body = text
        .strip_prefix('\u{FEFF}')
        .expect("starts with a byte order mark");
    assert!(!body.is_empty());
    for line in body.split_inclusive('\n') {
        assert!(line.ends_with("\r\n"), "CRLF line end: {line:?}");
    }
    body.replace("\r\n", "\n")
}

#[test]
fn csv_report() {
    let text = excel_csv(&report(Format::Csv, Lang::It));
    assert!(
        text.contains(";'=HYPERLINK(\"\"http://example.invalid\"\") | *eventi*;")
            || text.contains("\"'=HYPERLINK(")
    );
    assert!(!text.contains(";=HYPERLINK"));
    assert!(
        text.contains("01_01_OS01.eventi: =1+2"),
        "notes start with their code"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn markdown_report() {
    let text = report(Format::Markdown, Lang::It);
    assert!(!text.contains("<script>"));
    assert!(text.contains("[^1]:"), "notes as footnotes");
    insta::assert_snapshot!(text);
}

#[test]
fn html_report() {
    let text = report(Format::Html, Lang::It);
    assert!(!text.contains("<script>"), "plan text is escaped");
    assert!(text.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assert!(!text.contains("<b>non grassetto"), "notes are escaped");
    assert!(text.contains("@page { size: A4"));
    assert_self_contained(&text);
    insta::assert_snapshot!(text);
}

/// Guards that the HTML report needs nothing but itself (it is mailed and archived): no
/// attribute or style rule loads anything (`src`, `srcset`, `href` other than a footnote
/// anchor, `url(`, `@import`), no element that embeds another resource. The plan's own
/// `http://` in a title is text, escaped, and allowed.
fn assert_self_contained(html: &str) {
    let lower = html.to_lowercase();
    for loader in [
        "src=", "srcset=", "url(", "@import", "<link", "<img", "<script", "<iframe", "<object",
        "<embed", "<base",
    ] {
        assert!(
            !lower.contains(loader),
            "the HTML report loads something: {loader}"
        );
    }
    for (at, _) in lower.match_indices("href=") {
        let value = &lower[at + "href=".len()..];
        assert!(
            value.starts_with("\"#"),
            "a link out of the report: {}",
            &html[at..(at + 60).min(html.len())]
        );
    }
    assert!(
        lower.contains("href=\"#obiettivo-01_01_os01-nota-1\""),
        "the footnote links are seen"
    );
}

#[test]
fn output_file() {
    let dir = std::env::temp_dir().join(format!("piano-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("report.html");
    let out = run(&EvalArgs {
        output: Some(path.clone()),
        ..args(Format::Html)
    });
    assert_eq!(out.status, 0);
    assert_eq!(out.stdout, "");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.starts_with("<!DOCTYPE html>"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn measurement_errors_give_no_report_and_status_1() {
    let out = run(&EvalArgs {
        measurements: vec!["tests/measurements/unknown_code.csv".into()],
        ..args(Format::Json)
    });
    assert_eq!(out.status, 1);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("M0708"));
    assert!(out.stderr.contains("nessun report"));
}

#[test]
fn plan_errors_give_no_report_and_status_1() {
    let dir = std::env::temp_dir().join(format!("piano-eval-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let plan = dir.join("rotto.piano");
    let text = std::fs::read_to_string("tests/reports/plan.piano")
        .unwrap()
        .replace("peso 40%", "peso 45%");
    std::fs::write(&plan, text).unwrap();
    let out = run(&EvalArgs {
        plan: plan.clone(),
        ..args(Format::Text)
    });
    assert_eq!(out.status, 1, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn year_outside_the_triennio_points_at_the_option() {
    let out = run(&EvalArgs {
        year: Some(2030),
        ..args(Format::Text)
    });
    assert_eq!(out.status, 1);
    assert_eq!(out.stdout, "");
    insta::assert_snapshot!(out.stderr);
}

#[test]
fn as_of_outside_the_triennio_points_at_the_option() {
    let out = run(&EvalArgs {
        as_of: Some("30/06/2023".into()),
        ..args(Format::Text)
    });
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("E0803"));
    assert!(out.stderr.contains("--as-of 30/06/2023"));
}

#[test]
fn bad_as_of_is_a_usage_error() {
    let out = run(&EvalArgs {
        as_of: Some("2024-06-30".into()),
        ..args(Format::Text)
    });
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("giorno/mese/anno"));
}

#[test]
fn as_of_overrides_rilevazione_and_year_overrides_its_year() {
    let out = run(&EvalArgs {
        as_of: Some("31/12/2024".into()),
        year: Some(2025),
        ..args(Format::Json)
    });
    assert_eq!(out.status, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["al"], "2024-12-31");
    assert_eq!(v["anno"], 2025);
    // 2025 targets: eventi >= 5.
    assert_eq!(v["obiettivi"][0]["indicatori"][0]["target"]["valore"], 5);
}

#[test]
fn missing_file_is_a_usage_error() {
    let out = run(&EvalArgs {
        measurements: vec!["tests/reports/nessuno.csv".into()],
        ..args(Format::Text)
    });
    assert_eq!(out.status, 2);
}

fn template_text(plan: &str) -> String {
    let out = template(&TemplateArgs {
        plan: PathBuf::from(plan),
        output: None,
        format: None,
        lang: Lang::It,
        color: false,
        stdout_is_terminal: false,
    });
    assert_eq!(out.status, 0, "{}", out.stderr);
    out.stdout
}

#[test]
fn template_snapshot() {
    insta::assert_snapshot!(excel_csv(&template_text("tests/measurements/plan.piano")));
}

/// A value of the right kind for `udm`, different on each row `k`, written as a clerk would
/// write it, with the value it must load as.
fn filled_value(udm: &str, k: usize) -> (String, eval::value::Val) {
    use eval::value::Val;
    let n = |text: &str| Decimal::from_str(text).unwrap();
    if k % 7 == 3 {
        return ("n.d.".into(), Val::NotAvailable);
    }
    match udm {
        "data" if k.is_multiple_of(5) => ("no".into(), Val::NotDone),
        "data" => {
            let (day, month) = (1 + k % 28, 1 + k % 12);
            let date = chrono::NaiveDate::from_ymd_opt(2024, month as u32, day as u32).unwrap();
            (format!("{day:02}/{month:02}/2024"), Val::Date(date))
        }
        "sì/no" if k.is_multiple_of(2) => ("sì".into(), Val::Bool(true)),
        "sì/no" => ("no".into(), Val::Bool(false)),
        // Percentages load as fractions of one: 12,5% is 0,125.
        "%" if k % 4 == 1 => (
            format!("-{k},25%"),
            Val::Number(n(&format!("-{k}.25")) / n("100")),
        ),
        "%" => (
            format!("{k},5%"),
            Val::Number(n(&format!("{k}.5")) / n("100")),
        ),
        "€" => (
            format!("{}.234,56 €", k + 1),
            Val::Number(n(&format!("{}234.56", k + 1))),
        ),
        "gg" if k.is_multiple_of(2) => (format!("{k} gg"), Val::Number(Decimal::from(k))),
        _ if k.is_multiple_of(3) => (format!("1.{k:03}"), Val::Number(Decimal::from(1000 + k))),
        _ => (format!("{k},75"), Val::Number(n(&format!("{k}.75")))),
    }
}

/// Fills every value of a template (see `filled_value`); returns the file and, by code, the
/// value each row must load as.
fn fill(template: &str) -> (String, Vec<(String, eval::value::Val)>) {
    let mut out = String::new();
    let mut expected = Vec::new();
    for (k, line) in template.lines().enumerate() {
        if k == 0 {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let (code, rest) = line.split_once(";;;").expect("an empty value and note");
        let udm = rest.split(';').next().unwrap();
        let value = if code == "rilevazione" {
            "30/06/2024".to_string()
        } else {
            let (text, value) = filled_value(udm, k);
            expected.push((code.to_string(), value));
            text
        };
        out.push_str(&format!("{code};{value};nota di {code};{rest}\n"));
    }
    (out, expected)
}

/// Guards the reading of every kind of value against the template's own columns: each value
/// read back is compared with the one written (numbers with thousands and decimals, negative
/// percentages as fractions, euro amounts, dates, sì/no, `no` for a date, n.d.), and its note.
#[test]
fn a_filled_in_template_loads_back_unchanged() {
    for plan_path in [
        "tests/measurements/plan.piano",
        "tests/reports/plan.piano",
        "plans/pistoia-prato-2024.piano",
    ] {
        let template = template_text(plan_path);
        let (filled, expected) = fill(&template);
        let plan = Source::from_bytes(plan_path, &std::fs::read(plan_path).unwrap()).0;
        let checked = piano::check_plan(&plan);
        let loaded = eval::load(
            &checked.model,
            &Source::from_bytes("riempito.csv", filled.as_bytes()).0,
        );
        assert!(
            loaded.diagnostics.is_empty(),
            "{plan_path}: {:#?}",
            loaded.diagnostics
        );
        assert_eq!(
            loaded.measurements.monitoring.map(|(d, _)| d),
            chrono::NaiveDate::from_ymd_opt(2024, 6, 30)
        );
        let needs = eval::needs::needed(&checked.model);
        assert_eq!(needs.len(), expected.len(), "{plan_path}: one row per need");
        for (code, value) in &expected {
            let found = needs
                .iter()
                .find(|n| n.code == code)
                .and_then(|n| loaded.measurements.get(n.target).cloned())
                .unwrap_or_else(|| panic!("{plan_path}: {code} loaded"));
            assert_eq!(&found.value, value, "{plan_path}: value of {code}");
            assert_eq!(
                found.note.as_deref(),
                Some(format!("nota di {code}").as_str())
            );
        }
        // Every kind of value was written at least once.
        if plan_path.starts_with("plans/") {
            use eval::value::Val;
            let kinds = |f: fn(&Val) -> bool| expected.iter().filter(|(_, v)| f(v)).count();
            assert!(kinds(|v| matches!(v, Val::Date(_))) > 0);
            assert!(kinds(|v| matches!(v, Val::NotDone)) > 0);
            assert!(kinds(|v| matches!(v, Val::Bool(false))) > 0);
            assert!(kinds(|v| matches!(v, Val::NotAvailable)) > 0);
            assert!(kinds(|v| matches!(v, Val::Number(x) if x.is_sign_negative())) > 0);
        }
        // And the unfilled template loads too: every value missing, one warning.
        let empty = eval::load(
            &checked.model,
            &Source::from_bytes("vuoto.csv", template.as_bytes()).0,
        );
        assert_eq!(empty.diagnostics.len(), 1, "{plan_path}");
        assert_eq!(empty.diagnostics[0].code().as_str(), "M0716");
    }
}

/// The JSON report is written objective by objective; its bytes must be those of the whole
/// tree pretty-printed at once: parsing it back and printing it again gives the same text, on
/// plans with and without ambiti, linee strategiche and missioni.
#[test]
fn json_report_written_in_pieces_is_the_whole_tree_printed_at_once() {
    for (plan, values) in [
        ("tests/reports/plan.piano", "tests/reports/misure.csv"),
        (
            "plans/pistoia-prato-2024.piano",
            "plans/pistoia-prato-2024-06-30.csv",
        ),
        ("plans/comune-2024.piano", "plans/comune-2024-12-31.csv"),
    ] {
        let out = run(&EvalArgs {
            plan: plan.into(),
            measurements: vec![values.into()],
            ..args(Format::Json)
        });
        assert_eq!(out.status, 0, "{plan}: {}", out.stderr);
        let tree: serde_json::Value = serde_json::from_str(&out.stdout).expect("valid JSON");
        let whole = serde_json::to_string_pretty(&tree).unwrap() + "\n";
        assert_eq!(out.stdout, whole, "{plan}");
    }
}

/// The parts of the JSON report written piece by piece without a value tree: the plan's notes
/// of an indicator, the notes of the measurement file, and the change between two dates, on the
/// seed plan at its two monitoring dates.
#[test]
fn json_report_writes_notes_and_changes_as_values() {
    let out = run(&EvalArgs::new(
        "plans/pistoia-prato-2024.piano",
        &[
            "plans/pistoia-prato-2024-06-30.csv".into(),
            "plans/pistoia-prato-2024-12-31.csv".into(),
        ],
        Format::Json,
    ));
    assert_eq!(out.status, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("the report is JSON");
    let indicators: Vec<&serde_json::Value> = json["obiettivi"]
        .as_array()
        .expect("obiettivi")
        .iter()
        .flat_map(|o| o["indicatori"].as_array().expect("indicatori"))
        .collect();
    let noted: Vec<&serde_json::Value> = indicators
        .iter()
        .filter(|i| i["note_piano"] != serde_json::json!([]))
        .copied()
        .collect();
    assert!(!noted.is_empty(), "the seed's indicators have notes");
    assert!(
        noted
            .iter()
            .any(|i| i["note_piano"]
                == serde_json::json!(["Target modificato rispetto al PIAO 2024"]))
    );
    assert!(
        indicators.iter().all(
            |i| i["note"].is_array() && (i["variazione"].is_null() || i["variazione"].is_i64())
        ),
        "notes are arrays, changes whole numbers or null"
    );
    assert!(indicators.iter().any(|i| i["variazione"].is_i64()));
}
