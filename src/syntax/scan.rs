//! A cheap first pass over a whole file, aware of strings and comments: it finds where each
//! top-level item starts and ends, collects comments for the formatter, and catches what would
//! make the parser struggle (unclosed blocks and long texts, formulas nested too deeply).
//!
//! Items are then parsed one at a time, so a mistake in one does not hide the others, and
//! memory follows the largest item rather than the file.

use super::error::SyntaxError;
use super::vocab::ITEM_KEYWORDS;
use crate::diagnostics::Diagnostic;
use crate::span::Span;

/// The deepest nesting of parentheses (in a formula) or braces accepted. Real plans use three
/// levels of braces and two or three of parentheses; the cap keeps the recursive parser and AST
/// builder far from the stack's limit.
pub const MAX_NESTING: usize = 64;

/// Item keywords that start a new item even inside an unclosed block, when written at the
/// start of a line: they cannot appear as fields, so the block above them was left open.
const RECOVERY_KEYWORDS: &[&str] = &["piano", "punteggio", "strategico", "obiettivo"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChunkKind {
    /// A top-level item, starting with its keyword.
    Item,
    /// Text that is not inside any item.
    Stray,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub kind: ChunkKind,
    pub span: Span,
    pub repair: Repair,
    /// Too deeply nested to hand to the parser.
    pub too_deep: bool,
}

/// Text to add before parsing an item whose block or long text was left open, so that the
/// rest of the item is still parsed and checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Repair {
    /// Where to insert the `}` judged missing (a file offset at the start of a line).
    pub insert_brace_at: Option<usize>,
    /// What to append at the end of the item.
    pub append: String,
}

/// A comment as the grammar reads it: from `#` to the end of the line, without trailing
/// blanks. A lone `\r` ends a line for the grammar (what follows it is parsed), while the
/// scanner's comment span runs to `\n`: the text stops at the `\r`.
pub fn comment_text(text: &str, comment: Span) -> &str {
    let raw = text.get(comment.range()).unwrap_or("");
    raw.split('\r').next().unwrap_or("").trim_end()
}

/// What a repair inserts.
pub const INSERTED: &str = "}\n";

#[derive(Debug, Default)]
pub struct Scan {
    pub chunks: Vec<Chunk>,
    /// Every comment, from `#` to the end of its line (without the line end).
    pub comments: Vec<Span>,
    pub errors: Vec<Diagnostic>,
}

struct Open {
    start: usize,
    kind: ChunkKind,
    /// Whether a `{` was opened in this chunk (an item without one ends with its line).
    had_block: bool,
    /// An item that must have a block (`obiettivo`, `piano`...): if its header line has no
    /// `{`, the indented lines below still belong to it, and the parser reports the `{`.
    needs_block: bool,
    too_deep: bool,
}

/// The bytes the scanner's loop acts on; the others are skipped a run at a time.
const MEANINGFUL: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    let bytes = b"#\"{}()\n";
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

const BLOCK_ITEMS: &[&str] = &["piano", "punteggio", "modello", "obiettivo"];

/// A `{` and the indentation of its line, to guess which block was left open.
#[derive(Clone, Copy)]
struct Brace {
    at: usize,
    indent: usize,
    line_start: usize,
}

pub fn scan(text: &str) -> Scan {
    Scanner {
        text,
        bytes: text.as_bytes(),
        out: Scan::default(),
        open: None,
        stack: Vec::new(),
        suspicious: None,
        unclosed_text: false,
    }
    .run()
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    out: Scan,
    open: Option<Open>,
    stack: Vec<Brace>,
    /// The first `{` of the current item whose `}` sits at a different indentation: the likely
    /// culprit when the item turns out to be unclosed.
    suspicious: Option<Brace>,
    /// A long text runs to the end of the file.
    unclosed_text: bool,
}

