//! The outline and workspace symbols.

use crate::client::{TestClient, fixture, uri};
use serde_json::json;

#[test]
fn the_outline_nests_ambiti_lines_objectives_indicators() {
    let mut client = TestClient::start();
    client.open("weights.piano", &fixture("weights.piano"));
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri("weights.piano")}}),
        )
        .unwrap();
    // ambito 1 → 01_01 → 01_01_OS01 → its measure and indicators.
    let ambito = &symbols[1];
    assert_eq!(ambito["name"], "ambito 1");
    let line = &ambito["children"][0];
    assert_eq!(line["name"], "01_01");
    let objective = &line["children"][0];
    assert_eq!(objective["name"], "01_01_OS01");
    let names: Vec<&str> = objective["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["partecipanti", "eventi", "copertura", "risorse"]);
    // A parent's range covers its children, for breadcrumbs.
    assert!(ambito["range"]["end"]["line"].as_u64() >= objective["range"]["end"]["line"].as_u64());
    insta::assert_snapshot!(crate::client::pretty(&symbols));
    client.shutdown();
}

#[test]
fn workspace_symbols_over_open_documents() {
    let mut client = TestClient::start();
    client.open("a.piano", &fixture("weights.piano"));
    client.open("b.piano", &fixture("udm_entro.piano"));
    let found = client
        .request("workspace/symbol", json!({"query": "OS01"}))
        .unwrap();
    let names: Vec<(&str, &str)> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap(),
                s["location"]["uri"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            (
                "01_01_OS01 La doppia transizione digitale",
                uri("a.piano").as_str()
            ),
            (
                "01_04_OS01 Competitività delle imprese",
                uri("a.piano").as_str()
            ),
            ("03_01_OS01 Riorganizzazione", uri("b.piano").as_str()),
        ]
    );
    // Titles match too, in any case.
    let found = client
        .request("workspace/symbol", json!({"query": "piao"}))
        .unwrap();
    assert_eq!(found[0]["name"], "piao Approvazione del PIAO");
    assert_eq!(found[0]["containerName"], "03_01_OS01");
    client.shutdown();
}
