//! `piano explain` knows every code the program can emit, in both languages.

use piano::diagnostics::explain::{explanation, render};
use piano::diagnostics::{Code, Lang};

#[test]
fn every_code_is_explained_in_both_languages() {
    for &code in Code::ALL {
        let x = explanation(code);
        assert!(x.it.len() > 40, "{code}: Italian explanation too short");
        assert!(x.en.len() > 40, "{code}: English explanation too short");
        assert_ne!(x.it, x.en, "{code}: not translated");
        assert_ne!(x.wrong, x.right, "{code}: the examples must differ");
        let it = render(code, Lang::It);
        assert!(
            it.starts_with(code.as_str()) && it.contains("Sbagliato:") && it.contains("Giusto:")
        );
        let en = render(code, Lang::En);
        assert!(en.contains("Wrong:") && en.contains("Right:"));
    }
}

#[test]
fn codes_are_unique_and_parse_back() {
    let mut seen = std::collections::HashSet::new();
    for &code in Code::ALL {
        assert!(seen.insert(code.as_str()), "duplicate {code}");
        assert_eq!(Code::parse(code.as_str()), Some(code));
        assert_eq!(Code::parse(&code.as_str().to_lowercase()), Some(code));
    }
    assert_eq!(Code::parse("X9999"), None);
}

#[test]
fn explain_command_prints_and_fails_on_unknown_codes() {
    let bin = env!("CARGO_BIN_EXE_piano");
    let out = std::process::Command::new(bin)
        .args(["explain", "W0501"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("pesi uguali"), "{text}");
    let out = std::process::Command::new(bin)
        .args(["explain", "w0501", "--lang", "en"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Wrong:"));
    let out = std::process::Command::new(bin)
        .args(["explain", "Z0000"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Z0000"));
}

#[test]
fn unknown_codes_get_the_nearest_ones() {
    use piano::diagnostics::explain::nearest;
    let w = nearest("W050");
    assert!(
        w.len() >= 6 && w.iter().all(|c| c.as_str().starts_with("W050")),
        "{w:?}"
    );
    assert_eq!(nearest("c603"), [Code::C0603]);
    assert_eq!(nearest("W0510"), [Code::W0501]);
    assert!(nearest("Z0000").is_empty());
    let bin = env!("CARGO_BIN_EXE_piano");
    let out = std::process::Command::new(bin)
        .args(["explain", "W050"])
        .env_remove("PIANO_LANG")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("forse intendevi `W0501`, `W0502`"), "{err}");
}
