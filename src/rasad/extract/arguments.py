"""Arguments of one trigger from its sentence: who, against whom, where, from where, when, with what.

Persian is verb-final and marks roles with prepositions: the agent stands before the
verb without a preposition (or after «توسط»/«از سوی»), the target after «به»/«علیه»
or before «را», the place after «در»/«نزدیک», the launch site after «از» when «به
سمت» follows. These rules read the words right before each mention.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from rasad.extract.cues import Cues
from rasad.model import HOMES_ACTOR, Mention
from rasad.recognize.lookup import word_start

ACTOR_KINDS = ("ACTOR", "PERSON")
_LOOKBACK = 14  # characters before a mention that hold its preposition


@dataclass(frozen=True)
class Arguments:
    actor1: Mention | None
    actor2: Mention | None
    location: Mention | None
    origin: Mention | None
    date: Mention | None
    weapon: Mention | None
    quantity: dict[str, object] | None
    other_places: list[Mention]
    location_within: Mention | None = None


def _before(folded: str, mention: Mention, sentence_start: int) -> str:
    return folded[max(sentence_start, mention.start - _LOOKBACK) : mention.start]


def _followed_by_ra(folded: str, mention: Mention) -> bool:
    return folded[mention.end : mention.end + 4].strip().startswith("را")


def pick_arguments(
    folded: str,
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    mentions: list[Mention],
    cues: Cues,
    told: frozenset[str],
    other_triggers: list[int],
    event_type: str = "ASSAULT",
    genitive_agent: bool = False,
    passive: bool = False,
    about: bool = False,
    reciprocal: bool = False,
) -> Arguments:
    """Choose each argument among the sentence's mentions by role cues, then by closeness to the trigger.
    `about`: places after «علیه», «با», «در اعتراض به» are what the act is about, not where it was.
    `reciprocal`: an act done with someone («با X درگیر شدند»): «با» marks the other side.
    `told`: the cue lists the trigger's sentence holds a word of (`CueWords.present`)."""
    start, _end = sentence
    t_start, t_end = trigger
    # «حمله پهپادی حزب‌الله به کریات شمونه؛ جنگنده‌های صهیونیستی بقاع را بمباران کردند»: «؛» joins two
    # sentences, and each act takes its actors from its own (dates too, below)
    # («؛ از جمله ...» goes on with the same one)
    mentions = [
        m for m in mentions if m.kind not in ACTOR_KINDS or not _SENTENCE_JOIN.search(folded, min(m.end, t_end), max(m.start, t_start))
    ]

    def distance(mention: Mention) -> int:
        if mention.end <= t_start:
            gap = t_start - mention.end
        else:
            gap = max(0, mention.start - t_end)
        # a mention nearer to another trigger belongs to that one
        crossing = sum(1 for other in other_triggers if min(mention.start, t_start) < other < max(mention.end, t_end))
        return gap + 200 * crossing

    verb = verbal(folded, t_start, t_end)  # asked of every mention below: read once
    if other_triggers:  # (alone in its sentence, the trigger shares its mentions with none)
        mentions = _not_of_other_triggers(folded, start, trigger, mentions, other_triggers, event_type, verb)
    # «... حمله به نیروهای آمریکایی است زیرا گروه‌های مسلح در عراق ...»: another clause, another verb
    openers = [found.start() for found in cues.clause_opener.finditer(folded, start, _end)] if "clause_opener" in told else []
    if openers:
        mentions = [m for m in mentions if not any(min(m.end, t_end) <= o < max(m.start, t_start) for o in openers)]
    # «حمید نوری، شهروند ایرانی که از ۱۳۹۸ در سوئد زندانی بود، ... آزاد شد», «گروه الشباب که با
    # القاعده پیوند دارد، ...»: a relative clause about someone else tells of that one, not of the act
    asides = _relative_asides(folded, start, _end, (t_start, t_end), cues)
    if asides:
        # «پایگاه حریر، که محل استقرار نظامیان آمریکایی است،»: who the struck place houses stays, the target
        inside = [
            m
            for m in mentions
            if any(a <= m.start and m.end <= b for a, b in asides)
            and not (m.kind in ACTOR_KINDS and "host_before" in told and cues.host_before.search(_before(folded, m, start)))
        ]
        mentions = [m for m in mentions if m not in inside]
        if not any(m.kind == "PLACE" for m in mentions):
            # «سه زن معترض را که در منطقه کارته سه کابل ... بودند، بازداشت کردند»: with no place of its own,
            # the act was where the aside puts those it was done to (not where they were going: «دو اتوبوس
            # را که سربازان را به شهر دیرالزور بازمی‌گرداندند، ...»)
            mentions = sorted(
                mentions + [m for m in inside if m.kind == "PLACE" and _before(folded, m, start).split()[-1:] != ["به"]],
                key=lambda m: m.start,
            )
    # «موشک‌های برکان», «پهپاد شاهد»: a name right after a weapon is the weapon's model, not a place
    named_weapons = [m.end for m in mentions if m.kind == "WEAPON"]
    places = [
        m for m in mentions if m.kind == "PLACE" and not any(_MODEL_GAP.fullmatch(folded, end, m.start) for end in named_weapons)
    ]
    # «دادگاه انقلاب زاهدان ... حمله ... به مقر انتظامی راسک»: a town inside an institution's name is where the
    # institution sits, not where the act was, when the sentence names another place
    named_in = [
        m
        for m in places
        if any(a.kind == "ACTOR" and a.data.get("kind") in _SEATED_KINDS and a.start < m.start and m.end <= a.end for a in mentions)
    ]
    if named_in and len(named_in) < len(places):
        places = [m for m in places if m not in named_in]
    actors = [
        m
        for m in mentions
        if m.kind in ACTOR_KINDS
        or _state_place(m)
        and not _PLACE_NOUN_START.match(folded, m.start)
        # «موشک بالستیک «فلسطین-۲»»: a weapon's model, not a state
        and not any(_QUOTED_MODEL.fullmatch(folded, end, m.start) for end in named_weapons)  # «سه استان یمن»: provinces of it, not the state
        # «در حمله روسیه با بمب‌ها به ...»: right after the event noun and before its «به/با», the state acts
        and (not _place_word_before(folded, m, start, cues) or 0 <= m.start - t_end <= 1 and _AGENT_FOLLOWS.match(folded, m.end))
        # «مقام‌های اقلیم کردستان ترکیه را مسئول دانستند»: a country marked by «را» is an object, not a completion
        and (not _after_place(m, places) or _followed_by_ra(folded, m))
    ]
    weapons = [m for m in mentions if m.kind == "WEAPON"]
    dated = [m for m in mentions if m.kind == "DATE"]
    agent, target = _actor_roles(
        folded, start, (t_start, t_end), actors, cues, told, distance, event_type,
        genitive_agent, passive, weapons, dated, reciprocal, verb,
    )  # fmt: skip
    if agent is not None and agent.kind == "PLACE" and event_type in _VIOLENT and not agent.data.get("capital"):
        places = [m for m in places if m is not agent]  # «حملات آمریکا به یمن»: the state that acts is not where
    if event_type in ("AGREE", "RETREAT"):
        # «آتش‌بس میان صنعا و ائتلاف سعودی»: a capital or country that is a party is not where it was agreed
        places = [m for m in places if m is not agent and m is not target]
    if "possessive_before" in told:
        # «گروه‌های وابسته به ترکیه»: whom a side belongs to is no place
        places = [m for m in places if not cues.possessive_before.search(_before(folded, m, start))]
    if "mediator_before" in told:
        # «با میانجیگری آمریکا و فرانسه»: the states that brokered it are not where it was
        brokers: list[Mention] = []
        for place in places:
            if cues.mediator_before.search(_before(folded, place, start)) or (
                brokers and folded[brokers[-1].end : place.start].strip() in ("و", "،")
            ):
                brokers.append(place)
        places = [m for m in places if m not in brokers]
    if event_type in _ABOUT_TYPES or about:
        # «تجمع در اعتراض به عادی‌سازی روابط با اسرائیل»: the country argued about is not where it happened
        places = [m for m in places if not cues.about_before.search(folded[max(start, m.start - 25) : m.start])]
    ranked, origin, within = _places(folded, start, places, cues, distance, event_type, t_start, "reporting" in told, t_end)
    location = ranked[0] if ranked else None
    # «کولبری که ... با شلیک ماموران کشته شده بود، روز چهارشنبه ...»: an act told in a past-perfect relative
    # clause happened before the main clause's day, which is not its date
    earlier_clause = next(
        (
            (found.start(), found.end())
            for found in _RELATIVE_ASIDE.finditer(folded, start, _end)
            if found.start() <= t_start < found.end() and _PAST_PERFECT.search(folded, t_end, found.end())
        ),
        None,
    )
    # «؛» joins two sentences in one: a date across it belongs to the other one
    dates = [
        m
        for m in mentions
        if m.kind == "DATE"
        and not (
            _is_since(folded, m, start)
            and not (
                m.end <= t_start
                and event_type in _STARTED_TYPES
                and (m.data or {}).get("precision", "day") == "day"
                and not _UNTIL_NOW.search(folded, m.end, t_start)  # «از ۷ اکتبر ۲۰۲۳ تاکنون ... حمله»: a tally
            )
        )
        and not _DATELINE_END.match(folded, m.end)  # «کندهار (پژواک، ۲۹ اسد ۱۴۰۳): ...»: when it was filed
        and not _recent_window(m)
        and "؛" not in folded[min(m.end, t_end) : max(m.start, t_start)]
        and (earlier_clause is None or earlier_clause[0] <= m.start < earlier_clause[1])
        # «JNIM روز دوشنبه در پیامی مسئولیت این حمله را بر عهده گرفت»: a day before the claim of an act
        # told already is when it was claimed
        and not (m.end <= t_start and claim_of_told_act(folded, m.end, t_start, cues) is not None)
    ]
    dates = [m for m in dates if not _weekday_of_the_date_before(m, dates)]
    if not dates and (that_day := _THAT_DAY.search(folded, start, t_start)) is not None:
        # «... از ۲ مارس امسال است؛ در آن روز سه سرباز ... کشته شده بودند»: the day told just before (a
        # day: «از نبرد ماریوپل در سال ۲۰۲۲ ... در بامداد همان روز» means the day, not the year)
        dates = [
            m
            for m in mentions
            if m.kind == "DATE" and m.end <= that_day.start() and (m.data or {}).get("precision", "day") == "day"
        ][-1:]
    # «مرگبارترین حمله سال جاری در ۲۴ اوت ...»: a day told beside a year or month is the act's date
    has_day = any((m.data or {}).get("precision", "day") == "day" for m in dates)

    def date_rank(mention: Mention) -> int:
        if not verb and 0 <= mention.start - t_end <= 1 and (mention.data or {}).get("precision", "day") != "year":
            # «حمله تروریستی آذر ۱۴۰۲ به مقر انتظامی راسک»: the date the event noun itself names (but «حمله
            # سال جاری در ۲۴ اوت»: a year beside the noun only frames the day told after it)
            return -1
        coarse = (mention.data or {}).get("precision", "day") in ("month", "year")
        return distance(mention) + (_COARSE_DATE_PENALTY if coarse and has_day else 0)

    date = min(dates, key=date_rank, default=None)
    weapons = [
        m for m in mentions if m.kind == "WEAPON" and not _followed_by_ra(folded, m) and not _negated(folded, m, start)
    ]
    weapon = min(weapons, key=distance, default=None)
    if weapon is None and agent is not None and agent.data.get("weapon"):
        # «یک پهپاد ارتش اسرائیل ... هدف قرار داد»: the weapon is named inside the agent
        weapon = Mention("WEAPON", agent.start, int(agent.data.get("weapon_end", agent.end)), str(agent.data["weapon"]))
    quantity = _quantity(folded, weapon, mentions) if weapon is not None else None
    return Arguments(agent, target, location, origin, date, weapon, quantity, ranked[1:], within)


