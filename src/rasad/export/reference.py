"""Reference tables for the export formats, read lazily from export/data/ and cached."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Country:
    iso3: str
    iso: int  # ISO 3166-1 numeric, ACLED's `iso` column
    name: str
    region: str  # ACLED region


def _data(name: str) -> str:
    return resources.files("rasad.export").joinpath("data").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    table: dict[str, Country] = {}
    lines = [line for line in _data("countries.tsv").splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:
        iso3, iso, name, region = line.split("\t")
        table[iso3] = Country(iso3, int(iso), name, region)
    return table


def country(iso3: str | None) -> Country | None:
    return countries().get(iso3 or "")


@cache
def table(name: str) -> dict[str, Any]:
    """A YAML file of export/data/ (acled.yaml, plover.yaml, notes.yaml)."""
    loaded = yaml.safe_load(_data(name))
    if not isinstance(loaded, dict):
        raise ValueError(f"export/data/{name}: expected a mapping")
    return loaded
