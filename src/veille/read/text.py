"""Bytes of a plain-text file to str: French news comes as UTF-8 or, from older systems, Windows-1252."""

from __future__ import annotations

import codecs
import unicodedata

# Share of control characters above which decoded bytes are taken for binary data, not prose.
CONTROL_SHARE = 0.01
WHITESPACE_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


class NotText(ValueError):
    """The bytes are not a text file; the message says why, in a few words."""


def decode(data: bytes) -> str:
    """The text of `data`, or NotText.

    UTF-8 is tried first because a Windows-1252 file almost never happens to be valid UTF-8,
    while the reverse decodes without error into mojibake ("Ã©"). Windows-1252 is a superset of
    Latin-1 for every printable character, so it reads both; its five undefined bytes mark data
    that is neither. A UTF-16 file announces itself with a byte-order mark.
    """
    if not data.strip():
        raise NotText("empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise NotText("binary file, not text") from None
    if b"\x00" in data:
        raise NotText("binary file, not text")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return _checked(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise NotText("binary file, not text")


def _checked(text: str) -> str:
    """`text` unless control characters say the bytes were never text."""
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in WHITESPACE_CONTROLS)
    if controls > CONTROL_SHARE * len(text):
        raise NotText("binary file, not text")
    if not text.strip():
        raise NotText("empty file")
    return text
