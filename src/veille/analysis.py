"""Records in, analyses out, in order, a bad record costing only itself."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from . import lang
from .errors import BadInput
from .model import Analysis, Article, Failure
from .nlp import pipeline
from .read.records import to_article


def analyze_records(records: Iterable[Any], batch_size: int = 16) -> Iterator[Analysis | Failure]:
    """Parses good records together in batches while keeping failures in their place."""
    checked: list[Article | Failure] = []
    for position, record in enumerate(records, start=1):
        checked.append(check(record, position))
        if len(checked) >= batch_size * 4:
            yield from _analyse(checked, batch_size)
            checked = []
    yield from _analyse(checked, batch_size)


def check(record: Any, position: int) -> Article | Failure:
    """The record's Article when it can be analysed, else a Failure naming it."""
    if isinstance(record, Failure):
        return record
    ident = record.get("id") if isinstance(record, dict) and record.get("id") is not None else f"#{position}"
    try:
        article = to_article(record, position)
    except BadInput as error:
        return Failure(str(ident), str(error))
    if article.language not in lang.languages():
        return Failure(article.id, f"record {article.id!r}: no model for language {article.language!r}"
                                   f" (have: {', '.join(lang.languages())})")
    return article


def _analyse(items: list[Article | Failure], batch_size: int) -> Iterator[Analysis | Failure]:
    analysed = pipeline.run([item for item in items if isinstance(item, Article)], batch_size=batch_size)
    for item in items:
        yield item if isinstance(item, Failure) else next(analysed)
