//! A plan's text during `piano eval`, which needs it only to show diagnostics. Once a large
//! plan is checked its text is let go: it is a third of what eval would hold at its peak (the
//! resolved plan keeps its own copy of every name and title). The first diagnostic that shows
//! a place in the plan reads the file again.

use super::files;
use crate::source::{Quote, Source};
use crate::span::Span;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::SystemTime;

/// A plan's text is let go from this size: below it, the memory saved is not worth a second
/// read.
pub const RELEASE_FROM: usize = crate::syntax::parser::PARALLEL_FROM;

/// What a file's metadata says of its content: taken before the first read, so that a write
/// after it (even one during that read) shows as a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
        })
    }
}

/// The plan's source, held or to be read again.
pub struct PlanText {
    source: OnceLock<Source>,
    name: String,
    path: PathBuf,
    /// The file as it was first read; `None` when it could not be told (then the text is held).
    stamp: Option<Stamp>,
    /// The length of the text first read: a second read must give as much.
    len: usize,
}

impl PlanText {
    /// The plan read from `path` (whose metadata before the read was `stamp`), let go when it
    /// is at least `release_from` bytes and its file can be recognised later.
    pub fn new(source: Source, path: &Path, stamp: Option<Stamp>, release_from: usize) -> Self {
        let (name, len) = (source.name.clone(), source.text.len());
        let held = OnceLock::new();
        if len < release_from || stamp.is_none() {
            let _ = held.set(source);
        }
        PlanText {
            source: held,
            name,
            path: path.to_path_buf(),
            stamp,
            len,
        }
    }

    /// The plan's source, read again the first time after it was let go. If the file has
    /// changed since, the source has the plan's name and no text: diagnostics are shown
    /// without their snippet, and [`PlanText::changed`] says so.
    pub fn source(&self) -> &Source {
        self.source.get_or_init(|| {
            self.read_again()
                .unwrap_or_else(|| Source::new(self.name.clone(), ""))
        })
    }

    fn read_again(&self) -> Option<Source> {
        if Stamp::of(&self.path) != self.stamp {
            return None;
        }
        let (source, problem) = files::read_plan(&self.path);
        (problem.is_none() && source.text.len() == self.len).then_some(source)
    }

    /// Whether the plan's file changed before it could be read again: what was read has
    /// not the length of what was checked.
    pub fn changed(&self) -> bool {
        self.source.get().is_some_and(|s| s.text.len() != self.len)
    }

    /// The length of the plan's text.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the plan is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Quote for PlanText {
    fn quote(&self, span: Span) -> Option<&str> {
        self.source().text.quote(span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str, text: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("piano-plan-text-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    fn read(path: &Path) -> (Source, Option<Stamp>) {
        let stamp = Stamp::of(path);
        (files::read_plan(path).0, stamp)
    }

    #[test]
    fn a_small_plan_is_held() {
        let path = scratch("small.piano", "piano \"P\"\n");
        let (source, stamp) = read(&path);
        let plan = PlanText::new(source, &path, stamp, 100);
        std::fs::write(&path, "something else entirely\n").unwrap();
        assert_eq!(plan.source().text, "piano \"P\"\n");
        assert!(!plan.changed());
    }

    #[test]
    fn a_released_plan_is_read_again_when_quoted() {
        let path = scratch("released.piano", "piano \"Piano della performance\"\n");
        let (source, stamp) = read(&path);
        let name = source.name.clone();
        let plan = PlanText::new(source, &path, stamp, 0);
        assert!(plan.source.get().is_none(), "the text was let go");
        assert_eq!(
            plan.quote(Span::new(7, 30)),
            Some("Piano della performance")
        );
        assert_eq!(plan.source().name, name);
        assert_eq!(plan.len(), 32);
        assert!(!plan.changed());
    }

    #[test]
    fn a_plan_changed_since_its_check_is_not_quoted() {
        let path = scratch("changed.piano", "piano \"P\"\n");
        let (source, stamp) = read(&path);
        let plan = PlanText::new(source, &path, stamp, 0);
        // Longer, so that the change shows even where the clock's steps are coarse.
        std::fs::write(&path, "piano \"Q, another plan\"\n").unwrap();
        assert_eq!(plan.quote(Span::new(7, 8)), None);
        assert_eq!(plan.source().text, "");
        assert!(plan.changed());
        // A diagnostic with a place in the plan is still shown, without the plan's lines.
        let d = crate::diagnostics::Diagnostic::new(
            Span::new(7, 8),
            crate::eval::error::EvalError::DivisionByZero {
                indicator: "OS01.a".into(),
                divisor: String::new(),
            },
        );
        let options = crate::diagnostics::render::Options {
            lang: crate::diagnostics::Lang::It,
            format: crate::diagnostics::render::Format::Human,
            color: false,
        };
        let shown = crate::diagnostics::render::render(plan.source(), &[d], options);
        assert!(shown.contains("E0801"), "{shown}");
    }

    #[test]
    fn a_plan_removed_since_its_check_is_not_quoted() {
        let path = scratch("removed.piano", "piano \"P\"\n");
        let (source, stamp) = read(&path);
        let plan = PlanText::new(source, &path, stamp, 0);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(plan.quote(Span::new(7, 8)), None);
        assert!(plan.changed());
    }
}
