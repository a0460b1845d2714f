"""Option parsing shared by commands: metadata flags and the batch report."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from rasad.config import Settings, default_cache_dir
from rasad.errors import InputError
from rasad.ingest.dates import parse_published
from rasad.knowledge.schema import KnowledgeError
from rasad.model import Problem
from rasad.pipeline import Pipeline, default_pipeline


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


def knowledge_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """--knowledge DIR (repeatable): user knowledge folders merged over the shipped ones."""
    return click.option(
        "--knowledge",
        "knowledge_dirs",
        multiple=True,
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help="Extra knowledge folder (actors/, places/, … as in docs/knowledge.md); repeatable.",
    )(function)


def cli_settings(knowledge_dirs: tuple[Path, ...] = ()) -> Settings:
    """Settings for a command-line run: the user's cache folder, the given knowledge folders."""
    return Settings(knowledge_dirs=tuple(knowledge_dirs), cache_dir=default_cache_dir())


def build_pipeline(knowledge_dirs: tuple[Path, ...] = ()) -> Pipeline:
    """The default pipeline, or a clean one-line error (exit 2) when a knowledge file is wrong."""
    try:
        return default_pipeline(cli_settings(knowledge_dirs))
    except KnowledgeError as error:
        raise click.UsageError(f"knowledge: {error}") from None
