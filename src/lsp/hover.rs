//! Hover: what a name refers to (a measure's title and UdM; an indicator's formula unit,
//! targets and weight), the registry's name of a mission or programme, and the long
//! explanation of the diagnostics under the cursor.

use super::classification;
use super::documents::Document;
use super::markdown::{code, escape};
use super::navigation::{FormulaSite, NavIndex, Owner, Symbol};
use crate::check::error::Dim;
use crate::check::model::{Indicator, Model};
use crate::diagnostics::{Code, Lang, explain};
use crate::report;
use crate::span::Span;
use crate::syntax::vocab::Vocabulary;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

pub fn hover(doc: &Document, offset: usize, lang: Lang) -> Option<Hover> {
    let analysis = doc.analysis();
    let nav = analysis.nav();
    let model = &analysis.checked.model;
    let mut sections: Vec<String> = Vec::new();
    let mut range: Option<Span> = None;

    if let Some(o) = nav.at(offset) {
        range = Some(o.span);
        sections.push(symbol(doc, nav, model, &o.symbol, lang));
    } else if let Some(f) = nav.formula_at(offset) {
        range = Some(f.line);
        sections.push(formula_site(doc, nav, model, f, lang));
    } else if let Some(text) = classification_at(nav, model, offset, lang, &mut range) {
        sections.push(text);
    }
    for d in &analysis.checked.diagnostics {
        if d.span.start <= offset && offset <= d.span.end && !sections_mention(&sections, d.code())
        {
            range.get_or_insert(d.span);
            sections.push(explanation(d.code(), &d.texts(lang).message, lang));
        }
    }
    if let Some((span, c)) = code_in_comment(doc, offset) {
        range.get_or_insert(span);
        if !sections_mention(&sections, c) {
            sections.push(explanation(c, "", lang));
        }
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: range.map(|s| doc.lines.range(&doc.text, s)),
    })
}

fn sections_mention(sections: &[String], c: Code) -> bool {
    let head = format!("**{}**", c.as_str());
    sections.iter().any(|s| s.starts_with(&head))
}

fn symbol(doc: &Document, nav: &NavIndex, model: &Model, s: &Symbol, lang: Lang) -> String {
    let title = |kind: &str| {
        let mut out = format!("**{kind}** {}", code(s.name()));
        if let Some(t) = nav.title(s) {
            out.push_str(" — ");
            out.push_str(&escape(t));
        }
        out
    };
    match s {
        Symbol::Ambito(_) => title("ambito"),
        Symbol::Strategico(c) => {
            let mut out = title(lang.pick("linea strategica", "strategic line"));
            if let Some(a) = model
                .strategici
                .iter()
                .find(|x| &x.code == c)
                .and_then(|x| x.ambito.as_ref())
            {
                out.push_str(&format!("\n\nambito {}", code(a)));
            }
            out
        }
        Symbol::Modello(_) => title(lang.pick("modello", "template")),
        Symbol::Measure(_) | Symbol::LocalMeasure(..) | Symbol::TemplateMeasure(..) => {
            measure(nav, s, lang)
        }
        Symbol::Indicator(item, name) => {
            let mut out = title(lang.pick("indicatore", "indicator"));
            let found = nav
                .objective_code(*item)
                .and_then(|c| indicator(model, c, name));
            if let Some((o, i)) = found {
                // The title may come from the template.
                if nav.title(s).is_none() && !i.title.is_empty() {
                    out.push_str(" — ");
                    out.push_str(&escape(&i.title));
                }
                out.push_str("\n\n");
                out.push_str(&indicator_details(doc, nav, model, o, i, lang));
            }
            out
        }
    }
}

fn measure(nav: &NavIndex, s: &Symbol, lang: Lang) -> String {
    let mut out = format!("**{}** {}", lang.pick("misura", "measure"), code(s.name()));
    let Some(info) = nav.measure(s) else {
        return out;
    };
    if let Some(d) = &info.description {
        out.push_str(" — ");
        out.push_str(&escape(d));
    }
    out.push_str(&format!("\n\nUdM: {}", code(&info.udm)));
    match (&info.code, s) {
        (Some(c), _) => out.push_str(&format!(
            "\n\n{}: {}",
            lang.pick("codice nel file delle misure", "code in measurement files"),
            code(c)
        )),
        (None, Symbol::TemplateMeasure(t, name)) => {
            let codes: Vec<String> = nav
                .users_of(t)
                .iter()
                .filter_map(|&o| nav.objective_code(o))
                .map(|o| code(&format!("{o}.{name}")))
                .collect();
            if !codes.is_empty() {
                out.push_str(&format!(
                    "\n\n{}: {}",
                    lang.pick("codici nel file delle misure", "codes in measurement files"),
                    codes.join(", ")
                ));
            }
        }
        _ => {}
    }
    out
}

