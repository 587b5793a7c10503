"""Article pages fetched by URL from a real HTTP server on loopback (pytest-httpserver): the body and
what the page states of itself, and every way a site can fail or refuse, each a one-line Failure."""

from __future__ import annotations

import time
from typing import Any

import pytest
from conftest import endless_page
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from veille.model import Failure
from veille.read import web
from veille.read.files import read_paths

PAGE = """<!doctype html><html lang="fr"><head><title>Grève à Lyon — Le Progrès</title>
<meta property="og:site_name" content="Le Progrès">
<meta property="article:published_time" content="2025-08-20T09:00:00+02:00">
<link rel="canonical" href="https://www.leprogres.example/lyon/greve.html"></head>
<body><nav>Accueil | Lyon | Sports</nav><article><h1>Grève à Lyon</h1>
<p>« Nous ne lâcherons rien », a déclaré mardi la secrétaire départementale de la CGT, Martine Roux,
devant plusieurs centaines de grévistes réunis place Bellecour.</p>
<p>Selon la préfecture, 1 200 personnes ont défilé dans le calme jusqu'à la mairie du 3e arrondissement.</p>
</article><footer>© Le Progrès</footer></body></html>"""


@pytest.fixture(autouse=True)
def quick_site_without_robots(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests need not wait a second between requests; the site has no robots.txt (404), unless
    a test clears the handlers and gives one."""
    monkeypatch.setattr(web, "PER_HOST_INTERVAL", 0.0)
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)


def read(url: str, **options: Any) -> dict[str, Any] | Failure:
    items = list(read_paths([url], **options))
    assert len(items) == 1
    return items[0]


def test_a_page_gives_its_body_and_what_it_states_of_itself(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/lyon/greve.html").respond_with_data(PAGE, content_type="text/html; charset=utf-8")

    record = read(httpserver.url_for("/lyon/greve.html"))

    assert isinstance(record, dict)
    assert "Nous ne lâcherons rien" in record["text"] and "Accueil" not in record["text"]
    assert record["title"].startswith("Grève à Lyon")
    assert record["published"] == "2025-08-20"
    assert record["source"] == "Le Progrès"
    assert record["url"] == "https://www.leprogres.example/lyon/greve.html"  # the canonical one
    assert record["id"] == httpserver.url_for("/lyon/greve.html")


def test_the_user_agent_names_veille_and_the_contact(httpserver: HTTPServer) -> None:
    seen: list[str] = []

    def handler(request: Request) -> Response:
        seen.append(request.headers.get("User-Agent", ""))
        return Response(PAGE, content_type="text/html")

    httpserver.expect_request("/a.html").respond_with_handler(handler)
    read(httpserver.url_for("/a.html"), contact="desk@example.org")

    assert seen and seen[0].startswith("veille/") and "desk@example.org" in seen[0]


def test_a_path_robots_txt_disallows_is_not_fetched(httpserver: HTTPServer) -> None:
    httpserver.clear_all_handlers()
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /prive/\n",
                                                              content_type="text/plain")
    httpserver.expect_request("/prive/a.html").respond_with_data(PAGE, content_type="text/html")

    failure = read(httpserver.url_for("/prive/a.html"))

    assert isinstance(failure, Failure) and "robots.txt" in failure.error
    assert all(request.path != "/prive/a.html" for request, _ in httpserver.log)


def test_a_429_with_retry_after_is_waited_for_then_the_page_is_read(httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/busy.html").respond_with_data("", status=429, headers={"Retry-After": "1"})
    httpserver.expect_oneshot_request("/busy.html").respond_with_data(PAGE, content_type="text/html")
    started = time.monotonic()

    record = read(httpserver.url_for("/busy.html"))

    assert isinstance(record, dict) and "Bellecour" in record["text"]
    assert time.monotonic() - started >= 1.0  # the server's Retry-After was honoured


def test_a_server_that_keeps_failing_is_given_up_with_the_reason(
        httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web, "_wait", lambda state: 0.0)
    httpserver.expect_request("/broken.html").respond_with_data("oops", status=500)

    failure = read(httpserver.url_for("/broken.html"))

    assert isinstance(failure, Failure)
    assert failure.error.endswith(f"the server answered 500 (tried {web.ATTEMPTS} times)")


@pytest.mark.parametrize(("path", "respond", "reason"), [
    ("/image.png", {"response_data": b"\x89PNG", "content_type": "image/png"}, "not an HTML page but image/png"),
    ("/gone.html", {"response_data": "", "status": 404}, "the server answered 404"),
    ("/huge.html", {"response_data": "<p>" + "x" * (web.MAX_BYTES + 10) + "</p>", "content_type": "text/html"},
     "larger than"),
    ("/empty.html", {"response_data": "<html><body></body></html>", "content_type": "text/html"},
     "no article text"),
])
def test_what_is_no_article_page_is_refused_in_one_line(
        httpserver: HTTPServer, path: str, respond: dict[str, Any], reason: str) -> None:
    httpserver.expect_request(path).respond_with_data(**respond)

    failure = read(httpserver.url_for(path))

    assert isinstance(failure, Failure) and reason in failure.error and "\n" not in failure.error


def test_a_redirect_chain_is_followed_only_so_far(httpserver: HTTPServer) -> None:
    for n in range(web.MAX_REDIRECTS + 2):
        httpserver.expect_request(f"/r{n}").respond_with_data("", status=302,
                                                              headers={"Location": httpserver.url_for(f"/r{n + 1}")})
    httpserver.expect_request("/short").respond_with_data("", status=302, headers={"Location": httpserver.url_for("/page")})
    httpserver.expect_request("/page").respond_with_data(PAGE, content_type="text/html")

    endless, short = read(httpserver.url_for("/r0")), read(httpserver.url_for("/short"))

    assert isinstance(endless, Failure) and "redirects" in endless.error
    assert isinstance(short, dict) and "Bellecour" in short["text"]


def test_a_page_dated_after_it_was_fetched_keeps_no_date(httpserver: HTTPServer) -> None:
    future = PAGE.replace("2025-08-20T09:00:00+02:00", "2099-01-01T09:00:00+02:00")
    httpserver.expect_request("/future.html").respond_with_data(future, content_type="text/html")

    record = read(httpserver.url_for("/future.html"), published="2025-08-21")

    assert isinstance(record, dict) and record["published"] == "2025-08-21"  # the caller's default, not 2099


def test_a_site_whose_robots_txt_fails_is_left_alone(httpserver: HTTPServer) -> None:
    httpserver.clear_all_handlers()
    httpserver.expect_request("/robots.txt").respond_with_data("", status=503)
    httpserver.expect_request("/a.html").respond_with_data(PAGE, content_type="text/html")

    failure = read(httpserver.url_for("/a.html"))

    assert isinstance(failure, Failure) and "robots.txt" in failure.error


def test_a_page_that_never_ends_is_given_up(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web, "TOTAL_TIMEOUT", 1.0)

    httpserver.expect_request("/endless.html").respond_with_handler(endless_page)

    failure = read(httpserver.url_for("/endless.html"))

    assert isinstance(failure, Failure) and "more than 1 s" in failure.error


def test_an_ingested_page_is_stored_with_its_url_and_outlet(httpserver: HTTPServer, tmp_path: Any) -> None:
    from sqlalchemy import create_engine, select

    from veille.batch import ingest_paths
    from veille.store.schema import articles

    httpserver.expect_request("/lyon/greve.html").respond_with_data(PAGE, content_type="text/html")
    url = f"sqlite:///{tmp_path / 'veille.db'}"

    report = ingest_paths([httpserver.url_for("/lyon/greve.html")], url)

    assert report.summary() == "1 stored, 0 already stored, 0 failed"
    engine = create_engine(url)
    with engine.connect() as conn:
        row = conn.execute(select(articles.c.url, articles.c.source, articles.c.published)).one()
    engine.dispose()
    assert tuple(row) == ("https://www.leprogres.example/lyon/greve.html", "Le Progrès", "2025-08-20")
