"""The HTML pages: the explorer and its assets, the event and article pages (JSON twins), and escaping."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.testclient import TestClient

HOSTILE = ("<script>window.__xss", "<img src=x onerror")


def test_explorer_page_carries_its_config_escaped(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    match = re.search(r'data-config="([^"]*)"', response.text)
    assert match is not None
    config = json.loads(match.group(1).replace("&#34;", '"').replace("&quot;", '"'))
    assert config == {"tileUrl": "", "tileAttribution": "", "extract": "token", "ingest": "off", "version": config["version"]}
    assert "<script>" not in response.text and 'type="module"' in response.text  # no inline script, ever


def test_explorer_page_tells_about_tiles_and_writing(make_client: Callable[..., TestClient], writable_db: Path) -> None:
    tiles = "https://tiles.example.org/{z}/{x}/{y}.png"
    page = make_client(writable_db, writable=True, tile_url=tiles, tile_attribution='<b>"tiles"</b>').get("/")
    assert "&lt;b&gt;" in page.text and "<b>" not in page.text  # the attribution is escaped into the attribute
    assert "https://tiles.example.org" in page.headers["content-security-policy"]


@pytest.mark.parametrize(
    "path",
    [
        "/static/app.css",
        "/static/js/main.js",
        "/static/js/map.js",
        "/static/world/countries-110m.geojson",
        "/static/leaflet/leaflet.js",
        "/static/leaflet/leaflet.css",
        "/static/markercluster/leaflet.markercluster.js",
        "/static/markercluster/MarkerCluster.css",
        "/static/favicon.svg",
    ],
)
def test_explorer_assets_are_served_offline(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200 and len(response.content) > 100


def test_world_outline_is_a_small_feature_collection(client: TestClient) -> None:
    world = client.get("/static/world/countries-110m.geojson").json()
    assert world["type"] == "FeatureCollection" and 150 < len(world["features"]) < 300
    assert {"Iran", "Iraq", "Syria", "Lebanon", "Afghanistan", "Pakistan", "Yemen"} <= {f["properties"]["name"] for f in world["features"]}


def test_event_page_renders_the_same_view_as_its_json_twin(client: TestClient) -> None:
    event = client.get("/api/events?sort=-reports&limit=1").json()["events"][0]
    twin = client.get(f"/api/events/{event['id']}").json()
    page = client.get(f"/events/{event['id']}")
    assert page.status_code == 200 and f'href="/api/events/{event["id"]}"' in page.text
    assert twin["notes"].split(",")[0] in page.text
    assert page.text.count('class="article-text"') == len(twin["reports"])
    for report in twin["reports"]:
        for highlight in report["highlights"]:
            if highlight["field"] not in ("evidence",):
                assert f"hl-{highlight['field']}" in page.text


def test_article_page_renders_text_with_highlights(client: TestClient) -> None:
    page = client.get("/articles/1")
    assert page.status_code == 200 and 'dir="rtl"' in page.text and "hl-evidence" in page.text
    assert client.get("/articles/99999").status_code == 404
    assert client.get("/events/nope").status_code == 404


def test_hostile_article_is_escaped_in_every_page_and_response(make_client: Callable[..., TestClient], hostile_db: Path) -> None:
    hostile = make_client(hostile_db)
    found = hostile.get("/api/events?q=سراوان&since=2024-06-12").json()["events"]
    assert found, "the hostile article gave no event"
    event = hostile.get(f"/api/events/{found[0]['id']}").json()
    report = next(r for r in event["reports"] if r["article"]["source_id"] == "hostile-1")
    article_id = report["article"]["id"]
    article = hostile.get(f"/api/articles/{article_id}").json()
    assert HOSTILE[0] in article["text"] or HOSTILE[1] in article["text"]  # the JSON carries it as data
    for path in (f"/events/{found[0]['id']}", f"/articles/{article_id}"):
        page = hostile.get(path).text
        for payload in HOSTILE:
            assert payload not in page
        assert "&lt;img src=x onerror" in page or "&lt;script&gt;" in page
        assert 'href="javascript:' not in page  # the hostile URL is never a link
