"""`rasad eval GOLD_DIR…` (score the pipeline on gold articles) and `rasad eval-ner FILE` (NER benchmarks)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from rasad.cli.options import build_pipeline, utf8_stdout
from rasad.evaluate import evaluate_gold, load_gold
from rasad.evaluate.ner import FORMATS, evaluate_sentences, read_corpus
from rasad.evaluate.report import render, render_ner, report_data, write_report


@click.command("eval")
@click.argument("gold_dirs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--texts",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder holding the article texts, when they are not beside the gold files.",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the full report as JSON here.",
)
def eval_command(gold_dirs: tuple[Path, ...], texts: Path | None, report_path: Path | None) -> None:
    """Run the pipeline on every *.gold.json article of GOLD_DIRS and score it (exit 1 if a gold file is bad)."""
    utf8_stdout()
    articles, errors = load_gold(gold_dirs, texts)
    for error in errors:
        click.echo(f"rasad: error: {error}", err=True)
    problems = [str(error) for error in errors]
    result, documents = evaluate_gold(articles, build_pipeline())
    problems += [
        f"{a.id}: {p['code']} {p['message']}"
        for a, d in zip(articles, documents, strict=True)
        for p in d.get("problems", [])
    ]
    click.echo(render(result, problems))
    if report_path is not None:
        write_report(report_path, report_data(result, [str(d) for d in gold_dirs], problems))
    sys.exit(1 if errors else 0)


@click.command("eval-ner")
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    default=None,
    help="pipe: token|TAG (PEYMA); conll: token<TAB>TAG (ParsTwiNER). Detected from the first line when omitted.",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N sentences.")
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the scores as JSON here.",
)
def eval_ner_command(corpus: Path, fmt: str | None, limit: int | None, report_path: Path | None) -> None:
    """Strict span-level NER scores of the pipeline on a token-per-line CORPUS file."""
    utf8_stdout()
    try:
        corpus_format, sentences = read_corpus(corpus, fmt, limit)
    except UnicodeDecodeError as error:
        raise click.ClickException(
            f"{corpus}: not UTF-8 text ({error.reason} at byte {error.start})"
        ) from None
    except ValueError as error:  # a malformed line, named by file and line number
        raise click.ClickException(str(error)) from None
    result = evaluate_sentences(sentences, corpus_format, build_pipeline(), str(corpus))
    click.echo(render_ner(result))
    if report_path is not None:
        write_report(report_path, result.to_dict())
