"""Stage 2: one canonical Persian text with an exact offset map back to the raw text.

`Normalizer()(article)` runs, in order: letters and digits, spacing, ZWNJ
restoration, boilerplate removal, spacing again (what removal left), then
sentence segmentation and the lead attribution. Text changes here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rasad.model import Article, Doc, OffsetMap, Span
from rasad.normalize.boilerplate import Boilerplate
from rasad.normalize.letters import fold, letter_edits
from rasad.normalize.rewrite import TextEdit, apply_edits
from rasad.normalize.segment import sentences, tokens
from rasad.normalize.spacing import spacing_edits
from rasad.normalize.zwnj import ZwnjRestorer, ZwnjSettings

__all__ = ["Normalizer", "normalize_text", "fold", "tokens", "ZwnjRestorer", "ZwnjSettings"]


@dataclass
class Normalizer:
    """Article → Doc. Holds the (lazily loaded) lexicons; build once and reuse."""

    restorer: ZwnjRestorer = field(default_factory=ZwnjRestorer)
    boilerplate: Boilerplate = field(default_factory=Boilerplate)

    def steps(self) -> list[Callable[[str], list[TextEdit]]]:
        return [letter_edits, spacing_edits, self.restorer.edits, self.boilerplate.edits, spacing_edits]

    def text_with_offsets(self, raw: str) -> tuple[str, OffsetMap, list[Span]]:
        """Normalized text, its offset map, and the raw spans removed as boilerplate."""
        offsets = OffsetMap(raw_length=len(raw))
        text = raw
        removed: list[Span] = []
        for step in self.steps():
            edits = step(text)
            if step == self.boilerplate.edits:
                removed = [Span(*offsets.to_raw(start, end)) for start, end, _ in edits]
            text, layer = apply_edits(text, edits)
            offsets = offsets.then(layer)
        return text, offsets, removed

    def __call__(self, article: Article) -> Doc:
        text, offsets, removed = self.text_with_offsets(article.text)
        lead = self.boilerplate.lead_source(text)
        return Doc(
            article=article,
            text=text,
            offsets=offsets,
            lead_source=Span(*lead) if lead else None,
            removed=removed,
            sentences=sentences(text),
        )


def normalize_text(raw: str, normalizer: Normalizer | None = None) -> str:
    """The normalized form of a string (for knowledge variants and quick use)."""
    return (normalizer or Normalizer()).text_with_offsets(raw)[0]
