//! Accepted warnings: a comment `# consenti CODE: motivo` accepts the warnings `CODE` (several
//! codes separated by blanks) of its own line, or, alone on its line, of the next line that is
//! not a comment. Accepted warnings are still reported, marked with their reason, and counted
//! apart: `--deny-warnings` ignores them. A `consenti` that accepts nothing, names an unknown
//! code or an error (errors cannot be accepted), or gives no reason is itself a warning, as
//! ruff reports an unused `noqa`; its fix removes what is wrong with it.

use super::Sink;
use super::error::CheckError;
use crate::diagnostics::{Code, Diagnostic, Edit, Severity};
use crate::span::Span;

/// The word that starts the comment.
pub const KEYWORD: &str = "consenti";

/// Codes about `consenti` comments themselves: accepting them would say nothing.
const ABOUT_CONSENTI: &[Code] = &[Code::N0210, Code::N0211, Code::N0212, Code::N0213];

/// One code of a `consenti` comment.
struct Named {
    word: String,
    span: Span,
}

/// One `consenti` comment, read.
struct Consenti {
    comment: Span,
    codes: Vec<Named>,
    reason: Option<String>,
    /// The line whose warnings it accepts (0-based).
    line: usize,
    /// Where the list of codes ends (after the last code, else after the keyword).
    list_end: usize,
    /// The edit that removes the whole comment.
    remove: Edit,
}

/// Marks the warnings accepted by the `consenti` comments among `comments` (spans in `text`)
/// and reports, into `sink`, what is wrong with those comments.
pub(super) fn apply(
    text: &str,
    comments: &[Span],
    diagnostics: &mut [Diagnostic],
    sink: &mut Sink,
) {
    // Most plans have no `consenti`: no line index of the whole file for them.
    let has_keyword = |c: &Span| {
        let raw = crate::syntax::scan::comment_text(text, *c);
        raw.strip_prefix('#')
            .is_some_and(|body| body.trim_start().starts_with(KEYWORD))
    };
    if !comments.iter().any(has_keyword) {
        return;
    }
    let lines = LineIndex::new(text);
    let consentis: Vec<Consenti> = comments
        .iter()
        .filter_map(|c| read(text, *c, &lines, comments))
        .collect();
    for c in &consentis {
        let mut bad: Vec<(Span, CheckError)> = Vec::new();
        for named in &c.codes {
            let Some(code) = Code::parse(&named.word) else {
                let suggestion = closest_code(&named.word);
                bad.push((
                    named.span,
                    CheckError::AcceptUnknownCode {
                        word: named.word.clone(),
                        suggestion,
                        remove: Edit::default(),
                    },
                ));
                continue;
            };
            if code.severity() == Severity::Error || ABOUT_CONSENTI.contains(&code) {
                bad.push((
                    named.span,
                    CheckError::AcceptError {
                        code,
                        remove: Edit::default(),
                    },
                ));
                continue;
            }
            let mut used = false;
            for d in diagnostics.iter_mut() {
                if d.code() == code && lines.line(d.span.start) == c.line {
                    used = true;
                    if d.accepted.is_none() {
                        let reason = c.reason.clone().unwrap_or_default();
                        d.accepted = Some(reason.into_boxed_str());
                    }
                }
            }
            if !used {
                bad.push((
                    named.span,
                    CheckError::AcceptUnused {
                        code,
                        remove: Edit::default(),
                    },
                ));
            }
        }
        // Each bad code is removed from the comment; when none is left, the comment goes
        // (and its reason does not matter).
        let all_bad = bad.len() == c.codes.len();
        if c.reason.is_none() && !all_bad {
            sink.report(c.comment, CheckError::AcceptWithoutReason);
        }
        for (span, mut error) in bad {
            let remove = if all_bad {
                c.remove.clone()
            } else {
                remove_word(text, span)
            };
            match &mut error {
                CheckError::AcceptUnknownCode { remove: r, .. }
                | CheckError::AcceptError { remove: r, .. }
                | CheckError::AcceptUnused { remove: r, .. } => *r = remove,
                _ => {}
            }
            sink.report(span, error);
        }
    }
}

/// Whether a warning of `code` can be accepted (errors and the codes about `consenti`
/// comments cannot).
pub fn can_accept(code: Code) -> bool {
    code.severity() == Severity::Warning && !ABOUT_CONSENTI.contains(&code)
}

/// How to accept a warning: the edit, and whether it writes a new comment (with `reason`)
/// rather than adding the code to a `consenti` that already covers the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acceptance {
    pub edit: Edit,
    pub new_comment: bool,
}

