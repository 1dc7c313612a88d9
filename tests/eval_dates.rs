//! Reports of several monitoring dates (`piano eval PLAN A B …`): a column per date, oldest
//! first whatever the order of the arguments, and the change between the last two, in every
//! format; files of different formats together (CSV and JSON); the seed at 30/06/2024 and
//! 31/12/2024; `--ordina performance`; the tidy CSV; the sets that make no report (`E0810`,
//! `E0811`, `--as-of` with several files).

use piano::commands::eval::{EvalArgs, run};
use piano::report::{CsvLayout, Format, Order};
use std::path::PathBuf;

const PLAN: &str = "tests/reports/plan.piano";
const JUNE: &str = "tests/reports/misure.csv";
const DECEMBER: &str = "tests/reports/misure-2024-12-31.json";
const SEED: &str = "plans/pistoia-prato-2024.piano";
const SEED_JUNE: &str = "plans/pistoia-prato-2024-06-30.csv";
const SEED_DECEMBER: &str = "plans/pistoia-prato-2024-12-31.csv";

fn args(plan: &str, files: &[&str], format: Format) -> EvalArgs {
    let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
    EvalArgs::new(plan, &files, format)
}

fn report(args: &EvalArgs) -> String {
    let out = run(args);
    assert_eq!(out.status, 0, "{}", out.stderr);
    out.stdout
}

/// The December file first: the report still reads June, then December.
fn two_dates(format: Format) -> String {
    report(&args(PLAN, &[DECEMBER, JUNE], format))
}

#[test]
fn text_two_dates() {
    let text = two_dates(Format::Text);
    assert!(text.contains("rilevazioni al 30/06/2024 e al 31/12/2024"));
    assert!(text.contains("84%    97%  +13 punti"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn markdown_two_dates() {
    insta::assert_snapshot!(two_dates(Format::Markdown));
}

#[test]
fn csv_two_dates() {
    insta::assert_snapshot!(two_dates(Format::Csv));
}

#[test]
fn json_two_dates() {
    let text = two_dates(Format::Json);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let dates: Vec<&str> = json["rilevazioni"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        dates,
        ["2024-06-30", "2024-12-31"],
        "{}",
        json["rilevazioni"]
    );
    insta::assert_snapshot!(text);
}

#[test]
fn html_two_dates() {
    let html = two_dates(Format::Html);
    // Both bars of every indicator, June's first.
    let june = html.matches("data-date=\"2024-06-30\"").count();
    let december = html.matches("data-date=\"2024-12-31\"").count();
    assert_eq!((june, december), (7, 7));
    assert!(html.find("data-date=\"2024-06-30\"") < html.find("data-date=\"2024-12-31\""));
    insta::assert_snapshot!(html);
}

#[test]
fn tidy_csv() {
    let text = report(&EvalArgs {
        layout: CsvLayout::Tidy,
        ..args(PLAN, &[JUNE, DECEMBER], Format::Csv)
    });
    // CRLF lines (RFC 4180), one fact per row, plain numbers (no digit grouping, dot decimals), ISO dates, the
    // unit in its own column.
    assert_eq!(text.matches("\r\n").count(), text.lines().count(), "{text}");
    let text = text.replace("\r\n", "\n");
    assert!(text.starts_with("data,livello,codice,grandezza,anno,confronto,valore,udm\n"));
    assert!(
        text.contains("\n2024-06-30,piano,,performance,2024,,83.666"),
        "{text}"
    );
    assert!(
        text.contains("\n,missione,011/005,risorse,2024,,10000,€\n"),
        "{text}"
    );
    assert!(text.contains("\n2024-12-31,indicatore,01_01_OS01.eventi,valore,2024,,5,n.\n"));
    assert!(
        !text.contains("10.000") && !text.contains("30/06/2024"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

/// The seed at its two dates, in every format: the plan goes from 62% to 97%.
#[test]
fn seed_two_dates_in_every_format() {
    let of = |format| report(&args(SEED, &[SEED_JUNE, SEED_DECEMBER], format));
    let text = of(Format::Text);
    assert!(
        text.contains("Performance del piano:   62%    97%  +35 punti"),
        "{text}"
    );
    let md = of(Format::Markdown);
    assert!(md.contains("62% → 97%"), "{md}");
    let json: serde_json::Value = serde_json::from_str(&of(Format::Json)).unwrap();
    assert_eq!(json["rilevazioni"].as_array().map(Vec::len), Some(2));
    let csv = of(Format::Csv);
    assert!(csv.lines().next().unwrap().contains("2024-12-31"), "{csv}");
    let html = of(Format::Html);
    assert!(html.contains("+35 punti"));
    insta::assert_snapshot!(text);
}

#[test]
fn worst_first() {
    let text = report(&EvalArgs {
        order: Order::Performance,
        ..args(PLAN, &[JUNE], Format::Text)
    });
    // 03_01_OS01 (90%) after 01_01_OS01 (77%); within it, bando (67%) first, sportello last.
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s}\n{text}"));
    assert!(at("01_01_OS01  ") < at("03_01_OS01  "));
    assert!(at("  bando ") < at("  eventi ") && at("  eventi ") < at("  adesione "));
    assert!(at("  adesione ") < at("  sportello "));
    let plan_order = report(&args(PLAN, &[JUNE], Format::Text));
    let p = |s: &str| plan_order.find(s).unwrap();
    assert!(p("  eventi ") < p("  adesione ") && p("  adesione ") < p("  bando "));
}

/// The same date twice is E0810; two scored years is E0811; `--as-of` with several files is
/// a usage error.
#[test]
fn dates_that_make_no_report() {
    let out = run(&args(PLAN, &[JUNE, JUNE], Format::Text));
    assert_eq!(out.status, 1, "{}", out.stderr);
    assert!(out.stderr.contains("E0810"), "{}", out.stderr);

    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("eval-dates");
    std::fs::create_dir_all(&dir).unwrap();
    let next_year = dir.join("misure-2025-06-30.csv");
    let june = std::fs::read_to_string(JUNE).unwrap();
    std::fs::write(&next_year, june.replace("30/06/2024", "30/06/2025")).unwrap();
    let next = next_year.display().to_string();
    let out = run(&args(PLAN, &[JUNE, &next], Format::Text));
    assert_eq!(out.status, 1, "{}", out.stderr);
    assert!(out.stderr.contains("E0811"), "{}", out.stderr);
    // The same year given with --year: one report.
    let out = run(&EvalArgs {
        year: Some(2024),
        ..args(PLAN, &[JUNE, &next], Format::Text)
    });
    assert_eq!(out.status, 0, "{}", out.stderr);

    let out = run(&EvalArgs {
        as_of: Some("31/12/2024".into()),
        ..args(PLAN, &[JUNE, DECEMBER], Format::Text)
    });
    assert_eq!(out.status, 2, "{}", out.stderr);
    assert!(out.stderr.contains("`--as-of`"), "{}", out.stderr);
}
