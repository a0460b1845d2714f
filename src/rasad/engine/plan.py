"""Planning: the inputs of a run cut into partitions of about `size` articles, in input order.

The driver only lists folders and finds line breaks in archives; it never parses
an article (except from standard input, which workers cannot reread). Partitions
are yielded as soon as they are cut, so workers start on the first while the
driver still reads through a large archive. The plan depends on the inputs and
the partition size alone, never on the workers, so a rerun writes the same
partition files.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from rasad.engine.partition import Inline, JsonlSlice, Partition, Piece, TextFile
from rasad.errors import InputError
from rasad.ingest.files import JSONL_SUFFIXES, TEXT_SUFFIXES, ArticleDefaults, read_stream
from rasad.model import Problem

BLOCK = 1 << 20


@dataclass
class Plan:
    partitions: list[Partition] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # inputs skipped before any worker saw them

    @property
    def inputs(self) -> int:
        return sum(p.size for p in self.partitions)


@dataclass
class _Packer:
    """Fills partitions piece by piece; a partition is closed once it names `size` inputs."""

    size: int
    closed: int = 0
    pieces: list[Piece] = field(default_factory=list)
    count: int = 0

    def room(self) -> int:
        return self.size - self.count

    def add(self, piece: Piece, count: int) -> Iterator[Partition]:
        self.pieces.append(piece)
        self.count += count
        if self.count >= self.size:
            yield from self.close()

    def close(self) -> Iterator[Partition]:
        if self.pieces:
            yield Partition(self.closed, tuple(self.pieces), self.count)
            self.closed += 1
        self.pieces, self.count = [], 0


def plan(sources: list[str], size: int, defaults: ArticleDefaults, stdin: BinaryIO | None = None) -> Plan:
    """The whole plan at once (see iter_plan)."""
    result = Plan()
    for item in iter_plan(sources, size, defaults, stdin):
        if isinstance(item, Problem):
            result.problems.append(item)
        else:
            result.partitions.append(item)
    return result


def iter_plan(sources: list[str], size: int, defaults: ArticleDefaults, stdin: BinaryIO | None = None) -> Iterator[Partition | Problem]:
    """Partitions for `sources` as rasad.ingest.files.read_inputs reads them (files, folders, archives, '-'),
    and a Problem for each input that cannot be planned, in input order."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    packer = _Packer(size)
    for source in sources:
        if source == "-":
            for item in read_stream(stdin, defaults) if stdin is not None else ():
                if isinstance(item, Problem):
                    yield item
                else:
                    yield from packer.add(Inline((item,)), 1)
            continue
        path = Path(source)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES and not child.name.startswith("."):
                    yield from _plan_path(packer, child)
        elif path.exists():
            yield from _plan_path(packer, path)
        else:
            yield InputError("E120").problem(source)
    yield from packer.close()


def _plan_path(packer: _Packer, path: Path) -> Iterator[Partition | Problem]:
    if path.suffix.lower() not in JSONL_SUFFIXES:
        yield from packer.add(TextFile(str(path)), 1)
        return
    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputError("E101", error.strerror or str(error)).problem(str(path))
        return
    with handle:
        lines = _LineReader(handle)
        try:
            while (cut := lines.take(packer.room())) is not None:
                start, end, first_line, count = cut
                yield from packer.add(JsonlSlice(str(path), start, end, first_line, count), count)
        except OSError as error:  # the rest of the archive cannot be read: planned as far as it could be
            yield InputError("E101", error.strerror or str(error)).problem(f"{path}:{lines.line}")


class _LineReader:
    """Walks a binary file line by line (b"\\n"-terminated, the last one may be open), by byte offset."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.buffer = b""
        self.buffer_start = 0  # file offset of buffer[0]
        self.offset = 0  # file offset of the next line
        self.line = 1  # number of the next line

    def take(self, wanted: int) -> tuple[int, int, int, int] | None:
        """(start, end, first line number, lines) of the next `wanted` lines; None at the end of the file."""
        start, first_line, taken = self.offset, self.line, 0
        while taken < wanted and self._next_line():
            taken += 1
        return (start, self.offset, first_line, taken) if taken else None

    def _next_line(self) -> bool:
        while (position := self.buffer.find(b"\n", self.offset - self.buffer_start)) < 0:
            block = self.handle.read(BLOCK)
            if not block:
                end = self.buffer_start + len(self.buffer)
                if self.offset < end:  # a last line without a newline
                    self._advance(end)
                    return True
                return False
            self.buffer = self.buffer[self.offset - self.buffer_start :] + block
            self.buffer_start = self.offset
        self._advance(self.buffer_start + position + 1)
        return True

    def _advance(self, offset: int) -> None:
        self.offset = offset
        self.line += 1
