"""Time expressions resolved to ISO values against the publication date.

The phrases come from the language's `time.toml` (compiled by `veille.lang.time`); this module decides which matches to
keep, reads the tense of the clause each one sits in, and resolves them:

1. expressions anchored on the moment of writing or on the calendar ("mercredi", "la semaine
   dernière", "en mars 2020") are resolved against `ctx.published`;
2. then, in reading order, expressions anchored on the story itself: "le lendemain" on the day last
   mentioned, "un an après" on the last date, "en fin de journée" on the day of its sentence.

Without a publication date nothing is guessed: every value that needs one stays None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Doc, Span

from ..lang.time import Pattern, TimeGrammar
from ..model import TimeExpr, TimeType
from . import dates, syntax
from .context import Context, text_of
from .intervals import Intervals
from .syntax import Tense

# Resolved in a second pass, in reading order, from the expressions around them.
ANCHORED_RULES = {"anaphor", "relative", "time_of_day"}
# Counted from the moment of speaking: inside a quotation, from the day the words were said.
SPEECH_RULES = {"deictic_day", "deictic_period", "offset"}
# A calendar date inside a noun phrase dates that thing ("les feux d'artifice du 15 août"), and the
# tense of the clause says nothing about it; a weekday is near either way and keeps the clause's tense.
NOUN_DATED_RULES = {"calendar", "month"}


@dataclass(frozen=True)
class Reading:
    """What one match says: its named groups, read through the grammar, and the tense around it."""

    groups: Mapping[str, str | None]
    grammar: TimeGrammar
    tense: Tense = "present"
    sign: int = 1

    def has(self, name: str) -> bool:
        return bool(self.groups.get(name))

    def text(self, name: str) -> str:
        return self.groups.get(name) or ""

    def word(self, table: str, group: str | None = None) -> object:
        return self.grammar.lookup(table, self.groups.get(group or table))

    def int_word(self, table: str, group: str | None = None) -> int | None:
        value = self.word(table, group)
        return int(value) if isinstance(value, int) else None

    def number(self) -> int | None:
        return self.grammar.number(self.groups.get("number"))

    def unit(self) -> str | None:
        value = self.word("unit")
        return value if isinstance(value, str) else None


@dataclass
class Found:
    start: int
    end: int
    pattern: Pattern
    reading: Reading
    value: str | None = None

    @property
    def type(self) -> TimeType:
        # a date with an hour or a part of the day is a time ("mardi soir", "ce dimanche à 9h30")
        if self.pattern.type == "DATE" and any(self.reading.has(g) for g in ("part", "hour", "clockword")):
            return "TIME"
        return self.pattern.type


def extract(doc: Doc, ctx: Context) -> list[TimeExpr]:
    """Every date, time, duration and set the article states, in text order, with exact offsets."""
    grammar = ctx.language.time
    found = _select(list(_candidates(doc, grammar)))
    for item in found:
        if item.pattern.rule not in ANCHORED_RULES:
            span = doc.char_span(item.start, item.end, alignment_mode="expand")
            if item.pattern.rule in NOUN_DATED_RULES and _dates_a_noun(span):
                reading = item.reading  # "present": the nearest occurrence
            else:
                reading = replace(item.reading, tense=_tense(span, grammar))
            item.value = _within_calendar(RESOLVERS[item.pattern.rule], reading, ctx.published)
    for i, item in enumerate(found):
        if item.pattern.rule in ANCHORED_RULES:
            item.value = _within_calendar(_resolve_anchored, doc, found, i, ctx.published)
    return [TimeExpr(text_of(doc)[f.start:f.end], f.start, f.end, f.value, f.type) for f in found]


def reanchor(time: TimeExpr, anchor: date, ctx: Context) -> TimeExpr:
    """The same expression counted from `anchor` when it counts from the moment of speaking.

    "aujourd'hui" in words said on Wednesday is that Wednesday, whenever the article came out; a
    weekday, a calendar date or "le lendemain" does not depend on when it was said and comes back as is.
    """
    grammar = ctx.language.time
    for pattern in grammar.patterns:
        match = pattern.regex.fullmatch(time.text)
        if match is None:
            continue
        if pattern.rule not in SPEECH_RULES:
            return time
        reading = Reading(match.groupdict(), grammar, "present", pattern.sign)
        return replace(time, value=RESOLVERS[pattern.rule](reading, anchor))
    return time


# --- finding -----------------------------------------------------------------------------------------


def _candidates(doc: Doc, grammar: TimeGrammar) -> Iterator[Found]:
    for pattern in grammar.patterns:
        for match in pattern.regex.finditer(text_of(doc)):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or _misread(span, match, pattern):
                continue
            yield Found(match.start(), match.end(), pattern, Reading(match.groupdict(), grammar, sign=pattern.sign))


def _misread(span: Span, match: re.Match[str], pattern: Pattern) -> bool:
    """Matches the parse shows are no time: a year that counts a noun ("de 2000 euros"), or a
    duration counted from an event rather than a date ("trois ans après l'invasion")."""
    last = span[-1]
    if last.like_num and last.dep_ == "nummod" and last.head.i > last.i:
        return True
    if pattern.rule == "relative" and match.groupdict().get("direction"):
        direction = span.doc.char_span(match.start("direction"), match.end("direction"), alignment_mode="expand")
        word = direction[0] if direction else None
        if word is not None and word.dep_ == "case" and word.head.i > word.i:
            return True
    return False


def _within_calendar(resolve: Callable[..., str | None], *args: Any) -> str | None:
    """The value `resolve` gives, or None when it falls outside the years 1 to 9999 (an article
    dated 9999-12-31 that speaks of "dans trois ans")."""
    try:
        return resolve(*args)
    except OverflowError:
        return None


def _select(candidates: list[Found]) -> list[Found]:
    """Longest matches first, no overlaps; then the "ignore" idioms ("du jour au lendemain") drop out."""
    order = sorted(enumerate(candidates), key=lambda ic: (-(ic[1].end - ic[1].start), ic[1].start, ic[0]))
    kept: list[Found] = []
    taken = Intervals()
    for _, cand in order:
        if not taken.overlaps(cand.start, cand.end):
            kept.append(cand)
            taken.add(cand.start, cand.end)
    return sorted((k for k in kept if k.pattern.rule != "ignore"), key=lambda f: f.start)


# --- tense ---------------------------------------------------------------------------------------


def _tense(span: Span | None, grammar: TimeGrammar) -> Tense:
    """Whether the clause holding `span` tells of the past, the present or the future.

    Climbs from the expression to the predicate that governs it. An infinitive under a verb of
    intention ("annonce s'y rendre ce lundi") looks ahead; other infinitives take their governor's tense.
    """
    if span is None:
        return "present"
    token = span.root
    for _ in range(len(span.doc)):
        if token.pos_ in ("VERB", "AUX") or syntax.auxiliaries(token):
            tense = syntax.tense(token, grammar.intention_verbs, grammar.scheduling_participles)
            if tense is not None:
                return tense
        if token.head.i == token.i:
            break
        token = token.head
    return "present"


def _dates_a_noun(span: Span | None) -> bool:
    return span is not None and span.root.dep_ == "nmod" and span.root.head.pos_ in ("NOUN", "PROPN")


# --- resolvers: from the groups of one match and a reference day to an ISO value ------------------

Resolver = Callable[[Reading, date | None], str | None]


def _weekday(r: Reading, ref: date | None) -> str | None:
    """Past-tense news means the latest such day (the publication day itself included); a future
    verb means the next one; "dernier" and "prochain" exclude the publication day. "ce lundi" with a
    present verb is the nearer Monday: told on a Sunday, the next day rather than six days ago."""
    weekday = r.int_word("weekday")
    if ref is None or weekday is None:
        return None
    shift = r.int_word("shift")
    if shift == -1:
        return dates.weekday_on_or_before(ref - timedelta(days=1), weekday).isoformat()
    if shift == 1:
        return dates.weekday_on_or_after(ref + timedelta(days=1), weekday).isoformat()
    before = dates.weekday_on_or_before(ref, weekday)
    after = dates.weekday_on_or_after(ref, weekday)
    nearer_ahead = r.tense == "present" and r.has("this") and after - ref < ref - before
    return (after if r.tense == "future" or nearer_ahead else before).isoformat()


def _calendar(r: Reading, ref: date | None) -> str | None:
    """A day of a month; without a year, the occurrence the tense points to (a stated weekday decides)."""
    day_text = r.text("day").lower()
    day = 1 if day_text.startswith(r.grammar.first_day) else int(day_text) if day_text.isdigit() else None
    month = r.int_word("month") or (int(r.text("monthnum")) if r.has("monthnum") else None)
    if day is None or month is None:
        return None
    if r.has("year"):
        return _valid_day(int(r.text("year")), month, day)
    if ref is None:
        return None
    days = [date.fromisoformat(v) for y in (ref.year - 1, ref.year, ref.year + 1) if (v := _valid_day(y, month, day))]
    weekday = r.int_word("weekday")
    if weekday is not None and any(d.isoweekday() == weekday for d in days):
        days = [d for d in days if d.isoweekday() == weekday]
    chosen = _pick(days, ref, r.tense, r.int_word("shift"))
    nearest = _pick(days, ref, "present", r.int_word("shift"))
    if chosen and nearest and abs((chosen - ref).days) > 300 and abs((nearest - ref).days) < 45:
        # a day and month said without a year sits within the year around the article: the tense,
        # read from the clause, does not outweigh "les feux d'artifice du 15 août" a day away
        chosen = nearest
    return chosen.isoformat() if chosen else None


def _valid_day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(r: Reading, ref: date | None) -> str | None:
    month = r.int_word("month")
    if month is None:
        return None
    if r.has("year"):
        return f"{int(r.text('year')):04d}-{month:02d}"
    if ref is None:
        return None
    months = [date(y, month, 1) for y in (ref.year - 1, ref.year, ref.year + 1)]
    chosen = _pick(months, ref.replace(day=1), r.tense, r.int_word("shift"))
    return dates.format_value("M", chosen) if chosen else None


def _pick(options: list[date], ref: date, tense: Tense, shift: int | None) -> date | None:
    """Of the dates a yearless expression can mean: "dernier" the latest before `ref`, "prochain" the
    first after; a past verb the latest on or before, a future verb the first on or after; otherwise
    the nearest (news in the present tense speaks of next month as readily as of last month)."""
    if shift == -1:
        options = [d for d in options if d < ref]
    elif shift == 1:
        options = [d for d in options if d > ref]
    if not options:
        return None
    if shift == 1:
        return min(options)
    if shift == -1:
        return max(options)
    before, after = [d for d in options if d <= ref], [d for d in options if d >= ref]
    if tense == "past" and before:
        return max(before)
    if tense == "future" and after:
        return min(after)
    # no tense, or one the calendar contradicts ("samedi 23 août" is a coming Saturday whatever the verb)
    return min(options, key=lambda d: (abs((d - ref).days), d > ref))


def _year(r: Reading, ref: date | None) -> str | None:
    return r.groups.get("year")


def _decade(r: Reading, ref: date | None) -> str | None:
    digits = r.text("decade")
    full = digits if len(digits) == 4 else f"19{digits}"  # "les années 80" are the 1980s
    return full[:3]


def _season(r: Reading, ref: date | None) -> str | None:
    """The year a season starts in ("au printemps prochain" in December → next year)."""
    if r.has("year"):
        return r.groups.get("year")
    start = r.int_word("season")
    if ref is None or start is None:
        return None
    now = ref.year * 12 + ref.month - 1
    starts = {y: y * 12 + start - 1 for y in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1)}
    current = [y for y, s in starts.items() if s <= now < s + 3]
    shift = r.int_word("shift")
    if shift == -1:
        year = max(y for y, s in starts.items() if s + 3 <= now)
    elif shift == 1:
        year = min(y for y, s in starts.items() if s > now)
    elif current:
        year = current[0]
    elif r.tense == "future":
        year = min(y for y, s in starts.items() if s > now)
    else:
        year = max(y for y, s in starts.items() if s <= now)
    return str(year)


def _yearpart(r: Reading, ref: date | None) -> str | None:
    """The year of a semester or quarter ("tout au long du premier semestre" → this year's)."""
    if r.has("year"):
        return r.groups.get("year")
    ordinal, length = r.int_word("ordinal"), r.int_word("yearpart")
    if ref is None or ordinal is None or length is None or ordinal * length > 12:
        return None
    now = ref.year * 12 + ref.month - 1
    start = ref.year * 12 + (ordinal - 1) * length  # this year's, in months since year 0
    if r.tense == "future":
        return str(ref.year + 1 if start + length <= now else ref.year)
    return str(ref.year if start <= now else ref.year - 1)


def _deictic_day(r: Reading, ref: date | None) -> str | None:
    """"aujourd'hui", "hier soir", "ce matin": a day counted from the reference day."""
    if ref is None:
        return None
    offset = r.int_word("deictic")
    if offset is None:
        offset = r.int_word("shift") or 0  # "ce soir" is today, "la nuit dernière" yesterday's
    return (ref + timedelta(days=offset)).isoformat()


def _deictic_period(r: Reading, ref: date | None) -> str | None:
    """"cette semaine", "la semaine dernière" (an ISO week), "le mois prochain", "l'an dernier"."""
    period = r.word("period")
    if ref is None or not isinstance(period, str):
        return None
    step = r.int_word("shift") or 0
    if period == "WE":
        return dates.iso_week(_weekend(ref, step, r.tense))
    if period == "W":
        return dates.iso_week(ref + timedelta(weeks=step))
    return dates.format_value(period, dates.shift(ref, step, period))


def _weekend(ref: date, step: int, tense: Tense) -> date:
    """The Saturday of the weekend meant: "ce week-end" told in the past on a weekday is the one just
    gone, otherwise the coming one (or the current one, on a Saturday or a Sunday)."""
    saturday = ref + timedelta(days=5 - ref.weekday())
    if step == -1 or (step == 0 and tense == "past" and ref.weekday() < 5):
        return saturday - timedelta(weeks=1)
    if step == 1 and ref.weekday() >= 5:
        return saturday + timedelta(weeks=1)
    return saturday


def _offset(r: Reading, ref: date | None) -> str | None:
    """"il y a trois ans" (sign -1), "dans deux semaines" (sign +1), at the precision of the unit."""
    count, unit = r.number(), r.unit()
    if ref is None or count is None or unit is None:
        return None
    moved = dates.shift(ref, r.sign * count, unit)
    return dates.format_value(unit if unit in ("Y", "M") else "Y" if unit == "10Y" else "D", moved)


def _duration(r: Reading, ref: date | None) -> str | None:
    count, unit = r.number(), r.unit()
    if count is None or unit is None:
        return None
    if unit == "10Y":
        return f"P{10 * count}Y"
    if unit in ("H", "MIN"):
        return f"PT{count}{unit[0]}"
    return f"P{count}{unit}"


def _set(r: Reading, ref: date | None) -> str | None:
    weekday = r.int_word("weekday")
    if weekday is not None:
        return f"XXXX-WXX-{weekday}"
    return _duration(replace(r, groups={**r.groups, "number": r.groups.get("number") or "1"}), ref)


RESOLVERS: dict[str, Resolver] = {
    "weekday": _weekday,
    "calendar": _calendar,
    "month": _month,
    "year": _year,
    "decade": _decade,
    "season": _season,
    "yearpart": _yearpart,
    "deictic_day": _deictic_day,
    "deictic_period": _deictic_period,
    "offset": _offset,
    "duration": _duration,
    "set": _set,
}


# --- the second pass: expressions anchored on the story ----------------------------------------


def _resolve_anchored(doc: Doc, found: list[Found], i: int, published: date | None) -> str | None:
    item, r = found[i], found[i].reading
    rule = item.pattern.rule
    if rule == "anaphor":
        anchor = _following_day(doc, found, i) or _previous_day(found, i)
        offset = r.int_word("anaphor")
        if anchor is None or offset is None:
            return None
        return (anchor + timedelta(days=offset)).isoformat()
    if rule == "relative":
        return _relative(r, found, i)
    return _day_of_sentence(doc, found, i) or (published.isoformat() if published else None)


def _relative(r: Reading, found: list[Found], i: int) -> str | None:
    """"près d'un an après" the last date told, at that date's precision ("novembre 2021" → 2022-11);
    "le mois suivant" the period after it."""
    previous = next((p for f in reversed(found[:i]) if (p := _date_of(f))), None)
    if previous is None:
        return None
    granularity, day = previous
    period = r.word("period")
    if isinstance(period, str) and period in ("W", "M", "Y"):
        step = r.int_word("sequel")
        return dates.format_value(period, dates.shift(day, step, period)) if step else None
    count, unit, direction = r.number(), r.unit(), r.int_word("direction")
    if count is None or unit is None or direction is None:
        return None
    if dates.finer(unit, granularity) or unit in ("H", "MIN"):
        return None
    return dates.format_value(granularity, dates.shift(day, direction * count, unit))


def _date_of(item: Found) -> tuple[str, date] | None:
    if item.type in ("DURATION", "SET"):
        return None
    return dates.parse_value(item.value)


def _previous_day(found: list[Found], i: int) -> date | None:
    """The last day told before `i`, other than by "la veille" or "le lendemain": those count from the
    day of the story, so "la veille … le surlendemain" are both counted from the same day."""
    for item in reversed(found[:i]):
        parsed = _date_of(item)
        if parsed and parsed[0] == "D" and item.pattern.rule != "anaphor":
            return parsed[1]
    return None


def _following_day(doc: Doc, found: list[Found], i: int) -> date | None:
    """The day named right after the expression: "au lendemain du drame vendredi" counts from vendredi."""
    if i + 1 >= len(found) or text_of(doc)[found[i].end:found[i + 1].start].strip():
        return None
    parsed = _date_of(found[i + 1])
    return parsed[1] if parsed and parsed[0] == "D" else None


def _day_of_sentence(doc: Doc, found: list[Found], i: int) -> str | None:
    """An hour or a part of the day belongs to the day its sentence names, the nearest before it first."""
    sentence = doc.char_span(found[i].start, found[i].end, alignment_mode="expand")
    if sentence is None:
        return None
    lo, hi = sentence.sent.start_char, sentence.sent.end_char
    before = [f for f in reversed(found[:i]) if f.start >= lo]
    after = [f for f in found[i + 1:] if f.end <= hi and f.pattern.rule not in ANCHORED_RULES]
    for item in (*before, *after):
        parsed = _date_of(item)
        if parsed and parsed[0] == "D":
            return parsed[1].isoformat()
    return None
