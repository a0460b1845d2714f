"""Recognition speed: MB/s per core and peak memory on the dev articles repeated to ≥ 5 MB.

    python bench/recognize.py [--mb 5]
"""

from __future__ import annotations

import argparse
import sys
import time

from pipeline_speed import dev_articles, load_pipeline, machine, peak_memory_mb, time_stages

from rasad.config import Settings
from rasad.knowledge.loader import load_knowledge
from rasad.normalize import Normalizer
from rasad.recognize.lexicon import cached_lexicon


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0)
    args = parser.parse_args()
    started = time.perf_counter()
    kb = load_knowledge()
    knowledge_seconds = time.perf_counter() - started
    started = time.perf_counter()
    cached_lexicon(kb, Normalizer(), Settings().cache_dir)  # no cache: a full build
    build_seconds = time.perf_counter() - started
    pipeline, load_seconds = load_pipeline()
    _, warm_seconds = load_pipeline()
    articles = dev_articles(int(args.mb * 1e6))
    megabytes = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    times = time_stages(pipeline, articles)
    spent, cpu = times.wall, times.cpu
    print(f"machine: {machine()}")
    print(f"knowledge files: {knowledge_seconds:.2f} s; lexicon build without cache: {build_seconds:.2f} s")
    print(f"pipeline start-up: {load_seconds:.2f} s (first), {warm_seconds:.2f} s (cached lexicon)")
    print(f"text: {len(articles)} articles, {megabytes:.1f} MB")
    for name in ("normalize", "recognize"):
        print(f"{name}: {megabytes / spent[name]:.2f} MB/s ({megabytes / cpu[name]:.2f} MB per CPU-second)")
    print(f"peak memory: {peak_memory_mb():.0f} MB resident")
    return 0


if __name__ == "__main__":
    sys.exit(main())
