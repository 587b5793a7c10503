"""`veille watch` against a site that misbehaves in every way the web does, on loopback: what can be
read is stored, what cannot is refused with its reason and tried again later, and a slow source
never holds up the others."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import endless_page
from pytest_httpserver import HTTPServer
from sqlalchemy import create_engine, select
from test_watch_exactly_once import DISPATCH, page, rss
from typer.testing import CliRunner
from werkzeug import Request, Response

from veille.cli import app
from veille.read import web
from veille.store.schema import articles, source_items

runner = CliRunner()


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VEILLE_HOST_INTERVAL", "0")
    monkeypatch.setattr(web, "TOTAL_TIMEOUT", 1.5)
    monkeypatch.setattr(web, "ATTEMPTS", 2)


def veille(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def stored(db: str) -> dict[str, Any]:
    engine = create_engine(db)
    with engine.connect() as conn:
        found = {url: published for url, published in conn.execute(select(articles.c.url, articles.c.published))}
    engine.dispose()
    return found


def article(n: int, date: str = "2025-06-11T10:00:00+02:00") -> str:
    return page(f"Barrages, épisode {n}", [f"Épisode {n}. {DISPATCH[n % 4]}", DISPATCH[(n + 1) % 4]],
                "Le Sud").replace("2025-06-11T10:00:00+02:00", date)


def hostile_site(server: HTTPServer) -> list[str]:
    """A feed of pages that answer 200, 429 then 200, 500 always, a redirect chain, too many
    redirects, a body that never ends, a huge body, a path robots.txt forbids, and a future date."""
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    server.expect_request("/ok.html").respond_with_data(article(1), content_type="text/html")
    tries: list[int] = []

    def busy(request: Request) -> Response:
        tries.append(1)
        if len(tries) == 1:
            return Response("slow down", status=429, headers={"Retry-After": "1"})
        return Response(article(2), content_type="text/html")

    server.expect_request("/busy.html").respond_with_handler(busy)
    server.expect_request("/down.html").respond_with_data("oops", status=500)
    server.expect_request("/moved.html").respond_with_data("", status=301, headers={"Location": "/moved-2.html"})
    server.expect_request("/moved-2.html").respond_with_data("", status=302, headers={"Location": "/final.html"})
    server.expect_request("/final.html").respond_with_data(article(3), content_type="text/html")
    for n in range(8):
        server.expect_request(f"/loop-{n}.html").respond_with_data(
            "", status=302, headers={"Location": f"/loop-{n + 1}.html"})

    server.expect_request("/endless.html").respond_with_handler(endless_page)
    server.expect_request("/huge.html").respond_with_data("<p>" + "x" * (web.MAX_BYTES + 10) + "</p>",
                                                          content_type="text/html")
    server.expect_request("/private/secret.html").respond_with_data(article(4), content_type="text/html")
    server.expect_request("/future.html").respond_with_data(article(5, "2099-01-01T08:00:00+00:00"),
                                                            content_type="text/html")
    paths = ["/ok.html", "/busy.html", "/down.html", "/moved.html", "/loop-0.html", "/endless.html", "/huge.html",
             "/private/secret.html", "/future.html"]
    server.expect_request("/rss.xml").respond_with_data(rss(server, paths), content_type="application/rss+xml")
    server.expect_request("/broken.xml").respond_with_data('<?xml version="1.0"?><rss version="2.0"><channel><item>',
                                                           content_type="application/rss+xml")
    return paths


def test_what_a_hostile_site_serves_is_stored_or_refused_with_its_reason(httpserver: HTTPServer,
                                                                         tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'veille.db'}"
    hostile_site(httpserver)
    veille("sources", "add", httpserver.url_for("/rss.xml"), "--name", "hostile", "--db", db)
    veille("sources", "add", httpserver.url_for("/broken.xml"), "--name", "broken", "--db", db)

    result = veille("watch", "--once", "--db", db)

    assert stored(db) == {httpserver.url_for("/ok.html"): "2025-06-11",
                          httpserver.url_for("/busy.html"): "2025-06-11",
                          httpserver.url_for("/final.html"): "2025-06-11",
                          httpserver.url_for("/future.html"): None}  # a date after its fetch is no date
    for reason in ("down.html: the server answered 500 (tried 2 times)", "loop-0.html: more than 5 redirects",
                   "endless.html: the page took more than 1.5 s", "huge.html: the page is larger than",
                   "secret.html: its site's robots.txt does not allow it"):
        assert reason in result.output
    listing = {row["name"]: row for row in json.loads(veille("sources", "list", "--format", "json", "--db", db).output)}
    assert listing["hostile"]["last_error"] is None and listing["hostile"]["found"] == 4
    assert "broken" in listing and listing["broken"]["last_error"] and listing["broken"]["failures"] == 1
    engine = create_engine(db)
    with engine.connect() as conn:
        taken = {url.rsplit("/", 1)[1] for url in conn.execute(select(source_items.c.url)).scalars()}
    engine.dispose()
    # the pages whose server failed or never finished are tried again next time; the others are refused for good
    assert taken == {"ok.html", "busy.html", "moved.html", "future.html", "loop-0.html", "huge.html", "secret.html"}


@pytest.fixture
def other_site() -> Any:
    """A second site, on its own port: another outlet."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


