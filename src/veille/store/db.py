"""Opening the store by URL, and turning database failures into one-line StoreErrors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from ..errors import StoreError
from .schema import metadata


def open_engine(url: str | None, create: bool = True) -> Engine:
    """An engine on `url` (by default the `db` setting) with the schema in place.

    `create=False` is for commands that only read: they should say there is no database rather
    than leave an empty SQLite file behind a mistyped path.
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
    with errors(f"cannot open {shown}"):
        metadata.create_all(engine)
    return engine


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
