//! Diagnostics → text: miette's graphical reports for people, JSON lines for tools, and one
//! short line per diagnostic for CI logs and editors.

use super::{Diagnostic, Lang, Severity, Texts};
use crate::source::Source;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceSpan};
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

/// Renders every diagnostic of one source, in order.
pub fn render(source: &Source, diagnostics: &[Diagnostic], options: Options) -> String {
    let mut out = String::new();
    let named = (options.format == Format::Human && !diagnostics.is_empty()).then(|| Named {
        name: source.name.clone(),
        text: source.text.as_str(),
    });
    for d in diagnostics {
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
                if let Some(named) = &named {
                    out.push_str(&human(named, source, d, &texts, options));
                    out.push('\n');
                }
            }
            Format::Json => {
                out.push_str(&json(source, d, &texts).to_string());
                out.push('\n');
            }
            Format::Short => {
                out.push_str(&short(source, d, &texts, options.lang));
                out.push('\n');
            }
        }
    }
    out
}

pub fn severity_word(lang: Lang, severity: Severity) -> &'static str {
    match (lang, severity) {
        (Lang::It, Severity::Error) => "errore",
        (Lang::It, Severity::Warning) => "avviso",
        (Lang::En, Severity::Error) => "error",
        (Lang::En, Severity::Warning) => "warning",
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
    let (line, col) = source.line_col(d.span.start);
    let accepted = if d.accepted.is_some() {
        lang.pick(" (accettato)", " (accepted)")
    } else {
        ""
    };
    format!(
        "{}:{line}:{col}: {}[{}]{accepted}: {}",
        source.name,
        severity_word(lang, d.severity()),
        d.code(),
        texts.message
    )
}

fn json(source: &Source, d: &Diagnostic, texts: &Texts) -> serde_json::Value {
    let (line, column) = source.line_col(d.span.start);
    let (end_line, end_column) = source.line_col(d.span.end);
    let labels: Vec<serde_json::Value> = texts
        .related
        .iter()
        .map(|(span, label)| {
            let (line, column) = source.line_col(span.start);
            serde_json::json!({
                "start": span.start,
                "end": span.end,
                "line": line,
                "column": column,
                "message": label,
            })
        })
        .collect();
    let fixes: Vec<serde_json::Value> = texts
        .fixes
        .iter()
        .map(|fix| {
            let edits: Vec<serde_json::Value> = fix
                .edits
                .iter()
                .map(|e| {
                    serde_json::json!({
                        "start": e.span.start,
                        "end": e.span.end,
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
    serde_json::json!({
        "file": source.name,
        "start": d.span.start,
        "end": d.span.end,
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
    })
}

fn human(
    named: &Named,
    source: &Source,
    d: &Diagnostic,
    texts: &Texts,
    options: Options,
) -> String {
    // A problem with the file as a whole has no place in it to show.
    let whole_file = matches!(d.kind, super::Kind::File(_));
    let mut labels = Vec::new();
    if !whole_file {
        labels.push(LabeledSpan::new_primary_with_span(
            texts.label.clone(),
            to_miette(source, d.span),
        ));
    }
    for (span, label) in &texts.related {
        labels.push(LabeledSpan::new_with_span(
            Some(label.clone()),
            to_miette(source, *span),
        ));
    }
    let report = Report {
        message: texts.message.clone(),
        code: d.code().as_str(),
        severity: match d.severity() {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        },
        help: texts.help.clone(),
        labels,
        source: named,
    };
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let mut out = String::new();
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false);
    if handler.render_report(&mut out, &report).is_err() {
        // Rendering into a String cannot fail short of a bug in miette; fall back to the
        // short form rather than losing the diagnostic.
        out = short(source, d, texts, options.lang);
        out.push('\n');
    }
    out
}

/// Spans beyond the text (at the very end of a file) are clamped, which miette requires.
fn to_miette(source: &Source, span: crate::span::Span) -> SourceSpan {
    let len = source.text.len();
    let start = span.start.min(len);
    let end = span.end.clamp(start, len);
    SourceSpan::new(start.into(), end - start)
}

#[derive(Debug)]
struct Report<'a> {
    message: String,
    code: &'static str,
    severity: miette::Severity,
    help: Option<String>,
    labels: Vec<LabeledSpan>,
    source: &'a Named<'a>,
}

/// The source as miette reads it, with columns counted in characters (miette's own count
/// bytes, which puts `€` and `à` three and two columns wide in the report's header).
#[derive(Debug)]
struct Named<'a> {
    name: String,
    text: &'a str,
}

impl miette::SourceCode for Named<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'b> + 'b>, miette::MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        let offset = inner.span().offset();
        let line_start = self.text[..offset.min(self.text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let column = self
            .text
            .get(line_start..offset)
            .map_or(inner.column(), |s| s.chars().count());
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.code))
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
