//! `piano eval PLAN MEASUREMENTS…`: check the plan, read the measurement files, score,
//! report. With several files (one per monitoring date) each is scored on its own and the
//! report puts the dates side by side, oldest first (`eval::series`). Diagnostics go to
//! standard error (so that the report on standard output stays clean); a plan or a
//! measurement file with errors produces no report and exit status 1.

use super::plan_text::{self, PlanText};
use super::{FAILED, OK, Outcome, USAGE, count, files, write};
use crate::diagnostics::render::{self, Format as DiagFormat};
use crate::diagnostics::{Diagnostic, Lang, Severity};
use crate::eval::{self, Place};
use crate::report::{self, Format};
use crate::source::Source;
use crate::span::Span;
use crate::syntax::literal;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct EvalArgs {
    pub plan: PathBuf,
    /// One file per monitoring date, in any order.
    pub measurements: Vec<PathBuf>,
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
    /// Whether standard output is a terminal (a workbook is not printed there).
    pub stdout_is_terminal: bool,
    /// `--responsabile TEXT`: only the objectives whose `responsabile` contains it.
    pub responsabile: Option<String>,
    /// `--ordina`: plan order, or the lowest performance first.
    pub order: report::Order,
    /// `--layout` of the CSV report.
    pub layout: report::CsvLayout,
    /// A plan of at least this many bytes is let go once checked, and read again if a
    /// diagnostic shows a place in it ([`plan_text::RELEASE_FROM`]; tests lower it).
    pub release_plan_from: usize,
}

impl Default for EvalArgs {
    fn default() -> Self {
        EvalArgs {
            plan: PathBuf::new(),
            measurements: Vec::new(),
            as_of: None,
            year: None,
            format: Format::default(),
            output: None,
            lang: Lang::It,
            fancy: false,
            color: false,
            stdout_is_terminal: false,
            responsabile: None,
            order: report::Order::Plan,
            layout: report::CsvLayout::Wide,
            release_plan_from: plan_text::RELEASE_FROM,
        }
    }
}

impl EvalArgs {
    /// The arguments of `piano eval PLAN MEASUREMENTS... --format FORMAT` with every other
    /// option at its default: Italian, no colours, plan order, wide CSV, standard output.
    pub fn new(plan: impl Into<PathBuf>, measurements: &[PathBuf], format: Format) -> Self {
        EvalArgs {
            plan: plan.into(),
            measurements: measurements.to_vec(),
            format,
            ..EvalArgs::default()
        }
    }
}

/// Diagnostics printed so far, for the closing summary.
#[derive(Default)]
struct Tally {
    errors: usize,
    warnings: usize,
}

