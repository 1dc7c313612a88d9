//! Texts of the measurement files' diagnostics.

use super::{Texts, did_you_mean, list, tr};
use crate::diagnostics::Lang;
use crate::eval::error::{Expected, Found, JsonProblem, MeasureError, ValueProblem};
use crate::syntax::ast::{LitUnit, Udm};
use crate::syntax::vocab::Vocabulary;

fn found(lang: Lang, f: Found) -> String {
    match f {
        Found::Number => tr!(lang, "un numero", "a number"),
        Found::Date => tr!(lang, "una data", "a date"),
        Found::Yes => "`sì`".into(),
        Found::No => "`no`".into(),
    }
}

fn expected_text(lang: Lang, e: Expected) -> String {
    match e {
        Expected::MonitoringDate => tr!(
            lang,
            "la data della rilevazione",
            "the date of the monitoring"
        ),
        Expected::Udm(Udm::Date) => tr!(
            lang,
            "la data in cui è stato fatto, oppure `no`",
            "the date it was done, or `no`"
        ),
        Expected::Udm(Udm::YesNo) => tr!(lang, "`sì` oppure `no`", "`sì` or `no`"),
        Expected::Udm(u) => {
            let u = u.canonical();
            tr!(lang, "un numero in `{u}`", "a number in `{u}`")
        }
    }
}

fn wrong_kind_help(lang: Lang, expected: Expected, f: Found) -> String {
    match (expected, f) {
        (Expected::MonitoringDate, _) => tr!(
            lang,
            "scrivi la data a cui si riferiscono i valori, per esempio `rilevazione;30/06/2024;`",
            "write the date the values refer to, for example `rilevazione;30/06/2024;`"
        ),
        (Expected::Udm(Udm::Date), Found::Yes) => tr!(
            lang,
            "per una scadenza scrivi la data in cui è stata rispettata (`26/03/2024`), oppure `no` se non è ancora fatto",
            "for a deadline write the date it was met (`26/03/2024`), or `no` if it is not done yet"
        ),
        (Expected::Udm(Udm::Date), _) => tr!(
            lang,
            "scrivi la data in cui è stato fatto (`26/03/2024`), `no` se non è ancora fatto, `n.d.` se non si sa",
            "write the date it was done (`26/03/2024`), `no` if not done yet, `n.d.` if unknown"
        ),
        (Expected::Udm(Udm::YesNo), _) => tr!(
            lang,
            "scrivi `sì` o `no` (oppure `n.d.` se non si sa)",
            "write `sì` or `no` (or `n.d.` if unknown)"
        ),
        (Expected::Udm(_), Found::No) => tr!(
            lang,
            "scrivi il numero (`0` se non è stato fatto nulla), oppure `n.d.` se il dato non c'è",
            "write the number (`0` if nothing was done), or `n.d.` if the figure is not available"
        ),
        (Expected::Udm(_), _) => tr!(
            lang,
            "scrivi il numero, oppure `n.d.` se il dato non c'è",
            "write the number, or `n.d.` if the figure is not available"
        ),
    }
}

/// A cell's value as written is wrong in the same ways as a literal in a plan: the words are
/// the syntax diagnostics', so that a number or a date reads the same wherever it is written.
fn problem(lang: Lang, text: &str, p: &ValueProblem) -> Texts {
    use crate::syntax::error::SyntaxError as S;
    let text = text.to_string();
    let same = |e: S| super::syntax::describe(&e, None, lang);
    match p {
        ValueProblem::AmbiguousNumber { suggestion } => same(S::AmbiguousNumber {
            text,
            suggestion: suggestion.clone(),
        }),
        ValueProblem::MalformedNumber { suggestion } => same(S::MalformedNumber {
            text,
            suggestion: suggestion.clone(),
        }),
        ValueProblem::NumberTooLarge => same(S::NumberTooLarge { text }),
        ValueProblem::TooManyDecimals { suggestion } => same(S::TooManyDecimals {
            text,
            suggestion: suggestion.clone(),
        }),
        ValueProblem::ImpossibleDate { suggestion } => same(S::ImpossibleDate {
            text,
            suggestion: suggestion.clone(),
        }),
        ValueProblem::ImpossibleYear { year } => same(S::ImpossibleYear {
            text,
            year: year.clone(),
        }),
        ValueProblem::Scientific { suggestion } => same(S::Scientific {
            text,
            suggestion: suggestion.clone(),
        }),
        ValueProblem::IsoDate { suggestion } => same(S::IsoDate {
            suggestion: Some(suggestion.clone()),
        }),
        ValueProblem::UnknownUnit { word, suggestion } => same(S::UnknownUnit {
            word: word.clone(),
            suggestion: *suggestion,
        }),
        ValueProblem::UnitRepeated => same(S::UnitRepeated),
        ValueProblem::NotAValue => {
            let texts = Texts::new(tr!(
                lang,
                "`{text}` non è un valore",
                "`{text}` is not a value"
            ))
            .label(tr!(
                lang,
                "atteso un numero, una data, `sì`, `no` o `n.d.`",
                "expected a number, a date, `sì`, `no` or `n.d.`"
            ));
            // `5 # provvisorio`: a note, written as a plan's comment after the value.
            match text.split_once('#').map(|(v, _)| v.trim()) {
                Some(value) if !value.is_empty() => texts.help(tr!(
                    lang,
                    "nella cella va solo il valore, `{value}`: quello che segue `#` va nella colonna `nota`",
                    "the cell takes the value only, `{value}`: what follows `#` goes in the `nota` column"
                )),
                _ => texts.help(tr!(
                    lang,
                    "i valori si scrivono come nel piano: `12`, `46,56%`, `1.234,56 €`, `31/12/2024`, `sì`, `no`, `n.d.`",
                    "values are written as in the plan: `12`, `46,56%`, `1.234,56 €`, `31/12/2024`, `sì`, `no`, `n.d.`"
                )),
            }
        }
    }
}

