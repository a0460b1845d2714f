"""Events rendered once and kept: pages built from kept renderings are the pages built afresh, until the
database changes."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from rasad.serve.cache import DatabaseVersion
from rasad.serve.formats import joined
from rasad.serve.renderings import NO_FEATURE, Renderings, dumps

QUERIES = [
    "/api/events",
    "/api/events?sort=fatalities&limit=3",
    "/api/events?type=ASSAULT&offset=2&limit=4",
    "/api/events?format=geojson",
    "/api/events?format=geojson&country=IRN",
    "/api/events?format=csv",
    "/api/events?format=csv&actor=hezbollah",
    "/api/events?q=Saravan",
]


def renderings_of(client: TestClient) -> Renderings:
    found: Renderings = client.app.state.renderings  # type: ignore[attr-defined]
    return found


@pytest.mark.parametrize("path", QUERIES)
def test_pages_from_kept_renderings_equal_fresh_ones(make_client: Callable[..., TestClient], examples_db: Path, path: str) -> None:
    fresh = make_client(examples_db, cache_size=0, render_cache=0)
    kept = make_client(examples_db, cache_size=0)
    first = kept.get(path)
    again = kept.get(path)  # now from the kept renderings
    assert first.status_code == again.status_code == 200
    assert again.content == first.content == fresh.get(path).content
    assert again.headers["x-total-count"] == fresh.get(path).headers["x-total-count"]


def test_another_query_reuses_the_events_rendered_before(make_client: Callable[..., TestClient], examples_db: Path) -> None:
    client = make_client(examples_db, cache_size=0)
    renderings = renderings_of(client)
    everything = client.get("/api/events").json()
    hits = renderings.hits
    iran = client.get("/api/events?country=IRN&sort=fatalities").json()  # a query never asked, events shown before
    assert renderings.hits == hits + iran["count"] > hits
    assert all(event in everything["events"] for event in iran["events"])


def test_a_change_to_the_database_drops_the_renderings(make_client: Callable[..., TestClient], writable_db: Path) -> None:
    client = make_client(writable_db, cache_size=0)
    before = client.get("/api/events?limit=1").json()["events"][0]
    with sqlite3.connect(writable_db) as connection:  # as a `rasad ingest` beside the server would
        connection.execute("UPDATE clusters SET location_name = 'Elsewhere' WHERE id = ?", (before["id"],))
    os.utime(writable_db)
    after = client.get("/api/events?limit=1").json()["events"][0]
    assert after["id"] == before["id"] and after["location"]["name"] == "Elsewhere"


def test_renderings_keep_only_for_the_version_they_were_read_at(tmp_path: Path, examples_db: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(examples_db, db)
    version = DatabaseVersion.of(str(db))
    renderings = Renderings(version, max_entries=3)
    token, found = renderings.lookup("json", ["a", "b"])
    assert token is not None and found == {}
    renderings.keep(token, "json", {"a": b'{"id":"a"}', "b": b'{"id":"b"}'})
    assert renderings.lookup("json", ["a", "b", "c"])[1] == {"a": b'{"id":"a"}', "b": b'{"id":"b"}'}
    assert renderings.lookup("csv", ["a"])[1] == {}  # each format apart
    version.bump()  # the database changed after `token` was taken
    renderings.keep(token, "json", {"c": b"{}"})
    new_token, found = renderings.lookup("json", ["a", "c"])
    assert found == {} and new_token != token  # dropped, and the late rendering was not kept
    renderings.keep(new_token, "json", {"a": b"1", "b": b"2", "c": b"3", "d": b"4"})
    assert sorted(renderings.lookup("json", ["a", "b", "c", "d"])[1]) == ["b", "c", "d"]  # at most 3: the oldest went


def test_renderings_keep_nothing_without_a_version_or_room() -> None:
    by_url = Renderings(DatabaseVersion.of("postgresql://somewhere/db"), max_entries=10)
    token, _ = by_url.lookup("json", ["a"])
    by_url.keep(token, "json", {"a": b"{}"})
    assert token is None and by_url.lookup("json", ["a"])[1] == {}
    off = Renderings(DatabaseVersion.of("unused.db"), max_entries=0)
    assert off.lookup("json", ["a"]) == (None, {})


def test_a_page_joined_from_parts_is_the_page_dumped_whole() -> None:
    head = {"total": 2, "next": None, "name": "«تهران»"}
    parts = [{"id": "a", "x": [1, 2.5]}, {"id": "b", "x": None}]
    assert json.loads(joined(head, "events", [dumps(p) for p in parts])) == {**head, "events": parts}
    assert joined(head, "events", [dumps(p) for p in parts]) == dumps({**head, "events": parts})
    assert joined(head, "features", []) == dumps({**head, "features": []})
    assert NO_FEATURE == b""
