from __future__ import annotations

import csv
import io

from rasad.export.acled import ACLED_COLUMNS, acled_row, interaction, write_acled_csv
from rasad.export.rows import Actor

EXPECTED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,"
    "actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,"
    "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
)


def test_export_acled_header_is_acled_order(make_export_event) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    assert write_acled_csv([make_export_event()], out) == 1
    assert out.getvalue().splitlines()[0] == EXPECTED_HEADER
    assert ",".join(ACLED_COLUMNS) == EXPECTED_HEADER


def test_export_acled_row_values(make_export_event) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    write_acled_csv([make_export_event()], out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row == {
        "event_id_cnty": "SYR3F2A9C0B1D",
        "event_date": "2024-04-21",
        "year": "2024",
        "time_precision": "1",
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "",
        "assoc_actor_1": "",
        "inter1": "",
        "actor2": "Military Forces of the United States",
        "assoc_actor_2": "",
        "inter2": "8",
        "interaction": "",
        "civilian_targeting": "",
        "iso": "760",
        "region": "Middle East",
        "country": "Syria",
        "admin1": "Al-Hasakah",
        "admin2": "",
        "admin3": "",
        "location": "Kharab al-Jir",
        "latitude": "36.9000",
        "longitude": "41.9000",
        "geo_precision": "1",
        "source": "Reuters; Al Jazeera",
        "source_scale": "",
        "notes": "On 21 April 2024, unidentified forces fired five missiles from Zummar at Military Forces of the United States "
        "in Kharab al-Jir (Al-Hasakah). [Reuters; Al Jazeera]",
        "fatalities": "",
        "tags": "reports=2; weapon=missile",
        "timestamp": "1713866400",
    }


def test_export_acled_inter_codes(make_export_event) -> None:  # type: ignore[no-untyped-def]
    militia = Actor("kataib-hezbollah", "Kata'ib Hezbollah", "IRQ", "militia")
    civilians = Actor("civilians", "Civilians (Syria)", "SYR", "civilians")
    row = acled_row(make_export_event(actor1=militia, actor2=civilians, fatalities=0))
    assert (row["inter1"], row["inter2"], row["interaction"], row["civilian_targeting"]) == (3, 7, 37, "Civilian targeting")
    assert row["fatalities"] == 0
    protest = make_export_event(event_type="Protests", sub_event_type="Peaceful protest", actor1=civilians, actor2=None)
    assert (acled_row(protest)["inter1"], acled_row(protest)["interaction"]) == (6, 60)
    assert acled_row(protest)["disorder_type"] == "Demonstrations"
    assert interaction(1, 2) == interaction(2, 1) == 12 and interaction(None, 3) is None


def test_export_acled_time_precision(make_export_event) -> None:  # type: ignore[no-untyped-def]
    assert acled_row(make_export_event(date_precision="month"))["time_precision"] == 3
    assert acled_row(make_export_event(date_inferred=True))["time_precision"] == 2
    assert acled_row(make_export_event(place=None))["country"] == ""
