//! `piano fmt` as a command: what it writes, prints and exits with, on real files.

use piano::commands::fmt::{FmtArgs, Mode, run};
use piano::commands::{FAILED, OK, Outcome, USAGE};
use piano::diagnostics::Lang;
use piano::diagnostics::render::{Format, Options};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const MESSY: &str = "piano \"P\" {\n    anno 2024\n  ente \"E\" # l'ente\n triennio 2024-2026\n}\nobiettivo 01 \"O\" {\n  indicatore i {\n    udm sì/no\n    target 2026 --\n    target 2024 = si\n  }\n}\n";

fn formatted(text: &str) -> String {
    piano::fmt::format(text).expect("formattable")
}

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("piano-fmt-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn fmt(paths: &[&Path], mode: Mode, lang: Lang) -> Outcome {
    run(&FmtArgs {
        paths: paths.iter().map(|p| p.to_path_buf()).collect(),
        mode,
        options: Options {
            lang,
            format: Format::Short,
            color: false,
        },
    })
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable")
}

/// Gives a file an old modification time, to tell whether it is written again.
fn age(path: &Path) -> SystemTime {
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    let file = std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open");
    file.set_modified(old).expect("set mtime");
    old
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("mtime")
}

#[test]
fn rewrites_only_the_files_that_change() {
    let dir = scratch("write");
    let messy = dir.join("messy.piano");
    let clean = dir.join("sub/clean.piano");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(&messy, MESSY).unwrap();
    std::fs::write(&clean, formatted(MESSY)).unwrap();
    let clean_time = age(&clean);

    let out = fmt(&[&dir], Mode::Write, Lang::It);
    assert_eq!(out.status, OK);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "piano: 2 file: 1 riformattato, 1 già formattato\n"
    );
    assert_eq!(read(&messy), formatted(MESSY));
    assert!(read(&messy).contains("target 2026 n.d."));
    assert_eq!(
        modified(&clean),
        clean_time,
        "an unchanged file was written"
    );

    let again = fmt(&[&dir], Mode::Write, Lang::En);
    assert_eq!(again.stderr, "piano: 2 files: 2 already formatted\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_names_the_files_that_would_change_and_writes_nothing() {
    let dir = scratch("check");
    let messy = dir.join("messy.piano");
    let clean = dir.join("clean.piano");
    std::fs::write(&messy, MESSY).unwrap();
    std::fs::write(&clean, formatted(MESSY)).unwrap();

    let out = fmt(&[&messy, &clean], Mode::Check, Lang::It);
    assert_eq!(out.status, FAILED);
    assert_eq!(out.stdout, format!("{}\n", messy.display()));
    assert_eq!(
        out.stderr,
        "piano: 2 file: 1 da formattare, 1 già formattato\n"
    );
    assert_eq!(read(&messy), MESSY);

    let out = fmt(&[&clean], Mode::Check, Lang::En);
    assert_eq!(out.status, OK);
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr, "piano: 1 file: 1 already formatted\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn diff_shows_the_changes_and_writes_nothing() {
    let dir = scratch("diff");
    let messy = dir.join("messy.piano");
    std::fs::write(&messy, MESSY).unwrap();

    let out = fmt(&[&messy], Mode::Diff, Lang::En);
    assert_eq!(out.status, FAILED);
    let name = messy.display();
    assert!(
        out.stdout
            .starts_with(&format!("--- {name}\n+++ {name}\n@@ -1,")),
        "{}",
        out.stdout
    );
    for line in [
        "-    anno 2024\n",
        "+  anno 2024\n",
        "-    target 2026 --\n",
        "+    target 2026 n.d.\n",
        "+    target 2024 = sì\n",
    ] {
        assert!(out.stdout.contains(line), "no {line:?} in\n{}", out.stdout);
    }
    assert_eq!(out.stderr, "piano: 1 file: 1 to reformat\n");
    assert_eq!(read(&messy), MESSY);

    std::fs::write(&messy, formatted(MESSY)).unwrap();
    let out = fmt(&[&messy], Mode::Diff, Lang::En);
    assert_eq!((out.status, out.stdout.as_str()), (OK, ""));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn plans_with_syntax_errors_are_left_alone() {
    let dir = scratch("broken");
    let broken = dir.join("broken.piano");
    let text = MESSY.replace("anno 2024", "anno 2024 2025");
    std::fs::write(&broken, &text).unwrap();
    let messy = dir.join("messy.piano");
    std::fs::write(&messy, MESSY).unwrap();

    let out = fmt(&[&dir], Mode::Write, Lang::It);
    assert_eq!(out.status, FAILED);
    assert!(out.stdout.contains("errore[P0101]"), "{}", out.stdout);
    assert!(
        out.stderr
            .contains("broken.piano: non formattato, ci sono errori di sintassi"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .ends_with("piano: 2 file: 1 riformattato, 1 non formattato\n")
    );
    assert_eq!(read(&broken), text);
    assert_eq!(read(&messy), formatted(MESSY));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn line_ends_and_encoding() {
    let dir = scratch("encoding");
    let crlf = dir.join("crlf.piano");
    std::fs::write(&crlf, MESSY.replace('\n', "\r\n")).unwrap();
    // Windows-1252, as Excel and old editors save it: `€` is the byte 0x80.
    let cp1252 = dir.join("cp1252.piano");
    std::fs::write(&cp1252, b"misura m \"Costo\" \x80\n").unwrap();

    let out = fmt(&[&crlf, &cp1252], Mode::Write, Lang::It);
    assert_eq!(out.status, OK, "{out:?}");
    assert_eq!(read(&crlf), formatted(MESSY).replace('\n', "\r\n"));
    assert_eq!(read(&cp1252), "misura m \"Costo\" €\n");

    // Already formatted but not UTF-8: --diff has no line to show and says why.
    std::fs::write(&cp1252, b"misura m \"Costo\" \x80\n").unwrap();
    let out = fmt(&[&cp1252], Mode::Diff, Lang::En);
    assert_eq!(out.status, FAILED);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr
            .contains("only the encoding (Windows-1252 → UTF-8) would change")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn missing_files_and_empty_directories_are_usage_errors() {
    let dir = scratch("missing");
    let out = fmt(&[&dir.join("nope.piano")], Mode::Write, Lang::It);
    assert_eq!(out.status, USAGE);
    assert!(out.stdout.contains("F0001"), "{}", out.stdout);

    let out = fmt(&[&dir], Mode::Check, Lang::En);
    assert_eq!(out.status, USAGE);
    assert_eq!(out.stderr, "piano: no .piano file to format\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_binary_runs_fmt() {
    let dir = scratch("binary");
    let messy = dir.join("messy.piano");
    std::fs::write(&messy, MESSY).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_piano"))
            .args(args)
            .arg(&messy)
            .env_remove("PIANO_LANG")
            .output()
            .expect("piano runs")
    };
    let check = run(&["fmt", "--check", "--lang", "en"]);
    assert_eq!(check.status.code(), Some(FAILED));
    assert_eq!(
        String::from_utf8_lossy(&check.stderr),
        "piano: 1 file: 1 to reformat\n"
    );
    let write = run(&["fmt"]);
    assert_eq!(write.status.code(), Some(OK));
    assert_eq!(read(&messy), formatted(MESSY));
    assert_eq!(run(&["fmt", "--diff"]).status.code(), Some(OK));
    let _ = std::fs::remove_dir_all(&dir);
}
