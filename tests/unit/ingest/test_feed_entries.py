from __future__ import annotations

from pathlib import Path

from rasad.ingest.feeds import read_feed
from rasad.ingest.files import ArticleDefaults
from rasad.model import Article, Problem

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "feeds" / "news_example.rss"

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>خبرگزاری آزمایشی</title>
  <entry>
    <title>انفجار در کابل</title>
    <link href="https://example.af/news/1"/>
    <id>tag:example.af,2024:1</id>
    <updated>2024-05-03T06:00:00Z</updated>
    <content type="html">&lt;p&gt;یک انفجار در غرب کابل دست‌کم سه کشته بر جای گذاشت.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>بدون متن</title>
    <link href="https://example.af/news/2"/>
    <id>tag:example.af,2024:2</id>
  </entry>
</feed>"""


def test_feed_rss_entries_become_articles() -> None:
    items = list(read_feed(EXAMPLE.read_bytes(), str(EXAMPLE), ArticleDefaults()))
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 3 and len(items) == 3
    first, second, _ = articles
    assert (first.id, first.url, first.outlet, first.published) == (
        "news-example-19873",
        "https://news.example.ir/fa/news/19873/nabatieh-drone",
        "پایگاه خبری نمونه",
        "2024-04-22",
    )
    assert first.title == "حمله پهپادی اسرائیل به خودرویی در نزدیکی نبطیه"
    assert "حزب\u200cالله" in first.text and "<p>" not in first.text  # full content, not the summary
    assert second.published == "2024-06-11"  # «1403/03/22 11:20», a Jalali pubDate
    assert first.origin == f"{EXAMPLE}#1"


def test_feed_atom_and_entry_without_text() -> None:
    items = list(read_feed(ATOM.encode(), "atom.xml", ArticleDefaults(published="2024-01-01")))
    article, problem = items
    assert isinstance(article, Article) and article.published == "2024-05-03" and article.outlet == "خبرگزاری آزمایشی"
    assert article.text.startswith("یک انفجار در غرب کابل")
    assert isinstance(problem, Problem) and problem.code == "E203" and problem.origin == "atom.xml#2"


def test_feed_that_is_an_html_page() -> None:
    [problem] = list(read_feed(b"<!DOCTYPE html><html><body><p>news</p></body></html>", "feed.rss", ArticleDefaults()))
    assert isinstance(problem, Problem) and problem.code == "E201"


def test_feed_broken_xml_and_empty_feed() -> None:
    warning, entry = list(read_feed(b"<rss><channel><item><title>x</ti", "broken.rss", ArticleDefaults()))
    assert isinstance(warning, Problem) and (warning.code, warning.severity) == ("W204", "warning")
    assert isinstance(entry, Problem) and entry.code == "E203"
    [unreadable] = list(read_feed(b"<rss><channel>\x00\x01", "junk.rss", ArticleDefaults()))
    assert isinstance(unreadable, Problem) and unreadable.code == "E202"
    [empty] = list(read_feed(b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>', "e.rss", ArticleDefaults()))
    assert isinstance(empty, Problem) and (empty.code, empty.severity) == ("W202", "warning")
