//! `piano eval --responsabile TEXT`: the report of one office. The objectives whose
//! `responsabile` contains the text (ignoring case) are kept with their scores, and the
//! roll-ups are computed again over them alone.

use super::Evaluation;
use super::rollup;
use crate::check::model::Model;

/// The plan and its evaluation restricted to the objectives of one responsabile; `None` when
/// no objective matches.
pub fn by_responsabile(
    model: &Model,
    eval: &Evaluation,
    text: &str,
) -> Option<(Model, Evaluation)> {
    let wanted = text.trim().to_lowercase();
    let keep: Vec<usize> = model
        .objectives
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            o.responsabile
                .as_deref()
                .is_some_and(|r| r.to_lowercase().contains(&wanted))
        })
        .map(|(i, _)| i)
        .collect();
    if keep.is_empty() || wanted.is_empty() {
        return None;
    }
    let mut m = model.clone();
    m.objectives = keep.iter().map(|&i| model.objectives[i].clone()).collect();
    let results: Vec<_> = keep.iter().map(|&i| eval.objectives[i].clone()).collect();
    let tallies: Vec<rollup::Tally> = results.iter().map(|o| o.tally.clone()).collect();
    let all: Vec<usize> = (0..m.objectives.len()).collect();
    let non_empty = |groups: Vec<rollup::Group>| {
        groups
            .into_iter()
            .filter(|g| !g.objectives.is_empty())
            .collect::<Vec<_>>()
    };
    let e = Evaluation {
        year: eval.year,
        as_of: eval.as_of,
        as_of_from: eval.as_of_from,
        strategici: non_empty(rollup::strategici(&m, &tallies)),
        ambiti: non_empty(rollup::ambiti(&m, &tallies)),
        missions: rollup::missions(&m, eval.year, &tallies),
        plan: rollup::group(&m, &all, &tallies),
        objectives: results,
    };
    Some((m, e))
}

/// Every responsabile of the plan, once each, in plan order: for the message when none
/// matches.
pub fn responsabili(model: &Model) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in model
        .objectives
        .iter()
        .filter_map(|o| o.responsabile.clone())
    {
        if !out.contains(&r) {
            out.push(r);
        }
    }
    out
}
