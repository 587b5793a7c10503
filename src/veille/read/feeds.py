"""The article links a feed or a news sitemap lists, newest first as the source gives them.

    >>> kind_of(data)         # "rss", "atom", "sitemap", or None for anything else
    >>> links(data, "rss")    # {"https://…/article-1.html": "2025-06-11T08:00:00+00:00", …}

RSS and Atom are read by feedparser; a sitemap (`<urlset>` of `<url><loc>`, news or plain) by lxml.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import feedparser  # type: ignore[import-untyped]
from lxml import etree

from .web import FetchError

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def kind_of(data: bytes) -> str | None:
    """What the bytes are: a "sitemap", an "rss" or "atom" feed, or None."""
    root = _xml_root(data)
    if root is not None and root.tag in (f"{SITEMAP}urlset", "urlset"):
        return "sitemap"
    parsed = feedparser.parse(data)
    version = str(parsed.get("version") or "")
    if version.startswith("atom"):
        return "atom"
    if version.startswith("rss"):
        return "rss"
    return None


def links(data: bytes, kind: str) -> dict[str, str | None]:
    """The http(s) links of the items, each once, in the source's order, with the date the source
    gives each (ISO 8601, in UTC for a feed), or None. A feed with a flaw is read as far as
    feedparser can; one that is broken and lists nothing, or a sitemap that is not XML, is a
    FetchError saying so."""
    if kind == "sitemap":
        found = _sitemap_items(data)
    else:
        parsed = feedparser.parse(data)
        found = [(str(entry.get("link") or "").strip(), _feed_date(entry)) for entry in parsed.entries]
        if parsed.bozo and not any(link for link, _ in found):
            flaw = str(parsed.get("bozo_exception") or "").splitlines()[0:1]
            raise FetchError(f"the feed is broken and lists nothing ({flaw[0] if flaw else 'not well-formed'})")
    listed: dict[str, str | None] = {}
    for link, date in found:
        if link.startswith(("http://", "https://")) and link not in listed:
            listed[link] = date
    return listed


def _sitemap_items(data: bytes) -> list[tuple[str, str | None]]:
    root = _xml_root(data)
    if root is None:
        raise FetchError("the sitemap is not well-formed XML")
    found = []
    for url in root.iter(f"{SITEMAP}url", "url"):
        loc = url.find(f"{SITEMAP}loc")
        if loc is None:
            loc = url.find("loc")
        if loc is None or not loc.text:
            continue
        date = url.find(f"{NEWS}news/{NEWS}publication_date")
        found.append((loc.text.strip(), date.text.strip() if date is not None and date.text else None))
    return found


def _feed_date(entry: Any) -> str | None:
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    if not moment:
        return None
    try:
        return datetime(*moment[:6], tzinfo=UTC).isoformat()
    except (TypeError, ValueError):
        return None


def _xml_root(data: bytes) -> etree._Element | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None
