"""Every problem rasad reports about its input, numbered so it can be grepped and tested."""

from __future__ import annotations

from rasad.model import Problem

MESSAGES: dict[str, str] = {
    "E101": "cannot read: {detail}",
    "E102": "not text: neither UTF-8 nor Windows-1256 ({detail})",
    "E103": "empty article",
    "E104": "binary data ({detail})",
    "E105": "no Persian text in the article",
    "E106": "looks like an HTML page, not plain text (use `rasad ingest`, which extracts pages)",
    "E107": "too large: {detail}",
    "E110": "line is not JSON: {detail}",
    "E111": "line is not an article: {detail}",
    "E112": "bad date {detail}",
    "E120": "no such file or folder",
    "E121": "unsupported input type {detail}",
    "E130": "the pipeline failed on this article: {detail}",
}


class InputError(Exception):
    """An input that cannot become an article; carries a numbered code."""

    def __init__(self, code: str, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(MESSAGES[code].format(detail=detail))

    def problem(self, origin: str, stage: str = "ingest") -> Problem:
        return Problem(origin=origin, stage=stage, code=self.code, message=str(self))
