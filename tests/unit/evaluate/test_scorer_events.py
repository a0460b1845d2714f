"""Event matching and counting on small crafted gold + predictions; every number computed by hand."""

from __future__ import annotations

from typing import Any

import pytest

from rasad.evaluate.scorer import Tally, match_events, score, score_article

BEIRUT = {"name": "Beirut", "country": "LBN", "lat": 33.89, "lon": 35.50, "radius_km": 30}
TEHRAN = {"name": "Tehran", "country": "IRN", "lat": 35.69, "lon": 51.39, "radius_km": 30}
LEBANON = {"name": "Lebanon (country level)", "country": "LBN", "geo_precision": 3}
ISRAEL = {"en": "Israel", "fa": ["اسرائیل", "رژیم صهیونیستی"], "country": "ISR"}
HEZBOLLAH = {"en": "Hezbollah", "fa": ["حزبالله", "حزب الله لبنان"], "country": "LBN"}


def gold_event(id_: str, type_: str = "ASSAULT", required: bool = True, **fields: Any) -> dict[str, Any]:
    return {
        "id": id_,
        "what": f"event {id_}",
        "required": required,
        "type": type_,
        "timing": "current",
        **fields,
    }


def pred_event(type_: str = "ASSAULT", **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "type": type_,
        "acled": None,
        "actor1": None,
        "actor2": None,
        "location": None,
        "date": None,
        "fatalities": None,
        "injured": None,
        "timing": "current",
        "evidence": [],
    }
    return {**base, **fields}


def day(value: str) -> dict[str, str]:
    return {"value": value, "precision": "day", "text": "..."}


def point(lat: float, lon: float, country: str = "LBN", precision: int = 1) -> dict[str, Any]:
    return {
        "name": "somewhere",
        "text": "...",
        "country": country,
        "lat": lat,
        "lon": lon,
        "geo_precision": precision,
    }


def gold_article(*events: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": "rasad.gold/1",
        "article": {"file": "a.txt", "outlet": None, "published": "2024-04-22"},
        "events": list(events),
        "entities": [],
    }


def document(*events: dict[str, Any], text: str = "متن خبر") -> dict[str, Any]:
    return {"schema": "rasad.document/1", "text": text, "mentions": [], "events": list(events)}


# A mixed article: G1 and G2 found, G3 (optional) found, G4 missed; P3 and P4 are false alarms.
MIXED_GOLD = gold_article(
    gold_event(
        "G1",
        date={"value": "2024-04-21", "tolerance_days": 1},
        location_any=[BEIRUT],
        actor1_any=[ISRAEL],
        actor2_any=[None, HEZBOLLAH],
        fatalities=3,
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type=["Air/drone strike"],
    ),
    gold_event(
        "G2",
        date={"value": "2024-04-10", "tolerance_days": 0},
        location_any=[LEBANON],
        fatalities=2,
        timing="background",
    ),
    gold_event("G3", "THREATEN", required=False, actor1_any=[HEZBOLLAH]),
    gold_event("G4", "PROTEST", date={"value": "2024-04-20", "tolerance_days": 0}, location_any=[TEHRAN]),
)
MIXED_PRED = document(
    pred_event(
        date=day("2024-04-22"),
        location=point(33.85, 35.52),
        actor1={"text": "رژیم صهیونیستی", "name": None},
        actor2={"text": "حزب‌الله لبنان", "name": None},
        fatalities=3,
        injured=1,
        acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
    ),
    pred_event(date=day("2024-04-10")),
    pred_event("THREATEN", date=day("2024-04-22"), actor1={"text": "...", "name": "HEZBOLLAH"}),
    pred_event(date=day("2024-04-21"), location=point(33.89, 35.50)),
    pred_event(
        "PROTEST", date=day("2024-04-20"), location=point(32.65, 51.67, "IRN")
    ),  # Isfahan, 340 km from Tehran
)


def test_score_mixed_article_counts_and_f1() -> None:
    result = score([("a", MIXED_GOLD, MIXED_PRED)])
    events = result.events
    assert (
        events.predicted,
        events.predicted_matched,
        events.required,
        events.required_matched,
        events.optional_matched,
    ) == (5, 3, 3, 2, 1)
    assert events.precision == pytest.approx(3 / 5)
    assert events.recall == pytest.approx(2 / 3)
    assert events.f1 == pytest.approx(12 / 19)


def test_score_mixed_article_per_type() -> None:
    per_type = score([("a", MIXED_GOLD, MIXED_PRED)]).per_type
    assert per_type["ASSAULT"] == Tally(predicted=3, predicted_matched=2, required=2, required_matched=2)
    assert per_type["THREATEN"] == Tally(
        predicted=1, predicted_matched=1, required=0, required_matched=0, optional_matched=1
    )
    assert per_type["PROTEST"] == Tally(predicted=1, predicted_matched=0, required=1, required_matched=0)
    assert (per_type["ASSAULT"].precision, per_type["ASSAULT"].recall) == (pytest.approx(2 / 3), 1.0)
    assert (per_type["THREATEN"].precision, per_type["THREATEN"].recall, per_type["THREATEN"].f1) == (
        1.0,
        0.0,
        0.0,
    )
    assert set(per_type) == {"ASSAULT", "THREATEN", "PROTEST"}


