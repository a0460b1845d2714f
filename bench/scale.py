"""Scale-out figures: throughput of the local engine and of 1 and 2 Dask workers, start-up, memory, overheads.

    python bench/scale.py [--articles 20480] [--partition-size 500] [--json figures.json]

Builds a JSON Lines archive of the dev articles (tests/gold) repeated with varied
ids and publication months, runs `rasad.engine.run_job` on it with the local
engine (one process per core) and on local Dask clusters of one and two worker
processes (one thread each), checks that the three datasets hold the same event
ids, and measures what docs/scaling.md projects from: per-worker throughput,
worker start-up and memory, the scheduler's cost per task, the fixed cost of a
partition, output bytes per article and the driver's planning speed. Needs the
`dask` extra. Run it on a quiet machine: other processes share the cores.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from itertools import cycle
from pathlib import Path
from typing import Any

import psutil
from distributed import Client, LocalCluster

from rasad.config import Settings
from rasad.engine import Job, LocalEngine, read_table, run_job
from rasad.engine.cluster import DaskEngine
from rasad.engine.dataset import write_partition
from rasad.engine.plan import plan
from rasad.engine.runtime import worker_pipeline, worker_stats
from rasad.engine.summary import Summary
from rasad.engine.tables import TableRows
from rasad.engine.task import Outcome
from rasad.export.document import to_document
from rasad.ingest.files import ArticleDefaults
from rasad.model import Article, Doc

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = Settings(cache_dir=ROOT / ".cache")


def make_archive(path: Path, count: int) -> int:
    """`count` dev articles with ids text-round and twelve publication months; the archive's size in bytes."""
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests" / "gold").glob("*.txt"))]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            stem, text = texts[i % len(texts)]
            published = f"2024-{1 + (i // len(texts)) % 12:02d}-15"
            handle.write(json.dumps({"id": f"{stem}-{i // len(texts)}", "text": text, "published": published}, ensure_ascii=False) + "\n")
    return path.stat().st_size


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*.parquet"))


def figures(summary: Summary, out: Path) -> dict[str, Any]:
    busy = sum(t.busy_seconds for t in summary.workers.values())
    cpu = sum(t.cpu_seconds for t in summary.workers.values())
    workers = max(summary.engine.workers, 1)
    run_seconds = summary.seconds - summary.engine.startup_seconds
    return {
        "articles": summary.articles,
        "events": summary.events,
        "partitions": summary.partitions,
        "wall_s": round(summary.seconds, 2),
        "startup_s": round(summary.engine.startup_seconds, 2),
        "run_s": round(run_seconds, 2),
        "articles_per_s": round(summary.articles / run_seconds, 1),
        "articles_per_s_per_worker_busy": {t.worker: round(t.rate, 1) for t in summary.workers.values()},
        "busy_share": round(busy / (run_seconds * workers), 3),  # the rest: scheduling, waiting, the driver
        "worker_cpu_ms_per_article": round(1000 * cpu / max(summary.articles, 1), 2),  # blind to other load
        "phase_s": {k: round(v, 2) for k, v in summary.phase_seconds.items()},
        "output_bytes_per_article": round(folder_bytes(out) / max(summary.articles, 1), 1),
    }


class Monitor:
    """Called on each partition's outcome: CPU of this process (the driver, and LocalCluster's scheduler)
    from the first outcome to the last, and the peak resident memory of every child process."""

    def __init__(self) -> None:
        self.first: tuple[float, float] | None = None  # (cpu, wall)
        self.last = (0.0, 0.0)
        self.count = 0
        self.peak_rss_mb: dict[int, float] = {}
        self.sampling = 0.0

    def __call__(self, _outcome: Outcome) -> None:
        now = (time.process_time() - self.sampling, time.perf_counter())
        if self.first is None:
            self.first = now
        else:
            self.last, self.count = now, self.count + 1
        sampling = time.process_time()
        self._sample_memory()
        self.sampling += time.process_time() - sampling  # not the driver's work: left out of its CPU

    def _sample_memory(self) -> None:
        for child in psutil.Process().children(recursive=True):
            try:
                if "spawn_main" not in " ".join(child.cmdline()):  # a worker, not the resource tracker
                    continue
                rss = child.memory_info().rss / 1024 / 1024
            except psutil.Error:
                continue
            self.peak_rss_mb[child.pid] = max(rss, self.peak_rss_mb.get(child.pid, 0.0))

    def central_cpu_ms_per_partition(self, idle_cpu_per_s: float) -> float | None:
        """Driver and scheduler CPU per partition in the steady state, less what the idle cluster burns anyway."""
        if self.first is None or not self.count:
            return None
        cpu, wall = self.last[0] - self.first[0], self.last[1] - self.first[1]
        return round(1000 * (cpu - idle_cpu_per_s * wall) / self.count, 2)

    def raw(self) -> dict[str, float]:
        """The steady-state window itself: CPU seconds of this process, wall seconds, partitions."""
        if self.first is None:
            return {}
        return {"cpu_s": round(self.last[0] - self.first[0], 3), "wall_s": round(self.last[1] - self.first[1], 3), "partitions": self.count}


