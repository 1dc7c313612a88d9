//! The report as an Excel workbook, for a dirigente to sort and filter: one sheet per level
//! (the plan, ambiti, strategic lines, missions and programmes, objectives, indicators), each a
//! table with a filter on its header. Numbers are numbers with Italian formats (percentages as
//! fractions shown in %, amounts in €, dates as dates); performance cells are coloured by the
//! bands of the HTML report (`Band`). Spreadsheets hold binary doubles: the exact values are in
//! the JSON report. Texts are written as texts, never as formulas. The bytes are the same on
//! every run (the creation date is the monitoring date). Rows follow the report's order
//! (`--ordina`); with several monitoring dates each sheet ends with a performance column per
//! date and the change between the last two, as the CSV report does.

use super::comparto::{baseline_text, conditioned_text, responsabile_label};
use super::{
    Band, Report, coverage, labels, objectives_coverage, scheda, status_text, tipologia_text,
};
use crate::check::model::{TargetSpec, TargetValue};
use crate::diagnostics::Lang;
use crate::eval::Evaluation;
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
        columns: &[(String, f64)],
    ) -> Result<Table<'a>, XlsxError> {
        sheet.set_name(name)?;
        for (c, (title, width)) in (0u16..).zip(columns) {
            sheet.write_string_with_format(0, c, fit(title), &formats.header)?;
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

fn columns(list: &[(&str, f64)]) -> Vec<(String, f64)> {
    list.iter().map(|(t, w)| (t.to_string(), *w)).collect()
}

/// With several monitoring dates, a performance column per date (oldest first) and the change
/// in points between the last two; nothing with one date (the `Performance` column is it).
fn date_columns(report: Report, lang: Lang, value: Option<&str>) -> Vec<(String, f64)> {
    if !report.multi() {
        return Vec::new();
    }
    let l = labels(lang);
    let at = lang.pick("al", "at");
    let mut out = Vec::new();
    for e in report.dates {
        let date = scheda::date_head(e);
        if let Some(value) = value {
            out.push((format!("{value} {at} {date}"), 14.0));
        }
        out.push((format!("{} {at} {date}", l.performance), 14.0));
    }
    out.push((
        format!(
            "{} ({})",
            scheda::change_label(lang),
            lang.pick("punti", "points")
        ),
        12.0,
    ));
    out
}

/// The cells of [`date_columns`]: `at` gives the performance at one date.
fn date_cells(report: Report, at: impl Fn(&Evaluation) -> Option<Decimal>) -> Vec<Out> {
    if !report.multi() {
        return Vec::new();
    }
    let mut out: Vec<Out> = report
        .dates
        .iter()
        .map(|e| Out::Performance(at(e)))
        .collect();
    out.push(scheda::change(report, at).map_or(Out::Empty, Out::Integer));
    out
}

/// The workbook's bytes. With several monitoring dates the columns are the latest date's,
/// and each date has its own performance (and, for indicators, value) columns at the end.
pub fn render(report: Report, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let Report { model, eval, .. } = report;
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
        &columns(&[(lang.pick("Voce", "Item"), 30.0), (l.value, 60.0)]),
    )?;
    let as_of_label = lang.pick("Rilevazione al", "Monitoring date");
    let mut rows: Vec<(String, Out)> = vec![
        (
            lang.pick("Ente", "Administration").into(),
            text(&model.plan.ente),
        ),
        (lang.pick("Piano", "Plan").into(), text(&model.plan.title)),
        (
            lang.pick("Anno", "Year").into(),
            Out::Integer(i64::from(eval.year)),
        ),
        (as_of_label.into(), Out::Date(eval.as_of)),
        (
            l.plan_performance.into(),
            Out::Performance(eval.plan.performance),
        ),
        (scored[0].into(), count(eval.plan.objectives_scored)),
        (scored[1].into(), count(eval.plan.objectives)),
        (total[0].into(), count(eval.plan.scored)),
        (total[1].into(), count(eval.plan.indicators)),
        (l.coverage.into(), text(coverage(&eval.plan, lang))),
    ];
    let conditioned = lang.pick("Condizionata", "Conditioned");
    if let Some(c) = conditioned_text(model, eval, &eval.plan, lang) {
        rows.push((conditioned.into(), text(c)));
    }
    let history = date_cells(report, |e| e.plan.performance);
    for ((label, _), out) in date_columns(report, lang, None).into_iter().zip(history) {
        rows.push((label, out));
    }
    for (label, out) in rows {
        plan.push(vec![Out::Text(label), out])?;
    }
    plan.finish()?;

    // Ambiti and strategic lines.
    let group_columns = |code: &'static str| -> Vec<(String, f64)> {
        let mut c = columns(&[
            (code, 12.0),
            (l.title, 60.0),
            (l.performance, 14.0),
            (scored[0], 12.0),
            (scored[1], 12.0),
            (l.coverage, 24.0),
            (conditioned, 30.0),
        ]);
        c.extend(date_columns(report, lang, None));
        c
    };
    let group_row = |code: &str, title: &str, t: &Tally, history: Vec<Out>| {
        let mut row = vec![
            text(code),
            text(title),
            Out::Performance(t.performance),
            count(t.objectives_scored),
            count(t.objectives),
            text(objectives_coverage(t, lang)),
            text(conditioned_text(model, eval, t, lang).unwrap_or_default()),
        ];
        row.extend(history);
        row
    };
    let mut ambiti = Table::new(
        book.add_worksheet(),
        &f,
        sheet_names[1],
        &group_columns(l.ambito),
    )?;
    for (k, g) in eval.ambiti.iter().enumerate() {
        let history = date_cells(report, |e| {
            e.ambiti.get(k).and_then(|g| g.tally.performance)
        });
        ambiti.push(group_row(&g.code, &g.title, &g.tally, history))?;
    }
    ambiti.finish()?;
    let mut lines = Table::new(
        book.add_worksheet(),
        &f,
        sheet_names[2],
        &group_columns(l.line),
    )?;
    for (k, g) in eval.strategici.iter().enumerate() {
        let history = date_cells(report, |e| {
            e.strategici.get(k).and_then(|g| g.tally.performance)
        });
        lines.push(group_row(&g.code, &g.title, &g.tally, history))?;
    }
    lines.finish()?;

    // Missions and programmes.
    let mut mission_columns = columns(&[
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
    ]);
    mission_columns.extend(date_columns(report, lang, None));
    let mut missions = Table::new(book.add_worksheet(), &f, sheet_names[3], &mission_columns)?;
    for (k, m) in eval.missions.iter().enumerate() {
        let resources = super::mission_resources_text(m, lang);
        let resources = if resources == l.internal {
            text(resources)
        } else {
            Out::Number(m.resources, EURO)
        };
        let mut row = vec![
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
        ];
        row.extend(date_cells(report, |e| {
            e.missions.get(k).and_then(|m| m.tally.performance)
        }));
        missions.push(row)?;
    }
    missions.finish()?;

    // Objectives, in the report's order (`--ordina`).
    let (weight_label, share_label) = lang.pick(
        ("Peso dell'obiettivo", "Quota della performance del piano"),
        ("Objective weight", "Share of the plan's performance"),
    );
    let mut objective_columns = columns(&[
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
        (weight_label, 12.0),
        (share_label, 14.0),
    ]);
    objective_columns.extend(date_columns(report, lang, None));
    let mut objectives = Table::new(book.add_worksheet(), &f, sheet_names[4], &objective_columns)?;
    for o in report.objectives() {
        let (Some(objective), Some(result)) = (model.objectives.get(o), eval.objectives.get(o))
        else {
            continue;
        };
        let resources = match objective.risorse.for_year(eval.year) {
            Some(a) => Out::Number(a, EURO),
            None => text(super::resources_text(model, o, eval.year, lang)),
        };
        let weight = scheda::objective_weight(report, o);
        let mut row = vec![
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
            weight.map_or(Out::Empty, |w| Out::Number(w.weight, WEIGHT)),
            weight
                .and_then(|w| w.share)
                .map_or(Out::Empty, |s| Out::Number(s, WEIGHT)),
        ];
        row.extend(date_cells(report, |e| scheda::objective_performance(e, o)));
        objectives.push(row)?;
    }
    objectives.finish()?;

    // Indicators, with their objective, in the report's order.
    let (first, last) = model.plan.triennio;
    let years: Vec<i32> = (first..=last.max(first)).take(10).collect();
    let mut indicator_columns = columns(&[
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
    ]);
    indicator_columns.extend(
        years
            .iter()
            .map(|y| (scheda::target_head(*y, *y == eval.year, lang), 14.0)),
    );
    indicator_columns.extend(date_columns(report, lang, Some(l.value)));
    let mut indicators = Table::new(book.add_worksheet(), &f, sheet_names[5], &indicator_columns)?;
    for o in report.objectives() {
        let (Some(objective), Some(result)) = (model.objectives.get(o), eval.objectives.get(o))
        else {
            continue;
        };
        for i in report.indicators(o) {
            let (Some(indicator), Some(r)) =
                (objective.indicators.get(i), result.indicators.get(i))
            else {
                continue;
            };
            let (comparator, target) = target(
                crate::eval::scored_target(indicator, report.eval.year),
                indicator.udm,
            );
            let notes: Vec<String> = super::indicator_notes(indicator, r, lang)
                .iter()
                .map(|n| format!("{}: {}", n.code, n.text))
                .collect();
            let mut row = vec![
                text(&objective.code),
                Out::Performance(result.tally.performance),
                text(indicator.name()),
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
            ];
            // Every year's target in words, as in the other formats.
            row.extend(
                scheda::targets(report, indicator)
                    .into_iter()
                    .map(|(_, t)| text(scheda::target_of_year(t, indicator))),
            );
            if report.multi() {
                for e in report.dates {
                    let at = e.objectives.get(o).and_then(|x| x.indicators.get(i));
                    row.push(at.map_or(Out::Empty, |a| value(&a.value, indicator.udm, lang)));
                    row.push(Out::Performance(at.and_then(|a| a.score.performance)));
                }
                row.push(
                    scheda::change(report, |e| scheda::indicator_performance(e, o, i))
                        .map_or(Out::Empty, Out::Integer),
                );
            }
            indicators.push(row)?;
        }
    }
    indicators.finish()?;
    book.save_to_buffer()
}
