//! Strings and long texts: unescaping and indentation.

/// Unescapes the inside of a `"..."` string. Returns the text and the byte offsets (within
/// `inner`) of escapes other than `\"` and `\\`, which are reported and kept as written.
pub fn unescape(inner: &str) -> (String, Vec<(usize, String)>) {
    // Most texts have no escape: copied whole.
    let Some(first) = inner.find('\\') else {
        return (inner.to_string(), Vec::new());
    };
    let mut out = String::with_capacity(inner.len());
    out.push_str(&inner[..first]);
    let mut bad = Vec::new();
    let mut chars = inner[first..].char_indices().map(|(i, c)| (i + first, c));
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some((_, '"')) => out.push('"'),
            Some((_, '\\')) => out.push('\\'),
            Some((_, other)) => {
                bad.push((i, format!("\\{other}")));
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    (out, bad)
}

/// The content of a `"""` long text: a first line left empty after the opening quotes and a
/// last line of only blanks are dropped; then the indentation common to all non-blank lines
/// is removed. Line ends become `\n`.
pub fn dedent(inner: &str) -> String {
    // Split on `\n` rather than with `lines()`: a closing `"""` at column 0 leaves an empty
    // last piece, which is its line, not a blank line of the text.
    let mut lines: Vec<&str> = inner
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    if lines.len() > 1 && lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    if lines.len() > 1 && lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let common = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| {
            let l = l.trim_end();
            if l.len() >= common { &l[common..] } else { "" }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Escapes a string for writing it back between `"`.
pub fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// A text as a `"..."` string that reads back as it: quoted and escaped.
pub fn quoted(text: &str) -> String {
    format!("\"{}\"", escape(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_reads_back() {
        let text = r#"il progetto "PID" \ bis"#;
        let q = quoted(text);
        assert_eq!(unescape(&q[1..q.len() - 1]).0, text);
    }

    #[test]
    fn unescapes() {
        assert_eq!(unescape(r#"a \"b\" \\ c"#).0, r#"a "b" \ c"#);
        let (text, bad) = unescape(r"a\nb");
        assert_eq!(text, r"a\nb");
        assert_eq!(bad, vec![(1, r"\n".to_string())]);
    }

    #[test]
    fn dedents_long_text() {
        let inner = "\n    Prima riga\n      rientrata\n\n    ultima\n  ";
        assert_eq!(dedent(inner), "Prima riga\n  rientrata\n\nultima");
        assert_eq!(dedent("una riga"), "una riga");
        assert_eq!(dedent("\r\n  a\r\n  b\r\n"), "a\nb");
        // A blank last line of text is kept wherever the closing quotes are.
        assert_eq!(dedent("\n  a\n\n"), "a\n");
        assert_eq!(dedent("\n  a\n\n  "), "a\n");
        assert_eq!(dedent("a\n"), "a");
        assert_eq!(dedent(""), "");
        assert_eq!(dedent("\n"), "");
    }
}
