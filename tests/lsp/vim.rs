//! editors/vim registers `piano lsp` with vim-lsp (plugin/piano_lsp.vim) and ALE
//! (ale_linters/piano/piano.vim) (against stand-ins for the
//! two plugins, which are not installed).

use crate::common::{on_path, require_tool};
use std::path::Path;
use std::process::Command;

#[test]
fn vim_configuration_registers_the_server() {
    if !require_tool(on_path("vim"), "vim") {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::env::temp_dir().join(format!("piano-vim-lsp-{}.txt", std::process::id()));
    let status = Command::new("vim")
        .args(["-u", "NONE", "-i", "NONE", "-N", "-es", "-S"])
        .arg(root.join("tests/lsp/vim/stubs.vim"))
        .env("PIANO_VIM_DIR", root.join("editors/vim"))
        .env("PIANO_OUT", &out)
        .stdin(std::process::Stdio::null())
        .status()
        .expect("vim runs");
    let got = std::fs::read_to_string(&out).unwrap_or_default();
    let _ = std::fs::remove_file(&out);
    assert!(status.success(), "vim exited with {status}: {got}");
    assert_eq!(
        got,
        "vim-lsp name=piano\nvim-lsp cmd=piano lsp\nvim-lsp allowlist=piano\nale filetype=piano\nale lsp=stdio\nale command=%e lsp\nale executable=piano\n"
    );
}