impl Tally {
    /// Renders the diagnostics of `source`; `plan` is given for the measurement file, whose
    /// diagnostics may show places in the plan (read again only if one does).
    fn render(
        &mut self,
        out: &mut Outcome,
        source: &Source,
        plan: Option<&PlanText>,
        diagnostics: &[Diagnostic],
        args: &EvalArgs,
    ) {
        if diagnostics.is_empty() {
            return;
        }
        let plan = plan
            .filter(|_| {
                diagnostics
                    .iter()
                    .any(|d| !d.texts(args.lang).in_plan.is_empty())
            })
            .map(PlanText::source);
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

/// Runs the command with the report in the outcome's `stdout` (for tests and embedding).
pub fn run(args: &EvalArgs) -> Outcome {
    let mut report = Vec::new();
    let mut out = run_to(args, &mut report);
    if args.format == Format::Xlsx {
        out.stdout_bytes = report;
    } else {
        out.stdout = String::from_utf8(report).unwrap_or_default();
    }
    out
}

/// Runs the command, writing the report to `stdout` (without `-o`) as it walks the plan. A
/// failed write is exit status 2 with a message, except a closed pipe (`| head`), as in
/// `main`'s own printing.
pub fn run_to(args: &EvalArgs, stdout: &mut dyn std::io::Write) -> Outcome {
    let lang = args.lang;
    if args.format == Format::Xlsx && args.output.is_none() && args.stdout_is_terminal {
        return super::refuse_binary_to_terminal(lang, "report.xlsx");
    }
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
    let inputs: Vec<&std::path::Path> = std::iter::once(args.plan.as_path())
        .chain(args.measurements.iter().map(|p| p.as_path()))
        .collect();
    if let Some(output) = &args.output
        && let Err(e) = write::refuse_inputs(output, &inputs)
    {
        out.stderr = e.message(lang);
        out.status = USAGE;
        return out;
    }

    let stamp = plan_text::Stamp::of(&args.plan);
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
    let plan = PlanText::new(plan, &args.plan, stamp, args.release_plan_from);
    let model = &checked.model;
    if args.measurements.len() > 1 && as_of.is_some() {
        out.stderr = lang
            .pick(
                "piano: `--as-of` vale per un solo file delle misure: con più file ognuno ha la sua riga `rilevazione`\n",
                "piano: `--as-of` applies to one measurement file only: with several files each has its own `rilevazione` row\n",
            )
            .to_string();
        out.status = USAGE;
        return out;
    }

    let options = eval::Options {
        as_of,
        year: args.year,
    };
    let mut dated = Vec::new();
    let mut sources = Vec::new();
    for (k, path) in args.measurements.iter().enumerate() {
        let (source, loaded) = match load_measurements(model, path) {
            Ok(x) => x,
            Err(problem) => {
                let (source, d) = *problem;
                tally.render(&mut out, &source, None, &[d], args);
                out.stderr.push_str(&unreadable_argument(
                    lang,
                    &source.name,
                    Argument::Measurements(k + 2),
                ));
                out.status = USAGE;
                return out;
            }
        };
        tally.render(&mut out, &source, Some(&plan), &loaded.diagnostics, args);
        if loaded.has_errors() {
            sources.push(source);
            continue;
        }
        let (evaluation, located) = eval::evaluate(model, &plan, &loaded.measurements, options);
        // Each file's diagnostics together, so that the cap on their number applies per file.
        let of = |place: fn(&Place) -> bool| -> Vec<Diagnostic> {
            located
                .iter()
                .filter(|l| place(&l.place))
                .map(|l| l.diagnostic.clone())
                .collect()
        };
        let in_plan = of(|p| matches!(p, Place::Plan));
        if !in_plan.is_empty() {
            tally.render(&mut out, plan.source(), None, &in_plan, args);
        }
        let in_file = of(|p| matches!(p, Place::Measurements));
        tally.render(&mut out, &source, Some(&plan), &in_file, args);
        for l in &located {
            if let place @ Place::CommandLine { .. } = &l.place {
                let cli = place.source().unwrap_or_else(|| Source::new("", ""));
                let one = std::slice::from_ref(&l.diagnostic);
                tally.render(&mut out, &cli, None, one, args);
            }
        }
        if let Some(evaluation) = evaluation {
            dated.push(eval::series::Dated {
                evaluation,
                name: source.name.clone(),
                monitoring: loaded.measurements.monitoring.map(|(_, span)| span),
            });
            sources.push(source);
        }
    }
    if plan.changed() {
        out.stderr.push_str(&lang.pick(
            format!("piano: `{}` è cambiato dopo il controllo: gli errori e gli avvisi qui sopra non ne mostrano le righe; il report è del piano controllato\n", args.plan.display()),
            format!("piano: `{}` changed after its check: the errors and warnings above do not show its lines; the report is of the plan as checked\n", args.plan.display()),
        ));
    }
    if tally.errors > 0 {
        out.stderr.push_str(&tally.summary(lang, false));
        out.status = FAILED;
        return out;
    }
    let names: Vec<String> = dated.iter().map(|d| d.name.clone()).collect();
    let evaluations = match eval::series::order(dated) {
        Ok(e) => e,
        Err(problems) => {
            for (k, d) in problems {
                let source = sources
                    .iter()
                    .find(|s| Some(&s.name) == names.get(k))
                    .cloned()
                    .unwrap_or_else(|| Source::new("", ""));
                tally.render(&mut out, &source, None, &[d], args);
            }
            out.stderr.push_str(&tally.summary(lang, false));
            out.status = FAILED;
            return out;
        }
    };
    if evaluations.is_empty() {
        out.stderr.push_str(&tally.summary(lang, false));
        out.status = FAILED;
        return out;
    }

    let filtered = match &args.responsabile {
        None => None,
        Some(wanted) => {
            let each: Option<Vec<_>> = evaluations
                .iter()
                .map(|e| eval::filter::by_responsabile(model, e, wanted))
                .collect();
            match each {
                Some(each) => Some(each),
                None => {
                    out.stderr
                        .push_str(&no_such_responsabile(model, wanted, lang));
                    out.status = USAGE;
                    return out;
                }
            }
        }
    };
    // The filter keeps the same objectives at every date: one model for all.
    let (filtered_model, evaluations) = match filtered {
        Some(each) => {
            let model = each.first().map(|(m, _)| m.clone());
            (model, each.into_iter().map(|(_, e)| e).collect())
        }
        None => (None, evaluations),
    };
    let model = filtered_model.as_ref().unwrap_or(&checked.model);
    let fancy = args.fancy && args.output.is_none();
    let options = report::Options {
        lang,
        fancy,
        layout: args.layout,
    };
    let fill = |w: &mut dyn std::io::Write| match report::Report::series(
        model,
        &evaluations,
        args.order,
    ) {
        Some(r) => report::write(args.format, r, options, w),
        None => Ok(()),
    };
    match &args.output {
        None => {
            let mut buffered = std::io::BufWriter::new(stdout);
            let written = fill(&mut buffered).and_then(|()| std::io::Write::flush(&mut buffered));
            out.stderr.push_str(&tally.summary(lang, true));
            out.status = OK;
            if let Err(e) = written
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                out.stderr
                    .push_str(&crate::diagnostics::output::stdout_failed(lang, &e));
                out.status = USAGE;
            }
        }
        Some(path) => {
            if let Err(e) = write::stream(path, fill) {
                out.stderr.push_str(&e.message(lang));
                out.status = USAGE;
                return out;
            }
            out.stderr.push_str(&tally.summary(lang, true));
            out.status = OK;
        }
    }
    crate::drop_aside((checked, evaluations, filtered_model), plan.len());
    out
}

/// Which of `piano eval`'s files could not be read.
#[derive(Clone, Copy)]
enum Argument {
    Plan,
    /// The measurement file given as this argument (2 for the first).
    Measurements(usize),
}

/// `piano: manca.csv (il file delle misure, secondo argomento) non si può leggere: nessun report`.
fn unreadable_argument(lang: Lang, name: &str, which: Argument) -> String {
    let what = match which {
        Argument::Plan => lang.pick(
            "il piano, primo argomento".into(),
            "the plan, first argument".into(),
        ),
        Argument::Measurements(2) => lang.pick(
            "il file delle misure, secondo argomento".into(),
            "the measurement file, second argument".into(),
        ),
        Argument::Measurements(n) => lang.pick(
            format!("un file delle misure, argomento {n}"),
            format!("a measurement file, argument {n}"),
        ),
    };
    lang.pick(
        format!("piano: `{name}` ({what}) non si può leggere: nessun report\n"),
        format!("piano: `{name}` ({what}) cannot be read: no report\n"),
    )
}

/// Reads one measurement file, in any format the loader knows; an unreadable file is a usage
/// problem, given back with its diagnostic.
fn load_measurements(
    model: &crate::check::model::Model,
    path: &std::path::Path,
) -> Result<(Source, eval::Loaded), Box<(Source, Diagnostic)>> {
    // Bytes, not text: a workbook is recognised by its first bytes.
    let name = path.display().to_string();
    match files::read_bytes(path) {
        Ok(bytes) => Ok(eval::load_vec(model, &name, bytes)),
        Err(error) => Err(Box::new((
            Source::new(name, ""),
            Diagnostic::new(Span::point(0), error),
        ))),
    }
}

/// "no objective has a responsabile containing …", with the plan's responsabili.
fn no_such_responsabile(model: &crate::check::model::Model, wanted: &str, lang: Lang) -> String {
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
    lang.pick(
        format!("piano: nessun obiettivo ha un responsabile che contiene \"{wanted}\": {known}\n"),
        format!("piano: no objective has a responsabile containing \"{wanted}\": {known}\n"),
    )
}
