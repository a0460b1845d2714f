"""Dates in normalized Persian text, resolved to absolute Gregorian dates.

`find_dates(text, published)` returns DATE mentions: Gregorian, Jalali (Iranian and Afghan month
names) and Hijri Qamari months with or without day and year, numeric dates, years after «سال»,
weekdays, relative words («دیروز», «هفته گذشته», «دو روز پیش»), approximate positions
(«اوایل فوریه» → the 5th, month precision) and ranges («از اواسط اکتبر تا اوایل فوریه»).

`data` holds `value` (ISO date or None), `precision` (day, week, month or year), `calendar`
(gregorian, jalali or hijri: how the text wrote it), `relative` (the value depends on the
publication date: relative words, weekdays, dates without a year) and, when present,
`end_value` (ranges) and `part_of_day`. A date known only to the month gets a representative
day (the position word's day, else the 15th); a year alone gets the first day of its seventh
month. Without a publication date, what depends on it is still a mention, with value None.
Conversions go through jdatetime and hijridate; the words live in data/dates.yaml.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import jdatetime
from hijridate import Gregorian, Hijri

from rasad.knowledge.schema import KnowledgeError
from rasad.model import Mention
from rasad.recognize.numbers import (
    GAP,
    JOIN,
    WORD_END,
    ZWNJ,
    GatedPattern,
    NumberWords,
    alternation,
    compact,
    entry_pattern,
    gate_pattern,
    load_number_words,
    lookup_form,
    matching_key,
    read_table_file,
    trie_pattern,
    words_pattern,
)

DATA_FILE = Path(__file__).parent / "data" / "dates.yaml"
PRECISIONS = ("day", "week", "month", "year")
NUMBER_START = r"(?<![\w\u200c.,/:\-])"
NUMBER_END = r"(?![0-9]|[.,/:\-][0-9])"


@dataclass(frozen=True)
class CalendarDate:
    """A date as the text wrote it; `year` is None when the text gave none."""

    calendar: str
    year: int | None
    month: int
    day: int
    precision: str = "day"
    years_back: int = 0  # «۵ قوس سال گذشته»: the year before the one it would fall in


@dataclass(frozen=True)
class RelativeDate:
    """An offset from the publication date, optionally pinned to a day of the month or year."""

    days: int = 0
    months: int = 0
    years: int = 0
    precision: str = "day"
    position: tuple[int, int] | None = None  # (month or 0, day): «اواخر ماه گذشته»


@dataclass(frozen=True)
class WeekdayDate:
    iso: int  # Monday 1 … Sunday 7
    today_allowed: bool = False
    forward: bool = False
    past: bool = False  # «چهارشنبه گذشته»: never the publication day itself


Expression = CalendarDate | RelativeDate | WeekdayDate


@dataclass(frozen=True)
class Found:
    """One recognized span before resolution; `until` is the end of a range."""

    start: int
    end: int
    expression: Expression
    part: str | None = None
    until: Expression | None = None
    weekday: int | None = None  # the weekday written with a calendar date («جمعه ۱۹ شوال»), ISO


# A lunar date may fall a day either side of where the tables put it (the month starts when the
# crescent is seen): the weekday written beside it settles the day.
_LUNAR_SLACK_DAYS = 1

# Calendar arithmetic: always through jdatetime, hijridate and datetime.


def to_gregorian(calendar: str, year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of a day in `calendar`; None when that day does not exist."""
    try:
        if calendar == "jalali":
            converted = jdatetime.date(year, month, day).togregorian()
        elif calendar == "hijri":
            converted = Hijri(year, month, day).to_gregorian()
        else:
            converted = dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None
    return dt.date(converted.year, converted.month, converted.day)


def year_of(calendar: str, date: dt.date) -> int:
    """The year of a Gregorian date in `calendar` (0 outside hijridate's range)."""
    if calendar == "jalali":
        return int(jdatetime.date.fromgregorian(date=date).year)
    if calendar == "hijri":
        try:
            return int(Gregorian(date.year, date.month, date.day).to_hijri().year)
        except OverflowError:
            return 0
    return date.year


def shift(date: dt.date, months: int, position: tuple[int, int] | None) -> dt.date:
    """`date` moved by whole Gregorian months, then pinned to (month, day) or (0, day)."""
    year, month = divmod(date.year * 12 + date.month - 1 + months, 12)
    month, day = month + 1, date.day
    if position:
        month, day = position[0] or month, position[1]
    for candidate in range(day, day - 4, -1):  # 31 March - 1 month → 29 February
        if moved := to_gregorian("gregorian", year, month, candidate):
            return moved
    return date


