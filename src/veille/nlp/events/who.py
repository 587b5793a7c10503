"""Who takes part in an event: the actors who do it and the targets it is done to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..syntax import NOMINALS, PREDICATES, cases, feats, is_bare_participle
from . import extent, where
from .extent import Link
from .lexicon import Trigger
from .reading import unique

if TYPE_CHECKING:
    from .reading import Reading


def participants(r: Reading, token: Token, link: Link | None,
                  trigger: Trigger) -> tuple[list[str], list[str]]:
    lex = r.lex
    actors: list[str] = []
    targets: list[str] = []
    if token.pos_ in NOMINALS:
        actors += demonyms(r, token)
        for child in token.children:
            introduced = cases(child)
            if lex.grammar.prepositions.agent in introduced:
                actors += named(r, child)
            elif introduced & lex.parties:
                targets += named(r, child)
            elif child.dep_ == "nmod" and (not introduced or lex.plain_of & introduced):
                found = named(r, child)
                (actors if trigger.lemma in lex.context.of_is_actor else targets).extend(found)
        if link is not None:
            kind, verb = link
            subject = r.clauses[verb].subject
            if (kind == "object" and subject is not None and not r.clauses[verb].passive
                    and verb.lemma_.lower() in lex.context.light_verbs):  # "la Russie a mené des frappes"
                actors += named(r, subject)
            elif kind == "subject":  # "des frappes ont visé Odesa"; "l'attentat a été revendiqué par X"
                targets += [e for c in verb.children if c.dep_ == "obj" and c.i not in r.time_at
                            for e in named(r, c)]
                if r.clauses[verb].passive and verb.lemma_.lower() in lex.context.light_verbs:
                    actors += [e for c in verb.children if c.dep_ == "obl:agent" for e in named(r, c)]
            elif kind == "patient" and subject is not None:
                targets += named(r, subject)
    else:
        subject = r.clauses[token].subject
        if r.clauses[token].passive or (token.dep_ in ("acl", "advcl") and is_bare_participle(token)):
            agent = next((c for c in token.children if c.dep_ == "obl:agent"), None)
            actors += named(r, agent) if agent is not None else []
            undergoer = subject if subject is not None else token.head if token.dep_ == "acl" else None
            if lex.constraint(trigger).reflexive_or_participle:
                actors += named(r, undergoer) if undergoer is not None else []
            else:
                targets += named(r, undergoer) if undergoer is not None else []
        else:
            if token.dep_ == "xcomp" and token.head.lemma_.lower() in lex.context.allegations:
                # "Moscou accuse Kiev d'avoir frappé": the accused did it
                subject = next((c for c in token.head.children if c.dep_ == "obj"), None)
            actors += named(r, subject) if subject is not None else []
            for child in token.children:
                introduced = cases(child)
                if child.i in r.time_at:
                    continue
                parties = lex.parties if trigger.type in lex.context.recipient_types else lex.parties_but_recipient
                if child.dep_ == "obj" or (child.dep_.startswith("obl") and introduced & parties):
                    targets += named(r, child)  # "a livré des missiles à l'Ukraine": the recipient
    if trigger.type == "CONSULT" and not targets and token.pos_ in PREDICATES:
        # the person met, where the parser lost the object: "a rencontré mardi à Berlin Olaf Scholz"
        targets = [e.id for i in sorted(extent.clause(r, token)) if i > token.i and i in r.mention_root
                   and (e := r.entity_of[i]).type == "PER" and e.id not in actors]
    if lex.constraint(trigger).host:
        actors, targets = targets, actors  # PLOVER: the visitor is the source, the host the target
    actors = unique(actors)
    return actors, [t for t in unique(targets) if t not in actors]


def named(r: Reading, head: Token) -> list[str]:
    """Entities a phrase names: its head, appositions, conjuncts and "de" complements; not the
    places in it ("l'ambassadeur … en Turquie"). A demonym stands in when nothing is named."""
    if head.pos_ == "PRON" and "Rel" in feats(head, "PronType") and head.head.dep_ == "acl:relcl":
        head = head.head.head  # "des commandos qui ont fait …": the commandos
    found: list[str] = []
    stack = [head]
    while stack:
        node = stack.pop()
        entity = r.entity_of.get(node.i)
        if entity is not None and (node is head or not (
                entity.type == "LOC" and where.locative_case(r, r.doc[r.root_of[node.i]]))):
            found.append(entity.id)
        for child in node.children:
            introduced = cases(child)
            if child.dep_ in ("appos", "flat", "flat:name", "conj", "compound", "fixed") or (
                    child.dep_ == "nmod" and introduced <= r.lex.of_forms | r.lex.parties_but_recipient):
                stack.append(child)
    return unique(found) or demonyms(r, head)


def demonyms(r: Reading, noun: Token) -> list[str]:
    """"des frappes russes", "l'ambassadeur français": the country, when the article names it."""
    found = []
    nodes = [noun, *(c for c in noun.children if c.dep_ == "conj")]
    nodes += [c for n in nodes for c in n.children if c.dep_ == "nmod"
              and r.lex.plain_of & cases(c)]  # "frappes de drones russes"
    for node in nodes:
        for child in node.children:
            names = r.lex.demonyms.get(child.lower_) if child.dep_ == "amod" else None
            entity = next((r.by_name[n] for n in sorted(names or ()) if n in r.by_name), None)
            if entity is not None:
                found.append(entity.id)
    return unique(found)
