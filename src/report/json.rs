//! The JSON report, for tools. Its shape is fixed (tools rely on it): top-level `anno`, `al`,
//! `performance` and `obiettivi`, each objective with `codice`, `titolo`, `performance` and
//! `indicatori`, each indicator with `nome`, `titolo`, `udm`, `valore`, `target`, `peso`,
//! `performance`, `stato`; more keys are added beside them. Numbers are exact (never through
//! binary floating point); performances, weights and percentages are in percent (53.75 is
//! 53,75%); dates ISO; sì/no as booleans; `null` where not available. Keys and `stato` are
//! never localised.

use super::{Report, percent};
use crate::check::model::{TargetSpec, TargetValue};
use crate::eval::rollup::Tally;
use crate::eval::value::Val;
use crate::eval::{AsOfFrom, IndicatorResult};
use crate::syntax::ast::Udm;
use crate::syntax::vocab::Vocabulary;
use rust_decimal::Decimal;
use serde_json::{Map, Number, Value, json};
use std::io::{self, Write};

/// An exact decimal as a JSON number.
pub fn number(d: Decimal) -> Value {
    Value::Number(Number::from_string_unchecked(d.normalize().to_string()))
}

fn opt_percent(p: Option<Decimal>) -> Value {
    p.map_or(Value::Null, |p| number(percent(p)))
}

/// A value in its unit: percentages in percent, dates ISO, sì/no as booleans, `no` for a date
/// not done as `false`.
fn value(v: &Val, udm: Udm) -> Value {
    match v {
        Val::Number(n) if udm == Udm::Percent => number(percent(*n)),
        Val::Number(n) => number(*n),
        Val::Date(d) => Value::String(d.format("%Y-%m-%d").to_string()),
        Val::Bool(b) => Value::Bool(*b),
        Val::NotDone => Value::Bool(false),
        Val::NotAvailable => Value::Null,
    }
}

fn target_value(v: &TargetValue, udm: Udm) -> Value {
    match v {
        TargetValue::Number(n) if udm == Udm::Percent => number(percent(*n)),
        TargetValue::Number(n) => number(*n),
        TargetValue::Date(d) => Value::String(d.format("%Y-%m-%d").to_string()),
        TargetValue::Bool(b) => Value::Bool(*b),
    }
}

/// The codes of the prerequisites that condition a performance (not fully met).
fn conditioned(model: &crate::check::model::Model, t: &Tally) -> Value {
    Value::Array(
        t.conditioned_by
            .iter()
            .filter_map(|&o| model.objectives.get(o).map(|x| json!(x.code)))
            .collect(),
    )
}

fn counts(t: &Tally) -> Value {
    json!({
        "obiettivi": t.objectives,
        "obiettivi_valutati": t.objectives_scored,
        "indicatori": t.indicators,
        "valutati": t.scored,
        "nd": t.not_available,
        "in_corso": t.in_progress,
        "non_calcolabili": t.not_computable,
    })
}

/// A performance at every date, oldest first: `[{"al": "2024-06-30", "performance": 45}]`.
fn history(report: Report, at: impl Fn(&crate::eval::Evaluation) -> Option<Decimal>) -> Value {
    Value::Array(
        report
            .dates
            .iter()
            .map(|e| {
                json!({
                    "al": e.as_of.format("%Y-%m-%d").to_string(),
                    "performance": opt_percent(at(e)),
                })
            })
            .collect(),
    )
}

/// The change in whole points between the last two dates; `null` with one date.
fn change(report: Report, at: impl Fn(&crate::eval::Evaluation) -> Option<Decimal>) -> Value {
    json!(super::scheda::change(report, at))
}

