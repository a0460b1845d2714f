"""The local engine: same rows as a single-process run, whatever the partitions; survives a killed worker."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa

from rasad.config import Settings
from rasad.engine import Job, LocalEngine, read_table, run_job
from rasad.engine.task import Outcome, PartitionResult
from rasad.export.document import to_document
from rasad.ingest.files import ArticleDefaults, read_inputs
from rasad.ingest.progress import Progress
from rasad.model import Problem
from rasad.pipeline import Pipeline

MakeArchive = Callable[..., Path]
TABLES = ("documents", "events", "mentions")


def _reference(pipeline: Pipeline, archive: Path) -> tuple[list[tuple[str, dict[str, Any]]], list[str]]:
    """(article id, event) in input order, and the codes of skipped inputs, from a plain single-process run."""
    events: list[tuple[str, dict[str, Any]]] = []
    skipped: list[str] = []
    for item in pipeline.pipe(read_inputs([str(archive)], ArticleDefaults())):
        if isinstance(item, Problem):
            skipped.append(item.code)
        else:
            events.extend((item.article.id, event) for event in to_document(item)["events"])
    return events, skipped


def _events(out: Path) -> list[tuple[str, dict[str, Any]]]:
    table = read_table(out, "events")
    pairs = zip(table.column("article_id").to_pylist(), table.column("event_json").to_pylist(), strict=True)
    return [(article_id, json.loads(event)) for article_id, event in pairs]


def _by_article(events: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    return sorted(events, key=lambda pair: pair[0])  # stable: keeps each article's events in order


def _tables(out: Path) -> dict[str, pa.Table]:
    return {name: read_table(out, name) for name in TABLES}


def test_local_engine_matches_a_single_process_run_event_by_event(
    tmp_path: Path, make_archive: MakeArchive, pipeline: Pipeline, settings: Settings
) -> None:
    archive = make_archive(90, bad_every=30)
    expected, skipped = _reference(pipeline, archive)
    summary = run_job(Job((str(archive),), tmp_path / "out", settings, partition_size=16), LocalEngine(1))
    assert _by_article(_events(tmp_path / "out")) == _by_article(expected)
    assert [p.code for p in summary.skipped] == skipped == ["E110", "E103", "E105"]
    assert summary.articles == 90 and summary.done == summary.partitions == 6
    assert read_table(tmp_path / "out", "documents").num_rows == 90


def test_partitioning_and_workers_do_not_change_the_dataset(tmp_path: Path, make_archive: MakeArchive, settings: Settings) -> None:
    archive = make_archive(60)
    run_job(Job((str(archive),), tmp_path / "small", settings, partition_size=7), LocalEngine(1))
    summary = run_job(Job((str(archive),), tmp_path / "large", settings, partition_size=25), LocalEngine(2))
    assert len(summary.workers) == 2
    small, large = _tables(tmp_path / "small"), _tables(tmp_path / "large")
    for name in TABLES:
        assert small[name].num_rows > 0
        assert small[name].to_pylist() == large[name].to_pylist(), name


def test_local_pool_finishes_every_article_once_when_a_worker_is_killed(
    tmp_path: Path, make_archive: MakeArchive, settings: Settings
) -> None:
    archive = make_archive(80)
    engine = LocalEngine(2)
    killed: list[int] = []

    def kill_one(outcome: Outcome) -> None:
        if not killed and engine.pool is not None:
            pid = next(iter(engine.pool._processes))  # a worker process of the pool, mid-run
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    summary = run_job(Job((str(archive),), tmp_path / "out", settings, partition_size=10), engine, on_outcome=kill_one)
    assert killed and engine.restarts >= 1
    assert summary.failures == [] and summary.skipped == []
    ids = read_table(tmp_path / "out", "documents").column("article_id").to_pylist()
    assert sorted(ids) == sorted(f"a{i}" for i in range(80))
    assert not list((tmp_path / "out").rglob("*.tmp"))


def test_failed_partition_is_reported_not_lost(tmp_path: Path, make_archive: MakeArchive, settings: Settings) -> None:
    archive = make_archive(20)
    out = tmp_path / "out"
    outcomes: list[Outcome] = []

    def block_writes(outcome: Outcome) -> None:  # after the first partition, the last table's folders become files
        outcomes.append(outcome)
        if isinstance(outcome, PartitionResult) and len(outcomes) == 1:
            for folder in (out / "mentions").iterdir():
                for file in folder.iterdir():
                    file.unlink()
                folder.rmdir()
                folder.write_text("in the way", encoding="utf-8")

    summary = run_job(Job((str(archive),), out, settings, partition_size=10), LocalEngine(1), on_outcome=block_writes)
    assert len(summary.failures) == 1 and summary.done == 1
    [problem] = summary.skipped
    assert problem.code == "E301" and "part-000001" in problem.origin
    manifest = json.loads((out / "_rasad.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is False and manifest["failed_partitions"][0]["index"] == 1
    assert list(out.rglob("part-000000.parquet"))
    assert not list(out.rglob("part-000001.parquet"))  # its documents and events were written, then taken back


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_local_runs_never_import_dask(tmp_path: Path, make_archive: MakeArchive, settings: Settings) -> None:
    archive = make_archive(3)
    code = f"""
import sys
from pathlib import Path
from rasad.cli import main
from rasad.config import Settings
from rasad.engine import Job, make_engine, run_job
run_job(Job(({str(archive)!r},), Path({str(tmp_path / "out")!r}), Settings(cache_dir=Path({str(settings.cache_dir)!r}))), make_engine("local", workers=1))
print(sorted(m for m in sys.modules if m.split(".")[0] in ("dask", "distributed")))
"""
    result = _python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_dask_engine_without_dask_installed_is_a_clear_error() -> None:
    code = """
import sys
sys.modules["distributed"] = None  # as if not installed
from rasad.engine import EngineError, make_engine
try:
    make_engine("dask")
except EngineError as error:
    print(error.code, error)
"""
    result = _python(code)
    assert result.stdout.startswith("E303 engine unavailable: Dask is not installed: pip install 'rasad[dask]'"), result.stderr


def test_progress_shows_partitions_and_articles_per_second(tmp_path: Path, make_archive: MakeArchive, settings: Settings) -> None:
    stream = io.StringIO()
    archive = make_archive(12)
    run_job(Job((str(archive),), tmp_path / "out", settings, partition_size=5), LocalEngine(1), progress=Progress(stream=stream, interval=0))
    lines = stream.getvalue().splitlines()
    assert lines[-1].startswith("rasad: 12 articles, ") and lines[-1].endswith("articles/s — 3/3 partitions")
    assert [line.rsplit(" ", 2)[-2] for line in lines] == ["1/1+", "2/2+", "3/3+", "3/3"]  # + while still planning
