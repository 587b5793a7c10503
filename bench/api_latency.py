"""Latency of the web app's API and pages on a large store: p50/p95/max of each list and page.

    python bench/api_latency.py [--articles 50000] [--requests 50] [--keep PATH] [--db URL]

The store is filled with synthetic articles made of real text: the paragraphs of the shared and
project corpora are analysed once (veille.analyze_many) and cut into sentence pieces at the
sentence ends no span crosses. With a seeded RNG, most articles are 6–14 pieces in random order;
about 15% are another outlet's copy of a recent one with a piece dropped or added, so stories of a
few copies form. An article's Analysis is its pieces' analyses end to end (offsets shifted, ids
renumbered, entities of one name merged), so every span still points at its characters. They go
in through `store.ingest`, a batch per transaction, as real ones would. The app then runs in this
process (FastAPI's TestClient) and each call is timed with time.perf_counter after a warm-up.
Targets: pages p95 < 200 ms, API calls p95 < 50 ms. See bench/README.md.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import re
import sqlite3
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from corpus import real_articles  # bench/corpus.py, beside this script
from sqlalchemy import func, make_url, select

import veille
from veille import store
from veille.model import Analysis, Article, Entity, Event, Quote, Span, Stance, TimeExpr
from veille.read.records import body_hash
from veille.store.db import open_engine
from veille.store.schema import articles

SEED = 20251125
FIRST_DAY = date(2024, 1, 1)
DAYS = 730  # publication dates spread over two years
SOURCES = ("AFP", "Le Monde", "Libération", "Le Figaro", "Ouest-France", "RFI", "France 24", "La Croix")
PAGE_TARGET = 0.200
API_TARGET = 0.050
WARM_UP = 3
CALL_BUDGET = 15.0  # seconds per call: a call this slow is not repeated N times, its first requests say enough


# --- the paragraphs ---

def paragraph_records() -> list[dict[str, Any]]:
    """Each paragraph of the real articles as a record, dated as its article is in the gold files."""
    records = []
    for source in real_articles():
        for number, text in enumerate(re.split(r"\n\s*\n", source.text), start=1):
            text = text.strip()
            if len(text) >= 60:  # headlines and bylines alone make poor paragraphs
                records.append({"id": f"{source.ident}#{number}", "text": text, "published": source.published,
                                "language": "fr"})
    return records


def analysed_paragraphs() -> list[Analysis]:
    """The paragraphs, each analysed whole so that a quote's speaker can be found in its context."""
    results = list(veille.analyze_many(paragraph_records(), batch_size=16))
    analysed = [r for r in results if isinstance(r, Analysis)]
    if len(analysed) != len(results):
        raise SystemExit(f"{len(results) - len(analysed)} paragraph(s) failed to analyse")
    return analysed


# --- the pieces ---

SENTENCE_END = re.compile(r"(?<!\b[A-Z])([.!?…]|»)\s+(?=[«\"“A-ZÀ-ÖØ-Þ])")  # not after an initial: "M. Dupont"
SHORTEST_PIECE = 40  # characters: a shorter piece is a fragment ("Il l'a dit.") rather than a sentence


def held_spans(analysis: Analysis) -> list[tuple[int, int]]:
    """The stretches a cut must leave whole: mentions, quotes with their speaker, times, events, stances."""
    spans = [(m.start, m.end) for e in analysis.entities for m in e.mentions]
    for q in analysis.quotes:
        ends = [q.start, q.end, *(v for v in (q.speaker_start, q.speaker_end) if v is not None)]
        spans.append((min(ends), max(ends)))
    spans += [(t.start, t.end) for t in analysis.times]
    spans += [(e.start, e.end) for e in analysis.events]
    spans += [(s.start, s.end) for s in analysis.stances]
    return spans


