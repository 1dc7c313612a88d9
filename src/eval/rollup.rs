//! Roll-up: indicators → objective (weighted mean), objectives → strategic line, ambito,
//! missione/programma and the plan (plain means, or the objectives' own weights when they have
//! them). n.d. is left out and the weights rescaled, unless the plan counts it as 0%.
//!
//! A `prerequisito` objective is scored but left out of every mean: a group holding one that
//! is not fully met (below 100%, or not scored) is *conditioned* by it. Objectives without a
//! strategic line (or ambito) roll up under a group of their own, with an empty code.

use super::score::Status;
use crate::check::model::{Model, Objective};
use crate::check::registry;
use crate::syntax::ast::MissingData;
use rust_decimal::Decimal;

/// How many indicators a performance rests on, and the performance.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    /// `None`: nothing to score.
    pub performance: Option<Decimal>,
    pub objectives: usize,
    /// Objectives with a performance.
    pub objectives_scored: usize,
    pub indicators: usize,
    /// Indicators with a performance of their own.
    pub scored: usize,
    pub not_available: usize,
    pub in_progress: usize,
    pub not_computable: usize,
    /// The prerequisites (objective indices) among the members that are not fully met.
    pub conditioned_by: Vec<usize>,
}

/// Whether a prerequisite's performance meets it fully.
pub fn met(performance: Option<Decimal>) -> bool {
    performance.is_some_and(|p| p >= Decimal::ONE)
}

impl Tally {
    fn add_counts(&mut self, other: &Tally) {
        self.indicators += other.indicators;
        self.scored += other.scored;
        self.not_available += other.not_available;
        self.in_progress += other.in_progress;
        self.not_computable += other.not_computable;
    }
}

/// The performance of an objective from its indicators' (status, performance).
pub fn objective(
    objective: &Objective,
    scores: &[(Status, Option<Decimal>)],
    missing: MissingData,
) -> Tally {
    let mut tally = Tally {
        objectives: 1,
        indicators: scores.len(),
        ..Tally::default()
    };
    let mut weighted = Some(Decimal::ZERO);
    let mut weights = Decimal::ZERO;
    for (indicator, (status, performance)) in objective.indicators.iter().zip(scores) {
        match status {
            Status::Scored => tally.scored += 1,
            Status::NotAvailable => tally.not_available += 1,
            Status::InProgress => tally.in_progress += 1,
            Status::NotComputable => tally.not_computable += 1,
        }
        let p = match (status, performance) {
            (Status::Scored, Some(p)) => *p,
            (Status::NotAvailable | Status::NotComputable, _) if missing == MissingData::Zero => {
                Decimal::ZERO
            }
            _ => continue,
        };
        let w = indicator.weight.relative;
        weighted = weighted.and_then(|sum| sum.checked_add(w.checked_mul(p)?));
        weights = weights.saturating_add(w);
    }
    if weights > Decimal::ZERO {
        tally.performance = weighted.and_then(|sum| sum.checked_div(weights));
    }
    tally.objectives_scored = usize::from(tally.performance.is_some());
    tally
}

/// The performance of a group of objectives: their plain mean, or their weighted mean when
/// the plan gives objectives weights.
pub fn group(model: &Model, members: &[usize], objectives: &[Tally]) -> Tally {
    let mut tally = Tally::default();
    let mut weighted = Some(Decimal::ZERO);
    let mut weights = Decimal::ZERO;
    for &o in members {
        let Some(t) = objectives.get(o) else { continue };
        if !model.counts(o) {
            if !met(t.performance) {
                tally.conditioned_by.push(o);
            }
            continue;
        }
        tally.objectives += 1;
        tally.add_counts(t);
        let Some(p) = t.performance else { continue };
        tally.objectives_scored += 1;
        let w = if model.weighted_objectives {
            model.objectives[o].weight.unwrap_or(Decimal::ZERO)
        } else {
            Decimal::ONE
        };
        weighted = weighted.and_then(|sum| sum.checked_add(w.checked_mul(p)?));
        weights = weights.saturating_add(w);
    }
    if weights > Decimal::ZERO {
        tally.performance = weighted.and_then(|sum| sum.checked_div(weights));
    }
    tally
}

