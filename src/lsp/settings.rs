//! The server's language: the `lang` of `initializationOptions` (or of the `piano` section of
//! the client's settings), else `PIANO_LANG`, else the client's `locale`, else Italian.

use crate::diagnostics::Lang;
use serde_json::Value;

/// An explicit choice in initialization options or settings: `{"lang": "en"}` or
/// `{"piano": {"lang": "en"}}`.
pub fn explicit(options: Option<&Value>) -> Option<Lang> {
    let options = options?;
    let lang = options
        .get("lang")
        .or_else(|| options.get("piano")?.get("lang"))?
        .as_str()?;
    parse(lang)
}

/// The language when no explicit choice was made.
pub fn fallback(locale: Option<&str>) -> Lang {
    if let Some(lang) = std::env::var("PIANO_LANG").ok().as_deref().and_then(parse) {
        return lang;
    }
    locale.and_then(parse).unwrap_or_default()
}

/// `en`, `en-US`, `it_IT`...: English or Italian; other languages are not supported.
fn parse(setting: &str) -> Option<Lang> {
    let s = setting.trim().to_ascii_lowercase();
    if s.starts_with("en") {
        Some(Lang::En)
    } else if s.starts_with("it") {
        Some(Lang::It)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_the_explicit_setting() {
        assert_eq!(explicit(Some(&json!({"lang": "en"}))), Some(Lang::En));
        assert_eq!(
            explicit(Some(&json!({"piano": {"lang": "it"}}))),
            Some(Lang::It)
        );
        assert_eq!(explicit(Some(&json!({"lang": "fr"}))), None);
        assert_eq!(explicit(None), None);
    }

    #[test]
    fn locales() {
        assert_eq!(parse("en-US"), Some(Lang::En));
        assert_eq!(parse("it_IT.UTF-8"), Some(Lang::It));
        assert_eq!(parse("de"), None);
    }
}
