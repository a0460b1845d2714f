"""Settings: one object, passed in; only the command line reads the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

SETTINGS_HELP = {
    "knowledge_dirs": "extra knowledge folders laid out like knowledge/data; entries override shipped ones by id",
    "cache_dir": "where built indexes (the name lexicon) are cached; None builds them in memory every time",
    "with_geonames": "add GeoNames towns to the gazetteer (slower first build, far better place recall)",
}


@dataclass(frozen=True)
class Settings:
    knowledge_dirs: tuple[Path, ...] = ()
    cache_dir: Path | None = None
    with_geonames: bool = True
    extra: dict[str, str] = field(default_factory=dict)


def default_cache_dir() -> Path:
    """~/.cache/rasad (or $XDG_CACHE_HOME/rasad); called by the command line only."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rasad"
