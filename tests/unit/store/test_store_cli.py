"""`--db` on each engine: `rasad ingest`, `rasad export` and `rasad cluster` through click's runner."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from click.testing import CliRunner

from rasad.cli import main

ARTICLES = Path(__file__).resolve().parents[3] / "examples" / "articles"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def ingest(db: str) -> str:
    code, _, err = run("ingest", str(ARTICLES), "--db", db, "--published", "2024-06-10", "--workers", "1", "--no-progress")
    assert code == 0, err
    return err


def acled_rows(db: str) -> list[dict[str, str]]:
    code, out, err = run("export", "--db", db, "--format", "acled-csv")
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def test_store_cli_ingest_export_cluster(store_target: str) -> None:
    first = ingest(store_target)
    assert "3 new, 0 updated, 0 unchanged, 0 skipped" in first
    assert "3 articles, 4 events in 4 clusters" in first
    assert "0 new, 0 updated, 3 unchanged, 0 skipped" in ingest(store_target)
    rows = acled_rows(store_target)
    assert sorted(r["location"] for r in rows) == ["Kiryat Shmona", "Nabatieh", "Rask", "Saravan"]
    assert [r["event_date"] for r in rows] == sorted(r["event_date"] for r in rows)
    code, listing, _ = run("cluster", "--db", store_target, "--rebuild")
    assert code == 0 and len(listing.splitlines()) == 4
    cluster_id = listing.splitlines()[0].split()[0]
    code, shown, _ = run("cluster", cluster_id[:8], "--db", store_target, "--json")
    assert code == 0 and json.loads(shown)["id"] == cluster_id


def test_store_cli_engines_export_the_same_events(tmp_path: Path, postgres_target: str) -> None:
    sqlite_db = str(tmp_path / "rasad.db")
    ingest(sqlite_db)
    ingest(postgres_target)
    for fmt in ("acled-csv", "plover-json", "geojson"):
        outputs = []
        for db in (sqlite_db, postgres_target):
            code, out, err = run("export", "--db", db, "--format", fmt)
            assert code == 0, err
            outputs.append(re.sub(r'(,\d{10}\r?$|"timestamp": *"?[^,}]+)', "", out, flags=re.M))  # when each store was written
        assert outputs[0] == outputs[1], fmt
        assert outputs[0].count("Saravan") >= 1


def test_store_cli_says_which_database_failed_without_the_password(tmp_path: Path) -> None:
    code, _, err = run("ingest", str(ARTICLES), "--db", "postgresql://rasad:s3cret@127.0.0.1:1/rasad?connect_timeout=3", "--no-progress")
    assert code == 1 and "cannot open the database" in err and "s3cret" not in err
    code, _, err = run("export", "--db", "postgresql://rasad:s3cret@127.0.0.1:1/rasad?connect_timeout=3")
    assert code == 1 and "rasad:***@127.0.0.1:1" in err and "s3cret" not in err
