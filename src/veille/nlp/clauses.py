"""The clauses of one article, read once and shared by the quote, event and stance stages.

`Clauses` is built once per article, after entities and times: it knows which words name an entity
or a time, where the quotation marks are, and gives for any predicate its `Clause`: the predicate,
its subject and complement, whether it is negated, its mood and tense, its voice, the time and place
expressions that govern it and its character span. A clause's fields are read from the parse the
first time a stage asks for them and kept for the next stage.

    clauses = Clauses(doc, ctx.language, entities, times)
    clause = clauses[verb]            # "Des frappes ont tué 12 personnes lundi à Kharkiv"
    clause.subject                    # frappes
    clause.times, clause.places       # [lundi], [Kharkiv]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Token

from ..lang import Language
from ..lang.text import Marked, quotations, straighten
from ..model import Entity, TimeExpr
from . import syntax
from .context import text_of

# Dependents that open a clause of their own: its places and dates are not the predicate's.
OWN_CLAUSES = frozenset({"acl:relcl", "ccomp", "parataxis", "csubj", "xcomp"})


@dataclass(eq=False)
class Clause:
    """One predicate and what the parse says of its clause."""

    predicate: Token
    clauses: Clauses = field(repr=False)

    @cached_property
    def subjects(self) -> tuple[Token, ...]:
        """Its own subjects as the parser gives them, in text order (most often one)."""
        return tuple(c for c in self.predicate.children if c.dep_ in syntax.SUBJECTS)

    @cached_property
    def subject(self) -> Token | None:
        """Its subject, or the one it shares with the predicate it depends on ("a décidé de riposter")."""
        return syntax.subject(self.predicate)

    @cached_property
    def subject_span(self) -> syntax.Range | None:
        """The words of its subject (shared or its own): the subject's phrase, without a relative clause
        or what follows a comma ("Le ministre, qui …" → "Le ministre")."""
        subject = self.subject
        if subject is None:
            return None
        openers = self.clauses.language.grammar.pronouns.clause_openers
        return syntax.trim_phrase(subject.doc, subject.left_edge.i, subject.right_edge.i + 1, openers)

    @cached_property
    def complement(self) -> Token | None:
        """What it is about: its first object, completive, infinitive or argument after it."""
        verb = self.predicate
        return next((c for c in verb.children if c.dep_ in syntax.COMPLEMENTS and c.i > verb.i), None)

    @cached_property
    def that_clause(self) -> Token | None:
        """The mark of a completive it governs: the "que" of "a déclaré que …"."""
        that = self.clauses.language.grammar.conjunctions.that
        for child in self.predicate.children:
            if child.dep_ == "ccomp" and child.i > self.predicate.i:
                # the parser sometimes calls the "que" an object ("a assuré ce lundi soir que …")
                mark = next((m for m in child.children if (m.dep_ == "mark" or m.dep_ == "obj" and m.pos_ == "SCONJ")
                             and straighten(m.lower_) in that), None)
                if mark is not None:
                    return mark
        return self._that_after_circumstances()

    def _that_after_circumstances(self) -> Token | None:
        """"a assuré dimanche soir sur France 2 qu'il existait …": a "que" right after the verb's time
        and place, which the parser may read as a relative clause of the date."""
        verb, doc = self.predicate, self.predicate.doc
        that = self.clauses.language.grammar.conjunctions.that
        in_phrase = False
        for token in doc[verb.i + 1:min(verb.sent.end, verb.i + 12)]:
            if straighten(token.lower_) in that:
                return token if token.head.pos_ in ("VERB", "AUX") and token.head.i > token.i else None
            if token.i in self.clauses.time_tokens or token.pos_ == "ADV":
                continue
            if token.pos_ == "ADP":
                in_phrase = True  # "sur France 2", "devant la presse"
            elif not (in_phrase and token.pos_ in ("DET", "NOUN", "PROPN", "NUM", "ADJ")):
                return None
        return None

    @cached_property
    def negated(self) -> bool:
        """"n'accepterait pas", "ne peut pas accepter"."""
        return syntax.negated(self.predicate, self.clauses.language.grammar)

    @cached_property
    def unreal(self) -> bool:
        """Conditional, subjunctive, future, imperative, or under a modal auxiliary."""
        return syntax.unreal_mood(self.predicate, self.clauses.language.grammar)

    @cached_property
    def tense(self) -> syntax.Tense | None:
        """Past, present or future; None for an infinitive or a participle, whose governor decides."""
        time = self.clauses.language.time
        return syntax.tense(self.predicate, time.intention_verbs, time.scheduling_participles)

    @cached_property
    def passive(self) -> bool:
        return syntax.is_passive(self.predicate)

    @cached_property
    def infinitive(self) -> Token | None:
        """The infinitive it governs after it: "Elle dit avoir « mis en garde » …", "a confié avoir reçu
        des menaces", "prétend ne pas avoir été touché" (a past infinitive: the participle under an
        infinitive auxiliary, with no subject of its own)."""
        verb = self.predicate
        for c in verb.children:
            if c.i <= verb.i or c.dep_ not in ("xcomp", "ccomp"):
                continue
            if c.dep_ == "xcomp" and syntax.is_infinitive(c):
                return c
            if any(a.dep_.startswith("aux") and syntax.is_infinitive(a) and a.i < c.i for a in c.children) \
                    and not any(g.dep_.startswith("nsubj") or g.dep_ == "mark" for g in c.children):
                return c
        return None

    @cached_property
    def region(self) -> frozenset[int]:
        """The words of the clause: the predicate and its dependents, without the clauses of their own."""
        return self.clauses.region(self.predicate, keep_relative=False)

    @property
    def times(self) -> list[TimeExpr]:
        """The dated time expressions of the clause, nearest the predicate first."""
        time_at, here = self.clauses.time_at, self.predicate.i
        return [time_at[i] for _, i in sorted((abs(i - here), i) for i in self.region if i in time_at)]

    @cached_property
    def places(self) -> list[Entity]:
        """The places the clause names, in text order."""
        clauses = self.clauses
        found = [clauses.entity_of[i] for i in sorted(self.region) if i in clauses.mention_root]
        return list({e.id: e for e in found if e.type == "LOC"}.values())

    @cached_property
    def span(self) -> tuple[int, int]:
        """The clause's characters, from its first word to the end of its last."""
        doc = self.predicate.doc
        first, last = doc[min(self.region)], doc[max(self.region)]
        return first.idx, last.idx + len(last.text)


