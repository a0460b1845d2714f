"""Reading the store: clusters (or single reports) with their reports, filtered for export and display."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
)

from rasad.store import names
from rasad.store.tables import articles, clusters, events, sources


@dataclass(frozen=True)
class EventFilter:
    """Which events to read; every field narrows, None or empty means "any"."""

    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-3
    types: tuple[str, ...] = ()  # PLOVER type, ACLED event type or ACLED sub-event type
    actors: tuple[str, ...] = ()  # part of an actor's id or name
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat


ACTOR_COLUMNS = ("actor1_id", "actor1_name", "actor2_id", "actor2_name")


def contains(table: Any, columns: tuple[str, ...], part: str) -> ColumnElement[bool]:
    """One of `columns` contains `part`, ignoring case (LIKE's wildcards in `part` are literals)."""
    escaped = part.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return or_(*(func.lower(table.c[name]).like(f"%{escaped}%", escape="\\") for name in columns))


def filter_conditions(table: Any, where: EventFilter, names_index: bool = False) -> list[ColumnElement[bool]]:
    """The WHERE conditions for `where` on `table` (clusters, or events for single reports).

    With `names_index` (clusters on SQLite: rasad.store.names), an actor of three or more characters is
    looked up in the trigram index instead of comparing every cluster's four actor columns."""
    conditions: list[ColumnElement[bool]] = []
    if where.since:
        conditions.append(table.c.date >= where.since)
    if where.until:
        conditions.append(table.c.date <= where.until + "\uffff")
    if where.countries:
        conditions.append(table.c.country.in_([c.upper() for c in where.countries]))
    if where.types:
        # lower(…) as the store's expression indexes have it (migration 2), so they serve this OR
        wanted = [t.lower() for t in where.types]
        conditions.append(
            or_(func.lower(table.c.type).in_(wanted), func.lower(table.c.event_type).in_(wanted), func.lower(table.c.sub_event_type).in_(wanted))
        )
    for actor in where.actors:
        if names_index and names.usable(actor):
            conditions.append(table.c.id.in_(names.ids_containing(ACTOR_COLUMNS, actor).scalar_subquery()))
        else:
            conditions.append(contains(table, ACTOR_COLUMNS, actor))
    if where.bbox:
        min_lon, min_lat, max_lon, max_lat = where.bbox
        conditions.append(and_(table.c.lon >= min_lon, table.c.lon <= max_lon, table.c.lat >= min_lat, table.c.lat <= max_lat))
    return conditions


def cluster_conditions(connection: Connection, where: EventFilter) -> list[ColumnElement[bool]]:
    """The WHERE conditions for `where` on the clusters table of this store."""
    return filter_conditions(clusters, where, names_index=names.indexed(connection))


def _report_query() -> Select[Any]:
    return select(
        events,
        articles.c.outlet,
        articles.c.published,
        articles.c.url,
        articles.c.title,
        articles.c.source_id.label("article_source_id"),
        articles.c.updated_at.label("article_updated_at"),
    ).join(articles, articles.c.id == events.c.article_id)


def select_clusters(connection: Connection, where: EventFilter) -> list[dict[str, Any]]:
    """Cluster rows matching `where`, each with its "reports" (event rows with their article), by date."""
    query = select(clusters).where(*cluster_conditions(connection, where)).order_by(clusters.c.date, clusters.c.id)
    rows = [dict(row) for row in connection.execute(query).mappings()]
    by_id = {row["id"]: row for row in rows}
    for row in rows:
        row["reports"] = []
    ids = list(by_id)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        members = _report_query().where(events.c.cluster_id.in_(chunk)).order_by(articles.c.published, events.c.uid)
        for member in connection.execute(members).mappings():
            by_id[member["cluster_id"]]["reports"].append(dict(member))
    return rows


def select_reports(connection: Connection, where: EventFilter) -> list[dict[str, Any]]:
    """Single report rows (one per event of one article) matching `where`, by date."""
    query = _report_query().where(*filter_conditions(events, where)).order_by(events.c.date, events.c.uid)
    return [dict(row) for row in connection.execute(query).mappings()]


def cluster_with_reports(connection: Connection, cluster_id: str) -> dict[str, Any] | None:
    """One cluster and its reports; a unique prefix of the id is enough."""
    query = select(clusters).where(clusters.c.id.like(f"{cluster_id}%")).limit(2)
    found = [dict(row) for row in connection.execute(query).mappings()]
    if len(found) != 1:
        return None
    cluster = found[0]
    members = _report_query().where(events.c.cluster_id == cluster["id"]).order_by(articles.c.published, events.c.uid)
    cluster["reports"] = [dict(row) for row in connection.execute(members).mappings()]
    return cluster


def largest_clusters(connection: Connection, limit: int = 20) -> list[dict[str, Any]]:
    query = select(clusters).order_by(clusters.c.n_reports.desc(), clusters.c.date.desc(), clusters.c.id).limit(limit)
    return [dict(row) for row in connection.execute(query).mappings()]


def search_articles(connection: Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Articles whose title or text match a full-text query, best first, each with a [marked] snippet.

    The query is in the engine's own syntax: SQLite FTS5 (`word1 word2`, `"a phrase"`, `a OR b`, `pref*`);
    PostgreSQL web-search syntax (`word1 word2`, `"a phrase"`, `a or b`, `-word`) over the 'simple' configuration.
    """
    if connection.dialect.name == "postgresql":
        return _search_postgresql(connection, query, limit)
    sql = (
        "SELECT a.id, a.key, a.title, a.outlet, a.published, a.url, "
        "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet "
        "FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid "
        "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
    )
    return [dict(row) for row in connection.exec_driver_sql(sql, (query, limit)).mappings()]


_POSTGRES_SEARCH = (
    "SELECT a.id, a.key, a.title, a.outlet, a.published, a.url, "
    "ts_headline('simple', a.text, q, "
    "'StartSel=[, StopSel=], MaxWords=12, MinWords=4, MaxFragments=2, FragmentDelimiter=\" … \"') AS snippet "
    "FROM articles_fts AS f JOIN articles AS a ON a.id = f.article_id, "
    "websearch_to_tsquery('simple', rasad_fts_words(%(query)s)) AS q "
    "WHERE f.document @@ q ORDER BY ts_rank(f.document, q) DESC, a.id LIMIT %(limit)s"
)


def matching_article_ids(connection: Connection, query: str) -> Select[Any]:
    """A subquery of the ids of articles matching a full-text query (the engine's syntax, as in search_articles)."""
    if connection.dialect.name == "postgresql":
        tsquery = func.websearch_to_tsquery(literal_column("'simple'"), func.rasad_fts_words(query))
        return select(_FTS_PG.c.article_id).where(_FTS_PG.c.document.bool_op("@@")(tsquery))
    return select(_FTS_SQLITE.c.rowid).where(text("articles_fts MATCH :fts_query").bindparams(fts_query=query))


_FTS_SQLITE = table("articles_fts", column("rowid"))
_FTS_PG = table("articles_fts", column("article_id"), column("document"))


def _search_postgresql(connection: Connection, query: str, limit: int) -> list[dict[str, Any]]:
    rows = connection.exec_driver_sql(_POSTGRES_SEARCH, {"query": query, "limit": limit}).mappings()
    return [dict(row) for row in rows]


def source_names(connection: Connection, uids: list[str]) -> dict[str, list[str]]:
    """Event uid → the names of the sources it cites, in order."""
    names: dict[str, list[str]] = {}
    for start in range(0, len(uids), 500):
        query = select(sources.c.event_uid, sources.c.name).where(sources.c.event_uid.in_(uids[start : start + 500]))
        for row in connection.execute(query.order_by(sources.c.event_uid, sources.c.seq)):
            if row.name:
                names.setdefault(row.event_uid, []).append(row.name)
    return names
