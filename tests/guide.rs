//! Every command of the Italian guide (`docs/guida/*.md`) and of the README runs as written:
//! the `sh` blocks are run with bash, in order, in one scratch directory holding a copy of
//! `plans/`, with the `piano` under test first on the PATH. HTML comments before a block steer
//! it: `<!-- file: NAME -->` writes the block to NAME, `<!-- esito: N -->` expects exit status
//! N, `<!-- non eseguito: reason -->` skips a block that installs or changes the user's setup,
//! and `<!-- uscita -->` before a `text` block says it shows what the previous block printed:
//! each of its lines (but `…`, an elision) must be a line of that output.

use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Debug)]
struct Block {
    lang: String,
    text: String,
    /// The HTML comment on the line before the opening fence, if any.
    note: Option<String>,
    line: usize,
}

/// The fenced code blocks of a Markdown text.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut lines = markdown.lines().enumerate().peekable();
    let mut previous: Option<&str> = None;
    while let Some((n, line)) = lines.next() {
        if let Some(lang) = line.strip_prefix("```") {
            let note = previous
                .map(str::trim)
                .and_then(|p| p.strip_prefix("<!--"))
                .and_then(|p| p.strip_suffix("-->"))
                .map(|p| p.trim().to_string());
            let mut text = String::new();
            for (_, l) in lines.by_ref() {
                if l.starts_with("```") {
                    break;
                }
                text.push_str(l);
                text.push('\n');
            }
            out.push(Block {
                lang: lang.trim().to_string(),
                text,
                note,
                line: n + 1,
            });
            previous = None;
            continue;
        }
        if !line.trim().is_empty() {
            previous = Some(line);
        }
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The guide's chapters in order, then the README.
fn documents() -> Vec<PathBuf> {
    let mut chapters: Vec<PathBuf> = std::fs::read_dir(root().join("docs/guida"))
        .expect("docs/guida")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    chapters.sort();
    chapters.push(root().join("README.md"));
    chapters
}

#[test]
fn every_shell_block_of_the_guide_and_the_readme_runs() {
    let scratch = root().join("target/tmp/guide");
    let _ = std::fs::remove_dir_all(&scratch);
    copy_dir(&root().join("plans"), &scratch.join("plans"));
    let bin = Path::new(env!("CARGO_BIN_EXE_piano"))
        .parent()
        .expect("bin dir")
        .to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH");
    let (mut ran, mut skipped, mut written, mut outputs) = (0, 0, 0, 0);
    let mut last_output: Option<String> = None;
    for doc in documents() {
        let markdown = std::fs::read_to_string(&doc).expect("read doc");
        let name = doc
            .strip_prefix(root())
            .expect("in repo")
            .display()
            .to_string();
        for block in blocks(&markdown) {
            let note = block.note.as_deref().unwrap_or("");
            if let Some(file) = note.strip_prefix("file:") {
                std::fs::write(scratch.join(file.trim()), &block.text).expect("write file");
                written += 1;
                continue;
            }
            if note == "uscita" {
                let printed = last_output
                    .as_deref()
                    .unwrap_or_else(|| panic!("{name}:{}: `uscita` after no command", block.line));
                let lines: Vec<&str> = printed.lines().map(str::trim_end).collect();
                for line in block.text.lines().filter(|l| l.trim() != "…") {
                    assert!(
                        lines.contains(&line.trim_end()),
                        "{name}:{}: the guide shows `{line}`, the command printed:\n{printed}",
                        block.line
                    );
                }
                outputs += 1;
                continue;
            }
            if block.lang != "sh" {
                assert!(
                    !matches!(block.lang.as_str(), "bash" | "shell" | "console" | "zsh"),
                    "{name}:{}: shell blocks are tagged `sh` (so that this test runs them)",
                    block.line
                );
                continue;
            }
            if let Some(reason) = note.strip_prefix("non eseguito:") {
                assert!(!reason.trim().is_empty(), "{name}:{}: say why", block.line);
                skipped += 1;
                continue;
            }
            let expected: i32 = note
                .strip_prefix("esito:")
                .map(|n| n.trim().parse().expect("esito: a number"))
                .unwrap_or(0);
            let out = Command::new("bash")
                .args(["-e", "-o", "pipefail", "-c", &block.text])
                .current_dir(&scratch)
                .env("PATH", &path)
                .env("NO_COLOR", "1")
                .env_remove("PIANO_LANG")
                .output()
                .expect("bash runs");
            assert_eq!(
                out.status.code(),
                Some(expected),
                "{name}:{}: the block\n{}ended with {:?}, not {expected}:\n{}\n{}",
                block.line,
                block.text,
                out.status.code(),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            last_output = Some(format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
            ran += 1;
        }
    }
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "guide: {ran} blocks run, {outputs} outputs compared, {written} files written, {skipped} not run (installation)"
    );
    assert!(
        ran >= 15,
        "only {ran} blocks ran: are the blocks tagged `sh`?"
    );
}

/// The blocks the test skips are only the ones that install something or change the user's
/// setup: every command that uses `piano` on a plan runs.
#[test]
fn only_installation_blocks_are_skipped() {
    for doc in documents() {
        let markdown = std::fs::read_to_string(&doc).expect("read doc");
        for block in blocks(&markdown) {
            let skipped = block
                .note
                .as_deref()
                .is_some_and(|n| n.starts_with("non eseguito:"));
            if !skipped {
                continue;
            }
            let installs = [
                "cargo ",
                "npm ",
                "code ",
                "~/",
                "pre-commit install",
                "git ",
            ];
            assert!(
                block.text.lines().all(|l| {
                    l.trim().is_empty()
                        || installs.iter().any(|i| l.contains(i))
                        || l.starts_with("cd ")
                        || l.starts_with("man ")
                        || l.starts_with("echo ")
                }),
                "{}:{}: a skipped block runs plans through piano:\n{}",
                doc.display(),
                block.line,
                block.text
            );
        }
    }
}

/// docs/seed.md shows the seed's whole evaluation at 30/06/2024: it is what `piano eval`
/// prints now, so the page cannot fall behind the evaluator.
#[test]
fn the_seed_evaluation_in_the_docs_is_current() {
    let page = std::fs::read_to_string(root().join("docs/seed.md")).expect("docs/seed.md");
    let whole = page
        .split("<summary>The whole output</summary>")
        .nth(1)
        .expect("the whole output");
    let shown = blocks(whole).into_iter().next().expect("a block").text;
    let out = Command::new(env!("CARGO_BIN_EXE_piano"))
        .args([
            "eval",
            "plans/pistoia-prato-2024.piano",
            "plans/pistoia-prato-2024-06-30.csv",
            "--as-of",
            "30/06/2024",
        ])
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("PIANO_LANG")
        .output()
        .expect("piano eval");
    let now = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown == now,
        "docs/seed.md's whole output differs from `piano eval` (paste the new one):\n{now}"
    );
    let excerpt = page
        .split("The summary and the first objective:")
        .nth(1)
        .and_then(|rest| blocks(rest).into_iter().next())
        .expect("the excerpt")
        .text;
    assert!(
        now.starts_with(&excerpt),
        "docs/seed.md's excerpt is not the report's start"
    );
}
