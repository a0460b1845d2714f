"""Letter forms, digits and invisible characters: one canonical Persian alphabet.

Canonical choices (documented in docs/normalization.md):
- Arabic ي ى → ی, ك → ک, ە ھ → ه; ة and ۀ are kept in the text (they are real
  spellings) and folded to ه only in the matching key (see `fold`).
- Arabic-Indic digits ٠–٩ → Persian ۰–۹; Latin digits are left as written.
- Tatweel, harakat, bidi and other control marks are removed; no-break and
  typographic spaces become a plain space; Arabic presentation forms are
  decomposed to their letters (NFKC).
"""

from __future__ import annotations

import re
import unicodedata

from rasad.normalize.rewrite import TextEdit

ZWNJ = "\u200c"

CHAR_MAP: dict[str, str] = {
    "\u064a": "\u06cc",  # ي → ی
    "\u0649": "\u06cc",  # ى → ی
    "\u0643": "\u06a9",  # ك → ک
    "\u06d5": "\u0647",  # ە → ه
    "\u06be": "\u0647",  # ھ → ه
    "\u0640": "",  # tatweel
    "\u00a0": " ",
    "\u202f": " ",
    "\t": " ",
    "\u200b": "",  # zero-width space
    "\u200d": "",  # zero-width joiner
    "\u00ad": "",  # soft hyphen
    "\ufeff": "",  # byte order mark
    "\u200e": "",
    "\u200f": "",
    "\u061c": "",  # Arabic letter mark
    "\r": "\n",
    "\ufdfd": "بسم الله الرحمن الرحیم",
    "\ufdf2": "الله",
}
for _i in range(10):
    CHAR_MAP[chr(0x0660 + _i)] = chr(0x06F0 + _i)  # ٠–٩ → ۰–۹
for _cp in list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A)):
    CHAR_MAP[chr(_cp)] = ""
for _cp in range(0x2000, 0x200B):
    CHAR_MAP[chr(_cp)] = " "
# Harakat and Quranic marks: removed. U+0654 (hamza above) is handled with ه below.
for _cp in list(range(0x064B, 0x0654)) + list(range(0x0655, 0x0660)) + [0x0670]:
    CHAR_MAP[chr(_cp)] = ""

_CHAR_CLASS = "".join(re.escape(c) for c in CHAR_MAP)
# "\r\n" is one line break; ه + hamza above is ۀ; presentation forms decompose.
_CHARS = re.compile(rf"\r\n|\u0647\u0654|\u0654|[{_CHAR_CLASS}]|[\ufb50-\ufdff\ufe70-\ufefe]")

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"


def _replacement(chunk: str) -> str:
    if chunk == "\r\n":
        return "\n"
    if chunk == "\u0647\u0654":
        return "\u06c0"
    if chunk == "\u0654":
        return ""
    mapped = CHAR_MAP.get(chunk)
    if mapped is not None:
        return mapped
    decomposed = unicodedata.normalize("NFKC", chunk)
    return "".join(CHAR_MAP.get(c, c) for c in decomposed)


def letter_edits(text: str) -> list[TextEdit]:
    """Edits that bring letters, digits and invisible marks to canonical form."""
    return [(m.start(), m.end(), _replacement(m.group())) for m in _CHARS.finditer(text)]


# The matching key: same length as the text, so offsets carry over unchanged.
_FOLD_TABLE = str.maketrans(
    {
        ZWNJ: " ",
        "\u0629": "\u0647",  # ة → ه
        "\u06c0": "\u0647",  # ۀ → ه
        "\u0623": "\u0627",  # أ → ا
        "\u0625": "\u0627",  # إ → ا
        "\u0622": "\u0627",  # آ → ا
        "\u0671": "\u0627",  # ٱ → ا
        "\u0624": "\u0648",  # ؤ → و
        "\u0626": "\u06cc",  # ئ → ی
        "\u0643": "\u06a9",
        "\u064a": "\u06cc",
        "\u0649": "\u06cc",
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0x0660 + i): str(i) for i in range(10)},
        "\n": " ",
    }
)


# The same table as (character, replacement) pairs. No replacement is itself replaced, so applying
# them one after another equals one translation. On a text longer than `_SHORT` that is faster
# (ten times on an article): `translate` looks up every character, `replace` skips absent ones at C speed.
_FOLD_PAIRS = tuple((chr(code), str(value)) for code, value in sorted(_FOLD_TABLE.items()))
_SHORT = 48


def fold(text: str) -> str:
    """A look-up key of the same length as `text`: letter variants merged, ZWNJ as space, lower case.

    Used to match knowledge (names, places) against text regardless of spelling
    variants; never shown to users.
    """
    if len(text) < _SHORT:
        folded = text.translate(_FOLD_TABLE)
    else:
        folded = text
        for old, new in _FOLD_PAIRS:
            if old in folded:
                folded = folded.replace(old, new)
    folded = folded.lower()
    # str.lower() can change length for a few non-Persian letters (e.g. 'İ'); keep offsets exact.
    return folded if len(folded) == len(text) else "".join(c.translate(_FOLD_TABLE).lower()[:1] or c for c in text)
