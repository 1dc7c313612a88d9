//! Hover, definition, references, completion and code actions at every position (every
//! character boundary, in UTF-16 columns, and each line's end) of every shipped plan and of
//! broken ones: every answer is a result, never an error, and the server never stops.

use crate::client::{TestClient, uri};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// Requests sent before their answers are read: enough to keep the server busy, few enough
/// to keep memory small.
const CHUNK: usize = 2_000;

fn files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("editors/samples/sample.piano")];
    for dir in ["plans", "tests/lsp/fixtures", "tests/syntax"] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "piano"))
            .collect();
        found.sort();
        files.extend(found);
    }
    files
}

/// Every position of a text: each character's start and each line's end.
fn positions(text: &str) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for (line, body) in text.split('\n').enumerate() {
        let body = body.strip_suffix('\r').unwrap_or(body);
        let mut col = 0u32;
        for c in body.chars() {
            out.push((line as u32, col));
            col += c.len_utf16() as u32;
        }
        out.push((line as u32, col));
    }
    out
}

#[test]
fn every_request_at_every_position_is_answered() {
    let mut client = TestClient::start();
    let mut total = 0;
    for (n, path) in files().iter().enumerate() {
        let bytes = std::fs::read(path).unwrap();
        let text = piano::source::Source::from_bytes("x", &bytes).0.text;
        let name = format!("{n}.piano");
        client.open(&name, &text);
        let doc = json!({"uri": uri(&name)});
        let positions = positions(&text);
        for chunk in positions.chunks(CHUNK / 5) {
            let mut batch: Vec<(&str, Value)> = Vec::with_capacity(chunk.len() * 5);
            for &(line, character) in chunk {
                let pos = json!({"line": line, "character": character});
                let at = json!({"textDocument": doc, "position": pos});
                batch.push(("textDocument/hover", at.clone()));
                batch.push(("textDocument/definition", at.clone()));
                batch.push(("textDocument/completion", at.clone()));
                let mut refs = at;
                refs["context"] = json!({"includeDeclaration": true});
                batch.push(("textDocument/references", refs));
                batch.push((
                    "textDocument/codeAction",
                    json!({
                        "textDocument": doc,
                        "range": {"start": pos, "end": pos},
                        "context": {"diagnostics": []}
                    }),
                ));
            }
            for (answer, (line, character)) in client
                .requests(batch)
                .into_iter()
                .zip(chunk.iter().flat_map(|p| std::iter::repeat_n(p, 5)))
            {
                if let Err(e) = answer {
                    panic!("{}:{line}:{character}: {e:?}", path.display());
                }
                total += 1;
            }
        }
    }
    assert!(total > 300_000, "only {total} requests");
    client.shutdown();
}
