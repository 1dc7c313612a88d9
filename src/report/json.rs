//! The JSON report, for tools. Its shape is fixed (tools rely on it): top-level `anno`, `al`,
//! `performance` and `obiettivi`, each objective with `codice`, `titolo`, `performance` and
//! `indicatori`, each indicator with `nome`, `titolo`, `udm`, `valore`, `target`, `peso`,
//! `performance`, `stato`; more keys are added beside them. Numbers are exact (never through
//! binary floating point); performances, weights and percentages are in percent (53.75 is
//! 53,75%); dates ISO; sì/no as booleans; `null` where not available. Keys and `stato` are
//! never localised.

use super::pretty::Pretty;
use super::{Report, percent};
use crate::check::model::{TargetSpec, TargetValue};
use crate::eval::rollup::Tally;
use crate::eval::value::Val;
use crate::eval::{AsOfFrom, IndicatorResult};
use crate::syntax::ast::Udm;
use crate::syntax::vocab::Vocabulary;
use rust_decimal::Decimal;
use serde_json::{Number, Value, json};
use std::io::{self, Write};

/// An exact decimal as a JSON number.
pub fn number(d: Decimal) -> Value {
    Value::Number(Number::from_string_unchecked(d.normalize().to_string()))
}

fn opt_percent(p: Option<Decimal>) -> Value {
    p.map_or(Value::Null, |p| number(percent(p)))
}

/// A value in its unit: percentages in percent, dates ISO, sì/no as booleans, `no` for a date
/// not done as `false`. Written as it is, without a `Value` (twice an indicator).
fn write_value(j: &mut Pretty, v: &Val, udm: Udm) {
    match v {
        Val::Number(n) => write_number(j, *n, udm),
        Val::Date(d) => j.date(*d),
        Val::Bool(b) => j.bool(*b),
        Val::NotDone => j.bool(false),
        Val::NotAvailable => j.null(),
    }
}

fn write_target_value(j: &mut Pretty, v: &TargetValue, udm: Udm) {
    match v {
        TargetValue::Number(n) => write_number(j, *n, udm),
        TargetValue::Date(d) => j.date(*d),
        TargetValue::Bool(b) => j.bool(*b),
    }
}

