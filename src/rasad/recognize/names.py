"""Names of people the knowledge base does not list, from given names, particles and titles.

Two patterns, over whole words of the normalized text (a ZWNJ is part of its word):

- a given name — with its particles («سید», «ابو», «امام») and joined halves
  («روح الله», «جلال الدین») — followed by one or two surname parts:
  «ناصر کنعانی», «عبدالعزیز المحمداوی», «محمد بن سلمان», «سید حسن نصرالله»;
- a title followed by name-like words, the title left out of the span:
  «آقای عراقچی», «سرلشکر باقری», «سخنگوی وزارت خارجه، ناصر کنعانی», «شیخ نعیم».

A given name alone is a person only right after a title. The surname right after
a given name is checked only against stop words and word shapes (verbs, plurals),
never against word frequency: «احمدی», «دایی», «صدر» are frequent words and
surnames — unless the given name is itself a common word («امید», «جو», «بهار»).
Every other name word must not be a frequent Persian word (wordfreq) unless it
is a given name or shaped like a surname («…زاده», «…پور», «حسینی» = «حسین» +
«ی»). A name right after a place noun («خیابان شهید باکری», «دانشگاه امام صادق»)
belongs to a place and is skipped; a religious mark after a name is kept with it
(«امام حسین (ع)»).

Word lists: `data/given_names.txt`, `data/name_rules.yaml`; office titles from
`knowledge/data/people/titles.yaml` and country names from
`knowledge/data/places/countries.yaml` (never names).

    names = NameRecognizer.load()
    names(text, taken=[(m.start, m.end) for m in mentions])  # → [Mention("PERSON", …)]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, compress
from pathlib import Path
from typing import Any

from rasad.knowledge.yamlfile import load_yaml
from rasad.model import Mention
from rasad.normalize.letters import fold
from rasad.recognize.lookup import Words, key, verb_pattern, wordfreq_zipf

DATA = Path(__file__).parent / "data"
GIVEN_NAMES_FILE = DATA / "given_names.txt"
RULES_FILE = DATA / "name_rules.yaml"
KNOWLEDGE = Path(__file__).resolve().parents[1] / "knowledge" / "data"
TITLES_FILE = KNOWLEDGE / "people" / "titles.yaml"
COUNTRIES_FILE = KNOWLEDGE / "places" / "countries.yaml"

# What may stand between two words of one name: spaces (a ZWNJ left at a word's edge too).
_LINK = re.compile(r"[ \u200c]+")
# What may stand between an office title and a given name: «سخنگوی وزارت خارجه، ناصر کنعانی».
_COMMA_LINK = re.compile(r" ?[،,] ?")
_ZWNJ = "\u200c"
_VERB_PREFIXES = ("می\u200c", "نمی\u200c")
_WORD_SUFFIXES = ("\u200cها", "\u200cهای", "\u200cهایی", "\u200cترین", "\u200cاند", "\u200cایم", "\u200cاید")
# Suffixes after a ZWNJ that make «مجموعه‌ای», «خانواده‌اش» from a common word (but «خامنه‌ای» is a name).
_NOUN_SUFFIXES = frozenset({"ای", "ی", "یی", "اش", "ام", "ات", "مان", "شان", "تان"})
# Verbs written joined to their noun: «اظهارکرد», «بیان‌کرده», «منتشرشد».
_VERB_ENDINGS = ("کرد", "کرده", "کردند", "کند", "کنند", "شد", "شده", "شدند", "شود", "نمود", "گردید", "داشت", "دارد")
# Plural endings and what they replace on the singular: «زائران» ← «زائر», «باختگان» ← «باخته».
_PLURALS = (("های", ""), ("ها", ""), ("هایی", ""), ("ان", ""), ("گان", "ه"))
# «(ع)», «( ره )», «(قدس سره)» right after a name.
_MARK = re.compile(r" ?\( ?([^()\n]{1,9}?) ?\)")
# What ends the text before a sentence's first word: sentence punctuation, a line break or a quote.
# How far after a sentence's start the comma after an apposed name may be, in characters.
_APPOSED_CHARS = 60
_SENTENCE_ENDS = frozenset('.!?؟:؛\n«"')
_AFTER_SENTENCE_END = re.compile("[" + re.escape("".join(sorted(_SENTENCE_ENDS))) + "][ \u200c]*")
_MAX_TITLE_WORDS = 8
_MAX_TITLES = 3  # «حضرت آیت‌الله العظمی», «سردار پاسدار», «آقای دکتر»
# What may follow a past stem in a verb form here: «رفتم», «رفته», «رفته‌اند», and «رفته‌های» (not «رفتی»).
_PAST_ENDINGS = ("م", "یم", "ید", "ند", "ه", "ن", "هام", "هاند", "هایم", "هاید", "هاست", "های")



@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    key: str  # look-up key (folded, no ZWNJ)
    surface: str


@dataclass(frozen=True)
class _Unit:
    """A given-name unit: tokens [first, last]."""

    first: int
    last: int
    given: bool  # ends in a given name (needs a surname or a title); False: «ابو عبیده», «امام خمینی»


Span = tuple[int, int, str]  # first token, last token, name_source


class _Tokens:
    """The words of a text, made into `_Token`s only when a rule looks at them."""

    def __init__(self, text: str, spans: list[tuple[int, int]], keys: list[str]) -> None:
        self.text, self.spans, self.keys = text, spans, keys
        self._made: dict[int, _Token] = {}

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, index: int) -> _Token:
        token = self._made.get(index)
        if token is None:
            start, end = self.spans[index]
            token = self._made[index] = _Token(start, end, self.keys[index], self.text[start:end])
        return token


class _Links:
    """links[i]: only spaces (or a stray ZWNJ) between word i and word i + 1 — they may be one name."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.text, self.spans = text, spans

    def __getitem__(self, index: int) -> bool:
        end, start = self.spans[index][1], self.spans[index + 1][0]
        return self.text[end:start] == " " or _LINK.fullmatch(self.text, end, start) is not None


