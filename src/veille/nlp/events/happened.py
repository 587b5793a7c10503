"""Whether an event is told as having happened: not denied, asked, planned, wished, feared or
threatened, and told by the article rather than inside someone's quoted words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..syntax import (
    NOMINALS,
    PREDICATES,
    SUBJECTS,
    feats,
    has_copula,
    is_gerund,
    is_past,
    is_perfect,
    unreal_mood,
)

if TYPE_CHECKING:
    from .reading import Reading


def reported_speech(r: Reading, token: Token) -> bool:
    """Words inside quotation marks are the speaker's, not the article's: an event there counts
    only when a verb outside the marks, other than a speech verb, governs it."""
    inside = [m for m in r.clauses.marks if m.holds(token.idx, token.idx + len(token))]
    if not inside:
        return False
    mark = inside[-1]
    node = token
    while mark.holds(node.idx, node.idx + len(node)):
        if node.head.i == node.i:
            return True
        node = node.head
    return node.lemma_.lower() in r.lex.speech_verbs or node.pos_ not in PREDICATES


def happened(r: Reading, token: Token) -> bool:
    """False for an event denied, hypothetical, planned, wished, feared or threatened."""
    lex = r.lex
    sentence = token.sent
    if r.text[sentence.start_char:sentence.end_char].rstrip().endswith("?"):
        return False  # a question asks whether it happened
    node = token
    for _ in range(len(token.sent)):
        if node.pos_ in NOMINALS:
            words = {c.lower_ for c in node.children if c.dep_ in ("det", "amod", "case")}
            words |= {c.lemma_.lower() for c in node.children if c.dep_ == "amod"}
            if words & lex.context.unreal_modifiers or lex.grammar.prepositions.without in words:
                return False
            if any(_unreal_clause(r, c) for c in node.children if c.dep_ in ("acl", "acl:relcl")):
                return False
        elif node.pos_ in PREDICATES or has_copula(node):
            clause = r.clauses[node]
            if clause.negated or clause.unreal:
                return False
            if {m.lemma_.lower() for m in node.children if m.dep_ == "mark"} & lex.context.hypothesis_marks:
                return False
        head, relation = node.head, node.dep_
        if head.i == node.i or relation in ("parataxis", "acl:relcl"):
            return True
        if relation.startswith("advcl") and "Inf" not in feats(node, "VerbForm") and not is_gerund(node):
            return True  # a clause of its own ("après que des missiles ont frappé")
        if "Inf" in feats(node, "VerbForm") and not is_perfect(node):
            governor = head.lemma_.lower()
            past = is_perfect(head) or is_past(head)
            if not (governor in lex.context.realizing or (governor in lex.context.realizing_if_past and past)):
                return False
        elif relation in SUBJECTS:
            if head.lemma_.lower() in lex.context.modals:
                return False
        elif head.lemma_.lower() in lex.context.irrealis and not (
                relation == "conj" or head.lemma_.lower() in lex.context.realizing_if_past):
            return False
        node = head
    return True


def _unreal_clause(r: Reading, clause: Token) -> bool:
    """"le sommet prévu lundi", "les frappes qui pourraient suivre"."""
    lemma = clause.lemma_.lower()
    return lemma in r.lex.context.irrealis or lemma in r.lex.context.modals or unreal_mood(clause, r.lex.grammar)
