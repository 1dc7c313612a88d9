//! `piano check --fix`'s engine: a plan's text → the same plan with its diagnostics' fixes
//! applied. Each round checks the plan, takes every fix allowed (safe ones, and with
//! `--unsafe-fixes` the others too), applies those that do not overlap an earlier one (the
//! first by position wins; the others are left to the next round, which checks again) and
//! starts over, up to [`MAX_ROUNDS`]. A round that would add a syntax error is undone.

use crate::diagnostics::{Applicability, Code, Diagnostic, Edit, Fix};
use crate::source::Source;
use crate::span::Span;

/// Enough for fixes that uncover others (a repaired line then checked), few enough that a
/// fix which keeps coming back cannot loop.
pub const MAX_ROUNDS: usize = 8;

/// Which fixes to apply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Apply the fixes marked `da verificare` too.
    pub unsafe_fixes: bool,
}

/// A fix that was applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub code: Code,
    pub title: String,
    pub applicability: Applicability,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repaired {
    pub text: String,
    pub applied: Vec<Applied>,
}

impl Repaired {
    pub fn changed(&self) -> bool {
        !self.applied.is_empty()
    }
}

/// Applies the fixes of `text`'s diagnostics, round after round; titles are in `lang`.
pub fn repair(text: &str, options: Options, lang: crate::diagnostics::Lang) -> Repaired {
    let mut text = text.to_string();
    let mut applied = Vec::new();
    let mut syntax_errors = count_syntax_errors(&text);
    for _ in 0..MAX_ROUNDS {
        let diagnostics = crate::check_source(&Source::new("", text.as_str()));
        let chosen = choose(&diagnostics, options, lang);
        if chosen.is_empty() {
            break;
        }
        let edits: Vec<&Edit> = chosen.iter().flat_map(|(_, f)| &f.edits).collect();
        let next = apply(&text, &edits);
        let errors = count_syntax_errors(&next);
        if errors > syntax_errors || next == text {
            // A fix that breaks the syntax is a bug of that fix: keep the plan as it was.
            break;
        }
        syntax_errors = errors;
        text = next;
        applied.extend(chosen.into_iter().map(|(code, fix)| Applied {
            code,
            title: fix.title,
            applicability: fix.applicability,
        }));
    }
    Repaired { text, applied }
}

fn count_syntax_errors(text: &str) -> usize {
    crate::syntax::parse(text)
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .count()
}

/// The first allowed fix of each diagnostic, in the order of their first edit; a fix that
/// overlaps one taken before it waits for the next round.
pub fn choose(
    diagnostics: &[Diagnostic],
    options: Options,
    lang: crate::diagnostics::Lang,
) -> Vec<(Code, Fix)> {
    let mut candidates: Vec<(Code, Fix)> = diagnostics
        .iter()
        .filter(|d| d.accepted.is_none())
        .filter_map(|d| {
            let fix = d.texts(lang).fixes.into_iter().find(|f| {
                !f.edits.is_empty()
                    && (f.applicability == Applicability::Safe || options.unsafe_fixes)
            })?;
            Some((d.code(), fix))
        })
        .collect();
    candidates.sort_by_key(|(_, f)| first_edit(f));
    let mut taken: Vec<Span> = Vec::new();
    let mut chosen = Vec::new();
    for (code, fix) in candidates {
        let clashes = fix
            .edits
            .iter()
            .any(|e| taken.iter().any(|t| overlap(*t, e.span)));
        if clashes {
            continue;
        }
        taken.extend(fix.edits.iter().map(|e| e.span));
        chosen.push((code, fix));
    }
    chosen
}

fn first_edit(fix: &Fix) -> (usize, usize) {
    fix.edits
        .iter()
        .map(|e| (e.span.start, e.span.end))
        .min()
        .unwrap_or((usize::MAX, usize::MAX))
}

/// Whether two edits touch the same text: overlapping ranges, two insertions at one point
/// (their order would be a guess), or an insertion strictly inside a replaced range.
fn overlap(a: Span, b: Span) -> bool {
    if a.is_empty() && b.is_empty() {
        return a.start == b.start;
    }
    if a.is_empty() {
        return b.start < a.start && a.start < b.end;
    }
    if b.is_empty() {
        return a.start < b.start && b.start < a.end;
    }
    a.start < b.end && b.start < a.end
}

/// `text` with non-overlapping `edits` applied. Edits outside the text, or not on character
/// boundaries, are skipped (a fix is data and could be wrong; the text must stay text).
pub fn apply(text: &str, edits: &[&Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.to_vec();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in sorted {
        let Span { start, end } = e.span;
        let fits = at <= start
            && start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end);
        if !fits {
            continue;
        }
        out.push_str(&text[at..start]);
        out.push_str(&e.replacement);
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_in_position_order() {
        let text = "abcdef";
        let a = Edit::replace(Span::new(4, 5), "E");
        let b = Edit::insert(0, ">");
        let c = Edit::delete(Span::new(1, 3));
        assert_eq!(apply(text, &[&a, &b, &c]), ">adEf");
    }

    #[test]
    fn edits_outside_the_text_are_skipped() {
        let bad = Edit::replace(Span::new(4, 99), "x");
        let inside_a_char = Edit::replace(Span::new(1, 2), "x");
        assert_eq!(apply("aèb", &[&bad, &inside_a_char]), "aèb");
    }

    #[test]
    fn overlaps() {
        assert!(overlap(Span::new(0, 3), Span::new(2, 4)));
        assert!(!overlap(Span::new(0, 2), Span::new(2, 4)));
        assert!(overlap(Span::point(2), Span::point(2)));
        assert!(!overlap(Span::point(2), Span::new(2, 4)));
        assert!(overlap(Span::point(3), Span::new(2, 4)));
    }
}
