"""The REST API on a store of hand-built analyses: lists by pages that join up, filters, one article
in the contract's shape, and writes that need the bearer token."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from conftest import claims, kallas
from fastapi.testclient import TestClient

from veille import store
from veille.serve import create_app

TOKEN = "s3cret-token"


@pytest.fixture
def client(linked_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(linked_db, token=TOKEN), base_url="http://127.0.0.1") as client:
        yield client


def every(client: TestClient, url: str) -> tuple[list[dict[str, Any]], int]:
    """All items of a list, following `next` to the end; and how many pages it took."""
    items, pages = [], 0
    next: str | None = url
    while next:
        answer = client.get(next)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert set(body) == {"items", "next"}
        items += body["items"]
        pages += 1
        next = body["next"]
    return items, pages


@pytest.mark.parametrize(("path", "count"), [("/api/articles", 5), ("/api/quotes", 4), ("/api/events", 5),
                                             ("/api/stances", 3), ("/api/actors", 12), ("/api/stories", 4)])
def test_next_links_walk_every_list_to_its_end(client: TestClient, path: str, count: int) -> None:
    one_by_one, pages = every(client, f"{path}?limit=1")
    whole, _ = every(client, f"{path}?limit=500")

    assert pages == count and len(one_by_one) == count
    assert one_by_one == whole


def test_next_is_a_url_keeping_the_filters(client: TestClient) -> None:
    first = client.get("/api/events", params={"type": "assault", "limit": 1}).json()

    assert first["next"].startswith("http://127.0.0.1/api/events?")
    assert "type=assault" in first["next"] and "cursor=" in first["next"]
    rest, _ = every(client, first["next"])
    assert {e["type"] for e in first["items"] + rest} == {"ASSAULT"} and len(rest) == 2


def test_quote_filters(client: TestClient) -> None:
    def texts(**params: str) -> list[str]:
        return [q["text"] for q in every(client, "/api/quotes?" + "&".join(f"{k}={v}" for k, v in params.items()))[0]]

    assert texts(speaker="poutine", order="oldest") == ["Nous voulons une paix durable", "de poursuivre l'offensive"]
    assert texts(q="securite") == ["La Russie ne cédera pas sur les garanties de sécurité."]
    assert texts(**{"from": "2025-08-20", "to": "2025-08-20"}) == [
        "La Russie ne cédera pas sur les garanties de sécurité.", "de poursuivre l'offensive"]


def test_event_filters(client: TestClient) -> None:
    by_place, _ = every(client, "/api/events?place=Ukraine&order=oldest")
    by_actor, _ = every(client, "/api/events?actor=Trump")
    in_july, _ = every(client, "/api/events?from=2025-07&to=2025-07")

    assert [(e["article"], e["sources"]) for e in by_place] == [
        ("sommet", ["sommet"]), ("offensive", ["offensive"]), ("afp", ["afp", "reuters"])]
    assert [(e["type"], [t["name"] for t in e["targets"]]) for e in by_actor] == [("CONSULT", ["Donald Trump"])]
    assert in_july == []


def test_stances_actors_and_one_actor(client: TestClient) -> None:
    (demand,) = client.get("/api/stances", params={"holder": "zelensky"}).json()["items"]
    (putin,) = client.get("/api/actors", params={"q": "poutine", "type": "PER"}).json()["items"]
    record = client.get(f"/api/actors/{putin['id']}").json()

    assert (demand["polarity"], demand["sources"]) == ("demand", ["afp", "reuters"])
    assert (putin["name"], putin["articles"]) == ("Vladimir Poutine", 4)
    assert record["roles"][0]["role"] == "président russe" and len(record["articles"]) == 4
    assert client.get("/api/actors/99999").status_code == 404


def test_one_article_is_the_contract_json(client: TestClient, contract_schema: dict[str, Any]) -> None:
    answer = client.get("/api/articles/afp")

    assert answer.status_code == 200
    jsonschema.validate(answer.json(), contract_schema)
    assert answer.json()["article"]["id"] == "afp"
    assert client.get("/api/articles/nope").status_code == 404


def test_bad_parameters_are_refused_in_json(client: TestClient) -> None:
    assert client.get("/api/quotes", params={"from": "21/08/2025"}).status_code == 422
    assert client.get("/api/events", params={"type": "PARTY"}).status_code == 422
    assert client.get("/api/quotes", params={"limit": 0}).status_code == 422
    bad_cursor = client.get("/api/quotes", params={"cursor": "abc"})
    assert bad_cursor.status_code == 400 and "cursor" in bad_cursor.json()["detail"]


def test_openapi_and_docs_are_served_without_a_cdn(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    docs = client.get("/docs").text

    assert {"/api/articles", "/api/articles/{id}", "/api/quotes", "/api/actors", "/api/actors/{id}", "/api/events",
            "/api/stances", "/api/stories"} <= set(spec["paths"])
    assert "post" in spec["paths"]["/api/articles"]
    assert "http" not in docs.replace("http-equiv", "")
    for asset in ("/static/docs/swagger-ui-bundle.js", "/static/docs/swagger-ui.css"):
        assert asset in docs and client.get(asset).status_code == 200


# --- writes ---

ARTICLE = {"id": "nouveau", "published": "2025-08-22", "title": "Kallas à Bruxelles",
           "text": "Kaja Kallas a déclaré jeudi à Bruxelles : « L'Europe restera unie. »"}


def test_writes_are_refused_when_the_server_has_no_token(linked_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VEILLE_API_TOKEN", raising=False)
    with TestClient(create_app(linked_db), base_url="http://127.0.0.1") as client:
        answer = client.post("/api/articles", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})

    assert answer.status_code == 403 and "VEILLE_API_TOKEN" in answer.json()["detail"]


def test_a_write_needs_the_servers_token(client: TestClient) -> None:
    without = client.post("/api/articles", json=ARTICLE)
    wrong = client.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer guess"})

    assert without.status_code == 401 and without.headers["www-authenticate"] == "Bearer"
    assert wrong.status_code == 401
    assert client.get("/api/articles/nouveau").status_code == 404


@pytest.mark.slow
def test_a_write_with_the_token_analyses_and_stores(linked_db: str, monkeypatch: pytest.MonkeyPatch,
                                                    contract_schema: dict[str, Any]) -> None:
    monkeypatch.setenv("VEILLE_API_TOKEN", TOKEN)
    with TestClient(create_app(linked_db), base_url="http://127.0.0.1") as client:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        created = client.post("/api/articles", json=ARTICLE, headers=headers)
        again = client.post("/api/articles", json={**ARTICLE, "id": "copie"}, headers=headers)
        empty = client.post("/api/articles", json={"text": " "}, headers=headers)
        untitled = client.post("/api/articles", headers=headers, json={
            "id": "sans-titre", "text": "Kallas à Bruxelles\nKaja Kallas a parlé jeudi de l'Europe."})
        stored = client.get("/api/articles/nouveau")

    assert created.status_code == 201, created.text
    assert created.headers["location"] == "/api/articles/nouveau"
    jsonschema.validate(created.json(), contract_schema)
    assert stored.json() == created.json()
    assert (again.status_code, again.json()["article"]["id"]) == (200, "nouveau")  # the same text, stored once
    assert empty.status_code == 400
    assert untitled.json()["article"]["title"] == "Kallas à Bruxelles"  # the first line is its headline


def test_quotes_carry_their_confidence_and_keep_a_minimum(client: TestClient, linked_db: str) -> None:
    store.ingest([kallas()], linked_db)

    everything, _ = every(client, "/api/quotes")
    sure, _ = every(client, "/api/quotes?min_confidence=0.6")
    scored, _ = every(client, "/api/quotes?min_confidence=0&limit=1")

    assert {(q["text"], q["confidence"], q["speaker_link"]) for q in everything if q["article"] == "kallas"} == {
        ("L'Europe restera unie", 0.453, "pronoun"), ("les sanctions seront renforcées", 0.8, "description")}
    assert all(q["confidence"] is None and q["speaker_link"] is None for q in everything if q["article"] != "kallas")
    assert [(q["text"], q["confidence"]) for q in sure] == [("les sanctions seront renforcées", 0.8)]
    assert sorted(q["confidence"] for q in scored) == [0.453, 0.8]  # a quote without a confidence is left out
    for bad in ("1.5", "-0.1", "sure"):
        assert client.get("/api/quotes", params={"min_confidence": bad}).status_code == 422
    (stance,) = [s for s in every(client, "/api/stances")[0] if s["article"] == "kallas"]
    assert stance["date"] == "2025-08-21"


def test_events_can_keep_to_what_articles_assert_and_say_who_reports_the_rest(db_url: str) -> None:
    store.ingest([claims()], db_url)
    with TestClient(create_app(db_url), base_url="http://127.0.0.1") as client:
        asserted, _ = every(client, "/api/events?modality=asserted")
        reported, _ = every(client, "/api/events?modality=reported")
        denied, _ = every(client, "/api/events?modality=denied")
        unknown = client.get("/api/events?modality=rumoured")

    assert [e["date"] for e in asserted] == ["2025-08-18"]
    assert [(e["date"], e["reported_by"]["name"]) for e in reported] == [("2025-08-19", "Oleh Kiper")]
    assert isinstance(reported[0]["reported_by"]["id"], int)  # the actor's id, to follow the source
    assert [(e["date"], e["reported_by"]) for e in denied] == [("2025-08-20", {"id": None, "name": "L'armée russe"})]
    assert asserted[0]["reported_by"] is None and unknown.status_code == 422


@pytest.mark.slow
def test_a_past_event_is_found_in_its_own_year_not_on_the_day_it_was_reported(db_url: str) -> None:
    import veille

    analysis = veille.analyze("Le juge Paolo Ferrante a été assassiné en 2013 à Palerme par la mafia. Son procès "
                              "s'ouvre lundi.", published="2022-05-10", id="palerme", language="fr")
    store.ingest([analysis], db_url)
    with TestClient(create_app(db_url), base_url="http://127.0.0.1") as client:
        in_2013, _ = every(client, "/api/events?from=2013&until=2013")
        in_2022, _ = every(client, "/api/events?from=2022")

    assert [(e["article"], e["type"], e["day"]) for e in in_2013] == [("palerme", "ASSAULT", "2013")]
    assert in_2022 == []
