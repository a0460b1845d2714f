from __future__ import annotations

from pathlib import Path

import pytest

from rasad.ingest.codes import SourceError
from rasad.ingest.language import check_persian

GOLD = Path(__file__).resolve().parents[2] / "gold"

ARABIC = (
    "أعلنت وزارة الدفاع في بيان لها اليوم أن قواتها تمكنت من صد هجوم شنته مجموعة مسلحة على موقع عسكري في ريف المدينة "
    "الشمالي، وقد أسفر الهجوم عن مقتل ثلاثة من المهاجمين وإصابة جنديين بجروح طفيفة. وأضاف البيان أن القوات ما زالت "
    "تلاحق بقية المسلحين الذين فروا إلى المناطق الجبلية القريبة من الحدود، وذلك في إطار عملية أمنية واسعة."
)
URDU = (
    "پولیس کے مطابق پشاور کے علاقے میں ایک دھماکے میں تین افراد ہلاک اور کئی زخمی ہو گئے ہیں۔ دھماکہ ایک مصروف بازار میں "
    "ہوا جہاں لوگ خریداری کر رہے تھے۔ امدادی ٹیموں نے زخمیوں کو قریبی ہسپتال منتقل کر دیا ہے اور علاقے کو گھیرے میں لے لیا گیا ہے۔"
    " حکام کا کہنا ہے کہ واقعے کی تحقیقات جاری ہیں۔"
)


def test_persian_check_accepts_every_gold_article() -> None:
    for path in sorted(GOLD.glob("*.txt")):
        check_persian(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("text", "reason"), [(ARABIC, "Arabic"), (URDU, "Urdu")])
def test_persian_check_rejects_other_languages(text: str, reason: str) -> None:
    with pytest.raises(SourceError, match=reason) as raised:
        check_persian(text)
    assert raised.value.code == "E204"


def test_persian_check_lets_short_texts_through() -> None:
    check_persian("انفجار در بغداد")
