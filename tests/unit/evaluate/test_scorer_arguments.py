"""Actors, places and mentions: the per-argument rules of the scorer."""

from __future__ import annotations

from typing import Any

import pytest

from rasad.evaluate.arguments import (
    actor_fits,
    actor_right,
    haversine_km,
    location_distance,
    location_right,
)
from rasad.evaluate.mentions import entity_occurrences
from rasad.evaluate.scorer import score

KATAIB = {"en": "Kata'ib Hezbollah", "fa": ["گردانهای حزبالله عراق", "کتائب حزبالله"], "country": "IRQ"}
US = {"en": "Military Forces of the United States", "fa": ["نیروهای آمریکایی", "آمریکا"], "country": "USA"}
KHARAB = {"name": "Kharab al-Jir", "country": "SYR", "lat": 36.95, "lon": 41.95, "radius_km": 40}
SYRIA = {"name": "Syria", "country": "SYR", "geo_precision": 3}


def actor(text: str = "", name: str | None = None) -> dict[str, Any]:
    return {"id": None, "name": name, "text": text, "country": None, "kind": None}


@pytest.mark.parametrize(
    ("text", "name", "right"),
    [
        ("گردان‌های حزب‌الله", None, True),  # ZWNJ and spaces ignored, prediction inside a gold form
        ("گردانهای حزبالله عراق در بیانیه", None, True),  # gold form inside the prediction
        ("كتائب حزب الله", None, True),  # Arabic kaf folded
        ("حزب‌الله لبنان", None, False),
        ("", "kata'ib hezbollah", True),  # English name, case-insensitive
        ("", "Hezbollah", False),
        ("", None, False),  # nothing to compare
    ],
)
def test_actor_folding(text: str, name: str | None, right: bool) -> None:
    assert actor_fits(KATAIB, actor(text, name)) is right


def test_detail_after_colon_is_optional() -> None:
    bilopillia = {"en": "Civilians (Ukraine): Bilopillia", "fa": ["ساکنان بیلوپیلیا"], "country": "UKR"}
    assert actor_fits(bilopillia, actor("دو نفر", "Civilians (Ukraine)")) is True
    assert actor_fits(bilopillia, actor("دو نفر", "Civilians (Russia)")) is False
    assert actor_fits(bilopillia, actor("دو نفر", "Civilians")) is False


def test_a_gloss_in_brackets_is_optional_but_not_a_country_acled_names() -> None:
    faraja = {"en": "Police Forces of Iran (FARAJA)", "fa": ["فراجا"], "country": "IRN"}
    assert actor_fits(faraja, actor("پلیس", "Police Forces of Iran")) is True
    assert actor_fits(faraja, actor("پلیس", "Police Forces of Iraq")) is False
    civilians = {"en": "Civilians (Iran)", "fa": ["کولبران"], "country": "IRN"}
    assert actor_fits(civilians, actor("دو نفر", "Civilians")) is False
    assert actor_fits(civilians, actor("دو نفر", "Civilians (Iran)")) is True


def test_null_actor_rules() -> None:
    assert actor_right([None, KATAIB], None) is True
    assert actor_right([KATAIB], None) is False
    assert actor_right([None], actor("آمریکا")) is False
    assert actor_right([KATAIB, US], actor("نیروهای آمریکایی")) is True
    assert actor_right(None, actor("هر چیزی")) is None  # gold gives no list: not scored


def test_haversine_one_degree_of_equator() -> None:
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.195, abs=0.01)
    assert haversine_km(33.8938, 35.5018, 33.5138, 36.2765) == pytest.approx(83.0, abs=1.5)  # Beirut–Damascus


def location(
    lat: float | None, lon: float | None, country: str | None = "SYR", precision: int | None = 1
) -> dict[str, Any]:
    return {"name": "x", "text": "x", "country": country, "lat": lat, "lon": lon, "geo_precision": precision}


