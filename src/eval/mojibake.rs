//! Text that was UTF-8, read as Windows-1252 and saved again: `€` becomes `â‚¬`, `ì` becomes
//! `Ã¬`. It happens when Excel opens a UTF-8 CSV without a byte order mark and the clerk saves
//! it. A run of characters whose Windows-1252 bytes form one valid UTF-8 character is taken as
//! such a garbling: real Italian text never writes `Ã` before `¬` or `¨`.

use super::error::MeasureError;
use crate::diagnostics::Diagnostic;
use crate::span::Span;

/// How many garbled places beyond the first the diagnostic labels.
const LABELLED: usize = 4;

/// One garbled character: where it is, how it reads, what it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Garbled {
    pub span: Span,
    pub text: String,
    pub original: char,
}

/// The Windows-1252 byte of a character, if it has one.
fn cp1252_byte(c: char) -> Option<u8> {
    if c.is_ascii() {
        return u8::try_from(u32::from(c)).ok();
    }
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
    match (unmappable, bytes.as_ref()) {
        (false, [b]) => Some(*b),
        _ => None,
    }
}

/// How many continuation bytes a UTF-8 lead byte announces (none for other bytes).
fn continuations(lead: u8) -> usize {
    match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => 0,
    }
}

/// Every garbled character of `text`, in order.
pub fn find(text: &str) -> Vec<Garbled> {
    let mut out = Vec::new();
    // Nearly every file is ASCII: one fast pass says so.
    if text.is_ascii() {
        return out;
    }
    let mut chars = text.char_indices();
    while let Some((start, c)) = chars.next() {
        let lead = if c.is_ascii() { None } else { cp1252_byte(c) };
        let n = lead.map_or(0, continuations);
        let Some(lead) = lead.filter(|_| n > 0) else {
            continue;
        };
        let run: Vec<(usize, char)> = chars.clone().take(n).collect();
        if run.len() < n {
            continue;
        }
        let mut bytes = vec![lead];
        bytes.extend(
            run.iter()
                .filter_map(|&(_, c)| cp1252_byte(c))
                .filter(|b| (0x80..=0xBF).contains(b)),
        );
        // Two characters are a garbling only of a character Windows-1252 has: the text is
        // Italian, and `«PERCHÉ»` (`É»` is the UTF-8 of `ɻ`) must stay as written. Three
        // (`â‰¥` for `≥`) do not occur in real text, whatever they decode to.
        if bytes.len() == n + 1
            && let Ok(decoded) = std::str::from_utf8(&bytes)
            && let Some(original) = decoded.chars().next()
            && (n > 1 || cp1252_byte(original).is_some())
        {
            let (last, last_char) = run[n - 1];
            let end = last + last_char.len_utf8();
            out.push(Garbled {
                span: Span::new(start, end),
                text: text[start..end].to_string(),
                original,
            });
            // The run is part of this garbling.
            chars.nth(n - 1);
        }
    }
    out
}

/// When `text` holds garbled characters: one diagnostic for the whole file at the first, and
/// none of the diagnostics at garbled places, which the garbling explains (`â‚¬` is not a
/// unit, `udm` `â‚¬` is not the plan's `€`). Other diagnostics stay.
///
/// `in_plan` says whether a garbled piece is already in the plan's own text (a title, a
/// description), from where the template copied it: that is no sign of the office's encoding,
/// and the file that carries it back is not garbled.
pub fn diagnose(text: &str, in_plan: &dyn Fn(&str) -> bool, diagnostics: &mut Vec<Diagnostic>) {
    let mut found = find(text);
    if !found.is_empty() {
        // Once per distinct piece (a garbled file repeats a few pieces on every row), so that a
        // large file against a large plan is not rows × plan texts.
        let mut asked: std::collections::BTreeMap<String, bool> = Default::default();
        found.retain(|g| {
            !*asked
                .entry(g.text.clone())
                .or_insert_with(|| in_plan(&g.text))
        });
    }
    let Some(first) = found.first() else {
        return;
    };
    diagnostics.retain(|d| !found.iter().any(|g| overlaps(d.span, g.span)));
    let mut pairs: Vec<(String, char)> = Vec::new();
    let mut others = Vec::new();
    let mut lines = 0;
    let mut last_line = None;
    let (mut line, mut counted_to) = (0, 0);
    for g in &found {
        line += text[counted_to..g.span.start].matches('\n').count();
        counted_to = g.span.start;
        if last_line != Some(line) {
            if last_line.is_some() && others.len() < LABELLED {
                others.push(g.span);
            }
            last_line = Some(line);
            lines += 1;
        }
        if !pairs.iter().any(|(t, _)| *t == g.text) {
            pairs.push((g.text.clone(), g.original));
        }
    }
    diagnostics.push(Diagnostic::new(
        first.span,
        MeasureError::Garbled {
            pairs,
            others,
            lines,
        },
    ));
    crate::diagnostics::sort(diagnostics);
}

fn overlaps(d: Span, g: Span) -> bool {
    d.start < g.end && g.start < d.end.max(d.start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn originals(text: &str) -> Vec<(String, char)> {
        find(text)
            .into_iter()
            .map(|g| (g.text, g.original))
            .collect()
    }

    #[test]
    fn finds_utf8_read_as_windows_1252() {
        assert_eq!(
            originals("1.234,56 â‚¬;sÃ¬;Ã¨ fatto"),
            vec![
                ("â‚¬".to_string(), '€'),
                ("Ã¬".to_string(), 'ì'),
                ("Ã¨".to_string(), 'è')
            ]
        );
        // `à` is C3 A0: the A0 is a non-breaking space in Windows-1252.
        assert_eq!(originals("qualitÃ\u{A0}"), vec![("Ã\u{A0}".into(), 'à')]);
        assert_eq!(originals("â‰¥ 80%"), vec![("â‰¥".into(), '≥')]);
        let text = "x Ã¨";
        let g = &find(text)[0];
        assert_eq!(&text[g.span.range()], "Ã¨");
    }

    #[test]
    fn leaves_italian_text_alone() {
        for text in [
            "sì",
            "attività è già più città perché",
            "1.234,56 €",
            "È l'ufficio",
            "«citazione» — 30°",
            "«PERCHÉ» «È»",
            "Ã da sola",
            "",
        ] {
            assert!(find(text).is_empty(), "{text}");
        }
    }
}
