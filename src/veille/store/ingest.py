"""Analyses into the store, a batch per transaction, each text stored once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import Literal, TypeVar

from sqlalchemy import Connection, Engine, insert, select

from ..model import Analysis, Article, Failure, Known
from . import alerts, index
from .db import describe, errors, open_engine, refresh_statistics, write
from .links import Linker
from .schema import articles, fetches

Status = Literal["stored", "already stored", "failed", "written"]  # written: to Parquet only (ingest --no-store)
Result = Analysis | Failure | Known  # what an analysis of records gives, Known for a text stored already
T = TypeVar("T")


@dataclass(frozen=True)
class Outcome:
    """What became of one input: its id, its status, and for a failure the one-line reason."""

    id: str
    status: Status
    error: str | None = None


@dataclass
class IngestReport:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def analysed(self) -> int:
        """Inputs that were analysed, whether new to the store or not."""
        return len(self.outcomes) - self.count("failed")

    def summary(self) -> str:
        statuses: tuple[Status, ...] = ("stored", "already stored", "failed")
        written = f", {self.count('written')} written to Parquet only" if self.count("written") else ""
        return ", ".join(f"{self.count(status)} {status}" for status in statuses) + written


def ingest(results: Iterable[Result], url: str | None = None, batch_size: int = 64,
           on_outcome: Callable[[Outcome], None] | None = None) -> IngestReport:
    """Stores each Analysis of `results` (as `analyze_many` yields them) and reports every input.

    A batch is one transaction, so a database error loses at most the batch being written and never
    leaves an article without its derived rows; a batch that meets another writer waits for its
    turn, and is tried again when the store stays busy. Each stored article is linked to the actors
    and stories of the articles stored before it. An article whose text (sha256) is already stored
    is reported "already stored" and left as it is. Failures are reported, never written.
    """
    engine = open_engine(url)
    try:
        writer = Writer(engine)
        report = IngestReport()
        for batch in _batches(results, batch_size):
            for outcome in writer.store(batch):
                report.outcomes.append(outcome)
                if on_outcome is not None:
                    on_outcome(outcome)
        if report.count("stored"):
            with errors(f"cannot write to {describe(engine.url)}"):
                refresh_statistics(engine)
    finally:
        engine.dispose()
    return report


class Writer:
    """Stores batches of results on one engine, linking them as it goes; one per writing process.

    It keeps the actors it loaded between batches, and reloads them when another writer stored
    articles in between (or when a batch had to be tried again).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.linker = Linker()

    def store(self, batch: list[Result]) -> list[Outcome]:
        """Writes one batch in one transaction; returns each item's outcome once it is committed."""
        return write(self.engine, f"cannot write to {describe(self.engine.url)}",
                     lambda conn: list(_store_batch(conn, batch, self.linker)), on_retry=self.linker.forget)


@contextmanager
def stored_texts(url: str | None) -> Iterator[Callable[[list[str]], set[str]]]:
    """A function that tells which of some texts (their sha256) the store at `url` holds, for an
    ingest to skip them before parsing (`analyze_records(known=...)`)."""
    engine = open_engine(url)

    def known(shas: list[str]) -> set[str]:
        if not shas:
            return set()
        with errors(f"cannot read {describe(engine.url)}"), engine.connect() as conn:
            return set(conn.execute(select(articles.c.sha256).where(articles.c.sha256.in_(shas))).scalars())

    try:
        yield known
    finally:
        engine.dispose()


def _store_batch(conn: Connection, batch: list[Result], linker: Linker) -> Iterator[Outcome]:
    analyses = [item for item in batch if isinstance(item, Analysis)]
    shapes = {id(item): item.to_dict() for item in analyses}  # the contract's JSON, stored whole
    linker.prepare(conn, shapes.values())
    shas = [a.article.sha256 for a in analyses]
    seen = set(conn.execute(select(articles.c.sha256).where(articles.c.sha256.in_(shas))).scalars())
    ids = {a.article.id for a in analyses}
    taken = set(conn.execute(select(articles.c.id).where(articles.c.id.in_(ids))).scalars())
    now = datetime.now(UTC)
    found: index.Rows = {}
    for item in batch:
        if isinstance(item, Failure):
            yield Outcome(item.id, "failed", item.error)
            continue
        if isinstance(item, Known) or item.article.sha256 in seen:
            _fetched(conn, None, item.article)
            yield Outcome(item.article.id, "already stored")
            continue
        article = item.article
        if article.id in taken:
            yield Outcome(article.id, "failed", f"record {article.id!r}: this id is already stored for another "
                                                "text (give the record an id of its own)")
            continue
        seen.add(article.sha256)
        taken.add(article.id)
        analysis = shapes[id(item)]
        pk = conn.execute(insert(articles).values(
            id=article.id, sha256=article.sha256, title=article.title, published=article.published,
            language=article.language, source=article.source, url=article.url, path=article.path,
            text=article.text, analysis=analysis, ingested_at=now,
        ).returning(articles.c.pk)).scalar_one()
        index.link(conn, linker, pk, analysis, article.text, found)
        _fetched(conn, pk, article)
        yield Outcome(article.id, "stored")
    index.finish(conn, linker, found)
    alerts.check(conn)


def _fetched(conn: Connection, pk: int | None, article: Article) -> None:
    """Keeps the page an article was fetched from (`pk` None: a text already stored, found again),
    once per page."""
    if article.fetched_at is None or article.url is None:
        return
    if pk is None:
        pk = conn.execute(select(articles.c.pk).where(articles.c.sha256 == article.sha256)).scalar()
        if pk is None:
            return
    if conn.execute(select(fetches.c.id).where((fetches.c.article == pk) & (fetches.c.url == article.url))).first():
        return
    conn.execute(insert(fetches).values(article=pk, url=article.url, outlet=article.source, author=article.author,
                                        fetched_at=datetime.fromisoformat(article.fetched_at)))


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
