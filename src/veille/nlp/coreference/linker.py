"""The walk through one article that links pronouns, demonstratives and descriptions to entities."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Token

from ...lang import Language
from ...lang.text import CLOSING, fold, quotations, straighten
from ...model import Entity
from .. import syntax
from ..context import text_of
from ..gender import genders, phrase_gender
from ..speakers import person_nouns, speaker_nouns
from . import descriptions
from .records import Link, Mentioned, Referent

WINDOW_SENTENCES = 5  # how far back a pronoun looks for its antecedent


class Linker:
    """Walks one article in text order, remembering who was named and linking what points back."""

    def __init__(self, doc: Doc, language: Language, entities: list[Entity]) -> None:
        self.doc, self.language, self.grammar = doc, language, language.grammar
        self.text = text_of(doc)
        # a paragraph is a line with words; blank lines between them do not count
        self.paragraph_starts = [m.start() for m in re.finditer(r"[^\n]*\S[^\n]*", self.text)]
        self.sentence_starts = [s.start_char for s in doc.sents]
        gender = genders(doc, entities, language)
        self.referents = {e.id: _referent(e, gender.get(e.id), language) for e in entities
                          if e.type in ("PER", "ORG", "LOC")}
        self.mention_at: dict[int, tuple[Referent, int, int]] = {}  # token → referent, start, end
        for entity in entities:
            referent = self.referents.get(entity.id)
            for mention in entity.mentions if referent else ():
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None:
                    for token in span:
                        self.mention_at.setdefault(token.i, (referent, mention.start, mention.end))
        self.history: list[Mentioned] = []
        # the words of each description linked so far and whom they stood for
        self.described: dict[tuple[str, ...], set[str]] = {}
        self.quoted = {t.i for m in quotations(self.text)
                       for t in (doc.char_span(m.start, m.end, alignment_mode="expand") or ())}
        self.people = speaker_nouns(language)
        self.persons = person_nouns(language)  # people, not bodies
        # sentences of narration before each sentence: a long quotation puts no antecedent further away
        self.told_before, told = [], 0
        for sentence in doc.sents:
            self.told_before.append(told)
            words = [t for t in sentence if not t.is_punct and not t.is_space][:2]
            told += bool(words) and not any(t.i in self.quoted for t in words)  # a lone "«" tells nothing
        # the subjects a name names ("Le ministre de l'Intérieur Gérald Darmanin a dit")
        self.named_subjects = {s.i for t, (r, _, _) in self.mention_at.items()
                               if (s := self._subject_named(doc[t], r.entity.type == "PER")) is not None}
        # unnamed people who act ("un conseiller spécial a affirmé"): a pronoun after them is theirs
        self.unnamed_subjects = {t.i for t in doc if t.dep_.startswith("nsubj") and self._person_noun(t)
                                 and t.i not in self.named_subjects and not self._named_after(t)
                                 and not syntax.is_subordinate(t.head)}

    def links(self) -> list[Link]:
        found: list[Link] = []
        skip_to = 0
        for token in self.doc:
            if token.i < skip_to:
                continue
            named = self.mention_at.get(token.i)
            if named is not None:
                skip_to = self._remember(token, *named)
                continue
            link = self._pronoun(token) or self._demonstrative(token) or descriptions.link(self, token)
            if link is None and token.i in self.unnamed_subjects:
                number = "Plur" if "Plur" in token.morph.get("Number") else "Sing"
                self._note(None, token.idx, token, agreement=(phrase_gender(token, self.grammar), number))
                continue
            if link is None and self._unresolved_subject(token):
                # "il" that stands for someone not known here: who its sentence is about is not known either
                self._note(None, token.idx, token, subject=True, agreement=self._agreement(token))
                continue
            if link is not None:
                found.append(link)
                span = self.doc.char_span(link.start, link.end, alignment_mode="expand")
                skip_to = span.end if span is not None else token.i + 1
                if link.kind == "description":
                    self._described_as(link)
                # "Ce dernier a rappelé": the phrase's head says whether it is the subject, not "Ce"
                self._note(self.referents[link.entity], link.start, span.root if span is not None else token)
        return found

    def _described_as(self, link: Link) -> None:
        """"le candidat insoumis à la présidentielle": what the text called a person, a description may
        call them again ("le candidat à la présidentielle" a line later)."""
        referent = self.referents[link.entity]
        if referent.entity.type == "PER":
            words = frozenset(fold(link.text).replace("'", " ").split())
            self.referents[link.entity] = replace(referent, described_words=referent.described_words | words)

    def _unresolved_subject(self, token: Token) -> bool:
        speech = self.language.speech
        return (token.lower_ in speech.pronouns or token.lower_ in speech.plural_pronouns) \
            and (token.dep_.startswith("nsubj") or token.text.startswith("-")) and not self._impersonal(token) \
            and not self._in_quotation(token)

    def _agreement(self, pronoun: Token) -> tuple[str | None, str]:
        speech = self.language.speech
        singular = speech.pronouns.get(pronoun.lower_)
        return (singular, "Sing") if singular else (speech.plural_pronouns.get(pronoun.lower_), "Plur")

    def _person_noun(self, token: Token) -> bool:
        return token.pos_ == "NOUN" and (token.lemma_.lower() in self.people or token.lower_ in self.people)

    def _named_after(self, noun: Token) -> bool:
        """"le ministre de la Santé, Paul Girard, …": a title followed by a name set off by a comma is
        that person's, however the parser attached the name."""
        comma = noun.right_edge.i + 1
        if comma >= len(self.doc) - 1 or self.doc[comma].text != ",":
            return False
        name = comma + 1 + (self.doc[comma + 1].pos_ == "DET")
        if name + 1 < len(self.doc) and syntax.titles_name(self.doc[name]):
            name += 1  # "le directeur, le Professeur Arsène Martin,"
        found = self.mention_at.get(name)
        return found is not None and found[0].entity.type == "PER"

    def _subject_named(self, name: Token, person: bool = True) -> Token | None:
        """The subject a name is or names: itself, or the noun it stands beside ("le ministre Gérald
        Darmanin", even parsed under "de l'Intérieur"); not through another person's title ("un
        conseiller du président Erdogan": the name is the president's), and a body under a person's
        title is that title's complement, not its subject ("le ministre de l'Economie")."""
        if self.inverted_in_incise(name):
            return name
        node, in_name = name, True
        for _ in range(8):
            if node.dep_.startswith("nsubj"):
                return node
            if node.dep_ not in ("appos", "flat:name", "flat", "nmod") or node.head.i == node.i:
                return None
            if node.dep_ == "nmod" and self._person_noun(node.head) \
                    and (not person or in_name and any(c.dep_ == "case" for c in node.children)):
                return None  # "le conseiller de Paul Girard": the name is a complement of the title
            in_name = in_name and node.dep_ in ("flat:name", "flat")
            node = node.head
            if self._person_noun(node) and not node.dep_.startswith("nsubj"):
                return None
        return None

    def inverted_in_incise(self, name: Token, inside_marks: bool = False) -> bool:
        """"« … », a déclaré Sultan Al Jaber, président …", "« … », a dit à Reuters la jeune femme": the
        name or noun after an incise's speech verb, or after a short complement of it, is its subject,
        however the parser labelled it. Inside the marks, the incise follows a comma ("« A, a dit X. B »")."""
        verb = name.head
        if verb.i > name.i or name.i - verb.i > 6 or verb.lemma_.lower() not in self.language.speech.verbs \
                or any(c.dep_ == "case" for c in name.children) or name.dep_.startswith("obl") \
                or name.i - verb.i > 3 and any(t.is_punct for t in self.doc[verb.i + 1:name.i]):
            return False
        j = verb.i - 1
        while j > 0 and (self.doc[j].dep_.startswith("aux") or self.doc[j].pos_ == "ADV"):
            j -= 1  # "« … », a encore affirmé X"
        return j > 0 and self.doc[j].text == "," and (inside_marks or self.doc[j - 1].text in CLOSING)

    def _remember(self, token: Token, referent: Referent, start: int, end: int) -> int:
        """Notes a name mention once, at its first word; returns the token after it."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        root = span.root if span is not None else token
        subject = self._subject_named(root, referent.entity.type == "PER") is not None
        # a place stands out only as an actor; a body named in a person's title ("le secrétaire général
        # du MMM") only says who that person is
        head = root.head
        in_title = referent.entity.type != "PER" and root.dep_ == "nmod" and head.pos_ == "NOUN" \
            and (head.lemma_.lower() in self.persons or head.lower_ in self.persons)
        if (referent.entity.type != "LOC" or subject) and not in_title:
            self._note(referent, start, root, subject)
        return span.end if span is not None else token.i + 1

    def _note(self, referent: Referent | None, start: int, token: Token, subject: bool | None = None,
              agreement: tuple[str | None, str] = (None, "Sing")) -> None:
        self.history.append(Mentioned(referent, start, self.sentence_of(start), self._paragraph(start),
                                      _is_subject(token) if subject is None else subject, self._in_quotation(token),
                                      agreement))

    def _in_quotation(self, token: Token) -> bool:
        """Whether the word is the quoted speaker's, not the narrator's: inside the marks, and not the
        pronoun of an incise there ("« A, a-t-il dit. B »")."""
        if token.i not in self.quoted:
            return False
        if not token.text.startswith("-"):
            # "« A, a promis l'entraîneur Paul Girard. B »": the inverted subject of an incise in the marks
            return not self.inverted_in_incise(self._named_head(token), inside_marks=True)
        return _verb_of(token).lemma_.lower() not in self.language.speech.verbs

    @staticmethod
    def _named_head(token: Token) -> Token:
        """The noun a name stands beside ("l'entraîneur Paul Girard" → entraîneur), or the name."""
        node = token
        while node.dep_ in ("flat:name", "flat", "appos") and node.head.i != node.i and node.head.i < node.i:
            node = node.head
        return node

    def sentence_of(self, position: int) -> int:
        return bisect_right(self.sentence_starts, position) - 1

    def told_since(self, sentence: int, position: int) -> int:
        """How many sentences of narration lie from a sentence to the one at a position: the quoted
        words between them do not put what was said before further away."""
        return self.told_before[self.sentence_of(position)] - self.told_before[sentence]

    def _paragraph(self, position: int) -> int:
        return bisect_right(self.paragraph_starts, position) - 1

    # --- il, elle, -t-il ---------------------------------------------------------------------------

    def _pronoun(self, token: Token) -> Link | None:
        form = token.lower_
        gender, number = self._agreement(token)
        stressed_source = gender is not None and self._sourced(token)  # "selon lui", "d'après eux"
        if form not in self.grammar.pronouns.third_person and not stressed_source or self._impersonal(token):
            return None
        if not token.dep_.startswith("nsubj") and not token.text.startswith("-") and not self._sourced(token):
            return None  # an object or a stressed pronoun ("lui") is too loosely tied to link
        referent = (self._reporter(token, gender, number)
                    or self._salient(token.idx, gender, number, self._in_quotation(token), self._own_clause(token),
                                     speaking=self._speaks(token)))
        if referent is None:
            return None
        return Link(token.idx, token.idx + len(token.text), token.text, referent.entity.id, "pronoun")

    def _sourced(self, pronoun: Token) -> bool:
        """"selon lui", "d'après elle", "pour elle,": the stressed pronoun names a source."""
        speech = self.language.speech
        before = self.doc[max(pronoun.i - 2, 0):pronoun.i]
        words = {straighten(before[-1:].text.lower()), straighten(before.text.lower().replace(" ", ""))}
        return bool(words & (speech.sources | speech.opening_sources))

    def _impersonal(self, token: Token) -> bool:
        """"il faut", "il s'agit", "il y a", "il est possible de": an "il" that stands for no one."""
        head = token.head
        anaphora = self.grammar.anaphora
        if self.language.speech.pronouns.get(token.lower_) != "Masc":
            return False  # "elle" always stands for someone
        lemmas = syntax.lemmas(head, self.grammar)
        if lemmas & anaphora.impersonal_verbs:
            return True
        if lemmas & anaphora.impersonal_with_complement:
            return any(c.i > head.i and (c.dep_ in ("ccomp", "csubj") or c.dep_ in ("obj", "nsubj", "nsubj:pass")
                                         and any(d.dep_ in ("det", "nummod") for d in c.children))
                       for c in head.children)
        if token.dep_ == "expl:subj" and not token.text.startswith("-") and not syntax.has_copula(head) \
                and head.pos_ != "VERB":  # "-il" of "a-t-il" is labelled so too
            return True
        pronoun, verb = anaphora.existential
        if head.lemma_.lower() == verb and any(c.lower_ == pronoun for c in head.children):
            return True
        return syntax.has_copula(head) and any(c.dep_ in ("csubj", "ccomp", "xcomp") and c.i > head.i
                                               for c in head.children)

    def _reporter(self, pronoun: Token, gender: str | None, number: str) -> Referent | None:
        """"X a affirmé qu'il …": the subject of a clause a verb reports is, when it agrees, its reporter."""
        clause = pronoun.head
        while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "ccomp":
            return None
        reporter = syntax.subject(clause.head)
        named = self.mention_at.get(reporter.i) if reporter is not None else None
        if named is None and reporter is not None:
            named = next(((m.referent, m.start, 0) for m in reversed(self.history)
                          if m.start == reporter.idx and m.referent is not None), None)
        referent = named[0] if named else None
        return referent if referent is not None and _agrees(referent, gender, number) else None

    def _own_clause(self, pronoun: Token) -> frozenset[int]:
        """Where the names of a subject pronoun's own clause start: "Aux côtés de sa compatriote X,
        elle affrontera …" — a subject pronoun never stands for a name of its own clause."""
        if not pronoun.dep_.startswith("nsubj"):
            return frozenset()
        verb = pronoun.head
        own = {t.idx for t in verb.subtree if t.i != pronoun.i and not self._clause_of_its_own(t, verb)}
        if verb.dep_ == "acl:relcl":  # "Paul Girard, qu'il décrit comme …": nor the name its clause describes
            own |= {t.idx for t in verb.head.subtree if t.i < verb.i}
        return frozenset(own)

    @staticmethod
    def _clause_of_its_own(token: Token, verb: Token) -> bool:
        """Whether the word sits in a clause below the verb (a relative, a completive), not the verb's."""
        node = token
        while node.i != verb.i and node.head.i != node.i:
            if node.dep_ in ("acl:relcl", "ccomp", "advcl", "acl", "parataxis", "conj"):
                return True
            node = node.head
        return False

    def _speaks(self, pronoun: Token) -> bool:
        """Whether the pronoun is the subject of a speech verb ("a-t-il expliqué"): a place says nothing."""
        return bool(syntax.lemmas(_verb_of(pronoun), self.grammar) & self.language.speech.verbs)

    def _salient(self, position: int, gender: str | None, number: str, quoted: bool = False,
                 own_clause: frozenset[int] = frozenset(), speaking: bool = False) -> Referent | None:
        """The referent that stands out before `position`: the nearest sentence with a fitting one
        gives it, its subject first; two fitting ones and no subject among them make no link. The
        subject of a speech verb is never a place."""
        here, paragraph = self.sentence_of(position), self._paragraph(position)
        fitting = [m for m in self.history if m.start < position and m.start not in own_clause
                   and not (speaking and m.referent is not None and m.referent.entity.type == "LOC")
                   and self.told_before[here] - self.told_before[m.sentence] <= WINDOW_SENTENCES
                   and paragraph - m.paragraph <= 1 and not (m.quoted and not quoted)
                   and (m.referent is None and m.subject and _unnamed_agrees(m.agreement, gender, number)
                        or m.referent is not None and _agrees(m.referent, gender, number))]
        if not fitting:
            return None
        nearest = max(m.sentence for m in fitting)
        candidates = [m for m in fitting if m.sentence == nearest]
        if any(m.referent is None for m in candidates if m.subject):
            return None  # an unnamed person acts there: the pronoun is theirs, not an entity's
        subjects = {m.referent.entity.id: m.referent for m in candidates if m.subject and m.referent}
        others = {m.referent.entity.id: m.referent for m in candidates if m.referent}
        if len(subjects) == 1:
            return next(iter(subjects.values()))
        if len(others) == 1 and not subjects:
            return next(iter(others.values()))
        return None

    # --- ce dernier, celle-ci ----------------------------------------------------------------------

    def _demonstrative(self, token: Token) -> Link | None:
        begun = fold(token.text)
        for words, agreement in self.grammar.anaphora.demonstratives.items():
            folded = _folded(words)
            if not (folded.startswith(begun) or begun.startswith(folded)):
                continue  # most tokens: no phrase begins with this word, nothing to compare
            span = self._words_at(token, words)
            if span is None:
                continue
            gender, number = agreement.split()
            own_subject = syntax.subject(token.head) if token.dep_ != "nsubj" else None
            for mentioned in reversed(self.history):
                if mentioned.start >= token.idx:
                    continue
                if mentioned.referent is None and _unnamed_agrees(mentioned.agreement, gender, number):
                    # "… a souligné le directeur. Ce dernier …": the unnamed one named last, who stays
                    # the one its sentence is about
                    self._note(None, token.idx, token, subject=True, agreement=(gender, number))
                    return None
                if mentioned.referent is None or not _agrees(mentioned.referent, gender, number):
                    continue
                if own_subject is not None and mentioned.start == own_subject.idx:
                    continue
                if self.sentence_of(token.idx) - mentioned.sentence > WINDOW_SENTENCES:
                    return None
                entity = mentioned.referent.entity
                return Link(span[0], span[1], self.text[span[0]:span[1]], entity.id, "pronoun")
            return None
        return None

    def _words_at(self, token: Token, words: str) -> tuple[int, int] | None:
        """The characters of `words` when the text has them from this token on, as whole words."""
        start = token.idx
        end = start + len(words)
        if fold(self.text[start:end]) != fold(words) or self.text[end:end + 1].isalnum():
            return None
        return (start, end) if token.i == 0 or not self.doc[token.i - 1].text.endswith("-") else None

