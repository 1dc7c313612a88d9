//! Comments never reach the grammar: the parser writes the scanner's comments over with spaces
//! before pest sees an item. A plan therefore parses exactly as the same plan with its comments
//! blanked by hand: the same tree, the same spans, the same syntax diagnostics.

#[path = "common/files.rs"]
mod files;

use std::path::Path;

/// `text` with every comment the scanner finds replaced by as many spaces as it has bytes.
fn blanked(text: &str) -> String {
    let mut out = text.to_string();
    for c in piano::syntax::scan::scan(text).comments {
        out.replace_range(c.range(), &" ".repeat(c.end - c.start));
    }
    out
}

fn parsed(text: &str) -> String {
    let p = piano::syntax::parse(text);
    format!("{:?}\n{:?}\n{:?}", p.plan, p.broken, p.diagnostics)
}

#[test]
fn a_plan_parses_as_the_same_plan_with_its_comments_blanked() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = files::files_under(&root.join("plans"), &["piano"]);
    paths.extend(files::files_under(&root.join("tests"), &["piano"]));
    let mut with_comments = 0;
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let blank = blanked(&text);
        if blank != text {
            with_comments += 1;
        }
        assert_eq!(parsed(&text), parsed(&blank), "{}", path.display());
    }
    assert!(with_comments > 20, "the corpus has plans with comments");
}

#[test]
fn what_a_comment_holds_does_not_reach_the_tree_and_a_hash_in_a_text_stays() {
    let text = "piano \"Piano # uno\" { # commento con è, \"virgolette\" e { graffe\n  \
                ente \"Ente\" # fine riga\n  comparto camera\n  anno 2024\n  \
                triennio 2024-2026 #città\n}\n";
    let p = piano::syntax::parse(text);
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    assert_eq!(p.comments.len(), 3);
    let piano::syntax::ast::Item::Piano(piano) = &p.plan.items[0] else {
        panic!("a piano item");
    };
    assert_eq!(piano.title.value, "Piano # uno");
    let ente = piano.ente.as_ref().expect("ente");
    assert_eq!(ente.value.value, "Ente");
    // The field's span ends with its value, before the comment.
    assert_eq!(&text[ente.span.range()], "ente \"Ente\"");
}
