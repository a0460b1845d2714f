"""The local engine: partitions in this process (one worker) or in a pool of worker processes.

Each pool process builds its pipeline once, in the pool's initializer. A few
partitions per worker are in flight at a time. When a worker process dies (killed,
out of memory), the pool breaks: it is started again and the partitions it lost
are run again, each at most MAX_ATTEMPTS times in all; their files are simply
written again.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from rasad.engine.base import MAX_ATTEMPTS, EngineInfo
from rasad.engine.partition import Partition
from rasad.engine.runtime import warm, worker_stats
from rasad.engine.task import Outcome, PartitionFailure, Task, run_partition

IN_FLIGHT_PER_WORKER = 4
DIED = "its worker process died"


# How often, and how far apart, the pool's processes are asked to check in at start-up (≤ 30 s).
_CHECK_IN_ROUNDS = 300
_CHECK_IN_PAUSE = 0.1


@dataclass
class LocalEngine:
    workers: int = 1
    max_attempts: int = MAX_ATTEMPTS
    pool: ProcessPoolExecutor | None = field(default=None, repr=False)
    attempts: Counter[int] = field(default_factory=Counter)
    restarts: int = 0

    def start(self, task: Task) -> EngineInfo:
        started = time.perf_counter()
        if self.workers <= 1:
            warm(task.settings)
        else:
            self.pool = self._new_pool(task)
            # every process has run its initializer, so has its pipeline: a process that warmed up first
            # may answer every check-in, so ask until each one has answered (or give up after a while)
            ready: set[str] = set()
            for _ in range(_CHECK_IN_ROUNDS):
                ready |= {f.result()["worker"] for f in [self.pool.submit(worker_stats) for _ in range(self.workers)]}
                if len(ready) >= self.workers:
                    break
                time.sleep(_CHECK_IN_PAUSE)
        return EngineInfo("local", self.workers, startup_seconds=time.perf_counter() - started)

    def run(self, partitions: Iterable[Partition], task: Task) -> Iterator[Outcome]:
        if self.workers <= 1:
            for partition in partitions:
                yield self._run_here(partition, task)
        else:
            yield from self._run_pool(partitions, task)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def _new_pool(self, task: Task) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=warm,
            initargs=(task.settings,),
        )

    def _run_here(self, partition: Partition, task: Task) -> Outcome:
        while True:
            try:
                return run_partition(partition, task)
            except Exception as error:  # an unreadable or unwritable disk, say: try again, then give up
                if self._given_up(partition):
                    return PartitionFailure(partition.index, partition.label(), f"{type(error).__name__}: {error}")

    def _run_pool(self, partitions: Iterable[Partition], task: Task) -> Iterator[Outcome]:
        fresh = iter(partitions)
        again: deque[Partition] = deque()  # lost with a dead worker, or raised: run before fresh ones
        running: dict[Future[Outcome], tuple[Partition, ProcessPoolExecutor]] = {}
        while True:
            pool = self.pool = self.pool or self._new_pool(task)
            while len(running) < IN_FLIGHT_PER_WORKER * self.workers:
                partition = again.popleft() if again else next(fresh, None)
                if partition is None:
                    break
                running[pool.submit(run_partition, partition, task)] = (partition, pool)
            if not running:
                return
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: running[f][0].index):
                partition, its_pool = running.pop(future)
                outcome, reason = self._outcome(future)
                if outcome is not None:
                    yield outcome
                    continue
                if reason == DIED and its_pool is self.pool:
                    self._restart()
                if self._given_up(partition):
                    yield PartitionFailure(partition.index, partition.label(), reason)
                else:
                    again.append(partition)

    @staticmethod
    def _outcome(future: Future[Outcome]) -> tuple[Outcome | None, str]:
        try:
            return future.result(), ""
        except BrokenProcessPool:  # a worker died: this partition (maybe not the culprit) runs again
            return None, DIED
        except Exception as error:
            return None, f"{type(error).__name__}: {error}"

    def _given_up(self, partition: Partition) -> bool:
        self.attempts[partition.index] += 1
        return self.attempts[partition.index] >= self.max_attempts

    def _restart(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
            self.restarts += 1
