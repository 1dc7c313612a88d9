//! Where each name of a plan is defined and used: ambiti, strategic lines, templates, measures
//! and the indicators that formulas name. Built from the syntax tree (so that it works on a
//! plan with errors elsewhere), binding formula names as the checker does: the template's
//! measures (for a template's formula), then the objective's measures, the measures of the
//! templates its indicators use, its indicators, and last the plan's measures.

use crate::span::Span;
use crate::syntax::ast::{self, Expr, ExprKind, Item, Misura, Plan};
use std::collections::{HashMap, HashSet};

/// A named thing of the plan. Objectives are told apart by their item's index in the plan,
/// since a duplicated code must not merge two objectives' names.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Symbol {
    Ambito(String),
    Strategico(String),
    Modello(String),
    /// A measure declared at top level.
    Measure(String),
    /// A measure of an objective: the objective's item index, the name.
    LocalMeasure(usize, String),
    /// A measure of a template: the template, the name.
    TemplateMeasure(String, String),
    /// An indicator, as formulas name it: the objective's item index, the name.
    Indicator(usize, String),
}

impl Symbol {
    /// The text of the name as written.
    pub fn name(&self) -> &str {
        match self {
            Symbol::Ambito(n) | Symbol::Strategico(n) | Symbol::Modello(n) | Symbol::Measure(n) => {
                n
            }
            Symbol::LocalMeasure(_, n)
            | Symbol::TemplateMeasure(_, n)
            | Symbol::Indicator(_, n) => n,
        }
    }

    /// Codes (ambiti, strategic lines) follow the `code` rule; the rest the `name` rule.
    pub fn is_code(&self) -> bool {
        matches!(self, Symbol::Ambito(_) | Symbol::Strategico(_))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub span: Span,
    pub symbol: Symbol,
    pub definition: bool,
}

/// What a measure's definition says, for hover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeasureInfo {
    pub description: Option<String>,
    /// The UdM as written.
    pub udm: String,
    /// Its code in measurement files: `name`, or `OBJ.name` for an objective's measure;
    /// `None` for a template's measure, which has one code per objective using the template.
    pub code: Option<String>,
}

/// A `formula` line: where it is and whose it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormulaSite {
    /// The whole field line.
    pub line: Span,
    pub expr: Span,
    pub owner: Owner,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Owner {
    /// An indicator: its objective's code and its name.
    Indicator {
        objective: String,
        name: String,
    },
    Modello(String),
}

/// A `missione M programma P` line.
#[derive(Clone, Debug, PartialEq)]
pub struct Classification {
    pub missione: ast::MissioneProgramma,
    pub line: Span,
}

#[derive(Debug, Default)]
pub struct NavIndex {
    /// Sorted by position; occurrences never overlap.
    occurrences: Vec<Occurrence>,
    by_symbol: HashMap<Symbol, Vec<usize>>,
    measures: HashMap<Symbol, MeasureInfo>,
    /// The titles of ambiti, strategic lines, templates and indicators (the first definition's).
    titles: HashMap<Symbol, String>,
    /// The objective's code of each objective item, for indicators.
    objective_codes: HashMap<usize, String>,
    /// Templates used by each objective (by item index).
    templates_of: HashMap<usize, Vec<String>>,
    /// The objectives (by item index) that use each template.
    users_of: HashMap<String, Vec<usize>>,
    pub formulas: Vec<FormulaSite>,
    pub classifications: Vec<Classification>,
}

impl NavIndex {
    pub fn new(plan: &Plan) -> Self {
        let mut b = Builder::default();
        b.definitions(plan);
        b.references(plan);
        b.finish()
    }

    /// The occurrence under the cursor: the cursor may be on the name or just after it.
    pub fn at(&self, offset: usize) -> Option<&Occurrence> {
        let i = self.occurrences.partition_point(|o| o.span.start <= offset);
        let o = self.occurrences.get(i.checked_sub(1)?)?;
        (offset <= o.span.end).then_some(o)
    }

    /// Every occurrence of a symbol, in text order.
    pub fn occurrences_of(&self, symbol: &Symbol) -> impl Iterator<Item = &Occurrence> {
        self.by_symbol
            .get(symbol)
            .into_iter()
            .flatten()
            .map(|&i| &self.occurrences[i])
    }

    pub fn definitions_of(&self, symbol: &Symbol) -> impl Iterator<Item = &Occurrence> {
        self.occurrences_of(symbol).filter(|o| o.definition)
    }

    pub fn measure(&self, symbol: &Symbol) -> Option<&MeasureInfo> {
        self.measures.get(symbol)
    }

