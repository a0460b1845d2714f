"""The words of an article behind each coded field of an event, as spans to highlight.

From a `rasad.document/1` event: its evidence sentences, its trigger, and the
spans of actor1, actor2, location, origin and date. The contract gives casualty
figures without a span, so the number behind `fatalities` (and `injured`) is
taken to be the NUMBER mention inside the evidence whose value is that figure
and which stands nearest before a word of death or injury (the extractor's cue
words, extract/data/cues.yaml); it is marked `"matched": true`, and left out
when no such number is found. Offsets are the normalized text's,
half-open; raw offsets are passed on where the document has them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rasad.extract.cues import load_cues
from rasad.normalize import fold

SPAN_FIELDS = ("actor1", "actor2", "location", "origin", "date")
FIGURE_FIELDS = ("fatalities", "injured")
CUE_WINDOW = 120  # characters between a count and its casualty word, as rasad.extract.casualties allows


def _span(field: str, span: dict[str, Any], text: str, **extra: Any) -> dict[str, Any] | None:
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        return None
    return {
        "field": field,
        "start": start,
        "end": end,
        "raw_start": span.get("raw_start"),
        "raw_end": span.get("raw_end"),
        "text": text[start:end],
        **extra,
    }


def _inside(start: int, end: int, evidence: list[dict[str, Any]]) -> bool:
    return any(e["start"] <= start and end <= e["end"] for e in evidence)


@lru_cache(maxsize=1)
def _cue_words() -> dict[str, re.Pattern[str]]:
    cues = load_cues()
    return {"fatalities": cues.killed, "injured": cues.injured}


def _distance_to_cue(folded: str, end: int, cue: re.Pattern[str]) -> int | None:
    """Characters from a number to the casualty word after it (the extractor's nearest-count rule), if near."""
    found = cue.search(folded, end, min(len(folded), end + CUE_WINDOW))
    return found.start() - end if found else None


def figure_spans(event: dict[str, Any], mentions: list[dict[str, Any]], evidence: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """The NUMBER mentions taken to give the event's casualty figures: inside the evidence, with the
    figure's value, nearest before a word of death (or injury); each mention used once, none when unsure."""
    found: list[dict[str, Any]] = []
    used: set[int] = set()
    folded = fold(text)
    numbers = [m for m in mentions if m.get("kind") == "NUMBER"]
    for field in FIGURE_FIELDS:
        value = event.get(field)
        if not isinstance(value, int) or isinstance(value, bool):
            continue
        best: tuple[int, dict[str, Any]] | None = None
        for mention in numbers:
            start, end = mention.get("start_char", mention.get("start")), mention.get("end_char", mention.get("end"))
            if not isinstance(start, int) or not isinstance(end, int) or start in used or str(mention.get("ref")) != str(value):
                continue
            distance = _distance_to_cue(folded, end, _cue_words()[field]) if _inside(start, end, evidence) else None
            if distance is not None and (best is None or distance < best[0]):
                best = (distance, {"start": start, "end": end, "raw_start": mention.get("raw_start"), "raw_end": mention.get("raw_end")})
        if best is not None and (span := _span(field, best[1], text, matched=True)) is not None:
            used.add(span["start"])
            found.append(span)
    return found


def highlights(event: dict[str, Any], mentions: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """Evidence, trigger and field spans of one event, in text order (wider spans first)."""
    found: list[dict[str, Any]] = []
    for span in event.get("evidence") or []:
        if isinstance(span, dict) and (made := _span("evidence", span, text)) is not None:
            found.append(made)
    evidence = list(found)
    trigger = event.get("trigger")
    if isinstance(trigger, dict) and (made := _span("trigger", trigger, text)) is not None:
        found.append(made)
    for field in SPAN_FIELDS:
        value = event.get(field)
        span = value.get("span") if isinstance(value, dict) else None
        if isinstance(span, dict) and (made := _span(field, span, text)) is not None:
            found.append(made)
    found.extend(figure_spans(event, mentions, evidence, text))
    return sorted(found, key=lambda s: (s["start"], -s["end"]))


def segments(text: str, spans: list[dict[str, Any]]) -> list[tuple[str, tuple[str, ...]]]:
    """The text cut at every span boundary: (piece, the fields of the spans covering it), in order."""
    bounds = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    pieces: list[tuple[str, tuple[str, ...]]] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        if start >= end:
            continue
        fields = tuple(dict.fromkeys(s["field"] for s in spans if s["start"] <= start and end <= s["end"]))
        pieces.append((text[start:end], fields))
    return pieces
