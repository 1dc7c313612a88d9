//! What a card shows beyond the scored year's numbers, the same in every format: the targets
//! of every year of the triennio, the objective's own weight and its share of the plan's
//! mean, the mission and programme with the registry's names, the plan's notes, and, with
//! several monitoring dates, the dates and the change between the last two.

use super::comparto::target_with_baseline;
use super::{Report, percent, target_text, weight_text};
use crate::check::model::{Indicator, Objective, TargetSpec};
use crate::diagnostics::Lang;
use crate::eval::Evaluation;
use crate::italian;
use rust_decimal::{Decimal, RoundingStrategy};

/// The target of every year of the plan's triennio, in order: `None` for a year without one.
pub fn targets<'m>(
    report: Report<'m>,
    indicator: &'m Indicator,
) -> Vec<(i32, Option<&'m TargetSpec>)> {
    let (first, last) = report.model.plan.triennio;
    (first..=last.max(first))
        .take(10)
        .map(|y| (y, crate::eval::scored_target(indicator, y)))
        .collect()
}

/// The years of an objective's target columns: the triennio's, or none for an objective
/// without indicators (it has no table).
pub fn years(report: Report, objective: &Objective) -> Vec<i32> {
    if objective.indicators.is_empty() {
        return Vec::new();
    }
    let (first, last) = report.model.plan.triennio;
    (first..=last.max(first)).take(10).collect()
}

/// The target cells of one indicator's row, one per year of [`years`]: the scored year's is
/// the target the evaluation used (with its baseline), the others the plan's.
pub fn target_cells(report: Report, indicator: &Indicator, lang: Lang) -> Vec<(i32, String)> {
    targets(report, indicator)
        .into_iter()
        .map(|(year, t)| {
            let text = if year == report.eval.year {
                target_with_baseline(target_text(t, indicator.udm), indicator, lang)
            } else {
                target_of_year(t, indicator)
            };
            (year, text)
        })
        .collect()
}

/// The target of one year in words (`>= 50%`, `n.d.`).
pub fn target_of_year(t: Option<&TargetSpec>, indicator: &Indicator) -> String {
    target_text(t, indicator.udm)
}

/// "Target 2024 (valutato)" for the scored year, "Target 2025" for the others.
pub fn target_head(year: i32, scored: bool, lang: Lang) -> String {
    let l = super::labels(lang);
    if scored {
        format!("{} {year} ({})", l.target, scored_word(lang))
    } else {
        format!("{} {year}", l.target)
    }
}

pub fn scored_word(lang: Lang) -> &'static str {
    lang.pick("valutato", "scored")
}

/// An objective's own weight and its share of the plan's mean at the latest date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ObjectiveWeight {
    /// As the plan gives it (a fraction: 0.2 is 20%).
    pub weight: Decimal,
    /// Its part of the plan's weighted mean: the weight over the weights of the objectives
    /// with a performance (`None` when this one has none, so it is left out).
    pub share: Option<Decimal>,
}

/// The weight of objective `o` when the plan weighs its objectives (a prerequisite has none).
pub fn objective_weight(report: Report, o: usize) -> Option<ObjectiveWeight> {
    let model = report.model;
    if !model.weighted_objectives || !model.counts(o) {
        return None;
    }
    let weight = model.objectives.get(o)?.weight?;
    let scored = |k: usize| {
        report
            .eval
            .objectives
            .get(k)
            .is_some_and(|r| r.tally.performance.is_some())
    };
    let total = (0..model.objectives.len())
        .filter(|&k| model.counts(k) && scored(k))
        .filter_map(|k| model.objectives[k].weight)
        .try_fold(Decimal::ZERO, |sum, w| sum.checked_add(w));
    let share = total
        .filter(|t| *t > Decimal::ZERO && scored(o))
        .and_then(|t| weight.checked_div(t));
    Some(ObjectiveWeight { weight, share })
}

/// "20% (25% della performance del piano)", or just "20% (escluso: nessuna performance)".
pub fn objective_weight_text(w: ObjectiveWeight, lang: Lang) -> String {
    let weight = weight_text(w.weight);
    match w.share {
        Some(share) => lang.pick(
            format!(
                "{weight} ({} della performance del piano)",
                weight_text(share)
            ),
            format!(
                "{weight} ({} of the plan's performance)",
                weight_text(share)
            ),
        ),
        None => lang.pick(
            format!("{weight} (fuori dalla media: nessuna performance)"),
            format!("{weight} (left out of the mean: no performance)"),
        ),
    }
}

