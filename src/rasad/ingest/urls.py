"""URLs → Articles: fetch, then read the answer as a feed, a page or plain text, by its content.

A URL that names a feed (…/rss, …/feed, .xml, .rss, .atom) and answers with an
HTML page is a bad input (E201), not an article: the user asked for a feed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from rasad.errors import InputError
from rasad.ingest.codes import SourceError
from rasad.ingest.dates import parse_published
from rasad.ingest.feeds import looks_like_feed, read_feed
from rasad.ingest.fetch import Fetcher
from rasad.ingest.files import ArticleDefaults, check_text, content_id, decode
from rasad.ingest.html import looks_like_html, page_article
from rasad.model import Article, Problem

_FEED_PATH = re.compile(r"(?:^|/)(?:rss|feed|feeds|atom)(?:/|$)|\.(?:rss|atom|xml)$", re.IGNORECASE)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def names_feed(url: str) -> bool:
    return bool(_FEED_PATH.search(urlsplit(url).path))


def read_url(url: str, fetcher: Fetcher, defaults: ArticleDefaults) -> Iterator[Article | Problem]:
    """The article at `url`, or each entry of the feed at `url`; Problems for what fails."""
    try:
        fetched = fetcher.get(url)
    except SourceError as error:
        yield error.problem(url)
        return
    body = fetched.body
    try:
        if looks_like_feed(body) or (fetched.content_type in _FEED_TYPES and not looks_like_html(body)):
            yield from read_feed(body, url, defaults)
        elif fetched.content_type in _HTML_TYPES or looks_like_html(body):
            if names_feed(url):
                raise SourceError("E201")
            data: bytes | str = _decoded(body, fetched.charset) if fetched.charset else body
            article, warnings = page_article(data, url, defaults, url=fetched.url)
            yield from warnings
            yield article
        elif fetched.content_type.startswith("text/") or not fetched.content_type:
            text = check_text(_decoded(body, fetched.charset))
            yield Article(
                id=content_id(text),
                text=text,
                published=parse_published(defaults.published) if defaults.published else None,
                outlet=defaults.outlet,
                url=fetched.url,
                title=defaults.title,
                origin=url,
            )
        else:
            raise SourceError("E214", repr(fetched.content_type))
    except InputError as error:
        yield error.problem(url)


def _decoded(body: bytes, charset: str | None) -> str:
    """The body in its declared charset, else UTF-8 or Windows-1256 (rasad.ingest.files.decode)."""
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body)
