"""Quoted words a verb's complement holds, when no cue claimed them: the subject's own words.

    "Il a parlé d'« un nouveau chapitre »", "se montrant « opposé » au recours à …",
    "a qualifié la réforme de « fiasco »", "évoquant « un risque opérationnel »"

The quotation must be the verb's complement itself (not a title inside it: "a présenté son livre
« … »"), the verb a speech verb or one of the language's `fragment_verbs`, and its subject someone
who can speak.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..clauses import Clauses
from ..speakers import Resolver
from . import cues, who
from .said import Said
from .turns import same_sentence_speaker

COMPLEMENTS = frozenset({"obj", "obl", "obl:arg", "obl:mod", "xcomp", "ccomp", "iobj"})


def governed(clauses: Clauses, resolver: Resolver, said: list[Said]) -> list[Said]:
    """The quotations no cue claimed that a verb's complement holds, with that verb's subject."""
    doc = clauses.doc
    claimed = [(s.start, s.end) for s in said]
    out: list[Said] = []
    for mark in clauses.marks:
        if any(s <= mark.start and mark.end <= e for s, e in claimed) \
                or any(o.open < mark.open and mark.close < o.close for o in clauses.marks):
            continue
        inside = doc.char_span(mark.start, mark.end, alignment_mode="contract")
        if inside is None or not len(inside):
            continue
        verb = _reporting_verb(inside, clauses)
        if verb is None:
            continue
        speaker = next((s.speaker for s in said if s.cue_token == verb.i and s.speaker is not None), None)
        if speaker is None:
            speaker = who.subject(clauses, verb, resolver)
        if speaker is None and verb.pos_ == "VERB" and "Fin" not in verb.morph.get("VerbForm"):
            speaker = same_sentence_speaker(verb, said)
        if speaker is None or speaker.link == "unnamed" and speaker.entity is None and not speaker.text:
            continue
        out.append(Said(mark.start, mark.end, speaker, cues.cue_words(doc, verb), verb.i, direct=mark))
    return out


def _reporting_verb(inside: Span, clauses: Clauses) -> Token | None:
    """The verb whose complement the quoted words are, when it reports: the words' own verb, or the
    verb it is the infinitive of ("veut faire du groupe « un laboratoire d'idées »"); a speech verb
    may hold a bare answer ("a répondu « absolument pas »")."""
    root = inside.root
    if root.dep_ == "appos" and root.head.dep_ in COMPLEMENTS and inside.text[:1].islower():
        # "faire du groupe « un laboratoire »": an attribute the parse hung on the object; a title
        # beside a noun ("son roman « Les Jardins »") opens with a capital
        root = root.head
    verb = root.head
    if verb.i == root.i:
        return None
    if root.dep_ == "advmod" and root.i > verb.i and cues.is_speech_verb(verb, clauses.language):
        return verb
    # "a invoqué un « bris de confiance »": an object the parser left unlabelled after the mark
    unlabelled_object = root.dep_ == "dep" and root.i > verb.i and any(c.dep_ == "det" for c in root.children)
    if root.dep_ not in COMPLEMENTS and not unlabelled_object:
        return None
    while not _reports(verb, clauses) and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    return verb if _reports(verb, clauses) else None


def _reports(verb: Token, clauses: Clauses) -> bool:
    language = clauses.language
    if cues.is_speech_verb(verb, language):
        return True
    if verb.pos_ not in ("VERB", "AUX") and not any(c.dep_ == "aux:tense" for c in verb.children):
        return False  # a participle after "avoir" the tagger read as an adjective is still a verb
    fragment_verbs = language.speech.fragment_verbs
    if any(c.dep_.startswith("expl") and not c.text.startswith("-") for c in verb.children):
        lemma = verb.lemma_.lower()
        return f"se {lemma}" in fragment_verbs or f"s'{lemma}" in fragment_verbs
    return verb.lemma_.lower() in fragment_verbs