fn json_problem(lang: Lang, p: &JsonProblem) -> String {
    match p {
        JsonProblem::Unexpected(c) => tr!(lang, "`{c}` inatteso", "unexpected `{c}`"),
        JsonProblem::UnexpectedEnd => tr!(lang, "il testo finisce a metà", "the text ends halfway"),
        JsonProblem::BadEscape => tr!(
            lang,
            "sequenza `\\` non valida in un testo",
            "invalid `\\` sequence in a text"
        ),
        JsonProblem::BadNumber => tr!(lang, "numero non valido", "invalid number"),
        JsonProblem::TooDeep => tr!(lang, "troppi livelli annidati", "nested too deeply"),
        JsonProblem::Trailing => tr!(
            lang,
            "testo dopo la fine del documento",
            "text after the end of the document"
        ),
        JsonProblem::DuplicateKey(k) => tr!(
            lang,
            "la chiave `{k}` compare due volte",
            "the key `{k}` appears twice"
        ),
    }
}

pub fn describe(e: &MeasureError, lang: Lang) -> Texts {
    use MeasureError as M;
    match e {
        M::Empty => Texts::new(tr!(
            lang,
            "il file delle misure è vuoto",
            "the measurement file is empty"
        ))
        .help(tr!(
            lang,
            "parti da `piano template PIANO`, che stampa il file da compilare con tutti i codici",
            "start from `piano template PLAN`, which prints the file to fill in with every code"
        )),
        M::MissingHeader {
            separator,
            missing,
            looks_like_data,
        } => {
            let cols = list(
                lang,
                &missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>(),
            );
            let message = if *looks_like_data {
                tr!(
                    lang,
                    "manca la riga di intestazione",
                    "the header line is missing"
                )
            } else {
                tr!(
                    lang,
                    "l'intestazione non ha la colonna {cols}",
                    "the header has no column {cols}"
                )
            };
            let help = match separator {
                Some(sep) => tr!(
                    lang,
                    "le colonne vanno separate con `;`, non con `{sep}`: in Excel salva come \"CSV (delimitato dal separatore di elenco)\" con le impostazioni italiane",
                    "columns are separated by `;`, not `{sep}`: in Excel save as \"CSV (delimited by the list separator)\" with Italian settings"
                ),
                None => tr!(
                    lang,
                    "la prima riga deve nominare le colonne: `codice;valore;nota`",
                    "the first line must name the columns: `codice;valore;nota`"
                ),
            };
            Texts::new(message).help(help)
        }
        M::UnknownColumn { name, suggestion } => Texts::new(tr!(
            lang,
            "colonna sconosciuta `{name}`",
            "unknown column `{name}`"
        ))
        .help(did_you_mean(lang, *suggestion).unwrap_or_else(|| {
            tr!(
                lang,
                "le colonne sono `codice`, `valore`, `nota`, `udm`, `descrizione`, `obiettivo`",
                "the columns are `codice`, `valore`, `nota`, `udm`, `descrizione`, `obiettivo`"
            )
        })),
        M::DuplicateColumn { name, first } => Texts::new(tr!(
            lang,
            "la colonna `{name}` compare due volte",
            "the column `{name}` appears twice"
        ))
        .label(tr!(lang, "di nuovo qui", "again here"))
        .related(*first, tr!(lang, "la prima volta qui", "first here"))
        .help(tr!(
            lang,
            "tieni una colonna sola con questo nome",
            "keep one column with this name"
        )),
        M::FieldCount {
            found,
            expected,
            header,
        } => {
            let help = if found > expected {
                tr!(
                    lang,
                    "se un testo contiene `;`, mettilo tra virgolette: `\"dato; provvisorio\"`",
                    "if a text holds `;`, put it in quotes: `\"dato; provvisorio\"`"
                )
            } else {
                tr!(
                    lang,
                    "ogni riga ha tante celle quante l'intestazione: aggiungi i `;` che mancano, anche per le celle vuote",
                    "every row has as many cells as the header: add the missing `;`, empty cells included"
                )
            };
            Texts::new(tr!(
                lang,
                "la riga ha {found} celle, l'intestazione {expected}",
                "the row has {found} cells, the header {expected}"
            ))
            .related(*header, tr!(lang, "intestazione", "header"))
            .help(help)
        }
        M::UnclosedQuote => Texts::new(tr!(
            lang,
            "virgolette aperte e mai chiuse",
            "quotes opened and never closed"
        ))
        .label(tr!(lang, "aperte qui", "opened here"))
        .help(tr!(
            lang,
            "chiudi il testo con `\"`; le virgolette dentro un testo si scrivono doppie: `\"\"`",
            "close the text with `\"`; quotes inside a text are doubled: `\"\"`"
        )),
        M::MissingCode => Texts::new(tr!(
            lang,
            "riga senza codice",
            "row without a code"
        ))
        .help(tr!(
            lang,
            "scrivi nella prima colonna il codice della misura o dell'indicatore, per esempio `01_01_OS01.eventi`",
            "write the code of the measure or indicator in the first column, for example `01_01_OS01.eventi`"
        )),
        M::UnknownCode { code, suggestion } => Texts::new(tr!(
            lang,
            "codice sconosciuto `{code}` nel file delle misure",
            "unknown code `{code}` in the measurement file"
        ))
        .label(tr!(
            lang,
            "nessuna misura o indicatore con questo codice",
            "no measure or indicator has this code"
        ))
        .help(
            did_you_mean(lang, suggestion.as_deref()).unwrap_or_else(|| {
                tr!(
                    lang,
                    "i codici sono `OBIETTIVO.indicatore`, `OBIETTIVO.misura` o il nome di una misura globale; `piano template` li elenca tutti",
                    "codes are `OBJECTIVE.indicator`, `OBJECTIVE.measure` or a global measure's name; `piano template` lists them all"
                )
            }),
        ),
        M::DuplicateCode { code, first } => Texts::new(tr!(
            lang,
            "il codice `{code}` compare due volte",
            "the code `{code}` appears twice"
        ))
        .label(tr!(lang, "di nuovo qui", "again here"))
        .related(*first, tr!(lang, "la prima volta qui", "first here"))
        .help(tr!(
            lang,
            "tieni una riga sola per codice: quale dei due valori vale?",
            "keep one row per code: which of the two values counts?"
        )),
        M::BadValue { text, problem: p } => problem(lang, text, p),
        M::UnitMismatch { code, written, udm } => {
            let (w, u) = (written.canonical(), udm.canonical());
            let help = match (udm, written) {
                (Udm::Count, LitUnit::Percent) => tr!(
                    lang,
                    "`{code}` è un numero (`udm n.`): togli `%`, oppure correggi la `udm` nel piano",
                    "`{code}` is a number (`udm n.`): remove `%`, or correct the `udm` in the plan"
                ),
                _ => tr!(
                    lang,
                    "scrivi il valore in `{u}`, come dice il piano",
                    "write the value in `{u}`, as the plan says"
                ),
            };
            Texts::new(tr!(
                lang,
                "valore in `{w}` per `{code}`, che nel piano è in `{u}`",
                "value in `{w}` for `{code}`, which the plan has in `{u}`"
            ))
            .help(help)
        }
        M::PercentWithoutSign { code, number } => Texts::new(tr!(
            lang,
            "percentuale scritta senza `%` per `{code}`",
            "percentage written without `%` for `{code}`"
        ))
        .help(tr!(
            lang,
            "scrivi `{number}%`: senza il segno non si capisce se `{number}` vuol dire {number}% o {number} volte",
            "write `{number}%`: without the sign `{number}` could mean {number}% or {number} times"
        )),
        M::WrongKind {
            code,
            expected,
            found: f,
        } => {
            let (e, f_text) = (expected_text(lang, *expected), found(lang, *f));
            Texts::new(tr!(
                lang,
                "per `{code}` ci vuole {e}, non {f_text}",
                "`{code}` needs {e}, not {f_text}"
            ))
            .help(wrong_kind_help(lang, *expected, *f))
        }
        M::Computed {
            code,
            measures,
            formula,
        } => {
            let help = if measures.is_empty() {
                tr!(
                    lang,
                    "togli questa riga: il valore è calcolato dal piano",
                    "remove this row: the plan computes the value"
                )
            } else {
                let m = list(
                    lang,
                    &measures.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>(),
                );
                tr!(
                    lang,
                    "togli questa riga e scrivi invece i valori di {m}: il piano calcola l'indicatore",
                    "remove this row and give the values of {m} instead: the plan computes the indicator"
                )
            };
            Texts::new(tr!(
                lang,
                "`{code}` è calcolato con una formula: non si scrive nel file delle misure",
                "`{code}` is computed by a formula: it is not written in the measurement file"
            ))
            .help(help)
            .in_plan(
                *formula,
                tr!(
                    lang,
                    "la formula che calcola `{code}`, nel piano",
                    "the formula that computes `{code}`, in the plan"
                ),
            )
        }
        M::UdmColumn { code, written, udm } => {
            let u = udm.canonical();
            Texts::new(tr!(
                lang,
                "la colonna `udm` dice `{written}`, ma nel piano `{code}` è in `{u}`",
                "the `udm` column says `{written}`, but the plan has `{code}` in `{u}`"
            ))
            .help(tr!(
                lang,
                "scrivi `{u}` (o lascia la cella vuota); se è il piano a essere sbagliato, correggi il piano",
                "write `{u}` (or leave the cell empty); if the plan is wrong, correct the plan"
            ))
        }
        M::Missing { codes } => {
            let n = codes.len();
            let listed = codes.join(", ");
            Texts::new(if n == 1 {
                tr!(
                    lang,
                    "manca il valore di 1 codice che il piano usa: conta come n.d.",
                    "1 code the plan uses has no value: it counts as n.d."
                )
            } else {
                tr!(
                    lang,
                    "mancano i valori di {n} codici che il piano usa: contano come n.d.",
                    "{n} codes the plan uses have no value: they count as n.d."
                )
            })
            .label(tr!(
                lang,
                "aggiungi qui le righe mancanti",
                "add the missing rows here"
            ))
            .help(tr!(
                lang,
                "mancano: {listed}. Se un dato non c'è, scrivi `n.d.` nella sua riga: così si vede che non è una dimenticanza",
                "missing: {listed}. If a figure is not available, write `n.d.` on its row: it shows it was not forgotten"
            ))
        }
        M::JsonSyntax { problem } => Texts::new(tr!(
            lang,
            "il file JSON delle misure non è leggibile: {}",
            "the JSON measurement file cannot be read: {}",
            json_problem(lang, problem)
        ))
        .help(tr!(
            lang,
            "controlla virgolette, virgole e parentesi in questo punto",
            "check quotes, commas and brackets at this point"
        )),
        M::Garbled { .. }
        | M::WorkbookUnreadable { .. }
        | M::CellError { .. }
        | M::UnformattedPercent { .. }
        | M::OtherPlan { .. }
        | M::DeletedRow { .. }
        | M::OutsideColumns { .. }
        | M::SheetNotRead { .. } => super::workbook::describe(e, lang).unwrap_or_default(),
        M::JsonShape { expected } => {
            let what = match (*expected, lang) {
                ("file", Lang::It) => "un oggetto con `valori` (e facoltativamente `rilevazione`)",
                ("file", Lang::En) => "an object with `valori` (and optionally `rilevazione`)",
                ("valori", Lang::It) => "una lista di righe `[{\"codice\": ..., \"valore\": ...}]`",
                ("valori", Lang::En) => "a list of rows `[{\"codice\": ..., \"valore\": ...}]`",
                ("riga", Lang::It) => {
                    "un oggetto con `codice` e `valore` (e facoltativamente `nota`, `udm`, `descrizione`)"
                }
                ("riga", Lang::En) => {
                    "an object with `codice` and `valore` (and optionally `nota`, `udm`, `descrizione`)"
                }
                ("testo", Lang::It) => "un testo tra virgolette",
                ("testo", Lang::En) => "a quoted text",
                ("valore", Lang::It) => "un numero, un testo, `true`, `false` o `null`",
                ("valore", Lang::En) => "a number, a text, `true`, `false` or `null`",
                (other, _) => other,
            };
            Texts::new(tr!(
                lang,
                "qui il file JSON delle misure deve avere {what}",
                "here the JSON measurement file must have {what}"
            ))
            .help(tr!(
                lang,
                "la forma è `{{\"rilevazione\": \"2024-06-30\", \"valori\": [{{\"codice\": \"01_01_OS01.eventi\", \"valore\": 1}}]}}`",
                "the shape is `{{\"rilevazione\": \"2024-06-30\", \"valori\": [{{\"codice\": \"01_01_OS01.eventi\", \"valore\": 1}}]}}`"
            ))
        }
    }
}
