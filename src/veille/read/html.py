"""A saved web page to an input record: the article body without menus, footers and comments."""

from __future__ import annotations

from typing import Any

import trafilatura
from trafilatura.settings import Document
from trafilatura.utils import load_html

from .text import NotText

# Only dates the page states in its metadata: htmldate's extensive search guesses from any number
# in the page (it dates an undated page 1 January), and a wrong date misplaces every relative date.
DATE_SEARCH = {"extensive_search": False, "original_date": True}
PARSER_DEPTH = 255  # libxml2 stops reading a page's elements this deep (without its "huge" option)


def extract(data: bytes) -> dict[str, Any]:
    """The record fields the page gives: text, title, published, url, source, language, author.

    Fields the page does not state are left out, so that the caller's defaults can fill them.
    """
    tree = load_html(data)
    if tree is None:
        raise NotText("not an HTML page")
    language = (tree.get("lang") or "").split("-")[0].strip().lower() or None
    document = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params=DATE_SEARCH,
    )
    text = document.text if isinstance(document, Document) else None
    if not isinstance(document, Document) or not text or not text.strip():
        if _depth(tree) >= PARSER_DEPTH:
            raise NotText(f"the page's elements nest more than {PARSER_DEPTH} deep, deeper than the HTML parser reads")
        raise NotText("no article text found in the page")
    found = {
        "text": text,
        "title": document.title,
        "published": document.date,
        "url": document.url,
        "source": document.sitename,
        "language": language,
        "author": document.author,
    }
    return {key: value for key, value in found.items() if value}


def _depth(tree: Any) -> int:
    """How deep the page's elements nest (the root is 0), by a walk of the tree."""
    deepest, stack = 0, [(tree, 0)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)
    return deepest
