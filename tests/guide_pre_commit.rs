//! The guide's `.pre-commit-config.yaml` works as written: the block of
//! docs/guida/06-pre-commit.md, copied verbatim into a scratch git repository of plans, passes
//! on a good plan and stops a plan with an error, with the `piano` under test on the PATH.
//! (.ci/run runs the same block from the shell too.)

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The YAML block that follows the `pre-commit-config` comment of the guide.
fn snippet() -> String {
    let guide = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/guida/06-pre-commit.md"
    ))
    .expect("guide chapter");
    let after = guide
        .split("<!-- pre-commit-config:")
        .nth(1)
        .expect("the marked block");
    let body = after.split("```yaml\n").nth(1).expect("a yaml block");
    body.split("```").next().expect("closed").to_string()
}

fn pre_commit(dir: &Path, path: &std::ffi::OsStr) -> std::process::Output {
    Command::new("pre-commit")
        .args(["run", "--all-files"])
        .current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .output()
        .expect("pre-commit runs")
}

#[test]
fn the_guides_pre_commit_config_runs_as_written() {
    if !common::require_tool(common::on_path("pre-commit"), "pre-commit") {
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/tmp/guide-pre-commit");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch");
    std::fs::write(dir.join(".pre-commit-config.yaml"), snippet()).expect("config");
    std::fs::copy(root.join("plans/esempio.piano"), dir.join("esempio.piano")).expect("plan");
    common::run_in(&dir, "git", &["init", "-q"]);
    common::run_in(&dir, "git", &["add", "."]);
    let bin = Path::new(env!("CARGO_BIN_EXE_piano"))
        .parent()
        .expect("bin")
        .to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH");

    let out = pre_commit(&dir, &path);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "a good plan must pass:\n{text}");
    assert!(
        text.contains("piano check") && text.contains("Passed"),
        "{text}"
    );

    let plan = std::fs::read_to_string(dir.join("esempio.piano")).expect("plan");
    std::fs::write(
        dir.join("errato.piano"),
        plan.replacen("peso 30%", "peso 35%", 1),
    )
    .expect("broken plan");
    common::run_in(&dir, "git", &["add", "."]);
    let out = pre_commit(&dir, &path);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        !out.status.success(),
        "a plan with an error must stop the commit:\n{text}"
    );
    assert!(text.contains("W0501"), "{text}");
}
