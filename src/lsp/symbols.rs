//! The outline: ambito → strategic line → objective → indicator, with the measures and the
//! templates, from the syntax tree (so that a plan with errors still has one). A parent's
//! range covers its children, wherever they are written, so that breadcrumbs follow the
//! cursor into them.

use super::documents::{Document, Documents};
use crate::span::Span;
use crate::syntax::ast::{Ambito, Item, Misura, Obiettivo, Plan, Strategico};
use lsp_types::{DocumentSymbol, Location, SymbolInformation, SymbolKind};

pub fn document_symbols(doc: &Document) -> Vec<DocumentSymbol> {
    let plan = &doc.analysis().parsed.plan;
    Outline { doc, plan }.build()
}

struct Outline<'a> {
    doc: &'a Document,
    plan: &'a Plan,
}

impl Outline<'_> {
    fn build(&self) -> Vec<DocumentSymbol> {
        let ambiti: Vec<&Ambito> = self.items(|i| match i {
            Item::Ambito(a) => Some(&**a),
            _ => None,
        });
        let strategici: Vec<&Strategico> = self.items(|i| match i {
            Item::Strategico(s) => Some(&**s),
            _ => None,
        });
        // A strategic line sits under the first ambito of its code; an objective under the
        // first strategic line of its code. The others stay at the top.
        let ambito_of = |s: &Strategico| {
            let code = &s.ambito.as_ref()?.value.value;
            ambiti.iter().position(|a| &a.code.value == code)
        };
        let line_of = |o: &Obiettivo| {
            let code = &o.strategico.as_ref()?.value.value;
            strategici.iter().position(|s| &s.code.value == code)
        };
        let first_strategico = |s: &Strategico| {
            strategici
                .iter()
                .position(|x| std::ptr::eq(*x, s))
                .unwrap_or(0)
        };
        let mut out = Vec::new();
        for item in &self.plan.items {
            match item {
                Item::Piano(p) => out.push(self.symbol(
                    "piano".into(),
                    Some(p.title.value.clone()),
                    SymbolKind::FILE,
                    p.span,
                    p.title.span,
                    Vec::new(),
                )),
                Item::Punteggio(p) => {
                    let head = Span::new(p.span.start, p.span.start + "punteggio".len());
                    out.push(self.symbol(
                        "punteggio".into(),
                        None,
                        SymbolKind::STRUCT,
                        p.span,
                        head,
                        Vec::new(),
                    ));
                }
                Item::Ambito(a) => {
                    let children = strategici
                        .iter()
                        .filter(|s| ambito_of(s).is_some_and(|i| std::ptr::eq(ambiti[i], &**a)))
                        .map(|s| self.strategico(s, first_strategico(s), &line_of))
                        .collect();
                    out.push(self.symbol(
                        format!("ambito {}", a.code.value),
                        Some(a.title.value.clone()),
                        SymbolKind::NAMESPACE,
                        a.span,
                        a.code.span,
                        children,
                    ));
                }
                Item::Strategico(s) if ambito_of(s).is_none() => {
                    out.push(self.strategico(s, first_strategico(s), &line_of));
                }
                Item::Obiettivo(o) if line_of(o).is_none() => out.push(self.objective(o)),
                Item::Modello(m) => {
                    let children = m.misure.iter().map(|x| self.measure(x)).collect();
                    out.push(self.symbol(
                        m.name.value.clone(),
                        m.title.as_ref().map(|t| t.value.clone()),
                        SymbolKind::INTERFACE,
                        m.span,
                        m.name.span,
                        children,
                    ));
                }
                Item::Misura(m) => out.push(self.measure(m)),
                Item::Strategico(_) | Item::Obiettivo(_) => {}
            }
        }
        out
    }

    fn items<'p, T>(&'p self, pick: impl Fn(&'p Item) -> Option<&'p T>) -> Vec<&'p T> {
        self.plan.items.iter().filter_map(pick).collect()
    }

    fn strategico(
        &self,
        s: &Strategico,
        index: usize,
        line_of: &dyn Fn(&Obiettivo) -> Option<usize>,
    ) -> DocumentSymbol {
        let children = self
            .plan
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Obiettivo(o) if line_of(o) == Some(index) => Some(self.objective(o)),
                _ => None,
            })
            .collect();
        self.symbol(
            s.code.value.clone(),
            Some(s.title.value.clone()),
            SymbolKind::MODULE,
            s.span,
            s.code.span,
            children,
        )
    }

    fn objective(&self, o: &Obiettivo) -> DocumentSymbol {
        let mut children: Vec<DocumentSymbol> = o.misure.iter().map(|m| self.measure(m)).collect();
        children.extend(o.indicatori.iter().map(|i| {
            self.symbol(
                i.name.value.clone(),
                i.title.as_ref().map(|t| t.value.clone()),
                SymbolKind::PROPERTY,
                i.span,
                i.name.span,
                Vec::new(),
            )
        }));
        children.sort_by_key(|c| (c.range.start.line, c.range.start.character));
        self.symbol(
            o.code.value.clone(),
            Some(o.title.value.clone()),
            SymbolKind::CLASS,
            o.span,
            o.code.span,
            children,
        )
    }

    fn measure(&self, m: &Misura) -> DocumentSymbol {
        let detail = m.description.as_ref().map_or_else(
            || m.udm.text.clone(),
            |d| format!("{} ({})", d.value, m.udm.text),
        );
        self.symbol(
            m.name.value.clone(),
            Some(detail),
            SymbolKind::VARIABLE,
            m.span,
            m.name.span,
            Vec::new(),
        )
    }

    #[allow(deprecated)] // `deprecated` must be written; `tags` replaces it.
    fn symbol(
        &self,
        name: String,
        detail: Option<String>,
        kind: SymbolKind,
        span: Span,
        selection: Span,
        children: Vec<DocumentSymbol>,
    ) -> DocumentSymbol {
        let doc = self.doc;
        let mut range = doc.lines.range(&doc.text, span.to(selection));
        for c in &children {
            if (c.range.start.line, c.range.start.character)
                < (range.start.line, range.start.character)
            {
                range.start = c.range.start;
            }
            if (c.range.end.line, c.range.end.character) > (range.end.line, range.end.character) {
                range.end = c.range.end;
            }
        }
        DocumentSymbol {
            // Editors refuse an empty name.
            name: if name.is_empty() { "?".into() } else { name },
            detail: detail.filter(|d| !d.is_empty()),
            kind,
            tags: None,
            deprecated: None,
            range,
            selection_range: doc.lines.range(&doc.text, selection),
            children: (!children.is_empty()).then_some(children),
        }
    }
}

/// The symbols of every open document whose name or title contains `query` (any case).
#[allow(deprecated)]
pub fn workspace_symbols(documents: &Documents, query: &str) -> Vec<SymbolInformation> {
    let query = query.to_lowercase();
    let mut out = Vec::new();
    for doc in documents.iter() {
        let mut stack: Vec<(DocumentSymbol, Option<String>)> = document_symbols(doc)
            .into_iter()
            .rev()
            .map(|s| (s, None))
            .collect();
        while let Some((mut s, container)) = stack.pop() {
            let children = s.children.take().unwrap_or_default();
            for c in children.into_iter().rev() {
                stack.push((c, Some(s.name.clone())));
            }
            let matches = s.name.to_lowercase().contains(&query)
                || s.detail
                    .as_ref()
                    .is_some_and(|d| d.to_lowercase().contains(&query));
            if matches {
                out.push(SymbolInformation {
                    name: match &s.detail {
                        Some(d) => format!("{} {d}", s.name),
                        None => s.name.clone(),
                    },
                    kind: s.kind,
                    tags: None,
                    deprecated: None,
                    location: Location::new(doc.uri.clone(), s.selection_range),
                    container_name: container,
                });
            }
        }
    }
    out
}
