"""How much one article may cost: characters, and seconds of analysis.

    >>> analyze_many(records, limits=Limits(max_chars=50_000, max_seconds=20))

A text over `max_chars` is refused before it is parsed, with a one-line error naming it, never cut.
An analysis that runs over `max_seconds` is stopped and its article refused the same way; the clock
needs a Unix signal, so it runs in a process's main thread (the CLI) and not in a server's worker
threads, where `max_chars` bounds the work instead (every stage is linear in the text's length).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

MAX_CHARS = 200_000  # four times the longest news article we have met; spaCy refuses 1,000,000
MAX_SECONDS = 60.0  # an article of MAX_CHARS takes about 15 s on one core here


@dataclass(frozen=True)
class Limits:
    max_chars: int = MAX_CHARS
    max_seconds: float | None = MAX_SECONDS  # None: no clock


class TooSlow(Exception):
    """Raised inside an analysis that ran out of time."""


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raises TooSlow inside the block once `seconds` have passed, in the main thread of a Unix
    process; elsewhere (or with None) the block runs unbounded."""
    usable = (seconds is not None and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    assert seconds is not None
    previous = signal.signal(signal.SIGALRM, _out_of_time)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _out_of_time(signum: int, frame: Any) -> None:
    raise TooSlow()
