//! `piano check --fix` on whole plans: the sample plan seeded with one of each fixable
//! mistake comes back meaning exactly what it meant (the same resolved plan), and the
//! published seed (with its real defects) is repaired of all it can be, leaving only
//! diagnostics that have no fix.

mod common;

use piano::diagnostics::{Diagnostic, Lang};
use piano::repair::{self, Options};
use piano::source::Source;

/// One of each fixable mistake, as (what the clean plan says, what the seeded plan says).
const MISTAKES: &[(&str, &str)] = &[
    // P0119: an ISO date.
    (
        "target 2025 entro 31/01/2025",
        "target 2025 entro 2025-01-31",
    ),
    // P0113: `=>` and `=<`.
    ("target 2025 >= 4", "target 2025 => 4"),
    ("target 2026 <= 31/01/2026", "target 2026 =< 31/01/2026"),
    // P0123: `udm entro`.
    (
        "  algoritmo \"Termine per l'approvazione del documento\"\n    tipologia efficienza\n    udm data",
        "  algoritmo \"Termine per l'approvazione del documento\"\n    tipologia efficienza\n    udm entro",
    ),
    // P0107: an ambiguous number (a fix to verify).
    ("risorse 439.846,96 €", "risorse 439846.96 €"),
    // U0305: a ratio times 100.
    (
        "formula partecipanti / imprese_registrate",
        "formula partecipanti * 100 / imprese_registrate",
    ),
    // P0122: a vocabulary word misspelt, a unit written in words.
    (
        "tipologia efficienza\n    tipo realizzazione_fisica",
        "tipologia efficenza\n    tipo realizzazione_fisica",
    ),
    (
        "misura pratiche \"Pratiche gestite\" n.",
        "misura pratiche \"Pratiche gestite\" numero",
    ),
    // P0140: Word's quotes.
    (
        "ufficio \"Punto impresa digitale\"",
        "ufficio “Punto impresa digitale”",
    ),
    // P0117: a unit written in words.
    ("ritardo 60 gg", "ritardo 60 giorni"),
    // U0310: an amount without `€`.
    ("target 2025 = 0 €", "target 2025 = 0"),
    // T0402: `=` on a date.
    ("target 2027 entro 31/01/2027", "target 2027 = 31/01/2027"),
    // P0110: a field misspelt.
    (
        "algoritmo \"Somma età / totale personale\"",
        "algorimto \"Somma età / totale personale\"",
    ),
    // N0202: a measure misspelt (a fix to verify).
    (
        "formula somma_eta / dipendenti",
        "formula somma_eta / dipendeti",
    ),
    // U0309: a percentage without `%` (a fix to verify).
    ("target 2026 > 0,3%", "target 2026 > 0,3"),
    // P0125: a comparator before n.d.
    (
        "target 2027 n.d.\n    peso 30%",
        "target 2027 >= n.d.\n    peso 30%",
    ),
    // N0210: a `consenti` that accepts nothing.
    (
        "obiettivo 01_01_OS01",
        "# consenti C0603: codice ufficiale\nobiettivo 01_01_OS01",
    ),
];

/// W0501: rounded equal weights instead of `pesi uguali` (three indicators of 01_02_OS01).
fn rounded_weights(text: &str) -> String {
    let text = text.replacen("  pesi uguali\n", "", 1);
    let mut out = String::new();
    let mut in_objective = false;
    for line in text.split_inclusive('\n') {
        if line.starts_with("obiettivo 01_02_OS01") {
            in_objective = true;
        } else if line.starts_with("obiettivo ") {
            in_objective = false;
        }
        out.push_str(line);
        if in_objective && line.starts_with("    target 2027") {
            out.push_str("    peso 33,3%\n");
        }
    }
    out
}

fn seeded(clean: &str) -> String {
    let mut text = clean.to_string();
    for (right, wrong) in MISTAKES {
        assert!(text.contains(right), "the sample has `{right}`");
        text = text.replacen(right, wrong, 1);
    }
    rounded_weights(&text)
}

fn open(diagnostics: &[Diagnostic]) -> Vec<&Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| d.accepted.is_none())
        .collect()
}

#[test]
fn the_seeded_sample_is_repaired_to_what_it_meant() {
    let clean = std::fs::read_to_string("plans/esempio.piano").expect("the sample plan");
    let seeded = seeded(&clean);
    let before = piano::check_source(&Source::new("seeded", seeded.as_str()));
    assert!(
        before.len() >= MISTAKES.len(),
        "every mistake is seen: {:?}",
        before.iter().map(Diagnostic::code).collect::<Vec<_>>()
    );

    // Safe fixes alone leave the three that need a look.
    let safe = repair::repair(&seeded, Options::default(), Lang::It);
    let left = piano::check_source(&Source::new("x", safe.text.as_str()));
    let mut codes: Vec<String> = open(&left).iter().map(|d| d.code().to_string()).collect();
    codes.sort();
    assert_eq!(codes, ["N0202", "P0107", "U0309"], "{}", safe.text);

    let all = repair::repair(&seeded, Options { unsafe_fixes: true }, Lang::It);
    let after = piano::check_source(&Source::new("x", all.text.as_str()));
    assert!(open(&after).is_empty(), "{:?}\n{}", after, all.text);

    // The same resolved plan as the clean sample, place for place.
    let model = |text: &str| piano::check_plan(&Source::new("x", text)).model;
    assert_eq!(
        common::unspanned(&model(&all.text)),
        common::unspanned(&model(&clean))
    );
}

#[test]
fn the_published_seed_is_repaired_of_all_that_has_a_fix() {
    let path = "tests/seed/pistoia-prato-2024-as-published.piano";
    let text = std::fs::read_to_string(path).expect("the published seed");
    let before = piano::check_source(&Source::new(path, text.as_str()));
    let all = repair::repair(&text, Options { unsafe_fixes: true }, Lang::It);
    assert!(all.applied.len() >= 17, "{} fixes", all.applied.len());
    let after = piano::check_source(&Source::new(path, all.text.as_str()));
    assert!(after.len() < before.len());
    for d in open(&after) {
        assert!(
            d.texts(Lang::It).fixes.is_empty(),
            "{} is left with a fix: {}",
            d.code(),
            d.texts(Lang::It).message
        );
    }
}
