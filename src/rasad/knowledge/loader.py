"""Load, validate and merge the knowledge files: shipped data first, user folders on top (by id)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import yaml

from rasad.knowledge.schema import (
    SITE_KINDS,
    Actor,
    Country,
    ForceNoun,
    KnowledgeError,
    Person,
    Place,
    Title,
    Trigger,
    Weapon,
    actor_from,
    check_coordinates,
    check_country,
    check_id,
    country_from,
    force_from,
    person_from,
    title_from,
    trigger_from,
    weapon_from,
)
from rasad.knowledge.yamlfile import load_yaml

SHIPPED = Path(__file__).parent / "data"
T = TypeVar("T")


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything rasad knows, keyed by id. Immutable once loaded."""

    actors: dict[str, Actor] = field(default_factory=dict)
    forces: tuple[ForceNoun, ...] = ()
    people: dict[str, Person] = field(default_factory=dict)
    titles: tuple[Title, ...] = ()
    countries: dict[str, Country] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)  # curated: admin1, sites, user places
    weapons: dict[str, Weapon] = field(default_factory=dict)
    triggers: dict[str, Trigger] = field(default_factory=dict)
    sources: tuple[str, ...] = ()  # the files it was read from


def _yaml_entries(path: Path) -> Iterator[tuple[dict[str, Any], str]]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = load_yaml(handle)
    except yaml.YAMLError as error:
        raise KnowledgeError(f"{path}: not valid YAML: {error}") from None
    if data is None:
        return
    if not isinstance(data, list):
        raise KnowledgeError(f"{path}: expected a YAML list of entries")
    for index, entry in enumerate(data, start=1):
        where = f"{path} entry {index}"
        if isinstance(entry, dict) and entry.get("id"):
            where += f" ({entry['id']})"
        if not isinstance(entry, dict):
            raise KnowledgeError(f"{where}: expected a mapping")
        yield entry, where


