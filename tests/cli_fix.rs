//! `piano check --fix`, `--diff`, `--unsafe-fixes`, accepted warnings and the JSON fields, as
//! a user runs them (on copies in a temporary folder).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn piano(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_piano"))
        .args(args)
        .current_dir(dir)
        .env_remove("PIANO_LANG")
        .env("NO_COLOR", "1")
        .output()
        .expect("piano runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh folder holding copies of the given test inputs.
fn folder(test: &str, inputs: &[&str]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("piano-cli-fix-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temporary folder");
    for input in inputs {
        let from = repo().join(input);
        let name = from.file_name().expect("a file name");
        std::fs::copy(&from, dir.join(name)).expect("copied");
    }
    dir
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).expect("readable")
}

#[test]
fn fix_applies_the_safe_fixes_and_reports_what_remains() {
    let dir = folder(
        "safe",
        &[
            "tests/fix/P0119_iso_date.piano",
            "tests/fix/U0309_percent_without_sign.piano",
        ],
    );
    let unsafe_before = read(&dir, "U0309_percent_without_sign.piano");
    let o = piano(&dir, &["check", "--fix", "."]);
    // The percentage without `%` needs a look: it stays, and fails the run.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(read(&dir, "P0119_iso_date.piano").contains("entro 31/12/2024"));
    assert_eq!(
        read(&dir, "U0309_percent_without_sign.piano"),
        unsafe_before
    );
    let err = stderr(&o);
    assert!(
        err.contains("P0119_iso_date.piano: 1 correzione applicata (P0119)"),
        "{err}"
    );
    assert!(
        err.ends_with("piano: 2 file controllati: 1 correzione applicata; resta 1 errore\n"),
        "{err}"
    );
    assert!(stdout(&o).contains("U0309"));

    let o = piano(&dir, &["check", "--fix", "--unsafe-fixes", "."]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(read(&dir, "U0309_percent_without_sign.piano").contains(">= 90%\n"));
    let o = piano(&dir, &["check", "."]);
    assert_eq!(stderr(&o), "piano: 2 file controllati: nessun problema\n");
}

#[test]
fn fix_diff_shows_the_fixes_and_writes_nothing() {
    let dir = folder("diff", &["tests/fix/P0113_bad_comparators.piano"]);
    let before = read(&dir, "P0113_bad_comparators.piano");
    let o = piano(
        &dir,
        &["check", "--fix", "--diff", "P0113_bad_comparators.piano"],
    );
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.starts_with("--- P0113_bad_comparators.piano\n"),
        "{out}"
    );
    assert!(out.contains("\n-    target 2024 => 90%\n"), "{out}");
    assert!(out.contains("\n+    target 2024 >= 90%\n"), "{out}");
    assert_eq!(read(&dir, "P0113_bad_comparators.piano"), before);
    assert!(stderr(&o).contains("3 correzioni da applicare; poi nessun problema"));
}