def _not_of_other_triggers(
    folded: str,
    start: int,
    trigger: tuple[int, int],
    mentions: list[Mention],
    other_triggers: list[int],
    event_type: str,
    verb: bool,
) -> list[Mention]:
    """The mentions left to this trigger: a mention nearer to another trigger of the sentence is that
    trigger's argument, except the sentence's subject, which acts through every verb of it."""
    t_start, t_end = trigger
    subject = next(
        (
            m
            for m in mentions
            if (m.kind in ACTOR_KINDS or _state_place(m)) and m.end <= t_start and _can_act(m, start, event_type)
        ),
        None,
    )
    # «ترکیه و روسیه ... به توافق رسیدند»: a subject joined by «و» to another acts with it
    partner = (
        next((m for m in mentions if 0 < m.start - subject.end <= 5 and folded[subject.end : m.start].strip() == "و"), None)
        if subject is not None
        else None
    )
    # «نظامیان شامگاه شنبه به طوباس یورش بردند و ۱۴ نفر را بازداشت کردند»: the date told with the subject
    # before its first verb dates every verb of that subject
    first_verb = min([t_start, *other_triggers])
    actors = [m for m in mentions if m.kind in ACTOR_KINDS]
    return [
        m
        for m in mentions
        if m is subject
        or m is partner
        or not _crosses(m, (t_start, t_end), other_triggers)
        or _object_across(folded, m, t_start, verb, actors)
        or _date_of_the_clause(folded, m, t_start, verb)
        or (
            m.kind == "DATE"
            and subject is not None
            and subject.end <= m.start
            and m.end <= first_verb
            and "؛" not in folded[m.end : t_start]
            and not CLAUSE_BREAK.search(folded, subject.end, m.start)
            and verb
        )
    ]


