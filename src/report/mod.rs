//! Scores → reports: a terminal table (`text`), `json`, `csv`, `markdown` and `html`. Each
//! format is one module; what they share (how values, targets and performances are written,
//! the labels in both languages, the colour bands) is here.

pub mod comparto;
pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
mod pretty;
pub mod scheda;
pub mod text;
pub mod tidy;
pub mod xlsx;

use crate::check::model::{Model, TargetSpec, TargetValue};
use crate::diagnostics::Lang;
use crate::eval::Evaluation;
use crate::eval::rollup::Tally;
use crate::eval::score::Status;
use crate::eval::value::Val;
use crate::italian;
use crate::syntax::ast::Udm;
use crate::syntax::vocab::Vocabulary;
use rust_decimal::{Decimal, RoundingStrategy};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Text,
    Json,
    Csv,
    Markdown,
    Html,
    /// An Excel workbook (binary).
    Xlsx,
}

impl Format {
    /// The format a report file's extension asks for (`report.xlsx`, `report.html`...).
    pub fn of_extension(extension: &str) -> Option<Format> {
        Some(match extension.to_ascii_lowercase().as_str() {
            "txt" => Format::Text,
            "json" => Format::Json,
            "csv" => Format::Csv,
            "md" => Format::Markdown,
            "html" | "htm" => Format::Html,
            "xlsx" => Format::Xlsx,
            _ => return None,
        })
    }
}

/// A rendered report: text, or a workbook's bytes (or why it could not be written, which
/// would be a bug).
pub enum Rendered {
    Text(String),
    Workbook(Result<Vec<u8>, String>),
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    pub lang: Lang,
    /// Colours and bars (text only): on a terminal without `NO_COLOR`.
    pub fancy: bool,
    /// The CSV report's layout.
    pub layout: CsvLayout,
}

/// The order of objectives, and of indicators within them (`--ordina`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// The plan's order.
    #[default]
    Plan,
    /// The lowest performance (at the latest date) first; those without one last.
    Performance,
}

/// `--layout` of the CSV report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CsvLayout {
    /// One row per indicator, Italian numbers, for reading in a spreadsheet.
    #[default]
    Wide,
    /// One fact per row, plain numbers and ISO dates, for pivot tables and scripts.
    Tidy,
}

/// What every report reads.
#[derive(Clone, Copy)]
pub struct Report<'a> {
    pub model: &'a Model,
    /// The latest monitoring date's evaluation: its year and targets head the report.
    pub eval: &'a Evaluation,
    /// Every monitoring date, oldest first; the last is `eval`. One for a single file.
    pub dates: &'a [Evaluation],
    pub order: Order,
}

impl<'a> Report<'a> {
    /// The report of one monitoring date, in plan order.
    pub fn new(model: &'a Model, eval: &'a Evaluation) -> Self {
        Report {
            model,
            eval,
            dates: std::slice::from_ref(eval),
            order: Order::Plan,
        }
    }

    /// The report of several dates (oldest first, all of one scored year); `None` for none.
    pub fn series(model: &'a Model, dates: &'a [Evaluation], order: Order) -> Option<Self> {
        Some(Report {
            model,
            eval: dates.last()?,
            dates,
            order,
        })
    }

    /// More than one monitoring date: a column per date and the change between the last two.
    pub fn multi(&self) -> bool {
        self.dates.len() > 1
    }

    /// The date before the latest, for the change.
    pub fn previous(&self) -> Option<&'a Evaluation> {
        self.dates
            .len()
            .checked_sub(2)
            .and_then(|k| self.dates.get(k))
    }

    /// The objectives (indices into the model) in the order the report shows them.
    pub fn objectives(&self) -> Vec<usize> {
        let mut out: Vec<usize> = (0..self.model.objectives.len()).collect();
        if self.order == Order::Performance {
            let p = |o: &usize| {
                self.eval
                    .objectives
                    .get(*o)
                    .and_then(|r| r.tally.performance)
            };
            out.sort_by_key(|o| lowest_first(p(o)));
        }
        out
    }

    /// The indicators of objective `o` in the order the report shows them.
    pub fn indicators(&self, o: usize) -> Vec<usize> {
        let count = self
            .model
            .objectives
            .get(o)
            .map_or(0, |x| x.indicators.len());
        let mut out: Vec<usize> = (0..count).collect();
        if self.order == Order::Performance {
            let p = |i: &usize| {
                self.eval
                    .objectives
                    .get(o)
                    .and_then(|r| r.indicators.get(*i))
                    .and_then(|r| r.score.performance)
            };
            out.sort_by_key(|i| lowest_first(p(i)));
        }
        out
    }
}

