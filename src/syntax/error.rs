//! Syntax problems: what the parser found wrong, as data. Their texts are in
//! `diagnostics/texts/syntax.rs`.

use crate::diagnostics::Code;
use crate::span::Span;

/// A kind of block, for "field `x` does not belong in block `y`".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    TopLevel,
    Piano,
    Punteggio,
    Ambito,
    Strategico,
    Modello,
    Obiettivo,
    Indicatore,
    Risorse,
}

impl Block {
    pub fn keyword(self) -> &'static str {
        match self {
            Block::TopLevel => "",
            Block::Piano => "piano",
            Block::Punteggio => "punteggio",
            Block::Ambito => "ambito",
            Block::Strategico => "strategico",
            Block::Modello => "modello",
            Block::Obiettivo => "obiettivo",
            Block::Indicatore => "indicatore",
            Block::Risorse => "risorse",
        }
    }

    /// The field keywords a block accepts, in canonical order.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Block::TopLevel => crate::syntax::vocab::ITEM_KEYWORDS,
            Block::Piano => &[
                "ente",
                "comparto",
                "anno",
                "triennio",
                "approvato",
                "responsabile",
                "descrizione",
            ],
            Block::Punteggio => &["massimo", "ritardo", "dati_mancanti"],
            Block::Ambito => &["responsabile", "descrizione"],
            Block::Strategico => &["ambito", "descrizione"],
            Block::Obiettivo => &[
                "strategico",
                "missione",
                "finanziamento",
                "risorse",
                "area",
                "ufficio",
                "responsabile",
                "descrizione",
                "stakeholder",
                "fonte",
                "nota",
                "peso",
                "prerequisito",
                "pesi",
                "misura",
                "indicatore",
            ],
            Block::Indicatore => INDICATOR_FIELDS,
            Block::Modello => MODELLO_FIELDS,
            Block::Risorse => &[],
        }
    }

    /// Blocks in which `keyword` is a field, for "`peso` goes in an `indicatore`".
    pub fn accepting(keyword: &str) -> Vec<Block> {
        [
            Block::Piano,
            Block::Punteggio,
            Block::Ambito,
            Block::Strategico,
            Block::Obiettivo,
            Block::Indicatore,
        ]
        .into_iter()
        .filter(|b| b.fields().contains(&keyword))
        .collect()
    }
}

const INDICATOR_FIELDS: &[&str] = &[
    "modello",
    "algoritmo",
    "formula",
    "tipologia",
    "tipo",
    "udm",
    "fonte",
    "kpi",
    "descrizione",
    "baseline",
    "target",
    "peso",
    "nota",
];

const MODELLO_FIELDS: &[&str] = &[
    "misura",
    "modello",
    "algoritmo",
    "formula",
    "tipologia",
    "tipo",
    "udm",
    "fonte",
    "kpi",
    "descrizione",
    "baseline",
    "target",
    "peso",
    "nota",
];

/// What the parser expected where it stopped, in the user's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Expected {
    Text,
    Name,
    Code,
    Year,
    Number,
    Value,
    Comparator,
    Udm,
    Expression,
    Operator,
    OpenBrace,
    CloseBrace,
    CloseParen,
    LineEnd,
    Keyword(&'static str),
}

