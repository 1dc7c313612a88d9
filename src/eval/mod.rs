//! Resolved plan + measurement file → scores: values read and typed (`measurements`),
//! formulas computed (`formula`), each indicator scored (`score`), and rolled up to
//! objectives, strategic lines, ambiti, missions and the plan (`rollup`).

pub mod csv;
pub mod error;
pub mod filter;
pub mod fingerprint;
pub mod formula;
pub mod json_input;
pub mod measurements;
pub mod mojibake;
pub mod needs;
pub mod rollup;
pub mod score;
pub mod series;
pub mod value;
pub mod workbook;

use crate::check::model::{Model, Objective, TargetSpec, TargetValue};
use crate::diagnostics::Diagnostic;
use crate::source::{Quote, Source};
use crate::span::Span;
use chrono::{Datelike, NaiveDate};
use error::{EvalError, Uncomputable, YearFrom};
use formula::Computed;
use measurements::Measurements;
use needs::Target;
use rollup::{Group, Mission, Tally};
use score::{Dates, Score, Status};
use value::Val;

pub use measurements::{Loaded, load};

/// Reads a measurement file's bytes, whatever its form: a workbook (`.xlsx`, `.ods`), else
/// text (CSV or JSON). Returns the source its diagnostics are rendered with (a workbook's text
/// view, with its cells named) and the values.
pub fn load_bytes(model: &Model, name: &str, bytes: &[u8]) -> (Source, Loaded) {
    if workbook::is_workbook(bytes) {
        return workbook::load(model, name, bytes);
    }
    let source = Source::from_bytes(name, bytes).0;
    let loaded = load(model, &source);
    (source, loaded)
}

/// As [`load_bytes`], keeping the bytes of a text file as its text instead of a copy.
pub fn load_vec(model: &Model, name: &str, bytes: Vec<u8>) -> (Source, Loaded) {
    if workbook::is_workbook(&bytes) {
        return workbook::load(model, name, &bytes);
    }
    let source = Source::from_vec(name, bytes).0;
    let loaded = load(model, &source);
    (source, loaded)
}

/// What the command line says about the evaluation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// `--as-of`: the monitoring date, over the file's `rilevazione`.
    pub as_of: Option<NaiveDate>,
    /// `--year`: the scored year.
    pub year: Option<i32>,
}

/// Where the monitoring date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AsOfFrom {
    /// `--as-of`.
    Option,
    /// The file's `rilevazione` row.
    File,
    /// Neither: 31/12 of the scored year.
    Assumed,
}

/// A note of the measurement file shown beside an indicator: its own row's, or one of the
/// measures its formula uses.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub code: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorResult {
    /// Its value (measured, or computed by its formula); `NotAvailable` when n.d. or not
    /// computable.
    pub value: Val,
    pub score: Score,
    pub notes: Vec<Note>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ObjectiveResult {
    pub indicators: Vec<IndicatorResult>,
    pub tally: Tally,
}

/// The scored plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub year: i32,
    pub as_of: NaiveDate,
    pub as_of_from: AsOfFrom,
    /// In plan order, as `Model::objectives`.
    pub objectives: Vec<ObjectiveResult>,
    pub strategici: Vec<Group>,
    pub ambiti: Vec<Group>,
    pub missions: Vec<Mission>,
    pub plan: Tally,
}

/// The file a diagnostic of the evaluation belongs to.
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    Plan,
    Measurements,
    /// An option of the command line: its span is into [`Place::source`]'s text.
    CommandLine {
        option: &'static str,
        value: String,
    },
}

impl Place {
    /// For a command-line option, a source holding `--option value` to point at.
    pub fn source(&self) -> Option<Source> {
        match self {
            Place::CommandLine { option, value } => {
                Some(Source::new("riga di comando", format!("{option} {value}")))
            }
            _ => None,
        }
    }

