"""Names of organizations the knowledge base does not list, from a head noun and its complement.

A name is a head noun («وزارت», «سازمان», «دانشگاه», «بانک», «شورای», «مجلس», «شرکت»,
«باشگاه», «حزب», «خبرگزاری» …) followed by the words of its ezafe chain, over whole words
of the normalized text (a ZWNJ is part of its word):

- «وزارت امور خارجه», «وزارت بهداشت، درمان و آموزش پزشکی» — domain nouns, with «و» and
  commas between them;
- «بانک مرکزی», «سازمان ملل متحد», «دیوان عالی» — naming adjectives;
- «دانشگاه تهران», «دولت چین», «شهرداری استان البرز» — places;
- «مجلس دهم», «دولت یازدهم» — ordinals after a parliament or a government;
- «باشگاه پرسپولیس», «حزب کارگر», «خبرگزاری فرانسه» — after an open head, any word;
- «دانشگاه امام صادق», «بنیاد امام رضا (ع)» — a person's name after «امام», «شهید»;
- «شرکت اسپان», «دانشگاه هاروارد» — a word too rare to be a common word;
- «کمیسیون امنیت ملی و سیاست خارجی مجلس» — a second head closing the chain.

The head alone («دولت», «مجلس») is never a name, nor a head after a determiner («این شرکت»)
or an office («رئیس جمهوری»). The chain ends at a stop word, at punctuation or a number, at any
other frequent word, and before a noun that a light verb follows («سازمان ملل اقدام کرد»).

Word lists: `data/organizations.yaml`; places from `knowledge/data/places/` (countries with
their capitals and adjectives, admin1 regions, sites) and GeoNames towns when the caller passes
them (`places=lexicon.places.values()`).

    orgs = OrganizationRecognizer.load()
    orgs(text, taken=[(m.start, m.end) for m in mentions])  # → [Mention("ACTOR", …)]
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress
from pathlib import Path
from typing import Any

from rasad.knowledge.schema import Place
from rasad.knowledge.yamlfile import load_yaml
from rasad.model import Mention
from rasad.normalize.letters import fold
from rasad.recognize.lookup import Words, key, verb_pattern, wordfreq_zipf

DATA = Path(__file__).parent / "data"
RULES_FILE = DATA / "organizations.yaml"
VERBS_FILE = DATA / "name_rules.yaml"  # verb stems, shared with the name recognizer
PLACES_DIR = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "places"

# Between two words of one name: spaces (a ZWNJ left at a word's edge too).
_LINK = re.compile(r"[ \u200c]+")
# A comma in a list of domains: «وزارت صنعت، معدن و تجارت».
_COMMA = re.compile(r"[ \u200c]*[،,][ \u200c]*")
# An opening quote after a head: «شرکت «یونی ترنس تک»», «گروه "دیدبان قضایی"».
_OPEN_QUOTE = re.compile(r"[ \u200c]*([«\"'“‘])[ \u200c]*")
_CLOSING = {"«": "»", '"': '"', "'": "'", "“": "”", "‘": "’"}
# «(ع)», «( ره )» right after a name.
_MARK = re.compile(r" ?\( ?([^()\n]{1,9}?) ?\)")
_LATIN = re.compile(r"[A-Za-z][A-Za-z.&-]*")
_ZWNJ = "\u200c"
_VERB_PREFIXES = ("می\u200c", "نمی\u200c")
_SUFFIXES = frozenset(
    {"ها", "های", "هایی", "ای", "اش", "ام", "ات", "مان", "شان", "تان", "ترین", "تر", "اند", "ایم"}
)
_PRESENT_ENDINGS = ("", "م", "ی", "د", "یم", "ید", "ند")
_MAX_QUOTED = 8
_MAX_PHRASE_WORDS = 6  # longer listed forms (a few GeoNames names) are never looked for

# Word classes, from the weakest to the strongest: a form listed twice keeps the stronger class.
# NAME is never listed: it is a proper name found by its rarity (or any word after an open head).
ADJECTIVE, BRIDGE, NAME, PLACE, COMPLETE, STOP = 1, 2, 3, 4, 5, 6
_COMPLETES = (NAME, PLACE, COMPLETE)
# Endings a listed form may carry inside a name: the ezafe «ی» after a vowel («کالای», «دانشجوی»),
# plurals («فناوری‌های», «شرکت‌های»).
_INFLECTIONS = (("\u200cهای", ""), ("\u200cها", ""), ("های", ""), ("ای", "ا"), ("وی", "و"))



def _keys(forms: Iterable[Any]) -> set[str]:
    return {k for k in (key(str(f)) for f in forms) if k}


def _flat(words: Any) -> list[Any]:
    """A word list, or groups of word lists ({"particles": [...], "verbs": [...]}), as one list."""
    if isinstance(words, dict):
        return [w for group in words.values() for w in group or []]
    return list(words or [])


@dataclass(frozen=True)
class OrganizationRules:
    """The word lists of `organizations.yaml` and the known places, as look-up keys."""

    heads: dict[str, str]  # head key → kind
    requires: dict[str, frozenset[str]]  # head key → the keys its first complement must be one of
    of_organization: frozenset[str]  # heads whose complement is another organization
    not_of_organization: frozenset[str]  # heads whose first complement is never another organization
    open_after: frozenset[str]  # words after which an open head may still take a proper name
    weak: dict[str, frozenset[str]]  # head key → complements that do not make a name with it alone
    offices: dict[str, str]  # office word key → kind of the headless name after it
    open_heads: frozenset[str]
    ordinal_heads: frozenset[str]
    ordinals: frozenset[str]
    not_after: frozenset[str]
    not_after_head: dict[str, frozenset[str]]  # head key → words that make it a common noun before it
    classes: dict[str, int]  # form key → ADJECTIVE, BRIDGE, PLACE, COMPLETE or STOP
    surname_tails: frozenset[str]  # «نژاد» after a name: «دولت احمدی نژاد»
    towns: frozenset[str]  # GeoNames places only (no curated one): a light verb after one makes it a noun
    small_towns: frozenset[str]  # GeoNames places under `min_population`: only after a place prefix
    place_prefixes: frozenset[str]  # «استان», «شهرستان», «واحد»: with a place after them
    place_prefixes_alone: frozenset[str]  # … or alone at the end of a name
    verb: re.Pattern[str]  # verb forms, on look-up keys
    openers: frozenset[str]
    light_verbs: frozenset[str]
    light_present: frozenset[str]  # «کند», «شود» … that «می‌» / «نمی‌» may precede
    honorific_marks: frozenset[str]
    head_words: int  # words in the longest head or office form
    phrase_words: int  # words in the longest listed form of any class
    zipf: dict[str, float]
    name_zipf: float
    rare_zipf: float
    max_words: int

    @classmethod
    def load(
        cls,
        rules: Path = RULES_FILE,
        places_dir: Path | None = PLACES_DIR,
        places: Iterable[Place] = (),
        zipf: dict[str, float] | None = None,
        verbs_file: Path | None = VERBS_FILE,
    ) -> OrganizationRules:
        with open(rules, encoding="utf-8") as handle:
            data: dict[str, Any] = load_yaml(handle)
        heads = {key(str(f)): str(kind) for kind, forms in (data.get("heads") or {}).items() for f in forms}
        heads.pop("", None)
        classes: dict[str, int] = {}
        longest = [1]  # words in the longest form added

        def add(forms: Iterable[Any], word_class: int) -> None:
            for form in forms:
                k = key(str(form))
                if k:
                    classes[k] = max(word_class, classes.get(k, 0))
                    longest[0] = max(longest[0], len(fold(str(form)).split()))

        min_population = int(data.get("min_population", 15000))
        place_forms, demonyms = _curated_places(places_dir)
        curated = _keys(place_forms)
        places = list(places)
        town_forms = [f for p in places if p.population >= min_population for f in p.fa]
        towns = _keys(town_forms) - curated
        small_towns = (
            _keys(f for p in places if p.population < min_population for f in p.fa) - curated - towns
        )
        add(demonyms, ADJECTIVE)
        add(data.get("adjectives") or [], ADJECTIVE)
        add(data.get("bridges") or [], BRIDGE)
        add(place_forms, PLACE)
        add((f for f in town_forms if key(f) in towns), PLACE)
        add(data.get("regions") or [], PLACE)
        add(data.get("naming") or [], COMPLETE)
        add(_flat(data.get("domains")), COMPLETE)
        add(_flat(data.get("stop_words")), STOP)
        light = _keys(data.get("light_verbs") or [])
        verbs: dict[str, list[str]] = {}
        if verbs_file is not None and verbs_file.exists():
            with open(verbs_file, encoding="utf-8") as handle:
                verbs = (load_yaml(handle) or {}).get("verbs") or {}
        present = {
            stem + ending
            for stem in _keys(data.get("light_present_stems") or [])
            for ending in _PRESENT_ENDINGS
        }
        return cls(
            heads=heads,
            requires={
                key(str(h)): frozenset(_keys(forms)) for h, forms in (data.get("requires") or {}).items()
            },
            of_organization=frozenset(_keys(data.get("of_organization") or [])),
            not_of_organization=frozenset(_keys(data.get("not_of_organization") or [])),
            open_after=frozenset(_keys(data.get("open_after") or [])),
            weak={key(str(h)): frozenset(_keys(f)) for h, f in (data.get("weak") or {}).items()},
            offices={
                key(str(f)): str(kind) for kind, forms in (data.get("offices") or {}).items() for f in forms
            },
            open_heads=frozenset(_keys(data.get("open_heads") or [])),
            ordinal_heads=frozenset(_keys(data.get("ordinal_heads") or [])),
            ordinals=frozenset(_keys(data.get("ordinals") or [])),
            not_after=frozenset(_keys(data.get("not_after") or [])),
            not_after_head={
                key(str(h)): frozenset(_keys(f)) for h, f in (data.get("not_after_head") or {}).items()
            },
            classes=classes,
            surname_tails=frozenset(_keys(data.get("surname_tails") or [])),
            towns=frozenset(k for k in towns if classes.get(k) == PLACE),
            small_towns=frozenset(k for k in small_towns if k not in classes),
            place_prefixes=frozenset(_keys(data.get("place_prefixes") or [])),
            place_prefixes_alone=frozenset(_keys(data.get("place_prefixes_alone") or [])),
            verb=verb_pattern(verbs),
            openers=frozenset(_keys(data.get("openers") or [])),
            light_verbs=frozenset(light),
            light_present=frozenset(present),
            honorific_marks=frozenset(_keys(data.get("honorific_marks") or [])),
            head_words=max(
                (
                    len(fold(str(f)).split())
                    for group in ("heads", "offices")
                    for fs in (data.get(group) or {}).values()
                    for f in fs
                ),
                default=1,
            ),
            phrase_words=min(longest[0], _MAX_PHRASE_WORDS),
            zipf=zipf if zipf is not None else wordfreq_zipf(),
            name_zipf=float(data.get("name_zipf", 3.7)),
            rare_zipf=float(data.get("rare_zipf", 3.0)),
            max_words=int(data.get("max_words", 14)),
        )


def _curated_places(folder: Path | None) -> tuple[set[str], set[str]]:
    """Place names (countries, capitals, admin1 regions, sites) and country adjectives of the knowledge files."""
    places: set[str] = set()
    demonyms: set[str] = set()
    if folder is None or not folder.is_dir():
        return places, demonyms
    countries = folder / "countries.yaml"
    if countries.exists():
        with open(countries, encoding="utf-8") as handle:
            for entry in load_yaml(handle) or []:
                if isinstance(entry, dict):
                    places.update(str(f) for field in ("fa", "capital_fa") for f in entry.get(field) or [])
                    demonyms.update(str(f) for f in entry.get("adjectives") or [])
    for path in sorted(folder.glob("admin1*.tsv")) + sorted(folder.glob("sites*.tsv")):
        with open(path, encoding="utf-8", newline="") as handle:
            lines = (line for line in handle if not line.startswith("#"))
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
                for form in (row.get("fa") or "").split("|"):
                    form = form.strip()
                    if form:
                        places.add(form)
                        if form.startswith("استان "):
                            places.add(form[len("استان ") :])  # «البرز» as well as «استان البرز»
    return places, demonyms


class _Busy:
    """Spans already taken by other mentions, for a quick overlap test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []  # the furthest end among the first i + 1 spans
        for _, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end) - 1
        return before >= 0 and self.reach[before] > start


