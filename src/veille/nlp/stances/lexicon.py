"""The stance knowledge of one language, ready to use: its predicates by lemma and the words that
bound a target."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...lang import Language
from ...lang.text import straighten
from ...model import Polarity

POLARITIES: tuple[Polarity, ...] = ("demand", "support", "oppose")


@dataclass(frozen=True)
class Predicate:
    words: str  # as the lexicon writes it: "s'opposer à"
    lemma: str  # the verb, or the adjective of "être …"
    polarity: Polarity
    reflexive: bool = False
    noun: str | None = None  # "avoir besoin de": besoin
    prep: tuple[str, ...] = ()  # the words that must introduce the target
    adjective: bool = False


class Lexicon:
    """The predicates of the language's `stances.toml` by lemma, its target words, and the grammar
    words the stage reads them with."""

    @staticmethod
    @cache
    def of(language: Language) -> Lexicon:
        """Built once per language and process."""
        return Lexicon(language)

    def __init__(self, language: Language) -> None:
        data, grammar = language.stances, language.grammar
        self.grammar = grammar
        self.verbs: dict[str, list[Predicate]] = {}
        self.adjectives: dict[str, list[Predicate]] = {}
        for polarity in POLARITIES:
            for words in getattr(data, polarity):
                predicate = _predicate(words, polarity, language)
                table = self.adjectives if predicate.adjective else self.verbs
                table.setdefault(predicate.lemma, []).append(predicate)
        # every beginning of an adjective's entry: a word that begins none cannot start a fixed
        # expression ("favorable", "en faveur") that the parse splits
        self.adjective_starts = {key[:end] for key in self.adjectives for end in range(1, len(key) + 1)}
        self.not_stances = {tuple(straighten(w).split()) for w in data.not_stances}
        self.idea_verbs, self.ideas = data.idea_verbs, data.ideas
        self.que_clause, self.que_needs_subjunctive = data.que_clause, data.que_needs_subjunctive
        self.intention, self.negated_to_oppose, self.incise = data.intention, data.negated_to_oppose, data.incise
        self.nouns: dict[str, Polarity] = {n: p for p in POLARITIES for n in getattr(data.nouns, p)}
        self.light_verbs = data.nouns.light_verbs
        self.noun_prepositions = data.nouns.prepositions
        self.compound_prepositions = [tuple(c.split()) for c in data.nouns.compound_prepositions]
        self.compound_endings = data.nouns.compound_endings
        self.needs = data.needs.nouns
        self.obligations = data.obligations
        target = data.target
        self.marks = {straighten(m) for m in target.marks}
        self.not_heads = target.not_heads
        self.circumstances = target.circumstances
        self.calls = target.calls
        self.stops = {straighten(w) for w in target.stops}
        self.stop_pairs = {tuple(straighten(p).split()) for p in target.stop_pairs}
        self.after_comma = {straighten(w) for w in target.after_comma}
        self.subordinators = {tuple(straighten(w).split()) for w in target.subordinators}
        self.demonstratives = data.anaphora.determiners
        self.proposals = data.anaphora.proposals
        self.first_person = {straighten(w) for w in data.persons.speaker}
        self.nobody, self.deciders, self.rulings = data.persons.nobody, data.persons.deciders, data.persons.rulings
        # the grammar words the stage reads
        pronouns, prepositions, conjunctions = grammar.pronouns, grammar.prepositions, grammar.conjunctions
        self.negations = grammar.negation.adverbs
        self.clitics, self.relatives, self.third_person = pronouns.clitics, pronouns.relatives, pronouns.third_person
        self.openers, self.euphony = pronouns.clause_openers, pronouns.glued_euphony
        self.elided_negation = grammar.negation.particles
        self.preposition_forms = prepositions.forms
        self.plural, self.feminine = grammar.inflection.plural, grammar.inflection.feminine
        self.contracted = prepositions.contractions
        self.plain_of = prepositions.of
        self.that, self.that_pronoun, self.of_which = conjunctions.that, conjunctions.that_pronoun, conjunctions.of_which
        self.introducing = self.relatives | self.that | {self.of_which}  # ", qui …,", ", dont …,"
        self.object_relatives = self.that | {self.of_which}  # "des solutions dont il ne veut pas"
        self.infinitive_marks = prepositions.infinitive  # "à ce que", "de ce que"
        self.indefinite = grammar.determiners.indefinite | grammar.determiners.plural_indefinite


def _predicate(words: str, polarity: Polarity, language: Language) -> Predicate:
    """'s'opposer à' → reflexive opposer with 'à'; 'avoir besoin de' → avoir + besoin, 'de';
    'être favorable à' → the adjective favorable, 'à'; "être d'accord avec" → the adjective d'accord."""
    reflexive_forms = language.grammar.pronouns.reflexive  # "se", "s'"
    parts = straighten(words).split()
    glued = next((r for r in reflexive_forms if r.endswith("'") and parts[0].startswith(r) and parts[0] != r), None)
    if glued is not None:  # "s'opposer"
        reflexive, parts = True, [parts[0][len(glued):], *parts[1:]]
    else:  # "se prononcer", "refuser"
        reflexive = parts[0] in reflexive_forms
        parts = parts[1:] if reflexive else parts
    prepositions = language.stances.target.prepositions
    i = 1
    while i < len(parts) and parts[i] not in prepositions:
        i += 1
    head, between, prep = parts[0], parts[1:i], tuple(parts[i:])
    if head == language.grammar.verbs.copula and between:
        return Predicate(words, "".join(between), polarity, prep=prep, adjective=True)
    return Predicate(words, head, polarity, reflexive, between[-1] if between else None, prep)
