//! One description of a plan, written three ways: as `.piano`, as JSON (the anchor's input,
//! the same content), and as a measurement file with one value per indicator.

use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

#[derive(Debug, Serialize, Deserialize)]
pub struct Plan {
    pub title: String,
    pub ente: String,
    pub anno: i32,
    pub triennio: (i32, i32),
    pub strategici: Vec<Strategico>,
    pub obiettivi: Vec<Obiettivo>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Strategico {
    pub code: String,
    pub title: String,
    pub ambito: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Obiettivo {
    pub code: String,
    pub title: String,
    pub strategico: String,
    pub missione: String,
    pub programma: String,
    /// As written in the plan (`439.846,96`): both readers keep the text.
    pub risorse: String,
    pub area: String,
    pub ufficio: String,
    pub descrizione: String,
    pub indicatori: Vec<Indicatore>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Indicatore {
    pub name: String,
    pub title: String,
    pub algoritmo: String,
    pub tipologia: String,
    pub udm: String,
    pub targets: Vec<Target>,
    pub peso: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Target {
    pub year: i32,
    /// `None`: `n.d.`.
    pub goal: Option<(String, String)>,
}

const TIPOLOGIE: &[&str] = &["efficienza", "efficacia", "qualita", "volume"];
const WORDS: &[&str] = &[
    "numero",
    "di",
    "pratiche",
    "evase",
    "entro",
    "i",
    "termini",
    "rispetto",
    "al",
    "totale",
    "delle",
    "richieste",
    "pervenute",
    "nell'anno",
    "imprese",
    "servizi",
    "digitali",
    "attivati",
];

/// Words from a fixed list, varied by `seed`, about `len` bytes long.
fn words(seed: usize, len: usize) -> String {
    let mut out = String::new();
    let mut i = seed;
    while out.len() < len {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(WORDS[i % WORDS.len()]);
        i = i.wrapping_mul(7).wrapping_add(3);
    }
    out
}

/// A plan of `objectives` objectives with `indicators` indicators each.
pub fn describe(objectives: usize, indicators: usize) -> Plan {
    let strategici = (1..=10)
        .map(|s| Strategico {
            code: format!("01_{s:02}"),
            title: format!("Linea strategica {s}: {}", words(s, 60)),
            ambito: "1".into(),
        })
        .collect();
    let obiettivi = (0..objectives)
        .map(|o| Obiettivo {
            code: format!("01_{:02}_OS{o:06}", o % 10 + 1),
            title: format!("Obiettivo {o}: {}", words(o, 50)),
            strategico: format!("01_{:02}", o % 10 + 1),
            missione: "011".into(),
            programma: "005".into(),
            risorse: format!("{}.{:03},{:02}", o % 900 + 1, o % 1000, o % 100),
            area: "Promozione e Sviluppo Economico".into(),
            ufficio: format!("Ufficio {}", o % 17),
            descrizione: words(o + 1, 150),
            indicatori: (0..indicators)
                .map(|i| Indicatore {
                    name: format!("ind{i}"),
                    title: format!("Indicatore \"{i}\" {}", words(o + i, 30)),
                    algoritmo: words(o * 3 + i, 70),
                    tipologia: TIPOLOGIE[(o + i) % TIPOLOGIE.len()].into(),
                    udm: "n.".into(),
                    targets: vec![
                        Target {
                            year: 2024,
                            goal: Some((">=".into(), format!("{}", (o + i) % 50 + 1))),
                        },
                        Target {
                            year: 2025,
                            goal: None,
                        },
                        Target {
                            year: 2026,
                            goal: None,
                        },
                    ],
                    peso: "".into(),
                })
                .collect(),
        })
        .collect();
    let mut plan = Plan {
        title: "Piano di prova del benchmark".into(),
        ente: "Ente di prova".into(),
        anno: 2024,
        triennio: (2024, 2026),
        strategici,
        obiettivi,
    };
    // Weights that sum to 100% in every objective.
    for o in &mut plan.obiettivi {
        let n = o.indicatori.len();
        for (i, ind) in o.indicatori.iter_mut().enumerate() {
            let base = 100 / n;
            let extra = usize::from(i < 100 % n);
            ind.peso = format!("{}%", base + extra);
        }
    }
    plan
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The plan as a `.piano` file.
pub fn to_piano(plan: &Plan) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "piano {} {{", quoted(&plan.title));
    let _ = writeln!(w, "  ente {}", quoted(&plan.ente));
    let _ = writeln!(w, "  comparto camera");
    let _ = writeln!(w, "  anno {}", plan.anno);
    let _ = writeln!(
        w,
        "  triennio {}-{}\n}}\n",
        plan.triennio.0, plan.triennio.1
    );
    let _ = writeln!(w, "ambito 1 \"Ambito di prova\"\n");
    for s in &plan.strategici {
        let _ = writeln!(
            w,
            "strategico {} {} {{\n  ambito {}\n}}\n",
            s.code,
            quoted(&s.title),
            s.ambito
        );
    }
    for o in &plan.obiettivi {
        let _ = writeln!(w, "obiettivo {} {} {{", o.code, quoted(&o.title));
        let _ = writeln!(w, "  strategico {}", o.strategico);
        let _ = writeln!(w, "  missione {} programma {}", o.missione, o.programma);
        let _ = writeln!(w, "  risorse {} €", o.risorse);
        let _ = writeln!(w, "  area {}", quoted(&o.area));
        let _ = writeln!(w, "  ufficio {}", quoted(&o.ufficio));
        let _ = writeln!(w, "  descrizione \"\"\"\n    {}\n  \"\"\"", o.descrizione);
        for i in &o.indicatori {
            let _ = writeln!(w, "\n  indicatore {} {} {{", i.name, quoted(&i.title));
            let _ = writeln!(w, "    algoritmo {}", quoted(&i.algoritmo));
            let _ = writeln!(w, "    tipologia {}", i.tipologia);
            let _ = writeln!(w, "    udm {}", i.udm);
            for t in &i.targets {
                match &t.goal {
                    Some((cmp, value)) => {
                        let _ = writeln!(w, "    target {} {cmp} {value}", t.year);
                    }
                    None => {
                        let _ = writeln!(w, "    target {} n.d.", t.year);
                    }
                }
            }
            let _ = writeln!(w, "    peso {}\n  }}", i.peso);
        }
        let _ = writeln!(w, "}}\n");
    }
    out
}

/// The plan as JSON, for the anchor: serde_json reading it into the structs above.
pub fn to_json(plan: &Plan) -> String {
    serde_json::to_string(plan).unwrap_or_default()
}

/// A measurement file with one value per indicator.
pub fn to_measurements(plan: &Plan) -> String {
    let mut out = String::from("codice;valore;nota\n");
    for o in &plan.obiettivi {
        for (n, i) in o.indicatori.iter().enumerate() {
            let _ = writeln!(out, "{}.{};{};", o.code, i.name, n % 60);
        }
    }
    out.push_str("rilevazione;31/12/2024;\n");
    out
}

/// The number of values in a measurement file of `plan`.
pub fn values(plan: &Plan) -> usize {
    plan.obiettivi.iter().map(|o| o.indicatori.len()).sum()
}
