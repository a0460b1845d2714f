"""What every export format writes: one ExportEvent per real event (a cluster) or per report.

Built from the store's rows (rasad.store.queries); the formats (acled, plover,
geojson, parquet) only format these, so they cannot disagree about a value.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from rasad.export.outlets import english_name


@dataclass(frozen=True)
class Actor:
    id: str | None
    name: str | None
    country: str | None
    kind: str | None


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    gazetteer_id: str | None


@dataclass(frozen=True)
class Citation:
    """One report of the event: the article and the words that support it."""

    outlet: str | None
    published: str | None
    url: str | None
    title: str | None
    article_id: str | None
    evidence: str | None
    fatalities: int | None
    status: str | None


@dataclass(frozen=True)
class ExportEvent:
    id: str
    type: str
    mode: str | None
    event_type: str | None
    sub_event_type: str | None
    date: str | None
    date_precision: str | None
    date_inferred: bool
    actor1: Actor | None
    actor2: Actor | None
    place: Place | None
    origin: str | None
    weapon: str | None
    quantity: tuple[float, str | None] | None
    fatalities: int | None
    injured: int | None
    status: str | None
    sources: tuple[str, ...]
    reports: tuple[Citation, ...]
    updated_at: str | None

    @property
    def country(self) -> str | None:
        return self.place.country if self.place else None

    @property
    def timestamp(self) -> int | None:
        if not self.updated_at:
            return None
        return int(dt.datetime.fromisoformat(self.updated_at).timestamp())


def _actor(row: dict[str, Any], slot: str) -> Actor | None:
    if not row.get(f"{slot}_id") and not row.get(f"{slot}_name"):
        return None
    return Actor(row.get(f"{slot}_id"), row.get(f"{slot}_name"), row.get(f"{slot}_country"), row.get(f"{slot}_kind"))


def _place(row: dict[str, Any]) -> Place | None:
    if not row.get("location_name"):
        return None
    return Place(
        row["location_name"], row.get("country"), row.get("admin1"), row.get("lat"), row.get("lon"), row.get("geo_precision"), row.get("gazetteer_id")
    )


def _citation(report: dict[str, Any]) -> Citation:
    return Citation(
        report.get("outlet"),
        report.get("published"),
        report.get("url"),
        report.get("title"),
        report.get("article_source_id"),
        report.get("evidence_text"),
        report.get("fatalities"),
        report.get("status"),
    )


def _quantity(report: dict[str, Any] | None) -> tuple[float, str | None] | None:
    if not report or report.get("quantity_value") is None:
        return None
    return float(report["quantity_value"]), report.get("quantity_unit")


def _english(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(english_name(n) for n in names if n))


def from_cluster(row: dict[str, Any]) -> ExportEvent:
    """An ExportEvent for a cluster row (rasad.store.queries.select_clusters) and its reports."""
    reports: list[dict[str, Any]] = row.get("reports") or []
    lead = max(reports, key=lambda r: r.get("confidence") or 0.0) if reports else None
    dated = [r for r in reports if r.get("date") == row.get("date")]
    return ExportEvent(
        id=row["id"],
        type=row["type"],
        mode=row.get("mode"),
        event_type=row.get("event_type"),
        sub_event_type=row.get("sub_event_type"),
        date=row.get("date"),
        date_precision=row.get("date_precision"),
        date_inferred=bool(dated) and all(r.get("date_inferred") for r in dated),
        actor1=_actor(row, "actor1"),
        actor2=_actor(row, "actor2"),
        place=_place(row),
        origin=lead.get("origin_name") if lead else None,
        weapon=row.get("weapon"),
        quantity=_quantity(lead),
        fatalities=row.get("fatalities"),
        injured=row.get("injured"),
        status=row.get("status"),
        sources=_english(json.loads(row.get("source_names") or "[]")),
        reports=tuple(_citation(r) for r in reports),
        updated_at=row.get("updated_at"),
    )


def from_report(row: dict[str, Any], source_names: list[str] | None = None) -> ExportEvent:
    """An ExportEvent for one report (rasad.store.queries.select_reports)."""
    names = [n for n in [row.get("outlet"), *(source_names or [])] if n]
    return ExportEvent(
        id=row["uid"],
        type=row["type"],
        mode=row.get("mode"),
        event_type=row.get("event_type"),
        sub_event_type=row.get("sub_event_type"),
        date=row.get("date"),
        date_precision=row.get("date_precision"),
        date_inferred=bool(row.get("date_inferred")),
        actor1=_actor(row, "actor1"),
        actor2=_actor(row, "actor2"),
        place=_place(row),
        origin=row.get("origin_name"),
        weapon=row.get("weapon"),
        quantity=_quantity(row),
        fatalities=row.get("fatalities"),
        injured=row.get("injured"),
        status=row.get("status"),
        sources=_english(names),
        reports=(_citation(row),),
        updated_at=row.get("article_updated_at"),
    )
