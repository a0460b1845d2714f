"""The store's tables as SQLAlchemy Core objects, for engine-neutral queries.

The schema itself is created by the numbered SQL migrations in migrations/<dialect>/;
tests/unit/store checks that these definitions and the migrated database agree.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Integer, MetaData, Table, Text

metadata = MetaData()


def _actor(prefix: str, with_text: bool = True) -> list[Column[object]]:
    names = ["id", "name", "text", "country", "kind"] if with_text else ["id", "name", "country", "kind"]
    return [Column(f"{prefix}_{name}", Text) for name in names]


schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("applied_at", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),
    Column("url", Text),
    Column("content_hash", Text, nullable=False),
    Column("fingerprint", Text, nullable=False),
    Column("source_id", Text),
    Column("origin", Text),
    Column("outlet", Text),
    Column("published", Text),
    Column("title", Text),
    Column("lead_source", Text),
    Column("text", Text, nullable=False),
    Column("raw_text", Text, nullable=False),
    Column("n_events", Integer, nullable=False),
    Column("problems", Text),
    Column("ingested_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("uid", Text, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("event_id", Text),
    Column("type", Text, nullable=False),
    Column("mode", Text),
    Column("event_type", Text),
    Column("sub_event_type", Text),
    *_actor("actor1"),
    *_actor("actor2"),
    Column("location_name", Text),
    Column("location_text", Text),
    Column("country", Text),
    Column("admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Integer),
    Column("gazetteer_id", Text),
    Column("origin_name", Text),
    Column("origin_country", Text),
    Column("origin_lat", Float),
    Column("origin_lon", Float),
    Column("date", Text),
    Column("date_precision", Text),
    Column("date_text", Text),
    Column("date_inferred", Integer, nullable=False),
    Column("weapon", Text),
    Column("quantity_value", Float),
    Column("quantity_unit", Text),
    Column("fatalities", Integer),
    Column("injured", Integer),
    Column("status", Text),
    Column("timing", Text),
    Column("confidence", Float),
    Column("evidence_text", Text),
    Column("cluster_id", Text),
    Column("data", Text, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("raw_start", Integer),
    Column("raw_end", Integer),
    Column("ref", Text),
)

sources = Table(
    "sources",
    metadata,
    Column("event_uid", Text, ForeignKey("events.uid"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("name", Text),
    Column("text", Text),
    Column("via", Text),
)

clusters = Table(
    "clusters",
    metadata,
    Column("id", Text, primary_key=True),
    Column("type", Text, nullable=False),
    Column("mode", Text),
    Column("event_type", Text),
    Column("sub_event_type", Text),
    Column("date", Text),
    Column("date_precision", Text),
    Column("date_first", Text),
    Column("date_last", Text),
    *_actor("actor1", with_text=False),
    *_actor("actor2", with_text=False),
    Column("location_name", Text),
    Column("country", Text),
    Column("admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Integer),
    Column("gazetteer_id", Text),
    Column("weapon", Text),
    Column("fatalities", Integer),
    Column("injured", Integer),
    Column("status", Text),
    Column("n_reports", Integer, nullable=False),
    Column("n_articles", Integer, nullable=False),
    Column("n_outlets", Integer, nullable=False),
    Column("source_names", Text),
    Column("updated_at", Text, nullable=False),
)

store_state = Table(
    "store_state",
    metadata,
    Column("name", Text, primary_key=True),
    Column("value", Text),
)
