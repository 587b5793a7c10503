"""A language's time grammar, compiled from its `time.toml`: word tables and phrase patterns.

The grammar is data (words, regular-expression fragments, patterns); this module turns the templates
into compiled patterns, once, when the language loads, so that a pattern naming an unknown @piece
fails there and not in the middle of an article.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..model import TimeType
from .records import Numbers, Time

SPACE = r"[^\S\n]+"  # a time expression never runs over a line break
MAYBE_SPACE = r"[^\S\n]*"
APOSTROPHE = "['’]"
PLACEHOLDER = re.compile(r"@([a-z_]+)")
LITERAL_MARKS = {" ": SPACE, "~": MAYBE_SPACE, "'": APOSTROPHE, "’": APOSTROPHE}


@dataclass(frozen=True)
class Pattern:
    """One phrase shape of the lexicon: `rule` names the resolver of what `regex` captures."""

    rule: str
    type: TimeType
    regex: re.Pattern[str]
    sign: int = 1


@dataclass(frozen=True)
class TimeGrammar:
    patterns: tuple[Pattern, ...]
    words: Mapping[str, Mapping[str, Any]]
    intention_verbs: frozenset[str]
    scheduling_participles: frozenset[str]
    first_day: str  # "1er"
    joiners: re.Pattern[str]  # between the words of a number: "vingt-cinq", "trente et un"
    multipliers: frozenset[int]

    def lookup(self, table: str, text: str | None) -> Any:
        """The value a word table gives `text`, or None."""
        if not text:
            return None
        return self.words.get(table, {}).get(normalize(text))

    def number(self, text: str | None) -> int | None:
        """A count in digits or words ("trois", "vingt-cinq", "trente et un"); None when vague ("quelques")."""
        if not text:
            return None
        key = normalize(text)
        if key.isdigit():
            return int(key)
        numbers = self.words.get("numword", {})
        if key in numbers:
            return int(numbers[key])
        parts = [p for p in self.joiners.split(key) if p]
        if not parts or any(p not in numbers for p in parts):
            return None
        value = 0
        for part in (int(numbers[p]) for p in parts):
            # "quatre-vingt", "deux mille": a smaller number before vingt/cent/mille multiplies it
            value = value * part if part in self.multipliers and 0 < value < part else value + part
        return value


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def compile_time(table: Time, numbers: Numbers) -> TimeGrammar:
    """The time grammar ready to match; KeyError names a pattern's unknown @piece."""
    words = {name: {normalize(k): v for k, v in entries.items()} for name, entries in table.words.items()}
    patterns = tuple(
        Pattern(
            rule=p.rule,
            type=p.type,
            regex=re.compile(r"(?<![\w-])(?:" + _expand(p.regex, table.fragments, words) + r")(?!\w)", re.IGNORECASE),
            sign=p.sign,
        )
        for p in table.patterns
    )
    return TimeGrammar(
        patterns=patterns,
        words=words,
        intention_verbs=table.tense.intention_verbs,
        scheduling_participles=table.tense.scheduling_participles,
        first_day=table.first_day,
        joiners=re.compile("|".join(re.escape(j) for j in numbers.joiners)),
        multipliers=numbers.multipliers,
    )


def _expand(template: str, fragments: Mapping[str, str], words: Mapping[str, Mapping[str, Any]]) -> str:
    """A lexicon template as a regular expression: @names replaced, spaces and apostrophes made lenient."""
    pieces = PLACEHOLDER.split(template)
    out = []
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            out.append("".join(LITERAL_MARKS.get(c, c) for c in piece))
        elif piece in fragments:
            out.append("(?:" + _expand(fragments[piece], fragments, words) + ")")
        elif piece in words:
            alternatives = sorted(words[piece], key=len, reverse=True)  # longest first: "après-midi" before "midi"
            out.append("(?:" + "|".join(_word_regex(w) for w in alternatives) + ")")
        else:
            raise KeyError(f"unknown @{piece} in pattern {template!r}")
    return "".join(out)


def _word_regex(word: str) -> str:
    return "".join(LITERAL_MARKS.get(p, re.escape(p)) for p in re.split(r"([ '])", word) if p)
