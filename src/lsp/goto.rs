//! Go to definition and find references, over the navigation index.

use super::documents::Document;
use lsp_types::Location;

/// Where the name under the cursor is defined (several places when it is defined twice).
pub fn definition(doc: &Document, offset: usize) -> Vec<Location> {
    let nav = doc.analysis().nav();
    let Some(o) = nav.at(offset) else {
        return Vec::new();
    };
    nav.definitions_of(&o.symbol)
        .map(|d| Location::new(doc.uri.clone(), doc.lines.range(&doc.text, d.span)))
        .collect()
}

/// Every use of the name under the cursor, with its definitions when asked.
pub fn references(doc: &Document, offset: usize, include_declaration: bool) -> Vec<Location> {
    let nav = doc.analysis().nav();
    let Some(o) = nav.at(offset) else {
        return Vec::new();
    };
    nav.occurrences_of(&o.symbol)
        .filter(|r| include_declaration || !r.definition)
        .map(|r| Location::new(doc.uri.clone(), doc.lines.range(&doc.text, r.span)))
        .collect()
}
