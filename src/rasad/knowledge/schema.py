"""Typed entries of the knowledge base and their validation (docs/knowledge.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

ACTOR_KINDS = frozenset(
    "military police security government armed-group militia party coalition igo ngo civilians "
    "protesters media person rebel border-guard foreign-ministry defense-ministry religious source".split()
)
SITE_KINDS = frozenset(
    "base airfield oilfield camp crossing dam district village town neighbourhood prison port site region "
    "mountain river island city admin1 country sea strait plant refinery".split()
)
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


class KnowledgeError(ValueError):
    """A knowledge file is wrong; the message names the file and the entry."""


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    country: str | None
    inter: int
    fa: tuple[str, ...]
    en: tuple[str, ...] = ()
    parent: str | None = None
    generic: bool = False  # «مهاجمان», «تروریست‌ها»: a description, not a named actor
    seat: str | None = None  # an international body's seat (ISO3): where its decisions are coded


@dataclass(frozen=True)
class ForceNoun:
    suffix: str
    kind: str
    inter: int
    name: str  # template with {country}
    fa: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    fa: tuple[str, ...]
    office: str | None
    org: str | None
    country: str | None


@dataclass(frozen=True)
class Title:
    fa: tuple[str, ...]
    en: str
    kind: str


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    fa: tuple[str, ...]
    adjectives: tuple[str, ...]
    capital_fa: tuple[str, ...]
    lat: float
    lon: float


@dataclass(frozen=True)
class Place:
    """A point in the gazetteer: a site, a town, a first-level region or a country."""

    id: str
    name: str
    fa: tuple[str, ...]
    kind: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int = 0
    source: str = "site"  # site | admin1 | country | geonames | user
    owner: str | None = None  # the actor whose forces a base or post holds (places/site_owners.yaml)


@dataclass(frozen=True)
class Weapon:
    id: str
    name: str
    fa: tuple[str, ...]
    mode: str | None
    acled_sub: str | None
    unit: str | None


def strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    """A list of non-empty strings (or one string) as a tuple; KnowledgeError otherwise."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeError(f"{where}: '{key}' must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def require(entry: dict[str, Any], keys: list[str], where: str) -> None:
    missing = [k for k in keys if entry.get(k) in (None, "", [])]
    if missing:
        raise KnowledgeError(f"{where}: missing {', '.join(missing)}")


