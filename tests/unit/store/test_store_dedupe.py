from __future__ import annotations

from dataclasses import replace

from rasad.store.dedupe import Report, cluster_reports, compatible, date_window, distance_km, region_key

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


def test_dedupe_descriptions_do_not_contradict_names() -> None:
    assert compatible(BASE, other(actor1_id="attackers"))  # «مهاجمان»: whoever they were
    assert compatible(replace(BASE, actor1_id="jaish-al-adl"), other(actor1_id="terrorists"))
    assert compatible(replace(BASE, actor2_id="civilians"), other(actor2_id="passengers"))


def test_dedupe_one_state_and_one_lineage_are_one_side() -> None:
    state = {"actor1_kind": "military", "actor1_country": "ISR"}
    assert compatible(replace(BASE, **state), other(actor1_id="isr-government", actor1_kind="government", actor1_country="ISR"))  # type: ignore[arg-type]
    assert not compatible(replace(BASE, **state), other(actor1_id="usa-military", actor1_kind="military", actor1_country="USA"))  # type: ignore[arg-type]
    assert compatible(replace(BASE, actor1_id="usa-military"), other(actor1_id="centcom"))  # CENTCOM's parent in the knowledge base
    assert compatible(replace(BASE, actor1_id="isis"), other(actor1_id="iskp"))
    assert not compatible(replace(BASE, actor1_id="isis"), other(actor1_id="taliban"))


def test_dedupe_two_crowds_are_two_protests() -> None:
    rally = replace(BASE, type="PROTEST", sub_event_type="Peaceful protest", actor1_id="retirees")
    assert not compatible(rally, replace(rally, uid="b", article_id=2, actor1_id="health-workers"))
    assert compatible(rally, replace(rally, uid="b", article_id=2, actor1_id="protesters"))
    assert compatible(rally, replace(rally, uid="b", article_id=2, actor1_id=None))
    assert compatible(replace(BASE, actor2_id="retirees"), other(actor2_id="civilians"))  # victims, not a crowd


def test_dedupe_region_names_compare_across_transliterations() -> None:
    assert region_key("Idleb") == region_key("Idlib") and region_key("Al-Anbar") == region_key("Anbar")
    assert region_key("Nabatieh") == region_key("Nabatiyeh") and region_key("Tehran") != region_key("Alborz")
    assert region_key("خوزستان") != region_key("تهران")
    idlib = other(country="SYR", location_name="Sarmada", admin1="Idlib", geo_precision=2, lat=36.18, lon=36.70, gazetteer_id="sarmada")
    province = other(uid="c", article_id=3, country="SYR", location_name="Idleb", admin1="Idleb", geo_precision=3, lat=35.8, lon=36.6, gazetteer_id="syr-idlib")
    assert compatible(idlib, province)


def test_dedupe_a_report_goes_to_the_likelier_event_whatever_the_order() -> None:
    # One article codes a suicide bombing in Quetta (7 killed) and, wrongly placed near Quetta too, a roadside
    # bomb; another article reports the suicide bombing. Both of the first article's events fit the second's.
    quetta = {"country": "PAK", "location_name": "Quetta", "admin1": None, "lat": 30.18, "lon": 66.99, "gazetteer_id": "geonames:1167528"}
    suicide = other(uid="s", article_id=1, sub_event_type="Suicide bomb", fatalities=7, geo_precision=1, actor1_id=None, **quetta)
    roadside = other(uid="a", article_id=1, sub_event_type="Remote explosive/landmine/IED", fatalities=None, geo_precision=2, actor1_id=None, **quetta)
    report = other(uid="b", article_id=2, sub_event_type="Suicide bomb", fatalities=7, geo_precision=1, actor1_id=None, **quetta)
    assert compatible(report, suicide) and compatible(report, roadside)
    for order in ([roadside, suicide, report], [report, roadside, suicide], [suicide, report, roadside]):
        groups = sorted(sorted(r.uid for r in g) for g in cluster_reports(order))
        assert groups == [["a"], ["b", "s"]]
