"""Whole-command throughput of `veille ingest` at 1 and N workers, and on a local Ray instance,
against bare spaCy (`nlp.pipe`, with `n_process` for N) on the same real-length texts, start-up
and store included; and the memory of each worker over a long run.

    python bench/scaling.py [--copies 8] [--workers 2] [--rounds 3] [--ray] [--long 600]

Each round runs every command as a fresh process, in turn (veille, then spaCy, for each process
count), so a drift of the machine's speed touches both sides of a ratio alike; the medians over the
rounds are reported, and each ratio is spaCy's time over veille's (1.0: veille costs no more than
the parse alone). The corpus is bench/corpus.py's real articles, `--copies` times, each copy made
distinct. `--long N` then analyses N articles with `veille analyze --workers` while reading each
worker's resident memory every second: its peak, and its size a quarter of the way in and at the
end (flat: about equal).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import real_articles  # bench/corpus.py, beside this script
from throughput import corpus

PYTHON = sys.executable
SPACY = """
import json, sys, spacy
nlp = spacy.load("fr_core_news_md")
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
n = int(sys.argv[2])
docs = sum(1 for _ in nlp.pipe(texts, batch_size=16, n_process=n))
assert docs == len(texts)
"""


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def veille_ingest(path: Path, scratch: Path, workers: int, engine: str = "local") -> list[str]:
    db = scratch / f"run-{time.monotonic_ns()}.db"
    return [PYTHON, "-m", "veille", "ingest", str(path), "--db", f"sqlite:///{db}", "--workers", str(workers),
            "--engine", engine]


def bare_spacy(path: Path, workers: int) -> list[str]:
    return [PYTHON, "-c", SPACY, str(path), str(workers)]


def memory_over_time(path: Path, workers: int) -> list[dict[str, float]]:
    """Each worker's resident memory (MiB): peak, at a quarter of the run, at the end."""
    command = [PYTHON, "-m", "veille", "analyze", str(path), "--format", "jsonl", "--workers", str(workers)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    samples: dict[int, list[float]] = {}
    while process.poll() is None:
        for child in _children(process.pid):
            size = _resident(child)
            if size is not None and _is_worker(child):
                samples.setdefault(child, []).append(size)
        time.sleep(1.0)
    found = []
    for series in samples.values():
        if len(series) >= 4:
            found.append({"peak": max(series), "quarter": series[len(series) // 4], "end": series[-2]})
    return found


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(x) for x in task.read_text().split()]
        except OSError:
            continue
    return found


def _is_worker(pid: int) -> bool:
    try:
        return b"multiprocessing.spawn" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _resident(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=8, help="rounds of the real articles in the corpus")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="N, the parallel process count")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--ray", action="store_true", help="also time --engine ray (needs veille[ray])")
    parser.add_argument("--long", type=int, default=0, help="articles of the memory run (0: none)")
    args = parser.parse_args(argv)
    originals = real_articles()
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        path = scratch / "corpus.jsonl"
        records = corpus(originals, args.copies)
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        sides = {f"veille ingest, {n} worker(s)": (n, "local") for n in sorted({1, args.workers})}
        if args.ray:
            sides[f"veille ingest --engine ray, {args.workers} actor(s)"] = (args.workers, "ray")
        times: dict[str, list[float]] = {name: [] for name in sides}
        spacy_times: dict[int, list[float]] = {n: [] for n, _ in sides.values()}
        for _ in range(args.rounds):
            for name, (n, engine) in sides.items():
                times[name].append(timed(veille_ingest(path, scratch, n, engine)))
                spacy_times[n].append(timed(bare_spacy(path, n)))
        print(f"# Ingest against bare spaCy: {len(records)} articles, {args.rounds} rounds, median seconds")
        print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}\n")
        print("| command | veille s | spaCy nlp.pipe s (same processes) | ratio spaCy/veille | articles/s |")
        print("|---|---|---|---|---|")
        for name, (n, _) in sides.items():
            ours, theirs = statistics.median(times[name]), statistics.median(spacy_times[n])
            print(f"| {name} | {ours:.1f} | {theirs:.1f} | {theirs / ours:.2f} | {len(records) / ours:.1f} |")
        if args.long:
            long_path = scratch / "long.jsonl"
            long_records = corpus(originals, -(-args.long // len(originals)))[:args.long]
            long_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in long_records),
                                 encoding="utf-8")
            print(f"\n# Memory of each worker, `veille analyze --workers {args.workers}` on {args.long} articles (MiB)\n")
            print("| worker | peak | a quarter in | at the end |")
            print("|---|---|---|---|")
            for number, worker in enumerate(memory_over_time(long_path, args.workers), start=1):
                print(f"| {number} | {worker['peak']:.0f} | {worker['quarter']:.0f} | {worker['end']:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
