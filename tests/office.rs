//! The office's round trip with the office tools themselves: the template `piano template`
//! writes is filled with openpyxl as a clerk would (tests/office/fill.py), converted by
//! LibreOffice headless to `.ods` and to CSV (UTF-8, and Windows-1252 as an Italian Excel saves
//! it), and every form gives the same report; the report workbook is checked with openpyxl
//! against the JSON report (tests/office/check_report.py); mistakes are refused at their cells;
//! a CSV template misread as Windows-1252 and saved again is diagnosed as such.
//!
//! LibreOffice is slow to start: every conversion is made once, by one shared set-up, with a
//! private profile, in a single start (`convert`), and the tests read its results. Without LibreOffice or openpyxl the tests
//! are skipped with a notice, and fail under CI=true (.ci/run installs both).

mod common;

use common::{on_path, require_tool};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const PLAN: &str = "tests/measurements/plan.piano";
/// LibreOffice's filters: its own `.ods` (`calc8`), and CSV with `;` between cells, `"` around
/// texts, the character set (76 is UTF-8, 1 Windows-1252), from the first line.
const ODS: (&str, &str) = ("calc8", "");
const CSV: &str = "Text - txt - csv (StarCalc)";
const CSV_UTF8: (&str, &str) = (CSV, "59,34,76,1");
const CSV_1252: (&str, &str) = (CSV, "59,34,1,1");
const LIMIT: Duration = Duration::from_secs(180);

fn piano(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_piano"))
        .args(args)
        .env("PIANO_LANG", "it")
        .output()
        .expect("piano runs")
}

/// Runs a command to its end within `LIMIT`, and fails the test with its output otherwise.
fn run(command: &mut Command) -> String {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
    let start = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            panic!("{command:?} did not finish in {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().expect("output");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{command:?} failed:\n{text}");
    text
}

fn openpyxl() -> bool {
    Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn tools() -> bool {
    require_tool(on_path("soffice"), "LibreOffice (soffice)")
        && require_tool(openpyxl(), "python3 with openpyxl")
}

/// Where the shared set-up left its files.
struct Work {
    dir: PathBuf,
}

impl Work {
    fn path(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }
}

/// LibreOffice with a profile of its own, numbers and dates the Italian way.
fn soffice(dir: &Path) -> Command {
    let mut c = Command::new("soffice");
    c.arg(format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    ))
    .args(["--headless", "--norestore", "--nologo"])
    .env("LC_ALL", "it_IT.UTF-8")
    .env("LANG", "it_IT.UTF-8");
    c
}

/// A conversion: the source, its import filter (`None`: detected), the target under the
/// work directory, its export filter.
type Conversion<'a> = (
    &'a str,
    Option<(&'a str, &'a str)>,
    &'a str,
    (&'a str, &'a str),
);

/// Runs every conversion in one start of LibreOffice, through the macro of
/// tests/office/Convert.xba (the same filters and options `--infilter` and `--convert-to`
/// take, which convert to one format per start, and each start costs about two seconds).
/// The profile is made first by a start that does nothing else: that first start copies
/// LibreOffice's presets over the profile's macros.
fn convert(dir: &Path, conversions: &[Conversion]) {
    run(soffice(dir).arg("--terminate_after_init"));
    let module = dir.join("profile/user/basic/Standard/Module1.xba");
    assert!(
        module.exists(),
        "LibreOffice made no profile at {}",
        module.display()
    );
    std::fs::copy("tests/office/Convert.xba", &module).unwrap();
    let mut job = String::new();
    for (source, import, target, (filter, options)) in conversions {
        let target = dir.join(target);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        let (import, import_options) = import.unwrap_or(("", ""));
        job.push_str(&format!(
            "{source}\t{import}\t{import_options}\t{}\t{filter}\t{options}\n",
            target.display()
        ));
    }
    let job_path = dir.join("conversions.txt");
    std::fs::write(&job_path, job).unwrap();
    let output = run(soffice(dir).arg(format!(
        "macro:///Standard.Module1.Convert(\"{}\")",
        job_path.display()
    )));
    let done = std::fs::read_to_string(dir.join("conversions.txt.done")).unwrap_or_default();
    assert_eq!(
        done.trim(),
        "ok",
        "LibreOffice's conversions: {done}\n{output}"
    );
    for (_, _, target, _) in conversions {
        assert!(
            dir.join(target).exists(),
            "LibreOffice did not write {target}"
        );
    }
}

