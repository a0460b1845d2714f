"""Option parsing shared by commands: metadata flags and the batch report."""

from __future__ import annotations

import sys

import click

from rasad.errors import InputError
from rasad.ingest.dates import parse_published
from rasad.model import Problem


def published_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """Validate --published early: a bad date is a usage error (exit 2)."""
    if value is None:
        return None
    try:
        return parse_published(value)
    except InputError as error:
        raise click.BadParameter(str(error)) from None


def report_problems(problems: list[Problem], total: int) -> int:
    """Print the end-of-batch summary on stderr; the exit code (1 if anything was skipped)."""
    skipped = [p for p in problems if p.severity == "error"]
    if skipped:
        click.echo(f"rasad: skipped {len(skipped)} of {total} inputs:", err=True)
        for problem in skipped:
            click.echo(f"  - {problem.origin}: {problem.code} {problem.message}", err=True)
        return 1
    return 0


def tell(problem: Problem) -> Problem:
    """Print one problem as a one-line message on stderr, as it happens."""
    label = "warning" if problem.severity == "warning" else "error"
    click.echo(f"rasad: {label}: {problem}", err=True)
    return problem


def utf8_stdout() -> None:
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8")
