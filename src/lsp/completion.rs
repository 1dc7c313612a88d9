//! Completion from the words before the cursor and the block around it: the fields a block
//! accepts (a snippet for each missing `target YYYY`), the vocabulary of `udm`, `tipologia`
//! and the other closed fields, the names a formula may use, the codes of strategic lines,
//! ambiti and templates, and the registry's missions and programmes.

use super::classification;
use super::documents::Document;
use super::fields;
use crate::check::model::Function;
use crate::diagnostics::Lang;
use crate::span::Span;
use crate::syntax::ast::{CostNature, Item};
use crate::syntax::vocab::{ITEM_KEYWORDS, Vocabulary};
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, InsertTextFormat, TextEdit,
};

/// Fields that may be written more than once in a block.
const REPEATABLE: &[&str] = &["target", "nota", "misura", "indicatore"];

pub struct Options {
    pub snippets: bool,
    /// Completion asked by typing a space: offer nothing where a space is just indentation.
    pub after_space: bool,
    pub lang: Lang,
}

pub fn complete(doc: &Document, offset: usize, options: &Options) -> Vec<CompletionItem> {
    let blocks = doc.analysis().blocks(&doc.text);
    if blocks.is_quiet(offset) {
        return Vec::new();
    }
    let line = doc.lines.line_span(&doc.text, doc.lines.line_of(offset));
    let before = doc.text.get(line.start..offset).unwrap_or("");
    // The word being typed: what a completion replaces.
    let partial_len = before
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .map(char::len_utf8)
        .sum::<usize>();
    let words: Vec<&str> = before[..before.len() - partial_len]
        .split_whitespace()
        .collect();
    let replace = Span::new(offset - partial_len, offset);
    let block = blocks.innermost(offset);
    let keyword = block.map(|b| b.keyword.as_str());
    let c = Completer {
        doc,
        replace,
        options,
        offset,
    };
    match words.as_slice() {
        [] if options.after_space => Vec::new(),
        [] => match block {
            None => c.keywords(ITEM_KEYWORDS.iter().map(|s| s.to_string()).collect()),
            // A row of `risorse { ... }` starts with its year.
            Some(b) if b.keyword == "risorse" => c.years(),
            Some(b) => c.fields(b),
        },
        [first, rest @ ..] => c.value(keyword, first, rest, before),
    }
}

struct Completer<'a> {
    doc: &'a Document,
    replace: Span,
    options: &'a Options,
    offset: usize,
}

