//! Texts of the evaluation's diagnostics.

use super::{Texts, tr};
use crate::diagnostics::Lang;
use crate::eval::error::{EvalError, Uncomputable, YearFrom};
use crate::italian;
use crate::range::LARGEST;

pub fn describe(e: &EvalError, lang: Lang) -> Texts {
    match e {
        EvalError::DivisionByZero { indicator, divisor } => Texts::new(tr!(
            lang,
            "`{indicator}` non è calcolabile: divisione per zero",
            "`{indicator}` cannot be computed: division by zero"
        ))
        .label(tr!(
            lang,
            "`{divisor}` vale 0 nei valori rilevati",
            "`{divisor}` is 0 in the measured values"
        ))
        .help(tr!(
            lang,
            "se il valore è davvero 0, l'indicatore resta \"non calcolabile\" e non entra nella media dell'obiettivo; se il dato manca, scrivi `n.d.` invece di 0",
            "if the value really is 0, the indicator stays \"not computable\" and is left out of the objective's mean; if the figure is missing, write `n.d.` instead of 0"
        )),
        EvalError::NotComputable { indicator, reason } => {
            let why = match reason {
                Uncomputable::Overflow => tr!(
                    lang,
                    "un passaggio del calcolo supera le 28 cifre dell'aritmetica esatta",
                    "a step of the computation exceeds the 28 digits of exact arithmetic"
                ),
                Uncomputable::OutOfRange { value, percent } => {
                    let shown = if *percent {
                        value
                            .checked_mul(rust_decimal::Decimal::ONE_HUNDRED)
                            .map_or_else(|| italian::rounded(*value, 2), |p| italian::rounded(p, 2))
                            + "%"
                    } else {
                        italian::rounded(*value, 2)
                    };
                    tr!(
                        lang,
                        "il risultato, {shown}, è fuori dall'intervallo dei numeri (da -{LARGEST} a {LARGEST})",
                        "the result, {shown}, is outside the range of numbers (from -{LARGEST} to {LARGEST})"
                    )
                }
                Uncomputable::Ratio => tr!(
                    lang,
                    "il rapporto tra il valore e il target supera le 28 cifre dell'aritmetica esatta",
                    "the ratio of the value to the target exceeds the 28 digits of exact arithmetic"
                ),
                Uncomputable::Mismatch => tr!(
                    lang,
                    "la formula combina valori di tipo diverso (una data con un numero)",
                    "the formula combines values of different kinds (a date with a number)"
                ),
            };
            Texts::new(tr!(
                lang,
                "`{indicator}` non è calcolabile: {why}",
                "`{indicator}` cannot be computed: {why}"
            ))
            .help(tr!(
                lang,
                "controlla i valori delle misure che la formula usa: l'indicatore resta \"non calcolabile\" e non entra nella media dell'obiettivo",
                "check the values of the measures the formula uses: the indicator stays \"not computable\" and is left out of the objective's mean"
            ))
        }
        EvalError::YearOutsideTriennio {
            year,
            triennio: (a, b),
            from,
        } => {
            let help = match from {
                YearFrom::YearOption => tr!(
                    lang,
                    "indica con `--year` un anno tra {a} e {b}",
                    "give `--year` a year from {a} to {b}"
                ),
                YearFrom::AsOfOption => tr!(
                    lang,
                    "la data di `--as-of` decide l'anno valutato: indica una data tra il {a} e il {b}, oppure l'anno con `--year`",
                    "the `--as-of` date decides the scored year: give a date from {a} to {b}, or the year with `--year`"
                ),
                YearFrom::Rilevazione => tr!(
                    lang,
                    "la data della rilevazione decide l'anno valutato: correggila, oppure indica l'anno con `--year`",
                    "the monitoring date decides the scored year: correct it, or give the year with `--year`"
                ),
            };
            Texts::new(tr!(
                lang,
                "l'anno {year} non è nel triennio del piano ({a}-{b})",
                "the year {year} is not in the plan's triennio ({a}-{b})"
            ))
            .help(help)
        }
        EvalError::NoMonitoringDate {
            assumed,
            blank: true,
        } => {
            let d = italian::date(*assumed);
            Texts::new(tr!(
                lang,
                "manca la data della rilevazione: uso il {d}",
                "the monitoring date is missing: using {d}"
            ))
            .label(tr!(
                lang,
                "scrivi qui la data della rilevazione",
                "write the monitoring date here"
            ))
            .help(tr!(
                lang,
                "la data decide quali scadenze sono passate: scrivi nella riga `rilevazione` la data a cui si riferiscono i valori (per esempio 30/06/2024), oppure usa `--as-of 30/06/2024`",
                "the date decides which deadlines have passed: write in the `rilevazione` row the date the values refer to (for example 30/06/2024), or use `--as-of 30/06/2024`"
            ))
        }
        EvalError::NoMonitoringDate { assumed, .. } => {
            let d = italian::date(*assumed);
            Texts::new(tr!(
                lang,
                "manca la data della rilevazione: uso il {d}",
                "the monitoring date is missing: using {d}"
            ))
            .label(tr!(
                lang,
                "aggiungi qui la riga `rilevazione`",
                "add the `rilevazione` row here"
            ))
            .help(tr!(
                lang,
                "la data decide quali scadenze sono passate: aggiungi la riga `rilevazione;30/06/2024;` al file, oppure usa `--as-of 30/06/2024`",
                "the date decides which deadlines have passed: add the row `rilevazione;30/06/2024;` to the file, or use `--as-of 30/06/2024`"
            ))
        }
        EvalError::SameMonitoringDate { date, other } => {
            let d = italian::date(*date);
            Texts::new(tr!(
                lang,
                "due file delle misure hanno la stessa data di rilevazione, il {d}",
                "two measurement files have the same monitoring date, {d}"
            ))
            .label(tr!(
                lang,
                "anche `{other}` è al {d}",
                "`{other}` is at {d} too"
            ))
            .help(tr!(
                lang,
                "ogni colonna del report è una data: togli il file ripetuto, oppure correggi la riga `rilevazione` di uno dei due",
                "each column of the report is one date: drop the repeated file, or correct the `rilevazione` row of one of them"
            ))
        }
        EvalError::YearsDisagree {
            year,
            other_year,
            other,
        } => Texts::new(tr!(
            lang,
            "questo file valuta il {year}, `{other}` il {other_year}: un report confronta date dello stesso anno valutato",
            "this file scores {year}, `{other}` scores {other_year}: one report compares dates of the same scored year"
        ))
        .label(tr!(
            lang,
            "la data della rilevazione decide l'anno valutato",
            "the monitoring date decides the scored year"
        ))
        .help(tr!(
            lang,
            "per confrontare anni diversi sugli stessi target indica l'anno con `--year {other_year}`; altrimenti fai un report per anno",
            "to compare different years against the same targets give the year with `--year {other_year}`; otherwise make one report per year"
        )),
    }
}
