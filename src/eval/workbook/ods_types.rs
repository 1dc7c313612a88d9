//! The value types of an `.ods` sheet's cells. LibreOffice stores a percentage cell as
//! `office:value-type="percentage" office:value="0.8"` and a euro amount as
//! `office:value-type="currency" office:currency="EUR"`; calamine gives both as plain numbers,
//! so the types are read here from `content.xml`, counting rows and cells (with their
//! `number-rows-repeated` and `number-columns-repeated`) as calamine does.

use super::grid::Shown;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{BufReader, Cursor, Read};

/// More typed cells than any measurement file has; past it the rest are not recorded.
const MAX_TYPED: usize = 200_000;

fn archive(bytes: &[u8]) -> Option<zip::ZipArchive<Cursor<&[u8]>>> {
    zip::ZipArchive::new(Cursor::new(bytes)).ok()
}

/// Whether a zip archive is an OpenDocument spreadsheet.
pub fn is_ods(bytes: &[u8]) -> bool {
    let Some(mut zip) = archive(bytes) else {
        return false;
    };
    let Ok(mut mimetype) = zip.by_name("mimetype") else {
        return false;
    };
    let mut text = String::new();
    mimetype
        .by_ref()
        .take(200)
        .read_to_string(&mut text)
        .is_ok()
        && text.starts_with("application/vnd.oasis.opendocument.spreadsheet")
}

/// Whether a zip archive is an Excel binary workbook (`.xlsb`).
pub fn is_xlsb(bytes: &[u8]) -> bool {
    archive(bytes).is_some_and(|mut zip| zip.by_name("xl/workbook.bin").is_ok())
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    let a = e.try_get_attribute(name).ok()??;
    Some(
        quick_xml::escape::unescape(&a.value)
            .map_or_else(|_| a.value.to_string(), |v| v.into_owned()),
    )
}

fn repeats(e: &BytesStart, name: &str) -> u32 {
    attr(e, name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// The cells of `sheet` that show a percentage or euro, by (row, column) from 0.
pub fn read(bytes: &[u8], sheet: &str) -> Result<HashMap<(u32, u32), Shown>, String> {
    let mut zip = archive(bytes).ok_or("not a zip archive")?;
    let content = zip.by_name("content.xml").map_err(|e| e.to_string())?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let mut out = HashMap::new();
    let mut in_sheet = false;
    let (mut row, mut col, mut row_repeats) = (0u32, 0u32, 1u32);
    loop {
        buf.clear();
        let event = xml.read_event_into(&mut buf).map_err(|e| e.to_string())?;
        let (e, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) if e.name().as_ref() == "table:table" && in_sheet => break,
            Event::End(e) if e.name().as_ref() == "table:table-row" && in_sheet => {
                row = row.saturating_add(row_repeats);
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        match e.name().as_ref() {
            "table:table" => in_sheet = attr(e, "table:name").as_deref() == Some(sheet),
            "table:table-row" if in_sheet => {
                col = 0;
                row_repeats = repeats(e, "table:number-rows-repeated");
                if empty {
                    row = row.saturating_add(row_repeats);
                }
            }
            "table:table-cell" | "table:covered-table-cell" if in_sheet => {
                let cols = repeats(e, "table:number-columns-repeated");
                let shown = match attr(e, "office:value-type").as_deref() {
                    Some("percentage") => Some(Shown::Percent),
                    Some("currency") if attr(e, "office:currency").as_deref() == Some("EUR") => {
                        Some(Shown::Euro)
                    }
                    _ => None,
                };
                if let Some(shown) = shown {
                    for r in row..row.saturating_add(row_repeats) {
                        for c in col..col.saturating_add(cols) {
                            if out.len() >= MAX_TYPED {
                                return Ok(out);
                            }
                            out.insert((r, c), shown);
                        }
                    }
                }
                col = col.saturating_add(cols);
            }
            _ => {}
        }
    }
    Ok(out)
}
