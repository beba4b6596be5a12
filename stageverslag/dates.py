"""Dates as Belgian students write them: 7/3/2027, 07-03-2027, 7.3.2027 and ISO 2027-03-07."""

from __future__ import annotations

import datetime as dt
import re

from .errors import UserError

_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")

DAY_NAMES = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MONTH_NAMES = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december"]


def parse_date(value: object, field: str = "datum") -> dt.date:
    """Parse a date from a string (Belgian or ISO form) or pass a date through.

    Raises UserError with a Dutch message naming ``field`` when the value is not a real date.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value)
    m = _ISO.match(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _DMY.match(text)
        if not m:
            raise UserError(
                f"{field}: '{text}' is geen datum. Schrijf bijvoorbeeld 7/3/2027, 07-03-2027 of 2027-03-07.")
        d, mo, y = (int(g) for g in m.groups())
    try:
        return dt.date(y, mo, d)
    except ValueError:
        raise UserError(f"{field}: '{text}' bestaat niet als datum (dag {d}, maand {mo}, jaar {y}).") from None


def format_date(day: dt.date, weekday: bool = True) -> str:
    """'maandag 7 maart 2027' (or without the weekday)."""
    text = f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    return f"{DAY_NAMES[day.weekday()]} {text}" if weekday else text


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())
