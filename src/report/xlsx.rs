//! The report as an Excel workbook, for a dirigente to sort and filter: one sheet per level
//! (the plan, ambiti, strategic lines, missions and programmes, objectives, indicators), each a
//! table with a filter on its header. Numbers are numbers with Italian formats (percentages as
//! fractions shown in %, amounts in €, dates as dates); performance cells are coloured by the
//! bands of the HTML report (`Band`). Spreadsheets hold binary doubles: the exact values are in
//! the JSON report. Texts are written as texts, never as formulas. The bytes are the same on
//! every run (the creation date is the monitoring date).

use super::comparto::{baseline_text, conditioned_text, responsabile_label};
use super::{Band, Report, coverage, labels, objectives_coverage, status_text, tipologia_text};
use crate::check::model::{TargetSpec, TargetValue};
use crate::diagnostics::Lang;
use crate::eval::rollup::Tally;
use crate::eval::value::Val;
use crate::syntax::ast::Udm;
use crate::syntax::vocab::Vocabulary;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

/// Excel keeps at most this many characters in a cell.
const CELL_CHARS: usize = 32_767;

/// A text cut to what a cell holds.
pub fn fit(text: &str) -> String {
    text.chars().take(CELL_CHARS).collect()
}

/// The fill and font colours of a performance cell by band: light tints of the HTML bars'
/// green, amber and red, with a dark text of the same hue.
fn band_colours(band: Band) -> Option<(u32, u32)> {
    match band {
        Band::Good => Some((0xC8E6C9, 0x1B5E20)),
        Band::Fair => Some((0xFFE0B2, 0x7A4A00)),
        Band::Poor => Some((0xFFCDD2, 0xB71C1C)),
        Band::None => None,
    }
}

/// A cell to write.
enum Out {
    Text(String),
    /// A number with its format.
    Number(Decimal, &'static str),
    Integer(i64),
    Date(NaiveDate),
    /// A performance: a fraction in whole percent, coloured by band.
    Performance(Option<Decimal>),
    Empty,
}

const EURO: &str = "#,##0.00 \"€\"";
const PERCENT: &str = "0.00%";
const WEIGHT: &str = "0.0%";
const PERFORMANCE: &str = "0%";
const GENERAL: &str = "General";
const DATE: &str = "dd/mm/yyyy";

fn text(s: impl Into<String>) -> Out {
    Out::Text(s.into())
}

fn number_format(udm: Udm) -> &'static str {
    match udm {
        Udm::Percent => PERCENT,
        Udm::Euro => EURO,
        _ => GENERAL,
    }
}

fn value(v: &Val, udm: Udm, lang: Lang) -> Out {
    match v {
        Val::Number(n) => Out::Number(*n, number_format(udm)),
        Val::Date(d) => Out::Date(*d),
        Val::Bool(b) => text(if *b { "sì" } else { "no" }),
        Val::NotDone => text(lang.pick("no (non ancora)", "no (not yet)")),
        Val::NotAvailable => text("n.d."),
    }
}

fn target(t: Option<&TargetSpec>, udm: Udm) -> (Out, Out) {
    match t {
        Some(TargetSpec::Compare { comparator, value }) => (
            text(comparator.symbol()),
            match value {
                TargetValue::Number(n) => Out::Number(*n, number_format(udm)),
                TargetValue::Date(d) => Out::Date(*d),
                TargetValue::Bool(b) => text(if *b { "sì" } else { "no" }),
            },
        ),
        _ => (Out::Empty, text("n.d.")),
    }
}

struct Formats {
    header: Format,
    text: Format,
    date: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top);
        Formats {
            header: cell
                .clone()
                .set_bold()
                .set_background_color(0xD9E1F2)
                .set_text_wrap(),
            text: cell.clone().set_text_wrap(),
            date: cell.set_num_format(DATE),
        }
    }

    fn number(&self, format: &str) -> Format {
        self.text.clone().set_text_wrap().set_num_format(format)
    }

    fn performance(&self, band: Band) -> Format {
        let f = self.number(PERFORMANCE).set_bold();
        match band_colours(band) {
            Some((fill, font)) => f.set_background_color(fill).set_font_color(font),
            None => f,
        }
    }
}

