"""`rasad export --format …` (events out of the store) and `rasad cluster [ID]` (one event's reports side by side)."""

from __future__ import annotations

import json
import shutil
import sys
from typing import IO

import click

from rasad.cli.options import utf8_stdout
from rasad.errors import InputError
from rasad.export.side_by_side import grid, header, listing
from rasad.export.writer import BINARY_FORMATS, FORMATS, write
from rasad.ingest.dates import parse_published
from rasad.store import EventFilter, Store, StoreError
from rasad.store.queries import cluster_with_reports, largest_clusters


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    try:
        return parse_published(value) if value else None
    except InputError as error:
        raise click.BadParameter(str(error)) from None


def _bbox(_ctx: click.Context, _param: click.Parameter, value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in value.split(","))
    except ValueError:
        raise click.BadParameter("expected MIN_LON,MIN_LAT,MAX_LON,MAX_LAT, e.g. 44,25,63.5,40") from None
    if min_lon > max_lon or min_lat > max_lat:
        raise click.BadParameter("the minimum must come before the maximum")
    return min_lon, min_lat, max_lon, max_lat


def _open_store(db: str) -> Store:
    try:
        return Store.open(db, readonly=True)
    except StoreError as error:
        raise click.ClickException(str(error)) from None


@click.command("export")
@click.option("--db", default="rasad.db", show_default=True, help="The database `rasad ingest` wrote: SQLite file or postgresql:// URL.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="acled-csv", show_default=True, help="Output format.")
@click.option("--since", callback=_date, help="Events on or after this date (YYYY-MM-DD, Jalali accepted).")
@click.option("--until", callback=_date, help="Events on or before this date.")
@click.option("--country", multiple=True, help="ISO 3166-1 alpha-3 country of the event (repeatable).")
@click.option("--type", "types", multiple=True, help="PLOVER type, ACLED event type or sub-event type (repeatable).")
@click.option("--actor", multiple=True, help="Part of an actor's id or name (repeatable; all must match).")
@click.option("--bbox", callback=_bbox, help="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT.")
@click.option("--reports", "per_report", is_flag=True, help="One row per report instead of one per real event (cluster).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write [default: standard output].")
def export_command(
    db: str,
    fmt: str,
    since: str | None,
    until: str | None,
    country: tuple[str, ...],
    types: tuple[str, ...],
    actor: tuple[str, ...],
    bbox: tuple[float, float, float, float] | None,
    per_report: bool,
    output: str | None,
) -> None:
    """Export the events of the store: ACLED CSV, PLOVER JSON Lines, GeoJSON or Parquet."""
    where = EventFilter(since, until, country, types, actor, bbox)
    binary = fmt in BINARY_FORMATS
    if binary and not output and sys.stdout.isatty():
        raise click.UsageError(f"{fmt} is binary: write it to a file with -o FILE")
    store = _open_store(db)
    try:
        if output:
            with open(output, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else "") as handle:
                result = write(store, fmt, where, handle, per_report)
        else:
            utf8_stdout()
            stream: IO[str] | IO[bytes] = sys.stdout.buffer if binary else sys.stdout
            result = write(store, fmt, where, stream, per_report)
            stream.flush()
    finally:
        store.close()
    unit = "reports" if per_report else "events"
    click.echo(f"rasad: wrote {result.written} {unit} as {fmt}{' to ' + output if output else ''}", err=True)
    if result.left_out:
        click.echo(f"rasad: {result.left_out} {unit} without coordinates left out of the GeoJSON", err=True)


@click.command("cluster")
@click.argument("cluster_id", required=False)
@click.option("--db", default="rasad.db", show_default=True, help="The database `rasad ingest` wrote: SQLite file or postgresql:// URL.")
@click.option("--json", "as_json", is_flag=True, help="Print the cluster and its reports as JSON.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Clusters listed without an ID.")
@click.option("--rebuild", is_flag=True, help="Regroup every report of the store first (after the rules changed).")
def cluster_command(cluster_id: str | None, db: str, as_json: bool, limit: int, rebuild: bool) -> None:
    """Show one event's reports side by side (CLUSTER_ID or a unique prefix); without an id, list the largest clusters."""
    utf8_stdout()
    if rebuild:
        try:
            writable = Store.open(db)
        except StoreError as error:
            raise click.ClickException(str(error)) from None
        try:
            click.echo(f"rasad: {writable.rebuild_clusters(full=True)} clusters rebuilt", err=True)
        finally:
            writable.close()
    store = _open_store(db)
    try:
        with store.connect() as connection:
            if cluster_id is None:
                found = largest_clusters(connection, limit)
                click.echo(json.dumps(found, ensure_ascii=False, indent=1) if as_json else "\n".join(listing(found)))
                return
            cluster = cluster_with_reports(connection, cluster_id)
    finally:
        store.close()
    if cluster is None:
        raise click.ClickException(f"no cluster {cluster_id!r} (or the prefix is not unique); `rasad cluster` lists them")
    if as_json:
        for report in cluster["reports"]:
            report["data"] = json.loads(report["data"])
        click.echo(json.dumps(cluster, ensure_ascii=False, indent=1))
        return
    width = shutil.get_terminal_size((120, 24)).columns
    click.echo("\n".join(header(cluster) + [""] + grid(cluster["reports"], width)))
