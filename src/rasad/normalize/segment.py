"""Sentences and tokens of the normalized text, as offsets."""

from __future__ import annotations

import re

from rasad.model import Sentence, Span

# A sentence ends at a line break, or at . ! ? ؟ (with closing quotes) followed by a space,
# unless the mark sits between digits (۲.۵) or after a single Latin capital (U.S.).
# (Written to start with a character class, which lets the search skip other characters fast.)
_SENTENCE_END = re.compile(r"[\n.!?؟…](?:(?<=\n)|(?<!\b[A-Z].)[.!?؟…]*[»\")\]]*(?=\s|\Z))")
_TOKEN = re.compile(r"[\w\u200c]+(?:[.٫/][0-9۰-۹]+)*|[^\w\s]")


def sentences(text: str) -> list[Sentence]:
    """Split into sentences; leading/trailing spaces are left out of each span."""
    found: list[Sentence] = []
    start = 0
    paragraph = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if match.group() != "\n" else match.start()
        _add(found, text, start, end, paragraph)
        if match.group() == "\n":
            paragraph += 1
        start = match.end()
    _add(found, text, start, len(text), paragraph)
    return found


def _add(found: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        found.append(Sentence(start, end, paragraph))


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Word, number and punctuation tokens of text[start:end]; a ZWNJ stays inside its word."""
    stop = len(text) if end is None else end
    return [Span(m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]
