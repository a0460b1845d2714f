"""Planning: partitions read back exactly what a single-process read gives, whatever the partition size."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.engine.partition import Inline, JsonlSlice, Partition, TextFile, read_partition
from rasad.engine.plan import plan
from rasad.ingest.files import ArticleDefaults, read_inputs
from rasad.model import Article, Problem

MakeArchive = Callable[..., Path]
DEFAULTS = ArticleDefaults(published="2024-04-22")


def _key(item: Article | Problem) -> tuple[str, ...]:
    if isinstance(item, Problem):
        return ("problem", item.origin, item.code)
    return ("article", item.id, item.origin or "", item.text, item.published or "")


def _read_planned(sources: list[str], size: int, root: Path) -> list[tuple[str, ...]]:
    work = plan(sources, size, DEFAULTS)
    items = [_key(p) for p in work.problems]
    for partition in work.partitions:
        items.extend(_key(item) for item in read_partition(partition, DEFAULTS, str(root)))
    return items


@pytest.mark.parametrize("size", [1, 2, 7, 25, 1000])
def test_plan_jsonl_slices_read_like_read_inputs(make_archive: MakeArchive, size: int) -> None:
    archive = make_archive(60, bad_every=9)
    expected = [_key(item) for item in read_inputs([str(archive)], DEFAULTS)]
    assert _read_planned([str(archive)], size, archive.parent) == expected


def test_plan_cuts_partitions_of_the_given_size(make_archive: MakeArchive) -> None:
    archive = make_archive(100)
    work = plan([str(archive)], 30, DEFAULTS)
    assert [p.size for p in work.partitions] == [30, 30, 30, 10]
    assert [p.index for p in work.partitions] == [0, 1, 2, 3]
    slices = [p.pieces[0] for p in work.partitions]
    assert all(isinstance(s, JsonlSlice) for s in slices)
    assert [s.first_line for s in slices if isinstance(s, JsonlSlice)] == [1, 31, 61, 91]
    assert work.partitions[1].name == "part-000001"
    assert work.partitions[1].label() == f"part-000001 ({archive}:31-60)"


def test_plan_folder_mixes_text_files_and_archives_in_name_order(tmp_path: Path, make_archive: MakeArchive, gold_texts: list[str]) -> None:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    for i, text in enumerate(gold_texts[:5]):
        (folder / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    (folder / "sub" / "late.txt").write_text(gold_texts[6], encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / ".hidden.txt").write_text(gold_texts[7], encoding="utf-8")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    archive = make_archive(8, name="news/03b.jsonl")
    sources = [str(folder), str(tmp_path / "missing.txt")]
    expected = [_key(item) for item in read_inputs(sources, DEFAULTS)]
    planned = _read_planned(sources, 3, tmp_path)
    assert sorted(planned) == sorted(expected)  # problems found while planning come first
    assert [k for k in planned if k[0] == "article"] == [k for k in expected if k[0] == "article"]
    pieces = [piece for p in plan(sources, 3, DEFAULTS).partitions for piece in p.pieces]
    assert [type(piece) for piece in pieces[:4]] == [TextFile, TextFile, TextFile, TextFile]
    assert any(isinstance(piece, JsonlSlice) and piece.path == str(archive) for piece in pieces)


def test_plan_reports_missing_sources_before_any_worker(tmp_path: Path) -> None:
    work = plan([str(tmp_path / "nowhere.jsonl")], 10, DEFAULTS)
    assert work.partitions == []
    assert [(p.code, p.origin) for p in work.problems] == [("E120", str(tmp_path / "nowhere.jsonl"))]


def test_plan_ships_standard_input_with_the_partition(gold_texts: list[str]) -> None:
    stdin = io.BytesIO(gold_texts[0].encode("utf-8"))
    work = plan(["-"], 10, DEFAULTS, stdin=stdin)
    [partition] = work.partitions
    [piece] = partition.pieces
    assert isinstance(piece, Inline) and piece.articles[0].origin == "<stdin>"
    assert [a.id for a in read_partition(partition, DEFAULTS, "/")] == [piece.articles[0].id]


def test_relative_paths_are_read_from_the_drivers_folder_and_reported_as_given(tmp_path: Path, gold_texts: list[str]) -> None:
    (tmp_path / "a.txt").write_text(gold_texts[0], encoding="utf-8")
    partition = Partition(0, (TextFile("a.txt"), TextFile("gone.txt")), 2)
    article, problem = list(read_partition(partition, DEFAULTS, str(tmp_path)))
    assert isinstance(article, Article) and (article.id, article.origin) == ("a", "a.txt")
    assert isinstance(problem, Problem) and (problem.code, problem.origin) == ("E101", "gone.txt")


@settings(max_examples=60, deadline=None)
@given(
    lines=st.lists(st.sampled_from(["", "  ", "{bad", '{"text": "خبر"}', '{"id": 7, "text": "انفجار در اهواز"}']), max_size=30),
    size=st.integers(min_value=1, max_value=8),
    final_newline=st.booleans(),
)
def test_any_cut_of_an_archive_reads_every_line_once(tmp_path_factory: pytest.TempPathFactory, lines: list[str], size: int, final_newline: bool) -> None:
    folder = tmp_path_factory.mktemp("cut")
    archive = folder / "x.jsonl"
    archive.write_text("\n".join(lines) + ("\n" if final_newline and lines else ""), encoding="utf-8")
    expected = [_key(item) for item in read_inputs([str(archive)], DEFAULTS)]
    assert _read_planned([str(archive)], size, folder) == expected