def check_known_keys(entry: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = set(entry) - allowed
    if unknown:
        raise KnowledgeError(f"{where}: unknown keys {', '.join(sorted(unknown))}")


def check_id(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise KnowledgeError(f"{where}: id {value!r} must be lowercase ascii letters, digits and hyphens")
    return value


def check_country(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO3.match(value):
        raise KnowledgeError(f"{where}: country {value!r} must be ISO 3166-1 alpha-3 or null")
    return value


def check_coordinates(lat: Any, lon: Any, where: str) -> tuple[float, float]:
    try:
        latitude, longitude = float(lat), float(lon)
    except (TypeError, ValueError):
        raise KnowledgeError(f"{where}: lat/lon must be numbers, got {lat!r}, {lon!r}") from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise KnowledgeError(f"{where}: lat/lon out of range: {latitude}, {longitude}")
    return latitude, longitude


def actor_from(entry: dict[str, Any], where: str) -> Actor:
    check_known_keys(entry, {"id", "name", "kind", "country", "inter", "fa", "en", "parent", "generic", "seat", "note"}, where)
    require(entry, ["id", "name", "kind", "inter", "fa"], where)
    kind = entry["kind"]
    if kind not in ACTOR_KINDS:
        raise KnowledgeError(f"{where}: kind {kind!r} is not one of {', '.join(sorted(ACTOR_KINDS))}")
    inter = entry["inter"]
    if not isinstance(inter, int) or not 1 <= inter <= 8:
        raise KnowledgeError(f"{where}: inter must be an ACLED inter code 1–8, got {inter!r}")
    return Actor(
        id=check_id(entry["id"], where),
        name=str(entry["name"]),
        kind=kind,
        country=check_country(entry.get("country"), where),
        inter=inter,
        fa=strings(entry["fa"], where, "fa"),
        en=strings(entry.get("en"), where, "en"),
        parent=entry.get("parent"),
        generic=bool(entry.get("generic", False)),
        seat=check_country(entry.get("seat"), where),
    )


def force_from(entry: dict[str, Any], where: str) -> ForceNoun:
    check_known_keys(entry, {"suffix", "kind", "inter", "name", "fa", "note"}, where)
    require(entry, ["suffix", "kind", "inter", "name", "fa"], where)
    if "{country}" not in entry["name"]:
        raise KnowledgeError(f"{where}: name must contain {{country}}")
    return ForceNoun(entry["suffix"], entry["kind"], int(entry["inter"]), entry["name"], strings(entry["fa"], where, "fa"))


def person_from(entry: dict[str, Any], where: str) -> Person:
    check_known_keys(entry, {"id", "name", "fa", "office", "org", "country", "note"}, where)
    require(entry, ["id", "name", "fa"], where)
    return Person(
        id=check_id(entry["id"], where),
        name=str(entry["name"]),
        fa=strings(entry["fa"], where, "fa"),
        office=entry.get("office"),
        org=entry.get("org"),
        country=check_country(entry.get("country"), where),
    )


def title_from(entry: dict[str, Any], where: str) -> Title:
    check_known_keys(entry, {"fa", "en", "kind", "note"}, where)
    require(entry, ["fa", "en"], where)
    return Title(strings(entry["fa"], where, "fa"), str(entry["en"]), str(entry.get("kind") or "government"))


def country_from(entry: dict[str, Any], where: str) -> Country:
    check_known_keys(entry, {"iso3", "iso2", "name", "fa", "adjectives", "capital_fa", "lat", "lon", "note"}, where)
    require(entry, ["iso3", "name", "fa", "lat", "lon"], where)
    lat, lon = check_coordinates(entry["lat"], entry["lon"], where)
    return Country(
        iso3=check_country(entry["iso3"], where) or "",
        iso2=str(entry.get("iso2") or ""),
        name=str(entry["name"]),
        fa=strings(entry["fa"], where, "fa"),
        adjectives=strings(entry.get("adjectives"), where, "adjectives"),
        capital_fa=strings(entry.get("capital_fa"), where, "capital_fa"),
        lat=lat,
        lon=lon,
    )


def weapon_from(entry: dict[str, Any], where: str) -> Weapon:
    check_known_keys(entry, {"id", "name", "fa", "mode", "acled_sub", "unit", "note"}, where)
    require(entry, ["id", "fa"], where)
    return Weapon(
        id=check_id(entry["id"], where),
        name=str(entry.get("name") or entry["id"]),
        fa=strings(entry["fa"], where, "fa"),
        mode=entry.get("mode"),
        acled_sub=entry.get("acled_sub"),
        unit=entry.get("unit"),
    )


PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()
)


@dataclass(frozen=True)
class Trigger:
    id: str
    fa: tuple[str, ...]
    type: str
    mode: str | None
    acled: tuple[str, str] | None
    strength: str  # strong | weak
    # words right after the trigger that make it another thing («تجمع نظامیان»: troops massed, no protest)
    not_after: tuple[str, ...] = ()


def trigger_from(entry: dict[str, Any], where: str) -> Trigger:
    check_known_keys(entry, {"id", "fa", "type", "mode", "acled", "strength", "not_after", "note"}, where)
    require(entry, ["id", "fa", "type"], where)
    if entry["type"] not in PLOVER_TYPES:
        raise KnowledgeError(f"{where}: type {entry['type']!r} is not a PLOVER type")
    acled = entry.get("acled")
    if acled is not None and (not isinstance(acled, list) or len(acled) != 2):
        raise KnowledgeError(f"{where}: acled must be [event type, sub-event type] or null")
    strength = entry.get("strength") or "strong"
    if strength not in ("strong", "weak"):
        raise KnowledgeError(f"{where}: strength must be strong or weak")
    return Trigger(
        id=check_id(entry["id"], where),
        fa=strings(entry["fa"], where, "fa"),
        type=entry["type"],
        mode=entry.get("mode"),
        acled=(str(acled[0]), str(acled[1])) if acled else None,
        strength=strength,
        not_after=strings(entry.get("not_after") or [], where, "not_after"),
    )
