"""Patterns written for speed find exactly what their plain forms find."""

from __future__ import annotations

import random
import re

from rasad.normalize.segment import _SENTENCE_END
from rasad.normalize.spacing import _SPACING

# The plain form of the sentence end (`segment._SENTENCE_END` starts with a character class instead).
PLAIN_SENTENCE_END = re.compile(r"\n|(?<!\b[A-Z])[.!?؟…]+[»\")\]]*(?=\s|\Z)")


def random_texts(alphabet: list[str], count: int, longest: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_sentence_end_matches_its_plain_form() -> None:
    alphabet = [*" \n\t.!?؟…»\")]AZaب۱2_\u200c", "U.S. ", "A.", " Z."]
    texts = ["انفجار رخ داد. ۲.۵ درصد افزایش یافت؟ بله\nU.S. forces «نقل قول.»", *random_texts(alphabet, 5000, 14, 3)]
    for text in texts:
        assert [m.span() for m in _SENTENCE_END.finditer(text)] == [m.span() for m in PLAIN_SENTENCE_END.finditer(text)]


def test_spacing_gate_skips_no_match() -> None:
    """The look-ahead that opens `_SPACING` only skips positions where no rule could match."""
    ungated = re.compile(
        "\n".join(line for line in _SPACING.pattern.split("\n") if not line.strip().startswith("(?=")), re.VERBOSE
    )
    assert ungated.pattern != _SPACING.pattern
    alphabet = [*" \n,;?،؛؟!.:)»](«[\u200cاب۱۲a1\t", "  ", " \n", "\n "]
    texts = ["سلام ،دنیا  !  «  نقل »\n\n ۹کیلومتر عرض۶ می\u200c\u200cرود", *random_texts(alphabet, 5000, 14, 5)]
    for text in texts:
        found = [(m.span(), m.lastgroup) for m in _SPACING.finditer(text)]
        assert found == [(m.span(), m.lastgroup) for m in ungated.finditer(text)]
