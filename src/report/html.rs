//! The HTML report: one self-contained page (inline CSS, no scripts, no external assets),
//! printable on A4. A summary by ambito, strategic line and mission at the top, then a card per
//! objective laid out like the seed's scheda, with a bar per indicator coloured by band and as
//! wide as its performance. Every text from the plan or the measurement file is escaped.

use super::comparto::{
    conditioned_text, prerequisite_label, prerequisite_state, responsabile_label,
    target_with_baseline,
};
use super::{
    Band, Report, as_of_text, coverage, labels, objectives_coverage, percent, performance_text,
    resources_text, status_text, target_text, tipologia_text, value_text, weight_text,
};
use crate::diagnostics::Lang;
use crate::eval::score::Status;
use crate::syntax::vocab::Vocabulary;
use rust_decimal::Decimal;
use std::fmt::Write;

/// Text made safe inside HTML elements and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A long text as paragraphs: blank lines separate them, lines starting with `- ` are kept
/// as lines, other line breaks are the text's wrapping.
fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    for para in text.trim().split("\n\n").filter(|p| !p.trim().is_empty()) {
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
        let body: Vec<String> = lines.iter().map(|l| escape(l)).collect();
        let _ = write!(out, "<p>{}</p>", body.join("<br>"));
    }
    out
}

