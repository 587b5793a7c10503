"""The app as the network meets it: Host names it answers to, writes checked before their body is
read, bodies capped, failed authentications limited, security headers on every answer, and client
mistakes answered 4xx without naming anything of the server's."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from veille.serve import create_app
from veille.serve.guard import FAILURES_ALLOWED

TOKEN = "s3cret"
LOCAL = "http://127.0.0.1"


@pytest.fixture
def client(linked_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(linked_db, token=TOKEN, allowed=["veille.example.org"], max_body=5_000),
                    base_url=LOCAL) as client:
        yield client


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "localhost:8000", "veille.example.org"])
def test_the_names_of_this_server_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/api/articles", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "attacker.localhost.com"])
def test_another_host_name_is_refused_so_a_rebound_dns_name_reads_nothing(client: TestClient, host: str) -> None:
    answer = client.get("/api/articles", headers={"Host": host})

    assert answer.status_code == 400
    assert "Lavrov" not in answer.text


@pytest.mark.parametrize("path", ["/", "/api/quotes", "/static/veille.css", "/api/articles/nothing", "/nowhere"])
def test_every_answer_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers

    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "script-src 'self';" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


def test_only_the_api_docs_may_run_their_inline_script(client: TestClient) -> None:
    assert "script-src 'self' 'unsafe-inline'" in client.get("/docs").headers["content-security-policy"]


def test_a_write_without_the_token_is_refused_before_its_body_is_read(client: TestClient) -> None:
    broken = client.post("/api/articles", content=b"{not json", headers=auth("wrong"))
    huge = client.post("/api/articles", content=b"x" * 50_000, headers=auth("wrong"))

    assert broken.status_code == 401  # not 422: the body was never parsed
    assert huge.status_code == 401  # not 413: nor read
    assert broken.headers["www-authenticate"] == "Bearer"


def test_a_body_over_the_limit_is_refused_by_its_length_or_as_it_comes(client: TestClient) -> None:
    announced = client.post("/api/articles", content=b"{" + b" " * 10_000 + b"}", headers=auth())

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(100):
            yield b"a" * 1_000
        yield b'"}'

    streamed = client.post("/api/articles", content=chunks(), headers=auth())

    assert announced.status_code == 413
    assert streamed.status_code == 413
    assert "5,000 bytes" in streamed.json()["detail"]


def test_a_client_that_keeps_failing_to_authenticate_must_wait(client: TestClient) -> None:
    for _ in range(FAILURES_ALLOWED):
        assert client.post("/api/articles", json={"text": "x"}, headers=auth("guess")).status_code == 401

    blocked = client.post("/api/articles", json={"text": "x"}, headers=auth())

    assert blocked.status_code == 429
    assert int(blocked.headers["retry-after"]) >= 1
    assert client.get("/api/articles").status_code == 200  # reading goes on


@pytest.mark.parametrize("cursor", [
    "WzEwMDAwMDAwMDAwMDAwMDAwMDAwMDAwLDEsMSwiMSJd",  # [10**22, 1, 1, "1"]: an integer no column holds
    "bm90IGEgY3Vyc29y", "!!!", "WyJhIl0", "W251bGwsIG51bGwsIG51bGwsIHRydWVd",
])
def test_a_tampered_cursor_is_a_client_error(client: TestClient, cursor: str) -> None:
    for path in ("/api/quotes", "/api/events", "/api/actors", "/api/articles"):
        answer = client.get(path, params={"cursor": cursor})
        assert answer.status_code == 400, (path, answer.text)


@pytest.mark.parametrize("id", ["99999999999999999999999", "9223372036854775808", "0", "-1"])
def test_an_actor_id_out_of_range_is_not_found(client: TestClient, id: str) -> None:
    assert client.get(f"/api/actors/{id}").status_code == 404
    assert client.get(f"/actors/{id}").status_code == 404


def test_a_failing_store_is_unavailable_without_naming_its_path(linked_db: str) -> None:
    path = Path(linked_db.removeprefix("sqlite:///"))
    with TestClient(create_app(linked_db), base_url=LOCAL) as client:
        with sqlite3.connect(path) as raw:
            raw.execute("DROP TABLE quotes")
        answers = [client.get("/api/quotes"), client.get("/quotes"),
                   client.get("/api/quotes", params={"contains": " ".join(["mot"] * 2000)})]

    for answer in answers:
        assert answer.status_code == 503
        assert str(path) not in answer.text and path.name not in answer.text
