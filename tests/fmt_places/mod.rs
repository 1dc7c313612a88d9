//! Where a byte span of a plan is, said by the plan's structure instead of by bytes
//! (`obiettivo 01_01_OS01/indicatore eventi/target 2024/value`), so that what the checker says
//! about a plan can be compared before and after `piano fmt` moves its lines. Built from the
//! parser's spans only: nothing here comes from the formatter or from its `meaning()`.

use piano::span::Span;
use piano::syntax::ast::*;

/// Every node of a plan with its span, parents before children.
pub struct Places {
    nodes: Vec<(String, Span)>,
}

impl Places {
    pub fn of(plan: &Plan) -> Places {
        let mut p = Places { nodes: Vec::new() };
        let labels: Vec<String> = plan.items.iter().map(item_label).collect();
        for (item, label) in plan.items.iter().zip(numbered(labels)) {
            p.item(item, &label);
        }
        p
    }

    /// The innermost node holding `span` (the deepest one when several have the same extent);
    /// `file` when none does.
    pub fn place(&self, span: Span) -> String {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, (_, s))| s.start <= span.start && span.end <= s.end)
            .min_by_key(|(k, (_, s))| (s.len(), std::cmp::Reverse(*k)))
            .map_or_else(|| "file".to_string(), |(_, (path, _))| path.clone())
    }

    fn push(&mut self, path: String, span: Span) {
        self.nodes.push((path, span));
    }

    fn item(&mut self, item: &Item, path: &str) {
        self.push(path.to_string(), item.span());
        match item {
            Item::Piano(p) => {
                self.text(&format!("{path}/title"), &p.title);
                self.text_field(path, "ente", &p.ente);
                if let Some(f) = &p.anno {
                    self.field(path, "anno", f.span, &[("value", f.value.span)]);
                }
                if let Some(f) = &p.triennio {
                    let (from, to) = &f.value;
                    self.field(
                        path,
                        "triennio",
                        f.span,
                        &[("from", from.span), ("to", to.span)],
                    );
                }
                self.text_field(path, "approvato", &p.approvato);
                self.text_field(path, "descrizione", &p.descrizione);
            }
            Item::Punteggio(p) => {
                self.quantity_field(path, "massimo", &p.massimo);
                self.quantity_field(path, "ritardo", &p.ritardo);
                if let Some(f) = &p.dati_mancanti {
                    self.field(path, "dati_mancanti", f.span, &[("value", f.value.span)]);
                }
            }
            Item::Ambito(a) => {
                self.push(format!("{path}/code"), a.code.span);
                self.text(&format!("{path}/title"), &a.title);
                self.text_field(path, "descrizione", &a.descrizione);
            }
            Item::Strategico(s) => {
                self.push(format!("{path}/code"), s.code.span);
                self.text(&format!("{path}/title"), &s.title);
                if let Some(f) = &s.ambito {
                    self.field(path, "ambito", f.span, &[("value", f.value.span)]);
                }
                self.text_field(path, "descrizione", &s.descrizione);
            }
            Item::Misura(m) => self.misura_parts(path, m),
            Item::Modello(m) => {
                self.push(format!("{path}/name"), m.name.span);
                if let Some(t) = &m.title {
                    self.text(&format!("{path}/title"), t);
                }
                self.misure(path, &m.misure);
                self.indicator_fields(path, &m.fields);
            }
            Item::Obiettivo(o) => self.obiettivo(path, o),
        }
    }

    fn obiettivo(&mut self, path: &str, o: &Obiettivo) {
        self.push(format!("{path}/code"), o.code.span);
        self.text(&format!("{path}/title"), &o.title);
        if let Some(f) = &o.strategico {
            self.field(path, "strategico", f.span, &[("value", f.value.span)]);
        }
        if let Some(f) = &o.missione {
            let parts = [
                ("missione", f.value.missione.span),
                ("programma", f.value.programma.span),
            ];
            self.field(path, "missione", f.span, &parts);
        }
        self.text_field(path, "finanziamento", &o.finanziamento);
        if let Some(f) = &o.risorse {
            let here = format!("{path}/risorse");
            self.push(here.clone(), f.span);
            match &f.value {
                Risorse::Amount(q) => self.quantity(&format!("{here}/value"), q),
                Risorse::Interne => {}
                Risorse::PerYear(rows) => {
                    let labels = rows
                        .iter()
                        .map(|r| format!("{} {}", r.year.value, r.nature.text))
                        .collect();
                    for (row, label) in rows.iter().zip(numbered(labels)) {
                        let row_path = format!("{here}/{label}");
                        self.push(row_path.clone(), row.span);
                        self.push(format!("{row_path}/year"), row.year.span);
                        self.push(format!("{row_path}/nature"), row.nature.span);
                        self.quantity(&format!("{row_path}/amount"), &row.amount);
                    }
                }
            }
        }
        self.text_field(path, "area", &o.area);
        self.text_field(path, "ufficio", &o.ufficio);
        self.text_field(path, "descrizione", &o.descrizione);
        self.text_field(path, "stakeholder", &o.stakeholder);
        self.text_field(path, "fonte", &o.fonte);
        self.notes(path, &o.note);
        self.quantity_field(path, "peso", &o.peso);
        if let Some(f) = &o.pesi_uguali {
            self.push(format!("{path}/pesi uguali"), f.span);
        }
        self.misure(path, &o.misure);
        let labels = o
            .indicatori
            .iter()
            .map(|i| format!("indicatore {}", i.name.value))
            .collect();
        for (i, label) in o.indicatori.iter().zip(numbered(labels)) {
            let here = format!("{path}/{label}");
            self.push(here.clone(), i.span);
            self.push(format!("{here}/name"), i.name.span);
            if let Some(t) = &i.title {
                self.text(&format!("{here}/title"), t);
            }
            self.indicator_fields(&here, &i.fields);
        }
    }

    fn misure(&mut self, path: &str, misure: &[Misura]) {
        let labels = misure
            .iter()
            .map(|m| format!("misura {}", m.name.value))
            .collect();
        for (m, label) in misure.iter().zip(numbered(labels)) {
            let here = format!("{path}/{label}");
            self.push(here.clone(), m.span);
            self.misura_parts(&here, m);
        }
    }

    fn misura_parts(&mut self, path: &str, m: &Misura) {
        self.push(format!("{path}/name"), m.name.span);
        if let Some(d) = &m.description {
            self.text(&format!("{path}/description"), d);
        }
        self.push(format!("{path}/udm"), m.udm.span);
    }

    fn indicator_fields(&mut self, path: &str, f: &IndicatorFields) {
        if let Some(m) = &f.modello {
            self.field(path, "modello", m.span, &[("value", m.value.span)]);
        }
        self.text_field(path, "algoritmo", &f.algoritmo);
        if let Some(formula) = &f.formula {
            let here = format!("{path}/formula");
            self.push(here.clone(), formula.span);
            self.expr(&format!("{here}/expr"), &formula.value);
        }
        if let Some(w) = &f.tipologia {
            self.field(path, "tipologia", w.span, &[("value", w.value.span)]);
        }
        if let Some(w) = &f.tipo {
            self.field(path, "tipo", w.span, &[("value", w.value.span)]);
        }
        if let Some(w) = &f.udm {
            self.field(path, "udm", w.span, &[("value", w.value.span)]);
        }
        self.text_field(path, "fonte", &f.fonte);
        self.text_field(path, "kpi", &f.kpi);
        self.text_field(path, "descrizione", &f.descrizione);
        let labels = f
            .targets
            .iter()
            .map(|t| format!("target {}", t.value.year.value))
            .collect();
        for (t, label) in f.targets.iter().zip(numbered(labels)) {
            let here = format!("{path}/{label}");
            self.push(here.clone(), t.span);
            self.push(format!("{here}/year"), t.value.year.span);
            match &t.value.goal {
                Goal::NotAvailable(s) => self.push(format!("{here}/n.d."), *s),
                Goal::Compare { comparator, value } => {
                    self.push(format!("{here}/comparator"), comparator.span);
                    match value {
                        Value::Quantity(q) => self.quantity(&format!("{here}/value"), q),
                        other => self.push(format!("{here}/value"), other.span()),
                    }
                }
            }
        }
        self.quantity_field(path, "peso", &f.peso);
        self.notes(path, &f.note);
    }

    fn notes(&mut self, path: &str, notes: &[Field<Text>]) {
        for (k, n) in notes.iter().enumerate() {
            let here = format!("{path}/nota#{k}");
            self.push(here.clone(), n.span);
            self.text(&format!("{here}/value"), &n.value);
        }
    }

    /// A formula's nodes by their place in the tree; parentheses are transparent (the
    /// formatter keeps them, but a node means the same with or without them).
    fn expr(&mut self, path: &str, e: &Expr) {
        self.push(path.to_string(), e.span);
        match &e.kind {
            ExprKind::Number(_) | ExprKind::Name(_) => {}
            ExprKind::Paren(inner) => self.expr(path, inner),
            ExprKind::Neg(inner) => self.expr(&format!("{path}/neg"), inner),
            ExprKind::Binary { op, lhs, rhs } => {
                self.push(format!("{path}/op"), op.span);
                self.expr(&format!("{path}/lhs"), lhs);
                self.expr(&format!("{path}/rhs"), rhs);
            }
            ExprKind::Call { function, args } => {
                self.push(format!("{path}/function"), function.span);
                for (k, a) in args.iter().enumerate() {
                    self.expr(&format!("{path}/arg{k}"), a);
                }
            }
        }
    }

    fn field(&mut self, path: &str, keyword: &str, span: Span, parts: &[(&str, Span)]) {
        let here = format!("{path}/{keyword}");
        self.push(here.clone(), span);
        for (name, s) in parts {
            self.push(format!("{here}/{name}"), *s);
        }
    }

    fn text(&mut self, path: &str, t: &Text) {
        self.push(path.to_string(), t.span);
    }

    fn text_field(&mut self, path: &str, keyword: &str, f: &Option<Field<Text>>) {
        if let Some(f) = f {
            self.field(path, keyword, f.span, &[("value", f.value.span)]);
        }
    }

    fn quantity(&mut self, path: &str, q: &Quantity) {
        self.push(path.to_string(), q.span);
        if let Some(u) = &q.unit {
            self.push(format!("{path}/unit"), u.span);
        }
    }

    fn quantity_field(&mut self, path: &str, keyword: &str, f: &Option<Field<Quantity>>) {
        if let Some(f) = f {
            let here = format!("{path}/{keyword}");
            self.push(here.clone(), f.span);
            self.quantity(&format!("{here}/value"), &f.value);
        }
    }
}

fn item_label(item: &Item) -> String {
    match item {
        Item::Piano(_) => "piano".into(),
        Item::Punteggio(_) => "punteggio".into(),
        Item::Ambito(a) => format!("ambito {}", a.code.value),
        Item::Strategico(s) => format!("strategico {}", s.code.value),
        Item::Misura(m) => format!("misura {}", m.name.value),
        Item::Modello(m) => format!("modello {}", m.name.value),
        Item::Obiettivo(o) => format!("obiettivo {}", o.code.value),
    }
}

/// Labels made unique among their siblings: the second `target 2025` is `target 2025#1`.
fn numbered(labels: Vec<String>) -> Vec<String> {
    let mut seen: Vec<&String> = Vec::new();
    let mut out = Vec::with_capacity(labels.len());
    for label in &labels {
        let n = seen.iter().filter(|l| **l == label).count();
        out.push(format!("{label}#{n}"));
        seen.push(label);
    }
    out
}
