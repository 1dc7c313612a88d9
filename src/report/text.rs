//! The terminal report: the plan's performance, the summaries by ambito, strategic line and
//! mission, then one table per objective. Bars and colours by band on a terminal; plain text
//! when piped or with `NO_COLOR`.

use super::comparto::{
    conditioned_text, prerequisite_label, prerequisite_state, responsabile_label,
};
use super::scheda;
use super::{
    Band, Options, Report, as_of_text, coverage, labels, objectives_coverage, performance_text,
    resources_text, status_text, value_text, weight_text,
};
use crate::controls;
use crate::eval::score::Status;
use crate::syntax::vocab::Vocabulary;
use rust_decimal::Decimal;
use std::fmt::Write;

const BAR: usize = 10;

struct Style {
    fancy: bool,
    lang: crate::diagnostics::Lang,
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

/// Aligns rows of cells into columns: `right[c]` right-aligns column `c`.
fn table(rows: &[Vec<String>], right: &[bool]) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    rows.iter()
        .map(|row| {
            let mut line = String::from("  ");
            for (c, cell) in row.iter().enumerate() {
                let w = widths.get(c).copied().unwrap_or(0);
                if right.get(c).copied().unwrap_or(false) {
                    line.push_str(&pad_left(cell, w));
                } else {
                    line.push_str(&pad(cell, w));
                }
                line.push_str("  ");
            }
            line.trim_end().to_string()
        })
        .collect()
}

impl Style {
    /// The performances at every date, then the change between the last two.
    fn history(&self, report: Report, history: &[Option<Decimal>]) -> String {
        let cells: Vec<String> = history.iter().map(|p| self.performance(*p)).collect();
        let mut out = cells.join("  ");
        if report.multi() {
            let n = history.len();
            let change = scheda::change_points(
                history.get(n.wrapping_sub(2)).copied().flatten(),
                history.last().copied().flatten(),
            );
            let _ = write!(
                out,
                "  {}",
                pad_left(&scheda::change_text(change, self.lang), 9)
            );
        }
        out
    }
}

