"""Which entity a pronoun, a demonstrative or a definite description stands for, once per article.

    il, elle, -t-il, -elle       the person or body of the same gender and number that stands out
                                 before it: the one who reports the clause it is in ("X a affirmé
                                 qu'il …"), else the subject of the nearest sentence naming one
    ce dernier, celle-ci         the latest one named, of that gender
    le ministre, la dirigeante   the one the article gave that title, of that gender
    le groupe, le quotidien      the body whose name or role has that noun

A link is made only when one antecedent stands out; an ambiguous pronoun stays unlinked, since no
speaker is better than a wrong one. The links join their entities' mentions (kind "pronoun" or
"description"), so every later stage reads them as mentions of the entity.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ...model import Entity, Span
from ..context import Context
from .linker import Linker
from .records import Link

__all__ = ["Link", "Linker", "extract"]


def extract(doc: Doc, ctx: Context, entities: list[Entity]) -> list[Entity]:
    """The entities with their pronoun and description mentions added, in text order."""
    links = Linker(doc, ctx.language, entities).links()
    added: dict[str, list[Span]] = {}
    for found in links:
        added.setdefault(found.entity, []).append(Span(found.start, found.end, found.text, found.kind))
    return [replace(e, mentions=sorted([*e.mentions, *added[e.id]], key=lambda s: s.start)) if e.id in added else e
            for e in entities]
