"""The store: articles, events, mentions, sources and event clusters in one database.

`Store.open("rasad.db")` opens (creating and migrating) a SQLite file;
`Store.open("postgresql://user:password@host/database")` a PostgreSQL database
(the database must exist; its tables are created and migrated). Both go through
the same SQLAlchemy Core code; only the migrations (migrations/<dialect>/) and
full-text search differ. Every write goes through `Store.write`, one transaction
per batch; readers open with `readonly=True`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, func, select

from rasad.store.clusters import rebuild_clusters
from rasad.store.engine import StoreError, display_target, make_engine
from rasad.store.migrate import current_version, migrate, migrations
from rasad.store.queries import EventFilter
from rasad.store.records import Extracted
from rasad.store.tables import articles, clusters, events
from rasad.store.writer import CLUSTERS_DIRTY, get_state, known_fingerprints, write_batch

OPEN_ATTEMPTS = 8

__all__ = ["EventFilter", "Extracted", "Store", "StoreError", "display_target"]


@dataclass
class Store:
    engine: Engine
    target: str

    @classmethod
    def open(cls, target: str, readonly: bool = False) -> Store:
        """The store at `target` (a path or a URL); created and migrated unless `readonly`."""
        engine = make_engine(target, readonly)
        shown = display_target(target)
        for attempt in range(OPEN_ATTEMPTS):
            try:
                if readonly:
                    version, newest = current_version(engine), len(migrations(engine.dialect.name))
                    if version != newest:
                        raise StoreError(
                            f"{shown}: schema version {version}, this rasad reads {newest}; run `rasad ingest` once to migrate"
                        )
                else:
                    migrate(engine)
                return cls(engine, target)
            except StoreError:
                engine.dispose()
                raise
            except Exception as error:  # a corrupt or foreign file: say so instead of a traceback
                # SQLite answers "locked" at once (no busy wait) when another process switches a new
                # file to WAL at the same moment: wait a little and try again
                if "locked" in str(error) and attempt + 1 < OPEN_ATTEMPTS:
                    time.sleep(0.05 * (attempt + 1))
                    continue
                engine.dispose()
                raise StoreError(f"{shown}: cannot open the database ({type(error).__name__}: {_first_line(error)})") from None
        raise AssertionError("unreachable")

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            yield connection

    def known(self, keys: list[str]) -> dict[str, str]:
        """Identity key → fingerprint, for the keys already stored."""
        with self.engine.connect() as connection:
            return known_fingerprints(connection, keys)

    def write(self, items: list[Extracted], force: bool = False) -> list[str]:
        """Store a batch in one transaction; "new", "updated" or "unchanged" for each item."""
        with self.engine.begin() as connection:
            return write_batch(connection, items, force)

    def clusters_dirty(self) -> bool:
        with self.engine.connect() as connection:
            return get_state(connection, CLUSTERS_DIRTY) == "1"

    def rebuild_clusters(self, full: bool = False) -> int:
        """Regroup the reports that changed (every report with `full`); the number of clusters written."""
        with self.engine.begin() as connection:
            return rebuild_clusters(connection, full)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as connection:
            return {
                name: int(connection.execute(select(func.count()).select_from(table)).scalar_one())
                for name, table in (("articles", articles), ("events", events), ("clusters", clusters))
            }

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql"."""
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()


def _first_line(error: Exception) -> str:
    """The gist of a driver error (psycopg adds lines of SQL and links to the message)."""
    text = str(error).strip()
    return text.splitlines()[0] if text else ""
