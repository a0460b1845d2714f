"""Names of people the knowledge base does not list: given name + surname, title + name, and what is not a name."""

from __future__ import annotations

import pytest

from rasad.model import Mention
from rasad.recognize.names import NameRecognizer, key


@pytest.fixture(scope="module")
def names() -> NameRecognizer:
    return NameRecognizer.load()


def spans(names: NameRecognizer, text: str, taken: list[tuple[int, int]] | None = None) -> list[tuple[str, str]]:
    """(surface, name_source) of every name found, checking each mention's kind and offsets."""
    found: list[Mention] = names(text, taken or [])
    for mention in found:
        assert mention.kind == "PERSON" and mention.ref is None
        assert text[mention.start : mention.end].strip() == text[mention.start : mention.end]
    return [(text[m.start : m.end], m.data["name_source"]) for m in found]


# ------------------------------------------------------------------ given name + surname

POSITIVES: list[tuple[str, list[tuple[str, str]]]] = [
    ("ناصر کنعانی سخنگوی وزارت امور خارجه گفت که تهران پاسخ می‌دهد.", [("ناصر کنعانی", "given-name")]),
    (
        "عبدالعزیز المحمداوی رئیس ستاد الحشد الشعبی از پایگاه بازدید کرد.",
        [("عبدالعزیز المحمداوی", "given-name")],
    ),
    ("محمد بن سلمان ولیعهد عربستان با هیئت آمریکایی دیدار کرد.", [("محمد بن سلمان", "given-name")]),
    ("به گفته سید حسن نصرالله مقاومت ادامه دارد.", [("سید حسن نصرالله", "given-name")]),
    ("ابو مهدی المهندس در حمله پهپادی کشته شد.", [("ابو مهدی المهندس", "given-name")]),
    ("محمد شیاع السودانی نخست‌وزیر عراق به تهران سفر کرد.", [("محمد شیاع السودانی", "given-name")]),
    ("رجب طیب اردوغان رئیس‌جمهور ترکیه گفت که عملیات ادامه می‌یابد.", [("رجب طیب اردوغان", "given-name")]),
    ("روح الله زم در دادگاه حاضر شد.", [("روح الله زم", "given-name")]),
    ("غلامرضا سلیمانی فرمانده بسیج گفت.", [("غلامرضا سلیمانی", "given-name")]),
    ("خبرنگار ما با فاطمه محمدی و زهرا کریمی گفت‌وگو کرد.", [("فاطمه محمدی", "given-name"), ("زهرا کریمی", "given-name")]),
    ("ذبیح‌الله مجاهد سخنگوی طالبان این خبر را تأیید کرد.", [("ذبیح‌الله مجاهد", "given-name")]),
    ("محمود احمدی نژاد در این مراسم حضور نداشت.", [("محمود احمدی نژاد", "given-name")]),
    ("مراسم امام حسین (ع) در کربلا برگزار شد.", [("امام حسین (ع)", "given-name")]),
    # a given name that is also a common word, with a surname-like word after it
    ("امید صادقی رئیس شورای شهر استعفا داد.", [("امید صادقی", "given-name")]),
]


