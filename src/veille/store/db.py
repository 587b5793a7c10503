"""Opening the store by URL, and turning database failures into one-line StoreErrors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, delete, event, insert, inspect, make_url, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from tenacity import Retrying, retry_if_exception, stop_after_delay, wait_random_exponential

from ..errors import StoreError
from . import revisions, words
from .schema import DERIVED, articles, metadata, store_meta

DERIVED_VERSION = "8"  # bump when a derived table changes shape (8: actor_keys)
BUSY_TIMEOUT = 60.0  # seconds a SQLite writer waits for the lock before its transaction is retried
RETRY_FOR = 300.0  # seconds a write keeps being retried while the store is busy
WRITING = "veille_writing"  # the execution option that marks a write transaction
ANALYSIS_ROWS = 2000  # rows SQLite's ANALYZE reads of each index: statistics good enough to plan by
CACHE_KIB = 65536  # SQLite page cache per connection: its 2 MiB default re-reads index pages once a store passes ~100 MB
WRITE_LOCK = 0x7665696C6C65  # PostgreSQL's advisory lock key for writers ("veille")
T = TypeVar("T")


def open_engine(url: str | None, create: bool = True, rebuilding: bool = False,
                connections: int | None = None, migrating: bool = False) -> Engine:
    """An engine on `url` (by default the `db` setting) with the schema in place.

    `connections` is how many connections the pool keeps open (more may open for a while), for a
    server answering many requests at once. `create=False` is for commands that only read: they should say there is no database rather
    than leave an empty SQLite file behind a mistyped path. A store whose schema an older veille
    made is refused with a StoreError asking for `veille migrate`, unless `migrating`; one whose
    derived tables an older veille made, with one asking for `veille reindex`, unless `rebuilding`.
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
        in_memory = parsed.get_backend_name() == "sqlite" and database in (None, "", ":memory:")
        pooled = {"pool_size": connections, "max_overflow": connections} if connections and not in_memory else {}
        engine = create_engine(parsed, **pooled)
    except (NoSuchModuleError, ImportError) as error:
        raise StoreError(f"cannot open {shown}: no driver for it ({one_line(error)})") from None
    if engine.dialect.name == "sqlite" and engine.dialect.driver == "pysqlite":
        _sqlite_setup(engine)
    elif engine.dialect.name == "postgresql":
        _postgresql_setup(engine)
    if migrating:
        return engine
    revision, version = write(engine, f"cannot open {shown}", _prepare)
    if revision != revisions.head():
        engine.dispose()
        raise StoreError(f"{shown} has the schema of an older veille (revision {revision or revisions.BEFORE_MIGRATIONS}; "
                         f"this one needs {revisions.head()}): run `veille migrate` once, which keeps every row")
    if version != DERIVED_VERSION and not rebuilding:
        engine.dispose()
        raise StoreError(f"{shown} was indexed by an older veille: run `veille reindex` once to bring it up to date")
    return engine


def _prepare(conn: Connection) -> tuple[str | None, str | None]:
    """Makes a new store's tables; returns the store's revision and its derived tables' version."""
    if not inspect(conn).has_table(articles.name):
        metadata.create_all(conn)
        revisions.stamp(conn)
    revision = revisions.current(conn)
    if revision == revisions.head():
        words.install(conn)
    version = derived_version(conn)
    if version is None and conn.execute(select(articles.c.pk).limit(1)).first() is None:
        version = mark_derived(conn)
    return revision, version


def derived_version(conn: Connection) -> str | None:
    """The version of the derived tables' shape the store records (None: never recorded)."""
    found = conn.execute(select(store_meta.c.value).where(store_meta.c.key == "derived")).scalar()
    return str(found) if found is not None else None


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


def _sqlite_setup(engine: Engine) -> None:
    """WAL, a busy timeout, and transactions that SQLAlchemy begins, writers taking the lock at once.

    In WAL mode readers never wait for the writer nor the writer for readers. A write transaction
    begins with BEGIN IMMEDIATE: begun deferred, it would read first and then fail with "database
    is locked" when another writer got there in between, since SQLite cannot upgrade its read to a
    write without risking deadlock; begun immediate, it waits (up to BUSY_TIMEOUT) for its turn.
    The sqlite3 module's own implicit transactions are off (SQLAlchemy's pysqlite recipe): it ran
    each CREATE outside any transaction, one disk sync per table.
    """
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITING) else "BEGIN")


def _postgresql_setup(engine: Engine) -> None:
    """A write transaction takes the store's write lock (a transaction-level advisory lock) first,
    so writers link actors and stories one after the other, each seeing what the previous stored."""
    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        if conn.get_execution_options().get(WRITING):
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")


def write(engine: Engine, doing: str, work: Callable[[Connection], T],
          on_retry: Callable[[], None] | None = None) -> T:
    """`work(conn)` in one write transaction, which waits for the store's write lock when it begins.

    When the store stays busy, or the transaction fails on a conflict another writer caused, the
    whole transaction is rolled back and run again after a growing pause (`on_retry` first undoes
    what the caller kept in memory from the failed try), for up to RETRY_FOR seconds; then, or on
    any other database error, a StoreError saying what was being done.
    """
    writer = engine.execution_options(**{WRITING: True})
    retrying = Retrying(retry=retry_if_exception(_contended), stop=stop_after_delay(RETRY_FOR),
                        wait=wait_random_exponential(multiplier=0.05, max=2.0), reraise=True,
                        before_sleep=(lambda state: on_retry()) if on_retry else None)
    with errors(doing):
        for attempt in retrying:
            with attempt, writer.begin() as conn:
                result = work(conn)
    return result


def _contended(error: BaseException) -> bool:
    """Whether a database error is another writer's doing, so that trying again may succeed."""
    if not isinstance(error, DBAPIError):
        return False
    cause = getattr(error, "orig", None)
    code = getattr(cause, "sqlstate", None) or getattr(getattr(cause, "diag", None), "sqlstate", None)
    if code in ("40001", "40P01", "55P03"):  # serialization failure, deadlock, lock not available
        return True
    text = str(cause or error).lower()
    return "database is locked" in text or "database is busy" in text or "database table is locked" in text


def _parse(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError:
        raise StoreError(f"not a database URL: {url!r} (try sqlite:///veille.db)") from None


def refresh_statistics(engine: Engine) -> None:
    """Lets the query planner see the store as it now is.

    Without statistics SQLite plans the per-story "earlier copy" checks through the wrong index and
    lists slow down with the square of the store (bench/api_latency.py); ANALYZE fixes the plans.
    On SQLite it reads a bounded sample of each index (`analysis_limit`), so that its cost does not
    grow with the store: it runs after every ingest and every pass of `veille watch`. PostgreSQL's
    ANALYZE samples rows of its own accord.
    """
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql(f"PRAGMA analysis_limit = {ANALYSIS_ROWS}")
        conn.exec_driver_sql("ANALYZE")
