//! A workbook's bytes → its sheets' cells, with what each cell holds and how it shows its
//! number (as a percentage, in euro). `.xlsx` is streamed cell by cell (a stray cell at
//! XFD1048576 costs one cell, not a grid of billions); `.ods` is read by calamine, and the
//! cells' value types (`percentage`, `currency`), which calamine does not report, are read
//! from the file's `content.xml` by `ods_types`. The caller runs all of it under
//! `catch_unwind` (`read_sheets`): calamine's cell-reference arithmetic can overflow.

use super::number;
use super::ods_types;
use crate::eval::error::WorkbookProblem;
use calamine::{Data, DataRef, Ods, Reader, Xlsx};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::io::Cursor;

/// More cells than any measurement file has (a plan of a thousand codes is 6.000 cells).
const MAX_CELLS: usize = 200_000;

/// How a cell shows its number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Shown {
    #[default]
    Plain,
    /// A percentage format: the cell holds the fraction (0,8 shown as 80%).
    Percent,
    /// A currency format in euro.
    Euro,
}

/// What a cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date cell: its day, or `None` for a serial that is no day (with its text).
    Date(Option<NaiveDate>, String),
    /// A spreadsheet error: `#DIV/0!`.
    Error(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct GridCell {
    pub content: Content,
    pub shown: Shown,
}

/// The non-empty cells of a sheet by (row, column), from 0.
pub type Grid = BTreeMap<(u32, u32), GridCell>;

/// An opened workbook.
pub enum Book<'a> {
    Xlsx(Box<Xlsx<Cursor<&'a [u8]>>>),
    Ods {
        book: Box<Ods<Cursor<&'a [u8]>>>,
        bytes: &'a [u8],
    },
}

const ZIP: &[u8] = b"PK\x03\x04";
/// The compound file of Excel 97-2003, and of encrypted `.xlsx` files.
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Whether bytes are a workbook rather than a text file.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP) || bytes.starts_with(OLE)
}

fn damaged(e: impl std::fmt::Display) -> WorkbookProblem {
    WorkbookProblem::Damaged(e.to_string())
}

impl<'a> Book<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Book<'a>, WorkbookProblem> {
        if bytes.starts_with(OLE) {
            return Err(match Xlsx::new(Cursor::new(bytes)) {
                Err(calamine::XlsxError::Password) => WorkbookProblem::Encrypted,
                _ => WorkbookProblem::OldFormat,
            });
        }
        if ods_types::is_ods(bytes) {
            return match Ods::new(Cursor::new(bytes)) {
                Ok(book) => Ok(Book::Ods {
                    book: Box::new(book),
                    bytes,
                }),
                Err(calamine::OdsError::Password) => Err(WorkbookProblem::Encrypted),
                Err(e) => Err(damaged(e)),
            };
        }
        match Xlsx::new(Cursor::new(bytes)) {
            Ok(book) => Ok(Book::Xlsx(Box::new(book))),
            Err(calamine::XlsxError::Password) => Err(WorkbookProblem::Encrypted),
            Err(calamine::XlsxError::Zip(e)) => Err(damaged(e)),
            Err(_) if ods_types::is_xlsb(bytes) => Err(WorkbookProblem::OldFormat),
            Err(e) => Err(damaged(e)),
        }
    }

    /// The sheets, in the workbook's order.
    pub fn sheet_names(&self) -> Vec<String> {
        match self {
            Book::Xlsx(b) => b.sheet_names(),
            Book::Ods { book, .. } => book.sheet_names(),
        }
    }

    /// The cells of a sheet.
    pub fn grid(&mut self, sheet: &str) -> Result<Grid, WorkbookProblem> {
        match self {
            Book::Xlsx(b) => xlsx_grid(b, sheet),
            Book::Ods { book, bytes } => {
                let range = book.worksheet_range(sheet).map_err(damaged)?;
                let types = ods_types::read(bytes, sheet).map_err(damaged)?;
                let mut grid = Grid::new();
                let (row0, col0) = range.start().unwrap_or((0, 0));
                for (r, c, data) in range.used_cells() {
                    if grid.len() >= MAX_CELLS {
                        return Err(WorkbookProblem::TooLarge);
                    }
                    let (Ok(r), Ok(c)) = (u32::try_from(r), u32::try_from(c)) else {
                        return Err(WorkbookProblem::TooLarge);
                    };
                    let at = (row0.saturating_add(r), col0.saturating_add(c));
                    if let Some(content) = ods_content(data) {
                        let shown = types.get(&at).copied().unwrap_or_default();
                        grid.insert(at, GridCell { content, shown });
                    }
                }
                Ok(grid)
            }
        }
    }
}

fn xlsx_grid(book: &mut Xlsx<Cursor<&[u8]>>, sheet: &str) -> Result<Grid, WorkbookProblem> {
    let mut reader = book.worksheet_cells_reader(sheet).map_err(damaged)?;
    let mut cells = Vec::new();
    while let Some((cell, style)) = reader.next_cell_with_style_id().map_err(damaged)? {
        if cells.len() >= MAX_CELLS {
            return Err(WorkbookProblem::TooLarge);
        }
        if let Some(content) = xlsx_content(cell.get_value()) {
            cells.push((cell.get_position(), content, style));
        }
    }
    let styles = reader.styles();
    Ok(cells
        .into_iter()
        .map(|(at, content, style)| {
            let code = styles
                .get(style)
                .and_then(|s| s.number_format.as_ref())
                .map(|f| f.format_code.as_str());
            let shown = code.map_or(Shown::Plain, shown_by_format);
            (at, GridCell { content, shown })
        })
        .collect())
}

