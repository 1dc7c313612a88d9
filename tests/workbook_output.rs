//! The workbooks piano writes, read back in-process with calamine (the office tools' own checks
//! are in tests/office.rs): the template (`piano template -o misure.xlsx`) and the report
//! (`piano eval … --format xlsx`). Both are the same bytes on every run, are refused on a
//! terminal, and hold what they should.

use calamine::{Data, Reader, Xlsx};
use piano::commands::eval::{EvalArgs, run as eval};
use piano::commands::template::{TemplateArgs, TemplateFormat, run as template};
use piano::diagnostics::Lang;
use piano::report::Format;
use piano::source::Source;
use std::io::Cursor;
use std::path::PathBuf;

const PLAN: &str = "tests/measurements/plan.piano";

fn template_args(format: Option<TemplateFormat>, output: Option<PathBuf>) -> TemplateArgs {
    TemplateArgs {
        plan: PLAN.into(),
        output,
        format,
        lang: Lang::It,
        color: false,
        stdout_is_terminal: false,
    }
}

fn eval_args(format: Format) -> EvalArgs {
    EvalArgs {
        plan: PLAN.into(),
        measurements: vec!["tests/measurements/ok.csv".into()],
        format,
        lang: Lang::It,
        ..EvalArgs::default()
    }
}

fn workbook(bytes: &[u8]) -> Xlsx<Cursor<&[u8]>> {
    Xlsx::new(Cursor::new(bytes)).expect("a workbook")
}

