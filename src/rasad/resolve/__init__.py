"""Stage 5: coded events — actors, places and dates to canonical values; the same event told twice merged.

Merging rule: two frames of one article are one event when they have the same type,
compatible dates (equal within a day, or one unknown), compatible ACLED sub-types
(equal, or one only guessed without a weapon), places in the same country (or one
unknown) and no two different named agents. A frame that only refers back to an
event («این حمله», «در پاسخ به حمله») joins the latest compatible event and never
stands alone unless it has its own date and place. The merged event keeps the most
specific place (lowest geo_precision), the highest count, every source and every
evidence span.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from rasad.knowledge.loader import KnowledgeBase
from rasad.model import ARMED_KINDS, HOMES_ACTOR, Doc, Event, country_of_ref
from rasad.resolve.actors import code_actor, coded_known, force_actor
from rasad.resolve.places import choose_place, country_context, country_location, distance_km

BACKGROUND_DAYS = 14
# Actors that ACLED names by the country they are in: «Civilians (Iran)», «Protesters (Iraq)».
_PEOPLE_KINDS = frozenset({"civilians", "protesters"})
# Whom an attack on a site of a kind (recognize's place nouns) is against: a country's force, or civilians
# (ACLED codes strikes on mosques, hospitals, schools, markets and camps as violence against civilians).
_SITE_KIND_TARGETS = {
    "police": "police",
    "base": "military",
    "mosque": "civilians",
    "hospital": "civilians",
    "school": "civilians",
    "market": "civilians",
    "camp": "civilians",
}
# «مستقر در X», «مقیم X»: where someone named is based.
_BASED_IN = re.compile(r"(?:مستقر|مقیم|واقع|ساکن)(?:\s+در)?\s*$")
# ACLED's bracket for people of no one country («Civilians (International)»).
INTERNATIONAL = "(International)"
# How many earlier place mentions an unplaceable site may borrow its area from.
_EARLIER_PLACES = 3
SAME_PLACE_KM = 30
SAME_TOWN_KM = 10
SAME_SALVO_KM = 150
OUTSIDE_PROVINCE_KM = 200
TERRITORY_SUBTYPES = frozenset(
    {"Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory"}
)
SPEECH_TYPES = frozenset({"THREATEN", "ACCUSE", "REJECT", "REQUEST"})
STATE_FORCE_KINDS = frozenset({"military", "police", "security", "border-guard"})
# A state's bodies: its forces and its government.
_STATE_KINDS = STATE_FORCE_KINDS | {"government", "foreign-ministry", "defense-ministry"}


@dataclass
class Resolver:
    kb: KnowledgeBase
    gazetteer: dict[str, Any]

    def __call__(self, doc: Doc) -> Doc:
        context = country_context(doc, self.kb, self.gazetteer)
        published = dt.date.fromisoformat(doc.article.published) if doc.article.published else None
        coded = [self._code(event, doc, context, published) for event in doc.events]
        starts = [sentence.start for sentence in doc.sentences]
        _inherit_story_date([e for e in coded if e is not None], lambda position: bisect.bisect_right(starts, position), published)
        # «پانصد و ده سال پیش ... نبرد چالدران»: history, not the conflict data this codes
        history = {id(e) for e in coded if e is not None and _history(e, published)}
        coded = [e for e in coded if e is None or id(e) not in history and not _refers_to_history(e, history, coded)]
        # «زندانیان ... دست به شورش زدند و ماموران ... ۳۶ زندانی را کشتند»: those who protest in a sentence
        # and whom forces shoot in it are the crowd the forces broke up
        crowds = {
            (bisect.bisect_right(starts, e.trigger.start), (e.coded.get("actor1") or {}).get("id"))
            for e in coded
            if e is not None and e.type == "PROTEST"
        }
        # «نیروها برای پراکنده ساختن معترضان به هوا شلیک کردند»: what the forces who broke up a crowd did
        # in that sentence, aimed at no one else, was part of breaking it up
        dispersers = {
            (bisect.bisect_right(starts, e.trigger.start), (e.coded.get("actor1") or {}).get("id"))
            for e in coded
            if e is not None and e.mode == "crowd-control" and e.coded.get("actor1")
        }
        for e in coded:
            if (
                e is not None
                and e.type == "ASSAULT"
                and not e.coded.get("actor2")
                and (bisect.bisect_right(starts, e.trigger.start), (e.coded.get("actor1") or {}).get("id")) in dispersers
            ):
                e.mode = "crowd-control"
        converted = [
            _as_protest_intervention(
                e, (bisect.bisect_right(starts, e.trigger.start), (e.coded.get("actor2") or {}).get("id")) in crowds
            )
            for e in coded
            if e is not None
        ]
        # a casualty frame with no one named may still tell the toll of an event told elsewhere:
        # those are judged after merging, the rest before
        frames = [e for e in converted if not _drop(e, standalone=False)]
        merged = _doers_of_condemned_events(merge_events(frames))
        kept = _told_only_by_the_headline(doc.text, [e for e in merged if not _drop(e)])
        # the dateline is looked up only when an act on the ground lacks a place
        unplaced = any(not e.coded.get("location") and (e.type in _ON_THE_GROUND or e.coded.get("two_sides")) for e in kept)
        kept = _place_from_story(kept, self._dateline(doc, context) if unplaced else None)
        kept = _perpetrators_named(kept)
        if any(e.type == "REJECT" for e in kept):  # (the reporters are looked up only when a denial needs them)
            kept = _denials_answer_their_accusers(kept, self._reporters(doc))
        for event in kept:
            if event.type == "ASSAULT" and not event.coded.get("actor2") and event.coded.get("location"):
                event.coded["actor2"] = self._site_owner(event.coded["location"], event.coded.get("actor1"), doc, event)
            if event.type == "ASSAULT" and not event.coded.get("actor2"):
                event.coded["actor2"] = self._struck_site(event)
            one, two = event.coded.get("actor1"), event.coded.get("actor2")
            if one and two and one.get("id") is not None and one.get("id") == two.get("id") and event.type != "ASSAULT":
                event.coded["actor2"] = None  # two frames naming the same side: it is not its own counterpart
            elif event.type in SPEECH_TYPES and self._state_of(one) is not None and self._state_of(one) == self._state_of(two):
                # «ناصر کنعانی ... ایران», «خواجه آصف ... اسلام‌آباد»: a state's official speaks for it, not against it
                event.coded["actor2"] = None
            # with no place of its own, the people it was done to are of the article's most named country
            # other than the attacker's («سربازان اسرائیلی ... به گفته وزارت بهداشت لبنان ۲۲ نفر»: Lebanon)
            attacker = (event.coded.get("actor1") or {}).get("country")
            fallback = next((iso3 for iso3, _ in context.most_common() if iso3 != attacker), None)
            for key in ("actor1", "actor2"):
                event.coded[key] = self._of_the_country(event.coded.get(key), event.coded.get("location"), fallback)
            event.coded["id"] = event_id(doc, event)
            event.confidence = _confidence(event)
        return replace(doc, events=kept)

    def _of_the_country(
        self, actor: dict[str, Any] | None, location: dict[str, Any] | None, fallback: str | None = None
    ) -> dict[str, Any] | None:
        """Civilians and protesters with no country of their own are those of the country it happened in,
        named as ACLED names them («Civilians (Iran)», «Protesters (Iraq)»); the group stays in `group`.
        `fallback`: the country of an event placed nowhere (the article's most named one)."""
        if not actor or actor.get("country") or actor.get("kind") not in _PEOPLE_KINDS or actor.get("name", "").endswith(INTERNATIONAL):
            return actor  # «Civilians (International)»: merchant ships are of no one country
        # («دو گروگان اسرائیلی»: people the text says are of a country are that country's)
        iso3 = actor.get("nationals") or (location.get("country") if location else fallback)
        country = self.kb.countries.get(str(iso3)) if iso3 else None
        if country is None:
            return actor
        base = "Civilians" if actor["kind"] == "civilians" else "Rioters" if actor.get("id") == "rioters" else "Protesters"
        return {**actor, "name": f"{base} ({country.name})", "country": iso3, "group": actor.get("name")}

    def _town_inside(self, event: Event, doc: Doc, context: Any, region: dict[str, Any]) -> dict[str, Any]:
        """The first other place of the clause that lies in `region` (same country and province) and is
        placed more finely; else `region`."""
        for other in event.other_places:
            town = choose_place(other, doc, self.kb, self.gazetteer, context)
            if (
                town is not None
                and town["geo_precision"] < 3
                and town.get("country") == region.get("country")
                and (
                    town.get("admin1") == region.get("admin1")
                    # (GeoNames towns carry no province: near its middle will do)
                    or town.get("admin1") is None and _km(town, region) <= _PROVINCE_REACH_KM
                )
            ):
                event.location = other
                return town
        return region

    def _struck_site(self, event: Event) -> dict[str, Any] | None:
        """«نارنجکی به سوی کلانتری ۱۶ زاهدان پرتاب شد»: an attack on a site named by its noun, with no
        target named, is one on those the site's kind stands for (`_SITE_KIND_TARGETS`)."""
        site, location = event.coded.get("site"), event.coded.get("location")
        if site is None or location is None:
            return None
        force, text = _SITE_KIND_TARGETS[site["kind"]], site["text"]
        if force == "civilians":
            civilians = self.kb.actors.get("civilians")
            if civilians is None:
                return None
            return coded_known(civilians, text)
        country = location.get("country")
        target = force_actor(self.kb, force, str(country), text, force) if country else None
        agent = event.coded.get("actor1") or {}
        return None if target is None or target["id"] == agent.get("id") else target

    def _reporters(self, doc: Doc) -> dict[tuple[int, int], dict[str, Any]]:
        """The known actors that report acts in the article («به گزارش هلال احمر فلسطین»), by their span."""
        reporters = {}
        for mention in doc.mentions:
            actor = self.kb.actors.get(mention.ref or "") if mention.kind == "SOURCE" else None
            if actor is not None and actor.kind not in ("media", "source"):  # an outlet tells, it does not accuse
                reporters[(mention.start, mention.end)] = coded_known(actor, doc.text[mention.start : mention.end])
        return reporters

    def _state_of(self, actor: dict[str, Any] | None) -> str | None:
        """The country whose state an actor is a body of (an official: that of their office), else None."""
        if not actor:
            return None
        org = str(actor.get("org")) if actor.get("kind") == "person" and actor.get("org") else None
        body = self.kb.actors.get(org) if org else None
        kind: str | None
        country: str | None
        if body is not None:
            kind, country = body.kind, body.country
        elif org is not None:
            # a force id made from its template («pak-military»): the suffix is the kind, the prefix the country
            prefix, _, kind = org.partition("-")
            country = prefix.upper()
        else:
            kind, country = actor.get("kind"), actor.get("country")
        return country if kind in _STATE_KINDS and country else None

    def _site_owner(
        self, location: dict[str, Any], agent: dict[str, Any] | None, doc: Doc, event: Event
    ) -> dict[str, Any] | None:
        """«پایگاه هوایی نواتیم را هدف قرار داد»: an attack on a base with no target named is one on the forces
        it holds (places/site_owners.yaml), unless they are the attacker."""
        place = self.kb.places.get(str(location.get("gazetteer_id")))
        if place is None or place.owner is None:
            return None
        owner = self.kb.actors[place.owner]  # the loader checked it
        if (agent or {}).get("id") == owner.id:
            return None
        text = doc.text[event.location.start : event.location.end] if event.location is not None else place.name
        return coded_known(owner, text)

    def _dateline(self, doc: Doc, context: Any) -> dict[str, Any] | None:
        """«به گزارش خبرگزاری تسنیم از زاهدان»: the town the report was filed from; else the first
        town of the headline («الابیض؛ چرا شهری در قلب کردفان ...»), the place the story is about."""
        lead = doc.lead_source
        if lead is not None:
            span = (lead.start, lead.end)
        elif len(doc.sentences) > 1:
            span = (doc.sentences[0].start, doc.sentences[0].end)  # the headline or the lead
        else:
            return None
        for place in (m for m in doc.mentions if m.kind == "PLACE" and span[0] <= m.start and m.end <= span[1]):
            found = choose_place(place, doc, self.kb, self.gazetteer, context)
            if found is not None and not _is_country(found):
                return found
        return None

    def _location(self, event: Event, doc: Doc, context: Any) -> dict[str, Any] | None:
        if event.location is None:
            return None
        if event.location_within is not None:
            container = choose_place(event.location_within, doc, self.kb, self.gazetteer, context)
            if container is not None and event.location_within.data.get("place_kind") == "neighbourhood":
                # «کلیسای مار الیاس در محله دویلعه دمشق»: a quarter stands where its city does
                container = {**container, "geo_precision": 1}
            if container is not None:
                # a homonym far from the place the text puts it in is the wrong one: then only the container is known
                found = choose_place(event.location, doc, self.kb, self.gazetteer, context, within=container)
                if found is None and event.location.data.get("candidates"):
                    event.location = event.location_within
                    return {**container, "geo_precision": max(2, container["geo_precision"])}
                return found
        return choose_place(event.location, doc, self.kb, self.gazetteer, context)

    def _code(self, event: Event, doc: Doc, context: Any, published: dt.date | None) -> Event | None:
        coded = dict(event.coded)
        coded["actor1"] = code_actor(event.actor1, doc, self.kb, context, event.type)
        coded["actor2"] = code_actor(event.actor2, doc, self.kb, context, event.type)
        if event.actor2 is not None and event.actor1 is not None and event.actor2 == event.actor1:
            coded["actor2"] = None  # one mention cannot be both sides
        # «شهرک جوگو در استان ایتوری»: a village the text names, though only its province can be placed
        coded["named_place"] = event.location is not None and bool(
            _NAMED_BY_KIND.match(doc.text, event.location.start)
        )
        # «به مسجد امام حسین در شهر قندوز حمله کردند»: the struck site, kept though the town places the act
        sites = [event.location, event.location_within, *event.other_places]
        site = next((m for m in sites if m is not None and m.data.get("place_kind") in _SITE_KIND_TARGETS), None)
        if site is not None:
            coded["site"] = {"kind": site.data["place_kind"], "text": doc.text[site.start : site.end]}
        coded["location"] = self._location(event, doc, context)
        if coded["location"] is not None and coded["location"]["geo_precision"] == 3 and not _is_country(coded["location"]):
            # «در مقابل ساختمان دادگستری استان کردستان ... سنندج»: a town of the clause inside the province is where
            coded["location"] = self._town_inside(event, doc, context, coded["location"])
        if coded["location"] is None and event.location is not None:
            # a village no gazetteer has: the next place of the clause, as the area around it
            # (or, when the clause has none, the place the story was last at: «در اطراف همین مسجد»)
            # (the story's places only: this sentence and the one before it)
            here = bisect.bisect_right([s.start for s in doc.sentences], event.location.start) - 1
            since = doc.sentences[max(0, here - 1)].start if doc.sentences else 0
            earlier = [
                m for m in reversed(doc.mentions) if m.kind == "PLACE" and since <= m.start and m.end <= event.location.start
            ]
            for other in [*event.other_places, *earlier[:_EARLIER_PLACES]]:
                fallback = choose_place(other, doc, self.kb, self.gazetteer, context)
                if fallback is not None and not _is_country(fallback):
                    fallback["geo_precision"] = max(2, fallback["geo_precision"])
                    coded["location"], event.location = fallback, other
                    coded["location_borrowed"] = other not in event.other_places
                    break
        if event.type in SPEECH_TYPES and event.location is not None and event.location.start > event.trigger.start:
            # «هشدار داد که کشتی‌ها را در دریای سرخ هدف قرار می‌دهد»: the place is what the words are about;
            # the speaker's country is where they were said
            country = (coded["actor1"] or {}).get("country")
            coded["location"] = country_location(self.kb, country, None) if country else None
            event.location = None
        if event.type == "SANCTION":
            # «... هفت نفر و دو شرکت مستقر در امارات و هنگ‌کنگ را تحریم کرد»: a sanction is decided in the
            # sanctioning state, not where those it names are based
            country = (coded["actor1"] or {}).get("country")
            sanctioner = self.kb.actors.get(str((coded["actor1"] or {}).get("id")))
            if country is None and sanctioner is not None and event.location is not None and _BASED_IN.search(
                doc.text, max(0, event.location.start - 12), event.location.start
            ):
                # «اتحادیه اروپا ... شرکت ... مستقر در یانگون را تحریم کرد»: an international body decides where it
                # sits (Brussels), not where those it names are based; a meeting place it names still stands
                country = sanctioner.seat
            if not coded["actor1"]:
                coded["location"] = None  # who sanctions is unknown, so is where: not where the news reacted
                event.location = None
            elif country and (coded["location"] or {}).get("country") != country:
                coded["location"] = country_location(self.kb, country, None)
                coded.pop("location_borrowed", None)
                event.location = None
        coded["origin"] = choose_place(event.origin, doc, self.kb, self.gazetteer, context) if event.origin else None
        coded["date"] = _code_date(event, doc, published)
        coded["weapon"] = self.kb.weapons[event.weapon.ref].name if event.weapon and event.weapon.ref in self.kb.weapons else None
        if coded.get("acled_default") and event.acled == ("Battles", "Armed clash"):
            target = coded["actor2"] or {}
            if target.get("kind") not in ARMED_KINDS:
                # an armed clash needs two armed sides; shooting at anyone else is an attack
                event.acled = ("Violence against civilians", "Attack")
        value = coded["date"]["value"] if coded["date"] else None
        if published and value:
            try:
                days = (published - dt.date.fromisoformat(value)).days
            except ValueError:
                days = 0
            event.timing = "background" if days > BACKGROUND_DAYS else "current"
        event.coded = coded
        return event


def _code_date(event: Event, doc: Doc, published: dt.date | None) -> dict[str, Any] | None:
    if event.date is not None and event.date.ref:
        data = event.date.data or {}
        coded = {
            "value": event.date.ref,
            "precision": data.get("precision", "day"),
            "text": doc.text[event.date.start : event.date.end],
        }
        if data.get("end_value"):
            coded["end"] = data["end_value"]
        return coded
    if published is not None:
        return {"value": published.isoformat(), "precision": "day", "text": None, "inferred": True}
    return None


def _inherit_story_date(events: list[Event], sentence_of: Callable[[int], int], published: dt.date | None = None) -> None:
    """A frame with no date of its own gets the date of the current story told before it
    (the lead's «روز یکشنبه»), not the publication date. A background date is inherited only by
    the frames of its own and the next sentence («در ۵ آذر ۱۴۰۰ ... پراکنده کردند. در آن درگیری‌ها
    ... بازداشت شدند»), or, in a piece of history that tells no current story («پانصد و ده سال پیش ... نبرد
    چالدران»), by every frame after it."""
    story: dict[str, Any] | None = None
    recalled: tuple[int, dict[str, Any]] | None = None  # the latest background date and its sentence
    told: Event | None = None  # the latest act dated to the day (its own date or its story's)
    for event in events:
        date = event.coded.get("date")
        sentence = sentence_of(event.trigger.start)
        days = event.coded.get("days_after")
        if not (date and not date.get("inferred")) and days is not None and told is not None:
            # «دو روز بعد جنگنده‌ها ... بمباران کردند»: days counted from the act told before
            day = dt.date.fromisoformat(str(told.coded["date"]["value"])[:10]) + dt.timedelta(days=days)
            event.coded["date"] = {**told.coded["date"], "value": day.isoformat(), "text": None, "inferred": True}
            event.timing = told.timing
            continue
        if date and not date.get("inferred"):
            if (date.get("precision") or "day") == "day":
                told = event
            if event.timing == "current" and story is not None and str(date["value"]) < str(story["value"]):
                # «اواخر هفته گذشته نیز ...»: an earlier day recalled in passing does not re-date the story
                recalled = None
            elif event.timing == "current":
                story, recalled = date, None
            else:
                recalled = (sentence, date)
            continue
        of_history = story is None and recalled is not None and _long_ago(recalled[1], published)
        if recalled is not None and (sentence - recalled[0] <= 1 or of_history):
            event.coded["date"] = {**recalled[1], "text": None, "inferred": True}
            event.timing = "background"
        elif story is not None:
            event.coded["date"] = {**story, "text": None, "inferred": True, "from_story": True}
        if (event.coded.get("date") or {}).get("precision", "day") == "day" and event.coded.get("date"):
            told = event  # «... ماموران تا شامگاه همان روز ۱۴ نفر را بازداشت کردند»: that day is the one last told



# Acts that happen where their story is told.
_ON_THE_GROUND = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"})


def _place_from_story(events: list[Event], dateline: dict[str, Any] | None = None) -> list[Event]:
    """An act told with no place of its own («نیروهای امنیتی ... ۱۸ نفر را بازداشت کردند») happened
    where its story was last placed: the latest earlier event of the same story and timing, as the
    area around it (precision 2 at best); a current act of the lead's story, else, where the report
    was filed from («به گزارش تسنیم از زاهدان»)."""
    ordered = sorted(events, key=lambda e: e.trigger.start)
    for index, event in enumerate(ordered):
        local_truce = event.type == "AGREE" and event.coded.get("two_sides")  # «آتش‌بسی میان دو طرف برقرار شد»
        if event.coded.get("location") or not (event.type in _ON_THE_GROUND or local_truce) or event.coded.get("answers"):
            continue  # statements, sanctions and deals are made elsewhere than where the story is
        source = next(
            (
                e
                for e in reversed(ordered[:index])
                if e.coded.get("location")
                and e.coded.get("story") == event.coded.get("story")
                and e.timing == event.timing
                and not _is_country(e.coded["location"])
                and not _other_day(e, event)
                # «... روز دوشنبه در سردشت هدف تیراندازی قرار گرفت»: an act of another day is another scene
                and (e.coded.get("date") or {}).get("value") == (event.coded.get("date") or {}).get("value")
            ),
            None,
        )
        place = dict(source.coded["location"]) if source is not None else None
        if place is None and dateline is not None and event.timing == "current" and not event.coded.get("story"):
            place = dict(dateline)
        if place is not None:
            place["geo_precision"] = max(2, int(place.get("geo_precision", 2)))
            event.coded["location"] = place
            event.coded["location_borrowed"] = True
    return events


def _who(actor: dict[str, Any] | None) -> str | None:
    """An actor's identity: its id, or for a name no knowledge base has, the name as written."""
    return (actor.get("id") or actor.get("name")) if actor else None


def _denials_answer_their_accusers(events: list[Event], reporters: dict[tuple[int, int], dict[str, Any]]) -> list[Event]:
    """«ارتش اسرائیل این اتهام را رد کرد»: a denial is against whoever made the charge or the claim it
    answers — the nearest accusation or claimed act told before it by another side — not against the
    people named inside what is denied («کشته شدن غیرنظامیان را رد کرد»)."""
    for denial in events:
        if denial.type != "REJECT":
            continue
        denier = _who(denial.coded.get("actor1"))
        charges = [
            e
            for e in events
            if 0 < denial.trigger.start - e.trigger.start <= _NEXT_SENTENCES
            and (e.type == "ACCUSE" or e.status == "claimed")
            and _who(e.coded.get("actor1")) not in (None, denier)
        ]
        # (else whoever reported the act told before it: «هلال احمر فلسطین گفت ... تیراندازی کردند» ...
        # «ارتش اسرائیل این اتهام را رد کرد»)
        told = [
            reporter
            for e in events
            if 0 < denial.trigger.start - e.trigger.start <= _NEXT_SENTENCES
            for span in e.sources[:1]
            if (reporter := reporters.get((span.start, span.end))) is not None and _who(reporter) != denier
        ]
        # (else, when the denier was the target of the act told before, whoever did it: «ارتش ... محاصره
        # الدلنج را شکست» ... «نیروهای واکنش سریع شکست در الدلنج را تکذیب کردند»)
        doers = [
            e.coded["actor1"]
            for e in events
            if 0 < denial.trigger.start - e.trigger.start <= _NEXT_SENTENCES
            and e.type == "ASSAULT"
            and denier is not None
            and _who(e.coded.get("actor2")) == denier
            and _who(e.coded.get("actor1")) not in (None, denier)
        ]
        if charges:
            denial.coded["actor2"] = max(charges, key=lambda e: e.trigger.start).coded["actor1"]
        elif told:
            denial.coded["actor2"] = told[-1]
        elif doers:
            denial.coded["actor2"] = doers[-1]
        elif (denial.coded.get("actor2") or {}).get("kind") == "civilians" or (denial.coded.get("actor2") or {}).get("generic"):
            denial.coded["actor2"] = None
    return events


def _perpetrators_named(events: list[Event]) -> list[Event]:
    """«عاملان این جنایت», «تیم تروریستی» arrested, accused or warned: when the article's attacks of the
    same time name one armed group as the attacker (by a claim, or by the text), they are that group."""
    for event in events:
        target = event.coded.get("actor2") or {}
        if event.type == "ASSAULT" or not target.get("generic") or target.get("kind") not in ARMED_KINDS:
            continue
        groups = {
            (e.coded["actor1"].get("id"))
            for e in events
            if e.type == "ASSAULT"
            and e.timing == event.timing
            and (e.coded.get("actor1") or {}).get("kind") == "armed-group"
            and not e.coded["actor1"].get("generic")
            and e.coded["actor1"].get("id")
        }
        if len(groups) == 1:
            (group,) = groups
            named = next(e.coded["actor1"] for e in events if e.type == "ASSAULT" and (e.coded.get("actor1") or {}).get("id") == group)
            event.coded["actor2"] = {**named, "text": target.get("text")}
    return events


# The longest first line that is still a headline, and what ends a sentence.
_HEADLINE_CHARS = 250
_SENTENCE_END = (".", "!", "?", "…")


def _told_only_by_the_headline(text: str, events: list[Event]) -> list[Event]:
    """A headline retells what the body tells: an event of the headline alone that no body frame
    joined («حمله موشکی روسیه به خارکیف و حمله پهپادی به بلگورود») is a second telling of body events
    of its type, not one more event (kept when the body tells none of its type)."""
    first_line = text.split("\n", 1)[0].rstrip()
    if "\n" not in text or not first_line or len(first_line) > _HEADLINE_CHARS or first_line.endswith(_SENTENCE_END):
        return events
    end = len(first_line)
    only_headline = [e for e in events if e.evidence and all(span.end <= end + 1 for span in e.evidence)]
    body_types = {e.type for e in events if e not in only_headline}
    return [e for e in events if e not in only_headline or e.type not in body_types]


# Events dated this many years before publication are history.
HISTORY_YEARS = 80


def _long_ago(date: dict[str, Any], published: dt.date | None) -> bool:
    """A coded date more than `HISTORY_YEARS` before publication."""
    try:
        return published is not None and (published - dt.date.fromisoformat(str(date["value"])[:10])).days > HISTORY_YEARS * 365
    except (KeyError, ValueError):
        return False


def _history(event: Event, published: dt.date | None) -> bool:
    """Dated, by the text or by the act recalled just before it, long before publication."""
    date = event.coded.get("date")
    return date is not None and _long_ago(date, published)


def _refers_to_history(event: Event, history: set[int], events: list[Event | None]) -> bool:
    """«به یاد کشته‌شدگان این نبرد»: «این نبرد» points back to an act of history (`history`: their ids),
    with no act of its kind told between them."""
    if not history or not event.coded.get("anaphoric"):
        return False
    before = [e for e in events if e is not None and e.type == event.type and e.trigger.start < event.trigger.start]
    return bool(before) and id(before[-1]) in history


def _explicit_date(event: Event) -> str | None:
    date = event.coded.get("date")
    return date["value"] if date and not date.get("inferred") else None


# Days either side of a date's value that its precision covers.
_DATE_SLACK = {"day": 1, "week": 4, "month": 16, "year": 183}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _precision(event: Event) -> str:
    return str((event.coded.get("date") or {}).get("precision", "day"))


def _compatible(a: Event, b: Event) -> bool:
    if a.type != b.type and not (_crackdown(a) and _toll(b) or _crackdown(b) and _toll(a)):
        return False
    if _dates_apart(a, b) or _recalled_by_inheritance(a, b) or _recalled_by_inheritance(b, a):
        return False
    # (tear gas and birdshot at one crowd are one crackdown: protests are not told apart by weapon)
    if a.acled and b.acled and a.acled != b.acled and a.weapon is not None and b.weapon is not None and a.type != "PROTEST":
        if not _suicide_vehicle(a, b):
            return False
    if a.acled != b.acled and a.coded.get("acled_fixed") and b.coded.get("acled_fixed") and a.type != "PROTEST":
        return False  # an arrest and a seizure of weapons: two acts, even in one story
    if _distant(a, b):
        return False  # two countries or two towns: two events («در اهواز نیز ... تجمع کردند»)
    actor_a, actor_b = a.coded.get("actor1"), b.coded.get("actor1")
    intervention = a.coded.get("intervention") or b.coded.get("intervention")
    id_a = (actor_a or {}).get("id")
    id_b = (actor_b or {}).get("id")
    # «مهاجمان», «افراد مسلح» do not conflict with the group that claims them
    generic = bool((actor_a or {}).get("generic") or (actor_b or {}).get("generic"))
    if id_a and id_b and id_a != id_b and not intervention and not generic:
        # «در جریان این درگیری دو سرباز ...»: a frame that refers back names the state's forces
        # loosely; the army and the security forces of one country are then one side
        if (a.coded.get("reference") or b.coded.get("reference")) and _one_state(actor_a, actor_b):
            return True
        return _other_side(a, b)
    return True


def _one_state(actor_a: dict[str, Any] | None, actor_b: dict[str, Any] | None) -> bool:
    """«نیروهای امنیتی» and «ارتش» of one country: the state's forces, one side of a fight."""
    a, b = actor_a or {}, actor_b or {}
    return a.get("kind") in STATE_FORCE_KINDS and b.get("kind") in STATE_FORCE_KINDS and a.get("country") is not None and a.get("country") == b.get("country")


def _recalled_by_inheritance(recalled: Event, other: Event) -> bool:
    """`recalled` took a past date from the sentence before it («در ۵ آذر ۱۴۰۰ ... پراکنده کردند. معترضان
    ... به آتش کشیدند»): it belongs to that recalled story, never to today's news."""
    date = recalled.coded.get("date") or {}
    return bool(date.get("inferred")) and recalled.timing == "background" and other.timing == "current"


def _dates_apart(a: Event, b: Event) -> bool:
    """Both frames tell their own dates, and no slack joins them («آذر ۱۴۰۰» holds «۵ آذر ۱۴۰۰»: a
    coarse date is compatible with any day it covers)."""
    date_a, date_b = _explicit_date(a), _explicit_date(b)
    if not (date_a and date_b):
        return False
    slack = max(_DATE_SLACK.get(_precision(a), 1), _DATE_SLACK.get(_precision(b), 1))
    return abs((dt.date.fromisoformat(date_a) - dt.date.fromisoformat(date_b)).days) > slack


def _same_means(a: Event, b: Event) -> bool:
    """No weapon told on one side, or one weapon, or two names of one kind of means told with one
    mode («پهپاد» in the headline, «پهپاد انتحاری» in the lead: both drones)."""
    if a.weapon is None or b.weapon is None or a.weapon.ref == b.weapon.ref:
        return True
    first, second = sorted((a.weapon, b.weapon), key=lambda w: w.start)
    if 0 <= second.start - first.end <= _JOINED_WEAPONS_GAP:
        return True  # «با شلیک ده‌ها پهپاد و موشک»: the means of one combined attack
    return a.mode is not None and a.mode == b.mode and a.acled == b.acled


# Characters between two weapons named together («پهپاد و موشک», «پهپاد، موشک»).
_JOINED_WEAPONS_GAP = 3


def _suicide_vehicle(a: Event, b: Event) -> bool:
    """«حمله انتحاری» and «انفجار خودروی بمب‌گذاری‌شده»: one suicide car bombing told twice."""
    subs = {a.acled[1] if a.acled else None, b.acled[1] if b.acled else None}
    return subs == {"Suicide bomb", "Remote explosive/landmine/IED"} and "car-bomb" in {
        a.weapon.ref if a.weapon else None,
        b.weapon.ref if b.weapon else None,
    }


def _crackdown(event: Event) -> bool:
    return event.type == "PROTEST" and bool(event.coded.get("intervention"))


def _toll(event: Event) -> bool:
    """A casualty frame only («... ۶۶ نفر جان باختند»): it may tell the toll of a crackdown."""
    return event.type == "ASSAULT" and bool(event.coded.get("weak"))


def _other_day(a: Event | None, b: Event) -> bool:
    """«... ۲۶ نفر را کشت» dated 9 November is not the toll of an event of the story's day."""
    mine, theirs = (a.coded.get("date") or {}).get("value") if a else None, _explicit_date(b)
    return bool(mine and theirs) and abs((dt.date.fromisoformat(str(mine)) - dt.date.fromisoformat(str(theirs))).days) > 1


def _other_side(a: Event, b: Event) -> bool:
    """A fight told from each side: the target of one frame is the agent of the other, and one of
    them is an armed clash («داعش به پاسگاه ارتش حمله کرد» ... «نیروهای ارتش پس از درگیری ...»)."""
    if ("Battles", "Armed clash") not in (a.acled, b.acled):
        return False
    target_a, target_b = a.coded.get("actor2") or {}, b.coded.get("actor2") or {}
    agent_a, agent_b = a.coded.get("actor1") or {}, b.coded.get("actor1") or {}
    return bool(target_a.get("id") and target_a.get("id") == agent_b.get("id")) or bool(
        target_b.get("id") and target_b.get("id") == agent_a.get("id")
    )


def _doers_of_condemned_events(events: list[Event]) -> list[Event]:
    """«این حملات را محکوم کرد»: once the attack is joined to its first telling, its agent is the one
    blamed (the extractor marks the condemned event's trigger as `object_event`)."""
    for event in events:
        position = event.coded.get("object_event")
        if position is None or event.coded.get("actor2"):
            continue
        told = next((e for e in events if e.trigger.start == position or position in e.coded.get("absorbed", [])), None)
        doer = told.coded.get("actor1") if told is not None else None
        if doer and doer.get("id") != (event.coded.get("actor1") or {}).get("id"):
            event.coded["actor2"] = doer
    return events


_ONE_PLACE_PER_SENTENCE = SPEECH_TYPES | {"AGREE", "CONSULT", "SANCTION"}


def _merge_within_sentences(events: list[Event]) -> list[Event]:
    """Two triggers of one type in one sentence tell one event («در اعتراض به … تجمع کردند»),
    unless they name two different weapons or two distant towns."""
    result: list[Event] = []
    for event in events:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.type == event.type
            and previous.evidence
            and event.evidence
            and event.evidence[0] in previous.evidence
            and _same_means(previous, event)
            # «در مسکو بر سر آتش‌بس در ادلب به توافق رسیدند»: talk and deals have no second place
            and (
                event.type in _ONE_PLACE_PER_SENTENCE
                # «... به شهر مرزی الطینه حمله کردند و ... پس از چند ساعت درگیری ...»: a frame placed only by
                # the sentence before is no second place of this one
                or previous.coded.get("place_told_before")
                or event.coded.get("place_told_before")
                or not _distant(previous, event)
            )
            and not (previous.plural or event.plural)
            # «حمله امروز یادآور حمله ۱۰ اوت ۲۰۲۴ به مدرسه التابعین است»: two acts of two dates
            and not _dates_apart(previous, event)
        ):
            if previous.coded.get("reference") and not event.coded.get("reference"):
                # «پس از این حمله ... روز دوشنبه درگیر شدند»: the new act is the event, the reference a detail
                # of it — unless it names an act answered by this one («در پاسخ به حمله به پایگاه ...»),
                # whose target and toll are not this act's
                if previous.coded.get("response"):
                    event.sources.extend(s for s in previous.sources if s not in event.sources)
                else:
                    _absorb(event, previous)
                result[-1] = event
            else:
                previous.coded["reference"] = previous.coded.get("reference", False) and event.coded.get("reference", False)
                _absorb(previous, event)
            continue
        result.append(event)
    return result


