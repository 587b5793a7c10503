"""The store: an index of analyses in any SQLAlchemy database (SQLite by default).

    >>> from veille import analyze_many, store
    >>> report = store.ingest(analyze_many(records), "sqlite:///veille.db")
    >>> store.quotes(speaker="Lavrov", url="sqlite:///veille.db")

Each function's `url` defaults to the `db` setting (VEILLE_DB, veille.toml, else sqlite:///veille.db).
"""

from __future__ import annotations

from .db import describe, errors, open_engine
from .index import rebuild
from .ingest import IngestReport, Outcome, ingest
from .query import export, people, quotes

__all__ = ["IngestReport", "Outcome", "export", "ingest", "people", "quotes", "reindex"]


def reindex(url: str | None = None) -> int:
    """Rebuilds every derived table from the stored analyses, in one transaction; returns the count."""
    engine = open_engine(url, create=False)
    try:
        with errors(f"cannot reindex {describe(engine.url)}"), engine.begin() as conn:
            return rebuild(conn)
    finally:
        engine.dispose()
