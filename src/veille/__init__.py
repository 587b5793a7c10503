"""veille: who said what, who did what to whom, where, when and how many, from news articles.

    >>> import veille
    >>> analysis = veille.analyze("Mardi, Donald Trump a exclu l'envoi de troupes.", published="2025-08-21")
    >>> analysis.times[0].value
    '2025-08-19'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .errors import BadInput, StoreError, VeilleError
from .limits import Limits
from .model import Analysis, Article, Entity, Event, Failure, Quote, Span, Stance, TimeExpr

__all__ = [
    "Analysis", "Article", "BadInput", "Entity", "Event", "Failure", "Limits", "Quote", "Span", "Stance",
    "StoreError", "TimeExpr", "VeilleError", "analyze", "analyze_many",
]


def analyze(text: str, published: str | None = None, *, id: str | None = None, title: str | None = None,
            language: str | None = None, source: str | None = None, url: str | None = None) -> Analysis:
    """Analyses one article; raises BadInput when it cannot be analysed."""
    record = {"id": id, "text": text, "title": title, "published": published, "language": language,
              "source": source, "url": url}
    result = next(analyze_many([record]))
    if isinstance(result, Failure):
        named = f"record {result.id!r}"
        raise BadInput(named, result.error.removeprefix(f"{named}: ").removeprefix(f"{result.id}: "))
    return result


def analyze_many(records: Iterable[dict[str, Any]], batch_size: int = 16,
                 limits: Limits | None = None, workers: int = 1) -> Iterator[Analysis | Failure]:
    """One Analysis per record, in order; a record that cannot be analysed yields a Failure instead.

    `limits` bounds what one record may cost (`veille.limits.Limits`: characters, seconds);
    `workers` above 1 analyses in that many processes (`veille.parallel`), in the same order.
    """
    from .analysis import analyze_records

    return analyze_records(records, batch_size=batch_size, limits=limits or Limits(),
                           workers=workers)
