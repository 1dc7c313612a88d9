//! Measurement files (CSV or JSON) → typed values for the plan's codes, with a diagnostic for
//! every problem: no row is ever dropped silently.

use super::csv;
use super::error::{MeasureError, ValueProblem};
use super::json_input::{self, Json, Node};
use super::needs::{self, Target};
use super::value::{self, Cell, Literal, Val};
use crate::check::model::Model;
use crate::diagnostics::Diagnostic;
use crate::range::OutOfRange;
use crate::source::Source;
use crate::span::Span;
use crate::suggest;
use crate::syntax::ast::Udm;
use crate::syntax::vocab::Vocabulary;
use chrono::NaiveDate;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use rust_decimal::Decimal;

/// The reserved code of the monitoring date.
pub const RILEVAZIONE: &str = "rilevazione";

/// The columns of a measurement file, in the order `piano template` prints them.
pub const COLUMNS: [&str; 5] = ["codice", "valore", "nota", "udm", "descrizione"];

/// Every column a measurement file may have: the workbook template also has `obiettivo`
/// (not read, like `descrizione`), and a CSV saved from it too.
pub const KNOWN_COLUMNS: [&str; 6] = [
    "codice",
    "valore",
    "nota",
    "udm",
    "descrizione",
    "obiettivo",
];

/// One value given by the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub value: Val,
    /// The `nota` cell, when not empty.
    pub note: Option<String>,
    /// Where the value is.
    pub span: Span,
}

/// The values of a measurement file, by what they measure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measurements {
    /// The `rilevazione` row.
    pub monitoring: Option<(NaiveDate, Span)>,
    /// The value cell of a `rilevazione` row left empty (as in the template), if any.
    pub monitoring_blank: Option<Span>,
    /// By `MeasureId`.
    pub measures: Vec<Option<Entry>>,
    /// By objective, then indicator.
    pub indicators: Vec<Vec<Option<Entry>>>,
    /// The end of the last row: where a missing row would go.
    pub end: Span,
}

impl Measurements {
    pub fn empty(model: &Model) -> Self {
        Measurements {
            monitoring: None,
            monitoring_blank: None,
            measures: vec![None; model.measures.len()],
            indicators: model
                .objectives
                .iter()
                .map(|o| vec![None; o.indicators.len()])
                .collect(),
            end: Span::point(0),
        }
    }

    pub fn get(&self, target: Target) -> Option<&Entry> {
        match target {
            Target::Measure(id) => self.measures.get(id)?.as_ref(),
            Target::Indicator(o, i) => self.indicators.get(o)?.get(i)?.as_ref(),
        }
    }

    fn slot(&mut self, target: Target) -> Option<&mut Option<Entry>> {
        match target {
            Target::Measure(id) => self.measures.get_mut(id),
            Target::Indicator(o, i) => self.indicators.get_mut(o)?.get_mut(i),
        }
    }
}

