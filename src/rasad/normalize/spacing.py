"""Whitespace and punctuation: one space between words, none before punctuation, Persian marks."""

from __future__ import annotations

import re

from rasad.normalize.rewrite import TextEdit

_PERSIAN_LETTER = "\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c0"
_CLOSING = "،؛؟!.:)»\\]"
_TO_PERSIAN_MARK = {",": "،", ";": "؛", "?": "؟"}

_SPACING = re.compile(
    rf"""
    (?=[\n,;?،؛؟\u200c۰-۹]|[ ](?:[ \n{_CLOSING}]|\Z|(?<=[«(\[][ ])|(?<=\A[ ])))  # where a rule can start: skip the rest fast
    # (every test but the first opens with the space, so that most characters fail at once)
    (?:
    (?P<edge>\A[ \n]+|[ \n]+\Z)                         # leading / trailing blank
  | (?P<newline>[ ]*\n[ \n]*)                            # one line break, no blank lines or edge spaces
  | (?P<before>[ ]+(?=[{_CLOSING}]))                    # no space before closing punctuation
  | (?P<after>(?<=[«(\[])[ ]+)                          # no space after an opening mark
  | (?P<spaces>[ ]{{2,}})                                 # runs of spaces
  | (?P<mark>(?<=[{_PERSIAN_LETTER}])[,;?](?=[ \n]|[{_PERSIAN_LETTER}]|\Z))  # Latin mark in Persian text
  | (?P<glued>[،؛؟](?=[{_PERSIAN_LETTER}«]))             # a Persian mark glued to the next word
  | (?P<zwnjs>(?<=[{_PERSIAN_LETTER}])\u200c{{2,}}(?=[{_PERSIAN_LETTER}]))  # doubled ZWNJ
  | (?P<loose>\u200c+(?=[ \n]|\Z)|(?<=[ \n])\u200c+|\A\u200c+)  # ZWNJ next to a space or an edge
  | (?P<digit_word>[۰-۹](?=[{_PERSIAN_LETTER}]))          # «۹کیلومتر»
  | (?P<word_digit>(?<=[{_PERSIAN_LETTER}])[۰-۹])          # «عرض۶»
    )
    """,
    re.VERBOSE,
)


def _replacement(m: re.Match[str], text: str) -> str:
    kind = m.lastgroup
    if kind == "edge":
        return ""
    if kind == "newline":
        return "\n"
    if kind in ("before", "after"):
        return ""
    if kind == "spaces":
        return " "
    if kind == "mark":
        mark = _TO_PERSIAN_MARK[m.group()]
        following = text[m.end() : m.end() + 1]
        return mark + " " if following and following not in " \n" else mark
    if kind == "zwnjs":
        return "\u200c"
    if kind == "loose":
        return ""
    if kind == "word_digit":
        return " " + m.group()
    return m.group() + " "  # glued, digit_word: the mark or digit, then a space


def spacing_edits(text: str) -> list[TextEdit]:
    """Edits that tidy spaces, line breaks and punctuation marks."""
    return [(m.start(), m.end(), _replacement(m, text)) for m in _SPACING.finditer(text)]