def sentence_pieces(analysis: Analysis, shortest: int = SHORTEST_PIECE) -> list[Analysis]:
    """A paragraph's Analysis cut at the sentence ends (SENTENCE_END) that no span crosses, each piece
    its own Analysis of one sentence or of a few that a span holds together.

    Offsets are rebased to the piece; an entity is kept when it has a mention in it (with those
    mentions only); a quote's speaker, an event's participants and a stance's holder that are not
    kept become None or are dropped. Pieces under `shortest` characters are left out.
    """
    text = analysis.article.text
    spans = held_spans(analysis)
    starts, ends = [0], []
    for match in SENTENCE_END.finditer(text):
        end, start = match.end(1), match.end()
        if not any(s < start and e > end for s, e in spans):
            ends.append(end)
            starts.append(start)
    ends.append(len(text.rstrip()))
    bounds = [(start, end) for start, end in zip(starts, ends, strict=True) if end - start >= shortest]
    return [piece(analysis, start, end, f"{analysis.article.id}.{number}")
            for number, (start, end) in enumerate(bounds, start=1)]


def piece(analysis: Analysis, start: int, end: int, ident: str) -> Analysis:
    """The part of `analysis` that lies in its text[start:end], as an Analysis of that text alone."""
    def inside(first: int, last: int) -> bool:
        return start <= first and last <= end

    def shift(value: int | None) -> int | None:
        return None if value is None else value - start

    entities = []
    for entity in analysis.entities:
        mentions = [Span(m.start - start, m.end - start, m.text) for m in entity.mentions if inside(m.start, m.end)]
        if mentions:
            entities.append(replace(entity, mentions=mentions))
    kept = {e.id for e in entities}

    def ids(old: list[str]) -> list[str]:
        return [i for i in old if i in kept]

    quotes = [replace(q, start=q.start - start, end=q.end - start, speaker=q.speaker if q.speaker in kept else None,
                      speaker_start=shift(q.speaker_start), speaker_end=shift(q.speaker_end))
              for q in analysis.quotes if inside(q.start, q.end)]
    times = [replace(t, start=t.start - start, end=t.end - start) for t in analysis.times if inside(t.start, t.end)]
    events = [replace(e, start=e.start - start, end=e.end - start, actors=ids(e.actors), targets=ids(e.targets),
                      locations=ids(e.locations)) for e in analysis.events if inside(e.start, e.end)]
    stances = [replace(s, start=s.start - start, end=s.end - start, holder=s.holder if s.holder in kept else None)
               for s in analysis.stances if inside(s.start, s.end)]
    text = analysis.article.text[start:end]
    article = replace(analysis.article, id=ident, text=text, sha256=body_hash(text), title=None)
    return Analysis(article, entities, quotes, times, events, stances)


def pool_of(paragraphs: list[Analysis]) -> list[Analysis]:
    """The pieces of the analysed paragraphs, each checked to read its own characters."""
    pool = [p for paragraph in paragraphs for p in sentence_pieces(paragraph)]
    for analysis in pool:
        check_spans(analysis)
    return pool


# --- synthetic articles ---

def compose(parts: list[Analysis], ident: str, published: str, source: str) -> Analysis:
    """One article from pieces: their analyses end to end, offsets shifted, ids renumbered,
    entities of the same name and type merged into one."""
    texts: list[str] = []
    offset = 0
    entities: dict[tuple[str, str], Entity] = {}
    quotes: list[Quote] = []
    times: list[TimeExpr] = []
    events: list[Event] = []
    stances: list[Stance] = []
    for part in parts:
        rename: dict[str, str] = {}
        for entity in part.entities:
            key = (entity.name, entity.type)
            mentions = [Span(m.start + offset, m.end + offset, m.text) for m in entity.mentions]
            if key in entities:
                merged = entities[key]
                merged.mentions.extend(mentions)
                merged.role = merged.role or entity.role
                merged.affiliation = merged.affiliation or entity.affiliation
            else:
                entities[key] = Entity(f"e{len(entities) + 1}", entity.name, entity.type, mentions, entity.role,
                                       entity.affiliation)
            rename[entity.id] = entities[key].id

        def ids(old: list[str], rename: dict[str, str] = rename) -> list[str]:
            return list(dict.fromkeys(rename[i] for i in old if i in rename))

        def shift(value: int | None, offset: int = offset) -> int | None:
            return None if value is None else value + offset

        for q in part.quotes:
            quotes.append(replace(q, id=f"q{len(quotes) + 1}", start=q.start + offset, end=q.end + offset,
                                  speaker=rename.get(q.speaker) if q.speaker else None,
                                  speaker_start=shift(q.speaker_start), speaker_end=shift(q.speaker_end)))
        times += [replace(t, start=t.start + offset, end=t.end + offset) for t in part.times]
        for e in part.events:
            events.append(replace(e, id=f"v{len(events) + 1}", start=e.start + offset, end=e.end + offset,
                                  actors=ids(e.actors), targets=ids(e.targets), locations=ids(e.locations)))
        stances += [replace(s, holder=rename.get(s.holder) if s.holder else None, start=s.start + offset,
                            end=s.end + offset) for s in part.stances]
        texts.append(part.article.text)
        offset += len(part.article.text) + 2
    text = "\n\n".join(texts)
    title = texts[0].split(". ")[0][:90]
    article = Article(id=ident, text=text, sha256=body_hash(text), language="fr", published=published,
                      title=title, source=source)
    return Analysis(article, list(entities.values()), quotes, times, events, stances)


