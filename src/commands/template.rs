//! `piano template PLAN`: the measurement file to fill in, with every code the plan needs in
//! plan order, its UdM and its description, and the `rilevazione` row.

use super::{FAILED, OK, Outcome, USAGE, files, write};
use crate::diagnostics::Lang;
use crate::diagnostics::render::{self, Format as DiagFormat};
use crate::eval::measurements::{COLUMNS, RILEVAZIONE};
use crate::eval::needs;
use crate::report::csv::{BOM, text_cell};
use crate::syntax::vocab::Vocabulary;
use std::path::PathBuf;

/// What kind of file the template is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateFormat {
    Csv,
    Xlsx,
}

impl TemplateFormat {
    /// The format a file name asks for: `.xlsx` a workbook, anything else CSV.
    pub fn of_path(path: &std::path::Path) -> TemplateFormat {
        let xlsx = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        if xlsx {
            TemplateFormat::Xlsx
        } else {
            TemplateFormat::Csv
        }
    }
}

#[derive(Clone, Debug)]
pub struct TemplateArgs {
    pub plan: PathBuf,
    pub output: Option<PathBuf>,
    /// `--format`; without it, the output file's extension decides.
    pub format: Option<TemplateFormat>,
    pub lang: Lang,
    pub color: bool,
    /// Whether standard output is a terminal (a workbook is not printed there).
    pub stdout_is_terminal: bool,
}

/// The template's text for a checked model, with CRLF line ends (what Excel writes). The
/// file also starts with a byte order mark ([`BOM`]), without which Excel reads UTF-8 as
/// Windows-1252 and shows `â‚¬` for `€`.
pub fn template(model: &crate::check::Model, lang: Lang) -> String {
    let mut out = COLUMNS.join(";");
    out.push_str("\r\n");
    out.push_str(&format!(
        "{RILEVAZIONE};;;data;{}\r\n",
        text_cell(lang.pick(
            "Data della rilevazione (gg/mm/aaaa)",
            "Monitoring date (dd/mm/yyyy)"
        ))
    ));
    for need in needs::needed(model) {
        out.push_str(&format!(
            "{};;;{};{}\r\n",
            text_cell(need.code),
            need.udm.canonical(),
            text_cell(need.description)
        ));
    }
    out
}

pub fn run(args: &TemplateArgs) -> Outcome {
    let format = args.format.unwrap_or_else(|| {
        args.output
            .as_deref()
            .map_or(TemplateFormat::Csv, TemplateFormat::of_path)
    });
    if format == TemplateFormat::Xlsx && args.output.is_none() && args.stdout_is_terminal {
        return super::refuse_binary_to_terminal(args.lang, "misure.xlsx");
    }
    let mut out = Outcome::default();
    let options = render::Options {
        lang: args.lang,
        format: DiagFormat::Human,
        color: args.color,
    };
    if let Some(output) = &args.output
        && let Err(e) = write::refuse_inputs(output, &[&args.plan])
    {
        out.stderr = e.message(args.lang);
        out.status = USAGE;
        return out;
    }
    let (plan, problem) = files::read_plan(&args.plan);
    if let Some(d) = problem {
        out.stderr = render::render(&plan, &[d], options);
        out.status = USAGE;
        return out;
    }
    let checked = crate::check_plan(&plan);
    out.stderr = render::render(&plan, &checked.diagnostics, options);
    if checked.has_errors() {
        out.stderr.push_str(args.lang.pick(
            "piano: il piano ha errori: nessun modello\n",
            "piano: the plan has errors: no template\n",
        ));
        out.status = FAILED;
        return out;
    }
    let bytes = match format {
        TemplateFormat::Csv => format!("{BOM}{}", template(&checked.model, args.lang)).into_bytes(),
        TemplateFormat::Xlsx => match super::template_xlsx::workbook(&checked.model, args.lang) {
            Ok(bytes) => bytes,
            Err(e) => {
                out.stderr.push_str(&args.lang.pick(
                    format!("piano: errore interno nello scrivere la cartella di lavoro ({e}); per favore segnalalo\n"),
                    format!("piano: internal error writing the workbook ({e}); please report it\n"),
                ));
                out.status = FAILED;
                return out;
            }
        },
    };
    match &args.output {
        None => match String::from_utf8(bytes) {
            Ok(text) => out.stdout = text,
            Err(binary) => out.stdout_bytes = binary.into_bytes(),
        },
        Some(path) => {
            if let Err(e) = write::file(path, &bytes) {
                out.stderr.push_str(&e.message(args.lang));
                out.status = USAGE;
                return out;
            }
        }
    }
    out.status = OK;
    out
}
