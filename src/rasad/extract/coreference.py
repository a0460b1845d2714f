"""Group anaphora: «این گروه», «نیروهای این گروه», «این گروهک» stand for the armed group named before.

Outlets name a group once and then write «این گروه» («حوثی‌ها ... مدعی شد که این گروه با
موشک ... هدف قرار داد»). Each such phrase becomes an ACTOR mention that carries the
antecedent's knowledge-base id, so the later stages code it as that group. A phrase with
no group named before it in the article stays unresolved and adds nothing.
"""

from __future__ import annotations

import re

from rasad.model import Mention

# What «این گروه» can point back to: actors that are groups, not states or people.
GROUP_KINDS = frozenset({"armed-group", "militia", "rebel", "party", "coalition"})

_ANAPHOR = re.compile(
    r"(?<![\w])(?:(?:نیروهای|شبه نظامیان|اعضای|رزمندگان|جنگجویان|مبارزان|عناصر|افراد|تروریست های|فرماندهان)\s+)?"
    r"(?:این|همین|آن)\s+(?:گروه|گروهک|جنبش|شبه نظامیان)(?:ها)?(?![\w])"
)


def group_anaphors(folded: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with every «این گروه» phrase that has an antecedent added (and the bare force
    noun it absorbs, «نیروهای» of «نیروهای این گروه», taken out). Sorted by position."""
    added: list[Mention] = []
    for match in _ANAPHOR.finditer(folded):
        antecedent = next(
            (m for m in reversed(mentions) if m.end <= match.start() and m.kind == "ACTOR" and m.ref and m.data.get("kind") in GROUP_KINDS),
            None,
        )
        if antecedent is None:
            continue
        added.append(
            Mention("ACTOR", match.start(), match.end(), antecedent.ref, {"kind": antecedent.data["kind"], "anaphor": True})
        )
    if not added:
        return mentions
    kept = [m for m in mentions if not any(m.start < a.end and a.start < m.end and m.kind == "ACTOR" for a in added)]
    return sorted(kept + added, key=lambda m: (m.start, -m.end))