def run_local(archive: Path, out: Path, partition_size: int, workers: int) -> dict[str, Any]:
    monitor = Monitor()
    summary = run_job(Job((str(archive),), out, SETTINGS, partition_size=partition_size), LocalEngine(workers), on_outcome=monitor)
    result = figures(summary, out)
    result["driver_cpu_ms_per_partition"] = monitor.central_cpu_ms_per_partition(0.0)
    result["worker_peak_rss_mb"] = sorted(round(v, 1) for v in monitor.peak_rss_mb.values())
    return result


def run_dask(archive: Path, out: Path, partition_size: int, workers: int, overhead_tasks: int) -> dict[str, Any]:
    started = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0") as cluster:
        processes_up = time.perf_counter() - started
        with Client(cluster.scheduler_address, set_as_default=False) as client:
            idle = idle_cpu_per_s(5.0)
            monitor = Monitor()
            engine = DaskEngine(scheduler=cluster.scheduler_address)
            summary = run_job(Job((str(archive),), out, SETTINGS, partition_size=partition_size), engine, on_outcome=monitor)
            stats = list(client.run(_worker).values())
            per_task = scheduler_cost(client, overhead_tasks, idle) if overhead_tasks else None
    worker_pids = {s["pid"] for s in stats}
    result = figures(summary, out)
    result.update(
        cluster_processes_up_s=round(processes_up, 2),
        # LocalCluster runs its scheduler in this process, beside the driver: one CPU figure for both
        idle_cluster_cpu_ms_per_s=round(1000 * idle, 1),
        central_cpu_ms_per_partition=monitor.central_cpu_ms_per_partition(idle),  # less the idle cluster's: noisy
        central_steady=monitor.raw(),
        pipeline_build_s=[round(s["build_seconds"], 2) for s in stats],
        pipeline_build_cpu_s=[round(s["build_cpu_seconds"], 2) for s in stats],
        pipeline_builds=[s["pipeline_builds"] for s in stats],
        worker_rss_after_run_mb=[round(s["rss_mb"], 1) for s in stats],
        worker_peak_rss_mb=sorted(round(v, 1) for pid, v in monitor.peak_rss_mb.items() if pid in worker_pids),
        dashboard=summary.engine.dashboard,
    )
    if per_task is not None:
        result["empty_tasks"] = per_task
    return result


def idle_cpu_per_s(seconds: float) -> float:
    """CPU seconds per second that this process burns with a connected, idle cluster (heartbeats, monitors)."""
    time.sleep(2.0)  # let the workers' registration settle
    cpu, wall = time.process_time(), time.perf_counter()
    time.sleep(seconds)
    return (time.process_time() - cpu) / (time.perf_counter() - wall)


def _worker() -> dict[str, Any]:
    return {**worker_stats(), "pid": os.getpid()}


def _noop(number: int) -> int:
    return number


def scheduler_cost(client: Client, tasks: int, idle: float) -> dict[str, float]:
    """Per empty task, in ms: wall time through the whole cluster, and CPU of the scheduler with this client."""
    client.gather(client.map(_noop, range(50), pure=False))  # warm the connections
    cpu, started = time.process_time(), time.perf_counter()
    client.gather(client.map(_noop, range(tasks), pure=False))
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu - idle * wall
    return {
        "tasks": tasks,
        "wall_ms_per_task": round(wall * 1000 / tasks, 3),
        "scheduler_and_client_cpu_ms_per_task": round(cpu * 1000 / tasks, 3),
    }


def dev_documents(archive: Path, count: int) -> list[tuple[Article, dict[str, Any]]]:
    """The first `count` articles of the archive through the pipeline, in this process."""
    pipeline = worker_pipeline(SETTINGS)
    documents: list[tuple[Article, dict[str, Any]]] = []
    with archive.open(encoding="utf-8") as handle:
        for n, line in zip(range(count), handle, strict=False):
            article = Article(f"w{n}", json.loads(line)["text"], published="2024-01-15")
            doc = pipeline.run(article)
            if isinstance(doc, Doc):
                documents.append((article, to_document(doc)))
    return documents


