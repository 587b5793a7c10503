"""`veille ingest --engine ray` on a local Ray instance: the same analyses as one process, stored once,
written as Parquet, a bad line costing only itself, Parquet shards read as input, and a second run
that parses nothing it stored already. Bounded: one small Ray instance for the module."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

import veille
from veille.store.schema import articles

ray = pytest.importorskip("ray", reason="the Ray engine needs veille[ray]")
pq = pytest.importorskip("pyarrow.parquet")
pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]  # a Ray that hangs fails here, not CI

from veille import cluster

RECORDS = [
    {"id": "lyon", "text": "« Nous ne reculerons pas », a déclaré mardi le maire de Lyon, Grégory Doucet.",
     "published": "2025-08-21"},
    {"id": "gard", "text": "Des inondations ont frappé le Gard dimanche, faisant deux morts, selon la préfecture.",
     "published": "2025-08-21"},
    {"id": "sante", "text": "La ministre de la Santé a annoncé jeudi un plan pour les hôpitaux de Bretagne.",
     "published": "2025-08-21"},
]


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def stored(db: str) -> dict[str, dict[str, object]]:
    engine = create_engine(db)
    with engine.connect() as conn:
        found = {ident: analysis for ident, analysis in conn.execute(select(articles.c.id, articles.c.analysis))}
    engine.dispose()
    return found


def test_ray_stores_what_one_process_analyses_and_writes_parquet(local_ray: None, tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS) + '{"id": "cassé", "text":\n',
                    encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'veille.db'}"

    report = cluster.ingest([path], db, workers=1, parquet=tmp_path / "out")
    again = cluster.ingest([path], db, workers=1)

    assert report.summary() == "3 stored, 0 already stored, 1 failed"
    assert "a line: not JSON" in (report.outcomes[3].error or "")
    assert again.summary() == "0 stored, 3 already stored, 1 failed"
    expected = {a.article.id: a.to_dict() for a in veille.analyze_many(RECORDS)}
    assert stored(db) == expected
    table = pq.read_table(tmp_path / "out").to_pylist()
    assert [row["id"] for row in table][:3] == ["lyon", "gard", "sante"]
    assert json.loads(table[0]["analysis"]) == expected["lyon"] and table[3]["error"]


def test_parquet_shards_are_read_as_input(local_ray: None, tmp_path: Path) -> None:
    import pyarrow as pa

    shards = tmp_path / "shards"
    shards.mkdir()
    pq.write_table(pa.Table.from_pylist(RECORDS[:2]), shards / "part-0.parquet")
    pq.write_table(pa.Table.from_pylist(RECORDS[2:]), shards / "part-1.parquet")

    report = cluster.ingest([shards], None, workers=1, parquet=tmp_path / "out", store=False)

    assert report.summary() == "0 stored, 0 already stored, 0 failed, 3 written to Parquet only"
    assert sorted(row["id"] for row in pq.read_table(tmp_path / "out").to_pylist()) == ["gard", "lyon", "sante"]
