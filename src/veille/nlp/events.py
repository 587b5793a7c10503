"""PLOVER events: who did what to whom, where, when, how many."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Entity, Event, TimeExpr
from .context import Context


def extract(doc: Doc, ctx: Context, entities: list[Entity], times: list[TimeExpr]) -> list[Event]:
    return []
