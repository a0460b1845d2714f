"""The ASGI app: `create_app(ServeSettings)` opens the store and wires the API, the pages and the guards.

The store is opened read-only (mode=ro) and read in a few reading threads
(rasad.serve.reading); only with `writable` is a writable store opened, by the
extraction thread alone. Leaflet and its marker-cluster plugin
come from their XStatic packages, so the page works with no internet.
"""

from __future__ import annotations

import math
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit

import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster
from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.staticfiles import StaticFiles

from rasad import __version__
from rasad.config import Settings
from rasad.pipeline import default_pipeline
from rasad.serve import api, errors, pages
from rasad.serve.cache import DatabaseVersion, ResponseCache
from rasad.serve.counts import Counts
from rasad.serve.extraction import Extraction, PipelineFactory
from rasad.serve.guard import BodyLimit, RateLimit, SecurityHeaders
from rasad.serve.reading import ReadPool
from rasad.serve.renderings import Renderings
from rasad.serve.settings import SETTINGS_ENV, ServeSettings, settings_from_json
from rasad.serve.views import warm_caches
from rasad.store import Store

STATIC = Path(__file__).parent / "static"
DESCRIPTION = """Conflict events coded from Persian news by rasad: who did what to whom, where, when,
with the words of each article that support every field. Events are clusters: one real event, its reports merged."""


def tile_origin(url: str | None) -> str | None:
    """The scheme and host of a tile URL template, for the Content-Security-Policy ({s} becomes *)."""
    if not url:
        return None
    parts = urlsplit(url.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None


def share(per_minute: int, workers: int) -> int:
    """One worker's part of a rate limit (0: none). Each worker process keeps its own buckets, and a client's
    connections may reach any of them: with a 1/workers part each, no client ever gets more than the limit."""
    if per_minute <= 0:
        return 0
    return max(1, math.ceil(per_minute / max(1, workers)))


def create_app(settings: ServeSettings, factory: PipelineFactory = default_pipeline, warm: bool = False) -> FastAPI:
    """The app for `settings`; StoreError if the database cannot be opened. `warm` builds the pipeline at start-up."""
    if settings.writable:
        Store.open(settings.db).close()  # create and migrate it now, so the read-only store below can open it
    store = Store.open(settings.db, readonly=True)
    warm_caches()
    extraction = Extraction(settings.db, Settings(cache_dir=settings.cache_dir), factory)
    readers = ReadPool(store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if warm and (settings.token or settings.open_extract):
            extraction.warm()
        yield
        extraction.close()
        readers.close()
        store.close()

    app = FastAPI(title="rasad", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.settings = settings
    app.state.store = store
    app.state.readers = readers
    app.state.extraction = extraction
    errors.install(app)
    app.router.routes.append(api.fast_event_list())  # ahead of api.router's documented GET /api/events
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static/leaflet", StaticFiles(directory=xstatic.pkg.leaflet.BASE_DIR), name="leaflet")
    app.mount("/static/markercluster", StaticFiles(directory=xstatic.pkg.leaflet_markercluster.BASE_DIR), name="markercluster")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    version = DatabaseVersion.of(settings.db)
    app.state.db_version = version
    app.state.renderings = Renderings(version, settings.render_cache)
    app.state.counts = Counts(version)
    app.add_middleware(ResponseCache, version=version, max_entries=settings.cache_size)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    reads, writes = share(settings.rate_limit, settings.workers), share(settings.write_rate_limit, settings.workers)
    app.add_middleware(RateLimit, per_minute=reads, write_per_minute=writes)
    app.add_middleware(SecurityHeaders, tile_origin=tile_origin(settings.tile_url))
    return app


def app_from_environment() -> FastAPI:
    """The app of one worker process of `rasad serve --workers N`: the settings come in $RASAD_SERVE_SETTINGS."""
    return create_app(settings_from_json(os.environ[SETTINGS_ENV]), warm=True)
