//! Property tests on real plans: every shipped plan is mutated structurally, one planted
//! defect at a time (a swapped UdM, a dropped or duplicated target, a changed weight, a renamed
//! reference, a nested formula). Checking never panics, and every planted defect is reported,
//! with the right code, inside the block where it was planted.

use piano::check::model::{Model, RExpr, RExprKind};
use piano::diagnostics::{Code, Diagnostic};
use piano::eval::value::Val;
use piano::source::Source;
use piano::span::Span;
use piano::syntax::ast::{Goal, Item, Obiettivo, Udm};

fn plans() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("plans/ exists").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "piano") {
            let text = std::fs::read_to_string(&path).expect("readable");
            out.push((path.display().to_string(), text));
        }
    }
    out.sort();
    assert!(!out.is_empty());
    out
}

fn objectives(text: &str) -> Vec<Obiettivo> {
    piano::syntax::parse(text)
        .plan
        .items
        .into_iter()
        .filter_map(|i| match i {
            Item::Obiettivo(o) => Some(*o),
            _ => None,
        })
        .collect()
}

fn check(text: &str) -> Vec<Diagnostic> {
    piano::check_source(&Source::new("mutant.piano", text))
}

/// `text` with `span` replaced by `with`.
fn replace(text: &str, span: Span, with: &str) -> String {
    format!("{}{with}{}", &text[..span.start], &text[span.end..])
}

/// The whole line holding `span`, with its line end.
fn line_of(text: &str, span: Span) -> Span {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i + 1);
    Span::new(start, end)
}

/// Asserts that `mutant` reports `code` within `region` (a byte range of the mutant).
fn assert_reported(what: &str, mutant: &str, code: Code, region: Span) {
    let diagnostics = check(mutant);
    let found = diagnostics
        .iter()
        .any(|d| d.code() == code && d.span.start >= region.start && d.span.start <= region.end);
    assert!(
        found,
        "{what}: expected {code} in {}..{}, got {:?}",
        region.start,
        region.end,
        diagnostics
            .iter()
            .map(|d| (d.code(), d.span.start))
            .collect::<Vec<_>>()
    );
}

