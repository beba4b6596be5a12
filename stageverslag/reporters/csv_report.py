"""CSV overview for coaches: one row per student with the columns of :mod:`.overview` (Dutch headers).

Separated by ``;`` and written as UTF-8 with a byte-order mark, so Excel (also with Belgian and Dutch
settings, where ``,`` is the decimal sign) opens it in columns. Every text cell that comes from a file and
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'`` (OWASP's advice
against CSV injection), so Excel shows it as text and never runs it as a formula.
"""

from __future__ import annotations

import csv
import io

from .overview import build_rows

#: first characters that make Excel, LibreOffice Calc or Google Sheets read a cell as a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell) -> object:
    """A cell as it may go into a spreadsheet: numbers as they are, text that starts like a formula with ``'``."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return cell
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(FORMULA_START) else text


def rows(reports, annotated: bool | None = None) -> list[list]:
    cols, body = build_rows(reports, annotated)
    return [cols] + [[neutralise(r.columns[c]) for c in cols] for r in body]


def render_csv(reports, annotated: bool | None = None) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerows(rows(reports, annotated))
    return "\ufeff" + buf.getvalue()
