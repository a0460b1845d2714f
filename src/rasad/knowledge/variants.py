"""Spelling variants of a knowledge form, as look-up keys (docs/knowledge.md, "Generated variants").

Keys are in *skeleton* form: the matching key of `rasad.normalize.fold` with the
letters that transliteration confuses merged (ذ ظ ض → ز, ث ص → س, ط → ت, ح → ه),
so «ذمار» finds «زمار». Text is folded the same way before look-up, and both
keep their length, so offsets carry over.
"""

from __future__ import annotations

from collections.abc import Callable

from rasad.normalize.letters import fold

# Word frequencies (zipf) from which a word without its «ال» is taken for the common word.
_COMMON = 3.5
_VERY_COMMON = 4.1

_SKELETON = str.maketrans({"ذ": "ز", "ظ": "ز", "ض": "ز", "ث": "س", "ص": "س", "ط": "ت", "ح": "ه"})
# The same as pairs: no replacement is itself replaced, so one `str.replace` after another equals the
# translation, and is much faster on a long text (`translate` looks up every character).
_SKELETON_PAIRS = tuple((chr(code), str(value)) for code, value in _SKELETON.items())
_SHORT = 12


def skeleton(folded: str) -> str:
    """Merge letters that Persian transliterations of Arabic names confuse; keeps length."""
    if len(folded) < _SHORT:
        return folded.translate(_SKELETON)
    for old, new in _SKELETON_PAIRS:
        if old in folded:
            folded = folded.replace(old, new)
    return folded


def variants(
    form: str, normalize: Callable[[str], str], word_zipf: dict[str, float] | None = None, strip_always: bool = False
) -> set[str]:
    """Folded keys under which `form` is looked up: as normalized, joined, spaced, with/without «ال».

    «ال» is dropped from a word only when what remains is not a common word; with
    `strip_always` (curated places) only when it is not a very common one: «الخیام» is
    «خیام» though Khayyam is a name, but «القائم» is not «قائم», nor «الاحمدی» «احمدی».
    """
    zipf = word_zipf or {}
    base = {fold(normalize(form)), fold(normalize(form.replace("\u200c", "")))}
    keys: set[str] = set()
    for key in base:
        key = " ".join(key.split())
        keys.add(key)
        if " " in key:
            keys.add(key.replace(" ", ""))  # «حزب الله» written «حزبالله»
        words = key.split(" ")
        spaced = [_space_article(w) for w in words]
        if spaced != words:
            keys.add(" ".join(spaced))  # «دیرالزور» written «دیر الزور»
        stripped = [_strip_article(w, zipf, _VERY_COMMON if strip_always else _COMMON) for w in words]
        if stripped != words and len("".join(stripped)) >= 4:
            keys.add(" ".join(stripped))  # «الحشد الشعبی» written «حشد شعبی»
            keys.add(" ".join([stripped[0], *words[1:]]))  # «حشد الشعبی»
    return {k for k in keys if k}


def _space_article(word: str) -> str:
    index = word.find("ال", 2)
    if index >= 2 and len(word) - index >= 4:
        return word[:index] + " " + word[index:]
    return word


def _strip_article(word: str, zipf: dict[str, float], limit: float) -> str:
    if word.startswith("ال") and len(word) >= 5 and zipf.get(word[2:], 0.0) < limit:
        return word[2:]
    return word
