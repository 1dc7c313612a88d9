//! `piano lsp`: a language server over stdio (rust-analyzer's `lsp-server`: a synchronous
//! loop, no async runtime). Live diagnostics, quick fixes, formatting, outline, navigation,
//! hover and completion; docs/lsp.md describes it and how to set up each editor.

mod analysis;
mod blocks;
mod classification;
mod code_actions;
mod completion;
mod diagnostics;
mod documents;
mod fields;
mod formatting;
mod goto;
mod hover;
mod line_index;
mod markdown;
mod navigation;
mod rename;
mod server;
mod settings;
mod symbols;

pub use line_index::LineIndex;
pub use server::{capabilities, serve};

/// Runs the server on standard input and output until the client exits.
pub fn run_stdio() -> Result<(), String> {
    let (connection, io_threads) = lsp_server::Connection::stdio();
    let outcome = serve(&connection);
    drop(connection);
    io_threads.join().map_err(|e| e.to_string())?;
    outcome
}
