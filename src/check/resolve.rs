//! Builds the resolved plan: collects definitions, binds references, applies templates, and
//! calls the unit, target and weight checks on each indicator.

use super::Sink;
use super::baseline;
use super::comparto;
use super::error::{CheckError, Thing};
use super::model::*;
use super::plan_weights;
use super::targets;
use super::units::{self, Units};
use super::weights;
use crate::span::{Span, Spanned};
use crate::suggest;
use crate::syntax::Parsed;
use crate::syntax::ast::{self, Expr, ExprKind, Field, IndicatorFields, Item, Risorse, Text, Udm};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use rust_decimal::Decimal;

/// An objective for [`Resolver::run`]: its tree (borrowed or owned), or the item that did not
/// parse in its place.
pub(super) enum Input<O> {
    Objective(O),
    Broken(crate::syntax::BrokenItem),
}

pub(super) fn resolve(parsed: &Parsed, text: &str, sink: &mut Sink) -> Model {
    let objectives = parsed.plan.items.iter().filter_map(|item| match item {
        Item::Obiettivo(o) => Some(Input::Objective(&**o)),
        _ => None,
    });
    let mut r = Resolver::new(parsed, text, sink);
    r.run(&parsed.plan, objectives);
    r.model
}

/// [`resolve`], consuming the objectives: each one's syntax tree is dropped as soon as it is
/// resolved, so that the whole tree and the whole model are never in memory together (the
/// objectives are most of a plan). `parsed` keeps the other items, which later objectives
/// refer to.
pub(super) fn resolve_owned(parsed: &mut Parsed, text: &str, sink: &mut Sink) -> Model {
    let items = std::mem::take(&mut parsed.plan.items);
    let mut objectives = Vec::new();
    for item in items {
        match item {
            Item::Obiettivo(o) => objectives.push(o),
            other => parsed.plan.items.push(other),
        }
    }
    let mut r = Resolver::new(parsed, text, sink);
    r.run(&parsed.plan, objectives.into_iter().map(Input::Objective));
    r.model
}

/// [`resolve_owned`] as the objectives are parsed: `rest` holds every other item, and
/// `objectives` gives each objective's tree (or the broken item in its place), dropped once it
/// is resolved, and how many there are. The whole tree is never built. Their syntax diagnostics go to `diagnostics`.
pub(super) fn resolve_staged(
    rest: &Parsed,
    (objectives, count): (
        impl Iterator<Item = crate::syntax::parser::ChunkOutcome>,
        usize,
    ),
    text: &str,
    sink: &mut Sink,
    diagnostics: &mut Vec<crate::diagnostics::Diagnostic>,
    keep: super::Keep,
) -> Model {
    let inputs = objectives.filter_map(|outcome| {
        diagnostics.extend(outcome.diagnostics);
        match (outcome.item, outcome.broken) {
            (Some(Item::Obiettivo(o)), _) => Some(Input::Objective(o)),
            (_, Some(b)) => Some(Input::Broken(b)),
            // An objective chunk gives an objective or a broken item.
            _ => None,
        }
    });
    let mut r = Resolver::new(rest, text, sink);
    r.keep = keep;
    r.model.objectives.reserve_exact(count);
    r.run(&rest.plan, inputs);
    r.model
}

/// What a name in a formula refers to.
#[derive(Clone, Copy, Debug)]
enum Binding {
    Measure(MeasureId),
    Indicator(usize),
    /// Declared, but its declaration has errors (already reported): no further diagnostics.
    Broken,
}

struct Resolver<'a> {
    text: &'a str,
    sink: &'a mut Sink,
    /// `(keyword, name)` of items that did not parse.
    broken: HashSet<(String, String)>,
    broken_keywords: HashSet<String>,
    model: Model,
    templates: HashMap<String, &'a ast::Modello>,
    used_templates: HashSet<String>,
    used_measures: HashSet<MeasureId>,
    /// Objectives (by index) with broken lines, in them or in a template they use: a formula
    /// lost to a syntax error may have used their measures.
    broken_scopes: HashSet<usize>,
    /// Some item or block anywhere has broken lines (for global measures).
    any_broken: bool,
    global_scope: HashMap<String, Binding>,
    /// The plan's default `responsabile`, and each ambito's.
    responsabile: Option<String>,
    ambito_responsabili: HashMap<String, String>,
    /// `comparto` is written with a word the language does not know (already reported): the
    /// codes and the required fields are not checked against a guess.
    comparto_unreadable: bool,
    keep: super::Keep,
}

/// Items of one kind, in file order.
#[derive(Default)]
struct Items<'a> {
    piani: Vec<&'a ast::Piano>,
    punteggi: Vec<&'a ast::Punteggio>,
    ambiti: Vec<&'a ast::Ambito>,
    strategici: Vec<&'a ast::Strategico>,
    misure: Vec<&'a ast::Misura>,
    modelli: Vec<&'a ast::Modello>,
}