/// Closed vocabularies, for "unknown word" diagnostics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vocab {
    Tipologia,
    Tipo,
    Udm,
    CostNature,
    MissingData,
    Comparto,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SyntaxError {
    /// Parsing stopped: `found` is what was there instead.
    Expected {
        expected: Vec<Expected>,
        found: String,
    },
    /// A `{` never closed; `keyword` starts the line of that `{` (`obiettivo`, `indicatore`).
    UnclosedBlock {
        keyword: String,
    },
    UnclosedString,
    UnclosedLongText,
    BadEscape {
        sequence: String,
    },
    ImpossibleDate {
        text: String,
        suggestion: Option<String>,
    },
    AmbiguousNumber {
        text: String,
        suggestion: String,
    },
    MalformedNumber {
        text: String,
        suggestion: Option<String>,
    },
    /// More digits before the comma than the numeric range allows.
    NumberTooLarge {
        text: String,
    },
    /// A run of control characters (other than tab and line ends): `code` is the first.
    ControlCharacter {
        code: u32,
        count: usize,
    },
    /// `1e9`: scientific notation. The suggestion is the number written in full.
    Scientific {
        text: String,
        suggestion: Option<String>,
    },
    /// `31/12/99999`: a date whose year does not have four digits.
    ImpossibleYear {
        text: String,
        year: String,
    },
    /// More decimals than the numeric range allows.
    TooManyDecimals {
        text: String,
        suggestion: String,
    },
    UnknownField {
        word: String,
        block: Block,
        suggestion: Option<&'static str>,
    },
    MisplacedField {
        word: String,
        block: Block,
    },
    DuplicateField {
        field: &'static str,
        first: Span,
    },
    BadComparator {
        found: String,
        suggestion: &'static str,
    },
    /// Text outside any item.
    StrayText {
        word: String,
        suggestion: Option<&'static str>,
    },
    TooDeep {
        limit: usize,
    },
    TooLong {
        limit: usize,
    },
    UnknownUnit {
        word: String,
        suggestion: Option<&'static str>,
    },
    NameNotLowercase {
        name: String,
    },
    /// `2024-12-31`; the suggestion is the Italian spelling when the date exists.
    IsoDate {
        suggestion: Option<String>,
    },
    /// A field keyword with nothing after it.
    MissingValue {
        field: String,
        expected: Vec<Expected>,
    },
    /// `remove`: the `}` with its line, when nothing else is on it.
    UnexpectedClosingBrace {
        remove: Span,
    },
    UnknownWord {
        vocab: Vocab,
        word: String,
        suggestion: Option<&'static str>,
    },
    /// `udm entro`, as the seed prints it.
    UdmEntro,
    /// `€ 5 €`, `5 € %`: two units on one number.
    UnitRepeated,
    /// `target 2025 >= n.d.`: a comparator before `n.d.`.
    ComparedToNotAvailable {
        year: i32,
    },
    /// `“...”`, `«...»`: typographic quotes (Word puts them in) around a text. The text is
    /// read all the same; `straight` is it between `"`, escaped.
    CurlyQuotes {
        straight: String,
    },
}

impl SyntaxError {
    pub fn code(&self) -> Code {
        use SyntaxError::*;
        match self {
            Expected { .. } => Code::P0101,
            UnclosedBlock { .. } => Code::P0102,
            UnclosedString => Code::P0103,
            UnclosedLongText => Code::P0104,
            BadEscape { .. } => Code::P0105,
            ImpossibleDate { .. } => Code::P0106,
            AmbiguousNumber { .. } => Code::P0107,
            MalformedNumber { .. } => Code::P0108,
            NumberTooLarge { .. } => Code::P0109,
            UnknownField { .. } => Code::P0110,
            MisplacedField { .. } => Code::P0111,
            DuplicateField { .. } => Code::P0112,
            BadComparator { .. } => Code::P0113,
            StrayText { .. } => Code::P0114,
            TooDeep { .. } => Code::P0115,
            TooLong { .. } => Code::P0116,
            UnknownUnit { .. } => Code::P0117,
            NameNotLowercase { .. } => Code::P0118,
            IsoDate { .. } => Code::P0119,
            MissingValue { .. } => Code::P0120,
            UnexpectedClosingBrace { .. } => Code::P0121,
            UnknownWord { .. } => Code::P0122,
            UdmEntro => Code::P0123,
            UnitRepeated => Code::P0124,
            ComparedToNotAvailable { .. } => Code::P0125,
            TooManyDecimals { .. } => Code::P0126,
            ControlCharacter { .. } => Code::P0127,
            Scientific { .. } => Code::P0128,
            ImpossibleYear { .. } => Code::P0129,
            CurlyQuotes { .. } => Code::P0140,
        }
    }
}
