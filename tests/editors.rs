//! The editor support under `editors/`: the VS Code grammar's scope tests (vscode-tmgrammar-test,
//! installed by `.ci/run` with `npm ci`) and the Vim runtime files' checks.

mod common;

use common::{require_tool, run_in};
use std::path::Path;

#[test]
fn vscode_grammar_scope_tests_pass() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/vscode");
    let tool = dir.join("node_modules/.bin/vscode-tmgrammar-test");
    if !require_tool(
        tool.exists(),
        "vscode-tmgrammar-test (run `npm ci` in editors/vscode)",
    ) {
        return;
    }
    run_in(&dir, "npm", &["test", "--silent"]);
}

#[test]
fn vim_runtime_files_load_and_highlight() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/vim");
    if !require_tool(common::on_path("vim") || common::on_path("nvim"), "vim") {
        return;
    }
    run_in(&dir, "bash", &["test.sh"]);
}
