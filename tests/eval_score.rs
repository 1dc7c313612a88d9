//! Unit tests of every scoring rule (scoring.md as implemented), with the edge cases: target
//! zero, `=` over target, strict comparators at equality, negative targets, late and
//! not-yet-due deadlines, the cap, n.d. rescaling and `dati_mancanti zero`.

use chrono::NaiveDate;
use piano::check::model::{Scoring, TargetSpec, TargetValue};
use piano::eval::formula::Computed;
use piano::eval::score::{self, Dates, Status};
use piano::eval::value::Val;
use piano::syntax::ast::{Comparator, MissingData};
use rust_decimal::Decimal;
use std::str::FromStr;

use Comparator::{Entro, Eq, Ge, Gt, Le, Lt};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn date(day: u32, month: u32, year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn p(v: &str, t: &str, cmp: Comparator) -> Decimal {
    score::number(d(v), d(t), cmp).unwrap()
}

const DATES: Dates = Dates {
    as_of: NaiveDate::from_ymd_opt(2024, 6, 30).unwrap(),
    year_end: NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
};

fn scoring(cap: &str, lateness: Option<&str>) -> Scoring {
    Scoring {
        cap: d(cap),
        lateness_days: lateness.map(d),
        missing: MissingData::Excluded,
    }
}

fn target(cmp: Comparator, value: TargetValue) -> TargetSpec {
    TargetSpec::Compare {
        comparator: cmp,
        value,
    }
}

fn full(v: Val, t: TargetSpec, s: &Scoring) -> score::Score {
    score::score(&Computed::Value(v), Some(&t), s, DATES)
}

#[test]
fn at_least_is_the_ratio() {
    assert_eq!(p("43", "80", Ge), d("0.5375"));
    assert_eq!(p("1", "4", Ge), d("0.25"));
    assert_eq!(p("0", "15", Ge), Decimal::ZERO);
    // Over the target: the ratio, capped afterwards.
    assert_eq!(p("40", "30", Ge), d("40") / d("30"));
    let s = full(
        Val::Number(d("40")),
        target(Ge, TargetValue::Number(d("30"))),
        &Scoring::default(),
    );
    assert_eq!(s.performance, Some(Decimal::ONE));
}

#[test]
fn cap_of_110_percent_lets_over_achievement_through_up_to_it() {
    let s = scoring("1.1", None);
    let over = |v: &str| {
        full(
            Val::Number(d(v)),
            target(Ge, TargetValue::Number(d("0.96"))),
            &s,
        )
        .performance
        .unwrap()
    };
    // The seed's 100% >= 96%: 104,1666…% under a 110% cap.
    assert_eq!(over("1"), d("1") / d("0.96"));
    assert_eq!(over("2"), d("1.1"));
}

#[test]
fn at_most_is_full_when_met_else_t_over_v() {
    assert_eq!(p("56", "57", Le), Decimal::ONE);
    assert_eq!(p("3", "3", Le), Decimal::ONE);
    assert_eq!(p("0", "10", Le), Decimal::ONE);
    assert_eq!(p("40", "30", Le), d("0.75"));
}

#[test]
fn equal_is_the_smaller_ratio_either_side() {
    assert_eq!(p("1", "1", Eq), Decimal::ONE);
    // The seed: 50% = 100% gives 50%, 0% = 100% gives 0%.
    assert_eq!(p("0.5", "1", Eq), d("0.5"));
    assert_eq!(p("0", "1", Eq), Decimal::ZERO);
    // Over the target, `=` is missed too: 120 = 100 gives 100/120.
    assert_eq!(p("120", "100", Eq), d("100") / d("120"));
}

#[test]
fn strict_comparators_at_equality_are_missed_but_score_the_ratio() {
    assert!(!score::met(&d("5"), &d("5"), Gt));
    assert!(!score::met(&d("5"), &d("5"), Lt));
    assert_eq!(p("5", "5", Gt), Decimal::ONE);
    assert_eq!(p("5", "5", Lt), Decimal::ONE);
    assert_eq!(p("6", "5", Gt), d("1.2"));
    assert_eq!(p("4", "5", Lt), Decimal::ONE);
    assert_eq!(p("10", "5", Lt), d("0.5"));
}

#[test]
fn target_zero_is_met_or_not() {
    // The seed: 0 = 0 infortuni gives 100%.
    assert_eq!(p("0", "0", Eq), Decimal::ONE);
    assert_eq!(p("2", "0", Eq), Decimal::ZERO);
    assert_eq!(p("0", "0", Le), Decimal::ONE);
    assert_eq!(p("1", "0", Le), Decimal::ZERO);
    assert_eq!(p("0", "0", Gt), Decimal::ZERO);
    assert_eq!(p("3", "0", Ge), Decimal::ONE);
}

#[test]
fn negative_targets_and_values_are_met_or_not() {
    // `>= -5%`: -2% is met, -10% is not.
    assert_eq!(p("-0.02", "-0.05", Ge), Decimal::ONE);
    assert_eq!(p("-0.10", "-0.05", Ge), Decimal::ZERO);
    // A negative value against a positive target: not met, and no ratio.
    assert_eq!(p("-1", "5", Ge), Decimal::ZERO);
    assert_eq!(p("-1", "5", Le), Decimal::ONE);
}

#[test]
fn yes_no_is_all_or_nothing() {
    let s = Scoring::default();
    let yes = target(Eq, TargetValue::Bool(true));
    assert_eq!(
        full(Val::Bool(true), yes.clone(), &s).performance,
        Some(Decimal::ONE)
    );
    assert_eq!(
        full(Val::Bool(false), yes, &s).performance,
        Some(Decimal::ZERO)
    );
}

#[test]
fn deadlines_met_on_time_late_and_with_the_lateness_rule() {
    let due = TargetValue::Date(date(28, 2, 2024));
    let on_time = full(
        Val::Date(date(28, 2, 2024)),
        target(Le, due.clone()),
        &Scoring::default(),
    );
    assert_eq!(on_time.performance, Some(Decimal::ONE));
    assert_eq!(on_time.late_days, None);
    // Late without a `ritardo` rule: 0% at once.
    let late = full(
        Val::Date(date(26, 3, 2024)),
        target(Entro, due.clone()),
        &Scoring::default(),
    );
    assert_eq!(late.performance, Some(Decimal::ZERO));
    assert_eq!(late.late_days, Some(27));
    // The seed's rule, `ritardo 63 gg`: 1 - 27/63 = 57,14%.
    let s = scoring("1", Some("63"));
    let late = full(Val::Date(date(26, 3, 2024)), target(Le, due.clone()), &s);
    assert_eq!(late.performance, Some(Decimal::ONE - d("27") / d("63")));
    // At or past the limit: 0%.
    assert_eq!(score::lateness(63, &s), Decimal::ZERO);
    assert_eq!(score::lateness(400, &s), Decimal::ZERO);
    assert_eq!(score::lateness(0, &s), Decimal::ONE);
    // `=` on a date is a deadline: earlier is met.
    let early = full(Val::Date(date(1, 2, 2024)), target(Eq, due), &s);
    assert_eq!(early.performance, Some(Decimal::ONE));
}

#[test]
fn deadlines_not_yet_met() {
    let s = scoring("1", Some("63"));
    // Due after the monitoring date: in progress, left out.
    let later = full(
        Val::NotDone,
        target(Le, TargetValue::Date(date(31, 12, 2024))),
        &s,
    );
    assert_eq!(later.status, Status::InProgress);
    assert_eq!(later.performance, None);
    // Due on the monitoring date itself: passed; one day late at best.
    let today = full(
        Val::NotDone,
        target(Le, TargetValue::Date(date(30, 6, 2024))),
        &s,
    );
    assert_eq!(today.status, Status::Scored);
    assert_eq!(today.late_days, Some(1));
    assert_eq!(today.performance, Some(Decimal::ONE - d("1") / d("63")));
    // Long passed: 0%.
    let passed = full(
        Val::NotDone,
        target(Le, TargetValue::Date(date(8, 1, 2024))),
        &s,
    );
    assert_eq!(passed.performance, Some(Decimal::ZERO));
    assert_eq!(passed.late_days, Some(175));
    // Without a `ritardo` rule a passed deadline not met is 0%.
    let default = full(
        Val::NotDone,
        target(Le, TargetValue::Date(date(30, 6, 2024))),
        &Scoring::default(),
    );
    assert_eq!(default.performance, Some(Decimal::ZERO));
}

#[test]
fn not_before_dates() {
    let s = Scoring::default();
    let t = target(Ge, TargetValue::Date(date(1, 3, 2024)));
    assert_eq!(
        full(Val::Date(date(1, 3, 2024)), t.clone(), &s).performance,
        Some(Decimal::ONE)
    );
    assert_eq!(
        full(Val::Date(date(28, 2, 2024)), t.clone(), &s).performance,
        Some(Decimal::ZERO)
    );
    assert_eq!(full(Val::NotDone, t, &s).status, Status::InProgress);
}

#[test]
fn not_available_and_not_computable_have_no_performance() {
    let s = Scoring::default();
    let t = target(Ge, TargetValue::Number(d("4")));
    let nd = score::score(&Computed::Value(Val::NotAvailable), Some(&t), &s, DATES);
    assert_eq!((nd.status, nd.performance), (Status::NotAvailable, None));
    let nc = score::score(&Computed::NotComputable, Some(&t), &s, DATES);
    assert_eq!((nc.status, nc.performance), (Status::NotComputable, None));
    // No target for the year: n.d.
    let none = score::score(&Computed::Value(Val::Number(d("5"))), None, &s, DATES);
    assert_eq!(none.status, Status::NotAvailable);
    let nd_target = score::score(
        &Computed::Value(Val::Number(d("5"))),
        Some(&TargetSpec::NotAvailable),
        &s,
        DATES,
    );
    assert_eq!(nd_target.status, Status::NotAvailable);
}

mod rollup {
    use super::*;
    use piano::check::model::{Indicator, Objective, Weight};
    use piano::eval::rollup;
    use piano::syntax::ast::Udm;

    fn objective(weights: &[&str]) -> Objective {
        Objective {
            code: "01_01_OS01".into(),
            title: String::new(),
            span: Default::default(),
            strategico: None,
            ambito: None,
            missione: None,
            risorse: Default::default(),
            finanziamento: None,
            area: None,
            ufficio: None,
            responsabile: None,
            descrizione: None,
            note: vec![],
            weight: None,
            prerequisite: false,
            equal_weights: false,
            indicators: weights
                .iter()
                .enumerate()
                .map(|(i, w)| Indicator {
                    code: format!("01_01_OS01.i{i}"),
                    title: String::new(),
                    span: Default::default(),
                    algoritmo: None,
                    formula: None,
                    tipologia: None,
                    tipo: None,
                    udm: Udm::Count,
                    targets: vec![],
                    weight: Weight {
                        relative: d(w),
                        share: d(w),
                    },
                    extra: None,
                })
                .collect(),
        }
    }

    #[test]
    fn weighted_mean_with_n_d_left_out_and_weights_rescaled() {
        let o = objective(&["0.5", "0.3", "0.2"]);
        let scores = [
            (Status::Scored, Some(d("1"))),
            (Status::NotAvailable, None),
            (Status::Scored, Some(d("0.5"))),
        ];
        let t = rollup::objective(&o, &scores, MissingData::Excluded);
        // (0,5 × 1 + 0,2 × 0,5) / (0,5 + 0,2) = 0,6 / 0,7.
        assert_eq!(t.performance, Some(d("0.6") / d("0.7")));
        assert_eq!((t.scored, t.indicators, t.not_available), (2, 3, 1));
    }

    #[test]
    fn missing_data_zero_counts_n_d_as_zero_but_not_in_progress() {
        let o = objective(&["0.5", "0.3", "0.2"]);
        let scores = [
            (Status::Scored, Some(d("1"))),
            (Status::NotAvailable, None),
            (Status::InProgress, None),
        ];
        let t = rollup::objective(&o, &scores, MissingData::Zero);
        assert_eq!(t.performance, Some(d("0.5") / d("0.8")));
        assert_eq!(t.in_progress, 1);
    }

    #[test]
    fn nothing_scored_is_no_performance() {
        let o = objective(&["0.5", "0.5"]);
        let scores = [(Status::NotAvailable, None), (Status::InProgress, None)];
        let t = rollup::objective(&o, &scores, MissingData::Excluded);
        assert_eq!(t.performance, None);
        assert_eq!(t.objectives_scored, 0);
    }
}

/// Guards the resolution of `pesi uguali` (check/weights.rs) and its use in the objective's
/// mean: a real plan goes through the checker and the evaluation. The three indicators score
/// 100%, 40% and 10%, so any unequal weighting moves the result off 50% (0,5/0,3/0,2 would
/// give 64%); the shares must be the correctly rounded 1/3, not 33,3%.
#[test]
fn equal_weights_are_exact() {
    let indicator = |name: &str| {
        format!(
            "  indicatore {name} \"Eventi {name}\" {{\n    tipologia efficienza\n    udm n.\n    target 2024 >= 10\n    target 2025 n.d.\n    target 2026 n.d.\n  }}\n"
        )
    };
    let plan = format!(
        "piano \"Prova\" {{\n  ente \"Camera di Commercio di Prova\"\n  comparto camera\n  anno 2024\n  triennio 2024-2026\n}}\n\n\
         ambito 1 \"Competitività\"\n\nstrategico 01_01 \"Digitale\" {{\n  ambito 1\n}}\n\n\
         obiettivo 01_01_OS01 \"Tre indicatori\" {{\n  strategico 01_01\n  missione 011 programma 005\n  risorse interne\n  pesi uguali\n\n{}{}{}}}\n",
        indicator("a"),
        indicator("b"),
        indicator("c"),
    );
    let checked = piano::check_plan(&piano::source::Source::new("uguali.piano", plan.clone()));
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let objective = &checked.model.objectives[0];
    assert_eq!(objective.indicators.len(), 3);

    let third = Decimal::ONE / Decimal::from(3);
    let relative: Vec<Decimal> = objective
        .indicators
        .iter()
        .map(|i| i.weight.relative)
        .collect();
    let shares: Vec<Decimal> = objective
        .indicators
        .iter()
        .map(|i| i.weight.share)
        .collect();
    // The mean uses the relative weights: all equal, so each share is 1/3 as a fraction,
    // exactly, and the shares (relative / total) add up to exactly 1.
    let total: Decimal = relative.iter().sum();
    for r in &relative {
        assert!(*r > Decimal::ZERO);
        assert_eq!(*r * Decimal::from(3), total, "{relative:?}: not thirds");
    }
    // The displayed shares: 1/3 to all 28 digits (no 33,3% rounding), which add up to 1 at
    // that precision.
    assert_eq!(shares, vec![third; 3]);
    let sum: Decimal = shares.iter().sum();
    assert_eq!(sum.round_dp(27), Decimal::ONE, "{sum}");

    let csv =
        "codice;valore\n01_01_OS01.a;10\n01_01_OS01.b;4\n01_01_OS01.c;1\nrilevazione;30/06/2024\n";
    let loaded = piano::eval::load(
        &checked.model,
        &piano::source::Source::new("misure.csv", csv),
    );
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let (evaluation, located) = piano::eval::evaluate(
        &checked.model,
        &plan,
        &loaded.measurements,
        piano::eval::Options::default(),
    );
    assert!(located.is_empty(), "{located:?}");
    let evaluation = evaluation.expect("scored");
    let performances: Vec<Option<Decimal>> = evaluation.objectives[0]
        .indicators
        .iter()
        .map(|i| i.score.performance)
        .collect();
    assert_eq!(
        performances,
        vec![Some(d("1")), Some(d("0.4")), Some(d("0.1"))]
    );
    assert_eq!(evaluation.objectives[0].tally.performance, Some(d("0.5")));
}
