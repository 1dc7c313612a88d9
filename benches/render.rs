//! Speed of rendering diagnostics: a plan with thousands of errors and a measurement file
//! with tens of thousands of bad rows, in every format, at two sizes (twice the input should
//! take about twice the time).
//!
//! Run with `cargo bench --bench render`; it prints figures rather than asserting them, and
//! writes the generated inputs to `target/bench-render/` so that the command line can be
//! timed on them too (`time piano check --format human target/bench-render/plan-1x.piano`).

use piano::diagnostics::Diagnostic;
use piano::diagnostics::render::{Format, Options, render_limited};
use piano::source::Source;
use std::time::Instant;

const HEADER: &str = "piano \"Bench\" {\n  ente \"Ente\"\n  comparto camera\n  anno 2024\n  triennio 2024-2026\n}\n\nambito 1 \"A\"\n\nstrategico 01_01 \"S\" {\n  ambito 1\n}\n\nmisura imprese \"Imprese\" n.\n\n";

/// `n` objectives, each with two errors: weights that add up to 90% (W0501, its labels ten
/// lines apart) and a formula naming an undefined measure (N0202, with a suggestion).
fn plan_with_errors(n: usize) -> String {
    let mut text = String::from(HEADER);
    for i in 0..n {
        text.push_str(&format!(
            "obiettivo 01_01_OS{i} \"Obiettivo {i}\" {{\n  strategico 01_01\n  missione 011 programma 005\n  descrizione \"\"\"\n    Un testo di descrizione su più righe, come nelle schede: il progetto prevede\n    una serie di azioni di informazione e di accompagnamento delle imprese del\n    territorio, con incontri, seminari e servizi di orientamento.\n  \"\"\"\n  misura a \"A\" n.\n\n  indicatore eventi \"Eventi\" {{\n    tipologia efficienza\n    udm n.\n    target 2024 >= 4\n    target 2025 n.d.\n    target 2026 n.d.\n    peso 40%\n  }}\n\n  indicatore quota \"Quota\" {{\n    formula a / impresse\n    tipologia efficacia\n    udm %\n    target 2024 >= 12,5%\n    target 2025 n.d.\n    target 2026 n.d.\n    peso 50%\n  }}\n}}\n\n"
        ));
    }
    text
}

/// A plan of `n` objectives, each with one measured indicator.
fn plan_for_measurements(n: usize) -> String {
    let mut text = String::from(HEADER);
    for i in 0..n {
        text.push_str(&format!(
            "obiettivo 01_01_OS{i} \"O\" {{\n  strategico 01_01\n  missione 011 programma 005\n  indicatore eventi \"Eventi\" {{\n    tipologia efficienza\n    udm n.\n    target 2024 >= 4\n    target 2025 n.d.\n    target 2026 n.d.\n    peso 100%\n  }}\n}}\n"
        ));
    }
    text.push_str("obiettivo 01_01_OS_USA \"U\" {\n  strategico 01_01\n  missione 011 programma 005\n  indicatore quota {\n    formula imprese / 2\n    tipologia efficienza\n    udm n.\n    target 2024 >= 4\n    target 2025 n.d.\n    target 2026 n.d.\n    peso 100%\n  }\n}\n");
    text
}

/// `rows` rows whose value is not a number (M0710 each).
fn bad_measurements(rows: usize, objectives: usize) -> String {
    let mut text = String::from("codice;valore;nota\nrilevazione;30/06/2024;\n");
    for i in 0..rows {
        text.push_str(&format!(
            "01_01_OS{}.eventi;quattro;riga {i}\n",
            i % objectives
        ));
    }
    text
}

fn time<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed().as_secs_f64())
}

fn options(format: Format) -> Options {
    Options {
        lang: piano::diagnostics::Lang::It,
        format,
        color: false,
    }
}

/// Renders in every format, capped (as the command line does) and in full.
fn formats(label: &str, source: &Source, plan: Option<&Source>, diagnostics: &[Diagnostic]) {
    let mut line = format!(
        "{label:<34} {:>6.2} MB {:>7} diagnostics:",
        source.text.len() as f64 / 1_048_576.0,
        diagnostics.len()
    );
    for (name, format, limit) in [
        ("short", Format::Short, None),
        ("json", Format::Json, None),
        (
            "human (200)",
            Format::Human,
            Some(piano::diagnostics::render::MAX_SHOWN),
        ),
        ("human (all)", Format::Human, None),
    ] {
        let (out, t) = time(|| render_limited(source, plan, diagnostics, options(format), limit));
        std::hint::black_box(out);
        line.push_str(&format!("  {name} {t:.3} s"));
    }
    println!("{line}");
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-render");
    let _ = std::fs::create_dir_all(&dir);
    // About 0.8 MB and 2,400 errors, then twice that.
    for (scale, n) in [(1, 1200), (2, 2400)] {
        let text = plan_with_errors(n);
        let _ = std::fs::write(dir.join(format!("plan-{scale}x.piano")), &text);
        let source = Source::new(format!("plan-{scale}x.piano"), text);
        let (diagnostics, t) = time(|| piano::check_source(&source));
        println!("check of plan-{scale}x: {t:.3} s");
        formats(
            &format!("plan with errors ({scale}x)"),
            &source,
            None,
            &diagnostics,
        );
    }
    // 40,000 bad rows, then twice that.
    let objectives = 200;
    let plan = Source::new("plan-m.piano", plan_for_measurements(objectives));
    let checked = piano::check_plan(&plan);
    assert!(!checked.has_errors(), "the measurement plan must be valid");
    let _ = std::fs::write(dir.join("plan-m.piano"), &plan.text);
    for (scale, rows) in [(1, 40_000), (2, 80_000)] {
        let text = bad_measurements(rows, objectives);
        let _ = std::fs::write(dir.join(format!("misure-{scale}x.csv")), &text);
        let source = Source::new(format!("misure-{scale}x.csv"), text);
        let (loaded, t) = time(|| piano::eval::load(&checked.model, &source));
        println!("load of misure-{scale}x: {t:.3} s");
        formats(
            &format!("measurements, bad rows ({scale}x)"),
            &source,
            Some(&plan),
            &loaded.diagnostics,
        );
    }
}
