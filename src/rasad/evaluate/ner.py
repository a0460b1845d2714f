"""Named-entity benchmarks: run the pipeline on token-per-line corpora and score spans CoNLL-style.

Two formats (see ../shared/benchmarks/README.md):
- `pipe` (PEYMA): `token|TAG`, tags `B_X`/`I_X`/`O`; PEYMA splits words at their
  ZWNJ, so sentences are rebuilt with spaces, gluing known suffixes (های، ای …)
  and the prefix می with a ZWNJ.
- `conll` (ParsTwiNER): `token<TAB>TAG`, IOB2 (`B-X`/`I-X`/`O`).

Gold spans are token runs; predicted spans are the pipeline's mentions mapped back
to the sentence's characters through their raw offsets. A prediction is right only
when its characters and its type equal a gold span's exactly (strict, CoNLL).
Benchmark spans are flat and name entities: a mention inside a longer predicted one
(«کرج» kept inside «شهرداری کرج» for event locations) is not scored, nor are bare
force nouns, descriptions and unnamed office holders («نخست وزیر عراق»).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from rasad.model import Article, Mention, Problem
from rasad.pipeline import Pipeline

ZWNJ = "\u200c"
SUFFIXES = frozenset(
    {
        "ها",
        "های",
        "هایی",
        "هایم",
        "هایت",
        "هایش",
        "هایمان",
        "هایتان",
        "هایشان",
        "ای",
        "ام",
        "ات",
        "اش",
        "ایم",
        "اید",
        "اند",
        "تر",
        "ترین",
        "ی",
    }
)
PREFIXES = frozenset({"می", "نمی"})
# rasad mention kinds → benchmark labels. OUTLET is an organization in both corpora.
MENTION_LABELS: dict[str, str] = {
    "PERSON": "PER",
    "ACTOR": "ORG",
    "OUTLET": "ORG",
    "PLACE": "LOC",
    "DATE": "DAT",
}


@dataclass(frozen=True)
class CorpusFormat:
    name: str
    separator: str
    labels: dict[str, str]  # corpus label → scored label; labels not listed are ignored

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.labels.values())))


FORMATS: dict[str, CorpusFormat] = {
    "pipe": CorpusFormat("pipe", "|", {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "DAT": "DAT"}),
    "conll": CorpusFormat("conll", "\t", {"PER": "PER", "ORG": "ORG", "POG": "ORG", "LOC": "LOC"}),
}

TaggedSentence = list[tuple[str, str]]
CharSpan = tuple[int, int, str]  # [start, end) and label


# ---------------------------------------------------------------- reading


def detect_format(lines: Iterable[str]) -> str:
    """`conll` if the first non-blank line has a tab, else `pipe`."""
    for line in lines:
        if line.strip():
            return "conll" if "\t" in line else "pipe"
    return "pipe"


def parse_line(line: str, fmt: CorpusFormat, where: str) -> tuple[str, str]:
    if fmt.separator == "\t":
        token, sep, tag = line.rpartition("\t")
    else:
        token, sep, tag = line.rpartition("|")
    if not sep or not token or not tag.strip():
        raise ValueError(f"{where}: not a `token{fmt.separator}TAG` line: {line!r}")
    return token, tag.strip()


def read_sentences(
    lines: Iterable[str], fmt: CorpusFormat, origin: str = "<corpus>"
) -> Iterator[TaggedSentence]:
    """Sentences of (token, tag), split at blank lines; ValueError naming the line for a malformed one."""
    sentence: TaggedSentence = []
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n").lstrip("\ufeff")
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        sentence.append(parse_line(line, fmt, f"{origin}:{number}"))
    if sentence:
        yield sentence


def parse_tag(tag: str) -> tuple[str, str | None]:
    """("B", "PER") for B_PER or B-PER, ("O", None) for O."""
    if tag == "O" or len(tag) < 3 or tag[1] not in "_-":
        return "O", None
    return tag[0], tag[2:]


def tag_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans [start, end) with their label, as conlleval reads IOB (an I after O or another label starts a span)."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, kind = parse_tag(tag)
        continues = prefix == "I" and kind == label
        if label is not None and not continues:
            spans.append((start, i, label))
            label = None
        if kind is not None and not continues:
            start, label = i, kind
    return spans


# ---------------------------------------------------------------- text


def is_word(part: str) -> bool:
    return any(c.isalpha() for c in part)


def glue(previous: str | None, part: str) -> str:
    """What goes between two pieces of a sentence: ZWNJ for a suffix or after می, else a space."""
    if previous is None:
        return ""
    if (part in SUFFIXES and is_word(previous)) or (previous in PREFIXES and is_word(part)):
        return ZWNJ
    return " "


def detokenize(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence text and each token's [start, end) in it. A space inside a token is a lost ZWNJ or a space."""
    pieces: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    previous: str | None = None
    for token in tokens:
        parts = token.split() or [token]
        start = -1
        for part in parts:
            separator = glue(previous, part)
            pieces += [separator, part]
            length += len(separator)
            start = length if start < 0 else start
            length += len(part)
            previous = part
        offsets.append((start, length))
    return "".join(pieces), offsets


