"""One task, the same in every engine: read a partition, run the pipeline on each article, write its files.

`run_partition` is what a pool process or a Dask worker executes. It uses the
worker's one pipeline (rasad.engine.runtime) and the very stage code of a
single-process `rasad extract` (rasad.ingest.workers.run_one: Pipeline.run, then
the rasad.document/1 serialiser). It never raises for a bad article: those become
Problems in its result. Running it twice writes the same files.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasad.config import Settings
from rasad.engine.dataset import write_partition
from rasad.engine.partition import Partition, read_partition
from rasad.engine.runtime import exclusive, worker_name, worker_pipeline
from rasad.engine.tables import TableRows
from rasad.ingest.files import ArticleDefaults
from rasad.ingest.workers import run_one
from rasad.model import Article, Problem


@dataclass(frozen=True)
class Task:
    """What every partition of a run shares: where to write, how to build the pipeline, article defaults."""

    out: str  # absolute: the dataset folder, on storage every worker shares
    settings: Settings
    defaults: ArticleDefaults
    root: str  # absolute: the driver's working folder, against which relative inputs are read


@dataclass(frozen=True)
class PartitionResult:
    index: int
    worker: str  # host:pid of the process that ran it
    articles: int  # written to the dataset
    events: int
    mentions: int
    problems: tuple[Problem, ...]  # inputs skipped (errors) and caveats (warnings), in input order
    files: tuple[str, ...]
    read_seconds: float
    extract_seconds: float
    write_seconds: float
    cpu_seconds: float  # of the worker process over the partition: unlike wall time, blind to other load

    @property
    def seconds(self) -> float:
        return self.read_seconds + self.extract_seconds + self.write_seconds


@dataclass(frozen=True)
class PartitionFailure:
    """A partition given up after its attempts: none of its articles are in the output."""

    index: int
    label: str
    reason: str


Outcome = PartitionResult | PartitionFailure


def run_partition(partition: Partition, task: Task) -> PartitionResult:
    pipeline = worker_pipeline(task.settings)
    started, cpu_started = time.perf_counter(), time.process_time()
    items = list(read_partition(partition, task.defaults, task.root))
    read_done = time.perf_counter()
    rows = TableRows()
    problems: list[Problem] = []
    articles = events = mentions = 0
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
            continue
        with exclusive():
            result = run_one(pipeline, item)
        if isinstance(result, Problem):
            problems.append(result)
            continue
        rows.add(item, result)
        problems.extend(_document_problems(item, result))
        articles += 1
        events += len(result.get("events") or [])
        mentions += len(result.get("mentions") or [])
    extract_done = time.perf_counter()
    files = write_partition(Path(task.out), partition.name, rows)
    return PartitionResult(
        index=partition.index,
        worker=worker_name(),
        articles=articles,
        events=events,
        mentions=mentions,
        problems=tuple(problems),
        files=tuple(files),
        read_seconds=read_done - started,
        extract_seconds=extract_done - read_done,
        write_seconds=time.perf_counter() - extract_done,
        cpu_seconds=time.process_time() - cpu_started,
    )


def _document_problems(article: Article, document: dict[str, Any]) -> list[Problem]:
    origin = article.origin or article.id
    return [
        Problem(origin, "pipeline", str(p.get("code")), str(p.get("message")), str(p.get("severity") or "warning"))
        for p in document.get("problems") or []
        if isinstance(p, dict)
    ]
