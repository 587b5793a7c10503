"""`veille watch`: a pass over the sources that are due (`store.sources`): each feed or sitemap is
read with a conditional request, the article pages it lists that this source has not given before are
fetched (`read.web`), analysed and stored, and the source's state is kept (its server's ETag and
Last-Modified, last success, next try, last error). One bad source or page never stops or holds up
the others: sources are fetched in threads, and one thread analyses and stores.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from queue import Queue
from typing import Any
from urllib.parse import urlsplit

from .analysis import analyze_records
from .limits import Limits
from .model import Failure
from .read import feeds
from .read.files import read_url
from .read.web import FEED_TYPES, PAGE_TYPES, Fetcher, FetchError, Page
from .store import Outcome, Writer, sources, stored_texts
from .store.db import describe, errors, open_engine, refresh_statistics, write

Record = dict[str, Any]
ONE_PAGE = "page"  # the kind of a source that is a page, read once
READERS = 4  # sources fetched at once (each host still gets one request a second)


@dataclass
class WatchReport:
    read: list[str] = field(default_factory=list)  # the sources read
    outcomes: list[Outcome] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # "source: why", one per source that failed

    def summary(self) -> str:
        stored = sum(1 for o in self.outcomes if o.status == "stored")
        failed = sum(1 for o in self.outcomes if o.status == "failed")
        return (f"{len(self.read)} source(s) read, {stored} new article(s) stored, {failed} page(s) refused, "
                f"{len(self.errors)} source(s) failed")


def detect(url: str, contact: str | None = None) -> str:
    """The kind of source at `url`: "rss", "atom", "sitemap" or "page"; FetchError when it is none."""
    fetcher = Fetcher(contact)
    try:
        found = fetcher.get(url, FEED_TYPES + PAGE_TYPES)
    finally:
        fetcher.close()
    assert found is not None
    kind = feeds.kind_of(found.data)
    if kind is not None:
        return kind
    if b"<html" in found.data[:5000].lower():
        return ONE_PAGE
    raise FetchError("neither a feed, a sitemap nor an HTML page")


def default_name(url: str) -> str:
    return urlsplit(url).hostname or url


def watch_once(db: str | None = None, contact: str | None = None, limits: Limits | None = None,
               on_outcome: Callable[[Outcome], None] | None = None,
               stopping: Callable[[], bool] = lambda: False, interval: float | None = None,
               readers: int = READERS) -> WatchReport:
    """Reads every due source once; `stopping` is asked between articles. `interval`: the seconds
    between two requests to one host (`web.PER_HOST_INTERVAL` when None).

    Sources are fetched by `readers` threads at once, so a slow or failing source never holds up the
    others; this thread analyses and stores each page as it comes, one at a time, and keeps each
    source's state once its thread is done.
    """
    engine = open_engine(db)
    fetcher = Fetcher(contact, interval)
    report = WatchReport()
    try:
        with engine.connect() as conn:
            todo = sources.due(conn)
        with stored_texts(db) as known:
            writer = _Storer(engine, Writer(engine), limits or Limits(), known, report, on_outcome)
            _run(todo, fetcher, engine, writer, stopping, readers)
        if any(outcome.status == "stored" for outcome in report.outcomes):
            with errors(f"cannot write to {describe(engine.url)}"):
                refresh_statistics(engine)
    finally:
        fetcher.close()
        engine.dispose()
    return report


@dataclass(frozen=True)
class _Fetched:
    source: Record
    link: str
    records: list[Record | Failure] | None  # None: the same article as one stored, under another address


@dataclass(frozen=True)
class _Finished:
    source: Record
    listing: Page | None = None
    error: str | None = None  # why the source could not be read
    stopped: bool = False


def _run(todo: list[Record], fetcher: Fetcher, engine: Any, storer: _Storer, stopping: Callable[[], bool],
         readers: int) -> None:
    """Reads `todo` in threads that hand their pages over a bounded queue to this thread, which
    stores them; when `stopping`, the pages in the queue are left for the next pass."""
    handed: Queue[_Fetched | _Finished] = Queue(maxsize=2 * readers)
    with ThreadPoolExecutor(max_workers=max(1, readers), thread_name_prefix="veille-watch") as pool:
        for source in todo:
            pool.submit(_gather, source, fetcher, engine, handed, stopping)
        for _ in range(len(todo)):
            item = handed.get()
            while isinstance(item, _Fetched):
                if not stopping():
                    storer.page(item)
                item = handed.get()
            storer.finished(item)


def _gather(source: Record, fetcher: Fetcher, engine: Any, handed: Queue[_Fetched | _Finished],
            stopping: Callable[[], bool]) -> None:
    """Fetches the source's listing and the pages of it not taken, handing each over, then says it
    is done (always, so that the storing thread never waits for it in vain)."""
    finished = _Finished(source, stopped=True)
    try:
        links, listing = _links(fetcher, source)
        with engine.connect() as conn:
            new = sources.unseen(conn, source["id"], list(links))
            known = sources.fetched(conn, new)
        for link in new:
            if stopping():
                return
            records = None if link in known else _page(fetcher, engine, link, links[link])
            handed.put(_Fetched(source, link, records))
        finished = _Finished(source, listing)
    except FetchError as error:
        finished = _Finished(source, error=str(error))
    except Exception as error:  # noqa: BLE001 - a fault of veille's own: the source keeps it as its error
        finished = _Finished(source, error=f"{type(error).__name__}: {error}")
    finally:
        handed.put(finished)


def _page(fetcher: Fetcher, engine: Any, link: str, listed: str | None) -> list[Record | Failure] | None:
    """The page's record, or None when its canonical URL is stored already. The date the listing
    gives it (`listed`) stands only when the page states none, and is no later than the fetch."""
    records = list(read_url(link, fetcher))
    for item in records:
        if not isinstance(item, dict):
            continue
        if item.get("url") != link and isinstance(item.get("url"), str):
            with engine.connect() as conn:
                if sources.fetched(conn, [item["url"]]):
                    return None
        if not item.get("published") and listed and _iso_date(listed) and listed <= str(item.get("fetched_at")):
            item["published"] = listed
    return records


def _iso_date(value: str | None) -> bool:
    try:
        return value is not None and datetime.fromisoformat(value) is not None
    except ValueError:
        return False


@dataclass
class _Storer:
    """Analyses and stores each page as its own transaction, then marks it taken: a watcher killed
    mid-cycle fetches again only the pages it had not stored. A page whose server was busy or down
    is left for the next pass; one refused for good (a 404, not an article) is taken."""

    engine: Any
    writer: Writer
    limits: Limits
    known: Callable[[list[str]], set[str]]
    report: WatchReport
    on_outcome: Callable[[Outcome], None] | None
    found: dict[int, int] = field(default_factory=dict)  # source id → new articles this pass

    def page(self, fetched: _Fetched) -> None:
        source = fetched.source
        if fetched.records is None:
            self._take(source, fetched.link, False)
            return
        for item in fetched.records:
            if isinstance(item, dict):
                item["source"] = item.get("source") or source["name"]
        outcomes = self.writer.store(list(analyze_records(fetched.records, 1, self.limits, self.known)))
        for outcome in outcomes:
            self.report.outcomes.append(outcome)
            if self.on_outcome is not None:
                self.on_outcome(outcome)
        stored = sum(outcome.status == "stored" for outcome in outcomes)
        self.found[source["id"]] = self.found.get(source["id"], 0) + stored
        if not any(isinstance(item, Failure) and item.transient for item in fetched.records):
            self._take(source, fetched.link, stored > 0)  # a page refused for good is not asked for again

    def finished(self, done: _Finished) -> None:
        source = done.source
        self.report.read.append(source["name"])
        if done.error is not None:
            reason = done.error
            self._write(lambda conn: sources.failed(conn, source, reason))
            self.report.errors.append(f"{source['name']}: {reason}")
        elif not done.stopped:  # a stopped source is read again at its next try, from its first page not taken
            found = self.found.get(source["id"], 0)
            etag = done.listing.etag if done.listing else None
            modified = done.listing.last_modified if done.listing else None
            self._write(lambda conn: sources.succeeded(conn, source, found, etag, modified))

    def _take(self, source: Record, link: str, stored: bool) -> None:
        self._write(lambda conn: sources.taken(conn, source["id"], [link], stored))

    def _write(self, work: Callable[[Any], Any]) -> None:
        write(self.engine, f"cannot write to {describe(self.engine.url)}", work)


def _links(fetcher: Fetcher, source: Record) -> tuple[dict[str, str | None], Page | None]:
    """The source's article links, and the listing fetched (None for a page, or when unchanged)."""
    if source["kind"] == ONE_PAGE:
        return {source["url"]: None}, None
    listing = fetcher.get(source["url"], FEED_TYPES, source.get("etag"), source.get("last_modified"))
    if listing is None:
        return {}, None
    return feeds.links(listing.data, source["kind"]), listing
