//! Completion: fields, vocabulary, formula names, codes, registry.

use crate::client::{TestClient, at, end_of, fixture, position_of};
use serde_json::{Value, json};

fn labels(items: &Value) -> Vec<String> {
    items
        .as_array()
        .map(|a| {
            a.iter()
                .map(|i| i["label"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Completion at the end of `needle` after replacing it into the fixture.
fn complete_in(client: &mut TestClient, version: &mut i32, text: &str, cursor: &str) -> Value {
    *version += 1;
    client.change("p.piano", *version, text);
    let (l, c) = end_of(text, cursor);
    client
        .request("textDocument/completion", at("p.piano", l, c))
        .unwrap()
}

#[test]
fn completion_offers_what_fits_there() {
    let base = fixture("weights.piano");
    let mut client = TestClient::start();
    client.open("p.piano", &base);
    let mut v = 1;
    let mut case = |client: &mut TestClient, from: &str, to: &str, cursor: &str| {
        let text = base.replacen(from, to, 1);
        assert_ne!(text, base, "{from:?} not in the fixture");
        labels(&complete_in(client, &mut v, &text, cursor))
    };

    // A new line in an indicator without `udm`, `peso` and the 2025-2026 targets.
    let got = case(
        &mut client,
        "    udm n.\n    target 2024 >= 4\n    target 2025 n.d.\n    target 2026 n.d.\n    peso 33,3%\n",
        "    target 2024 >= 4\n    \n",
        "target 2024 >= 4\n    ",
    );
    for want in [
        "udm",
        "peso",
        "formula",
        "target 2025",
        "target 2026",
        "modello",
        "nota",
    ] {
        assert!(got.contains(&want.to_string()), "{want} not in {got:?}");
    }
    assert!(!got.contains(&"target 2024".to_string()), "{got:?}");
    assert!(
        !got.contains(&"tipologia".to_string()),
        "tipologia is written already: {got:?}"
    );
    assert!(!got.contains(&"ente".to_string()));

    // After `target`, the years; after the year, the comparators.
    let got = case(&mut client, "target 2024 >= 4", "target ", "    target ");
    assert_eq!(got, ["2024", "2025", "2026"]);
    let got = case(
        &mut client,
        "target 2024 >= 4",
        "target 2024 ",
        "    target 2024 ",
    );
    assert_eq!(got, [">=", "<=", "=", ">", "<", "entro", "n.d."]);

    // Vocabulary words.
    let got = case(
        &mut client,
        "udm n.\n    target 2024 >= 4",
        "udm \n    target 2024 >= 4",
        "    udm ",
    );
    assert!(
        got.contains(&"%".to_string()) && got.contains(&"sì/no".to_string()),
        "{got:?}"
    );
    assert!(
        !got.contains(&"si/no".to_string()),
        "only canonical spellings: {got:?}"
    );
    let got = case(
        &mut client,
        "tipologia efficienza",
        "tipologia ",
        "tipologia ",
    );
    assert_eq!(
        got,
        [
            "efficienza",
            "efficacia",
            "volume",
            "qualità",
            "salute_economica"
        ]
    );
    let got = case(
        &mut client,
        "tipologia efficienza",
        "tipologia efficienza\n    tipo ",
        "tipo ",
    );
    assert!(got.contains(&"realizzazione_fisica".to_string()), "{got:?}");

    // Names a formula may use: the objective's and template's measures, other indicators,
    // the plan's measures, the functions.
    let got = case(
        &mut client,
        "formula partecipanti / imprese_registrate",
        "formula partecipanti / ",
        "partecipanti / ",
    );
    for want in [
        "partecipanti",
        "risorse_utilizzate",
        "eventi",
        "risorse",
        "imprese_registrate",
        "min",
    ] {
        assert!(got.contains(&want.to_string()), "{want} not in {got:?}");
    }
    assert!(
        !got.contains(&"copertura".to_string()),
        "the indicator itself: {got:?}"
    );
    // After a name, an operator is wanted: nothing.
    let got = case(
        &mut client,
        "formula partecipanti / imprese_registrate",
        "formula partecipanti ",
        "partecipanti ",
    );
    assert!(got.is_empty(), "{got:?}");

    // Codes of strategic lines and ambiti, with their titles.
    let got = case(
        &mut client,
        "  strategico 01_01\n  missione 011",
        "  strategico \n  missione 011",
        "  strategico ",
    );
    assert_eq!(got, ["01_01", "03_01"]);
    let got = case(&mut client, "  ambito 1\n}", "  ambito \n}", "  ambito ");
    assert_eq!(got, ["1", "3"]);
    // Missions and programmes of the registry.
    let got = case(
        &mut client,
        "missione 011 programma 005",
        "missione ",
        "missione ",
    );
    assert_eq!(got, ["011", "012", "016", "032", "033"]);
    let got = case(
        &mut client,
        "missione 011 programma 005",
        "missione 032 programma ",
        "programma ",
    );
    assert_eq!(got, ["002", "003", "004"]);
    // Templates.
    let got = case(
        &mut client,
        "modello utilizzo_risorse\n",
        "modello \n",
        "    modello ",
    );
    assert_eq!(got, ["utilizzo_risorse"]);
    // The comparti, after `comparto` in the `piano` block.
    let got = case(
        &mut client,
        "  comparto camera\n",
        "  comparto \n",
        "  comparto ",
    );
    assert_eq!(
        got,
        [
            "camera",
            "ente_locale",
            "regione",
            "stato",
            "universita",
            "altro"
        ]
    );
    // `risorse { ... }`: a row starts with a year, then the cost nature.
    let got = case(
        &mut client,
        "  risorse 439.846,96 €\n",
        "  risorse {\n    \n  }\n",
        "  risorse {\n    ",
    );
    assert_eq!(got, ["2024", "2025", "2026"]);
    let got = case(
        &mut client,
        "  risorse 439.846,96 €\n",
        "  risorse {\n    2025 \n  }\n",
        "  risorse {\n    2025 ",
    );
    assert_eq!(
        got,
        ["personale", "funzionamento", "interventi", "ammortamenti"]
    );
    // Top level: the items.
    let got = case(
        &mut client,
        "misura non_usata",
        "\nmisura non_usata",
        "\n\n",
    );
    assert!(got.contains(&"obiettivo".to_string()), "{got:?}");
    // Nothing inside a string or a comment.
    let got = case(
        &mut client,
        "\"Eventi di sensibilizzazione\"",
        "\"Eventi di ",
        "\"Eventi di ",
    );
    assert!(got.is_empty(), "{got:?}");
    client.shutdown();
}

#[test]
fn target_snippets_and_their_plain_form() {
    let base = fixture("weights.piano");
    let text = base.replacen("    target 2025 n.d.\n    target 2026 n.d.\n", "    \n", 1);
    let (l, c) = end_of(&text, "target 2024 >= 4\n    ");
    let item = |init: Value| {
        let mut client = TestClient::start_with(init);
        client.open("p.piano", &text);
        let got = client
            .request("textDocument/completion", at("p.piano", l, c))
            .unwrap();
        client.shutdown();
        got.as_array()
            .unwrap()
            .iter()
            .find(|i| i["label"] == "target 2025")
            .cloned()
            .expect("a target 2025 item")
    };
    let snippet = item(crate::client::default_init());
    assert_eq!(snippet["insertTextFormat"], 2);
    assert_eq!(
        snippet["textEdit"]["newText"],
        "target 2025 ${1|>=,<=,=,>,<,entro,n.d.|} $0"
    );
    let plain = item(json!({"capabilities": {}}));
    assert_eq!(plain.get("insertTextFormat"), None);
    assert_eq!(plain["textEdit"]["newText"], "target 2025 ");
}

#[test]
fn a_typed_space_completes_values_not_indentation() {
    let base = fixture("weights.piano");
    let text = base.replacen("tipologia efficienza", "tipologia ", 1);
    let mut client = TestClient::start();
    client.open("p.piano", &text);
    let ask = |client: &mut TestClient, l: u32, c: u32| {
        let mut p = at("p.piano", l, c);
        p["context"] = json!({"triggerKind": 2, "triggerCharacter": " "});
        client.request("textDocument/completion", p).unwrap()
    };
    let (l, c) = position_of(&text, "tipologia ", 0, 10);
    assert_eq!(labels(&ask(&mut client, l, c)).len(), 5);
    let (l, _) = position_of(&text, "    udm n.", 0, 0);
    assert_eq!(ask(&mut client, l, 2), Value::Null);
    client.shutdown();
}
