//! The Markdown report: the summaries, then one section per objective with its table;
//! measurement notes as footnotes.

use super::comparto::{
    conditioned_text, prerequisite_label, prerequisite_state, responsabile_label,
    target_with_baseline,
};
use super::{
    Report, as_of_text, coverage, labels, objectives_coverage, performance_text, resources_text,
    status_text, target_text, value_text, weight_text,
};
use crate::diagnostics::Lang;
use crate::syntax::vocab::Vocabulary;
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

pub fn render(report: Report, lang: Lang) -> String {
    let Report { model, eval } = report;
    let l = labels(lang);
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
    let _ = writeln!(
        out,
        "**{}: {}** — {}; {}\n",
        l.plan_performance,
        performance_text(eval.plan.performance),
        objectives_coverage(&eval.plan, lang),
        coverage(&eval.plan, lang)
    );
    if let Some(c) = conditioned_text(model, eval, &eval.plan, lang) {
        let _ = writeln!(out, "**{}**\n", escape(&c));
    }

    for section in super::summary_sections(eval, lang) {
        let _ = writeln!(out, "## {}\n", section.heading);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |\n|---|---|---:|---|",
            section.column, l.title, l.performance, l.coverage
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
                performance_text(t.performance),
                objectives_coverage(t, lang),
                coverage(t, lang)
            );
        }
        let _ = writeln!(out);
    }

    let mut footnote = 0;
    for (o, (objective, result)) in model.objectives.iter().zip(&eval.objectives).enumerate() {
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
        if let Some((m, p)) = &objective.missione {
            facts.push(format!("{}: {m}/{p}", l.mission));
        }
        facts.push(format!(
            "{}: {}",
            l.resources,
            resources_text(model, o, eval.year, lang)
        ));
        if let Some(r) = &objective.responsabile {
            facts.push(format!("{}: {}", responsabile_label(lang), escape(r)));
        }
        if objective.prerequisite {
            let state = prerequisite_state(result.tally.performance, lang);
            facts.push(format!("**{}** {state}", prerequisite_label(lang)));
        }
        let _ = writeln!(out, "{}\n", facts.join(" · "));
        let _ = writeln!(
            out,
            "**{}: {}** — {}\n",
            l.performance,
            performance_text(result.tally.performance),
            coverage(&result.tally, lang)
        );
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} {} | {} | {} | {} |\n|---|---|---:|---|---:|---:|---|",
            l.indicator, l.udm, l.value, l.target, eval.year, l.weight, l.performance, l.status
        );
        let mut notes = Vec::new();
        for (indicator, r) in objective.indicators.iter().zip(&result.indicators) {
            let mut value = escape(&value_text(&r.value, indicator.udm, lang));
            for n in super::indicator_notes(indicator, r, lang) {
                footnote += 1;
                let _ = write!(value, "[^{footnote}]");
                notes.push((footnote, n));
            }
            let mut status = status_text(r.score.status, lang).to_string();
            if let Some(days) = r.score.late_days {
                let _ = write!(status, " ({days} {})", l.late);
            }
            let _ = writeln!(
                out,
                "| **{}** — {} | {} | {} | {} | {} | {} | {} |",
                escape(&indicator.name),
                escape(&indicator.title),
                escape(indicator.udm.canonical()),
                value,
                // Written by the report itself: comparators stay as they are.
                target_with_baseline(
                    target_text(r.target.as_ref(), indicator.udm),
                    indicator,
                    lang
                ),
                weight_text(indicator.weight.share),
                performance_text(r.score.performance),
                status
            );
        }
        let _ = writeln!(out);
        if !notes.is_empty() {
            for (k, n) in notes {
                let _ = writeln!(out, "[^{k}]: {}: {}", escape(&n.code), escape(&n.text));
            }
            let _ = writeln!(out);
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
