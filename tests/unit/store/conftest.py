"""Fixtures for the store: a real database per test, on each engine, and rasad.document/1 dicts built to order.

Every test that takes `tmp_store` or `store_target` runs twice: on a fresh SQLite
file and on a fresh PostgreSQL schema. The PostgreSQL case needs a server: set
RASAD_TEST_POSTGRES_URL=postgresql://USER:PASSWORD@HOST[:PORT]/DATABASE (a role
that may create schemas in that database; `.ci/run` sets one up). Without the
variable, or when the server does not answer, those cases are skipped, saying why.
Each test gets a schema of its own (dropped afterwards), reached through the
URL's libpq `options=-csearch_path=…`, so tests never see each other's tables.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from rasad.model import Article
from rasad.store import Extracted, Store, display_target
from rasad.store.engine import make_engine

POSTGRES_ENV = "RASAD_TEST_POSTGRES_URL"
ENGINES = ("sqlite", "postgresql")

TEXT = "به گزارش ایرنا، انفجاری در شهر اهواز رخ داد و دو نفر کشته شدند."


def event(**overrides: Any) -> dict[str, Any]:
    """One event of the contract, ASSAULT in Ahvaz on 2024-04-21 unless overridden."""
    base: dict[str, Any] = {
        "id": "e1",
        "type": "ASSAULT",
        "mode": "explosive",
        "acled": {"event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED"},
        "actor1": None,
        "actor2": {"id": "civilians", "name": "Civilians (Iran)", "text": "مردم", "country": "IRN", "kind": "civilians"},
        "location": {
            "name": "Ahvaz",
            "text": "اهواز",
            "country": "IRN",
            "admin1": "Khuzestan",
            "lat": 31.32,
            "lon": 48.67,
            "geo_precision": 1,
            "gazetteer_id": "geonames:144448",
        },
        "origin": None,
        "date": {"value": "2024-04-21", "precision": "day", "text": "روز یکشنبه"},
        "weapon": "explosive",
        "quantity": None,
        "fatalities": 2,
        "injured": None,
        "status": "reported",
        "timing": "current",
        "sources": [{"name": "IRNA", "text": "ایرنا", "via": None}],
        "evidence": [{"start": 0, "end": 30, "raw_start": 0, "raw_end": 30}],
        "confidence": 0.8,
    }
    base.update(overrides)
    return base


def document(text: str = TEXT, events: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "schema": "rasad.document/1",
        "article": {},
        "text": text,
        "lead_source": {"text": "ایرنا", "start": 10, "end": 15, "raw_start": 10, "raw_end": 15},
        "mentions": [
            {"kind": "PLACE", "text": "اهواز", "start": 29, "end": 34, "raw_start": 29, "raw_end": 34, "ref": "geonames:144448"},
            {"kind": "OUTLET", "text": "ایرنا", "start": 10, "end": 15, "raw_start": 10, "raw_end": 15, "ref": "irna"},
        ],
        "events": [event()] if events is None else events,
        "problems": [],
    }


def extracted(
    text: str = TEXT, url: str | None = None, events: list[dict[str, Any]] | None = None, outlet: str = "ایرنا", published: str = "2024-04-22"
) -> Extracted:
    article = Article(id="a", text=text, published=published, outlet=outlet, url=url, origin="test")
    return Extracted(article, document(text, events))


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[tuple[str, Engine]]:
    """The test server's URL and an engine on it; the tests that need it skip when there is none."""
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_ENV}=postgresql://USER:PASSWORD@HOST/DATABASE")
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except Exception as error:  # unreachable, refused, bad password: the server is not there for us
        engine.dispose()
        pytest.skip(f"PostgreSQL at {display_target(url)} is unreachable: {str(error).splitlines()[0]}")
    yield url, engine
    engine.dispose()


def schema_url(url: str, schema: str) -> str:
    """The URL with `schema` first on the search path (other libpq options kept)."""
    parsed = make_url(url)
    options = parsed.query.get("options") or ""
    if isinstance(options, tuple):
        options = " ".join(options)
    return parsed.update_query_dict({"options": f"{options} -csearch_path={schema}".strip()}).render_as_string(hide_password=False)


@pytest.fixture
def postgres_target(postgres_admin: tuple[str, Engine]) -> Iterator[str]:
    """A URL whose tables live in a schema of their own, empty at the start and dropped at the end."""
    url, admin = postgres_admin
    schema = f"rasad_test_{uuid.uuid4().hex[:12]}"
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    yield schema_url(url, schema)
    with admin.begin() as connection:
        connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=ENGINES)
def engine_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def store_target(engine_name: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Where a fresh store goes: a SQLite file path, or a PostgreSQL URL on an empty schema."""
    if engine_name == "sqlite":
        return str(tmp_path / "rasad.db")
    return str(request.getfixturevalue("postgres_target"))


@pytest.fixture
def tmp_store(store_target: str) -> Iterator[Store]:
    store = Store.open(store_target)
    yield store
    store.close()


@pytest.fixture
def make_extracted() -> Callable[..., Extracted]:
    return extracted


@pytest.fixture
def make_event() -> Callable[..., dict[str, Any]]:
    return event
