"""Clustering quality on the dev set tests/clusters, scored by bench/clusters.py, on each engine."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from rasad.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[3]

# Measured on this dev set (SQLite and PostgreSQL alike): precision 0.919, recall 0.654, F1 0.764, 43 of 52
# gold events found by the pipeline (its misses cost most of the recall). The floors leave some room for
# changes in extraction, which moves these figures both ways.
FLOOR_PRECISION = 0.80
FLOOR_RECALL = 0.55
FLOOR_F1 = 0.68
FLOOR_FOUND = 0.75


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("rasad_bench_clusters", ROOT / "bench" / "clusters.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_cluster_dev_set_is_as_big_as_promised(bench: ModuleType) -> None:
    dev = bench.load_dev_set()
    assert len(dev.reports) >= 30 and len(dev.multi_report_clusters()) >= 10
    assert sum(name.startswith("gold/") for name in dev.reports) >= 10  # built from the gold articles
    days: dict[tuple[str, str], set[str]] = {}
    for event in dev.events:
        days.setdefault((event.date, event.type), set()).add(event.cluster)
    assert sum(len(clusters) >= 2 for clusters in days.values()) >= 4  # other events on the same day
    later = [e for e in dev.events if dev.reports[e.report].published != e.date]
    assert len(later) >= 8  # reports published a day (or two) after the event


def test_cluster_dev_set_refuses_an_undescribed_cluster(bench: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text("انفجار در کابل.", encoding="utf-8")
    (tmp_path / "gold.yaml").write_text(
        "format: rasad.clusters/1\nclusters:\n  x: one event\nreports:\n  a:\n    outlet: o\n    published: 2024-01-01\n"
        "    events:\n      - {cluster: y, type: ASSAULT, date: 2024-01-01}\n",
        encoding="utf-8",
    )
    with pytest.raises(bench.DevSetError, match="cluster 'y' is not described"):
        bench.load_dev_set(tmp_path)


def test_cluster_pairwise_scores_count_pairs(bench: ModuleType) -> None:
    event = bench.GoldEvent
    a1, a2, a3 = (event(f"r{i}", "A", "ASSAULT", "2024-01-01") for i in range(3))
    b1, b2 = (event(f"s{i}", "B", "ASSAULT", "2024-01-01") for i in range(2))
    lone = event("t", "C", "ASSAULT", "2024-01-01")
    # predicted: {a1, a2, b1} together, a3 missed, {b2} alone, lone alone
    predicted = {a1: {"k1"}, a2: {"k1", "k9"}, a3: set(), b1: {"k1"}, b2: {"k2"}, lone: {"k3"}}
    scores = bench.pairwise([a1, a2, a3, b1, b2, lone], predicted)
    assert (scores.true_pairs, scores.predicted_pairs, scores.correct_pairs) == (4, 3, 1)  # true: a×3, b×1
    assert (round(scores.precision, 3), scores.recall, round(scores.f1, 3)) == (0.333, 0.25, 0.286)
    assert (scores.matched, scores.unmatched) == (5, [a3]) and len(scores.split) == 3 and len(scores.merged) == 2


def test_cluster_quality_on_the_dev_set(bench: ModuleType, store_target: str, pipeline: Pipeline) -> None:
    scores = bench.evaluate(store_target, pipeline)
    summary = f"P {scores.precision:.3f} R {scores.recall:.3f} F1 {scores.f1:.3f}, found {scores.matched}/{scores.gold_events}"
    assert scores.matched >= FLOOR_FOUND * scores.gold_events, summary
    assert scores.precision >= FLOOR_PRECISION, summary
    assert scores.recall >= FLOOR_RECALL, summary
    assert scores.f1 >= FLOOR_F1, summary
