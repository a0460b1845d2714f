"""Shared by bench/recognize.py and bench/extract.py: the dev articles repeated, timed per stage."""

from __future__ import annotations

import os
import platform
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasad import build
from rasad.config import Settings
from rasad.model import Article, Doc
from rasad.pipeline import Pipeline, default_pipeline

ROOT = Path(__file__).resolve().parents[1]


def dev_articles(min_bytes: int) -> list[Article]:
    """Gold articles (tests/gold), repeated with varied ids until they weigh `min_bytes`."""
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests" / "gold").glob("*.txt"))]
    articles: list[Article] = []
    size = 0
    round_number = 0
    while size < min_bytes:
        for stem, text in texts:
            articles.append(Article(f"{stem}-{round_number}", text, published="2024-04-22"))
            size += len(text.encode("utf-8"))
        round_number += 1
    return articles


def dev_articles_sized(min_bytes: int, article_bytes: int) -> list[Article]:
    """The gold articles' paragraphs, regrouped into articles of about `article_bytes` each, to `min_bytes` in all.

    A paragraph joins the article being built while that brings its size nearer to `article_bytes`.
    """
    paragraphs = [
        line
        for path in sorted((ROOT / "tests" / "gold").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").split("\n")
        if line.strip()
    ]
    articles: list[Article] = []
    pieces: list[str] = []
    size = built = 0
    index = 0
    while built < min_bytes:
        paragraph = paragraphs[index % len(paragraphs)]
        weight = len(paragraph.encode("utf-8")) + 1
        if pieces and abs(size + weight - article_bytes) > abs(size - article_bytes):
            articles.append(Article(f"sized-{len(articles)}", "\n".join(pieces), published="2024-04-22"))
            built += size
            pieces, size = [], 0
        pieces.append(paragraph)
        size += weight
        index += 1
    return articles


def load_pipeline() -> tuple[Pipeline, float]:
    started = time.perf_counter()
    pipeline = default_pipeline(Settings(cache_dir=ROOT / ".cache"))
    return pipeline, time.perf_counter() - started


@dataclass
class StageTimes:
    """Seconds spent in each stage over all articles: on the wall clock, and on this process's CPU.

    On a shared machine the wall clock counts the time other processes had the core; the CPU
    seconds do not, so the rate per CPU-second is the steadier "per core" figure.
    """

    wall: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)


def time_stages(pipeline: Pipeline, articles: list[Article]) -> StageTimes:
    """Seconds spent in each stage over all articles."""
    names = ["normalize", *(name for name, _ in pipeline.stages)]
    times = StageTimes({name: 0.0 for name in names}, {name: 0.0 for name in names})
    stages: list[tuple[str, Callable[[Any], Doc]]] = [("normalize", pipeline.normalizer), *pipeline.stages]
    for article in articles:
        item: Any = article
        for name, stage in stages:
            wall, cpu = time.perf_counter(), time.process_time()
            item = stage(item)
            times.wall[name] += time.perf_counter() - wall
            times.cpu[name] += time.process_time() - cpu
    return times


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{platform.machine()}, 1 core of {platform.processor() or 'cpu'} ({os.cpu_count()} cores, "
        f"load average {load}), Python {platform.python_version()}, rasad {build()}"
    )
