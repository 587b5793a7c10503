"""PLOVER events: who did what to whom, where, when, how many.

Every word of the language's `events.toml` is a trigger: a verb ("a frappé", "a rencontré"), a noun
("les frappes", "une vidéoconférence") or a verb with one of its words ("a ouvert le feu"). Each
occurrence is read in the dependency parse:

    happened?   negation, conditional, future, subjunctive, an infinitive under a modal or a verb of
                intention, a hypothesis ("si"), a plan or a threat above it: not coded.
    by whom     asserted by the article; reported inside someone's statement ("selon X", "X affirme
                que", "X accuse Y d'avoir", the hearsay "aurait frappé"), with who reports it;
                denied when a party denies it ("l'armée dément avoir frappé"). A speaker's own words
                in quotation marks are left out, unless a verb of the article governs them ("a
                décidé de « suspendre … »").
    who         the subject (or "par X" in a passive), a demonym ("des frappes russes" → the Russia
                of the article); the object, "contre X", the person met (PLOVER codes a visitor as
                the source and the host as the target)
    where       places of the clause: "à", "en", "dans X", "les rues de X", a struck place
    when        a time expression of the clause, else of the clauses that report it; never the
                publication date by default. An event dated after publication is a plan.
    how many    killed and injured (see `casualties`), for assaults; a toll told in a sentence of
                its own ("Le gouverneur a confirmé 11 morts") counts for the assault of its paragraph

A noun is an event when something happens to it in its clause ("les attaques … ont blessé", "ont
tenu une vidéoconférence", "lors du sommet") or when it carries its own place or date ("le meurtre
de trois Kurdes vendredi à Paris"); "ces réunions", "l'attaque" with neither point back to an event
already told. Tellings of one event (the lead and the body, "la rencontre" then "a rencontré") merge
when they agree on type, date, place and participants.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...model import Entity, Event, Quote, TimeExpr
from ..clauses import Clauses
from ..context import Context
from .lexicon import Lexicon
from .merge import merge, share_setting
from .reading import Reading
from .telling import read
from .tolls import tolls

__all__ = ["extract"]


def extract(doc: Doc, ctx: Context, entities: list[Entity], times: list[TimeExpr],
            clauses: Clauses | None = None, quotes: list[Quote] | None = None) -> list[Event]:
    """Every event the article tells as having happened, in text order, ids "v1", "v2", …: asserted by
    the article, reported by someone's statement (one of `quotes`, or "X accuse Y d'avoir …"), or
    denied by a party."""
    clauses = clauses or Clauses(doc, ctx.language, entities, times)
    reader = Reading(doc, Lexicon.of(ctx.language), clauses, ctx.published, quotes)
    tellings = [t for token in doc if (t := read(reader, token)) is not None]
    events = merge(tellings)
    share_setting(tellings, events)
    tolls(reader, tellings)
    for event in events:
        event.places = event.places or event.home
    text = reader.text
    return [Event(id=f"v{n}", type=e.type, text=text[e.start:e.end], start=e.start, end=e.end,
                  mode=e.mode, actors=e.actors, targets=e.targets, locations=e.places, date=e.date,
                  killed=e.killed, injured=e.injured, modality=e.modality, reported_by=e.reported_by,
                  reported_by_text=e.reported_by_text)
            for n, e in enumerate(events, start=1)]
