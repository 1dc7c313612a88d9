//! `piano completions SHELL` and `piano man`: generated from the same localised command line,
//! so their descriptions follow the language too.

use std::process::Command;

fn piano(args: &[&str], lang: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_piano"))
        .args(args)
        .env("PIANO_LANG", lang)
        .output()
        .expect("piano runs");
    assert!(
        out.status.success(),
        "piano {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn every_shell_gets_a_script_naming_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = piano(&["completions", shell], "it");
        for command in [
            "check",
            "fmt",
            "eval",
            "template",
            "explain",
            "completions",
            "man",
        ] {
            assert!(script.contains(command), "{shell}: no `{command}`");
        }
        assert!(script.contains("deny-warnings"), "{shell}: no options");
    }
    // zsh, fish and PowerShell show descriptions: in the user's language.
    let fish = piano(&["completions", "fish"], "it");
    assert!(fish.contains("Controlla i piani"), "{fish}");
    let fish = piano(&["completions", "fish"], "en");
    assert!(fish.contains("Check plans"), "{fish}");
}

#[test]
fn the_bash_script_is_valid_bash_and_completes_commands() {
    let dir = std::env::temp_dir().join(format!("piano-completions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let script = dir.join("piano.bash");
    std::fs::write(&script, piano(&["completions", "bash"], "it")).expect("write");
    // Source the script, then ask it what follows `piano ch` and `piano check --deny`.
    let probe = format!(
        "source {}; COMP_WORDS=(piano ch); COMP_CWORD=1; _piano piano ch piano; echo \"${{COMPREPLY[@]}}\"; \
         COMP_WORDS=(piano check --deny); COMP_CWORD=2; _piano piano --deny check; echo \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let out = Command::new("bash")
        .args(["-c", &probe])
        .output()
        .expect("bash");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut lines = stdout.lines();
    assert_eq!(lines.next(), Some("check"));
    assert_eq!(lines.next(), Some("--deny-warnings"));
}

#[test]
fn the_man_page_is_roff_in_the_users_language() {
    let page = piano(&["man"], "it");
    assert!(page.contains(".TH piano 1"), "{page}");
    assert!(page.contains("Controlla i piani"), "{page}");
    assert!(page.contains("piano\\-check(1)"), "{page}");
    let page = piano(&["man"], "en");
    assert!(page.contains("Check plans"), "{page}");
}

#[test]
fn man_dir_writes_a_page_per_command() {
    let dir = std::env::temp_dir().join(format!("piano-man-{}", std::process::id()));
    let listed = piano(&["man", "--dir", dir.to_str().expect("path")], "it");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("pages written")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let check = std::fs::read_to_string(dir.join("piano-check.1")).expect("piano-check.1");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(listed.lines().count(), names.len());
    for name in [
        "piano.1",
        "piano-check.1",
        "piano-eval.1",
        "piano-fmt.1",
        "piano-template.1",
    ] {
        assert!(
            names.iter().any(|n| n == name),
            "{name} missing from {names:?}"
        );
    }
    assert!(check.contains("\\-\\-deny\\-warnings"), "{check}");
    assert!(check.contains("Anche gli avvisi"), "{check}");
}
