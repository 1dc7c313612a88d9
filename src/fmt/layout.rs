//! The canonical layout of a plan before comments are placed: the text of each line, the
//! order of the lines in each block, and the blank lines that separate groups.

use crate::span::Span;

/// A field line, or an item or field with a `{ }` block.
#[derive(Debug)]
pub struct Node {
    /// Where the node was in the source file; comments are placed relative to it.
    pub span: Span,
    /// The line, or for a block the header before ` {`. A long text adds lines, indented
    /// relative to the node.
    pub text: String,
    pub block: Option<Block>,
    /// A blank line separates this node from what comes before it (never right after `{`).
    pub blank_before: bool,
}

#[derive(Debug)]
pub struct Block {
    /// Where the header's last token ends in the source: a comment on that line belongs to
    /// the header.
    pub header_end: usize,
    /// The nodes inside, in canonical order.
    pub children: Vec<Node>,
    /// `ambito` and `strategico` print their braces only when something goes inside.
    pub optional: bool,
}

impl Node {
    pub fn line(span: Span, text: String) -> Node {
        Node {
            span,
            text,
            block: None,
            blank_before: false,
        }
    }

    pub fn block(span: Span, text: String, header_end: usize, children: Vec<Node>) -> Node {
        Node {
            span,
            text,
            block: Some(Block {
                header_end,
                children,
                optional: false,
            }),
            blank_before: false,
        }
    }

    pub fn separated(mut self) -> Node {
        self.blank_before = true;
        self
    }
}
