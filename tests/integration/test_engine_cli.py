"""`rasad extract --out DIR` through the real command line (click's CliRunner); with Dask: test_engine_dask.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from rasad.cli import main
from rasad.engine import read_table

ROOT = Path(__file__).resolve().parents[2]


def _archive(path: Path, count: int = 40) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "gold").glob("*.txt"))]
    lines = [json.dumps({"id": f"c{i}", "text": texts[(7 * i) % len(texts)]}, ensure_ascii=False) for i in range(count)]
    lines.insert(5, "{broken")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _invoke(args: list[str]) -> Result:
    return CliRunner().invoke(main, args, catch_exceptions=False)


def test_out_writes_the_same_events_as_json_lines_on_stdout(tmp_path: Path) -> None:
    archive = _archive(tmp_path / "a.jsonl")
    plain = _invoke(["extract", str(archive), "--published", "2024-03-01"])
    assert plain.exit_code == 1 and "E110" in plain.stderr  # unchanged: JSON lines on stdout, summary on stderr
    printed = [json.loads(line) for line in plain.stdout.splitlines()]
    assert len(printed) == 40

    out = tmp_path / "dataset"
    args = ["extract", str(archive), "--published", "2024-03-01", "--out", str(out), "--workers", "1", "--partition-size", "9"]
    result = _invoke([*args, "--no-progress"])
    assert result.exit_code == 1, result.stderr  # one input skipped
    assert result.stdout == ""
    assert "rasad: 40 articles →" in result.stderr and "(5 of 5 partitions)" in result.stderr
    assert "engine local, 1 worker ready" in result.stderr and "  worker " in result.stderr
    assert f"  - {archive}:6: E110" in result.stderr
    events = read_table(out, "events")
    assert sorted(zip(events.column("article_id").to_pylist(), events.column("event_id").to_pylist(), strict=True)) == sorted(
        (d["article"]["id"], e["id"]) for d in printed for e in d["events"]
    )
    assert set(events.column("month").to_pylist()) == {"2024-03"}
    manifest = json.loads((out / "_rasad.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is True and manifest["articles"] == 40 and manifest["skipped"][0]["code"] == "E110"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "dask"], "need --out DIR"),
        (["--workers", "2"], "need --out DIR"),
        (["--out", "{tmp}/o", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
        (["--out", "{tmp}/o", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--workers", "2"], "start them with `dask worker`"),
        (["--out", "{tmp}/o", "--indent", "2"], "--indent is for JSON on standard output"),
        (["--out", "{tmp}"], "holds no rasad dataset"),
    ],
)
def test_engine_options_misused_are_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    archive = _archive(tmp_path / "a.jsonl", count=2)
    result = _invoke(["extract", str(archive), *[a.format(tmp=tmp_path) for a in args]])
    assert result.exit_code == 2
    assert message in result.stderr
