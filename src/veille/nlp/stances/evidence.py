"""A found stance as a record: its holder, its target as written, the sentence that says it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lang.text import CLOSING, OPENING, balanced
from ...model import Stance
from ..speakers import Speaker
from . import sentences, targets

if TYPE_CHECKING:
    from .reading import Found, Reading


def stance(r: Reading, found: Found, holder: Speaker) -> Stance | None:
    """The Stance of a holder: its target as written, and the sentence it stands in as evidence."""
    doc = r.doc
    start, end = sentences.evidence(r, found.anchor)
    if isinstance(found.target, str):
        target = _clean(found.target)
    else:
        first, stop = targets.antecedent(r, *found.target) or found.target
        lo, hi = doc[first].idx, doc[stop - 1].idx + len(doc[stop - 1].text)
        target = _clean(r.text[lo:hi])
        if start <= lo < end:
            end = max(end, hi)
    if not target or not holder.text.strip():
        return None
    return Stance(holder.entity, holder.text, found.polarity, target, start, end)


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
