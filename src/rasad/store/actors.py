"""What deduplication needs to know about actor ids: which are descriptions, and which belong together.

Read once (and cached) from the shipped knowledge files (rasad/knowledge/data/actors):

- generic actors (`generic: true`): descriptions such as «مهاجمان», «تروریست‌ها»,
  «غیرنظامیان», «بازنشستگان», not named actors;
- the `parent` of each actor: IRGC Navy → IRGC, CENTCOM → Military Forces of the
  United States, ISKP → Islamic State.

Two ids in one role of two reports are the same side (`same_side`) when either is
a description, when one is the other's ancestor or both share one, or when both
are the state of one country (government, military, police, security: outlets
name the same strike «ارتش اسرائیل» or «رژیم صهیونیستی»). The crowd of a protest
is the exception: two different groups (retirees, nurses) are two protests,
unless one of them is only «معترضان», protesters in general.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

STATE_KINDS = frozenset({"government", "military", "police", "security"})
ANY_CROWD = "protesters"


@dataclass(frozen=True)
class Side:
    """One actor role of one report."""

    id: str | None
    kind: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class ActorFacts:
    generic: frozenset[str]
    parents: dict[str, str]

    def lineage(self, actor_id: str) -> list[str]:
        """The id and its ancestors, nearest first."""
        chain = [actor_id]
        while chain[-1] in self.parents and self.parents[chain[-1]] not in chain:
            chain.append(self.parents[chain[-1]])
        return chain

    def related(self, a: str, b: str) -> bool:
        return bool(set(self.lineage(a)) & set(self.lineage(b)))

    def same_side(self, a: Side, b: Side, crowd: bool = False) -> bool:
        """May `a` and `b` name the same actor? (the rules in this module's docstring)"""
        if not a.id or not b.id or a.id == b.id:
            return True
        generic_a, generic_b = a.id in self.generic, b.id in self.generic
        if generic_a or generic_b:
            return not (crowd and generic_a and generic_b) or ANY_CROWD in (a.id, b.id)
        if self.related(a.id, b.id):
            return True
        return a.kind in STATE_KINDS and b.kind in STATE_KINDS and a.country is not None and a.country == b.country


@lru_cache(maxsize=1)
def actor_facts() -> ActorFacts:
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    folder = resources.files("rasad.knowledge").joinpath("data").joinpath("actors")
    generic: set[str] = set()
    parents: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        for actor in yaml.load(entry.read_text(encoding="utf-8"), Loader=loader) or []:
            if not isinstance(actor, dict) or "id" not in actor:
                continue
            if actor.get("generic"):
                generic.add(str(actor["id"]))
            if actor.get("parent"):
                parents[str(actor["id"])] = str(actor["parent"])
    return ActorFacts(frozenset(generic), parents)
