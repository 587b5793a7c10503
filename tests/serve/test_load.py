"""Twenty clients reading and writing through a real server on loopback while an ingest writes
beside them (bench/load.py, run briefly): no error answer, nothing lost, nothing stored twice."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import load  # bench/load.py

pytestmark = pytest.mark.slow


@pytest.fixture
def db_url(any_db_url: str) -> str:
    return any_db_url


def test_concurrent_readers_writers_and_an_ingest_lose_nothing(linked_db: str) -> None:
    report, problems = load.run(linked_db, seconds=12, clients=20, writes=0.1, ingest=16)
    assert problems == []
    assert len(report.accepted) >= 5, "too few writes were tried to show anything"
    assert sum(len(values) for kind, values in report.latencies.items() if kind != "POST") >= 50
