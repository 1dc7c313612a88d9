//! The HTML reports in a real browser (headless Chromium).
//!
//! - Every shipped plan (`plans/*.piano`) with each of its measurement files
//!   (`plans/NAME-*.csv`), and with all of them at once when it has several (or with none,
//!   every value n.d.), is opened at A4 width (794 px) and at 1280 px: a script added to a
//!   copy of the page measures every table cell and writes into the DOM each one whose content
//!   is wider than the cell (`scrollWidth > clientWidth`); `--dump-dom` reads it back. Any
//!   such cell fails the test, named by card, row, column and text.
//! - Each report is printed to PDF: every page is A4, and `pdftotext -bbox` shows every word
//!   inside the page's margins and no two words of one line drawn over each other (text
//!   spilling from one cell into the next).
//! - On the seed: one card per objective in plan order, one bar per indicator as wide as its
//!   performance, and a screenshot that is not blank.
//!
//! Without Chromium or poppler-utils the test says loudly that it was skipped (and fails
//! under `CI=true`). Pages, PDFs and screenshots are left in `target/tmp/eval-browser/`.

mod common;

use piano::eval::score::Status;
use piano::eval::{Evaluation, Options};
use piano::report::{self, Format, Order};
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
            "--hide-scrollbars",
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
    let _ = std::fs::remove_dir_all(&profile);
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

fn read(path: &Path) -> Source {
    Source::from_bytes(path.display().to_string(), &std::fs::read(path).unwrap()).0
}

/// One report to look at: a plan and its measurement files (none: every value n.d.).
struct Case {
    name: String,
    plan: PathBuf,
    measurements: Vec<PathBuf>,
}

/// Every shipped plan with each of its measurement files, and with all of them together.
fn cases() -> Vec<Case> {
    let mut plans: Vec<PathBuf> = std::fs::read_dir("plans")
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "piano"))
        .collect();
    plans.sort();
    let mut out = Vec::new();
    for plan in plans {
        let stem = plan.file_stem().unwrap().to_string_lossy().into_owned();
        let mut files: Vec<PathBuf> = std::fs::read_dir("plans")
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|e| e == "csv")
                    && p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with(&format!("{stem}-")))
            })
            .collect();
        files.sort();
        if files.is_empty() {
            out.push(Case {
                name: format!("{stem}-nd"),
                plan: plan.clone(),
                measurements: Vec::new(),
            });
        }
        for f in &files {
            out.push(Case {
                name: f.file_stem().unwrap().to_string_lossy().into_owned(),
                plan: plan.clone(),
                measurements: vec![f.clone()],
            });
        }
        if files.len() > 1 {
            out.push(Case {
                name: format!("{stem}-all-dates"),
                plan: plan.clone(),
                measurements: files.clone(),
            });
        }
    }
    out
}

/// The model and the evaluations (oldest first) of a case.
fn evaluate(case: &Case) -> (piano::check::model::Model, Vec<Evaluation>) {
    let plan = read(&case.plan);
    let checked = piano::check_plan(&plan);
    assert!(!checked.has_errors(), "{} checks", case.plan.display());
    let model = checked.model;
    let mut evaluations = Vec::new();
    if case.measurements.is_empty() {
        let empty = piano::eval::measurements::Measurements::empty(&model);
        let (e, _) = piano::eval::evaluate(&model, &plan.text, &empty, Options::default());
        evaluations.push(e.expect("an evaluation"));
    }
    for file in &case.measurements {
        let loaded = piano::eval::load(&model, &read(file));
        assert!(!loaded.has_errors(), "{} loads", file.display());
        let (e, _) =
            piano::eval::evaluate(&model, &plan.text, &loaded.measurements, Options::default());
        evaluations.push(e.expect("an evaluation"));
    }
    evaluations.sort_by_key(|e| e.as_of);
    (model, evaluations)
}

fn html_of(model: &piano::check::model::Model, evaluations: &[Evaluation]) -> String {
    let report::Rendered::Text(html) = report::render(
        Format::Html,
        report::Report::series(model, evaluations, Order::Plan).unwrap(),
        report::Options::default(),
    ) else {
        panic!("HTML is text");
    };
    html
}

