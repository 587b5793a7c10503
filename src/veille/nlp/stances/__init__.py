"""Who demands, supports or opposes what.

Every predicate of the language's `stances.toml` is a cue, read from the dependency parse:

    verb         "L'Ukraine exige des garanties", "Trump a exclu l'envoi de troupes"
    verb + prep  "s'est engagée à soutenir cette initiative", "appelle les élus à adopter …"
    adjective    "ne sommes pas d'accord avec …", "Eric Ciotti, favorable à la réforme, …"
    noun         "avons besoin de garanties", "a exprimé son soutien à …", "la nécessité de …"
    incise       "« … », a dénoncé le ministre": the quoted words are the target
    passive      "La levée de cette politique était contestée par 19 États"

The holder is the subject, named by `speakers.Resolver`: "nous", "je" and "on" stand for the speaker of
the quotation they are in, a pronoun in a reported clause for the one who reports it ("La Russie a
déclaré qu'elle n'accepterait pas …"), a relative "qui" for the phrase it hangs on. The target is the
complement as written, up to where a new clause or a circumstance begins; a bare demonstrative ("cette
initiative") gives way to what it names, a relative ("dont il ne veut pas entendre parler") to its
antecedent. The evidence is the sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...model import Entity, Quote, Stance
from .. import quotes as quote_stage
from .. import times as time_stage
from ..clauses import Clauses
from ..context import Context
from .evidence import stance
from .lexicon import Lexicon
from .reading import Reading
from .triggers import read

__all__ = ["extract"]


def extract(doc: Doc, ctx: Context, entities: list[Entity], quotes: list[Quote] | None = None,
            clauses: Clauses | None = None) -> list[Stance]:
    """The stances of one article, in text order. `quotes` are the article's quotations, whose
    speakers own the "nous" and "je" inside them; without them they are found here."""
    if clauses is None:
        clauses = Clauses(doc, ctx.language, entities, time_stage.extract(doc, ctx))
    if quotes is None:
        quotes = quote_stage.extract(doc, ctx, entities, clauses.times)
    reader = Reading(doc, entities, Lexicon.of(ctx.language), quotes, clauses, ctx.published)
    stances: list[Stance] = []
    for token in doc:
        found = read(reader, token)
        if found is None:
            continue
        for holder in found.holders:
            found_stance = stance(reader, found, holder)
            if found_stance is not None and not any(_restates(found_stance, s) for s in stances):
                stances.append(found_stance)
                reader.resolver.heard(holder.start, holder)
    return stances


def _restates(stance: Stance, before: Stance) -> bool:
    """The same side taken by the same holder on a target one holds the other: "« Il est inacceptable
    que … », a dénoncé X" is one opposition, read from the adjective and from the incise."""
    return (stance.holder, stance.holder_text, stance.polarity) == (before.holder, before.holder_text, before.polarity) \
        and (stance.target in before.target or before.target in stance.target)
