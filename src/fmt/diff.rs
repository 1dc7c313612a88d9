//! A unified diff over lines, for `piano fmt --diff`. The edit script is a longest common
//! subsequence found with Hirschberg's method: quadratic time but linear memory, so a plan of
//! any size is diffed without building a table of all line pairs.

use std::collections::HashMap;

/// Lines of context around each change.
pub const CONTEXT: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Edit {
    Keep,
    Delete,
    Insert,
}

/// The unified diff from `old` to `new` (empty when they are equal), with `---`/`+++`
/// headers naming `name`.
pub fn unified(old: &str, new: &str, name: &str) -> String {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let edits = script(&a, &b);
    if edits.iter().all(|e| *e == Edit::Keep) {
        return String::new();
    }
    let mut out = format!("--- {name}\n+++ {name}\n");
    // Line positions in `a` and `b` before each edit.
    let mut positions = Vec::with_capacity(edits.len() + 1);
    let (mut i, mut j) = (0, 0);
    for e in &edits {
        positions.push((i, j));
        match e {
            Edit::Keep => (i, j) = (i + 1, j + 1),
            Edit::Delete => i += 1,
            Edit::Insert => j += 1,
        }
    }
    positions.push((i, j));

    let changes: Vec<usize> = (0..edits.len())
        .filter(|&k| edits[k] != Edit::Keep)
        .collect();
    let mut k = 0;
    while k < changes.len() {
        // A hunk runs on while the next change is close enough to share context.
        let first = changes[k];
        let mut last = first;
        while k + 1 < changes.len() && changes[k + 1] - last <= 2 * CONTEXT {
            k += 1;
            last = changes[k];
        }
        k += 1;
        let from = first.saturating_sub(CONTEXT);
        let to = (last + 1 + CONTEXT).min(edits.len());
        let (a_from, b_from) = positions[from];
        let (a_to, b_to) = positions[to];
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            range(a_from, a_to - a_from),
            range(b_from, b_to - b_from)
        ));
        for e in from..to {
            let (i, j) = positions[e];
            let (mark, line) = match edits[e] {
                Edit::Keep => (' ', a[i]),
                Edit::Delete => ('-', a[i]),
                Edit::Insert => ('+', b[j]),
            };
            out.push(mark);
            out.push_str(line);
            if !line.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
    out
}

/// `start,count` as in `@@` headers: 1-based, `count` left out when 1, and an empty range
/// named by the line before it.
fn range(start: usize, count: usize) -> String {
    match count {
        0 => format!("{start},0"),
        1 => format!("{}", start + 1),
        n => format!("{},{n}", start + 1),
    }
}

/// The edits that turn `a` into `b`, in order.
fn script(a: &[&str], b: &[&str]) -> Vec<Edit> {
    // Compare numbers, not strings, in the quadratic part.
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut id = |line| {
        let next = ids.len() as u32;
        *ids.entry(line).or_insert(next)
    };
    let a: Vec<u32> = a.iter().map(|l| id(l)).collect();
    let b: Vec<u32> = b.iter().map(|l| id(l)).collect();
    let mut edits = Vec::with_capacity(a.len() + b.len());
    hirschberg(&a, &b, &mut edits);
    edits
}

fn hirschberg(a: &[u32], b: &[u32], edits: &mut Vec<Edit>) {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    edits.extend(std::iter::repeat_n(Edit::Keep, prefix));
    if a.is_empty() || b.is_empty() {
        edits.extend(std::iter::repeat_n(Edit::Delete, a.len()));
        edits.extend(std::iter::repeat_n(Edit::Insert, b.len()));
    } else if a.len() == 1 {
        match b.iter().position(|y| *y == a[0]) {
            Some(j) => {
                edits.extend(std::iter::repeat_n(Edit::Insert, j));
                edits.push(Edit::Keep);
                edits.extend(std::iter::repeat_n(Edit::Insert, b.len() - j - 1));
            }
            None => {
                edits.push(Edit::Delete);
                edits.extend(std::iter::repeat_n(Edit::Insert, b.len()));
            }
        }
    } else {
        // Split `a` in half and `b` where the two halves' common subsequences meet best.
        let mid = a.len() / 2;
        let forward = lcs_row(a[..mid].iter(), b.iter(), b.len());
        let backward = lcs_row(a[mid..].iter().rev(), b.iter().rev(), b.len());
        let split = (0..=b.len())
            .max_by_key(|&j| (forward[j] + backward[b.len() - j], std::cmp::Reverse(j)))
            .unwrap_or(0);
        hirschberg(&a[..mid], &b[..split], edits);
        hirschberg(&a[mid..], &b[split..], edits);
    }
    edits.extend(std::iter::repeat_n(Edit::Keep, suffix));
}