def partition_fixed_cost(documents: list[tuple[Article, dict[str, Any]]], out: Path) -> dict[str, float]:
    """Seconds to write a partition of 1 and of 200 articles (all in one month): fixed and per-article write costs."""

    def write(count: int, name: str) -> float:
        rows = TableRows()
        for article, document in documents[:count]:
            rows.add(article, document)
        started = time.perf_counter()
        write_partition(out, name, rows)
        return time.perf_counter() - started

    one = min(write(1, f"part-9{i:05d}") for i in range(5))
    many = min(write(200, f"part-8{i:05d}") for i in range(3))
    return {"write_1_article_s": round(one, 4), "write_200_articles_s": round(many, 4), "write_per_article_ms": round((many - one) / 199 * 1000, 3)}


def store_rate(documents: list[tuple[Article, dict[str, Any]]], path: Path, count: int) -> dict[str, Any]:
    """Articles/s into the SQLite store (rasad.store, one writer, batches of 64) and the cluster rebuild after them."""
    try:
        from rasad.store import Extracted, Store

        store = Store.open(str(path))
        items = [Extracted(replace(a, id=f"s{n}", url=f"https://news.example/{n}"), d) for n, (a, d) in zip(range(count), cycle(documents))]
        started = time.perf_counter()
        for first in range(0, len(items), 64):
            store.write(items[first : first + 64])
        written = time.perf_counter() - started
        started = time.perf_counter()
        store.rebuild_clusters()
        clustered = time.perf_counter() - started
        store.engine.dispose()
    except Exception as error:  # the store is another module's: report, do not stop the benchmark
        return {"error": f"{type(error).__name__}: {error}"}
    return {"articles": count, "articles_per_s": round(count / written, 1), "cluster_rebuild_s": round(clustered, 2)}


def timed(step: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    value = step()
    return value, time.perf_counter() - started


def event_ids(out: Path) -> list[str]:
    return sorted(read_table(out, "events").column("event_id").to_pylist())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_480)
    parser.add_argument("--partition-size", type=int, default=500)
    parser.add_argument("--local-workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--overhead-tasks", type=int, default=2000, help="empty tasks timed on the 2-worker cluster")
    parser.add_argument("--store-articles", type=int, default=4000, help="articles written to a SQLite store (0: skip)")
    parser.add_argument("--runs", nargs="*", help="only these runs (prefixes: local, dask_1, dask_2)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    report: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_before": os.getloadavg(),
    }
    with tempfile.TemporaryDirectory(prefix="rasad-scale-") as temporary:
        folder = Path(temporary)
        archive = folder / "archive.jsonl"
        size = make_archive(archive, args.articles)
        work, planning = timed(lambda: plan([str(archive)], args.partition_size, ArticleDefaults()))
        report["archive"] = {"articles": args.articles, "mb": round(size / 1e6, 1), "partitions": len(work.partitions)}
        report["driver_planning"] = {"s": round(planning, 3), "mb_per_s": round(size / 1e6 / planning, 1)}
        documents = dev_documents(archive, 200)
        report["partition_writes"] = partition_fixed_cost(documents, folder / "writes")
        report["sqlite_store"] = store_rate(documents, folder / "store.db", args.store_articles) if args.store_articles else None

        every = {
            f"local_{args.local_workers}_processes": lambda out: run_local(archive, out, args.partition_size, args.local_workers),
            "dask_1_worker": lambda out: run_dask(archive, out, args.partition_size, 1, 0),
            "dask_2_workers": lambda out: run_dask(archive, out, args.partition_size, 2, args.overhead_tasks),
        }
        runs = {name: run for name, run in every.items() if not args.runs or any(name.startswith(r) for r in args.runs)}
        outputs: list[Path] = []
        for name, run in runs.items():
            out = folder / name
            report[name] = run(out)
            outputs.append(out)
            print(f"{name}: {json.dumps(report[name])}", flush=True)
        if len(outputs) > 1:
            reference = event_ids(outputs[0])
            report["same_event_ids_in_every_run"] = all(event_ids(out) == reference for out in outputs[1:])
    report["load_average_after"] = os.getloadavg()

    print(json.dumps(report, indent=1))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
