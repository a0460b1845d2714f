"""ExportEvents built to order, for the export formats."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from rasad.export.rows import Actor, Citation, ExportEvent, Place

EVENT = ExportEvent(
    id="3f2a9c0b1d2e4f5a6b7c",
    type="ASSAULT",
    mode="missile",
    event_type="Explosions/Remote violence",
    sub_event_type="Shelling/artillery/missile attack",
    date="2024-04-21",
    date_precision="day",
    date_inferred=False,
    actor1=None,
    actor2=Actor("usa-military", "Military Forces of the United States", "USA", "military"),
    place=Place("Kharab al-Jir", "SYR", "Al-Hasakah", 36.9, 41.9, 1, "geonames:99072"),
    origin="Zummar",
    weapon="missile",
    quantity=(5.0, "missile"),
    fatalities=None,
    injured=None,
    status="reported",
    sources=("Reuters", "Al Jazeera"),
    reports=(
        Citation("رویترز", "2024-04-22", "https://example.com/1", "حمله موشکی", "a1", "پنج موشک شلیک شد", None, "reported"),
        Citation("الجزیره", "2024-04-22", None, None, "a2", None, None, "reported"),
    ),
    updated_at="2024-04-23T10:00:00+00:00",
)


@pytest.fixture
def make_export_event() -> Callable[..., ExportEvent]:
    def make(**changes: Any) -> ExportEvent:
        return replace(EVENT, **changes)

    return make
