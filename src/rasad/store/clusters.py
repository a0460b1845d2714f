"""Building the event clusters: incrementally after each ingest, or all over again on request.

Incremental: the reports to regroup are the new ones (no cluster yet), the members
of clusters that lost a report, every report of the same type whose dates come
near theirs, and the other members of the clusters those belong to. Only their
clusters are replaced; the rest of the store is not read. Any pending work is
flagged (`clusters_dirty`, `stale_clusters`) in the same transaction as the batch
that caused it, so a crash before the rebuild is made good by the next run.
A cluster's id is the uid of its earliest-published report, so it stays put as
later reports join it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import fields
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, bindparam, delete, insert, or_, select, update

from rasad.store import names as cluster_names
from rasad.store.dedupe import INFERRED_SLACK_DAYS, Report, cluster_reports, date_window
from rasad.store.reconcile import cluster_record
from rasad.store.tables import articles, clusters, events, sources
from rasad.store.writer import CLUSTERS_DIRTY, STALE_CLUSTERS, get_state, set_state, utc_now

_EVENT_FIELDS = [f.name for f in fields(Report) if f.name not in ("outlet", "published")]
NEAR_DAYS = INFERRED_SLACK_DAYS + 1
COARSE_DAYS = 31  # a month-precise date may lie this far from the days it covers


def load_reports(connection: Connection, where: ColumnElement[bool] | None = None) -> dict[str, tuple[Report, str | None]]:
    """uid → (report, its current cluster id)."""
    columns = [events.c[name] for name in _EVENT_FIELDS]
    query = select(*columns, events.c.cluster_id, articles.c.outlet, articles.c.published).join(articles, articles.c.id == events.c.article_id)
    if where is not None:
        query = query.where(where)
    found: dict[str, tuple[Report, str | None]] = {}
    for row in connection.execute(query).mappings():
        values: dict[str, Any] = dict(row)
        cluster_id = values.pop("cluster_id")
        values["date_inferred"] = bool(values["date_inferred"])
        found[values["uid"]] = (Report(**values), cluster_id)
    return found


def load_source_names(connection: Connection, uids: list[str]) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for start in range(0, len(uids), 500):
        query = select(sources.c.event_uid, sources.c.name).where(sources.c.event_uid.in_(uids[start : start + 500]))
        for row in connection.execute(query.order_by(sources.c.event_uid, sources.c.seq)):
            if row.name:
                names.setdefault(row.event_uid, []).append(row.name)
    return names


def _near(seeds: Iterable[Report]) -> ColumnElement[bool] | None:
    """Reports of the seeds' types dated near them (month-precise ones included)."""
    spans: dict[str, list[tuple[dt.date, dt.date]]] = {}
    for report in seeds:
        window = date_window(report)
        if window is not None:
            pad = dt.timedelta(days=NEAR_DAYS + COARSE_DAYS)
            spans.setdefault(report.type, []).append((window[0] - pad, window[1] + pad))
    conditions: list[ColumnElement[bool]] = []
    for kind, ranges in spans.items():
        for low, high in _merge(ranges):
            conditions.append(and_(events.c.type == kind, events.c.date >= low.isoformat(), events.c.date <= high.isoformat() + "\uffff"))
    return or_(*conditions) if conditions else None


def _merge(ranges: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    merged: list[tuple[dt.date, dt.date]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _affected(connection: Connection, stale: list[str]) -> dict[str, tuple[Report, str | None]]:
    seeds = load_reports(connection, or_(events.c.cluster_id.is_(None), events.c.cluster_id.in_(stale)))
    if not seeds:
        return {}
    near = _near(report for report, _ in seeds.values())
    selected = dict(seeds)
    if near is not None:
        selected.update(load_reports(connection, near))
    touched = {cluster for _, cluster in selected.values() if cluster}
    for start in range(0, len(touched), 500):
        chunk = sorted(touched)[start : start + 500]
        selected.update(load_reports(connection, events.c.cluster_id.in_(chunk)))
    return selected


def rebuild_clusters(connection: Connection, full: bool = False) -> int:
    """Regroup the affected reports (all of them with `full`) in the caller's transaction; clusters written."""
    stale: list[str] = json.loads(get_state(connection, STALE_CLUSTERS) or "[]")
    selected = load_reports(connection) if full else _affected(connection, stale)
    touched = {cluster for _, cluster in selected.values() if cluster} | set(stale)
    names = load_source_names(connection, list(selected))
    now = utc_now()
    records: list[dict[str, Any]] = []
    assignments: list[dict[str, Any]] = []
    for group in cluster_reports(report for report, _ in selected.values()):
        first = min(group, key=lambda r: (r.published or "9999", r.uid))
        records.append(cluster_record(first.uid, group, names, now))
        assignments.extend({"b_uid": r.uid, "b_cluster": first.uid} for r in group)
    if full:
        connection.execute(delete(clusters))
        cluster_names.forget_all(connection)
    else:
        ordered = sorted(touched | {r["id"] for r in records})
        for start in range(0, len(ordered), 500):
            connection.execute(delete(clusters).where(clusters.c.id.in_(ordered[start : start + 500])))
        cluster_names.forget(connection, ordered)
    if records:
        connection.execute(insert(clusters), records)
        cluster_names.index(connection, records)
        assign_clusters(connection, assignments)
    set_state(connection, CLUSTERS_DIRTY, "0")
    set_state(connection, STALE_CLUSTERS, "[]")
    return len(records)


_POSTGRES_ASSIGN = (
    "UPDATE events AS e SET cluster_id = u.cluster_id "
    "FROM unnest(%(uids)s::text[], %(clusters)s::text[]) AS u (uid, cluster_id) WHERE e.uid = u.uid"
)


def assign_clusters(connection: Connection, assignments: list[dict[str, Any]]) -> None:
    """Set events.cluster_id: one UPDATE per event (SQLite, in-process), one UPDATE from arrays on PostgreSQL."""
    if connection.dialect.name == "postgresql":
        for start in range(0, len(assignments), 20_000):
            chunk = assignments[start : start + 20_000]
            parameters = {"uids": [a["b_uid"] for a in chunk], "clusters": [a["b_cluster"] for a in chunk]}
            connection.exec_driver_sql(_POSTGRES_ASSIGN, parameters)
        return
    statement = update(events).where(events.c.uid == bindparam("b_uid")).values(cluster_id=bindparam("b_cluster"))
    connection.execute(statement, assignments)
