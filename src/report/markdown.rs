//! The Markdown report: the summaries, then one section per objective with its table;
//! measurement notes as footnotes.

use super::comparto::{
    conditioned_text, prerequisite_label, prerequisite_state, responsabile_label,
};
use super::scheda;
use super::{
    Report, as_of_text, coverage, labels, objectives_coverage, performance_text, resources_text,
    status_text, value_text, weight_text,
};
use crate::diagnostics::Lang;
use crate::syntax::vocab::Vocabulary;
use rust_decimal::Decimal;
use std::fmt::Write;

/// Plan text made inert in Markdown: no tables broken by `|`, no HTML, no emphasis.
pub fn escape(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = text.chars().collect();
    let word = |k: Option<&char>| k.is_some_and(|c| c.is_alphanumeric());
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // `_` inside a word (`01_01_OS01`, `risorse_utilizzate`) never makes emphasis.
            '_' if word(i.checked_sub(1).and_then(|j| chars.get(j))) && word(chars.get(i + 1)) => {
                out.push(c)
            }
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// The performances at every date and, with several, the change between the last two, as
/// table cells.
fn history_cells(report: Report, history: &[Option<Decimal>], lang: Lang) -> Vec<String> {
    let mut cells: Vec<String> = history.iter().map(|p| performance_text(*p)).collect();
    if report.multi() {
        let n = history.len();
        cells.push(scheda::change_text(
            scheda::change_points(
                history.get(n.wrapping_sub(2)).copied().flatten(),
                history.last().copied().flatten(),
            ),
            lang,
        ));
    }
    cells
}

/// An objective's performance: `77%`, or `77% → 93% (+16 punti)` over several dates.
fn objective_history(report: Report, history: &[Option<Decimal>], lang: Lang) -> String {
    let mut cells = history_cells(report, history, lang);
    let change = if report.multi() { cells.pop() } else { None };
    let mut text = cells.join(" → ");
    if let Some(c) = change {
        text.push_str(&format!(" ({c})"));
    }
    text
}

/// The performance heads: `Performance`, or one per date and `Variazione`.
fn history_heads(report: Report, dates: &[String], lang: Lang) -> Vec<String> {
    let l = labels(lang);
    if !report.multi() {
        return vec![l.performance.to_string()];
    }
    let mut heads: Vec<String> = dates
        .iter()
        .map(|d| format!("{} {d}", l.performance))
        .collect();
    heads.push(scheda::change_label(lang).to_string());
    heads
}

pub fn write(report: Report, lang: Lang, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let Report { model, eval, .. } = report;
    let l = labels(lang);
    let dates: Vec<String> = report.dates.iter().map(scheda::date_head).collect();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&model.plan.title));
    let _ = writeln!(
        out,
        "{} — {} {}, {}\n",
        escape(&model.plan.ente),
        l.year,
        eval.year,
        as_of_text(report, lang)
    );
    if report.multi() {
        let history: Vec<Option<Decimal>> =
            report.dates.iter().map(|e| e.plan.performance).collect();
        let heads = history_heads(report, &dates, lang);
        let _ = writeln!(
            out,
            "**{}** — {}; {}\n",
            l.plan_performance,
            objectives_coverage(&eval.plan, lang),
            coverage(&eval.plan, lang)
        );
        let _ = writeln!(
            out,
            "| {} |\n|{}\n| {} |\n",
            heads.join(" | "),
            "---:|".repeat(heads.len()),
            history_cells(report, &history, lang).join(" | ")
        );
    } else {
        let _ = writeln!(
            out,
            "**{}: {}** — {}; {}\n",
            l.plan_performance,
            performance_text(eval.plan.performance),
            objectives_coverage(&eval.plan, lang),
            coverage(&eval.plan, lang)
        );
    }
    if let Some(c) = conditioned_text(model, eval, &eval.plan, lang) {
        let _ = writeln!(out, "**{}**\n", escape(&c));
    }

    for section in super::summary_sections(report, lang) {
        let heads = history_heads(report, &dates, lang);
        let _ = writeln!(out, "## {}\n", section.heading);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |\n|---|---|{}---|",
            section.column,
            l.title,
            heads.join(" | "),
            l.coverage,
            "---:|".repeat(heads.len())
        );
        for row in &section.rows {
            let title = match &row.mission {
                Some((mission, resources)) => {
                    format!("{mission} / {} — {}: {resources}", row.title, l.resources)
                }
                None => row.title.clone(),
            };
            let t = row.tally;
            let conditioned = conditioned_text(model, eval, t, lang)
                .map(|c| format!("; {}", escape(&c)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {}; {}{conditioned} |",
                escape(&row.code),
                escape(&title),
                history_cells(report, &row.history, lang).join(" | "),
                objectives_coverage(t, lang),
                coverage(t, lang)
            );
        }
        let _ = writeln!(out);
    }

    let mut footnote = 0;
    for o in report.objectives() {
        super::flush(&mut out, w)?;
        let (Some(objective), Some(result)) = (model.objectives.get(o), eval.objectives.get(o))
        else {
            continue;
        };
        let _ = writeln!(
            out,
            "## {} — {}\n",
            escape(&objective.code),
            escape(&objective.title)
        );
        let mut facts = Vec::new();
        if let Some(s) = &objective.strategico {
            facts.push(format!("{}: {}", l.line, escape(s)));
        }
        if let Some(m) = scheda::mission_text(report, o) {
            facts.push(format!("{}: {}", l.mission, escape(&m)));
        }
        facts.push(format!(
            "{}: {}",
            l.resources,
            resources_text(model, o, eval.year, lang)
        ));
        if let Some(w) = scheda::objective_weight(report, o) {
            facts.push(format!(
                "{}: {}",
                lang.pick("Peso dell'obiettivo", "Objective weight"),
                scheda::objective_weight_text(w, lang)
            ));
        }
        if let Some(r) = &objective.responsabile {
            facts.push(format!("{}: {}", responsabile_label(lang), escape(r)));
        }
        if objective.prerequisite {
            let state = prerequisite_state(result.tally.performance, lang);
            facts.push(format!("**{}** {state}", prerequisite_label(lang)));
        }
        let _ = writeln!(out, "{}\n", facts.join(" · "));
        let history: Vec<Option<Decimal>> = report
            .dates
            .iter()
            .map(|e| scheda::objective_performance(e, o))
            .collect();
        let _ = writeln!(
            out,
            "**{}: {}** — {}\n",
            l.performance,
            objective_history(report, &history, lang),
            coverage(&result.tally, lang)
        );
        let years = scheda::years(report, objective);
        let mut heads = vec![l.indicator.to_string(), l.udm.to_string()];
        let mut align = vec!["---", "---"];
        if report.multi() {
            heads.extend(dates.iter().map(|d| format!("{} {d}", l.value)));
        } else {
            heads.push(l.value.to_string());
        }
        align.extend(std::iter::repeat_n("---:", heads.len() - 2));
        for &y in &years {
            heads.push(scheda::target_head(y, y == eval.year, lang));
            align.push("---");
        }
        heads.push(l.weight.to_string());
        align.push("---:");
        for h in history_heads(report, &dates, lang) {
            heads.push(h);
            align.push("---:");
        }
        heads.push(l.status.to_string());
        align.push("---");
        let _ = writeln!(out, "| {} |\n|{}|", heads.join(" | "), align.join("|"));
        let mut notes = Vec::new();
        for i in report.indicators(o) {
            let (Some(indicator), Some(r)) =
                (objective.indicators.get(i), result.indicators.get(i))
            else {
                continue;
            };
            let mut cells = vec![
                format!(
                    "**{}** — {}",
                    escape(indicator.name()),
                    escape(&indicator.title)
                ),
                escape(indicator.udm.canonical()),
            ];
            for (k, e) in report.dates.iter().enumerate() {
                let Some(at) = e.objectives.get(o).and_then(|x| x.indicators.get(i)) else {
                    cells.push(String::new());
                    continue;
                };
                let mut value = escape(&value_text(&at.value, indicator.udm, lang));
                if k + 1 == report.dates.len() {
                    for n in super::indicator_notes(indicator, at, lang) {
                        footnote += 1;
                        // A space first: the mark is never read as a digit of the value.
                        let _ = write!(value, " [^{footnote}]");
                        notes.push((footnote, n.code, n.text));
                    }
                }
                cells.push(value);
            }
            // Written by the report itself: comparators stay as they are.
            cells.extend(
                scheda::target_cells(report, indicator, lang)
                    .into_iter()
                    .map(|(_, text)| text),
            );
            cells.push(weight_text(indicator.weight.share));
            let history: Vec<Option<Decimal>> = report
                .dates
                .iter()
                .map(|e| scheda::indicator_performance(e, o, i))
                .collect();
            cells.extend(history_cells(report, &history, lang));
            let mut status = status_text(r.score.status, lang).to_string();
            if let Some(days) = r.score.late_days {
                let _ = write!(status, " ({days} {})", l.late);
            }
            cells.push(status);
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        let _ = writeln!(out);
        for (indicator, text) in scheda::plan_notes(report, o) {
            let about = indicator
                .map(|n| format!(" {}", escape(n)))
                .unwrap_or_default();
            let _ = writeln!(out, "**{}{about}**: {}\n", l.notes, escape(text));
        }
        if !notes.is_empty() {
            for (k, code, text) in notes {
                let _ = writeln!(out, "[^{k}]: {}: {}", escape(&code), escape(&text));
            }
            let _ = writeln!(out);
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    w.write_all(out.as_bytes())
}
