"""Stage 3: typed mentions (actors, people, places, weapons, outlets, dates, numbers, sources) with offsets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from rasad.knowledge.loader import KnowledgeBase
from rasad.model import Doc, Mention
from rasad.recognize.entities import mentions_from_hits
from rasad.recognize.lexicon import Lexicon
from rasad.recognize.sources import SourceRecognizer

# A finder looks at the normalized text (and the publication date) and returns mentions.
Finder = Callable[[str, dt.date | None], list[Mention]]


@dataclass
class Recognizer:
    """Doc → Doc with `mentions` filled, sorted by position; overlapping finds keep the longer one."""

    kb: KnowledgeBase
    lexicon: Lexicon
    finders: list[Finder] = field(default_factory=list)
    sources: SourceRecognizer | None = None

    def __call__(self, doc: Doc) -> Doc:
        published = dt.date.fromisoformat(doc.article.published) if doc.article.published else None
        found = mentions_from_hits(doc.text, self.lexicon.find(doc.text), self.kb)
        for finder in self.finders:
            found.extend(finder(doc.text, published))
        mentions = resolve_overlaps(found)
        if self.sources is not None:
            # attributions overlap the names they attribute to; they are kept beside them
            mentions = sorted(mentions + self.sources(doc.text, mentions), key=lambda m: (m.start, m.end, m.kind))
        return replace(doc, mentions=mentions)


# When two mentions overlap, the more specific kind wins at equal length.
_PRIORITY = {"DATE": 6, "ACTOR": 5, "PERSON": 5, "OUTLET": 5, "PLACE": 4, "WEAPON": 3, "SOURCE": 2, "NUMBER": 1}


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Drop a mention that overlaps a longer (or, at equal length, higher-priority) one.

    NUMBER mentions inside a DATE are dropped; other kinds never overlap in the output.
    """
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), -_PRIORITY.get(m.kind, 0), m.start))
    kept: list[Mention] = []
    for mention in ordered:
        if any(mention.start < k.end and k.start < mention.end for k in kept):
            continue
        kept.append(mention)
    return sorted(kept, key=lambda m: (m.start, m.end))
