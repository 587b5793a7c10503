"""Stances a speaker states with no verb of stance: an obligation ("il faut …", "nous devons …") or
a judgement on something ("il est urgent de …", "il est inacceptable que …"). Said inside a
quotation or a reported statement, they are its speaker's; anywhere else, no one's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...lang.text import straighten
from ..syntax import has
from . import holders, sentences, targets
from .reading import Found

if TYPE_CHECKING:
    from ...model import Polarity
    from .reading import Reading


def read(r: Reading, token: Token) -> Found | None:
    """The stance an obligation or a judgement states, held by the speaker of the words it is in."""
    polarity, first = _polarity(r, token), token.i + 1
    if polarity is None and (duty := _their_duty(r, token)) is not None:
        polarity, first = "demand", duty  # « le Parquet doit rester juste »: that it should
    if polarity is None:
        return None
    marks = {straighten(c.lower_) for c in token.children if c.dep_ == "mark"}
    if marks & r.lex.obligations.hypothesis_marks:
        return None
    holder = holders.speaker_of(holders.quote_around(r, token.idx))
    if holder is None:
        return None
    if r.clauses[token].negated:
        if polarity != "demand" or first != token.i + 1:
            return None  # "il n'est pas inacceptable que …" takes no side
        polarity = "oppose"  # "il ne faut pas céder": against giving in
    while first < len(r.doc) and r.doc[first].lower_ in r.lex.negations:
        first += 1  # "il ne faut pas céder": the target is "céder"
    target = targets.span(r, first, sentences.limit(r, token))
    if target is None or target[1] - target[0] < 2:
        return None  # "il faut choisir": too little to say what is at stake
    verb = next((t for t in r.doc[target[0]:target[1]] if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and has(verb, "VerbForm", "Inf") and verb.lemma_.lower() in r.lex.obligations.remarks:
        return None  # "il faut dire que …", "il faut s'attendre à …"
    for inner in r.doc[target[0]:target[1]]:
        if has(inner, "VerbForm", "Inf"):
            r.absorbed.add(inner.i)  # "il faut soutenir l'Ukraine" is one demand, not a support too
    return Found(token, polarity, [holder], target)


def _their_duty(r: Reading, token: Token) -> int | None:
    """In a speaker's own quoted words, what someone named must do ("le gouvernement doit renoncer"):
    where that demand starts, at its subject. Not what is scheduled ("le texte doit être examiné")."""
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in r.lex.obligations.personal_verbs:
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    infinitive = next((c for c in token.children if c.dep_ == "xcomp" and has(c, "VerbForm", "Inf")), None)
    if subject is None or infinitive is None or subject.pos_ not in ("NOUN", "PROPN") or subject.i > token.i:
        return None
    scheduled = any(c.dep_.startswith("aux") for c in infinitive.children)  # "doit être examiné", "doit avoir lieu"
    if scheduled or infinitive.lemma_.lower() in r.lex.obligations.remarks | r.lex.obligations.events_due:
        return None
    if holders.quote_around(r, token.idx, direct=True) is None:
        return None
    # the subject's own words: "les chefs d'état-major", not a circumstance the parser hung on it
    return min([subject.i] + [c.i for c in subject.children if c.i < subject.i and c.dep_ in ("det", "amod", "nummod")])


def _polarity(r: Reading, token: Token) -> Polarity | None:
    """Demand or oppose when the word states an obligation or a judgement with no one as its subject."""
    if token.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    words = r.lex.obligations
    lemma = token.lemma_.lower()
    subjects = [straighten(c.lower_) for c in token.children if c.dep_.startswith(("nsubj", "expl"))]
    if token.pos_ in ("VERB", "AUX") and lemma in words.impersonal_verbs:
        return "demand" if subjects and set(subjects) <= words.impersonal_subjects else None
    if token.pos_ in ("VERB", "AUX") and lemma in words.personal_verbs:
        own_side = subjects and set(subjects) <= r.lex.first_person
        infinitive = any(c.dep_ == "xcomp" and has(c, "VerbForm", "Inf") for c in token.children)
        return "demand" if own_side and infinitive else None  # "nous devons agir", not "nous lui devons"
    after = straighten(r.doc[token.i + 1].lower_) if token.i + 1 < len(r.doc) else ""
    if token.pos_ == "ADJ" and any(c.dep_ == "cop" for c in token.children) and after in r.lex.marks \
            and subjects and set(subjects) <= words.impersonal_subjects:  # "il est urgent de …", "… que …"
        form = straighten(token.lower_)
        if lemma in words.demand_adjectives or form in words.demand_adjectives:
            return "demand"
        if lemma in words.oppose_adjectives or form in words.oppose_adjectives:
            return "oppose"
    return None
