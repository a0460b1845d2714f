"""Places the gazetteer lacks (noun + name), where they lie, and GeoNames names that are ordinary words."""

from __future__ import annotations

import pytest

from rasad.knowledge.geonames import _keep_name, _names, folded_zipf, read_homonyms
from rasad.model import Article, Doc, Mention, Problem
from rasad.pipeline import Pipeline
from rasad.recognize.lookup import wordfreq_zipf
from rasad.recognize.places import PlaceNameRecognizer, locate_by_context


@pytest.fixture(scope="module")
def places() -> PlaceNameRecognizer:
    return PlaceNameRecognizer.load()


def found(places: PlaceNameRecognizer, text: str, known: list[Mention] | None = None) -> list[tuple[str, str]]:
    """(surface, kind of place) of every place found, checking each mention's kind, data and offsets."""
    result: list[tuple[str, str]] = []
    for mention in places(text, known or []):
        assert mention.kind == "PLACE" and mention.ref is None
        assert mention.data["place_source"] == "pattern" and mention.data["candidates"] == []
        surface = text[mention.start : mention.end]
        assert surface.strip() == surface
        result.append((surface, mention.data["place_kind"]))
    return result


def run(pipeline: Pipeline, text: str) -> Doc:
    doc = pipeline.run(Article(id="test", text=text))
    assert not isinstance(doc, Problem)
    return doc


# ------------------------------------------------------------------ noun + name