def _weekday_of_the_date_before(mention: Mention, dates: list[Mention]) -> bool:
    """«در ۱۳ آوریل ۲۰۲۵، هم‌زمان با یکشنبه نخل»: a weekday counted back from publication that names
    the weekday of a full date told just before it is that date's, not a day of its own."""
    data = mention.data or {}
    if not data.get("relative") or data.get("precision", "day") != "day" or not data.get("value"):
        return False
    weekday = dt.date.fromisoformat(str(data["value"])[:10]).weekday()
    return any(
        0 <= mention.start - other.end <= _WEEKDAY_REACH
        and not (other.data or {}).get("relative")
        and (other.data or {}).get("precision", "day") == "day"
        and other.data.get("value")
        and other.data["value"] != data["value"]
        and dt.date.fromisoformat(str(other.data["value"])[:10]).weekday() == weekday
        for other in dates
    )


# How far after a full date a weekday may stand to be that date's.
_WEEKDAY_REACH = 40


def _date_of_the_clause(folded: str, mention: Mention, trigger_start: int, verb: bool) -> bool:
    """«... روز دوشنبه ... به اتهام سرکوب اعتراضات تحریم کردند»: a date before the clause's own verb
    dates that verb, whatever event nouns stand between, as long as no other verb or clause does."""
    if mention.kind != "DATE" or mention.end > trigger_start or not verb:
        return False
    between = folded[mention.end : trigger_start]
    return not CLAUSE_BREAK.search(between) and not CLAUSE_VERB.search(between) and " که " not in between


def _crosses(mention: Mention, trigger: tuple[int, int], other_triggers: list[int]) -> bool:
    low, high = min(mention.start, trigger[0]), max(mention.end, trigger[1])
    return any(low < other < high for other in other_triggers)


def _relative_asides(folded: str, start: int, end: int, trigger: tuple[int, int], cues: Cues) -> list[tuple[int, int]]:
    """Relative clauses closed by a comma («… ایرانی که از ۱۳۹۸ در سوئد زندانی بود، …») that neither
    hold the trigger nor may describe it («انفجاری در شهر X که شنبه رخ داد، …» describes the event: kept)."""
    spans: list[tuple[int, int]] = []
    for found in _RELATIVE_ASIDE.finditer(folded, start, end):
        opened, closed = found.start(), found.end()
        if opened <= trigger[0] < closed or trigger[1] <= opened and not CLAUSE_BREAK.search(folded, trigger[1], opened):
            continue  # holds the trigger, or follows the event's own noun phrase («انفجاری در پادگان X که ...،»)
        if _ends_with_verb(folded[max(start, opened - 25) : opened], cues):
            continue  # «می‌گویند که نیروهای طالبان روز سه‌شنبه، ...»: «که» after a verb opens what is said
        if _HAPPENED.search(folded, opened, closed):
            continue  # «تیراندازی ... به کولبران ...، که شامگاه دوشنبه ۲۱ آبان رخ داد،»: when and where the act was
        spans.append((opened, closed))
    return spans


def _ends_with_verb(text: str, cues: Cues) -> bool:
    """The text ends with a reporting verb («می‌گویند») or a light verb («کرد»)."""
    words = text.split()
    if not words:
        return False
    tail = " ".join(words[-3:])
    return len(tail) in [m.end() for m in cues.reporting.finditer(tail)] or CLAUSE_VERB.fullmatch(words[-1]) is not None


def _object_across(folded: str, mention: Mention, trigger_start: int, verb: bool, others: list[Mention]) -> bool:
    """«طالبان را به دست داشتن در حمله انتحاری ... متهم کرد»: the object before «را» belongs to the
    clause's verb even when event nouns stand between them, as long as no verb or clause ends first.
    Another of the `others` between the mention and «را» is the object instead («مقام‌های اوکراینی ارتش
    روسیه را ... متهم کردند»)."""
    if mention.end > trigger_start or not verb:
        return False
    position = folded.find(" را ", mention.end - 1, trigger_start + 1)
    gap = folded[mention.end : position].split() if position >= 0 else []
    if position < 0 or len(gap) > _OBJECT_GAP or any(_NEW_NOUN.match(word) for word in gap):
        return False
    if any(mention.end <= other.start < position for other in others if other is not mention):
        return False
    between = folded[position + 3 : trigger_start]
    return not CLAUSE_BREAK.search(between) and not CLAUSE_VERB.search(between) and " که " not in between


def _target_across_filler(folded: str, mention: Mention, sentence_start: int, cues: Cues) -> bool:
    """«به یکی از مقرهای X», «به داخل محوطه این پایگاه»: a target's preposition before the words that
    place or point at it."""
    before = folded[max(sentence_start, mention.start - _FILLER_LOOKBACK) : mention.start]
    spaced = cues.target_filler.search(before)  # from the space before the filler; none: the filler is empty
    filler_start = spaced.start() + 1 if spaced is not None else len(before)
    return filler_start > 0 and bool(cues.target_before.search(before[:filler_start]))


# characters before a mention that may hold its preposition and the words between («به داخل محوطه این»,
# «در اعتراض به خودداری»)
_FILLER_LOOKBACK = 40


def verbal(folded: str, trigger_start: int, trigger_end: int) -> bool:
    """The trigger is a verb or is followed by its light verb («متهم کرد», «حمله کردند»), not a bare noun."""
    return bool(CLAUSE_VERB.search(folded, trigger_start, trigger_end) or CLAUSE_VERB.match(folded, trigger_end + 1))


def _negated(folded: str, mention: Mention, sentence_start: int) -> bool:
    """«هیچ جنگنده‌ای»: a weapon said to be absent."""
    before = _before(folded, mention, sentence_start).split()
    return bool(before) and before[-1] == "هیچ"


def _recent_window(mention: Mention) -> bool:
    """«در دو سال اخیر», «طی ماه‌های گذشته»: months or years up to publication, a tally's span, not a date."""
    data = mention.data
    return bool(data.get("relative") and data.get("end_value") and data.get("precision") in ("month", "year"))


def _is_since(folded: str, mention: Mention, sentence_start: int) -> bool:
    """«از ۱۳۹۸ زندانی بود», «تا پایان ماه»: a bound of a span, not the act's date — except the day it
    began on («از روز شنبه آغاز شد»)."""
    before = _before(folded, mention, sentence_start).split()
    if not before or before[-1] not in ("از", "تا", "since"):
        return False
    if before[-1] == "از" and _RANGE_END.match(folded, mention.end):
        return False  # «از شامگاه دوشنبه تا صبح سه‌شنبه»: the span it lasted, from its first day
    if before[-1] == "از" and "امروز" in folded[mention.start : mention.end]:
        return False  # «از صبح امروز ... هفت نفر را بازداشت کرده‌اند»: begun today, it is today's act
    return not (before[-1] == "از" and _BEGAN.match(folded, mention.end))