class _Text:
    """The words of one text: spans, look-up keys, and whether only spaces stand between two."""

    def __init__(self, words: Words) -> None:
        self.text = words.text
        self.spans = words.spans
        self.keys = words.keys

    def __len__(self) -> int:
        return len(self.spans)

    def linked(self, index: int) -> bool:
        """Only spaces (or a stray ZWNJ) between word `index` and the next."""
        end, start = self.spans[index][1], self.spans[index + 1][0]
        return self.text[end:start] == " " or _LINK.fullmatch(self.text, end, start) is not None

    def gap(self, index: int) -> str:
        return self.text[self.spans[index][1] : self.spans[index + 1][0]]

    def phrases(self, index: int, most: int, prefixes: frozenset[str] | None = None) -> Iterable[tuple[int, str]]:
        """(last word, joined key) of the phrases starting at `index`, the longest first.

        With `prefixes` (every beginning of the keys looked for), a phrase that begins none of them
        ends the lengthening: no longer phrase can be found either.
        """
        last = index
        joined = self.keys[index]
        while last + 1 < len(self.keys) and last - index + 1 < most and self.linked(last):
            if prefixes is not None:
                joined += self.keys[last + 1]
                if joined not in prefixes:
                    break
            last += 1
        for end in range(last, index - 1, -1):
            yield end, "".join(self.keys[index : end + 1])


