"""What each endpoint shows, as plain dicts: the API sends them as JSON, the pages render them as HTML.

One function per view, so a page and its JSON twin cannot disagree. Events are
built through rasad.export.rows (the ExportEvent every export format uses), so
the API, the page and `rasad export` agree about every value.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection

from rasad.export.acled import event_id_cnty
from rasad.export.notes import notes
from rasad.export.rows import Actor, ExportEvent, Place, from_cluster
from rasad.serve import reader
from rasad.serve.highlights import highlights
from rasad.store import EventFilter


def actor_json(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"id": actor.id, "name": actor.name, "country": actor.country, "kind": actor.kind}


def place_json(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "geo_precision": place.geo_precision,
        "gazetteer_id": place.gazetteer_id,
    }


def event_summary(event: ExportEvent, row: dict[str, Any]) -> dict[str, Any]:
    """One event (cluster) in a list: the coded fields in English."""
    return {
        "id": event.id,
        "event_id_cnty": event_id_cnty(event),
        "type": event.type,
        "mode": event.mode,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date": event.date,
        "date_precision": event.date_precision,
        "actor1": actor_json(event.actor1),
        "actor2": actor_json(event.actor2),
        "location": place_json(event.place),
        "weapon": event.weapon,
        "fatalities": event.fatalities,
        "injured": event.injured,
        "status": event.status,
        "sources": list(event.sources),
        "n_reports": row.get("n_reports"),
        "n_articles": row.get("n_articles"),
        "n_outlets": row.get("n_outlets"),
        "updated_at": event.updated_at,
    }


def _report(report: dict[str, Any], text: str, mentions: list[dict[str, Any]], cited: list[dict[str, Any]]) -> dict[str, Any]:
    coded: dict[str, Any] = json.loads(report["data"])
    return {
        "uid": report["uid"],
        "event_id": report["event_id"],
        "article": {
            "id": report["article_id"],
            "source_id": report.get("article_source_id"),
            "outlet": report.get("outlet"),
            "published": report.get("published"),
            "title": report.get("title"),
            "url": report.get("url"),
        },
        "status": report.get("status"),
        "timing": report.get("timing"),
        "confidence": report.get("confidence"),
        "fatalities": report.get("fatalities"),
        "injured": report.get("injured"),
        "sources": cited,
        "coded": coded,
        "highlights": highlights(coded, mentions, text),
    }


def event_detail(connection: Connection, event_id: str) -> dict[str, Any] | None:
    """One event with its coded fields, an English note, and every report with its evidence."""
    row = reader.select_cluster(connection, event_id)
    if row is None:
        return None
    event = from_cluster(row)
    reports: list[dict[str, Any]] = row["reports"]
    article_ids = sorted({r["article_id"] for r in reports})
    texts = {a: (reader.select_article(connection, a) or {}).get("text") or "" for a in article_ids}
    mentions = reader.article_mentions(connection, article_ids)
    cited = reader.report_sources(connection, [r["uid"] for r in reports])
    return {
        **event_summary(event, row),
        "date_first": row.get("date_first"),
        "date_last": row.get("date_last"),
        "origin": event.origin,
        "quantity": {"value": event.quantity[0], "unit": event.quantity[1]} if event.quantity else None,
        "notes": notes(event),
        "reports": [_report(r, texts[r["article_id"]], mentions.get(r["article_id"], []), cited.get(r["uid"], [])) for r in reports],
    }


def article_detail(connection: Connection, article_id: int) -> dict[str, Any] | None:
    """One stored article: its text (normalized and raw), mentions, and events with their highlights."""
    row = reader.select_article(connection, article_id)
    if row is None:
        return None
    text = row["text"] or ""
    found = reader.article_mentions(connection, [article_id]).get(article_id, [])
    mention_list = [
        {
            "kind": m["kind"],
            "text": m["text"],
            "start": m["start_char"],
            "end": m["end_char"],
            "raw_start": m["raw_start"],
            "raw_end": m["raw_end"],
            "ref": m["ref"],
        }
        for m in found
    ]
    event_list = []
    for event in reader.article_events(connection, article_id):
        coded = json.loads(event["data"])
        event_list.append({"uid": event["uid"], "cluster_id": event["cluster_id"], "coded": coded, "highlights": highlights(coded, found, text)})
    return {
        "id": row["id"],
        "source_id": row["source_id"],
        "url": row["url"],
        "outlet": row["outlet"],
        "published": row["published"],
        "title": row["title"],
        "lead_source": row["lead_source"],
        "text": text,
        "raw_text": row["raw_text"],
        "problems": json.loads(row["problems"] or "[]"),
        "ingested_at": row["ingested_at"],
        "updated_at": row["updated_at"],
        "mentions": mention_list,
        "events": event_list,
    }


def stats(connection: Connection, where: EventFilter, q: str | None) -> dict[str, Any]:
    return reader.select_stats(connection, where, q)


def document_highlights(document: dict[str, Any]) -> dict[str, Any]:
    """A `rasad.document/1` result (POST /api/extract) with each event's highlights added."""
    text = document.get("text") or ""
    mention_list = document.get("mentions") or []
    return {**document, "events": [{**e, "highlights": highlights(e, mention_list, text)} for e in document.get("events") or []]}


def warm_caches() -> None:
    """Load every table the views read lazily (outlet names, ACLED codes, note templates, cue words) once,
    before requests arrive: those loaders are not guarded by locks, and fifty requests arriving at once
    would otherwise each load the knowledge base."""
    from rasad.export.acled import acled_row
    from rasad.export.geojson import feature
    from rasad.serve.highlights import figure_spans

    row = {"id": "warm", "type": "ASSAULT", "event_type": "Battles", "sub_event_type": "Armed clash", "date": "2024-01-01", "location_name": "x", "country": "IRN", "lat": 1.0, "lon": 1.0, "fatalities": 1, "source_names": '["\u062e\u0628\u0631"]', "reports": []}
    event = from_cluster(row)
    acled_row(event)
    feature(event)
    notes(event)
    figure_spans({"fatalities": 1}, [], [], "")
