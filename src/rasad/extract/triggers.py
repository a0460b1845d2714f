"""Find event triggers (verbs and event nouns from the trigger lexicon) in normalized text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rasad.knowledge.schema import Trigger
from rasad.normalize import fold

_SUFFIX = r"(?: ?(?:هایی|های|ها|ای|ی)|ات)?"
_PLURAL = re.compile(r"(?:ها|های|هایی|ات)$")


@dataclass(frozen=True)
class TriggerHit:
    start: int
    end: int
    trigger: Trigger
    plural: bool
    indefinite: bool = False  # «انفجاری»: a new event, never a reference to a known one


class TriggerFinder:
    """One compiled alternation over every trigger form, longest first, whole words only."""

    def __init__(self, triggers: list[Trigger], normalize: Callable[[str], str]) -> None:
        self._by_form: dict[str, Trigger] = {}
        for trigger in triggers:
            for form in trigger.fa:
                for key in {fold(normalize(form)), fold(normalize(form.replace("\u200c", "")))}:
                    key = " ".join(key.split())
                    self._by_form.setdefault(key, trigger)
        forms = sorted(self._by_form, key=len, reverse=True)
        alternation = "|".join(re.escape(f) for f in forms)
        self._pattern = re.compile(rf"(?<![\w])(?P<form>{alternation})(?P<suffix>{_SUFFIX})(?![\w])")

    def find(self, text: str, folded: str | None = None) -> list[TriggerHit]:
        """The triggers of `text`; `folded` is `fold(text)` when the caller has it already."""
        folded = fold(text) if folded is None else folded
        hits: list[TriggerHit] = []
        for match in self._pattern.finditer(folded):
            if match.end() < len(text) and text[match.end()] == "\u200c" or match.start() > 0 and text[match.start() - 1] == "\u200c":
                continue  # «تجمع‌کنندگان», «ضد‌حمله»: part of a longer word
            form = match.group("form")
            trigger = self._by_form[form]
            suffix = (match.group("suffix") or "").strip()
            plural = bool(_PLURAL.search(form) or suffix in ("ها", "های", "هایی", "ات"))
            indefinite = suffix in ("ی", "ای")
            hits.append(TriggerHit(match.start(), match.end(), trigger, plural, indefinite))
        return hits