/// A sheet as a table: a header with a filter, frozen, then rows.
struct Table<'a> {
    sheet: &'a mut Worksheet,
    formats: &'a Formats,
    row: u32,
    columns: u16,
}

impl<'a> Table<'a> {
    fn new(
        sheet: &'a mut Worksheet,
        formats: &'a Formats,
        name: &str,
        columns: &[(&str, f64)],
    ) -> Result<Table<'a>, XlsxError> {
        sheet.set_name(name)?;
        for (c, (title, width)) in (0u16..).zip(columns) {
            sheet.write_string_with_format(0, c, *title, &formats.header)?;
            sheet.set_column_width(c, *width)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(Table {
            sheet,
            formats,
            row: 0,
            columns: u16::try_from(columns.len()).unwrap_or(u16::MAX),
        })
    }

    fn push(&mut self, cells: Vec<Out>) -> Result<(), XlsxError> {
        self.row = self.row.saturating_add(1);
        let (r, f) = (self.row, self.formats);
        for (c, cell) in (0u16..).zip(cells) {
            match cell {
                Out::Text(s) => {
                    self.sheet
                        .write_string_with_format(r, c, fit(&s), &f.text)?;
                }
                Out::Number(n, format) => match double(n) {
                    Some(x) => {
                        self.sheet
                            .write_number_with_format(r, c, x, &f.number(format))?;
                    }
                    None => {
                        self.sheet
                            .write_string_with_format(r, c, n.to_string(), &f.text)?;
                    }
                },
                Out::Integer(i) => {
                    // Counts and days: far below 2^53, exact as doubles.
                    #[allow(clippy::cast_precision_loss)]
                    let x = i as f64;
                    self.sheet
                        .write_number_with_format(r, c, x, &f.number(GENERAL))?;
                }
                Out::Date(d) => match excel_date(d) {
                    Some(d) => {
                        self.sheet.write_datetime_with_format(r, c, d, &f.date)?;
                    }
                    None => {
                        self.sheet.write_string_with_format(
                            r,
                            c,
                            crate::italian::date(d),
                            &f.text,
                        )?;
                    }
                },
                Out::Performance(p) => {
                    let format = f.performance(Band::of(p));
                    match p.and_then(double) {
                        Some(x) => self.sheet.write_number_with_format(r, c, x, &format)?,
                        None => self.sheet.write_string_with_format(r, c, "—", &format)?,
                    };
                }
                Out::Empty => {
                    self.sheet.write_blank(r, c, &f.text)?;
                }
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<(), XlsxError> {
        if self.row > 0 {
            self.sheet
                .autofilter(0, 0, self.row, self.columns.saturating_sub(1))?;
        }
        Ok(())
    }
}

/// The double nearest to a decimal (through its text: Rust's parsing rounds correctly).
fn double(d: Decimal) -> Option<f64> {
    d.to_string().parse().ok().filter(|x: &f64| x.is_finite())
}

fn excel_date(d: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year()).ok()?;
    let month = u8::try_from(d.month()).ok()?;
    let day = u8::try_from(d.day()).ok()?;
    ExcelDateTime::from_ymd(year, month, day).ok()
}

fn count(n: usize) -> Out {
    Out::Integer(i64::try_from(n).unwrap_or(i64::MAX))
}

/// The workbook's bytes.
pub fn render(report: Report, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let Report { model, eval } = report;
    let l = labels(lang);
    let f = Formats::new();
    let mut book = Workbook::new();
    let mut properties = DocProperties::new()
        .set_title(fit(&model.plan.title))
        .set_company(fit(&model.plan.ente))
        .set_author("piano eval");
    if let Some(date) = excel_date(eval.as_of) {
        properties = properties.set_creation_datetime(&date);
    }
    book.set_properties(&properties);

    let sheet_names = match lang {
        Lang::It => [
            "Piano",
            "Ambiti",
            "Linee strategiche",
            "Missioni e programmi",
            "Obiettivi",
            "Indicatori",
        ],
        Lang::En => [
            "Plan",
            "Areas",
            "Strategic lines",
            "Missions and programmes",
            "Objectives",
            "Indicators",
        ],
    };
    let (scored, total) = match lang {
        Lang::It => (
            ["Obiettivi valutati", "Obiettivi"],
            ["Indicatori valutati", "Indicatori"],
        ),
        Lang::En => (
            ["Objectives scored", "Objectives"],
            ["Indicators scored", "Indicators"],
        ),
    };

    // The plan: one row of facts per line.
    let mut plan = Table::new(
        book.add_worksheet(),
        &f,
        sheet_names[0],
        &[(lang.pick("Voce", "Item"), 30.0), (l.value, 60.0)],
    )?;
    let as_of_label = lang.pick("Rilevazione al", "Monitoring date");
    let rows: Vec<(&str, Out)> = vec![
        (lang.pick("Ente", "Administration"), text(&model.plan.ente)),
        (lang.pick("Piano", "Plan"), text(&model.plan.title)),
        (
            lang.pick("Anno", "Year"),
            Out::Integer(i64::from(eval.year)),
        ),
        (as_of_label, Out::Date(eval.as_of)),
        (l.plan_performance, Out::Performance(eval.plan.performance)),
        (scored[0], count(eval.plan.objectives_scored)),
        (scored[1], count(eval.plan.objectives)),
        (total[0], count(eval.plan.scored)),
        (total[1], count(eval.plan.indicators)),
        (l.coverage, text(coverage(&eval.plan, lang))),
    ];
    let conditioned = lang.pick("Condizionata", "Conditioned");
    let mut rows = rows;
    if let Some(c) = conditioned_text(model, eval, &eval.plan, lang) {
        rows.push((conditioned, text(c)));
    }
    for (label, out) in rows {
        plan.push(vec![text(label), out])?;
    }
    plan.finish()?;

    // Ambiti and strategic lines.
    let group_columns = |code: &'static str| -> Vec<(&'static str, f64)> {
        vec![
            (code, 12.0),
            (l.title, 60.0),
            (l.performance, 14.0),
            (scored[0], 12.0),
            (scored[1], 12.0),
            (l.coverage, 24.0),
            (conditioned, 30.0),
        ]
    };
    let group_row = |code: &str, title: &str, t: &Tally| {
        vec![
            text(code),
            text(title),
            Out::Performance(t.performance),
            count(t.objectives_scored),
            count(t.objectives),
            text(objectives_coverage(t, lang)),
            text(conditioned_text(model, eval, t, lang).unwrap_or_default()),
        ]
    };
    for (name, code, groups) in [
        (sheet_names[1], l.ambito, &eval.ambiti),
        (sheet_names[2], l.line, &eval.strategici),
    ] {
        let mut table = Table::new(book.add_worksheet(), &f, name, &group_columns(code))?;
        for g in groups {
            table.push(group_row(&g.code, &g.title, &g.tally))?;
        }
        table.finish()?;
    }

    // Missions and programmes.
    let mut missions = Table::new(
        book.add_worksheet(),
        &f,
        sheet_names[3],
        &[
            (lang.pick("Missione", "Mission"), 10.0),
            (lang.pick("Nome della missione", "Mission name"), 40.0),
            (lang.pick("Programma", "Programme"), 10.0),
            (lang.pick("Nome del programma", "Programme name"), 50.0),
            (l.resources, 16.0),
            (l.performance, 14.0),
            (scored[0], 12.0),
            (scored[1], 12.0),
            (l.coverage, 24.0),
            (conditioned, 30.0),
        ],
    )?;
    for m in &eval.missions {
        let resources = super::mission_resources_text(m, lang);
        let resources = if resources == l.internal {
            text(resources)
        } else {
            Out::Number(m.resources, EURO)
        };
        missions.push(vec![
            text(&m.missione),
            text(m.missione_name.unwrap_or("")),
            text(&m.programma),
            text(m.programma_name.unwrap_or("")),
            resources,
            Out::Performance(m.tally.performance),
            count(m.tally.objectives_scored),
            count(m.tally.objectives),
            text(objectives_coverage(&m.tally, lang)),
            text(conditioned_text(model, eval, &m.tally, lang).unwrap_or_default()),
        ])?;
    }
    missions.finish()?;

    // Objectives.
    let mut objectives = Table::new(
        book.add_worksheet(),
        &f,
        sheet_names[4],
        &[
            (l.objective, 14.0),
            (l.title, 50.0),
            (l.line, 12.0),
            (l.ambito, 8.0),
            (l.mission, 12.0),
            (l.resources, 16.0),
            (l.performance, 14.0),
            (total[0], 12.0),
            (total[1], 12.0),
            (l.coverage, 28.0),
            (l.area, 24.0),
            (l.office, 24.0),
            (responsabile_label(lang), 24.0),
        ],
    )?;
    for (o, (objective, result)) in model.objectives.iter().zip(&eval.objectives).enumerate() {
        let resources = match objective.risorse.for_year(eval.year) {
            Some(a) => Out::Number(a, EURO),
            None => text(super::resources_text(model, o, eval.year, lang)),
        };
        objectives.push(vec![
            text(&objective.code),
            text(&objective.title),
            text(objective.strategico.clone().unwrap_or_default()),
            text(objective.ambito.clone().unwrap_or_default()),
            text(
                objective
                    .missione
                    .as_ref()
                    .map(|(m, p)| format!("{m}/{p}"))
                    .unwrap_or_default(),
            ),
            resources,
            Out::Performance(result.tally.performance),
            count(result.tally.scored),
            count(result.tally.indicators),
            text(coverage(&result.tally, lang)),
            text(objective.area.clone().unwrap_or_default()),
            text(objective.ufficio.clone().unwrap_or_default()),
            text(objective.responsabile.clone().unwrap_or_default()),
        ])?;
    }
    objectives.finish()?;

    // Indicators, with their objective.
    let mut indicators = Table::new(
        book.add_worksheet(),
        &f,
        sheet_names[5],
        &[
            (l.objective, 14.0),
            (
                lang.pick("Performance dell'obiettivo", "Objective performance"),
                14.0,
            ),
            (l.indicator, 18.0),
            (lang.pick("Codice", "Code"), 28.0),
            (l.title, 44.0),
            (l.tipologia, 14.0),
            (l.udm, 7.0),
            (l.value, 14.0),
            (lang.pick("Confronto", "Comparator"), 10.0),
            (l.target, 14.0),
            ("Baseline", 18.0),
            (l.weight, 9.0),
            (l.performance, 14.0),
            (l.status, 14.0),
            (lang.pick("Giorni di ritardo", "Days late"), 10.0),
            (l.notes, 40.0),
        ],
    )?;
    for (objective, result) in model.objectives.iter().zip(&eval.objectives) {
        for (indicator, r) in objective.indicators.iter().zip(&result.indicators) {
            let (comparator, target) = target(r.target.as_ref(), indicator.udm);
            let notes: Vec<String> = r
                .notes
                .iter()
                .map(|n| format!("{}: {}", n.code, n.text))
                .collect();
            indicators.push(vec![
                text(&objective.code),
                Out::Performance(result.tally.performance),
                text(&indicator.name),
                text(&indicator.code),
                text(&indicator.title),
                text(indicator.tipologia.map(tipologia_text).unwrap_or("")),
                text(indicator.udm.canonical()),
                value(&r.value, indicator.udm, lang),
                comparator,
                target,
                text(baseline_text(indicator, lang).unwrap_or_default()),
                Out::Number(indicator.weight.share, WEIGHT),
                Out::Performance(r.score.performance),
                text(status_text(r.score.status, lang)),
                r.score.late_days.map_or(Out::Empty, Out::Integer),
                text(notes.join(" | ")),
            ])?;
        }
    }
    indicators.finish()?;
    book.save_to_buffer()
}
