"""Files in, analyses out or into the store: the work behind `veille analyze`, `ingest` and `demo`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import IO

from . import analyze_many, store
from .limits import Limits
from .model import Analysis, Failure
from .read.files import read_paths
from .store import IngestReport, Outcome

SAMPLE = "samples/sample.jsonl"


def analyse_paths(paths: Iterable[str | Path], published: str | None = None, language: str | None = None,
                  batch_size: int = 16, stdin: IO[bytes] | None = None, limits: Limits | None = None,
                  contact: str | None = None, workers: int = 1) -> Iterator[Analysis | Failure]:
    """One result per input record of `paths` (files, folders, `-`, URLs of article pages), in order;
    unreadable files, pages and lines come out as Failures. `workers`: processes analysing at once."""
    records = read_paths(paths, published=published, language=language, stdin=stdin, contact=contact)
    # analyze_many passes Failures through in their place, so reading errors keep the input order.
    return analyze_many(records, batch_size=batch_size, limits=limits, workers=workers)  # type: ignore[arg-type]


def ingest_paths(paths: Iterable[str | Path], url: str | None = None, published: str | None = None,
                 language: str | None = None, batch_size: int = 16, limits: Limits | None = None,
                 on_outcome: Callable[[Outcome], None] | None = None, contact: str | None = None,
                 workers: int = 1) -> IngestReport:
    """Analyses the records of `paths` (in `workers` processes) and stores them from this one, a
    batch of `batch_size` per transaction; reports each one as it is written. A text the store holds
    already is not parsed again."""
    from .analysis import analyze_records

    records = read_paths(paths, published=published, language=language, contact=contact)
    with store.stored_texts(url) as known:
        results = analyze_records(records, batch_size=batch_size, limits=limits or Limits(), known=known,
                                  workers=workers)
        return store.ingest(results, url, batch_size=batch_size, on_outcome=on_outcome)


def demo(url: str | None = None, on_outcome: Callable[[Outcome], None] | None = None) -> IngestReport:
    """Ingests the articles shipped with veille (a NATO seed article and six French news stories)."""
    with resources.as_file(resources.files("veille").joinpath(SAMPLE)) as sample:
        return ingest_paths([sample], url, on_outcome=on_outcome)
