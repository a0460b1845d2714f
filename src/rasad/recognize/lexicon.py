"""One Aho-Corasick automaton over every name the knowledge base knows, built once and cached on disk."""

from __future__ import annotations

import hashlib
import logging
import math
import os
import pickle
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from rasad import __version__
from rasad import normalize as normalize_module
from rasad.knowledge import geonames as geonames_module
from rasad.knowledge import variants as variants_module
from rasad.knowledge.geonames import geonames_places
from rasad.knowledge.loader import KnowledgeBase
from rasad.knowledge.variants import skeleton, variants
from rasad.normalize import Normalizer, fold
from rasad.normalize.letters import letter_edits
from rasad.normalize.rewrite import apply_edits

log = logging.getLogger(__name__)

# Entry kinds. ACTOR/PERSON/PLACE/WEAPON become mentions directly; the others are parts that
# recognition rules combine (FORCE + COUNTRY_ADJ → an actor, TITLE + name → a person). WORD marks a
# frequent word that a name matches only after merging letters («رتبه» for «رطبه»): never a hit.
KINDS = ("ACTOR", "OUTLET", "PERSON", "PLACE", "COUNTRY", "COUNTRY_ADJ", "CAPITAL", "FORCE", "TITLE", "WEAPON", "WORD")
# Words at least this frequent (zipf) are not taken for a name they match only after merging letters.
_CONFUSABLE_WORD_ZIPF = 3.5


@dataclass(frozen=True)
class Entry:
    kind: str
    ref: str  # actor / person / place / weapon id, country ISO3, force suffix, title index


class Hit(NamedTuple):
    """A whole-word match of a known name. A named tuple: made for every match, it is cheaper than a dataclass."""

    start: int
    end: int
    entries: tuple[Entry, ...]
    exact: bool  # matched without merging confusable letters


# What the automaton holds for a key: the key, the entries a match stands for when it is spelt exactly as
# one of the key's forms (by form), and when it matches only after merging confusable letters.
# Worked out once when the lexicon is built, not for every match.
_Choices = tuple[str, dict[str, tuple[Entry, ...]], tuple[Entry, ...]]


@dataclass
class Lexicon:
    automaton: ahocorasick.Automaton
    places: dict[str, object] = field(default_factory=dict)  # geonames places by id (curated ones are in the KB)

    def find(self, text: str, folded: str | None = None) -> list[Hit]:
        """Every whole-word occurrence of a known name in normalized `text`, longest first at overlaps.

        `folded`: `fold(text)` when the caller has it already.
        """
        if folded is None or len(folded) != len(text):
            folded = fold(text)
        size = len(folded)
        hits: list[Hit] = []
        suffix = _NAME_SUFFIX.match
        for end_index, (key, exact, inexact) in self.automaton.iter(skeleton(folded)):
            end = end_index + 1
            start = end - len(key)
            # a whole word: no letter or digit on either side, and not part of a ZWNJ compound («وگو» in
            # «گفت‌وگو» is no place), though a plural or possessive ending may follow a ZWNJ
            if start > 0 and (folded[start - 1].isalnum() or text[start - 1] == "\u200c"):
                continue
            if end < size and (
                folded[end].isalnum() or text[end] == "\u200c" and suffix(text, end) is None
            ):
                continue
            kept = exact.get(folded[start:end])
            if kept is None:
                if inexact:
                    hits.append(Hit(start, end, inexact, False))
            elif kept:
                hits.append(Hit(start, end, kept, True))
        return _longest(hits)


def _choices(key: str, entries: list[tuple[str, Entry]]) -> _Choices:
    """What a match of `key` stands for, by how it is spelt in the text.

    Spelt as one of the forms: the entries of that form; otherwise (confusable letters merged) the
    curated entries only, not GeoNames' many towns. WORD entries never make a hit.
    """
    exact = {
        form: tuple(e for f, e in entries if f == form and e.kind != "WORD") for form in dict.fromkeys(f for f, _ in entries)
    }
    inexact = tuple(e for _, e in entries if not e.ref.startswith("geonames-") and e.kind != "WORD")
    return key, exact, inexact


# What may follow a name after a ZWNJ: plural and possessive endings («آمریکایی‌ها»).
_NAME_SUFFIX = re.compile(r"\u200c(?:ها|های|هایی|ای|ی|اش|شان|مان|تان|ام|ات)(?![\w\u200c])")


def _longest(hits: list[Hit]) -> list[Hit]:
    """Keep the longest hits; a shorter hit inside a kept one is dropped."""
    chosen: list[Hit] = []
    taken = bytearray(max((h[1] for h in hits), default=0))  # 1 where a kept hit stands
    for hit in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
        start, end = hit[0], hit[1]
        if taken.find(1, start, end) != -1:
            continue
        chosen.append(hit)
        taken[start:end] = b"\x01" * (end - start)
    chosen.sort()  # by start: kept hits never share one
    return chosen


