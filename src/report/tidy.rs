//! The tidy CSV report (`--format csv --layout tidy`): one fact per row, for pivot tables and
//! scripts. Comma-separated (RFC 4180), plain numbers with a dot and no digit grouping,
//! percentages in percent (53.75 is 53,75%), ISO dates, `true`/`false` for sì/no, an empty
//! cell where there is no value. Headers and words are never localised.
//!
//! Columns: `data` (the monitoring date of a measured fact; empty for what the plan says),
//! `livello` (`piano`, `ambito`, `linea`, `missione`, `obiettivo`, `indicatore`), `codice`,
//! `grandezza` (what the row says: `performance`, `valore`, `target`, …), `anno` (the year of
//! a target or a baseline), `confronto`, `valore`, `udm`.

use super::{Report, percent};
use crate::check::model::{TargetSpec, TargetValue};
use crate::eval::Evaluation;
use crate::eval::value::Val;
use crate::syntax::ast::Udm;
use crate::syntax::vocab::Vocabulary;
use rust_decimal::Decimal;

const HEADER: [&str; 8] = [
    "data",
    "livello",
    "codice",
    "grandezza",
    "anno",
    "confronto",
    "valore",
    "udm",
];

/// A cell quoted when it holds `,`, `"` or a line break; a text that a spreadsheet would run
/// as a formula gets a leading `'`.
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(text) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A number this report wrote (`-12.5`): never defused.
fn is_number(text: &str) -> bool {
    text.parse::<Decimal>().is_ok()
}

fn number(n: Decimal) -> String {
    n.normalize().to_string()
}

fn in_unit(n: Decimal, udm: Udm) -> String {
    if udm == Udm::Percent {
        number(percent(n))
    } else {
        number(n)
    }
}

fn value(v: &Val, udm: Udm) -> String {
    match v {
        Val::Number(n) => in_unit(*n, udm),
        Val::Date(d) => d.format("%Y-%m-%d").to_string(),
        Val::Bool(b) => b.to_string(),
        Val::NotDone => "false".into(),
        Val::NotAvailable => String::new(),
    }
}

fn target_value(v: &TargetValue, udm: Udm) -> String {
    match v {
        TargetValue::Number(n) => in_unit(*n, udm),
        TargetValue::Date(d) => d.format("%Y-%m-%d").to_string(),
        TargetValue::Bool(b) => b.to_string(),
    }
}

fn iso(e: &Evaluation) -> String {
    e.as_of.format("%Y-%m-%d").to_string()
}

/// One fact.
struct Fact<'a> {
    date: String,
    level: &'a str,
    code: &'a str,
    quantity: &'a str,
    year: String,
    comparator: &'a str,
    value: String,
    udm: &'a str,
}

fn push(out: &mut String, f: Fact) {
    let cells = [
        cell(&f.date),
        cell(f.level),
        cell(f.code),
        cell(f.quantity),
        cell(&f.year),
        cell(f.comparator),
        cell(&f.value),
        cell(f.udm),
    ];
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// A performance at every date, one row each.
fn performances(
    out: &mut String,
    report: Report,
    level: &str,
    code: &str,
    at: impl Fn(&Evaluation) -> Option<Decimal>,
) {
    for e in report.dates {
        push(
            out,
            Fact {
                date: iso(e),
                level,
                code,
                quantity: "performance",
                year: e.year.to_string(),
                comparator: "",
                value: at(e).map(|p| number(percent(p))).unwrap_or_default(),
                udm: "%",
            },
        );
    }
}

pub fn write(report: Report, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let Report { model, eval, .. } = report;
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    performances(&mut out, report, "piano", "", |e| e.plan.performance);
    for (k, g) in eval.ambiti.iter().enumerate() {
        performances(&mut out, report, "ambito", &g.code, |e| {
            e.ambiti.get(k).and_then(|g| g.tally.performance)
        });
    }
    for (k, g) in eval.strategici.iter().enumerate() {
        performances(&mut out, report, "linea", &g.code, |e| {
            e.strategici.get(k).and_then(|g| g.tally.performance)
        });
    }
    for (k, m) in eval.missions.iter().enumerate() {
        let code = format!("{}/{}", m.missione, m.programma);
        performances(&mut out, report, "missione", &code, |e| {
            e.missions.get(k).and_then(|m| m.tally.performance)
        });
        push(
            &mut out,
            Fact {
                date: String::new(),
                level: "missione",
                code: &code,
                quantity: "risorse",
                year: eval.year.to_string(),
                comparator: "",
                value: number(m.resources),
                udm: "€",
            },
        );
    }
    for o in report.objectives() {
        super::flush(&mut out, w)?;
        let Some(objective) = model.objectives.get(o) else {
            continue;
        };
        let code = objective.code.as_str();
        performances(&mut out, report, "obiettivo", code, |e| {
            super::scheda::objective_performance(e, o)
        });
        if let Some(w) = super::scheda::objective_weight(report, o) {
            push(
                &mut out,
                Fact {
                    date: String::new(),
                    level: "obiettivo",
                    code,
                    quantity: "peso",
                    year: String::new(),
                    comparator: "",
                    value: number(percent(w.weight)),
                    udm: "%",
                },
            );
        }
        for i in report.indicators(o) {
            let Some(indicator) = objective.indicators.get(i) else {
                continue;
            };
            let udm = indicator.udm.canonical();
            let code = indicator.code.as_str();
            let fact = |quantity, value: String| Fact {
                date: String::new(),
                level: "indicatore",
                code,
                quantity,
                year: String::new(),
                comparator: "",
                value,
                udm,
            };
            push(
                &mut out,
                Fact {
                    udm: "%",
                    ..fact("peso", number(percent(indicator.weight.share)))
                },
            );
            for (year, t) in super::scheda::targets(report, indicator) {
                let (comparator, v) = match t {
                    Some(TargetSpec::Compare { comparator, value }) => {
                        (comparator.symbol(), target_value(value, indicator.udm))
                    }
                    _ => ("", String::new()),
                };
                push(
                    &mut out,
                    Fact {
                        year: year.to_string(),
                        comparator,
                        ..fact("target", v)
                    },
                );
            }
            if let Some((year, v)) = indicator.baseline() {
                let v = v
                    .as_ref()
                    .map(|v| target_value(v, indicator.udm))
                    .unwrap_or_default();
                push(
                    &mut out,
                    Fact {
                        year: year.to_string(),
                        ..fact("baseline", v)
                    },
                );
            }
            for e in report.dates {
                let Some(r) = e.objectives.get(o).and_then(|x| x.indicators.get(i)) else {
                    continue;
                };
                let dated = |quantity, value, udm| Fact {
                    date: iso(e),
                    year: e.year.to_string(),
                    udm,
                    ..fact(quantity, value)
                };
                push(
                    &mut out,
                    dated("valore", value(&r.value, indicator.udm), udm),
                );
                push(
                    &mut out,
                    dated(
                        "performance",
                        r.score
                            .performance
                            .map(|p| number(percent(p)))
                            .unwrap_or_default(),
                        "%",
                    ),
                );
                push(
                    &mut out,
                    dated("stato", r.score.status.key().to_string(), ""),
                );
                if let Some(days) = r.score.late_days {
                    push(&mut out, dated("ritardo", days.to_string(), "gg"));
                }
            }
        }
    }
    w.write_all(out.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_defused_but_numbers_are_not() {
        assert_eq!(cell("-12.5"), "-12.5");
        assert_eq!(cell("=1+2"), "'=1+2");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("011/005"), "011/005");
    }
}
