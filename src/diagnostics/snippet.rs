//! The part of a file that one diagnostic shows, as miette reads it.
//!
//! miette's own `SourceCode` for a string scans the text from its start on every read, so a
//! file with thousands of diagnostics took quadratic time. Here each diagnostic gets a small
//! text of its own, built from the file's line index: only the lines around its labels, each
//! long line cut to a window around the label (`…` marks a cut), far-apart labels in separate
//! excerpts (miette then prints them as separate snippets, with the lines between left out,
//! as rustc does), control characters made visible. Label spans are mapped into that text;
//! each excerpt keeps its real line numbers, and the header its real line and column.
//!
//! A snippet therefore costs its own size, whatever the size of the file.

use crate::controls;
use crate::source::Source;
use crate::span::Span;
use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// A line longer than this (in bytes) is shown as a window around its labels.
const MAX_LINE: usize = 240;
/// Context kept on each side of a label on a long line.
const CONTEXT: usize = 60;
/// A label longer than this is cut: its start is what locates the problem.
const MAX_LABEL: usize = 120;
/// A label over more lines than this is cut to its first line.
const MAX_LABEL_LINES: usize = 6;
/// Lines shown before and after a label (miette's default, which the handler also uses).
pub const CONTEXT_LINES: usize = 1;

/// One line of an excerpt: where it is in the file and in the excerpts' text.
#[derive(Debug)]
struct Line {
    /// 0-based line number in the file.
    number: usize,
    /// The bytes of the file it shows (a window of the line when the line is long).
    window: std::ops::Range<usize>,
    /// Where the line starts in [`Excerpts::text`] (at its `…` when the window is cut).
    text_start: usize,
    /// Where the window's text starts in [`Excerpts::text`].
    start: usize,
    /// Where the line ends in [`Excerpts::text`], its `\n` included.
    end: usize,
}

/// The lines one diagnostic shows, as a text of their own: runs of consecutive lines
/// ("parts"), one after another.
#[derive(Debug)]
pub struct Excerpts<'s> {
    source: &'s Source,
    name: String,
    text: String,
    parts: Vec<Vec<Line>>,
    /// Label starts in the excerpts' text, with the real line and column (0-based, in
    /// characters) that a snippet's header shows, and the label's start in the file.
    positions: Vec<(usize, usize, usize, usize)>,
}

impl<'s> Excerpts<'s> {
    /// The excerpts for labels at `spans` (byte ranges of `source`, in any order). Returns
    /// them and each span mapped into their text, in the order given.
    pub fn new(source: &'s Source, name: String, spans: &[Span]) -> (Self, Vec<SourceSpan>) {
        let bounded: Vec<Span> = spans.iter().map(|s| bound(source, *s)).collect();
        // The lines to show, merged where they touch. The empty "line" after a final line
        // end is shown only when a label is on it.
        let ends_with_newline = source.text.ends_with('\n');
        let last_line = source.line_count() - 1 - usize::from(ends_with_newline);
        let mut ranges: Vec<(usize, usize)> = bounded
            .iter()
            .map(|s| {
                let first = source.line_of(s.start).saturating_sub(CONTEXT_LINES);
                let last = source.line_of(s.end);
                (first, last.max((last + CONTEXT_LINES).min(last_line)))
            })
            .collect();
        ranges.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (a, b) in ranges {
            match merged.last_mut() {
                Some((_, end)) if a <= *end + 1 => *end = (*end).max(b),
                _ => merged.push((a, b)),
            }
        }
        let mut excerpts = Excerpts {
            source,
            name,
            text: String::new(),
            parts: Vec::with_capacity(merged.len()),
            positions: Vec::with_capacity(spans.len()),
        };
        for (first, last) in merged {
            let lines = (first..=last)
                .map(|number| {
                    let window = window(source, number, &bounded);
                    excerpts.push_line(number, window)
                })
                .collect();
            excerpts.parts.push(lines);
            // A byte between parts: no span read from one part reaches into the next.
            excerpts.text.push('\n');
        }
        let mapped = bounded
            .iter()
            .map(|s| {
                let start = excerpts.map(s.start);
                let end = excerpts.map(s.end).max(start);
                let (line, column) = source.line_col(s.start);
                excerpts
                    .positions
                    .push((start, line - 1, column - 1, s.start));
                SourceSpan::new(start.into(), end - start)
            })
            .collect();
        (excerpts, mapped)
    }

