//! Text → AST: scanning into items, parsing each with pest, building the typed tree.

pub mod ast;
pub mod error;
mod expected;
mod formula;
pub mod literal;
pub(crate) mod parallel;
pub mod parser;
pub mod scan;
pub mod text;
pub mod vocab;

pub use parser::{BrokenItem, Parsed, parse, parse_with};
