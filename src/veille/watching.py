"""`veille watch`: a pass over the sources that are due (`store.sources`): each feed or sitemap is
read with a conditional request, the article pages it lists that this source has not given before are
fetched (`read.web`), analysed and stored, and the source's state is kept (its server's ETag and
Last-Modified, last success, next try, last error). One bad source or page never stops the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .analysis import analyze_records
from .limits import Limits
from .model import Failure
from .read import feeds
from .read.files import read_url
from .read.web import FEED_TYPES, PAGE_TYPES, Fetcher, FetchError
from .store import Outcome, ingest, sources, stored_texts
from .store.db import describe, open_engine, write

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
               stopping: Callable[[], bool] = lambda: False) -> WatchReport:
    """Reads every due source once; `stopping` is asked between sources."""
    engine = open_engine(db)
    fetcher = Fetcher(contact)
    report = WatchReport()
    try:
        with engine.connect() as conn:
            todo = sources.due(conn)
        for source in todo:
            if stopping():
                break
            _read_source(engine, db, fetcher, source, limits or Limits(), report, on_outcome)
    finally:
        fetcher.close()
        engine.dispose()
    return report


def _read_source(engine: Any, db: str | None, fetcher: Fetcher, source: Record, limits: Limits,
                 report: WatchReport, on_outcome: Callable[[Outcome], None] | None) -> None:
    doing = f"cannot write to {describe(engine.url)}"
    report.read.append(source["name"])
    try:
        links, listing = _links(fetcher, source)
    except FetchError as error:
        reason = str(error)
        write(engine, doing, lambda conn: sources.failed(conn, source, reason))
        report.errors.append(f"{source['name']}: {reason}")
        return
    with engine.connect() as conn:
        new = sources.unseen(conn, source["id"], links)
    with stored_texts(db) as known:
        records = _records(new, fetcher, source["name"])
        results = analyze_records(records, limits=limits, known=known)
        ingested = ingest(results, db, on_outcome=on_outcome)
    report.outcomes += ingested.outcomes
    done = [link for link, outcome in zip(new, ingested.outcomes, strict=True) if outcome.status != "failed"]
    found = ingested.count("stored")
    etag = listing.etag if listing else None
    modified = listing.last_modified if listing else None

    def finish(conn: Any) -> None:
        sources.taken(conn, source["id"], done)
        sources.succeeded(conn, source, found, etag, modified)

    write(engine, doing, finish)


def _links(fetcher: Fetcher, source: Record) -> tuple[list[str], Any]:
    """The source's article links, and the listing fetched (None for a page, or when unchanged)."""
    if source["kind"] == ONE_PAGE:
        return [source["url"]], None
    listing = fetcher.get(source["url"], FEED_TYPES, source.get("etag"), source.get("last_modified"))
    if listing is None:
        return [], None
    return feeds.links(listing.data, source["kind"]), listing


def _records(links: list[str], fetcher: Fetcher, name: str) -> Iterator[Record | Failure]:
    """Each link's record (its outlet the source's name when the page names none), or Failure."""
    for link in links:
        for item in read_url(link, fetcher):
            if isinstance(item, dict) and not item.get("source"):
                item["source"] = name
            yield item