#[test]
fn fix_keeps_line_ends_byte_order_mark_and_permissions() {
    let dir = folder("bytes", &[]);
    let text = std::fs::read_to_string(repo().join("tests/fix/T0402_equals_on_date.piano"))
        .expect("input");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    let path = dir.join("p.piano");
    std::fs::write(&path, &bytes).expect("written");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let o = piano(&dir, &["check", "--fix", "p.piano"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let after = std::fs::read(&path).expect("readable");
    assert!(after.starts_with(b"\xEF\xBB\xBF"));
    let after = String::from_utf8(after[3..].to_vec()).expect("UTF-8");
    assert_eq!(
        after,
        text.replace("= 31/12/2024", "entro 31/12/2024")
            .replace('\n', "\r\n")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
    // Nothing left beside it.
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert_eq!(names.len(), 1);
}

#[test]
fn a_plan_with_an_unfixable_syntax_error_is_still_fixed_where_it_can_be() {
    let dir = folder("partial", &["tests/fix/P0119_iso_date.piano"]);
    let path = dir.join("P0119_iso_date.piano");
    let text = read(&dir, "P0119_iso_date.piano") + "\n\"testo fuori\n";
    std::fs::write(&path, &text).unwrap();
    let o = piano(&dir, &["check", "--fix", "P0119_iso_date.piano"]);
    assert_eq!(o.status.code(), Some(1));
    let after = read(&dir, "P0119_iso_date.piano");
    assert!(after.contains("entro 31/12/2024"), "{after}");
    assert!(stdout(&o).contains("P0114"), "{}", stdout(&o));
}

#[test]
fn json_carries_fixes_and_accepted_warnings() {
    let o = piano(
        &repo(),
        &[
            "check",
            "--format",
            "json",
            "tests/fix/P0119_iso_date.piano",
        ],
    );
    let line = stdout(&o);
    let v: serde_json::Value = serde_json::from_str(line.trim()).expect("one JSON object");
    let fix = &v["fixes"][0];
    assert_eq!(fix["applicability"], "sicura");
    assert_eq!(fix["title"], "scrivi `31/12/2024`");
    assert_eq!(fix["edits"][0]["replacement"], "31/12/2024");
    let (start, end) = (
        fix["edits"][0]["start"].as_u64().unwrap() as usize,
        fix["edits"][0]["end"].as_u64().unwrap() as usize,
    );
    let text = std::fs::read_to_string(repo().join("tests/fix/P0119_iso_date.piano")).unwrap();
    assert_eq!(&text[start..end], "2024-12-31");
    assert_eq!(v["accettato"], false);

    let o = piano(
        &repo(),
        &[
            "check",
            "--format",
            "json",
            "tests/check/C0603_accepted_with_consenti.piano",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("one object");
    assert_eq!(v["code"], "C0603");
    assert_eq!(v["accettato"], true);
    assert_eq!(v["motivo"], "codice ufficiale della Camera");
}

#[test]
fn accepted_warnings_are_counted_apart_and_do_not_fail_deny_warnings() {
    let o = piano(&repo(), &["check", "--deny-warnings", "plans/"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), "", "accepted warnings are not printed");
    assert_eq!(
        stderr(&o),
        "piano: 3 file controllati: 2 avvisi accettati\n"
    );
    let o = piano(&repo(), &["check", "--show-accepted", "plans/"]);
    let out = stdout(&o);
    assert_eq!(out.lines().filter(|l| *l == "C0603").count(), 2, "{out}");
    assert!(out.contains("accettato con `consenti`: codice ufficiale della Camera"));
}

#[test]
fn an_unused_consenti_is_reported_and_removed_by_fix() {
    let dir = folder("unused", &["tests/check/N0210_unused_consenti.piano"]);
    let o = piano(
        &dir,
        &["check", "--deny-warnings", "N0210_unused_consenti.piano"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("N0210"));
    let o = piano(
        &dir,
        &[
            "check",
            "--fix",
            "--deny-warnings",
            "N0210_unused_consenti.piano",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!read(&dir, "N0210_unused_consenti.piano").contains("consenti"));
}

#[test]
fn diff_and_unsafe_fixes_need_fix() {
    let o = piano(&repo(), &["check", "--diff", "plans/"]);
    assert_eq!(o.status.code(), Some(2));
    let o = piano(&repo(), &["check", "--unsafe-fixes", "plans/"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_missing_file_is_named_with_its_argument_in_the_user_language() {
    let o = piano(&repo(), &["eval", "plans/esempio.piano", "manca.csv"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("impossibile leggere il file: il file non esiste"),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
    assert!(
        err.contains("`manca.csv` (il file delle misure, secondo argomento) non si può leggere"),
        "{err}"
    );
    let o = piano(
        &repo(),
        &["eval", "manca.piano", "plans/esempio.piano", "--lang", "en"],
    );
    let err = stderr(&o);
    assert!(
        err.contains("cannot read the file: the file does not exist"),
        "{err}"
    );
    assert!(
        err.contains("`manca.piano` (the plan, first argument)"),
        "{err}"
    );
    let o = piano(
        &repo(),
        &["check", "--format", "short", "manca.piano", "altro.piano"],
    );
    let out = stdout(&o);
    assert!(out.contains("manca.piano:1:1: errore[F0001]"), "{out}");
    assert!(out.contains("altro.piano:1:1: errore[F0001]"), "{out}");
}
