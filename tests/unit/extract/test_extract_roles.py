"""Roles, coreference and protest coding: one rule per test, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

from rasad.export.document import to_document
from rasad.model import Article
from rasad.pipeline import Pipeline

PUBLISHED = "2024-05-08"  # a Wednesday


def events_of(pipeline: Pipeline, text: str, published: str = PUBLISHED) -> list[dict[str, Any]]:
    return to_document(pipeline(Article("t", text, published=published)))["events"]


def of_type(events: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [e for e in events if e["type"] == kind]


def test_passive_verb_makes_its_subject_the_target(pipeline: Pipeline) -> None:
    text = "روز دوشنبه یک خودروی گشت پلیس پاکستان در منطقه بنو با بمب کنار جاده‌ای منفجر شد و دو مامور زخمی شدند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor1"] is None or event["actor1"]["kind"] != "police"
    assert event["actor2"] is not None and event["actor2"]["country"] == "PAK"
    assert event["injured"] == 2


def test_this_group_is_the_group_named_before(pipeline: Pipeline) -> None:
    text = (
        "جنبش انصارالله یمن روز سه‌شنبه بیانیه‌ای منتشر کرد. "
        "سخنگوی نظامی این جنبش گفت نیروهای این گروه یک کشتی تجاری را در دریای سرخ با پهپاد هدف قرار دادند."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor1"]["id"] == "ansar-allah"
    assert event["acled"]["sub_event_type"] == "Air/drone strike"


def test_a_spokesman_who_confirms_is_not_the_agent(pipeline: Pipeline) -> None:
    text = (
        "روز سه‌شنبه یک بمب در بازار شهر قندوز منفجر شد. "
        "ذبیح‌الله مجاهد، سخنگوی طالبان، تایید کرد که در این انفجار چهار غیرنظامی کشته شدند."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor1"] is None or event["actor1"]["id"] != "taliban"
    assert event["fatalities"] == 4


def test_a_count_of_people_far_from_the_verb_is_the_toll(pipeline: Pipeline) -> None:
    text = (
        "دست‌کم هفت غیرنظامی از جمله سه کودک روز دوشنبه بر اثر اصابت گلوله‌های توپ شبه‌نظامیان حوثی "
        "به یک محله مسکونی در شهر تعز در جنوب غرب یمن و ویرانی چند خانه در آن محله کشته شدند."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == 7


def test_a_reference_clause_ends_at_the_comma(pipeline: Pipeline) -> None:
    text = (
        "شهر کابل بارها هدف حملات مرگبار بوده است. "
        "در یکی از خونین‌ترین این حملات، یک بمب‌گذار انتحاری در ۱۵ مهر ۱۴۰۱ خود را در یک مدرسه منفجر کرد و ۳۰ نفر کشته شدند."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["date"]["value"] == "2022-10-07"
    assert event["timing"] == "background"
    assert event["fatalities"] == 30


def test_tear_gas_on_protesters_is_the_protest_with_intervention(pipeline: Pipeline) -> None:
    text = (
        "نیروهای امنیتی عراق روز دوشنبه برای پراکنده کردن صدها معترض در شهر بصره از گاز اشک‌آور استفاده کردند. "
        "معترضان در اعتراض به قطع برق مقابل استانداری تجمع کرده بودند."
    )
    events = events_of(pipeline, text)
    assert of_type(events, "ASSAULT") == []
    [protest] = of_type(events, "PROTEST")
    assert protest["acled"]["sub_event_type"] == "Protest with intervention"
    assert protest["actor1"]["kind"] == "protesters"
    assert protest["actor2"]["kind"] == "security"


def test_forces_firing_on_protesters_is_excessive_force(pipeline: Pipeline) -> None:
    text = "نیروهای امنیتی روز دوشنبه در شهر ناصریه به سوی معترضان تیراندازی کردند و پنج نفر کشته شدند."
    events = events_of(pipeline, text)
    assert of_type(events, "ASSAULT") == []
    [protest] = of_type(events, "PROTEST")
    assert protest["acled"]["sub_event_type"] == "Excessive force against protesters"
    assert protest["fatalities"] == 5


def test_a_crowd_that_storms_a_building_riots(pipeline: Pipeline) -> None:
    text = "صدها معترض خشمگین روز دوشنبه در شهر ناصریه به ساختمان استانداری یورش بردند و بخشی از آن را به آتش کشیدند."
    events = events_of(pipeline, text)
    assert of_type(events, "ASSAULT") == []
    [riot] = of_type(events, "PROTEST")
    assert riot["acled"]["event_type"] == "Riots"


def test_rights_and_depictions_are_no_events(pipeline: Pipeline) -> None:
    texts = [
        "وزیر کشور روز دوشنبه بر حق اعتراض مسالمت‌آمیز شهروندان تاکید کرد.",
        "این فیلم صحنه‌های بمباران شهر آبادان و انفجار پالایشگاه را بازسازی کرده است.",
    ]
    for text in texts:
        assert events_of(pipeline, text) == [], text


def test_rescue_teams_sent_to_a_flood_are_no_deployment(pipeline: Pipeline) -> None:
    text = "هلال احمر روز دوشنبه ده تیم امدادی را به مناطق سیل‌زده استان سیستان و بلوچستان اعزام کرد."
    assert of_type(events_of(pipeline, text), "MOBILIZE") == []


def test_a_yearly_statistic_is_no_event(pipeline: Pipeline) -> None:
    text = "بر اساس آمار سازمان‌های حقوق بشری، سالانه ده‌ها کولبر در مناطق مرزی بر اثر تیراندازی ماموران جان می‌دهند."
    assert of_type(events_of(pipeline, text), "ASSAULT") == []


def test_a_yearless_date_with_this_year_is_one_date(pipeline: Pipeline) -> None:
    text = "۱۷ تیر امسال نیز ماموران در ارتفاعات اطراف سردشت به سوی گروهی از کولبران آتش گشودند و دو کولبر کشته شدند."
    [event] = of_type(events_of(pipeline, text, published="2024-11-13"), "ASSAULT")
    assert event["date"]["value"] == "2024-07-07"
    assert event["timing"] == "background"
    assert event["fatalities"] == 2


def test_forces_of_this_regime_are_the_state_named_before(pipeline: Pipeline) -> None:
    text = (
        "ارتش اسرائیل روز دوشنبه اعلام کرد عملیات خود را ادامه می‌دهد. "
        "پیش از این، نیروهای این رژیم روز ۱۳ فروردین ساختمانی را در شهر دمشق هدف قرار دادند و پنج نفر کشته شدند."
    )
    [event] = [e for e in of_type(events_of(pipeline, text), "ASSAULT") if e["fatalities"] == 5]
    assert event["actor1"]["country"] == "ISR"
    assert event["location"]["country"] == "SYR"


def test_a_drone_that_fires_missiles_makes_an_air_strike(pipeline: Pipeline) -> None:
    text = "یک پهپاد ارتش اسرائیل روز دوشنبه دو موشک به سمت خودرویی در نزدیکی شهر صور شلیک کرد."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["acled"]["sub_event_type"] == "Air/drone strike"
    assert event["quantity"]["value"] == 2


def test_a_count_of_things_is_no_toll(pipeline: Pipeline) -> None:
    text = "دست‌کم شش غیرنظامی روز سه‌شنبه بر اثر اصابت گلوله‌های توپ شبه‌نظامیان حوثی به یک محله مسکونی در شهر تعز کشته شدند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == 6
    assert event["actor1"]["id"] == "ansar-allah"
    assert event["actor2"]["kind"] == "civilians"


def test_a_part_named_long_before_the_injured_does_not_hide_them(pipeline: Pipeline) -> None:
    text = (
        "در حمله مسلحانه ۳۱ شهریور ۱۳۹۷ به رژه نیروهای مسلح در اهواز، ۲۵ نفر از جمله شماری از تماشاگران غیرنظامی "
        "کشته شدند و بیش از ۶۰ نفر زخمی شدند."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == 25
    assert event["injured"] == 60


def test_an_arrest_and_a_seizure_in_one_story_stay_two_acts(pipeline: Pipeline) -> None:
    text = (
        "پلیس پاکستان روز دوشنبه در شهر کویته پنج مظنون را دستگیر کرد. "
        "ماموران همچنین دو جلیقه انتحاری و مقداری مواد منفجره را کشف و ضبط کردند."
    )
    subtypes = sorted(e["acled"]["sub_event_type"] for e in of_type(events_of(pipeline, text), "COERCE"))
    assert "Arrests" in subtypes  # the seizure does not recode the arrest as «Disrupted weapons use»


def test_a_toll_claimed_by_one_side_does_not_replace_the_reported_one(pipeline: Pipeline) -> None:
    text = (
        "وزارت دفاع ترکیه اعلام کرد دو سرباز این کشور روز سه‌شنبه در درگیری با شبه‌نظامیان پ‌ک‌ک در منطقه زاپ کشته شدند. "
        "نیروهای مدافع خلق مدعی شد که در این درگیری نه سرباز ترک کشته شده‌اند."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == 2


def test_a_fight_told_from_both_sides_is_one_event(pipeline: Pipeline) -> None:
    text = (
        "عناصر گروه داعش شامگاه یکشنبه به یک پاسگاه ارتش عراق در جنوب غرب استان کرکوک حمله کردند و سه سرباز کشته شدند. "
        "نیروهای ارتش عراق پس از یک ساعت درگیری مهاجمان را وادار به عقب نشینی کردند."
    )
    events = events_of(pipeline, text)
    assert len(of_type(events, "ASSAULT")) == 1
    assert of_type(events, "RETREAT") == []


def test_where_a_sanction_was_decided_not_where_the_goods_went(pipeline: Pipeline) -> None:
    text = (
        "شورای اتحادیه اروپا روز دوشنبه در نشست وزیران خارجه در شهر بروکسل، پنج نهاد ایرانی را به دلیل "
        "ارسال پهپاد به روسیه تحریم کرد."
    )
    [event] = of_type(events_of(pipeline, text), "SANCTION")
    assert event["location"]["country"] == "BEL"


def test_a_threat_is_placed_in_the_speakers_country(pipeline: Pipeline) -> None:
    text = "عبدالملک الحوثی رهبر انصارالله روز سه‌شنبه تهدید کرد که کشتی‌های اسرائیلی را در دریای سرخ هدف قرار خواهد داد."
    [event] = of_type(events_of(pipeline, text), "THREATEN")
    assert event["location"]["country"] == "YEM"
    assert event["location"]["geo_precision"] == 3


def test_the_first_place_of_a_chain_is_where_it_happened(pipeline: Pipeline) -> None:
    text = "یک بمب کنار جاده‌ای روز دوشنبه در منطقه مستونگ، حدود ۵۰ کیلومتری جنوب کویته، منفجر شد و سه نیرو زخمی شدند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["location"]["name"] == "Mastung"


def test_a_place_in_a_province_is_placed_near_the_province(pipeline: Pipeline) -> None:
    text = "ماموران مرزی شامگاه یکشنبه در نزدیکی مرز نوسود در استان کرمانشاه به سوی کولبران شلیک کردند و یک نفر زخمی شد."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["location"]["name"] == "Nowsud"


def test_the_one_held_responsible_is_the_target_of_the_accusation(pipeline: Pipeline) -> None:
    text = (
        "حزب دموکرات کردستان ایران روز چهارشنبه بیانیه‌ای منتشر کرد. "
        "این حزب در بیانیه خود سپاه پاسداران را مسئول حمله پهپادی به کویه دانست."
    )
    [event] = of_type(events_of(pipeline, text), "ACCUSE")
    assert event["actor1"]["id"] == "kdpi"
    assert event["actor2"]["id"] == "irgc"


def test_a_subject_before_this_accusation_rejects_it(pipeline: Pipeline) -> None:
    text = "ارتش اسرائیل روز سه‌شنبه این اتهام را رد کرد."
    [event] = of_type(events_of(pipeline, text), "REJECT")
    assert event["actor1"]["country"] == "ISR"


def test_planning_an_attack_is_no_attack(pipeline: Pipeline) -> None:
    text = "سنتکام روز دوشنبه اعلام کرد این گروه در برنامه‌ریزی حمله به منافع آمریکا در منطقه نقش داشته است."
    assert of_type(events_of(pipeline, text), "ASSAULT") == []


def test_this_attack_is_never_a_new_event(pipeline: Pipeline) -> None:
    text = (
        "یک پهپاد آمریکایی روز یکشنبه خودرویی را در حومه شهر سرمدا در استان ادلب هدف قرار داد و دو نفر کشته شدند. "
        "هیئت تحریر الشام که در دسامبر گذشته اداره دمشق را به دست گرفت، درباره این حمله اظهار نظری نکرده است."
    )
    assert len(of_type(events_of(pipeline, text, published="2025-02-24"), "ASSAULT")) == 1


def test_joined_counts_add_up(pipeline: Pipeline) -> None:
    text = "در درگیری روز دوشنبه در شهر جنین، ۱۲ فلسطینی و یک سرباز اسرائیلی کشته و پنج نفر دیگر زخمی شدند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == 13
    assert event["injured"] == 5


def test_a_dated_killing_after_a_semicolon_is_its_own_event(pipeline: Pipeline) -> None:
    text = (
        "انفجار بمبی روز دوشنبه در شهر کویته هفت پلیس را کشت. "
        "کویته بارها صحنه حملات خونین بوده است؛ در ۹ نوامبر ۲۰۲۴ یک بمب‌گذار انتحاری در ایستگاه راه‌آهن این شهر ۲۶ نفر را کشت."
    )
    events = of_type(events_of(pipeline, text, published="2025-05-06"), "ASSAULT")
    assert sorted(e["fatalities"] for e in events) == [7, 26]


def test_a_recalled_crackdown_keeps_its_date_and_place(pipeline: Pipeline) -> None:
    text = (
        "کشاورزان اصفهان روز شنبه در بستر زاینده‌رود تجمع کردند. "
        "در آذر ۱۴۰۰ هزاران کشاورز چند روز در بستر زاینده‌رود تحصن کردند. "
        "صبح جمعه ۵ آذر ۱۴۰۰ ماموران یگان ویژه با شلیک گاز اشک‌آور تحصن را پراکنده کردند و چادرهای معترضان را به آتش کشیدند. "
        "در آن درگیری‌ها بیش از ۶۰ نفر بازداشت شدند."
    )
    events = events_of(pipeline, text, published="2024-12-08")
    protests = of_type(events, "PROTEST")
    recalled = [e for e in protests if e["timing"] == "background"]
    assert len(recalled) == 1
    assert recalled[0]["date"]["value"] == "2021-11-26"
    assert recalled[0]["acled"]["sub_event_type"] == "Protest with intervention"
    assert all(e["date"]["value"] == "2021-11-26" for e in of_type(events, "COERCE"))


def test_weekly_shelling_is_a_habit(pipeline: Pipeline) -> None:
    text = "با این حال، گلوله‌باران‌های پراکنده در جنوب ادلب تقریبا هر هفته تکرار می‌شود."
    assert events_of(pipeline, text) == []


def test_the_reporter_of_a_story_is_not_its_protester(pipeline: Pipeline) -> None:
    text = "به گزارش خبرنگار شرق، صدها کشاورز روز شنبه مقابل استانداری اصفهان به کم‌آبی اعتراض کردند."
    [event] = of_type(events_of(pipeline, text), "PROTEST")
    assert event["actor1"]["id"] == "farmers"


def test_the_police_who_report_an_arrest_made_it(pipeline: Pipeline) -> None:
    text = "به گفته پلیس پاکستان، سه مظنون روز دوشنبه در محله لیاری کراچی بازداشت شدند."
    [event] = of_type(events_of(pipeline, text), "COERCE")
    assert event["actor1"]["kind"] == "police"


def test_strikes_on_two_cities_on_two_days_are_two_events(pipeline: Pipeline) -> None:
    text = (
        "جنگنده‌های آمریکایی بامداد امروز سه‌شنبه چندین نقطه در صنعا را هدف حملات هوایی قرار دادند. "
        "شب گذشته نیز استان صعده در شمال یمن آماج دست‌کم ۱۰ حمله هوایی قرار گرفت. "
        "منابع محلی همچنین از حمله هوایی به بندر الحدیده در غرب یمن در شامگاه دوشنبه خبر دادند."
    )
    events = of_type(events_of(pipeline, text, published="2025-03-25"), "ASSAULT")
    assert sorted(e["location"]["name"] for e in events) == ["Port of Hodeidah", "Sa'dah", "Sanaa"]


def test_a_capital_is_a_city_with_coordinates(pipeline: Pipeline) -> None:
    text = "یک بمب روز دوشنبه در مرکز شهر پاریس منفجر شد و سه نفر زخمی شدند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["location"]["country"] == "FRA"
    assert event["location"]["geo_precision"] == 1


def test_a_plot_is_no_attack_and_the_announcing_ministry_arrested(pipeline: Pipeline) -> None:
    text = (
        "وزارت کشور کویت روز دوشنبه از بازداشت ۶ عضو یک سلول تروریستی وابسته به داعش خبر داد که "
        "قصد حمله به یک حسینیه در منطقه الجهراء را داشتند."
    )
    events = events_of(pipeline, text)
    assert of_type(events, "ASSAULT") == []
    [arrest] = of_type(events, "COERCE")
    assert arrest["actor1"]["country"] == "KWT"


def test_forces_belong_to_the_country_their_sentence_names(pipeline: Pipeline) -> None:
    text = (
        "وزارت کشور کویت روز دوشنبه بیانیه‌ای منتشر کرد و کویت از همسایگان خواست هوشیار باشند. "
        "در بحرین، نیروهای امنیتی شامگاه جمعه تجمع ده‌ها معترض را در اعتراض به عادی‌سازی روابط با اسرائیل با گاز اشک‌آور متفرق کردند."
    )
    [protest] = of_type(events_of(pipeline, text, published="2026-01-13"), "PROTEST")
    assert protest["actor2"]["country"] == "BHR"
    assert protest["location"]["country"] == "BHR"


def test_a_suicide_blast_recalled_with_its_date_is_an_event(pipeline: Pipeline) -> None:
    text = (
        "بازداشت‌های کویت یادآور انفجار انتحاری مسجد امام صادق در منطقه الصوابر شهر کویت در ۲۶ ژوئن ۲۰۱۵ است "
        "که ۲۷ کشته بر جای گذاشت."
    )
    [event] = of_type(events_of(pipeline, text, published="2026-01-13"), "ASSAULT")
    assert event["date"]["value"] == "2015-06-26"
    assert event["timing"] == "background"
    assert event["location"]["geo_precision"] < 3


def test_an_arrest_confirmed_or_condemned_is_the_arrest_told_before(pipeline: Pipeline) -> None:
    text = (
        "نیروهای استخبارات طالبان روز سه‌شنبه پنج خبرنگار را در شهر هرات بازداشت کردند. "
        "یوناما روز چهارشنبه بازداشت خبرنگاران در هرات را محکوم کرد."
    )
    events = events_of(pipeline, text, published="2025-01-16")
    assert len(of_type(events, "COERCE")) == 1
    assert len(of_type(events, "ACCUSE")) == 1


def test_the_crowd_is_the_protest_s_actor_wherever_it_stands(pipeline: Pipeline) -> None:
    text = (
        "در ۲۴ اسد ۱۴۰۳ ماموران امر به معروف طالبان در یک گردهمایی کوچک در شهر هرات "
        "چهار تن از زنان معترض را بازداشت کردند."
    )
    [protest] = of_type(events_of(pipeline, text, published="2025-01-16"), "PROTEST")
    assert protest["actor1"]["kind"] == "protesters"



def test_a_date_between_an_air_strike_and_its_author_keeps_the_author(pipeline: Pipeline) -> None:
    text = "ده‌ها نفر در حمله هوایی شب گذشته ارتش اسرائیل به چادرهای آوارگان در غرب رفح کشته شدند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor1"]["country"] == "ISR"


def test_a_number_in_a_weapon_s_name_is_no_toll(pipeline: Pipeline) -> None:
    text = "گردان‌های قسام روز دوشنبه یک تانک را در خان‌یونس با موشک «یاسین ۱۰۵» هدف قرار دادند و خدمه آن را کشتند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] != 105


def test_a_district_followed_by_its_province_is_that_province_s_district(pipeline: Pipeline) -> None:
    text = "روز دوشنبه یک ماین کنار جاده‌ای در ولسوالی بهسود ننگرهار در مسیر یک موتر رنجر منفجر شد."
    [event] = of_type(events_of(pipeline, text, published="2023-11-08"), "ASSAULT")
    assert abs(event["location"]["lon"] - 70.46) < 0.5  # Nangarhar's Behsud, not Wardak's


def test_a_town_near_a_province_border_stays_itself(pipeline: Pipeline) -> None:
    text = "یک روحانی در شهر بهبهان در استان خوزستان شامگاه یکشنبه هدف تیراندازی افراد ناشناس قرار گرفت و جان باخت."
    [event] = of_type(events_of(pipeline, text, published="2023-04-07"), "ASSAULT")
    assert event["location"]["name"] == "Behbahān"


def test_a_recalled_massacre_at_the_same_mosque_keeps_place_and_toll(pipeline: Pipeline) -> None:
    text = (
        "نیروهای امنیتی ایران روز جمعه در زاهدان به سوی راهپیمایان گاز اشک‌آور شلیک کردند. "
        "در ۸ مهر ۱۴۰۱ ماموران امنیتی به سوی نمازگزاران و معترضان در اطراف همین مسجد و مقابل کلانتری ۱۶ آتش گشودند. "
        "سازمان عفو بین‌الملل شمار کشته‌شدگان آن روز را دست‌کم ۶۶ نفر اعلام کرد، اما فعالان می‌گویند نزدیک به ۱۰۰ نفر جان باختند."
    )
    events = of_type(events_of(pipeline, text, published="2023-03-04"), "PROTEST")
    [recalled] = [e for e in events if e["timing"] == "background"]
    assert recalled["acled"]["sub_event_type"] == "Excessive force against protesters"
    assert recalled["fatalities"] == 66
    assert recalled["location"]["name"] == "Zahedan"


def test_protesters_arrested_and_taken_away_are_the_arrested(pipeline: Pipeline) -> None:
    text = "روز جمعه شماری از معترضان، از جمله دو نوجوان، در زاهدان بازداشت و به مکان نامعلومی منتقل شدند."
    [arrest] = of_type(events_of(pipeline, text), "COERCE")
    assert arrest["actor1"] is None or arrest["actor1"]["kind"] != "protesters"


def test_a_yearless_date_of_last_year(pipeline: Pipeline) -> None:
    text = "در ۵ قوس سال گذشته یک ماین کنار جاده‌ای در شهر مزارشریف موتر حامل کارمندان یک شرکت را هدف قرار داد و سه تن کشته شدند."
    [event] = of_type(events_of(pipeline, text, published="2025-03-03"), "ASSAULT")
    assert event["date"]["value"] == "2023-11-26"


def test_where_victims_came_from_is_not_where_they_died(pipeline: Pipeline) -> None:
    text = "افراد مسلح صبح امروز در نزدیکی شهر قلات در ایالت بلوچستان پاکستان پنج مسافر اهل پنجاب را از اتوبوس پیاده کردند و کشتند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["location"]["name"] != "Punjab"


def test_a_market_truce_and_land_handed_over_are_no_events(pipeline: Pipeline) -> None:
    texts = [
        "بازار ارز پس از هفته‌ها نوسان به نوعی آتش‌بس رسیده است.",
        "صدها تن از باشندگان روز شنبه به تصمیم مقام‌های محلی برای واگذاری زمین‌های زراعتی اعتراض کردند.",
    ]
    for text in texts:
        kinds = {e["type"] for e in events_of(pipeline, text)}
        assert not kinds & {"AGREE", "RETREAT"}, text


def test_a_denied_involvement_does_not_deny_the_attack(pipeline: Pipeline) -> None:
    text = (
        "کتائب حزب‌الله عراق در بیانیه‌ای هرگونه دست داشتن در حمله پهپادی یکشنبه گذشته به میدان گازی "
        "کورمور در استان سلیمانیه را رد کرد."
    )
    events = events_of(pipeline, text, published="2025-01-15")
    [attack] = of_type(events, "ASSAULT")
    assert attack["date"]["value"] == "2025-01-12"
    assert len(of_type(events, "REJECT")) == 1


def test_a_drone_named_after_a_count_is_no_victim(pipeline: Pipeline) -> None:
    text = "پیش‌تر در ۲۰ مهر نیز یک پهپاد صهیونیستی خودرویی را در شهرک طمون هدف قرار داده بود که به شهادت سه مبارز فلسطینی انجامید."
    [event] = of_type(events_of(pipeline, text, published="2025-11-25"), "ASSAULT")
    assert event["fatalities"] == 3
    assert event["actor2"] is None or event["actor2"]["country"] != "ISR"


def test_beating_protesters_is_the_protest_s_intervention(pipeline: Pipeline) -> None:
    text = (
        "به گفته شورای بازنشستگان، ماموران یگان ویژه روز یکشنبه در کرمانشاه با ضرب و شتم معترضان "
        "تجمع بازنشستگان را پراکنده کردند و سه نفر زخمی شدند."
    )
    events = events_of(pipeline, text)
    assert of_type(events, "ASSAULT") == []
    [protest] = of_type(events, "PROTEST")
    assert protest["actor2"]["kind"] == "police"
    assert protest["acled"]["sub_event_type"] == "Protest with intervention"


def test_another_story_continues_nothing_before_it(pipeline: Pipeline) -> None:
    text = (
        "یک ماین چسپکی شام یکشنبه در مرکز ولسوالی شولگره ولایت بلخ منفجر شد و دو تن جان باختند. "
        "در رویدادی دیگر، صدها تن از باشندگان ولسوالی چمتال روز شنبه در برابر مقر ولسوالی تجمع کردند. "
        "نیروهای امارت اسلامی برای پراکنده ساختن معترضان به هوا شلیک کردند."
    )
    events = events_of(pipeline, text, published="2025-03-03")
    [blast] = [e for e in of_type(events, "ASSAULT") if e["acled"]["sub_event_type"] == "Remote explosive/landmine/IED"]
    assert blast["actor1"] is None
    [protest] = of_type(events, "PROTEST")
    assert protest["acled"]["sub_event_type"] == "Protest with intervention"


def test_an_event_noun_with_a_passive_clause_verb_makes_its_subject_the_target(pipeline: Pipeline) -> None:
    text = (
        "وزیر امنیت عمومی کانادا روز سه‌شنبه در اتاوا اعلام کرد که سپاه پاسداران انقلاب اسلامی "
        "به فهرست سازمان‌های تروریستی این کشور افزوده شده است."
    )
    [event] = of_type(events_of(pipeline, text), "SANCTION")
    assert event["actor2"]["id"] == "irgc"
    # the government that announces the listing made it; its country is the one its name ends with
    assert event["actor1"] is not None and event["actor1"]["country"] == "CAN"


def test_a_condemned_attack_names_the_one_condemned(pipeline: Pipeline) -> None:
    text = (
        "جنگنده‌های اسرائیلی روز دوشنبه یک ساختمان مسکونی را در شهر صور در جنوب لبنان بمباران کردند. "
        "سخنگوی وزارت خارجه ایران روز سه‌شنبه این حمله را به شدت محکوم کرد."
    )
    [accusation] = of_type(events_of(pipeline, text), "ACCUSE")
    assert accusation["actor1"]["country"] == "IRN"
    assert accusation["actor2"]["country"] == "ISR"


def test_an_attack_inside_an_accusation_is_alleged_to_be_the_accused(pipeline: Pipeline) -> None:
    text = "پاکستان روز دوشنبه طالبان افغانستان را به دست داشتن در حمله انتحاری به پاسگاه میرعلی متهم کرد."
    events = events_of(pipeline, text)
    [accusation] = of_type(events, "ACCUSE")
    assert accusation["actor1"]["country"] == "PAK"
    assert accusation["actor2"]["id"] == "taliban"  # the «را» object, not the post in the charge
    [attack] = of_type(events, "ASSAULT")
    assert attack["actor1"]["id"] == "taliban"
    assert attack["status"] == "alleged"


def test_a_country_marked_by_ra_after_a_region_is_the_object(pipeline: Pipeline) -> None:
    text = "مقام‌های اقلیم کردستان روز دوشنبه ترکیه را مسئول حمله پهپادی به فرودگاه سلیمانیه دانستند."
    events = events_of(pipeline, text)
    [accusation] = of_type(events, "ACCUSE")
    assert accusation["actor2"]["country"] == "TUR"
    [attack] = of_type(events, "ASSAULT")
    assert attack["actor1"]["country"] == "TUR" and attack["status"] == "alleged"


def test_two_sides_opening_the_sentence_are_the_parties_of_an_agreement(pipeline: Pipeline) -> None:
    text = "ترکیه و روسیه روز دوشنبه در مسکو بر سر آتش‌بس در استان ادلب به توافق رسیدند."
    [agreement] = of_type(events_of(pipeline, text), "AGREE")
    assert {agreement["actor1"]["country"], agreement["actor2"]["country"]} == {"TUR", "RUS"}


def test_the_capital_is_the_capital_city_not_a_small_namesake(pipeline: Pipeline) -> None:
    text = "وزارت خزانه‌داری آمریکا روز سه‌شنبه در واشنگتن دوازده نفتکش ایرانی را تحریم کرد."
    [event] = of_type(events_of(pipeline, text), "SANCTION")
    assert event["location"]["country"] == "USA"
    assert abs(event["location"]["lat"] - 38.9) < 0.2 and abs(event["location"]["lon"] + 77.0) < 0.2


def test_a_clash_with_someone_names_the_other_side(pipeline: Pipeline) -> None:
    text = "مأموران انتظامی شهرستان خاش بامداد دوشنبه با قاچاقچیان مسلح درگیر شدند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    # a police command named by its town is the country's police
    assert event["actor1"]["id"] == "irn-police"
    assert event["actor2"] is not None and event["actor2"]["text"] == "قاچاقچیان مسلح"
    assert event["location"]["name"] == "Khash"


def test_its_own_forces_are_the_group_that_speaks_of_them(pipeline: Pipeline) -> None:
    text = (
        "جبهه مقاومت ملی افغانستان اعلام کرد که نیروهایش شام دوشنبه در ولایت پنجشیر "
        "با نیروهای طالبان درگیر شدند."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor1"]["id"] != "taliban" and event["actor1"]["text"] == "نیروهایش"
    assert event["actor2"]["id"] == "taliban"


def test_a_pronoun_before_a_compound_verb_does_not_make_a_reference(pipeline: Pipeline) -> None:
    text = "ماموران پلیس بامداد دوشنبه هنگام بازرسی یک خودرو در شهر خاش با سرنشینان مسلح آن درگیر شدند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["date"]["value"] == "2024-05-06"


def test_the_act_answered_keeps_to_its_own_clause(pipeline: Pipeline) -> None:
    text = (
        "حزب‌الله لبنان اعلام کرد رزمندگانش شامگاه دیروز در پاسخ به ترور یکی از فرماندهان خود و حملات دشمن "
        "به روستاهای جنوب، پادگان برانیت را با موشک‌های هدایت‌شونده هدف قرار دادند."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor1"]["id"] == "hezbollah"
    assert event["trigger"]["text"].startswith("هدف")


def test_a_count_before_a_force_post_is_not_the_toll(pipeline: Pipeline) -> None:
    text = "دست‌کم پنج مامور پلیس در حمله شبانه افراد مسلح به یک ایست بازرسی در ایالت خیبر پختونخوا کشته شدند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == 5


def test_a_road_between_two_towns_is_placed_at_the_first(pipeline: Pipeline) -> None:
    text = "مأموران انتظامی بامداد دوشنبه در محور خاش–ایرانشهر با قاچاقچیان مسلح درگیر شدند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["location"]["name"] == "Khash"


def test_a_weekday_in_a_paper_of_that_weekday_is_the_same_day(pipeline: Pipeline) -> None:
    # PUBLISHED is a Wednesday: «روز چهارشنبه» is that day, «چهارشنبه گذشته» the week before
    [today] = of_type(events_of(pipeline, "نیروهای امنیتی روز چهارشنبه در شهر زاهدان پنج نفر را بازداشت کردند."), "COERCE")
    assert today["date"]["value"] == PUBLISHED
    [before] = of_type(events_of(pipeline, "نیروهای امنیتی چهارشنبه گذشته در شهر زاهدان پنج نفر را بازداشت کردند."), "COERCE")
    assert before["date"]["value"] == "2024-05-01"


def test_a_relative_clause_about_someone_else_lends_no_place(pipeline: Pipeline) -> None:
    text = (
        "حمید نوری، شهروند ایرانی که از سال ۱۳۹۸ در سوئد زندانی بود، روز شنبه در چارچوب تبادل زندانیان "
        "با میانجیگری عمان در مسقط آزاد شد."
    )
    events = events_of(pipeline, text)
    assert events and all((e["location"] or {}).get("country") != "SWE" for e in events)


def test_clashes_that_began_on_a_day_are_dated_that_day(pipeline: Pipeline) -> None:
    text = (
        "درگیری‌های مسلحانه میان نیروهای امنیتی و افراد مسلح در حومه شهر جبله در استان لاذقیه "
        "از روز شنبه آغاز شد و تا بامداد امروز ادامه داشت."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["date"]["value"] == "2024-05-04"  # the Saturday before the Wednesday paper


def test_the_state_that_strikes_is_not_where_it_struck(pipeline: Pipeline) -> None:
    text = "به گفته مقامات صنعا، در روز نخست حملات هوایی آمریکا به یمن در ۱۵ مارس ۵۳ نفر کشته شدند."
    [event] = of_type(events_of(pipeline, text, "2025-03-20"), "ASSAULT")
    assert event["location"]["country"] == "YEM"


def test_an_aside_about_the_claimant_does_not_claim(pipeline: Pipeline) -> None:
    text = (
        "روز سه‌شنبه یک خودروی بمب‌گذاری‌شده در ورودی یک پایگاه نظامی در نزدیکی موگادیشو منفجر شد و دوازده سرباز کشته شدند. "
        "گروه الشباب که با القاعده پیوند دارد، در بیانیه‌ای مسئولیت این حمله را بر عهده گرفت."
    )
    attacks = of_type(events_of(pipeline, text), "ASSAULT")
    assert [a["actor1"]["id"] for a in attacks] == ["al-shabaab"]


def test_what_a_source_says_after_ke_is_not_an_aside(pipeline: Pipeline) -> None:
    text = (
        "منابع محلی در هرات می‌گویند که نیروهای استخبارات طالبان روز سه‌شنبه، ۲۵ جدی، "
        "هشت نفر از جمله پنج خبرنگار را در شهر هرات بازداشت کرده‌اند."
    )
    [arrest] = of_type(events_of(pipeline, text, "2025-01-16"), "COERCE")
    assert arrest["actor1"]["id"] is not None and "taliban" in arrest["actor1"]["id"]
    assert arrest["date"]["value"] == "2025-01-14"


def test_a_perfect_tense_killing_by_an_army_named_with_an_ambiguous_country(pipeline: Pipeline) -> None:
    text = (
        "دیده‌بان حقوق بشر روز دوشنبه اعلام کرد که سربازان ارتش مالی در ۹ مارس دست‌کم ۲۴ غیرنظامی را "
        "در روستای سوروبا در منطقه سگو کشته‌اند."
    )
    [event] = of_type(events_of(pipeline, text, "2025-03-18"), "ASSAULT")
    assert event["actor1"]["id"] == "mli-military"
    assert event["fatalities"] == 24
    assert event["date"]["value"] == "2025-03-09"


def test_an_aside_that_situates_the_target_keeps_its_place(pipeline: Pipeline) -> None:
    text = "روز دوشنبه چند راکت به پایگاه عین‌الاسد که در استان الانبار عراق قرار دارد، شلیک شد."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["location"]["name"] == "Ain al-Asad Air Base"


def test_teachers_gathering_before_parliament_are_the_crowd(pipeline: Pipeline) -> None:
    text = "ده‌ها معلم روز یکشنبه در مقابل ساختمان مجلس شورای اسلامی در تهران تجمع کردند."
    [protest] = of_type(events_of(pipeline, text), "PROTEST")
    assert protest["actor1"]["id"] == "teachers"
    assert protest["actor2"] is None or protest["actor2"]["id"] != "teachers"


def test_a_name_after_a_weapon_is_its_model_not_a_place(pipeline: Pipeline) -> None:
    text = (
        "حزب‌الله لبنان اعلام کرد رزمندگان مقاومت روز چهارشنبه پادگان برانیت، مقر فرماندهی لشکر ۹۱ "
        "ارتش اسرائیل، را با موشکهای برکان هدف قرار دادند."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["location"]["name"] == "Branit barracks"


def test_the_last_two_years_is_no_date_and_a_topic_is_no_act(pipeline: Pipeline) -> None:
    text = (
        "وزارت خارجه قطر روز پنج‌شنبه اعلام کرد ایران و بریتانیا با میانجیگری دوحه بر سر تبادل زندانیان "
        "به توافق رسیده‌اند. این دومین توافق تبادل زندانی با میانجیگری قطر در دو سال اخیر است."
    )
    events = events_of(pipeline, text, "2024-12-05")
    assert not of_type(events, "RETREAT")  # the exchange is what they agreed on, it has not happened
    [agreement] = of_type(events, "AGREE")
    assert agreement["date"]["value"] == "2024-12-05"


def test_an_act_with_no_place_happened_where_its_story_is(pipeline: Pipeline) -> None:
    text = (
        "درگیری‌های مسلحانه میان نیروهای امنیتی و افراد مسلح روز دوشنبه در حومه شهر جبله در استان لاذقیه ادامه داشت. "
        "منابع محلی گفتند نیروهای امنیتی دست‌کم ۱۸ نفر را به اتهام همکاری با مهاجمان بازداشت کرده‌اند."
    )
    [arrest] = of_type(events_of(pipeline, text), "COERCE")
    assert arrest["location"]["name"] == "Jablah" and arrest["location"]["geo_precision"] == 2


def test_an_unplaced_act_of_the_lead_is_placed_at_the_dateline(pipeline: Pipeline) -> None:
    text = "به گزارش خبرگزاری تسنیم از زاهدان، ماموران پلیس روز دوشنبه سه قاچاقچی مسلح را بازداشت کردند."
    [arrest] = of_type(events_of(pipeline, text), "COERCE")
    assert arrest["location"]["name"] == "Zahedan" and arrest["location"]["geo_precision"] == 2


def test_a_condemnation_asked_for_is_not_made(pipeline: Pipeline) -> None:
    text = "سخنگوی وزارت خارجه ایران روز دوشنبه از شورای امنیت سازمان ملل خواست این اقدام تروریستی را محکوم کند."
    assert not of_type(events_of(pipeline, text), "ACCUSE")


def test_a_sports_report_has_no_attack(pipeline: Pipeline) -> None:
    text = (
        "بازیکنان تیم ارتش از همان دقایق نخست با حملات پی‌درپی دروازه حریف را زیر آتش گرفتند "
        "و مهاجم این تیم در دقیقه ۸۱ با یک ضربه سر گل پیروزی را زد."
    )
    assert not of_type(events_of(pipeline, text), "ASSAULT")


def test_the_anniversary_of_a_battle_is_no_battle(pipeline: Pipeline) -> None:
    text = "به گزارش کیهان، امروز سوم خرداد، چهل‌وسومین سالروز آزادسازی خرمشهر است."
    assert not events_of(pipeline, text, "2025-05-24")


def test_a_ministry_that_reports_a_strike_did_not_strike(pipeline: Pipeline) -> None:
    text = "وزارت بهداشت غزه روز دوشنبه اعلام کرد که یک پهپاد اسرائیلی ورودی بیمارستان کویتی در رفح را هدف گرفته است."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor1"]["country"] == "ISR"


def test_where_a_monitor_is_based_is_not_where_the_battle_was(pipeline: Pipeline) -> None:
    text = "دیده‌بان حقوق بشر سوریه، مستقر در لندن، گزارش داد در نبردی که چند ساعت ادامه داشت، شش جنگجو کشته شدند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["location"] is None or event["location"]["country"] != "GBR"
    based = "چند راکت روز دوشنبه به سوی نیروهای آمریکایی مستقر در پایگاه عین‌الاسد شلیک شد."
    [attack] = of_type(events_of(pipeline, based), "ASSAULT")
    assert attack["location"]["name"] == "Ain al-Asad Air Base"


def test_shooting_someone_dead_is_an_attack_and_an_age_is_no_toll(pipeline: Pipeline) -> None:
    text = (
        "افراد مسلح ناشناس شامگاه دوشنبه یک فعال مدنی را مقابل منزلش در شهر ناصریه در جنوب عراق به گلوله بستند. "
        "منابع پزشکی گفتند این فعال ۳۵ ساله پیش از رسیدن به بیمارستان جان باخت."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["location"]["country"] == "IRQ"
    assert event["fatalities"] == 1


def test_an_aside_places_the_act_when_nothing_else_does(pipeline: Pipeline) -> None:
    text = (
        "طالبان روز سه‌شنبه سه زن معترض را که در منطقه کارته سه شهر کابل خواهان بازگشایی مکاتب بودند، "
        "بازداشت کردند."
    )
    [arrest] = of_type(events_of(pipeline, text), "COERCE")
    assert arrest["location"]["country"] == "AFG"


def test_a_toll_a_party_claims_gives_way_to_the_reported_one(pipeline: Pipeline) -> None:
    text = (
        "نیروهای حزب کارگران کردستان روز دوشنبه به یک پایگاه ارتش ترکیه در نزدیکی کانی ماسی در استان دهوک حمله کردند "
        "و مدعی شدند چهار سرباز ترک را کشته‌اند. وزارت دفاع ترکیه اعلام کرد در این حمله یک سرباز کشته شد."
    )
    [attack] = of_type(events_of(pipeline, text), "ASSAULT")
    assert attack["fatalities"] == 1


def test_one_night_of_clashes_is_one_event(pipeline: Pipeline) -> None:
    text = (
        "درگیری‌های مسلحانه میان دو گروه مسلح در شهر طرابلس لیبی از شامگاه دوشنبه تا صبح سه‌شنبه "
        "دست‌کم سه کشته و ۱۱ زخمی بر جای گذاشت."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["fatalities"], event["injured"]) == (3, 11)
    assert event["date"]["value"] == "2024-05-06"


def test_a_post_of_no_named_owner_has_no_guessed_owner(pipeline: Pipeline) -> None:
    text = "افراد مسلح ناشناس شامگاه دوشنبه به مواضع نزدیک یک گذرگاه مرزی حمله کردند و دو نفر کشته شدند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor2"] is None or event["actor2"]["country"] is None


def test_the_one_held_responsible_is_the_object_not_what_they_are_blamed_for(pipeline: Pipeline) -> None:
    text = "اسماعیل بقایی، سخنگوی وزارت امور خارجه، روز چهارشنبه آمریکا را مسئول «رنج مردم عادی ایران» دانست."
    [accusation] = of_type(events_of(pipeline, text), "ACCUSE")
    assert accusation["actor2"]["country"] == "USA"


def test_a_funeral_turned_into_a_protest_is_a_protest_where_it_was(pipeline: Pipeline) -> None:
    text = (
        "مراسم خاکسپاری یک کولبر روز دوشنبه در شهر مهاباد به صحنه اعتراض تبدیل شد. "
        "یک روز پیش از آن، ماموران هنگ مرزی روز یکشنبه در ارتفاعات سردشت به سوی کولبران تیراندازی کرده بودند. "
        "صدها نفر از عزاداران پس از خاکسپاری به سمت مرکز شهر راهپیمایی کردند."
    )
    protests = of_type(events_of(pipeline, text), "PROTEST")
    assert protests and all(p["location"]["name"] == "Mahabad" for p in protests)


def test_another_city_also_struck_is_another_event(pipeline: Pipeline) -> None:
    text = (
        "روسیه بامداد پنج‌شنبه با موجی از پهپادها نیروگاهی در حاشیه شهر خارکیف اوکراین را هدف قرار داد و دو کارگر کشته شدند. "
        "در اودسا نیز یک پست برق هدف حمله پهپادی قرار گرفت و یک نگهبان کشته شد."
    )
    attacks = of_type(events_of(pipeline, text, "2024-11-29"), "ASSAULT")
    assert sorted(a["location"]["name"] for a in attacks) == ["Kharkiv", "Odesa"]


def test_a_state_opening_the_clause_after_the_lead_acts(pipeline: Pipeline) -> None:
    text = (
        "به گزارش یورونیوز فارسی، روسیه بامداد پنج‌شنبه ۲۸ نوامبر زیرساخت‌های انرژی اوکراین را "
        "با موجی از موشک‌ها و پهپادها هدف قرار داد."
    )
    [event] = of_type(events_of(pipeline, text, "2024-11-29"), "ASSAULT")
    assert event["actor1"]["country"] == "RUS"


def test_forces_firing_at_each_other_are_the_two_sides(pipeline: Pipeline) -> None:
    text = "نیروهای هند و پاکستان شامگاه چهارشنبه در بخش پونچ در امتداد خط کنترل به روی یکدیگر آتش گشودند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert {event["actor1"]["country"], event["actor2"]["country"]} == {"IND", "PAK"}


def test_an_unplaced_attack_is_placed_at_the_town_the_headline_names(pipeline: Pipeline) -> None:
    text = (
        "الابیض؛ چرا شهری در قلب کردفان به کانون تازه جنگ سودان تبدیل شده است؟\n"
        "بامداد سه‌شنبه چند پهپاد انتحاری به فرودگاه شهر اصابت کرد و سه نظامی کشته شدند."
    )
    [attack] = of_type(events_of(pipeline, text, "2025-06-12"), "ASSAULT")
    assert attack["location"]["name"] == "El Obeid" and attack["location"]["geo_precision"] == 2


def test_a_digest_item_label_is_no_side_and_starts_a_story(pipeline: Pipeline) -> None:
    text = (
        "مروری بر اخبار روز\n"
        "سومالی: انفجار یک خودروی بمب‌گذاری‌شده روز دوشنبه در موگادیشو هفت کشته بر جای گذاشت.\n"
        "تحریم: وزارت خزانه‌داری آمریکا روز دوشنبه هفت نفر را به اتهام کمک به حوثی‌ها تحریم کرد."
    )
    events = events_of(pipeline, text)
    [attack] = of_type(events, "ASSAULT")
    assert attack["actor1"] is None or attack["actor1"]["country"] != "SOM"
    [sanction] = of_type(events, "SANCTION")
    assert sanction["location"] is None or sanction["location"]["country"] != "SOM"


def test_a_dari_dateline_and_the_speakers_province_are_not_the_event(pipeline: Pipeline) -> None:
    text = (
        "کندهار (پژواک، ۲۹ اسد ۱۴۰۳): مقام‌های محلی در ولایت کندهار می‌گویند در درگیری روز شنبه میان نیروهای مرزی "
        "امارت اسلامی و نظامیان پاکستانی در ولسوالی سپین‌بولدک، دو غیرنظامی جان باخته و یازده تن دیگر زخمی شده‌اند."
    )
    [clash] = of_type(events_of(pipeline, text, "2024-08-19"), "ASSAULT")
    assert clash["date"]["value"] == "2024-08-17"
    assert clash["location"]["name"] == "Spin Boldak"
    assert (clash["fatalities"], clash["injured"]) == (2, 11)


def test_a_claim_after_the_act_names_its_agent(pipeline: Pipeline) -> None:
    text = "حمله انتحاری روز یکشنبه به کاروان چینی‌ها در کراچی پاکستان؛ ارتش آزادی‌بخش بلوچ مسئولیت را پذیرفت."
    [attack] = of_type(events_of(pipeline, text), "ASSAULT")
    assert attack["actor1"]["id"] == "bla" and attack["status"] == "claimed"
    assert attack["actor2"] is None or attack["actor2"]["id"] != "bla"


def test_a_truce_that_took_effect_on_a_day_is_dated_that_day(pipeline: Pipeline) -> None:
    text = "آتش‌بس میان صنعا و ائتلاف سعودی که با میانجی‌گری سازمان ملل از 2 آوریل 2022 اجرا شد، به طور رسمی تمدید نشد."
    [truce] = of_type(events_of(pipeline, text, "2024-11-19"), "AGREE")
    assert truce["date"]["value"] == "2022-04-02" and truce["timing"] == "background"


def test_security_sources_and_a_maritime_reporting_centre_are_not_agents(pipeline: Pipeline) -> None:
    text = "منابع امنیتی عراق روز دوشنبه گفتند عناصر داعش به یک پاسگاه ارتش در کوه‌های حمرین حمله کردند."
    [attack] = of_type(events_of(pipeline, text), "ASSAULT")
    assert attack["actor1"] is None or attack["actor1"]["kind"] != "security"
    sea = "سازمان عملیات تجاری دریایی بریتانیا روز دوشنبه اعلام کرد یک پرتابه در نزدیکی یک کشتی در دریای سرخ منفجر شد."
    for event in of_type(events_of(pipeline, sea), "ASSAULT"):
        assert event["actor1"] is None or event["actor1"]["id"] != "ukmto"


def test_a_neighbouring_country_named_as_a_place_does_not_act(pipeline: Pipeline) -> None:
    text = (
        "در همسایگی شرقی لیبی نیز ارتش مصر روز دوشنبه در بیانیه‌ای اعلام کرد نیروهایش در عملیاتی در جنوب "
        "شهر شیخ زوید شش تروریست را به هلاکت رسانده‌اند."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor1"]["country"] == "EGY"


def test_a_mediator_is_neither_side_of_an_agreement(pipeline: Pipeline) -> None:
    text = "دولت یمن و جنبش انصارالله روز دوشنبه با میانجیگری سازمان ملل در ژنو بر سر تبادل اسرا به توافق رسیدند."
    events = [e for e in events_of(pipeline, text) if e["type"] == "AGREE"]
    assert events
    for event in events:
        assert (event["actor1"] or {}).get("id") != "un" and (event["actor2"] or {}).get("id") != "un"
        names = {(event["actor1"] or {}).get("name"), (event["actor2"] or {}).get("name")}
        assert not any(name and "United Nations" in name for name in names)


def test_a_state_joined_to_the_attacker_by_and_is_no_target(pipeline: Pipeline) -> None:
    text = "حملات هوایی آمریکا و بریتانیا روز دوشنبه مواضع حوثی‌ها را در الحدیده هدف قرار داد."
    event = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"][0]
    assert (event["actor2"] or {}).get("country") != "GBR"


def test_a_source_that_reports_an_attack_is_not_its_target(pipeline: Pipeline) -> None:
    text = "به گزارش UKMTO، یک کشتی باری روز دوشنبه در ۵۰ مایلی غرب الحدیده هدف موشک قرار گرفت."
    event = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"][0]
    assert (event["actor2"] or {}).get("id") != "ukmto"


def test_a_sanction_is_placed_in_the_sanctioning_state_not_where_its_targets_are(pipeline: Pipeline) -> None:
    text = "وزارت خزانه‌داری آمریکا روز دوشنبه هفت نفر و دو شرکت مستقر در امارات و هنگ‌کنگ را تحریم کرد."
    event = [e for e in events_of(pipeline, text) if e["type"] == "SANCTION"][0]
    assert event["location"]["country"] == "USA"
    assert event["location"]["geo_precision"] == 3


def test_the_owner_of_a_post_struck_after_be_and_a_count_is_the_target(pipeline: Pipeline) -> None:
    text = "یک مهاجم انتحاری روز دوشنبه با خودروی بمب‌گذاری‌شده به یک پاسگاه ارتش پاکستان در میرعلی حمله کرد."
    event = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"][0]
    assert (event["actor2"] or {}).get("country") == "PAK"
    assert (event["actor1"] or {}).get("country") != "PAK"


def test_the_party_whose_camp_was_hit_is_the_target(pipeline: Pipeline) -> None:
    text = "سه پهپاد روز دوشنبه به اردوگاه حزب دموکرات کردستان ایران در نزدیکی شهر کویه اصابت کرد."
    event = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"][0]
    assert (event["actor2"] or {}).get("id") == "kdpi"
    assert event["actor1"] is None or event["actor1"].get("id") != "kdpi"


def test_a_truce_between_unnamed_sides_is_an_agreement_placed_where_the_fight_was(pipeline: Pipeline) -> None:
    text = (
        "درگیری میان نیروهای مرزی قرقیزستان و تاجیکستان روز دوشنبه در نزدیکی شهر باتکن دو کشته بر جای گذاشت. "
        "به گفته مقام‌های محلی، فرماندهان مرزی دو طرف شامگاه همان روز بر سر آتش‌بس به توافق رسیدند."
    )
    agree = [e for e in events_of(pipeline, text) if e["type"] == "AGREE"]
    assert len(agree) == 1
    assert agree[0]["location"] is not None and agree[0]["location"]["country"] == "KGZ"


def test_a_figurative_ceasefire_with_no_sides_is_no_agreement(pipeline: Pipeline) -> None:
    text = "بازار ارز پس از هفته‌ها نوسان به نوعی آتش‌بس رسیده است و قیمت دلار روز دوشنبه ثابت ماند."
    assert [e for e in events_of(pipeline, text) if e["type"] == "AGREE"] == []


def test_a_semicolon_joins_two_sentences_whose_actors_stay_apart(pipeline: Pipeline) -> None:
    text = "حمله پهپادی حزب‌الله به کریات شمونه؛ جنگنده‌های اسرائیلی روز دوشنبه دره بقاع را بمباران کردند."
    bombing = next(e for e in events_of(pipeline, text) if e["trigger"]["text"] == "بمباران")
    assert (bombing["actor1"] or {}).get("country") == "ISR"
    assert (bombing["actor2"] or {}).get("id") != "hezbollah"


def test_troops_massing_is_no_protest(pipeline: Pipeline) -> None:
    text = "حزب‌الله روز دوشنبه با یک پهپاد انتحاری تجمع نظامیان ارتش اسرائیل را در کریات شمونه هدف قرار داد."
    events = events_of(pipeline, text)
    assert [e for e in events if e["type"] == "PROTEST"] == []
    assert [e for e in events if e["type"] == "ASSAULT"]


def test_a_sanction_headline_with_no_sanctioner_joins_the_lead(pipeline: Pipeline) -> None:
    text = (
        "تحریم یک پالایشگاه چینی به اتهام خرید نفت ایران؛ پکن و تهران واکنش نشان دادند\n"
        "وزارت خزانه‌داری آمریکا روز پنج‌شنبه یک پالایشگاه مستقل در استان شاندونگ چین را به دلیل خرید نفت ایران تحریم کرد.\n"
        "سخنگوی وزارت خارجه چین روز جمعه گفت پکن با تحریم‌های یکجانبه غیرقانونی مخالف است."
    )
    sanctions = [e for e in events_of(pipeline, text) if e["type"] == "SANCTION"]
    assert len(sanctions) == 1
    assert sanctions[0]["location"]["country"] == "USA"


def test_the_city_of_a_police_force_places_what_it_does(pipeline: Pipeline) -> None:
    text = "پلیس داکا روز دوشنبه با گاز اشک‌آور تجمع صدها دانشجو را پراکنده کرد."
    event = [e for e in events_of(pipeline, text) if e["type"] == "PROTEST"][0]
    assert event["location"]["name"] == "Dhaka"


def test_the_capital_in_a_states_authorities_is_no_place(pipeline: Pipeline) -> None:
    text = "مقامات دمشق روز دوشنبه حمله هوایی به حلب را محکوم کردند."
    for event in events_of(pipeline, text):
        assert (event["location"] or {}).get("name") != "Damascus" or event["type"] in ("ACCUSE",)


def test_the_speakers_are_not_the_agents_when_ke_is_left_out(pipeline: Pipeline) -> None:
    text = "مقام‌های راه‌آهن روز سه‌شنبه می‌گویند شبه‌نظامیان نزدیک تونل مشکاف در گذرگاه بولان ریل قطار را منفجر کردند."
    event = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"][0]
    assert (event["actor1"] or {}).get("kind") != "government"


def test_people_counted_with_no_side_in_an_armed_attack_are_civilians(pipeline: Pipeline) -> None:
    text = "شبه‌نظامیان الشباب روز دوشنبه به بازار شهر افگویه حمله کردند و سه نفر کشته شدند."
    event = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"][0]
    assert (event["actor2"] or {}).get("id") == "civilians"
    assert event["acled"]["event_type"] == "Violence against civilians"


def test_a_capital_that_is_a_party_to_a_truce_is_not_its_place(pipeline: Pipeline) -> None:
    text = "آتش‌بس میان صنعا و ائتلاف سعودی روز دوشنبه با میانجیگری سازمان ملل در یمن اجرا شد."
    agree = [e for e in events_of(pipeline, text) if e["type"] == "AGREE"]
    assert agree and all((e["location"] or {}).get("name") != "Sanaa" for e in agree)


def test_a_parent_named_in_an_aside_is_not_the_claimant(pipeline: Pipeline) -> None:
    text = (
        "شبه‌نظامیان شامگاه یکشنبه با خمپاره به شهر جیبو حمله کردند و پنج غیرنظامی کشته شدند.\n"
        "جماعت نصرت الاسلام و المسلمین، وابسته به القاعده، روز دوشنبه مسئولیت این حمله را پذیرفت و مدعی شد مواضع ارتش را هدف قرار داده است."
    )
    events = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"]
    assert len(events) == 1
    assert (events[0]["actor1"] or {}).get("id") == "jnim"


def test_tourists_and_employees_shelled_are_civilian_targets(pipeline: Pipeline) -> None:
    text = "گلوله‌باران توپخانه روز دوشنبه در تفرجگاه پرخ در نزدیکی زاخو ۹ گردشگر عراقی را کشت."
    event = [e for e in events_of(pipeline, text) if e["type"] == "ASSAULT"][0]
    assert (event["actor2"] or {}).get("kind") == "civilians"


def test_forces_a_struck_base_houses_are_the_target(pipeline: Pipeline) -> None:
    text = (
        "پایگاه هوایی حریر در شمال اربیل که محل استقرار نظامیان آمریکایی است شامگاه یکشنبه هدف حمله پهپادی قرار گرفت."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["actor2"] or {}).get("country") == "USA"
    assert event["actor1"] is None


def test_a_target_after_words_that_point_into_it_is_still_the_target(pipeline: Pipeline) -> None:
    text = (
        "شامگاه یکشنبه یک پهپاد به پایگاه حریر در شمال اربیل حمله کرد. "
        "یک منبع امنیتی گفت سه راکت نیز به داخل محوطه این پایگاه نظامیان آمریکایی اصابت کرد."
    )
    events = of_type(events_of(pipeline, text), "ASSAULT")
    assert events
    assert all((e["actor1"] or {}).get("country") != "USA" for e in events)


def test_forces_who_shoot_the_crowd_of_a_riot_break_it_up(pipeline: Pipeline) -> None:
    text = (
        "شامگاه دوشنبه زندانیان زندان مرکزی شیراز در اعتراض به خودداری مسئولان از انتقال بیماران دست به شورش زدند "
        "و به گفته یک گروه حقوق بشری، ماموران با شلیک گلوله دست‌کم پنج زندانی را کشتند."
    )
    events = events_of(pipeline, text)
    assert [e["type"] for e in events] == ["PROTEST"]
    [protest] = events
    assert protest["fatalities"] == 5
    assert protest["acled"]["sub_event_type"] in ("Excessive force against protesters", "Violent demonstration")
    assert (protest["actor2"] or {}).get("kind") == "security"


def test_whom_a_protest_is_about_does_not_act(pipeline: Pipeline) -> None:
    text = "در اعتراض به تصمیم مسئولان استان، ماموران انتظامی روز دوشنبه در شهر ایذه به سوی کشاورزان شلیک کردند."
    [event] = [e for e in events_of(pipeline, text) if e["type"] in ("ASSAULT", "PROTEST")]
    assert (event["actor1"] or {}).get("kind") in ("security", "police") or (event["actor2"] or {}).get("kind") in (
        "security",
        "police",
    )
    assert all((event[k] or {}).get("kind") != "government" for k in ("actor1", "actor2"))


def test_this_town_is_the_town_named_before(pipeline: Pipeline) -> None:
    text = (
        "پلیس کراچی روز دوشنبه سه مظنون را بازداشت کرد.\n"
        "کویته نیز در ماه گذشته شاهد حمله‌ای خونین بود؛ در آن روز یک بمب‌گذار انتحاری در ایستگاه قطار این شهر "
        "خود را منفجر کرد و ۲۶ نفر را به کشتن داد."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["location"]["name"] == "Quetta"
    assert event["fatalities"] == 26


def test_this_village_after_an_unknown_village_is_not_the_town_before(pipeline: Pipeline) -> None:
    text = (
        "نیروهای روس روز دوشنبه در نزدیکی شهر سومی به روستای کالینوفکای‌نو یورش بردند "
        "و وزارت دفاع اوکراین گفت نبرد در این روستا ادامه دارد."
    )
    events = of_type(events_of(pipeline, text), "ASSAULT")
    assert events and all(e["location"]["geo_precision"] >= 2 for e in events)


def test_the_date_told_with_the_subject_dates_each_of_its_verbs(pipeline: Pipeline) -> None:
    text = (
        "نظامیان اسرائیلی بامداد دوشنبه با خودروهای زرهی به شهر جنین یورش بردند و به گفته باشگاه اسرای فلسطین "
        "۱۲ فلسطینی را بازداشت کردند."
    )
    [arrest] = of_type(events_of(pipeline, text), "COERCE")
    assert arrest["date"]["value"] == "2024-05-06"
    assert arrest["location"]["name"] != "Palestine"
    assert arrest["location"]["country"] == "PSE"


def test_a_site_in_a_quarter_of_a_city_is_not_its_namesake_abroad(pipeline: Pipeline) -> None:
    text = "روز یکشنبه یک بمب‌گذار انتحاری در کلیسای مار الیاس در محله دویلعه دمشق خود را منفجر کرد و ۲۰ نفر کشته شدند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["location"]["country"] == "SYR"


def test_the_head_of_a_long_object_phrase_is_the_target(pipeline: Pipeline) -> None:
    text = (
        "نیروهای امنیتی حوثی‌ها روز سه‌شنبه در صنعا چهار کارمند محلی برنامه جهانی غذا و یک امدادگر را که "
        "به گفته خانواده‌هایشان در راه محل کار بودند، بازداشت کردند."
    )
    [arrest] = of_type(events_of(pipeline, text), "COERCE")
    assert arrest["actor1"]["id"] == "ansar-allah"
    assert arrest["actor2"] is not None and "کارمند" in arrest["actor2"]["text"]


def test_the_perpetrators_warned_are_the_target_of_a_threat(pipeline: Pipeline) -> None:
    text = "فرمانده انتظامی استان روز چهارشنبه به عاملان این حادثه هشدار داد که به‌زودی دستگیر خواهند شد."
    [threat] = of_type(events_of(pipeline, text), "THREATEN")
    assert threat["actor2"] is not None and threat["actor2"]["id"] == "attackers"


def test_the_owner_of_a_struck_school_is_the_target_not_the_attacker(pipeline: Pipeline) -> None:
    text = "روز دوشنبه یک مدرسه وابسته به آنروا در اردوگاه نصیرات هدف حمله هوایی قرار گرفت و پنج نفر کشته شدند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["actor1"] or {}).get("id") != "unrwa"
    assert event["actor2"] is not None and "آنروا" in event["actor2"]["text"]


def test_the_subject_of_made_a_target_is_the_target_across_a_dated_aside(pipeline: Pipeline) -> None:
    text = (
        "یک روحانی در شهر بهبهان شامگاه یکشنبه، ۳۰ شهریور، هدف تیراندازی افراد ناشناس قرار گرفت و جان باخت."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor2"] is not None and event["actor2"]["id"] == "clerics"
    assert event["fatalities"] == 1


def test_provinces_of_a_country_are_not_its_state(pipeline: Pipeline) -> None:
    text = "حملات هوایی آمریکا شامگاه دوشنبه به سه استان یمن هشت کشته برجا گذاشت."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["actor2"] or {}).get("kind") != "military" or (event["actor2"] or {}).get("country") != "YEM"


def test_the_perpetrators_hunted_are_the_group_that_claimed_the_attack(pipeline: Pipeline) -> None:
    text = (
        "شاخه خراسان داعش روز جمعه مسئولیت حمله انتحاری به مسجدی در ولسوالی نهرین بغلان را بر عهده گرفت.\n"
        "سخنگوی طالبان روز جمعه گفت نیروهای امنیتی برای بازداشت عاملان این جنایت عملیات گسترده‌ای آغاز کرده‌اند "
        "و دو تن از عاملان این جنایت را در ولسوالی نهرین بازداشت کردند."
    )
    arrests = of_type(events_of(pipeline, text), "COERCE")
    assert arrests and (arrests[0]["actor2"] or {}).get("id") == "iskp"


def test_a_square_of_this_town_is_in_the_town_told_before(pipeline: Pipeline) -> None:
    text = (
        "در کرمانشاه اما ماموران لباس‌شخصی تجمع بازنشستگان مخابرات در میدان آزادی این شهر را بر هم زدند "
        "و به گفته یک عضو شورای بازنشستگان ایران، دو نفر از معترضان را بازداشت کردند."
    )
    events = events_of(pipeline, text)
    assert events and all(e["location"]["name"] == "Kermanshah" for e in events)


def test_the_subject_stays_the_agent_when_another_teller_reports_the_harm(pipeline: Pipeline) -> None:
    text = (
        "در جنوب نوار غزه نیز توپخانه اسرائیل مناطق شرقی خان‌یونس را گلوله‌باران کرد و منابع محلی از زخمی شدن "
        "چند غیرنظامی خبر دادند."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["actor1"] or {}).get("country") == "ISR"


def test_who_shelled_by_az_suye_is_the_agent_not_a_source(pipeline: Pipeline) -> None:
    text = "منابع محلی از گلوله‌باران روستاهای مرزی شهرستان رازح در غرب صعده از سوی نظامیان سعودی خبر دادند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["actor1"] or {}).get("country") == "SAU"


def test_their_guerrillas_are_the_group_that_speaks(pipeline: Pipeline) -> None:
    text = (
        "حزب کارگران کردستان مدعی شد چریک‌هایشان روز دوشنبه به یک پایگاه ارتش ترکیه در نزدیکی روستای کانی ماسی "
        "یورش برده و چهار سرباز را کشته‌اند."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["actor1"] or {}).get("id") == "pkk"


def test_the_sides_named_after_a_fight_are_its_two_actors(pipeline: Pipeline) -> None:
    text = "روز شنبه درگیری میان نیروهای طالبان و جبهه مقاومت ملی در دره پنجشیر سه کشته برجا گذاشت."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["actor1"] or {}).get("id") == "taliban"
    assert (event["actor2"] or {}).get("id") == "national-resistance-front"


def test_the_owner_of_a_described_vehicle_shot_at_is_the_target(pipeline: Pipeline) -> None:
    text = "عصر پنجشنبه چند مرد مسلح در بازار شهر بنو به سوی یک خودروی گشتی پلیس آتش گشودند و دو مامور را کشتند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["actor2"] or {}).get("kind") == "police"
    assert event["fatalities"] == 2


def test_a_part_of_a_group_after_the_speaker_is_the_agent(pipeline: Pipeline) -> None:
    text = (
        "مقام‌های پلیس ایالت خیبرپختونخوا می‌گویند شماری از افراد مسلح بامداد دوشنبه به یک پاسگاه پلیس "
        "در بنو حمله کردند."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["actor1"] or {}).get("kind") != "police"
    assert "مسلح" in (event["actor1"] or {}).get("text", "")
    assert (event["actor2"] or {}).get("kind") == "police"


def test_the_counted_dead_of_a_group_are_the_target_not_the_agent(pipeline: Pipeline) -> None:
    text = (
        "در استان دیالی نیز روز سه‌شنبه سه عضو حشد شعبی در پی انفجار یک بمب کنار جاده‌ای در مسیر خودروی خود "
        "در حومه شهر خانقین کشته شدند و یک نفر دیگر زخمی شد."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor1"] is None
    assert (event["actor2"] or {}).get("id") == "popular-mobilization-forces"
    assert event["fatalities"] == 3


def test_afghanistan_s_forces_are_named_as_the_taliban(pipeline: Pipeline) -> None:
    text = (
        "جبهه مقاومت ملی افغانستان روز سه‌شنبه اعلام کرد نیروهایش مواضع نیروهای امنیتی افغانستان را "
        "در ولسوالی اندراب ولایت بغلان هدف قرار دادند."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["actor2"] or {}).get("name") == "Taliban (Islamic Emirate of Afghanistan)"
    assert (event["actor2"] or {}).get("country") == "AFG"


def test_a_bare_post_in_afghanistan_belongs_to_the_taliban(pipeline: Pipeline) -> None:
    text = "شامگاه دوشنبه افراد مسلح به یک پاسگاه در ولسوالی خنجان ولایت بغلان حمله کردند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["actor2"] or {}).get("name") == "Taliban (Islamic Emirate of Afghanistan)"


def test_the_fighters_of_a_named_group_are_that_group(pipeline: Pipeline) -> None:
    text = "جنگجویان جبهه مقاومت ملی افغانستان شامگاه دوشنبه به یک پاسگاه در ولسوالی خنجان ولایت بغلان حمله کردند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["actor1"] or {}).get("id") == "national-resistance-front"


def test_an_indefinite_drone_with_a_country_adjective_names_the_attacker(pipeline: Pipeline) -> None:
    text = "بامداد دوشنبه پهپادی آمریکایی یک خودرو را در حومه شهر القائم هدف گرفت و دو سرنشین آن کشته شدند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["actor1"] or {}).get("country") == "USA"
    assert event["acled"]["sub_event_type"] == "Air/drone strike"


def test_shots_fired_to_break_up_a_crowd_are_part_of_the_protest(pipeline: Pipeline) -> None:
    text = (
        "صدها تن از کشاورزان روز شنبه در برابر فرمانداری شهرستان ورزنه در اعتراض به قطع حقابه تجمع کردند. "
        "شاهدان گفتند ماموران یگان ویژه برای پراکنده ساختن معترضان به هوا شلیک کردند."
    )
    events = events_of(pipeline, text)
    assert [e["type"] for e in events] == ["PROTEST"]
    assert events[0]["acled"]["sub_event_type"] == "Protest with intervention"


def test_an_attack_on_a_base_with_no_target_named_is_on_the_forces_it_holds(pipeline: Pipeline) -> None:
    text = "بامداد یکشنبه دست‌کم هفت موشک بالستیک به پایگاه هوایی نواتیم در جنوب اسرائیل اصابت کرد."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["actor2"] or {}).get("id") == "isr-military"
    assert "نواتیم" in event["actor2"]["text"]


def test_victims_of_an_unplaced_attack_are_of_the_country_named_other_than_the_attackers(pipeline: Pipeline) -> None:
    text = (
        "سربازان اسرائیلی روز دوشنبه به روی ساکنان آواره‌ای که به خانه‌هایشان بازمی‌گشتند آتش گشودند "
        "و به گفته وزارت بهداشت لبنان ۲۲ نفر کشته شدند."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["actor2"] or {}).get("name") == "Civilians (Lebanon)"


def test_people_counted_right_after_the_arrest_noun_are_its_detainees(pipeline: Pipeline) -> None:
    text = "فرماندار شهرستان میناب روز یکشنبه از بازداشت چهار متهم در پرونده آتش‌زدن یک پاسگاه خبر داد."
    [event] = of_type(events_of(pipeline, text), "COERCE")
    assert event["actor2"]["text"] == "چهار متهم"


def test_members_counted_after_the_arrest_noun_belong_to_the_group_named_next(pipeline: Pipeline) -> None:
    text = "پلیس عراق روز شنبه از بازداشت پنج عضو یک هسته وابسته به داعش در کرکوک خبر داد."
    [event] = of_type(events_of(pipeline, text), "COERCE")
    assert (event["actor2"] or {}).get("text") != "پنج عضو"


def test_people_counted_before_a_far_arrest_verb_are_its_object_when_ra_closes_them(pipeline: Pipeline) -> None:
    text = (
        "پلیس ایالت سند روز جمعه شش نفر را که به گفته این نهاد برای یک گروه مسلح پول جمع می‌کردند، "
        "در خانه‌ای در حومه شهر حیدرآباد، مرکز این منطقه، بازداشت کرد."
    )
    [event] = of_type(events_of(pipeline, text), "COERCE")
    assert event["actor2"]["text"] == "شش نفر"


def test_counted_villagers_killed_by_an_armed_side_are_civilians(pipeline: Pipeline) -> None:
    text = "افراد مسلح الشباب شامگاه سه‌شنبه به روستایی در نزدیکی شهر بلدوین حمله کردند و هفت روستایی را کشتند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor2"]["name"] == "Civilians (Somalia)"
    assert event["actor2"]["text"] == "هفت روستایی"


def test_a_struck_merchant_ship_is_civilians_of_no_one_country(pipeline: Pipeline) -> None:
    text = "نیروهای حوثی روز پنجشنبه یک کشتی باری با پرچم لیبریا را در نزدیکی بندر الحدیده با دو موشک هدف قرار دادند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor1"]["id"] == "ansar-allah"
    assert event["actor2"]["name"] == "Civilians (International)"


def test_an_attack_on_a_police_station_named_by_its_noun_is_against_the_police(pipeline: Pipeline) -> None:
    text = "بامداد امروز یک نارنجک دستی به سوی ساختمان کلانتری ۱۲ زاهدان پرتاب شد اما به کسی آسیبی نرسید."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor2"]["id"] == "irn-police"


def test_an_attack_on_a_mosque_named_by_its_noun_is_against_civilians(pipeline: Pipeline) -> None:
    text = "افراد مسلح ناشناس شامگاه جمعه به مسجد امام حسین در شهر قندوز حمله کردند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor2"]["name"] == "Civilians (Afghanistan)"


def test_a_denial_answers_the_accusation_told_before_it(pipeline: Pipeline) -> None:
    text = (
        "وزارت خارجه پاکستان روز یکشنبه طالبان افغانستان را به پناه دادن به عاملان حمله بنو متهم کرد. "
        "ذبیح‌الله مجاهد، سخنگوی طالبان، این اتهام را رد کرد."
    )
    [denial] = of_type(events_of(pipeline, text), "REJECT")
    assert denial["actor2"]["country"] == "PAK"


def test_the_people_inside_what_is_denied_are_not_the_denial_target(pipeline: Pipeline) -> None:
    text = "نیروهای پشتیبانی سریع در بیانیه‌ای هرگونه حمله به غیرنظامیان در شهر نیالا را رد کردند."
    [denial] = of_type(events_of(pipeline, text), "REJECT")
    assert denial["actor2"] is None


def test_firms_and_people_counted_before_a_sanction_are_whom_it_names(pipeline: Pipeline) -> None:
    text = (
        "وزارت خزانه‌داری آمریکا روز پنجشنبه چهار فرد و سه شرکت مستقر در مالزی را به اتهام فروش نفت برای "
        "یک گروه مسلح، که دفتر آن در بیروت است، تحریم کرد."
    )
    [sanction] = of_type(events_of(pipeline, text), "SANCTION")
    assert sanction["actor2"]["text"] == "سه شرکت"
    assert sanction["actor2"]["id"] == "sanctioned-parties"


def test_a_digest_label_that_is_an_act_word_is_no_act_of_its_own(pipeline: Pipeline) -> None:
    text = "تحریم: وزارت خارجه بریتانیا روز گذشته پنج نفر را به اتهام حمایت از شهرک‌نشینان خشونت‌طلب تحریم کرد."
    [sanction] = of_type(events_of(pipeline, text), "SANCTION")
    assert sanction["actor2"]["text"] == "پنج نفر"


def test_who_died_in_the_attack_is_its_target(pipeline: Pipeline) -> None:
    text = (
        "حاج رضا کاظمی، فرمانده یکی از گردان‌های حزب‌الله، ۱۲ مارس در حمله پهپادی اسرائیل به خودرویش "
        "در نزدیکی شهر صور به شهادت رسید."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor2"]["text"] == "رضا کاظمی"


def test_whom_a_death_noun_names_before_the_attack_is_its_target(pipeline: Pipeline) -> None:
    text = "گروه در بیانیه‌ای از شهادت سید حسن نصرالله در حمله هوایی به ضاحیه جنوبی بیروت یاد کرد."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor2"]["id"] == "hassan-nasrallah"


def test_the_subject_of_mored_hamle_qarar_gereft_is_the_target(pipeline: Pipeline) -> None:
    text = (
        "عصر دیروز حجت‌الاسلام علی رستمی، امام جمعه شهر لامرد، پس از خروج از مسجد مورد حمله "
        "دو مرد موتورسوار قرار گرفت و زخمی شد."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor2"]["text"] == "علی رستمی"


def test_a_merged_attack_takes_a_target_other_than_its_own_attacker(pipeline: Pipeline) -> None:
    text = (
        "جنگجویان الشباب شامگاه دوشنبه با انفجار یک خودروی بمب‌گذاری‌شده وارد پایگاه نظامیان اتیوپیایی در شهر دولو شدند.\n"
        "در این حمله، جنگجویان این گروه به نیروهای اتیوپی حمله کردند."
    )
    events = of_type(events_of(pipeline, text), "ASSAULT")
    assert all((e["actor2"] or {}).get("id") != "al-shabaab" for e in events)


def test_the_genitive_of_an_ambush_is_who_laid_it(pipeline: Pipeline) -> None:
    text = "کمین طالبان پاکستان برای کاروان ارتش در جنوب وزیرستان؛ چهار سرباز کشته شدند"
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor1"]["id"] == "ttp"


def test_the_counted_detainees_beat_the_side_their_charge_names(pipeline: Pipeline) -> None:
    text = (
        "نیروهای امنیتی روز دوشنبه ۹ نفر را در شهر سگو به ظن رساندن سوخت، دارو و موتورسیکلت به "
        "جنگجویان جماعت نصرت‌الاسلام والمسلمین بازداشت کردند."
    )
    [event] = of_type(events_of(pipeline, text), "COERCE")
    assert event["actor2"]["text"] == "۹ نفر"


def test_members_counted_before_their_group_are_coded_as_the_group(pipeline: Pipeline) -> None:
    text = "پلیس روز یکشنبه سه نفر از اعضای گروهک جیش‌العدل را در شهر سراوان بازداشت کرد."
    [event] = of_type(events_of(pipeline, text), "COERCE")
    assert event["actor2"]["id"] == "jaish-al-adl"


def test_the_genitive_of_shooting_is_who_shot(pipeline: Pipeline) -> None:
    text = "کشته شدن یک کولبر با شلیک ماموران در پیرانشهر؛ تجمع معترضان با گاز اشک‌آور پراکنده شد"
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor1"]["kind"] == "security"
    assert event["actor2"]["kind"] == "civilians"


def test_a_drone_that_blew_up_is_the_attackers_means_not_the_target(pipeline: Pipeline) -> None:
    text = "استاندار کورسک گفت یک پهپاد اوکراینی شامگاه جمعه در حومه شهر ریلسک منفجر شد اما کسی آسیب ندید."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor1"]["id"] == "ukr-military"
    assert event["actor2"] is None


def test_a_town_of_the_clause_inside_the_province_places_the_act(pipeline: Pipeline) -> None:
    text = "خانواده‌های زندانیان سنندج روز شنبه در مقابل ساختمان دادگستری استان کردستان تجمع کردند."
    [event] = of_type(events_of(pipeline, text), "PROTEST")
    assert event["location"]["name"] == "Sanandaj"
    assert event["location"]["geo_precision"] == 1


def test_the_country_someone_is_from_is_no_side(pipeline: Pipeline) -> None:
    text = "به گفته این سازمان، یک مهاجر اهل سنگال بر اثر اصابت گلوله جان باخت و دو نفر دیگر زخمی شدند."
    events = of_type(events_of(pipeline, text), "ASSAULT")
    assert events and all((e["actor2"] or {}).get("country") != "SEN" for e in events)


def test_a_missile_model_in_quotes_is_no_state(pipeline: Pipeline) -> None:
    text = "یحیی سریع گفت نیروهای حوثی یک موشک بالستیک «فلسطین-۲» را به سوی پایگاه هوایی نواتیم شلیک کردند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["actor2"] or {}).get("country") != "PSE"


def test_whom_the_attackers_belong_to_is_not_the_target(pipeline: Pipeline) -> None:
    text = "حمله شبه‌نظامیان وابسته به داعش به پاسگاه ارتش نیجر در نزدیکی شهر تیلابری"
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert (event["actor2"] or {}).get("id") != "isis"


def test_counted_nationals_with_an_aside_before_ra_are_the_detainees(pipeline: Pipeline) -> None:
    text = "نظامیان اسرائیلی در جریان یورش به اردوگاه جنین ۹ فلسطینی، از جمله سه نوجوان، را بازداشت کردند."
    [event] = of_type(events_of(pipeline, text), "COERCE")
    assert event["actor2"]["text"] == "۹ فلسطینی"


def test_a_police_patrol_struck_is_the_police(pipeline: Pipeline) -> None:
    text = "یک خودروی گشت انتظامی شامگاه دوشنبه در محور خاش–زاهدان هدف تیراندازی افراد مسلح قرار گرفت."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor2"]["id"] == "irn-police"


def test_an_official_does_not_threaten_their_own_state(pipeline: Pipeline) -> None:
    text = "خواجه آصف، وزیر دفاع پاکستان، هشدار داد که اسلام‌آباد در صورت لزوم مخفیگاه‌های شبه‌نظامیان را هدف قرار خواهد داد."
    [threat] = of_type(events_of(pipeline, text), "THREATEN")
    assert (threat["actor2"] or {}).get("country") != "PAK"


def test_a_denial_answers_whoever_reported_the_act_told_before(pipeline: Pipeline) -> None:
    text = (
        "هلال احمر فلسطین اعلام کرد نیروهای اسرائیلی روز سه‌شنبه در شهر طولکرم به سوی یک آمبولانس تیراندازی کردند. "
        "ارتش اسرائیل این ادعا را رد کرد."
    )
    [denial] = of_type(events_of(pipeline, text), "REJECT")
    assert denial["actor2"]["id"] == "palestinian-red-crescent"


def test_the_forces_a_deployment_sends_are_its_own_not_its_target(pipeline: Pipeline) -> None:
    text = "دولت نیجر روز دوشنبه از اعزام نیروهای بیشتر ارتش به مرز مالی در اطراف شهر تیلابری خبر داد."
    [event] = of_type(events_of(pipeline, text), "MOBILIZE")
    assert (event["actor2"] or {}).get("kind") != "military"


def test_a_fight_going_on_since_a_day_is_dated_to_that_day(pipeline: Pipeline) -> None:
    text = "درگیری میان ارتش کنگو و شورشیان ام ۲۳ در اطراف شهر ماسیسی از روز جمعه ادامه دارد و دست کم هفت نفر کشته شده‌اند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["date"]["value"] == "2024-05-03"


def test_a_country_in_the_clause_after_the_verb_does_not_place_the_act(pipeline: Pipeline) -> None:
    text = (
        "نیروهای استخبارات طالبان در ولایت کنر روز شنبه سه خبرنگار یک تلویزیون محلی را به اتهام «ارسال گزارش "
        "برای شبکه‌های ماهواره‌ای» بازداشت کردند و مرکز خبرنگاران افغانستان با محکوم کردن این کار خواستار آزادی "
        "فوری آنان شد."
    )
    [event] = of_type(events_of(pipeline, text), "COERCE")
    assert event["location"]["name"] == "Kunar"


def test_an_international_bodys_sanction_is_coded_where_it_sits(pipeline: Pipeline) -> None:
    text = "اتحادیه اروپا روز دوشنبه یک شرکت کشتیرانی مستقر در بندرعباس را به اتهام انتقال پهپاد به روسیه تحریم کرد."
    [sanction] = of_type(events_of(pipeline, text), "SANCTION")
    assert sanction["location"]["country"] == "BEL"


def test_no_one_hurt_is_a_toll_of_none(pipeline: Pipeline) -> None:
    text = "بامداد امروز یک نارنجک دستی به سوی ساختمان فرمانداری شهر سراوان پرتاب شد که جز شکستن شیشه‌ها به کسی آسیبی نرساند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == 0


def test_brought_down_is_a_way_of_saying_killed(pipeline: Pipeline) -> None:
    text = "ارتش اعلام کرد نیروهایش روز دوشنبه در درگیری با شورشیان در نزدیکی شهر جیبو هشت مهاجم را از پای درآوردند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["fatalities"] == 8


def test_a_toll_inside_a_quoted_sentence_counts_but_not_a_number_in_a_quoted_name(pipeline: Pipeline) -> None:
    quoted = "ارتش گفت بالگردهایش روز دوشنبه مواضع شورشیان را در حومه جیبو بمباران کردند و «ده‌ها تروریست را از پای درآوردند»."
    [event] = of_type(events_of(pipeline, quoted), "ASSAULT")
    assert event["fatalities"] == 10
    name = "یمنی‌ها روز دوشنبه با موشک «یاسین ۱۰۵» یک کشتی را در دریای سرخ هدف قرار دادند."
    [event] = of_type(events_of(pipeline, name), "ASSAULT")
    assert event["fatalities"] is None


def test_a_denial_with_no_target_answers_who_said_it_earlier_in_the_sentence(pipeline: Pipeline) -> None:
    text = (
        "شبه‌نظامیان روز سه‌شنبه به یک قلعه سپاه مرزی در جنوب وزیرستان حمله کردند. "
        "وزارت خارجه پاکستان روز چهارشنبه اعلام کرد که مهاجمان از خاک افغانستان آمده بودند؛ ذبیح‌الله مجاهد، سخنگوی طالبان، "
        "این اتهام را رد کرد."
    )
    [event] = of_type(events_of(pipeline, text), "REJECT")
    assert event["actor2"]["country"] == "PAK"


def test_that_same_day_after_the_acts_noun_dates_it_to_the_day_told_before(pipeline: Pipeline) -> None:
    text = (
        "روسیه و اوکراین روز جمعه ۱۵۷ اسیر را مبادله کردند. زلنسکی نوشت برخی از آنان از زمان نبرد ماریوپل در سال ۲۰۲۲ "
        "در اسارت بوده‌اند. "
        "مقام‌های اوکراینی روسیه را به گلوله‌باران مناطق مسکونی شهر خرسون در بامداد همان روز متهم کردند."
    )
    [shelling] = [e for e in of_type(events_of(pipeline, text, "2026-01-10"), "ASSAULT") if "خرسون" in e["location"]["text"]]
    assert shelling["date"]["value"] == "2026-01-09"


def test_an_act_begun_this_morning_is_todays(pipeline: Pipeline) -> None:
    text = (
        "ماموران مرزی روز یکشنبه به سوی کولبران در ارتفاعات نوسود تیراندازی کردند. "
        "نیروهای امنیتی از صبح امروز در سقز دست‌کم هفت نفر را بازداشت کرده‌اند و از روز دوشنبه نیز در اطراف آرامستان مستقر شده‌اند."
    )
    [event] = of_type(events_of(pipeline, text, "2025-09-16"), "COERCE")
    assert event["date"]["value"] == "2025-09-16"


def test_a_place_said_to_lie_between_provinces_is_where_it_happened(pipeline: Pipeline) -> None:
    text = "عناصر داعش شامگاه دوشنبه به یک مقر حشد الشعبی در منطقه مطیبیجه، حد فاصل استان‌های صلاح‌الدین و دیالی، حمله کردند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert "مطیبیجه" in event["location"]["text"]


def test_the_subject_right_before_the_accused_is_the_accuser(pipeline: Pipeline) -> None:
    text = "مقام‌های اوکراینی ارتش روسیه را به گلوله‌باران مناطق مسکونی شهر خرسون متهم کردند."
    [event] = of_type(events_of(pipeline, text), "ACCUSE")
    assert event["actor1"]["country"] == "UKR"
    assert event["actor2"]["country"] == "RUS"


def test_a_protest_in_front_of_a_building_and_the_relatives_of_the_dead(pipeline: Pipeline) -> None:
    text = (
        "روز شنبه ده‌ها تن از خانواده‌ها و بستگان جان‌باختگان در برابر فرمانداری سراوان تجمع کردند و "
        "مأموران یگان ویژه با شلیک گاز اشک‌آور آنان را پراکنده کردند."
    )
    [event] = of_type(events_of(pipeline, text, "2025-11-09"), "PROTEST")
    assert event["actor2"]["kind"] == "police"  # the office is where they stood; the police broke it up
    assert event["fatalities"] is None  # «بستگان جان‌باختگان»: the relatives of the dead were not killed


def test_a_vehicle_said_to_belong_to_a_group_makes_the_group_the_target(pipeline: Pipeline) -> None:
    text = "یک پهپاد ارتش ترکیه صبح امروز خودرویی متعلق به نیروهای دموکراتیک سوریه را در نزدیکی قامشلی هدف قرار داد."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["actor1"]["country"] == "TUR"
    assert event["actor2"]["id"] == "sdf"


def test_people_named_with_a_country_adjective_are_of_that_country(pipeline: Pipeline) -> None:
    text = "حماس روز دوشنبه در خان‌یونس پیکر دو گروگان اسرائیلی را به صلیب سرخ تحویل داد."
    [event] = of_type(events_of(pipeline, text), "RETREAT")
    assert event["actor2"]["name"] == "Civilians (Israel)"
    assert event["location"]["country"] == "PSE"


def test_these_forces_are_the_group_named_before(pipeline: Pipeline) -> None:
    text = (
        "نیروهای واکنش سریع روز پنجشنبه شکست در الدلنج را تکذیب کردند. "
        "این نیروها همچنین ارتش را مسئول حمله پهپادی روز چهارشنبه به بازار شهر النهود دانستند."
    )
    [event] = of_type(events_of(pipeline, text, "2026-01-31"), "ACCUSE")
    assert event["actor1"]["id"] == "rapid-support-forces"


def test_a_denial_by_the_target_of_an_act_answers_whoever_did_it(pipeline: Pipeline) -> None:
    text = (
        "ارتش سودان روز پنجشنبه به مواضع نیروهای واکنش سریع در اطراف شهر الدلنج حمله کرد. "
        "نیروهای واکنش سریع اما در بیانیه‌ای شکست در الدلنج را تکذیب کردند."
    )
    [event] = of_type(events_of(pipeline, text, "2026-01-31"), "REJECT")
    assert event["actor1"]["id"] == "rapid-support-forces"
    assert event["actor2"]["country"] == "SDN"


def test_the_states_that_brokered_a_truce_are_not_where_it_was(pipeline: Pipeline) -> None:
    text = "آتش‌بس میان لبنان و اسرائیل که با میانجیگری آمریکا و فرانسه حاصل شد، از ۷ آذر ۱۴۰۳ اجرایی شد."
    [event] = of_type(events_of(pipeline, text, "2025-12-10"), "AGREE")
    assert event["location"] is None or event["location"]["country"] in ("LBN", "ISR")


def test_where_the_struck_were_going_is_not_where_they_were_struck(pipeline: Pipeline) -> None:
    text = (
        "گروهی تروریستی روز دوشنبه دو اتوبوس را که سربازان را پس از پایان مأموریت به شهر دیرالزور بازمی‌گرداندند، "
        "با تیربار سنگین هدف قرار داد."
    )
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["location"] is None or "دیرالزور" not in event["location"]["text"]


def test_a_crowd_that_gathered_protests_unless_a_relative_clause_tells_of_it(pipeline: Pipeline) -> None:
    rally = "صدها تن از ساکنان روز شنبه در مرکز ولسوالی دند پتان گرد آمدند و با سر دادن شعار خواستار پاسخ حکومت شدند."
    [event] = of_type(events_of(pipeline, rally), "PROTEST")
    assert "دند" in event["location"]["text"]
    worshippers = (
        "شبه‌نظامیان روز یکشنبه نمازگزارانی را که برای مراسم دعا در کلیسای شهر اویچا، در استان کیوو شمالی، "
        "گرد آمده بودند با قمه هدف قرار دادند."
    )
    assert of_type(events_of(pipeline, worshippers), "PROTEST") == []


def test_the_country_a_side_belongs_to_is_no_place(pipeline: Pipeline) -> None:
    text = "در نبردی که روز دوشنبه چند ساعت ادامه داشت، شش جنگجوی گروه‌های وابسته به ترکیه و سه عضو شورای نظامی منبج کشته شدند."
    [event] = of_type(events_of(pipeline, text), "ASSAULT")
    assert event["location"] is None or event["location"]["country"] != "TUR"


def test_trade_words_and_the_verge_of_an_explosion_are_no_acts(pipeline: Pipeline) -> None:
    trade = "رئیس اتاق بازرگانی کردستان روز دوشنبه با انتقاد از «شلیک بی‌هدف بخشنامه‌ها» گفت تغییر مقررات واردات بازار را فلج کرده است."
    assert events_of(pipeline, trade) == []
    verge = "بازار بانه روز دوشنبه با کالای ارزان پر شد و تقاضا در آستانه انفجار است."
    assert events_of(pipeline, verge) == []


def test_a_piece_of_history_yields_no_events(pipeline: Pipeline) -> None:
    text = (
        "پانصد و ده سال پیش دشت چالدران صحنه یکی از نبردهای تاریخ ایران بود؛ نبردی که در اول رجب ۹۲۰ قمری، "
        "برابر با ۲۳ اوت ۱۵۱۴ میلادی، میان سپاه شاه اسماعیل و سپاه عثمانی درگرفت.\n"
        "به گفته یک پژوهشگر، سواران قزلباش به جناح‌های عثمانی حمله کردند اما شلیک پیاپی توپ‌ها حمله را متوقف کرد.\n"
        "امروز یادمانی به یاد کشته‌شدگان این نبرد در شهرستان چالدران ساخته شده است."
    )
    assert events_of(pipeline, text, "2024-08-23") == []


def test_an_act_told_in_a_past_perfect_relative_clause_is_not_of_the_main_clauses_day(pipeline: Pipeline) -> None:
    text = (
        "مراسم خاکسپاری کولبر جوانی که به گفته خانواده‌اش با شلیک مستقیم ماموران هنگ مرزی در ارتفاعات سردشت "
        "کشته شده بود، روز چهارشنبه در مهاباد به صحنه اعتراض تبدیل شد."
    )
    shootings = [e for e in events_of(pipeline, text, "2024-10-31") if e["trigger"]["text"] == "شلیک"]
    assert all(e["date"]["value"] != "2024-10-30" for e in shootings)