def _actor_roles(
    folded: str,
    start: int,
    trigger: tuple[int, int],
    actors: list[Mention],
    cues: Cues,
    told: frozenset[str],
    distance: Callable[[Mention], int],
    event_type: str,
    genitive_agent: bool = False,
    passive: bool = False,
    weapons: list[Mention] | None = None,
    dated: list[Mention] | None = None,
    reciprocal: bool = False,
    verb: bool = False,
) -> tuple[Mention | None, Mention | None]:
    """Agent and target. Persian puts the subject first: the agent is the earliest actor before the
    verb that no preposition or «را» marks as something else; the target is the nearest marked one.
    A passive verb («منفجر شد», «مورد حمله قرار گرفت») makes that subject the target. `verb`: the
    trigger is a verb or has its light verb (`verbal`)."""
    t_start, t_end = trigger
    agents: list[tuple[int, Mention]] = []
    targets: list[tuple[int, Mention]] = []
    before_trigger = [m for m in actors if m.end <= t_start]
    # «X را مسئول ... دانست»: a trigger that opens with «را» has its object right before it
    verb_trigger = verb or folded.startswith("را ", t_start)
    for mention in actors:
        before = _before(folded, mention, start)
        if "mediator_before" in told and cues.mediator_before.search(before):
            continue  # «با میانجیگری سازمان ملل»: who brokered it took neither side
        if "agent_before" in told and cues.agent_before.search(before):
            agents.append((-1000, mention))
        elif "host_before" in told and cues.host_before.search(before):
            targets.append((distance(mention) - 400, mention))  # «که محل استقرار نظامیان آمریکایی است»
        elif any(0 <= mention.start - w.end <= 1 for w in weapons or []) and mention.ref != HOMES_ACTOR:
            agents.append((-900, mention))  # «گلوله‌های توپ شبه‌نظامیان حوثی»: whose means they were
        elif "possessive_before" in told and (found := cues.possessive_before.search(before)):
            if mention.start >= t_end:
                # «حمله شبه‌نظامیان وابسته به القاعده به پاسگاه ...»: whom the attackers belong to, not the target
                owned = folded[max(start, mention.start - _FILLER_LOOKBACK) : mention.start]
                if cues.owned_site_before.search(owned[: len(owned) - len(before) + found.start()]):
                    targets.append((distance(mention) - 100, mention))
                continue
            if before[: found.start()].rstrip().endswith("،"):
                continue  # «JNIM، وابسته به القاعده، ...»: an aside on whom the subject belongs to
            owned = folded[max(start, mention.start - _FILLER_LOOKBACK) : mention.start]
            if cues.owned_site_before.search(owned[: len(owned) - len(before) + found.start()]):
                # «یک مدرسه وابسته به آنروا ... هدف حمله پهپادی قرار گرفت»: whose the struck place is
                targets.append((distance(mention) - 100, mention))
                continue
            agents.append((-500 + mention.start - start, mention))
        elif (
            mention.start >= t_end
            and not folded.startswith("را ", t_start)  # «X را مسئول رنج مردم دانست»: what X is blamed for
            and _genitive(folded, t_end, mention, counted=not genitive_agent, skipped=dated)
        ):
            if genitive_agent:
                agents.append((-800, mention))  # «حمله تروریست‌ها», «حمله پهپادی اسرائیل به …»: the attacker
            else:
                targets.append((-800, mention))  # «ترور X», «بازداشت X»: the one it was done to
        elif reciprocal and before.split()[-1:] == ["با"] and mention.end <= t_start:
            targets.append((distance(mention) - 100, mention))  # «با قاچاقچیان مسلح درگیر شدند»: the other side
        elif verb_trigger and (_object_of(folded, mention, t_start, before_trigger) or _object_across(folded, mention, t_start, verb, before_trigger)):
            targets.append((distance(mention) - 300, mention))  # the verb's «را» object comes first
        elif (
            cues.target_before.search(before)
            or _target_across_filler(folded, mention, start, cues)
            or _object_of(folded, mention, t_start, before_trigger)
        ):
            targets.append((distance(mention) - (50 if mention.start >= t_end else 0), mention))
        elif mention.end <= t_start and passive and not CLAUSE_BREAK.search(_without_asides(folded[mention.end : t_start])):
            if " که " in folded[mention.end : t_start] or "reporting" in told and cues.reporting.search(folded, mention.end, t_start):
                # «پلیس اعلام کرد که خودرو منفجر شد», «ارتش اسرائیل می‌گوید ... دو راکت شلیک شد»: the main
                # clause's subject neither did it nor suffered it
                continue
            targets.append((distance(mention) + 10, mention))  # the passive verb's own subject
        elif mention.end <= t_start:
            # «منابع امنیتی عراق»: sources of a force tell what happened, they are not its agent
            if (
                _can_act(mention, start, event_type)
                and not folded.startswith(("منبع ", "منابع "), mention.start)
                and not (
                    "reason_before" in told
                    and cues.reason_before.search(folded[max(start, mention.start - _FILLER_LOOKBACK) : mention.start])
                )
            ):
                agents.append((mention.start - start, mention))  # earliest first: the subject
        else:
            targets.append((distance(mention) + 30, mention))
    # «درگیری میان X و Y», «نیروهای هند و پاکستان به روی یکدیگر آتش گشودند»: two sides of one act
    mutual = "یکدیگر" in folded[start : t_end + 40]
    if event_type in ("AGREE", "RETREAT", "CONSULT") or mutual:
        parties = _parties(folded, start, actors)
        if parties is not None and not any(score <= -500 for score, _ in agents):
            return parties
    agent = min(agents, key=lambda pair: pair[0])[1] if agents else None
    if reciprocal and not any(m.end <= t_start for _, m in agents):
        # «درگیری میان نیروهای طالبان و جبهه مقاومت»: the sides named right after the fight
        sides = _sides_after(folded, t_end, actors)
        if sides is not None and sides[1] is not None:
            return sides
        if sides is not None:
            agent = sides[0]  # «درگیری مسلحانه میان افراد مسلح قبایل»: one side named; the other is found as usual
            targets = [(score, m) for score, m in targets if m is not agent]
    # «به گزارش UKMTO», «منابع محلی»: those who tell of an act are not what it was done to; «حملات
    # هوایی آمریکا و بریتانیا»: one joined to the agent by «و» acts with it
    remaining = [
        (score, m)
        for score, m in targets
        if (agent is None or m.ref != agent.ref or m.ref is None)
        and m.data.get("kind") != "source"
        and not (agent is not None and 0 < m.start - agent.end <= 4 and folded[agent.end : m.start].strip() == "و")
    ]
    target = min(remaining, key=lambda pair: pair[0])[1] if remaining else None
    if target is None and agent is not None and not passive:
        target = _object_phrase_head(folded, agent, t_start, actors)
    return agent, target


