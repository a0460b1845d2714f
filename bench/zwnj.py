"""ZWNJ restoration accuracy on real text we did not write (ParsTwiNER, which keeps its ZWNJs).

Each sentence is rebuilt from its tokens, every ZWNJ is removed, the normalizer's
ZWNJ step runs, and each ZWNJ between two letters is scored: restored (true
positive), missed (false negative) or wrongly inserted (false positive).

    python bench/zwnj.py [--split test|dev|train] [--errors 30]
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

from rasad.normalize.letters import ZWNJ, letter_edits
from rasad.normalize.rewrite import apply_edits
from rasad.normalize.zwnj import ZwnjRestorer

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "parstwiner"


def read_sentences(path: Path) -> list[str]:
    sentences: list[str] = []
    tokens: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                sentences.append(" ".join(tokens))
                tokens = []
            continue
        tokens.append(line.split("\t")[0])
    if tokens:
        sentences.append(" ".join(tokens))
    return sentences


def zwnj_positions(text: str) -> tuple[str, set[int]]:
    """The text without ZWNJs and the positions (in it) where a ZWNJ stood between two letters."""
    positions: set[int] = set()
    out: list[str] = []
    for index, char in enumerate(text):
        if char == ZWNJ:
            before = text[index - 1] if index else " "
            after = text[index + 1] if index + 1 < len(text) else " "
            if before.isalpha() and after.isalpha():
                positions.add(len(out))
            continue
        out.append(char)
    return "".join(out), positions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="test", choices=["train", "dev", "test"])
    parser.add_argument("--errors", type=int, default=0, help="print the N most frequent errors")
    args = parser.parse_args()
    path = CORPUS / f"{args.split}.txt"
    if not path.exists():
        print(f"corpus not found: {path}", file=sys.stderr)
        return 1
    restorer = ZwnjRestorer()
    restorer.split_points("گردانهای")  # load the lexicon before timing
    tp = fp = fn = 0
    chars = 0
    errors: collections.Counter[str] = collections.Counter()
    started = time.perf_counter()
    for sentence in read_sentences(path):
        sentence = apply_edits(sentence, letter_edits(sentence))[0]
        stripped, gold = zwnj_positions(sentence)
        chars += len(stripped)
        predicted = {start for start, end, _ in restorer.edits(stripped) if start == end}
        tp += len(gold & predicted)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        if args.errors:
            for position in predicted ^ gold:
                left = stripped.rfind(" ", 0, position) + 1
                right = stripped.find(" ", position)
                word = stripped[left : right if right >= 0 else None]
                errors[("FP " if position in predicted else "FN ") + word] += 1
    elapsed = time.perf_counter() - started
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"ParsTwiNER {args.split}: {tp + fn} ZWNJs in {chars:,} chars")
    print(f"restored {tp}, missed {fn}, wrongly inserted {fp}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"speed {chars / elapsed / 1e6:.2f} M chars/s (one core, ZWNJ step only)")
    for item, count in errors.most_common(args.errors):
        print(f"  {count:4d}  {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
