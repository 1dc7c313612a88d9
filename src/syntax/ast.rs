//! The typed syntax tree of a plan. Every node keeps the byte span it was read from; fields
//! keep the span of their whole line so that the formatter can move a field together with the
//! comments around it.

use crate::span::{Span, Spanned};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A whole plan file: its items in file order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub items: Vec<Item>,
}

/// Large items are boxed, so that a plan of many small items (measures, ambiti) does not pay
/// for the largest in every slot.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Piano(Box<Piano>),
    Punteggio(Box<Punteggio>),
    Ambito(Box<Ambito>),
    Strategico(Box<Strategico>),
    Misura(Box<Misura>),
    Modello(Box<Modello>),
    Obiettivo(Box<Obiettivo>),
}

impl Item {
    pub fn span(&self) -> Span {
        match self {
            Item::Piano(x) => x.span,
            Item::Punteggio(x) => x.span,
            Item::Ambito(x) => x.span,
            Item::Strategico(x) => x.span,
            Item::Misura(x) => x.span,
            Item::Modello(x) => x.span,
            Item::Obiettivo(x) => x.span,
        }
    }
}

/// A field line: its value and the span of the whole line (keyword to last token).
#[derive(Clone, Debug, PartialEq)]
pub struct Field<T> {
    pub value: T,
    pub span: Span,
}

/// A word from a closed vocabulary (`tipologia efficienza`, `udm %`): what was written and, if
/// the word is known, its meaning. An unknown word has already been reported; later stages
/// skip it instead of reporting it again.
#[derive(Clone, Debug, PartialEq)]
pub struct Word<T> {
    pub text: String,
    pub span: Span,
    pub known: Option<T>,
}

/// `"..."` or `"""..."""`, unescaped (long text with its common indentation removed).
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    pub value: String,
    pub long: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Piano {
    pub span: Span,
    pub title: Text,
    pub ente: Option<Field<Text>>,
    /// The classification the plan's missions and programmes follow.
    pub comparto: Option<Field<Word<Comparto>>>,
    pub anno: Option<Field<Spanned<i32>>>,
    pub triennio: Option<Field<(Spanned<i32>, Spanned<i32>)>>,
    pub approvato: Option<Field<Text>>,
    /// The default `responsabile` of every objective.
    pub responsabile: Option<Field<Text>>,
    pub descrizione: Option<Field<Text>>,
    /// Some lines of this block were lost to errors (broken lines, unreadable numbers or
    /// dates): checks that need the whole block, such as completeness and weight sums, skip
    /// it. A word outside its vocabulary does not count: the field is there.
    pub has_errors: bool,
}

/// The kind of administration, and so the registry of missions and programmes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Comparto {
    /// Camere di Commercio (D.M. 27/03/2013).
    Camera,
    /// Comuni, province, città metropolitane (D.Lgs. 118/2011).
    EnteLocale,
    /// Regioni (D.Lgs. 118/2011).
    Regione,
    /// Amministrazioni centrali (bilancio dello Stato).
    Stato,
    /// Università (D.I. 16/01/2014 n. 21).
    Universita,
    /// Any other administration: no registry.
    Altro,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Punteggio {
    pub span: Span,
    pub massimo: Option<Field<Quantity>>,
    pub ritardo: Option<Field<Quantity>>,
    pub dati_mancanti: Option<Field<Word<MissingData>>>,
    /// Some lines of this block were lost to errors (broken lines, unreadable numbers or
    /// dates): checks that need the whole block, such as completeness and weight sums, skip
    /// it. A word outside its vocabulary does not count: the field is there.
    pub has_errors: bool,
}

