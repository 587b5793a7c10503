"""Concurrent readers and writers against a real server on loopback, with an ingest beside them.

    python bench/load.py [--seconds 60] [--clients 20] [--writes 0.1] [--ingest 200] [--db URL]

A store is made with `veille demo` (or `--db` names one, PostgreSQL included), `veille serve` runs
on it with a token, and `--clients` threads each loop until `--seconds` have passed: a share
`--writes` of their requests are `POST /api/articles` of a new text (a paragraph of the bundled
sample with a unique closing line), the rest reads of the API and the dashboard's pages. Beside them
a `veille ingest` of `--ingest` new articles writes to the same store. Then the store is checked:
every article the server accepted (201) is stored exactly once, and so is every ingested one.

It prints each kind of request's count and p50/p95 latency, every status that is not 2xx, and
the checks; it exits 1 when any check fails. tests/serve/test_load.py runs it briefly in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import httpx
from sqlalchemy import create_engine, func, select

from veille.read.records import body_hash
from veille.store.schema import articles

TOKEN = "load-test-token"
READS = (  # what a reader asks for, API and pages alike
    "/api/articles", "/api/quotes", "/api/actors", "/api/events", "/api/stances", "/api/stories",
    "/api/quotes?speaker=Lavrov", "/", "/?q=Ukraine", "/timeline", "/map", "/actors", "/quotes",
)


@dataclass
class Report:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)
    accepted: list[str] = field(default_factory=list)  # sha256 of each text the server stored (201)
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, status: int, seconds: float) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            self.statuses[(kind, status)] += 1

    def read_p95(self) -> float:
        reads = [s for kind, values in self.latencies.items() if kind != "POST" for s in values]
        return percentile(reads, 0.95)

    def errors(self) -> dict[str, int]:
        """Every answer that is neither 2xx nor a write's expected 200 (already stored), by status."""
        return {f"{kind} {status}": n for (kind, status), n in self.statuses.items() if status >= 300}


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def paragraphs() -> list[str]:
    """The bundled sample's paragraphs of some length: realistic text to post."""
    sample = resources.files("veille").joinpath("samples/sample.jsonl").read_text(encoding="utf-8")
    found = []
    for line in sample.splitlines():
        text = json.loads(line)["text"]
        found.extend(p for p in text.split("\n") if len(p) > 200)
    return found


def new_text(pool: list[str], rng: random.Random, label: str) -> str:
    return "\n".join(rng.sample(pool, 2)) + f"\nRéférence de l'essai : {label}."


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def server(url: str) -> Iterator[str]:
    """`veille serve` on `url` at a free loopback port, with writes on; yields its base URL."""
    port = free_port()
    env = {**os.environ, "VEILLE_API_TOKEN": TOKEN}
    process = subprocess.Popen([sys.executable, "-m", "veille", "serve", "--db", url, "--port", str(port)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/api/articles?limit=1", timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"the server did not start: {process.stderr.read() if process.stderr else ''}")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def client(base: str, until: float, writes: float, seed: int, pool: list[str], report: Report) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=120) as http:
        count = 0
        while time.monotonic() < until:
            count += 1
            try:
                if rng.random() < writes:
                    text = new_text(pool, rng, f"client {seed}, texte {count}")
                    started = time.perf_counter()
                    answer = http.post("/api/articles", json={"text": text, "published": "2025-08-21"},
                                       headers={"Authorization": f"Bearer {TOKEN}"})
                    report.record("POST", answer.status_code, time.perf_counter() - started)
                    if answer.status_code == 201:
                        with report.lock:
                            report.accepted.append(body_hash(text))
                else:
                    path = rng.choice(READS)
                    started = time.perf_counter()
                    answer = http.get(path)
                    report.record(path, answer.status_code, time.perf_counter() - started)
            except httpx.HTTPError as error:
                with report.lock:
                    report.failures.append(f"{type(error).__name__}: {error}")


def ingest_file(folder: Path, count: int, pool: list[str]) -> tuple[Path, list[str]]:
    rng = random.Random(20251205)
    path = folder / "ingest.jsonl"
    hashes = []
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            text = new_text(pool, rng, f"ingestion, texte {n}")
            hashes.append(body_hash(text))
            out.write(json.dumps({"id": f"ingest-{n}", "text": text, "published": "2025-08-21"},
                                 ensure_ascii=False) + "\n")
    return path, hashes


def run(url: str, seconds: float, clients: int, writes: float, ingest: int) -> tuple[Report, list[str]]:
    """Runs the load; returns its report and the problems found in the store afterwards."""
    pool = paragraphs()
    report = Report()
    problems = []
    with tempfile.TemporaryDirectory() as tmp, server(url) as base:
        path, ingested = ingest_file(Path(tmp), ingest, pool)
        ingesting = subprocess.Popen([sys.executable, "-m", "veille", "ingest", str(path), "--db", url],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        until = time.monotonic() + seconds
        threads = [threading.Thread(target=client, args=(base, until, writes, seed, pool, report))
                   for seed in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        _, errors = ingesting.communicate(timeout=max(600, 10 * ingest))
        if ingesting.returncode != 0:
            problems.append(f"the ingest beside the server exited {ingesting.returncode}: {errors.strip()[-500:]}")
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            counts = dict(conn.execute(select(articles.c.sha256, func.count()).group_by(articles.c.sha256)).all())
    finally:
        engine.dispose()
    for label, hashes in (("accepted by the server", report.accepted), ("ingested", ingested)):
        missing = sum(1 for sha in hashes if counts.get(sha, 0) == 0)
        doubled = sum(1 for sha in hashes if counts.get(sha, 0) > 1)
        if missing or doubled:
            problems.append(f"of {len(hashes)} articles {label}, {missing} missing and {doubled} stored twice")
    if report.errors():
        problems.append(f"answers that are not 2xx: {report.errors()}")
    if report.failures:
        problems.append(f"{len(report.failures)} requests failed, e.g. {report.failures[0]}")
    return report, problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--writes", type=float, default=0.1, help="share of requests that are POSTs")
    parser.add_argument("--ingest", type=int, default=200, help="articles ingested beside the server")
    parser.add_argument("--db", help="a store URL (default: a new SQLite store made with veille demo)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{tmp}/load.db"
        subprocess.run([sys.executable, "-m", "veille", "demo", "--db", url], check=True, stdout=subprocess.DEVNULL)
        report, problems = run(url, args.seconds, args.clients, args.writes, args.ingest)
    print(f"{args.clients} clients for {args.seconds:.0f} s, {args.writes:.0%} writes, "
          f"{args.ingest} articles ingested beside them")
    print(f"{'request':<28} {'count':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for kind, values in sorted(report.latencies.items()):
        print(f"{kind:<28} {len(values):>6} {statistics.median(values) * 1000:>8.0f} "
              f"{percentile(values, 0.95) * 1000:>8.0f}")
    print(f"reads p95: {report.read_p95() * 1000:.0f} ms; accepted writes: {len(report.accepted)}")
    for problem in problems:
        print(f"PROBLEM: {problem}")
    if problems:
        raise SystemExit(1)
    print("ok: no error answer, every accepted and ingested article stored exactly once")


if __name__ == "__main__":
    main()
