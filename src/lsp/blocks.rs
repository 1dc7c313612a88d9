//! The `{ }` blocks of a text as written, found by a lexical pass that knows strings, long
//! texts and comments. Completion reads it: it must work on the half-typed text of an editor,
//! which the parser may not accept.

use crate::span::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The first word of the line that opens it: `obiettivo`, `indicatore`, `risorse`...
    pub keyword: String,
    /// The offset of its `{`.
    pub open: usize,
    /// The offset of its `}`; `None` when it is never closed.
    pub close: Option<usize>,
    pub parent: Option<usize>,
    /// The first word of each line directly inside it (not inside a nested block).
    pub fields: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Blocks {
    /// In the order their `{` appears.
    pub blocks: Vec<Block>,
    /// Strings, long texts and comments, in text order: no completion inside them. The flag
    /// says the span runs to its line's end (a comment, an unclosed string), so the cursor at
    /// its end is still inside it.
    pub quiet: Vec<(Span, bool)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Code,
    String,
    LongText,
    Comment,
}

impl Blocks {
    pub fn new(text: &str) -> Self {
        let mut out = Blocks::default();
        let mut stack: Vec<usize> = Vec::new();
        let mut state = State::Code;
        let mut quiet_start = 0;
        let mut at_line_start = true;
        let mut line_word = String::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match state {
                State::Code => {
                    if at_line_start {
                        if c == ' ' || c == '\t' {
                            continue;
                        }
                        at_line_start = false;
                        line_word = first_word(&text[i..]).to_string();
                        if !line_word.is_empty()
                            && let Some(&b) = stack.last()
                        {
                            out.blocks[b].fields.push(line_word.clone());
                        }
                    }
                    match c {
                        '\n' | '\r' => {
                            at_line_start = true;
                            line_word.clear();
                        }
                        '#' => {
                            state = State::Comment;
                            quiet_start = i;
                        }
                        '"' => {
                            quiet_start = i;
                            if text[i..].starts_with("\"\"\"") {
                                chars.next();
                                chars.next();
                                state = State::LongText;
                            } else {
                                state = State::String;
                            }
                        }
                        '{' => {
                            out.blocks.push(Block {
                                keyword: line_word.clone(),
                                open: i,
                                close: None,
                                parent: stack.last().copied(),
                                fields: Vec::new(),
                            });
                            stack.push(out.blocks.len() - 1);
                        }
                        '}' => {
                            if let Some(b) = stack.pop() {
                                out.blocks[b].close = Some(i);
                            }
                        }
                        _ => {}
                    }
                }
                State::Comment | State::String if c == '\n' || c == '\r' => {
                    out.quiet.push((Span::new(quiet_start, i), true));
                    state = State::Code;
                    at_line_start = true;
                    line_word.clear();
                }
                State::Comment => {}
                State::String => match c {
                    // An escaped character (`\"`) does not end the string; a line end does.
                    '\\' if chars.peek().is_some_and(|(_, n)| *n != '\n' && *n != '\r') => {
                        chars.next();
                    }
                    '"' => {
                        out.quiet.push((Span::new(quiet_start, i + 1), false));
                        state = State::Code;
                    }
                    _ => {}
                },
                State::LongText => {
                    if c == '"' && text[i..].starts_with("\"\"\"") {
                        chars.next();
                        chars.next();
                        out.quiet.push((Span::new(quiet_start, i + 3), false));
                        state = State::Code;
                    }
                }
            }
        }
        if state != State::Code {
            out.quiet.push((Span::new(quiet_start, text.len()), true));
        }
        out
    }

    /// The innermost block around `offset` (after its `{`, up to its `}`).
    pub fn innermost(&self, offset: usize) -> Option<&Block> {
        let after = self.blocks.partition_point(|b| b.open < offset);
        let mut candidate = after.checked_sub(1);
        // Blocks nest, so the last block opened before `offset` either holds it or was closed
        // before it; then one of its ancestors may hold it.
        while let Some(i) = candidate {
            let b = &self.blocks[i];
            if b.close.is_none_or(|c| offset <= c) {
                return Some(b);
            }
            candidate = b.parent;
        }
        None
    }

    /// Whether `offset` is inside a string, a long text or a comment (a comment includes the
    /// end of its line, where the cursor is while typing it).
    pub fn is_quiet(&self, offset: usize) -> bool {
        let i = self.quiet.partition_point(|(s, _)| s.start < offset);
        i.checked_sub(1)
            .map(|i| self.quiet[i])
            .is_some_and(|(s, open)| offset < s.end || (open && offset == s.end))
    }
}

/// The word a line starts with (letters, digits and `_`).
fn first_word(rest: &str) -> &str {
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    &rest[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "obiettivo X \"a { b\" {\n  misura m \"}\" n.\n  # { not a block\n  indicatore i {\n    udm %\n  }\n  descrizione \"\"\"\n  {\n  \"\"\"\n}\nmisura g \"G\" n.\n";

    #[test]
    fn finds_blocks_outside_strings_and_comments() {
        let b = Blocks::new(TEXT);
        assert_eq!(b.blocks.len(), 2);
        assert_eq!(b.blocks[0].keyword, "obiettivo");
        assert_eq!(b.blocks[1].keyword, "indicatore");
        assert_eq!(b.blocks[1].parent, Some(0));
        assert_eq!(b.blocks[0].fields, ["misura", "indicatore", "descrizione"]);
        assert_eq!(b.blocks[1].fields, ["udm"]);
    }

    #[test]
    fn innermost_block_at_an_offset() {
        let b = Blocks::new(TEXT);
        let at = |s: &str| TEXT.find(s).unwrap();
        assert_eq!(b.innermost(at("udm")).unwrap().keyword, "indicatore");
        assert_eq!(b.innermost(at("descrizione")).unwrap().keyword, "obiettivo");
        assert!(b.innermost(at("misura g")).is_none());
        assert!(b.innermost(0).is_none());
    }

    #[test]
    fn quiet_inside_strings_and_comments() {
        let b = Blocks::new(TEXT);
        let at = |s: &str| TEXT.find(s).unwrap();
        assert!(b.is_quiet(at("not a block")));
        assert!(b.is_quiet(at("a { b") + 1));
        assert!(!b.is_quiet(at("udm")));
        assert!(b.is_quiet(at("\"\"\"\n  {") + 5));
    }
}
