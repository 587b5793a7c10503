"""A progress bar on the terminal for the long commands (`analyze`, `ingest`): articles done, their
rate and, when the input can be counted beforehand, the time left. Quiet when standard error is not
a terminal (a pipe, a file, cron), so logs hold only what matters."""

from __future__ import annotations

import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .read.files import GZIP_JSONL, JSONL_SUFFIXES, STDIN, WEB, folder_files

BLOCK = 1 << 20


@contextmanager
def bar(paths: Iterable[str | Path], doing: str) -> Iterator[Callable[[str], None]]:
    """A function to call once per article done, with a word for its outcome ("stored", "failed"…)."""
    if not sys.stderr.isatty():
        yield lambda outcome: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    total = count_records(paths)
    counts: dict[str, int] = {}
    columns = (SpinnerColumn(), TextColumn(f"{doing}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
               TextColumn("{task.fields[counts]}"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(doing, total=total, rate="", counts="")

        def advance(outcome: str) -> None:
            counts[outcome] = counts.get(outcome, 0) + 1
            speed = progress.tasks[0].speed
            progress.update(task, advance=1, rate=f"{speed:.1f} articles/s" if speed else "",
                            counts=", ".join(f"{n} {word}" for word, n in counts.items()))
        yield advance


def count_records(paths: Iterable[str | Path]) -> int | None:
    """How many records the inputs hold, counting JSON Lines by their lines; None when some input
    cannot be counted beforehand (standard input, a page to fetch)."""
    total = 0
    for path in paths:
        if str(path) == STDIN or WEB.match(str(path)):
            return None
        path = Path(path)
        try:
            files = folder_files(path) if path.is_dir() else [path]
            total += sum(_lines(file) if _is_jsonl(file) else 1 for file in files)
        except (OSError, EOFError, zlib.error):
            total += 1  # unreadable: it will be one failure
    return total


def _is_jsonl(path: Path) -> bool:
    return path.suffix.lower() in JSONL_SUFFIXES or path.name.lower().endswith(GZIP_JSONL)


def _lines(path: Path) -> int:
    import gzip

    opener = gzip.open if path.name.lower().endswith(GZIP_JSONL) else open
    count, last = 0, b"\n"
    with opener(path, "rb") as stream:
        while block := stream.read(BLOCK):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")
