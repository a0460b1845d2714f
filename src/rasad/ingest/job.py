"""`rasad ingest` as importable code: read → skip what is stored → extract in parallel → store → cluster.

Articles whose identity and fingerprint are already stored are not extracted
again (so a rerun after a crash only does what is missing). Results are written
in batches, each in one transaction, at least every `flush_seconds`. Clusters are
rebuilt at the end whenever the store changed, or a crashed run left them stale.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rasad.config import Settings
from rasad.ingest.progress import Progress
from rasad.ingest.workers import Extractor, PipelineFactory
from rasad.ingest.writer import BatchWriter
from rasad.model import Article, Problem
from rasad.pipeline import default_pipeline
from rasad.store import Extracted, Store
from rasad.store.identity import article_key, fingerprint

LOOKUP_BATCH = 32  # articles whose identity is looked up in the store at once


@dataclass
class IngestOptions:
    workers: int = 1
    batch_size: int = 64
    flush_seconds: float = 2.0
    reprocess: bool = False  # extract and replace even unchanged articles (after a pipeline upgrade)
    settings: Settings = field(default_factory=Settings)
    factory: PipelineFactory = default_pipeline
    pool_threshold: int = 48  # a smaller batch is extracted in this process: starting workers would cost more


@dataclass
class IngestReport:
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    events: int = 0
    clusters: int | None = None
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def stored(self) -> int:
        return self.new + self.updated + self.unchanged

    def detail(self) -> str:
        return f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, {len(self.skipped)} skipped"

    def running(self) -> str:
        """The progress line's detail while extraction runs (new/updated are known once written)."""
        return f"{self.events} events found, {self.unchanged} unchanged, {len(self.skipped)} skipped"

    def warning_counts(self) -> Counter[str]:
        return Counter(p.code for p in self.warnings)


def ingest(items: Iterable[Article | Problem], store: Store, options: IngestOptions, progress: Progress | None = None) -> IngestReport:
    """Store every article of `items`; the report of what happened (never raises for one bad input)."""
    report = IngestReport()
    started = time.monotonic()
    extractor = Extractor(options.workers, options.settings, options.factory, pool_threshold=options.pool_threshold)
    writer = BatchWriter(store, force=options.reprocess, threaded=options.workers > 1)  # see rasad.ingest.writer
    batch: list[Extracted] = []
    last_flush = time.monotonic()
    try:
        for article, result in extractor.run(_to_extract(items, store, options, report, progress)):
            if isinstance(result, Problem):
                _skip(report, result, progress)
            else:
                batch.append(Extracted(article, result))
                report.events += len(result.get("events") or [])
                report.warnings.extend(_document_warnings(article, result))
            if batch and (len(batch) >= options.batch_size or time.monotonic() - last_flush >= options.flush_seconds):
                writer.put(batch)
                batch.clear()
                last_flush = time.monotonic()
            if progress is not None:
                progress.update(report.read, report.running())
        if batch:
            writer.put(batch)
    finally:
        statuses = writer.close()
    report.new += statuses["new"]
    report.updated += statuses["updated"]
    report.unchanged += statuses["unchanged"]
    if report.new or report.updated or store.clusters_dirty():
        report.clusters = store.rebuild_clusters()
    report.seconds = time.monotonic() - started
    if progress is not None:
        progress.clear()
    return report


def _to_extract(
    items: Iterable[Article | Problem], store: Store, options: IngestOptions, report: IngestReport, progress: Progress | None
) -> Iterator[Article]:
    """The articles that need extraction; counts and reports the others (looked up LOOKUP_BATCH at a time)."""
    seen: set[str] = set()
    waiting: list[tuple[Article, str]] = []

    def settle() -> Iterator[Article]:
        known = {} if options.reprocess else store.known([key for _, key in waiting])
        for article, key in waiting:
            if known.get(key) == fingerprint(article):
                report.unchanged += 1
                if progress is not None:
                    progress.update(report.read, report.running())
            else:
                yield article
        waiting.clear()

    for item in items:
        if isinstance(item, Problem):
            if item.severity == "warning":
                report.warnings.append(item)
            else:
                _skip(report, item, progress)
            continue
        report.read += 1
        key = article_key(item)
        if key in seen:  # the same article twice in one run (a link in two feeds): the first one counts
            report.unchanged += 1
            continue
        seen.add(key)
        waiting.append((item, key))
        if len(waiting) >= LOOKUP_BATCH:
            yield from settle()
    yield from settle()


def _skip(report: IngestReport, problem: Problem, progress: Progress | None) -> None:
    report.skipped.append(problem)
    if progress is not None:
        progress.message(f"rasad: skipped {problem}")


def _document_warnings(article: Article, document: dict[str, object]) -> list[Problem]:
    problems = document.get("problems") or []
    origin = article.origin or article.id
    found: list[Problem] = []
    for problem in problems if isinstance(problems, list) else []:
        if isinstance(problem, dict):
            found.append(Problem(origin, "pipeline", str(problem.get("code")), str(problem.get("message")), "warning"))
    return found
