//! Neovim as a real client (Debian's 0.7, hence `vim.lsp.start_client`): it starts
//! `piano lsp` on a broken plan, reads back the diagnostics and applies a formatting edit.

use crate::common::{on_path, require_tool};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// Runs `script` (of tests/lsp/neovim) in headless Neovim on a copy of broken.piano, with
/// `piano` on PATH; returns the plan's text and what the script wrote.
fn run(script: &str, tag: &str) -> (String, Value) {
    run_on(script, tag, "tests/lsp/neovim/broken.piano")
}

/// `run` on a copy of `plan` (a path in the repository).
fn run_on(script: &str, tag: &str, plan: &str) -> (String, Value) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let here = root.join("tests/lsp/neovim");
    let dir = std::env::temp_dir().join(format!("piano-nvim-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(root.join(plan)).unwrap();
    let plan = dir.join("plan.piano");
    std::fs::write(&plan, &text).unwrap();
    let out = dir.join("result.json");
    let bin = Path::new(env!("CARGO_BIN_EXE_piano"));
    let path = std::env::join_paths(std::iter::once(bin.parent().unwrap().to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    let status = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c"])
        .arg(format!("luafile {}", here.join(script).display()))
        .env("PATH", path)
        .env("PIANO_BIN", bin)
        .env("PIANO_SNIPPET", root.join("editors/neovim/piano.lua"))
        .env("PIANO_PLAN", &plan)
        .env("PIANO_OUT", &out)
        .env_remove("PIANO_LANG")
        .stdin(std::process::Stdio::null())
        .status()
        .expect("nvim runs");
    assert!(status.success(), "nvim exited with {status}");
    let result: Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("nvim wrote its result"))
            .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(result.get("error"), None, "{result}");
    (text, result)
}

#[test]
fn neovim_shows_diagnostics_and_formats() {
    if !require_tool(on_path("nvim"), "nvim (Neovim)") {
        return;
    }
    let (text, result) = run("client.lua", "client");

    // One diagnostic, N0202 on `9`, after `€` and an emoji: Neovim's columns are bytes,
    // converted from the server's UTF-16 columns.
    let diagnostics = result["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{result}");
    let d = &diagnostics[0];
    assert_eq!(d["code"], "N0202");
    assert_eq!(d["severity"], 1);
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .starts_with("ambito `9` non definito")
    );
    let lnum = text.lines().position(|l| l.contains("ambito 9")).unwrap();
    let line = text.lines().nth(lnum).unwrap();
    assert_eq!(d["lnum"], lnum);
    assert_eq!(d["col"], line.find("9 }").unwrap());
    assert_eq!(d["end_col"], line.find("9 }").unwrap() + 1);

    assert_eq!(result["offset_encoding"], "utf-16");
    assert_eq!(result["edits"], 1);
    assert_eq!(result["formatted"], piano::fmt::format(&text).unwrap());
}

/// The configuration of editors/neovim works as written (its 0.7 branch here).
#[test]
fn the_neovim_snippet_starts_the_server() {
    if !require_tool(on_path("nvim"), "nvim (Neovim)") {
        return;
    }
    let (_, result) = run("snippet.lua", "snippet");
    assert_eq!(result["filetype"], "piano");
    assert_eq!(result["codes"], serde_json::json!(["N0202"]));
}

/// What the issue asks of an editor, done in Neovim: a wrong weight shows while typing, the
/// quick fix repairs the rounded weights, the outline lists the objectives, definition and
/// hover work on a measure in a formula, completion offers fields and codes.
#[test]
fn neovim_fixes_navigates_and_completes() {
    if !require_tool(on_path("nvim"), "nvim (Neovim)") {
        return;
    }
    let (text, result) = run_on(
        "workflow.lua",
        "workflow",
        "tests/lsp/fixtures/weights.piano",
    );
    let codes = |key: &str| -> Vec<String> {
        result[key]
            .as_array()
            .unwrap_or_else(|| panic!("{key}: {result}"))
            .iter()
            .map(|c| c.as_str().unwrap().to_string())
            .collect()
    };
    assert!(codes("opened").contains(&"W0501".to_string()), "{result}");
    assert_eq!(result["typed"], true, "{result}");
    // The objective's weights no longer add up: one more weight warning.
    let mut new = codes("after_typing");
    for c in codes("opened") {
        let at = new.iter().position(|x| *x == c).unwrap();
        new.remove(at);
    }
    assert!(new.len() == 1 && new[0].starts_with('W'), "{result}");

    assert_eq!(
        result["applied"],
        "Togli le righe `peso` e scrivi `pesi uguali`"
    );
    assert_eq!(result["fixed"], true, "{result}");
    assert!(!codes("after_fix").contains(&"W0501".to_string()));
    // The fix's own text, as `piano check --fix` would write it.
    let repaired = piano::repair::repair(
        &text,
        piano::repair::Options::default(),
        piano::diagnostics::Lang::It,
    );
    assert_eq!(result["text"], repaired.text);
    assert!(!repaired.text.contains("peso 33,3%") && repaired.text.contains("pesi uguali"));

    assert_eq!(
        result["objectives"],
        serde_json::json!(["01_01_OS01", "01_04_OS01"])
    );
    assert_eq!(result["definition_line"], result["measure_line"]);
    assert!(
        result["hover"]
            .as_str()
            .is_some_and(|h| h.contains("Totale imprese registrate")),
        "{result}"
    );
    let fields = codes("fields");
    // The fields not yet written in that indicator (it has `udm` and `peso`).
    assert!(!fields.iter().any(|f| f == "udm"), "{fields:?}");
    for field in ["target", "formula", "nota"] {
        assert!(
            fields.iter().any(|f| f.starts_with(field)),
            "{field}: {fields:?}"
        );
    }
    let missions = codes("missions");
    assert!(
        missions.iter().any(|m| m.starts_with("011")),
        "{missions:?}"
    );
}
