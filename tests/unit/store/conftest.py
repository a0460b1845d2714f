"""Fixtures for the store: a real SQLite file per test and rasad.document/1 dicts built to order."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from rasad.model import Article
from rasad.store import Extracted, Store

TEXT = "به گزارش ایرنا، انفجاری در شهر اهواز رخ داد و دو نفر کشته شدند."


def event(**overrides: Any) -> dict[str, Any]:
    """One event of the contract, ASSAULT in Ahvaz on 2024-04-21 unless overridden."""
    base: dict[str, Any] = {
        "id": "e1",
        "type": "ASSAULT",
        "mode": "explosive",
        "acled": {"event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED"},
        "actor1": None,
        "actor2": {"id": "civilians", "name": "Civilians (Iran)", "text": "مردم", "country": "IRN", "kind": "civilians"},
        "location": {
            "name": "Ahvaz",
            "text": "اهواز",
            "country": "IRN",
            "admin1": "Khuzestan",
            "lat": 31.32,
            "lon": 48.67,
            "geo_precision": 1,
            "gazetteer_id": "geonames:144448",
        },
        "origin": None,
        "date": {"value": "2024-04-21", "precision": "day", "text": "روز یکشنبه"},
        "weapon": "explosive",
        "quantity": None,
        "fatalities": 2,
        "injured": None,
        "status": "reported",
        "timing": "current",
        "sources": [{"name": "IRNA", "text": "ایرنا", "via": None}],
        "evidence": [{"start": 0, "end": 30, "raw_start": 0, "raw_end": 30}],
        "confidence": 0.8,
    }
    base.update(overrides)
    return base


def document(text: str = TEXT, events: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "schema": "rasad.document/1",
        "article": {},
        "text": text,
        "lead_source": {"text": "ایرنا", "start": 10, "end": 15, "raw_start": 10, "raw_end": 15},
        "mentions": [
            {"kind": "PLACE", "text": "اهواز", "start": 29, "end": 34, "raw_start": 29, "raw_end": 34, "ref": "geonames:144448"},
            {"kind": "OUTLET", "text": "ایرنا", "start": 10, "end": 15, "raw_start": 10, "raw_end": 15, "ref": "irna"},
        ],
        "events": [event()] if events is None else events,
        "problems": [],
    }


def extracted(
    text: str = TEXT, url: str | None = None, events: list[dict[str, Any]] | None = None, outlet: str = "ایرنا", published: str = "2024-04-22"
) -> Extracted:
    article = Article(id="a", text=text, published=published, outlet=outlet, url=url, origin="test")
    return Extracted(article, document(text, events))


@pytest.fixture
def tmp_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(str(tmp_path / "rasad.db"))
    yield store
    store.close()


@pytest.fixture
def make_extracted() -> Callable[..., Extracted]:
    return extracted


@pytest.fixture
def make_event() -> Callable[..., dict[str, Any]]:
    return event
