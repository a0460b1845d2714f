"""Where the full pipeline goes wrong on PEYMA: the most frequent false positives and misses per type.

    python bench/ner_errors.py                     # dev split, 25 forms per list
    python bench/ner_errors.py --top 40 --types LOC --examples 3
    python bench/ner_errors.py --split train
    python bench/ner_errors.py --with-orgs          # with the organization recognizer added

Runs `default_pipeline(Settings(cache_dir=Path('.cache')))` (run it from the
repository root) on every sentence, rebuilt and scored as `rasad eval-ner` does
(strict spans). A false positive is put in one class by what the gold says about
its characters:

- `boundary`   overlaps a gold span of the same type with other edges («ایران» for «جمهوری اسلامی ایران» is not this: see below)
- `in-ORG`, `in-PER`, `in-LOC`, `in-DAT`   lies inside (or overlaps) a gold span of another type — type confusion
- `none`       overlaps no gold span at all (a common word, a demonym, a place PEYMA does not tag)

LOC false positives are also counted by where the place came from (`country`, `capital`,
`curated` — admin1 / sites.tsv —, `geonames`, `mixed`), and whether the lexicon matched exactly.
Develop on train/dev; the test split is for reporting only.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from pathlib import Path

from rasad.config import Settings
from rasad.evaluate.ner import (
    FORMATS,
    MENTION_LABELS,
    SpanCounts,
    detokenize,
    gold_char_spans,
    outermost,
    read_sentences,
    span_counts,
    trim,
)
from rasad.knowledge.schema import Place
from rasad.model import Article, Mention, Problem
from rasad.pipeline import Pipeline, default_pipeline

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "benchmarks" / "peyma"
FORMAT = FORMATS["pipe"]
TYPES = FORMAT.types
CharSpan = tuple[int, int, str]


def place_source(mention: Mention) -> str:
    """Where a PLACE mention came from: country, capital, curated (admin1 / sites), geonames or mixed."""
    if mention.data.get("capital"):
        return "capital"
    if (mention.ref or "").startswith("country:"):
        return "country"
    candidates = [str(c) for c in mention.data.get("candidates", [])]
    geonames = sum(c.startswith("geonames-") for c in candidates)
    if not candidates:
        return "other"
    if geonames == len(candidates):
        return "geonames"
    return "curated" if geonames == 0 else "mixed"


def generic_actor_ids(pipeline: Pipeline) -> frozenset[str]:
    """Ids of the actors of the shipped `generic.yaml` (civilians, journalists, officials, gunmen …)."""
    import yaml

    from rasad.knowledge.loader import SHIPPED

    path = Path(SHIPPED) / "actors" / "generic.yaml"
    if not path.exists():
        return frozenset()
    with open(path, encoding="utf-8") as handle:
        return frozenset(
            str(e["id"]) for e in yaml.safe_load(handle) or [] if isinstance(e, dict) and "id" in e
        )


def actor_source(mention: Mention, generic: frozenset[str]) -> str:
    """Where an ACTOR/OUTLET mention came from: pattern (head noun), generic, force noun, knowledge base."""
    if mention.data.get("org_source") == "pattern":
        return "pattern"
    if mention.ref is None:
        return "force-noun" if mention.data.get("force") else "other"
    if mention.ref in generic:
        return "kb-generic"
    return "kb-outlet" if mention.kind == "OUTLET" else "kb"


def fp_class(span: CharSpan, gold: set[CharSpan]) -> str:
    start, end, label = span
    overlapping = [g for g in gold if g[0] < end and start < g[1]]
    if not overlapping:
        return "none"
    if any(g[2] == label for g in overlapping):
        return "boundary"
    return "in-" + overlapping[0][2]


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, SpanCounts] = {t: SpanCounts() for t in TYPES}
        self.fp: dict[str, Counter[str]] = defaultdict(Counter)  # type → surface → count
        self.fn: dict[str, Counter[str]] = defaultdict(Counter)
        self.fp_by_class: dict[str, Counter[str]] = defaultdict(Counter)  # type → class → count
        self.fp_class_forms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.loc_source: Counter[str] = Counter()  # LOC false positives by place source
        self.loc_source_forms: dict[str, Counter[str]] = defaultdict(Counter)
        self.loc_inexact: Counter[str] = Counter()
        self.org_source: Counter[str] = Counter()  # ORG false positives by where the mention came from
        self.org_source_forms: dict[str, Counter[str]] = defaultdict(Counter)
        self.fn_found_as: dict[str, Counter[str]] = defaultdict(
            Counter
        )  # missed type → what was predicted there
        self.examples: dict[tuple[str, str, str], list[str]] = defaultdict(
            list
        )  # (fp|fn, type, form) → contexts

    def example(self, what: str, label: str, form: str, text: str, start: int, end: int, limit: int) -> None:
        bucket = self.examples[(what, label, form)]
        if len(bucket) < limit:
            bucket.append(f"{text[max(0, start - 40) : start]}[[{text[start:end]}]]{text[end : end + 40]}")


def with_organizations(pipeline: Pipeline) -> None:
    """Add `OrganizationRecognizer` to the pipeline's recognizer as a plain finder (GeoNames towns from its lexicon)."""
    from rasad.recognize import Recognizer
    from rasad.recognize.organizations import OrganizationRecognizer

    recognizer = next(stage for _, stage in pipeline.stages if isinstance(stage, Recognizer))
    towns = [p for p in recognizer.lexicon.places.values() if isinstance(p, Place)]
    organizations = OrganizationRecognizer.load(places=towns)
    recognizer.finders.append(lambda text, _published: organizations(text, []))


