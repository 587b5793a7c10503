"""One input record (the contract's JSON Lines shape) to an Article, or a BadInput naming it."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date, datetime
from typing import Any

from ..errors import BadInput
from ..lang.identify import detect
from ..model import Article
from .text import binary_like

FIELDS = ("id", "text", "title", "published", "url", "source", "language", "path", "author", "fetched_at")
# A first line this short, with no full stop at its end and a body after it, is the headline.
HEADLINE_MAX_CHARS = 200
HEADLINE_MAX_WORDS = 30
MAX_ID_CHARS = 200


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
    ident = _checked_id(record.get("id"), name)
    text = record.get("text")
    if not isinstance(text, str):
        raise BadInput(name, "the record has no text" if text is None else "'text' must be a string")
    text = normalise(text)
    if not text.strip():
        raise BadInput(name, "the text is empty")
    if "\x00" in text:
        raise BadInput(name, "the text holds NUL bytes: binary data, not an article")
    if binary_like(text):
        raise BadInput(name, "the text is full of control characters: binary data, not an article")
    for key in ("title", "url", "source", "language", "path", "author", "fetched_at"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise BadInput(name, f"'{key}' must be a string or null")
    for key in ("text", "title", "url", "source", "language", "path", "author"):
        _check_unicode(record.get(key) if key != "text" else text, key, name)
    sha = body_hash(text)
    language = record.get("language") or detect(text)
    return Article(
        id=ident if ident is not None else sha[:16],
        text=text,
        sha256=sha,
        language=language,
        published=check_published(record.get("published"), name),
        title=record.get("title") or headline(text),
        source=record.get("source"),
        url=record.get("url"),
        path=record.get("path"),
        author=record.get("author"),
        fetched_at=_check_fetched(record.get("fetched_at"), name),
    )


def _check_fetched(value: str | None, name: str) -> str | None:
    """`fetched_at` as given when it is an ISO 8601 date-time with its offset."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise BadInput(name, f"'fetched_at' is not an ISO 8601 date-time: {value[:40]!r}") from None
    if moment.tzinfo is None:
        raise BadInput(name, "'fetched_at' must give its offset from UTC (e.g. +00:00)")
    return value


def _checked_id(value: Any, name: str) -> str | None:
    """The record's id as a string (a number becomes its digits), or None when it gives none."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise BadInput(name, f"'id' must be a string or a whole number, not {json_type(value)}")
    ident = str(value)
    if not ident.strip():
        raise BadInput(name, "'id' is empty")
    if len(ident) > MAX_ID_CHARS:
        raise BadInput(name, f"'id' is {len(ident):,} characters long, more than {MAX_ID_CHARS}")
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in ident):
        raise BadInput(name, "'id' holds control characters or lone surrogates")
    return ident


def _check_unicode(value: Any, key: str, name: str) -> None:
    """Refuses a string holding a lone surrogate ("\\ud800" in JSON): it is no character, and no
    database or UTF-8 output can hold it."""
    if not isinstance(value, str):
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise BadInput(name, f"'{key}' holds a lone surrogate (\\u{ord(value[error.start]):04x}) at character "
                             f"{error.start + 1}: not valid Unicode") from None


def json_type(value: Any) -> str:
    """What a parsed JSON value is, in words: "an object", "an array", "a number", "null"…"""
    names = {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number",
             bool: "a boolean"}
    return names.get(type(value), "null")


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
        parsed = date.fromisoformat(value) if len(value) in (8, 10) else datetime.fromisoformat(value)
    except ValueError:
        raise BadInput(name, f"'published' is not an ISO 8601 date: {value[:40]!r}") from None
    if "-" not in value[:8]:  # the basic form ("20250821", "20250821T1015"): written out as the extended one
        return parsed.isoformat()
    return value


def _name(record: Any, position: int | None) -> str:
    if isinstance(record, dict) and record.get("id") is not None:
        shown = str(record["id"])
        return f"record {shown if len(shown) <= 60 else shown[:60] + '…'!r}"
    return f"record #{position}" if position is not None else "record"