def test_a_slow_source_does_not_hold_up_the_others(httpserver: HTTPServer, other_site: HTTPServer,
                                                   tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'veille.db'}"
    for site in (httpserver, other_site):
        site.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/fast/1.html").respond_with_data(article(1), content_type="text/html")
    httpserver.expect_request("/fast.xml").respond_with_data(rss(httpserver, ["/fast/1.html"]),
                                                             content_type="application/rss+xml")
    waited: list[bool] = []

    def slow_feed(request: Request) -> Response:
        """Answers once the other source's article is stored, or after 20 s."""
        if request.headers.get("User-Agent", "").startswith("veille") and waited is not None:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and not stored(db):
                time.sleep(0.1)
            waited.append(bool(stored(db)))
        return Response(rss(other_site, []), content_type="application/rss+xml")

    other_site.expect_request("/slow.xml").respond_with_data(rss(other_site, []), content_type="application/rss+xml")
    veille("sources", "add", other_site.url_for("/slow.xml"), "--name", "slow", "--db", db)  # due first
    veille("sources", "add", httpserver.url_for("/fast.xml"), "--name", "fast", "--db", db)
    other_site.clear_all_handlers()
    other_site.expect_request("/robots.txt").respond_with_data("", status=404)
    other_site.expect_request("/slow.xml").respond_with_handler(slow_feed)

    veille("watch", "--once", "--db", db)

    assert waited == [True]


def test_the_pages_own_date_wins_over_the_feeds_which_stands_in_when_the_page_gives_none(
        httpserver: HTTPServer, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'veille.db'}"
    undated = article(1).replace('<meta property="article:published_time" content="2025-06-11T10:00:00+02:00">', "")
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/dated.html").respond_with_data(article(2), content_type="text/html")
    httpserver.expect_request("/undated.html").respond_with_data(undated, content_type="text/html")
    httpserver.expect_request("/undated-2.html").respond_with_data(undated.replace("Épisode 1", "Épisode 9"),
                                                                   content_type="text/html")
    items = [("/dated.html", "Mon, 02 Jun 2025 07:00:00 GMT"), ("/undated.html", "Tue, 10 Jun 2025 06:30:00 GMT"),
             ("/undated-2.html", "Thu, 01 Jan 2099 00:00:00 GMT")]
    feed = "".join(f"<item><link>{httpserver.url_for(path)}</link><pubDate>{date}</pubDate></item>"
                   for path, date in items)
    httpserver.expect_request("/rss.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Fil</title>{feed}</channel></rss>',
        content_type="application/rss+xml")
    veille("sources", "add", httpserver.url_for("/rss.xml"), "--db", db)

    veille("watch", "--once", "--db", db)

    assert stored(db) == {httpserver.url_for("/dated.html"): "2025-06-11",
                          httpserver.url_for("/undated.html"): "2025-06-10T06:30:00+00:00",
                          httpserver.url_for("/undated-2.html"): None}  # a feed date after the fetch is none
