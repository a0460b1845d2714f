"""Stage 3: typed mentions (actors, people, places, weapons, outlets, dates, numbers, sources) with offsets."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from rasad.knowledge.loader import KnowledgeBase
from rasad.model import PROVINCE_NOUNS, Doc, Mention
from rasad.recognize.aliases import OutletShortNames, bracket_aliases
from rasad.recognize.entities import mentions_from_hits
from rasad.recognize.lexicon import Hit, Lexicon
from rasad.recognize.lookup import Words
from rasad.recognize.names import NameRecognizer
from rasad.recognize.organizations import OrganizationRecognizer
from rasad.recognize.places import PlaceNameRecognizer, locate_by_context
from rasad.recognize.quoted import ClubNames, QuotedNames
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
    places: PlaceNameRecognizer | None = None
    short_outlets: OutletShortNames | None = None
    quoted: QuotedNames | None = None
    clubs: ClubNames | None = None
    _inside_hits: dict[str, list[Hit]] = field(default_factory=dict, repr=False)  # names_inside's cache

    def __call__(self, doc: Doc) -> Doc:
        published = dt.date.fromisoformat(doc.article.published) if doc.article.published else None
        words = Words.of(doc.text)  # the folded text and its words, made once for every recognizer
        found = mentions_from_hits(doc.text, self.lexicon.find(doc.text, words.folded), self.kb)
        if self.organizations is not None:
            people = [(m.start, m.end) for m in found if m.kind == "PERSON"]
            found.extend(self.organizations(doc.text, people, words=words))
        if self.quoted is not None:
            # «گروهی موسوم به «اتحاد مجاهدین پاکستان»»: a quoted name after a group noun
            named = [(m.start, m.end) for m in found if m.kind in ("PERSON", "ACTOR", "OUTLET")]
            found.extend(self.quoted(doc.text, named, words.folded))
        if self.names is not None:
            # towns are not "taken" («مهران کریمی» is a person though «مهران» is a town); curated sites are
            known = [(m.start, m.end) for m in found if m.kind in ("PERSON", "ACTOR", "OUTLET") or _curated_place(m)]
            found.extend(self.names(doc.text, known, words=words))
            # «قریشی بدلون، سخنگوی والی ننگرهار»: a name told by the office after it
            known += [(m.start, m.end) for m in found if m.kind == "PERSON"]
            found.extend(self.names.appositions(doc.text, known, words=words))
            found.extend(repeated_surnames(doc.text, found))
        for finder in self.finders:
            found.extend(finder(doc.text, published))
        if self.places is not None:
            # «روستای لمن», «منطقه جربان»: places the gazetteer lacks, named by their noun
            found.extend(self.places(doc.text, found, words.folded))
        if self.clubs is not None:
            # «استقلال خوزستان»: a club named by its town, not the town
            found.extend(self.clubs(doc.text, found, words.folded))
        mentions = weekday_in_brackets(doc.text, keep_known_refs(resolve_overlaps(found), found))
        mentions = [with_place_noun(doc.text, m, mentions, self.kb) for m in mentions]
        mentions = locate_by_context(doc.text, mentions, [(s.start, s.end) for s in doc.sentences])
        inside = nested_mentions(mentions) + places_in_organizations(mentions, found)
        inside += names_inside(doc.text, mentions, inside, self.lexicon, self.kb, self._inside_hits)
        mentions = sorted(mentions + inside, key=lambda m: (m.start, m.end))
        # «خبرگزاری رسمی فلسطین (وفا)», «به گزارش شرق،»: second names of outlets, organizations and places
        seconds = bracket_aliases(doc.text, mentions) + (self.short_outlets(doc.text, mentions, words.folded) if self.short_outlets else [])
        mentions = sorted(mentions + seconds, key=lambda m: (m.start, m.end))
        if self.sources is not None:
            # attributions overlap the names they attribute to; they are kept beside them
            mentions = sorted(mentions + self.sources(doc.text, mentions, words.folded), key=lambda m: (m.start, m.end, m.kind))
        return replace(doc, mentions=mentions)


# Nouns that name the kind of place before its name: part of the place's name span («شهرستان راسک»).
_PLACE_NOUNS = ("شهرستان", "شهرک", "شهر", "استان", "روستای", "منطقه", "بندر", "جزیره", "ولایت", "ولسوالی", "بخش", "دهستان", "ایالت", "محافظه", "استانداری")
_PLACE_NOUN = re.compile(f"(?:{'|'.join(_PLACE_NOUNS)}) $")
# The same nouns with their space, for `str.endswith`: most places have none before them, told without a search.
_PLACE_NOUN_ENDINGS = tuple(f"{noun} " for noun in _PLACE_NOUNS)



# Kinds of places too wide for «منطقه» before them to be part of the name: «منطقه غرب آسیا» is «the region, West Asia».
_WIDE_KINDS = frozenset({"region", "sea"})


def with_place_noun(text: str, mention: Mention, mentions: list[Mention], kb: KnowledgeBase | None = None) -> Mention:
    """«شهر حلب», «روستای لمن»: the place noun belongs to the place's span (not «منطقه» before a
    country or a region: «منطقه خاورمیانه»)."""
    if mention.kind != "PLACE" or not text.endswith(_PLACE_NOUN_ENDINGS, 0, mention.start):
        return mention
    match = _PLACE_NOUN.search(text, max(0, mention.start - 14), mention.start)
    if match is None or match.end() != mention.start:
        return mention
    if match.group().startswith("منطقه") and _wide(mention, kb):
        return mention
    if any(m is not mention and m.start < mention.start and m.end > match.start() for m in mentions):
        return mention
    data = mention.data
    if match.group().startswith(PROVINCE_NOUNS) and not mention.data.get("capital"):
        # «ولایت کندهار»: a name said with a province's noun is the province, not the town of its name
        data = {**data, "specificity": 2}
    return Mention(mention.kind, match.start(), mention.end, mention.ref, data)


def _wide(mention: Mention, kb: KnowledgeBase | None) -> bool:
    """A country, or a region or sea of the gazetteer."""
    if (mention.ref or "").startswith("country:"):
        return True
    places = [kb.places.get(str(c)) for c in mention.data.get("candidates", [])] if kb else []
    return bool(places) and all(p is not None and p.kind in _WIDE_KINDS for p in places)


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
    """«استانداری بصره», «دانشگاه تهران»: the town inside an organization's name still places events there;
    a country inside one («باشگاه اسرای فلسطین») names whose it is, not where anything happened."""
    organizations = [m for m in kept if m.kind == "ACTOR" and m.data.get("org_source")]
    return [
        Mention(place.kind, place.start, place.end, place.ref, {**place.data, "inside": True})
        if (place.ref or "").startswith("country:")
        else place
        for place in found
        if place.kind == "PLACE" and any(o.start <= place.start and place.end <= o.end for o in organizations)
    ]


def nested_mentions(mentions: list[Mention]) -> list[Mention]:
    """Names inside a kept composite («دمشق» in «مقامات دمشق», «حماس» in «سخنگوی حماس»), kept beside it."""
    nested: list[Mention] = []
    for mention in mentions:
        for inner in mention.data.get("nested", []) if mention.data else []:
            if isinstance(inner, Mention) and mention.start <= inner.start and inner.end <= mention.end:
                # «پلیس داکا», «نیروهای امنیتی بصره»: a town (not a country or capital, which stand for a
                # state) inside a force's name still places what the force does
                police = (mention.data or {}).get("kind") == "police"  # «پلیس داکا» polices Dhaka, capital or not
                town = inner.kind == "PLACE" and not inner.ref and (police or not inner.data.get("capital"))
                nested.append(Mention(inner.kind, inner.start, inner.end, inner.ref, {**inner.data, "inside": not town}))
    return nested


# Texts whose lexicon hits `names_inside` keeps at most.
_INSIDE_CACHE = 50_000
# Kinds of the names looked for inside a longer known name, and of the names looked into.
_INNER_KINDS = ("PLACE", "PERSON", "ACTOR", "OUTLET")
_OUTER_KINDS = ("ACTOR", "OUTLET", "PERSON")


def names_inside(
    text: str,
    mentions: list[Mention],
    nested: list[Mention],
    lexicon: Lexicon,
    kb: KnowledgeBase,
    cache: dict[str, list[Hit]] | None = None,
) -> list[Mention]:
    """Known names inside a known name after its first word, kept beside it like `nested_mentions`:
    «بشار اسد» in «حکومت بشار اسد», «دمشق» in «مقامات دمشق», «وزارت امور خارجه ایران» in the role
    «سخنگوی وزارت امور خارجه ایران». Bare force nouns («دولت») and other names of the same
    actor or person («تحریر الشام» in «هیئت تحریر الشام») are left out. `cache`: the lexicon's hits by the
    text looked into (the same names recur), filled as it goes."""
    seen = {(m.kind, m.start, m.end) for m in mentions + nested}
    found: list[Mention] = []
    for outer in mentions:
        if outer.kind not in _OUTER_KINDS or outer.data.get("org_source") or outer.data.get("name_source"):
            continue
        space = text.find(" ", outer.start, outer.end)
        if space < 0:
            continue
        start = space + 1
        part = text[start : outer.end]
        relative = cache.get(part) if cache is not None else None
        if relative is None:
            relative = lexicon.find(part)
            if cache is not None:
                if len(cache) > _INSIDE_CACHE:
                    cache.clear()
                cache[part] = relative
        if not relative:
            continue  # no name inside: most outer names
        hits = [Hit(h.start + start, h.end + start, h.entries, h.exact) for h in relative]
        for inner in mentions_from_hits(text, hits, kb):
            span = (inner.kind, inner.start, inner.end)
            if inner.kind not in _INNER_KINDS or inner.ref == outer.ref or span in seen:
                continue
            seen.add(span)
            found.append(Mention(inner.kind, span[1], span[2], inner.ref, {**inner.data, "inside": True}))
    return found


def _curated_place(mention: Mention) -> bool:
    candidates = mention.data.get("candidates", []) if mention.kind == "PLACE" else []
    return any(not str(c).startswith("geonames-") for c in candidates)  # listed in our sites, whatever GeoNames also has


def repeated_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """«ربیعی» after «علی ربیعی»: a person's last name alone, later in the same article."""
    taken = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []
    for person in (m for m in mentions if m.kind == "PERSON"):
        words = text[person.start : person.end].split()
        if len(words) < 2 or len(words[-1]) < 3:
            continue
        surname = words[-1]
        for start in standalone(text, surname, person.end):
            end = start + len(surname)
            if not any(start < e and s < end for s, e in taken):
                found.append(Mention("PERSON", start, end, person.ref, {**person.data, "name_source": "surname"}))
                taken.append((start, end))
    return found


