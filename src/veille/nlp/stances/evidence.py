"""A found stance as a record: its holder, its target as written, the sentence that says it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lang.text import CLOSING, OPENING, balanced, straighten
from ...model import Stance
from ..speakers import Speaker
from . import holders, sentences, targets

if TYPE_CHECKING:
    from .reading import Found, Reading

CONTENT = ("NOUN", "PROPN", "VERB", "ADJ", "NUM")  # words that can say what a stance is about


def stance(r: Reading, found: Found, holder: Speaker) -> Stance | None:
    """The Stance of a holder: its target as written, and the sentence it stands in as evidence."""
    doc = r.doc
    if not _holds_positions(r, holder, found):
        return None
    start, end = sentences.evidence(r, found.anchor)
    if isinstance(found.target, str):
        target = _clean(found.target)
    else:
        first, stop = targets.antecedent(r, *found.target) or found.target
        if not any(t.pos_ in CONTENT for t in doc[first:stop]):
            return None  # "ce qu'il veut", "celui-ci": a pronoun says nothing of what is at stake
        lo, hi = doc[first].idx, doc[stop - 1].idx + len(doc[stop - 1].text)
        target = _clean(r.text[lo:hi])
        if start <= lo < end:
            end = max(end, hi)
    if not target or not holder.text.strip():
        return None
    return Stance(holder.entity, holder.text, found.polarity, target, start, end, _date(r, found))


def _holds_positions(r: Reading, holder: Speaker, found: Found) -> bool:
    """No one ("Personne ne souhaite …") holds a stance, nor a court that sentences someone."""
    words = straighten(holder.text.lower()).split()
    sentencing = found.anchor.lemma_.lower() in r.lex.rulings and set(words[:3]) & r.lex.deciders
    return bool(words) and words[0] not in r.lex.nobody and not sentencing


def _date(r: Reading, found: Found) -> str | None:
    """The day of the statement that takes the stance: a day its own clause names outside quotation
    marks; else, inside a quotation, the quotation's day; else the story's day (the first day the article names outside
    quotations, before it). Never a day after publication."""
    quoted = [(m.open, m.close) for m in r.clauses.marks]
    own = [t.value for t in r.clauses[found.anchor].times if t.value and len(t.value) >= 10
           and not any(lo <= t.start <= hi for lo, hi in quoted)]  # "« … dès lundi », a-t-elle dit"
    value = own[0][:10] if own else None
    if value is None:
        around = holders.quote_around(r, found.anchor.idx)
        value = around.date if around is not None else None
    if value is None:
        days = [t for t in r.clauses.times if t.value and len(t.value) >= 10
                and not any(lo <= t.start <= hi for lo, hi in quoted)]
        value = days[0].value[:10] if days and days[0].start < found.anchor.idx else None
    if value is not None and r.published is not None and value > r.published.isoformat():
        return None
    return value


def _clean(text: str) -> str:
    """A target without the quotation marks left open or closed at its edges."""
    strip = " \u00a0\u202f,;:.!?–—-("
    text = text.strip(strip)
    for _ in range(2):
        if text[:1] in OPENING and not balanced(text):
            text = text[1:].strip(strip)
        if text[-1:] in CLOSING and not balanced(text):
            text = text[:-1].strip(strip)
    return text
