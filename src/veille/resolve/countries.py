"""Countries as ISO 3166-1 alpha-2 codes, from their French names and their people's adjectives.

Two sources: the language's demonym file (`lang/fr/demonyms.toml`: "Russie", "russe" → RU;
XK and EU included on purpose) and pycountry's French translation of the ISO names
("Corée, République de" read also as "République de Corée"). A name two countries share is
dropped rather than given to either.

    >>> country_in("ministre suédois des Affaires étrangères")
    'SE'
    >>> code_of("Fédération de Russie")
    'RU'
"""

from __future__ import annotations

import gettext
import re
from functools import cache

import pycountry

from .. import lang
from ..lang.text import fold

ISO2 = re.compile(r"[A-Z]{2}")


def code_of(name: str, language: str = "fr") -> str | None:
    """The code of the country `name` names as a whole ("la Russie", "États-Unis"), else None."""
    words = _words(language)
    folded = fold(name)
    for determiner in words.articles:
        if folded.startswith(determiner) and folded[len(determiner):] in words.by_name:
            return words.by_name[folded[len(determiner):]]
    return words.by_name.get(folded)


def country_in(text: str | None, language: str = "fr") -> str | None:
    """The first country a title or name speaks of, by adjective or by name, else None.

    "président russe" → RU, "l'amiral italien" → IT, "ambassadeur de France en Russie" → FR.
    """
    if not text:
        return None
    found = _words(language).pattern.search(fold(text))
    return _words(language).by_word[found.group(0)] if found else None


def name_of(code: str, language: str = "fr") -> str | None:
    """The country's usual name in `language` ("RU" → "Russie"), else None."""
    return _words(language).names.get(code)


class _Words:
    def __init__(self, language: str) -> None:
        self.by_name: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.articles: list[str] = []  # "la ", "l'": what may open a country's name
        adjectives: dict[str, str] = {}
        data = lang.load(language) if language in lang.languages() else None
        if data is not None:
            determiners = data.grammar.determiners
            self.articles = [w if w.endswith("'") else w + " " for w in
                             sorted(determiners.definite | determiners.plural_definite)]
        for key, entry in (data.demonyms if data is not None else {}).items():
            if not ISO2.fullmatch(key):  # peoples without a state ("kurdes") have no code
                continue
            for name in entry.names:
                self.by_name.setdefault(fold(name), key)
                self.names.setdefault(key, name)
            for adjective in entry.adjectives:
                adjectives.setdefault(fold(adjective), key)
        for name, code in _iso_names(language).items():
            self.by_name.setdefault(name, code)
        self.by_word = {**adjectives, **self.by_name}
        alternatives = "|".join(re.escape(w) for w in sorted(self.by_word, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _iso_names(language: str) -> dict[str, str]:
    """Folded names of each country in `language` from pycountry's ISO 3166-1 translations."""
    try:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:  # no translation for this language: the lexicon's names alone
        return {}
    codes: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for field in ("name", "common_name", "official_name"):
            original = getattr(country, field, None)
            if original:
                for name in _readings(translation.gettext(original)):
                    codes.setdefault(fold(name), set()).add(country.alpha_2)
    return {name: next(iter(found)) for name, found in codes.items() if len(found) == 1}


def _readings(name: str) -> list[str]:
    """ISO's inverted names read both ways: "Corée, République de" → itself, "République de Corée", "Corée"."""
    name = re.sub(r"\s*\(.*?\)", "", name).strip()
    if ", " not in name:
        return [name]
    head, tail = name.split(", ", 1)
    joined = f"{tail}{'' if tail.endswith(chr(39)) else ' '}{head}"
    return [name, joined, head]


@cache
def _words(language: str) -> _Words:
    return _Words(language)