/// A sort key: performances ascending, then the ones without a performance (a stable sort
/// keeps plan order among equals).
fn lowest_first(p: Option<Decimal>) -> (bool, Decimal) {
    (p.is_none(), p.unwrap_or(Decimal::ZERO))
}

pub fn render(format: Format, report: Report, options: Options) -> Rendered {
    if format == Format::Xlsx {
        return Rendered::Workbook(xlsx::render(report, options.lang).map_err(|e| e.to_string()));
    }
    let mut out = Vec::new();
    // Writing into a vector cannot fail, and every text format writes UTF-8.
    let _ = write(format, report, options, &mut out);
    Rendered::Text(String::from_utf8(out).unwrap_or_default())
}

/// Writes the report to `w` as it walks the plan, so that a large plan's report is never held
/// whole in memory (`w` should be buffered: the formats write small pieces).
pub fn write(
    format: Format,
    report: Report,
    options: Options,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(report, w),
        Format::Text => text::write(report, options, w),
        Format::Csv => {
            // A byte order mark, so that Excel reads `€` and `sì` right; the tidy layout is
            // for scripts (never localised, comma-separated) and has none.
            if options.layout == CsvLayout::Wide {
                write!(w, "{}", csv::BOM)?;
            }
            csv::write(report, options.lang, options.layout, w)
        }
        Format::Markdown => markdown::write(report, options.lang, w),
        Format::Html => html::write(report, options.lang, w),
        // A workbook is a zip archive, which rust_xlsxwriter makes whole.
        Format::Xlsx => {
            let bytes = xlsx::render(report, options.lang).map_err(|e| {
                std::io::Error::other(format!("internal error writing the workbook: {e}"))
            })?;
            w.write_all(&bytes)
        }
    }
}

/// Hands the text a format has written so far to `w` (once per objective, so that one
/// objective's text is held at a time), all but its trailing line breaks, which a format may
/// still trim at the end.
fn flush(out: &mut String, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let cut = out.trim_end_matches('\n').len();
    w.write_all(&out.as_bytes()[..cut])?;
    out.drain(..cut);
    Ok(())
}

/// The notes beside an indicator: how its formula was read when it was written in points
/// (the checker's U0305 or U0312, repeated so that the report says which value it shows),
/// then the measurement file's notes.
pub fn indicator_notes(
    indicator: &crate::check::model::Indicator,
    result: &crate::eval::IndicatorResult,
    lang: Lang,
) -> Vec<crate::eval::Note> {
    use crate::check::model::Correction;
    let correction = indicator.formula.as_ref().and_then(|f| f.corrected);
    let read = correction.map(|c| crate::eval::Note {
        code: indicator.code.clone(),
        text: match c {
            Correction::TimesHundred => lang.pick(
                "la formula moltiplica un rapporto per 100 (avviso U0305): il valore è calcolato senza il 100, come percentuale",
                "the formula multiplies a ratio by 100 (warning U0305): the value is computed without the 100, as a percentage",
            ),
            Correction::OverHundred => lang.pick(
                "la formula divide un rapporto per 100 (avviso U0312): il valore è calcolato senza la divisione",
                "the formula divides a ratio by 100 (warning U0312): the value is computed without the division",
            ),
        }
        .to_string(),
    });
    read.into_iter()
        .chain(result.notes.iter().cloned())
        .collect()
}

/// A fraction as a percentage, exactly: 0.5375 → 53.75. Values, performances and shares
/// reaching a report are within the numeric range (`crate::range`: the evaluator refuses a
/// computed value beyond it), so the product fits; saturating keeps it free of panics.
pub fn percent(p: Decimal) -> Decimal {
    p.saturating_mul(Decimal::ONE_HUNDRED).normalize()
}

/// A performance as the seed prints it: a whole percent, rounded half up (53,75% → `54%`).
pub fn performance_text(p: Option<Decimal>) -> String {
    match p {
        Some(p) => format!(
            "{}%",
            italian::number(
                percent(p).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
            )
        ),
        None => "—".into(),
    }
}