#[test]
fn shipped_plans_are_clean_before_mutation() {
    for (name, text) in plans() {
        let errors: Vec<Code> = check(&text)
            .iter()
            .filter(|d| d.is_error())
            .map(Diagnostic::code)
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
}

#[test]
fn dropped_and_duplicated_targets_are_reported() {
    let mut planted = 0;
    for (name, text) in plans() {
        for o in objectives(&text) {
            for ind in &o.indicatori {
                let Some(t) = ind.fields.targets.first() else {
                    continue;
                };
                let line = line_of(&text, t.span);
                // Dropping the line: that year has no target any more (unless a template
                // gives one).
                if ind.fields.modello.is_none() {
                    let mutant = replace(&text, line, "");
                    let region = Span::new(ind.span.start, ind.span.end - line.len());
                    assert_reported(
                        &format!("{name}: drop {}", ind.name.value),
                        &mutant,
                        Code::T0403,
                        region,
                    );
                    planted += 1;
                }
                let dup = text[line.range()].to_string();
                let mutant = replace(&text, Span::new(line.end, line.end), &dup);
                let region = Span::new(ind.span.start, ind.span.end + dup.len());
                assert_reported(
                    &format!("{name}: duplicate {}", ind.name.value),
                    &mutant,
                    Code::T0404,
                    region,
                );
                planted += 1;
            }
        }
    }
    assert!(planted > 20, "only {planted} mutations");
}

#[test]
fn changed_weights_are_reported() {
    let mut planted = 0;
    for (name, text) in plans() {
        for o in objectives(&text) {
            if o.pesi_uguali.is_some() {
                continue;
            }
            let Some((ind, peso)) = o
                .indicatori
                .iter()
                .find_map(|i| i.fields.peso.as_ref().map(|p| (i, p)))
            else {
                continue;
            };
            let number = peso.value.number + rust_decimal::Decimal::ONE;
            let with = format!("{}%", piano::italian::number(number));
            let mutant = replace(&text, peso.value.span, &with);
            let what = format!("{name}: weight of {}.{}", o.code.value, ind.name.value);
            let diagnostics = check(&mutant);
            // Either the sum is off, or (for a 100% weight) the weight itself is too large.
            assert!(
                diagnostics
                    .iter()
                    .any(|d| matches!(d.code(), Code::W0501 | Code::W0503)
                        && d.span.start >= o.span.start
                        && d.span.start <= o.span.end + 4),
                "{what}: not reported"
            );
            planted += 1;
        }
    }
    assert!(planted > 3);
}

/// Guards the unit checks behind a changed `udm` with the codes the module promises: every
/// target whose value no longer fits the unit is reported as U0307 on its own line, and a
/// formula whose result no longer fits as U0301 on the formula.
#[test]
fn swapped_units_are_reported() {
    let mut planted = 0;
    for (name, text) in plans() {
        for o in objectives(&text) {
            for ind in &o.indicatori {
                let Some(udm) = &ind.fields.udm else { continue };
                let value_targets: Vec<Span> = ind
                    .fields
                    .targets
                    .iter()
                    .filter(|t| {
                        matches!(&t.value.goal, Goal::Compare { value, .. } if !matches!(value, piano::syntax::ast::Value::NotAvailable(_)))
                    })
                    .map(|t| t.span)
                    .collect();
                if value_targets.is_empty() && ind.fields.formula.is_none() {
                    continue;
                }
                // A date for a number, a number for a date or a yes/no.
                let swapped = match udm.value.known {
                    Some(Udm::Date | Udm::YesNo) => "n.",
                    _ => "data",
                };
                let mutant = replace(&text, udm.value.span, swapped);
                // Spans after the `udm` word move by the change in length.
                let moved = |s: Span| {
                    if s.start >= udm.value.span.end {
                        Span::new(
                            s.start + swapped.len() - udm.value.span.len(),
                            s.end + swapped.len() - udm.value.span.len(),
                        )
                    } else {
                        s
                    }
                };
                let what = format!(
                    "{name}: udm of {}.{} → {swapped}",
                    o.code.value, ind.name.value
                );
                for t in &value_targets {
                    assert_reported(&what, &mutant, Code::U0307, moved(*t));
                    planted += 1;
                }
                if let Some(f) = &ind.fields.formula {
                    assert_reported(&what, &mutant, Code::U0301, moved(f.span));
                    planted += 1;
                }
            }
        }
    }
    assert!(planted > 10);
}

#[test]
fn renamed_references_are_reported() {
    let mut planted = 0;
    for (name, text) in plans() {
        for o in objectives(&text) {
            if let Some(s) = &o.strategico {
                let mutant = replace(&text, s.value.span, "09_09");
                assert_reported(
                    &format!("{name}: strategico of {}", o.code.value),
                    &mutant,
                    Code::N0202,
                    s.span,
                );
                planted += 1;
            }
            for ind in &o.indicatori {
                if let Some(m) = &ind.fields.modello {
                    let renamed = format!("{}_x", m.value.value);
                    let mutant = replace(&text, m.value.span, &renamed);
                    let region = Span::new(m.span.start, m.span.end + 2);
                    assert_reported(
                        &format!("{name}: modello of {}", ind.name.value),
                        &mutant,
                        Code::N0202,
                        region,
                    );
                    planted += 1;
                }
                if let Some(f) = &ind.fields.formula {
                    // The first name of the formula, renamed.
                    let formula_text = &text[f.value.span.range()];
                    let Some(start) = formula_text.find(|c: char| c.is_alphabetic()) else {
                        continue;
                    };
                    let len = formula_text[start..]
                        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .unwrap_or(formula_text.len() - start);
                    let word = &formula_text[start..start + len];
                    if ["min", "max", "abs"].contains(&word) {
                        continue;
                    }
                    let at = f.value.span.start + start;
                    let mutant = replace(&text, Span::new(at, at + len), &format!("{word}_zz"));
                    let region = Span::new(f.span.start, f.span.end + 3);
                    assert_reported(
                        &format!("{name}: formula of {}", ind.name.value),
                        &mutant,
                        Code::N0202,
                        region,
                    );
                    planted += 1;
                }
            }
        }
    }
    assert!(planted > 5);
}

/// A resolved formula's tree, without spans: what it computes.
fn shape(e: &RExpr) -> String {
    match &e.kind {
        RExprKind::Number(n) => n.normalize().to_string(),
        RExprKind::Measure(id) => format!("m{id}"),
        RExprKind::Indicator(i) => format!("i{i}"),
        RExprKind::Neg(x) => format!("neg({})", shape(x)),
        RExprKind::Binary { op, lhs, rhs } => {
            format!("({} {} {})", shape(lhs), op.symbol(), shape(rhs))
        }
        RExprKind::Call { function, args } => {
            let args: Vec<String> = args.iter().map(shape).collect();
            format!("{function:?}({})", args.join("; "))
        }
    }
}

/// Values for every code the plan needs (1, 2, 3, … in the code's unit), so that formulas
/// compute distinct numbers.
fn measurements(model: &Model) -> String {
    let mut csv = format!("codice;valore\nrilevazione;30/06/{}\n", model.plan.anno);
    for (k, need) in piano::eval::needs::needed(model).iter().enumerate() {
        let value = match need.udm {
            Udm::Date => format!("{:02}/03/2024", 1 + k % 28),
            Udm::YesNo => "sì".to_string(),
            Udm::Percent => format!("{}%", 1 + k),
            Udm::Euro => format!("{} €", 1 + k),
            _ => format!("{}", 1 + k),
        };
        csv.push_str(&format!("{};{value}\n", need.code));
    }
    csv
}

/// The resolved formula and the computed value of every indicator with a formula, on the
/// measurement file `csv`.
fn formulas_and_values(text: &str, csv: &str) -> Vec<(String, String, Val)> {
    let checked = piano::check_plan(&Source::new("p.piano", text));
    let loaded = piano::eval::load(&checked.model, &Source::new("misure.csv", csv));
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let (evaluation, _) = piano::eval::evaluate(
        &checked.model,
        text,
        &loaded.measurements,
        piano::eval::Options::default(),
    );
    let evaluation = evaluation.expect("scored");
    let mut out = Vec::new();
    for (o, objective) in checked.model.objectives.iter().enumerate() {
        for (i, indicator) in objective.indicators.iter().enumerate() {
            if let Some(f) = &indicator.formula {
                let value = evaluation.objectives[o].indicators[i].value.clone();
                out.push((indicator.code.clone(), shape(&f.expr), value));
            }
        }
    }
    out
}

/// Guards the parentheses of formulas through the parser and the resolver: three more pairs
/// around a formula must leave no error and the same resolved tree and computed value (a
/// parenthesis read as a minus, or an inner operand dropped, changes them); far too many are
/// refused with P0115.
#[test]
fn nested_formulas_keep_their_meaning_or_are_refused() {
    let mut planted = 0;
    for (name, text) in plans() {
        let csv = measurements(&piano::check_plan(&Source::new("p.piano", text.as_str())).model);
        let original = formulas_and_values(&text, &csv);
        assert!(
            original.iter().all(|(_, _, v)| matches!(v, Val::Number(_))),
            "{name}: every formula computes: {original:?}"
        );
        for o in objectives(&text) {
            for ind in &o.indicatori {
                let Some(f) = &ind.fields.formula else {
                    continue;
                };
                let inner = &text[f.value.span.range()];
                // A few parentheses change nothing.
                let shallow = replace(&text, f.value.span, &format!("((({inner})))"));
                let errors: Vec<Code> = check(&shallow)
                    .iter()
                    .filter(|d| d.is_error())
                    .map(|d| d.code())
                    .collect();
                assert!(
                    errors.is_empty(),
                    "{name}: {} nested 3 deep: {errors:?}",
                    ind.name.value
                );
                assert_eq!(
                    formulas_and_values(&shallow, &csv),
                    original,
                    "{name}: {}.{} nested 3 deep means something else",
                    o.code.value,
                    ind.name.value
                );
                planted += 1;
                // Far too many are refused, not a crash.
                let deep = replace(
                    &text,
                    f.value.span,
                    &format!("{}{inner}{}", "(".repeat(5000), ")".repeat(5000)),
                );
                assert_reported(
                    &format!("{name}: {} nested deep", ind.name.value),
                    &deep,
                    Code::P0115,
                    f.span.to(Span::new(f.span.end, f.span.end + 5000)),
                );
            }
        }
    }
    assert!(planted > 5, "only {planted} formulas");
}

/// The shipped plans of local bodies (`comparto ente_locale`).
fn local_plans() -> Vec<(String, String)> {
    let local: Vec<_> = plans()
        .into_iter()
        .filter(|(_, t)| t.contains("comparto ente_locale"))
        .collect();
    assert!(!local.is_empty(), "plans/ has a comune's plan");
    local
}

#[test]
fn codes_in_the_wrong_form_are_reported_with_the_right_spelling() {
    let mut planted = 0;
    for (name, text) in local_plans() {
        for o in objectives(&text) {
            let Some(m) = &o.missione else { continue };
            for (code, with) in [
                (&m.value.missione, format!("0{}", m.value.missione.value)),
                (
                    &m.value.programma,
                    m.value.programma.value.trim_start_matches('0').to_string(),
                ),
            ] {
                if with.len() == 2 {
                    continue; // `10` stays `10`: nothing planted
                }
                let mutant = replace(&text, code.span, &with);
                let what = format!("{name}: {} → {with}", code.value);
                assert_reported(&what, &mutant, Code::C0606, code.span);
                let fix = check(&mutant)
                    .into_iter()
                    .find(|d| d.code() == Code::C0606)
                    .and_then(|d| {
                        d.texts(piano::diagnostics::Lang::It)
                            .fixes
                            .into_iter()
                            .next()
                    })
                    .unwrap_or_else(|| panic!("{what}: no fix"));
                assert_eq!(fix.edits[0].replacement, code.value, "{what}");
                planted += 1;
            }
        }
    }
    assert!(planted > 5, "only {planted} mutations");
}

#[test]
fn a_prerequisite_without_its_line_is_reported_at_its_objective() {
    let mut planted = 0;
    for (name, text) in local_plans() {
        for o in objectives(&text) {
            let Some(p) = &o.prerequisito else { continue };
            let mutant = replace(&text, line_of(&text, p.span), "");
            let region = Span::new(o.code.span.start, o.code.span.end);
            assert_reported(
                &format!("{name}: {}", o.code.value),
                &mutant,
                Code::W0505,
                region,
            );
            // Its fixes: `prerequisito` back, which checks clean again.
            let d = check(&mutant)
                .into_iter()
                .find(|d| d.code() == Code::W0505)
                .expect("reported");
            let fixes = d.texts(piano::diagnostics::Lang::It).fixes;
            let fix = fixes
                .iter()
                .find(|f| f.edits[0].replacement.trim() == "prerequisito")
                .expect("a prerequisito fix");
            let e = &fix.edits[0];
            let repaired = replace(&mutant, e.span, &e.replacement);
            let errors: Vec<Code> = check(&repaired)
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.code())
                .collect();
            assert!(errors.is_empty(), "{name}: after the fix {errors:?}");
            planted += 1;
        }
    }
    assert!(planted > 0);
}