    fn push_line(&mut self, number: usize, window: std::ops::Range<usize>) -> Line {
        let line = self.source.line_range(number);
        let text_start = self.text.len();
        if window.start > line.start {
            self.text.push('…');
        }
        let start = self.text.len();
        controls::escape_line(&self.source.text[window.clone()], &mut self.text);
        if window.end < line.end {
            self.text.push('…');
        }
        self.text.push('\n');
        Line {
            number,
            window,
            text_start,
            start,
            end: self.text.len(),
        }
    }

    /// Where file offset `x` is in the excerpts' text (clamped to the window of its line).
    fn map(&self, x: usize) -> usize {
        let number = self.source.line_of(x);
        let Some(line) = self.parts.iter().flatten().find(|l| l.number == number) else {
            return 0;
        };
        let x = x.clamp(line.window.start, line.window.end);
        line.start + controls::escaped_len(&self.source.text[line.window.start..x])
    }

    /// The part holding `span`, and the indices of its first and last lines there.
    fn locate(&self, span: &SourceSpan) -> Option<(&[Line], usize, usize)> {
        let start = span.offset();
        let end = start + span.len();
        self.parts.iter().find_map(|lines| {
            let (first, last) = (lines.first()?, lines.last()?);
            if start < first.text_start || end > last.end {
                return None;
            }
            let a = lines.iter().position(|l| start < l.end)?;
            let b = lines.iter().position(|l| end <= l.end)?.max(a);
            Some((&lines[..], a, b))
        })
    }
}

impl SourceCode for Excerpts<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let (lines, a, b) = self.locate(span).ok_or(MietteError::OutOfBounds)?;
        let first = a.saturating_sub(before);
        let last = (b + after).min(lines.len() - 1);
        let from = lines[first].text_start;
        let to = lines[last].end;
        // What a snippet's header shows (miette reads the primary label with no context):
        // the label's real line and column.
        let (line, column) = self
            .positions
            .iter()
            .find(|(at, ..)| *at == span.offset() && before == 0)
            .map_or((lines[first].number, 0), |&(_, line, column, _)| {
                (line, column)
            });
        // A workbook's text view: the header names the label's cell (`misure.xlsx:Misure!C12`).
        let cell = self
            .positions
            .iter()
            .find(|(at, ..)| *at == span.offset())
            .and_then(|&(.., offset)| self.source.place(offset));
        let name = match cell {
            Some(cell) => format!("{}:{cell}", self.name),
            None => self.name.clone(),
        };
        Ok(Box::new(MietteSpanContents::new_named(
            name,
            &self.text.as_bytes()[from..to],
            SourceSpan::new(from.into(), to - from),
            line,
            column,
            last - first + 1,
        )))
    }
}

/// The bytes of line `number` to show: the whole line, or, when it is long, a window around
/// the first label on it (or its start, for a line of context).
fn window(source: &Source, number: usize, spans: &[Span]) -> std::ops::Range<usize> {
    let line = source.line_range(number);
    if line.len() <= MAX_LINE {
        return line;
    }
    let on_line = spans
        .iter()
        .filter(|s| s.start <= line.end && s.end >= line.start)
        .min_by_key(|s| s.start);
    let (from, to) = match on_line {
        Some(s) => {
            let start = s.start.max(line.start);
            let end = s.end.min(line.end).min(start + MAX_LABEL);
            (start.saturating_sub(CONTEXT), end + CONTEXT)
        }
        None => (line.start, line.start + MAX_LINE - CONTEXT),
    };
    let from = floor(&source.text, from.max(line.start));
    let to = floor(&source.text, to.min(line.end)).max(from);
    from..to
}

/// A label's span kept readable: on character boundaries, at most [`MAX_LABEL_LINES`] lines
/// (else its first line) and [`MAX_LABEL`] bytes long.
fn bound(source: &Source, span: Span) -> Span {
    let span = source.clamp(span);
    let first = source.line_of(span.start);
    let mut end = span.end;
    if source.line_of(end) > first + MAX_LABEL_LINES {
        end = source.line_range(first).end.max(span.start);
    }
    if end - span.start > MAX_LABEL {
        end = floor(&source.text, span.start + MAX_LABEL);
    }
    Span::new(span.start, end.max(span.start))
}

fn floor(text: &str, mut x: usize) -> usize {
    x = x.min(text.len());
    while !text.is_char_boundary(x) {
        x -= 1;
    }
    x
}
