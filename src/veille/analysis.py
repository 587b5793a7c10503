"""Records in, analyses out, in order, a bad record costing only itself."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from typing import Any

from . import lang
from .errors import BadInput
from .lang.identify import script
from .limits import Limits
from .model import Analysis, Article, Failure, Known
from .nlp import pipeline
from .nlp.pipeline import DEFAULT
from .read.records import to_article


def analyze_records(records: Iterable[Any], batch_size: int = 16, limits: Limits = DEFAULT,
                    known: Callable[[list[str]], set[str]] | None = None,
                    workers: int = 1) -> Iterator[Analysis | Failure | Known]:
    """Parses good records together in batches while keeping failures in their place.

    `known`, given the sha256 of texts, says which of them are stored already: those records come
    out as Known, unparsed (an ingest run again costs little). With `workers` above 1, the records
    are analysed in that many processes (`parallel`), and come out in the same order; an input of
    eight batches or fewer is analysed here, as starting workers (each loads its model, seconds of
    work) would cost more than it saves.
    """
    chunks = _checked(records, batch_size * 4, limits)
    ahead = list(islice(chunks, LOOK_AHEAD))
    more = next(chunks, None) if workers > 1 and len(ahead) == LOOK_AHEAD else None
    if more is None:
        for items in chain(ahead, chunks):
            yield from _analyse(items, batch_size, limits, known)
        return
    from .parallel import Workers

    with Workers(workers, batch_size, limits) as pool:
        yield from pool.analyse(chain(ahead, [more], chunks), known)


LOOK_AHEAD = 2  # checked chunks (of four batches) read before deciding to start workers


def _checked(records: Iterable[Any], size: int, limits: Limits) -> Iterator[list[Article | Failure]]:
    """The records checked (an Article, or a Failure naming it), in lists of `size`."""
    checked: list[Article | Failure] = []
    first_with: dict[str, int] = {}  # id → the position of the record that has it first
    for position, record in enumerate(records, start=1):
        item = check(record, position, limits)
        if isinstance(item, Article):
            first = first_with.setdefault(item.id, position)
            if first != position:
                item = Failure(item.id, f"record {item.id!r}: duplicate id, already given to record #{first} "
                                        "of this input")
        checked.append(item)
        if len(checked) >= size:
            yield checked
            checked = []
    if checked:
        yield checked


def check(record: Any, position: int, limits: Limits = DEFAULT) -> Article | Failure:
    """The record's Article when it can be analysed, else a Failure naming it."""
    if isinstance(record, Failure):
        return record
    given = record.get("id") if isinstance(record, dict) else None
    usable = isinstance(given, str | int) and not isinstance(given, bool) and 0 < len(str(given)) <= 200
    ident = given if usable else f"#{position}"
    try:
        article = to_article(record, position)
    except BadInput as error:
        return Failure(str(ident), str(error))
    name = f"record {article.id!r}"
    if article.language not in lang.languages():
        return Failure(article.id, f"{name}: no model for language {article.language!r}"
                                   f" (have: {', '.join(lang.languages())})")
    if len(article.text) > limits.max_chars:
        return Failure(article.id, f"{name}: {len(article.text):,} characters, more than the limit of "
                                   f"{limits.max_chars:,} (the max_chars setting, or --max-chars)")
    written_in = script(article.text)
    if written_in is None:
        return Failure(article.id, f"{name}: the text has no words (no letters)")
    expected = lang.load(article.language).about.script
    if written_in != expected:
        return Failure(article.id, f"{name}: written in {_script_name(written_in)} script, which veille has no "
                                   f"model for (language {article.language!r} is written in "
                                   f"{_script_name(expected)} script)")
    return article


def _script_name(script: str) -> str:
    return script if script == "CJK" else script.capitalize()


def _analyse(items: list[Article | Failure], batch_size: int, limits: Limits,
             known: Callable[[list[str]], set[str]] | None) -> Iterator[Analysis | Failure | Known]:
    stored = known([i.sha256 for i in items if isinstance(i, Article)]) if known else set()
    todo = [item for item in items if isinstance(item, Article) and item.sha256 not in stored]
    yield from in_place(items, stored, pipeline.run(todo, batch_size, limits))


def in_place(items: list[Article | Failure], stored: set[str],
             analysed: Iterator[Analysis | Failure]) -> Iterator[Analysis | Failure | Known]:
    """One result per item, in order: a Failure as it is, Known for a stored text, else the next of
    `analysed` (the analyses of the other articles, in their order)."""
    for item in items:
        if isinstance(item, Failure):
            yield item
        elif item.sha256 in stored:
            yield Known(item)
        else:
            yield next(analysed)
