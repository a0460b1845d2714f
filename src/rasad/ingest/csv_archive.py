"""CSV (and TSV) news archives → Articles, one per row, with the columns named by the user.

The archive is streamed, never loaded whole. Its encoding (UTF-8, else the
Windows-1256 code page) and delimiter (comma, semicolon, tab, bar) are guessed
from the first 64 KB. A column mapped on the command line must exist; the
standard names (text, id, title, url, published, outlet) are used when present.
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from rasad.errors import InputError
from rasad.ingest.codes import SourceError
from rasad.ingest.dates import parse_published
from rasad.ingest.files import MAX_ARTICLE_BYTES, ArticleDefaults, check_text, content_id
from rasad.model import Article, Problem

SAMPLE_BYTES = 64 * 1024
DELIMITERS = ",;\t|"


@dataclass(frozen=True)
class CsvColumns:
    """Which column holds what; None means "the standard name, if the archive has it"."""

    text: str | None = None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None


def _encoding(sample: bytes) -> str:
    try:
        codecs.getincrementaldecoder("utf-8-sig")().decode(sample, final=False)
        return "utf-8-sig"
    except UnicodeDecodeError:
        return "cp1256"


def _delimiter(path: Path, sample: str) -> str:
    """The delimiter the header line uses most (article text is too irregular to sniff)."""
    if path.suffix.lower() == ".tsv":
        return "\t"
    header = sample.split("\n", 1)[0]
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _positions(header: list[str], columns: CsvColumns) -> dict[str, int]:
    """Field name → column index; SourceError E205 when a mapped column is missing."""
    index = {name.strip().lower(): i for i, name in enumerate(header)}
    found: dict[str, int] = {}
    for field in fields(CsvColumns):
        wanted = getattr(columns, field.name)
        name = (wanted or field.name).strip().lower()
        if name in index:
            found[field.name] = index[name]
        elif wanted is not None or field.name == "text":
            listed = ", ".join(h.strip() for h in header[:12])
            hint = "" if wanted is not None else "; name the text column with --text-column"
            raise SourceError("E205", f"{(wanted or field.name)!r} (columns: {listed}){hint}")
    return found


def read_csv(path: Path, defaults: ArticleDefaults, columns: CsvColumns) -> Iterator[Article | Problem]:
    """One Article (or Problem) per data row; a bad row never stops the others."""
    origin = str(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputError("E101", error.strerror or str(error)).problem(origin)
        return
    with handle:
        sample = handle.read(SAMPLE_BYTES)
        if b"\x00" in sample:
            yield InputError("E104", "NUL bytes in a CSV archive").problem(origin)
            return
        encoding = _encoding(sample)
        handle.seek(0)
        text = io.TextIOWrapper(handle, encoding=encoding, newline="")
        delimiter = _delimiter(path, sample.decode(encoding, "ignore"))
        csv.field_size_limit(min(sys.maxsize, MAX_ARTICLE_BYTES))
        reader = csv.reader(text, delimiter=delimiter)
        try:
            header = next(reader, None)
            if header is None:
                yield InputError("E103").problem(origin)
                return
            positions = _positions(header, columns)
            yield from _rows(reader, positions, path, defaults)
        except SourceError as error:
            yield error.problem(origin)
        except UnicodeDecodeError as error:
            yield InputError("E102", f"after line {reader.line_num}: {error.reason}").problem(origin)
        except csv.Error as error:
            yield SourceError("E206", f"line {reader.line_num}: {error}").problem(origin)


def _rows(reader: Any, positions: dict[str, int], path: Path, defaults: ArticleDefaults) -> Iterator[Article | Problem]:
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        origin = f"{path}:{reader.line_num}"
        try:
            yield _row_article(row, positions, origin, defaults, f"{path.stem}-{reader.line_num}")
        except InputError as error:
            yield error.problem(origin)


def _row_article(row: list[str], positions: dict[str, int], origin: str, defaults: ArticleDefaults, fallback_id: str) -> Article:
    def cell(name: str) -> str | None:
        i = positions.get(name)
        value = row[i].strip() if i is not None and i < len(row) else ""
        return value or None

    text = check_text(cell("text") or "")
    published = cell("published") or defaults.published
    return Article(
        id=cell("id") or fallback_id or content_id(text),
        text=text,
        published=parse_published(published) if published else None,
        outlet=cell("outlet") or defaults.outlet,
        url=cell("url") or defaults.url,
        title=cell("title") or defaults.title,
        origin=origin,
    )
