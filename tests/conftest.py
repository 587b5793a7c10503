"""Fixtures shared across the suite: the contract's schema and hand-built analyses.

Store and CLI tests build their analyses by hand so that they test storing and serving, not how
well the extractors do on a given day.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from veille.model import Analysis, Article, Entity, Quote, Span, TimeExpr
from veille.read.records import body_hash

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT.parent / "shared" / "contract" / "analysis.schema.json"

LAVROV = ("Sergueï Lavrov, ministre russe des affaires étrangères, a déclaré mercredi : "
          "« La Russie ne cédera pas sur les garanties de sécurité. »")
ZELENSKY = ("Volodymyr Zelensky a affirmé jeudi que l'Ukraine avait besoin de garanties solides. "
            "Un responsable américain de la défense a indiqué que Washington n'enverrait pas de troupes.")


@pytest.fixture(scope="session")
def contract_schema() -> dict[str, Any]:
    """The analysis contract (../shared/contract beside the repo), or a skip saying where it was sought."""
    if not SCHEMA.exists():
        pytest.skip(f"contract schema not found at {SCHEMA}")
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)


def lavrov(id: str = "lavrov", published: str | None = "2025-08-21") -> Analysis:
    """A direct quote by a named minister, dated by "mercredi"."""
    text = LAVROV
    name = span(text, "Sergueï Lavrov")
    said = span(text, "La Russie ne cédera pas sur les garanties de sécurité.")
    wednesday = span(text, "mercredi")
    return Analysis(
        Article(id, text, body_hash(text), "fr", published=published, title="Lavrov et les garanties"),
        entities=[
            Entity("e1", name.text, "PER", [name], role="ministre russe des affaires étrangères"),
            Entity("e2", "Russie", "LOC", [span(text, "Russie")]),
        ],
        quotes=[Quote("q1", "direct", said.text, said.start, said.end, "e1", name.text, cue="a déclaré",
                      date="2025-08-20")],
        times=[TimeExpr(wednesday.text, wednesday.start, wednesday.end, "2025-08-20")],
    )


def zelensky(id: str = "zelensky", published: str | None = "2025-08-22") -> Analysis:
    """An indirect quote by a named president and one by an unnamed official."""
    text = ZELENSKY
    name = span(text, "Volodymyr Zelensky")
    first = span(text, "l'Ukraine avait besoin de garanties solides")
    second = span(text, "Washington n'enverrait pas de troupes")
    official = span(text, "Un responsable américain de la défense")
    return Analysis(
        Article(id, text, body_hash(text), "fr", published=published),
        entities=[
            Entity("e1", name.text, "PER", [name], role="président ukrainien"),
            Entity("e2", "Ukraine", "LOC", [span(text, "Ukraine")]),
            Entity("e3", "Washington", "LOC", [span(text, "Washington")]),
        ],
        quotes=[
            Quote("q1", "indirect", first.text, first.start, first.end, "e1", name.text, cue="a affirmé",
                  date="2025-08-21"),
            Quote("q2", "indirect", second.text, second.start, second.end, None, official.text,
                  cue="a indiqué"),
        ],
        times=[TimeExpr("jeudi", text.index("jeudi"), text.index("jeudi") + 5, "2025-08-21")],
    )


@pytest.fixture
def examples() -> list[Analysis]:
    """The two example analyses, built afresh for each test."""
    return [lavrov(), zelensky()]


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'veille.db'}"


@pytest.fixture
def filled_db(db_url: str, examples: list[Analysis]) -> str:
    """A store holding the two examples."""
    from veille import store

    store.ingest(examples, db_url)
    return db_url
