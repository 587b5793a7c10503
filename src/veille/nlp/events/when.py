"""When an event happened: a time expression of its own clause, else of the clauses that govern or
report it; never the publication date by default."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..dates import day_of, period
from ..syntax import is_gerund, is_infinitive, is_predicate
from . import extent

if TYPE_CHECKING:
    from .reading import Reading


def date_in(r: Reading, scope: frozenset[int], trigger: Token) -> str | None:
    """The time expression of the scope nearest the trigger, at day precision."""
    found = sorted((abs(i - trigger.i), i) for i in scope if i in r.time_at)
    return day_of(r.time_at[found[0][1]].value) if found else None


def outer_date(r: Reading, top: Token) -> str | None:
    """A date from the clauses that govern the trigger's ("a annoncé lundi que …", "a décidé
    mardi de suspendre …") or from the incise that reports it ("…, a martelé ce lundi X lors
    d'une marche"), up to a clause told apart ("…, après que des missiles ont frappé")."""
    for clause in (top, *_governing(r, top)):
        scopes = [] if clause is top else [extent.clause(r, clause)]
        scopes += [extent.clause(r, c) for c in clause.children
                   if c.dep_ == "parataxis" and c.lemma_.lower() in r.lex.speech_verbs]
        found = next((d for scope in scopes if (d := date_in(r, scope, top))), None)
        if found:
            return found
    return None


def _governing(r: Reading, top: Token) -> Iterator[Token]:
    """The predicates above `top` whose time is its time: through infinitives, gerunds and
    reported clauses; not out of a relative clause, an incise or a clause of its own."""
    node = top
    for _ in range(len(top.sent)):
        if node.head.i == node.i or node.dep_ in ("parataxis", "acl:relcl", "conj", "appos"):
            return
        if r.clauses.displaced(node) or (node.dep_.startswith("advcl") and not is_gerund(node)
                                         and not is_infinitive(node)):
            return
        node = node.head
        if is_predicate(node):
            yield node


def after_publication(r: Reading, value: str) -> bool:
    """Whether a date lies after the article was published: what is told of it is a plan."""
    covered = period(value)
    return r.published is not None and covered is not None and covered[0] > r.published
