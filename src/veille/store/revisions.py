"""The store's schema under Alembic, on SQLite and PostgreSQL alike (`migrations/`).

A new store is made from `schema.metadata` and stamped with the newest revision; a store an older
veille made is refused by `db.open_engine` with a one-line message until `veille migrate` brings it
up to date (`upgrade`), keeping every row. A store made before the schema was under migrations has
no revision: the baseline (0001) takes it as it is.
"""

from __future__ import annotations

from functools import cache

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

LOCATION = "veille.store:migrations"
BEFORE_MIGRATIONS = "none (made before migrations)"


def current(conn: Connection) -> str | None:
    """The store's revision, None for a store made before migrations."""
    return MigrationContext.configure(conn).get_current_revision()


@cache
def head() -> str:
    """The newest revision: the schema this veille reads and writes."""
    found = ScriptDirectory.from_config(config()).get_current_head()
    assert found is not None
    return found


def stamp(conn: Connection) -> None:
    """Marks a store just made from the metadata as up to date."""
    command.stamp(config(conn), "head")


def upgrade(conn: Connection) -> tuple[str, str]:
    """Brings the store to the newest revision; returns the revisions before and after."""
    before = current(conn) or BEFORE_MIGRATIONS
    command.upgrade(config(conn), "head")
    return before, head()


def config(conn: Connection | None = None) -> Config:
    """Alembic's configuration for migrating the store `conn` is connected to."""
    config = Config()
    config.set_main_option("script_location", LOCATION)
    config.attributes["connection"] = conn
    return config
