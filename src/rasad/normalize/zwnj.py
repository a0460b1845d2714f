"""Restore zero-width non-joiners lost in scraping (گردانهای → گردان‌های, میگیرد → می‌گیرد).

A joined word is split only when the evidence says the split form is the word:
1. the frequency list knows a ZWNJ spelling of it that is more frequent than the
   joined spelling (می‌گیرد vs میگیرد); or
2. the joined form is rare and a prefix (می، نمی) or suffix (ها، های، ای، ترین …)
   analysis leaves a frequent base (گردان + های); the analysis with the most
   frequent base wins (بیانیه + ای beats بیانی + های).
Words the lexicon knows well (میدان، میزان، بیانیه) are left alone.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, compress
from pathlib import Path

from rasad.knowledge.yamlfile import load_yaml
from rasad.normalize.letters import ZWNJ
from rasad.normalize.rewrite import TextEdit

DATA_FILE = Path(__file__).parent / "data" / "zwnj.yaml"

# Letters that do not join to the following letter: a ZWNJ after them changes nothing visible.
NON_JOINING = set("اآأإدذرزژوؤةء")
_WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c0\u200c]+")
_WORD_PIECES = re.compile(f"({_WORD.pattern})")  # split() keeps the words: no match object per word
# «می گیرد», «کتاب ها»: the look-behinds stand after the first character, so that `re` skips ahead to
# an «ن», a «م» or a space instead of trying every position
_SPACED_PREFIX = re.compile(r"(ن(?<![\u0600-\u06ff\u200c]ن)می|م(?<![\u0600-\u06ff\u200c]م)ی) (?=[\u0621-\u06cc]{2,})")
_SPACED_PLURAL = re.compile(r" (?<=[\u0621-\u06cc]{2} )(?=(?:ها|های|هایی|هایش|هایشان)(?![\u0600-\u06ff\u200c]))")
_VERB_ENDING = re.compile(r"(?:د|ند|م|یم|ید|ی|ست|ه|ن|ین)$")


@dataclass(frozen=True)
class ZwnjSettings:
    """Thresholds on Zipf frequency (log10 of frequency per billion words)."""

    rare_word: float = 3.0  # a joined word at or below this is a candidate for morphological splitting
    frequent_base: float = 3.3  # a base must be at least this frequent for a morphological split
    margin: float = 0.0  # a known ZWNJ spelling wins when its Zipf exceeds the joined one's by this


@dataclass
class ZwnjRestorer:
    """Decides, word by word, where ZWNJs belong. Build once; reuse across articles."""

    settings: ZwnjSettings = field(default_factory=ZwnjSettings)
    data_file: Path = DATA_FILE
    _decisions: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)

    @cached_property
    def _frequencies(self) -> dict[str, float]:
        from wordfreq import get_frequency_dict

        return get_frequency_dict("fa")

    @cached_property
    def _rules(self) -> dict[str, list[str]]:
        with open(self.data_file, encoding="utf-8") as handle:
            loaded: dict[str, list[str]] = load_yaml(handle)
        return loaded

    @cached_property
    def _spellings(self) -> dict[str, str]:
        """Joined form → its most frequent ZWNJ spelling, from the frequency list and the compounds file."""
        best: dict[str, str] = {}
        for word in self._frequencies:
            if ZWNJ in word and not word.startswith(ZWNJ) and not word.endswith(ZWNJ):
                joined = word.replace(ZWNJ, "")
                if joined not in best or self._frequencies[word] > self._frequencies[best[joined]]:
                    best[joined] = word
        for word in self._rules.get("compounds", []):
            best[word.replace(ZWNJ, "")] = word
        return best

    @cached_property
    def _keep(self) -> frozenset[str]:
        return frozenset(self._rules.get("keep", []))

    @cached_property
    def _compounds(self) -> frozenset[str]:
        return frozenset(w.replace(ZWNJ, "") for w in self._rules.get("compounds", []))

    def zipf(self, word: str) -> float:
        freq = self._frequencies.get(word, 0.0)
        return math.log10(freq * 1e9) if freq > 0 else 0.0

    def split_points(self, word: str) -> tuple[int, ...]:
        """Positions inside `word` where a ZWNJ belongs (empty: leave the word as it is)."""
        cached = self._decisions.get(word)
        if cached is None:
            cached = self._decide(word)
            self._decisions[word] = cached
        return cached

    def _decide(self, word: str) -> tuple[int, ...]:
        if len(word) < 3 or word in self._keep:
            return ()
        settings = self.settings
        joined_zipf = self.zipf(word)
        known = self._spellings.get(word)
        if known is not None and (
            word in self._compounds
            or self.zipf(known) > joined_zipf + settings.margin
        ):
            return _zwnj_positions(known)
        if joined_zipf > settings.rare_word:
            return ()
        return self._morphology(word)

    def _base_score(self, base: str) -> tuple[float, tuple[int, ...]]:
        """How frequent a base is (as written or in its ZWNJ spelling), and its own split points."""
        spelled = self._spellings.get(base)
        spelled_zipf = self.zipf(spelled) if spelled else 0.0
        plain_zipf = self.zipf(base)
        if spelled_zipf > plain_zipf:
            return spelled_zipf, _zwnj_positions(spelled or base)
        return plain_zipf, ()

    def _morphology(self, word: str) -> tuple[int, ...]:
        rules = self._rules
        threshold = self.settings.frequent_base
        best: tuple[float, tuple[int, ...]] = (0.0, ())
        for suffix in rules.get("suffixes_after_joining", []) + rules.get("suffixes_after_he", []):
            base = word[: -len(suffix)]
            if not word.endswith(suffix) or len(base) < 2:
                continue
            after_he_only = suffix in rules.get("suffixes_after_he", [])
            if (after_he_only and base[-1] != "ه") or base[-1] in NON_JOINING:
                continue
            score, inner = self._base_score(base)
            if score >= threshold and score > best[0]:
                best = (score, inner + (len(base),))
        for prefix in rules.get("prefixes", []) + rules.get("noun_prefixes", []):
            rest = word[len(prefix) :]
            if not word.startswith(prefix) or len(rest) < 2:
                continue
            if prefix in rules.get("prefixes", []) and not _VERB_ENDING.search(rest):
                continue
            score, inner = self._base_score(rest)
            if score >= threshold and score > best[0]:
                best = (score, (len(prefix),) + tuple(len(prefix) + p for p in inner))
        return best[1]

    def edits(self, text: str) -> list[TextEdit]:
        """ZWNJ insertions for joined words, and ZWNJ for a space after می or before ها."""
        found: list[TextEdit] = []
        decisions = self._decisions
        pieces = _WORD_PIECES.split(text)  # text between words, then a word, in turn
        words = pieces[1::2]
        for word in set(words).difference(decisions):  # decided once, then looked up
            if ZWNJ not in word:
                self.split_points(word)
        # where each piece ends; word i starts where piece 2i ends
        ends = list(accumulate(map(len, pieces)))
        # only the few words that take a ZWNJ are visited (the look-ups run at C speed)
        for index in compress(range(len(words)), map(decisions.get, words)):
            word = words[index]
            if ZWNJ not in word:
                position = ends[2 * index]
                for point in decisions[word]:
                    found.append((position + point, position + point, ZWNJ))
        for pattern in (_SPACED_PREFIX, _SPACED_PLURAL):
            for match in pattern.finditer(text):
                space = match.end() - 1 if pattern is _SPACED_PREFIX else match.start()
                found.append((space, space + 1, ZWNJ))
        found.sort(key=lambda edit: (edit[0], edit[1]))
        # «می ها»: the same space may be both after «می» and before «ها»: one ZWNJ, not two edits
        kept: list[TextEdit] = []
        for edit in found:
            if not kept or edit[0] >= kept[-1][1] and edit != kept[-1]:
                kept.append(edit)
        return kept


def _zwnj_positions(spelled: str) -> tuple[int, ...]:
    """Positions in the joined word where the ZWNJs of `spelled` stand."""
    points: list[int] = []
    removed = 0
    for index, char in enumerate(spelled):
        if char == ZWNJ:
            points.append(index - removed)
            removed += 1
    return tuple(points)
