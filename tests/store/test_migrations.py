"""The store's schema under migrations: a store the previous veille made (a real one, made by commit
6d68a18's `veille demo` with a followed source) is refused with one line until `veille migrate`,
which keeps every row; the migrations give exactly the tables `schema.py` declares, on SQLite and
on PostgreSQL; a PostgreSQL store at the baseline is upgraded in place."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, insert, select
from typer.testing import CliRunner

from veille import store
from veille.cli import app
from veille.errors import StoreError
from veille.store import revisions
from veille.store.db import open_engine
from veille.store.schema import articles, metadata, source_items

PREVIOUS = Path(__file__).parent / "data" / "store-6d68a18.sqlite"
runner = CliRunner()


def row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as raw:
        tables = [name for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                  if not name.startswith("sqlite_")]  # SQLite's own statistics change with ANALYZE
        return {table: raw.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


def test_a_store_the_previous_veille_made_is_migrated_keeping_every_row(tmp_path: Path) -> None:
    path = tmp_path / "veille.db"
    shutil.copy(PREVIOUS, path)
    db = f"sqlite:///{path}"
    before = row_counts(path)

    refused = runner.invoke(app, ["quotes", "--db", db])
    migrated = runner.invoke(app, ["migrate", "--db", db])
    again = runner.invoke(app, ["migrate", "--db", db])
    after = row_counts(path)

    assert refused.exit_code == 2 and "run `veille migrate` once" in refused.output
    assert refused.output.count("\n") == 1
    assert migrated.exit_code == 0 and f"from none (made before migrations) to {revisions.head()}" in migrated.output
    assert "7 articles reindexed" in migrated.output  # its derived tables were an older shape
    assert f"already at revision {revisions.head()}" in again.output and "reindexed" not in again.output
    assert {table: after[table] for table in before} == before  # every row kept
    assert before["articles"] == 7 and before["source_items"] == 1
    assert after["fetches"] == after["alerts"] == 0
    assert len(store.quotes(url=db)) == len(store.quotes(url=db)) > 0
    engine = open_engine(db)
    with engine.connect() as conn:
        assert conn.execute(select(source_items.c.stored)).scalars().all() == [False]
    engine.dispose()


def _tables_only(name: str | None, kind: str, parent: Any) -> bool:
    """The tables of `schema.py` (the word indexes are made by `words`, outside the metadata)."""
    return kind != "table" or name in metadata.tables


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'veille.db'}"
    import uuid

    import postgres

    return postgres.fresh_database(request.getfixturevalue("postgres_server"), f"test_{uuid.uuid4().hex[:12]}")


def differences(url: str, revision: str) -> list[Any]:
    """What the store at `revision` lacks or holds beyond `schema.py`, as Alembic compares them."""
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(revisions.config(conn), revision)
        context = MigrationContext.configure(conn, opts={"include_name": _tables_only})
        found = compare_metadata(context, metadata)
    engine.dispose()
    return found


def test_the_migrations_make_exactly_the_tables_schema_py_declares(empty_url: str) -> None:
    assert differences(empty_url, "0001") != []  # the comparison sees what the baseline lacks
    assert differences(empty_url, "head") == []


def test_a_store_at_the_baseline_is_upgraded_in_place(empty_url: str) -> None:
    engine = create_engine(empty_url)
    with engine.begin() as conn:
        command.upgrade(revisions.config(conn), "0001")
        conn.execute(insert(articles).values(id="a", sha256="0" * 64, language="fr", text="Texte.", analysis={},
                                             ingested_at=datetime.now(UTC)))
    engine.dispose()

    with pytest.raises(StoreError, match=f"revision 0001; this one needs {revisions.head()}"):
        open_engine(empty_url)
    assert store.migrate(empty_url) == ("0001", revisions.head(), None)  # no derived tables to rebuild yet
    engine = open_engine(empty_url, rebuilding=True)
    with engine.connect() as conn:
        assert conn.execute(select(articles.c.id)).scalars().all() == ["a"]
    engine.dispose()