def latest_on_or_before(date: CalendarDate, anchor: dt.date) -> dt.date | None:
    """A date written without a year: its most recent occurrence not after `anchor`.

    At month precision it is enough that the month has begun by `anchor`.
    """
    first_day = date.day if date.precision == "day" else 1
    start = year_of(date.calendar, anchor)
    for year in range(start, start - 9, -1):
        first = to_gregorian(date.calendar, year, date.month, first_day)
        if first is not None and first <= anchor:
            return to_gregorian(date.calendar, year, date.month, date.day)
    return None


def resolve(expression: Expression, anchor: dt.date | None, published: dt.date | None) -> dt.date | None:
    """The value of an expression. Yearless dates and weekdays count back from `anchor`."""
    if isinstance(expression, CalendarDate):
        if expression.year is not None:
            return to_gregorian(expression.calendar, expression.year, expression.month, expression.day)
        if expression.years_back and anchor:
            year = year_of(expression.calendar, anchor) - expression.years_back
            return to_gregorian(expression.calendar, year, expression.month, expression.day)
        return latest_on_or_before(expression, anchor) if anchor else None
    if isinstance(expression, WeekdayDate):
        if anchor is None:
            return None
        if expression.forward:
            return anchor + dt.timedelta(days=(expression.iso - anchor.isoweekday()) % 7 or 7)
        back = (anchor.isoweekday() - expression.iso) % 7
        # «روز پنج‌شنبه» in a Thursday paper is that day; «پنج‌شنبه گذشته» is a week before
        return anchor - dt.timedelta(days=back if back or not expression.past else 7)
    if published is None:
        return None
    moved = published + dt.timedelta(days=expression.days)
    if expression.months or expression.years or expression.position:
        moved = shift(moved, expression.months + 12 * expression.years, expression.position)
    return moved


def precision_of(expression: Expression) -> str:
    return "day" if isinstance(expression, WeekdayDate) else expression.precision


def is_relative(expression: Expression | None) -> bool:
    return expression is not None and (not isinstance(expression, CalendarDate) or expression.year is None)


def coarser(precision: str, steps: int = 1) -> str:
    return PRECISIONS[min(PRECISIONS.index(precision) + steps, len(PRECISIONS) - 1)]


def iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def day_ordinals(numbers: NumberWords) -> dict[str, int]:
    """«اول», «دوم» … «بیست و یکم» … «سی و یکم»: day numbers written as ordinals."""
    simple = {value: forms for value, forms in numbers.ordinals.items() if 0 < value <= 30}
    days = {form: value for value, forms in simple.items() for form in forms}
    tens = {int(v): word for word, v in numbers.words.items() if v in (20, 30)}
    for ten, word in tens.items():
        for unit in range(1, min(10, 32 - ten)):
            for form in simple.get(unit, ()):
                if form.endswith(numbers.ordinal_suffix):  # «بیست و یکم», never «بیست و اول»
                    days[f"{word} {numbers.and_word} {form}"] = ten + unit
    return days


@dataclass(frozen=True)
class DateWords:
    """The contents of dates.yaml, plus day ordinals from numbers.yaml."""

    data: dict[str, Any]
    numbers: NumberWords

    def entries(self, name: str) -> list[str]:
        """Every word of a table: a list, {group: [words]} or {group: {words: [...]}}."""
        value = self.data[name]
        if isinstance(value, list):
            return [w for item in value for w in (item["words"] if isinstance(item, dict) else [item])]
        groups = value.values()
        return [w for g in groups for w in (g["words"] if isinstance(g, dict) else g)]

    def groups(self, name: str) -> dict[str, Any]:
        """lookup form → group key (or the group's entry, for lists of {words: …})."""
        value = self.data[name]
        if isinstance(value, list):
            return {lookup_form(w): item for item in value for w in item["words"]}
        return {
            lookup_form(w): key
            for key, g in value.items()
            for w in (g["words"] if isinstance(g, dict) else g)
        }


DATE_TABLES = (
    "months month_word month_word_before year_word day_word calendar_suffixes year_ranges jalali_below short_years "
    "weekdays weekday_past weekday_next weekday_today parts_of_day eve_parts positions month_day year_day "
    "relative count_units count_directions vague_count range_openers range_connectors range_and "
    "range_and_openers ago_not_before weekday_not_after"
).split()
CALENDARS = ("gregorian", "jalali", "hijri")


