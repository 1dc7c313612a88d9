//! The registries of missions and programmes, one per comparto, kept as data files in
//! `src/check/registries/` (each cites its source in its header) and parsed once, on first
//! use. A file that does not parse gives an empty registry rather than a panic; a test parses
//! every file.
//!
//! Codes are compared in the comparto's own form (three digits for the Chambers, the State and
//! universities, two for regions and local bodies); `comparto.rs` decides the form.

use crate::syntax::ast::Comparto;
use std::sync::OnceLock;

#[derive(Debug, Default, PartialEq)]
pub struct Registry {
    pub missions: Vec<Mission>,
}

#[derive(Debug, PartialEq)]
pub struct Mission {
    pub code: String,
    pub name: String,
    pub programmes: Vec<Programme>,
}

#[derive(Debug, Default, PartialEq)]
pub struct Programme {
    pub code: String,
    pub name: String,
    /// Its name before the MiSE note of 9/6/2015, for documents that still use it.
    pub former_name: Option<String>,
    /// Per the MiSE note of 9/6/2015: to be reported under this programme instead.
    pub report_under: Option<String>,
    /// D.Lgs. 118/2011, allegato 14: "solo per le Regioni".
    pub regions_only: bool,
}

/// A line of a registry file that could not be read: its number and why.
#[derive(Debug, PartialEq, Eq)]
pub struct BadLine {
    pub line: usize,
    pub problem: &'static str,
}

const CAMERA: &str = include_str!("registries/camera.tsv");
const DLGS118: &str = include_str!("registries/dlgs118.tsv");
const STATO: &str = include_str!("registries/stato.tsv");
const UNIVERSITA: &str = include_str!("registries/universita.tsv");

/// Every registry file with its name, for the test that parses them all.
pub const FILES: &[(&str, &str)] = &[
    ("camera.tsv", CAMERA),
    ("dlgs118.tsv", DLGS118),
    ("stato.tsv", STATO),
    ("universita.tsv", UNIVERSITA),
];

fn cached(cell: &'static OnceLock<Registry>, text: &str) -> &'static Registry {
    cell.get_or_init(|| parse(text).unwrap_or_default())
}

/// The Chambers of Commerce's registry (D.M. 27/03/2013).
pub fn camera() -> &'static Registry {
    static CELL: OnceLock<Registry> = OnceLock::new();
    cached(&CELL, CAMERA)
}

/// Regions' and local bodies' registry (D.Lgs. 118/2011, allegato 14).
pub fn dlgs118() -> &'static Registry {
    static CELL: OnceLock<Registry> = OnceLock::new();
    cached(&CELL, DLGS118)
}

/// The State budget's missions (programmes change with every budget law: none listed).
pub fn stato() -> &'static Registry {
    static CELL: OnceLock<Registry> = OnceLock::new();
    cached(&CELL, STATO)
}

/// Universities' registry (D.I. 16/01/2014 n. 21).
pub fn universita() -> &'static Registry {
    static CELL: OnceLock<Registry> = OnceLock::new();
    cached(&CELL, UNIVERSITA)
}

/// The registry a comparto checks against; `None` (no comparto) is today's Chambers' one.
/// `altro` has none.
pub fn of(comparto: Option<Comparto>) -> Option<&'static Registry> {
    match comparto {
        None | Some(Comparto::Camera) => Some(camera()),
        Some(Comparto::EnteLocale | Comparto::Regione) => Some(dlgs118()),
        Some(Comparto::Stato) => Some(stato()),
        Some(Comparto::Universita) => Some(universita()),
        Some(Comparto::Altro) => None,
    }
}

impl Registry {
    pub fn mission(&self, code: &str) -> Option<&Mission> {
        self.missions.iter().find(|m| m.code == code)
    }
}

impl Mission {
    pub fn programme(&self, code: &str) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.code == code)
    }
}

