//! The open documents: their text as the editor holds it (full-document sync), their version,
//! and the analysis of that text, computed once per version when something first asks for it.

use super::analysis::Analysis;
use super::line_index::LineIndex;
use lsp_types::Uri;
use std::cell::OnceCell;
use std::collections::BTreeMap;

pub struct Document {
    pub uri: Uri,
    pub version: i32,
    pub text: String,
    pub lines: LineIndex,
    analysis: OnceCell<Analysis>,
}

impl Document {
    pub fn new(uri: Uri, version: i32, text: String) -> Self {
        Document {
            uri,
            version,
            lines: LineIndex::new(&text),
            text,
            analysis: OnceCell::new(),
        }
    }

    /// Parsed and checked, once per version.
    pub fn analysis(&self) -> &Analysis {
        self.analysis.get_or_init(|| Analysis::new(&self.text))
    }
}

/// Documents by URI, in URI order (so that workspace answers are deterministic).
#[derive(Default)]
pub struct Documents {
    open: BTreeMap<String, Document>,
}

impl Documents {
    pub fn open(&mut self, uri: Uri, version: i32, text: String) {
        self.open
            .insert(uri.as_str().to_string(), Document::new(uri, version, text));
    }

    /// Replaces the text (full sync); a change for a document that is not open opens it.
    pub fn change(&mut self, uri: Uri, version: i32, text: String) {
        self.open(uri, version, text);
    }

    pub fn close(&mut self, uri: &Uri) -> Option<Document> {
        self.open.remove(uri.as_str())
    }

    pub fn get(&self, uri: &Uri) -> Option<&Document> {
        self.open.get(uri.as_str())
    }

    pub fn get_str(&self, uri: &str) -> Option<&Document> {
        self.open.get(uri)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Document> {
        self.open.values()
    }
}
