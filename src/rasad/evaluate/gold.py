"""Load and validate `rasad.gold/1` files: the hand-made answers the scorer measures against.

A gold folder holds `NNN_slug.gold.json` files; each one's article text is the file
named by `article.file` (or `NNN_slug.txt`), looked up in a `--texts` folder first
and then beside the gold file. Every problem names the file it is about.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

GOLD_SUFFIX = ".gold.json"
SCHEMA_FILE = "gold_schema.json"


class GoldError(Exception):
    """A gold file that cannot be used: unreadable, not JSON, invalid, or without its text."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__(f"{self.path}: " + "; ".join(problems))


@dataclass(frozen=True)
class GoldArticle:
    """One gold answer with the article text it is about."""

    id: str  # the file stem, e.g. "004_rockets_ain_al_asad"
    path: str  # the gold file
    text_path: str
    text: str
    gold: dict[str, Any]

    @property
    def published(self) -> str:
        return str(self.gold["article"]["published"])

    @property
    def outlet(self) -> str | None:
        outlet = self.gold["article"].get("outlet")
        return str(outlet) if outlet is not None else None


@cache
def gold_schema() -> dict[str, Any]:
    """The JSON Schema of `rasad.gold/1` (draft 2020-12), shipped beside this module."""
    schema: dict[str, Any] = json.loads(
        resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    )
    return schema


@cache
def _validator() -> Draft202012Validator:
    schema = gold_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def reasons(error: ValidationError) -> list[str]:
    """The messages of the alternatives a value failed (type mismatches only when nothing else is wrong)."""
    if not error.context:
        return [error.message]
    alternatives = [e for e in error.context if e.validator != "type"] or list(error.context)
    return [reason for e in alternatives for reason in reasons(e)]


def explain(error: ValidationError) -> str:
    """`at $.path: message`; for a value that fits none of several shapes, the most telling reasons why."""
    if not error.context:
        return f"at {error.json_path}: {error.message}"
    deepest = max(error.context, key=lambda e: len(e.absolute_path))
    if len(deepest.absolute_path) > len(error.absolute_path):
        return explain(deepest)
    return f"at {error.json_path}: fits none of the allowed shapes: " + "; ".join(
        dict.fromkeys(reasons(error))
    )


def schema_errors(data: Any) -> list[str]:
    """Every schema violation in `data`, as `at $.path: message`, in document order."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [explain(error) for error in errors]


def consistency_errors(data: dict[str, Any]) -> list[str]:
    """What the schema cannot say: event ids must be unique within the file."""
    ids = [event.get("id") for event in data.get("events", []) if isinstance(event, dict)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1 and isinstance(i, str)})
    return [f"duplicate event id {i!r}" for i in duplicates]


def validate_gold(data: Any, path: Path | str = "<gold>") -> dict[str, Any]:
    """`data` if it is a valid `rasad.gold/1` object; GoldError naming `path` otherwise."""
    problems = schema_errors(data)
    if not problems:
        problems = consistency_errors(data)
    if problems:
        raise GoldError(path, problems)
    result: dict[str, Any] = data
    return result


def read_gold_json(path: Path) -> dict[str, Any]:
    """The parsed and validated gold file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(path, [f"cannot read: {error}"]) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise GoldError(
            path, [f"not JSON: {error.msg} at line {error.lineno} column {error.colno}"]
        ) from None
    return validate_gold(data, path)


def gold_stem(path: Path) -> str:
    name = path.name
    return name[: -len(GOLD_SUFFIX)] if name.endswith(GOLD_SUFFIX) else path.stem


def text_candidates(path: Path, gold: dict[str, Any], texts: Path | None = None) -> list[Path]:
    """Where the article text may be, in order: the `--texts` folder, then beside the gold file."""
    names = [str(gold["article"]["file"]), gold_stem(path) + ".txt"]
    folders = ([texts] if texts is not None else []) + [path.parent]
    seen: list[Path] = []
    for folder in folders:
        for name in names:
            candidate = folder / name
            if candidate not in seen:
                seen.append(candidate)
    return seen


def load_gold_file(path: Path, texts: Path | None = None) -> GoldArticle:
    """One gold file and its article text; GoldError naming the file if either is unusable."""
    gold = read_gold_json(path)
    candidates = text_candidates(path, gold, texts)
    text_path = next((c for c in candidates if c.is_file()), None)
    if text_path is None:
        tried = ", ".join(str(c) for c in candidates)
        raise GoldError(path, [f"article text not found (tried {tried})"])
    try:
        text = text_path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(path, [f"cannot read article text {text_path}: {error}"]) from None
    return GoldArticle(id=gold_stem(path), path=str(path), text_path=str(text_path), text=text, gold=gold)


def gold_files(folder: Path) -> list[Path]:
    """Every `*.gold.json` directly in `folder`, sorted by name."""
    return sorted(folder.glob("*" + GOLD_SUFFIX))


def load_gold(
    folders: Iterable[Path], texts: Path | None = None
) -> tuple[list[GoldArticle], list[GoldError]]:
    """All gold articles of the folders (a gold file may also be given directly), and the files that failed.

    One bad file never hides the others: its GoldError is returned beside the good articles.
    """
    articles: list[GoldArticle] = []
    errors: list[GoldError] = []
    for folder in folders:
        if folder.is_file():
            paths = [folder]
        elif folder.is_dir():
            paths = gold_files(folder)
            if not paths:
                errors.append(GoldError(folder, [f"no *{GOLD_SUFFIX} files in this folder"]))
        else:
            errors.append(GoldError(folder, ["no such file or folder"]))
            continue
        for path in paths:
            try:
                articles.append(load_gold_file(path, texts))
            except GoldError as error:
                errors.append(error)
    return articles, errors
