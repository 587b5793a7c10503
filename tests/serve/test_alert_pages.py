"""The dashboard's alerts: the list with what is new to this browser, an alert's page that marks its
items seen for the next visit, and each alert as an Atom feed a feed reader can read. Also the
Sources page's chart and the pages an article was fetched from."""

from __future__ import annotations

from collections.abc import Iterator

import feedparser
import pytest
from conftest import entity, in_store, lavrov, quote, zelensky
from fastapi.testclient import TestClient
from sqlalchemy import Connection

from veille import store
from veille.model import Analysis, Article
from veille.read.records import body_hash
from veille.serve import create_app
from veille.store import alerts, sources


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    store.ingest([lavrov()], db_url)
    in_store(db_url, lambda conn: alerts.add(conn, "Lavrov & co", speaker="Lavrov"))
    with TestClient(create_app(db_url), base_url="http://127.0.0.1") as client:
        yield client


def later_lavrov() -> Analysis:
    """Another article, two days later, quoting Lavrov again."""
    text = "« Nous ne reculerons pas sur l'Ukraine », a déclaré Sergueï Lavrov samedi à Moscou."
    return Analysis(Article("lavrov-2", text, body_hash(text), "fr", published="2025-08-23"),
                    entities=[entity(text, "e1", "Sergueï Lavrov", "PER")],
                    quotes=[quote(text, "q1", "direct", "Nous ne reculerons pas sur l'Ukraine", "e1", "Sergueï Lavrov",
                                  cue="a déclaré")])


def fetched(analysis: Analysis, url: str, outlet: str, author: str | None) -> Analysis:
    analysis.article.url, analysis.article.source, analysis.article.author = url, outlet, author
    analysis.article.fetched_at = "2025-08-22T08:30:00+00:00"
    return analysis


def test_an_alert_page_marks_what_is_new_since_this_browsers_last_visit(client: TestClient, db_url: str) -> None:
    first = client.get("/alerts/Lavrov%20%26%20co")
    again = client.get("/alerts/Lavrov%20%26%20co")
    store.ingest([later_lavrov()], db_url)  # another article: its quote is new
    listing = client.get("/alerts")
    later = client.get("/alerts/Lavrov%20%26%20co")

    assert first.status_code == 200 and first.text.count('class="badge">new') == 1
    assert again.text.count('class="badge">new') == 0
    assert 'class="badge">1<' in listing.text
    assert later.text.count('class="badge">new') == 1 and "lavrov-2" in later.text
    assert client.get("/alerts/nobody").status_code == 404


def test_each_alert_is_an_atom_feed_whose_entries_link_to_their_evidence(client: TestClient, db_url: str) -> None:
    store.ingest([later_lavrov()], db_url)

    answer = client.get("/alerts/Lavrov%20%26%20co.atom")
    feed = feedparser.parse(answer.content)

    assert answer.headers["content-type"].startswith("application/atom+xml")
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "veille: Lavrov & co"
    assert len(feed.entries) == 2 and len({entry.id for entry in feed.entries}) == 2
    assert feed.entries[0].link == "http://127.0.0.1/articles/lavrov-2#m-quote-q1"
    assert "Lavrov" in feed.entries[0].title
    assert client.get("/alerts/nobody.atom").status_code == 404


def test_the_article_page_shows_every_page_its_text_was_fetched_from(db_url: str) -> None:
    store.ingest([fetched(zelensky(), "https://sud.example/a.html", "Le Courrier du Sud", "Jeanne Martin")], db_url)
    store.ingest([fetched(zelensky("copie"), "https://ouest.example/b.html", "L'Écho de l'Ouest", None)], db_url)

    with TestClient(create_app(db_url), base_url="http://127.0.0.1") as client:
        html = client.get("/articles/zelensky").text

    assert '<a href="https://sud.example/a.html" rel="noreferrer noopener">Le Courrier du Sud</a> by Jeanne Martin' in html
    assert "L&#39;Écho de l&#39;Ouest" in html and "2025-08-22T08:30:00+00:00" in html


def test_the_sources_page_charts_the_new_articles_of_each_day(db_url: str) -> None:
    def follow(conn: Connection) -> None:
        source = sources.add(conn, "Le Nord", "https://lenord.example/rss.xml", "rss", 900)
        sources.taken(conn, source["id"], ["https://lenord.example/1", "https://lenord.example/2"], stored=True)
        sources.taken(conn, source["id"], ["https://lenord.example/3"], stored=False)

    in_store(db_url, follow)
    with TestClient(create_app(db_url), base_url="http://127.0.0.1") as client:
        html = client.get("/sources").text

    assert html.count("<rect ") == 14
    assert html.count(": 0</title>") == 13 and html.count(": 2</title>") == 1


def test_the_api_lists_alerts_their_new_items_and_the_sources(client: TestClient, db_url: str) -> None:
    first = client.get("/api/alerts/Lavrov%20%26%20co/items").json()["items"]
    store.ingest([later_lavrov()], db_url)
    newer = client.get("/api/alerts/Lavrov%20%26%20co/items", params={"after": first[0]["id"]}).json()["items"]

    assert [item["article"] for item in first] == ["lavrov"]
    assert [(item["article"], item["kind"]) for item in newer] == [("lavrov-2", "quote")]
    assert client.get("/api/alerts").json()["items"][0]["items"] == 2
    assert client.get("/api/alerts/nobody/items").status_code == 404
    assert client.get("/api/sources").json() == {"items": []}
