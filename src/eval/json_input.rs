//! A small JSON reader that keeps the byte span of every value, so that a problem in the JSON
//! form of a measurement file is shown at its line and column like any other diagnostic.
//! Numbers are kept as written, to be read as exact decimals.

use super::error::{JsonProblem, MeasureError};
use crate::span::Span;

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Object(Vec<(String, Span, Node)>),
    Array(Vec<Node>),
    String(String),
    /// As written: `46.56`, `-5`, `1e3`.
    Number(String),
    Bool(bool),
    Null,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub json: Json,
    pub span: Span,
}

/// Deeper than this is refused (no measurement file needs more than three levels).
const MAX_DEPTH: usize = 32;

pub fn parse(text: &str) -> Result<Node, (Span, MeasureError)> {
    let mut p = Reader { text, at: 0 };
    p.blank();
    let node = p.value(0)?;
    p.blank();
    if p.at < text.len() {
        return Err(p.fail(JsonProblem::Trailing));
    }
    Ok(node)
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

type R<T> = Result<T, (Span, MeasureError)>;

impl Reader<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn fail(&self, problem: JsonProblem) -> (Span, MeasureError) {
        let len = self.peek().map_or(0, char::len_utf8);
        (
            Span::new(self.at, self.at + len),
            MeasureError::JsonSyntax { problem },
        )
    }

    fn unexpected(&self) -> (Span, MeasureError) {
        match self.peek() {
            Some(c) => self.fail(JsonProblem::Unexpected(c)),
            None => self.fail(JsonProblem::UnexpectedEnd),
        }
    }

    fn blank(&mut self) {
        while let Some(c) = self.peek() {
            if matches!(c, ' ' | '\t' | '\n' | '\r') {
                self.at += 1;
            } else {
                break;
            }
        }
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> R<Node> {
        if depth > MAX_DEPTH {
            return Err(self.fail(JsonProblem::TooDeep));
        }
        let start = self.at;
        let json = match self.peek() {
            Some('{') => self.object(depth)?,
            Some('[') => self.array(depth)?,
            Some('"') => Json::String(self.string()?),
            Some('-' | '0'..='9') => Json::Number(self.number()?),
            Some(_) => {
                if self.word("true") {
                    Json::Bool(true)
                } else if self.word("false") {
                    Json::Bool(false)
                } else if self.word("null") {
                    Json::Null
                } else {
                    return Err(self.unexpected());
                }
            }
            None => return Err(self.fail(JsonProblem::UnexpectedEnd)),
        };
        Ok(Node {
            json,
            span: Span::new(start, self.at),
        })
    }

    fn word(&mut self, w: &str) -> bool {
        if self.text[self.at..].starts_with(w) {
            self.at += w.len();
            true
        } else {
            false
        }
    }

    fn object(&mut self, depth: usize) -> R<Json> {
        self.eat('{');
        let mut members: Vec<(String, Span, Node)> = Vec::new();
        self.blank();
        if self.eat('}') {
            return Ok(Json::Object(members));
        }
        loop {
            self.blank();
            if self.peek() != Some('"') {
                return Err(self.unexpected());
            }
            let key_start = self.at;
            let key = self.string()?;
            let key_span = Span::new(key_start, self.at);
            if members.iter().any(|(k, _, _)| *k == key) {
                return Err((
                    key_span,
                    MeasureError::JsonSyntax {
                        problem: JsonProblem::DuplicateKey(key),
                    },
                ));
            }
            self.blank();
            if !self.eat(':') {
                return Err(self.unexpected());
            }
            self.blank();
            let value = self.value(depth + 1)?;
            members.push((key, key_span, value));
            self.blank();
            if self.eat(',') {
                continue;
            }
            if self.eat('}') {
                return Ok(Json::Object(members));
            }
            return Err(self.unexpected());
        }
    }

    fn array(&mut self, depth: usize) -> R<Json> {
        self.eat('[');
        let mut items = Vec::new();
        self.blank();
        if self.eat(']') {
            return Ok(Json::Array(items));
        }
        loop {
            self.blank();
            items.push(self.value(depth + 1)?);
            self.blank();
            if self.eat(',') {
                continue;
            }
            if self.eat(']') {
                return Ok(Json::Array(items));
            }
            return Err(self.unexpected());
        }
    }

    fn string(&mut self) -> R<String> {
        self.eat('"');
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(self.fail(JsonProblem::UnexpectedEnd));
            };
            match c {
                '"' => {
                    self.at += 1;
                    return Ok(out);
                }
                '\\' => {
                    self.at += 1;
                    let Some(e) = self.peek() else {
                        return Err(self.fail(JsonProblem::UnexpectedEnd));
                    };
                    self.at += e.len_utf8();
                    match e {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        '/' => out.push('/'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => out.push(self.unicode()?),
                        _ => {
                            self.at -= e.len_utf8() + 1;
                            return Err(self.fail(JsonProblem::BadEscape));
                        }
                    }
                }
                c if (c as u32) < 0x20 => return Err(self.unexpected()),
                c => {
                    out.push(c);
                    self.at += c.len_utf8();
                }
            }
        }
    }

    fn hex4(&mut self) -> R<u32> {
        let digits = self.text.get(self.at..self.at + 4).unwrap_or("");
        match u32::from_str_radix(digits, 16) {
            Ok(v) if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_hexdigit()) => {
                self.at += 4;
                Ok(v)
            }
            _ => Err(self.fail(JsonProblem::BadEscape)),
        }
    }

    fn unicode(&mut self) -> R<char> {
        let high = self.hex4()?;
        if (0xD800..0xDC00).contains(&high) {
            if !self.word("\\u") {
                return Err(self.fail(JsonProblem::BadEscape));
            }
            let low = self.hex4()?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(self.fail(JsonProblem::BadEscape));
            }
            let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
            return char::from_u32(code).ok_or_else(|| self.fail(JsonProblem::BadEscape));
        }
        char::from_u32(high).ok_or_else(|| self.fail(JsonProblem::BadEscape))
    }

    fn number(&mut self) -> R<String> {
        let start = self.at;
        let bytes = self.text.as_bytes();
        let mut i = self.at;
        let digits = |i: &mut usize| {
            let s = *i;
            while bytes.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i > s
        };
        if bytes.get(i) == Some(&b'-') {
            i += 1;
        }
        let mut ok = digits(&mut i);
        if bytes.get(i) == Some(&b'.') {
            i += 1;
            ok &= digits(&mut i);
        }
        if matches!(bytes.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(bytes.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            ok &= digits(&mut i);
        }
        self.at = i;
        if !ok {
            self.at = start;
            return Err(self.fail(JsonProblem::BadNumber));
        }
        Ok(self.text[start..i].to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_with_spans() {
        let text = r#"{"a": [1, -2.5e1, "x\"\u00e8"], "b": null, "c": true}"#;
        let node = parse(text).unwrap();
        let Json::Object(members) = node.json else {
            panic!()
        };
        assert_eq!(members[0].0, "a");
        let Json::Array(items) = &members[0].2.json else {
            panic!()
        };
        assert_eq!(items[1].json, Json::Number("-2.5e1".into()));
        assert_eq!(&text[items[1].span.range()], "-2.5e1");
        assert_eq!(items[2].json, Json::String("x\"è".into()));
        assert_eq!(members[1].2.json, Json::Null);
    }

    #[test]
    fn refuses_broken_json() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "[1] x",
            "\"\\q\"",
            "-",
            "{\"a\":1,\"a\":2}",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    /// Guards the depth limit: closed nesting just past it is refused as too deep (an
    /// unclosed one would fail anyway, limit or not), and nesting at the limit is read.
    #[test]
    fn nesting_deeper_than_the_limit_is_refused() {
        let nested = |depth: usize, open: &str, close: &str| {
            format!("{}1{}", open.repeat(depth), close.repeat(depth))
        };
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            assert!(parse(&nested(MAX_DEPTH, open, close)).is_ok(), "{open}");
            let too_deep = nested(MAX_DEPTH + 1, open, close);
            let (span, error) = parse(&too_deep).unwrap_err();
            assert_eq!(
                error,
                MeasureError::JsonSyntax {
                    problem: JsonProblem::TooDeep
                },
                "{open}"
            );
            // At the value that goes past the limit.
            assert_eq!(span.start, open.len() * (MAX_DEPTH + 1), "{open}");
        }
        // Far deeper, closed: refused without exhausting the stack.
        assert!(parse(&nested(100_000, "[", "]")).is_err());
    }
}