#[derive(Debug, Default)]
pub struct Loaded {
    pub measurements: Measurements,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// A row, from any form.
pub(crate) struct Row {
    pub span: Span,
    pub code: Cell,
    pub value: Raw,
    pub note: Option<String>,
    pub udm: Option<Cell>,
}

/// A value as the file gives it.
pub(crate) enum Raw {
    /// Text written as in a plan; `iso`: ISO dates accepted too (JSON).
    Text {
        cell: Cell,
        iso: bool,
    },
    /// A JSON number, in the code's unit.
    Number(String, Span),
    Bool(bool, Span),
    Null(Span),
    /// A workbook cell, already read (a number with its shown unit, a date, a boolean), or
    /// the diagnostic it gives.
    Sheet(Result<Literal, MeasureError>, Span),
}

/// Reads a measurement file for `model`: JSON when it starts with `{` or `[`, else CSV.
pub fn load(model: &Model, source: &Source) -> Loaded {
    let mut diagnostics = Vec::new();
    let text = source.text.as_str();
    if crate::source::is_binary(text) {
        return Loaded {
            measurements: Measurements::empty(model),
            diagnostics: vec![Diagnostic::new(
                Span::point(0),
                crate::diagnostics::FileError::NotText,
            )],
        };
    }
    let first = text.trim_start().chars().next();
    let rows: Option<RowIter> = if matches!(first, Some('{' | '[')) {
        json_rows(text, &mut diagnostics).map(|rows| Box::new(rows.into_iter().map(Ok)) as RowIter)
    } else {
        csv_rows(text, &mut diagnostics).map(|rows| Box::new(rows) as RowIter)
    };
    finish(model, rows, diagnostics, None, text)
}

/// Rows as they are made, or the diagnostic that takes a bad row's place: CSV rows are made
/// one by one from the file's records and used at once, so the cells are never held twice.
pub(crate) type RowIter<'a> = Box<dyn Iterator<Item = Result<Row, Diagnostic>> + 'a>;

/// The rows of a file, read in any form, → values and diagnostics. `end` is where a missing
/// row would go (by default the end of the last row, or of the text when there is none);
/// `text` is the file's text (or a workbook's view), searched for garbling.
pub(crate) fn finish(
    model: &Model,
    rows: Option<RowIter>,
    diagnostics: Vec<Diagnostic>,
    end: Option<Span>,
    text: &str,
) -> Loaded {
    let mut loaded = Loaded {
        measurements: Measurements::empty(model),
        diagnostics,
    };
    match rows {
        Some(rows) => {
            let mut each = Rows::new(model, &mut loaded);
            let mut last = None;
            for row in rows {
                match row {
                    Ok(row) => {
                        last = Some(row.span.end);
                        each.row(row);
                    }
                    Err(d) => each.loaded.diagnostics.push(d),
                }
            }
            // No row, and nothing else wrong with the file (row problems need a row).
            if last.is_none() && each.loaded.diagnostics.is_empty() {
                each.loaded
                    .diagnostics
                    .push(Diagnostic::new(Span::point(0), MeasureError::Empty));
            }
            each.loaded.measurements.end = end.unwrap_or(Span::point(last.unwrap_or(text.len())));
            super::mojibake::diagnose(
                text,
                &|g| in_plan_text(model, g),
                &mut each.loaded.diagnostics,
            );
            each.missing();
        }
        None => {
            loaded.measurements.end = end.unwrap_or(Span::point(text.len()));
            super::mojibake::diagnose(text, &|g| in_plan_text(model, g), &mut loaded.diagnostics)
        }
    }
    crate::diagnostics::sort(&mut loaded.diagnostics);
    loaded
}

/// Whether `piece` is in a text of the plan that a template copies (objective and indicator
/// titles, measure descriptions).
fn in_plan_text(model: &Model, piece: &str) -> bool {
    model
        .objectives
        .iter()
        .any(|o| o.title.contains(piece) || o.indicators.iter().any(|i| i.title.contains(piece)))
        || model.measures.iter().any(|m| m.description.contains(piece))
}

fn report(diagnostics: &mut Vec<Diagnostic>, (span, error): (Span, MeasureError)) {
    diagnostics.push(Diagnostic::new(span, error));
}

// ---------------------------------------------------------------------------------------------
// CSV

/// The CSV file's rows, made as they are taken; a row with the wrong number of cells is its
/// diagnostic instead.
// As in `table_rows`: a row and the diagnostic that takes its place are used at once.
#[allow(clippy::result_large_err)]
fn csv_rows<'t>(
    text: &'t str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<impl Iterator<Item = Result<Row, Diagnostic>> + use<'t>> {
    // Records are read one by one as the rows are taken and their cells moved into the rows,
    // so that the file's cells are never all held at once.
    let mut records = csv::reader(text);
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(unclosed)) => {
            report(diagnostics, unclosed);
            return None;
        }
        None => {
            if diagnostics.is_empty() {
                diagnostics.push(Diagnostic::new(Span::point(0), MeasureError::Empty));
            }
            return None;
        }
    };
    // An unclosed quote ends the records: its diagnostic comes in the place of the rows it
    // swallowed.
    let body = records.map(|r| r.map_err(|(span, error)| Diagnostic::new(span, error)));
    table_rows(&header, body, diagnostics, |cell| Raw::Text {
        cell,
        iso: false,
    })
}

