//! Hover texts.

use crate::client::{TestClient, at, fixture, position_of};
use serde_json::Value;

fn hover(client: &mut TestClient, text: &str, needle: &str, nth: usize, shift: u32) -> Value {
    let (l, c) = position_of(text, needle, nth, shift);
    client
        .request("textDocument/hover", at("p.piano", l, c))
        .unwrap()
}

fn markdown(h: &Value) -> &str {
    assert_eq!(h["contents"]["kind"], "markdown");
    h["contents"]["value"].as_str().unwrap()
}

#[test]
fn hover_texts() {
    let text = fixture("weights.piano");
    let mut client = TestClient::start();
    client.open("p.piano", &text);
    let cases = [
        // A plan measure used in a formula: its title and UdM.
        ("measure", "imprese_registrate\n", 0, 2),
        // A template's measure.
        ("template_measure", "risorse_utilizzate / ", 0, 1),
        // An indicator: the formula's unit, targets, weight.
        ("indicator", "copertura \"", 0, 1),
        // An indicator made from a template: the template's formula.
        ("templated_indicator", "risorse {", 0, 1),
        // The formula line itself (on `formula`).
        ("formula", "formula partecipanti", 0, 2),
        // missione and programma: the registry's names.
        ("missione", "011 programma", 0, 1),
        ("programma", "005\n", 0, 1),
        // On a diagnostic: its explanation.
        ("diagnostic", "peso 33,3%", 0, 7),
        ("strategico", "03_01\n  missione", 0, 1),
    ];
    let mut all = Vec::new();
    for (name, needle, nth, shift) in cases {
        let h = hover(&mut client, &text, needle, nth, shift);
        assert!(!h.is_null(), "no hover for {name}");
        all.push((name, markdown(&h).to_string()));
    }
    let get = |n: &str| all.iter().find(|(k, _)| *k == n).unwrap().1.clone();
    assert!(
        get("measure").starts_with(
            "**misura** `imprese_registrate` — Totale imprese registrate\n\nUdM: `n.`"
        )
    );
    assert!(
        get("indicator").contains("unità della formula: `n. / n. → %`"),
        "{}",
        get("indicator")
    );
    assert!(
        get("indicator").contains("target: 2024 `>= 12,5%` · 2025 `>= 15%` · 2026 `>= 17,5%`"),
        "{}",
        get("indicator")
    );
    assert!(
        get("indicator").contains("peso: 33,3%"),
        "{}",
        get("indicator")
    );
    assert!(
        get("templated_indicator").contains("`€ / € → %`"),
        "{}",
        get("templated_indicator")
    );
    assert!(
        get("missione").starts_with("**missione** `011` — Competitività e sviluppo delle imprese")
    );
    assert!(get("programma").starts_with("**programma** `005` — Promozione e attuazione"));
    assert!(get("diagnostic").starts_with("**W0501** — i pesi degli indicatori sommano a 99,9%"));
    insta::assert_snapshot!(
        all.iter()
            .map(|(k, v)| format!("## {k}\n{v}\n"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    // Nothing on blank space.
    let (l, c) = crate::client::end_of(&text, "}\n\n");
    let h = client
        .request("textDocument/hover", at("p.piano", l, c))
        .unwrap();
    assert_eq!(h, Value::Null);
    client.shutdown();
}

#[test]
fn hover_on_a_code_in_a_comment_explains_it() {
    let text = fixture("weights.piano").replace(
        "obiettivo 01_04_OS01",
        "# consenti C0603: codice ufficiale della Camera\nobiettivo 01_04_OS01",
    );
    let mut client = TestClient::start();
    client.open("p.piano", &text);
    let h = hover(&mut client, &text, "C0603:", 0, 2);
    assert!(
        markdown(&h).starts_with("**C0603**\n\n"),
        "{}",
        markdown(&h)
    );
    assert_eq!(h["range"]["start"]["character"], 11);
    assert_eq!(h["range"]["end"]["character"], 16);
    client.shutdown();
}

#[test]
fn hover_in_english() {
    let mut init = crate::client::default_init();
    init["locale"] = serde_json::json!("en");
    let text = fixture("weights.piano");
    let mut client = TestClient::start_with(init);
    client.open("p.piano", &text);
    let h = hover(&mut client, &text, "copertura \"", 0, 1);
    assert!(
        markdown(&h).contains("formula unit: `n. / n. → %`"),
        "{}",
        markdown(&h)
    );
    assert!(markdown(&h).contains("weight: 33,3%"));
    client.shutdown();
}

#[test]
fn missions_come_from_the_plans_comparto() {
    // A comune (`comparto ente_locale`): D.Lgs. 118/2011 codes, two digits, as written.
    let text = crate::client::repo_file("plans/comune-2024.piano");
    let mut client = TestClient::start();
    client.open("p.piano", &text);
    let h = hover(&mut client, &text, "01 programma 07", 0, 1);
    assert_eq!(
        markdown(&h),
        "**missione** `01` — Servizi istituzionali, generali e di gestione"
    );
    let h = hover(&mut client, &text, "07\n", 0, 1);
    assert!(
        markdown(&h).starts_with("**programma** `07` — Elezioni e consultazioni popolari"),
        "{}",
        markdown(&h)
    );
    client.shutdown();
}
