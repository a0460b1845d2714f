"""Event extraction on many phrasings, one rule at a time (sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from rasad.export.document import to_document
from rasad.model import Article
from rasad.pipeline import Pipeline

PUBLISHED = "2024-05-08"  # a Wednesday


def events_of(pipeline: Pipeline, text: str, published: str = PUBLISHED) -> list[dict[str, Any]]:
    return to_document(pipeline(Article("t", text, published=published)))["events"]


def only(events: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    found = [e for e in events if e["type"] == kind]
    assert len(found) == 1, [(e["type"], e["trigger"]["text"]) for e in events]
    return found[0]


def test_drone_strike_with_agent_target_place_and_toll(pipeline: Pipeline) -> None:
    text = "یک پهپاد ارتش اسرائیل روز دوشنبه خودرویی را در نزدیکی شهر صور در جنوب لبنان هدف قرار داد و دو نفر کشته شدند."
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["acled"]["sub_event_type"] == "Air/drone strike"
    assert event["actor1"]["country"] == "ISR"
    assert event["location"]["country"] == "LBN" and event["location"]["geo_precision"] in (1, 2)
    assert event["date"]["value"] == "2024-05-06"
    assert event["fatalities"] == 2


def test_passive_with_agent_phrase(pipeline: Pipeline) -> None:
    text = "پاسگاه مرزی میرجاوه بامداد امروز توسط گروه جیش‌العدل مورد حمله قرار گرفت و سه مرزبان به شهادت رسیدند."
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["actor1"]["id"] == "jaish-al-adl"
    assert event["fatalities"] == 3
    assert event["date"]["value"] == PUBLISHED


def test_launch_site_is_origin_target_is_location(pipeline: Pipeline) -> None:
    text = "سه راکت روز سه‌شنبه از حومه شهر الانبار به سمت پایگاه عین الاسد شلیک شد."
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["acled"]["sub_event_type"] == "Shelling/artillery/missile attack"
    assert event["quantity"]["value"] == 3
    assert "عین الاسد" in event["location"]["text"]
    assert event["origin"] is not None and event["origin"]["country"] == "IRQ"


def test_roadside_bomb_is_ied(pipeline: Pipeline) -> None:
    text = "انفجار یک بمب کنار جاده‌ای روز یکشنبه در ولسوالی بهسود ولایت ننگرهار دو سرباز طالبان را کشت."
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["acled"]["sub_event_type"] == "Remote explosive/landmine/IED"
    assert event["location"]["country"] == "AFG"
    assert event["fatalities"] == 2


@pytest.mark.parametrize(
    "text",
    [
        "فرمانده سپاه تهدید کرد که در صورت تکرار این اقدام، پایگاه‌های دشمن را هدف حمله قرار خواهند داد.",
        "ارتش اسرائیل هرگونه حمله به این روستا را تکذیب کرد.",
        "اگر گروه‌های مسلح به شهر حمله کنند، پاسخ سختی خواهند گرفت.",
        "این تجمع بدون درگیری به پایان رسید.",
    ],
)
def test_threatened_denied_hypothetical_or_negated_attacks_are_not_assaults(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]


def test_claim_of_responsibility_gives_agent_and_status(pipeline: Pipeline) -> None:
    text = (
        "انفجاری روز دوشنبه در بازار شهر کویته دست‌کم پنج نفر را کشت.\n"
        "گروه داعش ساعاتی بعد مسئولیت این حمله را بر عهده گرفت."
    )
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["status"] == "claimed"
    assert event["actor1"]["id"] in ("isis", "islamic-state")
    assert event["fatalities"] == 5
    assert event["location"]["country"] == "PAK"


def test_same_event_told_twice_is_one_event_with_toll_from_the_second(pipeline: Pipeline) -> None:
    text = (
        "جنگنده‌های آمریکایی روز سه‌شنبه مواضعی را در استان صعده یمن بمباران کردند.\n"
        "منابع محلی گفتند در این حمله چهار نفر کشته و شش نفر زخمی شدند."
    )
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == 4 and event["injured"] == 6
    assert event["actor1"]["country"] == "USA"


def test_background_event_from_months_ago(pipeline: Pipeline) -> None:
    text = "پیشتر در ۱۵ ژانویه نیز یک حمله پهپادی به پایگاهی در شمال عراق سه سرباز را کشته بود."
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["date"]["value"] == "2024-01-15"
    assert event["timing"] == "background"


def test_protest_with_tear_gas_is_one_protest_with_intervention(pipeline: Pipeline) -> None:
    text = (
        "صدها نفر از کشاورزان روز سه‌شنبه در مقابل استانداری اصفهان تجمع کردند.\n"
        "ماموران یگان ویژه با شلیک گاز اشک‌آور معترضان را پراکنده کردند."
    )
    event = only(events_of(pipeline, text), "PROTEST")
    assert event["acled"]["sub_event_type"] == "Protest with intervention"
    assert event["location"]["country"] == "IRN"


def test_protests_in_two_cities_are_two_events(pipeline: Pipeline) -> None:
    text = (
        "بازنشستگان روز سه‌شنبه مقابل مجلس در تهران تجمع کردند.\n"
        "همزمان بازنشستگان در اهواز نیز تجمع کردند."
    )
    protests = [e for e in events_of(pipeline, text) if e["type"] == "PROTEST"]
    assert sorted(e["location"]["name"] for e in protests) == ["Ahvaz", "Tehran"]


def test_mass_arrest(pipeline: Pipeline) -> None:
    text = "نیروهای امنیتی پاکستان روز دوشنبه ۱۲ نفر را در شهر کراچی به اتهام همکاری با داعش بازداشت کردند."
    event = only(events_of(pipeline, text), "COERCE")
    assert event["acled"]["sub_event_type"] == "Arrests"
    assert event["actor1"]["country"] == "PAK"
    assert event["location"]["name"] == "Karachi"


def test_condemnation_is_accuse_by_speaker(pipeline: Pipeline) -> None:
    text = "وزارت امور خارجه ایران حمله رژیم صهیونیستی به دمشق را به شدت محکوم کرد."
    events = events_of(pipeline, text)
    accuse = only(events, "ACCUSE")
    assert accuse["actor1"]["country"] == "IRN"


def test_figurative_attack_in_sports_is_no_event(pipeline: Pipeline) -> None:
    text = "مهاجمان پرسپولیس در نیمه دوم دروازه حریف را بمباران کردند و حملات تیم تا پایان ادامه داشت."
    assert events_of(pipeline, text) == []


def test_ceasefire_between_two_parties(pipeline: Pipeline) -> None:
    text = "آتش‌بس میان حماس و اسرائیل روز یکشنبه با میانجیگری قطر برقرار شد."
    event = only(events_of(pipeline, text), "AGREE")
    assert {event["actor1"]["id"], event["actor2"]["country"] if event["actor2"] else None} & {"hamas", "ISR"}


def test_every_event_has_evidence_with_raw_offsets(pipeline: Pipeline) -> None:
    raw = "جنگنده\u200cهای روسی روز دوشنبه شهر ادلب را بمباران كردند."
    document = to_document(pipeline(Article("t", raw, published=PUBLISHED)))
    event = document["events"][0]
    span = event["evidence"][0]
    assert raw[span["raw_start"] : span["raw_end"]].startswith("جنگنده")
    assert document["text"][span["start"] : span["end"]].endswith("کردند.")


@pytest.mark.parametrize(
    "text",
    [
        "بازار ارز تهران روز سه‌شنبه شاهد انفجار قیمت‌ها بود.",
        "شمار مراجعه‌کنندگان به بیمارستان‌ها به دلیل حملات قلبی افزایش یافت.",
        "این فیلم صحنه‌های بمباران پالایشگاه آبادان را بازسازی کرده است.",
    ],
)
def test_figures_of_speech_are_not_events(pipeline: Pipeline, text: str) -> None:
    assert events_of(pipeline, text) == []


def test_denial_is_reject_by_the_denier_and_no_attack(pipeline: Pipeline) -> None:
    text = "سپاه پاسداران روز دوشنبه هرگونه نقش در حمله پهپادی به اردوگاه کویه را تکذیب کرد."
    events = events_of(pipeline, text)
    assert not [e for e in events if e["type"] == "ASSAULT"]
    reject = only(events, "REJECT")
    assert reject["actor1"]["id"] == "irgc"


def test_a_line_or_region_does_not_lie_in_the_district_after_it(pipeline: Pipeline) -> None:
    text = (
        "مقام‌های محلی در ولایت هلمند می‌گویند در درگیری نیروهای طالبان با افراد مسلح ناشناس "
        "در امتداد خط دیورند در ولسوالی سپین‌بولدک روز دوشنبه سه نفر کشته شدند."
    )
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["location"]["name"] == "Spin Boldak"
    assert event["location"]["geo_precision"] == 1


def test_province_named_with_its_noun_is_less_specific_than_a_district(pipeline: Pipeline) -> None:
    text = "در ولایت کندهار، نیروهای طالبان روز دوشنبه در ولسوالی سپین‌بولدک با افراد مسلح ناشناس درگیر شدند."
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["location"]["name"] == "Spin Boldak"


def test_undated_headline_is_not_the_attack_recalled_from_months_ago(pipeline: Pipeline) -> None:
    text = (
        "حمله انتحاری به کاروان نظامیان در کویته\n"
        "یک مهاجم انتحاری روز دوشنبه خود را در میان کاروان نیروهای فرانتیر کور در کویته منفجر کرد و چهار سرباز کشته شدند.\n"
        "در ۱۲ مارس گذشته نیز یک بمب‌گذار انتحاری در کویته به اتوبوس پلیس حمله کرد و دو نفر را کشت."
    )
    events = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]
    current = [e for e in events if e["timing"] == "current"]
    background = [e for e in events if e["timing"] == "background"]
    assert len(current) == 1 and current[0]["date"]["value"] == "2024-05-06"
    assert current[0]["fatalities"] == 4
    assert len(background) == 1 and background[0]["date"]["value"] == "2024-03-12"


def test_suicide_attack_headline_and_car_bomb_lead_are_one_event(pipeline: Pipeline) -> None:
    text = (
        "حمله انتحاری به کاروان خارجی‌ها در پیشاور\n"
        "سه تبعه خارجی در انفجار یک خودروی بمب‌گذاری‌شده در نزدیکی فرودگاه پیشاور کشته و پنج نفر زخمی شدند."
    )
    events = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]
    assert len(events) == 1, [e["trigger"]["text"] for e in events]
    assert events[0]["acled"]["sub_event_type"] == "Suicide bomb"
    assert events[0]["fatalities"] == 3 and events[0]["injured"] == 5


def test_a_suicide_drone_and_the_drone_a_second_source_tells_of_are_one_event(pipeline: Pipeline) -> None:
    text = (
        "جنبش انصارالله اعلام کرد روز سه‌شنبه با یک پهپاد انتحاری بندر ایلات را هدف قرار داده است. "
        "رسانه‌های عبری گزارش دادند پهپادی که از سمت دریای سرخ آمده بود به انباری در این بندر اصابت کرد "
        "و سه نفر زخمی شدند."
    )
    events = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]
    assert len(events) == 1, [e["trigger"]["text"] for e in events]
    assert events[0]["injured"] == 3
    assert events[0]["date"]["value"] == "2024-05-07"


def test_drones_and_missiles_named_together_are_one_combined_attack(pipeline: Pipeline) -> None:
    text = "ارتش روسیه بامداد سه‌شنبه با شلیک ده‌ها پهپاد و موشک، نیروگاه برق شهر دنیپرو را هدف قرار داد."
    events = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]
    assert len(events) == 1, [e["trigger"]["text"] for e in events]
    assert events[0]["date"]["value"] == "2024-05-07"


def test_taking_control_with_the_place_inside_the_verb_is_a_capture(pipeline: Pipeline) -> None:
    text = "جنگجویان الشباب روز دوشنبه پس از نبردی چندساعته کنترل شهرک مهادی در استان شبیله میانی را به دست گرفتند."
    events = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]
    assert len(events) == 1
    assert events[0]["acled"]["sub_event_type"] == "Non-state actor overtakes territory"
    assert events[0]["actor1"]["id"] == "al-shabaab"
    assert events[0]["date"]["value"] == "2024-05-06"


def test_days_of_mourning_are_no_toll(pipeline: Pipeline) -> None:
    text = (
        "مردان مسلح روز جمعه به مسجد روستایی در نزدیکی بانی‌بانگو یورش بردند و نمازگزاران را به گلوله بستند. "
        "دولت نیجر گروه دولت اسلامی را مسئول این کشتار دانست و سه روز عزای عمومی اعلام کرد، "
        "هرچند هیچ گروهی تاکنون مسئولیت حمله را بر عهده نگرفته است."
    )
    events = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]
    assert events and all(e["fatalities"] != 3 for e in events)


def test_this_attack_and_the_fight_after_it_lend_their_toll_to_the_bombing(pipeline: Pipeline) -> None:
    text = (
        "ارتش پاکستان اعلام کرد یک مهاجم انتحاری بامداد دوشنبه خودرویی پر از مواد منفجره را به دروازه یک پادگان "
        "در شهر بنو کوبید.\n"
        "به گفته ارتش، در این حمله و درگیری پس از آن شش سرباز جان باختند و هر چهار مهاجم کشته شدند، "
        "اما یک مقام محلی گفت شمار سربازان کشته‌شده به نه نفر رسیده است."
    )
    events = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]
    assert len(events) == 1
    assert events[0]["acled"]["sub_event_type"] == "Suicide bomb"
    assert events[0]["fatalities"] == 10  # six soldiers and four attackers; the higher count of soldiers is not taken


def test_a_breach_of_a_ceasefire_is_no_new_agreement(pipeline: Pipeline) -> None:
    text = (
        "دو گروه مسلح در حومه طرابلس روز سه‌شنبه یکدیگر را به نقض آتش‌بسی متهم کردند که از ماه گذشته "
        "با میانجیگری سازمان ملل برقرار شده است."
    )
    assert [e["type"] for e in events_of(pipeline, text) if e["type"] == "AGREE"] == []


def test_a_frame_placed_by_the_sentence_before_joins_the_act_of_its_own_sentence(pipeline: Pipeline) -> None:
    text = (
        "ارتش سودان روز یکشنبه اعلام کرد حمله نیروهای پشتیبانی سریع به شهر الدلنج را پس از چند ساعت نبرد دفع کرده است.\n"
        "همزمان، شورشیان شامگاه دوشنبه از مواضع خود در تپه‌های اطراف کادوقلی چند گلوله خمپاره به سمت این شهر "
        "شلیک کردند که یکی از آنها به حیاط یک درمانگاه اصابت کرد و دو پرستار کشته شدند."
    )
    monday = [e for e in events_of(pipeline, text, "2025-05-14") if e["date"] and e["date"]["value"] == "2025-05-12"]
    assert len(monday) == 1, [e["trigger"]["text"] for e in monday]
    assert monday[0]["location"]["name"] == "Kadugli"
    assert monday[0]["fatalities"] == 2


def test_reinforcements_arriving_in_a_fight_are_no_deployment(pipeline: Pipeline) -> None:
    text = (
        "عناصر داعش شامگاه دوشنبه به یک پاسگاه ارتش در حومه رطبه حمله کردند و پس از رسیدن نیروهای کمکی "
        "به سمت بیابان عقب نشستند."
    )
    assert [e["type"] for e in events_of(pipeline, text) if e["type"] == "MOBILIZE"] == []


def test_since_the_start_of_the_fighting_is_no_event(pipeline: Pipeline) -> None:
    text = (
        "یک پهپاد اسرائیلی روز سه‌شنبه خودرویی را در شهر بنت جبیل هدف قرار داد و دو عضو حزب‌الله کشته شدند.\n"
        "به گزارش المنار، شمار کشته‌های حزب‌الله از آغاز درگیری‌ها در 8 اکتبر 2023 تاکنون به بیش از 400 نفر رسیده است."
    )
    events = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]
    assert [e["date"]["value"] for e in events] == ["2024-05-07"]
    assert events[0]["fatalities"] == 2


def test_an_age_in_months_is_no_toll(pipeline: Pipeline) -> None:
    text = "یک پهپاد روز دوشنبه خانه‌ای را در شمال غزه هدف قرار داد و یک نوزاد ۱۸ ماهه جان باخت."
    events = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]
    assert events and all(e["fatalities"] != 18 for e in events)


def test_the_place_that_was_the_scene_of_an_act_is_where_it_happened(pipeline: Pipeline) -> None:
    text = (
        "اردوگاه جنین در ژوئیه ۲۰۲۳ نیز صحنه بزرگ‌ترین یورش نظامی اسرائیل در کرانه باختری در دو دهه اخیر بود "
        "که در آن دست‌کم ۱۲ فلسطینی جان باختند."
    )
    events = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]
    assert len(events) == 1
    assert events[0]["location"]["name"] == "Jenin refugee camp"


def test_a_day_before_that_counts_back_from_the_act_told_before(pipeline: Pipeline) -> None:
    text = (
        "بامداد سه‌شنبه چند پهپاد به فرودگاه شهر الابیض اصابت کرد و سه نظامی کشته شدند.\n"
        "یک روز پیش از آن، توپخانه نیروهای پشتیبانی سریع بازار اصلی شهر را گلوله‌باران کرد و دست‌کم ۲۰ غیرنظامی جان باختند."
    )
    events = [e for e in events_of(pipeline, text, "2025-06-12") if e["type"] == "ASSAULT"]
    assert sorted(e["date"]["value"] for e in events) == ["2025-06-09", "2025-06-10"]


def test_a_ceasefire_named_in_passing_is_no_agreement_but_one_reached_is(pipeline: Pipeline) -> None:
    passing = "آتش‌بس میان دولت و شورشیان در دارفور همچنان شکننده است و دو طرف یکدیگر را به نقض آن متهم می‌کنند."
    assert [e for e in events_of(pipeline, passing) if e["type"] == "AGREE"] == []
    reached = "نمایندگان دولت و شورشیان روز دوشنبه در دوحه بر سر آتش‌بس به توافق رسیدند."
    assert [e["type"] for e in events_of(pipeline, reached) if e["type"] == "AGREE"] == ["AGREE"]


def test_a_withdrawal_named_by_a_bare_noun_is_no_event(pipeline: Pipeline) -> None:
    text = "عقب‌نشینی کامل نیروهای اسرائیلی از جنوب لبنان هنوز محقق نشده است."
    assert [e for e in events_of(pipeline, text) if e["type"] == "RETREAT"] == []


def test_rounds_of_sanctions_told_as_a_summary_are_no_event(pipeline: Pipeline) -> None:
    text = "از آن زمان کانادا و بریتانیا چندین دور تحریم علیه مقامات و نهادهای ایرانی اعمال کرده‌اند."
    assert [e for e in events_of(pipeline, text) if e["type"] == "SANCTION"] == []


def test_an_accusation_made_again_and_again_is_no_single_event(pipeline: Pipeline) -> None:
    text = "دولت پاکستان بارها طالبان افغانستان را به پناه دادن به شبه‌نظامیان متهم کرده است."
    assert [e for e in events_of(pipeline, text) if e["type"] == "ACCUSE"] == []


def test_an_attack_recalled_by_its_own_month_is_placed_at_its_target_not_the_court(pipeline: Pipeline) -> None:
    text = (
        "رئیس دادگستری استان روز یکشنبه اعلام کرد که دادگاه انقلاب زاهدان یکی از عوامل حمله تروریستی آذر ۱۴۰۲ "
        "به مقر انتظامی راسک را به ۱۵ سال حبس محکوم کرده است."
    )
    events = [e for e in events_of(pipeline, text, "2024-11-05") if e["type"] == "ASSAULT"]
    assert len(events) == 1
    assert events[0]["date"]["value"].startswith("2023-1")  # Azar 1402
    assert events[0]["location"]["name"] == "Rask"
    assert events[0]["timing"] == "background"


def test_a_title_naming_protests_is_no_protest(pipeline: Pipeline) -> None:
    text = (
        "مردان مسلح روز دوشنبه علی حسینی، رئیس هماهنگی اعتراضات ناصریه، را در برابر خانه‌اش به ضرب گلوله کشتند."
    )
    assert [e["type"] for e in events_of(pipeline, text) if e["type"] == "PROTEST"] == []


def test_a_later_sentence_saying_no_one_was_hurt_gives_a_toll_of_zero(pipeline: Pipeline) -> None:
    text = (
        "یک پهپاد روز دوشنبه در ۴۰ مایلی غرب بندر الحدیده به یک نفتکش اصابت کرد و آتش‌سوزی کوچکی به راه انداخت. "
        "به گفته شرکت مالک، هیچ‌یک از خدمه این نفتکش آسیبی ندیدند."
    )
    events = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]
    assert len(events) == 1
    assert events[0]["fatalities"] == 0


def test_no_one_hurt_with_no_event_before_it_is_no_event(pipeline: Pipeline) -> None:
    text = "طوفان شب گذشته چند درخت را در شهر رشت از ریشه درآورد اما به گفته مسئولان محلی کسی آسیبی ندید."
    assert [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"] == []


def test_a_village_named_within_a_province_makes_the_ambush_an_event(pipeline: Pipeline) -> None:
    text = (
        "کنگو: شبه‌نظامیان بامداد شنبه به یک گشت ارتش کنگو در نزدیکی شهرک کیلوبانگا در استان ایتوری کمین زدند.\n"
        "به گفته سخنگوی ارتش، در این درگیری چهار سرباز کشته شدند."
    )
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["location"]["country"] == "COD"
    assert event["date"]["value"] == "2024-05-04"
    assert event["fatalities"] == 4


def test_a_digest_item_does_not_lend_its_place_to_an_earlier_item(pipeline: Pipeline) -> None:
    text = (
        "مروری بر اخبار روز\n"
        "سومالی: الشباب در ۱۴ اکتبر ۲۰۱۷ با کامیونی بمب‌گذاری‌شده در تقاطع زوبه همین شهر بیش از ۵۰۰ نفر را کشته بود.\n"
        "کنگو: شبه‌نظامیان بامداد شنبه به یک گشت ارتش در نزدیکی شهرک کیلوبانگا در استان ایتوری کمین زدند.\n"
        "به گفته سخنگوی ارتش، در این درگیری چهار سرباز کشته شدند."
    )
    events = events_of(pipeline, text)
    recalled = [e for e in events if e["date"] and e["date"]["value"] == "2017-10-14"]
    assert recalled and all((e["location"] or {}).get("country") != "COD" for e in recalled)


def test_an_undated_lead_takes_the_date_told_in_the_next_sentence(pipeline: Pipeline) -> None:
    text = (
        "در حمله افراد مسلح به یک پاسگاه پلیس در شهر بنو سه مأمور پلیس کشته شدند.\n"
        "به گفته پلیس محلی، مهاجمان شامگاه یکشنبه با سلاح‌های سبک به این پاسگاه یورش بردند."
    )
    events = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]
    assert len(events) == 1
    assert events[0]["date"]["value"] == "2024-05-05"
    assert events[0]["fatalities"] == 3


def test_a_market_report_has_no_attack_and_no_truce(pipeline: Pipeline) -> None:
    text = (
        "بازار سرمایه تهران روز دوشنبه شاهد حمله کم‌سابقه خریداران به نمادهای گروه خودرو بود و شاخص کل بورس تهران بالا رفت. "
        "امید به آتش‌بس در جنگ تعرفه‌ای قیمت اونس طلا را پایین آورد."
    )
    assert [e for e in events_of(pipeline, text) if e["type"] in ("ASSAULT", "AGREE")] == []


def test_a_day_beside_a_year_dates_the_attack(pipeline: Pipeline) -> None:
    text = (
        "جماعت نصرت الاسلام و المسلمین روز دوشنبه به پایگاه ارتش در جیبو حمله کرد. "
        "مرگبارترین حمله سال جاری در ۲۴ اوت در بارسالوگو رخ داد؛ جنگجویان همین گروه به ساکنان حمله کردند."
    )
    dates = {e["date"]["value"] for e in events_of(pipeline, text, published="2024-12-10") if e["type"] == "ASSAULT"}
    assert "2024-08-24" in dates


def test_the_day_of_a_claim_is_not_the_day_of_the_attack_it_claims(pipeline: Pipeline) -> None:
    text = (
        "شبه‌نظامیان شامگاه یکشنبه با خمپاره به شهر جیبو در شمال بورکینافاسو حمله کردند و پنج غیرنظامی کشته شدند.\n"
        "جماعت نصرت الاسلام و المسلمین روز سه‌شنبه در پیامی مسئولیت این حمله را پذیرفت و مدعی شد مواضع ارتش را هدف قرار داده است."
    )
    events = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]
    assert len(events) == 1
    assert events[0]["date"]["value"] == "2024-05-05"


def test_a_years_tally_is_no_event(pipeline: Pipeline) -> None:
    text = "بر اساس آمار یک نهاد حقوق بشری، در سال ۲۰۲۳ دست‌کم ۴۷ کولبر در مناطق مرزی کردستان با شلیک مستقیم ماموران کشته شدند."
    assert [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"] == []


def test_an_arrest_asked_for_in_a_negated_condition_is_no_arrest(pipeline: Pipeline) -> None:
    text = "بزرگان قوم روز دوشنبه در هنگو گفتند تا زمانی که حکومت ایالتی عاملان حمله را بازداشت نکند، اجساد را به خاک نمی‌سپارند."
    assert [e for e in events_of(pipeline, text) if e["type"] == "COERCE"] == []


def test_a_quote_after_a_colon_is_no_new_digest_item(pipeline: Pipeline) -> None:
    text = (
        "ترور قاضی دادگاه در زاهدان؛ مظنون اصلی بازداشت شد\n"
        "دو مرد موتورسوار شامگاه دوشنبه قاضی دادگاه انقلاب را در زاهدان به ضرب گلوله کشتند.\n"
        "وی افزود: محافظ این قاضی نیز زخمی شد.\n"
        "به گفته این مقام، مظنون اصلی این جنایت بامداد امروز در زاهدان توسط پلیس دستگیر شد."
    )
    arrests = [e for e in events_of(pipeline, text) if e["type"] == "COERCE"]
    assert len(arrests) == 1


def test_two_attacks_near_two_distant_towns_stay_two(pipeline: Pipeline) -> None:
    text = (
        "مهاجمان روز دوشنبه در نزدیکی شهر جنین به یک خودروی نظامی تیراندازی کردند.\n"
        "روز دوشنبه یک فرد مسلح در حومه شهر الخلیل به سوی یک ایستگاه اتوبوس آتش گشود و دو نفر زخمی شدند."
    )
    events = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]
    assert len(events) == 2


def test_a_battle_five_centuries_ago_is_history_not_an_event(pipeline: Pipeline) -> None:
    text = "پانصد و ده سال پیش در دشت چالدران سپاه عثمانی با توپخانه به سپاه صفوی حمله کرد و هزاران نفر کشته شدند."
    assert [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"] == []


def test_a_place_in_a_relative_clause_on_the_speakers_is_not_where_it_happened(pipeline: Pipeline) -> None:
    text = (
        "صدها مهاجر افغان روز دوشنبه در کمپ مرزی دوغارون دست به شورش زدند.\n"
        "دو مهاجری که روز جمعه از طریق بندر اسلام قلعه به هرات اخراج شدند به خبرنگاران گفتند که معترضان خیمه‌ها را به آتش کشیدند."
    )
    for event in events_of(pipeline, text):
        assert (event["location"] or {}).get("country") != "AFG"


def test_when_sources_differ_the_lower_toll_is_kept(pipeline: Pipeline) -> None:
    text = (
        "افراد مسلح شامگاه دوشنبه به یک پاسگاه پلیس در شهر بنو حمله کردند و به گفته پلیس سه مأمور کشته شدند.\n"
        "رسانه‌های محلی اما از کشته شدن پنج مأمور در این حمله خبر دادند."
    )
    events = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]
    assert len(events) == 1 and events[0]["fatalities"] == 3


def test_this_camp_names_the_place_told_before(pipeline: Pipeline) -> None:
    text = (
        "یک پهپاد ترکیه روز دوشنبه خودرویی را در نزدیکی اردوگاه مخمور هدف قرار داد و دو نفر کشته شدند.\n"
        "در ۵ ژوئن ۲۰۲۱ نیز حمله پهپادی به این اردوگاه سه کشته برجا گذاشت."
    )
    recalled = [e for e in events_of(pipeline, text) if e["date"]["value"] == "2021-06-05"]
    assert len(recalled) == 1 and recalled[0]["location"] is not None
    assert recalled[0]["location"]["country"] == "IRQ"


def test_an_act_an_army_did_not_confirm_is_no_act(pipeline: Pipeline) -> None:
    text = "ارتش اسرائیل روز دوشنبه تأیید نکرد که سربازانش در روستای المغیر گاز اشک‌آور شلیک کرده باشند."
    assert [e for e in events_of(pipeline, text) if e["type"] in ("ASSAULT", "PROTEST")] == []


def test_an_earlier_day_recalled_in_passing_does_not_redate_the_story(pipeline: Pipeline) -> None:
    text = (
        "شهرک‌نشینان روز دوشنبه به روستای المغیر در شرق رام‌الله یورش بردند و یک جوان فلسطینی کشته شد.\n"
        "اواخر هفته گذشته نیز شهرک‌نشینان به روستای جیت حمله کرده بودند و دو خانه را آتش زدند.\n"
        "ارتش اسرائیل اعلام کرد نیروهایش در المغیر چهار اسرائیلی را بازداشت کردند."
    )
    arrests = [e for e in events_of(pipeline, text) if e["type"] == "COERCE"]
    assert len(arrests) == 1 and arrests[0]["date"]["value"] == "2024-05-06"


def test_a_riot_told_by_its_verb_needs_no_named_crowd(pipeline: Pipeline) -> None:
    text = "صدها مهاجر افغان شامگاه دوشنبه در کمپ مرزی دوغارون دست به شورش زدند."
    assert [e["acled"]["sub_event_type"] for e in events_of(pipeline, text) if e["type"] == "PROTEST"] == ["Violent demonstration"]


def test_a_rebel_group_is_no_riot(pipeline: Pipeline) -> None:
    text = "این گروه شورشی روز دوشنبه مدعی شد ده‌ها سرباز را به اسارت گرفته است."
    assert [e for e in events_of(pipeline, text) if e["type"] == "PROTEST"] == []


def test_deaths_told_with_also_of_the_operation_just_told_add_to_its_toll(pipeline: Pipeline) -> None:
    text = (
        "شبه‌نظامیان شامگاه دوشنبه به یک پاسگاه پلیس در شهر بنو در ایالت خیبر پختونخوا حمله کردند و چهار مامور پلیس کشته شدند.\n"
        "روز سه‌شنبه، ارتش پاکستان اعلام کرد نیروهای امنیتی در عملیاتی در منطقه کلاچی در ناحیه دیره اسماعیل خان هفت شبه‌نظامی را کشته‌اند.\n"
        "به گفته ارتش، سه سرباز نیز در جریان این درگیری جان باختند."
    )
    events = sorted((e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"), key=lambda e: e["date"]["value"])
    assert [e["fatalities"] for e in events] == [4, 10]


def test_a_post_of_the_army_is_the_army_and_joined_counts_of_two_sides_add_up(pipeline: Pipeline) -> None:
    text = (
        "به گزارش ایرنا، دو تن از نیروهای ارتش و سه مهاجم در حمله شبانه افراد مسلح به یک پاسگاه ارتش عراق "
        "در نزدیکی شهر بعقوبه در استان دیالی کشته شدند."
    )
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == 5
    assert event["actor2"]["id"] == "irq-military"


def test_a_site_in_a_wide_province_is_placed_at_the_site(pipeline: Pipeline) -> None:
    text = "یک پهپاد انتحاری بامداد دوشنبه پایانه نفتی بندر راس تنوره در شرق عربستان را هدف قرار داد و آتش‌سوزی کوچکی به پا کرد."
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["location"]["name"] == "Ras Tanura" and event["location"]["geo_precision"] == 1


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("موشک‌های روسیه روز سه‌شنبه به یک مجتمع مسکونی در شهر خارکیف اصابت کرد.", "residential-buildings"),
        ("نیروهای روسیه با راکت خانه‌های مسکونی شهر خارکیف را هدف قرار دادند.", "residential-buildings"),
        # the people killed, when named, are the target rather than the homes
        ("جنگنده‌های روسیه روز سه‌شنبه یک ساختمان مسکونی را در شهر خارکیف بمباران کردند و چهار غیرنظامی کشته شدند.", "civilians"),
    ],
)
def test_homes_struck_are_civilians_and_never_the_attacker(pipeline: Pipeline, text: str, target: str) -> None:
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["actor2"]["id"] == target
    assert event["actor1"]["id"] == "rus-military"


def test_deaths_before_an_operation_began_are_one_event_not_a_tally(pipeline: Pipeline) -> None:
    text = "به گفته ارتش، مهاجمان در نزدیکی شهر کویته پیش از آغاز عملیات نیروهای امنیتی ۲۱ مسافر قطار را کشته بودند."
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == 21


def test_the_shells_told_before_are_the_same_shelling(pipeline: Pipeline) -> None:
    text = (
        "دست‌کم چهار غیرنظامی روز سه‌شنبه بر اثر اصابت گلوله‌های توپ شبه‌نظامیان حوثی به بازار شهر تعز کشته شدند.\n"
        "استاندار تعز گفت این گلوله‌ها از مواضع حوثی‌ها در شرق شهر شلیک شد و شش نفر دیگر نیز زخمی شدند."
    )
    event = only(events_of(pipeline, text), "ASSAULT")
    assert (event["fatalities"], event["injured"]) == (4, 6)


def test_moderately_wounded_is_no_average(pipeline: Pipeline) -> None:
    text = "در درگیری در اردوگاه نورشمس یک سرباز اسرائیلی به‌طور متوسط زخمی شد و نیروهای اسرائیلی ۹ نفر را در اردوگاه بازداشت کردند."
    event = only(events_of(pipeline, text), "COERCE")
    assert event["actor1"]["id"] == "isr-military"


def test_a_passive_perfect_arrest_is_an_arrest_not_a_name_of_prisoners(pipeline: Pipeline) -> None:
    text = "فرماندار مشهد روز دوشنبه گفت ۳۰ تن از عوامل اصلی ناآرامی در اردوگاه مهاجران بازداشت شده و پرونده آنان به دادگاه سپرده شده است."
    event = only(events_of(pipeline, text), "COERCE")
    assert event["date"]["value"] == "2024-05-06"


def test_a_riot_only_intended_is_no_event_and_two_prisons_are_two_protests(pipeline: Pipeline) -> None:
    text = (
        "زندانیان زندان قزل‌حصار کرج شامگاه شنبه در اعتراض به انتقال هم‌بندان خود به انفرادی دست به شورش زدند.\n"
        "دادستان کرج روز یکشنبه گفت عده‌ای از زندانیان قصد ایجاد اغتشاش داشتند.\n"
        "همزمان، ده زندانی سیاسی زن در زندان اوین در اعتراض به احکام اعدام دست به اعتصاب غذا زده‌اند."
    )
    protests = [e for e in events_of(pipeline, text) if e["type"] == "PROTEST"]
    assert len(protests) == 2
    assert "Evin Prison" in [e["location"]["name"] for e in protests]
    assert all(e["date"]["value"] != "2024-05-05" for e in protests)  # the prosecutor's Sunday dates no riot


def test_a_strike_recalled_in_the_same_sentence_keeps_its_own_date_and_toll(pipeline: Pipeline) -> None:
    text = (
        "جنگنده‌های اسرائیلی بامداد امروز یک ساختمان را در محله الشیخ رضوان در شمال غربی شهر غزه هدف قرار دادند.\n"
        "حمله امروز یادآور حمله ۱۰ اوت ۲۰۲۴ به مدرسه التابعین در شهر غزه است که دست‌کم ۹۰ کشته برجا گذاشت."
    )
    events = sorted((e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"), key=lambda e: e["date"]["value"])
    assert [(e["date"]["value"], e["fatalities"]) for e in events] == [("2024-05-08", None), ("2024-08-10", 90)]


def test_the_towns_shelled_are_the_place_and_another_region_with_also_is_another_event(pipeline: Pipeline) -> None:
    text = (
        "جنگنده‌های اسرائیلی بامداد امروز یک ساختمان را در محله الشیخ رضوان در شمال غربی شهر غزه هدف قرار دادند.\n"
        "در جنوب نوار غزه نیز توپخانه اسرائیل مناطق شرقی خان‌یونس و بنی‌سهیلا را گلوله‌باران کرد."
    )
    events = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]
    assert len(events) == 2
    shelling = next(e for e in events if e["acled"]["sub_event_type"] == "Shelling/artillery/missile attack")
    assert shelling["location"]["name"] in ("Khan Yunis", "Khan Younis", "Bani Suheila")


def test_a_frame_dated_by_a_recalled_story_stays_in_that_story(pipeline: Pipeline) -> None:
    text = (
        "صدها کشاورز روز دوشنبه در بستر خشک زاینده‌رود در اصفهان تجمع کردند و خواستار حقابه خود شدند.\n"
        "در صبح جمعه ۵ آذر ۱۴۰۰ نیز یگان ویژه تحصن کشاورزان در بستر زاینده‌رود را با گاز اشک‌آور پراکنده کرد.\n"
        "ماموران با گلوله‌های ساچمه‌ای ده‌ها معترض را زخمی کردند و معترضان چادرهای خود را به آتش کشیدند."
    )
    protests = sorted((e for e in events_of(pipeline, text) if e["type"] == "PROTEST"), key=lambda e: e["date"]["value"])
    assert [e["date"]["value"] for e in protests] == ["2021-11-26", "2024-05-06"]
    assert protests[1]["acled"]["sub_event_type"] == "Peaceful protest"


def test_who_announces_a_sanction_imposes_it(pipeline: Pipeline) -> None:
    text = (
        "وزارت خارجه آمریکا روز پنجشنبه مدعی شد ارتش سودان از سلاح شیمیایی استفاده کرده و اعلام کرد "
        "تحریم‌هایی شامل محدودیت صادرات علیه دولت سودان اعمال می‌کند."
    )
    event = only(events_of(pipeline, text), "SANCTION")
    assert event["actor1"]["country"] == "USA"


def test_killings_told_beside_arrests_are_an_attack_of_their_own(pipeline: Pipeline) -> None:
    text = (
        "ذبیح‌الله مجاهد امروز گفت نیروهای ویژه شب گذشته در عملیاتی بر مخفیگاه داعش در ولسوالی خان‌آباد ولایت کندز، "
        "دو عضو این گروه را کشته و سه تن دیگر را بازداشت کرده‌اند."
    )
    events = events_of(pipeline, text)
    assert only(events, "ASSAULT")["fatalities"] == 2
    assert only(events, "COERCE")["location"]["country"] == "AFG"


@pytest.mark.parametrize(
    "text",
    [
        "جشنواره فیلم فجر دیروز با نمایش فیلم «آخرین شلیک» به کارگردانی یک فیلمساز جوان در تهران ادامه یافت.",
        "تهیه‌کننده گفت میان او و شرکت پخش بر سر زمان اکران «آتش‌بس» برقرار شده است.",
    ],
)
def test_a_quoted_title_or_figure_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert [e for e in events_of(pipeline, text) if e["type"] in ("ASSAULT", "AGREE")] == []


def test_the_people_counted_before_an_arrest_are_its_detainees(pipeline: Pipeline) -> None:
    text = "پلیس خیبرپختونخوا روز پنجشنبه سه مظنون مرتبط با این حمله را در حومه پیشاور بازداشت کرد."
    event = only(events_of(pipeline, text), "COERCE")
    assert event["actor2"]["text"] == "سه مظنون"


def test_the_toll_told_after_the_plural_noun_of_the_dead(pipeline: Pipeline) -> None:
    text = (
        "جنگنده‌های آمریکا روز دوشنبه کارخانه سیمان باجل را هدف قرار دادند. "
        "وزارت بهداشت شمار کشته‌های این حمله را ۸ تن اعلام کرد."
    )
    assert only(events_of(pipeline, text), "ASSAULT")["fatalities"] == 8


def test_a_total_told_again_by_another_source_gives_the_lower_toll(pipeline: Pipeline) -> None:
    text = (
        "یک پهپاد آمریکایی بامداد امروز خودرویی را در منطقه الکرابله در شرق القائم هدف قرار داد و دو تن از نیروهای حشد "
        "به شهادت رسیدند، اما منابع محلی گفتند شمار جان‌باختگان به سه نفر رسیده است."
    )
    assert only(events_of(pipeline, text), "ASSAULT")["fatalities"] == 2


def test_the_whole_toll_of_both_sides_replaces_the_headline_part(pipeline: Pipeline) -> None:
    text = (
        "سومالی: هفت سرباز در حمله به پایگاهی در شبلی میانه کشته شدند\n"
        "شبه‌نظامیان الشباب سحرگاه یکشنبه به پایگاه ارتش سومالی در شهرک مهادای در شمال جوهر حمله کردند.\n"
        "یک فرمانده ارتش گفت در این حمله هفت سرباز و دست‌کم ۱۵ شبه‌نظامی کشته شدند."
    )
    assert only(events_of(pipeline, text), "ASSAULT")["fatalities"] == 22


def test_a_bomb_defused_before_it_went_off_is_no_blast(pipeline: Pipeline) -> None:
    text = "بامداد امروز یک بمب دست‌ساز در محور راسک–سرباز پیش از انفجار توسط کارشناسان تخریب سپاه کشف و خنثی شد."
    events = events_of(pipeline, text)
    assert [e["type"] for e in events] == ["COERCE"]


def test_the_province_of_the_victims_hometown_is_not_the_place(pipeline: Pipeline) -> None:
    text = (
        "افراد مسلح شامگاه چهارشنبه یک اتوبوس را در محور پنجگور در بلوچستان متوقف کردند و "
        "پنج مسافر اهل رحیم‌یارخان در ایالت پنجاب را به گلوله بستند."
    )
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["location"]["name"] != "Punjab"


def test_bare_agents_are_the_states_forces_and_firefighters_are_not(pipeline: Pipeline) -> None:
    text = "شامگاه یکشنبه ماموران در نزدیکی مرز نوسود در استان کرمانشاه ایران به سوی کولبران شلیک کردند و یک نفر زخمی شد."
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["actor1"]["id"] == "irn-security"
    mentions = to_document(pipeline(Article("t", "ماموران آتش‌نشانی آتش را مهار کردند.", published=PUBLISHED)))["mentions"]
    assert [m["ref"] for m in mentions if m["kind"] == "ACTOR"] == ["aid-workers"]


def test_a_martyr_s_name_on_a_street_counts_no_dead(pipeline: Pipeline) -> None:
    text = (
        "انفجار مین چسبکی در یک موتر مسافربری در کابل پنج کشته و ۱۲ زخمی برجای گذاشت\n"
        "منابع محلی گفتند که عصر روز سه‌شنبه یک مین چسبکی در نزدیکی سرک شهید مزاری در دشت برچی منفجر شد."
    )
    assert only(events_of(pipeline, text), "ASSAULT")["fatalities"] == 5


def test_these_clashes_lend_their_toll_to_the_fighting_told_before(pipeline: Pipeline) -> None:
    text = (
        "درگیری مسلحانه میان دو گروه مسلح در شهر زاویه از شامگاه یکشنبه آغاز شد و تا سپیده‌دم دوشنبه ادامه یافت.\n"
        "مرکز طب اورژانس لیبی اعلام کرد در این درگیری‌ها دست‌کم پنج نفر کشته و ۱۳ تن دیگر زخمی شدند."
    )
    event = only(events_of(pipeline, text), "ASSAULT")
    assert (event["fatalities"], event["injured"]) == (5, 13)


def test_the_resistance_s_fighters_are_the_group_that_speaks(pipeline: Pipeline) -> None:
    text = "حزب الله در بیانیه‌ای جداگانه اعلام کرد رزمندگان مقاومت هم‌چنین پادگان برانیت را با رگباری از موشک هدف قرار داده‌اند."
    assert only(events_of(pipeline, text), "ASSAULT")["actor1"]["id"] == "hezbollah"


def test_a_town_measured_from_a_landmark_is_the_place(pipeline: Pipeline) -> None:
    text = (
        "یک زن بمب‌گذار انتحاری عصر یکشنبه در بازار شهرک کوندوگا، در ۳۵ کیلومتری جنوب‌شرق مایدوگوری مرکز ایالت بورنو، "
        "جلیقه انفجاری خود را منفجر کرد و نه نفر کشته شدند."
    )
    assert only(events_of(pipeline, text), "ASSAULT")["location"]["name"] == "Konduga"


def test_a_relative_clause_that_says_when_it_happened_dates_the_act(pipeline: Pipeline) -> None:
    text = (
        "تیراندازی ماموران هنگ مرزی به گروهی از کولبران در ارتفاعات مرزی سردشت در استان آذربایجان غربی، "
        "که شامگاه دوشنبه رخ داد، همچنان با روایت‌های ضدونقیض همراه است."
    )
    assert only(events_of(pipeline, text), "ASSAULT")["date"]["value"] == "2024-05-06"


def test_that_day_is_the_day_told_just_before(pipeline: Pipeline) -> None:
    text = (
        "کمین وادی حوران مرگبارترین حمله داعش به ارتش عراق از ۲ مارس امسال است؛ در آن روز سه سرباز در انفجار بمبی "
        "در مسیر گشتی ارتش در نزدیکی حدیثه کشته شده بودند."
    )
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["date"]["value"] == "2024-03-02"


def test_a_date_before_the_verb_dates_it_across_event_nouns(pipeline: Pipeline) -> None:
    text = (
        "وزارت خزانه‌داری آمریکا، بریتانیا و اتحادیه اروپا روز دوشنبه ۳ بهمن ۱۴۰۱ در اقدامی هماهنگ ده‌ها مقام و نهاد "
        "جمهوری اسلامی را به اتهام نقض حقوق بشر و سرکوب اعتراضات ماه‌های اخیر تحریم کردند."
    )
    doc = pipeline.normalizer(Article("t", text, published=PUBLISHED))
    for name, stage in pipeline.stages:
        if name == "resolve":
            break
        doc = stage(doc)
    [frame] = [e for e in doc.events if e.type == "SANCTION"]  # the frame, before merging could lend it a date
    assert frame.date is not None and frame.date.ref == "2023-01-23"


def test_civilians_are_named_by_the_country_it_happened_in(pipeline: Pipeline) -> None:
    text = "یک پهپاد اسرائیلی روز دوشنبه خودرویی را در نزدیکی شهر صور در جنوب لبنان هدف قرار داد و سه غیرنظامی کشته شدند."
    actor = only(events_of(pipeline, text), "ASSAULT")["actor2"]
    assert (actor["name"], actor["country"], actor["group"]) == ("Civilians (Lebanon)", "LBN", "Civilians")


def test_a_state_right_after_the_attack_noun_is_the_attacker(pipeline: Pipeline) -> None:
    text = "دست‌کم سه نفر در حمله روسیه با بمب‌های هدایت‌شونده به شهر بیلوپیلیا در استان سومی اوکراین کشته شدند."
    assert only(events_of(pipeline, text), "ASSAULT")["actor1"]["country"] == "RUS"


def test_a_count_among_them_is_part_of_the_toll(pipeline: Pipeline) -> None:
    text = (
        "جنگنده‌های اسرائیلی بامداد امروز مدرسه‌ای را در محله التفاح در شرق شهر غزه هدف قرار دادند و "
        "دست‌کم ۱۷ فلسطینی که شش کودک در میان آنها هستند، به شهادت رسیدند."
    )
    assert only(events_of(pipeline, text), "ASSAULT")["fatalities"] == 17


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("انفجار یک مین کنار جاده‌ای روز دوشنبه در ولسوالی گرشک جان چهار کودک را گرفت.", 4),
        ("حمله پهپادی شامگاه یکشنبه به بازار شهر الفاشر جان دست‌کم ۱۲ غیرنظامی را گرفته است.", 12),
    ],
)
def test_the_lives_a_blast_took_are_its_toll(pipeline: Pipeline, text: str, toll: int) -> None:
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == toll


def test_a_control_taken_is_no_toll(pipeline: Pipeline) -> None:
    text = "شورشیان روز دوشنبه در استان ادلب با ارتش درگیر شدند و کنترل سه روستا را گرفتند."
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] is None


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("یک پهپاد روز دوشنبه خودرویی را در شهر قائم هدف قرار داد که در آن ابومهدی السعدی و دو همراهش کشته شدند.", 3),
        (
            "در حمله هوایی روز یکشنبه به حومه دمشق، سردار حسن مرادی، از مستشاران نظامی، و چهار تن دیگر به شهادت رسیدند.",
            5,
        ),
    ],
)
def test_a_person_named_before_those_killed_with_him_adds_one(pipeline: Pipeline, text: str, toll: int) -> None:
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == toll


def test_counts_of_ranks_joined_by_and_add_up_and_the_wounded_are_told_apart(pipeline: Pipeline) -> None:
    text = (
        "ماموران انتظامی روز دوشنبه در محور خاش به ایرانشهر با قاچاقچیان مسلح درگیر شدند و در این درگیری "
        "یک درجه‌دار و یک سرباز وظیفه به شهادت رسیدند و مأمور دیگری از ناحیه پا مجروح شد."
    )
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == 2
    assert event["injured"] == 1


def test_a_second_source_figure_after_but_is_not_more_dead(pipeline: Pipeline) -> None:
    text = (
        "پهپادهای انتحاری بامداد دوشنبه به بیمارستان شهر الفاشر اصابت کردند و وزارت بهداشت شمار قربانیان را "
        "هشت کشته اعلام کرد، اما یک گروه امدادی محلی از کشته شدن دست‌کم ۱۵ نفر خبر داد."
    )
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == 8


def test_crew_said_to_be_safe_is_a_toll_of_none(pipeline: Pipeline) -> None:
    text = (
        "یک پرتابه روز سه‌شنبه در ۶۰ مایلی غرب بندر الحدیده در نزدیکی یک کشتی باری منفجر شد، "
        "اما به گفته سازمان عملیات تجارت دریایی بریتانیا خدمه سالم‌اند."
    )
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == 0


def test_a_ship_is_no_killing(pipeline: Pipeline) -> None:
    text = "نیروی دریایی روز سه‌شنبه اعلام کرد یک کشتی باری در بندر الحدیده پهلو گرفت و بار آن تخلیه شد."
    assert events_of(pipeline, text) == []


def test_forces_taken_out_of_villages_withdrew(pipeline: Pipeline) -> None:
    text = "ارتش اسرائیل روز سه‌شنبه نیروهایش را از روستاهای مرزی جنوب لبنان بیرون برد."
    event = only(events_of(pipeline, text), "RETREAT")
    assert event["actor1"]["country"] == "ISR"


def test_a_suicide_bomber_who_rams_a_base_tells_the_attack(pipeline: Pipeline) -> None:
    text = (
        "ارتش پاکستان اعلام کرد یک مهاجم انتحاری بامداد دوشنبه خودرویی مملو از مواد منفجره را به دیوار "
        "یک پایگاه نظامی در منطقه میرعلی در وزیرستان شمالی کوبید."
    )
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["acled"]["sub_event_type"] == "Suicide bomb"
    assert event["date"]["value"] == "2024-05-06"


def test_a_kamikaze_drone_is_no_suicide_bomber(pipeline: Pipeline) -> None:
    text = "دو پهپاد انتحاری بامداد دوشنبه به یک انبار سوخت در شهر الفاشر اصابت کردند."
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["acled"]["sub_event_type"] == "Air/drone strike"


def test_of_towns_joined_by_and_the_first_named_places_the_protest(pipeline: Pipeline) -> None:
    text = "بازنشستگان روز یکشنبه در کرمانشاه و همدان در اعتراض به مستمری‌های ناچیز تجمع کردند."
    event = only(events_of(pipeline, text), "PROTEST")
    assert event["location"]["name"] == "Kermanshah"


def test_a_provincial_city_is_placed_in_a_report_that_never_names_its_country(pipeline: Pipeline) -> None:
    text = "بازنشستگان مخابرات روز یکشنبه در کرمانشاه در اعتراض به مستمری‌های ناچیز تجمع کردند."
    event = only(events_of(pipeline, text), "PROTEST")
    assert event["location"]["name"] == "Kermanshah"
    assert event["location"]["country"] == "IRN"


def test_a_tribe_is_not_qom(pipeline: Pipeline) -> None:
    text = "جرگه‌ای با حضور ریش‌سفیدان قوم اچکزی روز یکشنبه در ولسوالی سپین‌بولدک بر آتش‌بس میان دو طرف توافق کرد."
    for event in events_of(pipeline, text):
        assert (event["location"] or {}).get("name") != "Qom"



def test_of_namesakes_in_two_countries_named_alike_the_one_near_the_sentences_town_is_meant(pipeline: Pipeline) -> None:
    from collections import Counter

    from rasad.resolve.places import choose_place

    text = "در پیشاور مردان مسلح شامگاه دوشنبه در محله یکه‌توت یک بازرگان را کشتند."
    doc = pipeline.normalizer(Article("t", text, published=PUBLISHED))
    for name, stage in pipeline.stages:
        if name == "extract":
            break
        doc = stage(doc)
    resolver = dict(pipeline.stages)["resolve"]
    [yakatoot] = [m for m in doc.mentions if m.kind == "PLACE" and "توت" in doc.text[m.start : m.end]]
    assert len(yakatoot.data["candidates"]) > 1  # a Kabul and a Peshawar neighbourhood
    place = choose_place(yakatoot, doc, resolver.kb, resolver.gazetteer, Counter({"AFG": 3, "PAK": 3}))
    assert place is not None and place["country"] == "PAK"


def test_a_district_followed_by_its_province_is_placed_in_the_province(pipeline: Pipeline) -> None:
    text = "جبهه مقاومت ملی مدعی شد نیروهایش شب گذشته به یک پاسگاه طالبان در ولسوالی خنجان بغلان حمله کردند."
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["location"]["name"] == "Khinjan District"


def test_a_village_of_a_district_named_with_from_the_dependencies_of_is_the_place(pipeline: Pipeline) -> None:
    text = "توپخانه ارتش ترکیه شامگاه دوشنبه روستاهای اطراف ناحیه باتیفا از توابع قضای زاخو را گلوله‌باران کرد."
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["location"]["name"] == "Batifa"


def test_locusts_and_their_sprayers_are_no_war(pipeline: Pipeline) -> None:
    text = (
        "رئیس سازمان جهاد کشاورزی استان روز سه‌شنبه گفت نخستین دسته‌های ملخ صحرایی از اواخر بهمن "
        "به نخلستان‌های کنارک حمله کرده‌اند."
    )
    assert events_of(pipeline, text) == []


def test_workers_blocking_a_road_protest(pipeline: Pipeline) -> None:
    text = "صدها کارگر کارخانه فولاد روز دوشنبه با بستن جاده اراک به تهران خواستار پرداخت حقوق معوق خود شدند."
    event = only(events_of(pipeline, text), "PROTEST")
    assert event["date"]["value"] == "2024-05-06"


def test_a_strike_going_on_since_a_day_is_dated_that_day(pipeline: Pipeline) -> None:
    text = "کارگران پیمانی پالایشگاه آبادان از شنبه گذشته دست به اعتصاب زده‌اند و خواستار افزایش دستمزد هستند."
    event = only(events_of(pipeline, text), "PROTEST")
    assert event["date"]["value"] == "2024-05-04"


def test_a_tally_since_a_month_is_no_event_of_that_month(pipeline: Pipeline) -> None:
    text = "حوثی‌ها از نوامبر ۲۰۲۳ ده‌ها کشتی تجاری را در دریای سرخ هدف قرار داده‌اند."
    assert [e for e in events_of(pipeline, text) if e["date"] and e["date"]["value"].startswith("2023-11")] == []


def test_two_days_later_counts_from_the_act_told_before(pipeline: Pipeline) -> None:
    text = (
        "روز پنجشنبه ۱۴ مارس شبه‌نظامیان به یک پاسگاه ارتش در میرعلی حمله کردند و هفت سرباز کشته شدند.\n"
        "دو روز بعد جنگنده‌های پاکستانی مناطقی را در ولایت خوست بمباران کردند."
    )
    events = sorted((e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"), key=lambda e: e["date"]["value"])
    assert [e["date"]["value"] for e in events] == ["2024-03-14", "2024-03-16"]


def test_a_weekday_naming_the_weekday_of_the_full_date_before_it_is_that_date(pipeline: Pipeline) -> None:
    text = "در ۱۳ آوریل ۲۰۲۵، هم‌زمان با یکشنبه نخل، دو موشک بالستیک به مرکز شهر سومی اصابت کرد و ۳۵ نفر را کشت."
    event = only(events_of(pipeline, text, published="2025-10-16"), "ASSAULT")
    assert event["date"]["value"] == "2025-04-13"


def test_a_man_killed_with_his_driver_is_two_dead(pipeline: Pipeline) -> None:
    text = "روز چهارشنبه یک بمب کنار جاده‌ای در مسیر خودروی یک رهبر محلی در محور خار منفجر شد و این سیاستمدار به همراه راننده‌اش جان باخت."
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == 2


def test_nobody_killed_or_wounded_in_it_is_a_toll_of_none(pipeline: Pipeline) -> None:
    text = (
        "یک موتر کاروان نیروهای امارت اسلامی روز جمعه در ولسوالی عنابه در انفجار یک ماین آسیب دید و "
        "به گفته ولسوال، هیچ کس در این رویداد کشته یا زخمی نشده است."
    )
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == 0


def test_a_total_after_the_count_of_the_dead_is_read_after_it(pipeline: Pipeline) -> None:
    text = (
        "در حمله شبه‌نظامیان به یک پاسگاه ارتش در میرعلی روز چهارشنبه پنج سرباز جان باختند، اما یک مقام محلی "
        "گفت شمار سربازان کشته‌شده به هشت نفر رسیده است."
    )
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == 5


def test_a_tally_from_a_day_until_now_is_no_event_of_that_day(pipeline: Pipeline) -> None:
    text = "به گفته دفتر هماهنگی امور بشردوستانه، از ۷ اکتبر ۲۰۲۳ تاکنون بیش از هزار حمله شهرک‌نشینان به روستاهای کرانه باختری ثبت شده است."
    assert [e for e in events_of(pipeline, text) if e["date"] and e["date"]["value"] == "2023-10-07"] == []


def test_a_ship_hit_by_a_counted_missile_is_attacked(pipeline: Pipeline) -> None:
    text = "یک کشتی فله‌بر روز جمعه در ۶۰ مایلی غرب بندر الحدیده هدف دو موشک قرار گرفت و یکی از خدمه زخمی شد."
    event = only(events_of(pipeline, text), "ASSAULT")
    assert event["injured"] == 1
