//! No input crashes the checker: deep nesting, huge files, binary data, empty files. Each case
//! ends with diagnostics or a clean pass. Tests run on 2 MiB threads, the hardest case for the
//! stack.

use piano::diagnostics::{Code, Diagnostic};
use piano::source::Source;

fn check(text: &str) -> Vec<Diagnostic> {
    piano::check_source(&Source::new("x.piano", text))
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<Code> {
    diagnostics.iter().map(Diagnostic::code).collect()
}

#[test]
fn formula_nested_100_000_parentheses_is_refused() {
    let depth = 100_000;
    let text = format!(
        "obiettivo 01_01_OS01 \"A\" {{\n  indicatore q \"Q\" {{\n    formula {}a{}\n  }}\n}}\n",
        "(".repeat(depth),
        ")".repeat(depth)
    );
    let d = check(&text);
    assert!(codes(&d).contains(&Code::P0115), "{d:?}");
}

#[test]
fn braces_nested_100_000_deep_are_refused() {
    let text = format!("obiettivo 01 \"A\" {}\n", "{".repeat(100_000));
    assert!(codes(&check(&text)).contains(&Code::P0115));
    let text = format!("{}\n", "{".repeat(100_000));
    assert!(!check(&text).is_empty());
}

#[test]
fn formula_with_100_000_operators_is_refused() {
    let text = format!(
        "obiettivo 01 \"A\" {{\n  indicatore q \"Q\" {{\n    formula a{}\n  }}\n}}\n",
        " + a".repeat(100_000)
    );
    assert!(codes(&check(&text)).contains(&Code::P0116));
    let text = format!(
        "obiettivo 01 \"A\" {{\n  indicatore q \"Q\" {{\n    formula {}a\n  }}\n}}\n",
        "- ".repeat(100_000)
    );
    assert!(codes(&check(&text)).contains(&Code::P0116));
}

#[test]
fn binary_input_is_a_diagnostic() {
    let mut bytes: Vec<u8> = (0..=255u8).cycle().take(100_000).collect();
    let (source, _) = Source::from_bytes("x.piano", &bytes);
    assert_eq!(codes(&piano::check_source(&source)), vec![Code::F0002]);
    assert_eq!(
        codes(&piano::syntax::parse(&source.text).diagnostics),
        vec![Code::F0002]
    );
    // Without NUL bytes the text decodes as Windows-1252 and is stray text, not a crash.
    bytes.retain(|b| *b != 0);
    let (source, _) = Source::from_bytes("x.piano", &bytes);
    assert!(!piano::check_source(&source).is_empty());
}

#[test]
fn pseudo_random_text_never_panics() {
    // A fixed xorshift sequence over the characters that matter to the grammar.
    let alphabet: Vec<char> = "{}()\"#\n \t;,.%€-+*/<>=0123456789abcdeintzobpv_àì\r"
        .chars()
        .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..300 {
        let mut text = String::from("obiettivo 01 \"A\" {\n  ");
        for _ in 0..400 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        let _ = check(&text);
    }
}

#[test]
fn empty_and_comment_only_files_pass_the_parser() {
    assert!(piano::syntax::parse("").diagnostics.is_empty());
    assert!(
        piano::syntax::parse("# solo un commento\n\n# un altro\n")
            .diagnostics
            .is_empty()
    );
    assert!(
        piano::syntax::parse("\u{FEFF}\r\n\r\n")
            .diagnostics
            .is_empty()
    );
}

#[test]
fn three_broken_objectives_are_all_reported() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/syntax/three_broken_objectives.piano"
    ))
    .expect("test input");
    let d = piano::syntax::parse(&text).diagnostics;
    let source = Source::new("x", text.as_str());
    let lines: Vec<usize> = d.iter().map(|d| source.line_col(d.span.start).0).collect();
    assert_eq!(codes(&d), vec![Code::P0107, Code::P0113, Code::P0103]);
    assert_eq!(lines, vec![2, 7, 12]);
}

/// A plan of about `bytes` bytes: the same objective repeated with distinct codes.
fn big_plan(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 1024);
    let mut n = 0;
    while text.len() < bytes {
        n += 1;
        text.push_str(&format!(
            "obiettivo 01_01_OS{n} \"Obiettivo {n}\" {{\n  strategico 01_01\n  missione 011 programma 005\n  risorse 439.846,96 €\n  descrizione \"\"\"\n    Un testo di descrizione su più righe.\n    Seconda riga.\n  \"\"\"\n  indicatore eventi \"Eventi\" {{\n    algoritmo \"Numero di eventi\"\n    tipologia efficienza\n    udm n.\n    target 2024 >= 4\n    target 2025 n.d.\n    target 2026 n.d.\n    peso 50%\n  }}\n  indicatore quota \"Quota\" {{\n    formula (a - b) / max(c; 1)\n    udm %\n    target 2024 >= 12,5%\n    peso 50%\n  }}\n}}\n\n"
        ));
    }
    text
}

#[test]
fn a_50_megabyte_plan_is_parsed() {
    let text = big_plan(50 * 1024 * 1024);
    let parsed = piano::syntax::parse(&text);
    assert!(
        parsed.diagnostics.is_empty(),
        "{:?}",
        &parsed.diagnostics[..1]
    );
    assert!(parsed.plan.items.len() > 50_000);
}

#[test]
fn a_huge_single_line_of_garbage_is_one_diagnostic() {
    let syntax = |t: &str| codes(&piano::syntax::parse(t).diagnostics);
    let text = "x".repeat(5 * 1024 * 1024);
    assert_eq!(syntax(&text), vec![Code::P0114]);
    let text = format!(
        "obiettivo 01 \"A\" {{\n  {}\n}}\n",
        "x".repeat(5 * 1024 * 1024)
    );
    assert_eq!(syntax(&text), vec![Code::P0110]);
    assert!(!check(&text).is_empty());
}

