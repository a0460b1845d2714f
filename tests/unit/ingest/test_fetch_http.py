from __future__ import annotations

import time
from typing import Any

import pytest

from rasad.ingest.codes import SourceError
from rasad.ingest.fetch import USER_AGENT, Fetcher, FetchSettings
from rasad.ingest.files import ArticleDefaults
from rasad.ingest.urls import read_url
from rasad.model import Article, Problem

FAST = FetchSettings(timeout=2.0, retries=2, backoff=0.01, per_host_delay=0.0)


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 2))
        self.now += seconds


def test_fetch_page_sends_user_agent(local_server: Any) -> None:
    fetched = Fetcher(FAST).get(local_server.url("/news/20145"))
    assert (fetched.status, fetched.content_type, fetched.charset) == (200, "text/html", "utf-8")
    assert fetched.body.startswith(b"<!DOCTYPE html>")
    headers = [h for p, h in local_server.requests if p == "/news/20145"][-1]
    assert headers["User-Agent"] == USER_AGENT


def test_fetch_server_error_is_retried_then_reported(local_server: Any) -> None:
    before = local_server.hits("/broken")
    with pytest.raises(SourceError) as raised:
        Fetcher(FAST).get(local_server.url("/broken"))
    assert raised.value.code == "E211" and "500" in str(raised.value) and "3 attempts" in str(raised.value)
    assert local_server.hits("/broken") - before == 3


def test_fetch_client_error_is_not_retried(local_server: Any) -> None:
    before = local_server.hits("/missing")
    with pytest.raises(SourceError, match="HTTP error 404"):
        Fetcher(FAST).get(local_server.url("/missing"))
    assert local_server.hits("/missing") - before == 1


def test_fetch_slow_server_times_out(local_server: Any) -> None:
    started = time.monotonic()
    with pytest.raises(SourceError) as raised:
        Fetcher(FetchSettings(timeout=0.3, retries=1, backoff=0.01, per_host_delay=0.0)).get(local_server.url("/slow"))
    assert raised.value.code == "E210" and "2 attempts" in str(raised.value)
    assert time.monotonic() - started < 2.5


def test_fetch_size_cap(local_server: Any) -> None:
    with pytest.raises(SourceError, match="too large") as raised:
        Fetcher(FetchSettings(max_bytes=100_000, per_host_delay=0.0)).get(local_server.url("/big"))
    assert raised.value.code == "E213"


def test_fetch_waits_between_requests_to_one_host_and_honours_retry_after(local_server: Any) -> None:
    fake = FakeClock()
    fetcher = Fetcher(FetchSettings(retries=1, backoff=0.5, per_host_delay=2.0), sleep=fake.sleep, clock=fake.clock)
    fetcher.get(local_server.url("/plain"))
    fetcher.get(local_server.url("/plain"))
    assert fake.slept == [2.0]
    with pytest.raises(SourceError, match="429"):
        fetcher.get(local_server.url("/busy"))
    # the host delay before each attempt, and Retry-After (1 s) instead of the back-off between them
    assert fake.slept == [2.0, 2.0, 1.0, 1.0]


def test_fetch_unreachable_and_invalid_urls() -> None:
    with pytest.raises(SourceError) as refused:
        Fetcher(FetchSettings(retries=0, per_host_delay=0.0)).get("http://127.0.0.1:9/nothing")
    assert refused.value.code == "E212"
    with pytest.raises(SourceError) as invalid:
        Fetcher().get("ftp://example.org/x")
    assert invalid.value.code == "E215"


def _read(server: Any, path: str) -> list[Article | Problem]:
    return list(read_url(server.url(path), Fetcher(FAST), ArticleDefaults(outlet="fallback")))


def test_url_page_becomes_an_article(local_server: Any) -> None:
    [article] = _read(local_server, "/news/20145")
    assert isinstance(article, Article)
    assert article.url == "https://news.example.ir/fa/news/20145/saravan-border-post"  # the page's canonical link
    assert (article.published, article.outlet, article.origin) == ("2024-06-10", "پایگاه خبری نمونه", local_server.url("/news/20145"))


def test_url_feed_gives_each_entry(local_server: Any) -> None:
    items = _read(local_server, "/rss")
    assert [type(i).__name__ for i in items] == ["Article"] * 3
    assert [i.published for i in items if isinstance(i, Article)] == ["2024-04-22", "2024-06-11", "2024-06-12"]


@pytest.mark.parametrize(
    ("path", "code"),
    [("/feed.xml", "E201"), ("/binary", "E214"), ("/broken", "E211"), ("/missing", "E211")],
)
def test_url_bad_answers_are_problems(local_server: Any, path: str, code: str) -> None:
    [problem] = _read(local_server, path)
    assert isinstance(problem, Problem) and problem.code == code and problem.origin == local_server.url(path)


def test_url_plain_text(local_server: Any) -> None:
    [article] = _read(local_server, "/plain")
    assert isinstance(article, Article) and article.text.startswith("انفجار") and article.outlet == "fallback"
