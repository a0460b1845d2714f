"""`rasad serve [--db rasad.db] [--host 127.0.0.1] [--port 8000]`: the HTTP API and the web page."""

from __future__ import annotations

import click

from rasad.config import default_cache_dir
from rasad.serve.settings import ServeSettings
from rasad.store import Store, StoreError


def build_settings(
    db: str,
    token: str | None,
    writable: bool,
    open_extract: bool,
    cors_origin: tuple[str, ...],
    max_body: int,
    rate_limit: int,
    write_rate_limit: int,
    tile_url: str | None,
    tile_attribution: str,
    cache_size: int = 512,
    render_cache: int = 20_000,
    workers: int = 1,
) -> ServeSettings:
    if writable and not token:
        raise click.UsageError("--writable needs --token (or RASAD_TOKEN): storing is only for the operator")
    if writable and workers > 1:
        raise click.UsageError("--writable needs --workers 1: the store has one writer, and each worker would be another")
    if tile_url and "{z}" not in tile_url:
        raise click.BadParameter("expected a template with {z}, {x} and {y}", param_hint="--tile-url")
    return ServeSettings(
        db=db,
        token=token or None,
        writable=writable,
        open_extract=open_extract,
        cors_origins=tuple(cors_origin),
        max_body_bytes=max_body,
        rate_limit=rate_limit,
        write_rate_limit=write_rate_limit,
        tile_url=tile_url or None,
        tile_attribution=tile_attribution,
        cache_size=cache_size,
        cache_dir=default_cache_dir(),
        render_cache=render_cache,
        workers=workers,
    )


@click.command("serve")
@click.option("--db", default="rasad.db", show_default=True, help="The database `rasad ingest` wrote; opened read-only.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 for every interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--token", envvar="RASAD_TOKEN", help="API token for POST /api/extract and /api/ingest [env: RASAD_TOKEN]; without it both are off.")
@click.option("--writable", is_flag=True, help="Let POST /api/ingest store articles (needs --token); without it the store is only opened read-only.")
@click.option("--open-extract", is_flag=True, help="Let anyone run POST /api/extract without the token (still rate- and size-limited).")
@click.option("--cors-origin", multiple=True, metavar="ORIGIN", help="Allow this origin to call the API (CORS; repeatable). Off by default.")
@click.option("--max-body", type=click.IntRange(min=1024), default=1_000_000, show_default=True, help="Largest request body, in bytes.")
@click.option("--rate-limit", type=click.IntRange(min=0), default=600, show_default=True, help="Requests per minute per client; 0: no limit.")
@click.option("--write-rate-limit", type=click.IntRange(min=0), default=30, show_default=True, help="POST requests per minute per client; 0: no limit.")
@click.option("--cache-size", type=click.IntRange(min=0), default=512, show_default=True, help="API answers cached until the database changes; 0: no cache.")
@click.option(
    "--render-cache", type=click.IntRange(min=0), default=20_000, show_default=True, help="Events kept rendered for lists until the database changes; 0: none."
)
@click.option(
    "--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Server processes (at most one per core helps); each gets 1/N of the rate limits."
)
@click.option("--tile-url", help="Online map tiles, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png [default: offline world outline only].")
@click.option("--tile-attribution", default="", help="Attribution for the tiles, e.g. '© OpenStreetMap contributors'.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info", show_default=True)
def serve_command(
    db: str,
    host: str,
    port: int,
    token: str | None,
    writable: bool,
    open_extract: bool,
    cors_origin: tuple[str, ...],
    max_body: int,
    rate_limit: int,
    write_rate_limit: int,
    cache_size: int,
    render_cache: int,
    workers: int,
    tile_url: str | None,
    tile_attribution: str,
    log_level: str,
) -> None:
    """Serve the events of a database: the JSON API (/api, OpenAPI at /openapi.json) and the web page (/)."""
    import uvicorn

    from rasad.serve.app import create_app
    from rasad.serve.workers import run_workers

    settings = build_settings(
        db, token, writable, open_extract, cors_origin, max_body, rate_limit, write_rate_limit, tile_url, tile_attribution, cache_size, render_cache, workers
    )
    try:
        if workers == 1:
            app = create_app(settings, warm=True)
        else:
            Store.open(db, readonly=True).close()  # a bad --db is reported here, once, not by every worker
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    mode = "writable" if writable else "read-only"
    click.echo(f"rasad: serving {db} at http://{host}:{port}/ ({mode}{f', {workers} processes' if workers > 1 else ''})", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
        return
    if run_workers(settings, host, port, log_level) != 0:
        raise click.ClickException("a server process stopped; the others were stopped too")
