"""`rasad eval` and `rasad eval-ner` through click's runner, on small files written in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from rasad.cli import main

TEXT = "به گزارش ایرنا، پهپادهای اسرائیل روز دوشنبه خودرویی را در شهر صور هدف قرار دادند و یک نفر کشته شد."
QUIET = "هوای تهران امروز آفتابی و معتدل است و بارش باران پیش بینی نمی شود."


def gold(file: str, events: list[dict[str, Any]], entities: list[dict[str, Any]]) -> str:
    data = {
        "format": "rasad.gold/1",
        "article": {
            "file": file,
            "outlet": "ایرنا",
            "published": "2024-04-23",
            "tags": ["no-event"] if not events else [],
        },
        "events": events,
        "entities": entities,
    }
    return json.dumps(data, ensure_ascii=False)


STRIKE = {
    "id": "E1",
    "what": "Israeli drone strike on a car in Tyre on Monday; one killed",
    "required": True,
    "type": "ASSAULT",
    "timing": "current",
    "date": {"value": "2024-04-22", "tolerance_days": 0},
    "location_any": [{"name": "Tyre", "country": "LBN", "lat": 33.27, "lon": 35.2, "radius_km": 25}],
    "fatalities": 1,
}


def write_gold_dir(folder: Path) -> Path:
    folder.mkdir()
    (folder / "001_strike.txt").write_text(TEXT, encoding="utf-8")
    (folder / "001_strike.gold.json").write_text(
        gold(
            "001_strike.txt", [STRIKE], [{"kind": "LOC", "text": "صور"}, {"kind": "OUTLET", "text": "ایرنا"}]
        ),
        encoding="utf-8",
    )
    (folder / "002_weather.txt").write_text(QUIET, encoding="utf-8")
    (folder / "002_weather.gold.json").write_text(
        gold("002_weather.txt", [], [{"kind": "LOC", "text": "تهران"}]), encoding="utf-8"
    )
    return folder


def run(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.stdout, result.stderr


def test_eval_prints_tables_and_writes_report(tmp_path: Path) -> None:
    folder = write_gold_dir(tmp_path / "gold")
    report = tmp_path / "out.json"
    code, out, err = run(["eval", str(folder), "--report", str(report)])
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("events P=") and " R=" in lines[0] and " F1=" in lines[0]
    assert "required gold 1," in lines[0]
    assert any(line.startswith("argument") for line in lines)
    assert any(line.startswith("mention recall ") and line.endswith("/3)") for line in lines)
    assert lines[-1].startswith("2 articles: events P=")
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["format"] == "rasad.eval/1"
    assert data["sources"] == [str(folder)]
    assert data["events"]["required"] == 1
    assert data["mentions"]["recall"]["total"] == 3
    assert [a["id"] for a in data["articles"]] == ["001_strike", "002_weather"]
    assert set(data["arguments"]) == {
        "actor1",
        "actor2",
        "location",
        "date",
        "fatalities",
        "injured",
        "timing",
        "acled_sub_event_type",
    }


def test_eval_several_folders_and_texts_elsewhere(tmp_path: Path) -> None:
    first = write_gold_dir(tmp_path / "a")
    second = tmp_path / "b"
    second.mkdir()
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "x.txt").write_text(TEXT, encoding="utf-8")
    (second / "003_other.gold.json").write_text(gold("x.txt", [STRIKE], []), encoding="utf-8")
    report = tmp_path / "out.json"
    code, _, err = run(["eval", str(first), str(second), "--texts", str(texts), "--report", str(report)])
    assert code == 0, err
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [a["id"] for a in data["articles"]] == ["001_strike", "002_weather", "003_other"]
    assert data["events"]["required"] == 2


def test_eval_bad_gold_file_is_named_and_exits_1(tmp_path: Path) -> None:
    folder = write_gold_dir(tmp_path / "gold")
    (folder / "009_bad.gold.json").write_text(
        gold("001_strike.txt", [{**STRIKE, "type": "ATTACK"}], []), encoding="utf-8"
    )
    code, out, err = run(["eval", str(folder)])
    assert code == 1
    assert f"{folder / '009_bad.gold.json'}: at $.events[0].type: 'ATTACK' is not one of" in err
    assert out.splitlines()[-1].startswith("2 articles: ")  # the good files are still scored


PEYMA_LIKE = "علی|B_PER\nرضایی|I_PER\nبه|O\nتهران|B_LOC\nرفت|O\n\nروز|B_DAT\nشنبه|I_DAT\nدر|O\nسازمان|B_ORG\nملل|I_ORG\nو|O\nمشهد|B_LOC\n"


def test_eval_ner_pipe_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "tiny.txt"
    corpus.write_text(PEYMA_LIKE, encoding="utf-8")
    report = tmp_path / "ner.json"
    code, out, err = run(["eval-ner", str(corpus), "--format", "pipe", "--report", str(report)])
    assert code == 0, err
    assert out.startswith("ner P=") and "(" + str(corpus) + ", pipe, 2 sentences)" in out.splitlines()[0]
    data = json.loads(report.read_text(encoding="utf-8"))
    gold_counts = {kind: c["tp"] + c["fn"] for kind, c in data["per_type"].items()}
    assert gold_counts == {"DAT": 1, "LOC": 2, "ORG": 1, "PER": 1}
    assert data["overall"]["tp"] + data["overall"]["fn"] == 5


def test_eval_ner_conll_detected_and_limited(tmp_path: Path) -> None:
    corpus = tmp_path / "tweets.txt"
    corpus.write_text("سلام\tO\nتهران\tB-LOC\n\nحزب\tB-POG\nسبز\tI-POG\n", encoding="utf-8")
    report = tmp_path / "ner.json"
    code, out, err = run(["eval-ner", str(corpus), "--limit", "1", "--report", str(report)])
    assert code == 0, err
    data = json.loads(report.read_text(encoding="utf-8"))
    assert (data["format"], data["sentences"]) == ("conll", 1)
    assert {kind: c["tp"] + c["fn"] for kind, c in data["per_type"].items()} == {"LOC": 1, "ORG": 0, "PER": 0}


def test_eval_ner_malformed_corpus_is_a_clear_error(tmp_path: Path) -> None:
    corpus = tmp_path / "bad.txt"
    corpus.write_text("علی|B_PER\nخراب\n", encoding="utf-8")
    code, _, err = run(["eval-ner", str(corpus)])
    assert code == 1
    assert f"{corpus}:2: not a `token|TAG` line" in err


def test_eval_ner_non_utf8_corpus_is_a_clear_error(tmp_path: Path) -> None:
    corpus = tmp_path / "old.txt"
    corpus.write_bytes(b"\xff\xfe|O\n")
    code, _, err = run(["eval-ner", str(corpus)])
    assert code == 1
    assert f"{corpus}: not UTF-8 text (invalid start byte at byte 0)" in err