impl Completer<'_> {
    fn item(
        &self,
        label: String,
        kind: CompletionItemKind,
        detail: Option<String>,
    ) -> CompletionItem {
        let range = self.doc.lines.range(&self.doc.text, self.replace);
        CompletionItem {
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                range,
                label.clone(),
            ))),
            label,
            kind: Some(kind),
            detail,
            ..CompletionItem::default()
        }
    }

    fn snippet(&self, label: String, snippet: String, plain: String) -> CompletionItem {
        let mut item = self.item(label, CompletionItemKind::SNIPPET, None);
        let text = if self.options.snippets {
            snippet
        } else {
            plain
        };
        if let Some(CompletionTextEdit::Edit(e)) = &mut item.text_edit {
            e.new_text = text;
        }
        if self.options.snippets {
            item.insert_text_format = Some(InsertTextFormat::SNIPPET);
        }
        item
    }

    /// The years of the plan's triennio.
    fn years(&self) -> Vec<CompletionItem> {
        let (from, to) = self.doc.analysis().checked.model.plan.triennio;
        if from <= 0 || from > to || to - from >= 10 {
            return Vec::new();
        }
        (from..=to)
            .map(|y| self.item(y.to_string(), CompletionItemKind::VALUE, None))
            .collect()
    }

    fn keywords(&self, words: Vec<String>) -> Vec<CompletionItem> {
        words
            .into_iter()
            .map(|w| self.item(w, CompletionItemKind::KEYWORD, None))
            .collect()
    }

    fn words(&self, words: &[&str], kind: CompletionItemKind) -> Vec<CompletionItem> {
        words
            .iter()
            .map(|w| self.item(w.to_string(), kind, None))
            .collect()
    }

    /// The fields of block `b` not yet written in it (repeatable ones always), and a
    /// `target YYYY` snippet for each year of the triennio that has no target line.
    fn fields(&self, b: &super::blocks::Block) -> Vec<CompletionItem> {
        let written = |f: &str| {
            b.fields
                .iter()
                .any(|w| w == f.split(' ').next().unwrap_or(f))
        };
        let mut out = Vec::new();
        for f in fields::block_fields(&b.keyword) {
            if f == "target" {
                out.extend(self.targets(b));
                continue;
            }
            if REPEATABLE.contains(&f.as_str()) || !written(f) {
                out.push(self.item(f.clone(), CompletionItemKind::KEYWORD, None));
            }
        }
        out
    }

    fn targets(&self, b: &super::blocks::Block) -> Vec<CompletionItem> {
        let (from, to) = self.doc.analysis().checked.model.plan.triennio;
        let text = &self.doc.text;
        let body = b.open..b.close.unwrap_or(text.len());
        let block_text = text.get(body).unwrap_or("");
        let has_year = |y: i32| {
            block_text
                .lines()
                .any(|l| l.trim_start().starts_with(&format!("target {y}")))
        };
        let comparators = "${2|>=,<=,=,>,<,entro|} $0";
        let years: Vec<i32> = if from > 0 && from <= to && to - from < 10 {
            (from..=to).filter(|y| !has_year(*y)).collect()
        } else {
            Vec::new()
        };
        if years.is_empty() {
            return vec![self.snippet(
                "target".into(),
                format!(
                    "target ${{1:{}}} {comparators}",
                    self.options.lang.pick("anno", "year")
                ),
                "target ".into(),
            )];
        }
        years
            .into_iter()
            .map(|y| {
                self.snippet(
                    format!("target {y}"),
                    format!("target {y} ${{1|>=,<=,=,>,<,entro,n.d.|}} $0"),
                    format!("target {y} "),
                )
            })
            .collect()
    }

    /// After a field keyword: the values it takes.
    fn value(
        &self,
        block: Option<&str>,
        first: &str,
        rest: &[&str],
        before: &str,
    ) -> Vec<CompletionItem> {
        let analysis = self.doc.analysis();
        let model = &analysis.checked.model;
        let plan = &analysis.parsed.plan;
        let lang = self.options.lang;
        if let Some(words) = fields::vocabulary(first)
            && rest.is_empty()
        {
            return self.words(&words, CompletionItemKind::ENUM_MEMBER);
        }
        match (block, first, rest) {
            (Some("risorse"), year, []) if year.chars().all(|c| c.is_ascii_digit()) => self.words(
                &CostNature::canonical_words(),
                CompletionItemKind::ENUM_MEMBER,
            ),
            (Some("obiettivo"), "strategico", []) => model
                .strategici
                .iter()
                .map(|s| {
                    self.item(
                        s.code.clone(),
                        CompletionItemKind::MODULE,
                        Some(s.title.clone()),
                    )
                })
                .collect(),
            (Some("strategico"), "ambito", []) => model
                .ambiti
                .iter()
                .map(|a| {
                    self.item(
                        a.code.clone(),
                        CompletionItemKind::MODULE,
                        Some(a.title.clone()),
                    )
                })
                .collect(),
            (Some("indicatore"), "modello", []) => plan
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Modello(m) => Some(self.item(
                        m.name.value.clone(),
                        CompletionItemKind::INTERFACE,
                        m.title.as_ref().map(|t| t.value.clone()),
                    )),
                    _ => None,
                })
                .collect(),
            (_, "missione", []) => classification::missions(model.plan.comparto)
                .into_iter()
                .map(|m| {
                    self.item(
                        m.code.into(),
                        CompletionItemKind::ENUM_MEMBER,
                        Some(m.name.into()),
                    )
                })
                .collect(),
            (_, "missione", [_]) => self.keywords(vec!["programma".into()]),
            (_, "missione", [mission, "programma"]) => {
                classification::programmes(mission, model.plan.comparto, lang)
                    .into_iter()
                    .map(|p| {
                        self.item(
                            p.code.into(),
                            CompletionItemKind::ENUM_MEMBER,
                            Some(p.name.into()),
                        )
                    })
                    .collect()
            }
            (_, "pesi", []) => self.keywords(vec!["uguali".into()]),
            (Some("obiettivo"), "risorse", []) => self.keywords(vec!["interne".into()]),
            (_, "formula", _) => self.formula_names(before),
            (Some("indicatore" | "modello"), "target", []) => self.years(),
            (_, "target", [_year]) => {
                let mut out = self.words(
                    &[">=", "<=", "=", ">", "<", "entro"],
                    CompletionItemKind::OPERATOR,
                );
                out.push(self.item("n.d.".into(), CompletionItemKind::VALUE, None));
                out
            }
            // `misura nome "descrizione" ` ends with the UdM.
            (_, "misura", [_, ..]) if before.trim_end().ends_with('"') || rest.len() >= 2 => {
                let words = fields::vocabulary("udm").unwrap_or_default();
                self.words(&words, CompletionItemKind::ENUM_MEMBER)
            }
            _ => Vec::new(),
        }
    }

    /// The names a formula may use where an operand goes, and the functions.
    fn formula_names(&self, before: &str) -> Vec<CompletionItem> {
        let ident = |c: char| c.is_alphanumeric() || c == '_';
        let name_len: usize = before
            .chars()
            .rev()
            .take_while(|c| ident(*c))
            .map(char::len_utf8)
            .sum();
        let head = before[..before.len() - name_len].trim_end();
        let operand = head.ends_with("formula") || head.ends_with(['(', ';', '+', '-', '*', '/']);
        if !operand {
            return Vec::new();
        }
        let c = Completer {
            replace: Span::new(self.offset - name_len, self.offset),
            ..*self
        };
        let plan = &self.doc.analysis().parsed.plan;
        let mut names: Vec<(String, CompletionItemKind, Option<String>)> = Vec::new();
        let measure = |m: &crate::syntax::ast::Misura| {
            (
                m.name.value.clone(),
                CompletionItemKind::VARIABLE,
                Some(m.udm.text.clone()),
            )
        };
        let template = |name: &str| {
            plan.items.iter().find_map(|i| match i {
                Item::Modello(m) if m.name.value == name => Some(m),
                _ => None,
            })
        };
        let here = self.offset;
        let around = |s: Span| s.start <= here && here <= s.end;
        for item in plan.items.iter().filter(|i| around(i.span())) {
            match item {
                Item::Obiettivo(o) => {
                    names.extend(o.misure.iter().map(measure));
                    for ind in &o.indicatori {
                        if let Some(t) = ind
                            .fields
                            .modello
                            .as_ref()
                            .and_then(|t| template(&t.value.value))
                        {
                            names.extend(t.misure.iter().map(measure));
                        }
                    }
                    // Other indicators of the objective (not the one being written).
                    names.extend(o.indicatori.iter().filter(|i| !around(i.span)).map(|i| {
                        let title = i.title.as_ref().map(|t| t.value.clone());
                        (i.name.value.clone(), CompletionItemKind::PROPERTY, title)
                    }));
                }
                Item::Modello(t) => names.extend(t.misure.iter().map(measure)),
                _ => {}
            }
        }
        names.extend(plan.items.iter().filter_map(|i| match i {
            Item::Misura(m) => Some(measure(m)),
            _ => None,
        }));
        for (name, f) in Function::ALL {
            let args = vec!["x"; f.arity()].join("; ");
            names.push((
                name.to_string(),
                CompletionItemKind::FUNCTION,
                Some(format!("{name}({args})")),
            ));
        }
        let mut seen = std::collections::HashSet::new();
        names
            .into_iter()
            .filter(|(n, _, _)| seen.insert(n.clone()))
            .map(|(n, kind, detail)| c.item(n, kind, detail))
            .collect()
    }
}
