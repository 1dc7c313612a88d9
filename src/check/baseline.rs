//! `baseline YEAR VALUE` on an indicator: the starting value the PIAO guidelines ask for,
//! checked like a target's value (kind and unit), for a year before the triennio.

use super::Sink;
use super::error::CheckError;
use super::model::TargetValue;
use super::units;
use crate::syntax::ast::{Baseline, Udm, Value};

/// The baseline's year and value in the indicator's unit (`None` for `n.d.`, or when the value
/// does not fit the unit, which is reported).
pub(super) fn resolve(
    b: &Baseline,
    udm: Option<Udm>,
    triennio: Option<(i32, i32)>,
    sink: &mut Sink,
) -> Option<(i32, Option<TargetValue>)> {
    let year = b.year.value;
    if let Some((from, _)) = triennio
        && year >= from
    {
        sink.report(b.year.span, CheckError::BaselineYear { year, from });
    }
    let value = match (&b.value, udm) {
        (Value::NotAvailable(_), _) | (_, None) => None,
        (v, Some(udm)) => Some(units::value_in(v, udm, sink)?),
    };
    Some((year, value))
}
