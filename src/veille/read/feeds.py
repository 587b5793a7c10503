"""The article links a feed or a news sitemap lists, newest first as the source gives them.

    >>> kind_of(data)         # "rss", "atom", "sitemap", or None for anything else
    >>> links(data, "rss")    # ["https://…/article-1.html", …]

RSS and Atom are read by feedparser; a sitemap (`<urlset>` of `<url><loc>`, news or plain) by lxml.
"""

from __future__ import annotations

import feedparser  # type: ignore[import-untyped]
from lxml import etree

from .web import FetchError

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


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


def links(data: bytes, kind: str) -> list[str]:
    """The http(s) links of the items, each once, in the source's order. A feed with a flaw is read
    as far as feedparser can; one that is broken and lists nothing, or a sitemap that is not XML,
    is a FetchError saying so."""
    if kind == "sitemap":
        root = _xml_root(data)
        if root is None:
            raise FetchError("the sitemap is not well-formed XML")
        found = [loc.text.strip() for loc in root.iter(f"{SITEMAP}loc", "loc")
                 if loc.text and loc.getparent() is not None and loc.getparent().tag in (f"{SITEMAP}url", "url")]
    else:
        parsed = feedparser.parse(data)
        found = [str(entry.get("link") or "").strip() for entry in parsed.entries]
        if parsed.bozo and not any(found):
            flaw = str(parsed.get("bozo_exception") or "").splitlines()[0:1]
            raise FetchError(f"the feed is broken and lists nothing ({flaw[0] if flaw else 'not well-formed'})")
    return list(dict.fromkeys(link for link in found if link.startswith(("http://", "https://"))))


def _xml_root(data: bytes) -> etree._Element | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None
