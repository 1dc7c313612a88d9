//! Speed and memory of `piano check` on large generated plans, and on the seed plan.
//!
//! Run with `cargo bench --bench check`; it prints figures rather than asserting them:
//! throughput in MB/s for parsing and for the whole check, and the peak resident memory as a
//! multiple of the input size.

use piano::source::Source;
use std::time::Instant;

/// A plan of about `bytes` bytes: realistic objectives repeated with distinct codes.
fn big_plan(bytes: usize) -> String {
    let mut text = String::from(
        "piano \"Bench\" {\n  ente \"Ente\"\n  anno 2024\n  triennio 2024-2026\n}\n\nambito 1 \"A\"\n\nstrategico 01_01 \"S\" {\n  ambito 1\n}\n\nmisura imprese \"Imprese\" n.\n\n",
    );
    let mut n = 0;
    while text.len() < bytes {
        n += 1;
        text.push_str(&format!(
            "obiettivo 01_01_OS{n} \"Obiettivo {n}\" {{\n  strategico 01_01\n  missione 011 programma 005\n  risorse 439.846,96 €\n  descrizione \"\"\"\n    Un testo di descrizione su più righe,\n    come nelle schede.\n  \"\"\"\n  misura a \"A\" n.\n\n  indicatore eventi \"Eventi\" {{\n    algoritmo \"Numero di eventi\"\n    tipologia efficienza\n    udm n.\n    target 2024 >= 4\n    target 2025 n.d.\n    target 2026 n.d.\n    peso 50%\n  }}\n\n  indicatore quota \"Quota\" {{\n    formula a / imprese\n    tipologia efficacia\n    udm %\n    target 2024 >= 12,5%\n    target 2025 n.d.\n    target 2026 n.d.\n    peso 50%\n  }}\n}}\n\n"
        ));
    }
    text
}

/// A line of /proc/self/status, in kB (`VmHWM`: peak resident memory; `VmRSS`: current).
fn status_kb(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn mb(kb: Option<u64>) -> f64 {
    kb.unwrap_or(0) as f64 / 1024.0
}

fn measure(label: &str, text: &str) {
    let size = text.len() as f64 / 1_048_576.0;
    let before = status_kb("VmRSS:");
    let start = Instant::now();
    let parsed = piano::syntax::parse(text);
    let parse = start.elapsed().as_secs_f64();
    let after_parse = status_kb("VmRSS:");
    let checked = piano::check::check(&parsed, text);
    let total = start.elapsed().as_secs_f64();
    let after_check = status_kb("VmRSS:");
    assert!(
        !checked.has_errors(),
        "{label}: the benchmark plan must be valid"
    );
    println!(
        "{label:<26} {size:>6.2} MB  parse {:>5.1} MB/s  check {:>5.1} MB/s  ({total:.2} s)  \
         syntax tree {:>6.1} MB, resolved plan {:>6.1} MB",
        size / parse,
        size / total,
        mb(after_parse) - mb(before),
        mb(after_check) - mb(after_parse),
    );
}

fn main() {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/pistoia-prato-2024.piano"
    ));
    if let Ok(seed) = seed {
        // Small files: repeat to get a measurable time.
        let start = Instant::now();
        let runs = 50;
        for _ in 0..runs {
            let source = Source::new("seed", seed.as_str());
            let _ = piano::check_source(&source);
        }
        let per_run = start.elapsed().as_secs_f64() / runs as f64;
        println!(
            "{:<28} {:>8.2} MB  check {:>8.2} ms per run",
            "seed plan",
            seed.len() as f64 / 1_048_576.0,
            per_run * 1000.0
        );
    }
    for size in [1usize, 10, 50] {
        let text = big_plan(size * 1_048_576);
        measure(&format!("generated plan ({size} MB)"), &text);
    }
    let peak = mb(status_kb("VmHWM:"));
    println!(
        "peak resident memory         {peak:>8.1} MB ({:.1}x the largest input)",
        peak / 50.0
    );
}