    pub fn title(&self, symbol: &Symbol) -> Option<&str> {
        self.titles.get(symbol).map(String::as_str)
    }

    /// The code of the objective at item index `item`.
    pub fn objective_code(&self, item: usize) -> Option<&str> {
        self.objective_codes.get(&item).map(String::as_str)
    }

    /// The objectives (by item index) whose indicators use template `name`.
    pub fn users_of(&self, name: &str) -> &[usize] {
        self.users_of.get(name).map_or(&[], Vec::as_slice)
    }

    /// The formula line holding `offset`.
    pub fn formula_at(&self, offset: usize) -> Option<&FormulaSite> {
        let i = self.formulas.partition_point(|f| f.line.start <= offset);
        let f = self.formulas.get(i.checked_sub(1)?)?;
        (offset <= f.line.end).then_some(f)
    }

    /// The occurrences inside a span (a formula's names), in order.
    pub fn occurrences_in(&self, span: Span) -> &[Occurrence] {
        let from = self
            .occurrences
            .partition_point(|o| o.span.start < span.start);
        let to = self
            .occurrences
            .partition_point(|o| o.span.start < span.end);
        &self.occurrences[from..to.max(from)]
    }

    /// Whether renaming `symbol` to `new` would make two things share a name where one could
    /// hide the other (a measure of an objective named as a measure of the plan, two ambiti
    /// with one code...).
    pub fn clashes(&self, symbol: &Symbol, new: &str) -> bool {
        let defined = |s: Symbol| self.by_symbol.get(&s).is_some_and(|v| !v.is_empty());
        let in_objective = |o: usize| {
            defined(Symbol::LocalMeasure(o, new.into()))
                || defined(Symbol::Indicator(o, new.into()))
                || self
                    .templates_of
                    .get(&o)
                    .into_iter()
                    .flatten()
                    .any(|t| defined(Symbol::TemplateMeasure(t.clone(), new.into())))
        };
        match symbol {
            Symbol::Ambito(_) => defined(Symbol::Ambito(new.into())),
            Symbol::Strategico(_) => defined(Symbol::Strategico(new.into())),
            Symbol::Modello(_) => defined(Symbol::Modello(new.into())),
            // A plan measure is seen by every formula.
            Symbol::Measure(_) => self.by_symbol.keys().any(|s| {
                s.name() == new
                    && matches!(
                        s,
                        Symbol::Measure(_)
                            | Symbol::LocalMeasure(..)
                            | Symbol::TemplateMeasure(..)
                            | Symbol::Indicator(..)
                    )
            }),
            Symbol::LocalMeasure(o, _) | Symbol::Indicator(o, _) => {
                defined(Symbol::Measure(new.into())) || in_objective(*o)
            }
            Symbol::TemplateMeasure(t, _) => {
                defined(Symbol::Measure(new.into()))
                    || defined(Symbol::TemplateMeasure(t.clone(), new.into()))
                    || self
                        .users_of
                        .get(t)
                        .into_iter()
                        .flatten()
                        .any(|&o| in_objective(o))
            }
        }
    }
}

#[derive(Default)]
struct Builder {
    occurrences: Vec<Occurrence>,
    measures: HashMap<Symbol, MeasureInfo>,
    titles: HashMap<Symbol, String>,
    objective_codes: HashMap<usize, String>,
    global: HashSet<String>,
    /// Each template's measures, by template name (the first template of a name).
    template_measures: HashMap<String, Vec<String>>,
    templates_of: HashMap<usize, Vec<String>>,
    users_of: HashMap<String, Vec<usize>>,
    formulas: Vec<FormulaSite>,
    classifications: Vec<Classification>,
}

impl Builder {
    fn def(&mut self, span: Span, symbol: Symbol) {
        self.occurrences.push(Occurrence {
            span,
            symbol,
            definition: true,
        });
    }

    fn reference(&mut self, span: Span, symbol: Symbol) {
        self.occurrences.push(Occurrence {
            span,
            symbol,
            definition: false,
        });
    }

    fn titled(&mut self, span: Span, symbol: Symbol, title: Option<&ast::Text>) {
        if let Some(t) = title {
            self.titles
                .entry(symbol.clone())
                .or_insert_with(|| t.value.clone());
        }
        self.def(span, symbol);
    }

    fn measure_def(&mut self, m: &Misura, symbol: Symbol, code: Option<String>) {
        self.measures
            .entry(symbol.clone())
            .or_insert_with(|| MeasureInfo {
                description: m.description.as_ref().map(|d| d.value.clone()),
                udm: m.udm.text.clone(),
                code,
            });
        self.def(m.name.span, symbol);
    }

