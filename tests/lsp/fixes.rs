//! Every fix the checker attaches to a diagnostic is offered as a quick fix with the same
//! edits (preferred when safe), over every case of tests/fix; every warning that can be
//! accepted is offered "accept this warning", and the action accepts it; "fix all" writes
//! what `piano check --fix` writes.

use crate::client::{TestClient, apply_edits, position_at, uri};
use piano::diagnostics::{Applicability, Lang};
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::Path;

fn cases() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fix");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "piano"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

fn actions_at(client: &mut TestClient, text: &str, start: usize, end: usize) -> Vec<Value> {
    let (sl, sc) = position_at(text, start);
    let (el, ec) = position_at(text, end);
    let answer = client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": uri("plan.piano")},
                "range": {
                    "start": {"line": sl, "character": sc},
                    "end": {"line": el, "character": ec}
                },
                "context": {"diagnostics": [], "only": ["quickfix"]}
            }),
        )
        .unwrap();
    answer.as_array().unwrap().clone()
}

fn codes(published: &Value) -> Vec<String> {
    published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_fix_is_a_quick_fix() {
    let mut client = TestClient::start();
    let mut summary = String::new();
    let mut version = 1;
    client.open("plan.piano", "");
    for (name, text) in cases() {
        version += 1;
        client.change("plan.piano", version, &text);
        let published = client.diagnostics(&uri("plan.piano"));
        let checked = piano::check_plan(&piano::source::Source::new("", text.as_str()));
        let shown: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.accepted.is_none())
            .collect();
        assert_eq!(codes(&published).len(), shown.len(), "{name}");
        let mut offered = 0;
        for d in shown {
            let fixes = d.texts(Lang::It).fixes;
            let actions = actions_at(&mut client, &text, d.span.start, d.span.end);
            for fix in fixes.iter().filter(|f| !f.edits.is_empty()) {
                // The menu item is the title with a capital letter ("Scrivi `%`").
                let mut title = fix.title.chars();
                let title: String = title
                    .next()
                    .map_or(String::new(), |c| c.to_uppercase().chain(title).collect());
                let action = actions
                    .iter()
                    .find(|a| a["title"] == title.as_str())
                    .unwrap_or_else(|| panic!("{name}: {} `{}` not offered", d.code(), fix.title));
                assert_eq!(action["kind"], "quickfix");
                let safe = fix.applicability == Applicability::Safe;
                assert_eq!(action["isPreferred"], safe, "{name}: {}", fix.title);
                let got = apply_edits(&text, &action["edit"]["changes"][uri("plan.piano")]);
                let edits: Vec<_> = fix.edits.iter().collect();
                assert_eq!(
                    got,
                    piano::repair::apply(&text, &edits),
                    "{name}: {}",
                    fix.title
                );
                offered += 1;
                let _ = writeln!(
                    summary,
                    "{name}: {} → {}{}",
                    d.code(),
                    fix.title,
                    if safe { " (preferita)" } else { "" }
                );
            }
            if piano::check::accept::can_accept(d.code()) {
                let title = format!("Accetta l'avviso {} (# consenti)", d.code());
                let action = actions
                    .iter()
                    .find(|a| a["title"] == title.as_str())
                    .unwrap_or_else(|| panic!("{name}: no `{title}`"));
                // Applied, the warning is accepted and nothing else changes.
                let accepted = apply_edits(&text, &action["edit"]["changes"][uri("plan.piano")]);
                let after = piano::check_plan(&piano::source::Source::new("", accepted.as_str()));
                let before_codes: Vec<_> = checked.diagnostics.iter().map(|d| d.code()).collect();
                let after_codes: Vec<_> = after.diagnostics.iter().map(|d| d.code()).collect();
                assert_eq!(after_codes, before_codes, "{name}: {title}");
                let now_accepted = after
                    .diagnostics
                    .iter()
                    .filter(|x| x.accepted.is_some())
                    .count();
                let was_accepted = checked
                    .diagnostics
                    .iter()
                    .filter(|x| x.accepted.is_some())
                    .count();
                assert!(
                    now_accepted > was_accepted,
                    "{name}: {title} accepts nothing"
                );
            }
        }
        assert!(offered > 0, "{name}: no quick fix offered");
    }
    client.shutdown();
    insta::assert_snapshot!(summary);
}
