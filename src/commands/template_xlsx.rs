//! `piano template PLAN -o misure.xlsx`: the measurement file as a workbook a clerk fills in
//! without a manual. The sheet `Misure` is the CSV form's table (so that saving it as CSV
//! gives a measurement file): one row per code in plan order, the `rilevazione` date first.
//! The code, objective, description and unit columns are locked (sheet protection without a
//! password); the `valore` and `nota` cells are open, yellow, formatted by unit and validated
//! with an Italian input and error message. `Istruzioni` says how to fill it in; the hidden
//! sheet `_piano` and the custom property `impronta` carry the plan's fingerprint. The bytes
//! are the same on every run: the creation date is fixed.

use crate::check::model::Model;
use crate::diagnostics::Lang;
use crate::eval::measurements::RILEVAZIONE;
use crate::eval::needs::{self, Need};
use crate::eval::workbook::{INSTRUCTIONS, SHEET, meta};
use crate::syntax::ast::Udm;
use crate::syntax::vocab::Vocabulary;
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, ExcelDateTime,
    Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};

/// The columns of `Misure`, as the reader reads them.
pub const COLUMNS: [&str; 6] = [
    "codice",
    "obiettivo",
    "descrizione",
    "udm",
    "valore",
    "nota",
];
const VALUE: u16 = 4;
const NOTE: u16 = 5;

/// Excel keeps at most this many characters in a cell.
const CELL_CHARS: usize = 32_767;

/// The yellow of the cells to fill in, the blue-grey of the header.
const INPUT: u32 = 0xFFF2CC;
const HEADER: u32 = 0xD9E1F2;

/// Dates the validation accepts (a plan's dates are in this century).
const FIRST_YEAR: u16 = 2000;
const LAST_YEAR: u16 = 2099;

fn fit(text: &str) -> String {
    text.chars().take(CELL_CHARS).collect()
}

/// The number format of a value cell, by unit.
pub fn value_format(udm: Udm) -> &'static str {
    match udm {
        Udm::Euro => "#,##0.00 \"€\"",
        Udm::Percent => "0.00%",
        Udm::Date => "dd/mm/yyyy",
        Udm::YesNo => "@",
        Udm::Count | Udm::Days | Udm::Hours | Udm::Years | Udm::Points => "General",
    }
}

/// The validation of a value cell: what it accepts, with the messages a clerk sees.
fn validation(udm: Udm, cell: &str, lang: Lang) -> Result<DataValidation, XlsxError> {
    let nd = format!("EXACT({cell},\"n.d.\")");
    let dates = format!(
        "AND(ISNUMBER({cell}),{cell}>=DATE({FIRST_YEAR},1,1),{cell}<=DATE({LAST_YEAR},12,31))"
    );
    let (rule, title, message, error) = match udm {
        Udm::YesNo => {
            let v = DataValidation::new().allow_list_strings(&["sì", "no", "n.d."])?;
            return messages(
                v,
                lang.pick("Sì o no", "Yes or no"),
                lang.pick(
                    "Scegli sì o no dall'elenco; n.d. se il dato non c'è.",
                    "Choose sì or no from the list; n.d. if the figure is not available.",
                ),
                lang.pick(
                    "Qui va sì, no oppure n.d.",
                    "This cell takes sì, no or n.d.",
                ),
            );
        }
        Udm::Date => (
            format!("=OR({dates},{nd},EXACT({cell},\"no\"))"),
            lang.pick("Data", "Date"),
            lang.pick(
                "La data in cui è stato fatto (gg/mm/aaaa); no se non è ancora fatto; n.d. se il dato non c'è.",
                "The date it was done (dd/mm/yyyy); no if not done yet; n.d. if the figure is not available.",
            ),
            lang.pick(
                "Qui va una data (per esempio 26/03/2024), no oppure n.d.",
                "This cell takes a date (for example 26/03/2024), no or n.d.",
            ),
        ),
        Udm::Percent => (
            format!("=OR(ISNUMBER({cell}),{nd})"),
            lang.pick("Percentuale", "Percentage"),
            lang.pick(
                "Scrivi il valore con il segno, per esempio 80%; n.d. se il dato non c'è.",
                "Type the value with the sign, for example 80%; n.d. if the figure is not available.",
            ),
            lang.pick(
                "Qui va una percentuale (per esempio 80%) oppure n.d.",
                "This cell takes a percentage (for example 80%) or n.d.",
            ),
        ),
        Udm::Euro => (
            format!("=OR(ISNUMBER({cell}),{nd})"),
            lang.pick("Importo in euro", "Amount in euro"),
            lang.pick(
                "L'importo in euro, per esempio 1.234,56; n.d. se il dato non c'è.",
                "The amount in euro, for example 1.234,56; n.d. if the figure is not available.",
            ),
            lang.pick(
                "Qui va un importo (per esempio 1.234,56) oppure n.d.",
                "This cell takes an amount (for example 1.234,56) or n.d.",
            ),
        ),
        Udm::Count | Udm::Days | Udm::Hours | Udm::Years | Udm::Points => (
            format!("=OR(ISNUMBER({cell}),{nd})"),
            lang.pick("Numero", "Number"),
            lang.pick(
                "Il numero, per esempio 12 oppure 12,5; n.d. se il dato non c'è.",
                "The number, for example 12 or 12,5; n.d. if the figure is not available.",
            ),
            lang.pick(
                "Qui va un numero (per esempio 12) oppure n.d.",
                "This cell takes a number (for example 12) or n.d.",
            ),
        ),
    };
    messages(
        DataValidation::new().allow_custom(Formula::new(rule)),
        title,
        message,
        error,
    )
}

