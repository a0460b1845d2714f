"""`rasad normalize FILE|-`: print the normalized text."""

from __future__ import annotations

import sys

import click

from rasad.cli.options import report_problems, tell, utf8_stdout
from rasad.ingest.files import ArticleDefaults, read_inputs
from rasad.model import Problem
from rasad.normalize import Normalizer


@click.command("normalize")
@click.argument("sources", nargs=-1, required=True)
def normalize_command(sources: tuple[str, ...]) -> None:
    """Print the normalized text of each article (FILE, folder, .jsonl, or - for stdin)."""
    utf8_stdout()
    normalizer = Normalizer()
    problems: list[Problem] = []
    total = 0
    for item in read_inputs(list(sources), ArticleDefaults(), stdin=sys.stdin.buffer):
        total += 1
        if isinstance(item, Problem):
            problems.append(tell(item))
            continue
        click.echo(normalizer(item).text)
    sys.exit(report_problems(problems, total))