/// The edit that makes a `consenti` accept `code` on the line of byte `at`: the code added to
/// the `consenti` that already covers that line (after it or above it, as [`apply`] reads
/// them), else `# consenti CODE: reason` on a line of its own above, indented like the line.
/// `None` when the code cannot be accepted or is already named there.
pub fn acceptance(
    text: &str,
    comments: &[Span],
    at: usize,
    code: Code,
    reason: &str,
) -> Option<Acceptance> {
    if !can_accept(code) || at > text.len() {
        return None;
    }
    let lines = LineIndex::new(text);
    let line = lines.line(at);
    let covering = comments
        .iter()
        .filter_map(|c| read(text, *c, &lines, comments))
        .find(|c| c.line == line);
    if let Some(c) = covering {
        if c.codes.iter().any(|n| Code::parse(&n.word) == Some(code)) {
            return None;
        }
        return Some(Acceptance {
            edit: Edit::insert(c.list_end, format!(" {}", code.as_str())),
            new_comment: false,
        });
    }
    let start = lines.start_of(at);
    let rest = text.get(start..).unwrap_or("");
    let indent = &rest[..rest.len() - rest.trim_start_matches([' ', '\t']).len()];
    let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    let eol = if rest[..line_end].ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    Some(Acceptance {
        edit: Edit::insert(
            start,
            format!("{indent}# {KEYWORD} {}: {reason}{eol}", code.as_str()),
        ),
        new_comment: true,
    })
}

/// Reads a comment as a `consenti`, if it is one.
fn read(text: &str, comment: Span, lines: &LineIndex, comments: &[Span]) -> Option<Consenti> {
    let raw = crate::syntax::scan::comment_text(text, comment);
    let body = raw.strip_prefix('#')?;
    let lead = body.len() - body.trim_start().len();
    let rest = body.trim_start().strip_prefix(KEYWORD)?;
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None; // `# consentire ...`: another word
    }
    let rest_start = comment.start + 1 + lead + KEYWORD.len();
    let (list, reason) = match rest.split_once(':') {
        Some((list, reason)) => (list, Some(reason.trim())),
        None => (rest, None),
    };
    let mut codes = Vec::new();
    let mut offset = 0;
    for piece in list.split_inclusive([' ', '\t', ',']) {
        let word = piece.trim_end_matches([' ', '\t', ',']);
        if !word.is_empty() {
            let start = rest_start + offset;
            codes.push(Named {
                word: word.to_string(),
                span: Span::new(start, start + word.len()),
            });
        }
        offset += piece.len();
    }
    let own_line = text
        .get(lines.start_of(comment.start)..comment.start)
        .is_some_and(|s| s.trim().is_empty());
    let line = if own_line {
        next_line_not_comment(lines, lines.line(comment.start), comments, text)
    } else {
        lines.line(comment.start)
    };
    let remove = if own_line {
        Edit::delete_in_line(text, comment)
    } else {
        // After code: the comment and the blanks before it.
        let before = text.get(..comment.start).unwrap_or("");
        let start = before.trim_end_matches([' ', '\t']).len();
        Edit::delete(Span::new(start, comment.start + raw.len()))
    };
    let list_end = codes.last().map_or(rest_start, |n| n.span.end);
    Some(Consenti {
        comment: Span::new(comment.start, comment.start + raw.len()),
        list_end,
        codes,
        reason: reason.filter(|r| !r.is_empty()).map(str::to_string),
        line,
        remove,
    })
}

/// The first line after `line` that is not only a comment (comments can be stacked above the
/// line they are about).
fn next_line_not_comment(lines: &LineIndex, line: usize, comments: &[Span], text: &str) -> usize {
    let mut next = line + 1;
    while let Some(start) = lines.starts.get(next) {
        let rest = text.get(*start..).unwrap_or("");
        let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let first = start + blanks;
        if !comments.iter().any(|c| c.start == first) {
            break;
        }
        next += 1;
    }
    next
}

/// One code out of a list: the word and the blank before it (or after it, for the first).
fn remove_word(text: &str, span: Span) -> Edit {
    let before = text.get(..span.start).unwrap_or("");
    let kept = before.trim_end_matches([' ', '\t', ',']);
    if kept.ends_with(KEYWORD) {
        // The first code: take the separator after it instead.
        let after = text.get(span.end..).unwrap_or("");
        let sep = after.len() - after.trim_start_matches([' ', '\t', ',']).len();
        return Edit::delete(Span::new(span.start, span.end + sep));
    }
    Edit::delete(Span::new(kept.len(), span.end))
}

