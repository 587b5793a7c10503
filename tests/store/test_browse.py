"""Reading the store a page at a time: pages that join up to the whole list, a story's facts once with
every copy as a source, filters in SQL that agree with the command's listings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from veille import store
from veille.errors import BadInput, StoreError
from veille.model import Analysis, Article
from veille.read.records import body_hash
from veille.store import browse
from veille.store.browse import Page
from veille.store.db import open_engine


@pytest.fixture
def db_url(any_db_url: str) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return any_db_url


def walk(read: Callable[..., Page], limit: int, **filters: Any) -> tuple[list[dict[str, Any]], int]:
    """Every item of a list read page by page, and how many pages it took."""
    items, pages, cursor = [], 0, None
    while True:
        page = read(limit=limit, cursor=cursor, **filters)
        items += page.items
        pages += 1
        if page.next is None:
            return items, pages
        cursor = page.next


def test_quotes_page_by_page_are_the_listing_of_store_quotes(linked_db: str) -> None:
    with browse.reading(linked_db) as conn:
        items, pages = walk(lambda **k: browse.quote_page(conn, newest_first=False, **k), limit=2)

    assert pages == 2
    listed = store.quotes(url=linked_db)
    assert [(q["article"], q["text"], q["sources"]) for q in items] == [
        (q["article"], q["text"], q["sources"]) for q in listed]
    # The wire story's quote once, from its first copy, with the copy as a second source.
    assert [q["sources"] for q in items if q["article"] == "afp"] == [["afp", "reuters"]]


def test_newest_first_reverses_the_order(linked_db: str) -> None:
    with browse.reading(linked_db) as conn:
        newest, _ = walk(lambda **k: browse.quote_page(conn, **k), limit=3)
        oldest, _ = walk(lambda **k: browse.quote_page(conn, newest_first=False, **k), limit=3)

    assert newest == oldest[::-1]


@pytest.mark.parametrize("filters", [{}, {"type": "ASSAULT"}, {"place": "Ukraine"}, {"actor": "poutine"},
                                     {"since": "2025-08-20"}, {"until": "2025-08-15"}])
def test_event_filters_agree_with_store_events(linked_db: str, filters: dict[str, str]) -> None:
    with browse.reading(linked_db) as conn:
        items, _ = walk(lambda **k: browse.event_page(conn, newest_first=False, **k), limit=1, **filters)

    listed = store.events(url=linked_db, **filters)
    assert [(e["article"], e["type"], e["sources"]) for e in items] == [
        (e["article"], e["type"], e["sources"]) for e in listed]
    for event, row in zip(items, listed, strict=True):
        assert [p["name"] for p in event["places"]] == row["places"]


def test_event_participants_carry_their_actor_ids(linked_db: str) -> None:
    with browse.reading(linked_db) as conn:
        (meeting,) = browse.event_page(conn, type="CONSULT").items
        (putin,) = [a for a in browse.actor_page(conn, q="Poutine").items]

    assert meeting["actors"] == [{"id": putin["id"], "name": "Vladimir Poutine"}]
    assert [p["name"] for p in meeting["targets"]] == ["Donald Trump"]


def test_stances_once_per_story_with_dates(linked_db: str) -> None:
    with browse.reading(linked_db) as conn:
        items, _ = walk(lambda **k: browse.stance_page(conn, newest_first=False, **k), limit=2)
        august_20 = browse.stance_page(conn, since="2025-08-20", until="2025-08-20").items

    assert [(s["holder"], s["polarity"], s["sources"]) for s in items] == [
        ("Vladimir Poutine", "support", ["sommet"]), ("Kremlin", "oppose", ["offensive"]),
        ("Volodymyr Zelensky", "demand", ["afp", "reuters"])]
    assert [s["holder"] for s in august_20] == ["Kremlin"]


def test_articles_latest_first_and_searched_by_text_or_by_actor(linked_db: str) -> None:
    with browse.reading(linked_db) as conn:
        items, pages = walk(lambda **k: browse.article_page(conn, **k), limit=2)
        by_text = browse.article_page(conn, q="SANCTIONS").items
        by_actor = browse.article_page(conn, q="zelensky").items

    assert pages == 3
    assert [a["id"] for a in items] == ["lavrov", "reuters", "afp", "offensive", "sommet"]  # same day: last stored first
    assert [a["id"] for a in by_text] == ["offensive"]
    assert {a["id"] for a in by_actor} == {"afp", "reuters"}
    assert (items[-1]["quotes"], items[-1]["events"], items[-1]["entities"]) == (1, 2, 5)


def test_one_article_with_its_actors_and_copies(linked_db: str) -> None:
    with browse.reading(linked_db) as conn:
        found = browse.article(conn, "afp")
        missing = browse.article(conn, "nope")

    assert found is not None and missing is None
    assert found["analysis"]["schema"] == "veille.analysis/1"
    assert found["names"][found["actors"]["e4"]] == "Volodymyr Zelensky"
    assert [c["id"] for c in found["copies"]] == ["reuters"]


def test_actors_by_name_and_one_actor_with_its_articles(linked_db: str) -> None:
    with browse.reading(linked_db) as conn:
        people, _ = walk(lambda **k: browse.actor_page(conn, type="PER", **k), limit=2)
        putin = next(a for a in people if a["name"] == "Vladimir Poutine")
        record = browse.actor_record(conn, putin["id"])
        nobody = browse.actor_record(conn, 10_000)

    assert [a["name"] for a in people] == sorted(a["name"] for a in people)
    assert putin["articles"] == 4
    assert record is not None and nobody is None
    assert [a["id"] for a in record["articles"]] == ["reuters", "afp", "offensive", "sommet"]
    assert [q["text"] for q in record["quotes"]] == ["de poursuivre l'offensive", "Nous voulons une paix durable"]
    assert [e["as"] for e in record["events"]] == [["actor"]] and record["more"]["articles"] is False


def test_stories_with_their_copies(linked_db: str) -> None:
    with browse.reading(linked_db) as conn:
        items, _ = walk(lambda **k: browse.story_page(conn, **k), limit=3)

    assert [[a["id"] for a in s["articles"]] for s in items] == [
        ["lavrov"], ["afp", "reuters"], ["offensive"], ["sommet"]]


def test_timeline_entries_by_day_filtered_by_kind_type_and_place(linked_db: str) -> None:
    with browse.reading(linked_db) as conn:
        everything, cut = browse.timeline_entries(conn)
        assaults, _ = browse.timeline_entries(conn, type="ASSAULT")
        quotes, _ = browse.timeline_entries(conn, type="quote", actor="Poutine")
        in_ukraine, _ = browse.timeline_entries(conn, place="Ukraine")

    assert not cut
    assert [e["day"] for e in everything] == sorted(e["day"] for e in everything)
    assert {e["fact"] for e in everything} == {"event", "quote", "stance"}
    assert {(e["fact"], e["type"]) for e in assaults} == {("event", "ASSAULT")}
    assert [e["text"] for e in quotes] == ["Nous voulons une paix durable", "de poursuivre l'offensive"]
    assert {e["fact"] for e in in_ukraine} == {"event"} and len(in_ukraine) == 3


def test_map_places_hold_their_events(linked_db: str) -> None:
    with browse.reading(linked_db) as conn:
        places, cut = browse.map_places(conn)

    by_name = {p["name"]: p for p in places}
    assert not cut
    assert by_name["Soumy"]["lat"] == pytest.approx(50.92, abs=0.01)
    assert len(by_name["Soumy"]["events"]) == 2  # the wire story's strike once, and the summit's
    assert by_name["Alaska"]["lat"] is None


def test_a_cursor_from_elsewhere_is_refused(linked_db: str) -> None:
    with browse.reading(linked_db) as conn:
        with pytest.raises(BadInput, match="cursor"):
            browse.quote_page(conn, cursor="not-a-cursor")
        with pytest.raises(BadInput, match="cursor"):
            browse.quote_page(conn, cursor=browse.encode_cursor([1]))


def test_overview_counts_and_names_the_most_named(linked_db: str) -> None:
    with browse.reading(linked_db) as conn:
        seen = browse.overview(conn, limit=1)

    assert (seen["articles"], seen["first"], seen["last"]) == (5, "2025-08-15", "2025-08-21")
    assert [(a["name"], a["articles"]) for a in seen["prominent"]] == [("Vladimir Poutine", 4)]


@pytest.mark.parametrize("newest_first", [True, False])
def test_undated_facts_come_last_newest_first_and_first_oldest_first(linked_db: str, newest_first: bool) -> None:
    from conftest import zelensky

    store.ingest([zelensky("undated", published=None)], linked_db)
    with browse.reading(linked_db) as conn:
        one_by_one, _ = walk(lambda **k: browse.quote_page(conn, newest_first=newest_first, **k), limit=1)
        articles, _ = walk(lambda **k: browse.article_page(conn, **k), limit=1)

    days = [q["day"] for q in one_by_one]
    assert len(days) == 6 and len({(q["article"], q["quote"]) for q in one_by_one}) == 6
    # a quote of the undated article is dated by its own date when it has one, else it has no day
    undated = [q["day"] for q in one_by_one if q["article"] == "undated"]
    assert None in undated and any(undated)
    dated = [d for d in days if d is not None]
    assert dated == sorted(dated, reverse=newest_first)
    assert days.index(None) == (len(dated) if newest_first else 0)
    assert [a["id"] for a in articles][-1] == "undated"


def test_a_copy_stored_later_but_published_earlier_leads_its_story(db_url: str) -> None:
    from conftest import WIRE_COPY, wire

    store.ingest([wire(published="2025-08-21")], db_url)
    store.ingest([wire("early", WIRE_COPY, published="2025-08-20", source="Reuters")], db_url)
    with browse.reading(db_url) as conn:
        quotes = browse.quote_page(conn).items
        events = browse.event_page(conn).items
        stances = browse.stance_page(conn).items

    for listed in (quotes, events, stances):
        assert [(f["article"], f["sources"]) for f in listed] == [("early", ["early", "afp"])]
    assert [(q["article"], q["sources"]) for q in store.quotes(url=db_url)] == [("early", ["early", "afp"])]


def test_word_search_ignores_case_and_accents_and_reads_words_by_their_start(linked_db: str) -> None:
    with browse.reading(linked_db) as conn:
        def found(q: str) -> list[str]:
            return [a["id"] for a in browse.article_page(conn, q=q).items]

        def said(words: str) -> list[str]:
            return [q["text"] for q in browse.quote_page(conn, contains=words).items]

        assert found("ANTIAERIENNE") == found("antiaérienne") != []
        assert found("défense antiaér") == found("antiaérienne")  # the last word by its start
        assert found("antiaérienne défense") == []  # an article's words, in this order
        assert found("zzqxj") == [] and said("zzqxj") == []
        assert said("civils frapper") == said("FRAPPER") != []  # a quote's words, in any order
        assert said("civil") == said("civils")


def test_word_search_without_the_word_index_reads_the_same(linked_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from veille.store import words

    def read() -> tuple[list[str], list[str]]:
        with browse.reading(linked_db) as conn:
            return ([a["id"] for a in browse.article_page(conn, q="antiaérienne").items],
                    [q["text"] for q in browse.quote_page(conn, contains="civils").items])

    indexed = read()
    monkeypatch.setattr(words, "_exists", lambda conn, name: False)  # as on PostgreSQL, or without FTS5
    assert read() == indexed and indexed[0] and indexed[1]


def test_a_store_indexed_by_an_older_veille_is_refused_until_reindexed(linked_db: str) -> None:
    engine = open_engine(linked_db)
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM store_meta")
    engine.dispose()

    with pytest.raises(StoreError, match="older veille: run `veille reindex`"):
        store.quotes(url=linked_db)
    assert store.reindex(linked_db) == 5
    assert [q["sources"] for q in store.quotes(url=linked_db) if q["article"] == "afp"] == [["afp", "reuters"]]


@pytest.mark.parametrize("since", [None, "2025-08-01"])
def test_a_cut_timeline_shows_whole_days_the_latest_or_the_first_from_since(linked_db: str, since: str | None) -> None:
    with browse.reading(linked_db) as conn:
        everything, cut = browse.timeline_entries(conn, since=since)
        few, cut_short = browse.timeline_entries(conn, since=since, limit=1)

    assert not cut and cut_short
    days = {e["day"] for e in few}
    dated = sorted(e["day"] for e in everything if e["day"])
    assert days and (max(days) == dated[-1] if since is None else min(days) == dated[0])
    assert few == [e for e in everything if e["day"] in days]


@pytest.mark.parametrize("read", [
    lambda conn, **k: browse.article_page(conn, q="Zelensky", **k),
    lambda conn, **k: browse.quote_page(conn, contains="civils", **k),
], ids=["articles", "quotes"])
def test_walking_the_list_order_and_gathering_the_matches_read_the_same_pages(
        linked_db: str, monkeypatch: pytest.MonkeyPatch, read: Callable[..., Page]) -> None:
    def items(walk_order: bool) -> list[dict[str, Any]]:
        monkeypatch.setattr(browse, "should_walk", lambda *args: walk_order)
        with browse.reading(linked_db) as conn:
            return walk(lambda **k: read(conn, **k), limit=1)[0]

    assert items(walk_order=True) == items(walk_order=False) != []


def test_an_actor_named_by_many_articles_lists_them_latest_first_either_way(
        linked_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with browse.reading(linked_db) as conn:
        putin = browse.actor_page(conn, q="Poutine").items[0]["id"]
        records = []
        for walk_order in (True, False):
            monkeypatch.setattr(browse, "should_walk", lambda *args, w=walk_order: w)
            records.append(browse.actor_record(conn, putin, limit=2))
    assert records[0] == records[1]
    assert records[0]["named_by"] == 4 and records[0]["more"]["articles"]
    assert [a["published"] for a in records[0]["articles"]] == sorted(
        [a["published"] for a in records[0]["articles"]], reverse=True)


def test_a_list_is_walked_in_order_when_its_matches_are_common_on_sqlite(linked_db: str) -> None:
    from veille.store import plan, schema

    with browse.reading(linked_db) as conn:
        rows = conn.exec_driver_sql("SELECT count(*) FROM quotes").scalar_one()
        sqlite = conn.dialect.name == "sqlite"
        assert plan.should_walk(conn, schema.quotes, matches=rows, limit=1) is (sqlite and rows > 2)
        assert plan.should_walk(conn, schema.quotes, matches=1, limit=50) is False


def test_events_read_through_a_participant_are_listed_once_each_and_as_the_command_lists_them(db_url: str) -> None:
    from conftest import entity, event

    text = "La Russie accuse la Russie. Kiev a été frappée près de Kiev, en Ukraine."
    kiev = entity(text, "e2", "Kiev", "LOC")
    analysis = Analysis(Article("twice", text, body_hash(text), "fr", published="2025-08-21"),
                        [entity(text, "e1", "Russie", "LOC"), kiev, entity(text, "e3", "Ukraine", "LOC")],
                        events=[event(text, "v1", "ACCUSE", "La Russie accuse la Russie", actors=["e1"],
                                      targets=["e1"]),
                                event(text, "v2", "ASSAULT", "Kiev a été frappée", locations=["e2", "e3"])])
    store.ingest([analysis], db_url)
    with browse.reading(db_url) as conn:
        russia = browse.actor_page(conn, q="Russie").items[0]["id"]
        by_actor = browse.event_page(conn, actor_ids=[russia]).items
        by_place = walk(lambda **k: browse.event_page(conn, place="Ukraine", **k), limit=1)[0]

    assert [e["event"] for e in by_actor] == ["v1"]
    assert [e["event"] for e in by_place] == ["v2"]
    assert [e["event"] for e in store.events(place="Ukraine", url=db_url)] == ["v2"]
