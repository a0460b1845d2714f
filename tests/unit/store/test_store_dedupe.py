from __future__ import annotations

from dataclasses import replace

from rasad.store.dedupe import Report, cluster_reports, compatible, date_window, distance_km

BASE = Report(
    uid="a",
    article_id=1,
    type="ASSAULT",
    outlet="IRNA",
    published="2024-04-22",
    sub_event_type="Air/drone strike",
    date="2024-04-21",
    date_precision="day",
    location_name="Nabatieh",
    country="LBN",
    admin1="Nabatieh",
    lat=33.378,
    lon=35.484,
    geo_precision=1,
    gazetteer_id="geonames:268743",
    actor1_id="isr-military",
    actor1_name="Military Forces of Israel",
)


def other(**changes: object) -> Report:
    values: dict[str, object] = {"uid": "b", "article_id": 2, **changes}
    return replace(BASE, **values)  # type: ignore[arg-type]


def test_dedupe_same_event_other_outlet() -> None:
    assert compatible(BASE, other(outlet="Tasnim", date="2024-04-22", lat=33.40, lon=35.50, gazetteer_id=None))


def test_dedupe_never_within_one_article_nor_across_types() -> None:
    assert not compatible(BASE, replace(BASE, uid="b"))
    assert not compatible(BASE, other(type="THREATEN"))


def test_dedupe_date_tolerance_depends_on_precision() -> None:
    assert compatible(BASE, other(date="2024-04-22"))
    assert not compatible(BASE, other(date="2024-04-23"))  # two days apart, both day-precise
    assert compatible(BASE, other(date="2024-04-23", date_inferred=True))  # publication day stands in
    assert compatible(BASE, other(date="2024-04-25", date_precision="week"))
    window = date_window(other(date="2024-04-05", date_precision="month"))
    assert window is not None and (window[0].isoformat(), window[1].isoformat()) == ("2024-04-01", "2024-04-30")


def test_dedupe_month_precision_needs_same_site_and_actor() -> None:
    coarse = other(date="2024-04-01", date_precision="month")
    assert compatible(BASE, coarse)
    assert not compatible(BASE, replace(coarse, actor1_id=None))
    assert not compatible(BASE, replace(coarse, gazetteer_id=None, lat=33.5, lon=35.6))


def test_dedupe_place_distance_depends_on_geo_precision() -> None:
    tyre = other(location_name="Tyre", lat=33.27, lon=35.20, gazetteer_id="geonames:267008")  # ~29 km away
    assert distance_km(BASE, tyre) is not None and 25 < (distance_km(BASE, tyre) or 0) < 35
    assert not compatible(BASE, tyre)
    assert compatible(BASE, replace(tyre, geo_precision=2))  # «near Tyre»: 60 km
    region = other(location_name="South Lebanon", admin1="South Lebanon", geo_precision=3, lat=33.3, lon=35.3, gazetteer_id=None)
    assert not compatible(BASE, region)  # another admin1
    assert compatible(BASE, replace(region, admin1="Nabatieh"))
    assert compatible(BASE, other(location_name="Lebanon", admin1=None, geo_precision=3, gazetteer_id="country:LBN"))
    assert not compatible(BASE, other(country="SYR", location_name="Quneitra", lat=33.12, lon=35.82))


def test_dedupe_actors_must_not_contradict() -> None:
    assert compatible(BASE, other(actor1_id=None))
    assert not compatible(BASE, other(actor1_id="hezbollah"))
    clash = replace(BASE, sub_event_type="Armed clash", actor2_id="hezbollah")
    assert compatible(clash, replace(clash, uid="b", article_id=2, actor1_id="hezbollah", actor2_id="isr-military"))
    assert not compatible(BASE, other(actor1_id="hezbollah", actor2_id="isr-military"))


def test_dedupe_without_place_needs_the_same_actor() -> None:
    unplaced = other(location_name=None, lat=None, lon=None, gazetteer_id=None, geo_precision=None, country=None)
    assert compatible(BASE, unplaced)
    assert not compatible(BASE, replace(unplaced, actor1_id=None))


def test_dedupe_clusters_are_complete_linkage() -> None:
    a = BASE
    b = other(uid="b", article_id=2, date="2024-04-22")
    c = other(uid="c", article_id=3, date="2024-04-23")  # matches b, not a (two days after a)
    d = other(uid="d", article_id=4, type="PROTEST")
    groups = sorted(sorted(r.uid for r in g) for g in cluster_reports([c, a, d, b]))
    assert groups == [["a", "b"], ["c"], ["d"]]


def test_dedupe_report_without_date_stays_alone() -> None:
    groups = cluster_reports([BASE, other(date=None)])
    assert sorted(len(g) for g in groups) == [1, 1]
