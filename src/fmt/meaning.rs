//! What a plan means, apart from how it is laid out: the AST with spans erased, words in their
//! canonical spelling and targets in year order. Codes count as written (`piano fmt` never
//! changes their digits). Formatting must not change it; `fmt::format` checks that on every
//! file it formats.

use crate::span::{Span, Spanned};
use crate::syntax::ast::*;
use crate::syntax::vocab::Vocabulary;

/// The plan as the formatter must leave it, whatever it does to the layout.
pub fn meaning(plan: &Plan) -> Plan {
    let mut plan = plan.clone();
    plan.erase();
    plan
}

trait Erase {
    fn erase(&mut self);
}

impl Erase for Span {
    fn erase(&mut self) {
        *self = Span::default();
    }
}

impl<T: Erase> Erase for Option<T> {
    fn erase(&mut self) {
        if let Some(x) = self {
            x.erase();
        }
    }
}

impl<T: Erase> Erase for Vec<T> {
    fn erase(&mut self) {
        self.iter_mut().for_each(Erase::erase);
    }
}

impl<T: Erase> Erase for Box<T> {
    fn erase(&mut self) {
        (**self).erase();
    }
}

impl<A: Erase, B: Erase> Erase for (A, B) {
    fn erase(&mut self) {
        self.0.erase();
        self.1.erase();
    }
}

impl Erase for () {
    fn erase(&mut self) {}
}

/// Values whose spelling the formatter keeps (names, codes, years, flags).
macro_rules! plain {
    ($($t:ty),*) => {
        $(impl Erase for Spanned<$t> {
            fn erase(&mut self) {
                self.span.erase();
            }
        })*
    };
}
plain!(String, i32, bool, chrono::NaiveDate, Comparator, BinOp);

impl<T: Erase> Erase for Field<T> {
    fn erase(&mut self) {
        self.span.erase();
        self.value.erase();
    }
}

impl<T: Vocabulary> Erase for Word<T> {
    fn erase(&mut self) {
        self.span.erase();
        if let Some(known) = self.known {
            self.text = known.canonical().to_string();
        }
    }
}

impl Erase for Text {
    fn erase(&mut self) {
        self.span.erase();
    }
}

impl Erase for Plan {
    fn erase(&mut self) {
        self.items.erase();
    }
}

impl Erase for Item {
    fn erase(&mut self) {
        match self {
            Item::Piano(x) => x.erase(),
            Item::Punteggio(x) => x.erase(),
            Item::Ambito(x) => x.erase(),
            Item::Strategico(x) => x.erase(),
            Item::Misura(x) => x.erase(),
            Item::Modello(x) => x.erase(),
            Item::Obiettivo(x) => x.erase(),
        }
    }
}

impl Erase for Piano {
    fn erase(&mut self) {
        self.span.erase();
        self.title.erase();
        self.ente.erase();
        self.comparto.erase();
        self.anno.erase();
        self.triennio.erase();
        self.approvato.erase();
        self.responsabile.erase();
        self.descrizione.erase();
    }
}

impl Erase for Punteggio {
    fn erase(&mut self) {
        self.span.erase();
        self.massimo.erase();
        self.ritardo.erase();
        self.dati_mancanti.erase();
    }
}

impl Erase for Ambito {
    fn erase(&mut self) {
        self.span.erase();
        self.code.erase();
        self.title.erase();
        self.descrizione.erase();
        self.responsabile.erase();
    }
}

impl Erase for Strategico {
    fn erase(&mut self) {
        self.span.erase();
        self.code.erase();
        self.title.erase();
        self.ambito.erase();
        self.descrizione.erase();
    }
}

impl Erase for Misura {
    fn erase(&mut self) {
        self.span.erase();
        self.name.erase();
        self.description.erase();
        self.udm.erase();
    }
}

impl Erase for Modello {
    fn erase(&mut self) {
        self.span.erase();
        self.name.erase();
        self.title.erase();
        self.misure.erase();
        self.fields.erase();
    }
}

impl Erase for Obiettivo {
    fn erase(&mut self) {
        self.span.erase();
        self.code.erase();
        self.title.erase();
        self.strategico.erase();
        self.missione.erase();
        self.finanziamento.erase();
        self.risorse.erase();
        self.area.erase();
        self.ufficio.erase();
        self.responsabile.erase();
        self.descrizione.erase();
        self.stakeholder.erase();
        self.fonte.erase();
        self.note.erase();
        self.peso.erase();
        self.prerequisito.erase();
        self.pesi_uguali.erase();
        self.misure.erase();
        self.indicatori.erase();
    }
}