fn work() -> &'static Work {
    static WORK: OnceLock<Work> = OnceLock::new();
    WORK.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("office");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let w = Work { dir: dir.clone() };
        let template = w.path("template.xlsx");
        assert!(piano(&["template", PLAN, "-o", &template]).status.success());
        run(Command::new("python3").args([
            "tests/office/fill.py",
            &template,
            &dir.display().to_string(),
        ]));
        std::fs::write(w.path("old-template.csv"), typed_in_old_template()).unwrap();
        std::fs::write(w.path("csv-template.csv"), filled_csv_template()).unwrap();

        let filled = w.path("filled.xlsx");
        let (old, new) = (w.path("old-template.csv"), w.path("csv-template.csv"));
        convert(
            &dir,
            &[
                (&filled, None, "ods/filled.ods", ODS),
                (&filled, None, "utf8/filled.csv", CSV_UTF8),
                (&filled, None, "1252/filled.csv", CSV_1252),
                // An office opening CSV files as Windows-1252 and saving them again: the old
                // template (no BOM), and today's filled in (its BOM kept as three characters).
                (&old, Some(CSV_1252), "misread/old-template.csv", CSV_1252),
                (&new, Some(CSV_1252), "misread/csv-template.csv", CSV_1252),
            ],
        );
        // An Italian Excel ends CSV lines with CRLF; LibreOffice on Linux with LF.
        let excel = std::fs::read(w.path("1252/filled.csv")).unwrap();
        let mut crlf = Vec::new();
        for &b in &excel {
            if b == b'\n' {
                crlf.push(b'\r');
            }
            crlf.push(b);
        }
        std::fs::write(w.path("excel-1252.csv"), crlf).unwrap();
        w
    })
}

