"""Keys under which two writings of one name meet: folded, without courtesy titles or articles.

    >>> person_key("M. Sergueï Lavrov")
    'serguei lavrov'
    >>> name_key("l'OTAN") == name_key("NATO")
    True
"""

from __future__ import annotations

import re
from functools import cache

from .. import lang
from ..lang.text import fold

__all__ = ["clean", "name_key", "name_like", "person_key", "variants"]

PUNCTUATION = re.compile(r"[^\w\s'-]")


def clean(text: str) -> str:
    """A name as written, with its spaces (non-breaking ones included) made single and plain."""
    return " ".join(text.split())


def person_key(name: str, language: str = "fr") -> str:
    """A person's name without courtesy titles, leading lower-case words, dots or case:
    "M. V. Poutine" → 'v poutine', "président Zelensky" → 'zelensky', "de Gaulle" → 'de gaulle'."""
    words = _strip_honorifics(clean(name), language).split()
    particles = _words(language).particles
    while len(words) > 1 and words[0][:1].islower() and fold(words[0]) not in particles:
        words = words[1:]
    folded = PUNCTUATION.sub(" ", fold(" ".join(words))).split()
    return " ".join(w.strip("'-") for w in folded if w.strip("'-"))


def name_key(name: str, language: str = "fr") -> str:
    """An organisation's or place's name without leading article, hyphens or case, spelling variants joined.

    "la Maison-Blanche" and "Maison Blanche" share a key, and so do the variants the lexicon lists
    ("Kiev", "Kyiv"; "OTAN", "NATO").
    """
    key = _bare_key(name, language)
    return _words(language).variant_of.get(key, key)


def variants(name: str, language: str = "fr") -> list[str]:
    """The lexicon's other writings of `name` (first the group's own order), or [] when it lists none."""
    words = _words(language)
    return list(words.groups.get(words.variant_of.get(_bare_key(name, language), ""), ()))


def name_like(text: str, language: str = "fr") -> bool:
    """True when `text`, once its article and courtesy title go, reads as a proper name ("l'OTAN", "M. Lavrov")
    rather than a description ("le président russe", "l'alliance")."""
    words = _strip_determiner(_strip_honorifics(clean(text), language), language).split()
    first = next((w for w in words if fold(w) not in _words(language).particles), "")
    return bool(first) and (first[0].isupper() or first[0].isdigit())


class _Words:
    """The name knowledge of one language; none for a language without data."""

    def __init__(self, language: str) -> None:
        self.honorifics: set[str] = set()
        self.determiners: list[str] = []
        self.particles: frozenset[str] = frozenset()
        self.variant_of: dict[str, str] = {}
        self.groups: dict[str, tuple[str, ...]] = {}
        if language not in lang.languages():
            return
        data = lang.load(language)
        self.honorifics = {fold(h).rstrip(".") for h in data.titles.honorifics}
        self.determiners = sorted({fold(d) for d in data.entities.determiners}, key=len, reverse=True)
        self.particles = data.entities.particles
        for group in data.entities.variants:
            head = self._key(group[0])
            self.groups[head] = tuple(group)
            for name in group:
                self.variant_of[self._key(name)] = head

    def _key(self, name: str) -> str:
        text = fold(_strip_determiner(clean(name), "", self.determiners)).replace("-", " ")
        return " ".join(PUNCTUATION.sub(" ", text).split())


@cache
def _words(language: str) -> _Words:
    return _Words(language)


def _bare_key(name: str, language: str) -> str:
    return _words(language)._key(name)


def _strip_honorifics(name: str, language: str) -> str:
    words = name.split()
    while len(words) > 1 and fold(words[0]).rstrip(".") in _words(language).honorifics:
        words = words[1:]
    return " ".join(words)


def _strip_determiner(name: str, language: str, determiners: list[str] | None = None) -> str:
    folded = fold(name)
    for determiner in determiners if determiners is not None else _words(language).determiners:
        if folded.startswith(determiner) and len(folded) > len(determiner):
            # fold keeps the length of an accentless prefix, and determiners have no accents
            return name[len(determiner):].lstrip()
    return name