def _distant(a: Event, b: Event) -> bool:
    loc_a, loc_b = a.coded.get("location"), b.coded.get("location")
    if not loc_a or not loc_b:
        return False
    if loc_a.get("country") != loc_b.get("country"):
        # a prisoner exchange is told from both sides: each frees someone in its own country
        return not (a.type == b.type == "RETREAT" and a.mode == b.mode == "release")
    # one salvo told by two sources naming two nearby targets is still one event; two cities far
    # apart struck the same night are two («صعده» and «الحدیده»)
    same_weapon = a.weapon is not None and b.weapon is not None and a.weapon.ref == b.weapon.ref
    also = a.coded.get("also_place") or b.coded.get("also_place")  # «در اودسا نیز ...»: another place struck too
    if same_weapon and not (_explicit_date(a) and _explicit_date(b)) and not also:
        return False  # «پنج موشک ... به سمت پایگاه ... شلیک شد» told again by a source naming another base
    reach = SAME_SALVO_KM if same_weapon else SAME_PLACE_KM
    if also:
        reach = min(reach, SAME_TOWN_KM)  # «در جنوب نوار غزه نیز ...»: told as another place, so another town
    if loc_a.get("geo_precision") in (1, 2) and loc_b.get("geo_precision") in (1, 2):
        return _km(loc_a, loc_b) > reach  # two towns or sites, or near them: points to compare
    # a province and a town far from its centre («استان صعده», «بندر الحدیده»)
    # (or two regions: «خلیج عدن» and «دریای سرخ»)
    provinces = [loc for loc in (loc_a, loc_b) if loc.get("geo_precision") == 3 and not _is_country(loc)]
    towns = [loc for loc in (loc_a, loc_b) if loc.get("geo_precision") == 1]
    if len(provinces) == 2:
        return provinces[0].get("gazetteer_id") != provinces[1].get("gazetteer_id") and _km(*provinces) > OUTSIDE_PROVINCE_KM
    return len(provinces) == 1 and len(towns) == 1 and _km(provinces[0], towns[0]) > OUTSIDE_PROVINCE_KM