def read_date_words(path: Path = DATA_FILE, numbers: NumberWords | None = None) -> DateWords:
    """Parse and check a dates.yaml file."""
    data = read_table_file(path, DATE_TABLES)
    for index, month in enumerate(data["months"], start=1):
        if (
            month.get("calendar") not in CALENDARS
            or month.get("needs", "free") not in ("free", "month", "day")
            or not 1 <= int(month.get("month", 0)) <= 12
            or not month.get("names")
        ):
            raise KnowledgeError(
                f"{path}: months entry {index} needs calendar, month 1–12, names and a valid needs"
            )
    if set(data["count_directions"]) != {"ago", "past", "later", "coming"}:
        raise KnowledgeError(f"{path}: count_directions must be ago, past, later and coming")
    return DateWords(data=data, numbers=numbers or load_number_words())


@lru_cache(maxsize=1)
def load_date_words() -> DateWords:
    """The shipped date words, read once."""
    return read_date_words()


Handler = Callable[[str, re.Match[str]], Found | None]


_Tried = list[tuple[int, Callable[[str, int], "re.Match[str] | None"]]]


def _dispatch(patterns: list[GatedPattern]) -> tuple[dict[str, _Tried], dict[str, _Tried]]:
    """The patterns (index, match) that may begin at a start: by its first character, and by its first two.

    A first word whose first piece has two letters or more is told by them, so a pattern is not tried
    where only its first letter is found («سه» is no month); one with a shorter piece (and a digit) only
    by its first character. At two characters not among the keys only those patterns may begin.
    """
    by_first: dict[str, _Tried] = {}
    by_two: dict[str, set[int]] = {}
    for index, pattern in enumerate(patterns):
        firsts = {matching_key(w).split()[0] for w in pattern.first_words if w.strip()}
        chars = {w[0] for w in firsts if len(w.split(ZWNJ)[0]) < 2} | (set("0123456789") if pattern.digits else set())
        for char in sorted(chars):
            by_first.setdefault(char, []).append((index, pattern.pattern.match))
        for word in firsts:
            if len(word.split(ZWNJ)[0]) >= 2:
                by_two.setdefault(word[:2], set()).add(index)
    merged = {
        two: sorted({*indexes, *(index for index, _ in by_first.get(two[0], ()))}) for two, indexes in by_two.items()
    }
    return by_first, {two: [(index, patterns[index].pattern.match) for index in indexes] for two, indexes in merged.items()}


