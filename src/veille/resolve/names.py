"""Keys under which two writings of one name meet: folded, without courtesy titles or articles.

    >>> person_key("M. Sergueï Lavrov")
    'serguei lavrov'
    >>> name_key("l'OTAN") == name_key("NATO")
    True
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from ..nlp import lexicon

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
PUNCTUATION = re.compile(r"[^\w\s'-]")
# "de", "von der", "ben", "Le" inside a surname; a name made of these alone is no name.
PARTICLES = {"de", "du", "des", "d'", "la", "le", "les", "von", "van", "der", "den", "ben", "bin", "ibn", "al",
             "el", "da", "di", "dos", "del", "y", "et"}


def fold(text: str) -> str:
    """Lower case without accents, straight apostrophes and single spaces: 'L’Élysée' → "l'elysee"."""
    if not text.isascii():
        text = _marks().sub("", unicodedata.normalize("NFKD", text.translate(APOSTROPHES)))
    return " ".join(text.casefold().split())


@cache
def _marks() -> re.Pattern[str]:
    """The combining marks (accents once NFKD has split them off) as one character class, built once:
    a regular expression strips them from a whole article several times faster than a test per
    character. Marks outside the Basic Multilingual Plane, none of them used in writing, stay."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        if unicodedata.combining(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]")


def clean(text: str) -> str:
    """A name as written, with its spaces (non-breaking ones included) made single and plain."""
    return " ".join(text.split())


def person_key(name: str, language: str = "fr") -> str:
    """A person's name without courtesy titles, leading lower-case words, dots or case:
    "M. V. Poutine" → 'v poutine', "président Zelensky" → 'zelensky', "de Gaulle" → 'de gaulle'."""
    words = _strip_honorifics(clean(name), language).split()
    while len(words) > 1 and words[0][:1].islower() and fold(words[0]) not in PARTICLES:
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
    first = next((w for w in words if fold(w) not in PARTICLES), "")
    return bool(first) and (first[0].isupper() or first[0].isdigit())


def lexicon_file(language: str, name: str) -> dict[str, Any]:
    """One file of the language's lexicon (`lexicon/fr/demonyms.toml`), or {} when there is none."""
    try:
        return lexicon.load(language).get(name, {})
    except KeyError:  # no lexicon for this language
        return {}


class _Words:
    def __init__(self, language: str) -> None:
        titles, entities = lexicon_file(language, "titles"), lexicon_file(language, "entities")
        self.honorifics = {fold(h).rstrip(".") for h in titles.get("honorifics", [])}
        self.determiners = sorted({fold(d) for d in entities.get("determiners", [])}, key=len, reverse=True)
        self.variant_of: dict[str, str] = {}
        self.groups: dict[str, tuple[str, ...]] = {}
        for group in entities.get("variants", []):
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