# How far from a province's middle a town with no province of its own may lie to be taken as inside it.
_PROVINCE_REACH_KM = 250


def _is_country(location: dict[str, Any]) -> bool:
    return country_of_ref(location.get("gazetteer_id")) is not None


def merge_events(events: list[Event]) -> list[Event]:
    merged: list[Event] = []
    for event in _merge_within_sentences(events):
        reference = bool(event.coded.get("reference", False))
        told_in_passing = event.coded.get("location") or event.timing == "background"
        if reference and _explicit_date(event) and told_in_passing and event.type != "PROTEST" and not event.coded.get("anaphoric"):
            # it names its own date and place (or a date long past: «یادآور حمله ۱۰ اوت ۲۰۲۴ به مدرسه ...»):
            # a new event told in passing
            reference = False
            # (not for protests: «در جریان اعتراضات سراسری» sets the scene of another event; and never
            # for «این حمله», which by its «این» is the event told already)
        compatible = [m for m in merged if _compatible(m, event)]
        if not compatible and reference and event.coded.get("anaphoric"):
            # «در این حمله و درگیری پس از آن پنج سرباز جان باختند»: «این» points at the act told before,
            # even where its words name another kind of fight
            compatible = [m for m in merged if m.type == event.type and not _dates_apart(m, event) and not _distant(m, event)]
        # a frame of the current story («در همین حال ...») points to that story's events first
        same_story = [m for m in compatible if m.coded.get("story") == event.coded.get("story")]
        # «در این درگیری ...» after a digest's item label points into its own item, never to an earlier one
        compatible = same_story or ([] if reference and event.coded.get("anaphoric") else compatible)
        if reference and event.coded.get("anaphoric"):
            # «این حمله»: the act told last
            target = max(compatible, key=lambda m: _last_told(m), default=None)
        else:
            target = max(compatible, key=lambda m: (_affinity(m, event), merged.index(m)), default=None)
        if target is not None and reference:
            _absorb(target, event, only_sources=True)
            continue
        untold = not _explicit_date(event) and (not event.coded.get("location") or event.coded.get("location_borrowed"))
        weak = event.coded.get("weak") and not _other_day(target, event)
        if target is not None and target.coded.get("story") != event.coded.get("story"):
            if not (_explicit_date(event) and _explicit_date(event) == _explicit_date(target)):
                target = None  # «در رویدادی دیگر ...»: a frame of another story continues nothing before it
        if target is not None and (weak or untold or _same_story(target, event)):
            _absorb(target, event)
            continue
        if reference and not (event.status == "claimed" and (_explicit_date(event) or event.coded.get("location"))):
            continue  # a reference to nothing told here, with nothing of its own
        if event.coded.get("no_toll"):
            continue  # «کسی آسیب ندید» with no event before it to tell of
        merged.append(event)
    return merged


