"""`rasad mentions FILE… [--published D]`: the mentions of each article as a readable table (for debugging)."""

from __future__ import annotations

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
from rasad.ingest.files import ArticleDefaults, read_inputs
from rasad.model import Doc, Problem


def mention_table(doc: Doc) -> list[str]:
    """One line per mention: kind, normalized span, raw span, value, text."""
    lines = [f"# {doc.article.id} ({len(doc.mentions)} mentions)"]
    for mention in doc.mentions:
        raw_start, raw_end = doc.raw_span(mention.start, mention.end)
        value = mention.ref or ""
        lines.append(
            f"{mention.kind:8s} {mention.start:5d}-{mention.end:<5d} raw {raw_start:5d}-{raw_end:<5d} "
            f"{value:32.32s} {doc.text[mention.start : mention.end]}"
        )
    return lines


@click.command("mentions")
@click.argument("sources", nargs=-1, required=True)
@click.option("--published", callback=published_option, help="Publication date, YYYY-MM-DD (Jalali years accepted).")
@knowledge_option
def mentions_command(sources: tuple[str, ...], published: str | None, knowledge_dirs: tuple[Path, ...]) -> None:
    """Print the mentions found in each article as a table."""
    utf8_stdout()
    pipeline = build_pipeline(knowledge_dirs)
    problems: list[Problem] = []
    total = 0
    for item in pipeline.pipe(read_inputs(list(sources), ArticleDefaults(published=published), stdin=sys.stdin.buffer)):
        total += 1
        if isinstance(item, Problem):
            problems.append(tell(item))
            continue
        click.echo("\n".join(mention_table(item)))
    sys.exit(report_problems(problems, total))