/// The objective (by index in the model) and the indicator named `name` in it.
fn indicator<'m>(model: &'m Model, objective: &str, name: &str) -> Option<(usize, &'m Indicator)> {
    let o = model.objectives.iter().position(|o| o.code == objective)?;
    let i = model.objectives[o]
        .indicators
        .iter()
        .find(|i| i.name() == name)?;
    Some((o, i))
}

fn indicator_details(
    doc: &Document,
    nav: &NavIndex,
    model: &Model,
    o: usize,
    i: &Indicator,
    lang: Lang,
) -> String {
    let mut lines = vec![format!("UdM: {}", code(i.udm.canonical()))];
    if let Some(f) = &i.formula {
        let site = nav.formula_at(f.span.start);
        let written = site.map_or_else(
            || doc.text.get(f.span.range()).unwrap_or("").to_string(),
            |s| units_of_names(doc, nav, model, s),
        );
        let result = crate::check::formula_unit(model, o, f, &doc.text);
        lines.push(format!(
            "{}: {}",
            lang.pick("unità della formula", "formula unit"),
            code(&format!("{written} → {}", dim_text(result, lang)))
        ));
    }
    let years: Vec<String> = model
        .plan
        .years()
        .map(|y| {
            let t = report::target_text(i.target(y), i.udm);
            format!("{y} {}", code(&t))
        })
        .collect();
    if !years.is_empty() {
        lines.push(format!("target: {}", years.join(" · ")));
    }
    let objective = &model.objectives[o];
    let weight = if objective.equal_weights {
        format!(
            "{} ({})",
            report::weight_text(i.weight.share),
            lang.pick("pesi uguali", "equal weights")
        )
    } else if i.weight.share.is_zero() {
        "—".to_string()
    } else {
        report::weight_text(i.weight.share)
    };
    lines.push(format!("{}: {weight}", lang.pick("peso", "weight")));
    lines.join("  \n")
}

/// A formula with each name replaced by its unit: `risorse_utilizzate / risorse_stanziate`
/// → `€ / €`.
fn units_of_names(doc: &Document, nav: &NavIndex, model: &Model, site: &FormulaSite) -> String {
    let mut out = String::new();
    let mut at = site.expr.start;
    for o in nav.occurrences_in(site.expr) {
        out.push_str(doc.text.get(at..o.span.start).unwrap_or(""));
        out.push_str(&name_unit(nav, model, &o.symbol));
        at = o.span.end;
    }
    out.push_str(doc.text.get(at..site.expr.end).unwrap_or(""));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn name_unit(nav: &NavIndex, model: &Model, s: &Symbol) -> String {
    if let Some(m) = nav.measure(s) {
        return m.udm.clone();
    }
    if let Symbol::Indicator(item, name) = s
        && let Some((_, i)) = nav
            .objective_code(*item)
            .and_then(|c| indicator(model, c, name))
    {
        return i.udm.canonical().to_string();
    }
    "?".to_string()
}

fn dim_text(d: Option<Dim>, lang: Lang) -> &'static str {
    use crate::syntax::ast::Udm;
    let udm = match d {
        None => return "?",
        Some(Dim::Scalar) => return lang.pick("numero puro", "plain number"),
        Some(Dim::Ratio) => Udm::Percent,
        Some(Dim::Count) => Udm::Count,
        Some(Dim::Euro) => Udm::Euro,
        Some(Dim::Days) => Udm::Days,
        Some(Dim::Hours) => Udm::Hours,
        Some(Dim::Years) => Udm::Years,
        Some(Dim::Points) => Udm::Points,
        Some(Dim::Date) => Udm::Date,
        Some(Dim::YesNo) => Udm::YesNo,
    };
    udm.canonical()
}

