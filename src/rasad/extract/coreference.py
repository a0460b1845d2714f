"""Anaphora: «این گروه» stands for the armed group named before, «این کشور» / «این رژیم» for the state,
«این شهر» for the town.

Outlets name an actor once and then write «این گروه» («حوثی‌ها ... مدعی شد که این گروه با
موشک ... هدف قرار داد») or «جنگنده‌های این رژیم», «نیروهای این کشور». Each such phrase becomes
an ACTOR mention that carries the antecedent's identity, so the later stages code it as that
actor. A phrase with nothing fitting named before it stays as it was.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from rasad.knowledge.schema import ForceNoun
from rasad.model import Mention, country_of_ref
from rasad.recognize.lookup import word_start

# What «این گروه» can point back to: actors that are groups, not states or people.
GROUP_KINDS = frozenset({"armed-group", "militia", "rebel", "party", "coalition"})
# What «این رژیم» can point back to: a state's own organs.
STATE_KINDS = frozenset({"government", "military", "police", "security"})

_MEMBERS = (
    "نیروهای", "شبه نظامیان", "اعضای", "رزمندگان", "جنگجویان", "مبارزان", "عناصر", "افراد", "تروریست های", "فرماندهان"
)  # fmt: skip
_DETERMINERS = ("این", "همین", "ان")  # folded: «آن» is «ان»
_GROUP_NOUN = r"\s+(?:گروه|گروهک|جنبش|حزب|شبه نظامیان|نیروها)(?:ها)?(?![\w])"
# «(نیروهای) این گروه»: the members' word, when there is one, then the determiner (as `(?:members\s+)?`
# would, in a form `re` scans quickly)
_GROUP = re.compile(
    word_start(
        [(word, r"\s+(?:این|همین|ان)" + _GROUP_NOUN) for word in _MEMBERS]
        + [(word, _GROUP_NOUN) for word in _DETERMINERS]
    )
)
# «نیروهایش», «رزمندگان خود»: the forces of whoever the clause is about («حزب الله اعلام کرد رزمندگان
# مقاومت ...»: the resistance's fighters are the group that speaks).
_OWN_WORDS = ("نیروها", "رزمندگان", "جنگجویان", "مبارزان", "افراد", "اعضا", "عناصر", "سربازان", "نیرو", "چریک ها", "چریکها")
_OWN = re.compile(word_start([(word, r"(?:یش|ش| اش|یشان|شان| شان| خود| خویش| مقاومت)(?![\w])") for word in _OWN_WORDS]))
# What every `_OWN` match starts with, and what every `_GROUP` match holds: rarer than the letters `re`
# scans a whole text for, so found by `str.find` and matched only there (`_group_matches`, `_own_matches`)
_OWN_OPENINGS = ("نیرو", "رزمندگان", "جنگجویان", "مبارزان", "افراد", "اعضا", "عناصر", "سربازان", "چریک")
_GROUP_NOUNS = ("گروه", "جنبش", "حزب", "شبه نظامیان", "نیروها")  # «گروه» is also in «گروهک»
# How far back the owner of «نیروهایش» may be named.
_OWN_REACH = 160
# «این شهر», «همین روستا»: the town told before; how far back it may be named.
_TOWN_NOUNS = r"شهر|شهرک|روستا|روستای"
_TOWN_REACH = 400
# A place named by a site noun («میدان آزادی», «خیابان دانشگاه») is no town «این شهر» could mean.
_SITE_NOUN = re.compile(r"(?:میدان|خیابان|بلوار|کوچه|محله|مسجد|بیمارستان|زندان|پایگاه|فرودگاه|اردوگاه|پل|بازار|دانشگاه|مدرسه) ")
_STATE_NOUNS = r"کشور|رژیم"
# «این شهر» and «این کشور» in one scan of the text (a determiner opens both; their nouns differ)
_DETERMINED = re.compile(
    word_start([(word, "") for word in _DETERMINERS]) + rf"\s+(?:(?P<town>{_TOWN_NOUNS})|(?P<noun>{_STATE_NOUNS}))(?![\w])"
)


def resolve_anaphors(
    folded: str, mentions: list[Mention], forces: Sequence[ForceNoun], country_names: Mapping[str, str]
) -> list[Mention]:
    """The mentions with every resolvable anaphoric phrase added as an ACTOR (and the bare force noun
    it completes, «نیروهای» of «نیروهای این گروه», taken out). Sorted by position."""
    determined = list(_DETERMINED.finditer(folded))
    added = (
        _groups(folded, mentions)
        + _states([m for m in determined if m["noun"]], mentions, forces, country_names)
        + _own_forces(folded, mentions)
        + _towns(folded, [m for m in determined if m["town"]], mentions)
    )
    if not added:
        return mentions
    kept = [m for m in mentions if m.kind != "ACTOR" or not any(m.start < a.end and a.start < m.end for a in added)]
    return sorted(kept + added, key=lambda m: (m.start, -m.end))


def _groups(folded: str, mentions: list[Mention]) -> list[Mention]:
    added: list[Mention] = []
    for match in _group_matches(folded):
        groups = [
            m for m in mentions if m.end <= match.start() and m.kind == "ACTOR" and m.ref and m.data.get("kind") in GROUP_KINDS
        ]
        if groups:
            # the group the story is about: the most named one, the latest of those on a tie
            named = Counter(m.ref for m in groups)
            antecedent = max(reversed(groups), key=lambda m: named[m.ref])
            data = {"kind": antecedent.data["kind"], "anaphor": True}
            added.append(Mention("ACTOR", match.start(), match.end(), antecedent.ref, data))
    return added


def _group_matches(folded: str) -> list[re.Match[str]]:
    """`_GROUP.finditer(folded)`, tried only where a match can start: before a group noun, its
    determiner (and the members' word before that), each after a run of spaces."""
    starts: list[int] = []
    for noun in _GROUP_NOUNS:
        for position in _occurrences(folded, noun):
            determiner_end = _before_spaces(folded, position)
            for determiner in _DETERMINERS:
                if determiner_end < position and folded.endswith(determiner, 0, determiner_end):
                    start = determiner_end - len(determiner)
                    starts.append(start)
                    member_end = _before_spaces(folded, start)
                    starts += [member_end - len(m) for m in _MEMBERS if member_end < start and folded.endswith(m, 0, member_end)]
    return _matches_at(_GROUP, folded, starts)


def _own_matches(folded: str) -> list[re.Match[str]]:
    """`_OWN.finditer(folded)`, tried only where one of its words opens."""
    return _matches_at(_OWN, folded, [position for word in _OWN_OPENINGS for position in _occurrences(folded, word)])


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` finds when its matches (never empty) can start only at `starts`."""
    found: list[re.Match[str]] = []
    end = 0
    for start in sorted(set(starts)):
        if start >= end and (match := pattern.match(text, start)) is not None:
            found.append(match)
            end = match.end()
    return found


def _occurrences(text: str, word: str) -> list[int]:
    positions: list[int] = []
    position = text.find(word)
    while position >= 0:
        positions.append(position)
        position = text.find(word, position + 1)
    return positions


def _before_spaces(text: str, end: int) -> int:
    """Where the run of white space that ends at `end` starts (`end` itself when there is none)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _towns(folded: str, matches: list[re.Match[str]], mentions: list[Mention]) -> list[Mention]:
    """«پیشاور ... ؛ در آن روز یک بمب‌گذار در مسجد مقر پلیس این شهر ...» (`matches` of `_DETERMINED`): the
    town named last before."""
    added: list[Mention] = []
    for match in matches:
        # the place named last, if it is a known town (an unknown village before «این روستا» is what it
        # means, though it cannot be placed)
        town = next(
            (m for m in reversed(mentions) if m.kind == "PLACE" and m.end <= match.start() and not _SITE_NOUN.match(folded, m.start)),
            None,
        )
        if (
            town is not None
            and match.start() - town.end <= _TOWN_REACH
            and town.data.get("candidates")
            and town.data.get("specificity", 1) == 1
            and not (town.ref or "").startswith("country:")
            and not any(m.start < match.end() and match.start() < m.end for m in mentions)
        ):
            added.append(Mention("PLACE", match.start(), match.end(), town.ref, {**town.data, "anaphor": True}))
    return added


def _own_forces(folded: str, mentions: list[Mention]) -> list[Mention]:
    """«جبهه مقاومت اعلام کرد که نیروهایش با طالبان درگیر شدند»: the forces of the actor named just before."""
    added: list[Mention] = []
    for match in _own_matches(folded):
        owner = next(
            (
                m
                for m in reversed(mentions)
                if m.kind == "ACTOR"
                and m.ref
                and m.end <= match.start()
                and match.start() - m.end <= _OWN_REACH
                and m.data.get("kind") in GROUP_KINDS | STATE_KINDS
                and not m.data.get("inside")
            ),
            None,
        )
        if owner is not None and "." not in folded[owner.end : match.start()]:
            added.append(Mention("ACTOR", match.start(), match.end(), owner.ref, {**owner.data, "anaphor": True}))
    return added


def _states(
    matches: list[re.Match[str]], mentions: list[Mention], forces: Sequence[ForceNoun], country_names: Mapping[str, str]
) -> list[Mention]:
    """«جنگنده‌های این رژیم», «نیروهای این کشور» (`matches` of `_DETERMINED`): a force noun of the state named before."""
    added: list[Mention] = []
    for match in matches:
        force = next(
            (
                m
                for m in mentions
                if m.kind == "ACTOR" and m.ref is None and m.data.get("force") and 0 <= match.start() - m.end <= 1
            ),
            None,
        )
        if force is None:
            continue  # «این کشور» alone is too often a place («در این کشور») to stand for a state
        country = _antecedent_country(mentions, match.start(), state_only=match["noun"] == "رژیم")
        template = next((f for f in forces if f.suffix == force.data["force"]), None)
        if country is None or template is None:
            continue
        data = {
            "name": template.name.format(country=country_names.get(country, country)),
            "country": country,
            "kind": template.kind,
            "inter": template.inter,
            "force": template.suffix,
            "anaphor": True,
        }
        weapon = next((m for m in mentions if m.kind == "WEAPON" and (m.start, m.end) == (force.start, force.end)), None)
        if weapon is not None:
            data.update(weapon=weapon.ref, weapon_end=weapon.end)  # «جنگنده‌های این رژیم»: who, and with what
        added.append(Mention("ACTOR", force.start, match.end(), f"{country.lower()}-{template.suffix}", data))
    return added


def _antecedent_country(mentions: list[Mention], before: int, state_only: bool) -> str | None:
    """The ISO3 code of the last state named before `before`: an actor of a state («ارتش
    اسرائیل», «رژیم صهیونیستی») or, unless only a state's organ will do, a country name."""
    for mention in reversed(mentions):
        if mention.end > before or mention.data.get("inside"):
            continue
        country = mention.data.get("country")
        if mention.kind == "ACTOR" and isinstance(country, str) and mention.data.get("kind") in STATE_KINDS:
            return country
        if not state_only and mention.kind == "PLACE" and (named := country_of_ref(mention.ref)):
            return named
    return None
