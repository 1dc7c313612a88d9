"""Fills the workbook that `piano template` made as a clerk would, with openpyxl: values typed
in the open cells of the sheet Misure (one left empty, one `n.d.`), saved under new names; and
four copies with a mistake each. Checks on the way what the clerk is given: the sheets, the
locked and open cells, the formats and the validations.

usage: fill.py TEMPLATE.xlsx OUTDIR
"""

import datetime
import sys

import openpyxl

template, outdir = sys.argv[1], sys.argv[2]

VALUES = {
    "rilevazione": datetime.datetime(2024, 6, 30),
    "01_01_OS01.eventi": 5,
    "01_01_OS01.aderenti": 3200,
    "imprese_registrate": 8000,
    "01_01_OS01.bando": datetime.datetime(2024, 3, 15),
    "01_01_OS01.sportello": "n.d.",
    "03_01_OS01.costi": 850.5,
    # 03_01_OS01.pagamenti is left empty.
    "03_01_OS01.presenze": 0.935,
}
NOTES = {"01_01_OS01.eventi": "dato provvisorio"}


def check_template(wb):
    assert wb.sheetnames == ["Misure", "Istruzioni", "_piano"], wb.sheetnames
    assert wb["_piano"].sheet_state == "hidden"
    ws = wb["Misure"]
    assert ws.protection.sheet, "Misure is protected"
    assert [c.value for c in ws[1]] == ["codice", "obiettivo", "descrizione", "udm", "valore", "nota"]
    formats = {"€": '#,##0.00 "€"', "%": "0.00%", "data": "dd/mm/yyyy", "sì/no": "@", "n.": "General"}
    validated = set()
    for dv in ws.data_validations.dataValidation:
        assert dv.prompt and dv.error and dv.errorTitle, dv
        validated.update(str(r) for r in dv.sqref.ranges)
    for row in ws.iter_rows(min_row=2):
        code, udm, value, note = row[0].value, row[3].value, row[4], row[5]
        assert all(c.protection.locked for c in row[:4]), code
        assert not value.protection.locked and not note.protection.locked, code
        if udm in formats:
            assert value.number_format == formats[udm], (code, value.number_format)
        assert value.coordinate in validated, code
    for dv in ws.data_validations.dataValidation:
        if dv.type == "custom":
            assert 'EXACT(' in dv.formula1 and '"n.d."' in dv.formula1, dv.formula1
    assert wb.custom_doc_props["impronta"].value
    assert "n.d." in " ".join(str(c.value) for c in wb["Istruzioni"]["A"])


def fill(wb):
    ws = wb["Misure"]
    for row in ws.iter_rows(min_row=2):
        code = row[0].value
        if code in VALUES:
            row[4].value = VALUES[code]
        if code in NOTES:
            row[5].value = NOTES[code]
    return ws


def row_of(ws, code):
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == code)


check_template(openpyxl.load_workbook(template))
fill(openpyxl.load_workbook(template)).parent.save(f"{outdir}/filled.xlsx")

wb = openpyxl.load_workbook(template)
ws = fill(wb)
ws.cell(row_of(ws, "01_01_OS01.eventi"), 5).value = "12a"
wb.save(f"{outdir}/letter.xlsx")

wb = openpyxl.load_workbook(template)
ws = fill(wb)
ws.cell(row_of(ws, "01_01_OS01.bando"), 5).value = "31/02/2024"
wb.save(f"{outdir}/date.xlsx")

wb = openpyxl.load_workbook(template)
ws = fill(wb)
ws.delete_rows(row_of(ws, "01_01_OS01.aderenti"))
wb.save(f"{outdir}/deleted.xlsx")

wb = openpyxl.load_workbook(template)
ws = fill(wb)
ws.append(["01_01_OS01.nuovo", "", "Riga aggiunta a mano", "n.", 7, ""])
wb.save(f"{outdir}/added.xlsx")
print("filled")
