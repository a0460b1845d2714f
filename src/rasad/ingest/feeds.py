"""RSS and Atom feeds → Articles: one per entry, its HTML through trafilatura, its date from the entry.

feedparser reads every date format it knows into UTC; a Persian feed's
«1403/03/22 11:20» it misreads as a Gregorian year 1403, so the entry's own
string is tried first (rasad.ingest.dates.parse_published: ISO or Jalali), then
RFC 822 with its own time zone (the local publication day), then feedparser's value.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import re
from collections.abc import Iterator
from typing import Any
from xml.sax import SAXException

import feedparser

from rasad.errors import InputError
from rasad.ingest.codes import SourceError, warning
from rasad.ingest.dates import parse_published
from rasad.ingest.files import ArticleDefaults, check_text, content_id
from rasad.ingest.html import fragment_text, looks_like_html
from rasad.model import Article, Problem

MAX_FEED_BYTES = 20 * 1024 * 1024
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def looks_like_feed(head: bytes) -> bool:
    """True when the document's root element is an RSS, Atom or RDF feed."""
    return bool(_FEED_ROOT.search(head[:4096]))


def read_feed(data: bytes, origin: str, defaults: ArticleDefaults) -> Iterator[Article | Problem]:
    """Articles (or Problems) for each entry of a feed document."""
    if looks_like_html(data) and not looks_like_feed(data):
        yield SourceError("E201").problem(origin)
        return
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            reason = str(parsed.get("bozo_exception") or "unreadable XML")
            yield SourceError("E202", reason[:120]).problem(origin)
        elif not looks_like_feed(data):
            yield SourceError("E202", "no <rss>, <feed> or <rdf:RDF> root").problem(origin)
        else:
            yield warning("W202", origin)
        return
    if isinstance(parsed.get("bozo_exception"), SAXException):  # broken XML, not a mere charset mislabel
        yield warning("W204", origin, str(parsed.get("bozo_exception"))[:120])
    outlet = (parsed.get("feed") or {}).get("title") or None
    for index, entry in enumerate(entries, start=1):
        entry_origin = f"{origin}#{index}"
        try:
            yield entry_article(entry, entry_origin, defaults, outlet)
        except InputError as error:
            yield error.problem(entry_origin)


def entry_article(entry: Any, origin: str, defaults: ArticleDefaults, outlet: str | None) -> Article:
    """One feed entry as an Article; InputError when it has no usable text."""
    text = check_text(_entry_text(entry))
    link = entry.get("link") or None
    return Article(
        id=str(entry.get("id") or link or content_id(text)),
        text=text,
        published=entry_published(entry) or (parse_published(defaults.published) if defaults.published else None),
        outlet=outlet or defaults.outlet,
        url=link or defaults.url,
        title=entry.get("title") or defaults.title,
        origin=origin,
    )


def _entry_text(entry: Any) -> str:
    """The richest body an entry offers (full content over summary), as plain text."""
    candidates: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        candidates.append((content.get("value") or "", content.get("type") or "text/html"))
    summary = entry.get("summary")
    if summary:
        candidates.append((summary, (entry.get("summary_detail") or {}).get("type") or "text/html"))
    for value, kind in sorted(candidates, key=lambda c: -len(c[0])):
        text = fragment_text(value) if kind in _HTML_TYPES or "<" in value else value
        if text.strip():
            return text
    raise SourceError("E203", ": the feed entry has no content or summary")


def entry_published(entry: Any) -> str | None:
    """The entry's publication (or last update) date as an ISO date, or None."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return parse_published(raw)
        except InputError:
            pass
        try:
            return email.utils.parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed is not None and parsed.tm_year >= 1900:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None