def standalone(text: str, word: str, start: int) -> Iterator[int]:
    """Where `word` stands alone in `text[start:]` (no letter, digit, «_» or ZWNJ touching it), as offsets in `text`.

    What a regular expression with look-arounds for word characters finds (right at `start` nothing
    is looked at before the word), without compiling a pattern for every word.
    """
    at = text.find(word, start)
    while at != -1:
        end = at + len(word)
        if (at == start or not _joins(text[at - 1])) and (end == len(text) or not _joins(text[end])):
            yield at
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)


def _joins(char: str) -> bool:
    """A character of a word: what `\\w` matches, or a ZWNJ."""
    return char.isalnum() or char == "_" or char == "\u200c"


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

    NUMBER mentions inside a DATE are dropped; other kinds never overlap in the output. A NUMBER
    that overlaps a DATE gives way to it, however long («نزدیک به دو دهه پیش»: a date, not a count).
    """
    dates = [(m.start, m.end) for m in mentions if m.kind == "DATE"]
    if dates:
        mentions = [m for m in mentions if m.kind != "NUMBER" or not any(s < m.end and m.start < e for s, e in dates)]
    ordered = sorted(mentions, key=lambda m: (m.start - m.end, -_PRIORITY.get(m.kind, 0), m.start))
    kept: list[Mention] = []
    taken = bytearray(max((m.end for m in mentions), default=0))  # 1 where a kept mention stands
    for mention in ordered:
        start, end = mention.start, mention.end
        if taken.find(1, start, end) != -1:
            continue
        kept.append(mention)
        taken[start:end] = b"\x01" * (end - start)
    return sorted(kept, key=lambda m: (m.start, m.end))
