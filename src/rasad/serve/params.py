"""The query string of /api/events and /api/stats (and of the page's URL) → an EventQuery.

The filters are export's (rasad.store.EventFilter) plus a full-text `q`; lists
may be given as repeated parameters (`type=A&type=B`) or comma-separated
(`type=A,B`). A bad value raises BadParameter, which the API turns into a 400
naming the parameter.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasad.errors import InputError
from rasad.ingest.dates import parse_published
from rasad.store import EventFilter

FORMATS = ("json", "geojson", "csv")
SORT_KEYS = ("date", "fatalities", "injured", "country", "type", "reports", "updated", "location")
DEFAULT_SORT = "-date"
DEFAULT_LIMIT = 100
MAX_Q_LENGTH = 200


class BadParameter(ValueError):
    """A query parameter that cannot be used; `name` is the parameter."""

    def __init__(self, name: str, message: str) -> None:
        self.name = name
        super().__init__(f"{name}: {message}")


@dataclass(frozen=True)
class EventQuery:
    where: EventFilter = EventFilter()
    q: str | None = None
    sort: str = DEFAULT_SORT
    limit: int = DEFAULT_LIMIT
    offset: int = 0


def split_list(values: list[str] | None) -> tuple[str, ...]:
    """Repeated and comma-separated values, stripped, empty ones dropped, order kept."""
    found: list[str] = []
    for value in values or []:
        found.extend(part.strip() for part in value.split(",") if part.strip())
    return tuple(dict.fromkeys(found))


def parse_date(name: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        return parse_published(value)
    except InputError as error:
        raise BadParameter(name, str(error)) from None


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None or not value.strip():
        return None
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in value.split(","))
    except ValueError:
        raise BadParameter("bbox", "expected MIN_LON,MIN_LAT,MAX_LON,MAX_LAT, e.g. 44,25,63.5,40") from None
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise BadParameter("bbox", "longitudes in -180..180 and latitudes in -90..90, the minimum first")
    return min_lon, min_lat, max_lon, max_lat


def parse_countries(values: list[str] | None) -> tuple[str, ...]:
    countries = tuple(c.upper() for c in split_list(values))
    for country in countries:
        if len(country) != 3 or not country.isalpha():
            raise BadParameter("country", f"{country!r} is not an ISO 3166-1 alpha-3 code such as IRN")
    return countries


def parse_sort(value: str | None) -> str:
    sort = (value or DEFAULT_SORT).strip()
    if sort.lstrip("-") not in SORT_KEYS:
        raise BadParameter("sort", f"{sort!r}: choose one of {', '.join(SORT_KEYS)} (prefix - for descending)")
    return sort


def parse_q(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_Q_LENGTH:
        raise BadParameter("q", f"at most {MAX_Q_LENGTH} characters")
    return value.strip()


def parse_filter(
    since: str | None = None,
    until: str | None = None,
    country: list[str] | None = None,
    types: list[str] | None = None,
    actor: list[str] | None = None,
    bbox: str | None = None,
) -> EventFilter:
    where = EventFilter(
        since=parse_date("since", since),
        until=parse_date("until", until),
        countries=parse_countries(country),
        types=split_list(types),
        actors=split_list(actor),
        bbox=parse_bbox(bbox),
    )
    if where.since and where.until and where.since > where.until:
        raise BadParameter("until", f"{where.until} is before since={where.since}")
    return where


def parse_page(limit: int | None, offset: int | None, max_limit: int) -> tuple[int, int]:
    chosen = DEFAULT_LIMIT if limit is None else limit
    if not 1 <= chosen <= max_limit:
        raise BadParameter("limit", f"between 1 and {max_limit}")
    start = offset or 0
    if start < 0:
        raise BadParameter("offset", "0 or more")
    return chosen, start


def parse_format(value: str | None) -> str:
    fmt = (value or "json").strip().lower()
    if fmt not in FORMATS:
        raise BadParameter("format", f"{fmt!r}: choose one of {', '.join(FORMATS)}")
    return fmt