/// A strategic line or an ambito, with its objectives. An empty `code`: the objectives
/// without one ("senza linea strategica").
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub code: String,
    pub title: String,
    pub objectives: Vec<usize>,
    pub tally: Tally,
}

/// A missione/programma pair, with the registry's names and the resources of its objectives.
#[derive(Clone, Debug, PartialEq)]
pub struct Mission {
    pub missione: String,
    pub missione_name: Option<&'static str>,
    pub programma: String,
    pub programma_name: Option<&'static str>,
    pub objectives: Vec<usize>,
    /// The resources in € of its objectives for the scored year.
    pub resources: Decimal,
    /// How many of its objectives work with internal resources only.
    pub internal: usize,
    pub tally: Tally,
}

pub fn strategici(model: &Model, objectives: &[Tally]) -> Vec<Group> {
    let mut out: Vec<Group> = model
        .strategici
        .iter()
        .map(|s| {
            let members = members(model, |o| o.strategico.as_deref() == Some(s.code.as_str()));
            Group {
                code: s.code.clone(),
                title: s.title.clone(),
                tally: group(model, &members, objectives),
                objectives: members,
            }
        })
        .collect();
    out.extend(unassigned(model, objectives, |o| o.strategico.is_none()));
    out
}

pub fn ambiti(model: &Model, objectives: &[Tally]) -> Vec<Group> {
    let mut out: Vec<Group> = model
        .ambiti
        .iter()
        .map(|a| {
            let members = members(model, |o| o.ambito.as_deref() == Some(a.code.as_str()));
            Group {
                code: a.code.clone(),
                title: a.title.clone(),
                tally: group(model, &members, objectives),
                objectives: members,
            }
        })
        .collect();
    // An objective under an undeclared strategic line has no ambito, but that is an error
    // of the plan: only objectives without a strategic line are grouped here.
    out.extend(unassigned(model, objectives, |o| o.strategico.is_none()));
    out
}

/// The group of the objectives that `pick` finds without a line or ambito, if any.
fn unassigned(
    model: &Model,
    objectives: &[Tally],
    pick: impl Fn(&Objective) -> bool,
) -> Option<Group> {
    let members = members(model, pick);
    (!members.is_empty()).then(|| Group {
        code: String::new(),
        title: String::new(),
        tally: group(model, &members, objectives),
        objectives: members,
    })
}

pub fn missions(model: &Model, year: i32, objectives: &[Tally]) -> Vec<Mission> {
    let mut pairs: Vec<(String, String)> = model
        .objectives
        .iter()
        .filter_map(|o| o.missione.clone())
        .collect();
    pairs.sort();
    pairs.dedup();
    pairs
        .into_iter()
        .map(|(m, p)| {
            let members = members(model, |o| {
                o.missione
                    .as_ref()
                    .is_some_and(|(om, op)| *om == m && *op == p)
            });
            let mission = registry::of(model.plan.comparto).and_then(|r| r.mission(&m));
            let programme = mission.and_then(|x| x.programme(&p));
            let mut resources = Decimal::ZERO;
            let mut internal = 0;
            for &o in &members {
                let r = &model.objectives[o].risorse;
                if r.internal {
                    internal += 1;
                }
                if let Some(amount) = r.for_year(year) {
                    // Amounts are below 10^15 each (`crate::range`): no plan has enough
                    // objectives to reach `Decimal::MAX`, and saturating cannot panic.
                    resources = resources.saturating_add(amount);
                }
            }
            Mission {
                missione_name: mission.map(|x| x.name.as_str()),
                programma_name: programme.map(|x| x.name.as_str()),
                missione: m,
                programma: p,
                resources,
                internal,
                tally: group(model, &members, objectives),
                objectives: members,
            }
        })
        .collect()
}

fn members(model: &Model, pick: impl Fn(&Objective) -> bool) -> Vec<usize> {
    model
        .objectives
        .iter()
        .enumerate()
        .filter(|(_, o)| pick(o))
        .map(|(i, _)| i)
        .collect()
}
