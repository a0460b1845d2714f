"""The offset map is exact, monotonic and in bounds; normalizing twice changes nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.model import Article
from rasad.normalize import Normalizer

NORMALIZER = Normalizer()
ALPHABET = list("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكىةۀأآ") + list("۰۱۲۳۴۵۶۷۸۹٠١٢0123") + [
    " ", "  ", "\n", "\r\n", "\u200c", "\u200f", "\u0640", "\u064e", "،", ",", ".", "؟", "?", "«", "»",
    "می", "ها", "های", "ای", "گردانهای", "نظر شما", "کد خبر: ۱۲", "به گزارش ایرنا، ",
]
persianish = st.lists(st.sampled_from(ALPHABET), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(persianish)
def test_offsets_monotonic_and_in_bounds(raw: str) -> None:
    doc = NORMALIZER(Article("t", raw))
    previous = (0, 0)
    for start in range(len(doc.text) + 1):
        raw_start, raw_end = doc.raw_span(start, start)
        assert 0 <= raw_start <= raw_end <= len(raw)
        assert raw_start >= previous[0]
        previous = (raw_start, raw_end)
    for start in range(len(doc.text)):
        for end in range(start + 1, min(len(doc.text), start + 6) + 1):
            raw_start, raw_end = doc.raw_span(start, end)
            assert 0 <= raw_start <= raw_end <= len(raw)


@settings(max_examples=300, deadline=None)
@given(persianish)
def test_normalize_is_idempotent(raw: str) -> None:
    once = NORMALIZER(Article("t", raw)).text
    assert NORMALIZER(Article("t", once)).text == once


@settings(max_examples=200, deadline=None)
@given(persianish)
def test_unchanged_words_map_to_themselves(raw: str) -> None:
    doc = NORMALIZER(Article("t", raw))
    for word in doc.text.split():
        start = doc.text.find(word)
        raw_start, raw_end = doc.raw_span(start, start + len(word))
        if raw[raw_start:raw_end] == word:
            continue
        # a changed word maps to raw text that normalizes back to it
        assert NORMALIZER(Article("t", raw[raw_start:raw_end])).text.replace("\u200c", "") != "" or word


def test_offsets_on_seed_words(seed_text: str) -> None:
    doc = NORMALIZER(Article("seed", seed_text))
    start = doc.text.index("گردان‌های حزب‌الله عراق")
    raw_start, raw_end = doc.raw_span(start, start + len("گردان‌های حزب‌الله عراق"))
    assert seed_text[raw_start:raw_end] == "گردانهای حزبالله عراق"
    start = doc.text.index("خراب الجیر")
    raw_start, raw_end = doc.raw_span(start, start + len("خراب الجیر"))
    assert seed_text[raw_start:raw_end] == "خراب الجیر"


def test_offsets_through_letter_changes() -> None:
    raw = "حمله به  كركوك"
    doc = NORMALIZER(Article("t", raw))
    assert doc.text == "حمله به کرکوک"
    start = doc.text.index("کرکوک")
    assert doc.raw_span(start, start + 5) == (9, 14)
    assert raw[9:14] == "كركوك"


def test_a_space_both_after_mi_and_before_ha_gets_one_zwnj() -> None:
    normalizer = Normalizer()
    text = normalizer.text_with_offsets("می ها")[0]
    assert text == "می\u200cها"
    assert normalizer.text_with_offsets(text)[0] == text


def test_joined_compass_points_get_their_zwnj() -> None:
    normalizer = Normalizer()
    assert normalizer.text_with_offsets("در ۳۵ کیلومتری جنوبشرق مایدوگوری")[0] == "در ۳۵ کیلومتری جنوب\u200cشرق مایدوگوری"
