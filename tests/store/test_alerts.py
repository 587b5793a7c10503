"""Saved searches: each new quote, event or stance that matches one is recorded once, as its article
is stored, on SQLite and on PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import WIRE_COPY, claims, in_store, lavrov, offensive, summit, wire
from sqlalchemy import Connection

from veille import store
from veille.errors import BadInput
from veille.store import alerts


@pytest.fixture
def db_url(any_db_url: str) -> str:
    return any_db_url


def save(url: str, name: str, **filters: Any) -> dict[str, Any]:
    return in_store(url, lambda conn: alerts.add(conn, name, **filters))  # type: ignore[no-any-return]


def found(url: str, name: str, new: bool = False) -> list[tuple[str, str | None, str]]:
    """The alert's items, oldest first, as (kind, who or what, article); `new`: those not marked seen."""
    def read(conn: Connection) -> list[dict[str, Any]]:
        return alerts.items(conn, name, after=alerts.one(conn, name)["seen"] if new else 0)
    return [(item["kind"], item["who"] if item["kind"] != "event" else item["what"], item["article"])
            for item in reversed(in_store(url, read))]


def test_each_new_matching_fact_is_recorded_once_as_its_article_is_stored(db_url: str) -> None:
    store.ingest([summit()], db_url)
    save(db_url, "poutine", speaker="Poutine")

    store.ingest([offensive(), lavrov()], db_url)
    store.ingest([offensive()], db_url)  # stored already: nothing new

    assert found(db_url, "poutine") == [("quote", "Vladimir Poutine", "sommet"), ("stance", "Vladimir Poutine", "sommet"),
                                        ("quote", "Poutine", "offensive")]
    assert found(db_url, "poutine", new=True) == [("quote", "Poutine", "offensive")]  # what came after it was saved


def test_a_fact_a_wire_story_repeats_alerts_once(db_url: str) -> None:
    save(db_url, "zelensky", speaker="Zelensky")

    store.ingest([wire(), wire("reuters", WIRE_COPY, source="Reuters")], db_url)

    assert found(db_url, "zelensky") == [("quote", "Volodymyr Zelensky", "afp"),
                                         ("stance", "Volodymyr Zelensky", "afp")]


def test_event_filters_keep_events_only_and_words_are_matched_in_the_evidence(db_url: str) -> None:
    save(db_url, "frappes", type="ASSAULT")
    save(db_url, "affirmees", type="ASSAULT", asserted_only=True)
    save(db_url, "kherson", place="Kherson")
    save(db_url, "paix", contains="paix durable")
    save(db_url, "kremlin", actor="Kremlin")

    store.ingest([summit(), offensive(), claims()], db_url)

    assert [article for _, _, article in found(db_url, "frappes")] == ["sommet", "offensive", "claims", "claims",
                                                                        "claims"]
    assert [article for _, _, article in found(db_url, "affirmees")] == ["sommet", "offensive", "claims"]
    assert found(db_url, "kherson") == [("event", "ASSAULT", "claims")]
    assert found(db_url, "paix") == [("quote", "Vladimir Poutine", "sommet"), ("stance", "Vladimir Poutine", "sommet")]
    assert found(db_url, "kremlin") == [("event", "REJECT", "offensive"), ("stance", "Kremlin", "offensive")]


def test_a_search_no_fact_can_match_is_refused_with_a_reason(db_url: str) -> None:
    with pytest.raises(BadInput, match="no fact can match both"):
        save(db_url, "mixed", speaker="Lavrov", type="ASSAULT")
    with pytest.raises(BadInput, match="at least one of"):
        save(db_url, "empty")
    save(db_url, "lavrov", speaker="Lavrov")
    with pytest.raises(BadInput, match="has this name already"):
        save(db_url, "lavrov", actor="Lavrov")


def test_an_alert_removed_takes_its_items_but_not_the_articles(db_url: str) -> None:
    store.ingest([lavrov()], db_url)
    save(db_url, "lavrov", speaker="Lavrov")

    assert in_store(db_url, lambda conn: alerts.remove(conn, "lavrov")) is True
    assert in_store(db_url, lambda conn: alerts.remove(conn, "lavrov")) is False
    assert in_store(db_url, alerts.listing) == []
    assert len(store.quotes(url=db_url)) == 1
