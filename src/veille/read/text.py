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
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _checked(data.decode(utf16))
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


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes read as UTF-16 text without a byte-order mark: in
    Latin-script text nearly every other byte is zero, on the same side; else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    threshold = 0.9 * len(even)
    if odd.count(0) >= threshold and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= threshold and odd.count(0) == 0:
        return "utf-16-be"
    return None


def binary_like(text: str) -> bool:
    """Whether control characters (other than whitespace) say the text was never text."""
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in WHITESPACE_CONTROLS)
    return controls > CONTROL_SHARE * len(text)


def _checked(text: str) -> str:
    """`text` unless control characters say the bytes were never text."""
    if binary_like(text):
        raise NotText("binary file, not text")
    if not text.strip():
        raise NotText("empty file")
    return text
