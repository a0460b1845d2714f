"""Every kind of source `rasad ingest` reads, dispatched by name and content, checked the same way.

Files are read by suffix, and by their first bytes when the suffix says nothing
(a .txt that is really a saved page is read as a page). Folders are walked
recursively in name order; files of other kinds in them are left alone. Each
article is then checked once for all kinds: Persian text (else E204), and a
publication date (else warning W201).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from rasad.errors import InputError
from rasad.ingest.codes import warning
from rasad.ingest.csv_archive import CsvColumns, read_csv
from rasad.ingest.feeds import MAX_FEED_BYTES, looks_like_feed, read_feed
from rasad.ingest.fetch import Fetcher
from rasad.ingest.files import (
    JSONL_SUFFIXES,
    MAX_ARTICLE_BYTES,
    ArticleDefaults,
    read_jsonl,
    read_stream,
    read_text_file,
)
from rasad.ingest.html import looks_like_html, page_article
from rasad.ingest.language import check_persian
from rasad.ingest.urls import is_url, read_url
from rasad.model import Article, Problem

TEXT_SUFFIXES = {".txt", ".text", ""}
CSV_SUFFIXES = {".csv", ".tsv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES


@dataclass
class SourceOptions:
    defaults: ArticleDefaults = field(default_factory=ArticleDefaults)
    columns: CsvColumns = field(default_factory=CsvColumns)
    fetcher: Fetcher = field(default_factory=Fetcher)


def read_sources(sources: list[str], options: SourceOptions, stdin: BinaryIO | None = None) -> Iterator[Article | Problem]:
    """Articles, warnings and skipped inputs (Problems) from files, folders, URLs and '-' (stdin)."""
    for item in _read_all(sources, options, stdin):
        if isinstance(item, Problem):
            yield item
            continue
        try:
            check_persian(item.text)
        except InputError as error:
            yield error.problem(item.origin or item.id)
            continue
        if item.published is None:
            yield warning("W201", item.origin or item.id)
        yield item


def _read_all(sources: list[str], options: SourceOptions, stdin: BinaryIO | None) -> Iterator[Article | Problem]:
    for source in sources:
        if source == "-":
            if stdin is not None:
                yield from read_stream(stdin, options.defaults)
        elif is_url(source):
            yield from read_url(source, options.fetcher, options.defaults)
        else:
            path = Path(source)
            if path.is_dir():
                for child in sorted(p for p in path.rglob("*") if p.is_file()):
                    hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                    if child.suffix.lower() in KNOWN_SUFFIXES and not hidden:
                        yield from read_path(child, options)
            elif path.exists():
                yield from read_path(path, options)
            else:
                yield InputError("E120").problem(source)


def read_path(path: Path, options: SourceOptions) -> Iterator[Article | Problem]:
    """One file of any kind: by suffix, else by its first bytes."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, options.defaults)
    elif suffix in CSV_SUFFIXES:
        yield from read_csv(path, options.defaults, options.columns)
    elif suffix in HTML_SUFFIXES:
        yield from _read_page(path, options.defaults)
    elif suffix in FEED_SUFFIXES:
        yield from _read_feed_file(path, options.defaults)
    else:
        head = _head(path)
        if head is not None and looks_like_feed(head):
            yield from _read_feed_file(path, options.defaults)
        elif head is not None and looks_like_html(head) and b"\x00" not in head:
            yield from _read_page(path, options.defaults)
        else:
            yield from read_text_file(path, options.defaults)


def _head(path: Path) -> bytes | None:
    try:
        with path.open("rb") as handle:
            return handle.read(4096)
    except OSError:
        return None


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError("E107", f"{size // 1024 // 1024} MB, the limit is {limit // 1024 // 1024} MB for this kind of file")
        data = path.read_bytes()
    except OSError as error:
        raise InputError("E101", error.strerror or str(error)) from None
    if not data.strip():
        raise InputError("E103")
    return data


def _read_page(path: Path, defaults: ArticleDefaults) -> Iterator[Article | Problem]:
    origin = str(path)
    try:
        article, warnings = page_article(_read_bytes(path, MAX_ARTICLE_BYTES), origin, defaults, article_id=path.stem)
    except InputError as error:
        yield error.problem(origin)
        return
    yield from warnings
    yield article


def _read_feed_file(path: Path, defaults: ArticleDefaults) -> Iterator[Article | Problem]:
    try:
        data = _read_bytes(path, MAX_FEED_BYTES)
        if b"\x00" in data[:65536]:
            raise InputError("E104", "NUL bytes in a feed")
    except InputError as error:
        yield error.problem(str(path))
        return
    yield from read_feed(data, str(path), defaults)
