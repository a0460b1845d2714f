"""Schema migrations: numbered SQL files in migrations/<dialect>/, applied in order, each recorded.

`NNNN_name.sql` files are applied once each, in number order, each in its own
transaction together with its row in `schema_version`, so a crash leaves the
database at the previous version, never half-way. A database newer than this
rasad is refused rather than misread.

Two processes migrating one database at once apply each migration once: SQLite
checks under its write lock (BEGIN IMMEDIATE), PostgreSQL under a transaction-level
advisory lock (DDL is transactional there too).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from importlib import resources
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, inspect, select
from sqlalchemy.schema import CreateTable

from rasad.store.engine import StoreError
from rasad.store.tables import schema_version

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
DIALECTS = ("sqlite", "postgresql")
ADVISORY_LOCK = 0x7261736164  # "rasad": serializes migrations of one PostgreSQL database


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations(dialect: str) -> list[Migration]:
    """The shipped migrations for one dialect ("sqlite", "postgresql"), in order."""
    folder = resources.files("rasad.store").joinpath("migrations").joinpath(dialect)
    found: list[Migration] = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise StoreError(f"migrations for {dialect} are not numbered 1, 2, 3 … without gaps")
    return found


def current_version(engine: Engine) -> int:
    if not inspect(engine).has_table("schema_version"):
        return 0
    with engine.connect() as connection:
        return int(connection.execute(select(func.coalesce(func.max(schema_version.c.version), 0))).scalar_one())


def migrate(engine: Engine, upto: int | None = None) -> list[int]:
    """Apply every pending migration (only those up to version `upto`, if given); the versions applied."""
    dialect = engine.dialect.name
    if dialect not in DIALECTS:
        raise StoreError(f"no migrations for {dialect}: rasad stores into SQLite or PostgreSQL")
    shipped = migrations(dialect)
    pending = [m for m in shipped if upto is None or m.version <= upto]
    newest = shipped[-1].version if shipped else 0
    apply = _apply_sqlite if dialect == "sqlite" else _apply_postgresql
    if dialect == "sqlite":
        _create_version_table_sqlite(engine)
    else:
        with engine.begin() as connection:
            _postgres_lock(connection)
            schema_version.create(connection, checkfirst=True)
    applied: list[int] = []
    for migration in pending:
        if apply(engine, migration):
            applied.append(migration.version)
    if current_version(engine) > newest:
        raise StoreError(f"the database is at schema version {current_version(engine)}, newer than this rasad ({newest})")
    return applied


def sqlite_statements(script: str) -> list[str]:
    """The statements of a SQL script, split where SQLite says one is complete (trigger bodies stay whole)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(part.strip().startswith("--") or not part.strip() for part in buffer.splitlines()):
        raise StoreError(f"unfinished SQL statement at the end of a migration: {buffer.strip()[:60]!r}")
    return statements


def _create_version_table_sqlite(engine: Engine) -> None:
    """`schema_version`, created under the write lock: a deferred transaction that reads, then writes,
    would get "database is locked" at once (not after the busy timeout) when another process got there first."""
    raw = engine.raw_connection()
    try:
        dbapi: Any = raw.driver_connection
        dbapi.execute("BEGIN IMMEDIATE")
        try:
            dbapi.execute(str(CreateTable(schema_version, if_not_exists=True).compile(dialect=engine.dialect)))
            dbapi.execute("COMMIT")
        except Exception:
            dbapi.execute("ROLLBACK")
            raise
    finally:
        raw.close()


def _apply_sqlite(engine: Engine, migration: Migration) -> bool:
    """Apply one migration unless another process already did (checked under the write lock)."""
    raw = engine.raw_connection()
    try:
        dbapi: Any = raw.driver_connection
        dbapi.execute("BEGIN IMMEDIATE")
        try:
            done = dbapi.execute("SELECT 1 FROM schema_version WHERE version = ?", (migration.version,)).fetchone()
            if done is None:
                for statement in sqlite_statements(migration.sql):
                    dbapi.execute(statement)
                dbapi.execute(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
                )
            dbapi.execute("COMMIT")
        except Exception:
            dbapi.execute("ROLLBACK")
            raise
        return done is None
    finally:
        raw.close()


def _postgres_lock(connection: Connection) -> None:
    """Wait for any other process migrating this database; released at the end of the transaction."""
    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({ADVISORY_LOCK})")


def _apply_postgresql(engine: Engine, migration: Migration) -> bool:
    """Apply one migration unless another process already did (checked under the advisory lock)."""
    with engine.begin() as connection:
        _postgres_lock(connection)
        done = connection.execute(select(schema_version.c.version).where(schema_version.c.version == migration.version)).first()
        if done is not None:
            return False
        dbapi: Any = connection.connection.dbapi_connection
        with dbapi.cursor() as cursor:
            cursor.execute(migration.sql)  # the whole script at once: no parameters, so psycopg sends it as is
        connection.execute(
            insert(schema_version).values(
                version=migration.version, name=migration.name, applied_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            )
        )
    return True