@cache
def _folded(words: str) -> str:
    return fold(words)


def _referent(entity: Entity, gender: str | None, language: Language) -> Referent:
    names = [entity.name, *(m.text for m in entity.mentions)]
    name_words = frozenset(w for n in names for w in fold(n).replace("'", " ").split())
    role_words = frozenset(fold(entity.role or "").replace("'", " ").split())
    told = {language.titles.honorific_roles.get(m.text.split()[0]) for m in entity.mentions if " " in m.text}
    if not role_words and told - {None}:  # "Me Dupont" is a lawyer
        role_words = frozenset(fold(r) for r in told if r is not None)
    plural = any(straighten(m.text).lower().startswith(tuple(f"{d} " for d in language.grammar.determiners.plural_definite))
                 for m in entity.mentions)
    return Referent(entity, gender, "Plur" if plural else "Sing", name_words, role_words)


def _verb_of(pronoun: Token) -> Token:
    """The verb a subject pronoun belongs to; "-elle" may hang on the "-t" before it."""
    verb = pronoun.head
    while verb.text.startswith("-") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _is_subject(token: Token) -> bool:
    node = token
    while node.dep_ in ("appos", "flat:name", "flat", "conj") and node.head.i != node.i:
        node = node.head  # "Paul Girard et Antoine Lefranc ont signé": both are subjects
    return node.dep_.startswith("nsubj")


def _agrees(referent: Referent, gender: str | None, number: str) -> bool:
    return referent.number == number and (gender is None or referent.gender in (None, gender))


def _unnamed_agrees(agreement: tuple[str | None, str], gender: str | None, number: str) -> bool:
    known, count = agreement
    return count == number and (gender is None or known in (None, gender))
