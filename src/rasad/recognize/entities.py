"""Named mentions from lexicon hits, with the rules that combine parts of a name.

- force noun + country (name, adjective or capital): «نیروهای آمریکایی», «ارتش عراق» → ACTOR usa-military
- force noun + named actor: «نیروهای الحشد الشعبی» → that actor, span widened
- title + person, or title + country/actor: «نخست وزیر عراق» → PERSON (a role)
- countries, capitals, regions, sites, towns → PLACE (candidates kept for the resolver)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasad.knowledge.loader import KnowledgeBase
from rasad.model import ARMED_KINDS, Mention
from rasad.recognize.lexicon import Entry, Hit

# Words that may stand between a force noun and its country: «نیروهای نظامی آمریکا».
_FILLER = re.compile(r"^(?:نظامی|امنیتی|مسلح|ویژه|زمینی|هوایی|دریایی|رژیم|دولت|ارتش|نیروهای|تحت امر|وابسته به|متعلق به|ائتلاف)$")
_GAP = re.compile(r"[\s\u200c]*")


@dataclass(frozen=True)
class Part:
    hit: Hit
    kind: str
    entry: Entry


def _first(hit: Hit, *kinds: str) -> Entry | None:
    for kind in kinds:
        for entry in hit.entries:
            if entry.kind == kind:
                return entry
    return None


def _kinds(hit: Hit) -> dict[str, Entry]:
    """The hit's first entry of each kind: what `_first` finds, for every kind at once."""
    found: dict[str, Entry] = {}
    for entry in hit.entries:
        found.setdefault(entry.kind, entry)
    return found


def _between(text: str, left: int, right: int) -> str:
    return text[left:right].strip(" \u200c")


def _joinable(text: str, left: int, right: int, max_words: int = 2) -> bool:
    """Only spaces or filler words («نظامی», «ارتش») between two parts."""
    gap = _between(text, left, right)
    if not gap:
        return True
    words = gap.replace("\u200c", " ").split()
    return len(words) <= max_words and all(_FILLER.match(w) for w in words)


def mentions_from_hits(text: str, hits: list[Hit], kb: KnowledgeBase) -> list[Mention]:
    """Typed mentions from the lexicon's hits (sorted by position)."""
    found: list[Mention] = []
    index = 0
    while index < len(hits):
        hit = hits[index]
        following = hits[index + 1] if index + 1 < len(hits) else None
        kinds = _kinds(hit)
        force = kinds.get("FORCE")
        title = kinds.get("TITLE")
        if force and following is not None and _joinable(text, hit.end, following.start):
            combined = _force_mention(hit, force, following, kb, hits, index + 1, text)
            if combined is not None:
                mention, used = combined
                found.append(mention)
                index += used + 1
                continue
        if title and following is not None and _joinable(text, hit.end, following.start, max_words=1):
            role = _role_mention(hit, title, following, kb)
            if role is not None:
                found.append(role)
                index += 2
                continue
        nationals = _nationals(text, hit, kinds, following, kb)
        if nationals is not None:
            found.append(nationals)
            index += 2
            continue
        # only a country's adjective asks what stands before it (the look-back is the costlier test)
        adjective = "COUNTRY_ADJ" in kinds and _after_noun(text, hit.start)
        # «در نزدیکی المیادین»: a name that is both an outlet and a town is the town after a place word
        placed = "OUTLET" in kinds and "PLACE" in kinds and _PLACE_WORD_BEFORE.search(text, max(0, hit.start - 14), hit.start)
        found.extend(_plain_mentions(hit, kb, adjective=adjective, as_place=bool(placed), kinds=kinds))
        index += 1
    return _owned_by_the_next(text, found)


def _nationals(text: str, hit: Hit, kinds: dict[str, Entry], following: Hit | None, kb: KnowledgeBase) -> Mention | None:
    """«دو گروگان اسرائیلی», «سه شهروند پاکستانی»: people of no side followed by a country's adjective are
    that country's people (`nationals`), wherever it happened."""
    actor = kinds.get("ACTOR")
    if actor is None or following is None or text[hit.end : following.start].strip():
        return None
    known = kb.actors.get(actor.ref)
    adjective = _first(following, "COUNTRY_ADJ")
    if known is None or known.kind != "civilians" or known.country or adjective is None:
        return None
    return Mention("ACTOR", hit.start, following.end, actor.ref, {**_actor_data(kb, actor.ref), "nationals": adjective.ref})


