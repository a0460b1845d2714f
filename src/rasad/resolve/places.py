"""Place mentions to gazetteer entries, chosen with the article's context."""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any

from rasad.knowledge.loader import KnowledgeBase
from rasad.knowledge.schema import Place
from rasad.model import PROVINCE_NOUNS, Doc, Mention, country_of_ref

_NEAR = ("نزدیک", "نزدیکی", "حومه", "اطراف", "مجاورت", "حوالی", "شرق", "غرب", "شمال", "جنوب")
BIG_CITY = 1_000_000
# ISO3 of the countries rasad's gazetteer covers in depth (see knowledge/geonames.py FOCUS_COUNTRIES)
REGION = frozenset(
    "IRN IRQ SYR LBN YEM ISR PSE AFG PAK SAU ARE QAT BHR KWT OMN JOR TUR AZE ARM EGY LBY TJK TKM UZB SDN GEO".split()
)
_REGION_KINDS = frozenset({"region"})
_WATER_KINDS = frozenset({"sea", "gulf", "strait"})
# «استان‌های صلاح‌الدین و دیالی», «ولایات ...»: a plural province noun before a list of names.
_PROVINCES_BEFORE = re.compile(rf"(?:{'|'.join(PROVINCE_NOUNS)})(?:\u200c?های|ات)?\s+(?:\S+\s+و\s+)?$")
_PROVINCE_NOUN = re.compile(rf"(?:{'|'.join(PROVINCE_NOUNS)}|استانداری) ")
# «ولسوالی خنجان بغلان», «شهرستان سرباز سیستان و بلوچستان»: right after a district named by its noun,
# a name that is both a province and its capital is the province.
_DISTRICT_BEFORE = re.compile(r"(?:ولسوالی|شهرستان|قضای|قضا|ضلع|تحصیل|بخش) \S+(?: \S+)? $")
# How far a place may lie from the town, or from the centre of the region, the text puts it in.
WITHIN_TOWN_KM = 60
NEAR_CENTRE_KM = 100
WITHIN_REGION_KM = 300
_SOURCE_RANK = {"site": 0, "user": 0, "geonames": 1, "admin1": 2}


def country_context(doc: Doc, kb: KnowledgeBase, gazetteer: dict[str, Any] | None = None) -> Counter[str]:
    """How often each country is named in the article (names, adjectives, actors, places)."""
    counts: Counter[str] = Counter()
    for mention in doc.mentions:
        country = mention.data.get("country") if mention.data else None
        if isinstance(country, str):
            counts[country] += 1
        elif mention.kind == "PLACE":
            # a curated site or region names its country too; so does a sizeable town of the region
            # written exactly («کرمانشاه و همدان» in a report that never writes «ایران»)
            places = [p for i in mention.data.get("candidates", []) if isinstance(p := kb.places.get(i) or (gazetteer or {}).get(i), Place)]
            countries = {p.country for p in places}
            telling = [
                p
                for p in places
                if p.source != "geonames" or mention.data.get("exact") and p.population >= _CONTEXT_TOWN and p.country in REGION
            ]
            if len(countries) == 1 and None not in countries and telling:
                counts[str(countries.pop())] += 1
    return counts


# The population from which a GeoNames town of the region, written exactly, tells the article's country.
_CONTEXT_TOWN = 100_000


