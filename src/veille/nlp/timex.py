"""The time grammar of a language, compiled from its `time.toml`, and the calendar arithmetic it needs.

The grammar is data (words, regular-expression fragments, patterns) so that adding a language means
adding a lexicon file; this module only knows how to turn those templates into compiled patterns and
how to count days, weeks, months and years.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, cast, get_args

from ..model import TimeType
from .lexicon import compiled

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
class Grammar:
    patterns: tuple[Pattern, ...]
    words: Mapping[str, Mapping[str, Any]]
    intention_verbs: frozenset[str]
    scheduling_participles: frozenset[str]

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
        parts = [p for p in re.split(r"-et-| et |-", key) if p]
        if not parts or any(p not in numbers for p in parts):
            return None
        value = 0
        for part in (int(numbers[p]) for p in parts):
            # "quatre-vingt", "deux mille": a smaller number before vingt/cent/mille multiplies it
            value = value * part if part in (20, 100, 1000) and 0 < value < part else value + part
        return value


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def grammar_for(lexicon: Mapping[str, Any]) -> Grammar | None:
    """The compiled grammar of a loaded lexicon, or None when the language has no `time.toml`.

    Compiled once per lexicon object: `lexicon.load` caches its result, so this is once per language.
    """
    table = lexicon.get("time")
    return compiled(table, compile_grammar) if table else None


def compile_grammar(table: Mapping[str, Any]) -> Grammar:
    words = {name: {normalize(k): v for k, v in entries.items()} for name, entries in table.get("words", {}).items()}
    fragments: Mapping[str, str] = table.get("fragments", {})
    patterns = tuple(
        Pattern(
            rule=p["rule"],
            type=_time_type(p.get("type", "DATE")),
            regex=re.compile(r"(?<![\w-])(?:" + _expand(p["regex"], fragments, words) + r")(?!\w)", re.IGNORECASE),
            sign=int(p.get("sign", 1)),
        )
        for p in table.get("patterns", [])
    )
    tense = table.get("tense", {})
    return Grammar(
        patterns=patterns,
        words=words,
        intention_verbs=frozenset(tense.get("intention_verbs", [])),
        scheduling_participles=frozenset(tense.get("scheduling_participles", [])),
    )


def _time_type(name: str) -> TimeType:
    if name not in get_args(TimeType):
        raise ValueError(f"time.toml: unknown type {name!r} (have: {', '.join(get_args(TimeType))})")
    return cast(TimeType, name)


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
            raise KeyError(f"time.toml: unknown @{piece} in pattern {template!r}")
    return "".join(out)


def _word_regex(word: str) -> str:
    return "".join(LITERAL_MARKS.get(p, re.escape(p)) for p in re.split(r"([ '])", word) if p)


# --- calendar arithmetic -----------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def shift(day: date, amount: int, unit: str) -> date:
    """`day` moved by `amount` units ("D", "W", "M", "Y", "10Y"); hours and minutes keep the day."""
    if unit == "D":
        return day + timedelta(days=amount)
    if unit == "W":
        return day + timedelta(weeks=amount)
    if unit == "M":
        return add_months(day, amount)
    if unit == "Y":
        return add_months(day, 12 * amount)
    if unit == "10Y":
        return add_months(day, 120 * amount)
    return day


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weekday_on_or_before(day: date, weekday: int) -> date:
    """The latest `weekday` (1 = Monday) on or before `day`."""
    return day - timedelta(days=(day.isoweekday() - weekday) % 7)


def weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.isoweekday()) % 7)


def format_value(granularity: str, day: date) -> str:
    """The ISO value of the period of `granularity` ("D", "W", "M", "Y") that holds `day`."""
    if granularity == "Y":
        return f"{day.year:04d}"
    if granularity == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "W":
        return iso_week(day)
    return day.isoformat()


def parse_value(value: str | None) -> tuple[str, date] | None:
    """The granularity and first day of an ISO date value; None for durations, sets and unknowns."""
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "D", date.fromisoformat(value)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return "M", date(int(m[1]), int(m[2]), 1)
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return "W", date.fromisocalendar(int(m[1]), int(m[2]), 1)
    if re.fullmatch(r"\d{4}", value):
        return "Y", date(int(value), 1, 1)
    return None


GRANULARITY_ORDER = {"D": 0, "W": 1, "M": 2, "Y": 3, "10Y": 4}


def finer(unit: str, granularity: str) -> bool:
    """True when a shift by `unit` cannot be told at `granularity` (three days after "March 2020")."""
    return GRANULARITY_ORDER.get(unit, 0) < GRANULARITY_ORDER.get(granularity, 0)
