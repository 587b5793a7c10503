"""What triggers an event: the event knowledge of one language, ready to use."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from ...lang import Language
from ...lang.records import Constraint
from ...lang.text import fold
from ..casualties import Counter
from ..syntax import NOMINALS, PREDICATES

NO_CONSTRAINT = Constraint()


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None
    lemma: str


def _parse(value: str) -> tuple[str, str | None]:
    """"ASSAULT/drone" → ("ASSAULT", "drone"); the types were checked when the language loaded."""
    kind, _, mode = value.partition("/")
    return kind, mode or None


class Lexicon:
    """The event triggers, constraints and context words of one language (its `events.toml`), with
    the grammar words the stage reads them with."""

    @staticmethod
    @cache
    def of(language: Language) -> Lexicon:
        """Built once per language and process."""
        return Lexicon(language)

    def __init__(self, language: Language) -> None:
        data, grammar = language.events, language.grammar
        self.verbs = {k: _parse(v) for k, v in data.verbs.items()}
        self.nouns = {k: _parse(v) for k, v in data.nouns.items()}
        self.phrases: dict[str, list[tuple[str, tuple[str, str | None]]]] = {}
        for words, value in data.phrases.items():
            head, dependent = words.split(maxsplit=1)
            self.phrases.setdefault(head, []).append((dependent, _parse(value)))
        self.constraints = data.constraints
        self.retype = {k: (v.objects, _parse(v.as_)) for k, v in data.retype.items()}
        self.modes = {kind: list(table.items()) for kind, table in data.modes.items()}
        self.context = data.context
        self.grammar = grammar
        self.speech_verbs = language.speech.verbs
        self.demonyms: dict[str, set[str]] = {}
        for entry in language.demonyms.values():
            for adjective in entry.adjectives:
                self.demonyms[adjective] = {fold(n) for n in entry.names}
        self.counter = Counter(language)
        prepositions = grammar.prepositions
        self.plain_of = prepositions.of  # "de", "d'"
        self.of_forms = frozenset(prepositions.of_forms)  # "de", "d'", "du", "des"
        self.to_forms = frozenset(prepositions.to_forms)  # "à", "au", "aux"
        self.parties = data.context.parties
        self.parties_but_recipient = self.parties - self.to_forms

    def constraint(self, trigger: Trigger) -> Constraint:
        return self.constraints.get(trigger.lemma, NO_CONSTRAINT)

    def trigger(self, token: Token) -> Trigger | None:
        """The event type and mode a word names, before its context is read."""
        lemma = token.lemma_.lower()
        for dependent, (kind, mode) in self.phrases.get(lemma, []):
            if dependent in dependent_words(token):
                return Trigger(kind, mode, lemma)
        table = self.verbs if token.pos_ in PREDICATES else self.nouns if token.pos_ in NOMINALS else None
        if table is None:
            return None
        entry = table.get(lemma) or (table.get(token.lower_) if token.pos_ in NOMINALS else None)
        if entry is None:
            return None
        kind, mode = entry
        retype = self.retype.get(lemma)
        if retype and dependent_words(token) & retype[0]:
            kind, mode = retype[1]
        return Trigger(kind, mode, lemma)


def dependent_words(token: Token) -> set[str]:
    """Lemmas and forms of a word's dependents, their case words, and its head."""
    words = {token.head.lemma_.lower()}
    for child in token.children:
        words |= {child.lemma_.lower(), child.lower_}
        words |= {g.lemma_.lower() for g in child.children if g.dep_ in ("case", "fixed", "flat")}
    return words