def _owned_by_the_next(text: str, found: list[Mention]) -> list[Mention]:
    """«ماموران یگان ویژه», «نیروهای هنگ مرزی»: a bare force noun right before another force or actor
    is part of it, and the last one says whose forces they are; «جنگجویان تحریک طالبان پاکستان», «عناصر
    تروریستی داعش»: a generic noun for fighters right before a known armed group is that group."""
    result: list[Mention] = []
    for mention in found:
        previous = result[-1] if result else None
        if (
            previous is not None
            and mention.kind == previous.kind == "ACTOR"
            and 0 <= mention.start - previous.end <= 1
            and not text[previous.end : mention.start].strip()
            and (_force_of(previous, mention) or _fighters_of(previous, mention))
        ):
            result[-1] = Mention(mention.kind, previous.start, mention.end, mention.ref, mention.data)
            continue
        result.append(mention)
    return result


def _force_of(noun: Mention, owner: Mention) -> bool:
    return noun.ref is None and bool(noun.data.get("force")) and (owner.ref is not None or bool(owner.data.get("force")))


def _fighters_of(noun: Mention, group: Mention) -> bool:
    return (
        bool(noun.data.get("generic"))
        and group.ref is not None
        and not group.data.get("generic")
        and group.data.get("kind") in ARMED_KINDS
    )


# The word before a name that makes it a place: a preposition of place or a place noun (not «به»:
# «به الجزیره گفت» tells an outlet).
_PLACE_WORD_BEFORE = re.compile(r"(?<![^\W\d_])(?:در|نزدیکی|حومه|اطراف|شهر|شهرک|منطقه|شرق|غرب|شمال|جنوب)[ \u200c]+$")


def _force_mention(
    hit: Hit, force: Entry, following: Hit, kb: KnowledgeBase, hits: list[Hit], next_index: int, text: str
) -> tuple[Mention, int] | None:
    """force noun + (another force noun)* + country or actor → one ACTOR; returns it and hits used."""
    used = 1
    target = following
    # «جنگنده‌های ارتش اسرائیل»: a chain of force nouns before the country; the last one owns the
    # rest («پاسگاه ارتش عراق» is the army's post, not the police's)
    while (owner := _first(target, "FORCE")) and not _first(target, "COUNTRY", "COUNTRY_ADJ", "CAPITAL", "ACTOR"):
        if next_index + used >= len(hits) or not _joinable(text, target.end, hits[next_index + used].start):
            return None
        force = owner
        target = hits[next_index + used]
        used += 1
    country = _first(target, "COUNTRY", "COUNTRY_ADJ", "CAPITAL")
    if country is not None:
        suffix = force.ref
        template = next((f for f in kb.forces if f.suffix == suffix), None)
        country_name = kb.countries[country.ref].name if country.ref in kb.countries else country.ref
        actor_id = f"{country.ref.lower()}-{suffix}"
        data = {
            "name": template.name.format(country=country_name) if template else actor_id,
            "country": country.ref,
            "kind": template.kind if template else suffix,
            "inter": template.inter if template else 1,
            "force": suffix,
        }
        known = kb.actors.get(actor_id)
        if known is not None:
            data.update(name=known.name, kind=known.kind, inter=known.inter)
        weapon = _first(hit, "WEAPON")
        if weapon is not None:
            data["weapon"] = weapon.ref  # «پهپاد ارتش اسرائیل»: who, and with what
            data["weapon_end"] = hit.end
        actor_mention = Mention("ACTOR", hit.start, target.end, actor_id, data)
        if _first(target, "COUNTRY_ADJ") is None:
            # «ارتش عراق», «مقامات دمشق»: the place is named too
            data["nested"] = [m for m in _plain_mentions(target, kb) if m.kind == "PLACE"]
        return actor_mention, used
    actor = _first(target, "ACTOR")
    if actor is not None and actor.ref in kb.actors:
        return Mention("ACTOR", hit.start, target.end, actor.ref, _actor_data(kb, actor.ref)), used
    return None


def _role_mention(hit: Hit, title: Entry, following: Hit, kb: KnowledgeBase) -> Mention | None:
    """title + person → the person; title + country/actor → a role («نخست وزیر عراق»)."""
    person = _first(following, "PERSON")
    title_info = kb.titles[int(title.ref)] if title.ref.isdigit() and int(title.ref) < len(kb.titles) else None
    title_en = title_info.en if title_info else None
    if person is not None:
        return Mention("PERSON", hit.start, following.end, person.ref, {"title": title_en, **_person_data(kb, person.ref)})
    org = _first(following, "ACTOR", "COUNTRY", "CAPITAL")
    if org is None:
        return None
    country = org.ref if org.kind != "ACTOR" else (kb.actors[org.ref].country if org.ref in kb.actors else None)
    org_id = org.ref if org.kind == "ACTOR" else f"{org.ref.lower()}-government"
    # «سخنگوی حماس», «نخست وزیر عراق»: the organization or country is named inside the role
    nested = _plain_mentions(following, kb, adjective=True)
    data = {"title": title_en, "org": org_id, "country": country, "nested": nested}
    return Mention("PERSON", hit.start, following.end, None, data)


