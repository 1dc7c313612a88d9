//! What every report format shows of issue 11's fields: the `responsabile`, the baseline
//! beside the target, prerequisite objectives and the performances they condition, and the
//! group of the objectives without a strategic line.

use super::{performance_text, target_value_text};
use crate::check::model::{Indicator, Model};
use crate::diagnostics::Lang;
use crate::eval::Evaluation;
use crate::eval::rollup::{Tally, met};

pub fn responsabile_label(lang: Lang) -> &'static str {
    lang.pick("Responsabile", "Responsible")
}

pub fn prerequisite_label(lang: Lang) -> &'static str {
    lang.pick("prerequisito", "prerequisite")
}

/// The title of the group of objectives without a strategic line (or ambito).
pub fn unassigned_title(lang: Lang, ambito: bool) -> &'static str {
    match (ambito, lang) {
        (false, Lang::It) => "senza linea strategica",
        (false, Lang::En) => "no strategic line",
        (true, Lang::It) => "senza ambito",
        (true, Lang::En) => "no ambito",
    }
}

/// `baseline 2023: 45%`, for beside the target.
pub fn baseline_text(indicator: &Indicator, lang: Lang) -> Option<String> {
    let (year, value) = indicator.baseline()?;
    let v = value
        .as_ref()
        .map_or("n.d.".to_string(), |v| target_value_text(v, indicator.udm));
    Some(format!("{} {year}: {v}", lang.pick("baseline", "baseline")))
}

/// The target, then the baseline in parentheses when there is one.
pub fn target_with_baseline(target: String, indicator: &Indicator, lang: Lang) -> String {
    match baseline_text(indicator, lang) {
        Some(b) => format!("{target} ({b})"),
        None => target,
    }
}

/// "met" or "not met" for a prerequisite objective's performance.
pub fn prerequisite_state(performance: Option<rust_decimal::Decimal>, lang: Lang) -> &'static str {
    match (met(performance), lang) {
        (true, Lang::It) => "raggiunto",
        (true, Lang::En) => "met",
        (false, Lang::It) => "non raggiunto",
        (false, Lang::En) => "not met",
    }
}

/// "condizionata dal prerequisito 02 (50%)" when a prerequisite of the group is not fully
/// met.
pub fn conditioned_text(
    model: &Model,
    eval: &Evaluation,
    tally: &Tally,
    lang: Lang,
) -> Option<String> {
    if tally.conditioned_by.is_empty() {
        return None;
    }
    let items: Vec<String> = tally
        .conditioned_by
        .iter()
        .filter_map(|&o| {
            let code = &model.objectives.get(o)?.code;
            let p = performance_text(eval.objectives.get(o)?.tally.performance);
            Some(format!("{code} ({p})"))
        })
        .collect();
    let list = items.join(", ");
    Some(if items.len() == 1 {
        lang.pick(
            format!("condizionata dal prerequisito {list}, non raggiunto"),
            format!("conditioned by prerequisite {list}, not met"),
        )
    } else {
        lang.pick(
            format!("condizionata dai prerequisiti {list}, non raggiunti"),
            format!("conditioned by prerequisites {list}, not met"),
        )
    })
}
