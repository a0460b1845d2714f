"""Deaths and injuries in a sentence: «سه سرباز ... کشته شدند», «کشته شدن سه سرباز», «یکی از اعضا ... به شهادت رسید»."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasad.extract.cues import Cues
from rasad.model import HOMES_ACTOR, Mention
from rasad.recognize.lookup import word_start

# How far (characters) a count may stand from its casualty word; a count of people («پنج
# غیرنظامی ... کشته شدند») is the subject of a verb-final sentence and may stand farther.
_AFTER = 120
_AFTER_PEOPLE = 260
_BEFORE = 30
# Only a noun of death takes its count after it («کشته شدن سه سرباز»); a verb has it before.
_NOMINAL = re.compile(r"(?:شدن|باختن|شهادت|کشتار|قتل|شدگان|گان|کشته ها)$")
# «شمار کشته‌های این حمله را ۸ تن اعلام کرد», «تعداد زخمی‌ها را ...»: a plural noun of the dead or
# wounded takes its count after it.
_PLURAL_AFTER = re.compile(r"\s?(?:ها|های|شدگان|گان|ان)(?![\w])")
# «شمار», «تعداد», «آمار» before the noun of the dead: the count after it is the whole toll.
_TOTAL_BEFORE = re.compile(r"(?:شمار|تعداد|امار)(?:\s+[^\s،]+)?\s*$")  # «شمار سربازان کشته‌شده»
# How far before the noun of the dead «شمار» may stand.
_TOTAL_REACH = 25
# «از جمله» marks a part only a few words before the count: «۲۵ نفر از جمله شماری از نیروهای سپاه
# ... به شهادت رسیدند و بیش از ۶۰ نفر زخمی شدند» gives the injured in full.
_SUBCOUNT_REACH = 30
_SUBCOUNT = re.compile(r"(?:از جمله|شامل|منجمله)")
_SINGULAR = re.compile(r"(?:کشته شد|جان باخت|جان سپرد|درگذشت|به شهادت رسید|شهید شد|به هلاکت رسید|به قتل رسید)(?![\w])")
# «جان ۹ گردشگر عراقی را گرفت», «جان بیش از ۳۰۰ نمازگزار را گرفته است»: took the lives of.
_TOOK_LIVES = re.compile(word_start([("جان", r" (?:\S+ ){1,6}?را (?:گرفت|گرفتند|گرفته)")]) + r"(?![\w])")
# Between a person and the count of those who died with him: «و», after an aside in commas.
_PERSON_AND = re.compile(r"(?:\s*،[^،.؛]{1,60}،)?\s*و\s*")
_SINGULAR_INJURED = re.compile(r"(?:زخمی شد|مجروح شد|مصدوم شد|زخمی گردید|مجروح گردید)(?![\w])")
# «اما», «ولی»: between two counts of the same toll, a second source's figure, not more dead.
_BUT = re.compile(word_start([(w, "") for w in ("اما", "ولی", "در حالی که", "درحالی که")]) + r"(?![\w])")
# «X به همراه راننده‌اش جان باخت»: one person and his companion, named by a singular verb.
_WITH_COMPANION = re.compile(
    r"(?:به همراه|همراه با) \S+?(?: ?اش| ?ش)\s+(?:\S+\s+){0,2}?(?:کشته شد|جان باخت|جان سپرد|به شهادت رسید|به قتل رسید)(?![\w])"
)
_ONE_OF = re.compile(word_start([("یکی از", "")]))
_AGE = re.compile(r"\s?(?:ساله|سالگی|ساله ای|ماهه|ماهگی|روزه)(?![\w])")
# Added to the distance of a count of something else than people («یک محله»).
_NOT_PEOPLE = 1000


@dataclass(frozen=True)
class Casualties:
    killed: int | None
    injured: int | None
    counted: tuple[Mention, ...] = ()  # the numbers the counts came from («پنج مسافر»: who they were follows)
    killed_parts: tuple[int, ...] = ()  # the counts the dead add up from («هفت سرباز و ۱۵ شبه‌نظامی»: 7, 15)


def _value(number: Mention) -> int | None:
    value = number.data.get("low", number.data.get("value"))
    if isinstance(value, int | float) and value >= 0:
        return int(value)
    return None


def find_casualties(
    folded: str,
    start: int,
    end: int,
    numbers: list[Mention],
    cues: Cues,
    actors: list[Mention] | None = None,
    told: frozenset[str] | None = None,
) -> Casualties:
    """Counts of killed and injured in folded[start:end] (a sentence), by the nearest count rule.
    `actors` (the sentence's actor mentions) tell which counts are of people: «سه رهگذر». `told`: the
    cue lists the sentence holds a word of (`CueWords.present`), when the caller has read them."""
    told = cues.words.present(folded, start, end) if told is None else told
    sentence = folded[start:end]
    # «موشک «یاسین ۱۰۵»»: a number inside a quoted name counts nothing
    # «این فعال ۳۵ ساله»: an age counts no one
    counts = [
        n
        for n in numbers
        if not _is_subcount(folded, start, n)
        and not _quoted(folded, start, n)
        and not _AGE.match(folded, n.end)
        and not _among_them(folded, n, numbers)
        and not cues.measure_unit.match(folded, n.end)  # «سه روز عزای عمومی», «۵۰ کیلومتری»: no one counted
    ]
    # «سه رهگذر» counts people; «یک پهپاد صهیونیستی» (an actor named by its weapon) does not
    # «یک ایست بازرسی» (a force named by its post) does not either
    people = {
        n.start
        for n in counts
        if any(
            0 <= a.start - n.end <= 1
            and not a.data.get("weapon")
            and not cues.installation.match(folded, a.start)
            and a.ref != HOMES_ACTOR  # «یک محله مسکونی»: a count of homes counts no one
            for a in actors or []
        )
    }
    # «هیچ کس ... کشته یا زخمی نشده است»: a toll word inside a denial of any toll counts nothing
    denied = [(m.start(), m.end()) for m in cues.nobody_killed.finditer(sentence)] if "nobody_killed" in told else []
    # (a sentence with no word of a toll counts none)
    killed, killed_from = (
        _count_for(sentence, start, counts, cues.killed, people, cues.people_noun, cues.injured, denied)
        if "killed" in told
        else (None, [])
    )
    injured, injured_from = (
        _count_for(sentence, start, counts, cues.injured, people, cues.people_noun, cues.killed, denied)
        if "injured" in told
        else (None, [])
    )
    if killed is not None:
        # «سردار زاهدی و شش تن دیگر به شهادت رسیدند», «ابوباقر الساعدی، از فرماندهان ...، و دو همراهش
        # کشته شدند»: the person named before the count died with them
        named = [a for a in actors or [] if a.kind == "PERSON"]
        killed += sum(1 for n in killed_from if any(_PERSON_AND.fullmatch(folded, a.end, n.start) for a in named))
    for took in _TOOK_LIVES.finditer(sentence):
        # «جان سه کودک را گرفت»: the count stands inside the phrase, between «جان» and its verb
        inside = [n for n in counts if took.start() + start <= n.start and n.end <= took.end() + start and n not in killed_from]
        if inside and (value := _value(inside[0])) is not None:
            killed = (killed or 0) + value
            killed_from.append(inside[0])
    if injured is None and _SINGULAR_INJURED.search(sentence):
        injured = 1  # «مأمور دیگری از ناحیه دست مجروح شد»: one person, named by a singular verb
    if killed in (None, 1) and _WITH_COMPANION.search(sentence):
        killed = 2  # «این سیاستمدار به همراه راننده‌اش جان باخت»: he and the one with him
    if killed is None and _SINGULAR.search(sentence):
        killed = 1  # «... هدف قرار گرفت و جان باخت»: one person, named by a singular verb
    if killed is None and "nobody_killed" in told and cues.nobody_killed.search(sentence):
        killed = 0
    parts = tuple(v for n in killed_from if (v := _value(n)) is not None)
    return Casualties(killed, injured, tuple(killed_from + injured_from), parts if len(parts) > 1 else ())


def _among_them(folded: str, number: Mention, numbers: list[Mention]) -> bool:
    """«۱۷ فلسطینی که شش کودک در میان آنها هستند»: a count in a relative clause right after another
    count tells a part of that one."""
    return any(
        0 < number.start - other.end <= _AMONG_REACH and _AMONG.fullmatch(folded, other.end, number.start) for other in numbers
    )


# «N X که M ...»: how far the relative «که» and the part's count may stand from the whole's count.
_AMONG_REACH = 25
_AMONG = re.compile(r"\s*\S+(?:\s+\S+)?\s+که\s+")


def _quoted(folded: str, sentence_start: int, number: Mention) -> bool:
    """The number is inside a quoted name («یاسین ۱۰۵»), not a quoted sentence («ده‌ها تروریست را از پای
    درآورده‌اند»), which tells a toll as well as any."""
    opened = folded.rfind("«", sentence_start, number.start)
    if opened < 0 or folded.find("»", opened, number.start) >= 0:
        return False
    closed = folded.find("»", number.end)
    quote = folded[opened + 1 : closed if closed >= 0 else number.end + 40]
    return len(quote.split()) <= _NAME_WORDS


# A quote of at most this many words is a name.
_NAME_WORDS = 3


def _is_subcount(folded: str, sentence_start: int, number: Mention) -> bool:
    """«سه غیرنظامی از جمله یک زن», «هفت نفر، شامل شش مأمور»: a part of a count already given."""
    clause_start = max(folded.rfind("،", sentence_start, number.start), sentence_start, number.start - _SUBCOUNT_REACH)
    return bool(_SUBCOUNT.search(folded[clause_start : number.start]))


def _count_for(
    sentence: str,
    offset: int,
    numbers: list[Mention],
    words: re.Pattern[str],
    of_people: set[int],
    people_noun: re.Pattern[str],
    other_words: re.Pattern[str],
    denied: list[tuple[int, int]] | None = None,
) -> tuple[int | None, list[Mention]]:
    """The toll told by `words` (the killed or the injured); a count before another toll's word
    («یک سرباز به شهادت رسیدند و مأمور دیگری مجروح شد») is that toll's, not this one's."""
    total: int | None = None
    used: set[int] = set()
    counted: list[Mention] = []
    for word in words.finditer(sentence):
        if any(a <= word.start() < b for a, b in denied or []):
            continue
        position = word.start() + offset
        best: Mention | None = None
        best_distance = 10**6
        for number in numbers:
            if number.start in used or _value(number) is None:
                continue
            people = number.start in of_people or bool(people_noun.match(sentence, number.end - offset))
            reach = _AFTER_PEOPLE if people else _AFTER
            if number.end <= position and position - number.end <= reach:
                if other_words.search(sentence, number.end - offset, word.start()):
                    continue
                distance = position - number.end
            elif (
                (
                    _NOMINAL.search(word.group())
                    or _PLURAL_AFTER.match(sentence, word.end())
                    # «شمار سربازان کشته‌شده به هشت نفر رسیده است»: the total follows
                    or _TOTAL_BEFORE.search(sentence, max(0, word.start() - _TOTAL_REACH), word.start())
                )
                and number.start >= word.end() + offset
                and number.start - (word.end() + offset) <= _BEFORE
            ):
                distance = number.start - (word.end() + offset) + 10
            else:
                continue
            if not people and not words.match(sentence, number.end - offset + 1):
                distance += _NOT_PEOPLE  # «یک محله», «دو خودرو»: a count of things, used only if nothing else is near
            if distance < best_distance:
                best, best_distance = number, distance
        if best is not None and best_distance >= _NOT_PEOPLE and total is not None:
            continue  # «... پنج سرباز جان باختند، اما یک مقام محلی گفت ...»: people counted already, «یک مقام» is none of them
        if best is not None:
            used.add(best.start)
            counted.append(best)
            previous = counted[-2] if len(counted) > 1 else None
            other_source = previous is not None and bool(
                _BUT.search(sentence, min(previous.end, best.start) - offset, max(previous.end, best.start) - offset)
            )
            parts = [_value(n) or 0 for n in counted[:-1]]
            if total is not None and other_source and len(parts) > 1 and min(parts) < (_value(best) or 0) < total:
                # «پنج سرباز جان باختند و هر پنج مهاجم کشته شدند، اما یک مقام محلی گفت شمار سربازان کشته‌شده
                # به هشت نفر رسیده است»: another source counts one part higher; the lower stands
                continue
            if total is not None and (other_source or _TOTAL_BEFORE.search(sentence, max(0, word.start() - _TOTAL_REACH), word.start())):
                # «... دو تن به شهادت رسیدند، اما منابع محلی گفتند شمار جان‌باختگان به سه نفر رسیده است»:
                # a total told again by another source, not more dead: the lower count stands («۱۱ کشته ...
                # اعلام کرد، اما اتاق اضطراری از کشته شدن دست‌کم ۱۹ نفر خبر داد»)
                total = min(total, _value(best) or 0)
                continue
            total = (total or 0) + (_value(best) or 0)
            for joined in _joined_counts(sentence, offset, numbers, best, used, of_people, people_noun):
                # «۱۲ فلسطینی و یک سرباز اسرائیلی کشته شدند»: counts joined by «و» add up
                used.add(joined.start)
                counted.append(joined)
                total += _value(joined) or 0
            continue
        one_of = [m for m in _ONE_OF.finditer(sentence[: word.start()]) if word.start() - m.end() <= _AFTER]
        if one_of:
            total = (total or 0) + 1
    return total, counted


# Between two joined counts: the first count's noun (a word or two, or «تن از نیروهای پلیس»), then «و».
_JOINED = re.compile(r"\s+\S+(?:\s+\S+)?(?:\s+از\s+\S+(?:\s+\S+)?)?\s+و\s+")
_TOLL_WORD = re.compile(r"کشته|زخمی|مجروح|جان|شهید|شهادت|هلاکت|مصدوم")


def _joined_counts(
    sentence: str,
    offset: int,
    numbers: list[Mention],
    last: Mention,
    used: set[int],
    of_people: set[int],
    people_noun: re.Pattern[str],
) -> list[Mention]:
    """The counts of people right before `last`, each joined to the next by «و»."""
    joined: list[Mention] = []
    current = last
    for number in sorted((n for n in numbers if n.end <= last.start), key=lambda n: -n.start):
        if number.start in used or _value(number) is None:
            continue
        people = number.start in of_people or bool(people_noun.match(sentence, number.end - offset))
        gap = sentence[number.end - offset : current.start - offset]
        if not people or not _JOINED.fullmatch(gap) or _TOLL_WORD.search(gap):
            break  # «پنج مسافر کشته و ۱۲ نفر زخمی»: two tolls, not one
        joined.append(number)
        current = number
    return joined
