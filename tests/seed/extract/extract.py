#!/usr/bin/env python3
"""Mechanical extraction of the indicator tables of the PIRA 2024 seed text.

Reads tests/seed/pira-2024-pistoia-prato.txt (text extracted from the
PDF of the PIRA 2024 of the Camera di Commercio di Pistoia-Prato), splits it
into cards ("schede"), finds each card's objective code and writes every
numeric table row to rows.tsv next to this script.

This is an independent check of the hand transcription in plans/: it uses
only the seed text and generic rules, never per-row data.

Usage:
    python3 tests/seed/extract/extract.py            # (re)write rows.tsv
    python3 tests/seed/extract/extract.py --check    # exit 1 if rows.tsv is stale
    python3 tests/seed/extract/extract.py --seed PATH  # use another seed file
"""

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SEED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pira-2024-pistoia-prato.txt")
OUTPUT = os.path.join(HERE, "rows.tsv")

COLUMNS = ["card", "row", "tipologia", "udm", "valore", "confronto",
           "target_2024", "target_2025", "target_2026", "performance", "peso"]

# --- Card splitting --------------------------------------------------------
# The brief says cards are separated by a page break (\f).  The seed file as
# stored contains no \f at all, so we split where each card starts instead:
# every card opens with the label "D.M. 27/03/2013 Missione:" (the PDF text
# has spurious spaces inside "Missione", e.g. "Mi ss ione", "Miss i one").
# A \f, if present, is treated the same way (chunks without a code are
# dropped, and must not contain table rows).
CARD_START = re.compile(r"\f|(?=D\.M\.\s*27/03/2013\s*" + r"\s*".join("Missione") + r"\s*:)")
CODE = re.compile(r"\b\d{2}_\d{2}_OS\d{2}\b")

# --- Table rows ------------------------------------------------------------
# A table row is one line with a comparator between spaces and ending with a
# weight printed as a percentage with a decimal comma ("20,0%").
COMPARATOR = re.compile(r"\s(>=|<=|=)\s")
WEIGHT_AT_END = re.compile(r"\d+,\d+%\s*$")

# Left of the comparator: [tipologia] udm valore.  The tipologia may be empty
# on the row line when it wraps onto the preceding lines ("Salute\neconomica").
UDM = r"n\.|%|data|gg|entro|si/no"
VALUE = r"n\.d\.|sì|si|no|--|-?[\d.,/]+%?"
LEFT = re.compile(r"^(?P<tip>.*?)(?:^|\s+)(?P<udm>" + UDM + r")\s+(?P<val>" + VALUE + r")$")

# Tipologie made of more than one word: whitespace is squashed out of the
# tipologia (the PDF inserts spurious spaces, "Effi cacia", "Sa lute"), so the
# real word breaks of multi-word tipologie are restored from this table.
MULTIWORD = {"saluteeconomica": "salute economica"}


def fix_spurious_spaces(text):
    """Join the PDF's split "s ì" / "s i/no" into "sì" / "si/no"."""
    return re.sub(r"(?<!\S)s\s+(?=[iì](?:/no)?(?!\S))", "s", text)


def normalise_tipologia(raw):
    squashed = re.sub(r"\s+", "", raw).lower()
    return MULTIWORD.get(squashed, squashed)


def split_cards(text):
    cards = []
    for chunk in CARD_START.split(text):
        codes = sorted(set(CODE.findall(chunk)))
        rows = [l for l in chunk.split("\n") if is_row(l)]
        if not codes:
            if rows:
                raise SystemExit("table rows found outside any card:\n" + "\n".join(rows))
            continue
        if len(codes) != 1:
            raise SystemExit("chunk with several objective codes: %s" % codes)
        cards.append((codes[0], chunk))
    return cards


def is_row(line):
    return bool(COMPARATOR.search(line) and WEIGHT_AT_END.search(line))


