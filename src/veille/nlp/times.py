"""Time expressions resolved to ISO values against the publication date."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ..model import TimeExpr
from .context import Context


def extract(doc: Doc, ctx: Context) -> list[TimeExpr]:
    return []


def reanchor(time: TimeExpr, anchor: date, ctx: Context) -> TimeExpr:
    return time