@dataclass
class _Chain:
    """A name being read: its last committed word, whether it is a name yet, and its length in words."""

    last: int
    complete: bool = False
    words: int = 1
    complete_name: bool = False  # a proper name (NAME) has been read
    end: int | None = None  # the character end when it is not the last word's («شرکت «…»» ends after »)


class OrganizationRecognizer:
    """ACTOR mentions for organization names built from a head noun; build once, call per text."""

    def __init__(self, rules: OrganizationRules) -> None:
        self.rules = rules
        starts = set(rules.heads) | set(rules.offices)
        self._first_letters = frozenset(k[:3] for k in starts)
        # a phrase that is a head or an office starts with a word whose key begins one
        self._head_prefixes = frozenset(k[:n] for k in starts for n in range(1, len(k) + 1))
        # the words a name may start at: a beginning of a head or office key whose first three letters
        # (all of it, when shorter) begin one too
        self._openings = frozenset(p for p in self._head_prefixes if p[:3] in self._first_letters)
        self._longest_head = rules.head_words

    @classmethod
    def load(
        cls,
        rules: Path = RULES_FILE,
        places_dir: Path | None = PLACES_DIR,
        places: Iterable[Place] = (),
        zipf: dict[str, float] | None = None,
    ) -> OrganizationRecognizer:
        """Build from the data files; `places`: more towns (GeoNames from the lexicon), by population;
        `zipf`: `wordfreq_zipf()` when the caller has it already."""
        return cls(OrganizationRules.load(rules, places_dir, places, zipf))

    def __call__(
        self, text: str, taken: list[tuple[int, int]] | None = None, words: Words | None = None
    ) -> list[Mention]:
        """Organization names in normalized `text`; none overlaps a span in `taken` (mentions already found).

        `words`: the words of `text` when the caller has them already (`Words.of(text)`).
        """
        if words is None or words.text != text:
            words = Words.of(text)
        return self._names(_Text(words), taken or [])

    def _names(self, words: _Text, taken: list[tuple[int, int]]) -> list[Mention]:
        """The names in `words`, left to right; a name overlapping `taken` is skipped."""
        busy = _Busy(taken)
        found: list[Mention] = []
        index = 0  # the first word not yet read
        # only a word that begins a head or an office may start a name: picked at C speed
        for position in compress(range(len(words)), map(self._openings.__contains__, words.keys)):
            if position < index:
                continue  # inside the name found last
            named = self._name_at(words, position)
            if named is None:
                continue
            first, chain, kind = named
            start, end = words.spans[first][0], self._end(words, chain)
            if busy.overlaps(start, end):
                continue
            found.append(Mention("ACTOR", start, end, None, {"org_source": "pattern", "kind": kind}))
            index = chain.last + 1
        return found

    def _name_at(self, words: _Text, index: int) -> tuple[int, _Chain, str] | None:
        """A name starting at word `index` (or right after an office word there): its first word, chain and kind."""
        rules = self.rules
        for head_last, joined in words.phrases(index, self._longest_head, self._head_prefixes):
            if joined in rules.heads:
                if self._after_determiner(words, index, joined):
                    return None
                chain = self._complement(words, head_last, joined)
                return (index, chain, rules.heads[joined]) if chain.complete else None
            if joined in rules.offices and head_last + 1 < len(words) and words.linked(head_last):
                # «وزیر [امور خارجه]»: a chain of domains after an office word, without a head
                if words.keys[head_last + 1] in rules.heads:
                    return None
                chain = self._complement(words, head_last, "", headless=True)
                return (head_last + 1, chain, rules.offices[joined]) if chain.complete else None
        return None

    def _after_determiner(self, words: _Text, index: int, head_key: str) -> bool:
        """«این شرکت», «رئیس جمهوری»: the head is a common noun here."""
        if index == 0 or not words.linked(index - 1):
            return False
        before = words.keys[index - 1]
        return before in self.rules.not_after or before in self.rules.not_after_head.get(head_key, ())

    # ------------------------------------------------------------------ complement

    def _complement(
        self, words: _Text, head_last: int, head_key: str, headless: bool = False, depth: int = 0
    ) -> _Chain:
        """Read the complement after a head (or an office word); the chain, complete or not."""
        rules = self.rules
        chain = _Chain(head_last)
        open_head = head_key in rules.open_heads
        required = rules.requires.get(head_key)
        weak = rules.weak.get(head_key, frozenset())
        first = True  # no complement read yet
        free = open_head  # an open head's proper name may still come: any word
        previous = 0  # the class of the last piece read
        pending = head_last  # the last word read, committed to the name or not
        position = head_last + 1
        while position < len(words) and chain.words < rules.max_words:
            if not words.linked(pending):
                if free and not chain.complete:
                    quoted = self._quoted(words, pending)
                    if quoted is not None:
                        chain.last, chain.end = quoted
                        chain.complete = True
                    return chain
                if not self._comma(words, pending, chain):
                    return chain
            if first and head_key in rules.of_organization:
                step: tuple[int, int] | None = self._inner(words, position, depth)
            elif (
                first and head_key in rules.not_of_organization and self._starts_organization(words, position)
            ):
                return chain
            elif first and required is not None:
                step = self._required(words, position, required)
                if step is None and open_head and self._name_like(words, position):
                    step = position, NAME  # «شبکه العربیه»
            else:
                step = self._step(words, position, chain, head_key, free, previous, depth, headless)
            if step is None or (headless and first and step[1] != COMPLETE):
                return chain
            last, word_class = step
            if word_class in _COMPLETES and first and last == position and words.keys[position] in weak:
                word_class = ADJECTIVE  # «تیم ملی» alone is any national team
            committed = pending == chain.last
            chain.words += last - position + 1
            pending = last
            if word_class in _COMPLETES:
                chain.last, chain.complete = last, True
            elif word_class == ADJECTIVE and committed:
                chain.last = last  # «شرکت بازرگانی دولتی»: an adjective right after the name so far
            # an open head's proper name comes first, after the words its head requires («گروه تروریستی داعش»)
            # or after a sport or a team's category («تیم فوتبال صبای قم»)
            free = (
                free
                and not chain.complete_name
                and (
                    (first and required is not None and word_class == ADJECTIVE)
                    or "".join(words.keys[position : last + 1]) in rules.open_after
                )
            )
            chain.complete_name = chain.complete_name or word_class == NAME
            if word_class != BRIDGE:
                first = False
            previous = word_class
            position = last + 1
        return chain

    def _inner(self, words: _Text, position: int, depth: int) -> tuple[int, int] | None:
        """An organization named at `position` inside another name: its last word and COMPLETE."""
        if depth >= 3:
            return None
        for head_last, joined in words.phrases(position, self._longest_head, self._head_prefixes):
            if joined in self.rules.heads:
                inner = self._complement(words, head_last, joined, depth=depth + 1)
                return (inner.last, COMPLETE) if inner.complete else None
        return None

    def _starts_organization(self, words: _Text, position: int) -> bool:
        if words.keys[position] not in self._head_prefixes:
            return False
        phrases = words.phrases(position, self._longest_head, self._head_prefixes)
        return any(joined in self.rules.heads for _, joined in phrases)

    def _step(
        self,
        words: _Text,
        position: int,
        chain: _Chain,
        head_key: str,
        free: bool,
        previous: int,
        depth: int,
        headless: bool = False,
    ) -> tuple[int, int] | None:
        """The next piece of the complement at `position`: its last word and class; None ends the name."""
        rules = self.rules
        k = words.keys[position]
        # «و» between two domains or adjectives: «آموزش و پرورش», «صنعت، معدن و تجارت»
        if k == "و":
            if not chain.complete or position + 1 >= len(words) or not words.linked(position):
                return None
            following = self._classify(words, position + 1)
            if following is None or following[1] not in (COMPLETE, ADJECTIVE):
                return None
            if self._before_light_verb(words, following[0]) or self._starts_organization(words, position + 1):
                return None
            return following
        # «امام صادق», «شهید بهشتی»: a name after an opener
        if k in rules.openers and position + 1 < len(words) and words.linked(position):
            if rules.classes.get(words.keys[position + 1]) != STOP and self._wordlike(words, position + 1):
                last = position + 1
                if last + 1 < len(words) and words.linked(last) and self._name_like(words, last + 1):
                    last += 1  # «شهید محمد منتظری»
                return last, COMPLETE
        if previous == 0 and head_key in rules.ordinal_heads and k in rules.ordinals:
            return position, COMPLETE
        if previous == NAME and k in rules.surname_tails:
            return position, NAME  # «دولت احمدی نژاد»
        if k in rules.place_prefixes and previous != PLACE:
            # «… استان البرز», «… شهرستان سرخه», «… واحد جیرفت», or «… استان» alone at the end of a name
            place = self._place_after(words, position)
            if place is not None:
                return place, PLACE
            if k in rules.place_prefixes_alone and previous != 0:
                return position, COMPLETE
        classified = self._classify(words, position)
        if classified is not None:
            last, word_class = classified
            if word_class == STOP or word_class == PLACE and previous == PLACE:
                # (a second place right after the name's place starts the next phrase: «سپاه پاسداران ایران
                # اسرائیل را تهدید کرد»)
                return None
            curated = word_class == PLACE and "".join(words.keys[position : last + 1]) not in rules.towns
            if word_class in _COMPLETES and not curated and self._before_light_verb(words, last):
                return None
            if word_class == BRIDGE:
                # «امور», «مبارزه با»: only with a complement after them
                if last + 1 >= len(words) or not words.linked(last):
                    return None
                after = self._classify(words, last + 1)
                if not ((after is not None and after[1] in _COMPLETES) or self._name_like(words, last + 1)):
                    return None
            return last, word_class
        if k[:3] in self._first_letters and self._starts_organization(words, position):
            # a second organization closes the chain: «دبیرخانه شورای عالی امنیت ملی», «کمیسیون امنیت ملی مجلس»
            # (not after adjectives only: «کارگروه تخصصی [معاونت امور فرهنگی]», nor after an office word)
            if headless or (previous != 0 and not chain.complete) or previous == PLACE:
                return None  # («دولت اوکراین ارتش روسیه را ...»: after the name's place, another one begins)
            inner = self._inner(words, position, depth)
            if inner is not None:
                return inner
            if chain.complete and k in rules.heads and not (k in rules.requires or k in rules.open_heads):
                return position, COMPLETE
            if k in rules.heads:
                return None
        if free:
            accepted = self._wordlike(words, position)
        elif not chain.complete or previous == NAME or previous == BRIDGE:
            accepted = self._name_like(words, position)
        else:
            # after a complete name only a very rare word: «شرکت زیست محیطی فناوری پیشرفته اسپان»
            accepted = head_key in rules.open_heads and self._name_like(words, position, rules.rare_zipf)
        if not accepted or self._before_light_verb(words, position):
            return None
        return position, NAME

    def _place_after(self, words: _Text, prefix: int) -> int | None:
        """The last word of the place named right after a place prefix, any town however small."""
        position = prefix + 1
        if position >= len(words) or not words.linked(prefix):
            return None
        for last, joined in words.phrases(position, self.rules.phrase_words):
            if self.rules.classes.get(joined) == PLACE or joined in self.rules.small_towns:
                return last
        return position if self._name_like(words, position) else None

    def _classify(self, words: _Text, position: int) -> tuple[int, int] | None:
        """The longest listed form starting at `position`: its last word and class."""
        classes = self.rules.classes
        for last, joined in words.phrases(position, self.rules.phrase_words):
            word_class = classes.get(joined)
            if word_class is None:
                continue
            if last > position and word_class == PLACE and classes.get(words.keys[position]) == STOP:
                continue  # a town named like a phrase of common words
            return last, word_class
        # an inflected form: «کالای», «فناوری‌های»
        if words.keys[position] in self.rules.heads:
            return None
        surface = words.text[words.spans[position][0] : words.spans[position][1]]
        for ending, replacement in _INFLECTIONS:
            if surface.endswith(ending) and len(surface) > len(ending) + 1:
                word_class = classes.get(key(surface[: -len(ending)] + replacement))
                if word_class is not None and word_class != STOP:
                    return position, BRIDGE  # a plural or an ezafe form needs more after it
        return None

    def _required(self, words: _Text, position: int, allowed: frozenset[str]) -> tuple[int, int] | None:
        """The head's required first complement at `position`: its last word and class (COMPLETE if unlisted)."""
        for last, joined in words.phrases(position, self.rules.phrase_words):
            if joined in allowed:
                word_class = self.rules.classes.get(joined, COMPLETE)
                return last, COMPLETE if word_class == STOP else word_class
        return None

    def _comma(self, words: _Text, pending: int, chain: _Chain) -> bool:
        """A comma between two domains of a list ending in «و»: «وزارت صنعت، معدن و تجارت»."""
        if not chain.complete or chain.last != pending or pending + 1 >= len(words):
            return False
        if _COMMA.fullmatch(words.gap(pending)) is None:
            return False
        following = self._classify(words, pending + 1)
        if following is None or following[1] != COMPLETE:
            return False
        after = following[0] + 1
        return after < len(words) and (
            (words.keys[after] == "و" and words.linked(following[0]))
            or _COMMA.fullmatch(words.gap(following[0])) is not None
        )

    def _quoted(self, words: _Text, pending: int) -> tuple[int, int] | None:
        """A quoted name right after an open head («شرکت «یونی ترنس تک»»): its last word and its end after the quote."""
        opening = _OPEN_QUOTE.fullmatch(words.gap(pending))
        if opening is None:
            return None
        closing = _CLOSING[opening.group(1)]
        for last in range(pending + 1, min(len(words), pending + 1 + _MAX_QUOTED)):
            if last + 1 < len(words) and words.linked(last):
                continue
            end = words.spans[last][1]
            after = words.text[end : words.spans[last + 1][0]] if last + 1 < len(words) else words.text[end:]
            stripped = after.lstrip(" \u200c")
            if not stripped.startswith(closing):
                return None
            return last, end + len(after) - len(stripped) + 1
        return None

    # ------------------------------------------------------------------ words

    def _wordlike(self, words: _Text, position: int) -> bool:
        """Could be a proper name after an open head: not listed as a stop word, not a verb, not a plural."""
        k = words.keys[position]
        if self.rules.classes.get(k) == STOP or k in self.rules.light_verbs or len(k) < 2:
            return False
        if self.rules.verb.fullmatch(k) is not None:
            return False
        surface = words.text[words.spans[position][0] : words.spans[position][1]]
        if surface.startswith(_VERB_PREFIXES):
            return False
        if _ZWNJ in surface and surface.rsplit(_ZWNJ, 1)[1] in _SUFFIXES:
            return False
        if len(k) > 5 and k.endswith("های"):
            return False  # a plural written joined: «خلاهای»
        return k not in self.rules.heads

    def _name_like(self, words: _Text, position: int, zipf: float | None = None) -> bool:
        """A proper name anywhere in a chain: a word rarer than `zipf` (`name_zipf`), or a capitalized Latin word."""
        k = words.keys[position]
        if not self._wordlike(words, position) or k in self.rules.classes:
            return False
        surface = words.text[words.spans[position][0] : words.spans[position][1]]
        if _LATIN.fullmatch(surface):
            return surface[0].isupper()
        return len(k) >= 3 and self.rules.zipf.get(k, 0.0) < (self.rules.name_zipf if zipf is None else zipf)

    def _before_light_verb(self, words: _Text, last: int) -> bool:
        """The word after `last` is a light verb: «اقدام کرد», «تلاش می‌کند»."""
        after = last + 1
        if after >= len(words) or not words.linked(last):
            return False
        k = words.keys[after]
        if k in self.rules.light_verbs:
            return True
        surface = words.text[words.spans[after][0] : words.spans[after][1]]
        for prefix in _VERB_PREFIXES:
            if surface.startswith(prefix) and key(surface[len(prefix) :]) in self.rules.light_present:
                return True
        return False

    def _end(self, words: _Text, chain: _Chain) -> int:
        """The name's end: after its last word (or closing quote), and a religious mark («امام رضا (ع)»)."""
        end = chain.end if chain.end is not None else words.spans[chain.last][1]
        mark = _MARK.match(words.text, end)
        if mark is not None and key(mark.group(1)) in self.rules.honorific_marks:
            return mark.end()
        return end