    fn definitions(&mut self, plan: &Plan) {
        for (i, item) in plan.items.iter().enumerate() {
            match item {
                Item::Ambito(a) => {
                    let symbol = Symbol::Ambito(a.code.value.clone());
                    self.titled(a.code.span, symbol, Some(&a.title));
                }
                Item::Strategico(s) => {
                    let symbol = Symbol::Strategico(s.code.value.clone());
                    self.titled(s.code.span, symbol, Some(&s.title));
                }
                Item::Misura(m) => {
                    self.global.insert(m.name.value.clone());
                    let name = m.name.value.clone();
                    self.measure_def(m, Symbol::Measure(name.clone()), Some(name));
                }
                Item::Modello(t) => {
                    let name = t.name.value.clone();
                    self.titled(t.name.span, Symbol::Modello(name.clone()), t.title.as_ref());
                    let first = !self.template_measures.contains_key(&name);
                    let mut names = Vec::new();
                    for m in &t.misure {
                        let symbol = Symbol::TemplateMeasure(name.clone(), m.name.value.clone());
                        self.measure_def(m, symbol, None);
                        names.push(m.name.value.clone());
                    }
                    if first {
                        self.template_measures.insert(name, names);
                    }
                }
                Item::Obiettivo(o) => {
                    for m in &o.misure {
                        let symbol = Symbol::LocalMeasure(i, m.name.value.clone());
                        let code = format!("{}.{}", o.code.value, m.name.value);
                        self.measure_def(m, symbol, Some(code));
                    }
                    self.objective_codes.insert(i, o.code.value.clone());
                    for ind in &o.indicatori {
                        let symbol = Symbol::Indicator(i, ind.name.value.clone());
                        self.titled(ind.name.span, symbol, ind.title.as_ref());
                    }
                    let mut used = Vec::new();
                    for ind in &o.indicatori {
                        if let Some(t) = &ind.fields.modello
                            && !used.contains(&t.value.value)
                        {
                            used.push(t.value.value.clone());
                            self.users_of
                                .entry(t.value.value.clone())
                                .or_default()
                                .push(i);
                        }
                    }
                    self.templates_of.insert(i, used);
                }
                Item::Piano(_) | Item::Punteggio(_) => {}
            }
        }
    }

    fn references(&mut self, plan: &Plan) {
        for (i, item) in plan.items.iter().enumerate() {
            match item {
                Item::Strategico(s) => {
                    if let Some(a) = &s.ambito {
                        self.reference(a.value.span, Symbol::Ambito(a.value.value.clone()));
                    }
                }
                Item::Modello(t) => {
                    if let Some(f) = &t.fields.formula {
                        self.formulas.push(FormulaSite {
                            line: f.span,
                            expr: f.value.span,
                            owner: Owner::Modello(t.name.value.clone()),
                        });
                        let own: Vec<String> =
                            t.misure.iter().map(|m| m.name.value.clone()).collect();
                        let name = t.name.value.clone();
                        self.formula(&f.value, |n| {
                            own.contains(&n.to_string())
                                .then(|| Symbol::TemplateMeasure(name.clone(), n.to_string()))
                        });
                    }
                    if let Some(m) = &t.fields.modello {
                        self.reference(m.value.span, Symbol::Modello(m.value.value.clone()));
                    }
                }
                Item::Obiettivo(o) => self.objective_references(i, o),
                _ => {}
            }
        }
    }

    fn objective_references(&mut self, i: usize, o: &ast::Obiettivo) {
        if let Some(s) = &o.strategico {
            self.reference(s.value.span, Symbol::Strategico(s.value.value.clone()));
        }
        if let Some(m) = &o.missione {
            self.classifications.push(Classification {
                missione: m.value.clone(),
                line: m.span,
            });
        }
        // The objective's scope, as the checker builds it.
        let mut scope: HashMap<String, Symbol> = HashMap::new();
        for m in &o.misure {
            scope
                .entry(m.name.value.clone())
                .or_insert_with(|| Symbol::LocalMeasure(i, m.name.value.clone()));
        }
        for t in self.templates_of.get(&i).cloned().unwrap_or_default() {
            for m in self.template_measures.get(&t).cloned().unwrap_or_default() {
                scope
                    .entry(m.clone())
                    .or_insert_with(|| Symbol::TemplateMeasure(t.clone(), m));
            }
        }
        for ind in &o.indicatori {
            scope.insert(
                ind.name.value.clone(),
                Symbol::Indicator(i, ind.name.value.clone()),
            );
        }
        for ind in &o.indicatori {
            if let Some(m) = &ind.fields.modello {
                self.reference(m.value.span, Symbol::Modello(m.value.value.clone()));
            }
            if let Some(f) = &ind.fields.formula {
                self.formulas.push(FormulaSite {
                    line: f.span,
                    expr: f.value.span,
                    owner: Owner::Indicator {
                        objective: o.code.value.clone(),
                        name: ind.name.value.clone(),
                    },
                });
                self.formula(&f.value, |n| scope.get(n).cloned());
            }
        }
    }

