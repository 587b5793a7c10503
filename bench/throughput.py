"""Throughput of veille against bare spaCy on the same French articles, in one process.

    python bench/throughput.py [--rounds N] [--copies K] [--batch-size B]

The baseline is `spacy.load("fr_core_news_md")` then `list(nlp.pipe(texts, batch_size=B))`;
veille is `list(veille.analyze_many(records, batch_size=B))` over the same texts. Both models are
loaded and warmed up before any timing, the two runs alternate within each round (the order flips
every round so neither always runs on a warmer or cooler machine), and each run is timed with
time.perf_counter. The result that matters is the ratio of the two rates, not the rates themselves:
see bench/README.md.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from corpus import Source, real_articles  # bench/corpus.py, beside this script
from spacy.language import Language

import veille
from veille.nlp import models

MODEL = "fr_core_news_md"
TARGET = 0.8
WARM_UP = 3  # articles each side runs before timing: loads models, lexicons and lazy imports


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float
    articles: int
    tokens: int

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds


def corpus(originals: list[Source], copies: int) -> list[dict[str, Any]]:
    """`copies` rounds of every article, each copy made distinct by a short closing paragraph.

    Nothing in veille or spaCy caches by text today; the suffix makes sure nothing could.
    """
    records = []
    for copy in range(1, copies + 1):
        for number, source in enumerate(originals, start=1):
            serial = copy * 1000 + number
            suffix = f"\n\nRéférence de l'essai : copie {copy} de {source.ident}, dépêche n° {serial}."
            records.append({"id": f"{source.ident}#{copy}", "text": source.text.rstrip() + suffix,
                            "published": source.published})
    return records


def timed(work: Callable[[], int], articles: int) -> tuple[float, float]:
    """Wall-clock and CPU seconds taken by `work`.

    Garbage is collected first, so one run does not pay for the other's. The CPU time (this
    process, all threads) is a cross-check: on a shared machine another process can steal wall
    time from one run and not the other, but not CPU time.
    """
    gc.collect()
    cpu_start, start = time.process_time(), time.perf_counter()
    done = work()
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    if done != articles:
        raise SystemExit(f"expected {articles} results, got {done}")
    return seconds, cpu_seconds


def run_pipe(nlp: Language, texts: list[str], batch_size: int, tokens: int) -> Run:
    """A spaCy pipeline over the texts: bare spaCy, or veille's own pipeline without the stages."""
    return Run(*timed(lambda: len(list(nlp.pipe(texts, batch_size=batch_size))), len(texts)), len(texts), tokens)


def run_veille(records: list[dict[str, Any]], batch_size: int, tokens: int) -> Run:
    failures: list[veille.Failure] = []

    def work() -> int:
        results = list(veille.analyze_many(records, batch_size=batch_size))
        failures.extend(r for r in results if isinstance(r, veille.Failure))
        return len(results)

    seconds, cpu_seconds = timed(work, len(records))
    if failures:
        # A failed article skips the stages, which would flatter veille's rate.
        raise SystemExit(f"{len(failures)} veille failure(s), first: {failures[0].error}")
    return Run(seconds, cpu_seconds, len(records), tokens)


def count_tokens(nlp: Language | None, texts: list[str]) -> int:
    return sum(len(nlp.make_doc(text)) for text in texts) if nlp is not None else 0


