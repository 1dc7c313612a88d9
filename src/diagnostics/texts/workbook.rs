//! Texts of the diagnostics of spreadsheets: garbled CSV text and workbooks (`.xlsx`, `.ods`).

use super::{Texts, tr};
use crate::diagnostics::Lang;
use crate::eval::error::{MeasureError, WorkbookProblem};
use crate::syntax::vocab::Vocabulary;

/// At most this many codes are named in a list; the rest are counted.
const NAMED: usize = 5;

/// "`a`, `b` e altri 3" / "`a`, `b` and 3 more".
fn codes(lang: Lang, codes: &[String]) -> String {
    let shown: Vec<String> = codes.iter().take(NAMED).map(|c| format!("`{c}`")).collect();
    let rest = codes.len().saturating_sub(NAMED);
    let shown = shown.join(", ");
    if rest == 0 {
        shown
    } else {
        tr!(lang, "{shown} e altri {rest}", "{shown} and {rest} more")
    }
}

/// "a, b e c" / "a, b and c".
fn and_list(lang: Lang, items: &[String]) -> String {
    let and = lang.pick(" e ", " and ");
    match items {
        [init @ .., last] if !init.is_empty() => format!("{}{and}{last}", init.join(", ")),
        _ => items.join(""),
    }
}

/// `80` → `8.000`: the number as a fraction shown in percent.
fn hundredfold(number: &str) -> Option<String> {
    let value = crate::syntax::literal::parse_number(number).ok()?;
    let hundred = value.checked_mul(rust_decimal::Decimal::ONE_HUNDRED)?;
    Some(crate::italian::number(hundred.normalize()))
}

