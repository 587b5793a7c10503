"""Opening the store by URL, and turning database failures into one-line StoreErrors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, delete, event, insert, make_url, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from ..errors import StoreError
from . import words
from .schema import DERIVED, articles, metadata, store_meta

DERIVED_VERSION = "7"  # bump when a derived table changes shape


def open_engine(url: str | None, create: bool = True, rebuilding: bool = False) -> Engine:
    """An engine on `url` (by default the `db` setting) with the schema in place.

    `create=False` is for commands that only read: they should say there is no database rather
    than leave an empty SQLite file behind a mistyped path. A store whose derived tables an older
    veille made is refused with a StoreError asking for `veille reindex`, unless `rebuilding`.
    """
    if url is None:
        from ..settings import load

        url = load().db
    parsed = _parse(url)
    shown = describe(parsed)
    database = parsed.database
    if parsed.get_backend_name() == "sqlite" and database and database != ":memory:" \
            and not database.startswith("file:"):
        path = Path(database)
        if not create and not path.exists():
            raise StoreError(f"no database at {path}: run `veille ingest` or `veille demo` first")
        if not path.parent.exists():
            raise StoreError(f"cannot open {shown}: folder {path.parent} does not exist")
    try:
        engine = create_engine(parsed)
    except (NoSuchModuleError, ImportError) as error:
        raise StoreError(f"cannot open {shown}: no driver for it ({one_line(error)})") from None
    if engine.dialect.name == "sqlite" and engine.dialect.driver == "pysqlite":
        _transactional_ddl(engine)
    with errors(f"cannot open {shown}"), engine.begin() as conn:
        metadata.create_all(conn)
        words.install(conn)
        version = conn.execute(select(store_meta.c.value).where(store_meta.c.key == "derived")).scalar()
        if version is None and conn.execute(select(articles.c.pk).limit(1)).first() is None:
            version = mark_derived(conn)
    if version != DERIVED_VERSION and not rebuilding:
        engine.dispose()
        raise StoreError(f"{shown} was indexed by an older veille: run `veille reindex` once to bring it up to date")
    return engine


def mark_derived(conn: Connection) -> str:
    """Records that the derived tables have this veille's shape."""
    conn.execute(delete(store_meta).where(store_meta.c.key == "derived"))
    conn.execute(insert(store_meta).values(key="derived", value=DERIVED_VERSION))
    return DERIVED_VERSION


def renew_derived(conn: Connection) -> None:
    """Drops the derived tables and makes them again, empty, in this veille's shape."""
    words.drop(conn)
    metadata.drop_all(conn, tables=list(reversed(DERIVED)))
    metadata.create_all(conn)
    words.install(conn)
    mark_derived(conn)


@contextmanager
def errors(doing: str) -> Iterator[None]:
    """Re-raises any database error as a StoreError saying what was being done, in one line."""
    try:
        yield
    except SQLAlchemyError as error:
        cause = getattr(error, "orig", None) or error
        raise StoreError(f"{doing}: {one_line(cause)}") from None


def describe(url: URL) -> str:
    """The URL as it may be shown to the user: without its password."""
    return url.render_as_string(hide_password=True)


def one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def _transactional_ddl(engine: Engine) -> None:
    """Lets SQLAlchemy, not the sqlite3 module, begin transactions (SQLAlchemy's pysqlite recipe).

    sqlite3 runs each CREATE outside any transaction, so creating the schema cost one disk sync per
    table and index; begun explicitly, the whole schema is one transaction, and so is each batch.
    """
    @event.listens_for(engine, "connect")
    def _no_implicit_transactions(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")


def _parse(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError:
        raise StoreError(f"not a database URL: {url!r} (try sqlite:///veille.db)") from None


def refresh_statistics(engine: Engine) -> None:
    """Lets the query planner see the store as it now is.

    Without statistics SQLite plans the per-story "earlier copy" checks through the wrong index and
    lists slow down with the square of the store (bench/api_latency.py); ANALYZE fixes the plans.
    PostgreSQL takes the same statement.
    """
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