/// The CSV template as piano wrote it before it had a byte order mark (UTF-8, which Excel
/// reads as Windows-1252), with the values a clerk types in Excel once it is open: those are
/// Windows-1252 already, so that LibreOffice, told to read the file as Windows-1252 like
/// Excel, reads them right and garbles only the template's own text.
fn typed_in_old_template() -> Vec<u8> {
    let csv = piano(&["template", PLAN]).stdout;
    let text = String::from_utf8(csv).unwrap();
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let typed = |code: &str| match code {
        "rilevazione" => "30/06/2024",
        "01_01_OS01.bando" => "15/03/2024",
        "01_01_OS01.sportello" => "sì",
        "03_01_OS01.costi" => "850,00 €",
        "03_01_OS01.presenze" => "93,5%",
        _ => "5",
    };
    let mut out = Vec::new();
    for (k, line) in text.lines().enumerate() {
        match line.split_once(";;") {
            Some((code, rest)) if k > 0 => {
                let (value, _, _) = encoding_rs::WINDOWS_1252.encode(typed(code));
                out.extend_from_slice(code.as_bytes());
                out.push(b';');
                out.extend_from_slice(&value);
                out.push(b';');
                out.extend_from_slice(rest.as_bytes());
            }
            _ => out.extend_from_slice(line.as_bytes()),
        }
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// Today's CSV template (with its BOM) filled in with the values tests/office/fill.py types in
/// the workbook, as UTF-8.
fn filled_csv_template() -> String {
    let csv = String::from_utf8(piano(&["template", PLAN]).stdout).unwrap();
    assert!(csv.starts_with('\u{FEFF}'));
    let typed = |code: &str| match code {
        "rilevazione" => Some(("30/06/2024", "")),
        "01_01_OS01.eventi" => Some(("5", "dato provvisorio")),
        "01_01_OS01.aderenti" => Some(("3200", "")),
        "imprese_registrate" => Some(("8000", "")),
        "01_01_OS01.bando" => Some(("15/03/2024", "")),
        "01_01_OS01.sportello" => Some(("n.d.", "")),
        "03_01_OS01.costi" => Some(("850,50 €", "")),
        "03_01_OS01.presenze" => Some(("93,5%", "")),
        _ => None,
    };
    let mut out = String::new();
    for line in csv.split_inclusive("\r\n") {
        match line
            .split_once(";;;")
            .and_then(|(code, rest)| Some((code, typed(code)?, rest)))
        {
            Some((code, (value, note), rest)) => {
                out.push_str(&format!("{code};{value};{note};{rest}"))
            }
            None => out.push_str(line),
        }
    }
    out
}

fn json_report(file: &str) -> (String, String) {
    let out = piano(&["eval", PLAN, file, "--format", "json", "--color", "never"]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{file}: {stderr}");
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

/// (a) The template filled with openpyxl as a clerk would is evaluated: the empty cell is a
/// missing value (one warning, naming its cell's sheet), `n.d.` is n.d., the rest are read.
#[test]
fn a_filled_template_is_evaluated() {
    if !tools() {
        return;
    }
    let w = work();
    let (json, stderr) = json_report(&w.path("filled.xlsx"));
    assert!(
        stderr.contains("M0716") && stderr.contains("03_01_OS01.pagamenti"),
        "{stderr}"
    );
    assert!(stderr.contains("filled.xlsx:Misure!A11"), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["al"], "2024-06-30");
    let value = |o: usize, i: usize| v["obiettivi"][o]["indicatori"][i]["valore"].to_string();
    assert_eq!(value(0, 0), "5");
    assert_eq!(value(0, 1), "40", "3200 / 8000 = 40%");
    assert_eq!(value(0, 2), "\"2024-03-15\"");
    assert_eq!(value(0, 3), "null", "n.d.");
    assert_eq!(value(1, 0), "850.5");
    assert_eq!(value(1, 1), "null", "left empty");
    assert_eq!(value(1, 2), "93.5", "0,935 in a percentage cell is 93,5%");
    assert_eq!(
        v["obiettivi"][0]["indicatori"][0]["note"][0]["nota"],
        "dato provvisorio"
    );
}

/// (b) LibreOffice's `.ods` and CSV (UTF-8, and Windows-1252 with CRLF as an Italian Excel
/// saves it) of the same filled workbook give the same report as the `.xlsx`; so does the CSV
/// template filled with the same values and saved by an office that read it as Windows-1252.
#[test]
fn libreoffice_ods_and_csv_give_the_same_report() {
    if !tools() {
        return;
    }
    let w = work();
    let (xlsx, _) = json_report(&w.path("filled.xlsx"));
    for file in [
        "ods/filled.ods",
        "utf8/filled.csv",
        "excel-1252.csv",
        "misread/csv-template.csv",
    ] {
        let (other, stderr) = json_report(&w.path(file));
        assert_eq!(other, xlsx, "{file}: {stderr}");
    }
    let excel = std::fs::read(w.path("excel-1252.csv")).unwrap();
    assert!(std::str::from_utf8(&excel).is_err(), "really Windows-1252");
    assert!(excel.windows(2).any(|p| p == b"\r\n"));
}

/// The old CSV template (UTF-8 without a byte order mark) read as Windows-1252 by the office
/// and saved again: one diagnostic that names the garbling, no unit errors.
#[test]
fn a_csv_misread_as_windows_1252_is_diagnosed() {
    if !tools() {
        return;
    }
    let w = work();
    let out = piano(&[
        "eval",
        PLAN,
        &w.path("misread/old-template.csv"),
        "--color",
        "never",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(
        stderr.contains("M0730") && stderr.contains("`â‚¬` al posto di `€`"),
        "{stderr}"
    );
    assert!(!stderr.contains("M0715"), "no udm errors: {stderr}");
    assert_eq!(stderr.matches("M0730").count(), 1, "{stderr}");
}

/// (c) The report as a workbook, opened with openpyxl: its numbers are the JSON report's, with
/// Italian formats and the band colours.
#[test]
fn the_report_workbook_matches_the_json_report() {
    if !tools() {
        return;
    }
    let w = work();
    let report = w.path("report.xlsx");
    let out = piano(&["eval", PLAN, &w.path("filled.xlsx"), "-o", &report]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (json, _) = json_report(&w.path("filled.xlsx"));
    std::fs::write(w.path("report.json"), json).unwrap();
    let checked = run(Command::new("python3").args([
        "tests/office/check_report.py",
        &report,
        &w.path("report.json"),
    ]));
    assert!(checked.starts_with("ok "), "{checked}");
}

/// (d) A filled template with a mistake is refused, and the diagnostic names the cell.
#[test]
fn mistakes_are_refused_at_their_cells() {
    if !tools() {
        return;
    }
    let w = work();
    for (file, code, cell) in [
        ("letter.xlsx", "M0710", "Misure!E3"),
        ("date.xlsx", "M0710", "Misure!E6"),
        ("deleted.xlsx", "M0735", "Misure!A4"),
        ("added.xlsx", "M0708", "Misure!A11"),
    ] {
        let path = w.path(file);
        let out = piano(&["eval", PLAN, &path, "--color", "never"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{file}: {stderr}");
        assert!(out.stdout.is_empty(), "{file}: no report");
        assert!(stderr.contains(code), "{file}: {stderr}");
        assert!(
            stderr.contains(&format!("{path}:{cell}")),
            "{file}: {stderr}"
        );
        assert!(stderr.contains("nessun report"), "{file}: {stderr}");
    }
}
