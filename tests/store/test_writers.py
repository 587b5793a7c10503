"""Writers that wait their turn: a SQLite store in WAL mode, write transactions that take the lock
when they begin, retries while another writer holds it, and writers in parallel that lose nothing
and link each referent to one actor."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import kallas, lavrov, summit
from sqlalchemy import Connection, create_engine, func, select

from veille import store
from veille.errors import StoreError
from veille.model import Analysis
from veille.read.records import body_hash
from veille.store import db, schema


@pytest.fixture
def db_url(any_db_url: str) -> str:
    return any_db_url


def rows(url: str, query: Any) -> list[Any]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(query).all())
    finally:
        engine.dispose()


def renamed(analysis: Analysis, id: str) -> Analysis:
    """The same analysis under another id and with a text of its own, so it is stored apart."""
    text = f"{analysis.article.text}\n{id}"
    article = dataclasses.replace(analysis.article, id=id, text=text, sha256=body_hash(text))
    return dataclasses.replace(analysis, article=article)


def test_a_sqlite_store_is_written_ahead_so_readers_never_wait(tmp_path: Path) -> None:
    path = tmp_path / "veille.db"
    store.ingest([lavrov()], f"sqlite:///{path}")

    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_write_waits_while_another_writer_holds_the_store_and_tries_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "veille.db"
    url = f"sqlite:///{path}"
    store.ingest([lavrov()], url)
    monkeypatch.setattr(db, "BUSY_TIMEOUT", 0.05)  # so that the wait runs out and the retry shows
    monkeypatch.setattr(db, "RETRY_FOR", 30.0)
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(1.0, other.rollback).start()
    retries: list[int] = []

    def insert_meta(conn: Connection) -> int:
        conn.execute(schema.store_meta.insert().values(key="probe", value="1"))
        return 1

    engine = create_engine(url)
    db._sqlite_setup(engine)
    try:
        assert db.write(engine, "probing", insert_meta, on_retry=lambda: retries.append(1)) == 1
    finally:
        engine.dispose()
        other.close()
    assert retries, "the first try should have met the other writer's lock"
    assert rows(url, select(schema.store_meta.c.value).where(schema.store_meta.c.key == "probe")) == [("1",)]


def test_an_error_that_is_no_other_writers_doing_is_not_retried(db_url: str) -> None:
    store.ingest([lavrov()], db_url)
    engine = db.open_engine(db_url)
    tries: list[int] = []

    def duplicate(conn: Connection) -> None:
        tries.append(1)
        conn.execute(schema.store_meta.insert().values(key="derived", value="again"))  # the key is taken

    try:
        with pytest.raises(StoreError, match="^writing twice: "):
            db.write(engine, "writing twice", duplicate, on_retry=lambda: None)
    finally:
        engine.dispose()
    assert len(tries) == 1


def test_writers_in_parallel_store_everything_once_and_share_actors(db_url: str) -> None:
    store.ingest([summit()], db_url)  # the store exists before the writers race
    batches = [[renamed(lavrov(), f"lavrov-{w}-{n}") for n in range(1, 4)] + [renamed(kallas(), f"kallas-{w}-1")]
               for w in range(4)]
    failures: list[BaseException] = []

    def ingest(batch: list[Analysis]) -> None:
        try:
            store.ingest(batch, db_url, batch_size=1)
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            failures.append(error)

    threads = [threading.Thread(target=ingest, args=(batch,)) for batch in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    ids = [row[0] for row in rows(db_url, select(schema.articles.c.id))]
    assert sorted(ids) == sorted(["sommet"] + [a.article.id for batch in batches for a in batch])
    lavrovs = rows(db_url, select(func.count()).select_from(schema.actors).where(schema.actors.c.name.like("%Lavrov")))
    assert lavrovs == [(1,)]
