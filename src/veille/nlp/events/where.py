"""Where an event happened: the places of its words that say where, not who acts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..syntax import PREDICATES, SUBJECTS, cases
from .reading import unique

if TYPE_CHECKING:
    from .reading import Reading


def places(r: Reading, scope: frozenset[int], trigger: Token, actors: list[str]) -> list[str]:
    """The places the words of an event name as where it happened."""
    found = []
    for i in sorted(scope):
        entity = r.entity_of.get(i)
        if entity is None or entity.type != "LOC" or i not in r.mention_root:
            continue
        token = r.doc[i]
        if entity.id in actors and not locative_case(r, token):
            continue
        if _is_place(r, token, trigger):
            found.append(entity.id)
    return unique(found)


def _is_place(r: Reading, token: Token, trigger: Token, depth: int = 0) -> bool:
    """"à Kiev", "en Alaska", "les rues de Paris", "six régions de l'Ukraine", "Tunis (Tunisie)";
    not "l'ambassadeur de France" (an affiliation) nor "la Russie a frappé" (the actor)."""
    if locative_case(r, token):
        return not _modifies_other_noun(r, token, trigger)
    introduced = cases(token)
    head = token.head
    if introduced & r.lex.of_forms:
        return (head.lemma_.lower() in r.lex.context.place_nouns or head.i == trigger.i
                or r.entity_type(head) == "LOC")
    if introduced or depth > 3 or head.i == token.i:
        return False
    if token.dep_ in ("conj", "appos", "nmod", "flat:name") and (
            head.lemma_.lower() in r.lex.context.place_nouns or r.entity_type(head) == "LOC"):
        return token.dep_ != "nmod" or _is_place(r, head, trigger, depth + 1)
    return token.dep_ in ("conj", "appos") and _is_place(r, head, trigger, depth + 1)


def _modifies_other_noun(r: Reading, token: Token, trigger: Token) -> bool:
    """"le commandant des forces alliées en Europe a participé", "Pierre Lévy, ambassadeur de
    France à Moscou, s'est rendu": a place that qualifies who acts, not where the event happens.
    In the trigger's own phrase or what it strikes ("15 personnes à Odesa") it is the event's."""
    node, qualifies = token, False
    for _ in range(len(token.sent)):
        head, relation = node.head, node.dep_
        if node.i == trigger.i or head.i == trigger.i:
            return False
        if head.i == node.i or (head.pos_ in PREDICATES and head.dep_ != "amod"):
            return qualifies and relation in SUBJECTS
        if relation in ("nmod", "obl", "obl:mod") and head.pos_ in ("NOUN", "ADJ", "VERB") and not (
                head.lemma_.lower() in r.lex.context.place_nouns or r.entity_type(head) in ("PER", "LOC")
                or head.i in r.time_at):
            qualifies = True
        node = head
    return False


def locative_case(r: Reading, token: Token) -> bool:
    """"à Kiev", "en Alaska", "dans le Xe arrondissement", "et Marioupol" after one of them."""
    node = token
    while node.dep_ == "conj" and not any(c.dep_ == "case" for c in node.children):
        node = node.head
    return bool(cases(node) & r.lex.context.locative)