    /// The names of a formula, bound by `local` and then by the plan's measures. Iterative:
    /// formulas come from the user.
    fn formula(&mut self, expr: &Expr, local: impl Fn(&str) -> Option<Symbol>) {
        let mut stack = vec![expr];
        while let Some(e) = stack.pop() {
            match &e.kind {
                ExprKind::Number(_) => {}
                ExprKind::Name(n) => {
                    let symbol = local(n)
                        .or_else(|| self.global.contains(n).then(|| Symbol::Measure(n.clone())));
                    if let Some(symbol) = symbol {
                        self.reference(e.span, symbol);
                    }
                }
                ExprKind::Neg(x) | ExprKind::Paren(x) => stack.push(x),
                ExprKind::Binary { lhs, rhs, .. } => {
                    stack.push(rhs);
                    stack.push(lhs);
                }
                ExprKind::Call { args, .. } => stack.extend(args.iter().rev()),
            }
        }
    }

    fn finish(mut self) -> NavIndex {
        self.occurrences.sort_by_key(|o| (o.span.start, o.span.end));
        self.occurrences.dedup_by_key(|o| o.span);
        self.formulas.sort_by_key(|f| f.line.start);
        self.classifications.sort_by_key(|c| c.line.start);
        let mut by_symbol: HashMap<Symbol, Vec<usize>> = HashMap::new();
        for (i, o) in self.occurrences.iter().enumerate() {
            by_symbol.entry(o.symbol.clone()).or_default().push(i);
        }
        NavIndex {
            occurrences: self.occurrences,
            by_symbol,
            measures: self.measures,
            titles: self.titles,
            objective_codes: self.objective_codes,
            templates_of: self.templates_of,
            users_of: self.users_of,
            formulas: self.formulas,
            classifications: self.classifications,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "misura g \"Globale\" n.\n\nmodello m \"M\" {\n  misura t \"T\" €\n  formula t / g\n}\n\nobiettivo 01_01_OS01 \"O\" {\n  misura l \"L\" €\n  indicatore a {\n    formula l / t\n  }\n  indicatore b {\n    modello m\n    formula a + g\n  }\n}\n";

    fn index() -> NavIndex {
        NavIndex::new(&crate::syntax::parse(PLAN).plan)
    }

    fn symbol_at(index: &NavIndex, needle: &str, nth: usize) -> Symbol {
        let at = PLAN.match_indices(needle).nth(nth).unwrap().0;
        index.at(at).unwrap().symbol.clone()
    }

    #[test]
    fn binds_formula_names_as_the_checker_does() {
        let x = index();
        let obj = 2; // the objective is the third item
        assert_eq!(
            symbol_at(&x, "t / g", 0),
            Symbol::TemplateMeasure("m".into(), "t".into())
        );
        assert_eq!(symbol_at(&x, "g\n}", 0), Symbol::Measure("g".into()));
        assert_eq!(
            symbol_at(&x, "l / t", 0),
            Symbol::LocalMeasure(obj, "l".into())
        );
        // `t` comes from the template that indicator `b` uses.
        let t = PLAN.find("l / t").unwrap() + 4;
        assert_eq!(
            x.at(t).unwrap().symbol,
            Symbol::TemplateMeasure("m".into(), "t".into())
        );
        assert_eq!(
            symbol_at(&x, "a + g", 0),
            Symbol::Indicator(obj, "a".into())
        );
        assert_eq!(x.occurrences_of(&Symbol::Measure("g".into())).count(), 3);
        assert_eq!(x.occurrences_of(&Symbol::Modello("m".into())).count(), 2);
    }

    #[test]
    fn clashes_follow_scopes() {
        let x = index();
        let obj = 2;
        assert!(x.clashes(&Symbol::LocalMeasure(obj, "l".into()), "g"));
        assert!(x.clashes(&Symbol::LocalMeasure(obj, "l".into()), "t"));
        assert!(x.clashes(&Symbol::LocalMeasure(obj, "l".into()), "a"));
        assert!(!x.clashes(&Symbol::LocalMeasure(obj, "l".into()), "nuovo"));
        assert!(x.clashes(&Symbol::Measure("g".into()), "l"));
        assert!(x.clashes(&Symbol::TemplateMeasure("m".into(), "t".into()), "l"));
        assert!(!x.clashes(&Symbol::Modello("m".into()), "altro"));
    }
}
