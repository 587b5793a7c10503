"""Who demands, supports or opposes what."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Entity, Stance
from .context import Context


def extract(doc: Doc, ctx: Context, entities: list[Entity]) -> list[Stance]:
    return []
