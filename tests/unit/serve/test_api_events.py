"""GET /api/events: every filter, paging, sorting and the three formats, on the ingested examples."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from rasad.export.acled import ACLED_COLUMNS
from rasad.export.writer import read_events
from rasad.store import EventFilter, Store


def ids(client: TestClient, **params: object) -> list[str]:
    response = client.get("/api/events", params=params)  # type: ignore[arg-type]
    assert response.status_code == 200, response.text
    return [event["id"] for event in response.json()["events"]]


def test_events_list_has_every_cluster_with_coded_fields(client: TestClient, examples_db: Path) -> None:
    body = client.get("/api/events").json()
    store = Store.open(str(examples_db), readonly=True)
    try:
        exported = read_events(store, EventFilter())
    finally:
        store.close()
    assert body["total"] == len(exported) == body["count"] >= 6  # one event per example story
    assert sorted(e["id"] for e in body["events"]) == sorted(e.id for e in exported)
    saravan = next(e for e in body["events"] if e["actor1"] and e["actor1"]["id"] == "jaish-al-adl")
    assert saravan["location"]["name"] == "Saravan" and saravan["location"]["country"] == "IRN"
    assert saravan["type"] == "ASSAULT" and saravan["event_type"] == "Battles" and saravan["date"] == "2024-06-10"
    assert isinstance(saravan["location"]["lat"], float) and saravan["n_reports"] >= 1


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"since": "2024-06-01"}, lambda e: e["date"] >= "2024-06-01"),
        ({"until": "2024-04-30"}, lambda e: e["date"] <= "2024-04-30"),
        ({"since": "1403-03-21", "until": "1403-03-21"}, lambda e: e["date"] == "2024-06-10"),  # Jalali
        ({"country": "IRN"}, lambda e: e["location"]["country"] == "IRN"),
        ({"country": "isr,lbn"}, lambda e: e["location"]["country"] in ("ISR", "LBN")),
        ({"type": "PROTEST"}, lambda e: e["type"] == "PROTEST"),
        ({"type": "Battles"}, lambda e: e["event_type"] == "Battles"),
        ({"type": "Air/drone strike"}, lambda e: e["sub_event_type"] == "Air/drone strike"),
        ({"actor": "hezbollah"}, lambda e: "hezbollah" in str(e["actor1"]).lower() + str(e["actor2"]).lower()),
        ({"bbox": "60,25,64,29"}, lambda e: 60 <= e["location"]["lon"] <= 64 and 25 <= e["location"]["lat"] <= 29),
    ],
)
def test_events_filter_narrows_to_matching_events(client: TestClient, params: dict[str, str], check: object) -> None:
    everything = client.get("/api/events").json()["total"]
    events = client.get("/api/events", params=params).json()["events"]
    assert 0 < len(events) < everything
    assert all(check(e) for e in events)  # type: ignore[operator]


def test_events_repeated_parameters_combine(client: TestClient) -> None:
    both = client.get("/api/events?country=ISR&country=LBN").json()["events"]
    assert {e["location"]["country"] for e in both} == {"ISR", "LBN"}
    actors = client.get("/api/events?actor=hezbollah&actor=israel").json()["events"]
    assert actors and all(e["actor1"]["id"] == "hezbollah" for e in actors)


def test_events_full_text_matches_persian_words_and_english_names(client: TestClient) -> None:
    persian = ids(client, q="نبطیه")  # every event of an article that names the town
    english = ids(client, q="Nabatieh")  # the events placed there
    assert english and set(english) < set(persian)
    assert ids(client, q="سراوان") and not ids(client, q="کلمه‌ای‌که‌نیست")
    assert ids(client, q='"unbalanced (quote* OR') == []  # user input never breaks the FTS5 syntax


def test_events_pages_follow_next_links(client: TestClient) -> None:
    seen: list[str] = []
    url: str | None = "/api/events?limit=3&sort=date"
    while url:
        response = client.get(url)
        body = response.json()
        assert body["limit"] == 3 and response.headers["x-total-count"] == str(body["total"])
        seen += [e["id"] for e in body["events"]]
        url = body["next"]
        if url:
            assert response.headers["link"] == f'<{url}>; rel="next"' and "sort=date" in url
    assert seen == ids(client, sort="date")
    assert len(seen) == len(set(seen)) == body["total"]


@pytest.mark.parametrize("key", ["date", "fatalities", "country", "type", "reports", "updated", "location", "injured"])
def test_events_sort_in_both_directions(client: TestClient, key: str) -> None:
    field = {"reports": "n_reports", "updated": "updated_at"}.get(key, key)

    def value(event: dict[str, object]) -> object:
        if key == "country":
            return event["location"]["country"]  # type: ignore[index]
        if key == "location":
            return event["location"]["name"]  # type: ignore[index]
        return event[field]

    ascending = [value(e) for e in client.get("/api/events", params={"sort": key}).json()["events"]]
    descending = [value(e) for e in client.get("/api/events", params={"sort": f"-{key}"}).json()["events"]]
    present = [v for v in ascending if v is not None]
    assert present == sorted(present)  # type: ignore[type-var]
    assert [v for v in descending if v is not None] == sorted(present, reverse=True)  # type: ignore[type-var]


def test_events_default_order_is_newest_first(client: TestClient) -> None:
    dates = [e["date"] for e in client.get("/api/events").json()["events"]]
    assert dates == sorted(dates, reverse=True)


def test_events_as_geojson_are_export_features(client: TestClient) -> None:
    response = client.get("/api/events?format=geojson&country=IRN")
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection" and body["total"] == len(body["features"]) + body["left_out"]
    for feature in body["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and 44 < lon < 64 and 25 < lat < 40
        assert feature["properties"]["iso"] == 364 or feature["properties"]["country"] == "Iran"
        assert feature["id"] == feature["properties"]["id"]


def test_events_as_csv_have_acled_columns(client: TestClient) -> None:
    response = client.get("/api/events?format=csv&type=ASSAULT")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert len(rows) == int(response.headers["x-total-count"]) and all(r["event_date"] for r in rows)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("since=2024-13-01", "since"),
        ("until=yesterday", "until"),
        ("since=2024-06-10&until=2024-06-01", "until"),
        ("country=Iran", "country"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=10,0,5,1", "bbox"),
        ("sort=colour", "sort"),
        ("limit=0", "limit"),
        ("limit=100000", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
        ("format=xml", "format"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_events_bad_parameter_is_400_naming_it(client: TestClient, query: str, name: str) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "bad_parameter" and name in body["message"]


def test_events_empty_result_is_not_an_error(client: TestClient) -> None:
    body = client.get("/api/events?country=FRA").json()
    assert body == {"total": 0, "limit": 100, "offset": 0, "count": 0, "next": None, "events": []}
