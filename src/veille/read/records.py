"""One input record (the contract's JSON Lines shape) to an Article, or a BadInput naming it."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any

from ..errors import BadInput
from ..lang.identify import detect
from ..model import Article

FIELDS = ("id", "text", "title", "published", "url", "source", "language", "path")
# A first line this short, with no full stop at its end and a body after it, is the headline.
HEADLINE_MAX_CHARS = 200
HEADLINE_MAX_WORDS = 30


def normalise(text: str) -> str:
    """The one normalisation offsets allow: line endings to \\n (and no byte-order mark)."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def body_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def to_article(record: Any, position: int | None = None) -> Article:
    """Checks a record and builds its Article; `position` names it when it has no usable id."""
    name = _name(record, position)
    if not isinstance(record, dict):
        raise BadInput(name, f"a record must be a JSON object, not {type(record).__name__}")
    unknown = set(record) - set(FIELDS)
    if unknown:
        raise BadInput(name, f"unknown field(s): {', '.join(sorted(unknown))}")
    text = record.get("text")
    if not isinstance(text, str):
        raise BadInput(name, "the record has no text" if text is None else "'text' must be a string")
    text = normalise(text)
    if not text.strip():
        raise BadInput(name, "the text is empty")
    if "\x00" in text:
        raise BadInput(name, "the text holds NUL bytes: binary data, not an article")
    for key in ("title", "url", "source", "language", "path"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise BadInput(name, f"'{key}' must be a string or null")
    sha = body_hash(text)
    language = record.get("language") or detect(text)
    return Article(
        id=str(record["id"]) if record.get("id") is not None else sha[:16],
        text=text,
        sha256=sha,
        language=language,
        published=check_published(record.get("published"), name),
        title=record.get("title") or headline(text),
        source=record.get("source"),
        url=record.get("url"),
        path=record.get("path"),
    )


def headline(text: str) -> str | None:
    """The text's first line when it reads as a headline (short, no closing full stop, a body after
    it): a page or a file pasted without its title field still has one."""
    first, _, body = text.strip().partition("\n")
    first = first.strip()
    if not body.strip() or len(first) > HEADLINE_MAX_CHARS or len(first.split()) > HEADLINE_MAX_WORDS:
        return None
    if first.endswith(".") and not first.endswith(".."):
        return None  # a sentence of the body; an ellipsis may still close a headline
    return first or None


def check_published(value: Any, name: str) -> str | None:
    """The publication date as given, once it is known to be ISO 8601."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadInput(name, "'published' must be an ISO 8601 date string")
    try:
        (date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value))
    except ValueError:
        raise BadInput(name, f"'published' is not an ISO 8601 date: {value!r}") from None
    return value


def _name(record: Any, position: int | None) -> str:
    if isinstance(record, dict) and record.get("id") is not None:
        return f"record {record['id']!r}"
    return f"record #{position}" if position is not None else "record"