fn rows(book: &mut Xlsx<Cursor<&[u8]>>, sheet: &str) -> Vec<Vec<Data>> {
    let range = book.worksheet_range(sheet).expect("the sheet");
    range.rows().map(<[Data]>::to_vec).collect()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn template_bytes() -> Vec<u8> {
    let out = template(&template_args(Some(TemplateFormat::Xlsx), None));
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    out.stdout_bytes
}

#[test]
fn the_template_workbook_lists_every_code_in_plan_order() {
    let bytes = template_bytes();
    assert_eq!(bytes, template_bytes(), "the same bytes on every run");
    let mut book = workbook(&bytes);
    assert_eq!(book.sheet_names(), ["Misure", "Istruzioni", "_piano"]);
    let rows = rows(&mut book, "Misure");
    let header: Vec<String> = rows[0].iter().map(text).collect();
    assert_eq!(
        header,
        [
            "codice",
            "obiettivo",
            "descrizione",
            "udm",
            "valore",
            "nota"
        ]
    );
    let plan = Source::from_bytes(PLAN, &std::fs::read(PLAN).unwrap()).0;
    let checked = piano::check_plan(&plan);
    let needs = piano::eval::needs::needed(&checked.model);
    let codes: Vec<String> = rows[1..].iter().map(|r| text(&r[0])).collect();
    let mut expected = vec!["rilevazione".to_string()];
    expected.extend(needs.iter().map(|n| n.code.to_string()));
    assert_eq!(codes, expected);
    let udm: Vec<String> = rows[2..].iter().map(|r| text(&r[3])).collect();
    assert_eq!(udm, ["n.", "n.", "n.", "data", "sì/no", "€", "gg", "%"]);
    assert_eq!(
        text(&rows[3][1]),
        "01_01_OS01 – Transizione digitale",
        "the objective"
    );
    // The fingerprint, in the hidden sheet and in the custom properties.
    let fingerprint = piano::eval::fingerprint::of(&needs);
    let hidden = self::rows(&mut book, "_piano");
    assert_eq!(text(&hidden[0][1]), fingerprint);
    let props = book.workbook_properties().expect("properties");
    assert_eq!(props.custom_properties.get("impronta"), Some(&fingerprint));
    // The empty template reads back: every value missing, one warning.
    let (_, loaded) = piano::eval::load_bytes(&checked.model, "misure.xlsx", &bytes);
    let codes: Vec<&str> = loaded
        .diagnostics
        .iter()
        .map(|d| d.code().as_str())
        .collect();
    assert_eq!(codes, ["M0716"]);
}

#[test]
fn the_format_follows_the_extension_and_a_terminal_gets_no_workbook() {
    let dir = std::env::temp_dir().join(format!("piano-template-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("misure.xlsx");
    let out = template(&template_args(None, Some(xlsx.clone())));
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(std::fs::read(&xlsx).unwrap(), template_bytes());
    let csv = dir.join("misure.csv");
    let out = template(&template_args(None, Some(csv.clone())));
    assert_eq!(out.status, 0);
    assert!(
        std::fs::read_to_string(&csv)
            .unwrap()
            .starts_with("\u{FEFF}codice;valore")
    );
    let _ = std::fs::remove_dir_all(&dir);

    let out = template(&TemplateArgs {
        stdout_is_terminal: true,
        ..template_args(Some(TemplateFormat::Xlsx), None)
    });
    assert_eq!(out.status, 2);
    assert!(out.stdout_bytes.is_empty());
    assert!(out.stderr.contains("-o misure.xlsx"), "{}", out.stderr);
    // CSV to a terminal is fine.
    let out = template(&TemplateArgs {
        stdout_is_terminal: true,
        ..template_args(None, None)
    });
    assert_eq!(out.status, 0);
    assert!(out.stdout.starts_with("\u{FEFF}codice;valore"));
}

fn report_bytes() -> Vec<u8> {
    let out = eval(&eval_args(Format::Xlsx));
    assert_eq!(out.status, 0, "{}", out.stderr);
    out.stdout_bytes
}

#[test]
fn the_report_workbook_has_a_sheet_per_level_with_numbers() {
    let bytes = report_bytes();
    assert_eq!(bytes, report_bytes(), "the same bytes on every run");
    let mut book = workbook(&bytes);
    assert_eq!(
        book.sheet_names(),
        [
            "Piano",
            "Ambiti",
            "Linee strategiche",
            "Missioni e programmi",
            "Obiettivi",
            "Indicatori"
        ]
    );
    let plan = rows(&mut book, "Piano");
    let performance = plan
        .iter()
        .find(|r| text(&r[0]) == "Performance del piano")
        .expect("the plan's performance");
    // ok.csv scores the plan at 97% (see tests/measurements' snapshot of ok.csv).
    assert!(matches!(performance[1], Data::Float(p) if (p - 0.97).abs() < 1e-9));
    let indicators = rows(&mut book, "Indicatori");
    let presenze = indicators
        .iter()
        .find(|r| text(&r[2]) == "presenze")
        .expect("presenze");
    assert!(matches!(presenze[7], Data::Float(v) if (v - 0.935).abs() < 1e-12));
    assert!(matches!(presenze[11], Data::Float(w) if (w - 1.0 / 3.0).abs() < 1e-12));
    let bando = indicators.iter().find(|r| text(&r[2]) == "bando").unwrap();
    assert!(matches!(bando[7], Data::DateTime(_)), "{:?}", bando[7]);
    let styles = book.worksheet_style("Indicatori").unwrap();
    let adesione_row = indicators
        .iter()
        .position(|r| text(&r[2]) == "adesione")
        .unwrap();
    // 80% is in the middle band: amber, as in the HTML.
    let fill = styles
        .get((adesione_row as u32, 12))
        .and_then(|s| s.fill.as_ref())
        .and_then(|f| f.get_color())
        .expect("a fill");
    assert_eq!(fill.to_string(), "#FFE0B2");
}

#[test]
fn a_report_workbook_is_not_printed_to_a_terminal() {
    let out = eval(&EvalArgs {
        stdout_is_terminal: true,
        ..eval_args(Format::Xlsx)
    });
    assert_eq!(out.status, 2);
    assert!(out.stdout_bytes.is_empty() && out.stdout.is_empty());
    assert!(out.stderr.contains("-o report.xlsx"), "{}", out.stderr);
}

#[test]
fn the_report_format_follows_the_output_extension() {
    let dir = std::env::temp_dir().join(format!("piano-eval-ext-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bin = env!("CARGO_BIN_EXE_piano");
    for (file, starts) in [
        ("report.xlsx", &b"PK\x03\x04"[..]),
        ("report.html", b"<!DOCTYPE html>"),
        ("report.csv", "\u{FEFF}obiettivo;".as_bytes()),
    ] {
        let path = dir.join(file);
        let status = std::process::Command::new(bin)
            .args(["eval", PLAN, "tests/measurements/ok.csv", "-o"])
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success(), "{file}");
        assert!(std::fs::read(&path).unwrap().starts_with(starts), "{file}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A scratch directory of this test process.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("piano-wb-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn entries(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `-o` naming the plan or a measurement file is refused before anything is read or written,
/// for workbooks as for text: the file stays as it was.
#[test]
fn a_workbook_output_naming_an_input_is_refused() {
    let dir = scratch("refuse");
    let plan = dir.join("plan.piano");
    std::fs::copy(PLAN, &plan).unwrap();
    let filled = dir.join("misure.xlsx");
    std::fs::write(&filled, template_bytes()).unwrap();
    let before = (
        std::fs::read(&plan).unwrap(),
        std::fs::read(&filled).unwrap(),
    );

    let out = template(&TemplateArgs {
        plan: plan.clone(),
        ..template_args(
            Some(TemplateFormat::Xlsx),
            Some(dir.join(".").join("plan.piano")),
        )
    });
    assert_eq!(out.status, 2, "{}", out.stderr);
    assert!(out.stderr.contains("plan.piano"), "{}", out.stderr);
    for output in [plan.clone(), filled.clone()] {
        let out = eval(&EvalArgs {
            plan: plan.clone(),
            measurements: vec![filled.clone()],
            output: Some(output),
            ..eval_args(Format::Xlsx)
        });
        assert_eq!(out.status, 2, "{}", out.stderr);
        assert!(out.stdout_bytes.is_empty());
    }
    let after = (
        std::fs::read(&plan).unwrap(),
        std::fs::read(&filled).unwrap(),
    );
    assert!(before == after, "the inputs are untouched");
    assert_eq!(entries(&dir), ["misure.xlsx", "plan.piano"]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A workbook replaces an older file as the text outputs do: through a temporary file that is
/// renamed over it, keeping the old file's permissions and leaving nothing beside it.
#[cfg(unix)]
#[test]
fn a_workbook_replaces_the_old_file_atomically_keeping_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("atomic");
    let report = dir.join("report.xlsx");
    let misure = dir.join("misure.xlsx");
    for path in [&report, &misure] {
        std::fs::write(path, "old").unwrap();
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let old_inode =
        |p: &PathBuf| std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(p).unwrap());
    let inodes = (old_inode(&report), old_inode(&misure));

    let out = eval(&EvalArgs {
        output: Some(report.clone()),
        ..eval_args(Format::Xlsx)
    });
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(
        out.stdout_bytes.is_empty(),
        "written to the file, not to stdout"
    );
    assert_eq!(std::fs::read(&report).unwrap(), report_bytes());
    let out = template(&template_args(None, Some(misure.clone())));
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(std::fs::read(&misure).unwrap(), template_bytes());

    for path in [&report, &misure] {
        let mode = std::fs::metadata(path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "{}", path.display());
    }
    // A new file renamed over the old one, not the old one rewritten in place.
    assert_ne!(
        old_inode(&report),
        inodes.0,
        "the report renamed over the old file"
    );
    assert_ne!(
        old_inode(&misure),
        inodes.1,
        "the template renamed over the old file"
    );
    assert_eq!(entries(&dir), ["misure.xlsx", "report.xlsx"]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A workbook that cannot be written (its directory is missing) says why, in Italian, and
/// leaves nothing behind.
#[test]
fn an_unwritable_workbook_output_is_a_usage_error() {
    let dir = scratch("unwritable");
    let out = eval(&EvalArgs {
        output: Some(dir.join("manca").join("report.xlsx")),
        ..eval_args(Format::Xlsx)
    });
    assert_eq!(out.status, 2, "{}", out.stderr);
    assert!(out.stderr.contains("report.xlsx"), "{}", out.stderr);
    let out = template(&template_args(
        None,
        Some(dir.join("manca").join("misure.xlsx")),
    ));
    assert_eq!(out.status, 2, "{}", out.stderr);
    assert!(out.stderr.contains("misure.xlsx"), "{}", out.stderr);
    assert!(entries(&dir).is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

/// With two monitoring dates every sheet ends with a performance column per date and the
/// change in points.
#[test]
fn the_report_workbook_with_two_dates() {
    let two = EvalArgs {
        plan: "tests/reports/plan.piano".into(),
        measurements: vec![
            "tests/reports/misure-2024-12-31.json".into(),
            "tests/reports/misure.csv".into(),
        ],
        ..eval_args(Format::Xlsx)
    };
    let out = eval(&two);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let mut book = workbook(&out.stdout_bytes);
    let plan = rows(&mut book, "Piano");
    let item = |label: &str| {
        plan.iter()
            .find(|r| text(&r[0]) == label)
            .map(|r| r[1].clone())
            .unwrap_or_else(|| panic!("no row {label}"))
    };
    // 84% at 30/06, 97% at 31/12 (tests/eval_dates.rs's text report).
    assert!(
        matches!(item("Performance al 30/06/2024"), Data::Float(p) if (p * 100.0).round() == 84.0)
    );
    assert!(
        matches!(item("Performance al 31/12/2024"), Data::Float(p) if (p * 100.0).round() == 97.0)
    );
    assert!(matches!(item("Variazione (punti)"), Data::Float(c) if c == 13.0));

    let indicators = rows(&mut book, "Indicatori");
    let header: Vec<String> = indicators[0].iter().map(text).collect();
    let tail: Vec<&str> = header
        .iter()
        .rev()
        .take(5)
        .rev()
        .map(String::as_str)
        .collect();
    assert_eq!(
        tail,
        [
            "Valore al 30/06/2024",
            "Performance al 30/06/2024",
            "Valore al 31/12/2024",
            "Performance al 31/12/2024",
            "Variazione (punti)"
        ]
    );
    assert!(
        header.contains(&"Target 2024 (valutato)".to_string()),
        "{header:?}"
    );
}

/// `--ordina performance` puts the lowest objective first in the workbook, as in JSON.
#[test]
fn the_report_workbook_follows_the_performance_order() {
    let objectives = |order, format| {
        let out = eval(&EvalArgs {
            plan: "plans/pistoia-prato-2024.piano".into(),
            measurements: vec!["plans/pistoia-prato-2024-06-30.csv".into()],
            order,
            ..eval_args(format)
        });
        assert_eq!(out.status, 0, "{}", out.stderr);
        if format == Format::Json {
            let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
            let list = json["obiettivi"].as_array().unwrap().iter();
            list.map(|o| o["codice"].as_str().unwrap().to_string())
                .collect()
        } else {
            let mut book = workbook(&out.stdout_bytes);
            let rows = rows(&mut book, "Obiettivi");
            rows[1..]
                .iter()
                .map(|r| text(&r[0]))
                .collect::<Vec<String>>()
        }
    };
    use piano::report::Order;
    let sheet = objectives(Order::Performance, Format::Xlsx);
    assert_eq!(sheet, objectives(Order::Performance, Format::Json));
    assert_ne!(
        sheet,
        objectives(Order::Plan, Format::Xlsx),
        "the seed's order changes"
    );
}
