"""Numbered problems of the ingest sources (pages, feeds, CSV archives, URLs), beside rasad.errors.

The codes continue rasad.errors' numbering in their own range (E2xx errors, W2xx
warnings) so both tables can be merged into errors.py without renumbering.
"""

from __future__ import annotations

from rasad.errors import InputError
from rasad.model import Problem

SOURCE_MESSAGES: dict[str, str] = {
    "E201": "not an RSS/Atom feed: it is an HTML page",
    "E202": "not a valid RSS/Atom feed ({detail})",
    "E203": "no main text found in the page{detail}",
    "E204": "the text is not Persian ({detail})",
    "E205": "CSV archive has no column {detail}",
    "E206": "not a readable CSV archive ({detail})",
    "E210": "timed out ({detail})",
    "E211": "HTTP error {detail}",
    "E212": "cannot connect ({detail})",
    "E213": "response too large: {detail}",
    "E214": "unsupported content type {detail}",
    "E215": "not a valid URL ({detail})",
}

WARNING_MESSAGES: dict[str, str] = {
    "W201": "no publication date: dates like «yesterday» stay unresolved (give one with --published)",
    "W202": "feed has no entries",
    "W203": "publication date {detail} not understood, ignored",
    "W204": "malformed feed ({detail}); its entries were read as far as possible",
}


class SourceError(InputError):
    """An input from a page, feed, archive or URL that cannot become an article."""

    def __init__(self, code: str, detail: str = "") -> None:  # noqa: D107 - same contract as InputError
        self.code = code
        self.detail = detail
        Exception.__init__(self, SOURCE_MESSAGES[code].format(detail=detail))


def warning(code: str, origin: str, detail: str = "") -> Problem:
    """A warning Problem: the article was kept, with a caveat."""
    return Problem(origin=origin, stage="ingest", code=code, message=WARNING_MESSAGES[code].format(detail=detail), severity="warning")
