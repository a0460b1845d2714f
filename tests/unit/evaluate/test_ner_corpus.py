"""NER benchmark reading, detokenization and strict span scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.evaluate.ner import (
    FORMATS,
    SpanCounts,
    detect_format,
    detokenize,
    evaluate_file,
    evaluate_sentences,
    is_named,
    outermost,
    predicted_char_spans,
    read_sentences,
    span_counts,
    tag_spans,
)
from rasad.model import Doc, Mention
from rasad.pipeline import Pipeline

ZWNJ = "\u200c"
BENCHMARKS = Path(__file__).resolve().parents[3] / ".." / "shared" / "benchmarks"


def test_detokenize_glues_suffixes_and_mi_with_zwnj() -> None:
    text, offsets = detokenize(["کتاب", "ها", "را", "می", "خوانم", "."])
    assert text == f"کتاب{ZWNJ}ها را می{ZWNJ}خوانم ."
    assert offsets == [(0, 4), (5, 7), (8, 10), (11, 13), (14, 19), (20, 21)]
    assert [text[s:e] for s, e in offsets] == ["کتاب", "ها", "را", "می", "خوانم", "."]


def test_detokenize_space_inside_a_token() -> None:
    text, offsets = detokenize(["روش های", "نو", "از جمله", "نمی توانند"])
    assert text == f"روش{ZWNJ}های نو از جمله نمی{ZWNJ}توانند"
    assert offsets == [(0, 7), (8, 10), (11, 18), (19, 29)]


def test_suffix_after_punctuation_is_not_glued() -> None:
    assert detokenize(["«", "ها", "»"])[0] == "« ها »"


def test_tag_spans_reads_iob_like_conlleval() -> None:
    tags = ["B_PER", "I_PER", "O", "I_LOC", "B-ORG", "I-ORG", "B-ORG", "I_PER", "I_PER"]
    assert tag_spans(tags) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 6, "ORG"), (6, 7, "ORG"), (7, 9, "PER")]
    assert tag_spans(["O", "O"]) == []


def test_read_sentences_both_formats_and_errors() -> None:
    pipe = ["علی|B_PER\n", "آمد|O\n", "\n", "\n", "او|O\n"]
    assert list(read_sentences(pipe, FORMATS["pipe"])) == [[("علی", "B_PER"), ("آمد", "O")], [("او", "O")]]
    conll = ["\ufeffعلی\tB-PER\r\n", "\r\n", "a|b\tO\n"]
    assert list(read_sentences(conll, FORMATS["conll"])) == [[("علی", "B-PER")], [("a|b", "O")]]
    assert detect_format(["\n", "x\tO\n"]) == "conll"
    assert detect_format(["x|O\n"]) == "pipe"
    with pytest.raises(ValueError, match=r"c\.txt:2: not a `token\|TAG` line"):
        list(read_sentences(["a|O\n", "broken\n"], FORMATS["pipe"], "c.txt"))


def test_span_counts_strict() -> None:
    gold = {(0, 9, "PER"), (13, 18, "LOC"), (20, 30, "ORG")}
    predicted = {(0, 9, "PER"), (13, 17, "LOC"), (20, 30, "LOC")}
    counts = span_counts(gold, predicted, ["LOC", "ORG", "PER"])
    assert counts == {"PER": SpanCounts(1, 0, 0), "LOC": SpanCounts(0, 2, 1), "ORG": SpanCounts(0, 0, 1)}


def test_predicted_spans_map_kinds_and_trim() -> None:
    text = "علی به تهران رفت"
    mentions = [("PERSON", 0, 4), ("PLACE", 6, 12), ("WEAPON", 0, 3), ("DATE", 0, 3)]
    assert predicted_char_spans(text, mentions, ("LOC", "ORG", "PER")) == {(0, 3, "PER"), (7, 12, "LOC")}


def fake_recognizer(words: dict[str, str]) -> Pipeline:
    """The real normalizer, then a stage marking every occurrence of the given words."""

    def stage(doc: Doc) -> Doc:
        for word, kind in words.items():
            at = doc.text.find(word)
            while at >= 0:
                doc.mentions.append(Mention(kind, at, at + len(word), ref=word))
                at = doc.text.find(word, at + 1)
        return doc

    return Pipeline(stages=[("fake", stage)])


CORPUS = """علی|B_PER
رضایی|I_PER
به|O
تهران|B_LOC
رفت|O
.|O

