//! Regression cases of issue 9: each input under `tests/robustness/` once made `piano` panic,
//! overflow its stack or print something wrong. Each test says what happens now.

mod common;

use piano::commands::Outcome;
use piano::diagnostics::{Code, Diagnostic};
use piano::source::Source;
use std::path::{Path, PathBuf};

fn path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/robustness")
        .join(name)
}

fn plan(name: &str) -> Source {
    let bytes = std::fs::read(path(name)).expect("test input");
    Source::from_bytes(name, &bytes).0
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<Code> {
    diagnostics.iter().map(Diagnostic::code).collect()
}

fn eval(plan: &str, measurements: &str, extra: &[&str]) -> Outcome {
    let mut args = vec![
        "eval".to_string(),
        path(plan).display().to_string(),
        path(measurements).display().to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_piano"))
        .args(&args)
        .env("PIANO_LANG", "it")
        .output()
        .expect("piano runs");
    Outcome {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        status: out.status.code().unwrap_or(-1),
        ..Outcome::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Numbers: the range is decided at the lexer, so later sums cannot overflow.

#[test]
fn weights_beyond_the_decimal_range_are_refused_where_written() {
    let d = piano::check_source(&plan("weights_sum_overflow.piano"));
    assert_eq!(codes(&d), vec![Code::P0109; 4], "{d:#?}");
}

#[test]
fn equal_weights_with_26_decimals_are_refused_where_written() {
    let d = piano::check_source(&plan("rounded_split_many_decimals.piano"));
    assert_eq!(codes(&d), vec![Code::P0126; 2], "{d:#?}");
}

#[test]
fn resources_at_the_top_of_the_range_add_up_exactly() {
    let out = eval(
        "resources_at_the_limit.piano",
        "resources_at_the_limit.csv",
        &["--format", "json"],
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    // Three objectives of 2 × 999.999.999.999.999,99 € each.
    assert!(out.stdout.contains("5999999999999999.94"), "{}", out.stdout);
}

// ---------------------------------------------------------------------------------------------
// Spans: inside the file and on character boundaries, in the diagnostic's own file.

/// Every span of every diagnostic (primary, related labels, fixes) lies in `text`, on
/// character boundaries.
fn assert_spans_inside(text: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let texts = d.texts(piano::diagnostics::Lang::It);
        let mut spans = vec![d.span];
        spans.extend(texts.related.iter().map(|(s, _)| *s));
        spans.extend(
            texts
                .fixes
                .iter()
                .flat_map(|f| f.edits.iter().map(|e| e.span)),
        );
        for s in spans {
            assert!(
                s.start <= s.end
                    && s.end <= text.len()
                    && text.is_char_boundary(s.start)
                    && text.is_char_boundary(s.end),
                "{} at {s:?} in a file of {} bytes",
                d.code(),
                text.len()
            );
        }
    }
}

#[test]
fn syntax_errors_at_the_end_of_a_repaired_item_stay_inside_the_file() {
    for (name, code) in [
        ("span_p0101_past_the_end.piano", Code::P0101),
        ("span_p0101_repaired_long_text.piano", Code::P0101),
        ("span_p0103_past_the_end.piano", Code::P0103),
        ("span_p0111_past_the_end.piano", Code::P0111),
    ] {
        let source = plan(name);
        let d = piano::check_source(&source);
        assert!(codes(&d).contains(&code), "{name}: {d:?}");
        assert_spans_inside(&source.text, &d);
    }
}

#[test]
fn rendering_clamps_any_span_into_the_file() {
    use piano::diagnostics::render::{Format, Options, render};
    use piano::diagnostics::{Diagnostic, Lang};
    use piano::span::Span;
    use piano::syntax::error::SyntaxError;
    let source = Source::new("x.piano", "ab €€€\nè\n");
    // Inside `€`, beyond the end, reversed.
    let spans = [
        Span::new(4, 6),
        Span::new(9, 400),
        Span::new(7, 2),
        Span::new(99, 99),
    ];
    let diagnostics: Vec<Diagnostic> = spans
        .iter()
        .map(|s| Diagnostic::new(*s, SyntaxError::UnclosedString))
        .collect();
    for format in [Format::Human, Format::Short, Format::Json] {
        let options = Options {
            lang: Lang::It,
            format,
            color: false,
        };
        let out = render(&source, &diagnostics, options);
        assert_eq!(out.matches("P0103").count(), 4, "{out}");
        if format == Format::Json {
            for line in out.lines() {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                let (start, end) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
                assert!(start <= end && end <= source.text.len() as u64, "{line}");
                assert!(source.text.is_char_boundary(start as usize), "{line}");
            }
        }
    }
}

#[test]
fn a_place_in_the_plan_is_shown_against_the_plan() {
    let out = eval("computed_in_plan.piano", "computed_in_plan.csv", &[]);
    assert_eq!(out.status, 1, "{}", out.stderr);
    assert!(out.stderr.contains("M0714"), "{}", out.stderr);
    // The formula, on its line of the plan.
    assert!(
        out.stderr.contains("computed_in_plan.piano:24:13")
            && out.stderr.contains("formula fatte / ricevute"),
        "{}",
        out.stderr
    );
    // Nothing of the plan is drawn on the measurement file's long note.
    assert!(!out.stderr.contains("èèè"), "{}", out.stderr);
}

// ---------------------------------------------------------------------------------------------
// Binary data and control characters.

#[test]
fn a_nul_byte_anywhere_is_binary() {
    let source = plan("nul_after_8_kib.piano");
    let at = source.text.find('\0').expect("a NUL");
    assert!(at > 8192, "{at}");
    assert_eq!(codes(&piano::check_source(&source)), vec![Code::F0002]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_piano"))
        .args(["eval", "plans/pistoia-prato-2024.piano"])
        .arg(path("nul_in_measurements.csv"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("piano runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no report");
    assert!(String::from_utf8_lossy(&out.stderr).contains("F0002"));
}

/// `piano eval` of the seed plan with a measurement file whose note holds terminal escapes
/// (a clear-screen and an OSC 8 link).
fn eval_escapes(extra: &[&str]) -> Vec<u8> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_piano"))
        .args(["eval", "plans/pistoia-prato-2024.piano"])
        .arg(path("escape_in_note.csv"))
        .args(extra)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("piano runs");
    assert_eq!(out.status.code(), Some(0));
    out.stdout
}

#[test]
fn the_text_report_shows_terminal_escapes_instead_of_obeying_them() {
    let plain = String::from_utf8(eval_escapes(&["--color", "never"])).unwrap();
    assert!(
        !plain.contains('\u{1b}') && !plain.contains('\u{7}'),
        "{plain}"
    );
    assert!(
        plain.contains("7% pubblicato \\x1b[2J\\x1b]8;;http://esempio.it\\x07risorse stanziate"),
        "{plain}"
    );
    // With colours, the only escapes are the report's own (`ESC [` + digits + `m`).
    let fancy = String::from_utf8(eval_escapes(&["--color", "always"])).unwrap();
    assert!(fancy.contains("\u{1b}[1m"));
    for (i, _) in fancy.match_indices('\u{1b}') {
        let rest = &fancy[i + 1..];
        let sgr = rest.strip_prefix('[').is_some_and(|r| {
            let digits = r.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0 && r[digits..].starts_with('m')
        });
        assert!(sgr, "{:?}", &fancy[i..(i + 12).min(fancy.len())]);
    }
    assert!(!fancy.contains('\u{7}'));
}

#[test]
fn json_keeps_control_characters_escaped_the_json_way() {
    let json = String::from_utf8(eval_escapes(&["--format", "json"])).unwrap();
    assert!(!json.contains('\u{1b}'));
    assert!(json.contains("7% pubblicato \\u001b[2J"), "{json}");
}

#[test]
fn diagnostics_show_control_characters_of_the_plan() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax/control_character.piano");
    for format in ["human", "short"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_piano"))
            .args(["check", "--color", "always", "--format", format])
            .arg(&file)
            .output()
            .expect("piano runs");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("P0127"), "{text}");
        assert!(
            !text.contains('\u{7}') && !text.contains("\u{1b}[2J") && !text.contains("\u{1b}]")
        );
    }
}

/// Control characters that reach a diagnostic's message (an unknown code, a bad value copied
/// from the measurement file) are shown escaped there too, not only in the source excerpt.
#[test]
fn diagnostic_messages_show_control_characters_escaped() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_piano"))
        .args(["eval", "plans/pistoia-prato-2024.piano", "--color", "never"])
        .arg(path("escape_in_message.csv"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PIANO_LANG", "it")
        .output()
        .expect("piano runs");
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text}"
    );
    let messages: Vec<&str> = text.lines().filter(|l| l.starts_with("  × ")).collect();
    assert_eq!(
        messages,
        [
            "  × codice sconosciuto `01_01_OS01.even\\x1b[2Jti` nel file delle misure",
            "  × `4\\x1b[31m\\x073` non è un valore",
        ],
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------------
// Encodings and line ends.

fn piano(args: &[&str]) -> Outcome {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_piano"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PIANO_LANG", "it")
        .output()
        .expect("piano runs");
    Outcome {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        status: out.status.code().unwrap_or(-1),
        ..Outcome::default()
    }
}

#[test]
fn a_byte_that_is_not_utf8_is_reported_where_it_is() {
    let file = "tests/check/F0003_latin1_letter_in_utf8.piano";
    let out = piano(&["check", "--format", "short", file]);
    assert_eq!(out.status, 1);
    // Only the byte, at its line: no `‚¬` from reading the whole file as Windows-1252.
    assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
    assert!(
        out.stdout
            .starts_with(&format!("{file}:18:23: errore[F0003]"))
    );
    // The formatter would write U+FFFD for good: it leaves the file alone.
    let out = piano(&["fmt", "--check", file]);
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("byte non UTF-8"), "{}", out.stderr);
}

#[test]
fn cr_only_line_ends_are_named_and_read() {
    let out = piano(&[
        "check",
        "--format",
        "short",
        "tests/check/F0004_cr_line_ends.piano",
    ]);
    assert_eq!(out.status, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("avviso[F0004]"), "{}", out.stdout);
    assert!(!out.stdout.contains("N0206"));
}

// ---------------------------------------------------------------------------------------------
// Deterministic output.

#[test]
fn suggestions_break_ties_the_same_way_on_every_run() {
    let source = plan("did_you_mean_tie.piano");
    let options = piano::diagnostics::render::Options {
        lang: piano::diagnostics::Lang::It,
        format: piano::diagnostics::render::Format::Short,
        color: false,
    };
    let first = piano::diagnostics::render::render(&source, &piano::check_source(&source), options);
    assert_eq!(first.matches("N0202").count(), 2, "{first}");
    // Every check builds its hash maps afresh, with new random keys.
    for _ in 0..30 {
        let again =
            piano::diagnostics::render::render(&source, &piano::check_source(&source), options);
        assert_eq!(again, first);
    }
    let human = piano::diagnostics::render::Options {
        format: piano::diagnostics::render::Format::Human,
        ..options
    };
    let text = piano::diagnostics::render::render(&source, &piano::check_source(&source), human);
    assert!(text.contains("forse intendevi `visite_a`?"), "{text}");
    assert!(text.contains("forse intendevi `quota_a`?"), "{text}");
}

// ---------------------------------------------------------------------------------------------
// Bounded output.

/// A plan of `n` objectives, each with a line the parser does not know.
fn plan_with_errors(n: usize) -> Source {
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&format!(
            "obiettivo 01_01_OS{i} \"O\" {{\n  strategico 01_01\n  tipologgia efficienza\n}}\n"
        ));
    }
    Source::new("errori.piano", text)
}

#[test]
fn at_most_200_diagnostics_per_file_are_printed_for_people() {
    use piano::diagnostics::render::{Format, Options, render};
    use piano::diagnostics::{Lang, Severity};
    let source = plan_with_errors(300);
    let diagnostics: Vec<Diagnostic> = piano::syntax::parse(&source.text).diagnostics;
    assert_eq!(diagnostics.len(), 300);
    assert!(diagnostics.iter().all(|d| d.severity() == Severity::Error));
    let options = |lang, format| Options {
        lang,
        format,
        color: false,
    };
    let human = render(&source, &diagnostics, options(Lang::It, Format::Human));
    assert_eq!(human.matches("× campo sconosciuto").count(), 200, "{human}");
    assert!(human.ends_with(
        "errori.piano: … e altri 100 problemi (mostrati i primi 200; `--format json` li elenca tutti)\n"
    ));
    let short = render(&source, &diagnostics, options(Lang::En, Format::Short));
    assert_eq!(short.lines().count(), 201);
    assert!(short.ends_with("errori.piano: … and 100 more problems (the first 200 are shown; `--format json` lists them all)\n"));
    let json = render(&source, &diagnostics, options(Lang::It, Format::Json));
    assert_eq!(json.lines().count(), 300);
}

#[test]
fn a_long_line_is_cut_around_the_problem() {
    use piano::diagnostics::render::{Format, Options, render};
    // Two problems on one line of 5 MB: each snippet shows a window of it.
    let line = format!(
        "piano \"x\" {{\n  ente {}\n}}\n",
        "x".repeat(5 * 1024 * 1024)
    );
    let source = Source::new("lungo.piano", line);
    let diagnostics = piano::check_source(&source);
    assert!(!diagnostics.is_empty());
    let options = Options {
        lang: piano::diagnostics::Lang::It,
        format: Format::Human,
        color: false,
    };
    let out = render(&source, &diagnostics, options);
    assert!(out.len() < 4_000 * diagnostics.len(), "{} bytes", out.len());
    assert!(out.contains("…"), "{out}");
}

/// Found by the fuzzer (a timeout): `triennio 2024-6168` made every indicator report a missing
/// target for each of 4,145 years. The triennio is refused where it is written, once, and no
/// check walks its years.
#[test]
fn a_triennio_of_thousands_of_years_is_one_diagnostic() {
    let d = piano::check_source(&plan("triennio_of_4145_years.piano"));
    let codes = codes(&d);
    assert_eq!(
        codes.iter().filter(|c| **c == Code::T0406).count(),
        1,
        "{d:#?}"
    );
    assert!(!codes.contains(&Code::T0403), "{d:#?}");
}
