"""Crash safety: `rasad ingest` killed with SIGKILL mid-run, then run again, leaves every article once and whole."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 500


def _archive(path: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "gold").glob("*.txt"))]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(ARTICLES):
            record = {"id": f"k{i}", "url": f"https://news.example.ir/{i}", "published": "2024-04-22", "text": f"{texts[i % len(texts)]}\nکد خبر: {i}"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_ingest_sigkill_then_rerun_finishes_without_duplicates(tmp_path: Path) -> None:
    archive, db = tmp_path / "archive.jsonl", tmp_path / "crash.db"
    _archive(archive)
    command = [sys.executable, "-c", "from rasad.cli import main; main()", "ingest", str(archive), "--db", str(db)]
    command += ["--workers", "2", "--batch-size", "10", "--no-progress"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while _stored(db) < 20 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)  # the command and its worker processes, mid-run
    process.wait()
    at_kill = _stored(db)
    assert process.returncode == -signal.SIGKILL and 0 < at_kill < ARTICLES, (process.returncode, at_kill)

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"read {ARTICLES} articles" in rerun.stderr
    unchanged = int(rerun.stderr.split(" unchanged")[0].rsplit(" ", 1)[-1])
    assert unchanged >= at_kill

    with sqlite3.connect(db) as connection:
        one = lambda sql: connection.execute(sql).fetchone()[0]  # noqa: E731
        assert one("SELECT COUNT(*) FROM articles") == ARTICLES
        assert one("SELECT COUNT(DISTINCT url) FROM articles") == ARTICLES
        assert one("SELECT COUNT(*) FROM articles a WHERE n_events != (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id)") == 0
        assert one("SELECT COUNT(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)") == 0
        assert one("SELECT COUNT(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)") == 0
        assert one("SELECT COUNT(*) FROM sources WHERE event_uid NOT IN (SELECT uid FROM events)") == 0
        assert one("SELECT COUNT(*) FROM events WHERE cluster_id IS NULL") == 0
        assert one("SELECT SUM(n_reports) FROM clusters") == one("SELECT COUNT(*) FROM events")
        assert one("SELECT value FROM store_state WHERE name = 'clusters_dirty'") == "0"
        connection.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")  # raises if out of step
        assert one("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'حمله'") > ARTICLES / 4
