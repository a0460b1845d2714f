"""Engines for the store: a file path means SQLite, a URL (postgresql://…) another engine.

SQLite connections get real transactions (BEGIN at the start of each one, so a
batch, DDL included, commits or rolls back whole), write-ahead logging, and a
busy timeout; a read-only store opens the file with mode=ro and never creates it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

BUSY_TIMEOUT_MS = 60_000


class StoreError(Exception):
    """The database cannot be opened or written; the message says which and why."""


def database_url(target: str, readonly: bool = False) -> str:
    """A SQLAlchemy URL for a path or a URL; a path becomes an absolute sqlite file URL."""
    if "://" in target:
        return target
    path = Path(target).expanduser().resolve()
    if readonly:
        if not path.is_file():
            raise StoreError(f"{target}: no such database (create it with `rasad ingest … --db {target}`)")
        return f"sqlite:///file:{path}?mode=ro&uri=true"
    if not path.parent.is_dir():
        raise StoreError(f"{target}: folder {path.parent} does not exist")
    return f"sqlite:///{path}"


def make_engine(target: str, readonly: bool = False) -> Engine:
    url = database_url(target, readonly)
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, future=True)
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_connect(readonly))
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(readonly: bool) -> Any:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun explicitly, below
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not readonly:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    return on_connect


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")
