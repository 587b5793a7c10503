"""Where the words that name a speaker stand: the subject of a speech verb ("Zelensky a déclaré"),
the subject after an inverted incise ("…, a déclaré M. Lavrov mercredi, dans …"), or the pronoun
glued to the verb ("confie-t-elle"). `speakers.Resolver` says whom they name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..lang import Language
from ..lang.text import PHRASE_BREAKS as STOPS
from .syntax import apposed_name_end, trim_phrase

if TYPE_CHECKING:
    from .clauses import Clauses


def subject_phrase(clauses: Clauses, verb: Token) -> tuple[int, int] | None:
    """The speaker phrase of a verb as a token range: its subject before it, else the subject of the
    clause it depends on, as the subject's subtree without relative clauses and what follows a comma
    (unless it is a name in apposition); the pronoun glued in an inversion ("a-t-il")."""
    doc, language = clauses.doc, clauses.language
    subjects = [c for c in clauses[verb].subjects if c.i < verb.i]
    glued = None if subjects else glued_pronoun(doc, verb, language.grammar.pronouns.glued_euphony)
    if glued is not None and glued.lower_ in language.grammar.pronouns.third_person:
        return glued.i, glued.i + 1  # "Mais après, jure-t-elle : « … »": the verb's own subject, inverted
    if not subjects:
        head = verb
        while head.dep_ in ("conj", "xcomp", "advcl", "acl") and head.head.i != head.i:
            head = head.head
            subjects = list(clauses[head].subjects)
            if subjects:
                break
    if not subjects:
        return None
    # several subjects before the verb ("Sur ce volet, l'un des plus sensibles, le ministre a expliqué"):
    # the nearest is the verb's own
    subject = max(subjects, key=lambda t: t.i) if all(t.i < verb.i for t in subjects) else subjects[0]
    euphony = language.grammar.pronouns.glued_euphony
    antecedent = relative_antecedent(subject, language)
    if antecedent is not None:  # "…, s'est défendu M. Dubé, qui a aussi souligné que …"
        return antecedent
    if subject.text.startswith("-"):  # "a-t-il": the pronoun glued to the auxiliary
        glued = [c for c in verb.children if c.dep_ == "nsubj" and c.text.startswith("-") and c.text != euphony]
        subject = glued[0] if glued else subject
        return subject.i, subject.i + 1
    return trim_phrase(doc, subject.left_edge.i, subject.right_edge.i + 1, language.grammar.pronouns.clause_openers)


def relative_antecedent(subject: Token, language: Language) -> tuple[int, int] | None:
    """The phrase a relative subject stands for ("le ministre, qui a affirmé …" → "le ministre"): the
    noun the relative clause hangs on, without the clause."""
    clause = subject.head
    if subject.lower_ not in language.grammar.pronouns.relatives or clause.dep_ != "acl:relcl":
        return None
    noun = clause.head
    end = clause.left_edge.i
    while end > noun.i + 1 and noun.doc[end - 1].text in STOPS:
        end -= 1
    first = noun.left_edge.i
    while first < noun.i and noun.doc[first].dep_ == "case":
        first += 1  # "pour François Martin, qui maintient que …": the preposition is not the name's
    if not first <= noun.i < end:
        return None
    return trim_phrase(noun.doc, first, end, language.grammar.pronouns.clause_openers)


def glued_pronoun(doc: Doc, verb: Token, euphony: str) -> Token | None:
    """'-elle' in 'a-t-elle ajouté' or 'confie-t-elle', however the parser attached it; `euphony` is the
    glued sound that is no pronoun ("-t")."""
    for i in (*range(verb.i + 1, min(verb.i + 3, len(doc))), *range(verb.i - 1, max(verb.i - 4, -1), -1)):
        token = doc[i]
        if token.text.startswith("-") and token.text not in (euphony, "-") and token.pos_ == "PRON":
            return token
        if i < verb.i and not (token.pos_ in ("AUX", "ADV") or token.text.startswith("-")):
            break
    return None


def inverted_subject(doc: Doc, verb: Token, skip: set[int], language: Language) -> tuple[int, int] | None:
    """The subject after the verb in an incise ("…, a déclaré M. Lavrov mercredi, dans …"), or the
    pronoun glued to it ("confie-t-elle"). `skip` holds tokens of time expressions to step over."""
    grammar = language.grammar
    euphony = grammar.pronouns.glued_euphony
    glued = glued_pronoun(doc, verb, euphony)
    if glued is not None:
        return glued.i, glued.i + 1
    end_of_sentence = verb.sent.end
    # "au", "aux", "du" open a phrase after the verb that is no subject; "des" may open one
    contracted = grammar.prepositions.contractions - grammar.determiners.plural_indefinite
    i = verb.i + 1
    while i < end_of_sentence and i - verb.i < 12:
        token = doc[i]
        if token.text.startswith("-") and token.pos_ == "PRON" and token.text != euphony:
            return i, i + 1
        if token.text in STOPS and token.text != ",":
            return None
        if i in skip or token.pos_ == "ADV" or token.text in (",", euphony) or token.is_space:
            i += 1
            continue
        if token.pos_ == "ADP" or token.lower_ in contracted:
            i = _past_prepositional_phrase(doc, i, end_of_sentence, skip)
            continue
        end = _noun_phrase_end(doc, i, end_of_sentence, skip, language)
        return trim_phrase(doc, i, end, grammar.pronouns.clause_openers)
    return None


def _past_prepositional_phrase(doc: Doc, i: int, stop: int, skip: set[int]) -> int:
    preposition = doc[i]
    governed = preposition.head
    if governed.pos_ == "PROPN" and preposition.i < governed.i < min(stop, preposition.i + 4):
        # "a indiqué à l'AFP son avocat": the phrase ends with the name the preposition governs
        end = governed.i + 1
        while end < stop and doc[end].head.i == governed.i and doc[end].dep_.startswith("flat"):
            end += 1
        return end
    i += 1
    while i < stop and (doc[i].pos_ in ("DET", "NOUN", "ADJ", "NUM") or i in skip) and doc[i].text not in STOPS:
        i += 1
    return i


def _with_company(doc: Doc, i: int, stop: int) -> bool:
    """A past participle followed by a preposition and a possessive ("accompagné de son éditeur",
    "entourée de ses proches"): it tells who was with the speaker."""
    return "Part" in doc[i].morph.get("VerbForm") and "Past" in doc[i].morph.get("Tense") and i + 2 < stop \
        and doc[i + 1].pos_ == "ADP" and "Yes" in doc[i + 2].morph.get("Poss")


def _noun_phrase_end(doc: Doc, i: int, stop: int, skip: set[int], language: Language) -> int:
    after_speaker, agent = language.speech.after_speaker, language.grammar.prepositions.agent
    end = i + 1
    while end < stop:
        token = doc[end]
        after_participle = "Part" in doc[end - 1].morph.get("VerbForm") and token.lower_ == agent
        if end in skip or token.is_space:
            break
        if token.lower_ in after_speaker and not after_participle:
            # "le président de l'Association … en médecine d'urgence, le Dr Jean Martin": a name set in
            # apposition after a complement still names the speaker
            comma = next((j for j in range(end, min(end + 8, stop)) if doc[j].text in STOPS
                          or doc[j].pos_ in ("VERB", "AUX")), None)
            named = comma is not None and doc[comma].text == "," and apposed_name_end(doc, comma + 1, stop)
            return named or end
        if token.text in STOPS:
            # "le leader des Insoumis, Jean-Luc Mélenchon": a name in apposition belongs to the phrase,
            # after an acronym in brackets too ("le gouverneur de la Banque centrale (BCE), X")
            if token.text == "(":
                close = next((j for j in range(end + 1, min(end + 6, stop)) if doc[j].text == ")"), None)
                if close is not None and close + 1 < stop and doc[close + 1].text == ",":
                    end = apposed_name_end(doc, close + 2, stop) or end
            elif token.text == ",":
                end = apposed_name_end(doc, end + 1, stop) or end
            break
        if token.pos_ in ("VERB", "AUX") and "Part" not in token.morph.get("VerbForm"):
            break
        if _with_company(doc, end, stop):
            break  # "l'écrivain accompagné de son éditeur X": the company is not the speaker
        end += 1
    return end