impl Scanner<'_> {
    fn run(mut self) -> Scan {
        let len = self.bytes.len();
        let mut i = 0;
        let mut line_start = 0;
        let mut line_indent = 0;
        let mut at_line_start = true;
        let mut parens = 0usize;
        let mut long_text_start: Option<usize> = None;

        while i < len {
            if at_line_start {
                at_line_start = false;
                line_start = i;
                let j = self.skip_blanks(i);
                line_indent = j - i;
                if long_text_start.is_none() {
                    self.at_line(i, j);
                }
            }
            let b = self.bytes[i];
            if long_text_start.is_some() {
                if self.bytes[i..].starts_with(b"\"\"\"") {
                    long_text_start = None;
                    i += 3;
                } else if b == b'\n' {
                    at_line_start = true;
                    i += 1;
                } else {
                    // To the next quote or line end in one search.
                    i += 1;
                    i += memchr::memchr2(b'"', b'\n', &self.bytes[i..]).unwrap_or(len - i);
                }
                continue;
            }
            match b {
                b'#' => {
                    let end = self.line_end(i);
                    self.out.comments.push(Span::new(i, end));
                    i = end;
                }
                b'"' if self.bytes[i..].starts_with(b"\"\"\"") => {
                    long_text_start = Some(i);
                    i += 3;
                }
                b'"' => i = self.string_end(i),
                b'{' => {
                    if self.stack.len() >= MAX_NESTING
                        && let Some(open) = &mut self.open
                        && !open.too_deep
                    {
                        open.too_deep = true;
                        self.out.errors.push(Diagnostic::new(
                            Span::new(i, i + 1),
                            SyntaxError::TooDeep { limit: MAX_NESTING },
                        ));
                    }
                    self.stack.push(Brace {
                        at: i,
                        indent: line_indent,
                        line_start,
                    });
                    if let Some(open) = &mut self.open {
                        open.had_block = true;
                    }
                    i += 1;
                }
                b'}' => {
                    if let Some(brace) = self.stack.pop() {
                        let close_indent = i - line_start;
                        let only_brace_before = self.text[line_start..i].trim().is_empty();
                        if only_brace_before
                            && close_indent != brace.indent
                            && self.suspicious.is_none()
                        {
                            self.suspicious = Some(brace);
                        }
                        if self.stack.is_empty()
                            && self
                                .open
                                .as_ref()
                                .is_some_and(|o| o.kind == ChunkKind::Item)
                        {
                            self.close(i + 1, String::new());
                        }
                    } else if self.open.is_none() {
                        self.open_chunk(i, ChunkKind::Stray);
                    }
                    i += 1;
                }
                b'(' => {
                    parens += 1;
                    if parens > MAX_NESTING
                        && let Some(open) = &mut self.open
                        && !open.too_deep
                    {
                        open.too_deep = true;
                        self.out.errors.push(Diagnostic::new(
                            Span::new(i, i + 1),
                            SyntaxError::TooDeep { limit: MAX_NESTING },
                        ));
                    }
                    i += 1;
                }
                b')' => {
                    parens = parens.saturating_sub(1);
                    i += 1;
                }
                b'\n' => {
                    // Formulas are one line long: nesting starts afresh on every line.
                    parens = 0;
                    if self.stack.is_empty()
                        && self.open.as_ref().is_some_and(|o| {
                            o.kind == ChunkKind::Item && !o.had_block && !o.needs_block
                        })
                    {
                        let end = if i > 0 && self.bytes[i - 1] == b'\r' {
                            i - 1
                        } else {
                            i
                        };
                        self.close(end, String::new());
                    }
                    at_line_start = true;
                    i += 1;
                }
                _ => {
                    // A run of bytes that mean nothing here, in one step.
                    i += 1;
                    while i < len && !MEANINGFUL[usize::from(self.bytes[i])] {
                        i += 1;
                    }
                }
            }
        }

        let mut missing = String::new();
        if let Some(start) = long_text_start {
            self.out.errors.push(Diagnostic::new(
                Span::new(start, start + 3),
                SyntaxError::UnclosedLongText,
            ));
            missing.push_str("\"\"\"");
            // The block's `}` is inside the unclosed text: that is not a second mistake.
            self.unclosed_text = true;
        }
        self.close(len, missing);
        self.out
    }

    /// At the first non-blank byte `j` of a line starting at `i`: does an item start here, or
    /// stray text?
    fn at_line(&mut self, i: usize, j: usize) {
        let rest = &self.text[j..];
        if rest.is_empty() || rest.starts_with(['\n', '\r', '#']) {
            return;
        }
        // An indented line inside a block (nearly every line) neither starts an item nor is
        // stray text: nothing to look at.
        if !self.stack.is_empty() && j > i {
            return;
        }
        let word_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let word = &rest[..word_len];
        let delimited = rest[word_len..].is_empty()
            || rest[word_len..].starts_with([' ', '\t', '{', '"', '\r', '\n', '#']);
        let is_item = delimited && ITEM_KEYWORDS.contains(&word);
        let awaiting_block = self
            .open
            .as_ref()
            .is_some_and(|o| o.kind == ChunkKind::Item && o.needs_block && !o.had_block);
        let starts_item = if self.stack.is_empty() {
            !(awaiting_block && j > i)
        } else {
            // Inside a block, only a line at column 0 that reads like an item's header (a
            // title, or `punteggio {`): `strategico 01_01` is the field, not the item.
            j == i && RECOVERY_KEYWORDS.contains(&word) && {
                let header = &rest[word_len..self.line_end(j) - j];
                if word == "punteggio" {
                    header.contains('{')
                } else {
                    header.contains('"')
                }
            }
        };
        if is_item && starts_item {
            let end = self.content_end(i);
            self.close(end, String::new());
            self.open_chunk(j, ChunkKind::Item);
            if let Some(open) = &mut self.open {
                open.needs_block = BLOCK_ITEMS.contains(&word);
            }
        } else if self.open.is_none() && self.stack.is_empty() {
            self.open_chunk(j, ChunkKind::Stray);
        }
    }

    fn open_chunk(&mut self, start: usize, kind: ChunkKind) {
        self.open = Some(Open {
            start,
            kind,
            had_block: false,
            needs_block: false,
            too_deep: false,
        });
        self.stack.clear();
        self.suspicious = None;
    }

    /// Ends the open chunk at `end`, reporting a block left open and planning its repair.
    fn close(&mut self, end: usize, append: String) {
        let Some(open) = self.open.take() else {
            return;
        };
        let end = self.text[..end].trim_end().len().max(open.start);
        let mut repair = Repair {
            insert_brace_at: None,
            append,
        };
        if open.kind == ChunkKind::Item && !self.stack.is_empty() {
            let culprit = self
                .suspicious
                .filter(|s| s.at >= open.start)
                .unwrap_or(self.stack[self.stack.len() - 1]);
            let mut unclosed = self.stack.len();
            if culprit.at != self.stack[self.stack.len() - 1].at {
                // Close the culprit where its block visibly ends: before the first line below
                // it that is indented no deeper than the line that opened it.
                repair.insert_brace_at = self.block_end_guess(culprit, end);
                if repair.insert_brace_at.is_some() {
                    unclosed -= 1;
                }
            }
            if !self.unclosed_text {
                let keyword = self.text[culprit.line_start..]
                    .trim_start()
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .next()
                    .unwrap_or("")
                    .to_string();
                self.out.errors.push(Diagnostic::new(
                    Span::new(culprit.at, culprit.at + 1),
                    SyntaxError::UnclosedBlock { keyword },
                ));
            }
            for _ in 0..unclosed {
                repair.append.push_str("\n}");
            }
        }
        self.stack.clear();
        self.suspicious = None;
        self.out.chunks.push(Chunk {
            kind: open.kind,
            span: Span::new(open.start, end),
            repair,
            too_deep: open.too_deep,
        });
    }

    /// The start of the first non-blank line after `brace`'s line, before `end`, indented no
    /// deeper than `brace`'s line and not a `}`.
    fn block_end_guess(&self, brace: Brace, end: usize) -> Option<usize> {
        let mut line = self.text[brace.at..end].find('\n')? + brace.at + 1;
        while line < end {
            let rest = &self.text[line..end];
            let content = rest.trim_start_matches([' ', '\t']);
            let indent = rest.len() - content.len();
            let blank = content.is_empty() || content.starts_with(['\n', '\r', '#']);
            if !blank && indent <= brace.indent && !content.starts_with('}') {
                return Some(line);
            }
            line += rest.find('\n')? + 1;
        }
        None
    }

    fn skip_blanks(&self, mut i: usize) -> usize {
        while i < self.bytes.len() && matches!(self.bytes[i], b' ' | b'\t') {
            i += 1;
        }
        // A byte order mark at the very start is not content.
        if i == 0 && self.text.starts_with('\u{FEFF}') {
            return self.skip_blanks(3);
        }
        i
    }

    /// The end of the line holding `i`, without the line end. A lone `\r` ends a line too, as
    /// it does for the grammar.
    fn line_end(&self, i: usize) -> usize {
        memchr::memchr2(b'\n', b'\r', &self.bytes[i..]).map_or(self.bytes.len(), |n| i + n)
    }

    /// The end of a one-line string starting at the quote `i` (or the line end, if unclosed).
    /// An unclosed string on a line that ends with `{` (`obiettivo X "Titolo {`) ends before
    /// that `{`: the closing quote was forgotten, not the block, which still opens here.
    fn string_end(&self, i: usize) -> usize {
        let mut k = i + 1;
        while k < self.bytes.len() {
            match self.bytes[k] {
                b'\\' => k += 2,
                b'"' => return k + 1,
                b'\n' => break,
                _ => {
                    k += 1;
                    let rest = self.bytes.get(k..).unwrap_or_default();
                    k += memchr::memchr3(b'\\', b'"', b'\n', rest).unwrap_or(rest.len());
                }
            }
        }
        let end = k.min(self.bytes.len());
        let line = self.text[i..end].trim_end();
        if line.ends_with('{') {
            return i + line.len() - 1;
        }
        end
    }

    /// Where the content before the line at `line_start` ends: the item ends with its last
    /// line, not with the blank lines and comments that follow.
    fn content_end(&self, line_start: usize) -> usize {
        let before = &self.text[..line_start];
        before.trim_end().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(ChunkKind, &str)> {
        scan(text)
            .chunks
            .iter()
            .map(|c| (c.kind.clone(), &text[c.span.range()]))
            .collect()
    }

    #[test]
    fn splits_items() {
        let text = "ambito 1 \"A\"\n\n# c\nobiettivo 01 \"x\" {\n  peso 5%\n}\nmisura m \"d\" n.\n";
        assert_eq!(
            kinds(text),
            vec![
                (ChunkKind::Item, "ambito 1 \"A\""),
                (ChunkKind::Item, "obiettivo 01 \"x\" {\n  peso 5%\n}"),
                (ChunkKind::Item, "misura m \"d\" n."),
            ]
        );
        assert_eq!(scan(text).comments.len(), 1);
    }

    #[test]
    fn nested_misura_does_not_split() {
        let text = "obiettivo 01 \"x\" {\n  misura m \"d\" n.\n}\n";
        assert_eq!(kinds(text).len(), 1);
    }

    #[test]
    fn braces_in_strings_and_comments_are_ignored() {
        let text = "obiettivo 01 \"x { \" {\n  nota \"}\" # }\n  descrizione \"\"\"\n }\n  \"\"\"\n}\nambito 1 \"a\"";
        let chunks = kinds(text);
        assert_eq!(chunks.len(), 2);
        assert!(chunks[0].1.ends_with("\"\"\"\n}"));
    }

    #[test]
    fn unclosed_block_recovers_at_next_objective() {
        let text =
            "obiettivo 01 \"x\" {\n  indicatore a {\n    peso 5%\n}\nobiettivo 02 \"y\" {\n}\n";
        let s = scan(text);
        assert_eq!(s.chunks.len(), 2);
        // Nothing below the indicator shows where it ends: the `}` is appended.
        assert_eq!(s.chunks[0].repair.insert_brace_at, None);
        assert_eq!(s.chunks[0].repair.append, "\n}");
    }

    #[test]
    fn unclosed_block_is_closed_before_its_next_sibling() {
        let text =
            "obiettivo 01 \"x\" {\n  indicatore a {\n    peso 5%\n\n  indicatore b {\n  }\n}\n";
        let s = scan(text);
        assert_eq!(s.chunks.len(), 1);
        assert_eq!(
            s.chunks[0].repair.insert_brace_at,
            Some(text.find("  indicatore b").unwrap())
        );
        assert_eq!(s.chunks[0].repair.append, "");
        assert_eq!(s.errors.len(), 1);
        // The indicator's `{` is blamed: its `}` is at the objective's indentation.
        assert_eq!(&text[s.errors[0].span.range()], "{");
        assert_eq!(s.errors[0].span.start, text.find("a {").unwrap() + 2);
    }

    #[test]
    fn a_field_at_column_zero_does_not_start_an_item() {
        let text = "obiettivo 01 \"x\" {\nstrategico 01_01\n  peso 5%\n}\n";
        assert_eq!(kinds(text).len(), 1);
        let text = "obiettivo 01 \"x\" {\n  peso 5%\nobiettivo 02 \"y\" {\n}\n";
        assert_eq!(kinds(text).len(), 2);
    }

    #[test]
    fn a_lone_carriage_return_ends_a_comment() {
        let text = "obiettivo 01 \"x\" { # nota\r  peso 5%\n}";
        let s = scan(text);
        assert_eq!(&text[s.comments[0].range()], "# nota");
    }

    #[test]
    fn stray_text_is_a_chunk() {
        let text = "ciao mondo\nambito 1 \"a\"\n}\n";
        let chunks = kinds(text);
        assert_eq!(chunks[0], (ChunkKind::Stray, "ciao mondo"));
        assert_eq!(chunks[2], (ChunkKind::Stray, "}"));
    }

    #[test]
    fn deep_nesting_is_caught() {
        let text = format!(
            "obiettivo 01 \"x\" {{\n formula {}a{}\n}}",
            "(".repeat(100),
            ")".repeat(100)
        );
        let s = scan(&text);
        assert!(s.chunks[0].too_deep);
        assert_eq!(s.errors.len(), 1);
    }
}