impl Erase for MissioneProgramma {
    fn erase(&mut self) {
        self.missione.erase();
        self.programma.erase();
    }
}

impl Erase for Baseline {
    fn erase(&mut self) {
        self.year.erase();
        self.value.erase();
    }
}

impl Erase for Risorse {
    fn erase(&mut self) {
        match self {
            Risorse::Amount(q) => q.erase(),
            Risorse::Interne => {}
            Risorse::PerYear(rows) => rows.erase(),
        }
    }
}

impl Erase for RisorseRow {
    fn erase(&mut self) {
        self.span.erase();
        self.year.erase();
        self.nature.erase();
        self.amount.erase();
    }
}

impl Erase for Indicatore {
    fn erase(&mut self) {
        self.span.erase();
        self.name.erase();
        self.title.erase();
        self.fields.erase();
    }
}

impl Erase for IndicatorFields {
    fn erase(&mut self) {
        self.modello.erase();
        self.algoritmo.erase();
        self.formula.erase();
        self.tipologia.erase();
        self.tipo.erase();
        self.udm.erase();
        self.fonte.erase();
        self.kpi.erase();
        self.descrizione.erase();
        self.baseline.erase();
        self.targets.erase();
        // Stable: two targets for one year (a diagnostic of the checker) keep their order.
        self.targets.sort_by_key(|t| t.value.year.value);
        self.peso.erase();
        self.note.erase();
    }
}

impl Erase for Target {
    fn erase(&mut self) {
        self.year.erase();
        self.goal.erase();
    }
}

impl Erase for Goal {
    fn erase(&mut self) {
        match self {
            Goal::NotAvailable(span) => span.erase(),
            Goal::Compare { comparator, value } => {
                comparator.erase();
                value.erase();
            }
        }
    }
}

impl Erase for Value {
    fn erase(&mut self) {
        match self {
            Value::Quantity(q) => q.erase(),
            Value::Date(d) => d.erase(),
            Value::Bool(b) => b.erase(),
            Value::NotAvailable(span) => span.erase(),
        }
    }
}

impl Erase for Quantity {
    fn erase(&mut self) {
        self.span.erase();
        self.unit.erase();
    }
}

impl Erase for Expr {
    fn erase(&mut self) {
        self.span.erase();
        match &mut self.kind {
            ExprKind::Number(_) | ExprKind::Name(_) => {}
            ExprKind::Neg(e) | ExprKind::Paren(e) => e.erase(),
            ExprKind::Binary { op, lhs, rhs } => {
                op.erase();
                lhs.erase();
                rhs.erase();
            }
            ExprKind::Call { function, args } => {
                function.erase();
                args.erase();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    fn meaning_of(text: &str) -> Plan {
        let parsed = parse(text);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        meaning(&parsed.plan)
    }

    const PLAN: &str = "obiettivo 01 \"x\" {\n  missione 11 programma 5\n  indicatore a {\n    udm si/no\n    target 2025 = si\n    target 2024 = no\n    formula (a + 1) * 2\n  }\n}\n";

    #[test]
    fn layout_and_spelling_do_not_count() {
        let canonical = "\n\nobiettivo 01 \"x\" {\n  missione 11 programma 5\n\n  indicatore a {\n    formula (a + 1) * 2\n    udm sì/no\n    target 2024 = no\n    target 2025 = sì\n  }\n}\n";
        assert_eq!(meaning_of(PLAN), meaning_of(canonical));
    }

    #[test]
    fn values_count() {
        for changed in [
            PLAN.replace("11", "12"),
            // Codes count as written: `011` is not `11` outside the Chambers' registry.
            PLAN.replace("missione 11", "missione 011"),
            PLAN.replace("= si", "= no"),
            PLAN.replace("(a + 1) * 2", "a + 1 * 2"),
            PLAN.replace("2025", "2026"),
            PLAN.replace("\"x\"", "\"y\""),
            PLAN.replace("udm si/no", "udm %"),
        ] {
            assert_ne!(meaning_of(PLAN), meaning_of(&changed), "{changed}");
        }
    }
}