def _object_phrase_head(folded: str, agent: Mention, trigger_start: int, actors: list[Mention]) -> Mention | None:
    """«ماموران ... پیمان شه‌بخش، خبرنگار یک نشریه محلی را که ...، بازداشت کردند», «دولت انگلیس ...
    دانیلا وایس، ...، سازمان نحالا ... را در فهرست تحریم‌های خود قرار داد»: the object phrase that «را»
    closes right before the verb begins with its head, the first name after the subject."""
    clause = _RELATIVE_AFTER_RA.sub(" را ", folded[agent.end : trigger_start])
    position = clause.rfind(" را ")
    if position < 0 or len(clause[position + 4 :].split()) > _RA_TO_VERB or CLAUSE_VERB.search(clause, position + 4):
        return None
    end = agent.end + folded[agent.end : trigger_start].find(clause[position:]) if clause[position:] else -1
    return next(
        (
            m
            for m in actors
            if agent.end <= m.start
            and m.end <= (end if end >= agent.end else trigger_start)
            and m.ref != agent.ref
            and m.data.get("kind") != "source"
            and not _PREPOSITION_BEFORE.search(folded, max(agent.end, m.start - 12), m.start)
            # «دانیلا وایس، از چهره‌های شاخص جنبش شهرک‌سازی، ...»: a name inside an aside on the head
            and not _APPOSITION_OPEN.search(folded, agent.end, m.start)
        ),
        None,
    )


# «X را که ... ،»: a relative clause on the object, between its «را» and the verb.
_RELATIVE_AFTER_RA = re.compile(r" را که [^،؛.]*،")
# At most this many words between the object's «را» and the verb («را در فهرست تحریم‌های خود قرار داد»).
_RA_TO_VERB = 4
# An aside opened by a comma and «از» that has not closed yet.
_APPOSITION_OPEN = re.compile(r"،\s*(?:یکی )?از\s[^،]*$")
# A preposition right before a name: the name is not the head of the object phrase.
_PREPOSITION_BEFORE = re.compile(
    word_start([(w, "") for w in ("به", "از", "در", "با", "برای", "علیه", "توسط", "میان", "بین", "نزد", "تا")]) + r"\s+(?:\S+\s+)?$"
)


# The auxiliaries of a passive verb (shared with the extractor): «منفجر شد», «بازداشت شده اند».
PASSIVE_AUXILIARIES = "شد|شدند|شده|شده اند|شده است|گردید|گردیدند|می شود|می شوند"
# «این حمله», «همین انفجار»: the act told already.
_ANAPHORIC_AFTER = re.compile(r" (?:این|همین) ")
# Added to the distance of a month or year when a day is also told near the act.
_COARSE_DATE_PENALTY = 100
# «؛» between two sentences, not before an elaboration of the first («؛ از جمله پنج کارمند ...»).
_SENTENCE_JOIN = re.compile(r"؛(?!\s*(?:از جمله|یعنی|به ویژه|به خصوص|مانند|نظیر|شامل))")
# Punctuation that ends a clause (shared with the extractor).
CLAUSE_MARKS = "،؛:"
CLAUSE_BREAK = re.compile(f"[{CLAUSE_MARKS}]")
# The first light or auxiliary verb of the clause after an event noun: «سپاه ... به فهرست نهادهای
# تروریستی افزوده شده است» is passive, «... را هدف قرار داد» active (`passive_verb`). Listed word by
# word for `word_start`, in the order the alternatives are tried.
_STATE_WORDS = ("مواجه", "روبرو", "وارد", "موفق", "متوسل", "حاضر", "مستقر", "پیروز", "درگیر", "اماده", "متعهد", "خواستار")
_STATE_AUXILIARIES = ("شد", "شدند", "شده", "شوند", "می شوند")
_PASSIVE_VERBS = (*PASSIVE_AUXILIARIES.split("|"), "گردیده")
_ACTIVE_VERBS = (
    "کرد", "کردند", "کرده", "می کند", "می کنند", "داد", "دادند", "داده", "زد", "زدند", "زده", "گرفت", "گرفتند", "گرفته",
    "نمود", "نمودند", "نموده", "است", "بود", "بودند", "بوده", "اند", "کشید", "کشیدند", "کشیده", "رساند", "رساندند",
    "رسانده", "برد", "بردند", "برده", "داشت", "داشتند", "داشته",
)
CLAUSE_VERB = re.compile(
    word_start(
        [(f"{word} {auxiliary}", "") for word in _STATE_WORDS for auxiliary in _STATE_AUXILIARIES]
        + [(f"قرار {verb}", "") for verb in (*_PASSIVE_VERBS, *_ACTIVE_VERBS)]
        + [(verb, "") for verb in (*_PASSIVE_VERBS, *_ACTIVE_VERBS)]
    )
    + r"(?![\w])"
)
_PASSIVE_VERB = re.compile(rf"(?:قرار )?(?:{'|'.join(_PASSIVE_VERBS)})")


def passive_verb(verb: re.Match[str]) -> bool:
    """A `CLAUSE_VERB` match that is a passive auxiliary («شد», «قرار گرفته شده»), not an active or state verb."""
    return _PASSIVE_VERB.fullmatch(verb.group()) is not None


def _without_asides(text: str) -> str:
    """`text` with its asides between commas taken out: «معترضان، از جمله دو نوجوان، بازداشت شدند»,
    «یک روحانی ... شامگاه یکشنبه، ۳۰ شهریور، هدف تیراندازی قرار گرفت», «X، امام جماعت مسجد جامع، مورد حمله
    قرار گرفت» — an apposition with no verb and no «که» of its own."""
    return COMMA_ASIDE.sub(
        lambda found: " " if " که " not in found.group() and not CLAUSE_VERB.search(found.group()) else found.group(), text
    )


COMMA_ASIDE = re.compile(r"،[^،؛:]*،")
# An aside between commas that does not end the clause: «معترضان، از جمله دو نوجوان، بازداشت شدند».
_ASIDE = re.compile(r"،\s*(?:از جمله|شامل|به ویژه|به خصوص)[^،؛:]*،")
# Words that may stand between an object and its «را» («افراد مسلح فلسطینی را»), unless one opens a
# noun of its own: an indefinite «خودرویی», «خانه ای», a count or «یک» («یک پهپاد اسرائیلی خودرویی
# را هدف گرفت»: the drone is the subject, the car the object).
_OBJECT_GAP = 2
_COUNT_WORD = re.compile(r"^(?:یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|چند|چندین|ده ها|صدها|[0-9۰-۹]+)$")
_NEW_NOUN = re.compile(r"^(?:.+یی|ای|یک|این|ان|همین|همان|چند|دو|سه|[0-9۰-۹]+|مناطقی|مواضعی|اهدافی|نقاطی|مراکزی|ساختمانی|خانه ای)$")