def gold_char_spans(
    tagged: TaggedSentence, offsets: Sequence[tuple[int, int]], fmt: CorpusFormat
) -> set[CharSpan]:
    spans = tag_spans([tag for _, tag in tagged])
    return {(offsets[s][0], offsets[e - 1][1], fmt.labels[k]) for s, e, k in spans if k in fmt.labels}


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace or ZWNJ."""
    while start < end and (text[start].isspace() or text[start] == ZWNJ):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ZWNJ):
        end -= 1
    return start, end


def predicted_char_spans(
    text: str, mentions: Iterable[tuple[str, int, int]], types: Sequence[str]
) -> set[CharSpan]:
    """(kind, raw_start, raw_end) mentions as labelled character spans of `text`, for the scored types."""
    spans: set[CharSpan] = set()
    for kind, raw_start, raw_end in mentions:
        label = MENTION_LABELS.get(kind)
        if label is not None and label in types:
            start, end = trim(text, raw_start, raw_end)
            if start < end:
                spans.add((start, end, label))
    return spans


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True)
class SpanCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: SpanCounts) -> SpanCounts:
        return SpanCounts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class NerScore:
    corpus: str
    format: str
    sentences: int
    per_type: dict[str, SpanCounts] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    @property
    def overall(self) -> SpanCounts:
        """Micro-average over the scored types."""
        return sum(self.per_type.values(), SpanCounts())

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "format": self.format,
            "sentences": self.sentences,
            "overall": self.overall.to_dict(),
            "per_type": {k: v.to_dict() for k, v in sorted(self.per_type.items())},
            "problems": list(self.problems),
        }


def span_counts(gold: set[CharSpan], predicted: set[CharSpan], types: Sequence[str]) -> dict[str, SpanCounts]:
    """Strict span matching: same start, end and label."""
    return {
        t: SpanCounts(
            tp=sum(1 for s in predicted & gold if s[2] == t),
            fp=sum(1 for s in predicted - gold if s[2] == t),
            fn=sum(1 for s in gold - predicted if s[2] == t),
        )
        for t in types
    }


def add_counts(total: dict[str, SpanCounts], part: dict[str, SpanCounts]) -> dict[str, SpanCounts]:
    return {t: total.get(t, SpanCounts()) + part.get(t, SpanCounts()) for t in {*total, *part}}


def predict_sentence(text: str, article_id: str, pipeline: Pipeline) -> list[tuple[str, int, int]] | Problem:
    """(kind, raw_start, raw_end) for every mention the pipeline finds in one sentence."""
    doc = pipeline.run(Article(id=article_id, text=text))
    if isinstance(doc, Problem):
        return doc
    return [(m.kind, *doc.raw_span(m.start, m.end)) for m in outermost(doc.mentions)]


def is_named(mention: Mention) -> bool:
    """Named entities only: the mentions that event coding needs but NER does not count — bare force
    nouns («دولت», «مقام»), descriptions («خبرنگار», «معترضان») and unnamed office holders
    («نخست وزیر عراق», a title with its country or organization but no name) — are left out."""
    if mention.kind == "PERSON":
        return not is_role(mention)
    if mention.kind != "ACTOR":
        return True
    if mention.data.get("generic"):
        return False
    return mention.ref is not None or bool(mention.data.get("org_source"))


def is_role(mention: Mention) -> bool:
    """A PERSON mention made of a title and the country or organization it serves, with no name."""
    return mention.ref is None and bool(mention.data.get("org")) and not mention.data.get("name_source")


def outermost(mentions: Iterable[Mention]) -> list[Mention]:
    """The named, scored mentions that no other one contains: a benchmark's spans are flat, so a place
    kept inside an organization's name («کرج» in «شهرداری کرج») or a role is not a mention of its own there."""
    scored = [m for m in mentions if m.kind in MENTION_LABELS and is_named(m)]
    return [
        m
        for m in scored
        if not any(o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in scored)
    ]


def evaluate_sentences(
    sentences: Iterable[TaggedSentence],
    fmt: CorpusFormat,
    pipeline: Pipeline,
    corpus: str = "<corpus>",
    limit: int | None = None,
) -> NerScore:
    """Run the pipeline on each detokenized sentence (at most `limit`) and count strict span matches."""
    totals: dict[str, SpanCounts] = {t: SpanCounts() for t in fmt.types}
    problems: list[str] = []
    count = 0
    for index, tagged in enumerate(sentences):
        if limit is not None and count >= limit:
            break
        count += 1
        text, offsets = detokenize([token for token, _ in tagged])
        gold = gold_char_spans(tagged, offsets, fmt)
        found = predict_sentence(text, f"{Path(corpus).stem}-{index + 1}", pipeline)
        if isinstance(found, Problem):
            problems.append(str(found))
            found = []
        totals = add_counts(
            totals, span_counts(gold, predicted_char_spans(text, found, fmt.types), fmt.types)
        )
    return NerScore(corpus, fmt.name, count, totals, tuple(problems))


def read_corpus(
    path: Path, fmt_name: str | None = None, limit: int | None = None
) -> tuple[CorpusFormat, list[TaggedSentence]]:
    """The corpus format (detected when not given) and its first `limit` sentences; ValueError naming a bad line."""
    with path.open(encoding="utf-8") as handle:
        fmt = FORMATS[fmt_name or detect_format(handle)]
    with path.open(encoding="utf-8") as handle:
        sentences = read_sentences(handle, fmt, str(path))
        return fmt, list(islice(sentences, limit))


def evaluate_file(
    path: Path, pipeline: Pipeline, fmt_name: str | None = None, limit: int | None = None
) -> NerScore:
    """Score the pipeline on a corpus file."""
    fmt, sentences = read_corpus(path, fmt_name, limit)
    return evaluate_sentences(sentences, fmt, pipeline, str(path))
