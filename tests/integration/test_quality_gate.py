"""The development gold set must not score below the committed baseline (eval/baseline.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.evaluate import Score, evaluate_gold, load_gold
from rasad.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dev_score(pipeline: Pipeline) -> Score:
    articles, problems = load_gold([ROOT / "tests" / "gold"])
    assert not problems
    return evaluate_gold(articles, pipeline)[0]


def test_development_set_meets_the_baseline(dev_score: Score) -> None:
    baseline = json.loads((ROOT / "eval" / "baseline.json").read_text(encoding="utf-8"))
    events = dev_score.events
    assert events.f1 >= baseline["event_f1"], f"event F1 {events.f1:.3f}"
    assert events.precision >= baseline["event_precision"], f"event precision {events.precision:.3f}"
    assert events.recall >= baseline["event_recall"], f"event recall {events.recall:.3f}"
    assert dev_score.mentions.value >= baseline["mention_recall"], f"mention recall {dev_score.mentions.value:.3f}"
    assert dev_score.arguments["actor1"].value >= baseline["actor1_accuracy"]
    assert dev_score.arguments["actor2"].value >= baseline["actor2_accuracy"]
    assert dev_score.arguments["fatalities"].value >= baseline["fatalities_accuracy"]