class DateRecognizer:
    """Compiled patterns over one set of date words; call it on normalized text and a publication date."""

    def __init__(self, words: DateWords | None = None) -> None:
        self.words = w = words or load_date_words()
        d = w.data
        self.months = {
            lookup_form(n): (m["calendar"], int(m["month"]), m.get("needs", "free"))
            for m in d["months"]
            for n in m["names"]
        }
        self.day_ordinals = {lookup_form(k): v for k, v in day_ordinals(w.numbers).items()}
        self.counts = {lookup_form(k): v for k, v in w.numbers.small_counts().items()}
        self.vague_counts = {lookup_form(x) for x in d["vague_count"]["words"]}
        self.counts.update(dict.fromkeys(self.vague_counts, int(d["vague_count"]["value"])))
        self.suffixes, self.weekdays = w.groups("calendar_suffixes"), w.groups("weekdays")
        self.parts, self.positions = w.groups("parts_of_day"), w.groups("positions")
        self.relative, self.units = w.groups("relative"), w.groups("count_units")
        self.directions = w.groups("count_directions")
        words_between = [c for c in d["range_connectors"] if c.isalpha()]
        dashes = "".join(re.escape(c) for c in d["range_connectors"] if not c.isalpha())
        self.range_gap = (
            f"(?:{GAP}{words_pattern(words_between + d['range_and'])}{GAP}|[ \u200c]*[{dashes}][ \u200c]*)"
        )
        self.and_words = {lookup_form(x) for x in d["range_and"]}
        self.and_openers = {lookup_form(x) for x in d["range_and_openers"]}
        number_and = entry_pattern(w.numbers.and_word)
        self.count_and = re.compile(f"{GAP}{number_and}{GAP}")
        count_word = words_pattern([*w.numbers.small_counts(), *d["vague_count"]["words"]])
        self.count_words = f"{count_word}(?:{GAP}{number_and}{GAP}{count_word}){{0,2}}"  # «بیست و چهار», «پانصد و ده»
        # three digits and a calendar's name right after a day and month: a year of long ago («اول رجب ۹۲۰ قمری»)
        suffix = trie_pattern(w.entries("calendar_suffixes"))
        self.old_year_after = re.compile(f"[ \u200c]*[0-9]{{3}}{NUMBER_END}[ \u200c]*(?:{suffix}){WORD_END}")
        self.patterns: list[tuple[GatedPattern, Handler]] = [
            (self._calendar_pattern(), self._calendar),
            (self._numeric_pattern(), self._numeric),
            (self._year_pattern(), self._year),
            (self._weekday_pattern(), self._weekday),
            (self._relative_pattern(), self._relative),
            (self._count_pattern(), self._count),
        ]
        # the word starts where a pattern may match (start of text aside): the one scan of the text
        self.starts = re.compile(gate_pattern([w for p, _ in self.patterns for w in p.first_words], digits=True))
        self.by_first, self.by_two = _dispatch([p for p, _ in self.patterns])
        self.connector = re.compile(
            f"{GAP}(?P<to>{alternation(words_between)}){GAP}|[ \u200c]*(?P<dash>[{dashes}])[ \u200c]*"
            f"|{GAP}(?P<and>{alternation(d['range_and'])}){GAP}"
        )
        self.opener = re.compile(f"(?P<opener>{alternation(d['range_openers'])}){GAP}$")
        self.opener_reach = max(len(x) for x in d["range_openers"]) + 3  # how far back an opener can start
        self.listing = re.compile("[ \u200c]*[،,\\-–]?[ \u200c]*")  # «یکشنبه، ۲ اردیبهشت», «یکشنبه - …»
        self.before_from = re.compile(f"{GAP}{words_pattern(d['ago_not_before'])}")
        # «امام جمعه», «نماز جمعه»: a weekday that names an office or a prayer, not a day
        self.weekday_named = re.compile(f"{alternation(d['weekday_not_after'])}{GAP}$")
        self.ago_words = {lookup_form(x) for x in d["count_directions"]["ago"]}
        self.eve_parts = {lookup_form(x) for x in d["eve_parts"]}

    def __call__(self, text: str, published: dt.date | None = None) -> list[Mention]:
        key = matching_key(text)
        matches = self._matches(key)
        found = [
            f for index, (_, handle) in enumerate(self.patterns) for m in matches[index] if (f := handle(key, m))
        ]
        return _that_year(key, [self._mention(item, published) for item in _same_year(key, self._merge(key, _longest(found)))])

    def _matches(self, key: str) -> list[list[re.Match[str]]]:
        """Each pattern's `finditer` matches, from one scan for the word starts any of them may match at.

        At a candidate start a pattern is tried only if the character there may begin it, and only once
        its previous match has ended, so each list is what the pattern's own `finditer` gives.
        """
        matches: list[list[re.Match[str]]] = [[] for _ in self.patterns]
        free = [0] * len(self.patterns)  # where each pattern's next match may start
        starts = [0] if key else []
        starts += [found.start() + 1 for found in self.starts.finditer(key)]
        by_first, by_two = self.by_first, self.by_two
        for start in starts:
            tried = by_two.get(key[start : start + 2])
            for index, match in by_first.get(key[start], ()) if tried is None else tried:
                if start >= free[index] and (found := match(key, start)) is not None:
                    matches[index].append(found)
                    free[index] = found.end()
        return matches

    # Patterns ------------------------------------------------------------------

    def _alt(self, name: str) -> str:
        return words_pattern(self.words.entries(name))

    def _compile(self, body: str, starts: list[str], digits: bool) -> GatedPattern:
        """`body`, tried only where one of the words it may start with (or a digit) begins."""
        return GatedPattern(body, starts, digits)

    def _starts(self, *names: str) -> list[str]:
        return [w for name in names for w in self.words.entries(name)]

    def _year_number(self, name: str, short: bool = False) -> str:
        """A four-digit year (or, with `short`, two digits: «سال ۹۳») and its calendar suffix."""
        suffix = f"(?:{trie_pattern(self.words.entries('calendar_suffixes'))}){WORD_END}"
        digits = "[0-9]{4}|[0-9]{2}" if short else "[0-9]{4}"
        return f"{NUMBER_START}(?P<{name}>{digits}){NUMBER_END}(?:[ \u200c]*(?P<{name}_suffix>{suffix}))?"

    def _calendar_pattern(self) -> GatedPattern:
        ordinals = list(day_ordinals(self.words.numbers))
        day = f"(?:{NUMBER_START}[0-9]{{1,2}}{NUMBER_END}|{words_pattern(ordinals)})"
        month_names = [n for e in self.words.data["months"] for n in e["names"]]
        after = trie_pattern(self.words.entries("month_word"))
        body = (
            f"(?:(?P<position>{self._alt('positions')}){GAP}(?:(?P<before>{self._alt('month_word_before')}){GAP})?"
            f"|(?:(?P<first_day>{day})(?P<connector>{self.range_gap}))?(?P<day>{day}){GAP}"
            f"|(?P<month_before>{self._alt('month_word_before')}){GAP})?"
            f"(?P<month>{trie_pattern(month_names)})(?:{JOIN}(?P<after>{after}))?{WORD_END}"
            f"(?:{GAP}(?:(?P<year_word>{self._alt('year_word')}){GAP})?{self._year_number('year', short=True)}"
            f"|{GAP}(?P<this_year>{self._alt('this_year')}){WORD_END}"
            f"|{GAP}(?P<last_year>{self._alt('last_year')}){WORD_END})?"
        )
        starts = self._starts("positions", "month_word_before") + month_names + ordinals
        return self._compile(body, starts, digits=True)

    def _numeric_pattern(self) -> GatedPattern:
        suffix = f"(?:{trie_pattern(self.words.entries('calendar_suffixes'))}){WORD_END}"
        body = (
            f"{NUMBER_START}(?:(?P<y>[0-9]{{4}})(?P<s>[/.\\-])(?P<m>[0-9]{{1,2}})(?P=s)(?P<d>[0-9]{{1,2}})"
            f"|(?P<d2>[0-9]{{1,2}})(?P<s2>[/.\\-])(?P<m2>[0-9]{{1,2}})(?P=s2)(?P<y2>[0-9]{{4}})){NUMBER_END}"
            f"(?:[ \u200c]*(?P<suffix>{suffix}))?"
        )
        return self._compile(body, [], digits=True)

    def _year_pattern(self) -> GatedPattern:
        body = (
            f"(?:(?P<position>{self._alt('positions')}){GAP})?"
            f"(?:(?P<word>{self._alt('year_word')}){GAP}{self._year_number('year', short=True)}"
            f"(?:(?P<connector>{self.range_gap}){self._year_number('until', short=True)})?"
            f"|{self._year_number('bare')})"
        )
        return self._compile(body, self._starts("positions", "year_word"), digits=True)

    def _weekday_pattern(self) -> GatedPattern:
        body = (
            f"(?:(?P<today>{self._alt('weekday_today')})[ \u200c]*[،,]?[ \u200c]*)?"
            f"(?:(?P<position>{self._alt('positions')}){GAP})?"
            f"(?:(?P<part>{self._alt('parts_of_day')}){GAP})?"
            f"(?:{self._alt('day_word')}{GAP})?"
            # «چهارشنبه‌شب»: a part of the day may be joined to the weekday by a ZWNJ
            f"(?P<weekday>{trie_pattern(self.words.entries('weekdays'))})"
            f"(?:(?![\\w\u200c])|(?=\u200c(?:{self._alt('parts_of_day')})))"
            f"(?:{GAP}(?P<part_after>{self._alt('parts_of_day')}))?"
            f"(?:{GAP}(?P<past>{self._alt('weekday_past')})|{GAP}(?P<next>{self._alt('weekday_next')}))?"
        )
        starts = self._starts("weekday_today", "positions", "parts_of_day", "day_word", "weekdays")
        return self._compile(body, starts, digits=False)

    def _relative_pattern(self) -> GatedPattern:
        body = (
            f"(?:(?P<position>{self._alt('positions')}){GAP})?"
            f"(?:(?P<part>{self._alt('parts_of_day')}){GAP})?"
            f"(?P<relative>{self._alt('relative')})"
            f"(?:{GAP}(?P<part_after>{self._alt('parts_of_day')}))?"
        )
        return self._compile(body, self._starts("positions", "parts_of_day", "relative"), digits=False)

    def _count_pattern(self) -> GatedPattern:
        counts = [*self.words.numbers.small_counts(), *self.words.data["vague_count"]["words"]]
        body = (
            f"(?P<count>{NUMBER_START}[0-9]{{1,3}}{NUMBER_END}|{self.count_words}){GAP}"
            f"(?P<unit>{self._alt('count_units')}){GAP}(?P<direction>{self._alt('count_directions')})"
        )
        return self._compile(body, counts, digits=True)

    # Handlers: one match → one Found (or None) -----------------------------------

    def _valid_year(self, match: re.Match[str], name: str, calendar: str | None) -> tuple[int, str] | None:
        """The year in group `name` and its calendar, if plausible («۲۵۰۰ سرباز» is not a year)."""
        if not match[name]:
            return None
        year = int(match[name])
        suffix = match[f"{name}_suffix"]
        default = "gregorian" if year >= self.words.data["jalali_below"] else "jalali"
        if len(match[name]) == 2:
            short = self.words.data["short_years"]
            if year < short["from"] or (calendar or short["calendar"]) != short["calendar"]:
                return None
            year, default = year + short["century"], short["calendar"]
        calendar = calendar or (self.suffixes[compact(suffix)] if suffix else default)
        low, high = self.words.data["year_ranges"][calendar]
        return (year, calendar) if low <= year <= high else None

    def _day_number(self, surface: str) -> int:
        return int(surface) if surface.isdigit() else self.day_ordinals[compact(surface)]

    def _calendar(self, key: str, m: re.Match[str]) -> Found | None:
        calendar, month, needs = self.months[compact(m["month"])]
        year = self._valid_year(m, "year", calendar) if m["year_word"] or len(m["year"] or "") != 2 else None
        if year is None and (len(m["year"] or "") == 4 or self.old_year_after.match(m.string, m.end())):
            # «۲۳ اوت ۱۵۱۴», «اول رجب ۹۲۰ قمری»: a year told but outside the calendar's range is history,
            # not a day of this year
            return None
        day = self._day_number(m["day"]) if m["day"] else None
        context = m["position"] or m["before"] or m["month_before"] or m["after"]
        if needs == "day" and not (day or year) or needs == "month" and not (day or year or context):
            return None
        end = m.end() if year or m["this_year"] or m["last_year"] else m.end("after") if m["after"] else m.end("month")
        known = year[0] if year else None
        if day is None:
            position = (
                self.words.data["positions"][self.positions[compact(m["position"])]]
                if m["position"]
                else None
            )
            represent = position["day"] if position else self.words.data["month_day"]
            return Found(m.start(), end, CalendarDate(calendar, known, month, represent, "month"))
        date = CalendarDate(calendar, known, month, day, years_back=1 if m["last_year"] and not known else 0)
        first = self._day_number(m["first_day"]) if m["first_day"] else None
        if first is not None and first < day:
            return Found(m.start(), end, replace(date, day=first), until=date)
        return Found(m.start("day"), end, date)

    def _numeric(self, key: str, m: re.Match[str]) -> Found | None:
        if m["y"]:
            year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        else:
            year, month, day = int(m["y2"]), int(m["m2"]), int(m["d2"])
            if month > 12 >= day:  # 04/21/2024: month first
                month, day = day, month
        suffix = self.suffixes[compact(m["suffix"])] if m["suffix"] else None
        calendar = suffix or ("jalali" if year < self.words.data["jalali_below"] else "gregorian")
        low, high = self.words.data["year_ranges"][calendar]
        if not low <= year <= high or to_gregorian(calendar, year, month, day) is None:
            return None
        return Found(m.start(), m.end(), CalendarDate(calendar, year, month, day))

    def _year(self, key: str, m: re.Match[str]) -> Found | None:
        name = "bare" if m["bare"] else "year"
        if name == "bare" and not m["bare_suffix"]:
            return None  # a four-digit number alone is not a year
        found = self._valid_year(m, name, None)
        if found is None:
            return None
        year, calendar = found
        position = (
            self.words.data["positions"][self.positions[compact(m["position"])]] if m["position"] else None
        )
        month, day = position["in_year"] if position else self.words.data["year_day"]
        date = CalendarDate(calendar, year, month, day, "year")
        until = self._valid_year(m, "until", calendar) if m["until"] else None
        plural = compact(m["word"] or "") != lookup_form(self.words.data["year_word"][0])
        joined_by_and = compact(m["connector"] or "") in self.and_words
        if until and until[0] > year and (not joined_by_and or plural):
            return Found(m.start(), m.end(), date, until=CalendarDate(calendar, until[0], month, day, "year"))
        return Found(m.start(), m.end(f"{name}_suffix") if m[f"{name}_suffix"] else m.end(name), date)

    def _weekday(self, key: str, m: re.Match[str]) -> Found | None:
        if m.start() == m.start("weekday") and self.weekday_named.search(key, max(0, m.start() - 20), m.start()):
            return None
        iso_day = int(self.weekdays[compact(m["weekday"])])
        before = compact(m["part"] or "")
        if before in self.eve_parts:  # «شب جمعه»: Thursday night
            iso_day = iso_day - 1 or 7
        part = self.parts.get(before) or self.parts.get(compact(m["part_after"] or ""))
        end = m.end()
        past = bool(m["past"])
        if past and self.before_from.match(key, end):  # «شنبه قبل از انتخابات»
            end = m.end("part_after") if m["part_after"] else m.end("weekday")
            past = False
        expression = WeekdayDate(iso_day, today_allowed=bool(m["today"]), forward=bool(m["next"]), past=past)
        return Found(m.start(), end, expression, part)

    def _relative(self, key: str, m: re.Match[str]) -> Found | None:
        entry: dict[str, Any] = self.relative[compact(m["relative"])]
        if compact(m["relative"].split()[-1]) in self.ago_words and self.before_from.match(
            key, m.end("relative")
        ):
            return None
        precision = entry.get("precision", "day")
        position = None
        if m["position"] and precision in ("month", "year"):
            spec = self.words.data["positions"][self.positions[compact(m["position"])]]
            position = (0, spec["day"]) if precision == "month" else tuple(spec["in_year"])
        part = self.parts.get(compact(m["part"] or m["part_after"] or "")) or entry.get("part")
        expression = RelativeDate(
            entry.get("days", 0), entry.get("months", 0), entry.get("years", 0), precision, position
        )
        return Found(m.start(), m.end(), expression, part)

    def _count(self, key: str, m: re.Match[str]) -> Found | None:
        direction = self.directions[compact(m["direction"])]
        if direction == "ago" and self.before_from.match(key, m.end()):  # «دو روز پیش از حمله»
            return None
        count = sum(
            int(p) if p.isdigit() else self.counts[compact(p)] for p in self.count_and.split(m["count"])
        )
        unit = self.units[compact(m["unit"])]
        sign = -1 if direction in ("ago", "past") else 1
        days = {"hour": math.ceil(count / 24), "day": count, "week": 7 * count}.get(unit, 0)
        months = {"month": count, "year": 12 * count, "decade": 120 * count}.get(unit, 0)
        precision = {"hour": "day", "decade": "year"}.get(unit, unit)
        if compact(m["count"]) in self.vague_counts:
            precision = coarser(precision)
        moved = RelativeDate(days=sign * days, months=sign * months, precision=precision)
        if direction == "past":
            return Found(m.start(), m.end(), moved, until=RelativeDate(precision=precision))
        if direction == "coming":
            return Found(m.start(), m.end(), RelativeDate(precision=precision), until=moved)
        return Found(m.start(), m.end(), moved)

    # Combining and resolving ------------------------------------------------------

    def _merge(self, key: str, found: list[Found]) -> list[Found]:
        """Join a weekday to the date after it, and two dates joined by «تا» into a range."""
        merged: list[Found] = []
        for item in found:
            previous = merged[-1] if merged else None
            if previous is None or previous.until is not None or item.until is not None:
                merged.append(item)
                continue
            gap = key[previous.end : item.start]
            if isinstance(previous.expression, WeekdayDate) and isinstance(item.expression, CalendarDate):
                if item.expression.precision == "day" and self.listing.fullmatch(gap):
                    merged[-1] = Found(
                        previous.start, item.end, item.expression, previous.part or item.part, weekday=previous.expression.iso
                    )
                    continue
            connector = self.connector.fullmatch(gap)
            opener = self.opener.search(key, max(0, previous.start - self.opener_reach), previous.start)
            between = opener is not None and compact(opener["opener"]) in self.and_openers
            if connector and (connector["to"] or connector["dash"] or between):
                start = opener.start() if opener else previous.start
                merged[-1] = Found(start, item.end, previous.expression, previous.part, item.expression)
                continue
            merged.append(item)
        return merged

    def _mention(self, item: Found, published: dt.date | None) -> Mention:
        until = resolve(item.until, published, published) if item.until else None
        anchor = until if until and not isinstance(item.expression, RelativeDate) else published
        value = resolve(item.expression, anchor, published)
        if value is not None and item.weekday is not None and isinstance(item.expression, CalendarDate):
            value = _on_weekday(value, item.weekday, item.expression.calendar)
        precision = precision_of(item.expression)
        if item.until is not None:
            precision = max(precision, precision_of(item.until), key=PRECISIONS.index)
        calendar = item.expression.calendar if isinstance(item.expression, CalendarDate) else "gregorian"
        data: dict[str, Any] = {
            "value": iso(value),
            "precision": precision,
            "calendar": calendar,
            "relative": is_relative(item.expression) or is_relative(item.until),
        }
        if item.until is not None:
            data["end_value"] = iso(until)
        if item.part:
            data["part_of_day"] = item.part
        return Mention("DATE", item.start, item.end, ref=data["value"], data=data)


