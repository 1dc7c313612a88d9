//! Snapshot tests of syntax diagnostics: one input file per case under `tests/syntax/`, each
//! snapshot holding the Italian report (as a user sees it) and the English short form.

use piano::diagnostics::Lang;
use piano::diagnostics::render::{Format, Options, render};
use piano::source::Source;

fn report(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).expect("test input is readable");
    let name = format!(
        "tests/syntax/{}",
        path.file_name().unwrap_or_default().to_string_lossy()
    );
    let (source, _) = Source::from_bytes(name, &bytes);
    let diagnostics = piano::syntax::parse(&source.text).diagnostics;
    let it = render(
        &source,
        &diagnostics,
        Options {
            lang: Lang::It,
            format: Format::Human,
            color: false,
        },
    );
    let en = render(
        &source,
        &diagnostics,
        Options {
            lang: Lang::En,
            format: Format::Short,
            color: false,
        },
    );
    format!("{it}\n--- en, short ---\n{en}")
}

#[test]
fn syntax_diagnostics() {
    insta::glob!("syntax/*.piano", |path| {
        let out = report(path);
        assert!(
            out.contains(": error["),
            "{}: every case in tests/syntax must produce an error",
            path.display()
        );
        insta::assert_snapshot!(out);
    });
}
