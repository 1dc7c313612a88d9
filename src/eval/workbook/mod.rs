//! Measurement files as workbooks (`.xlsx`, `.ods`): the sheet `Misure` (or the first sheet)
//! is a table like the CSV form, read with the CSV form's rules. Its diagnostics name the
//! sheet and the cell, over a text view of the sheet (`view`). Cells are read by type:
//!
//! - text is read as a CSV cell (`1.234,56 €`, `31/12/2024`, `sì`, `n.d.`);
//! - a number is exact to 15 significant digits (`number::decimal`); in a cell formatted as a
//!   percentage it is the fraction the cell shows (0,8 shown as 80% is 80%), in a cell
//!   formatted in euro an amount in `€`; a bare number in a `%` row is ambiguous (`M0733`);
//! - a date cell is its day; a boolean is `sì`/`no`; a spreadsheet error is `M0732`.
//!
//! A workbook made by `piano template` carries a hidden sheet (`meta`) with the codes it was
//! made for: a row deleted from it is an error (`M0735`), and a workbook made for another
//! version of the plan a warning naming what changed (`M0734`).

pub mod grid;
pub mod meta;
pub mod number;
pub mod ods_types;
pub mod view;

use super::csv::Record;
use super::error::{MeasureError, ValueProblem, WorkbookProblem};
use super::measurements::{self, Loaded, RILEVAZIONE, Raw, RowIter};
use super::needs::{self, Need};
use super::value::{Cell, Literal};
use crate::check::model::Model;
use crate::diagnostics::Diagnostic;
use crate::source::Source;
use crate::span::Span;
use crate::syntax::vocab::Vocabulary;
use grid::{Book, Content, Grid, Shown};
use std::collections::{BTreeMap, HashMap, HashSet};

pub use grid::is_workbook;

/// The sheet the template's measurements are in.
pub const SHEET: &str = "Misure";
/// The template's sheet of instructions, never read.
pub const INSTRUCTIONS: &str = "Istruzioni";

fn unreadable(model: &Model, name: &str, problem: WorkbookProblem) -> (Source, Loaded) {
    let d = Diagnostic::new(Span::point(0), MeasureError::WorkbookUnreadable { problem });
    let loaded = measurements::finish(model, None, vec![d], Some(Span::point(0)), "");
    (Source::new(name, ""), loaded)
}

/// What calamine gives of a workbook: the sheet read, its cells, the template's metadata, and
/// the other sheets with content.
struct Sheets {
    sheet: String,
    grid: Grid,
    template: Option<meta::Meta>,
    unread: Vec<String>,
}

/// Reads the workbook's sheets with calamine. calamine's own arithmetic on cell references is
/// unchecked (a row number past `u32` overflows: a panic where overflow checks are on, as in
/// tests), so a panic inside it is a damaged workbook, not a crash of piano; the property test
/// found such a file (tests/workbooks/ref_row_overflow.xlsx).
fn read_sheets(bytes: &[u8]) -> Result<Sheets, WorkbookProblem> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_sheets_unguarded(bytes)
    }))
    .unwrap_or(Err(WorkbookProblem::BadCellReference))
}

fn read_sheets_unguarded(bytes: &[u8]) -> Result<Sheets, WorkbookProblem> {
    let mut book = Book::open(bytes)?;
    let names = book.sheet_names();
    let Some(sheet) = names
        .iter()
        .find(|n| n.as_str() == SHEET)
        .or(names.first())
        .cloned()
    else {
        return Err(WorkbookProblem::NoSheets);
    };
    let grid = book.grid(&sheet)?;
    let mut template = None;
    let mut unread = Vec::new();
    for other in names.iter().filter(|n| **n != sheet && *n != INSTRUCTIONS) {
        let Ok(other_grid) = book.grid(other) else {
            continue;
        };
        if other == meta::SHEET {
            template = meta::read(&other_grid);
        } else if !other_grid.is_empty() {
            unread.push(other.clone());
        }
    }
    Ok(Sheets {
        sheet,
        grid,
        template,
        unread,
    })
}

