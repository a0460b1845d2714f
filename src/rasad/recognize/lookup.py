"""Look-up keys, the words of a text and word frequencies shared by the pattern recognizers (names, organizations, places)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rasad.normalize.letters import fold

# A word: letters, with ZWNJ inside it. Digits, punctuation and spaces end it.
WORD = re.compile(r"[^\W\d_]+(?:\u200c+[^\W\d_]+)*")
# What may follow a past stem in a verb form: «رفتم», «رفتی», «رفته», «رفتن», «رفته‌اند».
PAST_ENDINGS = ("م", "ی", "یم", "ید", "ند", "ه", "ن", "هام", "هاند", "هایم", "هاید", "هاست")


def key(form: str) -> str:
    """The look-up key of a form: folded, without spaces or ZWNJ («علی اکبر» = «علی‌اکبر» = «علیاکبر»)."""
    return "".join(fold(form).split())


@dataclass(frozen=True)
class Words:
    """The words of one normalized text: their spans and look-up keys, and the folded text.

    Made once per document and shared by the recognizers that read words.
    """

    text: str
    folded: str  # fold(text)
    spans: list[tuple[int, int]]
    keys: list[str]  # the look-up key of each word (a word's ZWNJs are spaces in `folded`)

    @classmethod
    def of(cls, text: str, folded: str | None = None) -> Words:
        folded = fold(text) if folded is None else folded
        spans = [m.span() for m in WORD.finditer(text)]
        return cls(text, folded, spans, [folded[s:e].replace(" ", "") for s, e in spans])


def word_start(branches: list[tuple[str, str]], not_after: Iterable[str] = ()) -> str:
    r"""`(?<![\w])(?:w1p1|w2p2|…)`: a word, then the pattern after it, for the first of the (word, pattern)
    `branches` that matches, where no letter or digit stands before the word.

    Written as one branch per opening (a word's first two letters; its first only, when some word has one),
    with the look-behind after it: a pattern that opens with a look-behind is tried at every character, one
    that opens with a letter only where `re`'s quick scan finds a letter that a word begins with. It
    matches the same: the words that can match at one place all open alike there, and keep their order
    within their branch.

    `not_after`: words that may not stand right before the word, a space between («پیش از آغاز» is no
    «از آغاز»); checked after the opening too, so that they keep the quick scan.
    """
    if not branches or any(not word for word, _ in branches):
        guard = "".join(f"(?<!{re.escape(word)} )" for word in not_after)
        return guard + r"(?<![\w])(?:" + "|".join(re.escape(word) + after for word, after in branches) + ")"
    size = 2 if all(len(word) > 1 for word, _ in branches) else 1
    rests: dict[str, list[str]] = {}
    for word, after in branches:
        rests.setdefault(word[:size], []).append(re.escape(word[size:]) + after)
    return "(?:" + "|".join(
        rf"{re.escape(opening)}(?<![\w]{re.escape(opening)})"
        + "".join(f"(?<!{re.escape(word)} {re.escape(opening)})" for word in not_after)
        + f"(?:{'|'.join(tails)})"
        for opening, tails in rests.items()
    ) + ")"


def wordfreq_zipf() -> dict[str, float]:
    """wordfreq's Persian list as {look-up key: zipf}; the highest value when spellings share a key."""
    from wordfreq import get_frequency_dict

    zipf: dict[str, float] = {}
    for word, frequency in get_frequency_dict("fa").items():
        if frequency > 0:
            k = key(word)
            value = math.log10(frequency) + 9.0
            if value > zipf.get(k, 0.0):
                zipf[k] = value
    return zipf


def verb_pattern(verbs: dict[str, list[str]], past_endings: Iterable[str] = PAST_ENDINGS) -> re.Pattern[str]:
    """Verb forms on look-up keys: «رفته», «نرفت», «بگیرد», «کنند» — from the stems of `name_rules.yaml`.

    `past_endings`: what may follow a past stem.
    """

    def alternation(forms: Iterable[str]) -> str:
        keys = sorted({k for k in (key(str(f)) for f in forms) if k}, key=len, reverse=True)
        return "|".join(re.escape(k) for k in keys) or "(?!)"

    past = alternation(verbs.get("past_stems", []))
    present = alternation(verbs.get("present_stems", []))
    return re.compile(
        rf"(?:ن|نمی|می)?(?:{past})(?:{'|'.join(past_endings)})?"
        rf"|(?:ب|ن|می|نمی)(?:{present})(?:م|ی|د|یم|ید|ند)?"
        rf"|(?:{present})(?:یم|ید|ند)"
    )
