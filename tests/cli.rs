//! `piano check` as a user runs it: exit statuses, summary, formats, languages.

use std::path::Path;
use std::process::{Command, Output};

fn piano(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_piano"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
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

#[test]
fn a_clean_plan_exits_0_with_a_one_line_summary() {
    let o = piano(&["check", "plans/esempio.piano"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "");
    assert_eq!(stderr(&o), "piano: 1 file controllato: nessun problema\n");
    let o = piano(&["check", "-q", "plans/esempio.piano"]);
    assert_eq!((stdout(&o), stderr(&o)), (String::new(), String::new()));
}

#[test]
fn errors_exit_1_and_name_their_file() {
    let o = piano(&[
        "check",
        "tests/syntax/ambiguous_number.piano",
        "plans/esempio.piano",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("tests/syntax/ambiguous_number.piano:2:11"));
    assert!(stderr(&o).contains("2 file controllati"));
}

#[test]
fn warnings_pass_unless_denied() {
    let file = "tests/check/N0204_unused_measure.piano";
    assert_eq!(piano(&["check", file]).status.code(), Some(0));
    assert_eq!(
        piano(&["check", "--deny-warnings", file]).status.code(),
        Some(1)
    );
}

#[test]
fn missing_files_exit_2() {
    let o = piano(&["check", "non-esiste.piano"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("F0001"));
    let o = piano(&["check"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Guards the directory walk (commands/files.rs): plans in nested folders are found, in a
/// stable order; other files, hidden folders and hidden files are skipped.
#[test]
fn directories_are_searched_recursively() {
    let root = std::env::temp_dir().join(format!("piano-walk-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let clean =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/esempio.piano"))
            .expect("example plan");
    let broken = "piano \"Rotto\" {\n  anno 2.5\n}\n";
    let files = [
        ("a.piano", clean.as_str()),
        ("uffici/b.piano", broken),
        ("uffici/2024/giugno/c.piano", broken),
        ("uffici/note.txt", broken),
        ("uffici/.nascosto.piano", broken),
        (".git/d.piano", broken),
        ("uffici/.bozze/e.piano", broken),
    ];
    for (name, text) in files {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
    }
    let o = Command::new(env!("CARGO_BIN_EXE_piano"))
        .args(["check", "--format", "short", "."])
        .current_dir(&root)
        .env_remove("PIANO_LANG")
        .env("NO_COLOR", "1")
        .output()
        .expect("piano runs");
    let _ = std::fs::remove_dir_all(&root);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("3 file controllati"),
        "a.piano, b.piano and c.piano only: {}",
        stderr(&o)
    );
    // The two broken plans found, deepest folder included, in sorted order; nothing from
    // hidden places.
    let named: Vec<String> = stdout(&o)
        .lines()
        .filter_map(|l| l.split(':').next())
        .map(|f| f.replace('\\', "/"))
        .collect();
    let mut files: Vec<&str> = named.iter().map(String::as_str).collect();
    files.dedup();
    assert_eq!(
        files,
        ["./uffici/2024/giugno/c.piano", "./uffici/b.piano"],
        "{}",
        stdout(&o)
    );
}

#[test]
fn short_and_json_formats() {
    let file = "tests/check/T0401_yes_no_with_ge.piano";
    let o = piano(&["check", "--format", "short", file]);
    assert_eq!(
        stdout(&o),
        "tests/check/T0401_yes_no_with_ge.piano:21:17: errore[T0401]: il comparatore `>=` non vale per `udm sì/no`\n"
    );
    let o = piano(&["check", "--format", "json", file]);
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 1);
    let d = &lines[0];
    assert_eq!(d["file"], file);
    assert_eq!(d["code"], "T0401");
    assert_eq!(d["severity"], "error");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(21), Some(17))
    );
    assert_eq!(
        d["end"]
            .as_u64()
            .zip(d["start"].as_u64())
            .map(|(e, s)| e - s),
        Some(2)
    );
    assert_eq!(d["help"], "scrivi `= sì` oppure `= no`");
}

#[test]
fn english_by_flag_or_environment() {
    let file = "tests/check/T0401_yes_no_with_ge.piano";
    let o = piano(&["check", "--format", "short", "--lang", "en", file]);
    assert!(stdout(&o).contains("error[T0401]: the comparator `>=` does not apply to `udm sì/no`"));
    let o = Command::new(env!("CARGO_BIN_EXE_piano"))
        .args(["check", "--format", "short", file])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PIANO_LANG", "en")
        .output()
        .expect("runs");
    assert!(stdout(&o).contains("error[T0401]"));
    assert_eq!(
        stderr(&o),
        "piano: 1 file checked: 1 error (1 with a fix to verify: `--fix --unsafe-fixes`)\n"
    );
}

#[test]
fn human_reports_use_character_columns() {
    // `€` is three bytes: the column counts it as one character.
    let o = piano(&["check", "tests/syntax/unit_repeated.piano"]);
    assert!(
        stdout(&o).contains("unit_repeated.piano:2:22]"),
        "{}",
        stdout(&o)
    );
}
