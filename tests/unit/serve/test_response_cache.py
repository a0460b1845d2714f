"""The response cache: the same GET is answered from memory until the database changes."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from starlette.testclient import TestClient

from rasad.serve.cache import DatabaseVersion, ResponseCache


def cache_of(client: TestClient) -> ResponseCache:
    layer = client.app.middleware_stack  # type: ignore[attr-defined]
    while not isinstance(layer, ResponseCache):
        layer = layer.app
    return layer


def test_repeated_get_is_served_from_memory(make_client: Callable[..., TestClient], writable_db: Path) -> None:
    client = make_client(writable_db)
    first = client.get("/api/events?limit=3")
    cache = cache_of(client)
    hits = cache.hits
    again = client.get("/api/events?limit=3")
    assert cache.hits == hits + 1 and again.content == first.content
    assert again.headers["x-total-count"] == first.headers["x-total-count"]
    assert "content-security-policy" in again.headers  # the guards still wrap cached answers
    client.get("/api/events?limit=4")
    assert cache.hits == hits + 1  # another query is another entry


def test_a_write_to_the_database_file_invalidates(make_client: Callable[..., TestClient], writable_db: Path) -> None:
    client = make_client(writable_db)
    before = client.get("/api/stats").json()["totals"]["events"]
    with sqlite3.connect(writable_db) as connection:  # as a `rasad ingest` running beside the server would
        connection.execute("DELETE FROM clusters WHERE id = (SELECT MIN(id) FROM clusters)")
    os.utime(writable_db)
    assert client.get("/api/stats").json()["totals"]["events"] == before - 1


def test_errors_and_pages_are_not_cached(client: TestClient) -> None:
    cache = cache_of(client)
    misses = cache.misses
    client.get("/api/events/none")
    client.get("/api/events/none")
    assert cache.misses == misses + 2
    client.get("/")
    assert cache.misses == misses + 2


def test_version_follows_the_file_and_the_generation(tmp_path: Path, writable_db: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(writable_db, db)
    version = DatabaseVersion.of(str(db))
    first = version.current()
    version.bump()
    assert version.current() != first
    assert DatabaseVersion.of("postgresql://somewhere/db").current() is None
    assert DatabaseVersion.of(str(tmp_path / "missing.db")).current() is None
