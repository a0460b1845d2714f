"""Normalization speed and ZWNJ restoration, rasad against hazm's Normalizer, on the same text, in one run.

    python bench/normalize.py [--hazm-python /path/to/venv-with-hazm/bin/python] [--repeat 40]

Text: the development gold articles (tests/gold) repeated. ZWNJ restoration is also
scored for both on ParsTwiNER's test split with its ZWNJs removed (see bench/zwnj.py).
hazm is not a dependency of rasad: install it in a separate environment
(`python -m venv /tmp/hazm && /tmp/hazm/bin/pip install hazm==0.10.0`) and pass its python.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rasad.model import Article
from rasad.normalize import Normalizer
from rasad.normalize.letters import letter_edits
from rasad.normalize.rewrite import apply_edits

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from zwnj import CORPUS, read_sentences, zwnj_positions  # noqa: E402

HAZM_SCRIPT = r"""
import json, sys, time
from hazm import Normalizer
text = open(sys.argv[1], encoding="utf-8").read()
sentences = json.load(open(sys.argv[2], encoding="utf-8"))
normalizer = Normalizer()
normalizer.normalize("گرم کردن")
started = time.perf_counter()
normalizer.normalize(text)
elapsed = time.perf_counter() - started
outputs = [normalizer.normalize(s) for s in sentences]
print(json.dumps({"chars_per_s": len(text) / elapsed, "outputs": outputs}))
"""


def corpus_text(repeat: int) -> str:
    articles = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "gold").glob("*.txt"))]
    return "\n".join(articles * repeat)


def letter_positions(text: str) -> tuple[str, set[int]]:
    """Letters only (no spaces, no ZWNJ) and the positions, among them, that a ZWNJ precedes."""
    letters: list[str] = []
    positions: set[int] = set()
    for index, char in enumerate(text):
        if char == "\u200c":
            if 0 < index < len(text) - 1 and text[index - 1].isalpha() and text[index + 1].isalpha():
                positions.add(len(letters))
        elif not char.isspace():
            letters.append(char)
    return "".join(letters), positions


def zwnj_score(golds: list[str], outputs: list[str]) -> tuple[float, float, float, int]:
    """Score each output against its gold sentence; sentences whose letters the normalizer changed are skipped."""
    tp = fp = fn = skipped = 0
    for gold_text, output in zip(golds, outputs, strict=True):
        gold_letters, gold = letter_positions(gold_text)
        out_letters, predicted = letter_positions(output)
        if len(gold_letters) != len(out_letters):
            skipped += 1
            continue
        tp += len(gold & predicted)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, skipped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hazm-python", help="python of an environment where hazm is installed")
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    text = corpus_text(args.repeat)
    normalizer = Normalizer()
    normalizer(Article("warm", "گرم کردن"))
    started = time.perf_counter()
    normalizer(Article("bench", text))
    rasad_speed = len(text) / (time.perf_counter() - started)
    print(f"machine: {platform.processor() or platform.machine()}, 1 core, Python {platform.python_version()}")
    print(f"text: {len(text):,} chars (tests/gold articles x {args.repeat})")
    print(f"rasad normalize: {rasad_speed / 1e6:.2f} M chars/s")

    sentences: list[str] = []
    golds: list[str] = []
    if (CORPUS / "test.txt").exists():
        for sentence in read_sentences(CORPUS / "test.txt"):
            # the gold keeps its own ZWNJs; only letter forms are made canonical, as on our side
            sentence = apply_edits(sentence, letter_edits(sentence))[0]
            golds.append(sentence)
            sentences.append(zwnj_positions(sentence)[0])
        outputs = [normalizer.text_with_offsets(s)[0] for s in sentences]
        p, r, f, skipped = zwnj_score(golds, outputs)
        print(f"rasad ZWNJ on ParsTwiNER test (full normalizer): P {p:.3f} R {r:.3f} F1 {f:.3f} ({skipped} sentences skipped)")
    if args.hazm_python:
        with tempfile.TemporaryDirectory() as folder:
            text_file = Path(folder) / "text.txt"
            text_file.write_text(text, encoding="utf-8")
            sentence_file = Path(folder) / "sentences.json"
            sentence_file.write_text(json.dumps(sentences, ensure_ascii=False), encoding="utf-8")
            result = subprocess.run(
                [args.hazm_python, "-c", HAZM_SCRIPT, str(text_file), str(sentence_file)],
                capture_output=True, text=True, check=True,
            )
        hazm = json.loads(result.stdout.strip().splitlines()[-1])
        print(f"hazm Normalizer:  {hazm['chars_per_s'] / 1e6:.2f} M chars/s")
        print(f"speed ratio rasad/hazm: {rasad_speed / hazm['chars_per_s']:.2f}")
        if sentences:
            p, r, f, skipped = zwnj_score(golds, hazm["outputs"])
            print(f"hazm ZWNJ on ParsTwiNER test: P {p:.3f} R {r:.3f} F1 {f:.3f} ({skipped} sentences skipped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
