"""ACLED's `notes`: one English sentence written from the coded fields, so the data reads without Persian.

«On 21 April 2024, Military Forces of Israel carried out an air or drone strike in
Nabatieh (South Lebanon), killing 2 people. [Tasnim; Example News]»
The wording comes from export/data/notes.yaml; only coded values are used, never the
article's text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from rasad.export.reference import country, table
from rasad.export.rows import ExportEvent

_SEGMENT = re.compile(r"\[([^\]|]*)(?:\|([^\]]*))?\]")
_FIELD = re.compile(r"\{(\w+)\}")


def fill(template: str, values: dict[str, str | None]) -> str:
    """Fill {fields}; a [segment] survives only if all its fields are known, [{field}|words] falls back."""

    def segment(match: re.Match[str]) -> str:
        body, fallback = match.group(1), match.group(2)
        names = _FIELD.findall(body)
        if all(values.get(name) for name in names):
            return _FIELD.sub(lambda m: values[m.group(1)] or "", body)
        return fallback or ""

    return _FIELD.sub(lambda m: values.get(m.group(1)) or "", _SEGMENT.sub(segment, template))


def number_words(value: float) -> str:
    words: list[str] = table("notes.yaml")["numbers"]
    return words[int(value)] if value == int(value) and 0 <= value < len(words) else f"{value:g}"


def _plural(unit: str, value: float) -> str:
    return unit if value == 1 or unit.endswith("s") else unit + "s"


def what(event: ExportEvent) -> str | None:
    """«five missiles», «a drone»: the quantity with its unit, else the weapon."""
    if event.quantity is not None:
        value, unit = event.quantity
        unit = unit if unit and unit.isascii() else event.weapon
        if unit:
            return f"{number_words(value)} {_plural(unit, value)}"
    if event.weapon and event.weapon.isascii():
        return f"an {event.weapon}" if event.weapon[0] in "aeiou" else f"a {event.weapon}"
    return None


def date_phrase(event: ExportEvent) -> str:
    phrases: dict[str, str] = table("notes.yaml")["date"]
    if not event.date:
        return phrases["unknown"]
    try:
        day = dt.date.fromisoformat(event.date[:10])
    except ValueError:
        return phrases["unknown"]
    precision = event.date_precision or "day"
    template = phrases.get(precision, phrases["day"])
    return template.format(date=f"{day.day} {calendar.month_name[day.month]} {day.year}", month=f"{calendar.month_name[day.month]} {day.year}", year=day.year)


def place_phrase(event: ExportEvent) -> str:
    place = event.place
    if place is None:
        return ""
    nation = country(place.country)
    if (place.gazetteer_id or "").startswith("country:") or (nation is not None and place.name == nation.name):
        return f" in {place.name}"
    preposition = "near" if place.geo_precision == 2 else "in"
    region = f" ({place.admin1})" if place.admin1 and place.admin1 != place.name else ""
    where = f"{region}" if region else (f", {nation.name}" if nation else "")
    return f" {preposition} {place.name}{where}"


def casualty_phrase(fatalities: int | None, injured: int | None) -> str:
    def people(n: int) -> str:
        return "1 person" if n == 1 else f"{n} people"

    if fatalities and injured:
        return f", killing {people(fatalities)} and injuring {injured}"
    if fatalities:
        return f", killing {people(fatalities)}"
    if injured:
        return f", injuring {people(injured)}" + (" and killing no one" if fatalities == 0 else "")
    if fatalities == 0:
        return ", killing no one"
    return ""


def notes(event: ExportEvent) -> str:
    """The one-sentence summary, with the sources in brackets."""
    data: dict[str, Any] = table("notes.yaml")
    template = (
        data["by_sub_event_type"].get(event.sub_event_type or "")
        or data["by_type"].get(event.type)
        or data["fallback"]
    )
    values = {
        "actor1": event.actor1.name if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None,
        "what": what(event),
        "origin": event.origin,
    }
    clause = fill(template, values)
    status = data["status"].get(event.status or "", "")
    sentence = f"{date_phrase(event)}, {clause}{place_phrase(event)}{casualty_phrase(event.fatalities, event.injured)}{status}."
    sentence = sentence[0].upper() + sentence[1:]
    return f"{sentence} [{'; '.join(event.sources)}]" if event.sources else sentence
