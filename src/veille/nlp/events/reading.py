"""What the event stage reads of one article: its parse and clauses, and who its words name."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from ...lang.text import fold
from ...model import Quote
from ..clauses import Clauses
from .lexicon import Lexicon


class Reading:
    """One article as the event stage reads it: the lexicon, the clauses (with which words name an
    entity or a time), the publication day, the entities by name and the quotes."""

    def __init__(self, doc: Doc, lex: Lexicon, clauses: Clauses, published: date | None,
                 quotes: list[Quote] | None = None) -> None:
        self.doc, self.lex, self.clauses, self.published = doc, lex, clauses, published
        self.quotes = sorted(quotes or [], key=lambda q: q.end - q.start)  # the innermost first
        self.text = clauses.text
        self.entity_of, self.root_of, self.mention_root = clauses.entity_of, clauses.root_of, clauses.mention_root
        self.time_at = clauses.time_at
        entities = clauses.entities
        self.by_name = {fold(n): e for e in entities for n in [e.name, *(m.text for m in e.mentions if m.kind == "name")]}
        self.places_named = {e.id for e in entities if e.type == "LOC"}

    def statement_at(self, token: Token) -> Quote | None:
        """The innermost quote, direct or reported, whose words hold this word."""
        return next((q for q in self.quotes if q.start <= token.idx < q.end), None)

    def entity_type(self, token: Token) -> str | None:
        entity = self.entity_of.get(token.i)
        return entity.type if entity else None

    def is_loc(self, entity_id: str) -> bool:
        return entity_id in self.places_named

    def is_person(self, token: Token) -> bool:
        """A named entity, a pronoun or a noun of people ("des manifestants", "des centaines de personnes")."""
        context = self.lex.context
        if token.lemma_.lower() in context.containers:  # "des centaines de personnes"
            return any(self.is_person(c) for c in token.children if c.dep_ == "nmod")
        return (self.entity_type(token) in ("PER", "ORG", "LOC") or token.lemma_.lower() in context.persons
                or token.pos_ == "PRON" or any(self.entity_type(c) == "PER" for c in token.children
                                               if c.dep_ in ("appos", "flat:name", "nmod")))


def unique(ids: list[str]) -> list[str]:
    """The ids in their first order, each once."""
    return list(dict.fromkeys(ids))
