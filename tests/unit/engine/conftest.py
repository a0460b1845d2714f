"""Archives of dev articles (tests/gold) with varied ids and months, and a few bad lines among them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from rasad.config import Settings

ROOT = Path(__file__).resolve().parents[3]
GOLD_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "gold").glob("*.txt"))]
BAD_LINES = ["not json at all", json.dumps({"id": "empty", "text": "  "}), json.dumps({"id": "latin", "text": "no Persian here"})]

MakeArchive = Callable[..., Path]


def archive_lines(count: int, bad_every: int = 0) -> list[str]:
    """`count` articles (gold texts in turn, ids a0…, published over three months), a bad line every `bad_every`."""
    lines: list[str] = []
    for i in range(count):
        if bad_every and i % bad_every == bad_every - 1:
            lines.append(BAD_LINES[(i // bad_every) % len(BAD_LINES)])
        record = {"id": f"a{i}", "text": GOLD_TEXTS[i % len(GOLD_TEXTS)], "published": f"2024-{1 + i % 3:02d}-{10 + i % 15}"}
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines


@pytest.fixture
def make_archive(tmp_path: Path) -> MakeArchive:
    def make(count: int, bad_every: int = 0, name: str = "archive.jsonl") -> Path:
        path = tmp_path / name
        path.write_text("\n".join(archive_lines(count, bad_every)) + "\n", encoding="utf-8")
        return path

    return make


@pytest.fixture(scope="session")
def gold_texts() -> list[str]:
    return GOLD_TEXTS


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings(cache_dir=ROOT / ".cache")
