//! Go to definition, find references, rename.

use crate::client::{TestClient, at, fixture, position_of, uri};
use serde_json::{Value, json};

fn lines_of(locations: &Value) -> Vec<(u64, u64)> {
    let mut out: Vec<(u64, u64)> = locations
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["range"]["start"]["line"].as_u64().unwrap(),
                l["range"]["start"]["character"].as_u64().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

fn pos(text: &str, needle: &str, nth: usize, shift: u32) -> (u64, u64) {
    let (l, c) = position_of(text, needle, nth, shift);
    (l as u64, c as u64)
}

#[test]
fn definition_and_references_of_every_kind() {
    let text = fixture("weights.piano");
    let mut client = TestClient::start();
    client.open("p.piano", &text);
    // (a use, the definition, every occurrence)
    let cases: &[(&str, usize, &str, usize)] = &[
        // A plan measure in a formula.
        ("imprese_registrate\n", 0, "imprese_registrate \"", 0),
        // A template's measure in the template's formula.
        ("risorse_utilizzate / ", 0, "risorse_utilizzate \"", 0),
        // An objective's measure.
        ("partecipanti / ", 0, "partecipanti \"", 0),
        // A template, a strategic line, an ambito.
        ("utilizzo_risorse\n    peso", 0, "utilizzo_risorse \"", 0),
        ("01_01\n  missione", 0, "01_01 \"", 0),
        ("1\n}", 0, "1 \"", 0),
    ];
    for (used, nth, defined, dnth) in cases {
        let (l, c) = position_of(&text, used, *nth, 1);
        let got = client
            .request("textDocument/definition", at("p.piano", l, c))
            .unwrap();
        assert_eq!(
            lines_of(&got),
            [pos(&text, defined, *dnth, 0)],
            "definition of {used:?}"
        );
        let refs = client
            .request(
                "textDocument/references",
                json!({"textDocument": {"uri": uri("p.piano")}, "position": {"line": l, "character": c}, "context": {"includeDeclaration": true}}),
            )
            .unwrap();
        let refs = lines_of(&refs);
        assert!(
            refs.contains(&pos(&text, defined, *dnth, 0)),
            "{used:?}: {refs:?}"
        );
        assert!(
            refs.contains(&pos(&text, used, *nth, 0)),
            "{used:?}: {refs:?}"
        );
    }
    // Without the declaration.
    let (l, c) = position_of(&text, "01_01 \"", 0, 0);
    let refs = client
        .request(
            "textDocument/references",
            json!({"textDocument": {"uri": uri("p.piano")}, "position": {"line": l, "character": c}, "context": {"includeDeclaration": false}}),
        )
        .unwrap();
    assert_eq!(lines_of(&refs), [pos(&text, "01_01\n  missione", 0, 0)]);
    // Nothing to go to on a keyword.
    let (l, c) = position_of(&text, "tipologia", 0, 2);
    let got = client
        .request("textDocument/definition", at("p.piano", l, c))
        .unwrap();
    assert_eq!(got, json!([]));
    client.shutdown();
}

fn rename(
    client: &mut TestClient,
    l: u32,
    c: u32,
    new: &str,
) -> Result<Value, lsp_server::ResponseError> {
    client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri("p.piano")}, "position": {"line": l, "character": c}, "newName": new}),
    )
}

#[test]
fn rename_replaces_every_occurrence() {
    let text = fixture("weights.piano");
    let mut client = TestClient::start();
    client.open("p.piano", &text);
    let (l, c) = position_of(&text, "partecipanti / ", 0, 3);
    let prepared = client
        .request("textDocument/prepareRename", at("p.piano", l, c))
        .unwrap();
    assert_eq!(prepared["start"], json!({"line": l, "character": c - 3}));
    let edit = rename(&mut client, l, c, "presenti").unwrap();
    let edits = &edit["changes"][uri("p.piano")];
    assert_eq!(edits.as_array().unwrap().len(), 2);
    // Applied, the plan means the same: the same diagnostics.
    let mut renamed = text.clone();
    let mut spans: Vec<(u64, u64)> = lines_of(edits);
    spans.reverse();
    for (line, col) in spans {
        let start: usize = renamed
            .split_inclusive('\n')
            .take(line as usize)
            .map(str::len)
            .sum::<usize>()
            + col as usize;
        renamed.replace_range(start..start + "partecipanti".len(), "presenti");
    }
    assert!(renamed.contains("misura presenti \"") && renamed.contains("formula presenti / "));
    let before = piano::check_source(&piano::source::Source::new("x", text.as_str()));
    let after = piano::check_source(&piano::source::Source::new("x", renamed.as_str()));
    assert_eq!(
        before.iter().map(|d| d.code()).collect::<Vec<_>>(),
        after.iter().map(|d| d.code()).collect::<Vec<_>>()
    );

    // A strategic line: its definition and the objective's line.
    let (l, c) = position_of(&text, "01_01 \"", 0, 1);
    let edit = rename(&mut client, l, c, "01_09").unwrap();
    assert_eq!(edit["changes"][uri("p.piano")].as_array().unwrap().len(), 2);
    client.shutdown();
}

#[test]
fn rename_refuses_clashes_and_invalid_names() {
    let text = fixture("weights.piano");
    let mut client = TestClient::start();
    client.open("p.piano", &text);
    let (l, c) = position_of(&text, "partecipanti / ", 0, 1);
    // A plan measure would be hidden by the objective's.
    let err = rename(&mut client, l, c, "imprese_registrate").unwrap_err();
    assert_eq!(err.code, -32803);
    assert_eq!(
        err.message,
        "`imprese_registrate` è già usato nel piano: rinominare `partecipanti` creerebbe un conflitto"
    );
    // Another indicator of the objective, a measure of a template it uses.
    assert!(rename(&mut client, l, c, "eventi").is_err());
    assert!(rename(&mut client, l, c, "risorse_stanziate").is_err());
    // Not a name.
    let err = rename(&mut client, l, c, "2partecipanti").unwrap_err();
    assert!(
        err.message
            .starts_with("`2partecipanti` non è un nome valido"),
        "{}",
        err.message
    );
    assert!(rename(&mut client, l, c, "due parole").is_err());
    // Codes: another ambito's code; not a code.
    let (l, c) = position_of(&text, "ambito 1 \"", 0, 7);
    assert!(rename(&mut client, l, c, "3").is_err());
    let err = rename(&mut client, l, c, "uno").unwrap_err();
    assert!(
        err.message.starts_with("`uno` non è un codice valido"),
        "{}",
        err.message
    );
    assert!(rename(&mut client, l, c, "2").is_ok());
    // Nothing renamable at a keyword.
    let (l, c) = position_of(&text, "tipologia", 0, 1);
    assert!(rename(&mut client, l, c, "x").is_err());
    let prepared = client
        .request("textDocument/prepareRename", at("p.piano", l, c))
        .unwrap();
    assert_eq!(prepared, Value::Null);
    client.shutdown();
}
