"""The faster scans of extraction find exactly what their plain look-behind patterns find."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from rasad.extract import Extractor
from rasad.extract.coreference import _DETERMINED, _GROUP, _OWN, _group_matches, _own_matches
from rasad.extract.triggers import _SUFFIX
from rasad.model import Article
from rasad.normalize import fold
from rasad.pipeline import Pipeline

GOLD = Path(__file__).resolve().parents[2] / "gold"


@pytest.fixture(scope="module")
def extractor(pipeline: Pipeline) -> Extractor:
    stage = dict(pipeline.stages)["extract"]
    assert isinstance(stage, Extractor)
    return stage


@pytest.fixture(scope="module")
def texts(pipeline: Pipeline, extractor: Extractor) -> list[str]:
    """The gold articles, normalized, and texts glued from trigger forms, endings, ZWNJs and cue words."""
    normalized = [pipeline.normalizer(Article(p.stem, p.read_text(encoding="utf-8"))).text for p in sorted(GOLD.glob("*.txt"))]
    words = [*extractor.finder._by_form, "ها", " ها", "ای", "ی", "ات", "های", "این", "همین", "گروه", "کشور", "نیروهای", "x", "۱"]
    words += ["ان", "جنبش", "حزب", "شبه نظامیان", "نیروها", "تروریست های", "نیروهایش", "رزمندگان", "چریک ها", "ش", " خود"]
    rng = random.Random(7)
    glued = [
        "".join(rng.choice(words) + rng.choice(["", " ", " ", "\u200c", "\n", "،", "  "]) for _ in range(rng.randint(1, 6)))
        for _ in range(3000)
    ]
    return normalized + glued


def test_triggers_are_the_look_behind_alternation_s(extractor: Extractor, texts: list[str]) -> None:
    finder = extractor.finder
    forms = sorted(finder._by_form, key=len, reverse=True)
    plain = re.compile(rf"(?<![\w])(?P<form>{'|'.join(re.escape(f) for f in forms)})(?P<suffix>{_SUFFIX})(?![\w])")
    for text in texts:
        folded = fold(text)
        expected = [
            (m.start(), m.end(), finder._by_form[m["form"]].id)
            for m in plain.finditer(folded)
            # «تجمع‌کنندگان», «ضد‌حمله»: a ZWNJ joins the match to a longer word
            if not (m.end() < len(text) and text[m.end()] == "\u200c" or m.start() > 0 and text[m.start() - 1] == "\u200c")
        ]
        # forms with a gap («کنترل … را به دست گرفتند») are found by their own patterns, over the plain ones
        gapped = [(h.start, h.end) for h in finder._gapped_hits(folded)]
        expected = [hit for hit in expected if not any(a < hit[1] and hit[0] < b for a, b in gapped)]
        found = [(h.start, h.end, h.trigger.id) for h in finder.find(text, folded) if (h.start, h.end) not in gapped]
        assert found == expected


def test_anaphor_patterns_are_the_look_behind_pattern_s(texts: list[str]) -> None:
    group = re.compile(
        r"(?<![\w])(?:(?:نیروهای|شبه نظامیان|اعضای|رزمندگان|جنگجویان|مبارزان|عناصر|افراد|تروریست های|فرماندهان)\s+)?"
        r"(?:این|همین|آن)\s+(?:گروه|گروهک|جنبش|حزب|شبه نظامیان|نیروها)(?:ها)?(?![\w])"
    )
    state = re.compile(r"(?<![\w])(?:این|همین|آن)\s+(?P<noun>کشور|رژیم)(?![\w])")
    town = re.compile(r"(?<![\w])(?:این|همین|آن)\s+(?:شهر|شهرک|روستا|روستای)(?![\w])")
    for text in map(fold, texts):
        assert [m.span() for m in _GROUP.finditer(text)] == [m.span() for m in group.finditer(text)]
        # matched only where a match can start, they find what the whole scan finds
        assert [m.span() for m in _group_matches(text)] == [m.span() for m in group.finditer(text)]
        assert [m.span() for m in _own_matches(text)] == [m.span() for m in _OWN.finditer(text)]
        # one scan finds both the states and the towns, each as its own pattern would
        determined = list(_DETERMINED.finditer(text))
        assert [(m.span(), m["noun"]) for m in determined if m["noun"]] == [(m.span(), m["noun"]) for m in state.finditer(text)]
        assert [m.span() for m in determined if m["town"]] == [m.span() for m in town.finditer(text)]


def test_a_list_whose_pattern_matches_is_told_present(extractor: Extractor, texts: list[str]) -> None:
    cues = extractor.cues
    seldom = (
        "sports", "market", "pests", "habitual", "two_sides", "cumulative", "nobody_killed", "killed", "injured",
        "reference_before", "response_before", "agent_before", "host_before", "mediator_before", "possessive_before",
        "reason_before", "attribution_before", "negation_before", "intended_before", "generic_before", "clause_opener",
        "reporting",
    )  # fmt: skip
    patterns = {name: getattr(cues, name) for name in seldom}
    patterns |= {f"status.{name}": pattern for name, pattern in cues.status.items()}
    for text in map(fold, texts):
        for start in range(0, len(text), 97):
            end = min(len(text), start + 300)
            present = cues.words.present(text, start, end)
            for name, pattern in patterns.items():
                found = pattern.search(text, start, end) or pattern.search(text[start:end])
                assert found is None or name in present, (name, text[start:end])
