from __future__ import annotations

from pathlib import Path

import pytest

from rasad.errors import InputError
from rasad.ingest.files import ArticleDefaults
from rasad.ingest.html import fragment_text, page_article, read_page

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "pages" / "2024-06-10_saravan_border_post.html"

JALALI_PAGE = """<!DOCTYPE html><html lang="fa"><head><meta charset="utf-8">
<title>تجمع کشاورزان</title><meta name="date" content="1403/02/03 10:15"></head>
<body><nav><a href="/">خانه</a> <a href="/sport">ورزشی</a></nav>
<article><h1>تجمع کشاورزان اصفهانی</h1>
<p>کشاورزان شرق اصفهان صبح امروز در اعتراض به قطع حقابه‌ها مقابل ساختمان استانداری تجمع کردند و خواستار رهاسازی آب زاینده‌رود شدند.</p>
<p>به گفته یکی از تجمع‌کنندگان، کشاورزان تا پاسخ مسئولان به تجمع خود ادامه خواهند داد.</p></article>
<footer>تمامی حقوق محفوظ است</footer></body></html>"""


def test_html_page_main_text_and_metadata() -> None:
    article, warnings = page_article(EXAMPLE.read_bytes(), str(EXAMPLE), ArticleDefaults(outlet="unused"), article_id="p1")
    assert warnings == []
    assert article.title == "حمله مسلحانه به پاسگاه مرزی در سراوان؛ دست‌کم چهار کشته"
    assert (article.published, article.outlet, article.id) == ("2024-06-10", "پایگاه خبری نمونه", "p1")
    assert article.url == "https://news.example.ir/fa/news/20145/saravan-border-post"
    assert "سه مامور انتظامی به شهادت رسیدند" in article.text
    for boilerplate in ("پربازدیدترین", "قیمت طلا", "نظر شما", "تمامی حقوق", "اشتراک گذاری"):
        assert boilerplate not in article.text


def test_html_page_keeps_zero_width_non_joiners() -> None:
    article, _ = page_article(EXAMPLE.read_bytes(), "x", ArticleDefaults())
    assert "بیانیه\u200cای" in article.text and "گفت\u200cوگو" in article.text
    assert "\ua830" not in article.text
    assert fragment_text("<p>نیروهای امنیتی می&zwnj;گویند</p>") == "نیروهای امنیتی می\u200cگویند"


def test_html_page_jalali_meta_date() -> None:
    page = read_page(JALALI_PAGE, "jalali.html")
    assert page.published == "2024-04-22"
    assert "حقابه\u200cها" in page.text and "ورزشی" not in page.text


def test_html_page_without_date_uses_the_default() -> None:
    undated = JALALI_PAGE.replace('<meta name="date" content="1403/02/03 10:15">', "")
    article, _ = page_article(undated, "x", ArticleDefaults(published="2024-01-02"))
    assert article.published == "2024-01-02"


def test_html_page_unreadable_date_is_a_warning() -> None:
    odd = JALALI_PAGE.replace("1403/02/03 10:15", "someday soon")
    article, warnings = page_article(odd, "odd.html", ArticleDefaults())
    assert article.published is None and [w.code for w in warnings] == ["W203"]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"<html><head><title>x</title></head><body></body></html>", "E203"),
        (b"<html><head><title>x</title></head><body><nav>menu</nav></body></html>", "E105"),
        (b"<html>\x00\x01\x02\x00</html>", "E104"),
    ],
)
def test_html_page_without_text(data: bytes, code: str) -> None:
    with pytest.raises(InputError) as raised:
        page_article(data, "bad.html", ArticleDefaults())
    assert raised.value.code == code
