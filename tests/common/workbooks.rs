//! Workbooks for the property test: a template filled in as a clerk would (typed cells:
//! numbers, percentages as fractions, amounts in euro, dates), and a mutator that changes the
//! XML inside a workbook and zips it again, so that mutants reach calamine's parsers (a byte
//! flipped in the compressed bytes only reaches the zip reader: its checksum fails).
#![allow(dead_code)]

use super::mutate::{self, Rng};
use piano::check::model::Model;
use piano::syntax::ast::Udm;
use piano::syntax::vocab::Vocabulary;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};
use std::io::{Cursor, Read, Write};

/// Every code `model` needs, with a value of its UdM in a cell of the matching type.
pub fn filled(model: &Model) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Misure")?;
    for (c, head) in ["codice", "valore", "nota", "udm"].iter().enumerate() {
        sheet.write_string(0, c as u16, *head)?;
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let percent = Format::new().set_num_format("0.0%");
    let euro = Format::new().set_num_format("#,##0.00 \"€\"");
    sheet.write_string(1, 0, "rilevazione")?;
    sheet.write_datetime_with_format(1, 1, ExcelDateTime::from_ymd(2024, 6, 30)?, &date)?;
    sheet.write_string(1, 3, "data")?;
    for (k, need) in piano::eval::needs::needed(model).iter().enumerate() {
        let row = k as u32 + 2;
        sheet.write_string(row, 0, need.code)?;
        match need.udm {
            Udm::Date => {
                let d = ExcelDateTime::from_ymd(2024, 3, 15)?;
                sheet.write_datetime_with_format(row, 1, d, &date)?;
            }
            Udm::YesNo => {
                sheet.write_string(row, 1, "sì")?;
            }
            Udm::Percent => {
                sheet.write_number_with_format(row, 1, 0.125, &percent)?;
            }
            Udm::Euro => {
                sheet.write_number_with_format(row, 1, 1234.56, &euro)?;
            }
            _ => {
                sheet.write_number(row, 1, 7.0)?;
            }
        }
        sheet.write_string(row, 2, "nota")?;
        sheet.write_string(row, 3, need.udm.canonical())?;
    }
    book.save_to_buffer()
}

/// The entries of a zip file, in order; `None` when it is not one.
fn entries(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut out = Vec::new();
    for k in 0..archive.len() {
        let mut file = archive.by_index(k).ok()?;
        let name = file.name().ok()?.into_owned();
        let mut data = Vec::new();
        file.read_to_end(&mut data).ok()?;
        out.push((name, data));
    }
    Some(out)
}

fn zipped(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in entries {
        // A duplicated name (a mutant may make one) is refused: that entry is left out.
        if writer.start_file(name.as_str(), stored).is_ok() {
            let _ = writer.write_all(data);
        }
    }
    writer.finish().map(Cursor::into_inner).unwrap_or_default()
}

/// Pieces of the workbooks' XML: cells of every type, far and odd references, styles, number
/// formats, and the `.ods` value types.
const XML_TOKENS: &[&str] = &[
    "<c r=\"A1\" t=\"s\"><v>0</v></c>",
    "<c r=\"XFD1048576\"><v>1</v></c>",
    "<c r=\"B3\" t=\"e\"><v>#DIV/0!</v></c>",
    "<c r=\"B4\" t=\"b\"><v>1</v></c>",
    "<c r=\"B5\" t=\"inlineStr\"><is><t>n.d.</t></is></c>",
    "<c r=\"B6\" s=\"999\"><v>1e308</v></c>",
    "<c r=\"\"><v>-1</v></c>",
    "<row r=\"4294967296\">",
    "<row r=\"0\">",
    "<v>NaN</v>",
    "<v>2958466</v>",
    "<si><t>codice</t></si>",
    "<numFmt numFmtId=\"164\" formatCode=\"0.00%\"/>",
    "<xf numFmtId=\"14\"/>",
    "<sheet name=\"Misure\" sheetId=\"1\" r:id=\"rId1\"/>",
    "<dimension ref=\"A1:XFD1048576\"/>",
    "office:value-type=\"percentage\" office:value=\"0.8\"",
    "office:value-type=\"date\" office:date-value=\"2024-02-30\"",
    "office:value-type=\"currency\" office:currency=\"EUR\"",
    "table:number-columns-repeated=\"16384\"",
    "table:number-rows-repeated=\"1048576\"",
    "<table:table-cell/>",
    "&amp;",
    "&#0;",
    "<![CDATA[",
];

/// A workbook mutated inside: the XML of one of its sheets, shared strings, styles, workbook
/// or content (`.ods`) goes through the text mutator, and the whole is zipped again. Bytes
/// that are no zip are mutated as they are.
pub fn mutate_inside(
    input: &[u8],
    rng: &mut Rng,
    dictionary: &[Vec<u8>],
) -> (Vec<u8>, Vec<&'static str>) {
    let Some(mut entries) = entries(input) else {
        return mutate::mutate(input, rng, dictionary);
    };
    let xml: Vec<usize> = (0..entries.len())
        .filter(|&k| entries[k].0.ends_with(".xml"))
        .collect();
    if xml.is_empty() {
        return mutate::mutate(input, rng, dictionary);
    }
    let k = xml[rng.below(xml.len())];
    let mut tokens: Vec<Vec<u8>> = XML_TOKENS.iter().map(|t| t.as_bytes().to_vec()).collect();
    tokens.extend_from_slice(dictionary);
    let (mutant, mut names) = mutate::mutate(&entries[k].1, rng, &tokens);
    entries[k].1 = mutant;
    names.push("inside the zip");
    (zipped(&entries), names)
}