_PROTEST_SEVERITY = {
    "Peaceful protest": 0,
    "Protest with intervention": 1,
    "Excessive force against protesters": 2,
    "Violent demonstration": 3,
    "Mob violence": 3,
}


def _severity(acled: tuple[str, str] | None) -> int:
    return _PROTEST_SEVERITY.get(acled[1], 0) if acled else 0


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    return distance_km(float(a["lat"]), float(a["lon"]), float(b["lat"]), float(b["lon"]))


def _affinity(a: Event, b: Event) -> int:
    """How much two compatible frames look alike: same place, country, weapon, date."""
    score = 0
    loc_a, loc_b = a.coded.get("location"), b.coded.get("location")
    if loc_a and loc_b:
        score += 2 if loc_a.get("country") == loc_b.get("country") else 0
        score += 2 if loc_a.get("gazetteer_id") == loc_b.get("gazetteer_id") else 0
    if a.weapon is not None and b.weapon is not None and _same_means(a, b):
        score += 2
    if a.acled == b.acled:
        score += 1
    if _explicit_date(a) and _explicit_date(a) == _explicit_date(b):
        score += 2
    if a.coded.get("trigger_id") == b.coded.get("trigger_id"):
        score += 2  # «این حمله» points back to an event told as an attack, not to the launcher destroyed after it
    return score


