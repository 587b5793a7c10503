"""Analyses in worker processes: the same results as one process, in input order, streamed; a
worker killed mid-run costs nothing; bad records keep their place; an ingest with workers stores
everything once; the command line shows a progress bar on a terminal only."""

from __future__ import annotations

import gzip
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import in_terminal
from sqlalchemy import create_engine, func, select

import veille
from veille import store
from veille.model import Analysis, Failure
from veille.store.schema import articles

pytestmark = pytest.mark.slow
SENTENCES = [
    "« Nous ne reculerons pas », a déclaré mardi le maire de Lyon, Grégory Doucet, devant le conseil municipal.",
    "Selon la préfecture, 300 personnes ont manifesté samedi à Marseille contre la fermeture de la maternité.",
    "La ministre de la Santé a annoncé jeudi un plan de 50 millions d'euros pour les hôpitaux de Bretagne.",
    "Des inondations ont frappé le Gard dimanche, faisant deux morts, a indiqué la préfecture.",
]


def records(count: int) -> list[dict[str, str]]:
    """`count` distinct short articles, with a bad record at every tenth place."""
    found = []
    for n in range(count):
        if n % 10 == 9:
            found.append({"id": f"vide-{n}", "text": "   "})
            continue
        text = f"{SENTENCES[n % 4]} {SENTENCES[(n + 1) % 4]} Dépêche n° {n}."
        found.append({"id": f"art-{n}", "text": text, "published": "2025-08-21"})
    return found


def shapes(results: list[Analysis | Failure]) -> list[dict[str, object]]:
    return [result.to_dict() for result in results]


def test_workers_give_what_one_process_gives_in_input_order() -> None:
    given = records(90)

    alone = list(veille.analyze_many(given, batch_size=4))
    together = list(veille.analyze_many(given, batch_size=4, workers=2))  # more than eight batches: in workers

    assert shapes(together) == shapes(alone)
    assert [r.id if isinstance(r, Failure) else r.article.id for r in together] == [r["id"] for r in given]
    assert sum(isinstance(r, Failure) for r in together) == 9


def test_a_worker_killed_mid_run_costs_no_record() -> None:
    given = records(120)
    results = veille.analyze_many(given, batch_size=4, workers=2)

    first = [next(results)]  # the workers are up and busy
    workers = multiprocessing.active_children()
    assert workers, "no worker process to kill"
    os.kill(workers[0].pid, signal.SIGKILL)  # type: ignore[arg-type]
    rest = list(results)

    done = first + rest
    assert len(done) == 120
    assert [r.id if isinstance(r, Failure) else r.article.id for r in done] == [r["id"] for r in given]
    assert [r.id for r in done if isinstance(r, Failure)] == [f"vide-{n}" for n in range(9, 120, 10)]


def test_an_ingest_with_workers_stores_each_article_once(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for record in records(80):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    db = f"sqlite:///{tmp_path / 'veille.db'}"
    command = [sys.executable, "-m", "veille", "ingest", str(path), "--db", db, "--workers", "2", "--batch-size", "4"]

    first = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    again = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)

    assert first.returncode == 0, first.stderr
    assert "72 stored, 0 already stored, 8 failed" in first.stderr
    assert "0 stored, 72 already stored, 8 failed" in again.stderr
    assert len(store.timeline(url=db)) > 0
    engine = create_engine(db)
    with engine.connect() as conn:
        assert conn.execute(select(func.count(articles.c.pk.distinct()), func.count())).one() == (72, 72)
    engine.dispose()


def test_a_terminal_gets_a_progress_bar_with_the_rate_and_time_left(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(12)), encoding="utf-8")
    command = [sys.executable, "-m", "veille", "analyze", str(path), "--format", "jsonl", "--workers", "1"]

    piped = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    seen = in_terminal(command)

    assert "analysing" not in piped.stderr and piped.stdout.count("\n") == 12
    assert b"analysing" in seen and b"12/12" in seen and b"articles/s" in seen and b"left" in seen


def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(200)), encoding="utf-8")
    command = [sys.executable, "-m", "veille", "analyze", str(path), "--format", "jsonl", "--workers", "2",
               "--batch-size", "4"]
    parent = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(workers := spawned(parent.pid)) < 2:
        assert time.monotonic() < deadline and parent.poll() is None, "no workers started"
        time.sleep(0.2)

    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 30
    while alive := [pid for pid in workers if running(pid)]:
        assert time.monotonic() < deadline, f"workers {alive} outlived their parent"
        time.sleep(0.2)


def spawned(pid: int) -> list[int]:
    """The worker processes `pid` spawned."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in task.read_text().split():
            try:
                if b"multiprocessing.spawn" in Path(f"/proc/{child}/cmdline").read_bytes():
                    found.append(int(child))
            except OSError:
                continue
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its parent's reaper is late