pub fn write(report: Report, options: Options, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let Report { model, eval, .. } = report;
    let lang = options.lang;
    let l = labels(lang);
    let st = Style {
        fancy: options.fancy,
        lang,
    };
    let dates: Vec<String> = report.dates.iter().map(scheda::date_head).collect();
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
    let plan_history: Vec<Option<Decimal>> =
        report.dates.iter().map(|e| e.plan.performance).collect();
    if report.multi() {
        let _ = writeln!(
            out,
            "{}: {}   ({})",
            st.bold(l.plan_performance),
            st.history(report, &plan_history),
            dates.join(", ")
        );
        let _ = writeln!(
            out,
            "  {}; {}",
            objectives_coverage(&eval.plan, lang),
            coverage(&eval.plan, lang)
        );
    } else {
        let _ = writeln!(
            out,
            "{}: {}   {}; {}",
            st.bold(l.plan_performance),
            st.performance(eval.plan.performance),
            objectives_coverage(&eval.plan, lang),
            coverage(&eval.plan, lang)
        );
    }
    if let Some(c) = conditioned_text(model, eval, &eval.plan, lang) {
        let _ = writeln!(out, "  {}", st.bold(&c));
    }

    for section in super::summary_sections(report, lang) {
        let _ = writeln!(out, "\n{}", st.bold(section.heading));
        let code_w = section
            .rows
            .iter()
            .map(|r| width(&r.code))
            .max()
            .unwrap_or(0);
        if report.multi() {
            let mut head = format!("  {}  {}", " ".repeat(code_w), " ".repeat(52));
            for d in &dates {
                let _ = write!(head, "  {}", pad_left(d, 10));
            }
            let _ = write!(head, "  {}", pad_left(scheda::change_label(lang), 9));
            let _ = writeln!(out, "{}", head.trim_end());
        }
        for row in &section.rows {
            // Resources first: a long programme name is what gets cut.
            let title = match &row.mission {
                Some((_, resources)) => format!("{resources} — {}", row.title),
                None => row.title.clone(),
            };
            let conditioned = conditioned_text(model, eval, row.tally, lang)
                .map(|c| format!("; {c}"))
                .unwrap_or_default();
            let performances = if report.multi() {
                let cells: Vec<String> = row
                    .history
                    .iter()
                    .map(|p| pad_left(&st.performance(*p), 10))
                    .collect();
                let n = row.history.len();
                let change = scheda::change_points(
                    row.history.get(n.wrapping_sub(2)).copied().flatten(),
                    row.history.last().copied().flatten(),
                );
                format!(
                    "{}  {}",
                    cells.join("  "),
                    pad_left(&scheda::change_text(change, lang), 9)
                )
            } else {
                st.performance(row.tally.performance)
            };
            let _ = writeln!(
                out,
                "  {}  {}  {}   {}{conditioned}",
                pad(&safe(&row.code), code_w),
                pad(&cut(&title, 52), 52),
                performances,
                objectives_coverage(row.tally, lang)
            );
        }
    }

    for o in report.objectives() {
        super::flush(&mut out, w)?;
        let (Some(objective), Some(result)) = (model.objectives.get(o), eval.objectives.get(o))
        else {
            continue;
        };
        let history: Vec<Option<Decimal>> = report
            .dates
            .iter()
            .map(|e| scheda::objective_performance(e, o))
            .collect();
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{}  {}  {}",
            st.bold(&safe(&objective.code)),
            st.bold(&cut(&objective.title, 60)),
            st.history(report, &history)
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
        let mut more = Vec::new();
        if let Some(m) = scheda::mission_text(report, o) {
            more.push(format!("{}: {m}", l.mission));
        }
        if let Some(w) = scheda::objective_weight(report, o) {
            more.push(format!(
                "{}: {}",
                lang.pick("Peso dell'obiettivo", "Objective weight"),
                scheda::objective_weight_text(w, lang)
            ));
        }
        if !more.is_empty() {
            let _ = writeln!(out, "  {}", more.join(" · "));
        }

        let indicators = report.indicators(o);
        let years: Vec<(i32, bool)> = scheda::years(report, objective)
            .into_iter()
            .map(|y| (y, y == eval.year))
            .collect();
        let mut head = vec![l.indicator.to_string(), l.udm.to_string()];
        if report.multi() {
            head.extend(dates.iter().map(|d| format!("{} {d}", l.value)));
        } else {
            head.push(l.value.to_string());
        }
        head.extend(
            years
                .iter()
                .map(|(y, scored)| scheda::target_head(*y, *scored, lang)),
        );
        head.push(l.weight.to_string());
        if report.multi() {
            head.extend(dates.iter().map(|d| format!("{} {d}", l.performance)));
            head.push(scheda::change_label(lang).to_string());
        } else {
            head.push(pad_left(l.performance, 5));
        }
        let value_columns = if report.multi() { dates.len() } else { 1 };
        let mut right = vec![false, false];
        right.extend(std::iter::repeat_n(false, value_columns + years.len()));
        right.push(true);
        let mut rows = vec![head];
        let mut trailers = vec![String::new()];
        let mut notes = Vec::new();
        for &i in &indicators {
            let (Some(indicator), Some(r)) =
                (objective.indicators.get(i), result.indicators.get(i))
            else {
                continue;
            };
            let mut row = vec![
                cut(indicator.name(), 28),
                indicator.udm.canonical().to_string(),
            ];
            for (k, e) in report.dates.iter().enumerate() {
                let Some(at) = e.objectives.get(o).and_then(|x| x.indicators.get(i)) else {
                    row.push(String::new());
                    continue;
                };
                let mut value = value_text(&at.value, indicator.udm, lang);
                // Notes of the latest date only: older ones are in their own reports.
                if k + 1 == report.dates.len() {
                    for n in super::indicator_notes(indicator, at, lang) {
                        notes.push(n);
                        value.push_str(&format!(" [{}]", notes.len()));
                    }
                }
                row.push(value);
            }
            row.extend(
                scheda::target_cells(report, indicator, lang)
                    .into_iter()
                    .map(|(_, text)| text),
            );
            row.push(weight_text(indicator.weight.share));
            let mut trailer = String::new();
            if report.multi() {
                for e in report.dates {
                    row.push(pad_left(
                        &performance_text(scheda::indicator_performance(e, o, i)),
                        5,
                    ));
                }
                row.push(scheda::change_text(
                    scheda::change(report, |e| scheda::indicator_performance(e, o, i)),
                    lang,
                ));
            } else {
                trailer = st.performance(r.score.performance);
            }
            if r.score.status != Status::Scored {
                let _ = write!(trailer, "  {}", status_text(r.score.status, lang));
            }
            if let Some(days) = r.score.late_days {
                let _ = write!(trailer, "  ({days} {})", l.late);
            }
            rows.push(row);
            trailers.push(trailer);
        }
        if report.multi() {
            right.extend(std::iter::repeat_n(true, dates.len() + 1));
        }
        for (k, (line, trailer)) in table(&rows, &right).into_iter().zip(&trailers).enumerate() {
            if k == 0 {
                let _ = writeln!(out, "{}", st.bold(&line));
            } else {
                let _ = writeln!(out, "{}", format!("{line}  {trailer}").trim_end());
            }
        }
        for (k, n) in notes.iter().enumerate() {
            let _ = writeln!(out, "  [{}] {}: {}", k + 1, safe(&n.code), safe(&n.text));
        }
        for (indicator, text) in scheda::plan_notes(report, o) {
            match indicator {
                Some(name) => {
                    let _ = writeln!(out, "  {} {name}: {text}", l.notes);
                }
                None => {
                    let _ = writeln!(out, "  {}: {text}", l.notes);
                }
            }
        }
    }
    w.write_all(out.as_bytes())
}