/// The lengths of the longest common subsequences of all of `a` with each prefix of `b`.
fn lcs_row<'x>(
    a: impl Iterator<Item = &'x u32>,
    b: impl Iterator<Item = &'x u32> + Clone,
    b_len: usize,
) -> Vec<usize> {
    let mut previous = vec![0; b_len + 1];
    let mut current = vec![0; b_len + 1];
    for x in a {
        for (j, y) in b.clone().enumerate() {
            current[j + 1] = if x == y {
                previous[j] + 1
            } else {
                previous[j + 1].max(current[j])
            };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `start,count` of one side of an `@@` header, as the 0-based index of its first line.
    fn side(range: &str) -> (usize, usize) {
        let mut parts = range[1..].split(',');
        let start: usize = parts.next().unwrap().parse().unwrap();
        let count: usize = parts.next().map_or(1, |c| c.parse().unwrap());
        (if count == 0 { start } else { start - 1 }, count)
    }

    /// Applies a unified diff to `old`, strictly, as `patch` would: guards that the diff says
    /// what changed. Context and removed lines must be the old text's lines at that place, the
    /// headers' starts must point where the hunk applies on both sides, and their counts must
    /// match the hunk's lines.
    fn apply(old: &str, diff: &str) -> String {
        let old: Vec<&str> = old.split_inclusive('\n').collect();
        let mut out: Vec<String> = Vec::new();
        let mut next = 0; // next old line to copy
        let mut lines = diff.lines().skip(2).peekable();
        while let Some(header) = lines.next() {
            let mut fields = header.split(' ');
            assert_eq!(fields.next(), Some("@@"), "{header}");
            let (old_start, old_count) = side(fields.next().unwrap());
            let (new_start, new_count) = side(fields.next().unwrap());
            assert_eq!(fields.next(), Some("@@"), "{header}");
            assert!(old_start >= next, "{header}: hunks overlap or go back");
            out.extend(old[next..old_start].iter().map(|l| l.to_string()));
            next = old_start;
            assert_eq!(out.len(), new_start, "{header}: new start");
            let (mut old_seen, mut new_seen) = (0, 0);
            while let Some(line) = lines.next_if(|l| !l.starts_with("@@")) {
                let no_newline = lines.next_if(|l| l.starts_with('\\')).is_some();
                let mut text = line[1..].to_string();
                if !no_newline {
                    text.push('\n');
                }
                let mark = &line[..1];
                if mark == " " || mark == "-" {
                    assert_eq!(
                        old.get(next).copied(),
                        Some(text.as_str()),
                        "{header}: old line {}",
                        next + 1
                    );
                    next += 1;
                    old_seen += 1;
                }
                if mark == " " || mark == "+" {
                    out.push(text);
                    new_seen += 1;
                }
                assert!(
                    matches!(mark, " " | "-" | "+"),
                    "{header}: bad line {line:?}"
                );
            }
            assert_eq!(
                (old_seen, new_seen),
                (old_count, new_count),
                "{header}: counts"
            );
        }
        out.extend(old[next..].iter().map(|l| l.to_string()));
        out.concat()
    }

    /// The strict `apply` refuses a diff whose context or removed lines are not the old text.
    #[test]
    #[should_panic(expected = "old line")]
    fn apply_checks_removed_lines() {
        apply("a\nb\n", "--- p\n+++ p\n@@ -1,2 +1,2 @@\n a\n-x\n+b\n");
    }

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(unified("a\nb\n", "a\nb\n", "x"), "");
    }

    #[test]
    fn hunks_have_context_and_ranges() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
        let new = "1\n2\n3\n4\nquattro\n6\n7\n8\n9\n10\n11\n";
        let diff = unified(old, new, "p.piano");
        assert_eq!(
            diff,
            "--- p.piano\n+++ p.piano\n@@ -2,9 +2,10 @@\n 2\n 3\n 4\n-5\n+quattro\n 6\n 7\n 8\n 9\n 10\n+11\n"
        );
        assert_eq!(apply(old, &diff), new);
    }

    #[test]
    fn distant_changes_make_separate_hunks() {
        let old: String = (1..=30).map(|i| format!("{i}\n")).collect();
        let new: String = (1..=30)
            .map(|i| match i {
                2 => "due\n".to_string(),
                28 => "ventotto\n".to_string(),
                i => format!("{i}\n"),
            })
            .collect();
        let diff = unified(&old, &new, "p");
        assert_eq!(diff.matches("@@ -").count(), 2, "{diff}");
        assert_eq!(apply(&old, &diff), new);
    }

    #[test]
    fn missing_final_newline_is_marked() {
        let diff = unified("a\nb", "a\nb\n", "p");
        assert!(
            diff.contains("-b\n\\ No newline at end of file\n+b\n"),
            "{diff}"
        );
        assert_eq!(apply("a\nb", &diff), "a\nb\n");
        assert_eq!(apply("", &unified("", "x\n", "p")), "x\n");
        assert_eq!(apply("x\ny\n", &unified("x\ny\n", "", "p")), "");
    }

    #[test]
    fn diffs_apply_on_shuffled_texts() {
        // Deterministic pseudo-random edits over a small alphabet of lines.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..300 {
            let mut text = |n: u64| -> String {
                (0..next() % n)
                    .map(|_| format!("{}\n", next() % 5))
                    .collect()
            };
            let (old, new) = (text(12), text(12));
            let diff = unified(&old, &new, "p");
            assert_eq!(apply(&old, &diff), new, "{old:?} → {new:?}\n{diff}");
        }
    }
}