def _same_story(a: Event, b: Event) -> bool:
    """Two independent frames tell one event when they share a sentence, a date, a place or a weapon."""
    if b.plural and not a.plural and not (_explicit_date(b) and _explicit_date(b) == _explicit_date(a)):
        return False  # «حملات» summing up several events, unless dated like this one («در حملات شب گذشته به صعده»)
    same_sentence = bool(a.evidence and b.evidence and b.evidence[0] in a.evidence)
    if not same_sentence and (_recalled_and_undated(a, b) or _recalled_and_undated(b, a)):
        return False  # an undated frame tells the news, not the attack of March recalled further on
    if same_sentence and _same_means(a, b):
        return True  # «در اعتراض به … تجمع کردند»: two triggers of one event in one sentence
    if _explicit_date(a) and _explicit_date(a) == _explicit_date(b):
        return True
    if _explicit_date(a) and _explicit_date(b) and (_precision(a), _precision(b)) != ("day", "day"):
        return True  # «در آذر ۱۴۰۰ ... تحصن کردند» and «۵ آذر ۱۴۰۰ ... پراکنده کردند»: the coarse date holds the day
    if a.weapon is not None and b.weapon is not None and _same_means(a, b):
        # one weapon, one event — unless each tells its own day («امروز» in Sanaa, «شب گذشته» in Saada)
        return not (_explicit_date(a) and _explicit_date(b))
    if _explicit_date(b) is None and _explicit_date(a) is not None:
        return _same_means(a, b)
    headline = bool(a.evidence and a.evidence[0].start == 0)
    if headline and _explicit_date(a) is None and _explicit_date(b) is None and _suicide_vehicle(a, b):
        return True  # «حمله انتحاری به کاروان ...» and the lead's «انفجار یک خودروی بمب‌گذاری‌شده»
    if _explicit_date(a) is None and _explicit_date(b) is not None and _next_sentences(a, b) and b.timing == a.timing == "current":
        # «... دو غیرنظامی جان باختند. ... درگیری از شام روز شنبه آغاز شد»: the lead, dated by what follows it
        return _same_means(a, b)
    if _explicit_date(a) is None and _explicit_date(b) is not None and headline:
        return _same_means(a, b)  # the headline, dated by its lead
    return False


