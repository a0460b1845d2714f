"""Ingest throughput: articles/s into SQLite (and PostgreSQL) with 1 and 2 worker processes, against bare extraction.

    python bench/ingest.py [--articles 2000] [--workers 1,2] [--repeat 3] [--keep DIR]
                           [--postgres postgresql://USER:PASSWORD@HOST/DATABASE]

Articles: the development gold articles (tests/gold) repeated with varied ids, URLs
and a line of their own, so that each is a new article to the store. "bare" is what
`rasad extract` does per article (read, pipeline, rasad.document/1 as JSON) in one
process with the pipeline already built; "ingest" is `rasad ingest` end to end
(read, skip-check, extract, store in batches, rebuild the clusters), timed from the
start, so worker start-up (each builds its pipeline) is included; "after start-up"
leaves out the time to the first result. With --repeat N each figure is the best
of N runs (the least disturbed by other work on the machine).

With --postgres the same runs go into that PostgreSQL database too, each into a
fresh schema of its own (created, then dropped; kept with --keep), so nothing
already in the database is touched.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url

from rasad.config import Settings, default_cache_dir
from rasad.export.document import to_document
from rasad.ingest.files import ArticleDefaults, read_inputs
from rasad.ingest.job import IngestOptions, ingest
from rasad.ingest.progress import Progress
from rasad.ingest.sources import SourceOptions, read_sources
from rasad.model import Problem
from rasad.pipeline import Pipeline, default_pipeline
from rasad.store import Store
from rasad.store.engine import make_engine

ROOT = Path(__file__).resolve().parents[1]


def write_archive(path: Path, count: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "gold").glob("*.txt"))]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            record = {
                "id": f"bench-{i}",
                "url": f"https://bench.example.ir/news/{i}",
                "published": "2024-04-22",
                "outlet": "bench",
                "text": f"{texts[i % len(texts)]}\nکد خبر: {i}",
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def bare(archive: Path, pipeline: Pipeline) -> tuple[int, float]:
    started = time.perf_counter()
    done = 0
    for item in pipeline.pipe(read_inputs([str(archive)], ArticleDefaults())):
        if not isinstance(item, Problem):
            json.dumps(to_document(item), ensure_ascii=False)
            done += 1
    return done, time.perf_counter() - started


@dataclass
class FirstResult(Progress):
    """A silent Progress that notes when the first result arrived."""

    first: float | None = None
    stream: object = field(default_factory=lambda: open(os.devnull, "w"))  # type: ignore[assignment]

    def update(self, done: int, detail: str, force: bool = False) -> None:
        if self.first is None and done:
            self.first = time.perf_counter()


class Prebuilt:
    """A pipeline factory that hands out one already-built pipeline (in-process runs only)."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline

    def __call__(self, _settings: Settings) -> Pipeline:
        return self.pipeline


@contextmanager
def postgres_schema(url: str, keep: bool) -> Iterator[str]:
    """A URL whose tables go into a new, empty schema (dropped afterwards unless `keep`)."""
    schema = f"rasad_bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(url)
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    parsed = make_url(url)
    options = parsed.query.get("options") or ""
    if isinstance(options, tuple):
        options = " ".join(options)
    try:
        yield parsed.update_query_dict({"options": f"{options} -csearch_path={schema}".strip()}).render_as_string(hide_password=False)
    finally:
        if keep:
            print(f"  (kept in schema {schema})")
        else:
            with admin.begin() as connection:
                connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


def run_ingest(archive: Path, target: str, workers: int, settings: Settings, pipeline: Pipeline) -> dict[str, float]:
    store = Store.open(target)
    progress = FirstResult()
    factory = Prebuilt(pipeline) if workers == 1 else default_pipeline
    options = IngestOptions(workers=workers, settings=settings, factory=factory)  # type: ignore[arg-type]
    started = time.perf_counter()
    report = ingest(read_sources([str(archive)], SourceOptions()), store, options, progress)
    elapsed = time.perf_counter() - started
    counts = store.counts()
    store.close()
    if report.skipped or report.new != counts["articles"]:
        raise SystemExit(f"bench: unexpected result {report.detail()}")
    first = (progress.first or started) - started
    return {
        "articles": report.new,
        "events": counts["events"],
        "clusters": counts["clusters"],
        "seconds": elapsed,
        "per_s": report.new / elapsed,
        "startup_s": first,
        "per_s_after_startup": report.new / max(elapsed - first, 1e-9),
    }


def report(engine: str, workers: int, result: dict[str, float], bare_rate: float) -> None:
    ratio = result["per_s"] / bare_rate
    print(
        f"ingest into {engine}, {workers} worker{'s' if workers > 1 else ''}: {result['articles']:.0f} articles, "
        f"{result['events']:.0f} events, {result['clusters']:.0f} clusters in {result['seconds']:.1f} s = "
        f"{result['per_s']:.0f} articles/s ({ratio:.2f}× bare); after {result['startup_s']:.1f} s start-up: "
        f"{result['per_s_after_startup']:.0f} articles/s ({result['per_s_after_startup'] / bare_rate:.2f}× bare)"
    )
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--repeat", type=int, default=1, help="best of this many runs for each figure")
    parser.add_argument("--keep", type=Path, help="keep the databases in this folder (and the PostgreSQL schemas)")
    parser.add_argument("--postgres", metavar="URL", help="also ingest into this PostgreSQL database (postgresql://USER:PASSWORD@HOST/DATABASE)")
    args = parser.parse_args()
    settings = Settings(cache_dir=default_cache_dir())
    pipeline = default_pipeline(settings)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        archive = folder / "bench.jsonl"
        write_archive(archive, args.articles)
        done, seconds = min((bare(archive, pipeline) for _ in range(args.repeat)), key=lambda r: r[1])
        print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
        print(f"bare extraction (rasad extract, 1 process): {done} articles in {seconds:.1f} s = {done / seconds:.0f} articles/s")
        rate = done / seconds
        for workers in (int(w) for w in args.workers.split(",")):
            runs = []
            for attempt in range(args.repeat):
                db = folder / f"bench-{workers}-{attempt}.db"
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
                runs.append(run_ingest(archive, str(db), workers, settings, pipeline))
            report("SQLite", workers, min(runs, key=lambda r: r["seconds"]), rate)
        if args.postgres:
            for workers in (int(w) for w in args.workers.split(",")):
                runs = []
                for _ in range(args.repeat):
                    with postgres_schema(args.postgres, keep=args.keep is not None) as target:
                        runs.append(run_ingest(archive, target, workers, settings, pipeline))
                report("PostgreSQL", workers, min(runs, key=lambda r: r["seconds"]), rate)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
