//! AST → canonical layout: one node per line, fields in the canonical order of each block
//! (`Block::fields()` in syntax/error.rs), targets sorted by year, items and indicators in the
//! order they were written.

use super::formula::expr;
use super::layout::Node;
use super::literal::{quantity, target, text, value, word, year};
use crate::span::{Span, Spanned};
use crate::syntax::ast::*;

/// The top-level items, each separated from the one before by a blank line, except in a run
/// of one-line items of one kind (`ambito 1 "…"` then `ambito 2 "…"`, consecutive `misura`
/// lines), which read as a list.
pub fn plan(plan: &Plan) -> Vec<Node> {
    let mut out = Vec::with_capacity(plan.items.len());
    let mut previous: Option<&Item> = None;
    for i in &plan.items {
        let node = item(i);
        let listed = previous.is_some_and(|p| one_line_run(p, i));
        out.push(if listed { node } else { node.separated() });
        previous = Some(i);
    }
    out
}

fn one_line_run(before: &Item, item: &Item) -> bool {
    match (before, item) {
        (Item::Misura(_), Item::Misura(_)) => true,
        (Item::Ambito(a), Item::Ambito(b)) => one_line(a) && one_line(b),
        _ => false,
    }
}

fn one_line(a: &Ambito) -> bool {
    a.descrizione.is_none() && a.responsabile.is_none()
}

fn item(item: &Item) -> Node {
    match item {
        Item::Piano(p) => piano(p),
        Item::Punteggio(p) => punteggio(p),
        Item::Ambito(a) => ambito(a),
        Item::Strategico(s) => strategico(s),
        Item::Misura(m) => misura(m),
        Item::Modello(m) => modello(m),
        Item::Obiettivo(o) => obiettivo(o),
    }
}

fn piano(p: &Piano) -> Node {
    let children = [
        text_field("ente", &p.ente),
        field(&p.comparto, |w| format!("comparto {}", word(w))),
        field(&p.anno, |y| format!("anno {}", year(y.value))),
        field(&p.triennio, |(from, to)| {
            format!("triennio {}-{}", year(from.value), year(to.value))
        }),
        text_field("approvato", &p.approvato),
        text_field("responsabile", &p.responsabile),
        text_field("descrizione", &p.descrizione),
    ];
    let header = format!("piano {}", text(&p.title));
    Node::block(p.span, header, p.title.span.end, flatten(children))
}

fn punteggio(p: &Punteggio) -> Node {
    let children = [
        field(&p.massimo, |q| format!("massimo {}", quantity(q))),
        field(&p.ritardo, |q| format!("ritardo {}", quantity(q))),
        field(&p.dati_mancanti, |w| format!("dati_mancanti {}", word(w))),
    ];
    let header_end = p.span.start + "punteggio".len();
    Node::block(p.span, "punteggio".into(), header_end, flatten(children))
}

fn ambito(a: &Ambito) -> Node {
    let children = [
        text_field("responsabile", &a.responsabile),
        text_field("descrizione", &a.descrizione),
    ];
    let header = format!("ambito {} {}", a.code.value, text(&a.title));
    optional_block(a.span, header, a.title.span.end, flatten(children))
}

fn strategico(s: &Strategico) -> Node {
    let children = [
        field(&s.ambito, |code| format!("ambito {}", code.value)),
        text_field("descrizione", &s.descrizione),
    ];
    let header = format!("strategico {} {}", s.code.value, text(&s.title));
    optional_block(s.span, header, s.title.span.end, flatten(children))
}

fn misura(m: &Misura) -> Node {
    let line = match &m.description {
        Some(d) => format!("misura {} {} {}", m.name.value, text(d), word(&m.udm)),
        None => format!("misura {} {}", m.name.value, word(&m.udm)),
    };
    Node::line(m.span, line)
}

fn modello(m: &Modello) -> Node {
    let mut children: Vec<Node> = m.misure.iter().map(misura).collect();
    children.extend(indicator_fields(&m.fields));
    let (header, header_end) = titled("modello", &m.name, m.title.as_ref());
    Node::block(m.span, header, header_end, children)
}

