"""The sources `veille watch` follows: adding, listing and removing them, which are due, what their
server said last, how each read went, and which of their items are already taken."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import Column, Connection, Table, delete, insert, select, update

from ..errors import BadInput
from .schema import articles, fetches, source_items, sources

Row = dict[str, Any]
MAX_BACKOFF = timedelta(hours=6)  # the longest wait after failures in a row


def add(conn: Connection, name: str, url: str, kind: str, every: int) -> Row:
    """A new source, due at once; BadInput when its name or URL is taken."""
    taken = conn.execute(select(sources.c.name).where((sources.c.name == name) | (sources.c.url == url))).first()
    if taken is not None:
        raise BadInput(f"source {name!r}", f"a source named {taken[0]!r} already has this name or URL")
    conn.execute(insert(sources).values(name=name, url=url, kind=kind, every=every, next_try=now(),
                                        failures=0, found=0))
    return listing(conn, name)[0]


def remove(conn: Connection, name: str) -> bool:
    return remove_named(conn, sources, source_items.c.source, name)


def remove_named(conn: Connection, table: Table, child: Column[int], name: str) -> bool:
    """Deletes the row of `table` named `name` and the rows whose `child` column points at it
    (foreign keys are not enforced on SQLite); False when there is none."""
    found = conn.execute(select(table.c.id).where(table.c.name == name)).scalar()
    if found is None:
        return False
    conn.execute(delete(child.table).where(child == found))
    conn.execute(delete(table).where(table.c.id == found))
    return True


def listing(conn: Connection, name: str | None = None) -> list[Row]:
    """The sources by name, their times as ISO strings in UTC."""
    query = select(sources).order_by(sources.c.name)
    if name is not None:
        query = query.where(sources.c.name == name)
    return [plain(row) for row in conn.execute(query).mappings()]


def plain(row: Any) -> Row:
    """A row with its times as ISO strings in UTC."""
    return {key: _iso(value) if isinstance(value, datetime) else value for key, value in row.items()}


def _iso(moment: datetime) -> str:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite gives them back naive
    return aware.astimezone(UTC).isoformat(timespec="seconds")


def due(conn: Connection, at: datetime | None = None) -> list[Row]:
    """The sources whose next read is due, the longest waiting first."""
    moment = at or now()
    return [dict(row) for row in conn.execute(
        select(sources).where(sources.c.next_try <= moment).order_by(sources.c.next_try, sources.c.id)).mappings()]


def unseen(conn: Connection, source: int, urls: list[str]) -> list[str]:
    """The items of `urls` not yet taken from this source, in their order."""
    if not urls:
        return []
    seen = set(conn.execute(select(source_items.c.url).where(
        (source_items.c.source == source) & source_items.c.url.in_(urls))).scalars())
    return [url for url in urls if url not in seen]


def fetched(conn: Connection, urls: list[str]) -> set[str]:
    """The URLs of `urls` some article of the store was fetched from, or bears as its own."""
    if not urls:
        return set()
    found = set(conn.execute(select(fetches.c.url).where(fetches.c.url.in_(urls))).scalars())
    return found | set(conn.execute(select(articles.c.url).where(articles.c.url.in_(urls))).scalars())


def taken(conn: Connection, source: int, urls: list[str], stored: bool = False) -> None:
    """Marks the items taken; `stored`: they gave new articles."""
    moment = now()
    fresh = unseen(conn, source, urls)
    if fresh:
        conn.execute(insert(source_items), [{"source": source, "url": url, "seen_at": moment, "stored": stored}
                                            for url in fresh])


def per_day(conn: Connection, days: int = 14) -> dict[int, list[tuple[str, int]]]:
    """Each source's new articles on each of the last `days` days (UTC), oldest first, zeros included."""
    today = now().date()
    first = today - timedelta(days=days - 1)
    counts: dict[int, dict[str, int]] = {}
    rows = conn.execute(select(source_items.c.source, source_items.c.seen_at).where(
        source_items.c.stored.is_(True), source_items.c.seen_at >= datetime.combine(first, time(), UTC)))
    for source, seen in rows:
        day = _iso(seen)[:10]
        counts.setdefault(source, {})
        counts[source][day] = counts[source].get(day, 0) + 1
    span = [(first + timedelta(days=n)).isoformat() for n in range(days)]
    return {source: [(day, found.get(day, 0)) for day in span] for source, found in counts.items()}


def succeeded(conn: Connection, source: Row, found: int, etag: str | None, last_modified: str | None) -> None:
    moment = now()
    values: dict[str, Any] = {"last_success": moment, "next_try": moment + timedelta(seconds=source["every"]),
                              "last_error": None, "failures": 0, "found": sources.c.found + found}
    if etag is not None or last_modified is not None:
        values.update(etag=etag, last_modified=last_modified)
    conn.execute(update(sources).where(sources.c.id == source["id"]).values(**values))


def failed(conn: Connection, source: Row, error: str) -> None:
    """Keeps the error, and waits longer after each failure in a row (up to MAX_BACKOFF)."""
    failures = (source.get("failures") or 0) + 1
    wait = min(timedelta(seconds=source["every"]) * 2 ** (failures - 1), MAX_BACKOFF)
    conn.execute(update(sources).where(sources.c.id == source["id"]).values(
        last_error=error, failures=failures, next_try=now() + wait))


def now() -> datetime:
    return datetime.now(UTC)