class _Busy:
    """Spans already taken by other mentions, for a quick overlap test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []  # the furthest end among the first i + 1 spans
        for _, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end) - 1  # the last span starting before `end`
        return before >= 0 and self.reach[before] > start


@dataclass(frozen=True)
class NameRules:
    """The word lists of `name_rules.yaml` and `given_names.txt`, as look-up keys."""

    given: frozenset[str]
    ambiguous: frozenset[str]
    prefixes: frozenset[str]
    kunya_prefixes: frozenset[str]
    joined_prefixes: frozenset[str]
    name_heads: frozenset[str]
    joiners: frozenset[str]
    name_tails: frozenset[str]
    surname_tails: frozenset[str]
    surname_suffixes: tuple[str, ...]
    stop: frozenset[str]
    place_nouns: frozenset[str]
    word_tails: frozenset[str]
    second_parts: frozenset[str]
    agent_suffixes: tuple[str, ...]
    honorific_marks: frozenset[str]
    honorifics: frozenset[str]
    offices: frozenset[str]
    title_starts: frozenset[str]  # every prefix of a title key that ends at a word boundary
    verb: re.Pattern[str]  # verb forms, on look-up keys
    zipf: dict[str, float]
    frequent_zipf: float
    nisba_zipf: float
    second_zipf: float
    office_words: frozenset[str] = frozenset()  # «سخنگوی», «مدیر», «عضو»: an office starts with one

    @classmethod
    def load(
        cls,
        given_names: Path = GIVEN_NAMES_FILE,
        rules: Path = RULES_FILE,
        titles: Path | None = TITLES_FILE,
        countries: Path | None = COUNTRIES_FILE,
        zipf: dict[str, float] | None = None,
    ) -> NameRules:
        with open(rules, encoding="utf-8") as handle:
            data: dict[str, Any] = load_yaml(handle)
        with open(given_names, encoding="utf-8") as handle:
            given = _keys(line for line in handle if not line.lstrip().startswith("#"))
        offices = [str(f) for entry in _yaml_list(titles) for f in entry.get("fa", [])]
        country_words = {
            str(f)
            for entry in _yaml_list(countries)
            for field in ("fa", "adjectives", "capital_fa")
            for f in entry.get(field) or []
            if len(fold(str(f)).split()) == 1
        }
        prefixes = _keys(data.get("prefixes", []))
        # «سید» is a title in titles.yaml but part of the name here
        offices = [f for f in offices if key(f) not in prefixes]
        honorific_forms = [str(f) for f in data.get("honorifics", []) if key(str(f)) not in prefixes]
        honorifics = _keys(honorific_forms)
        title_starts: set[str] = set()
        for form in [*honorific_forms, *offices]:
            words = fold(form).split()
            title_starts.update("".join(words[:n]) for n in range(1, len(words) + 1))
        honorific_words = {w for f in honorific_forms for w in fold(f).split()}
        stop = _keys(_flat(data.get("stop_words"))) | honorific_words | (_keys(country_words) - given)
        return cls(
            given=frozenset(given),
            ambiguous=frozenset(_keys(data.get("ambiguous_given_names", []))),
            prefixes=frozenset(prefixes),
            kunya_prefixes=frozenset(_keys(data.get("kunya_prefixes", []))),
            joined_prefixes=frozenset(_keys(data.get("joined_prefixes", []))),
            name_heads=frozenset(_keys(data.get("name_heads", []))),
            joiners=frozenset(_keys(data.get("joiners", []))),
            name_tails=frozenset(_keys(data.get("name_tails", []))),
            surname_tails=frozenset(_keys(data.get("surname_tails", []))),
            surname_suffixes=tuple(sorted(_keys(data.get("surname_suffixes", [])), key=len, reverse=True)),
            stop=frozenset(stop),
            place_nouns=frozenset(_keys(data.get("place_nouns", []))),
            word_tails=frozenset(_keys(data.get("word_tails", []))),
            second_parts=frozenset(_keys(data.get("second_parts", []))),
            agent_suffixes=tuple(sorted(_keys(data.get("agent_suffixes", [])), key=len, reverse=True)),
            honorific_marks=frozenset(_keys(data.get("honorific_marks", []))),
            honorifics=frozenset(honorifics),
            offices=frozenset(_keys(offices) - honorifics),
            title_starts=frozenset(title_starts),
            verb=verb_pattern(data.get("verbs") or {}, _PAST_ENDINGS),
            zipf=zipf if zipf is not None else wordfreq_zipf(),
            frequent_zipf=float(data.get("frequent_zipf", 4.3)),
            nisba_zipf=float(data.get("nisba_zipf", 4.8)),
            second_zipf=float(data.get("second_zipf", 4.3)),
            office_words=frozenset(_keys(data.get("apposition_offices") or [])),
        )


def _yaml_list(path: Path | None) -> list[dict[str, Any]]:
    if path is None or not path.exists():
        return []
    with open(path, encoding="utf-8") as handle:
        return [entry for entry in load_yaml(handle) or [] if isinstance(entry, dict)]


def _flat(words: Any) -> list[Any]:
    """A word list, or groups of word lists ({"particles": [...], "verbs": [...]}), as one list."""
    if isinstance(words, dict):
        return [w for group in words.values() for w in group or []]
    return list(words or [])


def _keys(forms: Iterable[Any]) -> set[str]:
    return {k for k in (key(str(f)) for f in forms) if k}


class NameRecognizer:
    """PERSON mentions for names that are not in the knowledge base; build once, call per text."""

    def __init__(self, rules: NameRules) -> None:
        self.rules = rules
        # where a name or a title can start; other words are skipped at once
        self._starters = rules.given | rules.prefixes | rules.name_heads | rules.title_starts
        self._prefix_tuple = tuple(rules.joined_prefixes)
        self._shape_cache: dict[str, bool] = {}
        self._start_cache: dict[str, bool] = {}

    @classmethod
    def load(
        cls,
        given_names: Path = GIVEN_NAMES_FILE,
        rules: Path = RULES_FILE,
        titles: Path | None = TITLES_FILE,
        countries: Path | None = COUNTRIES_FILE,
        zipf: dict[str, float] | None = None,
    ) -> NameRecognizer:
        """Build from the data files; `zipf`: `wordfreq_zipf()` when the caller has it already."""
        return cls(NameRules.load(given_names, rules, titles, countries, zipf))

    def __call__(
        self, text: str, taken: list[tuple[int, int]] | None = None, words: Words | None = None
    ) -> list[Mention]:
        """Names in normalized `text`; none overlaps a span in `taken` (mentions already found).

        `words`: the words of `text` when the caller has them already (`Words.of(text)`).
        """
        if words is None or words.text != text:
            words = Words.of(text)
        spans, keys = words.spans, words.keys
        tokens = _Tokens(text, spans, keys)
        links = _Links(text, spans)
        busy = _Busy(taken or [])
        found: list[Mention] = []
        index = 0  # the first word not yet read
        for position in self._candidates(keys):
            if position < index:
                continue  # inside the name found last
            span = self._title_name(text, tokens, links, position) or self._given_name(tokens, links, position)
            if span is None or self._in_place_name(tokens, links, position):
                continue
            first, last, source = span
            start, end = spans[first][0], self._mark_end(text, spans[last][1])
            if busy.overlaps(start, end):
                continue
            found.append(Mention("PERSON", start, end, None, {"name_source": source}))
            index = last + 1
        if len(self._start_cache) > 200_000:
            self._start_cache.clear()
        return found

    def _candidates(self, keys: list[str]) -> Iterator[int]:
        """The words a name may start at: a starter, or a word before a name's tail; most words are neither.

        Each distinct word is judged once (and kept for the next texts); the words are then picked at C speed.
        """
        starts, tails = self._start_cache, self.rules.name_tails
        for k in set(keys).difference(starts):
            starts[k] = self._starter(k)
        before_tail = chain(map(tails.__contains__, keys[1:]), (False,))
        return compress(range(len(keys)), map(any, zip(map(starts.__getitem__, keys), before_tail, strict=True)))

    def _starter(self, k: str) -> bool:
        """Can a name or a title start with this word? (Everything else is skipped at once.)"""
        return k in self._starters or (k.startswith(self._prefix_tuple) and self._joined_prefix(k))

    # ------------------------------------------------------------------ words

    def _shape(self, token: _Token) -> bool:
        """Shaped like a possible name word: not a verb, a plural with ‌ها, a Latin word (no frequencies used)."""
        known = self._shape_cache.get(token.surface)
        if known is None:
            if len(self._shape_cache) > 200_000:
                self._shape_cache.clear()
            k, surface = token.key, token.surface
            known = k in self.rules.given or not (
                self.rules.verb.fullmatch(k) is not None
                or surface.startswith(_VERB_PREFIXES)
                or surface.endswith(_WORD_SUFFIXES)
                or (k.endswith(_VERB_ENDINGS) and len(k) >= 6)
            )
            known = known and not surface.isascii()
            self._shape_cache[token.surface] = known
        return known

    def _word(self, token: _Token) -> bool:
        """May be a name word at all: right shape, not a stop word."""
        return len(token.key) >= 2 and token.key not in self.rules.stop and self._shape(token)

    def _frequent(self, k: str, bar: float | None = None) -> bool:
        return self.rules.zipf.get(k, 0.0) >= (self.rules.frequent_zipf if bar is None else bar)

    def _common(self, stem: str) -> bool:
        return len(stem) >= 2 and self._frequent(stem) and stem not in self.rules.given

    def _surname_shaped(self, k: str, article: bool = True) -> bool:
        """«حسن‌زاده», «قلی‌پور», «کریمیان», «حسینی» (a given name + ی), «رضایی», «موسوی», «المهندس»."""
        rules = self.rules
        for suffix in rules.surname_suffixes:
            if k.endswith(suffix) and len(k) - len(suffix) >= 3:
                return True
        if article and k.startswith("ال") and len(k) >= 5:
            return True
        for cut, add in (("ی", ""), ("یی", ""), ("یان", ""), ("وی", "ی"), ("وی", "ا")):
            if k.endswith(cut) and len(k) > len(cut) + 1:
                root = k[: -len(cut)] + add
                # «حسینی», «رضایی», «کریمیان», «موسوی» — but not «دریایی», «شیرینی», «زیبایی»
                if root in rules.given and (root not in rules.ambiguous or cut == "یان" or not self._frequent(k)):
                    return True
        return False

    def _name_like(self, token: _Token, strict: bool = False, nisba: bool = True) -> bool:
        """A name word away from a given name: not a frequent common word (or a plural of one) unless name-shaped.

        `strict` (after a given name that is also a common word, or as the first word after a title)
        also turns away a common word glued to «و» («وشهادت»), the second half of a compound written
        apart («گرایی», «سازی») and, unless `nisba`, an -ی form of a common word («تحصیلی», «مالیاتی»;
        after a title these are often surnames from places: «آیت‌الله سیستانی»).
        """
        if not self._word(token):
            return False
        k = token.key
        if k in self.rules.given or self._surname_shaped(k):
            return True
        if self._frequent(k):
            return False
        if strict and (
            k in self.rules.word_tails
            or (not nisba and k.endswith("ی") and self._common(k[:-1]))
            or (k.startswith("و") and self._common(k[1:]))
        ):
            return False
        if _ZWNJ in token.surface:
            stem, _, suffix = token.surface.rpartition(_ZWNJ)
            return not (suffix in _NOUN_SUFFIXES and self._common(key(stem)))  # «مجموعه‌ای», not «خامنه‌ای»
        # plurals written without ZWNJ: «رویدادها», «زائران», «باختگان»
        return not any(k.endswith(end) and self._common(k[: -len(end)] + add) for end, add in _PLURALS)

    def _nisba(self, token: _Token) -> bool:
        """«کوهستانی», «زندی»: an -ی word, not among the most frequent words («سیاسی») nor made from one («تحصیلی»)."""
        k = token.key
        return (
            k.endswith("ی")
            and len(k) >= 4
            and self._word(token)
            and not self._frequent(k, self.rules.nisba_zipf)
            and not self._common(k[:-1])
            and k not in self.rules.word_tails
        )

    # ------------------------------------------------------------------ given names

    def _unit(self, tokens: _Tokens, links: _Links, index: int) -> _Unit | None:
        """A given name with its prefixes and second half, starting at `index`."""
        rules = self.rules
        position = index
        while position < len(tokens) - 1 and tokens[position].key in rules.prefixes and links[position]:
            position += 1
            if position - index > 2:
                return None
        token = tokens[position]
        # Two words that make one given name: «علی اکبر», «روح الله», «جلال الدین», «عبد الله».
        compound = self._compound(tokens, links, position)
        if compound is not None:
            return _Unit(index, compound, True)
        if token.key in rules.given or self._joined_prefix(token.key):
            # «امام حسین», «ابو مهدی»: with a kunya prefix a given name is a whole name
            kunya = position > index and tokens[position - 1].key in rules.kunya_prefixes
            return _Unit(index, position, not kunya)
        if (
            position > index
            and tokens[position - 1].key in rules.kunya_prefixes
            and len(token.key) >= 3
            and (self._name_like(token, strict=True, nisba=False) or self._nisba(token))
        ):
            return _Unit(index, position, False)  # «ابو عبیده», «امام خمینی»: a name in itself
        return None

    def _joined_prefix(self, k: str) -> bool:
        """«سیدناصر», «میرحسین», «ابوعلی»: a prefix written together with a given name."""
        for prefix in self._prefix_tuple:
            if k.startswith(prefix) and len(k) - len(prefix) >= 3 and k[len(prefix) :] in self.rules.given:
                return True
        return False

    def _given_name(self, tokens: _Tokens, links: _Links, index: int, after_title: bool = False) -> Span | None:
        """given name + 1–2 surname parts (or a complete kunya); with `after_title`, a given name alone too."""
        unit = self._unit(tokens, links, index)
        if unit is None:
            return None
        last = self._surname(tokens, links, unit, strict=not after_title)
        if last is not None:
            return index, last, "given-name"
        if not unit.given:
            return index, unit.last, "given-name"
        if after_title:
            return index, unit.last, "title"
        return None

    def _surname(self, tokens: _Tokens, links: _Links, unit: _Unit, strict: bool = True) -> int | None:
        """Index of the last surname token after `unit`, or None if no surname follows.

        The first part after a given name is any word that is not a stop word, a verb or a title —
        unless the given name is also a common word («امید», «جو») and no title came before
        (`strict`): then it must look like a name. A second part must look like a surname.
        """
        rules = self.rules
        ambiguous = strict and unit.first == unit.last and tokens[unit.last].key in rules.ambiguous
        parts = 0
        last = unit.last
        given_part = False  # the last part was a plain given name: «رجب طیب …»
        position = unit.last + 1
        while parts < (2 if unit.given else 1) and position < len(tokens) and links[position - 1]:
            token = tokens[position]
            if token.key in rules.joiners and position + 1 < len(tokens) and links[position]:
                if not self._word(tokens[position + 1]):
                    break
                last = position + 1  # «بن سلمان», «آل سعود»
                position += 2
                parts += 1
                given_part = False
                continue
            if parts > 0 and token.key in rules.surname_tails:
                last = position  # «احمدی نژاد», «حسن زاده»
                position += 1
                continue
            compound = self._compound(tokens, links, position)
            if compound is not None:
                last = position = compound  # «عبد الله عبد الله», «علی اکبر ولایتی» after «محمد»
                position += 1
                parts += 1
                given_part = True
                continue
            title = self._title(tokens, links, position)
            if title is not None and not (title[0] == position and self._is_single_title(tokens, position)):
                break  # «علی لاریجانی رئیس مجلس»
            if parts == 0 and unit.given and not ambiguous:
                accepted = self._word(token)  # «ناصر کنعانی»
            elif parts == 0 and unit.given:
                accepted = self._name_like(token, strict=True, nisba=False) or self._nisba(token)
            elif given_part:
                accepted = self._name_like(token)  # «رجب طیب اردوغان», «ژان مارک ایرو»
            else:
                accepted = self._second_part(token)
            if not accepted:
                break
            given_part = token.key in rules.given
            last = position
            position += 1
            parts += 1
        if parts and position < len(tokens) and links[position - 1] and tokens[position].key in rules.surname_tails:
            last = position
        return last if parts else None

    def _compound(self, tokens: _Tokens, links: _Links, position: int) -> int | None:
        """The last token of a given name written as two words at `position` («عبد الله», «روح الله»)."""
        if position + 1 >= len(tokens) or not links[position]:
            return None
        rules = self.rules
        first, second = tokens[position].key, tokens[position + 1].key
        joined = first + second in rules.given and (first in rules.given or first in rules.name_heads)
        if joined or (second in rules.name_tails and (first in rules.given or first + second in rules.given)):
            return position + 1
        return None

    def _second_part(self, token: _Token) -> bool:
        """A second surname word: «مکارم شیرازی», «شیاع السودانی», «امینی مقدم» — not «رستمی وزنه‌بردار»."""
        k = token.key
        if not self._word(token):
            return False
        if k in self.rules.given or self._surname_shaped(k) or k in self.rules.second_parts:
            return True
        if k.endswith("ی") and len(k) >= 4 and k not in self.rules.word_tails:
            return not self._frequent(k, self.rules.nisba_zipf)  # «همدانی», «شهرکی», «خراسانی»
        return (
            self._name_like(token)
            and not self._frequent(k, self.rules.second_zipf)
            and not k.endswith(self.rules.agent_suffixes)
        )

    def _is_single_title(self, tokens: _Tokens, position: int) -> bool:
        """A one-word office title that is also a surname («قاضی», «سفیر»): taken as a surname."""
        k = tokens[position].key
        return k in self.rules.offices and k not in self.rules.stop and k not in self.rules.honorifics

    # ------------------------------------------------------------------ titles

    def _title(self, tokens: _Tokens, links: _Links, index: int) -> tuple[int, bool] | None:
        """The longest title starting at `index`: its last token and whether it is an honorific."""
        rules = self.rules
        joined = ""
        best: tuple[int, bool] | None = None
        for position in range(index, min(len(tokens), index + _MAX_TITLE_WORDS)):
            if position > index and not links[position - 1]:
                break
            joined += tokens[position].key
            if joined not in rules.title_starts:
                break
            if joined in rules.honorifics:
                best = (position, True)
            elif joined in rules.offices:
                best = (position, False)
        return best

    def _title_name(self, text: str, tokens: _Tokens, links: _Links, index: int) -> Span | None:
        """title(s) + name → the name's tokens; None when no title starts at `index` or no name follows."""
        title = self._title(tokens, links, index)
        if title is None:
            return None
        end, honorific = title
        for _ in range(_MAX_TITLES - 1):  # «حضرت آیت‌الله», «سردار سرلشکر», «آقای دکتر»
            if end + 1 >= len(tokens) or not links[end]:
                break
            more = self._title(tokens, links, end + 1)
            if more is None or not more[1]:
                break
            end, honorific = more
        start = end + 1
        if start >= len(tokens):
            return None
        if not links[end]:
            # «سخنگوی وزارت خارجه، ناصر کنعانی»: after an office title and a comma, a given name
            if honorific or _COMMA_LINK.fullmatch(text, tokens[end].end, tokens[start].start) is None:
                return None
            return self._given_name(tokens, links, start, after_title=True)
        named = self._given_name(tokens, links, start, after_title=True)
        if named is not None:
            single = named[0] == named[1] and tokens[named[0]].key in self.rules.ambiguous
            return None if single and not honorific else named
        first = tokens[start]
        if honorific:
            if not self._name_like(first, strict=True) or first.key in self.rules.joiners:
                return None
        elif not (self._word(first) and self._surname_shaped(first.key, article=False)):
            # after an office title a place or an organization is far likelier than a bare surname
            # («شهردار دهدشت», «سفیر سعودی»): only a surname-shaped word is taken («وزیر احمدی‌نژاد»)
            return None
        last = start
        position = start + 1
        while position < len(tokens) and position - start < 3 and links[position - 1]:
            token = tokens[position]
            if token.key in self.rules.surname_tails or self._name_like(token):
                last = position
                position += 1
                continue
            break
        return start, last, "title"

    # ------------------------------------------------------------------ context

    def _in_place_name(self, tokens: _Tokens, links: _Links, index: int) -> bool:
        """«خیابان شهید باکری», «محله‌های شیخ مقصود», «فرودگاه امام خمینی»: a place named after a person."""
        if index == 0 or not links[index - 1]:
            return False
        before = tokens[index - 1]
        stem = before.surface.rsplit(_ZWNJ, 1)[0] if before.surface.endswith(("\u200cها", "\u200cهای")) else ""
        return before.key in self.rules.place_nouns or (bool(stem) and key(stem) in self.rules.place_nouns)

    def _mark_end(self, text: str, end: int) -> int:
        """The name's end, with a religious honorific mark after it: «امام حسین (ع)», «امام خمینی (ره)»."""
        mark = _MARK.match(text, end)
        if mark is not None and key(mark.group(1)) in self.rules.honorific_marks:
            return mark.end()
        return end

    # ------------------------------------------------------------------ appositions

    def appositions(
        self, text: str, taken: list[tuple[int, int]] | None = None, words: Words | None = None
    ) -> list[Mention]:
        """Names that no given name announces, told by the office after them at a sentence's start:
        «قریشی بدلون، سخنگوی والی ننگرهار، گفت», «فابریزیو کاربونی، مدیر منطقه‌ای صلیب سرخ».

        One to three name-like words (a single one must look like a surname or be rare), a comma and an
        office title; none overlaps `taken`.
        """
        if words is None or words.text != text:
            words = Words.of(text)
        tokens = _Tokens(text, words.spans, words.keys)
        links = _Links(text, words.spans)
        busy = _Busy(taken or [])
        found: list[Mention] = []
        spans = words.spans
        # only the words at a sentence's start: found by bisection, not by reading every word
        for first_start in sorted(_sentence_starts(text)):
            first = bisect_left(spans, (first_start,))
            if first == len(spans) or spans[first][0] != first_start:
                continue
            window = text[first_start : first_start + _APPOSED_CHARS]
            if "،" not in window and "," not in window:
                continue  # no comma soon after: no apposition
            last = self._apposed(text, tokens, links, first)
            if last is None:
                continue
            start, end = tokens[first].start, tokens[last].end
            if not busy.overlaps(start, end):
                found.append(Mention("PERSON", start, end, None, {"name_source": "apposition"}))
        return found

    def _apposed(self, text: str, tokens: _Tokens, links: _Links, first: int) -> int | None:
        """The last word of a name at `first` that a comma and an office title follow, or None."""
        for last in range(first, min(first + 3, len(tokens) - 1)):
            token = tokens[last]
            if not self._apposed_word(token) or (last > first and not links[last - 1]):
                return None
            if _COMMA_LINK.fullmatch(text, token.end, tokens[last + 1].start) is None:
                continue
            title = self._title(tokens, links, last + 1)
            if title is not None and title[1]:
                return None  # an honorific («آقای») starts a name, it does not follow one
            if title is None and tokens[last + 1].key not in self.rules.office_words:
                return None
            alone = last == first and not (self._surname_shaped(token.key) or not self._frequent(token.key, 3.0))
            return None if alone else last
        return None

    def _apposed_word(self, token: _Token) -> bool:
        """A word of a name no given name announces: not a title, a country or a frequent word."""
        k = token.key
        if k in self.rules.title_starts or not self._word(token):
            return False
        return k in self.rules.given or self._surname_shaped(k) or not self._frequent(k)


def _sentence_starts(text: str) -> set[int]:
    """Where a word after nothing but spaces from the text's start or the end of the sentence before it
    would start (one scan for the text, not one look back per word)."""
    leading = len(text) - len(text.lstrip(" \u200c"))
    return {leading, *(found.end() for found in _AFTER_SENTENCE_END.finditer(text))}
