"""The CLI's upkeep of a store: `veille reindex` and `veille migrate` (cli.py adds them)."""

from __future__ import annotations

from . import settings
from .cli import Db, _errors, _message


def reindex(db: Db = None) -> None:
    """Rebuild every derived table from the stored analyses: entities, quotes, times, events, stances,
    and the links across articles (actors with their places, stories)."""
    from . import store

    with _errors():
        config = settings.load({"db": db})
        _message(f"{store.reindex(config.db)} articles reindexed")


def migrate(db: Db = None) -> None:
    """Bring a store an older veille made up to this one's schema, keeping every row, and rebuild its
    derived tables when they need it."""
    from . import store

    with _errors():
        before, after, reindexed = store.migrate(settings.load({"db": db}).db)
    _message(f"schema already at revision {after}" if before == after else f"schema migrated from {before} to {after}")
    if reindexed is not None:
        _message(f"{reindexed} articles reindexed (their derived tables were an older veille's)")
