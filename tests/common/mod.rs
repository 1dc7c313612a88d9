//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// True under CI (`CI=true`), where a missing tool is a failure rather than a skip.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Whether a test that needs `tool` can run: when the tool is missing it says so loudly and
/// returns false, or panics under CI.
///
/// The notice is written to the process's standard error directly, not with `eprintln!`:
/// the test harness captures what the print macros write (and shows it only for failures), so
/// a skip would pass as a plain `ok`. A direct write reaches `cargo test`'s normal output;
/// under cargo-nextest, `.config/nextest.toml` shows the output of passing tests.
pub fn require_tool(available: bool, tool: &str) -> bool {
    if available {
        return true;
    }
    if in_ci() {
        panic!("{tool} is required under CI=true but is missing (.ci/run installs it)");
    }
    let thread = std::thread::current();
    let test = thread.name().filter(|n| *n != "main").unwrap_or("a test");
    let notice = format!(
        "\n!!! SKIPPED {test}: {tool} is not installed; run .ci/run (or install it) to run this test\n\n"
    );
    use std::io::Write;
    let _ = std::io::stderr().write_all(notice.as_bytes());
    false
}

pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Runs a command in `dir` and fails the test, with its output, if it fails.
pub fn run_in(dir: &Path, program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{program} {args:?} failed in {}:\n{stdout}\n{stderr}",
        dir.display()
    );
    stdout
}
pub mod files;
pub mod known;
pub mod mutate;
pub mod properties;
pub mod report;
pub mod unspanned;
pub mod workbooks;
#[allow(unused_imports)]
pub use unspanned::unspanned;
