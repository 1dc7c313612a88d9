//! `piano template PLAN`: the measurement file to fill in, with every code the plan needs in
//! plan order, its UdM and its description, and the `rilevazione` row.

use super::{FAILED, OK, Outcome, USAGE, files, write};
use crate::diagnostics::Lang;
use crate::diagnostics::render::{self, Format as DiagFormat};
use crate::eval::measurements::{COLUMNS, RILEVAZIONE};
use crate::eval::needs;
use crate::report::csv::text_cell;
use crate::syntax::vocab::Vocabulary;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct TemplateArgs {
    pub plan: PathBuf,
    pub output: Option<PathBuf>,
    pub lang: Lang,
    pub color: bool,
}

/// The template's text for a checked model.
pub fn template(model: &crate::check::Model, lang: Lang) -> String {
    let mut out = COLUMNS.join(";");
    out.push('\n');
    out.push_str(&format!(
        "{RILEVAZIONE};;;data;{}\n",
        text_cell(lang.pick(
            "Data della rilevazione (gg/mm/aaaa)",
            "Monitoring date (dd/mm/yyyy)"
        ))
    ));
    for need in needs::needed(model) {
        out.push_str(&format!(
            "{};;;{};{}\n",
            text_cell(&need.code),
            need.udm.canonical(),
            text_cell(&need.description)
        ));
    }
    out
}

pub fn run(args: &TemplateArgs) -> Outcome {
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
    let text = template(&checked.model, args.lang);
    match &args.output {
        None => out.stdout = text,
        Some(path) => {
            if let Err(e) = write::file(path, text.as_bytes()) {
                out.stderr.push_str(&e.message(args.lang));
                out.status = USAGE;
                return out;
            }
        }
    }
    out.status = OK;
    out
}
