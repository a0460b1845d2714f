"""The Dask engine on a real scheduler and two real worker processes on 127.0.0.1.

The distributed run is compared event by event with a plain single-process run;
a worker is SIGKILLed mid-run and the job must still write every article once.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from rasad.cli import main
from rasad.config import Settings
from rasad.engine import Job, LocalEngine, read_table, run_job
from rasad.engine.runtime import worker_stats
from rasad.engine.task import Outcome, PartitionResult
from rasad.export.document import to_document
from rasad.ingest.files import ArticleDefaults, read_inputs
from rasad.model import Problem
from rasad.pipeline import Pipeline

distributed = pytest.importorskip("distributed")
from rasad.engine.cluster import DaskEngine  # noqa: E402 - needs distributed

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = Settings(cache_dir=ROOT / ".cache")
ARTICLES = 300
BAD_LINES = ["{not json", json.dumps({"id": "blank", "text": " "})]


def _archive(path: Path, count: int = ARTICLES) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "gold").glob("*.txt"))]
    lines = [json.dumps({"id": f"d{i}", "text": texts[i % len(texts)], "published": f"2024-{1 + i % 4:02d}-2{i % 8}"}, ensure_ascii=False) for i in range(count)]
    lines[100:100] = BAD_LINES
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A real scheduler and two real worker processes (with nannies) on 127.0.0.1."""
    options = {"n_workers": 2, "threads_per_worker": 1, "host": "127.0.0.1", "dashboard_address": "127.0.0.1:0"}
    with distributed.LocalCluster(processes=True, silence_logs=40, **options) as running:
        yield running


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _archive(tmp_path_factory.mktemp("dask") / "archive.jsonl")


@pytest.fixture(scope="module")
def reference(archive: Path, pipeline: Pipeline) -> list[tuple[str, dict[str, Any]]]:
    """(article id, event) from `pipeline.pipe` in this process, the way `rasad extract` prints them."""
    events: list[tuple[str, dict[str, Any]]] = []
    for item in pipeline.pipe(read_inputs([str(archive)], ArticleDefaults())):
        if not isinstance(item, Problem):
            events.extend((item.article.id, e) for e in to_document(item)["events"])
    return sorted(events, key=lambda pair: pair[0])


def _events(out: Path) -> list[tuple[str, dict[str, Any]]]:
    table = read_table(out, "events")
    pairs = zip(table.column("article_id").to_pylist(), table.column("event_json").to_pylist(), strict=True)
    return sorted(((a, json.loads(e)) for a, e in pairs), key=lambda pair: pair[0])


def _article_ids(out: Path) -> list[str]:
    return sorted(read_table(out, "documents").column("article_id").to_pylist())


def test_dask_run_matches_the_local_run_event_by_event(tmp_path: Path, cluster: Any, archive: Path, reference: list[tuple[str, dict[str, Any]]]) -> None:
    summary = run_job(Job((str(archive),), tmp_path / "dask", SETTINGS, partition_size=23), DaskEngine(scheduler=cluster.scheduler_address))
    events = _events(tmp_path / "dask")
    assert len(events) == len(reference) > ARTICLES
    for got, expected in zip(events, reference, strict=True):
        assert got == expected
    assert summary.engine.name == "dask" and summary.engine.workers == 2
    assert summary.engine.dashboard and summary.engine.dashboard.startswith("http://127.0.0.1:")
    assert len(summary.workers) == 2 and all(t.articles > 0 for t in summary.workers.values())
    assert summary.articles == ARTICLES and summary.done == summary.partitions == 14
    assert [(p.code, p.origin) for p in summary.skipped] == [("E110", f"{archive}:101"), ("E103", f"{archive}:102")]
    assert any("dashboard http://127.0.0.1:" in line for line in summary.lines())


def test_dask_and_local_datasets_agree_whatever_the_partitioning(tmp_path: Path, cluster: Any, archive: Path) -> None:
    run_job(Job((str(archive),), tmp_path / "dask", SETTINGS, partition_size=64), DaskEngine(scheduler=cluster.scheduler_address))
    run_job(Job((str(archive),), tmp_path / "local", SETTINGS, partition_size=41), LocalEngine(1))
    for table in ("documents", "events", "mentions"):
        assert read_table(tmp_path / "dask", table).to_pylist() == read_table(tmp_path / "local", table).to_pylist(), table