/// A weight share as a percentage with at most one decimal (`20%`, `33,3%`).
pub fn weight_text(share: Decimal) -> String {
    format!("{}%", italian::rounded(percent(share), 1))
}

/// An amount in euro with two decimals: `9.100,00 €`.
pub fn euro_text(amount: Decimal) -> String {
    let mut r = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    format!("{} €", italian::number(r))
}

/// A number in a unit, the Italian way, rounded for reading (exact values are in JSON).
pub fn number_text(n: Decimal, udm: Udm) -> String {
    match udm {
        Udm::Percent => format!("{}%", italian::rounded(percent(n), 2)),
        Udm::Euro => euro_text(n),
        Udm::Count => italian::rounded(n, 2),
        Udm::Days | Udm::Hours | Udm::Years | Udm::Points => {
            format!("{} {}", italian::rounded(n, 2), udm.canonical())
        }
        Udm::Date | Udm::YesNo => italian::rounded(n, 2),
    }
}

pub fn value_text(v: &Val, udm: Udm, lang: Lang) -> String {
    match v {
        Val::Number(n) => number_text(*n, udm),
        Val::Date(d) => italian::date(*d),
        Val::Bool(true) => "sì".into(),
        Val::Bool(false) => "no".into(),
        Val::NotDone => lang.pick("no (non ancora)", "no (not yet)").into(),
        Val::NotAvailable => "n.d.".into(),
    }
}

pub fn target_value_text(v: &TargetValue, udm: Udm) -> String {
    match v {
        TargetValue::Number(n) => number_text(*n, udm),
        TargetValue::Date(d) => italian::date(*d),
        TargetValue::Bool(true) => "sì".into(),
        TargetValue::Bool(false) => "no".into(),
    }
}

pub fn target_text(t: Option<&TargetSpec>, udm: Udm) -> String {
    match t {
        Some(TargetSpec::Compare { comparator, value }) => {
            format!("{} {}", comparator.symbol(), target_value_text(value, udm))
        }
        _ => "n.d.".into(),
    }
}

pub fn status_text(s: Status, lang: Lang) -> &'static str {
    match (s, lang) {
        (Status::Scored, Lang::It) => "valutato",
        (Status::Scored, Lang::En) => "scored",
        (Status::NotAvailable, _) => "n.d.",
        (Status::InProgress, Lang::It) => "in corso",
        (Status::InProgress, Lang::En) => "in progress",
        (Status::NotComputable, Lang::It) => "non calcolabile",
        (Status::NotComputable, Lang::En) => "not computable",
    }
}

/// Colour bands of performance bars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    /// 90% and above.
    Good,
    /// 60% to 90%.
    Fair,
    /// Below 60%.
    Poor,
    /// No performance.
    None,
}

impl Band {
    /// The band of a performance as shown (rounded to a whole percent), so that a bar
    /// labelled 90% is never in the band below 90%.
    pub fn of(p: Option<Decimal>) -> Band {
        let Some(p) = p else { return Band::None };
        let shown = percent(p).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        if shown >= Decimal::from(90) {
            Band::Good
        } else if shown >= Decimal::from(60) {
            Band::Fair
        } else {
            Band::Poor
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Band::Good => "good",
            Band::Fair => "fair",
            Band::Poor => "poor",
            Band::None => "none",
        }
    }
}

/// "12 indicatori su 15 (2 n.d., 1 in corso)": what a performance rests on.
pub fn coverage(t: &Tally, lang: Lang) -> String {
    let mut extra = Vec::new();
    if t.not_available > 0 {
        extra.push(format!("{} n.d.", t.not_available));
    }
    if t.in_progress > 0 {
        extra.push(format!(
            "{} {}",
            t.in_progress,
            lang.pick("in corso", "in progress")
        ));
    }
    if t.not_computable > 0 {
        extra.push(format!(
            "{} {}",
            t.not_computable,
            lang.pick("non calcolabili", "not computable")
        ));
    }
    let base = k_of_n(
        lang,
        t.scored,
        t.indicators,
        ("indicatore", "indicatori"),
        ("indicator", "indicators"),
    );
    if extra.is_empty() {
        base
    } else {
        format!("{base} ({})", extra.join(", "))
    }
}

