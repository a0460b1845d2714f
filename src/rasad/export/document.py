"""The `rasad.document/1` JSON contract (DESIGN.md): one object per article."""

from __future__ import annotations

from typing import Any

from rasad.model import Doc, Mention

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


def event_to_dict(doc: Doc, event: Any) -> dict[str, Any]:
    to_dict = getattr(event, "to_dict", None)
    if to_dict is None:
        raise TypeError(f"cannot serialise event of type {type(event).__name__}")
    result: dict[str, Any] = to_dict(doc)
    return result
