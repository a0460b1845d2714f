"""Reading the store for the server: pages of events (clusters), one event, one article, counts.

The filters are export's (rasad.store.queries), so `rasad export` and
/api/events select the same events; the server adds a full-text `q`, sorting
and paging. "Event" here is a cluster: one real event, one or more reports.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
    union_all,
)

from rasad.normalize import fold
from rasad.serve.params import EventQuery
from rasad.store.queries import EventFilter, _conditions
from rasad.store.tables import articles, clusters, events, mentions, sources

_SORT_COLUMNS = {
    "date": clusters.c.date,
    "fatalities": clusters.c.fatalities,
    "injured": clusters.c.injured,
    "country": clusters.c.country,
    "type": clusters.c.type,
    "reports": clusters.c.n_reports,
    "updated": clusters.c.updated_at,
    "location": clusters.c.location_name,
}
_ARTICLE_META = (
    articles.c.outlet,
    articles.c.published,
    articles.c.url,
    articles.c.title,
    articles.c.source_id.label("article_source_id"),
    articles.c.updated_at.label("article_updated_at"),
)
# What a list needs of each report to build its ExportEvent (rasad.export.rows.from_cluster): the lead
# report's origin and quantity, whether the date was inferred, and a count of reports for the exports.
_LIST_COLUMNS = [
    events.c[name]
    for name in ("uid", "cluster_id", "article_id", "confidence", "origin_name", "quantity_value", "quantity_unit", "date", "date_inferred", "fatalities", "status")
]
_FTS = table("articles_fts", column("rowid"))


def fts_query(q: str) -> str:
    """An FTS5 query that treats every word as a literal phrase (no syntax errors from user input);
    each word matches as typed or folded (Arabic letter forms, digits)."""
    words: list[str] = []
    for word in q.split():
        forms = dict.fromkeys([word, fold(word)])
        quoted = ['"' + form.replace('"', '""') + '"' for form in forms if form.strip('"')]
        if quoted:
            words.append(quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")")
    return " AND ".join(words)


def text_condition(connection: Connection, q: str) -> ColumnElement[bool]:
    """Clusters a report of which comes from an article matching `q`, or whose English fields contain it."""
    pattern = f"%{q.lower()}%"
    english = [func.lower(clusters.c[name]).like(pattern) for name in ("location_name", "actor1_name", "actor2_name", "admin1")]
    if connection.dialect.name == "sqlite":
        match = fts_query(q)
        if not match:
            return or_(*english)
        matching = select(_FTS.c.rowid).where(text("articles_fts MATCH :fts_match").bindparams(fts_match=match))
    else:
        matching = select(articles.c.id).where(func.lower(articles.c.text).like(pattern))
    in_articles = select(events.c.cluster_id).where(events.c.article_id.in_(matching.scalar_subquery()))
    return or_(clusters.c.id.in_(in_articles.scalar_subquery()), *english)


def conditions(connection: Connection, where: EventFilter, q: str | None) -> list[ColumnElement[bool]]:
    found = _conditions(clusters, where)
    if q:
        found.append(text_condition(connection, q))
    return found


def select_page(connection: Connection, query: EventQuery, with_reports: bool = True) -> tuple[int, list[dict[str, Any]]]:
    """(events matching in all, this page's cluster rows, each with its "reports" unless not `with_reports`)."""
    where = conditions(connection, query.where, query.q)
    total = int(connection.execute(select(func.count()).select_from(clusters).where(*where)).scalar_one())
    key = _SORT_COLUMNS[query.sort.lstrip("-")]
    order = [key.desc() if query.sort.startswith("-") else key.asc(), clusters.c.id]
    page = select(clusters).where(*where).order_by(*order).limit(query.limit).offset(query.offset)
    rows = [dict(row) for row in connection.execute(page).mappings()]
    if with_reports:
        attach_reports(connection, rows)
    else:
        for row in rows:
            row["reports"] = []
    return total, rows


def attach_reports(connection: Connection, rows: list[dict[str, Any]], whole: bool = False) -> None:
    """Give each cluster row its "reports": whole event rows with their article's metadata, or (not `whole`)
    the few columns a list needs."""
    by_id = {row["id"]: row for row in rows}
    for row in rows:
        row["reports"] = []
    columns = [*events.c, *_ARTICLE_META] if whole else [*_LIST_COLUMNS, articles.c.published]
    ids = list(by_id)
    for start in range(0, len(ids), 500):
        query = (
            select(*columns)
            .join(articles, articles.c.id == events.c.article_id)
            .where(events.c.cluster_id.in_(ids[start : start + 500]))
            .order_by(articles.c.published, events.c.uid)
        )
        for report in connection.execute(query).mappings():
            by_id[report["cluster_id"]]["reports"].append(dict(report))


def select_cluster(connection: Connection, cluster_id: str) -> dict[str, Any] | None:
    """One cluster with its whole reports; the id must match exactly."""
    row = connection.execute(select(clusters).where(clusters.c.id == cluster_id)).mappings().first()
    if row is None:
        return None
    found = [dict(row)]
    attach_reports(connection, found, whole=True)
    return found[0]


def report_sources(connection: Connection, uids: list[str]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    query = select(sources).where(sources.c.event_uid.in_(uids)).order_by(sources.c.event_uid, sources.c.seq)
    for row in connection.execute(query).mappings():
        found.setdefault(row["event_uid"], []).append({"name": row["name"], "text": row["text"], "via": row["via"]})
    return found


def select_article(connection: Connection, article_id: int) -> dict[str, Any] | None:
    row = connection.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
    return dict(row) if row is not None else None


def article_mentions(connection: Connection, article_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = {}
    query = select(mentions).where(mentions.c.article_id.in_(article_ids)).order_by(mentions.c.article_id, mentions.c.seq)
    for row in connection.execute(query).mappings():
        found.setdefault(row["article_id"], []).append(dict(row))
    return found


def article_events(connection: Connection, article_id: int) -> list[dict[str, Any]]:
    query = select(events).where(events.c.article_id == article_id).order_by(events.c.seq)
    return [dict(row) for row in connection.execute(query).mappings()]


def _counts(connection: Connection, where: list[ColumnElement[bool]], *keys: ColumnElement[Any]) -> list[tuple[Any, ...]]:
    query = select(*keys, func.count().label("n")).where(*where).group_by(*keys).order_by(*keys)
    return [tuple(row) for row in connection.execute(query)]


def select_stats(connection: Connection, where: EventFilter, q: str | None, top: int = 25) -> dict[str, Any]:
    """Counts of events by day and type, type, ACLED type, country and actor; totals."""
    found = conditions(connection, where, q)
    day = func.substr(clusters.c.date, 1, 10).label("day")
    dated = [*found, func.length(clusters.c.date) >= 10]
    totals = connection.execute(
        select(
            func.count().label("events"),
            func.coalesce(func.sum(clusters.c.n_reports), 0).label("reports"),
            func.sum(clusters.c.fatalities).label("fatalities"),
            func.min(day).label("first"),
            func.max(day).label("last"),
        ).where(*found)
    ).mappings().one()
    actor_names = union_all(
        select(clusters.c.actor1_name.label("actor")).where(*found, clusters.c.actor1_name.is_not(None)),
        select(clusters.c.actor2_name.label("actor")).where(*found, clusters.c.actor2_name.is_not(None)),
    ).subquery()
    actor = actor_names.c.actor
    by_actor = connection.execute(
        select(actor, func.count().label("n")).group_by(actor).order_by(literal_column("n").desc(), actor).limit(top)
    )
    return {
        "totals": dict(totals),
        "by_day": [{"date": d, "type": t, "count": n} for d, t, n in _counts(connection, dated, day, clusters.c.type)],
        "by_type": [{"type": t, "count": n} for t, n in _counts(connection, found, clusters.c.type)],
        "by_event_type": [{"event_type": t, "count": n} for t, n in _counts(connection, found, clusters.c.event_type)],
        "by_country": [{"country": c, "count": n} for c, n in _counts(connection, found, clusters.c.country)],
        "by_actor": [{"actor": a, "count": n} for a, n in by_actor],
    }
