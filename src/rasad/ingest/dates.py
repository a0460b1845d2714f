"""Publication dates given as metadata: Gregorian or Jalali, ISO-like."""

from __future__ import annotations

import datetime as dt
import re

import jdatetime

from rasad.errors import InputError

_DATE = re.compile(r"\s*([0-9۰-۹]{4})[-/.]([0-9۰-۹]{1,2})[-/.]([0-9۰-۹]{1,2})(?:[T ].*)?\s*")


def parse_published(value: str) -> str:
    """An ISO Gregorian date from «2024-04-22», «1403-02-03», «۱۴۰۳/۰۲/۰۳» or an ISO timestamp.

    Years before 1700 are read as Solar Hijri (Jalali). Raises InputError E112.
    """
    match = _DATE.fullmatch(value)
    if not match:
        raise InputError("E112", f"{value!r}: expected YYYY-MM-DD (Gregorian or Jalali)")
    year, month, day = (int(part) for part in match.groups())
    try:
        if year < 1700:
            return jdatetime.date(year, month, day).togregorian().isoformat()
        return dt.date(year, month, day).isoformat()
    except ValueError as error:
        raise InputError("E112", f"{value!r}: {error}") from None
