"""Cost per article of `veille analyze --workers N` over a long input: does it stay flat from the
first thousand articles to the tenth?

    python bench/analysis_cost.py [--articles 10000] [--segment 1000] [--workers 2]

The input is bench/corpus.py's real articles repeated until `--articles`, each copy made distinct
(bench/throughput.py's `corpus`), written as JSON Lines. One `veille analyze` process reads it and
writes one analysis a line; this script notes when each line arrives. Start-up (the time to the
first line: process start, the workers' model loads, the first chunks) is reported apart; then each
segment of `--segment` lines is timed, and the cost per article of the last segment over the first
says whether analysis stays linear (about 1) or grows with what it has already done.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import real_articles  # bench/corpus.py, beside this script
from throughput import corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--segment", type=int, default=1_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args(argv)
    originals = real_articles()
    records = corpus(originals, -(-args.articles // len(originals)))[:args.articles]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        command = [sys.executable, "-m", "veille", "analyze", str(path), "--format", "jsonl",
                   "--workers", str(args.workers)]
        print(f"# Analysis cost per article: {args.articles:,} articles, segments of {args.segment:,}, "
              f"{args.workers} workers")
        print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}\n")
        print("| articles analysed | segment s | ms per article |")
        print("|---|---|---|", flush=True)
        started = time.perf_counter()
        marks: list[float] = []
        costs: list[float] = []
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as process:
            assert process.stdout is not None
            for count, _ in enumerate(process.stdout, start=1):
                if count == 1 or count % args.segment == 0:
                    marks.append(time.perf_counter())
                if count % args.segment == 0:  # each row as it comes: a long run can be read before its end
                    lines = args.segment - 1 if len(marks) == 2 else args.segment  # the first from line 1
                    costs.append((marks[-1] - marks[-2]) / lines)
                    print(f"| {count:,} | {marks[-1] - marks[-2]:.1f} | {costs[-1] * 1000:.1f} |", flush=True)
        ended = time.perf_counter()
    print(f"\nstart-up (to the first analysis): {marks[0] - started:.1f} s; whole run {ended - started:.1f} s")
    if len(costs) > 1:
        print(f"last segment / first segment, cost per article: {costs[-1] / costs[0]:.2f} (linear: about 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
