"""Fixtures shared across the suite: the contract's schema, hand-built analyses, and the French
analysis of short texts that the extraction tests read.

Store and CLI tests build their analyses by hand so that they test storing and serving, not how
well the extractors do on a given day.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import veille
from veille.model import Analysis, Article, Entity, Event, Quote, Span, Stance, TimeExpr
from veille.nlp import models
from veille.read.records import body_hash

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT.parent / "shared" / "contract" / "analysis.schema.json"

LAVROV = ("Sergueï Lavrov, ministre russe des affaires étrangères, a déclaré mercredi : "
          "« La Russie ne cédera pas sur les garanties de sécurité. »")
ZELENSKY = ("Volodymyr Zelensky a affirmé jeudi que l'Ukraine avait besoin de garanties solides. "
            "Un responsable américain de la défense a indiqué que Washington n'enverrait pas de troupes.")


@pytest.fixture(scope="session")
def analyse() -> Callable[..., Analysis]:
    """`veille.analyze` on a French article published on a Friday (2025-03-14) unless told otherwise,
    with the model loaded once. The language is given: a text of one or two sentences is too short
    for detection to be the point of the tests that use it (tests/nlp/)."""
    models.load("fr")

    def run(text: str, published: str = "2025-03-14") -> Analysis:
        return veille.analyze(text, published=published, language="fr")

    return run


@pytest.fixture(scope="session")
def contract_schema() -> dict[str, Any]:
    """The analysis contract (../shared/contract beside the repo), or a skip saying where it was sought."""
    if not SCHEMA.exists():
        pytest.skip(f"contract schema not found at {SCHEMA}")
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)


def lavrov(id: str = "lavrov", published: str | None = "2025-08-21") -> Analysis:
    """A direct quote by a named minister, dated by "mercredi"."""
    text = LAVROV
    name = span(text, "Sergueï Lavrov")
    said = span(text, "La Russie ne cédera pas sur les garanties de sécurité.")
    wednesday = span(text, "mercredi")
    return Analysis(
        Article(id, text, body_hash(text), "fr", published=published, title="Lavrov et les garanties"),
        entities=[
            Entity("e1", name.text, "PER", [name], role="ministre russe des affaires étrangères"),
            Entity("e2", "Russie", "LOC", [span(text, "Russie")]),
        ],
        quotes=[Quote("q1", "direct", said.text, said.start, said.end, "e1", name.text, cue="a déclaré",
                      date="2025-08-20")],
        times=[TimeExpr(wednesday.text, wednesday.start, wednesday.end, "2025-08-20")],
    )


def zelensky(id: str = "zelensky", published: str | None = "2025-08-22") -> Analysis:
    """An indirect quote by a named president and one by an unnamed official."""
    text = ZELENSKY
    name = span(text, "Volodymyr Zelensky")
    first = span(text, "l'Ukraine avait besoin de garanties solides")
    second = span(text, "Washington n'enverrait pas de troupes")
    official = span(text, "Un responsable américain de la défense")
    return Analysis(
        Article(id, text, body_hash(text), "fr", published=published),
        entities=[
            Entity("e1", name.text, "PER", [name], role="président ukrainien"),
            Entity("e2", "Ukraine", "LOC", [span(text, "Ukraine")]),
            Entity("e3", "Washington", "LOC", [span(text, "Washington")]),
        ],
        quotes=[
            Quote("q1", "indirect", first.text, first.start, first.end, "e1", name.text, cue="a affirmé",
                  date="2025-08-21"),
            Quote("q2", "indirect", second.text, second.start, second.end, None, official.text,
                  cue="a indiqué"),
        ],
        times=[TimeExpr("jeudi", text.index("jeudi"), text.index("jeudi") + 5, "2025-08-21")],
    )


KALLAS = ("Kaja Kallas a réuni jeudi les ministres européens à Bruxelles. « L'Europe restera unie », a-t-elle "
          "déclaré. Selon la cheffe de la diplomatie européenne, « les sanctions seront renforcées ». "
          "Elle réclame un cessez-le-feu immédiat.")


def kallas(id: str = "kallas", published: str | None = "2025-08-22") -> Analysis:
    """The analysis's optional fields: an entity named also by a pronoun and a description, a quote
    whose speaker was found through a pronoun (unsure) and one through a description (sure enough),
    and a dated stance."""
    text = KALLAS
    name, pronoun, description = span(text, "Kaja Kallas"), span(text, "-t-elle"), span(
        text, "la cheffe de la diplomatie européenne")
    elle = span(text, "Elle")
    first, second = span(text, "L'Europe restera unie"), span(text, "les sanctions seront renforcées")
    demand = span(text, "Elle réclame un cessez-le-feu immédiat.")
    return Analysis(
        Article(id, text, body_hash(text), "fr", published=published, title="Kallas et l'unité européenne"),
        entities=[
            Entity("e1", name.text, "PER", [
                name, Span(pronoun.start, pronoun.end, pronoun.text, "pronoun"),
                Span(description.start, description.end, description.text, "description"),
                Span(elle.start, elle.end, elle.text, "pronoun")], role="cheffe de la diplomatie européenne"),
            Entity("e2", "Bruxelles", "LOC", [span(text, "Bruxelles")]),
        ],
        quotes=[
            Quote("q1", "direct", first.text, first.start, first.end, "e1", pronoun.text, cue="a déclaré",
                  date="2025-08-21", confidence=0.453, speaker_link="pronoun"),
            Quote("q2", "direct", second.text, second.start, second.end, "e1", description.text, cue="selon",
                  date="2025-08-21", confidence=0.8, speaker_link="description"),
        ],
        stances=[Stance("e1", elle.text, "demand", "un cessez-le-feu immédiat", demand.start, demand.end,
                        date="2025-08-21")],
    )


@pytest.fixture
def examples() -> list[Analysis]:
    """The two example analyses, built afresh for each test."""
    return [lavrov(), zelensky()]


def in_store(url: str, work: Callable[[Any], Any]) -> Any:
    """`work(conn)` in one write transaction on the store at `url`."""
    from veille.store.db import open_engine, write

    engine = open_engine(url)
    try:
        return write(engine, "test", work)
    finally:
        engine.dispose()


def endless_page(request: Any) -> Any:
    """A pytest-httpserver handler: an HTML page that trickles out for ten seconds, as if it never ended."""
    import time

    from werkzeug import Response

    def trickle() -> Iterator[str]:
        yield "<html><body><p>"
        for _ in range(100):
            time.sleep(0.1)
            yield "encore "
    return Response(trickle(), content_type="text/html")


def in_terminal(command: list[str]) -> bytes:
    """What `command` writes when its standard streams are a terminal (a pseudo-terminal)."""
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))  # 50 rows, 200 columns
    seen = b""
    sized = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    with subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower, env=sized) as process:
        os.close(follower)
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closes with the process
                break
            if not chunk:
                break
            seen += chunk
        process.wait(300)
    os.close(leader)
    return seen


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'veille.db'}"


@pytest.fixture
def filled_db(db_url: str, examples: list[Analysis]) -> str:
    """A store holding the two examples."""
    from veille import store

    store.ingest(examples, db_url)
    return db_url


# --- Articles across which actors, places and stories are linked ---

SUMMIT = ("Vladimir Poutine, le président russe, a reçu vendredi en Alaska le président américain Donald Trump. "
          "« Nous voulons une paix durable », a déclaré Vladimir Poutine. "
          "La Russie a frappé Soumy dans la nuit, faisant deux morts.")
OFFENSIVE = ("Poutine a promis mercredi de poursuivre l'offensive. Le Kremlin a rejeté les sanctions européennes. "
             "Des drones ont visé Kyiv dans la nuit.")
WIRE = ("Kiev, 21 août 2025 (AFP) – L'armée russe a lancé dans la nuit de mercredi à jeudi une attaque massive "
        "de drones et de missiles contre l'Ukraine, a annoncé l'armée de l'air ukrainienne. Selon les autorités "
        "régionales, au moins deux personnes ont été tuées et une dizaine blessées à Soumy, dans le nord-est du "
        "pays, où des immeubles d'habitation ont été touchés. « La Russie continue de frapper des civils alors "
        "que nous parlons de paix », a dénoncé le président ukrainien Volodymyr Zelensky sur Telegram. Il a de "
        "nouveau réclamé un renforcement de la défense antiaérienne de son pays. Moscou affirme ne viser que des "
        "cibles militaires. Ces frappes interviennent quelques jours après la rencontre en Alaska entre Donald "
        "Trump et Vladimir Poutine, qui n'a débouché sur aucun accord de cessez-le-feu. Les Européens appellent "
        "Washington à maintenir la pression sur le Kremlin et à fournir de nouvelles garanties de sécurité à Kiev.")
# The same dispatch as another outlet ran it: new dateline, a verb and a noun changed, the end cut.
WIRE_COPY = (WIRE.replace("Kiev, 21 août 2025 (AFP) –", "KIEV (AFP) -")
             .replace("Moscou affirme ne viser que des cibles militaires.",
                      "Moscou assure ne viser que des objectifs militaires.")
             .replace(" Les Européens appellent Washington à maintenir la pression sur le Kremlin et à fournir "
                      "de nouvelles garanties de sécurité à Kiev.", " Mis à jour à 10h30."))


def spans(text: str, *words: str) -> list[Span]:
    """Every occurrence of each of `words` in `text`, in reading order."""
    found = []
    for word in words:
        start = text.find(word)
        while start != -1:
            found.append(Span(start, start + len(word), word))
            start = text.find(word, start + len(word))
    return sorted(found, key=lambda s: s.start)


def entity(text: str, id: str, name: str, type: str, *words: str, role: str | None = None) -> Entity:
    return Entity(id, name, type, spans(text, *(words or (name,))), role=role)  # type: ignore[arg-type]


def event(text: str, id: str, type: str, evidence: str, **fields: Any) -> Event:
    where = span(text, evidence)
    return Event(id, type, where.text, where.start, where.end, **fields)


def stance(text: str, holder: str | None, polarity: str, target: str, evidence: str,
           holder_text: str | None = None) -> Stance:
    where = span(text, evidence)
    return Stance(holder, holder_text, polarity, target, where.start, where.end)  # type: ignore[arg-type]


def quote(text: str, id: str, kind: str, said: str, speaker: str | None, speaker_text: str | None,
          **fields: Any) -> Quote:
    where = span(text, said)
    return Quote(id, kind, where.text, where.start, where.end, speaker, speaker_text, **fields)  # type: ignore[arg-type]


def summit(id: str = "sommet", published: str = "2025-08-15") -> Analysis:
    """Putin named in full, with his title; a meeting, a strike on Soumy, a quote and a stance."""
    text = SUMMIT
    return Analysis(
        Article(id, text, body_hash(text), "fr", published=published, source="AFP"),
        entities=[
            entity(text, "e1", "Vladimir Poutine", "PER", role="président russe"),
            entity(text, "e2", "Alaska", "LOC"),
            entity(text, "e3", "Donald Trump", "PER", role="président américain"),
            entity(text, "e4", "Russie", "LOC"),
            entity(text, "e5", "Soumy", "LOC"),
        ],
        quotes=[quote(text, "q1", "direct", "Nous voulons une paix durable", "e1", "Vladimir Poutine",
                      cue="a déclaré", date="2025-08-15")],
        events=[
            event(text, "v1", "CONSULT", "Vladimir Poutine, le président russe, a reçu vendredi en Alaska le "
                  "président américain Donald Trump.", mode="visit", actors=["e1"], targets=["e3"],
                  locations=["e2"], date="2025-08-15"),
            event(text, "v2", "ASSAULT", "La Russie a frappé Soumy dans la nuit, faisant deux morts.",
                  mode="aerial", actors=["e4"], locations=["e5"], killed=2),
        ],
        stances=[stance(text, "e1", "support", "une paix durable", "Nous voulons une paix durable")],
    )


def offensive(id: str = "offensive", published: str = "2025-08-20") -> Analysis:
    """Putin by surname alone; the Kremlin rejects sanctions; drones over Kyiv."""
    text = OFFENSIVE
    return Analysis(
        Article(id, text, body_hash(text), "fr", published=published, source="Le Monde"),
        entities=[
            entity(text, "e1", "Poutine", "PER"),
            entity(text, "e2", "Kremlin", "ORG"),
            entity(text, "e3", "Kyiv", "LOC"),
        ],
        quotes=[quote(text, "q1", "indirect", "de poursuivre l'offensive", "e1", "Poutine", cue="a promis",
                      date="2025-08-20")],
        events=[
            event(text, "v1", "REJECT", "Le Kremlin a rejeté les sanctions européennes.", actors=["e2"]),
            event(text, "v2", "ASSAULT", "Des drones ont visé Kyiv dans la nuit.", mode="drone",
                  locations=["e3"]),
        ],
        stances=[stance(text, "e2", "oppose", "les sanctions européennes",
                        "Le Kremlin a rejeté les sanctions européennes.")],
    )


CLAIMS = ("Des drones ont frappé Odessa lundi. Selon le gouverneur Oleh Kiper, un missile a touché le port "
          "de Kherson mardi. L'armée russe dément avoir bombardé l'hôpital de Kharkiv mercredi.")


def claims(id: str = "claims", published: str = "2025-08-21") -> Analysis:
    """One strike the article asserts, one its governor reports, one the Russian army denies."""
    text = CLAIMS
    return Analysis(
        Article(id, text, body_hash(text), "fr", published=published, source="AFP"),
        entities=[entity(text, "e1", "Odessa", "LOC"), entity(text, "e2", "Oleh Kiper", "PER"),
                  entity(text, "e3", "Kherson", "LOC"), entity(text, "e4", "Kharkiv", "LOC")],
        events=[
            event(text, "v1", "ASSAULT", "Des drones ont frappé Odessa lundi.", locations=["e1"], date="2025-08-18"),
            event(text, "v2", "ASSAULT", "Selon le gouverneur Oleh Kiper, un missile a touché le port de Kherson "
                  "mardi.", locations=["e3"], date="2025-08-19", modality="reported", reported_by="e2"),
            event(text, "v3", "ASSAULT", "L'armée russe dément avoir bombardé l'hôpital de Kharkiv mercredi.",
                  locations=["e4"], date="2025-08-20", modality="denied", reported_by_text="L'armée russe"),
        ],
    )


def wire(id: str = "afp", text: str = WIRE, published: str = "2025-08-21", source: str = "AFP") -> Analysis:
    """A wire dispatch: an overnight attack, a quote by Zelensky, his demand for air defence."""
    entities = [
        entity(text, "e1", "Kiev", "LOC", "Kiev", "KIEV"),
        entity(text, "e2", "Ukraine", "LOC"),
        entity(text, "e3", "Soumy", "LOC"),
        entity(text, "e4", "Volodymyr Zelensky", "PER", role="président ukrainien"),
        entity(text, "e5", "Telegram", "MISC"),
        entity(text, "e6", "Moscou", "LOC"),
        entity(text, "e7", "Alaska", "LOC"),
        entity(text, "e8", "Donald Trump", "PER"),
        entity(text, "e9", "Vladimir Poutine", "PER"),
    ]
    return Analysis(
        Article(id, text, body_hash(text), "fr", published=published, source=source),
        entities=[e for e in entities if e.mentions],
        quotes=[quote(text, "q1", "direct", "La Russie continue de frapper des civils alors que nous parlons de "
                      "paix", "e4", "le président ukrainien Volodymyr Zelensky", cue="a dénoncé",
                      channel="Telegram")],
        events=[event(text, "v1", "ASSAULT", "L'armée russe a lancé dans la nuit de mercredi à jeudi une "
                      "attaque massive de drones et de missiles contre l'Ukraine", mode="aerial",
                      targets=["e2"], locations=["e3"], date="2025-08-21", killed=2, injured=10)],
        stances=[stance(text, "e4", "demand", "un renforcement de la défense antiaérienne",
                        "Il a de nouveau réclamé un renforcement de la défense antiaérienne de son pays.")],
    )


@pytest.fixture
def linked_db(db_url: str) -> str:
    """A store of five articles: Putin in full then by surname, a wire story, its copy, and Lavrov's quote."""
    from veille import store

    store.ingest([summit(), offensive(), wire(), wire("reuters", WIRE_COPY, source="Reuters"), lavrov()], db_url)
    return db_url


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL server for the session (tests/postgres.py); skips when none can start."""
    import postgres

    reason = postgres.missing()
    if reason:
        pytest.skip(f"PostgreSQL: {reason}")
    with postgres.server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store on SQLite, then on PostgreSQL: a module's tests run on both when it overrides
    `db_url` with this."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'veille.db'}"
    import postgres

    return postgres.fresh_database(request.getfixturevalue("postgres_server"), f"test_{uuid.uuid4().hex[:12]}")
