"""Actor mentions to canonical actors: knowledge-base ids, force-noun patterns, countries as governments."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rasad.knowledge.loader import KnowledgeBase
from rasad.knowledge.schema import Actor
from rasad.model import Doc, Mention, country_of_ref


def code_actor(mention: Mention | None, doc: Doc, kb: KnowledgeBase, context: Counter[str], event_type: str) -> dict[str, Any] | None:
    """The coded actor for a mention: {id, name, text, country, kind}; None when there is none."""
    if mention is None:
        return None
    text = doc.text[mention.start : mention.end]
    data = mention.data or {}
    if mention.kind == "PLACE" and (mention.ref and mention.ref.startswith("country:") or data.get("capital")):
        iso3 = mention.ref.split(":", 1)[1] if mention.ref else str(data.get("country"))
        country = kb.countries.get(iso3)
        suffix = "military" if event_type == "ASSAULT" else "government"
        name = f"{'Military Forces' if suffix == 'military' else 'Government'} of {country.name if country else iso3}"
        return _as_known(kb, {"id": f"{iso3.lower()}-{suffix}", "name": name, "text": text, "country": iso3, "kind": suffix})
    if mention.kind == "PERSON":
        person = kb.people.get(mention.ref or "")
        return {
            "id": mention.ref or data.get("org"),
            "name": person.name if person else (data.get("title") or text),  # a name not in the KB: as written
            "text": text,
            "country": data.get("country"),
            "kind": "person",
            "org": data.get("org"),
        }
    if mention.ref:
        actor = kb.actors.get(mention.ref)
        if actor is not None:
            coded = coded_known(actor, text)
            return {**coded, "nationals": data["nationals"]} if data.get("nationals") else coded
        return {
            "id": mention.ref,
            "name": data.get("name", mention.ref),
            "text": text,
            "country": data.get("country"),
            "kind": data.get("kind"),
            "generic": False,
        }
    if data.get("org_source"):
        # an organization found by its shape («وزارت نیرو»): named as written, not guessed
        # «وزارت امنیت عمومی کانادا», «انتظامی شهرستان خاش»: the place it ends with is its country's
        inner = [m for m in doc.mentions if m.kind == "PLACE" and mention.start < m.start and m.end == mention.end]
        country_code = next((c for m in inner if (c := _place_country(m, kb))), None)
        kind = data.get("kind")
        if country_code is not None and kind in _FORCE_KINDS:
            return force_actor(kb, str(kind), country_code, text, kind)
        return {"id": None, "name": text, "text": text, "country": country_code, "kind": kind, "generic": False}
    # a bare force noun («ارتش اعلام کرد»): the country its sentence names before it («در بحرین،
    # نیروهای امنیتی ...»), else the article's most named country, if any
    force = data.get("force", "military")
    country_code = _sentence_country(doc, mention, kb) or (context.most_common(1)[0][0] if context else None)
    if country_code is None:
        return {"id": None, "name": f"unidentified {force}", "text": text, "country": None, "kind": data.get("kind")}
    return force_actor(kb, force, country_code, text, data.get("kind"))


# Organizations found by their shape that are a country's forces («فرماندهی انتظامی شهرستان خاش»).
_FORCE_KINDS = frozenset({"police", "military"})


def coded_known(actor: Actor, text: str) -> dict[str, Any]:
    """The coded form of a knowledge-base actor, named in the text by `text`."""
    return {"id": actor.id, "name": actor.name, "text": text, "country": actor.country, "kind": actor.kind, "generic": actor.generic}


def force_actor(kb: KnowledgeBase, force: str, country_code: str, text: str, kind: object) -> dict[str, Any]:
    """A country's force of one kind («پلیس», «ارتش») coded from its template: «Police Forces of Iran»."""
    country = kb.countries.get(country_code)
    template = next((f for f in kb.forces if f.suffix == force), None)
    name = template.name.format(country=country.name if country else country_code) if template else f"{force} of {country_code}"
    return _as_known(kb, {"id": f"{country_code.lower()}-{force}", "name": name, "text": text, "country": country_code, "kind": kind})


def _as_known(kb: KnowledgeBase, coded: dict[str, Any]) -> dict[str, Any]:
    """A country's force or government the knowledge base names itself («afg-military»: the Taliban's
    forces since 2021) takes that name; else the template's stands."""
    known = kb.actors.get(str(coded["id"]))
    return {**coded, "name": known.name} if known is not None else coded


def _sentence_country(doc: Doc, mention: Mention, kb: KnowledgeBase) -> str | None:
    """The country of the place that follows the force noun («پایگاه‌های هوایی نواتیم», «پاسگاهی در
    میرعلی»), else of the country named last before it in its sentence («در بحرین، نیروهای امنیتی»)."""
    sentence = next((s for s in doc.sentences if s.start <= mention.start < s.end), None)
    if sentence is None:
        return None
    places = [m for m in doc.mentions if m.kind == "PLACE" and sentence.start <= m.start < sentence.end]
    following = next((p for p in places if 0 <= p.start - mention.end <= _FOLLOWING_PLACE), None)
    if following is not None and (country := _place_country(following, kb)):
        return country
    for other in reversed(places):
        if other.end <= mention.start and (country := country_of_ref(other.ref)):
            return country
    return None


# How far after a force noun the place it stands in may be named.
_FOLLOWING_PLACE = 25


def _place_country(place: Mention, kb: KnowledgeBase) -> str | None:
    """A place mention's country: the country it names, or the one all its curated candidates share."""
    if country := country_of_ref(place.ref):
        return country
    countries = {kb.places[i].country for i in place.data.get("candidates", []) if i in kb.places}
    return str(countries.pop()) if len(countries) == 1 and None not in countries else None
