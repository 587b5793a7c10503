"""The HTML pages, read as HTML: each one answers, shows what the store holds, escapes article text,
and loads nothing but veille's own files."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from conftest import claims, kallas, span
from fastapi.testclient import TestClient

from veille import store
from veille.model import Analysis, Article, Entity, Quote
from veille.read.records import body_hash
from veille.serve import create_app

SCRIPT = "Le message « <script>alert(1)</script> » a été publié, a indiqué la police."


def script_article() -> Analysis:
    text = SCRIPT
    said = span(text, "<script>alert(1)</script>")
    police = span(text, "la police")
    return Analysis(Article("script", text, body_hash(text), "fr", published="2025-08-21",
                            title="Un <b>piège</b>"),
                    entities=[Entity("e1", "police", "ORG", [police])],
                    quotes=[Quote("q1", "direct", said.text, said.start, said.end, "e1", police.text,
                                  cue="a indiqué")])


@pytest.fixture
def client(linked_db: str) -> Iterator[TestClient]:
    store.ingest([script_article()], linked_db)
    with TestClient(create_app(linked_db), base_url="http://127.0.0.1") as client:
        yield client


class Assets(HTMLParser):
    """What a page would load: scripts, styles, images, frames (links to follow are not loads)."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "image") and found.get("src"):
            self.loads.append(found["src"] or "")
        if tag == "link" and found.get("href"):
            self.loads.append(found["href"] or "")


@pytest.mark.parametrize("path", ["/", "/?q=poutine", "/articles/afp", "/actors", "/actors/1", "/timeline",
                                  "/timeline?type=ASSAULT&place=Ukraine", "/map", "/map?view=world",
                                  "/quotes", "/quotes?speaker=poutine&from=2025-08", "/sources", "/alerts"])
def test_every_page_answers_and_loads_only_its_own_files(client: TestClient, path: str) -> None:
    answer = client.get(path)

    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    assets = Assets()
    assets.feed(answer.text)
    assert assets.loads and all(url.startswith("/static/") for url in assets.loads)
    assert "@import" not in answer.text and "url(http" not in answer.text
    for url in assets.loads:
        assert client.get(url).status_code == 200


def test_the_article_text_is_escaped_and_its_quote_marked(client: TestClient) -> None:
    html = client.get("/articles/script").text

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Un &lt;b&gt;piège&lt;/b&gt;" in html
    (mark,) = re.findall(r'<mark class="hl hl-quote[^"]*" data-ref[^>]*>', html)
    assert 'data-cue="a indiqué"' in mark and 'data-actor="/actors/' in mark and 'id="m-quote-q1"' in mark


def test_the_article_page_lists_what_was_extracted(client: TestClient) -> None:
    html = client.get("/articles/afp").text

    assert 'href="#m-quote-q1"' in html and 'id="m-quote-q1"' in html
    assert 'data-type="ASSAULT"' in html and 'data-killed="2"' in html
    assert html.count('class="hl hl-ent hl-PER"') >= 3
    assert "Same story:" in html and 'href="/articles/reuters"' in html


def test_the_search_finds_articles_quotes_and_actors(client: TestClient) -> None:
    html = client.get("/", params={"q": "Zelensky"}).text

    assert 'href="/articles/afp"' in html
    assert "La Russie continue de frapper des civils" in html
    assert re.search(r'<a class="actor" href="/actors/\d+">Volodymyr Zelensky</a>', html)


def test_the_timeline_filters_by_type_and_place(client: TestClient) -> None:
    html = client.get("/timeline", params={"type": "ASSAULT", "place": "Ukraine"}).text

    assert set(re.findall(r'data-fact="(\w+)"', html)) == {"event"}
    assert set(re.findall(r'data-type="(\w+)"', html)) == {"ASSAULT"}
    assert 'id="day-2025-08-21"' in html


def test_the_timeline_and_map_say_whose_word_an_event_is_and_can_keep_to_what_is_asserted(
        client: TestClient, linked_db: str) -> None:
    store.ingest([claims()], linked_db)
    timeline = client.get("/timeline", params={"from": "2025-08-18", "to": "2025-08-20"}).text
    asserted = client.get("/timeline", params={"from": "2025-08-18", "to": "2025-08-20", "asserted": "1"}).text
    shown = client.get("/map", params={"from": "2025-08-18", "to": "2025-08-20"}).text
    kept = client.get("/map", params={"from": "2025-08-18", "to": "2025-08-20", "asserted": "1"}).text
    article = client.get("/articles/claims").text

    assert re.search(r'according to <a class="actor" href="/actors/\d+">Oleh Kiper</a>', timeline)
    assert 'denied by <span class="actor unlinked">L&#39;armée russe</span>' in timeline
    assert "according to Oleh Kiper" in article and "denied by L&#39;armée russe" in article
    assert "according to" not in asserted and "denied by" not in asserted and "Odessa" in asserted
    assert {"Kherson", "Kharkiv"} <= set(re.findall(r'data-name="([^"]+)"', shown))
    assert "Kherson" not in re.findall(r'data-name="([^"]+)"', kept) and 'name="asserted" value="1" checked' in kept