COPIED = 0.15  # share of the articles that are another outlet's copy of a recent one
RECENT = 200  # a copy is of one of this many latest articles, once there are that many
LARGEST_STORY = 5  # articles: a story this large gets no more copies


@dataclass(frozen=True)
class Draft:
    """What a synthetic article is made of: pieces of the pool (by index, in order), its day and outlet,
    and the story it belongs to (the number of the article its copies descend from)."""

    pieces: tuple[int, ...]
    day: date
    source: str
    story: int


def fresh(rng: random.Random, size: int, story: int) -> Draft:
    """An article of 6–14 pieces drawn from a pool of `size`, in random order, on a random day."""
    pieces = tuple(rng.sample(range(size), rng.randint(min(6, size), min(14, size))))
    return Draft(pieces, FIRST_DAY + timedelta(days=rng.randrange(DAYS)), rng.choice(SOURCES), story)


def copy_of(rng: random.Random, original: Draft, size: int) -> Draft:
    """Another outlet's copy of `original`, 0–2 days later: its pieces with one dropped or one added."""
    pieces = list(original.pieces)
    if len(pieces) > 5 and rng.random() < 0.5:
        del pieces[rng.randrange(len(pieces))]
    else:
        pieces.insert(rng.randrange(len(pieces) + 1), rng.choice([i for i in range(size) if i not in pieces]))
    source = rng.choice([s for s in SOURCES if s != original.source])
    return Draft(tuple(pieces), original.day + timedelta(days=rng.randint(0, 2)), source, original.story)


def synthetic(pool: list[Analysis], count: int, seed: int = SEED) -> Iterator[Analysis]:
    """`count` distinct articles dated over two years: most are fresh draws of the pool, about COPIED
    of them copies of one of the RECENT latest (copies included), so that stories of 2–LARGEST_STORY
    copies form as they do on the wires."""
    rng = random.Random(seed)
    recent: deque[Draft] = deque(maxlen=RECENT)
    stories: Counter[int] = Counter()
    seen: set[str] = set()
    made = 0
    while made < count:
        copyable = [d for d in recent if stories[d.story] < LARGEST_STORY] \
            if len(recent) == RECENT and rng.random() < COPIED else []
        draft = copy_of(rng, rng.choice(copyable), len(pool)) if copyable else fresh(rng, len(pool), made)
        analysis = compose([pool[i] for i in draft.pieces], f"bench-{made + 1:06d}", draft.day.isoformat(),
                           draft.source)
        if analysis.article.sha256 in seen:
            continue
        seen.add(analysis.article.sha256)
        stories[draft.story] += 1
        recent.append(draft)
        made += 1
        yield analysis


def check_spans(analysis: Analysis) -> None:
    """Every span with its own text still points at it: the composition must not move a character."""
    text = analysis.article.text
    spans = [(m.start, m.end, m.text) for e in analysis.entities for m in e.mentions]
    spans += [(t.start, t.end, t.text) for t in analysis.times]
    spans += [(q.start, q.end, q.text) for q in analysis.quotes]
    for start, end, expected in spans:
        if text[start:end] != expected:
            raise SystemExit(f"{analysis.article.id}: span {start}-{end} reads {text[start:end]!r}, not {expected!r}")


# --- the store ---

def stored_count(url: str) -> int:
    engine = open_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())
    finally:
        engine.dispose()


