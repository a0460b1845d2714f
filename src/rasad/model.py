"""The data that flows through the pipeline: plain dataclasses, half-open character offsets."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """One news article as it was read, before any change to its text."""

    id: str
    text: str
    published: str | None = None  # ISO date, YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str | None = None  # where it was read from: "file.txt", "archive.jsonl:12"


@dataclass(frozen=True)
class Edit:
    """One replacement made by a normalization step: raw [old_start, old_end) became new [new_start, new_end)."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int


@dataclass(frozen=True)
class OffsetLayer:
    """The edits of one normalization step, sorted, non-overlapping."""

    edits: tuple[Edit, ...]
    new_starts: tuple[int, ...]

    @classmethod
    def of(cls, edits: list[Edit]) -> OffsetLayer:
        return cls(tuple(edits), tuple(e.new_start for e in edits))

    def to_old(self, pos: int, side: str) -> int:
        """Map a position in this step's output to its input.

        `side` is "start" or "end": a position inside a replaced block maps to the
        block's old start (for a span start) or old end (for a span end), so that a
        span never shrinks below what produced it.
        """
        i = bisect_right(self.new_starts, pos) - 1
        # An end position that falls exactly on the start of an edit belongs to the
        # unchanged text before it; a start position there belongs to the edit.
        if side == "end" and i >= 0 and pos == self.edits[i].new_start and pos > 0:
            i -= 1
        if i < 0:
            return pos
        e = self.edits[i]
        if pos >= e.new_end:
            return e.old_end + (pos - e.new_end)
        if e.new_end - e.new_start == e.old_end - e.old_start:
            return e.old_start + (pos - e.new_start)
        return e.old_start if side == "start" else e.old_end


@dataclass(frozen=True)
class OffsetMap:
    """Maps spans of the normalized text back to the raw text, through every step's edits."""

    layers: tuple[OffsetLayer, ...] = ()
    raw_length: int = 0

    def then(self, layer: OffsetLayer) -> OffsetMap:
        if not layer.edits:
            return self
        return OffsetMap(self.layers + (layer,), self.raw_length)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw [start, end) for a normalized [start, end)."""
        s, e = start, end
        for layer in reversed(self.layers):
            if s == e:
                s = e = layer.to_old(s, "start")
            else:
                s, e = layer.to_old(s, "start"), layer.to_old(e, "end")
        return max(0, min(s, self.raw_length)), max(0, min(max(e, s), self.raw_length))


@dataclass(frozen=True)
class Span:
    """A half-open character range of the normalized text."""

    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Problem:
    """Something that went wrong with one input; never raised past a batch."""

    origin: str  # file, file:line, URL
    stage: str  # ingest, normalize, recognize, extract …
    code: str  # stable, greppable: E101 …
    message: str
    severity: str = "error"  # error: the input was skipped; warning: processed with a caveat

    def __str__(self) -> str:
        return f"{self.origin}: {self.code} {self.message}"


@dataclass(frozen=True)
class Mention:
    """A typed span of the normalized text with a normalized value (`ref`)."""

    kind: str  # ACTOR, PERSON, PLACE, DATE, NUMBER, WEAPON, OUTLET, SOURCE, CASUALTY, TRIGGER
    start: int
    end: int
    ref: str | None = None
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


# Actor kinds that bear arms (shared by the stages that ask whether a side is armed).
ARMED_KINDS = frozenset({"military", "police", "security", "armed-group", "militia", "rebel", "border-guard", "coalition"})
# The actor of homes struck («به یک مجتمع مسکونی»): civilians, when the people hit are not named.
HOMES_ACTOR = "residential-buildings"
# Nouns that say a place is a province: «استان کرمانشاه», «ولایت کندهار».
PROVINCE_NOUNS = ("استان", "ولایت", "ایالت", "محافظه")


def country_of_ref(ref: str | None) -> str | None:
    """The ISO3 code of a country reference («country:IRQ», the `ref` of a country mention or the
    `gazetteer_id` of a country-level place), or None for anything else."""
    return ref.split(":", 1)[1] if ref and ref.startswith("country:") else None


@dataclass
class Doc:
    """An article after normalization: the canonical text and everything found in it."""

    article: Article
    text: str
    offsets: OffsetMap
    lead_source: Span | None = None
    removed: list[Span] = field(default_factory=list)  # raw spans of boilerplate taken out of the body
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_raw(start, end)

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence containing `pos` (the last one starting at or before it)."""
        starts = [s.start for s in self.sentences]
        return max(0, bisect_right(starts, pos) - 1)


@dataclass
class Event:
    """One coded event: arguments point at mentions; `coded` holds what resolve made of them."""

    type: str
    mode: str | None
    acled: tuple[str, str] | None
    trigger: Mention
    actor1: Mention | None = None
    actor2: Mention | None = None
    location: Mention | None = None
    origin: Mention | None = None
    date: Mention | None = None
    weapon: Mention | None = None
    quantity: dict[str, Any] | None = None
    # the clause's other places, best first: where it happened when `location` cannot be placed
    # («منطقه وادی الشای در جنوب غرب استان کرکوک»: no gazetteer entry for the first, the province then)
    other_places: list[Mention] = field(default_factory=list)
    # the larger place the location is said to lie in («سیدآباد در شهر کندز»): picks among homonyms
    location_within: Mention | None = None
    fatalities: int | None = None
    injured: int | None = None
    status: str = "reported"
    timing: str = "current"
    sources: list[Mention] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    plural: bool = False
    coded: dict[str, Any] = field(default_factory=dict)
