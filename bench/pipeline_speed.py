"""Shared by bench/recognize.py and bench/extract.py: the dev articles repeated, timed per stage."""

from __future__ import annotations

import platform
import resource
import time
from pathlib import Path

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


def load_pipeline() -> tuple[Pipeline, float]:
    started = time.perf_counter()
    pipeline = default_pipeline(Settings(cache_dir=ROOT / ".cache"))
    return pipeline, time.perf_counter() - started


def time_stages(pipeline: Pipeline, articles: list[Article]) -> dict[str, float]:
    """Seconds spent in each stage over all articles."""
    spent = {"normalize": 0.0, **{name: 0.0 for name, _ in pipeline.stages}}
    for article in articles:
        started = time.perf_counter()
        doc: Doc = pipeline.normalizer(article)
        spent["normalize"] += time.perf_counter() - started
        for name, stage in pipeline.stages:
            started = time.perf_counter()
            doc = stage(doc)
            spent[name] += time.perf_counter() - started
    return spent


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    return f"{platform.machine()}, 1 core of {platform.processor() or 'cpu'}, Python {platform.python_version()}"