def build(url: str, count: int, batch_size: int) -> float:
    """Fills the store at `url` with `count` synthetic articles; returns the seconds it took."""
    start = time.perf_counter()
    paragraphs = analysed_paragraphs()
    pool = pool_of(paragraphs)
    analysed = time.perf_counter() - start
    print(f"analysed {len(paragraphs)} real paragraphs in {analysed:.1f} s, cut into {len(pool)} pieces; "
          f"storing {count:,} articles (batches of {batch_size})", file=sys.stderr)
    done = 0

    def progress(outcome: store.Outcome) -> None:
        nonlocal done
        done += 1
        if done % 5000 == 0:
            elapsed = time.perf_counter() - start - analysed
            print(f"  {done:,} stored, {done / elapsed:.0f} articles/s", file=sys.stderr)

    def checked() -> Iterator[Analysis]:
        for number, analysis in enumerate(synthetic(pool, count)):
            if number < 200:
                check_spans(analysis)
            yield analysis

    report = store.ingest(checked(), url, batch_size=batch_size, on_outcome=progress)
    if report.count("stored") != count:
        raise SystemExit(f"expected {count} stored articles: {report.summary()}")
    return time.perf_counter() - start


def prepared_store(args: argparse.Namespace, scratch: Path) -> str:
    """The store's URL, built now unless it already holds exactly --articles articles."""
    if args.db:
        url = args.db
    else:
        path = Path(args.keep) if args.keep else scratch / "api-latency.db"
        url = f"sqlite:///{path}"
    held = stored_count(url)
    if held == args.articles:
        print(f"store: {describe(url)}, {held:,} articles, kept from an earlier run (not rebuilt)")
        print(f"store holds {contents(url)}")
        return url
    if held:
        raise SystemExit(f"{describe(url)} holds {held:,} articles, not {args.articles:,}: "
                         "give another --keep/--db, or remove it")
    seconds = build(url, args.articles, args.batch_size)
    print(f"store: {describe(url)}, {args.articles:,} articles, built in {seconds:.0f} s "
          f"({args.articles / seconds:.0f} articles/s, paragraph analysis included)")
    print(f"store holds {contents(url)}")
    return url


def contents(url: str) -> str:
    """What the store holds, in one line: articles, stories and the largest, actors, quotes, events, stances."""
    engine = open_engine(url, create=False)
    try:
        with engine.connect() as conn:
            def one(sql: str) -> int:
                return int(conn.exec_driver_sql(sql).scalar() or 0)

            counts = {table: one(f"SELECT count(*) FROM {table}")
                      for table in ("articles", "stories", "actors", "quotes", "events", "stances")}
            largest = one("SELECT max(n) FROM (SELECT count(*) AS n FROM story_articles GROUP BY story) AS sizes")
    finally:
        engine.dispose()
    return (f"{counts['articles']:,} articles in {counts['stories']:,} stories (the largest of {largest}), "
            f"{counts['actors']:,} actors, {counts['quotes']:,} quotes, {counts['events']:,} events, "
            f"{counts['stances']:,} stances")


def describe(url: str) -> str:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        path = Path(parsed.database)
        size = f", {path.stat().st_size / 1e6:.0f} MB" if path.exists() else ""
        return f"{path}{size}"
    return parsed.render_as_string(hide_password=True)


# --- the calls ---

@dataclass(frozen=True)
class Call:
    name: str
    url: str
    page: bool  # an HTML page (target 200 ms) rather than an API call (50 ms)


@dataclass(frozen=True)
class Timing:
    call: Call
    seconds: list[float]
    rows: int | None  # items on an API list page

    def quantile(self, q: float) -> float:
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]

    @property
    def target(self) -> float:
        return PAGE_TARGET if self.call.page else API_TARGET

    @property
    def met(self) -> bool:
        return self.quantile(0.95) < self.target