/// A table's header and records → rows, made as they are taken; a row with the wrong number
/// of cells is its diagnostic instead, and a record that could not be read (`Err`) stays its
/// diagnostic. `value` reads a value cell (a CSV's text, a workbook's
/// typed cell).
// A row and the diagnostic that takes its place are used at once, one at a time: nothing is
// gained by boxing the diagnostic.
#[allow(clippy::result_large_err)]
pub(crate) fn table_rows<B, V>(
    header: &csv::Record,
    body: B,
    diagnostics: &mut Vec<Diagnostic>,
    value: V,
) -> Option<impl Iterator<Item = Result<Row, Diagnostic>> + use<B, V>>
where
    B: IntoIterator<Item = Result<csv::Record, Diagnostic>>,
    V: Fn(Cell) -> Raw,
{
    let columns = read_header(header, diagnostics)?;
    let at = |name: &str| columns.iter().position(|c| c.as_deref() == Some(name));
    let (Some(code_at), Some(value_at)) = (at("codice"), at("valore")) else {
        return None;
    };
    let (note_at, udm_at) = (at("nota"), at("udm"));
    let width = header.cells.len();
    let header_span = header.span;
    Some(body.into_iter().map(move |record| {
        let mut record = record?;
        if record.cells.len() != width {
            return Err(Diagnostic::new(
                record.span,
                MeasureError::FieldCount {
                    found: record.cells.len(),
                    expected: width,
                    header: header_span,
                },
            ));
        }
        let note = note_at
            .and_then(|i| record.cells.get(i))
            .map(|c| c.text.trim().to_string());
        let mut take = |i: usize| {
            record
                .cells
                .get_mut(i)
                .map(std::mem::take)
                .unwrap_or_default()
        };
        Ok(Row {
            span: record.span,
            code: take(code_at),
            value: value(take(value_at)),
            note,
            udm: udm_at.map(take),
        })
    }))
}

