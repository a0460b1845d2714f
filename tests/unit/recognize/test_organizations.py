"""Organization names from head nouns: head + complement, where a name ends, and what is not a name."""

from __future__ import annotations

import pytest

from rasad.knowledge.schema import Place
from rasad.model import Mention
from rasad.recognize.organizations import OrganizationRecognizer, key


@pytest.fixture(scope="module")
def orgs() -> OrganizationRecognizer:
    return OrganizationRecognizer.load()


def spans(orgs: OrganizationRecognizer, text: str, taken: list[tuple[int, int]] | None = None) -> list[str]:
    """The surface of every organization found, checking each mention's kind, data and offsets."""
    found: list[Mention] = orgs(text, taken or [])
    for mention in found:
        assert mention.kind == "ACTOR" and mention.ref is None
        assert mention.data["org_source"] == "pattern"
        assert text[mention.start : mention.end].strip() == text[mention.start : mention.end]
    return [text[m.start : m.end] for m in found]


def kinds(orgs: OrganizationRecognizer, text: str) -> list[str | None]:
    return [m.data["kind"] for m in orgs(text, [])]


# ------------------------------------------------------------------ head + complement

POSITIVES: list[tuple[str, list[str]]] = [
    ("وزارت امور خارجه ایران روز دوشنبه این حمله را محکوم کرد.", ["وزارت امور خارجه ایران"]),
    ("سازمان ملل متحد در بیانیه‌ای خواستار آتش‌بس فوری شد.", ["سازمان ملل متحد"]),
    ("دانشجویان دانشگاه تهران در برابر سفارت تجمع کردند.", ["دانشگاه تهران"]),
    ("رئیس کل بانک مرکزی از کاهش نرخ تورم خبر داد.", ["بانک مرکزی"]),
    ("شورای امنیت سازمان ملل امروز تشکیل جلسه می‌دهد.", ["شورای امنیت سازمان ملل"]),
    ("این لایحه دیروز در مجلس شورای اسلامی تصویب شد.", ["مجلس شورای اسلامی"]),
    ("پرونده متهمان در دادگاه انقلاب تهران بررسی می‌شود.", ["دادگاه انقلاب تهران"]),
    ("شرکت ملی نفت ایران با یک شریک آسیایی به توافق رسید.", ["شرکت ملی نفت ایران"]),
    ("هواداران باشگاه پرسپولیس به ورزشگاه آمدند.", ["باشگاه پرسپولیس"]),
    ("حزب کارگر انگلیس در انتخابات پیروز شد.", ["حزب کارگر انگلیس"]),
    ("امدادگران جمعیت هلال احمر به مناطق زلزله‌زده رسیدند.", ["جمعیت هلال احمر"]),
    ("کمیته امداد امام خمینی (ره) به خانواده‌های آسیب‌دیده کمک کرد.", ["کمیته امداد امام خمینی (ره)"]),
    ("ستاد کل نیروهای مسلح در بیانیه‌ای از مردم قدردانی کرد.", ["ستاد کل نیروهای مسلح"]),
    ("اداره کل هواشناسی استان کرمان درباره سیلاب هشدار داد.", ["اداره کل هواشناسی استان کرمان"]),
    ("به گزارش خبرگزاری فرانسه، دست‌کم ده نفر کشته شدند.", ["خبرگزاری فرانسه"]),
    ("روزنامه اعتماد در گزارشی از افزایش قیمت‌ها نوشت.", ["روزنامه اعتماد"]),
    ("دیوان عالی کشور حکم دادگاه بدوی را نقض کرد.", ["دیوان عالی کشور"]),
    ("سخنگوی قوه قضاییه در نشست خبری هفتگی سخن گفت.", ["قوه قضاییه"]),
    ("صندوق بین‌المللی پول رشد اقتصادی منطقه را پیش‌بینی کرد.", ["صندوق بین‌المللی پول"]),
    # domains joined by a comma and «و» belong to one name
    ("وزارت بهداشت، درمان و آموزش پزشکی از شیوع بیماری خبر داد.", ["وزارت بهداشت، درمان و آموزش پزشکی"]),
    # a second head closes the chain
    (
        "کمیسیون امنیت ملی و سیاست خارجی مجلس جلسه فوق‌العاده برگزار کرد.",
        ["کمیسیون امنیت ملی و سیاست خارجی مجلس"],
    ),
    ("به نقل از روابط عمومی استانداری خوزستان، جاده بسته شد.", ["روابط عمومی استانداری خوزستان"]),
    # ordinals after a government or a parliament; two names joined by «و» stay two
    ("دولت یازدهم و مجلس دهم بر سر بودجه توافق کردند.", ["دولت یازدهم", "مجلس دهم"]),
    # an open head takes a proper name after its required adjectives
    ("گروه تروریستی جیش العدل مسئولیت این حمله را پذیرفت.", ["گروه تروریستی جیش العدل"]),
    # a person's name after «امام», with its religious mark
    ("دانشگاه امام صادق (ع) میزبان این همایش بود.", ["دانشگاه امام صادق (ع)"]),
    ("مراسم در دانشگاه آزاد اسلامی واحد جیرفت برگزار شد.", ["دانشگاه آزاد اسلامی واحد جیرفت"]),
    ("تیم ملی فوتبال ایران به جام جهانی صعود کرد.", ["تیم ملی فوتبال ایران"]),
    # a quoted name after an open head, quotes included
    ("شرکت «پارس ارتباط» مجوز واردات را گرفت.", ["شرکت «پارس ارتباط»"]),
    # a light verb takes the noun before it: «اقدام کرد» is not part of the name
    ("سازمان ملل اقدام کرد.", ["سازمان ملل"]),
]


