from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from rasad.config import Settings
from rasad.ingest.files import ArticleDefaults
from rasad.ingest.job import IngestOptions, ingest
from rasad.ingest.sources import SourceOptions, read_sources
from rasad.model import Doc
from rasad.pipeline import Pipeline
from rasad.store import Store

ROOT = Path(__file__).resolve().parents[3]
SETTINGS = Settings(cache_dir=ROOT / ".cache")
GOLD = sorted((ROOT / "tests" / "gold").glob("*.txt"))[:12]


def _crash_on_marker(doc: Doc) -> Doc:
    if "CRASH" in doc.text:
        os._exit(3)  # a worker dying mid-article, as an out-of-memory kill would
    return doc


def crashing_pipeline(_settings: Settings) -> Pipeline:
    return Pipeline(stages=[("crash", _crash_on_marker)])


def _archive(tmp_path: Path, texts: list[str]) -> str:
    path = tmp_path / "archive.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": t, "published": "2024-04-22", "url": f"https://x.ir/{i}"}, ensure_ascii=False) for i, t in enumerate(texts)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _run(source: str, db: Path, **options: object) -> tuple[object, Store]:
    store = Store.open(str(db))
    items = read_sources([source], SourceOptions(defaults=ArticleDefaults()))
    report = ingest(items, store, IngestOptions(settings=SETTINGS, batch_size=5, pool_threshold=0, **options))  # type: ignore[arg-type]
    return report, store


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_job_stores_then_skips_what_it_has(tmp_path: Path, workers: int) -> None:
    source = _archive(tmp_path, [p.read_text(encoding="utf-8") for p in GOLD])
    report, store = _run(source, tmp_path / "a.db", workers=workers)
    assert (report.read, report.new, report.unchanged, report.skipped) == (12, 12, 0, [])  # type: ignore[attr-defined]
    counts = store.counts()
    assert counts["articles"] == 12 and counts["events"] == report.events > 0  # type: ignore[attr-defined]
    assert 0 < counts["clusters"] <= counts["events"]
    again, _ = _run(source, tmp_path / "a.db", workers=workers)
    assert (again.new, again.unchanged, again.events, again.clusters) == (0, 12, 0, None)  # type: ignore[attr-defined]
    assert store.counts() == counts


def test_ingest_job_same_results_with_one_or_two_workers(tmp_path: Path) -> None:
    source = _archive(tmp_path, [p.read_text(encoding="utf-8") for p in GOLD])
    _, one = _run(source, tmp_path / "one.db", workers=1)
    _, two = _run(source, tmp_path / "two.db", workers=2)
    query = "SELECT uid, type, date, location_name, fatalities FROM events ORDER BY uid"
    with one.connect() as a, two.connect() as b:
        assert a.exec_driver_sql(query).all() == b.exec_driver_sql(query).all()


def test_ingest_job_reprocess_replaces(tmp_path: Path) -> None:
    source = _archive(tmp_path, [GOLD[0].read_text(encoding="utf-8")])
    _run(source, tmp_path / "r.db")
    report, store = _run(source, tmp_path / "r.db", reprocess=True)
    assert (report.updated, report.unchanged) == (1, 0)  # type: ignore[attr-defined]
    assert store.counts()["articles"] == 1


def test_ingest_job_survives_a_dying_worker(tmp_path: Path) -> None:
    texts = [f"خبر شماره {i} درباره حمله در کابل." for i in range(40)]
    texts[17] = "CRASH " + texts[17]
    source = _archive(tmp_path, texts)
    report, store = _run(source, tmp_path / "c.db", workers=2, factory=crashing_pipeline)
    lost = {p.origin for p in report.skipped}  # type: ignore[attr-defined]
    assert f"{source}:18" in lost and all(p.code == "E130" for p in report.skipped)  # type: ignore[attr-defined]
    assert lost == {f"{source}:18"}  # only the article that kills a worker is lost
    assert report.new == 40 - len(lost) == store.counts()["articles"]  # type: ignore[attr-defined]
