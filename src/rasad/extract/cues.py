"""Cue words (extract/data/cues.yaml) compiled into whole-word patterns over folded text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
import yaml

from rasad.normalize import fold
from rasad.recognize.lookup import word_start

DATA_FILE = Path(__file__).parent / "data" / "cues.yaml"


def _alternation(keys: list[str], not_after: list[str] | None = None) -> str:
    return word_start([(key, "") for key in keys], not_after or [])


def _longest_first(forms: list[str]) -> list[str]:
    return sorted({" ".join(fold(f).split()) for f in forms}, key=len, reverse=True)


def _words(forms: list[str], not_after: list[str] | None = None) -> re.Pattern[str]:
    """Any of the forms as whole words; not right after one of `not_after` («پیش از آغاز» is no «از آغاز»)."""
    return re.compile(_alternation(_longest_first(forms), _longest_first(not_after or [])) + r"(?![\w])")


def _ending(forms: list[str], gap_words: int = 0) -> re.Pattern[str]:
    """Matches when the text ends with one of the forms, then at most `gap_words` other words
    («با وجود اعلام توافق»: the cue, one word, then the trigger)."""
    gap = rf"(?: [^\s]+){{0,{gap_words}}}" if gap_words else ""
    return re.compile(_alternation(_longest_first(forms)) + gap + r"\s*$")


class CueWords:
    """Which word lists have a word of theirs somewhere in a stretch of text (as letters, whole word or
    not): one Aho-Corasick pass over a sentence tells which lists' patterns could match in it at all,
    so that the others are not searched."""

    def __init__(self, lists: dict[str, list[str]]) -> None:
        by_word: dict[str, set[str]] = {}
        for name, forms in lists.items():
            for form in _longest_first(forms):
                by_word.setdefault(form, set()).add(name)
        # a list with an empty form may match anywhere
        self._always = frozenset(by_word.pop("", ()))
        self._automaton = ahocorasick.Automaton()
        for form, names in by_word.items():
            self._automaton.add_word(form, frozenset(names))
        self._automaton.make_automaton()

    def present(self, text: str, start: int, end: int) -> frozenset[str]:
        """The lists one of whose words stands inside text[start:end]."""
        found = set(self._always)
        if len(self._automaton):
            for _, names in self._automaton.iter(text, start, end):
                found |= names
        return frozenset(found)


@dataclass(frozen=True)
class Cues:
    status: dict[str, re.Pattern[str]]
    reference_before: re.Pattern[str]
    response_before: re.Pattern[str]
    anaphora_before: re.Pattern[str]
    background: re.Pattern[str]
    clause_opener: re.Pattern[str]
    place_in_before: re.Pattern[str]
    place_from_before: re.Pattern[str]
    target_before: re.Pattern[str]
    agent_before: re.Pattern[str]
    host_before: re.Pattern[str]
    mediator_before: re.Pattern[str]
    two_sides: re.Pattern[str]
    possessive_before: re.Pattern[str]
    owned_site_before: re.Pattern[str]
    about_before: re.Pattern[str]
    reason_before: re.Pattern[str]
    killed: re.Pattern[str]
    injured: re.Pattern[str]
    people_noun: re.Pattern[str]
    civilian_noun: re.Pattern[str]
    nobody_killed: re.Pattern[str]
    reporting: re.Pattern[str]
    attribution_before: re.Pattern[str]
    negation_before: re.Pattern[str]
    intended_before: re.Pattern[str]
    cumulative: re.Pattern[str]
    habitual: re.Pattern[str]
    story_break: re.Pattern[str]
    plural_before: re.Pattern[str]
    partitive_before: re.Pattern[str]
    measure_unit: re.Pattern[str]
    figurative_after: re.Pattern[str]
    generic_before: re.Pattern[str]
    installation: re.Pattern[str]
    other_words: frozenset[str]
    target_filler: re.Pattern[str]
    sports: re.Pattern[str]
    market: re.Pattern[str]
    pests: re.Pattern[str]
    # the words of the lists seldom in a sentence, to tell a sentence that holds none of a list's words
    # (named as their pattern above; `status.<name>` for the status lists)
    words: CueWords


def load_cues(path: Path = DATA_FILE) -> Cues:
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    # the lists seldom in a sentence (by the name of their pattern): the sentences without them skip its search
    seldom = {
        "sports": "sports", "market": "market", "pests": "pests", "habitual": "habitual", "two_sides": "two_sides",
        "cumulative": "cumulative", "nobody_killed": "nobody_killed", "killed": "killed", "injured": "injured",
        "reference_before": "reference", "response_before": "response", "agent_before": "agent", "host_before": "host",
        "mediator_before": "mediator", "possessive_before": "possessive", "reason_before": "reason",
        "attribution_before": "attribution", "negation_before": "negation_before", "intended_before": "intended_before",
        "generic_before": "generic_before", "clause_opener": "clause_openers", "reporting": "reporting_verbs",
    }  # fmt: skip
    return Cues(
        words=CueWords(
            {name: data[key] for name, key in seldom.items()}
            | {f"status.{name}": forms for name, forms in data["status"].items()}
        ),
        status={name: _words(forms) for name, forms in data["status"].items()},
        reference_before=_ending(data["reference"], gap_words=1),
        response_before=_ending(data["response"], gap_words=1),
        anaphora_before=_ending(data["anaphora"]),
        background=_words(data["background"]),
        clause_opener=_words(data["clause_openers"]),
        place_in_before=_ending(data["place_in"], gap_words=2),
        place_from_before=re.compile(
            _alternation([fold(f) for f in data["place_from"]])
            + r"(?: (?:" + "|".join(re.escape(fold(f)) for f in data["place_qualifiers"]) + r")){0,3}\s*$"
        ),
        target_before=_ending(data["target"]),
        agent_before=_ending(data["agent"]),
        host_before=_ending(data["host"]),
        mediator_before=_ending(data["mediator"]),
        two_sides=_words(data["two_sides"]),
        possessive_before=_ending(data["possessive"]),
        owned_site_before=_ending(data["owned_sites"], gap_words=2),
        about_before=_ending(data["about"], gap_words=1),
        reason_before=_ending(data["reason"], gap_words=1),
        killed=_words(data["killed"], not_after=data.get("killed_not_after", [])),
        injured=_words(data["injured"]),
        # «سه سرباز»: a noun of people right after a count (matched at the count's end)
        people_noun=re.compile(r"\s*(?:" + "|".join(re.escape(fold(w)) for w in _longest_first(data["people_nouns"])) + ")"),
        # «سه نفر», «دو زن»: people of no side right after a count (the whole word: not «نفربر»)
        civilian_noun=re.compile(r"\s*(?:" + "|".join(re.escape(fold(w)) for w in _longest_first(data["civilian_nouns"])) + r")(?![\w])"),
        nobody_killed=_words(data["nobody_killed"]),
        reporting=_words(data["reporting_verbs"]),
        attribution_before=_ending(data["attribution"]),
        negation_before=_ending(data["negation_before"]),
        intended_before=_ending(data["intended_before"], gap_words=1),
        cumulative=_words(data["cumulative"], not_after=data.get("cumulative_not_after", [])),
        habitual=_words(data["habitual"]),
        story_break=_words(data["story_break"]),
        plural_before=_ending(data["plural_quantifiers"]),
        partitive_before=_ending(data["partitive"]),
        # «سه روز», «۵۰ کیلومتری»: the unit right after a count
        measure_unit=re.compile(r"[ \u200c]*" + _alternation(_longest_first(data["measure_units"])) + r"(?![\w])"),
        generic_before=_ending(data["generic_before"]),
        sports=_words(data["sports"]),
        market=_words(data["market"]),
        pests=_words(data["pests"]),
        other_words=frozenset(" ".join(fold(w).split()) for w in data["other_words"]),
        installation=re.compile(r"(?:" + "|".join(re.escape(" ".join(fold(f).split())) for f in data["installations"]) + r")(?![\w])"),
        # «به یک پاسگاه X», «به اردوگاه X», «به یکی از مقرهای X», «به داخل محوطه این پایگاه»: what stands between a target's
        # preposition and the owner of the place struck; matched from the space before it, which re finds
        # fast (every word of it follows a space), to the end
        target_filler=re.compile(
            r"\s(?:(?<=\s)(?:" + "|".join(re.escape(fold(f)) for f in data["target_between"]) + r")\s*){0,3}"
            r"(?:(?<=\s)(?:یک|یکی از|دو|سه|چند|چندین|[0-9۰-۹]+)\s*)?(?:(?<=\s)(?:"
            + "|".join(re.escape(" ".join(fold(f).split())) for f in data["installations"])
            # «به سوی یک خودروی گشتی پلیس»: a word or two may describe the place before its owner
            + r")(?: ?ها| ?های|ی)?(?:\s+[^\s،؛:.]+){0,2}\s*)?$"
        ),
        figurative_after=re.compile(
            r"^\s*(?:" + "|".join(re.escape(" ".join(fold(f).split())) for f in data["figurative_after"]) + r")(?![\w])"
        ),
    )
