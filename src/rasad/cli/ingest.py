"""`rasad ingest SOURCE… [--db PATH_OR_URL] …`: read news into the store, extract events, merge reports."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

import click
from click.decorators import FC
from sqlalchemy.exc import SQLAlchemyError

from rasad.cli.options import published_option
from rasad.config import Settings, default_cache_dir
from rasad.ingest.csv_archive import CsvColumns
from rasad.ingest.fetch import Fetcher, FetchSettings
from rasad.ingest.files import ArticleDefaults
from rasad.ingest.job import IngestOptions, IngestReport, ingest
from rasad.ingest.progress import Progress
from rasad.ingest.sources import SourceOptions, read_sources
from rasad.store import Store, StoreError, display_target

MAX_LISTED_WARNINGS = 5


def _column(name: str, what: str) -> Callable[[FC], FC]:
    return click.option(f"--{name}-column", f"{name}_column", metavar="NAME", help=f"CSV column with {what} [default: {name}].")


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--db",
    default="rasad.db",
    show_default=True,
    help="SQLite file (created if missing) or PostgreSQL URL, postgresql://USER:PASSWORD@HOST[:PORT]/DATABASE (the database must exist).",
)
@click.option("--published", callback=published_option, help="Publication date for articles that carry none (Jalali accepted).")
@click.option("--outlet", help="Outlet name for articles that do not name one.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Extraction processes [default: one per CPU].")
@_column("text", "the article's text")
@_column("id", "the article's id")
@_column("title", "the title")
@_column("url", "the URL")
@_column("published", "the publication date")
@_column("outlet", "the outlet name")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True, help="Seconds to wait for a web server.")
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True, help="Further attempts after a failed download.")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True, help="Seconds between two requests to one host.")
@click.option("--max-size", type=click.FloatRange(min=0.01), default=10.0, show_default=True, help="Largest download, in MB.")
@click.option("--reprocess", is_flag=True, help="Extract again and replace articles already stored unchanged.")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True, help="Articles per database transaction.")
@click.option("--progress/--no-progress", default=True, show_default=True, help="Show the progress line on stderr.")
def ingest_command(
    sources: tuple[str, ...],
    db: str,
    published: str | None,
    outlet: str | None,
    workers: int | None,
    text_column: str | None,
    id_column: str | None,
    title_column: str | None,
    url_column: str | None,
    published_column: str | None,
    outlet_column: str | None,
    timeout: float,
    retries: int,
    delay: float,
    max_size: float,
    reprocess: bool,
    batch_size: int,
    progress: bool,
) -> None:
    """Read news into a database: .txt, folders, .jsonl, .csv, saved .html pages, RSS/Atom feeds, URLs, - (stdin).

    Each article is extracted once; running again adds only what is new or changed.
    Reports of one event from several articles are merged into clusters (`rasad cluster`).
    """
    fetcher = Fetcher(FetchSettings(timeout=timeout, retries=retries, per_host_delay=delay, max_bytes=int(max_size * 1024 * 1024)))
    options = SourceOptions(
        defaults=ArticleDefaults(published=published, outlet=outlet),
        columns=CsvColumns(text_column, id_column, title_column, url_column, published_column, outlet_column),
        fetcher=fetcher,
    )
    job = IngestOptions(
        workers=workers or os.cpu_count() or 1,
        batch_size=batch_size,
        reprocess=reprocess,
        settings=Settings(cache_dir=default_cache_dir()),
    )
    try:
        store = Store.open(db)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    try:
        items = read_sources(list(sources), options, stdin=sys.stdin.buffer)
        report = ingest(items, store, job, Progress() if progress else None)
        counts = store.counts()
    except (StoreError, SQLAlchemyError) as error:
        raise click.ClickException(f"{display_target(db)}: database error, batches stored so far are kept ({error})") from None
    finally:
        fetcher.close()
        store.close()
    print_summary(report, display_target(db), counts)
    sys.exit(1 if report.skipped else 0)


def print_summary(report: IngestReport, db: str, counts: dict[str, int]) -> None:
    """The end-of-run summary on stderr."""
    rate = report.read / report.seconds if report.seconds > 0 else 0.0
    echo = lambda text: click.echo(text, err=True)  # noqa: E731
    echo(f"rasad: read {report.read} articles in {report.seconds:.1f} s ({rate:.1f} articles/s): {report.detail()}")
    echo(
        f"rasad: {report.events} events found in new and updated articles; {db} holds "
        f"{counts['articles']} articles, {counts['events']} events in {counts['clusters']} clusters"
    )
    for code, number in sorted(report.warning_counts().items()):
        examples = [p for p in report.warnings if p.code == code]
        echo(f"rasad: warning {code} ×{number}: {examples[0].message}")
        for problem in examples[:MAX_LISTED_WARNINGS]:
            echo(f"  - {problem.origin}")
        if number > MAX_LISTED_WARNINGS:
            echo(f"  … and {number - MAX_LISTED_WARNINGS} more")
    if report.skipped:
        echo(f"rasad: skipped {len(report.skipped)} inputs:")
        for problem in report.skipped:
            echo(f"  - {problem.origin}: {problem.code} {problem.message}")
