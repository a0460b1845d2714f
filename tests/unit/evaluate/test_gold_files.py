"""The gold set: every file validates, its text is found, predicting the gold itself scores 1.0, and it covers the guide."""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from rasad.evaluate.gold import GoldArticle, GoldError, gold_files, load_gold, load_gold_file, validate_gold
from rasad.evaluate.mentions import entity_occurrences
from rasad.evaluate.scorer import score

REPO = Path(__file__).resolve().parents[3]
GOLD_DIR = REPO / "tests" / "gold"
SEED_DIR = REPO / ".." / "shared" / "seed"
SEED_GOLD = SEED_DIR / "000_6a86224643d0b2e4.gold.json"
GOLD_PATHS = gold_files(GOLD_DIR) if GOLD_DIR.is_dir() else []
MIN_ARTICLES = 60
MIN_NO_EVENT = 8
# docs/coding-guide.md categories the development set must cover (alternatives in one tuple).
CATEGORIES: list[tuple[str, ...]] = [
    ("air-strike",),
    ("shelling",),
    ("ied",),
    ("suicide-bombing",),
    ("armed-clash",),
    ("assassination",),
    ("abduction",),
    ("mass-arrest",),
    ("peaceful-protest",),
    ("protest-with-force",),
    ("riot",),
    ("territory-capture",),
    ("territory-handover",),
    ("ceasefire",),
    ("prisoner-release", "prisoner-exchange"),
    ("threat",),
    ("sanctions",),
    ("troop-deployment",),
    ("accusation", "condemnation"),
    ("claim",),
    ("denial",),
    ("hypothetical", "future"),
    ("background",),
    ("multi-source",),
    ("casualty-words",),
]


def seed_gold_path() -> Path:
    if not SEED_GOLD.exists():
        pytest.skip("shared seed gold is absent")
    return SEED_GOLD


@pytest.mark.parametrize("path", GOLD_PATHS, ids=[p.name for p in GOLD_PATHS])
def test_gold_file_validates_and_has_its_text(path: Path) -> None:
    article = load_gold_file(path)
    assert article.gold["format"] == "rasad.gold/1"
    assert article.text.strip()


def test_gold_folder_has_files() -> None:
    if not GOLD_PATHS:
        pytest.skip("tests/gold has no gold files yet")
    articles, errors = load_gold([GOLD_DIR])
    assert [str(e) for e in errors] == []
    assert len(articles) == len(GOLD_PATHS)


def test_seed_gold_validates() -> None:
    article = load_gold_file(seed_gold_path())
    assert article.id == "000_6a86224643d0b2e4"
    assert article.published == "2024-04-22"
    assert [e["id"] for e in article.gold["events"]] == ["E1", "E2", "E3", "E4", "E5", "E6", "E7"]


def minimal_gold() -> dict[str, Any]:
    event = {
        "id": "E1",
        "what": "Drone strike on a car near Tyre",
        "required": True,
        "type": "ASSAULT",
        "timing": "current",
        "date": {"value": "2024-04-21", "tolerance_days": 1},
        "actor1_any": [None, {"en": "Israel", "fa": ["اسرائیل"], "country": "ISR"}],
        "location_any": [
            {"name": "Tyre", "country": "LBN", "lat": 33.27, "lon": 35.2, "radius_km": 25},
            {"name": "Lebanon", "country": "LBN", "geo_precision": 3},
        ],
        "fatalities": None,
    }
    return {
        "format": "rasad.gold/1",
        "article": {"file": "a.txt", "outlet": "ایرنا", "published": "2024-04-22", "tags": ["air-strike"]},
        "events": [event, {**copy.deepcopy(event), "id": "E2", "required": False}],
        "entities": [{"kind": "LOC", "text": "صور", "country": "LBN"}],
    }


def test_minimal_gold_is_valid_and_facts_are_free_form() -> None:
    data = minimal_gold()
    assert validate_gold(data) is data
    data["facts"] = [{"what": "anything", "numbers": [1, 2], "extra": {"k": "v"}}]
    assert validate_gold(data) is data


def test_invalid_gold_errors_name_the_file_and_the_place() -> None:
    data = minimal_gold()
    data["events"][0]["type"] = "ATTACK"
    data["events"][1]["date"] = {"value": "21/04/2024", "tolerance_days": 1}
    del data["events"][1]["location_any"][0]["radius_km"]
    data["events"][1]["id"] = "E1"
    data["entities"][0]["kind"] = "PERSON"
    with pytest.raises(GoldError) as caught:
        validate_gold(data, "x/001.gold.json")
    assert str(caught.value).startswith("x/001.gold.json: at $.entities[0].kind: 'PERSON' is not one of")
    assert caught.value.problems[1:] == [
        "at $.events[0].type: 'ATTACK' is not one of ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID',"
        " 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']",
        "at $.events[1].date.value: '21/04/2024' does not match"
        " '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'",
        "at $.events[1].location_any[0]: fits none of the allowed shapes: 'radius_km' is a required property;"
        " 'geo_precision' is a required property; Additional properties are not allowed ('lat', 'lon' were unexpected)",
    ]  # the duplicate id is reported once the schema passes


