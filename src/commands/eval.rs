//! `piano eval PLAN MEASUREMENTS`: check the plan, read the measurement file, score, report.
//! Diagnostics go to standard error (so that the report on standard output stays clean); a
//! plan or a measurement file with errors produces no report and exit status 1.

use super::{FAILED, OK, Outcome, USAGE, count, files, write};
use crate::diagnostics::render::{self, Format as DiagFormat};
use crate::diagnostics::{Diagnostic, Lang, Severity};
use crate::eval::{self, Place};
use crate::report::{self, Format};
use crate::source::Source;
use crate::syntax::literal;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct EvalArgs {
    pub plan: PathBuf,
    pub measurements: PathBuf,
    /// `--as-of DD/MM/YYYY`, as written.
    pub as_of: Option<String>,
    pub year: Option<i32>,
    pub format: Format,
    pub output: Option<PathBuf>,
    pub lang: Lang,
    /// Colours and bars in the text report (a terminal without `NO_COLOR`).
    pub fancy: bool,
    /// Colours in diagnostics.
    pub color: bool,
    /// `--responsabile TEXT`: only the objectives whose `responsabile` contains it.
    pub responsabile: Option<String>,
}

/// Diagnostics printed so far, for the closing summary.
#[derive(Default)]
struct Tally {
    errors: usize,
    warnings: usize,
}

impl Tally {
    /// Renders the diagnostics of `source`; `plan` is given for the measurement file, whose
    /// diagnostics may show places in the plan.
    fn render(
        &mut self,
        out: &mut Outcome,
        source: &Source,
        plan: Option<&Source>,
        diagnostics: &[Diagnostic],
        args: &EvalArgs,
    ) {
        for d in diagnostics {
            match d.severity() {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
            }
        }
        out.stderr.push_str(&render::render_with_plan(
            source,
            plan,
            diagnostics,
            render::Options {
                lang: args.lang,
                format: DiagFormat::Human,
                color: args.color,
            },
        ));
    }

    fn summary(&self, lang: Lang, reported: bool) -> String {
        let problems = match (self.errors, self.warnings) {
            (0, 0) => return String::new(),
            (e, 0) => count(lang, e, ("errore", "errori"), ("error", "errors")),
            (0, w) => count(lang, w, ("avviso", "avvisi"), ("warning", "warnings")),
            (e, w) => format!(
                "{}, {}",
                count(lang, e, ("errore", "errori"), ("error", "errors")),
                count(lang, w, ("avviso", "avvisi"), ("warning", "warnings"))
            ),
        };
        let tail = if reported {
            ""
        } else {
            lang.pick(": nessun report", ": no report")
        };
        format!("piano: {problems}{tail}\n")
    }
}