POSITIVES: list[tuple[str, list[tuple[str, str]]]] = [
    ("خمپاره‌ای به روستای کلاته‌سنگ اصابت کرد.", [("روستای کلاته‌سنگ", "village")]),
    ("درگیری در ولسوالی شیندند ادامه دارد.", [("ولسوالی شیندند", "district")]),
    ("پهپاد به پادگان گیبورا حمله کرد.", [("پادگان گیبورا", "base")]),
    ("نیروها از گذرگاه مرزی باب‌السلامه عبور کردند.", [("گذرگاه مرزی باب‌السلامه", "crossing")]),
    ("جنگنده‌ها منطقه الزهیریه را بمباران کردند.", [("منطقه الزهیریه", "area")]),
    ("معترضان در میدان شهید چمران جمع شدند.", [("میدان شهید چمران", "square")]),
    ("مهاجمان به کلانتری ۲۳ یورش بردند.", [("کلانتری ۲۳", "police")]),
    ("در ولسوالی دره سیلاب آمد.", [("ولسوالی دره", "district")]),  # after a formal noun even a common word
    ("عملیات در شهرستان سنگان شمالی ادامه یافت.", [("شهرستان سنگان شمالی", "district")]),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_noun_and_name(places: PlaceNameRecognizer, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(places, text) == expected


def test_a_list_after_a_plural_noun_gives_a_place_per_name(places: PlaceNameRecognizer) -> None:
    text = "توپخانه روستاهای کفرنبوده، الهبیط و حیش را هدف گرفت."
    assert found(places, text) == [("کفرنبوده", "village"), ("الهبیط", "village"), ("حیش", "village")]


@pytest.mark.parametrize(
    "text",
    [
        "ساکنان روستای مجاور به شهر آمدند.",  # an adjective, no name
        "در منطقه امنیت برقرار شد.",  # a frequent word after a weak noun
        "رئیس بخش خصوصی گفت.",  # «بخش» is no place noun
        "پل پوگبا به تمرین بازگشت.",  # a given name, not a bridge
        "نیروها به میدان آمدند.",
        "او در روستای ما زندگی می‌کرد.",
        "شبه‌نظامیان یک خودروی زرهی را در ورودی اردوگاه منفجر کردند.",  # the first part of a compound verb
    ],
)
def test_not_a_place(places: PlaceNameRecognizer, text: str) -> None:
    assert found(places, text) == []


def test_a_known_place_or_a_longer_name_is_left_alone(places: PlaceNameRecognizer) -> None:
    text = "اهالی روستای کلاته‌سنگ و شهرداری منطقه ۲۲ گفتند."
    known_place = Mention("PLACE", text.index("کلاته‌سنگ"), text.index("کلاته‌سنگ") + len("کلاته‌سنگ"), None, {})
    organization = Mention("ACTOR", text.index("شهرداری"), text.index("۲۲") + 2, None, {"org_source": "pattern"})
    assert found(places, text, [known_place, organization]) == []


def test_a_name_stops_before_another_known_name(places: PlaceNameRecognizer) -> None:
    text = "بمب در محله کوچه‌باغی بندرعباس کشف شد."
    town = Mention("PLACE", text.index("بندرعباس"), text.index("بندرعباس") + len("بندرعباس"), None, {})
    assert found(places, text, [town]) == [("محله کوچه‌باغی", "neighbourhood")]


# ------------------------------------------------------------------ where they lie

def _place(text: str, surface: str, **data: object) -> Mention:
    start = text.index(surface)
    return Mention("PLACE", start, start + len(surface), None, dict(data))


def test_a_pattern_place_lies_in_the_larger_place_after_it() -> None:
    text = "حملات منطقه جربان در شهرستان سنحان در جنوب صنعا را هدف گرفت."
    pattern = {"candidates": [], "place_source": "pattern", "specificity": 1}
    mentions = [
        _place(text, "منطقه جربان", **pattern),
        _place(text, "شهرستان سنحان", **pattern),
        _place(text, "صنعا", candidates=["sanaa"]),
    ]
    located = locate_by_context(text, mentions, [(0, len(text))])
    assert [m.data["candidates"] for m in located] == [["sanaa"], ["sanaa"], ["sanaa"]]
    assert [m.data.get("located_by") for m in located] == ["within", "within", None]


def test_a_pattern_place_without_a_larger_one_takes_the_sentence_place_or_none() -> None:
    text = "در بحرین، معترضان در روستای الدراز جمع شدند. در روستای لمن خانه‌ها ویران شد."
    pattern = {"candidates": [], "place_source": "pattern", "specificity": 1}
    country = Mention("PLACE", 3, 9, "country:BHR", {"candidates": []})
    first = _place(text, "روستای الدراز", **pattern)
    second = _place(text, "روستای لمن", **pattern)
    sentences = [(0, text.index("در روستای لمن")), (text.index("در روستای لمن"), len(text))]
    located = locate_by_context(text, [country, first, second], sentences)
    assert located[1].ref == "country:BHR" and located[1].data["located_by"] == "sentence"
    assert located[2].ref is None and located[2].data["candidates"] == [] and located[2].data["specificity"] == 2


# ------------------------------------------------------------------ GeoNames names that are words

def test_homonyms_file_lists_words_never_taken_for_towns() -> None:
    homonyms = read_homonyms()
    assert {"خبر", "مردان", "دوشنبه", "وگو"} <= homonyms
    assert _names(["خبر", "الخبر"], 165_000, {}, True, homonyms) == ("الخبر",)


def test_a_name_is_as_frequent_as_the_word_it_folds_to() -> None:
    zipf = folded_zipf({"آیین": 4.6, "ایین": 0.1})
    # «إیین» (Hellín) is read wherever «آیین» is written: as frequent as «آیین»
    assert _names(["إیین"], 30_000, zipf, False) == ()
    assert _keep_name("إیین", 30_000, 0.0, False)


def test_frequent_words_are_not_curated_places_by_merged_letters(pipeline: Pipeline) -> None:
    doc = run(pipeline, "این گوشی در رتبه چهارم قرار گرفت و قصد دارد بازار را بگیرد.")
    assert [m for m in doc.mentions if m.kind in ("PLACE", "ACTOR")] == []


# ------------------------------------------------------------------ through the pipeline

def test_pipeline_places_and_their_location(pipeline: Pipeline) -> None:
    doc = run(pipeline, "جنگنده‌ها روستای کفرشیخوان در استان حماه را بمباران کردند.")
    places = {doc.text[m.start : m.end]: m for m in doc.mentions if m.kind == "PLACE"}
    assert set(places) == {"روستای کفرشیخوان", "استان حماه"}
    assert places["روستای کفرشیخوان"].data["candidates"] == places["استان حماه"].data["candidates"]


def test_the_noun_region_is_not_part_of_a_wide_place(pipeline: Pipeline) -> None:
    doc = run(pipeline, "تنش‌ها در منطقه خاورمیانه بالا گرفت.")
    assert [doc.text[m.start : m.end] for m in doc.mentions if m.kind == "PLACE"] == ["خاورمیانه"]


def test_a_country_after_a_noun_is_its_adjective(pipeline: Pipeline) -> None:
    doc = run(pipeline, "سفیر سعودی به بغداد رفت و هیئتی به سعودی سفر کرد.")
    countries = [doc.text[m.start : m.end] for m in doc.mentions if (m.ref or "").startswith("country:")]
    assert countries == ["سعودی"] and doc.text.index("به سعودی") + 3 == next(
        m.start for m in doc.mentions if m.ref == "country:SAU"
    )


def test_zipf_list_is_keyed_like_the_recognizers() -> None:
    assert wordfreq_zipf().get("خبر", 0.0) > 5.0


def test_a_date_wins_over_an_approximate_count_that_overlaps_it(pipeline: Pipeline) -> None:
    doc = run(pipeline, "او نزدیک به دو دهه پیش در ننگرهار بازداشت شد.")
    kinds = {doc.text[m.start : m.end]: m.kind for m in doc.mentions if m.kind in ("DATE", "NUMBER")}
    assert kinds == {"دو دهه پیش": "DATE"}


def test_a_name_of_an_outlet_and_a_town_is_the_town_after_a_place_word(pipeline: Pipeline) -> None:
    doc = run(pipeline, "به گزارش المیادین، شبه‌نظامیان داعش در نزدیکی المیادین به یک اتوبوس حمله کردند.")
    kinds = [(doc.text[m.start : m.end], m.kind) for m in doc.mentions if doc.text[m.start : m.end] == "المیادین"]
    assert ("المیادین", "OUTLET") in kinds and ("المیادین", "PLACE") in kinds