def run(path: Path, limit: int | None, examples: int, organizations: bool = False) -> Tally:
    pipeline = default_pipeline(Settings(cache_dir=Path(".cache")))
    if organizations:
        with_organizations(pipeline)
    generic = generic_actor_ids(pipeline)
    tally = Tally()
    with path.open(encoding="utf-8") as handle:
        for index, tagged in enumerate(read_sentences(handle, FORMAT, str(path))):
            if limit is not None and index >= limit:
                break
            text, offsets = detokenize([token for token, _ in tagged])
            gold = gold_char_spans(tagged, offsets, FORMAT)
            doc = pipeline.run(Article(id=f"{path.stem}-{index + 1}", text=text))
            predicted: dict[CharSpan, Mention] = {}
            if not isinstance(doc, Problem):
                for mention in outermost(doc.mentions):  # what `rasad eval-ner` scores
                    label = MENTION_LABELS.get(mention.kind)
                    if label is None or label not in TYPES:
                        continue
                    start, end = trim(text, *doc.raw_span(mention.start, mention.end))
                    if start < end:
                        predicted[(start, end, label)] = mention
            part = span_counts(gold, set(predicted), TYPES)
            tally.counts = {t: tally.counts[t] + part[t] for t in TYPES}
            for span, mention in predicted.items():
                if span in gold:
                    continue
                start, end, label = span
                form = text[start:end]
                kind = fp_class(span, gold)
                tally.fp[label][form] += 1
                tally.fp_by_class[label][kind] += 1
                tally.fp_class_forms[(label, kind)][form] += 1
                tally.example("fp", label, form, text, start, end, examples)
                if label == "ORG":
                    source = actor_source(mention, generic)
                    tally.org_source[source] += 1
                    tally.org_source_forms[source][form] += 1
                if label == "LOC":
                    source = place_source(mention)
                    tally.loc_source[source] += 1
                    tally.loc_source_forms[source][form] += 1
                    if mention.data.get("exact") is False:
                        tally.loc_inexact[form] += 1
            for span in gold - set(predicted):
                start, end, label = span
                form = text[start:end]
                tally.fn[label][form] += 1
                tally.example("fn", label, form, text, start, end, examples)
                inside = [p for p in predicted if p[0] < end and start < p[1]]
                tally.fn_found_as[label][",".join(sorted({p[2] for p in inside})) or "nothing"] += 1
    return tally


def show(counter: Counter[str], top: int, indent: str = "  ") -> None:
    line = ", ".join(f"{form} {count}" for form, count in counter.most_common(top))
    print(f"{indent}{line}")


def report(tally: Tally, top: int, types: list[str], examples: int) -> None:
    print(f"{'type':5} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for label in TYPES:
        c = tally.counts[label]
        print(f"{label:5} {c.tp:5} {c.fp:5} {c.fn:5} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}")
    for label in types:
        print(
            f"\n=== {label}: {tally.counts[label].fp} false positives by class:",
            dict(tally.fp_by_class[label].most_common()),
        )
        for (fp_label, kind), forms in sorted(
            tally.fp_class_forms.items(), key=lambda item: -sum(item[1].values())
        ):
            if fp_label == label:
                print(f" {kind} ({sum(forms.values())}):")
                show(forms, top)
        if label == "LOC":
            print(" LOC false positives by place source:", dict(tally.loc_source.most_common()))
            for source, forms in tally.loc_source_forms.items():
                print(f"  {source}:")
                show(forms, top, "    ")
            if tally.loc_inexact:
                print(" matched only after merging confusable letters:")
                show(tally.loc_inexact, top)
        if label == "ORG":
            print(" ORG false positives by source:", dict(tally.org_source.most_common()))
            for source, forms in tally.org_source_forms.items():
                print(f"  {source}:")
                show(forms, top, "    ")
        print(f" most frequent false positives ({len(tally.fp[label])} forms):")
        show(tally.fp[label], top)
        print(
            f" misses ({tally.counts[label].fn}; predicted there: {dict(tally.fn_found_as[label].most_common())}):"
        )
        show(tally.fn[label], top)
        if examples:
            print(" examples:")
            for what, counter in (("fp", tally.fp[label]), ("fn", tally.fn[label])):
                for form, _ in counter.most_common(min(top, 10)):
                    for context in tally.examples[(what, label, form)]:
                        print(f"  {what} {context}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with PEYMA's train/dev/test.txt")
    parser.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    parser.add_argument("--types", action="append", choices=list(TYPES), help="default: LOC, ORG, PER")
    parser.add_argument("--top", type=int, default=25, help="forms per list")
    parser.add_argument("--examples", type=int, default=0, help="contexts printed per frequent form")
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    parser.add_argument(
        "--with-orgs",
        action="store_true",
        help="add OrganizationRecognizer (not wired by default yet) as a finder",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    tally = run(args.corpus / f"{args.split}.txt", args.limit, args.examples, args.with_orgs)
    print(f"{args.split}: {time.perf_counter() - started:.1f}s")
    report(tally, args.top, args.types or ["LOC", "ORG", "PER"], args.examples)


if __name__ == "__main__":
    main()