def _word_zipf() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return {w: math.log10(f * 1e9) for w, f in get_frequency_dict("fa").items() if f > 0}


def _letters_only(text: str) -> str:
    return apply_edits(text, letter_edits(text))[0]


def build_lexicon(kb: KnowledgeBase, normalizer: Normalizer, with_geonames: bool = True) -> Lexicon:
    """Index every form of every entry under its spelling variants."""
    zipf = _word_zipf()
    table: dict[str, list[tuple[str, Entry]]] = {}

    def normalize(form: str) -> str:
        return normalizer.text_with_offsets(form)[0]

    def add(forms: tuple[str, ...], entry: Entry, cheap: bool = False, strip_always: bool = False) -> None:
        for form in forms:
            original = " ".join(fold(_letters_only(form)).split())
            for key in variants(form, _letters_only if cheap else normalize, zipf, strip_always):
                if cheap and key != original and zipf.get(key, 0.0) >= 3.0:
                    continue  # a GeoNames variant that is an everyday word («خبر» from «الخبر»)
                bucket = table.setdefault(skeleton(key), [])
                if (key, entry) not in bucket:
                    bucket.append((key, entry))

    for actor in kb.actors.values():
        add(actor.fa + actor.en, Entry("OUTLET" if actor.kind == "media" else "ACTOR", actor.id))
    for person in kb.people.values():
        add(person.fa, Entry("PERSON", person.id))
    for index, title in enumerate(kb.titles):
        add(title.fa, Entry("TITLE", str(index)))
    for force in kb.forces:
        add(force.fa, Entry("FORCE", force.suffix))
    for country in kb.countries.values():
        add(country.fa, Entry("COUNTRY", country.iso3))
        add(country.adjectives, Entry("COUNTRY_ADJ", country.iso3))
        add(country.capital_fa, Entry("CAPITAL", country.iso3))
    for place in kb.places.values():
        add(place.fa, Entry("PLACE", place.id), strip_always=True)
    for weapon in kb.weapons.values():
        add(weapon.fa, Entry("WEAPON", weapon.id))
    geonames: dict[str, object] = {}
    if with_geonames:
        capitals = {country.iso3: country.capital_fa for country in kb.countries.values()}
        for place in geonames_places(zipf, _letters_only, capital_names=capitals):
            geonames[place.id] = place
            add(place.fa, Entry("PLACE", place.id), cheap=True)
    for key, word in confusable_words(table, zipf):
        table[key].insert(0, (word, Entry("WORD", "")))
    automaton = ahocorasick.Automaton()
    for key, entries in table.items():
        automaton.add_word(key, _choices(key, entries))
    automaton.make_automaton()
    return Lexicon(automaton=automaton, places=geonames)


def confusable_words(table: dict[str, list[tuple[str, Entry]]], zipf: dict[str, float]) -> list[tuple[str, str]]:
    """(skeleton, word) for frequent words that match a curated name only after merging letters."""
    found: set[tuple[str, str]] = set()
    for raw, value in zipf.items():
        if value < _CONFUSABLE_WORD_ZIPF:
            continue
        word = " ".join(fold(raw).split())
        bucket = table.get(skeleton(word))
        curated = bucket is not None and any(not e.ref.startswith("geonames-") for _, e in bucket)
        if curated and all(form != word for form, _ in bucket or ()):
            found.add((skeleton(word), word))
    return sorted(found)


def knowledge_fingerprint(kb: KnowledgeBase) -> str:
    """Changes whenever a knowledge file, the code that builds the lexicon, or rasad's version changes."""
    digest = hashlib.sha256(__version__.encode())
    for module in (geonames_module, variants_module, normalize_module, sys.modules[__name__]):
        digest.update(Path(str(module.__file__)).read_bytes())
    for data_file in sorted((Path(str(normalize_module.__file__)).parent / "data").glob("*")):
        digest.update(data_file.read_bytes())
    for root in kb.sources:
        for path in sorted(Path(root).rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:20]


def cached_lexicon(kb: KnowledgeBase, normalizer: Normalizer, cache_dir: Path | None, with_geonames: bool = True) -> Lexicon:
    """The lexicon from the cache when it matches the knowledge files; built (and saved) otherwise."""
    if cache_dir is None:
        return build_lexicon(kb, normalizer, with_geonames)
    path = cache_dir / f"lexicon-{knowledge_fingerprint(kb)}-{int(with_geonames)}.pickle"
    if path.exists():
        try:
            with open(path, "rb") as handle:
                loaded: Lexicon = pickle.load(handle)
            return loaded
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as error:
            log.warning("ignoring unreadable lexicon cache %s: %s", path, error)
    lexicon = build_lexicon(kb, normalizer, with_geonames)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")  # one per process: workers may build at once
        with open(temporary, "wb") as handle:
            pickle.dump(lexicon, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError as error:
        log.warning("cannot write lexicon cache %s: %s", path, error)
    return lexicon
