//! Markdown for hover texts: plan text shown as text, never as markup.

/// Inline code: `` `x` ``, with a longer fence when the text holds backticks.
pub fn code(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// Text with Markdown's special characters escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("salute_economica *x*"), "salute\\_economica \\*x\\*");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(code("€ / €"), "`€ / €`");
    }
}