# «X صحنه ... بود»: the place a sentence says was the scene of the act after it.
_SCENE = re.compile(r"(?<![\w])صحنه(?![\w])")
# Institutions whose name may hold the town they sit in («دادگاه انقلاب زاهدان», «استانداری کرمان»).
_SEATED_KINDS = frozenset({"government", "media", "party", "igo", "ngo"})
# A place whose span starts with its kind («شهر حلب», «روستای لمن») is named as a place.
_PLACE_NOUN_START = re.compile(r"(?:شهرستان|شهرک|شهر|استان|روستای|منطقه|بندر|جزیره|ولایت|ولسوالی|بخش|دهستان|ایالت) ")

# Events whose places after «علیه», «با», «ضد» are what they are about, not where they happen.
_ABOUT_TYPES = frozenset({"PROTEST"})

# Acts that go on from the day «از» names before their trigger, which is then their date: «از شنبه
# گذشته دست به اعتصاب زده‌اند», «از ۱۴ اردیبهشت ... پورت‌سودان را هدف قرار دادند» (not a month or a
# year: «از نوامبر ۲۰۲۳ ده‌ها کشتی را هدف قرار داده‌اند» is a tally).
_STARTED_TYPES = frozenset({"PROTEST", "ASSAULT"})
_UNTIL_NOW = re.compile(word_start([(w, "") for w in ("تاکنون", "تا کنون", "تا امروز", "تا به حال", "تا به امروز")]) + r"(?![\w])")
# Who cannot be the agent of a violent or coercive act: the people it is done to, and informants.
_NOT_AGENTS = frozenset({"civilians", "media", "source", "ngo", "igo"})
_VIOLENT = frozenset({"ASSAULT", "COERCE"})


def _state_place(mention: Mention) -> bool:
    """A country or capital, which may stand for its state («اسرائیل», «واشنگتن»)."""
    if mention.kind != "PLACE" or mention.data.get("located_by"):
        return False  # «منطقه جربان» placed by the country around it is still a village
    return bool(mention.data.get("capital") or (mention.ref or "").startswith("country:"))


def _after_place(mention: Mention, places: list[Mention]) -> bool:
    """«ایالت خیبر پختونخوا پاکستان»: a country that completes a place names where, not who."""
    return any(0 <= mention.start - p.end <= 2 for p in places if p is not mention)


def _place_word_before(folded: str, mention: Mention, sentence_start: int, cues: Cues) -> bool:
    """«در عراق», «از سوریه», «شمال عراق»: a country used as a place, not as a state."""
    before = _before(folded, mention, sentence_start)
    words = before.split()
    # («اهل گینه»: where someone is from)
    if words and words[-1] in ("در", "از", "به", "شمال", "جنوب", "شرق", "غرب", "مرکز", "خاک", "مرز", "مرزهای", "کشور", "پرچم", "اهل"):
        return True
    if _SPATIAL_BEFORE.search(folded, max(sentence_start, mention.start - 30), mention.start):
        return True  # «در همسایگی شرقی لیبی»: the preposition two spatial words back
    return bool(cues.place_in_before.search(before))


def _genitive(
    folded: str, trigger_end: int, mention: Mention, counted: bool = False, skipped: list[Mention] | None = None
) -> bool:
    """The mention follows the event noun directly (at most one modifier between): its genitive.
    A count may stand between only when `counted` («بازداشت ۶ عضو»: those arrested); the `skipped`
    mentions do not count («حمله هوایی شب گذشته ارتش اسرائیل»: a date between)."""
    between = folded[trigger_end : mention.start]
    for other in skipped or []:
        if trigger_end <= other.start and other.end <= mention.start:
            between = between.replace(folded[other.start : other.end], " ")
    gap = between.split()
    if gap and _COUNT_WORD.match(gap[0]) and not counted:
        return False  # «در این حملات هوایی هفت تروریست ...»: a count opens a new phrase, no genitive
    return len(gap) <= 1 and not (gap and gap[0] in ("به", "علیه", "در", "از", "با", "را", "بر", "و"))


def _can_act(mention: Mention, sentence_start: int, event_type: str) -> bool:
    if mention.kind == "PLACE":
        return mention.start - sentence_start <= 20  # «واشنگتن ...», «اسرائیل ...» opening the sentence
    if mention.ref == HOMES_ACTOR:
        return False  # homes are struck; they do nothing
    if event_type in _VIOLENT:
        if mention.kind == "PERSON" or mention.data.get("kind") in _NOT_AGENTS:
            return False
    return mention.data.get("kind") != "source"


def _object_of(folded: str, mention: Mention, trigger_start: int, before_trigger: list[Mention]) -> bool:
    """«X را هدف قرار داد»: the last actor before «را» (and before the verb) is its object."""
    if mention.end > trigger_start:
        return False
    # «یک کشتی باری با پرچم لیبریا را»: the flag and its country are part of the ship's phrase
    flag = _FLAG.match(folded, mention.end)
    end = flag.end() if flag is not None else mention.end
    flown = next((m for m in before_trigger if m.start == end), None) if flag is not None else None
    # «X را مسئول ... دانست», «X را محکوم کرد»: the trigger may open with the «را» itself
    window = folded[end : trigger_start + 3]
    position = window.find(" را ")
    if position < 0:
        return False
    gap = window[:position].split()
    if len(gap) > _OBJECT_GAP or any(_NEW_NOUN.match(word) for word in gap):
        return False  # «جنگنده‌ها ... یک خانه مسکونی را بمباران کردند»: «را» closes a later phrase
    cut = end + position
    return not any(mention.end <= other.start < cut for other in before_trigger if other is not mention and other is not flown)


# «با پرچم» after a ship, before the flag's country.
_FLAG = re.compile(r" با پرچم (?:کشور )?")


def _sides_after(folded: str, trigger_end: int, actors: list[Mention]) -> tuple[Mention, Mention | None] | None:
    """«درگیری میان X و Y», «درگیری مسلحانه میان افراد مسلح قبایل»: the sides after «میان/بین» right
    after the fight's noun (one word, such as «مسلحانه», may stand between)."""
    opener = _SIDES_OPENER.match(folded, trigger_end)
    if opener is None:
        return None
    first = next((m for m in actors if opener.end() <= m.start <= opener.end() + 1), None)
    if first is None:
        return None
    second = next((m for m in actors if m.start > first.end and folded[first.end : m.start].strip() == "و"), None)
    return first, second


# After a fight's noun: «میان» or «بین», perhaps after one word («درگیری مسلحانه میان»).
_SIDES_OPENER = re.compile(r"(?:\s+[^\s،؛:.]+)?\s+(?:میان|بین)\s+")


def _parties(folded: str, start: int, actors: list[Mention]) -> tuple[Mention, Mention] | None:
    """«میان X و Y», «بین X و Y»: the two sides of an agreement or exchange."""
    for index, mention in enumerate(actors[:-1]):
        before = _before(folded, mention, start).split()
        # «میان X و Y», or «X و Y ... به توافق رسیدند» opening the sentence
        if before and before[-1] in ("میان", "بین") or index == 0 and mention.start - start <= 20 and not before:
            other = actors[index + 1]
            if folded[mention.end : other.start].strip() == "و":
                return mention, other
    return None


