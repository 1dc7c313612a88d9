//! The missions and programmes of Chambers of Commerce: D.M. 27/03/2013, the MiSE/MEF circular
//! 148123 of 12/09/2013 and the MiSE note of 9/6/2015 (prot. 0087080). Kept as data in one
//! place so that it is easy to correct: the names of 012/004, 032/002 and the 033 programmes
//! were not checked against the circular.

pub struct Mission {
    pub code: &'static str,
    pub name: &'static str,
    pub programmes: &'static [Programme],
}

pub struct Programme {
    pub code: &'static str,
    pub name: &'static str,
    /// Its name before the MiSE note of 9/6/2015, for documents that still use it.
    pub former_name: Option<&'static str>,
    /// Per the MiSE note of 9/6/2015: to be reported under this programme instead.
    pub report_under: Option<&'static str>,
}

const fn programme(code: &'static str, name: &'static str) -> Programme {
    Programme {
        code,
        name,
        former_name: None,
        report_under: None,
    }
}

pub const MISSIONS: &[Mission] = &[
    Mission {
        code: "011",
        name: "Competitività e sviluppo delle imprese",
        programmes: &[Programme {
            code: "005",
            name: "Promozione e attuazione di politiche di sviluppo, competitività ed innovazione, di responsabilità sociale d'impresa e movimento cooperativo",
            former_name: Some(
                "Regolamentazione, incentivazione dei settori imprenditoriali, riassetti industriali, sperimentazione tecnologica, lotta alla contraffazione, tutela della proprietà intellettuale",
            ),
            report_under: None,
        }],
    },
    Mission {
        code: "012",
        name: "Regolazione dei mercati",
        programmes: &[programme(
            "004",
            "Vigilanza sui mercati e sui prodotti, promozione della concorrenza e tutela dei consumatori",
        )],
    },
    Mission {
        code: "016",
        name: "Commercio internazionale ed internazionalizzazione del sistema produttivo",
        programmes: &[programme(
            "005",
            "Sostegno all'internazionalizzazione delle imprese e promozione del Made in Italy",
        )],
    },
    Mission {
        code: "032",
        name: "Servizi istituzionali e generali delle amministrazioni pubbliche",
        programmes: &[
            programme("002", "Indirizzo politico"),
            programme(
                "003",
                "Servizi e affari generali per le amministrazioni di competenza",
            ),
            Programme {
                code: "004",
                name: "Servizi generali, formativi ed approvvigionamenti per le amministrazioni pubbliche",
                former_name: None,
                report_under: Some("003"),
            },
        ],
    },
    Mission {
        code: "033",
        name: "Fondi da ripartire",
        programmes: &[
            programme("001", "Fondi da assegnare"),
            programme("002", "Fondi di riserva e speciali"),
        ],
    },
];

/// Codes are compared as written, but a number shorter than three digits is read with its
/// leading zeros (`11` is `011`), since documents write both.
pub fn normalize(code: &str) -> String {
    if !code.is_empty() && code.len() < 3 && code.bytes().all(|b| b.is_ascii_digit()) {
        format!("{code:0>3}")
    } else {
        code.to_string()
    }
}

pub fn mission(code: &str) -> Option<&'static Mission> {
    MISSIONS.iter().find(|m| m.code == code)
}

pub fn programme_of(mission: &Mission, code: &str) -> Option<&'static Programme> {
    // `Mission::programmes` is `'static` data; look it up by code.
    MISSIONS
        .iter()
        .find(|m| m.code == mission.code)?
        .programmes
        .iter()
        .find(|p| p.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

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
            let mission = mission(m).unwrap();
            assert!(programme_of(mission, p).is_some());
        }
        let m032 = mission("032").unwrap();
        assert_eq!(programme_of(m032, "004").unwrap().report_under, Some("003"));
        assert!(mission("099").is_none());
    }
}