def _that_year(key: str, mentions: list[Mention]) -> list[Mention]:
    """«فوریه ۲۰۱۹ ... در ۱۴ فوریه آن سال»: a date without its year, followed by «آن سال» or «همان
    سال», is in the year of the last full date told before it."""
    result: list[Mention] = []
    for mention in mentions:
        data = mention.data
        if data.get("relative") and data.get("value") and _THAT_YEAR.match(key, mention.end):
            year = next((int(str(m.data["value"])[:4]) for m in reversed(result) if not m.data.get("relative") and m.data.get("value")), None)
            value = dt.date.fromisoformat(str(data["value"])[:10])
            if year is not None and year != value.year and not (value.month == 2 and value.day == 29):
                moved = value.replace(year=year).isoformat()
                mention = Mention(mention.kind, mention.start, mention.end, moved, {**data, "value": moved, "relative": False})
        result.append(mention)
    return result


# «... آن سال», «... همان سال»: the year told before.
_THAT_YEAR = re.compile("[ \u200c]+(?:آن|ان|همان) سال(?![\\w\u200c])")


def _on_weekday(value: dt.date, weekday: int, calendar: str) -> dt.date:
    """A Hijri date a day off the weekday written beside it moves to that weekday («روز جمعه ۱۹ شوال
    ۱۴۴۶»: the tables say Thursday 17 April 2025, the text Friday, 18 April)."""
    if calendar != "hijri":
        return value
    for shift in range(-_LUNAR_SLACK_DAYS, _LUNAR_SLACK_DAYS + 1):
        moved = value + dt.timedelta(days=shift)
        if moved.isoweekday() == weekday:
            return moved
    return value


