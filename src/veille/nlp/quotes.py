"""Direct, mixed and indirect speech, with speaker, cue, channel and date."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Entity, Quote, TimeExpr
from .context import Context


def extract(doc: Doc, ctx: Context, entities: list[Entity], times: list[TimeExpr]) -> list[Quote]:
    return []


def anchor_times(times: list[TimeExpr], quotes: list[Quote], ctx: Context) -> list[TimeExpr]:
    return times