def test_each_worker_builds_its_pipeline_once(cluster: Any, archive: Path, tmp_path: Path) -> None:
    run_job(Job((str(archive),), tmp_path / "out", SETTINGS, partition_size=10), DaskEngine(scheduler=cluster.scheduler_address))
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        stats = client.run(worker_stats)
    assert len(stats) == 2
    assert [s["pipeline_builds"] for s in stats.values()] == [1, 1]  # however many partitions and runs it took


def test_engine_dask_through_the_command_line(tmp_path: Path, cluster: Any, archive: Path) -> None:
    out = tmp_path / "o"
    args = ["extract", str(archive), "--out", str(out), "--engine", "dask", "--scheduler", cluster.scheduler_address]
    result = CliRunner().invoke(main, [*args, "--partition-size", "50", "--no-progress"], catch_exceptions=False)
    assert result.exit_code == 1, result.stderr  # two bad lines
    assert "engine dask, 2 workers" in result.stderr and f"scheduler {cluster.scheduler_address}" in result.stderr
    assert "dashboard http://127.0.0.1:" in result.stderr and f"  - {archive}:101: E110" in result.stderr
    assert _article_ids(out) == sorted(f"d{i}" for i in range(ARTICLES))


def test_engine_starts_and_stops_its_own_local_cluster(tmp_path: Path, archive: Path) -> None:
    engine = DaskEngine(workers=1, dashboard_address="127.0.0.1:0")
    summary = run_job(Job((str(archive),), tmp_path / "out", SETTINGS, partition_size=100), engine)
    assert summary.engine.workers == 1 and summary.engine.scheduler and summary.engine.scheduler.startswith("tcp://127.0.0.1:")
    assert summary.articles == ARTICLES and engine.cluster is None and engine.client is None  # closed


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path, archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rasad.engine import cluster as module
    from rasad.engine.codes import EngineError

    monkeypatch.setattr(module, "CONNECT_TIMEOUT", 1.0)
    with pytest.raises(EngineError) as caught:
        run_job(Job((str(archive),), tmp_path / "out", SETTINGS), DaskEngine(scheduler="tcp://127.0.0.1:9"))
    assert caught.value.code == "E303" and "cannot reach the Dask scheduler tcp://127.0.0.1:9" in str(caught.value)


def test_sigkilled_worker_mid_run_still_writes_every_article_once(
    tmp_path: Path, cluster: Any, reference: list[tuple[str, dict[str, Any]]], archive: Path
) -> None:  # last in the module: the cluster's nanny restarts the killed worker
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        pids: dict[str, int] = client.run(os.getpid)
        ran_on: dict[int, str] = {}
        killed: dict[str, Any] = {}

        def kill_a_busy_worker(outcome: Outcome) -> None:
            if isinstance(outcome, PartitionResult):
                ran_on[outcome.index] = outcome.worker
            if killed:
                return
            busy = {address: keys for address, keys in client.processing().items() if keys}
            if busy:
                address, keys = sorted(busy.items())[0]
                os.kill(pids[address], signal.SIGKILL)
                killed.update(pid=pids[address], keys=list(keys))

        summary = run_job(
            Job((str(archive),), tmp_path / "out", SETTINGS, partition_size=10),
            DaskEngine(scheduler=cluster.scheduler_address),
            on_outcome=kill_a_busy_worker,
        )
        assert killed, "no worker was busy to be killed"
        lost = [int(key.split("-")[2]) for key in killed["keys"]]  # rasad-part-000012-<run>
        assert any(not ran_on[index].endswith(f":{killed['pid']}") for index in lost)  # run again elsewhere
        assert summary.failures == [] and summary.done == summary.partitions == 31
        assert summary.articles == ARTICLES
        assert _article_ids(tmp_path / "out") == sorted(f"d{i}" for i in range(ARTICLES))  # each once
        assert _events(tmp_path / "out") == reference
        assert not list((tmp_path / "out").rglob("*.tmp"))