@pytest.mark.parametrize("text,expected", POSITIVES)
def test_given_name_and_surname(names: NameRecognizer, text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(names, text) == expected


def test_exact_offsets(names: NameRecognizer) -> None:
    text = "در این نشست ناصر کنعانی و محمد بن سلمان حضور داشتند."
    found = names(text, [])
    assert [(m.start, m.end) for m in found] == [(12, 23), (26, 39)]
    assert [text[m.start : m.end] for m in found] == ["ناصر کنعانی", "محمد بن سلمان"]


# ------------------------------------------------------------------ titles

TITLED: list[tuple[str, list[tuple[str, str]]]] = [
    ("سخنگوی وزارت خارجه، ناصر کنعانی، حمله را محکوم کرد.", [("ناصر کنعانی", "given-name")]),
    ("آقای عراقچی امروز به مسکو رفت.", [("عراقچی", "title")]),
    ("سرلشکر باقری از مرزهای غربی بازدید کرد.", [("باقری", "title")]),
    ("شیخ نعیم در سخنرانی خود گفت.", [("نعیم", "title")]),
    ("حضرت آیت‌الله سیستانی بیانیه‌ای صادر کرد.", [("سیستانی", "title")]),
    ("وزیر احمدی‌نژاد در جلسه نبود.", [("احمدی‌نژاد", "title")]),
    ("سردار سرتیپ پاسدار حسین سلامی گفت.", [("حسین سلامی", "given-name")]),
]


@pytest.mark.parametrize("text,expected", TITLED)
def test_title_and_name(names: NameRecognizer, text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(names, text) == expected


# ------------------------------------------------------------------ not names

NEGATIVES = [
    "علی رغم هشدارها نیروها عقب‌نشینی نکردند.",
    "نیروهای ارتش به روستای حسین‌آباد رسیدند.",
    "درگیری‌ها در محمدیه و اطراف آن ادامه دارد.",
    "علی گفت که به خانه برمی‌گردد.",  # a given name alone, no title
    "جو سیاسی کشور پس از انتخابات متشنج است.",
    "امید دارم که آتش‌بس برقرار بماند.",
    "طرفین بر حسن نیت و حسن همجواری تأکید کردند.",
    "شمار جان باختگان حادثه به ده نفر رسید.",
    "خیابان شهید باکری به روی خودروها بسته شد.",
    "فرمانده پلیس قندهار در انفجار کشته شد.",
    "سفیر سعودی در بغداد احضار شد.",
    "شهردار دهدشت از کمبود بودجه خبر داد.",
    "به گزارش رویترز، حمله به پایگاه ادامه دارد.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_a_name(names: NameRecognizer, text: str) -> None:
    assert spans(names, text) == []


def test_zwnj_is_part_of_the_word(names: NameRecognizer) -> None:
    # «حسین‌آباد» is one word: its «حسین» does not start a name
    assert spans(names, "حسین‌آباد کریمی") == []
    assert spans(names, "حسین کریمی") == [("حسین کریمی", "given-name")]


def test_spelling_variants(names: NameRecognizer) -> None:
    # Arabic letter forms and a compound written apart or joined
    assert spans(names, "علي اكبر ولايتي گفت") == [("علي اكبر ولايتي", "given-name")]
    assert spans(names, "عبد الله عبد الله گفت") == [("عبد الله عبد الله", "given-name")]
    assert key("علی‌اکبر") == key("علی اکبر") == key("علیاكبر")


def test_taken_spans_are_skipped(names: NameRecognizer) -> None:
    text = "محمد جواد ظریف و ناصر کنعانی دیدار کردند."
    known = (0, len("محمد جواد ظریف"))
    assert spans(names, text, [known]) == [("ناصر کنعانی", "given-name")]
    assert spans(names, text, [(0, len(text))]) == []


def test_verbs_end_a_name(names: NameRecognizer) -> None:
    assert spans(names, "از فاطمه خواستم که بیاید.") == []
    assert spans(names, "مریم رفته بود.") == []


# ------------------------------------------------------------------ appositions

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("گلبدین نورزی، سخنگوی والی هرات، به خبرنگاران گفت.", ["گلبدین نورزی"]),
        ("ماتیاس کورنلیوس، مدیر منطقه‌ای دیده‌بان حقوق بشر، هشدار داد.", ["ماتیاس کورنلیوس"]),
        ("او دیروز آمد. باریالی وردک، عضو شورای ولایتی، گفت.", ["باریالی وردک"]),
    ],
)
def test_name_told_by_the_office_after_it(names: NameRecognizer, text: str, expected: list[str]) -> None:
    found = names.appositions(text, [])
    assert [text[m.start : m.end] for m in found] == expected
    assert all(m.kind == "PERSON" and m.data["name_source"] == "apposition" for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "وزارت خارجه، سخنگوی آن را برکنار کرد.",  # frequent words
        "ایران، عراق و سوریه توافق کردند.",  # no office after the comma
        "دیروز، رئیس‌جمهور سخنرانی کرد.",
        "در این جلسه نورزی، سخنگوی والی، حاضر بود.",  # not at a sentence's start
    ],
)
def test_no_apposition(names: NameRecognizer, text: str) -> None:
    assert names.appositions(text, []) == []


def test_apposition_leaves_taken_names(names: NameRecognizer) -> None:
    text = "گلبدین نورزی، سخنگوی والی هرات، گفت."
    assert names.appositions(text, [(0, len("گلبدین نورزی"))]) == []


def test_a_number_word_ends_a_name(names: NameRecognizer) -> None:
    found = [text for text, _ in spans(names, "به گفته شهردار بنی هشت نفر بازداشت شدند.")]
    assert not any("هشت" in text for text in found)
