"""Patterns written for speed find exactly what their plain forms find."""

from __future__ import annotations

import random
import re

from rasad.normalize.segment import _SENTENCE_END
from rasad.normalize.spacing import _CLOSING, _SPACING
from rasad.normalize.zwnj import _SPACED_PLURAL, _SPACED_PREFIX

# The plain form of the sentence end (`segment._SENTENCE_END` starts with a character class instead).
PLAIN_SENTENCE_END = re.compile(r"\n|(?<!\b[A-Z])[.!?؟…]+[»\")\]]*(?=\s|\Z)")
# `spacing._SPACING`'s gate, and its plain form: each way a rule can start, tested in turn.
_GATE = rf"(?=[\n,;?،؛؟\u200c۰-۹]|[ ](?:[ \n{_CLOSING}]|\Z|(?<=[«(\[][ ])|(?<=\A[ ])))"
_PLAIN_GATE = rf"(?=[\n,;?،؛؟\u200c۰-۹]|[ ](?:[ \n{_CLOSING}]|\Z)|(?<=[«(\[])[ ]|\A[ ])"


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


def test_spaced_prefix_and_plural_match_their_plain_forms() -> None:
    """`zwnj._SPACED_PREFIX` and `_SPACED_PLURAL` put their look-behinds after the first character."""
    prefix = re.compile(r"(?<![\u0600-\u06ff\u200c])(ن?می) (?=[\u0621-\u06cc]{2,})")
    plural = re.compile(r"(?<=[\u0621-\u06cc]{2}) (?=(?:ها|های|هایی|هایش|هایشان)(?![\u0600-\u06ff\u200c]))")
    alphabet = [*" \u200cنمیکتاب۱a", "می", "نمی", "ها", "های", "هایشان", "  "]
    texts = ["کتاب ها را نمی خواند و می رود", *random_texts(alphabet, 5000, 12, 7)]
    for text in texts:
        assert [(m.span(), m.groups()) for m in _SPACED_PREFIX.finditer(text)] == [
            (m.span(), m.groups()) for m in prefix.finditer(text)
        ]
        assert [m.span() for m in _SPACED_PLURAL.finditer(text)] == [m.span() for m in plural.finditer(text)]


def test_spacing_gate_is_its_plain_form() -> None:
    """The gate's tests on a space open with the space; they accept the same positions as the plain gate."""
    plain = re.compile(_SPACING.pattern.replace(_GATE, _PLAIN_GATE), re.VERBOSE)
    assert plain.pattern != _SPACING.pattern
    alphabet = [*" \n,;?،؛؟!.:)»](«[\u200cاب۱۲a1\t", "  ", " \n", "\n ", "( ", "« "]
    for text in ["« سلام ( دنیا ) »  ", " آغاز", *random_texts(alphabet, 5000, 14, 9)]:
        assert [(m.span(), m.lastgroup) for m in _SPACING.finditer(text)] == [
            (m.span(), m.lastgroup) for m in plain.finditer(text)
        ]
