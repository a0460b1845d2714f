from __future__ import annotations

from pathlib import Path

from rasad.ingest.csv_archive import CsvColumns, read_csv
from rasad.ingest.files import ArticleDefaults
from rasad.model import Article, Problem


def _read(path: Path, columns: CsvColumns | None = None, defaults: ArticleDefaults | None = None) -> list[Article | Problem]:
    return list(read_csv(path, defaults or ArticleDefaults(), columns or CsvColumns()))


def test_csv_standard_columns(tmp_path: Path) -> None:
    path = tmp_path / "archive.csv"
    path.write_text(
        'id,title,text,published,url\nk1,عنوان,"انفجار در اهواز، دو کشته.",1403/02/03,https://x.ir/1\n,,"حمله در کابل",,\n',
        encoding="utf-8",
    )
    first, second = _read(path, defaults=ArticleDefaults(outlet="ایسنا", published="2024-01-01"))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.title, first.published, first.url, first.outlet) == ("k1", "عنوان", "2024-04-22", "https://x.ir/1", "ایسنا")
    assert first.text == "انفجار در اهواز، دو کشته." and first.origin == f"{path}:2"
    assert (second.id, second.published) == ("archive-3", "2024-01-01")


def test_csv_mapped_columns_semicolons_and_windows_1256(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes("matn;tarikh;manba\nتظاهرات در تهران;2024-02-01;همشهري\n".encode("cp1256"))  # Arabic yeh, as old sites wrote
    [article] = _read(path, CsvColumns(text="matn", published="TARIKH", outlet="manba"))
    assert isinstance(article, Article)
    assert (article.text, article.published, article.outlet) == ("تظاهرات در تهران", "2024-02-01", "همشهري")


def test_csv_missing_column_names_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("body,date\nمتن,2024-01-01\n", encoding="utf-8")
    [problem] = _read(path)
    assert isinstance(problem, Problem) and problem.code == "E205"
    assert "'text' (columns: body, date)" in problem.message and "--text-column" in problem.message
    [mapped] = _read(path, CsvColumns(text="body", title="headline"))
    assert isinstance(mapped, Problem) and "'headline'" in mapped.message


def test_csv_bad_rows_do_not_stop_the_archive(tmp_path: Path) -> None:
    path = tmp_path / "rows.tsv"
    path.write_text("text\tpublished\n\t2024-01-01\nحمله در کابل\t2024-02-30\nانفجار در هرات\t2024-03-01\n", encoding="utf-8")
    empty, bad_date, good = _read(path)
    assert isinstance(empty, Problem) and empty.code == "E103" and empty.origin == f"{path}:2"
    assert isinstance(bad_date, Problem) and bad_date.code == "E112"
    assert isinstance(good, Article) and good.published == "2024-03-01"
