"""The explorer page in headless Chromium: markers, the event panel, filters in the URL, paste-an-article, phones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parents[2]
SARAVAN = (ROOT / "examples" / "articles" / "2024-06-10_saravan_clash.txt").read_text(encoding="utf-8")
TOKEN = "browser-token"  # the examples server's (conftest.py)
LOADED = "body[data-loaded=true]"
MARKERS = "#map path.leaflet-interactive"  # one circle per event not folded into a cluster
CLUSTERS = "#map .cluster-icon"


def query(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def _opened(page: Any) -> bool:
    """Whether the event panel shows an article within a few seconds."""
    try:
        page.wait_for_selector("#event-view .article-text", timeout=5000)
    except Exception:  # playwright's TimeoutError: not opened yet
        return False
    return True


def table_rows(page: Any) -> int:
    return int(page.locator("#events-table tbody tr[data-id]").count())


def test_page_shows_markers_timeline_and_table(examples_server: Any, open_page: Callable[..., Any], shoot: Callable[..., Path]) -> None:
    page = open_page(examples_server.url + "/")
    page.wait_for_selector(LOADED)
    page.wait_for_selector(CLUSTERS)
    total = int(page.locator("#table-count").inner_text())
    assert total >= 6 and table_rows(page) == total  # one event per example story
    on_map = f"""() => document.querySelectorAll('{MARKERS}').length
        + [...document.querySelectorAll('{CLUSTERS} span')].reduce((n, s) => n + Number(s.textContent), 0)"""
    page.wait_for_function(f"() => ({on_map})() === {total}", timeout=5000)  # every event on the map, alone or in a cluster
    assert page.locator("#timeline rect.bar").count() >= 3
    assert page.locator("#legend button").count() >= 2
    assert page.locator("#map .leaflet-overlay-pane path").count() > 100  # the offline world outline
    shoot(page, "explorer")


def test_clicking_a_marker_shows_the_persian_article_with_highlights(
    examples_server: Any, open_page: Callable[..., Any], shoot: Callable[..., Path]
) -> None:
    page = open_page(examples_server.url + "/")
    page.wait_for_selector(LOADED)
    page.locator(CLUSTERS).first.click()  # zoom into (or spread out) a cluster
    page.locator(MARKERS).first.wait_for(state="visible")
    page.wait_for_timeout(900)  # the zoom animation settles
    page.wait_for_function("() => !document.querySelector('#map.leaflet-zoom-anim, #map .leaflet-zoom-anim')")
    # a click may land while the map still moves, or on a marker under another: try the next marker then
    markers = page.locator(MARKERS)
    for index in range(min(markers.count(), 6)):
        markers.nth(index).click(force=True)
        if _opened(page):
            break
    text = page.wait_for_selector("#event-view .article-text")
    assert text.get_attribute("dir") == "rtl" and text.get_attribute("lang") == "fa"
    assert "event" in query(page)
    for field in ("evidence", "trigger", "location"):  # a date or a casualty figure has words only when the text gives them
        assert page.locator(f"#event-view .article-text .hl-{field}").count() >= 1, field
    assert page.locator("#event-view .fields dt").count() >= 8
    # ACLED-style notes open with the date: «On 10 June 2024, ...», or «In March 2024, ...» for a month
    assert page.locator("#event-view .notes").inner_text().startswith(("On ", "In "))
    highlighted = page.locator("#event-view .article-text .hl-location").first.inner_text()
    assert highlighted and all("\u0600" <= c <= "\u06ff" or c in " \u200c" for c in highlighted)
    shoot(page, "event-panel")


def test_filters_by_type_and_date_live_in_the_url(examples_server: Any, open_page: Callable[..., Any], shoot: Callable[..., Path]) -> None:
    page = open_page(examples_server.url + "/")
    page.wait_for_selector(LOADED)
    total = table_rows(page)
    page.select_option("#f-type", "PROTEST")
    page.wait_for_function("() => document.querySelectorAll('#events-table tbody tr[data-id]').length === 1")
    assert query(page)["type"] == ["PROTEST"]
    assert page.locator("#events-table tbody .badge").all_inner_texts() == ["PROTEST"]
    page.select_option("#f-type", "")
    page.wait_for_function(f"() => document.querySelectorAll('#events-table tbody tr[data-id]').length === {total}")
    box = page.locator("#timeline").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] * 0.55, box["y"] + box["height"] / 2)  # brush the later half
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 4, box["y"] + box["height"] / 2, steps=8)
    page.mouse.up()
    page.wait_for_function("() => new URLSearchParams(location.search).has('since')")
    page.wait_for_selector(LOADED)
    page.wait_for_timeout(500)
    since, until = query(page)["since"][0], query(page)["until"][0]
    dates = page.locator("#events-table tbody tr[data-id] td:first-child").all_inner_texts()
    assert 0 < len(dates) < total and all(since <= d <= until for d in dates)
    assert page.locator("#timeline rect.brush").count() == 1
    shoot(page, "filtered")
    shared = open_page(page.url)  # the same view, from its URL alone
    shared.wait_for_selector(LOADED)
    shared.wait_for_timeout(300)
    assert shared.input_value("#f-since") == since and table_rows(shared) == len(dates)


def test_pasting_an_article_shows_its_events(examples_server: Any, open_page: Callable[..., Any], shoot: Callable[..., Path]) -> None:
    page = open_page(examples_server.url + "/")
    page.wait_for_selector(LOADED)
    page.click("#tab-paste")
    page.fill("#paste-text", SARAVAN)
    page.fill("#paste-published", "2024-06-10")
    page.fill("#paste-token", TOKEN)
    page.click("#paste-extract")
    page.wait_for_selector("#paste-result .found li")
    assert "event(s) found" in page.locator("#paste-status").inner_text()
    assert page.locator("#paste-result .found li").count() >= 1
    assert page.locator("#paste-result .article-text .hl-location").count() >= 1
    assert page.locator("#paste-result").inner_text().count("Saravan") >= 1
    shoot(page, "paste")
    page.fill("#paste-token", "wrong")
    page.click("#paste-extract")
    page.wait_for_selector("#paste-status.error")
    assert "403" in page.locator("#paste-status").inner_text()


def test_phone_layout_fits_the_screen(examples_server: Any, open_page: Callable[..., Any], shoot: Callable[..., Path]) -> None:
    page = open_page(examples_server.url + "/", width=390, height=844)
    page.wait_for_selector(LOADED)
    assert page.evaluate("document.documentElement.scrollWidth") <= 391  # nothing wider than the phone
    assert page.locator("#map").bounding_box()["width"] >= 340  # type: ignore[index]
    page.locator("#events-table tbody tr[data-id]").first.click()
    page.wait_for_selector("#event-view .article-text")
    panel = page.locator("#panel").bounding_box()
    assert panel is not None and panel["width"] >= 340
    shoot(page, "phone")
