//! Diagnostics → text: miette's graphical reports for people, JSON lines for tools, and one
//! short line per diagnostic for CI logs and editors.

use super::snippet::{CONTEXT_LINES, Excerpts};
use super::{Diagnostic, Lang, Severity, Texts};
use crate::controls;
use crate::source::Source;
use crate::span::Span;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan};
use std::fmt;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// miette's reports with the source snippet.
    #[default]
    Human,
    /// One JSON object per line.
    Json,
    /// `file:line:col: errore[CODE]: message`.
    Short,
}

#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub lang: Lang,
    pub format: Format,
    pub color: bool,
}

/// At most this many diagnostics of one file are printed for people (human and short
/// formats); a closing line says how many more there are. JSON lists them all, for tools.
pub const MAX_SHOWN: usize = 200;

/// Renders the diagnostics of one source, in order (at most [`MAX_SHOWN`] for people).
pub fn render(source: &Source, diagnostics: &[Diagnostic], options: Options) -> String {
    render_with_plan(source, None, diagnostics, options)
}

/// As [`render`], for a file read against `plan` (a measurement file): places in the plan
/// that a diagnostic names are shown against the plan.
pub fn render_with_plan(
    source: &Source,
    plan: Option<&Source>,
    diagnostics: &[Diagnostic],
    options: Options,
) -> String {
    render_limited(source, plan, diagnostics, options, Some(MAX_SHOWN))
}

/// As [`render_with_plan`], printing at most `limit` diagnostics for people (`None`: all).
pub fn render_limited(
    source: &Source,
    plan: Option<&Source>,
    diagnostics: &[Diagnostic],
    options: Options,
    limit: Option<usize>,
) -> String {
    let mut out = String::new();
    let shown = match (options.format, limit) {
        (Format::Json, _) | (_, None) => diagnostics.len(),
        (_, Some(limit)) => diagnostics.len().min(limit),
    };
    for d in &diagnostics[..shown] {
        let mut texts = d.texts(options.lang);
        if let (Some(reason), Format::Human) = (&d.accepted, options.format) {
            let accepted = accepted_line(options.lang, reason);
            texts.help = Some(match texts.help.take() {
                Some(help) => format!("{help}\n{accepted}"),
                None => accepted,
            });
        }
        match options.format {
            Format::Human => {
                out.push_str(&human(source, plan, d, &texts, options));
                out.push('\n');
            }
            Format::Json => {
                out.push_str(&json(source, plan, d, &texts).to_string());
                out.push('\n');
            }
            Format::Short => {
                out.push_str(&short(source, d, &texts, options.lang));
                out.push('\n');
            }
        }
    }
    let more = diagnostics.len() - shown;
    if more > 0 {
        out.push_str(&omitted(source, more, shown, options.lang));
        out.push('\n');
    }
    out
}

/// The closing line of a file with more diagnostics than are shown.
fn omitted(source: &Source, more: usize, shown: usize, lang: Lang) -> String {
    let name = controls::escape(&source.name);
    let n = crate::italian::group_thousands(&more.to_string());
    match lang {
        Lang::It => format!(
            "{name}: … e {} (mostrati i primi {shown}; `--format json` li elenca tutti)",
            if more == 1 {
                "un altro problema".to_string()
            } else {
                format!("altri {n} problemi")
            }
        ),
        Lang::En => format!(
            "{name}: … and {more} more {} (the first {shown} are shown; `--format json` lists them all)",
            if more == 1 { "problem" } else { "problems" }
        ),
    }
}

pub fn severity_word(lang: Lang, severity: Severity) -> &'static str {
    match (lang, severity) {
        (Lang::It, Severity::Error) => "errore",
        (Lang::It, Severity::Warning) => "avviso",
        (Lang::En, Severity::Error) => "error",
        (Lang::En, Severity::Warning) => "warning",
    }
}

/// `file:line:col`, or `file:Misure!C12` in a workbook.
fn location(source: &Source, offset: usize) -> String {
    match source.place(offset) {
        Some(cell) => format!("{}:{cell}", controls::escape(&source.name)),
        None => {
            let (line, col) = source.line_col(offset);
            format!("{}:{line}:{col}", controls::escape(&source.name))
        }
    }
}

/// "accettato: motivo", for a warning accepted by a `consenti` comment.
fn accepted_line(lang: Lang, reason: &str) -> String {
    match (lang, reason.is_empty()) {
        (Lang::It, false) => format!("accettato con `consenti`: {reason}"),
        (Lang::En, false) => format!("accepted with `consenti`: {reason}"),
        (Lang::It, true) => "accettato con `consenti`, senza motivo".into(),
        (Lang::En, true) => "accepted with `consenti`, without a reason".into(),
    }
}

fn short(source: &Source, d: &Diagnostic, texts: &Texts, lang: Lang) -> String {
    let accepted = if d.accepted.is_some() {
        lang.pick(" (accettato)", " (accepted)")
    } else {
        ""
    };
    format!(
        "{}: {}[{}]{accepted}: {}",
        location(source, source.clamp(d.span).start),
        severity_word(lang, d.severity()),
        d.code(),
        controls::escape(&texts.message)
    )
}

/// A label as JSON: its span (clamped into its file), line, column, file and message.
fn json_label(source: &Source, span: Span, message: &str) -> serde_json::Value {
    let span = source.clamp(span);
    let (line, column) = source.line_col(span.start);
    serde_json::json!({
        "file": source.name,
        "start": span.start,
        "end": span.end,
        "line": line,
        "column": column,
        "message": message,
    })
}