#[test]
fn changed_objective_weights_are_reported() {
    let mut planted = 0;
    for (name, text) in local_plans() {
        for o in objectives(&text) {
            let Some(peso) = &o.peso else { continue };
            let number = peso.value.number + rust_decimal::Decimal::ONE;
            let with = format!("{}%", piano::italian::number(number));
            let mutant = replace(&text, peso.value.span, &with);
            assert!(
                check(&mutant).iter().any(|d| d.code() == Code::W0505),
                "{name}: weight of {}",
                o.code.value
            );
            planted += 1;
        }
    }
    assert!(planted >= 6);
}

#[test]
fn a_local_plan_declared_a_chambers_plan_is_refused() {
    for (name, text) in local_plans() {
        let mutant = text.replace("comparto ente_locale", "comparto camera");
        for o in objectives(&text) {
            let Some(m) = &o.missione else { continue };
            // `comparto camera` is shorter than `comparto ente_locale`: later offsets move.
            let shift = "comparto camera".len() as isize - "comparto ente_locale".len() as isize;
            let at = (m.span.start as isize + shift) as usize;
            let region = Span::new(at, at + m.span.end - m.span.start);
            assert_reported(
                &format!("{name}: {}", o.code.value),
                &mutant,
                Code::C0601,
                region,
            );
        }
    }
}
