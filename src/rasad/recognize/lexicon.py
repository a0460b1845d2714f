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


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entries: tuple[Entry, ...]
    exact: bool  # matched without merging confusable letters


# A hit before it is chosen: start, end, entries, exact.
_Found = tuple[int, int, tuple[Entry, ...], bool]


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
        hits: list[_Found] = []  # made Hits once the longest are chosen
        # surface → its entries and what `_kept` made of them (names recur within a text)
        decided: dict[str, tuple[tuple[tuple[str, Entry], ...], tuple[Entry, ...], bool]] = {}
        suffix = _NAME_SUFFIX.match
        for end_index, (key, entries) in self.automaton.iter(skeleton(folded)):
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
            surface = folded[start:end]
            known = decided.get(surface)
            if known is None or known[0] is not entries:  # the same entries: the same lexicon
                known = decided[surface] = (entries, *_kept(surface, entries))
            if known[1]:
                hits.append((start, end, known[1], known[2]))
        return [Hit(*hit) for hit in _longest(hits)]


def _kept(surface: str, entries: tuple[tuple[str, Entry], ...]) -> tuple[tuple[Entry, ...], bool]:
    """The entries a match of `surface` stands for, and whether it matched without merging confusable letters."""
    exact = any(surface == form for form, _ in entries)
    # Confusable-letter matches are trusted for curated names, not for GeoNames' many towns.
    kept = tuple(
        e
        for form, e in entries
        if (exact and surface == form or not exact and not e.ref.startswith("geonames-")) and e.kind != "WORD"
    )
    return kept, exact


# What may follow a name after a ZWNJ: plural and possessive endings («آمریکایی‌ها»).
_NAME_SUFFIX = re.compile(r"\u200c(?:ها|های|هایی|ای|ی|اش|شان|مان|تان|ام|ات)(?![\w\u200c])")


def _longest(hits: list[_Found]) -> list[_Found]:
    """Keep the longest hits; a shorter hit inside a kept one is dropped."""
    chosen: list[_Found] = []
    taken = bytearray(max((h[1] for h in hits), default=0))  # 1 where a kept hit stands
    for hit in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
        start, end = hit[0], hit[1]
        if taken.find(1, start, end) != -1:
            continue
        chosen.append(hit)
        taken[start:end] = b"\x01" * (end - start)
    return sorted(chosen, key=lambda h: h[0])


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
        automaton.add_word(key, (key, tuple(entries)))
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
