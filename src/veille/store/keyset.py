"""Keyset paging, which `browse` cuts every list with: a `Page` of rows and the cursor of the next,
the cursor's encoding, and the index range reads that start after it (`keyset_rows`, and
`fact_page` for facts listed by day, a story's facts once).

A cursor holds the sort keys of the last row given; the next page is the range after it, so the
thousandth page costs what the first does.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, Table, tuple_

from ..errors import BadInput
from .leads import FACT_ID, with_sources
from .query import Row

__all__ = ["MAX_LIMIT", "Page", "day_range", "decode_cursor", "encode_cursor", "fact_page", "keyset_rows"]

MAX_LIMIT = 500


@dataclass(frozen=True)
class Page:
    """One page of a list: its rows, and the cursor of the next page (None on the last)."""

    items: list[Row]
    next: str | None


def day_range(day: ColumnElement[Any], since: str | None, until: str | None) -> list[ColumnElement[bool]]:
    """`query.in_range` as index ranges: a day from `since` to `until`, each a year, month or day,
    both included ("2025-08" until → up to "2025-08~", past every day of the month)."""
    found = []
    if since:
        found.append(day >= since)
    if until:
        found.append(day <= until + "~")
    return found


def keyset_rows(conn: Connection, query: Select[Any] | list[Select[Any]], keys: Sequence[ColumnElement[Any]],
                cursor: str | None, limit: int, descending: bool, cap: bool = True) -> tuple[list[Row], str | None]:
    """The rows of `query` after `cursor` in the order of `keys`, at most `limit` (MAX_LIMIT unless
    not `cap`), and the next cursor. `query` may be several queries, each in the order of `keys`,
    whose rows are merged.

    The keys must make a row's place unique; the cursor is the last row's keys, so each page is one
    indexed range read (one per query) whatever its depth.
    """
    limit = max(1, min(limit, MAX_LIMIT) if cap else limit)
    after = decode_cursor(cursor, len(keys)) if cursor else None
    queries = query if isinstance(query, list) else [query]
    rows = [row for each in queries for row in _read(conn, each, keys, after, limit + 1, descending)]
    if len(queries) > 1:
        rows.sort(key=lambda r: [(r[f"_key{i}"] is not None, r[f"_key{i}"]) for i in range(len(keys))],
                  reverse=descending)
        rows = rows[:limit + 1]
    next = None
    if len(rows) > limit:
        rows = rows[:limit]
        next = encode_cursor([rows[-1][f"_key{i}"] for i in range(len(keys))])
    for row in rows:
        for i in range(len(keys)):
            del row[f"_key{i}"]
    return rows, next


def encode_cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    """The keys a cursor holds; BadInput when it is not one this module made for such a list."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error):
        values = None
    if not isinstance(values, list) or len(values) != size or not all(_key(v) for v in values):
        raise BadInput("cursor", "not a cursor of this list: start again from the first page")
    return values


def _key(value: Any) -> bool:
    """Whether a cursor's value could be a sort key this module wrote: no boolean, no integer beyond
    what a database column holds, no infinite or missing number."""
    if value is None or isinstance(value, str):
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return -(2**63) <= value < 2**63
    return isinstance(value, float) and math.isfinite(value)


def fact_page(conn: Connection, query: Select[Any] | list[Select[Any]], table: Table, since: str | None,
              until: str | None,
              cursor: str | None, limit: int, descending: bool, cap: bool = True, keyed: Any = None) -> Page:
    """A page of `query`'s facts from `table`, each of a story's facts once: the rows that lead their
    story (see `index.settle_leads`) by day, article and reading order, straight from the table's
    listing index, each with its copies' articles in `sources`. `keyed` is the table (or alias) whose
    day, lead, article, start and fact id key the list when it is not `table` (a participant's
    rows, which repeat an event its actor plays two parts in: the repeats are dropped). Several
    queries are read each in order and merged (`keyset_rows`)."""
    id = table.c[FACT_ID[table]]
    by = table if keyed is None else keyed
    keys = [by.c.day, by.c.article, by.c.start, by.c[id.name]]
    marks = (table.c.story.label("_story"), table.c.article.label("_article"), id.label("_fact"))
    queries = [q.where(by.c.lead.is_(True), *day_range(by.c.day, since, until)).add_columns(*marks)
               for q in (query if isinstance(query, list) else [query])]
    rows, next = keyset_rows(conn, queries, keys, cursor, limit, descending, cap)
    if keyed is not None:
        seen: set[tuple[int, Any]] = set()
        rows = [r for r in rows if (r["_article"], r["_fact"]) not in seen and not seen.add((r["_article"], r["_fact"]))]
    return Page(with_sources(conn, table, rows), next)


def _read(conn: Connection, query: Select[Any], keys: Sequence[ColumnElement[Any]], after: list[Any] | None,
          limit: int, descending: bool) -> list[Row]:
    """At most `limit` rows of `query` after the keys `after`, in the order of `keys`, each with its
    keys as _key0, _key1…

    The first key may be null (an undated fact): those rows come first oldest first, last newest
    first, as a range of their own. The keys are plain columns and the range after the cursor a
    row-value comparison, with neither null in it nor a NULLS FIRST/LAST in the order, so every
    backend walks the index in order (PostgreSQL backwards for newest first) and stops at the page's end.
    """
    first, rest = keys[0], keys[1:]
    order = [k.desc() if descending else k.asc() for k in keys]
    labelled = [key.label(f"_key{i}") for i, key in enumerate(keys)]

    def run(where: ColumnElement[bool], count: int) -> list[Row]:
        ranged = query.where(where).add_columns(*labelled).order_by(*order).limit(count)
        return [dict(r) for r in conn.execute(ranged).mappings()] if count > 0 else []

    def beyond(columns: Sequence[ColumnElement[Any]], values: Sequence[Any]) -> ColumnElement[bool]:
        position, bound = tuple_(*columns), tuple_(*values)
        return position < bound if descending else position > bound

    undated = first.is_(None)
    if after is not None and after[0] is None:
        undated = undated & beyond(rest, after[1:]) if rest else undated
    dated = first.is_not(None)
    if after is not None and after[0] is not None:
        dated = beyond(keys, after)
    if after is not None and after[0] is None and descending:
        return run(undated, limit)  # past the dated rows already
    if descending:
        rows = run(dated, limit)
        return rows + run(undated, limit - len(rows))
    if after is not None and after[0] is not None:
        return run(dated, limit)  # past the undated rows already
    rows = run(undated, limit)
    return rows + run(dated, limit - len(rows))
