"""Partitions: a few hundred articles named by where they are, read by the worker that runs them.

A partition holds references, not text: text files by path, slices of JSON Lines
archives by byte range (with the number of their first line, so ids and origins
are the ones a single-process read gives). Only standard input, which a worker
cannot reread, travels as articles. Reading goes through rasad.ingest.files, so
an article read here is the article `rasad extract` reads without an engine.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from rasad.errors import InputError
from rasad.ingest.files import ArticleDefaults, read_text_file
from rasad.ingest.files import _jsonl_article as jsonl_article  # the per-line reader of read_jsonl
from rasad.model import Article, Problem


@dataclass(frozen=True)
class TextFile:
    """One article in a text file."""

    path: str

    def label(self) -> str:
        return self.path


@dataclass(frozen=True)
class JsonlSlice:
    """Lines of a JSON Lines archive: bytes [start, end), the first of them numbered `first_line` (from 1)."""

    path: str
    start: int
    end: int
    first_line: int
    lines: int

    def label(self) -> str:
        return f"{self.path}:{self.first_line}-{self.first_line + self.lines - 1}"


@dataclass(frozen=True)
class Inline:
    """Articles read by the driver (standard input), shipped with the partition."""

    articles: tuple[Article, ...]

    def label(self) -> str:
        return ", ".join(a.origin or a.id for a in self.articles)


Piece = TextFile | JsonlSlice | Inline


@dataclass(frozen=True)
class Partition:
    """The unit of work and of output: one task, one file per table and publication month."""

    index: int
    pieces: tuple[Piece, ...]
    size: int  # inputs it names: files, archive lines, inline articles

    @property
    def name(self) -> str:
        return partition_name(self.index)

    def label(self) -> str:
        """The partition and what it reads, for messages: part-000003 (a.jsonl:1-200, b.txt)."""
        shown = [p.label() for p in self.pieces[:3]]
        more = f", … {len(self.pieces) - 3} more" if len(self.pieces) > 3 else ""
        return f"{self.name} ({', '.join(shown)}{more})"


def partition_name(index: int) -> str:
    """The file name (without suffix) of partition `index` in every table and month folder."""
    return f"part-{index:06d}"


def read_partition(partition: Partition, defaults: ArticleDefaults, root: str) -> Iterator[Article | Problem]:
    """Every article of the partition in order, or the Problem that stopped an input (never raises).

    Relative paths are read from `root` (the driver's working folder) but reported as given,
    so origins are the ones a single-process run reports.
    """
    for piece in partition.pieces:
        if isinstance(piece, TextFile):
            for item in read_text_file(Path(root, piece.path), defaults):
                yield replace(item, origin=piece.path)
        elif isinstance(piece, JsonlSlice):
            yield from read_slice(piece, defaults, root)
        else:
            yield from piece.articles


def read_slice(piece: JsonlSlice, defaults: ArticleDefaults, root: str) -> Iterator[Article | Problem]:
    """The lines of one archive slice, numbered, identified and checked as rasad.ingest.files.read_jsonl does."""
    path = Path(piece.path)
    try:
        with Path(root, path).open("rb") as handle:
            handle.seek(piece.start)
            data = handle.read(piece.end - piece.start)
    except OSError as error:
        yield InputError("E101", error.strerror or str(error)).problem(str(path))
        return
    for number, raw_line in enumerate(io.BytesIO(data), start=piece.first_line):
        origin = f"{path}:{number}"
        if not raw_line.strip():
            continue
        try:
            yield jsonl_article(raw_line, defaults, origin, f"{path.stem}-{number}")
        except InputError as error:
            yield error.problem(origin)
