"""Look-up keys and word frequencies shared by the pattern recognizers (names, organizations)."""

from __future__ import annotations

import math

from rasad.normalize.letters import fold


def key(form: str) -> str:
    """The look-up key of a form: folded, without spaces or ZWNJ («علی اکبر» = «علی‌اکبر» = «علیاکبر»)."""
    return "".join(fold(form).split())


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
