"""Reading the store for the server: pages of events (clusters), one event, one article, counts.

The filters are export's (rasad.store.queries), so `rasad export` and
/api/events select the same events; the server adds a full-text `q`, sorting
and paging. "Event" here is a cluster: one real event, one or more reports.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Result,
    and_,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
    true,
    union_all,
)

from rasad.normalize import fold
from rasad.serve.counts import Counts
from rasad.serve.params import EventQuery
from rasad.store import names
from rasad.store.queries import EventFilter, cluster_conditions, contains
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
ENGLISH_COLUMNS = ("location_name", "actor1_name", "actor2_name", "admin1")


def as_dicts(result: Result[Any]) -> list[dict[str, Any]]:
    """The rows as plain dicts, the column names zipped in: several times faster than dict() of each
    RowMapping, which matters for the thousands of report rows a page of big clusters has."""
    columns = list(result.keys())
    return [dict(zip(columns, row, strict=True)) for row in result.all()]


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
    english: ColumnElement[bool]
    if names.indexed(connection) and names.usable(q):
        english = clusters.c.id.in_(names.ids_containing(ENGLISH_COLUMNS, q).scalar_subquery())
    else:
        english = contains(clusters, ENGLISH_COLUMNS, q)
    if connection.dialect.name == "sqlite":
        match = fts_query(q)
        if not match:
            return english
        matching = select(_FTS.c.rowid).where(text("articles_fts MATCH :fts_match").bindparams(fts_match=match))
    else:
        matching = select(articles.c.id).where(contains(articles, ("text",), q))
    in_articles = select(events.c.cluster_id).where(events.c.article_id.in_(matching.scalar_subquery()))
    return or_(clusters.c.id.in_(in_articles.scalar_subquery()), english)


def conditions(connection: Connection, where: EventFilter, q: str | None) -> list[ColumnElement[bool]]:
    found = cluster_conditions(connection, where)
    if q:
        found.append(text_condition(connection, q))
    return found


# the filters on each sort key's own column: a walk along the key must keep them as ranges, not test them
_SORT_KEY_FILTERS = {"date": ("since", "until"), "country": ("countries",), "type": ("types",)}


def walk_in_order(total: int, scope: int, offset: int, limit: int) -> bool:
    """Whether a page is found faster by reading the `scope` events in the sort key's order and testing each
    against the filters (about (offset + limit) · scope / total read) than by finding all `total` matches
    through the filters' indexes and sorting them."""
    return total > 0 and (offset + limit) * scope < total * total


def count(connection: Connection, where: list[ColumnElement[bool]]) -> int:
    return int(connection.execute(select(func.count()).select_from(clusters).where(*where)).scalar_one())


def match_count(connection: Connection, where: EventFilter, q: str | None, counts: Counts | None) -> int:
    """How many events match `where` and `q`; kept in `counts` (by filter, until the database changes) when
    given, and then their conditions are only built when the count is not known."""

    def counted() -> int:
        return count(connection, conditions(connection, where, q))

    return counted() if counts is None else counts.get((where, q), counted)


def page_conditions(connection: Connection, query: EventQuery, total: int, counts: Counts | None = None) -> list[ColumnElement[bool]]:
    """The WHERE of the page query. SQLite without statistics guesses that an indexed filter matches ten rows,
    so it always starts from the filters' indexes and then sorts every match (half the store for
    type=ASSAULT). When walking the sort key's index and testing each event is cheaper, the filters not on
    the key are asked as one "(…) IS true", in which the planner sees nothing to index."""
    if connection.dialect.name != "sqlite" or query.where == EventFilter() and not query.q:
        return conditions(connection, query.where, query.q)
    fields = _SORT_KEY_FILTERS.get(query.sort.lstrip("-"), ())
    defaults = EventFilter()
    on_key = replace(defaults, **{name: getattr(query.where, name) for name in fields})
    others = replace(query.where, **{name: getattr(defaults, name) for name in fields})
    rest = conditions(connection, others, query.q)
    if not rest or not walk_in_order(total, match_count(connection, on_key, None, counts), query.offset, query.limit):
        return conditions(connection, query.where, query.q)
    return [*cluster_conditions(connection, on_key), and_(*rest).is_(true())]


def page_ids(connection: Connection, query: EventQuery, counts: Counts | None = None) -> tuple[int, list[str]]:
    """(events matching in all, the ids of this page's events in order); the counts come from `counts` when
    given (rasad.serve.counts).

    Only ids are read here: with the sort key and the id in one index (migration 2) the page comes from the
    index alone, however deep; the rows are read afterwards, and only for the events not rendered before."""
    total = match_count(connection, query.where, query.q, counts)
    if total <= query.offset:
        return total, []
    key = _SORT_COLUMNS[query.sort.lstrip("-")]
    order = [key.desc() if query.sort.startswith("-") else key.asc(), clusters.c.id]
    page = select(clusters.c.id).where(*page_conditions(connection, query, total, counts))
    page = page.order_by(*order).limit(query.limit).offset(query.offset)
    return total, list(connection.execute(page).scalars().all())  # all(): one fetchall, not a fetchone a row


def cluster_rows(connection: Connection, ids: list[str], with_reports: bool = False) -> list[dict[str, Any]]:
    """The cluster rows of `ids` (those that exist), in that order, each with its "reports" if `with_reports`."""
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        query = select(clusters).where(clusters.c.id.in_(ids[start : start + 500]))
        found.update((row["id"], row) for row in as_dicts(connection.execute(query)))
    rows = [found[i] for i in ids if i in found]
    if with_reports:
        attach_reports(connection, rows)
    return rows


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
        for report in as_dicts(connection.execute(query)):
            by_id[report["cluster_id"]]["reports"].append(report)


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
