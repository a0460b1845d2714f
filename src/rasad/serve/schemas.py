"""The API's bodies as pydantic models: they validate what comes in and document what goes out (OpenAPI).

Responses are built as plain dicts by rasad.serve.views and sent as they are;
these models describe them, and tests/unit/serve check real responses against
the OpenAPI document made from them.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ArticleBody(BaseModel):
    """A pasted article: its text, and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article's text, as scraped (Persian).")
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD (Jalali accepted); relative dates resolve against it.")
    outlet: str | None = Field(None, max_length=200, description="The outlet's name.")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000, description="The article's URL; the same URL again replaces the stored article.")
    id: str | None = Field(None, max_length=200, description="Your id for the article (default: a hash of the text).")


class Error(BaseModel):
    error: str = Field(description="A short code: bad_parameter, unauthorized, forbidden, not_found, too_large, invalid_body …")
    message: str
    detail: Any = None


class ActorOut(BaseModel):
    id: str | None
    name: str | None
    country: str | None
    kind: str | None


class PlaceOut(BaseModel):
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    gazetteer_id: str | None


class EventSummary(BaseModel):
    """One real event (a cluster of reports), coded in English."""

    id: str
    event_id_cnty: str
    type: str = Field(description="PLOVER event type")
    mode: str | None
    event_type: str | None = Field(description="ACLED event type")
    sub_event_type: str | None
    date: str | None
    date_precision: str | None
    actor1: ActorOut | None
    actor2: ActorOut | None
    location: PlaceOut | None
    weapon: str | None
    fatalities: int | None
    injured: int | None
    status: str | None
    sources: list[str]
    n_reports: int | None
    n_articles: int | None
    n_outlets: int | None
    updated_at: str | None


class EventList(BaseModel):
    total: int = Field(description="Events matching the filters, on all pages")
    limit: int
    offset: int
    count: int = Field(description="Events on this page")
    next: str | None = Field(description="The next page's URL, or null on the last page")
    events: list[EventSummary]


class Highlight(BaseModel):
    field: str = Field(description="evidence, trigger, actor1, actor2, location, origin, date, fatalities or injured")
    start: int = Field(description="Offset in the article's normalized text (half-open)")
    end: int
    raw_start: int | None
    raw_end: int | None
    text: str
    matched: bool | None = Field(None, description="True for a casualty figure found by its value (the contract gives it no span)")


class ArticleRef(BaseModel):
    id: int
    source_id: str | None
    outlet: str | None
    published: str | None
    title: str | None
    url: str | None


class SourceOut(BaseModel):
    name: str | None
    text: str | None
    via: str | None


class Report(BaseModel):
    """One article's report of the event."""

    uid: str
    event_id: str | None
    article: ArticleRef
    status: str | None
    timing: str | None
    confidence: float | None
    fatalities: int | None
    injured: int | None
    sources: list[SourceOut]
    coded: dict[str, Any] = Field(description="The event as the article's rasad.document/1 object gives it")
    highlights: list[Highlight]


class EventDetail(EventSummary):
    date_first: str | None
    date_last: str | None
    origin: str | None
    quantity: dict[str, Any] | None
    notes: str = Field(description="An English sentence describing the event, as in the ACLED export")
    reports: list[Report]


class MentionOut(BaseModel):
    kind: str
    text: str
    start: int
    end: int
    raw_start: int | None
    raw_end: int | None
    ref: str | None


class ArticleEvent(BaseModel):
    uid: str
    cluster_id: str | None
    coded: dict[str, Any]
    highlights: list[Highlight]


class ArticleDetail(BaseModel):
    id: int
    source_id: str | None
    url: str | None
    outlet: str | None
    published: str | None
    title: str | None
    lead_source: str | None
    text: str = Field(description="The normalized text; every offset refers to it")
    raw_text: str = Field(description="The text as it was read; raw_start/raw_end refer to it")
    problems: list[Any]
    ingested_at: str
    updated_at: str
    mentions: list[MentionOut]
    events: list[ArticleEvent]


class Stats(BaseModel):
    totals: dict[str, Any]
    by_day: list[dict[str, Any]] = Field(description="[{date, type, count}] for day-precise dates")
    by_type: list[dict[str, Any]]
    by_event_type: list[dict[str, Any]]
    by_country: list[dict[str, Any]]
    by_actor: list[dict[str, Any]]


class IngestResult(BaseModel):
    status: str = Field(description="new, updated or unchanged")
    article_id: int
    events: list[dict[str, Any]] = Field(description="[{uid, event_id}]: each stored report and the event (cluster) it joined")
    warnings: list[dict[str, Any]]
