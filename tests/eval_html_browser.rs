//! The HTML report of the seed in a real browser (headless Chromium): the DOM it builds holds
//! every objective and one bar per indicator as wide as its performance, it prints to A4 PDF
//! pages, and its screenshot is not blank. Without Chromium the test says loudly that it was
//! skipped (and fails under `CI=true`). The PDF and the screenshot are left in
//! `target/eval-browser/` to be looked at.

mod common;

use piano::eval::score::Status;
use piano::report::{self, Format};
use piano::source::Source;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|p| common::on_path(p))
}

/// Runs Chromium headless with a fresh profile, killing it after two minutes.
fn run_chromium(program: &str, dir: &Path, run: &str, args: &[String]) -> Vec<u8> {
    let profile = dir.join(format!("profile-{run}"));
    let mut command = Command::new(program);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut child = command.spawn().expect("chromium starts");
    let stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut s) = stdout {
            let _ = std::io::Read::read_to_end(&mut s, &mut buf);
        }
        buf
    });
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() > Duration::from_secs(120) => {
                let _ = child.kill();
                panic!("chromium {run} did not finish in two minutes");
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => panic!("chromium {run}: {e}"),
        }
    }
    reader.join().unwrap_or_default()
}

/// The value of `attr="..."` in a tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')?;
    Some(&tag[at..at + end])
}

/// Every opening tag that carries `marker`.
fn tags<'a>(dom: &'a str, marker: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = dom;
    while let Some(i) = rest.find(marker) {
        let start = rest[..i].rfind('<').unwrap_or(0);
        let end = i + rest[i..].find('>').unwrap_or(0);
        out.push(&rest[start..=end]);
        rest = &rest[end + 1..];
    }
    out
}

#[test]
fn html_report_in_chromium() {
    let program = chromium();
    if !common::require_tool(program.is_some(), "chromium") {
        return;
    }
    let program = program.unwrap();

    // The seed's report.
    let read = |p: &str| Source::from_bytes(p, &std::fs::read(p).unwrap()).0;
    let plan = read("plans/pistoia-prato-2024.piano");
    let checked = piano::check_plan(&plan);
    let model = &checked.model;
    let loaded = piano::eval::load(model, &read("plans/pistoia-prato-2024-06-30.csv"));
    let (evaluation, _) = piano::eval::evaluate(
        model,
        &plan.text,
        &loaded.measurements,
        piano::eval::Options::default(),
    );
    let evaluation = evaluation.unwrap();
    let report::Rendered::Text(html) = report::render(
        Format::Html,
        report::Report {
            model,
            eval: &evaluation,
        },
        report::Options {
            lang: piano::diagnostics::Lang::It,
            fancy: false,
        },
    ) else {
        panic!("HTML is text");
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("eval-browser");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("report.html");
    std::fs::write(&page, &html).unwrap();
    let url = format!("file://{}", page.display());

    // The DOM as the browser built it.
    let dom = String::from_utf8_lossy(&run_chromium(
        program,
        &dir,
        "dom",
        &["--dump-dom".into(), url.clone()],
    ))
    .into_owned();
    assert!(dom.contains("</html>"), "chromium dumped the DOM");
    let cards: Vec<&str> = tags(&dom, "class=\"card\"")
        .into_iter()
        .filter_map(|t| attr(t, "data-code"))
        .collect();
    let codes: Vec<&str> = model.objectives.iter().map(|o| o.code.as_str()).collect();
    assert_eq!(cards, codes, "one card per objective, in plan order");
    let bars = tags(&dom, "data-performance=");
    let expected: Vec<(Option<String>, Status)> = evaluation
        .objectives
        .iter()
        .flat_map(|o| o.indicators.iter())
        .map(|r| {
            (
                r.score.performance.map(|p| report::percent(p).to_string()),
                r.score.status,
            )
        })
        .collect();
    assert_eq!(bars.len(), expected.len(), "one bar per indicator");
    assert_eq!(bars.len(), 123);
    for (tag, (performance, status)) in bars.iter().zip(&expected) {
        let style = attr(tag, "style").unwrap_or("");
        let width = style
            .split(';')
            .find_map(|d| d.trim().strip_prefix("width:"))
            .map(|w| w.trim().trim_end_matches('%'))
            .unwrap_or_else(|| panic!("a width in {tag}"));
        match performance {
            Some(p) => {
                assert_eq!(width, p, "bar width = performance: {tag}");
                assert_eq!(attr(tag, "data-performance"), Some(p.as_str()));
            }
            None => {
                assert_ne!(*status, Status::Scored);
                assert_eq!(width, "0", "{tag}");
            }
        }
    }

    // Printed to PDF: A4 pages.
    let pdf_path = dir.join("report.pdf");
    run_chromium(
        program,
        &dir,
        "pdf",
        &[
            format!("--print-to-pdf={}", pdf_path.display()),
            "--no-pdf-header-footer".into(),
            url.clone(),
        ],
    );
    let pdf = std::fs::read(&pdf_path).expect("chromium wrote the PDF");
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    let text = String::from_utf8_lossy(&pdf);
    let pages = text.matches("/Type /Page\n").count()
        + text.matches("/Type /Page/").count()
        + text.matches("/Type /Page ").count()
        + text.matches("/Type /Page>").count();
    assert!(pages >= 1, "at least one page");
    let boxes: Vec<Vec<f64>> = text
        .match_indices("/MediaBox [")
        .map(|(i, m)| {
            let rest = &text[i + m.len()..];
            rest[..rest.find(']').unwrap_or(0)]
                .split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect()
        })
        .collect();
    assert!(!boxes.is_empty(), "pages have a MediaBox");
    for b in &boxes {
        assert_eq!(b.len(), 4, "{b:?}");
        assert!(
            (b[2] - b[0] - 595.0).abs() < 3.0 && (b[3] - b[1] - 842.0).abs() < 3.0,
            "an A4 page (595 × 842 pt): {b:?}"
        );
    }

    // A screenshot that is not blank.
    let png_path = dir.join("report.png");
    run_chromium(
        program,
        &dir,
        "png",
        &[
            format!("--screenshot={}", png_path.display()),
            "--window-size=1280,3000".into(),
            url,
        ],
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&png_path).expect("chromium wrote the screenshot"),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let channels = info.color_type.samples();
    let pixels: Vec<&[u8]> = buf[..info.buffer_size()].chunks(channels).collect();
    let mut colours: Vec<[u8; 3]> = pixels.iter().map(|p| [p[0], p[1], p[2]]).collect();
    let not_white = colours.iter().filter(|c| **c != [255, 255, 255]).count();
    colours.sort_unstable();
    colours.dedup();
    assert!(
        colours.len() > 20,
        "a page with text and bars has many colours, found {}",
        colours.len()
    );
    assert!(
        not_white * 50 > pixels.len(),
        "more than 2% of the screenshot is not white ({not_white} of {})",
        pixels.len()
    );
    for band in [[0x2e, 0x7d, 0x32], [0xf0, 0xa5, 0x00], [0xc6, 0x28, 0x28]] {
        assert!(
            colours.binary_search(&band).is_ok(),
            "the bars' band colour {band:?} is on screen"
        );
    }
}
