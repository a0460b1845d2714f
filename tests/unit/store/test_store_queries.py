from __future__ import annotations

import pytest

from rasad.store import EventFilter, Store
from rasad.store.queries import cluster_with_reports, largest_clusters, select_clusters, select_reports

KABUL = {"name": "Kabul", "text": "کابل", "country": "AFG", "admin1": "Kabul", "lat": 34.53, "lon": 69.17, "geo_precision": 1, "gazetteer_id": "geonames:1138958"}
TALIBAN = {"id": "taliban", "name": "Taliban", "text": "طالبان", "country": "AFG", "kind": "armed-group"}


@pytest.fixture
def filled(tmp_store: Store, make_extracted, make_event) -> Store:  # type: ignore[no-untyped-def]
    tmp_store.write(
        [
            make_extracted(url="https://a.ir/1"),
            make_extracted(text="گزارش دوم از انفجار اهواز.", url="https://b.ir/1", outlet="تسنیم"),
            make_extracted(
                text="درگیری در کابل.",
                url="https://c.ir/1",
                events=[make_event(location=KABUL, actor1=TALIBAN, date={"value": "2024-05-03", "precision": "day", "text": "دیروز"}, acled={"event_type": "Battles", "sub_event_type": "Armed clash"})],
            ),
        ]
    )
    tmp_store.rebuild_clusters()
    return tmp_store


@pytest.mark.parametrize(
    ("where", "locations"),
    [
        (EventFilter(), ["Ahvaz", "Kabul"]),
        (EventFilter(since="2024-05-01"), ["Kabul"]),
        (EventFilter(until="2024-04-21"), ["Ahvaz"]),
        (EventFilter(countries=("afg",)), ["Kabul"]),
        (EventFilter(types=("battles",)), ["Kabul"]),
        (EventFilter(types=("ASSAULT",)), ["Ahvaz", "Kabul"]),
        (EventFilter(types=("Remote explosive/landmine/IED",)), ["Ahvaz"]),
        (EventFilter(actors=("talib",)), ["Kabul"]),
        (EventFilter(bbox=(44.0, 25.0, 63.5, 40.0)), ["Ahvaz"]),
        (EventFilter(countries=("IRN",), since="2024-05-01"), []),
    ],
)
def test_store_queries_filter_clusters(filled: Store, where: EventFilter, locations: list[str]) -> None:
    with filled.connect() as connection:
        assert [row["location_name"] for row in select_clusters(connection, where)] == locations


def test_store_queries_clusters_carry_their_reports(filled: Store) -> None:
    with filled.connect() as connection:
        ahvaz = select_clusters(connection, EventFilter(countries=("IRN",)))[0]
        assert sorted(r["outlet"] for r in ahvaz["reports"]) == sorted(["ایرنا", "تسنیم"])
        assert len(select_reports(connection, EventFilter(countries=("IRN",)))) == 2
        assert cluster_with_reports(connection, ahvaz["id"][:6])["n_reports"] == 2  # type: ignore[index]
        assert cluster_with_reports(connection, "zzz") is None
        assert [c["n_reports"] for c in largest_clusters(connection)] == [2, 1]
