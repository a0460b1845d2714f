"""Stage 4: events from triggers, with arguments, status and evidence (one frame per trigger).

Frames that tell the same event twice are merged later, in `resolve`, once places
and actors have canonical values.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from rasad.extract.arguments import (
    CLAUSE_BREAK,
    CLAUSE_MARKS,
    CLAUSE_VERB,
    COMMA_ASIDE,
    PASSIVE_AUXILIARIES,
    Arguments,
    claim_of_told_act,
    passive_verb,
    pick_arguments,
    verbal,
)
from rasad.extract.casualties import find_casualties
from rasad.extract.coreference import resolve_anaphors
from rasad.extract.cues import Cues, load_cues
from rasad.extract.triggers import TriggerFinder, TriggerHit
from rasad.knowledge.loader import KnowledgeBase
from rasad.knowledge.schema import Actor
from rasad.model import ARMED_KINDS, HOMES_ACTOR, Doc, Event, Mention, Span, country_of_ref
from rasad.normalize import fold
from rasad.recognize.lookup import word_start

# Types whose events do not happen when threatened, hypothetical, negated or denied.
FACTUAL_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE", "RETREAT", "MOBILIZE", "SANCTION", "AGREE"})
# Triggers whose ACLED sub-type the weapon decides.
WEAPON_REFINED = frozenset({"attack", "fire", "explosion", "destroy", "bombard", "casualty"})
# Event nouns whose genitive names the one who acts («حمله X»); for the others it names the victim («ترور X»).
GENITIVE_AGENT = frozenset({"attack", "bombard", "suicide", "clash", "fire", "deploy"})
# «حمله نکرد», «به درگیری‌ها اشاره‌ای نکردند» (a ZWNJ word folds into two)
_NEGATION_AFTER = re.compile(
    r"^\s*(?:\S+\s+){0,2}(?:ن(?:کرد|کردند|شد|شدند|داد|دادند|گرفت|گرفتند|رسید|کند|کنند|شود|شوند|کرده|شده))(?![\w])"
)
# The verb after the trigger that makes it passive or intransitive: its subject is what it was done to.
# The first verb of the clause after the trigger, when the trigger is joined to it by «و»:
# «بازداشت و به مکان نامعلومی منتقل شدند» is passive too.
_COORDINATED_PASSIVE = re.compile(r"^\s*و\s+(?:[^\s،؛:]+\s+){0,4}?(?:شد|شدند|شده اند|گردید|گردیدند)(?![\w])")
# A demonstrative ending a stretch of text: «به گفته این ».
_DEMONSTRATIVE_END = re.compile(word_start([(w, "") for w in ("این", "همین", "آن", "همان")]) + " $")
# Riot words that, as a verb («شورش کردند»), name a crowd's violence by themselves (not «به آتش کشید»,
# which may be arson).
_RIOT_NOUN = re.compile(r"(?:شورش|آشوب|اغتشاش)")
# Who makes a crowd of arsonists a riot.
_CROWD_KINDS = frozenset({"protesters", "rioters"})
# A digest item's label: a word or three, then a colon («روسیه و اوکراین: ...»).
_ITEM_LABEL = re.compile(r"\s*[^\s:،؛.]+(?: [^\s:،؛.]+){0,2} ?: ")
# Speech acts aimed at the doer of an event they name, and the events they can name.
_BLAMING = frozenset({"ACCUSE", "THREATEN"})
_BLAMED = frozenset({"ASSAULT", "SANCTION", "COERCE"})
# A present subjunctive light verb right after the trigger («محکوم کند», «متوقف شود»).
_SUBJUNCTIVE_AFTER = re.compile(
    r"\s*(?:کند|کنند|بکند|بکنند|نماید|نمایند|شود|شوند|گردد|دهد|دهند|بدهد|گیرد|گیرند|زند|زنند|رساند|رسانند)(?![\w])"
)
_RELATIVE = re.compile(word_start([("که", "")]) + r"(?![\w])")
_PASSIVE_AFTER = re.compile(rf"^\s*(?:قرار\s+)?(?:{PASSIVE_AUXILIARIES}|گرفت|گرفتند|گرفته)(?![\w])")
# An event noun with its genitive (a few words, no punctuation, no «که») and then «را».
_OBJECT_AFTER = re.compile(
    r"(?!\s+(?:با|به|از|در|علیه|میان|بین)\s)(?:\s+(?!(?:که|و|شد|شدند|کرد|کردند|است|بود|داد|دادند|گرفت|گرفتند|می)(?![\w]))[^\s،؛:.!?«»]+){0,6}?\s+را(?![\w])"
)
_INVOLVEMENT_BEFORE = re.compile(r"(?:دست داشتن|نقش داشتن|دخالت|مشارکت|نقش) (?:\S+ )?در\s*$")
_CLAIMING = frozenset({"armed-group", "militia", "rebel", "party", "coalition", "military"})
_ARRESTING = frozenset({"police", "security", "military", "border-guard", "government"})
_REPORTED_BY_DOER = {"COERCE": _ARRESTING, "SANCTION": frozenset({"government", "ministry", "igo", "legislature"})}
_CIVILIAN_KINDS = frozenset({"civilians", "protesters", "media"})


@dataclass
class Extractor:
    """Doc → Doc with `events` (frames, one per trigger) filled."""

    kb: KnowledgeBase
    normalize: Callable[[str], str]
    cues: Cues = field(default_factory=load_cues)

    def __post_init__(self) -> None:
        self.finder = TriggerFinder(list(self.kb.triggers.values()), self.normalize)
        self.country_names = {iso3: country.name for iso3, country in self.kb.countries.items()}
        # per trigger, the words after it that make it something else (triggers.yaml `not_after`)
        self.not_after = {
            t.id: re.compile(r"\s*(?:" + "|".join(re.escape(" ".join(fold(self.normalize(f)).split())) for f in t.not_after) + r")(?![\w])")
            for t in self.kb.triggers.values()
            if t.not_after
        }

    def __call__(self, doc: Doc) -> Doc:
        folded = fold(doc.text)
        doc = replace(doc, mentions=resolve_anaphors(folded, doc.mentions, self.kb.forces, self.country_names))
        events: list[Event] = []
        hits = self.finder.find(doc.text, folded)
        starts = [m.start for m in doc.mentions]
        ordered = starts == sorted(starts)
        story = 0  # «در رویدادی دیگر»: a new story starts; frames do not continue the one before
        for sentence in doc.sentences:
            label = self._item_label(folded, sentence.start)
            if self.cues.story_break.search(folded, sentence.start, min(sentence.end, sentence.start + 30)) or (
                label is not None and sentence.start > 0
            ):
                story += 1  # «در خبری دیگر ...», or a digest's item label («بنگلادش: ...», «تحریم: ...»)
            # a word its surroundings show to be no act neither makes a frame nor takes the arguments
            # around it from the others («پیش از انفجار ... کشف و خنثی شد»)
            bounds = (sentence.start, sentence.end)
            in_sentence = [
                h for h in hits if sentence.start <= h.start and h.end <= sentence.end and not self._not_an_act(folded, bounds, h)
            ]
            if not in_sentence:
                continue
            # the word lists the sentence holds a word of: the others' patterns are not searched in it
            told = self.cues.words.present(folded, sentence.start, sentence.end)
            # the sentence's mentions (a slice of the list when it is in text order, as the recognizer leaves it)
            window = (
                doc.mentions[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
                if ordered
                else doc.mentions
            )
            # names nested inside a composite («دمشق» in «مقامات دمشق») are not arguments of their own
            lead = doc.lead_source
            mentions = [
                m
                for m in window
                if sentence.start <= m.start
                and m.end <= sentence.end
                and not m.data.get("inside")
                # «به گزارش پایگاه خبری X»: the outlet of the lead tells the news, it takes no part in it
                and not (lead is not None and m.start < lead.end and lead.start < m.end)
            ]
            if label is not None:
                # «سومالی: انفجار یک خودروی ...»: a digest item's label names its subject, not a side
                mentions = [m for m in mentions if m.start >= label.end()]
                # «تحریم: وزارت خزانه‌داری ...»: nor is a label that is an act's word an act of its own
                in_sentence = [h for h in in_sentence if h.start >= label.end()]
            # (each word list is read only when what it rules out is there)
            if (
                "sports" in told
                and any(h.trigger.type == "ASSAULT" for h in in_sentence)
                and _distinct_words(self.cues.sports, folded, bounds) >= 2
            ):
                # «بازیکنان ... با حملات پی‌درپی دروازه حریف را زیر آتش گرفتند»: a match, not a fight
                in_sentence = [h for h in in_sentence if h.trigger.type != "ASSAULT"]
            if "pests" in told and in_sentence and _distinct_words(self.cues.pests, folded, bounds) >= 2:
                # «هجوم ملخ‌ها ... عملیات سم‌پاشی ... میلیون‌ها ملخ کشته شده‌اند»: pests and their control
                in_sentence = []
            if (
                "market" in told
                and any(h.trigger.type in ("ASSAULT", "AGREE") for h in in_sentence)
                and _distinct_words(self.cues.market, folded, bounds) >= 2
            ):
                # «حمله کم‌سابقه خریداران به نمادهای خودرویی ... شاخص کل»: trading, not fighting or a truce
                in_sentence = [h for h in in_sentence if h.trigger.type not in ("ASSAULT", "AGREE")]
            strong = [h for h in in_sentence if h.trigger.strength == "strong" and not _inside(h, mentions, False)]
            if not any(h.trigger.type == "ASSAULT" for h in strong):
                # «یک مهاجم انتحاری ... خودرویی مملو از مواد منفجره را ... کوبید»: with no attack word of its own,
                # the sentence's suicide bomber tells the act
                strong += [h for h in in_sentence if h.trigger.id == "suicide" and h not in strong and not _inside_mention(h, mentions)]
                strong.sort(key=lambda h: h.start)
            weak = [
                h
                for h in in_sentence
                if h.trigger.strength == "weak"
                and not _inside_mention(h, mentions)
                # «نمازگزارانی را که برای دعا گرد آمده بودند ...»: a crowd a relative clause tells of is no protest
                and not (h.trigger.type == "PROTEST" and _in_relative_clause(folded, sentence.start, h.start))
            ][:1]
            refers = {h.start: self._refers_back(folded, sentence.start, h, mentions, told) for h in strong + weak}
            chosen = strong or weak
            if strong and weak and not any(h.trigger.type == weak[0].trigger.type for h in strong):
                # «... دو عضو این گروه را کشته و سه تن دیگر را بازداشت کرده‌اند»: the deaths are an act of
                # their own when the sentence's strong words tell only acts of other types
                chosen = sorted(strong + weak, key=lambda h: h.start)
            if (
                strong
                and weak
                and all(refers[h.start] for h in strong)
                and all("؛" in folded[min(h.end, weak[0].end) : max(h.start, weak[0].start)] for h in strong)
            ):
                # «کویته بارها صحنه حملات بوده است؛ در ۹ نوامبر یک بمب‌گذار ... ۲۶ نفر را کشت»: the
                # strong words only recall other events; the casualty verb tells this one
                chosen = sorted(strong + weak, key=lambda h: h.start)
            # references («در پاسخ به حمله», «این حمله») do not claim the arguments around them
            # «محل استقرار نظامیان آمریکایی»: a word that is no act refers to none either
            no_act = {h.start for h in chosen if self._generic(folded, sentence.start, h, told)}
            referring = [h.start for h in chosen if refers[h.start] and h.start not in no_act]
            references = _conjoined(folded, chosen, referring)
            claim_end = claim_of_told_act(folded, sentence.start, sentence.end, self.cues) if "status.claimed" in told else None
            if claim_end is not None:
                # «مسئولیت این حمله را بر عهده گرفت و مدعی شد ۲۱۴ نفر را به گروگان گرفته است»: what the
                # claim goes on to tell is part of the act told already
                references += [h.start for h in chosen if h.start > claim_end and h.start not in references]
            # «در پاسخ به ترور X و حملات دشمن به Y»: the acts answered, joined by «و»
            answered = _conjoined(
                folded,
                chosen,
                [
                    h.start
                    for h in chosen
                    if "response_before" in told
                    and self.cues.response_before.search(folded[max(sentence.start, h.start - 20) : h.start])
                ],
            )
            generic = _conjoined(folded, chosen, sorted(no_act))
            positions = [h.start for h in chosen if h.start not in references]
            nearest_to_casualty = _nearest_assault(chosen)
            for hit in chosen:
                if hit.start in generic:
                    continue  # «حق اعتراض», «صحنه‌های بمباران و انفجار»: no act
                # what follows «در پاسخ به حمله …» up to this trigger describes that earlier event
                own = (
                    [m for m in mentions if not any(_describes(folded, r, m, hit.start) for r in references)]
                    if references
                    else list(mentions)
                )
                reference = hit.start in references
                if hit.start in answered:
                    # «در پاسخ به ترور X و حملات دشمن به Y، ...»: the act answered is told by its own clause
                    # only; the subject, date and place around it belong to the answer
                    clause_end = _clause(folded, (sentence.start, sentence.end), hit)[1]
                    # «در واکنش به این حملات اعلام کرد ...»: or up to the first verb after it
                    verb = CLAUSE_VERB.search(folded, hit.end, clause_end) or self.cues.reporting.search(folded, hit.end, clause_end)
                    clause_end = verb.start() if verb is not None else clause_end
                    own = [m for m in own if hit.start <= m.start and m.end <= clause_end]
                event = self._frame(doc, folded, (sentence.start, sentence.end), hit, own, positions, reference, told)
                if event is None:
                    continue
                event.coded["story"] = story
                # «در پاسخ به حمله به پایگاه ...، موشک‌انداز را منهدم کرد»: an answer is not where the act it answers was
                event.coded["answers"] = any(start != hit.start for start in answered)
                if event.location is None:
                    event.location = _place_told_before(doc, folded, sentence.start, sentence.end)
                    # a place of the sentence before: it tells where the story is, not this frame's own place
                    event.coded["place_told_before"] = event.location is not None
                if hit.trigger.id == "explosion" and event.actor1 is None and event.actor2 is not None and event.actor2.data.get("weapon"):
                    # «یک پهپاد اوکراینی ... منفجر شد»: the drone that blew up is the means of whose it is
                    event.actor1, event.actor2 = event.actor2, None
                if event.type == "ASSAULT" and event.actor2 is None:
                    event.actor2 = _died_in_it(folded, (sentence.start, sentence.end), hit, mentions, event.actor1)
                if hit is nearest_to_casualty and event.type == "ASSAULT":
                    # counted only for the frame that takes them (a sentence with no assault has none)
                    casualties = find_casualties(
                        folded,
                        sentence.start,
                        sentence.end,
                        [m for m in mentions if m.kind == "NUMBER"],
                        self.cues,
                        [m for m in mentions if m.kind in ("ACTOR", "PERSON")],
                        told,
                    )
                    event.fatalities = casualties.killed
                    event.injured = casualties.injured
                    if casualties.killed_parts:
                        event.coded["toll_parts"] = list(casualties.killed_parts)
                    # «و مدعی شد ۴۷ نظامی را کشته است»: a toll a party claims
                    event.coded["toll_claimed"] = (
                        (casualties.killed is not None or casualties.injured is not None)
                        and "status.alleged" in told
                        and bool(self.cues.status["alleged"].search(folded, sentence.start, sentence.end))
                    )
                    victims = _victims(casualties.counted, mentions)
                    if (
                        victims is not None
                        and event.actor1 is not None
                        and (victims.start, victims.end) == (event.actor1.start, event.actor1.end)
                        and self._people_counted(folded, casualties.counted, victims)
                    ):
                        # «دو عضو حشد شعبی در پی انفجار یک بمب ... کشته شدند»: the counted dead are whom it
                        # was done to, not who did it
                        event.actor1, event.actor2 = None, victims
                    if event.actor2 is None or event.actor2.ref == HOMES_ACTOR:
                        # the people killed, when the count names them, rather than the homes struck
                        event.actor2 = (
                            _victims(casualties.counted, mentions)
                            or self._unnamed_victims(folded, casualties.counted, event)
                            or event.actor2
                        )
                counted = self._counted_object(folded, sentence.start, hit, mentions)
                if counted is not None and not _counted_of(folded, counted, event.actor2):
                    # «۱۲ نفر را به ظن کمک به دولت وحدت ملی بازداشت کردند»: the counted are whom it was done
                    # to, not the side the charge names
                    event.actor2 = counted
                events.append(event)
        return replace(doc, events=_accused_as_doer(folded, _blame_the_doer(folded, events)))

    def _counted_object(self, folded: str, sentence_start: int, hit: TriggerHit, mentions: list[Mention]) -> Mention | None:
        """«سه مظنون مرتبط با این حمله را ... بازداشت کرد», «۳۰ تن ... بازداشت شدند», «از بازداشت پنج نفر خبر
        داد», «هفت نفر و دو شرکت ... را تحریم کرد»: the people (or firms) counted right before an arrest or
        sanction or right after its noun, with no side named, are its detainees or those it names."""
        counted = _COUNTED_OBJECTS.get(hit.trigger.type)
        actor = self.kb.actors.get(counted[0]) if counted is not None else None
        if counted is None or actor is None:
            return None
        nouns = counted[1]
        numbers = [m for m in mentions if m.kind == "NUMBER"]
        for number in numbers:
            noun = nouns.match(folded, number.end) if hit.end < number.start <= hit.end + 1 else None
            if noun is not None and noun.group().strip() != "عضو":  # «بازداشت ۶ عضو ... داعش»: members of the group named next
                return _described(actor, number.start, noun.end())
        for number in sorted((m for m in numbers if m.end <= hit.start), key=lambda m: -m.start):
            noun = nouns.match(folded, number.end)
            if number.start < sentence_start or noun is None:
                continue
            near = hit.start - noun.end() <= _COUNTED_REACH and not CLAUSE_BREAK.search(folded, noun.end(), hit.start)
            if near or _object_before(folded, noun.end(), hit.start):
                return _described(actor, number.start, noun.end())
            # (a count inside an aside on an earlier one: «۹ فلسطینی، از جمله سه نوجوان، را»)
        return None

    def _people_counted(self, folded: str, counted: tuple[Mention, ...], group: Mention) -> bool:
        """«دو عضو حشد شعبی», «سه سرباز ارتش»: a count of people of the group, not «یک پهپاد اسرائیلی»."""
        return any(
            (noun := self.cues.people_noun.match(folded, number.end)) is not None and 0 <= group.start - noun.end() <= 1
            for number in counted
        )

    def _unnamed_victims(self, folded: str, counted: tuple[Mention, ...], event: Event) -> Mention | None:
        """«سه نفر کشته شدند» in an attack by an armed side: people with no side named are civilians
        (ACLED's «Civilians»), told by the count itself."""
        agent = event.actor1
        civilians = self.kb.actors.get("civilians")
        if agent is None or civilians is None or agent.data.get("kind") not in ARMED_KINDS:
            return None
        for number in counted:
            noun = self.cues.civilian_noun.match(folded, number.end)
            if noun is not None:
                return _described(civilians, number.start, noun.end())
        return None

    def _item_label(self, folded: str, start: int) -> re.Match[str] | None:
        """«بنگلادش: ...», «تحریم: ...»: a digest item's label (not «وی افزود: ...», a quote's speaker)."""
        label = _ITEM_LABEL.match(folded, start)
        if label is None:
            return None
        said = self.cues.reporting.search(folded, start, label.end())
        return None if said is not None else label

    def _not_an_act(self, folded: str, sentence: tuple[int, int], hit: TriggerHit) -> bool:
        """What the trigger word's surroundings alone show to be no act."""
        trigger = hit.trigger
        not_after = self.not_after.get(trigger.id)
        if not_after is not None and not_after.match(folded, hit.end):
            return True  # «تجمع نظامیان ارتش»: troops massed, not a protest
        if self.cues.figurative_after.search(folded[hit.end : hit.end + 16]):
            return True  # «انفجار قیمت‌ها», «حمله قلبی»
        if folded[hit.start : hit.end] in self.cues.other_words:
            return True  # «کشتی»: a ship, not «کشت» with an ending
        if trigger.type in FACTUAL_TYPES and _in_short_quote(folded, sentence, hit):
            return True  # «فیلم «آخرین شلیک»», «آتش‌بس» in quotes: a title or a figure of speech, not an act
        if trigger.id in ("explosion", "destroy") and _NOT_DETONATED.search(folded, max(sentence[0], hit.start - 25), hit.start):
            return True  # «پیش از انفجار ... خنثی شد», «کارشناسان تخریب سپاه»: no blast, or a bomb squad's name
        # «در بازداشت درگذشت»: in custody, a state, not an arrest
        return trigger.id == "arrest" and folded[max(sentence[0], hit.start - 3) : hit.start] == "در "

    def _frame(
        self,
        doc: Doc,
        folded: str,
        sentence: tuple[int, int],
        hit: TriggerHit,
        mentions: list[Mention],
        positions: list[int],
        reference: bool,
        told: frozenset[str],
    ) -> Event | None:
        """`told`: the word lists the sentence holds a word of (`CueWords.present`)."""
        trigger = hit.trigger  # (the caller has already left out words that are no act: `_not_an_act`)
        # a crowd named only as what was done to («چادرهای معترضان را به آتش کشیدند») is not the rioter
        if trigger.mode == "riot" and not _rioting_crowd(folded, mentions, hit) and not (
            _RIOT_NOUN.match(folded, hit.start) and (verbal(folded, hit.start, hit.end) or folded.endswith("دست به ", 0, hit.start))
        ):
            # «خودرو را به آتش کشید» with no crowd: fire, not a riot; «صدها مهاجر ... شورش کردند», «دست به
            # شورش زدند» is one by itself (not «گروه شورشی», «لیدرهای اغتشاش»)
            return None
        # what the trigger's own words tell rules the frame out before its arguments are sought
        clause = _clause(folded, sentence, hit)  # read once: the status, the voice and the plural ask
        status = self._status(folded, sentence, hit, clause, told)
        no_toll = (
            trigger.strength == "weak"
            and trigger.type == "ASSAULT"
            and "nobody_killed" in told
            and bool(self.cues.nobody_killed.search(folded, sentence[0], sentence[1]))
        )
        if no_toll and status == "negated":
            status = "reported"  # «در این حادثه هیچ‌کس کشته نشد»: a toll of none, for the event told before
        if trigger.type in FACTUAL_TYPES and status in ("hypothetical", "threatened", "negated", "denied"):
            return None
        if trigger.type == "ACCUSE" and "status.requested" in told and self._asked_for(folded, sentence[0], hit):
            return None  # «از شورای امنیت خواست این اقدام را محکوم کند»: asked for, not made
        others = [p for p in positions if p != hit.start]
        candidates = mentions
        speakers: set[tuple[int, int]] = set()
        if trigger.type in FACTUAL_TYPES:
            speakers = _speakers(folded, sentence, hit.start, mentions, self.cues, told)
            if trigger.type == "SANCTION":
                # «وزارت خزانه‌داری آمریکا اعلام کرد ... را تحریم کرده است»: who announces a sanction imposes
                # it; only those a report is attributed to stay out
                speakers = {(m.start, m.end) for m in mentions if m.kind == "SOURCE"} & speakers
            candidates = [m for m in mentions if (m.start, m.end) not in speakers]
        genitive_agent = trigger.id in GENITIVE_AGENT
        finite = folded[hit.start : hit.end].endswith(("د", "گرفت"))  # «تیراندازی کردند و ... کشته شدند»: its own verb
        passive = bool(_PASSIVE_AFTER.search(folded[hit.end : hit.end + 20])) or (
            not finite and bool(_COORDINATED_PASSIVE.match(folded[hit.end : hit.end + 60]))
        ) or (not finite and _clause_verb_passive(folded, clause, hit)) or _made_target(folded, sentence, hit)
        # «به گزارش یورونیوز، روسیه ... هدف قرار داد»: the clause starts after the lead's attribution
        lead = doc.lead_source
        body = (lead.end + 1, sentence[1]) if lead is not None and sentence[0] <= lead.end < hit.start else sentence
        args = pick_arguments(
            folded,
            body,
            (hit.start, hit.end),
            candidates,
            self.cues,
            told,
            others,
            trigger.type,
            genitive_agent,
            passive,
            about=trigger.mode == "crowd-control",
            reciprocal=trigger.id == "clash",
        )
        args = self._platform_first(args)
        target = args.actor2
        if (
            target is not None
            and target.ref is None
            and target.data.get("force")
            and self.cues.installation.match(folded, target.start)
            and not any(m.data.get("country") or country_of_ref(m.ref) for m in mentions if m is not target)
            # «مقر انتظامی راسک»: a post named by its town is that town's country's
            and not any(m.kind == "PLACE" and 0 <= m.start - target.end <= 25 for m in mentions)
        ):
            # «مواضع», «یک پاسگاه» with no owner and no country named in the sentence: whose, is not told
            args = replace(args, actor2=None)
        if trigger.type == "REJECT" and args.actor2 is None and "reporting" in told:
            args = replace(args, actor2=_who_said_it(folded, sentence, hit.start, mentions, args.actor1, self.cues))
        if trigger.type == "PROTEST":
            args = _crowd_first(args, candidates)
        elif trigger.type == "ASSAULT":
            args = _crowd_target(folded, args, candidates)
        if args.actor1 is None and trigger.type in _REPORTED_BY_DOER:
            # «به گفته پلیس، سه مظنون بازداشت شدند», «وزیر امنیت عمومی کانادا اعلام کرد سپاه به فهرست
            # تروریستی افزوده شد»: the force or government that reports an arrest or a listing made it
            doers = _REPORTED_BY_DOER[trigger.type]
            reporter = next(
                (
                    m
                    for m in mentions
                    if m.data.get("kind") in doers
                    and (
                        (m.start, m.end) in speakers
                        or "reporting" in told and m.end <= hit.start and self.cues.reporting.search(folded, m.end, hit.start)
                    )
                ),
                None,
            )
            args = replace(args, actor1=reporter)
        if status == "claimed" and args.actor1 is None:
            # «گروه جیش العدل در بیانیه‌ای مسئولیت این حمله را بر عهده گرفت»: who claims it, did it
            claimant = next(
                (m for m in mentions if m.kind == "ACTOR" and m.end <= hit.start and m.data.get("kind") in _CLAIMING), None
            )
            if claimant is None:
                # «حمله انتحاری به کاروان چینی‌ها؛ ارتش آزادی‌بخش بلوچ مسئولیت را پذیرفت»: the claim follows the act
                claim = self.cues.status["claimed"].search(folded, hit.end, sentence[1]) if "status.claimed" in told else None
                claimant = next(
                    (
                        m
                        for m in reversed(mentions)
                        if claim is not None
                        and m.kind == "ACTOR"
                        and hit.end <= m.start
                        and m.end <= claim.start()
                        and m.data.get("kind") in _CLAIMING
                    ),
                    None,
                )
            target = None if claimant is not None and args.actor2 is claimant else args.actor2
            args = replace(args, actor1=claimant, actor2=target)
        # «این حمله», or the event as the object of another verb («بازداشت خبرنگاران را محکوم کرد»):
        # an event told already, whose date and weapon in this sentence are not its own
        anaphoric = self._anaphoric(folded, sentence[0], hit) or (
            not hit.indefinite and _object_of_verb(folded, hit, mentions, undated=True)
        )
        if _INVOLVEMENT_BEFORE.search(folded[max(sentence[0], hit.start - 25) : hit.start]):
            # «هرگونه نقش در حمله ... را تکذیب کرد»: whoever denies a role is not its agent, and the
            # attack is one told before unless its own date follows it («حمله پهپادی یکشنبه گذشته به ...»)
            args = replace(args, actor1=None)
            own_date = any(m.kind == "DATE" and hit.end <= m.start < sentence[1] for m in mentions)
            anaphoric = anaphoric or not own_date
        if args.weapon is not None and self.cues.anaphora_before.search(folded[max(sentence[0], args.weapon.start - 6) : args.weapon.start]):
            # «این گلوله‌ها از مواضع حوثی‌ها شلیک شد»: the weapon told before, so the act told before
            anaphoric = reference = True
        if anaphoric:
            # «این حمله»: the event was told before; its weapon belongs to that telling
            args = replace(args, weapon=None, quantity=None)
        mode, acled, acled_default = self._coding(hit, args.weapon, args.actor2)
        plural = (
            hit.plural
            or bool(self.cues.plural_before.search(folded[max(sentence[0], hit.start - 12) : hit.start]))
            or (
                trigger.strength == "weak"
                and "cumulative" in told
                and bool(self.cues.cumulative.search(folded[sentence[0] : sentence[1]]))
            )
            # «سالانه ده‌ها نفر ... جان می‌دهند»: a habit told before the trigger's clause ends
            or "habitual" in told and bool(self.cues.habitual.search(folded, sentence[0], clause[1]))
            # «از زمان بازگشت طالبان ده‌ها خبرنگار بازداشت شده‌اند»: a tally since a time, not one event
            or "cumulative" in told and bool(self.cues.cumulative.search(folded, clause[0], hit.start))
        )
        sources = [m for m in mentions if m.kind == "SOURCE"] or [m for m in mentions if m.kind == "OUTLET"]
        event = Event(
            type=trigger.type,
            mode=mode,
            acled=acled,
            trigger=Mention("TRIGGER", hit.start, hit.end, trigger.id, {"plural": plural}),
            actor1=args.actor1,
            actor2=args.actor2,
            location=args.location,
            origin=args.origin,
            other_places=args.other_places,
            location_within=args.location_within,
            date=args.date,
            weapon=args.weapon,
            quantity=args.quantity,
            status=status,
            sources=sources,
            evidence=[Span(*sentence)],
            plural=plural,
            coded={
                "reference": reference,
                "anaphoric": anaphoric,
                "response": "response_before" in told
                and bool(self.cues.response_before.search(folded[max(sentence[0], hit.start - 20) : hit.start])),
                "trigger_id": trigger.id,
                "acled_default": acled_default,
                # the trigger alone decides the ACLED type («بازداشت», «کشف و ضبط»): no weapon refines it
                "acled_fixed": trigger.id not in WEAPON_REFINED,
                "weak": trigger.strength == "weak",
                # «فرماندهان مرزی دو طرف بر سر آتش‌بس به توافق رسیدند»: parties there are, though unnamed
                "two_sides": "two_sides" in told and bool(self.cues.two_sides.search(folded, sentence[0], sentence[1])),
                # «هیچ‌یک از خدمه آسیبی ندیدند»: only tells an event told before that no one was hurt
                "no_toll": no_toll,
                # «سه تروریست نیز به هلاکت رسیدند»: more victims of the same event, to be added
                "also": " نیز " in folded[sentence[0] : sentence[1]],
                # «در اودسا نیز ...»: a place «also» struck, not a source that «also» reports
                "also_place": any(m.kind == "PLACE" and folded.startswith(" نیز ", m.end) for m in mentions),
                # «دو روز بعد», «شامگاه همان روز»: a day counted from the act told before
                "days_after": _days_after(folded, (sentence[0], sentence[1]), (hit.start, hit.end), mentions)
                if args.date is None
                else None,
                # «به توافق رسیدند», «حمله کردند»: told by a verb, not a bare noun («آتش‌بس شکننده»)
                "verbal": verbal(folded, hit.start, hit.end) or bool(_REACHED.match(folded, hit.end + 1)),
            },
        )
        return event

    def _platform_first(self, args: Arguments) -> Arguments:
        """«پهپاد اسرائیلی دو موشک شلیک کرد»: a drone or a jet that fires a missile makes an air
        strike; the aircraft named in the agent decides the mode, the missiles stay the quantity."""
        agent, weapon = args.actor1, args.weapon
        platform = str(agent.data.get("weapon")) if agent is not None and agent.data.get("weapon") else None
        if agent is None or platform is None or weapon is None or weapon.ref == platform:
            return args
        if not self._aerial(platform) or self._aerial(weapon.ref):
            return args
        end = int(agent.data.get("weapon_end", agent.end))
        return replace(args, weapon=Mention("WEAPON", agent.start, end, platform))

    def _aerial(self, weapon_id: str | None) -> bool:
        known = self.kb.weapons.get(weapon_id or "")
        return known is not None and known.acled_sub == "Air/drone strike"

    def _asked_for(self, folded: str, sentence_start: int, hit: TriggerHit) -> bool:
        """A verb of asking before the act, whose light verb is then subjunctive («خواست ... محکوم کند»)."""
        return bool(_SUBJUNCTIVE_AFTER.match(folded, hit.end) and self.cues.status["requested"].search(folded, sentence_start, hit.start))

    def _generic(self, folded: str, sentence_start: int, hit: TriggerHit, told: frozenset[str]) -> bool:
        """«حق اعتراض مسالمت‌آمیز», «صحنه‌های بمباران»: a right or a depiction, not an act."""
        before = folded[max(sentence_start, hit.start - 16) : hit.start]
        return "generic_before" in told and bool(self.cues.generic_before.search(before))

    def _anaphoric(self, folded: str, sentence_start: int, hit: TriggerHit) -> bool:
        """«این حمله»: a determiner points back to an event already told."""
        if hit.indefinite and not hit.plural or verbal(folded, hit.start, hit.end) and not folded.startswith("را ", hit.start):
            return False  # «با سرنشینان مسلح آن درگیر شدند»: before a verb «آن» ends a noun phrase, it points to no event
        return bool(self.cues.anaphora_before.search(folded[max(sentence_start, hit.start - 8) : hit.start]))

    def _refers_back(
        self, folded: str, sentence_start: int, hit: TriggerHit, mentions: list[Mention], told: frozenset[str]
    ) -> bool:
        """«در پاسخ به حمله», «این حمله»: the trigger names an event told elsewhere."""
        if hit.indefinite and not hit.plural:
            return False
        before = folded[max(sentence_start, hit.start - 20) : hit.start]
        if before.endswith("به صحنه "):
            return False  # «به صحنه اعتراض و درگیری تبدیل شد»: it became the scene of one, it happened
        if _object_of_verb(folded, hit, mentions):
            return True
        return "reference_before" in told and bool(self.cues.reference_before.search(before)) or self._anaphoric(
            folded, sentence_start, hit
        )

    def _status(
        self, folded: str, sentence: tuple[int, int], hit: TriggerHit, bounds: tuple[int, int], told: frozenset[str]
    ) -> str:
        """`bounds`: the trigger's clause (`_clause`); `told`: the word lists the sentence holds a word of."""
        start, end = sentence
        clause_start, clause_end = bounds
        status = self.cues.status
        if _INVOLVEMENT_BEFORE.search(folded[max(start, hit.start - 25) : hit.start]):
            # «هرگونه دست داشتن در حمله ... را رد کرد»: the involvement is denied, the attack happened
            return "reported"
        if _NEGATION_AFTER.search(folded[hit.end : hit.end + 25]):
            return "negated"
        if "negation_before" in told and self.cues.negation_before.search(folded[max(start, hit.start - 8) : hit.start]):
            return "negated"
        if "status.hypothetical" in told and (
            status["hypothetical"].search(folded[clause_start : hit.start])
            or status["hypothetical"].search(folded[max(start, hit.start - 40) : hit.start])
        ):
            return "hypothetical"
        if "intended_before" in told and self.cues.intended_before.search(folded[max(start, hit.start - 20) : hit.start]):
            return "hypothetical"  # «قصد ایجاد اغتشاش داشتند»: intended, not done
        if "status.future" in told and status["future"].search(folded[clause_start:clause_end]):
            return "threatened"
        if "status.denied" in told and status["denied"].search(folded[start:end]):
            return "denied"
        if "status.claimed" in told and status["claimed"].search(folded[start:end]):
            return "claimed"
        if "status.alleged" in told and status["alleged"].search(folded[clause_start:clause_end]):
            return "alleged"
        return "reported"

    def _coding(
        self, hit: TriggerHit, weapon: Mention | None, target: Mention | None
    ) -> tuple[str | None, tuple[str, str] | None, bool]:
        """PLOVER mode and ACLED types; the flag says the ACLED type is a default that resolve may refine."""
        trigger = hit.trigger
        mode = trigger.mode
        acled = trigger.acled
        known = self.kb.weapons.get(weapon.ref) if weapon is not None and weapon.ref else None
        if trigger.id in WEAPON_REFINED:
            if known is not None and known.acled_sub:
                mode = known.mode or mode
                acled = ("Explosions/Remote violence", known.acled_sub)
            elif trigger.id in ("attack", "fire", "casualty"):
                civilians = target is not None and target.data.get("kind") in _CIVILIAN_KINDS
                acled = ("Violence against civilians", "Attack") if civilians else ("Battles", "Armed clash")
                mode = known.mode if known is not None else mode
                return mode, acled, True
        return mode, acled, False


# «به این اردوگاه», «در همین شهر»: a place told before, named again by its kind.
_PLACE_ANAPHOR = re.compile(word_start([(w, "") for w in ("این", "همین", "همان")]) + r" (?:اردوگاه|شهر|شهرک|روستا|منطقه|پایگاه|زندان|بندر|استان|ولایت|ولسوالی|کمپ|گذرگاه|پادگان|قرارگاه)(?![\w])")


def _place_told_before(doc: Doc, folded: str, start: int, end: int) -> Mention | None:
    """«در 5 ژوئن 2021 حمله پهپادی به این اردوگاه سه کشته برجا گذاشت»: the latest place (not a
    country) told before the sentence, when the sentence names its place by «این» and its kind."""
    if not _PLACE_ANAPHOR.search(folded, start, end):
        return None
    before = [m for m in doc.mentions if m.kind == "PLACE" and m.end <= start and not (m.ref or "").startswith("country:")]
    return before[-1] if before else None


def _in_relative_clause(folded: str, sentence_start: int, position: int) -> bool:
    """The last «که» before `position` in its sentence opens a clause no verb has closed yet."""
    opener = folded.rfind(" که ", sentence_start, position)
    return opener >= 0 and not CLAUSE_VERB.search(folded, opener + 4, position)


def _who_said_it(
    folded: str, sentence: tuple[int, int], trigger_start: int, mentions: list[Mention], denier: Mention | None, cues: Cues
) -> Mention | None:
    """«وزارت خارجه پاکستان اعلام کرد که مهاجمان از خاک افغانستان وارد شده بودند؛ مجاهد این اتهام را رد
    کرد»: a denial with no target of its own answers whoever said, earlier in its sentence, what it denies
    — the first side named before a reporting verb that comes before the denial."""
    reported = cues.reporting.search(folded, sentence[0], trigger_start)
    if reported is None:
        return None
    return next(
        (
            m
            for m in mentions
            if m.kind in ("ACTOR", "PERSON", "OUTLET")
            and m.end <= reported.start()
            and m is not denier
            and (denier is None or m.ref is None or m.ref != denier.ref)
        ),
        None,
    )


def _speakers(
    folded: str, sentence: tuple[int, int], trigger_start: int, mentions: list[Mention], cues: Cues, told: frozenset[str]
) -> set[tuple[int, int]]:
    """Who tells the news rather than does it: attributed sources, and the first named actor of a
    sentence whose reporting verb comes after the trigger («یک منبع امنیتی ... از شلیک موشک خبر داد»)."""
    sources = [m for m in mentions if m.kind == "SOURCE"]
    spans = {(m.start, m.end) for m in sources}
    named = [m for m in mentions if m.kind in ("ACTOR", "PERSON", "OUTLET")]
    overlapping = {(m.start, m.end) for m in named for s in sources if m.start < s.end and s.start < m.end}
    spans |= overlapping
    # «به گزارش خبرنگار شرق», «به گفته پلیس ...»: whoever a report is attributed to tells it
    # («به گفته این مقام قضایی»: a demonstrative may stand between)
    if "attribution_before" in told:
        spans |= {
            (m.start, m.end)
            for m in named
            if cues.attribution_before.search(_DEMONSTRATIVE_END.sub("", folded[max(sentence[0], m.start - 22) : m.start]))
        }
    reporting = "reporting" in told  # (a sentence without a reporting verb has none to search for)
    reported = cues.reporting.search(folded, trigger_start, sentence[1]) if reporting else None
    # «توپخانه اسرائیل ... را گلوله‌باران کرد و منابع محلی از زخمی شدن ... خبر دادند»: a report with its own
    # teller after the act leaves the act's subject its agent
    own_teller = reported is not None and any(
        m.kind in ("ACTOR", "OUTLET") and m.data.get("kind") in ("source", "media", "OUTLET") and trigger_start < m.start < reported.start()
        for m in mentions
    )
    if named and named[0].end <= trigger_start and reported is not None and not own_teller:
        spans.add((named[0].start, named[0].end))
        if named[0].kind == "PERSON" and folded[named[0].end : named[0].end + 2].strip().startswith("،"):
            # «عبدالعزیز المحمداوی، رئیس ستاد الحشد الشعبی، ...»: the office in apposition speaks too
            close = folded.find("،", named[0].end + 2, trigger_start)
            spans |= {(m.start, m.end) for m in named if close >= 0 and named[0].end <= m.start and m.end <= close}
    # «... به شهادت رسیدند و وزارت بهداشت از زخمی شدن ۷ نفر دیگر خبر داد»: a body that reports after
    # the act, in a clause of its own, tells it
    for index, mention in enumerate(named):
        if mention.start <= trigger_start or not reporting:
            continue
        limit = named[index + 1].start if index + 1 < len(named) else sentence[1]
        brk = CLAUSE_BREAK.search(folded, mention.end, limit)
        report = cues.reporting.search(folded, mention.end, brk.start() if brk else limit)
        if report is not None and folded[max(sentence[0], mention.start - 3) : mention.start].strip() in ("و", ""):
            spans.add((mention.start, mention.end))
    said = cues.reporting.search(folded, named[0].end if named else sentence[0], trigger_start) if reporting else None
    # «سخنگوی فرماندهی امنیه بلخ به پژواک گفت که ...»: the spokesman of a body speaks for it
    titled = bool(named) and folded[max(sentence[0], named[0].start - 8) : named[0].start].rstrip().endswith("سخنگوی")
    if named and (named[0].kind == "PERSON" or titled) and said is not None:
        # «خالد زدران، سخنگوی طالبان، تأیید کرد که ... کشته شدند»: the person and his office speak
        spans |= {(m.start, m.end) for m in named if m.end <= said.start()}
    elif named and said is not None and _new_subject(folded, said.end(), trigger_start, named, cues):
        # «وزارت بهداشت غزه اعلام کرد که یک پهپاد اسرائیلی ... را هدف گرفته است»: what is said has its own subject
        spans |= {(m.start, m.end) for m in named if m.end <= said.start()}
    return spans


def _new_subject(folded: str, said_end: int, trigger_start: int, named: list[Mention], cues: Cues) -> bool:
    """After «اعلام کرد که» (or «اعلام کرد» alone), an actor within a few words, not marked by «را» or a
    preposition, opens the clause of what is said as its subject."""
    subject = next((m for m in named if said_end <= m.start < trigger_start), None)
    if subject is None:
        return False
    lead_text = folded[said_end : subject.start]
    # «... می‌گویند شماری از افراد مسلح ...»: a part of a group is still the subject
    partitive = cues.partitive_before.search(lead_text)
    lead = (lead_text[: partitive.start()] if partitive else lead_text).split()
    # «... می‌گویند مهاجمان ...»: «که» may be left out, the subject then follows the verb at once
    if lead and (lead[0] != "که" or len(lead) > 3 or any(w in ("به", "از", "در", "با", "علیه", "بر") for w in lead)):
        return False
    return not folded[subject.end : subject.end + 4].strip().startswith("را")


def _describes(folded: str, reference: int, mention: Mention, trigger_start: int) -> bool:
    """«در پاسخ به حمله X به Y، ...»: the mention stands between the reference and this trigger, in the
    reference's own clause (a comma closes it: «در یکی از این حملات، یک مهاجم ... منفجر کرد»)."""
    if not (reference < mention.start and mention.end <= trigger_start):
        return False
    if _RA.search(folded, reference, mention.start):
        return False  # «سه مظنون مرتبط با این حمله را در حومه پیشاور بازداشت کرد»: «را» closes the reference's phrase
    return CLAUSE_BREAK.search(folded, reference, mention.start) is None


_RA = re.compile(word_start([("را", "")]) + r"(?![\w])")


def _object_of_verb(folded: str, hit: TriggerHit, mentions: list[Mention], undated: bool = False) -> bool:
    """«تحصن را پراکنده کردند», «بازداشت خبرنگاران در هرات را محکوم کرد»: the event is the object of
    another act — unless a weapon follows it, whose target the «را» marks («با شلیک گاز اشک‌آور
    معترضان را پراکنده کردند»). With `undated`, an object that names its own date («حمله پهپادی
    یکشنبه گذشته به میدان کورمور را رد کرد») does not count: it is an event told here first."""
    found = _OBJECT_AFTER.match(folded, hit.end)
    if found is None:
        return False
    inside = [m for m in mentions if hit.end <= m.start < found.end()]
    if any(m.kind == "WEAPON" for m in inside):
        return False
    return not (undated and any(m.kind == "DATE" for m in inside))


def _crowd_first(args: Arguments, mentions: list[Mention]) -> Arguments:
    """A protest is the crowd's act: the protesters named in the sentence are its actor1, and the
    force that met them («ماموران ... چهار تن از آنان را بازداشت کردند») the other side."""
    if args.actor1 is not None and args.actor1.data.get("kind") == "protesters":
        return args
    crowd = next((m for m in mentions if m.kind == "ACTOR" and m.data.get("kind") == "protesters"), None)
    if crowd is None:
        # «ده‌ها معلم ... مقابل مجلس تجمع کردند»: teachers, workers, retirees are the crowd of their protest
        crowd = next((m for m in mentions if m.kind == "ACTOR" and m.data.get("kind") == "civilians" and m.ref), None)
        if crowd is None or args.actor1 is crowd:
            return args
    other = args.actor1 if args.actor1 is not None and args.actor1.data.get("kind") in _ARRESTING else args.actor2
    return replace(args, actor1=crowd, actor2=other if other is not crowd else None)


def _crowd_target(folded: str, args: Arguments, mentions: list[Mention]) -> Arguments:
    """«به سوی نمازگزاران و معترضان آتش گشودند»: of targets joined by «و», the protesters name the event."""
    target = args.actor2
    if target is None or target.data.get("kind") == "protesters":
        return args
    joined = next(
        (
            m
            for m in mentions
            if m.kind == "ACTOR" and m.data.get("kind") == "protesters" and folded[target.end : m.start].strip() == "و"
        ),
        None,
    )
    return replace(args, actor2=joined) if joined is not None else args


def _blame_the_doer(folded: str, events: list[Event]) -> list[Event]:
    """«این حملات را محکوم کرد», «تحریم‌ها را غیرقانونی خواند»: a condemnation or threat whose object
    is an event is aimed at whoever did it — named with it, or found when the resolver has joined
    that event to its first telling (`coded["object_event"]`, the object's trigger position)."""
    result: list[Event] = []
    for event in events:
        told = _object_event(folded, event, result) if event.type in _BLAMING and event.actor2 is None else None
        if told is not None:
            doer = told.actor1
            if doer is None:
                event.coded["object_event"] = told.trigger.start
            elif event.actor1 is None or doer.ref != event.actor1.ref:
                event = replace(event, actor2=doer)
        result.append(event)
    return result


def _accused_as_doer(folded: str, events: list[Event]) -> list[Event]:
    """«ترکیه را مسئول حمله پهپادی به فرودگاه دانستند», «طالبان را به دست داشتن در انفجار متهم کرد»:
    an attack named inside an accusation, after the accused, is alleged to be the accused's."""
    accusations = [e for e in events if e.type == "ACCUSE" and e.actor2 is not None and e.actor2.data.get("kind") != "civilians"]
    result: list[Event] = []
    for event in events:
        if event.type == "ASSAULT":
            accusation = next((a for a in accusations if _inside_accusation(folded, event, a)), None)
            if accusation is not None:
                event = replace(event, actor1=accusation.actor2, status="alleged")
        result.append(event)
    return result


def _inside_accusation(folded: str, event: Event, accusation: Event) -> bool:
    accused = accusation.actor2
    if accused is None or accusation.evidence[0] != event.evidence[0] or accused.end > event.trigger.start:
        return False
    if CLAUSE_BREAK.search(folded, accused.end, event.trigger.start):
        return False
    trigger = accusation.trigger
    # the attack lies between the accused and the verb, or right after «را مسئول»
    between = folded[trigger.end : event.trigger.start]
    return event.trigger.end <= trigger.end or (
        trigger.start < event.trigger.start and len(between) <= 25 and not CLAUSE_BREAK.search(between) and not _RELATIVE.search(between)
    )


def _object_event(folded: str, event: Event, earlier: list[Event]) -> Event | None:
    sentence = event.evidence[0]
    objects = [
        e
        for e in earlier
        if e.evidence[0] == sentence
        and e.trigger.end <= event.trigger.start
        and e.type in _BLAMED
        and " را " in folded[e.trigger.end : event.trigger.start + 3]
    ]
    return objects[-1] if objects else None


def _days_after(folded: str, sentence: tuple[int, int], trigger: tuple[int, int], mentions: list[Mention]) -> int | None:
    """«دو روز بعد جنگنده‌ها ... بمباران کردند» (2), «روز بعد» (1), «شامگاه همان روز», «ساعاتی بعد» (0):
    the days between the act told before and this one, when the clause counts them (the count is the
    NUMBER the recognizer found right before «روز بعد»). «همان روز» may also follow the act's noun in its
    clause («به گلوله‌باران شهر خرسون در بامداد همان روز متهم کردند»)."""
    sentence_start, trigger_start = sentence[0], trigger[0]
    found = _DAYS_AFTER.search(folded, sentence_start, trigger_start)
    if found is None:
        clause_end = CLAUSE_BREAK.search(folded, trigger[1], sentence[1])
        if _SAME_DAY_AFTER.search(folded, trigger[1], clause_end.start() if clause_end else sentence[1]):
            return 0
    before = _DAYS_BEFORE.search(folded, sentence_start, trigger_start)
    if before is not None and (found is None or before.start() < found.start()):
        # «یک روز پیش از آن، گلوله‌های توپخانه ... فرود آمد»: the day before the act told before
        count = _count_right_before(folded, mentions, before.start())
        days = _days_in_story(count.data.get("value") if count is not None else 1)
        return -days if days is not None else None
    if found is None:
        return None
    if found.group() in _SAME_DAY:
        return 0
    count = _count_right_before(folded, mentions, found.start())
    if count is None:
        return 1 if found.group() in _NEXT_DAY else None
    return _days_in_story(count.data.get("value"))


def _count_right_before(folded: str, mentions: list[Mention], position: int) -> Mention | None:
    """The NUMBER the recognizer found right before `position` («دو» of «دو روز بعد»)."""
    return next((m for m in mentions if m.kind == "NUMBER" and folded[m.end : position].strip() == ""), None)


def _days_in_story(value: object) -> int | None:
    """A count of days that still tells a day of the same story."""
    return int(value) if isinstance(value, int | float) and 0 < value <= _MAX_DAYS_AFTER else None


# «N روز بعد» beyond this is no day of the same story.
_MAX_DAYS_AFTER = 7
_NEXT_DAY = ("روز بعد", "فردای ان روز", "فردای همان روز")
_THAT_DAY_WORDS = ("همان روز", "همان شب")
_SAME_DAY = (*_THAT_DAY_WORDS, "ساعاتی بعد", "ساعتی بعد", "چند ساعت بعد", "دقایقی بعد")
_DAYS_AFTER = re.compile(word_start([(w, "") for w in (*_NEXT_DAY, *_SAME_DAY)]) + r"(?![\w])")
# After the act's noun, in its clause: «در بامداد همان روز».
_SAME_DAY_AFTER = re.compile(word_start([(w, "") for w in _THAT_DAY_WORDS]) + r"(?![\w])")
# «به توافق رسیدند»: the verb that makes an agreement noun an act.
_REACHED = re.compile(r"(?:رسید|رسیدند|رسیده|می رسند|رسیدیم)(?![\w])")
# «یک روز پیش از آن», «دو روز قبل از این»: days counted back from the act told before.
_DAYS_BEFORE = re.compile(
    word_start([(w, "") for w in ("روز پیش از ان", "روز قبل از ان", "روز پیش از این", "روز قبل از این", "شب پیش از ان", "شب قبل از ان")])
    + r"(?![\w])"
)


def _made_target(folded: str, sentence: tuple[int, int], hit: TriggerHit) -> bool:
    """«X هدف تیراندازی افراد ناشناس قرار گرفت», «مورد حمله فردی با سلاح سرد قرار گرفت»: the event noun
    inside «هدف/مورد ... قرار گرفت» makes the clause's subject what it was done to."""
    # (the trigger may hold the noun itself: «مورد حمله»)
    if not folded.endswith(("هدف ", "مورد "), sentence[0], hit.start) and not folded.startswith(("هدف ", "مورد "), hit.start):
        return False
    return bool(_MADE_TARGET_VERB.match(folded, hit.end, min(sentence[1], hit.end + 60)))


# What may follow the event noun of «هدف ... قرار گرفت»: its agent (a few words, no clause break), then the verb.
_MADE_TARGET_VERB = re.compile(r"(?:\s+[^\s،؛:.]+){0,5}?\s+قرار\s+(?:گرفت|گرفتند|گرفته)(?![\w])")


def _clause_verb_passive(folded: str, clause: tuple[int, int], hit: TriggerHit) -> bool:
    """The event noun's clause (`_clause`) ends in a passive verb: its subject before the noun is what it was done to."""
    end = clause[1]
    relative = _RELATIVE.search(folded, hit.end, end)  # «... هدف گرفت که راننده آن زخمی شد»: another clause
    verb = CLAUSE_VERB.search(folded, hit.end, relative.start() if relative else end)
    return verb is not None and passive_verb(verb) and verb.start() - hit.end <= 60


def _clause(folded: str, sentence: tuple[int, int], hit: TriggerHit) -> tuple[int, int]:
    """The clause of the sentence that holds the trigger: between the punctuation marks around it."""
    start, end = sentence
    last = max(folded.rfind(mark, start, hit.start) for mark in CLAUSE_MARKS)  # the last break before the trigger
    found = CLAUSE_BREAK.search(folded, hit.end, end)
    return last + 1 if last >= 0 else start, found.start() if found else end


def _conjoined(folded: str, hits: list[TriggerHit], marked: list[int]) -> list[int]:
    """«صحنه‌های بمباران پالایشگاه و انفجار مخازن»: an event noun joined by «و» to a marked one
    (a reference, a depiction), within a few words, is marked the same way."""
    result = list(marked)
    for previous, hit in zip(hits, hits[1:], strict=False):
        gap = folded[previous.end : hit.start]
        if previous.start in result and hit.start not in result and len(gap) <= 30 and gap.rstrip().endswith(" و"):
            result.append(hit.start)
    return result


# Right before a blast word: «پیش از انفجار» (it never went off), «کارشناسان تخریب» (the bomb squad).
_NOT_DETONATED = re.compile(r"(?:(?:پیش|قبل) از|کارشناسان|کارشناس|تیم|یگان|واحد)\s$")
# The most words a quoted name or figure may have («آخرین شلیک», «آتش‌بس»); a longer quote is speech.
_SHORT_QUOTE_WORDS = 4


def _in_short_quote(folded: str, sentence: tuple[int, int], hit: TriggerHit) -> bool:
    """The trigger stands inside «…» of a few words in all."""
    opened = folded.rfind("«", sentence[0], hit.start)
    if opened < 0 or folded.find("»", opened, hit.start) >= 0:
        return False
    closed = folded.find("»", hit.end, sentence[1])
    return closed >= 0 and len(folded[opened + 1 : closed].split()) <= _SHORT_QUOTE_WORDS


def _distinct_words(cue: re.Pattern[str], folded: str, sentence: tuple[int, int]) -> int:
    """How many different words of a cue list the sentence holds."""
    return len(set(cue.findall(folded, sentence[0], sentence[1])))


def _rioting_crowd(folded: str, mentions: list[Mention], hit: TriggerHit) -> bool:
    """A crowd is named, and not only as what was done to («چادرهای معترضان را به آتش کشیدند»)."""
    return any(m.data.get("kind") in _CROWD_KINDS and not _object_phrase(folded, m, hit.start) for m in mentions)


def _object_phrase(folded: str, mention: Mention, trigger_start: int) -> bool:
    """The mention ends the «را» object right before the verb («چادرهای معترضان را به آتش کشیدند»)."""
    return mention.end <= trigger_start and folded[mention.end : trigger_start].strip() == "را"


def _inside_mention(hit: TriggerHit, mentions: list[Mention]) -> bool:
    """A trigger word inside a name («حمله» in no name, but «آزادی» in «ارتش آزادی‌بخش»). A suicide
    attacker names the act he commits («یک مهاجم انتحاری ... خودرویی مملو از مواد منفجره را ... کوبید»)."""
    return _inside(hit, mentions, hit.trigger.id == "suicide")


def _inside(hit: TriggerHit, mentions: list[Mention], suicide: bool) -> bool:
    """`_inside_mention`; with `suicide`, a suicide bomber's word names the act («مهاجم انتحاری»)."""
    return any(
        m.start <= hit.start
        and hit.end <= m.end
        and (
            m.kind in ("PERSON", "PLACE", "OUTLET")
            or m.kind == "ACTOR" and not (suicide and m.data.get("generic"))
            # «موشک‌انداز»: a weapon's name; but «انفجار انتحاری» opens with the event it names
            # («پهپاد انتحاری» is a drone; «مهاجم انتحاری» a suicide bomber, whose word names the act)
            or m.kind == "WEAPON"
            and m.end - m.start > hit.end - hit.start
            and hit.start > m.start
            and not (suicide and m.ref == "suicide-bomber")
        )
        for m in mentions
    )


# The nouns that count people with no side.
# Who may be counted as detained («سه مظنون», «۱۱ نفر», «پنج تن از اعضای») or as named by a sanction
# («هفت فرد و هفت نهاد», «دو شرکت»), the actor they are coded as, and how far before the act they may be.
_COUNTED_OBJECTS = {
    "COERCE": (
        "prisoners",
        re.compile(
            r"\s*(?:نفر|تن|مظنون|متهم|فرد|عضو|شهروند|فعال|معترض|جوان|نوجوان|زن|مرد|کودک|کارگر|دانشجو|دانش آموز|خبرنگار|"
            r"روزنامه نگار|کشاورز|مهاجر|پناهجو|تبعه|فلسطینی|افغان|پاکستانی|ایرانی|عراقی|سوری|یمنی|لبنانی|کرد|بلوچ)(?![\w])"
        ),
    ),
    "SANCTION": ("sanctioned-parties", re.compile(r"\s*(?:نفر|تن|فرد|شخص|شرکت|نهاد|موسسه|بانک|نفتکش|کشتی)(?![\w])")),
}
_COUNTED_REACH = 90


def _described(actor: Actor, start: int, end: int) -> Mention:
    """A mention of a generic knowledge-base actor made from a description of people («سه مظنون», «هفت روستایی»)."""
    data = {"name": actor.name, "country": None, "kind": actor.kind, "inter": actor.inter, "generic": True}
    return Mention("ACTOR", start, end, actor.id, data)


def _counted_of(folded: str, counted: Mention, named: Mention | None) -> bool:
    """«سه نفر از اعضای داعش», «دو عضو گروهک جیش‌الظلم»: the side named right after the counted, inside
    their phrase, is whose they are — and the better name for them."""
    if named is None:
        return False
    if named.start < counted.end and counted.start < named.end:
        return True  # «سه فعال مدنی کرد»: the count inside a name of its own
    between = folded[counted.end : named.start]
    return 0 <= named.start - counted.end <= _COUNTED_OF_REACH and not CLAUSE_BREAK.search(between) and " را " not in between


_COUNTED_OF_REACH = 25


def _died_in_it(
    folded: str, sentence: tuple[int, int], hit: TriggerHit, mentions: list[Mention], agent: Mention | None
) -> Mention | None:
    """«وسام الطویل، از فرماندهان ارشد نیروی رضوان، ... در حمله پهپادی رژیم صهیونیستی ... به شهادت رسید»:
    the subject of a clause that says someone died or was wounded «in» the act is whom it was done to."""
    if not folded.endswith("در ", 0, hit.start):
        return None
    # (people and civilians only: armed men «killed in the clash» may be either side)
    people = [
        m
        for m in mentions
        if (m.kind == "PERSON" or m.kind == "ACTOR" and m.data.get("kind") == "civilians") and sentence[0] <= m.start and m.end <= hit.start
    ]
    # «شهادت سید حسن نصرالله و سردار عباس نیلفروشان در حمله هوایی»: the dead named by the death's noun
    dead = next((m for m in people if _DEATH_NOUN.search(folded, max(sentence[0], m.start - 12), m.start)), None)
    if dead is not None and not CLAUSE_BREAK.search(folded, dead.end, hit.start) and hit.start - dead.end <= _DEATH_REACH:
        return dead
    verb = _DIED_VERB.search(folded, hit.end, sentence[1])
    if verb is None or CLAUSE_BREAK.search(folded, hit.end, verb.start()):
        return None
    # (commas may close an aside on the subject: «وسام الطویل، از فرماندهان ...، در حمله ...»)
    clause_start = max((m.end() for m in _CLAUSE_OPENER.finditer(folded, sentence[0], hit.start)), default=sentence[0])
    subject = next((m for m in people if clause_start <= m.start), None)
    if subject is None and folded.startswith("که", clause_start - 2):
        # «سردار موسوی از همرزمان سپهبد شهید قاسم سلیمانی بود که در ... به شهادت رسید»: whom «که» follows
        subject = next((m for m in reversed(people) if m.end <= clause_start), None)
    if subject is None or subject is agent or subject.data.get("kind") == "source":
        return None
    before = folded[clause_start : subject.start].split()
    return subject if not before or before[-1] not in _PREPOSITIONS else None


# A death's noun right before the dead: «شهادت سید حسن نصرالله», «کشته شدن دو سرباز», «ترور».
_DEATH_NOUN = re.compile(r"(?<![\w])(?:شهادت|کشته شدن|ترور|قتل|جان باختن)\s+$")
_DEATH_REACH = 80
# The verb of a clause that says its subject died or was wounded.
_DIED_VERB = re.compile(
    r"(?<![\w])(?:به شهادت رسید|به شهادت رسیدند|کشته شد|کشته شدند|جان باخت|جان باختند|جان سپرد|زخمی شد|زخمی شدند|"
    r"مجروح شد|مجروح شدند|ترور شد|به قتل رسید|به هلاکت رسید)(?![\w])"
)
# Where a clause opens inside a sentence: «که», «؛» or «:».
_CLAUSE_OPENER = re.compile(r"(?<![\w])که(?![\w])|[؛:]")
_PREPOSITIONS = frozenset({"به", "از", "با", "در", "توسط", "برای", "علیه", "بر", "سوی", "درباره"})


def _object_before(folded: str, start: int, verb_start: int) -> bool:
    """«سه مظنون مرتبط با این حمله را در خانه‌ای در حومه پیشاور، مرکز این ایالت، بازداشت کرد», «سه نفر را که
    ... تهیه می‌کردند، در شهر لافیا ... بازداشت کرده است»: the phrase from `start` is closed by «را» and no
    verb but that of a «که» clause stands between it and the verb at `verb_start`."""
    # («۱۱ فلسطینی، از جمله دو دانش‌آموز، را»: an aside on them may stand before their «را»)
    closing = _RA_CLOSES.match(folded, start, verb_start) or _ASIDE_THEN_RA.match(folded, start, verb_start)
    if closing is None:
        return False
    # (an aside between commas, even a «که» clause with its own verb, is skipped: «..."سعید الجمل"، از
    # مسئولان مالی این گروه که در ایران مستقر است، تحریم کرد»)
    rest = COMMA_ASIDE.sub(" ", _RELATIVE_CLAUSE.sub(" ", folded[closing.end() : verb_start], count=1))
    # (a comma of a list may stand there: «به ظن رساندن سوخت، دارو و قطعات پهپاد به ...»)
    return not CLAUSE_VERB.search(rest) and "؛" not in rest and ":" not in rest


# An aside between commas right before the «را» that closes the phrase.
_ASIDE_THEN_RA = re.compile(r"\s*،[^،؛:]*،\s*را(?![\w])")
# The rest of a noun phrase up to its «را» (a few words, no clause mark).
_RA_CLOSES = re.compile(r"(?:\s+[^\s،؛:.]+){0,6}?\s+را(?![\w])")
# A «که» clause right after «را», ended by a comma: «را که ... می‌کردند،».
_RELATIVE_CLAUSE = re.compile(r"^\s*که [^،؛:]*،")


def _victims(counted: tuple[Mention, ...], mentions: list[Mention]) -> Mention | None:
    """«پنج مسافر کشته شدند», «دو تن از نیروهای پلیس»: who the counted dead or wounded were."""
    for number in counted:
        for mention in mentions:
            if mention.kind in ("ACTOR", "PERSON") and 0 <= mention.start - number.end <= 10:
                return mention
    return None


def _nearest_assault(hits: list[TriggerHit]) -> TriggerHit | None:
    """The trigger that receives the sentence's casualty counts: the last violent one (verb-final)."""
    violent = [h for h in hits if h.trigger.type == "ASSAULT"]
    return violent[-1] if violent else None
