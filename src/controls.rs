//! Control characters: which ones a plan may not hold, and how output for people shows them.
//!
//! A plan's text reaches the terminal in diagnostics and in the text report. An escape
//! sequence in it (`ESC [2J`, an OSC 8 link) would repaint the user's terminal, so the human
//! formats show every control character as `\x1b` (as `ls` and git show them); JSON keeps
//! them, JSON-escaped.

use std::borrow::Cow;

/// Whether `c` is a control character other than tab, line feed and carriage return: the C0
/// controls, DEL and the C1 controls (U+0080–U+009F, which some terminals also obey).
pub fn is_control(c: char) -> bool {
    // `char::is_control` is the Unicode category Cc: C0, DEL and C1.
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Whether `c` must be made visible on one output line: the above, and line ends too.
fn hidden(c: char) -> bool {
    c.is_control()
}

/// `text` with every control character but tab and line feed written as `\xNN`.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| hidden(c) && !matches!(c, '\t' | '\n')) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) && !matches!(c, '\t' | '\n') {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One line of source for a snippet: like [`escape`], and line ends too.
pub fn escape_line(line: &str, out: &mut String) {
    for c in line.chars() {
        if hidden(c) && c != '\t' {
            push_escaped(out, c);
        } else {
            out.push(c);
        }
    }
}

/// The length in bytes of `line` once escaped by [`escape_line`].
pub fn escaped_len(line: &str) -> usize {
    line.chars()
        .map(|c| {
            if hidden(c) && c != '\t' {
                4
            } else {
                c.len_utf8()
            }
        })
        .sum()
}

fn push_escaped(out: &mut String, c: char) {
    out.push_str(&format!("\\x{:02x}", c as u32));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_a_terminal_would_obey() {
        assert_eq!(escape("a\u{1b}[2Jb"), "a\\x1b[2Jb");
        assert_eq!(
            escape("\u{1b}]8;;http://x\u{7}link\u{1b}]8;;\u{7}"),
            "\\x1b]8;;http://x\\x07link\\x1b]8;;\\x07"
        );
        assert_eq!(escape("csi \u{9b}2J del \u{7f}"), "csi \\x9b2J del \\x7f");
        assert_eq!(escape("tab\tand\nnewline, € à"), "tab\tand\nnewline, € à");
        assert!(matches!(escape("plain"), Cow::Borrowed(_)));
        let mut line = String::new();
        escape_line("a\rb\u{1b}", &mut line);
        assert_eq!(line, "a\\x0db\\x1b");
        assert_eq!(escaped_len("a\rb\u{1b}é"), line.len() + 2);
    }

    #[test]
    fn which_characters_a_plan_may_not_hold() {
        for c in [
            '\u{0}', '\u{1b}', '\u{7}', '\u{c}', '\u{7f}', '\u{85}', '\u{9b}',
        ] {
            assert!(is_control(c), "{c:?}");
        }
        for c in ['\t', '\n', '\r', ' ', 'à', '€', '\u{a0}'] {
            assert!(!is_control(c), "{c:?}");
        }
    }
}
