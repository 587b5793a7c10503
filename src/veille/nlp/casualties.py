"""Casualty counts: how many killed and how many injured a stretch of a parse states.

"faisant trois morts", "au moins 12 morts", "ont blessé 15 personnes, dont une famille avec trois
enfants" (15: what follows "dont" is part of the count, not added to it), "un pompier a été
légèrement blessé" (1). A vague count ("une dizaine de blessés", "des centaines de morts") is stated
but has no value: it comes back as None, and the words stay in the event's evidence text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from ..lang import Language
from .syntax import feats, is_passive, subject

VAGUE = object()  # a count the text states without a number


@dataclass(frozen=True)
class Counts:
    killed: int | None = None
    injured: int | None = None


class Counter:
    """Reads counts with the number words of `numbers.toml` and the casualty words of `events.toml`."""

    def __init__(self, language: Language) -> None:
        numbers, words, grammar = language.numbers, language.events.casualties, language.grammar
        self.numbers = {k.lower(): int(v) for k, v in numbers.words.items()}
        self.multipliers = numbers.multipliers
        self.vague = numbers.vague
        self.plural = grammar.inflection.plural  # "dizaines", "centaines"
        self.joiners = re.compile("|".join([*(re.escape(j) for j in numbers.joiners), r"\s+"]))
        self.of = grammar.prepositions.of
        self.part_of = grammar.conjunctions.of_which  # "15 blessés, dont trois graves"
        self.one = grammar.determiners.indefinite
        self.killed_nouns = words.killed_nouns
        self.killed_verbs = words.killed_verbs
        self.injured_nouns = words.injured_nouns
        self.injured_verbs = words.injured_verbs
        self.intransitive = words.intransitive
        self.killing_nouns = words.killing_nouns
        self.killed_or_killing = self.killed_nouns | self.killing_nouns
        self.any_word = self.killed_or_killing | self.killed_verbs | self.injured_nouns | self.injured_verbs

    def count(self, tokens: Iterable[Token]) -> Counts:
        """The first exact count of killed and of injured among `tokens`, in text order."""
        killed: int | None = None
        injured: int | None = None
        for token in sorted(set(tokens), key=lambda t: t.i):
            kind = self.kind(token)
            if kind is None or self._part_of_count(token):
                continue
            value = self._value_of(token)
            if not isinstance(value, int):
                continue
            if kind == "killed" and killed is None:
                killed = value
            elif kind == "injured" and injured is None:
                injured = value
        return Counts(killed, injured)

    def _part_of_count(self, token: Token) -> bool:
        """Inside "…, dont une famille avec trois enfants,": a part of the count told before it."""
        for left in reversed(token.sent[: token.i - token.sent.start]):
            if left.lower_ == self.part_of:
                return True
            if left.text in (",", ";", ".", ":", "(", ")") or left.pos_ == "VERB":
                return False
        return False

    def number(self, text: str) -> int | object | None:
        """A number in digits or words; VAGUE for "dizaine", "plusieurs"; None for anything else."""
        key = text.lower().replace("’", "'").strip()
        digits = re.sub(r"[\s\u00a0\u202f.]", "", key)
        if digits.isdigit():
            return int(digits)
        if key in self.vague or key.rstrip(self.plural) in self.vague:
            return VAGUE
        parts = [p for p in self.joiners.split(key) if p]
        if not parts or any(p not in self.numbers for p in parts):
            return None
        value = 0
        for part in (self.numbers[p] for p in parts):
            value = value * part if part in self.multipliers and 0 < value < part else value + part
        return value

    # --- which words count, and what count they carry ------------------------------------------

    def kind(self, token: Token) -> str | None:
        words = {token.lemma_.lower(), token.lower_}
        if not words & self.any_word:
            return None
        if _is_predicate(token):
            killed, injured = self.killed_verbs, self.injured_verbs
        elif token.pos_ in ("NOUN", "ADJ", "PROPN"):
            killed, injured = self.killed_or_killing, self.injured_nouns
        else:
            return None
        if words & killed:
            return "killed"
        if words & injured:
            return "injured"
        return None

    def _value_of(self, word: Token) -> int | object | None:
        """The count a casualty word carries: its own number ("trois morts"), its object's ("ont
        blessé 15 personnes"), or its subject's ("un pompier a été blessé", "12 agents sont morts")."""
        if word.lemma_.lower() in self.killing_nouns:
            victims = [c for c in word.children if c.dep_ == "nmod"
                       and any(g.dep_ == "case" and g.lemma_.lower() in self.of for g in c.children)]
            return self._noun_count(victims[0]) if victims else None  # "le meurtre de trois Kurdes"
        if not _is_predicate(word):
            return self._noun_count(word, alone=True)
        if word.dep_ == "acl" and word.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return self._noun_count(word.head)  # "trois Kurdes tués"
        objects = [c for c in word.children if c.dep_ == "obj"]
        if objects and not is_passive(word):
            return self._noun_count(objects[0])
        if is_passive(word) or word.pos_ == "ADJ" or word.lemma_.lower() in self.intransitive:
            doer = subject(word)
            if doer is not None:
                return self._noun_count(doer)
        return None

    def _noun_count(self, noun: Token, alone: bool = False) -> int | object | None:
        """How many a noun phrase names: "15 personnes", "un pompier", "une agricultrice et sa fille";
        VAGUE for "des dizaines de morts", "plusieurs blessés"; None when it says nothing.

        `alone`: the noun is itself the casualty word ("morts"), so a bare singular says nothing
        ("la mort de…") unless an indefinite article counts it ("un mort").
        """
        if noun.head.i != noun.i and noun.dep_ == "nmod" and self.number(noun.head.lemma_) is VAGUE:
            return VAGUE  # "plusieurs dizaines de morts", "des centaines de blessés"
        value = self._own_number(noun, alone)
        if not isinstance(value, int):
            return value
        total = value
        if alone:
            return total  # "quinze morts et 40 blessés": the conjunct is another count
        for conj in (c for c in noun.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")):
            more = self._own_number(conj, alone)
            if not isinstance(more, int):
                return total
            total += more
        return total

    def _own_number(self, noun: Token, alone: bool) -> int | object | None:
        for child in noun.children:
            if child.dep_ == "nummod" or (child.pos_ == "NUM" and child.dep_ in ("det", "amod")):
                return self._digits(child)
        for child in noun.children:
            if child.dep_ == "det":
                word = child.lower_
                if word in self.one and "Sing" in feats(noun, "Number"):
                    return 1
                if self.number(child.lemma_) is VAGUE or word in self.vague:
                    return VAGUE
                if not alone and "Sing" in feats(noun, "Number") and child.pos_ == "DET":
                    return 1  # "le pompier a été blessé", "sa fille"
        if not alone and noun.pos_ == "PROPN":
            return 1  # a named person
        return None

    def _digits(self, number: Token) -> int | object | None:
        """A number token, joined with the digit groups that follow it ("200 000")."""
        text = number.text
        doc = number.doc
        i = number.i + 1
        while i < len(doc) and re.fullmatch(r"\d{3}", doc[i].text) and text.replace(" ", "").isdigit():
            text += doc[i].text
            i += 1
        return self.number(text)


def _is_predicate(word: Token) -> bool:
    """"blessé" in "a été blessé" or "est mort", not in "trois blessés" or "des centaines de morts"."""
    if word.pos_ in ("VERB", "AUX"):
        return True
    return word.pos_ == "ADJ" and any(c.dep_ in ("nsubj", "nsubj:pass", "cop", "aux:pass", "aux:tense")
                                      for c in word.children)
