"""Dates: every calendar, weekdays, relative words, positions and ranges, resolved against publication.

Jalali and Hijri values were checked with jdatetime and hijridate. Unless a case says otherwise the
article was published on Monday 22 April 2024 (3 Ordibehesht 1403, 13 Shawwal 1445).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.knowledge.schema import KnowledgeError
from rasad.model import Mention
from rasad.recognize.dates import DATA_FILE, DateRecognizer, find_dates, read_date_words

PUBLISHED = dt.date(2024, 4, 22)  # a Monday

# (sentence, the date phrase in it, value, precision, other expected data)
CASES: list[tuple[str, str, str, str, dict[str, Any]]] = [
    # Gregorian months written in Persian, Dari and Arabic forms
    ("نشست سران روز ۲۱ آوریل ۲۰۲۴ برگزار شد.", "۲۱ آوریل ۲۰۲۴", "2024-04-21", "day", {"relative": False}),
    ("حمله پهپادی در ۲۸ ژانویه سه سرباز را کشت.", "۲۸ ژانویه", "2024-01-28", "day", {"relative": True}),
    ("این پایگاه در ژانویه ۲۰۲۴ هدف قرار گرفت.", "ژانویه ۲۰۲۴", "2024-01-15", "month", {}),
    ("طالبان در ۱۵ جنوری ۲۰۲۴ اعلام کرد.", "۱۵ جنوری ۲۰۲۴", "2024-01-15", "day", {}),
    ("درگیری‌ها از ۱۴ فبروری آغاز شد.", "۱۴ فبروری", "2024-02-14", "day", {}),
    ("این گزارش در ۳ اپریل منتشر شد.", "۳ اپریل", "2024-04-03", "day", {}),
    ("انفجار ۱۵ آگوست ۲۰۲۱ در کابل رخ داد.", "۱۵ آگوست ۲۰۲۱", "2021-08-15", "day", {}),
    ("مذاکرات در اواسط اوت متوقف شد.", "اواسط اوت", "2023-08-15", "month", {}),
    ("حملات ۱۱ سپتامبر ۲۰۰۱ جهان را تغییر داد.", "۱۱ سپتامبر ۲۰۰۱", "2001-09-11", "day", {}),
    ("انتخابات ۵ نوامبر برگزار شد.", "۵ نوامبر", "2023-11-05", "day", {}),
    ("در ۲۵ دسامبر آتش‌بس اعلام شد.", "۲۵ دسامبر", "2023-12-25", "day", {}),
    ("پس از حمله ۷ اکتبر جنگ آغاز شد.", "۷ اکتبر", "2023-10-07", "day", {}),
    ("تظاهرات ۱۰ می در تهران سرکوب شد.", "۱۰ می", "2023-05-10", "day", {}),
    ("در ژوئن ۲۰۱۴ موصل سقوط کرد.", "ژوئن ۲۰۱۴", "2014-06-15", "month", {}),
    ("مراسم ۴ جولای لغو شد.", "۴ جولای", "2023-07-04", "day", {}),
    ("نیروها در ۲ مارس عقب نشستند.", "۲ مارس", "2024-03-02", "day", {}),
    ("حمله در 28 ژانویه رخ داد.", "28 ژانویه", "2024-01-28", "day", {}),
    # approximate position in a month
    ("این اولین حمله از اوایل فوریه است.", "اوایل فوریه", "2024-02-05", "month", {"relative": True}),
    ("درگیری‌ها اواسط اکتبر شدت گرفت.", "اواسط اکتبر", "2023-10-15", "month", {}),
    ("کاروان اواخر مارس وارد شد.", "اواخر مارس", "2024-03-25", "month", {}),
    ("از ابتدای فوریه آرامش برقرار است.", "ابتدای فوریه", "2024-02-05", "month", {}),
    ("عملیات اواخر تیر آغاز شد.", "اواخر تیر", "2023-07-16", "month", {"calendar": "jalali"}),
    # Jalali (Solar Hijri) months
    (
        "روز ۲ اردیبهشت ۱۴۰۳ پهپادها شلیک شدند.",
        "۲ اردیبهشت ۱۴۰۳",
        "2024-04-21",
        "day",
        {"calendar": "jalali"},
    ),
    ("قرارداد در اسفند ۱۴۰۲ امضا شد.", "اسفند ۱۴۰۲", "2024-03-05", "month", {"calendar": "jalali"}),
    ("در ۱۵ مهر به پایگاه حمله شد.", "۱۵ مهر", "2023-10-07", "day", {"calendar": "jalali", "relative": True}),
    ("راهپیمایی ۲۲ بهمن ۱۳۵۷ بزرگ بود.", "۲۲ بهمن ۱۳۵۷", "1979-02-11", "day", {}),
    ("نوروز یعنی ۱ فروردین ۱۴۰۳ فرا رسید.", "۱ فروردین ۱۴۰۳", "2024-03-20", "day", {}),
    ("قیمت‌ها در ۲۹ اسفند بالا رفت.", "۲۹ اسفند", "2024-03-19", "day", {}),
    ("انتخابات دوم خرداد برگزار شد.", "دوم خرداد", "2023-05-23", "day", {}),
    ("ماجرای ۱۸ تیر ۱۳۷۸ در کوی دانشگاه", "۱۸ تیر ۱۳۷۸", "1999-07-09", "day", {}),
    ("این طرح در اردیبهشت‌ماه ۱۴۰۳ اجرا می‌شود.", "اردیبهشت‌ماه ۱۴۰۳", "2024-05-04", "month", {}),
    ("تعطیلات ۱۳ فروردین تمام شد.", "۱۳ فروردین", "2024-04-01", "day", {}),
    ("این قانون در بهمن‌ماه تصویب شد.", "بهمن‌ماه", "2024-02-04", "month", {}),
    ("سالگرد بیست و دوم بهمن ۱۳۵۷ است.", "بیست و دوم بهمن ۱۳۵۷", "1979-02-11", "day", {}),
    # Afghan solar months: with a day or a year only
    ("انفجار در ۱۲ حوت ۱۴۰۲ در هرات رخ داد.", "۱۲ حوت ۱۴۰۲", "2024-03-02", "day", {"calendar": "jalali"}),
    ("نشست ۱۵ میزان ۱۴۰۲ برگزار شد.", "۱۵ میزان ۱۴۰۲", "2023-10-07", "day", {}),
    ("طالبان روز ۳ اسد وارد شهر شدند.", "۳ اسد", "2023-07-25", "day", {}),
    ("این فرمان ۲۸ جدی ۱۴۰۲ صادر شد.", "۲۸ جدی ۱۴۰۲", "2024-01-18", "day", {}),
    # Hijri Qamari months
    ("عزاداری ۱۰ محرم ۱۴۴۶ برگزار شد.", "۱۰ محرم ۱۴۴۶", "2024-07-16", "day", {"calendar": "hijri"}),
    ("عید فطر و ۱۲ شوال ۱۴۴۵ گذشت.", "۱۲ شوال ۱۴۴۵", "2024-04-21", "day", {"calendar": "hijri"}),
    ("در ۱۵ رمضان ۱۴۴۵ حمله شد.", "۱۵ رمضان ۱۴۴۵", "2024-03-25", "day", {}),
    ("در ماه رمضان درگیری کم شد.", "ماه رمضان", "2024-03-25", "month", {"calendar": "hijri"}),
    ("مراسم ۱۰ محرم بدون حادثه بود.", "۱۰ محرم", "2023-07-28", "day", {"relative": True}),
    ("در ربیع‌الاول ۱۴۴۶ سفر انجام شد.", "ربیع‌الاول ۱۴۴۶", "2024-09-18", "month", {}),
    # numeric dates
    ("بیانیه مورخ ۱۴۰۳/۰۲/۰۳ منتشر شد.", "۱۴۰۳/۰۲/۰۳", "2024-04-22", "day", {"calendar": "jalali"}),
    ("گزارش 2024-04-21 ثبت شد.", "2024-04-21", "2024-04-21", "day", {"calendar": "gregorian"}),
    ("نامه 21/04/2024 رسید.", "21/04/2024", "2024-04-21", "day", {}),
    ("تاریخ ۱۴۴۵/۰۹/۱۰ ق در سند آمده است.", "۱۴۴۵/۰۹/۱۰ ق", "2024-03-20", "day", {"calendar": "hijri"}),
    # weekdays: the most recent one strictly before publication
    ("حمله روز یکشنبه رخ داد.", "روز یکشنبه", "2024-04-21", "day", {"relative": True}),
    ("موشک‌ها یکشنبه شلیک شد.", "یکشنبه", "2024-04-21", "day", {}),
    ("عصر شنبه انفجار رخ داد.", "عصر شنبه", "2024-04-20", "day", {"part_of_day": "afternoon"}),
    ("بامداد دوشنبه پایگاه هدف قرار گرفت.", "بامداد دوشنبه", "2024-04-22", "day", {"part_of_day": "dawn"}),
    ("یکشنبه شب صدای انفجار شنیده شد.", "یکشنبه شب", "2024-04-21", "day", {"part_of_day": "night"}),
    ("نشست سه‌شنبه لغو شد.", "سه‌شنبه", "2024-04-16", "day", {}),
    ("نشست سه شنبه لغو شد.", "سه شنبه", "2024-04-16", "day", {}),
    ("نشست سهشنبه لغو شد.", "سهشنبه", "2024-04-16", "day", {}),
    ("پنجشنبه دو راکت شلیک شد.", "پنجشنبه", "2024-04-18", "day", {}),
    ("پنج شنبه دو راکت شلیک شد.", "پنج شنبه", "2024-04-18", "day", {}),
    ("نماز روز جمعه برگزار شد.", "روز جمعه", "2024-04-19", "day", {}),
    ("شب جمعه درگیری رخ داد.", "شب جمعه", "2024-04-18", "day", {"part_of_day": "night"}),
    ("امروز دوشنبه دو انفجار رخ داد.", "امروز دوشنبه", "2024-04-22", "day", {}),
    ("چهارشنبه گذشته کاروان متوقف شد.", "چهارشنبه گذشته", "2024-04-17", "day", {}),
    ("گفتگوها یکشنبه آینده ادامه می‌یابد.", "یکشنبه آینده", "2024-04-28", "day", {}),
    (
        "حمله‌ای که اواخر عصر روز یکشنبه رخ داد",
        "اواخر عصر روز یکشنبه",
        "2024-04-21",
        "day",
        {"part_of_day": "afternoon"},
    ),
    (
        "روز یکشنبه، ۲ اردیبهشت ۱۴۰۳ سه موشک شلیک شد.",
        "روز یکشنبه، ۲ اردیبهشت ۱۴۰۳",
        "2024-04-21",
        "day",
        {"relative": False},
    ),
    # relative words
    (
        "امروز نیروها وارد شهر شدند.",
        "امروز",
        "2024-04-22",
        "day",
        {"relative": True, "calendar": "gregorian"},
    ),
    ("دیروز سه نفر کشته شدند.", "دیروز", "2024-04-21", "day", {}),
    ("۱۷ فروردین امسال نیز پاسگاه هدف قرار گرفت.", "۱۷ فروردین امسال", "2024-04-05", "day", {}),
    ("در ۳ مارس سال جاری دو نفر ربوده شدند.", "۳ مارس سال جاری", "2024-03-03", "day", {}),
    ("پریروز جاده بسته شد.", "پریروز", "2024-04-20", "day", {}),
    ("بامداد امروز دو انفجار رخ داد.", "بامداد امروز", "2024-04-22", "day", {"part_of_day": "dawn"}),
    ("شب گذشته پهپادها پرواز کردند.", "شب گذشته", "2024-04-21", "day", {"part_of_day": "night"}),
    ("دیشب برق قطع شد.", "دیشب", "2024-04-21", "day", {"part_of_day": "night"}),
    ("روز گذشته بیانیه‌ای منتشر شد.", "روز گذشته", "2024-04-21", "day", {}),
    ("هفته گذشته مذاکرات شکست خورد.", "هفته گذشته", "2024-04-15", "week", {}),
    ("ماه گذشته صدها نفر آواره شدند.", "ماه گذشته", "2024-03-22", "month", {}),
    ("سال گذشته این پایگاه تخلیه شد.", "سال گذشته", "2023-04-22", "year", {}),
    ("دو روز پیش یک خودرو منفجر شد.", "دو روز پیش", "2024-04-20", "day", {}),
    ("او دو دهه پیش در ننگرهار بازداشت شد.", "دو دهه پیش", "2004-04-22", "year", {}),
    ("پانصد و ده سال پیش در چالدران نبرد شد.", "پانصد و ده سال پیش", "1514-04-22", "year", {}),
    ("سه روز قبل مرز بسته شد.", "سه روز قبل", "2024-04-19", "day", {}),
    ("در ۴۸ ساعت گذشته پنج حمله ثبت شد.", "۴۸ ساعت گذشته", "2024-04-20", "day", {"end_value": "2024-04-22"}),
    ("فردا نشست شورای امنیت برگزار می‌شود.", "فردا", "2024-04-23", "day", {}),
    ("صبح دیروز گشت‌زنی آغاز شد.", "صبح دیروز", "2024-04-21", "day", {"part_of_day": "morning"}),
    ("یک هفته پیش آتش‌بس نقض شد.", "یک هفته پیش", "2024-04-15", "week", {}),
    ("سه ماه پیش این گروه اعلام موجودیت کرد.", "سه ماه پیش", "2024-01-22", "month", {}),
    ("چند روز پیش یک پهپاد سقوط کرد.", "چند روز پیش", "2024-04-19", "week", {}),
    ("پس‌فردا هیئتی به بغداد می‌رود.", "پس‌فردا", "2024-04-24", "day", {}),
    # years
    ("ائتلافی که در سال ۲۰۱۴ ایجاد شد", "سال ۲۰۱۴", "2014-07-01", "year", {"relative": False}),
    ("این گروه در سال ۱۳۹۸ تشکیل شد.", "سال ۱۳۹۸", "2019-09-23", "year", {"calendar": "jalali"}),
    ("این پیمان ۲۰۱۴ میلادی امضا شد.", "۲۰۱۴ میلادی", "2014-07-01", "year", {}),
    ("اوایل سال ۲۰۲۳ حملات کاهش یافت.", "اوایل سال ۲۰۲۳", "2023-02-15", "year", {}),
    ("این قانون در سال ۹۳ تصویب شد.", "سال ۹۳", "2014-09-23", "year", {"calendar": "jalali"}),
    ("قرارداد اسفند سال ۹۴ امضا شد.", "اسفند سال ۹۴", "2016-03-05", "month", {"calendar": "jalali"}),
    ("در ۱۵ مهر ۵۰ نفر کشته شدند.", "۱۵ مهر", "2023-10-07", "day", {}),  # 50 is a count, not «سال ۵۰»
    # ranges
    (
        "حملات از اواسط اکتبر تا اوایل فوریه ادامه داشت.",
        "از اواسط اکتبر تا اوایل فوریه",
        "2023-10-15",
        "month",
        {"end_value": "2024-02-05"},
    ),
    (
        "نمایشگاه ۱ تا ۳ اردیبهشت برپا بود.",
        "۱ تا ۳ اردیبهشت",
        "2024-04-20",
        "day",
        {"end_value": "2024-04-22"},
    ),
    (
        "در سال‌های ۲۰۱۴ تا ۲۰۱۷ داعش موصل را در اختیار داشت.",
        "سال‌های ۲۰۱۴ تا ۲۰۱۷",
        "2014-07-01",
        "year",
        {"end_value": "2017-07-01"},
    ),
    (
        "بین ۲۸ ژانویه و ۵ فوریه ده حمله ثبت شد.",
        "بین ۲۸ ژانویه و ۵ فوریه",
        "2024-01-28",
        "day",
        {"end_value": "2024-02-05"},
    ),
]

NEGATIVES = [
    "امام جمعه زاهدان در خطبه‌ها گفت.",
    "انفجار هنگام نماز جمعه در مسجد رخ داد.",
    "ایالات متحده حدود ۲۵۰۰ سرباز در عراق دارد.",
    "سه سرباز زخمی شدند.",
    "میزان خسارت هنوز روشن نیست.",
    "اسد در دمشق سخنرانی کرد.",
    "با شلیک تیر هوایی جمعیت پراکنده شد.",
    "رمضان قدیروف از چچن سخن گفت.",
    "مهر تایید بر این طرح خورد.",
    "این موضوع را جدی گرفت.",
    "شمار کشته‌ها به صفر نرسید.",
    "دو روز پیش از حمله هشدار داده شد.",
    "ساعت ۱۰:۳۰ جلسه آغاز شد.",
    "۲۰۱۴ نفر در این رای‌گیری شرکت کردند.",
    "در سال ۲۵۰۰ چه خواهد شد؟",
    "بیش از ۲۰ سال ۲۰ نفر در زندان ماندند.",
    "او می‌گوید که نمی‌داند.",
]


def only_date(sentence: str, published: dt.date | None = PUBLISHED) -> Mention:
    found = find_dates(sentence, published)
    assert len(found) == 1, [(sentence[m.start : m.end], m.data) for m in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "phrase", "value", "precision", "extra"), CASES, ids=[c[1] for c in CASES]
)
def test_dates_value_precision_and_span(
    sentence: str, phrase: str, value: str, precision: str, extra: dict[str, Any]
) -> None:
    mention = only_date(sentence)
    assert sentence[mention.start : mention.end] == phrase
    assert mention.kind == "DATE"
    assert mention.ref == value
    assert mention.data["value"] == value
    assert mention.data["precision"] == precision
    for name, expected in extra.items():
        assert mention.data[name] == expected, name


def test_dates_table_is_large_enough() -> None:
    assert len(CASES) + len(NEGATIVES) >= 70


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_dates_not_found_in_plain_numbers_and_common_words(sentence: str) -> None:
    assert find_dates(sentence, PUBLISHED) == []


def test_dates_seed_article_spans(seed_text: str) -> None:
    from rasad.normalize import normalize_text

    text = normalize_text(seed_text)
    found = [(text[m.start : m.end], m.ref, m.data["precision"]) for m in find_dates(text, PUBLISHED)]
    assert found == [
        ("اواخر عصر روز یکشنبه", "2024-04-21", "day"),
        ("اوایل فوریه", "2024-02-05", "month"),
        ("اوایل روز شنبه", "2024-04-20", "day"),
        ("بین اواسط اکتبر تا اوایل فوریه", "2023-10-15", "month"),
        ("۲۸ ژانویه", "2024-01-28", "day"),
        ("ابتدای فوریه", "2024-02-05", "month"),
        ("سال ۲۰۱۴", "2014-07-01", "year"),
    ]


def test_dates_spans_in_a_longer_text() -> None:
    text = "دیروز دو موشک شلیک شد و روز ۲۸ ژانویه سه سرباز کشته شدند؛ ۲۵۰۰ سرباز در سال ۲۰۱۴ آمدند."
    spans = [(text[m.start : m.end], m.ref) for m in find_dates(text, PUBLISHED)]
    assert spans == [("دیروز", "2024-04-21"), ("۲۸ ژانویه", "2024-01-28"), ("سال ۲۰۱۴", "2014-07-01")]


def test_dates_weekday_of_the_publication_day_is_that_day_unless_past() -> None:
    # a Sunday paper's «یکشنبه» is today; a week-old Sunday is «یکشنبه گذشته»
    sunday = dt.date(2024, 4, 21)
    assert only_date("یکشنبه حمله شد.", sunday).ref == "2024-04-21"
    assert only_date("امروز یکشنبه حمله شد.", sunday).ref == "2024-04-21"
    assert only_date("یکشنبه گذشته حمله شد.", sunday).ref == "2024-04-14"


def test_dates_yearless_date_is_the_latest_not_after_publication() -> None:
    assert only_date("۲۸ ژانویه", dt.date(2024, 1, 28)).ref == "2024-01-28"
    assert only_date("۲۸ ژانویه", dt.date(2024, 1, 27)).ref == "2023-01-28"
    assert only_date("۲۹ فوریه", dt.date(2025, 3, 1)).ref == "2024-02-29"  # the latest 29 February


def test_dates_without_publication_are_mentions_without_values() -> None:
    for sentence in ("دیروز حمله شد.", "روز یکشنبه حمله شد.", "حمله ۲۸ ژانویه", "هفته گذشته", "اوایل فوریه"):
        mention = only_date(sentence, None)
        assert mention.ref is None and mention.data["value"] is None
        assert mention.data["relative"] is True
    assert only_date("۲ اردیبهشت ۱۴۰۳", None).ref == "2024-04-21"
    ranged = only_date("از ۲۸ ژانویه تا ۵ فوریه ۲۰۲۴", None)
    assert (ranged.ref, ranged.data["end_value"]) == ("2024-01-28", "2024-02-05")


def test_dates_range_start_counts_back_from_its_end() -> None:
    mention = only_date("از اواسط اکتبر تا اوایل فوریه", dt.date(2024, 2, 10))
    assert (mention.ref, mention.data["end_value"]) == ("2023-10-15", "2024-02-05")


def test_dates_knowledge_file_extends_without_code(tmp_path: Path) -> None:
    text = DATA_FILE.read_text(encoding="utf-8").replace(
        "names: [ژانویه, جنوری, ینایر]", "names: [ژانویه, جنوری, ینایر, جانفی]"
    )
    path = tmp_path / "dates.yaml"
    path.write_text(text, encoding="utf-8")
    recognizer = DateRecognizer(read_date_words(path))
    assert [m.ref for m in recognizer("روز ۳ جانفی ۲۰۲۴", PUBLISHED)] == ["2024-01-03"]


def test_dates_knowledge_file_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "dates.yaml"
    path.write_text("months: []\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="dates.yaml: missing"):
        read_date_words(path)


TEXT_PIECES = "۲۸ ژانویه ۱۴۰۳ سال یکشنبه سه شنبه امروز اوایل تا از بین روز پیش گذشته ۲۰۱۴ / - ، ماه مه میزان عصر شب و ۲".split()
TEXT_PIECES += [" ", "\u200c"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TEXT_PIECES), max_size=25).map("".join), st.booleans())
def test_dates_spans_are_ordered_and_in_bounds(text: str, with_date: bool) -> None:
    found = find_dates(text, PUBLISHED if with_date else None)
    previous_end = 0
    for mention in found:
        assert previous_end <= mention.start < mention.end <= len(text)
        previous_end = mention.end
        assert mention.data["precision"] in ("day", "week", "month", "year")
        if mention.ref is not None:
            dt.date.fromisoformat(mention.ref)


def test_dates_a_yearless_date_of_that_same_year_takes_the_year_told_before() -> None:
    text = "در ۱۸ سپتامبر ۲۰۲۱ او کشته شد و در ۲۲ اکتبر همان سال مهاجمان به مدرسه حمله کردند."
    values = [m.ref for m in find_dates(text, PUBLISHED)]
    assert values == ["2021-09-18", "2021-10-22"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("روز جمعه ۱۹ شوال ۱۴۴۶", "2025-04-18"),  # the tables say Thursday 17 April; the weekday settles it
        ("روز پنجشنبه ۱۹ شوال ۱۴۴۶", "2025-04-17"),
        ("جمعه ۳۱ فروردین ۱۴۰۴", "2025-04-20"),  # a solar date is exact: no weekday moves it
    ],
)
def test_a_weekday_settles_a_lunar_date_a_day_off(text: str, value: str) -> None:
    assert [m.ref for m in find_dates(text, dt.date(2025, 4, 20))] == [value]


@pytest.mark.parametrize(("sentence", "value"), [("چهارشنبه‌شب سه نفر بازداشت شدند.", "2024-04-17"), ("جمعه‌شب حمله شد.", "2024-04-19")])
def test_a_night_joined_to_its_weekday_is_that_day(sentence: str, value: str) -> None:
    assert only_date(sentence, PUBLISHED).ref == value


def test_a_date_in_that_year_takes_the_year_told_before() -> None:
    text = "این تنش‌ها یادآور فوریه ۲۰۱۹ است؛ در ۱۴ فوریه آن سال یک بمب‌گذار به کاروان پلیس حمله کرد."
    spans = [(text[m.start : m.end], m.ref) for m in find_dates(text, PUBLISHED)]
    assert spans == [("فوریه ۲۰۱۹", "2019-02-15"), ("۱۴ فوریه", "2019-02-14")]


def test_a_year_of_long_ago_after_a_day_and_month_is_no_day_of_this_year() -> None:
    text = "نبردی که در اول رجب ۹۲۰ قمری، برابر با ۲۳ اوت ۱۵۱۴ میلادی، درگرفت."
    assert find_dates(text, PUBLISHED) == []
    # (a count after a day and month is no year: «۱۲۰ نفر»)
    assert only_date("روز ۱۲ مهر ۱۲۰ نفر بازداشت شدند.").ref == "2023-10-04"