def _tsv_rows(path: Path, columns: list[str]) -> Iterator[tuple[dict[str, str], str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None:
            return
        if [h.strip() for h in header[: len(columns)]] != columns:
            raise KnowledgeError(f"{path} line 1: header must start with {' '.join(columns)}")
        for number, row in enumerate(reader, start=2):
            if not row or not "".join(row).strip() or row[0].startswith("#"):
                continue
            if len(row) < len(columns):
                raise KnowledgeError(f"{path} line {number}: expected {len(columns)} columns, got {len(row)}")
            yield dict(zip(columns, (cell.strip() for cell in row), strict=False)), f"{path} line {number}"


def _by_id(items: list[tuple[T, str]], key: Callable[[T], str]) -> dict[str, T]:
    """Index by id (duplicates inside one layer were rejected by `_no_duplicates`)."""
    return {key(item): item for item, _where in items}


def _files(folder: Path, pattern: str) -> list[Path]:
    return sorted(folder.glob(pattern)) if folder.is_dir() else []


def _load_layer(root: Path) -> dict[str, Any]:
    """One knowledge folder (shipped or user)."""
    actors: list[tuple[Actor, str]] = []
    forces: list[ForceNoun] = []
    for path in _files(root / "actors", "*.yaml"):
        for entry, where in _yaml_entries(path):
            if path.name == "forces.yaml":
                forces.append(force_from(entry, where))
            else:
                actors.append((actor_from(entry, where), where))
    _no_duplicates(actors, lambda a: a.id)
    people: list[tuple[Person, str]] = []
    titles: list[Title] = []
    for path in _files(root / "people", "*.yaml"):
        for entry, where in _yaml_entries(path):
            if path.name == "titles.yaml":
                titles.append(title_from(entry, where))
            else:
                people.append((person_from(entry, where), where))
    _no_duplicates(people, lambda p: p.id)
    countries = [(country_from(e, w), w) for path in _files(root / "places", "countries.yaml") for e, w in _yaml_entries(path)]
    places: list[tuple[Place, str]] = []
    for path in _files(root / "places", "admin1*.tsv"):
        places.extend((_admin1(row, where), where) for row, where in _tsv_rows(path, ["id", "name", "fa", "country", "lat", "lon"]))
    for path in _files(root / "places", "sites*.tsv"):
        columns = ["id", "name", "fa", "kind", "country", "admin1", "lat", "lon"]
        places.extend((_site(row, where), where) for row, where in _tsv_rows(path, columns))
    _no_duplicates(places, lambda p: p.id)
    weapons = [(weapon_from(e, w), w) for path in _files(root / "weapons", "*.yaml") for e, w in _yaml_entries(path)]
    _no_duplicates(weapons, lambda w: w.id)
    triggers = [(trigger_from(e, w), w) for path in _files(root / "triggers", "*.yaml") for e, w in _yaml_entries(path)]
    _no_duplicates(triggers, lambda t: t.id)
    owners = [(_site_owner(e, w), w) for path in _files(root / "places", "site_owners.yaml") for e, w in _yaml_entries(path)]
    return {
        "site_owners": [pair for pair, _ in owners],
        "triggers": _by_id(triggers, lambda t: t.id),
        "actors": _by_id(actors, lambda a: a.id),
        "forces": forces,
        "people": _by_id(people, lambda p: p.id),
        "titles": titles,
        "countries": {c.iso3: c for c, _ in countries},
        "places": _by_id(places, lambda p: p.id),
        "weapons": _by_id(weapons, lambda w: w.id),
    }


def _no_duplicates(items: list[tuple[T, str]], key: Callable[[T], str]) -> None:
    seen: dict[str, str] = {}
    for item, where in items:
        identifier = key(item)
        if identifier in seen:
            raise KnowledgeError(f"{where}: duplicate id {identifier!r} (first at {seen[identifier]})")
        seen[identifier] = where


def _split_forms(cell: str) -> tuple[str, ...]:
    return tuple(form.strip() for form in cell.split("|") if form.strip())


def _admin1(row: dict[str, str], where: str) -> Place:
    lat, lon = check_coordinates(row["lat"], row["lon"], where)
    return Place(
        id=check_id(row["id"], where),
        name=row["name"],
        fa=_split_forms(row["fa"]),
        kind="admin1",
        country=check_country(row["country"], where),
        admin1=row["name"],
        lat=lat,
        lon=lon,
        source="admin1",
    )


def _site(row: dict[str, str], where: str) -> Place:
    if row["kind"] not in SITE_KINDS:
        raise KnowledgeError(f"{where}: kind {row['kind']!r} is not one of {', '.join(sorted(SITE_KINDS))}")
    lat, lon = check_coordinates(row["lat"], row["lon"], where)
    return Place(
        id=check_id(row["id"], where),
        name=row["name"],
        fa=_split_forms(row["fa"]),
        kind=row["kind"],
        country=check_country(row["country"] or None, where),  # empty: a sea or region across countries
        admin1=row["admin1"] or None,
        lat=lat,
        lon=lon,
        source="site",
    )


def _site_owner(entry: dict[str, Any], where: str) -> tuple[str, str, str]:
    """`site: <place id>`, `owner: <actor id>`: whose forces a base or post holds."""
    for key in ("site", "owner"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            raise KnowledgeError(f"{where}: {key!r} is required")
    unknown = set(entry) - {"site", "owner", "note"}
    if unknown:
        raise KnowledgeError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    return str(entry["site"]), str(entry["owner"]), where


def _with_owners(places: dict[str, Place], actors: dict[str, Actor], owners: list[tuple[str, str, str]]) -> dict[str, Place]:
    """The places with the owners of their bases set; an owner of an unknown site or actor is an error."""
    owned = dict(places)
    for site, owner, where in owners:
        if site not in owned:
            raise KnowledgeError(f"{where}: unknown site {site!r}")
        if owner not in actors:
            raise KnowledgeError(f"{where}: unknown actor {owner!r}")
        owned[site] = replace(owned[site], owner=owner)
    return owned


def load_knowledge(user_dirs: list[Path] | None = None, shipped: Path = SHIPPED) -> KnowledgeBase:
    """The shipped knowledge with each user folder merged on top (same id: the later one wins)."""
    merged: dict[str, Any] = {
        "actors": {},
        "forces": [],
        "people": {},
        "titles": [],
        "countries": {},
        "places": {},
        "weapons": {},
        "triggers": {},
        "site_owners": [],
    }
    roots = [shipped, *(user_dirs or [])]
    for root in roots:
        if not root.is_dir():
            raise KnowledgeError(f"{root}: knowledge folder not found")
        layer = _load_layer(root)
        for key, value in layer.items():
            if isinstance(value, dict):
                merged[key].update(value)
            else:
                merged[key].extend(value)
    return KnowledgeBase(
        actors=merged["actors"],
        forces=tuple(merged["forces"]),
        people=merged["people"],
        titles=tuple(merged["titles"]),
        countries=merged["countries"],
        places=_with_owners(merged["places"], merged["actors"], merged["site_owners"]),
        weapons=merged["weapons"],
        triggers=merged["triggers"],
        sources=tuple(str(r) for r in roots),
    )
