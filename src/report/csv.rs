//! The CSV report: one row per indicator, separated by `;` with Italian numbers, as Italian
//! spreadsheets read it. A text cell that a spreadsheet would run as a formula (starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a leading `'`.

use super::comparto::prerequisite_state;
use super::{Report, percent, performance_text, status_text};
use crate::check::model::{TargetSpec, TargetValue};
use crate::diagnostics::Lang;
use crate::eval::value::Val;
use crate::italian;
use crate::syntax::ast::Udm;
use crate::syntax::vocab::Vocabulary;
use rust_decimal::{Decimal, RoundingStrategy};

/// The UTF-8 byte order mark a CSV file for spreadsheets starts with: without it Excel reads
/// UTF-8 as Windows-1252 and shows `â‚¬` for `€`.
pub const BOM: char = '\u{FEFF}';

/// A cell quoted when it holds `;`, `"` or a line break.
fn quote(cell: &str) -> String {
    if cell.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// A text from the plan or the measurement file, defused against formula injection.
pub fn text_cell(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        quote(&format!("'{cell}"))
    } else {
        quote(cell)
    }
}

/// A number written by the report itself (never a formula): Italian, exact to 4 decimals.
fn number_cell(n: Decimal) -> String {
    italian::rounded(n, 4)
}

fn percent_cell(p: Option<Decimal>) -> String {
    p.map(|p| {
        let p = percent(p).round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
        format!("{}%", italian::number(p.normalize()))
    })
    .unwrap_or_default()
}

fn value_cell(v: &Val, udm: Udm) -> String {
    match v {
        Val::Number(n) if udm == Udm::Percent => percent_cell(Some(*n)),
        Val::Number(n) => number_cell(*n),
        Val::Date(d) => italian::date(*d),
        Val::Bool(true) => "sì".into(),
        Val::Bool(false) | Val::NotDone => "no".into(),
        Val::NotAvailable => "n.d.".into(),
    }
}

fn target_cell(v: &TargetValue, udm: Udm) -> String {
    match v {
        TargetValue::Number(n) if udm == Udm::Percent => percent_cell(Some(*n)),
        TargetValue::Number(n) => number_cell(*n),
        TargetValue::Date(d) => italian::date(*d),
        TargetValue::Bool(b) => if *b { "sì" } else { "no" }.into(),
    }
}

pub fn write(
    report: Report,
    lang: Lang,
    layout: super::CsvLayout,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match layout {
        super::CsvLayout::Wide => wide(report, lang, w),
        super::CsvLayout::Tidy => super::tidy::write(report, w),
    }
}

