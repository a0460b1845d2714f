"""Cross-article deduplication: reports of one real event grouped into a cluster.

Two reports may describe the same event when all of these hold:

- the same PLOVER type;
- their dates, each widened to its precision (a day; a week ±3 days; a whole
  month or year), are at most SLACK_DAYS apart (INFERRED_SLACK_DAYS when a date
  was only taken from the publication day);
- their places agree: for towns and sites (geo_precision 1) within
  PLACE_KM[1] km, for nearby or larger areas (2) within PLACE_KM[2] km, and when
  either is only a region or country (3), the same country and no two different
  admin1 regions. A report without a place matches only on the same named actor1.
  A month- or year-precise date needs the same place and the same actor1;
- their actors do not contradict: two different known actor ids in one role
  are incompatible (in an armed clash the two sides may be given either way round);
- they come from different articles (one article's events are already merged).

Clustering is greedy complete-linkage: reports are taken in date order, and one
joins the closest open cluster all of whose members it matches.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

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
        return not (a.admin1 and b.admin1 and a.admin1 != b.admin1)
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return True
    distance = distance_km(a, b)
    return distance is not None and distance <= PLACE_KM.get(precision, PLACE_KM[2])


def same_site(a: Report, b: Report) -> bool:
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return True
    distance = distance_km(a, b)
    return distance is not None and distance <= SAME_SITE_KM and max(a.geo_precision or 3, b.geo_precision or 3) < 3


def _differ(x: str | None, y: str | None) -> bool:
    return bool(x and y and x != y)


def actors_agree(a: Report, b: Report) -> bool:
    straight = not _differ(a.actor1_id, b.actor1_id) and not _differ(a.actor2_id, b.actor2_id)
    if straight:
        return True
    clash = a.sub_event_type == CLASH or b.sub_event_type == CLASH
    return clash and not _differ(a.actor1_id, b.actor2_id) and not _differ(a.actor2_id, b.actor1_id)


def compatible(a: Report, b: Report) -> bool:
    """May `a` and `b` report the same real event? (the rules in this module's docstring)"""
    if a.type != b.type or a.article_id == b.article_id:
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
    """Everything `compatible` looks at besides the article: reports alike in these match alike."""
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
        report.actor2_id,
        report.sub_event_type,
    )


@dataclass
class _Open:
    members: list[Report] = field(default_factory=list)
    profiles: dict[tuple[object, ...], Report] = field(default_factory=dict)  # one member per distinct profile
    articles: set[int] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    last_day: dt.date = dt.date.min

    def add(self, report: Report, last_day: dt.date) -> None:
        self.members.append(report)
        self.profiles.setdefault(_profile(report), report)
        self.articles.add(report.article_id)
        if report.country:
            self.countries.add(report.country)
        self.last_day = max(self.last_day, last_day)

    def may_take(self, report: Report) -> bool:
        """Cheap checks first: not the same article twice, no member in another country."""
        if report.article_id in self.articles:
            return False
        return not (report.country and self.countries and self.countries != {report.country})


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
        open_clusters: list[_Open] = []
        for window, report in items:
            horizon = window[0] - dt.timedelta(days=INFERRED_SLACK_DAYS)
            done.extend(c.members for c in open_clusters if c.last_day < horizon)
            open_clusters = [c for c in open_clusters if c.last_day >= horizon]
            best = _best(open_clusters, report)
            if best is None:
                best = _Open()
                open_clusters.append(best)
            best.add(report, window[1])
        done.extend(c.members for c in open_clusters)
    return done


def _best(candidates: list[_Open], report: Report) -> _Open | None:
    """The open cluster whose every member the report matches, the nearest one if several."""
    best: _Open | None = None
    best_key: tuple[float, int] | None = None
    for cluster in candidates:
        if not cluster.may_take(report):
            continue
        if not all(compatible(report, m) for m in cluster.profiles.values()):
            continue
        distances = [d for d in (distance_km(report, m) for m in cluster.profiles.values()) if d is not None]
        key = (sum(distances) / len(distances) if distances else 1e9, -len(cluster.members))
        if best_key is None or key < best_key:
            best, best_key = cluster, key
    return best
