"""Following sources: `veille sources add|list|remove` and `veille watch --once` against a real
HTTP server on loopback, serving an RSS feed that answers conditional requests and French pages."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import in_terminal
from pytest_httpserver import HTTPServer
from sqlalchemy import create_engine, select, update
from typer.testing import CliRunner
from werkzeug import Request, Response

from veille.cli import app
from veille.read import web
from veille.store.schema import articles, sources

runner = CliRunner()
PAGE = """<!doctype html><html lang="fr"><head><title>{title}</title>
<meta property="article:published_time" content="2025-08-2{n}T09:00:00+02:00"></head>
<body><article><h1>{title}</h1><p>« Nous ne céderons pas », a déclaré le {n} août la maire de Lille,
Martine Aubry, devant le conseil municipal réuni en séance extraordinaire.</p>
<p>Selon la préfecture du Nord, {n}00 personnes se sont rassemblées devant l'hôtel de ville.</p></article></body></html>"""


class Site:
    """A news site: an RSS feed of its articles, with an ETag, and the articles' pages."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.items = [1, 2]
        self.page_requests: list[str] = []
        server.expect_request("/robots.txt").respond_with_data("", status=404)
        server.expect_request("/rss.xml").respond_with_handler(self.feed)
        for n in range(1, 6):
            server.expect_request(f"/article-{n}.html").respond_with_handler(self.page)

    def feed(self, request: Request) -> Response:
        etag = f'"v{len(self.items)}"'
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304)
        items = "".join(f"<item><title>Article {n}</title><link>{self.server.url_for(f'/article-{n}.html')}</link>"
                        "</item>" for n in self.items)
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Le Nord</title>{items}</channel></rss>'
        return Response(body, content_type="application/rss+xml", headers={"ETag": etag})

    def page(self, request: Request) -> Response:
        self.page_requests.append(request.path)
        n = int(request.path.split("-")[1].split(".")[0])
        return Response(PAGE.format(title=f"Lille, jour {n}", n=n), content_type="text/html")


@pytest.fixture(autouse=True)
def no_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web, "PER_HOST_INTERVAL", 0.0)
    monkeypatch.setenv("VEILLE_HOST_INTERVAL", "0")


def veille(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    return result


def due_now(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(update(sources).values(next_try=datetime.now(UTC) - timedelta(seconds=1)))
    engine.dispose()


def stored(url: str) -> list[tuple[str, str]]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(select(articles.c.title, articles.c.source).order_by(articles.c.pk)).all()
    engine.dispose()
    return [tuple(row) for row in rows]


def test_a_feed_is_followed_exactly_once_and_only_new_items_are_fetched(
        httpserver: HTTPServer, tmp_path: Path) -> None:
    site = Site(httpserver)
    db = f"sqlite:///{tmp_path / 'veille.db'}"

    added = veille("sources", "add", httpserver.url_for("/rss.xml"), "--name", "Le Nord", "--db", db)
    first = veille("watch", "--once", "--db", db)

    assert added.exit_code == 0, added.output
    assert "rss" in added.output
    assert first.exit_code == 0, first.output
    assert stored(db) == [("Lille, jour 1", "Le Nord"), ("Lille, jour 2", "Le Nord")]

    due_now(db)
    unchanged = veille("watch", "--once", "--db", db)  # the feed answers 304: nothing is fetched

    assert unchanged.exit_code == 0
    assert sorted(site.page_requests) == ["/article-1.html", "/article-2.html"]

    site.items = [3, 1, 2]
    due_now(db)
    veille("watch", "--once", "--db", db)

    assert [title for title, _ in stored(db)] == ["Lille, jour 1", "Lille, jour 2", "Lille, jour 3"]
    assert site.page_requests.count("/article-1.html") == 1
    listing = json.loads(veille("sources", "list", "--db", db, "--format", "json").output)
    assert listing[0]["name"] == "Le Nord" and listing[0]["found"] == 3 and listing[0]["last_error"] is None


def test_a_failing_source_keeps_its_error_and_does_not_stop_the_others(
        httpserver: HTTPServer, tmp_path: Path) -> None:
    Site(httpserver)
    httpserver.expect_request("/broken.xml").respond_with_data("<rss version='2.0'><channel>",
                                                               content_type="application/rss+xml")
    db = f"sqlite:///{tmp_path / 'veille.db'}"
    veille("sources", "add", httpserver.url_for("/rss.xml"), "--name", "Le Nord", "--db", db)
    assert veille("sources", "add", httpserver.url_for("/broken.xml"), "--name", "cassé", "--db", db).exit_code == 0
    httpserver.clear_all_handlers()
    Site(httpserver)
    httpserver.expect_request("/broken.xml").respond_with_data("oops", status=404)

    result = veille("watch", "--once", "--db", db)

    assert result.exit_code == 0
    assert "cassé: the server answered 404" in result.output
    assert len(stored(db)) == 2
    listing = {row["name"]: row for row in json.loads(veille("sources", "list", "--db", db, "--format", "json").output)}
    assert "404" in listing["cassé"]["last_error"] and listing["Le Nord"]["last_error"] is None
    assert listing["cassé"]["last_success"] is None and listing["cassé"]["failures"] == 1


def test_sources_are_named_once_and_removed_by_name(httpserver: HTTPServer, tmp_path: Path) -> None:
    Site(httpserver)
    db = f"sqlite:///{tmp_path / 'veille.db'}"
    feed = httpserver.url_for("/rss.xml")

    assert veille("sources", "add", feed, "--db", db).exit_code == 0
    again = veille("sources", "add", feed, "--name", "autre", "--db", db)
    too_often = veille("sources", "add", feed, "--every", "10s", "--db", db)
    removed = veille("sources", "remove", "localhost", "--db", db)
    unknown = veille("sources", "remove", "localhost", "--db", db)

    assert again.exit_code == 2 and "already has this name or URL" in again.output
    assert too_often.exit_code == 2 and "at most once a minute" in too_often.output
    assert removed.exit_code == 0
    assert unknown.exit_code == 1 and "no source named" in unknown.output


@pytest.mark.parametrize(("path", "kind", "listing", "content_type"), [
    ("/sitemap.xml", "sitemap",
     ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
     'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{items}</urlset>'),
     "application/xml"),
    ("/atom.xml", "atom",
     '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Le Nord</title>{items}</feed>',
     "application/atom+xml"),
])
def test_sitemaps_and_atom_feeds_are_followed_too(
        httpserver: HTTPServer, tmp_path: Path, path: str, kind: str, listing: str, content_type: str) -> None:
    Site(httpserver)
    links = [httpserver.url_for(f"/article-{n}.html") for n in (4, 5)]
    item = ("<url><loc>{}</loc><news:news><news:title>Lille</news:title></news:news></url>" if kind == "sitemap"
            else '<entry><title>Lille</title><link href="{}"/><id>{}</id></entry>')
    items = "".join(item.format(link, link) for link in links)
    httpserver.expect_request(path).respond_with_data(listing.format(items=items), content_type=content_type)
    db = f"sqlite:///{tmp_path / 'veille.db'}"

    added = veille("sources", "add", httpserver.url_for(path), "--db", db)
    veille("watch", "--once", "--db", db)

    assert f"({kind}," in added.output
    assert [title for title, _ in stored(db)] == ["Lille, jour 4", "Lille, jour 5"]


def test_a_terminal_gets_a_progress_line_and_a_pipe_only_the_summary(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "veille", "watch", "--once", "--db", f"sqlite:///{tmp_path / 'veille.db'}"]
    piped = subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)
    seen = in_terminal(command)

    assert "watching:" not in piped.stderr and "0 source(s) read" in piped.stderr
    assert b"watching:" in seen and b"0 source(s) read" in seen
