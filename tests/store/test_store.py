"""The store keeps each analysis whole and indexes its entities, quotes and times for queries."""

from __future__ import annotations

import dataclasses
from typing import Any

import jsonschema
import pytest
from conftest import kallas, lavrov
from sqlalchemy import create_engine, delete, func, select
from sqlalchemy.exc import OperationalError

from veille import store
from veille.errors import BadInput, StoreError
from veille.model import Analysis, Failure
from veille.store import index, schema


@pytest.fixture
def db_url(any_db_url: str) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return any_db_url


def count(url: str, table: Any) -> int:
    engine = create_engine(url)
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_ingest_stores_each_analysis_and_reports_it(db_url: str, examples: list[Analysis]) -> None:
    report = store.ingest(examples, db_url)

    assert [(o.id, o.status) for o in report.outcomes] == [("lavrov", "stored"), ("zelensky", "stored")]
    assert report.summary() == "2 stored, 0 already stored, 0 failed"
    assert count(db_url, schema.articles) == 2
    assert count(db_url, schema.quotes) == 3
    assert count(db_url, schema.entities) == 5
    assert count(db_url, schema.mentions) == 5
    assert count(db_url, schema.times) == 2


def test_the_same_text_ingested_twice_is_stored_once(db_url: str, examples: list[Analysis]) -> None:
    store.ingest(examples, db_url)
    again = dataclasses.replace(examples[0], article=dataclasses.replace(examples[0].article, id="copy"))

    report = store.ingest([again], db_url)

    assert [(o.id, o.status) for o in report.outcomes] == [("copy", "already stored")]
    assert report.analysed == 1
    assert count(db_url, schema.articles) == 2
    assert count(db_url, schema.quotes) == 3


def test_a_text_repeated_within_one_batch_is_stored_once(db_url: str, examples: list[Analysis]) -> None:
    report = store.ingest([examples[0], examples[0]], db_url)

    assert [o.status for o in report.outcomes] == ["stored", "already stored"]
    assert count(db_url, schema.articles) == 1


def test_failures_are_reported_and_never_written(db_url: str, examples: list[Analysis]) -> None:
    bad = Failure("vide", "vide.txt: empty file")

    report = store.ingest([examples[0], bad, examples[1]], db_url, batch_size=2)

    assert [o.status for o in report.outcomes] == ["stored", "failed", "stored"]
    assert report.outcomes[1].error == "vide.txt: empty file"
    assert count(db_url, schema.articles) == 2


