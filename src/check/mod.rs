//! AST → resolved plan + diagnostics: names, templates, units, targets, weights, codes.
//!
//! Diagnostics come in layers (taplo's way): an item that did not parse has only its syntax
//! errors, and references to it are not reported again; a block with broken lines skips the
//! checks that need all of it (completeness, weight sums).

pub mod accept;
mod baseline;
pub mod comparto;
pub mod error;
pub mod model;
mod plan_weights;
pub mod registry;
mod resolve;
mod scale;
mod targets;
mod units;
mod weights;

use crate::diagnostics::{Code, Diagnostic};
use crate::span::Span;
use crate::syntax::Parsed;
use error::CheckError;
use foldhash::HashSet;

pub use model::Model;

/// What the checker produced: the resolved plan and its diagnostics (syntax ones included),
/// sorted by position.
#[derive(Debug, Default)]
pub struct Checked {
    pub model: Model,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Checks a parsed plan. `text` is the plan's source, for suggestions that quote it.
pub fn check(parsed: &Parsed, text: &str) -> Checked {
    // Not a text file: nothing else to say about it.
    if parsed.diagnostics.iter().any(|d| d.code() == Code::F0002) {
        return Checked {
            model: Model::default(),
            diagnostics: parsed.diagnostics.clone(),
        };
    }
    let mut sink = Sink::default();
    let model = resolve::resolve(parsed, text, &mut sink);
    finish(
        parsed.diagnostics.clone(),
        &parsed.comments,
        sink,
        model,
        text,
    )
}

/// [`check`] for a plan whose syntax tree is not wanted afterwards (the command line): each
/// objective's tree is dropped once resolved, so that memory holds the model and what is
/// left of the tree, not both whole. The same diagnostics, in the same order.
pub fn check_owned(mut parsed: Parsed, text: &str) -> Checked {
    if parsed.diagnostics.iter().any(|d| d.code() == Code::F0002) {
        return Checked {
            model: Model::default(),
            diagnostics: parsed.diagnostics,
        };
    }
    let mut sink = Sink::default();
    let model = resolve::resolve_owned(&mut parsed, text, &mut sink);
    let diagnostics = std::mem::take(&mut parsed.diagnostics);
    finish(diagnostics, &parsed.comments, sink, model, text)
}

/// Parses and checks `text` without ever holding its whole syntax tree: the items but the
/// objectives first, then the objectives batch by batch, each resolved and dropped as it
/// comes (`syntax::parser::parse_staged`). What `check` says of `parse_with(text, workers)`.
pub fn check_staged(text: &str, workers: usize) -> Checked {
    check_staged_keeping(text, workers, Keep::Model)
}

/// What a caller of [`check_staged_keeping`] wants of the resolved plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// All of it: for eval, the reports, `template`.
    Model,
    /// Only the diagnostics (the command line's `check`): each objective's texts and
    /// indicators are dropped once its checks are done, so that a large plan's memory is its
    /// text and not also a copy of it in the model. The same diagnostics as with `Model`
    /// (tests/parallel.rs); the model's objectives are skeletons.
    Diagnostics,
}

/// [`check_staged`], keeping of the model what `keep` says.
pub fn check_staged_keeping(text: &str, workers: usize, keep: Keep) -> Checked {
    let (rest, objectives) = crate::syntax::parser::parse_staged(text, workers);
    let early = rest
        .plan
        .items
        .iter()
        .any(|i| matches!(i, crate::syntax::ast::Item::Obiettivo(_)));
    if early || rest.diagnostics.iter().any(|d| d.code() == Code::F0002) {
        // Not a text file, or an objective the first stage took for another item: the
        // plain way.
        return check_owned(crate::syntax::parse_with(text, workers), text);
    }
    let mut sink = Sink::default();
    let mut syntax = Vec::new();
    let count = objectives.remaining();
    // On several workers, the objectives are parsed on them while this thread resolves the
    // ones before; the scope spawns nothing on one.
    let model = std::thread::scope(|scope| {
        let objectives: Box<dyn Iterator<Item = _>> = if workers > 1 {
            Box::new(objectives.ahead(scope))
        } else {
            Box::new(objectives)
        };
        resolve::resolve_staged(
            &rest,
            (objectives, count),
            text,
            &mut sink,
            &mut syntax,
            keep,
        )
    });
    let mut diagnostics = rest.diagnostics;
    diagnostics.append(&mut syntax);
    crate::diagnostics::sort(&mut diagnostics);
    finish(diagnostics, &rest.comments, sink, model, text)
}

/// The syntax diagnostics, then the checks', then what `consenti` comments say, sorted.
fn finish(
    mut diagnostics: Vec<Diagnostic>,
    comments: &[Span],
    sink: Sink,
    model: Model,
    text: &str,
) -> Checked {
    diagnostics.extend(sink.diagnostics);
    // `consenti` comments, once every other diagnostic is known.
    let mut about_consenti = Sink::default();
    accept::apply(text, comments, &mut diagnostics, &mut about_consenti);
    diagnostics.extend(about_consenti.diagnostics);
    crate::diagnostics::sort(&mut diagnostics);
    Checked { model, diagnostics }
}

/// Collects diagnostics, once each: a template's mistake is reported once, not once per
/// indicator that uses the template.
#[derive(Default)]
pub(crate) struct Sink {
    diagnostics: Vec<Diagnostic>,
    seen: HashSet<(Span, Code, String)>,
}

impl Sink {
    pub(crate) fn report(&mut self, span: Span, error: CheckError) {
        // Two diagnostics at one place may differ only in their data (two missing years).
        let key = (span, error.code(), format!("{error:?}"));
        if self.seen.insert(key) {
            self.diagnostics.push(Diagnostic::new(span, error));
        }
    }
}

/// The unit of a resolved formula of objective `objective` (an index into `model.objectives`),
/// as the unit algebra computes it; `None` when it has none. For the language server, which
/// shows it on hover; the diagnostics were reported when the plan was checked.
pub fn formula_unit(
    model: &Model,
    objective: usize,
    formula: &model::Formula,
    text: &str,
) -> Option<error::Dim> {
    struct Names<'m>(&'m Model, usize);
    impl units::Units for Names<'_> {
        fn measure_udm(&self, id: usize) -> Option<crate::syntax::ast::Udm> {
            self.0.measures.get(id).map(|m| m.udm)
        }
        fn indicator_udm(&self, index: usize) -> Option<crate::syntax::ast::Udm> {
            let o = self.0.objectives.get(self.1)?;
            o.indicators.get(index).map(|i| i.udm)
        }
    }
    // The stored formula is already corrected for a `* 100`: computing again on a copy finds
    // nothing more to correct, and the sink's diagnostics were reported at check time.
    let mut expr = formula.expr.clone();
    let names = Names(model, objective);
    units::unit_of(&mut expr, &names, text, formula.span, &mut Sink::default()).0
}
