"""Parses articles with spaCy in batches and hands each Doc to the stages."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import groupby

from spacy.tokens import Doc

from .. import lang
from ..model import Analysis, Article, Failure
from . import coreference, entities, events, models, quotes, stances, times
from .clauses import Clauses
from .context import Context

log = logging.getLogger(__name__)


def run(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis | Failure]:
    """One result per article, in order; consecutive articles of one language share a `nlp.pipe` stream.

    A stage that fails on one article costs that article only: it comes out as a Failure.
    """
    for language, group in groupby(articles, key=lambda a: a.language):
        nlp = models.load(language)
        data = lang.load(language)
        pairs = ((a.text, a) for a in group)
        for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            ctx = Context(published=article.published_on, language=data)
            try:
                yield analyse_doc(doc, article, ctx)
            except Exception as error:  # a bug in one stage must not lose the other articles
                log.exception("analysis of %s failed", article.id)
                yield Failure(article.id, f"record {article.id!r}: analysis failed: {error!r}")


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