impl<'a> Resolver<'a> {
    fn new(parsed: &Parsed, text: &'a str, sink: &'a mut Sink) -> Self {
        Resolver {
            text,
            sink,
            broken: parsed
                .broken
                .iter()
                .filter_map(|b| Some((b.keyword.clone(), b.name.clone()?)))
                .collect(),
            broken_keywords: parsed.broken.iter().map(|b| b.keyword.clone()).collect(),
            model: Model::default(),
            templates: HashMap::new(),
            used_templates: HashSet::new(),
            used_measures: HashSet::new(),
            broken_scopes: HashSet::new(),
            any_broken: !parsed.broken.is_empty(),
            global_scope: HashMap::new(),
            responsabile: None,
            ambito_responsabili: HashMap::new(),
            comparto_unreadable: false,
            keep: super::Keep::Model,
        }
    }

    /// Resolves the items of `plan` but its objectives, then `objectives` (in file order),
    /// which may be borrowed from `plan` or owned and dropped one by one.
    fn run<O: std::borrow::Borrow<ast::Obiettivo>>(
        &mut self,
        plan: &'a ast::Plan,
        objectives: impl Iterator<Item = Input<O>>,
    ) {
        let mut items = Items::default();
        for item in &plan.items {
            match item {
                Item::Piano(x) => items.piani.push(x),
                Item::Punteggio(x) => items.punteggi.push(x),
                Item::Ambito(x) => items.ambiti.push(x),
                Item::Strategico(x) => items.strategici.push(x),
                Item::Misura(x) => items.misure.push(x),
                Item::Modello(x) => items.modelli.push(x),
                Item::Obiettivo(_) => {}
            }
        }
        self.piano(&items.piani);
        self.punteggio(&items.punteggi);
        self.ambiti(&items.ambiti);
        self.strategici(&items.strategici);
        self.global_measures(&items.misure);
        self.templates(&items.modelli);
        let mut entries = Vec::new();
        let mut seen: HashMap<String, Span> = HashMap::new();
        // The missions of the objectives, for a plan that does not say its comparto.
        let guess_comparto = items
            .piani
            .first()
            .is_some_and(|p| p.comparto.is_none() && !p.has_errors);
        let mut missions: Vec<ast::MissioneProgramma> = Vec::new();
        // The objectives' weights are checked only when every objective is known: a
        // duplicate, an objective that did not parse or a broken `peso` line would make the
        // sum wrong for that reason alone.
        let mut all_known = true;
        for input in objectives {
            let o = match input {
                Input::Objective(o) => o,
                // An objective that did not parse, met as the objectives are parsed.
                Input::Broken(b) => {
                    self.any_broken = true;
                    if let Some(name) = &b.name {
                        self.broken.insert((b.keyword.clone(), name.clone()));
                    }
                    self.broken_keywords.insert(b.keyword);
                    continue;
                }
            };
            let o = o.borrow();
            if guess_comparto && let Some(m) = &o.missione {
                missions.push(m.value.clone());
            }
            if let Some(first) = seen.get(o.code.value.as_str()) {
                self.duplicate(Thing::Obiettivo, &o.code, *first);
                all_known = false;
                continue;
            }
            seen.insert(o.code.value.clone(), o.code.span);
            all_known &= !(o.has_errors && o.peso.is_none());
            entries.push(plan_weights::Entry::of(o, self.text));
            self.objective(o);
        }
        all_known &= !self.broken_keywords.contains("obiettivo");
        if let Some(w) = plan_weights::plan(&entries, all_known, self.sink) {
            self.model.weighted_objectives = true;
            for (o, w) in self.model.objectives.iter_mut().zip(w) {
                o.weight = w;
            }
        }
        if let Some(p) = items.piani.first()
            && p.comparto.is_none()
            && !p.has_errors
        {
            let header = Span::new(p.span.start, p.title.span.end);
            // The start of the line after the header, where the fix adds `comparto`.
            let brace = self
                .text
                .get(p.title.span.end..p.span.end)
                .and_then(|rest| {
                    let brace = rest.find('{')?;
                    Some(p.title.span.end + brace + rest[brace..].find('\n')? + 1)
                });
            let guess = comparto::guess(missions.iter());
            comparto::missing(header, brace, guess, self.sink);
        }
        self.unused(&items);
    }

    /// Whether the plan's comparto wants every field of a PIRA card.
    fn requires_pira_fields(&self) -> bool {
        !self.comparto_unreadable && comparto::requires_pira_fields(self.model.plan.comparto)
    }

    fn is_broken(&self, keyword: &str, name: &str) -> bool {
        self.broken
            .contains(&(keyword.to_string(), name.to_string()))
    }

    fn duplicate(&mut self, thing: Thing, name: &Spanned<String>, first: Span) {
        self.sink.report(
            name.span,
            CheckError::Duplicate {
                thing,
                name: name.value.clone(),
                first,
            },
        );
    }

