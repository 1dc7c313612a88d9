//! The language server (`piano lsp`), in process over `Connection::memory()`: one module per
//! feature, fixtures in tests/lsp/fixtures, insta snapshots of the JSON the client receives;
//! a sweep of requests at every position of the shipped plans; and Neovim as a real client.

#[path = "../common/mod.rs"]
mod common;

mod client;

mod code_actions;
mod completion;
mod diagnostics;
mod fixes;
mod formatting;
mod hover;
mod lifecycle;
mod navigation;
mod neovim;
mod sweep;
mod symbols;
mod vim;
