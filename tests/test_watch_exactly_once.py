"""`veille watch` stores each article once: a text found at a second outlet adds that outlet's page
to the article, a wire story another outlet rewrote a little is stored and joins its story, a page
whose canonical URL is stored is not analysed again, and a watcher killed with SIGKILL mid-cycle
resumes with nothing lost and nothing twice. Everything is served on loopback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import create_engine, func, select, update
from typer.testing import CliRunner
from werkzeug import Request, Response

from veille.cli import app
from veille.store.schema import articles, fetches, source_items, sources, story_articles

runner = CliRunner()
DISPATCH = [
    ("Le gouvernement a présenté mercredi un projet de loi sur la sécurité des barrages, après les crues qui ont "
    "touché le sud-ouest du pays au printemps."),
    ("« Nous devons protéger les riverains avant la prochaine saison des pluies », a déclaré la ministre de la "
    "Transition écologique lors d'un point presse à Toulouse."),
    ("Le texte prévoit une inspection de chaque ouvrage tous les cinq ans et un fonds de 300 millions d'euros "
    "pour les communes les plus exposées, selon le dossier remis à la presse."),
    ("Les élus locaux ont salué un premier pas, tout en regrettant l'absence de moyens pour l'entretien des "
    "digues, dont la charge revient aux intercommunalités depuis 2018."),
]


def page(title: str, paragraphs: list[str], outlet: str, canonical: str | None = None, author: str = "") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    byline = f'<meta name="author" content="{author}">' if author else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html lang="fr"><head><title>{title}</title>{link}{byline}'
            f'<meta property="og:site_name" content="{outlet}">'
            '<meta property="article:published_time" content="2025-06-11T10:00:00+02:00"></head>'
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")


def rss(server: HTTPServer, paths: list[str]) -> str:
    items = "".join(f"<item><title>{p}</title><link>{server.url_for(p)}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Fil</title>{items}</channel></rss>'


@pytest.fixture(autouse=True)
def no_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VEILLE_HOST_INTERVAL", "0")


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    return httpserver


def serve(server: HTTPServer, path: str, html: str, requests: list[str] | None = None) -> None:
    def answer(request: Request) -> Response:
        if requests is not None:
            requests.append(request.path)
        return Response(html, content_type="text/html; charset=utf-8")

    server.expect_request(path).respond_with_handler(answer)


def follow(server: HTTPServer, db: str, feed: str, paths: list[str], name: str) -> None:
    server.expect_request(feed).respond_with_data(rss(server, paths), content_type="application/rss+xml")
    added = runner.invoke(app, ["sources", "add", server.url_for(feed), "--name", name, "--db", db])
    assert added.exit_code == 0, added.output


def watch(db: str) -> Any:
    engine = create_engine(db)
    with engine.begin() as conn:
        conn.execute(update(sources).values(next_try=datetime.now(UTC) - timedelta(seconds=1)))
    engine.dispose()
    result = runner.invoke(app, ["watch", "--once", "--db", db])
    assert result.exit_code == 0, result.output
    return result


def rows(db: str, query: Any) -> list[tuple[Any, ...]]:
    engine = create_engine(db)
    with engine.connect() as conn:
        found = [tuple(row) for row in conn.execute(query)]
    engine.dispose()
    return found


def test_the_same_text_at_two_outlets_is_one_article_with_both_pages(site: HTTPServer, any_db_url: str) -> None:
    db = any_db_url  # on SQLite, then PostgreSQL
    serve(site, "/sud/barrages.html", page("Barrages : un projet de loi", DISPATCH, "Le Courrier du Sud",
                                           author="Jeanne Martin"))
    serve(site, "/ouest/depeche.html", page("Barrages : un projet de loi", DISPATCH, "L'Écho de l'Ouest"))
    follow(site, db, "/sud/rss.xml", ["/sud/barrages.html"], "sud")
    follow(site, db, "/ouest/rss.xml", ["/ouest/depeche.html"], "ouest")

    watch(db)

    assert rows(db, select(func.count()).select_from(articles)) == [(1,)]
    pages = rows(db, select(fetches.c.url, fetches.c.outlet, fetches.c.author).order_by(fetches.c.url.desc()))
    assert pages == [(site.url_for("/sud/barrages.html"), "Le Courrier du Sud", "Jeanne Martin"),
                     (site.url_for("/ouest/depeche.html"), "L'Écho de l'Ouest", None)]


def test_a_wire_story_rewritten_by_another_outlet_is_stored_and_joins_its_story(
        site: HTTPServer, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'veille.db'}"
    rewritten = ["Toulouse (AFP) — Le projet de loi était attendu par les maires des vallées inondées.", *DISPATCH]
    serve(site, "/sud/barrages.html", page("Barrages : un projet de loi", DISPATCH, "Le Courrier du Sud"))
    serve(site, "/ouest/depeche.html", page("Sécurité des barrages", rewritten, "L'Écho de l'Ouest"))
    follow(site, db, "/sud/rss.xml", ["/sud/barrages.html"], "sud")
    follow(site, db, "/ouest/rss.xml", ["/ouest/depeche.html"], "ouest")

    watch(db)

    stored = rows(db, select(articles.c.source, story_articles.c.story).join(
        story_articles, story_articles.c.article == articles.c.pk).order_by(articles.c.pk))
    assert sorted(source for source, _ in stored) == ["L'Écho de l'Ouest", "Le Courrier du Sud"]
    assert len({story for _, story in stored}) == 1


def test_a_page_whose_canonical_url_is_stored_is_not_analysed_again(site: HTTPServer, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'veille.db'}"
    canonical = site.url_for("/sud/barrages.html")
    requests: list[str] = []
    serve(site, "/sud/barrages.html", page("Barrages", DISPATCH, "Le Courrier du Sud", canonical), requests)
    updated = [*DISPATCH, "Mis à jour à 18 h 00."]  # another text: only its address tells it is the same article
    serve(site, "/amp/barrages.html", page("Barrages", updated, "Le Courrier du Sud", canonical), requests)
    follow(site, db, "/rss.xml", ["/sud/barrages.html"], "sud")
    watch(db)
    follow(site, db, "/amp.xml", ["/amp/barrages.html", "/sud/barrages.html"], "amp")

    watch(db)
    watch(db)

    assert rows(db, select(func.count()).select_from(articles)) == [(1,)]
    assert sorted(requests) == ["/amp/barrages.html", "/sud/barrages.html"]  # each page fetched once, ever
    assert rows(db, select(func.count()).select_from(source_items)) == [(3,)]


def test_a_watcher_killed_mid_cycle_resumes_with_nothing_lost_and_nothing_twice(
        site: HTTPServer, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'veille.db'}"
    paths = [f"/depeche-{n}.html" for n in range(1, 7)]
    requests: list[str] = []
    reached, release = threading.Event(), threading.Event()
    for n, path in enumerate(paths, start=1):
        html = page(f"Barrages, jour {n}", [f"Jour {n} : {DISPATCH[n % 4]}", DISPATCH[(n + 1) % 4]], "Le Sud")
        if n == 4:
            def slow(request: Request, html: str = html) -> Response:
                requests.append(request.path)
                reached.set()
                release.wait(20)  # the watcher is killed while it waits for this page
                return Response(html, content_type="text/html; charset=utf-8")
            site.expect_request(path).respond_with_handler(slow)
        else:
            serve(site, path, html, requests)
    follow(site, db, "/rss.xml", paths, "sud")

    watcher = subprocess.Popen([sys.executable, "-m", "veille", "watch", "--once", "--db", db],
                               env={**os.environ, "VEILLE_HOST_INTERVAL": "0"},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert reached.wait(120), "the watcher never asked for the fourth page"
        deadline = time.monotonic() + 60
        while len(rows(db, select(articles.c.pk))) < 3:  # the pages before it are stored meanwhile
            assert time.monotonic() < deadline, "the watcher did not store the pages it had"
            time.sleep(0.1)
        watcher.send_signal(signal.SIGKILL)
        watcher.wait(30)
    finally:
        release.set()
        if watcher.poll() is None:
            watcher.kill()
    before = rows(db, select(articles.c.title).order_by(articles.c.pk))
    watch(db)

    titles = [title for (title,) in rows(db, select(articles.c.title).order_by(articles.c.pk))]
    assert [(title,) for title in titles[:len(before)]] == before
    assert sorted(titles) == [f"Barrages, jour {n}" for n in range(1, 7)]
    assert before == [(f"Barrages, jour {n}",) for n in range(1, 4)]  # committed one by one, before the kill
    assert all(requests.count(path) == 1 for path in paths if path != "/depeche-4.html")
    assert requests.count("/depeche-4.html") == 2


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_running_watcher_stops_cleanly_between_articles_on_a_signal(
        site: HTTPServer, tmp_path: Path, signum: int) -> None:
    db = f"sqlite:///{tmp_path / 'veille.db'}"
    paths = [f"/depeche-{n}.html" for n in range(1, 4)]
    asked = threading.Event()
    for n, path in enumerate(paths, start=1):
        html = page(f"Barrages, jour {n}", [f"Jour {n} : {DISPATCH[n % 4]}", DISPATCH[(n + 1) % 4]], "Le Sud")

        def answer(request: Request, html: str = html) -> Response:
            asked.set()
            time.sleep(1)  # long enough for the signal to come while an article is on its way
            return Response(html, content_type="text/html; charset=utf-8")
        site.expect_request(path).respond_with_handler(answer)
    follow(site, db, "/rss.xml", paths, "sud")

    watcher = subprocess.Popen([sys.executable, "-m", "veille", "watch", "--db", db],
                               env={**os.environ, "VEILLE_HOST_INTERVAL": "0"},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert asked.wait(120), "the watcher never asked for a page"
        watcher.send_signal(signum)
        _, errors = watcher.communicate(timeout=60)
    finally:
        if watcher.poll() is None:
            watcher.kill()

    assert watcher.returncode == 0, errors
    titles = [title for (title,) in rows(db, select(articles.c.title))]
    taken = {url for (url,) in rows(db, select(source_items.c.url))}
    assert len(titles) < len(paths)  # it stopped before the end of the feed
    assert taken == {site.url_for(f"/depeche-{n}.html") for n in range(1, len(titles) + 1)}  # and kept its place
