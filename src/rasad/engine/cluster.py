"""The Dask engine: partitions as tasks on a Dask distributed cluster, an existing one or one started here.

Imported only when `--engine dask` is asked for: nothing else in rasad needs Dask.
A worker plugin builds the pipeline once on every worker when it joins the
cluster (and on a worker restarted by its nanny). Tasks are submitted a few per
worker thread ahead, so the scheduler holds a bounded number of them whatever the
size of the run. A task whose worker dies is rescheduled by Dask (up to its
`allowed-failures`), one that raises is retried (`retries`); either way its files
are written again, whole, over the same names.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from distributed import Client, Future, LocalCluster, WorkerPlugin, as_completed
from distributed.worker import Worker

from rasad.config import Settings
from rasad.engine.base import MAX_ATTEMPTS, EngineInfo
from rasad.engine.codes import EngineError
from rasad.engine.partition import Partition
from rasad.engine.runtime import warm
from rasad.engine.task import Outcome, PartitionFailure, Task, run_partition

PLUGIN_NAME = "rasad-pipeline"
IN_FLIGHT_PER_THREAD = 4
WORKER_TIMEOUT = 120.0  # seconds to wait for a first worker to join an empty scheduler
CONNECT_TIMEOUT = 30.0  # seconds to reach the scheduler
REFRESH_SECONDS = 5.0  # how often the number of worker threads (hence the window) is asked again


class PipelinePlugin(WorkerPlugin):
    """Builds this worker process's pipeline once, off the event loop, when the worker starts."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def setup(self, worker: Worker) -> None:
        await asyncio.get_running_loop().run_in_executor(None, warm, self.settings)


@dataclass
class DaskEngine:
    scheduler: str | None = None  # tcp://host:port of a running scheduler; None starts a local cluster
    workers: int | None = None  # processes of the local cluster (one thread each)
    retries: int = MAX_ATTEMPTS - 1
    dashboard_address: str = ":8787"
    client: Client | None = field(default=None, repr=False)
    cluster: LocalCluster | None = field(default=None, repr=False)

    def start(self, task: Task) -> EngineInfo:
        started = time.perf_counter()
        if self.scheduler:
            try:
                self.client = Client(self.scheduler, set_as_default=False, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as error:
                raise EngineError("E303", f"cannot reach the Dask scheduler {self.scheduler}: {error}") from None
        else:
            self.cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=self.dashboard_address,
            )
            self.client = Client(self.cluster, set_as_default=False)
        try:
            self.client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
        except TimeoutError:
            raise EngineError("E303", f"no Dask worker joined {self.scheduler} within {WORKER_TIMEOUT:.0f} s") from None
        self.client.register_plugin(PipelinePlugin(task.settings), name=PLUGIN_NAME)  # returns once every worker built it
        return EngineInfo(
            name="dask",
            workers=len(self.client.scheduler_info()["workers"]),
            dashboard=self.client.dashboard_link,
            scheduler=self.client.scheduler.address if self.client.scheduler else self.scheduler,
            startup_seconds=time.perf_counter() - started,
        )

    def run(self, partitions: Iterable[Partition], task: Task) -> Iterator[Outcome]:
        client = self._client()
        run_id = uuid.uuid4().hex[:8]
        waiting = iter(partitions)
        submitted: dict[str, Partition] = {}
        finished = as_completed(loop=client.loop)
        window, asked = self._window(), time.monotonic()

        def submit_more() -> None:
            while len(submitted) < window and (partition := next(waiting, None)) is not None:
                key = f"rasad-{partition.name}-{run_id}"
                finished.add(client.submit(run_partition, partition, task, key=key, pure=False, retries=self.retries))
                submitted[key] = partition

        submit_more()
        for future in finished:
            partition = submitted.pop(future.key)
            yield self._outcome(future, partition)
            future.release()
            if time.monotonic() - asked > REFRESH_SECONDS:
                window, asked = self._window(), time.monotonic()
            submit_more()

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def _client(self) -> Client:
        if self.client is None:
            raise RuntimeError("DaskEngine.run before start")
        return self.client

    def _window(self) -> int:
        threads = sum(self._client().nthreads().values())
        return max(IN_FLIGHT_PER_THREAD * threads, 2)

    @staticmethod
    def _outcome(future: Future, partition: Partition) -> Outcome:
        if future.status == "finished":
            result: Outcome = future.result()
            return result
        reason = f"the task was {future.status}"
        if future.status == "error":
            error = future.exception()
            reason = f"{type(error).__name__}: {error}"
        return PartitionFailure(partition.index, partition.label(), reason)
