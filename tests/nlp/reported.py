"""Reading an analysis the way a user does: the one quote that says something, an entity's id."""

from __future__ import annotations

from collections.abc import Callable

from veille.model import Analysis, Quote

Analyse = Callable[..., Analysis]  # the `analyse` fixture: text (and publication day) → Analysis


def only_quote(analysis: Analysis) -> Quote:
    assert len(analysis.quotes) == 1, [q.text for q in analysis.quotes]
    return analysis.quotes[0]


def quote_saying(analysis: Analysis, words: str) -> Quote:
    """The one quote whose text holds `words`."""
    found = [q for q in analysis.quotes if words in q.text]
    assert len(found) == 1, [q.text for q in analysis.quotes]
    return found[0]


def quotes_saying(analysis: Analysis, words: str) -> list[Quote]:
    """Every quote whose text holds `words` (none when the analysis leaves the words out)."""
    return [q for q in analysis.quotes if words in q.text]


def id_of(analysis: Analysis, name: str) -> str:
    """The id of the entity called `name`."""
    found = [e.id for e in analysis.entities if e.name == name]
    assert len(found) == 1, [e.name for e in analysis.entities]
    return found[0]