def has_performance_column(chunk):
    """True if the card's table header has a Performance column.

    The header is the text between "Tipologia" and the first row; the PDF
    wraps the word ("Performan\\nce", "Performa\\nnce"), so whitespace is
    removed before looking for it.  Card 03_01_OS06 has no such column.
    """
    lines = chunk.split("\n")
    first_row = next(i for i, l in enumerate(lines) if is_row(l))
    header = "\n".join(lines[:first_row])
    header = header[header.rindex("Tipologia"):]
    return "performance" in re.sub(r"\s+", "", header).lower()


def parse_card(code, chunk):
    with_perf = has_performance_column(chunk)
    rows = []
    wrapped = []  # non-blank lines seen since the previous row
    seen_row = False
    for line in chunk.split("\n"):
        if not is_row(line):
            if line.strip():
                wrapped.append(line.strip())
            continue
        line = fix_spurious_spaces(line.strip())
        m = COMPARATOR.search(line)
        left, comparator, right = line[:m.start()].strip(), m.group(1), line[m.end():].split()

        lm = LEFT.match(left)
        if not lm:
            raise SystemExit("%s: cannot parse left part %r" % (code, left))
        tip = lm.group("tip").strip()
        if not tip:
            # Tipologia wrapped onto the lines just above the row.
            if not seen_row or not wrapped:
                raise SystemExit("%s: row without tipologia: %r" % (code, line))
            tip = " ".join(wrapped)

        # Right of the comparator: target_2024 [target_2025 target_2026]
        # [performance] peso.  Whether performance is printed comes from the
        # card header; how many targets are printed comes from the row itself:
        # card 01_04_OS02 has "Target 2025"/"Target 2026" in its header but
        # its rows only carry the 2024 target (then performance and peso).
        peso = right[-1]
        performance = right[-2] if with_perf else ""
        targets = right[:len(right) - 1 - int(with_perf)]
        if len(targets) == 1:
            targets += ["", ""]
        if len(targets) != 3:
            raise SystemExit("%s: unexpected columns after comparator: %r" % (code, line))

        # Losslessness: the fields must spell out the printed line exactly,
        # up to whitespace (and the tipologia, when it wrapped above the row).
        printed = lm.group("tip") + lm.group("udm") + lm.group("val") + comparator + "".join(right)
        if re.sub(r"\s+", "", printed) != re.sub(r"\s+", "", line):
            raise SystemExit("%s: fields do not spell the printed row %r" % (code, line))

        rows.append({
            "card": code,
            "row": str(len(rows) + 1),
            "tipologia": normalise_tipologia(tip),
            "udm": lm.group("udm"),
            "valore": lm.group("val"),
            "confronto": comparator,
            "target_2024": targets[0],
            "target_2025": targets[1],
            "target_2026": targets[2],
            "performance": performance,
            "peso": peso,
        })
        wrapped = []
        seen_row = True

    # All rows of a card must have the same shape.
    shapes = {(r["target_2025"] == "", r["performance"] == "") for r in rows}
    if len(shapes) != 1:
        raise SystemExit("%s: rows with different column layouts" % code)
    return rows


def render(seed_path):
    with open(seed_path, encoding="utf-8") as f:
        text = f.read()
    out = ["\t".join(COLUMNS)]
    for code, chunk in split_cards(text):
        for r in parse_card(code, chunk):
            out.append("\t".join(r[c] for c in COLUMNS))
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", default=DEFAULT_SEED)
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if rows.tsv differs from the extraction")
    args = ap.parse_args()

    content = render(args.seed)
    if args.check:
        try:
            with open(OUTPUT, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != content:
            print("rows.tsv is out of date: rerun tests/seed/extract/extract.py", file=sys.stderr)
            return 1
        print("rows.tsv is up to date")
        return 0

    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(content)
    lines = content.splitlines()[1:]
    cards = {}
    for l in lines:
        cards.setdefault(l.split("\t")[0], 0)
        cards[l.split("\t")[0]] += 1
    print("wrote %s: %d cards, %d rows" % (os.path.relpath(OUTPUT), len(cards), len(lines)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
