"""POST /api/extract and /api/ingest as importable code: the pipeline, one worker thread, one writer.

The pipeline is built once, on first use (or at start-up with `warm()`), and
runs in a single worker thread; the writable store is opened by that thread
only, so every write goes through it, one article at a time, as `rasad ingest`
stores it (rasad.ingest.job.ingest, clusters rebuilt after each). At most
`max_waiting` requests wait for the thread; more get 503.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import select

from rasad.config import Settings
from rasad.errors import InputError
from rasad.ingest.dates import parse_published
from rasad.ingest.files import check_text, content_id
from rasad.ingest.job import IngestOptions, ingest
from rasad.ingest.workers import run_one
from rasad.model import Article, Problem
from rasad.pipeline import Pipeline, default_pipeline
from rasad.store import Store
from rasad.store.identity import article_key
from rasad.store.tables import articles, events

T = TypeVar("T")
PipelineFactory = Callable[[Settings], Pipeline]


class Rejected(Exception):
    """The article cannot be extracted or stored; `code` is rasad's numbered code (E103…)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class Busy(Exception):
    """Too many requests are already waiting for the worker thread."""


@dataclass(frozen=True)
class ArticleInput:
    text: str
    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    id: str | None = None


def to_article(given: ArticleInput) -> Article:
    """The Article for a request body; Rejected (E103–E106, E112) when it is not a usable article."""
    try:
        text = check_text(given.text)
        published = parse_published(given.published) if given.published else None
    except InputError as error:
        raise Rejected(error.code, str(error)) from None
    return Article(
        id=given.id or content_id(text),
        text=text,
        published=published,
        outlet=given.outlet or None,
        url=given.url or None,
        title=given.title or None,
        origin="api",
    )


@dataclass
class Extraction:
    db: str
    settings: Settings = field(default_factory=Settings)
    factory: PipelineFactory = default_pipeline
    max_waiting: int = 16
    _pipeline: Pipeline | None = None
    _store: Store | None = None
    _waiting: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _thread: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="rasad-extract"))

    def pipeline(self) -> Pipeline:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self.factory(self.settings)
            return self._pipeline

    def warm(self) -> Future[Pipeline]:
        """Start building the pipeline in the worker thread now, so the first request does not wait for it."""
        return self._thread.submit(self.pipeline)

    async def _run(self, function: Callable[[], T]) -> T:
        if self._waiting >= self.max_waiting:
            raise Busy(f"{self._waiting} requests are waiting for extraction; try again shortly")
        self._waiting += 1
        try:
            return await asyncio.wrap_future(self._thread.submit(function))
        finally:
            self._waiting -= 1

    def extract_now(self, article: Article) -> dict[str, Any]:
        result = run_one(self.pipeline(), article)
        if isinstance(result, Problem):
            raise Rejected(result.code, result.message)
        return result

    async def extract(self, article: Article) -> dict[str, Any]:
        """The rasad.document/1 object for the article; nothing is stored."""
        return await self._run(lambda: self.extract_now(article))

    def ingest_now(self, article: Article) -> dict[str, Any]:
        if self._store is None:
            self._store = Store.open(self.db)
        pipeline = self.pipeline()
        options = IngestOptions(workers=1, settings=self.settings, factory=lambda _settings: pipeline)
        report = ingest([article], self._store, options)
        if report.skipped:
            problem = report.skipped[0]
            raise Rejected(problem.code, problem.message)
        status = "new" if report.new else "updated" if report.updated else "unchanged"
        with self._store.connect() as connection:
            article_id = connection.execute(select(articles.c.id).where(articles.c.key == article_key(article))).scalar_one()
            stored = connection.execute(select(events.c.uid, events.c.cluster_id).where(events.c.article_id == article_id).order_by(events.c.seq)).all()
        return {
            "status": status,
            "article_id": article_id,
            "events": [{"uid": uid, "event_id": cluster} for uid, cluster in stored],
            "warnings": [{"code": p.code, "message": p.message} for p in report.warnings],
        }

    async def ingest(self, article: Article) -> dict[str, Any]:
        """Extract and store the article (replacing an older version of it); what was stored."""
        return await self._run(lambda: self.ingest_now(article))

    def close(self) -> None:
        self._thread.shutdown(wait=True, cancel_futures=True)
        if self._store is not None:
            self._store.close()