/// How an indicator without a value counts in its objective.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingData {
    /// Left out, the other weights rescaled.
    Excluded,
    /// Counted as 0%.
    Zero,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ambito {
    pub span: Span,
    pub code: Spanned<String>,
    pub title: Text,
    pub descrizione: Option<Field<Text>>,
    /// The default `responsabile` of the ambito's objectives.
    pub responsabile: Option<Field<Text>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Strategico {
    pub span: Span,
    pub code: Spanned<String>,
    pub title: Text,
    pub ambito: Option<Field<Spanned<String>>>,
    pub descrizione: Option<Field<Text>>,
    /// Some lines of this block were lost to errors (broken lines, unreadable numbers or
    /// dates): checks that need the whole block, such as completeness and weight sums, skip
    /// it. A word outside its vocabulary does not count: the field is there.
    pub has_errors: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Misura {
    pub span: Span,
    pub name: Spanned<String>,
    pub description: Option<Text>,
    pub udm: Word<Udm>,
}

/// A reusable indicator: indicator fields and the measures it brings.
#[derive(Clone, Debug, PartialEq)]
pub struct Modello {
    pub span: Span,
    pub name: Spanned<String>,
    pub title: Option<Text>,
    pub misure: Vec<Misura>,
    pub fields: IndicatorFields,
    /// Some lines of this block were lost to errors (broken lines, unreadable numbers or
    /// dates): checks that need the whole block, such as completeness and weight sums, skip
    /// it. A word outside its vocabulary does not count: the field is there.
    pub has_errors: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Obiettivo {
    pub span: Span,
    pub code: Spanned<String>,
    pub title: Text,
    pub strategico: Option<Field<Spanned<String>>>,
    pub missione: Option<Field<MissioneProgramma>>,
    pub finanziamento: Option<Field<Text>>,
    pub risorse: Option<Field<Risorse>>,
    pub area: Option<Field<Text>>,
    pub ufficio: Option<Field<Text>>,
    /// The officer responsible (the DPCM's centro di responsabilità, the dirigente).
    pub responsabile: Option<Field<Text>>,
    pub descrizione: Option<Field<Text>>,
    pub stakeholder: Option<Field<Text>>,
    pub fonte: Option<Field<Text>>,
    pub note: Vec<Field<Text>>,
    pub peso: Option<Field<Quantity>>,
    /// `prerequisito`: no weight, but it conditions the plan's performance.
    pub prerequisito: Option<Field<()>>,
    pub pesi_uguali: Option<Field<()>>,
    pub misure: Vec<Misura>,
    pub indicatori: Vec<Indicatore>,
    /// Some lines of this block were lost to errors (broken lines, unreadable numbers or
    /// dates): checks that need the whole block, such as completeness and weight sums, skip
    /// it. A word outside its vocabulary does not count: the field is there.
    pub has_errors: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MissioneProgramma {
    /// As written: the checker reads them in the comparto's form, `piano fmt` keeps them.
    pub missione: Spanned<String>,
    pub programma: Spanned<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Risorse {
    Amount(Quantity),
    Interne,
    PerYear(Vec<RisorseRow>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct RisorseRow {
    pub span: Span,
    pub year: Spanned<i32>,
    pub nature: Word<CostNature>,
    pub amount: Quantity,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CostNature {
    Personale,
    Funzionamento,
    Interventi,
    Ammortamenti,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Indicatore {
    pub span: Span,
    pub name: Spanned<String>,
    pub title: Option<Text>,
    pub fields: IndicatorFields,
    /// Some lines of this block were lost to errors (broken lines, unreadable numbers or
    /// dates): checks that need the whole block, such as completeness and weight sums, skip
    /// it. A word outside its vocabulary does not count: the field is there.
    pub has_errors: bool,
}

/// The fields an indicator and a template (`modello`) share.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndicatorFields {
    pub modello: Option<Field<Spanned<String>>>,
    pub algoritmo: Option<Field<Text>>,
    pub formula: Option<Field<Expr>>,
    pub tipologia: Option<Field<Word<Tipologia>>>,
    pub tipo: Option<Field<Word<Tipo>>>,
    pub udm: Option<Field<Word<Udm>>>,
    pub fonte: Option<Field<Text>>,
    pub kpi: Option<Field<Text>>,
    pub descrizione: Option<Field<Text>>,
    /// `baseline 2023 45%`: the starting value, in the indicator's UdM (or `n.d.`).
    pub baseline: Option<Field<Baseline>>,
    pub targets: Vec<Field<Target>>,
    pub peso: Option<Field<Quantity>>,
    pub note: Vec<Field<Text>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tipologia {
    Efficienza,
    Efficacia,
    Volume,
    Qualita,
    SaluteEconomica,
}

/// The DPCM 18/09/2012 (art. 6) classification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tipo {
    RealizzazioneFisica,
    RealizzazioneFinanziaria,
    Risultato,
    Impatto,
    Altro,
}

/// Units of measure of indicators and measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Udm {
    /// `n.`: a count or a plain number.
    Count,
    Percent,
    Euro,
    Days,
    Hours,
    Years,
    Points,
    Date,
    YesNo,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Baseline {
    pub year: Spanned<i32>,
    /// `Value::NotAvailable` for `n.d.`.
    pub value: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub year: Spanned<i32>,
    pub goal: Goal,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Goal {
    /// `n.d.`: no target set for that year.
    NotAvailable(Span),
    Compare {
        comparator: Spanned<Comparator>,
        value: Value,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparator {
    Ge,
    Le,
    Eq,
    Gt,
    Lt,
    /// `entro`: a deadline, the same as `<=` on a date.
    Entro,
}

impl Comparator {
    /// As the plan writes it.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Ge => ">=",
            Comparator::Le => "<=",
            Comparator::Eq => "=",
            Comparator::Gt => ">",
            Comparator::Lt => "<",
            Comparator::Entro => "entro",
        }
    }
}

/// A literal value: in targets, in `risorse`, in measurement files.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Quantity(Quantity),
    Date(Spanned<NaiveDate>),
    Bool(Spanned<bool>),
    NotAvailable(Span),
}

impl Value {
    pub fn span(&self) -> Span {
        match self {
            Value::Quantity(q) => q.span,
            Value::Date(d) => d.span,
            Value::Bool(b) => b.span,
            Value::NotAvailable(s) => *s,
        }
    }
}

/// A number with the unit written after it (or `€` before it), if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub number: Decimal,
    pub unit: Option<Word<LitUnit>>,
    pub span: Span,
}

/// A unit written after a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LitUnit {
    Percent,
    Euro,
    Days,
    Hours,
    Years,
    Points,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Number(Decimal),
    Name(String),
    Neg(Box<Expr>),
    Paren(Box<Expr>),
    Binary {
        op: Spanned<BinOp>,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Call {
        function: Spanned<String>,
        args: Vec<Expr>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
        }
    }
}
