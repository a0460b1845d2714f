"""The `rasad` command line: one thin click command per module, each calling importable code."""

from __future__ import annotations

import click

from rasad import build
from rasad.cli.evaluate import eval_command, eval_ner_command
from rasad.cli.export import cluster_command, export_command
from rasad.cli.extract import extract_command
from rasad.cli.ingest import ingest_command
from rasad.cli.mentions import mentions_command
from rasad.cli.normalize import normalize_command
from rasad.cli.serve import serve_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rasad", message=f"%(prog)s %(version)s, {build()}")
def main() -> None:
    """rasad (رصد): Persian news in, coded conflict events out."""


main.add_command(normalize_command)
main.add_command(extract_command)
main.add_command(mentions_command)
main.add_command(eval_command)
main.add_command(eval_ner_command)
for _command in (ingest_command, export_command, cluster_command, serve_command):
    main.add_command(_command)
