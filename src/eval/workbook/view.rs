//! A sheet as text, so that its diagnostics render like a CSV's: line N of the view is row N
//! of the sheet (the gutter shows Excel's row numbers), cells are separated by ` | `, and each
//! cell's stretch of text is named (`Misure!E12`) for the diagnostic's header. Long texts are
//! cut in the view only: the values are read from the cells.

use super::grid::{Content, Grid, GridCell, Shown};
use super::number;
use crate::eval::value::Cell;
use crate::italian;
use crate::span::Span;
use std::collections::HashMap;

const SEPARATOR: &str = " | ";
/// Characters of a text cell shown in the view.
const SHOWN_CHARS: usize = 48;

pub struct View {
    pub text: String,
    /// `(end, name)` of each cell's stretch of text, in order (see `Source::with_places`).
    pub places: Vec<(usize, String)>,
    /// Every shown cell (empty ones too, within the table's width), by (row, column).
    pub cells: HashMap<(u32, u32), Cell>,
    /// The span of each row's line, by row.
    pub lines: Vec<Span>,
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`.
pub fn column_letters(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = u8::try_from((n - 1) % 26).unwrap_or(0);
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// `Misure!E12` for row 11, column 4 (from 0).
pub fn cell_name(sheet: &str, row: u32, col: u32) -> String {
    format!("{sheet}!{}{}", column_letters(col), u64::from(row) + 1)
}

/// A number as the cell shows it, the Italian way: `80%`, `1.234,56 €`, `12,5`.
pub fn number_text(x: f64, shown: Shown) -> String {
    let Some(d) = number::decimal(x) else {
        return x.to_string();
    };
    match shown {
        Shown::Plain => italian::number(d),
        Shown::Percent => match d.checked_mul(rust_decimal::Decimal::ONE_HUNDRED) {
            Some(p) => format!("{}%", italian::number(p.normalize())),
            None => x.to_string(),
        },
        Shown::Euro => crate::report::euro_text(d),
    }
}

/// The cell's full text, as a clerk would read it.
pub fn full_text(cell: &GridCell) -> String {
    match &cell.content {
        Content::Text(s) => s.clone(),
        Content::Number(x) => number_text(*x, cell.shown),
        Content::Bool(true) => "VERO".into(),
        Content::Bool(false) => "FALSO".into(),
        Content::Date(_, s) | Content::Error(s) => s.clone(),
    }
}

/// What the view shows of a text: on one line, cut when long.
fn shown_text(full: &str) -> String {
    let one_line: String = full
        .chars()
        .map(|c| match c {
            '\n' | '\r' => '⏎',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    if one_line.chars().count() > SHOWN_CHARS {
        let mut cut: String = one_line.chars().take(SHOWN_CHARS - 1).collect();
        cut.push('…');
        cut
    } else {
        one_line
    }
}

/// The view of a sheet whose table is `width` columns wide: those columns are shown in every
/// row, empty or not; cells beyond them only when they hold something.
pub fn build(sheet: &str, grid: &Grid, width: u32) -> View {
    let mut view = View {
        text: String::new(),
        places: Vec::new(),
        cells: HashMap::new(),
        lines: Vec::new(),
    };
    let last_row = grid.keys().map(|&(r, _)| r).max();
    let mut rows: HashMap<u32, Vec<(u32, &GridCell)>> = HashMap::new();
    for (&(r, c), cell) in grid {
        rows.entry(r).or_default().push((c, cell));
    }
    for r in 0..=last_row.map_or(0, |r| r.saturating_add(1)) {
        if Some(r) > last_row {
            // The row after the last, an empty line: where a missing row would go.
            view.places.push((view.text.len(), cell_name(sheet, r, 0)));
            view.text.push('\n');
            break;
        }
        let start = view.text.len();
        let Some(row) = rows.get(&r) else {
            // An empty row is an empty line, named by its first cell: a stray cell far below
            // the table costs a line per row, not a cell.
            view.places.push((start, cell_name(sheet, r, 0)));
            view.lines.push(Span::point(start));
            view.text.push('\n');
            continue;
        };
        let beyond = row.iter().map(|&(c, _)| c).filter(|&c| c >= width);
        let columns: Vec<u32> = (0..width).chain(beyond).collect();
        for (k, &c) in columns.iter().enumerate() {
            if k > 0 {
                view.text.push_str(SEPARATOR);
            }
            let cell = row
                .iter()
                .find(|&&(col, _)| col == c)
                .map(|&(_, cell)| cell);
            let full = cell.map(full_text).unwrap_or_default();
            let shown = shown_text(&full);
            let at = view.text.len();
            view.text.push_str(&shown);
            let span = Span::new(at, view.text.len());
            view.places.push((view.text.len(), cell_name(sheet, r, c)));
            view.cells.insert(
                (r, c),
                Cell {
                    exact: shown == full,
                    text: full,
                    span,
                },
            );
        }
        view.lines.push(Span::new(start, view.text.len()));
        view.text.push('\n');
    }
    view
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> GridCell {
        GridCell {
            content: Content::Text(s.into()),
            shown: Shown::Plain,
        }
    }

    #[test]
    fn letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(4), "E");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16_383), "XFD");
        assert_eq!(cell_name("Misure", 11, 2), "Misure!C12");
    }

    #[test]
    fn rows_are_lines_and_cells_are_named() {
        let mut grid = Grid::new();
        grid.insert((0, 0), text("codice"));
        grid.insert((0, 1), text("valore"));
        grid.insert((2, 0), text("a.b"));
        grid.insert(
            (2, 1),
            GridCell {
                content: Content::Number(0.8),
                shown: Shown::Percent,
            },
        );
        grid.insert((2, 5), text(&"x".repeat(100)));
        let view = build("Misure", &grid, 2);
        assert_eq!(
            view.text,
            format!("codice | valore\n\na.b | 80% | {}…\n\n", "x".repeat(47))
        );
        let source = crate::source::Source::new("m.xlsx", view.text.clone())
            .with_places(view.places.clone());
        let value = &view.cells[&(2, 1)];
        assert_eq!(&view.text[value.span.range()], "80%");
        assert_eq!(source.place(value.span.start), Some("Misure!B3"));
        assert_eq!(
            source.place(view.cells[&(2, 5)].span.start),
            Some("Misure!F3")
        );
        assert!(!view.cells[&(2, 5)].exact);
        assert_eq!(view.cells[&(2, 5)].text.len(), 100);
        assert_eq!(source.place(view.text.len() - 1), Some("Misure!A4"));
        assert_eq!(source.line_col(value.span.start).0, 3, "line 3 is row 3");
    }
}