class Clauses:
    """The clauses of one article, and which of its words name an entity or a time."""

    def __init__(self, doc: Doc, language: Language, entities: list[Entity], times: list[TimeExpr]) -> None:
        self.doc, self.language, self.entities = doc, language, entities
        self.text = text_of(doc)
        self.marks: list[Marked] = quotations(self.text)
        self.entity_of: dict[int, Entity] = {}  # a word → the entity a mention through it names
        self.root_of: dict[int, int] = {}  # a word → the root of that mention
        self.mention_root: set[int] = set()
        for entity in entities:
            for mention in entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                for token in span:
                    self.entity_of.setdefault(token.i, entity)
                    self.root_of.setdefault(token.i, span.root.i)
                self.mention_root.add(span.root.i)
        self.anchor(times)

    def anchor(self, times: list[TimeExpr]) -> None:
        """Reads the article's time expressions anew, once their values are anchored on the day their
        quotation was said ("aujourd'hui" in words said on Wednesday); clauses are read again after."""
        self.times = times
        self.time_at: dict[int, TimeExpr] = {}  # the root of a dated expression → the expression
        self.time_tokens: set[int] = set()  # every word of every time expression
        for time in times:
            span = self.doc.char_span(time.start, time.end, alignment_mode="expand")
            if span is None:
                continue
            self.time_tokens.update(t.i for t in span)
            if time.value is not None and time.type in ("DATE", "TIME"):
                self.time_at.setdefault(span.root.i, time)
        self._clauses: dict[int, Clause] = {}

    def __getitem__(self, predicate: Token) -> Clause:
        clause = self._clauses.get(predicate.i)
        if clause is None:
            clause = self._clauses[predicate.i] = Clause(predicate, self)
        return clause

    def region(self, top: Token, keep_relative: bool) -> frozenset[int]:
        """`top` and its dependents, without the clauses of their own below it (a relative clause is
        kept under a noun when `keep_relative`: "l'attaque qui a fait 12 morts mardi à Tunis") nor what
        happened at another time ("après le drame de la rue d'Enghien")."""
        displacing_nouns = self.language.grammar.circumstances.displacing_nouns
        out: set[int] = set()
        stack = [top]
        while stack:
            node = stack.pop()
            out.add(node.i)
            for child in node.children:
                relation = child.dep_
                if child.i in self.time_at:
                    stack.append(child)  # wherever the parser hung it ("a reçu lundi" as an object)
                    continue
                kept_relative = keep_relative and relation == "acl:relcl" and node is top
                if relation in OWN_CLAUSES and not kept_relative:
                    continue
                if relation == "conj" and child.pos_ in syntax.PREDICATES:
                    continue
                if relation.startswith("advcl") and not syntax.is_gerund(child) and not syntax.is_bare_participle(child):
                    continue
                if self.displaced(child):
                    continue
                if node.lemma_.lower() in displacing_nouns and relation == "nmod":
                    continue  # "au lendemain du drame": the drame is another day
                stack.append(child)
        return frozenset(out)

    def displaced(self, token: Token) -> bool:
        """Whether a phrase tells of another time than its clause ("après que des missiles ont frappé",
        "depuis le meurtre"); a date is never displaced ("depuis mercredi dernier" dates the clause)."""
        if token.i in self.time_at:
            return False
        return bool(syntax.cases(token) & self.language.grammar.circumstances.displaced)

    def quoted(self, token: Token) -> bool:
        """Whether the word stands between quotation marks."""
        return token.i in self._quoted

    @cached_property
    def _quoted(self) -> set[int]:
        return {t.i for m in self.marks for t in self.doc.char_span(
            m.open, m.close + 1, alignment_mode="contract") or ()}
