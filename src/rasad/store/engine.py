"""Engines for the store: a file path means SQLite, a URL (postgresql://…) PostgreSQL.

SQLite connections get real transactions (BEGIN at the start of each one, so a
batch, DDL included, commits or rolls back whole), write-ahead logging, and a
busy timeout; a read-only store opens the file with mode=ro and never creates it, and reads it through
memory mapping.

PostgreSQL URLs (`postgresql://user:password@host:port/database`, also
`postgres://…`) are driven by psycopg 3; a read-only store's sessions run with
`default_transaction_read_only`, so the server refuses any write; a writing
store's with `synchronous_commit=off` (see `_postgres_engine`). Libpq options
in the URL (`?options=-csearch_path%3Dother_schema`, `?sslmode=require`) pass through.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

BUSY_TIMEOUT_MS = 60_000
READ_MMAP_BYTES = 1 << 30  # address space, not memory: only the pages read are ever loaded
POSTGRES_SCHEMES = ("postgresql", "postgres")
POSTGRES_CONNECT_TIMEOUT_S = 10


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


def postgres_url(url: URL) -> URL:
    """`postgresql://…` and `postgres://…` → the psycopg 3 driver; an explicit `+driver` is kept."""
    backend, _, driver = url.drivername.partition("+")
    if backend in POSTGRES_SCHEMES:
        return url.set(drivername=f"postgresql+{driver or 'psycopg'}")
    return url


def display_target(target: str) -> str:
    """The target as it may be printed: a URL's password masked."""
    if "://" not in target:
        return target
    try:
        return make_url(target).render_as_string(hide_password=True)
    except ArgumentError:
        return target


def make_engine(target: str, readonly: bool = False) -> Engine:
    try:
        url = postgres_url(make_url(database_url(target, readonly)))
    except ArgumentError as error:
        raise StoreError(f"{display_target(target)}: not a database URL ({error})") from None
    backend = url.get_backend_name()
    if backend == "postgresql":
        return _postgres_engine(url, readonly)
    if backend != "sqlite":
        raise StoreError(f"{display_target(target)}: unsupported database {backend!r} (a SQLite path or a postgresql:// URL)")
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_connect(readonly))
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _postgres_engine(url: URL, readonly: bool) -> Engine:
    """psycopg 3; read-only sessions, or (writing) commits that do not wait for the disk.

    `synchronous_commit=off` is PostgreSQL's match for SQLite's `synchronous=NORMAL` under WAL: a server
    crash may lose the last fraction of a second of commits, never consistency, and the next (idempotent)
    `rasad ingest` stores them again. It applies to rasad's own sessions only.
    """
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = POSTGRES_CONNECT_TIMEOUT_S
    options = url.query.get("options") or ""
    if isinstance(options, tuple):
        options = " ".join(options)
    setting = "default_transaction_read_only=on" if readonly else "synchronous_commit=off"
    connect_args["options"] = f"{options} -c {setting}".strip()
    return create_engine(url, connect_args=connect_args, pool_pre_ping=True)


def _sqlite_connect(readonly: bool) -> Any:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun explicitly, below
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if readonly:
            # a reader (the server) scans the same tables again and again: mapped into memory, their pages
            # come straight from the OS page cache instead of one read() call each into a 2 MB page cache
            cursor.execute(f"PRAGMA mmap_size = {READ_MMAP_BYTES}")
        else:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    return on_connect


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")
