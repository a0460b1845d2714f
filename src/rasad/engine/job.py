"""A run of the pipeline over many inputs into a Parquet dataset: plan, start the engine, run, summarise.

The only place that knows the order of a run. Partitions go to the engine as
they are planned. Whichever engine runs them, the partitions, the task code and
hence the rows written are the same.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from rasad.config import Settings
from rasad.engine.base import Engine, EngineInfo
from rasad.engine.dataset import prepare, remove_leftovers, remove_partition, write_manifest
from rasad.engine.partition import Partition, partition_name
from rasad.engine.plan import iter_plan
from rasad.engine.summary import Summary
from rasad.engine.task import Outcome, PartitionFailure, Task
from rasad.ingest.files import ArticleDefaults
from rasad.ingest.progress import Progress
from rasad.model import Problem

DEFAULT_PARTITION_SIZE = 500


@dataclass(frozen=True)
class Job:
    sources: tuple[str, ...]
    out: Path
    settings: Settings = field(default_factory=Settings)
    defaults: ArticleDefaults = field(default_factory=ArticleDefaults)
    partition_size: int = DEFAULT_PARTITION_SIZE


def run_job(
    job: Job,
    engine: Engine,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> Summary:
    """Run `job` on `engine` (closed at the end); the summary, also saved in the dataset's `_rasad.json`."""
    started = time.monotonic()
    out = job.out.resolve()
    prepare(out)
    task = Task(str(out), job.settings, job.defaults, os.getcwd())
    planned: list[Problem] = []
    summary = Summary(EngineInfo("none", 0), str(job.out), partitions=0, inputs=0)
    stream = _planned(iter_plan(list(job.sources), job.partition_size, job.defaults, stdin), summary, planned)
    first = next(stream, None)
    try:
        if first is not None:  # no cluster is started for nothing
            summary.engine = engine.start(task)
            for outcome in engine.run(chain([first], stream), task):
                summary.record(outcome)
                if isinstance(outcome, PartitionFailure):
                    remove_partition(out, partition_name(outcome.index))
                if progress is not None:
                    progress.update(summary.articles, summary.progress())
                if on_outcome is not None:
                    on_outcome(outcome)
    finally:
        engine.close()
    if progress is not None:
        progress.update(summary.articles, summary.progress(), force=True)
        progress.clear()
    remove_leftovers(out)
    summary.close(planned, time.monotonic() - started)
    write_manifest(out, summary.manifest())
    return summary


def _planned(items: Iterator[Partition | Problem], summary: Summary, problems: list[Problem]) -> Iterator[Partition]:
    """The partitions of `items`, counted in the summary as they are cut; the problems put aside."""
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
        else:
            summary.partitions += 1
            summary.inputs += item.size
            yield item
    summary.planned = True
