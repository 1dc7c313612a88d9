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
    /// Where the bytes go; `None` for a part kept in memory ([`Pretty::nested`]).
    w: Option<&'w mut dyn Write>,
    buf: Vec<u8>,
    depth: usize,
    /// The current object or array has an entry already (serde_json's `has_value`).
    has_value: bool,
    error: Option<io::Error>,
}

impl<'w> Pretty<'w> {
    pub fn new(w: &'w mut dyn Write) -> Self {
        Pretty {
            w: Some(w),
            buf: Vec::with_capacity(CHUNK),
            depth: 0,
            has_value: false,
            error: None,
        }
    }

    /// A writer for a part of a document, at `depth` in it, kept in memory: its bytes
    /// ([`Pretty::into_bytes`]) go into the document with [`Pretty::value_bytes`].
    pub fn nested(depth: usize) -> Pretty<'static> {
        Pretty {
            w: None,
            // An objective of ten indicators is some 11 KB: one allocation, not a dozen.
            buf: Vec::with_capacity(16 * 1024),
            depth,
            has_value: false,
            error: None,
        }
    }

    /// What a [`Pretty::nested`] writer wrote.
    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }

    /// The depth of what is written next.
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// A value another writer made at this depth ([`Pretty::nested`]), as it is.
    pub fn value_bytes(&mut self, bytes: &[u8]) {
        if bytes.len() >= CHUNK {
            // Large already: to the output as it is, without a copy through the buffer.
            self.flush();
            if self.error.is_none()
                && let Some(w) = self.w.as_mut()
                && let Err(e) = w.write_all(bytes)
            {
                self.error = Some(e);
            }
        } else {
            self.raw(bytes);
        }
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

    /// What is gathered, to the output; after an error, dropped. A part kept in memory
    /// keeps it.
    fn flush(&mut self) {
        let Some(w) = self.w.as_mut() else {
            return;
        };
        if self.error.is_none()
            && let Err(e) = w.write_all(&self.buf)
        {
            self.error = Some(e);
        }
        self.buf.clear();
    }

    /// A line break and the indentation of the current depth.
    fn newline(&mut self) {
        const LINE: &[u8; 65] =
            b"\n                                                                ";
        match LINE.get(..self.depth.saturating_mul(2).saturating_add(1)) {
            Some(line) => self.buf.extend_from_slice(line),
            None => {
                self.buf.push(b'\n');
                let indented = self.buf.len().saturating_add(self.depth.saturating_mul(2));
                self.buf.resize(indented, b' ');
            }
        }
        if self.buf.len() >= CHUNK {
            self.flush();
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

    /// An object's key, one of the report's own (none needs an escape); its value is written
    /// next.
    pub fn key(&mut self, key: &'static str) {
        debug_assert!(plain(key), "{key}");
        self.entry();
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.raw(b"\": ");
    }

    /// A year as an object's key (`"2025": `).
    pub fn year_key(&mut self, year: i32) {
        self.entry();
        self.buf.push(b'"');
        self.buf
            .extend_from_slice(itoa::Buffer::new().format(year).as_bytes());
        self.raw(b"\": ");
    }

    /// Before each element of an array.
    pub fn element(&mut self) {
        self.entry();
    }

    pub fn string(&mut self, s: &str) {
        // Most strings need no escape: written as they are, between quotes.
        if plain(s) {
            self.buf.reserve(s.len() + 2);
            self.buf.push(b'"');
            self.buf.extend_from_slice(s.as_bytes());
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
        push_decimal(&mut self.buf, d);
        if self.buf.len() >= CHUNK {
            self.flush();
        }
        self.has_value = true;
    }

    /// An exact decimal or `null`.
    pub fn opt_number(&mut self, d: Option<Decimal>) {
        match d {
            Some(d) => self.number(d),
            None => self.null(),
        }
    }

    /// An integer or `null`.
    pub fn opt_integer(&mut self, n: Option<i64>) {
        match n {
            Some(n) => {
                let mut digits = itoa::Buffer::new();
                self.raw(digits.format(n).as_bytes());
                self.has_value = true;
            }
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

    /// A date as `"2024-12-31"`, as chrono displays it; written by hand for the years of four
    /// digits (`fmt` took ten times as long), through chrono for the others.
    pub fn date(&mut self, d: chrono::NaiveDate) {
        use chrono::Datelike;
        let year = d.year();
        if !(0..=9999).contains(&year) {
            return self.display_string(d);
        }
        let two = |n: u32| [b'0' + (n / 10 % 10) as u8, b'0' + (n % 10) as u8];
        let year = year as u32;
        self.buf.push(b'"');
        self.buf.extend_from_slice(&two(year / 100));
        self.buf.extend_from_slice(&two(year % 100));
        self.buf.push(b'-');
        self.buf.extend_from_slice(&two(d.month()));
        self.buf.push(b'-');
        self.buf.extend_from_slice(&two(d.day()));
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
                    self.entry();
                    self.string(k);
                    self.raw(b": ");
                    self.value(item);
                }
                self.end_object();
            }
        }
        self.has_value = true;
    }

    /// `key: [items…]`, each item written as it comes.
    pub fn array(&mut self, key: &'static str, items: impl Iterator<Item = Value>) {
        self.key(key);
        self.begin_array();
        for item in items {
            self.element();
            self.value(&item);
        }
        self.end_array();
    }

    /// `key: "text"`.
    pub fn str_field(&mut self, key: &'static str, s: &str) {
        self.key(key);
        self.string(s);
    }

    /// `key: value`.
    pub fn field(&mut self, key: &'static str, v: &Value) {
        self.key(key);
        self.value(v);
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.raw(b"\n");
        self.flush_all()
    }
}

/// Whether `s` is written in JSON as it is, between quotes.
fn plain(s: &str) -> bool {
    !s.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20)
}

/// The digits of `d.normalize()`, as rust_decimal displays them (`-1.5`, `0.001`, `120`),
/// written by hand: through `Display`, `fmt`'s machinery and a stack string of its own were a
/// tenth of the JSON report's time. Tested against `Display` (`decimals_are_written_as_displayed`).
fn push_decimal(buf: &mut Vec<u8>, d: Decimal) {
    let d = d.normalize();
    let mantissa = d.mantissa();
    if mantissa < 0 {
        buf.push(b'-');
    }
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(mantissa.unsigned_abs()).as_bytes();
    let scale = d.scale() as usize;
    match digits.len().checked_sub(scale) {
        Some(0) | None => {
            buf.extend_from_slice(b"0.");
            buf.resize(buf.len() + (scale - digits.len()), b'0');
            buf.extend_from_slice(digits);
        }
        Some(whole) => {
            buf.extend_from_slice(&digits[..whole]);
            if scale > 0 {
                buf.push(b'.');
                buf.extend_from_slice(&digits[whole..]);
            }
        }
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

    /// Parts made apart and put in, small (through the buffer) and large (written as they
    /// are): the same bytes as the whole document written at once.
    #[test]
    fn parts_made_apart_are_the_document() {
        let items = [
            json!("small"),
            json!("x".repeat(3 * super::CHUNK)),
            json!([1, 2]),
        ];
        let whole = json!({ "parts": items });
        let mut out = Vec::new();
        let mut p = Pretty::new(&mut out);
        p.begin_object();
        p.key("parts");
        p.begin_array();
        for item in &items {
            p.element();
            let mut part = Pretty::nested(p.depth());
            part.value(item);
            p.value_bytes(&part.into_bytes());
        }
        p.end_array();
        p.end_object();
        p.finish().unwrap();
        let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
        assert!(String::from_utf8(out).unwrap() == expected);
    }

    #[test]
    fn dates_are_written_as_displayed() {
        use chrono::NaiveDate;
        let mut days = vec![NaiveDate::MIN, NaiveDate::MAX];
        for year in [-1, 0, 5, 99, 999, 1000, 2024, 9999, 10000] {
            for (month, day) in [(1, 1), (2, 29), (9, 30), (12, 31)] {
                days.extend(NaiveDate::from_ymd_opt(year, month, day));
            }
        }
        assert!(days.len() > 30);
        for d in days {
            let mut out = Vec::new();
            let mut p = Pretty::new(&mut out);
            p.date(d);
            p.flush_all().unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), format!("\"{d}\""));
        }
    }

    #[test]
    fn decimals_are_written_as_displayed() {
        use rust_decimal::Decimal;
        let mut cases = vec![
            Decimal::ZERO,
            Decimal::NEGATIVE_ONE,
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(-0, 3),
            Decimal::from_parts(0, 0, 0, true, 5),
            Decimal::new(1, 28),
            Decimal::new(-1, 28),
            Decimal::new(15000, 2),
            Decimal::new(120, 0),
            Decimal::new(1005, 3),
        ];
        // A fixed sequence of mantissas of every length and scales from 0 to 28.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let (lo, mid, hi) = (x as u32, (x >> 32) as u32, (x >> 16) as u32);
            let width = (x >> 40) % 4;
            let (mid, hi) = match width {
                0 => (0, 0),
                1 => (mid, 0),
                2 => (mid, hi >> (x % 32)),
                _ => (mid, hi),
            };
            let lo = if x.is_multiple_of(5) { lo % 1000 } else { lo };
            cases.push(Decimal::from_parts(
                lo,
                mid,
                hi,
                x.is_multiple_of(2),
                (x % 29) as u32,
            ));
        }
        for d in cases {
            let mut p = Vec::new();
            super::push_decimal(&mut p, d);
            assert_eq!(
                String::from_utf8(p).unwrap(),
                d.normalize().to_string(),
                "{d:?}"
            );
        }
    }
}