def _longest(found: list[Found]) -> list[Found]:
    """Non-overlapping spans in text order; of two that overlap, the longer (then the earlier) wins."""
    chosen: list[Found] = []
    for item in sorted(found, key=lambda f: (f.start, f.start - f.end)):
        if chosen and item.start < chosen[-1].end:
            if item.end - item.start > chosen[-1].end - chosen[-1].start:
                chosen[-1] = item
            continue
        chosen.append(item)
    return chosen


@lru_cache(maxsize=1)
def default_date_recognizer() -> DateRecognizer:
    """A recognizer over the shipped date words, built once."""
    return DateRecognizer()


def find_dates(text: str, published: dt.date | None = None) -> list[Mention]:
    """DATE mentions in normalized text, resolved against the publication date."""
    return default_date_recognizer()(text, published)


# «در ۲۲ اکتبر همان سال»: the year of the date told before it.
_SAME_YEAR = re.compile("[ \u200c]+(?:همان|همین|آن)[ \u200c]+سال(?![^\\W\\d_])")


def _same_year(key: str, found: list[Found]) -> list[Found]:
    """A yearless date followed by «همان سال» takes the year of the latest date before it that has one."""
    result: list[Found] = []
    year: tuple[str, int] | None = None  # (calendar, year) of the latest date with a year
    for item in found:
        expression = item.expression
        if isinstance(expression, CalendarDate):
            same = _SAME_YEAR.match(key, item.end)
            if expression.year is None and same is not None and year is not None and year[0] == expression.calendar:
                item = replace(item, end=same.end(), expression=replace(expression, year=year[1]))
            elif expression.year is not None:
                year = (expression.calendar, expression.year)
        result.append(item)
    return result
