from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rasad.cli import main

ARTICLE = "به گزارش ایرنا، انفجاری در شهر اهواز رخ داد.\nنظر شما"


def run(args: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_extract_prints_document_envelope(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(["extract", str(path), "--published", "2024-04-22", "--outlet", "ایرنا", "--url", "http://x/1"])
    assert code == 0
    document = json.loads(out)
    assert document["schema"] == "rasad.document/1"
    assert document["article"] == {"id": "a", "outlet": "ایرنا", "published": "2024-04-22", "url": "http://x/1", "title": None}
    assert document["text"] == "به گزارش ایرنا، انفجاری در شهر اهواز رخ داد."
    assert document["lead_source"]["text"] == "ایرنا"
    assert isinstance(document["mentions"], list) and isinstance(document["events"], list)


def test_extract_jalali_published_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(["extract", str(path), "--published", "۱۴۰۳/۰۲/۰۳"])
    assert code == 0
    assert json.loads(out)["article"]["published"] == "2024-04-22"


def test_extract_bad_date_is_usage_error() -> None:
    code, _, err = run(["extract", "x.txt", "--published", "2024-02-30"])
    assert code == 2
    assert "bad date" in err


def test_extract_stdin_and_jsonl_overrides(tmp_path: Path) -> None:
    archive = tmp_path / "arch.jsonl"
    archive.write_text(
        json.dumps({"id": "k1", "text": "حمله در کابل", "published": "2023-01-02", "outlet": "طلوع"}, ensure_ascii=False)
        + "\n\n"
        + json.dumps({"text": "انفجار در هرات"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    code, out, _ = run(["extract", str(archive), "-", "--published", "2024-01-01", "--outlet", "ایسنا"], stdin=ARTICLE.encode())
    assert code == 0
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["article"]["id"] for d in docs[:2]] == ["k1", "arch-3"]
    assert docs[0]["article"]["published"] == "2023-01-02" and docs[0]["article"]["outlet"] == "طلوع"
    assert docs[1]["article"]["published"] == "2024-01-01" and docs[1]["article"]["outlet"] == "ایسنا"
    assert docs[2]["text"].startswith("به گزارش ایرنا")


def test_extract_batch_reports_every_bad_input_and_continues(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "nul.txt").write_bytes(b"abc\x00def")
    (tmp_path / "random.txt").write_bytes(bytes(range(128, 256)) * 20)
    (tmp_path / "page.txt").write_text("<html><body><p>خبر</p></body></html>", encoding="utf-8")
    (tmp_path / "english.txt").write_text("An English text.", encoding="utf-8")
    (tmp_path / "old.txt").write_bytes("انفجار در شهر اهواز رخ داد".encode("cp1256"))
    (tmp_path / "lines.jsonl").write_text('not json\n{"text": 5}\n[1]\n', encoding="utf-8")
    code, out, err = run(["extract", str(tmp_path), str(tmp_path / "missing.txt")])
    assert code == 1
    texts = [json.loads(line)["text"] for line in out.splitlines()]
    assert texts == [ARTICLE.split("\n")[0], "انفجار در شهر اهواز رخ داد"]
    assert "Traceback" not in err
    for expected in [
        "empty.txt: E103 empty article",
        "nul.txt: E104 binary data",
        "random.txt: E104",
        "page.txt: E106",
        "english.txt: E105",
        "lines.jsonl:1: E110 line is not JSON",
        'lines.jsonl:2: E111 line is not an article: no "text" string',
        "lines.jsonl:3: E111",
        "missing.txt: E120",
    ]:
        assert expected in err, expected
    assert "skipped 9 of 11 inputs" in err


def test_normalize_command(tmp_path: Path) -> None:
    code, out, _ = run(["normalize", "-"], stdin="گردانهای حزبالله در بیانیهای اعلام کرد".encode())
    assert code == 0
    assert out.strip() == "گردان‌های حزب‌الله در بیانیه‌ای اعلام کرد"


def test_help_for_every_command() -> None:
    for command in main.commands:
        code, out, _ = run([command, "--help"])
        assert code == 0 and "Usage" in out