/// The known code a mistyped one surely means: a zero left out (`C603`, `c603`), or one
/// character away when no other code is as near.
pub fn closest_code(word: &str) -> Option<Code> {
    let upper = word.to_ascii_uppercase();
    let mut chars = upper.chars();
    let letter = chars.next().filter(char::is_ascii_alphabetic)?;
    let digits: String = chars.collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let padded = format!("{letter}{digits:0>4}");
    if let Some(code) = Code::parse(&padded) {
        return Some(code);
    }
    let near: Vec<Code> = Code::ALL
        .iter()
        .copied()
        .filter(|c| strsim::hamming(c.as_str(), &upper) == Ok(1))
        .collect();
    match near.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Byte offset → 0-based line.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|s| *s <= offset)
            .saturating_sub(1)
    }

    fn start_of(&self, offset: usize) -> usize {
        self.starts[self.line(offset)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn consenti(text: &str) -> Vec<Consenti> {
        let scan = crate::syntax::scan::scan(text);
        let lines = LineIndex::new(text);
        scan.comments
            .iter()
            .filter_map(|c| read(text, *c, &lines, &scan.comments))
            .collect()
    }

    #[test]
    fn reads_codes_and_reason() {
        let text = "# consenti C0603 N0204: codice ufficiale\nobiettivo x\n";
        let c = &consenti(text)[0];
        let words: Vec<&str> = c.codes.iter().map(|n| n.word.as_str()).collect();
        assert_eq!(words, ["C0603", "N0204"]);
        assert_eq!(&text[c.codes[1].span.range()], "N0204");
        assert_eq!(c.reason.as_deref(), Some("codice ufficiale"));
        assert_eq!(c.line, 1);
    }

    #[test]
    fn a_trailing_comment_is_about_its_line_and_stacked_ones_about_the_next() {
        let text = "udm % # consenti U0305: in punti\n# consenti C0603: a\n# altro\nobiettivo x\n";
        let c = consenti(text);
        assert_eq!(c[0].line, 0);
        assert_eq!(c[1].line, 3);
        assert_eq!(c[0].reason.as_deref(), Some("in punti"));
    }

    #[test]
    fn other_comments_are_not_consenti() {
        assert!(consenti("# consentire C0603: no\n# nota\n").is_empty());
        let c = consenti("# consenti C0603\n");
        assert_eq!(c[0].reason, None);
        let c = consenti("# consenti C0603:   \n");
        assert_eq!(c[0].reason, None);
    }

    /// `text` with the acceptance of `code` at the first `needle` applied.
    fn accepted(text: &str, needle: &str, code: Code) -> Option<String> {
        let scan = crate::syntax::scan::scan(text);
        let at = text.find(needle).unwrap();
        let a = acceptance(text, &scan.comments, at, code, "motivo")?;
        Some(crate::repair::apply(text, &[&a.edit]))
    }

    #[test]
    fn acceptance_writes_a_comment_or_adds_to_the_one_covering_the_line() {
        let text = "a {\n  udm %\n}\n";
        assert_eq!(
            accepted(text, "udm", Code::U0305).unwrap(),
            "a {\n  # consenti U0305: motivo\n  udm %\n}\n"
        );
        let crlf = "a {\r\n  udm %\r\n}\r\n";
        assert_eq!(
            accepted(crlf, "udm", Code::U0305).unwrap(),
            "a {\r\n  # consenti U0305: motivo\r\n  udm %\r\n}\r\n"
        );
        // Stacked above, with another comment between.
        let text = "# consenti C0603, W0501: x\n# nota\nobiettivo y\n";
        assert_eq!(
            accepted(text, "obiettivo", Code::N0204).unwrap(),
            "# consenti C0603, W0501 N0204: x\n# nota\nobiettivo y\n"
        );
        // After code on the same line.
        let text = "  udm % # consenti U0312: y\n";
        assert_eq!(
            accepted(text, "udm", Code::U0305).unwrap(),
            "  udm % # consenti U0312 U0305: y\n"
        );
        assert_eq!(accepted(text, "udm", Code::U0312), None);
        // A consenti of another line does not count.
        let text = "# consenti C0603: x\nobiettivo y\nmisura z\n";
        assert_eq!(
            accepted(text, "misura", Code::N0204).unwrap(),
            "# consenti C0603: x\nobiettivo y\n# consenti N0204: motivo\nmisura z\n"
        );
        // Errors and the codes about consenti cannot be accepted.
        assert_eq!(accepted(text, "misura", Code::P0123), None);
        assert_eq!(accepted(text, "misura", Code::N0210), None);
    }

    #[test]
    fn mistyped_codes() {
        assert_eq!(closest_code("C603"), Some(Code::C0603));
        assert_eq!(closest_code("c0603"), Some(Code::C0603));
        assert_eq!(closest_code("X0000"), None);
        assert_eq!(closest_code("motivo"), None);
    }
}
