//! Files and output, as a user meets them: directories with symbolic links that loop, pipes,
//! devices and huge files given as plans, `-o` naming an input, writes that fail half-way, and
//! standard output that cannot be written. Every case ends, with a diagnostic or a message and
//! exit status 2, never a hang.
//!
//! The inputs of the F0005 and F0006 snapshots are made at run time (git cannot hold a pipe,
//! and 64 MiB do not belong in the repository); `/dev/zero` is a device on every Unix.
#![cfg(unix)]

mod common;

use piano::commands::files;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const PLAN: &str = "plans/esempio.piano";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("piano-files-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn piano() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_piano"));
    c.current_dir(root())
        .env_remove("PIANO_LANG")
        .env("NO_COLOR", "1");
    c
}

/// Waits for a child at most 20 s: a hang is a failure, not a stuck test run.
fn wait(mut child: Child) -> Output {
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("piano hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn run(args: &[&str]) -> Output {
    let child = piano()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("piano runs");
    wait(child)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

fn symlink(to: &str, at: &Path) {
    std::os::unix::fs::symlink(to, at).expect("symlink");
}

#[test]
fn links_that_loop_are_walked_once() {
    let dir = scratch("loops");
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(root().join(PLAN), dir.join("a.piano")).unwrap();
    std::fs::copy(root().join(PLAN), sub.join("b.piano")).unwrap();
    symlink(".", &dir.join("self"));
    symlink("..", &sub.join("parent"));
    symlink("../sub", &sub.join("again"));
    symlink("a.piano", &dir.join("alias.piano"));
    let d = dir.display().to_string();
    // The directory twice, and one of its files again by another name.
    let out = run(&["check", &d, &d, &format!("{d}/sub/../a.piano")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert_eq!(
        text(&out.stderr),
        "piano: 2 file controllati: nessun problema\n"
    );
    let (found, errors) = files::expand(std::slice::from_ref(&dir), "piano");
    assert!(errors.is_empty());
    let names: Vec<String> = found
        .iter()
        .map(|p| p.strip_prefix(&dir).unwrap().display().to_string())
        .collect();
    assert_eq!(names, ["a.piano", "sub/b.piano"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_deep_tree_is_walked_without_recursion() {
    let dir = scratch("deep");
    let mut deep = dir.clone();
    for _ in 0..200 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::copy(root().join(PLAN), deep.join("x.piano")).unwrap();
    let (found, errors) = files::expand(std::slice::from_ref(&dir), "piano");
    assert!(errors.is_empty());
    assert_eq!(found.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pipes_and_devices_are_refused_without_waiting() {
    let dir = scratch("fifo");
    let fifo = dir.join("misure.piano");
    mkfifo(&fifo);
    std::fs::copy(root().join(PLAN), dir.join("ok.piano")).unwrap();
    let f = fifo.display().to_string();
    let d = dir.display().to_string();
    let cases: Vec<Vec<&str>> = vec![
        vec!["check", &f],
        vec!["check", &d],
        vec!["check", "/dev/zero"],
        vec!["fmt", "--check", &f],
        vec!["fmt", &d],
        vec!["eval", &f, "tests/reports/misure.csv"],
        vec!["eval", "tests/reports/plan.piano", &f],
        vec!["eval", "tests/reports/plan.piano", "/dev/zero"],
        vec!["template", &f],
        vec!["template", "/dev/urandom"],
    ];
    for args in cases {
        let out = run(&args);
        let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {all}");
        assert!(all.contains("F0005"), "{args:?}: {all}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A sparse file just over the limit: no disk space, and nothing read.
fn oversized(dir: &Path) -> PathBuf {
    let path = dir.join("enorme.piano");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(files::MAX_FILE_SIZE + 1).unwrap();
    path
}

#[test]
fn oversized_files_are_refused() {
    let dir = scratch("big");
    let big = oversized(&dir);
    let b = big.display().to_string();
    for args in [
        vec!["check", b.as_str()],
        vec!["fmt", b.as_str()],
        vec!["eval", "tests/reports/plan.piano", b.as_str()],
    ] {
        let out = run(&args);
        let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {all}");
        assert!(all.contains("F0006"), "{args:?}: {all}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn f0005_not_a_regular_file() {
    let dir = scratch("snap-fifo");
    let fifo = dir.join("misure.piano");
    mkfifo(&fifo);
    let mut out = String::new();
    for (path, name) in [
        (fifo.as_path(), "misure.piano"),
        (Path::new("/dev/zero"), "/dev/zero"),
        (dir.as_path(), "cartella"),
    ] {
        let (mut source, d) = files::read(path);
        source.name = name.into();
        let d: Vec<_> = d.into_iter().collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code().as_str(), "F0005");
        out.push_str(&common::report::report(&source, &d));
    }
    insta::assert_snapshot!(out);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn f0006_file_too_large() {
    let dir = scratch("snap-big");
    let (mut source, d) = files::read(&oversized(&dir));
    source.name = "enorme.piano".into();
    let d: Vec<_> = d.into_iter().collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code().as_str(), "F0006");
    insta::assert_snapshot!(common::report::report(&source, &d));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_output_that_is_an_input_is_refused() {
    let dir = scratch("self");
    let plan = dir.join("plan.piano");
    let csv = dir.join("misure.csv");
    std::fs::copy(root().join("tests/reports/plan.piano"), &plan).unwrap();
    std::fs::copy(root().join("tests/reports/misure.csv"), &csv).unwrap();
    symlink("plan.piano", &dir.join("link.piano"));
    let before = (std::fs::read(&plan).unwrap(), std::fs::read(&csv).unwrap());
    let (p, c) = (plan.display().to_string(), csv.display().to_string());
    let link = dir.join("link.piano").display().to_string();
    let dotted = format!("{}/./plan.piano", dir.display());
    for args in [
        vec!["eval", &p, &c, "-o", &p],
        vec!["eval", &p, &c, "-o", &c],
        vec!["eval", &p, &c, "--format", "html", "-o", &link],
        vec!["eval", &p, &c, "-o", &dotted],
        vec!["template", &p, "-o", &p],
        vec!["template", &link, "-o", &dotted],
    ] {
        let out = run(&args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("è un file che il comando legge"),
            "{stderr}"
        );
        assert_eq!(text(&out.stdout), "");
    }
    let after = (std::fs::read(&plan).unwrap(), std::fs::read(&csv).unwrap());
    assert!(before == after, "an input was written");
    // Another file is fine, and is written whole.
    let report = dir.join("report.json").display().to_string();
    let out = run(&["eval", &p, &c, "--format", "json", "-o", &report]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&report).unwrap();
    assert!(serde_json::from_str::<serde_json::Value>(&written).is_ok());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Mode bits and what else is in the directory.
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn written_files_keep_their_permissions_and_nothing_is_left_beside_them() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("perm");
    let plan = dir.join("messy.piano");
    std::fs::write(
        &plan,
        "piano \"P\" {\n anno 2024\n  ente \"E\"\ntriennio 2024-2026\n}\n",
    )
    .unwrap();
    std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o604)).unwrap();
    let out = run(&["fmt", &plan.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        std::fs::read_to_string(&plan)
            .unwrap()
            .starts_with("piano \"P\" {\n  ente")
    );
    assert_eq!(mode(&plan), 0o604);

    let report = dir.join("template.csv");
    std::fs::write(&report, "old").unwrap();
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o600)).unwrap();
    let r = report.display().to_string();
    let out = run(&["template", "tests/reports/plan.piano", "-o", &r]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .starts_with("\u{FEFF}codice;")
    );
    assert_eq!(mode(&report), 0o600);
    assert_eq!(entries(&dir), ["messy.piano", "template.csv"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_read_only_plan_is_not_formatted() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("readonly");
    let plan = dir.join("messy.piano");
    let messy = "piano \"P\" {\n anno 2024\n  ente \"E\"\ntriennio 2024-2026\n}\n";
    std::fs::write(&plan, messy).unwrap();
    std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o444)).unwrap();
    // Root may write anyway: then the file is simply formatted.
    let out = run(&["fmt", &plan.display().to_string()]);
    if std::fs::read_to_string(&plan).unwrap() == messy {
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out.stderr).contains("il file resta com'era"));
    }
    assert_eq!(mode(&plan), 0o444);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `piano fmt` killed while it writes (here by the file size limit, SIGXFSZ, half-way through
/// the new text): with a truncate-then-write the plan was left cut short; now it is whole.
#[test]
fn a_kill_during_the_write_leaves_the_plan_whole() {
    let dir = scratch("killed");
    let plan = dir.join("grande.piano");
    // About 20 KB, badly indented: its formatted text is longer than the 8 KiB allowed.
    let mut messy = std::fs::read_to_string(root().join(PLAN))
        .unwrap()
        .replace("\n  ", "\n");
    for n in 0..500 {
        messy.push_str(&format!("# commento numero {n}, per fare volume\n"));
    }
    std::fs::write(&plan, &messy).unwrap();
    let formatted = piano::fmt::format(&messy);
    assert!(formatted.is_ok(), "the test plan formats");
    let script = format!(
        "ulimit -f 16; exec '{}' fmt '{}'",
        env!("CARGO_BIN_EXE_piano"),
        plan.display()
    );
    let child = Command::new("sh")
        .args(["-c", &script])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait(child);
    assert!(!out.status.success(), "the write was not cut: {out:?}");
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), messy);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs with standard output on `/dev/full`.
fn to_full_disk(args: &[&str]) -> Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let child = piano()
        .args(args)
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait(child)
}

#[test]
fn a_full_disk_on_standard_output_is_exit_2_for_every_command() {
    for args in [
        vec!["check", "tests/syntax/ambiguous_number.piano"],
        vec![
            "check",
            "--format",
            "json",
            "tests/syntax/ambiguous_number.piano",
        ],
        vec!["fmt", "--diff", "tests/fmt/order.piano"],
        vec!["fmt", "--check", "tests/fmt/order.piano"],
        vec![
            "eval",
            "tests/reports/plan.piano",
            "tests/reports/misure.csv",
        ],
        vec![
            "eval",
            "tests/reports/plan.piano",
            "tests/reports/misure.csv",
            "--format",
            "html",
        ],
        vec![
            "eval",
            "tests/reports/plan.piano",
            "tests/reports/misure.csv",
            "--format",
            "json",
        ],
        vec!["template", "tests/reports/plan.piano"],
        vec!["explain", "P0107"],
    ] {
        let out = to_full_disk(&args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("impossibile scrivere sullo standard output"),
            "{args:?}: {stderr}"
        );
    }
    let out = to_full_disk(&["explain", "P0107", "--lang", "en"]);
    assert!(text(&out.stderr).contains("cannot write to standard output"));
}

#[test]
fn a_closed_pipe_stays_quiet() {
    // More than a pipe holds, so that the write meets the closed end whatever the timing.
    let args = [
        "eval",
        "plans/pistoia-prato-2024.piano",
        "plans/pistoia-prato-2024-06-30.csv",
        "--format",
        "html",
    ];
    let whole = piano().args(args).output().unwrap();
    assert!(
        whole.stdout.len() > 1 << 16,
        "the output must exceed a pipe's buffer"
    );
    let mut child = piano()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = wait(child);
    assert_eq!(out.status.code(), whole.status.code());
    assert_eq!(out.stderr, whole.stderr, "nothing said about the pipe");
}
