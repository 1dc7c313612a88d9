//! A test whose tool is missing says so in `cargo test`'s normal output (not only when it
//! fails), and fails under CI=true: `common::require_tool` is run here, in this very test
//! binary started again with the test harness capturing output as it does by default.

mod common;

/// Stands for a test that needs a tool: it runs only when started by the test below.
#[test]
fn probe_needing_a_missing_tool() {
    if std::env::var_os("PIANO_SKIP_PROBE").is_none() {
        return;
    }
    if !common::require_tool(false, "strumento-inesistente") {
        return;
    }
    panic!("the missing tool was found");
}

fn probe(ci: bool) -> std::process::Output {
    let mut command = std::process::Command::new(std::env::current_exe().expect("test binary"));
    command
        .args([
            "probe_needing_a_missing_tool",
            "--exact",
            "--test-threads=2",
        ])
        .env("PIANO_SKIP_PROBE", "1")
        .env_remove("CI");
    if ci {
        command.env("CI", "true");
    }
    command.output().expect("the test binary runs")
}

/// Guards the visible skip: with the harness capturing output, the notice still reaches the
/// terminal (stderr), naming the test and the tool, and the test passes; under CI=true the
/// same test fails.
#[test]
fn a_missing_tool_is_a_visible_skip_and_a_failure_under_ci() {
    let out = probe(false);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "!!! SKIPPED probe_needing_a_missing_tool: strumento-inesistente is not installed"
        ),
        "the skip is not shown:\n{stderr}"
    );
    let out = probe(true);
    assert!(!out.status.success(), "under CI=true a missing tool fails");
    assert!(String::from_utf8_lossy(&out.stdout).contains("required under CI=true"));
}

/// Guards the same notice under cargo-nextest, which shows a passing test's output only where
/// `.config/nextest.toml` says so: every test file that calls `require_tool` is listed there.
#[test]
fn nextest_shows_the_output_of_every_file_with_tool_tests() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = std::fs::read_to_string(root.join(".config/nextest.toml")).expect("config");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(root.join("tests")).expect("tests/") {
        let path = entry.expect("entry").path();
        let Some(name) = path.file_stem().and_then(|n| n.to_str()) else {
            continue;
        };
        if path.extension().is_none_or(|e| e != "rs") || name == "skips_are_visible" {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("test file");
        if text.contains("require_tool(") && !config.contains(&format!("binary(={name})")) {
            missing.push(name.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "add binary(=NAME) for {missing:?} to the filter in .config/nextest.toml"
    );
}