const STYLE: &str = r#"
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #1d1d1d; margin: 0 auto; max-width: 190mm; padding: 8mm 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
p.meta { margin: 0 0 3mm; color: #444; }
.total { font-size: 12pt; margin: 2mm 0 4mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #b7b7b7; padding: 1.2mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #e8edf3; font-weight: bold; font-size: 8.5pt; }
td.num { text-align: right; white-space: nowrap; }
th.num { text-align: right; }
.summary td.perf { width: 42mm; }
.perf .pct { display: inline-block; width: 10mm; text-align: right; margin-right: 1.5mm; font-weight: bold; }
.track { display: inline-block; width: 26mm; height: 3.2mm; background: #eeeeee; border: 1px solid #c9c9c9; vertical-align: middle; overflow: hidden; }
.bar { height: 100%; }
.bar.good { background: #2e7d32; }
.bar.fair { background: #f0a500; }
.bar.poor { background: #c62828; }
.bar.none { background: transparent; }
.card { border: 1.5px solid #44546a; margin: 5mm 0; padding: 0; }
.card header, .card dl { break-inside: avoid; break-after: avoid; }
tr { break-inside: avoid; page-break-inside: avoid; }
.card table { table-layout: fixed; }
@media print {
  body { padding: 0; font-size: 9pt; }
  h2 { margin: 3mm 0 1.5mm; font-size: 11pt; }
  .summary { font-size: 8pt; }
  .summary th, .summary td { padding: 0.7mm 1.2mm; }
  .card { break-before: page; page-break-before: always; margin-top: 0; }
  h2.objectives { display: none; }
}
.card header { background: #44546a; color: #fff; padding: 2mm 3mm; display: flex; justify-content: space-between; gap: 4mm; }
.card header h3 { margin: 0; font-size: 11pt; }
.card header .score { font-size: 12pt; font-weight: bold; white-space: nowrap; }
.card dl { display: grid; grid-template-columns: 38mm 1fr; margin: 0; padding: 2mm 3mm; gap: 0.8mm 3mm; font-size: 9pt; }
.card dt { font-weight: bold; color: #44546a; }
.card dd { margin: 0; }
.card .desc { padding: 0 3mm 1mm; font-size: 8.5pt; color: #333; }
.card .desc p { margin: 0 0 1.5mm; }
.card table { font-size: 8.5pt; }
.card table td.ind b { display: block; }
.card td.perf .track { display: block; width: 100%; margin-top: 0.8mm; }
.card td.perf .pct { text-align: left; width: auto; }
.card .coverage { padding: 1.5mm 3mm; font-size: 8.5pt; color: #444; }
.status { font-size: 7.5pt; color: #555; display: block; }
.conditioned { color: #8a4b00; }
ol.notes { margin: 1mm 3mm 2mm 8mm; padding: 0; font-size: 8pt; color: #333; }
sup a { text-decoration: none; }
"#;

fn bar(p: Option<Decimal>) -> String {
    let band = Band::of(p);
    let (width, data) = match p {
        Some(p) => {
            let w = percent(p).to_string();
            (w.clone(), w)
        }
        None => ("0".into(), String::new()),
    };
    format!(
        "<span class=\"pct\">{}</span><span class=\"track\"><span class=\"bar {}\" style=\"display:block;width:{width}%\" data-performance=\"{data}\"></span></span>",
        performance_text(p),
        band.key()
    )
}

fn summary(out: &mut String, section: &super::Section, report: Report, lang: Lang) {
    let l = labels(lang);
    let _ = writeln!(out, "<h2>{}</h2>", escape(section.heading));
    let _ = writeln!(
        out,
        "<table class=\"summary\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        escape(section.column),
        l.title,
        l.performance,
        l.coverage
    );
    for row in &section.rows {
        let title = match &row.mission {
            Some((mission, resources)) => {
                format!("{mission} — {} ({}: {resources})", row.title, l.resources)
            }
            None => row.title.clone(),
        };
        let t = row.tally;
        let conditioned = conditioned_text(report.model, report.eval, t, lang)
            .map(|c| format!("<br><b class=\"conditioned\">{}</b>", escape(&c)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"perf\">{}</td><td>{}<br>{}{conditioned}</td></tr>",
            escape(&row.code),
            escape(&title),
            summary_bar(t.performance),
            escape(&objectives_coverage(t, lang)),
            escape(&coverage(t, lang))
        );
    }
    let _ = writeln!(out, "</tbody></table>");
}

/// Summary bars carry no `data-performance`: only indicator bars do.
fn summary_bar(p: Option<Decimal>) -> String {
    let width = p.map_or("0".into(), |p| percent(p).to_string());
    format!(
        "<span class=\"pct\">{}</span><span class=\"track\"><span class=\"sbar bar {}\" style=\"display:block;width:{width}%\"></span></span>",
        performance_text(p),
        Band::of(p).key()
    )
}

pub fn render(report: Report, lang: Lang) -> String {
    let Report { model, eval } = report;
    let l = labels(lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        lang.pick("it", "en"),
        escape(&model.plan.title)
    );
    let _ = writeln!(out, "<h1>{}</h1>", escape(&model.plan.title));
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} — {} {}, {}</p>",
        escape(&model.plan.ente),
        l.year,
        eval.year,
        escape(&as_of_text(report, lang))
    );
    let _ = writeln!(
        out,
        "<p class=\"total perf\"><b>{}</b> {} <span class=\"meta\">{}; {}</span></p>",
        l.plan_performance,
        summary_bar(eval.plan.performance),
        escape(&objectives_coverage(&eval.plan, lang)),
        escape(&coverage(&eval.plan, lang))
    );
    if let Some(c) = conditioned_text(model, eval, &eval.plan, lang) {
        let _ = writeln!(out, "<p class=\"conditioned\"><b>{}</b></p>", escape(&c));
    }
    for section in super::summary_sections(eval, lang) {
        summary(&mut out, &section, report, lang);
    }

    let _ = writeln!(out, "<h2 class=\"objectives\">{}</h2>", l.objectives);
    let mut footnote = 0;
    let value_head = match lang {
        Lang::It => format!("Valore al {}", crate::italian::date(eval.as_of)),
        Lang::En => format!("Value at {}", crate::italian::date(eval.as_of)),
    };
    for (o, (objective, result)) in model.objectives.iter().zip(&eval.objectives).enumerate() {
        let _ = writeln!(
            out,
            "<section class=\"card\" id=\"{}\" data-code=\"{}\">",
            escape(&objective.code),
            escape(&objective.code)
        );
        let _ = writeln!(
            out,
            "<header><h3>{} {} — {}</h3><span class=\"score\">{}</span></header>",
            l.objective,
            escape(&objective.code),
            escape(&objective.title),
            performance_text(result.tally.performance)
        );
        let _ = writeln!(out, "<dl>");
        let mut fact = |k: &str, v: String| {
            let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", escape(k), v);
        };
        if let Some(a) = &objective.ambito {
            let title = model
                .ambiti
                .iter()
                .find(|x| &x.code == a)
                .map_or("", |x| x.title.as_str());
            fact(l.ambito, format!("{} {}", escape(a), escape(title)));
        }
        if let Some(s) = &objective.strategico {
            let title = model
                .strategici
                .iter()
                .find(|x| &x.code == s)
                .map_or("", |x| x.title.as_str());
            fact(l.line, format!("{} {}", escape(s), escape(title)));
        }
        if let Some((m, p)) = &objective.missione {
            fact(l.mission, format!("{} / {}", escape(m), escape(p)));
        }
        let mut resources = resources_text(model, o, eval.year, lang);
        if let Some(f) = &objective.finanziamento {
            resources.push_str(&format!(" ({f})"));
        }
        fact(l.resources, escape(&resources));
        if let Some(a) = &objective.area {
            fact(l.area, escape(a));
        }
        if let Some(u) = &objective.ufficio {
            fact(l.office, escape(u));
        }
        if let Some(r) = &objective.responsabile {
            fact(responsabile_label(lang), escape(r));
        }
        if objective.prerequisite {
            let state = prerequisite_state(result.tally.performance, lang);
            fact(prerequisite_label(lang), escape(state));
        }
        let _ = writeln!(out, "</dl>");
        if let Some(d) = &objective.descrizione {
            let _ = writeln!(out, "<div class=\"desc\">{}</div>", paragraphs(d));
        }
        let _ = writeln!(
            out,
            "<table><colgroup><col style=\"width:24%\"><col style=\"width:19%\"><col style=\"width:11%\"><col style=\"width:6%\"><col style=\"width:11%\"><col style=\"width:10%\"><col style=\"width:6%\"><col style=\"width:13%\"></colgroup><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{} {}</th><th class=\"num\">{}</th><th>{}</th></tr></thead><tbody>",
            l.indicator,
            l.algorithm,
            l.tipologia,
            l.udm,
            escape(&value_head),
            l.target,
            eval.year,
            l.weight,
            l.performance
        );
        let mut notes = Vec::new();
        for (indicator, r) in objective.indicators.iter().zip(&result.indicators) {
            let mut value = escape(&value_text(&r.value, indicator.udm, lang));
            for n in super::indicator_notes(indicator, r, lang) {
                footnote += 1;
                let _ = write!(
                    value,
                    "<sup><a href=\"#nota-{footnote}\">{footnote}</a></sup>"
                );
                notes.push((footnote, n));
            }
            let mut status = String::new();
            if r.score.status != Status::Scored {
                status = format!(
                    "<span class=\"status\">{}</span>",
                    status_text(r.score.status, lang)
                );
            }
            if let Some(days) = r.score.late_days {
                let _ = write!(status, "<span class=\"status\">{days} {}</span>", l.late);
            }
            let _ = writeln!(
                out,
                "<tr class=\"indicator\" data-name=\"{}\"><td class=\"ind\"><b>{}</b>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"perf\">{}{}</td></tr>",
                escape(&indicator.name),
                escape(&indicator.name),
                escape(&indicator.title),
                escape(indicator.algoritmo.as_deref().unwrap_or("")),
                indicator.tipologia.map(tipologia_text).unwrap_or(""),
                escape(indicator.udm.canonical()),
                value,
                escape(&target_with_baseline(
                    target_text(r.target.as_ref(), indicator.udm),
                    indicator,
                    lang
                )),
                weight_text(indicator.weight.share),
                bar(r.score.performance),
                status
            );
        }
        let _ = writeln!(out, "</tbody></table>");
        let _ = writeln!(
            out,
            "<div class=\"coverage\">{}</div>",
            escape(&coverage(&result.tally, lang))
        );
        if !notes.is_empty() {
            let _ = writeln!(out, "<ol class=\"notes\">");
            for (k, n) in notes {
                let _ = writeln!(
                    out,
                    "<li id=\"nota-{k}\" value=\"{k}\">{}: {}</li>",
                    escape(&n.code),
                    escape(&n.text)
                );
            }
            let _ = writeln!(out, "</ol>");
        }
        let _ = writeln!(out, "</section>");
    }
    let _ = writeln!(out, "</body>\n</html>");
    out
}
