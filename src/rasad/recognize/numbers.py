"""Numbers in normalized Persian text: digits in any script, number words, vague quantities, qualifiers.

`find_numbers(text)` returns NUMBER mentions whose `ref` is the value as a string and whose
`data` holds `value` (int or float), `qualifier` (exact, at_least, about, at_most, more_than,
range, vague), `low` and `high` (the bounds the text supports, None when open) and `in_date`
(always False: overlaps with dates are resolved by the caller).

Matching runs on a same-length key of the text (Persian and Arabic-Indic digits → ASCII,
letter variants merged) in which a ZWNJ stays a ZWNJ, so that «سه» in «سه‌شنبه» is not a
whole word. The words live in data/numbers.yaml.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from rasad.knowledge.schema import KnowledgeError
from rasad.knowledge.yamlfile import load_yaml
from rasad.model import Mention

DATA_FILE = Path(__file__).parent / "data" / "numbers.yaml"
ZWNJ = "\u200c"
GAP = "[ \u200c]+"  # between two words
JOIN = "[ \u200c]?"  # where an entry has a ZWNJ: a ZWNJ, a space or nothing
WORD_START = r"(?<![\w\u200c])"
WORD_END = r"(?![\w\u200c])"
# A run of digits with separators, never a piece of a longer one («۲,۵۰۰», «۱۴۰۳/۰۲/۰۳», not «اف-۱۶»).
DIGITS = r"(?<![\w\u200c.,/٫٬:\-])[0-9]+(?:[.,/٫٬\-][0-9]+)*(?![0-9]|[.,/٫٬:\-][0-9])"

# The matching key: one character for one, so offsets carry over (str.replace beats str.translate).
_KEY_PAIRS: tuple[tuple[str, str], ...] = (
    *((chr(0x06F0 + i), str(i)) for i in range(10)),  # ۰–۹
    *((chr(0x0660 + i), str(i)) for i in range(10)),  # ٠–٩
    ("\u0622", "\u0627"),  # آ → ا
    ("\u0623", "\u0627"),  # أ → ا
    ("\u0625", "\u0627"),  # إ → ا
    ("\u0671", "\u0627"),  # ٱ → ا
    ("\u0629", "\u0647"),  # ة → ه
    ("\u06c0", "\u0647"),  # ۀ → ه
    ("\u0624", "\u0648"),  # ؤ → و
    ("\u064a", "\u06cc"),  # ي → ی
    ("\u0643", "\u06a9"),  # ك → ک
)  # line breaks stay: a phrase never runs across paragraphs
_PARTS = re.compile(r"[^ \u200c]+")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:[,٬][0-9]{3})+(?:[.٫][0-9]+)?")
_DOTTED_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3}){2,}")
_DECIMAL = re.compile(r"[0-9]+[./٫][0-9]+")
_PAIR = re.compile(r"([0-9]+)-([0-9]+)")


def matching_key(text: str) -> str:
    """Same length as `text`: digits in ASCII, letter variants merged, ZWNJ kept (unlike `fold`)."""
    for old, new in _KEY_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


def compact(keyed: str) -> str:
    """A matched piece of the key without its spaces and ZWNJs: the form tables are keyed by."""
    return keyed.replace(" ", "").replace(ZWNJ, "")


def lookup_form(surface: str) -> str:
    """The table key of any surface form (data entries, matched text)."""
    return compact(matching_key(surface))


def entry_units(entry: str) -> list[str]:
    """One data entry as regular-expression units: a ZWNJ joins loosely (JOIN), a space is a GAP."""
    units: list[str] = []
    for index, word in enumerate(matching_key(entry).split()):
        if index:
            units.append(GAP)
        for piece_index, piece in enumerate(word.split(ZWNJ)):
            if piece_index:
                units.append(JOIN)
            units.extend(re.escape(char) for char in piece)
    return units


def entry_pattern(entry: str) -> str:
    """A regular expression for one data entry."""
    return "".join(entry_units(entry))


Trie = dict[str, "Trie"]


def trie_pattern(entries: Iterable[str]) -> str:
    """An alternation of entries written as a trie («مه(?:ر)?»): fast to try, longer forms first."""
    root: Trie = {}
    for entry in entries:
        node = root
        for unit in entry_units(entry):
            node = node.setdefault(unit, {})
        node[""] = {}
    return _trie_branches(root)


def _trie_branches(node: Trie) -> str:
    branches = [unit + _trie_branches(child) for unit, child in node.items() if unit]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def words_pattern(entries: Iterable[str]) -> str:
    """Alternation of data entries that ends at a word end (where it starts is the caller's business)."""
    return "(?:" + trie_pattern(entries) + ")" + WORD_END


def alternation(entries: Iterable[str]) -> str:
    """Whole-word alternation of data entries."""
    return WORD_START + words_pattern(entries)


def gated(body: str, first_words: Iterable[str], digits: bool) -> str:
    """`body` tried only at a word start where one of `first_words` (or a digit) begins.

    The look-ahead rejects almost every word cheaply, which makes a long pattern several
    times faster to search.
    """
    firsts = {matching_key(w).split()[0] for w in first_words if w.strip()}
    options = ([trie_pattern(firsts)] if firsts else []) + (["[0-9]"] if digits else [])
    return f"{WORD_START}(?=" + "|".join(options) + f"){body}"


class GatedPattern:
    """`re.compile(gated(body, first_words, digits))` and a `gate` for the word starts it may match at.

    A pattern that starts with a look-behind is tried at every position of the text. The gate
    starts with a character class, which `re` scans for quickly: it finds the character before
    each word start the pattern may match at, and the pattern is tried only there. `search` and
    `finditer` give exactly the pattern's own matches (it never matches empty). Worth it only when
    few words pass the gate; `DateRecognizer` shares one gate among its patterns.
    """

    def __init__(self, body: str, first_words: Iterable[str], digits: bool) -> None:
        self.first_words = first_words = list(first_words)
        self.digits = digits
        self.pattern = re.compile(gated(body, first_words, digits))
        self.gate = re.compile(gate_pattern(first_words, digits))

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        match = self.pattern.match
        if pos <= 0:
            if text and (result := match(text, 0)) is not None:
                return result
            pos = 1
        gate = self.gate.search
        while (found := gate(text, pos - 1)) is not None:
            start = found.end()
            if (result := match(text, start)) is not None:
                return result
            pos = start + 1
        return None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pos = 0
        while (result := self.search(text, pos)) is not None:
            yield result
            pos = max(result.end(), result.start() + 1)


def gate_pattern(first_words: Iterable[str], digits: bool) -> str:
    """The character before a word start where one of `first_words` (or, with `digits`, a digit) begins."""
    firsts = {matching_key(w).split()[0] for w in first_words if w.strip()}
    options = ([trie_pattern(firsts)] if firsts else []) + (["[0-9]"] if digits else [])
    return "[^\\w\u200c](?=" + ("|".join(options) or "(?!)") + ")"


def plain(value: float) -> int | float:
    """An int when the value is whole (2500, not 2500.0)."""
    return int(value) if float(value).is_integer() else value


def place(value: float) -> float:
    """The smallest decimal place a whole number uses: 20 → 10, 100 → 100, 125 → 1; 0 for fractions."""
    if not float(value).is_integer() or value == 0:
        return 0.0
    whole, unit = int(value), 1
    while whole % 10 == 0:
        whole, unit = whole // 10, unit * 10
    return float(unit)


def digits_value(token: str) -> float | tuple[float, float] | None:
    """«2,500» → 2500, «۱.۵» → 1.5, «۳/۵» → 3.5, «10-15» → (10, 15); a date or a code → None."""
    if token.isdigit():
        return float(token)
    if _THOUSANDS.fullmatch(token):
        return float(re.sub("[,٬]", "", token).replace("٫", "."))
    if _DOTTED_THOUSANDS.fullmatch(token):
        return float(token.replace(".", ""))
    if _DECIMAL.fullmatch(token):
        return float(re.sub("[/٫]", ".", token))
    pair = _PAIR.fullmatch(token)
    if pair and int(pair[1]) < int(pair[2]):
        return float(pair[1]), float(pair[2])
    return None


@dataclass(frozen=True)
class NumberWords:
    """The contents of numbers.yaml; tables are keyed by the entries as written."""

    words: dict[str, float]
    scales: dict[str, int]
    vague: dict[str, int]
    qualifiers: dict[str, str]  # entry → qualifier name
    and_word: str
    range_connectors: tuple[str, ...]
    range_openers: tuple[str, ...]
    range_and_openers: tuple[str, ...]
    more_than_suffixes: tuple[str, ...]
    not_before: tuple[str, ...]
    need_classifier: tuple[str, ...]
    classifiers: tuple[str, ...]
    ordinals: dict[int, tuple[str, ...]]  # value → ordinal forms («دوم»; «یکم», «اول»)
    ordinal_suffix: str  # «م»
    ordinal_adjective_suffix: str  # «ین»: «دومین»
    fractions: dict[str, int]

    def ordinal_forms(self) -> list[str]:
        """Every ordinal and its adjective form: «دوم», «دومین», «اول», «اولین» …"""
        plain = [form for forms in self.ordinals.values() for form in forms]
        return plain + [form + self.ordinal_adjective_suffix for form in plain]

    def small_counts(self) -> dict[str, int]:
        """Whole cardinal words up to 1000, for «دو روز پیش», «پانصد و ده سال پیش»."""
        return {w: int(v) for w, v in self.words.items() if float(v).is_integer() and 0 < v <= 1000}


def _ordinals(
    cardinals: dict[str, float], suffix: str, irregular: dict[int, list[str]]
) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {int(value): list(forms) for value, forms in irregular.items()}
    for word, value in cardinals.items():
        if float(value).is_integer() and value > 0 and int(value) not in irregular:
            found.setdefault(int(value), []).append(word + suffix)
    return {value: tuple(dict.fromkeys(forms)) for value, forms in found.items()}


def read_table_file(path: Path, keys: Iterable[str]) -> dict[str, Any]:
    """A YAML mapping with at least `keys`; KnowledgeError naming the file otherwise."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = load_yaml(handle)
    except yaml.YAMLError as error:
        raise KnowledgeError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path}: expected a mapping of tables")
    missing = [key for key in keys if key not in data]
    if missing:
        raise KnowledgeError(f"{path}: missing {', '.join(missing)}")
    return data


NUMBER_TABLES = (
    "words scales vague qualifiers and_word range_connectors range_openers range_and_openers more_than_suffixes not_before "
    "need_classifier classifiers ordinal_suffix ordinal_adjective_suffix ordinals_irregular fraction_denominators"
).split()
QUALIFIERS = ("at_least", "about", "more_than", "at_most")


def read_number_words(path: Path = DATA_FILE) -> NumberWords:
    """Parse and check a numbers.yaml file."""
    data = read_table_file(path, NUMBER_TABLES)
    unknown = set(data["qualifiers"]) - set(QUALIFIERS)
    if unknown:
        raise KnowledgeError(f"{path}: unknown qualifiers {sorted(unknown)}; expected {QUALIFIERS}")
    words = {str(w): float(v) for w, v in data["words"].items()}
    scales = {str(w): int(v) for w, v in data["scales"].items()}
    return NumberWords(
        words=words,
        scales=scales,
        vague={str(w): int(v) for w, v in data["vague"].items()},
        qualifiers={word: name for name, entries in data["qualifiers"].items() for word in entries},
        and_word=str(data["and_word"]),
        range_connectors=tuple(data["range_connectors"]),
        range_openers=tuple(data["range_openers"]),
        range_and_openers=tuple(data["range_and_openers"]),
        more_than_suffixes=tuple(data["more_than_suffixes"]),
        not_before=tuple(data["not_before"]),
        need_classifier=tuple(data["need_classifier"]),
        classifiers=tuple(data["classifiers"]),
        ordinals=_ordinals({**words, **scales}, data["ordinal_suffix"], data["ordinals_irregular"]),
        ordinal_suffix=str(data["ordinal_suffix"]),
        ordinal_adjective_suffix=str(data["ordinal_adjective_suffix"]),
        fractions={str(w): int(v) for w, v in data["fraction_denominators"].items()},
    )


@lru_cache(maxsize=1)
def load_number_words() -> NumberWords:
    """The shipped number words, read once."""
    return read_number_words()


@dataclass(frozen=True)
class Quantity:
    """One parsed number phrase (without its qualifier)."""

    value: float
    high: float | None  # upper value of a range
    vague: bool
    used: int  # how many gap-separated parts of the phrase make up the number
    complete: bool = True  # all of them


class NumberRecognizer:
    """Compiled patterns for one set of number words; call it on normalized text."""

    def __init__(self, words: NumberWords | None = None) -> None:
        w = words or load_number_words()
        self.words = w
        self.values = {lookup_form(k): v for k, v in w.words.items()}
        self.scales = {lookup_form(k): v for k, v in w.scales.items()}
        self.vague = {lookup_form(k): v for k, v in w.vague.items()}
        self.qualifiers = {lookup_form(k): v for k, v in w.qualifiers.items()}
        self.fractions = {lookup_form(k): v for k, v in w.fractions.items()}
        self.need_classifier = frozenset(lookup_form(k) for k in w.need_classifier)
        self.and_word = lookup_form(w.and_word)
        self.and_openers = frozenset(lookup_form(k) for k in w.range_and_openers)
        joined = f"{GAP}{entry_pattern(w.and_word)}{GAP}"
        scale = words_pattern(w.scales)
        group = f"(?:{DIGITS}|{words_pattern(w.words)}|{scale})(?:{GAP}{scale})*"
        number = f"(?:{words_pattern(w.vague)}(?:{GAP}{scale})*|{group}(?:{joined}{group})*)"
        connectors = "|".join(
            f"{GAP}{entry_pattern(c)}{GAP}" if c.isalpha() else f"[ \u200c]*{re.escape(c)}[ \u200c]*"
            for c in w.range_connectors
        )
        body = (
            f"(?:(?P<qualifier>{words_pattern(w.qualifiers)}){GAP})?"
            f"(?:(?P<opener>{words_pattern(w.range_openers)}){GAP})?"
            f"(?P<first>{number})"
            f"(?:{GAP}(?P<fraction>{words_pattern(w.fractions)}))?"
            f"(?:(?P<connector>{connectors})(?P<second>{number}))?"
        )
        firsts = [*w.qualifiers, *w.range_openers, *w.vague, *w.words, *w.scales]
        self.pattern = re.compile(gated(body, firsts, digits=True))
        self.second_after_and = re.compile(f"{joined}(?P<second>{number})")
        self.ordinal_tail = re.compile(f"{joined}{words_pattern(w.ordinal_forms())}")
        self.not_before = re.compile(f"[ \u200c]*{words_pattern(w.not_before)}")
        self.classifier = re.compile(f"{GAP}{words_pattern(w.classifiers)}")
        self.more_than = re.compile(f"{GAP}{words_pattern(w.more_than_suffixes)}")

    def __call__(self, text: str) -> list[Mention]:
        key = matching_key(text)
        found: list[Mention] = []
        position = 0
        while (match := self.pattern.search(key, position)) is not None:
            mention, position = self._mention(key, match)
            if mention is not None:
                found.append(mention)
        return found

    def _mention(self, key: str, match: re.Match[str]) -> tuple[Mention | None, int]:
        """The mention for one match (or None), and where to search next."""
        first = self.quantity(match["first"])
        if first is None:
            return None, match.end("first")
        if not first.complete:
            first_end = _end_of_parts(key, match.start("first"), first.used)
            tail = self.second_after_and.match(key, first_end)
            if tail and self._range_ok(first, tail["second"], self.and_word, match["opener"]):
                return self._emit(key, match, self._range(first, tail["second"]), tail.end())
            return self._emit(key, match, first, first_end)
        first_end = match.end("first")
        if match["fraction"] and not first.vague and first.high is None:
            value = first.value / self.fractions[compact(match["fraction"])]
            return self._emit(key, match, Quantity(value, None, False, first.used), match.end("fraction"))
        if match["second"] and self._range_ok(first, match["second"], match["connector"], match["opener"]):
            return self._emit(key, match, self._range(first, match["second"]), match.end("second"))
        return self._emit(key, match, first, first_end)

    def _range_ok(self, first: Quantity, phrase: str, connector: str, opener: str | None) -> bool:
        second = self.quantity(phrase)
        if second is None or first.vague or second.vague or first.high is not None or second.high is not None:
            return False
        if not second.complete or first.value >= second.value:
            return False
        return compact(connector) != self.and_word or compact(opener or "") in self.and_openers

    def _range(self, first: Quantity, phrase: str) -> Quantity:
        second = self.quantity(phrase)
        assert second is not None
        return Quantity(first.value, second.value, False, first.used)

    def _emit(
        self, key: str, match: re.Match[str], quantity: Quantity, end: int
    ) -> tuple[Mention | None, int]:
        ordinal = self.ordinal_tail.match(key, end)
        if ordinal:  # «بیست و دوم»: an ordinal, not a count
            return None, ordinal.end()
        if self._not_a_count(key, match, quantity, end):
            return None, end
        ranged = quantity.high is not None
        start = match.start("opener") if ranged and match["opener"] else match.start("first")
        start = match.start("qualifier") if match["qualifier"] else start
        qualifier = self.qualifiers.get(compact(match["qualifier"] or ""), "exact")
        suffix = None if ranged else self.more_than.match(key, end)
        if suffix:
            qualifier, end = "more_than", suffix.end()
        data = number_data(quantity, qualifier, explicit=bool(match["qualifier"] or suffix))
        return Mention("NUMBER", start, end, ref=str(data["value"]), data=data), end

    def _not_a_count(self, key: str, match: re.Match[str], quantity: Quantity, end: int) -> bool:
        """«سه شنبه» is a weekday; a lone «نه» is "no" unless a counted noun follows."""
        if quantity.used != 1 or quantity.high is not None:
            return False
        if self.not_before.match(key, end):
            return True
        lone = _PARTS.findall(match["first"])[0]
        return lone in self.need_classifier and not self.classifier.match(key, end)

    def quantity(self, phrase: str) -> Quantity | None:
        """The value of a number phrase matched by the pattern (or of its longest valid start).

        `phrase` comes from the matching key, so its parts (split at spaces and ZWNJs) are
        already in the form the tables are keyed by.
        """
        parts = _PARTS.findall(phrase)
        if len(parts) == 1:  # the common case: «سه», «۲۵۰۰», «صدها», «هزار»
            single = self._atom(parts[0])
            if isinstance(single, tuple):
                return Quantity(single[0], single[1], False, 1)
            if single is not None:
                return Quantity(single, None, False, 1)
        for size in (2, 1):
            head = "".join(parts[:size])
            if len(parts) >= size and head in self.vague:
                multiplier = math.prod(self.scales.get(p, 1) for p in parts[size:])
                return Quantity(float(self.vague[head] * multiplier), None, True, len(parts))
        return self._chain(parts)

    def _chain(self, parts: list[str]) -> Quantity | None:
        """The longest well-formed start of «دو هزار و پانصد»-like parts (summands joined by «و»)."""
        state = _Sum()
        used = 0
        for start, group in _summands(parts, self.and_word):
            head = self._atom(group[0])
            if head is None and group[0] not in self.scales:
                break  # digits that are a date or a code
            if isinstance(head, tuple):
                return Quantity(head[0], head[1], False, 1) if len(parts) == 1 else None
            if start > 0 and head == 0.5 and len(group) == 1 and state.half_of_last_multiplier():
                used = start + 1  # «دو میلیون و نیم»
                break
            if start > 0 and not state.accepts(head, group[0]):
                break
            multipliers = [self.scales[p] for p in (group if head is None else group[1:])]
            if not state.add(head, multipliers, digits=group[0][:1].isdigit()):
                break
            used = start + len(group)
        return Quantity(state.value, None, False, used, used == len(parts)) if used else None

    def _atom(self, part: str) -> float | tuple[float, float] | None:
        """A digits token or a cardinal word; None for a multiplier word."""
        if part[:1].isdigit():
            return digits_value(part)
        return self.values.get(part)


class _Sum:
    """Running value of a number in words: «صد و بیست و پنج هزار» → 125000."""

    def __init__(self) -> None:
        self.total = 0.0  # what multipliers ≥ 1000 have closed
        self.current = 0.0  # the open part
        self.limit = math.inf  # the next summand must stay below this
        self.closed_by = math.inf  # the last multiplier ≥ 1000
        self.last_digits = False

    @property
    def value(self) -> float:
        return self.total + self.current

    def accepts(self, head: float | None, part: str) -> bool:
        """Can a summand starting with `head` follow «و» here?"""
        if head is None or head >= self.limit:
            return False
        mixed = self.last_digits or part[:1].isdigit()
        return not mixed or self.closed_by < math.inf and self.current == 0

    def half_of_last_multiplier(self) -> bool:
        if self.closed_by == math.inf or self.current:
            return False
        self.total += self.closed_by / 2
        return True

    def add(self, head: float | None, multipliers: list[int], digits: bool) -> bool:
        """Add one summand; False (and no change) when it does not fit."""
        total, current, limit, closed_by = (
            self.total,
            self.current + (head or 0.0),
            self.limit,
            self.closed_by,
        )
        if head is not None:
            limit = place(head)
        for multiplier in multipliers:
            if multiplier < 1000:
                current, limit = max(current, 1.0) * multiplier, float(multiplier)
            elif max(current, 1.0) * multiplier >= closed_by:
                return False
            else:
                total, current = total + max(current, 1.0) * multiplier, 0.0
                closed_by = limit = float(multiplier)
        self.total, self.current, self.limit, self.closed_by = total, current, limit, closed_by
        self.last_digits = digits and not multipliers
        return True


def _summands(parts: list[str], and_word: str) -> list[tuple[int, list[str]]]:
    """Split parts at «و»: [(index of the first part, parts of the summand)]."""
    found: list[tuple[int, list[str]]] = []
    start = 0
    for index, part in enumerate([*parts, and_word]):
        if part == and_word:
            if index > start:
                found.append((start, parts[start:index]))
            start = index + 1
    return found


def number_data(quantity: Quantity, qualifier: str, explicit: bool) -> dict[str, Any]:
    """The `data` of a NUMBER mention: value, qualifier, low, high, in_date."""
    value = plain(quantity.value)
    data: dict[str, Any] = {
        "value": value,
        "qualifier": qualifier,
        "low": None,
        "high": None,
        "in_date": False,
    }
    if quantity.high is not None:
        data.update(qualifier="range", low=value, high=plain(quantity.high))
    elif quantity.vague:
        data.update(qualifier=qualifier if explicit else "vague", low=value)
    elif qualifier in ("at_least", "more_than"):
        data["low"] = value
    elif qualifier == "at_most":
        data["high"] = value
    elif qualifier == "exact":
        data.update(low=value, high=value)
    return data


def _end_of_parts(key: str, start: int, count: int) -> int:
    """The end offset of the first `count` gap-separated parts of key[start:]."""
    end = start
    for index, match in enumerate(_PARTS.finditer(key, start)):
        if index == count:
            break
        end = match.end()
    return end


@lru_cache(maxsize=1)
def default_number_recognizer() -> NumberRecognizer:
    """A recognizer over the shipped number words, built once."""
    return NumberRecognizer()


def find_numbers(text: str) -> list[Mention]:
    """NUMBER mentions in normalized text, in order of position."""
    return default_number_recognizer()(text)
