"""The uncached GET /api/events path's shortcuts answer exactly as the long way round: the fast route as the
documented FastAPI route, kept counts as fresh ones (until the database changes), kept connections as pooled ones."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

from rasad.serve.api import FastEventList, NotPlain, plain_int
from rasad.serve.cache import DatabaseVersion
from rasad.serve.counts import Counts
from rasad.serve.reading import ReadPool
from rasad.store import Store

QUERY_STRINGS = [
    "",
    "limit=3",
    "limit=3&offset=2&sort=fatalities",
    "type=ASSAULT&type=,&limit=4",
    "country=irn,IRQ&country=SYR",
    "since=2024-06-01&until=2024-06-30",
    "since=1403-03-21",
    "actor=hez&actor=ir",
    "q=Saravan",
    "q=%22",
    "bbox=44,25,63.5,40",
    "format=geojson&limit=5",
    "format=CSV&limit=2",
    "limit=3&limit=4&sort=date&sort=-reports",
    "limit=007&offset=00",
    "offset=100000",
    "limit=2&unknown=1",
    # the rejected ones: FastAPI's own message (not an int) or list_events' (out of range, bad value)
    "limit=abc",
    "limit=+5",
    "limit=%205",
    "limit=5.0",
    "limit=",
    "limit=%D9%A3",
    "limit=99999999999999999999",
    "limit=0",
    "limit=10001",
    "offset=-1",
    "offset=x",
    "sort=bogus",
    "format=xml",
    "since=2024-13-01",
    "since=2024-02-01&until=2024-01-01",
    "country=IR",
    "bbox=1,2,3",
    "q=" + "x" * 201,
]


def without_fast_route(client: TestClient) -> TestClient:
    """The same app with GET /api/events left to the documented FastAPI route alone."""
    routes = client.app.router.routes  # type: ignore[attr-defined]
    routes[:] = [route for route in routes if not (isinstance(route, Route) and isinstance(route.app, FastEventList))]
    return client


@pytest.fixture(scope="module")
def documented(make_client: Callable[..., TestClient], examples_db: Path) -> TestClient:
    return without_fast_route(make_client(examples_db, cache_size=0))


@pytest.fixture(scope="module")
def fast(make_client: Callable[..., TestClient], examples_db: Path) -> TestClient:
    return make_client(examples_db, cache_size=0)


@pytest.mark.parametrize("query", QUERY_STRINGS)
def test_the_fast_route_answers_as_the_documented_one(fast: TestClient, documented: TestClient, query: str) -> None:
    url = "/api/events" + (f"?{query}" if query else "")
    got, expected = fast.get(url), documented.get(url)
    assert (got.status_code, got.headers.items(), got.content) == (expected.status_code, expected.headers.items(), expected.content)


@pytest.mark.parametrize("method", ["HEAD", "POST", "DELETE"])
def test_other_methods_are_refused_as_before(client: TestClient, documented: TestClient, method: str) -> None:
    got, expected = client.request(method, "/api/events"), documented.request(method, "/api/events")
    assert got.status_code == expected.status_code == 405
    assert got.content == expected.content and got.headers.get("allow") == expected.headers.get("allow")


def test_the_documented_route_stays_in_the_openapi_document(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/api/events"]["get"]
    assert {"type", "limit", "offset", "format", "q", "bbox"} <= {parameter["name"] for parameter in operation["parameters"]}


def test_only_plain_numbers_take_the_fast_path() -> None:
    assert [plain_int(text) for text in ("0", "007", "-3", "123456789")] == [0, 7, -3, 123456789]
    assert plain_int(None) is None
    for text in ("+5", " 5", "5.0", "1e3", "5_0", "", "\u0663", "1234567890"):
        with pytest.raises(NotPlain):
            plain_int(text)


def test_counts_are_kept_per_filter_until_the_database_changes(tmp_path: Path, examples_db: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(examples_db, db)
    version = DatabaseVersion.of(str(db))
    counts = Counts(version, max_entries=2)
    made: list[str] = []

    def counting(key: str, value: int) -> Callable[[], int]:
        def count() -> int:
            made.append(key)
            return value

        return count

    assert counts.get("a", counting("a", 1)) == 1
    assert counts.get("a", counting("a", 99)) == 1 and made == ["a"]  # kept
    counts.get("b", counting("b", 2))
    counts.get("c", counting("c", 3))  # at most 2: "a", the least recently used, goes
    assert counts.get("a", counting("a", 4)) == 4 and made == ["a", "b", "c", "a"]
    version.bump()
    assert counts.get("b", counting("b", 5)) == 5  # the database changed: counted again

    def changing() -> int:  # the database changes while this count is made: it is not kept
        version.bump()
        return 6

    assert counts.get("x", changing) == 6 and counts.get("x", counting("x", 7)) == 7


def test_counts_keep_nothing_without_a_version_or_room() -> None:
    for counts in (Counts(DatabaseVersion.of("postgresql://somewhere/db")), Counts(DatabaseVersion.of("unused.db"), max_entries=0)):
        assert counts.get("a", lambda: 1) == 1 and counts.get("a", lambda: 2) == 2


def test_other_pages_of_a_filter_reuse_its_count_and_a_change_recounts(make_client: Callable[..., TestClient], writable_db: Path) -> None:
    client = make_client(writable_db, cache_size=0)
    counts: Counts = client.app.state.counts  # type: ignore[attr-defined]
    first = client.get("/api/events?type=ASSAULT&limit=1")
    misses = counts.misses
    second = client.get("/api/events?type=ASSAULT&limit=1&offset=1&sort=fatalities&format=csv")
    assert counts.misses == misses and counts.hits > 0
    assert first.headers["x-total-count"] == second.headers["x-total-count"]
    with sqlite3.connect(writable_db) as connection:  # as a `rasad ingest` beside the server would
        gone = connection.execute("SELECT id FROM clusters WHERE lower(type) = 'assault' LIMIT 1").fetchone()[0]
        connection.execute("DELETE FROM clusters WHERE id = ?", (gone,))
    os.utime(writable_db)
    assert int(client.get("/api/events?type=ASSAULT&limit=1").headers["x-total-count"]) == int(first.headers["x-total-count"]) - 1


def test_each_reading_thread_keeps_one_connection_until_closed(examples_db: Path) -> None:
    store = Store.open(str(examples_db), readonly=True)
    readers = ReadPool(store, threads=1)
    try:
        first = readers.executor.submit(readers.run, lambda connection: connection).result()
        again = readers.executor.submit(readers.run, lambda connection: connection).result()
        assert first is again and not first.in_transaction()  # each read's transaction ended with it
        assert readers.executor.submit(readers.run, lambda c: c.exec_driver_sql("SELECT COUNT(*) FROM clusters").scalar()).result() > 0
    finally:
        readers.close()
        store.close()
    assert first.closed
