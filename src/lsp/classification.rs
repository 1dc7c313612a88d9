//! The registry of missions and programmes as hover and completion read it: the registry of
//! the plan's comparto, codes read as the checker reads them. One place to adapt when the
//! registries change shape.

use crate::check::registry;
use crate::diagnostics::Lang;
use crate::syntax::ast::Comparto;

/// A mission or programme code with its name.
pub struct Entry {
    pub code: &'static str,
    pub name: &'static str,
    /// A note to show with it (a former name, where to report it instead).
    pub note: Option<String>,
}

/// A code as the comparto's registry holds it: the Chambers' (and a plan without comparto)
/// read `11` as `011`; the others compare codes as written.
fn read(code: &str, comparto: Option<Comparto>) -> String {
    match comparto {
        None | Some(Comparto::Camera) => registry::normalize(code),
        Some(_) => code.to_string(),
    }
}

pub fn missions(comparto: Option<Comparto>) -> Vec<Entry> {
    registry::of(comparto)
        .map(|r| r.missions.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|m| Entry {
            code: &m.code,
            name: &m.name,
            note: None,
        })
        .collect()
}

/// The mission written as `code`.
pub fn mission(code: &str, comparto: Option<Comparto>) -> Option<Entry> {
    let m = registry::of(comparto)?.mission(&read(code, comparto))?;
    Some(Entry {
        code: &m.code,
        name: &m.name,
        note: None,
    })
}

/// The programmes of mission `mission`, with the registry's notes in `lang`.
pub fn programmes(mission: &str, comparto: Option<Comparto>, lang: Lang) -> Vec<Entry> {
    let Some(m) = registry::of(comparto).and_then(|r| r.mission(&read(mission, comparto))) else {
        return Vec::new();
    };
    m.programmes
        .iter()
        .map(|p| {
            let note = match (&p.report_under, &p.former_name, p.regions_only) {
                (Some(to), _, _) => Some(lang.pick(
                    format!("da rendicontare sotto il programma {to}"),
                    format!("to be reported under programme {to}"),
                )),
                (None, Some(former), _) => Some(lang.pick(
                    format!("nome precedente: {former}"),
                    format!("former name: {former}"),
                )),
                (None, None, true) => Some(
                    lang.pick("solo per le Regioni", "for regions only")
                        .to_string(),
                ),
                (None, None, false) => None,
            };
            Entry {
                code: &p.code,
                name: &p.name,
                note,
            }
        })
        .collect()
}

pub fn programme(
    mission: &str,
    code: &str,
    comparto: Option<Comparto>,
    lang: Lang,
) -> Option<Entry> {
    let code = read(code, comparto);
    programmes(mission, comparto, lang)
        .into_iter()
        .find(|p| p.code == code)
}
