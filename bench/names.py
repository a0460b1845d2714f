"""Names of unlisted people: strict PER span precision / recall / F1 of `NameRecognizer` alone on PEYMA.

    python bench/names.py                       # dev and test splits, and the speed
    python bench/names.py --split train --errors 40   # with examples of misses and false alarms

Each sentence is rebuilt from its tokens as `rasad eval-ner` does (words PEYMA split
at a ZWNJ are glued back), normalized with `Normalizer().text_with_offsets`, and the
recognizer's spans are mapped back to the sentence through the offset map. Nothing
else of the pipeline runs, so names the knowledge base lists count as misses here.
Develop on train/dev; test is for reporting.
"""

from __future__ import annotations

import argparse
import random
import time
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
from rasad.normalize import Normalizer
from rasad.recognize.names import NameRecognizer, key

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "benchmarks" / "peyma"
FORMAT = FORMATS["pipe"]
Spans = set[tuple[int, int, str]]


@dataclass
class SplitResult:
    counts: SpanCounts = field(default_factory=SpanCounts)
    sentences: list[tuple[str, Spans, Spans]] = field(default_factory=list)  # text, gold, predicted
    normalized: list[str] = field(default_factory=list)
    given_gold: int = 0  # gold spans that begin with a listed given name or name particle
    given_found: int = 0  # … and were found exactly


def score_split(path: Path, recognizer: NameRecognizer, normalizer: Normalizer) -> SplitResult:
    """Strict PER counts of the recognizer alone on one PEYMA split."""
    result = SplitResult()
    rules = recognizer.rules
    with path.open(encoding="utf-8") as handle:
        for tagged in read_sentences(handle, FORMAT, str(path)):
            text, offsets = detokenize([token for token, _ in tagged])
            gold = {s for s in gold_char_spans(tagged, offsets, FORMAT) if s[2] == "PER"}
            normalized, offset_map, _ = normalizer.text_with_offsets(text)
            predicted: Spans = set()
            for mention in recognizer(normalized, []):
                start, end = trim(text, *offset_map.to_raw(mention.start, mention.end))
                if start < end:
                    predicted.add((start, end, "PER"))
            result.counts = result.counts + span_counts(gold, predicted, ("PER",))["PER"]
            result.sentences.append((text, gold, predicted))
            result.normalized.append(normalized)
            for span in gold:
                first = key(text[span[0] : span[1]].split()[0])
                if first in rules.given or first in rules.prefixes:
                    result.given_gold += 1
                    result.given_found += span in predicted
    return result


def speed(recognizer: NameRecognizer, text: str) -> float:
    """MB (UTF-8) per second over `text` in one call, best of three."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        recognizer(text, [])
        best = min(best, time.perf_counter() - started)
    return len(text.encode("utf-8")) / 1e6 / best


def show_errors(sentences: list[tuple[str, Spans, Spans]], limit: int) -> None:
    misses = [(t, s) for t, g, p in sentences for s in sorted(g - p)]
    alarms = [(t, s) for t, g, p in sentences for s in sorted(p - g)]
    rng = random.Random(7)
    for title, items in (("false alarms", alarms), ("misses", misses)):
        print(f"--- {title} ({len(items)}), a sample:")
        for text, (start, end, _) in rng.sample(items, min(limit, len(items))):
            print(f"  {text[max(0, start - 30):start]}[[{text[start:end]}]]{text[end:end + 30]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with PEYMA's train/dev/test.txt")
    parser.add_argument("--split", action="append", choices=["train", "dev", "test"], help="default: dev and test")
    parser.add_argument("--errors", type=int, default=0, help="print this many misses and false alarms per split")
    args = parser.parse_args()
    started = time.perf_counter()
    recognizer = NameRecognizer.load()
    print(f"loaded in {time.perf_counter() - started:.2f}s")
    normalizer = Normalizer()
    for split in args.split or ["dev", "test"]:
        result = score_split(args.corpus / f"{split}.txt", recognizer, normalizer)
        counts = result.counts
        print(
            f"{split}: PER precision {counts.precision:.3f} recall {counts.recall:.3f} F1 {counts.f1:.3f} "
            f"(tp {counts.tp}, fp {counts.fp}, fn {counts.fn}; {len(result.sentences)} sentences)"
        )
        gold = counts.tp + counts.fn
        print(
            f"  gold names beginning with a listed given name or particle: {result.given_gold} of {gold}; "
            f"recall on those {result.given_found / max(result.given_gold, 1):.3f}"
        )
        print(f"  speed: {speed(recognizer, chr(10).join(result.normalized)):.1f} MB/s (whole split, one call)")
        if args.errors:
            show_errors(result.sentences, args.errors)


if __name__ == "__main__":
    main()