fn obiettivo(o: &Obiettivo) -> Node {
    let own = [
        field(&o.strategico, |code| format!("strategico {}", code.value)),
        // Codes keep their digits: `01` is a D.Lgs. 118/2011 code, `011` a Chamber's.
        field(&o.missione, |mp| {
            format!(
                "missione {} programma {}",
                mp.missione.value, mp.programma.value
            )
        }),
        text_field("finanziamento", &o.finanziamento),
        o.risorse.as_ref().map(risorse),
        text_field("area", &o.area),
        text_field("ufficio", &o.ufficio),
        text_field("responsabile", &o.responsabile),
        text_field("descrizione", &o.descrizione),
        text_field("stakeholder", &o.stakeholder),
        text_field("fonte", &o.fonte),
    ];
    let mut children = flatten(own);
    children.extend(notes(&o.note));
    children.extend(field(&o.peso, |q| format!("peso {}", quantity(q))));
    children.extend(field(&o.prerequisito, |()| "prerequisito".to_string()));
    children.extend(field(&o.pesi_uguali, |()| "pesi uguali".to_string()));
    // The measures form one group; each indicator is a group of its own.
    for (i, m) in o.misure.iter().enumerate() {
        let node = misura(m);
        children.push(if i == 0 { node.separated() } else { node });
    }
    children.extend(o.indicatori.iter().map(|i| indicatore(i).separated()));
    let header = format!("obiettivo {} {}", o.code.value, text(&o.title));
    Node::block(o.span, header, o.title.span.end, children)
}

/// `risorse` is a line, or a block of one line per year and nature of cost.
fn risorse(f: &Field<Risorse>) -> Node {
    match &f.value {
        Risorse::Amount(q) => Node::line(f.span, format!("risorse {}", quantity(q))),
        Risorse::Interne => Node::line(f.span, "risorse interne".into()),
        Risorse::PerYear(rows) => {
            let children = rows
                .iter()
                .map(|row| {
                    let line = format!(
                        "{} {} {}",
                        year(row.year.value),
                        word(&row.nature),
                        quantity(&row.amount)
                    );
                    Node::line(row.span, line)
                })
                .collect();
            let header_end = f.span.start + "risorse".len();
            Node::block(f.span, "risorse".into(), header_end, children)
        }
    }
}

fn indicatore(i: &Indicatore) -> Node {
    let (header, header_end) = titled("indicatore", &i.name, i.title.as_ref());
    Node::block(i.span, header, header_end, indicator_fields(&i.fields))
}

fn indicator_fields(f: &IndicatorFields) -> Vec<Node> {
    let mut targets: Vec<&Field<Target>> = f.targets.iter().collect();
    targets.sort_by_key(|t| t.value.year.value); // stable: duplicates keep their order
    let mut out = flatten([
        field(&f.modello, |name| format!("modello {}", name.value)),
        text_field("algoritmo", &f.algoritmo),
        field(&f.formula, |e| format!("formula {}", expr(e))),
        field(&f.tipologia, |w| format!("tipologia {}", word(w))),
        field(&f.tipo, |w| format!("tipo {}", word(w))),
        field(&f.udm, |w| format!("udm {}", word(w))),
        text_field("fonte", &f.fonte),
        text_field("kpi", &f.kpi),
        text_field("descrizione", &f.descrizione),
        field(&f.baseline, |b| {
            format!("baseline {} {}", year(b.year.value), value(&b.value))
        }),
    ]);
    out.extend(
        targets
            .into_iter()
            .map(|t| Node::line(t.span, target(&t.value))),
    );
    out.extend(field(&f.peso, |q| format!("peso {}", quantity(q))));
    out.extend(notes(&f.note));
    out
}

fn notes(notes: &[Field<Text>]) -> impl Iterator<Item = Node> + '_ {
    notes
        .iter()
        .map(|n| Node::line(n.span, format!("nota {}", text(&n.value))))
}

/// `indicatore name "title"` or `indicatore name`, and where that header ends in the source.
fn titled(keyword: &str, name: &Spanned<String>, title: Option<&Text>) -> (String, usize) {
    match title {
        Some(t) => (format!("{keyword} {} {}", name.value, text(t)), t.span.end),
        None => (format!("{keyword} {}", name.value), name.span.end),
    }
}

fn optional_block(span: Span, header: String, header_end: usize, children: Vec<Node>) -> Node {
    let mut node = Node::block(span, header, header_end, children);
    if let Some(block) = &mut node.block {
        block.optional = true;
    }
    node
}

fn field<T>(f: &Option<Field<T>>, render: impl Fn(&T) -> String) -> Option<Node> {
    f.as_ref().map(|f| Node::line(f.span, render(&f.value)))
}

fn text_field(keyword: &str, f: &Option<Field<Text>>) -> Option<Node> {
    field(f, |t| format!("{keyword} {}", text(t)))
}

fn flatten<const N: usize>(nodes: [Option<Node>; N]) -> Vec<Node> {
    nodes.into_iter().flatten().collect()
}
