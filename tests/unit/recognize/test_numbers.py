"""Numbers: digits in any script, Persian number words, vague quantities, qualifiers and ranges."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.knowledge.schema import KnowledgeError
from rasad.model import Mention
from rasad.recognize.numbers import DATA_FILE, NumberRecognizer, find_numbers, read_number_words

# (sentence, the number phrase in it, value, qualifier, low, high)
CASES: list[tuple[str, str, int | float, str, int | float | None, int | float | None]] = [
    # digits and separators
    ("آمریکا ۲,۵۰۰ نیرو در عراق دارد.", "۲,۵۰۰", 2500, "exact", 2500, 2500),
    ("آمریکا ۲٬۵۰۰ نیرو در عراق دارد.", "۲٬۵۰۰", 2500, "exact", 2500, 2500),
    ("آمریکا 2,500 نیرو در عراق دارد.", "2,500", 2500, "exact", 2500, 2500),
    ("۱.۵ میلیون نفر آواره شدند.", "۱.۵ میلیون", 1500000, "exact", 1500000, 1500000),
    ("تورم ۳/۵ درصد افزایش یافت.", "۳/۵", 3.5, "exact", 3.5, 3.5),
    ("نرخ بیکاری ۱۲٫۵ درصد است.", "۱۲٫۵", 12.5, "exact", 12.5, 12.5),
    ("در این حمله 21 نفر زخمی شدند.", "21", 21, "exact", 21, 21),
    ("به گفته ۲ منبع عراقی", "۲", 2, "exact", 2, 2),
    ("۲ هزار و ۵۰۰ سرباز اعزام شدند.", "۲ هزار و ۵۰۰", 2500, "exact", 2500, 2500),
    ("۲.۵۰۰.۰۰۰ دلار خسارت وارد شد.", "۲.۵۰۰.۰۰۰", 2500000, "exact", 2500000, 2500000),
    # number words
    ("دو هزار و پانصد نیرو مستقر شدند.", "دو هزار و پانصد", 2500, "exact", 2500, 2500),
    ("سه سرباز آمریکایی کشته شدند.", "سه", 3, "exact", 3, 3),
    ("یک منبع امنیتی خبر داد.", "یک", 1, "exact", 1, 1),
    ("صد و بیست خانه ویران شد.", "صد و بیست", 120, "exact", 120, 120),
    ("بیست و پنج هزار نفر گریختند.", "بیست و پنج هزار", 25000, "exact", 25000, 25000),
    ("دو میلیون و پانصد هزار نفر آواره‌اند.", "دو میلیون و پانصد هزار", 2500000, "exact", 2500000, 2500000),
    ("سیصد و پنجاه و دو زندانی آزاد شدند.", "سیصد و پنجاه و دو", 352, "exact", 352, 352),
    ("یک و نیم میلیون نفر در اردوگاه‌اند.", "یک و نیم میلیون", 1500000, "exact", 1500000, 1500000),
    ("دو میلیون و نیم نفر گرسنه‌اند.", "دو میلیون و نیم", 2500000, "exact", 2500000, 2500000),
    ("یکی از اعضای گروه کشته شد.", "یکی", 1, "exact", 1, 1),
    ("بیست و نه نفر بازداشت شدند.", "بیست و نه", 29, "exact", 29, 29),
    ("نه نفر کشته شدند.", "نه", 9, "exact", 9, 9),
    ("نیم ساعت بعد آژیرها خاموش شد.", "نیم", 0.5, "exact", 0.5, 0.5),
    ("یک صد و بیست خانوار بازگشتند.", "یک صد و بیست", 120, "exact", 120, 120),
    ("پنج موشک شلیک شد.", "پنج", 5, "exact", 5, 5),
    # vague quantities: the value is the lower bound
    ("ده‌ها نفر زخمی شدند.", "ده‌ها", 10, "vague", 10, None),
    ("دهها نفر زخمی شدند.", "دهها", 10, "vague", 10, None),
    ("صدها خانواده آواره شدند.", "صدها", 100, "vague", 100, None),
    ("هزاران معترض به خیابان آمدند.", "هزاران", 1000, "vague", 1000, None),
    ("چندین موشک شلیک شد.", "چندین", 2, "vague", 2, None),
    ("چند پهپاد سرنگون شد.", "چند", 2, "vague", 2, None),
    ("ده‌ها هزار نفر گریختند.", "ده‌ها هزار", 10000, "vague", 10000, None),
    ("چند صد نفر تجمع کردند.", "چند صد", 200, "vague", 200, None),
    ("میلیون‌ها دلار کمک رسید.", "میلیون‌ها", 1000000, "vague", 1000000, None),
    # qualifiers in front (the span includes them)
    ("دست‌کم پنج نفر کشته شدند.", "دست‌کم پنج", 5, "at_least", 5, None),
    ("دستکم نه نمازگزار کشته شدند.", "دستکم نه", 9, "at_least", 9, None),
    ("دستکم ۱۲ غیرنظامی کشته شدند.", "دستکم ۱۲", 12, "at_least", 12, None),
    ("حداقل ۳۰ نفر زخمی شدند.", "حداقل ۳۰", 30, "at_least", 30, None),
    ("دست‌کم ده‌ها نفر بازداشت شدند.", "دست‌کم ده‌ها", 10, "at_least", 10, None),
    ("حدود ۲۵۰۰ سرباز در عراق هستند.", "حدود ۲۵۰۰", 2500, "about", None, None),
    ("نزدیک به ۱۰۰ نفر ناپدید شدند.", "نزدیک به ۱۰۰", 100, "about", None, None),
    ("قریب به ۲۰۰ خانوار بازگشتند.", "قریب به ۲۰۰", 200, "about", None, None),
    ("تقریبا ۴۰ درصد شهر ویران شد.", "تقریبا ۴۰", 40, "about", None, None),
    ("بیش از ۵۰ نفر کشته شدند.", "بیش از ۵۰", 50, "more_than", 50, None),
    ("بالغ بر ۳۰۰ نفر بازداشت شدند.", "بالغ بر ۳۰۰", 300, "more_than", 300, None),
    ("صد و اندی نفر زخمی شدند.", "صد و اندی", 100, "more_than", 100, None),
    ("کمتر از ۱۰ نفر باقی ماندند.", "کمتر از ۱۰", 10, "at_most", None, 10),
    ("حداکثر ۳ روز فرصت دارند.", "حداکثر ۳", 3, "at_most", None, 3),
    # ranges
    ("۱۰ تا ۱۵ نفر کشته شدند.", "۱۰ تا ۱۵", 10, "range", 10, 15),
    ("۱۰ الی ۱۵ نفر کشته شدند.", "۱۰ الی ۱۵", 10, "range", 10, 15),
    ("بین ۲۰ و ۳۰ نفر کشته شدند.", "بین ۲۰ و ۳۰", 20, "range", 20, 30),
    ("دو تا سه موشک شلیک شد.", "دو تا سه", 2, "range", 2, 3),
    ("۱۰-۱۵ نفر کشته شدند.", "۱۰-۱۵", 10, "range", 10, 15),
]

NEGATIVES = [
    "جلسه سه‌شنبه برگزار شد.",
    "جلسه سه شنبه برگزار شد.",
    "جلسه یکشنبه برگزار شد.",
    "جلسه یک شنبه برگزار شد.",
    "جلسه پنجشنبه برگزار شد.",
    "جلسه پنج شنبه برگزار شد.",
    "نیروها نزدیک شهر مستقر شدند.",
    "در دهه گذشته اوضاع بدتر شد.",
    "اطلاعات داده شده درست نبود.",
    "این دومین حمله در این هفته بود.",
    "سومین روز درگیری‌ها",
    "روز اول آتش‌بس آرام گذشت.",
    "بیست و دوم بهمن",
    "نه تنها آمریکا بلکه اروپا هم محکوم کرد.",
    "بیانیه ۱۴۰۳/۰۲/۰۳",
    "ساعت ۱۰:۳۰ جلسه آغاز شد.",
    "چندی پیش حمله‌ای رخ داد.",
    "آنها یکدیگر را متهم کردند.",
    "هواپیمای اف-۱۶ سقوط کرد.",
]


def only_number(sentence: str) -> Mention:
    found = find_numbers(sentence)
    assert len(found) == 1, [(sentence[m.start : m.end], m.data) for m in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "phrase", "value", "qualifier", "low", "high"), CASES, ids=[c[1] for c in CASES]
)
def test_numbers_value_qualifier_and_span(
    sentence: str, phrase: str, value: float, qualifier: str, low: float | None, high: float | None
) -> None:
    mention = only_number(sentence)
    assert sentence[mention.start : mention.end] == phrase
    assert mention.kind == "NUMBER"
    assert mention.data["value"] == value and type(mention.data["value"]) is type(value)
    assert mention.ref == str(value)
    assert (mention.data["qualifier"], mention.data["low"], mention.data["high"]) == (qualifier, low, high)
    assert mention.data["in_date"] is False


def test_numbers_table_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_numbers_not_found_in_weekdays_ordinals_and_words(sentence: str) -> None:
    assert find_numbers(sentence) == []


def test_numbers_fraction() -> None:
    mention = only_number("یک سوم جمعیت آواره شده است.")
    assert mention.data["value"] == pytest.approx(1 / 3)


def test_numbers_inside_dates_are_still_numbers() -> None:
    mention = only_number("حمله ۲۸ ژانویه رخ داد.")
    assert (mention.data["value"], mention.data["in_date"]) == (28, False)


def test_numbers_split_when_words_do_not_form_one_number() -> None:
    text = "۵ و ۶ نفر، دو هزار و سه هزار"
    assert [m.data["value"] for m in find_numbers(text)] == [5, 6, 2000, 3000]


def test_numbers_seed_article(seed_text: str) -> None:
    from rasad.normalize import normalize_text

    text = normalize_text(seed_text)
    found = [(text[m.start : m.end], m.data["value"], m.data["qualifier"]) for m in find_numbers(text)]
    assert ("۵", 5, "exact") in found
    assert ("پنج", 5, "exact") in found
    assert ("سه", 3, "exact") in found
    assert ("حدود ۲۵۰۰", 2500, "about") in found
    assert ("حدود ۹۰۰", 900, "about") in found
    assert ("چندین", 2, "vague") in found


def test_numbers_knowledge_file_extends_without_code(tmp_path: Path) -> None:
    text = DATA_FILE.read_text(encoding="utf-8").replace("  at_least: [", "  at_least: [کم‌کم, ")
    path = tmp_path / "numbers.yaml"
    path.write_text(text, encoding="utf-8")
    mention = NumberRecognizer(read_number_words(path))("کم‌کم ۴۰ نفر")[0]
    assert (mention.start, mention.data["qualifier"]) == (0, "at_least")


def test_numbers_knowledge_file_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "numbers.yaml"
    path.write_text("words: {یک: 1}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="numbers.yaml: missing"):
        read_number_words(path)


TEXT_PIECES = "دو هزار و پانصد ۲,۵۰۰ ۳/۵ ده‌ها سه شنبه تا بین دست‌کم حدود نه نفر ۱۴۰۳/۰۲/۰۳ ۱۰ - دوم نیم میلیون صد اندی چند".split()
TEXT_PIECES += [" ", "\u200c"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TEXT_PIECES), max_size=25).map(" ".join))
def test_numbers_spans_are_ordered_and_values_consistent(text: str) -> None:
    previous_end = 0
    for mention in find_numbers(text):
        assert previous_end <= mention.start < mention.end <= len(text)
        previous_end = mention.end
        data = mention.data
        assert data["qualifier"] in ("exact", "at_least", "about", "at_most", "more_than", "range", "vague")
        if data["qualifier"] == "range":
            assert data["low"] < data["high"]
