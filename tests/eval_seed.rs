//! The seed at 30/06/2024: `piano eval plans/pistoia-prato-2024.piano
//! plans/pistoia-prato-2024-06-30.csv --as-of 30/06/2024` reproduces the printed Performance of
//! every indicator (tests/seed/extract/rows.tsv, extracted independently from the seed text),
//! except the documented exceptions of scoring.md, each asserted here as what the rule gives.

use piano::eval::score::Status;
use piano::eval::{self, Evaluation};
use piano::source::Source;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

fn seed() -> (piano::check::Checked, Evaluation) {
    let read = |path: &str| {
        let bytes = std::fs::read(path).expect("seed files are in plans/");
        Source::from_bytes(path, &bytes).0
    };
    let plan = read("plans/pistoia-prato-2024.piano");
    let checked = piano::check_plan(&plan);
    assert!(!checked.has_errors(), "{:#?}", checked.diagnostics);
    let measurements = read("plans/pistoia-prato-2024-06-30.csv");
    let loaded = eval::load(&checked.model, &measurements);
    assert!(
        loaded.diagnostics.is_empty(),
        "the seed's measurement file loads without diagnostics: {:#?}",
        loaded.diagnostics
    );
    let (evaluation, located) = eval::evaluate(
        &checked.model,
        &plan.text,
        &loaded.measurements,
        eval::Options {
            as_of: chrono::NaiveDate::from_ymd_opt(2024, 6, 30),
            year: None,
        },
    );
    assert!(located.is_empty(), "{located:#?}");
    (checked, evaluation.expect("the seed is scored"))
}

/// What the test expects of one row, against what the seed printed.
#[derive(Debug, PartialEq)]
enum Expect {
    /// The printed whole percent.
    Exact(i64),
    /// Within one point of the printed percent (inputs printed rounded).
    Near(i64),
    NotAvailable,
    InProgress,
}

/// The documented exceptions: (card, row, printed, expected by the rule).
const EXCEPTIONS: &[(&str, usize, &str, Expect)] = &[
    // The only uncapped over-achievement of 20: the cap gives 100%.
    ("03_01_OS02", 4, "104%", Expect::Exact(100)),
    // The spreadsheet behind these held more decimals than printed.
    ("01_01_OS01", 5, "8%", Expect::Near(8)),
    ("01_04_OS01", 4, "84%", Expect::Near(84)),
    ("02_01_OS01", 3, "26%", Expect::Near(26)),
    // Deadlines after 30/06 not met yet: in progress, not 0%.
    ("03_04_OS04", 1, "0%", Expect::InProgress),
    ("03_04_OS04", 5, "0%", Expect::InProgress),
    ("03_01_OS03", 1, "0%", Expect::InProgress),
];

fn whole(p: Decimal) -> i64 {
    (p * Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .to_i64()
        .unwrap_or(i64::MIN)
}

#[test]
fn seed_performance_column_is_reproduced() {
    let (checked, evaluation) = seed();
    let model = &checked.model;
    let rows = std::fs::read_to_string("tests/seed/extract/rows.tsv").expect("rows.tsv");
    let mut checked_rows = 0;
    let mut failures = Vec::new();
    for line in rows.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (card, row, printed) = (f[0], f[1].parse::<usize>().unwrap(), f[9]);
        let o = model
            .objectives
            .iter()
            .position(|o| o.code == card)
            .unwrap_or_else(|| panic!("card {card} is in the plan"));
        let result = &evaluation.objectives[o].indicators[row - 1];
        let expect = match EXCEPTIONS
            .iter()
            .find(|(c, r, _, _)| *c == card && *r == row)
        {
            Some((_, _, p, e)) => {
                assert_eq!(*p, printed, "{card} #{row}: the exception's printed value");
                match e {
                    Expect::Exact(n) => Expect::Exact(*n),
                    Expect::Near(n) => Expect::Near(*n),
                    Expect::NotAvailable => Expect::NotAvailable,
                    Expect::InProgress => Expect::InProgress,
                }
            }
            None if printed == "n.d." || printed.is_empty() => Expect::NotAvailable,
            None => Expect::Exact(printed.trim_end_matches('%').parse().unwrap()),
        };
        let got = (result.score.status, result.score.performance.map(whole));
        let ok = match expect {
            Expect::Exact(n) => got == (Status::Scored, Some(n)),
            Expect::Near(n) => got.0 == Status::Scored && got.1.is_some_and(|p| (p - n).abs() <= 1),
            Expect::NotAvailable => got == (Status::NotAvailable, None),
            Expect::InProgress => got == (Status::InProgress, None),
        };
        if !ok {
            failures.push(format!(
                "{card} #{row} ({}): printed {printed:?}, expected {expect:?}, got {got:?}",
                model.objectives[o].indicators[row - 1].name()
            ));
        }
        checked_rows += 1;
    }
    assert_eq!(checked_rows, 123, "every row of rows.tsv is checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_lateness_row_is_reproduced_by_the_plans_rule() {
    let (checked, evaluation) = seed();
    let o = checked
        .model
        .objectives
        .iter()
        .position(|o| o.code == "03_01_OS05")
        .unwrap();
    let r = &evaluation.objectives[o].indicators[9];
    // 26/03/2024 against <= 28/02/2024: 27 days late (2024 is a leap year), 1 - 27/63.
    assert_eq!(r.score.late_days, Some(27));
    let p = r.score.performance.unwrap();
    assert_eq!(whole(p), 57);
    assert_eq!(p, Decimal::ONE - Decimal::from(27) / Decimal::from(63));
}

#[test]
fn seed_counts_and_no_deadline_in_progress_beyond_the_three() {
    let (_, evaluation) = seed();
    assert_eq!(evaluation.plan.indicators, 123);
    assert_eq!(evaluation.plan.in_progress, 3);
    assert_eq!(evaluation.plan.objectives, 18);
    // 03_01_OS06 (all n.d.) has no performance; the other 17 have one.
    assert_eq!(evaluation.plan.objectives_scored, 17);
}
