"""Whether an event is told as having happened, and by whom: the article asserts it, someone's
statement reports it ("selon X", "X affirme que", "X accuse Y d'avoir"), or a party denies it ("X
dément avoir"). An event asked, planned, wished, feared, threatened or negated is not told as
having happened at all, nor is one in a speaker's own quoted words: direct speech is too loose
("notre combat ne va pas s'arrêter là") to code, unless a verb of the article governs it."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from spacy.tokens import Token

from ..syntax import (
    NOMINALS,
    PREDICATES,
    SUBJECTS,
    feats,
    has_copula,
    is_bare_participle,
    is_gerund,
    is_past,
    is_perfect,
    unreal_mood,
)
from . import who

if TYPE_CHECKING:
    from ...model import Modality, Quote
    from .reading import Reading


class Verdict(NamedTuple):
    """How an event is told: its modality, and the word whose subject reports or denies it, when a
    governing word rather than a quotation does ("Moscou accuse …", "l'armée dément …")."""

    modality: Modality
    by: Token | None = None


ASSERTED = Verdict("asserted")


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


def happened(r: Reading, token: Token) -> Verdict | None:
    """None for an event hypothetical, planned, wished, feared, threatened or negated. A negation is
    no denial: "n'avait jamais accueilli autant de prévenus" tells of no event at all."""
    context = r.lex.context
    sentence = token.sent
    if r.text[sentence.start_char:sentence.end_char].rstrip().endswith("?"):
        return None  # a question asks whether it happened
    node = token
    for _ in range(len(token.sent)):
        if node.pos_ in NOMINALS:
            words = {c.lower_ for c in node.children if c.dep_ in ("det", "amod", "case")}
            words |= {c.lemma_.lower() for c in node.children if c.dep_ == "amod"}
            if words & context.unreal_modifiers or r.lex.grammar.prepositions.without in words:
                return None
            if any(_unreal_clause(r, c) for c in node.children if c.dep_ in ("acl", "acl:relcl")):
                return None
            if node is token and any(_told_done(r, c) for c in node.children if c.dep_ == "acl:relcl"):
                return ASSERTED  # "la réunion, qui s'est tenue lundi, aura été marquée par …"
        elif node.pos_ in PREDICATES or has_copula(node):
            clause = r.clauses[node]
            alleged = clause.unreal and _hearsay(r, node)
            if (clause.unreal and not alleged) or clause.negated:
                return None
            if {m.lemma_.lower() for m in node.children if m.dep_ == "mark"} & context.hypothesis_marks:
                return None
            if alleged:
                return Verdict("reported")  # "les femmes qui auraient été assassinées": so it is said
            if any(c.dep_ == "advmod" and c.lower_ in context.denials for c in node.children):
                return Verdict("denied", node)  # "l'armée dément avoir frappé", the denial tagged an adverb
        head, relation = node.head, node.dep_
        if head.i == node.i or relation in ("parataxis", "acl:relcl"):
            return ASSERTED
        if relation.startswith("advcl") and "Inf" not in feats(node, "VerbForm") and not is_gerund(node):
            return ASSERTED  # a clause of its own ("après que des missiles ont frappé")
        governor = head.lemma_.lower()
        if governor in context.denials:
            return Verdict("denied", head)
        if governor in context.allegations:
            return Verdict("reported", head)
        if "Inf" in feats(node, "VerbForm") and not is_perfect(node):
            past = is_perfect(head) or is_past(head)
            if not (governor in context.realizing or (governor in context.realizing_if_past and past)):
                return None
        elif relation in SUBJECTS:
            if governor in context.modals:
                return None
        elif governor in context.irrealis and not (relation == "conj" or governor in context.realizing_if_past):
            return None
        node = head
    return ASSERTED


def _hearsay(r: Reading, verb: Token) -> bool:
    """The past conditional of reported facts ("aurait frappé", "auraient été tués"), not that of a
    hypothesis ("si …, il aurait riposté") or of a possibility ("aurait pu")."""
    helpers = [c for c in verb.children if c.dep_.startswith("aux")]
    conditional = any("Cnd" in feats(c, "Mood") for c in helpers) and "Part" in feats(verb, "VerbForm")
    if not conditional or any(c.lemma_.lower() in r.lex.grammar.verbs.modals for c in helpers):
        return False
    # the "si" clause may hang on the verb, or the verb on it ("Si X avait …, Y aurait …" is often
    # parsed with the second clause under the first)
    clauses = [c for c in verb.children if c.dep_.startswith("advcl")] + [verb.head]
    marks = {m.lemma_.lower() for c in clauses for m in c.children if m.dep_ == "mark"}
    return not marks & r.lex.context.hypothesis_marks


def _told_done(r: Reading, clause: Token) -> bool:
    """A relative clause that tells, in the past, what the noun did or underwent."""
    told = r.clauses[clause]
    return (is_perfect(clause) or is_past(clause)) and not (told.negated or told.unreal)


def _unreal_clause(r: Reading, clause: Token) -> bool:
    """"le sommet prévu lundi", "les frappes qui pourraient suivre"."""
    lemma = clause.lemma_.lower()
    return lemma in r.lex.context.irrealis or lemma in r.lex.context.modals or unreal_mood(clause, r.lex.grammar)


def source(r: Reading, verdict: Verdict, statement: Quote | None) -> tuple[str | None, str | None]:
    """Who reports or denies the event, as an entity id or else as words: the subject of the word that
    does ("Moscou accuse …", "l'armée dément …"), else the speaker of the statement that holds it."""
    if verdict.by is not None:
        word = verdict.by
        if r.clauses[word].passive or (word.dep_ == "acl" and is_bare_participle(word)):
            # "un homme soupçonné d'avoir …": the suspect is no source; "par X" is
            subject = next((c for c in word.children if c.dep_ == "obl:agent"), None)
        else:
            subject = r.clauses[word].subject
            if subject is None and word.dep_ == "acl" and word.head.pos_ in NOMINALS:
                subject = word.head  # "l'armée dément avoir frappé", parsed as the army's clause
        if subject is not None:
            named = who.named(r, subject)
            return (named[0], None) if named else (None, _naming_words(subject))
    if statement is not None:
        return statement.speaker, None if statement.speaker else statement.speaker_text
    return None, None


def _naming_words(noun: Token) -> str:
    """"l'armée russe", without what a relative clause or a complement adds."""
    end = max([noun.i] + [c.i for c in noun.children if c.dep_ in ("amod", "fixed", "flat", "flat:name")
                          and c.i > noun.i]) + 1
    return noun.doc[noun.left_edge.i:end].text if noun.left_edge.i <= noun.i else noun.text
