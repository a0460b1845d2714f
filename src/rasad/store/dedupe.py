"""Cross-article deduplication: reports of one real event grouped into a cluster.

Two reports may describe the same event when all of these hold:

- the same PLOVER type;
- their dates, each widened to its precision (a day; a week ±3 days; a whole
  month or year), are at most SLACK_DAYS apart (INFERRED_SLACK_DAYS when a date
  was only taken from the publication day);
- their places agree: for towns and sites (geo_precision 1) within
  PLACE_KM[1] km, for nearby or larger areas (2) within PLACE_KM[2] km, and when
  either is only a region or country (3), the same country and no two different
  admin1 regions (names compared without vowels and accents, so Idleb is Idlib).
  A report without a place matches only on the same named actor1. A month- or
  year-precise date needs the same place and the same actor1;
- their actors do not contradict, role by role (in an armed clash the two sides
  may be given either way round): two ids contradict unless one is a description
  («مهاجمان», «تروریست‌ها»), they share a lineage (IRGC Navy and IRGC), or both are
  the state of one country (its government, military, police or security forces);
  two different crowds (retirees, nurses) make two protests. See rasad.store.actors;
- they come from different articles (one article's events are already merged).

Clustering is best-first complete-linkage: every compatible pair is scored by how
much more than compatible the two are (the same site, the same day, the same
actors, sub-event type, weapon or toll: `similarity`), and pairs are taken from
the most alike down; each joins two clusters if every report of the one is
compatible with every report of the other and no article would be in it twice.
So when a report fits two clusters, the likelier one gets it, whatever the order
the reports came in. Reports alike in everything `compatible` looks at are
grouped first (one profile, one unit), which keeps the pairs few when an event
is reported many times.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rasad.store.actors import Side, actor_facts

SLACK_DAYS = 1
INFERRED_SLACK_DAYS = 2
PLACE_KM = {1: 25.0, 2: 60.0}
SAME_SITE_KM = 5.0
CLASH = "Armed clash"


@dataclass(frozen=True)
class Report:
    """One stored event, with what deduplication needs to know about it."""

    uid: str
    article_id: int
    type: str
    outlet: str | None = None
    published: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    mode: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_inferred: bool = False
    location_name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    gazetteer_id: str | None = None
    actor1_id: str | None = None
    actor1_name: str | None = None
    actor1_country: str | None = None
    actor1_kind: str | None = None
    actor2_id: str | None = None
    actor2_name: str | None = None
    actor2_country: str | None = None
    actor2_kind: str | None = None
    weapon: str | None = None
    fatalities: int | None = None
    injured: int | None = None
    status: str | None = None
    confidence: float | None = None


def parse_date(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date value can mean: «2024-04-21», «2024-04», «2024»."""
    if not value:
        return None
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts[:3]]
        if len(numbers) == 3:
            day = dt.date(*numbers)
            return day, day
        if len(numbers) == 2:
            first = dt.date(numbers[0], numbers[1], 1)
            following = dt.date(numbers[0] + numbers[1] // 12, numbers[1] % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        return dt.date(numbers[0], 1, 1), dt.date(numbers[0], 12, 31)
    except ValueError:
        return None


def date_window(report: Report) -> tuple[dt.date, dt.date] | None:
    """The days the report's event may have happened on, given its precision (without slack)."""
    return _window(report.date, report.date_precision or "day")


@lru_cache(maxsize=65536)
def _window(date: str | None, precision: str) -> tuple[dt.date, dt.date] | None:
    value = date or ""
    if precision == "month":
        value = value[:7]
    elif precision == "year":
        value = value[:4]
    span = parse_date(value)
    if span is None:
        return None
    first, last = span
    if precision == "week":
        first, last = first - dt.timedelta(days=3), last + dt.timedelta(days=3)
    return first, last


def slack(report: Report) -> int:
    return INFERRED_SLACK_DAYS if report.date_inferred else SLACK_DAYS


def dates_agree(a: Report, b: Report) -> bool:
    """The two windows are at most the larger slack apart."""
    window_a, window_b = date_window(a), date_window(b)
    if window_a is None or window_b is None:
        return False
    gap = max((window_b[0] - window_a[1]).days, (window_a[0] - window_b[1]).days, 0)
    return gap <= max(slack(a), slack(b))


def coarse_date(report: Report) -> bool:
    return report.date_precision in ("month", "year")


def distance_km(a: Report, b: Report) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def places_agree(a: Report, b: Report) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    precision = max(a.geo_precision or 3, b.geo_precision or 3)
    if precision >= 3:
        return not (a.admin1 and b.admin1 and region_key(a.admin1) != region_key(b.admin1))
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return True
    distance = distance_km(a, b)
    return distance is not None and distance <= PLACE_KM.get(precision, PLACE_KM[2])


@lru_cache(maxsize=4096)
def region_key(name: str) -> str:
    """A region's name reduced to what transliterations agree on: Idleb/Idlib, Al-Anbar/Anbar, Nabatieh/Nabatiyeh."""
    plain = unicodedata.normalize("NFKD", name.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    words = [w for w in re.split(r"[^a-z]+", plain) if w and w not in ("al", "el", "province", "governorate")]
    letters = "".join(words)
    if not letters:  # not in Latin letters: compared as written
        return name.strip().lower()
    return letters[:1] + re.sub(r"[aeiouyw]", "", letters[1:])


def same_site(a: Report, b: Report) -> bool:
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return True
    distance = distance_km(a, b)
    return distance is not None and distance <= SAME_SITE_KM and max(a.geo_precision or 3, b.geo_precision or 3) < 3


def _differ(x: str | None, y: str | None) -> bool:
    return bool(x and y and x != y)


def _side(report: Report, slot: str) -> Side:
    return Side(getattr(report, f"{slot}_id"), getattr(report, f"{slot}_kind"), getattr(report, f"{slot}_country"))


def actors_agree(a: Report, b: Report) -> bool:
    facts = actor_facts()
    crowd = a.type == "PROTEST"
    a1, a2, b1, b2 = _side(a, "actor1"), _side(a, "actor2"), _side(b, "actor1"), _side(b, "actor2")
    if facts.same_side(a1, b1, crowd) and facts.same_side(a2, b2):
        return True
    clash = a.sub_event_type == CLASH or b.sub_event_type == CLASH
    return clash and facts.same_side(a1, b2) and facts.same_side(a2, b1)


def compatible(a: Report, b: Report) -> bool:
    """May `a` and `b` report the same real event? (the rules in this module's docstring)"""
    return a.article_id != b.article_id and alike(a, b)


def alike(a: Report, b: Report) -> bool:
    """`compatible`, their articles aside."""
    if a.type != b.type:
        return False
    if not dates_agree(a, b) or not actors_agree(a, b):
        return False
    same_actor1 = bool(a.actor1_id and a.actor1_id == b.actor1_id)
    if coarse_date(a) or coarse_date(b):
        return same_actor1 and same_site(a, b)
    if a.location_name is None or b.location_name is None:
        return same_actor1 and not _differ(a.country, b.country)
    return places_agree(a, b)


def _profile(report: Report) -> tuple[object, ...]:
    """Everything `compatible` and `similarity` look at besides the article: reports alike in these match alike."""
    return (
        report.date,
        report.date_precision,
        report.date_inferred,
        report.location_name,
        report.country,
        report.admin1,
        report.lat,
        report.lon,
        report.geo_precision,
        report.gazetteer_id,
        report.actor1_id,
        report.actor1_kind,
        report.actor1_country,
        report.actor2_id,
        report.actor2_kind,
        report.actor2_country,
        report.sub_event_type,
        report.weapon,
        report.fatalities,
    )


def similarity(a: Report, b: Report) -> float:
    """How much more than compatible two reports are: higher is likelier one event."""
    score = 0.0
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        score += 2.0
    else:
        distance = distance_km(a, b)
        if distance is not None:
            score += 2.0 * max(0.0, 1.0 - distance / PLACE_KM[2])
    if a.date == b.date and not (a.date_inferred or b.date_inferred):
        score += 1.0
    score += 1.0 if a.actor1_id and a.actor1_id == b.actor1_id else 0.0
    score += 0.5 if a.actor2_id and a.actor2_id == b.actor2_id else 0.0
    score += 1.0 if a.sub_event_type and a.sub_event_type == b.sub_event_type else 0.0
    score += 0.5 if a.weapon and a.weapon == b.weapon else 0.0
    score += 0.5 if a.fatalities is not None and a.fatalities == b.fatalities else 0.0
    return score


@dataclass
class _Unit:
    """Reports of one profile, at most one per article, alike to each other (so to the same others)."""

    first: Report
    window: tuple[dt.date, dt.date]
    members: list[Report]
    articles: set[int]


def _units(items: list[tuple[tuple[dt.date, dt.date], Report]]) -> list[_Unit]:
    units: list[_Unit] = []
    by_profile: dict[tuple[object, ...], list[_Unit]] = {}
    for window, report in items:
        family = by_profile.setdefault(_profile(report), [])
        unit = next((u for u in family if report.article_id not in u.articles), None)
        if unit is None or not alike(report, report):  # a profile may not match itself (no place, no actor)
            unit = _Unit(report, window, [], set())
            family.append(unit)
            units.append(unit)
        unit.members.append(report)
        unit.articles.add(report.article_id)
    return units


def cluster_reports(reports: Iterable[Report]) -> list[list[Report]]:
    """Groups of reports of one event each; every report is in exactly one group."""
    done: list[list[Report]] = []
    by_type: dict[str, list[tuple[tuple[dt.date, dt.date], Report]]] = {}
    for report in reports:
        window = date_window(report)
        if window is None:
            done.append([report])
        else:
            by_type.setdefault(report.type, []).append((window, report))
    for items in by_type.values():
        items.sort(key=lambda item: (item[0][0], item[1].published or "", item[1].uid))
        done.extend(_best_first(_units(items)))
    return done


def _best_first(units: list[_Unit]) -> list[list[Report]]:
    """Complete-linkage clusters of the units, the most alike pairs joined first (ties: the earlier first)."""
    reach = dt.timedelta(days=INFERRED_SLACK_DAYS)
    pairs: list[tuple[float, int, int]] = []
    linked: set[tuple[int, int]] = set()
    for i, unit in enumerate(units):  # units are in order of their first day: look ahead while dates may agree
        for j in range(i + 1, len(units)):
            other = units[j]
            if other.window[0] > unit.window[1] + reach:
                break
            a, b = unit.first, other.first
            if a.country and b.country and a.country != b.country:
                continue
            if alike(a, b):
                pairs.append((-similarity(a, b), i, j))
                linked.add((i, j))
    owner = list(range(len(units)))  # the cluster each unit is in, named by one of its units
    groups: dict[int, list[int]] = {i: [i] for i in range(len(units))}
    articles: dict[int, set[int]] = {i: set(u.articles) for i, u in enumerate(units)}
    for _, i, j in sorted(pairs):
        left, right = owner[i], owner[j]
        if left == right or articles[left] & articles[right]:
            continue
        if not all((min(x, y), max(x, y)) in linked for x in groups[left] for y in groups[right]):
            continue
        groups[left].extend(groups[right])
        articles[left] |= articles.pop(right)
        for moved in groups.pop(right):
            owner[moved] = left
    return [[report for index in members for report in units[index].members] for members in groups.values()]
