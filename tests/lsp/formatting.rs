//! `textDocument/formatting` is `piano fmt`.

use crate::client::{TestClient, fixture, uri};
use serde_json::json;

fn format(
    client: &mut TestClient,
    name: &str,
) -> Result<serde_json::Value, lsp_server::ResponseError> {
    client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri(name)}, "options": {"tabSize": 2, "insertSpaces": true}}),
    )
}

#[test]
fn formatting_edits_the_lines_that_change() {
    let mut client = TestClient::start();
    let text = fixture("unformatted.piano");
    client.open("plan.piano", &text);
    let edits = format(&mut client, "plan.piano").unwrap();
    insta::assert_snapshot!(crate::client::pretty(&edits));
    // Applied, the edit gives what `piano fmt` prints.
    let edit = &edits[0];
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let start = edit["range"]["start"]["line"].as_u64().unwrap() as usize;
    let end = edit["range"]["end"]["line"].as_u64().unwrap() as usize;
    assert_eq!(edit["range"]["start"]["character"], 0);
    assert_eq!(edit["range"]["end"]["character"], 0);
    let applied = format!(
        "{}{}{}",
        lines[..start].concat(),
        edit["newText"].as_str().unwrap(),
        lines[end..].concat()
    );
    assert_eq!(applied, piano::fmt::format(&text).unwrap());

    // A formatted plan needs no edit.
    client.change("plan.piano", 2, &applied);
    assert_eq!(format(&mut client, "plan.piano").unwrap(), json!([]));
    client.shutdown();
}

#[test]
fn a_plan_with_syntax_errors_is_not_formatted() {
    let mut client = TestClient::start();
    client.open("plan.piano", &fixture("syntax_error.piano"));
    let err = format(&mut client, "plan.piano").unwrap_err();
    assert_eq!(err.code, -32803);
    assert_eq!(
        err.message,
        "piano: il piano non è stato formattato perché ha un errore di sintassi; correggilo e riprova"
    );
    client.shutdown();
}
