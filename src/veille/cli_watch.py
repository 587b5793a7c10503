"""The CLI's watching commands: `veille sources add|list|remove` and `veille watch` (cli.py adds them)."""

from __future__ import annotations

import re
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from . import render, settings
from .cli import Db, QueryFormat, _errors, _message, _report_outcome
from .errors import BadSettings

if TYPE_CHECKING:
    from .store import Outcome

sources_app = typer.Typer(help="The feeds, sitemaps and pages `veille watch` follows.", no_args_is_help=True)
SOURCE_COLUMNS = ("name", "kind", "url", "every", "last_success", "next_try", "found", "last_error")
DURATION = re.compile(r"(\d+)\s*([smhd])")
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
T = TypeVar("T")


def seconds(text: str) -> int:
    """ "15m" → 900; "1h30m" → 5400. BadSettings for anything else."""
    parts = DURATION.findall(text.strip().lower())
    if not parts or DURATION.sub("", text.strip().lower()).strip():
        raise BadSettings(f"--every {text!r}: give a duration such as 30s, 15m, 2h or 1d")
    total = sum(int(n) * UNITS[unit] for n, unit in parts)
    if total < 60:
        raise BadSettings(f"--every {text!r}: a source is read at most once a minute")
    return total


@sources_app.command("add", epilog="Example: veille sources add https://www.example.org/rss.xml --every 15m")
def add(url: Annotated[str, typer.Argument(help="An RSS or Atom feed, a news sitemap, or a page (read once).",
                                           show_default=False)],
        name: Annotated[str | None, typer.Option(help="What to call it [default: the site's name]",
                                                 show_default=False)] = None,
        every: Annotated[str, typer.Option(help="How often to read it: 30m, 2h, 1d…")] = "15m",
        db: Db = None) -> None:
    """Follow a feed, a sitemap or a page: it is fetched once now to tell which it is."""
    from .store import sources
    from .watching import default_name, detect

    with _errors():
        config = settings.load({"db": db})
        interval = seconds(every)
        kind = _detect(detect, url, config.contact)
        row = in_store(config.db, lambda conn: sources.add(conn, name or default_name(url), url, kind, interval),
                       "cannot add the source")
    _message(f"following {row['name']} ({kind}, every {every}): `veille watch` reads it")


@sources_app.command("list", epilog="Example: veille sources list --format csv")
def list_sources(db: Db = None, format: QueryFormat = None) -> None:
    """List the sources: kind, last success, next try, articles found and the last error."""
    from .store import sources

    with _errors():
        found = in_store(settings.load({"db": db}).db, sources.listing)
    render.rows(found, format or render.default_format(), SOURCE_COLUMNS, sys.stdout, title="Sources")


@sources_app.command("remove", epilog="Example: veille sources remove www.example.org")
def remove(name: Annotated[str, typer.Argument(help="The source's name.", show_default=False)],
           db: Db = None) -> None:
    """Stop following a source (the articles it gave stay stored)."""
    from .store import sources

    with _errors():
        gone = in_store(settings.load({"db": db}).db, lambda conn: sources.remove(conn, name), "cannot remove the source")
    if not gone:
        _message(f"error: no source named {name!r} (see veille sources list)")
        raise typer.Exit(1)
    _message(f"no longer following {name}")


def in_store(db: str, work: Callable[[Any], T], writing: str | None = None) -> T:
    """`work(conn)` on the store at `db`: in a write transaction when `writing` (what it does, for an
    error) is given, else on a reading connection."""
    from .store.db import open_engine, write

    engine = open_engine(db, create=writing is not None)
    try:
        if writing is not None:
            return write(engine, writing, work)
        with engine.connect() as conn:
            return work(conn)
    finally:
        engine.dispose()


def watch(once: Annotated[bool, typer.Option("--once", help="One pass over the due sources, then exit.")] = False,
          db: Db = None) -> None:
    """Read the sources that are due, store their new articles, and go on until Ctrl+C or SIGTERM
    (which stop it between articles). On a terminal, a line shows how the pass goes."""
    from .watching import watch_once

    stop: list[int] = []
    if not once:
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda number, frame: stop.append(number))
    with _errors():
        config = settings.load({"db": db})
        while True:
            with _progress_line() as on_outcome:
                report = watch_once(config.db, config.contact, config.limits, on_outcome=on_outcome,
                                    stopping=lambda: bool(stop), interval=config.host_interval)
            for error in report.errors:
                _message(f"error: {error}")
            if report.read or once:
                _message(report.summary())
            if once or stop:
                break
            _pause(stop)


@contextmanager
def _progress_line() -> Iterator[Callable[[Outcome], None]]:
    """Reports each page's outcome: refusals as lines, and on a terminal a live count of the pass."""
    if not sys.stderr.isatty():
        yield _report_outcome
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    counts = {"stored": 0, "already stored": 0, "failed": 0}
    columns = (SpinnerColumn(), TextColumn("watching: {task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("reading the sources that are due")

        def advance(outcome: Outcome) -> None:
            counts[outcome.status] += 1
            if outcome.status == "failed":
                progress.console.print(f"veille: error: {outcome.error}", markup=False, highlight=False)
            progress.update(task, description=f"{counts['stored']} new, {counts['already stored']} known, "
                                              f"{counts['failed']} refused · {outcome.id[:60]}")
        yield advance


def _pause(stop: list[Any], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not stop and time.monotonic() < deadline:
        time.sleep(0.5)


def _detect(detect: Any, url: str, contact: str | None) -> str:
    from .errors import BadInput
    from .read.web import FetchError

    try:
        return str(detect(url, contact))
    except FetchError as error:
        raise BadInput(url, str(error)) from None
