//! A snapshot of the syntax tree of `plans/esempio.piano`, as an outline: every item, field,
//! target and formula (fully parenthesised, to show precedence), with the line:column of each
//! node, so that a change in what the parser builds or where it says things are shows up here.

use piano::source::Source;
use piano::span::Span;
use piano::syntax::ast::*;
use std::fmt::Write;

struct Outline<'a> {
    source: &'a Source,
    out: String,
}

impl Outline<'_> {
    fn at(&self, span: Span) -> String {
        let (l, c) = self.source.line_col(span.start);
        let (el, ec) = self.source.line_col(span.end);
        format!("{l}:{c}-{el}:{ec}")
    }

    fn line(&mut self, depth: usize, span: Span, text: impl AsRef<str>) {
        let at = self.at(span);
        let _ = writeln!(self.out, "{}{} @{at}", "  ".repeat(depth), text.as_ref());
    }

    fn text(&mut self, depth: usize, name: &str, f: &Option<Field<Text>>) {
        if let Some(f) = f {
            let t = &f.value;
            let v = t.value.replace('\n', "⏎");
            self.line(
                depth,
                f.span,
                format!("{name}: {}{v:?}", if t.long { "long " } else { "" }),
            );
        }
    }

    fn quantity(q: &Quantity) -> String {
        let unit = q
            .unit
            .as_ref()
            .map_or(String::new(), |u| format!(" {:?}", u.known));
        format!("{}{unit}", q.number)
    }

    fn value(v: &Value) -> String {
        match v {
            Value::Quantity(q) => Self::quantity(q),
            Value::Date(d) => d.value.to_string(),
            Value::Bool(b) => b.value.to_string(),
            Value::NotAvailable(_) => "n.d.".into(),
        }
    }

    fn expr(e: &Expr) -> String {
        match &e.kind {
            ExprKind::Number(n) => n.to_string(),
            ExprKind::Name(n) => n.clone(),
            ExprKind::Neg(x) => format!("(neg {})", Self::expr(x)),
            ExprKind::Paren(x) => format!("[{}]", Self::expr(x)),
            ExprKind::Binary { op, lhs, rhs } => {
                format!(
                    "({} {} {})",
                    op.value.symbol(),
                    Self::expr(lhs),
                    Self::expr(rhs)
                )
            }
            ExprKind::Call { function, args } => {
                let args: Vec<String> = args.iter().map(Self::expr).collect();
                format!("({} {})", function.value, args.join(" "))
            }
        }
    }

    fn misura(&mut self, depth: usize, m: &Misura) {
        let d = m.description.as_ref().map_or("", |d| d.value.as_str());
        self.line(
            depth,
            m.span,
            format!("misura {} {d:?} udm={:?}", m.name.value, m.udm.known),
        );
    }

    fn fields(&mut self, depth: usize, f: &IndicatorFields) {
        if let Some(m) = &f.modello {
            self.line(depth, m.span, format!("modello {}", m.value.value));
        }
        self.text(depth, "algoritmo", &f.algoritmo);
        if let Some(x) = &f.formula {
            self.line(depth, x.span, format!("formula {}", Self::expr(&x.value)));
        }
        if let Some(x) = &f.tipologia {
            self.line(depth, x.span, format!("tipologia {:?}", x.value.known));
        }
        if let Some(x) = &f.tipo {
            self.line(depth, x.span, format!("tipo {:?}", x.value.known));
        }
        if let Some(x) = &f.udm {
            self.line(depth, x.span, format!("udm {:?}", x.value.known));
        }
        self.text(depth, "fonte", &f.fonte);
        self.text(depth, "kpi", &f.kpi);
        self.text(depth, "descrizione", &f.descrizione);
        if let Some(b) = &f.baseline {
            let v = Self::value(&b.value.value);
            self.line(
                depth,
                b.span,
                format!("baseline {} {v}", b.value.year.value),
            );
        }
        for t in &f.targets {
            let goal = match &t.value.goal {
                Goal::NotAvailable(_) => "n.d.".to_string(),
                Goal::Compare { comparator, value } => {
                    format!("{:?} {}", comparator.value, Self::value(value))
                }
            };
            self.line(
                depth,
                t.span,
                format!("target {} {goal}", t.value.year.value),
            );
        }
        if let Some(p) = &f.peso {
            self.line(depth, p.span, format!("peso {}", Self::quantity(&p.value)));
        }
        for n in &f.note {
            self.line(depth, n.span, format!("nota {:?}", n.value.value));
        }
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Piano(p) => {
                self.line(0, p.span, format!("piano {:?}", p.title.value));
                self.text(1, "ente", &p.ente);
                if let Some(c) = &p.comparto {
                    self.line(1, c.span, format!("comparto {:?}", c.value.known));
                }
                if let Some(a) = &p.anno {
                    self.line(1, a.span, format!("anno {}", a.value.value));
                }
                if let Some(t) = &p.triennio {
                    self.line(
                        1,
                        t.span,
                        format!("triennio {}-{}", t.value.0.value, t.value.1.value),
                    );
                }
                self.text(1, "approvato", &p.approvato);
                self.text(1, "responsabile", &p.responsabile);
            }
            Item::Punteggio(p) => {
                self.line(0, p.span, "punteggio");
                if let Some(m) = &p.massimo {
                    self.line(1, m.span, format!("massimo {}", Self::quantity(&m.value)));
                }
                if let Some(r) = &p.ritardo {
                    self.line(1, r.span, format!("ritardo {}", Self::quantity(&r.value)));
                }
                if let Some(d) = &p.dati_mancanti {
                    self.line(1, d.span, format!("dati_mancanti {:?}", d.value.known));
                }
            }
            Item::Ambito(a) => {
                self.line(
                    0,
                    a.span,
                    format!("ambito {} {:?}", a.code.value, a.title.value),
                );
                self.text(1, "descrizione", &a.descrizione);
                self.text(1, "responsabile", &a.responsabile);
            }
            Item::Strategico(s) => {
                self.line(
                    0,
                    s.span,
                    format!("strategico {} {:?}", s.code.value, s.title.value),
                );
                if let Some(a) = &s.ambito {
                    self.line(1, a.span, format!("ambito {}", a.value.value));
                }
            }
            Item::Misura(m) => self.misura(0, m),
            Item::Modello(m) => {
                let t = m.title.as_ref().map_or("", |t| t.value.as_str());
                self.line(0, m.span, format!("modello {} {t:?}", m.name.value));
                for x in &m.misure {
                    self.misura(1, x);
                }
                self.fields(1, &m.fields);
            }
            Item::Obiettivo(o) => {
                self.line(
                    0,
                    o.span,
                    format!("obiettivo {} {:?}", o.code.value, o.title.value),
                );
                if let Some(s) = &o.strategico {
                    self.line(1, s.span, format!("strategico {}", s.value.value));
                }
                if let Some(m) = &o.missione {
                    let mp = &m.value;
                    self.line(
                        1,
                        m.span,
                        format!(
                            "missione {} programma {}",
                            mp.missione.value, mp.programma.value
                        ),
                    );
                }
                self.text(1, "finanziamento", &o.finanziamento);
                if let Some(r) = &o.risorse {
                    let v = match &r.value {
                        Risorse::Amount(q) => Self::quantity(q),
                        Risorse::Interne => "interne".into(),
                        Risorse::PerYear(rows) => rows
                            .iter()
                            .map(|r| {
                                format!(
                                    "{} {:?} {}",
                                    r.year.value,
                                    r.nature.known,
                                    Self::quantity(&r.amount)
                                )
                            })
                            .collect::<Vec<_>>()
                            .join("; "),
                    };
                    self.line(1, r.span, format!("risorse {v}"));
                }
                self.text(1, "area", &o.area);
                self.text(1, "ufficio", &o.ufficio);
                self.text(1, "responsabile", &o.responsabile);
                self.text(1, "descrizione", &o.descrizione);
                self.text(1, "stakeholder", &o.stakeholder);
                self.text(1, "fonte", &o.fonte);
                for n in &o.note {
                    self.line(1, n.span, format!("nota {:?}", n.value.value));
                }
                if let Some(p) = &o.prerequisito {
                    self.line(1, p.span, "prerequisito");
                }
                if let Some(p) = &o.peso {
                    self.line(1, p.span, format!("peso {}", Self::quantity(&p.value)));
                }
                if let Some(p) = &o.pesi_uguali {
                    self.line(1, p.span, "pesi uguali");
                }
                for m in &o.misure {
                    self.misura(1, m);
                }
                for i in &o.indicatori {
                    let t = i.title.as_ref().map_or("", |t| t.value.as_str());
                    self.line(1, i.span, format!("indicatore {} {t:?}", i.name.value));
                    self.fields(2, &i.fields);
                }
            }
        }
    }
}

#[test]
fn example_plan_syntax_tree() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/plans/esempio.piano"))
        .expect("the example plan exists");
    let source = Source::new("plans/esempio.piano", text.as_str());
    let parsed = piano::syntax::parse(&source.text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let mut outline = Outline {
        source: &source,
        out: String::new(),
    };
    for item in &parsed.plan.items {
        outline.item(item);
    }
    let _ = writeln!(outline.out, "comments: {}", parsed.comments.len());
    insta::assert_snapshot!(outline.out);
}
