"""The `rasad.document/1` JSON contract (DESIGN.md): one object per article."""

from __future__ import annotations

from typing import Any

from rasad.model import Doc, Event, Mention

SCHEMA = "rasad.document/1"


def mention_to_dict(doc: Doc, mention: Mention) -> dict[str, Any]:
    raw_start, raw_end = doc.raw_span(mention.start, mention.end)
    return {
        "kind": mention.kind,
        "text": doc.text[mention.start : mention.end],
        "start": mention.start,
        "end": mention.end,
        "raw_start": raw_start,
        "raw_end": raw_end,
        "ref": mention.ref,
    }


def to_document(doc: Doc) -> dict[str, Any]:
    """The JSON-ready document for one processed article."""
    article = doc.article
    lead = None
    if doc.lead_source is not None:
        raw_start, raw_end = doc.raw_span(doc.lead_source.start, doc.lead_source.end)
        lead = {
            "text": doc.text[doc.lead_source.start : doc.lead_source.end],
            "start": doc.lead_source.start,
            "end": doc.lead_source.end,
            "raw_start": raw_start,
            "raw_end": raw_end,
        }
    return {
        "schema": SCHEMA,
        "article": {
            "id": article.id,
            "outlet": article.outlet,
            "published": article.published,
            "url": article.url,
            "title": article.title,
        },
        "text": doc.text,
        "lead_source": lead,
        "removed": [{"raw_start": s.start, "raw_end": s.end} for s in doc.removed],
        "sentences": [{"start": s.start, "end": s.end} for s in doc.sentences],
        "mentions": [mention_to_dict(doc, m) for m in doc.mentions],
        "events": [event_to_dict(doc, e) for e in doc.events],
        "problems": [{"code": p.code, "message": p.message, "severity": p.severity} for p in doc.problems],
    }


def _span(doc: Doc, start: int, end: int) -> dict[str, int]:
    raw_start, raw_end = doc.raw_span(start, end)
    return {"start": start, "end": end, "raw_start": raw_start, "raw_end": raw_end}


def _with_spans(doc: Doc, coded: dict[str, Any] | None, mention: Mention | None) -> dict[str, Any] | None:
    if coded is None:
        return None
    result = dict(coded)
    if mention is not None:
        result["span"] = _span(doc, mention.start, mention.end)
    return result


def event_to_dict(doc: Doc, event: Event) -> dict[str, Any]:
    coded = event.coded
    acled = {"event_type": event.acled[0], "sub_event_type": event.acled[1]} if event.acled else None
    date = coded.get("date")
    if date is not None and event.date is not None:
        date = {**date, "span": _span(doc, event.date.start, event.date.end)}
    return {
        "id": coded.get("id"),
        "type": event.type,
        "mode": event.mode,
        "acled": acled,
        "actor1": _with_spans(doc, coded.get("actor1"), event.actor1),
        "actor2": _with_spans(doc, coded.get("actor2"), event.actor2),
        "location": _with_spans(doc, coded.get("location"), event.location),
        "origin": _with_spans(doc, coded.get("origin"), event.origin),
        "date": date,
        "weapon": coded.get("weapon"),
        "quantity": event.quantity,
        "fatalities": event.fatalities,
        "injured": event.injured,
        "status": event.status,
        "timing": event.timing,
        "sources": _sources(doc, event),
        "trigger": {"text": doc.text[event.trigger.start : event.trigger.end], **_span(doc, event.trigger.start, event.trigger.end)},
        "evidence": [_span(doc, s.start, s.end) for s in event.evidence],
        "confidence": event.confidence,
    }


def _sources(doc: Doc, event: Event) -> list[dict[str, Any]]:
    sources: list[dict[str, Any]] = []
    if doc.lead_source is not None:
        lead = doc.text[doc.lead_source.start : doc.lead_source.end]
        sources.append({"name": doc.article.outlet or lead, "text": lead, "via": None})
    for mention in event.sources:
        name = mention.data.get("name") if mention.data else None
        text = doc.text[mention.start : mention.end]
        if not any(s["text"] == text for s in sources):
            sources.append({"name": name or text, "text": text, "via": mention.data.get("via")})
    return sources
