"""How a filtered list is read: by walking its order index, or by gathering its matches.

A page of a list filtered by words (articles, quotes) or of the articles naming an actor can be
read two ways. Gathering reads every match (through the word index or the actor's links) and sorts
them: cheap when the matches are few. Walking reads the list's order index from the page's start and tests each row: cheap when
matches are so common that a page fills after a few rows. SQLite's planner always gathers, so a
common word ("Ukraine" in 28,000 of 50,000 articles) costs a sort of all of them; here the store
counts the matches (an index count) and walks when that reads fewer rows: when a page of `limit`
is found after about limit × rows / matches rows, fewer than the matches. That estimate trusts the
matches to be spread over the list; events by participant, whose matches cluster in time, are read
through the participant's own index instead (`browse._events`). PostgreSQL keeps its own statistics
and chooses for itself.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import ColumnElement, Connection, Table, func, literal_column, select

T = TypeVar("T")


def should_walk(conn: Connection, table: Table, matches: int, limit: int) -> bool:
    """Whether walking `table` in list order beats gathering `matches` rows, for a page of `limit`."""
    if conn.dialect.name != "sqlite":
        return False
    rows = conn.execute(select(func.max(literal_column("rowid"))).select_from(table)).scalar() or 0
    return matches * matches > (limit + 1) * rows


def tested(column: ColumnElement[T], walk: bool) -> ColumnElement[T]:
    """`column`, or when walking an expression of it that no index serves (`+ 0`), so that the
    planner cannot start from the matches and reads the list's order index instead."""
    return column + 0 if walk else column