/// A number in its unit: percentages in percent.
fn write_number(j: &mut Pretty, n: Decimal, udm: Udm) {
    j.number(if udm == Udm::Percent { percent(n) } else { n });
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
                    "al": e.as_of.to_string(),
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

/// Writes the report as it walks the plan, straight to `w` (`Pretty` gives the bytes of the
/// whole tree pretty-printed at once); only small pieces are built as values.
pub fn write(report: Report, w: &mut dyn Write) -> io::Result<()> {
    write_with(
        report,
        w,
        crate::syntax::parallel::workers_for_objectives(report.model.objectives.len()),
    )
}

/// [`write`] on `workers` threads (1: on this one); the same bytes whatever their number.
pub fn write_with(report: Report, w: &mut dyn Write, workers: usize) -> io::Result<()> {
    let Report { model, eval, .. } = report;
    let mut j = Pretty::new(w);
    j.begin_object();
    j.field("anno", &json!(eval.year));
    j.field("al", &Value::String(eval.as_of.to_string()));
    j.field("performance", &opt_percent(eval.plan.performance));
    j.key("obiettivi");
    j.begin_array();
    let order: Vec<usize> = report.objectives();
    let depth = j.depth();
    let mut write = |bytes: Vec<u8>| {
        j.element();
        j.value_bytes(&bytes);
    };
    if workers > 1 {
        // Each objective's JSON is made on the workers, at the depth it has here, and written
        // in order: the same bytes as one thread writes.
        std::thread::scope(|scope| {
            let made = crate::syntax::parallel::ahead(scope, order, 16, workers, move |&o| {
                objective_bytes(report, o, depth)
            });
            made.flatten().for_each(&mut write);
        });
    } else {
        order
            .into_iter()
            .filter_map(|o| objective_bytes(report, o, depth))
            .for_each(write);
    }
    j.end_array();
    j.field("ente", &json!(model.plan.ente));
    j.field("piano", &json!(model.plan.title));
    j.field(
        "rilevazione",
        &json!(match eval.as_of_from {
            AsOfFrom::Option => "opzione",
            AsOfFrom::File => "file",
            AsOfFrom::Assumed => "assunta",
        }),
    );
    j.field("conteggi", &counts(&eval.plan));
    j.field(
        "comparto",
        &json!(model.plan.comparto.map(|c| {
            use crate::syntax::vocab::Vocabulary;
            c.canonical()
        })),
    );
    j.field("condizionata_da", &conditioned(model, &eval.plan));
    j.field(
        "rilevazioni",
        &Value::Array(
            report
                .dates
                .iter()
                .map(|e| json!(e.as_of.to_string()))
                .collect(),
        ),
    );
    j.field("storico", &history(report, |e| e.plan.performance));
    j.field("variazione", &change(report, |e| e.plan.performance));
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
    j.array(
        "ambiti",
        eval.ambiti.iter().enumerate().map(|(k, g)| {
            group(&g.code, &g.title, &g.objectives, &g.tally, &|e| {
                e.ambiti.get(k).and_then(|g| g.tally.performance)
            })
        }),
    );
    j.array(
        "linee_strategiche",
        eval.strategici.iter().enumerate().map(|(k, g)| {
            group(&g.code, &g.title, &g.objectives, &g.tally, &|e| {
                e.strategici.get(k).and_then(|g| g.tally.performance)
            })
        }),
    );
    j.array(
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
    j.end_object();
    j.finish()
}

/// One objective of the report as it is written at `depth` (see [`Pretty::nested`]); `None`
/// for an objective the evaluation does not have.
fn objective_bytes(report: Report, o: usize, depth: usize) -> Option<Vec<u8>> {
    let mut nested = Pretty::nested(depth);
    let written = objective(&mut nested, report, o);
    written.then(|| nested.into_bytes())
}

/// One objective of the report, as an element of `obiettivi`; `false` (and nothing written)
/// for an objective the evaluation does not have.
fn objective(j: &mut Pretty, report: Report, o: usize) -> bool {
    let Report { model, eval, .. } = report;
    let (Some(objective), Some(result)) = (model.objectives.get(o), eval.objectives.get(o)) else {
        return false;
    };
    let k = o;
    j.begin_object();
    j.str_field("codice", &objective.code);
    j.str_field("titolo", &objective.title);
    j.field("performance", &opt_percent(result.tally.performance));
    j.key("indicatori");
    j.begin_array();
    for i in report.indicators(k) {
        let (Some(ind), Some(r)) = (objective.indicators.get(i), result.indicators.get(i)) else {
            continue;
        };
        j.element();
        indicator(j, report, k, i, ind, r);
    }
    j.end_array();
    j.field("strategico", &json!(objective.strategico));
    j.field("ambito", &json!(objective.ambito));
    let (m, p) = objective.missione.clone().unzip();
    let mission = eval
        .missions
        .iter()
        .find(|x| Some(&x.missione) == m.as_ref() && Some(&x.programma) == p.as_ref());
    j.field("missione", &json!(m));
    j.field("programma", &json!(p));
    j.field(
        "missione_nome",
        &json!(mission.and_then(|x| x.missione_name)),
    );
    j.field(
        "programma_nome",
        &json!(mission.and_then(|x| x.programma_name)),
    );
    j.field(
        "risorse",
        &objective
            .risorse
            .for_year(eval.year)
            .map_or(Value::Null, number),
    );
    j.field("risorse_interne", &Value::Bool(objective.risorse.internal));
    let weight = super::scheda::objective_weight(report, k);
    j.field(
        "peso",
        &weight.map_or(Value::Null, |w| number(percent(w.weight))),
    );
    j.field(
        "quota",
        &weight
            .and_then(|w| w.share)
            .map_or(Value::Null, |s| number(percent(s))),
    );
    j.field("conteggi", &counts(&result.tally));
    j.field("responsabile", &json!(objective.responsabile));
    j.field("prerequisito", &Value::Bool(objective.prerequisite));
    if objective.prerequisite {
        j.field(
            "prerequisito_raggiunto",
            &Value::Bool(crate::eval::rollup::met(result.tally.performance)),
        );
    }
    j.field("note_piano", &json!(objective.note));
    j.field(
        "storico",
        &history(report, |e| super::scheda::objective_performance(e, k)),
    );
    j.field(
        "variazione",
        &change(report, |e| super::scheda::objective_performance(e, k)),
    );
    j.end_object();
    true
}

/// `{"confronto": ">=", "valore": 95}` or `null`, written as it is walked (three times an
/// indicator: a value tree each cost more than the writing); its key is written before.
fn target_value(j: &mut Pretty, t: Option<&TargetSpec>, udm: Udm) {
    match t {
        Some(TargetSpec::Compare { comparator, value }) => {
            j.begin_object();
            j.str_field("confronto", comparator.symbol());
            j.key("valore");
            write_target_value(j, value, udm);
            j.end_object();
        }
        _ => j.null(),
    }
}

fn indicator(
    j: &mut Pretty,
    report: Report,
    o: usize,
    k: usize,
    indicator: &crate::check::model::Indicator,
    r: &IndicatorResult,
) {
    j.begin_object();
    j.str_field("nome", indicator.name());
    j.str_field("titolo", &indicator.title);
    j.str_field("udm", indicator.udm.canonical());
    j.key("valore");
    write_value(j, &r.value, indicator.udm);
    let target = crate::eval::scored_target(indicator, report.eval.year);
    j.key("target");
    target_value(j, target, indicator.udm);
    j.key("peso");
    j.number(percent(indicator.weight.share));
    j.key("performance");
    j.opt_number(r.score.performance.map(percent));
    j.str_field("stato", r.score.status.key());
    j.str_field("codice", &indicator.code);
    j.key("calcolato");
    j.bool(indicator.formula.is_some());
    // A formula written in points, computed as the ratio it means: the checker's warning.
    let corrected = indicator.formula.as_ref().and_then(|f| f.corrected);
    j.key("formula_corretta");
    match corrected {
        Some(crate::check::model::Correction::TimesHundred) => j.string("U0305"),
        Some(crate::check::model::Correction::OverHundred) => j.string("U0312"),
        None => j.null(),
    }
    j.key("ritardo_gg");
    j.opt_integer(r.score.late_days);
    j.key("baseline");
    match indicator.baseline() {
        Some((year, v)) => {
            j.begin_object();
            j.field("anno", &json!(year));
            j.key("valore");
            match v {
                Some(v) => write_target_value(j, v, indicator.udm),
                None => j.null(),
            }
            j.end_object();
        }
        None => j.null(),
    }
    j.key("note");
    j.begin_array();
    for n in &r.notes {
        j.element();
        j.begin_object();
        j.str_field("codice", &n.code);
        j.str_field("nota", &n.text);
        j.end_object();
    }
    j.end_array();
    j.key("targets");
    j.begin_object();
    for (year, t) in super::scheda::targets(report, indicator) {
        j.year_key(year);
        target_value(j, t, indicator.udm);
    }
    j.end_object();
    j.key("note_piano");
    j.begin_array();
    for note in indicator.note() {
        j.element();
        j.string(note);
    }
    j.end_array();
    j.key("storico");
    j.begin_array();
    for e in report.dates {
        let Some(at) = e.objectives.get(o).and_then(|x| x.indicators.get(k)) else {
            continue;
        };
        j.element();
        j.begin_object();
        j.key("al");
        j.date(e.as_of);
        j.key("valore");
        write_value(j, &at.value, indicator.udm);
        j.key("performance");
        j.opt_number(at.score.performance.map(percent));
        j.str_field("stato", at.score.status.key());
        j.end_object();
    }
    j.end_array();
    j.key("variazione");
    j.opt_integer(super::scheda::change(report, |e| {
        super::scheda::indicator_performance(e, o, k)
    }));
    j.end_object();
}
