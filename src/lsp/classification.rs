//! The registry of missions and programmes as hover and completion read it: one place to
//! adapt when the registry changes shape.

use crate::check::registry;

/// A mission or programme code with its name.
pub struct Entry {
    pub code: &'static str,
    pub name: &'static str,
    /// A note to show with it (a former name, where to report it instead).
    pub note: Option<String>,
}

pub fn missions() -> Vec<Entry> {
    registry::MISSIONS
        .iter()
        .map(|m| Entry {
            code: m.code,
            name: m.name,
            note: None,
        })
        .collect()
}

/// The mission written as `code` (`11` is `011`).
pub fn mission(code: &str) -> Option<Entry> {
    let m = registry::mission(&registry::normalize(code))?;
    Some(Entry {
        code: m.code,
        name: m.name,
        note: None,
    })
}

/// The programmes of mission `code`, with the notes of the registry in `lang`.
pub fn programmes(mission: &str, lang: crate::diagnostics::Lang) -> Vec<Entry> {
    let Some(m) = registry::mission(&registry::normalize(mission)) else {
        return Vec::new();
    };
    m.programmes
        .iter()
        .map(|p| {
            let note = match (p.report_under, p.former_name) {
                (Some(to), _) => Some(lang.pick(
                    format!("da rendicontare sotto il programma {to}"),
                    format!("to be reported under programme {to}"),
                )),
                (None, Some(former)) => Some(lang.pick(
                    format!("nome precedente: {former}"),
                    format!("former name: {former}"),
                )),
                (None, None) => None,
            };
            Entry {
                code: p.code,
                name: p.name,
                note,
            }
        })
        .collect()
}

pub fn programme(mission: &str, code: &str, lang: crate::diagnostics::Lang) -> Option<Entry> {
    let code = registry::normalize(code);
    programmes(mission, lang)
        .into_iter()
        .find(|p| p.code == code)
}
