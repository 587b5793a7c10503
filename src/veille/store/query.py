"""Reading the store: quotes, people, and the stored analyses themselves.

Copies of one wire story say the same things: listings show each of a story's facts once, from its
earliest copy, with `sources` naming every copy that carries it.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, or_, select

from ..errors import BadInput
from ..lang.text import fold
from .db import describe, errors, open_engine
from .leads import listed
from .schema import actor_aliases, actor_roles, actors, articles, entities, story_articles
from .schema import quotes as quotes_table
from .words import quote_holds

log = logging.getLogger(__name__)
Row = dict[str, Any]
FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
YEAR_OR_MONTH = re.compile(r"\d{4}(?:-\d{2})?")
WEEK = re.compile(r"\d{4}-W\d{2}")


def quotes(speaker: str | None = None, contains: str | None = None, min_confidence: float | None = None,
           url: str | None = None) -> list[Row]:
    """Stored quotes, oldest article first, then in reading order; a story's quote once, with its `sources`
    (and `speaker_actor`, the id of the speaker's actor, for `veille actor`), and how sure the
    attribution is (`confidence`, 0 to 1) and how the speaker was found (`speaker_link`), None when
    the analysis does not say.

    `speaker` matches part of the speaker's name as the article writes it or as the store knows the
    actor ("lavrov" finds "Sergueï Lavrov"; "Vladimir Poutine" finds an article's "Poutine");
    `contains` keeps quotes holding every one of its words (as a word's beginning: "garantie" finds
    "garanties"). Both ignore case and accents. `min_confidence` keeps quotes attributed with at
    least that confidence; a quote whose analysis gives none is then left out.
    """
    with reading(url) as conn:
        return quote_rows(conn, speaker=speaker, contains=contains, min_confidence=min_confidence)


def quote_filters(speaker: str | None, actor_ids: Iterable[int] | None,
                  min_confidence: float | None = None) -> list[Any]:
    """The conditions of a quote listing: a speaker by any spelling or through its actor, one of
    `actor_ids`, an attribution at least `min_confidence` sure (words are `words.quote_holds`)."""
    q = quotes_table
    found: list[Any] = []
    if min_confidence is not None:
        if not 0 <= min_confidence <= 1:
            raise BadInput("min_confidence", f"a confidence is between 0 and 1, not {min_confidence}")
        found.append(q.c.confidence >= min_confidence)  # a null confidence is never kept
    if speaker and speaker.strip():
        folded = fold(speaker.strip())
        found.append(or_(q.c.speaker_folded.contains(folded, autoescape=True),
                         q.c.speaker_actor.in_(actor_matching(folded))))
    if actor_ids is not None:
        found.append(q.c.speaker_actor.in_(list(actor_ids)))
    return found


def quote_rows(conn: Connection, speaker: str | None = None, contains: str | None = None,
               actor_ids: Iterable[int] | None = None, min_confidence: float | None = None) -> list[Row]:
    """The quotes of `quotes`, read on an open connection; `actor_ids` keeps those the actors said."""
    q, a, e = quotes_table, articles, entities
    query = (
        select(a.c.id.label("article"), a.c.published, q.c.quote, q.c.kind, q.c.speaker_name.label("speaker"),
               e.c.role, q.c.text, q.c.cue, q.c.channel, q.c.date, q.c.day, q.c.start, q.c.end, q.c.speaker_actor,
               q.c.confidence, q.c.speaker_link)
        .join(a, a.c.pk == q.c.article)
        .outerjoin(e, (e.c.article == q.c.article) & (e.c.entity == q.c.speaker))
        .where(*quote_filters(speaker, actor_ids, min_confidence), *quote_holds(conn, contains or ""))
    )
    return listed(conn, query, q)


def people(url: str | None = None) -> list[Row]:
    """Named people (actors of type PER): their roles, how many articles name them, how many quotes.

    A person is one actor across articles ("Vladimir Poutine" and another article's "Poutine"); a
    quote that copies of one story repeat counts once.
    """
    with reading(url) as conn:
        warn_if_unlinked(conn)
        persons = dict(conn.execute(select(actors.c.id, actors.c.name).where(actors.c.type == "PER")).all())
        roles: dict[int, set[str]] = defaultdict(set)
        for actor, role in conn.execute(select(actor_roles.c.actor, actor_roles.c.role)):
            roles[actor].add(role)
        named: dict[int, int] = dict(conn.execute(select(actors.c.id, actors.c.articles)).all())
        said: dict[int, int] = defaultdict(int)
        for quote in quote_rows(conn):
            if quote["speaker_actor"] is not None:
                said[quote["speaker_actor"]] += 1
    found = [{"name": name, "roles": sorted(roles[id]), "articles": named.get(id, 0), "quotes": said[id]}
             for id, name in persons.items()]
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


# --- shared by the queries ---

@contextmanager
def reading(url: str | None) -> Iterator[Connection]:
    """A connection to read the store at `url`; database errors become one-line StoreErrors."""
    engine = open_engine(url, create=False)
    try:
        with errors(f"cannot read {describe(engine.url)}"), engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def warn_if_unlinked(conn: Connection) -> None:
    """Warns when articles were stored by a veille that did not link them yet (no actors, events,
    stories): the cross-article tables would silently miss them until `veille reindex`."""
    stored = conn.execute(select(func.count()).select_from(articles)).scalar_one()
    linked = conn.execute(select(func.count()).select_from(story_articles)).scalar_one()
    if linked < stored:
        log.warning("%d of %d stored articles are not linked to actors and stories yet: run `veille reindex`",
                    stored - linked, stored)


def story() -> ColumnElement[int]:
    """An article's story; an article stored before stories were kept is a story of its own."""
    return func.coalesce(story_articles.c.story, articles.c.pk)


def actor_matching(folded: str) -> Any:
    """The ids of actors with a name or alias holding `folded` (already folded)."""
    return (select(actor_aliases.c.actor).where(actor_aliases.c.folded.contains(folded, autoescape=True))
            .union(select(actors.c.id).where(actors.c.name_folded.contains(folded, autoescape=True))))


def day(date: str | None, published: str | None) -> str | None:
    """The day a fact belongs to: its own date, as precise as the text gives it ("2013-05-02",
    "2021-10", "2013"); else, for an undated fact, its article's day. A fact of 2013 reported in 2022
    stays in 2013, where a year's filter finds it."""
    if date and FULL_DATE.match(date):
        return date[:10]
    if date and YEAR_OR_MONTH.fullmatch(date):
        return date
    if date and WEEK.fullmatch(date):
        return dt.date.fromisocalendar(int(date[:4]), int(date[6:8]), 1).isoformat()
    return published[:10] if published and FULL_DATE.match(published) else None


def in_range(value: str | None, since: str | None, until: str | None) -> bool:
    """Whether an ISO day lies between `since` and `until`, each a year, month or day, both included."""
    if since is None and until is None:
        return True
    if value is None:
        return False
    return (since is None or value[:len(since)] >= since) and (until is None or value[:len(until)] <= until)
