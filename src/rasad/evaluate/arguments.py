"""The per-argument rules of the scorer: dates, places and actors of one gold event vs one prediction.

Arguments of matched pairs are right or wrong, or not scored (None) when the gold
does not constrain them: actors and place when the gold has no `*_any` list, the
date when the gold has none. `fatalities`/`injured` are always scored (a missing
gold count means null). An actor is right when its `text` and one gold `fa` form
contain each other after folding (spaces and ZWNJ removed), when its `name` equals
the gold `en` (case-insensitive), or when it is null and null is in the list.

Places: a prediction with coordinates fits a gold point when it lies within
`radius_km` of it (haversine), whatever its precision (a gold writer who accepts a
province answer gives the province as a point with a wide radius); a prediction
claiming no finer place (geo_precision 3, or no coordinates) fits a gold
country-level option of the same country; no location at all fits any
country-level option.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from rasad.normalize import fold
from rasad.normalize.letters import letter_edits
from rasad.normalize.rewrite import apply_edits

ARGUMENTS = (
    "actor1",
    "actor2",
    "location",
    "date",
    "fatalities",
    "injured",
    "timing",
    "acled_sub_event_type",
)

EARTH_RADIUS_KM = 6371.0088
ZWNJ = "\u200c"


def parse_day(value: Any) -> date | None:
    """The date of an ISO `YYYY-MM-DD…` string; None for anything else."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def pred_day(pred: Mapping[str, Any]) -> date | None:
    value = pred.get("date")
    return parse_day(value.get("value")) if isinstance(value, Mapping) else None


def day_distance(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> int | None:
    """Days between the gold and the predicted date; None unless both have one."""
    gold_date = gold.get("date")
    day = pred_day(pred)
    gold_day = parse_day(gold_date.get("value")) if isinstance(gold_date, Mapping) else None
    return abs((day - gold_day).days) if day is not None and gold_day is not None else None


def tolerance(gold: Mapping[str, Any]) -> int:
    return int((gold.get("date") or {}).get("tolerance_days", 0))


def date_fits(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    days = day_distance(gold, pred)
    return days is None or days <= tolerance(gold)


def date_right(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool | None:
    if not gold.get("date"):
        return None
    days = day_distance(gold, pred)
    return days is not None and days <= tolerance(gold)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def is_country_level(option: Mapping[str, Any]) -> bool:
    return option.get("geo_precision") == 3 and "lat" not in option


def claims_no_finer_place(location: Mapping[str, Any]) -> bool:
    return location.get("geo_precision") == 3 or location.get("lat") is None or location.get("lon") is None


def place_distance(option: Mapping[str, Any], location: Mapping[str, Any] | None) -> float | None:
    """km beyond which the prediction leaves this gold option (0 for country level); None if it does not fit."""
    if location is None:
        return 0.0 if is_country_level(option) else None
    if is_country_level(option):
        fits = claims_no_finer_place(location) and location.get("country") == option["country"]
        return 0.0 if fits else None
    if location.get("lat") is None or location.get("lon") is None:
        return None
    km = haversine_km(
        float(location["lat"]), float(location["lon"]), float(option["lat"]), float(option["lon"])
    )
    return km if km <= float(option["radius_km"]) else None


def location_distance(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> float | None:
    """Distance to the nearest fitting gold option (0 when the gold gives no place); None if none fits."""
    options = gold.get("location_any")
    if not options:
        return 0.0
    distances = [d for d in (place_distance(o, pred.get("location")) for o in options) if d is not None]
    return min(distances) if distances else None


def location_right(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool | None:
    if not gold.get("location_any"):
        return None
    return location_distance(gold, pred) is not None


def squeeze(text: str) -> str:
    """The folded text without spaces or ZWNJ: «گردان‌های حزب‌الله» and «گردانهای حزبالله» agree. Letters
    are first made canonical as the normalizer makes the article's («هەنگاو» is «هه‌نگاو», a tatweel goes)."""
    canonical, _ = apply_edits(text, letter_edits(text))
    return "".join(c for c in fold(canonical) if not c.isspace() and c != ZWNJ)


def english_names(gold_english: str) -> set[str]:
    """The gold's English name, its head before «: » — «Civilians (Ukraine): Bilopillia» is fitted by
    ACLED's own name «Civilians (Ukraine)»; the detail after the colon only says which ones — and the
    head without a closing abbreviation or gloss in brackets («Police Forces of Iran (FARAJA)»), except
    where ACLED's name keeps the country there («Civilians (Iran)», «Protesters (Iraq)»)."""
    whole = gold_english.strip().casefold()
    head = whole.split(": ", 1)[0].strip()
    names = {whole, head}
    bare = _BRACKETED_END.sub("", head).strip()
    if bare and bare != head and bare not in _COUNTRY_IN_BRACKETS:
        names.add(bare)
    return names


# A gloss in brackets at the end of a name: «Syrian Democratic Forces (SDF)».
_BRACKETED_END = re.compile(r"\s*\([^()]*\)$")
# ACLED names whose brackets hold the country and belong to the name.
_COUNTRY_IN_BRACKETS = frozenset({"civilians", "protesters", "rioters", "journalists", "refugees/idps", "prisoners"})


def actor_fits(option: Mapping[str, Any] | None, actor: Mapping[str, Any] | None) -> bool:
    if option is None or actor is None:
        return option is None and actor is None
    name = actor.get("name")
    if isinstance(name, str) and name.strip().casefold() in english_names(str(option["en"])):
        return True
    text = squeeze(actor.get("text") or "")
    forms = [squeeze(form) for form in option.get("fa", [])]
    return bool(text) and any(form and (form in text or text in form) for form in forms)


def actor_right(
    options: Sequence[Mapping[str, Any] | None] | None, actor: Mapping[str, Any] | None
) -> bool | None:
    if options is None:
        return None
    return any(actor_fits(option, actor) for option in options)


def acled_right(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    subs = gold.get("acled_sub_event_type")
    acled = pred.get("acled")
    if not subs:
        return acled is None
    return isinstance(acled, Mapping) and acled.get("sub_event_type") in subs


def argument_results(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> dict[str, bool | None]:
    """Right (True), wrong (False) or not scored (None), for every argument in ARGUMENTS."""
    return {
        "actor1": actor_right(gold.get("actor1_any"), pred.get("actor1")),
        "actor2": actor_right(gold.get("actor2_any"), pred.get("actor2")),
        "location": location_right(gold, pred),
        "date": date_right(gold, pred),
        "fatalities": gold.get("fatalities") == pred.get("fatalities"),
        "injured": gold.get("injured") == pred.get("injured"),
        "timing": gold.get("timing") == pred.get("timing"),
        "acled_sub_event_type": acled_right(gold, pred),
    }