def test_duplicate_event_ids_are_an_error() -> None:
    data = minimal_gold()
    data["events"][1]["id"] = "E1"
    with pytest.raises(GoldError, match="^<gold>: duplicate event id 'E1'$"):
        validate_gold(data)


def test_load_gold_reports_bad_files_and_keeps_good_ones(tmp_path: Path) -> None:
    seed = seed_gold_path()
    (tmp_path / "000_seed.gold.json").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "000_6a86224643d0b2e4.txt").write_text("متن", encoding="utf-8")
    (tmp_path / "001_broken.gold.json").write_text("{", encoding="utf-8")
    (tmp_path / "002_notext.gold.json").write_text(
        seed.read_text(encoding="utf-8").replace("000_6a86224643d0b2e4.txt", "none.txt"), encoding="utf-8"
    )
    articles, errors = load_gold([tmp_path, tmp_path / "missing"], texts=tmp_path / "texts")
    assert [a.id for a in articles] == ["000_seed"]
    assert articles[0].text == "متن"
    assert [Path(e.path).name for e in errors] == ["001_broken.gold.json", "002_notext.gold.json", "missing"]
    assert "not JSON: Expecting property name enclosed in double quotes at line 1 column 2" in str(errors[0])
    assert "article text not found" in str(errors[1]) and "002_notext.txt" in str(errors[1])


def gold_articles() -> list[GoldArticle]:
    paths = [*GOLD_PATHS, *([SEED_GOLD] if SEED_GOLD.exists() else [])]
    if not paths:
        pytest.skip("no gold files")
    return [load_gold_file(p) for p in paths]


def predicted_place(option: dict[str, Any] | None) -> dict[str, Any] | None:
    if option is None:
        return None
    if "lat" not in option:
        return {
            "name": option["name"],
            "country": option["country"],
            "lat": None,
            "lon": None,
            "geo_precision": 3,
        }
    return {
        "name": option["name"],
        "country": option["country"],
        "lat": option["lat"],
        "lon": option["lon"],
        "geo_precision": 1,
    }


def predicted_actor(options: list[dict[str, Any] | None] | None) -> dict[str, Any] | None:
    first = (options or [None])[0]
    return None if first is None else {"name": first["en"], "text": (first["fa"] or [""])[0]}


def echo_event(gold: dict[str, Any]) -> dict[str, Any]:
    """A prediction saying exactly what the gold event says."""
    subs = gold.get("acled_sub_event_type")
    return {
        "type": gold["type"],
        "acled": {"event_type": gold.get("acled_event_type"), "sub_event_type": subs[0]} if subs else None,
        "actor1": predicted_actor(gold.get("actor1_any")),
        "actor2": predicted_actor(gold.get("actor2_any")),
        "location": predicted_place((gold.get("location_any") or [None])[0]),
        "date": {"value": gold["date"]["value"], "precision": "day"} if gold.get("date") else None,
        "fatalities": gold.get("fatalities"),
        "injured": gold.get("injured"),
        "timing": gold["timing"],
    }


def echo_document(article: GoldArticle) -> dict[str, Any]:
    kinds = {"PER": "PERSON", "ORG": "ACTOR", "OUTLET": "OUTLET", "LOC": "PLACE", "DATE": "DATE"}
    mentions = [
        {"kind": kinds[e["kind"]], "start": start, "end": end}
        for e in article.gold["entities"]
        for start, end in entity_occurrences(e["text"], article.text)[:1]
    ]
    return {
        "text": article.text,
        "mentions": mentions,
        "events": [echo_event(e) for e in article.gold["events"]],
    }


def test_gold_predicting_itself_scores_perfectly() -> None:
    articles = gold_articles()
    result = score((a.id, copy.deepcopy(a.gold), echo_document(a)) for a in articles)
    events = result.events
    assert events.required > 0
    assert (events.precision, events.recall, events.f1) == (1.0, 1.0, 1.0)
    assert {name: r.value for name, r in result.arguments.items() if r.total} == {
        name: 1.0 for name, r in result.arguments.items() if r.total
    }
    assert result.arguments["timing"].total == events.predicted
    unlocated = [(a.id, e.text) for a in result.articles for e in a.entities if not e.located]
    assert unlocated == []
    assert result.mentions.value == 1.0


def tag_counts(articles: list[GoldArticle]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for article in articles:
        tags = set(article.gold["article"].get("tags", []))
        for event in article.gold["events"]:
            tags.update(event.get("tags", []))
        counts.update(tags)
    return counts


@pytest.mark.skipif(
    len(GOLD_PATHS) < MIN_ARTICLES,
    reason=f"tests/gold has fewer than {MIN_ARTICLES} gold files (being written)",
)
def test_gold_set_covers_the_coding_guide() -> None:
    articles = [load_gold_file(p) for p in GOLD_PATHS]
    counts = tag_counts(articles)
    missing = [
        " or ".join(alternatives) for alternatives in CATEGORIES if not any(counts[t] for t in alternatives)
    ]
    assert missing == []
    no_event = [a.id for a in articles if not a.gold["events"]]
    assert len(no_event) >= MIN_NO_EVENT, f"only {len(no_event)} no-event articles"
    assert len(articles) >= MIN_ARTICLES
