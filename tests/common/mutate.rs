//! A deterministic mutator for the stable property test: the same seed gives the same mutant on
//! every machine and run. Mutations are those a fuzzer finds bugs with on this language: byte
//! flips, tokens of the dictionary spliced in, pieces of the input copied elsewhere, lines
//! duplicated, deleted and swapped, numbers made huge or tiny, deep nesting, a cut at any
//! point, other line ends.
#![allow(dead_code)]

/// xorshift64*: small and deterministic.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The tokens of `fuzz/piano.dict` (libFuzzer's format: `name="value"`, with `\\`, `\"` and
/// `\xNN` escapes).
pub fn dictionary(text: &str) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') {
            continue;
        }
        let Some(start) = line.find('"') else {
            continue;
        };
        let Some(quoted) = line[start + 1..].strip_suffix('"') else {
            continue;
        };
        let mut bytes = Vec::new();
        let mut it = quoted.bytes();
        while let Some(b) = it.next() {
            if b != b'\\' {
                bytes.push(b);
                continue;
            }
            match it.next() {
                Some(b'x') => {
                    let hex: Vec<u8> = it.by_ref().take(2).collect();
                    let hex = std::str::from_utf8(&hex).unwrap_or("3F");
                    bytes.push(u8::from_str_radix(hex, 16).unwrap_or(b'?'));
                }
                Some(other) => bytes.push(other),
                None => {}
            }
        }
        out.push(bytes);
    }
    out
}

const HUGE: &[&str] = &[
    "9999999999999999999999999999",
    "79.228.162.514.264.337.593.543.950.335",
    "0,0000000000000000000000000001",
    "0,00000000000000000000000000001",
    "99999999999999999999999999999999999999",
    "-9999999999999999999999999999",
    "1,5",
    "0",
];

/// The name of each mutation, in the order of `mutate`'s match.
pub const MUTATIONS: &[&str] = &[
    "byte flip",
    "token",
    "splice",
    "duplicate line",
    "delete line",
    "swap lines",
    "huge number",
    "deep nesting",
    "cut",
    "line ends",
];

/// One mutation of `input`; returns its name.
pub fn mutate_once(input: &mut Vec<u8>, rng: &mut Rng, dictionary: &[Vec<u8>]) -> &'static str {
    let which = rng.below(MUTATIONS.len());
    let len = input.len();
    match which {
        0 => {
            if len > 0 {
                let at = rng.below(len);
                input[at] = match rng.below(3) {
                    0 => input[at] ^ (1 << rng.below(8)),
                    1 => rng.next() as u8,
                    _ => {
                        let special = b"{}\"#;\n\r\0%.,-";
                        special[rng.below(special.len())]
                    }
                };
            }
        }
        1 => {
            let token = &dictionary[rng.below(dictionary.len())];
            let at = boundary(input, rng);
            let mut with = token.clone();
            if rng.below(2) == 0 {
                with.push(b' ');
            }
            input.splice(at..at, with);
        }
        2 => {
            if len > 0 {
                let from = rng.below(len);
                let to = (from + 1 + rng.below(64)).min(len);
                let piece = input[from..to].to_vec();
                let at = rng.below(len + 1);
                input.splice(at..at, piece);
            }
        }
        3..=5 => {
            let lines = line_spans(input);
            if !lines.is_empty() {
                let a = lines[rng.below(lines.len())];
                match which {
                    3 => {
                        let copies = 1 + rng.below(3);
                        let line = input[a.0..a.1].to_vec();
                        for _ in 0..copies {
                            input.splice(a.1..a.1, line.clone());
                        }
                    }
                    4 => {
                        input.drain(a.0..a.1);
                    }
                    _ => {
                        let b = lines[rng.below(lines.len())];
                        let (first, second) = if a.0 <= b.0 { (a, b) } else { (b, a) };
                        if first.1 <= second.0 {
                            let one = input[first.0..first.1].to_vec();
                            let two = input[second.0..second.1].to_vec();
                            input.splice(second.0..second.1, one);
                            input.splice(first.0..first.1, two);
                        }
                    }
                }
            }
        }
        6 => {
            let numbers = number_spans(input);
            let with = HUGE[rng.below(HUGE.len())].as_bytes().to_vec();
            if numbers.is_empty() {
                let at = boundary(input, rng);
                input.splice(at..at, with);
            } else {
                let (s, e) = numbers[rng.below(numbers.len())];
                input.splice(s..e, with);
            }
        }
        7 => {
            let depth = [10, 70, 300, 3000][rng.below(4)];
            let (open, close): (&[u8], &[u8]) = match rng.below(4) {
                0 => (b"(", b")"),
                1 => (b"{\n", b"}\n"),
                2 => (b"-", b""),
                _ => (b"[", b"]"),
            };
            let at = boundary(input, rng);
            let end = (at + rng.below(40)).min(input.len());
            let end = next_boundary(input, end);
            input.splice(end..end, close.repeat(depth));
            input.splice(at..at, open.repeat(depth));
        }
        8 => {
            let at = rng.below(len + 1);
            input.truncate(at);
        }
        _ => {
            let text: Vec<u8> = match rng.below(3) {
                0 => replace(input, b"\n", b"\r\n"),
                1 => replace(input, b"\n", b"\r"),
                _ => replace(input, b"\r\n", b"\n"),
            };
            *input = text;
        }
    }
    MUTATIONS[which]
}

/// One to four mutations, one most often (so that many mutants still parse, and reach the
/// formatter, the template and the evaluation); returns their names.
pub fn mutate(input: &[u8], rng: &mut Rng, dictionary: &[Vec<u8>]) -> (Vec<u8>, Vec<&'static str>) {
    let mut out = input.to_vec();
    let n = [1, 1, 1, 2, 3, 4][rng.below(6)];
    let names = (0..n)
        .map(|_| mutate_once(&mut out, rng, dictionary))
        .collect();
    (out, names)
}

/// A random position that is not inside a UTF-8 character (most of the time: a byte flip is
/// what tests broken characters).
fn boundary(input: &[u8], rng: &mut Rng) -> usize {
    next_boundary(input, rng.below(input.len() + 1))
}

fn next_boundary(input: &[u8], mut at: usize) -> usize {
    while at < input.len() && (input[at] & 0xC0) == 0x80 {
        at += 1;
    }
    at
}

/// Byte ranges of the lines, each with its line end.
fn line_spans(input: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in input.iter().enumerate() {
        if b == b'\n' {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < input.len() {
        out.push((start, input.len()));
    }
    out
}

/// Byte ranges of runs of digits, dots and commas that start with a digit.
fn number_spans(input: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < input.len() {
        if input[i].is_ascii_digit() {
            let start = i;
            while i < input.len() && (input[i].is_ascii_digit() || matches!(input[i], b'.' | b','))
            {
                i += 1;
            }
            out.push((start, i));
        } else {
            i += 1;
        }
    }
    out
}

fn replace(input: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        if input[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(input[i]);
            i += 1;
        }
    }
    out
}
