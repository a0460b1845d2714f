"""One processed article (its rasad.document/1 object) → the rows of every table.

Only the contract in DESIGN.md is read here: `article`, `text`, `lead_source`,
`mentions`, `events` (with `id`, `type`, `acled`, `actor1/2`, `location`,
`origin`, `date`, `quantity`, `sources`, `evidence` …) and `problems`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from rasad.model import Article
from rasad.store.identity import article_key, content_hash, event_uid, fingerprint


@dataclass(frozen=True)
class Extracted:
    """An article with its document, ready to store."""

    article: Article
    document: dict[str, Any]

    @property
    def key(self) -> str:
        return article_key(self.article)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.article)


def article_row(item: Extracted, now: str) -> dict[str, Any]:
    article, document = item.article, item.document
    lead = document.get("lead_source") or {}
    return {
        "key": item.key,
        "url": article.url,
        "content_hash": content_hash(article.text),
        "fingerprint": item.fingerprint,
        "source_id": article.id,
        "origin": article.origin,
        "outlet": article.outlet,
        "published": article.published,
        "title": article.title,
        "lead_source": lead.get("text"),
        "text": document.get("text") or "",
        "raw_text": article.text,
        "n_events": len(document.get("events") or []),
        "problems": json.dumps(document.get("problems") or [], ensure_ascii=False),
        "ingested_at": now,
        "updated_at": now,
    }


def mention_rows(article_id: int, document: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "article_id": article_id,
            "seq": seq,
            "kind": m.get("kind") or "",
            "text": m.get("text") or "",
            "start_char": m.get("start", 0),
            "end_char": m.get("end", 0),
            "raw_start": m.get("raw_start"),
            "raw_end": m.get("raw_end"),
            "ref": _text(m.get("ref")),
        }
        for seq, m in enumerate(document.get("mentions") or [])
    ]


def event_rows(article_id: int, key: str, document: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The events' rows and their sources' rows."""
    events: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []
    text = document.get("text") or ""
    for seq, event in enumerate(document.get("events") or []):
        uid = event_uid(key, seq, event.get("id"))
        events.append(event_row(uid, article_id, seq, event, text))
        for number, source in enumerate(event.get("sources") or []):
            sources.append({"event_uid": uid, "seq": number, "name": source.get("name"), "text": source.get("text"), "via": _text(source.get("via"))})
    return events, sources


def event_row(uid: str, article_id: int, seq: int, event: dict[str, Any], text: str) -> dict[str, Any]:
    acled = event.get("acled") or {}
    location = event.get("location") or {}
    origin = event.get("origin") or {}
    date = event.get("date") or {}
    quantity = event.get("quantity") or {}
    row: dict[str, Any] = {
        "uid": uid,
        "article_id": article_id,
        "seq": seq,
        "event_id": event.get("id"),
        "type": event.get("type") or "",
        "mode": event.get("mode"),
        "event_type": acled.get("event_type"),
        "sub_event_type": acled.get("sub_event_type"),
        "location_name": location.get("name"),
        "location_text": location.get("text"),
        "country": location.get("country"),
        "admin1": location.get("admin1"),
        "lat": _number(location.get("lat")),
        "lon": _number(location.get("lon")),
        "geo_precision": location.get("geo_precision"),
        "gazetteer_id": _text(location.get("gazetteer_id")),
        "origin_name": origin.get("name"),
        "origin_country": origin.get("country"),
        "origin_lat": _number(origin.get("lat")),
        "origin_lon": _number(origin.get("lon")),
        "date": date.get("value"),
        "date_precision": date.get("precision"),
        "date_text": date.get("text"),
        "date_inferred": 1 if date.get("inferred") or (date and not date.get("text")) else 0,
        "weapon": _text(event.get("weapon")),
        "quantity_value": _number(quantity.get("value")),
        "quantity_unit": _text(quantity.get("unit")),
        "fatalities": _count(event.get("fatalities")),
        "injured": _count(event.get("injured")),
        "status": event.get("status"),
        "timing": event.get("timing"),
        "confidence": _number(event.get("confidence")),
        "evidence_text": " … ".join(text[s["start"] : s["end"]] for s in event.get("evidence") or [] if "start" in s and "end" in s) or None,
        "cluster_id": None,
        "data": json.dumps(event, ensure_ascii=False),
    }
    for slot in ("actor1", "actor2"):
        actor = event.get(slot) or {}
        for part in ("id", "name", "text", "country", "kind"):
            row[f"{slot}_{part}"] = _text(actor.get(part))
    return row


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _count(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
