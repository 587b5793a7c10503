"""Reading the store: quotes, people, and the stored analyses themselves."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select

from . import index
from .db import describe, errors, open_engine
from .schema import articles, entities
from .schema import quotes as quotes_table

Row = dict[str, Any]


def quotes(speaker: str | None = None, contains: str | None = None, url: str | None = None) -> list[Row]:
    """Stored quotes, oldest article first, then in reading order.

    `speaker` matches part of the speaker's name ("lavrov" finds "Sergueï Lavrov"); `contains`
    keeps quotes holding every one of its words. Both ignore case and accents.
    """
    q, a, e = quotes_table, articles, entities
    query = (
        select(a.c.id.label("article"), a.c.published, q.c.quote, q.c.kind, q.c.speaker_name.label("speaker"),
               e.c.role, q.c.text, q.c.cue, q.c.channel, q.c.date, q.c.start, q.c.end)
        .join(a, a.c.pk == q.c.article)
        .outerjoin(e, (e.c.article == q.c.article) & (e.c.entity == q.c.speaker))
        .order_by(a.c.published, a.c.pk, q.c.start)
    )
    if speaker:
        query = query.where(q.c.speaker_folded.contains(index.fold(speaker.strip()), autoescape=True))
    for word in index.fold(contains or "").split():
        query = query.where(q.c.text_folded.contains(word, autoescape=True))
    return _all(url, query)


def people(url: str | None = None) -> list[Row]:
    """Named people (PER entities) by name: their roles, how many articles name them, how many quotes.

    People are grouped by the name as written; telling two spellings of one person apart is the
    resolver's job, not the index's.
    """
    e, q = entities, quotes_table
    said = (select(q.c.article, q.c.speaker, func.count().label("quotes"))
            .where(q.c.speaker.is_not(None)).group_by(q.c.article, q.c.speaker).subquery())
    query = (
        select(e.c.name, e.c.role, e.c.article, func.coalesce(said.c.quotes, 0).label("quotes"))
        .outerjoin(said, (said.c.article == e.c.article) & (said.c.speaker == e.c.entity))
        .where(e.c.type == "PER")
    )
    grouped: dict[str, Row] = {}
    roles: dict[str, set[str]] = defaultdict(set)
    for row in _all(url, query):
        person = grouped.setdefault(row["name"], {"name": row["name"], "articles": set(), "quotes": 0})
        person["articles"].add(row["article"])
        person["quotes"] += row["quotes"]
        if row["role"]:
            roles[row["name"]].add(row["role"])
    found = [{"name": name, "roles": sorted(roles[name]), "articles": len(person["articles"]),
              "quotes": person["quotes"]} for name, person in grouped.items()]
    return sorted(found, key=lambda p: (-p["quotes"], -p["articles"], p["name"]))


def export(url: str | None = None) -> Iterator[dict[str, Any]]:
    """Every stored analysis, in the contract's shape, in the order it was stored."""
    engine = open_engine(url, create=False)
    try:
        with errors(f"cannot read {describe(engine.url)}"), engine.connect() as conn:
            rows = conn.execution_options(yield_per=100).execute(
                select(articles.c.analysis).order_by(articles.c.pk))
            for (analysis,) in rows:
                yield analysis
    finally:
        engine.dispose()


def _all(url: str | None, query: Any) -> list[Row]:
    engine = open_engine(url, create=False)
    try:
        with errors(f"cannot read {describe(engine.url)}"), engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]
    finally:
        engine.dispose()
