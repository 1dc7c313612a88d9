//! The command line speaks the user's language: `--help` of every command and clap's own
//! errors (unknown command or option, missing argument, invalid value, with their "did you
//! mean") are Italian by default and English with `--lang en` or `PIANO_LANG=en`. One case per
//! file in `tests/cli_lang/`: a command line, optionally preceded by `PIANO_LANG=..`.

use std::process::Command;

fn run(line: &str) -> std::process::Output {
    let mut words = line.split_whitespace().peekable();
    let mut command = Command::new(env!("CARGO_BIN_EXE_piano"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("PIANO_LANG")
        .env("NO_COLOR", "1");
    while let Some((key, value)) = words.peek().and_then(|w| w.split_once('=')) {
        command.env(key, value);
        words.next();
    }
    assert_eq!(
        words.next(),
        Some("piano"),
        "a case starts with `piano`: {line}"
    );
    command.args(words);
    command.output().expect("piano runs")
}

#[test]
fn help_and_errors_in_both_languages() {
    insta::glob!("cli_lang/*.args", |path| {
        let line = std::fs::read_to_string(path).expect("case");
        let out = run(line.trim());
        let shown = format!(
            "$ {}\nstatus: {}\n--- stdout\n{}--- stderr\n{}",
            line.trim(),
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        insta::assert_snapshot!(shown);
    });
}

/// No word of clap's English is left in the Italian help of any command.
#[test]
fn no_english_in_the_italian_help_of_any_command() {
    let english = [
        "Usage",
        "Options",
        "Arguments",
        "Commands",
        "Print",
        "[OPTIONS]",
        "<COMMAND>",
        "default:",
        "possible values",
        "error:",
    ];
    let commands = [
        "",
        "check",
        "fmt",
        "eval",
        "template",
        "explain",
        "completions",
        "man",
        "lsp",
        "help",
    ];
    for sub in commands {
        // clap's `help` takes no `--help`; `help help` is its help.
        let line = match sub {
            "help" => "piano help help".to_string(),
            _ => format!("piano {sub} --help"),
        };
        let out = run(&line);
        assert!(out.status.success(), "{line}");
        let help = String::from_utf8_lossy(&out.stdout);
        for word in english {
            assert!(!help.contains(word), "`{line}` says `{word}`:\n{help}");
        }
    }
}

/// An error in Italian keeps its exit status 2 and goes to standard error.
#[test]
fn errors_go_to_stderr_with_status_2() {
    for line in ["piano chek", "piano check", "piano check --format x y"] {
        let out = run(line);
        assert_eq!(out.status.code(), Some(2), "{line}");
        assert!(out.stdout.is_empty(), "{line}");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("piano: errore: "));
    }
}
