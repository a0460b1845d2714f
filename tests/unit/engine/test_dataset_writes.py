"""The Parquet dataset: one file per partition, table and month; writes idempotent; the folder guarded."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from rasad.engine.codes import EngineError
from rasad.engine.dataset import MANIFEST, prepare, read_table, remove_leftovers, write_partition
from rasad.engine.tables import TableRows, month_of
from rasad.export.document import to_document
from rasad.model import Article, Doc
from rasad.pipeline import Pipeline


def _rows(pipeline: Pipeline, gold_texts: list[str], ids: list[str]) -> TableRows:
    rows = TableRows()
    for n, article_id in enumerate(ids):
        published = "2024-05-02" if n % 2 else None
        article = Article(article_id, gold_texts[n % len(gold_texts)], published=published, origin=f"x.jsonl:{n + 1}")
        doc = pipeline.run(article)
        assert isinstance(doc, Doc)
        rows.add(article, to_document(doc))
    return rows


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_month_of_publication() -> None:
    assert month_of("2024-04-22") == "2024-04"
    assert month_of(None) == "unknown"
    assert month_of("someday") == "unknown"


def test_partition_written_twice_leaves_one_whole_copy(tmp_path: Path, pipeline: Pipeline, gold_texts: list[str]) -> None:
    ids = ["c", "a", "d", "b"]
    written = write_partition(tmp_path, "part-000004", _rows(pipeline, gold_texts, ids))
    first = _files(tmp_path)
    again = write_partition(tmp_path, "part-000004", _rows(pipeline, gold_texts, ids))
    assert written == again
    assert _files(tmp_path) == first  # byte for byte: same names, same content, no temporary files
    assert sorted(written) == sorted(
        f"{table}/month={month}/part-000004.parquet" for table in ("documents", "events", "mentions") for month in ("2024-05", "unknown")
    )
    documents = pq.read_table(tmp_path / "documents" / "month=unknown" / "part-000004.parquet")
    assert documents.column("article_id").to_pylist() == ["c", "d"]  # sorted within the file


def test_events_keep_the_whole_contract_as_json(tmp_path: Path, pipeline: Pipeline, gold_texts: list[str]) -> None:
    article = Article("e1", gold_texts[0], published="2024-04-22")
    doc = pipeline.run(article)
    assert isinstance(doc, Doc)
    document = to_document(doc)
    rows = TableRows()
    rows.add(article, document)
    write_partition(tmp_path, "part-000000", rows)
    events = read_table(tmp_path, "events")
    assert events.num_rows == len(document["events"]) > 0
    assert [json.loads(e) for e in events.column("event_json").to_pylist()] == document["events"]
    assert events.column("event_id").to_pylist() == [e["id"] for e in document["events"]]
    assert set(events.column("month").to_pylist()) == {"2024-04"}
    mentions = read_table(tmp_path, "mentions")
    assert mentions.column("text").to_pylist() == [m["text"] for m in document["mentions"]]


def test_prepare_refuses_a_folder_that_is_not_a_dataset(tmp_path: Path) -> None:
    (tmp_path / "thesis.tex").write_text("precious", encoding="utf-8")
    with pytest.raises(EngineError) as caught:
        prepare(tmp_path)
    assert caught.value.code == "E302"
    assert (tmp_path / "thesis.tex").exists()


def test_prepare_replaces_a_previous_run(tmp_path: Path, pipeline: Pipeline, gold_texts: list[str]) -> None:
    out = tmp_path / "out"
    prepare(out)
    write_partition(out, "part-000009", _rows(pipeline, gold_texts, ["a", "b"]))
    prepare(out)
    assert [p.name for p in out.iterdir()] == [MANIFEST]
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["complete"] is False
    assert read_table(out, "events").num_rows == 0


def test_leftover_temporary_files_are_removed_and_never_read(tmp_path: Path, pipeline: Pipeline, gold_texts: list[str]) -> None:
    write_partition(tmp_path, "part-000000", _rows(pipeline, gold_texts, ["a"]))
    folder = tmp_path / "events" / "month=unknown"
    (folder / ".part-000001.parquet.0123.tmp").write_bytes(b"half a file")
    assert read_table(tmp_path, "events").num_rows > 0  # hidden names are skipped by the reader
    assert remove_leftovers(tmp_path) == 1
    assert not list(tmp_path.rglob("*.tmp"))
