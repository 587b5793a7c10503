"""Reading across articles: one actor's record, events, stances and the timeline, each fact of a
wire story once with every copy as its source."""

from __future__ import annotations

import pytest
from conftest import entity

from veille import store
from veille.model import Analysis, Article
from veille.read.records import body_hash


@pytest.fixture
def db_url(any_db_url: str) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return any_db_url


def test_an_actor_record_gathers_what_every_article_says(linked_db: str) -> None:
    (putin,) = store.actor("poutine", url=linked_db)

    assert (putin["name"], putin["type"], putin["country"], putin["articles"]) == ("Vladimir Poutine", "PER", "RU", 4)
    assert putin["aliases"] == [{"alias": "Vladimir Poutine", "count": 3}, {"alias": "Poutine", "count": 1}]
    assert putin["roles"] == [{"role": "président russe", "first_seen": "2025-08-15", "last_seen": "2025-08-15",
                               "articles": 1}]
    assert [(q["date"], q["speaker"], q["text"]) for q in putin["quotes"]] == [
        ("2025-08-15", "Vladimir Poutine", "Nous voulons une paix durable"),
        ("2025-08-20", "Poutine", "de poursuivre l'offensive"),
    ]
    assert [(e["type"], e["as"], e["targets"]) for e in putin["events"]] == [("CONSULT", ["actor"], ["Donald Trump"])]
    assert [(s["polarity"], s["target"]) for s in putin["stances"]] == [("support", "une paix durable")]


def test_a_place_record_has_its_coordinates_and_the_events_there(linked_db: str) -> None:
    (sumy,) = store.actor("Soumy", url=linked_db)

    assert (sumy["place"], sumy["country"]) == ("Sumy", "UA") and sumy["lat"] == pytest.approx(50.92, abs=0.01)
    assert [(e["article"], e["as"], e["sources"]) for e in sumy["events"]] == [
        ("sommet", ["location"], ["sommet"]), ("afp", ["location"], ["afp", "reuters"])]


def test_people_sharing_a_surname_are_all_shown_with_the_mentions_kept_apart(db_url: str) -> None:
    def person(id: str, text: str, name: str) -> Analysis:
        return Analysis(Article(id, text, body_hash(text), "fr", published="2025-01-07"),
                        entities=[entity(text, "e1", name, "PER")])

    store.ingest([person("a", "Marine Le Pen a répondu.", "Marine Le Pen"),
                  person("b", "Jean-Marie Le Pen est mort.", "Jean-Marie Le Pen"),
                  person("c", "Le Pen a voté contre.", "Le Pen")], db_url)

    found = store.actor("Le Pen", url=db_url)

    assert sorted((a["name"], a["ambiguous"]) for a in found) == [
        ("Jean-Marie Le Pen", False), ("Le Pen", True), ("Marine Le Pen", False)]
    assert store.actor("Macron", url=db_url) == []


def test_events_of_a_story_are_listed_once_with_every_copy(linked_db: str) -> None:
    found = store.events(url=linked_db)

    assert [(e["article"], e["type"], e["sources"]) for e in found] == [
        ("sommet", "CONSULT", ["sommet"]), ("sommet", "ASSAULT", ["sommet"]),
        ("offensive", "REJECT", ["offensive"]), ("offensive", "ASSAULT", ["offensive"]),
        ("afp", "ASSAULT", ["afp", "reuters"]),
    ]
    attack = found[-1]
    assert (attack["targets"], attack["places"], attack["killed"], attack["injured"]) == (["Ukraine"], ["Soumy"], 2, 10)


def test_events_by_type_actor_place_and_days(linked_db: str) -> None:
    def articles(**filters: str) -> list[str]:
        return [e["article"] for e in store.events(url=linked_db, **filters)]

    assert articles(type="assault") == ["sommet", "offensive", "afp"]
    assert articles(actor="Poutine") == ["sommet"]
    assert articles(place="Kiev") == ["offensive"]  # the actor Kyiv, under another of its names
    assert articles(place="Ukraine") == ["sommet", "offensive", "afp"]  # Soumy and Kyiv are in Ukraine
    assert articles(since="2025-08-20") == ["offensive", "offensive", "afp"]
    assert articles(since="2025-08", until="2025-08-15") == ["sommet", "sommet"]


def test_stances_once_per_story_by_holder_and_target(linked_db: str) -> None:
    found = store.stances(url=linked_db)

    assert [(s["holder"], s["polarity"], s["sources"]) for s in found] == [
        ("Vladimir Poutine", "support", ["sommet"]), ("Kremlin", "oppose", ["offensive"]),
        ("Volodymyr Zelensky", "demand", ["afp", "reuters"]),
    ]
    assert found[-1]["text"] == "Il a de nouveau réclamé un renforcement de la défense antiaérienne de son pays."
    assert [s["holder"] for s in store.stances(holder="zelensky", url=linked_db)] == ["Volodymyr Zelensky"]
    assert [s["holder"] for s in store.stances(target="sanctions", url=linked_db)] == ["Kremlin"]


def test_quotes_and_counts_show_a_story_once(linked_db: str) -> None:
    zelensky = store.quotes(speaker="Zelensky", url=linked_db)
    people = {p["name"]: p for p in store.people(url=linked_db)}

    assert [(q["article"], q["sources"]) for q in zelensky] == [("afp", ["afp", "reuters"])]
    assert people["Volodymyr Zelensky"] == {"name": "Volodymyr Zelensky", "roles": ["président ukrainien"],
                                            "articles": 2, "quotes": 1}
    assert people["Vladimir Poutine"]["quotes"] == 2
    # the actor's full name finds the article that calls him "Poutine"
    assert [q["article"] for q in store.quotes(speaker="Vladimir Poutine", url=linked_db)] == ["sommet", "offensive"]


def test_the_timeline_puts_events_and_statements_under_their_day(linked_db: str) -> None:
    found = store.timeline(url=linked_db)

    assert [(t["day"], t["kind"]) for t in found] == [
        ("2025-08-15", "event"), ("2025-08-15", "event"), ("2025-08-15", "quote"), ("2025-08-15", "stance"),
        ("2025-08-20", "event"), ("2025-08-20", "event"), ("2025-08-20", "quote"), ("2025-08-20", "quote"),
        ("2025-08-20", "stance"),
        ("2025-08-21", "event"), ("2025-08-21", "quote"), ("2025-08-21", "stance"),
    ]
    assert found[0] == {"day": "2025-08-15", "kind": "event", "who": "Vladimir Poutine", "what": "CONSULT (visit)",
                        "where": "Alaska", "text": "Vladimir Poutine, le président russe, a reçu vendredi en Alaska "
                        "le président américain Donald Trump.", "article": "sommet", "sources": ["sommet"]}
    assert {t["day"] for t in store.timeline(since="2025-08-21", url=linked_db)} == {"2025-08-21"}
    assert [t["kind"] for t in store.timeline(actor="Kremlin", url=linked_db)] == ["event", "stance"]
