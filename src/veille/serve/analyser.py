"""The server's analyses, run in a worker process of their own.

spaCy and the stages hold Python's global lock while they work: analysed in the server's threads,
each posted article made every page and API read wait its turn (under 20 clients and an ingest,
the timeline's p95 was 4.9 s, bench/RESULTS.md). In a worker process they leave the server free to
read, and an analysis runs in that process's main thread, where the `max_seconds` clock works.
The worker starts with the first write and loads its model then, once; it is started again if it dies.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..errors import VeilleError
from ..model import Analysis


class AnalyserDown(VeilleError):
    """The worker process died (killed, or out of memory) during an analysis."""


class Analyser:
    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    async def analyse(self, fields: dict[str, Any]) -> Analysis:
        """`veille.analyze(**fields)` in the worker; its BadInput comes back as it was raised."""
        pool = self._executor()
        try:
            return await asyncio.get_running_loop().run_in_executor(pool, _analyse, fields)
        except BrokenProcessPool:
            self._drop(pool)
            raise AnalyserDown("the analysis stopped (its worker process died): try again") from None

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawned, not forked: a fork of a threaded server may inherit a lock some thread held
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            return self._pool

    def _drop(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None


def _analyse(fields: dict[str, Any]) -> Analysis:
    import veille

    return veille.analyze(**fields)