def test_a_batch_that_cannot_be_written_leaves_nothing_half_stored(
        db_url: str, examples: list[Analysis], monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(conn: Any, found: Any) -> None:
        raise OperationalError("INSERT INTO quotes", {}, Exception("disk I/O error"))

    monkeypatch.setattr(index, "write", broken)

    with pytest.raises(StoreError, match=r"cannot write to .*: disk I/O error"):
        store.ingest(examples, db_url)
    assert count(db_url, schema.articles) == 0


def test_quotes_by_speaker_ignore_case_and_accents(filled_db: str) -> None:
    found = store.quotes(speaker="serguei lavrov", url=filled_db)

    assert [(q["speaker"], q["role"], q["date"], q["text"]) for q in found] == [
        ("Sergueï Lavrov", "ministre russe des affaires étrangères", "2025-08-20",
         "La Russie ne cédera pas sur les garanties de sécurité.")]
    assert store.quotes(speaker="Macron", url=filled_db) == []


def test_an_unnamed_speaker_is_found_by_the_words_naming_them(filled_db: str) -> None:
    found = store.quotes(speaker="responsable américain", url=filled_db)

    assert [(q["speaker"], q["kind"]) for q in found] == [
        ("Un responsable américain de la défense", "indirect")]


def test_quotes_containing_every_word(filled_db: str) -> None:
    assert [q["article"] for q in store.quotes(contains="garanties", url=filled_db)] == ["lavrov", "zelensky"]
    assert [q["article"] for q in store.quotes(contains="securite garanties", url=filled_db)] == ["lavrov"]
    assert store.quotes(contains="garanties nucléaires", url=filled_db) == []


def test_people_with_roles_articles_and_quotes(filled_db: str) -> None:
    assert store.people(url=filled_db) == [
        {"name": "Sergueï Lavrov", "roles": ["ministre russe des affaires étrangères"], "articles": 1,
         "quotes": 1},
        {"name": "Volodymyr Zelensky", "roles": ["président ukrainien"], "articles": 1, "quotes": 1},
    ]


def test_export_gives_back_the_analyses_in_the_contract_shape(
        filled_db: str, examples: list[Analysis], contract_schema: dict[str, Any]) -> None:
    exported = list(store.export(url=filled_db))

    assert exported == [a.to_dict() for a in examples]
    for analysis in exported:
        jsonschema.validate(analysis, contract_schema)


def test_reindex_rebuilds_the_derived_tables_from_the_stored_json(filled_db: str) -> None:
    before = store.quotes(url=filled_db)
    engine = create_engine(filled_db)
    with engine.begin() as conn:
        for table in schema.DERIVED:
            conn.execute(delete(table))
    assert store.quotes(url=filled_db) == []

    assert store.reindex(filled_db) == 2

    assert store.quotes(url=filled_db) == before
    assert count(filled_db, schema.mentions) == 5


def test_reading_a_store_that_does_not_exist_says_so(tmp_path: Any) -> None:
    with pytest.raises(StoreError, match=r"no database at .*missing\.db"):
        store.quotes(url=f"sqlite:///{tmp_path / 'missing.db'}")
    assert not (tmp_path / "missing.db").exists()


def test_a_store_in_a_missing_folder_or_a_bad_url_is_a_one_line_error(
        tmp_path: Any, examples: list[Analysis]) -> None:
    with pytest.raises(StoreError, match=r"folder .* does not exist"):
        store.ingest(examples, f"sqlite:///{tmp_path / 'nowhere' / 'veille.db'}")
    with pytest.raises(StoreError, match="not a database URL"):
        store.people(url="veille.db")


def test_a_password_in_the_url_is_not_shown(examples: list[Analysis]) -> None:
    with pytest.raises(StoreError) as raised:
        store.ingest(examples, "nosuchdialect://veille:s3cret@localhost/veille")
    assert "s3cret" not in str(raised.value)
    assert "\n" not in str(raised.value)


def test_fold_drops_case_accents_and_curly_apostrophes() -> None:
    assert index.fold("L\u2019Élysée a DÉCLARÉ") == "l'elysee a declare"


# --- the analysis's optional fields: mention kinds, attribution confidence, stance dates ---

def rows_of(url: str, *columns: Any) -> list[tuple[Any, ...]]:
    """The values of `columns` in every row, sorted here (backends sort nulls apart), nulls first."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            found = [tuple(r) for r in conn.execute(select(*columns))]
    finally:
        engine.dispose()
    return sorted(found, key=lambda row: [(value is not None, value) for value in row])


def test_mention_kinds_confidence_speaker_links_and_stance_dates_are_stored(
        db_url: str, contract_schema: dict[str, Any]) -> None:
    store.ingest([kallas(), lavrov()], db_url)
    m, q, s = schema.mentions, schema.quotes, schema.stances

    assert rows_of(db_url, m.c.text, m.c.kind) == [
        ("-t-elle", "pronoun"), ("Bruxelles", None), ("Elle", "pronoun"), ("Kaja Kallas", None),
        ("Russie", None), ("Sergueï Lavrov", None), ("la cheffe de la diplomatie européenne", "description")]
    assert rows_of(db_url, q.c.quote, q.c.confidence, q.c.speaker_link) == [
        ("q1", None, None), ("q1", pytest.approx(0.453), "pronoun"), ("q2", pytest.approx(0.8), "description")]
    assert rows_of(db_url, s.c.target, s.c.date) == [("un cessez-le-feu immédiat", "2025-08-21")]
    said = {r["text"]: (r["confidence"], r["speaker_link"]) for r in store.quotes(url=db_url)}
    assert said == {"La Russie ne cédera pas sur les garanties de sécurité.": (None, None),
                    "L'Europe restera unie": (pytest.approx(0.453), "pronoun"),
                    "les sanctions seront renforcées": (pytest.approx(0.8), "description")}
    assert [(r["holder"], r["date"]) for r in store.stances(url=db_url)] == [("Kaja Kallas", "2025-08-21")]
    exported = list(store.export(url=db_url))
    assert exported[0] == kallas().to_dict()
    jsonschema.validate(exported[0], contract_schema)


def test_reindex_keeps_the_optional_fields(db_url: str) -> None:
    store.ingest([kallas()], db_url)
    before = (store.quotes(url=db_url), store.stances(url=db_url))

    assert store.reindex(db_url) == 1

    assert (store.quotes(url=db_url), store.stances(url=db_url)) == before
    assert rows_of(db_url, schema.mentions.c.kind) == [(None,), (None,), ("description",), ("pronoun",),
                                                       ("pronoun",)]


def test_quotes_with_a_minimum_confidence_leave_out_unsure_and_unscored_ones(db_url: str) -> None:
    store.ingest([kallas(), lavrov()], db_url)

    def texts(minimum: float | None) -> list[str]:
        return [q["text"] for q in store.quotes(min_confidence=minimum, url=db_url)]

    assert texts(None) == ["La Russie ne cédera pas sur les garanties de sécurité.", "L'Europe restera unie",
                           "les sanctions seront renforcées"]
    assert texts(0.6) == ["les sanctions seront renforcées"]
    assert texts(0.0) == ["L'Europe restera unie", "les sanctions seront renforcées"]  # no confidence: left out
    assert texts(0.9) == []
    assert [q["text"] for q in store.quotes(speaker="kallas", min_confidence=0.4, url=db_url)] == [
        "L'Europe restera unie", "les sanctions seront renforcées"]
    with pytest.raises(BadInput, match="between 0 and 1"):
        store.quotes(min_confidence=1.5, url=db_url)


def test_a_pronoun_or_a_description_is_never_an_alias(db_url: str) -> None:
    store.ingest([kallas()], db_url)

    (record,) = store.actor("Kallas", url=db_url)

    assert record["aliases"] == [{"alias": "Kaja Kallas", "count": 1}]
    assert rows_of(db_url, schema.actor_aliases.c.alias) == [("Bruxelles",), ("Kaja Kallas",)]
