from __future__ import annotations

import pytest

from rasad.model import Article
from rasad.normalize import Normalizer, fold, normalize_text, tokens
from rasad.normalize.segment import sentences

Z = "\u200c"


def norm(normalizer: Normalizer, text: str) -> str:
    return normalizer(Article("t", text)).text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("علي كريمي", "علی کریمی"),  # Arabic ي ك
        ("مصطفى", "مصطفی"),  # alef maksura
        ("مــــوشک", "موشک"),  # tatweel
        ("عَمَلیات", "عملیات"),  # harakat
        ("۱۲٣ و 45", "۱۲۳ و 45"),  # Arabic-Indic → Persian, Latin kept
        ("\u200fسلام\u202a دنیا\u202c", "سلام دنیا"),  # bidi marks
        ("خانه\u0654 ما", "خانۀ ما"),  # composed he-hamza
        ("\ufefbمپ", "لامپ"),  # presentation form lam-alef
    ],
)
def test_normalize_letters_and_digits(normalizer: Normalizer, raw: str, expected: str) -> None:
    assert norm(normalizer, raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("سلام   دنیا", "سلام دنیا"),
        ("سلام ، دنیا .", "سلام، دنیا."),
        ("« سلام »", "«سلام»"),
        ("سلام,دنیا", "سلام، دنیا"),
        ("چرا?", "چرا؟"),
        ("یک\r\n\r\n\r\nدو", "یک\nدو"),
        ("  یک  \n  دو  ", "یک\nدو"),
        ("۲,۵۰۰ نفر", "۲,۵۰۰ نفر"),  # a comma between digits stays
    ],
)
def test_normalize_spacing(normalizer: Normalizer, raw: str, expected: str) -> None:
    assert norm(normalizer, raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("گردانهای", f"گردان{Z}های"),
        ("بیانیهای", f"بیانیه{Z}ای"),
        ("میگیرد", f"می{Z}گیرد"),
        ("حملهای", f"حمله{Z}ای"),
        ("پسزمینه", f"پس{Z}زمینه"),
        ("گروههای", f"گروه{Z}های"),
        ("بیانیههای", f"بیانیه{Z}های"),
        ("سختتر", f"سخت{Z}تر"),
        ("دستکم", f"دست{Z}کم"),
        ("می گیرد", f"می{Z}گیرد"),
        ("گروه ها", f"گروه{Z}ها"),
        ("اعلام کرد", "اعلام کرد"),
        ("میدان", "میدان"),
        ("میزان", "میزان"),
        ("میلیون", "میلیون"),
        ("بیانیه", "بیانیه"),
        ("نیروهای", "نیروهای"),  # و does not join: no ZWNJ needed
        (f"گردان{Z}های", f"گردان{Z}های"),  # already right
    ],
)
def test_normalize_zwnj_restoration(normalizer: Normalizer, raw: str, expected: str) -> None:
    assert norm(normalizer, raw) == expected


def test_normalize_removes_trailing_labels_and_keeps_lead_source(normalizer: Normalizer) -> None:
    raw = "به گزارش خبرگزاری مهر، انفجاری در شهر رخ داد.\nکد خبر: ۱۲۳۴۵\nنظر شما"
    doc = normalizer(Article("t", raw))
    assert doc.text == "به گزارش خبرگزاری مهر، انفجاری در شهر رخ داد."
    assert doc.lead_source is not None
    assert doc.text[doc.lead_source.start : doc.lead_source.end] == "خبرگزاری مهر"
    removed = [raw[s.start : s.end] for s in doc.removed]
    assert removed == ["کد خبر: ۱۲۳۴۵\nنظر شما"]


def test_normalize_removes_label_glued_to_last_sentence(normalizer: Normalizer) -> None:
    doc = normalizer(Article("t", "حمله‌ای رخ داد.نظر شما"))
    assert doc.text == "حمله‌ای رخ داد."


def test_normalize_dateline_before_lead_source(normalizer: Normalizer) -> None:
    doc = normalizer(Article("t", "تهران - به گزارش ایرنا، جلسه برگزار شد."))
    assert doc.lead_source is not None
    assert doc.text[doc.lead_source.start : doc.lead_source.end] == "ایرنا"


def test_normalize_seed_article(normalizer: Normalizer, seed_text: str) -> None:
    doc = normalizer(Article("seed", seed_text))
    for word in ["گردان‌های", "بیانیه‌ای", "می‌گیرد", "حمله‌ای", "پس‌زمینه", "گروه‌های", "بیانیه‌های"]:
        assert word in doc.text, word
    assert "اعلام کرد" in doc.text
    assert "نظر شما" not in doc.text
    assert doc.text.endswith("مستقر کرده است.")


def test_fold_keeps_length_and_merges_variants() -> None:
    text = f"آمریکا حزب{Z}الله ۱۲۳ دولة"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "امریکا حزب الله 123 دوله"


def test_normalize_text_helper() -> None:
    assert normalize_text("كتائب حزب الله") == "کتائب حزب الله"


def test_sentences_and_tokens() -> None:
    text = "انفجار رخ داد. ۲.۵ درصد افزایش یافت؟ بله\nپاراگراف دوم «نقل قول.»"
    spans = [text[s.start : s.end] for s in sentences(text)]
    assert spans == ["انفجار رخ داد.", "۲.۵ درصد افزایش یافت؟", "بله", "پاراگراف دوم «نقل قول.»"]
    assert [s.paragraph for s in sentences(text)] == [0, 0, 0, 1]
    short = "گروه‌های مسلح ۲.۵ درصد."
    words = [short[t.start : t.end] for t in tokens(short)]
    assert words == ["گروه‌های", "مسلح", "۲.۵", "درصد", "."]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("کاروان\u200c\u200cسرا", "کاروان\u200cسرا"),
        ("سلام\u200c دنیا", "سلام دنیا"),
        ("\u200cسلام", "سلام"),
        ("مسافت ۹کیلومتر", "مسافت ۹ کیلومتر"),
        ("عرض۶ متر", "عرض ۶ متر"),
        ("\ufdfd", "بسم الله الرحمن الرحیم"),
    ],
)
def test_normalize_zwnj_and_digit_spacing(normalizer: Normalizer, raw: str, expected: str) -> None:
    assert norm(normalizer, raw) == expected
