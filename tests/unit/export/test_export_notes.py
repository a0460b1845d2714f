from __future__ import annotations

from rasad.export.notes import casualty_phrase, fill, notes
from rasad.export.rows import Actor, Place


def test_export_notes_optional_segments_and_fallbacks() -> None:
    template = "[{actor1}|armed men] attacked [{actor2}|civilians][ with {what}]"
    assert fill(template, {"actor1": "Taliban", "actor2": None, "what": None}) == "Taliban attacked civilians"
    assert fill(template, {"actor1": None, "actor2": "police", "what": "a grenade"}) == "armed men attacked police with a grenade"


def test_export_notes_sentence_from_coded_fields(make_export_event) -> None:  # type: ignore[no-untyped-def]
    event = make_export_event(
        sub_event_type="Armed clash",
        event_type="Battles",
        actor1=Actor("jaish-al-adl", "Jaish al-Adl", None, "armed-group"),
        actor2=Actor("irn-police", "Police Forces of Iran", "IRN", "police"),
        place=Place("Saravan", "IRN", "Sistan and Baluchestan", 27.37, 62.33, 2, "geonames:1"),
        fatalities=3,
        injured=4,
        status="claimed",
        date_precision="month",
        sources=("IRNA (Islamic Republic News Agency)",),
    )
    assert notes(event) == (
        "In April 2024, Jaish al-Adl clashed with Police Forces of Iran near Saravan (Sistan and Baluchestan), "
        "killing 3 people and injuring 4 (as claimed). [IRNA (Islamic Republic News Agency)]"
    )


def test_export_notes_casualties() -> None:
    assert casualty_phrase(1, None) == ", killing 1 person"
    assert casualty_phrase(0, None) == ", killing no one"
    assert casualty_phrase(None, 2) == ", injuring 2 people"
    assert casualty_phrase(None, None) == ""


def test_export_notes_country_level_place(make_export_event) -> None:  # type: ignore[no-untyped-def]
    event = make_export_event(place=Place("Syria", "SYR", None, 35.0, 38.0, 3, "country:SYR"), date=None, sources=())
    assert notes(event) == "On an unknown date, unidentified forces fired five missiles from Zummar at Military Forces of the United States in Syria."
