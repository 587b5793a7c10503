"""Parses articles with spaCy in batches and hands each Doc to the stages."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import groupby, islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .. import lang
from ..limits import Limits, TooSlow, deadline
from ..model import Analysis, Article, Failure
from . import coreference, entities, events, models, quotes, stances, times
from .clauses import Clauses
from .context import Context

log = logging.getLogger(__name__)
DEFAULT = Limits()


def run(articles: Iterable[Article], batch_size: int = 16, limits: Limits = DEFAULT) -> Iterator[Analysis | Failure]:
    """One result per article, in order; consecutive articles of one language are parsed together.

    Whatever goes wrong with one article costs that article only: a parse that fails (spaCy raises
    inside `nlp.pipe` for the whole batch) or runs out of time is redone article by article, and a
    stage that fails or runs out of time turns its article into a Failure.
    """
    for language, group in groupby(articles, key=lambda a: a.language):
        nlp = models.load(language)
        data = lang.load(language)
        while chunk := list(islice(group, batch_size)):
            for article, doc in zip(chunk, _parse(nlp, chunk, limits), strict=True):
                yield doc if isinstance(doc, Failure) else _analyse(doc, article, data, limits)


def _parse(nlp: Language, chunk: list[Article], limits: Limits) -> list[Doc | Failure]:
    try:
        with deadline(limits.max_seconds and limits.max_seconds * len(chunk)):
            return list(nlp.pipe([article.text for article in chunk], batch_size=len(chunk)))
    except Exception:  # noqa: BLE001 - each article is parsed alone below, and fails alone
        return [_parse_alone(nlp, article, limits) for article in chunk]


def _parse_alone(nlp: Language, article: Article, limits: Limits) -> Doc | Failure:
    try:
        with deadline(limits.max_seconds):
            return nlp(article.text)
    except TooSlow:
        return _too_slow(article, limits)
    except Exception as error:
        log.exception("parsing %s failed", article.id)
        return Failure(article.id, f"record {article.id!r}: the parser failed: {_one_line(error)}")


def _analyse(doc: Doc, article: Article, data: Any, limits: Limits) -> Analysis | Failure:
    try:
        with deadline(limits.max_seconds):
            return analyse_doc(doc, article, Context(published=article.published_on, language=data))
    except TooSlow:
        return _too_slow(article, limits)
    except Exception as error:  # a bug in one stage must not lose the other articles
        log.exception("analysis of %s failed", article.id)
        return Failure(article.id, f"record {article.id!r}: analysis failed: {_one_line(error)}")


def _too_slow(article: Article, limits: Limits) -> Failure:
    return Failure(article.id, f"record {article.id!r}: analysis took more than {limits.max_seconds:g} s "
                               "(the max_seconds limit)")


def _one_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__


def analyse_doc(doc: Doc, article: Article, ctx: Context) -> Analysis:
    """Every stage on one parsed article: entities (with the pronouns and descriptions linked to
    them) and times first, then the clauses that quotes,
    events and stances read, built once; the times inside quotations are anchored on the day they
    were said before events read them."""
    found_entities = coreference.extract(doc, ctx, entities.extract(doc, ctx))
    found_times = times.extract(doc, ctx)
    clauses = Clauses(doc, ctx.language, found_entities, found_times)
    found_quotes = quotes.extract(doc, ctx, found_entities, found_times, clauses)
    found_times = quotes.anchor_times(found_times, found_quotes, ctx)
    clauses.anchor(found_times)
    found_events = events.extract(doc, ctx, found_entities, found_times, clauses, found_quotes)
    found_stances = stances.extract(doc, ctx, found_entities, found_quotes, clauses)
    return Analysis(article, found_entities, found_quotes, found_times, found_events, found_stances)