pub fn render(report: Report) -> String {
    let mut out = Vec::new();
    // Writing into a vector cannot fail.
    let _ = write(report, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the report as it walks the plan: one objective's value tree at a time, so that
/// memory does not grow with the plan (the bytes are those of one pretty-printed tree).
pub fn write(report: Report, w: &mut dyn Write) -> io::Result<()> {
    let Report { model, eval, .. } = report;
    let mut top = Top::new(w)?;
    top.insert("anno".into(), json!(eval.year));
    top.insert(
        "al".into(),
        Value::String(eval.as_of.format("%Y-%m-%d").to_string()),
    );
    top.insert("performance".into(), opt_percent(eval.plan.performance));
    top.array(
        "obiettivi",
        report
            .objectives()
            .into_iter()
            .filter_map(|o| Some((o, model.objectives.get(o)?, eval.objectives.get(o)?)))
            .map(|(k, objective, result)| {
                let mut o = Map::new();
                o.insert("codice".into(), json!(objective.code));
                o.insert("titolo".into(), json!(objective.title));
                o.insert("performance".into(), opt_percent(result.tally.performance));
                o.insert(
                    "indicatori".into(),
                    Value::Array(
                        report
                            .indicators(k)
                            .into_iter()
                            .filter_map(|i| {
                                let ind = objective.indicators.get(i)?;
                                let r = result.indicators.get(i)?;
                                Some(indicator_json(report, k, i, ind, r))
                            })
                            .collect(),
                    ),
                );
                o.insert("strategico".into(), json!(objective.strategico));
                o.insert("ambito".into(), json!(objective.ambito));
                let (m, p) = objective.missione.clone().unzip();
                let mission = eval
                    .missions
                    .iter()
                    .find(|x| Some(&x.missione) == m.as_ref() && Some(&x.programma) == p.as_ref());
                o.insert("missione".into(), json!(m));
                o.insert("programma".into(), json!(p));
                o.insert(
                    "missione_nome".into(),
                    json!(mission.and_then(|x| x.missione_name)),
                );
                o.insert(
                    "programma_nome".into(),
                    json!(mission.and_then(|x| x.programma_name)),
                );
                o.insert(
                    "risorse".into(),
                    objective
                        .risorse
                        .for_year(eval.year)
                        .map_or(Value::Null, number),
                );
                o.insert(
                    "risorse_interne".into(),
                    Value::Bool(objective.risorse.internal),
                );
                let weight = super::scheda::objective_weight(report, k);
                o.insert(
                    "peso".into(),
                    weight.map_or(Value::Null, |w| number(percent(w.weight))),
                );
                o.insert(
                    "quota".into(),
                    weight
                        .and_then(|w| w.share)
                        .map_or(Value::Null, |s| number(percent(s))),
                );
                o.insert("conteggi".into(), counts(&result.tally));
                o.insert("responsabile".into(), json!(objective.responsabile));
                o.insert("prerequisito".into(), Value::Bool(objective.prerequisite));
                if objective.prerequisite {
                    o.insert(
                        "prerequisito_raggiunto".into(),
                        Value::Bool(crate::eval::rollup::met(result.tally.performance)),
                    );
                }
                o.insert("note_piano".into(), json!(objective.note));
                o.insert(
                    "storico".into(),
                    history(report, |e| super::scheda::objective_performance(e, k)),
                );
                o.insert(
                    "variazione".into(),
                    change(report, |e| super::scheda::objective_performance(e, k)),
                );
                Value::Object(o)
            }),
    );
    top.insert("ente".into(), json!(model.plan.ente));
    top.insert("piano".into(), json!(model.plan.title));
    top.insert(
        "rilevazione".into(),
        json!(match eval.as_of_from {
            AsOfFrom::Option => "opzione",
            AsOfFrom::File => "file",
            AsOfFrom::Assumed => "assunta",
        }),
    );
    top.insert("conteggi".into(), counts(&eval.plan));
    top.insert(
        "comparto".into(),
        json!(model.plan.comparto.map(|c| {
            use crate::syntax::vocab::Vocabulary;
            c.canonical()
        })),
    );
    top.insert("condizionata_da".into(), conditioned(model, &eval.plan));
    top.insert(
        "rilevazioni".into(),
        Value::Array(
            report
                .dates
                .iter()
                .map(|e| json!(e.as_of.format("%Y-%m-%d").to_string()))
                .collect(),
        ),
    );
    top.insert("storico".into(), history(report, |e| e.plan.performance));
    top.insert("variazione".into(), change(report, |e| e.plan.performance));
    // The group of the objectives without a strategic line has no code.
    let group = |code: &str,
                 title: &str,
                 objectives: &[usize],
                 t: &Tally,
                 at: &dyn Fn(&crate::eval::Evaluation) -> Option<Decimal>| {
        json!({
            "codice": (!code.is_empty()).then_some(code),
            "titolo": title,
            "performance": opt_percent(t.performance),
            "obiettivi": objectives.iter().map(|&o| model.objectives[o].code.clone()).collect::<Vec<_>>(),
            "conteggi": counts(t),
            "condizionata_da": conditioned(model, t),
            "storico": history(report, at),
            "variazione": change(report, at),
        })
    };
    top.array(
        "ambiti",
        eval.ambiti.iter().enumerate().map(|(k, g)| {
            group(&g.code, &g.title, &g.objectives, &g.tally, &|e| {
                e.ambiti.get(k).and_then(|g| g.tally.performance)
            })
        }),
    );
    top.array(
        "linee_strategiche",
        eval.strategici.iter().enumerate().map(|(k, g)| {
            group(&g.code, &g.title, &g.objectives, &g.tally, &|e| {
                e.strategici.get(k).and_then(|g| g.tally.performance)
            })
        }),
    );
    top.array(
        "missioni",
        eval.missions
            .iter()
            .enumerate()
            .map(|(k, m)| {
                let at = |e: &crate::eval::Evaluation| {
                    e.missions.get(k).and_then(|m| m.tally.performance)
                };
                json!({
                    "missione": m.missione,
                    "missione_nome": m.missione_name,
                    "programma": m.programma,
                    "programma_nome": m.programma_name,
                    "risorse": number(m.resources),
                    "obiettivi_risorse_interne": m.internal,
                    "performance": opt_percent(m.tally.performance),
                    "obiettivi": m.objectives.iter().map(|&o| model.objectives[o].code.clone()).collect::<Vec<_>>(),
                    "conteggi": counts(&m.tally),
                    "condizionata_da": conditioned(model, &m.tally),
                    "storico": history(report, at),
                    "variazione": change(report, at),
                })
            }),
    );
    top.finish()
}

/// The top-level object, written entry by entry in serde_json's pretty layout (two spaces a
/// level): a value is pretty-printed on its own and its lines indented to its depth, which
/// gives the same bytes as printing the whole tree at once (JSON strings hold no raw line
/// break). The first write error is kept and the rest skipped.
struct Top<'w> {
    w: &'w mut dyn Write,
    first: bool,
    error: Option<io::Error>,
}

impl<'w> Top<'w> {
    fn new(w: &'w mut dyn Write) -> io::Result<Self> {
        w.write_all(b"{")?;
        Ok(Top {
            w,
            first: true,
            error: None,
        })
    }

    fn put(&mut self, bytes: &[u8]) {
        if self.error.is_none()
            && let Err(e) = self.w.write_all(bytes)
        {
            self.error = Some(e);
        }
    }

    fn key(&mut self, key: &str) {
        let sep: &[u8] = if self.first { b"\n  " } else { b",\n  " };
        self.first = false;
        self.put(sep);
        let key = serde_json::to_string(key).unwrap_or_default();
        self.put(key.as_bytes());
        self.put(b": ");
    }

    /// `value` pretty-printed, its lines after the first indented by `indent`.
    fn value(&mut self, value: &Value, indent: &[u8]) {
        let text = serde_json::to_string_pretty(value).unwrap_or_default();
        for (k, line) in text.split('\n').enumerate() {
            if k > 0 {
                self.put(b"\n");
                self.put(indent);
            }
            self.put(line.as_bytes());
        }
    }

    fn insert(&mut self, key: &str, value: Value) {
        self.key(key);
        self.value(&value, b"  ");
    }

    /// An array written element by element: only one element's tree exists at a time.
    fn array(&mut self, key: &str, items: impl Iterator<Item = Value>) {
        self.key(key);
        self.put(b"[");
        let mut empty = true;
        for item in items {
            self.put(if empty { b"\n    " } else { b",\n    " });
            empty = false;
            self.value(&item, b"    ");
        }
        self.put(if empty { b"]" } else { b"\n  ]" });
    }

    fn finish(mut self) -> io::Result<()> {
        self.put(b"\n}\n");
        match self.error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

fn target_json(t: Option<&TargetSpec>, udm: Udm) -> Value {
    match t {
        Some(TargetSpec::Compare { comparator, value }) => json!({
            "confronto": comparator.symbol(),
            "valore": target_value(value, udm),
        }),
        _ => Value::Null,
    }
}

fn indicator_json(
    report: Report,
    o: usize,
    k: usize,
    indicator: &crate::check::model::Indicator,
    r: &IndicatorResult,
) -> Value {
    let mut i = Map::new();
    i.insert("nome".into(), json!(indicator.name));
    i.insert("titolo".into(), json!(indicator.title));
    i.insert("udm".into(), json!(indicator.udm.canonical()));
    i.insert("valore".into(), value(&r.value, indicator.udm));
    i.insert(
        "target".into(),
        target_json(r.target.as_ref(), indicator.udm),
    );
    i.insert("peso".into(), number(percent(indicator.weight.share)));
    i.insert("performance".into(), opt_percent(r.score.performance));
    i.insert("stato".into(), json!(r.score.status.key()));
    i.insert("codice".into(), json!(indicator.code));
    i.insert("calcolato".into(), Value::Bool(indicator.formula.is_some()));
    // A formula written in points, computed as the ratio it means: the checker's warning.
    let corrected = indicator.formula.as_ref().and_then(|f| f.corrected);
    i.insert(
        "formula_corretta".into(),
        match corrected {
            Some(crate::check::model::Correction::TimesHundred) => json!("U0305"),
            Some(crate::check::model::Correction::OverHundred) => json!("U0312"),
            None => Value::Null,
        },
    );
    i.insert("ritardo_gg".into(), json!(r.score.late_days));
    i.insert(
        "baseline".into(),
        match &indicator.baseline {
            Some((year, v)) => json!({
                "anno": year,
                "valore": v.as_ref().map_or(Value::Null, |v| target_value(v, indicator.udm)),
            }),
            None => Value::Null,
        },
    );
    i.insert(
        "note".into(),
        Value::Array(
            r.notes
                .iter()
                .map(|n| json!({"codice": n.code, "nota": n.text}))
                .collect(),
        ),
    );
    let targets: Map<String, Value> = super::scheda::targets(report, indicator)
        .into_iter()
        .map(|(year, t)| (year.to_string(), target_json(t, indicator.udm)))
        .collect();
    i.insert("targets".into(), Value::Object(targets));
    i.insert("note_piano".into(), json!(indicator.note));
    i.insert(
        "storico".into(),
        Value::Array(
            report
                .dates
                .iter()
                .filter_map(|e| {
                    let at = e.objectives.get(o)?.indicators.get(k)?;
                    Some(json!({
                        "al": e.as_of.format("%Y-%m-%d").to_string(),
                        "valore": value(&at.value, indicator.udm),
                        "performance": opt_percent(at.score.performance),
                        "stato": at.score.status.key(),
                    }))
                })
                .collect(),
        ),
    );
    i.insert(
        "variazione".into(),
        change(report, |e| super::scheda::indicator_performance(e, o, k)),
    );
    Value::Object(i)
}
