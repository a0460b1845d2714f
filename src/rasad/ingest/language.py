"""Is a text Persian? Arabic-script text in another language is skipped with a reason, not coded.

The rule counts function words: Persian prose is full of «است», «را», «که», Arabic
prose of «في», «من», «على», and Urdu, Pashto or Sorani use letters Persian lacks.
Short texts (under MIN_WORDS Arabic-script words) are given the benefit of the doubt.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from rasad.ingest.codes import SourceError

MIN_WORDS = 30
_WORD = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+")
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _markers() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = yaml.safe_load(resources.files("rasad.ingest").joinpath("data/language.yaml").read_text(encoding="utf-8"))
    return frozenset(data["persian_words"]), frozenset(data["arabic_words"]), frozenset(data["other_letters"])


def check_persian(text: str) -> None:
    """Raise SourceError E204 when `text` is clearly in another Arabic-script language."""
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        return
    persian_words, arabic_words, other_letters = _markers()
    persian = sum(1 for w in words if w in persian_words)
    arabic = sum(1 for w in words if w in arabic_words)
    letters = len(_LETTER.findall(text))
    foreign_letters = sum(1 for ch in text if ch in other_letters)
    if letters and foreign_letters / letters > 0.01 and foreign_letters > persian:
        raise SourceError("E204", "letters of Urdu, Pashto or Kurdish, not of Persian")
    if persian / len(words) < 0.03 and arabic > persian:
        raise SourceError("E204", "it reads as Arabic")
    if persian / len(words) < 0.01:
        raise SourceError("E204", "none of the common Persian words")
