//! The handshake, the document lifecycle, superseded edits and failing requests.

use crate::client::{TestClient, default_init, fixture, uri};
use serde_json::{Value, json};
use std::time::Duration;

#[test]
fn handshake_announces_the_capabilities() {
    let client = TestClient::start();
    insta::assert_snapshot!(crate::client::pretty(&client.initialize_result));
    client.shutdown();
}

#[test]
fn open_change_close() {
    let mut client = TestClient::start();
    let text = fixture("weights.piano");
    let published = client.open("plan.piano", &text);
    assert_eq!(published["version"], 1);
    assert_eq!(published["diagnostics"].as_array().unwrap().len(), 3);

    // The weights fixed: the error goes, the two warnings stay.
    let fixed = text.replacen("peso 33,3%", "peso 33,4%", 1);
    client.change("plan.piano", 2, &fixed);
    let published = client.diagnostics(&uri("plan.piano"));
    assert_eq!(published["version"], 2);
    let codes: Vec<&str> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["N0204", "C0603"]);

    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri("plan.piano")}}),
    );
    let cleared = client.diagnostics(&uri("plan.piano"));
    assert_eq!(cleared["diagnostics"], json!([]));
    // A closed document is no longer known.
    let err = client
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri("plan.piano")}}),
        )
        .unwrap_err();
    assert!(err.message.contains("not open"), "{}", err.message);
    client.shutdown();
}

#[test]
fn a_burst_of_edits_checks_only_the_last_version() {
    let text = fixture("weights.piano");
    let mut client = TestClient::queued(default_init());
    client.open_quietly("plan.piano", &text);
    for version in 2..=5 {
        let edited = text.replace("anno 2024", &format!("anno 202{version}"));
        client.change("plan.piano", version, &edited);
    }
    client.run_server();
    let published = client.diagnostics(&uri("plan.piano"));
    assert_eq!(published["version"], 5);
    // Nothing more: versions 1 to 4 were never checked.
    assert!(client.no_notification(
        "textDocument/publishDiagnostics",
        Duration::from_millis(300)
    ));
    client.shutdown();
}

#[test]
fn a_cancelled_request_is_answered_as_such() {
    let mut client = TestClient::queued(default_init());
    client.open_quietly("plan.piano", &fixture("weights.piano"));
    // Queued with its cancellation before the server reads either.
    let id = client.send(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri("plan.piano")}}),
    );
    client.notify("$/cancelRequest", json!({ "id": id }));
    client.run_server();
    assert_eq!(client.answer(id).unwrap_err().code, -32800);
    client.shutdown();
}

#[test]
fn bad_requests_get_errors_and_the_server_goes_on() {
    let mut client = TestClient::start();
    client.open("plan.piano", &fixture("weights.piano"));
    let err = client
        .request("textDocument/hover", json!({"nonsense": true}))
        .unwrap_err();
    assert_eq!(err.code, -32602);
    let err = client.request("piano/unknown", Value::Null).unwrap_err();
    assert_eq!(err.code, -32601);
    let err = client
        .request(
            "workspace/executeCommand",
            json!({"command": "piano.spiega", "arguments": ["X9999"]}),
        )
        .unwrap_err();
    assert_eq!(err.code, -32602);
    // Positions beyond the text are clamped, not errors.
    let hover = client.request(
        "textDocument/hover",
        crate::client::at("plan.piano", 9999, 9999),
    );
    assert_eq!(hover.unwrap(), Value::Null);
    // Still answering.
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri("plan.piano")}}),
        )
        .unwrap();
    assert!(symbols.as_array().is_some_and(|s| !s.is_empty()));
    client.shutdown();
}

#[test]
fn language_from_the_locale_or_the_settings() {
    let text = fixture("weights.piano");
    let message = |init: Value| {
        let mut client = TestClient::start_with(init);
        let published = client.open("plan.piano", &text);
        client.shutdown();
        published["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let mut english = default_init();
    english["locale"] = json!("en-GB");
    assert!(
        message(english.clone()).starts_with("the measure `non_usata` is not used"),
        "{}",
        message(english.clone())
    );
    // A client's odd value elsewhere does not cost the language.
    let mut odd = english.clone();
    odd["processId"] = json!("not a number");
    odd["capabilities"]["textDocument"] = json!(42);
    assert!(message(odd).starts_with("the measure `non_usata`"));
    let mut chosen = english.clone();
    chosen["initializationOptions"] = json!({"lang": "it"});
    assert!(message(chosen).starts_with("la misura `non_usata`"));
    assert!(message(default_init()).starts_with("la misura `non_usata`"));

    // A change of settings republishes in the new language.
    let mut client = TestClient::start();
    client.open("plan.piano", &text);
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"piano": {"lang": "en"}}}),
    );
    let published = client.diagnostics(&uri("plan.piano"));
    let first = published["diagnostics"][0]["message"].as_str().unwrap();
    assert!(first.starts_with("the measure `non_usata`"), "{first}");
    client.shutdown();
}
