"""Extraction in parallel: a pool of worker processes, each building its pipeline once.

Articles go to the workers in chunks (one pipeline run takes a few milliseconds,
so one task per article would spend as long on messaging as on work) and come
back in input order as `rasad.document/1` dicts, or Problems. Only the chunks in
flight are held in memory. When a worker dies, the pool is restarted and the
chunk it lost is run again one article at a time in a one-process quarantine
pool, so only the article that kills a worker there is given up (E130); after
MAX_RESTARTS deaths of one pool the rest is given up too.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any

from rasad.config import Settings
from rasad.errors import InputError
from rasad.export.document import to_document
from rasad.model import Article, Problem
from rasad.pipeline import Pipeline, default_pipeline

Result = dict[str, Any] | Problem
PipelineFactory = Callable[[Settings], Pipeline]
MAX_RESTARTS = 10

_worker_pipeline: Pipeline | None = None  # one per worker process, built by _start_worker


def _start_worker(factory: PipelineFactory, settings: Settings) -> None:
    global _worker_pipeline
    _worker_pipeline = factory(settings)


def run_one(pipeline: Pipeline, article: Article) -> Result:
    """The document for one article, or the Problem that stopped it (never raises)."""
    result = pipeline.run(article)
    if isinstance(result, Problem):
        return result
    try:
        return to_document(result)
    except Exception as error:  # a document that cannot be serialised must not stop the batch
        return InputError("E130", f"cannot serialise the document: {type(error).__name__}: {error}").problem(
            article.origin or article.id, "export"
        )


def _run_chunk(articles: list[Article]) -> list[Result]:
    if _worker_pipeline is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker started without a pipeline")
    return [run_one(_worker_pipeline, article) for article in articles]


@dataclass
class Extractor:
    """Runs the pipeline over a stream of articles, in this process (workers=1) or in a pool."""

    workers: int = 1
    settings: Settings = field(default_factory=Settings)
    factory: PipelineFactory = default_pipeline
    chunk_size: int = 8
    pool_threshold: int = 48  # fewer articles than this are not worth starting worker processes for

    def run(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Result]]:
        stream = iter(articles)
        head = list(islice(stream, self.pool_threshold)) if self.workers > 1 else []
        if self.workers <= 1 or len(head) < self.pool_threshold:
            yield from self._run_here(chain(head, stream))
        else:
            yield from self._run_pool(chain(head, stream))

    def _run_here(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Result]]:
        pipeline: Pipeline | None = None
        for article in articles:
            if pipeline is None:  # built only when there is something to extract
                pipeline = self.factory(self.settings)
            yield article, run_one(pipeline, article)

    def _run_pool(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Result]]:
        stream = iter(articles)
        pool = _Pool(self, self.workers)
        quarantine = _Pool(self, 1)  # where a chunk lost with a dead worker is run again, one article at a time
        pending: deque[tuple[list[Article], Future[list[Result]]]] = deque()
        try:
            while True:
                while len(pending) < 3 * self.workers:
                    chunk = list(islice(stream, self.chunk_size))
                    if not chunk:
                        break
                    pending.append((chunk, pool.submit(chunk)))
                if not pending:
                    return
                chunk, future = pending.popleft()
                try:
                    results = future.result()
                except BrokenProcessPool:
                    pool.restart()
                    requeued = [c for c, _ in pending]
                    pending.clear()
                    results = [quarantine.run_alone(article) for article in chunk]
                    pending.extend((again, pool.submit(again)) for again in requeued)
                yield from zip(chunk, results, strict=True)
        finally:
            pool.close()
            quarantine.close()


@dataclass
class _Pool:
    """A process pool, started on first use and restarted (a few times at most) when a worker dies."""

    owner: Extractor
    workers: int
    executor: ProcessPoolExecutor | None = None
    restarts: int = 0

    def submit(self, chunk: list[Article]) -> Future[list[Result]]:
        if self.restarts > MAX_RESTARTS:
            future: Future[list[Result]] = Future()
            future.set_exception(BrokenProcessPool("too many worker processes died"))
            return future
        if self.executor is None:
            self.executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.owner.factory, self.owner.settings),
            )
        return self.executor.submit(_run_chunk, chunk)

    def run_alone(self, article: Article) -> Result:
        """One article with nothing else running beside it: if the worker dies, this article killed it."""
        try:
            return self.submit([article]).result()[0]
        except BrokenProcessPool:
            self.restart()
            return _died(article)

    def restart(self) -> None:
        self.restarts += 1
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


def _died(article: Article) -> Problem:
    return InputError("E130", "the worker process extracting it died").problem(article.origin or article.id, "pipeline")
