"""What the stance stage reads of one article: its parse, its quotations and the speakers it names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ...model import Entity, Polarity, Quote
from ..clauses import Clauses
from ..context import text_of
from ..speakers import Resolver, Speaker
from ..syntax import Range

if TYPE_CHECKING:
    from .lexicon import Lexicon


@dataclass
class Found:
    """One predicate occurrence before it becomes Stances."""

    anchor: Token
    polarity: Polarity
    holders: list[Speaker]
    target: Range | str  # tokens, or words taken from a quotation


class Reading:
    """One article as the stance stage reads it. It remembers who was named as it goes (for the
    pronouns after them), which infinitives a stance already took in (`absorbed`), and each word's
    sentence once found."""

    def __init__(self, doc: Doc, entities: list[Entity], lex: Lexicon, quotes: list[Quote], clauses: Clauses,
                 published: date | None = None) -> None:
        self.doc, self.lex, self.quotes, self.clauses, self.published = doc, lex, quotes, clauses, published
        self.text = text_of(doc)
        self.resolver = Resolver(clauses)
        for q in sorted(quotes, key=lambda q: q.start if q.speaker_start is None else q.speaker_start):
            if q.speaker_text and q.speaker_start is not None and q.speaker_end is not None:
                self.resolver.heard(q.speaker_start, Speaker(q.speaker, q.speaker_text, q.speaker_start,
                                                             q.speaker_end))
        # "La Russie a qualifié … Elle exige …": places and bodies that are subjects are antecedents too,
        # when their gender is known (the Resolver itself remembers persons only)
        for token in doc:
            if token.dep_.startswith("nsubj") and token.morph.get("Gender", []):
                for start, end, entity, kind in self.resolver.mentions.covering(token.idx, token.idx + len(token.text)):
                    if entity.type in ("ORG", "LOC") and kind == "name":
                        self.resolver.heard(start, Speaker(None, self.text[start:end], start, end))
        self.absorbed: set[int] = set()
        self.time_starts = {t.start for t in clauses.times}  # where the article's time expressions start
        self.sentences: dict[int, Range] = {}
