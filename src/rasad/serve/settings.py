"""The server's settings: one object, every field with help text (docs/serve.md lists them all).

Only the command line reads flags and the environment; the app gets a finished
ServeSettings. The defaults are the safe ones: the store is opened read-only,
writing endpoints are off until an operator sets a token, CORS is off.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

SERVE_SETTINGS_HELP: dict[str, str] = {
    "db": "the database `rasad ingest` wrote (a SQLite path or a database URL)",
    "token": "API token for POST /api/extract and /api/ingest (Authorization: Bearer TOKEN); None turns both off",
    "writable": "let POST /api/ingest store articles; without it the store is only ever opened read-only",
    "open_extract": "let anyone run POST /api/extract without the token (still rate-limited and size-limited)",
    "cors_origins": "origins allowed to call the API from other sites (CORS); empty means CORS is off",
    "max_body_bytes": "largest request body accepted; a larger one gets 413",
    "rate_limit": "requests per minute one client (IP address) may make; 0 turns the limit off",
    "write_rate_limit": "POST requests per minute one client may make (extraction is costly); 0 turns the limit off",
    "tile_url": "an online tile layer for the map ({z}/{x}/{y} template); None keeps the offline world outline only",
    "tile_attribution": "the attribution shown for the tile layer",
    "cache_size": "GET /api answers kept in memory until the database changes (least recently used go first); 0 turns the cache off",
    "render_cache": "events kept rendered (JSON summary, GeoJSON feature, CSV row, each counting once) until the database changes, "
    "for any page that shows them again; 0 renders every event of every page",
    "workers": "server processes answering requests (each with its own caches); more than 1 needs a read-only server, "
    "and each process then allows 1/workers of the rate limits",
    "max_limit": "the most events one /api/events request may ask for (limit=)",
    "cache_dir": "where the pipeline's name index is cached (for extract and ingest)",
}


@dataclass(frozen=True)
class ServeSettings:
    db: str = "rasad.db"
    token: str | None = None
    writable: bool = False
    open_extract: bool = False
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = 1_000_000
    rate_limit: int = 600
    write_rate_limit: int = 30
    tile_url: str | None = None
    tile_attribution: str = ""
    cache_size: int = 512
    max_limit: int = 10_000
    cache_dir: Path | None = None
    render_cache: int = 20_000
    workers: int = 1


SETTINGS_ENV = "RASAD_SERVE_SETTINGS"  # how `rasad serve --workers N` hands the settings to its worker processes


def settings_json(settings: ServeSettings) -> str:
    values = asdict(settings)
    values["cors_origins"] = list(settings.cors_origins)
    values["cache_dir"] = str(settings.cache_dir) if settings.cache_dir is not None else None
    return json.dumps(values)


def settings_from_json(text: str) -> ServeSettings:
    values = json.loads(text)
    values["cors_origins"] = tuple(values.get("cors_origins") or ())
    values["cache_dir"] = Path(values["cache_dir"]) if values.get("cache_dir") else None
    return ServeSettings(**values)
