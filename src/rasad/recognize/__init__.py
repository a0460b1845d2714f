"""Stage 3: typed mentions (actors, people, places, weapons, outlets, dates, numbers, sources) with offsets."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from rasad.knowledge.loader import KnowledgeBase
from rasad.model import Doc, Mention
from rasad.recognize.entities import mentions_from_hits
from rasad.recognize.lexicon import Lexicon
from rasad.recognize.names import NameRecognizer
from rasad.recognize.organizations import OrganizationRecognizer
from rasad.recognize.sources import SourceRecognizer

# A finder looks at the normalized text (and the publication date) and returns mentions.
Finder = Callable[[str, dt.date | None], list[Mention]]


@dataclass
class Recognizer:
    """Doc → Doc with `mentions` filled, sorted by position; overlapping finds keep the longer one."""

    kb: KnowledgeBase
    lexicon: Lexicon
    finders: list[Finder] = field(default_factory=list)
    sources: SourceRecognizer | None = None
    names: NameRecognizer | None = None
    organizations: OrganizationRecognizer | None = None

    def __call__(self, doc: Doc) -> Doc:
        published = dt.date.fromisoformat(doc.article.published) if doc.article.published else None
        found = mentions_from_hits(doc.text, self.lexicon.find(doc.text), self.kb)
        if self.organizations is not None:
            people = [(m.start, m.end) for m in found if m.kind == "PERSON"]
            found.extend(self.organizations(doc.text, people))
        if self.names is not None:
            # towns are not "taken" («مهران کریمی» is a person though «مهران» is a town); curated sites are
            known = [(m.start, m.end) for m in found if m.kind in ("PERSON", "ACTOR", "OUTLET") or _curated_place(m)]
            found.extend(self.names(doc.text, known))
            found.extend(repeated_surnames(doc.text, found))
        for finder in self.finders:
            found.extend(finder(doc.text, published))
        mentions = weekday_in_brackets(doc.text, keep_known_refs(resolve_overlaps(found), found))
        mentions = [with_place_noun(doc.text, m, mentions) for m in mentions]
        mentions = sorted(mentions + nested_mentions(mentions) + places_in_organizations(mentions, found), key=lambda m: (m.start, m.end))
        if self.sources is not None:
            # attributions overlap the names they attribute to; they are kept beside them
            mentions = sorted(mentions + self.sources(doc.text, mentions), key=lambda m: (m.start, m.end, m.kind))
        return replace(doc, mentions=mentions)


# Nouns that name the kind of place before its name: part of the place's name span («شهرستان راسک»).
_PLACE_NOUN = re.compile(r"(?:شهرستان|شهرک|شهر|استان|روستای|منطقه|بندر|جزیره|ولایت|ولسوالی|بخش|دهستان|ایالت|محافظه|استانداری) $")


def with_place_noun(text: str, mention: Mention, mentions: list[Mention]) -> Mention:
    """«شهر حلب», «روستای لمن»: the place noun belongs to the place's span."""
    if mention.kind != "PLACE":
        return mention
    match = _PLACE_NOUN.search(text, max(0, mention.start - 14), mention.start)
    if match is None or match.end() != mention.start:
        return mention
    if any(m is not mention and m.start < mention.start and m.end > match.start() for m in mentions):
        return mention
    return Mention(mention.kind, match.start(), mention.end, mention.ref, mention.data)


def keep_known_refs(kept: list[Mention], found: list[Mention]) -> list[Mention]:
    """A pattern-found organization that contains a known actor («نیروی زمینی سپاه پاسداران») is that actor."""
    known = [m for m in found if m.kind == "ACTOR" and m.ref]
    result: list[Mention] = []
    for mention in kept:
        if mention.kind == "ACTOR" and mention.ref is None and mention.data.get("org_source"):
            inner = next((k for k in known if mention.start <= k.start and k.end <= mention.end), None)
            if inner is not None:
                mention = Mention("ACTOR", mention.start, mention.end, inner.ref, {**inner.data, "org_source": "pattern"})
        result.append(mention)
    return result


def places_in_organizations(kept: list[Mention], found: list[Mention]) -> list[Mention]:
    """«استانداری بصره», «دانشگاه تهران»: the town inside an organization's name still places events there."""
    organizations = [m for m in kept if m.kind == "ACTOR" and m.data.get("org_source")]
    return [
        place
        for place in found
        if place.kind == "PLACE" and any(o.start <= place.start and place.end <= o.end for o in organizations)
    ]


def nested_mentions(mentions: list[Mention]) -> list[Mention]:
    """Names inside a kept composite («دمشق» in «مقامات دمشق», «حماس» in «سخنگوی حماس»), kept beside it."""
    nested: list[Mention] = []
    for mention in mentions:
        for inner in mention.data.get("nested", []) if mention.data else []:
            if isinstance(inner, Mention) and mention.start <= inner.start and inner.end <= mention.end:
                nested.append(Mention(inner.kind, inner.start, inner.end, inner.ref, {**inner.data, "inside": True}))
    return nested


def _curated_place(mention: Mention) -> bool:
    candidates = mention.data.get("candidates", []) if mention.kind == "PLACE" else []
    return bool(candidates) and not any(str(c).startswith("geonames-") for c in candidates)


def repeated_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """«ربیعی» after «علی ربیعی»: a person's last name alone, later in the same article."""
    taken = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []
    for person in (m for m in mentions if m.kind == "PERSON"):
        words = text[person.start : person.end].split()
        if len(words) < 2 or len(words[-1]) < 3:
            continue
        surname = words[-1]
        for match in re.finditer(rf"(?<![\w\u200c]){re.escape(surname)}(?![\w\u200c])", text[person.end :]):
            start, end = person.end + match.start(), person.end + match.end()
            if not any(start < e and s < end for s, e in taken):
                found.append(Mention("PERSON", start, end, person.ref, {**person.data, "name_source": "surname"}))
                taken.append((start, end))
    return found


def weekday_in_brackets(text: str, mentions: list[Mention]) -> list[Mention]:
    """«بامداد امروز (پنجشنبه)»: a weekday in brackets right after a date names that same day."""
    result = list(mentions)
    for index in range(1, len(result)):
        first, second = result[index - 1], result[index]
        if first.kind != "DATE" or second.kind != "DATE" or not first.ref or not second.ref:
            continue
        if text[first.end : second.start].strip() != "(" or first.ref == second.ref:
            continue
        try:
            same_weekday = dt.date.fromisoformat(first.ref).weekday() == dt.date.fromisoformat(second.ref).weekday()
        except ValueError:
            continue
        if same_weekday:
            result[index] = Mention("DATE", second.start, second.end, first.ref, {**second.data, "value": first.ref})
    return result


# When two mentions overlap, the more specific kind wins at equal length.
_PRIORITY = {"DATE": 6, "ACTOR": 5, "PERSON": 5, "OUTLET": 5, "PLACE": 4, "WEAPON": 3, "SOURCE": 2, "NUMBER": 1}


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Drop a mention that overlaps a longer (or, at equal length, higher-priority) one.

    NUMBER mentions inside a DATE are dropped; other kinds never overlap in the output.
    """
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), -_PRIORITY.get(m.kind, 0), m.start))
    kept: list[Mention] = []
    taken: set[int] = set()
    for mention in ordered:
        span = range(mention.start, mention.end)
        if any(position in taken for position in span):
            continue
        kept.append(mention)
        taken.update(span)
    return sorted(kept, key=lambda m: (m.start, m.end))
