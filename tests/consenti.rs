//! `# consenti` comments keep accepting their warnings after `piano fmt`, which moves fields
//! into canonical order: a comment above a field moves with it, one after a field stays on its
//! line.

use piano::diagnostics::{Code, Diagnostic};
use piano::source::Source;

const PLAN: &str = r#"piano "Prova" {
  ente "Camera di Commercio di Prova"
  comparto camera
  anno 2024
  triennio 2024-2026
}

ambito 1 "Competitività"

strategico 01_01 "Digitalizzazione" {
  ambito 1
}

# Il codice è quello pubblicato.
# consenti C0603: codice ufficiale della Camera
obiettivo 02_01_OS01 "Prova" {
  risorse interne
  missione 011 programma 005
  strategico 01_01
  misura a "Pratiche evase entro 5 giorni" n.
  misura b "Pratiche evase" n.
  # consenti N0204: la rileviamo per il prossimo piano
  misura c "Pratiche respinte" n.
  indicatore q "Quota" {
    peso 50%
    # consenti U0305: la scheda pubblicata è in punti
    formula a * 100 / b
    udm %
    tipologia efficacia
    target 2024 >= 80%
    target 2025 n.d.
    target 2026 n.d.
  }
  indicatore d "Relazione" {
    target 2024 = 31/12/2024 # consenti T0402: scritto come nella delibera
    target 2025 n.d.
    target 2026 n.d.
    udm data
    tipologia efficienza
    peso 50%
  }
}
"#;

fn accepted(text: &str) -> (Vec<Code>, Vec<Code>) {
    let diagnostics = piano::check_source(&Source::new("p.piano", text));
    let codes = |f: fn(&Diagnostic) -> bool| {
        let mut c: Vec<Code> = diagnostics
            .iter()
            .filter(|d| f(d))
            .map(Diagnostic::code)
            .collect();
        c.sort();
        c
    };
    (
        codes(|d| d.accepted.is_some()),
        codes(|d| d.accepted.is_none()),
    )
}

#[test]
fn consenti_accepts_its_warnings_before_and_after_fmt() {
    let (accepted_before, open_before) = accepted(PLAN);
    // In the order of the codes' layers.
    assert_eq!(
        accepted_before,
        [Code::N0204, Code::U0305, Code::T0402, Code::C0603]
    );
    assert!(open_before.is_empty(), "{open_before:?}");
    let formatted = piano::fmt::format(PLAN).expect("formats");
    assert_ne!(formatted, PLAN, "fmt reorders the fields");
    let (accepted_after, open_after) = accepted(&formatted);
    assert_eq!(accepted_after, accepted_before, "{formatted}");
    assert!(open_after.is_empty(), "{open_after:?}\n{formatted}");
}
