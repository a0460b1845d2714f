"""Gold entities in the predicted document.

A gold entity is located in the normalized text by folding both sides and ignoring
spaces/ZWNJ (whole-word occurrences preferred); it is found when a predicted mention
of a compatible kind overlaps one of its occurrences. An entity that cannot be
located counts as not found and is listed as `unlocated`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rasad.evaluate.arguments import ZWNJ, squeeze
from rasad.normalize import fold
from rasad.normalize.letters import CHAR_MAP

Json = dict[str, Any]

# Gold entity kinds → the predicted mention kinds that can find them.
ENTITY_KINDS: dict[str, frozenset[str]] = {
    "PER": frozenset({"PERSON"}),
    "ORG": frozenset({"ACTOR", "OUTLET"}),
    "OUTLET": frozenset({"OUTLET", "ACTOR", "SOURCE"}),
    "LOC": frozenset({"PLACE"}),
    "DATE": frozenset({"DATE"}),
}


def squeezed_positions(text: str) -> tuple[str, list[int]]:
    """The squeezed text and, for each of its characters, its offset in `text` (a letter the
    normalizer changes is changed here too, as `squeeze` changes the gold's)."""
    kept = [(c, i) for i, letter in enumerate(text) for c in fold(CHAR_MAP.get(letter, letter)) if not c.isspace() and c != ZWNJ]
    return "".join(c for c, _ in kept), [i for _, i in kept]


def entity_occurrences(entity_text: str, text: str) -> list[tuple[int, int]]:
    """[start, end) offsets in `text` where the entity is written, whole words preferred."""
    needle = squeeze(entity_text)
    if not needle:
        return []
    hay, positions = squeezed_positions(text)
    spans: list[tuple[int, int]] = []
    at = hay.find(needle)
    while at >= 0:
        spans.append((positions[at], positions[at + len(needle) - 1] + 1))
        at = hay.find(needle, at + 1)

    def starts_word(span: tuple[int, int]) -> bool:
        return span[0] == 0 or not text[span[0] - 1].isalnum()

    def ends_word(span: tuple[int, int]) -> bool:
        return span[1] == len(text) or not text[span[1]].isalnum()

    whole = [s for s in spans if starts_word(s) and ends_word(s)]
    if whole:
        return whole
    return [s for s in spans if starts_word(s)] or spans


@dataclass(frozen=True)
class EntityResult:
    kind: str
    text: str
    located: bool
    found: bool

    def to_dict(self) -> Json:
        return {"kind": self.kind, "text": self.text, "located": self.located, "found": self.found}


def entity_result(
    entity: Mapping[str, Any], text: str, mentions: Sequence[Mapping[str, Any]]
) -> EntityResult:
    kinds = ENTITY_KINDS.get(str(entity["kind"]), frozenset())
    spans = entity_occurrences(str(entity["text"]), text)
    found = any(
        m.get("kind") in kinds and int(m["start"]) < end and start < int(m["end"])
        for m in mentions
        for start, end in spans
    )
    return EntityResult(str(entity["kind"]), str(entity["text"]), bool(spans), found)
