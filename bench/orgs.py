"""Organization names from head nouns: strict ORG span precision / recall / F1 of `OrganizationRecognizer` alone on PEYMA.

    python bench/orgs.py                              # dev and test splits, and the speed
    python bench/orgs.py --split train --errors 40    # with examples of misses and false alarms
    python bench/orgs.py --no-geonames                # curated places only (no lexicon needed)

Each sentence is rebuilt from its tokens as `rasad eval-ner` does (words PEYMA split
at a ZWNJ are glued back), normalized with `Normalizer().text_with_offsets`, and the
recognizer's spans are mapped back to the sentence through the offset map. Nothing
else of the pipeline runs, so organizations only the knowledge base lists (news
agencies, armed groups, «داعش») and bare names («ایرنا», «پرسپولیس») count as misses
here. GeoNames towns come from the lexicon cached in `.cache` (built on first use).
Develop on train/dev; test is for reporting.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rasad.evaluate.ner import (
    FORMATS,
    SpanCounts,
    detokenize,
    gold_char_spans,
    read_sentences,
    span_counts,
    trim,
)
from rasad.knowledge.schema import Place
from rasad.normalize import Normalizer
from rasad.recognize.organizations import OrganizationRecognizer, key

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "benchmarks" / "peyma"
FORMAT = FORMATS["pipe"]
Spans = set[tuple[int, int, str]]


@dataclass
class SplitResult:
    counts: SpanCounts = field(default_factory=SpanCounts)
    sentences: list[tuple[str, Spans, Spans]] = field(default_factory=list)  # text, gold, predicted
    normalized: list[str] = field(default_factory=list)
    headed_gold: int = 0  # gold spans that begin with a listed head noun
    headed_found: int = 0  # … and were found exactly


def score_split(path: Path, recognizer: OrganizationRecognizer, normalizer: Normalizer) -> SplitResult:
    """Strict ORG counts of the recognizer alone on one PEYMA split."""
    result = SplitResult()
    heads = recognizer.rules.heads
    with path.open(encoding="utf-8") as handle:
        for tagged in read_sentences(handle, FORMAT, str(path)):
            text, offsets = detokenize([token for token, _ in tagged])
            gold = {s for s in gold_char_spans(tagged, offsets, FORMAT) if s[2] == "ORG"}
            normalized, offset_map, _ = normalizer.text_with_offsets(text)
            predicted: Spans = set()
            for mention in recognizer(normalized, []):
                start, end = trim(text, *offset_map.to_raw(mention.start, mention.end))
                if start < end:
                    predicted.add((start, end, "ORG"))
            result.counts = result.counts + span_counts(gold, predicted, ("ORG",))["ORG"]
            result.sentences.append((text, gold, predicted))
            result.normalized.append(normalized)
            for span in gold:
                if headed(text[span[0] : span[1]], heads):
                    result.headed_gold += 1
                    result.headed_found += span in predicted
    return result


def speed(recognizer: OrganizationRecognizer, text: str) -> float:
    """MB (UTF-8) per second over `text` in one call, best of three."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        recognizer(text, [])
        best = min(best, time.perf_counter() - started)
    return len(text.encode("utf-8")) / 1e6 / best


def headed(text: str, heads: dict[str, str]) -> bool:
    """Whether a span of two or more words begins with a listed head noun."""
    words = text.split()
    return len(words) > 1 and (key(words[0]) in heads or key(" ".join(words[:2])) in heads)


def show_errors(sentences: list[tuple[str, Spans, Spans]], limit: int, heads: dict[str, str]) -> None:
    misses = [(t, s) for t, g, p in sentences for s in sorted(g - p)]
    alarms = [(t, s) for t, g, p in sentences for s in sorted(p - g)]
    headed_misses = [(t, s) for t, s in misses if headed(t[s[0] : s[1]], heads)]
    rng = random.Random(7)
    for title, items in (
        ("false alarms", alarms),
        ("misses", misses),
        ("misses beginning with a head", headed_misses),
    ):
        forms = Counter(text[start:end] for text, (start, end, _) in items)
        print(
            f"--- {title} ({len(items)}), most frequent: "
            + ", ".join(f"{f} {n}" for f, n in forms.most_common(15))
        )
        for text, (start, end, _) in rng.sample(items, min(limit, len(items))):
            print(f"  {text[max(0, start - 30) : start]}[[{text[start:end]}]]{text[end : end + 30]}")


def geonames_towns() -> list[Place]:
    """GeoNames towns of the lexicon (cached in .cache), as the pipeline would pass them."""
    from rasad.config import Settings
    from rasad.knowledge.loader import load_knowledge
    from rasad.recognize.lexicon import cached_lexicon

    settings = Settings(cache_dir=Path(".cache"))
    lexicon = cached_lexicon(load_knowledge(), Normalizer(), settings.cache_dir, settings.with_geonames)
    return [p for p in lexicon.places.values() if isinstance(p, Place)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with PEYMA's train/dev/test.txt")
    parser.add_argument(
        "--split", action="append", choices=["train", "dev", "test"], help="default: dev and test"
    )
    parser.add_argument(
        "--errors", type=int, default=0, help="print this many misses and false alarms per split"
    )
    parser.add_argument("--no-geonames", action="store_true", help="curated places only")
    args = parser.parse_args()
    towns = [] if args.no_geonames else geonames_towns()
    started = time.perf_counter()
    recognizer = OrganizationRecognizer.load(places=towns)
    print(f"loaded in {time.perf_counter() - started:.2f}s ({len(towns)} GeoNames towns offered)")
    normalizer = Normalizer()
    for split in args.split or ["dev", "test"]:
        result = score_split(args.corpus / f"{split}.txt", recognizer, normalizer)
        counts = result.counts
        print(
            f"{split}: ORG precision {counts.precision:.3f} recall {counts.recall:.3f} F1 {counts.f1:.3f} "
            f"(tp {counts.tp}, fp {counts.fp}, fn {counts.fn}; {len(result.sentences)} sentences)"
        )
        gold = counts.tp + counts.fn
        print(
            f"  gold names of two or more words beginning with a listed head: {result.headed_gold} of {gold}; "
            f"recall on those {result.headed_found / max(result.headed_gold, 1):.3f}"
        )
        print(
            f"  speed: {speed(recognizer, chr(10).join(result.normalized)):.1f} MB/s (whole split, one call)"
        )
        if args.errors:
            show_errors(result.sentences, args.errors, recognizer.rules.heads)


if __name__ == "__main__":
    main()
