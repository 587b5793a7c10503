"""An ingest killed with SIGKILL at several points loses nothing it committed and leaves nothing
half-written; run again, it stores each article exactly once, skips the texts already stored
without parsing them, and leaves the same derived tables as one ingest from scratch."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from badinput import good_records

from veille import batch
from veille.store.schema import DERIVED

pytestmark = pytest.mark.slow
ARTICLES = 48
BATCH = 8  # articles per transaction: six commits in a whole run
TABLES = ["articles", *(table.name for table in DERIVED)]


def write_input(folder: Path) -> Path:
    path = folder / "input.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for record in good_records(ARTICLES):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def ingest(path: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "veille", "ingest", str(path), "--db", f"sqlite:///{db}",
                             "--batch-size", str(BATCH)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as raw:
            return int(raw.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # the store's tables are not made yet
        return 0


def kill_when(process: subprocess.Popen[str], db: Path, articles: int, delay: float) -> None:
    """SIGKILLs the ingest `delay` seconds after the store holds `articles` articles."""
    deadline = time.monotonic() + 300
    while stored(db) < articles:
        assert process.poll() is None, f"the ingest ended before it was killed: {process.stderr.read()}"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()


def check_whole(db: Path) -> dict[str, int]:
    """The store's integrity, every stored article with all its derived rows; returns each table's rows.
    A store killed while it was being made (a slow machine) holds none of its tables, never some."""
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        made = {name for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles" not in made:
            assert not made & set(TABLES)
            return {table: 0 for table in TABLES}
        duplicates = raw.execute("SELECT sha256 FROM articles GROUP BY sha256 HAVING count(*) > 1").fetchall()
        assert duplicates == []
        for pk, analysis in raw.execute("SELECT pk, analysis FROM articles"):
            quotes = len(json.loads(analysis)["quotes"])
            assert raw.execute("SELECT count(*) FROM quotes WHERE article = ?", (pk,)).fetchone()[0] == quotes
            assert raw.execute("SELECT count(*) FROM story_articles WHERE article = ?", (pk,)).fetchone()[0] == 1
        return {table: raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


def test_an_ingest_killed_at_several_points_resumes_with_nothing_lost_or_doubled(tmp_path: Path) -> None:
    path = write_input(tmp_path)
    db = tmp_path / "veille.db"
    # before the first commit, right after one, and in the middle of a later batch
    for articles, delay in ((0, 2.0), (BATCH, 0.0), (3 * BATCH, 0.6)):
        before = stored(db)
        kill_when(ingest(path, db), db, max(articles, before), delay)
        assert stored(db) % BATCH == 0 or stored(db) == ARTICLES  # whole batches only
        assert stored(db) >= before
        check_whole(db)

    finished = ingest(path, db)
    _, errors = finished.communicate(timeout=600)

    assert finished.returncode == 0, errors
    assert stored(db) == ARTICLES
    resumed = check_whole(db)
    fresh = tmp_path / "fresh.db"
    complete = ingest(path, fresh)
    complete.communicate(timeout=600)
    assert resumed == check_whole(fresh)


def test_a_second_ingest_skips_stored_texts_without_parsing_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_input(tmp_path)
    url = f"sqlite:///{tmp_path / 'veille.db'}"
    first = batch.ingest_paths([path], url)
    assert first.count("stored") == ARTICLES

    def no_parsing(*args: Any) -> None:
        raise AssertionError("a stored text was parsed again")

    monkeypatch.setattr("veille.nlp.pipeline.models.load", no_parsing)
    again = batch.ingest_paths([path], url)

    assert again.count("already stored") == ARTICLES
    assert again.summary() == f"0 stored, {ARTICLES} already stored, 0 failed"
