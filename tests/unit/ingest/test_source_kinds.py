from __future__ import annotations

import json
import shutil
from pathlib import Path

from rasad.ingest.files import ArticleDefaults
from rasad.ingest.sources import SourceOptions, read_sources
from rasad.model import Article, Problem

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
ARABIC = "أعلنت وزارة الدفاع في بيان لها اليوم أن قواتها تمكنت من صد هجوم شنته مجموعة مسلحة على موقع عسكري في ريف المدينة " * 3


def _read(*sources: str, published: str | None = None) -> list[Article | Problem]:
    return list(read_sources(list(sources), SourceOptions(defaults=ArticleDefaults(published=published))))


def _by_origin(items: list[Article | Problem]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in items:
        key = Path((item.origin or "").split(":")[0].split("#")[0]).name
        found.setdefault(key, []).append(item.code if isinstance(item, Problem) else "article")
    return found


def test_source_kinds_in_a_folder(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    (tmp_path / "examples" / "notes.json").write_text("{}", encoding="utf-8")  # not a source kind: left alone
    (tmp_path / "examples" / ".hidden.txt").write_text("انفجار", encoding="utf-8")
    sub = tmp_path / "examples" / "more"
    sub.mkdir()
    (sub / "saved.txt").write_bytes((EXAMPLES / "pages" / "2024-06-10_saravan_border_post.html").read_bytes())  # a page, whatever its name
    (sub / "archive.csv").write_text('text,published\n"درگیری در کابل",2024-05-01\n', encoding="utf-8")
    (sub / "feed.xml").write_bytes((EXAMPLES / "feeds" / "news_example.rss").read_bytes())
    found = _by_origin(_read(str(tmp_path / "examples")))
    assert found == {
        "2024-04-22_archive.jsonl": ["article", "article"],
        "2024-06-10_saravan_clash.txt": ["W201", "article"],
        "news_example.rss": ["article"] * 3,
        "archive.csv": ["article"],
        "feed.xml": ["article"] * 3,
        "saved.txt": ["article"],
        "2024-06-10_saravan_border_post.html": ["article"],
    }


def test_source_kinds_bad_inputs_each_give_a_reason(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    shutil.copy(huge, tmp_path / "huge.html")
    (tmp_path / "junk.txt").write_bytes(bytes(range(1, 256)) * 40)
    (tmp_path / "junk.html").write_bytes(b"<html>\x00\x00\xff\xfe" * 100)
    (tmp_path / "english.txt").write_text("A perfectly good article, in English.", encoding="utf-8")
    (tmp_path / "arabic.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "page.rss").write_text("<!DOCTYPE html><html><body><p>خبر</p></body></html>", encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text('{"text": "حمله در کابل", "published": "2024-13-01"}\n', encoding="utf-8")
    items = _read(str(tmp_path), str(tmp_path / "absent.txt"), published="2024-01-01")
    codes = {Path(p.origin).name.split(":")[0]: p.code for p in items if isinstance(p, Problem)}
    assert codes == {
        "huge.txt": "E107",
        "huge.html": "E107",
        "junk.txt": "E104",
        "junk.html": "E104",
        "english.txt": "E105",
        "arabic.txt": "E204",
        "page.rss": "E201",
        "lines.jsonl": "E112",
        "absent.txt": "E120",
    }
    assert not any(isinstance(i, Article) for i in items)
    assert all("Traceback" not in p.message for p in items if isinstance(p, Problem))


def test_source_kinds_missing_date_is_a_warning_not_a_skip(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "حمله در کابل"}, ensure_ascii=False) + "\n", encoding="utf-8")
    warning, article = _read(str(tmp_path / "a.jsonl"))
    assert isinstance(warning, Problem) and (warning.code, warning.severity) == ("W201", "warning")
    assert isinstance(article, Article) and article.published is None
    [dated] = _read(str(tmp_path / "a.jsonl"), published="2024-02-03")
    assert isinstance(dated, Article) and dated.published == "2024-02-03"
