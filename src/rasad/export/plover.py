"""PLOVER JSON: one record per event, one per line (the JSONL the PLOVER manual recommends).

Fields follow the PLOVER data specification: id, date, event, mode, context,
quad_code, actor and recipient (lists of actor objects: code, sector,
actor_text, identifier_id, identifier_text), event_loc (name, lat, lon,
geonameid, resolution, cc3, admin1), event_text, size_info (dead, injured),
cite_info (one per report), coder, coded_date. The manual calls the
first actor list `source`; rasad writes `actor`, as later PLOVER data does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import IO, Any

from rasad import __version__
from rasad.export.reference import table
from rasad.export.rows import Actor, ExportEvent, Place

CODER = f"rasad {__version__}"
_GEONAMES = re.compile(r"^geonames[:-](\d+)$")


def _actor(actor: Actor | None) -> list[dict[str, Any]]:
    if actor is None:
        return []
    sectors: dict[str, str] = table("plover.yaml")["sector_by_kind"]
    return [
        {
            "code": actor.country,
            "sector": sectors.get(actor.kind or "") or None,
            "actor_text": actor.name,
            "identifier_id": actor.id,
            "identifier_text": actor.name,
        }
    ]


def resolution(place: Place) -> str:
    if (place.gazetteer_id or "").startswith("country:"):
        return "country"
    return {1: "exact", 2: "nearby"}.get(place.geo_precision or 3, "admin1")


def _location(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    match = _GEONAMES.match(place.gazetteer_id or "")
    return {
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": int(match.group(1)) if match else None,
        "gazetteer_id": place.gazetteer_id,
        "resolution": resolution(place),
        "cc3": place.country,
        "admin1": place.admin1,
    }


def plover_record(event: ExportEvent, coded_date: str) -> dict[str, Any]:
    evidence = [r.evidence for r in event.reports if r.evidence]
    return {
        "id": event.id,
        "date": event.date,
        "event": event.type,
        "mode": event.mode,
        "context": [],
        "quad_code": table("plover.yaml")["quad_code"].get(event.type),
        "actor": _actor(event.actor1),
        "recipient": _actor(event.actor2),
        "event_loc": _location(event.place),
        "event_text": evidence,
        "text": evidence[0] if evidence else None,
        "size_info": {"dead": event.fatalities, "injured": event.injured},
        "cite_info": [
            {
                "publication": report.outlet,
                "url": report.url,
                "title": report.title,
                "citation": report.article_id,
                "date": report.published,
                "language": "fa",
                "coder": CODER,
                "codebook": "plover",
            }
            for report in event.reports
        ],
        "coder": CODER,
        "coded_date": coded_date,
    }


def write_plover(events: Iterable[ExportEvent], out: IO[str], coded_date: str) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(plover_record(event, coded_date), ensure_ascii=False) + "\n")
        count += 1
    return count
