"""The store: an index of analyses in any SQLAlchemy database (SQLite by default).

    >>> from veille import analyze_many, store
    >>> report = store.ingest(analyze_many(records), "sqlite:///veille.db")
    >>> store.quotes(speaker="Lavrov", url="sqlite:///veille.db")
    >>> store.actor("Poutine", url="sqlite:///veille.db")[0]["roles"]
    >>> store.events(type="ASSAULT", place="Ukraine", since="2025-08", url="sqlite:///veille.db")

Each function's `url` defaults to the `db` setting (VEILLE_DB, veille.toml, else sqlite:///veille.db).
Listings show each fact of a wire story once, with every stored copy of it in `sources`.
"""

from __future__ import annotations

from sqlalchemy import Connection

from .db import (
    DERIVED_VERSION,
    derived_version,
    describe,
    errors,
    open_engine,
    refresh_statistics,
    renew_derived,
    write,
)
from .facts import actor, events, stances, timeline
from .index import rebuild
from .ingest import IngestReport, Outcome, Writer, ingest, stored_texts
from .query import export, people, quotes

__all__ = [
    "IngestReport",
    "Outcome",
    "Writer",
    "actor",
    "events",
    "export",
    "ingest",
    "migrate",
    "people",
    "quotes",
    "reindex",
    "stances",
    "stored_texts",
    "timeline",
]


def reindex(url: str | None = None) -> int:
    """Rebuilds every derived table from the stored analyses, in one transaction; returns the count.

    Entities, quotes, times, events and stances are read again from each analysis; actors (with
    their places) and stories are linked again by replaying the articles in the order they were stored.
    The tables are made again first, so a store an older veille indexed takes this one's shape.
    """
    engine = open_engine(url, create=False, rebuilding=True)
    try:
        count = write(engine, f"cannot reindex {describe(engine.url)}", _rebuild)
        with errors(f"cannot reindex {describe(engine.url)}"):
            refresh_statistics(engine)
        return count
    finally:
        engine.dispose()


def migrate(url: str | None = None) -> tuple[str, str, int | None]:
    """Brings the store's schema to this veille's (`store.revisions`), in one transaction, then
    rebuilds the derived tables when an older veille made them; returns the revisions before and
    after, and how many articles were reindexed (None when none needed it)."""
    from . import revisions

    engine = open_engine(url, create=False, migrating=True)
    try:
        before, after = write(engine, f"cannot migrate {describe(engine.url)}", revisions.upgrade)
        with engine.connect() as conn:
            stale = derived_version(conn) not in (None, DERIVED_VERSION)
    finally:
        engine.dispose()
    return before, after, reindex(url) if stale else None


def _rebuild(conn: Connection) -> int:
    renew_derived(conn)
    return rebuild(conn)