/// pest runs without its stack probe (see Cargo.toml): the scanner's caps alone keep the
/// recursion short. The deepest formula and the deepest braces the caps let through are
/// parsed and checked on a quarter of a test thread's stack.
#[test]
fn the_deepest_nesting_accepted_fits_in_half_a_megabyte_of_stack() {
    let deep = piano::syntax::scan::MAX_NESTING - 2;
    let formula = format!("{}a{}", "(".repeat(deep), ")".repeat(deep));
    let long = vec!["-a"; piano::syntax::parser::MAX_OPERATORS / 2].join(" * ");
    let text = format!(
        "misura a \"A\" n.\n\nobiettivo 01_01_OS01 \"A\" {{\n  indicatore p \"P\" {{\n    formula {formula}\n    udm n.\n  }}\n  indicatore q \"Q\" {{\n    formula {long}\n    udm n.\n  }}\n}}\n\nobiettivo 01 \"B\" {}{}\n",
        "{\n".repeat(deep),
        "}\n".repeat(deep + 1),
    );
    let found = std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(move || codes(&check(&text)))
        .expect("a thread")
        .join()
        .expect("no stack overflow");
    assert!(!found.contains(&Code::P0115), "{found:?}");
    assert!(!found.contains(&Code::P0116), "{found:?}");
}

/// A plan whose objective has `n` indicators, each computed from the next one (`i0` from `i1`,
/// `i1` from `i2`, …) and the last one measured: a chain of references `n` deep.
fn chain_plan(n: usize) -> String {
    let mut text = String::from(
        "piano \"Catena\" {\n  ente \"Ente\"\n  comparto camera\n  anno 2024\n  triennio 2024-2026\n}\n\nambito 1 \"A\"\n\nstrategico 01_01 \"S\" {\n  ambito 1\n}\n\nmodello m \"M\" {\n  tipologia efficienza\n  udm n.\n  target 2024 >= 1\n  target 2025 n.d.\n  target 2026 n.d.\n}\n\nobiettivo 01_01_OS01 \"O\" {\n  strategico 01_01\n  missione 011 programma 005\n  pesi uguali\n",
    );
    for i in 0..n {
        text.push_str(&format!("  indicatore i{i} {{\n    modello m\n"));
        if i + 1 < n {
            text.push_str(&format!("    formula i{} + 1\n", i + 1));
        }
        text.push_str("  }\n");
    }
    text.push_str("}\n");
    text
}

#[test]
fn a_chain_of_100_000_formulas_is_checked_and_evaluated() {
    let n = 100_000;
    let source = Source::new("catena.piano", chain_plan(n));
    let checked = piano::check_plan(&source);
    assert!(
        checked.diagnostics.is_empty(),
        "{:?}",
        &checked.diagnostics[..1]
    );
    let csv = Source::new(
        "m.csv",
        format!(
            "codice;valore\n01_01_OS01.i{};1\nrilevazione;30/06/2024\n",
            n - 1
        ),
    );
    let loaded = piano::eval::load(&checked.model, &csv);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let (evaluation, located) = piano::eval::evaluate(
        &checked.model,
        &source.text,
        &loaded.measurements,
        piano::eval::Options::default(),
    );
    assert!(located.is_empty(), "{located:?}");
    let first = &evaluation.expect("scored").objectives[0].indicators[0];
    assert_eq!(first.value, piano::eval::value::Val::Number(n.into()));
}

#[test]
fn a_circle_of_100_000_formulas_is_one_diagnostic() {
    let n = 100_000;
    // The last indicator refers back to the first.
    let text = chain_plan(n).replace(
        "    modello m\n  }\n}\n",
        "    modello m\n    formula i0 + 1\n  }\n}\n",
    );
    let d = check(&text);
    assert_eq!(codes(&d), vec![Code::N0203], "{d:?}");
    let piano::diagnostics::Kind::Check(piano::check::error::CheckError::Cycle { path }) =
        &d[0].kind
    else {
        panic!("{d:?}")
    };
    // Named by its ends, not 100,000 names long.
    assert_eq!(path.len(), 11, "{path:?}");
}

#[test]
fn a_chain_of_100_000_templates_is_checked() {
    let n = 100_000;
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&format!(
            "modello m{i} \"M\" {{\n  modello m{}\n}}\n",
            i + 1
        ));
    }
    // Whatever it says about such templates, it says it without recursing through them.
    let _ = check(&text);
}

#[test]
fn the_formatter_keeps_to_the_caps() {
    let text = chain_plan(100_000);
    let formatted = piano::fmt::format(&text).expect("formats");
    assert_eq!(
        piano::fmt::format(&formatted).expect("formats again"),
        formatted
    );
    let nested = format!(
        "modello m {{\n  formula {}a{}\n}}\n",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    assert!(matches!(
        piano::fmt::format(&nested),
        Err(piano::fmt::FormatError::Syntax(d)) if codes(&d).contains(&Code::P0115)
    ));
}

#[test]
fn json_measurements_nested_100_000_deep_are_refused() {
    let checked = piano::check_plan(&Source::new("x.piano", chain_plan(3)));
    for open in ["[", "{\"a\":"] {
        let text = format!("{{\"valori\": {}1", open.repeat(100_000));
        let loaded = piano::eval::load(&checked.model, &Source::new("m.json", text));
        assert_eq!(codes(&loaded.diagnostics), vec![Code::M0717]);
    }
}
