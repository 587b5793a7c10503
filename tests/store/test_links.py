"""On ingest the store links each article to the actors and the story of the articles before it;
`reindex` rebuilds those links from the stored analyses alone, and gives the same tables."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import WIRE_COPY, lavrov, offensive, summit, wire
from sqlalchemy import create_engine, select

from veille import store
from veille.store import schema


@pytest.fixture
def db_url(any_db_url: str) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return any_db_url


def table(url: str, name: Any) -> list[dict[str, Any]]:
    engine = create_engine(url)
    with engine.connect() as conn:
        found = [dict(r) for r in conn.execute(select(name)).mappings()]
    engine.dispose()
    return sorted(found, key=repr)


def snapshot(url: str) -> dict[str, list[dict[str, Any]]]:
    return {t.name: table(url, t) for t in schema.DERIVED}


def actor_named(url: str, name: str) -> dict[str, Any]:
    (found,) = [a for a in table(url, schema.actors) if a["name"] == name]
    return found


def test_one_actor_for_a_person_named_in_full_then_by_surname(linked_db: str) -> None:
    putin = actor_named(linked_db, "Vladimir Poutine")

    aliases = {(a["alias"], a["count"]) for a in table(linked_db, schema.actor_aliases) if a["actor"] == putin["id"]}
    roles = [(r["role"], r["published"]) for r in table(linked_db, schema.actor_roles) if r["actor"] == putin["id"]]
    assert aliases == {("Vladimir Poutine", 3), ("Poutine", 1)}
    assert roles == [("président russe", "2025-08-15")]
    assert (putin["country"], putin["first_seen"], putin["last_seen"]) == ("RU", "2025-08-15", "2025-08-21")
    assert not putin["ambiguous"]


def test_places_are_stored_on_their_actors(linked_db: str) -> None:
    sumy = actor_named(linked_db, "Soumy")
    kyiv = actor_named(linked_db, "Kyiv")  # "Kyiv" first, then the wire's "Kiev" and "KIEV"

    assert (sumy["place"], sumy["place_kind"], sumy["country"]) == ("Sumy", "city", "UA")
    assert (round(sumy["lat"], 1), round(sumy["lon"], 1)) == (50.9, 34.8)
    aliases = {a["alias"] for a in table(linked_db, schema.actor_aliases) if a["actor"] == kyiv["id"]}
    assert aliases == {"Kyiv", "Kiev", "KIEV"}


def test_every_entity_is_linked_to_an_actor(linked_db: str) -> None:
    entities = {(e["article"], e["entity"]) for e in table(linked_db, schema.entities)}
    links = {(link["article"], link["entity"]) for link in table(linked_db, schema.actor_links)}

    assert links == entities


def test_a_syndicated_copy_joins_the_story_and_an_unrelated_article_does_not(linked_db: str) -> None:
    ids = {a["pk"]: a["id"] for a in table(linked_db, schema.articles)}
    stories = {ids[s["article"]]: s for s in table(linked_db, schema.story_articles)}

    assert stories["reuters"]["story"] == stories["afp"]["story"]
    assert stories["reuters"]["similarity"] >= 0.5 and stories["afp"]["similarity"] is None
    assert len({s["story"] for s in stories.values()}) == 4  # sommet, offensive, the wire story, lavrov
    assert ids[{s["id"]: s for s in table(linked_db, schema.stories)}[stories["afp"]["story"]]["first_article"]] \
        == "afp"


def test_articles_ingested_in_separate_runs_link_as_in_one(db_url: str, tmp_path: Any) -> None:
    together = f"sqlite:///{tmp_path / 'together.db'}"
    store.ingest([summit(), offensive(), wire(), wire("reuters", WIRE_COPY), lavrov()], together)

    for analysis in (summit(), offensive(), wire(), wire("reuters", WIRE_COPY), lavrov()):
        store.ingest([analysis], db_url)

    assert snapshot(db_url) == snapshot(together)


def test_reindex_rebuilds_the_same_links_every_time(db_url: str) -> None:
    store.ingest([summit(), offensive(), wire(), wire("reuters", WIRE_COPY), lavrov()], db_url, batch_size=2)
    ingested = snapshot(db_url)

    assert store.reindex(db_url) == 5
    once = snapshot(db_url)
    store.reindex(db_url)

    assert once == ingested
    assert snapshot(db_url) == once
    assert len(once["actors"]) > 0 and len(once["events"]) == 6 and len(once["stances"]) == 4


def test_a_store_that_predates_the_links_says_to_reindex_and_reindex_fills_them(
        linked_db: str, caplog: pytest.LogCaptureFixture) -> None:
    engine = create_engine(linked_db)
    with engine.begin() as conn:
        for name in reversed(schema.ACROSS_ARTICLES):
            conn.execute(name.delete())
    engine.dispose()
    assert store.actor("Poutine", url=linked_db) == []
    assert "5 of 5 stored articles are not linked to actors and stories yet: run `veille reindex`" in caplog.text
    caplog.clear()

    store.reindex(linked_db)

    assert [a["name"] for a in store.actor("Poutine", url=linked_db)] == ["Vladimir Poutine"]
    assert caplog.text == ""


def test_each_actor_counts_the_articles_naming_it_across_ingests_and_reindex(linked_db: str) -> None:
    from veille.store import browse

    def counts() -> dict[str, int]:
        with browse.reading(linked_db) as conn:
            return {a["name"]: a["articles"] for a in browse.actor_page(conn, limit=500).items}

    stored = counts()
    with browse.reading(linked_db) as conn:
        truth = dict(conn.exec_driver_sql(
            "SELECT a.name, count(DISTINCT l.article) FROM actors a JOIN actor_links l ON l.actor = a.id "
            "GROUP BY a.id").all())
    assert stored == truth and stored["Vladimir Poutine"] == 4  # summit, offensive, both wire copies
    store.reindex(linked_db)
    assert counts() == stored