/// Hover on a formula line outside its names: the indicator's (or template's) formula unit.
fn formula_site(
    doc: &Document,
    nav: &NavIndex,
    model: &Model,
    f: &FormulaSite,
    lang: Lang,
) -> String {
    match &f.owner {
        Owner::Indicator { objective, name } => {
            let mut out = format!(
                "**{}** {}",
                lang.pick("formula dell'indicatore", "formula of indicator"),
                code(&format!("{objective}.{name}"))
            );
            if let Some((o, i)) = indicator(model, objective, name) {
                out.push_str("\n\n");
                out.push_str(&indicator_details(doc, nav, model, o, i, lang));
            }
            out
        }
        Owner::Modello(t) => {
            let written = units_of_names(doc, nav, model, f);
            // The unit as computed for the first objective that uses this template's formula.
            let result = model.objectives.iter().enumerate().find_map(|(o, obj)| {
                obj.indicators.iter().find_map(|i| {
                    let formula = i.formula.as_ref()?;
                    (i.template() == Some(t) && formula.span == f.expr)
                        .then(|| crate::check::formula_unit(model, o, formula, &doc.text))
                })
            });
            format!(
                "**{}** {}\n\n{}: {}",
                lang.pick("formula del modello", "formula of template"),
                code(t),
                lang.pick("unità della formula", "formula unit"),
                code(&format!("{written} → {}", dim_text(result.flatten(), lang)))
            )
        }
    }
}

fn classification_at(
    nav: &NavIndex,
    model: &Model,
    offset: usize,
    lang: Lang,
    range: &mut Option<Span>,
) -> Option<String> {
    let i = nav
        .classifications
        .partition_point(|c| c.line.start <= offset);
    let c = nav.classifications.get(i.checked_sub(1)?)?;
    if offset > c.line.end {
        return None;
    }
    let m = &c.missione;
    let comparto = model.plan.comparto;
    let unknown = lang.pick("non è nel registro", "is not in the registry");
    if offset <= m.missione.span.end {
        *range = Some(m.missione.span);
        let text = match classification::mission(&m.missione.value, comparto) {
            Some(e) => format!("**missione** {} — {}", code(e.code), escape(e.name)),
            None => format!("**missione** {} {unknown}", code(&m.missione.value)),
        };
        return Some(text);
    }
    *range = Some(m.programma.span);
    let text =
        match classification::programme(&m.missione.value, &m.programma.value, comparto, lang) {
            Some(p) => {
                let mut out = format!("**programma** {} — {}", code(p.code), escape(p.name));
                if let Some(mission) = classification::mission(&m.missione.value, comparto) {
                    out.push_str(&format!(
                        "\n\nmissione {} — {}",
                        code(mission.code),
                        escape(mission.name)
                    ));
                }
                if let Some(note) = p.note {
                    out.push_str(&format!("\n\n{}", escape(&note)));
                }
                out
            }
            None => format!(
                "**programma** {} {unknown}",
                code(&format!("{} {}", m.missione.value, m.programma.value))
            ),
        };
    Some(text)
}

/// The long form of a diagnostic code, as `piano explain` gives it.
pub fn explanation(c: Code, message: &str, lang: Lang) -> String {
    let x = explain::explanation(c);
    let (wrong, right) = lang.pick(("Sbagliato", "Giusto"), ("Wrong", "Right"));
    // The project's own texts: their backticks are code.
    let mut out = format!("**{}**", c.as_str());
    if !message.is_empty() {
        out.push_str(" — ");
        out.push_str(message);
    }
    out.push_str(&format!(
        "\n\n{}\n\n{wrong}:\n```\n{}\n```\n{right}:\n```\n{}\n```",
        lang.pick(x.it, x.en),
        x.wrong,
        x.right
    ));
    out
}

/// A diagnostic code under the cursor inside a comment (`# consenti C0603: ...`).
fn code_in_comment(doc: &Document, offset: usize) -> Option<(Span, Code)> {
    let comments = &doc.analysis().parsed.comments;
    let i = comments.partition_point(|c| c.start <= offset);
    let comment = comments.get(i.checked_sub(1)?)?;
    if offset > comment.end {
        return None;
    }
    let text = doc.text.get(comment.range())?;
    let mut start = None;
    for (j, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if ch.is_ascii_alphanumeric() {
            start.get_or_insert(j);
            continue;
        }
        if let Some(s) = start.take() {
            let span = Span::new(comment.start + s, comment.start + j);
            if span.start <= offset
                && offset <= span.end
                && let Some(c) = Code::parse(&text[s..j])
            {
                return Some((span, c));
            }
        }
    }
    None
}
