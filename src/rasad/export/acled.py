"""ACLED-style CSV: ACLED's columns in ACLED's order, one row per event.

Values ACLED codes that rasad does not know are left empty (assoc_actor_*,
admin2, admin3, source_scale), and so is `fatalities` when no report gives a
figure (ACLED would write 0; rasad keeps "unknown" apart from "none").
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

from rasad.export.notes import notes
from rasad.export.reference import country, table
from rasad.export.rows import Actor, ExportEvent

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)


def inter_code(actor: Actor | None, event: ExportEvent, first: bool = True) -> int | None:
    """ACLED's inter code for an actor of `event`: by kind; state forces abroad are external forces (8);
    the first actor of a protest or riot, unless armed or official, is protesters (6) or rioters (5)."""
    if actor is None:
        return None
    codes: dict[str, Any] = table("acled.yaml")
    code = codes["inter_by_kind"].get(actor.kind or "")
    crowd = codes["crowd_inter_by_event_type"].get(event.event_type or "")
    if first and crowd is not None and (code is None or code in codes["crowd_kinds_inter"]):
        return int(crowd)
    if code == codes["state_inter"] and actor.country and event.country and actor.country != event.country:
        return int(codes["external_inter"])
    return int(code) if code is not None else None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """Two digits, the lower first (12: state forces vs rebels); a lone actor is N0 (20: rebels only)."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def time_precision(event: ExportEvent) -> int:
    codes: dict[str, Any] = table("acled.yaml")
    if event.date_inferred:
        return int(codes["inferred_time_precision"])
    return int(codes["time_precision"].get(event.date_precision or "day", 1))


def disorder_type(event: ExportEvent) -> str:
    codes: dict[str, Any] = table("acled.yaml")
    by_sub: dict[str, str] = codes["disorder_by_sub_event_type"]
    by_type: dict[str, str] = codes["disorder_by_event_type"]
    return by_sub.get(event.sub_event_type or "") or by_type.get(event.event_type or "", "")


def event_id_cnty(event: ExportEvent) -> str:
    return f"{event.country or 'XXX'}{event.id[:10].upper()}"


def _tags(event: ExportEvent) -> str:
    tags = [f"reports={len(event.reports)}"]
    if event.status and event.status != "reported":
        tags.append(f"status={event.status}")
    if event.weapon:
        tags.append(f"weapon={event.weapon}")
    return "; ".join(tags)


def acled_row(event: ExportEvent) -> dict[str, Any]:
    place = event.place
    nation = country(event.country)
    inter1 = inter_code(event.actor1, event)
    inter2 = inter_code(event.actor2, event, first=False)
    civilian_inter = table("acled.yaml")["civilian_inter"]
    return {
        "event_id_cnty": event_id_cnty(event),
        "event_date": event.date or "",
        "year": event.date[:4] if event.date else "",
        "time_precision": time_precision(event),
        "disorder_type": disorder_type(event),
        "event_type": event.event_type or "",
        "sub_event_type": event.sub_event_type or "",
        "actor1": event.actor1.name if event.actor1 else "",
        "assoc_actor_1": "",
        "inter1": inter1 if inter1 is not None else "",
        "actor2": event.actor2.name if event.actor2 else "",
        "assoc_actor_2": "",
        "inter2": inter2 if inter2 is not None else "",
        "interaction": interaction(inter1, inter2) or "",
        "civilian_targeting": "Civilian targeting" if inter2 == civilian_inter else "",
        "iso": nation.iso if nation else "",
        "region": nation.region if nation else "",
        "country": nation.name if nation else (event.country or ""),
        "admin1": place.admin1 or "" if place else "",
        "admin2": "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": _coordinate(place.lat) if place else "",
        "longitude": _coordinate(place.lon) if place else "",
        "geo_precision": place.geo_precision if place and place.geo_precision is not None else "",
        "source": "; ".join(event.sources),
        "source_scale": "",
        "notes": notes(event),
        "fatalities": event.fatalities if event.fatalities is not None else "",
        "tags": _tags(event),
        "timestamp": event.timestamp or "",
    }


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def write_acled_csv(events: Iterable[ExportEvent], out: IO[str]) -> int:
    """Write the header and one row per event; the number of rows."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(acled_row(event))
        count += 1
    return count