pub fn run(args: &EvalArgs) -> Outcome {
    let lang = args.lang;
    let mut out = Outcome::default();
    let mut tally = Tally::default();

    let as_of = match &args.as_of {
        None => None,
        Some(text) => match literal::parse_date(text.trim()) {
            Ok(d) => Some(d),
            Err(_) => {
                out.stderr = lang.pick(
                    format!("piano: `--as-of {text}` non è una data: scrivi giorno/mese/anno, per esempio `--as-of 30/06/2024`\n"),
                    format!("piano: `--as-of {text}` is not a date: write day/month/year, for example `--as-of 30/06/2024`\n"),
                );
                out.status = USAGE;
                return out;
            }
        },
    };

    // Before anything is read: `-o plan.piano` would replace the plan with its report.
    if let Some(output) = &args.output
        && let Err(e) = write::refuse_inputs(output, &[&args.plan, &args.measurements])
    {
        out.stderr = e.message(lang);
        out.status = USAGE;
        return out;
    }

    let (plan, problem) = files::read_plan(&args.plan);
    if let Some(d) = problem {
        tally.render(&mut out, &plan, None, &[d], args);
        out.stderr
            .push_str(&unreadable_argument(lang, &plan.name, Argument::Plan));
        out.status = USAGE;
        return out;
    }
    let checked = crate::check_plan(&plan);
    tally.render(&mut out, &plan, None, &checked.diagnostics, args);
    if checked.has_errors() {
        out.stderr.push_str(&tally.summary(lang, false));
        out.status = FAILED;
        return out;
    }
    let model = &checked.model;

    let (source, problem) = files::read(&args.measurements);
    if let Some(d) = problem {
        tally.render(&mut out, &source, None, &[d], args);
        out.stderr.push_str(&unreadable_argument(
            lang,
            &source.name,
            Argument::Measurements,
        ));
        out.status = USAGE;
        return out;
    }
    let loaded = eval::load(model, &source);
    tally.render(&mut out, &source, Some(&plan), &loaded.diagnostics, args);
    if loaded.has_errors() {
        out.stderr.push_str(&tally.summary(lang, false));
        out.status = FAILED;
        return out;
    }

    let options = eval::Options {
        as_of,
        year: args.year,
    };
    let (evaluation, located) = eval::evaluate(model, &plan.text, &loaded.measurements, options);
    // Each file's diagnostics together, so that the cap on their number applies per file.
    let of = |place: fn(&Place) -> bool| -> Vec<Diagnostic> {
        located
            .iter()
            .filter(|l| place(&l.place))
            .map(|l| l.diagnostic.clone())
            .collect()
    };
    let in_plan = of(|p| matches!(p, Place::Plan));
    tally.render(&mut out, &plan, None, &in_plan, args);
    let in_file = of(|p| matches!(p, Place::Measurements));
    tally.render(&mut out, &source, Some(&plan), &in_file, args);
    for l in &located {
        if let place @ Place::CommandLine { .. } = &l.place {
            let cli = place.source().unwrap_or_else(|| Source::new("", ""));
            tally.render(
                &mut out,
                &cli,
                None,
                std::slice::from_ref(&l.diagnostic),
                args,
            );
        }
    }
    let Some(evaluation) = evaluation.filter(|_| tally.errors == 0) else {
        out.stderr.push_str(&tally.summary(lang, false));
        out.status = FAILED;
        return out;
    };

    let filtered = match &args.responsabile {
        None => None,
        Some(wanted) => match eval::filter::by_responsabile(model, &evaluation, wanted) {
            Some(f) => Some(f),
            None => {
                let known = eval::filter::responsabili(model);
                let known = if known.is_empty() {
                    lang.pick(
                        "il piano non indica nessun `responsabile`".to_string(),
                        "the plan names no `responsabile`".to_string(),
                    )
                } else {
                    let list: Vec<String> = known.iter().map(|r| format!("\"{r}\"")).collect();
                    lang.pick(
                        format!("i responsabili del piano sono {}", list.join(", ")),
                        format!("the plan's responsabili are {}", list.join(", ")),
                    )
                };
                out.stderr.push_str(&lang.pick(
                    format!("piano: nessun obiettivo ha un responsabile che contiene \"{wanted}\": {known}\n"),
                    format!("piano: no objective has a responsabile containing \"{wanted}\": {known}\n"),
                ));
                out.status = USAGE;
                return out;
            }
        },
    };
    let (model, evaluation) = match &filtered {
        Some((m, e)) => (m, e),
        None => (model, &evaluation),
    };
    let fancy = args.fancy && args.output.is_none();
    let text = report::render(
        args.format,
        report::Report {
            model,
            eval: evaluation,
        },
        report::Options { lang, fancy },
    );
    match &args.output {
        None => out.stdout = text,
        Some(path) => {
            if let Err(e) = write::file(path, text.as_bytes()) {
                out.stderr.push_str(&e.message(lang));
                out.status = USAGE;
                return out;
            }
        }
    }
    out.stderr.push_str(&tally.summary(lang, true));
    out.status = OK;
    out
}

/// Which of `piano eval`'s two files could not be read.
#[derive(Clone, Copy)]
enum Argument {
    Plan,
    Measurements,
}

/// `piano: manca.csv (il file delle misure, secondo argomento) non si può leggere: nessun report`.
fn unreadable_argument(lang: Lang, name: &str, which: Argument) -> String {
    let what = match which {
        Argument::Plan => lang.pick("il piano, primo argomento", "the plan, first argument"),
        Argument::Measurements => lang.pick(
            "il file delle misure, secondo argomento",
            "the measurement file, second argument",
        ),
    };
    lang.pick(
        format!("piano: `{name}` ({what}) non si può leggere: nessun report\n"),
        format!("piano: `{name}` ({what}) cannot be read: no report\n"),
    )
}