/// Reads a registry file: `#` comment lines, a header line, then one line per mission (empty
/// programme column) or programme, columns separated by tabs.
pub fn parse(text: &str) -> Result<Registry, BadLine> {
    let mut registry = Registry::default();
    let mut header = false;
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let bad = |problem| BadLine {
            line: line_no,
            problem,
        };
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if !header {
            if cells.first() != Some(&"missione") {
                return Err(bad(
                    "the first line that is not a comment must be the header",
                ));
            }
            header = true;
            continue;
        }
        let [missione, programma, name, attributes] = cells[..] else {
            return Err(bad("a line has four columns separated by tabs"));
        };
        let digits = |c: &str| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit());
        if !digits(missione) || !(programma.is_empty() || digits(programma)) {
            return Err(bad("codes are digits"));
        }
        if name.trim().is_empty() {
            return Err(bad("every mission and programme has a name"));
        }
        if programma.is_empty() {
            if registry.mission(missione).is_some() {
                return Err(bad("a mission is listed twice"));
            }
            registry.missions.push(Mission {
                code: missione.to_string(),
                name: name.to_string(),
                programmes: Vec::new(),
            });
            continue;
        }
        let mut programme = Programme {
            code: programma.to_string(),
            name: name.to_string(),
            ..Programme::default()
        };
        for attribute in attributes.split('|').filter(|a| !a.trim().is_empty()) {
            match attribute.split_once('=') {
                Some(("nome_precedente", v)) => programme.former_name = Some(v.to_string()),
                Some(("riportare_in", v)) => programme.report_under = Some(v.to_string()),
                Some(("cofog", _)) => {}
                None if attribute == "solo_regioni" => programme.regions_only = true,
                _ => return Err(bad("unknown attribute")),
            }
        }
        let Some(mission) = registry.missions.iter_mut().find(|m| m.code == missione) else {
            return Err(bad("a programme comes after the line of its mission"));
        };
        if mission.programme(programma).is_some() {
            return Err(bad("a programme is listed twice"));
        }
        mission.programmes.push(programme);
    }
    if !header {
        return Err(BadLine {
            line: 0,
            problem: "no header line",
        });
    }
    Ok(registry)
}

/// Codes are compared as written, but in the Chambers' registry a number shorter than three
/// digits is read with its leading zeros (`11` is `011`), since their documents write both.
pub fn normalize(code: &str) -> String {
    if !code.is_empty() && code.len() < 3 && code.bytes().all(|b| b.is_ascii_digit()) {
        format!("{code:0>3}")
    } else {
        code.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_registry_file_parses() {
        for (name, text) in FILES {
            let registry = parse(text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert!(!registry.missions.is_empty(), "{name} has no missions");
        }
    }

    #[test]
    fn registries_have_their_sizes() {
        // D.Lgs. 118/2011: missions 01-20, 50, 60, 99; the State: 34 missions.
        assert_eq!(dlgs118().missions.len(), 23);
        assert_eq!(stato().missions.len(), 34);
        assert_eq!(universita().missions.len(), 5);
        let programmes: usize = universita()
            .missions
            .iter()
            .map(|m| m.programmes.len())
            .sum();
        assert_eq!(programmes, 9);
        assert!(stato().missions.iter().all(|m| m.programmes.is_empty()));
        for m in &dlgs118().missions {
            assert_eq!(m.code.len(), 2, "{}", m.code);
            assert!(m.programmes.iter().all(|p| p.code.len() == 2));
        }
    }

    #[test]
    fn bad_files_are_refused_not_panicked_on() {
        assert!(parse("").is_err());
        assert!(parse("missione\tprogramma\tnome\tattributi\n011\t005\tx\t\n").is_err());
        assert!(parse("missione\tprogramma\tnome\tattributi\n011\t\tx\n").is_err());
        assert!(parse("missione\tprogramma\tnome\tattributi\n01a\t\tx\t\n").is_err());
        assert!(parse("missione\tprogramma\tnome\tattributi\n011\t\tx\t\n011\t\ty\t\n").is_err());
        assert!(
            parse("missione\tprogramma\tnome\tattributi\n011\t\tx\t\n011\t001\ty\tboh\n").is_err()
        );
        assert!(parse("missione\tprogramma\tnome\tattributi\n011\t\t \t\n").is_err());
    }

    #[test]
    fn pads_short_codes() {
        assert_eq!(normalize("11"), "011");
        assert_eq!(normalize("5"), "005");
        assert_eq!(normalize("011"), "011");
        assert_eq!(normalize("0011"), "0011");
        assert_eq!(normalize("1a"), "1a");
    }

    #[test]
    fn knows_the_seed_pairs() {
        for (m, p) in [("011", "005"), ("016", "005"), ("032", "003")] {
            assert!(camera().mission(m).and_then(|x| x.programme(p)).is_some());
        }
        let m032 = camera().mission("032").unwrap();
        assert_eq!(
            m032.programme("004").unwrap().report_under.as_deref(),
            Some("003")
        );
        assert!(camera().mission("099").is_none());
        let m011 = camera().mission("011").unwrap();
        assert!(m011.programme("005").unwrap().former_name.is_some());
        let p = dlgs118().mission("01").unwrap().programme("12").unwrap();
        assert!(p.regions_only);
        assert!(
            !dlgs118()
                .mission("01")
                .unwrap()
                .programme("02")
                .unwrap()
                .regions_only
        );
    }
}
