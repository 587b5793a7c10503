"""`veille watch`: a pass over the sources that are due (`store.sources`): each feed or sitemap is
read with a conditional request, the article pages it lists that this source has not given before are
fetched (`read.web`), analysed and stored, and the source's state is kept (its server's ETag and
Last-Modified, last success, next try, last error). One bad source or page never stops the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .analysis import analyze_records
from .limits import Limits
from .read import feeds
from .read.files import read_url
from .read.web import FEED_TYPES, PAGE_TYPES, Fetcher, FetchError
from .store import Outcome, Writer, sources, stored_texts
from .store.db import describe, errors, open_engine, refresh_statistics, write

Record = dict[str, Any]
ONE_PAGE = "page"  # the kind of a source that is a page, read once


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
               stopping: Callable[[], bool] = lambda: False, interval: float | None = None) -> WatchReport:
    """Reads every due source once; `stopping` is asked between articles. `interval`: the seconds
    between two requests to one host (`web.PER_HOST_INTERVAL` when None)."""
    engine = open_engine(db)
    fetcher = Fetcher(contact, interval)
    report = WatchReport()
    try:
        with engine.connect() as conn:
            todo = sources.due(conn)
        with stored_texts(db) as known:
            reader = _Reader(engine, fetcher, Writer(engine), limits or Limits(), known, report,
                             on_outcome, stopping)
            for source in todo:
                if stopping():
                    break
                reader.read(source)
        if any(outcome.status == "stored" for outcome in report.outcomes):
            with errors(f"cannot write to {describe(engine.url)}"):
                refresh_statistics(engine)
    finally:
        fetcher.close()
        engine.dispose()
    return report


@dataclass
class _Reader:
    """Reads sources one article at a time: each page is analysed, stored and marked taken before the
    next is fetched, so a watcher killed mid-cycle fetches again at most the page it was on."""

    engine: Any
    fetcher: Fetcher
    writer: Writer
    limits: Limits
    known: Callable[[list[str]], set[str]]
    report: WatchReport
    on_outcome: Callable[[Outcome], None] | None
    stopping: Callable[[], bool]

    def read(self, source: Record) -> None:
        doing = f"cannot write to {describe(self.engine.url)}"
        self.report.read.append(source["name"])
        try:
            links, listing = _links(self.fetcher, source)
        except FetchError as error:
            reason = str(error)
            write(self.engine, doing, lambda conn: sources.failed(conn, source, reason))
            self.report.errors.append(f"{source['name']}: {reason}")
            return
        with self.engine.connect() as conn:
            new = sources.unseen(conn, source["id"], links)
            known = sources.fetched(conn, new)
        self._take(source, [link for link in new if link in known])
        found = 0
        for link in (link for link in new if link not in known):
            if self.stopping():
                return  # the source is read again at its next try, from the first page not taken
            found += self._article(source, link)
        etag = listing.etag if listing else None
        modified = listing.last_modified if listing else None
        write(self.engine, doing, lambda conn: sources.succeeded(conn, source, found, etag, modified))

    def _article(self, source: Record, link: str) -> int:
        """Fetches, analyses and stores the page at `link`; 1 when it is a new article, else 0."""
        records = list(read_url(link, self.fetcher))
        for item in records:
            if isinstance(item, dict):
                if item.get("url") != link and self._stored_at(item.get("url")):
                    self._take(source, [link])  # the same article, under another address
                    return 0
                item["source"] = item.get("source") or source["name"]
        outcomes = self.writer.store(list(analyze_records(records, 1, self.limits, self.known)))
        for outcome in outcomes:
            self.report.outcomes.append(outcome)
            if self.on_outcome is not None:
                self.on_outcome(outcome)
        stored = sum(outcome.status == "stored" for outcome in outcomes)
        if all(outcome.status != "failed" for outcome in outcomes):
            self._take(source, [link], stored > 0)
        return stored

    def _take(self, source: Record, links: list[str], stored: bool = False) -> None:
        if links:
            write(self.engine, f"cannot write to {describe(self.engine.url)}",
                  lambda conn: sources.taken(conn, source["id"], links, stored))

    def _stored_at(self, url: Any) -> bool:
        with self.engine.connect() as conn:
            return isinstance(url, str) and bool(sources.fetched(conn, [url]))


def _links(fetcher: Fetcher, source: Record) -> tuple[list[str], Any]:
    """The source's article links, and the listing fetched (None for a page, or when unchanged)."""
    if source["kind"] == ONE_PAGE:
        return [source["url"]], None
    listing = fetcher.get(source["url"], FEED_TYPES, source.get("etag"), source.get("last_modified"))
    if listing is None:
        return [], None
    return feeds.links(listing.data, source["kind"]), listing