سازمان|B_ORG
ملل|I_ORG
در|O
نیویورک|B_LOC
ساعت|B_TIM
۱۰|I_TIM
"""


def test_evaluate_sentences_with_a_recognizer(tmp_path: Path) -> None:
    pipeline = fake_recognizer({"علی رضایی": "PERSON", "تهران": "PLACE", "ملل": "ACTOR", "ساعت": "DATE"})
    fmt = FORMATS["pipe"]
    result = evaluate_sentences(read_sentences(CORPUS.splitlines(keepends=True), fmt), fmt, pipeline)
    assert result.sentences == 2
    assert result.per_type == {
        "PER": SpanCounts(1, 0, 0),
        "LOC": SpanCounts(1, 0, 1),
        "ORG": SpanCounts(0, 1, 1),
        "DAT": SpanCounts(0, 1, 0),  # TIM is not scored, so a DATE on it is a false alarm
    }
    overall = result.overall
    assert (overall.tp, overall.fp, overall.fn) == (2, 2, 2)
    assert (overall.precision, overall.recall, overall.f1) == (0.5, 0.5, 0.5)
    path = tmp_path / "tiny.txt"
    path.write_text(CORPUS, encoding="utf-8")
    limited = evaluate_file(path, pipeline, limit=1)
    assert limited.sentences == 1
    assert limited.overall == SpanCounts(2, 0, 0)


def test_conll_maps_pog_to_org_and_ignores_eve_and_nat(tmp_path: Path) -> None:
    path = tmp_path / "tweets.txt"
    path.write_text("حزب\tB-POG\nدموکرات\tI-POG\nو\tO\nایرانی\tB-NAT\nالمپیک\tB-EVE\n", encoding="utf-8")
    pipeline = fake_recognizer({"حزب دموکرات": "ACTOR", "المپیک": "DATE"})
    result = evaluate_file(path, pipeline)
    assert result.format == "conll"
    assert result.per_type == {"ORG": SpanCounts(1, 0, 0), "LOC": SpanCounts(), "PER": SpanCounts()}


def test_failed_sentence_is_a_problem_not_a_crash() -> None:
    def broken(doc: Doc) -> Doc:
        raise RuntimeError("boom")

    fmt = FORMATS["pipe"]
    result = evaluate_sentences(
        read_sentences(CORPUS.splitlines(keepends=True), fmt),
        fmt,
        Pipeline(stages=[("broken", broken)]),
        "c.txt",
    )
    assert result.overall == SpanCounts(0, 0, 4)  # PER, LOC, ORG, LOC; TIM not scored
    assert (
        len(result.problems) == 2
        and "E130 " in result.problems[0]
        and "RuntimeError: boom" in result.problems[0]
    )


def test_peyma_test_split_reads_with_gold_counts() -> None:
    path = BENCHMARKS / "peyma" / "test.txt"
    if not path.exists():
        pytest.skip("shared benchmarks are absent")
    with path.open(encoding="utf-8") as handle:
        sentences = list(read_sentences(handle, FORMATS["pipe"], str(path)))
    assert len(sentences) == 1026
    assert sum(len(s) for s in sentences) == 32176


def test_unnamed_actor_mentions_are_not_counted_as_org(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text("دولت|O\nاعلام|O\nکرد|O\n", encoding="utf-8")

    def stage(doc: Doc) -> Doc:
        doc.mentions.append(Mention("ACTOR", 0, 4, None, {"force": "government"}))
        return doc

    result = evaluate_file(path, Pipeline(stages=[("bare", stage)]))
    assert result.per_type["ORG"] == SpanCounts(0, 0, 0)


def test_flat_scoring_keeps_the_outermost_name_and_leaves_roles_out(tmp_path: Path) -> None:
    """A place inside a predicted organization and an unnamed office holder are not NER spans of their own."""
    path = tmp_path / "c.txt"
    path.write_text(
        "شهرداری|B_ORG\nکرج|I_ORG\nو|O\nسفیر|O\nروسیه|B_LOC\nگفتند|O\n",
        encoding="utf-8",
    )

    def stage(doc: Doc) -> Doc:
        text = doc.text
        organization = text.index("شهرداری")
        town = text.index("کرج")
        role = text.index("سفیر")
        country = text.index("روسیه")
        doc.mentions.extend(
            [
                Mention("ACTOR", organization, town + 3, None, {"org_source": "pattern"}),
                Mention("PLACE", town, town + 3, None, {"candidates": ["karaj"]}),
                Mention("PERSON", role, country + 5, None, {"title": "Ambassador", "org": "rus-government"}),
                Mention("PLACE", country, country + 5, "country:RUS", {"inside": True}),
            ]
        )
        return doc

    result = evaluate_file(path, Pipeline(stages=[("flat", stage)]))
    assert result.per_type["ORG"] == SpanCounts(1, 0, 0)
    assert result.per_type["LOC"] == SpanCounts(1, 0, 0)
    assert result.per_type["PER"] == SpanCounts(0, 0, 0)


def test_outermost_and_is_named() -> None:
    actor = Mention("ACTOR", 0, 12, "x", {})
    inner = Mention("PLACE", 8, 12, None, {})
    named_person = Mention("PERSON", 20, 30, None, {"name_source": "given-name", "org": "y"})
    role = Mention("PERSON", 40, 50, None, {"title": "Minister", "org": "y"})
    assert not is_named(role) and is_named(named_person)
    assert outermost([actor, inner, named_person, role]) == [actor, named_person]
