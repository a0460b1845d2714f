"""Fixtures for `rasad serve`: real databases built by the real ingest, the app through an in-process client.

- examples_db: `rasad ingest examples/ --db X --published 2024-06-10` through click's runner;
- hostile_db: the examples plus one article whose text, title and outlet carry HTML
  and script (stored by the ingest job, which stores what it is given);
- client: the read-only app on examples_db (token "test-token", no rate limits).
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi import FastAPI

from rasad.cli import main
from rasad.ingest.job import IngestOptions, ingest
from rasad.model import Article
from rasad.pipeline import Pipeline
from rasad.serve import ServeSettings, create_app
from rasad.store import Store

with warnings.catch_warnings():  # starlette would rather have the httpx2 fork; the project uses httpx
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
TOKEN = "test-token"
SCRIPT = "<script>window.__xss = 'script'</script>"
IMG = "<img src=x onerror=\"window.__xss = 'img'\">"
HOSTILE_TEXT = (
    f"به گزارش خبرگزاری ایرنا، {IMG} درگیری مسلحانه میان ماموران انتظامی و گروهک تروریستی جیش العدل "
    f"بامداد امروز در شهرستان سراوان {SCRIPT} دستکم سه کشته بر جای گذاشت.\n"
    "گروه جیش العدل در بیانیه‌ای مسئولیت این حمله را بر عهده گرفت.\n"
)


def build_examples_db(path: Path) -> Path:
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", str(path), "--published", "2024-06-10", "--workers", "1", "--no-progress"])
    assert result.exit_code == 0, result.stderr
    return path


def add_hostile_article(db: Path, pipeline: Pipeline) -> None:
    article = Article(
        id="hostile-1",
        text=HOSTILE_TEXT,
        published="2024-06-12",
        outlet=f"{IMG}خبرگزاری",
        title=f"{SCRIPT} عنوان",
        url="javascript:alert(1)",
        origin="hostile.txt",
    )
    store = Store.open(str(db))
    try:
        report = ingest([article], store, IngestOptions(workers=1, factory=lambda _settings: pipeline))
    finally:
        store.close()
    assert report.new == 1 and report.events >= 1


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_examples_db(tmp_path_factory.mktemp("serve") / "examples.db")


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory, examples_db: Path, pipeline: Pipeline) -> Path:
    db = tmp_path_factory.mktemp("serve") / "hostile.db"
    shutil.copy(examples_db, db)
    add_hostile_article(db, pipeline)
    return db


@pytest.fixture(scope="session")
def make_client(pipeline: Pipeline) -> Iterator[Callable[..., TestClient]]:
    """A factory of in-process clients: make_client(db, **settings) → a started TestClient."""
    opened: list[TestClient] = []

    def make(db: Path, **overrides: object) -> TestClient:
        options: dict[str, object] = {"db": str(db), "token": TOKEN, "rate_limit": 0, "write_rate_limit": 0, **overrides}
        app: FastAPI = create_app(ServeSettings(**options), factory=lambda _settings: pipeline)  # type: ignore[arg-type]
        client = TestClient(app)
        client.__enter__()
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture(scope="session")
def client(make_client: Callable[..., TestClient], examples_db: Path) -> TestClient:
    return make_client(examples_db)


@pytest.fixture()
def writable_db(tmp_path: Path, examples_db: Path) -> Path:
    db = tmp_path / "writable.db"
    shutil.copy(examples_db, db)
    return db
