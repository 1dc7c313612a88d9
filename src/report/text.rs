//! The terminal report: the plan's performance, the summaries by ambito, strategic line and
//! mission, then one table per objective. Bars and colours by band on a terminal; plain text
//! when piped or with `NO_COLOR`.

use super::comparto::{
    conditioned_text, prerequisite_label, prerequisite_state, responsabile_label,
    target_with_baseline,
};
use super::{
    Band, Options, Report, as_of_text, coverage, labels, objectives_coverage, performance_text,
    resources_text, status_text, target_text, value_text, weight_text,
};
use crate::controls;
use crate::eval::score::Status;
use crate::syntax::vocab::Vocabulary;
use rust_decimal::Decimal;
use std::fmt::Write;

const BAR: usize = 10;

struct Style {
    fancy: bool,
}

impl Style {
    fn paint(&self, band: Band, text: &str) -> String {
        if !self.fancy {
            return text.to_string();
        }
        let code = match band {
            Band::Good => "32",
            Band::Fair => "33",
            Band::Poor => "31",
            Band::None => "2",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }

    fn bold(&self, text: &str) -> String {
        if self.fancy {
            format!("\x1b[1m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// The performance, then its bar on a terminal.
    fn performance(&self, p: Option<Decimal>) -> String {
        let band = Band::of(p);
        let text = pad_left(&performance_text(p), 5);
        if !self.fancy {
            return text;
        }
        format!("{}  {}", self.paint(band, &text), self.paint(band, &bar(p)))
    }
}

/// A bar of `BAR` cells, in eighths.
fn bar(p: Option<Decimal>) -> String {
    let Some(p) = p else {
        return " ".repeat(BAR);
    };
    let eighths = (p.clamp(Decimal::ZERO, Decimal::ONE) * Decimal::from(BAR * 8))
        .round()
        .try_into()
        .unwrap_or(0usize);
    let full = eighths / 8;
    let part = eighths % 8;
    let mut out = "█".repeat(full);
    if part > 0 {
        out.push(['▏', '▎', '▍', '▌', '▋', '▊', '▉'][part - 1]);
    }
    let len = out.chars().count();
    out.push_str(&" ".repeat(BAR.saturating_sub(len)));
    out
}

fn width(s: &str) -> usize {
    s.chars().count()
}

/// Text of the plan or of the measurement file, safe for a terminal: control characters are
/// shown as `\x1b` (see `crate::controls`).
fn safe(s: &str) -> String {
    controls::escape(s).into_owned()
}

fn cut(s: &str, max: usize) -> String {
    let s = safe(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    if width(&s) <= max {
        return s;
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

fn pad_left(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

pub fn render(report: Report, options: Options) -> String {
    let Report { model, eval } = report;
    let lang = options.lang;
    let l = labels(lang);
    let st = Style {
        fancy: options.fancy,
    };
    let mut out = String::new();
    let _ = writeln!(out, "{}", st.bold(&safe(&model.plan.title)));
    let _ = writeln!(
        out,
        "{} — {} {}, {}",
        safe(&model.plan.ente),
        l.year,
        eval.year,
        as_of_text(report, lang)
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}: {}   {}; {}",
        st.bold(l.plan_performance),
        st.performance(eval.plan.performance),
        objectives_coverage(&eval.plan, lang),
        coverage(&eval.plan, lang)
    );
    if let Some(c) = conditioned_text(model, eval, &eval.plan, lang) {
        let _ = writeln!(out, "  {}", st.bold(&c));
    }

    for section in super::summary_sections(eval, lang) {
        let _ = writeln!(out, "\n{}", st.bold(section.heading));
        let code_w = section
            .rows
            .iter()
            .map(|r| width(&r.code))
            .max()
            .unwrap_or(0);
        for row in &section.rows {
            // Resources first: a long programme name is what gets cut.
            let title = match &row.mission {
                Some((_, resources)) => format!("{resources} — {}", row.title),
                None => row.title.clone(),
            };
            let conditioned = conditioned_text(model, eval, row.tally, lang)
                .map(|c| format!("; {c}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {}  {}  {}   {}{conditioned}",
                pad(&safe(&row.code), code_w),
                pad(&cut(&title, 52), 52),
                st.performance(row.tally.performance),
                objectives_coverage(row.tally, lang)
            );
        }
    }

    for (o, (objective, result)) in model.objectives.iter().zip(&eval.objectives).enumerate() {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{}  {}  {}",
            st.bold(&safe(&objective.code)),
            st.bold(&cut(&objective.title, 60)),
            st.performance(result.tally.performance)
        );
        let mut facts = format!(
            "  {} · {}: {}",
            coverage(&result.tally, lang),
            l.resources,
            resources_text(model, o, eval.year, lang)
        );
        if let Some(r) = &objective.responsabile {
            let _ = write!(facts, " · {}: {r}", responsabile_label(lang));
        }
        if objective.prerequisite {
            let state = prerequisite_state(result.tally.performance, lang);
            let _ = write!(facts, " · {} {state}", prerequisite_label(lang));
        }
        let _ = writeln!(out, "{facts}");
        let mut rows = vec![[
            l.indicator.to_string(),
            l.udm.to_string(),
            l.value.to_string(),
            format!("{} {}", l.target, eval.year),
            l.weight.to_string(),
        ]];
        let mut notes = Vec::new();
        for (indicator, r) in objective.indicators.iter().zip(&result.indicators) {
            let mut value = value_text(&r.value, indicator.udm, lang);
            for n in super::indicator_notes(indicator, r, lang) {
                notes.push(n);
                value.push_str(&format!(" [{}]", notes.len()));
            }
            rows.push([
                cut(&indicator.name, 28),
                indicator.udm.canonical().to_string(),
                value,
                target_with_baseline(
                    target_text(r.target.as_ref(), indicator.udm),
                    indicator,
                    lang,
                ),
                weight_text(indicator.weight.share),
            ]);
        }
        let widths: Vec<usize> = (0..5)
            .map(|c| rows.iter().map(|r| width(&r[c])).max().unwrap_or(0))
            .collect();
        for (k, row) in rows.iter().enumerate() {
            let mut line = String::from("  ");
            for (c, cell) in row.iter().enumerate() {
                let cell = if c == 4 {
                    pad_left(cell, widths[c])
                } else {
                    pad(cell, widths[c])
                };
                line.push_str(&cell);
                line.push_str("  ");
            }
            if k == 0 {
                line.push_str(&pad_left(l.performance, 5));
                let _ = writeln!(out, "{}", st.bold(line.trim_end()));
                continue;
            }
            let r = &result.indicators[k - 1];
            line.push_str(&st.performance(r.score.performance));
            if r.score.status != Status::Scored {
                let _ = write!(line, "  {}", status_text(r.score.status, lang));
            }
            if let Some(days) = r.score.late_days {
                let _ = write!(line, "  ({days} {})", l.late);
            }
            let _ = writeln!(out, "{}", line.trim_end());
        }
        for (k, n) in notes.iter().enumerate() {
            let _ = writeln!(out, "  [{}] {}: {}", k + 1, safe(&n.code), safe(&n.text));
        }
    }
    out
}
