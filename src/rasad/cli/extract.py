"""`rasad extract FILE… [--published D] [--outlet N] [--url U]`: one rasad.document/1 per line.

With `--out DIR` the articles are cut into partitions and run by an engine (a local
process pool, or a Dask cluster with `--engine dask`) into a Parquet dataset.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from rasad.cli.options import (
    build_pipeline,
    cli_settings,
    knowledge_option,
    published_option,
    report_problems,
    tell,
    utf8_stdout,
)
from rasad.config import Settings
from rasad.engine import DEFAULT_PARTITION_SIZE, ENGINES, EngineError, Job, make_engine, run_job
from rasad.export.document import to_document
from rasad.ingest.files import ArticleDefaults, read_inputs
from rasad.ingest.progress import Progress
from rasad.knowledge.loader import load_knowledge
from rasad.knowledge.schema import KnowledgeError
from rasad.model import Problem


@click.command("extract")
@click.argument("sources", nargs=-1, required=True)
@click.option("--published", callback=published_option, help="Publication date, YYYY-MM-DD (Jalali years accepted).")
@click.option("--outlet", help="Outlet name for articles that do not name one.")
@click.option("--url", help="URL of the article.")
@click.option("--title", help="Title of the article.")
@click.option("--indent", type=int, default=None, help="Pretty-print JSON with this indent (one article only).")
@knowledge_option
@click.option("--out", type=click.Path(path_type=Path), help="Write a Parquet dataset to this folder instead of JSON lines.")
@click.option("--engine", type=click.Choice(ENGINES), help="With --out: run on a local process pool [default] or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: a running scheduler, tcp://HOST:PORT.")
@click.option("--workers", type=click.IntRange(min=1), help="With --out: worker processes started here [default: one per CPU].")
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    help=f"With --out: articles per partition (one task, one file per table and month) [default: {DEFAULT_PARTITION_SIZE}].",
)
@click.option("--progress/--no-progress", default=True, show_default=True, help="With --out: show the progress line on stderr.")
def extract_command(
    sources: tuple[str, ...],
    published: str | None,
    outlet: str | None,
    url: str | None,
    title: str | None,
    indent: int | None,
    knowledge_dirs: tuple[Path, ...],
    out: Path | None,
    engine: str | None,
    scheduler: str | None,
    workers: int | None,
    partition_size: int | None,
    progress: bool,
) -> None:
    """Extract events from articles: .txt files, folders, .jsonl archives, or - for stdin."""
    if out is not None:
        defaults = ArticleDefaults(published=published, outlet=outlet, url=url, title=title)
        _check_engine_options(engine, scheduler, workers, indent)
        job = Job(sources, out, _engine_settings(knowledge_dirs), defaults, partition_size or DEFAULT_PARTITION_SIZE)
        sys.exit(extract_to_dataset(job, engine or "local", scheduler, workers, progress))
    if engine or scheduler or workers or partition_size:
        raise click.UsageError("--engine, --scheduler, --workers and --partition-size need --out DIR")
    utf8_stdout()
    pipeline = build_pipeline(knowledge_dirs)
    defaults = ArticleDefaults(published=published, outlet=outlet, url=url, title=title)
    problems: list[Problem] = []
    total = 0
    for item in pipeline.pipe(read_inputs(list(sources), defaults, stdin=sys.stdin.buffer)):
        total += 1
        if isinstance(item, Problem):
            problems.append(tell(item))
            continue
        problems.extend(tell(p) for p in item.problems)
        click.echo(json.dumps(to_document(item), ensure_ascii=False, indent=indent))
    sys.exit(report_problems(problems, total))


def extract_to_dataset(job: Job, engine: str, scheduler: str | None, workers: int | None, progress: bool) -> int:
    """Run `job` on the engine; the summary on stderr; the exit code (1 if an input was skipped)."""
    try:
        summary = run_job(job, make_engine(engine, scheduler, workers), sys.stdin.buffer, Progress() if progress else None)
    except EngineError as error:
        raise click.UsageError(str(error)) from None
    for line in summary.lines():
        click.echo(line, err=True)
    return 1 if summary.skipped else 0


def _check_engine_options(engine: str | None, scheduler: str | None, workers: int | None, indent: int | None) -> None:
    if indent is not None:
        raise click.UsageError("--indent is for JSON on standard output, not with --out")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if scheduler and workers:
        raise click.UsageError("--workers starts workers here; with --scheduler, start them with `dask worker`")


def _engine_settings(knowledge_dirs: tuple[Path, ...]) -> Settings:
    """Settings for workers elsewhere: absolute knowledge folders, checked here first (a clean error, exit 2)."""
    settings = cli_settings(tuple(path.resolve() for path in knowledge_dirs))
    if knowledge_dirs:
        try:
            load_knowledge(list(settings.knowledge_dirs))
        except KnowledgeError as error:
            raise click.UsageError(f"knowledge: {error}") from None
    return settings
