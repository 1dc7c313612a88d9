//! Snapshot tests of workbooks as measurement files: one input per case under
//! `tests/workbooks/`, each read against `tests/measurements/plan.piano`. A `.cells` file
//! describes a workbook (built here with rust_xlsxwriter, so that no binary needs reviewing):
//!
//! ```text
//! [Misure]                    a sheet; `[_piano] hidden` for a hidden one
//! 1: codice | valore          row 1, its cells separated by `|`
//! 2: rilevazione | 2024-06-30 @date
//! 3: 01_01_OS01.eventi | 5 @num            a number (General)
//! 4: 03_01_OS01.presenze | 0.935 @num 0.00%  a number with a format
//! 5: 01_01_OS01.sportello | true @bool
//! @meta                       in the hidden sheet: what `piano template` writes there,
//! - CODE / + CODE UDM / ~ CODE UDM    with codes removed, added or changed (another plan)
//! ```
//!
//! `.xlsx`, `.ods` and `.xls` files are read as they are (made by LibreOffice, or damaged on
//! purpose). A snapshot holds the Italian diagnostics as a user sees them (the header names
//! the sheet and the cell), the English short form and, when the file loads, every value.

mod common;

use piano::diagnostics::render::{Format, Options, render};
use piano::diagnostics::{Code, Diagnostic, Lang};
use piano::eval::workbook::meta;
use piano::eval::{self, Place};
use piano::source::Source;
use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook};
use std::path::Path;

const PLAN: &str = "tests/measurements/plan.piano";

fn plan() -> (Source, piano::check::Checked) {
    let plan = Source::from_bytes(PLAN, &std::fs::read(PLAN).unwrap()).0;
    let checked = piano::check_plan(&plan);
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.diagnostics);
    (plan, checked)
}

/// One cell of a `.cells` file, written into the sheet.
fn write_cell(
    sheet: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    col: u16,
    cell: &str,
) -> Result<(), String> {
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    if cell.is_empty() {
        return Ok(());
    }
    if let Some((value, rest)) = cell.split_once(" @") {
        let (kind, format) = rest.split_once(' ').unwrap_or((rest, "General"));
        match kind {
            "num" => {
                let x: f64 = value
                    .parse()
                    .map_err(|_| format!("not a number: {value}"))?;
                sheet
                    .write_number_with_format(
                        row,
                        col,
                        x,
                        &CellFormat::new().set_num_format(format),
                    )
                    .map_err(e)?;
            }
            "date" => {
                let d = ExcelDateTime::parse_from_str(value).map_err(e)?;
                sheet
                    .write_datetime_with_format(
                        row,
                        col,
                        d,
                        &CellFormat::new().set_num_format("dd/mm/yyyy"),
                    )
                    .map_err(e)?;
            }
            "bool" => {
                sheet.write_boolean(row, col, value == "true").map_err(e)?;
            }
            other => return Err(format!("unknown cell kind @{other}")),
        }
    } else {
        sheet.write_string(row, col, cell).map_err(e)?;
    }
    Ok(())
}

