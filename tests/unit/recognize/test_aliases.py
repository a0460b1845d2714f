"""Second names: aliases in brackets, outlets' short names in attributions, quoted organization names,
clubs named by their town, and known names inside a longer known name."""

from __future__ import annotations

import pytest

from rasad.knowledge.loader import load_knowledge
from rasad.model import Article, Doc, Mention, Problem
from rasad.pipeline import Pipeline
from rasad.recognize.aliases import OutletShortNames, bracket_aliases
from rasad.recognize.quoted import ClubNames, QuotedNames


def run(pipeline: Pipeline, text: str) -> Doc:
    doc = pipeline.run(Article(id="test", text=text))
    assert not isinstance(doc, Problem)
    return doc


def named(doc: Doc, kind: str) -> list[tuple[str, str | None]]:
    return [(doc.text[m.start : m.end], m.ref) for m in doc.mentions if m.kind == kind]


# ------------------------------------------------------------------ brackets

def test_a_bracketed_name_after_a_name_is_the_same_one() -> None:
    text = "آژانس خبری سبا (سبانت) و شهرک البیاضه (الرویس) و بریتانیا (UKMTO) گفتند."
    outlet = Mention("OUTLET", 0, text.index(" ("), "saba", {"name": "Saba"})
    town_end = text.index(" (الرویس")
    town = Mention("PLACE", text.index("شهرک"), town_end, None, {"candidates": ["x"]})
    country = Mention("PLACE", text.index("بریتانیا"), text.index(" (UKMTO"), "country:GBR", {})
    aliases = bracket_aliases(text, [outlet, town, country])
    assert [(text[m.start : m.end], m.kind, m.ref) for m in aliases] == [
        ("سبانت", "OUTLET", "saba"),
        ("الرویس", "PLACE", None),  # a Latin acronym after a place names the organization around it: none
    ]
    assert aliases[1].data["candidates"] == ["x"] and aliases[1].data["alias"] is True


@pytest.mark.parametrize("text", ["امام حسین (ع) فرمود", "خبرگزاری فارس (پنجشنبه) نوشت"])
def test_marks_and_known_words_in_brackets_are_no_alias(text: str) -> None:
    first = Mention("OUTLET", 0, text.index(" ("), "fars", {})
    weekday = Mention("DATE", text.index("(") + 1, text.index(")"), None, {})
    assert bracket_aliases(text, [first, weekday]) == []


# ------------------------------------------------------------------ outlets' short names

@pytest.fixture(scope="module")
def short() -> OutletShortNames:
    return OutletShortNames.from_knowledge(load_knowledge())


@pytest.mark.parametrize(
    ("text", "surface", "ref"),
    [
        ("به گزارش شرق، نیروها وارد شهر شدند.", "شرق", "shargh"),
        ("به گزارش روزنامه پاکستانی داون، دو نفر کشته شدند.", "داون", "dawn"),
        ("به گزارش خبرنگار کیهان، جلسه برگزار شد.", "کیهان", "kayhan"),
    ],
)
def test_short_outlet_name_after_an_attribution(short: OutletShortNames, text: str, surface: str, ref: str) -> None:
    found = short(text, [])
    assert [(text[m.start : m.end], m.kind, m.ref) for m in found] == [(surface, "OUTLET", ref)]
    assert found[0].data["kind"] == "media"


@pytest.mark.parametrize("text", ["در شرق کشور باران بارید.", "به گزارش منابع محلی، دو نفر کشته شدند.", "اعتماد مردم کم شد."])
def test_short_outlet_names_only_in_attributions(short: OutletShortNames, text: str) -> None:
    assert short(text, []) == []


# ------------------------------------------------------------------ quoted names and clubs

@pytest.fixture(scope="module")
def quoted() -> QuotedNames:
    return QuotedNames.load()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("گروهی موسوم به «سپاه رهایی بلوچ» این حمله را به عهده گرفت.", ["سپاه رهایی بلوچ"]),
        ("گروه تازه‌تاسیس «لشکر احرار» بیانیه داد.", ["لشکر احرار"]),
        ("شرکت‌های کشتیرانی «دریا نورد»، «موج سبز» و «آبی‌رو» تحریم شدند.", ["دریا نورد", "موج سبز", "آبی‌رو"]),
        ("او گفت «ما می‌مانیم» و رفت.", []),
        ("گروه «کارگران» آمدند.", []),  # head right before the quote: the organization recognizer's
    ],
)
def test_quoted_names_after_a_group_noun(quoted: QuotedNames, text: str, names: list[str]) -> None:
    found = quoted(text, [])
    assert [text[m.start : m.end] for m in found] == names
    assert all(m.kind == "ACTOR" and m.data["org_source"] == "quoted" for m in found)


def test_quoted_name_overlapping_a_known_one_is_left_out(quoted: QuotedNames) -> None:
    text = "گروه تروریستی «داعش» مسئولیت را پذیرفت."
    start = text.index("داعش")
    assert quoted(text, [(start, start + 4)]) == []


def test_club_named_by_its_town() -> None:
    clubs = ClubNames.load()
    text = "مس کرمان و فولاد ایران و استقلال خوزستان بازی کردند."
    places = [
        Mention("PLACE", text.index("کرمان"), text.index("کرمان") + 5, None, {"candidates": ["kerman"]}),
        Mention("PLACE", text.index("ایران"), text.index("ایران") + 5, "country:IRN", {}),
        Mention("PLACE", text.index("خوزستان"), text.index("خوزستان") + 7, None, {"candidates": ["khuzestan"]}),
    ]
    found = clubs(text, places)
    assert [text[m.start : m.end] for m in found] == ["مس کرمان", "استقلال خوزستان"]
    assert all(m.kind == "ACTOR" and m.data == {"org_source": "club", "kind": "club"} for m in found)


# ------------------------------------------------------------------ through the pipeline

def test_names_inside_a_known_name(pipeline: Pipeline) -> None:
    doc = run(pipeline, "سخنگوی وزارت امور خارجه ایران از مقامات دمشق انتقاد کرد.")
    inside = {(doc.text[m.start : m.end], m.kind, m.ref) for m in doc.mentions if m.data.get("inside")}
    assert ("وزارت امور خارجه ایران", "ACTOR", "irn-foreign-ministry") in inside
    assert any(surface == "دمشق" and kind == "PLACE" for surface, kind, _ in inside)


def test_islamic_republic_is_the_state_and_iran_the_place_inside(pipeline: Pipeline) -> None:
    doc = run(pipeline, "جمهوری اسلامی ایران این اقدام را محکوم کرد.")
    assert named(doc, "ACTOR") == [("جمهوری اسلامی ایران", "irn-government")]
    assert [(doc.text[m.start : m.end], m.data.get("inside")) for m in doc.mentions if m.kind == "PLACE"] == [
        ("ایران", True)
    ]


def test_outlets_and_orgs_by_their_second_names(pipeline: Pipeline) -> None:
    doc = run(pipeline, "به گزارش شرق، خبرگزاری رسمی فلسطین (وفا) از یورش به اردوگاه خبر داد.")
    assert ("شرق", "shargh") in named(doc, "OUTLET") and ("وفا", "wafa") in named(doc, "OUTLET")
    assert any(m.kind == "SOURCE" and m.ref == "shargh" for m in doc.mentions)
