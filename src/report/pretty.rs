//! A JSON writer that produces, piece by piece, the bytes serde_json's pretty printer gives
//! for a whole tree (two spaces a level, `[]` and `{}` when empty), so that the JSON report
//! is written as the plan is walked, without a value tree per objective (building one cost
//! more than writing it). The first write error is kept and later writes are skipped.

use rust_decimal::Decimal;
use serde_json::Value;
use std::io::{self, Write};

pub struct Pretty<'w> {
    w: &'w mut dyn Write,
    depth: usize,
    /// The current object or array has an entry already (serde_json's `has_value`).
    has_value: bool,
    error: Option<io::Error>,
}

impl<'w> Pretty<'w> {
    pub fn new(w: &'w mut dyn Write) -> Self {
        Pretty {
            w,
            depth: 0,
            has_value: false,
            error: None,
        }
    }

    fn raw(&mut self, bytes: &[u8]) {
        if self.error.is_none()
            && let Err(e) = self.w.write_all(bytes)
        {
            self.error = Some(e);
        }
    }

    /// Before an entry: the separator and the indentation.
    fn entry(&mut self) {
        self.raw(if self.has_value { b",\n" } else { b"\n" });
        for _ in 0..self.depth {
            self.raw(b"  ");
        }
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
            self.raw(b"\n");
            for _ in 0..self.depth {
                self.raw(b"  ");
            }
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
        if self.error.is_none()
            && let Err(e) = serde_json::to_writer(&mut self.w, s)
        {
            self.error = Some(e.into());
        }
        self.has_value = true;
    }

    /// An exact decimal, as `json::number` writes it.
    pub fn number(&mut self, d: Decimal) {
        self.raw(d.normalize().to_string().as_bytes());
        self.has_value = true;
    }

    pub fn value(&mut self, v: &Value) {
        match v {
            Value::Null => self.raw(b"null"),
            Value::Bool(true) => self.raw(b"true"),
            Value::Bool(false) => self.raw(b"false"),
            // With `arbitrary_precision`, a number is printed as its text.
            Value::Number(n) => self.raw(n.to_string().as_bytes()),
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
        match self.error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}