def _places(
    folded: str,
    start: int,
    places: list[Mention],
    cues: Cues,
    distance: Callable[[Mention], int],
    event_type: str = "ASSAULT",
    t_start: int = 0,
    reporting: bool = True,
    t_end: int | None = None,
) -> tuple[list[Mention], Mention | None, Mention | None]:
    """The places where it happened, best first; the launch site; the larger place the best one is
    said to lie in («سیدآباد در شهر کندز»). `reporting`: the sentence may hold a reporting verb
    (`CueWords.present`); without one, none is searched for."""
    origin: Mention | None = None
    origins: list[Mention] = []
    scored: list[tuple[float, Mention]] = []
    within: dict[int, Mention] = {}
    for index, mention in enumerate(places):
        before = folded[max(start, mention.start - 30) : mention.start]
        if cues.place_from_before.search(before) and _target_follows(folded, mention, places[index + 1 :]):
            origins.append(mention)
            continue
        score = float(distance(mention))
        if cues.place_in_before.search(folded[max(start, mention.start - 30) : mention.start]) or _PLACE_NOUN_START.match(
            folded, mention.start
        ):
            score -= 40
        if mention.end <= t_start and (scene := _SCENE.search(folded, mention.end, t_start)) and not CLAUSE_BREAK.search(
            folded, mention.end, scene.start()
        ):
            score -= 80  # «اردوگاه جنین در ژوئیه ۲۰۲۳ صحنه بزرگ‌ترین عملیات ... بود»: the place the act was the scene of
        if mention.ref and mention.ref.startswith("country:"):
            score += 60  # a country is the least specific answer
            if t_end is not None and mention.start >= t_end and _NEXT_CLAUSE.match(folded, t_end, mention.start):
                # «... بازداشت کردند و مرکز خبرنگاران افغانستان ... خواستار آزادی آنان شد»: a country named in the
                # next clause, after the act's verb, is not where the act was
                score += 60
        elif mention.data.get("specificity") == 2:
            score += 35  # a province: less specific than a town or site in the same sentence
        if before.rstrip().endswith(("، مستقر در", "، مقیم", "، با مقر در", "، به مرکزیت")):
            # «دیده‌بان حقوق بشر سوریه، مستقر در لندن،»: an aside on where someone is based (but «نیروهای
            # آمریکایی مستقر در پایگاه X را هدف قرار دادند» names the target's place)
            continue
        if reporting and mention.end <= t_start and cues.reporting.search(folded, mention.end, t_start):
            if " که " in folded[start : mention.start] and not cues.reporting.search(folded, start, mention.start):
                # «دو مهاجری که از طریق بندر اسلام قلعه اخراج شدند به اطلاعات روز گفتند که ...»: a relative
                # clause on the speakers tells of them, not of the act
                continue
            score += 60  # «مقام‌های محلی در ولایت کندهار می‌گویند در درگیری ...»: where the speakers are
        if before.endswith(("مقیم ", "شهروندان ")):
            continue  # «ده‌ها شهروند و مقیم کانادا»: where the victims lived, not where it happened
        if before.endswith(("اهل ", "بومی ", "تبعه ", "اتباع ")) or _ORIGIN_CHAIN.search(before):
            # «پنج مسافر اهل پنجاب», «یک مهاجر اهل گینه», «اهل رحیم‌یارخان در ایالت پنجاب»: where the
            # victims came from, not where it happened
            continue
        if before.endswith("ساکن "):
            score += 120  # «ساکن روستای X»: where they lived, most often near where it happened
        if event_type not in _VIOLENT and before.endswith("به "):
            score += 80  # «انتقال موشک به روسیه», «سفر به دوحه»: where something goes, not where it was decided
        if index > 0 and _ROAD_JOIN.fullmatch(folded, places[index - 1].end, mention.start):
            score += 60  # «محور خاش–ایرانشهر», «جاده بنو-میرانشاه»: a road is told from its first town
        if event_type in _VIOLENT and mention.data.get("specificity") != 2 and _struck(folded, mention, places[index + 1 :], t_start):
            score -= 40  # «توپخانه ... مناطق شرقی خان‌یونس، بنی‌سهیلا و عبسان را گلوله‌باران کرد»: what was struck
        if index > 0 and folded[places[index - 1].end : mention.start].strip() == "و":
            # «در اهواز و شوش تجمع کردند»: of places joined by «و», the first named is where it is coded
            score += _JOINED_PLACE_PENALTY
        if index + 1 < len(places) and _lies_in(folded, mention, places[index + 1]):
            score -= 30  # «بهبهان در استان خوزستان», «البصیره در حومه شرقی دیرالزور»: the first place is the precise one
            within[id(mention)] = places[index + 1]
            if (
                index + 2 < len(places)
                and not places[index + 1].data.get("candidates")
                and not (places[index + 1].ref or "").startswith("country:")
                and (
                    _lies_in(folded, places[index + 1], places[index + 2])
                    or not folded[places[index + 1].end : places[index + 2].start].strip()
                )
            ):
                # «کلیسای مار الیاس در محله دویلعه دمشق»: a quarter no gazetteer has, in a city that places both
                within[id(mention)] = places[index + 2]
        scored.append((score, mention))
    # «شهرک کوندوگا، در ۳۵ کیلومتری جنوب‌شرق مایدوگوری»: a town said to lie some distance from another
    # is where it happened; the other is only the landmark it is measured from
    landmarks = {
        id(within[id(place)]) for _, place in scored if id(place) in within and _MEASURED.search(folded, place.end, within[id(place)].start)
    }
    scored = [(score + (_LANDMARK_PENALTY if id(m) in landmarks else 0), m) for score, m in scored]
    if origins:
        origin = min(origins, key=distance)
    ranked = [m for _, m in sorted(scored, key=lambda pair: pair[0])]
    return ranked, origin, within.get(id(ranked[0])) if ranked else None


