"""Analyses in worker processes, results in input order (`analysis.analyze_records(workers=N)`).

Each worker is spawned once, loads its language's model once, and analyses chunks of articles with
the same pipeline as one process does: what goes in and out are Articles and Analyses (never a
spaCy Doc). A few chunks per worker are in flight at a time, so the input streams through and
memory stays flat however long it is. An article that kills its worker (a crash, the memory
killer) costs that article only: the chunks in flight are done again one article at a time in a
new pool, and the one that kills it again becomes a Failure.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Self

from .analysis import in_place
from .limits import Limits
from .model import Analysis, Article, Failure, Known

IN_FLIGHT = 3  # chunks per worker submitted ahead of the one being read
ORPHAN_CHECK = 1.0  # seconds between a worker's looks at whether its parent is alive
Result = Analysis | Failure


@dataclass
class _Chunk:
    items: list[Article | Failure]  # in input order
    stored: set[str]  # texts (sha256) the store holds: Known, not analysed
    todo: list[Article]
    future: Future[list[Result]] | None


class Workers:
    """A pool of analysing processes; use it as a context manager."""

    def __init__(self, workers: int, batch_size: int, limits: Limits) -> None:
        self.workers = max(1, workers)
        self.batch_size = batch_size
        self.limits = limits
        self._pool = self._new_pool()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def analyse(self, chunks: Iterable[list[Article | Failure]],
                known: Callable[[list[str]], set[str]] | None) -> Iterator[Result | Known]:
        """One result per item of `chunks`, in order: Failures pass through, Known for a stored text."""
        flight: deque[_Chunk] = deque()
        for items in chunks:
            for part in _split(items, self.batch_size):
                flight.append(self._submit(part, known))
                while len(flight) > self.workers * IN_FLIGHT:
                    yield from self._emit(flight)
        while flight:
            yield from self._emit(flight)

    def _submit(self, items: list[Article | Failure], known: Callable[[list[str]], set[str]] | None) -> _Chunk:
        articles = [item for item in items if isinstance(item, Article)]
        stored = known([a.sha256 for a in articles]) if known and articles else set()
        todo = [a for a in articles if a.sha256 not in stored]
        future = self._pool.submit(_analyse_chunk, todo, self.batch_size, self.limits) if todo else None
        return _Chunk(items, stored, todo, future)

    def _emit(self, flight: deque[_Chunk]) -> Iterator[Result | Known]:
        chunk = flight[0]
        try:
            results = chunk.future.result() if chunk.future is not None else []
        except BrokenProcessPool:
            self._recover(flight)
            return
        flight.popleft()
        yield from in_place(chunk.items, chunk.stored, iter(results))

    def _recover(self, flight: deque[_Chunk]) -> None:
        """A worker died: every chunk in flight is done again in a new pool, one article at a time,
        and an article that kills a worker again becomes a Failure."""
        self._restart()
        for chunk in flight:
            results: list[Result] = []
            for article in chunk.todo:
                try:
                    results += self._pool.submit(_analyse_chunk, [article], 1, self.limits).result()
                except BrokenProcessPool:
                    results.append(Failure(article.id, f"record {article.id!r}: its analysis killed the worker "
                                                       "process (a crash, or out of memory)"))
                    self._restart()
            done: Future[list[Result]] = Future()
            done.set_result(results)
            chunk.future = done

    def _restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_quiet, initargs=(os.getpid(),))


def _split(items: list[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    """`items` in parts of at most `size` articles, so that a short input still feeds every worker."""
    part: list[Article | Failure] = []
    count = 0
    for item in items:
        part.append(item)
        count += isinstance(item, Article)
        if count >= size:
            yield part
            part, count = [], 0
    if part:
        yield part


def _quiet(parent: int) -> None:
    """Ctrl+C is the parent's to handle: it stops the pool. A worker whose parent died (SIGKILL,
    the memory killer), even before it started, ends too, rather than wait for work forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(ORPHAN_CHECK)
        os._exit(1)

    threading.Thread(target=watch, name="veille-orphan-watch", daemon=True).start()


def _analyse_chunk(articles: list[Article], batch_size: int, limits: Limits) -> list[Result]:
    from .nlp import pipeline

    return list(pipeline.run(articles, batch_size, limits))
