//! The HTML report: one self-contained page (inline CSS, no scripts, no external assets),
//! printable on A4 portrait. A summary by ambito, strategic line and mission at the top, then
//! a card per objective laid out like the seed's scheda: its facts, a table describing the
//! indicators and a table of their numbers (a value per monitoring date, the targets of every
//! year with the scored one marked, a bar per date coloured by band and as wide as the
//! performance), then the notes.
//!
//! Built with maud: every interpolation is escaped unless wrapped in `PreEscaped`, which is
//! used only for the style sheet and line breaks between elements (so that the page reads
//! well as source).

use super::comparto::{
    conditioned_text, prerequisite_label, prerequisite_state, responsabile_label,
};
use super::{
    Band, Report, as_of_text, coverage, labels, objectives_coverage, percent, performance_text,
    resources_text, scheda, status_text, tipologia_text, value_text, weight_text,
};
use crate::diagnostics::Lang;
use crate::eval::Evaluation;
use crate::eval::score::Status;
use crate::syntax::vocab::Vocabulary;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use rust_decimal::Decimal;

/// A line break between elements, for readable source.
const NL: PreEscaped<&str> = PreEscaped("\n");

const STYLE: &str = r#"
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #1d1d1d; margin: 0 auto; max-width: 186mm; padding: 8mm 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
p.meta { margin: 0 0 3mm; color: #444; }
.total { font-size: 12pt; margin: 2mm 0 4mm; }
.total .when { font-size: 9pt; color: #444; margin: 0 1mm 0 3mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #b7b7b7; padding: 1.2mm 1.2mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #e8edf3; font-weight: bold; font-size: 8pt; overflow-wrap: break-word; hyphens: auto; }
td.num, th.num { text-align: right; }
.nb { white-space: nowrap; }
.summary .code { width: 22mm; }
.summary .perf { width: 40mm; }
.summary.multi .perf { width: 29mm; }
.summary .change { width: 21mm; }
.summary .cov { width: 40mm; }
.perf .pct { display: inline-block; width: 10mm; text-align: right; margin-right: 1.5mm; font-weight: bold; white-space: nowrap; }
.track { display: inline-block; width: 24mm; height: 3.2mm; background: #eeeeee; border: 1px solid #c9c9c9; vertical-align: middle; overflow: hidden; }
.summary.multi .track { width: 14mm; }
.bar { height: 100%; }
.bar.good { background: #2e7d32; }
.bar.fair { background: #f0a500; }
.bar.poor { background: #c62828; }
.bar.none { background: transparent; }
.card { border: 1.5px solid #44546a; margin: 5mm 0; padding: 0; }
.card header, .card dl { break-inside: avoid; break-after: avoid; }
tr { break-inside: avoid; page-break-inside: avoid; }
@media print {
  body { padding: 0; font-size: 9pt; }
  h2 { margin: 3mm 0 1.5mm; font-size: 11pt; }
  .summary { font-size: 8pt; }
  .summary th, .summary td { padding: 0.7mm 1.2mm; }
  .card { break-before: page; page-break-before: always; margin-top: 0; }
  h2.objectives { display: none; }
}
.card header { background: #44546a; color: #fff; padding: 2mm 3mm; display: flex; justify-content: space-between; gap: 4mm; }
.card header h3 { margin: 0; font-size: 11pt; overflow-wrap: anywhere; }
.card header .score { font-size: 12pt; font-weight: bold; white-space: nowrap; }
.card header .score .change { display: block; text-align: right; font-size: 9pt; font-weight: normal; color: #e4e9f0; margin: 0; }
.card dl { display: grid; grid-template-columns: 36mm minmax(0, 1fr); margin: 0; padding: 2mm 3mm; gap: 0.8mm 3mm; font-size: 9pt; }
.card dt { font-weight: bold; color: #44546a; }
.card dd { margin: 0; overflow-wrap: anywhere; }
.card .desc { padding: 0 3mm 1mm; font-size: 8.5pt; color: #333; overflow-wrap: anywhere; }
.card .desc p { margin: 0 0 1.5mm; }
.card table { font-size: 8pt; margin: 0 0 1.5mm; }
.card table.numbers { font-size: 8pt; }
.card table.numbers.multi { font-size: 7.5pt; }
.card table.numbers td { padding: 1.2mm 1mm; }
.card td.ind b { display: block; }
.card td.ind .title { display: block; font-size: 7.5pt; color: #333; }
.card th.scored, .card td.scored { background: #fff6d6; }
.card td.scored { font-weight: bold; }
.card th .sub { display: block; font-weight: normal; font-size: 7pt; }
.card td.perf .line { display: block; white-space: nowrap; }
.card td.perf .line + .line { margin-top: 0.8mm; }
.card td.perf .when { display: inline-block; width: 9mm; font-size: 7pt; color: #555; }
.card td.perf .pct { text-align: left; width: 8.5mm; margin-right: 0.5mm; }
.card td.perf .track { width: 12mm; }
.card table.single td.perf .track { display: block; width: 100%; margin-top: 0.8mm; }
.card table.single td.perf .line { white-space: normal; }
.card table.single td.perf .pct { width: auto; }
.card .change { display: block; font-size: 7.5pt; color: #333; margin-top: 0.6mm; }
.card .coverage { padding: 1.5mm 3mm; font-size: 8.5pt; color: #444; }
.status { font-size: 7.5pt; color: #555; display: block; }
.conditioned { color: #8a4b00; }
ol.notes { margin: 1mm 3mm 2mm 8mm; padding: 0; font-size: 8pt; color: #333; overflow-wrap: anywhere; }
sup.fn { font-size: 6.5pt; margin-left: 0.6mm; }
sup.fn a { text-decoration: none; }
"#;

/// An identifier (`partecipazione_formazione`) that may break after each underscore.
fn identifier(name: &str) -> Markup {
    let parts: Vec<&str> = name.split_inclusive('_').collect();
    html! {
        @for (k, part) in parts.iter().enumerate() {
            @if k > 0 { wbr; }
            (part)
        }
    }
}

/// A value or target as written by the report: the comparator, then the number with its
/// unit kept on one line (`>=` may wrap above `11.205.947,00 €`, the number never breaks).
fn quantity(text: &str) -> Markup {
    let (head, rest) = match text.split_once(' ') {
        Some((c, rest)) if matches!(c, ">=" | "<=" | ">" | "<" | "=" | "entro") => (Some(c), rest),
        _ => (None, text),
    };
    // "no (non ancora)", "22 gg (baseline 2023: 24 gg)": the parenthesis may wrap.
    let (main, tail) = match rest.split_once(" (") {
        Some((m, t)) => (m, Some(t)),
        None => (rest, None),
    };
    // "11.205.947,00 €", "14 gg": the unit may go to the next line, the number never breaks.
    let (number, unit) = match main.rsplit_once(' ') {
        Some((n, u)) if n.starts_with(|c: char| c.is_ascii_digit() || c == '-') => (n, Some(u)),
        _ => (main, None),
    };
    html! {
        @if let Some(c) = head { (c) " " }
        span.nb { (number) }
        @if let Some(u) = unit { " " (u) }
        @if let Some(t) = tail { " (" (t) }
    }
}

/// A performance with its bar. `data-performance` marks indicator bars (the browser test
/// counts them), with the date they belong to.
fn bar(p: Option<Decimal>, date: Option<&Evaluation>) -> Markup {
    let width = p.map_or("0".to_string(), |p| percent(p).to_string());
    let style = format!("display:block;width:{width}%");
    let data = p.map(|p| percent(p).to_string());
    html! {
        span.pct { (performance_text(p)) }
        span.track {
            @match date {
                Some(e) => span class={ "bar " (Band::of(p).key()) } style=(style)
                    data-performance=(data.clone().unwrap_or_default())
                    data-date=(e.as_of.format("%Y-%m-%d").to_string()) {},
                None => span class={ "sbar bar " (Band::of(p).key()) } style=(style) {},
            }
        }
    }
}

/// `+12 punti` between the last two dates of a history.
fn history_change(history: &[Option<Decimal>], lang: Lang) -> String {
    let n = history.len();
    scheda::change_text(
        scheda::change_points(
            history.get(n.wrapping_sub(2)).copied().flatten(),
            history.last().copied().flatten(),
        ),
        lang,
    )
}

fn summary(section: &super::Section, report: Report, lang: Lang) -> Markup {
    let l = labels(lang);
    let multi = report.multi();
    html! {
        h2 { (section.heading) } (NL)
        table.summary.multi[multi] {
            colgroup {
                col.code; col;
                @for _ in report.dates { col.perf; }
                @if multi { col.change; }
                col.cov;
            }
            thead { tr {
                th { (section.column) } th { (l.title) }
                @if multi {
                    @for e in report.dates { th.num { (l.performance) br; (scheda::date_head(e)) } }
                    th.num { (scheda::change_label(lang)) }
                } @else {
                    th { (l.performance) }
                }
                th { (l.coverage) }
            } }
            (NL)
            tbody {
                @for row in &section.rows {
                    @let title = match &row.mission {
                        Some((mission, resources)) => format!("{mission} — {} ({}: {resources})", row.title, l.resources),
                        None => row.title.clone(),
                    };
                    tr {
                        td { (row.code) }
                        td { (title) }
                        @for p in &row.history { td.perf { (bar(*p, None)) } }
                        @if multi { td.num { (history_change(&row.history, lang)) } }
                        td {
                            (objectives_coverage(row.tally, lang)) br; (coverage(row.tally, lang))
                            @if let Some(c) = conditioned_text(report.model, report.eval, row.tally, lang) {
                                br; b.conditioned { (c) }
                            }
                        }
                    }
                    (NL)
                }
            }
        }
        (NL)
    }
}

/// A measurement note, numbered within its card.
struct Note {
    id: String,
    number: usize,
    code: String,
    text: String,
}

fn card(report: Report, o: usize, lang: Lang) -> Markup {
    let Report { model, eval, .. } = report;
    let l = labels(lang);
    let (Some(objective), Some(result)) = (model.objectives.get(o), eval.objectives.get(o)) else {
        return html! {};
    };
    let multi = report.multi();
    let history: Vec<Option<Decimal>> = report
        .dates
        .iter()
        .map(|e| scheda::objective_performance(e, o))
        .collect();
    let ambito = objective.ambito.as_ref().map(|a| {
        let title = model
            .ambiti
            .iter()
            .find(|x| &x.code == a)
            .map_or("", |x| x.title.as_str());
        format!("{a} {title}")
    });
    let line = objective.strategico.as_ref().map(|s| {
        let title = model
            .strategici
            .iter()
            .find(|x| &x.code == s)
            .map_or("", |x| x.title.as_str());
        format!("{s} {title}")
    });
    let mut resources = resources_text(model, o, eval.year, lang);
    if let Some(f) = &objective.finanziamento {
        resources.push_str(&format!(" ({f})"));
    }
    let indicators = report.indicators(o);
    let years = scheda::years(report, objective);
    // Notes: the measurement file's (latest date) on the values, the plan's on the names.
    let card_id = format!("obiettivo-{}", objective.code);
    let mut notes: Vec<Note> = Vec::new();
    let mut note = |code: &str, text: &str| {
        let number = notes.len() + 1;
        notes.push(Note {
            id: format!("{card_id}-nota-{number}"),
            number,
            code: code.to_string(),
            text: text.to_string(),
        });
        number
    };
    let mut plan_marks: Vec<Vec<usize>> = Vec::new();
    let objective_marks: Vec<usize> = objective
        .note
        .iter()
        .map(|n| note(&objective.code, n))
        .collect();
    for &i in &indicators {
        let ind = &objective.indicators[i];
        plan_marks.push(ind.note().iter().map(|n| note(&ind.code, n)).collect());
    }
    let mut value_marks: Vec<Vec<usize>> = Vec::new();
    for &i in &indicators {
        let r = &result.indicators[i];
        let ind = &objective.indicators[i];
        value_marks.push(
            super::indicator_notes(ind, r, lang)
                .iter()
                .map(|n| note(&n.code, &n.text))
                .collect(),
        );
    }
    let mark = |n: usize| {
        html! { sup.fn { a href={ "#" (card_id) "-nota-" (n) } { "[" (n) "]" } } }
    };
    // Columns of the numbers table: the name, a value per date, a target per year, the
    // performance. Widths in percent, fitted to A4 portrait.
    let dates = report.dates.len();
    let (name_w, value_w, target_w) = if multi { (15, 13, 13) } else { (20, 14, 14) };
    let perf_w = 100usize
        .saturating_sub(name_w + value_w * dates + target_w * years.len())
        .max(12);
    html! {
        section.card id=(card_id) data-code=(objective.code) {
            header {
                h3 { (l.objective) " " (objective.code) " — " (objective.title)
                    @for n in &objective_marks { (mark(*n)) } }
                span.score {
                    @for (k, p) in history.iter().enumerate() {
                        @if k > 0 { " → " }
                        (performance_text(*p))
                    }
                    @if multi { span.change { (history_change(&history, lang)) } }
                }
            }
            (NL)
            dl {
                @if let Some(a) = &ambito { dt { (l.ambito) } dd { (a) } }
                @if let Some(s) = &line { dt { (l.line) } dd { (s) } }
                @if let Some(m) = scheda::mission_text(report, o) { dt { (l.mission) } dd { (m) } }
                dt { (l.resources) } dd { (resources) }
                @if let Some(w) = scheda::objective_weight(report, o) {
                    dt { (lang.pick("Peso dell'obiettivo", "Objective weight")) }
                    dd { (scheda::objective_weight_text(w, lang)) }
                }
                @if let Some(a) = &objective.area { dt { (l.area) } dd { (a) } }
                @if let Some(u) = &objective.ufficio { dt { (l.office) } dd { (u) } }
                @if let Some(r) = &objective.responsabile { dt { (responsabile_label(lang)) } dd { (r) } }
                @if objective.prerequisite {
                    dt { (prerequisite_label(lang)) }
                    dd { (prerequisite_state(result.tally.performance, lang)) }
                }
            }
            (NL)
            @if let Some(d) = &objective.descrizione { div.desc { (paragraphs(d)) } (NL) }
            table.indicators {
                colgroup { col style="width:30%"; col style="width:42%"; col style="width:13%"; col style="width:7%"; col style="width:8%"; }
                thead { tr {
                    th { (l.indicator) } th { (l.algorithm) } th { (l.tipologia) } th { (l.udm) } th.num { (l.weight) }
                } }
                (NL)
                tbody {
                    @for (k, &i) in indicators.iter().enumerate() {
                        @let ind = &objective.indicators[i];
                        tr {
                            td.ind {
                                b { (identifier(ind.name())) @for n in &plan_marks[k] { (mark(*n)) } }
                                span.title { (ind.title) }
                            }
                            td { (ind.algoritmo.as_deref().unwrap_or("")) }
                            td { (ind.tipologia.map(tipologia_text).unwrap_or("")) }
                            td { (ind.udm.canonical()) }
                            td.num { (weight_text(ind.weight.share)) }
                        }
                        (NL)
                    }
                }
            }
            (NL)
            table.numbers.single[!multi].multi[multi] {
                colgroup {
                    col style={ "width:" (name_w) "%" };
                    @for _ in report.dates { col style={ "width:" (value_w) "%" }; }
                    @for _ in &years { col style={ "width:" (target_w) "%" }; }
                    col style={ "width:" (perf_w) "%" };
                }
                thead { tr {
                    th { (l.indicator) }
                    @for e in report.dates { th.num { (l.value) " " (lang.pick("al", "at")) br; (scheda::date_head(e)) } }
                    @for y in &years {
                        @if *y == eval.year {
                            th.scored { (l.target) " " (y) span.sub { (lang.pick("anno valutato", "scored year")) } }
                        } @else {
                            th { (l.target) " " (y) }
                        }
                    }
                    th { (l.performance) }
                } }
                (NL)
                tbody {
                    @for (k, &i) in indicators.iter().enumerate() {
                        @let ind = &objective.indicators[i];
                        @let r = &result.indicators[i];
                        @let perf: Vec<Option<Decimal>> = report.dates.iter().map(|e| scheda::indicator_performance(e, o, i)).collect();
                        tr.indicator data-name=(ind.name()) {
                            td.ind { b { (identifier(ind.name())) } }
                            @for (d, e) in report.dates.iter().enumerate() {
                                td.num {
                                    @if let Some(at) = e.objectives.get(o).and_then(|x| x.indicators.get(i)) {
                                        (quantity(&value_text(&at.value, ind.udm, lang)))
                                        @if d + 1 == dates { @for n in &value_marks[k] { (mark(*n)) } }
                                    }
                                }
                            }
                            @for (year, text) in scheda::target_cells(report, ind, lang) {
                                @if year == eval.year {
                                    td.scored { (quantity(&text)) }
                                } @else {
                                    td { (quantity(&text)) }
                                }
                            }
                            td.perf {
                                @for (d, e) in report.dates.iter().enumerate() {
                                    span.line {
                                        @if multi { span.when { (e.as_of.format("%d/%m").to_string()) } }
                                        (bar(perf[d], Some(e)))
                                    }
                                }
                                @if multi { span.change { (history_change(&perf, lang)) } }
                                @if r.score.status != Status::Scored {
                                    span.status { (status_text(r.score.status, lang)) }
                                }
                                @if let Some(days) = r.score.late_days {
                                    span.status { (days) " " (l.late) }
                                }
                            }
                        }
                        (NL)
                    }
                }
            }
            (NL)
            div.coverage { (coverage(&result.tally, lang)) }
            @if !notes.is_empty() {
                ol.notes {
                    @for n in &notes {
                        li id=(n.id) value=(n.number) { (n.code) ": " (n.text) }
                        (NL)
                    }
                }
            }
        }
        (NL)
    }
}

/// A long text as paragraphs: blank lines separate them, lines starting with `- ` are kept
/// as lines, other line breaks are the text's wrapping.
fn paragraphs(text: &str) -> Markup {
    let paras: Vec<Vec<String>> = text
        .trim()
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|para| {
            let mut lines: Vec<String> = Vec::new();
            for line in para.lines().map(str::trim).filter(|l| !l.is_empty()) {
                match lines.last_mut() {
                    Some(last) if !line.starts_with("- ") => {
                        last.push(' ');
                        last.push_str(line);
                    }
                    _ => lines.push(line.to_string()),
                }
            }
            lines
        })
        .collect();
    html! {
        @for lines in &paras {
            p { @for (k, line) in lines.iter().enumerate() { @if k > 0 { br; } (line) } }
        }
    }
}

/// Where the objectives' cards go in the page: a comment that no escaped text can contain.
const CARDS: &str = "<!--piano:cards-->";

/// Writes the page, one objective's card at a time: the page is built around a marker where
/// the cards go, and each card is rendered and written in its turn.
pub fn write(report: Report, lang: Lang, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let Report { model, eval, .. } = report;
    let l = labels(lang);
    let plan_history: Vec<Option<Decimal>> =
        report.dates.iter().map(|e| e.plan.performance).collect();
    let page = html! {
        (DOCTYPE) (NL)
        html lang=(lang.pick("it", "en")) {
            (NL)
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (model.plan.title) }
                style { (PreEscaped(STYLE)) }
            }
            (NL)
            body {
                (NL)
                h1 { (model.plan.title) } (NL)
                p.meta { (model.plan.ente) " — " (l.year) " " (eval.year) ", " (as_of_text(report, lang)) } (NL)
                p.total.perf {
                    b { (l.plan_performance) } " "
                    @for (k, e) in report.dates.iter().enumerate() {
                        @if report.multi() { span.when { (scheda::date_head(e)) } }
                        (bar(plan_history[k], None))
                    }
                    @if report.multi() { " " b.nb { (history_change(&plan_history, lang)) } }
                    " "
                    span.meta { (objectives_coverage(&eval.plan, lang)) "; " (coverage(&eval.plan, lang)) }
                }
                (NL)
                @if let Some(c) = conditioned_text(model, eval, &eval.plan, lang) {
                    p.conditioned { b { (c) } } (NL)
                }
                @for section in super::summary_sections(report, lang) {
                    (summary(&section, report, lang))
                }
                h2.objectives { (l.objectives) } (NL)
                (PreEscaped(CARDS))
            }
            (NL)
        }
        (NL)
    };
    let page = page.into_string();
    let (before, after) = page.split_once(CARDS).unwrap_or((&page, ""));
    w.write_all(before.as_bytes())?;
    for o in report.objectives() {
        w.write_all(card(report, o, lang).into_string().as_bytes())?;
    }
    w.write_all(after.as_bytes())
}
