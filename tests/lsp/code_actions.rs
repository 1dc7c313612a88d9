//! Quick fixes from the diagnostics' fixes, "accept this warning", "Spiega CODE".

use crate::client::{TestClient, apply_edits, default_init, fixture, position_of, uri};
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
    assert_eq!(
        titles(&got),
        [
            "Scrivi `data`",
            "Spiega P0123",
            "Applica la correzione sicura (1)"
        ]
    );
    assert_eq!(got[0]["isPreferred"], true);
    insta::assert_snapshot!(crate::client::pretty(&got));

    // Applied, the fix leaves a plan without errors.
    let edits = &got[0]["edit"]["changes"][uri("plan.piano")];
    let fixed = apply_edits(&text, edits);
    assert_eq!(fixed, text.replacen("udm entro", "udm data", 1));
    client.change("plan.piano", 2, &fixed);
    let published = client.diagnostics(&uri("plan.piano"));
    assert_eq!(published["diagnostics"], json!([]));
    client.shutdown();
}

#[test]
fn a_warning_can_be_accepted() {
    let mut client = TestClient::start();
    let text = fixture("weights.piano");
    let before = client.open("plan.piano", &text);
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

    // Applied, the checker reads it as accepting the warning: no longer published, no
    // complaint about the comment, and nothing left to accept there.
    let accepted = apply_edits(&text, &got[0]["edit"]["changes"][uri("plan.piano")]);
    client.change("plan.piano", 2, &accepted);
    let after = client.diagnostics(&uri("plan.piano"));
    let codes = |p: &Value| -> Vec<String> {
        p["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    let mut expected = codes(&before);
    expected.retain(|c| c != "C0603");
    assert_eq!(codes(&after), expected);
    let got = actions(&mut client, "plan.piano", line + 1, col);
    assert_eq!(titles(&got), Vec::<&str>::new());
    client.change("plan.piano", 3, &text);
    client.diagnostics(&uri("plan.piano"));

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
            "Dichiara `comparto camera`",
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

#[test]
fn fix_all_applies_every_safe_fix() {
    let mut client = TestClient::start();
    let text = fixture("weights.piano").replace("udm n.", "udm entro");
    client.open("plan.piano", &text);
    let request = |client: &mut TestClient, only: Value| {
        let point = json!({"line": 0, "character": 0});
        client
            .request(
                "textDocument/codeAction",
                json!({
                    "textDocument": {"uri": uri("plan.piano")},
                    "range": {"start": point, "end": point},
                    "context": {"diagnostics": [], "only": only}
                }),
            )
            .unwrap()
    };
    for only in [json!(["source.fixAll"]), json!(["source"])] {
        let got = request(&mut client, only);
        assert_eq!(titles(&got), ["Applica tutte le correzioni sicure (3)"]);
        assert_eq!(got[0]["kind"], "source.fixAll.piano");
        // The same text as `piano check --fix`.
        let fixed = apply_edits(&text, &got[0]["edit"]["changes"][uri("plan.piano")]);
        let repaired = piano::repair::repair(
            &text,
            piano::repair::Options::default(),
            piano::diagnostics::Lang::It,
        );
        assert_eq!(fixed, repaired.text);
        assert!(!fixed.contains("udm entro") && !fixed.contains("peso 33,3%"));
    }
    assert!(
        titles(&request(&mut client, json!(["quickfix"])))
            .iter()
            .all(|t| !t.starts_with("Applica"))
    );

    // Nothing left to fix: no action.
    let repaired = piano::repair::repair(
        &text,
        piano::repair::Options::default(),
        piano::diagnostics::Lang::It,
    );
    client.change("plan.piano", 2, &repaired.text);
    assert_eq!(request(&mut client, json!(["source.fixAll"])), json!([]));
    client.shutdown();
}

#[test]
fn accepted_warnings_are_not_published() {
    let text = fixture("weights.piano").replace(
        "obiettivo 01_04_OS01",
        "# consenti C0603: codice ufficiale\nobiettivo 01_04_OS01",
    );
    let mut client = TestClient::start();
    let published = client.open("plan.piano", &text);
    let codes: Vec<&str> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(!codes.contains(&"C0603"), "{codes:?}");
    assert!(codes.contains(&"N0204"), "{codes:?}");
    // A consenti that accepts nothing is reported, with the fix that removes it.
    let stale = fixture("weights.piano").replace(
        "misura non_usata",
        "# consenti C0603: vecchio\nmisura non_usata",
    );
    client.change("plan.piano", 2, &stale);
    let published = client.diagnostics(&uri("plan.piano"));
    let n0210 = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "N0210")
        .expect("N0210");
    let start = &n0210["range"]["start"];
    let got = actions(
        &mut client,
        "plan.piano",
        start["line"].as_u64().unwrap() as u32,
        start["character"].as_u64().unwrap() as u32,
    );
    let fixed = apply_edits(&stale, &got[0]["edit"]["changes"][uri("plan.piano")]);
    assert_eq!(fixed, fixture("weights.piano"));
    client.shutdown();
}