# How far (characters) after an undated frame a dated one may tell its date.
_NEXT_SENTENCES = 400


def _next_sentences(a: Event, b: Event) -> bool:
    """`b` is told right after `a` (within a sentence or two)."""
    if not a.evidence or not b.evidence:
        return False
    return 0 <= b.evidence[0].start - a.evidence[-1].end <= _NEXT_SENTENCES


def _last_told(event: Event) -> int:
    """Where the event was last told (its latest evidence)."""
    return max((span.start for span in event.evidence), default=event.trigger.start)


def _recalled_and_undated(dated: Event, undated: Event) -> bool:
    return dated.timing == "background" and _explicit_date(dated) is not None and _explicit_date(undated) is None and undated.timing == "current"


def _absorb(into: Event, other: Event, only_sources: bool = False) -> None:
    into.coded["absorbed"] = [*into.coded.get("absorbed", []), other.trigger.start, *other.coded.get("absorbed", [])]
    known = {(s.start, s.end) for s in into.sources}
    into.sources.extend(s for s in other.sources if (s.start, s.end) not in known)
    into.evidence.extend(s for s in other.evidence if s not in into.evidence)
    if only_sources:
        # «در این حمله سه نفر کشته شدند»: a reference still tells the toll and the victims
        for key in ("fatalities", "injured"):
            _add_count(into, other, key)
        if _takes_target(into, other):
            into.coded["actor2"] = other.coded["actor2"]
        if _explicit_date(into) is None and _explicit_date(other) is not None:
            into.coded["date"] = other.coded["date"]  # «این حمله شامگاه یکشنبه رخ داد»
            into.timing = other.timing
        if not into.coded.get("location") and other.coded.get("location"):
            into.coded["location"] = other.coded["location"]
        if other.status == "claimed" and other.coded.get("actor1"):
            # «X مسئولیت این حمله را بر عهده گرفت»: the claimant is the agent
            into.coded["actor1"] = other.coded["actor1"]
            into.status = "claimed"
        return
    if not into.coded.get("actor1") and other.coded.get("actor1"):
        into.coded["actor1"] = other.coded["actor1"]
    if _takes_target(into, other):
        into.coded["actor2"] = other.coded["actor2"]
    origin_into, origin_other = into.coded.get("origin"), other.coded.get("origin")
    if origin_other and (not origin_into or origin_other["geo_precision"] < origin_into["geo_precision"]):
        into.coded["origin"] = origin_other
    loc_into, loc_other = into.coded.get("location"), other.coded.get("location")
    # a place of the frame's own sentence beats one only the sentence before gave it
    told_before_into, told_before_other = bool(into.coded.get("place_told_before")), bool(other.coded.get("place_told_before"))
    finer_place = bool(loc_other and loc_into and loc_other["geo_precision"] < loc_into["geo_precision"])
    if loc_other and (
        not loc_into
        or told_before_into and not told_before_other
        or finer_place and (told_before_into or not told_before_other)
    ):
        into.coded["location"] = loc_other
        into.coded["place_told_before"] = other.coded.get("place_told_before", False)
    finer = _PRECISION_RANK.get(_precision(other), 0) < _PRECISION_RANK.get(_precision(into), 0)
    if _explicit_date(other) is not None and (_explicit_date(into) is None or finer):
        into.coded["date"] = other.coded["date"]  # the most precise date told
        into.timing = other.timing
    if into.weapon is None and other.weapon is not None:
        into.weapon, into.mode, into.acled = other.weapon, other.mode, other.acled
        into.coded["weapon"] = other.coded.get("weapon")
    if into.coded.get("acled_default") and other.coded.get("acled_fixed") and other.acled and into.type == other.type == "ASSAULT":
        # «حمله مسلحانه به پاسگاه» then «درگیری میان مهاجمان و ماموران»: the trigger that names the
        # kind of fight decides it, whichever frame came first
        into.acled, into.mode = other.acled, other.mode
        into.coded["acled_default"], into.coded["acled_fixed"] = False, True
    if other.acled and other.acled[1] in TERRITORY_SUBTYPES:
        into.acled, into.mode = other.acled, other.mode  # a fight that ended in a capture is coded as the capture
    into.quantity = into.quantity or other.quantity
    for key in ("fatalities", "injured"):
        _add_count(into, other, key)
    if other.coded.get("intervention") and other.coded.get("actor2"):
        into.coded["actor2"] = other.coded["actor2"]  # the police who broke up the protest
    forces_did_it = (other.coded.get("actor1") or {}).get("kind") in ARMED_KINDS  # «ماموران ... چادرها را به آتش کشیدند»
    if into.type == "PROTEST" and _severity(other.acled) > _severity(into.acled) and not forces_did_it:
        into.acled, into.mode = other.acled, other.mode  # a protest that turned violent is coded by its worst moment
    if _crackdown(into) and into.fatalities and into.acled == ("Protests", "Protest with intervention"):
        into.acled = ("Protests", "Excessive force against protesters")  # the crackdown killed
    if into.status == "reported" and other.status == "claimed":
        into.status = other.status
    into.plural = into.plural and other.plural
    into.coded["weak"] = into.coded.get("weak", False) and other.coded.get("weak", False)
    into.coded["reference"] = into.coded.get("reference", False) and other.coded.get("reference", False)


