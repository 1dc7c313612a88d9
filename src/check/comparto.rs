//! The plan's `comparto`: which registry its missions and programmes follow, the form of their
//! codes (two digits for regions and local bodies, three for the Chambers, the State and
//! universities), and which fields a plan of that kind must have.
//!
//! Codes are reported as written. A plan without `comparto` keeps the Chambers' registry and
//! reading (`11` is `011`), with a warning that says how to declare it.

use super::Sink;
use super::error::{CheckError, CodeKind};
use super::registry::{self, Registry};
use crate::span::{Span, Spanned};
use crate::syntax::ast::{Comparto, MissioneProgramma};

/// Whether a comparto's plans are PIRAs (DPCM 18/09/2012), whose cards always carry a
/// strategic line, a mission and programme, and each indicator's tipologia. The others (PIAO
/// of comuni, regions, universities...) may leave them out.
pub fn requires_pira_fields(comparto: Option<Comparto>) -> bool {
    matches!(comparto, None | Some(Comparto::Camera | Comparto::Stato))
}

/// How many digits the comparto's codes have; `None`: any number of digits (`altro`) or the
/// Chambers' lenient reading.
fn digits(comparto: Comparto) -> Option<usize> {
    match comparto {
        Comparto::EnteLocale | Comparto::Regione => Some(2),
        Comparto::Stato | Comparto::Universita => Some(3),
        Comparto::Camera | Comparto::Altro => None,
    }
}

fn all_digits(code: &str) -> bool {
    !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit())
}

/// A code in the comparto's form: `Ok` with the code to compare, or `Err` with the right
/// spelling, if there is one.
fn in_form(code: &str, comparto: Option<Comparto>) -> Result<String, Option<String>> {
    let Some(comparto) = comparto.filter(|c| *c != Comparto::Camera) else {
        return Ok(registry::normalize(code));
    };
    if comparto == Comparto::Altro {
        return if all_digits(code) {
            Ok(code.to_string())
        } else {
            Err(None)
        };
    }
    let Some(n) = digits(comparto) else {
        return Ok(code.to_string());
    };
    if !all_digits(code) || code.len() == n {
        // Letters are not a matter of form: the registry says the code is unknown.
        return Ok(code.to_string());
    }
    let significant = code.trim_start_matches('0');
    if significant.len() <= n {
        Err(Some(format!("{significant:0>n$}")))
    } else {
        Err(None)
    }
}

/// The comparto (other than the plan's own) whose registry knows `code` (and `programme`) as
/// written: `01` is a D.Lgs. 118/2011 mission.
fn elsewhere(own: Option<Comparto>, missione: &str, programma: Option<&str>) -> Option<Comparto> {
    let candidates = [
        (Comparto::EnteLocale, 2),
        (Comparto::Camera, 3),
        (Comparto::Stato, 3),
        (Comparto::Universita, 3),
    ];
    // A plan that declares its comparto hears of another only when the code's form says it
    // was written for one (two digits in a Chamber's plan): a typo is not another comparto.
    let own_form = own.map(|c| digits(c).unwrap_or(3));
    candidates.into_iter().find_map(|(c, n)| {
        let same = own == Some(c)
            || (own.is_none() && c == Comparto::Camera)
            || (own == Some(Comparto::Regione) && c == Comparto::EnteLocale)
            || own_form == Some(n);
        if same || missione.len() != n {
            return None;
        }
        let registry = registry::of(Some(c))?;
        let m = registry.mission(missione)?;
        match programma {
            // The State's programmes are not listed: it knows no pair.
            Some(_) if m.programmes.is_empty() => None,
            Some(p) if m.programme(p).is_none() => None,
            _ => Some(c),
        }
    })
}

/// Checks an objective's `missione M programma P`; returns the pair in the comparto's form.
pub(super) fn missione(
    m: &MissioneProgramma,
    comparto: Option<Comparto>,
    sink: &mut Sink,
) -> (String, String) {
    let missione = form(&m.missione, CodeKind::Missione, comparto, sink);
    let programma = form(&m.programma, CodeKind::Programma, comparto, sink);
    let Some(registry) = registry::of(comparto) else {
        return (missione, programma);
    };
    check_registry(m, comparto, registry, &missione, &programma, sink);
    (missione, programma)
}

fn form(
    code: &Spanned<String>,
    kind: CodeKind,
    comparto: Option<Comparto>,
    sink: &mut Sink,
) -> String {
    match (in_form(&code.value, comparto), comparto) {
        (Ok(c), _) => c,
        (Err(right), Some(comparto)) => {
            sink.report(
                code.span,
                CheckError::CodeForm {
                    kind,
                    written: code.value.clone(),
                    right: right.clone(),
                    comparto,
                    span: code.span,
                },
            );
            right.unwrap_or_else(|| code.value.clone())
        }
        (Err(_), None) => code.value.clone(),
    }
}