# After a finite verb that ends the act's clause, «و» opening the next one.
_NEXT_CLAUSE = re.compile(
    r"\s*(?:کرد|کردند|شد|شدند|نمود|نمودند|زد|زدند|داد|دادند|گرفت|گرفتند|برد|بردند|رساند|رساندند)(?: است| اند)?\s*،?\s*و\s"
)
# A past-perfect verb: «کشته شده بود», «هدف قرار گرفته بودند».
_PAST_PERFECT = re.compile(r"(?:شده|کرده|زده|داده|رسیده|گرفته|برده)\s+(?:بود|بودند)(?![\w])")
# «اهل رحیم‌یارخان در ایالت پنجاب», «اهل روستای تیس در حومه چابهار»: a place that the victims' hometown
# is said to lie in.
_ORIGIN_CHAIN = re.compile(
    r"(?:اهل|بومی) \S+(?: \S+)?[،,]? (?:در |از )?(?:(?:حومه|نزدیکی|اطراف|حوالی|شمال|جنوب|شرق|غرب)(?: \S+)? )?$"
)
# After a state named right after an event noun: its instrument or its target («حمله روسیه با ...», «... به ...»).
_AGENT_FOLLOWS = re.compile(r"\s(?:با|به|علیه)\s")
# «در آن روز», «همان روز»: the day the text told last.
_THAT_DAY = re.compile(word_start([(w, "") for w in ("در ان", "در همان", "ان", "همان")]) + r" روز(?![\w])")
# «رخ داد», «روی داد», «صورت گرفت»: a relative clause with one of these tells of the act itself.
_HAPPENED = re.compile(r"(?<![\w])(?:رخ|روی) (?:داد|داده|می دهد)|اتفاق افتاد|صورت گرفت|صورت گرفته(?![\w])")
# A distance between a place and the landmark it is measured from, and what that landmark then costs.
_MEASURED = re.compile(r"(?:کیلومتری|مایلی|متری)")
_LANDMARK_PENALTY = 60


_DATELINE_END = re.compile(r"\s?\)\s?:")
# «از شامگاه دوشنبه تا صبح سه‌شنبه»: a span's end (not «تا کنون», «تا امروز»: a tally up to now).
_RANGE_END = re.compile(r"\s*(?:تا|الی)\s+(?!کنون|امروز|به حال|به امروز|این لحظه)")
# «از روز شنبه آغاز شد», «آتش‌بسی که از ۲ آوریل اجرا شد»: the day an act began or took effect on.
_BEGAN = re.compile(
    r"\s*(?:[^\s،؛:.]+\s+){0,2}(?:(?:اغاز|شروع)\s+(?:شد|شده|شدند|کرد|کردند|گردید)|(?:اجرا|اجرایی|برقرار)\s+(?:شد|شده|گردید)|به اجرا درامد"
    r"|ادامه\s+(?:دارد|داشت|داشته|یافت|یافته))(?![\w])"
)
# Between a weapon noun and its model's name: «موشک‌های برکان», «موشکهای برکان», «پهپاد شاهد».
_MODEL_GAP = re.compile(r"(?:[\u200c ]?(?:هایی|های|ها|ی))?\s?«?")
# A model name in quotes right after a weapon: «موشک بالستیک «فلسطین-۲»» (not «حمله پهپادی اسرائیل»).
_QUOTED_MODEL = re.compile(r"(?:[\u200c ]?(?:هایی|های|ها|ی))?\s?«")
# «که …،»: a relative clause closed by a comma.
_RELATIVE_ASIDE = re.compile(word_start([("که", " [^،؛:.]*،")]))
_SPATIAL_BEFORE = re.compile(
    r"(?:در|از|به)\s+(?:همسایگی|مرز|مرزهای|نزدیکی|حومه|داخل|خاک|شمال|جنوب|شرق|غرب)(?:\s+(?:شرقی|غربی|شمالی|جنوبی))?\s*$"
)
# Between the two towns a road is named by: «خاش–ایرانشهر», «کویته - کراچی».
_ROAD_JOIN = re.compile(r"\s*[-–—ـ]\s*")
# Added to the score of a place joined by «و» to the one named before it: the first wins when near alike.
_JOINED_PLACE_PENALTY = 15
# What stands between a place and the larger place it lies in: «X در حومه شرقی Y», «X، حدود ۵۰
# کیلومتری جنوب Y», «X، مرکز ایالت Y», «X از توابع قضای Y», «X، در مرز استان‌های Y و Z».
_WITHIN = re.compile(
    r"\s*(?:[،,]\s*|(?=\S))(?:که\s+)?(?:(?:در|نزدیک|نزدیکی|حومه|اطراف|حوالی|شمال|جنوب|شرق|غرب|مرکز|شرقی|غربی|شمالی|جنوبی|"
    r"حدود|کیلومتری|مایلی|[0-9۰-۹]+|از توابع|تابع|حد فاصل|حدفاصل|مرز استان های|مرز استانهای|استان های|استانهای)\s+)+|\s*[،,]\s*"
)


def claim_of_told_act(folded: str, start: int, end: int, cues: Cues) -> int | None:
    """Where the first claim of an act told already («مسئولیت این حمله») between `start` and `end` ends."""
    return next(
        (claim.end() for claim in cues.status["claimed"].finditer(folded, start, end) if _ANAPHORIC_AFTER.match(folded, claim.end())),
        None,
    )


def _lies_in(folded: str, mention: Mention, larger: Mention) -> bool:
    """«X در حومه Y», «X، Y», or a province right after the place («ولسوالی بهسود ننگرهار»)."""
    if mention.data.get("specificity") == 2 and larger.data.get("specificity") != 2:
        return False  # «در امتداد خط دیورند در ولسوالی سپین‌بولدک»: a region or line does not lie in a town
    if _WITHIN.fullmatch(folded, mention.end, larger.start):
        return True
    if larger.data.get("anaphor") and not folded[mention.end : larger.start].strip():
        return True  # «میدان آزادی این شهر»: the square of the town told before
    province = larger.data.get("specificity") == 2 and mention.data.get("specificity") != 2
    return province and not folded[mention.end : larger.start].strip()


def _struck(folded: str, mention: Mention, later: list[Mention], trigger_start: int) -> bool:
    """The place is the verb's «را» object, alone or in a list of places («X، Y و Z را ... کرد»)."""
    if mention.end > trigger_start:
        return False
    position = mention.end
    for other in later:
        if other.start >= trigger_start or not _LIST_GAP.fullmatch(folded, position, other.start):
            break
        position = other.end
    return folded.startswith(" را ", position) or folded.startswith("را ", position)


# Between two places of a list: a comma or «و».
_LIST_GAP = re.compile(r"\s*(?:[،,]|و)\s*")


def _target_follows(folded: str, mention: Mention, later: list[Mention]) -> bool:
    """«از X به سمت Y»: a launch site, when a direction word follows within the clause."""
    window = folded[mention.end : mention.end + 80]
    return any(cue in window for cue in ("به سمت", "به سوی", "به طرف", "به پایگاه", "به مواضع"))


def _quantity(folded: str, weapon: Mention, mentions: list[Mention]) -> dict[str, object] | None:
    """«۵ موشک», «پنج موشک», «چندین موشک»: the count right before the weapon."""
    for mention in mentions:
        if mention.kind == "NUMBER" and mention.end <= weapon.start and weapon.start - mention.end <= 3:
            value = mention.data.get("low", mention.data.get("value"))
            qualifier = mention.data.get("qualifier", "exact")
            if qualifier == "vague" or not isinstance(value, int | float):
                return None
            return {"value": int(value), "unit": weapon.ref, "qualifier": qualifier}
    return None