fn json(
    source: &Source,
    plan: Option<&Source>,
    d: &Diagnostic,
    texts: &Texts,
) -> serde_json::Value {
    let span = source.clamp(d.span);
    let (line, column) = source.line_col(span.start);
    let (end_line, end_column) = source.line_col(span.end);
    let mut labels: Vec<serde_json::Value> = texts
        .related
        .iter()
        .map(|(span, label)| json_label(source, *span, label))
        .collect();
    if let Some(plan) = plan {
        labels.extend(
            texts
                .in_plan
                .iter()
                .map(|(span, label)| json_label(plan, *span, label)),
        );
    }
    let fixes: Vec<serde_json::Value> = texts
        .fixes
        .iter()
        .map(|fix| {
            let edits: Vec<serde_json::Value> = fix
                .edits
                .iter()
                .map(|e| {
                    let span = source.clamp(e.span);
                    serde_json::json!({
                        "start": span.start,
                        "end": span.end,
                        "replacement": e.replacement,
                    })
                })
                .collect();
            serde_json::json!({
                "title": fix.title,
                "applicability": fix.applicability.as_str(),
                "edits": edits,
            })
        })
        .collect();
    let mut object = serde_json::json!({
        "file": source.name,
        "start": span.start,
        "end": span.end,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "code": d.code().as_str(),
        "severity": match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        "message": texts.message,
        "label": texts.label,
        "help": texts.help,
        "labels": labels,
        "fixes": fixes,
        "accettato": d.accepted.is_some(),
        "motivo": d.accepted.as_deref().filter(|r| !r.is_empty()),
    });
    if let (Some(cell), Some(map)) = (source.place(d.span.start), object.as_object_mut()) {
        map.insert("cell".into(), cell.into());
    }
    object
}

fn human(
    source: &Source,
    plan: Option<&Source>,
    d: &Diagnostic,
    texts: &Texts,
    options: Options,
) -> String {
    let escaped = |s: &String| controls::escape(s).into_owned();
    // A problem with the file as a whole has no place in it to show.
    let whole_file = matches!(
        d.kind,
        super::Kind::File(
            super::FileError::Unreadable { .. }
                | super::FileError::NotText
                | super::FileError::NotRegular { .. }
                | super::FileError::TooLarge { .. }
        ) | super::Kind::Measure(crate::eval::error::MeasureError::WorkbookUnreadable { .. })
    );
    let mut spans = Vec::new();
    if !whole_file {
        spans.push(d.span);
    }
    spans.extend(texts.related.iter().map(|(s, _)| *s));
    let (excerpts, mapped) = Excerpts::new(source, controls::escape(&source.name).into(), &spans);
    let mut mapped = mapped.into_iter();
    let mut labels = Vec::new();
    if !whole_file && let Some(span) = mapped.next() {
        labels.push(LabeledSpan::new_primary_with_span(
            texts.label.as_ref().map(escaped),
            span,
        ));
    }
    for ((_, label), span) in texts.related.iter().zip(mapped) {
        labels.push(LabeledSpan::new_with_span(Some(escaped(label)), span));
    }
    // Places in the plan: a note of their own, with the plan's snippet.
    let elsewhere = plan.filter(|_| !texts.in_plan.is_empty()).map(|plan| {
        let spans: Vec<Span> = texts.in_plan.iter().map(|(s, _)| *s).collect();
        let (excerpts, mapped) = Excerpts::new(plan, controls::escape(&plan.name).into(), &spans);
        let labels: Vec<LabeledSpan> = mapped
            .into_iter()
            .map(|span| LabeledSpan::new_primary_with_span(None, span))
            .collect();
        let message = texts
            .in_plan
            .iter()
            .map(|(_, l)| escaped(l))
            .collect::<Vec<_>>()
            .join("; ");
        (excerpts, labels, message)
    });
    let report = Report {
        // Without a snippet, miette would not name the file.
        message: if whole_file {
            format!(
                "{}: {}",
                controls::escape(&source.name),
                escaped(&texts.message)
            )
        } else {
            escaped(&texts.message)
        },
        code: Some(d.code().as_str()),
        severity: match d.severity() {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        },
        help: texts.help.as_ref().map(escaped),
        labels,
        source: &excerpts,
    };
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let mut out = String::new();
    let mut handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false)
        .with_context_lines(CONTEXT_LINES);
    if source.place(0).is_some() {
        // A workbook: the header names the cell (`misure.xlsx:Misure!C12`), not a line and
        // column of its text view.
        handler = handler.without_primary_span_start();
    }
    if handler.render_report(&mut out, &report).is_err() {
        // Rendering into a String cannot fail short of a bug in miette; fall back to the
        // short form rather than losing the diagnostic.
        out = short(source, d, texts, options.lang);
        out.push('\n');
        return out;
    }
    // The note with the plan's snippet is a report of its own after the main one, not a
    // miette "related" report: miette heads those with an English `Advice:` line.
    if let Some((excerpts, labels, message)) = &elsewhere {
        let note = Report {
            message: message.clone(),
            code: None,
            severity: miette::Severity::Advice,
            help: None,
            labels: labels.clone(),
            source: excerpts,
        };
        out.push('\n');
        let _ = handler.render_report(&mut out, &note);
    }
    out
}

#[derive(Debug)]
struct Report<'a> {
    message: String,
    code: Option<&'static str>,
    severity: miette::Severity,
    help: Option<String>,
    labels: Vec<LabeledSpan>,
    source: &'a Excerpts<'a>,
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.code.map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}
