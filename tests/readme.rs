//! The README documents every diagnostic code, with its severity.

use piano::diagnostics::{Code, Severity};

#[test]
fn readme_lists_every_code_with_its_severity() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md exists");
    for &code in Code::ALL {
        let severity = match code.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let row = format!("| {code} | {severity} |");
        assert!(readme.contains(&row), "README.md has no row `{row} ...`");
    }
}
