//! Finding and reading the files a command was given.

use crate::diagnostics::{Diagnostic, FileError};
use crate::source::Source;
use crate::span::Span;
use std::path::{Path, PathBuf};

/// Expands the given paths: files as given, directories searched recursively for files with
/// `extension`, in a stable (sorted) order. Paths that do not exist are returned as errors.
pub fn expand(paths: &[PathBuf], extension: &str) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, extension, &mut files, &mut errors);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            errors.push((path.clone(), not_found()));
        }
    }
    (files, errors)
}

fn not_found() -> String {
    "file o cartella inesistente / no such file or directory".into()
}

fn walk(
    dir: &Path,
    extension: &str,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<(PathBuf, String)>,
) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            errors.push((dir.to_path_buf(), e.to_string()));
            return;
        }
    };
    entries.sort();
    for entry in entries {
        let hidden = entry
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if entry.is_dir() {
            walk(&entry, extension, files, errors);
        } else if entry.extension().is_some_and(|e| e == extension) {
            files.push(entry);
        }
    }
}

/// Reads a file; when it cannot be read, the source is empty and the diagnostic says why.
pub fn read(path: &Path) -> (Source, Option<Diagnostic>) {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => (Source::from_bytes(name, &bytes).0, None),
        Err(e) => unreadable(name, e.to_string()),
    }
}

/// Reads a plan: as [`read`], decoded as a plan (`Source::plan_from_bytes`).
pub fn read_plan(path: &Path) -> (Source, Option<Diagnostic>) {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => (Source::plan_from_bytes(name, &bytes).0, None),
        Err(e) => unreadable(name, e.to_string()),
    }
}

pub fn unreadable(name: String, error: String) -> (Source, Option<Diagnostic>) {
    (
        Source::new(name, ""),
        Some(Diagnostic::new(
            Span::point(0),
            FileError::Unreadable { error },
        )),
    )
}