/// Reads a workbook for `model`: the source to render its diagnostics with (the text view of
/// the sheet read, its cells named) and the values.
pub fn load(model: &Model, name: &str, bytes: &[u8]) -> (Source, Loaded) {
    let sheets = match read_sheets(bytes) {
        Ok(sheets) => sheets,
        Err(problem) => return unreadable(model, name, problem),
    };
    let Sheets {
        sheet,
        grid,
        template,
        unread,
    } = sheets;
    let mut diagnostics = Vec::new();

    let header_row = grid.keys().map(|&(r, _)| r).min();
    let header_cols: Vec<u32> = header_row.map_or_else(Vec::new, |h| {
        grid.range((h, 0)..=(h, u32::MAX))
            .map(|(&(_, c), _)| c)
            .collect()
    });
    let width = header_cols.last().map_or(0, |c| c.saturating_add(1));
    let view = view::build(&sheet, &grid, width);
    let first_cell = Span::point(0);
    for other in unread {
        diagnostics.push(Diagnostic::new(
            first_cell,
            MeasureError::SheetNotRead {
                sheet: other,
                read: sheet.clone(),
            },
        ));
    }
    outside_columns(&grid, &header_cols, &view, &mut diagnostics);

    let rows = match header_row {
        None => {
            diagnostics.push(Diagnostic::new(first_cell, MeasureError::Empty));
            None
        }
        Some(h) => {
            let record = |r: u32| Record {
                cells: header_cols
                    .iter()
                    .filter_map(|&c| view.cells.get(&(r, c)).cloned())
                    .collect(),
                span: view.lines.get(r as usize).copied().unwrap_or(first_cell),
            };
            let header = record(h);
            let body: Vec<Record> = (h.saturating_add(1)..view.lines.len() as u32)
                .map(record)
                .filter(|rec| rec.cells.iter().any(|c| !c.text.trim().is_empty()))
                .collect();
            let at: HashMap<usize, (u32, u32)> = view
                .cells
                .iter()
                .map(|(&pos, cell)| (cell.span.start, pos))
                .collect();
            let grid = &grid;
            // Owns the cell index: the rows are made while `finish` reads them.
            let value = move |cell: Cell| -> Raw {
                match at.get(&cell.span.start).and_then(|pos| grid.get(pos)) {
                    Some(g) if !matches!(g.content, Content::Text(_)) => {
                        Raw::Sheet(literal(&g.content, g.shown), cell.span)
                    }
                    _ => Raw::Text { cell, iso: false },
                }
            };
            if let Some(template) = &template {
                made_by_template(model, template, &header, &body, &view, &mut diagnostics);
            }
            measurements::table_rows(&header, body.into_iter().map(Ok), &mut diagnostics, value)
                .map(|rows| Box::new(rows) as RowIter)
        }
    };
    // The start of the empty line after the last row.
    let end = Span::point(view.text.len().saturating_sub(1));
    let loaded = measurements::finish(model, rows, diagnostics, Some(end), &view.text);
    let source = Source::new(name, view.text).with_places(view.places);
    (source, loaded)
}

/// A cell that is not text, as a literal of the value reader.
fn literal(content: &Content, shown: Shown) -> Result<Literal, MeasureError> {
    let bad = |text: String, problem| MeasureError::BadValue { text, problem };
    match content {
        Content::Text(_) => Err(bad(String::new(), ValueProblem::NotAValue)),
        Content::Bool(true) => Ok(Literal::Yes),
        Content::Bool(false) => Ok(Literal::No),
        Content::Date(Some(day), _) => Ok(Literal::Date(*day)),
        Content::Date(None, text) => Err(bad(
            text.clone(),
            ValueProblem::ImpossibleDate { suggestion: None },
        )),
        Content::Error(text) => Err(MeasureError::CellError { text: text.clone() }),
        Content::Number(x) => {
            let text = view::number_text(*x, shown);
            let Some(d) = number::decimal(*x) else {
                return Err(bad(text, ValueProblem::NumberTooLarge));
            };
            let (value, unit) = match shown {
                Shown::Plain => (Some(d), None),
                // The cell holds the fraction; the literal is in points, as `80%` is.
                Shown::Percent => (
                    d.checked_mul(rust_decimal::Decimal::ONE_HUNDRED),
                    Some(crate::syntax::ast::LitUnit::Percent),
                ),
                Shown::Euro => (Some(d), Some(crate::syntax::ast::LitUnit::Euro)),
            };
            let Some(value) = value.map(|v| v.normalize()) else {
                return Err(bad(text, ValueProblem::NumberTooLarge));
            };
            Ok(Literal::Number {
                value,
                text: crate::italian::number(value),
                unit,
            })
        }
    }
}