/// Added to a copy of the page: lists every table cell whose content is wider than the cell,
/// in a `<pre id="overflow">` that `--dump-dom` brings back.
const PROBE: &str = r#"<script>
window.addEventListener('load', function () {
  var out = [];
  var cells = document.querySelectorAll('td, th');
  for (var i = 0; i < cells.length; i++) {
    var c = cells[i];
    if (c.scrollWidth > c.clientWidth) {
      var card = c.closest('section');
      var row = c.closest('tr');
      var table = c.closest('table');
      var head = table && table.tHead ? table.tHead.rows[0].cells[c.cellIndex] : null;
      out.push([
        card ? card.id : 'summary',
        row ? (row.getAttribute('data-name') || row.cells[0].textContent.trim().slice(0, 30)) : '',
        head ? head.textContent.trim() : '',
        c.textContent.trim().slice(0, 60),
        c.scrollWidth + ' > ' + c.clientWidth
      ].join(' | '));
    }
  }
  var pre = document.createElement('pre');
  pre.id = 'overflow';
  pre.setAttribute('data-cells', String(cells.length));
  pre.textContent = out.join('\n');
  document.body.appendChild(pre);
});
</script>"#;

/// The cells that overflow at a window width, and how many cells were measured.
fn overflowing(
    program: &str,
    dir: &Path,
    name: &str,
    html: &str,
    width: u32,
) -> (Vec<String>, usize) {
    let page = dir.join(format!("{name}-probe.html"));
    std::fs::write(&page, html.replace("</body>", &format!("{PROBE}</body>"))).unwrap();
    let dom = String::from_utf8_lossy(&run_chromium(
        program,
        dir,
        &format!("{name}-{width}"),
        &[
            format!("--window-size={width},1200"),
            "--dump-dom".into(),
            format!("file://{}", page.display()),
        ],
    ))
    .into_owned();
    let at = dom
        .find("<pre id=\"overflow\"")
        .unwrap_or_else(|| panic!("{name} at {width} px: the probe ran"));
    let tag = &dom[at..at + dom[at..].find('>').unwrap()];
    let cells: usize = attr(tag, "data-cells").unwrap().parse().unwrap();
    let body = &dom[at + tag.len() + 1..];
    let body = &body[..body.find("</pre>").unwrap()];
    let lines = body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            l.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect();
    (lines, cells)
}

