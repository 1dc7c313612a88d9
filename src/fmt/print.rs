//! Layout + placed comments → text: two-space indentation, one blank line where the layout
//! asks for one, and the blank lines around comments kept (at most one), never right after
//! `{`, before `}`, or at the start of the file.

use super::comments::{Comment, Place, Placed};
use super::layout::Node;
use super::literal::INDENT;

pub fn print(nodes: &[Node], placed: &mut Placed) -> String {
    let mut out = Out::default();
    for node in nodes {
        out.node(node, 0, placed);
    }
    let end = placed.take(Place::EndOfFile);
    out.comments(&end, 0);
    out.finish()
}

#[derive(Default)]
struct Out {
    lines: Vec<String>,
    /// At the start of the file or right after a `{`: no blank line goes here.
    fresh: bool,
}

impl Out {
    fn blank(&mut self) {
        let after_blank = self.lines.last().is_some_and(String::is_empty);
        if !self.lines.is_empty() && !self.fresh && !after_blank {
            self.lines.push(String::new());
        }
    }

    /// Pushes `text` (possibly several lines, from a long text) at `depth`.
    fn push(&mut self, depth: usize, text: &str) {
        for line in text.split('\n') {
            if line.is_empty() {
                self.lines.push(String::new());
            } else {
                self.lines.push(format!("{}{line}", INDENT.repeat(depth)));
            }
        }
        self.fresh = false;
    }

    /// Appends a comment at the end of the last line.
    fn trailing(&mut self, comments: &[Comment]) {
        for c in comments {
            if let Some(last) = self.lines.last_mut() {
                last.push(' ');
                last.push_str(&c.text);
            }
        }
    }

    fn comments(&mut self, comments: &[Comment], depth: usize) {
        for c in comments {
            if c.blank_before {
                self.blank();
            }
            self.push(depth, &c.text);
        }
    }

    fn node(&mut self, node: &Node, depth: usize, placed: &mut Placed) {
        let start = node.span.start;
        if node.blank_before {
            self.blank();
        }
        let leading = placed.take(Place::Before(start));
        self.comments(&leading, depth);
        if !leading.is_empty() && placed.gap_after_leading(start) {
            self.blank();
        }

        let block = node.block.as_ref().filter(|b| {
            !b.optional
                || !b.children.is_empty()
                || placed.has(Place::Header(start))
                || placed.has(Place::End(start))
        });
        let Some(block) = block else {
            self.push(depth, &node.text);
            self.trailing(&placed.take(Place::After(start)));
            return;
        };
        self.push(depth, &format!("{} {{", node.text));
        self.trailing(&placed.take(Place::Header(start)));
        self.fresh = true;
        for child in &block.children {
            self.node(child, depth + 1, placed);
        }
        let end = placed.take(Place::End(start));
        self.comments(&end, depth + 1);
        if self.lines.last().is_some_and(String::is_empty) {
            self.lines.pop();
        }
        self.push(depth, "}");
        self.trailing(&placed.take(Place::After(start)));
    }

    fn finish(mut self) -> String {
        while self.lines.last().is_some_and(String::is_empty) {
            self.lines.pop();
        }
        if self.lines.is_empty() {
            return String::new();
        }
        let mut text = self.lines.join("\n");
        text.push('\n');
        text
    }
}
