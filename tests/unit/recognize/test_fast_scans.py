"""The faster scans of the recognizers find exactly what the plain patterns find."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from rasad.model import Article
from rasad.normalize import Normalizer, fold
from rasad.recognize.dates import default_date_recognizer
from rasad.recognize.lookup import word_start
from rasad.recognize.names import _sentence_starts
from rasad.recognize.numbers import GatedPattern, gated, matching_key
from rasad.recognize.places import PlaceNameRecognizer
from rasad.recognize.quoted import QuotedNames

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


def _plain_word_start(branches: list[tuple[str, str]]) -> str:
    return r"(?<![\w])(?:" + "|".join(re.escape(word) + after for word, after in branches) + ")"


@pytest.mark.parametrize(
    "branches",
    [
        [("در صورتی که", ""), ("در صورت", ""), ("هر گونه", ""), ("اگر", ""), ("هرگونه", "")],  # longest first
        [("به گزارش", ""), ("به نقل از", ""), ("بنا بر گزارش", ""), ("بنابر گزارش", ""), ("طبق گزارش", "")],
        [("ab", ""), ("a", ""), ("abc", ""), ("b", r"\s*$")],  # a one-letter word, in no length order
        [("یک", r" (?:منبع|مقام)(?: (?:امنیتی|محلی))*(?![\w])"), ("منبع", r"(?: (?:امنیتی|محلی))*(?![\w])")],
    ],
)
def test_word_start_is_the_look_behind_alternation(branches: list[tuple[str, str]]) -> None:
    fast, plain = re.compile(word_start(branches) + r"(?![\w])"), re.compile(_plain_word_start(branches) + r"(?![\w])")
    pieces = [w for w, _ in branches] + ["منبع", "مقام", "امنیتی", "محلی", "x", "ی", "۱", "c", ""]
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n", "،"]) for _ in range(rng.randint(0, 6)))
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        found, expected = fast.search(text, start, end), plain.search(text, start, end)
        assert (found and found.span()) == (expected and expected.span())


def test_quoted_names_gate_is_the_look_behind_pattern(keys: list[str]) -> None:
    quoted = QuotedNames.load()
    gate, source = gated("", quoted.pattern.first_words, digits=False), quoted.pattern.pattern.pattern
    assert source.startswith(gate)
    plain = re.compile(r"(?<!\w)" + source[len(gate) :])  # the body, as a plain look-behind pattern
    rng = random.Random(5)
    heads, fillers = list(quoted.kinds), ["موسوم به", "تازه تاسیس", "مسلح", "x", "ی"]
    glued = [
        rng.choice(["", "x", "و ", "گروهی "])
        + rng.choice(heads)
        + "".join(" " + rng.choice(fillers) for _ in range(rng.randint(0, 4)))
        + rng.choice(["", " "])
        + rng.choice(["«", '"', "“", ""])
        + rng.choice(["اتحاد مجاهدین", "ایران ایر", "x", ""])
        + rng.choice(["»", '"', "”", ""])
        + rng.choice(["", " و «ماهان»", "، «ساها»"])
        for _ in range(3000)
    ]
    for text in [fold(k) for k in keys] + glued:
        assert [(m.span(), m.groupdict()) for m in quoted.pattern.finditer(text)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text)
        ]


def test_sentence_starts_are_the_look_back_s() -> None:
    def starts_sentence(text: str, start: int) -> bool:
        before = text[:start].rstrip(" \u200c")
        return not before or before[-1] in '.!?؟:؛\n«"'

    rng = random.Random(3)
    alphabet = [*'.!?؟:؛\n«" \u200cابج،', "  "]
    for text in ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20))) for _ in range(3000)]:
        starts = _sentence_starts(text)
        for position in range(len(text) + 1):
            if position == len(text) or text[position] not in " \u200c":
                assert (position in starts) == starts_sentence(text, position)
