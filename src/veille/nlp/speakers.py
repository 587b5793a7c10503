"""Whom the words of a speaker or a holder name, and how sure that is.

The words come from `phrases` (the subject of a speech verb, an inverted subject, a "selon" source).
They name an entity by its name at the phrase's head, or through a pronoun or a description that
`coreference` linked to it ("il", "la ministre"). Otherwise they may name an unnamed speaker kept as
words ("un responsable américain de la défense", "les autorités ukrainiennes"), but only when they
denote people or an organisation. A pronoun that points back to such an unnamed speaker takes its
words. Whatever else they name is no speaker: a place that is not the subject itself, a date, a
number, a thing, a clitic or a demonstrative left alone.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..lang import Language
from ..lang.text import fold, straighten
from ..model import Entity, SpeakerLink
from . import syntax
from .context import text_of
from .gender import genders, noun_gender, phrase_gender
from .syntax import trim_phrase

if TYPE_CHECKING:
    from .clauses import Clauses

SPEAKING_TYPES = ("PER", "ORG")
SUBJECT_WINDOW = 3  # sentences an unlinked pronoun looks back for an unnamed person acting
Mention = tuple[int, int, Entity, str]  # start, end, entity, kind


@dataclass(frozen=True)
class Speaker:
    entity: str | None
    text: str
    start: int
    end: int
    link: SpeakerLink = "name"  # how the words name the speaker


class Mentions:
    """Which entity a stretch of text names, and how (by a name, a pronoun or a description)."""

    def __init__(self, entities: list[Entity]) -> None:
        spans = sorted(((m.start, m.end, e, m.kind) for e in entities for m in e.mentions), key=lambda s: s[:2])
        self.starts = [s[0] for s in spans]
        self.spans = spans
        self.longest = max((s[1] - s[0] for s in spans), default=0)
        self.by_id = {e.id: e for e in entities}

    def inside(self, start: int, end: int) -> list[Mention]:
        i = bisect_right(self.starts, start - 1)
        out = []
        while i < len(self.spans) and self.spans[i][0] < end:
            if self.spans[i][1] <= end:
                out.append(self.spans[i])
            i += 1
        return out

    def covering(self, start: int, end: int) -> list[Mention]:
        # only a mention that starts at most `longest` characters before `start` can reach it
        i = bisect_left(self.starts, start - self.longest)
        out = []
        while i < len(self.spans) and self.spans[i][0] < end:
            if start < self.spans[i][1]:
                out.append(self.spans[i])
            i += 1
        return out

    def starting_at(self, start: int) -> Mention | None:
        i = bisect_right(self.starts, start - 1)
        return self.spans[i] if i < len(self.spans) and self.spans[i][0] == start else None


@cache
def speaker_nouns(language: Language) -> frozenset[str]:
    """The nouns that denote people or organisations: what an unnamed speaker may be."""
    titles, speech = language.titles, language.speech
    return frozenset({*speech.source_nouns, *speech.speaker_nouns, *titles.heads, *titles.organisation_heads,
                      *language.events.context.persons})


@cache
def person_nouns(language: Language) -> frozenset[str]:
    """The nouns that denote a person (a title, an occupation, "homme", "habitant"), not a body."""
    nouns = {*language.speech.speaker_nouns, *language.titles.heads, *language.grammar.anaphora.people,
             *language.events.context.persons}
    return frozenset(nouns - language.speech.body_nouns - set(language.titles.organisation_heads))


class Resolver:
    """Names speakers from token phrases, and remembers unnamed speakers for the pronouns after them."""

    def __init__(self, clauses: Clauses) -> None:
        doc, entities, language = clauses.doc, clauses.entities, clauses.language
        self.doc, self.clauses, self.entities, self.language = doc, clauses, entities, language
        self.mentions = Mentions(entities)
        speech, grammar = language.speech, language.grammar
        self.pronouns: dict[str, tuple[str, str]] = {
            **{p: (g, "Sing") for p, g in speech.pronouns.items()},
            **{p: (g, "Plur") for p, g in speech.plural_pronouns.items()}}
        self.demonstratives = {w: tuple(a.split()) for w, a in grammar.anaphora.demonstratives.items()}
        self.gender = genders(doc, entities, language)
        determiners = grammar.determiners
        self.definite = determiners.definite | determiners.plural_definite | determiners.demonstrative
        self.nouns = speaker_nouns(language)
        self.and_ = f" {grammar.conjunctions.and_} "
        # the speakers heard so far, in text order: what a pronoun after an unnamed one looks back to
        self.history: list[tuple[int, Speaker, str | None, str]] = []

    def heard(self, position: int, speaker: Speaker) -> None:
        """Remembers a speaker, named or described ("un conseiller spécial"), for the pronouns after it."""
        if speaker.entity is None and (speaker.link == "pronoun" or speaker.text.lower() in self.pronouns):
            return
        gender, number = self.gender.get(speaker.entity or ""), "Sing"
        if speaker.entity is None:
            root = self._root(speaker)
            if root is None:
                return
            gender = next(iter(root.morph.get("Gender")), None)
            number = "Plur" if "Plur" in root.morph.get("Number") or self.and_ in speaker.text else "Sing"
        insort(self.history, (speaker.start, speaker, gender, number), key=lambda item: item[0])

    def just_heard(self, described: Speaker, verb: Token) -> Speaker | None:
        """"« … », a déclaré Iga Swiatek. « … », a réagi la quadruple championne": a definite
        description of a person, as an incise's subject the linker left unlinked, is the speaker
        heard last, named, in the two sentences before, when the gender agrees; not after a verb
        of reply, nor when the article gave that title to someone else."""
        person_described = self._one_person_described(described, verb)
        if person_described is None or person_described[1] not in self.definite:
            return None
        root, _, wanted = person_described
        titled = {e.id for e in self.entities if e.role and root.lemma_.lower() in fold(e.role).split()}
        heard = [(pos, speaker, gender) for pos, speaker, gender, number in self.history
                 if pos < described.start and number == "Sing"]
        if not heard:
            return None
        pos, speaker, gender = heard[-1]
        then = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        # the sentences of narration between them (the quoted words do not count)
        between = sum(1 for t in self.doc[then.start:root.i] if t.is_sent_start and not self.clauses.quoted(t)) \
            if then is not None else 9
        person = next((e for e in self.entities if e.id == speaker.entity and e.type == "PER"), None)
        if person is None or between > 2 or wanted is not None and gender != wanted \
                or titled - {speaker.entity}:
            return None  # a body heard last is no person described
        return Speaker(speaker.entity, described.text, described.start, described.end, "description")

    def hides_a_name(self, described: Speaker, verb: Token | None) -> bool:
        """"a dit la jeune femme", "le ministre de la Justice répétait": a definite description of one
        person that no link resolved, in an article that names people it could stand for (of its
        gender, with no other title). A reader would credit one of them, and which one is not known:
        the description alone would show a wrong speaker as unnamed. Not after a verb of reply ("a
        rétorqué le maire"), which tells someone else is speaking."""
        person_described = self._one_person_described(described, verb)
        if person_described is None:
            return False
        root, first_word, wanted = person_described
        owned = first_word in self.language.grammar.determiners.possessive
        if "Plur" in root.morph.get("Number") or first_word not in self.definite and not owned:
            return False
        heads = {fold(h) for h in self.language.titles.heads}
        lemma = fold(root.lemma_.lower())
        for entity in self.entities:
            if entity.type != "PER" or " " not in entity.name:
                continue
            titles = {w for w in fold(entity.role or "").split() if w in heads}
            if self.gender.get(entity.id) in (None, wanted) and (not titles or lemma in titles):
                return True
        return False

    def _one_person_described(self, described: Speaker, verb: Token | None) -> tuple[Token, str, str | None] | None:
        """For an unnamed speaker in words that describe a person, not after a verb of reply: the noun,
        the first word ("le", "l’", "son") and the gender the words give (the article tells it for a
        noun of both, "la secrétaire"; else the noun does)."""
        words = self.doc.char_span(described.start, described.end, alignment_mode="expand")
        if described.entity is not None or words is None or not len(words):
            return None
        if verb is not None and syntax.lemmas(verb, self.language.grammar) & self.language.speech.reply_verbs:
            return None
        if any(entity.type == "PER" for _, _, entity, _ in self.mentions.inside(described.start, described.end)):
            return None  # "le conseiller de Paul Girard" is someone else; "le président …, Roger Pelzer" is named
        root = _noun_head(self.doc, words.start, words.end)
        if not self._person(root):
            return None
        first_word = straighten(words[0].lower_)  # "l’" of "l’écrivain"
        wanted = self.language.grammar.determiners.gender.get(first_word) or noun_gender(root, self.language.grammar)
        return root, first_word, wanted

    def _root(self, speaker: Speaker) -> Token | None:
        span = self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        return span.root if span is not None else None

    def from_tokens(self, first: int, end: int) -> Speaker | None:
        """The speaker named by tokens [first, end), or None when they name no one who can speak."""
        if first >= end:
            return None
        doc = self.doc
        start, stop = doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text)
        text = text_of(doc)[start:stop]
        named = self._named(first, end)
        if named is not None and named[0].type in ("LOC", "MISC") and _indefinite(_head(doc, first, end)):
            named = None  # "un Lausannois de 18 ans": a place's name never takes "un"; an inhabitant does
        if named is not None:
            entity, kind, (lo, hi) = named
            if lo < start or hi > stop:  # the mention as written, whole ("Celle-ci", "Emmanuel Macron")
                start, stop = min(start, lo), max(stop, hi)
                text = text_of(doc)[start:stop]
            # a place speaks as the subject itself ("Moscou a affirmé"), or through the pronoun the
            # linker gave it, which it does only for a place that acted as a subject
            if entity.type in SPEAKING_TYPES or entity.type == "LOC" and kind in ("name", "pronoun") \
                    or entity.type == "MISC" and kind == "name" and self._at_head(first, end, lo, hi):
                # a name the tagger could not type, as the subject itself, is a medium or a body
                # ("…, indique Le Point")
                return Speaker(entity.id, text, start, stop, kind)  # type: ignore[arg-type]
            return None
        agreement = self.pronouns.get(text.lower()) or self.demonstratives.get(straighten(text.lower()))
        if agreement is not None:
            return self._unnamed_antecedent(start, text, *agreement)
        earlier = self._same_source(first, end) or self._described_before(first, end)
        if earlier is not None:
            return earlier
        return Speaker(None, text, start, stop, "unnamed") if self._denotes_people(first, end) else None

    def _named(self, first: int, end: int) -> tuple[Entity, str, tuple[int, int]] | None:
        """The entity a phrase names and how: the one at its head (by a name, or a linked pronoun or
        description), or a person in apposition to a title ("le leader des Insoumis, Jean-Luc
        Mélenchon"), not one inside a complement ("un conseiller du président turc" names nobody)."""
        doc = self.doc
        head = _head(doc, first, end)
        for lo, hi, entity, kind in self.mentions.covering(head.idx, head.idx + len(head.text)):
            # the mention holds the head: a linked pronoun the tokenizer cut in pieces ("Celle" "-" "ci"),
            # a name the parse cut ("Emmanuel" | "Macron a exclu")
            return entity, kind, (lo, hi)
        found = self.mentions.inside(doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text))
        for start, stop, entity, kind in found:
            if start <= head.idx < stop:
                return entity, kind, (start, stop)
        for start, stop, entity, kind in found:
            if entity.type not in SPEAKING_TYPES or kind != "name":
                continue
            span = doc.char_span(start, stop, alignment_mode="expand")
            if span is None:
                continue
            if self._names_head(span.root, head) if entity.type == "PER" else self._body_beside(head, span.root):
                return entity, kind, (start, stop)  # "le PDG … Louis Garnier", "le syndicat Sud-Rail"
            before = span.start - 1
            while before > first and (doc[before].pos_ == "DET" or syntax.titles_name(doc[before])):
                before -= 1  # "son président, le Dr Claude Martin": an article and a courtesy title
            if entity.type == "PER" and doc[before].text == "," and before > first:
                return entity, kind, (start, stop)
        return None

    def _body_beside(self, head: Token, name: Token) -> bool:
        """"le syndicat Sud-Rail" is the union; "le sénateur PS" is a person, whose party only qualifies them."""
        titles = self.language.titles.heads
        return _beside(head, name) and head.lemma_.lower() not in titles and head.lower_ not in titles

    def _at_head(self, first: int, end: int, lo: int, hi: int) -> bool:
        head = _head(self.doc, first, end)
        return lo <= head.idx < hi

    def _names_head(self, name: Token, head: Token) -> bool:
        """Whether a name stands beside the phrase's head noun ("le PDG de l'entreprise Louis
        Garnier", however the parser hung it), not beside another person's title inside it."""
        if name.i == head.i + 1 and name.pos_ == "PROPN" and self._person(head):
            return True  # "l'écologiste Gilles Deguet", the name right after a person's noun
        node = name
        for _ in range(8):
            if node.i == head.i:
                return True
            if node.dep_ not in ("appos", "flat:name", "flat", "nmod") or node.head.i == node.i:
                return False
            if node is name and node.dep_ == "nmod" and node.head.i == head.i \
                    and any(c.dep_ == "case" for c in node.children):
                return False  # "le maire de Bertrand": the title's complement, a town or a body
            node = node.head
            if node.i != head.i and node.pos_ == "NOUN" and (node.lemma_.lower() in self.nouns
                                                              or node.lower_ in self.nouns):
                return False
        return False

    def _unnamed_antecedent(self, position: int, pronoun: str, gender: str, number: str) -> Speaker | None:
        """A pronoun the linker left unlinked stands for an unnamed person when the latest one of its
        gender and number, among the speakers heard ("un conseiller …, a-t-il ajouté") and the
        subjects just before ("La jeune employée en a eu le souffle coupé. Elle …"), is unnamed."""
        heard = next(((pos, speaker) for pos, speaker, known, count in reversed(self.history)
                      if pos < position and known in (None, gender) and count == number), None)
        acting = self._subject_before(position, gender, number)
        latest = max((c for c in (heard, acting) if c is not None), key=lambda c: c[0], default=None)
        # the subject acting last may be the speaker heard last, named again ("Ce dernier a rappelé …")
        same = acting is not None and acting[1] is None and heard is not None and any(
            e.id == heard[1].entity for _, _, e, _ in self.mentions.covering(acting[0], acting[0] + 1))
        if heard is not None and (latest is heard or same) and self._still_speaking(heard[1], position, gender):
            speaker = heard[1]
            text = text_of(self.doc)[position:position + len(pronoun)]
            return Speaker(speaker.entity, text, position, position + len(pronoun), "pronoun")
        if latest is None or latest[1] is None or latest[1].entity is not None:
            return None  # a named one is the latest: the linker found it ambiguous
        speaker = latest[1]
        return Speaker(None, speaker.text, speaker.start, speaker.end, "pronoun")

    def _still_speaking(self, speaker: Speaker, position: int, gender: str) -> bool:
        """'X a assuré … . « … », a-t-il expliqué': a person named as the speaker of the statement just
        before, in the same or the previous sentence, with no other person of the pronoun's gender
        named since, goes on speaking, whatever bodies and places the linker weighed against them."""
        entity = self.mentions.by_id.get(speaker.entity or "")
        if entity is None or entity.type != "PER" or self.gender.get(entity.id) != gender:
            return False
        here = self.doc.char_span(position, position + 1, alignment_mode="expand")
        then = self.doc.char_span(speaker.start, speaker.start + 1, alignment_mode="expand")
        if here is None or then is None or then[0].sent.start < self._sentence_before(here[0].sent).start:
            return False
        return not any(e.type == "PER" and e.id != entity.id and self.gender.get(e.id) in (None, gender)
                       for _, _, e, _ in self.mentions.inside(speaker.end, position))

    def _sentence_before(self, sentence: Span) -> Span:
        """The sentence of words before this one (a lone "«" the parser set apart is none)."""
        while sentence.start > 0:
            sentence = self.doc[sentence.start - 1].sent
            if any(not t.is_punct and not t.is_space for t in sentence):
                break
        return sentence

    def _subject_before(self, position: int, gender: str, number: str) -> tuple[int, Speaker | None] | None:
        """The nearest subject of the narration in the three sentences before `position` that can
        be the pronoun's: a person or a body in words (as a Speaker; not a country or a town, which
        the article will have named), or a named person (None: not ours to choose). A pronoun
        subject on the way carries the chain further back."""
        here = self.doc.char_span(position, position + 1, alignment_mode="expand")
        if here is None:
            return None
        sentence = here[0].sent
        for _ in range(SUBJECT_WINDOW - 1):
            sentence = self._sentence_before(sentence)
        for token in reversed(self.doc[sentence.start:here[0].i]):
            if not token.dep_.startswith("nsubj") or self.clauses.quoted(token) or token.pos_ == "PRON" \
                    or syntax.is_subordinate(token.head):  # "… a plaidé pour que la cour juge": not who acts
                continue
            named = self.mentions.covering(token.idx, token.idx + len(token.text))
            if named:
                entity = named[0][2]
                if entity.type == "PER" and self.gender.get(entity.id) in (None, gender) and number == "Sing":
                    return token.idx, None
                continue
            places = self.language.speech.place_nouns
            if not (self._person(token) or self._denotes_people(token.i, token.i + 1)) \
                    or token.lemma_.lower() in places or token.lower_ in places:
                continue
            plural = "Plur" in token.morph.get("Number")
            if phrase_gender(token, self.language.grammar) in (None, gender) and ("Plur" if plural else "Sing") == number:
                first, end = trim_phrase(self.doc, token.left_edge.i, token.right_edge.i + 1,
                                         self.language.grammar.pronouns.clause_openers)
                start, stop = self.doc[first].idx, self.doc[end - 1].idx + len(self.doc[end - 1].text)
                return token.idx, Speaker(None, text_of(self.doc)[start:stop], start, stop, "pronoun")
        return None

    def _same_source(self, first: int, end: int) -> Speaker | None:
        """"selon la même source": the latest speaker heard, named or not."""
        words = self.doc[first:end]
        if not any(t.lower_ in self.language.grammar.anaphora.same for t in words) \
                or _head(self.doc, first, end).lemma_.lower() not in self.language.speech.source_nouns:
            return None
        heard = [speaker for pos, speaker, _, _ in self.history if pos < self.doc[first].idx]
        if not heard:
            return None
        latest = heard[-1]
        if latest.entity is None:  # an unnamed source is best told by the words that first named it
            return Speaker(None, latest.text, latest.start, latest.end, "unnamed")
        start, stop = words[0].idx, words[-1].idx + len(words[-1].text)
        return Speaker(latest.entity, text_of(self.doc)[start:stop], start, stop, "description")

    def _described_before(self, first: int, end: int) -> Speaker | None:
        """'cette source', 'le responsable de la défense': the unnamed speaker introduced before
        with the same head noun ('une source diplomatique turque')."""
        if straighten(self.doc[first].lower_) not in self.definite:
            return None
        head = _head(self.doc, first, end)
        for pos, speaker, _, _ in reversed(self.history):
            root = self._root(speaker) if speaker.entity is None else None
            if pos < self.doc[first].idx and root is not None and root.lemma_ == head.lemma_:
                return Speaker(None, speaker.text, speaker.start, speaker.end, "unnamed")
        return None

    def _person(self, noun: Token) -> bool:
        """A noun that denotes a person, not a body ("la jeune employée", "un Lausannois")."""
        if noun.pos_ != "NOUN":
            return False
        if _inhabitant(noun):
            return True
        persons = person_nouns(self.language)
        return noun.lemma_.lower() in persons or noun.lower_ in persons

    def _denotes_people(self, first: int, end: int) -> bool:
        """Whether words that name no entity still denote people or an organisation ("les autorités
        ukrainiennes", "une source policière"), not a thing, a date, a number or a bare pronoun."""
        head = _noun_head(self.doc, first, end)
        if head.pos_ == "PROPN":
            return True
        if head.pos_ != "NOUN" or head.i in self.clauses.time_tokens:
            return False
        if _inhabitant(head):
            return True
        return head.lemma_.lower() in self.nouns or head.lower_ in self.nouns


