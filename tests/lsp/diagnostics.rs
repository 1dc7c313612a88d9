//! Published diagnostics: code, severity, range in UTF-16, related information, help.

use crate::client::{TestClient, default_init, fixture};
use serde_json::json;

#[test]
fn weights_plan_diagnostics() {
    let mut client = TestClient::start();
    let published = client.open("weights.piano", &fixture("weights.piano"));
    insta::assert_snapshot!(crate::client::pretty(&published));
    client.shutdown();
}

#[test]
fn weights_plan_diagnostics_in_english() {
    let mut init = default_init();
    init["locale"] = json!("en");
    let mut client = TestClient::start_with(init);
    let published = client.open("weights.piano", &fixture("weights.piano"));
    insta::assert_snapshot!(crate::client::pretty(&published));
    client.shutdown();
}

#[test]
fn ranges_count_utf16_units() {
    let mut client = TestClient::start();
    let published = client.open("unicode.piano", &fixture("unicode.piano"));
    let d = &published["diagnostics"][0];
    assert_eq!(d["code"], "P0122");
    // `misura qualità "Qualità € 😀" punt`: 29 characters before `punt`, the emoji two
    // UTF-16 units: column 30.
    assert_eq!(
        d["range"],
        json!({"start": {"line": 8, "character": 30}, "end": {"line": 8, "character": 34}})
    );
    insta::assert_snapshot!(crate::client::pretty(&published));
    client.shutdown();
}

#[test]
fn a_syntax_error_is_published() {
    let mut client = TestClient::start();
    let published = client.open("syntax_error.piano", &fixture("syntax_error.piano"));
    insta::assert_snapshot!(crate::client::pretty(&published));
    client.shutdown();
}