/// "17 obiettivi su 18" for levels above the objective.
pub fn objectives_coverage(t: &Tally, lang: Lang) -> String {
    k_of_n(
        lang,
        t.objectives_scored,
        t.objectives,
        ("obiettivo", "obiettivi"),
        ("objective", "objectives"),
    )
}

/// "3 indicatori su 5" / "3 of 5 indicators": Italian agrees with the first number, English
/// with the second.
fn k_of_n(lang: Lang, k: usize, n: usize, it: (&str, &str), en: (&str, &str)) -> String {
    let word =
        |(one, many): (&str, &str), count: usize| if count == 1 { one } else { many }.to_string();
    match lang {
        Lang::It => format!("{k} {} su {n}", word(it, k)),
        Lang::En => format!("{k} of {n} {}", word(en, n)),
    }
}

/// Where the monitoring dates came from, in words: "rilevazione al 30/06/2024", or
/// "rilevazioni al 30/06/2024 e al 31/12/2024".
pub fn as_of_text(report: Report, lang: Lang) -> String {
    let date = |e: &Evaluation| {
        let d = italian::date(e.as_of);
        match e.as_of_from {
            crate::eval::AsOfFrom::Assumed => lang.pick(
                format!("{d} (assunta: manca la data)"),
                format!("{d} (assumed: no date given)"),
            ),
            _ => d,
        }
    };
    let dates: Vec<String> = report.dates.iter().map(date).collect();
    match dates.as_slice() {
        [one] => lang.pick(
            format!("rilevazione al {one}"),
            format!("monitoring at {one}"),
        ),
        [init @ .., last] => lang.pick(
            format!("rilevazioni al {} e al {last}", init.join(", al ")),
            format!("monitoring at {} and at {last}", init.join(", at ")),
        ),
        [] => String::new(),
    }
}

/// The labels of the reports.
/// One of the summary tables at the top of a report: ambiti, strategic lines, missions.
pub struct Section<'e> {
    pub heading: &'static str,
    /// The header of the code column.
    pub column: &'static str,
    pub rows: Vec<SummaryRow<'e>>,
}

pub struct SummaryRow<'e> {
    pub code: String,
    /// The group's title; for a mission, its programme's name.
    pub title: String,
    /// For a mission: its name, and its resources (`1.234,56 €`, `risorse interne`).
    pub mission: Option<(&'static str, String)>,
    /// At the latest date.
    pub tally: &'e Tally,
    /// The performance at every date, oldest first.
    pub history: Vec<Option<Decimal>>,
}

/// The code and title of a strategic line or ambito row: the group of the objectives without
/// one has an empty code.
fn group_row(g: &crate::eval::rollup::Group, lang: Lang, ambito: bool) -> (String, String) {
    if g.code.is_empty() {
        (
            "—".to_string(),
            comparto::unassigned_title(lang, ambito).to_string(),
        )
    } else {
        (g.code.clone(), g.title.clone())
    }
}

/// The three summary tables, the same in every format.
pub fn summary_sections<'e>(report: Report<'e>, lang: Lang) -> [Section<'e>; 3] {
    #[derive(Clone, Copy)]
    enum Level {
        Ambiti,
        Lines,
        Missions,
    }
    // The same model for every date: a group has the same index at each.
    let history = |level: Level, k: usize| -> Vec<Option<Decimal>> {
        report
            .dates
            .iter()
            .map(|e| {
                match level {
                    Level::Ambiti => e.ambiti.get(k).map(|g| &g.tally),
                    Level::Lines => e.strategici.get(k).map(|g| &g.tally),
                    Level::Missions => e.missions.get(k).map(|m| &m.tally),
                }
                .and_then(|t| t.performance)
            })
            .collect()
    };
    let groups = |groups: &'e [crate::eval::rollup::Group], level: Level| -> Vec<SummaryRow<'e>> {
        groups
            .iter()
            .enumerate()
            .map(|(k, g)| {
                let (code, title) = group_row(g, lang, matches!(level, Level::Ambiti));
                SummaryRow {
                    code,
                    title,
                    mission: None,
                    tally: &g.tally,
                    history: history(level, k),
                }
            })
            .collect()
    };
    let eval = report.eval;
    let l = labels(lang);
    let missions = eval
        .missions
        .iter()
        .enumerate()
        .map(|(k, m)| SummaryRow {
            code: format!("{}/{}", m.missione, m.programma),
            title: m.programma_name.unwrap_or("").to_string(),
            mission: Some((
                m.missione_name.unwrap_or(""),
                mission_resources_text(m, lang),
            )),
            tally: &m.tally,
            history: history(Level::Missions, k),
        })
        .collect();
    [
        Section {
            heading: l.ambiti,
            column: l.ambito,
            rows: groups(&eval.ambiti, Level::Ambiti),
        },
        Section {
            heading: l.lines,
            column: l.line,
            rows: groups(&eval.strategici, Level::Lines),
        },
        Section {
            heading: l.missions,
            column: l.mission,
            rows: missions,
        },
    ]
}

