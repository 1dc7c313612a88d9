//! A JSON writer that produces, piece by piece, the bytes serde_json's pretty printer gives
//! for a whole tree (two spaces a level, `[]` and `{}` when empty), so that the JSON report
//! is written as the plan is walked, without a value tree per objective (building one cost
//! more than writing it). The first write error is kept and later writes are skipped.

use rust_decimal::Decimal;
use serde_json::Value;
use std::io::{self, Write};

/// Bytes gathered before one write to the output: the report is made of many tiny pieces,
/// each a call through `dyn Write` otherwise.
const CHUNK: usize = 64 * 1024;

pub struct Pretty<'w> {
    w: &'w mut dyn Write,
    buf: Vec<u8>,
    depth: usize,
    /// The current object or array has an entry already (serde_json's `has_value`).
    has_value: bool,
    error: Option<io::Error>,
}

impl<'w> Pretty<'w> {
    pub fn new(w: &'w mut dyn Write) -> Self {
        Pretty {
            w,
            buf: Vec::with_capacity(CHUNK),
            depth: 0,
            has_value: false,
            error: None,
        }
    }

    /// A writer for a part of a document, at `depth` in it (see [`Pretty::value_bytes`]).
    pub fn nested(w: &'w mut dyn Write, depth: usize) -> Self {
        Pretty {
            depth,
            ..Pretty::new(w)
        }
    }

    /// The depth of what is written next.
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// A value another writer made at this depth ([`Pretty::nested`]), as it is.
    pub fn value_bytes(&mut self, bytes: &[u8]) {
        self.raw(bytes);
        self.has_value = true;
    }

    /// Everything gathered, to the output: the end of a nested part.
    pub fn flush_all(mut self) -> io::Result<()> {
        self.flush();
        match self.error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= CHUNK {
            self.flush();
        }
    }

    /// What is gathered, to the output; after an error, dropped.
    fn flush(&mut self) {
        if self.error.is_none()
            && let Err(e) = self.w.write_all(&self.buf)
        {
            self.error = Some(e);
        }
        self.buf.clear();
    }

    /// A line break and the indentation of the current depth, in one write.
    fn newline(&mut self) {
        const SPACES: &[u8; 33] = b"\n                                ";
        let mut left = 2 * self.depth + 1;
        let mut first = true;
        while left > 0 {
            let part = if first {
                left.min(SPACES.len())
            } else {
                left.min(SPACES.len() - 1)
            };
            let bytes = if first {
                &SPACES[..part]
            } else {
                &SPACES[1..=part]
            };
            self.raw(bytes);
            left -= part;
            first = false;
        }
    }

    /// Before an entry: the separator and the indentation.
    fn entry(&mut self) {
        if self.has_value {
            self.raw(b",");
        }
        self.newline();
    }

    pub fn begin_object(&mut self) {
        self.raw(b"{");
        self.depth += 1;
        self.has_value = false;
    }

    pub fn begin_array(&mut self) {
        self.raw(b"[");
        self.depth += 1;
        self.has_value = false;
    }

    fn end(&mut self, close: &[u8]) {
        self.depth = self.depth.saturating_sub(1);
        if self.has_value {
            self.newline();
        }
        self.raw(close);
        self.has_value = true;
    }

    pub fn end_object(&mut self) {
        self.end(b"}");
    }

    pub fn end_array(&mut self) {
        self.end(b"]");
    }

    /// An object's key; its value is written next.
    pub fn key(&mut self, key: &str) {
        self.entry();
        self.string(key);
        self.raw(b": ");
    }

    /// Before each element of an array.
    pub fn element(&mut self) {
        self.entry();
    }

    pub fn string(&mut self, s: &str) {
        // Most strings need no escape: written as they are, between quotes.
        if !s.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
            self.raw(b"\"");
            self.raw(s.as_bytes());
            self.raw(b"\"");
            self.has_value = true;
            return;
        }
        // Writing into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut self.buf, s);
        self.has_value = true;
    }

    /// An exact decimal, as `json::number` writes it.
    pub fn number(&mut self, d: Decimal) {
        // Into the buffer, without a String of its own; writing into a Vec cannot fail.
        let _ = write!(self.buf, "{}", d.normalize());
        self.has_value = true;
    }

    /// An exact decimal or `null`.
    pub fn opt_number(&mut self, d: Option<Decimal>) {
        match d {
            Some(d) => self.number(d),
            None => self.null(),
        }
    }

    /// A string of what `v` displays as, which must need no escape (a date, a number): written
    /// without a `String` of its own.
    pub fn display_string(&mut self, v: impl std::fmt::Display) {
        self.raw(b"\"");
        // Writing into a Vec cannot fail.
        let _ = write!(self.buf, "{v}");
        self.raw(b"\"");
        self.has_value = true;
    }

    pub fn null(&mut self) {
        self.raw(b"null");
        self.has_value = true;
    }

    pub fn bool(&mut self, b: bool) {
        self.raw(if b { b"true" } else { b"false" });
        self.has_value = true;
    }

    pub fn value(&mut self, v: &Value) {
        match v {
            Value::Null => self.null(),
            Value::Bool(b) => self.bool(*b),
            // With `arbitrary_precision`, a number is printed as its text.
            Value::Number(n) => self.raw(n.as_str().as_bytes()),
            Value::String(s) => self.string(s),
            // The report's own values are a few levels deep: no user-controlled recursion.
            Value::Array(items) => {
                self.begin_array();
                for item in items {
                    self.element();
                    self.value(item);
                }
                self.end_array();
            }
            Value::Object(map) => {
                self.begin_object();
                for (k, item) in map {
                    self.key(k);
                    self.value(item);
                }
                self.end_object();
            }
        }
        self.has_value = true;
    }

    /// `key: [items…]`, each item written as it comes.
    pub fn array(&mut self, key: &str, items: impl Iterator<Item = Value>) {
        self.key(key);
        self.begin_array();
        for item in items {
            self.element();
            self.value(&item);
        }
        self.end_array();
    }

    /// `key: "text"`.
    pub fn str_field(&mut self, key: &str, s: &str) {
        self.key(key);
        self.string(s);
    }

    /// `key: value`.
    pub fn field(&mut self, key: &str, v: &Value) {
        self.key(key);
        self.value(v);
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.raw(b"\n");
        self.flush_all()
    }
}

#[cfg(test)]
mod tests {
    use super::Pretty;
    use serde_json::json;

    /// The same bytes as serde_json's pretty printer: escapes, empty arrays and objects,
    /// and indentation deeper than one write of spaces.
    #[test]
    fn writes_what_serde_json_writes() {
        let mut deep = json!({"fondo": [1, "a\"b\\c\n\u{1}é", {}, []]});
        for level in 0..20 {
            deep = json!({ format!("livello {level}"): [deep, null, true, false] });
        }
        for v in [json!({}), json!([]), json!({"a": {}, "b": []}), deep] {
            let mut out = Vec::new();
            let mut p = Pretty::new(&mut out);
            p.value(&v);
            p.finish().unwrap();
            let expected = serde_json::to_string_pretty(&v).unwrap() + "\n";
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }
}
