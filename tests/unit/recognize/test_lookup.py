"""Shared look-up helpers: the words of a text, verb forms, whole-word search, and the fast key functions."""

from __future__ import annotations

import random
import re

import pytest

from rasad.knowledge.variants import _SKELETON, skeleton
from rasad.normalize.letters import _FOLD_TABLE, fold
from rasad.recognize import standalone
from rasad.recognize.lookup import PAST_ENDINGS, Words, key, verb_pattern

Z = "\u200c"


def random_texts(alphabet: str, count: int, longest: int, seed: int = 7) -> list[str]:
    """Texts of up to `longest` characters drawn from `alphabet` (a fixed seed: the same texts every run)."""
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_words_spans_and_keys() -> None:
    text = "نیروهای آمریکایی در ۲ پایگاه‌ها، «حزب‌الله»"
    words = Words.of(text)
    assert [text[s:e] for s, e in words.spans] == ["نیروهای", "آمریکایی", "در", "پایگاه‌ها", "حزب‌الله"]
    assert words.keys == [key(text[s:e]) for s, e in words.spans]
    assert words.keys[-1] == "حزبالله" and words.folded == fold(text)


def test_words_keys_drop_a_zwnj_inside_a_word() -> None:
    assert Words.of(f"گفت{Z}وگو").keys == ["گفتوگو"]


def test_verb_pattern_past_endings() -> None:
    verbs = {"past_stems": ["رفت"], "present_stems": ["رو"]}
    default = verb_pattern(verbs)
    assert "ی" in PAST_ENDINGS and default.fullmatch("رفتی") and default.fullmatch("نمیروند")
    plural = verb_pattern(verbs, ("ه", "های"))
    assert plural.fullmatch("رفتهای") and not plural.fullmatch("رفتی")


@pytest.mark.parametrize("length", [3, 40, 47, 48, 49, 300])
def test_fold_equals_one_translation(length: int) -> None:
    """`fold` replaces character by character on long texts and translates short ones: the same either way."""
    table = "".join(chr(c) for c in _FOLD_TABLE)
    for text in random_texts(table + "ابپ ةۀAbİΣσ\n", 300, length):
        expected = text.translate(_FOLD_TABLE).lower()
        if len(expected) != len(text):  # 'İ' lowers to two characters: folded one by one
            expected = "".join(c.translate(_FOLD_TABLE).lower()[:1] or c for c in text)
        assert fold(text) == expected


@pytest.mark.parametrize("length", [5, 11, 12, 13, 200])
def test_skeleton_equals_one_translation(length: int) -> None:
    letters = "".join(chr(c) for c in _SKELETON) + "".join(str(v) for v in _SKELETON.values()) + "ابپ "
    for text in random_texts(letters, 300, length):
        assert skeleton(text) == text.translate(_SKELETON)


def test_standalone_finds_what_the_word_pattern_finds() -> None:
    """`standalone` is `re.finditer` with word look-arounds over `text[start:]`, without a pattern per word."""
    for text in random_texts(f"ربیعیا_1 {Z}.،", 2000, 24, seed=11):
        for word in ("ربیعی", "یی", "ی"):
            for start in (0, 1, 3):
                pattern = rf"(?<![\w{Z}]){re.escape(word)}(?![\w{Z}])"
                expected = [start + m.start() for m in re.finditer(pattern, text[start:])]
                assert list(standalone(text, word, start)) == expected
