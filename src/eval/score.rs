//! An indicator's performance: its value against its target for the scored year, by the rules
//! of the design's `scoring.md` and the plan's `punteggio` settings. Exact decimals; a
//! performance is a fraction of one (0.5375 is 53,75%).

use super::formula::Computed;
use super::value::Val;
use crate::check::model::{Scoring, TargetSpec, TargetValue};
use crate::syntax::ast::Comparator;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The state of an indicator in a report. The JSON words are fixed: tools read them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Scored: it has a performance.
    Scored,
    /// No value (or no target for the year): left out, or 0% under `dati_mancanti zero`.
    NotAvailable,
    /// A deadline not yet due and not yet met: left out.
    InProgress,
    /// Its formula could not be computed (division by zero...): left out like n.d.
    NotComputable,
}

impl Status {
    /// The word in JSON and CSV reports, never localised.
    pub fn key(self) -> &'static str {
        match self {
            Status::Scored => "valutato",
            Status::NotAvailable => "n.d.",
            Status::InProgress => "in corso",
            Status::NotComputable => "non calcolabile",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    pub performance: Option<Decimal>,
    pub status: Status,
    /// Days past the deadline, for a deadline met late or not met by a passed deadline.
    pub late_days: Option<i64>,
}

impl Score {
    fn of(status: Status) -> Score {
        Score {
            performance: None,
            status,
            late_days: None,
        }
    }

    fn scored(p: Decimal, cap: Decimal) -> Score {
        Score {
            performance: Some(p.min(cap)),
            status: Status::Scored,
            late_days: None,
        }
    }
}

/// The dates that decide deadlines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dates {
    /// The monitoring date: a deadline on or before it has passed.
    pub as_of: NaiveDate,
    /// 31/12 of the scored year: a "not before" date not yet met is in progress until then.
    pub year_end: NaiveDate,
}

pub fn score(
    value: &Computed,
    target: Option<&TargetSpec>,
    scoring: &Scoring,
    dates: Dates,
) -> Score {
    let value = match value {
        Computed::NotComputable => return Score::of(Status::NotComputable),
        Computed::Value(Val::NotAvailable) => return Score::of(Status::NotAvailable),
        Computed::Value(v) => v,
    };
    let Some(TargetSpec::Compare {
        comparator,
        value: target,
    }) = target
    else {
        return Score::of(Status::NotAvailable);
    };
    let cap = scoring.cap;
    match (value, target) {
        (Val::Number(v), TargetValue::Number(t)) => match number(*v, *t, *comparator) {
            Some(p) => Score::scored(p, cap),
            None => Score::of(Status::NotComputable),
        },
        (Val::Bool(v), TargetValue::Bool(t)) => {
            Score::scored(if v == t { Decimal::ONE } else { Decimal::ZERO }, cap)
        }
        (Val::Date(done), TargetValue::Date(due)) => date_done(*done, *due, *comparator, scoring),
        (Val::NotDone, TargetValue::Date(due)) => date_not_done(*due, *comparator, scoring, dates),
        // A value of another kind than its target: the checker and the loader prevent it.
        _ => Score::of(Status::NotComputable),
    }
}

/// Whether `v` meets `t` under `cmp`.
pub fn met<T: PartialOrd>(v: &T, t: &T, cmp: Comparator) -> bool {
    match cmp {
        Comparator::Ge => v >= t,
        Comparator::Gt => v > t,
        Comparator::Le | Comparator::Entro => v <= t,
        Comparator::Lt => v < t,
        Comparator::Eq => v == t,
    }
}

/// The performance of a number against a numeric target, before the cap; `None` only when a
/// ratio overflows.
///
/// - `>=`, `>`: v / t (a strict target missed at v = t scores the ratio, 100%).
/// - `<=`, `<`: 100% if met, else t / v.
/// - `=`: 100% if v = t, else the smaller of v / t and t / v.
/// - a target of zero or below, or a negative value: 100% if met, else 0% (a ratio means
///   nothing when v and t are not both positive).
pub fn number(v: Decimal, t: Decimal, cmp: Comparator) -> Option<Decimal> {
    let hit = met(&v, &t, cmp);
    if t <= Decimal::ZERO || v < Decimal::ZERO {
        return Some(if hit { Decimal::ONE } else { Decimal::ZERO });
    }
    match cmp {
        Comparator::Ge | Comparator::Gt => v.checked_div(t),
        Comparator::Le | Comparator::Lt | Comparator::Entro => {
            if hit {
                Some(Decimal::ONE)
            } else {
                // Not met: v > t > 0 (or v = t for `<`).
                t.checked_div(v)
            }
        }
        Comparator::Eq => {
            if hit {
                Some(Decimal::ONE)
            } else if v.is_zero() {
                Some(Decimal::ZERO)
            } else if v < t {
                // The smaller of v / t and t / v: the other one may not even fit.
                v.checked_div(t)
            } else {
                t.checked_div(v)
            }
        }
    }
}

/// The performance of a lateness of `days` days under the plan's `ritardo` rule: 0% at once
/// by default, else a linear loss reaching 0% after the declared days.
pub fn lateness(days: i64, scoring: &Scoring) -> Decimal {
    let Some(limit) = scoring.lateness_days.filter(|n| *n > Decimal::ZERO) else {
        return Decimal::ZERO;
    };
    let days = Decimal::from(days.max(0));
    match days.checked_div(limit) {
        Some(lost) if lost < Decimal::ONE => Decimal::ONE - lost,
        _ => Decimal::ZERO,
    }
}

/// A deadline met on `done`.
pub fn date_done(done: NaiveDate, due: NaiveDate, cmp: Comparator, scoring: &Scoring) -> Score {
    match cmp {
        // "Not before": met on or after the date.
        Comparator::Ge | Comparator::Gt => {
            let p = if met(&done, &due, cmp) {
                Decimal::ONE
            } else {
                Decimal::ZERO
            };
            Score::scored(p, scoring.cap)
        }
        Comparator::Le | Comparator::Entro | Comparator::Eq | Comparator::Lt => {
            if met(&done, &due, cmp) || (cmp == Comparator::Eq && done < due) {
                return Score::scored(Decimal::ONE, scoring.cap);
            }
            let days = (done - due)
                .num_days()
                .max(if cmp == Comparator::Lt { 1 } else { 0 });
            Score {
                late_days: Some(days),
                ..Score::scored(lateness(days, scoring), scoring.cap)
            }
        }
    }
}

/// A deadline not met yet (`no`) at the monitoring date.
///
/// A deadline after the monitoring date is "in corso". One on or before it has passed: it
/// scores what it would if it were met the day after the monitoring date (0% without a
/// `ritardo` rule). A "not before" date not met is in progress until the end of the year.
pub fn date_not_done(due: NaiveDate, cmp: Comparator, scoring: &Scoring, dates: Dates) -> Score {
    match cmp {
        Comparator::Ge | Comparator::Gt => {
            if dates.as_of < dates.year_end {
                Score::of(Status::InProgress)
            } else {
                Score::scored(Decimal::ZERO, scoring.cap)
            }
        }
        Comparator::Le | Comparator::Entro | Comparator::Eq | Comparator::Lt => {
            if due > dates.as_of {
                return Score::of(Status::InProgress);
            }
            let days = (dates.as_of - due).num_days() + 1;
            Score {
                late_days: Some(days),
                ..Score::scored(lateness(days, scoring), scoring.cap)
            }
        }
    }
}