pub struct Labels {
    pub plan_performance: &'static str,
    pub year: &'static str,
    pub ambiti: &'static str,
    pub ambito: &'static str,
    pub lines: &'static str,
    pub line: &'static str,
    pub missions: &'static str,
    pub mission: &'static str,
    pub objective: &'static str,
    pub objectives: &'static str,
    pub indicator: &'static str,
    pub title: &'static str,
    pub udm: &'static str,
    pub value: &'static str,
    pub target: &'static str,
    pub weight: &'static str,
    pub performance: &'static str,
    pub status: &'static str,
    pub resources: &'static str,
    pub internal: &'static str,
    pub area: &'static str,
    pub office: &'static str,
    pub algorithm: &'static str,
    pub tipologia: &'static str,
    pub notes: &'static str,
    pub late: &'static str,
    pub coverage: &'static str,
}

pub fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::It => Labels {
            plan_performance: "Performance del piano",
            year: "anno",
            ambiti: "Ambiti strategici",
            ambito: "Ambito",
            lines: "Linee strategiche",
            line: "Linea strategica",
            missions: "Missioni e programmi",
            mission: "Missione / programma",
            objective: "Obiettivo",
            objectives: "Obiettivi",
            indicator: "Indicatore",
            title: "Titolo",
            udm: "UdM",
            value: "Valore",
            target: "Target",
            weight: "Peso",
            performance: "Performance",
            status: "Stato",
            resources: "Risorse",
            internal: "risorse interne",
            area: "Area",
            office: "Ufficio",
            algorithm: "Algoritmo",
            tipologia: "Tipologia",
            notes: "Note",
            late: "giorni di ritardo",
            coverage: "Su",
        },
        Lang::En => Labels {
            plan_performance: "Plan performance",
            year: "year",
            ambiti: "Strategic areas",
            ambito: "Area",
            lines: "Strategic lines",
            line: "Strategic line",
            missions: "Missions and programmes",
            mission: "Mission / programme",
            objective: "Objective",
            objectives: "Objectives",
            indicator: "Indicator",
            title: "Title",
            udm: "Unit",
            value: "Value",
            target: "Target",
            weight: "Weight",
            performance: "Performance",
            status: "Status",
            resources: "Resources",
            internal: "internal resources",
            area: "Area",
            office: "Office",
            algorithm: "Algorithm",
            tipologia: "Type",
            notes: "Notes",
            late: "days late",
            coverage: "Based on",
        },
    }
}

/// The tipologia as the seed's cards print it.
pub fn tipologia_text(t: crate::syntax::ast::Tipologia) -> &'static str {
    use crate::syntax::ast::Tipologia as T;
    match t {
        T::Efficienza => "Efficienza",
        T::Efficacia => "Efficacia",
        T::Volume => "Volume",
        T::Qualita => "Qualità",
        T::SaluteEconomica => "Salute economica",
    }
}

/// The resources of an objective for the year, in words.
pub fn resources_text(model: &Model, o: usize, year: i32, lang: Lang) -> String {
    let r = &model.objectives[o].risorse;
    match r.for_year(year) {
        Some(a) => euro_text(a),
        None if r.internal => labels(lang).internal.to_string(),
        None => "—".into(),
    }
}

/// The resources of a missione/programma: the amount, or "risorse interne" when every
/// objective under it works with internal resources only.
pub fn mission_resources_text(m: &crate::eval::rollup::Mission, lang: Lang) -> String {
    if m.resources.is_zero() && m.internal > 0 && m.internal == m.objectives.len() {
        labels(lang).internal.to_string()
    } else {
        euro_text(m.resources)
    }
}
