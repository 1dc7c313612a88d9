//! The formatted text of the hand-written messy plans in `tests/fmt/`, one snapshot per input
//! (`tests/fmt/snapshots/`). A new case is a new `.piano` file there.

use piano::fmt::format;

#[test]
fn formatted() {
    insta::with_settings!({
        snapshot_path => "fmt/snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::glob!("fmt/*.piano", |path| {
            let text = std::fs::read_to_string(path).expect("readable test input");
            let formatted = format(&text)
                .unwrap_or_else(|e| panic!("{} does not format: {e:?}", path.display()));
            insta::assert_snapshot!(formatted);
        });
    });
}
