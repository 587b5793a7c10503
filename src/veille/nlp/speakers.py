"""Who is speaking: the words that name a speaker, the entity they name, and pronouns resolved.

A speaker phrase is the subject of a speech verb ("Zelensky a déclaré"), the subject after an
inverted incise ("…, a déclaré M. Lavrov mercredi"), or the source of "selon"/"d'après". A pronoun
("il", "-t-elle") stands for the latest person of its gender who spoke or acted before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..lang import Language
from ..lang.text import PHRASE_BREAKS as STOPS
from ..lang.text import QUOTE_MARKS, straighten
from ..model import Entity
from .context import text_of
from .syntax import trim_phrase

if TYPE_CHECKING:
    from .clauses import Clauses

SENTENCE_BREAKS = frozenset({".", ";", ":"}) | QUOTE_MARKS


@dataclass(frozen=True)
class Speaker:
    entity: str | None
    text: str
    start: int
    end: int


class Mentions:
    """Which entity a stretch of text names."""

    def __init__(self, entities: list[Entity]) -> None:
        spans = sorted((m.start, m.end, e) for e in entities for m in e.mentions)
        self.starts = [s for s, _, _ in spans]
        self.spans = spans
        self.by_id = {e.id: e for e in entities}

    def inside(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        i = bisect_right(self.starts, start - 1)
        out = []
        while i < len(self.spans) and self.spans[i][0] < end:
            if self.spans[i][1] <= end:
                out.append(self.spans[i])
            i += 1
        return out

    def covering(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        return [span for span in self.spans if span[0] < end and start < span[1]]

    def starting_at(self, start: int) -> tuple[int, int, Entity] | None:
        i = bisect_right(self.starts, start - 1)
        return self.spans[i] if i < len(self.spans) and self.spans[i][0] == start else None


class Resolver:
    """Names speakers from token phrases and keeps the history pronouns refer back to."""

    def __init__(self, clauses: Clauses) -> None:
        doc, entities, language = clauses.doc, clauses.entities, clauses.language
        self.doc = doc
        self.clauses = clauses
        self.entities = entities
        self.language = language
        self.mentions = Mentions(entities)
        speech, grammar = language.speech, language.grammar
        self.pronouns: dict[str, tuple[str, str]] = {
            **{p: (g, "Sing") for p, g in speech.pronouns.items()},
            **{p: (g, "Plur") for p, g in speech.plural_pronouns.items()}}
        self.gender = {e.id: _gender(doc, e, language) for e in entities if e.type == "PER"}
        determiners = grammar.determiners
        self.definite = determiners.definite | determiners.plural_definite | determiners.demonstrative
        self.openers = grammar.pronouns.clause_openers
        self.and_ = f" {grammar.conjunctions.and_} "
        # who was last the subject of a clause or a speaker, in text order: what "il" looks back to
        self.history: list[tuple[int, Speaker, str | None, str]] = list(self._subjects())

    def _subjects(self) -> list[tuple[int, Speaker, str | None, str]]:
        """The persons named by the subjects of the document's clauses, in text order; read once per
        article (the quote and stance stages each make a Resolver on the same clauses)."""
        if self.clauses.person_subjects is not None:
            return list(self.clauses.person_subjects)
        doc = self.doc
        found = []
        for token in doc:
            if token.dep_.startswith("nsubj") and token.pos_ in ("NOUN", "PROPN"):
                # "Le ministre de l'Intérieur, Bruno Retailleau, a …": the person the subject names
                first, end = trim_phrase(doc, token.left_edge.i, token.right_edge.i + 1, self.openers)
                named = self.mentions.by_id.get(self._named(first, end) or "")
                if named is not None and named.type == "PER":
                    start, stop = doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text)
                    found.append((start, Speaker(named.id, text_of(doc)[start:stop], start, stop),
                                  self.gender.get(named.id), "Sing"))
        found.sort(key=lambda item: item[0])
        self.clauses.person_subjects = tuple(found)
        return found

    def heard(self, position: int, speaker: Speaker) -> None:
        """Remembers a speaker, named or described ("un conseiller spécial"), for the pronouns after it."""
        if speaker.text.lower() in self.pronouns:
            return
        gender, number = self.gender.get(speaker.entity or ""), "Sing"
        if speaker.entity is None:
            root = self._root(speaker)
            if root is None:
                return
            gender = next(iter(root.morph.get("Gender")), None)
            number = "Plur" if "Plur" in root.morph.get("Number") or self.and_ in speaker.text else "Sing"
        self.history.append((speaker.start, speaker, gender, number))
        self.history.sort(key=lambda item: item[0])

    def _root(self, speaker: Speaker) -> Token | None:
        span = self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        return span.root if span is not None else None

    def from_tokens(self, first: int, end: int) -> Speaker | None:
        """The speaker named by tokens [first, end)."""
        if first >= end:
            return None
        doc = self.doc
        start_char, end_char = doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text)
        text = text_of(doc)[start_char:end_char]
        pronoun = self.pronouns.get(text.lower())
        if pronoun is not None:
            # a pronoun is named by its antecedent: its words and its entity
            return self.antecedent(start_char, *pronoun) or Speaker(None, text, start_char, end_char)
        entity = self._named(first, end) or self._described(first, end)
        if entity is None:
            earlier = self._described_before(first, end)
            if earlier is not None:
                return earlier
        return Speaker(entity, text, start_char, end_char)

    def _described_before(self, first: int, end: int) -> Speaker | None:
        """'cette source', 'le responsable de la défense': the unnamed speaker introduced before
        with the same head noun ('une source diplomatique turque')."""
        if straighten(self.doc[first].lower_) not in self.definite:
            return None
        head = _head(self.doc, first, end)
        for pos, speaker, _, _ in reversed(self.history):
            root = self._root(speaker) if speaker.entity is None else None
            if pos < self.doc[first].idx and root is not None and root.lemma_ == head.lemma_:
                return speaker
        return None

    def _named(self, first: int, end: int) -> str | None:
        """The entity a phrase names: the one at its head, or a person in apposition to a title
        ("le leader des Insoumis, Jean-Luc Mélenchon"), not one inside a complement
        ("un conseiller du président turc Recep Tayyip Erdogan" names nobody)."""
        doc = self.doc
        found = self.mentions.inside(doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text))
        if not found:
            return None
        head = _head(doc, first, end)
        for start, stop, entity in found:
            if start <= head.idx < stop:
                return entity.id
        for start, stop, entity in found:
            token = doc.char_span(start, stop, alignment_mode="expand")
            if entity.type == "PER" and token is not None and token.root.dep_ in ("appos", "flat:name") \
                    and token.root.head.i == head.i:
                return entity.id
            if entity.type == "PER" and token is not None and doc[token.start - 1].text == "," \
                    and token.start - 1 > first:
                return entity.id
        return None

    def _described(self, first: int, end: int) -> str | None:
        """A definite description of a person named before: 'le ministre de l'Intérieur',
        'la dirigeante de la CGT' for the latest person whose role shares its words."""
        determiners = self.language.grammar.determiners
        if straighten(self.doc[first].lower_) not in determiners.definite:
            return None
        words = _words(self.doc[first + 1:end].text) - self.language.grammar.function_words
        position = self.doc[first].idx
        gender = determiners.gender.get(self.doc[first].lower_)
        for pos, speaker, known, _ in reversed(self.history):
            if pos >= position or known not in (None, gender):
                continue
            entity = next((e for e in self.entities if e.id == speaker.entity), None)
            if entity is not None and entity.role and words & _words(entity.role):
                return entity.id
        holders = [e for e in self.entities if e.type == "PER" and e.role and words and words <= _words(e.role)]
        return holders[0].id if len(holders) == 1 else None

    def antecedent(self, position: int, gender: str, number: str = "Sing") -> Speaker | None:
        for pos, speaker, known, count in reversed(self.history):
            if pos < position and known in (None, gender) and count == number:
                return speaker
        return None


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", text)}


def _head(doc: Doc, first: int, end: int) -> Token:
    """The token of [first, end) whose head lies outside it."""
    for token in doc[first:end]:
        if not (first <= token.head.i < end) or token.head.i == token.i:
            return token
    return doc[first]


def _gender(doc: Doc, entity: Entity, language: Language) -> str | None:
    speech, grammar = language.speech, language.grammar
    votes: dict[str, int] = {}
    for mention in entity.mentions:
        words = mention.text.split()
        if words[0] in speech.feminine_markers:
            return "Fem"
        if words[0] in speech.masculine_markers:
            return "Masc"
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        article = _title_article(doc, span.start, grammar.determiners.definite | grammar.determiners.indefinite)
        for g in article.morph.get("Gender") if article is not None else ():
            votes[g] = votes.get(g, 0) + 2

    if entity.role:
        first_role_word = entity.role.split()[0]
        endings = grammar.gender
        if first_role_word.endswith(endings.feminine_endings) and not first_role_word.endswith(
                endings.not_feminine_endings):
            votes["Fem"] = votes.get("Fem", 0) + 1
    return max(votes, key=votes.__getitem__) if votes else None


def _title_article(doc: Doc, start: int, articles: frozenset[str]) -> Token | None:
    """The article that opens the title before a name: 'La' in 'La ministre du Travail, Astrid …'."""
    found = None
    i = start - 1
    while i >= 0 and start - i <= 8:
        token = doc[i]
        if token.is_space or token.pos_ in ("VERB", "AUX") or token.text in SENTENCE_BREAKS:
            break
        if token.pos_ == "DET" and straighten(token.lower_) in articles:
            found = token
        i -= 1
    return found


def subject_phrase(clauses: Clauses, verb: Token) -> tuple[int, int] | None:
    """The speaker phrase of a verb as a token range: its subject before it, else the subject of the
    clause it depends on, as the subject's subtree without relative clauses and what follows a comma
    (unless it is a name in apposition); the pronoun glued in an inversion ("a-t-il")."""
    doc, language = clauses.doc, clauses.language
    subjects = [c for c in clauses[verb].subjects if c.i < verb.i]
    if not subjects:
        head = verb
        while head.dep_ in ("conj", "xcomp", "advcl", "acl") and head.head.i != head.i:
            head = head.head
            subjects = list(clauses[head].subjects)
            if subjects:
                break
    if not subjects:
        return None
    subject = subjects[0]
    euphony = language.grammar.pronouns.glued_euphony
    if subject.text.startswith("-"):  # "a-t-il": the pronoun glued to the auxiliary
        glued = [c for c in verb.children if c.dep_ == "nsubj" and c.text.startswith("-") and c.text != euphony]
        subject = glued[0] if glued else subject
        return subject.i, subject.i + 1
    return trim_phrase(doc, subject.left_edge.i, subject.right_edge.i + 1, language.grammar.pronouns.clause_openers)


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
        if i in skip or token.pos_ == "ADV" or token.text in (",", euphony):
            i += 1
            continue
        if token.pos_ == "ADP" or token.lower_ in contracted:
            i = _past_prepositional_phrase(doc, i, end_of_sentence, skip)
            continue
        end = _noun_phrase_end(doc, i, end_of_sentence, skip, language)
        return trim_phrase(doc, i, end, grammar.pronouns.clause_openers)
    return None


def _past_prepositional_phrase(doc: Doc, i: int, stop: int, skip: set[int]) -> int:
    i += 1
    while i < stop and (doc[i].pos_ in ("DET", "NOUN", "ADJ", "NUM") or i in skip) and doc[i].text not in STOPS:
        i += 1
    return i


def _noun_phrase_end(doc: Doc, i: int, stop: int, skip: set[int], language: Language) -> int:
    after_speaker, agent = language.speech.after_speaker, language.grammar.prepositions.agent
    end = i + 1
    while end < stop:
        token = doc[end]
        after_participle = "Part" in doc[end - 1].morph.get("VerbForm") and token.lower_ == agent
        if end in skip or token.is_space or (token.lower_ in after_speaker and not after_participle):
            break
        if token.text in STOPS:
            # "le leader des Insoumis, Jean-Luc Mélenchon": a name in apposition belongs to the phrase
            if token.text == "," and end + 1 < stop and doc[end + 1].pos_ == "PROPN":
                j = end + 1
                while j < stop and doc[j].pos_ == "PROPN":
                    j += 1
                end = j
            break
        if token.pos_ in ("VERB", "AUX") and "Part" not in token.morph.get("VerbForm"):
            break
        end += 1
    return end
