"""Names of places the gazetteer lacks, from the noun that announces them.

«روستای لمن», «منطقه جربان», «شهرستان سنحان», «پادگان برانیت», «محله الدمج», «میدان تختی»,
«کلانتری ۱۶», «ولسوالی دند پتان», «مسجد امام صادق (ع)»: a place noun followed by a name. The
noun belongs to the place's span, as in «شهر حلب». After a plural noun a list of names
(«روستاهای البارة و کنصفرة», «شهرستان‌های ورزنه، هرند و کوهپایه») gives a place per name.

How rare the name must be depends on the noun: formal nouns («ولسوالی», «پادگان») take nearly any
word that is not a stop word or a verb form, nouns that are also common words («منطقه», «میدان»)
only a rare one. An «ال» word, a person's name after an opener («شهید», «امام») and a number after
a numbered noun are names after any noun.
A place already known at the name is left to the gazetteer, and a name that would cut through a
longer mention («شهرداری منطقه ۲۲») is not taken.

The places found have no gazetteer candidates (`data["place_source"] == "pattern"`): they are
named, not located. Word lists: `data/place_names.yaml`.

    places = PlaceNameRecognizer.load()
    places(text, known=mentions)  # → [Mention("PLACE", …)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasad.knowledge.yamlfile import load_yaml
from rasad.model import Mention
from rasad.normalize.letters import fold
from rasad.recognize.lookup import key, verb_pattern, wordfreq_zipf
from rasad.recognize.numbers import trie_pattern

RULES_FILE = Path(__file__).parent / "data" / "place_names.yaml"
VERBS_FILE = Path(__file__).parent / "data" / "name_rules.yaml"  # verb stems, shared with the name recognizer
STRENGTHS = ("always", "strong", "weak", "article_only")

# A word or a number: letters and digits, with ZWNJ inside it.
_TOKEN = re.compile(r"[^\W_]+(?:\u200c+[^\W_]+)*")
# Between two words of one name: spaces (a ZWNJ left at a word's edge too).
_LINK = re.compile(r"[ \u200c]+")
# Between two names of a list: a comma.
_COMMA = re.compile(r"[ \u200c]*[،,][ \u200c]*")
# «(ع)», «( ره )» right after a name.
_MARK = re.compile(r" ?\( ?([^()\n]{1,9}?) ?\)")
_ZWNJ = "\u200c"
# How far after a noun its name (or list of names) is read, in characters.
_WINDOW = 240
_VERB_PREFIXES = ("می\u200c", "نمی\u200c")
_PLURAL_SUFFIXES = ("\u200cها", "\u200cهای", "\u200cهایی")


def _keys(forms: Iterable[Any]) -> set[str]:
    return {k for k in (key(str(f)) for f in forms) if k}


@dataclass(frozen=True)
class PlaceNameRules:
    """The word lists of `place_names.yaml`, as look-up keys."""

    nouns: dict[str, tuple[str, str]]  # noun key → (kind, strength: one of STRENGTHS)
    plurals: dict[str, tuple[str, str]]  # plural noun key → its singular's (kind, strength)
    numbered: frozenset[str]
    openers: frozenset[str]
    tails: frozenset[str]
    stop: frozenset[str]
    marks: frozenset[str]
    verb: re.Pattern[str]  # verb forms, on look-up keys
    zipf: dict[str, float]
    bars: dict[str, float]  # strength → the frequency (zipf) from which a word is no name after such a noun
    more_zipf: float
    max_words: int
    noun_words: int  # words in the longest noun
    forms: tuple[str, ...] = ()  # every noun and plural noun as written in the data file

    @classmethod
    def load(
        cls, path: Path = RULES_FILE, zipf: dict[str, float] | None = None, verbs_file: Path | None = VERBS_FILE
    ) -> PlaceNameRules:
        with open(path, encoding="utf-8") as handle:
            data: dict[str, Any] = load_yaml(handle)
        nouns: dict[str, tuple[str, str]] = {}
        for strength in STRENGTHS:
            for kind, forms in (data.get(strength) or {}).items():
                nouns.update((k, (str(kind), strength)) for k in _keys(forms))
        plurals = {key(str(p)): nouns[key(str(s))] for p, s in (data.get("plurals") or {}).items() if key(str(s)) in nouns}
        forms = [str(f) for group in STRENGTHS for fs in (data.get(group) or {}).values() for f in fs]
        verbs: dict[str, list[str]] = {}
        if verbs_file is not None and verbs_file.exists():
            with open(verbs_file, encoding="utf-8") as handle:
                verbs = (load_yaml(handle) or {}).get("verbs") or {}
        return cls(
            nouns=nouns,
            plurals=plurals,
            numbered=frozenset(_keys(data.get("numbered") or [])),
            openers=frozenset(_keys(data.get("openers") or [])),
            tails=frozenset(_keys(data.get("tails") or [])),
            stop=frozenset(_keys(data.get("stop_words") or [])),
            marks=frozenset(_keys(data.get("honorific_marks") or [])),
            verb=verb_pattern(verbs),
            zipf=zipf if zipf is not None else wordfreq_zipf(),
            bars={
                "always": float(data.get("always_zipf", 5.0)),
                "strong": float(data.get("strong_zipf", 4.0)),
                "weak": float(data.get("weak_zipf", 3.7)),
                "article_only": 0.0,
            },
            more_zipf=float(data.get("more_zipf", 3.5)),
            max_words=int(data.get("max_words", 3)),
            noun_words=max((len(fold(f).split()) for f in forms), default=1),
            forms=(*forms, *(str(p) for p in data.get("plurals") or {})),
        )


@dataclass(frozen=True)
class _Noun:
    first: int  # first and last word of the noun
    last: int
    kind: str
    strength: str
    plural: bool


class _Words:
    """The words (and numbers) of a stretch of one text: spans, surfaces and look-up keys.

    Read only as far as `has` is asked: a noun and its name take a few words of the stretch.
    """

    def __init__(self, text: str, folded: str | None = None, start: int = 0, end: int | None = None) -> None:
        self.text = text
        self._folded = fold(text) if folded is None else folded
        self._tokens = _TOKEN.finditer(text, start, len(text) if end is None else end)
        self.spans: list[tuple[int, int]] = []
        self.keys: list[str] = []

    def has(self, index: int) -> bool:
        """Whether the stretch has a word `index`; it is read, with those before it."""
        while len(self.spans) <= index:
            token = next(self._tokens, None)
            if token is None:
                return False
            start, end = token.span()
            self.spans.append((start, end))
            self.keys.append(self._folded[start:end].replace(" ", ""))
        return True

    def surface(self, index: int) -> str:
        start, end = self.spans[index]
        return self.text[start:end]

    def gap(self, index: int) -> str:
        """What stands between word `index` and the next."""
        return self.text[self.spans[index][1] : self.spans[index + 1][0]]

    def linked(self, index: int) -> bool:
        """Only spaces (or a stray ZWNJ) between word `index` and the next."""
        return self.has(index + 1) and _LINK.fullmatch(self.gap(index)) is not None


class PlaceNameRecognizer:
    """PLACE mentions for «noun + name» places the gazetteer lacks; build once, call per text."""

    def __init__(self, rules: PlaceNameRules) -> None:
        self.rules = rules
        self._first_letters = frozenset(k[:2] for k in (*rules.nouns, *rules.plurals))
        # every beginning of a noun's key: a phrase that begins none cannot become a noun
        self._noun_prefixes = frozenset(k[:n] for k in (*rules.nouns, *rules.plurals) for n in range(1, len(k) + 1))
        # where a noun may start in the folded text: the first word of a noun, at a word's start
        firsts = sorted({fold(f).split()[0] for f in rules.forms if fold(f).split()}, key=len, reverse=True)
        alternatives = "|".join(re.escape(f) for f in firsts)
        self._noun_starts = re.compile(rf"(?<![^\W_])(?:{alternatives})")
        # the same starts, found faster (a pattern that begins with a look-behind is tried at every
        # position): the character before the noun, then the noun, tried only after a non-word
        # character. Exact when the first words are letters only: two starts then never overlap. Only
        # whether a first word begins there counts, so they are tried as a trie (a folded word is its
        # own matching key): a few letters compared instead of every word.
        trie = trie_pattern(firsts)
        self._noun_at_start = re.compile(f"(?:{trie})")
        self._noun_after = re.compile(rf"[\W_](?={trie})") if firsts and all(f.isalnum() for f in firsts) else None

    @classmethod
    def load(cls, path: Path = RULES_FILE, zipf: dict[str, float] | None = None) -> PlaceNameRecognizer:
        """Build from the data file; `zipf`: `wordfreq_zipf()` when the caller has it already."""
        return cls(PlaceNameRules.load(path, zipf))

    def __call__(self, text: str, known: list[Mention] | None = None, folded: str | None = None) -> list[Mention]:
        """Places named after a place noun in normalized `text`, given the mentions already found there.

        Only the words after a noun's first word are read (`folded`: `fold(text)` when the caller has it).
        """
        folded = fold(text) if folded is None else folded
        others = [m for m in known or [] if m.kind not in ("NUMBER", "SOURCE")]
        starts = frozenset(m.start for m in others)  # a name stops before another name: «محله لیاری [کراچی]»
        found: list[Mention] = []
        read = 0  # where the last place read ends
        for start in self._noun_start_offsets(folded):
            if start < read:
                continue
            words = _Words(text, folded, start, start + _WINDOW)
            noun = self._noun(words, 0) if words.has(0) and words.spans[0][0] == start else None
            if noun is None:
                continue
            places, last = self._places(words, noun, others, starts)
            found.extend(places)
            read = words.spans[last][1]
        return found

    def _noun_start_offsets(self, folded: str) -> list[int]:
        """Where `_noun_starts` matches in `folded`."""
        if self._noun_after is None:
            return [match.start() for match in self._noun_starts.finditer(folded)]
        starts = [0] if self._noun_at_start.match(folded) else []
        return starts + [match.end() for match in self._noun_after.finditer(folded)]

    # ------------------------------------------------------------------ nouns

    def _noun(self, words: _Words, index: int) -> _Noun | None:
        """The longest place noun starting at word `index`."""
        joined = ""
        best: _Noun | None = None
        for position in range(index, index + self.rules.noun_words):
            if not words.has(position) or position > index and not words.linked(position - 1):
                break
            joined += words.keys[position]
            if joined not in self._noun_prefixes:
                break
            if joined in self.rules.nouns:
                best = _Noun(index, position, *self.rules.nouns[joined], plural=False)
            elif joined in self.rules.plurals:
                best = _Noun(index, position, *self.rules.plurals[joined], plural=True)
        return best

    def _places(
        self, words: _Words, noun: _Noun, others: list[Mention], starts: frozenset[int]
    ) -> tuple[list[Mention], int]:
        """The place named after `noun`, with the noun in its span (after a plural noun, every name of
        the list), and the last word read."""
        if not words.linked(noun.last):
            return [], noun.last
        first = noun.last + 1
        last = self._name(words, first, noun, starts)
        if last is None:
            return [], noun.last
        start = words.spans[noun.first if not noun.plural else first][0]
        places = [self._mention(words, start, last, noun)]
        while noun.plural:
            following = self._next_in_list(words, last)
            if following is None:
                break
            end = self._name(words, following, noun, starts)
            if end is None:
                break
            places.append(self._mention(words, words.spans[following][0], end, noun))
            last = end
        return [p for p in places if self._free(p, others)], last

    def _next_in_list(self, words: _Words, last: int) -> int | None:
        """The first word of the next name of a list: after «،» or «و»."""
        if not words.has(last + 1):
            return None
        if _COMMA.fullmatch(words.gap(last)):
            return last + 1
        if words.linked(last) and words.keys[last + 1] == "و" and words.linked(last + 1):
            return last + 2
        return None

    # ------------------------------------------------------------------ names

    def _name(self, words: _Words, position: int, noun: _Noun, starts: frozenset[int] = frozenset()) -> int | None:
        """The last word of the name starting at `position` after `noun`, or None when no name starts there;
        the name stops before a word where another known name `starts`."""
        if not words.has(position):
            return None
        k = words.keys[position]
        if k.isdigit():
            return position if self._numbered(words, noun) else None
        if k in self.rules.openers and words.linked(position) and self._word(words, position + 1):
            last = position + 1
            if words.linked(last) and words.has(last + 1) and self._more(words, last + 1, starts):
                last += 1  # «میدان شهید محمد منتظری»
            return last
        if not self._first(words, position, noun.strength):
            return None
        last = position
        while last - position + 1 < self.rules.max_words and words.linked(last) and self._more(words, last + 1, starts):
            last += 1
        return last

    def _numbered(self, words: _Words, noun: _Noun) -> bool:
        return "".join(words.keys[noun.first : noun.last + 1]) in self.rules.numbered

    def _word(self, words: _Words, position: int, nouns: bool = False) -> bool:
        """Could be part of a name at all: letters, not a stop word, not a verb form or a plural, and
        not a place noun unless `nouns` («ولسوالی دره»)."""
        if not words.has(position):
            return False
        k, surface = words.keys[position], words.surface(position)
        if len(k) < 2 or k in self.rules.stop or k.isdigit() or surface.isascii():
            return False
        if not nouns and (k in self.rules.nouns or k in self.rules.plurals):
            return False
        if self.rules.verb.fullmatch(k) is not None:
            return False
        return not (surface.startswith(_VERB_PREFIXES) or surface.endswith(_PLURAL_SUFFIXES))

    def _article(self, k: str) -> bool:
        """«الدمج», «الصوابر»: an Arabic name with its article (not «الگو», «البته»)."""
        return k.startswith("ال") and len(k) >= 5 and self.rules.zipf.get(k, 0.0) < self.rules.bars["weak"]

    def _first(self, words: _Words, position: int, strength: str) -> bool:
        """The first word of a name: rare enough for the noun before it (after a formal noun, even
        another place noun: «ولسوالی دره»)."""
        if not self._word(words, position, nouns=strength == "always"):
            return False
        k = words.keys[position]
        return self._article(k) or self.rules.zipf.get(k, 0.0) < self.rules.bars[strength]

    def _more(self, words: _Words, position: int, starts: frozenset[int] = frozenset()) -> bool:
        """A later word of a name: a tail («شمالی»), an «ال» word or a rare word — where no other name `starts`."""
        if not words.has(position) or words.spans[position][0] in starts:
            return False
        k = words.keys[position]
        if k in self.rules.tails and not words.surface(position).isascii():
            return True
        return self._word(words, position) and (self._article(k) or self.rules.zipf.get(k, 0.0) < self.rules.more_zipf)

    # ------------------------------------------------------------------ mentions

    def _mention(self, words: _Words, start: int, last: int, noun: _Noun) -> Mention:
        end = words.spans[last][1]
        mark = _MARK.match(words.text, end)
        if mark is not None and key(mark.group(1)) in self.rules.marks:
            end = mark.end()  # «مصلای امام خمینی (ره)»
        data = {"candidates": [], "exact": True, "specificity": 1, "place_source": "pattern", "place_kind": noun.kind}
        return Mention("PLACE", start, end, None, data)

    @staticmethod
    def _free(place: Mention, others: list[Mention]) -> bool:
        """No known place at the name, and no mention that the place would cut through."""
        for other in others:
            if other.end <= place.start or place.end <= other.start:
                continue
            if other.kind == "PLACE" and other.start >= place.start:
                return False  # «روستای لمن» with «لمن» known: the gazetteer's place, with its noun
            if other.start < place.start or other.end > place.end:
                return False
        return True



# What may stand between a place and the larger place it lies in: «منطقه جربان در شهرستان سنحان»,
# «محله رفیدیا در شهر نابلس», «وادی الشای در جنوب غرب استان کرکوک», «دره عبداللهخیل ولسوالی دره».
_WITHIN = re.compile(
    r"^[ \u200c]*(?:[،,][ \u200c]*)?(?:در[ \u200c]+)?"
    r"(?:(?:شمال|جنوب|شرق|غرب|مرکز|حومه|نزدیکی|اطراف|حوالی|شمالی|جنوبی|شرقی|غربی)[ \u200c]*){0,3}$"
)


def locate_by_context(text: str, mentions: list[Mention], sentences: list[tuple[int, int]]) -> list[Mention]:
    """Places found by their noun take the location of the place they lie in.

    «منطقه جربان در شهرستان سنحان در جنوب صنعا»: Jarban is placed where Sanaa is (through Sanhan);
    «در بحرین … روستای الدراز»: with no larger place right after it, the nearest place before it in
    the sentence. `data["located_by"]` names the place lent ("within" or "sentence"); a place with
    neither keeps no candidates and counts as a region (`specificity` 2), so a town or site named in the
    same sentence is preferred to it as an event's location.
    """
    result = list(mentions)
    places = sorted((i for i, m in enumerate(result) if m.kind == "PLACE" and not m.data.get("inside")), key=lambda i: result[i].start)
    for position in reversed(range(len(places))):
        mention = result[places[position]]
        if mention.data.get("place_source") != "pattern" or _located(mention):
            continue
        bounds = _sentence(sentences, mention.start)
        after = [result[i] for i in places[position + 1 :] if result[i].start < bounds[1]]
        before = [result[i] for i in places[:position] if result[i].start >= bounds[0]]
        container = next((p for p in after[:1] if _WITHIN.match(text[mention.end : p.start]) and _located(p)), None)
        how = "within"
        if container is None:
            container = next((p for p in reversed(before) if _located(p)), None)
            how = "sentence"
        result[places[position]] = _lent(mention, container, how)
    return result


def _located(mention: Mention) -> bool:
    return bool(mention.data.get("candidates")) or bool(mention.ref)


def _sentence(sentences: list[tuple[int, int]], position: int) -> tuple[int, int]:
    return next(((s, e) for s, e in sentences if s <= position < e), (0, 1 << 62))


def _lent(mention: Mention, container: Mention | None, how: str) -> Mention:
    if container is None:
        return Mention(mention.kind, mention.start, mention.end, None, {**mention.data, "specificity": 2})
    data = {**mention.data, "candidates": list(container.data.get("candidates", [])), "located_by": how}
    ref = container.ref if container.ref and container.ref.startswith("country:") else None
    return Mention(mention.kind, mention.start, mention.end, ref, data)
