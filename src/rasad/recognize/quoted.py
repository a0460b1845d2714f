"""Organizations named in quotes after a group noun: «گروهی موسوم به «اتحاد مجاهدین پاکستان»»,
«گروه تازه‌تاسیس «جیش فرسان محمد»», «شرکت‌های هواپیمایی «ایران ایر»، «ماهان ایر» و «ساها»»;
and sports clubs named by a brand and their town: «استقلال خوزستان», «مس کرمان» (`club_names`).

A noun of `quoted_heads` (`data/organizations.yaml`), then one to three describing words of
`quoted_fillers` or a plural noun, then a quoted name — and more quoted names after «،» or «و» — gives
an ACTOR mention per name (the quotes and the noun left out: the name is what the quotes hold). A quoted
name right after its head alone is read by the organization recognizer, head and all.

    quoted = QuotedNames.load()
    quoted(text, taken=[(m.start, m.end) for m in mentions])  # → [Mention("ACTOR", …)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasad.knowledge.yamlfile import load_yaml
from rasad.model import Mention
from rasad.normalize.letters import fold
from rasad.recognize.numbers import GatedPattern

RULES_FILE = Path(__file__).parent / "data" / "organizations.yaml"
_OPEN, _CLOSE = "«\"“", "»\"”"
# A quoted name: up to 40 characters of one line with no quote inside.
_NAME = rf"[{_OPEN}] ?(?P<name>[^{_OPEN}{_CLOSE}\n]{{2,40}}?) ?[{_CLOSE}]"
_MORE = re.compile(rf" ?(?:[،,]|و) ?{_NAME}")


def _alternation(forms: list[str]) -> str:
    folded = sorted({" ".join(fold(f).split()) for f in forms}, key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", "[ \u200c]") for f in folded)


@dataclass(frozen=True)
class QuotedNames:
    """Compiled patterns from `organizations.yaml` (`quoted_heads`, `quoted_fillers`)."""

    pattern: GatedPattern  # tried only where a head's first word begins: most of the text is skipped at once
    kinds: dict[str, str]  # folded head → kind of organization

    @classmethod
    def load(cls, path: Path = RULES_FILE) -> QuotedNames:
        with open(path, encoding="utf-8") as handle:
            data: dict[str, Any] = load_yaml(handle)
        heads = {str(f): str(kind) for kind, forms in (data.get("quoted_heads") or {}).items() for f in forms}
        plural = [h for h in heads if fold(h).endswith(("ها", "های"))]
        fillers = [str(f) for f in data.get("quoted_fillers") or []]
        filler = rf"(?:[ \u200c](?:{_alternation(fillers)}))"
        singular = [h for h in heads if h not in plural]
        # on the folded text (no ZWNJ) the gate's word start is `(?<!\w)`, and a folded head is its own matching key
        pattern = GatedPattern(
            rf"(?:(?P<plural>{_alternation(plural)}){filler}{{0,3}}|(?P<head>{_alternation(singular)}){filler}{{1,3}})"
            rf"[ \u200c]?{_NAME}",
            [fold(h) for h in heads],
            digits=False,
        )
        return cls(pattern, {" ".join(fold(h).split()): kind for h, kind in heads.items()})

    def __call__(
        self, text: str, taken: list[tuple[int, int]] | None = None, folded: str | None = None
    ) -> list[Mention]:
        """ACTOR mentions for quoted names after a group noun in normalized `text`, none overlapping `taken`.

        `folded`: `fold(text)` when the caller has it.
        """
        busy = list(taken or [])
        folded = fold(text) if folded is None else folded
        found: list[Mention] = []
        for match in self.pattern.finditer(folded):
            head = match.group("plural") or match.group("head") or ""
            kind = self.kinds.get(" ".join(head.split()), "group")
            spans = [match.span("name")]
            position = match.end()
            while (more := _MORE.match(folded, position)) is not None:
                spans.append(more.span("name"))
                position = more.end()
            for start, end in spans:
                if not any(s < end and start < e for s, e in busy):
                    found.append(Mention("ACTOR", start, end, None, {"org_source": "quoted", "kind": kind}))
        return found


@dataclass(frozen=True)
class ClubNames:
    """«استقلال خوزستان», «ذوب آهن اصفهان»: a club brand of `club_brands` right before a known town or province."""

    before: re.Pattern[str]  # a brand ending where the place begins

    @classmethod
    def load(cls, path: Path = RULES_FILE) -> ClubNames:
        with open(path, encoding="utf-8") as handle:
            data: dict[str, Any] = load_yaml(handle)
        brands = [str(b) for b in data.get("club_brands") or []]
        return cls(re.compile(rf"(?<!\w)(?:{_alternation(brands)})[ \u200c]+$" if brands else r"(?!)"))

    def __call__(self, text: str, mentions: list[Mention], folded: str | None = None) -> list[Mention]:
        """ACTOR mentions (kind club) for brand + place in normalized `text`; the place stays a mention of its own.

        `folded`: `fold(text)` when the caller has it.
        """
        folded = fold(text) if folded is None else folded
        found: list[Mention] = []
        for place in mentions:
            if place.kind != "PLACE" or (place.ref or "").startswith("country:") or place.data.get("inside"):
                continue
            brand = self.before.search(folded, max(0, place.start - 20), place.start)
            if brand is None or any(m.start < place.start and brand.start() < m.end for m in mentions if m is not place):
                continue
            found.append(Mention("ACTOR", brand.start(), place.end, None, {"org_source": "club", "kind": "club"}))
        return found
