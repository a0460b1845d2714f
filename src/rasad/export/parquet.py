"""Parquet through pyarrow, with typed columns: dates as date32, counts as integers, sources as a list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from rasad.export.acled import acled_row, inter_code, interaction
from rasad.export.rows import ExportEvent

SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("event_id_cnty", pa.string()),
        ("event_date", pa.date32()),
        ("year", pa.int16()),
        ("time_precision", pa.int8()),
        ("type", pa.string()),
        ("mode", pa.string()),
        ("disorder_type", pa.string()),
        ("event_type", pa.string()),
        ("sub_event_type", pa.string()),
        ("actor1", pa.string()),
        ("actor1_id", pa.string()),
        ("actor1_country", pa.string()),
        ("inter1", pa.int8()),
        ("actor2", pa.string()),
        ("actor2_id", pa.string()),
        ("actor2_country", pa.string()),
        ("inter2", pa.int8()),
        ("interaction", pa.int16()),
        ("iso", pa.int16()),
        ("region", pa.string()),
        ("country", pa.string()),
        ("country_iso3", pa.string()),
        ("admin1", pa.string()),
        ("location", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
        ("geo_precision", pa.int8()),
        ("weapon", pa.string()),
        ("fatalities", pa.int32()),
        ("injured", pa.int32()),
        ("status", pa.string()),
        ("reports", pa.int32()),
        ("sources", pa.list_(pa.string())),
        ("urls", pa.list_(pa.string())),
        ("notes", pa.string()),
        ("timestamp", pa.timestamp("ms", tz="UTC")),  # Parquet has no seconds unit
    ]
)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def parquet_record(event: ExportEvent) -> dict[str, Any]:
    row = acled_row(event)
    place = event.place
    inter1, inter2 = inter_code(event.actor1, event), inter_code(event.actor2, event, first=False)
    day = _date(event.date)
    return {
        "event_id": event.id,
        "event_id_cnty": row["event_id_cnty"],
        "event_date": day,
        "year": day.year if day else None,
        "time_precision": row["time_precision"],
        "type": event.type,
        "mode": event.mode,
        "disorder_type": row["disorder_type"] or None,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name if event.actor1 else None,
        "actor1_id": event.actor1.id if event.actor1 else None,
        "actor1_country": event.actor1.country if event.actor1 else None,
        "inter1": inter1,
        "actor2": event.actor2.name if event.actor2 else None,
        "actor2_id": event.actor2.id if event.actor2 else None,
        "actor2_country": event.actor2.country if event.actor2 else None,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "iso": row["iso"] if row["iso"] != "" else None,
        "region": row["region"] or None,
        "country": row["country"] or None,
        "country_iso3": event.country,
        "admin1": place.admin1 if place else None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": place.geo_precision if place else None,
        "weapon": event.weapon,
        "fatalities": event.fatalities,
        "injured": event.injured,
        "status": event.status,
        "reports": len(event.reports),
        "sources": list(event.sources),
        "urls": [r.url for r in event.reports if r.url],
        "notes": row["notes"],
        "timestamp": dt.datetime.fromtimestamp(event.timestamp, dt.UTC) if event.timestamp else None,
    }


def write_parquet(events: Iterable[ExportEvent], out: BinaryIO | str) -> int:
    records = [parquet_record(e) for e in events]
    pq.write_table(pa.Table.from_pylist(records, schema=SCHEMA), out)
    return len(records)
