//! Closed vocabularies: the words the language knows for units, tipologie, classifications.
//! The first spelling of each meaning is the canonical one (what `piano fmt` writes).

use super::ast::{Comparto, CostNature, LitUnit, MissingData, Tipo, Tipologia, Udm};

pub trait Vocabulary: Copy + PartialEq + 'static {
    /// Every accepted spelling; the first for each meaning is canonical.
    const WORDS: &'static [(&'static str, Self)];

    fn lookup(word: &str) -> Option<Self> {
        Self::WORDS
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, v)| *v)
    }

    fn canonical(self) -> &'static str {
        Self::WORDS
            .iter()
            .find(|(_, v)| *v == self)
            .map(|(w, _)| *w)
            .unwrap_or("?")
    }

    /// The canonical spellings, for "did you mean" and for help texts.
    fn canonical_words() -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for (w, v) in Self::WORDS {
            if v.canonical() == *w {
                out.push(w);
            }
        }
        out
    }
}

impl Vocabulary for Udm {
    const WORDS: &'static [(&'static str, Self)] = &[
        ("n.", Udm::Count),
        ("%", Udm::Percent),
        ("€", Udm::Euro),
        ("gg", Udm::Days),
        ("ore", Udm::Hours),
        ("anni", Udm::Years),
        ("punti", Udm::Points),
        ("data", Udm::Date),
        ("sì/no", Udm::YesNo),
        ("si/no", Udm::YesNo),
        ("sí/no", Udm::YesNo),
    ];
}

impl Vocabulary for LitUnit {
    const WORDS: &'static [(&'static str, Self)] = &[
        ("%", LitUnit::Percent),
        ("€", LitUnit::Euro),
        ("gg", LitUnit::Days),
        ("ore", LitUnit::Hours),
        ("anni", LitUnit::Years),
        ("punti", LitUnit::Points),
    ];
}

impl Vocabulary for Tipologia {
    const WORDS: &'static [(&'static str, Self)] = &[
        ("efficienza", Tipologia::Efficienza),
        ("efficacia", Tipologia::Efficacia),
        ("volume", Tipologia::Volume),
        ("qualità", Tipologia::Qualita),
        ("salute_economica", Tipologia::SaluteEconomica),
        ("qualita", Tipologia::Qualita),
    ];
}

impl Vocabulary for Tipo {
    const WORDS: &'static [(&'static str, Self)] = &[
        ("realizzazione_fisica", Tipo::RealizzazioneFisica),
        ("realizzazione_finanziaria", Tipo::RealizzazioneFinanziaria),
        ("risultato", Tipo::Risultato),
        ("impatto", Tipo::Impatto),
        ("altro", Tipo::Altro),
    ];
}

impl Vocabulary for CostNature {
    const WORDS: &'static [(&'static str, Self)] = &[
        ("personale", CostNature::Personale),
        ("funzionamento", CostNature::Funzionamento),
        ("interventi", CostNature::Interventi),
        ("ammortamenti", CostNature::Ammortamenti),
    ];
}

impl Vocabulary for MissingData {
    const WORDS: &'static [(&'static str, Self)] = &[
        ("esclusi", MissingData::Excluded),
        ("zero", MissingData::Zero),
    ];
}

impl Vocabulary for Comparto {
    const WORDS: &'static [(&'static str, Self)] = &[
        ("camera", Comparto::Camera),
        ("ente_locale", Comparto::EnteLocale),
        ("regione", Comparto::Regione),
        ("stato", Comparto::Stato),
        ("universita", Comparto::Universita),
        ("altro", Comparto::Altro),
        ("università", Comparto::Universita),
        ("comune", Comparto::EnteLocale),
        ("provincia", Comparto::EnteLocale),
    ];
}

/// The keywords that start a top-level item.
pub const ITEM_KEYWORDS: &[&str] = &[
    "piano",
    "punteggio",
    "ambito",
    "strategico",
    "misura",
    "modello",
    "obiettivo",
];

/// Every keyword that starts a field line, in any block.
pub const FIELD_KEYWORDS: &[&str] = &[
    "ente",
    "comparto",
    "anno",
    "triennio",
    "approvato",
    "descrizione",
    "massimo",
    "ritardo",
    "dati_mancanti",
    "ambito",
    "strategico",
    "missione",
    "finanziamento",
    "risorse",
    "area",
    "ufficio",
    "responsabile",
    "stakeholder",
    "fonte",
    "nota",
    "peso",
    "pesi",
    "prerequisito",
    "misura",
    "indicatore",
    "modello",
    "algoritmo",
    "formula",
    "tipologia",
    "tipo",
    "udm",
    "kpi",
    "baseline",
    "target",
];

/// The canonical words of one vocabulary.
pub type WordList = fn() -> Vec<&'static str>;

/// The field keywords that take a word of a closed vocabulary, with its canonical words: the
/// language server offers them as completions. A new vocabulary field gets a row here.
pub const FIELD_VOCABULARIES: &[(&str, WordList)] = &[
    ("udm", Udm::canonical_words),
    ("tipologia", Tipologia::canonical_words),
    ("tipo", Tipo::canonical_words),
    ("dati_mancanti", MissingData::canonical_words),
    ("comparto", Comparto::canonical_words),
];

/// Other words for a unit of measure (`udm euro`): they mean that unit, so writing the
/// canonical word instead changes nothing.
pub fn udm_synonym(word: &str) -> Option<&'static str> {
    match word {
        "n" | "num" | "numero" | "nr" | "nr." => Some("n."),
        "giorni" | "gg." => Some("gg"),
        "euro" | "eur" | "EUR" => Some("€"),
        "percentuale" => Some("%"),
        "si_no" | "sino" | "sì_no" => Some("sì/no"),
        _ => None,
    }
}

/// Other words for the unit written after a number (`10 giorni`).
pub fn unit_synonym(word: &str) -> Option<&'static str> {
    match word.to_lowercase().as_str() {
        "giorni" | "giorno" | "g" | "gg." => Some("gg"),
        "euro" | "eur" => Some("€"),
        "ora" | "h" => Some("ore"),
        "anno" => Some("anni"),
        "punto" | "pt" | "pti" => Some("punti"),
        _ => None,
    }
}
