"""Which copy of a wire story's fact is listed: its lead.

Copies of one story repeat its quotes, events and stances. Each such fact is listed once, from its
lead row: the copy in the story's earliest published article (undated ones last, then in storing
order), first in reading order there. Rows are written leading when they are the first of their
kind in their article; once a batch has added copies to a story, `settle_leads` settles the story.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Select, Table, bindparam, select, update

from .schema import articles, event_actors, events, quotes, stances

# What makes two rows of a story one fact, whichever copy they come from.
FACTS: dict[Table, Callable[[Mapping[str, Any]], tuple[Any, ...]]] = {
    quotes: lambda r: (r["text_folded"], r["speaker_actor"] if r["speaker_actor"] is not None else r["speaker_folded"]),
    events: lambda r: (r["type"], r["text_folded"]),
    stances: lambda r: (r["holder_actor"] if r["holder_actor"] is not None else r["holder_folded"], r["polarity"],
                        r["target_folded"]),
}
FACT_ID = {quotes: "quote", events: "event", stances: "stance", event_actors: "event"}
CARRIERS = {events: (event_actors,)}  # tables that carry a copy of a fact's lead


def settle_leads(conn: Connection, stories: Iterable[int], chunk: int = 500) -> None:
    """Makes each fact of these stories lead in exactly one copy: the copy in the earliest published
    article (undated ones last, then in storing order), first in reading order there."""
    ids = sorted(stories)
    for first in range(0, len(ids), chunk):
        some = ids[first:first + chunk]
        for table, same in FACTS.items():
            id = table.c[FACT_ID[table]]
            found = conn.execute(
                select(table, articles.c.published).join(articles, articles.c.pk == table.c.article)
                .where(table.c.story.in_(some))).mappings().all()
            earliest: dict[tuple[Any, ...], tuple[Any, ...]] = {}
            for row in found:
                place = (row["published"] is None, row["published"] or "", row["article"], row["start"], row[id.name])
                key = (row["story"], *same(row))
                earliest[key] = min(earliest.get(key, place), place)
            changed = [{"_article": row["article"], "_id": row[id.name], "lead": not row["lead"]} for row in found
                       if bool(row["lead"]) != (earliest[(row["story"], *same(row))][2:] == (
                           row["article"], row["start"], row[id.name]))]
            for changing in (table, *CARRIERS.get(table, ())):
                if changed:
                    conn.execute(update(changing).where((changing.c.article == bindparam("_article"))
                                                        & (changing.c[id.name] == bindparam("_id")))
                                 .values(lead=bindparam("lead")), changed)


def copies(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> dict[tuple[int, Any], list[str]]:
    """For each lead row of `rows` (with `_story`), by article pk and fact id: the ids of the articles
    holding a copy of its fact, the lead's first. One query through the story index for them all."""
    stories = sorted({r["_story"] for r in rows})
    if not stories:
        return {}
    id = table.c[FACT_ID[table]]
    same = FACTS[table]
    a = articles
    found = conn.execute(
        select(table, a.c.id.label("article_id"), a.c.published)
        .join(a, a.c.pk == table.c.article).where(table.c.story.in_(stories))
        .order_by(a.c.published.is_(None), a.c.published, a.c.pk, table.c.start)).mappings().all()
    copies: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    for row in found:
        ids = copies[(row["story"], *same(row))]
        if row["article_id"] not in ids:
            ids.append(row["article_id"])
    return {(row["article"], row[id.name]): copies[(row["story"], *same(row))]
            for row in found if row["lead"]}




def listed(conn: Connection, query: Select[Any], table: Table) -> list[dict[str, Any]]:
    """Every lead row of `query` (over `table`), by day (undated first), article and reading order,
    each with its copies' articles in `sources`."""
    id = table.c[FACT_ID[table]]
    marks = (table.c.story.label("_story"), table.c.article.label("_article"), id.label("_fact"))
    ordered = (query.where(table.c.lead.is_(True)).add_columns(*marks)
               .order_by(table.c.day.asc().nulls_first(), table.c.article, table.c.start, id))
    return with_sources(conn, table, [dict(r) for r in conn.execute(ordered).mappings()])


def with_sources(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`rows` (lead rows with `_story`, `_article`, `_fact`, and `article`, its article's id), each given
    `sources` and rid of those marks."""
    found = copies(conn, table, rows)
    for row in rows:
        row["sources"] = found.get((row["_article"], row["_fact"]), [row["article"]])
        del row["_story"], row["_article"], row["_fact"]
    return rows
