"""Where in its sentence an event is told: how a noun trigger takes part in its clause, and the
words that tell the event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...lang.text import straighten
from ..syntax import NOMINALS, PREDICATES, SUBJECTS, cases, feats, predicate_above

if TYPE_CHECKING:
    from .reading import Reading

Link = tuple[str, Token]  # how a noun trigger takes part in its clause, and the word it hangs on

def link(r: Reading, noun: Token) -> Link | None:
    """How a nominal trigger takes part in its clause: ("subject", verb) when it acts, ("object",
    verb) when done, ("patient", word) when the clause's subject undergoes it ("a été la cible de
    tirs"), ("during", verb) for "lors du sommet"; None when only named in passing."""
    node = noun
    while node.head.i != node.i and (node.dep_ == "conj"
                                     or node.head.lemma_.lower() in r.lex.context.containers):
        node = node.head  # "des manifestations et des grèves", "un paquet de sanctions"
    head, relation = node.head, node.dep_
    if noun.lemma_.lower() in r.lex.context.agent_nouns:
        # protesters are a protest only when they act: "des manifestants ont bloqué", "… criant"
        participle = next((c for c in noun.children if c.dep_ == "acl"), None)
        return ("subject", head) if relation in SUBJECTS else ("acl", participle) if participle else None
    if head.i == node.i or r.clauses.displaced(node):
        return None  # "après l'expulsion de 41 Russes": another event, told as a landmark
    if relation in SUBJECTS:
        return ("subject", head)
    introduced = cases(node)
    if (relation == "obj" or _partitive(r, node)) and (head.pos_ in PREDICATES or head.dep_ == "acl"):
        return ("object", head)
    while head.i in r.time_at and head.head.i != head.i:
        head = head.head  # "la cible lundi de tirs": the date stands between
    if head.lemma_.lower() in r.lex.context.patient_words:
        return ("patient", head)
    if (introduced | {head.lemma_.lower()}) & r.lex.context.simultaneous or (
            relation.startswith("obl") and r.lex.counter.kind(head) is not None):
        # "lors du sommet"; "tués dans une embuscade"
        verb = predicate_above(node)
        return ("during", verb) if verb is not None else None
    if (head.pos_ in PREDICATES and head.lemma_.lower() in r.lex.context.light_verbs
            and relation.startswith("obl") and introduced & r.lex.to_forms):
        return ("object", head)  # "a participé à la réunion", "procéder à des frappes"
    participle = next((c for c in noun.children
                       if c.dep_ == "acl" and "Part" in feats(c, "VerbForm")), None)
    if participle is not None:
        return ("acl", participle)  # "une marche organisée à Paris", "des manifestants criant"
    if any(c.pos_ == "NUM" or c.text[:1].isdigit() for c in noun.children if c.dep_ in ("nummod", "det")):
        verb = predicate_above(node)  # counted, so they happened: "avec plus de 200 000 arrestations"
        return ("counted", verb) if verb is not None else None
    return None


def scope(r: Reading, token: Token, link: Link | None) -> frozenset[int]:
    """The words that tell this event: the trigger's clause (with a shared subject), or the noun
    phrase of a nominal trigger and, when it takes part in a clause, that clause."""
    if token.pos_ in NOMINALS:
        scope = noun_phrase(r, token)
        if link is not None:
            scope |= clause(r, link[1])
        return scope
    scope = clause(r, token)
    node = token
    while node.dep_ == "conj" and not r.clauses[node].subjects:
        node = node.head
        subject = next(iter(r.clauses[node].subjects), None)
        if subject is not None:
            scope |= r.clauses.region(subject, keep_relative=False)
    return scope


def clause(r: Reading, verb: Token) -> frozenset[int]:
    """The words of the predicate's clause (see `Clause.region`)."""
    return r.clauses[verb].region


def noun_phrase(r: Reading, noun: Token) -> frozenset[int]:
    """A noun and its dependents, its relative clause included."""
    return r.clauses.region(noun, keep_relative=True)


def _partitive(r: Reading, noun: Token) -> bool:
    """"a annoncé de nouvelles sanctions", "de violents combats": an object the parser read as "de X"."""
    introduced = {straighten(w) for w in cases(noun)}
    return bool(introduced) and introduced <= r.lex.grammar.prepositions.of and any(
        c.dep_ == "amod" and c.i < noun.i for c in noun.children)