fn messages(
    v: DataValidation,
    title: &str,
    message: &str,
    error: &str,
) -> Result<DataValidation, XlsxError> {
    v.set_input_title(title)?
        .set_input_message(message)?
        .set_error_title(title)?
        .set_error_message(error)
        .map(|v| v.set_error_style(DataValidationErrorStyle::Stop))
}

/// The workbook's bytes for a checked model.
pub fn workbook(model: &Model, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let needs = needs::needed(model);
    let fingerprint = crate::eval::fingerprint::of(&needs);
    let mut book = Workbook::new();
    let year = u16::try_from(model.plan.anno)
        .ok()
        .filter(|y| (1900..=9999).contains(y))
        .unwrap_or(FIRST_YEAR);
    book.set_properties(
        &DocProperties::new()
            .set_title(fit(&format!("Misure – {}", model.plan.title)))
            .set_company(fit(&model.plan.ente))
            .set_author("piano template")
            .set_comment(lang.pick(
                "Modello del file delle misure: compila le celle gialle del foglio Misure.",
                "Measurement file template: fill in the yellow cells of the sheet Misure.",
            ))
            // A fixed date (1 January of the plan's year), so that the bytes never change.
            .set_creation_datetime(&ExcelDateTime::from_ymd(year, 1, 1)?)
            .set_custom_property("impronta", fingerprint.as_str()),
    );
    measures_sheet(book.add_worksheet(), model, &needs, lang)?;
    instructions_sheet(book.add_worksheet(), model, &fingerprint, lang)?;
    let hidden = book.add_worksheet();
    hidden.set_name(meta::SHEET)?.set_hidden(true);
    for (r, row) in meta::rows(&meta::pairs(&needs), &model.plan.title)
        .iter()
        .enumerate()
    {
        let r = u32::try_from(r).unwrap_or(u32::MAX);
        hidden.write_string(r, 0, fit(&row[0]))?;
        hidden.write_string(r, 1, fit(&row[1]))?;
    }
    hidden.protect();
    book.save_to_buffer()
}

fn measures_sheet(
    sheet: &mut Worksheet,
    model: &Model,
    needs: &[Need],
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET)?;
    let border = |f: Format| f.set_border(FormatBorder::Thin).set_align(FormatAlign::Top);
    let header = border(Format::new().set_bold().set_background_color(HEADER));
    let locked = border(Format::new().set_text_wrap());
    let input = |udm: Udm| {
        border(Format::new())
            .set_unlocked()
            .set_background_color(INPUT)
            .set_num_format(value_format(udm))
    };
    let note = border(Format::new().set_text_wrap())
        .set_unlocked()
        .set_background_color(INPUT)
        .set_num_format("@");
    for (c, name) in (0u16..).zip(COLUMNS) {
        sheet.write_string_with_format(0, c, name, &header)?;
    }
    for (c, width) in (0u16..).zip([34.0, 30.0, 50.0, 8.0, 16.0, 36.0]) {
        sheet.set_column_width(c, width)?;
    }
    let rilevazione = lang.pick(
        "Data della rilevazione (gg/mm/aaaa)",
        "Monitoring date (dd/mm/yyyy)",
    );
    let rows = std::iter::once((
        RILEVAZIONE.to_string(),
        String::new(),
        rilevazione.to_string(),
        Udm::Date,
    ))
    .chain(needs.iter().map(|n| {
        let objective = model
            .objectives
            .get(n.objective)
            .map(|o| format!("{} – {}", o.code, o.title))
            .unwrap_or_default();
        (
            n.code.to_string(),
            objective,
            n.description.to_string(),
            n.udm,
        )
    }));
    for (r, (code, objective, description, udm)) in (1u32..).zip(rows) {
        sheet.write_string_with_format(r, 0, fit(&code), &locked)?;
        sheet.write_string_with_format(r, 1, fit(&objective), &locked)?;
        sheet.write_string_with_format(r, 2, fit(&description), &locked)?;
        sheet.write_string_with_format(r, 3, udm.canonical(), &locked)?;
        sheet.write_blank(r, VALUE, &input(udm))?;
        sheet.write_blank(r, NOTE, &note)?;
        let cell = format!("E{}", u64::from(r) + 1);
        let rule = if r == 1 {
            // The monitoring date: a date, never n.d.
            messages(
                DataValidation::new().allow_date(DataValidationRule::Between(
                    ExcelDateTime::from_ymd(FIRST_YEAR, 1, 1)?,
                    ExcelDateTime::from_ymd(LAST_YEAR, 12, 31)?,
                )),
                lang.pick("Data della rilevazione", "Monitoring date"),
                lang.pick(
                    "La data a cui si riferiscono i valori, per esempio 30/06/2024.",
                    "The date the values refer to, for example 30/06/2024.",
                ),
                lang.pick(
                    "Qui va una data, per esempio 30/06/2024.",
                    "This cell takes a date, for example 30/06/2024.",
                ),
            )?
        } else {
            validation(udm, &cell, lang)?
        };
        sheet.add_data_validation(r, VALUE, r, VALUE, &rule)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_selection(1, VALUE, 1, VALUE)?;
    sheet.protect();
    Ok(())
}