/// A word of `pdftotext -bbox`, in points.
#[derive(Debug)]
struct Word {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

/// The pages of a PDF: (width, height, words).
fn pdf_words(pdf: &Path) -> Vec<(f64, f64, Vec<Word>)> {
    let out = Command::new("pdftotext")
        .args(["-bbox"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext reads {}", pdf.display());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let num = |tag: &str, key: &str| -> f64 { attr(tag, key).unwrap().parse().unwrap() };
    let mut pages = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push((num(line, "width"), num(line, "height"), Vec::new()));
        } else if line.starts_with("<word ") {
            let text =
                line[line.find('>').unwrap() + 1..line.rfind("</word>").unwrap()].to_string();
            let word = Word {
                x0: num(line, "xMin"),
                y0: num(line, "yMin"),
                x1: num(line, "xMax"),
                y1: num(line, "yMax"),
                text,
            };
            pages.last_mut().expect("a word on a page").2.push(word);
        }
    }
    pages
}

/// What is wrong with a printed page: words outside the margins (12 mm, with 2 pt of slack)
/// or drawn over another word of the same line.
fn page_problems(page: usize, (w, h, words): &(f64, f64, Vec<Word>)) -> Vec<String> {
    let margin = 12.0 / 25.4 * 72.0 - 2.0;
    let mut out = Vec::new();
    for word in words {
        if word.x0 < margin || word.x1 > w - margin || word.y0 < margin || word.y1 > h - margin {
            out.push(format!(
                "page {page}: `{}` outside the margins {word:?}",
                word.text
            ));
        }
    }
    for (k, a) in words.iter().enumerate() {
        for b in &words[k + 1..] {
            let same_line = a.y0.max(b.y0) < a.y1.min(b.y1) - 1.0;
            let overlap = a.x0.max(b.x0) < a.x1.min(b.x1) - 0.5;
            if same_line && overlap {
                out.push(format!(
                    "page {page}: `{}` and `{}` drawn over each other",
                    a.text, b.text
                ));
            }
        }
    }
    out
}

#[test]
fn html_reports_in_chromium() {
    let program = chromium();
    if !common::require_tool(program.is_some(), "chromium") {
        return;
    }
    if !common::require_tool(common::on_path("pdftotext"), "pdftotext (poppler-utils)") {
        return;
    }
    let program = program.unwrap();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("eval-browser");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();

    let mut problems = Vec::new();
    let cases = cases();
    assert!(
        cases.iter().any(|c| c.measurements.len() > 1),
        "a report of several dates is among the cases"
    );
    for case in &cases {
        let (model, evaluations) = evaluate(case);
        let html = html_of(&model, &evaluations);
        let page = dir.join(format!("{}.html", case.name));
        std::fs::write(&page, &html).unwrap();

        for width in [794, 1280] {
            let (cells, measured) = overflowing(program, &dir, &case.name, &html, width);
            assert!(
                measured > 20,
                "{}: cells were measured ({measured})",
                case.name
            );
            eprintln!(
                "{} at {width} px: {} of {measured} cells overflow",
                case.name,
                cells.len()
            );
            problems.extend(
                cells
                    .into_iter()
                    .map(|c| format!("{} at {width} px: {c}", case.name)),
            );
        }

        let pdf = dir.join(format!("{}.pdf", case.name));
        run_chromium(
            program,
            &dir,
            &format!("{}-pdf", case.name),
            &[
                format!("--print-to-pdf={}", pdf.display()),
                "--no-pdf-header-footer".into(),
                format!("file://{}", page.display()),
            ],
        );
        let pages = pdf_words(&pdf);
        assert!(!pages.is_empty(), "{}: printed pages", case.name);
        for (k, p) in pages.iter().enumerate() {
            assert!(
                (p.0 - 595.0).abs() < 3.0 && (p.1 - 842.0).abs() < 3.0,
                "{} page {}: A4 (595 × 842 pt), not {} × {}",
                case.name,
                k + 1,
                p.0,
                p.1
            );
            problems.extend(
                page_problems(k + 1, p)
                    .into_iter()
                    .map(|x| format!("{} PDF {x}", case.name)),
            );
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_margin_and_overlap_checks_catch_spilled_text() {
    let word = |x0: f64, x1: f64, y0: f64, text: &str| Word {
        x0,
        y0,
        x1,
        y1: y0 + 10.0,
        text: text.into(),
    };
    let page = (
        595.0,
        842.0,
        vec![
            word(40.0, 100.0, 100.0, "11.205.947,00"),
            word(95.0, 130.0, 101.0, "n.d."),
            word(500.0, 590.0, 200.0, "oltre"),
            word(40.0, 60.0, 300.0, "bene"),
        ],
    );
    let found = page_problems(1, &page);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].contains("`oltre` outside the margins"));
    assert!(found[1].contains("`11.205.947,00` and `n.d.` drawn over each other"));
}

#[test]
fn seed_report_in_chromium() {
    let program = chromium();
    if !common::require_tool(program.is_some(), "chromium") {
        return;
    }
    let program = program.unwrap();
    let case = Case {
        name: "seed".into(),
        plan: "plans/pistoia-prato-2024.piano".into(),
        measurements: vec!["plans/pistoia-prato-2024-06-30.csv".into()],
    };
    let (model, evaluations) = evaluate(&case);
    let evaluation = &evaluations[0];
    let html = html_of(&model, &evaluations);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("eval-browser-seed");
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
        assert_eq!(attr(tag, "data-date"), Some("2024-06-30"));
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