def _takes_target(into: Event, other: Event) -> bool:
    """Whether `other`'s target fills `into`'s: when `into` has none, or only the homes struck
    («یک خانه مسکونی را بمباران کردند» ... «سه غیرنظامی کشته شدند»: the people are the target)."""
    mine, theirs = into.coded.get("actor2"), other.coded.get("actor2")
    if not theirs:
        return False
    agent = (into.coded.get("actor1") or {}).get("id")
    if mine and agent is not None and mine.get("id") == agent and theirs.get("id") != agent:
        return True  # «کمین داعش ...» then «داعش ... به یک گشتی ارتش حمله کردند»: not the attacker's own side
    return not mine or mine.get("id") == HOMES_ACTOR and theirs.get("id") != HOMES_ACTOR


def _add_count(into: Event, other: Event, key: str) -> None:
    """Join `other`'s toll to `into`'s: «دو سرباز نیز ... جان باختند» adds to the toll; another
    count of the same dead is a second estimate (see `_takes_count`)."""
    mine, theirs = getattr(into, key), getattr(other, key)
    if theirs is not None and mine is not None and (other.coded.get("weak") or other.coded.get("reference")) and other.coded.get("also"):
        setattr(into, key, mine + theirs)
    elif key == "fatalities" and mine is not None and theirs is not None and mine in other.coded.get("toll_parts", []):
        # «هفت سرباز کشته شدند» then «هفت سرباز و دست‌کم ۱۵ شبه‌نظامی کشته شدند»: the whole toll, not a
        # second estimate of the same dead
        setattr(into, key, theirs)
    elif _takes_count(mine, theirs, other, into):
        setattr(into, key, theirs)
        into.coded["toll_claimed"] = other.coded.get("toll_claimed")
        if key == "fatalities":
            into.coded["toll_parts"] = other.coded.get("toll_parts", [])


def _takes_count(mine: int | None, theirs: int | None, other: Event, into: Event | None = None) -> bool:
    """The merged event keeps the lower count when sources differ (ACLED's most conservative
    estimate: «هرانا سه کشته ... هەنگاو دست‌کم دو کشته» gives 2), and a count a party to the fight
    claims gives way to one reported («الشباب مدعی شد ۴۷ نظامی را کشته است»)."""
    if theirs is None:
        return False
    if mine is None:
        return True
    claimed_mine = bool(into is not None and into.coded.get("toll_claimed"))
    claimed_theirs = other.status == "alleged" or bool(other.coded.get("toll_claimed"))
    if claimed_mine != claimed_theirs:
        return claimed_mine
    return theirs < mine