def revision() -> str:
    """The commit of the veille package actually imported, and whether its files differ from it."""
    package = Path(veille.__file__).resolve().parent
    try:
        head = subprocess.run(["git", "-C", str(package), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(package), "status", "--porcelain", "--", "."],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return f"{package} (not in a git checkout)"
    return f"{head}{' + uncommitted changes' if dirty else ''} ({package})"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Articles/s of veille.analyze_many against bare spaCy nlp.pipe, same texts, one process.",
        epilog="example: python bench/throughput.py --rounds 3 --batch-size 16",
    )
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds, each running both sides (default 3)")
    parser.add_argument("--copies", type=int, default=None,
                        help="copies of the real articles (default: enough for about 100 articles)")
    parser.add_argument("--batch-size", type=int, default=16, help="batch_size for nlp.pipe and analyze_many")
    parser.add_argument("--only", choices=("spacy", "veille"), default=None,
                        help="time one side only (for profiling); no ratio is printed")
    parser.add_argument("--breakdown", action="store_true",
                        help="also time veille's own spaCy pipeline without the stages, to split the extra time")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.batch_size < 1 or (args.copies is not None and args.copies < 1):
        parser.error("--rounds, --copies and --batch-size must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    originals = real_articles()
    copies = args.copies or math.ceil(100 / len(originals))
    records = corpus(originals, copies)
    texts = [record["text"] for record in records]
    sides = ("spacy", "veille") if args.only is None else (args.only,)

    # Loading and warm-up, untimed. The warm-up texts are the originals, which the timed corpus
    # never contains verbatim (every timed text carries its suffix).
    warm = originals[:WARM_UP]
    nlp = spacy.load(MODEL) if "spacy" in sides else None
    veille_nlp = models.load("fr") if "veille" in sides else None
    if nlp is not None:
        list(nlp.pipe([s.text for s in warm], batch_size=args.batch_size))
    if veille_nlp is not None:
        list(veille.analyze_many([{"id": s.ident, "text": s.text, "published": s.published} for s in warm],
                                 batch_size=args.batch_size))
    # Tokens as each pipeline splits them (veille keeps elisions such as "qu’" whole).
    spacy_tokens = count_tokens(nlp, texts)
    veille_tokens = count_tokens(veille_nlp, texts)

    print(f"veille {revision()} | spaCy {spacy.__version__}, {MODEL} | Python {platform.python_version()}"
          f" | {os.cpu_count()} CPU(s)")
    print(f"corpus: {len(originals)} real articles x {copies} copies = {len(records)} articles, "
          f"{sum(len(t) for t in texts):,} characters; tokens: spaCy {spacy_tokens:,}, veille {veille_tokens:,}")
    print(f"batch size {args.batch_size}, {args.rounds} round(s), model load and warm-up excluded; "
          f"load average before: {_load()}")
    print()

    results: dict[str, list[Run]] = {"spacy": [], "veille": [], "parse": []}
    for number in range(args.rounds):
        # Flip the order each round: a side that always ran second would always inherit the
        # other's heap and caches.
        order = sides if number % 2 == 0 else tuple(reversed(sides))
        for side in order:
            if side == "spacy":
                assert nlp is not None
                results["spacy"].append(run_pipe(nlp, texts, args.batch_size, spacy_tokens))
            else:
                results["veille"].append(run_veille(records, args.batch_size, veille_tokens))
        if args.breakdown and veille_nlp is not None:
            results["parse"].append(run_pipe(veille_nlp, texts, args.batch_size, veille_tokens))

    report(results, args.rounds)
    print(f"load average after: {_load()} (other processes on the machine slow the wall-clock figures)")
    return 0


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def report(results: dict[str, list[Run]], rounds: int) -> None:
    spacy_runs, veille_runs, parse_runs = results["spacy"], results["veille"], results["parse"]
    both = bool(spacy_runs and veille_runs)
    header = ["round"]
    for name, runs in (("spaCy", spacy_runs), ("veille", veille_runs)):
        if runs:
            header += [f"{name} s", f"{name} art/s", f"{name} tok/s"]
    if parse_runs:
        header += ["v.parse art/s"]
    if both:
        header += ["ratio", "ratio(cpu)"]

    def cells(chosen: list[Run | None], ratio: float | None, cpu_ratio: float | None) -> list[str]:
        spacy_run, veille_run, parse_run = chosen
        row = []
        for run in (spacy_run, veille_run):
            if run is not None:
                row += [f"{run.seconds:.2f}", f"{run.articles_per_s:.1f}", f"{run.tokens_per_s:,.0f}"]
        if parse_run is not None:
            row += [f"{parse_run.articles_per_s:.1f}"]
        if ratio is not None and cpu_ratio is not None:
            row += [f"{ratio:.2f}", f"{cpu_ratio:.2f}"]
        return row

    def pick(runs: list[Run], number: int) -> Run | None:
        return runs[number] if runs else None

    ratios = [v.articles_per_s / s.articles_per_s for s, v in zip(spacy_runs, veille_runs, strict=False)]
    cpu_ratios = [s.cpu_seconds / v.cpu_seconds for s, v in zip(spacy_runs, veille_runs, strict=False)]
    rows = [[str(number + 1), *cells([pick(spacy_runs, number), pick(veille_runs, number), pick(parse_runs, number)],
                                     ratios[number] if both else None, cpu_ratios[number] if both else None)]
            for number in range(rounds)]
    rows.append(["median", *cells([_median_run(spacy_runs), _median_run(veille_runs), _median_run(parse_runs)],
                                  statistics.median(ratios) if both else None,
                                  statistics.median(cpu_ratios) if both else None)])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))
    print()
    spacy_median = _median_run(spacy_runs)
    parse_median = _median_run(parse_runs)
    if parse_median is not None and spacy_median is not None:
        print(f"veille's spaCy pipeline without the stages / bare spaCy (median): "
              f"{parse_median.articles_per_s / spacy_median.articles_per_s:.2f} (wall), "
              f"{spacy_median.cpu_seconds / parse_median.cpu_seconds:.2f} (CPU time)")
    if both:
        print(f"same ratio from CPU time (median): {statistics.median(cpu_ratios):.2f}")
        print(f"ratio veille/spacy (median of {rounds} rounds): {statistics.median(ratios):.2f} (target >= {TARGET})")


def _median_run(runs: list[Run]) -> Run | None:
    """A Run timed at the median of the rounds (for an odd number of rounds, its rates are the median rates)."""
    if not runs:
        return None
    seconds = statistics.median(r.seconds for r in runs)
    return Run(seconds, statistics.median(r.cpu_seconds for r in runs), runs[0].articles, runs[0].tokens)


if __name__ == "__main__":
    sys.exit(main())
