//! Snapshot tests of syntax diagnostics: one input file per case under `tests/syntax/`, each
//! snapshot holding the Italian report (as a user sees it) and the English short form.

mod common;

use piano::diagnostics::Severity;

#[test]
fn syntax_diagnostics() {
    insta::glob!("syntax/*.piano", |path| {
        let source = common::report::source(path, "syntax");
        let diagnostics = piano::syntax::parse(&source.text).diagnostics;
        assert!(
            diagnostics.iter().any(|d| d.severity() == Severity::Error),
            "{}: every case in tests/syntax must produce an error",
            path.display()
        );
        insta::assert_snapshot!(common::report::report(&source, &diagnostics));
    });
}
