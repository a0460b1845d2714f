"""`rasad ingest`, `rasad export` and `rasad cluster` through the real command line (click's runner)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from rasad.cli import main
from rasad.export.acled import ACLED_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def run(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("examples") / "rasad.db"
    code, _, err = run(["ingest", str(EXAMPLES), "--db", str(db), "--published", "2024-06-10", "--workers", "2"])
    assert code == 0, err
    read = int(re.search(r"read (\d+) articles", err).group(1))  # type: ignore[union-attr]
    assert read >= 7 and f"{read} new, 0 updated, 0 unchanged, 0 skipped" in err
    return db


def test_ingest_examples_then_nothing_new(examples_db: Path) -> None:
    before = {t: count(examples_db, t) for t in ("articles", "events", "mentions", "sources", "clusters")}
    assert before["articles"] >= 7 and before["events"] > 7 and before["clusters"] < before["events"]
    code, _, err = run(["ingest", str(EXAMPLES), "--db", str(examples_db), "--published", "2024-06-10", "--workers", "1"])
    assert code == 0 and f"0 new, 0 updated, {before['articles']} unchanged, 0 skipped" in err
    assert {t: count(examples_db, t) for t in before} == before


def test_ingest_merges_one_event_told_by_two_outlets(examples_db: Path) -> None:
    code, out, _ = run(["cluster", "--db", str(examples_db)])
    assert code == 0
    top = out.splitlines()[0]
    assert "2 reports" in top or "3 reports" in top
    code, shown, _ = run(["cluster", top.split()[0][:10], "--db", str(examples_db)])
    assert code == 0 and "report 1" in shown and "report 2" in shown and "evidence" in shown
    code, as_json, _ = run(["cluster", top.split()[0], "--db", str(examples_db), "--json"])
    cluster = json.loads(as_json)
    assert len({r["article_id"] for r in cluster["reports"]}) == cluster["n_reports"] >= 2


def test_export_acled_csv_from_the_store(examples_db: Path) -> None:
    code, out, err = run(["export", "--db", str(examples_db), "--format", "acled-csv"])
    assert code == 0 and "rasad: wrote" in err
    rows = list(csv.reader(io.StringIO(out)))
    assert tuple(rows[0]) == ACLED_COLUMNS
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert len(records) == count(examples_db, "clusters")
    nabatieh = [r for r in records if r["event_date"] == "2024-04-21" and r["sub_event_type"] == "Air/drone strike"]
    assert nabatieh and nabatieh[0]["country"] == "Lebanon" and nabatieh[0]["iso"] == "422"
    assert nabatieh[0]["notes"].startswith("On 21 April 2024, ") and "Tasnim News Agency" in nabatieh[0]["source"]


def test_export_filters_and_formats(examples_db: Path, tmp_path: Path) -> None:
    code, out, _ = run(["export", "--db", str(examples_db), "--country", "LBN", "--since", "1403-02-01"])
    assert code == 0 and {row["country"] for row in csv.DictReader(io.StringIO(out))} == {"Lebanon"}
    code, out, _ = run(["export", "--db", str(examples_db), "--type", "PROTEST", "--format", "plover-json"])
    records = [json.loads(line) for line in out.splitlines()]
    assert records and {r["event"] for r in records} == {"PROTEST"}
    geojson = tmp_path / "events.geojson"
    code, _, err = run(["export", "--db", str(examples_db), "--format", "geojson", "-o", str(geojson), "--bbox", "44,25,63.5,40"])
    features = json.loads(geojson.read_text(encoding="utf-8"))["features"]
    assert code == 0 and features and all(44 <= f["geometry"]["coordinates"][0] <= 63.5 for f in features)
    parquet = tmp_path / "events.parquet"
    code, _, _ = run(["export", "--db", str(examples_db), "--format", "parquet", "-o", str(parquet), "--reports"])
    assert code == 0 and pq.read_table(parquet).num_rows == count(examples_db, "events")


def test_export_usage_errors(tmp_path: Path) -> None:
    code, _, err = run(["export", "--db", str(tmp_path / "none.db")])
    assert code == 1 and "no such database" in err
    code, _, err = run(["export", "--db", str(tmp_path / "none.db"), "--bbox", "1,2,3"])
    assert code == 2 and "MIN_LON" in err


def test_ingest_bad_inputs_are_skipped_with_reasons(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES / "articles", folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(1, 256)) * 40)
    (folder / "english.html").write_text("<html><body><article><p>" + "All quiet in the city today. " * 20 + "</p></article></body></html>", encoding="utf-8")
    (folder / "fake.rss").write_text("<!DOCTYPE html><html><body>خبر</body></html>", encoding="utf-8")
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    db = tmp_path / "bad.db"
    code, _, err = run(["ingest", str(folder), "--db", str(db), "--workers", "1", "--no-progress"])
    assert code == 1 and "Traceback" not in err
    assert "skipped 5 inputs" in err
    for expected in ("empty.txt: E103", "junk.txt: E104", "english.html: E105", "fake.rss: E201", "huge.txt: E107"):
        assert expected in err
    assert count(db, "articles") == 3  # the good ones are kept


def test_ingest_changed_article_replaces_its_events(tmp_path: Path) -> None:
    archive = tmp_path / "a.jsonl"
    first = {"url": "https://x.ir/1", "published": "2024-04-22", "text": "به گزارش ایرنا، انفجاری در شهر اهواز رخ داد و دو نفر کشته شدند."}
    archive.write_text(json.dumps(first, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "c.db"
    assert run(["ingest", str(archive), "--db", str(db), "--workers", "1"])[0] == 0
    with sqlite3.connect(db) as connection:
        old = connection.execute("SELECT uid FROM events").fetchall()
    changed = {**first, "text": "به گزارش ایرنا، تظاهرات کشاورزان در شهر اصفهان برگزار شد."}
    archive.write_text(json.dumps(changed, ensure_ascii=False) + "\n", encoding="utf-8")
    code, _, err = run(["ingest", str(archive), "--db", str(db), "--workers", "1"])
    assert code == 0 and "0 new, 1 updated, 0 unchanged" in err
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*), MIN(raw_text) FROM articles").fetchone() == (1, changed["text"])
        types = [row[0] for row in connection.execute("SELECT type FROM events")]
        assert not set(connection.execute("SELECT uid FROM events").fetchall()) & set(old)
    assert "ASSAULT" not in types


def test_ingest_csv_archive_with_column_flags(tmp_path: Path) -> None:
    archive = tmp_path / "news.csv"
    archive.write_text('matn,tarikh,link\n"به گزارش ایسنا، دو نفر در انفجار بمب در کابل کشته شدند.",2024-05-03,https://y.af/1\n', encoding="utf-8")
    db = tmp_path / "csv.db"
    code, _, err = run(["ingest", str(archive), "--db", str(db), "--text-column", "matn", "--published-column", "tarikh", "--url-column", "link"])
    assert code == 0, err
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT url, published FROM articles").fetchone() == ("https://y.af/1", "2024-05-03")
    code, _, err = run(["ingest", str(archive), "--db", str(tmp_path / "x.db")])
    assert code == 1 and "E205" in err and "--text-column" in err