/// The header's columns (`None` for an unknown one), or `None` when it is not a header.
fn read_header(
    header: &csv::Record,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<Option<String>>> {
    let names: Vec<String> = header
        .cells
        .iter()
        .map(|c| c.text.trim().to_lowercase())
        .collect();
    let known = |n: &str| KNOWN_COLUMNS.contains(&n);
    let missing: Vec<&'static str> = ["codice", "valore"]
        .into_iter()
        .filter(|c| !names.iter().any(|n| n == c))
        .collect();
    if !missing.is_empty() {
        let first = names.first().map(String::as_str).unwrap_or("");
        let separator = [',', '\t']
            .into_iter()
            .find(|s| header.cells.len() == 1 && first.contains(*s));
        let looks_like_data = separator.is_none()
            && !names.iter().any(|n| known(n))
            && (first.contains('.') || first == RILEVAZIONE || first.contains('_'));
        diagnostics.push(Diagnostic::new(
            header.span,
            MeasureError::MissingHeader {
                separator,
                missing: missing.clone(),
                looks_like_data,
            },
        ));
        if separator.is_some() || looks_like_data {
            return None;
        }
    }
    let mut columns = Vec::new();
    let mut seen: HashMap<&str, Span> = HashMap::new();
    for (cell, name) in header.cells.iter().zip(&names) {
        if known(name) {
            if let Some(first) = seen.get(name.as_str()) {
                diagnostics.push(Diagnostic::new(
                    cell.span,
                    MeasureError::DuplicateColumn {
                        name: name.clone(),
                        first: *first,
                    },
                ));
                columns.push(None);
                continue;
            }
            seen.insert(name, cell.span);
            columns.push(Some(name.clone()));
        } else {
            let suggestion = match name.as_str() {
                "note" | "note/commenti" | "commento" | "commenti" => Some("nota"),
                "valori" | "value" | "dato" | "importo" => Some("valore"),
                "codici" | "code" | "id" => Some("codice"),
                "unità" | "unita" | "unità di misura" => Some("udm"),
                other => suggest::closest(other, KNOWN_COLUMNS),
            };
            diagnostics.push(Diagnostic::new(
                cell.span,
                MeasureError::UnknownColumn {
                    name: cell.text.trim().to_string(),
                    suggestion,
                },
            ));
            columns.push(None);
        }
    }
    (missing.is_empty()).then_some(columns)
}

// ---------------------------------------------------------------------------------------------
// JSON

fn shape(span: Span, expected: &'static str) -> (Span, MeasureError) {
    (span, MeasureError::JsonShape { expected })
}

fn json_rows(text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Vec<Row>> {
    let node = match json_input::parse(text) {
        Ok(n) => n,
        Err(e) => {
            report(diagnostics, e);
            return None;
        }
    };
    let Json::Object(members) = node.json else {
        report(diagnostics, shape(node.span, "file"));
        return None;
    };
    let mut rows = Vec::new();
    let mut has_values = false;
    for (key, key_span, value) in members {
        match key.as_str() {
            RILEVAZIONE => {
                let code = Cell {
                    text: RILEVAZIONE.into(),
                    span: key_span,
                    exact: false,
                };
                match json_value(&value) {
                    Ok(raw) => rows.push(Row {
                        span: key_span.to(value.span),
                        code,
                        value: raw,
                        note: None,
                        udm: None,
                    }),
                    Err(e) => report(diagnostics, e),
                }
            }
            "valori" => {
                has_values = true;
                let Json::Array(items) = value.json else {
                    report(diagnostics, shape(value.span, "valori"));
                    continue;
                };
                for item in items {
                    match json_row(item) {
                        Ok(row) => rows.push(row),
                        Err(e) => report(diagnostics, e),
                    }
                }
            }
            _ => report(diagnostics, shape(key_span, "file")),
        }
    }
    if !has_values {
        report(diagnostics, shape(Span::point(node.span.start), "file"));
    }
    Some(rows)
}

fn json_row(item: Node) -> Result<Row, (Span, MeasureError)> {
    let Json::Object(members) = item.json else {
        return Err(shape(item.span, "riga"));
    };
    let mut code = None;
    let mut value = None;
    let mut note = None;
    let mut udm = None;
    for (key, key_span, node) in members {
        match key.as_str() {
            "codice" => code = Some(json_text(&node)?),
            "valore" => value = Some(json_value(&node)?),
            "nota" => note = json_optional_text(&node)?.map(|c| c.text),
            "udm" => udm = json_optional_text(&node)?,
            "descrizione" => {
                json_optional_text(&node)?;
            }
            _ => return Err(shape(key_span, "riga")),
        }
    }
    match (code, value) {
        (Some(code), Some(value)) => Ok(Row {
            span: item.span,
            code,
            value,
            note,
            udm,
        }),
        _ => Err(shape(item.span, "riga")),
    }
}

fn json_text(node: &Node) -> Result<Cell, (Span, MeasureError)> {
    match &node.json {
        Json::String(s) => Ok(Cell {
            text: s.clone(),
            span: node.span,
            exact: false,
        }),
        _ => Err(shape(node.span, "testo")),
    }
}

fn json_optional_text(node: &Node) -> Result<Option<Cell>, (Span, MeasureError)> {
    match &node.json {
        Json::Null => Ok(None),
        _ => json_text(node).map(Some),
    }
}

fn json_value(node: &Node) -> Result<Raw, (Span, MeasureError)> {
    Ok(match &node.json {
        Json::String(_) => Raw::Text {
            cell: json_text(node)?,
            iso: true,
        },
        Json::Number(n) => Raw::Number(n.clone(), node.span),
        Json::Bool(b) => Raw::Bool(*b, node.span),
        Json::Null => Raw::Null(node.span),
        Json::Object(_) | Json::Array(_) => return Err(shape(node.span, "valore")),
    })
}

/// A JSON number as an exact decimal: `46.56`, `-5`, `1e3`, `2.5E-1`, within the numeric range
/// of the plans (`crate::range`).
fn json_decimal(text: &str) -> Result<Decimal, ValueProblem> {
    let too_many_decimals = |d: Decimal| ValueProblem::TooManyDecimals {
        suggestion: crate::italian::number(
            d.round_dp_with_strategy(
                crate::range::MAX_DECIMALS,
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            )
            .normalize(),
        ),
    };
    let digits = text.trim_start_matches('-');
    if let Some((mantissa, exponent)) = digits.split_once(['e', 'E']) {
        let Ok(d) = Decimal::from_scientific(text) else {
            // Beyond 28 digits either way: huge, or so small that it rounds to zero.
            let tiny = exponent.starts_with('-') && !mantissa.is_empty();
            return Err(if tiny {
                too_many_decimals(Decimal::ZERO)
            } else {
                ValueProblem::NumberTooLarge
            });
        };
        return match crate::range::check_value(d) {
            Ok(()) => Ok(d),
            Err(OutOfRange::TooLarge) => Err(ValueProblem::NumberTooLarge),
            Err(OutOfRange::TooManyDecimals) => Err(too_many_decimals(d)),
        };
    }
    let (int_digits, frac) = digits.split_once('.').unwrap_or((digits, ""));
    match crate::range::check_written(int_digits, frac) {
        Ok(()) => Decimal::from_str_exact(text).map_err(|_| ValueProblem::NumberTooLarge),
        Err(OutOfRange::TooLarge) => Err(ValueProblem::NumberTooLarge),
        Err(OutOfRange::TooManyDecimals) => {
            let keep = crate::range::MAX_DECIMALS as usize + 1;
            let head = format!("{int_digits}.{}", &frac[..keep]);
            let d = Decimal::from_str_exact(&head).unwrap_or_default();
            Err(too_many_decimals(if text.starts_with('-') {
                -d
            } else {
                d
            }))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Rows → values

struct Rows<'a> {
    model: &'a Model,
    loaded: &'a mut Loaded,
    codes: HashMap<&'a str, Target>,
    /// The codes a file may give, for "did you mean": listed at the first unknown code.
    candidates: Option<Vec<&'a str>>,
    /// Where each code of the plan was first given.
    first: FirstRows,
    /// Where each other code (unknown, or `rilevazione`) was first given.
    first_other: HashMap<String, Span>,
    /// What the rows with an empty value cell are for.
    blank: HashSet<Target>,
}

/// Where each code the plan knows was first given, in one table: the indicators objective by
/// objective, then the measures. A map keyed by a copy of each code took three times the
/// memory, at eval's peak.
struct FirstRows {
    /// Where each objective's indicators start in `spans`.
    starts: Vec<usize>,
    /// Where the measures start in `spans`.
    measures: usize,
    spans: Vec<Option<Span>>,
}

impl FirstRows {
    fn new(model: &Model) -> Self {
        let mut starts = Vec::with_capacity(model.objectives.len());
        let mut measures = 0;
        for objective in &model.objectives {
            starts.push(measures);
            measures += objective.indicators.len();
        }
        FirstRows {
            starts,
            measures,
            spans: vec![None; measures + model.measures.len()],
        }
    }

    fn slot(&mut self, target: Target) -> Option<&mut Option<Span>> {
        let at = match target {
            Target::Measure(id) => self.measures.checked_add(id)?,
            Target::Indicator(o, i) => self.starts.get(o)?.checked_add(i)?,
        };
        self.spans.get_mut(at)
    }

    fn clear(&mut self) {
        *self = FirstRows {
            starts: Vec::new(),
            measures: 0,
            spans: Vec::new(),
        };
    }
}

impl<'a> Rows<'a> {
    fn new(model: &'a Model, loaded: &'a mut Loaded) -> Self {
        let indicators: usize = model.objectives.iter().map(|o| o.indicators.len()).sum();
        let mut codes = HashMap::with_capacity(indicators + model.measures.len());
        for (o, objective) in model.objectives.iter().enumerate() {
            for (i, indicator) in objective.indicators.iter().enumerate() {
                codes.insert(indicator.code.as_str(), Target::Indicator(o, i));
            }
        }
        for (id, measure) in model.measures.iter().enumerate() {
            codes.insert(measure.code.as_str(), Target::Measure(id));
        }
        Rows {
            model,
            loaded,
            codes,
            candidates: None,
            first: FirstRows::new(model),
            first_other: HashMap::new(),
            blank: HashSet::new(),
        }
    }

    /// The codes a file may give: `rilevazione`, the indicators measured directly, the
    /// measures.
    fn candidates(&mut self) -> &[&'a str] {
        let model = self.model;
        self.candidates.get_or_insert_with(|| {
            let direct = model.objectives.iter().flat_map(|o| &o.indicators);
            std::iter::once(RILEVAZIONE)
                .chain(
                    direct
                        .filter(|i| i.formula.is_none())
                        .map(|i| i.code.as_str()),
                )
                .chain(model.measures.iter().map(|m| m.code.as_str()))
                .collect()
        })
    }

    fn error(&mut self, span: Span, error: MeasureError) {
        self.loaded.diagnostics.push(Diagnostic::new(span, error));
    }

    fn row(&mut self, row: Row) {
        let code = row.code.text.trim();
        if code.is_empty() {
            self.error(
                Span::point(row.code.span.start.max(row.span.start)),
                MeasureError::MissingCode,
            );
            return;
        }
        let code_span = row.code.span;
        // `rilevazione` first, as a measure may have that name.
        let known = match code {
            RILEVAZIONE => None,
            _ => self.codes.get(code).copied(),
        };
        let first = match known {
            Some(target) => match self.first.slot(target) {
                Some(Some(first)) => Some(*first),
                Some(slot) => {
                    *slot = Some(code_span);
                    None
                }
                None => None,
            },
            None => match self.first_other.get(code) {
                Some(first) => Some(*first),
                None => {
                    self.first_other.insert(code.to_string(), code_span);
                    None
                }
            },
        };
        if let Some(first) = first {
            let code = code.to_string();
            self.error(code_span, MeasureError::DuplicateCode { code, first });
            return;
        }
        if code == RILEVAZIONE {
            match self.literal(&row.value) {
                Some((span, Some(literal))) => match value::monitoring_date(literal) {
                    Ok(d) => self.loaded.measurements.monitoring = Some((d, span)),
                    Err(e) => self.error(span, e),
                },
                Some((span, None)) => self.loaded.measurements.monitoring_blank = Some(span),
                None => {}
            }
            return;
        }
        let Some(target) = known else {
            let suggestion =
                suggest::closest(code, self.candidates().iter().copied()).map(str::to_string);
            let code = code.to_string();
            self.error(code_span, MeasureError::UnknownCode { code, suggestion });
            return;
        };
        let udm = match target {
            Target::Measure(id) => self.model.measures[id].udm,
            Target::Indicator(o, i) => {
                let indicator = &self.model.objectives[o].indicators[i];
                if let Some(formula) = &indicator.formula {
                    let mut ids = Vec::new();
                    needs::measures_of(&formula.expr, &mut ids);
                    let measures = ids
                        .iter()
                        .filter_map(|id| self.model.measures.get(*id))
                        .map(|m| m.code.clone())
                        .collect();
                    self.error(
                        code_span,
                        MeasureError::Computed {
                            code: code.to_string(),
                            measures,
                            formula: formula.span,
                        },
                    );
                    return;
                }
                indicator.udm
            }
        };
        if let Some(cell) = &row.udm {
            self.udm_column(code, cell, udm);
        }
        let note = row.note.filter(|n| !n.is_empty());
        let from_sheet = matches!(row.value, Raw::Sheet(..));
        let Some((span, literal)) = self.literal(&row.value) else {
            return;
        };
        let value = match literal {
            None => {
                self.blank.insert(target);
                Val::NotAvailable
            }
            Some(literal) => match value::typed(literal, udm, code) {
                Ok(v) => v,
                // A spreadsheet number in a `%` row, in a cell not formatted as a percentage.
                Err(MeasureError::PercentWithoutSign { code, number }) if from_sheet => {
                    self.error(span, MeasureError::UnformattedPercent { code, number });
                    return;
                }
                Err(e) => {
                    self.error(span, e);
                    return;
                }
            },
        };
        if let Some(slot) = self.loaded.measurements.slot(target) {
            *slot = Some(Entry { value, note, span });
        }
    }

    /// The literal of a value: `Some((span, None))` for an empty cell, `None` after an error.
    fn literal(&mut self, raw: &Raw) -> Option<(Span, Option<Literal>)> {
        match raw {
            Raw::Text { cell, iso } => {
                if cell.text.trim().is_empty() {
                    return Some((cell.span, None));
                }
                match value::read(cell, *iso) {
                    Ok(l) => Some((cell.span, Some(l))),
                    Err((span, e)) => {
                        self.error(span, e);
                        None
                    }
                }
            }
            Raw::Number(text, span) => match json_decimal(text) {
                Ok(d) => Some((*span, Some(Literal::Plain(d)))),
                Err(problem) => {
                    self.error(
                        *span,
                        MeasureError::BadValue {
                            text: text.clone(),
                            problem,
                        },
                    );
                    None
                }
            },
            Raw::Bool(b, span) => Some((*span, Some(if *b { Literal::Yes } else { Literal::No }))),
            Raw::Null(span) => Some((*span, Some(Literal::NotAvailable))),
            Raw::Sheet(Ok(literal), span) => Some((*span, Some(literal.clone()))),
            Raw::Sheet(Err(e), span) => {
                self.error(*span, e.clone());
                None
            }
        }
    }

    fn udm_column(&mut self, code: &str, cell: &Cell, udm: Udm) {
        let written = cell.text.trim();
        if written.is_empty() || Udm::lookup(written) == Some(udm) {
            return;
        }
        self.error(
            cell.span,
            MeasureError::UdmColumn {
                code: code.to_string(),
                written: written.to_string(),
                udm,
            },
        );
    }

    /// One warning for the codes the plan needs that the file does not give, unless the file
    /// has errors (a mistyped code would be reported twice).
    fn missing(&mut self) {
        if self.loaded.has_errors() {
            return;
        }
        // The rows are all read: their maps are no longer needed, and a large plan's are large.
        self.codes = HashMap::new();
        self.first.clear();
        self.first_other = HashMap::new();
        self.candidates = None;
        let mut codes: Vec<String> = Vec::new();
        needs::each_needed(self.model, |n| {
            if self.loaded.measurements.get(n.target).is_none() || self.blank.contains(&n.target) {
                codes.push(n.code.to_string());
            }
        });
        if !codes.is_empty() {
            let end = self.loaded.measurements.end;
            self.error(end, MeasureError::Missing { codes });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_numbers_keep_to_the_range() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(json_decimal("46.56"), Ok(d("46.56")));
        assert_eq!(json_decimal("-2.5E-1"), Ok(d("-0.25")));
        assert_eq!(json_decimal("1e14"), Ok(d("100000000000000")));
        for huge in ["1e15", "1e100", "1234567890123456", &"9".repeat(40)] {
            assert_eq!(
                json_decimal(huge),
                Err(ValueProblem::NumberTooLarge),
                "{huge}"
            );
        }
        let rounded = |s: &str| ValueProblem::TooManyDecimals {
            suggestion: s.into(),
        };
        assert_eq!(json_decimal("1e-11"), Err(rounded("0")));
        assert_eq!(json_decimal("1e-100"), Err(rounded("0")));
        assert_eq!(
            json_decimal("-0.123456789012"),
            Err(rounded("-0,123456789"))
        );
        assert_eq!(
            json_decimal(&format!("0.{}1", "0".repeat(40))),
            Err(rounded("0"))
        );
    }
}
