"""evaluate_gold: the pipeline runs on each gold article with its metadata, and its documents are scored."""

from __future__ import annotations

from typing import Any

from rasad.evaluate import evaluate_gold
from rasad.evaluate.gold import GoldArticle
from rasad.model import Doc, Event, Mention, Span
from rasad.pipeline import Pipeline

TEXT = "پهپادهای اسرائیل روز دوشنبه خودرویی را در صور هدف قرار دادند."
GOLD: dict[str, Any] = {
    "format": "rasad.gold/1",
    "article": {"file": "a.txt", "outlet": "ایرنا", "published": "2024-04-23"},
    "events": [
        {
            "id": "E1",
            "what": "Israeli drone strike on a car in Tyre on Monday",
            "required": True,
            "type": "ASSAULT",
            "acled_event_type": "Explosions/Remote violence",
            "acled_sub_event_type": ["Air/drone strike"],
            "timing": "current",
            "date": {"value": "2024-04-22", "tolerance_days": 0},
            "actor1_any": [{"en": "Israel Defense Forces", "fa": ["اسرائیل"], "country": "ISR"}],
            "actor2_any": [None],
            "location_any": [{"name": "Tyre", "country": "LBN", "lat": 33.27, "lon": 35.2, "radius_km": 25}],
        },
        {"id": "E2", "what": "A second strike", "required": True, "type": "ASSAULT", "timing": "current"},
    ],
    "entities": [{"kind": "LOC", "text": "صور"}, {"kind": "ORG", "text": "اسرائیل"}],
}


def tagger(doc: Doc) -> Doc:
    """One event coded as a resolver would; its date depends on the published date the pipeline was given."""
    trigger = doc.text.index("هدف")
    doc.events.append(
        Event(
            type="ASSAULT",
            mode="drone",
            acled=("Explosions/Remote violence", "Air/drone strike"),
            trigger=Mention("TRIGGER", trigger, trigger + 3),
            timing="current",
            evidence=[Span(0, len(doc.text))],
            coded={
                "actor1": {
                    "id": "idf",
                    "name": None,
                    "text": "اسرائیل",
                    "country": "ISR",
                    "kind": "military",
                },
                "location": {
                    "name": "Tyre",
                    "text": "صور",
                    "country": "LBN",
                    "lat": 33.27,
                    "lon": 35.21,
                    "geo_precision": 1,
                },
                "date": {
                    "value": "2024-04-22" if doc.article.published == "2024-04-23" else None,
                    "precision": "day",
                },
            },
        )
    )
    return doc


def test_evaluate_gold_scores_the_pipeline_documents() -> None:
    article = GoldArticle(id="a", path="a.gold.json", text_path="a.txt", text=TEXT, gold=GOLD)
    result, documents = evaluate_gold([article], Pipeline(stages=[("tagger", tagger)]))
    assert documents[0]["article"] == {
        "id": "a",
        "outlet": "ایرنا",
        "published": "2024-04-23",
        "url": None,
        "title": None,
    }
    events = result.events
    assert (events.predicted, events.predicted_matched, events.required, events.required_matched) == (
        1,
        1,
        2,
        1,
    )
    assert (events.precision, events.recall) == (1.0, 0.5)
    assert {k: (r.right, r.total) for k, r in result.arguments.items()} == {
        "actor1": (1, 1),
        "actor2": (1, 1),
        "location": (1, 1),
        "date": (1, 1),
        "fatalities": (1, 1),
        "injured": (1, 1),
        "timing": (1, 1),
        "acled_sub_event_type": (1, 1),
    }
    assert (result.mentions.right, result.mentions.total) == (0, 2)
    assert [m["id"] for m in result.articles[0].misses] == ["E2"]


def test_failed_article_scores_as_empty_with_its_problem() -> None:
    def broken(doc: Doc) -> Doc:
        raise ValueError("bad")

    article = GoldArticle(id="a", path="a.gold.json", text_path="a.txt", text=TEXT, gold=GOLD)
    result, documents = evaluate_gold([article], Pipeline(stages=[("broken", broken)]))
    assert documents[0]["events"] == [] and documents[0]["problems"][0]["code"] == "E130"
    assert (result.events.predicted, result.events.required, result.events.recall) == (0, 2, 0.0)
