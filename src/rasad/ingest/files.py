"""Read articles from text files, folders, standard input and JSON Lines archives.

Every input yields either an Article or a Problem; a bad input never stops the
others and is never dropped without a Problem naming it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from rasad.errors import InputError
from rasad.ingest.dates import parse_published
from rasad.model import Article, Problem

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
# What real Windows-1256 Persian text is made of: Arabic script, ASCII, spaces, Persian marks.
_PLAUSIBLE = re.compile(r"[\u0600-\u06ff\u200c\x20-\x7e\n\r\t«»]")
_HTML = re.compile(r"\A\s*(?:<!doctype html|<html|<\?xml)|<(?:body|div|p|script|head)[\s>]", re.IGNORECASE)
TEXT_SUFFIXES = {".txt", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class ArticleDefaults:
    """Metadata applied to every article that does not carry its own (command-line flags)."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 first, then the Windows-1256 code page of old Persian sites."""
    if not data.strip():
        raise InputError("E103")
    if b"\x00" in data:
        raise InputError("E104", "NUL bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        utf8_error = f"invalid UTF-8 at byte {error.start}"
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise InputError("E102", utf8_error) from None
    # cp1256 maps almost every byte to something: accept it only if it reads like Persian text.
    plausible = len(_PLAUSIBLE.findall(text))
    if plausible < 0.97 * len(text) or not _ARABIC_SCRIPT.search(text):
        raise InputError("E104", f"{utf8_error}, and not Windows-1256 Persian either")
    return text


def check_text(text: str) -> str:
    """The article text if it is usable as plain Persian text; InputError otherwise."""
    if not text.strip():
        raise InputError("E103")
    if "\x00" in text:
        raise InputError("E104", "NUL characters")
    if _HTML.search(text[:2000]):
        raise InputError("E106")
    if not _ARABIC_SCRIPT.search(text):
        raise InputError("E105")
    return text


def content_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _article(text: str, defaults: ArticleDefaults, origin: str, article_id: str | None = None) -> Article:
    published = parse_published(defaults.published) if defaults.published else None
    return Article(
        id=article_id or content_id(text),
        text=check_text(text),
        published=published,
        outlet=defaults.outlet,
        url=defaults.url,
        title=defaults.title,
        origin=origin,
    )


def read_stream(stream: BinaryIO, defaults: ArticleDefaults, origin: str = "<stdin>") -> Iterator[Article | Problem]:
    try:
        data = stream.read(MAX_ARTICLE_BYTES + 1)
        if len(data) > MAX_ARTICLE_BYTES:
            raise InputError("E107", f"more than {MAX_ARTICLE_BYTES // 1024 // 1024} MB")
        yield _article(decode(data), defaults, origin)
    except InputError as error:
        yield error.problem(origin)


def read_text_file(path: Path, defaults: ArticleDefaults) -> Iterator[Article | Problem]:
    origin = str(path)
    try:
        if path.stat().st_size > MAX_ARTICLE_BYTES:
            raise InputError("E107", f"{path.stat().st_size // 1024 // 1024} MB, the limit is 5 MB per article")
        data = path.read_bytes()
        yield _article(decode(data), defaults, origin, article_id=path.stem)
    except InputError as error:
        yield error.problem(origin)
    except OSError as error:
        yield InputError("E101", error.strerror or str(error)).problem(origin)


def read_jsonl(path: Path, defaults: ArticleDefaults) -> Iterator[Article | Problem]:
    """One article per line: {"id","text","published","outlet","url","title"}; a line's fields win."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputError("E101", error.strerror or str(error)).problem(str(path))
        return
    with handle:
        for number, raw_line in enumerate(handle, start=1):
            origin = f"{path}:{number}"
            if not raw_line.strip():
                continue
            try:
                yield _jsonl_article(raw_line, defaults, origin, f"{path.stem}-{number}")
            except InputError as error:
                yield error.problem(origin)


def _jsonl_article(raw_line: bytes, defaults: ArticleDefaults, origin: str, fallback_id: str) -> Article:
    try:
        record = json.loads(decode(raw_line))
    except json.JSONDecodeError as error:
        raise InputError("E110", error.msg) from None
    if not isinstance(record, dict):
        raise InputError("E111", "expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError("E111", 'no "text" string')
    for key in ("id", "published", "outlet", "url", "title"):
        if record.get(key) is not None and not isinstance(record[key], str | int):
            raise InputError("E111", f'"{key}" must be a string')
    merged = ArticleDefaults(
        published=record.get("published") or defaults.published,
        outlet=record.get("outlet") or defaults.outlet,
        url=record.get("url") or defaults.url,
        title=record.get("title") or defaults.title,
    )
    article_id = str(record["id"]) if record.get("id") is not None else None
    return _article(text, merged, origin, article_id=article_id or fallback_id)


def read_inputs(sources: list[str], defaults: ArticleDefaults, stdin: BinaryIO | None = None) -> Iterator[Article | Problem]:
    """Articles (or Problems) from files, folders (recursive, sorted), JSONL archives and '-' for stdin."""
    for source in sources:
        if source == "-":
            if stdin is not None:
                yield from read_stream(stdin, defaults)
            continue
        path = Path(source)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES and not child.name.startswith("."):
                    yield from _read_path(child, defaults)
        elif path.exists():
            yield from _read_path(path, defaults)
        else:
            yield InputError("E120").problem(source)


def _read_path(path: Path, defaults: ArticleDefaults) -> Iterator[Article | Problem]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl(path, defaults)
    else:
        yield from read_text_file(path, defaults)
