"""Places listed in our own sites table are places, even when GeoNames knows the name too and a
person-name pattern could take it."""

from __future__ import annotations

from rasad.model import Article
from rasad.pipeline import Pipeline


def test_a_listed_town_is_not_taken_for_a_name(pipeline: Pipeline) -> None:
    doc = pipeline(Article("t", "روز دوشنبه در بنی سهیلا سه نفر کشته شدند.", published="2024-05-08"))
    places = [doc.text[m.start : m.end] for m in doc.mentions if m.kind == "PLACE"]
    assert "بنی سهیلا" in places
    assert not any(m.kind == "PERSON" for m in doc.mentions)
