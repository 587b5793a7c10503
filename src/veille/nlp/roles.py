"""The title or function an article gives a person, from the words around one mention.

Four constructions, tried in this order:
    apposition after   "Giuseppe Cavo Dragone, président du Comité militaire de l'OTAN, a déclaré"
    relative after     "Marie Dupont, qui dirige le syndicat, …", "Jean Roux, qui est maire de Tulle, …"
    apposition before  "Le ministre russe des affaires étrangères, Sergueï Lavrov, a critiqué"
    title before       "le président russe Vladimir Poutine"
A role is a phrase whose head word is a title of the language's `titles.toml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from ..lang import Language
from ..lang.text import PHRASE_BREAKS as BREAKS
from ..lang.text import straighten
from .context import text_of
from .syntax import lemmas

MAX_WORDS = 14


@dataclass(frozen=True)
class Titles:
    """The words a role is read with: the heads of a title, the words that may precede them, the
    words that end it by opening a clause ("le ministre qui …"), and for a person the relative
    pronouns, copula and verbs of a function told in a clause ("X, qui dirige …", "X, qui est maire")."""

    heads: frozenset[str]
    premods: frozenset[str]
    openers: frozenset[str]
    relatives: frozenset[str] = frozenset()
    copula: str = ""
    function_verbs: frozenset[str] = frozenset()


@cache
def _titles(language: Language, kind: str) -> Titles:
    titles, grammar = language.titles, language.grammar
    if kind != "PER":
        return Titles(frozenset(titles.organisation_heads), frozenset(titles.pre_modifiers),
                      grammar.pronouns.clause_openers)
    return Titles(frozenset(titles.heads), frozenset(titles.pre_modifiers), grammar.pronouns.clause_openers,
                  frozenset(grammar.pronouns.relatives), grammar.verbs.copula, frozenset(titles.function_verbs))


def find(doc: Doc, start: int, end: int, language: Language, kind: str = "PER") -> str | None:
    """The role of the entity mentioned at [start, end): a person's title, or what an organisation is
    ("le quotidien Les Échos", "X, le réseau social")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    words = _titles(language, kind)
    found = _after(doc, span.start, span.end, words, kind) or _in_relative(doc, span.end, words, language)
    if found:
        return found
    for finder in (_before_comma, _before):
        found = finder(doc, span.start, span.end, words)
        if found:
            return found
    return None


def _is_head(token: Token, heads: frozenset[str]) -> bool:
    return token.lower_ in heads or (token.pos_ == "NOUN" and token.lemma_.lower() in heads)


def _phrase_from(doc: Doc, i: int, words: Titles, stop: int) -> tuple[int, int] | None:
    """A title phrase starting at token i (after an optional article), ending before a break."""
    while i < stop and doc[i].pos_ == "DET":
        i += 1
    first = i
    heads, premods = words.heads, words.premods
    while i < stop and doc[i].lower_ in premods and not _is_head(doc[i], heads):
        i += 1
    if i >= stop or not _is_head(doc[i], heads):
        return None
    end = i + 1
    while end < stop and end - first < MAX_WORDS:
        token = doc[end]
        if token.text in BREAKS or token.is_space or _is_finite_verb(token) or straighten(token.lower_) in words.openers:
            break
        end += 1
    if end < len(doc) and doc[end].text == "(":  # "(CDK-F)" completes the title it follows
        close = next((j for j in range(end, min(end + 6, len(doc))) if doc[j].text == ")"), None)
        if close is not None:
            end = close + 1
    return first, end


def _is_finite_verb(token: Token) -> bool:
    return token.pos_ == "AUX" or (token.pos_ == "VERB" and "Part" not in token.morph.get("VerbForm"))


def _text(doc: Doc, first: int, end: int) -> str:
    return text_of(doc)[doc[first].idx:doc[end - 1].idx + len(doc[end - 1].text)]


def _after(doc: Doc, start: int, end: int, words: Titles, kind: str) -> str | None:
    if end >= len(doc) or doc[end].text != ",":
        return None
    sentence_end = doc[end].sent.end
    found = _phrase_from(doc, end + 1, words, sentence_end)
    if found is None:
        return None
    if kind != "PER" and doc[end + 1].pos_ == "DET" and found[1] < len(doc) and _is_finite_verb(doc[found[1]]):
        # "sur sa page Facebook, le ministère annonce": the next clause's subject; after a person's name
        # the same words are often an apposition whose closing comma was left out ("X, le maire rappelle")
        return None
    return _text(doc, *found)


def _in_relative(doc: Doc, end: int, words: Titles, language: Language) -> str | None:
    """'X, qui dirige le syndicat des infirmiers, …' → 'dirige le syndicat des infirmiers'; 'X, qui est
    maire de Tulle depuis 2014' → 'maire de Tulle'."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in words.relatives:
        return None
    verb = doc[end + 2]
    sentence_end = doc[end].sent.end
    if verb.lemma_.lower() == words.copula and verb.pos_ in ("AUX", "VERB"):
        found = _phrase_from(doc, end + 3, words, sentence_end)
        return _text(doc, *found) if found else None
    if verb.pos_ != "VERB" or not lemmas(verb, language.grammar) & words.function_verbs:
        return None  # the lemmatizer may leave "préside" as it is
    stop = end + 3
    while stop < sentence_end and stop - end <= MAX_WORDS and doc[stop].text not in BREAKS \
            and not _is_finite_verb(doc[stop]) and not doc[stop].is_space:
        stop += 1
    return _text(doc, end + 2, stop) if stop > end + 3 else None


def _before_comma(doc: Doc, start: int, end: int, words: Titles) -> str | None:
    """'…, le leader des Insoumis, Jean-Luc Mélenchon': a title that ends at the comma before the name."""
    if start < 2 or doc[start - 1].text != ",":
        return None
    return _before(doc, start - 1, end, words)


def _before(doc: Doc, start: int, end: int, words: Titles) -> str | None:
    """The nearest title word before the name, widened to the title words and modifiers right before it."""
    heads, premods = words.heads, words.premods
    sentence_start = doc[start].sent.start
    i = start - 1
    head = None
    while i >= sentence_start and start - i <= MAX_WORDS:
        token = doc[i]
        if token.text == ")":  # "le président de l'Association européenne des forains (AECF), X"
            opening = next((j for j in range(i - 1, max(i - 8, sentence_start - 1), -1) if doc[j].text == "("), None)
            if opening is not None:
                i = opening - 1
                continue
        complement = token.pos_ == "PROPN" and i > sentence_start and (
            doc[i - 1].pos_ in ("ADP", "DET") or doc[i - 1].text == "-")  # "des commerçants-forains"
        if token.text in BREAKS or token.is_space or (
                token.pos_ in ("VERB", "AUX", "PROPN") and not complement and not _is_head(token, heads)):
            break  # "le dirigeant du Tchad, X" reads on; "Tchad X" would be two names
        if _is_head(token, heads):
            head = i
            break
        i -= 1
    if head is None:
        return None
    first = head
    while first - 1 >= sentence_start and (_is_head(doc[first - 1], heads) or doc[first - 1].lower_ in premods):
        first -= 1
    return _text(doc, first, start)
