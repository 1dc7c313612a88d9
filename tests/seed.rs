//! The seed plan, three ways: as it was meant (`plans/pistoia-prato-2024.piano`, which must
//! check clean), as it was published (`tests/seed/pistoia-prato-2024-as-published.piano`, whose
//! defects must all be reported), and checked independently against the numeric rows extracted
//! mechanically from the seed text (`tests/seed/extract/rows.tsv`).

mod common;

use piano::check::model::{Indicator, Model, TargetSpec, TargetValue};
use piano::diagnostics::Code;
use piano::source::Source;
use piano::syntax::ast::Udm;
use piano::syntax::literal;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(path: &str) -> Source {
    let bytes = std::fs::read(root().join(path)).expect("file exists");
    Source::from_bytes(path, &bytes).0
}

#[test]
fn the_plan_as_meant_checks_clean() {
    let checked = piano::check_plan(&load("plans/pistoia-prato-2024.piano"));
    let codes: Vec<Code> = checked.diagnostics.iter().map(|d| d.code()).collect();
    // Only the two published codes whose prefix disagrees with their strategic line.
    assert_eq!(codes, vec![Code::C0603, Code::C0603]);
    let model = &checked.model;
    assert_eq!(model.objectives.len(), 18);
    let indicators: usize = model.objectives.iter().map(|o| o.indicators.len()).sum();
    assert_eq!(indicators, 123);
}

#[test]
fn the_plan_as_published_reports_every_defect() {
    let source = load("tests/seed/pistoia-prato-2024-as-published.piano");
    let diagnostics = piano::check_source(&source);
    insta::assert_snapshot!(common::report::report(&source, &diagnostics));
}

/// One numeric row of the seed, as the extraction script printed it.
#[derive(Debug)]
struct Row {
    card: String,
    row: usize,
    udm: String,
    comparator: String,
    targets: [String; 3],
    weight: String,
}

fn rows() -> Vec<Row> {
    let text = std::fs::read_to_string(root().join("tests/seed/extract/rows.tsv")).expect("rows");
    text.lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            Row {
                card: f[0].into(),
                row: f[1].parse().expect("row number"),
                udm: f[3].into(),
                comparator: f[5].into(),
                targets: [f[6].into(), f[7].into(), f[8].into()],
                weight: f[10].into(),
            }
        })
        .collect()
}

/// What the published plan says, read the plan's way.
fn printed_udm(udm: &str) -> Option<Udm> {
    Some(match udm {
        "n." => Udm::Count,
        "%" => Udm::Percent,
        "data" => Udm::Date,
        "si/no" => Udm::YesNo,
        "gg" => Udm::Days,
        _ => return None, // `entro`: not a unit
    })
}

fn printed_value(text: &str, udm: Udm) -> Option<TargetValue> {
    let text = text.trim();
    if text.is_empty() || text == "n.d." || text == "--" {
        return None;
    }
    match udm {
        Udm::Date => literal::parse_date(text).ok().map(TargetValue::Date),
        Udm::YesNo => Some(TargetValue::Bool(matches!(text, "sì" | "si"))),
        _ => {
            let (number, percent) = match text.strip_suffix('%') {
                Some(n) => (n, true),
                None => (text, false),
            };
            let n = literal::parse_number(number).ok()?;
            Some(TargetValue::Number(if percent || udm == Udm::Percent {
                n / Decimal::ONE_HUNDRED
            } else {
                n
            }))
        }
    }
}

/// Where the plan as meant departs from the printed row, on purpose: each entry is a
/// correction listed in docs/seed.md (card, row, field, what the plan says).
const CORRECTIONS: &[(&str, usize, &str, &str)] = &[
    // `udm entro` and `=` on a deadline: `udm data`, `entro`.
    ("03_01_OS01", 3, "udm", "data"),
    ("03_01_OS01", 3, "confronto", "entro"),
    ("03_01_OS01", 6, "udm", "data"),
    ("03_01_OS01", 6, "confronto", "entro"),
    // A customer-satisfaction average and a survey score are scores, not counts.
    ("03_01_OS01", 7, "udm", "punti"),
    // `n.` printed on percentage values.
    ("03_01_OS05", 2, "udm", "%"),
    ("03_01_OS05", 8, "udm", "%"),
    ("03_01_OS05", 3, "udm", "punti"),
    // `>=` on a sì/no.
    ("03_04_OS04", 4, "confronto", "="),
    // Ages, years of service, absence days and training hours in their units.
    ("03_01_OS02", 2, "udm", "anni"),
    ("03_01_OS02", 3, "udm", "anni"),
    ("03_01_OS02", 8, "udm", "punti"),
    ("03_01_OS02", 9, "udm", "gg"),
    ("03_01_OS03", 3, "udm", "ore"),
    ("03_01_OS03", 4, "udm", "ore"),
    // Balance-sheet amounts printed as `n.`; `= 0,00%` on a `n.` row; a payment delay that
    // may be negative (`<= 0` days rather than `= 0`).
    ("03_01_OS06", 1, "udm", "€"),
    ("03_01_OS06", 2, "udm", "€"),
    ("03_01_OS06", 3, "udm", "€"),
    ("03_01_OS06", 4, "udm", "€"),
    ("03_01_OS06", 8, "udm", "%"),
    ("03_01_OS06", 9, "udm", "gg"),
    ("03_01_OS06", 9, "confronto", "<="),
];

