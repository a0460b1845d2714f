"""Find event triggers (verbs and event nouns from the trigger lexicon) in normalized text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import ahocorasick

from rasad.knowledge.schema import Trigger
from rasad.normalize import fold

_SUFFIX = r"(?: ?(?:هایی|های|ها|ای|ی)|ات)?"
_PLURAL = re.compile(r"(?:ها|های|هایی|ات)$")
# After a form: a plural or indefinite ending, if any, and then the end of the word.
_TAIL = re.compile(rf"(?P<suffix>{_SUFFIX})(?![\w])")
# The gap in a form whose object stands inside it: «کنترل … را به دست گرفتند».
GAP = "…"
# At most this many words in a form's gap.
_GAP_WORDS = 6
# A form begins a word where no letter or digit stands before it.
_WORD_START = re.compile(r"(?<![\w])")


@dataclass(frozen=True)
class TriggerHit:
    start: int
    end: int
    trigger: Trigger
    plural: bool
    indefinite: bool = False  # «انفجاری»: a new event, never a reference to a known one


class TriggerFinder:
    """Every trigger form as a whole word: where several forms begin at one place, the longest that
    the end of the word (or an ending and then the end of the word) follows; hits do not overlap."""

    def __init__(self, triggers: list[Trigger], normalize: Callable[[str], str]) -> None:
        self._by_form: dict[str, Trigger] = {}
        # «کنترل … را به دست گرفتند»: a form with a gap, its object between the two parts
        self._gapped: list[tuple[str, re.Pattern[str], Trigger]] = []
        for trigger in triggers:
            for form in trigger.fa:
                if GAP in form:
                    first, second = (" ".join(fold(normalize(part)).split()) for part in form.split(GAP, 1))
                    pattern = re.compile(
                        rf"(?<![\w]){re.escape(first)}(?:\s+[^\s،؛:.؟!«»()]+){{1,{_GAP_WORDS}}}?\s+{re.escape(second)}{_SUFFIX}(?![\w])"
                    )
                    self._gapped.append((first, pattern, trigger))
                    continue
                for key in {fold(normalize(form)), fold(normalize(form.replace("\u200c", "")))}:
                    key = " ".join(key.split())
                    self._by_form.setdefault(key, trigger)
        # one Aho-Corasick pass finds where each form occurs (an alternation of them all is tried at every character)
        self._automaton = ahocorasick.Automaton()
        for form in self._by_form:
            self._automaton.add_word(form, len(form))
        self._automaton.make_automaton()

    def find(self, text: str, folded: str | None = None) -> list[TriggerHit]:
        """The triggers of `text`; `folded` is `fold(text)` when the caller has it already."""
        folded = fold(text) if folded is None else folded
        hits: list[TriggerHit] = []
        gapped = self._gapped_hits(folded)
        free = 0  # where the next hit may start
        for start, lengths in self._occurrences(folded):
            if start < free or _WORD_START.match(folded, start) is None:
                continue
            if any(hit.start <= start < hit.end for hit in gapped):
                continue  # inside a gapped form, which tells more
            found = next(((n, tail) for n in lengths if (tail := _TAIL.match(folded, start + n))), None)
            if found is None:
                continue
            length, tail = found
            end = free = tail.end()
            if end < len(text) and text[end] == "\u200c" or start > 0 and text[start - 1] == "\u200c":
                continue  # «تجمع‌کنندگان», «ضد‌حمله»: part of a longer word
            form = folded[start : start + length]
            suffix = tail.group("suffix").strip()
            plural = bool(_PLURAL.search(form) or suffix in ("ها", "های", "هایی", "ات"))
            indefinite = suffix in ("ی", "ای")
            hits.append(TriggerHit(start, end, self._by_form[form], plural, indefinite))
        if gapped:
            hits = sorted([h for h in hits if not any(g.start < h.end and h.start < g.end for g in gapped)] + gapped, key=lambda h: h.start)
        return hits

    def _gapped_hits(self, folded: str) -> list[TriggerHit]:
        """Hits of the forms with a gap (whole span, first part to second), earliest first, not overlapping."""
        found: list[TriggerHit] = []
        for first, pattern, trigger in self._gapped:
            if first not in folded:
                continue
            found.extend(TriggerHit(m.start(), m.end(), trigger, False) for m in pattern.finditer(folded))
        found.sort(key=lambda h: h.start)
        kept: list[TriggerHit] = []
        for hit in found:
            if not kept or hit.start >= kept[-1].end:
                kept.append(hit)
        return kept

    def _occurrences(self, folded: str) -> list[tuple[int, list[int]]]:
        """Where forms begin in `folded`, in text order, with the lengths of the forms there, longest first."""
        if not self._by_form:
            return []
        by_start: dict[int, list[int]] = {}
        for last, length in self._automaton.iter(folded):
            by_start.setdefault(last + 1 - length, []).append(length)
        return [(start, sorted(by_start[start], reverse=True)) for start in sorted(by_start)]