/// How a number format code shows numbers: `0.00%` is a percentage, `#,##0.00 "€"` or
/// `[$€-410] #,##0.00` euro. A `%` inside quotes or after `\` is text, not the percent sign.
pub fn shown_by_format(code: &str) -> Shown {
    if code.contains('€') {
        return Shown::Euro;
    }
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return Shown::Percent,
            _ => {}
        }
    }
    Shown::Plain
}

/// The text of a cell whose text is a spreadsheet error (pasted as a value).
fn error_text(text: &str) -> bool {
    const ERRORS: [&str; 14] = [
        "#DIV/0!", "#N/A", "#N/D", "#NAME?", "#NOME?", "#NULL!", "#NULLO!", "#NUM!", "#REF!",
        "#RIF!", "#VALUE!", "#VALORE!", "#DATA!", "#SPILL!",
    ];
    ERRORS.contains(&text.trim())
}

fn text(s: &str) -> Option<Content> {
    if s.trim().is_empty() {
        None
    } else if error_text(s) {
        Some(Content::Error(s.trim().to_string()))
    } else {
        Some(Content::Text(s.to_string()))
    }
}

fn xlsx_content(data: &DataRef) -> Option<Content> {
    Some(match data {
        DataRef::Empty => return None,
        DataRef::String(s) => return text(s),
        DataRef::SharedString(s) => return text(s),
        DataRef::Int(i) => Content::Number(*i as f64),
        DataRef::Float(f) => Content::Number(*f),
        DataRef::Bool(b) => Content::Bool(*b),
        DataRef::DateTime(d) => match number::excel_date(d) {
            Some(day) => Content::Date(Some(day), crate::italian::date(day)),
            None => Content::Date(None, number::excel_date_text(d)),
        },
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => iso(s),
        DataRef::Error(e) => Content::Error(e.to_string()),
    })
}

fn ods_content(data: &Data) -> Option<Content> {
    Some(match data {
        Data::Empty => return None,
        Data::String(s) => return text(s),
        Data::Int(i) => Content::Number(*i as f64),
        Data::Float(f) => Content::Number(*f),
        Data::Bool(b) => Content::Bool(*b),
        Data::DateTime(d) => match number::excel_date(d) {
            Some(day) => Content::Date(Some(day), crate::italian::date(day)),
            None => Content::Date(None, number::excel_date_text(d)),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => iso(s),
        Data::Error(e) => Content::Error(e.to_string()),
    })
}

/// An ISO date (`2024-06-30`, `2024-06-30T00:00:00`) as LibreOffice stores date cells; a
/// duration (`PT12H`) or a time is no day.
fn iso(s: &str) -> Content {
    let day = s
        .split('T')
        .next()
        .and_then(crate::syntax::literal::parse_iso_date);
    match day {
        Some(d) => Content::Date(Some(d), crate::italian::date(d)),
        None => Content::Date(None, s.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_that_show_percentages_and_euro() {
        assert_eq!(shown_by_format("0%"), Shown::Percent);
        assert_eq!(shown_by_format("0.00%"), Shown::Percent);
        assert_eq!(shown_by_format("#,##0.00\\ \"€\""), Shown::Euro);
        assert_eq!(shown_by_format("[$€-410] #,##0.00"), Shown::Euro);
        assert_eq!(shown_by_format("General"), Shown::Plain);
        assert_eq!(shown_by_format("0\"%\""), Shown::Plain);
        assert_eq!(shown_by_format("0\\%"), Shown::Plain);
        assert_eq!(shown_by_format("dd/mm/yyyy"), Shown::Plain);
    }

    #[test]
    fn error_texts_are_errors() {
        assert_eq!(text("#DIV/0!"), Some(Content::Error("#DIV/0!".into())));
        assert_eq!(text("#N/D"), Some(Content::Error("#N/D".into())));
        assert_eq!(text("# uno"), Some(Content::Text("# uno".into())));
        assert_eq!(text("  "), None);
    }

    #[test]
    fn iso_dates_are_days() {
        let d = NaiveDate::from_ymd_opt(2024, 6, 30);
        assert_eq!(iso("2024-06-30"), Content::Date(d, "30/06/2024".into()));
        assert_eq!(
            iso("2024-06-30T00:00:00"),
            Content::Date(d, "30/06/2024".into())
        );
        assert_eq!(iso("PT12H"), Content::Date(None, "PT12H".into()));
    }

    #[test]
    fn not_workbooks() {
        assert!(!is_workbook(b"codice;valore\n"));
        assert!(is_workbook(b"PK\x03\x04rest"));
        assert!(matches!(
            Book::open(b"PK\x03\x04rest"),
            Err(WorkbookProblem::Damaged(_))
        ));
        assert!(matches!(
            Book::open(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"),
            Err(WorkbookProblem::OldFormat)
        ));
    }
}