fn check_registry(
    m: &MissioneProgramma,
    comparto: Option<Comparto>,
    registry: &Registry,
    missione: &str,
    programma: &str,
    sink: &mut Sink,
) {
    let written_m = &m.missione.value;
    let written_p = &m.programma.value;
    let Some(mission) = registry.mission(missione) else {
        sink.report(
            m.missione.span,
            CheckError::UnknownMission {
                missione: written_m.clone(),
                comparto,
                elsewhere: elsewhere(comparto, written_m, Some(written_p))
                    .or_else(|| elsewhere(comparto, written_m, None)),
            },
        );
        return;
    };
    // The State's programmes change with every budget law: only their form is checked.
    if mission.programmes.is_empty() {
        return;
    }
    let Some(p) = mission.programme(programma) else {
        sink.report(
            m.programma.span,
            CheckError::UnknownProgramme {
                missione: written_m.clone(),
                programma: written_p.clone(),
                known: mission.programmes.iter().map(|p| p.code.clone()).collect(),
                elsewhere: elsewhere(comparto, written_m, Some(written_p)),
            },
        );
        return;
    };
    if let Some(to) = &p.report_under {
        sink.report(
            m.programma.span,
            CheckError::ProgrammeMoved {
                missione: missione.to_string(),
                programma: programma.to_string(),
                to: to.clone(),
            },
        );
    }
    if p.regions_only && comparto == Some(Comparto::EnteLocale) {
        sink.report(
            m.programma.span,
            CheckError::RegionsOnly {
                missione: missione.to_string(),
                programma: programma.to_string(),
                name: p.name.clone(),
            },
        );
    }
}

/// A plan without `comparto`: the warning, with a fix that declares the comparto its codes
/// fit (the Chambers' when nothing says otherwise).
pub(super) fn missing(header: Span, brace_end: Option<usize>, guess: Comparto, sink: &mut Sink) {
    sink.report(
        header,
        CheckError::MissingComparto {
            insert_at: brace_end,
            guess,
        },
    );
}

/// The comparto whose registry knows every pair of the plan as written, for the missing
/// `comparto` fix: two-digit D.Lgs. 118/2011 codes say `ente_locale`.
pub(super) fn guess<'a>(pairs: impl IntoIterator<Item = &'a MissioneProgramma>) -> Comparto {
    let pairs: Vec<&MissioneProgramma> = pairs.into_iter().collect();
    let fits = |c: Comparto| {
        pairs.iter().all(|m| {
            let Ok(mc) = in_form(&m.missione.value, Some(c)) else {
                return false;
            };
            let Ok(pc) = in_form(&m.programma.value, Some(c)) else {
                return false;
            };
            registry::of(Some(c))
                .and_then(|r| r.mission(&mc))
                .is_some_and(|x| x.programmes.is_empty() || x.programme(&pc).is_some())
        })
    };
    let two_digits = !pairs.is_empty() && pairs.iter().all(|m| m.missione.value.len() == 2);
    if two_digits && fits(Comparto::EnteLocale) {
        Comparto::EnteLocale
    } else {
        Comparto::Camera
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_per_comparto() {
        let el = Some(Comparto::EnteLocale);
        assert_eq!(in_form("01", el), Ok("01".into()));
        assert_eq!(in_form("1", el), Err(Some("01".into())));
        assert_eq!(in_form("001", el), Err(Some("01".into())));
        assert_eq!(in_form("123", el), Err(None));
        assert_eq!(in_form("1A", el), Ok("1A".into()));
        let st = Some(Comparto::Stato);
        assert_eq!(in_form("11", st), Err(Some("011".into())));
        assert_eq!(in_form("011", st), Ok("011".into()));
        // The Chambers, and a plan without comparto: `11` is read as `011`, silently.
        assert_eq!(in_form("11", None), Ok("011".into()));
        assert_eq!(in_form("11", Some(Comparto::Camera)), Ok("011".into()));
        assert_eq!(in_form("7", Some(Comparto::Altro)), Ok("7".into()));
        assert_eq!(in_form("7a", Some(Comparto::Altro)), Err(None));
    }

    #[test]
    fn another_comparto_knows_the_code() {
        assert_eq!(
            elsewhere(None, "01", Some("02")),
            Some(Comparto::EnteLocale)
        );
        assert_eq!(
            elsewhere(Some(Comparto::Camera), "11", Some("01")),
            Some(Comparto::EnteLocale)
        );
        assert_eq!(
            elsewhere(Some(Comparto::EnteLocale), "011", Some("005")),
            Some(Comparto::Camera)
        );
        assert_eq!(elsewhere(None, "034", None), Some(Comparto::Stato));
        // The State lists no programmes: no pair is known there.
        assert_eq!(elsewhere(None, "034", Some("001")), None);
        // A three-digit typo in a Chamber's plan is not a State mission.
        assert_eq!(elsewhere(Some(Comparto::Camera), "013", None), None);
        assert_eq!(elsewhere(None, "77", Some("01")), None);
        assert_eq!(
            elsewhere(Some(Comparto::EnteLocale), "01", Some("02")),
            None
        );
    }
}
