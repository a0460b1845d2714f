"""The reference article (../shared/seed): its gold entities are found and events E1–E4 are coded right."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from rasad.export.document import to_document
from rasad.model import Article
from rasad.normalize import fold
from rasad.pipeline import Pipeline

SEED_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "seed"


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def seed(pipeline: Pipeline, seed_text: str) -> tuple[dict[str, Any], dict[str, Any]]:
    gold = json.loads((SEED_DIR / "000_6a86224643d0b2e4.gold.json").read_text(encoding="utf-8"))
    article = Article("seed", seed_text, published="2024-04-22", outlet="همشهری آنلاین")
    return to_document(pipeline(article)), gold


def test_seed_entities_found_with_kind(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    document, gold = seed
    kinds = {"PER": {"PERSON"}, "ORG": {"ACTOR", "OUTLET"}, "OUTLET": {"OUTLET", "ACTOR", "SOURCE"}, "LOC": {"PLACE"}}
    key = fold(document["text"]).replace(" ", "")
    for entity in gold["entities"]:
        wanted = fold(entity["text"]).replace(" ", "")
        assert wanted in key, entity["text"]
        found = [
            m for m in document["mentions"]
            if m["kind"] in kinds[entity["kind"]] and wanted in fold(m["text"]).replace(" ", "") or
            m["kind"] in kinds[entity["kind"]] and fold(m["text"]).replace(" ", "") in wanted and len(m["text"]) >= 3
        ]
        assert found, f"{entity['kind']} {entity['text']} not found"


def _events_of(document: dict[str, Any], date: str) -> list[dict[str, Any]]:
    return [e for e in document["events"] if e["type"] == "ASSAULT" and e["date"] and e["date"]["value"] == date]


def test_seed_e1_missile_attack_on_us_base(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    document, _ = seed
    candidates = [e for e in _events_of(document, "2024-04-21") if e["acled"]["sub_event_type"] == "Shelling/artillery/missile attack"]
    assert len(candidates) == 1
    event = candidates[0]
    assert event["timing"] == "current"
    assert event["quantity"]["value"] == 5
    location = event["location"]
    assert location["country"] == "SYR"
    near_base = _distance_km(location["lat"], location["lon"], 36.95, 41.95) <= 40
    near_omar = _distance_km(location["lat"], location["lon"], 35.0, 40.55) <= 40
    assert near_base or near_omar or location["geo_precision"] == 3
    origin = event["origin"]
    assert origin is not None and origin["country"] == "IRQ"
    assert _distance_km(origin["lat"], origin["lon"], 36.63, 42.5) <= 40
    assert event["actor2"] is not None and event["actor2"]["country"] == "USA"
    assert event["fatalities"] in (None, 0)
    assert {"Reuters", "Al Jazeera"} & {s["name"] for s in event["sources"]}


def test_seed_e2_launcher_strike_is_its_own_event(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    document, _ = seed
    strikes = [e for e in _events_of(document, "2024-04-21") if e["acled"]["sub_event_type"] == "Air/drone strike"]
    assert len(strikes) == 1
    assert strikes[0]["trigger"]["text"] == "منهدم"


def test_seed_e3_kalsu_explosion(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    document, _ = seed
    events = _events_of(document, "2024-04-20")
    assert len(events) == 1
    event = events[0]
    assert event["fatalities"] == 1
    assert event["location"]["country"] == "IRQ"
    assert event["actor2"] is not None and event["actor2"]["id"] == "popular-mobilization-forces"


def test_seed_e4_background_drone_attack(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    document, _ = seed
    events = _events_of(document, "2024-01-28")
    assert len(events) == 1
    event = events[0]
    assert event["timing"] == "background"
    assert event["fatalities"] == 3
    assert event["acled"]["sub_event_type"] == "Air/drone strike"
    assert event["location"]["country"] == "JOR"
    assert event["actor2"]["country"] == "USA"


def test_seed_no_invented_events(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    document, _ = seed
    assault = [e for e in document["events"] if e["type"] == "ASSAULT"]
    assert 4 <= len(assault) <= 5
    for event in document["events"]:
        evidence = " ".join(document["text"][s["start"] : s["end"]] for s in event["evidence"])
        assert "نظر شما" not in evidence
        assert event["quantity"] is None or event["quantity"]["value"] not in (2500, 900, 2014)
