"""Full pipeline speed, raw text → coded events: articles/s per core, start-up time, slowest stage.

    python bench/extract.py [--mb 3] [--kb 3] [--profile]

Without `--kb` the gold articles are used as they are (2.1 KB on average); with it their
paragraphs are regrouped into articles of about that many kilobytes.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys

from pipeline_speed import (
    dev_articles,
    dev_articles_sized,
    load_pipeline,
    machine,
    peak_memory_mb,
    time_stages,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=3.0)
    parser.add_argument("--kb", type=float, default=None, help="regroup the text into articles of about this size")
    parser.add_argument("--profile", action="store_true", help="print the 15 costliest functions")
    args = parser.parse_args()
    pipeline, load_seconds = load_pipeline()
    total_bytes = int(args.mb * 1e6)
    articles = dev_articles(total_bytes) if args.kb is None else dev_articles_sized(total_bytes, int(args.kb * 1e3))
    average_kb = sum(len(a.text.encode("utf-8")) for a in articles) / len(articles) / 1e3
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    times = time_stages(pipeline, articles)
    if profiler:
        profiler.disable()
    spent = times.wall
    total, cpu_total = sum(spent.values()), sum(times.cpu.values())
    print(f"machine: {machine()}")
    print(f"start-up (cached lexicon): {load_seconds:.2f} s")
    print(f"{len(articles)} articles, {average_kb:.1f} KB each on average")
    print(
        f"full pipeline: {len(articles) / total:.0f} articles/s per core "
        f"({len(articles) / cpu_total:.0f} per CPU-second)"
    )
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(
            f"  {name:10s} {seconds / total:6.1%}  {len(articles) / seconds:8.0f} articles/s"
            f"  ({len(articles) / times.cpu[name]:.0f} per CPU-second)"
        )
    print(f"peak memory: {peak_memory_mb():.0f} MB resident")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
