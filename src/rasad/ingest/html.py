"""HTML pages → Article: trafilatura finds the main text, the title, the date and the site name.

trafilatura drops every character that `str.isprintable()` rejects, and the
zero-width non-joiner (U+200C) is one of them, so «می‌گیرد» would come out as
«میگیرد». The page's ZWNJs are swapped for a printable stand-in before
extraction and put back afterwards, so the text keeps what the page had.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import decode_file

from rasad.errors import InputError
from rasad.ingest.codes import SourceError, warning
from rasad.ingest.dates import parse_published
from rasad.ingest.files import ArticleDefaults, check_text, content_id
from rasad.ingest.html_meta import PUBLISHED_XPATHS
from rasad.model import Article, Problem

ZWNJ = "\u200c"
STAND_IN = "\ua830"  # NORTH INDIC FRACTION ONE QUARTER: printable, never in Persian news
_ZWNJ_FORMS = re.compile(r"\u200c|&zwnj;|&#8204;|&#x200c;", re.IGNORECASE)
_LOOKS_HTML = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_DATE_OPTIONS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True)
class Page:
    """What a page holds besides markup."""

    text: str
    title: str | None
    published: str | None
    site_name: str | None
    url: str | None
    hostname: str | None
    warnings: tuple[Problem, ...] = ()


def looks_like_html(head: bytes | str) -> bool:
    """True when the first bytes of a document are an HTML page."""
    sample = head[:4096].decode("utf-8", "replace") if isinstance(head, bytes) else head[:4096]
    return bool(_LOOKS_HTML.search(sample))


def _protect(markup: str) -> tuple[str, bool]:
    if STAND_IN in markup:
        return markup, False
    return _ZWNJ_FORMS.sub(STAND_IN, markup), True


def _restore(text: str | None, protected: bool) -> str | None:
    return text.replace(STAND_IN, ZWNJ) if text is not None and protected else text


def read_page(data: bytes | str, origin: str, url: str | None = None) -> Page:
    """The main text and metadata of an HTML page; SourceError E203 when there is no text."""
    if isinstance(data, bytes) and b"\x00" in data[:65536]:
        raise InputError("E104", "NUL bytes in an HTML page")
    markup, protected = _protect(decode_file(data))
    tree = trafilatura.load_html(markup)
    if tree is None:
        raise SourceError("E203", ": the markup cannot be read")
    unread: list[str] = []
    meta_date = _meta_published(tree, unread)
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_OPTIONS,
    )
    text = _restore(getattr(document, "text", None), protected)
    if not text or not text.strip():
        raise SourceError("E203", "")
    published = meta_date or _iso_or_none(getattr(document, "date", None))
    warnings = [warning("W203", origin, repr(unread[0][:40]))] if unread and not published else []
    return Page(
        text=text,
        title=_restore(getattr(document, "title", None), protected),
        published=published,
        site_name=_restore(getattr(document, "sitename", None), protected),
        url=getattr(document, "url", None) or url,
        hostname=getattr(document, "hostname", None),
        warnings=tuple(warnings),
    )


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed entry's summary or content): main text, else all text."""
    protected_markup, protected = _protect(markup)
    document = trafilatura.bare_extraction(protected_markup, include_comments=False, with_metadata=False)
    text = getattr(document, "text", None)
    if not text:
        text = trafilatura.html2txt(f"<html><body>{protected_markup}</body></html>")
    return _restore(text, protected) or ""


def page_article(
    data: bytes | str, origin: str, defaults: ArticleDefaults, url: str | None = None, article_id: str | None = None
) -> tuple[Article, list[Problem]]:
    """An Article from a page (its own metadata first, `defaults` for what it lacks) and its warnings."""
    page = read_page(data, origin, url)
    text = check_text(page.text)
    article = Article(
        id=article_id or content_id(text),
        text=text,
        published=page.published or (parse_published(defaults.published) if defaults.published else None),
        outlet=page.site_name or defaults.outlet or page.hostname,
        url=page.url or defaults.url,
        title=page.title or defaults.title,
        origin=origin,
    )
    return article, list(page.warnings)


def _meta_published(tree: HtmlElement, unread: list[str]) -> str | None:
    """The publication date named in the page's meta tags, Jalali dates included; `unread` gets the rest."""
    for xpath in PUBLISHED_XPATHS:
        for value in tree.xpath(xpath):
            value = str(value).strip()
            if not value:
                continue
            try:
                return parse_published(value)
            except InputError:
                unread.append(value)
    return None


def _iso_or_none(value: object) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return parse_published(value)
    except InputError:
        return None