def test_the_map_places_markers_at_coordinates(client: TestClient) -> None:
    html = client.get("/map").text
    markers = dict(re.findall(r'<circle class="marker[^"]*" cx="[^"]+" cy="[^"]+" r="[^"]+" data-place="\d+" '
                              r'data-name="([^"]+)" data-count="(\d+)"', html))

    assert markers == {"Sumy": "2", "Kyiv": "1"} or markers == {"Soumy": "2", "Kyiv": "1"}
    assert 'id="c-UA"' in html and "#c-UA" in html  # Ukraine is shaded


def test_pages_not_found_are_html(client: TestClient) -> None:
    for path in ("/articles/nope", "/actors/99999"):
        answer = client.get(path)
        assert answer.status_code == 404 and answer.headers["content-type"].startswith("text/html")
    assert client.get("/timeline", params={"from": "demain"}).status_code == 400


def test_an_unsure_speaker_is_shown_as_uncertain_and_says_why(client: TestClient, linked_db: str) -> None:
    store.ingest([kallas()], linked_db)
    why = "uncertain attribution (confidence 0.45): speaker found through a pronoun"

    quotes = client.get("/quotes").text
    article = client.get("/articles/kallas").text
    actor = client.get("/actors/" + re.findall(r'href="/actors/(\d+)">Kaja Kallas<', quotes)[0]).text

    # the quote found through a pronoun (0.45) is labelled; the one through a description (0.8) is not
    for html in (quotes, article, actor):
        assert html.count(">uncertain</span>") == 1
        assert f'title="{why}"' in html
    assert re.search(r'<span class="uncertain" title="[^"]+"><a class="actor" href="/actors/\d+">Kaja Kallas</a> '
                     r'<span class="label-uncertain"', quotes)
    (unsure,) = re.findall(r'<mark class="hl hl-quote hl-direct hl-uncertain"[^>]*>', article)
    assert 'data-ref="q1"' in unsure and f'data-uncertain="{why}"' in unsure
    assert len(re.findall(r'<mark class="hl hl-quote hl-direct" data-ref="q2"', article)) == 1


def test_the_quotes_page_can_leave_out_uncertain_attributions(client: TestClient, linked_db: str) -> None:
    store.ingest([kallas()], linked_db)

    every = client.get("/quotes").text
    sure = client.get("/quotes", params={"sure": "1"}).text

    assert every.count(">uncertain</span>") == 1
    assert sure.count(">uncertain</span>") == 0
    # only the quote attributed through a description (0.8) is sure; the others have no confidence
    assert every.count('<td class="said">') > 2 and sure.count('<td class="said">') == 1
    assert 'name="sure" value="1" checked' in sure


def test_pronouns_and_descriptions_are_marked_apart_from_names(client: TestClient, linked_db: str) -> None:
    store.ingest([kallas()], linked_db)

    html = client.get("/articles/kallas").text

    assert re.findall(r'<mark class="hl hl-ent hl-PER hl-ent-(\w+)"[^>]*>([^<]+)<', html) == [
        ("pronoun", "-t-elle"), ("description", "la cheffe de la diplomatie européenne"), ("pronoun", "Elle")]
    assert re.search(r'<mark class="hl hl-ent hl-PER" data-[^>]*>Kaja Kallas<', html)
    assert 'data-mention="pronoun"' in html and 'data-mention="description"' in html


def test_the_sources_page_shows_each_source_and_its_health(client: TestClient, linked_db: str) -> None:
    from veille.store import sources
    from veille.store.db import open_engine, write

    assert "No source yet" in client.get("/sources").text
    engine = open_engine(linked_db)

    def follow(conn: Any) -> None:
        sources.add(conn, "Le Nord", "https://lenord.example/rss.xml", "rss", 900)
        broken = sources.add(conn, "Cassé", "https://casse.example/rss.xml", "rss", 3600)
        sources.failed(conn, broken, "the server answered 404")

    write(engine, "adding sources", follow)
    engine.dispose()
    html = client.get("/sources").text

    assert "Le Nord" in html and "15 min" in html and "never" in html
    assert "Cassé" in html and "the server answered 404" in html and "60 min" in html
