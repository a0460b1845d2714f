"""Untrusted text stays text: an article carrying <script> and <img onerror> runs nothing anywhere on the page.

The pages are opened with the Content-Security-Policy bypassed, so the test proves
the escaping itself (the policy is a second wall, tested in tests/unit/serve).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

TOKEN = "browser-token"  # the servers' (conftest.py)
PAYLOADS = ("<script>window.__xss", "<img src=x onerror")


@pytest.fixture()
def open_unguarded(browser: Any) -> Iterator[Callable[[str], Any]]:
    """Pages without the CSP, whose dialogs and errors are recorded on page.problems."""
    contexts: list[Any] = []

    def opener(url: str) -> Any:
        context = browser.new_context(bypass_csp=True, viewport={"width": 1366, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        page.on("dialog", lambda dialog: (page.problems.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: page.problems.append(str(error)))
        page.goto(url)
        return page

    yield opener
    for context in contexts:
        context.close()


def assert_nothing_ran(page: Any) -> None:
    assert page.evaluate("() => window.__xss === undefined"), page.evaluate("() => window.__xss")
    assert page.evaluate("() => document.querySelectorAll('img[onerror], [onerror], [onload]').length") == 0
    scripts = page.evaluate("() => [...document.scripts].map(s => s.src || 'inline:' + s.textContent.slice(0, 40))")
    assert all(not s.startswith("inline:") and "/static/" in s for s in scripts), scripts
    assert page.problems == []


def test_hostile_article_in_the_event_panel_runs_nothing(hostile_server: Any, open_unguarded: Callable[[str], Any], shoot: Callable[..., Path]) -> None:
    page = open_unguarded(hostile_server.url + "/?since=2024-06-12&q=" + quote("سراوان"))
    page.wait_for_selector("body[data-loaded=true]")
    page.wait_for_selector("#events-table tbody tr[data-id]")
    page.locator("#events-table tbody tr[data-id]").first.click()
    text = page.wait_for_selector("#event-view .article-text")
    page.wait_for_timeout(300)
    shown = text.inner_text() + page.locator("#event-view").inner_text()
    assert any(payload in shown for payload in PAYLOADS), "the hostile text should be shown, as text"
    assert page.locator("#event-view .article-text img, #event-view img").count() == 0
    assert page.locator("#event-view a[href^='javascript:']").count() == 0
    page.locator("#map path.leaflet-interactive").first.hover(force=True)  # tooltips are built from the same data
    page.wait_for_timeout(300)
    assert_nothing_ran(page)
    shoot(page, "hostile-event")


def test_hostile_article_pages_render_as_text(hostile_server: Any, open_unguarded: Callable[[str], Any]) -> None:
    page = open_unguarded(hostile_server.url + "/api/events?since=2024-06-12")
    event_id = page.evaluate("() => JSON.parse(document.body.innerText).events[0].id")
    page = open_unguarded(hostile_server.url + f"/api/events/{event_id}")
    article_id = page.evaluate("() => JSON.parse(document.body.innerText).reports.find(r => r.article.source_id === 'hostile-1').article.id")
    for path in (f"/events/{event_id}", f"/articles/{article_id}"):
        page = open_unguarded(hostile_server.url + path)
        page.wait_for_selector(".article-text")
        assert any(payload in page.locator("body").inner_text() for payload in PAYLOADS)
        assert_nothing_ran(page)


def test_pasted_hostile_text_runs_nothing(hostile_server: Any, open_unguarded: Callable[[str], Any], shoot: Callable[..., Path]) -> None:
    page = open_unguarded(hostile_server.url + "/")
    page.wait_for_selector("body[data-loaded=true]")
    page.click("#tab-paste")
    hostile = (
        "به گزارش خبرگزاری ایرنا، <img src=x onerror=\"window.__xss='pasted'\"> درگیری مسلحانه میان ماموران انتظامی "
        "و گروهک تروریستی جیش العدل بامداد امروز در شهرستان سراوان دستکم سه کشته بر جای گذاشت."
    )
    page.fill("#paste-text", hostile)
    page.fill("#paste-outlet", "<img src=x onerror=\"window.__xss='outlet'\">")
    page.fill("#paste-token", TOKEN)
    page.click("#paste-extract")
    page.wait_for_selector("#paste-result .article-text")
    assert "<img src=x onerror" in page.locator("#paste-result .article-text").inner_text()
    assert_nothing_ran(page)
    shoot(page, "hostile-paste")
