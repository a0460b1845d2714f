"""The faster scans of the recognizers find exactly what the plain patterns find."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.model import Article
from rasad.normalize import Normalizer, fold
from rasad.recognize.dates import default_date_recognizer
from rasad.recognize.numbers import GatedPattern, matching_key
from rasad.recognize.places import PlaceNameRecognizer

GOLD = Path(__file__).resolve().parents[2] / "gold"


@pytest.fixture(scope="module")
def keys() -> list[str]:
    normalize = Normalizer()
    texts = [normalize(Article(p.stem, p.read_text(encoding="utf-8"))).text for p in sorted(GOLD.glob("*.txt"))]
    extra = ["۲ اردیبهشت ۱۴۰۳", "دیروز", "سه‌شنبه ۵ قوس", "", "۱۴۰۳/۰۲/۰۳ و ۲۰۲۴-۰۴-۲۱", "اوایل فوریه ۲۰۲۴"]
    return [matching_key(t) for t in texts + extra]


def test_date_patterns_from_one_scan_match_their_own_finditer(keys: list[str]) -> None:
    recognizer = default_date_recognizer()
    for key in keys:
        expected = [[m.span() for m in p.pattern.finditer(key)] for p, _ in recognizer.patterns]
        assert [[m.span() for m in found] for found in recognizer._matches(key)] == expected


def test_gated_pattern_search_and_finditer_are_the_pattern_s(keys: list[str]) -> None:
    gated = GatedPattern(r"(?:[0-9]+|سه)(?:[ \u200c]+روز)?", ["سه"], digits=True)
    for key in keys[:10]:
        assert [m.span() for m in gated.finditer(key)] == [m.span() for m in gated.pattern.finditer(key)]
        for position in range(0, len(key) + 1, 11):
            found, expected = gated.search(key, position), gated.pattern.search(key, position)
            assert (found and found.span()) == (expected and expected.span())


def test_place_noun_starts_are_the_look_behind_pattern_s(keys: list[str]) -> None:
    recognizer = PlaceNameRecognizer.load()
    assert recognizer._noun_after is not None
    for key in keys:
        folded = fold(key)
        expected = [m.start() for m in recognizer._noun_starts.finditer(folded)]
        assert recognizer._noun_start_offsets(folded) == expected
