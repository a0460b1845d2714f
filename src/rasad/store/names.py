"""The trigram index of the clusters' English names (SQLite): "part of a name" without reading every cluster.

The actor filter ("part of an actor's id or name") and the English half of the
server's `q` compare with LIKE '%…%', which no B-tree index can serve: every
cluster would be read. On SQLite, the FTS5 table `clusters_names` (migration 2,
trigram tokenizer) holds each cluster's actor ids and names, place and admin1;
a quoted phrase of three or more characters matches exactly the values that
contain it, ignoring case, so it selects the same clusters as the LIKE, from an
index. Shorter text has no trigram: callers fall back to the LIKE.

The table keeps its own copy of the names with the cluster's id, and
rebuild_clusters keeps it in step (forget, then index, in the same transaction).
PostgreSQL has no such table and always uses the LIKE.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Select, bindparam, column, delete, insert, select, table, text

NAME_COLUMNS = ("actor1_id", "actor1_name", "actor2_id", "actor2_name", "location_name", "admin1")
MIN_LENGTH = 3  # a trigram index finds nothing shorter than one trigram

clusters_names = table("clusters_names", column("id"), *(column(name) for name in NAME_COLUMNS))


def indexed(connection: Connection) -> bool:
    """Whether this store keeps the names index (SQLite)."""
    return connection.dialect.name == "sqlite"


def phrase(part: str) -> str:
    """`part` as one FTS5 phrase: quoted, quotes doubled, so any user text is a literal."""
    return '"' + part.replace('"', '""') + '"'


def names_query(columns: Iterable[str], part: str) -> str:
    """The FTS5 query for `part` anywhere in one of `columns`."""
    return "{" + " ".join(columns) + "}: " + phrase(part)


def usable(part: str) -> bool:
    """Whether the index can look `part` up (spaces count: they are part of the trigrams)."""
    return len(part) >= MIN_LENGTH


def ids_containing(columns: Iterable[str], part: str) -> Select[Any]:
    """A subquery of the ids of clusters one of whose `columns` contains `part` (ignoring case); SQLite only,
    and only for `usable(part)`."""
    wanted = list(columns)
    unknown = set(wanted) - set(NAME_COLUMNS)
    if unknown:
        raise ValueError(f"not in clusters_names: {sorted(unknown)}")
    # unique: two actors make two of these in one statement, each with its own value
    match = text("clusters_names MATCH :names_match").bindparams(bindparam("names_match", names_query(wanted, part), unique=True))
    return select(clusters_names.c.id).where(match)


def forget(connection: Connection, cluster_ids: list[str]) -> None:
    """Drop the names of these clusters (before they are deleted or written again).

    The id is not indexed (FTS5 indexes only text it searches), so each DELETE reads the whole table: the ids
    go in as one JSON array, for one pass however many there are."""
    if not indexed(connection) or not cluster_ids:
        return
    connection.execute(
        text("DELETE FROM clusters_names WHERE id IN (SELECT value FROM json_each(:ids))").bindparams(ids=json.dumps(cluster_ids))
    )


def forget_all(connection: Connection) -> None:
    if indexed(connection):
        connection.execute(delete(clusters_names))


def index(connection: Connection, records: list[dict[str, Any]]) -> None:
    """Add the names of freshly written cluster records."""
    if not indexed(connection) or not records:
        return
    rows = [{"id": record["id"], **{name: record.get(name) for name in NAME_COLUMNS}} for record in records]
    connection.execute(insert(clusters_names), rows)