/// The workbook a `.cells` file describes.
fn build(text: &str, model: &piano::check::Model) -> Vec<u8> {
    let mut book = Workbook::new();
    let mut sheet: Option<&mut rust_xlsxwriter::Worksheet> = None;
    let mut pairs: Option<Vec<(String, String)>> = None;
    let flush = |sheet: &mut Option<&mut rust_xlsxwriter::Worksheet>,
                 pairs: &mut Option<Vec<(String, String)>>| {
        if let (Some(sheet), Some(pairs)) = (sheet.as_mut(), pairs.take()) {
            for (r, row) in (0u32..).zip(meta::rows(&pairs, &model.plan.title)) {
                sheet.write_string(r, 0, &row[0]).unwrap();
                sheet.write_string(r, 1, &row[1]).unwrap();
            }
        }
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            flush(&mut sheet, &mut pairs);
            let (name, hidden) = rest.split_once(']').expect("[sheet]");
            let s = book.add_worksheet();
            s.set_name(name).unwrap();
            if hidden.trim() == "hidden" {
                s.set_hidden(true);
            }
            sheet = Some(s);
        } else if line == "@meta" {
            let needs = eval::needs::needed(model);
            pairs = Some(meta::pairs(&needs));
        } else if let Some(code) = line.strip_prefix("- ") {
            pairs
                .as_mut()
                .expect("@meta first")
                .retain(|(c, _)| c != code);
        } else if let Some(rest) = line.strip_prefix("+ ") {
            let (code, udm) = rest.split_once(' ').expect("+ CODE UDM");
            pairs
                .as_mut()
                .expect("@meta first")
                .push((code.into(), udm.into()));
        } else if let Some(rest) = line.strip_prefix("~ ") {
            let (code, udm) = rest.split_once(' ').expect("~ CODE UDM");
            for pair in pairs.as_mut().expect("@meta first") {
                if pair.0 == code {
                    pair.1 = udm.into();
                }
            }
        } else {
            let (row, cells) = line.split_once(": ").expect("ROW: cells");
            let row: u32 = row.parse().expect("a row number");
            let sheet = sheet.as_mut().expect("[sheet] first");
            for (col, cell) in (0u16..).zip(cells.split('|')) {
                write_cell(sheet, row - 1, col, cell.trim())
                    .unwrap_or_else(|e| panic!("row {row}: {e}"));
            }
        }
    }
    flush(&mut sheet, &mut pairs);
    book.save_to_buffer().unwrap()
}

/// The bytes of a case and the name it is shown under.
fn input(path: &Path, model: &piano::check::Model) -> (Vec<u8>, String) {
    let file = path.file_name().unwrap().to_string_lossy().to_string();
    match path.extension().and_then(|e| e.to_str()) {
        Some("cells") => (
            build(&std::fs::read_to_string(path).unwrap(), model),
            format!("tests/workbooks/{}", file.replace(".cells", ".xlsx")),
        ),
        _ => (
            std::fs::read(path).unwrap(),
            format!("tests/workbooks/{file}"),
        ),
    }
}

fn both(out: &mut String, en: &mut String, source: &Source, diagnostics: &[Diagnostic]) {
    let options = |lang, format| Options {
        lang,
        format,
        color: false,
    };
    out.push_str(&render(
        source,
        diagnostics,
        options(Lang::It, Format::Human),
    ));
    en.push_str(&render(
        source,
        diagnostics,
        options(Lang::En, Format::Short),
    ));
}

fn case(path: &Path) -> String {
    let (plan, checked) = plan();
    let model = &checked.model;
    let (bytes, name) = input(path, model);
    let (source, loaded) = eval::load_bytes(model, &name, &bytes);
    let (mut out, mut en) = (String::new(), String::new());
    both(&mut out, &mut en, &source, &loaded.diagnostics);
    let mut values = String::new();
    if !loaded.has_errors() {
        let (evaluation, located) = eval::evaluate(
            model,
            &plan.text,
            &loaded.measurements,
            eval::Options::default(),
        );
        for l in &located {
            let one = std::slice::from_ref(&l.diagnostic);
            match &l.place {
                Place::Plan => both(&mut out, &mut en, &plan, one),
                Place::Measurements => both(&mut out, &mut en, &source, one),
                p @ Place::CommandLine { .. } => both(&mut out, &mut en, &p.source().unwrap(), one),
            }
        }
        if let Some(evaluation) = evaluation {
            values.push_str(&common::report::scores(model, &evaluation, true));
        }
    }
    if out.is_empty() {
        out.push_str("(nessuna diagnostica)\n");
    }
    format!("{out}\n--- en, short ---\n{en}\n--- valori ---\n{values}")
}

#[test]
fn workbook_cases() {
    insta::glob!("workbooks/*.{cells,xlsx,ods,xls}", |path| {
        let out = case(path);
        let name = path.file_name().unwrap().to_string_lossy();
        if name.starts_with("ok") {
            assert!(!out.contains("error["), "{name} must load: {out}");
            assert!(out.contains("al 2024-06-30"), "{name} is scored: {out}");
        } else {
            assert!(
                out.contains("error[") || out.contains("warning["),
                "{name} must produce a diagnostic"
            );
            // Every diagnostic of a workbook names its sheet and cell.
            for line in out.lines().filter(|l| l.contains("╭─[tests/workbooks/")) {
                assert!(
                    line.contains(".xlsx:") && line.contains('!')
                        || line.contains(".ods:") && line.contains('!')
                        || !line.contains(':'),
                    "{name}: {line}"
                );
            }
        }
        insta::assert_snapshot!(out);
    });
}