    fn undefined<'c>(
        &mut self,
        thing: Thing,
        name: &Spanned<String>,
        candidates: impl IntoIterator<Item = &'c str>,
    ) {
        let suggestion = suggest::closest(&name.value, candidates).map(str::to_string);
        self.sink.report(
            name.span,
            CheckError::Undefined {
                thing,
                name: name.value.clone(),
                suggestion,
            },
        );
    }

    fn missing(&mut self, at: Span, field: &'static str, owner: Thing, name: &str) {
        self.sink.report(
            at,
            CheckError::MissingField {
                field,
                owner,
                name: name.to_string(),
            },
        );
    }

    // -----------------------------------------------------------------------------------------
    // The plan, its scoring, ambiti and strategic lines

    fn piano(&mut self, piani: &[&ast::Piano]) {
        let Some(p) = piani.first() else {
            if !self.broken_keywords.contains("piano") {
                self.sink.report(Span::point(0), CheckError::MissingPiano);
            }
            return;
        };
        for other in &piani[1..] {
            let at = Span::new(other.span.start, other.span.start + "piano".len());
            let first = Span::new(p.span.start, p.span.start + "piano".len());
            self.sink.report(
                at,
                CheckError::RepeatedItem {
                    keyword: "piano",
                    first,
                },
            );
        }
        let header = Span::new(p.span.start, p.title.span.end);
        let title = p.title.value.clone();
        if !p.has_errors {
            if p.ente.is_none() {
                self.missing(header, "ente", Thing::Piano, &title);
            }
            if p.anno.is_none() {
                self.missing(header, "anno", Thing::Piano, &title);
            }
            if p.triennio.is_none() {
                self.missing(header, "triennio", Thing::Piano, &title);
            }
        }
        let anno = p.anno.as_ref().map(|a| a.value.value);
        let triennio = p
            .triennio
            .as_ref()
            .map(|t| (t.span, t.value.0.value, t.value.1.value));
        if let Some((span, from, to)) = triennio {
            let anno_out = anno.is_some_and(|a| !(from..=to).contains(&a));
            // Three years, by law (PIRA, PIAO, DUP): a longer span is a typo, and every later
            // check that walks its years would walk thousands of them.
            if from > to || anno_out || !is_three_years(from, to) {
                let anno = anno.unwrap_or(from);
                self.sink
                    .report(span, CheckError::BadTriennio { anno, from, to });
            }
        }
        let (from, to) = triennio.map_or((0, -1), |(_, f, t)| (f, t));
        self.model.plan = PlanInfo {
            title,
            ente: p
                .ente
                .as_ref()
                .map(|e| e.value.value.clone())
                .unwrap_or_default(),
            anno: anno.unwrap_or(from),
            triennio: (from, to),
            approvato: p.approvato.as_ref().map(|a| a.value.value.clone()),
            comparto: p.comparto.as_ref().and_then(|c| c.value.known),
        };
        self.comparto_unreadable = p.comparto.as_ref().is_some_and(|c| c.value.known.is_none());
        self.responsabile = text(&p.responsabile);
    }

    /// The triennio, when the plan declares a sensible one.
    fn triennio(&self) -> Option<(i32, i32)> {
        let (from, to) = self.model.plan.triennio;
        (from > 0 && is_three_years(from, to)).then_some((from, to))
    }

    fn punteggio(&mut self, punteggi: &[&ast::Punteggio]) {
        let Some(p) = punteggi.first() else { return };
        for other in &punteggi[1..] {
            let at = Span::new(other.span.start, other.span.start + "punteggio".len());
            let first = Span::new(p.span.start, p.span.start + "punteggio".len());
            self.sink.report(
                at,
                CheckError::RepeatedItem {
                    keyword: "punteggio",
                    first,
                },
            );
        }
        if let Some(m) = &p.massimo
            && let Some(cap) = units::quantity_in(&m.value, Udm::Percent, self.sink)
        {
            if cap < Decimal::ONE {
                self.sink
                    .report(m.value.span, CheckError::WeightOutOfRange { weight: cap });
            }
            self.model.scoring.cap = cap;
        }
        if let Some(r) = &p.ritardo {
            self.model.scoring.lateness_days =
                units::quantity_in(&r.value, Udm::Days, self.sink).filter(|d| *d > Decimal::ZERO);
        }
        if let Some(d) = p.dati_mancanti.as_ref().and_then(|d| d.value.known) {
            self.model.scoring.missing = d;
        }
    }

    fn ambiti(&mut self, ambiti: &[&ast::Ambito]) {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for a in ambiti {
            if let Some(first) = seen.get(a.code.value.as_str()) {
                self.duplicate(Thing::Ambito, &a.code, *first);
                continue;
            }
            seen.insert(&a.code.value, a.code.span);
            if let Some(r) = text(&a.responsabile) {
                self.ambito_responsabili.insert(a.code.value.clone(), r);
            }
            self.model.ambiti.push(Ambito {
                code: a.code.value.clone(),
                title: a.title.value.clone(),
                span: a.span,
            });
        }
    }

    fn strategici(&mut self, strategici: &[&ast::Strategico]) {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for s in strategici {
            if let Some(first) = seen.get(s.code.value.as_str()) {
                self.duplicate(Thing::Strategico, &s.code, *first);
                continue;
            }
            seen.insert(&s.code.value, s.code.span);
            let ambito = match &s.ambito {
                Some(a) => {
                    let code = &a.value;
                    let known = self.model.ambiti.iter().any(|x| x.code == code.value);
                    if !known && !self.is_broken("ambito", &code.value) {
                        let codes: Vec<String> =
                            self.model.ambiti.iter().map(|x| x.code.clone()).collect();
                        self.undefined(Thing::Ambito, code, codes.iter().map(String::as_str));
                    }
                    if known {
                        self.strategic_prefix(&s.code, &code.value);
                    }
                    Some(code.value.clone())
                }
                None => {
                    if !s.has_errors {
                        self.missing(s.code.span, "ambito", Thing::Strategico, &s.code.value);
                    }
                    None
                }
            };
            self.model.strategici.push(Strategico {
                code: s.code.value.clone(),
                title: s.title.value.clone(),
                ambito,
                span: s.span,
            });
        }
    }

    /// `AA_SS` under ambito `AA`.
    fn strategic_prefix(&mut self, code: &Spanned<String>, ambito: &str) {
        let prefix = code.value.split('_').next().unwrap_or("");
        let (Ok(p), Ok(a)) = (prefix.parse::<u32>(), ambito.parse::<u32>()) else {
            return;
        };
        if code.value.contains('_') && p != a {
            self.sink.report(
                code.span,
                CheckError::StrategicPrefix {
                    code: code.value.clone(),
                    ambito: ambito.to_string(),
                },
            );
        }
    }

    // -----------------------------------------------------------------------------------------
    // Measures and templates

    fn measure(&mut self, m: &ast::Misura, objective: Option<usize>, code: String) -> Binding {
        let Some(udm) = m.udm.known else {
            return Binding::Broken;
        };
        let id = self.model.measures.len();
        self.model.measures.push(Measure {
            code,
            name: m.name.value.clone(),
            // Read by the reports, not by any check.
            description: match self.keep {
                super::Keep::Model => m
                    .description
                    .as_ref()
                    .map(|d| d.value.clone())
                    .unwrap_or_default(),
                super::Keep::Diagnostics => String::new(),
            },
            udm,
            objective,
            span: m.span,
        });
        Binding::Measure(id)
    }

    fn global_measures(&mut self, misure: &[&ast::Misura]) {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for m in misure {
            if let Some(first) = seen.get(m.name.value.as_str()) {
                self.duplicate(Thing::Misura, &m.name, *first);
                continue;
            }
            seen.insert(&m.name.value, m.name.span);
            let binding = self.measure(m, None, m.name.value.clone());
            self.global_scope.insert(m.name.value.clone(), binding);
        }
    }

    fn templates(&mut self, modelli: &[&'a ast::Modello]) {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for m in modelli {
            if let Some(first) = seen.get(m.name.value.as_str()) {
                self.duplicate(Thing::Modello, &m.name, *first);
                continue;
            }
            seen.insert(&m.name.value, m.name.span);
            self.any_broken |= m.has_errors;
            let mut names: HashMap<&str, Span> = HashMap::new();
            for x in &m.misure {
                if let Some(first) = names.get(x.name.value.as_str()) {
                    self.duplicate(Thing::Misura, &x.name, *first);
                }
                names.insert(&x.name.value, x.name.span);
            }
            // The template's own targets, checked once against its own UdM.
            targets::duplicate_years(&m.fields.targets, self.sink);
            let udm = m.fields.udm.as_ref().and_then(|u| u.value.known);
            let own: Vec<&Field<ast::Target>> = m.fields.targets.iter().collect();
            targets::resolve(&own, udm, self.triennio(), None, self.sink);
            if let Some(b) = &m.fields.baseline {
                baseline::resolve(&b.value, udm, self.triennio(), self.sink);
            }
            self.templates.insert(m.name.value.clone(), m);
        }
    }

    // -----------------------------------------------------------------------------------------
    // Objectives

    fn objective<'o>(&mut self, o: &'o ast::Obiettivo)
    where
        'a: 'o,
    {
        let index = self.model.objectives.len();
        let code = o.code.value.clone();
        if o.has_errors || o.indicatori.iter().any(|i| i.has_errors) {
            self.broken_scopes.insert(index);
            self.any_broken = true;
        }

        let (strategico, ambito) = self.objective_line(o);
        let comparto = self.model.plan.comparto;
        let missione = o.missione.as_ref().map(|m| {
            if self.comparto_unreadable {
                (
                    m.value.missione.value.clone(),
                    m.value.programma.value.clone(),
                )
            } else {
                comparto::missione(&m.value, comparto, self.sink)
            }
        });
        let risorse = self.risorse(o);
        if !o.has_errors && o.missione.is_none() && self.requires_pira_fields() {
            self.missing(o.code.span, "missione", Thing::Obiettivo, &code);
        }
        if let (Some(p), Some(q)) = (&o.prerequisito, &o.peso) {
            self.sink.report(
                q.span,
                CheckError::PrerequisiteWithPeso {
                    prerequisito: p.span,
                    peso_line: plan_weights::whole_line(self.text, q.span),
                },
            );
        }
        let responsabile = text(&o.responsabile)
            .or_else(|| {
                let a = ambito.as_ref()?;
                self.ambito_responsabili.get(a).cloned()
            })
            .or_else(|| self.responsabile.clone());
        if !o.has_errors && o.indicatori.is_empty() {
            self.missing(o.code.span, "indicatore", Thing::Obiettivo, &code);
        }

        // The objective's scope: local measures, template measures, indicators.
        let mut scope: HashMap<String, Binding> = HashMap::new();
        let mut declared: HashMap<String, Span> = HashMap::new();
        for m in &o.misure {
            if let Some(first) = declared.get(&m.name.value) {
                self.duplicate(Thing::Misura, &m.name, *first);
                continue;
            }
            declared.insert(m.name.value.clone(), m.name.span);
            let binding = self.measure(m, Some(index), format!("{code}.{}", m.name.value));
            scope.insert(m.name.value.clone(), binding);
        }
        // Each template used here brings its measures, once.
        let mut template_scopes: HashMap<String, HashMap<String, Binding>> = HashMap::new();
        for ind in &o.indicatori {
            let Some(name) = ind.fields.modello.as_ref().map(|m| &m.value) else {
                continue;
            };
            self.used_templates.insert(name.value.clone());
            if template_scopes.contains_key(&name.value) {
                continue;
            }
            let Some(t) = self.templates.get(&name.value).copied() else {
                if !self.is_broken("modello", &name.value) {
                    let names: Vec<String> = self.templates.keys().cloned().collect();
                    self.undefined(Thing::Modello, name, names.iter().map(String::as_str));
                }
                continue;
            };
            if t.has_errors {
                self.broken_scopes.insert(index);
                self.any_broken = true;
            }
            let mut tscope = HashMap::new();
            for m in &t.misure {
                if tscope.contains_key(&m.name.value) {
                    continue;
                }
                if let Some(first) = declared.get(&m.name.value) {
                    // A local measure with a template measure's name: one shadows the other.
                    let local = Spanned::new(m.name.value.clone(), *first);
                    self.duplicate(Thing::Misura, &local, m.name.span);
                    continue;
                }
                let binding = self.measure(m, Some(index), format!("{code}.{}", m.name.value));
                tscope.insert(m.name.value.clone(), binding);
                scope.entry(m.name.value.clone()).or_insert(binding);
            }
            template_scopes.insert(name.value.clone(), tscope);
        }
        // A second definition is reported and left out: the checks below see the first only.
        let mut indicatori: Vec<&'o ast::Indicatore> = Vec::with_capacity(o.indicatori.len());
        for ind in &o.indicatori {
            if let Some(first) = declared.get(&ind.name.value) {
                self.duplicate(Thing::Indicatore, &ind.name, *first);
                continue;
            }
            declared.insert(ind.name.value.clone(), ind.name.span);
            scope.insert(ind.name.value.clone(), Binding::Indicator(indicatori.len()));
            indicatori.push(ind);
        }
        let duplicated = indicatori.len() < o.indicatori.len();

        // Indicators, templates applied.
        let mut indicators = Vec::new();
        let mut weight_entries = Vec::new();
        let mut formulas: Vec<Option<(&Field<Expr>, Option<&str>)>> = Vec::new();
        for &ind in &indicatori {
            let template = ind
                .fields
                .modello
                .as_ref()
                .and_then(|m| self.templates.get(&m.value.value).copied());
            let (indicator, entry, formula) = self.indicator(o, ind, template);
            indicators.push(indicator);
            weight_entries.push(entry);
            formulas.push(formula);
        }

        // Formulas: names bound once every indicator's unit is known.
        let udms: Vec<Option<Udm>> = indicatori
            .iter()
            .zip(&indicators)
            .map(|(ind, x)| self.declared_udm(ind).map(|_| x.udm))
            .collect();
        let mut depends: Vec<Vec<usize>> = vec![Vec::new(); indicators.len()];
        for (i, formula) in formulas.iter().enumerate() {
            let Some((field, from_template)) = formula else {
                continue;
            };
            let tscope = from_template.and_then(|t| template_scopes.get(t));
            let resolved = self.expr(&field.value, tscope, &scope, &mut depends[i]);
            let Some(mut expr) = resolved else { continue };
            let names = ObjectiveUnits {
                model: &self.model,
                udms: &udms,
            };
            let (unit, corrected) =
                units::unit_of(&mut expr, &names, self.text, field.value.span, self.sink);
            if let (Some(found), Some(declared)) = (unit, udms[i]) {
                let fits = found == super::error::Dim::of(declared)
                    || (found == super::error::Dim::Scalar
                        && !matches!(declared, Udm::Date | Udm::YesNo | Udm::Percent));
                if !fits {
                    let udm_span = indicatori[i].fields.udm.as_ref().map(|u| u.value.span);
                    self.sink.report(
                        field.value.span,
                        CheckError::FormulaUnit {
                            found,
                            declared,
                            udm: udm_span,
                        },
                    );
                }
            }
            indicators[i].formula = Some(Box::new(Formula {
                expr,
                span: field.value.span,
                corrected,
            }));
        }
        self.cycles(&indicatori, &formulas, &depends);

        // A duplicate's weight would count (or not) for the wrong reason: no sum then.
        let check_sum = !o.has_errors && !duplicated && !indicatori.iter().any(|i| i.has_errors);
        let pesi_uguali = o.pesi_uguali.as_ref().map(|p| p.span);
        let children = o.misure.iter().map(|m| m.span.start);
        let place = weights::Place {
            text: self.text,
            children: children
                .chain(o.indicatori.iter().map(|i| i.span.start))
                .min(),
        };
        let weights = weights::objective(&weight_entries, pesi_uguali, check_sum, place, self.sink);
        for (ind, w) in indicators.iter_mut().zip(weights) {
            ind.weight = w;
        }
        indicators.shrink_to_fit();

        if self.keep == super::Keep::Diagnostics {
            // No later check reads an objective's texts or indicators: only its weight.
            self.model
                .objectives
                .push(Objective::skeleton(o.span, o.prerequisito.is_some()));
            return;
        }
        self.model.objectives.push(Objective {
            code,
            title: o.title.value.clone(),
            span: o.span,
            strategico,
            ambito,
            missione,
            risorse,
            finanziamento: text(&o.finanziamento),
            area: text(&o.area),
            ufficio: text(&o.ufficio),
            responsabile,
            descrizione: text(&o.descrizione),
            note: o.note.iter().map(|n| n.value.value.clone()).collect(),
            weight: None,
            prerequisite: o.prerequisito.is_some(),
            equal_weights: o.pesi_uguali.is_some(),
            indicators,
        });
    }

    /// The objective's strategic line and, through it, its ambito.
    fn objective_line(&mut self, o: &ast::Obiettivo) -> (Option<String>, Option<String>) {
        let Some(s) = &o.strategico else {
            if !o.has_errors && self.requires_pira_fields() {
                self.missing(o.code.span, "strategico", Thing::Obiettivo, &o.code.value);
            }
            return (None, None);
        };
        let code = &s.value;
        let line = self
            .model
            .strategici
            .iter()
            .find(|x| x.code == code.value)
            .cloned();
        match line {
            Some(line) => {
                let prefix = format!("{}_", line.code);
                let structured = o.code.value.matches('_').count() >= 2;
                if structured && !o.code.value.starts_with(&prefix) {
                    self.sink.report(
                        o.code.span,
                        CheckError::ObjectivePrefix {
                            code: o.code.value.clone(),
                            strategico: line.code.clone(),
                        },
                    );
                }
                (Some(line.code), line.ambito)
            }
            None => {
                if !self.is_broken("strategico", &code.value) {
                    let codes: Vec<String> = self
                        .model
                        .strategici
                        .iter()
                        .map(|x| x.code.clone())
                        .collect();
                    self.undefined(Thing::Strategico, code, codes.iter().map(String::as_str));
                }
                (Some(code.value.clone()), None)
            }
        }
    }

    fn risorse(&mut self, o: &ast::Obiettivo) -> Resources {
        let mut out = Resources::default();
        let Some(r) = &o.risorse else { return out };
        let amount = |q: &ast::Quantity, sink: &mut Sink| {
            let v = units::quantity_in(q, Udm::Euro, sink)?;
            if v < Decimal::ZERO {
                sink.report(q.span, CheckError::NegativeResources);
            }
            Some(v)
        };
        match &r.value {
            Risorse::Interne => out.internal = true,
            Risorse::Amount(q) => out.amount = amount(q, self.sink),
            Risorse::PerYear(rows) => {
                for row in rows {
                    if let (Some(v), Some(nature)) =
                        (amount(&row.amount, self.sink), row.nature.known)
                    {
                        out.per_year.push((row.year.value, nature, v));
                    }
                }
            }
        }
        out
    }

    // -----------------------------------------------------------------------------------------
    // Indicators

    /// The indicator's own `udm`, or its template's.
    fn declared_udm(&self, ind: &ast::Indicatore) -> Option<Udm> {
        let own = ind.fields.udm.as_ref().and_then(|u| u.value.known);
        own.or_else(|| {
            let t = self
                .templates
                .get(&ind.fields.modello.as_ref()?.value.value)?;
            t.fields.udm.as_ref()?.value.known
        })
    }

    #[allow(clippy::type_complexity)]
    fn indicator<'o>(
        &mut self,
        o: &'o ast::Obiettivo,
        ind: &'o ast::Indicatore,
        template: Option<&'a ast::Modello>,
    ) -> (
        Indicator,
        weights::Entry<'o>,
        Option<(&'o Field<Expr>, Option<&'o str>)>,
    )
    where
        'a: 'o,
    {
        let own = &ind.fields;
        let t: Option<&'o IndicatorFields> = template.map(|t| &t.fields);
        let inherited = |f: fn(&IndicatorFields) -> bool| t.is_some_and(f);
        let has_errors = ind.has_errors
            || template.is_some_and(|t| t.has_errors)
            || (own.modello.is_some() && template.is_none());
        let udm_word = own.udm.as_ref().or(t.and_then(|t| t.udm.as_ref()));
        let udm = udm_word.and_then(|u| u.value.known);
        let name = &ind.name.value;
        let at = ind.name.span;
        if !has_errors {
            if udm_word.is_none() {
                self.missing(at, "udm", Thing::Indicatore, name);
            }
            let has_tipologia = own.tipologia.is_some() || inherited(|t| t.tipologia.is_some());
            if !has_tipologia && self.requires_pira_fields() {
                self.missing(at, "tipologia", Thing::Indicatore, name);
            }
        }

        targets::duplicate_years(&own.targets, self.sink);
        let template_targets: &[Field<ast::Target>] = t.map_or(&[], |t| &t.targets);
        let merged = targets::merged(&own.targets, template_targets);
        // Targets from the template were checked with it; they are checked again only when
        // the indicator changes the UdM (which may not fit them).
        let udm_overridden = own.udm.is_some() && t.is_some_and(|t| t.udm.is_some());
        let to_check: Vec<&Field<ast::Target>> = merged
            .iter()
            .copied()
            .filter(|x| udm_overridden || own.targets.iter().any(|o| std::ptr::eq(o, *x)))
            .collect();
        let triennio = self.triennio();
        // One year miswritten (`target 2023` for 2024) is one problem: it is reported as a
        // year outside the triennio, with the missing year as the suggestion, and the
        // missing year is not reported again.
        let absent = triennio.map_or(Vec::new(), |t| targets::absent_years(&merged, t));
        let outside = triennio.is_some_and(|t| targets::any_outside(&merged, t));
        let meant = match absent.as_slice() {
            [one] => Some(*one),
            _ => None,
        };
        targets::resolve(&to_check, udm, triennio, meant, self.sink);
        let mut quiet = Sink::default();
        let resolved = targets::resolve(&merged, udm, triennio, None, &mut quiet);
        if let Some(tri) = triennio
            && !has_errors
            && !outside
        {
            targets::missing_years(&merged, tri, name, at, self.sink);
        }

        let baseline = own
            .baseline
            .as_ref()
            .or(t.and_then(|t| t.baseline.as_ref()));
        let baseline = baseline.and_then(|b| {
            let checked_here = own.baseline.is_some() || udm_overridden;
            let mut quiet = Sink::default();
            let sink = if checked_here {
                &mut *self.sink
            } else {
                &mut quiet
            };
            baseline::resolve(&b.value, udm, triennio, sink)
        });
        let formula = own.formula.as_ref().map(|f| (f, None)).or_else(|| {
            let f = t?.formula.as_ref()?;
            Some((f, template.map(|t| t.name.value.as_str())))
        });
        let own_peso = own.peso.is_some();
        let peso = own.peso.as_ref().or(t.and_then(|t| t.peso.as_ref()));
        let entry = weights::Entry {
            name,
            at,
            peso,
            own_peso,
            has_errors,
        };
        let pick = |f: fn(&IndicatorFields) -> &Option<Field<Text>>| {
            f(own)
                .as_ref()
                .or(t.and_then(|t| f(t).as_ref()))
                .map(|x| x.value.value.clone())
        };
        let title = ind
            .title
            .as_ref()
            .or(template.and_then(|t| t.title.as_ref()))
            .map(|x| x.value.clone())
            .unwrap_or_default();
        let notes = if own.note.is_empty() {
            t.map_or(&[][..], |t| &t.note[..])
        } else {
            &own.note[..]
        };
        let indicator = Indicator {
            code: format!("{}.{name}", o.code.value),
            title,
            span: ind.span,
            algoritmo: pick(|f| &f.algoritmo),
            formula: None,
            tipologia: own
                .tipologia
                .as_ref()
                .or(t.and_then(|t| t.tipologia.as_ref()))
                .and_then(|x| x.value.known),
            tipo: own
                .tipo
                .as_ref()
                .or(t.and_then(|t| t.tipo.as_ref()))
                .and_then(|x| x.value.known),
            udm: udm.unwrap_or(Udm::Count),
            targets: resolved,
            weight: Weight {
                relative: Decimal::ZERO,
                share: Decimal::ZERO,
            },
            extra: IndicatorExtra {
                fonte: pick(|f| &f.fonte),
                kpi: pick(|f| &f.kpi),
                note: notes.iter().map(|n| n.value.value.clone()).collect(),
                baseline,
                template: own.modello.as_ref().map(|m| m.value.value.clone()),
            }
            .boxed(),
        };
        (indicator, entry, formula)
    }

    /// Binds the names of a formula: the template's measures first (for a template's
    /// formula), then the objective's measures and indicators, then global measures.
    fn expr(
        &mut self,
        e: &Expr,
        template: Option<&HashMap<String, Binding>>,
        scope: &HashMap<String, Binding>,
        depends: &mut Vec<usize>,
    ) -> Option<RExpr> {
        let kind = match &e.kind {
            ExprKind::Number(n) => RExprKind::Number(*n),
            ExprKind::Paren(x) => return self.expr(x, template, scope, depends),
            ExprKind::Name(name) => {
                let exact = template
                    .and_then(|t| t.get(name))
                    .or_else(|| scope.get(name))
                    .or_else(|| self.global_scope.get(name))
                    .copied();
                // `Foo` declared, `foo` used (or the other way round): the capitals are
                // reported where they are written (P0118), not as an unknown name too.
                let binding = exact.or_else(|| {
                    let lower = name.to_lowercase();
                    let find = |m: &HashMap<String, Binding>| {
                        m.iter()
                            .filter(|(k, _)| k.to_lowercase() == lower)
                            .min_by_key(|(k, _)| k.as_str())
                            .map(|(_, b)| *b)
                    };
                    template
                        .and_then(find)
                        .or_else(|| find(scope))
                        .or_else(|| find(&self.global_scope))
                });
                match binding {
                    Some(Binding::Measure(id)) => {
                        self.used_measures.insert(id);
                        RExprKind::Measure(id)
                    }
                    Some(Binding::Indicator(i)) => {
                        depends.push(i);
                        RExprKind::Indicator(i)
                    }
                    Some(Binding::Broken) => return None,
                    None => {
                        if self.is_broken("misura", name) {
                            return None;
                        }
                        let mut names: Vec<&str> = scope.keys().map(String::as_str).collect();
                        names.extend(self.global_scope.keys().map(String::as_str));
                        if let Some(t) = template {
                            names.extend(t.keys().map(String::as_str));
                        }
                        let suggestion = suggest::closest(name, names).map(str::to_string);
                        // The measure it was meant to be is not unused.
                        let meant = suggestion.as_ref().and_then(|s| {
                            template
                                .and_then(|t| t.get(s))
                                .or_else(|| scope.get(s))
                                .or_else(|| self.global_scope.get(s))
                        });
                        if let Some(Binding::Measure(id)) = meant {
                            self.used_measures.insert(*id);
                        }
                        self.sink.report(
                            e.span,
                            CheckError::Undefined {
                                thing: Thing::FormulaName,
                                name: name.clone(),
                                suggestion,
                            },
                        );
                        return None;
                    }
                }
            }
            ExprKind::Neg(x) => RExprKind::Neg(Box::new(self.expr(x, template, scope, depends)?)),
            ExprKind::Binary { op, lhs, rhs } => {
                let l = self.expr(lhs, template, scope, depends);
                let r = self.expr(rhs, template, scope, depends);
                RExprKind::Binary {
                    op: op.value,
                    lhs: Box::new(l?),
                    rhs: Box::new(r?),
                }
            }
            ExprKind::Call { function, args } => {
                let args: Vec<Option<RExpr>> = args
                    .iter()
                    .map(|a| self.expr(a, template, scope, depends))
                    .collect();
                let f = Function::ALL
                    .iter()
                    .find(|(n, _)| *n == function.value)
                    .map(|(_, f)| *f);
                let Some(f) = f else {
                    let names = Function::ALL.iter().map(|(n, _)| *n);
                    self.undefined(Thing::Function, function, names);
                    return None;
                };
                RExprKind::Call {
                    function: f,
                    args: args.into_iter().collect::<Option<_>>()?,
                }
            }
        };
        Some(RExpr { kind, span: e.span })
    }

    /// Reports formulas that depend on themselves, directly or through other indicators.
    fn cycles(
        &mut self,
        indicatori: &[&ast::Indicatore],
        formulas: &[Option<(&Field<Expr>, Option<&str>)>],
        depends: &[Vec<usize>],
    ) {
        // A depth-first search with an explicit stack: a chain of formulas may be as long as
        // the objective (thousands of indicators), deeper than recursion would allow.
        // 0 unvisited, 1 on the current path, 2 done; `path` is the stack's indicators.
        const ELIDED: usize = usize::MAX;
        let mut state = vec![0u8; depends.len()];
        // Where each indicator on the path is in the stack.
        let mut at = vec![0usize; depends.len()];
        let mut found = Vec::new();
        for root in 0..depends.len() {
            if state[root] != 0 {
                continue;
            }
            // (indicator, how many of its references were followed); the stack is the path.
            let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
            state[root] = 1;
            at[root] = 0;
            while let Some(top) = stack.last_mut() {
                let (i, next) = *top;
                let Some(&j) = depends[i].get(next) else {
                    stack.pop();
                    state[i] = 2;
                    continue;
                };
                top.1 += 1;
                match state.get(j) {
                    Some(0) => {
                        state[j] = 1;
                        at[j] = stack.len();
                        stack.push((j, 0));
                    }
                    Some(1) => {
                        // A long circle is named by its ends (`ELIDED` stands for the rest),
                        // so that many of them cost little.
                        let on = &stack[at[j]..];
                        let cycle: Vec<usize> = if on.len() > 10 {
                            let head = on[..5].iter().map(|(k, _)| *k);
                            let tail = on[on.len() - 4..].iter().map(|(k, _)| *k);
                            head.chain([ELIDED]).chain(tail).collect()
                        } else {
                            on.iter().map(|(k, _)| *k).collect()
                        };
                        found.push(cycle);
                    }
                    _ => {}
                }
            }
        }
        for cycle in found {
            let Some(&first) = cycle.first() else {
                continue;
            };
            let mut path: Vec<String> = cycle
                .iter()
                .map(|&i| match indicatori.get(i) {
                    Some(ind) => ind.name.value.clone(),
                    None => "…".to_string(),
                })
                .collect();
            path.push(indicatori[first].name.value.clone());
            let at = formulas[first].map_or(indicatori[first].name.span, |(f, _)| f.value.span);
            self.sink.report(at, CheckError::Cycle { path });
        }
    }

    fn unused(&mut self, items: &Items) {
        for (id, m) in self.model.measures.iter().enumerate() {
            let maybe_used = match m.objective {
                Some(o) => self.broken_scopes.contains(&o),
                None => self.any_broken,
            };
            if !self.used_measures.contains(&id) && !maybe_used {
                self.sink.report(
                    m.span,
                    CheckError::UnusedMeasure {
                        name: m.name.clone(),
                    },
                );
            }
        }
        for t in &items.modelli {
            if !self.used_templates.contains(&t.name.value) {
                self.sink.report(
                    t.name.span,
                    CheckError::UnusedTemplate {
                        name: t.name.value.clone(),
                    },
                );
            }
        }
    }
}

fn text(f: &Option<Field<Text>>) -> Option<String> {
    f.as_ref().map(|x| x.value.value.clone())
}

/// Units of the names an objective's formulas use.
struct ObjectiveUnits<'m> {
    model: &'m Model,
    udms: &'m [Option<Udm>],
}

impl Units for ObjectiveUnits<'_> {
    fn measure_udm(&self, id: usize) -> Option<Udm> {
        self.model.measures.get(id).map(|m| m.udm)
    }

    fn indicator_udm(&self, index: usize) -> Option<Udm> {
        self.udms.get(index).copied().flatten()
    }
}

/// Whether `from-to` spans the three years of a triennio (in i64: years are user numbers).
fn is_three_years(from: i32, to: i32) -> bool {
    i64::from(to) - i64::from(from) == 2
}
