//! Quick fixes from the diagnostics' fixes, "accept this warning", "Spiega CODE".

use crate::client::{TestClient, default_init, fixture, position_of, uri};
use serde_json::{Value, json};

fn actions(client: &mut TestClient, name: &str, line: u32, character: u32) -> Value {
    let point = json!({"line": line, "character": character});
    client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": uri(name)},
                "range": {"start": point, "end": point},
                "context": {"diagnostics": []}
            }),
        )
        .unwrap()
}

fn titles(actions: &Value) -> Vec<&str> {
    actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect()
}

#[test]
fn a_fix_becomes_a_preferred_quick_fix() {
    let mut client = TestClient::start();
    let text = fixture("udm_entro.piano");
    client.open("plan.piano", &text);
    let (line, col) = position_of(&text, "entro\n", 0, 1);
    let got = actions(&mut client, "plan.piano", line, col);
    assert_eq!(titles(&got), ["scrivi `data`", "Spiega P0123"]);
    insta::assert_snapshot!(crate::client::pretty(&got));

    // Applied, the fix leaves a plan without errors.
    let edit = &got[0]["edit"]["changes"][uri("plan.piano")][0];
    assert_eq!(edit["newText"], "data");
    let fixed = text.replacen("udm entro", "udm data", 1);
    client.change("plan.piano", 2, &fixed);
    let published = client.diagnostics(&uri("plan.piano"));
    assert_eq!(published["diagnostics"], json!([]));
    client.shutdown();
}

#[test]
fn a_warning_can_be_accepted() {
    let mut client = TestClient::start();
    let text = fixture("weights.piano");
    client.open("plan.piano", &text);
    let (line, col) = position_of(&text, "01_04_OS01 \"", 0, 2);
    let got = actions(&mut client, "plan.piano", line, col);
    assert_eq!(
        titles(&got),
        ["Accetta l'avviso C0603 (# consenti)", "Spiega C0603"]
    );
    let edit = &got[0]["edit"]["changes"][uri("plan.piano")][0];
    assert_eq!(
        edit,
        &json!({
            "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}},
            "newText": "# consenti C0603: motivo\n"
        })
    );
    assert_eq!(got[0]["isPreferred"], false);

    // Indented like the warning's line (N0204 on a top-level measure: no indentation; an
    // indented warning is tested through the unit of the line above).
    let (line, _) = position_of(&text, "misura non_usata", 0, 0);
    let got = actions(&mut client, "plan.piano", line, 3);
    assert_eq!(
        got[0]["edit"]["changes"][uri("plan.piano")][0]["newText"],
        "# consenti N0204: motivo\n"
    );
    client.shutdown();
}

#[test]
fn accepting_adds_to_a_consenti_line_above_and_keeps_indentation() {
    let text = fixture("weights.piano").replace(
        "  misura partecipanti",
        "  # consenti N0204: spiegazione\n  misura mai_usata \"Mai usata\" n.\n  misura partecipanti",
    );
    let text = text.replace(
        "  # consenti N0204: spiegazione\n",
        "  # consenti W0501: spiegazione\n",
    );
    let mut client = TestClient::start();
    client.open("plan.piano", &text);
    let (line, _) = position_of(&text, "misura mai_usata", 0, 0);
    let got = actions(&mut client, "plan.piano", line, 4);
    let edit = &got[0]["edit"]["changes"][uri("plan.piano")][0];
    // `  # consenti W0501: ...` above: the code joins the list.
    assert_eq!(edit["newText"], " N0204");
    assert_eq!(
        edit["range"]["start"],
        json!({"line": line - 1, "character": 18})
    );

    // Without a consenti line above: a new one, indented like the measure.
    let text = fixture("weights.piano").replace(
        "  misura partecipanti",
        "  misura mai_usata \"Mai usata\" n.\n  misura partecipanti",
    );
    client.change("plan.piano", 2, &text);
    let (line, _) = position_of(&text, "misura mai_usata", 0, 0);
    let got = actions(&mut client, "plan.piano", line, 4);
    let edit = &got[0]["edit"]["changes"][uri("plan.piano")][0];
    assert_eq!(edit["newText"], "  # consenti N0204: motivo\n");
    client.shutdown();
}

#[test]
fn the_reason_is_a_snippet_placeholder_when_the_client_takes_snippets() {
    let mut init = default_init();
    init["capabilities"]["experimental"] = json!({"snippetTextEdit": true});
    init["locale"] = json!("en");
    let mut client = TestClient::start_with(init);
    let text = fixture("weights.piano");
    client.open("plan.piano", &text);
    let (line, col) = position_of(&text, "01_04_OS01 \"", 0, 2);
    let got = actions(&mut client, "plan.piano", line, col);
    assert_eq!(got[0]["title"], "Accept warning C0603 (# consenti)");
    let edit = &got[0]["edit"]["changes"][uri("plan.piano")][0];
    assert_eq!(edit["newText"], "# consenti C0603: ${1:reason}\n");
    assert_eq!(edit["insertTextFormat"], 2);
    client.shutdown();
}

#[test]
fn explain_shows_the_explanation() {
    let mut client = TestClient::start();
    let text = fixture("weights.piano");
    client.open("plan.piano", &text);
    let (line, col) = position_of(&text, "peso 33,3%", 0, 2);
    let got = actions(&mut client, "plan.piano", line, col);
    let explain = got
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Spiega W0501")
        .expect("an explanation action");
    assert_eq!(explain["kind"], "quickfix.explain");
    let command = &explain["command"];
    let answer = client.request(
        "workspace/executeCommand",
        json!({"command": command["command"], "arguments": command["arguments"]}),
    );
    assert_eq!(answer.unwrap(), Value::Null);
    let shown = client.notification("window/showMessage");
    assert_eq!(shown["type"], 3);
    assert_eq!(
        shown["message"],
        piano::diagnostics::explain::render(
            piano::diagnostics::Code::W0501,
            piano::diagnostics::Lang::It
        )
    );
    // Only the kinds asked for.
    let point = json!({"line": line, "character": col});
    let only = client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": uri("plan.piano")},
                "range": {"start": point, "end": point},
                "context": {"diagnostics": [], "only": ["quickfix.explain"]}
            }),
        )
        .unwrap();
    assert_eq!(titles(&only), ["Spiega W0501"]);
    client.shutdown();
}

#[test]
fn a_suggested_fix_is_offered_but_not_preferred() {
    // Without `comparto`: C0608, whose fix declares `comparto camera` (to be checked by
    // the writer, so not preferred).
    let text = fixture("weights.piano").replace("  comparto camera\n", "");
    let mut client = TestClient::start();
    let published = client.open("plan.piano", &text);
    assert_eq!(published["diagnostics"][0]["code"], "C0608");
    let got = actions(&mut client, "plan.piano", 2, 3);
    assert_eq!(
        titles(&got),
        [
            "dichiara `comparto camera`",
            "Accetta l'avviso C0608 (# consenti)",
            "Spiega C0608"
        ]
    );
    assert_eq!(got[0]["isPreferred"], false);
    let edit = &got[0]["edit"]["changes"][uri("plan.piano")][0];
    assert_eq!(edit["newText"], "  comparto camera\n");
    assert_eq!(edit["range"]["start"], json!({"line": 3, "character": 0}));
    client.shutdown();
}