def _as_protest_intervention(event: Event, crowd_target: bool = False) -> Event:
    """Tear gas, pellets or water cannon fired at a crowd, or forces shooting at protesters: the
    police side of a protest, coded as the protest with intervention (or excessive force when
    people died), so that it merges with it. A crowd that attacks («معترضان ... یورش بردند») riots.
    `crowd_target`: the target is the crowd a protest of the same sentence names."""
    agent = (event.coded.get("actor1") or {}).get("kind")
    target = (event.coded.get("actor2") or {}).get("kind")
    if event.type == "PROTEST" and agent in STATE_FORCE_KINDS and not event.coded.get("intervention"):
        # «ماموران ... چادرهای معترضان را به آتش کشیدند»: the police act against the crowd
        event.mode = "crowd-control"
        event.type = "ASSAULT"
    if event.type != "ASSAULT":
        return event
    if agent == "protesters" and event.mode != "crowd-control":
        event.type, event.mode, event.acled = "PROTEST", "riot", ("Riots", "Violent demonstration")
        return event
    if event.mode != "crowd-control" and not (target == "protesters" and agent in ARMED_KINDS) and not (
        crowd_target and agent in STATE_FORCE_KINDS
    ):
        return event
    event.type = "PROTEST"
    event.mode = "demo"
    killed = bool(event.fatalities)
    event.acled = ("Protests", "Excessive force against protesters" if killed else "Protest with intervention")
    event.coded["intervention"] = True
    # the crowd protests (actor1); the police who broke it up are the other side (actor2)
    event.coded["actor1"], event.coded["actor2"] = event.coded.get("actor2"), event.coded.get("actor1")
    return event


def _drop(event: Event, standalone: bool = True) -> bool:
    """Aggregates («حملات», «چندین حمله») with no date of their own are summaries, not events;
    a threat or accusation needs someone who makes it."""
    lends_toll = event.coded.get("anaphoric") and (event.fatalities is not None or event.injured is not None)
    if event.plural and _explicit_date(event) is None and (standalone or not lends_toll):
        return True  # (but «در این درگیری‌ها ... پنج نفر کشته شدند» still lends its toll to the fighting told before)
    if event.type in SPEECH_TYPES and not event.coded.get("actor1"):
        return True
    if event.type == "AGREE" and not (event.coded.get("actor1") or event.coded.get("actor2") or event.coded.get("two_sides")):
        return True  # «بازار ارز به نوعی آتش‌بس رسیده است»: an agreement needs parties
    if event.type in _NAMED_IN_PASSING and standalone and not event.coded.get("verbal") and _explicit_date(event) is None:
        return True  # «در جریان آتش‌بس شکننده ...»: a deal named in passing, with no verb or day of its own
    if event.type == "MOBILIZE" and not any((event.coded.get(k) or {}).get("kind") in ARMED_KINDS for k in ("actor1", "actor2")):
        return True  # «تیم‌های امدادی اعزام شدند»: rescuers, not troops
    handover = event.type == "RETREAT" and event.mode == "withdraw"
    if handover and not any((event.coded.get(k) or {}).get("kind") in ARMED_KINDS for k in ("actor1", "actor2")):
        return True  # «واگذاری زمین‌های زراعتی»: land given away, not ground yielded by an armed side
    # before merging, a casualty frame or a reference («این انفجار روز چهارشنبه رخ داد») may still
    # lend its toll or date to the event it belongs to
    lends = event.coded.get("weak") or event.coded.get("reference") or event.fatalities == 0  # «هیچ‌کس کشته نشد»
    if event.type == "ASSAULT" and _violence_evidence(event) < 2 and (standalone or not lends):
        return True  # a figure of speech («حملات تیم», «هجوم بیماران»), not an attack
    location = event.coded.get("location") or {}
    if not standalone:
        return False
    if event.coded.get("weak") and location.get("geo_precision", 3) == 3 and not _explicit_date(event):
        return True  # «... کشته بر جای گذاشت» with neither place nor date: a summary
    armed_agent = (event.coded.get("actor1") or {}).get("kind") in ARMED_KINDS
    if event.coded.get("weak") and not (_known_actor(event) or armed_agent or event.weapon is not None):
        return True  # deaths with no one and nothing violent named: a flood or an accident
    date = event.coded.get("date") or {}
    if (event.plural or event.coded.get("weak")) and _explicit_date(event) and date.get("precision") == "year":
        return True  # «در سال ۲۰۲۴ دست‌کم ۴۷ کولبر کشته شده‌اند»: a year's tally, not an event
    # «حملات ... از اکتبر تا فوریه»: a period, not an event (but «درگیری‌ها از شامگاه دوشنبه تا صبح
    # سه‌شنبه» is one night's fighting)
    return bool(event.plural and date.get("end") and _span_days(date) > _ONE_EVENT_DAYS)


# Kinds of act a bare noun with no verb and no day of its own only names in passing («آتش‌بس شکننده»).
_NAMED_IN_PASSING = frozenset({"AGREE", "RETREAT", "SANCTION"})
# The longest span of days that plural fighting told as one is still one event.
_ONE_EVENT_DAYS = 3


def _span_days(date: dict[str, Any]) -> int:
    try:
        return (dt.date.fromisoformat(str(date["end"])) - dt.date.fromisoformat(str(date["value"]))).days
    except (KeyError, ValueError):
        return 0


def _known_actor(event: Event) -> bool:
    """A named actor the knowledge base knows (not a pattern-found name, not «مهاجمان»)."""
    return any(
        (event.coded.get(key) or {}).get("id") and not (event.coded.get(key) or {}).get("generic")
        for key in ("actor1", "actor2")
    )


# A place said with its kind before its name: a village or town, however little the gazetteer knows of it.
_NAMED_BY_KIND = re.compile(r"(?:روستای|روستا|شهرک|قریه|دهکده|محله|اردوگاه|کمپ|پاسگاه) ")


def _violence_evidence(event: Event) -> int:
    """Points for what makes a violent event real: a known actor or a toll (2 each), a weapon, a named
    place, a date of its own (1 each). Two points are needed."""
    points = 2 if _known_actor(event) else 0
    points += 2 if event.fatalities or event.injured else 0
    points += 1 if event.weapon is not None else 0
    location = event.coded.get("location") or {}
    # a town or site, or a village the text names within a province («شهرک جوگو در استان ایتوری»)
    named = location.get("geo_precision", 3) < 3 or event.coded.get("named_place")
    points += 1 if location and named else 0
    # a date of its own, or the day of the story it continues («... بریتال، الهرمل و حومه بعلبک هدف قرار گرفت»)
    from_story = (event.coded.get("date") or {}).get("from_story") and event.coded.get("also_place")
    points += 1 if _explicit_date(event) or from_story else 0
    return points


def _confidence(event: Event) -> float:
    score = 0.4
    score += 0.15 if event.coded.get("location") else 0.0
    score += 0.15 if _explicit_date(event) else 0.0
    score += 0.1 if event.coded.get("actor1") else 0.0
    score += 0.1 if event.coded.get("actor2") else 0.0
    score += 0.1 if event.weapon is not None else 0.0
    return round(min(score, 1.0), 2)


def event_id(doc: Doc, event: Event) -> str:
    """Stable across runs: the article, the type, the date, the place and the first trigger."""
    date = (event.coded.get("date") or {}).get("value")
    place = (event.coded.get("location") or {}).get("gazetteer_id")
    key = f"{doc.article.id}|{event.type}|{date}|{place}|{event.trigger.start}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
