"""The three tables of a run's Parquet dataset, built from rasad.document/1 dicts.

`documents` has one row per article, `events` one per event (with the full event
object as JSON in `event_json`, so nothing of the contract is lost), `mentions`
one per mention. Rows are keyed by article id and position, and every table is
split by the article's publication month (`month=2024-04`, or `month=unknown`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from rasad.model import Article

UNKNOWN_MONTH = "unknown"

DOCUMENTS = pa.schema(
    [
        ("article_id", pa.string()),
        ("origin", pa.string()),
        ("published", pa.date32()),
        ("outlet", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("lead_source", pa.string()),
        ("text", pa.string()),
        ("n_mentions", pa.int32()),
        ("n_events", pa.int32()),
        ("problems", pa.list_(pa.struct([("code", pa.string()), ("message", pa.string()), ("severity", pa.string())]))),
    ]
)

_ACTOR = [("id", pa.string()), ("name", pa.string()), ("country", pa.string()), ("kind", pa.string()), ("text", pa.string())]

EVENTS = pa.schema(
    [
        ("article_id", pa.string()),
        ("ordinal", pa.int32()),
        ("event_id", pa.string()),
        ("type", pa.string()),
        ("mode", pa.string()),
        ("event_type", pa.string()),
        ("sub_event_type", pa.string()),
        *[(f"actor{n}_{key}", kind) for n in (1, 2) for key, kind in _ACTOR],
        ("location", pa.string()),
        ("location_text", pa.string()),
        ("country", pa.string()),
        ("admin1", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
        ("geo_precision", pa.int8()),
        ("gazetteer_id", pa.string()),
        ("origin_place", pa.string()),
        ("date", pa.string()),
        ("date_precision", pa.string()),
        ("weapon", pa.string()),
        ("quantity", pa.float64()),
        ("quantity_unit", pa.string()),
        ("fatalities", pa.int32()),
        ("injured", pa.int32()),
        ("status", pa.string()),
        ("timing", pa.string()),
        ("sources", pa.list_(pa.string())),
        ("trigger", pa.string()),
        ("confidence", pa.float64()),
        ("event_json", pa.string()),
    ]
)

MENTIONS = pa.schema(
    [
        ("article_id", pa.string()),
        ("ordinal", pa.int32()),
        ("kind", pa.string()),
        ("text", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("raw_start", pa.int32()),
        ("raw_end", pa.int32()),
        ("ref", pa.string()),
    ]
)

SCHEMAS: dict[str, pa.Schema] = {"documents": DOCUMENTS, "events": EVENTS, "mentions": MENTIONS}
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("article_id", "origin"),
    "events": ("article_id", "ordinal", "event_id"),
    "mentions": ("article_id", "ordinal"),
}


Rows = list[dict[str, Any]]


@dataclass
class TableRows:
    """Rows of the three tables for one partition, by table and publication month."""

    by_month: dict[str, dict[str, Rows]] = field(default_factory=lambda: {name: defaultdict(list) for name in SCHEMAS})

    def add(self, article: Article, document: dict[str, Any]) -> None:
        month = month_of(article.published)
        self.by_month["documents"][month].append(document_row(article, document))
        self.by_month["events"][month].extend(event_rows(article.id, document.get("events") or []))
        self.by_month["mentions"][month].extend(mention_rows(article.id, document.get("mentions") or []))


def month_of(published: str | None) -> str:
    day = _day(published)
    return f"{day.year:04d}-{day.month:02d}" if day else UNKNOWN_MONTH


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def document_row(article: Article, document: dict[str, Any]) -> dict[str, Any]:
    lead = document.get("lead_source")
    return {
        "article_id": article.id,
        "origin": article.origin,
        "published": _day(article.published),
        "outlet": article.outlet,
        "url": article.url,
        "title": article.title,
        "lead_source": lead["text"] if lead else None,
        "text": document.get("text"),
        "n_mentions": len(document.get("mentions") or []),
        "n_events": len(document.get("events") or []),
        "problems": [{"code": p.get("code"), "message": p.get("message"), "severity": p.get("severity")} for p in document.get("problems") or []],
    }


def _actor(prefix: str, actor: dict[str, Any] | None) -> dict[str, Any]:
    actor = actor or {}
    return {f"{prefix}_{key}": actor.get(key) for key, _ in _ACTOR}


def event_rows(article_id: str, events: Iterable[dict[str, Any]]) -> Rows:
    rows: Rows = []
    for ordinal, event in enumerate(events):
        acled = event.get("acled") or {}
        place = event.get("location") or {}
        date = event.get("date") or {}
        quantity = event.get("quantity") or {}
        rows.append(
            {
                "article_id": article_id,
                "ordinal": ordinal,
                "event_id": event.get("id"),
                "type": event.get("type"),
                "mode": event.get("mode"),
                "event_type": acled.get("event_type"),
                "sub_event_type": acled.get("sub_event_type"),
                **_actor("actor1", event.get("actor1")),
                **_actor("actor2", event.get("actor2")),
                "location": place.get("name"),
                "location_text": place.get("text"),
                "country": place.get("country"),
                "admin1": place.get("admin1"),
                "latitude": place.get("lat"),
                "longitude": place.get("lon"),
                "geo_precision": place.get("geo_precision"),
                "gazetteer_id": place.get("gazetteer_id"),
                "origin_place": (event.get("origin") or {}).get("name"),
                "date": date.get("value"),
                "date_precision": date.get("precision"),
                "weapon": event.get("weapon"),
                "quantity": quantity.get("value"),
                "quantity_unit": quantity.get("unit"),
                "fatalities": event.get("fatalities"),
                "injured": event.get("injured"),
                "status": event.get("status"),
                "timing": event.get("timing"),
                "sources": [s.get("name") for s in event.get("sources") or []],
                "trigger": (event.get("trigger") or {}).get("text"),
                "confidence": event.get("confidence"),
                "event_json": json.dumps(event, ensure_ascii=False, sort_keys=True),
            }
        )
    return rows


def mention_rows(article_id: str, mentions: Iterable[dict[str, Any]]) -> Rows:
    keys = ("kind", "text", "start", "end", "raw_start", "raw_end", "ref")
    return [{"article_id": article_id, "ordinal": i, **{k: m.get(k) for k in keys}} for i, m in enumerate(mentions)]
