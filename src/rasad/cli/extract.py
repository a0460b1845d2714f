"""`rasad extract FILE… [--published D] [--outlet N] [--url U]`: one rasad.document/1 per line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from rasad.cli.options import (
    build_pipeline,
    knowledge_option,
    published_option,
    report_problems,
    tell,
    utf8_stdout,
)
from rasad.export.document import to_document
from rasad.ingest.files import ArticleDefaults, read_inputs
from rasad.model import Problem


@click.command("extract")
@click.argument("sources", nargs=-1, required=True)
@click.option("--published", callback=published_option, help="Publication date, YYYY-MM-DD (Jalali years accepted).")
@click.option("--outlet", help="Outlet name for articles that do not name one.")
@click.option("--url", help="URL of the article.")
@click.option("--title", help="Title of the article.")
@click.option("--indent", type=int, default=None, help="Pretty-print JSON with this indent (one article only).")
@knowledge_option
def extract_command(
    sources: tuple[str, ...],
    published: str | None,
    outlet: str | None,
    url: str | None,
    title: str | None,
    indent: int | None,
    knowledge_dirs: tuple[Path, ...],
) -> None:
    """Extract events from articles: .txt files, folders, .jsonl archives, or - for stdin."""
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
