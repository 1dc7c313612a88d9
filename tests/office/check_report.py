"""Opens the report workbook with openpyxl and checks its numbers, formats and colours
against the JSON report of the same evaluation.

usage: check_report.py REPORT.xlsx REPORT.json
"""

import datetime
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
report = json.load(open(sys.argv[2], encoding="utf-8"))
checks = 0

FILLS = {"good": "FFC8E6C9", "fair": "FFFFE0B2", "poor": "FFFFCDD2"}


def close(a, b):
    return abs(float(a) - float(b)) <= 1e-12 * max(1.0, abs(float(b)))


def band(percent):
    # As the HTML report: by the percentage shown, rounded half up to a whole percent.
    shown = int(float(percent) + 0.5)
    return "good" if shown >= 90 else "fair" if shown >= 60 else "poor"


def check_performance(cell, percent, where):
    global checks
    if percent is None:
        assert cell.value == "—", (where, cell.value)
    else:
        assert isinstance(cell.value, (int, float)), (where, cell.value)
        assert close(cell.value, float(percent) / 100), (where, cell.value, percent)
        assert cell.number_format == "0%", (where, cell.number_format)
        assert cell.fill.fgColor.rgb == FILLS[band(percent)], (where, cell.fill.fgColor.rgb)
    checks += 1


def table(name):
    ws = wb[name]
    header = [c.value for c in ws[1]]
    assert ws.auto_filter.ref, f"{name} has a filter"
    return [dict(zip(header, row)) for row in ws.iter_rows(min_row=2)]


assert wb.sheetnames == ["Piano", "Ambiti", "Linee strategiche", "Missioni e programmi", "Obiettivi", "Indicatori"]

plan = {row[0].value: row[1] for row in wb["Piano"].iter_rows(min_row=2)}
check_performance(plan["Performance del piano"], report["performance"], "piano")
assert plan["Rilevazione al"].value == datetime.datetime.fromisoformat(report["al"])
assert plan["Anno"].value == report["anno"]

for sheet, key, code in [("Ambiti", "ambiti", "Ambito"), ("Linee strategiche", "linee_strategiche", "Linea strategica")]:
    rows = table(sheet)
    assert len(rows) == len(report[key])
    for row, group in zip(rows, report[key]):
        assert row[code].value == group["codice"]
        check_performance(row["Performance"], group["performance"], group["codice"])

rows = table("Missioni e programmi")
for row, m in zip(rows, report["missioni"]):
    assert (row["Missione"].value, row["Programma"].value) == (m["missione"], m["programma"])
    check_performance(row["Performance"], m["performance"], m["missione"])

rows = table("Obiettivi")
assert len(rows) == len(report["obiettivi"])
for row, o in zip(rows, report["obiettivi"]):
    assert row["Obiettivo"].value == o["codice"]
    check_performance(row["Performance"], o["performance"], o["codice"])
    if o["risorse"] is not None:
        assert close(row["Risorse"].value, o["risorse"]) and "€" in row["Risorse"].number_format

rows = iter(table("Indicatori"))
for o in report["obiettivi"]:
    for i in o["indicatori"]:
        row = next(rows)
        where = f'{o["codice"]}.{i["nome"]}'
        assert row["Obiettivo"].value == o["codice"] and row["Indicatore"].value == i["nome"], where
        check_performance(row["Performance"], i["performance"], where)
        assert close(row["Peso"].value, float(i["peso"]) / 100), where
        value, cell = i["valore"], row["Valore"]
        if value is None:
            assert cell.value == "n.d.", (where, cell.value)
        elif isinstance(value, bool):
            assert cell.value in ("sì", "no"), (where, cell.value)
        elif i["udm"] == "data":
            assert cell.value == datetime.datetime.fromisoformat(value), (where, cell.value)
        elif i["udm"] == "%":
            assert close(cell.value, float(value) / 100) and cell.number_format == "0.00%", where
        else:
            assert close(cell.value, value), (where, cell.value, value)
        checks += 1
    assert row["Stato"].value is not None
assert next(rows, None) is None, "one row per indicator"
print(f"ok {checks}")
