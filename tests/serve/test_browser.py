"""The dashboard in a real browser (Debian's Chromium driven by Playwright) on a store of real analyses:
search → article → a quote's details → its speaker's page; the timeline's filters; the map's markers;
an article holding `<script>` shown as text. Every test saves a screenshot in tests/screenshots/ (or
$VEILLE_SCREENSHOTS) and checks that no page asked for anything beyond the local server.

Skipped when /usr/bin/chromium is absent: `make test` installs it (Debian's package) when run as root.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import in_store, kallas

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"browser tests need Debian's Chromium at {CHROMIUM} (installed by `make test` as root)",
                allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright (pip: .[dev])")
uvicorn = pytest.importorskip("uvicorn")

import veille
from veille import store
from veille.serve import create_app
from veille.store import alerts

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("VEILLE_SCREENSHOTS") or ROOT / "tests" / "screenshots")
# The machine has no network: Chromium must not try to reach its update and sync services.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

ARTICLES = [
    {"id": "kiev", "published": "2025-08-20", "title": "Zelensky refuse toute concession",
     "text": "Volodymyr Zelensky a déclaré mardi à Kiev : « Nous ne céderons aucun territoire. » Dans la nuit, "
             "des frappes russes ont touché Odessa, faisant trois morts, selon les autorités locales."},
    {"id": "paris", "published": "2025-08-22", "title": "Macron reçoit Zelensky à Paris",
     "text": "Le président français Emmanuel Macron a reçu jeudi à Paris Volodymyr Zelensky. « La France continuera "
             "de soutenir l'Ukraine », a affirmé Emmanuel Macron lors d'une conférence de presse. Des manifestants "
             "se sont rassemblés à Lyon."},
    {"id": "script", "published": "2025-08-21", "title": "Un message <b>piégé</b>",
     "text": "Un internaute a publié le message <script>alert(1)</script> sur un forum, a indiqué mercredi la "
             "police de Lyon."},
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """veille serving a fresh store of the articles above, in this process, on a free local port."""
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'veille.db'}"
    in_store(url, lambda conn: alerts.add(conn, "zelensky", speaker="Zelensky"))  # before: every item is new
    report = store.ingest(veille.analyze_many(ARTICLES), url)
    assert report.summary() == "3 stored, 0 already stored, 0 failed"
    store.ingest([kallas()], url)  # by hand: a speaker found through a pronoun, mentions by pronoun and description
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(url), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A page on the server that records every request elsewhere (and refuses it), script errors and
    dialogs; the test fails if any happened."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, base_url=server, locale="fr-FR")
    outside: list[str] = []
    problems: list[str] = []

    def route(request_route: Any) -> None:
        if request_route.request.url.startswith(server):
            request_route.continue_()
        else:
            outside.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.set_default_timeout(5000)
    yield page
    context.close()
    assert outside == [], f"pages asked for outside resources: {outside}"
    assert problems == []


def shot(page: Any, name: str, full_page: bool = False) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


def test_search_then_article_then_a_quote_then_its_speaker(page: Any) -> None:
    expect = playwright.expect
    page.goto("/")
    page.get_by_role("searchbox", name="Search articles, quotes and actors").fill("Zelensky")
    page.keyboard.press("Enter")
    expect(page.locator("#found-articles")).to_contain_text("Zelensky refuse toute concession")
    shot(page, "1-search")

    page.locator("#found-articles").get_by_role("link", name="Zelensky refuse toute concession").click()
    expect(page).to_have_url(re.compile(r"/articles/kiev$"))
    quote = page.locator("#body mark.hl-quote[data-actor]").first
    expect(quote).to_contain_text("Nous ne céderons aucun territoire")
    expect(page.locator("#body mark.hl-time").first).to_have_attribute("data-value", "2025-08-19")
    expect(page.locator("#body mark.hl-event").first).to_have_attribute("data-type", "ASSAULT")

    quote.click()
    card = page.locator("#card")
    expect(card).to_be_visible()
    expect(card).to_contain_text("Volodymyr Zelensky")
    expect(card).to_contain_text("a déclaré")
    expect(card).to_contain_text("2025-08-19")
    shot(page, "2-article-quote-card")

    card.locator("a.speaker-link").click()
    expect(page).to_have_url(re.compile(r"/actors/\d+$"))
    expect(page.locator("h1")).to_contain_text("Volodymyr Zelensky")
    expect(page.locator("#quotes")).to_contain_text("Nous ne céderons aucun territoire")
    expect(page.locator("#articles")).to_contain_text("Macron reçoit Zelensky à Paris")
    shot(page, "3-actor", full_page=True)


def test_the_timeline_filters_by_type_and_actor(page: Any) -> None:
    expect = playwright.expect
    page.goto("/timeline")
    entries = page.locator("li.entry")
    everything = entries.count()
    assert {"event", "quote"} <= set(entries.evaluate_all("nodes => nodes.map(n => n.dataset.fact)"))

    page.locator("select[name=type]").select_option("quote")
    page.locator("input[name=actor]").fill("Macron")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"type=quote.*actor=Macron"))
    expect(entries.first).to_contain_text("La France continuera de soutenir l'Ukraine")
    assert set(entries.evaluate_all("nodes => nodes.map(n => n.dataset.fact)")) == {"quote"}
    assert entries.count() < everything
    shot(page, "4-timeline-filtered", full_page=True)

    page.locator("select[name=type]").select_option("ASSAULT")
    page.locator("input[name=actor]").fill("")
    page.locator("input[name=from]").fill("2025-08-19")
    page.locator("input[name=to]").fill("2025-08-20")
    page.get_by_role("button", name="Filter").click()
    expect(entries.first).to_contain_text("Odessa")
    assert set(entries.evaluate_all("nodes => nodes.map(n => n.dataset.type)")) == {"ASSAULT"}


def test_the_map_places_markers_that_lead_to_the_evidence(page: Any) -> None:
    expect = playwright.expect
    page.goto("/map")
    markers = page.locator("svg.map circle.marker")
    names = set(markers.evaluate_all("nodes => nodes.map(n => n.dataset.name)"))
    assert {"Odesa", "Paris", "Lyon"} & names, names
    shot(page, "5-map")

    marker = page.locator("svg.map a.marker-link", has=page.locator("circle[data-name=Paris]"))
    marker.click()
    place = page.locator("section.place.lit")
    expect(place).to_contain_text("CONSULT")
    expect(place).to_contain_text("Emmanuel Macron a reçu jeudi à Paris")
    shot(page, "6-map-place")

    place.locator("a.article-link").first.click()
    expect(page).to_have_url(re.compile(r"/articles/paris#m-event-"))
    expect(page.locator("#body mark.hl-event").first).to_be_visible()


def test_an_article_holding_a_script_shows_it_as_text(page: Any) -> None:
    expect = playwright.expect
    page.goto("/articles/script")
    expect(page.locator("#body")).to_contain_text("le message <script>alert(1)</script> sur un forum")
    expect(page.locator("h1")).to_have_text("Un message <b>piégé</b>")
    assert page.locator("#body script, #body b, h1 b").count() == 0
    shot(page, "7-article-with-script")


def test_the_api_docs_load_from_the_server(page: Any) -> None:
    expect = playwright.expect
    page.goto("/docs")
    expect(page.locator(".swagger-ui")).to_contain_text("/api/quotes")
    shot(page, "8-api-docs")


def test_an_unsure_speaker_and_a_pronoun_say_what_they_are(page: Any) -> None:
    expect = playwright.expect
    page.goto("/articles/kallas")

    page.locator("#body mark.hl-quote.hl-uncertain").click()
    card = page.locator("#card")
    expect(card.locator(".speaker-link.uncertain")).to_have_text("Kaja Kallas")
    expect(card.locator(".label-uncertain")).to_have_text("uncertain")
    expect(card.locator(".label-uncertain")).to_have_attribute("title", re.compile("through a pronoun"))
    shot(page, "9-article-uncertain-speaker")

    page.keyboard.press("Escape")
    page.locator("#body mark.hl-ent-pronoun").last.click()
    expect(card).to_contain_text("a pronoun: Elle")
    expect(card.locator(".entity-link")).to_have_text("Kaja Kallas")


def test_an_alert_shows_what_is_new_then_leads_to_the_evidence(page: Any) -> None:
    expect = playwright.expect
    page.goto("/")
    page.get_by_role("link", name="Alerts").click()
    row = page.locator("tr", has_text="zelensky")
    new = int(row.locator(".badge").inner_text())
    shot(page, "7-alerts")

    row.get_by_role("link", name="zelensky").click()
    assert new >= 1
    expect(page.locator(".alert-item.new")).to_have_count(new)
    expect(page.locator(".alert-item").first).to_contain_text("Nous ne céderons aucun territoire")
    shot(page, "8-alert", full_page=True)

    page.locator(".alert-item", has_text="Nous ne céderons aucun territoire").get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/articles/kiev#m-quote-q\d+$"))
    expect(page.locator("#body mark.hl-quote").first).to_contain_text("Nous ne céderons aucun territoire")

    page.goto("/alerts/zelensky")  # seen on the last visit: nothing is new now
    expect(page.locator(".alert-item")).to_have_count(new)
    expect(page.locator(".alert-item.new")).to_have_count(0)