/// Every workbook code has a case here.
#[test]
fn every_workbook_code_has_a_case() {
    let mut seen = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir("tests/workbooks").unwrap() {
        let out = case(&entry.unwrap().path());
        for code in Code::ALL {
            if out.contains(&format!("[{code}]")) {
                seen.insert(code.as_str());
            }
        }
    }
    for code in Code::ALL {
        let s = code.as_str();
        if ("M0731".."M0750").contains(&s) {
            assert!(seen.contains(s), "no case under tests/workbooks shows {s}");
        }
    }
}

/// The same values from every form of the same filled template: `.xlsx`, LibreOffice's `.ods`
/// (made from it with `soffice --convert-to ods`), and the CSV form.
#[test]
fn the_same_values_from_xlsx_ods_and_csv() {
    let values = |name: &str| {
        let out = case(Path::new(name));
        out.split("--- valori ---").nth(1).unwrap().to_string()
    };
    let xlsx = values("tests/workbooks/ok.cells");
    assert!(xlsx.contains("03_01_OS01.presenze: 93,5%"), "{xlsx}");
    assert_eq!(values("tests/workbooks/ok_libreoffice.ods"), xlsx);
    let (_, checked) = plan();
    let csv = std::fs::read("tests/measurements/ok.csv").unwrap();
    let (_, loaded) = eval::load_bytes(&checked.model, "ok.csv", &csv);
    let (_, xlsx_loaded) = eval::load_bytes(
        &checked.model,
        "ok.xlsx",
        &input(Path::new("tests/workbooks/ok.cells"), &checked.model).0,
    );
    let strip = |m: &eval::measurements::Measurements| {
        let mut m = m.clone();
        for e in m
            .measures
            .iter_mut()
            .chain(m.indicators.iter_mut().flatten())
            .flatten()
        {
            e.span = piano::span::Span::point(0);
            e.note = None;
        }
        m.monitoring = m.monitoring.map(|(d, _)| (d, piano::span::Span::point(0)));
        m.end = piano::span::Span::point(0);
        m
    };
    assert_eq!(
        strip(&xlsx_loaded.measurements),
        strip(&loaded.measurements)
    );
}

/// No workbook makes the reader panic: every prefix of a real one, and bytes changed in it.
#[test]
fn no_workbook_panics() {
    let (_, checked) = plan();
    let model = &checked.model;
    let mut inputs = Vec::new();
    for case in [
        "tests/workbooks/ok.cells",
        "tests/workbooks/ok_libreoffice.ods",
    ] {
        let (bytes, _) = input(Path::new(case), model);
        for cut in (0..bytes.len()).step_by(97) {
            inputs.push(bytes[..cut].to_vec());
        }
        let mut seed: u64 = 0x5eed;
        for _ in 0..60 {
            let mut changed = bytes.clone();
            for _ in 0..4 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let at = (seed >> 33) as usize % changed.len();
                changed[at] = (seed >> 13) as u8;
            }
            inputs.push(changed);
        }
    }
    for bytes in inputs {
        let (source, loaded) = eval::load_bytes(model, "x.xlsx", &bytes);
        let _ = render(
            &source,
            &loaded.diagnostics,
            Options {
                lang: Lang::It,
                format: Format::Human,
                color: false,
            },
        );
    }
}

/// In JSON diagnostics a workbook's place is its cell, beside the view's line and column.
#[test]
fn json_diagnostics_name_the_cell() {
    let (_, checked) = plan();
    let (bytes, name) = input(
        Path::new("tests/workbooks/letter_in_number.cells"),
        &checked.model,
    );
    let (source, loaded) = eval::load_bytes(&checked.model, &name, &bytes);
    let json = render(
        &source,
        &loaded.diagnostics,
        Options {
            lang: Lang::En,
            format: Format::Json,
            color: false,
        },
    );
    let v: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(v["cell"], "Misure!E3");
    assert_eq!(v["line"], 3, "line 3 of the view is row 3");
    assert_eq!(v["code"], "M0710");
}