@pytest.mark.parametrize(
    ("options", "predicted", "right"),
    [
        ([KHARAB], location(36.95, 42.30), True),  # 31 km east
        ([KHARAB], location(36.95, 42.50), False),  # 49 km east
        ([KHARAB], location(36.75, 41.70, precision=3), True),  # a region answer whose point is 31 km away
        ([KHARAB], location(36.6, 41.0, precision=3), False),  # 93 km away
        ([KHARAB], location(None, None, precision=3), False),  # no coordinates cannot fit a point
        ([KHARAB], None, False),
        ([KHARAB, SYRIA], None, True),  # no place at all: the country-level option accepts it
        ([SYRIA], location(35.0, 38.5, precision=3), True),
        ([SYRIA], location(None, None, precision=None), True),  # no coordinates: claims no finer place
        ([SYRIA], location(35.0, 38.5, country="IRQ", precision=3), False),
        ([SYRIA], location(36.95, 41.95, precision=1), False),  # finer than the country-level option accepts
        ([KHARAB, SYRIA], location(36.95, 41.95, precision=2), True),
    ],
)
def test_location_rules(options: list[dict[str, Any]], predicted: dict[str, Any] | None, right: bool) -> None:
    gold = {"location_any": options}
    assert location_right(gold, {"location": predicted}) is right
    assert (location_distance(gold, {"location": predicted}) is not None) is right


def test_gold_without_places_accepts_any_place_and_is_not_scored() -> None:
    assert location_distance({}, {"location": None}) == 0.0
    assert location_distance({"location_any": None}, {"location": location(1.0, 1.0)}) == 0.0
    assert location_right({}, {"location": location(1.0, 1.0)}) is None


def test_entity_occurrences_fold_and_prefer_whole_words() -> None:
    text = "گردان‌های حزب‌الله گردن‌بند اردن را"
    assert entity_occurrences("گردانهای حزبالله", text) == [(0, 18)]
    start = text.index("اردن")
    assert entity_occurrences("اردن", text) == [(start, start + 4)]
    necklace = text.index("گردن")
    assert entity_occurrences("ردن", text) == [
        (necklace + 1, necklace + 4),
        (start + 1, start + 4),
    ]  # no whole word: any
    assert entity_occurrences("سوریه", text) == []


def test_gold_text_is_found_with_its_letters_made_canonical_as_the_article_was() -> None:
    # the article was normalized («هەنگاو» → «هه‌نگاو», a tatweel dropped); the gold copies the raw text
    text = "سازمان هه‌نگاو گفت جنبش آزادی‌بخش سودان  شمال حمله کرد."
    assert entity_occurrences("هەنگاو", text) == [(7, 14)]
    start = text.index("جنبش")
    assert entity_occurrences("جنبش آزادی‌بخش سودان ـ شمال", text) == [(start, text.index(" حمله"))]


def test_mention_recall_by_kind() -> None:
    text = "گردان‌های حزب‌الله عراق به پایگاه آمریکا در سوریه حمله کرد"
    hezb = text.index("حزب")
    syria = text.index("سوریه")
    gold = {
        "events": [],
        "entities": [
            {"kind": "ORG", "text": "گردانهای حزبالله عراق"},
            {"kind": "LOC", "text": "سوریه"},
            {"kind": "PER", "text": "ابو فدک"},
            {"kind": "OUTLET", "text": "آمریکا"},
        ],
    }
    doc = {
        "text": text,
        "events": [],
        "mentions": [
            {"kind": "ACTOR", "start": hezb, "end": hezb + 8},  # overlaps the ORG: found
            {"kind": "ACTOR", "start": syria, "end": syria + 5},  # LOC needs PLACE: not found
            {
                "kind": "SOURCE",
                "start": text.index("آمریکا"),
                "end": text.index("آمریکا") + 6,
            },  # OUTLET accepts SOURCE
        ],
    }
    result = score([("a", gold, doc)])
    assert (result.mentions.right, result.mentions.total) == (2, 4)
    assert {k: (r.right, r.total) for k, r in result.mentions_per_kind.items()} == {
        "ORG": (1, 1),
        "LOC": (0, 1),
        "PER": (0, 1),
        "OUTLET": (1, 1),
    }
    article = result.to_dict()["articles"][0]
    assert [e["text"] for e in article["entities_unlocated"]] == ["ابو فدک"]
    assert [e["text"] for e in article["entities_missed"]] == ["سوریه", "ابو فدک"]