/// The value the plan must have for `field` of a printed row, and the correction that gave it
/// (only when it differs from what is printed: a correction equal to the print is unused).
fn corrected<'a>(
    card: &str,
    row: usize,
    field: &str,
    printed: &'a str,
) -> (&'a str, Option<usize>) {
    CORRECTIONS
        .iter()
        .position(|(c, r, f, _)| *c == card && *r == row && *f == field)
        .filter(|&k| CORRECTIONS[k].3 != printed)
        .map_or((printed, None), |k| (CORRECTIONS[k].3, Some(k)))
}

fn udm_word(u: Udm) -> &'static str {
    match u {
        Udm::Count => "n.",
        Udm::Percent => "%",
        Udm::Euro => "€",
        Udm::Days => "gg",
        Udm::Hours => "ore",
        Udm::Years => "anni",
        Udm::Points => "punti",
        Udm::Date => "data",
        Udm::YesNo => "si/no",
    }
}

/// Compares one indicator with its printed row; returns the differences, and marks in `used`
/// the corrections that took part in the comparison.
fn compare(ind: &Indicator, row: &Row, years: [i32; 3], used: &mut [bool]) -> Vec<String> {
    let mut out = Vec::new();
    let card = row.card.as_str();
    let (udm_text, udm_correction) = corrected(card, row.row, "udm", &row.udm);
    if let Some(k) = udm_correction {
        used[k] = true;
    }
    if udm_word(ind.udm) != udm_text {
        out.push(format!("udm {} ≠ printed {udm_text}", udm_word(ind.udm)));
    }
    let udm = printed_udm(udm_text).unwrap_or(ind.udm);
    let (printed_cmp, cmp_correction) = corrected(card, row.row, "confronto", &row.comparator);
    for (k, year) in years.iter().enumerate() {
        let expected = printed_value(&row.targets[k], udm);
        match (ind.target(*year), expected) {
            (Some(TargetSpec::NotAvailable), None) | (None, None) => {}
            (
                Some(TargetSpec::Compare {
                    comparator: c,
                    value,
                }),
                Some(expected),
            ) => {
                if let Some(k) = cmp_correction {
                    used[k] = true;
                }
                if c.symbol() != printed_cmp {
                    out.push(format!("{year}: comparator {} ≠ {printed_cmp}", c.symbol()));
                }
                if *value != expected {
                    out.push(format!("{year}: target {value:?} ≠ printed {expected:?}"));
                }
            }
            (got, expected) => out.push(format!("{year}: target {got:?} ≠ printed {expected:?}")),
        }
    }
    // Weights are printed rounded to one decimal: the exact share must round to it.
    let printed = literal::parse_number(row.weight.trim_end_matches('%')).expect("weight");
    let share = (ind.weight.share * Decimal::ONE_HUNDRED).round_dp(printed.scale());
    if share != printed {
        out.push(format!("weight {share}% ≠ printed {printed}%"));
    }
    out
}

#[test]
fn the_transcription_matches_the_extracted_rows() {
    let checked = piano::check_plan(&load("plans/pistoia-prato-2024.piano"));
    let model: &Model = &checked.model;
    let rows = rows();
    assert_eq!(rows.len(), 123);
    let mut by_card: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for r in &rows {
        by_card.entry(r.card.as_str()).or_default().push(r);
    }
    // Cards in the seed's order, each with its rows in table order.
    let cards: Vec<&str> = {
        let mut seen = Vec::new();
        for r in &rows {
            if !seen.contains(&r.card.as_str()) {
                seen.push(r.card.as_str());
            }
        }
        seen
    };
    let plan_cards: Vec<&str> = model.objectives.iter().map(|o| o.code.as_str()).collect();
    assert_eq!(plan_cards, cards, "objectives in the seed's order");

    let (from, _) = model.plan.triennio;
    let years = [from, from + 1, from + 2];
    let mut problems = Vec::new();
    let mut used = vec![false; CORRECTIONS.len()];
    for o in &model.objectives {
        let card_rows = &by_card[o.code.as_str()];
        assert_eq!(
            o.indicators.len(),
            card_rows.len(),
            "{}: number of indicators",
            o.code
        );
        for (ind, row) in o.indicators.iter().zip(card_rows) {
            for p in compare(ind, row, years, &mut used) {
                problems.push(format!("{} row {} ({}): {p}", o.code, row.row, ind.name()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "transcription differs:\n{}",
        problems.join("\n")
    );
    // Guards the exception list itself: an entry that names no row, repeats what is printed,
    // or corrects a comparator no target of its row uses would hide nothing and excuse
    // anything later; each must change a value that is compared.
    let unused: Vec<_> = CORRECTIONS
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(c, _)| c)
        .collect();
    assert!(unused.is_empty(), "corrections not used: {unused:?}");
}

/// The extracted rows are what the script extracts from the seed today.
#[test]
fn the_extracted_rows_are_up_to_date() {
    if !common::require_tool(common::on_path("python3"), "python3") {
        return;
    }
    common::run_in(
        root(),
        "python3",
        &["tests/seed/extract/extract.py", "--check"],
    );
}