def _actor_data(kb: KnowledgeBase, actor_id: str) -> dict[str, object]:
    actor = kb.actors[actor_id]
    return {"name": actor.name, "country": actor.country, "kind": actor.kind, "inter": actor.inter, "generic": actor.generic}


def _person_data(kb: KnowledgeBase, person_id: str) -> dict[str, object]:
    person = kb.people.get(person_id)
    if person is None:
        return {}
    return {"name": person.name, "org": person.org, "country": person.country, "office": person.office}


def _plain_mentions(
    hit: Hit, kb: KnowledgeBase, adjective: bool = False, as_place: bool = False, kinds: dict[str, Entry] | None = None
) -> list[Mention]:
    """The mentions a hit makes alone; `adjective`: the hit follows a noun, so a word that is both a
    country and its adjective («سعودی» in «سفیر سعودی», «مقام‌های سعودی») is the adjective, no place.
    `kinds`: `_kinds(hit)` when the caller has it already."""
    if kinds is None:
        kinds = _kinds(hit)
    if adjective and "COUNTRY_ADJ" in kinds and not any(k in kinds for k in ("ACTOR", "OUTLET", "PERSON", "CAPITAL")):
        return []
    actor = kinds.get("ACTOR")
    if actor is not None and actor.ref in kb.actors:
        return [Mention("ACTOR", hit.start, hit.end, actor.ref, _actor_data(kb, actor.ref))]
    outlet = None if as_place else kinds.get("OUTLET")
    if outlet is not None and outlet.ref in kb.actors:
        return [Mention("OUTLET", hit.start, hit.end, outlet.ref, _actor_data(kb, outlet.ref))]
    person = kinds.get("PERSON")
    if person is not None:
        return [Mention("PERSON", hit.start, hit.end, person.ref, _person_data(kb, person.ref))]
    capital = kinds.get("CAPITAL")
    if capital is not None and _place_ids(hit):
        # «تهران», «کابل»: the city itself (with its coordinates), which also stands for the government
        return [
            Mention(
                "PLACE",
                hit.start,
                hit.end,
                None,
                {"candidates": _place_ids(hit), "exact": hit.exact, "specificity": 1, "capital": True, "country": capital.ref},
            )
        ]
    country = kinds.get("COUNTRY") or capital
    if country is not None:
        return [
            Mention(
                "PLACE",
                hit.start,
                hit.end,
                f"country:{country.ref}",
                {"country": country.ref, "capital": country.kind == "CAPITAL", "candidates": _place_ids(hit)},
            )
        ]
    if "PLACE" in kinds:
        ids = _place_ids(hit)
        # 1 a town or site, 2 a first-level region: arguments prefer the most specific place
        # («خط دیورند», «منطقه ساگاینگ»: a listed region is as broad as a province)
        regional = all(kb.places[i].source == "admin1" or kb.places[i].kind == "region" for i in ids if i in kb.places) and any(
            i in kb.places for i in ids
        )
        return [Mention("PLACE", hit.start, hit.end, None, {"candidates": ids, "exact": hit.exact, "specificity": 2 if regional else 1})]
    weapon = kinds.get("WEAPON")
    if weapon is not None:
        return [Mention("WEAPON", hit.start, hit.end, weapon.ref)]
    force = kinds.get("FORCE")
    if force is not None:
        template = next((f for f in kb.forces if f.suffix == force.ref), None)
        data: dict[str, object] = {"force": force.ref, "country": None, "kind": template.kind if template else force.ref}
        return [Mention("ACTOR", hit.start, hit.end, None, data)]
    return []


def _place_ids(hit: Hit) -> list[str]:
    return [e.ref for e in hit.entries if e.kind == "PLACE"]


# Words after which a country's name is not an adjective: prepositions, conjunctions, determiners.
_NOT_NOUNS = frozenset(
    "و یا به از در با برای بر تا که را علیه میان بین سوی نزد همراه مانند مثل جز بدون درباره توسط طی این آن هم نیز".split()
)
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \u200c]+$")


def _after_noun(text: str, start: int) -> bool:
    """A word that may take an adjective right before `start` («سفیر سعودی»), not a preposition («به سعودی»)."""
    match = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    return match is not None and match.group(1) not in _NOT_NOUNS