def test_score_mixed_article_argument_accuracy() -> None:
    arguments = score([("a", MIXED_GOLD, MIXED_PRED)]).arguments
    got = {name: (r.right, r.total) for name, r in arguments.items()}
    assert got == {
        "actor1": (2, 2),  # G1 by folded text, G3 by English name; G2 has no actor list
        "actor2": (1, 1),  # only G1 has a list
        "location": (2, 2),  # G1 point, G2 country level for a prediction without place; G3 none
        "date": (2, 2),  # G1 one day off with tolerance 1, G2 exact; G3 has no date
        "fatalities": (2, 3),  # G2: gold 2, predicted null
        "injured": (2, 3),  # G1: gold missing, predicted 1
        "timing": (2, 3),  # G2 is background
        "acled_sub_event_type": (3, 3),  # G1 in list; G2 and G3 without ACLED, predicted null
    }


def test_score_mixed_article_misses_and_false_alarms() -> None:
    article = score_article("a", MIXED_GOLD, MIXED_PRED)
    assert [(m.gold_id, m.pred_index) for m in article.matches] == [("G1", 0), ("G2", 1), ("G3", 2)]
    assert [m["id"] for m in article.misses] == ["G4"]
    assert [(f["index"], f["type"], f["date"]) for f in article.false_alarms] == [
        (3, "ASSAULT", "2024-04-21"),
        (4, "PROTEST", "2024-04-20"),
    ]


def test_match_is_one_to_one() -> None:
    gold = [gold_event("G1", location_any=[BEIRUT]), gold_event("G2", location_any=[BEIRUT])]
    preds = [pred_event(location=point(33.89, 35.5)) for _ in range(3)]
    assert match_events(gold, preds) == [(0, 0), (1, 1)]
    events = score([("a", gold_article(*gold), document(*preds))]).events
    assert (events.precision, events.recall) == (pytest.approx(2 / 3), 1.0)
    assert score([("a", gold_article(gold[0]), document(*preds[:2]))]).events.precision == 0.5


def test_match_pairs_each_prediction_with_its_best_gold() -> None:
    gold = [gold_event("G1", actor1_any=[ISRAEL]), gold_event("G2", actor1_any=[HEZBOLLAH])]
    preds = [
        pred_event(actor1={"text": "حزب الله", "name": None}),
        pred_event(actor1={"text": "اسرائیل", "name": None}),
    ]
    assert match_events(gold, preds) == [(0, 1), (1, 0)]
    arguments = score([("a", gold_article(*gold), document(*preds))]).arguments
    assert (arguments["actor1"].right, arguments["actor1"].total) == (2, 2)


def test_equal_fit_goes_to_required_gold_before_optional() -> None:
    gold = [gold_event("G1", required=False), gold_event("G2")]
    article = score_article("a", gold_article(*gold), document(pred_event()))
    assert [m.gold_id for m in article.matches] == ["G2"]
    assert (article.events.precision, article.events.recall) == (1.0, 1.0)


def test_optional_gold_missed_costs_nothing_and_found_is_no_false_alarm() -> None:
    gold = gold_article(gold_event("G1"), gold_event("G2", "THREATEN", required=False))
    missed = score([("a", gold, document(pred_event()))]).events
    assert (missed.precision, missed.recall, missed.f1) == (1.0, 1.0, 1.0)
    found = score([("a", gold, document(pred_event(), pred_event("THREATEN")))]).events
    assert (found.predicted, found.predicted_matched, found.required_matched, found.optional_matched) == (
        2,
        2,
        1,
        1,
    )
    assert (found.precision, found.recall) == (1.0, 1.0)


def test_no_event_article_makes_every_prediction_a_false_alarm() -> None:
    events = score([("a", gold_article(), document(pred_event(), pred_event("PROTEST")))]).events
    assert (events.predicted, events.predicted_matched, events.required) == (2, 0, 0)
    assert (events.precision, events.recall, events.f1) == (0.0, 0.0, 0.0)


def test_type_must_be_equal() -> None:
    assert match_events([gold_event("G1", "ASSAULT")], [pred_event("COERCE")]) == []


@pytest.mark.parametrize(
    ("predicted", "matched"),
    [("2024-04-18", True), ("2024-04-22", True), ("2024-04-17", False), ("2024-04-23", False), (None, True)],
)
def test_date_tolerance(predicted: str | None, matched: bool) -> None:
    gold = [gold_event("G1", date={"value": "2024-04-20", "tolerance_days": 2})]
    pred = pred_event(date=day(predicted) if predicted else None)
    assert (match_events(gold, [pred]) == [(0, 0)]) is matched


def test_date_argument_of_undated_prediction_is_wrong_and_undated_gold_is_not_scored() -> None:
    dated = gold_article(gold_event("G1", date={"value": "2024-04-20", "tolerance_days": 0}))
    assert score([("a", dated, document(pred_event()))]).arguments["date"].to_dict() == {
        "right": 0,
        "total": 1,
        "accuracy": 0.0,
    }
    undated = gold_article(gold_event("G1"))
    result = score([("a", undated, document(pred_event(date=day("2020-01-01"))))])
    assert result.events.recall == 1.0
    assert result.arguments["date"].total == 0


def test_scores_add_up_over_articles() -> None:
    result = score(
        [
            ("a", gold_article(gold_event("G1")), document(pred_event())),
            (
                "b",
                gold_article(gold_event("G1"), gold_event("G2", "PROTEST")),
                document(pred_event("COERCE")),
            ),
        ]
    )
    events = result.events
    assert (events.predicted, events.predicted_matched, events.required, events.required_matched) == (
        2,
        1,
        3,
        1,
    )
    assert events.f1 == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))
    assert [a.id for a in result.articles] == ["a", "b"]
    report = result.to_dict()
    assert report["events"]["recall"] == 0.3333
    assert [a["id"] for a in report["articles"]] == ["a", "b"]
    assert [m["id"] for m in report["articles"][1]["misses"]] == ["G1", "G2"]