/// One diagnostic per column without a name in the header that holds cells.
fn outside_columns(
    grid: &Grid,
    header_cols: &[u32],
    view: &view::View,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut columns: BTreeMap<u32, (u32, usize)> = BTreeMap::new();
    for &(r, c) in grid.keys() {
        if !header_cols.contains(&c) {
            let entry = columns.entry(c).or_insert((r, 0));
            entry.0 = entry.0.min(r);
            entry.1 += 1;
        }
    }
    for (c, (first_row, cells)) in columns {
        if let Some(cell) = view.cells.get(&(first_row, c)) {
            diagnostics.push(Diagnostic::new(
                cell.span,
                MeasureError::OutsideColumns {
                    column: view::column_letters(c),
                    cells,
                },
            ));
        }
    }
}

/// The checks of a workbook made by `piano template`: rows deleted, another plan.
fn made_by_template(
    model: &Model,
    template: &meta::Meta,
    header: &Record,
    body: &[Record],
    view: &view::View,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let needs = needs::needed(model);
    let needed: HashSet<&str> = needs.iter().map(|n| n.code).collect();
    let code_at = header
        .cells
        .iter()
        .position(|c| c.text.trim().eq_ignore_ascii_case("codice"));
    // The rows by code, and the line after each.
    let mut rows: HashMap<String, Span> = HashMap::new();
    if let Some(code_at) = code_at {
        for record in body {
            if let Some(cell) = record.cells.get(code_at) {
                rows.entry(cell.text.trim().to_string())
                    .or_insert(record.span);
            }
        }
    }
    let after_line = |span: Span| Span::point(span.end.saturating_add(1).min(view.text.len()));
    let mut previous: Option<(String, Span)> = None;
    let expected = std::iter::once(RILEVAZIONE.to_string()).chain(
        template
            .codes
            .iter()
            .map(|(code, _)| code.clone())
            .filter(|code| needed.contains(code.as_str())),
    );
    for code in expected {
        match rows.get(&code) {
            Some(span) => previous = Some((code, *span)),
            None => {
                let at = previous
                    .as_ref()
                    .map_or(after_line(header.span), |(_, span)| after_line(*span));
                diagnostics.push(Diagnostic::new(
                    at,
                    MeasureError::DeletedRow {
                        code,
                        after: previous.as_ref().map(|(c, _)| c.clone()),
                    },
                ));
            }
        }
    }
    if template.fingerprint != super::fingerprint::of(&needs) {
        diagnostics.push(Diagnostic::new(
            header.cells.first().map_or(header.span, |c| c.span),
            other_plan(&needs, template),
        ));
    }
}

/// What differs between the codes the template was made with and those the plan needs.
fn other_plan(needs: &[Need], template: &meta::Meta) -> MeasureError {
    let made: HashMap<&str, &str> = template
        .codes
        .iter()
        .map(|(c, u)| (c.as_str(), u.as_str()))
        .collect();
    let added = needs
        .iter()
        .filter(|n| !made.contains_key(n.code))
        .map(|n| n.code.to_string())
        .collect();
    let needed: HashSet<&str> = needs.iter().map(|n| n.code).collect();
    let removed = template
        .codes
        .iter()
        .filter(|(c, _)| !needed.contains(c.as_str()))
        .map(|(c, _)| c.clone())
        .collect();
    let changed = needs
        .iter()
        .filter_map(|n| {
            let was = made.get(n.code)?;
            (*was != n.udm.canonical()).then(|| (n.code.to_string(), was.to_string(), n.udm))
        })
        .collect();
    MeasureError::OtherPlan {
        added,
        removed,
        changed,
    }
}