@pytest.mark.parametrize("text,expected", POSITIVES)
def test_head_and_complement(orgs: OrganizationRecognizer, text: str, expected: list[str]) -> None:
    assert spans(orgs, text) == expected


def test_after_an_office_word_the_domains_are_the_name(orgs: OrganizationRecognizer) -> None:
    # «وزیر» / «مدیرکل» is left out; a head right after the office word is read as usual
    assert spans(orgs, "وزیر تعاون، کار و رفاه اجتماعی استعفا داد.") == ["تعاون، کار و رفاه اجتماعی"]
    assert spans(orgs, "مدیرکل راه و شهرسازی استان البرز گفت که جاده باز است.") == [
        "راه و شهرسازی استان البرز"
    ]
    assert spans(orgs, "وزیر عراق به تهران آمد.") == []  # a country alone is no ministry


def test_exact_offsets_and_kinds(orgs: OrganizationRecognizer) -> None:
    text = "در این نشست نمایندگان بانک مرکزی و وزارت نفت حضور داشتند."
    found = orgs(text, [])
    assert [(m.start, m.end) for m in found] == [(22, 32), (35, 44)]
    assert [text[m.start : m.end] for m in found] == ["بانک مرکزی", "وزارت نفت"]
    assert kinds(orgs, text) == ["bank", "ministry"]
    assert kinds(orgs, "حزب کارگر انگلیس پیروز شد.") == ["party"]
    assert kinds(orgs, "دادگاه انقلاب تهران رای داد.") == ["court"]


# ------------------------------------------------------------------ not a name

NEGATIVES = [
    "دولت باید به وعده‌های خود عمل کند.",  # a head alone
    "مجلس نمی‌تواند در این باره تصمیم بگیرد.",
    "این شرکت در نمایشگاه بین‌المللی شرکت کرد.",  # after a determiner; «شرکت کرد» is a verb
    "یک شرکت خارجی در این پروژه سرمایه‌گذاری کرد.",  # a descriptive adjective makes no name
    "رئیس جمهوری اسلامی ایران به نیویورک سفر کرد.",  # an office, not «جمهوری اسلامی ایران»
    "تیم ملی در دیدار دیروز شکست خورد.",  # any national team
    "بانک‌ها و شرکت‌های دولتی زیان دیدند.",  # plurals are no heads
    "نیروهای ارتش در مرز مستقر شدند.",
    "مرکز استان خوزستان اهواز است.",  # «مرکز» needs a domain: the capital of a province
    "او در پایگاه نظامی عین الاسد مستقر بود.",  # a military base is a place
    "رای‌دهندگان حوزه انتخابیه تهران پای صندوق رفتند.",
    "مدیر مدرسه از اولیا خواست که همکاری کنند.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_an_organization(orgs: OrganizationRecognizer, text: str) -> None:
    assert spans(orgs, text) == []


def test_name_ends_at_stop_words_and_punctuation(orgs: OrganizationRecognizer) -> None:
    assert spans(orgs, "بانک مرکزی، بانک جهانی و صندوق توسعه ملی.") == [
        "بانک مرکزی",
        "بانک جهانی",
        "صندوق توسعه ملی",
    ]
    assert spans(orgs, "وزارت نفت 2 میلیارد دلار پرداخت کرد.") == ["وزارت نفت"]
    assert spans(orgs, "سازمان حفاظت محیط زیست با این طرح مخالفت کرد.") == ["سازمان حفاظت محیط زیست"]
    # the news the outlet tells is no part of its name
    assert spans(orgs, "به گزارش خبرگزاری مهر تیراندازی در بازار دو زخمی برجا گذاشت.") == ["خبرگزاری مهر"]


# ------------------------------------------------------------------ mechanics


def test_spelling_variants(orgs: OrganizationRecognizer) -> None:
    # Arabic letter forms, and a ZWNJ written as a space or left out
    assert spans(orgs, "بانك مركزي اعلام كرد.") == ["بانك مركزي"]
    assert spans(orgs, "صندوق بین المللی پول گزارش داد.") == ["صندوق بین المللی پول"]
    assert key("بین‌المللی") == key("بین المللی") == key("بینالمللی")


def test_taken_spans_are_skipped(orgs: OrganizationRecognizer) -> None:
    text = "سازمان ملل و وزارت امور خارجه بیانیه دادند."
    assert spans(orgs, text, [(0, len("سازمان ملل"))]) == ["وزارت امور خارجه"]
    assert spans(orgs, text, [(0, len(text))]) == []


def test_towns_passed_by_the_caller(orgs: OrganizationRecognizer) -> None:
    town = Place("geonames-1", "Zarrinabad", ("زرین‌آباد",), "town", "IRN", None, 36.0, 48.0, population=40000)
    with_town = OrganizationRecognizer.load(places=[town])
    text = "شهرداری زرین‌آباد مرمت بنا را آغاز کرد."
    assert spans(with_town, text) == ["شهرداری زرین‌آباد"]
    # a town too small for `min_population` counts only after a place word («شهرستان»)
    hamlet = Place("geonames-2", "Zarrinabad", ("زرین‌آباد",), "town", "IRN", None, 36.0, 48.0, population=900)
    small = OrganizationRecognizer.load(places=[hamlet])
    assert spans(small, "فرمانداری شهرستان زرین‌آباد اطلاعیه داد.") == ["فرمانداری شهرستان زرین‌آباد"]


def test_a_second_place_after_the_names_place_starts_the_next_phrase(orgs: OrganizationRecognizer) -> None:
    assert spans(orgs, "سپاه پاسداران ایران اسرائیل را تهدید کرد.") == ["سپاه پاسداران ایران"]
    assert spans(orgs, "دولت اوکراین ارتش روسیه را متهم کرد.") == ["دولت اوکراین", "ارتش روسیه"]
