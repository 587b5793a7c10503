"""Paths to input records in the contract's shape, in order, each unreadable thing a Failure in its place.

    >>> records = read_paths(["dev.jsonl", "articles/"], published="2025-08-21")

A `.jsonl` file (or `.jsonl.gz`, read as it is decompressed) gives one record a line, a `.txt` or
`.html` file one record named after the file,
a folder its files of those kinds in name order, and `-` the JSON Lines on standard input.
Reading never stops at a bad file or line: the caller decides what a Failure costs.
"""

from __future__ import annotations

import errno
import gzip
import json
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..model import Failure
from .records import MAX_ID_CHARS, json_type
from .text import NotText, decode
from .web import Fetcher, FetchError

Record = dict[str, Any]
STDIN = "-"
WEB = re.compile(r"https?://", re.IGNORECASE)
TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
GZIP_JSONL = ".jsonl.gz"  # JSON Lines compressed with gzip, read as they are decompressed
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def read_paths(paths: Iterable[str | Path], published: str | None = None, language: str | None = None,
               stdin: IO[bytes] | None = None, contact: str | None = None) -> Iterator[Record | Failure]:
    """Records (or Failures) from files, folders, `-` (stdin) and http(s) URLs of article pages, in
    the order given.

    `published` and `language` fill records that do not carry their own: a JSON Lines record's
    fields, or the date and language an HTML page states, win over them. Pages are fetched
    politely (`web.Fetcher`), naming `contact` in the User-Agent.
    """
    defaults = {"published": published, "language": language}
    fetcher: Fetcher | None = None
    try:
        for path in paths:
            if WEB.match(str(path)):
                fetcher = fetcher or Fetcher(contact)
                items: Iterable[Record | Failure] = read_url(str(path), fetcher)
            else:
                items = _read_one(path, stdin)
            for item in items:
                yield item if isinstance(item, Failure) else _fill(item, defaults)
    finally:
        if fetcher is not None:
            fetcher.close()


def read_url(url: str, fetcher: Fetcher) -> Iterator[Record | Failure]:
    """The record of the article page at `url`: its body, and what the page states of itself (its
    canonical URL, title, outlet, date; a date later than the fetch is no date)."""
    try:
        page = fetcher.get(url)
        assert page is not None  # an unconditional request always has a page
        fields = _html_fields(page.data)
    except (FetchError, NotText) as error:
        yield Failure(url if len(url) <= MAX_ID_CHARS else url[:MAX_ID_CHARS], f"{url}: {error}",
                      transient=getattr(error, "transient", False))
        return
    fields["url"] = fields.get("url") or page.url
    published = fields.get("published")
    if isinstance(published, str) and published[:10] > page.fetched_at.date().isoformat():
        del fields["published"]
    yield {"id": url if len(url) <= MAX_ID_CHARS else None, **fields, "fetched_at": page.fetched_at.isoformat()}


def read_jsonl(stream: Iterable[bytes], name: str) -> Iterator[Record | Failure]:
    """One record per non-blank line of `stream`; a line that is not a JSON object is a Failure."""
    for number, raw in enumerate(stream, start=1):
        where = f"{name} line {number}"
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8").rstrip("\r\n")
        except UnicodeDecodeError as error:
            yield Failure(f"{name}:{number}", f"{where}: not UTF-8 text (byte {error.start + 1})")
            continue
        if line.strip():
            yield read_line(line, where, f"{name}:{number}")


def read_line(line: str, where: str, ident: str) -> Record | Failure:
    """The record of one JSON line, or a Failure named `ident` saying `where` it went wrong."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Failure(ident, f"{where}: not JSON: {error.msg.removesuffix(' at')} at column {error.colno}")
    except RecursionError:
        return Failure(ident, f"{where}: JSON nested too deeply to read")
    if not isinstance(record, dict):
        return Failure(ident, f"{where}: not a JSON object but {json_type(record)}")
    if record.get("text") is None:
        # Caught here rather than by records.to_article because only the reader knows the line.
        named = str(record["id"]) if record.get("id") is not None else ident
        return Failure(named, f"{where}: the record has no text")
    return record


def read_file(path: Path) -> Iterator[Record | Failure]:
    """The records of one file, chosen by its extension."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES or path.name.lower().endswith(GZIP_JSONL):
        yield from _read_jsonl_file(path)
        return
    ident = path.stem
    if suffix not in SUFFIXES:
        yield Failure(ident, f"{path}: cannot read {suffix or 'files without extension'}: "
                             f"give {', '.join(sorted(SUFFIXES))} or {GZIP_JSONL} files")
        return
    try:
        data = path.read_bytes()
        fields = _html_fields(data) if suffix in HTML_SUFFIXES else {"text": decode(data)}
    except OSError as error:
        yield Failure(ident, f"{path}: cannot read: {error.strerror or error}")
        return
    except NotText as error:
        yield Failure(ident, f"{path}: {error}")
        return
    yield {"id": ident, **fields, "path": str(path)}


def folder_files(folder: Path) -> list[Path]:
    """The files of `folder` veille reads, in name order so that runs are repeatable."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and (p.suffix.lower() in SUFFIXES or p.name.lower().endswith(GZIP_JSONL)))


def _read_one(path: str | Path, stdin: IO[bytes] | None) -> Iterator[Record | Failure]:
    if str(path) == STDIN:
        yield from read_jsonl(stdin if stdin is not None else sys.stdin.buffer, "<stdin>")
        return
    path = Path(path)
    unreadable = _not_a_file(path)
    if unreadable:
        yield Failure(path.stem or str(path), f"{path}: {unreadable}")
    elif path.is_dir():
        files = folder_files(path)
        if not files:
            yield Failure(str(path), f"{path}: folder holds no {', '.join(sorted(SUFFIXES))} files")
        for file in files:
            yield from read_file(file)
    else:
        yield from read_file(path)


def _not_a_file(path: Path) -> str | None:
    """Why `path` is neither a regular file nor a folder (checked before anything opens it: a named
    pipe or a device would block or never end); None when it is one."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a loop of symbolic links"
        if path.is_symlink():
            return "a symbolic link to nothing (its target does not exist)"
        if error.errno == errno.ENOENT:
            return "no such file or folder"
        return f"cannot read: {error.strerror or error}"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = ("a named pipe" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "a special file")
    return f"not a regular file but {kind}"


def _read_jsonl_file(path: Path) -> Iterator[Record | Failure]:
    seen = False
    try:
        with _open_jsonl(path) as stream:
            for item in read_jsonl(stream, str(path)):
                seen = True
                yield item
    except (OSError, EOFError, zlib.error) as error:
        reason = getattr(error, "strerror", None) or error
        yield Failure(str(path), f"{path}: cannot read{' the rest' if seen else ''}: {reason}")
        return
    if not seen:
        yield Failure(str(path), f"{path}: empty file")


def _open_jsonl(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.lower().endswith(GZIP_JSONL) else path.open("rb")


def _html_fields(data: bytes) -> Record:
    from . import html  # trafilatura takes a fifth of a second to import; only HTML needs it

    return html.extract(data)


def _fill(record: Record, defaults: dict[str, str | None]) -> Record:
    for key, value in defaults.items():
        if value is not None and record.get(key) in (None, ""):
            record[key] = value
    return record