def _noun_head(doc: Doc, first: int, end: int) -> Token:
    """The head of [first, end), or its noun when the parser made an adjective the head ("la
    quadruple championne")."""
    head = _head(doc, first, end)
    if head.pos_ == "ADJ":
        return next((t for t in doc[head.i + 1:end] if t.pos_ == "NOUN"), head)
    return head


def _inhabitant(noun: Token) -> bool:
    """"un Ukrainien de Kharkiv", "Un Lausannois": French writes an inhabitant with a capital."""
    return noun.text[:1].isupper() and not noun.is_sent_start and _indefinite(noun)


def _indefinite(head: Token) -> bool:
    """Whether "un", "une" or "des" goes with the noun (as its child, or just before it when the parse
    lost the link)."""
    before = [head.doc[head.i - 1]] if head.i > 0 else []
    return any(t.pos_ == "DET" and "Ind" in t.morph.get("Definite") for t in [*head.children, *before])


def _beside(head: Token, name: Token) -> bool:
    """A body's name right after the noun of its kind ("la société Transalpine", "le syndicat Sud-Rail"),
    not in a complement of it ("le président de la société X")."""
    return name.head.i == head.i and not any(c.dep_ == "case" for c in name.children)


def _head(doc: Doc, first: int, end: int) -> Token:
    """The token of [first, end) whose head lies outside it."""
    for token in doc[first:end]:
        if not (first <= token.head.i < end) or token.head.i == token.i:
            return token
    return doc[first]
