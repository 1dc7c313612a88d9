//! Where each comment goes in the formatted plan. A comment belongs to the node it sits on
//! (after it, on the same line), to the block header it follows (after `{`), to the node below
//! it (the comments between the previous sibling and that node), or to the end of its block
//! or of the file. Nodes are found by the source offset where they start, which is unique.

use super::layout::Node;
use crate::span::Span;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// From `#` to the end of the line, without trailing blanks.
    pub text: String,
    /// The source had a blank line right before this comment.
    pub blank_before: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// On the lines before the node that starts at this offset.
    Before(usize),
    /// At the end of the last line of that node.
    After(usize),
    /// After the `{` of that node.
    Header(usize),
    /// Before the `}` of that node.
    End(usize),
    EndOfFile,
}

#[derive(Debug, Default)]
pub struct Placed {
    comments: HashMap<Place, Vec<Comment>>,
    /// Nodes (by start) separated from their leading comments by a blank line.
    gap_after_leading: HashSet<usize>,
}

impl Placed {
    /// The comments at `place`, in source order; each comment is taken once.
    pub fn take(&mut self, place: Place) -> Vec<Comment> {
        self.comments.remove(&place).unwrap_or_default()
    }

    /// Whether a blank line separates the node starting at `start` from its leading comments.
    pub fn gap_after_leading(&self, start: usize) -> bool {
        self.gap_after_leading.contains(&start)
    }

    pub fn has(&self, place: Place) -> bool {
        self.comments.contains_key(&place)
    }

    /// How many comments were placed and not yet taken.
    pub fn remaining(&self) -> usize {
        self.comments.values().map(Vec::len).sum()
    }
}

/// Places every comment (`comments` in file order) relative to the top-level `nodes`.
pub fn place(text: &str, comments: &[Span], nodes: &[Node]) -> Placed {
    let mut placed = Placed::default();
    distribute(text, comments, nodes, None, &mut placed);
    placed
}

/// The start and header end of the block being distributed into, or `None` for the file.
type Container = Option<(usize, usize)>;

fn distribute(
    text: &str,
    comments: &[Span],
    children: &[Node],
    container: Container,
    placed: &mut Placed,
) {
    let mut order: Vec<&Node> = children.iter().collect();
    order.sort_by_key(|n| n.span.start);
    let mut inside: Vec<Vec<Span>> = vec![Vec::new(); order.len()];
    // Children are in source order and do not overlap; comments are in file order, so one
    // pass finds, for each comment, the last child starting before it.
    let mut starts_before = 0;
    for &c in comments {
        while order
            .get(starts_before)
            .is_some_and(|n| n.span.start <= c.start)
        {
            starts_before += 1;
        }
        let prev = starts_before.checked_sub(1).map(|k| (k, order[k]));
        if let Some((k, node)) = prev
            && c.start < node.span.end
            && node.block.is_some()
        {
            inside[k].push(c);
            continue;
        }
        let place = match prev {
            Some((_, node)) if same_line(text, node.span.end, c.start) => {
                Place::After(node.span.start)
            }
            None if container
                .is_some_and(|(_, header_end)| same_line(text, header_end, c.start)) =>
            {
                Place::Header(container.map_or(0, |(start, _)| start))
            }
            _ => match (order.get(starts_before), container) {
                (Some(next), _) => {
                    if blank_line_before(text, next.span.start) {
                        placed.gap_after_leading.insert(next.span.start);
                    }
                    Place::Before(next.span.start)
                }
                (None, Some((start, _))) => Place::End(start),
                (None, None) => Place::EndOfFile,
            },
        };
        let comment = Comment {
            text: comment_text(text, c).to_string(),
            blank_before: blank_line_before(text, c.start),
        };
        placed.comments.entry(place).or_default().push(comment);
    }
    for (node, comments) in order.iter().zip(&inside) {
        if let Some(block) = &node.block
            && !comments.is_empty()
        {
            let container = Some((node.span.start, block.header_end));
            distribute(text, comments, &block.children, container, placed);
        }
    }
}

pub use crate::syntax::scan::comment_text;

/// No line end between the two offsets. A lone `\r` ends a line, as for the grammar: a
/// comment after it is on the next line, not a second comment on the same one.
fn same_line(text: &str, a: usize, b: usize) -> bool {
    text.get(a.min(b)..a.max(b))
        .is_some_and(|s| !s.contains(['\n', '\r']))
}

/// The offset where the line holding `at` starts (after `\n`, `\r\n` or a lone `\r`).
fn line_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|before| before.rfind(['\n', '\r']))
        .map_or(0, |i| i + 1)
}

/// Whether the line before the one holding `at` is blank.
pub fn blank_line_before(text: &str, at: usize) -> bool {
    if text.get(..at).is_none() {
        return false;
    }
    let start = line_start(text, at);
    if start == 0 {
        return false;
    }
    // The previous line ends before its line end, which is two bytes for `\r\n`.
    let end = if text[..start].ends_with("\r\n") {
        start - 2
    } else {
        start - 1
    };
    let previous_start = line_start(text, end);
    text[previous_start..end].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_ends_at_a_lone_carriage_return() {
        let text = "peso 5% # nota  \r  peso 6%\n";
        let comment = Span::new(8, text.len() - 1);
        assert_eq!(comment_text(text, comment), "# nota");
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let text = "ambito 1 \"x\" # a\r# b\n";
        assert!(!same_line(text, 14, 18));
        assert!(same_line(text, 12, 14));
        assert!(blank_line_before("a\r\r# c", 3));
        assert!(blank_line_before("a\r\n\r\n# c", 5));
        assert!(!blank_line_before("a\r\n# c", 3));
    }

    #[test]
    fn blank_lines_are_seen() {
        let text = "a\n\n# c\n  # d\n";
        assert!(blank_line_before(text, 3));
        assert!(!blank_line_before(text, 7));
        assert!(!blank_line_before(text, 0));
        assert!(!blank_line_before(text, 999));
    }
}
