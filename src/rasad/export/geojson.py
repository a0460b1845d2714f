"""GeoJSON: a FeatureCollection of points, one per event that has coordinates ([lon, lat], RFC 7946)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from rasad.export.acled import acled_row
from rasad.export.rows import ExportEvent


def feature(event: ExportEvent) -> dict[str, Any] | None:
    place = event.place
    if place is None or place.lat is None or place.lon is None:
        return None
    properties = {key: (None if value == "" else value) for key, value in acled_row(event).items()}
    properties.update({"id": event.id, "type": event.type, "injured": event.injured, "reports": len(event.reports)})
    return {"type": "Feature", "id": event.id, "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]}, "properties": properties}


def write_geojson(events: Iterable[ExportEvent], out: IO[str]) -> tuple[int, int]:
    """Write the collection; (features written, events left out for want of coordinates)."""
    features: list[dict[str, Any]] = []
    missing = 0
    for event in events:
        found = feature(event)
        if found is None:
            missing += 1
        else:
            features.append(found)
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features), missing