def parameters(url: str) -> dict[str, Any]:
    """What the calls ask for, picked from the store: its busiest actor, speaker, place and words."""
    engine = open_engine(url, create=False)
    try:
        with engine.connect() as conn:
            def one(sql: str) -> Any:
                return conn.exec_driver_sql(sql).scalar()

            found = {
                "actor": one("SELECT actor FROM actor_links GROUP BY actor ORDER BY count(*) DESC LIMIT 1"),
                "speaker": one("SELECT speaker_name FROM quotes WHERE speaker_name IS NOT NULL "
                               "GROUP BY speaker_name ORDER BY count(*) DESC LIMIT 1"),
                "place": one("SELECT a.name FROM event_actors p JOIN actors a ON a.id = p.actor "
                             "WHERE p.role = 'location' GROUP BY a.id ORDER BY count(*) DESC LIMIT 1"),
                "article_ids": list(conn.exec_driver_sql(
                    "SELECT id FROM articles ORDER BY random() LIMIT 200").scalars()),
                "actor_ids": list(conn.exec_driver_sql(
                    "SELECT id FROM actors ORDER BY random() LIMIT 200").scalars()),
            }
            found["actor_name"] = one(f"SELECT name FROM actors WHERE id = {int(found['actor'])}")
            words = conn.exec_driver_sql("SELECT text_folded FROM quotes LIMIT 2000").scalars()
            counts: dict[str, int] = {}
            for text in words:
                for word in set(re.findall(r"[a-z]{7,}", text)):
                    counts[word] = counts.get(word, 0) + 1
            found["word"] = max(sorted(counts), key=counts.__getitem__) if counts else "guerre"
            return found
    finally:
        engine.dispose()


def calls(found: dict[str, Any]) -> list[tuple[Call, Any]]:
    """Each call with what varies between its requests (an id drawn from a list, or nothing)."""
    from urllib.parse import quote

    article_ids, actor_ids = found["article_ids"], found["actor_ids"]
    top = found["actor"]
    return [
        (Call("/api/articles", "/api/articles", False), None),
        (Call(f"/api/articles?q={found['actor_name']}", f"/api/articles?q={quote(found['actor_name'])}", False),
         None),
        (Call("/api/articles?q=(no match)", "/api/articles?q=zzqxj", False), None),
        (Call("/api/articles (page 2, next)", "next:/api/articles", False), None),
        (Call("/api/articles (page 20, next)", "next20:/api/articles", False), None),
        (Call("/api/articles/{id}", "/api/articles/{}", False), article_ids),
        (Call("/api/quotes", "/api/quotes", False), None),
        (Call("/api/quotes (page 2, next)", "next:/api/quotes", False), None),
        (Call(f"/api/quotes?speaker={found['speaker']}", f"/api/quotes?speaker={quote(found['speaker'])}", False),
         None),
        (Call(f"/api/quotes?q={found['word']}", f"/api/quotes?q={quote(found['word'])}", False), None),
        (Call("/api/actors", "/api/actors", False), None),
        (Call("/api/actors (page 2, next)", "next:/api/actors", False), None),
        (Call("/api/actors/{id} (random)", "/api/actors/{}", False), actor_ids),
        (Call(f"/api/actors/{top} (most named)", f"/api/actors/{top}", False), None),
        (Call("/api/events", "/api/events", False), None),
        (Call("/api/events (page 2, next)", "next:/api/events", False), None),
        (Call("/api/events?type=ASSAULT", "/api/events?type=ASSAULT", False), None),
        (Call(f"/api/events?place={found['place']}", f"/api/events?place={quote(found['place'])}", False), None),
        (Call("/api/stances", "/api/stances", False), None),
        (Call("/api/stances (page 2, next)", "next:/api/stances", False), None),
        (Call("/api/stories", "/api/stories", False), None),
        (Call("/api/stories (page 2, next)", "next:/api/stories", False), None),
        (Call("/", "/", True), None),
        (Call("/articles/{id}", "/articles/{}", True), article_ids),
        (Call("/actors/{id} (random)", "/actors/{}", True), actor_ids),
        (Call(f"/actors/{top} (most named)", f"/actors/{top}", True), None),
        (Call("/timeline", "/timeline", True), None),
        (Call("/map", "/map", True), None),
        (Call("/quotes", "/quotes", True), None),
    ]


def resolve_url(client: Any, url: str) -> str:
    """A `next:` call's URL: the `next` of the list's first page (or of its 19th, for `next20:`)."""
    if not url.startswith("next"):
        return url
    hops, _, first = url.partition(":")
    depth = 19 if hops == "next20" else 1
    for _ in range(depth):
        answer = client.get(first).json()
        if not answer["next"]:
            raise SystemExit(f"{url}: the list ends before page {depth + 1}")
        first = answer["next"]
    return first


