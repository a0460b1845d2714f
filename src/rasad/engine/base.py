"""What an engine is: something that runs `run_partition` over partitions and reports each outcome once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from rasad.engine.partition import Partition
from rasad.engine.task import Outcome, Task

MAX_ATTEMPTS = 3  # runs of one partition before it is given up (a worker died under it, or it raised)


@dataclass(frozen=True)
class EngineInfo:
    name: str  # local, dask
    workers: int  # worker processes when the run started
    dashboard: str | None = None
    scheduler: str | None = None
    startup_seconds: float = 0.0  # until every worker had its pipeline


class Engine(Protocol):
    def start(self, task: Task) -> EngineInfo:
        """Start (or connect to) the workers, each building its pipeline once."""
        ...

    def run(self, partitions: Iterable[Partition], task: Task) -> Iterator[Outcome]:
        """One outcome per partition, in completion order; `partitions` is read lazily, as workers free up."""
        ...

    def close(self) -> None: ...
