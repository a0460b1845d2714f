"""Numbered problems of the engines (partitions, workers, the output folder), beside rasad.errors.

The codes continue rasad.errors' numbering in their own range (E3xx) so the table
can be merged into errors.py without renumbering.
"""

from __future__ import annotations

from rasad.errors import InputError

ENGINE_MESSAGES: dict[str, str] = {
    "E301": "partition failed, its articles are missing from the output: {detail}",
    "E302": "output folder {detail}",
    "E303": "engine unavailable: {detail}",
}


class EngineError(InputError):
    """A run that cannot go on as asked (a bad output folder, a missing engine), or a partition given up."""

    def __init__(self, code: str, detail: str = "") -> None:  # same contract as InputError
        self.code = code
        self.detail = detail
        Exception.__init__(self, ENGINE_MESSAGES[code].format(detail=detail))