def time_call(client: Any, call: Call, varying: list[Any] | None, requests: int) -> Timing:
    url = resolve_url(client, call.url)
    urls = [url.format(varying[i % len(varying)]) if varying else url for i in range(requests + WARM_UP)]
    rows = None
    warming = time.perf_counter()
    for warm in urls[:WARM_UP]:
        if time.perf_counter() - warming > CALL_BUDGET / 10:
            break  # a call this slow is warm after one request
        answer = client.get(warm)
        if answer.status_code != 200:
            raise SystemExit(f"{warm}: HTTP {answer.status_code} {answer.text[:200]}")
        if not call.page and isinstance(answer.json(), dict) and "items" in answer.json():
            rows = len(answer.json()["items"])
    gc.collect()
    seconds: list[float] = []
    spent = 0.0
    for each in urls[WARM_UP:]:
        start = time.perf_counter()
        answer = client.get(each)
        taken = time.perf_counter() - start
        if answer.status_code != 200:
            raise SystemExit(f"{each}: HTTP {answer.status_code}")
        seconds.append(taken)
        spent += taken
        if spent > CALL_BUDGET:
            break
    return Timing(call, seconds, rows)


def report(timings: list[Timing]) -> None:
    header = ["call", "n", "rows", "p50 ms", "p95 ms", "max ms", "target", "met"]
    rows = [[t.call.name, str(len(t.seconds)), "" if t.rows is None else str(t.rows),
             f"{t.quantile(0.5) * 1000:.1f}", f"{t.quantile(0.95) * 1000:.1f}", f"{max(t.seconds) * 1000:.1f}",
             f"< {t.target * 1000:.0f}", "yes" if t.met else "NO"] for t in timings]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                        for i, (cell, w) in enumerate(zip(row, widths, strict=True))))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="p50/p95 latency of veille's API and pages on a store of synthetic articles made of real text.",
        epilog="example: python bench/api_latency.py --articles 2000 --requests 20   # a quick try",
    )
    parser.add_argument("--articles", type=int, default=50_000, help="articles in the store (default 50000)")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per call, after a warm-up (default 50)")
    parser.add_argument("--db", default=None, help="store URL to fill (when empty) or use (when it holds --articles)")
    parser.add_argument("--keep", default=None, metavar="PATH",
                        help="SQLite file to build once and reuse on later runs (default: a temporary file)")
    parser.add_argument("--batch-size", type=int, default=500, help="articles per ingest transaction (default 500)")
    parser.add_argument("--only", default=None, metavar="REGEX",
                        help="time only the calls whose name matches REGEX, e.g. '^/api/articles'")
    parser.add_argument("--analyze", action="store_true",
                        help="run SQLite's ANALYZE on the store before timing (a proposed fix; the statistics "
                             "stay in a --keep or --db store)")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.requests < 1 or args.batch_size < 1:
        parser.error("--articles, --requests and --batch-size must be at least 1")
    if args.db and args.keep:
        parser.error("--db and --keep both name the store: give one")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from fastapi.testclient import TestClient

    from veille.serve.app import create_app

    with tempfile.TemporaryDirectory(prefix="veille-bench-") as scratch:
        url = prepared_store(args, Path(scratch))
        if args.analyze:
            engine = open_engine(url, create=False)
            with engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
            engine.dispose()
            print("ran ANALYZE: the query planner has the store's statistics")
        found = parameters(url)
        print(f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPU(s), "
              f"load average {_load()}; {args.requests} requests per call after {WARM_UP} warm-up, "
              f"in-process TestClient")
        print()
        timings = []
        with TestClient(create_app(url), base_url="http://127.0.0.1") as client:  # a Host the guard lets in
            for call, varying in calls(found):
                if args.only and not re.search(args.only, call.name):
                    continue
                timings.append(time_call(client, call, varying, args.requests))
                print(f"  {call.name}: p95 {timings[-1].quantile(0.95) * 1000:.1f} ms", file=sys.stderr)
        report(timings)
        missed = [t for t in timings if not t.met]
        print()
        print(f"load average after: {_load()}")
        print(f"{len(timings) - len(missed)}/{len(timings)} calls meet their target "
              f"(pages p95 < {PAGE_TARGET * 1000:.0f} ms, API p95 < {API_TARGET * 1000:.0f} ms)"
              + (f"; over: {', '.join(t.call.name for t in missed)}" if missed else ""))
    return 0


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