def choose_place(
    mention: Mention,
    doc: Doc,
    kb: KnowledgeBase,
    gazetteer: dict[str, Any],
    context: Counter[str],
    within: dict[str, Any] | None = None,
) -> dict[str, Any] | None:
    """The coded location for a PLACE mention, or None when nothing fits. `within` (a coded place the
    text says it lies in) keeps only the candidates near it: «سیدآباد در شهر کندز» is not another
    Sayyidabad of the country."""
    text = doc.text[mention.start : mention.end]
    if mention.ref and mention.ref.startswith("country:"):
        return country_location(kb, mention.ref.split(":", 1)[1], text)
    candidates: list[Place] = []
    for place_id in mention.data.get("candidates", []):
        place = kb.places.get(place_id) or gazetteer.get(place_id)
        if isinstance(place, Place):
            candidates.append(place)
    named_province = (
        _PROVINCE_NOUN.match(text)
        or _PROVINCES_BEFORE.search(doc.text[max(0, mention.start - 14) : mention.start])
        or _DISTRICT_BEFORE.search(doc.text[max(0, mention.start - 30) : mention.start])
    )
    if named_province and any(p.source == "admin1" for p in candidates):
        candidates = [p for p in candidates if p.source == "admin1"]  # «استان کرمانشاه»: the province, not the city
    if within is not None and country_of_ref(within.get("gazetteer_id")):
        candidates = [p for p in candidates if p.country == within["country"]]
    elif within is not None and within.get("geo_precision") == 1:
        candidates = [p for p in candidates if distance_km(p.lat, p.lon, within["lat"], within["lon"]) <= WITHIN_TOWN_KM]
    elif within is not None:
        # a province has no outline here: a place lies in it when it is near its centre, or when no
        # other province of the country has its centre nearer («بهسود ننگرهار» is not Wardak's Behsud)
        container = kb.places.get(str(within.get("gazetteer_id")))
        # homonyms within the container's own country are told apart by the nearest province centre;
        # namesakes abroad («بنو» of Baghlan for Bannu of Khyber Pakhtunkhwa) are not homonyms to weigh
        candidates = [p for p in candidates if p.country == within.get("country")] or candidates
        outline = container is not None and container.source == "admin1"
        by_outline = outline and len(candidates) > 1
        provinces: list[Place] = []

        def in_nearest_province(place: Place) -> bool:
            if not provinces:  # listed once, and only when asked
                provinces.extend(p for p in kb.places.values() if p.source == "admin1" and p.country == within.get("country"))
            return _nearest_province(place, provinces) == within.get("gazetteer_id")

        candidates = [
            p
            for p in candidates
            if distance_km(p.lat, p.lon, within["lat"], within["lon"]) <= NEAR_CENTRE_KM
            or (container is not None and p.admin1 is not None and p.admin1 == container.name)
            or (
                in_nearest_province(p)
                if by_outline  # among homonyms; a single candidate near a border is still itself
                else distance_km(p.lat, p.lon, within["lat"], within["lon"]) <= WITHIN_REGION_KM
                # a single one in a wide province («بندر راس تنوره در شرق عربستان»)
                or (outline and in_nearest_province(p))
            )
        ]
    if not candidates:
        return None
    several = len({p.country for p in candidates}) > 1
    # the country named right after tells apart only namesakes of several countries; otherwise it is
    # looked for only when it may keep a town of a country the article never names (below)
    next_country = _country_right_after(mention, doc) if several else None
    neighbours = _sentence_neighbours(mention, doc, kb, gazetteer) if several else []
    best = max(candidates, key=lambda p: _score(p, context, next_country, neighbours))
    if (
        best.source == "geonames"
        and not context.get(best.country or "")
        and best.country != (next_country if several else _country_right_after(mention, doc))
    ):
        # a town in a country the article never names is a homonym («وگو», «تازه»), unless it is a big city of the region
        if best.population < BIG_CITY or best.country not in REGION:
            return None
    # a province or a region is only the area; a sea, or a village placed by the town around it
    # («منطقه جربان در جنوب صنعا»), is near a point, not at it
    precision = 3 if best.source == "admin1" or best.kind in _REGION_KINDS else 1
    before = doc.text[max(0, mention.start - 12) : mention.start]
    near = any(word in before for word in _NEAR) or mention.data.get("located_by") or best.kind in _WATER_KINDS
    if precision == 1 and near:
        precision = 2
    return {
        "name": best.name,
        "text": text,
        "country": best.country,
        "admin1": best.admin1 if best.source != "geonames" else None,
        "lat": best.lat,
        "lon": best.lon,
        "geo_precision": precision,
        "gazetteer_id": best.id,
    }


def _nearest_province(place: Place, provinces: list[Place]) -> str | None:
    nearest = min(provinces, key=lambda p: distance_km(place.lat, place.lon, p.lat, p.lon), default=None)
    return nearest.id if nearest is not None else None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def country_location(kb: KnowledgeBase, iso3: str, text: str | None) -> dict[str, Any] | None:
    """A country as a location: its centroid, geo_precision 3."""
    country = kb.countries.get(iso3)
    if country is None:
        return None
    return {
        "name": country.name,
        "text": text,
        "country": iso3,
        "admin1": None,
        "lat": country.lat,
        "lon": country.lon,
        "geo_precision": 3,
        "gazetteer_id": f"country:{iso3}",
    }


def _country_right_after(mention: Mention, doc: Doc) -> str | None:
    """«ذمار عراق», «کالسو در عراق»: a country named right after the place."""
    for other in doc.mentions:
        if 0 <= other.start - mention.end <= 6 and other.ref and other.ref.startswith("country:"):
            return other.ref.split(":", 1)[1]
    return None


def _score(
    place: Place, context: Counter[str], next_country: str | None, neighbours: list[Place] | None = None
) -> tuple[int, int, int, int, int]:
    same = 1 if next_country and place.country == next_country else 0
    in_context = context.get(place.country or "", 0)
    # «در پیشاور ... در محله یکه‌توت»: of namesakes in two countries the article names alike, the one
    # near another place of the same sentence
    near = int(any(distance_km(place.lat, place.lon, n.lat, n.lon) <= _NEIGHBOUR_KM for n in neighbours or []))
    return (same, min(in_context, 3), near, -_SOURCE_RANK.get(place.source, 1), place.population)


def _sentence_neighbours(mention: Mention, doc: Doc, kb: KnowledgeBase, gazetteer: dict[str, Any]) -> list[Place]:
    """The places named unambiguously (one candidate) in the sentence of `mention`, other than it."""
    sentence = next((s for s in doc.sentences if s.start <= mention.start < s.end), None)
    if sentence is None:
        return []
    found: list[Place] = []
    for other in doc.mentions:
        if other.kind != "PLACE" or other is mention or not (sentence.start <= other.start < sentence.end):
            continue
        ids = other.data.get("candidates", [])
        place = kb.places.get(ids[0]) or gazetteer.get(ids[0]) if len(ids) == 1 else None
        if isinstance(place, Place):
            found.append(place)
    return found


# How near another place of the sentence a namesake must lie to be taken for the one meant.
_NEIGHBOUR_KM = 150
