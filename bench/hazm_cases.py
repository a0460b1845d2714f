"""Run hazm's own normalizer test cases through rasad's normalizer and report what passes.

    python bench/hazm_cases.py [--show-failures]

Only methods whose job rasad's normalizer also does are scored; the others are listed
with the reason rasad deliberately differs.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

from rasad.normalize import Normalizer

CASES = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "hazm-normalizer" / "hazm_cases.jsonl"

SCORED = {
    "normalizer.normalize",
    "normalizer.correct_spacing",
    "normalizer.remove_diacritics",
    "normalizer.unicodes_replacement",
    "normalizer.seperate_mi",
    "normalizer.token_spacing",
}
DIFFERENT = {
    "normalizer.persian_number": "rasad keeps Latin digits as written (only Arabic-Indic become Persian); values are parsed from any script",
    "normalizer.persian_style": "rasad does not rewrite ASCII quotes to «» or '...' to '…': it changes text only where meaning is unaffected",
    "normalizer.decrease_repeated_chars": "rasad does not shorten repeated letters (news text rarely has them; names may)",
    "normalizer.remove_specials_chars": "rasad keeps emoji and symbols; they are not boilerplate",
    "word_tokenizer.join_verb_parts": "tokenizer behaviour, not normalization",
    "tokenizer.join_verb_parts": "tokenizer behaviour, not normalization",
    "token_splitter.split_token_words": "tokenizer behaviour, not normalization",
    "splitter.split_token_words": "tokenizer behaviour, not normalization",
    "tokenizer.tokenize": "tokenizer behaviour, not normalization",
    "normalizer.normalized_word": "hazm-internal helper",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args()
    if not CASES.exists():
        print(f"cases not found: {CASES}", file=sys.stderr)
        return 1
    normalizer = Normalizer()
    passed: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    skipped: collections.Counter[str] = collections.Counter()
    failures: list[tuple[str, str, str, str]] = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        method = case["method"]
        if method not in SCORED or not isinstance(case["input"], str) or not isinstance(case["expected"], str):
            skipped[method] += 1
            continue
        total[method] += 1
        output = normalizer.text_with_offsets(case["input"])[0]
        if output == case["expected"]:
            passed[method] += 1
        else:
            failures.append((method, case["input"], case["expected"], output))
    print(f"{'method':40s} passed / scored")
    for method in sorted(total):
        print(f"{method:40s} {passed[method]:3d} / {total[method]:3d}")
    print(f"{'all scored':40s} {sum(passed.values()):3d} / {sum(total.values()):3d}")
    print("\nnot scored (rasad deliberately differs):")
    for method, count in sorted(skipped.items()):
        print(f"  {method} ({count}): {DIFFERENT.get(method, 'input or expected value is not a string')}")
    if args.show_failures:
        print("\nfailures:")
        for method, given, expected, output in failures:
            print(f"  {method}\n    in:       {given!r}\n    expected: {expected!r}\n    rasad:    {output!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