/// The texts of the spreadsheet variants of `MeasureError`; `None` for the others.
pub fn describe(e: &MeasureError, lang: Lang) -> Option<Texts> {
    use MeasureError as M;
    Some(match e {
        M::Garbled {
            pairs,
            others,
            lines,
        } => {
            let shown: Vec<String> = pairs
                .iter()
                .take(3)
                .map(|(text, c)| tr!(lang, "`{text}` al posto di `{c}`", "`{text}` instead of `{c}`"))
                .collect();
            let shown = and_list(lang, &shown);
            let label = pairs.first().map_or_else(String::new, |(text, c)| {
                tr!(lang, "`{text}` era `{c}`", "`{text}` was `{c}`")
            });
            let mut texts = Texts::new(tr!(
                lang,
                "testo rovinato dalla codifica: {shown}",
                "text garbled by the encoding: {shown}"
            ))
            .label(label)
            .help(tr!(
                lang,
                "il file era in UTF-8, ma un programma (di solito Excel, aprendo un CSV) l'ha letto come Windows-1252 e poi l'ha salvato: il testo è rovinato in {lines} righe. Riparti da un modello nuovo (`piano template PIANO -o misure.xlsx`, oppure `-o misure.csv`, che ora Excel apre bene) e riporta i valori; oppure correggi le celle rovinate e salva come «CSV UTF-8 (delimitato da virgole)»",
                "the file was UTF-8, but a program (usually Excel, opening a CSV) read it as Windows-1252 and then saved it: the text is garbled on {lines} lines. Start again from a new template (`piano template PLAN -o misure.xlsx`, or `-o misure.csv`, which Excel now opens right) and copy the values; or correct the garbled cells and save as \"CSV UTF-8 (comma delimited)\""
            ));
            for span in others {
                texts = texts.related(*span, tr!(lang, "anche qui", "here too"));
            }
            texts
        }
        M::WorkbookUnreadable { problem } => match problem {
            WorkbookProblem::BadCellReference => Texts::new(tr!(
                lang,
                "impossibile leggere la cartella di lavoro: una cella ha un riferimento oltre le righe o le colonne di qualsiasi foglio",
                "cannot read the workbook: a cell has a reference past the rows or columns of any sheet"
            ))
            .help(tr!(
                lang,
                "il file è danneggiato: riaprilo con il programma con cui è stato fatto e salvalo di nuovo come .xlsx o .ods",
                "the file is damaged: open it again with the program that made it and save it again as .xlsx or .ods"
            )),
            WorkbookProblem::Damaged(why) => Texts::new(tr!(
                lang,
                "impossibile leggere la cartella di lavoro: {why}",
                "cannot read the workbook: {why}"
            ))
            .help(tr!(
                lang,
                "il file è danneggiato o non è un file di Excel o LibreOffice: riaprilo con il programma con cui è stato fatto e salvalo di nuovo come .xlsx o .ods",
                "the file is damaged or not an Excel or LibreOffice file: open it again with the program that made it and save it again as .xlsx or .ods"
            )),
            WorkbookProblem::Encrypted => Texts::new(tr!(
                lang,
                "la cartella di lavoro è protetta da una password",
                "the workbook is protected by a password"
            ))
            .help(tr!(
                lang,
                "togli la password (in Excel: File › Informazioni › Proteggi cartella di lavoro) e salva di nuovo; la protezione del foglio senza password del modello va bene",
                "remove the password (in Excel: File › Info › Protect Workbook) and save again; the template's sheet protection without a password is fine"
            )),
            WorkbookProblem::OldFormat => Texts::new(tr!(
                lang,
                "il file è nel formato di Excel 97-2003 o binario (.xls, .xlsb), che non si legge",
                "the file is in the Excel 97-2003 or binary format (.xls, .xlsb), which is not read"
            ))
            .help(tr!(
                lang,
                "in Excel: File › Salva con nome › «Cartella di lavoro di Excel (*.xlsx)»; in LibreOffice: «Foglio elettronico ODF (.ods)»",
                "in Excel: File › Save As › \"Excel Workbook (*.xlsx)\"; in LibreOffice: \"ODF Spreadsheet (.ods)\""
            )),
            WorkbookProblem::TooLarge => Texts::new(tr!(
                lang,
                "la cartella di lavoro ha troppe celle per essere un file delle misure",
                "the workbook has too many cells to be a measurement file"
            ))
            .help(tr!(
                lang,
                "un file delle misure ha una riga per codice del piano: parti dal modello (`piano template PIANO -o misure.xlsx`) e copia lì i valori",
                "a measurement file has one row per code of the plan: start from the template (`piano template PLAN -o misure.xlsx`) and copy the values there"
            )),
            WorkbookProblem::NoSheets => Texts::new(tr!(
                lang,
                "la cartella di lavoro non ha fogli",
                "the workbook has no sheets"
            ))
            .help(tr!(
                lang,
                "parti dal modello: `piano template PIANO -o misure.xlsx`",
                "start from the template: `piano template PLAN -o misure.xlsx`"
            )),
        },
        M::CellError { text } => Texts::new(tr!(
            lang,
            "la cella contiene l'errore `{text}`",
            "the cell holds the error `{text}`"
        ))
        .label(tr!(
            lang,
            "errore del foglio di calcolo",
            "spreadsheet error"
        ))
        .help(tr!(
            lang,
            "correggi la formula della cella oppure scrivi il valore; se il dato non c'è, scrivi `n.d.`",
            "correct the cell's formula or type the value; if the figure is not available, write `n.d.`"
        )),
        M::UnformattedPercent { code, number } => {
            let hundred = hundredfold(number).unwrap_or_else(|| format!("{number} × 100"));
            Texts::new(tr!(
                lang,
                "`{number}` in una cella senza formato percentuale: per `{code}`, che è in `%`, vuol dire {number}% o {hundred}%?",
                "`{number}` in a cell not formatted as a percentage: for `{code}`, which is in `%`, does it mean {number}% or {hundred}%?"
            ))
            .label(tr!(lang, "senza `%`", "without `%`"))
            .help(tr!(
                lang,
                "scrivi il valore con il segno (`{number}%` oppure `{hundred}%`): il foglio di calcolo formatta la cella come percentuale. Oppure applica alla cella il formato «Percentuale» e controlla che mostri il valore giusto",
                "type the value with the sign (`{number}%` or `{hundred}%`): the spreadsheet formats the cell as a percentage. Or give the cell the \"Percentage\" format and check that it shows the right value"
            ))
        }
        M::OtherPlan {
            added,
            removed,
            changed,
        } => {
            let mut parts = Vec::new();
            if !added.is_empty() {
                let c = codes(lang, added);
                parts.push(tr!(
                    lang,
                    "il piano chiede anche {c}, che il modello non ha",
                    "the plan also needs {c}, which the template lacks"
                ));
            }
            if !removed.is_empty() {
                let c = codes(lang, removed);
                parts.push(tr!(
                    lang,
                    "il modello ha {c}, che il piano non chiede più",
                    "the template has {c}, which the plan no longer needs"
                ));
            }
            for (code, was, now) in changed.iter().take(NAMED) {
                let now = now.canonical();
                parts.push(tr!(
                    lang,
                    "`{code}` era in `{was}`, ora è in `{now}`",
                    "`{code}` was in `{was}`, now it is in `{now}`"
                ));
            }
            let differences = if parts.is_empty() {
                tr!(
                    lang,
                    "l'impronta del modello non è quella del piano",
                    "the template's fingerprint is not the plan's"
                )
            } else {
                parts.join("; ")
            };
            Texts::new(tr!(
                lang,
                "la cartella di lavoro è stata preparata per un'altra versione del piano: {differences}",
                "the workbook was made for another version of the plan: {differences}"
            ))
            .label(tr!(
                lang,
                "modello di un'altra versione del piano",
                "template of another version of the plan"
            ))
            .help(tr!(
                lang,
                "genera un modello nuovo con `piano template PIANO -o misure.xlsx` e riporta i valori; le righe che il piano chiede e il file non ha contano come n.d.",
                "make a new template with `piano template PLAN -o misure.xlsx` and copy the values; the rows the plan needs and the file lacks count as n.d."
            ))
        }
        M::DeletedRow { code, after } => {
            let label = match after {
                Some(after) => tr!(
                    lang,
                    "qui, dopo `{after}`, c'era la riga di `{code}`",
                    "here, after `{after}`, was the row of `{code}`"
                ),
                None => tr!(
                    lang,
                    "qui c'era la riga di `{code}`",
                    "here was the row of `{code}`"
                ),
            };
            Texts::new(tr!(
                lang,
                "manca la riga di `{code}`, che il modello aveva",
                "the row of `{code}` is missing: the template had it"
            ))
            .label(label)
            .help(tr!(
                lang,
                "non cancellare le righe del modello: se il dato non c'è, scrivi `n.d.` nella colonna `valore`. Rimetti la riga con il codice `{code}`, oppure genera un modello nuovo con `piano template`",
                "do not delete the template's rows: if the figure is not available, write `n.d.` in the `valore` column. Put back the row with the code `{code}`, or make a new template with `piano template`"
            ))
        }
        M::OutsideColumns { column, cells } => Texts::new(if *cells == 1 {
            tr!(
                lang,
                "la colonna {column} non ha un nome nella riga d'intestazione: la sua cella non verrebbe letta",
                "column {column} has no name in the header row: its cell would not be read"
            )
        } else {
            tr!(
                lang,
                "la colonna {column} non ha un nome nella riga d'intestazione: le sue {cells} celle non verrebbero lette",
                "column {column} has no name in the header row: its {cells} cells would not be read"
            )
        })
        .label(tr!(
            lang,
            "fuori dalle colonne del modello",
            "outside the template's columns"
        ))
        .help(tr!(
            lang,
            "i valori vanno nella colonna `valore` e i commenti in `nota`: sposta il contenuto in quelle colonne, oppure cancellalo",
            "values go in the `valore` column and comments in `nota`: move the content there, or delete it"
        )),
        M::SheetNotRead { sheet, read } => Texts::new(tr!(
            lang,
            "il foglio `{sheet}` non viene letto: i valori si leggono solo dal foglio `{read}`",
            "the sheet `{sheet}` is not read: values are read from the sheet `{read}` only"
        ))
        .label(tr!(
            lang,
            "il foglio che si legge",
            "the sheet that is read"
        ))
        .help(tr!(
            lang,
            "se in `{sheet}` ci sono dei valori, spostali nel foglio `{read}`; altrimenti puoi cancellare il foglio o ignorare questo avviso",
            "if `{sheet}` holds values, move them to the sheet `{read}`; otherwise delete the sheet or ignore this warning"
        )),
        _ => return None,
    })
}