fn instructions_sheet(
    sheet: &mut Worksheet,
    model: &Model,
    fingerprint: &str,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(INSTRUCTIONS)?;
    sheet.set_column_width(0, 110)?;
    let title = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let plan = format!("{} — {}", model.plan.title, model.plan.ente);
    let lines: Vec<String> = match lang {
        Lang::It => vec![
            "Come compilare il file delle misure".into(),
            format!("Piano: {plan}"),
            String::new(),
            "Nel foglio Misure c'è una riga per ogni valore che il piano chiede. Scrivi solo nelle celle gialle, nelle colonne «valore» e «nota»: le altre colonne sono protette.".into(),
            "Nella riga «rilevazione» scrivi la data a cui si riferiscono i valori, per esempio 30/06/2024.".into(),
            "Come si scrivono i valori, secondo la colonna «udm»:".into(),
            "  n. (numeri): 12 oppure 12,5".into(),
            "  €: l'importo, per esempio 1.234,56".into(),
            "  %: il numero con il segno di percentuale, per esempio 80%".into(),
            "  data: la data in cui è stato fatto, per esempio 26/03/2024; oppure no, se non è ancora fatto".into(),
            "  sì/no: scegli sì o no dall'elenco".into(),
            "  gg, ore, anni, punti: il numero".into(),
            "Se un dato non c'è, scrivi n.d. nella cella: una cella vuota conta come dato mancante, ma così si vede che non è una dimenticanza.".into(),
            "Non cancellare, non aggiungere e non spostare righe: i valori si leggono per codice, e una riga cancellata viene segnalata.".into(),
            "Salva il file così com'è (.xlsx), oppure in LibreOffice come .ods. Se serve un CSV, scegli «CSV UTF-8 (delimitato da virgole)».".into(),
            "Poi controlla e valuta il file con: piano eval PIANO misure.xlsx".into(),
            String::new(),
            format!("Impronta del piano: {fingerprint} (indica per quale versione del piano è stato fatto questo modello)"),
        ],
        Lang::En => vec![
            "How to fill in the measurement file".into(),
            format!("Plan: {plan}"),
            String::new(),
            "The sheet Misure has one row for every value the plan needs. Type only in the yellow cells, in the columns \"valore\" and \"nota\": the other columns are protected.".into(),
            "In the row \"rilevazione\" type the date the values refer to, for example 30/06/2024.".into(),
            "How values are written, by the column \"udm\":".into(),
            "  n. (numbers): 12 or 12,5".into(),
            "  €: the amount, for example 1.234,56".into(),
            "  %: the number with the percent sign, for example 80%".into(),
            "  data: the date it was done, for example 26/03/2024; or no, if not done yet".into(),
            "  sì/no: choose sì or no from the list".into(),
            "  gg, ore, anni, punti: the number".into(),
            "If a figure is not available, write n.d. in the cell: an empty cell counts as missing too, but n.d. shows it was not forgotten.".into(),
            "Do not delete, add or move rows: values are read by code, and a deleted row is reported.".into(),
            "Save the file as it is (.xlsx), or in LibreOffice as .ods. If a CSV is needed, choose \"CSV UTF-8 (comma delimited)\".".into(),
            "Then check and score the file with: piano eval PLAN misure.xlsx".into(),
            String::new(),
            format!("Plan fingerprint: {fingerprint} (says which version of the plan this template was made for)"),
        ],
    };
    for (r, line) in (0u32..).zip(&lines) {
        let format = if r == 0 { &title } else { &wrap };
        sheet.write_string_with_format(r, 0, fit(line), format)?;
    }
    sheet.protect();
    Ok(())
}