/// `011 Competitività e sviluppo delle imprese / 005 Promozione …`: the codes with the
/// registry's names, when the comparto's registry knows them.
pub fn mission_text(report: Report, o: usize) -> Option<String> {
    let (m, p) = report.model.objectives.get(o)?.missione.as_ref()?;
    let known = report
        .eval
        .missions
        .iter()
        .find(|x| &x.missione == m && &x.programma == p);
    let named = |code: &str, name: Option<&str>| match name {
        Some(n) if !n.is_empty() => format!("{code} {n}"),
        _ => code.to_string(),
    };
    Some(format!(
        "{} / {}",
        named(m, known.and_then(|x| x.missione_name)),
        named(p, known.and_then(|x| x.programma_name))
    ))
}

/// A monitoring date as a column head: `30/06/2024`.
pub fn date_head(e: &Evaluation) -> String {
    italian::date(e.as_of)
}

/// A performance in whole points, as shown.
fn shown_points(p: Decimal) -> Option<i64> {
    percent(p)
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .try_into()
        .ok()
}

/// The change between two performances in whole points, from the shown (rounded) values so
/// that 45% → 57% reads `+12`; `None` when either is missing.
pub fn change_points(before: Option<Decimal>, after: Option<Decimal>) -> Option<i64> {
    shown_points(after?)?.checked_sub(shown_points(before?)?)
}

/// `+12 punti`, `−3 punti`, `+1 punto`, `0 punti`; `—` without two performances.
pub fn change_text(points: Option<i64>, lang: Lang) -> String {
    let Some(n) = points else {
        return "—".into();
    };
    let sign = match n.signum() {
        1 => "+",
        -1 => "−",
        _ => "",
    };
    let abs = n.unsigned_abs();
    let word = match (lang, abs) {
        (Lang::It, 1) => "punto",
        (Lang::It, _) => "punti",
        (Lang::En, 1) => "point",
        (Lang::En, _) => "points",
    };
    format!("{sign}{abs} {word}")
}

/// The change of a performance between the last two dates of the report.
pub fn change(report: Report, at: impl Fn(&Evaluation) -> Option<Decimal>) -> Option<i64> {
    let before = report.previous()?;
    change_points(at(before), at(report.eval))
}

pub fn change_label(lang: Lang) -> &'static str {
    lang.pick("Variazione", "Change")
}

/// The performance of indicator `i` of objective `o` at one date.
pub fn indicator_performance(e: &Evaluation, o: usize, i: usize) -> Option<Decimal> {
    e.objectives.get(o)?.indicators.get(i)?.score.performance
}

/// The performance of objective `o` at one date.
pub fn objective_performance(e: &Evaluation, o: usize) -> Option<Decimal> {
    e.objectives.get(o)?.tally.performance
}

/// The plan's own notes on an objective and on its indicators (the scheda's "Note"), as
/// `(indicator name or None, text)`.
pub fn plan_notes<'a>(report: Report<'a>, o: usize) -> Vec<(Option<&'a str>, &'a str)> {
    let Some(objective) = report.model.objectives.get(o) else {
        return Vec::new();
    };
    let mut out: Vec<(Option<&str>, &str)> =
        objective.note.iter().map(|n| (None, n.as_str())).collect();
    for i in report.indicators(o) {
        if let Some(ind) = objective.indicators.get(i) {
            out.extend(ind.note().iter().map(|n| (Some(ind.name()), n.as_str())));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_reads_from_the_shown_values() {
        let p = |s: &str| Some(s.parse::<Decimal>().unwrap());
        assert_eq!(change_points(p("0.454"), p("0.5649")), Some(11));
        assert_eq!(change_points(p("0.455"), p("0.5649")), Some(10));
        assert_eq!(change_points(None, p("0.5")), None);
        assert_eq!(change_text(Some(12), Lang::It), "+12 punti");
        assert_eq!(change_text(Some(-1), Lang::It), "−1 punto");
        assert_eq!(change_text(Some(0), Lang::En), "0 points");
        assert_eq!(change_text(None, Lang::It), "—");
    }
}
