//! Values compared without their places: two resolved plans mean the same if their Debug
//! forms match once every `Span { start: .., end: .. }` is erased.

/// The Debug form of `value` with every span erased.
pub fn unspanned<T: std::fmt::Debug>(value: &T) -> String {
    let text = format!("{value:?}");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find("Span {") {
        out.push_str(&rest[..at]);
        out.push_str("Span");
        rest = &rest[at..];
        rest = rest.find('}').map_or("", |end| &rest[end + 1..]);
    }
    out.push_str(rest);
    out
}