/// One row per indicator. With several dates the value and performance columns are the
/// latest date's, and each date has its own `valore_`/`performance_` columns at the end.
fn wide(report: Report, lang: Lang, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let Report { model, eval, .. } = report;
    let header: &[&str] = match lang {
        Lang::It => &[
            "obiettivo",
            "titolo_obiettivo",
            "performance_obiettivo",
            "indicatore",
            "codice",
            "titolo",
            "udm",
            "valore",
            "confronto",
            "target",
            "peso",
            "performance",
            "performance_arrotondata",
            "stato",
            "giorni_ritardo",
            "note",
            "responsabile",
            "prerequisito",
            "baseline_anno",
            "baseline",
            "peso_obiettivo",
            "quota_obiettivo",
            "missione",
            "missione_nome",
            "programma",
            "programma_nome",
        ],
        Lang::En => &[
            "objective",
            "objective_title",
            "objective_performance",
            "indicator",
            "code",
            "title",
            "unit",
            "value",
            "comparator",
            "target",
            "weight",
            "performance",
            "performance_rounded",
            "status",
            "days_late",
            "notes",
            "responsible",
            "prerequisite",
            "baseline_year",
            "baseline",
            "objective_weight",
            "objective_share",
            "mission",
            "mission_name",
            "programme",
            "programme_name",
        ],
    };
    let mut header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    let (first, last) = model.plan.triennio;
    let years: Vec<i32> = (first..=last.max(first)).take(10).collect();
    header.extend(years.iter().map(|y| format!("target_{y}")));
    if report.multi() {
        let (value, perf, change) = lang.pick(
            ("valore", "performance", "variazione_punti"),
            ("value", "performance", "change_points"),
        );
        for e in report.dates {
            let iso = e.as_of.format("%Y-%m-%d");
            header.push(format!("{value}_{iso}"));
            header.push(format!("{perf}_{iso}"));
        }
        header.push(change.to_string());
    }
    let mut out = header.join(";");
    out.push_str("\r\n");
    for o in report.objectives() {
        super::flush(&mut out, w)?;
        let (Some(objective), Some(result)) = (model.objectives.get(o), eval.objectives.get(o))
        else {
            continue;
        };
        let weight = super::scheda::objective_weight(report, o);
        let mission = eval.missions.iter().find(|m| {
            objective
                .missione
                .as_ref()
                .is_some_and(|(a, b)| &m.missione == a && &m.programma == b)
        });
        for i in report.indicators(o) {
            let (Some(indicator), Some(r)) =
                (objective.indicators.get(i), result.indicators.get(i))
            else {
                continue;
            };
            let (cmp, target) = match crate::eval::scored_target(indicator, report.eval.year) {
                Some(TargetSpec::Compare { comparator, value }) => (
                    comparator.symbol().to_string(),
                    target_cell(value, indicator.udm),
                ),
                _ => (String::new(), "n.d.".into()),
            };
            let notes: Vec<String> = super::indicator_notes(indicator, r, lang)
                .iter()
                .map(|n| format!("{}: {}", n.code, n.text))
                .collect();
            let mut cells = vec![
                text_cell(&objective.code),
                text_cell(&objective.title),
                percent_cell(result.tally.performance),
                text_cell(indicator.name()),
                text_cell(&indicator.code),
                text_cell(&indicator.title),
                indicator.udm.canonical().to_string(),
                value_cell(&r.value, indicator.udm),
                cmp,
                target,
                percent_cell(Some(indicator.weight.share)),
                percent_cell(r.score.performance),
                r.score
                    .performance
                    .map(|p| performance_text(Some(p)))
                    .unwrap_or_default(),
                status_text(r.score.status, lang).to_string(),
                r.score.late_days.map(|d| d.to_string()).unwrap_or_default(),
                text_cell(&notes.join(" | ")),
                text_cell(objective.responsabile.as_deref().unwrap_or("")),
                if objective.prerequisite {
                    prerequisite_state(result.tally.performance, lang).to_string()
                } else {
                    String::new()
                },
                indicator
                    .baseline()
                    .map(|(y, _)| y.to_string())
                    .unwrap_or_default(),
                indicator
                    .baseline()
                    .map(|(_, v)| {
                        v.as_ref()
                            .map_or("n.d.".to_string(), |v| target_cell(v, indicator.udm))
                    })
                    .unwrap_or_default(),
                weight
                    .map(|w| percent_cell(Some(w.weight)))
                    .unwrap_or_default(),
                weight.map(|w| percent_cell(w.share)).unwrap_or_default(),
            ];
            let (m, p) = objective.missione.clone().unzip();
            cells.push(text_cell(&m.unwrap_or_default()));
            cells.push(text_cell(
                mission.and_then(|x| x.missione_name).unwrap_or(""),
            ));
            cells.push(text_cell(&p.unwrap_or_default()));
            cells.push(text_cell(
                mission.and_then(|x| x.programma_name).unwrap_or(""),
            ));
            for (_, t) in super::scheda::targets(report, indicator) {
                cells.push(match t {
                    Some(TargetSpec::Compare { comparator, value }) => format!(
                        "{} {}",
                        comparator.symbol(),
                        target_cell(value, indicator.udm)
                    ),
                    _ => "n.d.".into(),
                });
            }
            if report.multi() {
                for e in report.dates {
                    let at = e.objectives.get(o).and_then(|x| x.indicators.get(i));
                    cells.push(
                        at.map(|a| value_cell(&a.value, indicator.udm))
                            .unwrap_or_default(),
                    );
                    cells.push(percent_cell(at.and_then(|a| a.score.performance)));
                }
                cells.push(
                    super::scheda::change(report, |e| {
                        super::scheda::indicator_performance(e, o, i)
                    })
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                );
            }
            out.push_str(&cells.join(";"));
            out.push_str("\r\n");
        }
    }
    w.write_all(out.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defuses_formulas() {
        assert_eq!(text_cell("=1+2"), "'=1+2");
        assert_eq!(text_cell("+39 055"), "'+39 055");
        assert_eq!(
            text_cell("-2+3+cmd|' /C calc'!A0"),
            "'-2+3+cmd|' /C calc'!A0"
        );
        assert_eq!(text_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_cell("a;b"), "\"a;b\"");
        assert_eq!(text_cell("=a;\"b\""), "\"'=a;\"\"b\"\"\"");
        assert_eq!(text_cell("Turismo"), "Turismo");
    }
}