    fn span(&self) -> Span {
        match self {
            Place::CommandLine { option, value } => {
                Span::new(option.len() + 1, option.len() + 1 + value.len())
            }
            _ => Span::point(0),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Located {
    pub place: Place,
    pub diagnostic: Diagnostic,
}

/// Scores `model` with `measurements`. Returns no evaluation when a diagnostic is an error
/// (a year outside the triennio).
/// The target an indicator is scored against in `year`: its target for the year, unless
/// that is `n.d.`. Read from the plan, not kept in each result.
pub fn scored_target(indicator: &crate::check::model::Indicator, year: i32) -> Option<&TargetSpec> {
    indicator
        .target(year)
        .filter(|t| !matches!(t, TargetSpec::NotAvailable))
}

pub fn evaluate<Q: Quote + ?Sized>(
    model: &Model,
    plan_text: &Q,
    measurements: &Measurements,
    options: Options,
) -> (Option<Evaluation>, Vec<Located>) {
    let workers = crate::syntax::parallel::workers_for_objectives(model.objectives.len());
    evaluate_with(model, plan_text, measurements, options, workers)
}

/// [`evaluate`], scoring the objectives on `workers` threads (1: on this one); the same
/// results and diagnostics whatever their number.
pub fn evaluate_with<Q: Quote + ?Sized>(
    model: &Model,
    plan_text: &Q,
    measurements: &Measurements,
    options: Options,
    workers: usize,
) -> (Option<Evaluation>, Vec<Located>) {
    // One copy of what follows for every kind of text: a `&Q` is itself a `Quote`.
    let plan_text: &dyn Quote = &plan_text;
    let mut located = Vec::new();
    let (as_of, as_of_from) = match (options.as_of, measurements.monitoring) {
        (Some(d), _) => (Some(d), AsOfFrom::Option),
        (None, Some((d, _))) => (Some(d), AsOfFrom::File),
        (None, None) => (None, AsOfFrom::Assumed),
    };
    let (year, from) = match (options.year, as_of) {
        (Some(y), _) => (y, Some(YearFrom::YearOption)),
        (None, Some(d)) => (
            d.year(),
            Some(match as_of_from {
                AsOfFrom::Option => YearFrom::AsOfOption,
                _ => YearFrom::Rilevazione,
            }),
        ),
        (None, None) => (model.plan.anno, None),
    };
    let (first, last) = model.plan.triennio;
    if !(first..=last).contains(&year) {
        let (place, span) = match from {
            Some(YearFrom::YearOption) => {
                let place = Place::CommandLine {
                    option: "--year",
                    value: year.to_string(),
                };
                let span = place.span();
                (place, span)
            }
            Some(YearFrom::AsOfOption) => {
                let place = Place::CommandLine {
                    option: "--as-of",
                    value: options.as_of.map(crate::italian::date).unwrap_or_default(),
                };
                let span = place.span();
                (place, span)
            }
            _ => (
                Place::Measurements,
                measurements.monitoring.map_or(Span::point(0), |(_, s)| s),
            ),
        };
        located.push(Located {
            place,
            diagnostic: Diagnostic::new(
                span,
                EvalError::YearOutsideTriennio {
                    year,
                    triennio: (first, last),
                    from: from.unwrap_or(YearFrom::Rilevazione),
                },
            ),
        });
        return (None, located);
    }
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
    let as_of = match as_of {
        Some(d) => d,
        None => {
            located.push(Located {
                place: Place::Measurements,
                diagnostic: Diagnostic::new(
                    measurements.monitoring_blank.unwrap_or(measurements.end),
                    EvalError::NoMonitoringDate {
                        assumed: year_end,
                        blank: measurements.monitoring_blank.is_some(),
                    },
                ),
            });
            year_end
        }
    };
    let dates = Dates { as_of, year_end };

    // Each objective is scored on its own: a large plan's on the workers, in plan order.
    let scored = |&(o, objective): &(usize, &Objective)| {
        score_objective(model, o, objective, measurements, plan_text, year, dates)
    };
    let each_objective: Vec<(usize, &Objective)> = model.objectives.iter().enumerate().collect();
    let each: Vec<Scored> = match workers {
        0 | 1 => each_objective.iter().map(scored).collect(),
        workers => crate::syntax::parallel::map(&each_objective, workers, scored),
    };
    let mut plan_diagnostics = Vec::new();
    let mut file_diagnostics = Vec::new();
    let mut objectives = Vec::with_capacity(model.objectives.len());
    for one in each {
        objectives.push(one.result);
        plan_diagnostics.extend(one.plan_diagnostics);
        file_diagnostics.extend(one.file_diagnostics);
    }
    crate::diagnostics::sort(&mut plan_diagnostics);
    crate::diagnostics::sort(&mut file_diagnostics);
    located.extend(plan_diagnostics.into_iter().map(|diagnostic| Located {
        place: Place::Plan,
        diagnostic,
    }));
    located.extend(file_diagnostics.into_iter().map(|diagnostic| Located {
        place: Place::Measurements,
        diagnostic,
    }));

    let tallies: Vec<Tally> = objectives.iter().map(|o| o.tally.clone()).collect();
    let all: Vec<usize> = (0..model.objectives.len()).collect();
    let evaluation = Evaluation {
        year,
        as_of,
        as_of_from,
        strategici: rollup::strategici(model, &tallies),
        ambiti: rollup::ambiti(model, &tallies),
        missions: rollup::missions(model, year, &tallies),
        plan: rollup::group(model, &all, &tallies),
        objectives,
    };
    (Some(evaluation), located)
}

/// One objective's results, and the diagnostics of its evaluation in the plan and in the
/// measurement file.
struct Scored {
    result: ObjectiveResult,
    plan_diagnostics: Vec<Diagnostic>,
    file_diagnostics: Vec<Diagnostic>,
}

/// The `o`th objective, `objective`, scored.
fn score_objective(
    model: &Model,
    o: usize,
    objective: &Objective,
    measurements: &Measurements,
    plan_text: &dyn Quote,
    year: i32,
    dates: Dates,
) -> Scored {
    let mut plan_diagnostics = Vec::new();
    let mut file_diagnostics = Vec::new();
    let values =
        formula::objective_values(model, o, measurements, plan_text, &mut plan_diagnostics);
    let indicators: Vec<IndicatorResult> = objective
        .indicators
        .iter()
        .zip(values)
        .enumerate()
        .map(|(i, (indicator, computed))| {
            let target = scored_target(indicator, year);
            let score = score::score(&computed, target, &model.scoring, dates);
            if score.status == Status::NotComputable
                && let Computed::Value(value) = &computed
            {
                // A value and a target, yet no performance: say why, where the value is.
                let reason = match (value, target) {
                    (
                        Val::Number(_),
                        Some(TargetSpec::Compare {
                            value: TargetValue::Number(_),
                            ..
                        }),
                    ) => Uncomputable::Ratio,
                    _ => Uncomputable::Mismatch,
                };
                let error = EvalError::NotComputable {
                    indicator: indicator.code.clone(),
                    reason,
                };
                match (
                    &indicator.formula,
                    measurements.get(Target::Indicator(o, i)),
                ) {
                    (Some(f), _) => plan_diagnostics.push(Diagnostic::new(f.span, error)),
                    (None, Some(entry)) => {
                        file_diagnostics.push(Diagnostic::new(entry.span, error))
                    }
                    (None, None) => plan_diagnostics.push(Diagnostic::new(indicator.span, error)),
                }
            }
            IndicatorResult {
                value: match computed {
                    Computed::Value(v) => v,
                    Computed::NotComputable => Val::NotAvailable,
                },
                score,
                notes: notes(model, measurements, o, i),
            }
        })
        .collect();
    let scores: Vec<_> = indicators
        .iter()
        .map(|r| (r.score.status, r.score.performance))
        .collect();
    let tally = rollup::objective(objective, &scores, model.scoring.missing);
    Scored {
        result: ObjectiveResult { indicators, tally },
        plan_diagnostics,
        file_diagnostics,
    }
}

/// The notes of an indicator's own row and of the measures its formula uses.
fn notes(model: &Model, measurements: &Measurements, o: usize, i: usize) -> Vec<Note> {
    let indicator = &model.objectives[o].indicators[i];
    let mut out = Vec::new();
    let mut push = |code: &str, target: Target| {
        if let Some(text) = measurements.get(target).and_then(|e| e.note.clone()) {
            out.push(Note {
                code: code.to_string(),
                text,
            });
        }
    };
    match &indicator.formula {
        None => push(&indicator.code, Target::Indicator(o, i)),
        Some(formula) => {
            let mut ids = Vec::new();
            needs::measures_of(&formula.expr, &mut ids);
            for id in ids {
                if let Some(m) = model.measures.get(id) {
                    push(&m.code, Target::Measure(id));
                }
            }
        }
    }
    out
}
